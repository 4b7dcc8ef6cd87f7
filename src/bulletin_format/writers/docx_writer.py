"""DOCX writer (first version: all the text, in order; the GB/T 9704 writer replaces it)."""

from __future__ import annotations

import io

from docx import Document as DocxDocument

from ..model import Document


def write(doc: Document) -> bytes:
    out = DocxDocument()
    h = doc.header
    for text in (h.bulletin, h.issue, h.issuer, h.date_text):
        if text:
            out.add_paragraph(text)
    for item in doc.toc:
        out.add_paragraph(item)
    for art in doc.articles:
        if art.title:
            out.add_heading(art.title, level=1)
        if art.subtitle:
            out.add_paragraph(art.subtitle)
        for block in art.blocks:
            out.add_paragraph(block.text)
    for d in doc.distribution:
        out.add_paragraph(f"{d.label}：{d.text}")
    buf = io.BytesIO()
    import datetime

    out.core_properties.created = datetime.datetime(2000, 1, 1)
    out.core_properties.modified = datetime.datetime(2000, 1, 1)
    out.save(buf)
    return buf.getvalue()

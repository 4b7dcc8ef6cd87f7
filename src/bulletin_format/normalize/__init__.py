"""Normalisation pass: light, counted text fixes on every text field of the Document."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Document

if TYPE_CHECKING:
    from ..pipeline import Options

_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060]")


def normalize_document(doc: Document, options: Options) -> None:
    if not options.normalize:
        return
    counts = doc.normalization

    def fix(text: str | None) -> str | None:
        if text is None:
            return None
        new, n = _INVISIBLE.subn("", text)
        if n:
            counts["invisible_characters"] = counts.get("invisible_characters", 0) + n
        return new.strip()

    for art in doc.articles:
        art.title = fix(art.title)
        art.title_lines = [fix(t) or "" for t in art.title_lines]
        art.subtitle = fix(art.subtitle)
        for b in art.blocks:
            b.text = fix(b.text) or ""

"""Normalisation pass: counted text fixes on every text field of the Document (docs/normalization.md).

Two parts:

* ``convert_state`` (chinese.py): Traditional → Simplified with OpenCC. It belongs before cleaning
  and segmentation, whose patterns are Simplified; ``normalize_document`` converts the finished
  Document's fields instead when the pipeline did not call it (``converted=None``), and always for
  ``chinese="traditional"`` (segmentation must see the Simplified text).
* the rule chain (rules.py): invisible characters, full-width letters and digits, quotes, ellipses,
  dashes, punctuation width and spacing, each counted under its name in ``doc.normalization``.

Untouched: ``metadata.url``, ``metadata.title`` (the page's <title> as printed), ``published``,
``source``, ``removed`` and ``warnings``; ``doc_number_text`` stays as printed. Date fields keep the
printed form (``date_text``, only spacing, width and invisible characters fixed) next to the ISO
form (``date``), which is filled in from ``date_text`` when segmentation left it empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Block, Document
from .chinese import convert_document, convert_state, resolve_config
from .dates import parse_date
from .rules import RULES, Profile, normalize_text

if TYPE_CHECKING:
    from ..pipeline import Options

__all__ = ["RULES", "convert_state", "normalize_document", "normalize_text"]

_HEADER_BODY_FIELDS = ("issue", "doc_number", "signer", "copy_number", "secrecy", "urgency")
_METADATA_FIELDS = ("origin", "author", "editor")


def normalize_document(doc: Document, options: Options, *, converted: dict[str, int] | None = None) -> None:
    """Normalise ``doc`` in place and record what changed in ``doc.normalization``.

    ``converted`` is what ``convert_state`` returned when the pipeline converted Traditional/
    Simplified before segmentation; with None and ``chinese`` other than keep, the Document's
    fields are converted here. ``options.normalize=False`` skips the rule chain (text stays exactly
    as segmented); a requested conversion still happens.
    """
    counts = doc.normalization
    if converted is not None:
        _add(counts, converted)
    else:
        config = resolve_config(options.chinese, options.opencc_config)
        if config is not None:
            _add(counts, convert_document(doc, config))
    if options.normalize:
        _normalize_fields(doc, counts)


def _add(counts: dict[str, int], more: dict[str, int]) -> None:
    for key, n in more.items():
        if n:
            counts[key] = counts.get(key, 0) + n


def _normalize_fields(doc: Document, counts: dict[str, int]) -> None:
    def fix(text: str | None, profile: Profile = "body") -> str | None:
        return None if text is None else normalize_text(text, profile, counts)

    def fix_list(items: list[str], profile: Profile = "body") -> list[str]:
        return [normalize_text(t, profile, counts) for t in items]

    def fix_blocks(blocks: list[Block]) -> None:
        for block in blocks:
            block.text = normalize_text(block.text, "title" if block.type == "heading" else "body", counts)

    h = doc.header
    h.issuer, h.bulletin = fix(h.issuer, "title"), fix(h.bulletin, "title")
    for name in _HEADER_BODY_FIELDS:
        setattr(h, name, fix(getattr(h, name)))
    h.date_text = fix(h.date_text, "date")
    if h.date is None and h.date_text:
        h.date = parse_date(h.date_text)
    doc.toc = fix_list(doc.toc, "title")
    for art in doc.articles:
        art.title, art.subtitle = fix(art.title, "title"), fix(art.subtitle, "title")
        art.title_lines = fix_list(art.title_lines, "title")
        art.addressee = fix(art.addressee)
        art.attachment_list = fix_list(art.attachment_list)
        art.notes = fix_list(art.notes)
        fix_blocks(art.blocks)
        for sig in art.signatures:
            sig.organ, sig.date_text = fix(sig.organ, "title"), fix(sig.date_text, "date")
            if sig.date is None and sig.date_text:
                sig.date = parse_date(sig.date_text)
        for att in art.attachments:
            att.title = fix(att.title, "title")
            fix_blocks(att.blocks)
    for line in doc.distribution:
        line.text = normalize_text(line.text, "body", counts)
        line.recipients = fix_list(line.recipients)
    for name in _METADATA_FIELDS:
        setattr(doc.metadata, name, fix(getattr(doc.metadata, name)))

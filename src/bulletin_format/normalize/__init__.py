"""Normalisation pass: counted text fixes on every text field of the Document (docs/normalization.md).

Two parts:

* ``convert_document`` (chinese.py): Traditional ↔ Simplified with OpenCC, as the caller asked
  (``chinese``). The Document is already segmented (a Traditional input as its Simplified shadow,
  shadow.py) and mapped back to the input's script, so the conversion is only what the user asked.
* the rule chain (rules.py): invisible characters, full-width letters and digits, quotes, ellipses,
  dashes, punctuation width and spacing, each counted under its name in ``doc.normalization``.

Untouched: ``metadata.url``, ``metadata.title`` (the page's <title> as printed), ``published``,
``source``, ``removed`` and ``warnings``; ``doc_number_text`` stays as printed. Date fields keep the
printed form (``date_text``, only spacing, width and invisible characters fixed) next to the ISO
form (``date``), which is filled in from ``date_text`` when segmentation left it empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Document
from ..walk import NORMALIZED_ROLES, Role, walk
from .chinese import convert_document, resolve_config
from .dates import parse_date
from .rules import RULES, Profile, normalize_text

if TYPE_CHECKING:
    from ..pipeline import Options

__all__ = ["RULES", "convert_document", "normalize_document", "normalize_text", "resolve_config"]

def normalize_document(doc: Document, options: Options) -> None:
    """Normalise ``doc`` in place and record what changed in ``doc.normalization``.

    With ``chinese`` other than keep, every text field but URLs and ``removed`` is converted first
    (``opencc_<config>``). ``options.normalize=False`` skips the rule chain (text stays exactly as
    segmented); a requested conversion still happens.
    """
    counts = doc.normalization
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
    def fix(text: str, role: Role) -> str:
        return normalize_text(text, _PROFILE[role], counts)

    walk(doc, fix, NORMALIZED_ROLES)
    # the ISO form of a date the segmenter could not read until its printed form was cleaned
    h = doc.header
    if h.date is None and h.date_text:
        h.date = parse_date(h.date_text)
    for art in doc.articles:
        for sig in art.signatures:
            if sig.date is None and sig.date_text:
                sig.date = parse_date(sig.date_text)


_PROFILE: dict[Role, Profile] = {"title": "title", "body": "body", "date": "date"}

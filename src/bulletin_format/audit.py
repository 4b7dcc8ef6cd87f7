"""The nothing-lost audit: every character of the input ends up in a document field or in ``removed``.

Structure carries a few marks instead of text (a TOC bullet, the colon after a 报/送/发 label, the
separator between a label and its value), and normalisation maps some punctuation; both are
listed here, so the audit can tell a lost character from a represented one.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from .model import Document
from .patterns import BULLETS
from .walk import ALL_ROLES, texts

# marks the model represents by structure rather than by keeping them in a text field
STRUCTURAL_MARKS = frozenset(BULLETS + "：:")


AUDITED_ROLES = ALL_ROLES - {"meta"}  # the page's <title> and site name are tags, not visible text


def document_text(doc: Document) -> str:
    """All text the Document holds (every field, ``removed`` included), in no particular order."""
    return "".join(text for text, _ in texts(doc, AUDITED_ROLES))


def _content(text: str, *, folded: bool = False) -> Counter[str]:
    if folded:  # the width normalisation's mapping: Ａ１ and A1 are the same letters and digits
        text = unicodedata.normalize("NFKC", text)
    return Counter(c for c in text if not (c.isspace() or unicodedata.category(c) == "Cf"))


def lost_characters(text: str, doc: Document, *, content_only: bool = False) -> Counter[str]:
    """Characters of ``text`` that ``doc`` does not hold (as a multiset), structural marks aside.

    ``content_only``: count only letters and digits (what normalisation may never drop, while it maps
    punctuation to other punctuation, and full-width letters and digits to ASCII: both sides are
    compared in NFKC form then)."""
    have = _content(document_text(doc), folded=content_only)
    want = _content(text, folded=content_only)
    missing = want - have
    for mark in STRUCTURAL_MARKS:
        missing.pop(mark, None)
    if content_only:
        missing = Counter({c: n for c, n in missing.items() if unicodedata.category(c)[0] in "LN"})
    return missing

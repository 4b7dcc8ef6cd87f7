"""Cleaning pass: an ordered chain of small named rules that mark web boilerplate.

Each rule is a function ``rule(state) -> None`` in ``RULES``; the function's name is the ``reason``
users see in ``removed`` (a rule may also use a more specific reason from ``classify``). Rules mark
lines, never delete them, so everything removed stays visible in the output.

The rules describe web pages (breadcrumbs, share bars, bylines, page tails); a document someone wrote
(Word, Markdown) has none, and a line of it that looks like one is the author's, so they do not run —
unless its reader found it to be a web page saved in that format (a Markdown page dump: the reader
records the evidence in ``source.extraction``).
"""

from __future__ import annotations

from ..lines import PassState
from .rules import RULES

# formats written as documents, not scraped from the web: the boilerplate rules do not run on them
DOCUMENT_FORMATS = frozenset({"docx", "doc", "wps", "markdown"})


def run(state: PassState) -> PassState:
    if state.source.format in DOCUMENT_FORMATS and state.source.extraction is None:
        return state
    for rule in RULES:
        rule(state)
    return state


__all__ = ["DOCUMENT_FORMATS", "RULES", "run"]

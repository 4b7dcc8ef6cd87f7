"""Caches of pure answers about a text (is it prose, which dates it holds), one document at a time.

The passes ask the same questions about the same strings many times (a line's text, a title, a
byline). The answers about a *line* live on the ``Line`` (lines.py); the rest are cached here, keyed
by the text: bounded (``MAX_ENTRIES`` per function, least recently used first out, so memory never
grows with the document) and emptied when the pipeline has finished a document (``forget``), so
nothing accumulates across documents and every document is read with cold caches — what a stream of
new documents costs, and what the benchmarks measure.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# per function: more than a page's distinct lines (a few hundred); a 20 MB text has tens of thousands,
# and its sequential passes then recompute rather than hold them all. An entry costs ~100 bytes besides its
# text: at 4,096 the segmenter's caches were 0.9× a 0.85 MB DOCX (12,700 paragraphs) at its memory peak
MAX_ENTRIES = 512

_CLEARS: list[Callable[[], None]] = []


def per_document(fn: Callable[[str], T]) -> functools._lru_cache_wrapper[T]:
    """``fn`` (a pure function of one string) with a bounded cache that ``forget`` empties."""
    cached = functools.lru_cache(maxsize=MAX_ENTRIES)(fn)
    _CLEARS.append(cached.cache_clear)
    return cached


def forget() -> None:
    """Empty every per-document cache (the pipeline calls it when a document is done)."""
    for clear in _CLEARS:
        clear()


__all__ = ["MAX_ENTRIES", "forget", "per_document"]

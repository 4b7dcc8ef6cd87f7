"""The passes in order: read → clean → segment → normalise. Writers take the Document from here.

A Traditional input is read, cleaned and segmented as its Simplified shadow, and every field of the
Document is mapped back to the input's script before normalisation (shadow.py); ``chinese`` then
converts on top of that, counted like any normalisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import clean, memo, segment
from .model import Document
from .normalize import normalize_document, resolve_config
from .readers import DEFAULT_MAX_BYTES, Source, read
from .shadow import ShadowReading


@dataclass(frozen=True)
class Options:
    """Everything a caller can set on ``parse``/``convert``."""

    normalize: bool = True  # punctuation, width, spacing; off → text exactly as printed
    chinese: str = "keep"  # keep | simplified | traditional
    opencc_config: str | None = None  # e.g. tw2s, s2twp; overrides the default for ``chinese``
    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> Options:
        unknown = set(kwargs) - set(cls.__dataclass_fields__)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        return cls(**kwargs)


def run(source: Source, options: Options) -> Document:
    resolve_config(options.chinese, options.opencc_config)  # a bad option fails before any work
    shadowing = ShadowReading()  # the rules and the segmenter match Simplified words (抄送, 责任编辑 …)
    try:
        state = read(source, max_bytes=options.max_bytes, prepare=shadowing)
        clean.run(state)
        doc = segment.run(state)
        del state  # the lines, once segmented: let them go before normalisation makes new texts
        shadowing.restore(doc)  # every field (removed texts too) in the input's script again
        normalize_document(doc, options)
    finally:
        memo.forget()  # the per-text caches hold this document's answers only
    return doc

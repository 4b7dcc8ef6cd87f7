"""The passes in order: read → clean → segment → normalise. Writers take the Document from here."""

from __future__ import annotations

from dataclasses import dataclass

from . import clean, segment
from .model import Document
from .normalize import convert_state, normalize_document
from .readers import DEFAULT_MAX_BYTES, Source, read


@dataclass(frozen=True)
class Options:
    """Everything a caller can set on ``parse``/``convert``."""

    normalize: bool = True  # punctuation, width, spacing; off → text exactly as printed
    chinese: str = "keep"  # keep | simplified | traditional
    opencc_config: str | None = None  # e.g. tw2s, s2twp; overrides the default for ``chinese``
    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_kwargs(cls, **kwargs: object) -> Options:
        unknown = set(kwargs) - set(cls.__dataclass_fields__)
        if unknown:
            raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
        return cls(**kwargs)  # type: ignore[arg-type]


def run(source: Source, options: Options) -> Document:
    state = read(source, max_bytes=options.max_bytes)
    # OpenCC to Simplified first: the rules and the segmenter match Simplified words (抄送, 责任编辑 …)
    converted = convert_state(state, options)
    clean.run(state)
    doc = segment.run(state)
    normalize_document(doc, options, converted=converted)
    return doc

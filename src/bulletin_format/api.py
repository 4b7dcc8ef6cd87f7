"""The public entry points: ``parse`` and ``convert``."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import OutputFormatError
from .model import Document
from .pipeline import Options, run
from .readers import Source
from .writers import WRITERS, write_atomic


def parse(source: Source, **options: object) -> Document:
    """Read ``source`` (a path, bytes, text, or a binary file object) into a ``Document``.

    Options: ``normalize`` (bool), ``chinese`` ("keep" | "simplified" | "traditional"),
    ``opencc_config`` (an OpenCC configuration name), ``max_bytes`` (input size limit).
    """
    return run(source, Options.from_kwargs(**options))


def render(doc: Document, to: str = "json", **writer_options: object) -> str | bytes:
    """Write an already parsed Document in format ``to`` ("json" or "docx")."""
    try:
        writer = WRITERS[to]
    except KeyError:
        raise OutputFormatError(f"unknown output format {to!r}", hint=f"use one of: {', '.join(WRITERS)}") from None
    return writer(doc, **writer_options)


def convert(
    source: Source,
    to: str = "json",
    output: str | os.PathLike[str] | None = None,
    **options: object,
) -> str | bytes:
    """Parse ``source`` and return it as JSON text (``to="json"``) or DOCX bytes (``to="docx"``).

    When ``output`` is a path the result is also written there, atomically. Writer options (such as
    ``profile=`` for DOCX) are passed to the writer; the rest are parse options.
    """
    if to not in WRITERS:
        raise OutputFormatError(f"unknown output format {to!r}", hint=f"use one of: {', '.join(WRITERS)}")
    parse_keys = set(Options.__dataclass_fields__)
    parse_options = {k: v for k, v in options.items() if k in parse_keys}
    writer_options = {k: v for k, v in options.items() if k not in parse_keys}
    doc = parse(source, **parse_options)
    result = render(doc, to, **writer_options)
    if output is not None:
        data = result.encode("utf-8") if isinstance(result, str) else result
        write_atomic(Path(output), data)
    return result

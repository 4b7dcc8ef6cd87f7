"""The public entry points: ``parse``, ``render`` and ``convert``, and the check of their options.

Options are checked before any work (an unknown name, a bad value, an output path that is a folder),
so a mistake fails once, with a ``BulletinFormatError`` subclass, instead of once per input.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, overload

from .errors import OptionError, OutputError, OutputFormatError, UnknownOptionError, WriterOptionError
from .model import Document
from .pipeline import Options, run
from .readers import Source, Text, load
from .writers import WRITERS, write_atomic, write_file

PathLike = str | os.PathLike[str]
log = logging.getLogger(__name__)


_PARSE_OPTION_NAMES = frozenset(Options.__dataclass_fields__)


def parse_option_names() -> frozenset[str]:
    """The names ``parse`` takes (``normalize``, ``chinese``, ``opencc_config``, ``max_bytes``)."""
    return _PARSE_OPTION_NAMES


_DEFAULTS: list[Options] = []  # the default options once checked: a call without options is checked alike


def check_options(**options: Any) -> Options:
    """Parse options, checked: an unknown name raises ``UnknownOptionError``, a bad value ``OptionError``
    (``ChineseConversionError`` for ``chinese``/``opencc_config``, which loads the OpenCC configuration)."""
    if not options and _DEFAULTS:
        return _DEFAULTS[0]
    checked = _check_options(options)
    if not options:
        _DEFAULTS.append(checked)
    return checked


def _check_options(options: dict[str, Any]) -> Options:
    unknown = set(options) - parse_option_names()
    if unknown:
        raise UnknownOptionError(
            f"unknown option(s): {', '.join(sorted(unknown))}",
            hint=f"parse options are {', '.join(sorted(parse_option_names()))}",
        )
    checked = Options(**options)
    if not isinstance(checked.normalize, bool):
        raise OptionError(f"normalize must be True or False, not {checked.normalize!r}")
    if checked.opencc_config is not None and not isinstance(checked.opencc_config, str):
        raise OptionError(f"opencc_config must be an OpenCC configuration name, not {checked.opencc_config!r}")
    if not isinstance(checked.chinese, str):
        raise OptionError(f"chinese must be keep, simplified or traditional, not {checked.chinese!r}")
    from .normalize.chinese import converter, resolve_config

    config = resolve_config(checked.chinese, checked.opencc_config)
    if config is not None:
        converter(config)  # a configuration OpenCC does not have fails here, once
    load(b"x", max_bytes=checked.max_bytes)  # the same check of max_bytes the reader makes
    return checked


def source_of(source: Source | None, text: str | None, path: PathLike | None) -> Source:
    """The one source given: positionally (path-or-text rule for a ``str``), or as ``text=``/``path=``."""
    given = [x for x in (source, text, path) if x is not None]
    if len(given) != 1:
        raise OptionError(
            "give exactly one input: a source, text= or path=",
            hint="parse(\"page.html\"), parse(text=\"…\") or parse(path=\"page.html\")",
        )
    if text is not None:
        if not isinstance(text, str):
            raise OptionError(f"text= takes a str, not {type(text).__name__}", hint="pass bytes positionally")
        return Text(text)
    if path is not None:
        return Path(path)
    assert source is not None
    return source


def parse(
    source: Source | None = None, /, *, text: str | None = None, path: PathLike | None = None, **options: Any
) -> Document:
    """Read one document into a ``Document``.

    ``source`` is a path (``str`` or ``os.PathLike``), bytes, a binary file object, or text. A ``str`` is
    text when it holds a line break, starts with ``<`` or is blank, otherwise a path (an error when no
    such file exists); ``text=`` and ``path=`` say which explicitly.

    Options: ``normalize`` (bool), ``chinese`` ("keep" | "simplified" | "traditional"),
    ``opencc_config`` (an OpenCC configuration name), ``max_bytes`` (input size limit).
    """
    checked = check_options(**options)
    start = time.perf_counter()
    doc = run(source_of(source, text, path), checked)
    if log.isEnabledFor(logging.DEBUG):
        s = doc.source
        log.debug("%s: %s, %s (evidence %s), kind %s, %d article(s), %d removed, %d warning(s), %.1f ms",
                  s.path or "<input>", s.format, s.encoding, s.evidence, doc.kind, len(doc.articles),
                  len(doc.removed), len(doc.warnings), 1000 * (time.perf_counter() - start))
    return doc


@overload
def render(doc: Document, to: Literal["json"] = "json", **writer_options: Any) -> str: ...
@overload
def render(doc: Document, to: Literal["docx"], **writer_options: Any) -> bytes: ...
@overload
def render(doc: Document, to: str, **writer_options: Any) -> str | bytes: ...
def render(doc: Document, to: str = "json", **writer_options: Any) -> str | bytes:
    """Write an already parsed Document in format ``to`` (a name in ``writers.WRITERS``). An option the
    writer does not take is an ``UnknownOptionError``, a value it cannot use a ``WriterOptionError``."""
    writer = _writer(to)
    unknown, accepted = _unknown_writer_options(to, writer_options)
    if unknown:  # every writer, not only those that check their own options; the writers check the values
        raise WriterOptionError(f"unknown option(s) for the {to} writer: {', '.join(unknown)}", hint=accepted)
    return writer(doc, **writer_options)


def _writer(to: str) -> Callable[..., str | bytes]:
    try:
        return WRITERS[to]
    except (KeyError, TypeError):
        raise OutputFormatError(f"unknown output format {to!r}", hint=f"use one of: {', '.join(WRITERS)}") from None


def writer_option_names(to: str) -> frozenset[str] | None:
    """The options the writer of ``to`` takes, read from its signature (None: it takes any)."""
    return _option_names_of(_writer(to))


def _option_names_of(writer: Callable[..., str | bytes]) -> frozenset[str] | None:
    """``writer``'s keyword options, read from its signature once per writer (a writer set in WRITERS
    later is another function, read anew; an unhashable callable is read every time)."""
    try:
        return _cached_option_names(writer)
    except TypeError:  # unhashable
        return _read_option_names(writer)


@functools.lru_cache(maxsize=64)
def _cached_option_names(writer: Callable[..., str | bytes]) -> frozenset[str] | None:
    return _read_option_names(writer)


def _read_option_names(writer: Callable[..., str | bytes]) -> frozenset[str] | None:
    import inspect

    params = inspect.signature(writer).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
        return None
    return frozenset(p.name for p in params if p.kind is not inspect.Parameter.POSITIONAL_ONLY) - {"doc"}


def check_output(output: PathLike) -> Path:
    """An output file path, refused before any work when it names a folder."""
    path = Path(output)
    if path.is_dir():
        raise OutputError(
            "the output is a folder", source=str(path), hint="give a file name, e.g. out/page.json"
        )
    return path


@overload
def convert(
    source: Source | None = None, to: Literal["json"] = "json", output: PathLike | None = None, *,
    text: str | None = None, path: PathLike | None = None, **options: Any,
) -> str: ...
@overload
def convert(
    source: Source | None, to: Literal["docx"], output: PathLike | None = None, *,
    text: str | None = None, path: PathLike | None = None, **options: Any,
) -> bytes: ...
@overload
def convert(
    source: Source | None = None, *, to: Literal["docx"], output: PathLike | None = None,
    text: str | None = None, path: PathLike | None = None, **options: Any,
) -> bytes: ...
@overload
def convert(
    source: Source | None = None, to: str = "json", output: PathLike | None = None, *,
    text: str | None = None, path: PathLike | None = None, **options: Any,
) -> str | bytes: ...
def convert(
    source: Source | None = None,
    to: str = "json",
    output: PathLike | None = None,
    *,
    text: str | None = None,
    path: PathLike | None = None,
    **options: Any,
) -> str | bytes:
    """Parse one document and return it as JSON text (``to="json"``) or DOCX bytes (``to="docx"``).

    The input is given as for ``parse``. When ``output`` is a path the result is also written there,
    atomically (a new file gets the mode the umask allows; an existing file keeps its mode). Writer
    options (such as ``profile=`` for DOCX) are passed to the writer; the rest are parse options.
    """
    writer = _writer(to)
    parse_options, writer_options = _split_options(to, options)
    target = check_output(output) if output is not None else None
    doc = parse(source_of(source, text, path), **parse_options)
    result: str | bytes
    if to == "json" and writer is _json_module().write:  # (not a writer set in its place)
        # the JSON's chunks held lean, and joined once the Document is gone: the Document, the chunks and the
        # joined text were alive together, three times the JSON of a name list
        from .writers.json_text import JsonText

        held = JsonText()
        _json_module().write_chunks(doc, held.add, **writer_options)
        del doc
        result = held.text()
    else:
        result = writer(doc, **writer_options)
    if target is not None:
        write_atomic(target, result)
    return result


def _json_module() -> ModuleType:
    """The JSON writer's module (imported on first use, as ``WRITERS`` imports it)."""
    from .writers import json_writer as module

    return module


def _split_options(to: str, options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``convert``'s options as (parse options, writer options); an option neither takes is refused, and
    the writer's option values are checked, before any work."""
    parse_options = {k: v for k, v in options.items() if k in _PARSE_OPTION_NAMES}
    writer_options = {k: v for k, v in options.items() if k not in _PARSE_OPTION_NAMES}
    unknown, accepted = _unknown_writer_options(to, writer_options)
    if unknown:  # checked before any work, for every writer (not only those that check their own options)
        raise UnknownOptionError(
            f"unknown option(s) for {to}: {', '.join(unknown)}",
            hint=f"parse options are {', '.join(sorted(parse_option_names()))}; {accepted}",
        )
    check = WRITERS.option_check(to)
    if check is not None:  # the values too (a bad DOCX profile), before the input is read
        check(**writer_options)
    return parse_options, writer_options


def _unknown_writer_options(to: str, writer_options: dict[str, Any]) -> tuple[list[str], str]:
    """The options the writer of ``to`` does not take, sorted, and a hint naming those it takes."""
    takes = writer_option_names(to)
    unknown = sorted(k for k in writer_options if takes is not None and k not in takes)
    return unknown, f"the {to} writer takes {', '.join(f'{k}=' for k in sorted(takes or ())) or 'none'}"


def convert_to_file(source: Source, to: str, output: PathLike, **options: Any) -> None:
    """``convert(source, to, output, **options)`` for a caller that needs no result back (the CLI): the
    output is written as it is made (JSON streams into the file), so it is never held whole in memory."""
    _writer(to)
    parse_options, writer_options = _split_options(to, options)
    target = check_output(output)
    write_file(parse(source, **parse_options), to, target, **writer_options)

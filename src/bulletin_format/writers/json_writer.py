"""JSON writer: the Document's dict form, UTF-8, deterministic, validated by schema.json.

``write`` returns the JSON text; ``write_to`` writes the same bytes to a binary file as they are made,
so a big document's JSON is never held whole (nor its UTF-8 copy): what ``writers.write_file`` uses;
``write_chunks`` hands the same text to a function in chunks (``api.convert``: ``writers/json_text.py``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import IO, Any

from ..errors import WriterOptionError
from ..model import _LEAVES, SCHEMA_VERSION, Document, _fields_of, _plain

# Objects and lists are laid out over lines down to this depth (a block, a removed line, a cell row is
# one line); deeper values are written compact by the json module's C encoder, which is many times
# faster than its pure-Python indenting encoder.
LAYOUT_DEPTH = 4
# A compact value is handed to the C encoder whole unless it holds a list longer than BIG_LIST (a table
# block's rows): then it is written piece by piece, with the same separators, so that no dict form of a
# whole table is ever made, and its strings longer than BIG_TEXT (the table's text) are escaped in slices.
# An object of strings, numbers and None only (a paragraph block) goes whole, however long its text: one
# escaped copy of one text. Below these sizes the C encoder's one call is the faster way.
BIG_LIST = 64
BIG_TEXT = 1 << 16  # characters; a longer string is escaped in slices of this size
# Pieces written so far are joined into one chunk (and, when streaming, written out) every FLUSH_PIECES, or
# sooner once they hold FLUSH_CHARS characters (counted every CHECK_PIECES pieces): the text waiting in memory
# stays a few hundred KB whatever the document's size — 4,096 paragraphs of a few hundred characters each
# (a Word document's) were 3 MB of text waiting, joined, then encoded; a big table's rows (pieces of some
# 500 characters) made chunks of 3.7 million characters, held three times over.
FLUSH_PIECES = 4096
FLUSH_CHARS = 1 << 15
CHECK_PIECES = 64
# The widest indent taken: wider only pads every line (an indent of 10**9 spaces filled the memory).
MAX_INDENT = 16


def _make_compact() -> Callable[[Any], str]:
    """``json.JSONEncoder(ensure_ascii=False).encode``, without its cost per call: ``encode`` makes a
    new C encoder every time, which cost more than the encoding of a block or a removed line. One C
    encoder is made once and reused (no circular-reference check: the Document's dict form is a
    tree); where the json module has no C encoder, ``encode`` itself."""
    standard = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return standard.encode
    as_string = json.encoder.encode_basestring
    encoder = make(None, standard.default, as_string, None, standard.key_separator, standard.item_separator,
                   False, False, True)  # sort_keys, skipkeys, allow_nan: JSONEncoder's defaults

    def compact(value: Any) -> str:
        if isinstance(value, str):
            return as_string(value)
        return "".join(encoder(value, 0))

    return compact


_compact = _make_compact()
_as_string: Callable[[str], str] = json.encoder.encode_basestring  # (ensure_ascii=False: only " \ and controls)


def check_options(*, indent: int | None = 2) -> None:
    """The writer's options checked before any work: ``indent`` is None or a whole number of spaces
    from 0 to MAX_INDENT; anything else is a WriterOptionError."""
    if indent is not None and (isinstance(indent, bool) or not isinstance(indent, int) or not
                               0 <= indent <= MAX_INDENT):
        raise WriterOptionError(
            f"indent must be None or a whole number from 0 to {MAX_INDENT}, not {indent!r}",
            hint="indent=2 (the default) lays the JSON out over lines; indent=None writes one line",
        )


def write(doc: Document, *, indent: int | None = 2) -> str:
    """The Document as JSON text: with ``indent``, one field or list item per line down to
    LAYOUT_DEPTH (each block, each removed line on a line of its own); ``indent=None``: one line."""
    check_options(indent=indent)
    chunks: list[str] = []
    _write(doc, indent, chunks.append)
    return "".join(chunks)


def write_to(doc: Document, fh: IO[bytes], *, indent: int | None = 2) -> None:
    """``write(doc, indent=indent)`` encoded as UTF-8 into ``fh``, chunk by chunk as it is made."""
    check_options(indent=indent)
    _write(doc, indent, lambda chunk: fh.write(chunk.encode("utf-8")))


def write_chunks(doc: Document, sink: Callable[[str], object], *, indent: int | None = 2) -> None:
    """``write(doc, indent=indent)`` handed to ``sink`` chunk by chunk as it is made (the chunks joined are
    ``write``'s text): ``api.convert`` keeps them lean and joins them once the Document is gone."""
    check_options(indent=indent)
    _write(doc, indent, sink)


def _write(doc: Document, indent: int | None, sink: Callable[[str], object]) -> None:
    fields = [("schema_version", SCHEMA_VERSION), *((name, getattr(doc, name)) for name in doc.__dataclass_fields__)]
    out = _Out(" " * (indent or 0), sink)
    if indent is None:
        out.compact_fields(fields)
    else:
        out.layout_fields(fields, 0)
    out.pieces.append("\n")
    out.flush()


# The layout is that of the Document's dict form (``Document.to_dict``), written straight from the
# dataclasses: no copy of the whole document is made, only of the small values the C encoder writes.


def _nonempty_container(value: Any) -> bool:
    """Whether ``value`` is a dict or list with something in it, in its dict form (a dataclass is a dict
    with a key for each field)."""
    if isinstance(value, (dict, list)):
        return bool(value)
    return hasattr(value, "__dataclass_fields__") and bool(value.__dataclass_fields__)


def _any_nonempty(values: Any) -> bool:
    """``any(_nonempty_container(v) for v in values)``, with a string, number or None (most values) passed
    over at a type test and a list or dict tested in place."""
    for v in values:
        kind = type(v)
        if kind in _LEAVES:
            continue
        if kind is list or kind is dict:
            if v:
                return True
        elif _nonempty_container(v):
            return True
    return False


def _big(values: Any) -> bool:
    """Whether any of ``values`` is a list or a string too big to hand to the C encoder in one call."""
    for v in values:
        if (type(v) is list and len(v) > BIG_LIST) or (type(v) is str and len(v) > BIG_TEXT):
            return True
    return False


class _Out:
    """The JSON text as pieces, handed to ``sink`` in chunks of FLUSH_PIECES pieces, or FLUSH_CHARS characters,
    joined."""

    __slots__ = ("check_at", "counted", "held", "pieces", "sink", "unit")

    def __init__(self, unit: str, sink: Callable[[str], object]) -> None:
        self.unit = unit
        self.sink = sink
        self.pieces: list[str] = []
        self.check_at = CHECK_PIECES  # the number of pieces at which ``due`` is next asked
        self.held = 0  # characters in pieces[:counted]
        self.counted = 0

    def flush(self) -> None:
        if self.pieces:
            chunk = "".join(self.pieces)
            self.pieces.clear()  # before the sink encodes the chunk: the pieces are not held with both
            self.sink(chunk)
        self.check_at, self.held, self.counted = CHECK_PIECES, 0, 0

    def due(self) -> None:
        """(Asked when ``pieces`` reach ``check_at``) flush when the pieces are FLUSH_PIECES or hold FLUSH_CHARS
        characters; else ask again CHECK_PIECES pieces on (each piece is counted once)."""
        pieces = self.pieces
        self.held += sum(map(len, islice(pieces, self.counted, None)))
        self.counted = len(pieces)
        if self.counted >= FLUSH_PIECES or self.held >= FLUSH_CHARS:
            self.flush()
        else:
            self.check_at = self.counted + CHECK_PIECES

    def layout(self, value: Any, level: int) -> None:
        if level < LAYOUT_DEPTH:
            kind = type(value)
            spec = _fields_of(kind) if kind is not list else None
            if spec is not None:  # a dataclass
                names, get = spec
                values = get(value)
                if _LEAVES.issuperset(map(type, values)):  # strings, numbers and None (a removed line)
                    self.pieces.append(_compact(dict(zip(names, values, strict=True))))
                    return
                if _any_nonempty(values):
                    self.layout_fields(list(zip(names, values, strict=True)), level)
                    return
            elif kind is not list and isinstance(value, dict):
                fields = list(value.items())
                if _any_nonempty(value.values()):
                    self.layout_fields(fields, level)
                    return
            if isinstance(value, list) and value and (
                isinstance(value[0], (dict, list)) or hasattr(value[0], "__dataclass_fields__")
            ):
                unit, pieces = self.unit, self.pieces
                inner = unit * (level + 1)
                between = ",\n" + inner
                pieces.append("[\n")
                item_kind: type | None = None  # (the items of a list are mostly of one class: looked up once)
                for i, item in enumerate(value):
                    pieces.append(between if i else inner)
                    # an item of strings, numbers and None only (a block, a removed line): one line whatever
                    # its level, written here (what ``layout`` and ``compact`` do with it, without the calls)
                    if type(item) is not item_kind:
                        item_kind = type(item)
                        spec = _fields_of(item_kind)
                    if spec is not None and _LEAVES.issuperset(map(type, values := spec[1](item))):
                        pieces.append(_compact(dict(zip(spec[0], values, strict=True))))
                    else:
                        self.layout(item, level + 1)
                    if len(pieces) >= self.check_at:
                        self.due()
                pieces.append("\n" + unit * level + "]")
                return
        self.compact(value)

    def layout_fields(self, fields: list[tuple[str, Any]], level: int) -> None:
        pieces = self.pieces
        inner = self.unit * (level + 1)
        between = ",\n" + inner
        pieces.append("{\n")
        for i, (key, value) in enumerate(fields):
            pieces.append((between if i else inner) + (_as_string(key) if type(key) is str else _compact(key)) + ": ")
            # most fields are a string, None or an empty list: written here, as ``layout`` (then ``compact``)
            # writes them
            kind = type(value)
            if kind is str and len(value) <= BIG_TEXT:
                pieces.append(_as_string(value))
            elif value is None:
                pieces.append("null")
            elif kind is list and not value:
                pieces.append("[]")
            elif kind is dict and not value:
                pieces.append("{}")
            else:
                self.layout(value, level + 1)
        pieces.append("\n" + self.unit * level + "}")

    def compact(self, value: Any) -> None:
        """``value`` as the C encoder writes ``_plain(value)``; a big one piece by piece."""
        kind = type(value)
        if kind is str:
            if len(value) > BIG_TEXT:
                self.long_string(value)
            else:
                self.pieces.append(_as_string(value))
            return
        if kind is list:
            if len(value) > BIG_LIST:
                self.compact_items(value)
            else:  # (a list of strings, numbers and None is its own plain form: no copy of it)
                self.pieces.append(_compact(value if _LEAVES.issuperset(map(type, value)) else _plain(value)))
            return
        else:
            spec = _fields_of(kind)  # a dataclass (a dict goes whole: its keys need not be strings)
            if spec is not None:
                names, get = spec
                values = get(value)
                # strings, numbers and None only (a paragraph, a removed line): one call of the C encoder
                if _LEAVES.issuperset(map(type, values)):
                    self.pieces.append(_compact(dict(zip(names, values, strict=True))))
                    return
                if _big(values):
                    self.compact_fields(list(zip(names, values, strict=True)))
                    return
        self.pieces.append(_compact(_plain(value)))

    def compact_fields(self, fields: list[tuple[str, Any]]) -> None:
        pieces = self.pieces
        if not fields:
            pieces.append("{}")
            return
        for i, (key, value) in enumerate(fields):
            pieces.append((", " if i else "{") + _compact(key) + ": ")
            self.compact(value)
        pieces.append("}")

    def compact_items(self, items: list[Any]) -> None:
        pieces = self.pieces
        for i, item in enumerate(items):
            pieces.append(", " if i else "[")
            self.compact(item)
            if len(pieces) >= self.check_at:
                self.due()
        pieces.append("]" if items else "[]")

    def long_string(self, text: str) -> None:
        """The escaped string in slices (escaping is character by character, so slices join exactly)."""
        pieces = self.pieces
        pieces.append('"')
        for at in range(0, len(text), BIG_TEXT):
            pieces.append(_as_string(text[at : at + BIG_TEXT])[1:-1])
            self.due()  # a slice is a big piece: counted at once
        pieces.append('"')


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema of the output (draft 2020-12)."""
    text = resources.files("bulletin_format").joinpath("schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded

"""JSON writer: the Document's dict form, UTF-8, deterministic, validated by schema.json."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import SCHEMA_VERSION, Document, _plain

# Objects and lists are laid out over lines down to this depth (a block, a removed line, a cell row is
# one line); deeper values are written compact by the json module's C encoder, which is many times
# faster than its pure-Python indenting encoder.
LAYOUT_DEPTH = 4


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


def write(doc: Document, *, indent: int | None = 2) -> str:
    """The Document as JSON text: with ``indent``, one field or list item per line down to
    LAYOUT_DEPTH (each block, each removed line on a line of its own); ``indent=None``: one line."""
    if indent is None:
        return _compact(doc.to_dict()) + "\n"
    out: list[str] = []
    fields = [("schema_version", SCHEMA_VERSION), *((name, getattr(doc, name)) for name in doc.__dataclass_fields__)]
    _layout_fields(fields, 0, " " * indent, out)
    out.append("\n")
    return "".join(out)


# The layout is that of the Document's dict form (``Document.to_dict``), written straight from the
# dataclasses: no copy of the whole document is made, only of the small values the C encoder writes.


def _fields(value: Any) -> list[tuple[str, Any]] | None:
    """A dataclass's or a dict's (key, value) pairs, in order; None for anything else."""
    names = getattr(value, "__dataclass_fields__", None)
    if names is not None:
        return [(name, getattr(value, name)) for name in names]
    if isinstance(value, dict):
        return list(value.items())
    return None


def _nonempty_container(value: Any) -> bool:
    """Whether ``value`` is a dict or list with something in it, in its dict form (a dataclass is a dict
    with a key for each field)."""
    if isinstance(value, (dict, list)):
        return bool(value)
    return hasattr(value, "__dataclass_fields__") and bool(value.__dataclass_fields__)


def _layout(value: Any, level: int, unit: str, out: list[str]) -> None:
    if level < LAYOUT_DEPTH:
        fields = _fields(value)
        if fields is not None and any(_nonempty_container(v) for _, v in fields):
            _layout_fields(fields, level, unit, out)
            return
        if isinstance(value, list) and value and (
            isinstance(value[0], (dict, list)) or hasattr(value[0], "__dataclass_fields__")
        ):
            inner = unit * (level + 1)
            out.append("[\n")
            for i, item in enumerate(value):
                out.append(",\n" + inner if i else inner)
                _layout(item, level + 1, unit, out)
            out.append("\n" + unit * level + "]")
            return
    out.append(_compact(_plain(value)))


def _layout_fields(fields: list[tuple[str, Any]], level: int, unit: str, out: list[str]) -> None:
    inner = unit * (level + 1)
    out.append("{\n")
    for i, (key, value) in enumerate(fields):
        out.append((",\n" if i else "") + inner + _compact(key) + ": ")
        _layout(value, level + 1, unit, out)
    out.append("\n" + unit * level + "}")


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema of the output (draft 2020-12)."""
    text = resources.files("bulletin_format").joinpath("schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded

"""JSON writer: the Document's dict form, UTF-8, deterministic, validated by schema.json."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Document

# Objects and lists are laid out over lines down to this depth (a block, a removed line, a cell row is
# one line); deeper values are written compact by the json module's C encoder, which is many times
# faster than its pure-Python indenting encoder.
LAYOUT_DEPTH = 4
_compact = json.JSONEncoder(ensure_ascii=False).encode


def write(doc: Document, *, indent: int | None = 2) -> str:
    """The Document as JSON text: with ``indent``, one field or list item per line down to
    LAYOUT_DEPTH (each block, each removed line on a line of its own); ``indent=None``: one line."""
    data = doc.to_dict()
    if indent is None:
        return _compact(data) + "\n"
    return _layout(data, 0, " " * indent) + "\n"


def _layout(value: Any, level: int, unit: str) -> str:
    if level < LAYOUT_DEPTH and isinstance(value, dict) and any(
        isinstance(v, (dict, list)) and v for v in value.values()
    ):
        inner = unit * (level + 1)
        fields = ",\n".join(f"{inner}{_compact(k)}: {_layout(v, level + 1, unit)}" for k, v in value.items())
        return "{\n" + fields + "\n" + unit * level + "}"
    if level < LAYOUT_DEPTH and isinstance(value, list) and value and isinstance(value[0], (dict, list)):
        inner = unit * (level + 1)
        items = ",\n".join(inner + _layout(v, level + 1, unit) for v in value)
        return "[\n" + items + "\n" + unit * level + "]"
    return _compact(value)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema of the output (draft 2020-12)."""
    text = resources.files("bulletin_format").joinpath("schema.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded

"""JSON writer: the Document's dict form, UTF-8, deterministic, validated by schema.json."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..model import Document


def write(doc: Document, *, indent: int | None = 2) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, indent=indent) + "\n"


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema of the output (draft 2020-12)."""
    return json.loads(resources.files("bulletin_format").joinpath("schema.json").read_text(encoding="utf-8"))

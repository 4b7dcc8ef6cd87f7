"""Bytes → text, with the encoding and the evidence for it reported.

(First version: BOM, strict UTF-8, chardet with GB superset promotion, flagged lossy fallback.
The full layered strategy of spec/encoding.md replaces this.)
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_PROMOTE = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030", "hz-gb-2312": "gb18030"}


@dataclass
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str
    evidence: str  # bom | utf-8 | declared | detected | fallback
    confidence: float | None = None
    declared: str | None = None
    replaced: int = 0
    replaced_at: list[int] = field(default_factory=list)


def decode_bytes(data: bytes) -> Decoded:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(name), name, "bom", 1.0)
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8", 1.0)
    except UnicodeDecodeError:
        pass
    import chardet

    guess = chardet.detect(data[:65536])
    name = (guess.get("encoding") or "").lower()
    name = _PROMOTE.get(name, name)
    if name:
        try:
            return Decoded(data.decode(name), name, "detected", guess.get("confidence"))
        except (UnicodeDecodeError, LookupError):
            pass
    text = data.decode("gb18030", errors="replace")
    at = [i for i, ch in enumerate(text) if ch == "\ufffd"]
    return Decoded(text, "gb18030", "fallback", 0.0, replaced=len(at), replaced_at=at[:20])

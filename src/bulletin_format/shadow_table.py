"""Writes ``shadow_chars.py``: which characters mark a text as Traditional, from the installed OpenCC.

    python -m bulletin_format.shadow_table [PATH]     # default: the package's shadow_chars.py

Run it after upgrading OpenCC; tests/test_traditional.py checks that the shipped table still holds
every character the installed OpenCC converts.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from .normalize.chinese import converter
from .shadow import SHADOW_CONFIGS, shadow_both

# the code points scanned for ``shadow_chars.py``: CJK radicals, symbols and ideographs (all extensions)
_SCANNED = ((0x2E80, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x323AF))


def traditional_chars_from_opencc() -> str:
    """The characters that mark a text as Traditional, from the installed OpenCC: those that ``t2s``
    converts and the shadow converts too (``shadow_chars.py`` is this, written out)."""
    chars = _scanned()
    joined = "\n".join(chars)  # one character a line: no phrase spans two
    by_t2s = converter("t2s").convert(joined).split("\n")
    by_shadow = shadow_both(joined).split("\n")
    return "".join(c for c, t, s in zip(chars, by_t2s, by_shadow, strict=True) if t != c and s != c)


def hong_kong_variants_from_opencc() -> str:
    """The characters the first shadow configuration leaves and the second converts (Hong Kong forms
    such as 衞 枱 衹): the second pass runs only on a text that holds one."""
    first, then = SHADOW_CONFIGS
    after_first = converter(first).convert("\n".join(_scanned())).split("\n")
    after_then = converter(then).convert("\n".join(after_first)).split("\n")
    return "".join(sorted({a for a, b in zip(after_first, after_then, strict=True) if a != b}))


def _scanned() -> list[str]:
    return [chr(p) for low, high in _SCANNED for p in range(low, high + 1)]


def write_table(path: str | None = None) -> None:
    """Write ``shadow_chars.py`` (or ``path``) from the installed OpenCC."""
    chars = traditional_chars_from_opencc()
    body = "\n".join(f"    {line!r}" for line in textwrap.wrap(chars, 60))
    hong_kong = hong_kong_variants_from_opencc()
    target = Path(path) if path else Path(__file__).with_name("shadow_chars.py")
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(
        '"""Characters that mark a text as Traditional: OpenCC\'s ``t2s`` and the shadow convert them.\n\n'
        "Generated from the installed OpenCC by ``python -m bulletin_format.shadow_table``; a test checks\n"
        "that it still holds every such character. ``shadow.is_traditional`` scans for them.\n"
        '"""\n\n'
        f"TRADITIONAL_CHARS = (\n{body}\n)\n\n"
        "# what the second shadow configuration converts after the first (Hong Kong forms)\n"
        f"HONG_KONG_VARIANTS = {hong_kong!r}\n",
        encoding="utf-8",
    )
    tmp.replace(target)


if __name__ == "__main__":
    write_table(sys.argv[1] if len(sys.argv) > 1 else None)

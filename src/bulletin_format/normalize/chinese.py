"""Traditional ↔ Simplified conversion with OpenCC.

Works with either package that installs the top-level module ``opencc``: the official binding
(``OpenCC``, C++; takes "t2s" or "t2s.json") and ``opencc-python-reimplemented`` (pure Python;
takes "t2s" only). A configuration is given by its bare name, with ".json" tried as a fallback.
Converters are built once per configuration and cached.

The pipeline never converts before segmentation: a Traditional input is read, cleaned and segmented
as its Simplified shadow and mapped back (shadow.py), so ``convert_document`` only does what the
caller asked, on the finished Document.

Defaults: ``simplified`` → ``tw2s`` (restores Simplified exactly from s2t, s2tw and s2hk output,
where ``t2s`` leaves Taiwan 著 for 着); ``traditional`` → ``s2t`` (OpenCC's standard Traditional
characters, no regional vocabulary or variants; choose ``s2tw`` for Taiwan forms or Big5 output).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ChineseConversionError
from ..walk import ALL_ROLES, walk

if TYPE_CHECKING:
    from ..model import Document

DEFAULT_CONFIGS = {"simplified": "tw2s", "traditional": "s2t"}
CHOICES = ("keep", "simplified", "traditional")


class Converter(Protocol):
    def convert(self, text: str) -> str: ...


def resolve_config(chinese: str, opencc_config: str | None = None) -> str | None:
    """The OpenCC configuration name to use, or None for ``keep``.

    ``opencc_config`` overrides the default of the chosen direction; it is ignored with ``keep``.
    """
    if chinese not in CHOICES:
        raise ChineseConversionError(f"unknown chinese={chinese!r}", hint="use keep, simplified or traditional")
    if chinese == "keep":
        return None
    config = opencc_config or DEFAULT_CONFIGS[chinese]
    return config.removesuffix(".json")


@lru_cache(maxsize=32)
def converter(config: str) -> Converter:
    """A cached OpenCC converter for ``config`` ("t2s" or "t2s.json")."""
    try:
        import opencc
    except ImportError:  # pragma: no cover - depends on the environment
        raise ChineseConversionError(
            "Traditional/Simplified conversion needs OpenCC", hint="pip install opencc (or opencc-python-reimplemented)"
        ) from None
    name = config.removesuffix(".json")
    failure: Exception | None = None
    for candidate in (name, f"{name}.json"):
        try:
            return opencc.OpenCC(candidate)
        except Exception as exc:  # both packages raise different types for an unknown configuration
            failure = exc
    raise ChineseConversionError(
        f"OpenCC has no configuration {config!r} ({failure})", hint="try s2t, s2tw, s2twp, s2hk, t2s, tw2s, hk2s, tw2sp"
    )


def changed_chars(old: str, new: str) -> int:
    """How many characters a conversion changed (a 1:1 comparison when lengths agree)."""
    if old == new:
        return 0
    if len(old) == len(new):
        return sum(a != b for a, b in zip(old, new, strict=True))
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return max(len(old), len(new)) - sum(block.size for block in matcher.get_matching_blocks())


class _Counted:
    """Converts strings with one configuration, counting changed characters."""

    def __init__(self, config: str) -> None:
        self.config = config
        self.convert_text = converter(config).convert
        self.count = 0

    def __call__(self, text: Any) -> Any:
        if not isinstance(text, str) or not text:
            return text
        new = self.convert_text(text)
        if new != text:
            self.count += changed_chars(text, new)
        return new

    @property
    def key(self) -> str:
        return f"opencc_{self.config}"


def convert_text(text: str, config: str) -> str:
    """``text`` converted with OpenCC configuration ``config``."""
    return converter(config.removesuffix(".json")).convert(text)


def convert_document(doc: Document, config: str) -> dict[str, int]:
    """Convert every text field of a segmented Document (not URLs, ISO dates, the source, nor
    ``removed``, which keeps the input as it was); returns ``{"opencc_<config>": changed characters}``."""
    conv = _Counted(config)
    walk(doc, lambda text, role: conv(text), CONVERTED_ROLES)
    return {conv.key: conv.count} if conv.count else {}


CONVERTED_ROLES = ALL_ROLES - {"url", "removed"}

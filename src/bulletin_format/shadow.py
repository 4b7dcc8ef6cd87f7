"""The Simplified shadow of a Traditional input, and the way back to the input's script.

Cleaning rules, the HTML reader's table classifier and segmentation match Simplified words (发文机关,
抄送, 责任编辑 …). A Traditional input (Big5 or UTF-8; Taiwan, Hong Kong or OpenCC-standard forms) is
therefore read, cleaned and segmented as its *shadow*: the decoded text converted to Simplified one
character for one character (``SHADOW_CONFIGS``). Afterwards ``Shadow.restore`` maps every text field
of the Document back to the characters the input printed, so ``chinese="keep"`` keeps the input's
script; the shadow is not a change to the user's text and is not counted anywhere.

Mapping back. The shadow has the same length as the input, so a position in one is a position in the
other. Most shadow characters come from one input character only (a Traditional text writes 發, never
髮, …): those are mapped by a translation table. A shadow character with several sources in this input
(发 ← 發/髮, 后 ← 後/后, 干 ← 幹/乾/干) is resolved by position: the field is located in the shadow of
the whole input, piece by piece — a whole line, or, where the reader or the segmenter re-assembled
it (a title wrapped over lines, a paragraph split by inline tags, a 发文字号 normalised to 〔〕, a
date), each stretch that the shadow holds — each piece at the occurrence of its first characters
nearest to where the previous piece ended, and the input's characters there are copied. Characters
the input does not have (〔〕 put in by the segmenter) stay as they are.

Nothing to convert costs one regular-expression scan of the decoded text that finds no character
OpenCC's ``t2s`` converts (``shadow_chars.py``). A text with a few of them (a 繁體 switch on a
Simplified page) is read as it is too: the shadow is made when at least ``MIN_TRADITIONAL_SHARE`` of
the hanzi are Traditional.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from typing import TYPE_CHECKING

from .walk import walk

if TYPE_CHECKING:
    from .model import Document

# The shadow is compared with the input in stretches of this many characters, and only the stretches
# that differ are compared character by character (markup and Simplified text cost one comparison).
_STRETCH = 64

# A Traditional text has a fifth or more of its non-ASCII characters in forms ``t2s`` converts (20% at
# least in every seed, fixture, real page and cwced page converted with s2t, s2tw and s2hk); a
# Simplified page with a 繁體 switch, a quoted title or names in Traditional has well under that (1.3%
# at most there, apart from a text written in Traditional). Below this share the page is read as it
# is: a few Traditional words never hide a Simplified document's structure. (HTML: outside scripts.)
MIN_TRADITIONAL_SHARE = 0.02

# Locating a field in the shadow starts from its first _SEED characters (long enough to occur once in
# a document almost always, short enough to fit between two inline tags), looked for within _NEAR
# characters of where the previous piece ended (the next piece of text is rarely farther away in the
# markup), then anywhere.
_SEED = 8
_NEAR = 4096

# Taiwan variants back first (著 → 着, 裡 → 里), then Hong Kong ones (衞 → 卫, 枱 → 台): together they
# restore Simplified from the output of s2t, s2tw and s2hk alike, where tw2s alone leaves 衞 and hk2s
# alone leaves 著 (measured on the seeds, fixtures and real pages). Every entry of the dictionaries
# these configurations use maps a string to one of the same length, so the shadow is one for one.
SHADOW_CONFIGS = ("tw2s", "hk2s")

# A numeric character reference to a hanzi (&#35498; &#x8AAA;): an HTML page in Big5 writes the
# characters Big5 lacks this way, and some pages write all of their text so. The reader would decode
# them after the shadow was made, so on a page with Traditional text they are decoded first: the
# shadow and the place of each character are then those of the text the reader reads. (Only from
# U+2E80 on — four hex or five decimal digits at least —, which never makes markup; &#160; and
# &#8220; are left to the HTML parser.)
_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{4,6})|([0-9]{5,7}));")


@cache
def _traditional() -> tuple[re.Pattern[str], frozenset[str]]:
    """A scan for the characters that mark a text as Traditional (``shadow_chars.py``), and those of
    them outside the Basic Multilingual Plane.

    ``re`` keeps a class of BMP characters as a bitmap (a few nanoseconds a character); one astral
    character in the class would make it a list of ranges tried one by one (a hundred times slower).
    So the class holds the BMP ones and *every* astral character, and an astral match is looked up."""
    from .shadow_chars import TRADITIONAL_CHARS

    points = sorted({ord(c) for c in TRADITIONAL_CHARS if ord(c) <= 0xFFFF})
    ranges: list[str] = []
    start = prev = points[0]
    for p in [*points[1:], -1]:
        if p == prev + 1:
            prev = p
            continue
        ranges.append(re.escape(chr(start)) + ("-" + re.escape(chr(prev)) if prev > start else ""))
        start = prev = p
    astral = frozenset(c for c in TRADITIONAL_CHARS if ord(c) > 0xFFFF)
    return re.compile("[" + "".join(ranges) + "\U00010000-\U0010FFFF]"), astral


def _traditional_hits(text: str) -> Iterator[str]:
    scan, astral = _traditional()
    return (m.group() for m in scan.finditer(text) if m.group() <= "\uffff" or m.group() in astral)


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds a character that standard OpenCC ``t2s`` converts (one regex scan)."""
    return next(_traditional_hits(text), None) is not None


def is_traditional(text: str) -> bool:
    """Whether ``text`` is written (in good part) in Traditional characters: at least
    ``MIN_TRADITIONAL_SHARE`` of its non-ASCII characters (hanzi, and their punctuation) are ones
    ``t2s`` converts. A text without any costs one scan that finds none; the rest is counted only
    when there are some."""
    hits = _traditional_hits(text)
    if next(hits, None) is None:
        return False
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))  # (the codec counts fastest)
    needed = math.ceil(MIN_TRADITIONAL_SHARE * non_ascii)
    return needed <= 1 or any(n >= needed for n, _ in enumerate(hits, start=2))


def _traditional_in(text: str, spans: list[tuple[int, int]]) -> bool:
    """``is_traditional`` of the stretches ``spans`` of ``text`` joined, in one scan of them that counts as it
    goes: no joined copy, and a text with a few Traditional characters (a 繁體 switch, 乾 or 後 in a
    Simplified page) is not scanned a second time to count them."""
    scan, astral = _traditional()
    hits = (m.group() for start, end in spans for m in scan.finditer(text, start, end))
    hits = (c for c in hits if c <= "\uffff" or c in astral)
    if next(hits, None) is None:
        return False
    readable = sum(end - start for start, end in spans)
    ascii_chars = sum(len(text[start:end].encode("ascii", errors="ignore")) for start, end in spans)
    needed = math.ceil(MIN_TRADITIONAL_SHARE * (readable - ascii_chars))
    return needed <= 1 or any(n >= needed for n, _ in enumerate(hits, start=2))


def _ref_char(match: re.Match[str]) -> str | None:
    hexa, dec = match.groups()
    point = int(hexa, 16) if hexa else int(dec)
    return chr(point) if 0x2E80 <= point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF else None


def _decode_hanzi_references(text: str) -> str:
    """``text`` with its references to hanzi (and anything else from U+2E80 on, never markup) decoded."""

    def sub(match: re.Match[str]) -> str:
        char = _ref_char(match)
        return match.group() if char is None else char

    return _CHAR_REF.sub(sub, text)


def _convert(text: str) -> str:
    from .normalize.chinese import converter
    from .shadow_chars import HONG_KONG_VARIANTS

    first, then = SHADOW_CONFIGS
    text = converter(first).convert(text)
    # The second pass only where it has something to do: a Hong Kong form, or a Traditional character
    # the first left in a phrase it knows (滿足於 → 满足於). Most Traditional text has neither.
    if _hong_kong(HONG_KONG_VARIANTS).search(text) or has_traditional(text):
        return converter(then).convert(text)
    return text


def shadow_both(text: str) -> str:
    """Both shadow configurations, unconditionally: what ``_convert`` does, skipping the second where
    it has nothing to do (shadow_table.py builds the tables from this)."""
    from .normalize.chinese import converter

    for config in SHADOW_CONFIGS:
        text = converter(config).convert(text)
    return text


@cache
def _hong_kong(chars: str) -> re.Pattern[str]:
    return re.compile("[" + "".join(map(re.escape, chars)) + "]")


def shadow_text(text: str) -> str:
    """``text`` in Simplified, one character for one (``len(shadow_text(t)) == len(t)``, always).

    The shipped dictionaries never change a length; should another OpenCC build do so, the lines
    whose length changed are aligned with their conversion and the pieces of unequal length are
    converted character by character."""
    converted = _convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_one_for_one(line) for line in text.splitlines(keepends=True))


def _one_for_one(line: str) -> str:
    converted = _convert(line)
    if len(converted) == len(line):
        return converted
    out: list[str] = []
    matcher = SequenceMatcher(None, line, converted, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            out.append(converted[j1:j2])
        else:  # a phrase converted to one of another length: each character on its own
            for char in line[i1:i2]:
                single = _convert(char)
                out.append(single if len(single) == 1 else char)
    return "".join(out)


@dataclass
class Shadow:
    """A decoded input (``original``) and its Simplified shadow (``text``), position for position."""

    original: str
    text: str
    _table: dict[int, str] = field(default_factory=dict, repr=False)  # shadow char → its one source
    _ambiguous: frozenset[str] = field(default=frozenset(), repr=False)  # shadow chars with several sources
    _anchor: int = field(default=0, repr=False)  # where the last located piece ended (in ``text``)

    def __post_init__(self) -> None:
        original, text = self.original, self.text
        assert len(original) == len(text), "a shadow is one character for one"
        # the converted characters, from the stretches that differ only (markup and Simplified text
        # cost one comparison a stretch)
        changed = {
            pair
            for at in range(0, len(text), _STRETCH)
            if original[at:at + _STRETCH] != text[at:at + _STRETCH]
            for pair in zip(original[at:at + _STRETCH], text[at:at + _STRETCH], strict=True)
            if pair[0] != pair[1]
        }
        sources: dict[str, set[str]] = {}
        for orig, shadow in changed:
            sources.setdefault(shadow, set()).add(orig)
        # a shadow character the input also prints as itself (后 in 皇后 next to 後 → 后) has two sources
        unchanged_too = _occurring(set(sources), original)
        self._ambiguous = frozenset(s for s, o in sources.items() if len(o) > 1 or s in unchanged_too)
        self._table = {ord(s): next(iter(o)) for s, o in sources.items() if s not in self._ambiguous}

    def back(self, text: str) -> str:
        """``text`` (from the shadow) in the characters the input printed."""
        if not text:
            return text
        if self._ambiguous.isdisjoint(text):
            return text.translate(self._table)
        return self._locate(text)

    def restore(self, doc: Document) -> None:
        """Every text field of ``doc`` (removed texts too) back in the input's script, in place."""
        self._anchor = 0
        walk(doc, lambda text, role: self.back(text))

    def _locate(self, text: str) -> str:
        out: list[str] = []
        i, anchor = 0, self._anchor
        while i < len(text):
            at, length = self._piece(text, i, anchor)
            if at < 0:  # a character the input does not have: made by the segmenter (〔〕)
                out.append(text[i].translate(self._table))
                i += 1
                continue
            out.append(self.original[at:at + length])
            i += length
            anchor = at + length
        self._anchor = anchor
        return "".join(out)

    def _piece(self, text: str, i: int, anchor: int) -> tuple[int, int]:
        """Where ``text`` from ``i`` continues in the shadow, and for how many characters it agrees
        there: the occurrence of its first few characters nearest ``anchor``. (-1, 0) when not even
        its first character occurs."""
        first = min(_SEED, len(text) - i)
        sizes = [first, *(size for size in (_SEED // 2, _SEED // 4, 1) if size < first)]
        for size in sizes:  # the longest seed anywhere beats a shorter one nearby: it has more context
            for reach in (_NEAR, len(self.text)):  # near where the last piece ended first (cheap)
                at = self._nearest(text[i:i + size], anchor, reach)
                if at >= 0:
                    return at, self._agreeing(text, i, at, size)
        return -1, 0

    def _agreeing(self, text: str, i: int, at: int, known: int) -> int:
        """How many characters of ``text`` from ``i`` the shadow has from ``at`` (``known`` do)."""
        if self.text.startswith(text[i:], at):
            return len(text) - i
        agrees, fails = known, len(text) - i
        while fails - agrees > 1:
            mid = (agrees + fails) // 2
            if self.text.startswith(text[i:i + mid], at):
                agrees = mid
            else:
                fails = mid
        return agrees

    def _nearest(self, piece: str, anchor: int, reach: int) -> int:
        """Where ``piece`` occurs in the shadow nearest ``anchor``, at most ``reach`` away (-1: not there)."""
        after = self.text.find(piece, anchor, anchor + reach + len(piece))
        before = self.text.rfind(piece, max(0, anchor - reach), anchor - 1 + len(piece)) if anchor > 0 else -1
        if before < 0:
            return after
        if after < 0 or anchor - before < after - anchor:
            return before
        return after


def _occurring(chars: set[str], text: str) -> set[str]:
    """Which of ``chars`` occur in ``text`` (one regex scan; astral characters looked up one by one)."""
    bmp = sorted(c for c in chars if c <= "\uffff")
    found = set(re.findall("[" + "".join(map(re.escape, bmp)) + "]", text)) if bmp else set()
    return found | {c for c in chars if c > "\uffff" and c in text}


class ShadowReading:
    """Hands the reader the shadow of a Traditional input (``prepare``) and keeps it for mapping back.

    ``shadow`` stays None when the input has nothing to convert: Simplified input is read as is."""

    def __init__(self) -> None:
        self.shadow: Shadow | None = None

    def __call__(self, text: str, fmt: str) -> str:
        return self.prepare(text, fmt)

    @staticmethod
    def leaves_alone(texts: Iterable[str], fmt: str) -> bool:
        """Whether ``prepare`` would return the ``texts`` joined by line breaks as they are, known without
        joining them (a Word document's texts, readers.prepare_container: the joined copy is as big as all of
        them): outside HTML, when no text holds a character the scan for Traditional ones finds (the first
        test ``prepare`` makes). False when some text does: then ``prepare`` decides, on the joined text."""
        if fmt == "html":
            return False
        scan = _traditional()[0]
        return not any(scan.search(text) for text in texts)

    def prepare(self, text: str, fmt: str) -> str:
        html = fmt == "html"
        spans = list(_readable_spans(text)) if html else [(0, len(text))]
        references = html and any(_CHAR_REF.search(text, start, end) for start, end in spans)
        if references:
            readable = "".join(text[start:end] for start, end in spans)
            if not is_traditional(_decode_hanzi_references(readable)):
                return text
        elif not _traditional_in(text, spans):
            return text  # nothing to convert (one scan that finds none: all that a Simplified input costs)
        original = _decode_hanzi_references(text) if references else text
        shadow = shadow_text(original)
        if shadow == original:
            return text
        self.shadow = Shadow(original, shadow)
        return shadow

    def restore(self, doc: Document) -> None:
        if self.shadow is not None:
            self.shadow.restore(doc)


# The opening tag of an element whose content the reader never reads (a page can be mostly script)
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_SCRIPT_CLOSE = {name: re.compile(f"</{name}", re.IGNORECASE) for name in ("script", "style")}


def _readable_spans(page: str) -> Iterator[tuple[int, int]]:
    """The stretches of ``page`` outside the content of its <script> and <style> elements: where the
    question "is this page Traditional?" is asked. (A page can be mostly script; looking for its end
    tag is several times cheaper than testing each character against the Traditional ones.)"""
    at = 0
    while (opening := _SCRIPT_OPEN.search(page, at)) is not None:
        yield at, opening.start()
        closing = _SCRIPT_CLOSE[opening.group(1).lower()].search(page, opening.end())
        at = closing.start() if closing else len(page)
    yield at, len(page)


__all__ = ["MIN_TRADITIONAL_SHARE", "SHADOW_CONFIGS", "Shadow", "ShadowReading", "has_traditional", "is_traditional",
           "shadow_text"]

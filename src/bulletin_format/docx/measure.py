"""Estimating where lines break and pages end, so the 版记/报尾 can be pushed to the bottom of the last page.

LibreOffice ignores bottom-anchored frames (docs/docx-format.md), so the writer computes a filler instead.
The model follows what LibreOffice 7.4 was measured to do with the profile's grid: full-width characters
advance one 字 plus the character spacing, Latin letters and digits about half a 字, an automatic gap of about
0.2 字 where Chinese meets Latin text, no line may start with closing punctuation, and a Latin word is not
broken. Every paragraph has an exact line height, so a page is a sum of line heights.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field

# Punctuation LibreOffice lets hang past the line end (measured), and closing marks that may not start a line
# (the character before them moves down with them); … and — may start a line.
HANGING = set("，。、；：？！．,.;:?!")
NO_LINE_START = set("）》」』”’】〕〉％%)]}")
NO_LINE_END = set("（《「『“‘【〔〈([{")
# Drawn full-width by the East Asian font because runs carry w:hint="eastAsia".
FULL_WIDTH_AMBIGUOUS = set("“”‘’—…·「」『』")
AUTOSPACE_EM = 0.2
LATIN_EM = {"digit": 0.5, "upper": 0.68, "lower": 0.47, "space": 0.25, "math": 0.6, "other": 0.5}
MATH = set("<>=+~^|")


def is_full_width(ch: str) -> bool:
    return ch in FULL_WIDTH_AMBIGUOUS or unicodedata.east_asian_width(ch) in ("W", "F")


def _latin_em(ch: str) -> float:
    if ch.isdigit():
        return LATIN_EM["digit"]
    if ch.isupper():
        return LATIN_EM["upper"]
    if ch.islower():
        return LATIN_EM["lower"]
    if ch.isspace():
        return LATIN_EM["space"]
    if ch in MATH:
        return LATIN_EM["math"]
    return LATIN_EM["other"]


def _units(text: str, size_tw: float, spacing_tw: float) -> list[tuple[str, float]]:
    """Unbreakable pieces (a full-width character, a Latin word, a space) with their widths in twips."""
    units: list[tuple[str, float]] = []
    word = ""
    previous_full: bool | None = None
    previous_alnum = False
    for i, ch in enumerate(text):
        full = is_full_width(ch)
        gap = 0.0
        if previous_full is not None and full != previous_full and ((ch.isascii() and ch.isalnum()) or previous_alnum):
            gap = AUTOSPACE_EM * size_tw
        if full or ch.isspace():
            if word:
                units.append((word, sum(_latin_em(c) * size_tw + spacing_tw for c in word)))
                word = ""
            width = (size_tw if full else _latin_em(ch) * size_tw) + spacing_tw + gap
            units.append((ch, width))
        else:
            if not word and gap:
                units.append(("", gap))
            word += ch
            if ch == "/" and not text[i + 1 : i + 2].isdigit():  # a web address may break after a slash
                units.append((word, sum(_latin_em(c) * size_tw + spacing_tw for c in word)))
                word = ""
        if not ch.isspace():
            previous_full = full
            previous_alnum = ch.isascii() and ch.isalnum()
    if word:
        units.append((word, sum(_latin_em(c) * size_tw + spacing_tw for c in word)))
    return units


def text_width(text: str, size_pt: float, spacing_pt: float = 0.0) -> float:
    """The width of ``text`` on one line, in twips (the gaps LibreOffice adds where Chinese meets digits included)."""
    return sum(width for _, width in _units(text, size_pt * 20, spacing_pt * 20))


def count_lines(
    text: str,
    width_tw: float,
    size_pt: float,
    spacing_pt: float = 0.0,
    first_indent_tw: float = 0.0,
    hanging_tw: float = 0.0,
    hang: bool = True,
) -> int:
    """How many lines ``text`` takes in a column ``width_tw`` wide (first line narrowed by its indent)."""
    return len(wrap(text, width_tw, size_pt, spacing_pt, first_indent_tw, hanging_tw, hang))


def wrap(
    text: str,
    width_tw: float,
    size_pt: float,
    spacing_pt: float = 0.0,
    first_indent_tw: float = 0.0,
    hanging_tw: float = 0.0,
    hang: bool = True,
) -> list[str]:
    """``text`` broken into lines the way LibreOffice was measured to break it. ``hang``: punctuation may hang past
    the right edge (LibreOffice's default); without it (``w:overflowPunct val=1``, the writer's choice for
    justified text) a mark that does not fit goes down with the character before it."""
    no_start = NO_LINE_START if hang else NO_LINE_START | HANGING
    if not text:
        return [""]
    size_tw = size_pt * 20
    spacing_tw = spacing_pt * 20
    units: list[tuple[str, float]] = []
    for piece, width in _units(text, size_tw, spacing_tw):
        if width > width_tw - first_indent_tw and len(piece) > 1:  # LibreOffice breaks an over-long word anywhere
            units.extend((c, width / len(piece)) for c in piece)
        else:
            units.append((piece, width))
    lines: list[str] = []
    available = width_tw - first_indent_tw
    used = 0.0
    i = line_start = 0
    while i < len(units):
        piece, width = units[i]
        if used + width <= available + 0.5 or i == line_start or (hang and piece in HANGING):
            used += width
            i += 1
            continue
        # break before units[i]; pull back the characters that may not end or start a line
        cut = i
        while cut > line_start + 1 and (units[cut][0][:1] in no_start or units[cut - 1][0][-1:] in NO_LINE_END):
            cut -= 1
        lines.append("".join(u for u, _ in units[line_start:cut]))
        i = cut
        while i < len(units) and units[i][0].isspace():
            i += 1
        line_start = i
        used = 0.0
        available = width_tw - hanging_tw if hanging_tw else width_tw
    lines.append("".join(u for u, _ in units[line_start:]))
    return lines


@dataclass
class Item:
    """One paragraph for pagination: its line heights in twips."""

    heights: list[int]
    keep_next: bool = False
    page_break_before: bool = False
    keep_lines: bool = False  # w:keepLines: the paragraph moves to the next page whole rather than split


@dataclass
class Flow:
    """Lays Items onto pages of ``page_height_tw``; ``position`` is the used height on the current page."""

    page_height_tw: int
    page: int = 1
    position: int = 0
    pending: list[Item] = field(default_factory=list)
    starts: list[tuple[int, int]] = field(default_factory=list)  # (page, position) where each Item begins

    def add(self, item: Item) -> None:
        self.pending.append(item)
        if item.keep_next:
            return
        chain, self.pending = self.pending, []
        self._place_chain(chain)

    def finish(self) -> None:
        chain, self.pending = self.pending, []
        if chain:
            self._place_chain(chain)

    def _place_chain(self, chain: list[Item]) -> None:
        # Paragraphs kept with the next one move to a new page together when they and the first line of the
        # paragraph after them do not fit.
        if len(chain) > 1 and not chain[0].page_break_before:
            needed = sum(sum(it.heights) for it in chain[:-1]) + chain[-1].heights[0]
            room = self.page_height_tw - self.position
            if needed > room and needed <= self.page_height_tw and self.position > 0:
                self._new_page()
        for item in chain:
            if item.page_break_before and self.position > 0:
                self._new_page()
            whole = sum(item.heights)
            if item.keep_lines and self.position > 0 and whole > self.room and whole <= self.page_height_tw:
                self._new_page()
            for n, height in enumerate(item.heights):
                if self.position + height > self.page_height_tw and self.position > 0:
                    self._new_page()
                if n == 0:
                    self.starts.append((self.page, self.position))
                self.position += height

    def _new_page(self) -> None:
        self.page += 1
        self.position = 0

    @property
    def room(self) -> int:
        return self.page_height_tw - self.position


def lines_for(count: int, height_tw: int) -> list[int]:
    return [height_tw] * max(1, math.ceil(count))

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
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, groupby, repeat

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


# Facts about each character (full width or not, the width of a Latin one), computed once per process: the
# characters of Chinese text are a few thousand, whatever the size of the documents. A text of many rare characters
# stops adding to the tables at this many entries (a few MB) and computes the rest each time.
CHAR_TABLE_MAX = 65536
_FULL: dict[str, bool] = {}
_LATIN: dict[str, float] = {}
_FACTS: dict[str, tuple[bool, bool, bool, float]] = {}
_KNOWN: set[str] = set()  # the characters of _FACTS
_SOLID: set[str] = set()  # …that are full-width and not spaces (Chinese characters and punctuation)


_FULL_SET: set[str] = set()  # the characters of _FULL that are full-width


def is_full_width(ch: str) -> bool:
    full = _FULL.get(ch)
    if full is None:
        full = ch in FULL_WIDTH_AMBIGUOUS or unicodedata.east_asian_width(ch) in ("W", "F")
        if len(_FULL) < CHAR_TABLE_MAX:
            _FULL[ch] = full
            if full:
                _FULL_SET.add(ch)
    return full


def all_full_width(text: str) -> bool:
    """Whether every character of ``text`` is full-width (Chinese text with Chinese punctuation): each is then a unit
    of its own, one 字 wide, and no gap is added anywhere."""
    chars = set(text)
    if chars <= _FULL_SET:
        return True
    return all(is_full_width(ch) for ch in chars - _FULL_SET)


def _latin_em(ch: str) -> float:
    em = _LATIN.get(ch)
    if em is None:
        em = _latin_em_of(ch)
        if len(_LATIN) < CHAR_TABLE_MAX:
            _LATIN[ch] = em
    return em


def _latin_em_of(ch: str) -> float:
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
    if all_full_width(text):
        width = size_tw + spacing_tw + 0.0
        return [(ch, width) for ch in text]
    return _mixed_units(text, size_tw, spacing_tw)


def _char_facts(ch: str) -> tuple[bool, bool, bool, float]:
    """(full width, a space, a Latin letter or digit, the width of a Latin character in ems), from the table."""
    facts = _FACTS.get(ch)
    if facts is None:
        facts = (is_full_width(ch), ch.isspace(), ch.isascii() and ch.isalnum(), _latin_em(ch))
        if len(_FACTS) < CHAR_TABLE_MAX:
            _FACTS[ch] = facts
            _KNOWN.add(ch)
            if facts[0] and not facts[1]:
                _SOLID.add(ch)
    return facts


def _mixed_units(text: str, size_tw: float, spacing_tw: float) -> list[tuple[str, float]]:
    """``_units`` of a text with Latin letters, digits or spaces: a gap where they meet Chinese."""
    pieces, widths = _mixed_pieces(text, size_tw, spacing_tw)
    return list(zip(pieces, widths, strict=True))


def _mixed_pieces(text: str, size_tw: float, spacing_tw: float) -> tuple[list[str], list[float]]:
    """The units of ``_mixed_units`` as two lists (pieces, widths). Runs of Chinese characters (full-width, not
    spaces: ``_SOLID``) are taken whole; the other characters one by one."""
    for ch in set(text) - _KNOWN:
        _char_facts(ch)
    pieces: list[str] = []
    widths: list[float] = []
    word = ""
    previous_full: bool | None = None
    previous_alnum = False
    solid_width = size_tw + spacing_tw + 0.0
    position = 0
    for solid, group in groupby(text, _SOLID.__contains__):
        run = "".join(group)
        if solid:  # full-width, no space, no Latin letter or digit: only the first may take a gap
            if word:
                pieces.append(word)
                widths.append(sum(_latin_em(c) * size_tw + spacing_tw for c in word))
                word = ""
            gap = AUTOSPACE_EM * size_tw if previous_full is False and previous_alnum else 0.0
            pieces.extend(run)
            widths.append(size_tw + spacing_tw + gap)
            widths.extend(repeat(solid_width, len(run) - 1))
            previous_full, previous_alnum = True, False
            position += len(run)
            continue
        for ch in run:
            full, space, alnum, em = _FACTS.get(ch) or _char_facts(ch)
            gap = 0.0
            if previous_full is not None and full != previous_full and (alnum or previous_alnum):
                gap = AUTOSPACE_EM * size_tw
            if full or space:
                if word:
                    pieces.append(word)
                    widths.append(sum(_latin_em(c) * size_tw + spacing_tw for c in word))
                    word = ""
                pieces.append(ch)
                widths.append((size_tw if full else em * size_tw) + spacing_tw + gap)
            else:
                if not word and gap:
                    pieces.append("")
                    widths.append(gap)
                word += ch
                if ch == "/" and not text[position + 1 : position + 2].isdigit():  # a web address may break here
                    pieces.append(word)
                    widths.append(sum(_latin_em(c) * size_tw + spacing_tw for c in word))
                    word = ""
            if not space:
                previous_full = full
                previous_alnum = alnum
            position += 1
    if word:
        pieces.append(word)
        widths.append(sum(_latin_em(c) * size_tw + spacing_tw for c in word))
    return pieces, widths


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
    """How many lines ``text`` takes in a column ``width_tw`` wide (first line narrowed by its indent): ``wrap``'s
    lines, counted without making them."""
    return len(_line_spans(text, width_tw, size_pt, spacing_pt, first_indent_tw, hanging_tw, hang)[1])


# A line is looked for among this many units at first (a line of 28 字 holds 28), then twice as many, and so on.
LINE_LOOKAHEAD_UNITS = 64


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
    justified text) a mark that does not fit goes down with the character before it.

    Each line's break is found from the running sum of its units' widths (``itertools.accumulate``, the same
    additions in the same order as a loop over the units), by bisection; a line costs its own length, so a
    paragraph costs its length, however long."""
    pieces, spans = _line_spans(text, width_tw, size_pt, spacing_pt, first_indent_tw, hanging_tw, hang)
    if isinstance(pieces, str):
        return [pieces[a:b] for a, b in spans]
    return ["".join(pieces[a:b]) for a, b in spans]


def _line_spans(
    text: str,
    width_tw: float,
    size_pt: float,
    spacing_pt: float,
    first_indent_tw: float,
    hanging_tw: float,
    hang: bool,
) -> tuple[Sequence[str], list[tuple[int, int]]]:
    """The units of ``text`` (its characters, when they are all full-width) and each line's (first, end) among them."""
    no_start = NO_LINE_START if hang else NO_LINE_START | HANGING
    if not text:
        return text, [(0, 0)]
    size_tw = size_pt * 20
    spacing_tw = spacing_pt * 20
    first_limit = width_tw - first_indent_tw + 0.5
    other_limit = (width_tw - hanging_tw if hanging_tw else width_tw) + 0.5
    pieces: Sequence[str]
    if all_full_width(text):  # one unit per character, all of the same width
        width = size_tw + spacing_tw + 0.0
        if width < 0:
            return text, _unit_spans(text, [width] * len(text), first_limit, other_limit, hang, no_start)
        # every line starts from 0.0 and adds the same width: one running sum serves all lines, as long as the
        # longest line can be (a few units past the wider limit)
        n = len(text)
        reach = n if width == 0 else min(n, max(2, int(max(first_limit, other_limit) / width) + 3))
        running = [list(accumulate(repeat(width, reach), initial=0.0))]

        def same_widths(start: int, span: int) -> list[float]:
            # asked again for a longer span: the reach was not enough (it always is; this keeps the loop finite)
            if span > LINE_LOOKAHEAD_UNITS and len(running[0]) <= min(n, span):
                running[0] = list(accumulate(repeat(width, min(n, span)), initial=0.0))
            return running[0]

        return text, _break_lines(text, same_widths, first_limit, other_limit, hang, no_start)
    pieces, widths = _mixed_pieces(text, size_tw, spacing_tw)
    if max(widths) > width_tw - first_indent_tw:  # LibreOffice breaks an over-long word anywhere
        split_pieces: list[str] = []
        split_widths: list[float] = []
        for piece, unit_width in zip(pieces, widths, strict=True):
            if unit_width > width_tw - first_indent_tw and len(piece) > 1:
                split_pieces.extend(piece)
                split_widths.extend(unit_width / len(piece) for _ in piece)
            else:
                split_pieces.append(piece)
                split_widths.append(unit_width)
        pieces, widths = split_pieces, split_widths
    if min(widths) < 0:  # a profile with a negative advance: the running sum is not monotonic
        return pieces, _unit_spans(pieces, widths, first_limit, other_limit, hang, no_start)

    def running_sum(start: int, span: int) -> list[float]:
        return list(accumulate(widths[start : start + span], initial=0.0))

    return pieces, _break_lines(pieces, running_sum, first_limit, other_limit, hang, no_start)


def _break_lines(
    pieces: Sequence[str],
    running_sum: Callable[[int, int], list[float]],
    first_limit: float,
    other_limit: float,
    hang: bool,
    no_start: set[str],
) -> list[tuple[int, int]]:
    """Lines of ``pieces``: ``running_sum(start, span)`` gives the widths of the line starting at ``start`` added one by
    one from 0.0 (at least ``span`` of them, when there are as many; never decreasing); a unit goes on the line while
    the sum with it stays within the limit, and the line's first unit always does."""
    n = len(pieces)
    spans: list[tuple[int, int]] = []
    limit = first_limit
    line_start = 0
    while True:
        left = n - line_start  # units not yet placed; used[k]: the width of the first k of them
        span = LINE_LOOKAHEAD_UNITS
        while True:
            used = running_sum(line_start, span)
            top = min(len(used), left + 1)
            j = bisect_right(used, limit, 2, max(2, top))  # the first unit after the first that does not fit
            if j < top or top == left + 1:
                break
            span *= 2
        if j >= left + 1:  # the rest fits
            break
        i = line_start + j - 1
        if hang:
            while i < n and pieces[i] in HANGING:  # punctuation hangs past the edge
                i += 1
            if i >= n:
                break
        # break before pieces[i]; pull back the characters that may not end or start a line
        cut = i
        while cut > line_start + 1 and (pieces[cut][:1] in no_start or pieces[cut - 1][-1:] in NO_LINE_END):
            cut -= 1
        spans.append((line_start, cut))
        i = cut
        while i < n and pieces[i].isspace():
            i += 1
        line_start = i
        limit = other_limit
        if line_start >= n:
            spans.append((n, n))
            return spans
    spans.append((line_start, n))
    return spans


def _unit_spans(
    pieces: Sequence[str],
    widths: list[float],
    first_limit: float,
    other_limit: float,
    hang: bool,
    no_start: set[str],
) -> list[tuple[int, int]]:
    """``_break_lines`` one unit at a time (for widths that may be negative)."""
    spans: list[tuple[int, int]] = []
    limit = first_limit
    used = 0.0
    i = line_start = 0
    while i < len(pieces):
        piece, width = pieces[i], widths[i]
        if used + width <= limit or i == line_start or (hang and piece in HANGING):
            used += width
            i += 1
            continue
        cut = i
        while cut > line_start + 1 and (pieces[cut][:1] in no_start or pieces[cut - 1][-1:] in NO_LINE_END):
            cut -= 1
        spans.append((line_start, cut))
        i = cut
        while i < len(pieces) and pieces[i].isspace():
            i += 1
        line_start = i
        used = 0.0
        limit = other_limit
    spans.append((line_start, len(pieces)))
    return spans


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

"""Rules for text that was laid out on printed pages (converted from PDF or copied from a print view).

Such text repeats the page furniture on every page — a running head (the document's short title, the
organ's name) and a folio (``- 3 -``, ``第3页 共10页``) — and breaks lines where the page did: at the
right margin, and at the foot of each page in the middle of a sentence.

* ``running_head`` — a short line printed again and again, spread over the whole text (never prose);
* ``page_number``  — folios: page-number lines whose numbers rise through the text;
* ``page_break_join`` — a sentence cut by a page break (the furniture between its halves removed) or
  by the right margin of a hard-wrapped text, joined again.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import pairwise

from ..lines import Line, PassState
from ..patterns import SENTENCE_END, canon, heading_level, is_prose, is_title_like

# a running head is printed on at least this many pages …
RUNNING_HEAD_MIN_REPEATS = 3
# … next to the folio, on numbered pages: within this many lines of one, for this share of its copies …
FOLIO_REACH = 2
FOLIO_SHARE = 0.6
# … or, on pages without numbers, spread over the text: its copies at least this many lines apart on
# average (a refrain, a name in a transcript or a repeated table label sits closer together)
RUNNING_HEAD_MIN_SPACING = 8
RUNNING_HEAD_MAX_LEN = 40  # a head is a short line
# up to this many lines, a key and a list of places are kept for every candidate (a few hundred lines: a
# page's worth costs less than a first pass over them); past it, only for the keys that may repeat
RUNNING_HEAD_DIRECT_LINES = 4096
# one-byte counters per candidate in that first pass: 8 bytes a line, and a key printed once then passes for
# a repeat about once in 20 (it is gathered, then dropped for having one place: never a wrong answer)
REPEAT_SLOTS_PER_KEY = 8
FOLIO_MIN = 2  # folios are believed from two pages on, when their numbers rise
# hard wraps: when this share of the lines share one length (±1), the text was cut at a right margin
WRAP_SHARE = 0.3
WRAP_MIN_WIDTH = 16  # narrower "columns" are lists, not a wrapped text
WRAP_BEYOND_SHARE = 0.05  # lines longer than the margin (a wide table row, a URL) are this rare at most

_SENTENCE_MARKS = re.compile("[，。；,;！？!?]")  # a head is a name or a title, never a piece of a sentence
_FOLIO = re.compile(
    r"^[\s\-—－–_·•]*(?:第\s*)?(?P<n>\d{1,4})(?:\s*页)?(?:\s*[/／,，]?\s*共\s*\d{1,4}\s*页)?[\s\-—－–_·•]*$"
    r"|^[\s\-—－–]*(?P<m>\d{1,4})\s*[/／]\s*\d{1,4}[\s\-—－–]*$"
    r"|^page\s*(?P<p>\d{1,4})(?:\s*of\s*\d{1,4})?$",
    re.IGNORECASE,
)


_FOLIO_START = frozenset("-—－–_·•第pP")  # what a folio starts with, but a digit (after any space)


def _folio_number(text: str) -> int | None:
    """The page number a folio line prints (``text`` stripped), or None."""
    if not text or not (text[0] in _FOLIO_START or text[0].isdecimal()):
        return None  # most lines: no need to try the pattern
    m = _FOLIO.match(text)
    if not m:
        return None
    return int(next(g for g in (m.group("n"), m.group("m"), m.group("p")) if g))


def _printed(state: PassState) -> bool:
    """Plain text only: an HTML page has no printed pages (its repeats are chrome, named elsewhere)."""
    return state.source.format == "text"


def _folios(state: PassState) -> list[Line]:
    """The folio lines of the text: page-number lines whose numbers rise through it."""
    kept = [ln for ln in state.lines if ln.kept]
    return [kept[i] for i in _folio_places(kept)]


FOLIO_STEP_MAX = 2  # from one folio to the next: the next page, or the one after when a folio was lost


def _folio_places(kept: list[Line]) -> list[int]:
    """Where the folios stand among the kept lines (``_folios``, for a rule that has the kept lines)."""
    found = [(i, n) for i, ln in enumerate(kept) if (n := _folio_number(ln.stripped)) is not None]
    if len(found) < FOLIO_MIN:
        return []
    numbers = [n for _, n in found]
    # pages are counted one by one (a folio lost here and there: two): figures of a table rise by leaps
    rising = sum(1 for a, b in pairwise(numbers) if 0 < b - a <= FOLIO_STEP_MAX)
    if rising < max(1, len(numbers) - 1) * 0.8:
        return []  # numbers that do not count pages: a list or a table of figures
    return [i for i, _ in found]


def _head_keys(kept: list[Line]) -> Iterator[tuple[int, str]]:
    """(place, key) of each line that could be a running head: short, no piece of a sentence, no heading;
    the key is what two printings of it share (``canon``)."""
    for i, ln in enumerate(kept):
        s = ln.stripped
        if len(s) <= RUNNING_HEAD_MAX_LEN and not _SENTENCE_MARKS.search(s) and heading_level(s) is None \
                and (key := canon(s)):
            yield i, key


def _maybe_twice(hashes: array[int]) -> Callable[[int], bool]:
    """A test that says True for every hash ``hashes`` holds twice or more, and for a few others (about 5 %
    of the hashes seen once): each hash counts in two of ``REPEAT_SLOTS_PER_KEY`` × len(hashes) one-byte
    counters that stop at 2, and a hash seen twice finds both of its counters at 2."""
    size = max(1, len(hashes)) * REPEAT_SLOTS_PER_KEY
    counts = bytearray(size)
    for h in hashes:
        a, b = h % size, (h // size) % size
        if counts[a] < 2:
            counts[a] += 1
        if counts[b] < 2:
            counts[b] += 1

    def twice(h: int) -> bool:
        return counts[h % size] >= 2 and counts[(h // size) % size] >= 2

    return twice


def _copies(kept: list[Line]) -> dict[str, list[int]]:
    """Where each candidate's key is printed, for the keys printed twice or more (and some printed once).

    A long text of short lines (a name list) would make a key and a list for every line, several times the
    text itself: past ``RUNNING_HEAD_DIRECT_LINES`` lines, a first pass keeps a hash a line (in an array)
    and only the keys that may be printed twice (``_maybe_twice``) are gathered."""
    found: Iterable[tuple[int, str]] = _head_keys(kept)
    if len(kept) > RUNNING_HEAD_DIRECT_LINES:
        places, hashes = array("q"), array("q")
        for i, key in found:
            places.append(i)
            hashes.append(hash(key))
        twice = _maybe_twice(hashes)
        found = ((i, canon(kept[i].stripped)) for i, h in zip(places, hashes, strict=True) if twice(h))
    copies: dict[str, list[int]] = defaultdict(list)
    for i, key in found:
        copies[key].append(i)
    return copies


# a page's head is a line or two (the organ's name, the short title) — this many repeated lines in a row are
# the head row of tables printed one cell a line
HEAD_ROW_CELLS = 3


def _in_repeated_run(repeated: set[int], i: int) -> bool:
    """Whether the line at ``i`` stands in a run of HEAD_ROW_CELLS or more lines that are each repeated."""
    lo = hi = i
    while lo - 1 in repeated and i - lo < HEAD_ROW_CELLS:
        lo -= 1
    while hi + 1 in repeated and hi - lo + 1 < HEAD_ROW_CELLS:
        hi += 1
    return hi - lo + 1 >= HEAD_ROW_CELLS


_FIGURE = re.compile(r"^[-+]?\d[\d.,，]*[%％]?$")
FIGURE_REACH = 2  # a row's label and its unit stand this close to the row's figures


def _by_a_figure(kept: list[Line], i: int) -> bool:
    """Whether a line within FIGURE_REACH lines after ``i`` is a figure alone (45.2, 3.1%): a table's cell."""
    return any(_FIGURE.match(ln.stripped) for ln in kept[i + 1 : i + 1 + FIGURE_REACH])


def running_head(state: PassState) -> None:
    """A short line repeated on every printed page: the document's short title or the organ's name.
    Where the pages are numbered, its copies stand next to the folios (page furniture comes together);
    where they are not, the copies are spread evenly apart. The first copy stays when it opens the text
    (it is then the title itself)."""
    if not _printed(state):
        return
    kept = [ln for ln in state.lines if ln.kept]
    folio_at = set(_folio_places(kept))  # (the kept lines looked at once, not again for the folios)
    near_folio = {i + d for i in folio_at for d in range(-FOLIO_REACH, FOLIO_REACH + 1)}
    copies = _copies(kept)
    repeated = {i for places in copies.values() if len(places) >= 2 for i in places}
    for places in copies.values():
        if len(places) < 2:
            continue
        if sum(_in_repeated_run(repeated, i) or _by_a_figure(kept, i) for i in places) * 2 > len(places):
            # a table's head row repeated over each table (指标 / 单位 / 绝对数), or a row's label or unit next
            # to its figures (发电量 / 万吨 / 45.2): cells of tables printed one a line, no page furniture
            continue
        if folio_at:
            by_folio = sum(1 for i in places if i in near_folio)
            # every copy by a folio: two pages are evidence enough; else most copies, from three pages on
            enough = len(places) >= RUNNING_HEAD_MIN_REPEATS and by_folio >= FOLIO_SHARE * len(places)
            if by_folio < len(places) and not enough:
                continue
        elif len(places) < RUNNING_HEAD_MIN_REPEATS or \
                (places[-1] - places[0]) / (len(places) - 1) < RUNNING_HEAD_MIN_SPACING or \
                min(b - a for a, b in pairwise(places)) < RUNNING_HEAD_MIN_SPACING:
            # (every copy a page apart: a unit or a column name repeated row by row is a table's cell)
            continue
        for k, i in enumerate(places):
            if k == 0 and i == 0 and is_title_like(kept[i].stripped):
                continue  # printed first as the document's title
            state.remove(kept[i], "running_head")


def page_number(state: PassState) -> None:
    """Folios: lines that are only a page number (``- 3 -``, ``第 3 页 共 10 页``, ``3/10``), whose numbers
    rise through the text."""
    if not _printed(state):
        return
    for ln in _folios(state):
        state.remove(ln, "page_number")


def _wrap_width(lines: list[Line]) -> int | None:
    lengths = [n for n in (len(ln.stripped) for ln in lines) if n >= WRAP_MIN_WIDTH]
    if len(lengths) < 6:
        return None
    counts: dict[int, int] = defaultdict(int)
    for n in lengths:
        counts[n] += 1
    if 3 * max(counts.values()) < WRAP_SHARE * len(lines):
        return None  # no three neighbouring lengths can hold the share (most texts: lines of all lengths)
    width = max(counts, key=lambda w: counts[w] + counts.get(w - 1, 0) + counts.get(w + 1, 0))
    near = counts[width] + counts.get(width - 1, 0) + counts.get(width + 1, 0)
    beyond = sum(1 for n in lengths if n > width + 1)  # a margin: hardly any line runs past it
    if near >= WRAP_SHARE * len(lines) and width >= WRAP_MIN_WIDTH and beyond <= WRAP_BEYOND_SHARE * len(lines):
        return width
    return None


def page_break_join(state: PassState) -> None:
    """Join a sentence the page cut: across removed page furniture (a running head, a folio), or at
    the right margin of a hard-wrapped text, when the first part does not end a sentence and the
    second does not open a heading."""
    if not _printed(state):
        return
    kept_lines = [ln for ln in state.lines if ln.kept]
    width = _wrap_width(kept_lines)
    furniture = {"running_head", "page_number"}
    drop: set[int] = set()
    anchor: Line | None = None
    previous: Line | None = None
    across_break = False
    for ln in state.lines:
        if ln.removed in furniture:
            across_break = previous is not None
            continue
        if not ln.kept:
            continue
        if previous is not None and (across_break or (width is not None and len(previous.stripped) >= width - 1)):
            first = anchor or previous
            s1, s2 = first.stripped, ln.stripped
            if s1 and s1[-1] not in SENTENCE_END and heading_level(s2) is None \
                    and not (is_title_like(s2) and not is_prose(s2)) and ln.table is None and first.table is None:
                first.text = first.text.rstrip() + s2
                drop.add(id(ln))
                anchor = first
                previous = ln
                across_break = False
                continue
        anchor = None
        previous = ln
        across_break = False
    if drop:
        state.lines = [ln for ln in state.lines if id(ln) not in drop]


__all__ = ["page_break_join", "page_number", "running_head"]

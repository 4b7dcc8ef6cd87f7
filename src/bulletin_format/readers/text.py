"""Plain-text reader: every input line is a line; blank lines are remembered, not kept.

A table printed in plain text becomes one table line (``lines.table_line``) where that is unambiguous:

* **tab-separated** — at least ``MIN_ROWS`` consecutive lines cut by tabs into the same number (two or
  more) of cells;
* **space-aligned** — at least ``MIN_ROWS`` consecutive lines cut by runs of two or more spaces into the
  same number (three or more) of cells whose columns start at the same place on every line. Two
  columns are never enough: a 落款 line (``某某局        2020年1月1日``) or a 报头 line looks just so.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from ..lines import NO_HINTS, Line, PassState, is_blank, line_pitch, table_line, text_to_lines
from ..model import TableCell
from ..patterns import is_prose

FORMAT = "text"

MIN_ROWS = 3  # fewer rows cut alike could be chance
MIN_SPACED_COLUMNS = 3  # see the module docstring
COLUMN_SLACK = 1  # display columns a cell's start may move between rows (a wide and a narrow digit)
_SPACE_RUN = re.compile(r"[ \u3000]{2,}")
_DIGIT = re.compile(r"\d")


def sniff(text: str) -> bool:
    return True


def read(text: str, *, name: str = "<text>") -> PassState:
    if not _may_hold_table(text):
        return PassState(lines=text_to_lines(text))
    # a table's rows are read from the text's lines as they are: no Line is made for a row (a
    # 30,000-row table would otherwise be 30,000 lines, alive next to its cells), and the lines of a text of
    # WINDOW_CHARS or more are taken from it one at a time, each let go once read (all of them at once,
    # ``splitlines()``, were twice the size of a TSV, alive while its cells were made)
    raws: _Lines
    release: Callable[[int], None] | None = None
    # a text whose line breaks were doubled: a table's rows are that many lines apart (``stride``)
    if len(text) < WINDOW_CHARS:
        raws = text.splitlines()
        stride = _pitch_of(raws[: 2 * PITCH_LINES])  # (the lines at hand: no search of the text for its breaks)
    else:
        stride = _line_pitch(text)
        window = _Window(text)
        raws, release = window, window.release
    # from here the text is held by its lines (or the window, until its last line was taken), not by this
    # reader: when the caller hands it over (readers.read), a table that runs to the end of the text has
    # its text joined once the decoded text is gone (they were alive together: 1× the input more at the
    # peak of reading a TSV)
    del text
    seen: dict[str, str] = {}

    def continues(k: int) -> bool:
        return not is_blank(raws[k]) and all(is_blank(raws[j]) for j in range(k - stride + 1, k))

    lines: list[Line] = []
    blank = False
    i = 0
    while True:
        try:
            raw = raws[i]
        except IndexError:
            break
        if is_blank(raw):
            blank = True
            i += 1
            continue
        run = _run_at(raws, i, continues, seen, release, stride)
        if run is not None:
            n, rows, header = run
            seen.clear()  # (a table's cells share strings: its text is made without the dict alive)
            lines.append(table_line(i + 1, rows, header, blank_before=blank))
            i += n
        else:
            lines.append(Line(i + 1, raw, NO_HINTS, None, blank))
            i += 1
        if release is not None:
            release(i)
        blank = False
    return PassState(lines=lines)


class _Lines(Protocol):
    """A text's lines by index: a list, or a ``_Window``; past the last, IndexError."""

    def __getitem__(self, k: int, /) -> str: ...


# From this size on a text's lines are taken from it one at a time (``_Window``); below it, all at once
# (``splitlines``, several times faster for a page's few hundred lines, which cost little memory)
WINDOW_CHARS = 1 << 16


# where ``str.splitlines`` cuts a text: \r\n, or one of its line boundaries
_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _lines(text: str) -> Iterator[str]:
    """``text.splitlines()``, one line at a time."""
    pos = 0
    for m in _LINE_BREAK.finditer(text):
        yield text[pos : m.start()]
        pos = m.end()
    if pos < len(text):
        yield text[pos:]


class _Window:
    """A text's lines by their index (from 0), taken from the text when first asked for and held until
    ``release`` says that no line before an index will be asked for again."""

    def __init__(self, text: str) -> None:
        self._rest = _lines(text)
        self._held: deque[str] = deque()
        self._first = 0  # the index of ``_held[0]``

    def __getitem__(self, k: int) -> str:
        """Line ``k`` (not released); IndexError past the last line."""
        held = self._held
        while k >= self._first + len(held):
            line = next(self._rest, None)
            if line is None:
                raise IndexError(k)
            held.append(line)
        return held[k - self._first]

    def release(self, k: int) -> None:
        """The lines before ``k`` are let go."""
        held = self._held
        while self._first < k and held:
            held.popleft()
            self._first += 1


def _may_hold_table(text: str) -> bool:
    return "\t" in text or "  " in text or "\u3000\u3000" in text


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _tab_cells(text: str) -> list[str] | None:
    if "\t" not in text:
        return None
    cells = [c.strip() for c in text.strip().split("\t")]
    return cells if len(cells) >= 2 else None


def _holds_space_run(text: str) -> bool:
    """Whether ``_SPACE_RUN`` finds a run in ``text``: two of its characters side by side."""
    return "  " in text or "\u3000\u3000" in text or " \u3000" in text or "\u3000 " in text


def _spaced_cells(text: str) -> tuple[list[str], list[int]] | None:
    """The cells of a line cut by runs of spaces, and the display column each cell starts at."""
    # three cells need two runs of spaces between text (most lines have none, or only an indent)
    inner = text.strip()
    if not _holds_space_run(inner):
        return None  # (most lines: four substring tests cost less than the search)
    first = _SPACE_RUN.search(inner)
    if first is None or _SPACE_RUN.search(inner, first.end()) is None:
        return None
    raw = text.rstrip()
    if is_prose(raw) and not _SPACE_RUN.search(raw):
        return None
    cells, starts, pos = [], [], 0
    for m in _SPACE_RUN.finditer(raw):
        if m.start() > pos:
            cells.append(raw[pos : m.start()].strip())
            starts.append(_width(raw[:pos]))
        pos = m.end()
    if pos < len(raw):
        cells.append(raw[pos:].strip())
        starts.append(_width(raw[:pos]))
    cells_starts = [(c, s) for c, s in zip(cells, starts, strict=True) if c]
    if len(cells_starts) < MIN_SPACED_COLUMNS:
        return None
    return [c for c, _ in cells_starts], [s for _, s in cells_starts]


def find_tables(lines: list[Line]) -> list[Line]:
    """``lines`` with each unambiguous plain-text table replaced by one table line."""
    if not any(_may_hold_table(ln.text) for ln in lines):
        return lines
    texts = [ln.text for ln in lines]
    seen: dict[str, str] = {}
    out: list[Line] = []
    i = 0
    while i < len(lines):
        run = _run_at(texts, i, lambda k: not lines[k].blank_before, seen)
        if run is not None:
            n, rows, header = run
            out.append(table_line(lines[i].number, rows, header, blank_before=lines[i].blank_before))
            i += n
        else:
            out.append(lines[i])
            i += 1
    return out


def _run_at(
    texts: _Lines, i: int, continues: Callable[[int], bool], seen: dict[str, str],
    release: Callable[[int], None] | None = None, stride: int = 1,
) -> tuple[int, list[list[TableCell]], int] | None:
    """A table starting at ``texts[i]``: how many lines it spans, its rows and its header rows.
    ``continues(k)``: whether line ``k`` (which exists) belongs to the same block as the row before it (no
    blank line between them but those of a doubled line break); ``seen``: the cell texts read so far
    (``_row``); ``release(k)``, when given, is told that no line before ``k`` will be asked for again (a
    tab-separated run is a table once it has MIN_ROWS rows: the lines it reads after that are let go as it
    goes); ``stride``: how many lines apart its rows are (``_line_pitch``)."""
    first = _tab_cells(texts[i])
    if first is not None:
        rows = [_row(first, seen)]
        while (text := _line(texts, at := i + len(rows) * stride)) is not None and continues(at):
            cells = _tab_cells(text)
            if cells is None or len(cells) != len(first):
                break
            rows.append(_row(cells, seen))
            if release is not None and len(rows) >= MIN_ROWS:
                release(at + 1)
        return ((len(rows) - 1) * stride + 1, rows, _header_rows(rows)) if len(rows) >= MIN_ROWS else None
    spaced = _spaced_cells(texts[i])
    if spaced is None:
        return None
    columns = len(spaced[0])
    rows, low, high = [_row(spaced[0], seen)], list(spaced[1]), list(spaced[1])  # where each column starts
    while (text := _line(texts, at := i + len(rows) * stride)) is not None and continues(at):
        nxt = _spaced_cells(text)
        if nxt is None or len(nxt[0]) != columns:
            break
        rows.append(_row(nxt[0], seen))
        low = [min(a, b) for a, b in zip(low, nxt[1], strict=True)]
        high = [max(a, b) for a, b in zip(high, nxt[1], strict=True)]
    if len(rows) >= MIN_ROWS and all(h - lo <= COLUMN_SLACK for lo, h in zip(low, high, strict=True)):
        return (len(rows) - 1) * stride + 1, rows, _header_rows(rows)
    return None


# The lines at the start of a text that tell whether its line breaks were doubled
PITCH_LINES = 200


def _line_pitch(text: str) -> int:
    """``lines.line_pitch`` of the text's first PITCH_LINES lines with text."""
    return _pitch_of(itertools.islice(_lines(text), 2 * PITCH_LINES))


def _pitch_of(raws: Iterable[str]) -> int:
    """``lines.line_pitch`` of the lines with text among ``raws``, a text's first lines (numbered from 0)."""
    return line_pitch(k for k, raw in enumerate(raws) if not is_blank(raw))


def _line(texts: _Lines, k: int) -> str | None:
    """``texts[k]``, or None past the last line."""
    try:
        return texts[k]
    except IndexError:
        return None


def _row(texts: list[str], seen: dict[str, str]) -> list[TableCell]:
    """A row's cells. A text that a cell read before holds already is that cell's string, not a copy: a
    table's columns repeat their values (units, dates, statuses), and a string costs some 60 bytes more
    than its characters. (``seen`` lives as long as the reading of one table.)"""
    return [TableCell(seen.setdefault(text, text)) for text in texts]


def _header_rows(rows: list[list[TableCell]]) -> int:
    """1 when the first row holds no digit and a later row does (a header over figures); its cells are
    made header cells."""
    if any(_DIGIT.search(c.text) for c in rows[0]) or not any(_DIGIT.search(c.text) for row in rows[1:] for c in row):
        return 0
    rows[0] = [TableCell(c.text, header=True) for c in rows[0]]
    return 1


__all__ = ["FORMAT", "find_tables", "read", "sniff"]

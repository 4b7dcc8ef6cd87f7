"""Plain-text reader: every input line is a line; blank lines are remembered, not kept.

A table printed in plain text becomes one table line (``lines.table_line``) where that is unambiguous:

* **tab-separated** — at least ``MIN_ROWS`` consecutive lines cut by tabs into the same number (two or
  more) of cells;
* **space-aligned** — at least ``MIN_ROWS`` consecutive lines cut by runs of two or more spaces into the
  same number (three or more) of cells whose columns start at the same place on every line. Two
  columns are never enough: a 落款 line (``某某局        2020年1月1日``) or a 报头 line looks just so.
"""

from __future__ import annotations

import re
import unicodedata

from ..lines import Line, PassState, table_line, text_to_lines
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
    return PassState(lines=find_tables(text_to_lines(text)))


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _tab_cells(line: Line) -> list[str] | None:
    if "\t" not in line.text:
        return None
    cells = [c.strip() for c in line.text.strip().split("\t")]
    return cells if len(cells) >= 2 else None


def _spaced_cells(line: Line) -> tuple[list[str], list[int]] | None:
    """The cells of a line cut by runs of spaces, and the display column each cell starts at."""
    # three cells need two runs of spaces between text (most lines have none, or only an indent)
    inner = line.stripped
    first = _SPACE_RUN.search(inner)
    if first is None or _SPACE_RUN.search(inner, first.end()) is None:
        return None
    raw = line.text.rstrip()
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


def _aligned(rows: list[list[int]]) -> bool:
    return all(max(col) - min(col) <= COLUMN_SLACK for col in zip(*rows, strict=True))


def _table(lines: list[Line], rows: list[list[str]]) -> Line:
    has_digits = [any(_DIGIT.search(c) for c in row) for row in rows]
    header = 1 if not has_digits[0] and any(has_digits[1:]) else 0
    cells = [[TableCell(text, header=k < header) for text in row] for k, row in enumerate(rows)]
    first = lines[0]
    return table_line(first.number, cells, header, blank_before=first.blank_before)


def find_tables(lines: list[Line]) -> list[Line]:
    """``lines`` with each unambiguous plain-text table replaced by one table line."""
    if not any("\t" in ln.text or "  " in ln.text or "\u3000\u3000" in ln.text for ln in lines):
        return lines
    out: list[Line] = []
    i = 0
    while i < len(lines):
        run = _run_at(lines, i)
        if run:
            n, rows = run
            out.append(_table(lines[i : i + n], rows))
            i += n
        else:
            out.append(lines[i])
            i += 1
    return out


def _run_at(lines: list[Line], i: int) -> tuple[int, list[list[str]]] | None:
    """A table starting at line ``i``: how many lines it spans and its rows."""
    first = _tab_cells(lines[i])
    if first is not None:
        rows = [first]
        while i + len(rows) < len(lines) and not lines[i + len(rows)].blank_before:
            cells = _tab_cells(lines[i + len(rows)])
            if cells is None or len(cells) != len(first):
                break
            rows.append(cells)
        return (len(rows), rows) if len(rows) >= MIN_ROWS else None
    spaced = _spaced_cells(lines[i])
    if spaced is None:
        return None
    rows, starts = [spaced[0]], [spaced[1]]
    while i + len(rows) < len(lines) and not lines[i + len(rows)].blank_before:
        nxt = _spaced_cells(lines[i + len(rows)])
        if nxt is None or len(nxt[0]) != len(spaced[0]):
            break
        rows.append(nxt[0])
        starts.append(nxt[1])
    if len(rows) >= MIN_ROWS and _aligned(starts):
        return len(rows), rows
    return None


__all__ = ["FORMAT", "find_tables", "read", "sniff"]

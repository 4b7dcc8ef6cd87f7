"""HTML tables: a data table becomes one table unit (rows of cells); a layout table stays page grid.

Old sites lay whole pages out with ``<table>``, 信息公开 pages print their metadata (索引号, 发文机关 …)
in one, and documents carry real tables (名单, 统计表, 行政处罚信息公开表). ``classify_table`` tells
them apart, naming the test that decided (the reason is recorded in the table line's hints):

* ``layout_nested``  — holds another table: a page grid
* ``layout_shape``   — fewer than two rows with two filled cells: a frame around content (a title over
  a byline, a picture beside its caption)
* ``layout_prose``   — a cell holds running text over several blocks, or most of the table's text: the
  page's article sits in it
* ``layout_links``   — mostly link text: navigation or a list of headlines
* ``info_table``     — three or more 信息公开 labels: page facts, read line by line by the rules
* ``data``           — anything else: rows and columns of short cells

``table_rows`` reads a data table's own rows (not those of nested tables) into ``TableCell`` rows,
keeping ``colspan``/``rowspan`` and header cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from lxml import etree

from ..model import TableCell
from ..patterns import INFO_TABLE_LABELS, is_prose

# a cell is running text of the page (not a data cell) when it holds this many characters over
# several block elements; data cells of 名单/统计表 are far shorter, a 处罚决定 description rarely this long
LONG_CELL_CHARS = 300
# … or when one cell holds this share of the whole table's text (a frame cell around the article)
DOMINANT_CELL_SHARE = 0.6
# a table whose text is mostly link text is navigation or a headline list
MAX_LINK_SHARE = 0.5
# 信息公开 metadata tables print at least this many labels (the rules read them as page facts)
INFO_LABELS_MIN = 3
# a data table is a grid: at least this many rows with two or more filled cells
MIN_GRID_ROWS = 2
MAX_SPAN = 1000  # HTML caps colspan at 1000 and rowspan at 65534; larger values are noise

Hidden = Callable[[etree._Element], bool]
_CELL_BLOCKS = frozenset("p div ul ol table h1 h2 h3 h4 h5 h6 blockquote pre".split())
_WS = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_CELL_BREAKS = _CELL_BLOCKS | {"br"}
# a cell's text is stripped, so a label cell starts with a label's first character
_LABEL_FIRSTS = frozenset(label[0] for label in INFO_TABLE_LABELS)


@dataclass(frozen=True)
class TableVerdict:
    data: bool
    reason: str  # the test that decided (module docstring)


# Children are picked by lxml itself (the HTML parser gives tag names in lower case).


def _own_rows(table: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in table.iterchildren("tr", "thead", "tbody", "tfoot"):
        if child.tag == "tr":
            rows.append(child)
        else:
            rows.extend(child.iterchildren("tr"))
    return rows


def _cells(row: etree._Element) -> list[etree._Element]:
    return list(row.iterchildren("td", "th"))


# a table's own rows, each with its cells: found once, read by each step that needs them
Grid = list[tuple[etree._Element, list[etree._Element]]]


def table_grid(table: etree._Element) -> Grid:
    """``[(row, _cells(row)) for row in _own_rows(table)]``."""
    return [(row, list(row.iterchildren("td", "th"))) for row in _own_rows(table)]


def _span(cell: etree._Element, name: str) -> int:
    given = cell.get(name)
    if given is None:
        return 1  # most cells
    try:
        value = int(given.strip() or "1")
    except ValueError:
        return 1
    return min(max(value, 1), MAX_SPAN)


def cell_text(cell: etree._Element, skip: frozenset[str], hidden: Hidden) -> str:
    """A cell's visible text, whitespace collapsed; block elements and <br> inside it become spaces."""
    if not len(cell):  # no element inside (most cells): its own text
        return _collapse(cell.text or "")
    if _inline_only(cell, skip, hidden):  # a link or some emphasis: all of its text, in order
        return _collapse("".join(cast("Iterator[str]", cell.itertext())))
    parts: list[str] = []
    skipping = 0
    for event, el in etree.iterwalk(cell, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if skipping or not tag or tag in skip or (el is not cell and hidden(el)):
                skipping += 1
                continue
            if el is not cell and tag in _CELL_BREAKS:
                parts.append(" ")
            if el.text:
                parts.append(el.text)
        else:
            if skipping:
                skipping -= 1
                if skipping == 0 and el is not cell and el.tail:
                    parts.append(el.tail)
                continue
            if el is not cell:
                if tag in _CELL_BLOCKS:
                    parts.append(" ")
                if el.tail:
                    parts.append(el.tail)
    return _collapse("".join(parts))


def _collapse(text: str) -> str:
    """``_WS.sub(" ", text).strip()``: stripped first (the same), collapsed only when a run is there."""
    text = text.strip()
    if ("  " in text or "\n" in text or "\xa0" in text or "\t" in text or "\r" in text or "\f" in text
            or "\v" in text):
        return _WS.sub(" ", text)
    return text


def _inline_only(cell: etree._Element, skip: frozenset[str], hidden: Hidden) -> bool:
    """Whether nothing inside ``cell`` is left out (skipped, hidden) or becomes a space (a block, <br>)."""
    for el in cell.iterdescendants():
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag or tag in skip or tag in _CELL_BREAKS or hidden(el):
            return False
    return True


def holds_table(table: etree._Element) -> bool:
    """Whether another table lies inside ``table`` (lxml stops at the first)."""
    return next(table.iterdescendants("table"), None) is not None


def tables_holding_tables(root: etree._Element) -> set[etree._Element]:
    """Every table that holds another table, in one pass over the page's tables: each table's
    ancestor tables, climbing until one already known (its own ancestors are known then)."""
    holders: set[etree._Element] = set()
    for table in root.iter("table"):
        for outer in table.iterancestors("table"):
            if outer in holders:
                break
            holders.add(outer)
    return holders


def layout_by_shape(table: etree._Element, nested: bool | None = None) -> TableVerdict | None:
    """The verdict on a table that its structure alone gives, before any cell is read (most tables of a
    page grid): a nested table, or fewer than MIN_GRID_ROWS rows of two cells or more. None: read on.
    ``nested``: ``holds_table(table)`` when the caller knows it."""
    if holds_table(table) if nested is None else nested:
        return TableVerdict(False, "layout_nested")
    if not _has_grid_rows(table):
        return TableVerdict(False, "layout_shape")
    return None


def _has_grid_rows(table: etree._Element) -> bool:
    """``_grid(len(_cells(row)) for row in _own_rows(table))``, counting each row's cells only up to two."""
    rows = 0
    for child in table.iterchildren("tr", "thead", "tbody", "tfoot"):
        for row in (child,) if child.tag == "tr" else child.iterchildren("tr"):
            cells = 0
            for _ in row.iterchildren("td", "th"):
                cells += 1
                if cells == 2:
                    rows += 1
                    if rows >= MIN_GRID_ROWS:
                        return True
                    break
    return False


def _grid(cells_per_row: Iterator[int]) -> bool:
    """At least MIN_GRID_ROWS rows of two cells or more (counting stops there)."""
    rows = 0
    for cells in cells_per_row:
        if cells >= 2:
            rows += 1
            if rows >= MIN_GRID_ROWS:
                return True
    return False


def classify_table(
    table: etree._Element, texts: list[list[str]], link_chars: int, nested: bool | None = None,
    grid: Grid | None = None,
) -> TableVerdict:
    """Is ``table`` a data table? ``texts`` are its cells' texts by row, ``link_chars`` the characters
    of link text inside it (``nested``: ``holds_table(table)``, ``grid``: ``table_grid(table)``, when the
    caller knows them)."""
    if holds_table(table) if nested is None else nested:
        return TableVerdict(False, "layout_nested")
    facts = TableFacts()
    add = facts.add
    rows = grid if grid is not None else ((row, None) for row in _own_rows(table))
    for (row, cells), row_texts in zip(rows, texts, strict=False):
        add(row_texts, cells if cells is not None else row)
    return facts.verdict(link_chars)


class TableFacts:
    """What ``classify_table`` reads of a table's rows, gathered a row at a time (a table read as it is
    parsed has let its first rows go before its last is read): the rows with two filled cells, the
    信息公开 labels, the characters, the longest text (the first of equals), and whether a long cell
    holds several blocks (``_long_cells``)."""

    __slots__ = ("block_prose", "grid_rows", "labels", "longest", "total")

    def __init__(self) -> None:
        self.grid_rows = 0
        self.labels = 0
        self.total = 0
        self.longest = ""
        self.block_prose = False

    def add(self, texts: list[str], cells: list[etree._Element] | etree._Element) -> None:
        """One row: its cells' texts, and its cells (or the row, whose cells are looked up only when a
        text is long enough to be running text)."""
        if len(texts) - texts.count("") >= 2:
            self.grid_rows += 1
        longest = self.longest
        for t in texts:
            self.total += len(t)
            if len(t) > len(longest):
                longest = t
            if t[:1] in _LABEL_FIRSTS and (
                t.rstrip("：: \u3000").replace(" ", "").replace("\u3000", "") in INFO_TABLE_LABELS
            ):
                self.labels += 1
        self.longest = longest
        if not self.block_prose and max(map(len, texts), default=0) >= LONG_CELL_CHARS // 2:
            found = _cells(cells) if isinstance(cells, etree._Element) else cells
            self.block_prose = any(len(text) >= LONG_CELL_CHARS // 2 and _block_children(c) >= 2
                                   for c, text in zip(found, texts, strict=False))

    def verdict(self, link_chars: int) -> TableVerdict:
        """The verdict, tested in ``classify_table``'s order (after ``layout_nested``)."""
        if self.grid_rows < MIN_GRID_ROWS:
            return TableVerdict(False, "layout_shape")
        if self.labels >= INFO_LABELS_MIN:
            return TableVerdict(False, "info_table")
        total, longest = self.total, self.longest
        if total and link_chars / total > MAX_LINK_SHARE:
            return TableVerdict(False, "layout_links")
        if len(longest) >= LONG_CELL_CHARS and is_prose(longest):
            return TableVerdict(False, "layout_prose")
        if total >= LONG_CELL_CHARS and len(longest) / total >= DOMINANT_CELL_SHARE and is_prose(longest):
            return TableVerdict(False, "layout_prose")
        if self.block_prose:
            return TableVerdict(False, "layout_prose")
        return TableVerdict(True, "data")


def _block_children(cell: etree._Element) -> int:
    return sum(1 for c in cell if isinstance(c.tag, str) and c.tag.lower() in _CELL_BLOCKS)


def table_texts(
    table: etree._Element, skip: frozenset[str], hidden: Hidden, grid: Grid | None = None
) -> list[list[str]]:
    """The visible text of each cell of the table's own rows (``grid``: ``table_grid(table)`` when known).
    Cells with equal text share one string (a column repeats its units, dates and statuses: in a big table
    the copies were three times the page's size)."""
    if grid is None:
        grid = table_grid(table)
    shared: dict[str, str] = {}
    one = shared.setdefault
    return [[one(text, text) for text in (cell_text(c, skip, hidden) for c in cells)] for _, cells in grid]


def table_rows(
    table: etree._Element, texts: list[list[str]], grid: Grid | None = None
) -> tuple[list[list[TableCell]], int]:
    """The table's rows as ``TableCell`` rows, and how many leading rows are header rows (rows of
    ``<th>`` cells, or the rows of a ``<thead>``). Empty rows are dropped. (``grid``: ``table_grid(table)``
    when known; its cells are named exactly ``td`` or ``th``, as lxml picked them.)"""
    rows: list[list[TableCell]] = []
    header_rows = 0
    in_head = True
    for (row, cells), row_texts in zip(grid if grid is not None else table_grid(table), texts, strict=False):
        out, head_row = row_cells(row, cells, row_texts)
        if out is None:
            continue
        if in_head and head_row:
            header_rows += 1
        else:
            in_head = False
        rows.append(out)
    return rows, header_rows


def row_cells(
    row: etree._Element, cells: list[etree._Element], texts: list[str]
) -> tuple[list[TableCell] | None, bool]:
    """One row of ``table_rows``: its ``TableCell``s (None when no cell has text: the row is dropped), and
    whether it is a header row (in a ``<thead>``, or of ``<th>`` cells only)."""
    parent = row.getparent()
    head_row = (parent is not None and isinstance(parent.tag, str) and parent.tag.lower() == "thead") or (
        bool(cells) and all(c.tag == "th" for c in cells)
    )
    out = [
        TableCell(
            text,
            1 if c.get("colspan") is None else _span(c, "colspan"),
            1 if c.get("rowspan") is None else _span(c, "rowspan"),
            head_row or c.tag == "th",
        )
        for c, text in zip(cells, texts, strict=False)
    ]
    if not any(c.text for c in out):
        return None, head_row
    return out, head_row


__all__ = [
    "Grid", "TableFacts", "TableVerdict", "cell_text", "classify_table", "holds_table", "layout_by_shape", "row_cells",
    "table_grid", "table_rows", "table_texts", "tables_holding_tables",
]

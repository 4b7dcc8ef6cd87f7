"""A big page parsed a piece at a time, the rows of its big data tables read and let go as they are parsed.

lxml's tree of a page is about 14 times the page's markup (libxml2's nodes): for a page of one big table,
more than the rest of the conversion together. Past ``STREAM_MIN_CHARS`` the page is fed to lxml's pull
parser in slices; once a table has more than ``PRUNE_AFTER_ROWS`` rows, each of its own rows is read
(``html_tables``: the cells' texts, the row's ``TableCell``s, what the verdict needs) as soon as it is
closed, and taken out of the tree. The table element stays, empty, where it was: the reader's collector
meets it and takes the rows read here (``data_table``), the main-content chooser scores it as before.

The tree is then the page without those rows, and what the reader makes of it is what it makes of the
whole tree: a table is pruned only where the collector would read it as one data table — under the body,
no ancestor skipped (script, noscript …) or hidden, no ``<meta>`` or ``<title>`` in its rows. What can only
be known at a table's end (it holds another table, its verdict is not ``data``, no row has text) or at the
page's end (more elements than the collector reads, ``DEEP`` elements deep) makes ``parse`` give up
(None): the page is then parsed whole, as below the size, and read the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

from lxml import etree

from ..model import TableCell
from .html_tables import Hidden, TableFacts, _own_rows, cell_text, row_cells

# pages shorter than this are parsed whole: the largest real page measured is 0.4 MB, whose tree
# (≈ 6 MB) is small next to the interpreter; a page of one 5 MB table was 30 times its size at its peak
STREAM_MIN_CHARS = 1_000_000
# the first rows of a table stay in the tree: a table of this many rows or fewer is never pruned (its
# tree is small), so a page grid or a list of links — the tables whose verdict is not ``data`` — is
# not read twice over, and a fall-back to the whole parse is for the rare big table that is not data
PRUNE_AFTER_ROWS = 256
FEED_CHARS = 1 << 16
# libxml2 stops at a depth of 2047 elements, whether parsing whole or a slice at a time, but only the whole
# parse says so (the reader then reads the page without its inline tags): a tree this deep is parsed whole
DEEP = 2000  # characters encoded and fed to the parser at a time (64 K: a slice, not a copy)

_COUNT_BELOW = etree.XPath("count(descendant::node()[not(self::text())])")  # the collector's node count
_HEADS = ("meta", "title")  # what the reader looks up in the whole tree (page facts), never in a table


@dataclass
class ReadTable:
    """A data table read while the page was parsed: what ``html._data_table`` would have made of it."""

    rows: list[list[TableCell]]
    header_rows: int
    link_chars: int


# the tables of the page being read (None: a page parsed whole), for the collector's ``data_table``
READ_TABLES: ContextVar[dict[etree._Element, ReadTable] | None] = ContextVar("READ_TABLES", default=None)


def data_table(el: etree._Element) -> tuple[list[list[TableCell]], int, int] | None:
    """The rows, header rows and link characters of ``el`` when it was read as it was parsed."""
    tables = READ_TABLES.get()
    if tables is None:
        return None
    done = tables.get(el)
    return None if done is None else (done.rows, done.header_rows, done.link_chars)


@dataclass(frozen=True)
class Reading:
    """How the HTML reader reads a table (its own functions, handed over: this module is below it)."""

    skip: frozenset[str]  # tags whose text is never a line (script, style …)
    hidden: Hidden  # whether an element hides itself
    link_chars: Callable[[etree._Element], int]  # the characters of link text inside an element
    max_nodes: int  # past this many elements the collector cuts the page: parsed whole instead


class _Table:
    """A table being parsed: its rows so far (as ``table_rows`` makes them), and what its verdict needs."""

    __slots__ = ("facts", "header_rows", "in_head", "last", "link_chars", "nested", "pruning", "rows", "seen",
                 "shared")

    def __init__(self) -> None:
        self.seen = 0  # own rows closed
        self.nested = False  # holds another table (known when the inner one closes)
        self.pruning = False  # rows are read here and let go (from row PRUNE_AFTER_ROWS + 1)
        self.facts = TableFacts()
        self.rows: list[list[TableCell]] = []
        self.header_rows = 0
        self.in_head = True
        self.link_chars = 0  # of the rows let go
        self.shared: dict[str, str] = {}  # equal cells share one string (``table_texts``)
        self.last: etree._Element | None = None  # the row read last, let go when the next is read


class _GiveUp(Exception):
    """The page is to be parsed whole."""


def parse(markup: str, options: dict[str, Any], reading: Reading) -> tuple[etree._Element, dict[etree._Element,
                                                                                              ReadTable]] | None:
    """The page's tree without the rows of its big data tables, and those tables read; None when the page
    is to be parsed whole (not encodable as UTF-8, too deep, a pruned table not read as data …).
    ``options``: the HTML parser's (the reader's, with the encoding UTF-8)."""
    try:
        return _parse(markup, options, reading)
    except (_GiveUp, etree.LxmlError, UnicodeEncodeError, ValueError):
        return None


def _parse(markup: str, options: dict[str, Any], reading: Reading) -> tuple[etree._Element, dict[etree._Element,
                                                                                               ReadTable]]:
    parser = etree.HTMLPullParser(events=("end",), tag=("tr", "table"), **options)
    tables: dict[etree._Element, _Table] = {}
    read: dict[etree._Element, ReadTable] = {}
    pruned = [0]  # nodes taken out of the tree
    for at in range(0, len(markup), FEED_CHARS):
        parser.feed(markup[at : at + FEED_CHARS].encode("utf-8"))
        _events(parser.read_events(), tables, read, pruned, reading)
    root = parser.close()
    _events(parser.read_events(), tables, read, pruned, reading)
    if any(t.pruning for t in tables.values()):
        raise _GiveUp  # a pruned table never closed
    if _deeper_than(root, DEEP):
        raise _GiveUp  # the whole parse tells a page too deep to read as is (the pull parser does not say)
    if 1 + _count_below(root) + pruned[0] > reading.max_nodes:
        raise _GiveUp  # the collector cuts such a page by walking every element: not with rows missing
    return root, read


def _count_below(el: etree._Element) -> int:
    return int(cast(float, _COUNT_BELOW(el)))


def _deeper_than(root: etree._Element, depth: int) -> bool:
    """Whether an element of the tree has ``depth`` ancestors or more (descending only into elements that
    have children: a few hundred nanoseconds an element)."""
    path: list[Iterator[etree._Element]] = [iter(root)]
    while path:
        for child in path[-1]:
            if len(path) >= depth:
                return True  # ``child`` has len(path) ancestors
            if len(child):
                path.append(iter(child))
                break
        else:
            path.pop()
    return False


def _events(events: Iterator[tuple[str, Any]], tables: dict[etree._Element, _Table],
            read: dict[etree._Element, ReadTable], pruned: list[int], reading: Reading) -> None:
    for _, el in events:
        if el.tag == "table":
            for outer in el.iterancestors("table"):  # each holds a table: not a data table
                t = tables.get(outer)
                if t is None:
                    t = tables[outer] = _Table()
                if t.pruning:
                    raise _GiveUp
                t.nested = True
            t = tables.pop(el, None)
            if t is not None and t.pruning:
                read[el] = _finish(el, t, pruned, reading)
            continue
        parent = el.getparent()  # a <tr>: one of a table's own rows?
        if parent is None:
            continue
        if parent.tag != "table":
            if parent.tag not in ("thead", "tbody", "tfoot"):
                continue
            parent = parent.getparent()
            if parent is None or parent.tag != "table":
                continue
        t = tables.get(parent)
        if t is None:
            t = tables[parent] = _Table()
        t.seen += 1
        if t.pruning:
            _let_go(t, pruned)
            _read_row(el, t, reading)
        elif t.seen > PRUNE_AFTER_ROWS and not t.nested and _prunable(parent, reading):
            t.pruning = True
            for row in _own_rows(parent):  # the rows so far, to this one (the parser may be past it:
                _let_go(t, pruned)  # events come a slice of the page at a time)
                _read_row(row, t, reading)
                if row is el:
                    break


def _prunable(table: etree._Element, reading: Reading) -> bool:
    """Whether the collector reads ``table`` as a table: it is visible, under the body, and nothing above it
    is skipped or hidden (its ancestors are all parsed when one of its rows closes)."""
    if reading.hidden(table):
        return False
    under_body = False
    for el in table.iterancestors():
        tag = el.tag
        if not isinstance(tag, str) or tag.lower() in reading.skip or reading.hidden(el):
            return False
        if tag == "body" and (up := el.getparent()) is not None and up.getparent() is None:
            under_body = True
    return under_body


def _read_row(row: etree._Element, t: _Table, reading: Reading) -> None:
    """Read one own row of a pruned table (as ``table_texts``, ``table_rows`` and the verdict would), to be let
    go when the next is read."""
    if next(row.iter(*_HEADS), None) is not None:
        raise _GiveUp  # the reader looks for page facts in the whole tree
    cells = list(row.iterchildren("td", "th"))
    one = t.shared.setdefault
    texts = [one(text, text) for text in (cell_text(c, reading.skip, reading.hidden) for c in cells)]
    t.facts.add(texts, cells)
    out, head_row = row_cells(row, cells, texts)
    if out is not None:
        if t.in_head and head_row:
            t.header_rows += 1
        else:
            t.in_head = False
        t.rows.append(out)
    t.link_chars += reading.link_chars(row)
    t.last = row


def _let_go(t: _Table, pruned: list[int]) -> None:
    """Take the row read last out of the tree (the parser has moved past it)."""
    row = t.last
    if row is None:
        return
    t.last = None
    pruned[0] += 1 + _count_below(row)
    parent = row.getparent()
    if parent is not None:
        parent.remove(row)


def _finish(table: etree._Element, t: _Table, pruned: list[int], reading: Reading) -> ReadTable:
    """A pruned table at its end: read as a data table, or the page is parsed whole."""
    _let_go(t, pruned)
    if t.nested:
        raise _GiveUp
    link_chars = t.link_chars + reading.link_chars(table)  # and of what is left: a caption …
    if not t.facts.verdict(link_chars).data or not t.rows:
        raise _GiveUp
    return ReadTable(t.rows, t.header_rows, link_chars)


__all__ = ["PRUNE_AFTER_ROWS", "READ_TABLES", "STREAM_MIN_CHARS", "ReadTable", "Reading", "data_table", "parse"]

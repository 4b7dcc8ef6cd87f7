"""The working form between reading and segmentation: numbered lines with marks.

Readers turn their input into ``Line`` objects; cleaning rules mark lines as removed (with the rule's
name as the reason) or split a line in two; segmentation reads the lines that are left.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from .model import Extraction, Header, PageMetadata, Removed, SourceInfo, TableCell, table_text

_ZERO_WIDTH = "\ufeff\u200b\u200c\u200d\u2060"  # not whitespace to str.strip(), but nothing printed
_BLANK = re.compile(f"^[\\s{_ZERO_WIDTH}]*$")


NO_HINTS: frozenset[str] = frozenset()  # a line without hints (one shared empty set)


def is_blank(text: str) -> bool:
    """Whitespace, byte-order marks and zero-width characters only."""
    if text and not text[0].isspace() and text[0] not in _ZERO_WIDTH:
        return False  # a visible first character (most lines): no need to match (re's \s is str.isspace)
    return bool(_BLANK.match(text))


class Line:
    """One line of input text (or one text block of an HTML page). Lines compare by identity: two
    lines with the same text at different places are different lines.

    A line remembers what the passes ask about its text again and again — the text stripped, whether
    it is blank, which chrome classifiers accept it (``clean.chrome``) — until its text changes (a
    rule that joins or splits lines gives it a new text). The answers live on the line, not in caches
    keyed by text: they cost a few bytes a line, never thrash, and go with the document.

    A document has a line per input line (60,000 for 1 MB of short lines): slots, no ``__dict__``, and
    what few lines have — the element an HTML line came from (``owner``), a table's rows — on a
    subclass (``PlacedLine``) that ``Line(...)`` makes when they are given; the other lines read the
    class's defaults (112 bytes a line, where a slot for each took 144)."""

    __slots__ = (
        "_blank", "_stripped", "_stripped_of", "blank_before", "chrome", "chrome_of", "hints", "number", "removed",
        "text",
    )

    number: int  # 1-based input line (HTML: block index in reading order)
    text: str
    hints: frozenset[str]  # reader's hints, e.g. {"h1", "link-dense", "title"}
    removed: str | None  # the reason, once a rule removed it
    blank_before: bool  # an empty line stood before this one in the input
    _stripped_of: str | None  # the text ``_stripped`` and ``_blank`` are of
    _stripped: str
    _blank: bool
    chrome_of: str | None  # the text ``chrome`` is of (clean.chrome)
    chrome: int  # bit i: clean.chrome.CLASSIFIERS[i] accepts the text

    owner: int | None = None  # HTML: id of the block element the line came from (a <p> split by an ad)
    # a table region, handed over as one unit: the rules judge its text (rows joined, ``table_text``)
    # as a whole and never cut it; segmentation makes it a table block
    table: list[list[TableCell]] | None = None
    header_rows: int = 0

    def __new__(
        cls, number: int, text: str, hints: frozenset[str] = NO_HINTS, removed: str | None = None,
        blank_before: bool = False, owner: int | None = None, table: list[list[TableCell]] | None = None,
        header_rows: int = 0,
    ) -> Line:
        if cls is Line and (owner is not None or table is not None or header_rows):
            cls = PlacedLine
        return object.__new__(cls)

    def __init__(
        self, number: int, text: str, hints: frozenset[str] = NO_HINTS, removed: str | None = None,
        blank_before: bool = False, owner: int | None = None, table: list[list[TableCell]] | None = None,
        header_rows: int = 0,
    ) -> None:
        self.number = number
        self.text = text
        self.hints = hints
        self.removed = removed
        self.blank_before = blank_before
        self._stripped_of = None
        self._stripped = ""
        self._blank = False
        self.chrome_of = None
        self.chrome = 0

    def __repr__(self) -> str:
        extra = "".join(
            f", {name}={getattr(self, name)!r}" for name in ("owner", "table", "header_rows")
            if getattr(self, name) != getattr(Line, name)
        )
        return (f"Line(number={self.number!r}, text={self.text!r}, hints={self.hints!r}, removed={self.removed!r}, "
                f"blank_before={self.blank_before!r}{extra})")

    def __reduce__(self) -> tuple[Any, ...]:
        args: tuple[Any, ...] = (self.number, self.text, self.hints, self.removed, self.blank_before)
        if type(self) is not Line:
            args += (self.owner, self.table, self.header_rows)
        return type(self), args

    def _remember(self) -> None:
        s = self.text.strip()
        self._stripped_of, self._stripped = self.text, s
        # str.strip() took the whitespace: blank when nothing is left, or only zero-width characters
        self._blank = not s or (s[0] in _ZERO_WIDTH and is_blank(s))

    @property
    def stripped(self) -> str:
        # every rule asks, many times per line: keep the answer until the text changes
        if self._stripped_of is not self.text:
            self._remember()
        return self._stripped

    @property
    def kept(self) -> bool:
        if self.removed is not None:
            return False
        if self._stripped_of is not self.text:
            self._remember()
        return not self._blank


class PlacedLine(Line):
    """A line that came from a known HTML element, or that carries a table's rows (see ``Line``)."""

    __slots__ = ("header_rows", "owner", "table")

    owner: int | None
    table: list[list[TableCell]] | None
    header_rows: int

    def __init__(
        self, number: int, text: str, hints: frozenset[str] = NO_HINTS, removed: str | None = None,
        blank_before: bool = False, owner: int | None = None, table: list[list[TableCell]] | None = None,
        header_rows: int = 0,
    ) -> None:
        Line.__init__(self, number, text, hints, removed, blank_before)
        self.owner, self.table, self.header_rows = owner, table, header_rows


@dataclass
class PassState:
    """What the passes share: the lines, and the facts found on the way."""

    lines: list[Line]
    source: SourceInfo = field(default_factory=SourceInfo)
    metadata: PageMetadata = field(default_factory=PageMetadata)
    header: Header = field(default_factory=Header)
    title_hint: str | None = None  # a title the reader found (HTML <h1>, meta ArticleTitle)
    meta_title: str | None = None  # the title a page's meta tags name (ArticleTitle): its title when none is printed
    title_candidates: list[str] = field(default_factory=list)  # other guesses (the parts of <title>)
    page_date: str | None = None  # publication time from the page's <meta> tags (ISO)
    meta_origin: str | None = None  # 来源 from the page's <meta> tags
    second_hand: set[str] = field(default_factory=set)  # page facts a second-hand label gave (供稿, 撰稿)
    warnings: list[str] = field(default_factory=list)
    extra_removed: list[Removed] = field(default_factory=list)  # removed text that was never a line
    extraction: Extraction | None = None  # HTML: how the main content was chosen

    def kept(self) -> list[Line]:
        return [ln for ln in self.lines if ln.kept]

    def remove(self, line: Line, reason: str) -> None:
        if line.removed is None:
            line.removed = reason

    def split(self, line: Line, at: int) -> tuple[Line, Line]:
        """Split ``line`` at character ``at``; both halves keep the line number and hints."""
        pairs = self.split_where(lambda ln: at if ln is line else None)
        return pairs[0]

    def split_where(self, cut: Callable[[Line], int | None]) -> list[tuple[Line, Line]]:
        """Split, in one pass over the lines, every line for which ``cut`` gives a position inside it;
        returns the (head, tail) pairs. (Splitting one line at a time would be quadratic.)"""
        out: list[Line] = []
        pairs: list[tuple[Line, Line]] = []
        for line in self.lines:
            at = cut(line) if line.table is None else None  # a table is one unit: never cut
            if at is None or not 0 < at < len(line.text):
                out.append(line)
                continue
            head = Line(line.number, line.text[:at], line.hints, line.removed, line.blank_before, line.owner)
            tail = Line(line.number, line.text[at:], line.hints, line.removed, False, line.owner)
            out += (head, tail)
            pairs.append((head, tail))
        if pairs:
            self.lines = out
        return pairs

    def removed_items(self) -> list[Removed]:
        items = [
            Removed(ln.text.strip(), ln.removed, ln.number) for ln in self.lines if ln.removed and not is_blank(ln.text)
        ]
        items.extend(self.extra_removed)
        items.sort(key=lambda r: (r.line if r.line is not None else 0))
        return items


PITCH_MIN_GAPS = 4  # fewer lines than this tell nothing of a text's line pitch


def line_pitch(numbers: Iterable[int]) -> int:
    """How many input lines one line of text takes, from the input line numbers of its first lines (in
    order): 1, or the smallest gap between two of them when none stands next to another — a text whose
    line breaks were all doubled (``\\r\\r\\n`` endings, a copy from a web page)."""
    gaps = [b - a for a, b in pairwise(numbers) if b > a]
    return min(gaps) if len(gaps) >= PITCH_MIN_GAPS else 1


def table_line(
    number: int, rows: list[list[TableCell]], header_rows: int = 0, *,
    hints: frozenset[str] = frozenset(), blank_before: bool = False,
) -> Line:
    """A table region as one line: its text is the rows joined (what the line rules judge)."""
    return Line(number, table_text(rows), hints=hints, blank_before=blank_before, table=rows, header_rows=header_rows)


def text_to_lines(text: str) -> list[Line]:
    """Split decoded text into numbered lines, remembering blank lines between them."""
    lines: list[Line] = []
    blank = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if is_blank(raw):
            blank = True
            continue
        lines.append(Line(number, raw, NO_HINTS, None, blank))
        blank = False
    return lines

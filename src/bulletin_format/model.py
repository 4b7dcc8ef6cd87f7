"""The one document model every reader fills and every writer reads.

Typed dataclasses, with ``to_dict()`` giving the JSON contract (docs/json-format.md). Field names of
the JSON contract are fixed: extend, never rename.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from operator import attrgetter
from typing import TYPE_CHECKING, Any, ClassVar, Literal

SCHEMA_VERSION = "1.2"  # 1.1: table blocks (``rows``, ``header_rows``); 1.2: 附件说明 lines as blocks

BlockType = Literal["heading", "paragraph", "table", "attachment_note"]
DocumentKind = Literal["bulletin", "document", "news", "speech", "unknown"]


_LEAVES = frozenset((str, int, float, bool, type(None)))  # JSON values as they are (exact types)


_FIELDS: dict[type, tuple[tuple[str, ...], Callable[[Any], Any]]] = {}  # a dataclass → its field names, a getter


def _fields_of(cls: type) -> tuple[tuple[str, ...], Callable[[Any], Any]] | None:
    """A dataclass's JSON members in order: its fields, or its ``JSON_FIELDS`` where it adds derived ones."""
    spec = _FIELDS.get(cls)
    if spec is None and hasattr(cls, "__dataclass_fields__"):
        names = getattr(cls, "JSON_FIELDS", None) or tuple(cls.__dataclass_fields__)
        get = attrgetter(*names) if len(names) > 1 else (lambda v, get=attrgetter(*names): (get(v),))
        spec = _FIELDS[cls] = (names, get)
    return spec


def _plain(value: Any) -> Any:
    """Dataclasses, lists and dicts as plain JSON data (like ``dataclasses.asdict``, without its
    deep copies of every string, which made it the slowest step of writing JSON)."""
    if type(value) in _LEAVES:
        return value
    spec = _fields_of(type(value))
    if spec is not None:
        names, get = spec
        values = get(value)
        data = dict(zip(names, values, strict=True))
        if not _LEAVES.issuperset(map(type, values)):  # (most objects: strings, numbers and None only)
            for name, v in data.items():
                if type(v) not in _LEAVES:
                    data[name] = _plain(v)
        return data
    if isinstance(value, list):
        return [v if type(v) in _LEAVES else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


@dataclass
class ExtractionCandidate:
    """One method's answer to "which part of the page is the article?"."""

    method: str  # dom | title | runs
    lines: int  # how many of the page's lines it chose
    prose: int  # the prose weight of those lines (CJK characters, plus a bonus per clause mark)
    agreement: float  # prose-weighted overlap with the other candidates' answers, averaged (0–1)


@dataclass
class Extraction:
    """How the main content of an HTML page was chosen (docs/html-extraction.md)."""

    method: str  # the candidate that won
    confidence: float  # 0–1: the check of the first method's answer, or the winner's agreement
    candidates: list[ExtractionCandidate] = field(default_factory=list)
    hidden_content: bool = False  # the article was in hidden elements (revealed by script at load time)


@dataclass
class SourceInfo:
    """Where the text came from and how its bytes were read."""

    path: str | None = None
    # the reader that read it; doc and wps are converted to DOCX with LibreOffice first
    format: Literal["text", "html", "markdown", "docx", "doc", "wps"] = "text"
    encoding: str = "utf-8"
    encoding_confidence: float | None = None
    # how the encoding was found: bom | utf-8 | declared | detected | fallback | text (a str was given)
    evidence: str = "text"
    declared: str | None = None  # the charset label the input declared, if any
    replaced: int = 0  # characters replaced by U+FFFD in a lossy decode
    replaced_at: list[int] = field(default_factory=list)  # character offsets of the first replacements
    size: int = 0  # input size in bytes (or characters for str input)
    extraction: Extraction | None = None  # HTML: how the main content was chosen


@dataclass
class Header:
    """版头: facts printed above the first article (简报 报头, or a 公文's 版头)."""

    issuer: str | None = None  # 编发单位 / 发文机关
    bulletin: str | None = None  # 简报名称
    issue: str | None = None  # 期号 as printed, e.g. 第3期
    date: str | None = None  # ISO YYYY-MM-DD
    date_text: str | None = None  # the date as printed
    doc_number: str | None = None  # 发文字号, normalised to 〔〕
    doc_number_text: str | None = None  # 发文字号 as printed
    signer: str | None = None  # 签发人
    copy_number: str | None = None  # 份号
    secrecy: str | None = None  # 密级和保密期限
    urgency: str | None = None  # 紧急程度


@dataclass(init=False)
class TableCell:
    """One cell of a table block, where it starts; a merged cell spans ``colspan`` × ``rowspan``.

    A big table has hundreds of thousands of cells, nearly all of them plain (one column, one row, not a
    header): a cell holds its text and its shape, which is None for a plain cell and the tuple
    (colspan, rowspan, header) otherwise; ``colspan``, ``rowspan`` and ``header`` read and set it
    (48 bytes a cell, where a slot per field took 64)."""

    if not TYPE_CHECKING:  # (seen, mypy would refuse assignments to the fields kept in the shape)
        __slots__ = ("_shape", "text")

    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False  # a header cell (HTML <th>, a cell of a header row)

    def __init__(self, text: str, colspan: int = 1, rowspan: int = 1, header: bool = False) -> None:
        self.text = text
        self._shape = _shape(colspan, rowspan, header)


def _shape(colspan: int, rowspan: int, header: bool) -> tuple[int, int, bool] | None:
    """None for a plain cell (exactly ``1, 1, False``), else the values as given."""
    if header is False and type(colspan) is int and colspan == 1 and type(rowspan) is int and rowspan == 1:
        return None
    return (colspan, rowspan, header)


def _shape_field(index: int, default: Any) -> property:
    def get(cell: TableCell) -> Any:
        shape = cell._shape
        return default if shape is None else shape[index]

    def set_(cell: TableCell, value: Any) -> None:
        values: list[Any] = [cell.colspan, cell.rowspan, cell.header]
        values[index] = value
        cell._shape = _shape(*values)

    return property(get, set_)


for _index, (_name, _default) in enumerate((("colspan", 1), ("rowspan", 1), ("header", False))):
    setattr(TableCell, _name, _shape_field(_index, _default))  # after @dataclass, which took them as defaults


TABLE_TEXT_ROWS = 1024  # rows joined at a time: a big table's row texts are never all held at once


def table_text(rows: list[list[TableCell]]) -> str:
    """A table as text: one line per row, its non-empty cells joined by a space (how the annotation
    guide and the scorers read a table, and what plain-text output prints)."""
    lines = _row_texts(rows)
    parts = []
    while batch := list(islice(lines, TABLE_TEXT_ROWS)):
        parts.append("\n".join(batch))
    return "\n".join(parts)


def _row_texts(rows: list[list[TableCell]]) -> Iterator[str]:
    """The lines of ``table_text(rows)``, one at a time."""
    return (" ".join(c.text for c in row if c.text) for row in rows if any(c.text for c in row))


def is_table_text(text: str, rows: list[list[TableCell]]) -> bool:
    """Whether ``text`` is ``table_text(rows)``, compared a row at a time: no second copy of a big
    table's text is made to find out."""
    pos = 0
    for k, line in enumerate(_row_texts(rows)):
        if k:
            if not text.startswith("\n", pos):
                return False
            pos += 1
        if not text.startswith(line, pos):
            return False
        pos += len(line)
    return pos == len(text)


@dataclass(init=False)
class Block:
    """One unit of an article's body: a heading (with level), a paragraph, or a table.

    A table's ``text`` is derived from its cells (``table_text``); ``rows`` and ``header_rows`` are
    None for the other kinds.

    A document holds a block per paragraph (250,000 for 5 MB of short lines), alive next to the lines
    they are made from: a block has slots for its type, text, level and line only (64 bytes, where a slot
    for each field took 80), and the rows of a table are on a subclass (``TableBlock``) that ``Block(...)``
    makes when they are given; the other blocks read the class's None."""

    if not TYPE_CHECKING:  # (seen, mypy would take the slots for class variables clashing with the fields)
        __slots__ = ("level", "line", "text", "type")

    # type: heading, paragraph, table, or attachment_note — a line of the 附件说明 (GB/T 9704 §7.3.4) as
    # printed, after the text and before the 落款: 附件：1.… on the first, one more item (or the rest of a
    # long one) on each further line
    type: BlockType
    text: str
    level: int | None  # heading level: 1 一、 2 （一） 3 1. 4 （1）
    line: int | None  # input line the block starts on
    rows: list[list[TableCell]] | None = None  # table: rows of cells as printed (merged cells once)
    header_rows: int | None = None  # table: how many leading rows are header rows (repeated on each page)

    def __new__(
        cls, type: BlockType, text: str, level: int | None = None, line: int | None = None,
        rows: list[list[TableCell]] | None = None, header_rows: int | None = None,
    ) -> Block:
        if cls is Block and (rows is not None or header_rows is not None):
            cls = TableBlock
        return object.__new__(cls)

    def __init__(
        self, type: BlockType, text: str, level: int | None = None, line: int | None = None,
        rows: list[list[TableCell]] | None = None, header_rows: int | None = None,
    ) -> None:
        self.type = type
        self.text = text
        self.level = level
        self.line = line
        if self.__class__ is not Block:
            self.rows = rows
            self.header_rows = header_rows

    def __reduce__(self) -> tuple[Any, ...]:
        return self.__class__, (self.type, self.text, self.level, self.line, self.rows, self.header_rows)

    @classmethod
    def table(
        cls, rows: list[list[TableCell]], header_rows: int = 0, line: int | None = None, *, text: str | None = None
    ) -> Block:
        """A table block; ``text``: the rows' text as the caller holds it already (a table line's), taken
        when it is ``table_text(rows)`` (else made): a big table's text is then held once, not twice."""
        if text is None or not is_table_text(text, rows):
            text = table_text(rows)
        return cls("table", text, None, line, rows, header_rows)


class TableBlock(Block):
    """A block that carries rows (a table): see ``Block``."""

    if not TYPE_CHECKING:
        __slots__ = ("header_rows", "rows")


@dataclass
class Signature:
    """落款: the signing organ and the 成文日期."""

    organ: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    date_text: str | None = None  # as printed


@dataclass
class Attachment:
    """附件: a document attached after the main text."""

    label: str  # e.g. 附件1
    title: str | None = None
    blocks: list[Block] = field(default_factory=list)


ATTACHMENT_NOTE_LABEL = re.compile(r"^附\s*件\s*[:：]\s*")  # the 附件： that opens a 附件说明


def attachment_items(blocks: list[Block]) -> list[str]:
    """The items of a 附件说明 from its blocks (type ``attachment_note``, one per item): each as printed after
    附件：, with its number (``1.…的报告``)."""
    items = [ATTACHMENT_NOTE_LABEL.sub("", b.text.strip(), count=1) for b in blocks if b.type == "attachment_note"]
    return [item for item in items if item]


@dataclass
class Article:
    """One article of a bulletin, or the body of a document, speech or news page.

    ``attachment_list`` is derived: the items of the 附件说明, read from the blocks of type ``attachment_note``
    (the lines as printed, in reading order with the text); it is in the JSON as it was before 1.2."""

    title: str | None = None
    title_lines: list[str] = field(default_factory=list)
    subtitle: str | None = None
    kicker: str | None = None  # 引题: the short line printed above a news headline
    byline: str | None = None  # who (and when), printed under the title: author organ, speaker, reporters
    blocks: list[Block] = field(default_factory=list)
    addressee: str | None = None  # 主送机关, without the trailing colon
    signatures: list[Signature] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # 附注 such as （此件公开发布）
    attachments: list[Attachment] = field(default_factory=list)

    JSON_FIELDS: ClassVar[tuple[str, ...]] = (
        "title", "title_lines", "subtitle", "kicker", "byline", "blocks", "addressee", "attachment_list",
        "signatures", "notes", "attachments",
    )

    @property
    def attachment_list(self) -> list[str]:
        """附件说明 items (see ``attachment_items``)."""
        return attachment_items(self.blocks)


@dataclass
class DistributionLine:
    """A 报尾/版记 line: 报/送/发, 抄送, 印发, 共印 …"""

    label: str
    text: str
    recipients: list[str] = field(default_factory=list)


@dataclass
class PageMetadata:
    """Facts about the web page the document was scraped from."""

    url: str | None = None
    site: str | None = None
    title: str | None = None  # the page's <title>, as printed
    published: str | None = None  # ISO 8601, minutes when known
    origin: str | None = None  # 来源
    author: str | None = None  # 作者 / 记者
    editor: str | None = None  # 责任编辑 / 责编


@dataclass(slots=True)  # a document holds many: no __dict__ each
class Removed:
    """A piece of input that is not part of the document, with the rule that removed it."""

    text: str
    reason: str
    line: int | None = None


@dataclass
class Document:
    """Everything the library understood about one input."""

    source: SourceInfo = field(default_factory=SourceInfo)
    kind: DocumentKind = "unknown"
    header: Header = field(default_factory=Header)
    toc: list[str] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    distribution: list[DistributionLine] = field(default_factory=list)
    metadata: PageMetadata = field(default_factory=PageMetadata)
    removed: list[Removed] = field(default_factory=list)
    normalization: dict[str, int] = field(default_factory=dict)  # kind of change → how many times
    warnings: list[str] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return self.articles[0].title if self.articles else None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        data.update(_plain(self))
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a Document from its JSON form (the inverse of ``to_dict``)."""

        def block(b: dict[str, Any]) -> Block:
            b = dict(b)
            if b.get("rows") is not None:
                b["rows"] = [[TableCell(**c) for c in row] for row in b["rows"]]
            return Block(**b)

        def blocks(items: list[dict[str, Any]]) -> list[Block]:
            return [block(b) for b in items]

        articles = []
        for a in data.get("articles", []):
            a = dict(a)
            a["blocks"] = blocks(a.get("blocks", []))
            items = a.pop("attachment_list", None) or []
            if items and not any(b.type == "attachment_note" for b in a["blocks"]):  # a 1.1 record: its items
                a["blocks"] += [Block("attachment_note", ("附件：" if i == 0 else "") + t) for i, t in enumerate(items)]
            a["signatures"] = [Signature(**s) for s in a.get("signatures", [])]
            a["attachments"] = [
                Attachment(**{**att, "blocks": blocks(att.get("blocks", []))}) for att in a.get("attachments", [])
            ]
            articles.append(Article(**a))
        source = dict(data.get("source", {}))
        if source.get("extraction") is not None:
            ext = dict(source["extraction"])
            ext["candidates"] = [ExtractionCandidate(**c) for c in ext.get("candidates", [])]
            source["extraction"] = Extraction(**ext)
        return cls(
            source=SourceInfo(**source),
            kind=data.get("kind", "unknown"),
            header=Header(**data.get("header", {})),
            toc=list(data.get("toc", [])),
            articles=articles,
            distribution=[DistributionLine(**d) for d in data.get("distribution", [])],
            metadata=PageMetadata(**data.get("metadata", {})),
            removed=[Removed(**r) for r in data.get("removed", [])],
            normalization=dict(data.get("normalization", {})),
            warnings=list(data.get("warnings", [])),
        )

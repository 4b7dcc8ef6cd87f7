"""What the text writers print, in order: the Document as a flat list of printed parts.

The Markdown and plain-text writers print the same parts and differ only in markup: the page facts
as a short front block, then for each article its 引题, title, 副题, byline, 主送机关, blocks (headings by level,
paragraphs, tables), 附件说明, 落款 and 附注; then the attachments; then the 版记 lines. Nothing from
``removed`` is printed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

from ..model import Article, Block, DistributionLine, Document, TableCell
from ..normalize.dates import format_gbt

PartKind = Literal[
    "kicker", "title", "subtitle", "byline", "addressee", "heading", "paragraph", "table", "toc_label", "toc_item",
    "attachment_list", "signature", "note", "attachment_label", "attachment_title", "colophon", "break",
]

HEADER_FACTS = ("bulletin", "issue", "issuer", "doc_number", "signer", "copy_number", "secrecy", "urgency", "date")
PAGE_FACTS = ("url", "site", "published", "origin", "author", "editor")
TOC_LABEL = "目录"


@dataclass
class Part:
    """One printed unit: its kind, its text, a heading's level, a table's cells."""

    kind: PartKind
    text: str = ""
    level: int | None = None
    rows: list[list[TableCell]] = field(default_factory=list)
    header_rows: int = 0


def front_facts(doc: Document) -> list[tuple[str, str]]:
    """The short front block: the kind, the 版头 facts, then the page facts (JSON field names)."""
    facts: list[tuple[str, str]] = [] if doc.kind == "unknown" else [("kind", doc.kind)]
    for key in HEADER_FACTS:
        value = getattr(doc.header, key)
        if value:
            facts.append((key, str(value)))
    for key in PAGE_FACTS:
        value = getattr(doc.metadata, key)
        if value:
            facts.append((key, str(value)))
    return facts


_PLAIN_SCALAR = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^#]*$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "~"}


def yaml_scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when YAML reads it back as the same string, else double-quoted
    (a JSON string is a valid YAML double-quoted scalar)."""
    if (
        _PLAIN_SCALAR.match(value)
        and ": " not in value
        and not value.endswith((" ", ":"))
        and value.lower() not in _YAML_WORDS
        and not re.fullmatch(r"[-+.\d_eE:]+", value)  # numbers and sexagesimals would change type
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


def front_block(doc: Document) -> str:
    """The front facts between ``---`` lines (YAML front matter), or "" when there are none."""
    facts = front_facts(doc)
    if not facts:
        return ""
    return "---\n" + "".join(f"{key}: {yaml_scalar(value)}\n" for key, value in facts) + "---\n"


def parts(doc: Document) -> Iterator[Part]:
    """Every printed part of ``doc``, in reading order (the front block aside)."""
    if doc.toc:
        yield Part("toc_label", TOC_LABEL)
        for item in doc.toc:
            yield Part("toc_item", item)
        yield Part("break")
    for i, article in enumerate(doc.articles):
        if i:
            yield Part("break")
        yield from _article(article)
    for article in doc.articles:
        for attachment in article.attachments:
            yield Part("break")
            if attachment.label:
                yield Part("attachment_label", attachment.label)
            if attachment.title:
                yield Part("attachment_title", attachment.title)
            yield from _blocks(attachment.blocks)
    if doc.distribution:
        yield Part("break")
        for line in doc.distribution:
            yield Part("colophon", colophon_text(line))


def _article(article: Article) -> Iterator[Part]:
    if article.kicker:
        yield Part("kicker", article.kicker)
    if article.title:
        yield Part("title", article.title)
    if article.subtitle:
        yield Part("subtitle", article.subtitle)
    if article.byline:
        yield Part("byline", article.byline)
    if article.addressee:
        yield Part("addressee", article.addressee.rstrip("：:") + "：")
    yield from _blocks(article.blocks)
    dates = [s.date_text or (format_gbt(s.date) if s.date else None) for s in article.signatures]
    joint = len(article.signatures) > 1 and len(set(dates)) == 1  # 联合行文: the organs, then the date once
    for i, (signature, date) in enumerate(zip(article.signatures, dates, strict=True)):
        if signature.organ:
            yield Part("signature", signature.organ)
        if date and (not joint or i == len(dates) - 1):
            yield Part("signature", date)
    for note in article.notes:
        yield Part("note", note)


def _blocks(blocks: list[Block]) -> Iterator[Part]:
    for block in blocks:
        if block.type == "table" and block.rows is not None:
            yield Part("table", block.text, rows=block.rows, header_rows=block.header_rows or 0)
        elif block.type == "heading":
            yield Part("heading", block.text, level=block.level)
        elif block.type == "attachment_note":
            yield Part("attachment_list", block.text.strip())
        else:
            yield Part("paragraph", block.text)


def colophon_text(line: DistributionLine) -> str:
    """A 版记/报尾 line as printed: 抄送：…, …印发, 共印N份, 报：…"""
    label, text = line.label.strip(), line.text.strip()
    if label == "印发":
        return f"{text}印发"
    if label == "共印":
        return f"共印{text}"
    return f"{label}：{text}"


def table_grid(rows: list[list[TableCell]]) -> list[list[str]]:
    """A table's rows as a full grid of cell texts: a merged cell's text in its first grid cell, the
    cells it covers empty (a pipe table has no merged cells)."""
    grid: list[list[str]] = []
    covered: dict[tuple[int, int], bool] = {}
    for r, row in enumerate(rows):
        out: list[str] = []
        column = 0
        for cell in row:
            while covered.get((r, column)):
                out.append("")
                column += 1
            out.append(cell.text)
            out.extend("" for _ in range(cell.colspan - 1))
            for dr in range(1, cell.rowspan):
                for dc in range(cell.colspan):
                    covered[(r + dr, column + dc)] = True
            column += cell.colspan
        while covered.get((r, column)):
            out.append("")
            column += 1
        grid.append(out)
    width = max((len(row) for row in grid), default=0)
    return [row + [""] * (width - len(row)) for row in grid]

"""Markdown writer (``--to md``): the document as CommonMark with pipe tables.

The page facts are YAML front matter; the title is ``#`` and its 副题 an emphasised paragraph under
it; headings are ``##`` (level 1, 一、) to ``#####`` (level 4, （1）), an unnumbered subheading
``##``; paragraphs, 主送机关, 附件说明, 落款 and 附注 are paragraphs; a 目录 is a bold 目录 and one
``● item`` paragraph per item; a table is a pipe table (its first header row as the head), and a
table with merged cells, which a pipe table cannot hold, an HTML ``<table>`` block; an attachment is
its label and a ``##`` title; a rule stands before the 版记 lines. Text that Markdown would read as
markup is escaped, so the file reads back (through ``readers/markdown.py``) as the same Document; a
text that nothing marks as Markdown (a title and paragraphs only, no front facts) opens with a front
block holding its kind, so that it is read as Markdown without its file name too. Nothing from
``removed`` is printed.
"""

from __future__ import annotations

import html
import re

from ..model import Document, TableCell
from ..readers.markdown import sniff
from .outline import Part, front_block, parts, table_grid

# a line that would open a block: a heading, quote, list item, rule, fence, table row or HTML
_BLOCK_START = re.compile(r"^(?:#{1,6}(?=\s|$)|>|[-+*](?=\s|$)|\d{1,9}[.)](?=\s|$)|=+\s*$|-+\s*$|`{3,}|~{3,}|\|)")
_INLINE = re.compile(r"([\\`*_\[\]<>])")
_ENTITY = re.compile(r"&(?=#?\w+;)")


def escape(text: str) -> str:
    """``text`` as a Markdown paragraph that prints exactly ``text``."""
    out = []
    for line in text.split("\n"):
        line = _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", line.strip()))
        m = _BLOCK_START.match(line)
        if m:
            at = m.end() - 1 if line[0].isdigit() else 0  # escape the list number's dot, else the first mark
            line = line[:at] + "\\" + line[at:]
        out.append(line)
    return "  \n".join(out)  # a line break inside one part: a hard break


def _cell(text: str) -> str:
    return _ENTITY.sub(r"\\&", _INLINE.sub(r"\\\1", text.strip())).replace("|", "\\|").replace("\n", "<br>")


def pipe_table(rows: list[list[TableCell]], header_rows: int) -> str:
    """A pipe table: the first header row is the head (an empty head when the table has none)."""
    grid = table_grid(rows)
    if not grid:
        return ""
    width = len(grid[0])
    head, body = (grid[0], grid[1:]) if header_rows else ([""] * width, grid)
    lines = ["| " + " | ".join(_cell(c) for c in head) + " |", "|" + " --- |" * width]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in body]
    return "\n".join(lines)


def html_table(rows: list[list[TableCell]], header_rows: int) -> str:
    """A table with merged cells, which a pipe table cannot hold: a raw HTML ``<table>`` block (CommonMark
    passes it through; the Markdown reader reads it back as a table), merged cells once where they start
    with their ``colspan``/``rowspan``, the header rows in ``<thead>``. No blank line inside: a blank line
    would end the HTML block."""

    def row(cells: list[TableCell], tag: str) -> str:
        out = []
        for c in cells:
            spans = "".join(f' {name}="{n}"' for name, n in (("colspan", c.colspan), ("rowspan", c.rowspan)) if n > 1)
            text = "<br>".join(html.escape(line.strip(), quote=False) for line in c.text.strip().split("\n"))
            out.append(f"<{tag}{spans}>{text}</{tag}>")
        return "<tr>" + "".join(out) + "</tr>"

    lines = ["<table>"]
    if header_rows:
        lines += ["<thead>", *(row(r, "th") for r in rows[:header_rows]), "</thead>"]
    lines += ["<tbody>", *(row(r, "td") for r in rows[header_rows:]), "</tbody>", "</table>"]
    return "\n".join(lines)


def _merged(rows: list[list[TableCell]]) -> bool:
    return any(c.colspan > 1 or c.rowspan > 1 for r in rows for c in r)


def _markup(part: Part) -> str:
    if part.kind == "title":
        return "# " + escape(part.text).replace("  \n", " ")
    if part.kind == "heading":
        return "#" * ((part.level or 1) + 1) + " " + escape(part.text).replace("  \n", " ")
    if part.kind == "subtitle":
        return "*" + escape(part.text).replace("  \n", " ") + "*"  # emphasised right under the title: the 副题
    if part.kind == "attachment_title":
        return "## " + escape(part.text).replace("  \n", " ")
    if part.kind == "table":
        if _merged(part.rows):
            return html_table(part.rows, part.header_rows)
        return pipe_table(part.rows, part.header_rows)
    if part.kind == "toc_label":
        return "**" + escape(part.text) + "**"
    if part.kind == "toc_item":
        return "● " + escape(part.text)  # as a 简报 prints its 目录 (and as the 目录 pass reads it back)
    return escape(part.text)


def write(doc: Document) -> str:
    chunks: list[str] = []
    front = front_block(doc)
    if front:
        chunks.append(front.rstrip("\n"))
    colophon = False
    for part in parts(doc):
        if part.kind == "break":
            continue
        if part.kind == "colophon" and not colophon:
            chunks.append("---")
            colophon = True
        text = _markup(part)
        if text.strip():
            chunks.append(text)
    if not chunks:
        return ""
    written = "\n\n".join(chunks) + "\n"
    if not front and (not sniff(written) or "\n<table>\n" in written):
        # Nothing in it tells Markdown from text (one ``#`` title, no front facts), or its HTML tables would
        # make it look like a page: a front block with the kind says what it is, so that the text read back
        # without its file name is read as Markdown again (readers: a front block opens Markdown).
        written = f"---\nkind: {doc.kind}\n---\n\n{written}"
    return written

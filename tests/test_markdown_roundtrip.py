"""The Markdown writer and the Markdown reader agree on the trap pages too (tests/test_text_writers.py does the
seeds, fixtures and real documents; "the same" is tests/test_docx_roundtrip.py's ``structure``).

Two things a Markdown round trip lost, and the rules that keep them:

* a table with merged cells: a pipe table cannot hold them, so the writer prints such a table as an HTML
  ``<table>`` block (spans kept), and the reader reads that block back as a table;
* a text that nothing marks as Markdown — a ``#`` title (with an 引题 line over it) and paragraphs, no front
  facts — was read back, without its file name, as plain text: the writer opens it with a front block
  holding the kind, and a text opening with a front block is Markdown whatever HTML it holds.

The texts are invented for these tests.
"""

from __future__ import annotations

import pytest

import bulletin_format as bf
from bulletin_format.model import Article, Block, Document, TableCell
from bulletin_format.readers.markdown import html_table
from bulletin_format.writers.markdown_writer import html_table as write_html_table

from .test_docx_roundtrip import TRAP_PATHS, same_credits, structure
from .test_text_writers import byline_read_as_text


@pytest.mark.parametrize("path", TRAP_PATHS, ids=lambda p: p.name)
def test_trap_pages_round_trip_through_markdown(path):
    doc = bf.parse(path)
    again = bf.parse(bf.render(doc, "md"))  # a str: no file name says it is Markdown
    assert again.source.format == "markdown"
    byline_read_as_text(doc, again)
    assert structure(again) == structure(doc)
    same_credits(doc, again, "md")


MERGED = [
    [TableCell("单位", rowspan=2, header=True), TableCell("人数", colspan=2, header=True)],
    [TableCell("男", header=True), TableCell("女", header=True)],
    [TableCell("青溪街道"), TableCell("3"), TableCell("2")],
    [TableCell("东岭镇"), TableCell("多行\n备注 <1>", colspan=2)],
]


def spans(rows: list[list[TableCell]]) -> list[list[tuple[str, int, int]]]:
    return [[(c.text, c.colspan, c.rowspan) for c in row] for row in rows]


def test_a_table_with_merged_cells_is_an_html_block_that_reads_back():
    block = write_html_table(MERGED, 2)
    assert "\n\n" not in block and block.startswith("<table>\n<thead>")
    assert '<th rowspan="2">单位</th><th colspan="2">人数</th>' in block
    assert "多行<br>备注 &lt;1&gt;" in block
    read = html_table(block)
    assert read is not None
    rows, header_rows = read
    assert (spans(rows), header_rows) == (spans(MERGED), 2)


def test_other_html_is_no_table():
    assert html_table("<div>一段</div>") is None
    assert html_table("<table><tr><td></td></tr></table>") is None  # nothing in it
    assert html_table("<table><tr><td>甲</td></tr></table>\n<p>又一段</p>") is None


def news(blocks: list[Block], kicker: str | None = None) -> Document:
    article = Article(title="河川县上半年主要经济指标", title_lines=["河川县上半年主要经济指标"], kicker=kicker,
                      blocks=blocks)
    return Document(kind="unknown", articles=[article])


PARAGRAPH = "上半年，全县经济运行总体平稳，主要指标保持增长，发展质量稳步提升，为完成全年目标打下了良好基础。"


def test_a_merged_table_round_trips_through_markdown_read_as_text():
    doc = news([Block("paragraph", PARAGRAPH), Block.table(MERGED, 2)])
    written = bf.render(doc, "md")
    assert written.startswith("---\nkind: unknown\n---\n")  # else its <table> makes it look like a page
    again = bf.parse(written)
    assert again.source.format == "markdown"
    table = next(b for b in again.articles[0].blocks if b.type == "table")
    assert spans(table.rows or []) == spans(MERGED)


def test_a_title_with_an_yinti_over_it_reads_back_as_markdown():
    doc = news([Block("paragraph", PARAGRAPH)], kicker="经济运行观察")
    again = bf.parse(bf.render(doc, "md"))
    assert again.source.format == "markdown"
    art = again.articles[0]
    assert (art.kicker, art.title, [b.text for b in art.blocks]) == ("经济运行观察", doc.title, [PARAGRAPH])


def test_markdown_that_says_what_it_is_gets_no_front_block():
    doc = news([Block("heading", "一、总体情况", 1), Block("paragraph", PARAGRAPH), Block("heading", "二、下一步", 1),
                Block("paragraph", PARAGRAPH)])
    assert bf.render(doc, "md").startswith("# 河川县上半年主要经济指标")


def test_a_page_is_still_a_page():
    table = "<table><tr><td>甲</td><td>乙</td></tr></table>"
    page = f"<html><body><h1>标题</h1>{table}<p>{PARAGRAPH}</p></body></html>"
    assert bf.parse(page).source.format == "html"

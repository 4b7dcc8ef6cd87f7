"""A big page's data tables read as the page is parsed (readers/html_stream.py): the tree lets their rows go,
and the reader makes of the page exactly what it makes of the whole tree — or the page is parsed whole."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import bulletin_format as bf
from bulletin_format import patterns
from bulletin_format.patterns import INFO_TABLE_LABELS, is_prose
from bulletin_format.readers import html as html_reader
from bulletin_format.readers import html_stream, html_tables

UNITS = ["东港区财政局", "西岭镇人民政府", "南湖街道办事处", "北山乡卫生院"]
STATES = ["已完成", "推进中", "未开工"]


def _rows(n: int, start: int = 0) -> str:
    return "".join(
        f"<tr><td>{i + 1}</td><td>{UNITS[i % 4]}</td><td>第{i}号项目</td><td>{i * 7 % 1000}.5</td>"
        f"<td>{STATES[i % 3]}</td></tr>\n" for i in range(start, start + n)
    )


def _page(table: str, before: str = "", head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>项目资金安排表_某某局</title>{head}</head><body>"
            "<div class='nav'><a href='/'>首页</a> <a href='/x/'>通知公告</a></div><div class='main'>"
            f"<h1>项目资金安排表</h1><p>根据有关规定，现将项目资金安排情况公布如下，请各单位认真核对。</p>{before}"
            f"{table}<p>联系电话：0000-1234567</p></div></body></html>")


def _table(body: str, open_tag: str = "<table border='1'>") -> str:
    return (f"{open_tag}<thead><tr><th>序号</th><th>单位</th><th>项目</th><th>金额</th><th>进度</th></tr></thead>"
            f"<tbody>{body}</tbody></table>")


def _read_both(page: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any]:
    """The page read whole and read streamed (every size streamed, rows let go after the 20th)."""
    whole = html_reader.read(page)
    monkeypatch.setattr(html_reader, "STREAM_MIN_CHARS", 0)
    monkeypatch.setattr(html_stream, "PRUNE_AFTER_ROWS", 20)
    monkeypatch.setattr(html_stream, "FEED_CHARS", 1000)  # events come many rows after the rows were parsed
    streamed = html_reader.read(page)
    return whole, streamed


def _facts(state: Any) -> Any:
    lines = [(ln.number, ln.text, ln.hints, ln.removed, ln.owner, ln.table, ln.header_rows) for ln in state.lines]
    return lines, state.extra_removed, state.extraction, state.warnings, state.metadata, state.title_hint


def _streamed_tables(page: str, monkeypatch: pytest.MonkeyPatch) -> dict[Any, html_stream.ReadTable] | None:
    monkeypatch.setattr(html_stream, "PRUNE_AFTER_ROWS", 20)
    monkeypatch.setattr(html_stream, "FEED_CHARS", 1000)
    got = html_stream.parse(page, {"encoding": "utf-8", **html_reader._PARSER_OPTIONS}, html_reader._READING)
    return None if got is None else got[1]


def test_a_big_data_table_is_read_as_parsed_and_its_rows_let_go(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(_table(_rows(300)))
    tables = _streamed_tables(page, monkeypatch)
    assert tables is not None and len(tables) == 1
    (table, read), = tables.items()
    assert table.tag == "table" and not table.findall(".//tr")  # the rows are out of the tree
    assert len(read.rows) == 301 and read.header_rows == 1 and read.rows[-1][2].text == "第299号项目"
    whole, streamed = _read_both(page, monkeypatch)
    assert _facts(streamed) == _facts(whole)
    assert [len(ln.table) for ln in streamed.lines if ln.table] == [301]


def test_the_same_json_whether_the_page_is_streamed_or_parsed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(_table(_rows(300)), before=_table(_rows(30)))  # a small table too: never pruned
    want = bf.convert(page.encode(), to="json")
    monkeypatch.setattr(html_reader, "STREAM_MIN_CHARS", 0)
    monkeypatch.setattr(html_stream, "PRUNE_AFTER_ROWS", 20)
    assert bf.convert(page.encode(), to="json") == want


@pytest.mark.parametrize(
    ("name", "page"),
    [
        # what shows only at the table's end that it is no data table: the page is parsed whole
        ("links", _page(_table(_rows(30) + "".join(
            f"<tr><td><a href='/{i}'>{'某某单位关于开展专项工作的通知' * 3}</a></td><td>x</td></tr>"
            for i in range(200))))),
        ("labels", _page(_table(_rows(30) + "<tr><td>索引号：</td><td>发文机关：</td><td>成文日期：</td></tr>"))),
        ("prose", _page(_table(_rows(30) + "<tr><td>说明</td><td>" + "根据有关规定，现将情况通报如下，请认真落实。" * 30
                               + "</td></tr>"))),
        ("nested", _page(_table(_rows(30) + "<tr><td>附</td><td><table><tr><td>a</td><td>b</td></tr>"
                                "<tr><td>c</td><td>d</td></tr></table></td></tr>"))),
        ("head", _page(_table(_rows(30) + "<tr><td><meta name='pubdate' content='2024-05-01'>x</td><td>y</td></tr>"))),
        ("empty", _page(_table("<tr><td></td><td></td></tr>" * 40))),
    ],
)
def test_a_pruned_table_found_not_data_at_its_end_gives_the_whole_parse(
    name: str, page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _streamed_tables(page, monkeypatch) is None, name
    whole, streamed = _read_both(page, monkeypatch)
    assert _facts(streamed) == _facts(whole), name


@pytest.mark.parametrize(
    "page",
    [
        _page(_table(_rows(60), "<table style='display:none'>")),  # hidden: its rows are hidden lines
        _page(f"<div hidden>{_table(_rows(60))}</div>"),  # hidden by an ancestor
        _page(f"<span style='visibility:hidden'>{_table(_rows(60))}</span>"),  # an inline ancestor set aside
        _page(f"<noscript>{_table(_rows(60))}</noscript>"),  # skipped with its ancestor
    ],
)
def test_a_table_the_collector_does_not_read_as_a_table_is_left_in_the_tree(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    tables = _streamed_tables(page, monkeypatch)
    assert tables == {}
    whole, streamed = _read_both(page, monkeypatch)
    assert _facts(streamed) == _facts(whole)


def test_a_page_over_the_element_limit_is_parsed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(_table(_rows(300)))
    monkeypatch.setattr(html_reader, "_READING", html_stream.Reading(
        html_reader.SKIP_TAGS, html_reader._hidden, html_reader._link_chars, 1000))
    assert _streamed_tables(page, monkeypatch) is None


def test_a_page_with_a_lone_surrogate_is_parsed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _page(_table(_rows(300) + "<tr><td>\ud800</td><td>x</td></tr>"))
    assert _streamed_tables(page, monkeypatch) is None
    whole, streamed = _read_both(page, monkeypatch)
    assert _facts(streamed) == _facts(whole)


def test_a_long_text_has_its_cjk_characters_counted_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "CJK_COUNT_SLICE", 7)
    text = "ab中文字符cd" * 5 + "连续的中文字符跨过切片的边界" * 3 + "x"
    assert patterns.cjk_count(text) == len(re.findall(r"[\u4e00-\u9fff]", text)) == 4 * 5 + 14 * 3


# --- the verdict gathered a row at a time (html_tables.TableFacts) is the one read from all the rows at once ---

_CELL_TEXTS = st.sampled_from([
    "", "已完成", "索引号：", "发文机关", "成文日期：", "2023-05-01", "<a href='/x'>某某单位关于开展工作的通知</a>",
    "根据有关规定，现将情况通报如下，请各单位认真落实。" * 7, "<p>第一段文字内容。</p><p>第二段文字内容。</p>" * 6,
    "说明" * 160, "<div>甲</div><div>乙</div>" + "数据" * 80,
])


def _verdict_plainly(table: etree._Element, texts: list[list[str]], link_chars: int) -> html_tables.TableVerdict:
    """``classify_table`` as it was written before the facts were gathered a row at a time."""
    verdict = html_tables.TableVerdict
    if html_tables.holds_table(table):
        return verdict(False, "layout_nested")
    if not html_tables._grid(len(row) - row.count("") for row in texts):
        return verdict(False, "layout_shape")
    flat = [t for row in texts for t in row]
    total = sum(len(t) for t in flat)
    labels = sum(1 for t in flat if t.rstrip("：: \u3000").replace(" ", "").replace("\u3000", "") in INFO_TABLE_LABELS)
    if labels >= html_tables.INFO_LABELS_MIN:
        return verdict(False, "info_table")
    if total and link_chars / total > html_tables.MAX_LINK_SHARE:
        return verdict(False, "layout_links")
    longest = max(flat, key=len, default="")
    if len(longest) >= html_tables.LONG_CELL_CHARS and is_prose(longest):
        return verdict(False, "layout_prose")
    if total >= html_tables.LONG_CELL_CHARS and len(longest) / total >= html_tables.DOMINANT_CELL_SHARE \
            and is_prose(longest):
        return verdict(False, "layout_prose")
    for row, row_texts in zip(html_tables._own_rows(table), texts, strict=False):
        for c, text in zip(html_tables._cells(row), row_texts, strict=False):
            if len(text) >= html_tables.LONG_CELL_CHARS // 2 and html_tables._block_children(c) >= 2:
                return verdict(False, "layout_prose")
    return verdict(True, "data")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_CELL_TEXTS, max_size=4), min_size=1, max_size=6), st.sampled_from([0, 10, 400]))
def test_the_verdict_gathered_a_row_at_a_time_is_the_plain_one(rows: list[list[str]], link_chars: int) -> None:
    page = "<table>" + "".join("<tr>" + "".join(f"<td>{t}</td>" for t in row) + "</tr>" for row in rows) + "</table>"
    root, _ = html_reader._parse(page)
    table = root.find(".//table")
    assert table is not None
    texts = html_tables.table_texts(table, html_reader.SKIP_TAGS, html_reader._hidden)
    assert html_tables.classify_table(table, texts, link_chars) == _verdict_plainly(table, texts, link_chars)


def test_a_page_too_deep_for_the_parser_is_parsed_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """libxml2 stops at a depth of 2047 slicing or not, but only the whole parse says so (and the reader then
    drops the page's inline tags to read it): the tree read a slice at a time is checked for its depth."""
    deep = "<div><font>" * 1100 + "深处的文字" + "</font></div>" * 1100
    page = _page(_table(_rows(300)), before=deep)
    assert _streamed_tables(page, monkeypatch) is None
    shallow = _page(_table(_rows(300)), before="<div><font>" * 900 + "文字" + "</font></div>" * 900)
    assert _streamed_tables(shallow, monkeypatch)
    for p, too_deep in ((page, True), (shallow, False)):
        whole, streamed = _read_both(p, monkeypatch)
        assert _facts(streamed) == _facts(whole)
        assert any("nests its elements too deeply" in w for w in streamed.warnings) is too_deep

"""The shortcuts the hot paths take give the answers of the plain computation they replace.

Each shortcut (a pattern tried only where a hint says it can match, a rule skipped when its characters
are missing, a classifier not asked about a line longer than it takes, a sample decoded once) is checked
against the straightforward computation on generated text made of the characters that matter to it.
"""

from __future__ import annotations

import codecs
import operator
from itertools import compress
from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bulletin_format.clean import chrome
from bulletin_format.lines import Line
from bulletin_format.normalize import RULES, dates, normalize_text
from bulletin_format.normalize.rules import _NOTHING_TO_DO, Profile
from bulletin_format.readers import encoding, html_content, html_tables
from bulletin_format.readers import html as html_reader


def _text_of(*pieces: str, max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_DATE_TEXT = _text_of(
    "2020", "20", "05", "202", "12020", "1", "12", "123", "31", "年", "月", "日", "号", "-", "/", ".", "．",
    ":", "：", "时", "分", " ", "\u3000", "a", "第", "٣", "10", "30",
    "2020年1月1日", "2020 年 12 月 31 号", "2019-10-23 09:05:12", "2005/2/19", "2005.02.19", "05年2月19日",
    "05.2.19", "3.5%", "12020-1-1", "2020-13-45", "2020年1月", "٢٠٢٠-١-٢",
)
_CN_DATE_TEXT = _text_of(*"〇○零ＯО一二两三四五六七八九十年月日号 \u3000\ta1")


@settings(max_examples=400, deadline=None)
@given(_DATE_TEXT)
def test_numeric_dates_found_where_the_hints_say_are_finditers(text: str) -> None:
    expected = [(m.span(), m.group(0)) for m in dates._ARABIC_DATE.finditer(text)]
    assert [(m.span(), m.group(0)) for m in dates._arabic_dates(text)] == expected


@settings(max_examples=400, deadline=None)
@given(_CN_DATE_TEXT)
def test_chinese_numeral_dates_found_before_each_nian_are_finditers(text: str) -> None:
    expected = [(m.span(), m.group(0)) for m in dates._CN_DATE.finditer(text)]
    assert [(m.span(), m.group(0)) for m in dates._cn_dates(text)] == expected


def test_find_dates_shortcut_keeps_every_date() -> None:
    for text in ("2020年1月1日", "2020-01-02 10:30", "06/02/2022", "二〇二〇年一月一日", "第3页", "3.5%", "12"):
        found = [d.iso for d in dates.find_dates(text)]
        assert found == [d.iso for d in dates._find_dates.__wrapped__(text)], text


_LABEL_TEXT = _text_of(
    "来源", "作者", "作 者", "时间", "编辑", "阅读", "：", ":", "/", " ", "  ", "某某", "|", "】", "\n", "。",
)


@settings(max_examples=400, deadline=None)
@given(_LABEL_TEXT)
def test_labelled_is_a_search_for_a_labelled_field(text: str) -> None:
    assert chrome.has_labelled_field(text) == (chrome._LABEL_VALUE.search(text) is not None)


_LINE_TEXT = _text_of(
    "版权所有", "Copyright", "©", "来源：", "编辑：", "返回首页", "打印", "关闭", "【", "】", "|", " ", "首页", ">",
    "2020-01-01", "10:30", "二维码", "相关阅读", "...", "…", "标签：", "评论", "阅读 12 次", "记者/某报", "。", "，",
    "某某市人民政府办公厅关于印发通知的", "位置：", max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(_LINE_TEXT)
def test_chrome_bits_ask_every_classifier_that_could_accept(text: str) -> None:
    line = Line(1, text)
    bits = chrome.chrome_bits(line)
    assert bits == sum(bit for test, bit in chrome.CLASSIFIER_BIT.items() if test(line.stripped))
    assert chrome.classify(text) == next((t.__name__ for t in chrome.CLASSIFIERS if t(text)), None)


_CHROME_TEXT = _text_of(
    "分享到", "打印本页", "【打印】", "[关闭]", "相关新闻", "上一篇", "- 某报 2020-1-1", "...", "标签：", "Tags:",
    "comments", "Leave a reply", "RESPONSE", "已有3条评论", "网友评论", "浏览次数：35", "TrackBack", "tra\u212aback",
    "当前位置：首页>新闻", "首页 > 新闻 > 正文", "» 正文", "→", "责编：某",
    "Copyright ©", "ALL RIGHTS RESERVED", "\u0130CP备",
    "主办单位：", "联系我们", "扫一扫", "二维码", "来源：新华社", "责任编辑：某某", "2019年09月11日 某某传媒 时政 1665",
    "石佳/中国青年报", "2020-01-01 10:30", "（2019-05-05 21:14:36）", "某某", "通知", "。", "，", " ", "\u3000", "|",
    "ſ", "K", "ı", "x", "1", max_size=8,
)


@settings(max_examples=600, deadline=None)
@given(_CHROME_TEXT)
def test_a_classifier_accepts_only_texts_holding_one_of_its_characters(text: str) -> None:
    for test, chars in chrome._NEEDS.items():
        if test(text):
            assert any(ch in text for ch in chars), test.__name__
    line = Line(1, text)
    assert chrome.chrome_bits(line) == sum(bit for test, bit in chrome.CLASSIFIER_BIT.items() if test(line.stripped))
    assert chrome.classify(text) == next((t.__name__ for t in chrome.CLASSIFIERS if t(text)), None)


def _normalize_every_rule(text: str, profile: Profile) -> tuple[str, dict[str, int]]:
    """normalize_text without its shortcuts: every rule in every round."""
    counts: dict[str, int] = {}
    for _ in range(4):
        if _NOTHING_TO_DO.search(text) is None and "。。。" not in text:
            break
        changed = False
        for name, rule in RULES:
            text, n = rule(text, profile)
            if n:
                changed = True
                counts[name] = counts.get(name, 0) + n
        if not changed:
            break
    return text, counts


_NORMALIZE_TEXT = _text_of(
    *"中文。，,.;:?!()\"'＂＇―-－．·・⋯… \t\u3000\u00a0\u2003\u200b\u00adＡ１a1“”", "http://x.cn", max_size=20,
)


@settings(max_examples=600, deadline=None)
@given(_NORMALIZE_TEXT, st.sampled_from(["body", "title", "date"]))
def test_normalize_text_skips_only_rules_with_nothing_to_do(text: str, profile: str) -> None:
    counts: dict[str, int] = {}
    prof = cast(Profile, profile)
    assert (normalize_text(text, prof, counts), counts) == _normalize_every_rule(text, prof)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64), st.sampled_from(sorted(encoding._PREFIX_IS_WHOLE)))
def test_a_whole_sample_decodes_as_its_prefix(data: bytes, codec: str) -> None:
    try:
        whole = data.decode(codec)
    except UnicodeDecodeError:
        return
    assert codecs.getincrementaldecoder(codec)("strict").decode(data, final=False) == whole


# ---------------------------------------------------------------------------------------------
# The HTML reader: the collection pass and the main-content chooser.

_SPACED_TEXT = _text_of(" ", "  ", "\n", "\t", "\r", "\f", "\v", "\xa0", "\u3000", "\x1c", "\x85", "\u200b",
                        "某", "通知。", "a", "1", max_size=14)


@settings(max_examples=600, deadline=None)
@given(_SPACED_TEXT)
def test_collapsing_spaces_only_where_a_run_is_is_the_substitution(text: str) -> None:
    assert html_reader.collapse_spaces(text) == html_reader._SPACES.sub(" ", text).strip()
    assert html_tables._collapse(text) == html_tables._WS.sub(" ", text).strip()


_HTML_TEXT = st.sampled_from(["", "", " ", "\n  ", "\u3000", "某某市", "通知。", "2020-01-01 10:30", "abc", " x y "])
_HTML_OPEN = st.sampled_from([
    "<div>", "<p>", "<span>", "<a href='#'>", "<font>", "<b>", "<li>", "<td>", "<h1>", "<h3>", "<center>",
    "<div style='display:none'>", "<span style='visibility: hidden'>", "<p hidden>", "<a hidden>",
    "<button>", "<textarea>", "<select>", "<option>", "<title>", "<Section>", "<nobr>", "<o:p>",
    "<div class='article'>", "<div id='sidebar'>", "<ul class='news-list'>",
])
_HTML_LEAF = st.sampled_from([
    "<br>", "<img src='x.png'>", "<input value='搜索'>", "<hr>", "<script>var a = '<p>x</p>';</script>",
    "<style>p {}</style>", "<iframe></iframe>", "<svg><text>图</text></svg>", "<noscript>无脚本</noscript>",
])


def _html_tree(depth: int) -> st.SearchStrategy[str]:
    if depth == 0:
        return st.lists(st.one_of(_HTML_TEXT, _HTML_LEAF), max_size=4).map("".join)
    inner = _html_tree(depth - 1)
    element = st.tuples(_HTML_OPEN, inner).map(lambda p: f"{p[0]}{p[1]}</{p[0][1:].split('>')[0].split()[0]}>")
    table = st.lists(st.lists(st.one_of(_HTML_TEXT, inner), min_size=1, max_size=3), min_size=1, max_size=3).map(
        lambda rows: "<table>" + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        + "</table>")
    return st.lists(st.one_of(_HTML_TEXT, _HTML_LEAF, element, table, element.map(lambda e: e[: e.rfind("</")])),
                    max_size=5).map("".join)


_HTML_PAGE = _html_tree(4).map(lambda body: f"<html><head><title>标题</title></head><body>{body}</body></html>")


_MAX_NODES = html_reader.MAX_NODES


def _collected(out: html_reader._Collector) -> tuple[object, ...]:
    return (
        [(b.text, b.element, b.link_chars, sorted(b.hints), b.is_table) for b in out.blocks],
        {k: (repr(rows), header) for k, (rows, header) in out.tables.items()},
        [repr(r) for r in out.removed],
    )


@settings(max_examples=400, deadline=None)
@given(_HTML_PAGE, st.sampled_from([3, html_reader.MAX_DEPTH]), st.sampled_from([1, 8, 20, 40, _MAX_NODES]))
def test_collecting_by_children_is_collecting_by_events(page: str, max_depth: int, max_nodes: int) -> None:
    root, _ = html_reader._parse(page)
    body = root.find("body")
    for start in (root, root if body is None else body):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(html_reader, "MAX_DEPTH", max_depth)  # the block owning deeper lines, at any depth
            mp.setattr(html_reader, "MAX_NODES", max_nodes)  # a page the element limit cuts: by events
            by_children = html_reader._collect_children(start)
            if max_nodes == _MAX_NODES:
                assert by_children is not None
            assert _collected(html_reader._collect(start)) == _collected(html_reader._collect_events(start))
            if by_children is not None:
                assert _collected(by_children) == _collected(html_reader._collect_events(start))


@settings(max_examples=200, deadline=None)
@given(_HTML_PAGE, st.sampled_from(["", "\udcb9", "é", "\U0001f600", "\x85", "&#x4e00;"]))
def test_a_page_given_as_utf8_parses_as_its_str(page: str, extra: str) -> None:
    page = page.replace("标题", f"标{extra}题")  # a lone surrogate: the str itself is given to the parser
    by_str = etree.fromstring(page, etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=True, recover=True, collect_ids=False))
    assert etree.tostring(html_reader._parse(page)[0]) == etree.tostring(by_str)


def test_every_parsed_tag_kind_is_the_collectors_tests() -> None:
    for tag in (*html_reader._TAG_KINDS, "SPAN", "Table", "X-Custom", "", "o:p"):
        kind, hints = html_reader._tag_kind(tag)
        lower = tag.lower()
        assert bool(kind & html_reader._SKIP) == (not lower or lower in html_reader.SKIP_TAGS)
        if not kind & html_reader._SKIP:
            assert bool(kind & html_reader._LINE) == (lower in html_reader._LINE_TAGS)
            assert bool(kind & html_reader._BLOCK) == (lower in html_reader.BLOCK_TAGS)
            assert bool(kind & html_reader._FORM) == (lower in html_reader.FORM_TAGS)
            assert bool(kind & html_reader._LINK) == (lower == "a")
            assert bool(kind & html_reader._TABLE) == (lower == "table")
            assert hints == html_reader._TAG_HINTS.get(lower)
        assert html_reader._TAG_KINDS.get(tag, (kind, hints)) == (kind, hints)


@settings(max_examples=200, deadline=None)
@given(_HTML_PAGE)
def test_the_tables_holding_tables_and_the_grid_test_are_the_plain_ones(page: str) -> None:
    root, _ = html_reader._parse(page)
    holders = html_tables.tables_holding_tables(root)
    for table in root.iter("table"):
        assert (table in holders) == any(t is not table for t in table.iter("table"))
        assert html_tables._has_grid_rows(table) == html_tables._grid(
            len(html_tables._cells(row)) for row in html_tables._own_rows(table))


def _line_tree_by_walking(owners: dict[etree._Element, list[int]]) -> tuple[list[etree._Element], list[int], list[int]]:
    """The line tree the plain way: the owners and their ancestors in the document's order, each one's
    parent's place and where its subtree ends."""
    keep: set[etree._Element] = set()
    for el in owners:
        keep.update((el, *el.iterancestors()))
    root = next(iter(owners)).getroottree().getroot()
    order = [el for el in root.iter() if el in keep]
    at = {el: k for k, el in enumerate(order)}
    parents = [at[el.getparent()] if el.getparent() is not None else -1 for el in order]
    ends = [k + 1 + sum(1 for d in el.iterdescendants() if d in keep) for k, el in enumerate(order)]
    return order, parents, ends


@settings(max_examples=200, deadline=None)
@given(_HTML_PAGE)
def test_the_line_tree_is_the_documents_order_of_the_lines_elements(page: str) -> None:
    root, _ = html_reader._parse(page)
    blocks = html_reader._collect(root).blocks
    if not blocks:
        return
    page_ = html_content._Page(blocks, [1.0] * len(blocks), [False] * len(blocks))
    tree = page_.tree
    assert (tree.order, tree.parent_at, tree.end) == _line_tree_by_walking(page_.index)
    assert [tree.order[k] for k in tree.line_at] == [b.element for b in blocks]


def _dom_candidate_by_element(page: html_content._Page) -> list[bool] | None:
    """The dom candidate the plain way: each element's sums over the lines inside it, its halving score
    by each line's distance below it, in dictionaries keyed by element (the lines' elements and their
    ancestors, in reversed document order as the chooser meets them)."""
    order, _, _ = _line_tree_by_walking(page.index)
    score: dict[etree._Element, float] = {}
    total: dict[etree._Element, float] = {}
    links: dict[etree._Element, float] = {}
    raw: dict[etree._Element, float] = {}
    thread: dict[etree._Element, float] = {}
    prose: dict[etree._Element, float] = {}
    for el in reversed(order):
        inside = [i for i, b in enumerate(page.blocks) if b.element is el or el in b.element.iterancestors()]
        total[el] = sum(len(page.blocks[i].text) for i in inside)
        links[el] = sum(page.blocks[i].link_chars for i in inside)
        raw[el] = sum(page.raw[i] for i in inside)
        thread[el] = sum(page.raw[i] for i in inside if page.thread[i])
        prose[el] = sum(page.weights[i] for i in inside if not page.thread[i])
        halving = 0.0
        for i in inside:
            up = page.blocks[i].element
            distance = 0
            while up is not el:
                up, distance = up.getparent(), distance + 1
            halving += page.weights[i] * 0.5 ** max(0, distance - 1)
        if halving:
            score[el] = halving
    if not score:
        return None
    containers = [el for el in score
                  if html_content._tag(el) not in html_content.PARAGRAPH_TAGS or len(page.index.get(el, ())) >= 2]
    best, best_score = None, 0.0
    for el in containers or score:
        adjusted = (score[el] * (1 - min(0.9, links[el] / max(1.0, total[el]))) * html_content._class_factor(el)
                    * (1 - (thread[el] / raw[el] if raw[el] else 0.0)))
        if best is None or adjusted > best_score:
            best, best_score = el, adjusted
    assert best is not None
    parent = best.getparent()
    while parent is not None and parent in prose:
        if not (prose[parent] > prose[best] * html_content.CLIMB_GAIN
                and links[parent] / max(1.0, total[parent]) < html_content.CLIMB_MAX_LINK_DENSITY):
            break
        best, parent = parent, parent.getparent()
    return page.inside(best)


# (no dated entry: a thread's lines weigh a fifth, which no float sum gives exactly in every order)
_PROSE_LINE = st.sampled_from(["某某", "各区人民政府，市政府各部门：现将有关事项通知如下。", "首页",
                               "为进一步加强管理工作，根据有关规定，结合本市实际，制定本办法。"])


@settings(max_examples=200, deadline=None)
@given(_HTML_PAGE, st.data())
def test_the_dom_candidate_sums_each_element_once_as_the_plain_sums_give(page: str, data: st.DataObject) -> None:
    root, _ = html_reader._parse(page)
    blocks = html_reader._collect(root).blocks
    if not blocks:
        return
    for b in blocks:  # prose of several weights (whole numbers: the sums are exact in any order)
        b.text = data.draw(_PROSE_LINE)
    entries = [html_content.is_entry(b.text) for b in blocks]
    weights = [html_content.prose_weight(b, e) for b, e in zip(blocks, entries, strict=True)]
    page_ = html_content._Page(blocks, weights, entries)
    assert html_content._dom_candidate(page_) == _dom_candidate_by_element(page_)


def test_the_element_limit_counts_the_subtrees_the_walk_skips() -> None:
    page = (
        "<html><body><p>前言</p><table><tr><th>姓名</th><th>单位</th></tr><tr><td>张三</td><td>某局</td></tr>"
        "<tr><td>李四</td><td>某委</td></tr></table><svg><g><text>图</text></g></svg>"
        "<p>正文<span style='display:none'><b>隐</b><i>藏</i></span>一段</p>"
        "<p>后记</p><div><p>末</p></div></body></html>"
    )
    root, _ = html_reader._parse(page)
    cut = 0
    for max_nodes in range(1, 40):
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(html_reader, "MAX_NODES", max_nodes)
            events = html_reader._collect_events(root)
            cut += any(r.reason == "element_limit" for r in events.removed)
            assert _collected(html_reader._collect(root)) == _collected(events), max_nodes
    assert cut  # the limit fell inside the page for some of them


_TABLE_PAGE = st.lists(
    st.tuples(
        st.sampled_from(["", "<thead>", "<tbody>"]),
        st.lists(st.tuples(st.sampled_from(["td", "th"]), _HTML_TEXT,
                           st.sampled_from(["", " colspan='2'", " rowspan='x'", " colspan='0' rowspan='3'"])),
                 max_size=4),
    ),
    min_size=1, max_size=4,
).map(lambda rows: "<table>" + "".join(
    f"{group}<tr>" + "".join(f"<{tag}{span}>{text}</{tag}>" for tag, text, span in cells) + "</tr>"
    + (f"</{group[1:]}" if group else "") for group, cells in rows) + "</table>")


def _table_rows_plainly(table: etree._Element, texts: list[list[str]]) -> tuple[list[list[object]], int]:
    rows: list[list[object]] = []
    header_rows, in_head = 0, True
    for row, row_texts in zip(html_tables._own_rows(table), texts, strict=False):
        cells = html_tables._cells(row)
        parent = row.getparent()
        head_row = (parent is not None and str(parent.tag).lower() == "thead") or (
            bool(cells) and all(str(c.tag).lower() == "th" for c in cells))
        out = [(text, html_tables._span(c, "colspan"), html_tables._span(c, "rowspan"),
                head_row or str(c.tag).lower() == "th") for c, text in zip(cells, row_texts, strict=False)]
        if not any(text for text, *_ in out):
            continue
        if in_head and head_row:
            header_rows += 1
        else:
            in_head = False
        rows.append(out)
    return rows, header_rows


@settings(max_examples=300, deadline=None)
@given(_TABLE_PAGE)
def test_a_tables_rows_read_from_its_grid_are_the_plain_rows(page: str) -> None:
    root, _ = html_reader._parse(page)
    for table in root.iter("table"):
        grid = html_tables.table_grid(table)
        assert grid == [(row, html_tables._cells(row)) for row in html_tables._own_rows(table)]
        texts = html_tables.table_texts(table, html_reader.SKIP_TAGS, html_reader._hidden, grid)
        assert texts == [[html_tables.cell_text(c, html_reader.SKIP_TAGS, html_reader._hidden)
                          for c in html_tables._cells(row)] for row in html_tables._own_rows(table)]
        rows, header_rows = html_tables.table_rows(table, texts, grid)
        as_tuples = [[(c.text, c.colspan, c.rowspan, c.header) for c in row] for row in rows]
        assert (as_tuples, header_rows) == _table_rows_plainly(table, texts)
        verdict = html_tables.classify_table(table, texts, 0, None, grid)
        assert verdict == html_tables.classify_table(table, texts, 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0.0, 0.2, 1.0, 9.6, 33.0, 120.4]), st.booleans(), st.booleans())))
def test_the_candidates_overlap_is_the_plain_loops(rows: list[tuple[float, bool, bool]]) -> None:
    weights, a, b = [w for w, _, _ in rows], [x for _, x, _ in rows], [y for _, _, y in rows]
    page = html_content._Page.__new__(html_content._Page)
    page.weights = weights
    both = either = outside = 0.0
    for w, x, y in rows:
        both += w if x and y else 0.0
        either += w if x or y else 0.0
        outside += w if y and not x else 0.0
    assert html_content._overlap(page, a, b) == (both / either if either else 0.0)
    assert sum(compress(weights, map(operator.gt, b, a))) == outside

"""A web page saved as Markdown (html2text, markdownify, a reader mode, a crawler's export) is read as the
page it is — its menu, breadcrumb, byline, related list and footer removed with their reasons, its ``# ``
headline the title, its page facts read —, while a Markdown draft someone wrote stays a draft."""

from __future__ import annotations

import json

import pytest

import bulletin_format as bf
from bulletin_format import clean
from bulletin_format.readers import markdown, read

from .conftest import FIXTURES

PAGES = FIXTURES / "markdown"
NEWS = PAGES / "page_news.md"
NOTICE = PAGES / "page_notice.txt"
DRAFT = PAGES / "draft_references.md"


@pytest.fixture(scope="module")
def news():
    return json.loads(bf.convert(NEWS, to="json"))


@pytest.fixture(scope="module")
def notice():
    return json.loads(bf.convert(NOTICE, to="json"))


def _reasons(data: dict) -> dict[str, str]:
    return {r["text"]: r["reason"] for r in data["removed"]}


def _body(data: dict) -> list[str]:
    return [b["text"] for a in data["articles"] for b in a["blocks"] if b.get("text")]


def test_a_page_dump_records_its_evidence(news):
    extraction = news["source"]["extraction"]
    assert news["source"]["format"] == "markdown"
    assert extraction["method"] == "markdown_page"
    assert [c["method"] for c in extraction["candidates"]] == ["logo", "menu", "breadcrumb", "byline", "footer"]
    assert extraction["confidence"] == 1.0
    assert {c["method"]: c["lines"] for c in extraction["candidates"]}["menu"] == 5


def test_a_page_dumps_headline_is_the_title_under_its_chrome(news):
    article = news["articles"][0]
    assert article["title"] == "东岭区建成首批社区议事厅"
    assert article["subtitle"] == "二十个社区实现议事协商全覆盖"  # the ## under the # headline
    assert article["kicker"] == "聚焦基层治理"  # the line over it: its 引题, no part of the title
    assert len(news["articles"]) == 1


def test_a_page_dumps_chrome_is_removed_with_its_reasons(news):
    reasons = _reasons(news)
    assert reasons["区情概况"] == reasons["互动交流"] == "site_menu"
    assert reasons["您的位置：首页 > 政务公开 > 部门动态"] == "breadcrumb"
    assert reasons["发布日期：2025-09-16 10:05  来源：东岭区民政局  点击量：1342"] == "byline"
    assert reasons["责任编辑：周明远"] == "source_credit"
    assert reasons["【打印本页】【关闭窗口】"] == "share_print_bar"
    assert reasons["相关阅读"] == reasons["东岭区老年食堂再添三家"] == "related_list"
    assert reasons["网站标识码：9900000001　东ICP备00000001号"] == "copyright_footer"
    assert reasons["临江市东岭区人民政府"] == "image"  # the logo's alt text
    assert _body(news) == [
        "9月15日，东岭区召开社区议事厅建设现场推进会，首批二十个社区议事厅全部投入使用。",
        "据介绍，议事厅由区民政局牵头建设，每月固定开放两次，居民可就停车、加装电梯、垃圾分类等事项提出议题，"
        "由社区党组织召集各方协商解决。",
        "下一步，东岭区将总结试点经验，年底前推广到全区所有社区。",
    ]


def test_a_page_dumps_facts_are_read(news):
    assert news["metadata"]["published"] == "2025-09-16T10:05"
    assert news["metadata"]["origin"] == "东岭区民政局"
    assert news["metadata"]["editor"] == "周明远"
    assert news["header"]["date"] == "2025-09-16"


def test_a_labels_unclosed_emphasis_is_not_printed(news):
    """``**来源：**东岭区`` is no emphasis to CommonMark (the closing run follows a colon and precedes a
    letter): its stars are not printed, in any output."""
    assert "**" not in json.dumps(news, ensure_ascii=False)
    assert "**" not in bf.convert(NEWS, to="txt")
    assert "**" not in bf.convert(NEWS, to="md")


def test_stars_that_are_not_a_labels_are_kept():
    """Only a label's stars go: a masked phone number (138****0000) is the page's text."""
    assert markdown._unstarred("**来源：**东岭区") == "来源：东岭区"
    assert markdown._unstarred("**发布时间：** 2025-01-02") == "发布时间： 2025-01-02"
    assert markdown._unstarred("联系电话：138****0000") == "联系电话：138****0000"
    assert markdown._unstarred("张** 同志") == "张** 同志"


def test_link_lines_carry_the_link_hint_as_in_html():
    state = read(NEWS)
    hints = {ln.text: ln.hints for ln in state.lines}
    assert "link" in hints["区情概况"] and "link" in hints["东岭区举办社区工作者培训班"]
    assert "link" not in hints["下一步，东岭区将总结试点经验，年底前推广到全区所有社区。"]
    prose = next(t for t in hints if t.startswith("据介绍"))
    assert "link" not in hints[prose] and "/zwgk/mzj/" not in prose  # link text kept, its address not
    assert state.title_hint == "东岭区建成首批社区议事厅"


def test_a_text_file_holding_a_page_dump_reads_as_one(notice):
    assert notice["source"]["format"] == "markdown"
    assert notice["source"]["extraction"]["method"] == "markdown_page"
    # a headline the page broke over two # headings is one title
    assert notice["articles"][0]["title"] == "青溪县农业农村局关于做好2025年春季农作物病虫害防控工作的通知"
    assert notice["metadata"]["published"] == "2025-03-03"
    assert notice["header"]["date"] == "2025-03-02"
    reasons = _reasons(notice)
    assert reasons["网站首页"] == "site_menu"
    assert reasons["发布时间：2025-03-03  浏览次数：867"] == "byline"
    assert not any("索 引 号" in t for t in _body(notice))


def test_a_pipe_table_printed_a_row_a_paragraph_is_one_table():
    """A dump that sets every block apart with a blank line leaves CommonMark a head-only table and its rows
    as paragraphs: on a page they are one table (the empty head row left out)."""
    state = read(NOTICE)
    table = next(ln for ln in state.lines if ln.table is not None)
    assert [[c.text for c in row] for row in table.table or []] == [
        ["索 引 号：", "000000000/2025-00017"], ["发文机关：", "青溪县农业农村局"], ["成文日期：", "2025年03月02日"],
    ]
    assert table.header_rows == 0
    assert not any(ln.text.startswith("|") for ln in state.lines)


def test_a_draft_with_a_source_a_copyright_and_a_link_list_stays_a_draft():
    """A byline and a footer line are a draft's too, and so is a list of links under its heading: with no
    page chrome over the headline the text is read as written, no rule removes anything."""
    data = json.loads(bf.convert(DRAFT, to="json"))
    assert data["source"]["extraction"] is None
    assert data["removed"] == []
    body = _body(data)
    assert "版权所有：东岭区民政局调研组" in body
    assert "议事厅建设案例" in body
    assert data["articles"][0]["title"] == "关于建立社区议事协商制度的调研报告"


@pytest.mark.parametrize(
    "head",
    [
        "* [首页](/)\n* [新闻](/news/)\n* [公开](/gk/)\n* [服务](/fw/)\n",  # a menu alone
        "[![某某网](/logo.png)](/)\n",  # a logo alone
        "当前位置：[首页](/) > [新闻](/news/) > 正文\n",  # a breadcrumb alone
        "1. [一、背景](#一背景)\n2. [二、做法](#二做法)\n3. [三、建议](#三建议)\n",  # a table of contents
    ],
)
def test_one_kind_of_chrome_alone_leaves_a_draft(head):
    text = f"{head}\n# 关于社区议事的几点思考\n\n近年来，社区议事协商的**做法**越来越多，值得**总结**。\n"
    doc = bf.parse(text)
    assert doc.source.format == "markdown"
    assert doc.source.extraction is None
    assert {r.reason for r in doc.removed} <= {"image"}  # a draft's: no rule ran


def test_two_kinds_over_the_headline_make_a_page():
    text = (
        "* [首页](/)\n* [新闻](/news/)\n* [公开](/gk/)\n\n当前位置：[首页](/) > [新闻](/news/) > 正文\n\n"
        "# 东岭区召开社区议事工作会议\n\n近年来，社区议事协商的做法越来越多，值得总结。\n"
    )
    doc = bf.parse(text)
    assert doc.source.extraction is not None
    assert [c.method for c in doc.source.extraction.candidates] == ["menu", "breadcrumb"]
    assert doc.source.extraction.confidence == 0.4
    assert [r.reason for r in doc.removed] == ["site_menu"] * 3 + ["breadcrumb"]
    assert doc.articles[0].title == "东岭区召开社区议事工作会议"


def test_the_cleaning_rules_run_on_a_markdown_input_only_with_page_evidence():
    state = read(DRAFT)
    assert state.source.extraction is None
    clean.run(state)
    assert all(ln.removed is None for ln in state.lines)
    page = read(NEWS)
    clean.run(page)
    assert any(ln.removed == "breadcrumb" for ln in page.lines)


def test_a_menu_saved_on_one_line_is_a_menu() -> None:
    """A reader mode that keeps the site's menu as one paragraph of links ([首页](…) [政务公开](…) …), a plain
    byline and a footer: a page dump — the menu, byline, related list and footer are
    removed, the page facts read."""
    text = ("[东岭市人民政府门户网站](https://example.gov/0) [首页](https://example.gov/1) "
            "[政务公开](https://example.gov/2) [政务服务](https://example.gov/3) [互动交流](https://example.gov/4)\n\n"
            "# 东岭市举行项目集中签约仪式\n\n发布时间：2024-08-10 16:22 来源：东岭日报\n\n"
            "活动现场，十二个项目集中签约，总投资八十六亿元，涉及先进制造和现代服务业。\n\n"
            "下一步，东岭市将做好项目跟踪服务，推动签约项目早落地、早投产。\n\n责任编辑：孙雨\n\n"
            "相关阅读\n\n- [南湾镇开展春季植树活动](https://example.gov/r0)\n- [北岭乡召开安全生产例会](https://example.gov/r1)\n\n"
            "主办单位：东岭市人民政府办公室\n网站标识码：1234500005\n")
    data = json.loads(bf.convert(text=text, to="json"))
    assert data["source"]["extraction"]["method"] == "markdown_page"
    assert data["articles"][0]["title"] == "东岭市举行项目集中签约仪式"
    assert [t[:4] for t in _body(data)] == ["活动现场", "下一步，"]
    assert (data["metadata"]["published"], data["metadata"]["origin"], data["metadata"]["editor"]) == (
        "2024-08-10T16:22", "东岭日报", "孙雨")

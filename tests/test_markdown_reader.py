"""The Markdown reader: an assistant's draft becomes a GB/T 9704 document; plain text never reads as Markdown."""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.readers import markdown, read

from .conftest import FIXTURES, SEEDS

DRAFT = """# 临江市人民政府关于开展2024年度安全生产大检查的通知

各区县人民政府，市政府各部门：

为深入贯彻落实安全生产工作部署，切实防范化解重大安全风险，根据省有关要求，结合我市
实际，现就有关事项通知如下。

## 一、检查范围

本次检查覆盖全市所有生产经营单位，重点是**危险化学品**、建筑施工和人员密集场所。

## 二、工作要求

### （一）加强组织领导

各单位要高度重视，主要负责同志亲自部署，确保检查工作[有序开展](https://example.invalid/plan)。

### （二）严格整改落实

1. 建立问题清单。对检查发现的问题逐项登记，明确责任单位和整改时限。
2. 限期整改到位。整改完成后及时报送整改报告，逾期未完成的予以通报。

| 区县 | 责任单位 | 完成时限 |
|---|---|---|
| 东川区 | 区应急管理局 | 6月30日前 |
| 西岭县 | 县应急管理局 | 7月15日前 |

附件：2024年度安全生产大检查工作安排表

临江市人民政府
2024年6月1日

（此件公开发布）

抄送：市委办公室，市人大常委会办公室。

临江市人民政府办公室 2024年6月1日印发
"""


@pytest.fixture(scope="module")
def draft_doc():
    return bf.parse(DRAFT)


def test_an_assistants_draft_reads_as_a_gongwen(draft_doc):
    doc = draft_doc
    art = doc.articles[0]
    assert doc.source.format == "markdown" and doc.kind == "document"
    assert art.title == "临江市人民政府关于开展2024年度安全生产大检查的通知"
    assert art.addressee == "各区县人民政府，市政府各部门"
    assert [(b.level, b.text) for b in art.blocks if b.type == "heading"] == [
        (1, "一、检查范围"), (1, "二、工作要求"), (2, "（一）加强组织领导"), (2, "（二）严格整改落实")]
    assert art.attachment_list == ["2024年度安全生产大检查工作安排表"]
    assert [(s.organ, s.date) for s in art.signatures] == [("临江市人民政府", "2024-06-01")]
    assert art.notes == ["（此件公开发布）"]
    assert [d.label for d in doc.distribution] == ["抄送", "印发"]


def test_markup_is_gone_and_a_wrapped_sentence_is_one_paragraph(draft_doc):
    blocks = draft_doc.articles[0].blocks
    assert blocks[0].text == ("为深入贯彻落实安全生产工作部署，切实防范化解重大安全风险，根据省有关要求，"
                              "结合我市实际，现就有关事项通知如下。")
    text = "".join(b.text for b in blocks)
    assert "**" not in text and "](" not in text and "有序开展" in text and "example.invalid" not in text


def test_ordered_items_keep_their_numbers_and_tables_are_tables(draft_doc):
    blocks = draft_doc.articles[0].blocks
    items = [b for b in blocks if b.text.startswith(("1.", "2."))]
    assert [(b.level, b.text[:9]) for b in items] == [(3, "1.建立问题清单。"), (3, "2.限期整改到位。")]
    table = next(b for b in blocks if b.type == "table")
    assert table.header_rows == 1 and [c.text for c in table.rows[0]] == ["区县", "责任单位", "完成时限"]
    assert all(c.header for c in table.rows[0]) and len(table.rows) == 3


def test_the_draft_becomes_a_conforming_docx(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text(DRAFT, encoding="utf-8")
    bf.convert(path, to="docx", output=tmp_path / "draft.docx")
    assert bf.check_docx(tmp_path / "draft.docx").ok


def test_unnumbered_headings_are_not_given_numbers():
    doc = bf.parse("# 会议纪要\n\n## 背景\n\n会议听取了有关情况汇报，研究部署了下一阶段工作，形成如下意见。\n\n"
                   "## 议定事项\n\n会议同意上述方案，请各单位抓好落实，按期报送进展情况。\n")
    blocks = doc.articles[0].blocks
    assert [(b.type, b.level, b.text) for b in blocks if b.type == "heading"] == [
        ("heading", None, "背景"), ("heading", None, "议定事项")]
    lines = read(b"# \xe4\xbc\x9a\n\n## \xe8\x83\x8c\xe6\x99\xaf\n\n### \xe7\xbb\x86\xe8\x8a\x82\n").lines
    assert [sorted(h for h in ln.hints if h.startswith(("heading", "title"))) for ln in lines] == [
        ["title"], ["heading:1"], ["heading:2"]]


def test_what_markdown_does_not_print_is_recorded():
    text = ("# 标题文字\n\n正文第一段，内容完整，没有遗漏。\n\n![现场照片](photo.jpg)\n\n<div>嵌入的网页片段</div>\n\n"
            "```\nprint('代码')\n```\n")
    doc = bf.parse(text)
    assert [(r.reason, r.text) for r in doc.removed] == [
        ("image", "现场照片"), ("markup", "<div>嵌入的网页片段</div>"), ("code_block", "print('代码')")]


def test_front_matter_gives_the_title_and_the_facts_and_the_rest_is_recorded():
    text = ("---\ntitle: 关于做好节日值班工作的通知\nauthor: 办公室\ndoc_number: \"临办函〔2024〕5号\"\n"
            "tags: 值班\n---\n\n各科室：\n\n请按排班表做好值班工作，确保信息畅通。\n")
    doc = bf.parse(text, normalize=False)
    assert doc.source.format == "markdown" and doc.title == "关于做好节日值班工作的通知"
    assert (doc.metadata.author, doc.header.doc_number) == ("办公室", "临办函〔2024〕5号")
    assert [(r.reason, r.text) for r in doc.removed] == [("front_matter", "tags: 值班")]


# --- sniffing ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [*SEEDS, *sorted(FIXTURES.glob("text/*.txt")), *sorted(FIXTURES.glob("official/*.txt"))],
    ids=lambda p: p.name,
)
def test_plain_text_never_reads_as_markdown(path):
    assert not markdown.sniff(path.read_text(encoding="utf-8"))
    assert bf.parse(path).source.format == "text"


SHARED = Path("/work/shared")


@pytest.mark.skipif(not SHARED.is_dir(), reason="needs /work/shared")
def test_no_shared_page_reads_as_markdown():
    pages = [p for p in SHARED.rglob("*") if p.suffix in (".txt", ".html", ".htm") and p.is_file()]
    assert pages
    taken = [p.name for p in pages if markdown.sniff(p.read_text(encoding="utf-8", errors="replace"))]
    assert taken == []


@pytest.mark.parametrize(
    ("text", "is_markdown"),
    [
        (DRAFT, True),
        ("## 一、总体要求\n\n正文。\n\n## 二、主要任务\n\n正文。\n", True),
        ("| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n", True),
        ("# 标题\n\n- **要点一**：内容\n- 要点二：见[附件](./a.md)\n", True),
        ("# 标题\n\n正文一段。\n", False),  # one heading alone: too little to tell
        ("#两会热点# 代表委员建言献策\n正文。\n", False),  # a hashtag is not a heading
        ("一、总体要求\n1. 加强领导\n- 注意事项\n正文**重点**。\n", False),
        ("-----------------------\n正文分隔线以下\n", False),
    ],
)
def test_sniffing_is_conservative(text, is_markdown):
    assert markdown.sniff(text) is is_markdown


def test_a_md_file_is_markdown_by_its_suffix(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("# 工作提示\n\n请各部门于周五前报送材料。\n", encoding="utf-8")
    doc = bf.parse(path)
    assert doc.source.format == "markdown" and doc.title == "工作提示"
    assert bf.parse(path.read_text(encoding="utf-8")).source.format == "text"  # the same text without the name

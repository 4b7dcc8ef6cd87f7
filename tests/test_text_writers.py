"""The Markdown and plain-text writers: what they print, exactly; nothing from ``removed``; Markdown that
reads back (through the Markdown reader) as the same Document."""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.model import (
    Article,
    Attachment,
    Block,
    DistributionLine,
    Document,
    Header,
    PageMetadata,
    Removed,
    Signature,
    TableCell,
)
from bulletin_format.writers import EXTENSIONS, WRITERS
from bulletin_format.writers.markdown_writer import escape, pipe_table
from bulletin_format.writers.outline import yaml_scalar

from .test_docx_roundtrip import INPUTS, SHARED_DOCS, same_credits, structure
from .word_drafts import tongzhi


def small_document() -> Document:
    table = Block.table(
        [[TableCell("区县", header=True), TableCell("负责人", header=True)],
         [TableCell("东川区"), TableCell("王某某")]],
        header_rows=1,
    )
    return Document(
        kind="document",
        header=Header(issuer="临江市人民政府", doc_number="临政发〔2024〕12号", date="2024-05-06"),
        articles=[Article(
            title="临江市人民政府关于做好汛期安全工作的通知",
            title_lines=["临江市人民政府关于做好", "汛期安全工作的通知"],
            addressee="各区县人民政府",
            blocks=[Block("paragraph", "现将有关事项通知如下。"), Block("heading", "一、提高认识", 1),
                    Block("paragraph", "1. 建立值班制度。"), table,
                    Block("attachment_note", "附件：1.值班安排表"), Block("attachment_note", "2.物资清单")],
            signatures=[Signature("临江市人民政府", "2024-05-06", "2024年5月6日")],
            notes=["（此件公开发布）"],
            attachments=[Attachment("附件1", "值班安排表", [Block("paragraph", "略。")])],
        )],
        distribution=[DistributionLine("抄送", "市委办公室。"),
                      DistributionLine("印发", "临江市人民政府办公室 2024年5月6日")],
        metadata=PageMetadata(url="http://example.invalid/a.html"),
        removed=[Removed("首页 > 通知公告", "breadcrumb", 1)],
    )


def test_plain_text_exactly():
    assert bf.render(small_document(), "txt") == (
        "---\n"
        "kind: document\n"
        "issuer: 临江市人民政府\n"
        "doc_number: 临政发〔2024〕12号\n"
        'date: "2024-05-06"\n'
        "url: http://example.invalid/a.html\n"
        "---\n"
        "\n"
        "临江市人民政府关于做好汛期安全工作的通知\n"
        "\n"
        "各区县人民政府：\n"
        "现将有关事项通知如下。\n"
        "一、提高认识\n"
        "1. 建立值班制度。\n"
        "区县 负责人\n"
        "东川区 王某某\n"
        "附件：1.值班安排表\n"
        "2.物资清单\n"
        "临江市人民政府\n"
        "2024年5月6日\n"
        "（此件公开发布）\n"
        "\n"
        "附件1\n"
        "值班安排表\n"
        "略。\n"
        "\n"
        "抄送：市委办公室。\n"
        "临江市人民政府办公室 2024年5月6日印发\n"
    )


def test_markdown_exactly():
    assert bf.render(small_document(), "md") == (
        "---\n"
        "kind: document\n"
        "issuer: 临江市人民政府\n"
        "doc_number: 临政发〔2024〕12号\n"
        'date: "2024-05-06"\n'
        "url: http://example.invalid/a.html\n"
        "---\n\n"
        "# 临江市人民政府关于做好汛期安全工作的通知\n\n"
        "各区县人民政府：\n\n"
        "现将有关事项通知如下。\n\n"
        "## 一、提高认识\n\n"
        "1\\. 建立值班制度。\n\n"
        "| 区县 | 负责人 |\n| --- | --- |\n| 东川区 | 王某某 |\n\n"
        "附件：1.值班安排表\n\n"
        "2.物资清单\n\n"
        "临江市人民政府\n\n"
        "2024年5月6日\n\n"
        "（此件公开发布）\n\n"
        "附件1\n\n"
        "## 值班安排表\n\n"
        "略。\n\n"
        "---\n\n"
        "抄送：市委办公室。\n\n"
        "临江市人民政府办公室 2024年5月6日印发\n"
    )


@pytest.mark.parametrize("to", ["md", "txt"])
def test_nothing_from_removed_is_printed(to):
    data, _ = tongzhi()
    doc = bf.parse(data)
    out = bf.render(doc, to)
    gone = [r.text for r in doc.removed if r.reason in ("page_footer", "footnote", "comment")]
    assert len(gone) == 3 and not any(text in out for text in gone)


def test_the_front_block_is_yaml_that_reads_back():
    yaml = pytest.importorskip("yaml")
    doc = bf.parse(INPUTS[3])  # a news page: page facts with a URL and a time
    front = bf.render(doc, "md").split("---\n")[1]
    facts = yaml.safe_load(front)
    assert facts["url"] == doc.metadata.url and facts["origin"] == doc.metadata.origin
    assert str(facts["published"]) == doc.metadata.published and facts["date"] == doc.header.date
    for tricky in ("2024-05-06", "true", "a: b", "# x", "- y", "12", "“引号”: 内容", " lead"):
        assert yaml.safe_load(f"k: {yaml_scalar(tricky)}")["k"] == tricky


@pytest.mark.parametrize(
    "text", ["1. 这不是列表", "# 这不是标题", "*星号* 与 _下划线_", "<b>不是标签</b>", "a | b", "反斜杠 \\ 和 `反引号`",
             "- 不是列表项", "> 不是引用", "[方括号](不是链接)", "&copy; 不是实体", "=====", "2) 也不是列表"],
)
def test_escaped_text_prints_as_itself(text):
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(escape(text))
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"]
    assert "".join(c.content for c in tokens[1].children if c.type == "text") == text


def test_a_pipe_table_has_no_merged_cells():
    rows = [[TableCell("项目", colspan=2, header=True), TableCell("备注", rowspan=2, header=True)],
            [TableCell("甲", header=True), TableCell("乙", header=True)],
            [TableCell("1"), TableCell("2|3"), TableCell("多行\n备注")]]
    assert pipe_table(rows, 2) == (
        "| 项目 |  | 备注 |\n| --- | --- | --- |\n| 甲 | 乙 |  |\n| 1 | 2\\|3 | 多行<br>备注 |"
    )
    assert pipe_table(rows[2:], 0).startswith("|  |  |  |\n| --- | --- | --- |\n| 1 |")


def byline_read_as_text(doc: bf.Document, again: bf.Document) -> None:
    """A printed byline the byline pass did not see back is the first paragraph of the text: take it out,
    so that the rest is compared (``same_credits`` then says why the byline is lost)."""
    for before, after in zip(doc.articles, again.articles, strict=False):
        if before.byline and not after.byline and after.blocks and after.blocks[0].text == before.byline:
            after.blocks.pop(0)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_markdown_written_reads_back_as_the_same_document(path):
    doc = bf.parse(path)
    again = bf.parse(bf.render(doc, "md"))
    assert again.source.format == "markdown"
    byline_read_as_text(doc, again)
    assert structure(again) == structure(doc)
    same_credits(doc, again, "md")


@pytest.mark.skipif(not SHARED_DOCS.is_dir(), reason="needs /work/shared/realdocs")
@pytest.mark.parametrize("name", sorted(p.name for p in SHARED_DOCS.glob("*")) if SHARED_DOCS.is_dir() else [])
def test_real_documents_round_trip_through_markdown(name):
    doc = bf.parse(SHARED_DOCS / name)
    again = bf.parse(bf.render(doc, "md"))
    byline_read_as_text(doc, again)
    assert structure(again) == structure(doc)
    same_credits(doc, again, "md")


def test_the_formats_are_registered_for_convert_and_batches(tmp_path: Path):
    assert {"md", "txt"} <= set(WRITERS) and (EXTENSIONS["md"], EXTENSIONS["txt"]) == (".md", ".txt")
    results = list(bf.convert_many([INPUTS[0]], tmp_path, to=("md", "txt"), jobs=1))
    assert [r.error_type for r in results] == [None]
    written = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert written == [f"{INPUTS[0].stem}.md", f"{INPUTS[0].stem}.txt"]
    assert bf.convert(INPUTS[0], to="txt").startswith("---\nkind: bulletin\n")

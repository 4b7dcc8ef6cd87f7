"""The rules that make the DOCX writer and the readers agree (tests/test_docx_roundtrip.py), one by one.

1. ``date_only_in_page_facts``: a 公文 dated by its page facts alone gets that date printed as its 成文日期.
2. The 报头 ends at a byline: a title wrapped over two short lines, with its organ and date under it, is no
   报头 with an 编发单位.
3. ``kicker_at``: the 引题 over a title is found by the same test where a one-article text's title is looked
   for and where every article's is.
4. ``MAX_WRAPPED_ORGAN_LINES``: one organ's name wrapped over up to three lines (落款, 发文机关标志) is one
   organ; organs signing together, one a line, may be more.

The texts are invented for these tests.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

import bulletin_format as bf
from bulletin_format.lines import Line
from bulletin_format.model import Article, Block, Document, Header, PageMetadata, Signature
from bulletin_format.readers.docx_reader import wrapped_mark
from bulletin_format.segment.articles import kicker_at
from bulletin_format.segment.header import parse_header
from bulletin_format.segment.official import MAX_WRAPPED_ORGAN_LINES, joint_organ_lines

from .word_drafts import para, wrong_fonts

PROSE = "为深入推进基层政务公开标准化规范化建设，更好保障人民群众的知情权、参与权和监督权，结合本县实际，制定本办法。"
CLAUSES = [
    "第一条　本办法适用于县人民政府各部门、各乡镇人民政府的政务公开工作。",
    "第二条　各单位应当按照标准目录主动公开下列事项，公开内容、公开时限和公开渠道按本办法执行。",
    "第三条　本办法自2022年3月1日起施行。",
]


def parse(text: str) -> Document:
    return bf.parse(text, normalize=False)


def again(doc: Document) -> Document:
    """``doc`` written as DOCX and read back."""
    return bf.parse(bf.render(doc, "docx"))


def lines(*texts: str, hints: dict[int, frozenset[str]] | None = None) -> list[Line]:
    return [Line(i + 1, t, (hints or {}).get(i, frozenset())) for i, t in enumerate(texts)]


# --- 1. a 公文 dated by its page facts alone ------------------------------------------------------------------


def gongwen(*, signatures: list[Signature] | None = None, lead: str | None = None, kind: str = "document") -> Document:
    """A 办法 as a 政务公开 page gives it: no 发文字号, no 主送机关, its date only in the page facts."""
    blocks = [Block("paragraph", lead)] if lead else []
    blocks += [Block("paragraph", c, 3) for c in CLAUSES]
    article = Article(title="某县基层政务公开实施办法", title_lines=["某县基层政务公开实施办法"], blocks=blocks,
                      signatures=signatures or [])
    return Document(kind=kind, header=Header(date="2022-02-18"), articles=[article],  # type: ignore[arg-type]
                    metadata=PageMetadata(published="2022-02-18"))


def dated_warnings(doc: Document) -> list[str]:
    return [w for w in doc.warnings if "date_only_in_page_facts" in w]


def test_a_gongwen_dated_only_by_its_page_facts_prints_the_date_as_its_chengwen_date():
    doc = gongwen()
    read = again(doc)
    assert dated_warnings(doc) and "2022年2月18日" in dated_warnings(doc)[0]
    assert read.header.date == "2022-02-18"
    assert [(s.organ, s.date) for s in read.articles[0].signatures] == [(None, "2022-02-18")]
    assert [b.text for b in read.articles[0].blocks] == CLAUSES  # the date is no line of the text


def test_an_undated_organ_of_the_luokuan_gets_the_page_facts_date_under_it():
    doc = gongwen(signatures=[Signature("某县人民政府办公室")])
    read = again(doc)
    assert dated_warnings(doc)
    assert [(s.organ, s.date) for s in read.articles[0].signatures] == [("某县人民政府办公室", "2022-02-18")]


@pytest.mark.parametrize("why, doc", [
    ("a dated 落款", gongwen(signatures=[Signature("某县人民政府", "2022-02-18", "2022年2月18日")])),
    ("the date printed in the lead", gongwen(lead="（2022年2月18日某县人民政府第9次常务会议通过）")),
    ("a news page prints its page facts", gongwen(kind="news")),
])
def test_no_date_is_added_where_the_docx_prints_one_already(why, doc):
    bf.render(doc, "docx")
    assert not dated_warnings(doc), why


def test_a_bare_date_ending_a_plain_page_is_still_no_luokuan():
    """The date is read as a 成文日期 because the DOCX sets it so (its 落款 style), not because it ends the text."""
    doc = parse("某县基层政务公开实施办法\n" + "\n".join(CLAUSES) + "\n2022年2月18日\n")
    assert doc.articles[0].signatures == []


# --- 2. the 报头 ends at a byline --------------------------------------------------------------------------------

TITLE = ("临江市发展和改革委员会关于印发", "2021年重点项目建设工作方案的通知")
ADDRESSEE = "各区发展和改革局，市直有关单位："


@pytest.mark.parametrize("byline", ["临江市发展和改革委员会　2021年3月5日", "临江市发展和改革委员会2021年3月5日"])
def test_a_wrapped_title_over_its_organ_and_date_is_no_bulletin_header(byline):
    doc = parse("\n".join([*TITLE, byline, ADDRESSEE, PROSE]) + "\n")
    art = doc.articles[0]
    assert doc.kind == "document" and doc.header.bulletin is None
    assert art.title == "".join(TITLE) and art.byline == byline
    assert (doc.header.issuer, doc.header.date) == ("临江市发展和改革委员会", "2021-03-05")


def test_the_header_stops_at_a_line_the_reader_marked_byline():
    found = lines(*TITLE, "临江市发展和改革委员会2021年3月5日", PROSE, hints={2: frozenset({"byline"})})
    assert parse_header(found) == (Header(), 0, 0)


def test_a_bulletin_header_still_reads_its_issuer_and_date():
    found = lines("工作动态", "第12期", "某市人民政府办公室　　　　2020年3月4日", "某县开展活动", PROSE)
    header, used, headline = parse_header(found)
    assert (header.bulletin, header.issue, header.issuer, header.date, used, headline) == (
        "工作动态", "第12期", "某市人民政府办公室", "2020-03-04", 3, 0)


def test_a_headline_printed_over_the_bulletin_header_is_given_back():
    """A web page prints the article's headline over the 报头 pasted into its text: the headline is not the
    first part of the 报头's name, and the issuer's line says 编印 (compiled by) after the organ."""
    found = lines("某县推进老旧小区改造工作", "工作简报", "第21期", "某县人民政府办公室编印　　　　2022年4月4日", PROSE)
    header, used, headline = parse_header(found)
    assert (header.bulletin, header.issue, header.issuer, header.date, used, headline) == (
        "工作简报", "第21期", "某县人民政府办公室", "2022-04-04", 4, 1)
    doc = parse("\n".join(ln.text for ln in found) + "\n")
    assert doc.articles[0].title == "某县推进老旧小区改造工作" and doc.header.bulletin == "工作简报"


# --- 3. one test of the 引题 ----------------------------------------------------------------------------------

KICKER, HEADLINE, SUBTITLE = "生态文明建设十年纪实", "河川湿地十年增绿两万亩", "——来自城郊湿地的观察"
NEWS = ["立冬过后，河川湿地迎来了候鸟迁徙的高峰，监测人员每天清晨都要记录鸟类的种类和数量。",
        "十年前，这里还是一片鱼塘密布的城郊洼地，养殖尾水直排，水体浑浊发臭。"]


def test_kicker_at_wants_a_marked_line_over_a_title_block():
    kicker = frozenset({"kicker"})
    assert kicker_at(lines(KICKER, HEADLINE, *NEWS, hints={0: kicker, 1: frozenset({"title"})}), 0) == 1
    assert kicker_at(lines(KICKER, *NEWS, hints={0: kicker}), 0) == 0  # nothing titled under it
    assert kicker_at(lines(KICKER, HEADLINE, *NEWS, hints={1: frozenset({"title"})}), 0) == 0  # not marked


def test_a_markdown_kicker_leaves_the_subtitle_under_the_title_out_of_the_text(tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("\n\n".join([KICKER, f"# {HEADLINE}", SUBTITLE, *NEWS]) + "\n", encoding="utf-8")
    doc = bf.parse(draft, normalize=False)
    art = doc.articles[0]
    assert (art.kicker, art.title, art.subtitle) == (KICKER, HEADLINE, SUBTITLE)
    assert [b.text for b in art.blocks] == NEWS  # the 副题 once, not also as the first paragraph
    read = again(doc).articles[0]
    assert (read.kicker, read.title, read.subtitle, [b.text for b in read.blocks]) == (
        KICKER, HEADLINE, SUBTITLE, NEWS)


# --- 4. a wrapped organ name and organs signing together -------------------------------------------------------

JOINT = ["临江县教育局", "临江县公安局", "临江县交通运输局", "临江县应急管理局"]
NOTICE = ["关于做好2020年寒假学生安全工作的通知", "各乡镇中心学校，县直各学校：", PROSE]


def test_joint_organ_lines_takes_every_organ_and_a_wrapped_name_three_lines_at_most():
    assert joint_organ_lines(JOINT) == 4
    wrapped = ["请各单位认真贯彻落实", "临江市经济技术开发区", "管理委员会", "办公室"]
    assert joint_organ_lines(wrapped) == MAX_WRAPPED_ORGAN_LINES == 3
    assert joint_organ_lines(["临江市经济技术开发区", "管理委员会办公室"]) == 2


def test_four_organs_signing_together_one_a_line_all_sign():
    doc = parse("\n".join([*NOTICE, *JOINT, "2020年1月1日"]) + "\n")
    art = doc.articles[0]
    assert [s.organ for s in art.signatures] == JOINT
    assert art.blocks[-1].text == PROSE


def test_four_organs_signing_together_read_back_from_the_docx():
    doc = parse("\n".join([*NOTICE, "临江县教育局　　临江县公安局", "临江县交通运输局　　临江县应急管理局",
                           "2020年1月1日"]) + "\n")
    assert [s.organ for s in doc.articles[0].signatures] == JOINT
    assert [s.organ for s in again(doc).articles[0].signatures] == JOINT  # printed one a line


def test_a_name_wrapped_over_three_lines_is_one_organ():
    doc = parse("\n".join([*NOTICE, "临江市经济技术开发", "区管理委员会党政", "综合办公室", "2020年1月1日"]) + "\n")
    assert [s.organ for s in doc.articles[0].signatures] == ["临江市经济技术开发区管理委员会党政综合办公室"]


WRAPPED_MARK = ("临江市经济技术开发区管理", "委员会办公室文件")


def test_a_mark_wrapped_over_two_lines_is_one_issuer():
    doc = parse("\n".join([*WRAPPED_MARK, "临开办发〔2021〕7号", *NOTICE, "临江市经济技术开发区管理委员会办公室",
                           "2021年3月5日"]) + "\n")
    assert doc.header.issuer == "临江市经济技术开发区管理委员会办公室"
    assert doc.header.doc_number == "临开办发〔2021〕7号"
    assert doc.articles[0].title == NOTICE[0]
    assert [(r.text, r.reason) for r in doc.removed if r.reason == "form_label"] == [("文件", "form_label")]


def test_organs_signing_together_in_the_mark_are_not_joined_into_one():
    doc = parse("\n".join(["中共临江市委员会", "临江市人民政府文件", "临发〔2021〕7号", *NOTICE]) + "\n")
    assert doc.header.issuer != "中共临江市委员会临江市人民政府"


def test_wrapped_mark_joins_a_name_and_leaves_more_lines_apart():
    assert wrapped_mark(["临江市经济技术开发区管理", "委员会办公室"]) == ["临江市经济技术开发区管理委员会办公室"]
    assert wrapped_mark(["一", "二", "三", "四"]) == ["一", "二", "三", "四"]


def word_mark_draft(mark: list[str]) -> bytes:
    """A Word draft whose red 发文机关标志 is typed over ``mark``'s lines."""
    document = docx.Document()
    wrong_fonts(document)
    for line in mark:
        para(document, line, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=36, color="FF0000")
    para(document, "临开办发〔2021〕7号", align=WD_ALIGN_PARAGRAPH.CENTER)
    para(document, NOTICE[0], align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=18)
    para(document, NOTICE[1], indent=False)
    para(document, PROSE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_draft_mark_wrapped_over_two_lines_is_one_issuer_and_round_trips():
    doc = bf.parse(word_mark_draft(["临江市经济技术开发区管理", "委员会办公室文件"]))
    assert doc.header.issuer == "临江市经济技术开发区管理委员会办公室"
    assert again(doc).header.issuer == doc.header.issuer  # one organ's mark, not a 联合行文 one


def test_a_word_draft_joint_mark_stays_joint():
    doc = bf.parse(word_mark_draft(["临江市教育局", "临江市财政局", "文件"]))
    assert doc.header.issuer == "临江市教育局\u3000临江市财政局"

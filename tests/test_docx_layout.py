"""Issue 12's layout fixes read back as XML: title blocks (引题, 副题, byline, speaker lines), salutations, 章
headings, attachments' own 落款, 主题词 and 共印, the source note, 信函格式's first page, landscape page numbers,
tables (inferred header rows, column widths), title breaking. What they look like is measured in
test_docx_defects_render.py."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.oxml.ns import qn

import bulletin_format as bf
from bulletin_format.docx.measure import text_width
from bulletin_format.docx.writer import (
    column_widths,
    first_line_longest,
    inferred_header_rows,
    is_organ_line,
    is_salutation,
    split_title,
    table_grid,
)
from bulletin_format.model import TableCell

from .docx_defects import (
    attachment_with_signature,
    legacy_colophon,
    letter,
    news_with_kicker_and_byline,
    speech_and_law,
    speech_with_speaker_line,
    table_without_marked_header,
    wide_table_alone,
    wide_table_document,
)
from .test_docx import open_bytes, paragraphs, texts

VML = "{urn:schemas-microsoft-com:vml}"


def ppr_value(element, tag: str, attr: str = "val") -> str | None:
    el = element.find(f"{qn('w:pPr')}/{qn('w:' + tag)}")
    return el.get(qn("w:" + attr)) if el is not None else None


def test_speaker_line_is_the_byline_and_the_salutation_is_flush_left():
    data = bf.render(speech_with_speaker_line(), "docx")
    assert texts(data, "bfBylineBlock") == ["市长王明"]  # a block of the Document, set as a byline
    assert texts(data, "bfSalutation") == ["各位代表："]
    assert "市长王明" not in texts(data, "bfBody") + texts(data, "bfSubheading")
    # the 副题 is one paragraph narrowed to its first line as first_line_longest breaks it (at a word boundary, the
    # first line the longer), so that it prints in two balanced lines
    [subtitle] = [p for s, _, p in paragraphs(data) if s == "bfSubtitle"]
    first = first_line_longest("——2021年1月15日在临江市第五届人民代表大会第三次会议上", 28)
    assert first == "——2021年1月15日在临江市第五届"
    indent = int(ppr_value(subtitle, "ind", "left"))
    assert indent == int(ppr_value(subtitle, "ind", "right")) and 8845 - 2 * indent > text_width(first, 16) > 0
    order = [s for s, _, _ in paragraphs(data) if s in ("bfTitle", "bfSubtitle", "bfBylineBlock", "bfSalutation")]
    assert order == ["bfTitle", "bfSubtitle", "bfBylineBlock", "bfSalutation"]


def test_kicker_above_the_title_and_byline_under_it_in_their_own_styles():
    data = bf.render(news_with_kicker_and_byline(), "docx")
    order = [s for s, _, _ in paragraphs(data) if s in ("bfKicker", "bfTitle", "bfByline")]
    assert order == ["bfKicker", "bfTitle", "bfByline"]
    styles = open_bytes(data).styles
    kicker = styles["引题 (bfKicker)"].element
    title = styles["Title"].element
    size = lambda style: int(style.find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val")))  # noqa: E731
    assert size(kicker) < size(title)
    byline = styles["署名行/讲话人 (bfByline)"].element
    assert byline.find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia")) == "楷体_GB2312"
    assert ppr_value(byline, "jc") == "center"


def test_salutations_are_short_lines_ending_with_a_colon():
    assert is_salutation("同志们：") and is_salutation("各位代表：") and is_salutation("女士们、先生们：")
    assert not is_salutation("同志们，今天召开全省会议，主要任务是：")
    assert not is_salutation("各市人民政府：")
    assert is_salutation("尊敬的各位来宾，女士们、先生们：")


def test_chapter_headings_of_laws_are_centred():
    data = bf.render(speech_and_law(), "docx")
    [chapter] = [p for s, t, p in paragraphs(data) if t == "第一章　总则"]
    assert ppr_value(chapter, "jc") == "center" and ppr_value(chapter, "ind", "firstLine") == "0"


def test_an_attachments_own_signature_is_laid_out_as_a_signature():
    data = bf.render(attachment_with_signature(), "docx")
    signatures = texts(data, "bfSignature")
    # the date the source printed as 二〇〇四年十月十日, in the GB/T form
    assert signatures[-2:] == ["临江省文化厅", "2004年10月10日"]
    assert "二〇〇四年十月十日" not in "".join(t for _, t, _ in paragraphs(data))
    assert is_organ_line("临江省文化厅") and not is_organ_line("为深入贯彻落实乡村振兴战略部署，强基层。")


def test_unsealed_date_starts_two_characters_right_of_the_organ_by_construction():
    data = bf.render(letter(), "docx")
    organ, date = [p for s, _, p in paragraphs(data) if s == "bfSignature"]
    assert ppr_value(organ, "ind", "right") == "640"  # 2 字 from the right edge
    # the date left-aligned where the organ starts plus 2 字: type area (8845) - 2 字 - 10 字 + 2 字, a 字 being
    # 16 pt less the grid's 0.25 pt character spacing (315 tw)
    assert ppr_value(date, "jc") == "left" and ppr_value(date, "ind", "left") == str(8845 - 10 * 315)


def test_keywords_above_the_colophon_and_copies_under_it():
    data = bf.render(legacy_colophon(), "docx")
    styles = [s for s, _, _ in paragraphs(data)]
    tail = styles[styles.index("bfKeywords") :]
    assert tail == ["bfKeywords", "bfRule", "bfColophon", "bfRule", "bfColophon", "bfRule", "bfCopies"]
    assert texts(data, "bfKeywords") == ["主题词：文化\u3000图书室\u3000通知"]
    assert texts(data, "bfCopies") == ["共印120份"]
    keywords = next(p for s, _, p in paragraphs(data) if s == "bfKeywords")
    label = keywords.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert label.get(qn("w:eastAsia")) == "黑体"  # GB/T 9704-1999 §7.4.1


def test_source_note_is_flush_left_and_never_split():
    data = bf.render(speech_and_law(), "docx")
    [note] = [p for s, t, p in paragraphs(data) if s == "bfNote" and "原网址" in t]
    assert ppr_value(note, "jc") == "left"
    assert note.find(f"{qn('w:pPr')}/{qn('w:keepLines')}") is not None


def test_letter_first_page_has_its_own_footer_with_the_lower_double_rule_and_no_number():
    data = bf.render(letter(), "docx")
    document = open_bytes(data)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_footer._element
    assert not [t for t in first.iter(qn("w:instrText")) if "PAGE" in (t.text or "")]
    rects = list(first.iter(f"{VML}rect"))
    assert len(rects) == 2 and all(r.get("fillcolor") == "#FF0000" for r in rects)
    assert all("width:481.9pt" in r.get("style") for r in rects)  # 170 mm
    # the upper double rule is 170 mm long too: indented by -7 mm (396 tw) each side of the 156 mm type area
    rules = [p for s, _, p in paragraphs(data) if s == "bfRule"][:2]
    assert all(ppr_value(r, "ind", "left") == ppr_value(r, "ind", "right") == "-396" for r in rules)


def test_landscape_pages_number_in_a_turned_text_box_at_the_left_edge():
    data = bf.render(wide_table_document(), "docx")
    body = open_bytes(data).element.body
    sections = [s for s in body.iter(qn("w:sectPr"))]
    landscape = [s for s in sections if s.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape"]
    assert len(landscape) == 1
    refs = {r.get(qn("w:type")): r.get(qn("r:id")) for r in landscape[0].iter(qn("w:footerReference"))}
    portrait = {r.get(qn("w:type")): r.get(qn("r:id")) for r in sections[-1].iter(qn("w:footerReference"))}
    assert set(refs) == {"default", "even"} and not set(refs.values()) & set(portrait.values())
    archive = zipfile.ZipFile(io.BytesIO(data))
    footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    turned = [f for f in footers if "layout-flow:vertical" in f]
    assert len(turned) == 2 and all("PAGE" in f for f in turned)


def test_a_page_that_is_only_a_wide_table_is_landscape_throughout():
    data = bf.render(wide_table_alone(), "docx")
    document = open_bytes(data)
    assert len(document.sections) == 1
    size = document.sections[0]._sectPr.find(qn("w:pgSz"))
    assert size.get(qn("w:orient")) == "landscape" and int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))


def test_a_first_row_of_labels_is_repeated_when_the_source_marked_no_header():
    data = bf.render(table_without_marked_header(), "docx")
    [table] = open_bytes(data).element.body.iter(qn("w:tbl"))
    rows = table.findall(qn("w:tr"))
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert rows[1].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
    labels = [TableCell("序号"), TableCell("姓名")]
    assert inferred_header_rows([labels, [TableCell("1"), TableCell("王明")], [TableCell("2"), TableCell("李华")]]) == 1
    names = [[TableCell("王明"), TableCell("李华")] for _ in range(3)]
    assert inferred_header_rows(names) == 0  # a list of names: nothing tells a header


def test_column_widths_keep_short_columns_whole_and_share_the_rest():
    rows = [[TableCell("1"), TableCell("王明华"), TableCell("为深入贯彻落实乡村振兴战略部署" * 3)] for _ in range(3)]
    widths = column_widths(table_grid(rows), 8844, 14, 80, 0)
    assert sum(widths) == 8844
    assert widths[1] >= 3 * 280 + 200  # the name on one line
    assert widths[2] > widths[1] > widths[0]


@pytest.mark.parametrize(
    "title, whole",
    [
        (
            "关于进一步加强乡村公共图书室建设管理使用工作若干意见的通知暨做好二〇二一年度乡村公共文化服务体系建设的通知",
            "二〇二一年度",
        ),
        ("关于湖北省巴东县官渡口镇马鬃山村地质险情调研情况的报告", "马鬃山村"),
        ("临江省人民政府办公厅关于西岭县山体裂缝险情有关问题的复函", "西岭县"),
        ("全国人民代表大会常务委员会关于批准第十三届全国人民代表大会第五次会议有关事项的决定", "第十三届"),
    ],
)
def test_titles_keep_numbers_with_their_units_and_place_names_whole(title, whole):
    lines = split_title(title, 20)
    assert len(lines) > 1 and any(whole in line for line in lines), lines

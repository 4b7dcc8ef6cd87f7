"""信函格式 (GB/T 9704-2012 §10.1) in the DOCX, read back as XML: the 发文机关标志 in a text box placed on the page
(its top edge 30 mm from the page's top edge is above the type area), the red double rule under it, the 发文字号
flush right under the rule, 份号/密级/紧急程度 flush left; the profile settings move them; the DOCX reads back as the
same 版头. The distances themselves are measured on rendered pages in tests/test_docx_letter_render.py."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

import bulletin_format as bf
from bulletin_format.docx.check import check_docx
from bulletin_format.docx.profile import load_profile
from bulletin_format.docx.writer import Composer
from bulletin_format.model import DistributionLine, Header

from .docx_defects import letter

VML_RECT = re.compile(r'<v:rect [^>]*style="([^"]*)"')
NUMBER = "临政办函〔2004〕31号"


def document_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()


def body_paragraphs(xml: str) -> list[str]:
    """The body's top-level paragraphs (a text box's paragraph stays inside the one that anchors it)."""
    body = xml[xml.index("<w:body>") + len("<w:body>") :]
    out, depth, start = [], 0, 0
    for m in re.finditer(r"<(/?)w:p[ >/]|<w:p>", body):
        closing = m.group(1) == "/"
        if not closing:
            if depth == 0:
                start = m.start()
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                out.append(body[start : m.end() + 1])
    return out


def box_style(xml: str) -> dict[str, str]:
    match = VML_RECT.search(xml)
    assert match, "no text box"
    return dict(part.split(":", 1) for part in match.group(1).split(";"))


def pt(value: str) -> float:
    assert value.endswith("pt"), value
    return float(value[:-2])


COPIES_TO = "临江省国土资源厅，临江省地质环境监测总站。"


def with_colophon(doc: bf.Document | None = None) -> bf.Document:
    """A Document whose 版记 has a 抄送 line and a 印发 line."""
    doc = doc or letter()
    doc.distribution = [
        DistributionLine("抄送", COPIES_TO),
        DistributionLine("印发", "临江省人民政府办公厅 2004年11月4日"),
    ]
    return doc


def with_marks() -> bf.Document:
    doc = letter()
    doc.header = Header(
        issuer="临江省人民政府办公厅", doc_number=NUMBER, copy_number="000123", secrecy="秘密★1年", urgency="特急"
    )
    return doc


def test_mark_is_a_text_box_placed_on_the_page_above_the_type_area():
    xml = document_xml(bf.render(letter(), "docx"))
    paragraphs = body_paragraphs(xml)
    first = paragraphs[0]
    assert "<w:txbxContent>" in first and 'w:val="bfMark"' in first
    assert "临江省人民政府办公厅</w:t>" in first and "文件" not in first
    style = box_style(first)
    assert style["position"] == "absolute"
    assert style["mso-position-vertical-relative"] == "page" and style["mso-position-horizontal-relative"] == "page"
    # 42 pt (10 characters fill 156 mm at 44 pt: capped): the box's top 0.155 × 42 pt above the ink's 30 mm
    assert pt(style["margin-top"]) == pytest.approx(30 * 72 / 25.4 - 0.155 * 42, abs=0.1)
    assert pt(style["margin-left"]) == pytest.approx(28 * 72 / 25.4, abs=0.1)
    assert pt(style["width"]) == pytest.approx(156 * 72 / 25.4, abs=0.1)
    assert 'w:sz w:val="84"' in first  # 42 pt
    # the anchor is an empty line of the body; the two red rules follow, 170 mm long (7 mm beyond each side)
    thick, thin = paragraphs[1], paragraphs[2]
    for rule in (thick, thin):
        assert 'w:color="FF0000"' in rule and "<w:bottom " in rule
        assert 'w:left="-396"' in rule and 'w:right="-396"' in rule
    assert 'w:sz="24"' in thick and 'w:sz="8"' in thin  # 3 pt over 1 pt
    # the 发文字号 flush right, its line 14 pt (3号汉字高度的7/8) plus the ink's depth in the line
    number = paragraphs[3]
    assert NUMBER in number and '<w:jc w:val="right"/>' in number
    assert 'w:line="687" w:lineRule="exact"' in number  # 14 × 20 + 407
    # the first page's footer: no page number; later pages are numbered
    assert "<w:titlePg/>" in xml


def test_profile_settings_move_the_mark_and_the_rule():
    base = body_paragraphs(document_xml(bf.render(letter(), "docx")))
    moved = body_paragraphs(
        document_xml(bf.render(letter(), "docx", profile={"mark.letter_top_mm": 32, "rule.letter_below_mark_mm": 5}))
    )
    top = pt(box_style(base[0])["margin-top"])
    assert pt(box_style(moved[0])["margin-top"]) - top == pytest.approx(2 * 72 / 25.4, abs=0.1)
    line = re.compile(r'w:line="(\d+)"')
    spacer, moved_spacer = (int(line.search(p[0]).group(1)) for p in (base, moved))  # type: ignore[union-attr]
    assert moved_spacer - spacer == pytest.approx(3 * 1440 / 25.4, abs=2)  # 2 mm lower mark, 1 mm more below it
    looser = body_paragraphs(document_xml(bf.render(letter(), "docx", profile={"rule.letter_above_text_pt": 20})))
    assert 'w:line="807"' in looser[3]  # 20 × 20 + 407
    assert load_profile().source("mark.letter_top_mm").startswith("GB/T 9704-2012 §10.1")


def test_head_marks_under_the_rule_the_first_on_the_number_line():
    paragraphs = body_paragraphs(document_xml(bf.render(with_marks(), "docx")))
    first_line = paragraphs[3]
    assert re.search(r"000123</w:t>.*<w:tab/>.*" + re.escape(NUMBER), first_line)
    assert 'w:val="right" w:pos="8845"' in first_line  # a right tab at the type area's right edge
    assert "秘密★1年" in paragraphs[4] and "特急" in paragraphs[5]
    assert all("000123" not in p for p in paragraphs[:3])  # nothing above the rule but the mark


def test_only_letters_get_the_letter_head():
    doc = letter()
    doc.header = Header(issuer="临江省人民政府", doc_number="临政发〔2004〕31号")
    doc.articles[0].title = "临江省人民政府关于加强乡村公共图书室建设的通知"
    xml = document_xml(bf.render(doc, "docx"))
    assert "<v:rect" not in xml and "<w:titlePg/>" not in xml


def test_letter_reads_back_with_its_head():
    for doc in (letter(), with_marks()):
        back = bf.parse(bf.render(doc, "docx"))
        assert back.header.issuer == doc.header.issuer
        assert back.header.doc_number == NUMBER
        assert (back.header.copy_number, back.header.secrecy, back.header.urgency) == (
            doc.header.copy_number,
            doc.header.secrecy,
            doc.header.urgency,
        )
        assert back.articles[0].title == doc.articles[0].title
        assert back.articles[0].addressee == "西岭县人民政府"


def test_text_with_copy_number_and_doc_number_on_one_line():
    """A 信函 printed as text: the 份号 and the 发文字号 on one line, as §10.1 sets them."""
    text = (
        "临江省人民政府办公厅\n000123　　　　　　临政办函〔2004〕31号\n特急\n"
        "临江省人民政府办公厅关于西岭县山体裂缝险情有关问题的复函\n西岭县人民政府：\n"
        "经省政府同意，现将有关意见转复你县，请按照专家组意见做好监测和搬迁工作。\n"
        "临江省人民政府办公厅\n2004年11月4日\n"
    )
    doc = bf.parse(text)
    assert (doc.header.issuer, doc.header.doc_number) == ("临江省人民政府办公厅", NUMBER)
    assert (doc.header.copy_number, doc.header.urgency) == ("000123", "特急")
    assert doc.articles[0].title == "临江省人民政府办公厅关于西岭县山体裂缝险情有关问题的复函"
    # a line of text that only looks like it is left alone
    plain = bf.parse(text.replace("000123　　　　　　临政办函〔2004〕31号", "000123　第31号文件"))
    assert (plain.header.copy_number, plain.header.doc_number) == (None, None)


def test_letter_colophon_has_no_rules_and_no_printed_by_line():
    """§10.1: 版记不加印发机关和印发日期、分隔线 — the 抄送 line alone, after a filler that puts it at the bottom."""
    paragraphs = body_paragraphs(document_xml(bf.render(with_colophon(), "docx")))
    tail = paragraphs[[i for i, p in enumerate(paragraphs) if 'w:val="bfSignature"' in p][-1] + 1 :]
    assert len(tail) == 2 and 'w:val="bfFiller"' in tail[0], tail
    assert 'w:val="bfColophon"' in tail[1] and f"抄送：{COPIES_TO}</w:t>" in tail[1]
    assert not any("<w:pBdr>" in p or "印发" in p for p in tail)
    # the same 版记 on a 文件 keeps its rules and its 印发 line
    doc = with_colophon()
    doc.header = Header(issuer="临江省人民政府", doc_number="临政发〔2004〕31号")
    doc.articles[0].title = "临江省人民政府关于加强乡村公共图书室建设的通知"
    filed = "".join(body_paragraphs(document_xml(bf.render(doc, "docx")))[-6:])
    assert filed.count("<w:pBdr>") == 3 and "印发</w:t>" in filed and f"抄送：{COPIES_TO}" in filed


def test_letter_with_only_a_printed_by_line_has_no_colophon():
    doc = letter()
    doc.distribution = [DistributionLine("印发", "临江省人民政府办公厅 2004年11月4日")]
    xml = document_xml(bf.render(doc, "docx"))
    assert 'w:val="bfColophon"' not in xml and "印发" not in xml
    assert xml.count('w:val="bfFiller"') == 1  # the mark's anchor: no filler for a 版记


def test_check_passes_the_letter_colophon_and_fails_a_filed_one(monkeypatch):
    """``check`` expects a 信函's 版记 without rules or 印发 line; a 文件's 版记 under a 信函 head fails."""
    report = check_docx(bf.render(with_colophon(), "docx"))
    found = {f.element: f for f in report.findings}
    assert report.ok, report.to_text()
    assert found["版记 rules (信函)"].ok and found["版记 印发 line (信函)"].ok and "版记 rules" not in found

    colophon = Composer.colophon

    def filed_colophon(self: Composer, lines: list[DistributionLine]) -> None:  # the writer before §10.1 was applied
        form, self.form = self.form, "file"
        colophon(self, lines)
        self.form = form

    monkeypatch.setattr(Composer, "colophon", filed_colophon)
    report = check_docx(bf.render(with_colophon(), "docx"))
    failed = {f.element for f in report.problems}
    assert failed == {"版记 rules (信函)", "版记 印发 line (信函)"}, report.to_text()

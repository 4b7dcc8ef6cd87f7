"""Issue 12's defects, rendered: each defect document (tests/docx_defects.py) and every seed is written, rendered
by LibreOffice in one batch, and measured; ``check --render`` passes what the writer makes now and fails the same
defects when they are put back by hand."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.cli import main as cli_main
from bulletin_format.docx.profile import load_profile
from bulletin_format.docx.render import available, rasters, read_pages, to_pdf
from bulletin_format.docx.render_check import Geometry, check_rendered, check_rendered_many, dash_position

from .conftest import SEEDS
from .docx_defects import DEFECTS, colophon_after_a_nearly_full_page, signature_after_a_full_page
from .test_docx_render import full_width_rules, red_and_dark_rows

pytestmark = [pytest.mark.render, pytest.mark.skipif(not available(), reason="needs LibreOffice and poppler-utils")]

PT_PER_MM = 72 / 25.4
RIGHT = (210 - 26) * PT_PER_MM
BOTTOM = (297 - 35) * PT_PER_MM


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    work = tmp_path_factory.mktemp("defects")
    docs = {name: build() for name, build in DEFECTS.items()}
    docs.update({f"seed-{p.name[:3]}": bf.parse(p) for p in SEEDS})
    paths = []
    for name, doc in docs.items():
        path = work / f"{name}.docx"
        path.write_bytes(bf.render(doc, "docx"))
        paths.append(path)
    pdfs = to_pdf(paths, work)
    return {
        name: (doc, path, read_pages(pdf)) for (name, doc), path, pdf in zip(docs.items(), paths, pdfs, strict=True)
    }


def rows(page):
    return ["".join(w.text for w in row) for row in page.rows(0, BOTTOM + 2)]


def test_check_render_passes_every_defect_document_and_seed(rendered):
    for name, (_doc, path, _pages) in rendered.items():
        report = check_rendered(path)
        errors = [f for f in report.findings if f.severity == "error"]
        assert not errors, (name, report.to_text())
        assert not [f for f in report.findings if f.element in ("title line break", "ragged lines")], (
            name,
            report.to_text(),
        )


def test_colophon_goes_with_the_last_lines_of_the_text(rendered):
    _doc, _path, pages = rendered["colophon-nearly-full"]
    last = rows(pages[-1])
    assert len(last) >= 5 and last[0].startswith("如下为")  # two lines of text, then the 版记
    assert any("共印" in r for r in last)


def test_signature_page_carries_text(rendered):
    _doc, _path, pages = rendered["signature-after-full-page"]
    last = rows(pages[-1])
    assert last[-2:] == ["临江省人民政府", "2021年3月15日"]
    assert len(last) >= 4  # at least two lines of text above the 署名


def test_joint_document_marks_stack_with_wenjian_and_one_date(rendered):
    _doc, _path, pages = rendered["joint-4"]
    first = rows(pages[0])
    assert "临江省财政厅" in "".join(first) and "文件" in "".join(first)
    all_rows = [r for p in pages for r in rows(p)]
    assert all_rows.count("2020年3月2日") == 1
    # each organ on a line of its own in the mark (stacked, not side by side)
    stacked = [r for r in first if r.startswith("临江省")]
    assert len(stacked) >= 4


def test_single_mark_keeps_wenjian(rendered):
    _doc, _path, pages = rendered["signature-after-full-page"]
    assert rows(pages[0])[0] == "临江省人民政府文件"


def test_signature_date_starts_two_characters_right_of_the_organ(rendered):
    _doc, _path, pages = rendered["signature-after-full-page"]
    page = pages[-1]
    lines = page.rows(0, BOTTOM + 2)
    organ = next(r for r in lines if "".join(w.text for w in r) == "临江省人民政府")
    date = next(r for r in lines if "".join(w.text for w in r) == "2021年3月15日")
    shift = (date[0].x0 - organ[0].x0) / 16
    assert 1.9 <= shift <= 2.15, shift  # GB/T 9704 §7.3.5.2: 2 字 (the issue found 0.9, the first fix 1.69)
    assert RIGHT - organ[-1].x1 >= 30  # the organ right-indented 2 字 or more


def test_sealed_layout_right_indents_the_date_four_characters(tmp_path):
    path = tmp_path / "sealed.docx"
    path.write_bytes(bf.render(signature_after_a_full_page(), "docx", seal=True))
    [pdf] = to_pdf([path], tmp_path)
    page = read_pages(pdf)[-1]
    date = next(r for r in page.rows(0, BOTTOM + 2) if "".join(w.text for w in r) == "2021年3月15日")
    assert abs((RIGHT - date[-1].x1) / 16 - 4) < 0.3


def test_titles_keep_words_whole(rendered):
    _doc, _path, pages = rendered["long-titles"]
    printed = [r for p in pages for r in rows(p)]
    assert not any(r.endswith("医") for r in printed) and not any(r.endswith("马") for r in printed)
    long_title = [r for r in printed if len(r) <= 20 and not r.endswith("。")]
    assert len(long_title) >= 6


def test_justified_body_keeps_every_mark(rendered):
    for name, (doc, _path, pages) in rendered.items():
        printed = "".join(w.text for p in pages for w in p.words)
        for article in doc.articles:
            for block in article.blocks:
                if block.type == "paragraph":
                    for mark in "，。、；：":
                        assert printed.count(mark) >= block.text.count(mark) or True
        source = "".join(b.text for a in doc.articles for b in a.blocks if b.type == "paragraph")
        for mark in "，。；：":
            assert printed.count(mark) >= source.count(mark), (name, mark)


def test_bidi_controls_do_not_reverse_text(rendered):
    _doc, _path, pages = rendered["bidi"]
    assert "这一段不能倒着印出来。" in "".join(rows(pages[0]))


def test_tables_repeat_their_header_and_wide_ones_are_landscape(rendered):
    _doc, _path, pages = rendered["table"]
    with_table = [p for p in pages if "东川市" in "".join(w.text for w in p.words)]
    assert len(with_table) >= 2 and all("序号" in "".join(w.text for w in p.words) for p in with_table)
    table_words = [w for p in pages for w in p.words if w.text in ("东川市", "西岭县")]
    assert max(w.height for w in table_words) < 19.5  # 四号 glyph boxes (18.2 pt), 三号 ones are 20.8 pt
    _doc, _path, pages = rendered["wide-table"]
    assert any(p.width > p.height for p in pages)


def test_letter_minutes_and_order_forms(rendered):
    letter = rows(rendered["letter"][2][0])
    assert letter[0] == "临江省人民政府办公厅" and "文件" not in letter[0]
    assert letter[1] == "临政办函〔2004〕31号"
    minutes = rows(rendered["minutes"][2][0])
    assert minutes[0] == "临江省人民政府常务会议纪要" and minutes.count("临江省人民政府常务会议纪要") == 1
    order = rows(rendered["order"][2][0])
    assert order[0] == "临江省人民政府令" and order[1] == "第35号"


def _with_defect(data: bytes, fix: str) -> bytes:
    """Put a defect back into a DOCX by hand (the checker must see it)."""

    def broken(text: str) -> str:
        if fix == "colophon-alone":
            text = text.replace('<w:pStyle w:val="bfFiller"/>', '<w:pStyle w:val="bfFiller"/><w:pageBreakBefore/>', 1)
            return re.sub(r'<w:pStyle w:val="bfBodyContinued"/>', '<w:pStyle w:val="bfBody"/>', text)
        if fix == "ragged":
            return text.replace('<w:pStyle w:val="bfBody"/>', '<w:pStyle w:val="bfBody"/><w:jc w:val="left"/>')
        return text

    return _edit_document_xml(data, broken)


def test_check_render_fails_the_defects(tmp_path, capsys):
    doc = colophon_after_a_nearly_full_page()
    doc.distribution[
        0
    ].text = "省委办公厅，省人大常委会办公厅，省政协办公厅，省法院，省检察院，省军区，各民主党派省委。"
    broken = tmp_path / "colophon-alone.docx"
    broken.write_bytes(_with_defect(bf.render(doc, "docx"), "colophon-alone"))
    report = check_rendered(broken)
    assert not report.ok and report.score < 100
    assert {f.element for f in report.findings if f.severity == "error"} & {"版记 alone", "版记 position", "blank page"}
    ragged = tmp_path / "ragged.docx"
    mixed = bf.Document(
        kind="news",
        articles=[
            bf.Article(
                title="标题",
                blocks=[bf.Block("paragraph", "2021年共建成乡村图书室1200个，Library网络覆盖率达到98.5%，" * 6)],
            )
        ],
    )
    ragged.write_bytes(bf.render(mixed, "docx", profile={"align.text": "left"}))
    report = check_rendered(ragged)
    assert any(f.element == "ragged lines" for f in report.findings)
    assert cli_main(["check", "--render", "--annotate", str(broken)]) == 1
    out = capsys.readouterr().out
    assert "版记" in out and "score" in out
    review = Path(str(broken).replace(".docx", ".review.docx"))
    comments = zipfile.ZipFile(review).read("word/comments.xml").decode()
    assert "版记" in comments


# --- issue 12, second round: each fix measured on the rendered pages ----------------------------------------------

GEOMETRY = Geometry.of(load_profile())
LEFT = 28 * PT_PER_MM
TYPE_CENTRE = (LEFT + RIGHT) / 2


def row_boxes(page):
    """(text, x0, x1, y0, y1, glyph height) of each printed line of the type area."""
    out = []
    for row in page.rows(0, BOTTOM + 2):
        out.append(("".join(w.text for w in row), row[0].x0, row[-1].x1, row[0].y0, max(w.y1 for w in row)))
    return out


def test_page_number_dash_is_7_mm_outside_the_type_area_on_every_page(rendered):
    """GB/T 9704 §7.5 (一字线上距版心下边缘 7 mm), measured on the ink; landscape pages (§8): at the left edge, where a
    portrait page has it, odd pages at the bottom end and even pages at the top end, 1 字 in; a 信函's first page
    (§10.1) has none."""
    landscape_pages = 0
    for name, (_doc, _path, pages) in rendered.items():
        for number, (page, image) in enumerate(zip(pages, rasters(_path.with_suffix(".pdf")), strict=True), 1):
            landscape = page.width > page.height
            found = dash_position(image, GEOMETRY, landscape, 14)
            if name in ("letter", "long-letter") and number == 1:
                assert found is None, name
                continue
            assert found is not None, (name, number)
            below, start, end = found
            assert abs(below - 7) <= 0.5, (name, number, below)
            if landscape:
                landscape_pages += 1
                if number % 2:
                    assert 0 <= GEOMETRY.landscape_bottom - end <= 28, (name, number, end)
                else:
                    assert 0 <= start - GEOMETRY.landscape_top <= 28, (name, number, start)
    assert landscape_pages >= 5  # odd and even landscape pages were measured


def test_letter_lower_red_double_rule_and_unnumbered_first_page(rendered):
    _doc, path, pages = rendered["long-letter"]
    red_rows, _, _ = red_and_dark_rows(path.with_suffix(".pdf"))
    long_rows = [y for y, count in red_rows if count >= 0.95 * 170 * PT_PER_MM]
    lower = [y for y in long_rows if y > BOTTOM]
    upper = [y for y in long_rows if y < BOTTOM]
    # §10.1: both double rules 170 mm long; the lower one 20 mm above the bottom edge of the page
    assert lower and abs((841.89 - lower[-1]) / PT_PER_MM - 20) <= 1, lower
    assert len({y // 3 for y in lower}) == 2 and len({y // 3 for y in upper}) >= 2  # two lines each
    assert "".join(w.text for w in pages[1].words if w.y0 > BOTTOM) == "—2—"


def test_signature_date_is_two_characters_right_of_the_organ(rendered):
    for name, organ_text, date_text in (
        ("signature-after-full-page", "临江省人民政府", "2021年3月15日"),
        ("letter", "临江省人民政府办公厅", "2004年11月4日"),
        ("attachment-signature", "临江省文化厅", "2004年10月10日"),
    ):
        _doc, _path, pages = rendered[name]
        rows = {text: (x0, x1) for text, x0, x1, _y0, _y1 in row_boxes(pages[-1])}
        shift = (rows[date_text][0] - rows[organ_text][0]) / 16
        assert 1.9 <= shift <= 2.15, (name, shift)  # GB/T 9704 §7.3.5.2 (the issue found 0.9, then 1.69)
        assert RIGHT - rows[organ_text][1] >= 30 and rows[date_text][1] <= RIGHT + 1, name


def test_speaker_line_byline_and_chapter_headings_are_centred_and_salutations_flush_left(rendered):
    for name, centred, flush_left in (
        ("speech-speaker-line", ["市长王明"], ["各位代表："]),
        ("speech-law", ["第一章总则"], ["同志们："]),
        ("news-kicker-byline", ["本报记者李华", "坚持文化惠民，昔日空置的村部如今成了村民的书房"], []),
    ):
        _doc, _path, pages = rendered[name]
        rows = {text: (x0, x1) for text, x0, x1, _y0, _y1 in row_boxes(pages[0])}
        for text in centred:
            x0, x1 = rows[text]
            assert abs((x0 + x1) / 2 - TYPE_CENTRE) < 3, (name, text)
        for text in flush_left:
            assert abs(rows[text][0] - LEFT) < 1.5, (name, text)


def test_kicker_is_above_the_title_and_smaller(rendered):
    _doc, _path, pages = rendered["news-kicker-byline"]
    rows = row_boxes(pages[0])
    texts = [r[0] for r in rows]
    kicker, title, byline = (
        texts.index(t)
        for t in ("坚持文化惠民，昔日空置的村部如今成了村民的书房", "临江乡村图书室十年增至一千二百个", "本报记者李华")
    )
    assert kicker < title < byline
    height = lambda i: rows[i][4] - rows[i][3]  # noqa: E731
    assert height(kicker) < height(title) - 4


def test_keywords_above_the_first_rule_and_copies_under_the_last(rendered):
    _doc, path, pages = rendered["legacy-colophon"]
    rules = [y for y, _, _ in full_width_rules(path.with_suffix(".pdf"), len(pages))]
    rows = row_boxes(pages[-1])
    keywords = next(r for r in rows if r[0].startswith("主题词："))
    copies = next(r for r in rows if r[0] == "共印120份")
    assert keywords[4] <= min(rules) + 1 and abs(keywords[1] - LEFT) < 1.5  # flush left, above the 版记
    assert copies[3] >= max(rules) - 1 and abs(copies[2] - (RIGHT - 14)) < 2  # under it, right, 1 字 in
    assert rows[-1] == copies and BOTTOM - copies[4] < 579 / 20  # the last line of the page


def test_source_note_goes_with_the_last_lines_of_the_text(rendered):
    _doc, _path, pages = rendered["note-after-full-page"]
    last = [r[0] for r in row_boxes(pages[-1])]
    assert any("原网址" in r or "来源" in r for r in last)
    assert sum(r.startswith("如下为") or r.startswith("服务体系") for r in last) >= 2  # two lines of text with it


def test_numbers_and_place_names_stay_whole_in_titles(rendered):
    _doc, _path, pages = rendered["long-titles"]
    printed = [r[0] for p in pages for r in row_boxes(p)]
    assert any("二〇二一年度" in r for r in printed)


def test_wide_table_alone_prints_landscape_with_its_title_and_note(rendered):
    _doc, _path, pages = rendered["wide-table-alone"]
    assert all(p.width > p.height for p in pages)
    assert "临江市2023年第三季度行政处罚信息公开表" in "".join(w.text for w in pages[0].words)
    assert "来源" in "".join(w.text for w in pages[-1].words)
    assert all("栏目1" in "".join(w.text for w in p.words) for p in pages)  # the header row on every page


def test_unmarked_table_header_repeats_and_names_stay_on_one_line(rendered):
    _doc, _path, pages = rendered["table-unmarked-header"]
    with_rows = [p for p in pages if "乡村文化研究" in "".join(w.text for w in p.words)]
    assert len(with_rows) >= 3 and all("学科名称" in "".join(w.text for w in p.words) for p in with_rows)
    assert sum(w.text == "王明华" for p in pages for w in p.words) == 44


def test_check_render_fails_the_second_round_defects(tmp_path):
    """The checker sees the defects of this round when they are put back: the page number 10 mm down (footer
    distance of the first round), a 信函 numbered on its first page, a landscape page numbered in its own footer."""
    from .docx_defects import long_letter, news_with_kicker_and_byline, wide_table_document

    low = bf.render(news_with_kicker_and_byline(), "docx", profile={"page.footer_distance_mm": 21.5})
    numbered_letter = _replace_xml(bf.render(long_letter(), "docx"), [("<w:titlePg/>", "")])
    landscape = bf.render(wide_table_document(), "docx")
    landscape = _landscape_footers_of_portrait(landscape)
    reports = check_rendered_many([low, numbered_letter, landscape])
    low_numbers = [f for f in reports[0].findings if f.element == "page number position"]
    assert low_numbers and float(low_numbers[0].message.split(" mm")[0]) > 9  # measured 9.8 mm
    assert any("first page of a 信函" in f.message for f in reports[1].findings) and not reports[1].ok
    assert any(f.element.startswith("page number") and f.page == 2 for f in reports[2].findings)


def _replace_xml(data: bytes, replacements: list[tuple[str, str]]) -> bytes:
    def replaced(text: str) -> str:
        for old, new in replacements:
            text = text.replace(old, new)
        return text

    return _edit_document_xml(data, replaced)


def _edit_document_xml(data: bytes, edit: Callable[[str], str]) -> bytes:
    """A copy of the DOCX ``data`` with ``word/document.xml`` passed through ``edit``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = edit(content.decode()).encode()
            z.writestr(info.filename, content)
    return out.getvalue()


def _landscape_footers_of_portrait(data: bytes) -> bytes:
    """The landscape section given the portrait footers (the first round's layout: the number in the landscape
    footer)."""
    text = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    sections = re.findall(r"<w:sectPr.*?</w:sectPr>", text)
    landscape = next(s for s in sections if 'w:orient="landscape"' in s)
    portrait_refs = re.findall(r"<w:footerReference [^>]*/>", sections[-1])
    fixed = re.sub(r"(<w:footerReference [^>]*/>)+", "".join(portrait_refs), landscape, count=1)
    return _replace_xml(data, [(landscape, fixed)])

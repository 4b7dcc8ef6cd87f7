"""信函格式 (GB/T 9704-2012 §10.1), rendered: each distance of the 版头 measured on the ink of LibreOffice's PDF.

The letters of ``LETTERS`` are written, rendered in one soffice call, and page 1 of each is read at 150 dpi in
colour: the 发文机关标志 is the red ink above the first red run 170 mm long (the double rule), the 发文字号 the dark
ink under it. pdftotext's word boxes place the 文号, 份号 and text lines. ``check --render`` passes them and reports
an error when the mark is moved off 30 mm.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.docx.render import available, read_pages, to_pdf
from bulletin_format.docx.render_check import check_rendered_many
from bulletin_format.model import DistributionLine, Header

from .docx_defects import letter, long_letter

pytestmark = [pytest.mark.render, pytest.mark.skipif(not available(), reason="needs LibreOffice and poppler-utils")]

DPI = 150
PT_PER_MM = 72 / 25.4
MM_PER_PX = 25.4 / DPI
LEFT, RIGHT = 28 * PT_PER_MM, (210 - 26) * PT_PER_MM
TOP, BOTTOM = 37 * PT_PER_MM, (297 - 35) * PT_PER_MM
PITCH = 579 / 20
NUMBER = "临政办函〔2004〕31号"
TOLERANCE_MM = 0.4  # three pixels at 150 dpi


def _letter(**header: str) -> bf.Document:
    doc = letter()
    doc.header = Header(doc_number=NUMBER, **header)
    return doc


def _copied_letter(build: Callable[[], bf.Document]) -> bf.Document:
    """A 函 whose 版记 has a 抄送 line and a 印发 line; §10.1 prints only the first."""
    doc = build()
    doc.distribution = [
        DistributionLine("抄送", "临江省国土资源厅，临江省地质环境监测总站。"),
        DistributionLine("印发", "临江省人民政府办公厅 2004年11月4日"),
    ]
    return doc


LETTERS = {
    "letter": letter,  # 10 characters: the mark at its largest, 42 pt
    "two-pages": long_letter,
    "mid-size": lambda: _letter(issuer="临江省西岭县乡村振兴发展中心"),  # 13 characters: 34 pt
    "two-line-mark": lambda: _letter(issuer="临江省西岭县乡村振兴和农业农村发展服务中心办公室"),  # wraps at 22 pt
    "head-marks": lambda: _letter(
        issuer="临江省人民政府办公厅", copy_number="000123", secrecy="秘密★1年", urgency="特急"
    ),
    "copied": lambda: _copied_letter(letter),
    "copied-two-pages": lambda: _copied_letter(long_letter),
}
COPIED = ("copied", "copied-two-pages")


@dataclass
class Head:
    """Page 1 of a rendered 信函, in mm from the page's top edge (ink rows at DPI)."""

    mark_top: float
    mark_bottom: float
    rule_top: float
    rule_bottom: float
    rule_lines: int
    rule_left: float
    rule_right: float
    below_top: float  # the first dark ink under the double rule


def _channel_mask(channel: bytes, low: int, high: int) -> int:
    """The pixels of a colour channel with a value in [low, high], as the bits of an int (first pixel highest)."""
    table = bytes(1 if low <= v <= high else 0 for v in range(256))
    return int.from_bytes(channel.translate(table), "big")


def measure_head(pdf: Path) -> Head:
    ppm = subprocess.run(["pdftoppm", "-r", str(DPI), "-f", "1", "-l", "1", str(pdf)], capture_output=True, check=True)
    _magic, size, _depth, pixels = ppm.stdout.split(b"\n", 3)
    width, height = map(int, size.split())
    long_run = 0.9 * 170 / MM_PER_PX
    red_rows, dark_rows, rule_rows = [], [], []
    extent: dict[int, tuple[int, int]] = {}
    for y in range(height // 2):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        r, g, b = row[0::3], row[1::3], row[2::3]
        red = _channel_mask(r, 181, 255) & _channel_mask(g, 0, 99) & _channel_mask(b, 0, 99)
        dark = _channel_mask(r, 0, 99) & _channel_mask(g, 0, 99) & _channel_mask(b, 0, 99)
        if red:
            red_rows.append(y)
            count = red.bit_count()
            if count > long_run:
                rule_rows.append(y)
                bits = red.to_bytes(width, "big")  # one byte per pixel: 0 or 1
                extent[y] = (bits.index(1), width - 1 - bits[::-1].index(1))
        if dark:
            dark_rows.append(y)
    first = rule_rows[0]
    rule = [y for y in rule_rows if y - first < 3 / MM_PER_PX]
    lines = sum(1 for i, y in enumerate(rule) if i == 0 or y > rule[i - 1] + 1)
    mark = [y for y in red_rows if y < first]
    below = next(y for y in dark_rows if y > rule[-1])
    mm = lambda px: px * MM_PER_PX  # noqa: E731
    return Head(
        mm(mark[0]),
        mm(mark[-1] + 1),
        mm(first),
        mm(rule[-1] + 1),
        lines,
        mm(min(extent[y][0] for y in rule)),
        mm(max(extent[y][1] for y in rule) + 1),
        mm(below),
    )


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    work = tmp_path_factory.mktemp("letters")
    paths = []
    for name, build in LETTERS.items():
        path = work / f"{name}.docx"
        path.write_bytes(bf.render(build(), "docx"))
        paths.append(path)
    pdfs = to_pdf(paths, work)
    return {name: (path, pdf, read_pages(pdf)) for name, path, pdf in zip(LETTERS, paths, pdfs, strict=True)}


def test_mark_top_edge_is_30_mm_from_the_top_of_the_page(rendered):
    """§10.1: 发文机关标志…上边缘至上页边为30 mm — at every size the mark takes, on one line or two."""
    for name, (_path, pdf, _pages) in rendered.items():
        head = measure_head(pdf)
        assert abs(head.mark_top - 30) <= TOLERANCE_MM, (name, head)


def test_red_double_rule_4_mm_under_the_mark_170_mm_long_and_centred(rendered):
    """§10.1: 发文机关标志下4 mm处印一条红色双线（上粗下细）…线长均为170 mm，居中排布."""
    for name, (_path, pdf, _pages) in rendered.items():
        head = measure_head(pdf)
        assert abs(head.rule_top - head.mark_bottom - 4) <= TOLERANCE_MM, (name, head)
        assert head.rule_lines == 2, (name, head)
        assert abs(head.rule_right - head.rule_left - 170) <= TOLERANCE_MM, (name, head)
        assert abs((head.rule_left + head.rule_right) / 2 - (28 + 184) / 2) <= TOLERANCE_MM, (name, head)


def test_number_flush_right_under_the_rule_at_seven_eighths_of_a_character(rendered):
    """§10.1: 发文字号顶格居版心右边缘编排在第一条红色双线下，与该线的距离为3号汉字高度的7/8 (14 pt = 4.94 mm); 份号,
    密级 and 紧急程度 flush left, the first on the 文号's line, one per line."""
    for name, (_path, pdf, pages) in rendered.items():
        head = measure_head(pdf)
        assert abs(head.below_top - head.rule_bottom - 14 / PT_PER_MM) <= TOLERANCE_MM, (name, head)
        rows = pages[0].rows()
        number = next(r for r in rows if "".join(w.text for w in r).endswith(NUMBER))
        assert abs(number[-1].x1 - RIGHT) <= 1.5, (name, number[-1])
        assert abs(number[-1].y0 / PT_PER_MM - head.below_top) <= 2, name  # the first line under the rule
    rows = ["".join(w.text for w in r) for r in rendered["head-marks"][2][0].rows()]
    at = rows.index(f"000123{NUMBER}")
    assert rows[at + 1 : at + 3] == ["秘密★1年", "特急"]
    first = next(r for r in rendered["head-marks"][2][0].rows() if r[0].text.startswith("000123"))
    assert abs(first[0].x0 - LEFT) <= 1.5


def test_title_two_lines_below_and_the_text_on_the_grid(rendered):
    """§10.1: 标题居中编排，与其上最后一个要素相距二行; the lines of the text stay on the 22-line grid of the type
    area, on the first page and after it (from page 2 the page is an ordinary one)."""
    for name, (_path, _pdf, pages) in rendered.items():
        rows = pages[0].rows(0, BOTTOM)
        title = next(i for i, r in enumerate(rows) if "".join(w.text for w in r).startswith("临江省人民政府办公厅关于"))
        gap_lines = (rows[title][0].y0 - max(w.y1 for w in rows[title - 1])) / PITCH
        assert 1.5 <= gap_lines <= 2.5, (name, gap_lines)
        # 三号 lines (their boxes are 20.8 pt high, 二号 ones taller), then every line of the later pages
        text_rows = [r for r in rows[title:] if max(w.height for w in r) < 24]
        text_rows += [r for page in pages[1:] for r in page.rows(0, BOTTOM)]
        phases = sorted((r[0].y0 - TOP) % PITCH for r in text_rows)
        spread = min(phases[-1] - phases[0], PITCH - max(b - a for a, b in pairwise(phases)))
        assert len(text_rows) >= 8 and spread <= 1.0, (name, phases)
    assert len(rendered["two-pages"][2]) == 2


def test_check_render_passes_the_letters_and_fails_a_mark_off_30_mm(rendered):
    reports = check_rendered_many([path for path, _pdf, _pages in rendered.values()])
    for name, report in zip(rendered, reports, strict=True):
        assert report.ok, (name, report.to_text())
        assert not [f for f in report.findings if f.element.startswith("信函")], (name, report.to_text())
    # the mark in the type area, as the first layout printed it; then the rule and the 文号 moved
    low = bf.render(letter(), "docx", profile={"mark.letter_top_mm": 39.5})
    loose = bf.render(letter(), "docx", profile={"rule.letter_below_mark_mm": 7, "rule.letter_above_text_pt": 30})
    low_report, loose_report = check_rendered_many([low, loose])
    errors = [f for f in low_report.findings if f.severity == "error"]
    assert [f.element for f in errors] == ["信函 mark"] and "39." in errors[0].message, low_report.to_text()
    assert not low_report.ok and low_report.score == 85
    warnings = [f.message for f in loose_report.findings if f.element == "信函 rule"]
    assert len(warnings) == 2 and abs(float(warnings[0].split(" mm under")[0].rsplit(" ", 1)[1]) - 7) < 0.5, warnings
    assert loose_report.ok


def longest_black_runs(pdf: Path, page: int) -> list[float]:
    """The longest run of black ink in each pixel row of the type area of ``page`` (1-based) at DPI, in mm (red ink,
    the 信函's double rules, left out)."""
    ppm = subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-f", str(page), "-l", str(page), str(pdf)], capture_output=True, check=True
    )
    _magic, size, _depth, pixels = ppm.stdout.split(b"\n", 3)
    width, height = map(int, size.split())
    dark = bytes(1 if v < 100 else 0 for v in range(256))
    runs = []
    for y in range(round(TOP / PT_PER_MM / MM_PER_PX), min(height, round(BOTTOM / PT_PER_MM / MM_PER_PX))):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        r, g, b = (row[i::3].translate(dark) for i in range(3))
        black = bytes(x & y_ & z for x, y_, z in zip(r, g, b, strict=True))
        runs.append(max(len(run) for run in black.split(b"\x00")) * MM_PER_PX)
    return runs


def test_letter_colophon_is_the_copies_line_at_the_bottom_without_rules(rendered):
    """§10.1: 版记不加印发机关和印发日期、分隔线，位于公文最后一面版心内最下方 — the 抄送 line is the last line of the
    last page, its ink within half a line of the type area's bottom; no rule is drawn on that page (a 版记 rule is the
    width of the type area, 156 mm; no text makes a run of ink a third that long)."""
    for name in COPIED:
        _path, pdf, pages = rendered[name]
        rows = ["".join(w.text for w in r) for r in pages[-1].rows(0, BOTTOM)]
        assert rows[-1].startswith("抄送："), (name, rows[-3:])
        assert not any("印发" in row for page in pages for row in ["".join(w.text for w in page.words)]), name
        last = pages[-1].rows(0, BOTTOM)[-1]
        assert 0 <= BOTTOM - max(w.y1 for w in last) <= PITCH / 2, (name, BOTTOM - max(w.y1 for w in last))
        runs = longest_black_runs(pdf, len(pages))
        assert max(runs) < 156 / 3, (name, max(runs))
    assert len(rendered["copied-two-pages"][2]) == 2

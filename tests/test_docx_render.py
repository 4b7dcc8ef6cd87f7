"""Proof by rendering: every DOCX goes through LibreOffice to PDF, and the pages are measured with pdftotext.

One soffice call converts all the DOCX (session fixture, throw-away user profile, the project's fonts.conf).
Skipped when soffice or pdftotext is missing; CI installs libreoffice-writer-nogui poppler-utils
fonts-noto-cjk fonts-arphic-ukai.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

import bulletin_format as bf
from bulletin_format.docx.profile import load_profile
from bulletin_format.docx.render import rasters
from bulletin_format.docx.render_check import Geometry, dash_position

from .conftest import SEEDS
from .test_docx_documents import bulletin, bulletin_with_a_full_last_page, news, official_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(not (SOFFICE and PDFTOTEXT), reason="needs LibreOffice (soffice) and poppler-utils"),
]

PT_PER_MM = 72 / 25.4
A4 = (210 * PT_PER_MM, 297 * PT_PER_MM)
LEFT, TOP = 28 * PT_PER_MM, 37 * PT_PER_MM
RIGHT, BOTTOM = (210 - 26) * PT_PER_MM, (297 - 35) * PT_PER_MM
GEOMETRY = Geometry.of(load_profile())
CHAR_SIXTEEN = 16.0  # 三号, the width of one 字 of body text
FULL_WIDTH = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uff01-\uff5e“”‘’—…·]+$")
HANGING = "，。、；：？！"  # LibreOffice lets these hang past the right edge of the type area


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


@dataclass
class Page:
    width: float
    height: float
    words: list[Word]

    @property
    def body(self) -> list[Word]:
        return [w for w in self.words if w.y1 <= BOTTOM + 2]

    @property
    def footer(self) -> list[Word]:
        return [w for w in self.words if w.y0 > BOTTOM + 2]

    def lines(self) -> list[list[Word]]:
        """Body words grouped by line (same top within 2 pt), top to bottom, left to right."""
        rows: list[list[Word]] = []
        for word in sorted(self.body, key=lambda w: (w.y0, w.x0)):
            if rows and abs(rows[-1][0].y0 - word.y0) < 2:
                rows[-1].append(word)
            else:
                rows.append([word])
        return [sorted(r, key=lambda w: w.x0) for r in rows]


@dataclass
class Rendered:
    doc: bf.Document
    docx: bytes
    pages: list[Page]
    pdf: Path

    def text(self) -> str:
        """All body text in reading order, without whitespace (page numbers left out)."""
        return "".join(w.text for page in self.pages for line in page.lines() for w in line)


def read_pages(pdf: Path) -> list[Page]:
    xml = subprocess.run([PDFTOTEXT, "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    root = etree.fromstring(xml, etree.XMLParser(recover=True))
    pages = []
    for page in root.iter("{*}page"):
        words = [
            Word(*(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")), w.text or "")
            for w in page.iter("{*}word")
        ]
        pages.append(Page(float(page.get("width")), float(page.get("height")), words))
    return pages


def documents() -> dict[str, bf.Document]:
    docs = {p.name[:3]: bf.parse(p) for p in SEEDS}
    docs.update({"document": official_document(), "bulletin": bulletin(), "news": news()})
    docs["colophon-alone"] = bulletin_with_a_full_last_page()
    return docs


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Rendered]:
    work = tmp_path_factory.mktemp("render")
    docs = documents()
    blobs = {}
    for name, doc in docs.items():
        blobs[name] = bf.render(doc, "docx")
        (work / f"{name}.docx").write_bytes(blobs[name])
    fonts_conf = resources.files("bulletin_format").joinpath("render", "fonts.conf")
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf))
    profile = (work / "lo-profile").as_uri()
    cmd = [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work)]
    subprocess.run([*cmd, *(str(work / f"{n}.docx") for n in docs)], env=env, capture_output=True, timeout=300)
    out = {}
    for name, doc in docs.items():
        pdf = work / f"{name}.pdf"
        assert pdf.exists(), f"LibreOffice did not convert {name}.docx"
        out[name] = Rendered(doc, blobs[name], read_pages(pdf), pdf)
    return out


def docx_paragraph_texts(data: bytes) -> list[tuple[str, str]]:
    document = docx.Document(io.BytesIO(data))
    out = []
    for p in document.element.body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        text = re.sub(r"\s", "", "".join(t.text or "" for t in p.iter(qn("w:t"))))
        out.append((style.get(qn("w:val")) if style is not None else "", text))
    return out


def test_every_page_is_a4(rendered):
    for name, r in rendered.items():
        for page in r.pages:
            assert abs(page.width - A4[0]) < 1 and abs(page.height - A4[1]) < 1, name


def test_a_full_page_has_22_lines_and_no_page_has_more(rendered):
    counts = {name: [len(page.lines()) for page in r.pages] for name, r in rendered.items()}
    assert all(n <= 22 for c in counts.values() for n in c), counts
    for long_text in ("001", "004"):
        assert 22 in counts[long_text], counts[long_text]
    # and the lines sit on the 579 tw grid: 22 lines fill the 225 mm type area
    page = next(p for p in rendered["004"].pages if len(p.lines()) == 22)
    tops = [line[0].y0 for line in page.lines()]
    pitch = (tops[-1] - tops[0]) / 21
    assert abs(pitch - 579 / 20) < 0.2


def test_a_full_line_has_28_characters(rendered):
    widths = []
    for r in rendered.values():
        for page in r.pages:
            for line in page.lines():
                text = "".join(w.text for w in line)
                starts_at_margin = abs(line[0].x0 - LEFT) < 1.5
                is_body_size = 19 < line[0].y1 - line[0].y0 < 23  # 三号 glyph boxes are about 20.8 pt high
                if starts_at_margin and is_body_size and FULL_WIDTH.match(text):
                    hangs = text[-1] in HANGING and line[-1].x1 > RIGHT + 1
                    widths.append(len(text) - hangs)
    assert max(widths) == 28
    assert widths.count(28) > 100


def test_page_numbers_odd_right_even_left_below_the_type_area(rendered):
    for name, r in rendered.items():
        for number, page in enumerate(r.pages, 1):
            footer = sorted(page.footer, key=lambda w: w.x0)
            assert "".join(w.text for w in footer) == f"—{number}—", (name, number)
            if number % 2:
                assert abs(footer[-1].x1 - (RIGHT - 14)) < 2, (name, number)  # right, 1 字 (四号) in
            else:
                assert abs(footer[0].x0 - (LEFT + 14)) < 2, (name, number)  # left, 1 字 in
        # GB/T 9704 §7.5: the top of the dash 7 mm below the type area, measured on the ink of the rendered page
        for number, image in enumerate(rasters(r.pdf), 1):
            found = dash_position(image, GEOMETRY, False, 14)
            assert found is not None and abs(found[0] - 7) <= 0.5, (name, number, found)


def test_every_paragraph_is_printed_in_order(rendered):
    for name, r in rendered.items():
        printed = r.text()
        position = 0
        for style, text in docx_paragraph_texts(r.docx):
            if not text:
                continue
            found = printed.find(text, position)
            assert found >= 0, (name, style, text[:30])
            position = found + len(text)


def test_colophon_sits_at_the_bottom_of_the_last_page(rendered):
    for name, r in rendered.items():
        lines = [(s, t) for s, t in docx_paragraph_texts(r.docx) if s == "bfColophon"]
        if not r.doc.distribution:
            assert not lines
            continue
        last = r.pages[-1]
        rows = last.lines()
        texts = ["".join(w.text for w in row) for row in rows]
        first_row = next(i for i, t in enumerate(texts) if lines[0][1].startswith(t[:6]))
        # everything from the first 版记 line down is 版记; nothing of the body comes after it
        assert "".join(texts[first_row:]) == "".join(t for _, t in lines), name
        bottom_gap_pt = BOTTOM - rows[-1][0].y1
        assert 0 <= bottom_gap_pt < 579 / 20, (name, bottom_gap_pt)  # within the last grid line


def test_official_document_attachment_starts_a_new_page_and_title_is_centred(rendered):
    r = rendered["document"]
    starts = ["".join(w.text for w in page.lines()[0]) for page in r.pages]
    assert "附件1" in starts
    title_rows = [
        row for page in r.pages[:1] for row in page.lines() if row[0].text.startswith("广东省人民政府办公厅关于")
    ]
    [row] = title_rows
    centre = (row[0].x0 + row[-1].x1) / 2
    assert abs(centre - (LEFT + RIGHT) / 2) < 3


def test_bulletin_head_is_printed_before_the_first_article(rendered):
    r = rendered["bulletin"]
    first = ["".join(w.text for w in row) for row in r.pages[0].lines()]
    assert first[0] == "保持共产党员先进性教育活动简报"
    assert first[1] == "第3期"
    assert first[2] == "中共广东省委先进性教育活动办公室2005年2月19日"
    issuer_row = r.pages[0].lines()[2]
    assert abs(issuer_row[-1].x1 - RIGHT) < 2  # the date flush right


def red_and_dark_rows(pdf: Path) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Page 1 at 72 dpi (1 px = 1 pt): (row, red pixel count) of red rows, rows with red ink, rows with dark ink."""
    ppm = subprocess.run(["pdftoppm", "-r", "72", "-f", "1", "-l", "1", str(pdf)], capture_output=True, check=True)
    _magic, size, _depth, pixels = ppm.stdout.split(b"\n", 3)
    width, height = map(int, size.split())
    red_rows, red_ink, dark_ink = [], [], []
    for y in range(height):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        r, g, b = row[0::3], row[1::3], row[2::3]
        red = sum(1 for i in range(width) if r[i] > 200 and g[i] < 80 and b[i] < 80)
        dark = any(r[i] < 100 and g[i] < 100 and b[i] < 100 for i in range(width))
        if red:
            red_ink.append(y)
            red_rows.append((y, red))
        if dark:
            dark_ink.append(y)
    return red_rows, red_ink, dark_ink


def test_red_mark_35_mm_below_the_type_area_and_red_rule_4_mm_below_the_number(rendered):
    red_rows, red_ink, dark_ink = red_and_dark_rows(rendered["document"].pdf)
    type_width = RIGHT - LEFT
    rules = [y for y, count in red_rows if count > 0.95 * type_width]
    assert len(rules) in (1, 2)  # a 1 pt rule covers one or two pixel rows
    mark_top_mm = (red_ink[0] - TOP) / PT_PER_MM
    assert 34 <= mark_top_mm <= 36, mark_top_mm  # GB/T 9704 §7.2.4: 35 mm
    number_bottom = max(y for y in dark_ink if y < rules[0])
    gap_mm = (rules[0] - number_bottom) / PT_PER_MM
    assert 3 <= gap_mm <= 5, gap_mm  # GB/T 9704 §7.2.7: 4 mm


def test_bulletin_red_rule_under_the_issuer_line(rendered):
    red_rows, _, _ = red_and_dark_rows(rendered["bulletin"].pdf)
    rules = [y for y, count in red_rows if count > 0.95 * (RIGHT - LEFT)]
    issuer_row = rendered["bulletin"].pages[0].lines()[2]
    assert rules and issuer_row[0].y1 < rules[0] < issuer_row[0].y1 + 12


def test_body_lines_sit_on_the_grid(rendered):
    """Every 三号 line starts a whole number of 28.95 pt lines below the first, except the lines that carry the red
    rule (shortened by the rule's width and distance so that the lines after them stay on the grid)."""
    first_top = TOP + 6.62  # glyph box top of a 三号 line in the first grid line [measured]
    for name, r in rendered.items():
        rule_lines = {t for s, t in docx_paragraph_texts(r.docx) if s in ("bfIssuerLine", "bfNumber")}
        for number, page in enumerate(r.pages, 1):
            for row in page.lines():
                if not 19 < row[0].y1 - row[0].y0 < 23:
                    continue
                lines_down = (row[0].y0 - first_top) / (579 / 20)
                if abs(lines_down - round(lines_down)) > 0.05:
                    text = "".join(w.text for w in row)
                    assert number == 1 and any(text in t or t in text for t in rule_lines), (name, number, text)


def test_signature_date_and_note_stay_on_one_page(rendered):
    r = rendered["document"]
    where = {}
    for number, page in enumerate(r.pages, 1):
        for row in page.lines():
            where.setdefault("".join(w.text for w in row), number)
    organ_page = max(n for t, n in where.items() if t == "广东省人民政府办公厅")  # the 署名, not the 版记's 印发机关
    assert where["2023年3月1日"] == organ_page == where["（此件公开发布）"]


def full_width_rules(pdf: Path, page: int) -> list[tuple[int, int, int]]:
    """(row, first x, last x) of the pixel rows of ``page`` at 72 dpi that are a drawn line (dark or red) at least
    95 % of the type area wide."""
    ppm = subprocess.run(["pdftoppm", "-r", "72", "-f", str(page), "-l", str(page), str(pdf)], capture_output=True)
    _magic, size, _depth, pixels = ppm.stdout.split(b"\n", 3)
    width, height = map(int, size.split())
    rules = []
    for y in range(height):
        row = pixels[y * width * 3 : (y + 1) * width * 3]
        ink = [x for x in range(width) if row[3 * x + 1] < 120 and row[3 * x + 2] < 120]  # green and blue low
        if len(ink) > 0.95 * (RIGHT - LEFT):
            rules.append((y, ink[0], ink[-1]))
    return rules


def test_colophon_rules_span_the_type_area_and_the_last_one_sits_on_its_bottom_edge(rendered):
    r = rendered["document"]
    rules = full_width_rules(r.pdf, len(r.pages))
    rows = [y for y, _, _ in rules]
    assert len([y for i, y in enumerate(rows) if i == 0 or y > rows[i - 1] + 1]) == 3  # thick, thin, thick
    for _, first, last in rules:
        assert abs(first - LEFT) <= 2 and abs(last - RIGHT) <= 2
    assert abs(rows[-1] - BOTTOM) <= 3  # GB/T 9704 §7.4.1: the last rule on the bottom edge of the type area
    red_rule = full_width_rules(r.pdf, 1)  # the red rule of the 版头: one line, one or two pixel rows
    assert red_rule and red_rule[-1][0] - red_rule[0][0] <= 1
    assert all(abs(first - LEFT) <= 2 and abs(last - RIGHT) <= 2 for _, first, last in red_rule)

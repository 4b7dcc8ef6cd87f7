"""``check --render``: what a reader sees. The DOCX is rendered with LibreOffice and its pages measured.

Findings have a severity — ``error`` (the standard is broken where a reader sees it), ``warning`` (a visible
blemish) or ``note`` (information, such as which installed font stood in for a requested one) — and the report
has a score (100, less 15 per error and 5 per warning). Checked: blank pages; the 版记 at the bottom of the last
page and never alone on its page; a 署名 page that carries text (GB/T 9704 §7.3.5); title lines broken inside a
word; ragged 正文 lines; the page number's position; text outside the type area (wide tables); header rows of a
table repeated on each page it spans; a 信函's 发文机关标志 30 mm from the page's top edge, its double rule 4 mm
under it (GB/T 9704 §10.1); the fonts used for the fonts requested. ``annotate`` writes the findings
into a copy of the DOCX as Word comments.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from .check import _load, _paragraph_style, _Styles, _text, has_letter_head
from .profile import Profile, ProfileLike, load_profile
from .render import Page, Raster, font_stand_in, rasters, read_pages, to_pdf

PT_PER_MM = 72 / 25.4
ERROR_COST = 15
WARNING_COST = 5
RAGGED_TOLERANCE_CHARS = 1.0  # a non-last line ending more than 1 字 short of the right edge is ragged
PAGE_NUMBER_TOLERANCE_MM = 1.0  # GB/T 9704 §7.5: the dash's top 7 mm below the type area, measured on its ink
DASH_MIN_EM = 0.6  # a dash is a run of ink at least this long (in 字 of the page number); no digit has one
DASH_MAX_EM = 1.2  # …and at most this long (a drawn rule, such as a 信函's, is longer)
DARK = 170  # a grey pixel darker than this is ink
LETTER_MARK_TOLERANCE_MM = 1.0  # GB/T 9704 §10.1 distances of the 信函's 版头, measured on the ink at 100 dpi
LETTER_RULE_MIN_SHARE = 0.9  # a 信函's double rule: a run of ink at least this share of its length…
LETTER_RULE_MAX_HEIGHT_MM = 3.0  # …whose two lines lie within this height
BODY_STYLES = {
    "bfBody",
    "bfBodyContinued",
    "bfHeading1",
    "bfHeading2",
    "bfHeading3",
    "bfHeading4",
    "bfSubheading",
    "bfAddressee",
    "bfSalutation",
}
SIGNATURE_STYLES = {"bfSignature"}
COLOPHON_STYLES = {"bfColophon", "bfKeywords", "bfCopies"}
TABLE_STYLES = {"bfTableText", "bfTableHeader"}
TABLE_KEY_CHARS = 4  # a table cell is found on a page by its first characters…
TABLE_PAGE_KEYS = 2  # …and a page prints the table when it holds at least this many cells


Paragraphs = list[tuple[str | None, str]]  # each DOCX paragraph: its style and its text
Located = list[list["Printed"]]  # for each paragraph, the printed lines that hold its text


@dataclass
class RenderFinding:
    severity: str  # error | warning | note
    element: str
    message: str
    page: int | None = None
    paragraph: int | None = None  # index of the body paragraph concerned (for --annotate)


@dataclass
class RenderReport:
    source: str
    pages: int = 0
    findings: list[RenderFinding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.severity == "error" for f in self.findings)

    @property
    def score(self) -> int:
        errors = sum(f.severity == "error" for f in self.findings)
        warnings = sum(f.severity == "warning" for f in self.findings)
        return max(0, 100 - ERROR_COST * errors - WARNING_COST * warnings)

    def add(
        self, severity: str, element: str, message: str, page: int | None = None, paragraph: int | None = None
    ) -> None:
        self.findings.append(RenderFinding(severity, element, message, page, paragraph))

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "pages": self.pages,
            "ok": self.ok,
            "score": self.score,
            "findings": [asdict(f) for f in self.findings],
        }

    def to_text(self) -> str:
        verdict = "looks right" if self.ok else "has defects a reader sees"
        lines = [f"{self.source}: rendered, {self.pages} page(s), {verdict} (score {self.score}/100)"]
        for f in self.findings:
            where = f" (page {f.page})" if f.page else ""
            lines.append(f"  {f.severity:<7} {f.element}{where}: {f.message}")
        return "\n".join(lines)


@dataclass
class Geometry:
    left: float
    right: float
    top: float
    bottom: float
    char: float
    pitch: float
    # a landscape page's type area: the portrait margins turned a quarter (the 订口 at the top)
    landscape_left: float = 0.0
    landscape_top: float = 0.0
    landscape_bottom: float = 0.0

    @classmethod
    def of(cls, prof: Profile) -> Geometry:
        return cls(
            left=prof["page.margin_left_mm"] * PT_PER_MM,
            right=(prof["page.width_mm"] - prof["page.margin_right_mm"]) * PT_PER_MM,
            top=prof["page.margin_top_mm"] * PT_PER_MM,
            bottom=(prof["page.height_mm"] - prof["page.margin_bottom_mm"]) * PT_PER_MM,
            char=prof["size.body_pt"],
            pitch=prof["grid.line_pitch_tw"] / 20,
            landscape_left=prof["page.margin_bottom_mm"] * PT_PER_MM,
            landscape_top=prof["page.margin_left_mm"] * PT_PER_MM,
            landscape_bottom=(prof["page.width_mm"] - prof["page.margin_right_mm"]) * PT_PER_MM,
        )


@dataclass
class Printed:
    """A printed line: page number (1-based), row index on the page, its words."""

    page: int
    row: int
    text: str
    x0: float
    x1: float
    y0: float
    y1: float


def _printed_lines(pages: list[Page], geo: Geometry) -> list[Printed]:
    out = []
    for number, page in enumerate(pages, 1):
        portrait = page.height > page.width
        bottom = geo.bottom + 2 if portrait else page.height - geo.left + 2
        for i, row in enumerate(page.rows(0, bottom)):
            text = "".join(w.text for w in row)
            out.append(Printed(number, i, text, row[0].x0, row[-1].x1, row[0].y0, max(w.y1 for w in row)))
    return out


def _locate(paragraphs: list[tuple[str | None, str]], lines: list[Printed]) -> list[list[Printed]]:
    """For each DOCX paragraph, the printed lines that hold its text (matched in reading order)."""
    stream, owner = [], []
    for index, line in enumerate(lines):
        for ch in line.text:
            if not ch.isspace():
                stream.append(ch)
                owner.append(index)
    printed = "".join(stream)
    found: list[list[Printed]] = []
    position = 0
    for style, text in paragraphs:
        key = "".join(text.split())
        if not key or style in TABLE_STYLES:  # cells print row by row, merged ones once: not in the text's order
            found.append([])
            continue
        at = printed.find(key, position)
        if at < 0:
            found.append([])
            continue
        position = at + len(key)
        indexes = sorted(set(owner[at:position]))
        found.append([lines[i] for i in indexes])
    return found


def check_rendered(source: str | os.PathLike[str] | bytes, profile: ProfileLike = None) -> RenderReport:
    """Render ``source`` (a DOCX path or bytes) with LibreOffice and measure it (see the module docstring)."""
    return check_rendered_many([source], profile)[0]


def check_rendered_many(
    sources: Sequence[str | os.PathLike[str] | bytes], profile: ProfileLike = None
) -> list[RenderReport]:
    """``check_rendered`` for many DOCX with one LibreOffice run (starting soffice costs seconds)."""
    prof = load_profile(profile)
    with tempfile.TemporaryDirectory(prefix="bf-render-") as tmp:
        paths = []
        for i, source in enumerate(sources):
            path = Path(tmp) / f"document-{i}.docx"
            path.write_bytes(bytes(source) if isinstance(source, (bytes, bytearray)) else Path(source).read_bytes())
            paths.append(path)
        pdfs = to_pdf(paths, Path(tmp))
        return [measure_pdf(source, pdf, prof) for source, pdf in zip(sources, pdfs, strict=True)]


def measure_pdf(source: str | os.PathLike[str] | bytes, pdf: Path, profile: ProfileLike = None) -> RenderReport:
    """Measure ``pdf``, LibreOffice's rendering of the DOCX ``source`` (see the module docstring)."""
    prof = load_profile(profile)
    document, name = _load(source)
    report = RenderReport(source=name)
    geo = Geometry.of(prof)
    pages = read_pages(pdf)
    report.pages = len(pages)
    body = document.element.body
    paragraphs = [(_paragraph_style(p), _text(p)) for p in body.iter(qn("w:p"))]
    lines = _printed_lines(pages, geo)
    located = _locate(paragraphs, lines)
    _blank_pages(report, pages, lines)
    _colophon(report, paragraphs, located, lines, geo, len(pages))
    _signature_page(report, paragraphs, located, lines)
    _title_breaks(report, paragraphs, located)
    _ragged(report, paragraphs, located, geo)
    images = rasters(pdf)
    letter = _first_page_unnumbered(document)
    _page_numbers(report, pages, geo, images, letter, prof["size.page_number_pt"])
    if letter and images and images[0].height > images[0].width:
        _letter_head(report, images[0], prof)
    _outside_type_area(report, pages, geo)
    _table_headers(report, document, pages)
    for font in _requested_fonts(document):
        stand_in = font_stand_in(font)
        if stand_in.lower() != font.lower():
            report.add("note", "font", f"{font} is not installed here: printed with {stand_in}")
    return report


def _requested_fonts(document: DocxDocument) -> list[str]:
    names = set()
    styles = document.styles.element
    used_styles = {p.get(qn("w:val")) for p in document.element.iter(qn("w:pStyle"))} | {"Normal"}
    parts = [
        document.element,
        *(s for s in styles.iterchildren(qn("w:style")) if s.get(qn("w:styleId")) in used_styles),
    ]
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        parts.append(defaults)
    for part in parts:
        for fonts in part.iter(qn("w:rFonts")):
            for attr in ("eastAsia", "ascii"):
                value = fonts.get(qn(f"w:{attr}"))
                if value:
                    names.add(value)
    return sorted(names)


def _blank_pages(report: RenderReport, pages: list[Page], lines: list[Printed]) -> None:
    used = {line.page for line in lines}
    for number in range(1, len(pages) + 1):
        if number not in used:
            report.add("error", "blank page", "a page with nothing printed on it but its number", number)


def _colophon(
    report: RenderReport,
    paragraphs: Paragraphs,
    located: Located,
    lines: list[Printed],
    geo: Geometry,
    page_count: int,
) -> None:
    # the 版记 with what documents before GB/T 9704-2012 printed with it (主题词 above it, 共印 under it)
    index = [i for i, (style, _) in enumerate(paragraphs) if style in COLOPHON_STYLES]
    if not index:
        return
    printed = [line for i in index for line in located[i]]
    if not printed:
        return
    last_page = page_count
    first, final = printed[0], printed[-1]
    if final.page != last_page or first.page != last_page:
        report.add("error", "版记 position", "the 版记 is not on the last page", first.page, index[0])
    gap_pt = geo.bottom - final.y1
    if gap_pt > geo.pitch:
        report.add(
            "error",
            "版记 position",
            f"the 版记 ends {gap_pt / PT_PER_MM:.1f} mm above the bottom of the type area "
            "(GB/T 9704 §7.4: at the bottom)",
            final.page,
            index[0],
        )
    own = {id(line) for line in printed}
    others = [line for line in lines if line.page == first.page and id(line) not in own]
    if not others:
        report.add(
            "error",
            "版记 alone",
            "the 版记 stands alone on its page: the last lines of the text must go with it",
            first.page,
            index[0],
        )


def _signature_page(report: RenderReport, paragraphs: Paragraphs, located: Located, lines: list[Printed]) -> None:
    index = [i for i, (style, _) in enumerate(paragraphs) if style in SIGNATURE_STYLES and located[i]]
    if not index:
        return
    page = located[index[0]][0].page
    body_lines = {
        id(line)
        for i, (style, _) in enumerate(paragraphs)
        if style in BODY_STYLES | {"bfAttachmentList", "bfTitle"}
        for line in located[i]
    }
    if not any(line.page == page and id(line) in body_lines for line in lines):
        report.add(
            "error",
            "署名 page",
            "署名 and 成文日期 stand on a page without text (GB/T 9704 §7.3.5: adjust the layout)",
            page,
            index[0],
        )


def _title_breaks(report: RenderReport, paragraphs: Paragraphs, located: Located) -> None:
    from .writer import BREAK_COST_INSIDE, _break_costs

    titles = [i for i, (style, _) in enumerate(paragraphs) if style == "bfTitle" and len(located[i]) > 0]
    # a title is printed as consecutive bfTitle paragraphs (one per line) or one paragraph that wraps
    groups: list[list[int]] = []
    for i in titles:
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        rows = [line for i in group for line in located[i]]
        texts = ["".join(line.text.split()) for line in rows]
        whole = "".join(texts)
        if len(texts) < 2:
            continue
        costs = _break_costs(whole)
        position = 0
        for text in texts[:-1]:
            position += len(text)
            if costs[position] >= BREAK_COST_INSIDE:
                report.add(
                    "warning",
                    "title line break",
                    "the title breaks inside a word: "
                    f"{whole[max(0, position - 3) : position]}|{whole[position : position + 3]}",
                    rows[0].page,
                    group[0],
                )


def _ragged(report: RenderReport, paragraphs: Paragraphs, located: Located, geo: Geometry) -> None:
    short, total, worst = 0, 0, 0.0
    first_index = None
    for i, (style, _) in enumerate(paragraphs):
        if style != "bfBody" or len(located[i]) < 2:
            continue
        for line in located[i][:-1]:
            total += 1
            missing = (geo.right - line.x1) / geo.char
            if missing > RAGGED_TOLERANCE_CHARS:
                short += 1
                worst = max(worst, missing)
                first_index = first_index if first_index is not None else i
    if short:
        report.add(
            "warning",
            "ragged lines",
            f"{short} of {total} 正文 lines end short of the right edge (up to {worst:.1f} 字): justify the text",
            None,
            first_index,
        )


def _first_page_unnumbered(document: DocxDocument) -> bool:
    """A 信函 (GB/T 9704 §10.1: 首页不显示页码): its 版头 has a red double rule — two red rules one under the other
    among the first paragraphs —, or the first section has a first-page footer without a PAGE field."""
    if has_letter_head(_Styles(document), list(document.element.body.iter(qn("w:p")))):
        return True
    sections = list(document.sections)
    if not sections or not sections[0].different_first_page_header_footer:
        return False
    footer = sections[0].first_page_footer._element
    return not any("PAGE" in (t.text or "") for t in footer.iter(qn("w:instrText")))


def _letter_head(report: RenderReport, image: Raster, prof: Profile) -> None:
    """信函格式 (GB/T 9704 §10.1), measured on the ink of the first page: the 发文机关标志's top edge
    ``mark.letter_top_mm`` from the page's top edge (an error beyond LETTER_MARK_TOLERANCE_MM); the red double rule
    ``rule.letter_below_mark_mm`` under the mark and the first line under the rule ``rule.letter_above_text_pt``
    below it (warnings). The double rule is the first pixel row holding a run of ink at least LETTER_RULE_MIN_SHARE
    of ``rule.letter_length_mm`` long; the mark is the ink above it."""
    shortest = round(LETTER_RULE_MIN_SHARE * image.px(prof["rule.letter_length_mm"] * PT_PER_MM))
    height = image.px(LETTER_RULE_MAX_HEIGHT_MM * PT_PER_MM)
    rule_rows: list[int] = []
    for y in range(image.height // 2):
        if rule_rows and y - rule_rows[0] > height:
            break
        # a cheap count first: only a row with that much ink can hold the run
        if _ink(image, y) >= shortest and image.has_run(y, 0, image.width, shortest, image.width):
            rule_rows.append(y)
    if not rule_rows:
        return
    top, bottom = rule_rows[0], rule_rows[-1]
    inked = [y for y in range(top) if _ink(image, y)]

    def mm(px: float) -> float:
        return image.pt(px) / PT_PER_MM

    if not inked:
        report.add("warning", "信函 mark", "no 发文机关标志 above the red double rule (GB/T 9704 §10.1)", 1)
        return
    mark_top = mm(inked[0])
    want = prof["mark.letter_top_mm"]
    if abs(mark_top - want) > LETTER_MARK_TOLERANCE_MM:
        report.add(
            "error",
            "信函 mark",
            f"the 发文机关标志's top edge is {mark_top:.1f} mm from the page's top edge, not {want:g} mm "
            "(GB/T 9704 §10.1)",
            1,
        )
    gap = mm(top) - mm(inked[-1] + 1)
    want = prof["rule.letter_below_mark_mm"]
    if abs(gap - want) > LETTER_MARK_TOLERANCE_MM:
        report.add(
            "warning",
            "信函 rule",
            f"the red double rule is {gap:.1f} mm under the 发文机关标志, not {want:g} mm (GB/T 9704 §10.1)",
            1,
        )
    below = next((y for y in range(bottom + 1, image.height) if _ink(image, y)), None)
    if below is not None:
        gap = mm(below) - mm(bottom + 1)
        want = prof["rule.letter_above_text_pt"] / PT_PER_MM
        if abs(gap - want) > LETTER_MARK_TOLERANCE_MM:
            report.add(
                "warning",
                "信函 rule",
                f"the first line under the red double rule starts {gap:.1f} mm below it, not {want:.1f} mm "
                "(GB/T 9704 §10.1: 3号汉字高度的7/8)",
                1,
            )


INK_TABLE = bytes(1 if value < DARK else 0 for value in range(256))


def _ink(image: Raster, y: int) -> int:
    """How many pixels of row ``y`` are ink."""
    return image.pixels[y * image.width : (y + 1) * image.width].translate(INK_TABLE).count(1)


def dash_position(raster: Raster, geo: Geometry, landscape: bool, size_pt: float) -> tuple[float, float, float] | None:
    """The page number's dashes outside the type area: (distance of their edge facing the type area from it, in mm;
    the number's ink extent along the edge: first and last, in points). Portrait: below the type area; landscape:
    left of it, the number turned a quarter (a dash is a run of ink DASH_MIN_EM to DASH_MAX_EM long)."""
    shortest, longest = raster.px(DASH_MIN_EM * size_pt), raster.px(DASH_MAX_EM * size_pt)
    if not landscape:
        edge = raster.px(geo.bottom + 1)
        rows = [y for y in range(edge, raster.height) if raster.has_run(y, 0, raster.width, shortest, longest)]
        if not rows:
            return None
        ink = [x for x in range(raster.width) if raster.pixels[rows[0] * raster.width + x] < DARK]
        return (raster.pt(rows[0]) - geo.bottom) / PT_PER_MM, raster.pt(ink[0]), raster.pt(ink[-1])
    edge = raster.px(geo.landscape_left - 1)
    columns = [x for x in range(edge) if raster.has_run(x, 0, raster.height, shortest, longest, vertical=True)]
    if not columns:
        return None
    inked = [y for y in range(raster.height) if raster.pixels[y * raster.width + columns[-1]] < DARK]
    return (geo.landscape_left - raster.pt(columns[-1] + 1)) / PT_PER_MM, raster.pt(inked[0]), raster.pt(inked[-1])


def _page_numbers(
    report: RenderReport, pages: list[Page], geo: Geometry, images: list[Raster], first_unnumbered: bool, size: float
) -> None:
    """GB/T 9704 §7.5: the dash's top 7 mm below the type area, odd pages right and even pages left, 1 字 in; on a
    landscape page (§8) where a portrait page has it: the page's left edge, odd at its bottom end, even at its top
    end; a 信函's first page (§10.1) without a number."""
    for number, (page, image) in enumerate(zip(pages, images, strict=True), 1):
        landscape = page.width > page.height
        found = dash_position(image, geo, landscape, size)
        if number == 1 and first_unnumbered:
            if found is not None:
                report.add("error", "page number", "the first page of a 信函 shows a page number (§10.1)", number)
            continue
        if found is None:
            report.add("error", "page number", "no page number", number)
            continue
        below, start, end = found
        if abs(below - 7) > PAGE_NUMBER_TOLERANCE_MM:
            report.add("warning", "page number position", f"{below:.1f} mm outside the type area, not 7 mm", number)
        side = "right" if number % 2 else "left"
        if landscape:
            # odd: the number ends 1 字 above the bottom of the type area; even: starts 1 字 below its top
            indent = geo.landscape_bottom - end if number % 2 else start - geo.landscape_top
            side = "at the bottom end of the left edge" if number % 2 else "at the top end of the left edge"
        else:
            indent = geo.right - end if number % 2 else start - geo.left
        if not (0 <= indent <= 2 * size):
            report.add("error", "page number position", f"not {side}, 1 字 in (found {indent:.0f} pt in)", number)


def _outside_type_area(report: RenderReport, pages: list[Page], geo: Geometry) -> None:
    for number, page in enumerate(pages, 1):
        right = page.width - (page.width - geo.right if page.height > page.width else geo.top - geo.left)
        beyond = [
            w for w in page.words if w.x1 > max(right, geo.right) + 2 or (w.x0 < geo.left - 2 and w.y0 < geo.bottom)
        ]
        if beyond and page.height > page.width:
            report.add("error", "type area", f"text printed outside the type area: {beyond[0].text[:12]}", number)


def _cell_text(cell: etree._Element) -> str:
    return "".join("".join(t.text or "" for t in cell.iter(qn("w:t"))).split())


def _table_headers(report: RenderReport, document: DocxDocument, pages: list[Page]) -> None:
    """Every page a table is printed on starts with its header row (``w:tblHeader``): the pages that print at least
    TABLE_PAGE_KEYS of its cells (the first characters of cells no other cell of the table shares) must print the
    first header cell too."""
    texts = ["".join(w.text for w in page.words) for page in pages]
    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        header = [r for r in rows if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
        if not header or len(rows) < 2:
            continue
        cells = header[0].findall(qn("w:tc"))
        head_key = _cell_text(cells[0])[:4] if cells else ""
        if not head_key:
            continue
        keys = [_cell_text(c)[:TABLE_KEY_CHARS] for r in rows if r not in header for c in r.findall(qn("w:tc"))]
        unique = [k for k in keys if len(k) >= 2 and keys.count(k) == 1]
        for number, text in enumerate(texts, 1):
            if sum(k in text for k in unique) >= TABLE_PAGE_KEYS and head_key not in text:
                report.add("error", "table header", "the header row is not repeated", number)
                break


def annotate(source: str | os.PathLike[str] | bytes, report: RenderReport) -> bytes:
    """A copy of the DOCX with each finding as a Word comment on the paragraph it concerns (else the first)."""
    document, _ = _load(source)
    body_paragraphs = list(document.element.body.iter(qn("w:p")))
    from docx.text.paragraph import Paragraph

    for finding in report.findings:
        if finding.severity == "note":
            continue
        index = finding.paragraph if finding.paragraph is not None else 0
        if not body_paragraphs:
            break
        element = body_paragraphs[min(index, len(body_paragraphs) - 1)]
        paragraph = Paragraph(element, document._body)
        runs = paragraph.runs
        if not runs:
            runs = [paragraph.add_run("")]
        text = f"[{finding.severity}] {finding.element}: {finding.message}"
        document.add_comment(runs, text=text, author="bulletin-format check", initials="BF")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


__all__ = ["RenderFinding", "RenderReport", "annotate", "check_rendered", "etree"]

"""The conformance checker: read a DOCX back and compare it, element by element, with a GB/T 9704 profile.

``check_docx(path_or_bytes)`` returns a Report of Findings (element, expected, found, ok). It reads the XML
only (python-docx + lxml): page size, margins, grid, default font and size, title and heading fonts, page
number footers, the red rule of the 版头 and the rules and fonts of the 版记. Fonts are compared by family
(仿宋_GB2312, 仿宋 and FangSong are all 仿宋), so a profile override of the font name still passes.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import asdict, dataclass, field
from itertools import pairwise

from docx import Document as open_docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from lxml import etree

from ..errors import DocxReadError
from .profile import Profile, ProfileLike, chars_on_line, load_profile, stored_pt

FONT_FAMILIES = {
    "仿宋": {"仿宋_gb2312", "仿宋", "fangsong", "fangsong_gb2312", "仿宋体", "方正仿宋_gbk", "方正仿宋简体"},
    "楷体": {"楷体_gb2312", "楷体", "kaiti", "kaiti_gb2312", "楷体体", "方正楷体_gbk", "方正楷体简体"},
    "黑体": {"黑体", "simhei", "方正黑体_gbk", "方正黑体简体"},
    "小标宋": {"方正小标宋简体", "方正小标宋_gbk", "小标宋", "小标宋体", "fzxiaobiaosong-b05s"},
    "宋体": {"宋体", "simsun", "方正书宋_gbk", "方正书宋简体"},
}
THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")
RED = re.compile(r"^(FF0000|E60000|C00000|FF[0-3][0-9A-F][0-3][0-9A-F]|RED)$", re.IGNORECASE)
PAGE_FIELD = re.compile(r"^\s*PAGE\b", re.IGNORECASE)
TW_PER_MM = 1440 / 25.4
LETTER_HEAD_PARAGRAPHS = 12  # a 信函's red double rule is among this many first paragraphs


def font_family(name: str | None) -> str | None:
    """The GB/T font category of a font name (仿宋, 楷体, 黑体, 小标宋, 宋体), or None."""
    if not name:
        return None
    key = name.strip().lower()
    for family, names in FONT_FAMILIES.items():
        if key in names:
            return family
    return None


@dataclass
class Finding:
    """One checked element: what the profile expects, what the DOCX has, and whether they agree."""

    element: str
    expected: str
    found: str
    ok: bool


@dataclass
class Report:
    """All findings for one DOCX; ``ok`` when every finding conforms."""

    source: str
    profile: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    @property
    def problems(self) -> list[Finding]:
        return [f for f in self.findings if not f.ok]

    def add(self, element: str, expected: object, found: object, ok: bool) -> None:
        self.findings.append(Finding(element, str(expected), str(found), bool(ok)))

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "profile": self.profile,
            "ok": self.ok,
            "findings": [asdict(f) for f in self.findings],
        }

    def to_text(self) -> str:
        verdict = "conforms" if self.ok else f"{len(self.problems)} problem(s)"
        lines = [f"{self.source}: {verdict} (profile {self.profile})"]
        for f in self.findings:
            mark = "ok  " if f.ok else "FAIL"
            lines.append(f"  {mark} {f.element}: expected {f.expected}; found {f.found}")
        return "\n".join(lines)


class _Styles:
    """Effective paragraph and run properties through style inheritance (run → style chain → defaults)."""

    def __init__(self, docx_document: DocxDocument) -> None:
        root = docx_document.styles.element
        self.by_id = {s.get(qn("w:styleId")): s for s in root.iterchildren(qn("w:style"))}
        self.by_name: dict[str, str | None] = {}
        for s in self.by_id.values():
            name = s.find(qn("w:name"))
            if name is not None:
                self.by_name[name.get(qn("w:val"), "").lower()] = s.get(qn("w:styleId"))
        defaults = root.find(qn("w:docDefaults"))
        self.default_rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}") if defaults is not None else None
        self.default_ppr = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}") if defaults is not None else None
        default_para = [
            s
            for s in self.by_id.values()
            if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")
        ]
        self.default_style_id = default_para[0].get(qn("w:styleId")) if default_para else None

    def chain(self, style_id: str | None) -> list[etree._Element]:
        """The style and the styles it is based on, nearest first."""
        out, seen = [], set()
        style_id = style_id or self.default_style_id
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return out

    def rpr_levels(self, style_id: str | None, run_rpr: etree._Element | None = None) -> list[etree._Element]:
        levels: list[etree._Element | None] = [run_rpr] if run_rpr is not None else []
        levels += [s.find(qn("w:rPr")) for s in self.chain(style_id)]
        levels.append(self.default_rpr)
        return [lv for lv in levels if lv is not None]

    def ppr_levels(self, style_id: str | None, para_ppr: etree._Element | None = None) -> list[etree._Element]:
        levels: list[etree._Element | None] = [para_ppr] if para_ppr is not None else []
        levels += [s.find(qn("w:pPr")) for s in self.chain(style_id)]
        levels.append(self.default_ppr)
        return [lv for lv in levels if lv is not None]

    def east_asia_font(self, style_id: str | None, run_rpr: etree._Element | None = None) -> str:
        for rpr in self.rpr_levels(style_id, run_rpr):
            fonts = rpr.find(qn("w:rFonts"))
            if fonts is None:
                continue
            theme = fonts.get(qn("w:eastAsiaTheme"))
            if theme:
                return f"theme:{theme}"
            name = fonts.get(qn("w:eastAsia"))
            if name:
                return name
        return "(none: the application's default)"

    def value(self, levels: list[etree._Element], tag: str, attr: str = "val") -> str | None:
        for level in levels:
            el = level.find(qn(f"w:{tag}"))
            if el is not None and el.get(qn(f"w:{attr}")) is not None:
                return el.get(qn(f"w:{attr}"))
        return None

    def size_pt(self, style_id: str | None, run_rpr: etree._Element | None = None) -> float:
        half_points = self.value(self.rpr_levels(style_id, run_rpr), "sz")
        return int(half_points) / 2 if half_points else 10.0  # OOXML default: 10 pt

    def style_id_for(self, *names: str) -> list[str]:
        found = (self.by_name.get(n.lower()) for n in names)
        return [style_id for style_id in found if style_id]


# A DOCX read back for checking is unpacked in memory: refuse what would not fit (zip bombs).
MAX_UNPACKED_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 10_000
# OOXML parts never carry a DTD; one that does is an entity-expansion attack ("billion laughs").
DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


def _load(source: str | os.PathLike[str] | bytes) -> tuple[DocxDocument, str]:
    """The python-docx Document of ``source``; anything that is not a safe, readable DOCX is a DocxReadError."""
    name = "<bytes>" if isinstance(source, (bytes, bytearray)) else str(source)
    hint = "give a .docx file written by Word, WPS, LibreOffice or bulletin-format"
    try:
        data = bytes(source) if isinstance(source, (bytes, bytearray)) else open(source, "rb").read()
    except OSError as e:
        raise DocxReadError(f"cannot be read ({e.strerror or e})", source=name, hint="check the path") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
            raise DocxReadError("unpacks to more than a DOCX can reasonably hold (a zip bomb?)", source=name, hint=hint)
        names = {m.filename for m in members}
        if "[Content_Types].xml" not in names or not any(n.startswith("word/") for n in names):
            raise DocxReadError("is a ZIP file but not a DOCX (no word/ document part)", source=name, hint=hint)
        for m in members:
            if m.filename.endswith((".xml", ".rels")) and DTD.search(archive.read(m)[:4096]):
                raise DocxReadError(f"part {m.filename} declares a DTD (entity expansion is refused)", source=name)
    except zipfile.BadZipFile:
        raise DocxReadError("is not a DOCX (not a ZIP package)", source=name, hint=hint) from None
    except DocxReadError:
        raise
    except Exception as e:  # a damaged member (zlib.error, EOFError, …)
        raise DocxReadError(f"is a damaged ZIP package ({type(e).__name__}: {e})", source=name, hint=hint) from None
    try:
        return open_docx(io.BytesIO(data)), name
    except DocxReadError:
        raise
    except Exception as e:  # python-docx and lxml raise many kinds on a damaged package
        raise DocxReadError(f"is a damaged DOCX ({type(e).__name__}: {e})", source=name, hint=hint) from None


def _paragraph_style(p: etree._Element) -> str | None:
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return style.get(qn("w:val")) if style is not None else None


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _first_run_rpr(p: etree._Element) -> etree._Element | None:
    for r in p.iter(qn("w:r")):
        if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip():
            return r.find(qn("w:rPr"))
    return None


def _mm(tw: float) -> str:
    return f"{tw / TW_PER_MM:.1f} mm"


def check_docx(source: str | os.PathLike[str] | bytes, profile: ProfileLike = None) -> Report:
    """Check a DOCX (a path or its bytes) against ``profile`` (default ``gbt9704-2012``)."""
    prof = load_profile(profile)
    document, name = _load(source)
    try:
        return _check(document, name, prof)
    except Exception as e:  # a DOCX whose parts python-docx opens but whose content is malformed
        raise DocxReadError(
            f"could not be checked ({type(e).__name__}: {e})", source=name, hint="open and re-save it in Word or WPS"
        ) from None


def _check(document: DocxDocument, name: str, prof: Profile) -> Report:
    report = Report(source=name, profile=prof.name)
    styles = _Styles(document)
    body = document.element.body
    paragraphs = list(body.iter(qn("w:p")))
    _check_page(report, document, prof)
    _check_defaults(report, styles, prof, paragraphs)
    _check_elements(report, styles, prof, paragraphs)
    _check_footers(report, document, styles, prof)
    kind = (document.core_properties.category or "").strip()
    _check_red_rule(report, styles, paragraphs, kind)
    _check_colophon(report, styles, prof, paragraphs, has_letter_head(styles, paragraphs))
    return report


def has_letter_head(styles: _Styles, paragraphs: list[etree._Element]) -> bool:
    """A 信函 (GB/T 9704 §10.1): its 版头 has a red double rule — two paragraphs one under the other among the first
    ``LETTER_HEAD_PARAGRAPHS`` whose bottom borders are red."""
    red = [
        (b := _border(styles, p)) is not None and bool(RED.match(b.get(qn("w:color"), "")))
        for p in paragraphs[:LETTER_HEAD_PARAGRAPHS]
    ]
    return any(a and b for a, b in pairwise(red))


def _check_page(report: Report, document: DocxDocument, prof: Profile) -> None:
    sect = document.sections[-1]._sectPr
    size = sect.find(qn("w:pgSz"))
    width = int(size.get(qn("w:w"), "12240")) if size is not None else 12240
    height = int(size.get(qn("w:h"), "15840")) if size is not None else 15840
    want_w, want_h = prof.twips("page.width_mm"), prof.twips("page.height_mm")
    report.add(
        "page size",
        f"{prof['page.width_mm']} × {prof['page.height_mm']} mm (A4)",
        f"{width / TW_PER_MM:.1f} × {height / TW_PER_MM:.1f} mm",
        abs(width - want_w) <= 20 and abs(height - want_h) <= 20,
    )
    margins = sect.find(qn("w:pgMar"))
    tolerance = TW_PER_MM  # GB/T 9704 §5.2.1 allows ± 1 mm
    for side, key, label in (
        ("top", "page.margin_top_mm", "天头"),
        ("bottom", "page.margin_bottom_mm", ""),
        ("left", "page.margin_left_mm", "订口"),
        ("right", "page.margin_right_mm", ""),
    ):
        found = int(margins.get(qn(f"w:{side}"), "0")) if margins is not None else 0
        element = f"margin {side} ({label})" if label else f"margin {side}"
        report.add(element, f"{prof[key]} mm", _mm(found), abs(found - prof.twips(key)) <= tolerance)
    grid = sect.find(qn("w:docGrid"))
    grid_type = grid.get(qn("w:type")) if grid is not None else None
    pitch = int(grid.get(qn("w:linePitch"), "0")) if grid is not None else 0
    report.add(
        "document grid",
        f"type=lines, linePitch={prof['grid.line_pitch_tw']}",
        f"type={grid_type}, linePitch={pitch}" if grid is not None else "none",
        grid_type == "lines" and abs(pitch - prof["grid.line_pitch_tw"]) <= 2,
    )


def _check_defaults(report: Report, styles: _Styles, prof: Profile, paragraphs: list[etree._Element]) -> None:
    normal = styles.default_style_id
    font = styles.east_asia_font(normal)
    want_family = font_family(prof["font.body"])
    report.add(
        "default East Asian font", f"{prof['font.body']} ({want_family})", font, font_family(font) == want_family
    )
    size = styles.size_pt(normal)
    body_pt = stored_pt(prof["size.body_pt"])
    report.add("default size", f"{body_pt:g} pt{' (三号)' if body_pt == 16 else ''}", f"{size:g} pt", size == body_pt)
    themed = []
    for level in styles.rpr_levels(normal):
        fonts = level.find(qn("w:rFonts"))
        if fonts is not None:
            themed += [a for a in THEME_ATTRS if fonts.get(qn(f"w:{a}"))]
    report.add("theme fonts on the default text", "none", ", ".join(themed) or "none", not themed)
    lang = styles.value(styles.rpr_levels(normal), "lang", "eastAsia")
    report.add("East Asian language", "zh-CN", lang or "(not set)", (lang or "").lower() == "zh-cn")
    levels = styles.ppr_levels(normal)
    rule = styles.value(levels, "spacing", "lineRule")
    line = styles.value(levels, "spacing", "line")
    pitch = prof["grid.line_pitch_tw"]
    report.add(
        "line spacing",
        f"exactly {pitch} tw ({prof.lines_per_page} lines per page)",
        f"{rule or 'auto'} {line or '240'}",
        rule == "exact" and line is not None and abs(int(line) - pitch) <= 2,
    )
    lines = prof.type_area_height_tw // int(line) if rule == "exact" and line and int(line) > 0 else 0
    # the counts follow from the profile's page, type and grid (Profile.lines_per_page, .chars_per_line), as the
    # writer sets them: GB/T 9704's 22 × 28 holds for 三号 on the 156 × 225 mm type area, another size gives others
    report.add("lines per page", prof.lines_per_page, lines or "not fixed", lines == prof.lines_per_page)
    spacing = styles.value(styles.rpr_levels(normal), "spacing")
    want_spacing = round(prof["grid.char_spacing_pt"] * 20) / 20
    chars = chars_on_line(prof.type_area_width_tw, round(size * 20), int(spacing) if spacing else 0)
    report.add(
        "characters per line",
        f"{prof.chars_per_line} ({body_pt:g} pt, character spacing {want_spacing:g} pt)",
        f"{chars} ({size:g} pt, character spacing {int(spacing) / 20 if spacing else 0:g} pt)",
        chars == prof.chars_per_line,
    )
    body = [p for p in paragraphs if _paragraph_style(p) in (None, normal, "bfBody") and len(_text(p).strip()) > 30]
    if body:
        indents = []
        for p in body:
            first = styles.value(styles.ppr_levels(_paragraph_style(p), p.find(qn("w:pPr"))), "ind", "firstLine")
            indents.append(int(first or 0))
        want = prof.char_tw * prof["indent.paragraph_chars"]
        wrong = sum(1 for i in indents if abs(i - want) > 20)
        report.add(
            "正文 first-line indent",
            f"{prof['indent.paragraph_chars']} 字 ({want} tw)",
            "all paragraphs" if not wrong else f"{wrong} of {len(indents)} paragraphs differ (e.g. {max(indents)} tw)",
            not wrong,
        )


def _check_elements(report: Report, styles: _Styles, prof: Profile, paragraphs: list[etree._Element]) -> None:
    """Title and heading fonts and sizes: our bf* styles, or Word's Title / Heading 1-4."""
    groups = [
        ("标题", ["bfTitle", *styles.style_id_for("Title")], "font.title", "size.title_pt"),
        ("heading level 1 (一、)", ["bfHeading1", *styles.style_id_for("Heading 1")], "font.heading1", "size.body_pt"),
        (
            "heading level 2 (（一）)",
            ["bfHeading2", *styles.style_id_for("Heading 2")],
            "font.heading2",
            "size.body_pt",
        ),
        ("heading level 3 (1.)", ["bfHeading3", *styles.style_id_for("Heading 3")], "font.heading3", "size.body_pt"),
        ("heading level 4 (（1）)", ["bfHeading4", *styles.style_id_for("Heading 4")], "font.heading4", "size.body_pt"),
    ]
    for element, style_ids, font_key, size_key in groups:
        used = [p for p in paragraphs if _paragraph_style(p) in style_ids and _text(p).strip()]
        if not used:
            continue
        want_family = font_family(prof[font_key])
        bad_font, bad_size = [], []
        for p in used:
            rpr = _first_run_rpr(p)
            font = styles.east_asia_font(_paragraph_style(p), rpr)
            size = styles.size_pt(_paragraph_style(p), rpr)
            if font_family(font) != want_family:
                bad_font.append(font)
            if size != stored_pt(prof[size_key]):
                bad_size.append(size)
        report.add(
            f"{element} font",
            f"{prof[font_key]} ({want_family})",
            f"{len(used)} paragraph(s) right" if not bad_font else f"{bad_font[0]} in {len(bad_font)} paragraph(s)",
            not bad_font,
        )
        report.add(
            f"{element} size",
            f"{stored_pt(prof[size_key]):g} pt",
            f"{len(used)} paragraph(s) right"
            if not bad_size
            else f"{bad_size[0]:g} pt in {len(bad_size)} paragraph(s)",
            not bad_size,
        )


def _check_footers(report: Report, document: DocxDocument, styles: _Styles, prof: Profile) -> None:
    settings = document.settings.element
    even_odd = settings.find(qn("w:evenAndOddHeaders"))
    enabled = even_odd is not None and even_odd.get(qn("w:val"), "1") not in ("0", "false")
    report.add("even and odd page footers", "w:evenAndOddHeaders on", "on" if enabled else "off", enabled)
    section = document.sections[-1]
    sect = section._sectPr
    refs = {r.get(qn("w:type")): r for r in sect.iterchildren(qn("w:footerReference"))}
    dash = prof["page_number.dash"]
    for kind, label, align, indent_attr in (("default", "odd", "right", "right"), ("even", "even", "left", "left")):
        if kind not in refs:
            report.add(f"page number ({label} pages)", f"— N — {align}, 1 字 in", "no footer", False)
            continue
        footer = section.footer if kind == "default" else section.even_page_footer
        paras = list(footer._element.iter(qn("w:p")))
        numbered = [p for p in paras if any(PAGE_FIELD.match(t.text or "") for t in p.iter(qn("w:instrText")))]
        numbered += [
            p for p in paras if any(PAGE_FIELD.match(f.get(qn("w:instr"), "")) for f in p.iter(qn("w:fldSimple")))
        ]
        if not numbered:
            report.add(f"page number ({label} pages)", "a PAGE field", "no PAGE field", False)
            continue
        p = numbered[0]
        ppr_levels = styles.ppr_levels(_paragraph_style(p), p.find(qn("w:pPr")))
        jc = styles.value(ppr_levels, "jc") or "left"
        indent = int(styles.value(ppr_levels, "ind", indent_attr) or 0)
        text = _text(p)
        rpr = _first_run_rpr(p)
        font = styles.east_asia_font(_paragraph_style(p), rpr)
        size = styles.size_pt(_paragraph_style(p), rpr)
        want_indent = round(prof["size.page_number_pt"] * 20) * prof["page_number.indent_chars"]
        ok_place = jc == align and abs(indent - want_indent) <= 20
        report.add(
            f"page number position ({label} pages)",
            f"{align}, {prof['page_number.indent_chars']} 字 ({want_indent} tw) in",
            f"{jc}, {indent} tw in",
            ok_place,
        )
        ok_form = text.strip().startswith(dash) and text.strip().endswith(dash)
        report.add(f"page number form ({label} pages)", f"{dash} N {dash}", text.strip() or "(field only)", ok_form)
        want_family = font_family(prof["font.page_number"])
        report.add(
            f"page number font ({label} pages)",
            f"{prof['font.page_number']} {stored_pt(prof['size.page_number_pt']):g} pt",
            f"{font} {size:g} pt",
            font_family(font) == want_family and size == stored_pt(prof["size.page_number_pt"]),
        )


def _border(styles: _Styles, p: etree._Element, side: str = "bottom") -> etree._Element | None:
    for ppr in styles.ppr_levels(_paragraph_style(p), p.find(qn("w:pPr"))):
        border = ppr.find(f"{qn('w:pBdr')}/{qn(f'w:{side}')}")
        if border is not None:
            return border if border.get(qn("w:val")) not in ("nil", "none") else None
    return None


def _spans_type_area(styles: _Styles, p: etree._Element) -> bool:
    """A border is as wide as its paragraph: at least the type area when the paragraph has no positive left or right
    indent (a 信函's double rule is indented −7 mm each side, 170 mm long: GB/T 9704 §10.1)."""
    levels = styles.ppr_levels(_paragraph_style(p), p.find(qn("w:pPr")))
    indents = [styles.value(levels, "ind", side) for side in ("left", "right", "start", "end")]
    return all(int(i or 0) <= 0 for i in indents)


def _check_red_rule(report: Report, styles: _Styles, paragraphs: list[etree._Element], kind: str) -> None:
    """The red rule of the 版头: required for 简报 and 公文 (core property category), else checked if present."""
    red = [p for p in paragraphs[:40] if (b := _border(styles, p)) is not None and RED.match(b.get(qn("w:color"), ""))]
    head_styles = {"bfMark", "bfNumber", "bfIssuerLine"}
    ours = any((_paragraph_style(p) or "").startswith("bf") for p in paragraphs)
    has_head = any(_paragraph_style(p) in head_styles for p in paragraphs)
    # Our writer prints no 版头 when the Document knows none of its facts; then there is no rule either.
    if (kind in ("bulletin", "document") and (has_head or not ours)) or red:
        if red:
            border = _border(styles, red[0])
            assert border is not None  # red[0] was chosen for its border
            wide = _spans_type_area(styles, red[0])
            found = f"color {border.get(qn('w:color'))}, {int(border.get(qn('w:sz'), '0')) / 8:g} pt"
            found += ", the width of the type area" if wide else ", narrower than the type area (indented paragraph)"
        else:
            found, wide = "none", False
        report.add("红色分隔线 (版头 red rule)", "a red rule below the 版头, the width of the type area", found, wide)


def _check_colophon(
    report: Report, styles: _Styles, prof: Profile, paragraphs: list[etree._Element], letter: bool = False
) -> None:
    """版记/报尾: 四号仿宋 between rules the width of the type area, first and last thick (0.35 mm), the others thin.
    A 信函's 版记 has no rules and no 印发 line (GB/T 9704-2012 §10.1: 版记不加印发机关和印发日期、分隔线)."""
    lines = [i for i, p in enumerate(paragraphs) if _paragraph_style(p) == "bfColophon"]
    if not lines:
        labelled = re.compile(r"^\s*(抄送|抄报|报|送|发)\s*[:：]|印发\s*$")
        tail = range(max(0, len(paragraphs) - 8), len(paragraphs))
        lines = [i for i in tail if labelled.search(_text(paragraphs[i]))]
    if not lines:
        return
    want_family = font_family(prof["font.body"])
    bad = []
    for i in lines:
        rpr = _first_run_rpr(paragraphs[i])
        font = styles.east_asia_font(_paragraph_style(paragraphs[i]), rpr)
        size = styles.size_pt(_paragraph_style(paragraphs[i]), rpr)
        if font_family(font) != want_family or size != stored_pt(prof["size.colophon_pt"]):
            bad.append(f"{font} {size:g} pt")
    report.add(
        "版记 font",
        f"{prof['font.body']} {stored_pt(prof['size.colophon_pt']):g} pt",
        f"{len(lines)} line(s) right" if not bad else f"{bad[0]} in {len(bad)} line(s)",
        not bad,
    )
    thick = round(prof["colophon.thick_rule_mm"] * 72 / 25.4 * 8)
    thin = round(prof["colophon.thin_rule_mm"] * 72 / 25.4 * 8)
    # the rules of the block, top to bottom: borders of its lines and of the rule paragraphs around them
    start = lines[0] - 1 if lines[0] > 0 and not _text(paragraphs[lines[0] - 1]).strip() else lines[0]
    found: list[int] = []
    narrow = 0
    for p in paragraphs[start : lines[-1] + 2]:
        for side in ("top", "bottom"):
            border = _border(styles, p, side)
            if border is not None:
                found.append(int(border.get(qn("w:sz"), "0")))
                narrow += not _spans_type_area(styles, p)
    if letter:
        printed_by = [i for i in lines if re.search(r"印发\s*$", _text(paragraphs[i]))]
        report.add(
            "版记 rules (信函)",
            "none (GB/T 9704-2012 §10.1)",
            f"{found}" if found else "none",
            not found,
        )
        report.add(
            "版记 印发 line (信函)",
            "none (GB/T 9704-2012 §10.1)",
            f"{len(printed_by)} line(s)" if printed_by else "none",
            not printed_by,
        )
        return
    want = [thick] + [thin] * (len(lines) - 1) + [thick]
    ok = len(found) == len(want) and all(abs(f - w) <= 1 for f, w in zip(found, want, strict=True)) and not narrow
    report.add(
        "版记 rules",
        f"{want} (eighths of a point), the width of the type area",
        f"{found}" + (f", {narrow} narrower than the type area" if narrow else ""),
        ok,
    )

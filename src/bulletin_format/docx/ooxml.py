"""The one module that knows OOXML: element order, w:rFonts/@w:eastAsia, docGrid, exact spacing, borders,
fields, even/odd footers, and byte-for-byte deterministic packages.

Everything above this module speaks in paragraphs, runs, fonts in points and lengths in twips; nothing
above it builds ``w:`` elements by hand.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_HEADER_FOOTER
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import CT_Relationships, serialize_part_xml
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.parts.hdrftr import FooterPart
from docx.section import Section
from lxml import etree

from .deflate_zip import Member, archive, compress, compress_pieces

if TYPE_CHECKING:
    from docx.oxml.coreprops import CT_CoreProperties
    from docx.oxml.section import CT_SectPr

# Schema order of the children we write (ECMA-376 CT_PPr, CT_RPr, CT_SectPr); lxml appends, OOXML is strict.
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd "
    "snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em "
    "lang eastAsianLayout specVanish oMath"
).split()
SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType "
    "cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange"
).split()
PBDR_ORDER = ("top", "left", "bottom", "right", "between", "bar")

# Characters XML 1.0 cannot hold (python-docx would raise on them).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Bidirectional controls (embeddings, overrides, isolates, marks): Word and LibreOffice obey them, so a stray
# U+202E prints the rest of a Chinese paragraph backwards. Chinese text never needs them.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# python-docx refuses core properties longer than this (the OPC schema's limit).
CORE_PROPERTY_MAX = 255
FIXED_TIME = datetime(2000, 1, 1)


def clean_text(text: str) -> tuple[str, int, int]:
    """``text`` without the characters XML cannot hold and without bidi controls, and how many of each were
    dropped."""
    cleaned, illegal = XML_ILLEGAL.subn("", text)
    cleaned, bidi = BIDI_CONTROLS.subn("", cleaned)
    return cleaned, illegal, bidi


def fit_core_property(text: str) -> str:
    """``text`` shortened to what a core property may hold (an ellipsis marks the cut)."""
    return text if len(text) <= CORE_PROPERTY_MAX else text[: CORE_PROPERTY_MAX - 1] + "…"


THEME_FONT_ATTRIBUTES = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def drop_attributes(element: etree._Element, names: tuple[str, ...]) -> None:
    """Remove the ``w:`` attributes ``names`` from ``element`` where present."""
    for name in names:
        key = qn(f"w:{name}")
        if key in element.attrib:
            del element.attrib[key]


def set_child(parent: etree._Element, tag: str, order: tuple[str, ...] | list[str], **attrs: str) -> etree._Element:
    """Get or create ``w:tag`` under ``parent`` at its schema position and set ``w:`` attributes on it."""
    el = parent.find(qn(f"w:{tag}"))
    if el is None:
        el = OxmlElement(f"w:{tag}")
        rank = order.index(tag)
        anchor = None
        for sibling in parent:
            local = etree.QName(sibling).localname
            if local in order and order.index(local) > rank:
                anchor = sibling
                break
        if anchor is None:
            parent.append(el)
        else:
            anchor.addprevious(el)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), str(value))
    return el


@dataclass(frozen=True)
class RunStyle:
    """Character formatting: fonts by name, size in points, colour as RRGGBB, spacing in points."""

    east_asia: str | None = None
    latin: str | None = None
    size_pt: float | None = None
    color: str | None = None
    bold: bool | None = None
    spacing_pt: float | None = None


@dataclass(frozen=True)
class Border:
    """A paragraph border line: width in points, distance from the text in points."""

    width_pt: float
    color: str = "000000"
    space_pt: float = 0
    kind: str = "single"  # single | thickThinSmallGap (信函格式 double rule) …


@dataclass
class ParaStyle:
    """Paragraph formatting in twips; ``line_tw`` is an exact line height."""

    align: str | None = None  # left | center | right | both | distribute
    line_tw: int | None = None
    first_line_tw: int | None = None
    hanging_tw: int | None = None
    left_tw: int | None = None
    right_tw: int | None = None
    snap_to_grid: bool | None = None
    page_break_before: bool = False
    widow_control: bool | None = None
    keep_next: bool = False
    borders: dict[str, Border] = field(default_factory=dict)  # top | bottom
    right_tab_tw: int | None = None
    keep_lines: bool = False
    overflow_punct: bool | None = None  # w:overflowPunct (LibreOffice reads val="1" as *no* hanging punctuation)
    outline_level: int | None = None  # 0 = level 1 in Word's navigation pane and table of contents
    center_tab_tw: int | None = None

    def key(self) -> tuple[object, ...]:
        """Every setting, hashable, with its type (579 and 579.0 write different values): equal keys write the
        same ``w:pPr``."""
        values = (
            self.align, self.line_tw, self.first_line_tw, self.hanging_tw, self.left_tw, self.right_tw,
            self.snap_to_grid, self.page_break_before, self.widow_control, self.keep_next, self.right_tab_tw,
            self.keep_lines, self.overflow_punct, self.outline_level, self.center_tab_tw,
        )
        return (*((v, v.__class__) for v in values), tuple(self.borders.items()))


def apply_run_style(rpr: etree._Element, style: RunStyle) -> None:
    """Write ``style`` into a ``w:rPr`` (theme font attributes removed, East Asian font really set)."""
    if style.east_asia or style.latin:
        fonts = set_child(rpr, "rFonts", RPR_ORDER)
        drop_attributes(fonts, THEME_FONT_ATTRIBUTES)
        latin = style.latin or style.east_asia or ""
        fonts.set(qn("w:ascii"), latin)
        fonts.set(qn("w:hAnsi"), latin)
        fonts.set(qn("w:cs"), latin)
        if style.east_asia:
            fonts.set(qn("w:eastAsia"), style.east_asia)
        fonts.set(qn("w:hint"), "eastAsia")
    if style.bold is not None:
        set_child(rpr, "b", RPR_ORDER, val="1" if style.bold else "0")
        set_child(rpr, "bCs", RPR_ORDER, val="1" if style.bold else "0")
    if style.color:
        set_child(rpr, "color", RPR_ORDER, val=style.color)
    if style.spacing_pt is not None:
        set_child(rpr, "spacing", RPR_ORDER, val=str(round(style.spacing_pt * 20)))
    if style.size_pt is not None:
        half_points = str(round(style.size_pt * 2))
        set_child(rpr, "sz", RPR_ORDER, val=half_points)
        set_child(rpr, "szCs", RPR_ORDER, val=half_points)


def apply_para_style(ppr: etree._Element, style: ParaStyle) -> None:
    """Write ``style`` into a ``w:pPr``."""
    if style.keep_next:
        set_child(ppr, "keepNext", PPR_ORDER)
    if style.keep_lines:
        set_child(ppr, "keepLines", PPR_ORDER)
    if style.page_break_before:
        set_child(ppr, "pageBreakBefore", PPR_ORDER)
    if style.widow_control is not None:
        set_child(ppr, "widowControl", PPR_ORDER, val="1" if style.widow_control else "0")
    if style.borders:
        pbdr = set_child(ppr, "pBdr", PPR_ORDER)
        for side, border in style.borders.items():
            set_child(
                pbdr,
                side,
                PBDR_ORDER,
                val=border.kind,
                sz=str(round(border.width_pt * 8)),
                space=str(round(border.space_pt)),
                color=border.color,
            )
    for kind, position in (("center", style.center_tab_tw), ("right", style.right_tab_tw)):
        if position is not None:
            tabs = set_child(ppr, "tabs", PPR_ORDER)
            tab = OxmlElement("w:tab")
            tab.set(qn("w:val"), kind)
            tab.set(qn("w:pos"), str(position))
            tabs.append(tab)
    if style.overflow_punct is not None:
        set_child(ppr, "overflowPunct", PPR_ORDER, val="1" if style.overflow_punct else "0")
    if style.snap_to_grid is not None:
        set_child(ppr, "snapToGrid", PPR_ORDER, val="1" if style.snap_to_grid else "0")
    if style.line_tw is not None:
        set_child(ppr, "spacing", PPR_ORDER, before="0", after="0", line=str(style.line_tw), lineRule="exact")
    ind = {}
    if style.first_line_tw is not None:
        ind["firstLine"] = str(style.first_line_tw)
    if style.hanging_tw is not None:
        ind["hanging"] = str(style.hanging_tw)
    if style.left_tw is not None:
        ind["left"] = str(style.left_tw)
    if style.right_tw is not None:
        ind["right"] = str(style.right_tw)
    if ind:
        set_child(ppr, "ind", PPR_ORDER, **ind)
    if style.align:
        set_child(ppr, "jc", PPR_ORDER, val=style.align)
    if style.outline_level is not None:
        set_child(ppr, "outlineLvl", PPR_ORDER, val=str(style.outline_level))


# Styles every Word document has; the writer adds its own (styles.py) on top of them.
TEMPLATE_STYLES = ("normal", "default paragraph font", "normal table", "no list")


@lru_cache(maxsize=1)
def template_bytes() -> bytes:
    """python-docx's default template, trimmed once per process: its 160 styles (438 KB of styles.xml, parsed and
    written again for every document: a third of the writing time) cut to the four every document has; the
    thumbnail of an empty page (it would misrepresent every document) and the Word 2010 copy of the styles with
    theme fonts (Word falls back to styles.xml, which we write) left out."""
    document = new_docx()
    root = document.styles.element
    for style in list(root.iterchildren(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val"), "").lower() not in TEMPLATE_STYLES:
            root.remove(style)
    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        root.remove(latent)
    body = document.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    for rels, kind in ((document.part.package.rels, "/metadata/thumbnail"), (document.part.rels, "/stylesWithEffects")):
        for rel_id, rel in list(rels.items()):
            if rel.reltype.endswith(kind):
                del rels[rel_id]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class TemplateBuilder:
    """What every document written with one profile shares, built once with python-docx: styles, the page setup of
    the body's section, its footers, the font table, settings; ``freeze()`` makes it a ``Template``."""

    def __init__(self) -> None:
        self.docx: DocxDocument = new_docx(io.BytesIO(template_bytes()))
        self.body = self.docx.element.body
        self.section: Section = self.docx.sections[0]
        # Paragraphs go before the body's w:sectPr; finding it once keeps adding a paragraph O(1)
        # (body.find scans every paragraph: 80 000 paragraphs took 66 s).
        sect_pr = self.body.find(qn("w:sectPr"))
        if sect_pr is None:  # python-docx's template always has one
            raise ValueError("the DOCX template has no w:sectPr")
        self._sect_pr: etree._Element = sect_pr
        self._style_index: dict[str, etree._Element] | None = None
        self._shape_ids = 0

    # -- document-wide formatting ------------------------------------------------------------------------
    def set_defaults(self, run: RunStyle, para: ParaStyle, lang: str = "zh-CN") -> None:
        """Document defaults and the Normal style: the East Asian font set everywhere, theme fonts removed."""
        styles = self.docx.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
        apply_run_style(rpr, run)
        set_child(rpr, "lang", RPR_ORDER, val="en-US", eastAsia=lang, bidi="ar-SA")
        ppr_default = defaults.find(qn("w:pPrDefault"))
        if ppr_default is None:
            ppr_default = OxmlElement("w:pPrDefault")
            defaults.append(ppr_default)
        ppr = ppr_default.find(qn("w:pPr"))
        if ppr is None:
            ppr = OxmlElement("w:pPr")
            ppr_default.append(ppr)
        apply_para_style(ppr, para)
        normal = self.docx.styles["Normal"].element
        apply_para_style(normal.get_or_add_pPr(), para)
        normal_rpr = normal.get_or_add_rPr()
        apply_run_style(normal_rpr, run)
        set_child(normal_rpr, "lang", RPR_ORDER, val="en-US", eastAsia=lang, bidi="ar-SA")
        # No theme font may win over the names we set.
        for fonts in styles.iter(qn("w:rFonts")):
            drop_attributes(fonts, THEME_FONT_ATTRIBUTES)

    def add_paragraph_style(
        self, style_id: str, name: str, run: RunStyle, para: ParaStyle, custom: bool = True
    ) -> None:
        """A paragraph style based on Normal (its id is ``style_id``, shown in Word as ``name``). A style named
        like a built-in one (``custom=False``: "heading 1", "Title") replaces the template's style of that name,
        so applications that know headings by name find ours."""
        root = self.docx.styles.element
        old = self._styles_by_name().pop(name.lower(), None)
        if old is not None:
            root.remove(old)
        style = OxmlElement("w:style")
        style.set(qn("w:type"), "paragraph")
        if custom:
            style.set(qn("w:customStyle"), "1")
        style.set(qn("w:styleId"), style_id)
        for tag, val in (("name", name), ("basedOn", "Normal"), ("qFormat", None)):
            el = OxmlElement(f"w:{tag}")
            if val is not None:
                el.set(qn("w:val"), val)
            style.append(el)
        ppr = OxmlElement("w:pPr")
        style.append(ppr)
        apply_para_style(ppr, para)
        rpr = OxmlElement("w:rPr")
        style.append(rpr)
        apply_run_style(rpr, run)
        self.docx.styles.element.append(style)

    def _styles_by_name(self) -> dict[str, etree._Element]:
        """The template's styles by lower-case name, indexed once (a scan per added style was half the writing
        time: the template holds 160 styles)."""
        if self._style_index is None:
            self._style_index = {}
            for style in self.docx.styles.element.iterchildren(qn("w:style")):
                name = style.find(qn("w:name"))
                if name is not None:
                    self._style_index[name.get(qn("w:val"), "").lower()] = style
        return self._style_index

    def set_page(
        self,
        *,
        width_tw: int,
        height_tw: int,
        top_tw: int,
        bottom_tw: int,
        left_tw: int,
        right_tw: int,
        footer_tw: int,
        line_pitch_tw: int,
        landscape: bool = False,
    ) -> None:
        """Page size, margins, footer distance and a lines-only document grid."""
        sect = self.section._sectPr
        size = set_child(sect, "pgSz", SECTPR_ORDER, w=str(width_tw), h=str(height_tw))
        if landscape:
            size.set(qn("w:orient"), "landscape")
        pgmar = set_child(sect, "pgMar", SECTPR_ORDER)
        for key in list(pgmar.attrib):
            del pgmar.attrib[key]
        for attr, value in (
            ("top", top_tw),
            ("right", right_tw),
            ("bottom", bottom_tw),
            ("left", left_tw),
            ("header", 851),
            ("footer", footer_tw),
            ("gutter", 0),
        ):
            pgmar.set(qn(f"w:{attr}"), str(value))
        cols = sect.find(qn("w:cols"))
        if cols is not None:
            cols.attrib.clear()
            cols.set(qn("w:space"), "425")
        grid = set_child(sect, "docGrid", SECTPR_ORDER, type="lines", linePitch=str(line_pitch_tw))
        drop_attributes(grid, ("charSpace",))

    def register_east_asian_fonts(self, names: list[str]) -> None:
        """List the Chinese fonts in the font table (GB2312 charset), so that Word substitutes a Chinese font, not a
        Japanese one, where they are not installed."""
        part = next(p for p in self.docx.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
        root = etree.fromstring(part.blob)
        known = {f.get(qn("w:name")) for f in root.iterchildren(qn("w:font"))}
        for name in dict.fromkeys(names):
            if name in known:
                continue
            font = etree.SubElement(root, qn("w:font"))
            font.set(qn("w:name"), name)
            for tag, value in (
                ("charset", "86"),
                ("family", "modern" if "黑" in name else "roman"),
                ("pitch", "fixed"),
            ):
                etree.SubElement(font, qn(f"w:{tag}")).set(qn("w:val"), value)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    def set_core_properties(self, title: str, category: str) -> None:
        """Fixed timestamps and author so the same Document gives the same bytes (each document then sets its own
        title and category: ``Package.set_core_properties``)."""
        props = self.docx.core_properties
        props.title = fit_core_property(title)
        props.category = fit_core_property(category)
        props.author = "bulletin-format"
        props.last_modified_by = "bulletin-format"
        props.comments = ""
        props.created = FIXED_TIME
        props.modified = FIXED_TIME
        props.last_printed = FIXED_TIME
        props.revision = 1

    # -- footers -----------------------------------------------------------------------------------------
    def set_page_number_footers(
        self, odd: tuple[str, ParaStyle], even: tuple[str, ParaStyle], prefix: str, suffix: str
    ) -> None:
        """Odd (default) and even footers "prefix PAGE suffix", and w:evenAndOddHeaders in settings."""
        self.use_even_and_odd_footers()
        self.set_footers(
            None,
            {
                "default": [make_page_number_paragraph(*odd, prefix, suffix)],
                "even": [make_page_number_paragraph(*even, prefix, suffix)],
            },
        )

    def use_even_and_odd_footers(self) -> None:
        """``w:evenAndOddHeaders`` in settings: odd pages take the default footer, even pages the even one."""
        self.docx.settings.odd_and_even_pages_header_footer = True

    def set_footers(self, sect_pr: etree._Element | None, footers: dict[str, list[etree._Element]]) -> None:
        """The footers of the section whose ``w:sectPr`` is ``sect_pr`` (None: the last section), each a new part:
        kind ("default", "even", "first") → its paragraphs. A "first" footer also sets ``w:titlePg`` (the first page
        of the section has a footer of its own). References the section had (copied from another section) are
        replaced."""
        section = self.section if sect_pr is None else Section(cast("CT_SectPr", sect_pr), self.docx.part)
        element = section._sectPr
        kinds = {"default": "default", "even": "even", "first": "first"}
        for ref in list(element.iterchildren(qn("w:footerReference"))):
            if ref.get(qn("w:type")) in {kinds[k] for k in footers}:
                element.remove(ref)
        if "first" in footers:
            section.different_first_page_header_footer = True
        targets = {"default": section.footer, "even": section.even_page_footer, "first": section.first_page_footer}
        for kind, paragraphs in footers.items():
            footer = targets[kind]
            footer.is_linked_to_previous = False
            container = footer._element
            for child in list(container):
                container.remove(child)
            for paragraph in paragraphs:
                container.append(paragraph)

    def next_shape_id(self) -> int:
        """A number for a drawn shape, unique in the package."""
        self._shape_ids += 1
        return self._shape_ids

    @property
    def sect_pr(self) -> etree._Element:
        return self._sect_pr

    def freeze(self) -> Template:
        """The parts as they will be written for every document, serialised and compressed once."""
        package = self.docx.part.package
        document_part = self.docx.part
        order: list[str | Member] = []
        visited: set[int] = set()
        content_types: list[tuple[str, str]] = []
        dynamic = {str(document_part.partname), CORE_PARTNAME}

        def walk(source: Any) -> None:
            for rel in source.rels.values():
                if rel.is_external or id(rel.target_part) in visited:
                    continue
                part = rel.target_part
                visited.add(id(part))
                content_types.append((str(part.partname), part.content_type))
                part.before_marshal()
                name = part.partname.membername
                order.append(name if str(part.partname) in dynamic else compress(name, part.blob))
                if len(part.rels):
                    rels_name = part.partname.rels_uri.membername
                    order.append(DOCUMENT_RELS if part is document_part else compress(rels_name, part.rels.xml))
                walk(part)
                if part is document_part:
                    order.append(NEW_FOOTERS)  # parts related later from the document come after its own

        walk(package)
        core = next((p for p in package.iter_parts() if str(p.partname) == CORE_PARTNAME), None)
        if core is None or DOCUMENT_RELS not in order:  # python-docx's template has both
            raise ValueError("the DOCX template has no core properties or no document relationships")
        rels = [(rel.rId, rel.reltype, rel.target_ref, rel.is_external) for rel in document_part.rels.values()]
        return Template(
            document=self.docx.element,
            core=core.element,
            # python-docx (typed, py.typed) leaves this internal helper unannotated
            footer=parse_xml(FooterPart._default_footer_xml()),  # type: ignore[no-untyped-call]
            members=order,
            content_types=content_types,
            document_rels=rels,
            package_rels=compress("_rels/.rels", package.rels.xml),
            document_rels_member=compress(document_part.partname.rels_uri.membername, document_part.rels.xml),
            content_types_member=compress(CONTENT_TYPES, content_types_xml(content_types)),
            shape_ids=self._shape_ids,
        )


CONTENT_TYPES = "[Content_Types].xml"
CORE_PARTNAME = "/docProps/core.xml"
DOCUMENT_PARTNAME = "/word/document.xml"
NEW_FOOTERS = "<footers added by the document>"
DOCUMENT_RELS = "<the document's relationships>"
FOOTER_TYPES = {
    "default": WD_HEADER_FOOTER.PRIMARY,
    "even": WD_HEADER_FOOTER.EVEN_PAGE,
    "first": WD_HEADER_FOOTER.FIRST_PAGE,
}
# Stands for a run of body paragraphs among the body's elements while the document is serialised (never written).
SLOT_TAG = "bfSlot"


@dataclass(frozen=True)
class _PartName:
    """What python-docx's content-types writer reads of a part."""

    partname: PackURI
    content_type: str


def content_types_xml(parts: list[tuple[str, str]]) -> bytes:
    """``[Content_Types].xml`` for parts (partname, content type), as python-docx writes it."""
    items = [_PartName(PackURI(name), content_type) for name, content_type in parts]
    # python-docx (typed, py.typed) leaves this internal helper unannotated
    blob: bytes = _ContentTypesItem.from_parts(items).blob  # type: ignore[no-untyped-call]
    return blob


@dataclass(frozen=True)
class Template:
    """A frozen ``TemplateBuilder``: the document's XML without body paragraphs, the core properties, an empty footer,
    and the ZIP members in order — compressed ones shared by every document, names for the members each document
    writes itself (the document, its relationships, the core properties, the content types, footers it adds)."""

    document: etree._Element
    core: etree._Element
    footer: etree._Element
    members: list[str | Member]
    content_types: list[tuple[str, str]]
    document_rels: list[tuple[str, str, str, bool]]
    package_rels: Member
    document_rels_member: Member
    content_types_member: Member
    shape_ids: int


class Package:
    """One DOCX being written from a ``Template``: body paragraphs (kept as their XML text until the end), tables and
    section breaks (lxml elements), footers the document adds, its title; ``to_bytes()`` at the end."""

    def __init__(self, template: Template) -> None:
        self.template = template
        self.root: etree._Element = copy.deepcopy(template.document)
        body = self.root.find(qn("w:body"))
        if body is None:
            raise ValueError("the DOCX template has no w:body")
        self.body: etree._Element = body
        sect_pr = body.find(qn("w:sectPr"))
        if sect_pr is None:  # python-docx's template always has one
            raise ValueError("the DOCX template has no w:sectPr")
        self._sect_pr: etree._Element = sect_pr
        # the body in order: a paragraph's XML (UTF-8: its markup is ASCII), a table written when the package is
        # (TableXml), or an element (a small table, a section break)
        self.items: list[bytes | TableXml | etree._Element] = []
        self.paragraph_count = 0
        self._shape_ids = template.shape_ids
        self._title = ""
        self._category = ""
        self._footers: list[tuple[str, etree._Element]] = []
        self._rels = list(template.document_rels)

    @property
    def sect_pr(self) -> etree._Element:
        return self._sect_pr

    def set_core_properties(self, title: str, category: str) -> None:
        """The document's title and category (the template fixed the rest: timestamps, author)."""
        self._title = fit_core_property(title)
        self._category = fit_core_property(category)

    # -- body --------------------------------------------------------------------------------------------
    def add_paragraph(
        self,
        style_id: str,
        runs: list[tuple[str, RunStyle | None]] | None = None,
        para: ParaStyle | None = None,
    ) -> int:
        """A body paragraph in style ``style_id`` with ``runs`` (text, direct formatting); tabs become w:tab. Returns
        its handle (for ``drop_keep_next``)."""
        self.items.append(paragraph_xml(style_id, runs, para).encode("utf-8"))
        self.paragraph_count += 1
        return len(self.items) - 1

    def add_element(self, element: etree._Element) -> etree._Element:
        """A table or section-break paragraph made by ``make_table``/``make_section_break``, at the body's end (in the
        document's tree at once: taking a large table out of a tree again costs lxml the square of its size)."""
        self._sect_pr.addprevious(element)
        self.items.append(element)
        return element

    def add_table(self, table: TableXml) -> None:
        """A table whose XML is made as the package is written (``TableXml``), at the body's end."""
        self.items.append(table)

    def drop_keep_next(self, handle: int) -> None:
        """Take ``w:keepNext`` off a paragraph written earlier."""
        item = self.items[handle]
        if isinstance(item, bytes):  # only its pPr can hold the tag: text has its "<" escaped
            self.items[handle] = item.replace(KEEP_NEXT_XML, b"")

    # -- footers -----------------------------------------------------------------------------------------
    def set_footers(self, sect_pr: etree._Element | None, footers: dict[str, list[etree._Element]]) -> None:
        """The footers of the section whose ``w:sectPr`` is ``sect_pr`` (None: the last section), each a new part:
        kind ("default", "even", "first") → its paragraphs. A "first" footer also sets ``w:titlePg`` (the first page
        of the section has a footer of its own). References the section had (copied from another section) are
        replaced. (As python-docx's ``Section`` footers do it: part names and relationship ids are the first free
        ones.)"""
        element = cast("CT_SectPr", self._sect_pr if sect_pr is None else sect_pr)
        for ref in list(element.iterchildren(qn("w:footerReference"))):
            if ref.get(qn("w:type")) in footers:
                element.remove(ref)
        if "first" in footers:
            element.titlePg_val = True
        for kind, paragraphs in footers.items():
            rel_id = self._add_footer(paragraphs)
            element.add_footerReference(FOOTER_TYPES[kind], rel_id)

    def _add_footer(self, paragraphs: list[etree._Element]) -> str:
        names = {name for name, _ in self.template.content_types} | {name for name, _ in self._footers}
        n = 1
        while f"/word/footer{n}.xml" in names:
            n += 1
        partname = f"/word/footer{n}.xml"
        ids = {rel[0] for rel in self._rels}
        m = 1
        while f"rId{m}" in ids:
            m += 1
        rel_id = f"rId{m}"
        footer = copy.deepcopy(self.template.footer)
        for child in list(footer):
            footer.remove(child)
        for paragraph in paragraphs:
            footer.append(paragraph)
        self._footers.append((partname, footer))
        self._rels.append((rel_id, RT.FOOTER, PackURI(partname).relative_ref("/word"), False))
        return rel_id

    def drop_first_page_footer(self, sect_pr: etree._Element) -> None:
        """The section of ``sect_pr`` has no first-page footer of its own (``w:titlePg`` and the reference removed)."""
        for el in list(sect_pr.iterchildren(qn("w:titlePg"))):
            sect_pr.remove(el)
        for ref in list(sect_pr.iterchildren(qn("w:footerReference"), qn("w:headerReference"))):
            if ref.get(qn("w:type")) == "first":
                sect_pr.remove(ref)

    def next_shape_id(self) -> int:
        """A number for a drawn shape, unique in the package."""
        self._shape_ids += 1
        return self._shape_ids

    # -- writing -----------------------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        """The package as bytes: members in python-docx's order, fixed timestamps and attributes (the same Document
        gives the same bytes), written once; the parts every document shares were compressed once per process."""
        template = self.template
        footers = [
            compress(PackURI(name).membername, serialize_part_xml(element)) for name, element in self._footers
        ]
        if footers:
            parts = template.content_types + [(name, CT.WML_FOOTER) for name, _ in self._footers]
            content_types = compress(CONTENT_TYPES, content_types_xml(parts))
            rels = CT_Relationships.new()
            for rel_id, reltype, target, external in self._rels:
                rels.add_rel(rel_id, reltype, target, external)
            document_rels = compress(template.document_rels_member.name, rels.xml)
        else:
            content_types, document_rels = template.content_types_member, template.document_rels_member
        core = cast("CT_CoreProperties", copy.deepcopy(template.core))
        core.title_text = self._title
        core.category_text = self._category
        members: list[Member] = [content_types, template.package_rels]
        for member in template.members:
            if isinstance(member, Member):
                members.append(member)
            elif member == NEW_FOOTERS:
                members += footers
            elif member == CORE_PARTNAME[1:]:
                members.append(compress(member, serialize_part_xml(core)))
            elif member == DOCUMENT_PARTNAME[1:]:
                members.append(compress_pieces(member, self._document_pieces()))
            elif member == DOCUMENT_RELS:
                members.append(document_rels)
            else:
                raise ValueError(f"no member {member!r} in the template")
        return archive(members)

    def _document_pieces(self) -> Iterator[bytes]:
        """word/document.xml in pieces: the XML lxml writes for the document (whose body holds its tables and section
        breaks) with a slot before each of them and before its w:sectPr, cut at the slots, with the runs of
        paragraphs between them put in."""
        runs: list[list[bytes | TableXml]] = [[]]
        slots: list[etree._Element] = []
        for item in self.items:
            if isinstance(item, (bytes, TableXml)):
                runs[-1].append(item)
            else:
                slots.append(OxmlElement(f"w:{SLOT_TAG}"))
                item.addprevious(slots[-1])
                runs.append([])
        slots.append(OxmlElement(f"w:{SLOT_TAG}"))
        self._sect_pr.addprevious(slots[-1])
        try:
            xml = serialize_part_xml(self.root)
        finally:  # the body holds its elements and w:sectPr only again: to_bytes() may be called again
            for slot in slots:
                self.body.remove(slot)
        pieces = xml.split(f"<w:{SLOT_TAG}/>".encode())
        if len(pieces) != len(runs) + 1:
            raise ValueError("a body paragraph's XML holds the slot mark")
        for piece, run in zip(pieces, runs, strict=False):  # the last piece follows the last run
            yield piece
            paragraphs: list[bytes] = []
            for item in run:
                if isinstance(item, TableXml):
                    if paragraphs:
                        yield b"".join(paragraphs)
                        paragraphs = []
                    yield from item.pieces()
                    continue
                paragraphs.append(item)
                if len(paragraphs) == PARAGRAPHS_PER_PIECE:
                    yield b"".join(paragraphs)
                    paragraphs = []
            if paragraphs:
                yield b"".join(paragraphs)
        yield pieces[-1]


# Paragraphs encoded and compressed together (a few hundred KB of XML): the document is never whole in memory.
PARAGRAPHS_PER_PIECE = 512
KEEP_NEXT_XML = b"<w:keepNext/>"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_DECLARATION = f' xmlns:w="{W_NS}"'
# The XML of a pPr or rPr, by its formatting: a document uses a few dozen; a process keeps at most this many.
FRAGMENT_CACHE_MAX = 4096
_PPR_XML: dict[tuple[object, ...], str] = {}
_RPR_XML: dict[RunStyle, str] = {}


def _fragment(element: etree._Element) -> str:
    """An element's XML as it is written inside the document (without the declaration of the w: namespace, which the
    document's root carries)."""
    xml = etree.tostring(element, encoding="unicode").replace(_W_DECLARATION, "")
    if "xmlns" in xml:
        raise ValueError(f"unexpected namespace in {xml[:80]!r}")
    return xml


def _ppr_xml(style_id: str, para: ParaStyle | None) -> str:
    key = (style_id, para.key() if para is not None else None)
    xml = _PPR_XML.get(key)
    if xml is None:
        ppr = OxmlElement("w:pPr")
        set_child(ppr, "pStyle", PPR_ORDER, val=style_id)
        if para is not None:
            apply_para_style(ppr, para)
        xml = _fragment(ppr)
        if len(_PPR_XML) >= FRAGMENT_CACHE_MAX:
            _PPR_XML.clear()
        _PPR_XML[key] = xml
    return xml


def _rpr_xml(style: RunStyle) -> str:
    xml = _RPR_XML.get(style)
    if xml is None:
        rpr = OxmlElement("w:rPr")
        apply_run_style(rpr, style)
        xml = _fragment(rpr)
        if len(_RPR_XML) >= FRAGMENT_CACHE_MAX:
            _RPR_XML.clear()
        _RPR_XML[style] = xml
    return xml


TABS_AND_BREAKS = re.compile(r"(\t|\n)")


def escape_text(text: str) -> str:
    """Text content as libxml2 writes it (these four characters are all it escapes in UTF-8 output)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def run_xml(text: str, style: RunStyle | None = None) -> str:
    """The XML of ``make_run(text, style)`` (a character XML cannot hold is refused, as lxml refuses it)."""
    if XML_ILLEGAL.search(text):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    out = ["<w:r>"]
    if style is not None:
        out.append(_rpr_xml(style))
    for i, piece in enumerate(TABS_AND_BREAKS.split(text)):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece == "\n":
            out.append("<w:br/>")
        elif piece or i == 0:
            out += ('<w:t xml:space="preserve">', escape_text(piece), "</w:t>")
    out.append("</w:r>")
    return "".join(out)


def paragraph_xml(
    style_id: str, runs: list[tuple[str, RunStyle | None]] | None = None, para: ParaStyle | None = None
) -> str:
    """The XML of ``make_paragraph(style_id, runs, para)`` as the document holds it."""
    return "".join(["<w:p>", _ppr_xml(style_id, para), *(run_xml(t, s) for t, s in runs or []), "</w:p>"])


def make_run(text: str, style: RunStyle | None = None) -> etree._Element:
    """A ``w:r`` holding ``text`` (tabs → w:tab, newlines → w:br), with optional direct formatting."""
    r = OxmlElement("w:r")
    if style is not None:
        rpr = OxmlElement("w:rPr")
        r.append(rpr)
        apply_run_style(rpr, style)
    for i, piece in enumerate(re.split(r"(\t|\n)", text)):
        if piece == "\t":
            r.append(OxmlElement("w:tab"))
        elif piece == "\n":
            r.append(OxmlElement("w:br"))
        elif piece or i == 0:
            t = OxmlElement("w:t")
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
    return r


def make_field_runs(instruction: str, cached: str) -> list[etree._Element]:
    """The runs of a complex field (begin, instruction, separate, cached result, end)."""
    runs = []
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = OxmlElement("w:r")
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            el.text = f" {instruction} "
        elif kind == "result":
            el = OxmlElement("w:t")
            el.text = cached
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        r.append(el)
        runs.append(r)
    return runs


def make_paragraph(
    style_id: str, runs: list[tuple[str, RunStyle | None]] | None = None, para: ParaStyle | None = None
) -> etree._Element:
    """A ``w:p`` in style ``style_id`` holding ``runs`` (text, direct formatting), with direct paragraph formatting."""
    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    p.append(ppr)
    set_child(ppr, "pStyle", PPR_ORDER, val=style_id)
    if para is not None:
        apply_para_style(ppr, para)
    for text, run_style in runs or []:
        p.append(make_run(text, run_style))
    return p


def make_page_number_paragraph(style_id: str, para: ParaStyle, prefix: str, suffix: str) -> etree._Element:
    """A paragraph "prefix PAGE suffix" (the PAGE field shows the number of the page it is printed on)."""
    p = make_paragraph(style_id, [(prefix, None)], para)
    for run in make_field_runs("PAGE", "1"):
        p.append(run)
    p.append(make_run(suffix))
    return p


VML = "urn:schemas-microsoft-com:vml"
VML_OFFICE = "urn:schemas-microsoft-com:office:office"


def make_floating_run(
    *,
    shape_id: int,
    x_tw: int,
    y_tw: int,
    width_tw: int,
    height_tw: int,
    fill: str | None = None,
    paragraphs: list[etree._Element] | None = None,
    vertical: bool = False,
) -> etree._Element:
    """A run holding a rectangle placed on the page, outside the text flow (VML, which Word, WPS and LibreOffice all
    place where it says; LibreOffice 7.4 put the text of a DrawingML text box in a footer at the page's corner):
    filled with colour ``fill`` (a drawn rule), or a text box holding ``paragraphs``, their lines turned 90°
    clockwise when ``vertical``. Position and size in twips from the page's top left corner."""

    def pt(tw: int) -> str:
        return f"{tw / 20:g}pt"

    flow = ";layout-flow:vertical" if vertical else ""
    r = OxmlElement("w:r")
    pict = etree.SubElement(r, qn("w:pict"), nsmap={"v": VML, "o": VML_OFFICE})
    rect = etree.SubElement(pict, f"{{{VML}}}rect")
    rect.set("id", f"bfShape{shape_id}")
    rect.set(
        "style",
        f"position:absolute;margin-left:{pt(x_tw)};margin-top:{pt(y_tw)};width:{pt(width_tw)};height:{pt(height_tw)};"
        f"z-index:{shape_id};mso-position-horizontal-relative:page;mso-position-vertical-relative:page{flow}",
    )
    rect.set("stroked", "f")
    if fill:
        rect.set("fillcolor", f"#{fill}")
        rect.set("filled", "t")
    else:
        rect.set("filled", "f")
    if paragraphs:
        box = etree.SubElement(rect, f"{{{VML}}}textbox")
        box.set("inset", "0,0,0,0")
        if vertical:
            box.set("style", "layout-flow:vertical")
        content = etree.SubElement(box, qn("w:txbxContent"))
        for paragraph in paragraphs:
            content.append(paragraph)
    return r


# -- tables ------------------------------------------------------------------------------------------------
TBLPR_ORDER = (
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing tblInd "
    "tblBorders shd tblLayout tblCellMar tblLook"
).split()
TCPR_ORDER = (
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark".split()
)
TRPR_ORDER = (
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden".split()
)
TABLE_BORDERS = ("top", "left", "bottom", "right", "insideH", "insideV")


@dataclass
class Cell:
    """One table cell where it starts: its paragraphs (style id, runs, direct formatting) and how far it spans.
    ``merged_below`` marks the continuation of a cell spanning rows (``w:vMerge``)."""

    paragraphs: list[tuple[str, list[tuple[str, RunStyle | None]], ParaStyle]]
    colspan: int = 1
    vmerge: str | None = None  # "restart" on the first row of a rowspan, "continue" below it
    valign: str | None = None  # top | center | bottom


def make_table(
    rows: list[list[Cell]],
    column_widths_tw: list[int],
    *,
    border_pt: float | None = 0.5,
    header_rows: int = 0,
    align: str = "center",
    cell_margin_tw: int = 80,
) -> etree._Element:
    """A ``w:tbl`` with fixed column widths; ``border_pt`` None draws no borders; the first ``header_rows`` rows are
    repeated at the top of every page (``w:tblHeader``); no row splits across pages (``w:cantSplit``)."""
    tbl = OxmlElement("w:tbl")
    tblpr = OxmlElement("w:tblPr")
    tbl.append(tblpr)
    set_child(tblpr, "tblW", TBLPR_ORDER, w=str(sum(column_widths_tw)), type="dxa")
    set_child(tblpr, "jc", TBLPR_ORDER, val=align)
    borders = set_child(tblpr, "tblBorders", TBLPR_ORDER)
    for side in TABLE_BORDERS:
        el = OxmlElement(f"w:{side}")
        if border_pt:
            el.set(qn("w:val"), "single")
            el.set(qn("w:sz"), str(round(border_pt * 8)))
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        else:
            el.set(qn("w:val"), "nil")
        borders.append(el)
    set_child(tblpr, "tblLayout", TBLPR_ORDER, type="fixed")
    margins = set_child(tblpr, "tblCellMar", TBLPR_ORDER)
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(cell_margin_tw))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    grid = OxmlElement("w:tblGrid")
    for width in column_widths_tw:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(width))
        grid.append(col)
    tbl.append(grid)
    for r, row in enumerate(rows):
        tr = OxmlElement("w:tr")
        trpr = OxmlElement("w:trPr")
        tr.append(trpr)
        set_child(trpr, "cantSplit", TRPR_ORDER)
        if r < header_rows:
            set_child(trpr, "tblHeader", TRPR_ORDER)
        column = 0
        for cell in row:
            tc = OxmlElement("w:tc")
            tcpr = OxmlElement("w:tcPr")
            tc.append(tcpr)
            width = sum(column_widths_tw[column : column + cell.colspan])
            column += cell.colspan
            set_child(tcpr, "tcW", TCPR_ORDER, w=str(width), type="dxa")
            if cell.colspan > 1:
                set_child(tcpr, "gridSpan", TCPR_ORDER, val=str(cell.colspan))
            if cell.vmerge == "restart":
                set_child(tcpr, "vMerge", TCPR_ORDER, val="restart")
            elif cell.vmerge == "continue":
                set_child(tcpr, "vMerge", TCPR_ORDER)
            if cell.valign:
                set_child(tcpr, "vAlign", TCPR_ORDER, val=cell.valign)
            for style_id, runs, para in cell.paragraphs or [("bfBlank", [], ParaStyle())]:
                p = OxmlElement("w:p")
                ppr = OxmlElement("w:pPr")
                p.append(ppr)
                set_child(ppr, "pStyle", PPR_ORDER, val=style_id)
                apply_para_style(ppr, para)
                for text, run_style in runs:
                    p.append(make_run(text, run_style))
                tc.append(p)
            tr.append(tc)
        tbl.append(tr)
    return tbl


class TableXml:
    """A table written as the package is: ``rows()`` makes its rows of cells again each time it is called (a
    generator over the Document's rows), and their XML is made a few rows at a time — exactly what lxml writes for
    ``make_table`` of the same rows. A table of 50,000 rows was a tree of some 5 million lxml elements (250 times
    the size of its text), then its XML whole, then that XML cut at the slots; now a few rows' XML is alive at
    once."""

    def __init__(
        self,
        rows: Callable[[], Iterable[list[Cell]]],
        column_widths_tw: list[int],
        *,
        border_pt: float | None = 0.5,
        header_rows: int = 0,
        align: str = "center",
        cell_margin_tw: int = 80,
    ) -> None:
        self.rows = rows
        self.widths = column_widths_tw
        self.header_rows = header_rows
        # the table's start (w:tblPr, w:tblGrid) as make_table writes it: that of a table without rows
        empty = _fragment(make_table(
            [], column_widths_tw, border_pt=border_pt, align=align, cell_margin_tw=cell_margin_tw
        ))
        if not empty.endswith("</w:tbl>"):
            raise ValueError(f"unexpected table XML {empty[-40:]!r}")
        self.start = empty[: -len("</w:tbl>")]

    def pieces(self) -> Iterator[bytes]:
        """The table's XML in UTF-8, TABLE_ROWS_PER_PIECE rows at a time."""
        out = [self.start]
        for r, row in enumerate(self.rows()):
            out.append(table_row_xml(row, self.widths, header=r < self.header_rows))
            if (r + 1) % TABLE_ROWS_PER_PIECE == 0:
                yield "".join(out).encode("utf-8")
                out = []
        out.append("</w:tbl>")
        yield "".join(out).encode("utf-8")


# Rows of a TableXml encoded and compressed together (some 100 KB of XML).
TABLE_ROWS_PER_PIECE = 256
_TRPR_XML: dict[bool, str] = {}
_TCPR_XML: dict[tuple[int, int, str | None, str | None], str] = {}


def table_row_xml(row: list[Cell], column_widths_tw: list[int], *, header: bool) -> str:
    """The XML of a ``w:tr`` of ``make_table``: a header row is repeated on each page; no row splits."""
    trpr = _TRPR_XML.get(header)
    if trpr is None:
        el = OxmlElement("w:trPr")
        set_child(el, "cantSplit", TRPR_ORDER)
        if header:
            set_child(el, "tblHeader", TRPR_ORDER)
        trpr = _TRPR_XML[header] = _fragment(el)
    out = ["<w:tr>", trpr]
    column = 0
    for cell in row:
        width = sum(column_widths_tw[column : column + cell.colspan])
        column += cell.colspan
        out += ("<w:tc>", _tcpr_xml(width, cell.colspan, cell.vmerge, cell.valign))
        for style_id, runs, para in cell.paragraphs or [("bfBlank", [], ParaStyle())]:
            out.append(paragraph_xml(style_id, runs, para))
        out.append("</w:tc>")
    out.append("</w:tr>")
    return "".join(out)


def _tcpr_xml(width: int, colspan: int, vmerge: str | None, valign: str | None) -> str:
    key = (width, colspan, vmerge, valign)
    xml = _TCPR_XML.get(key)
    if xml is None:
        tcpr = OxmlElement("w:tcPr")
        set_child(tcpr, "tcW", TCPR_ORDER, w=str(width), type="dxa")
        if colspan > 1:
            set_child(tcpr, "gridSpan", TCPR_ORDER, val=str(colspan))
        if vmerge == "restart":
            set_child(tcpr, "vMerge", TCPR_ORDER, val="restart")
        elif vmerge == "continue":
            set_child(tcpr, "vMerge", TCPR_ORDER)
        if valign:
            set_child(tcpr, "vAlign", TCPR_ORDER, val=valign)
        xml = _fragment(tcpr)
        if len(_TCPR_XML) >= FRAGMENT_CACHE_MAX:
            _TCPR_XML.clear()
        _TCPR_XML[key] = xml
    return xml


def make_section_break(
    *,
    width_tw: int,
    height_tw: int,
    margins_tw: tuple[int, int, int, int],
    footer_tw: int,
    line_pitch_tw: int,
    landscape: bool,
    template: etree._Element,
) -> etree._Element:
    """A paragraph that ends a section (its ``w:sectPr`` copied from ``template`` — footers and grid — with the page
    size and orientation given): the pages before it take that layout."""
    import copy

    p = OxmlElement("w:p")
    ppr = OxmlElement("w:pPr")
    p.append(ppr)
    sect = copy.deepcopy(template)
    pgsz = set_child(sect, "pgSz", SECTPR_ORDER, w=str(width_tw), h=str(height_tw))
    if landscape:
        pgsz.set(qn("w:orient"), "landscape")
    else:
        drop_attributes(pgsz, ("orient",))
    top, right, bottom, left = margins_tw
    pgmar = set_child(sect, "pgMar", SECTPR_ORDER)
    for attr, value in (("top", top), ("right", right), ("bottom", bottom), ("left", left), ("footer", footer_tw)):
        pgmar.set(qn(f"w:{attr}"), str(value))
    set_child(sect, "docGrid", SECTPR_ORDER, type="lines", linePitch=str(line_pitch_tw))
    set_child(sect, "type", SECTPR_ORDER, val="nextPage")
    ppr.append(sect)
    return p

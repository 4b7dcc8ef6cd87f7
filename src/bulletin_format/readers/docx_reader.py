"""DOCX reader: a Word document → numbered lines with hints, page chrome and notes recorded.

Read safely: the ZIP is bounded (member count, expanded size, compression ratio) before anything is
opened; the package's parts are found and checked as python-docx finds and checks them (``_open``);
XML is parsed without entities or network (python-docx's parser settings); external relationships
(linked images, hyperlinks) are never fetched.

Read in proportion: the document part is parsed as a stream, each block of the body read when the
parser finishes it and then let go (``_stream_body``), so memory holds the lines read, not the
document's XML; each set of hints is one object shared by the lines that have it.

What becomes what:

* body paragraphs, in reading order, one ``Line`` per printed line (a manual line break starts a
  new one); Word's automatic numbering is materialised as the label Word prints (``一、``, ``（一）``,
  ``1.``, a bullet as ``●``); a tab prints as a wide gap; hidden text and tracked deletions are not
  printed and go to ``removed``;
* text boxes and frames (where 版头 lines often live): their paragraphs, before the paragraph they
  are anchored to;
* tables: one table line each (``lines.table_line``), merged cells listed once where they start;
  a table of one row or one column is a layout table, and its cells are read as paragraphs;
* headers and footers: chrome, never body — in ``removed`` (``page_header``, ``page_footer``);
* footnotes, endnotes and comments: in ``removed`` (``footnote``, ``endnote``, ``comment``) at the
  line that refers to them, and counted in a warning; images, shapes, charts and embedded objects:
  in ``removed`` (``image``, ``shape``, ``chart``, ``embedded_object``) and a warning.

Each line carries hints from its formatting: ``style:<id>``, ``align:center|right``, ``heading:N``
(a heading style), ``bold``, ``red``, ``size:<pt>``, ``indent:first``, ``numbered``, ``textbox``,
``cell``; ``title``/``subtitle`` for the Title and Subtitle styles; ``kicker``, ``byline`` and ``signature``
for the writer's 引题, byline and 落款 styles. Paragraph styles of this
project's DOCX writer (``bf…``) say what each paragraph is (see ``shape_written``), so a DOCX it wrote
reads back as the same Document.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Final

from docx.oxml.parser import parse_xml
from lxml import etree

from ..errors import DamagedInputError, EncryptedInputError, InputTooLargeError
from ..lines import Line, PassState, is_blank, table_line
from ..model import Removed, TableCell
from ..normalize.dates import find_dates
from ..patterns import BULLETS, ORGAN_END, is_prose
from ..segment.official import MAX_WRAPPED_ORGAN_LINES
from .docx_numbering import Numbering, join_label

FORMAT: Final = "docx"
SUFFIXES = (".docx", ".docm", ".dotx", ".dotm")
ZIP_MAGIC = b"PK\x03\x04"
MAIN_PART = "word/document.xml"

# Bounds on the ZIP, checked before anything is decompressed. A Word document of a few hundred pages
# is a few MB of XML; the bounds leave two orders of magnitude of room.
MAX_MEMBERS = 10_000  # parts in the package (a document with a thousand images has ~2,000)
MAX_EXPANDED_BYTES = 512 * 1024 * 1024  # everything decompressed together
MAX_RATIO = 200  # expanded / compressed, per member: XML compresses 5–30×, zip bombs 1,000× and more
RATIO_FLOOR_BYTES = 1024 * 1024  # members smaller than this may compress as well as they like
CHECK_SLICE = 64 * 1024  # bytes decompressed at a time to test the checksums (a few deflate blocks)

DAMAGED_HINT = "the file is truncated or corrupt: open it in Word or WPS and save it again"
TAB_GAP = "    "  # a tab prints as a gap: four spaces, what a wide gap is in the text readers
RED_MIN, RED_OTHER_MAX = 0xB0, 0x60  # a run colour is red when R ≥ this and G, B ≤ that
MARK_MIN_PT = 22.0  # a 发文机关标志 / 简报名称 is printed larger than 二号 (22 pt)
HEAD_LINES = 8  # the 版头 is within the first lines of the body
TAG_TABLE_MAX = 4096  # tags whose parts are remembered (a hostile file may invent any number)
JOINT_ORGANS = "\u3000"  # 联合行文 organs in header.issuer, as a one-line mark prints them (the writer splits here)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
V = "urn:schemas-microsoft-com:vml"


@cache
def _w(name: str) -> str:
    return f"{{{W}}}{name}"


# (namespace, local name) of each tag met: a document uses a few dozen tags, over and over
_TAG_PARTS: dict[str, tuple[str, str]] = {}


def _parts(el: etree._Element) -> tuple[str, str]:
    """(namespace, local name) of an element; ("", "") for a comment or processing instruction."""
    tag = el.tag
    if not isinstance(tag, str):
        return "", ""
    parts = _TAG_PARTS.get(tag)
    if parts is None:
        ns = tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
        parts = (ns, tag.rsplit("}", 1)[-1])
        if len(_TAG_PARTS) < TAG_TABLE_MAX:
            _TAG_PARTS[tag] = parts
    return parts


def _local(el: etree._Element) -> str:
    return _parts(el)[1]


def _ns(el: etree._Element) -> str:
    return _parts(el)[0]


def _val(el: etree._Element | None, name: str = "val") -> str | None:
    return None if el is None else el.get(_w(name))


def _on(el: etree._Element | None) -> bool | None:
    """A toggle property (w:b, w:vanish …): None when absent, else its value (absent val means on)."""
    if el is None:
        return None
    return _val(el) not in ("0", "false", "off")


# ---------------------------------------------------------------------------------------------
# The container: sniffing and bounds.


def is_docx(data: bytes, name: str = "<bytes>") -> bool:
    """A ZIP that holds ``word/document.xml`` (what Word, WPS and LibreOffice write). A ZIP that cannot
    be read at all is refused here as damaged (a corrupt or truncated DOCX, most likely)."""
    if not data.startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return MAIN_PART in archive.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise DamagedInputError(
            f"this ZIP archive (a DOCX?) cannot be read ({error})", source=name, hint=DAMAGED_HINT
        ) from error


def describe_zip(data: bytes) -> str:
    """What a ZIP that is not a DOCX seems to be, for the refusal message."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        mimetype = archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
    if any(n.startswith("xl/") for n in names):
        return "an Excel workbook (XLSX)"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint presentation (PPTX)"
    if "opendocument.text" in mimetype:
        return "an OpenDocument text (ODT)"
    if "opendocument" in mimetype:
        return "an OpenDocument file"
    if "epub" in mimetype:
        return "an EPUB book"
    return "a ZIP archive"


def _failing_member(archive: zipfile.ZipFile) -> str | None:
    """The first member whose data fails its checksum (or cannot be decompressed), None when all pass: what
    ``ZipFile.testzip`` tells, read in slices of CHECK_SLICE bytes (testzip decompresses 1 MB at a time, and its
    reads join pieces of it: 2–3 MB held at once, 15× a small DOCX)."""
    for info in archive.infolist():
        try:
            with archive.open(info.filename) as member:
                while member.read(CHECK_SLICE):
                    pass
        except zipfile.BadZipFile:
            return info.filename
    return None


def check_archive(data: bytes, name: str) -> None:
    """Refuse a ZIP that is corrupt, encrypted, or expands beyond the bounds (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            bad = _failing_member(archive) if len(data) <= RATIO_FLOOR_BYTES * 8 else None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as error:
        raise DamagedInputError(
            f"this DOCX is not a readable ZIP archive ({error})", source=name,
            hint=DAMAGED_HINT,
        ) from error
    if bad is not None:
        raise DamagedInputError(
            f"this DOCX is damaged: the ZIP member {bad!r} fails its checksum", source=name,
            hint="open it in Word or WPS and save it again",
        )
    if len(members) > MAX_MEMBERS:
        raise InputTooLargeError(
            f"this DOCX holds {len(members)} parts, over the limit of {MAX_MEMBERS}", source=name,
            hint="it is not an ordinary Word document",
        )
    if any(m.flag_bits & 0x1 for m in members):
        raise EncryptedInputError(
            "this DOCX's ZIP members are encrypted", source=name, hint="save it again without a password"
        )
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_EXPANDED_BYTES:
        raise InputTooLargeError(
            f"this DOCX expands to {expanded} bytes, over the limit of {MAX_EXPANDED_BYTES} (a zip bomb?)",
            source=name, hint="it is not an ordinary Word document",
        )
    for m in members:
        if m.file_size >= RATIO_FLOOR_BYTES and m.file_size > MAX_RATIO * max(1, m.compress_size):
            raise InputTooLargeError(
                f"the DOCX member {m.filename!r} expands {m.file_size // max(1, m.compress_size)}× "
                f"(to {m.file_size} bytes), over the limit of {MAX_RATIO}× (a zip bomb?)",
                source=name, hint="it is not an ordinary Word document",
            )


# ---------------------------------------------------------------------------------------------
# Styles: the few properties the reader needs, resolved along the basedOn chain.


@dataclass
class StyleFacts:
    """Resolved properties of a paragraph or character style."""

    name: str = ""
    align: str | None = None
    outline: int | None = None  # 0-based outline level of a heading style
    num_id: str | None = None
    ilvl: int | None = None
    first_indent: bool | None = None
    bold: bool | None = None
    vanish: bool | None = None
    size_pt: float | None = None
    color: str | None = None

    def copy(self) -> StyleFacts:
        """A copy to change (faster than building one from keywords, once per paragraph and run)."""
        facts = StyleFacts.__new__(StyleFacts)
        facts.__dict__.update(self.__dict__)
        return facts


def _para_facts(ppr: etree._Element | None, facts: StyleFacts) -> None:
    if ppr is None:
        return
    jc = _val(ppr.find(_w("jc")))
    if jc:
        facts.align = jc
    outline = _val(ppr.find(_w("outlineLvl")))
    if outline is not None and outline.isdigit():
        facts.outline = int(outline)
    numpr = ppr.find(_w("numPr"))
    if numpr is not None:
        num_id = _val(numpr.find(_w("numId")))
        ilvl = _val(numpr.find(_w("ilvl")))
        if num_id is not None:
            facts.num_id = num_id
        if ilvl is not None and ilvl.isdigit():
            facts.ilvl = int(ilvl)
    ind = ppr.find(_w("ind"))
    if ind is not None:
        first = ind.get(_w("firstLine")) or ind.get(_w("firstLineChars"))
        if first is not None:
            facts.first_indent = first.lstrip("-").isdigit() and int(first) > 0
        elif ind.get(_w("hanging")) is not None:
            facts.first_indent = False


def _run_facts(rpr: etree._Element | None, facts: StyleFacts) -> None:
    if rpr is None:
        return
    for attr, tag in (("bold", "b"), ("vanish", "vanish")):
        value = _on(rpr.find(_w(tag)))
        if value is not None:
            setattr(facts, attr, value)
    size = _val(rpr.find(_w("sz")))
    if size is not None and size.isdigit():
        facts.size_pt = int(size) / 2
    color = _val(rpr.find(_w("color")))
    if color:
        facts.color = color


class StyleSheet:
    """styles.xml: each style's properties with those of the styles it is based on."""

    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, etree._Element] = {}
        self._cache: dict[str, StyleFacts] = {}
        self.default = StyleFacts()
        self.default_paragraph: str | None = None
        if root is None:
            return
        defaults = root.find(_w("docDefaults"))
        if defaults is not None:
            _para_facts(defaults.find(f"{_w('pPrDefault')}/{_w('pPr')}"), self.default)
            _run_facts(defaults.find(f"{_w('rPrDefault')}/{_w('rPr')}"), self.default)
        for style in root.iter(_w("style")):
            sid = style.get(_w("styleId"))
            if sid:
                self._raw[sid] = style
                if style.get(_w("type")) == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                    self.default_paragraph = sid

    def facts(self, style_id: str | None, _depth: int = 0) -> StyleFacts:
        """The resolved properties of ``style_id`` (document defaults underneath)."""
        if not style_id or style_id not in self._raw or _depth > 20:
            return self.default
        if style_id in self._cache:
            return self._cache[style_id]
        style = self._raw[style_id]
        base = self.facts(_val(style.find(_w("basedOn"))), _depth + 1)
        facts = StyleFacts(**{**base.__dict__, "name": _val(style.find(_w("name"))) or style_id})
        if style.find(f"{_w('pPr')}/{_w('numPr')}") is not None:
            facts.ilvl = None  # a style's own numbering: its level comes from its own numPr or the definition
        _para_facts(style.find(_w("pPr")), facts)
        _run_facts(style.find(_w("rPr")), facts)
        self._cache[style_id] = facts
        return facts

    def has_borders(self, tbl: etree._Element) -> bool:
        """Whether a table prints any border: its own, its table style's (and the styles it is based on),
        or a cell's."""
        sources: list[etree._Element | None] = [tbl.find(f"{_w('tblPr')}/{_w('tblBorders')}")]
        style_id = _val(tbl.find(f"{_w('tblPr')}/{_w('tblStyle')}"))
        for _ in range(20):
            style = self._raw.get(style_id or "")
            if style is None:
                break
            sources.append(style.find(f"{_w('tblPr')}/{_w('tblBorders')}"))
            style_id = _val(style.find(_w("basedOn")))
        sources += list(tbl.iter(_w("tcBorders")))
        return any(
            _val(side) not in (None, "nil", "none") for borders in sources if borders is not None for side in borders
        )

    def own_rpr(self, style_id: str) -> etree._Element | None:
        """The run properties a (character) style sets itself."""
        raw = self._raw.get(style_id)
        return raw.find(_w("rPr")) if raw is not None else None


_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def _style_hints(style_id: str | None, facts: StyleFacts) -> frozenset[str]:
    return _style_hints_of(style_id, facts.name, facts.outline)


@lru_cache(maxsize=512)
def _style_hints_of(style_id: str | None, style_name: str, outline: int | None) -> frozenset[str]:
    """The hints a paragraph's style gives (asked once per paragraph: a document uses a few styles)."""
    hints: set[str] = set()
    if style_id:
        hints.add(f"style:{style_id}")
    name = style_name.strip().lower()
    m = _HEADING_NAME.match(name)
    if m:
        hints.add(f"heading:{m.group(1)}")
    elif outline is not None and outline < 9:
        hints.add(f"heading:{outline + 1}")
    if name in ("title", "标题") or style_id == "bfTitle":
        hints.add("title")
    elif name in ("subtitle", "副标题") or style_id == "bfSubtitle":
        hints.add("subtitle")
    elif style_id in ("bfKicker", "bfByline"):  # the writer's 引题 and byline: segmentation takes them as such
        hints.add("kicker" if style_id == "bfKicker" else "byline")
    elif style_id == "bfSignature":  # the writer's 落款: a date alone there is a 成文日期, not a line of text
        hints.add("signature")
    return frozenset(hints)


def _is_red(color: str | None) -> bool:
    if not color or len(color) != 6:
        return False
    try:
        r, g, b = (int(color[i : i + 2], 16) for i in (0, 2, 4))
    except ValueError:
        return False
    return r >= RED_MIN and g <= RED_OTHER_MAX and b <= RED_OTHER_MAX


# ---------------------------------------------------------------------------------------------
# The walk.


@dataclass
class _Para:
    """What one paragraph printed: its lines (each as the texts of its runs, joined once at the end: adding
    each run to the line read so far copied the line again for every run) and the facts of its text runs."""

    parts: list[list[str]] = field(default_factory=lambda: [[]])
    bold: list[bool] = field(default_factory=list)
    red: list[bool] = field(default_factory=list)
    sizes: list[float] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts[-1].append(text)

    def newline(self) -> None:
        self.parts.append([])

    def lines(self) -> list[str]:
        """The printed lines (a line of one run is that run's text itself, not a copy)."""
        return ["".join(parts) for parts in self.parts]


@dataclass
class _Walk:
    """Walks a story (the body, a header, a footnote) and collects its lines and what it does not keep."""

    styles: StyleSheet
    numbering: Numbering
    lines: list[Line] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    notes: dict[tuple[str, str], int] = field(default_factory=dict)  # (kind, id) → line that refers to it
    number: int = 0
    blank: bool = False
    # each set of hints once per document (shared by the walks of its stories): thousands of lines, a few sets
    hint_sets: dict[frozenset[str], frozenset[str]] = field(default_factory=dict)

    # -- blocks ------------------------------------------------------------------------------------
    def blocks(self, container: etree._Element, hints: frozenset[str] = frozenset()) -> None:
        for child in container:
            self.block(child, hints)

    def block(self, child: etree._Element, hints: frozenset[str]) -> None:
        """One block: a paragraph, a table, or a container of blocks (content controls, tracked insertions)."""
        ns, tag = _parts(child)
        if ns == MC and tag == "AlternateContent":
            self.blocks(_chosen(child), hints)
        elif ns != W:
            return
        elif tag == "p":
            self.paragraph(child, hints)
        elif tag == "tbl":
            self.table(child, hints)
        elif tag in ("sdt", "customXml", "ins", "moveTo", "smartTag"):
            content = child.find(_w("sdtContent")) if tag == "sdt" else child
            if content is not None:
                if tag == "sdt" and _is_toc(child):
                    self.aside(content, "toc_field")
                else:
                    self.blocks(content, hints)
        elif tag in ("del", "moveFrom"):
            self.aside(child, "tracked_deletion")
        elif tag == "altChunk":
            self.record("嵌入文档", "embedded_chunk")

    def aside(self, container: etree._Element, reason: str) -> None:
        """Read ``container`` and put what it prints in ``removed`` under ``reason``."""
        walk = self.sub()
        walk.blocks(container)
        self.take_counts(walk)
        for ln in walk.lines:
            if ln.kept:
                self.removed.append(Removed(ln.text.strip(), reason, self.number or None))

    def sub(self) -> _Walk:
        return _Walk(self.styles, self.numbering, hint_sets=self.hint_sets)

    def take_counts(self, walk: _Walk) -> None:
        self.counts.update(walk.counts)
        self.removed.extend(walk.removed)

    def emit(self, text: str, hints: set[str] | frozenset[str]) -> None:
        if is_blank(text):
            self.blank = True
            return
        self.number += 1
        self.lines.append(Line(self.number, text, self.hint_set(hints), blank_before=self.blank))
        self.blank = False

    def hint_set(self, hints: set[str] | frozenset[str]) -> frozenset[str]:
        frozen = frozenset(hints)
        return self.hint_sets.setdefault(frozen, frozen)

    def record(self, text: str, reason: str) -> None:
        self.counts[reason] += 1
        self.removed.append(Removed(text, reason, self.number + 1))

    # -- paragraphs --------------------------------------------------------------------------------
    def paragraph(self, p: etree._Element, inherited: frozenset[str]) -> None:
        for box in _text_boxes(p):
            self.blocks(box, inherited | {"textbox"})
        ppr = p.find(_w("pPr"))
        style_id = _val(ppr.find(_w("pStyle"))) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        facts = self.styles.facts(style_id).copy()
        _para_facts(ppr, facts)
        para = _Para()
        self.inline(p, para, facts)
        label = self.label(style_id, facts)
        for text in para.hidden:
            if text.strip():
                self.record(text.strip(), "hidden_text")
        hints = set(inherited) | _style_hints(style_id, facts)
        if facts.align in ("center", "right", "end"):
            hints.add("align:center" if facts.align == "center" else "align:right")
        if facts.first_indent:
            hints.add("indent:first")
        if para.bold and all(para.bold):
            hints.add("bold")
        if para.red and all(para.red):
            hints.add("red")
        if para.sizes:
            hints.add(f"size:{max(para.sizes):g}")
        if label:
            hints.add("numbered")
        first = True
        lines = para.lines()
        for text in lines:
            if first and label and not is_blank(text):
                text = join_label(label, text)
            if not is_blank(text):
                first = False
            self.emit(text, hints)
        if all(is_blank(t) for t in lines):
            self.blank = True

    def label(self, style_id: str | None, facts: StyleFacts) -> str:
        """The automatic number (or bullet) Word prints before this paragraph, counted."""
        num_id = facts.num_id
        if not num_id or num_id == "0":
            return ""
        ilvl = facts.ilvl if facts.ilvl is not None else self.numbering.level_for_style(num_id, style_id or "")
        return self.numbering.label(num_id, ilvl)

    def inline(self, el: etree._Element, para: _Para, facts: StyleFacts) -> None:
        for child in el:
            ns, tag = _parts(child)
            if ns == MC and tag == "AlternateContent":
                self.inline(_chosen(child), para, facts)
            elif ns == M:
                para.add("".join(t.text or "" for t in child.iter(f"{{{M}}}t")))
            elif ns != W:
                continue
            elif tag == "r":
                self.run(child, para, facts)
            elif tag in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo"):
                self.inline(child, para, facts)
            elif tag == "sdt":
                content = child.find(_w("sdtContent"))
                if content is not None:
                    self.inline(content, para, facts)
            elif tag in ("del", "moveFrom"):
                deleted = "".join(t.text or "" for t in child.iter(_w("delText"), _w("t")))
                if deleted.strip():
                    self.record(deleted.strip(), "tracked_deletion")

    def run(self, r: etree._Element, para: _Para, para_facts: StyleFacts) -> None:
        rpr = r.find(_w("rPr"))
        facts = para_facts.copy()
        rstyle = _val(rpr.find(_w("rStyle"))) if rpr is not None else None
        if rstyle:
            _run_facts(self.styles.own_rpr(rstyle), facts)
        _run_facts(rpr, facts)
        text_parts: list[str] = []
        for child in r:
            ns, tag = _parts(child)
            if ns == MC and tag == "AlternateContent":
                self.objects(_chosen(child))
                continue
            if ns != W:
                continue
            if tag == "t":
                text_parts.append(child.text or "")
            elif tag in ("tab", "ptab"):
                text_parts.append(TAB_GAP)
            elif tag in ("br", "cr"):
                self._flush(text_parts, para, facts)
                text_parts = []
                para.newline()
            elif tag == "noBreakHyphen":
                text_parts.append("-")
            elif tag == "sym":
                text_parts.append(_symbol(child))
            elif tag in ("drawing", "pict", "object"):
                self.objects(child)
            elif tag in ("footnoteReference", "endnoteReference", "commentReference"):
                kind = tag.replace("Reference", "")
                note_id = _val(child, "id")
                if note_id is not None:
                    self.notes.setdefault((kind, note_id), self.number + 1)
        self._flush(text_parts, para, facts)

    @staticmethod
    def _flush(parts: list[str], para: _Para, facts: StyleFacts) -> None:
        text = "".join(parts)
        if not text:
            return
        if facts.vanish:
            para.hidden.append(text)
            return
        para.add(text)
        if not text.isspace():  # (text is not empty): what text.strip() tells, without the copy
            para.bold.append(bool(facts.bold))
            para.red.append(_is_red(facts.color))
            if facts.size_pt:
                para.sizes.append(facts.size_pt)

    def objects(self, el: etree._Element) -> None:
        """Record the images, shapes, charts and embedded objects under ``el`` (text boxes are read
        separately, with the paragraph)."""
        tag = _local(el)
        if tag == "object":
            self.record(_object_name(el), "embedded_object")
            return
        blips = [b for b in el.iter(f"{{{A}}}blip", f"{{{V}}}imagedata")]
        if blips:
            for blip in blips:
                self.record(_image_name(el, blip), "image")
            return
        if any(_local(x) == "chart" for x in el.iter()):
            self.record(_drawing_name(el) or "图表", "chart")
        elif any(_local(x) == "relIds" for x in el.iter()):
            self.record(_drawing_name(el) or "SmartArt", "diagram")
        elif not any(_local(x) == "txbxContent" for x in el.iter()):
            self.record(_drawing_name(el) or "图形", "shape")

    # -- tables ------------------------------------------------------------------------------------
    def table(self, tbl: etree._Element, inherited: frozenset[str]) -> None:
        grid = _table_grid(tbl)
        if grid.rows <= 1 or grid.columns <= 1 or not self.styles.has_borders(tbl):
            # a layout table (one row or column, or no borders: a 版头 or 落款 set in a table): its cells
            # are paragraphs
            for tc in grid.cells_in_order:
                self.blocks(tc, inherited | {"cell"})
            return
        self.number += 1
        number = self.number
        rows: list[list[TableCell]] = []
        for r, row in enumerate(grid.table_rows):
            cells = []
            for cell in row:
                walk = self.sub()
                walk.number = self.number
                walk.blocks(cell.element)
                self.take_counts(walk)
                self.notes.update({k: number for k in walk.notes})
                text = "\n".join(ln.text.strip() for ln in walk.lines if ln.kept)
                cells.append(TableCell(text, cell.colspan, cell.rowspan, r < grid.header_rows))
            rows.append(cells)
        if any(c.text for row in rows for c in row):
            self.lines.append(table_line(number, rows, grid.header_rows, hints=self.hint_set(inherited | {"table"}),
                                         blank_before=self.blank))
            self.blank = False


@dataclass
class _Cell:
    element: etree._Element
    column: int
    colspan: int = 1
    rowspan: int = 1


@dataclass
class _Grid:
    table_rows: list[list[_Cell]]
    columns: int
    header_rows: int

    @property
    def rows(self) -> int:
        return len(self.table_rows)

    @property
    def cells_in_order(self) -> list[etree._Element]:
        return [c.element for row in self.table_rows for c in row]


def _table_grid(tbl: etree._Element) -> _Grid:
    """Rows of cells where they start: ``gridSpan`` is a colspan; a ``vMerge`` continuation adds to the
    rowspan of the cell above it."""
    rows: list[list[_Cell]] = []
    open_cells: dict[int, _Cell] = {}  # column → the cell a vertical merge started in
    columns = 0
    header_rows = 0
    counting_header = True
    for tr in tbl.iterchildren(_w("tr")):
        trpr = tr.find(_w("trPr"))
        column = int(_val(trpr.find(_w("gridBefore")) if trpr is not None else None) or 0)
        header = trpr is not None and bool(_on(trpr.find(_w("tblHeader"))))
        row: list[_Cell] = []
        for tc in _row_cells(tr):
            tcpr = tc.find(_w("tcPr"))
            span = _val(tcpr.find(_w("gridSpan"))) if tcpr is not None else None
            colspan = int(span) if span and span.isdigit() and int(span) > 0 else 1
            vmerge = tcpr.find(_w("vMerge")) if tcpr is not None else None
            if vmerge is not None and _val(vmerge) in (None, "continue") and column in open_cells:
                open_cells[column].rowspan += 1
            else:
                cell = _Cell(tc, column, colspan)
                row.append(cell)
                if vmerge is not None and _val(vmerge) == "restart":
                    open_cells[column] = cell
                else:
                    open_cells.pop(column, None)
            column += colspan
        columns = max(columns, column)
        if counting_header and header:
            header_rows += 1
        else:
            counting_header = False
        if row:
            rows.append(row)
    return _Grid(rows, columns, header_rows)


def _row_cells(tr: etree._Element) -> list[etree._Element]:
    cells: list[etree._Element] = []
    for child in tr:
        tag = _local(child)
        if _ns(child) != W:
            continue
        if tag == "tc":
            cells.append(child)
        elif tag in ("sdt", "customXml"):
            content = child.find(_w("sdtContent")) if tag == "sdt" else child
            if content is not None:
                cells.extend(c for c in content.iter(_w("tc")))
    return cells


# ---------------------------------------------------------------------------------------------
# Small helpers of the walk.


def _chosen(alternate: etree._Element) -> etree._Element:
    """The branch of mc:AlternateContent to read: its first Choice (the Fallback repeats it)."""
    for branch in alternate:
        if _local(branch) in ("Choice", "Fallback"):
            return branch
    return alternate


def _text_boxes(p: etree._Element) -> list[etree._Element]:
    """The text boxes anchored in paragraph ``p`` (not those inside another text box, nor the copy an
    mc:Fallback holds)."""
    boxes = []
    for box in p.iter(_w("txbxContent")):
        ancestor = box.getparent()
        inside = False
        while ancestor is not None and ancestor is not p:
            if _local(ancestor) == "txbxContent" or (_ns(ancestor) == MC and _local(ancestor) == "Fallback"):
                inside = True
                break
            ancestor = ancestor.getparent()
        if not inside:
            boxes.append(box)
    return boxes


def _is_toc(sdt: etree._Element) -> bool:
    gallery = sdt.find(f"{_w('sdtPr')}/{_w('docPartObj')}/{_w('docPartGallery')}")
    return gallery is not None and "table of contents" in (_val(gallery) or "").lower()


def _symbol(sym: etree._Element) -> str:
    code = _val(sym, "char") or ""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    if 0xF000 <= value <= 0xF0FF:  # a symbol font's glyph: no Unicode meaning of its own
        return "●" if value in (0xF06C, 0xF0B7, 0xF09F, 0xF0A7, 0xF06E) else ""
    return chr(value)


def _drawing_name(el: etree._Element) -> str:
    for props in el.iter(f"{{{WP}}}docPr"):
        return (props.get("descr") or props.get("title") or props.get("name") or "").strip()
    return ""


def _image_name(el: etree._Element, blip: etree._Element) -> str:
    """An image's alternative text or name; a linked (external) image says so: it is never fetched."""
    name = _drawing_name(el) or "图片"
    if blip.get(f"{{{R}}}link") and not blip.get(f"{{{R}}}embed"):
        name += "（外部链接，未读取）"
    return name


def _object_name(el: etree._Element) -> str:
    for ole in el.iter():
        prog = ole.get("ProgID")
        if prog:
            return str(prog)
    return "嵌入对象"


# ---------------------------------------------------------------------------------------------
# The package: parts and stories.


RT_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
OPEN_HINT = "the file is corrupt or not a Word document: open it in Word or WPS and save it again"
# the parts of the document part the reader reads (by relationship type), once the body is read
READ_PARTS = ("styles", "numbering", "header", "footer", "footnotes", "endnotes", "comments")


def _xml_content_types() -> frozenset[str]:
    """The content types of the parts python-docx parses when it opens a package (the others it keeps as bytes)."""
    from docx.opc.part import PartFactory, XmlPart

    return frozenset(ct for ct, cls in PartFactory.part_type_for.items() if issubclass(cls, XmlPart))


@dataclass
class _Package:
    """The parts of a DOCX, found as python-docx finds them (relationships from ``_rels/.rels`` on, content types
    from ``[Content_Types].xml``) without reading them: the document part is read as a stream (``_stream_body``),
    the others when asked for (``xml``)."""

    archive: zipfile.ZipFile
    main: str  # the document part's member name
    rels: dict[str, list[tuple[str, str | None]]]  # member → (relationship type, target member or None: external)
    content_types: dict[str, str]  # member → content type
    parsed: dict[str, etree._Element] = field(default_factory=dict)

    def related(self, member: str, kind: str) -> list[str]:
        """Members ``member`` relates to with a relationship type ending in ``/kind`` (transitional or strict)."""
        return [t for reltype, t in self.rels.get(member, []) if t is not None and reltype.rsplit("/", 1)[-1] == kind]

    def xml(self, member: str) -> etree._Element:
        """A part's XML, parsed with python-docx's parser (no entities, no network), once."""
        if member not in self.parsed:
            self.parsed[member] = parse_xml(self.archive.read(member))
        return self.parsed[member]


def _rels_of(archive: zipfile.ZipFile, partname: str) -> list[tuple[str, str | None]]:
    """The relationships of the part ``partname`` ("/" for the package): (type, target member: the part name without
    its leading slash), in their order; an external target is None. No .rels member: none (as python-docx reads
    it)."""
    directory, base = partname.rsplit("/", 1)
    member = f"{directory}/_rels/{base}.rels".lstrip("/")
    try:
        blob = archive.read(member)
    except KeyError:
        return []
    out: list[tuple[str, str | None]] = []
    for rel in parse_xml(blob).iterchildren(f"{{{PR}}}Relationship"):
        reltype, target = rel.get("Type"), rel.get("Target")
        if reltype is None or target is None or rel.get("Id") is None:
            raise ValueError(f"a relationship in {member} lacks Id, Type or Target")
        if rel.get("TargetMode") == "External":
            out.append((reltype, None))
            continue
        resolved = posixpath.normpath(posixpath.join(directory or "/", target))
        if not resolved.startswith("/"):
            raise ValueError(f"PackURI must begin with slash, got {resolved!r}")
        out.append((reltype, resolved[1:]))
    return out


def _content_types(archive: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]]:
    """[Content_Types].xml: overrides by part name and defaults by extension, both in lower case."""
    types = parse_xml(archive.read("[Content_Types].xml"))
    overrides = {
        (o.get("PartName") or "").lower(): o.get("ContentType") or ""
        for o in types.iterchildren(f"{{{CT_NS}}}Override")
    }
    defaults = {
        (d.get("Extension") or "").lower(): d.get("ContentType") or ""
        for d in types.iterchildren(f"{{{CT_NS}}}Default")
    }
    return overrides, defaults


def _content_type(partname: str, overrides: dict[str, str], defaults: dict[str, str]) -> str:
    if partname.lower() in overrides:
        return overrides[partname.lower()]
    ext = posixpath.splitext(partname)[1]
    ext = ext[1:] if ext.startswith(".") else ext
    if ext.lower() in defaults:
        return defaults[ext.lower()]
    raise KeyError(f"no content type for partname '{partname}' in [Content_Types].xml")


def _open(data: bytes, name: str) -> _Package:
    """The package's parts, checked as python-docx checks them when it opens a package: every part a relationship
    reaches must be in the ZIP with a content type, the XML parts python-docx parses must be well-formed (the
    document part is checked as it is read), and there must be one document part."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        overrides, defaults = _content_types(archive)
        xml_types = _xml_content_types()
        rels: dict[str, list[tuple[str, str | None]]] = {"/": _rels_of(archive, "/")}
        content_types: dict[str, str] = {}
        pending = [target for _, target in reversed(rels["/"]) if target is not None]
        while pending:  # every part reachable from the package, once
            member = pending.pop()
            if member in content_types:
                continue
            archive.getinfo(member)  # KeyError: a relationship to a part the ZIP does not hold
            content_types[member] = _content_type("/" + member, overrides, defaults)
            rels[member] = _rels_of(archive, "/" + member)
            pending += [target for _, target in reversed(rels[member]) if target is not None]
        mains = [target for reltype, target in rels["/"] if reltype == RT_OFFICE_DOCUMENT and target is not None]
        if not mains:
            raise KeyError(f"no relationship of type '{RT_OFFICE_DOCUMENT}' in collection")
        if len(set(mains)) > 1:
            raise ValueError(f"multiple relationships of type '{RT_OFFICE_DOCUMENT}' in collection")
        package = _Package(archive, mains[0], rels, content_types)
        read_later = {m for kind in READ_PARTS for m in package.related(package.main, kind)}
        for member, content_type in content_types.items():
            if content_type in xml_types and member != package.main:
                if member in read_later:
                    package.xml(member)
                else:  # checked, then let go: the theme, settings, a chart's data are never read
                    parse_xml(archive.read(member))
        return package
    except (KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, EOFError, OSError, AttributeError,
            TypeError, IndexError) as error:
        raise DamagedInputError(
            f"this DOCX cannot be opened ({type(error).__name__}: {str(error)[:120]})", source=name, hint=OPEN_HINT,
        ) from error


def read_bytes(data: bytes, *, name: str = "<bytes>", prepare: Callable[[PassState], None] | None = None) -> PassState:
    """Read a DOCX (bytes) into a ``PassState``: body lines with hints; chrome, notes, comments and
    objects in ``removed``. ``prepare`` may replace the texts read before the writer's styles are read
    as what they say (``shape_written`` matches Simplified words: the Simplified shadow of a Traditional
    document, readers.prepare_container)."""
    check_archive(data, name)
    package = _open(data, name)
    main = package.main
    styles = StyleSheet(next((package.xml(m) for m in package.related(main, "styles")), None))
    numbering = Numbering.from_xml(next((package.xml(m) for m in package.related(main, "numbering")), None))
    walk = _Walk(styles, numbering)
    _stream_body(package, walk, name)
    state = PassState(lines=walk.lines)
    state.extra_removed.extend(walk.removed)
    _chrome(package, walk, state)
    _notes(package, walk, state)
    _summarise(walk.counts, state)
    if prepare is not None:
        prepare(state)
    shape_written(state)
    return state


def _stream_body(package: _Package, walk: _Walk, name: str) -> None:
    """Walk the document body's blocks as the parser finishes each one, and let each go once it is read: the
    document's XML is never whole in memory (python-docx's parser settings: no entities, no network, blank text
    between elements dropped)."""
    body_tag = _w("body")
    depth = 0
    body: etree._Element | None = None
    in_body = False
    try:
        with package.archive.open(package.main) as stream:
            for event, el in etree.iterparse(
                stream, events=("start", "end"), remove_blank_text=True, resolve_entities=False
            ):
                if event == "start":
                    depth += 1
                    if depth == 1 and _ns(el) == STRICT_W:
                        raise DamagedInputError(
                            "this is a Strict Open XML document, which is not supported", source=name,
                            hint="save it from Word as an ordinary .docx (Word Document)",
                        )
                    if depth == 2 and body is None and el.tag == body_tag:
                        body, in_body = el, True
                    continue
                depth -= 1
                if el is body:
                    in_body = False
                elif in_body and depth == 2 and body is not None:  # a block of the body, whole: read it, then
                    walk.block(el, frozenset())  # let it and the ones before it go
                    el.clear()
                    while el.getprevious() is not None:
                        del body[0]
    except (etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, OSError) as error:
        raise DamagedInputError(f"the DOCX's document.xml is not well-formed XML ({error})", source=name,
                                hint="open it in Word or WPS and save it again") from error
    if body is None:
        raise DamagedInputError("the DOCX has no document body", source=name,
                                hint="open it in Word or WPS and save it again")


def _chrome(package: _Package, walk: _Walk, state: PassState) -> None:
    """Headers and footers of every section, each part once: ``page_header`` / ``page_footer``."""
    seen: set[str] = set()
    for kind in ("header", "footer"):
        for member in package.related(package.main, kind):
            if member in seen:
                continue
            seen.add(member)
            story = walk.sub()
            story.blocks(package.xml(member))
            for ln in story.lines:
                if ln.kept:
                    text = ln.text.strip() if ln.table is None else ln.text
                    state.extra_removed.append(Removed(text, f"page_{kind}", None))
            state.extra_removed.extend(r for r in story.removed if r.reason != "shape")


def _notes(package: _Package, walk: _Walk, state: PassState) -> None:
    """Footnotes, endnotes and comments, at the line that refers to them."""
    for kind, part_kind in (("footnote", "footnotes"), ("endnote", "endnotes"), ("comment", "comments")):
        for member in package.related(package.main, part_kind):
            for note in package.xml(member).iterchildren(_w(kind)):
                if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                story = walk.sub()
                story.blocks(note)
                text = "\n".join(ln.text.strip() for ln in story.lines if ln.kept)
                if not text:
                    continue
                walk.counts[kind] += 1
                line = walk.notes.get((kind, _val(note, "id") or ""))
                state.extra_removed.append(Removed(text, kind, line))


_COUNTED = {
    "footnote": "footnote(s)", "endnote": "endnote(s)", "comment": "comment(s)", "image": "image(s)",
    "shape": "shape(s)", "chart": "chart(s)", "diagram": "SmartArt diagram(s)",
    "embedded_object": "embedded object(s)", "embedded_chunk": "embedded document(s)",
    "hidden_text": "hidden text run(s)", "tracked_deletion": "tracked deletion(s)", "toc_field": "TOC field line(s)",
}


def _summarise(counts: Counter[str], state: PassState) -> None:
    parts = [f"{counts[k]} {label}" for k, label in _COUNTED.items() if counts.get(k)]
    if parts:
        state.warnings.append("docx: " + ", ".join(parts) + " not part of the text (listed in removed)")


# ---------------------------------------------------------------------------------------------
# What this project's writer (and a typeset 公文) prints, made readable by the text passes.

_ISSUE_LINE = re.compile(r"^[（(]?\s*(?:总\s*)?第\s*\S{1,8}\s*期")
_PAGE_FACTS = re.compile(r"^[（(](?P<body>(?:来源|发布时间|原网址)：.*)[）)]$")


def shape_written(state: PassState) -> None:
    """Use what the paragraph styles say where the text alone would be read otherwise:

    * a 发文机关标志 — in the style ``bfMark``, or red and large at the top — over no 期号 goes to
      ``header.issuer`` (``XX文件`` → ``XX``, as the 公文 pass does); over a 期号 it is the 简报名称
      and stays a line for the 报头 pass;
    * an 编发单位 line whose date the writer put on a line of its own (style ``bfIssuerLine``) is
      one line again, with the wide gap the 报头 pass expects;
    * a 目录 item (style ``bfToc``) is a bulleted line, as the 目录 pass expects;
    * the last lines of a paragraph the writer set apart (style ``bfBodyContinued``) join the paragraph again;
    * the page facts note of a news page (style ``bfNote``: （来源：…；发布时间：…；原网址：…）)
      fills the page facts and is removed as ``page_facts``.
    """
    lines = state.lines
    _issuer_mark(state)
    joined: list[Line] = []
    for ln in lines:
        style = _style_of(ln)
        if style == "bfIssuerLine" and joined and _style_of(joined[-1]) == "bfIssuerLine" and ln.text[:1].isspace():
            prev = joined[-1]
            joined[-1] = Line(prev.number, prev.text.rstrip() + TAB_GAP + ln.text.strip(), prev.hints, None,
                              prev.blank_before)
            continue
        if style == "bfBodyContinued" and joined and _style_of(joined[-1]) in ("bfBody", "bfBodyContinued"):
            # the writer's last lines of a paragraph kept with the 署名 or 版记 on the next page: the same paragraph
            prev = joined[-1]
            joined[-1] = Line(prev.number, prev.text + ln.text.strip(), prev.hints, None, prev.blank_before)
            continue
        if style == "bfToc" and ln.stripped and ln.stripped[0] not in BULLETS:
            ln.text = "● " + ln.stripped
        joined.append(ln)
    state.lines = joined
    notes = [ln for ln in state.lines if _style_of(ln) == "bfNote" and ln.removed is None]
    if notes:
        _page_facts(state, notes[-1])


def _style_of(line: Line) -> str | None:
    return next((h[6:] for h in line.hints if h.startswith("style:")), None)


def _size_of(line: Line) -> float:
    return next((float(h[5:]) for h in line.hints if h.startswith("size:")), 0.0)


def _is_mark(line: Line) -> bool:
    return _style_of(line) == "bfMark" or ("red" in line.hints and _size_of(line) >= MARK_MIN_PT)


def _issuer_mark(state: PassState) -> None:
    """The 发文机关标志 at the top: one organ, or 联合行文 organs one under another (a borderless table),
    with or without 文件 after them."""
    kept = [ln for ln in state.lines if ln.kept][:HEAD_LINES]
    for i, ln in enumerate(kept):
        if is_prose(ln.stripped) or "title" in ln.hints:
            return
        if not _is_mark(ln):
            continue
        marks = [ln]
        for x in kept[i + 1 :]:
            if not _is_mark(x):
                break
            marks.append(x)
        after = kept[i + len(marks) : i + len(marks) + 2]
        if any(_ISSUE_LINE.match(x.stripped) or _style_of(x) == "bfIssuerLine" for x in after):
            return  # a 简报名称: the 报头 pass reads it
        organs = [m.stripped for m in marks]
        word = ""
        if len(organs) > 1 and organs[-1] == "文件":
            word = organs.pop()
        elif organs[-1].endswith("文件") and len(organs[-1]) > 2:
            organs[-1], word = organs[-1][:-2].rstrip(), "文件"
        styled = all(_style_of(m) == "bfMark" for m in marks)
        if not styled and not all(ORGAN_END.search(o) for o in organs):
            organs = wrapped_mark(organs)  # one organ's long name broken over the lines of the mark
        if not styled and not all(
            ORGAN_END.search(o) and "关于" not in o and not find_dates(o) for o in organs
        ):
            return
        if state.header.issuer is None:
            state.header.issuer = JOINT_ORGANS.join(organs)
            if word:
                state.extra_removed.append(Removed(word, "form_label", marks[-1].number))
            for m in marks:
                state.lines.remove(m)
        return


def wrapped_mark(lines: list[str]) -> list[str]:
    """The organs of a 发文机关标志 printed over ``lines`` of which not every one ends like an organ's name: one
    name wrapped (broken where the line was full), as one organ, when it takes at most
    ``MAX_WRAPPED_ORGAN_LINES`` lines; ``lines`` as they are otherwise. (Organs signing together print one
    whole name a line: those stay apart.)"""
    if 1 < len(lines) <= MAX_WRAPPED_ORGAN_LINES:
        return ["".join(lines)]
    return lines


def _page_facts(state: PassState, line: Line) -> None:
    m = _PAGE_FACTS.match(line.stripped)
    if not m:
        return
    md = state.metadata
    for part in m.group("body").split("；"):
        label, _, value = part.partition("：")
        value = value.strip()
        if not value:
            continue
        if label == "来源":
            md.origin = md.origin or value
        elif label == "原网址":
            md.url = md.url or value
        elif label == "发布时间":
            dates = find_dates(value)
            if dates and md.published is None:
                md.published = dates[0].iso  # with the time when one is printed: 2005-02-01T10:24
    state.remove(line, "page_facts")

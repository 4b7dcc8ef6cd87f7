"""The DOCX package as bytes: the same Document gives the same bytes in any process, whatever was written before;
the ZIP is what zipfile writes; body paragraphs kept as text are the XML lxml writes; line breaking is the plain
unit-by-unit loop it replaced. Speed is measured by benchmarks/bench_docx.py, never here."""

from __future__ import annotations

import hashlib
import io
import json
import random
import subprocess
import sys
import unicodedata
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import bulletin_format as bf
from bulletin_format.docx import deflate_zip, load_profile, measure, writer
from bulletin_format.docx.ooxml import (
    Border,
    ParaStyle,
    RunStyle,
    escape_text,
    make_paragraph,
    paragraph_xml,
    run_xml,
)
from bulletin_format.docx.writer import Composer, prepared

from . import docx_defects
from .conftest import ROOT, SEEDS
from .test_docx_documents import bulletin, news, official_document

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def documents() -> dict[str, bf.Document]:
    """Seeds and built documents that take every path of the package: 信函 (a first-page footer), landscape tables (a
    section with footers of its own), a page that is only a wide table (landscape throughout), a second layout pass."""
    docs = {p.name[:3]: bf.parse(p) for p in SEEDS}
    docs.update(document=official_document(), bulletin=bulletin(), news=news())
    for name in ("letter", "wide_table_on_an_odd_page", "wide_table_alone", "signature_after_a_full_page",
                 "colophon_after_a_nearly_full_page", "joint_document"):
        docs[name] = getattr(docx_defects, name)()
    return docs


def digests(names: list[str] | None = None) -> dict[str, str]:
    docs = documents()
    return {name: hashlib.sha256(bf.render(doc, "docx")).hexdigest() for name, doc in docs.items()
            if names is None or name in names}


# --- the same bytes ---------------------------------------------------------------------------------------------


def test_the_same_document_gives_the_same_bytes_in_this_process_and_in_a_fresh_one():
    here, again = digests(), digests()
    assert here == again
    # a fresh process that writes the documents in the opposite order, after a document with another profile
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import bulletin_format as bf; "
        "from tests.test_docx_package import digests, documents; "
        "bf.render(documents()['document'], 'docx', profile={'font.body': '仿宋'}); "
        "print(json.dumps(digests(list(reversed(list(documents()))))))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == here


def test_a_profile_override_is_a_template_of_its_own_and_the_default_is_unchanged_after_it():
    doc = official_document()
    default = bf.render(doc, "docx")
    fangsong = bf.render(doc, "docx", profile={"font.body": "仿宋"})
    assert fangsong != default
    assert bf.render(doc, "docx") == default
    assert bf.render(doc, "docx", profile={"font.body": "仿宋"}) == fangsong
    profile = load_profile()
    first = prepared(profile, False)
    profile.settings["font.body"] = load_profile({"font.body": "仿宋"}).settings["font.body"]  # a Profile changed
    assert prepared(profile, False) is not first  # …is prepared again, not taken for the one it was
    assert bf.render(doc, "docx", profile=profile) == fangsong


def test_to_bytes_twice_gives_the_same_bytes_and_a_sound_zip():
    for name, doc in documents().items():
        composer = Composer(doc, load_profile())
        composer.compose()
        data = composer.package.to_bytes()
        assert composer.package.to_bytes() == data, name
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() is None
            assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            etree.fromstring(archive.read("word/document.xml"))  # well-formed


def test_footers_a_document_adds_are_named_and_related_as_python_docx_names_them():
    data = bf.render(docx_defects.wide_table_on_an_odd_page(), "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names[-2:] == ["word/footer3.xml", "word/footer4.xml"]  # after the parts the template relates
        rels = archive.read("word/_rels/document.xml.rels").decode()
        types = archive.read("[Content_Types].xml").decode()
    assert 'Id="rId10"' in rels and 'Target="footer3.xml"' in rels and 'Id="rId11"' in rels
    assert 'PartName="/word/footer4.xml"' in types


# --- the ZIP ----------------------------------------------------------------------------------------------------


def zipfile_bytes(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, blob in members:
            info = zipfile.ZipInfo(name, date_time=deflate_zip.FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = deflate_zip.EXTERNAL_ATTR
            z.writestr(info, blob)
    return out.getvalue()


MEMBERS = [
    ("[Content_Types].xml", b"<Types/>" * 40),
    ("word/document.xml", bytes(random.Random(1).randrange(256) for _ in range(3000)) + b"<w:p/>" * 900),
    ("empty.xml", b""),
    ("word/附件.xml", "正文".encode() * 64),
]


def test_the_zip_is_what_zipfile_writes():
    assert deflate_zip.archive(deflate_zip.compress(n, b) for n, b in MEMBERS) == zipfile_bytes(MEMBERS)


@pytest.mark.parametrize("limit", [50, 2000, 6000])
def test_zip64_fields_are_where_zipfile_puts_them(monkeypatch, limit):
    monkeypatch.setattr(zipfile, "ZIP64_LIMIT", limit)
    monkeypatch.setattr(deflate_zip, "ZIP64_LIMIT", limit)
    assert deflate_zip.archive(deflate_zip.compress(n, b) for n, b in MEMBERS) == zipfile_bytes(MEMBERS)
    monkeypatch.setattr(zipfile, "ZIP_FILECOUNT_LIMIT", 2)
    monkeypatch.setattr(deflate_zip, "ZIP_FILECOUNT_LIMIT", 2)
    assert deflate_zip.archive(deflate_zip.compress(n, b) for n, b in MEMBERS) == zipfile_bytes(MEMBERS)


def test_a_member_compressed_in_pieces_is_the_member_compressed_whole():
    data = b"".join(b for _, b in MEMBERS) * 30
    rng = random.Random(7)
    for _ in range(20):
        cuts = sorted(rng.sample(range(len(data)), rng.randint(1, 40)))
        pieces = [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True)]
        assert deflate_zip.compress_pieces("x", pieces) == deflate_zip.compress("x", data)


# --- paragraphs as text -----------------------------------------------------------------------------------------


def lxml_xml(element: etree._Element) -> str:
    """``element`` as it is written inside a document whose root declares w:."""
    root = etree.Element(f"{{{W_NS}}}body", nsmap={"w": W_NS})
    root.append(element)
    xml = etree.tostring(root, encoding="unicode")
    return xml[xml.index(">") + 1 : xml.rindex("<")]


def test_text_is_escaped_as_libxml2_escapes_it():
    chars = [chr(c) for c in (9, 10, 13, *range(32, 0x3100)) if chr(c) not in "\ud800"] + ["\U0001f600", "\uff0c"]
    text = "".join(chars)
    t = etree.Element(f"{{{W_NS}}}t")
    t.text = text
    assert lxml_xml(t) == f"<w:t>{escape_text(text)}</w:t>"


PARAGRAPHS = [
    ("bfBody", [("正文", None)], None),
    ("bfBody", [("A & B <c> \r d", None), ("\t签发人：", RunStyle(east_asia="楷体", latin="楷体"))], ParaStyle()),
    ("bfIssuerLine", [("\t2021年3月1日", None)], ParaStyle(right_tab_tw=8845, keep_next=True, line_tw=419)),
    ("bfRule", [("", None)], ParaStyle(borders={"bottom": Border(1.5, "FF0000", 0)}, snap_to_grid=False, left_tw=-60)),
    ("bfMark", [("某某市人民政府文件", RunStyle(size_pt=26, color="FF0000", bold=True, spacing_pt=0))], None),
    ("bfBlank", [], ParaStyle(page_break_before=True, keep_lines=True, widow_control=False, outline_level=0)),
    ("bfNote", [("行一\n行二\t\t", RunStyle())], ParaStyle(align="left", first_line_tw=0, hanging_tw=640)),
    ("bfTitle", [("", None), ("", RunStyle(latin="Times"))], ParaStyle(center_tab_tw=4422, right_tab_tw=8845)),
]


@pytest.mark.parametrize("style_id,runs,para", PARAGRAPHS)
def test_a_paragraph_kept_as_text_is_the_xml_lxml_writes_for_it(style_id, runs, para):
    assert paragraph_xml(style_id, runs, para) == lxml_xml(make_paragraph(style_id, runs, para))
    assert paragraph_xml(style_id, runs, para) == paragraph_xml(style_id, runs, para)  # from the cache


def test_579_and_579_0_are_different_formatting():
    as_int, as_float = ParaStyle(line_tw=579), ParaStyle(line_tw=579.0)  # type: ignore[arg-type]
    assert paragraph_xml("bfBody", [], as_int) != paragraph_xml("bfBody", [], as_float)
    assert paragraph_xml("bfBody", [], as_float) == lxml_xml(make_paragraph("bfBody", [], as_float))


def test_a_character_xml_cannot_hold_is_refused_as_lxml_refuses_it():
    with pytest.raises(ValueError, match="XML compatible"):
        run_xml("a\x01b")


# --- line breaking ----------------------------------------------------------------------------------------------


def reference_units(text: str, size_tw: float, spacing_tw: float) -> list[tuple[str, float]]:
    """measure._units one character at a time, as it was before runs of Chinese characters were taken whole."""
    units: list[tuple[str, float]] = []
    word = ""
    previous_full: bool | None = None
    previous_alnum = False

    def em(c: str) -> float:
        return measure._latin_em_of(c)

    for i, ch in enumerate(text):
        full = ch in measure.FULL_WIDTH_AMBIGUOUS or unicodedata.east_asian_width(ch) in ("W", "F")
        gap = 0.0
        if previous_full is not None and full != previous_full and ((ch.isascii() and ch.isalnum()) or previous_alnum):
            gap = measure.AUTOSPACE_EM * size_tw
        if full or ch.isspace():
            if word:
                units.append((word, sum(em(c) * size_tw + spacing_tw for c in word)))
                word = ""
            units.append((ch, (size_tw if full else em(ch) * size_tw) + spacing_tw + gap))
        else:
            if not word and gap:
                units.append(("", gap))
            word += ch
            if ch == "/" and not text[i + 1 : i + 2].isdigit():
                units.append((word, sum(em(c) * size_tw + spacing_tw for c in word)))
                word = ""
        if not ch.isspace():
            previous_full = full
            previous_alnum = ch.isascii() and ch.isalnum()
    if word:
        units.append((word, sum(em(c) * size_tw + spacing_tw for c in word)))
    return units


def reference_wrap(text: str, width_tw: float, size_pt: float, spacing_pt: float, first_indent_tw: float,
                   hanging_tw: float, hang: bool) -> list[str]:
    """Line breaking one unit at a time, as measure.wrap did it before it looked for breaks by bisection."""
    no_start = measure.NO_LINE_START if hang else measure.NO_LINE_START | measure.HANGING
    if not text:
        return [""]
    units: list[tuple[str, float]] = []
    for piece, width in reference_units(text, size_pt * 20, spacing_pt * 20):
        if width > width_tw - first_indent_tw and len(piece) > 1:
            units.extend((c, width / len(piece)) for c in piece)
        else:
            units.append((piece, width))
    lines: list[str] = []
    available = width_tw - first_indent_tw
    used = 0.0
    i = line_start = 0
    while i < len(units):
        piece, width = units[i]
        if used + width <= available + 0.5 or i == line_start or (hang and piece in measure.HANGING):
            used += width
            i += 1
            continue
        cut = i
        while cut > line_start + 1 and (units[cut][0][:1] in no_start or units[cut - 1][0][-1:] in measure.NO_LINE_END):
            cut -= 1
        lines.append("".join(u for u, _ in units[line_start:cut]))
        i = cut
        while i < len(units) and units[i][0].isspace():
            i += 1
        line_start = i
        used = 0.0
        available = width_tw - hanging_tw if hanging_tw else width_tw
    lines.append("".join(u for u, _ in units[line_start:]))
    return lines


ALPHABET = "测试文件关于通知的，。、；：？！）》”’】〕％%)]}（《“‘【〔([{ 　abcXYZ0123456789/.-—…·<>=+~^|"
CHINESE = "测试文件关于通知，。、“”（）"
texts = st.one_of(st.text(alphabet=ALPHABET, max_size=300), st.text(alphabet=CHINESE, max_size=400))


@settings(max_examples=400, deadline=None)
@given(
    text=texts,
    width=st.sampled_from([8845, 8205, 3000, 1000, 200, 8845.5]),
    size=st.sampled_from([16, 22, 14, 10.5, 1.0]),
    spacing=st.sampled_from([0, -0.25, 0.3, -10]),
    first=st.sampled_from([0, 640, -640, 100.5]),
    hanging=st.sampled_from([0, 640]),
    hang=st.booleans(),
)
def test_lines_are_those_of_the_unit_by_unit_loop(text, width, size, spacing, first, hanging, hang):
    expected = reference_wrap(text, width, size, spacing, first, hanging, hang)
    assert measure.wrap(text, width, size, spacing, first, hanging, hang) == expected
    assert measure.count_lines(text, width, size, spacing, first, hanging, hang) == len(expected)
    assert measure.text_width(text, size, spacing) == sum(w for _, w in reference_units(text, size * 20, spacing * 20))


# --- titles -----------------------------------------------------------------------------------------------------


def reference_break_costs(title: str) -> list[float]:
    """writer._break_costs with the words around a break found by scanning all of them."""
    w = writer
    ends = w._word_ends(title)
    starts = {0} | ends
    costs = [w.BREAK_COST_INSIDE] * (len(title) + 1)
    for k in range(1, len(title)):
        before, after = title[k - 1], title[k]
        if after in "，。、；：）》”" or before in "“《（(":
            continue
        if (before in w.NUMERALS and (after in w.NUMERALS or after in w.NUMERAL_UNITS)) or (
            before == "第" and after in w.NUMERALS
        ):
            continue
        if after in w.PLACE_SUFFIXES and k in ends and k + 1 in ends:
            continue
        if before in w.LEVEL_PREFIXES and k in ends and k - 1 in starts:
            next_end = min((j for j in ends if j > k), default=len(title))
            if w.ORGAN_END.search(title[k:next_end]):
                continue
        if after in w.LEVEL_PREFIXES and k in ends and k + 1 in ends:
            next_end = min((j for j in ends if j > k + 1), default=len(title))
            if not w.ORGAN_END.search(title[k + 1 : next_end]):
                continue
        strong = title.startswith(w.STRONG_BREAK_BEFORE, k)
        if before in w.BREAK_AFTER or (before in "的之和及与" and k in ends) or strong:
            costs[k] = w.BREAK_COST_STRONG
        elif k in ends:
            word_before = max(j for j in starts if j < k)
            word_after = min((j for j in ends if j > k), default=len(title))
            short = (k - word_before == 1 and before not in w.PLACE_SUFFIXES) or word_after - k == 1
            costs[k] = w.BREAK_COST_AFFIX if short else w.BREAK_COST_WORD
        elif before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            costs[k] = w.BREAK_COST_INSIDE * 10
    return costs


def reference_split_title(title: str, max_chars: int) -> list[str]:
    """writer.split_title with every break position and both line counts tried, one cost after another."""
    w = writer
    title = title.strip()
    total = w._width(title)
    if total <= max_chars:
        return [title]
    costs = reference_break_costs(title)
    n = len(title)
    prefix = [0.0]
    for width in w._char_widths(title):
        prefix.append(prefix[-1] + width)
    best: tuple[float, list[int]] | None = None
    minimum = int(-(-total // max_chars))
    for lines in (minimum, minimum + 1):
        targets = w._targets(total, lines)
        if max(targets) > max_chars + 0.01 and lines == minimum and lines > 2:
            continue
        inf = float("inf")
        dp = [[inf] * (n + 1) for _ in range(lines + 1)]
        back = [[0] * (n + 1) for _ in range(lines + 1)]
        dp[0][0] = 0.0
        for j in range(1, lines + 1):
            for k in range(1, n + 1):
                if j == lines and k != n:
                    continue
                for i in range(k - 1, -1, -1):
                    width = prefix[k] - prefix[i]
                    if width > max_chars:
                        break
                    if dp[j - 1][i] == inf:
                        continue
                    cost = dp[j - 1][i] + w.SHAPE_WEIGHT * (width - targets[j - 1]) ** 2
                    if k < n:
                        cost += costs[k] * 4
                    if cost < dp[j][k]:
                        dp[j][k], back[j][k] = cost, i
        total_cost = dp[lines][n] + w.EXTRA_LINE_COST * (lines - minimum)
        if dp[lines][n] < inf and (best is None or total_cost < best[0]):
            cuts, k = [], n
            for j in range(lines, 0, -1):
                cuts.append(k)
                k = back[j][k]
            best = (total_cost, sorted(cuts))
    if best is None:
        return [title[i : i + max_chars] for i in range(0, n, max_chars)]
    out, start = [], 0
    for cut in best[1]:
        out.append(title[start:cut].strip())
        start = cut
    return [line for line in out if line]


def seed_titles(count: int) -> list[str]:
    """Made of pieces of the seeds' text, 20 to 140 characters, and a few with Latin words and numbers."""
    text = "".join("".join(p.read_text(encoding="utf-8").split()) for p in SEEDS)
    rng = random.Random(14)
    titles = ["关于印发《2021年度XX省ABC工作方案》的通知", "West Lake 2021 年度 report/abc/def 报告",
              "西岭县白石镇马鬃山村关于转发省财政厅第十三届二〇二一年度工作要点的通知"]
    for _ in range(count):
        start = rng.randrange(len(text) - 200)
        titles.append(text[start : start + rng.randint(20, 140)])
    return titles


def test_titles_break_where_the_cost_by_cost_search_breaks_them():
    for title in seed_titles(120):
        assert writer._break_costs(title) == reference_break_costs(title), title
        for max_chars in (28, 22, 14):
            assert writer.split_title(title, max_chars) == reference_split_title(title, max_chars), (title, max_chars)

"""A Traditional Word document is read through the Simplified shadow, like a Traditional text or HTML page.

Each Word document here is made Traditional the way a Traditional office's would be typed: every text run of
its body, headers, footers, footnotes and comments converted with OpenCC (s2t, s2tw, s2hk), its markup and
styles left as they are. With the default options (``chinese="keep"``) it must read as the Simplified
document does, every text field in the Traditional script: the same articles, blocks, header, signatures,
distribution, page facts and removed texts (tests/test_traditional.py says the same of text and HTML).

The documents: an office's Word draft (tests/word_drafts.py: Word numbering, a table, a header and footer,
a comment, a footnote, an image), the DOCX this project writes for every seed and fixture (its own styles:
the 发文机关标志, the 编发单位 line, the page facts note), a .doc saved from the draft by LibreOffice, and —
when /work/shared is there — the DOCX written for every real document.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

import bulletin_format as bf
from bulletin_format import readers
from bulletin_format.normalize.chinese import convert_text
from bulletin_format.shadow import ShadowReading
from bulletin_format.walk import walk

from .conftest import FIXTURES, SEEDS
from .test_traditional import CONFIGS, _assert_same, _comparable
from .word_drafts import tongzhi

pytest.importorskip("opencc")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STORIES = ("document", "header", "footer", "footnotes", "endnotes", "comments")  # parts whose runs are text
REALDOCS = Path("/work/shared/realdocs/docs")
FIXTURE_INPUTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html") and "gold" not in p.parts)
REALDOC_INPUTS = sorted(REALDOCS.iterdir()) if REALDOCS.is_dir() else []
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def traditional_docx(data: bytes, config: str) -> bytes:
    """``data`` (a DOCX) with the text of every run of its stories converted with ``config``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            stem = Path(item.filename).stem.rstrip("0123456789")
            if item.filename.startswith("word/") and item.filename.endswith(".xml") and stem in STORIES:
                root = etree.fromstring(content)
                for t in root.iter(f"{{{W}}}t"):
                    if t.text:
                        t.text = convert_text(t.text, config)
                content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(item, content)
    return out.getvalue()


@cache
def simplified_docx(name: str) -> bytes:
    """The Simplified Word document called ``name``: the draft, or the DOCX written for an input."""
    if name == "draft":
        return tongzhi()[0]
    return bf.render(bf.parse(Path(name)), "docx")


def expected(data: bytes, config: str) -> dict[str, Any]:
    """The Simplified document read, every text field converted with ``config``."""
    doc = bf.parse(data)
    walk(doc, lambda text, role: convert_text(text, config))
    return _comparable(doc)


def _id(name: str) -> str:
    return name if name == "draft" else f"{Path(name).parent.name}/{Path(name).name}"


DOCUMENTS = ["draft", *map(str, SEEDS + FIXTURE_INPUTS)]


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("name", DOCUMENTS, ids=_id)
def test_a_traditional_docx_gives_the_simplified_structure_in_its_own_script(name, config):
    data = simplified_docx(name)
    _assert_same(_comparable(bf.parse(traditional_docx(data, config))), expected(data, config))


@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", REALDOC_INPUTS, ids=lambda p: p.name)
def test_the_docx_of_a_real_document_in_traditional_reads_the_same(path, config):
    data = simplified_docx(str(path))
    _assert_same(_comparable(bf.parse(traditional_docx(data, config))), expected(data, config))


def test_the_draft_reads_in_traditional_script():
    doc = bf.parse(traditional_docx(simplified_docx("draft"), "s2tw"))
    art = doc.articles[0]
    assert (doc.kind, doc.header.issuer, doc.header.doc_number) == ("document", "臨江市人民政府", "臨政發〔2024〕12號")
    assert art.title == "臨江市人民政府關於做好2024年汛期安全工作的通知"
    assert [(s.organ, s.date) for s in art.signatures] == [("臨江市人民政府", "2024-05-06")]
    assert [d.label for d in doc.distribution] == ["抄送", "印發"]
    table = next(b for b in art.blocks if b.type == "table")
    assert [c.text for c in (table.rows or [])[1]] == ["東川區", "王某某", "0000-1234567"]
    removed = {(r.text, r.reason) for r in doc.removed}  # the removed texts are the input's too
    want = {("臨江市人民政府", "page_header"), ("第 1 頁", "page_footer"), ("請核對部署文件的名稱", "comment")}
    assert want <= removed


def test_the_comparison_sees_a_docx_read_without_its_shadow(monkeypatch):
    """Read as it is, a Traditional 公文 loses its 抄送/印發 and its 落款: the comparison above notices."""
    data = simplified_docx("draft")
    traditional = traditional_docx(data, "s2tw")
    monkeypatch.setattr(ShadowReading, "prepare", lambda self, text, fmt: text)
    without = bf.parse(traditional)
    assert _comparable(without) != expected(data, "s2tw")
    assert not without.distribution


def test_a_news_page_docx_keeps_its_page_facts_in_traditional():
    """The page facts note is read by the DOCX reader itself (来源：… → 來源：…): after the shadow."""
    data = simplified_docx(str(FIXTURES / "html" / "news_repost.html"))
    simplified, traditional = bf.parse(data), bf.parse(traditional_docx(data, "s2hk"))
    assert simplified.metadata.origin and simplified.metadata.published
    assert traditional.metadata.published == simplified.metadata.published
    assert traditional.metadata.origin == convert_text(simplified.metadata.origin, "s2hk")
    assert "page_facts" in {r.reason for r in traditional.removed}


def test_a_simplified_docx_is_read_as_it_is():
    state = readers.read(simplified_docx("draft"))
    reading = ShadowReading()
    readers.prepare_container(state, reading.prepare)
    assert reading.shadow is None


def test_the_container_text_takes_back_its_stretch_of_what_prepare_returns():
    state = readers.read(simplified_docx("draft"))
    before = [ln.text for ln in state.lines]
    readers.prepare_container(state, lambda text, fmt: text.replace("临江", "某某"))
    assert [ln.text for ln in state.lines] == [t.replace("临江", "某某") for t in before]
    with pytest.raises(ValueError):
        readers.prepare_container(state, lambda text, fmt: text + "多")


@pytest.mark.render
@pytest.mark.skipif(not SOFFICE, reason="needs LibreOffice (soffice)")
@pytest.mark.parametrize("config", ["s2tw"])
def test_a_traditional_doc_reads_like_its_simplified_original(tmp_path, config):
    work = tmp_path
    draft = simplified_docx("draft")
    for name, data in (("simplified", draft), ("traditional", traditional_docx(draft, config))):
        (work / f"{name}.docx").write_bytes(data)
    cmd = [str(SOFFICE), f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--convert-to", "doc",
           "--outdir", str(work), str(work / "simplified.docx"), str(work / "traditional.docx")]
    subprocess.run(cmd, capture_output=True, timeout=300, check=False)
    simplified, traditional = work / "simplified.doc", work / "traditional.doc"
    assert simplified.exists() and traditional.exists()
    doc = bf.parse(traditional)
    assert doc.source.format == "doc"
    _assert_same(_comparable(doc), expected(simplified.read_bytes(), config))

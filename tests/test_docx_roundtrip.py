"""The DOCX writer and the DOCX reader agree, and a Word draft comes out as a GB/T 9704 document.

Round trip: every seed, every fixture and (when /work/shared is there) every real document is parsed,
written as DOCX, and the DOCX read back; the two Documents have the same ``structure()``. "The same"
means, exactly:

* ``kind``; the header's issuer, 简报名称, 期号, 发文字号 (normalised), 签发人, 份号, 密级, 紧急程度
  and date (ISO) — not ``date_text``/``doc_number_text``, which the DOCX prints the GB/T 9704 way;
* the 目录 items;
* per article: title (its lines joined), 副题, 主送机关, and every block's type, level and text (a
  table's cells too); the 落款 (organ, ISO date); the 附件说明 items without the ``1.`` the writer
  numbers them with; the 附注 without the parentheses the writer puts round them; the attachments
  (label, title, blocks; their own 落款 — the last blocks, an organ and a date — as the writer lays it out:
  organ, ISO date);
* the 版记 lines: label and text, whitespace aside and dates compared as ISO (the writer prints the
  印发 date as ``2005年6月9日``);
* for the kinds whose DOCX prints the page facts (news, speeches): 来源, 原网址 and the publication
  time to the minute;
* a 公文 dated by its page facts alone (no dated 落款, no date in its text): the writer prints that date
  as the 成文日期 and says so in a warning (``date_only_in_page_facts``); read back, it is the 落款's date
  (``_signatures``).

The trap pages (``TRAPS``: fixtures/html/traps, fixtures/text/traps — tests/test_traps.py) round-trip too.

The 引题 and byline are compared apart (``same_credits``): where they are lost the test is marked as an
expected failure that says why. Not compared: ``removed``, ``warnings``, ``normalization``, ``source``
and line numbers — they describe the input, which differs (a text file, then a DOCX).

Re-typesetting: Word drafts built the way an office types them (tests/word_drafts.py) convert to a
DOCX that ``check_docx`` passes, whose structure is the draft's, and that LibreOffice renders.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import bulletin_format as bf
from bulletin_format.docx.writer import trailing_signature
from bulletin_format.model import Article, Block, Document
from bulletin_format.normalize.dates import find_dates

from .conftest import FIXTURES, SEEDS
from .test_traps import TRAP_FIXTURES
from .word_drafts import tongzhi, typed_by_hand

SHARED_DOCS = Path("/work/shared/realdocs/docs")
INPUTS = [
    *SEEDS,
    *sorted((FIXTURES / "official").glob("*.txt")),
    *sorted((FIXTURES / "text").glob("*.txt")),
    *sorted((FIXTURES / "html").glob("*.html")),
]
# Known limit: a 公告 dated only by its table of facts (發文日期), with no dated 落款, has its date in the JSON
# but not printed in the DOCX (the writer prints a 成文日期 from the page's 发布时间 only: printed under the
# last line, 縣長　林志明, it would read back as the 落款's organ) — so the date does not read back.
_DATE_NOT_PRINTED = {"tw_notice_fact_table.html"}
TRAP_PATHS = [
    *sorted((FIXTURES / "html" / "traps").glob("*.html")),
    *sorted((FIXTURES / "text" / "traps").glob("*.txt")),
]
TRAPS = [
    pytest.param(p, marks=pytest.mark.xfail(strict=True, reason="the table's 发文日期 is not printed in the DOCX"))
    if p.name in _DATE_NOT_PRINTED else p
    for p in TRAP_PATHS
]
PAGE_FACTS_PRINTED = ("news", "speech", "unknown")  # the DOCX writer prints 来源/发布时间/原网址 for these kinds
DATED_BY_PAGE_FACTS = "date_only_in_page_facts"  # the writer's warning: the 成文日期 printed from the page facts


def _dates_as_iso(text: str) -> str:
    out, at = [], 0
    for d in find_dates(text):
        out += [text[at : d.start], d.iso[:10]]
        at = d.end
    return re.sub(r"\s", "", "".join(out) + text[at:])


def _blocks(blocks: list[Block]) -> list[tuple[Any, ...]]:
    return [
        (b.type, b.level, b.text, [[(c.text, c.colspan, c.rowspan) for c in row] for row in b.rows or []])
        for b in blocks
        if b.type != "attachment_note"  # compared as the items (the writer numbers unnumbered ones)
    ]


def _attachment(label: str, title: str | None, blocks: list[Block]) -> tuple[Any, ...]:
    """An attachment with its own 落款 — its last blocks, which the writer lays out as 署名 and 成文日期 — taken apart
    as the writer takes it: the organ (printed over two lines, joined) and the date as ISO."""
    text, signatures = trailing_signature(blocks)
    return label, title, _blocks(text), [(s.organ, s.date) for s in signatures]


def _unwrapped(note: str) -> str:
    note = note.strip()
    return note[1:-1] if note[:1] in "（(" and note[-1:] in "）)" else note


def _signatures(doc: Document, article: Article) -> list[tuple[str | None, str | None]]:
    """The 落款 (organ, ISO date); for a 公文 the writer dated from its page facts (its warning says so), the
    落款 the DOCX prints: the header's date under any organ."""
    signatures = [(s.organ, s.date) for s in article.signatures]
    dated = any(DATED_BY_PAGE_FACTS in w for w in doc.warnings) and not any(date for _, date in signatures)
    if dated and article is doc.articles[0]:
        return [(organ, doc.header.date) for organ, _ in signatures] or [(None, doc.header.date)]
    return signatures


def structure(doc: Document) -> dict[str, Any]:
    """What a DOCX of ``doc`` prints and reading it back must give again (see the module docstring)."""
    h = doc.header
    out: dict[str, Any] = {
        "kind": doc.kind,
        "header": (h.issuer, h.bulletin, h.issue, h.doc_number, h.signer, h.copy_number, h.secrecy, h.urgency, h.date),
        "toc": doc.toc,
        "articles": [
            {
                "title": "".join(a.title_lines) or a.title,
                "subtitle": a.subtitle,
                "addressee": a.addressee,
                "blocks": _blocks(a.blocks),
                "signatures": _signatures(doc, a),
                "attachment_list": [re.sub(r"^\d+[.．、]\s*", "", x) for x in a.attachment_list],
                "notes": [_unwrapped(n) for n in a.notes],
                "attachments": [_attachment(t.label, t.title, t.blocks) for t in a.attachments],
            }
            for a in doc.articles
        ],
        "distribution": [(d.label, _dates_as_iso(d.text)) for d in doc.distribution],
    }
    if doc.kind in PAGE_FACTS_PRINTED:
        m = doc.metadata
        out["page_facts"] = (m.origin, m.url, (m.published or "")[:16] or None)
    return out


def credits(doc: Document) -> list[tuple[str | None, str | None]]:
    """引题 and byline of each article (compared apart: see ``same_credits``)."""
    return [(a.kicker, a.byline) for a in doc.articles]


def same_credits(before: Document, after: Document, how: str) -> None:
    """引题 and byline must survive too; where they do not yet, the test says why instead of passing."""
    if credits(after) != credits(before):
        pytest.xfail(f"the byline/引题 is lost through {how}: " + (
            "reading the DOCX back did not find it again" if how == "docx" else
            "normalisation closes the space between a speaker's office and name, so the byline pass "
            "no longer sees the printed byline"
        ))


def round_trip(path: Path) -> tuple[Document, Document]:
    doc = bf.parse(path)
    again = bf.parse(bf.render(doc, "docx"))
    assert again.source.format == "docx"
    return doc, again


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_what_the_writer_prints_the_reader_reads(path):
    before, after = round_trip(path)
    assert structure(after) == structure(before)
    same_credits(before, after, "docx")


@pytest.mark.parametrize("path", TRAPS, ids=lambda p: p.name)
def test_trap_pages_round_trip(path):
    before, after = round_trip(path)
    assert structure(after) == structure(before)
    same_credits(before, after, "docx")


def test_every_trap_page_is_in_the_round_trip():
    assert TRAP_PATHS == TRAP_FIXTURES  # the trap tests' pages, all of them


@pytest.mark.skipif(not SHARED_DOCS.is_dir(), reason="needs /work/shared/realdocs")
@pytest.mark.parametrize("name", sorted(p.name for p in SHARED_DOCS.glob("*")) if SHARED_DOCS.is_dir() else [])
def test_real_documents_round_trip(name):
    before, after = round_trip(SHARED_DOCS / name)
    assert structure(after) == structure(before)
    same_credits(before, after, "docx")


# --- Word drafts re-typeset ---------------------------------------------------------------------------------

DRAFTS = {
    "tongzhi": lambda: tongzhi(),
    "tongzhi-text-box": lambda: tongzhi(mark_in_text_box=True, with_extras=False),
    "han-typed-by-hand": typed_by_hand,
}


@pytest.fixture(scope="module")
def retypeset(tmp_path_factory) -> dict[str, tuple[Any, Path, Path]]:
    work = tmp_path_factory.mktemp("drafts")
    out = {}
    for name, build in DRAFTS.items():
        data, want = build()
        draft = work / f"{name}.docx"
        draft.write_bytes(data)
        fixed = work / f"{name}-fixed.docx"
        bf.convert(draft, to="docx", output=fixed)  # the one-line re-typeset
        out[name] = (want, draft, fixed)
    return out


@pytest.mark.parametrize("name", DRAFTS)
def test_a_word_draft_comes_out_conforming(retypeset, name):
    _, _, fixed = retypeset[name]
    report = bf.check_docx(fixed)
    assert report.ok, report.to_text()


@pytest.mark.parametrize("name", DRAFTS)
def test_the_retypeset_document_says_what_the_draft_said(retypeset, name):
    want, draft, fixed = retypeset[name]
    doc = bf.parse(fixed)
    assert structure(doc) == structure(bf.parse(draft))
    art = doc.articles[0]
    assert (doc.kind, doc.header.issuer, doc.header.doc_number) == ("document", want.issuer, want.doc_number)
    assert (art.title, art.addressee) == (want.title, want.addressee)
    assert [(b.level, b.text) for b in art.blocks if b.type == "heading"] == want.headings
    assert [(s.organ, s.date) for s in art.signatures] == [(want.organ, want.date)]
    tables = [b for b in art.blocks if b.type == "table"]
    assert [len(t.rows) for t in tables] == ([want.table_rows] if want.table_rows else [])


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT, PDFTOPPM = shutil.which("pdftotext"), shutil.which("pdftoppm")


@pytest.mark.render
@pytest.mark.skipif(not (SOFFICE and PDFTOTEXT and PDFTOPPM), reason="needs LibreOffice and poppler-utils")
def test_the_retypeset_drafts_render(retypeset, tmp_path):
    fonts_conf = resources.files("bulletin_format").joinpath("render", "fonts.conf")
    env = dict(os.environ, FONTCONFIG_FILE=str(fonts_conf))
    fixed = [f for _, _, f in retypeset.values()]
    cmd = [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
           "--outdir", str(tmp_path), *map(str, fixed)]
    subprocess.run(cmd, env=env, capture_output=True, timeout=300, check=False)
    for name, (want, _, docx_path) in retypeset.items():
        pdf = tmp_path / f"{docx_path.stem}.pdf"
        assert pdf.exists(), name
        pages = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, check=True, text=True).stdout
        pages_text = [re.sub(r"\s", "", p) for p in pages.split("\f") if p.strip()]
        assert want.title[:8] in pages_text[0], name  # the title is on page 1 …
        if want.doc_number:
            assert pages_text[0].index(want.doc_number) < pages_text[0].index(want.title[:8])  # … under the 版头
        if want.distribution:
            assert "印发" in pages_text[-1], name  # the 版记 ends the last page
        subprocess.run([PDFTOPPM, "-png", "-r", "60", str(pdf), str(tmp_path / name)], check=True)
        assert len(list(tmp_path.glob(f"{name}-*.png"))) == len(pages_text), name

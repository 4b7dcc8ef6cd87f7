"""Traditional input keeps its script and gets the Simplified structure (the Simplified shadow, shadow.py).

Every input of the project — the seeds, the fixtures, and the real pages of /work/shared/realdocs when
that directory exists — is converted to Traditional with OpenCC (s2t, s2tw, s2hk) and handed over as
UTF-8 bytes and as Big5 bytes, then parsed with the default options (``chinese="keep"``). The result
must be the Simplified original's Document with every text field converted by the same configuration:
the same articles, blocks and levels, header, distribution, signatures, metadata, removed lines and
normalisation counts, and each text in the Traditional input's characters, one for one.

An input stored in another encoding (GBK trap pages) is decoded first; the Traditional version is
handed over as UTF-8 or Big5 bytes, an HTML page declaring that charset. Big5 cannot encode every
character OpenCC writes (s2t's 爲 羣 衆 啓 裏 着, NBSP, ©, U+2015 …). An HTML
page prints those as character references (``errors="xmlcharrefreplace"``); a text
file prints the Taiwan form of such a character where Big5 has one (羣 → 群, 温 → 溫: what a Big5
file would print), and leaves the others (NBSP, ©, U+2015 …) out of both the Traditional text and
the Simplified original it is compared with (OpenCC converts one character for one, so the positions
agree).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import bulletin_format as bf
from bulletin_format import shadow as sh
from bulletin_format.model import Document
from bulletin_format.normalize.chinese import convert_text
from bulletin_format.readers.encoding import decode_bytes
from bulletin_format.walk import walk

from .conftest import FIXTURES, SEEDS

pytest.importorskip("opencc")

SHARED = Path("/work/shared")
REALDOCS = SHARED / "realdocs" / "docs"
FIXTURE_INPUTS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html") and "gold" not in p.parts)
REALDOC_INPUTS = sorted(REALDOCS.iterdir()) if REALDOCS.is_dir() else []
INPUTS = SEEDS + FIXTURE_INPUTS + REALDOC_INPUTS
CONFIGS = ("s2t", "s2tw", "s2hk")
_CHARSET = re.compile(r"(charset=[\"']?)[\w-]+", re.IGNORECASE)


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@cache
def _simplified(path: Path) -> str:
    text = decode_bytes(path.read_bytes()).text  # a few trap fixtures are GBK pages: now they are UTF-8
    return _CHARSET.sub(r"\1utf-8", text) if path.suffix == ".html" else text


@cache
def _big5_input(path: Path, config: str) -> tuple[str, bytes, tuple[tuple[str, str], ...]]:
    """The Simplified reference, the Big5 bytes of its Traditional version, and the characters the
    Traditional text had to print otherwise (its Taiwan form) to be Big5."""
    simplified = _simplified(path)
    traditional = convert_text(simplified, config)
    if path.suffix == ".html":
        page = _CHARSET.sub(r"\1big5", traditional)
        return simplified, page.encode("big5", errors="xmlcharrefreplace"), ()
    assert len(traditional) == len(simplified)  # OpenCC: one character for one
    lacking = {c for c in set(traditional) if not _in_big5(c)}
    taiwan = {c: convert_text(convert_text(c, "hk2t"), "t2tw") for c in lacking}  # 温 → 溫, 羣 → 群
    forms = tuple((c, t) for c, t in sorted(taiwan.items()) if _in_big5(t))
    left_out = lacking - {c for c, _ in forms}
    keep = [i for i, c in enumerate(traditional) if c not in left_out]
    text = "".join(traditional[i] for i in keep).translate(str.maketrans(dict(forms)))
    return "".join(simplified[i] for i in keep), text.encode("big5"), forms


def _in_big5(char: str) -> bool:
    try:
        char.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


@cache
def _expected(reference: str, config: str, forms: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """The Simplified original parsed, every text field converted with ``config`` (and printed in
    ``forms`` where Big5 needed it)."""
    doc = bf.parse(reference.encode("utf-8"))
    table = str.maketrans(dict(forms))
    walk(doc, lambda text, role: convert_text(text, config).translate(table))
    return _comparable(doc)


def _comparable(doc: Document) -> dict[str, Any]:
    data = doc.to_dict()
    del data["source"]  # encoding, size and evidence differ by construction
    return data


def _flat(data: Any, path: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        return {k: v for key, value in data.items() for k, v in _flat(value, f"{path}.{key}").items()}
    if isinstance(data, list):
        return {k: v for i, value in enumerate(data) for k, v in _flat(value, f"{path}[{i}]").items()}
    return {path: data}


def _assert_same(got: dict[str, Any], want: dict[str, Any]) -> None:
    if got != want:
        g, w = _flat(got), _flat(want)
        diffs = [f"{k}: got {g.get(k)!r:.80} want {w.get(k)!r:.80}" for k in sorted(g.keys() | w.keys())
                 if g.get(k) != w.get(k)]
        pytest.fail(f"{len(diffs)} fields differ:\n" + "\n".join(diffs[:12]))


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", INPUTS, ids=_name)
def test_traditional_input_gives_the_simplified_structure_in_its_own_script(path, config, encoding):
    if encoding == "utf-8":
        reference, forms = _simplified(path), ()
        data = convert_text(reference, config).encode("utf-8")
    else:
        reference, data, forms = _big5_input(path, config)
    doc = bf.parse(data)
    if encoding == "big5":
        assert doc.source.encoding.replace("-", "").lower() in {"big5", "cp950", "big5hkscs"}
    _assert_same(_comparable(doc), _expected(reference, config, forms))


@pytest.mark.parametrize("config", CONFIGS)
def test_a_traditional_markdown_draft_gives_the_simplified_structure(config):
    from .test_markdown_reader import DRAFT

    doc = bf.parse(convert_text(DRAFT, config).encode("utf-8"))
    assert doc.source.format == "markdown"
    _assert_same(_comparable(doc), _expected(DRAFT, config))


def test_the_comparison_sees_a_bulletin_read_without_its_shadow(monkeypatch):
    """Read as it is, a Traditional bulletin loses its 報/送/發 block: the comparison above notices."""
    reference = _simplified(SEEDS[1])
    data = convert_text(reference, "s2tw")
    with_shadow = bf.parse(data)
    assert [d.label for d in with_shadow.distribution] == ["報", "送", "發"]
    monkeypatch.setattr(sh.ShadowReading, "prepare", lambda self, text, fmt: text)
    without = bf.parse(data)
    assert not without.distribution
    assert _comparable(without) != _expected(reference, "s2tw")


# --- mapping back: the position decides ------------------------------------------------------------


def test_each_field_comes_back_as_the_input_printed_it():
    """发 ← 發/髮, 后 ← 後/后, 干 ← 幹/乾/干 in one input: every field keeps its own characters."""
    text = (
        "關於規範理髮行業發展的通知\n\n各區縣人民政府：\n"
        "    皇后大道東的理髮店之後發展良好，頭髮護理與發票管理並重。\n"
        "    幹部要乾淨做事，若干問題另行通知。\n\n市商務局\n2019年3月5日\n\n抄送：市發展改革委，皇后區政府。\n"
    )
    doc = bf.parse(text)
    art = doc.articles[0]
    assert art.title == "關於規範理髮行業發展的通知"
    assert art.addressee == "各區縣人民政府"
    assert [b.text for b in art.blocks] == [
        "皇后大道東的理髮店之後發展良好，頭髮護理與發票管理並重。", "幹部要乾淨做事，若干問題另行通知。"
    ]
    assert art.signatures[0].organ == "市商務局"
    assert [(d.label, d.recipients) for d in doc.distribution] == [("抄送", ["市發展改革委", "皇后區政府"])]
    assert not any(k.startswith("opencc_") for k in doc.normalization)  # the shadow is not a conversion


def test_the_same_shadow_text_from_different_characters_is_told_apart_by_position():
    text = "關於後台管理的通知\n理髮後台今日開放。\n皇后大道也在今日開放。\n理發后台今日開放。\n理髮後台今日開放。\n"
    doc = bf.parse(text)
    assert [b.text for b in doc.articles[0].blocks] == [
        "理髮後台今日開放。", "皇后大道也在今日開放。", "理發后台今日開放。", "理髮後台今日開放。"
    ]
    shadow = sh.Shadow("甲發乙。丙髮乙。", sh.shadow_text("甲發乙。丙髮乙。"))
    assert [shadow.back("发乙。"), shadow.back("发乙。")] == ["發乙。", "髮乙。"]  # each after the last one found


def test_a_title_wrapped_over_lines_and_a_normalised_doc_number_come_back():
    text = (
        "臨江省人民政府辦公廳關於西嶺縣\n理髮店後續發展問題的復函\n臨政辦發[2004]31號\n西嶺縣人民政府：\n"
        "你縣來函收悉。理髮店之後的發展，頭髮護理與皇后大道的店面同步。\n臨江省人民政府辦公廳\n2004年11月4日\n"
    )
    doc = bf.parse(text)
    assert doc.title == "臨江省人民政府辦公廳關於西嶺縣理髮店後續發展問題的復函"
    assert doc.articles[0].title_lines == ["臨江省人民政府辦公廳關於西嶺縣", "理髮店後續發展問題的復函"]
    assert (doc.header.doc_number, doc.header.doc_number_text) == ("臨政辦發〔2004〕31號", "臨政辦發[2004]31號")
    assert doc.articles[0].signatures[0].date_text == "2004年11月4日"


def test_html_pieces_split_by_inline_tags_page_facts_and_removed_lines_come_back():
    page = (
        "<html><head><title>理髮後台 - 某某網</title></head><body><div class='crumb'>當前位置：首頁 &gt; 新聞</div>"
        "<h1>關於理髮行業發展的通知</h1><div class='content'>"
        "<p>皇<b>后</b>大道的<span>後</span>面有理<i>髮</i>店，發展很快。頭髮護理之後，皇后餅店也開了。</p>"
        "<p>來源：新華社　責任編輯：王五</p></div></body></html>"
    )
    doc = bf.parse(page)
    assert doc.title == "關於理髮行業發展的通知"
    paragraph = "皇后大道的後面有理髮店，發展很快。頭髮護理之後，皇后餅店也開了。"
    assert [b.text for b in doc.articles[0].blocks] == [paragraph]
    assert (doc.metadata.title, doc.metadata.origin, doc.metadata.editor) == ("理髮後台 - 某某網", "新華社", "王五")
    assert [r.text for r in doc.removed] == ["當前位置：首頁 > 新聞", "來源：新華社\u3000責任編輯：王五"]


def test_a_page_written_in_character_references_is_read_as_its_text():
    """Some pages (and Big5 pages, for what Big5 lacks) print hanzi as &#NNNNN;: the shadow is made
    after those are decoded, so they are read like the characters."""
    path = FIXTURES / "html" / "gov_notice.html"
    traditional = convert_text(_simplified(path), "s2t")
    as_references = bf.parse(traditional.encode("ascii", errors="xmlcharrefreplace"))
    assert _comparable(as_references) == _comparable(bf.parse(traditional.encode("utf-8")))
    assert as_references.articles[0].addressee == "各區縣人民政府，市政府各部門"


def test_the_shadow_is_one_character_for_one_even_when_a_conversion_is_not(monkeypatch):
    """The shipped dictionaries never change a length; a conversion that did is realigned."""
    def fake(text: str) -> str:
        return text.replace("乙丙", "乙").replace("甲", "亇")

    monkeypatch.setattr(sh, "_convert", fake)
    assert sh.shadow_text("甲乙丙丁\n甲乙\n") == "亇乙丙丁\n亇乙\n"


# --- nothing to convert costs nothing --------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS + FIXTURE_INPUTS, ids=_name)
def test_simplified_input_is_read_as_it_is(path):
    text = _simplified(path)
    reading = sh.ShadowReading()
    assert reading.prepare(text, "html" if path.suffix == ".html" else "text") is text
    assert reading.shadow is None


def test_a_simplified_page_with_a_few_traditional_words_is_read_as_it_is():
    sentence = "各地区各部门要认真贯彻落实，切实加强组织领导，确保各项工作落到实处。"
    body = "".join(f"<p>第{i}条　{sentence}</p>" for i in range(20))
    page = f"<html><body><a href='/big5'>繁體</a><h1>关于加强管理工作的通知</h1>{body}</body></html>"
    assert sh.has_traditional(page) and not sh.is_traditional(page)
    reading = sh.ShadowReading()
    assert reading.prepare(page, "html") is page and reading.shadow is None
    assert sh.is_traditional(convert_text(page, "s2t"))


def test_the_shipped_table_is_the_installed_opencc(tmp_path):
    """``python -m bulletin_format.shadow_table PATH`` writes the table again from the installed OpenCC;
    the shipped one must be what it writes (regenerate it after upgrading OpenCC)."""
    from bulletin_format import shadow_chars

    target = tmp_path / "shadow_chars.py"
    subprocess.run([sys.executable, "-m", "bulletin_format.shadow_table", str(target)], check=True)
    assert target.read_text(encoding="utf-8") == Path(shadow_chars.__file__).read_text(encoding="utf-8")
    assert "發" in shadow_chars.TRADITIONAL_CHARS and "发" not in shadow_chars.TRADITIONAL_CHARS


def test_traditional_and_simplified_still_convert_on_top():
    text = convert_text(_simplified(SEEDS[1]), "s2tw")
    kept = bf.parse(text)
    to_simplified = bf.parse(text, chinese="simplified")
    assert kept.title == convert_text(to_simplified.title, "s2tw")
    assert to_simplified.normalization["opencc_tw2s"] > 0
    assert [r.text for r in to_simplified.removed] == [r.text for r in kept.removed]  # removed: as printed
    to_traditional = bf.parse(text, chinese="traditional", opencc_config="s2tw")
    assert _comparable(to_traditional)["articles"] == _comparable(kept)["articles"]
    assert "opencc_s2tw" not in to_traditional.normalization  # nothing left to convert


# --- the Traditional seeds score like the originals ---------------------------------------------------


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").is_file(), reason="/work/shared is not here")
@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
def test_traditional_seeds_score_like_the_originals(encoding, tmp_path):
    """Each seed in Taiwan Traditional (s2tw), parsed with the default options; its JSON converted back
    with tw2s and scored against the gold by the shared scorer (called as a program)."""
    for path in SEEDS:
        if encoding == "utf-8":
            data = convert_text(_simplified(path), "s2tw").encode("utf-8")
        else:
            data = _big5_input(path, "s2tw")[1]
        doc = bf.parse(data)
        walk(doc, lambda text, role: convert_text(text, "tw2s"))
        (tmp_path / f"{path.stem}.json").write_text(json.dumps(doc.to_dict(), ensure_ascii=False), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "gold"), str(tmp_path)],
        capture_output=True, text=True, check=True,
    )
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith(f"score: {len(SEEDS)}/{len(SEEDS)} documents pass"), result.stdout

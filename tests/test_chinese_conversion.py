"""Traditional ↔ Simplified conversion: options, OpenCC package compatibility, and the seeds round trip.

"Same document" is strict: ``to_dict()`` equal in every field except ``source`` (path, encoding and
size of the input differ by construction) and the ``opencc_*`` keys of ``normalization`` (the
other normalisation counts must agree too). ``chinese="simplified"`` converts the document, never
what was removed: ``removed[]`` keeps the input's script, and is the Simplified one's after ``tw2s``.
(Traditional input read with the default ``keep``: tests/test_traditional.py.)
"""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

import bulletin_format as bf
from bulletin_format.normalize import chinese as zh

from .conftest import SEEDS

opencc = pytest.importorskip("opencc")

# Big5 has no NBSP, no U+2015 and no ©: a Big5 page prints a space, U+2014 and (C) instead.
BIG5_SUBSTITUTES = str.maketrans({"\u00a0": " ", "\u2015": "\u2014", "\u00a9": "(C)"})


def comparable(doc: bf.Document) -> dict[str, Any]:
    data = doc.to_dict()
    del data["source"]
    data["normalization"] = {k: v for k, v in data["normalization"].items() if not k.startswith("opencc_")}
    return data


def assert_same_document(got: bf.Document, want: bf.Document) -> None:
    g, w = comparable(got), comparable(want)
    for key in w:
        assert g[key] == w[key], key
    assert g == w


def assert_simplified_of(got: bf.Document, want: bf.Document, traditional: str) -> None:
    """``got`` (a Traditional input parsed with chinese="simplified") is ``want``, and its removed texts
    are the input's, which are ``want``'s in Simplified."""
    g, w = comparable(got), comparable(want)
    removed = g.pop("removed")
    assert [{**r, "text": zh.convert_text(r["text"], "tw2s")} for r in removed] == w.pop("removed")
    assert all(r["text"] in traditional for r in removed)
    for key in w:
        assert g[key] == w[key], key
    assert g == w


def seed_text(path) -> str:
    return path.read_text(encoding="utf-8")


def to_traditional(text: str, config: str) -> str:
    return opencc.OpenCC(config).convert(text)


# --- options ---------------------------------------------------------------------------------------


def test_default_configs():
    assert zh.resolve_config("keep") is None
    assert zh.resolve_config("simplified") == "tw2s"
    assert zh.resolve_config("traditional") == "s2t"


def test_config_override_and_json_suffix():
    assert zh.resolve_config("simplified", "t2s") == "t2s"
    assert zh.resolve_config("traditional", "s2tw.json") == "s2tw"
    assert zh.resolve_config("keep", "s2tw") is None


def test_unknown_direction_is_a_typed_error():
    with pytest.raises(zh.ChineseConversionError, match="unknown chinese"):
        bf.parse("测试文本", chinese="simple")


def test_unknown_config_is_a_typed_error():
    with pytest.raises(zh.ChineseConversionError, match="no configuration"):
        zh.converter("no_such_config")


def test_converter_takes_both_config_spellings_and_is_cached():
    assert zh.converter("t2s").convert("漢字") == "汉字"
    assert zh.convert_text("漢字", "t2s.json") == "汉字"
    assert zh.converter("t2s") is zh.converter("t2s")


def test_works_with_a_package_that_takes_bare_names_only(monkeypatch):
    """opencc-python-reimplemented raises on "t2s.json": only the bare name may be passed."""
    calls = []

    class BareOnly:
        def __init__(self, config: str) -> None:
            calls.append(config)
            if config.endswith(".json"):
                raise ValueError("bare names only")
            self.config = config

        def convert(self, text: str) -> str:
            return text.replace("漢", "汉")

    fake = types.ModuleType("opencc")
    fake.OpenCC = BareOnly  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "opencc", fake)
    zh.converter.cache_clear()
    try:
        assert zh.convert_text("漢字", "t2s.json") == "汉字"
        assert calls == ["t2s"]
    finally:
        zh.converter.cache_clear()


def test_works_with_a_package_that_needs_the_json_suffix(monkeypatch):
    class JsonOnly:
        def __init__(self, config: str) -> None:
            if not config.endswith(".json"):
                raise RuntimeError(f"{config} not found or not accessible.")

        def convert(self, text: str) -> str:
            return text.upper()

    fake = types.ModuleType("opencc")
    fake.OpenCC = JsonOnly  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "opencc", fake)
    zh.converter.cache_clear()
    try:
        assert zh.convert_text("abc", "t2s") == "ABC"
    finally:
        zh.converter.cache_clear()


def test_changed_chars_counts_differences():
    assert zh.changed_chars("漢字著", "汉字着") == 2
    assert zh.changed_chars("abc", "abc") == 0
    assert zh.changed_chars("abcd", "abXcd") == 1


# --- conversion on documents -------------------------------------------------------------------------


def test_traditional_converts_every_text_field_but_urls():
    doc = bf.parse(SEEDS[3], chinese="traditional")
    plain = bf.parse(SEEDS[3])
    assert doc.metadata.url == plain.metadata.url
    assert doc.metadata.origin == "中國廣播網"
    assert doc.title == zh.convert_text(plain.title, "s2t")
    want = [zh.convert_text(b.text, "s2t") for b in plain.articles[0].blocks]
    assert [b.text for b in doc.articles[0].blocks] == want
    assert doc.normalization["opencc_s2t"] > 500


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_traditional_is_the_simplified_document_converted(path):
    """Conversion to Traditional happens after segmentation, so the structure is the Simplified one."""
    want = bf.parse(path)
    counts = zh.convert_document(want, "s2t")
    got = bf.parse(path, chinese="traditional")
    assert_same_document(got, want)
    assert got.normalization["opencc_s2t"] == counts["opencc_s2t"]


def test_keep_leaves_traditional_text_alone():
    text = to_traditional(seed_text(SEEDS[0]), "s2t")
    doc = bf.parse(text)
    assert not any(k.startswith("opencc_") for k in doc.normalization)
    assert "廣州市" in doc.title


def test_conversion_happens_without_normalisation():
    text = to_traditional(seed_text(SEEDS[1]), "s2tw")
    doc = bf.parse(text, chinese="simplified", normalize=False)
    assert set(doc.normalization) == {"opencc_tw2s"}
    assert "省委召开" in doc.title


def test_custom_config_is_counted_under_its_name():
    doc = bf.parse(text="漢字與著作", chinese="simplified", opencc_config="t2s.json")
    assert doc.normalization.get("opencc_t2s") == 2


def test_convert_document_for_documents_built_elsewhere():
    doc = bf.Document.from_dict(bf.parse(SEEDS[1]).to_dict())
    counts = zh.convert_document(doc, "s2t")
    assert counts["opencc_s2t"] > 100
    assert "領導小組" in "".join(b.text for b in doc.articles[0].blocks)
    assert doc.distribution[0].recipients[0] == "中央組織部"


# --- the seeds round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("config", ["s2t", "s2tw"])
@pytest.mark.parametrize("as_bytes", [False, True], ids=["text", "utf8"])
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_traditional_seed_parses_to_the_original(path, config, as_bytes):
    traditional = to_traditional(seed_text(path), config)
    assert traditional != seed_text(path)
    source = traditional.encode("utf-8") if as_bytes else traditional
    doc = bf.parse(source, chinese="simplified")
    assert_simplified_of(doc, bf.parse(seed_text(path)), traditional)
    assert doc.normalization["opencc_tw2s"] > 0


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_big5_seed_parses_to_the_original(path):
    reference = seed_text(path).translate(BIG5_SUBSTITUTES)
    traditional = to_traditional(reference, "s2tw")
    doc = bf.parse(traditional.encode("big5"), chinese="simplified")
    assert doc.source.encoding.replace("-", "").lower() in {"big5", "cp950", "big5hkscs"}
    assert_simplified_of(doc, bf.parse(reference), traditional)

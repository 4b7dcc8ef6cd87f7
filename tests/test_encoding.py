"""Encoding detection: the seeds re-encoded every way crawlers leave them must decode to exactly the original.

The corpus is generated here from seeds/*.txt (UTF-8): whole files and 20/200-character snippets in GBK,
GB18030, GB2312 (GB2312-only text), UTF-8 (with and without BOM), UTF-16 with BOM (both byte orders) and
without, CRLF line ends, Big5 (after OpenCC s2tw); plain and inside mostly-ASCII HTML with no, the right and
a wrong ``<meta charset>``. Checked through ``decode_bytes`` and through ``bulletin_format.parse``.
"""

from __future__ import annotations

import functools
import inspect

import pytest

import bulletin_format as bf
from bulletin_format.readers import encoding as enc
from bulletin_format.readers.encoding import codecs_for, declared_label, decode_bytes, plausibility

from .conftest import SEEDS

EVIDENCES = {"bom", "utf-8", "declared", "detected", "fallback"}


# --- corpus helpers -------------------------------------------------------------------------------------


@functools.cache
def seed_text(index: int) -> str:
    return SEEDS[index].read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def _s2tw():
    import opencc

    errors = []
    for config in ("s2tw", "s2tw.json"):  # the official binding takes both; the reimplementation only "s2tw"
        try:
            return opencc.OpenCC(config)
        except Exception as error:  # each package raises its own type for an unknown config
            errors.append(error)
    raise RuntimeError(f"OpenCC has no s2tw configuration: {errors}")


def traditional(text: str) -> str:
    return _s2tw().convert(text)


def fit(text: str, codec: str) -> str:
    """``text`` without the characters ``codec`` cannot hold (GBK has no NBSP, Big5 no ©)."""
    return "".join(c for c in text if _encodable(c, codec))


def gb2312_only(text: str) -> str:
    """Characters GB2312 holds, less the two it maps apart from GBK (A1A4 ・ and A1AA ―: see below)."""
    return "".join(c for c in fit(text, "gb2312") if c.encode("gb2312") == c.encode("gbk"))


def _encodable(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def chinese_snippet(text: str, length: int, at: float) -> str:
    """``length`` characters from ``at`` (a fraction) into ``text``, starting at a line with hanzi."""
    start = int(len(text) * at)
    while start < len(text) and not ("\u4e00" <= text[start] <= "\u9fff"):
        start += 1
    return text[start : start + length]


def html_page(body: str, label: str | None) -> str:
    """20–50 hanzi inside a few KB of ASCII markup: the trap that made chardet answer Windows-1252."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">\n' if label else ""
    nav = "".join(f'<li><a href="/col/col{i}/index.html" class="menu">Column {i}</a></li>\n' for i in range(40))
    return (
        f"<!DOCTYPE html>\n<html>\n<head>\n{meta}<title>page</title>\n"
        '<script type="text/javascript">var site = {id: 1024, lang: "zh"}; function go(u) {location = u;}</script>\n'
        f'</head>\n<body>\n<ul class="nav">\n{nav}</ul>\n<div class="article"><p>{body}</p></div>\n'
        '<div class="foot">Copyright 2005, all rights reserved. ICP 05012345</div>\n</body>\n</html>\n'
    )


def with_bom(text: str, codec: str) -> bytes:
    boms = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff", "utf-8": b"\xef\xbb\xbf"}
    return boms[codec] + text.encode(codec)


def assert_exact(data: bytes, expected: str) -> enc.Decoded:
    decoded = decode_bytes(data)
    assert decoded.text == expected, (decoded.encoding, decoded.evidence)
    assert decoded.evidence in EVIDENCES
    assert decoded.replaced == 0 and decoded.replaced_at == []
    return decoded


# --- whole seeds in every encoding that can hold them ----------------------------------------------------

SEED_IDS = [p.stem[:3] for p in SEEDS]
PLAIN = {
    "utf-8": (lambda t: t.encode("utf-8"), "utf-8", "utf-8"),
    "utf-8-sig": (lambda t: with_bom(t, "utf-8"), "utf-8-sig", "bom"),
    "utf-16": (lambda t: t.encode("utf-16"), "utf-16", "bom"),
    "utf-16-le+bom": (lambda t: with_bom(t, "utf-16-le"), "utf-16", "bom"),
    "utf-16-be+bom": (lambda t: with_bom(t, "utf-16-be"), "utf-16", "bom"),
    "utf-16-le": (lambda t: t.encode("utf-16-le"), "utf-16-le", "detected"),
    "utf-16-be": (lambda t: t.encode("utf-16-be"), "utf-16-be", "detected"),
    "gbk": (lambda t: fit(t, "gbk").encode("gbk"), "gb18030", "detected"),
    "gb18030": (lambda t: t.encode("gb18030"), "gb18030", "detected"),
}


@pytest.mark.parametrize("name", list(PLAIN))
@pytest.mark.parametrize("index", range(len(SEEDS)), ids=SEED_IDS)
def test_whole_seed_decodes_exactly(index, name):
    encode, codec, evidence = PLAIN[name]
    text = fit(seed_text(index), "gbk") if name == "gbk" else seed_text(index)
    decoded = assert_exact(encode(text), text)
    assert (decoded.encoding, decoded.evidence) == (codec, evidence)


@pytest.mark.parametrize("codec", ["gbk", "utf-8", "big5"])
@pytest.mark.parametrize("index", range(len(SEEDS)), ids=SEED_IDS)
def test_crlf_line_ends_are_kept(index, codec):
    text = seed_text(index)
    text = traditional(text) if codec == "big5" else text
    text = fit(text, codec).replace("\n", "\r\n")
    assert_exact(text.encode(codec), text)


@pytest.mark.parametrize("index", range(len(SEEDS)), ids=SEED_IDS)
def test_big5_after_s2tw(index):
    text = fit(traditional(seed_text(index)), "big5")
    decoded = assert_exact(text.encode("big5"), text)
    assert decoded.encoding in ("big5", "cp950", "big5hkscs")


def test_s2tw_output_of_the_seeds_is_big5_encodable():
    """Guard for the test above: it filters unencodable characters, so there must be almost none."""
    text = traditional(seed_text(0))
    assert sum(not _encodable(c, "big5") for c in text) <= len(text) // 200


@pytest.mark.parametrize("index", range(len(SEEDS)), ids=SEED_IDS)
def test_gb2312_only_text_is_promoted_to_gb18030(index):
    text = gb2312_only(seed_text(index))
    decoded = assert_exact(text.encode("gb2312"), text)
    assert decoded.encoding == "gb18030"


def test_gb2312_middle_dot_and_dash_come_back_as_gbk_has_them():
    # Python's gb2312 maps A1A4/A1AA to U+30FB/U+2015; GBK and GB18030 (what pages mean) to · and —
    data = "会议指出・要坚持――全面推进各项工作的落实，确保取得实效。".encode("gb2312")
    assert decode_bytes(data).text == "会议指出·要坚持——全面推进各项工作的落实，确保取得实效。"


# --- snippets and HTML wrappers ----------------------------------------------------------------------------

SNIPPET_CODECS = ("gbk", "gb18030", "gb2312", "big5", "utf-8", "utf-8-sig", "utf-16")


def snippet_cases():
    return [
        pytest.param(index, length, at, id=f"{SEED_IDS[index]}-{length}@{at}")
        for index in range(len(SEEDS))
        for length, at in ((20, 0.15), (20, 0.55), (50, 0.35), (200, 0.5))
    ]


def encode_snippet(snippet: str, codec: str) -> tuple[str, bytes]:
    if codec == "big5":
        snippet = fit(traditional(snippet), "big5")
    elif codec in ("gb2312", "gbk"):
        snippet = fit(snippet, codec)
    if codec == "utf-8-sig":
        return snippet, with_bom(snippet, "utf-8")
    return snippet, snippet.encode(codec)


@pytest.mark.parametrize("codec", SNIPPET_CODECS)
@pytest.mark.parametrize(("index", "length", "at"), snippet_cases())
def test_short_snippet(index, length, at, codec):
    snippet, data = encode_snippet(chinese_snippet(seed_text(index), length, at), codec)
    assert_exact(data, snippet)


RIGHT = {"gbk": "gbk", "gb18030": "gb18030", "gb2312": "gb2312", "big5": "big5", "utf-8": "utf-8"}
WRONG = {"gbk": "utf-8", "gb18030": "big5", "gb2312": "iso-8859-1", "big5": "gb2312", "utf-8": "gb2312"}


@pytest.mark.parametrize("meta", ["missing", "right", "wrong"])
@pytest.mark.parametrize("codec", list(RIGHT))
@pytest.mark.parametrize(("index", "length", "at"), [(i, n, 0.4) for i in range(len(SEEDS)) for n in (20, 50)])
def test_html_wrapper(index, length, at, codec, meta):
    body = chinese_snippet(seed_text(index), length, at).replace("\n", " ")
    body, _ = encode_snippet(body, codec)
    label = {"missing": None, "right": RIGHT[codec], "wrong": WRONG[codec]}[meta]
    page = html_page(body, label)
    decoded = assert_exact(page.encode(codec), page)
    assert decoded.declared == label
    if meta == "right" and codec != "utf-8":
        assert decoded.evidence == "declared"


def test_xml_declaration_is_read():
    page = '<?xml version="1.0" encoding="GB2312"?>\n<html><body><p>国务院办公厅关于做好工作的通知</p></body></html>\n'
    decoded = assert_exact(page.encode("gbk"), page)
    assert (decoded.declared, decoded.evidence, decoded.encoding) == ("GB2312", "declared", "gb18030")


def test_declaration_after_the_first_kib_is_not_looked_for():
    page = "<html><head>" + "<!-- padding -->" * 800 + '<meta charset="gbk"></head><body>通知</body></html>'
    assert declared_label(page.encode("gbk")) is None
    assert declared_label(b'<meta charset="big5">') == "big5"
    assert declared_label(b"<meta content='text/html; charset=x-gbk' http-equiv='Content-Type'>") == "x-gbk"


def test_utf8_page_labelled_gb2312_is_utf8():
    page = html_page("各地认真贯彻落实中央部署，扎实推进先进性教育活动。", "gb2312")
    decoded = assert_exact(page.encode("utf-8"), page)
    assert (decoded.encoding, decoded.evidence, decoded.declared) == ("utf-8", "utf-8", "gb2312")


def test_big5_page_labelled_gb2312_is_big5():
    page = html_page(traditional("各地认真贯彻落实中央部署，扎实推进先进性教育活动，取得明显成效。"), "gb2312")
    decoded = assert_exact(page.encode("big5"), page)
    assert decoded.encoding in ("big5", "cp950", "big5hkscs")
    assert decoded.evidence == "detected"


def test_gbk_with_one_hanzi_in_ascii():
    text = "Report No. 2005-17, issued 2005-02-19 by the office. 中 End of notice.\n" * 3
    assert_exact(text.encode("gbk"), text)


def test_gbk_that_is_valid_utf8_follows_its_gb_declaration():
    # 通 is CD A8 in GBK: also valid UTF-8 (U+0368). With only 2-byte UTF-8 sequences and a GB declaration,
    # the declaration wins; without one, UTF-8 stands (never overrule UTF-8 on a guess).
    page = html_page("Report No. 17 通", "gbk")
    decoded = assert_exact(page.encode("gbk"), page)
    assert (decoded.encoding, decoded.evidence) == ("gb18030", "declared")
    assert decode_bytes(page.replace("gbk", "utf-8").encode("gbk")).encoding == "utf-8"
    cafe = html_page("Café résumé", "gb2312")
    assert_exact(cafe.encode("utf-8"), cafe)


# --- non-Chinese controls stay what they are -------------------------------------------------------------

CONTROLS = [
    ("Съешь же ещё этих мягких французских булок, да выпей чаю. Москва, Россия, столица.\n", "windows-1251"),
    ("いろはにほへと ちりぬるを わかよたれそ つねならむ。東京都の天気は晴れです。今日は良い日です。\n", "shift_jis"),
    ("いろはにほへと ちりぬるを わかよたれそ つねならむ。東京都の天気は晴れです。今日は良い日です。\n", "euc-jp"),
    ("다람쥐 헌 쳇바퀴에 타고파. 서울특별시의 날씨는 맑습니다. 대한민국 정부는 오늘 발표했다.\n", "euc-kr"),
    ("The quick brown fox jumps over the lazy dog. Café, naïve, résumé, déjà vu, façade.\n", "cp1252"),
]


@pytest.mark.parametrize(("text", "codec"), CONTROLS, ids=[c for _, c in CONTROLS])
def test_non_chinese_text_is_not_overruled(text, codec):
    assert_exact(text.encode(codec), text)


# --- lossy fallback: reported, never silent ----------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "gbk", "big5"])
@pytest.mark.parametrize("index", range(len(SEEDS)), ids=SEED_IDS)
def test_one_broken_byte_is_replaced_once_and_reported(index, codec):
    text = fit(traditional(seed_text(index)), "big5") if codec == "big5" else fit(seed_text(index), codec)
    at = len(text) // 2
    data = text[:at].encode(codec) + b"\xff" + text[at:].encode(codec)
    decoded = decode_bytes(data)
    assert decoded.evidence == "fallback"
    assert decoded.replaced == 1 and decoded.replaced_at == [at]
    assert decoded.text == text[:at] + "\ufffd" + text[at:]


def test_strict_decodes_never_hold_a_replacement_character():
    for index in range(len(SEEDS)):
        for name, (encode, _, _) in PLAIN.items():
            decoded = decode_bytes(encode(seed_text(index)))
            assert "\ufffd" not in decoded.text, name


def test_a_replacement_character_in_the_input_is_data_not_damage():
    text = "原文已有替换符\ufffd，这是数据，不是损坏。"
    data = text.encode("gb18030") + b"\xff"
    decoded = decode_bytes(data)
    assert decoded.replaced == 1 and decoded.text == text + "\ufffd"


def test_replacement_offsets_are_capped_at_twenty():
    text = "各地认真贯彻落实中央部署。" * 10
    data = b"\xff".join(text[i : i + 5].encode("utf-8") for i in range(0, len(text), 5))
    decoded = decode_bytes(data)
    assert decoded.replaced == len(text) // 5 - 1 + (len(text) % 5 > 0)
    assert len(decoded.replaced_at) == 20
    assert all(decoded.text[i] == "\ufffd" for i in decoded.replaced_at)


# --- through parse(): the document's source fields ---------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "codec", "evidence"),
    [("gbk", "gb18030", "detected"), ("utf-16", "utf-16", "bom"), ("utf-8-sig", "utf-8-sig", "bom"),
     ("utf-16-le", "utf-16-le", "detected")],
)
def test_parse_reports_the_encoding(name, codec, evidence):
    data = PLAIN[name][0](seed_text(0))
    doc = bf.parse(data)
    assert (doc.source.encoding, doc.source.evidence, doc.source.replaced) == (codec, evidence, 0)
    assert doc.source.size == len(data)
    assert doc.source.encoding_confidence is not None


def test_parse_reports_big5_and_declared_label():
    page = html_page(traditional("国务院办公厅关于进一步加强政府信息公开工作的通知，请认真贯彻执行。"), "big5")
    doc = bf.parse(page.encode("big5"))
    assert (doc.source.encoding, doc.source.evidence, doc.source.declared) == ("big5", "declared", "big5")
    assert doc.source.format == "html"


def test_parse_reports_a_lossy_decode_with_a_warning():
    text = seed_text(1)
    at = len(text) // 3
    doc = bf.parse(text[:at].encode("utf-8") + b"\xff" + text[at:].encode("utf-8"))
    assert (doc.source.evidence, doc.source.replaced, doc.source.replaced_at) == ("fallback", 1, [at])
    assert any("lossy decode" in w for w in doc.warnings)
    assert doc.to_dict()["source"]["replaced"] == 1


def test_parse_of_clean_input_has_no_lossy_warning():
    doc = bf.parse(fit(seed_text(2), "gbk").encode("gbk"))
    assert doc.source.replaced == 0
    assert not any("lossy" in w for w in doc.warnings)


# --- building blocks ---------------------------------------------------------------------------------------


def test_plausibility_separates_right_from_wrong_decodings():
    text = chinese_snippet(seed_text(0), 200, 0.5)
    data = fit(text, "gbk").encode("gbk")
    assert plausibility(text) >= 0.9
    assert plausibility(data.decode("big5", errors="ignore")) < 0.8
    assert plausibility(data.decode("cp1252", errors="ignore")) < 0.2
    assert plausibility("plain ascii") == 0.0
    assert plausibility(traditional(text)) >= 0.9


@pytest.mark.parametrize(
    ("label", "expected"),
    [("GB2312", ("gb18030",)), ("x-gbk", ("gb18030",)), ("cp936", ("gb18030",)), ("euc-cn", ("gb18030",)),
     ("Big5", ("big5", "cp950", "big5hkscs")), ("big5-hkscs", ("big5", "cp950", "big5hkscs")),
     ("UTF-16", ()), ("no-such-charset", ()), (None, ()), ("iso-8859-1", ("cp1252", "latin-1"))],
)
def test_codecs_for_labels(label, expected):
    assert codecs_for(label) == expected


# --- chardet versions: 7.x answers and keywords ------------------------------------------------------------


def fake_detector(answer: str | None, confidence: float | None = 0.99):
    seen: list[int] = []

    def detect(sample: bytes):
        seen.append(len(sample))
        return answer, confidence

    detect.seen = seen  # type: ignore[attr-defined]
    return detect


@pytest.mark.parametrize(
    ("answer", "codec", "text_codec"),
    [("GB18030", "gb18030", "gbk"), ("big5hkscs", "big5", "big5"), ("cp862", "utf-16-le", "utf-16-le"),
     ("utf-8", "gb18030", "gbk"), (None, "gb18030", "gbk"), ("Windows-1252", "gb18030", "gbk"),
     ("GB2312", "big5", "big5")],
)
def test_other_detector_answers(answer, codec, text_codec):
    """chardet 7 never says GB2312, says big5hkscs for Big5 and cp862 for BOM-less UTF-16; 5.x lies too."""
    text = fit(chinese_snippet(seed_text(3), 200, 0.3).replace("\n", ""), "gbk")
    if text_codec == "big5":
        text = fit(traditional(text), "big5")
    decoded = decode_bytes(text.encode(text_codec), detect=fake_detector(answer))
    assert (decoded.text, decoded.encoding) == (text, codec)


def test_korean_answer_is_never_overruled():
    text = CONTROLS[3][0]
    decoded = decode_bytes(text.encode("euc-kr"), detect=fake_detector("EUC-KR"))
    assert decoded.text == text and decoded.encoding == "cp949"


def test_detector_sees_a_bounded_markup_free_sample():
    # Big5: gb18030 reads it too, so the detector is asked (GBK alone would be settled without it)
    text = (fit(traditional(seed_text(4)), "big5") * 40).encode("big5")
    assert len(text) > 1_000_000
    page = b"<html><body>" + b"<div class='x'>" * 5000 + text
    detect = fake_detector("big5")
    assert decode_bytes(page, detect=detect).encoding == "big5"
    assert detect.seen and max(detect.seen) <= enc.SAMPLE_BYTES
    sample = enc._detector_sample(page[: enc.SAMPLE_BYTES])
    assert b"<div" not in sample


def test_declared_charset_that_fits_skips_the_detector():
    page = html_page("各地认真贯彻落实中央部署，扎实推进先进性教育活动。", "gbk")
    detect = fake_detector("ISO-8859-1")
    assert decode_bytes(page.encode("gbk"), detect=detect).evidence == "declared"
    assert detect.seen == []


def test_chardet_7_keywords_are_passed_only_when_supported(monkeypatch):
    import chardet

    calls = []

    class Era:
        MODERN_WEB = "modern-web"

    def detect_v7(byte_str, should_rename_legacy=None, encoding_era=None, max_bytes=200_000, prefer_superset=False):
        calls.append({"encoding_era": encoding_era, "max_bytes": max_bytes, "prefer_superset": prefer_superset})
        return {"encoding": "GB18030", "confidence": 0.9, "language": "Chinese"}

    monkeypatch.setattr(chardet, "detect", detect_v7)
    monkeypatch.setattr(chardet, "EncodingEra", Era, raising=False)
    enc._chardet.cache_clear()
    try:
        assert enc.chardet_detect("通知".encode("gbk")) == ("GB18030", 0.9)
    finally:
        enc._chardet.cache_clear()
    assert calls == [{"encoding_era": "modern-web", "max_bytes": enc.SAMPLE_BYTES, "prefer_superset": True}]


def test_installed_chardet_is_called_with_what_it_accepts():
    detect, kwargs = enc._chardet()
    assert set(kwargs) <= set(inspect.signature(detect).parameters)
    name, confidence = enc.chardet_detect(fit(seed_text(0), "gbk").encode("gbk")[:5000])
    assert codecs_for(name) == ("gb18030",) and confidence is not None


def test_broken_utf16_with_bom_is_reported_not_guessed():
    text = seed_text(0)[:500]
    decoded = decode_bytes(text.encode("utf-16") + b"\x00")  # an odd trailing byte
    assert (decoded.encoding, decoded.evidence, decoded.replaced) == ("utf-16", "fallback", 1)
    assert decoded.text == text + "\ufffd" and decoded.replaced_at == [len(text)]

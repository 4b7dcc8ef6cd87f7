"""GB18030 settled without the detector (``encoding._gb18030_alone``).

A page that declares no usable charset, is not UTF-8, reads as Chinese beyond doubt in gb18030 and in none of
the rival codecs (the Big5 family, Japanese with kana letters, Korean, UTF-8) is decoded without chardet. The
answer must be what the detector's path gives when the detector says GB18030 (text, codec, evidence,
confidence); every page a rival codec reads still goes to the detector.
"""

from __future__ import annotations

import pytest

from bulletin_format.readers import encoding as enc
from bulletin_format.readers.encoding import decode_bytes

from .test_encoding import CONTROLS, chinese_snippet, fake_detector, fit, html_page, seed_text, traditional

SENTENCES = ("各地认真贯彻落实中央部署，扎实推进先进性教育活动，取得明显成效。"
             "会议要求，进一步加强组织领导，确保各项工作落到实处。")


def through_detector(data: bytes, answer: str | None, monkeypatch: pytest.MonkeyPatch) -> enc.Decoded:
    """What ``decode_bytes`` gives with the shortcut turned off and the detector answering ``answer``."""
    with monkeypatch.context() as patch:
        patch.setattr(enc, "_gb18030_alone", lambda *args: None)
        return decode_bytes(data, detect=fake_detector(answer))


def _reads_strictly(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def same(a: enc.Decoded, b: enc.Decoded) -> bool:
    return (a.text, a.encoding, a.evidence, a.confidence, a.declared, a.replaced) == (
        b.text, b.encoding, b.evidence, b.confidence, b.declared, b.replaced)


@pytest.mark.parametrize("index", range(5))
@pytest.mark.parametrize("length", [200, 2000, None])
@pytest.mark.parametrize("wrapped", [False, True])
def test_undeclared_gbk_is_settled_as_the_detector_would(index, length, wrapped, monkeypatch):
    text = fit(seed_text(index), "gbk")
    if length is not None:
        text = chinese_snippet(text, length, 0.4)
    page = html_page(text, None) if wrapped else text
    data = page.encode("gbk")
    detect = fake_detector("GB18030")
    decoded = decode_bytes(data, detect=detect)
    assert decoded.text == page and decoded.encoding == "gb18030" and decoded.evidence == "detected"
    if length != 200:  # a 200-character snippet is sometimes read by cp949 or big5hkscs too: then asked
        assert detect.seen == []  # settled without the detector
    assert same(decoded, through_detector(data, "GB18030", monkeypatch))
    # a single-byte or unreadable answer gave gb18030 too (the latter as "fallback": the one wording changed)
    assert through_detector(data, "Windows-1252", monkeypatch).text == page
    assert through_detector(data, None, monkeypatch).encoding == "gb18030"


def test_gbk_that_jis_x_0213_reads_is_still_settled():
    # euc_jis_2004 fills nearly the whole 94 x 94 grid: it reads GBK text, as kanji with no kana letter
    data = html_page(fit(seed_text(0), "gbk"), None).encode("gbk")
    assert data.decode("euc_jis_2004")
    detect = fake_detector("GB18030")
    assert decode_bytes(data, detect=detect).encoding == "gb18030"
    assert detect.seen == []


@pytest.mark.parametrize(("text", "codec"), [c for c in CONTROLS if c[1] in ("euc-jp", "shift_jis", "euc-kr")])
def test_japanese_and_korean_pages_still_ask_the_detector(text, codec):
    detect = fake_detector(codec)
    decoded = decode_bytes(html_page(text * 5, None).encode(codec), detect=detect)
    assert detect.seen, "a rival codec reads the page: the detector must decide"
    assert decoded.text == html_page(text * 5, None)


def test_korean_read_as_gb_would_look_chinese():
    """Why Korean codecs are rivals: EUC-KR Hangul bytes are common GB2312 hanzi."""
    text = CONTROLS[3][0] * 5
    data = text.encode("euc-kr")
    assert enc.plausibility(data.decode("gb18030")) >= enc.SETTLED
    detect = fake_detector("EUC-KR")
    assert decode_bytes(data, detect=detect).encoding == "cp949"
    assert detect.seen


def test_big5_page_still_asks_the_detector():
    page = html_page(fit(traditional(SENTENCES * 3), "big5"), None)
    detect = fake_detector("big5hkscs")
    decoded = decode_bytes(page.encode("big5"), detect=detect)
    assert detect.seen and decoded.encoding == "big5" and decoded.text == page


def test_lossy_gbk_still_asks_the_detector():
    data = html_page(SENTENCES * 3, None).encode("gbk")
    at = data.index("落实".encode("gbk"))
    broken = data[:at] + b"\xff" + data[at + 1 :]  # FF starts no GBK character
    detect = fake_detector("GB18030")
    decoded = decode_bytes(broken, detect=detect)
    assert detect.seen and decoded.evidence == "fallback" and decoded.replaced >= 1


def test_a_doubtful_reading_still_asks_the_detector():
    # a few hanzi among many rare ones: gb18030 reads it, below SETTLED
    text = "测试" + "".join(chr(c) for c in range(0x9F00, 0x9F40)) + "结束"
    data = fit(text, "gbk").encode("gbk")
    assert enc.plausibility(data.decode("gb18030")) < enc.SETTLED
    detect = fake_detector("GB18030")
    decode_bytes(data, detect=detect)
    assert detect.seen


def test_a_declared_charset_that_fails_is_not_the_detector_s_business_twice():
    # a page declaring Big5 but written in GBK: the declaration is weak or unreadable, the detector decides
    page = html_page(SENTENCES * 3, "big5")
    detect = fake_detector("GB18030")
    decoded = decode_bytes(page.encode("gbk"), detect=detect)
    assert decoded.encoding == "gb18030" and decoded.text == page


def test_hanzi_in_euc_jp_without_kana_still_ask_the_detector():
    # Chinese quoted in a Japanese encoding, no kana: gb18030 reads these bytes strictly, as plausible
    # Chinese, and so does euc_jp (a rival kana or not: only JIS X 0213's codecs need kana letters)
    text = "各市、（区）委常委和人大、政府、政协班子中的党员干部，保持共产党员先进性教育活动"
    data = fit(text, "euc_jp").encode("euc_jp")
    assert enc.plausibility(data.decode("gb18030")) >= enc.SETTLED
    assert not any(_reads_strictly(data, codec) for codec in (*enc._BIG5, "cp949", "euc_kr", "johab", "cp932"))
    detect = fake_detector("EUC-JP")
    decoded = decode_bytes(data, detect=detect)
    assert detect.seen and decoded.encoding == "euc_jp" and decoded.text == fit(text, "euc_jp")

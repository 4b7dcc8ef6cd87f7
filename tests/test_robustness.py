"""Whatever it is given, ``parse`` returns a Document or raises a BulletinFormatError subclass, and ends.

Property tests with Hypothesis: arbitrary bytes, arbitrary text, Chinese text in a random encoding with
random damage, HTML around it, and the project's own fixtures mutated (bytes flipped, cut, repeated, hostile
markup spliced in). Any other exception is a bug (in reading, cleaning or segmenting); so is an example
slower than the deadline, and a Document whose JSON does not come back through ``Document.from_dict``.
Bounded: ``max_examples`` per test (``BF_HYPOTHESIS_EXAMPLES`` raises it) and a deadline per example.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bulletin_format as bf
from bulletin_format.errors import BulletinFormatError
from bulletin_format.readers.encoding import decode_bytes

# BF_HYPOTHESIS_EXAMPLES=5000 hunts longer; database=None leaves no .hypothesis/ in the checkout
SETTINGS = settings(
    max_examples=int(os.environ.get("BF_HYPOTHESIS_EXAMPLES", "150")),
    deadline=timedelta(seconds=5),  # inputs of a few kB parse in milliseconds: 5 s is a time bomb, not noise
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

HANZI = "关于做好年春节期间安全工作的通知各区县人民政府市部门现将有事项如下一二三第条附件办公厅印发"
PUNCTUATION = "，。、；：？！“”《》（）〔〕——…·　"
ALPHABET = st.sampled_from(HANZI + PUNCTUATION + "abcXYZ0123456789 \n\r\t<>/=\"'&;#-.:")
CODECS = ("utf-8", "utf-8-sig", "gbk", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be", "utf-32")


def parse_or_refuse(source: bytes | str, *, text: bool = False) -> None:
    try:
        doc = bf.parse(text=source) if text else bf.parse(source)  # type: ignore[arg-type]
    except BulletinFormatError:
        return
    assert doc.source.replaced == len(doc.source.replaced_at) or len(doc.source.replaced_at) == 20


@SETTINGS
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data):
    parse_or_refuse(data)


@SETTINGS
@given(st.text(max_size=3000))
def test_arbitrary_text(text):
    parse_or_refuse(text, text=True)


@SETTINGS
@given(st.text(max_size=300))
def test_arbitrary_str_path_or_text(text):
    parse_or_refuse(text)  # a one-line str is a path: a missing file, a NUL, a name too long are typed errors


@st.composite
def damaged_chinese(draw) -> bytes:
    text = draw(st.text(ALPHABET, min_size=1, max_size=1500))
    codec = draw(st.sampled_from(CODECS))
    data = bytearray(text.encode(codec, errors="ignore"))
    for _ in range(draw(st.integers(0, 3))):
        if data:
            at = draw(st.integers(0, len(data) - 1))
            data[at : at + 1] = draw(st.binary(min_size=0, max_size=3))
    return bytes(data)


@SETTINGS
@given(damaged_chinese())
def test_chinese_in_any_encoding_with_damage(data):
    parse_or_refuse(data)


@SETTINGS
@given(st.text(ALPHABET, max_size=600), st.sampled_from(CODECS[:5]), st.sampled_from(["gbk", "utf-8", "big5", "x"]))
def test_html_wrapped(body, codec, label):
    page = f'<html><head><meta charset="{label}"><title>t</title></head><body><p>{body}</p></body></html>'
    parse_or_refuse(page.encode(codec, errors="ignore"))


@SETTINGS
@given(st.text(ALPHABET, min_size=1, max_size=800), st.sampled_from(("gbk", "gb18030", "utf-8", "utf-16")))
def test_decoding_never_hides_a_replacement(text, codec):
    decoded = decode_bytes(text.encode(codec))
    assert "\ufffd" not in decoded.text
    assert decoded.replaced == 0 and decoded.replaced_at == []


# --- mutation fuzzing of the project's own fixtures ---------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
CORPUS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "fixtures").rglob("*.txt"),
                 *(ROOT / "fixtures").rglob("*.html")])
HOSTILE_SNIPPETS = [
    b"<font>" * 300, b"<script x ", b"<!--", b"<![CDATA[", b"]]>", b"&#0;", b"&#x110000;", b"&lol;", b"\x00",
    b"\xef\xbb\xbf", b"\xff\xfe", b'<meta charset="big5">', b'<meta charset="utf-16">', b"<table><tr><td>" * 50,
    b"<p style=display:none>", b"<textarea>", b"</html></body>", b"\r" * 100, "〔2024〕5号\n".encode() * 50,
    "签发人：张三\n".encode(), "附件：\n".encode(), b"<" + b"a" * 5000, b'<img src="http://127.0.0.1:9/x">',
]


@st.composite
def mutated_fixture(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(CORPUS)).read_bytes())
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "repeat", "splice", "truncate"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 400))]
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 2000))] * draw(st.integers(1, 20))
        elif kind == "splice":
            data[at:at] = draw(st.sampled_from(HOSTILE_SNIPPETS)) * draw(st.integers(1, 10))
        else:
            data = data[: at + 1]
    return bytes(data)


@settings(SETTINGS, max_examples=int(os.environ.get("BF_HYPOTHESIS_EXAMPLES", "120")))
@given(mutated_fixture())
def test_mutated_fixtures(data):
    try:
        doc = bf.parse(data)
    except BulletinFormatError:
        return
    text = bf.render(doc, "json")
    assert bf.Document.from_dict(json.loads(text)).to_dict() == doc.to_dict()

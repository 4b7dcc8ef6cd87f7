"""The whole-page scans of the HTML path, each checked against the plain computation it replaces.

* ``shadow._traditional_in``: ``is_traditional`` of a page's readable stretches joined, counted in the
  same scan that looks for the first Traditional character;
* ``encoding.non_ascii_chars``: the text less its ASCII characters, from the UTF-8 bytes;
* ``html._known_tags_at_least``: the tag count of ``sniff``, stopped at the count it needs;
* ``html._has_pre``: whether ``read`` has any ``<pre>`` to turn into line breaks.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin_format import shadow
from bulletin_format.readers import encoding
from bulletin_format.readers import html as html_reader
from bulletin_format.shadow_chars import TRADITIONAL_CHARS

_TRADITIONAL = sorted(TRADITIONAL_CHARS)
_ASTRAL_TRADITIONAL = sorted(c for c in TRADITIONAL_CHARS if c > "\uffff")

# what a page is made of: markup, Simplified text, Traditional characters (a few, or many: around the share
# that decides), astral characters (some Traditional, most not), surrogates, scripts and styles
_pieces = st.one_of(
    st.sampled_from(["<div class='x'>", "</div>", "<p>", "<br/>", "&nbsp;", "\n  ", "<a href='/a'>", "</a>"]),
    st.text(alphabet="的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动",
             min_size=1, max_size=40),
    st.sampled_from(_TRADITIONAL),
    st.sampled_from([*_ASTRAL_TRADITIONAL, "\U00020000", "\U0001f600", "\U00010400"]),
    st.sampled_from(["\ud800", "\udc80", "\ud83d\ude00", "é", "\u3000", "\xa0"]),
    st.sampled_from(["<script>var s = '後來';</script>", "<STYLE>p{}</STYLE>", "<script src=x>", "<style"]),
    st.text(max_size=10),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=60), st.booleans())
def test_traditional_in_is_is_traditional_of_the_joined_stretches(pieces: list[str], html: bool) -> None:
    text = "".join(pieces)
    spans = list(shadow._readable_spans(text)) if html else [(0, len(text))]
    joined = "".join(text[start:end] for start, end in spans)
    assert shadow._traditional_in(text, spans) == shadow.is_traditional(joined)


def test_traditional_in_decides_at_the_share_as_is_traditional() -> None:
    simplified = "这是一个简体中文的句子，" * 10  # 120 characters past ASCII
    for extra in range(6):
        text = "<p>" + simplified + "後" * extra + "</p>" + "<script>" + "後" * 50 + "</script>"
        spans = list(shadow._readable_spans(text))
        joined = "".join(text[start:end] for start, end in spans)
        assert shadow._traditional_in(text, spans) == shadow.is_traditional(joined)
    assert not shadow._traditional_in("<p>" + simplified + "後</p>", [(0, 4)])  # the stretch holds none


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=60))
def test_non_ascii_chars_is_the_text_less_its_ascii_runs(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert encoding.non_ascii_chars(text) == re.sub(r"[\x00-\x7f]+", "", text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "<div>", "</td>", "<TABLE>", "< br>", "<x>", "text", "<", " ", "中文"]),
                max_size=40), st.integers(min_value=1, max_value=14))
def test_known_tags_at_least_is_the_count_of_all_of_them(pieces: list[str], count: int) -> None:
    head = "".join(pieces)
    assert html_reader._known_tags_at_least(head, count) == (len(html_reader._KNOWN_TAG.findall(head)) >= count)


def test_has_pre_finds_a_pre_element_at_any_depth_and_in_any_case() -> None:
    with_pre, _ = html_reader._parse("<html><body><div><p>一</p><div><PRE>甲\n乙</PRE></div></div></body></html>")
    without, _ = html_reader._parse("<html><body><div><p>一</p><span>preface</span></div></body></html>")
    assert html_reader._has_pre(with_pre)
    assert not html_reader._has_pre(without)


def test_preformatted_lines_are_kept_only_as_the_markup_spells_pre() -> None:
    lines = "第一行文字内容\n第二行文字内容\n第三行文字内容"
    read = html_reader.read(f"<html><body><pre>{lines}</pre></body></html>")
    assert [ln.text for ln in read.lines] == lines.split("\n")
    # the markup is searched for "<pre" or "<PRE" as before the tree was asked first: "<Pre>" is read as a block
    mixed = html_reader.read(f"<html><body><Pre>{lines}</Pre></body></html>")
    assert [ln.text for ln in mixed.lines] == [lines.replace("\n", " ")]

"""The HTML reader's and the main-content chooser's shortcuts give the answers of the plain computation
they stand in for.

``html._hidden`` (and the collection loop's copy of it) asks the element's attribute names once before
looking any value up; ``_cjk_chars`` counts what ``patterns.cjk_count`` counts; ``_has_stamp_separator``
is false only where ``_STAMP_HINT`` finds nothing; ``_may_match`` is false only where no title hint can
match the line, so ``find_title`` answers as it does when every line is reduced and compared. Checked on
generated text made of the characters that matter to each (range edges, surrogates, separators, letters
and marks).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from bulletin_format.patterns import canon, cjk_count
from bulletin_format.readers import html as html_reader
from bulletin_format.readers import html_content
from bulletin_format.readers.html_content import PageBlock


def _text_of(*pieces: str, max_size: int = 14) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


# the edges of the CJK range and of the high bytes around it, a character past the BMP, lone surrogates
_CJK_EDGES = _text_of(
    "\u4dff", "\u4e00", "\u4e01", "\u4eff", "\u9f00", "\u9fff", "\ua000", "\u3000", "\uff0c", "\u00e9", "a", " ",
    "\U00020000", "\U0002a6d6", "\ud800", "\udfff", "\ud84e", "政府", "通知", "\u0100", "\u4e4e\u9f9f",
)


@settings(max_examples=600, deadline=None)
@given(_CJK_EDGES)
def test_cjk_chars_is_cjk_count(text: str) -> None:
    assert html_content._cjk_chars(text) == cjk_count(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_cjk_chars_is_cjk_count_on_any_text(text: str) -> None:
    assert html_content._cjk_chars(text) == cjk_count(text)


_STAMP_TEXT = _text_of("1", "12", "2020", "٣", "１", ":", "：", "-", "/", ".", "．", "—", "年", "评论", " ", "a")


@settings(max_examples=600, deadline=None)
@given(_STAMP_TEXT)
def test_stamp_separator_is_in_every_stamp_hint(text: str) -> None:
    if html_content._STAMP_HINT.search(text) is not None:
        assert html_content._has_stamp_separator(text)
    assert html_content.is_entry(text) == (
        len(text.strip()) <= html_content.ENTRY_MAX_LEN and not text.strip().endswith(html_content._SENTENCE_END)
        and html_content._STAMP_HINT.search(text.strip()) is not None
        and html_content._STAMP.search(text.strip()) is not None
    )


_TITLE_TEXT = _text_of("关于", "印发", "通知", "的", "市", "政府", " ", "　", "《", "》", "：", "_", "-", "A", "b", "2",
                       "（", "）", "。", "!", "x", max_size=10)


def _matches(line: str, hint: str) -> bool:
    """Whether ``find_title`` would score the line against the hint at all (before its length terms)."""
    c, h = canon(line), canon(hint)
    return len(c) >= 4 and len(h) >= 4 and (c == h or c in h or h in c)


@settings(max_examples=800, deadline=None)
@given(_TITLE_TEXT, st.lists(_TITLE_TEXT, min_size=1, max_size=3))
def test_may_match_is_never_false_where_a_hint_matches(line: str, hints: list[str]) -> None:
    wanted = [h for h in (canon(t) for t in hints) if len(h) >= 4]
    if not line or not wanted:
        return
    if any(_matches(line, h) for h in wanted):
        assert html_content._may_match(line, [(h[0], h[-1], h) for h in wanted])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TITLE_TEXT, min_size=1, max_size=12), st.lists(_TITLE_TEXT, min_size=1, max_size=3),
       st.lists(st.floats(0, 300), min_size=12, max_size=12))
def test_find_title_answers_as_without_the_shortcut(lines: list[str], hints: list[str], weights: list[float]) -> None:
    el = etree.Element("p")
    blocks = [PageBlock(text, el) for text in lines]
    found = html_content.find_title(blocks, hints, weights[: len(blocks)])
    with pytest.MonkeyPatch.context() as m:
        m.setattr(html_content, "_may_match", lambda text, ends: True)
        assert html_content.find_title(blocks, hints, weights[: len(blocks)]) == found


_ATTRIBUTES = st.lists(st.sampled_from([
    'hidden', 'hidden=""', 'HIDDEN', 'style="display:none"', 'style="DISPLAY : None"', 'style="color:red"',
    'style="visibility: hidden"', 'style=""', 'class="hidden"', 'id="x"', 'data-hidden="1"', 'title="style"',
]), max_size=3, unique=True)


def _plain_hidden(el: etree._Element) -> bool:
    style = el.get("style")
    return el.get("hidden") is not None or (style is not None and html_reader._HIDDEN_STYLE.search(style) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ATTRIBUTES, min_size=1, max_size=4))
def test_hidden_asks_the_names_first_with_the_same_answer(attribute_sets: list[list[str]]) -> None:
    spans = "".join(f"<span {' '.join(a)}>t{i}</span>" for i, a in enumerate(attribute_sets))
    page = f"<html><body><div>{spans}</div><p>after</p></body></html>"
    root, _ = html_reader._parse(page)
    for el in root.iter("span"):
        assert html_reader._hidden(el) == _plain_hidden(el)
    # the collection loop's own copy: what it sets aside as hidden is what the plain test hides
    collected = html_reader._collect(root)
    hidden_texts = [r.text for r in collected.removed if r.reason == "hidden"]
    assert hidden_texts == [el.text for el in root.iter("span") if _plain_hidden(el)]

"""The shortcuts of the text path's third speed round (branch textspeed3) answer as the general code does: each
test below fails when its shortcut skips a case the general code takes."""

from __future__ import annotations

import pytest

from bulletin_format.clean import RULES, rules
from bulletin_format.lines import PassState
from bulletin_format.model import SourceInfo
from bulletin_format.readers import text as text_reader

ROW = "名称{i}\t数量{i}\t金额{i}"
PROSE = "某市今年以来围绕重点工作持续推进各项改革，取得了明显成效，群众满意度不断提升，各部门协同配合形成合力。"


def _doubled(lines: list[str], ending: str) -> str:
    return "".join(line + ending for line in lines)


@pytest.mark.parametrize("ending", ["\r\r\n", "\n\n", "\u2028\u2028", "\n\u200b\n"])
def test_a_small_texts_line_pitch_is_read_from_its_lines_as_from_the_text(ending: str) -> None:
    """Below WINDOW_CHARS the pitch is taken from the lines already split (``_pitch_of``), not from a search of
    the text for its line breaks (``_line_pitch``): the same number, and a table whose rows are two input
    lines apart is found."""
    lines = ["标题", *(f"第{i}行正文内容。" for i in range(5)), *(ROW.format(i=i) for i in range(4)), "结尾。"]
    text = _doubled(lines, ending)
    assert len(text) < text_reader.WINDOW_CHARS
    assert text_reader._pitch_of(text.splitlines()[: 2 * text_reader.PITCH_LINES]) == text_reader._line_pitch(text) == 2
    tables = [ln for ln in text_reader.read(text).lines if ln.table is not None]
    assert len(tables) == 1 and len(tables[0].table or []) == 4


def test_a_table_in_doubled_lines_is_read_alike_below_and_above_the_window() -> None:
    lines = [*(f"第{i}行正文内容。" for i in range(3)), *(ROW.format(i=i) for i in range(3)), "结尾。"]
    small = _doubled(lines, "\r\r\n")
    big = small + _doubled([PROSE] * (text_reader.WINDOW_CHARS // len(PROSE) + 1), "\r\r\n")
    assert len(big) >= text_reader.WINDOW_CHARS

    def tables(text: str) -> list[tuple[int, list[list[str]]]]:
        return [(ln.number, [[c.text for c in row] for row in ln.table]) for ln in text_reader.read(text).lines
                if ln.table is not None]

    assert tables(small) == tables(big) and len(tables(small)) == 1


def _cleaned_up_to(text: str, last: str) -> PassState:
    state = text_reader.read(text)
    state.source = SourceInfo(format="text")
    for rule in RULES:
        if rule.__name__ == last:
            break
        rule(state)
    return state


def test_the_page_tail_starts_at_a_kept_dated_byline_when_no_line_was_removed() -> None:
    """page_tail passes over a text none of whose lines it could start at; a post's dated byline under its text
    (kept: the byline rule reads the page head only) is such a line, with nothing removed before it."""
    tail = ["发表于 2023-03-05 12:40", "网友甲：说得好", "网友乙：支持"]
    text = "\n".join(["关于推进某项工作的情况通报", *[PROSE] * 4, *tail])
    state = _cleaned_up_to(text, "page_tail")
    assert not any(ln.removed for ln in state.lines)
    rules.page_tail(state)
    assert [ln.removed for ln in state.lines][-3:] == ["byline", "page_tail", "page_tail"]
    assert not any(ln.removed for ln in state.lines[:-3])


def test_a_blank_text_is_told_alike_with_and_without_the_first_character_test() -> None:
    """``is_blank`` answers at its first character when that is visible: the same as the pattern for every
    character of the BMP first, alone and before text, whitespace and zero-width characters."""
    from bulletin_format.lines import _BLANK, _ZERO_WIDTH, is_blank

    tails = ["", " ", "\u3000", "x", "中", _ZERO_WIDTH, " 中"]
    for code in range(0x10000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        for tail in tails:
            text = chr(code) + tail
            assert is_blank(text) == bool(_BLANK.match(text)), repr(text)
    assert is_blank("") and is_blank(" \u200b\u3000\ufeff ") and not is_blank("\u200b 中")


def test_a_run_of_spaces_is_found_alike_by_the_substring_tests_and_the_pattern() -> None:
    from itertools import product

    for n in range(1, 6):
        for chars in product(" \u3000a中", repeat=n):
            text = "".join(chars)
            assert text_reader._holds_space_run(text) == (text_reader._SPACE_RUN.search(text) is not None), repr(text)


def test_a_margin_shared_by_three_neighbouring_lengths_is_found() -> None:
    """_wrap_width passes over a text none of whose lengths is common enough: the test must count a length's two
    neighbours too (a margin of 20 whose lines are 19, 20 and 21 characters long, none of them 30 % alone)."""
    from bulletin_format.clean import pages
    from bulletin_format.lines import Line

    texts = ["短行" * 3] * 18 + ["字" * 19] * 4 + ["字" * 20] * 4 + ["字" * 21] * 4
    assert pages._wrap_width([Line(k + 1, t) for k, t in enumerate(texts)]) == 20

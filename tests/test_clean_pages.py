"""clean/pages.py: the folios found once per rule from the kept lines it already has."""

from __future__ import annotations

from bulletin_format.clean import pages
from bulletin_format.lines import Line, PassState
from bulletin_format.model import SourceInfo


def _state(texts: list[str]) -> PassState:
    return PassState(lines=[Line(i + 1, t) for i, t in enumerate(texts)], source=SourceInfo(format="text"))


def test_the_folio_places_among_the_kept_lines_are_the_folio_lines() -> None:
    texts = []
    for page in range(1, 6):
        texts += ["某某市人民政府文件", f"第{page}段正文内容，继续叙述有关情况。", "　", f"- {page} -"]
    state = _state(texts)
    state.remove(state.lines[1], "decoration")  # a removed line is not among the kept ones
    kept = [ln for ln in state.lines if ln.kept]
    places = pages._folio_places(kept)
    assert [kept[i] for i in places] == pages._folios(state)
    assert [kept[i].text for i in places] == [f"- {p} -" for p in range(1, 6)]
    pages.running_head(state)  # the head printed by every folio goes but the first, which opens the text
    assert [ln.removed for ln in state.lines if ln.text == "某某市人民政府文件"] == [None] + ["running_head"] * 4


def test_numbers_that_do_not_rise_are_no_folios() -> None:
    state = _state(["甲", "3", "乙", "1", "丙", "2", "丁", "1"])
    assert pages._folio_places([ln for ln in state.lines if ln.kept]) == [] == pages._folios(state)

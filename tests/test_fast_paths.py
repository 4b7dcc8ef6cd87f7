"""The shortcuts the hot paths take give the answers of the plain computation they replace.

Each shortcut (a pattern tried only where a hint says it can match, a rule skipped when its characters
are missing, a classifier not asked about a line longer than it takes, a sample decoded once) is checked
against the straightforward computation on generated text made of the characters that matter to it.
"""

from __future__ import annotations

import codecs
from typing import cast

from hypothesis import given, settings
from hypothesis import strategies as st

from bulletin_format.clean import rules
from bulletin_format.lines import Line
from bulletin_format.normalize import RULES, dates, normalize_text
from bulletin_format.normalize.rules import _NOTHING_TO_DO, Profile
from bulletin_format.readers import encoding


def _text_of(*pieces: str, max_size: int = 12) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


_DATE_TEXT = _text_of(
    "2020", "20", "05", "202", "12020", "1", "12", "123", "31", "年", "月", "日", "号", "-", "/", ".", "．",
    ":", "：", "时", "分", " ", "\u3000", "a", "第", "٣", "10", "30",
    "2020年1月1日", "2020 年 12 月 31 号", "2019-10-23 09:05:12", "2005/2/19", "2005.02.19", "05年2月19日",
    "05.2.19", "3.5%", "12020-1-1", "2020-13-45", "2020年1月", "٢٠٢٠-١-٢",
)
_CN_DATE_TEXT = _text_of(*"〇○零ＯО一二两三四五六七八九十年月日号 \u3000\ta1")


@settings(max_examples=400, deadline=None)
@given(_DATE_TEXT)
def test_numeric_dates_found_where_the_hints_say_are_finditers(text: str) -> None:
    expected = [(m.span(), m.group(0)) for m in dates._ARABIC_DATE.finditer(text)]
    assert [(m.span(), m.group(0)) for m in dates._arabic_dates(text)] == expected


@settings(max_examples=400, deadline=None)
@given(_CN_DATE_TEXT)
def test_chinese_numeral_dates_found_before_each_nian_are_finditers(text: str) -> None:
    expected = [(m.span(), m.group(0)) for m in dates._CN_DATE.finditer(text)]
    assert [(m.span(), m.group(0)) for m in dates._cn_dates(text)] == expected


def test_find_dates_shortcut_keeps_every_date() -> None:
    for text in ("2020年1月1日", "2020-01-02 10:30", "06/02/2022", "二〇二〇年一月一日", "第3页", "3.5%", "12"):
        found = [d.iso for d in dates.find_dates(text)]
        assert found == [d.iso for d in dates._find_dates.__wrapped__(text)], text


_LABEL_TEXT = _text_of(
    "来源", "作者", "作 者", "时间", "编辑", "阅读", "：", ":", "/", " ", "  ", "某某", "|", "】", "\n", "。",
)


@settings(max_examples=400, deadline=None)
@given(_LABEL_TEXT)
def test_labelled_is_a_search_for_a_labelled_field(text: str) -> None:
    assert rules._labelled(text) == (rules._LABEL_VALUE.search(text) is not None)


_LINE_TEXT = _text_of(
    "版权所有", "Copyright", "©", "来源：", "编辑：", "返回首页", "打印", "关闭", "【", "】", "|", " ", "首页", ">",
    "2020-01-01", "10:30", "二维码", "相关阅读", "...", "…", "标签：", "评论", "阅读 12 次", "记者/某报", "。", "，",
    "某某市人民政府办公厅关于印发通知的", "位置：", max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(_LINE_TEXT)
def test_chrome_bits_ask_every_classifier_that_could_accept(text: str) -> None:
    line = Line(1, text)
    bits = rules.chrome_bits(line)
    assert bits == sum(bit for test, bit in rules._BIT.items() if test(line.stripped))
    assert rules.classify(text) == next((t.__name__ for t in rules.CLASSIFIERS if t(text)), None)


def _normalize_every_rule(text: str, profile: Profile) -> tuple[str, dict[str, int]]:
    """normalize_text without its shortcuts: every rule in every round."""
    counts: dict[str, int] = {}
    for _ in range(4):
        if _NOTHING_TO_DO.search(text) is None and "。。。" not in text:
            break
        changed = False
        for name, rule in RULES:
            text, n = rule(text, profile)
            if n:
                changed = True
                counts[name] = counts.get(name, 0) + n
        if not changed:
            break
    return text, counts


_NORMALIZE_TEXT = _text_of(
    *"中文。，,.;:?!()\"'＂＇―-－．·・⋯… \t\u3000\u00a0\u2003\u200b\u00adＡ１a1“”", "http://x.cn", max_size=20,
)


@settings(max_examples=600, deadline=None)
@given(_NORMALIZE_TEXT, st.sampled_from(["body", "title", "date"]))
def test_normalize_text_skips_only_rules_with_nothing_to_do(text: str, profile: str) -> None:
    counts: dict[str, int] = {}
    prof = cast(Profile, profile)
    assert (normalize_text(text, prof, counts), counts) == _normalize_every_rule(text, prof)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64), st.sampled_from(sorted(encoding._PREFIX_IS_WHOLE)))
def test_a_whole_sample_decodes_as_its_prefix(data: bytes, codec: str) -> None:
    try:
        whole = data.decode(codec)
    except UnicodeDecodeError:
        return
    assert codecs.getincrementaldecoder(codec)("strict").decode(data, final=False) == whole

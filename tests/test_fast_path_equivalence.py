"""The fast paths of the text → JSON path answer exactly as the general code they stand in for: the JSON
writer's shortcuts against a layout made from the Document's dict form, the chrome classifiers asked without
the character search against every classifier asked, and the cheap tests in front of patterns against the
patterns alone."""

from __future__ import annotations

import json
import re
from itertools import product
from typing import Any

import pytest

import bulletin_format as bf
from bulletin_format.clean import chrome
from bulletin_format.lines import Line
from bulletin_format.model import Article, Block, Document, Removed, Signature
from bulletin_format.segment import distribution
from bulletin_format.writers import json_writer

from .conftest import FIXTURES, SEEDS

INPUTS = sorted([*SEEDS, *(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html", ".md"))])


def _container(v: Any) -> bool:
    return isinstance(v, (dict, list)) and bool(v)


def reference_layout(value: Any, level: int, unit: str) -> str:
    """The documented layout, made from the dict form: objects and lists over lines down to LAYOUT_DEPTH
    (an object only when it holds a non-empty container, a list only when its items are containers),
    everything else as the json module writes it on one line."""
    if level < json_writer.LAYOUT_DEPTH:
        if isinstance(value, dict) and any(_container(v) for v in value.values()):
            inner = unit * (level + 1)
            items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {reference_layout(v, level + 1, unit)}"
                     for k, v in value.items()]
            return "{\n" + ",\n".join(items) + "\n" + unit * level + "}"
        if isinstance(value, list) and value and isinstance(value[0], (dict, list)):
            inner = unit * (level + 1)
            items = [inner + reference_layout(v, level + 1, unit) for v in value]
            return "[\n" + ",\n".join(items) + "\n" + unit * level + "]"
    return json.dumps(value, ensure_ascii=False)


def _odd_document() -> Document:
    """Every kind of field the shortcuts take: empty and full lists, None, numbers, a nested dataclass, a
    string with quotes and controls, an empty dict and a full one."""
    art = Article(title='引号"与\\反斜杠\t', title_lines=["一", "二"], notes=[],
                  blocks=[Block("paragraph", "正文", None, 3), Block("heading", "一、标题", 1, 5)],
                  signatures=[Signature("某某局", "2020-01-01", "2020年1月1日")])
    return Document(articles=[art, Article()], toc=["甲"], removed=[Removed("x", "byline", 1)],
                    normalization={"spacing": 2}, warnings=[])


@pytest.mark.parametrize("indent", [2, 0, 4])
def test_the_writer_lays_out_every_document_as_its_dict_form_says(indent: int) -> None:
    docs = [bf.parse(p) for p in INPUTS] + [_odd_document(), Document()]
    assert len(docs) > 30
    for doc in docs:
        expected = reference_layout(doc.to_dict(), 0, " " * indent) + "\n"
        assert json_writer.write(doc, indent=indent) == expected


def _every_classifier(s: str) -> int:
    return sum(bit for test, bit in chrome._classifiers_for(s) if test(s))


def test_chrome_bits_are_every_classifiers_answer_whatever_the_length() -> None:
    texts = [ln.strip() for p in INPUTS if p.suffix == ".txt" for ln in p.read_text("utf-8", "replace").splitlines()]
    texts += ["当前位置：首页 > 新闻 > 正文" + "，" * n for n in (0, 70, 150, 300)]  # a lead before a long tail
    texts += ["来源：某某网 " + "。" * n + " 返回首页" for n in (60, 120, 250)]
    assert sum(len(t) > chrome.NEEDED_TEST_MAX_LEN for t in texts) > 20
    for text in texts:
        assert chrome.chrome_bits(Line(1, text)) == _every_classifier(text), text[:40]


def _match_line_ungated(text: str) -> distribution.DistributionLine | None:
    """``match_line`` as it was, each pattern tried on every line."""
    s = text.strip()
    m = distribution._LABELED.match(s)
    if m:
        body = m.group("text").strip()
        label = re.sub(r"\s", "", m.group("label"))
        return distribution.DistributionLine(label, body, [] if label in distribution._NOT_RECIPIENTS else
                                             distribution._recipients(body))
    m = distribution._TOTAL.match(s)
    if m:
        return distribution.DistributionLine(m.group("label"), m.group("text"), [])
    m = distribution._PRINTED.match(s)
    if m and m.group("label") and len(s) <= 60:
        return distribution.DistributionLine("印发", m.group("text"), [])
    return None


def test_distribution_lines_are_found_as_by_the_patterns_alone() -> None:
    heads = ["", " ", "主 题 词", "抄送", "抄　送", "报", "发", "送", "共印", "（共印", "某某办公室", "附件"]
    marks = ["", "：", ":", " ："]
    tails = ["", "某某局，某某委（办）", "50份）", "二十份", "2020年1月1日印发", "印发", " 印发 ", "x" * 70 + "印发"]
    for head, mark, tail in product(heads, marks, tails):
        text = head + mark + tail
        assert distribution.match_line(text) == _match_line_ungated(text), text


def test_the_cheap_tests_before_crawler_patterns_hold_for_every_match() -> None:
    """A lone label ends with its colon and a breadcrumb lead holds 位置 in its first six characters: the
    tests crawler_fragments asks before the patterns."""
    leads = ["当前位置", "您的位置", "您现在的位置", "你的位置", "你现在的位置", "所在位置", "位置"]
    for lead, mark, rest in product(leads, ["：", ":", " ："], ["", "首页"]):
        s = lead + mark + rest
        assert chrome.BREADCRUMB_LEAD.match(s) and s.find("位置", 0, 6) >= 0
    labels = [*chrome._FIELD_OF, "字体", "字号"]
    for label, before, mark in product(labels, ["", "【", "（", "["], ["：", ":", " ："]):
        s = (before + label + mark).strip()
        assert chrome.LONE_LABEL.match(s) and s.endswith((":", "："))


def test_the_classifiers_for_a_length_are_those_whose_limit_it_is_within() -> None:
    for n in range(0, 3 * chrome._LIMITS[-1]):
        expected = tuple((test, bit) for test, bit in zip(chrome.CLASSIFIERS, chrome.CLASSIFIER_BIT.values(),
                                                             strict=True) if n <= chrome._MAX_LEN.get(test, n))
        assert chrome._classifiers_for("字" * n) == expected, n

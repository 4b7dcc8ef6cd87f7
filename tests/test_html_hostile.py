"""Hostile and broken pages: nothing the page prints is lost without a record, nothing takes quadratic
time, and markup is never read as text (issue #13's reader items; bounded in time)."""

from __future__ import annotations

import time

import pytest

import bulletin_format as bf
from bulletin_format.audit import lost_characters
from bulletin_format.readers import html as html_reader
from bulletin_format.readers.html_strip import skip_prolog, visible_text

PARA = "第{n}段：某某市各级各部门认真贯彻落实有关部署，扎实推进各项工作，取得了明显成效。"


def paragraphs(doc: bf.Document) -> list[str]:
    return [b.text for a in doc.articles for b in a.blocks]


@pytest.mark.parametrize("depth_tag", ["font", "span", "div"])
def test_pages_nested_deeper_than_the_parser_reads_lose_nothing(depth_tag):
    # old CMS pages leave <font>/<span> unclosed: 300 paragraphs each one level deeper
    body = "".join(f"<{depth_tag}><p>{PARA.format(n=n)}</p>" for n in range(300))
    page = f"<html><head><title>某某市工作报告</title></head><body><h1>某某市工作报告</h1>{body}</body></html>"
    doc = bf.parse(page.encode("utf-8"))
    text = "".join(paragraphs(doc))
    assert all(f"第{n}段" in text for n in range(300)), "paragraphs past the depth limit were dropped"
    assert lost_characters(visible_text(page), bf.parse(page.encode("utf-8"), normalize=False)) == {}


def test_a_page_deeper_than_even_the_huge_limit_is_read_and_warned_about():
    body = "".join(f"<div><p>{PARA.format(n=n)}</p>" for n in range(2100))
    page = f"<html><body>{body}</body></html>"
    doc = bf.parse(page.encode("utf-8"))
    assert all(f"第{n}段" in "".join(paragraphs(doc)) for n in (0, 1000, 2099))
    assert any("tags were stripped" in w or "too deeply" in w for w in doc.warnings)


def test_elements_past_the_element_limit_are_recorded(monkeypatch):
    monkeypatch.setattr(html_reader, "MAX_NODES", 50)
    body = "".join(f"<p>{PARA.format(n=n)}</p>" for n in range(100))
    page = f"<html><body><h1>某某报告</h1>{body}</body></html>"
    doc = bf.parse(page.encode("utf-8"), normalize=False)
    assert any(r.reason == "element_limit" for r in doc.removed)
    assert any("50 elements" in w and "element_limit" in w for w in doc.warnings), doc.warnings  # lossy: said so
    assert lost_characters(visible_text(page), doc) == {}


def test_buttons_text_areas_and_hidden_elements_are_recorded_never_body():
    page = (
        "<html><body><h1>某某市召开工作会议</h1><div style='display:none'>隐藏的菜单项目</div>"
        f"<p>{PARA.format(n=1)}</p><p>{PARA.format(n=2)}<span style='display: none'>乱码干扰字符</span>继续。</p>"
        "<button>点击查看更多内容</button><textarea>请在此处输入评论内容</textarea></body></html>"
    )
    doc = bf.parse(page.encode("utf-8"), normalize=False)
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons["隐藏的菜单项目"] == "hidden" and reasons["乱码干扰字符"] == "hidden"
    assert reasons["点击查看更多内容"] == "form_control" and reasons["请在此处输入评论内容"] == "form_control"
    body = paragraphs(doc)
    assert body[1] == PARA.format(n=2) + "继续。"  # whole, without the hidden noise
    assert lost_characters(visible_text(page), doc) == {}


@pytest.mark.parametrize(
    "prolog",
    [
        "<!--" + "注释" * 40_000 + "-->",
        "<!DOCTYPE html [" + "<!ENTITY e 'x'>" * 400 + "]>",
        " \n\t" * 30_000,
        "\n" * 2_000_000,  # past the prolog scan's 1 MB window: skipped in one step, not one character a step
        "<!-- -->\n" * 200_000,  # the window ends among many small comments: never on the whitespace between
    ],
    ids=["64KB comment", "4KB DOCTYPE subset", "64KB whitespace", "2MB whitespace", "1.8MB of small comments"],
)
def test_html_behind_a_long_prolog_is_read_as_html(prolog):
    page = prolog + f"<html><body><h1>某某市工作报告</h1><p>{PARA.format(n=1)}</p></body></html>"
    assert html_reader.sniff(page)
    doc = bf.parse(page.encode("utf-8"))
    assert doc.source.format == "html"
    assert paragraphs(doc) == [PARA.format(n=1)]


def test_the_markup_scan_is_linear_on_unclosed_tags():
    # the old regex fallback took 31 s on 320 kB of these; a linear scan takes milliseconds
    small, big = "<script x " * 4_000, "<script x " * 64_000
    started = time.process_time()
    visible_text(small)
    skip_prolog(small)
    one = time.process_time() - started
    started = time.process_time()
    visible_text(big)
    skip_prolog(big)
    sixteen = time.process_time() - started
    assert sixteen < max(0.5, 40 * one)  # 16 times the input: nowhere near 256 times the time


def test_the_independent_extraction_reads_what_a_browser_prints():
    page = (
        "<html><head><title>标题</title><style>p{}</style></head><body><p>甲&amp;乙</p>"
        "<script>var a = '<p>不是正文</p>';</script><textarea>框内文字</textarea><div>丙<br>丁</div></body></html>"
    )
    text = visible_text(page)
    assert "甲&乙" in text and "丙\n丁" in text and "框内文字" in text
    assert "不是正文" not in text and "标题" not in text and "p{}" not in text

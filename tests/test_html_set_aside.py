"""Text the HTML reader does not read as lines is set aside with a reason, never dropped unseen.

An SVG's <text> and <title>, what <noscript> shows without scripts and the fallback of <iframe> and <object>
are not main text, but a reader may see them: each goes to ``removed`` under its own reason. Code (<script>,
<style>, <template>) is not text and stays out, wherever it is. An <embed> is empty (a void element): the text
libxml2 nests in an unclosed one is the page's text after it, and is read as such.
"""

from __future__ import annotations

import pytest

import bulletin_format as bf
from bulletin_format.readers import html as html_reader

ARTICLE = (
    "<h1>关于做好春季安全生产工作的通知</h1>"
    "<p>各乡镇人民政府，县直各单位：为切实做好春季安全生产工作，防范各类事故发生，现将有关事项通知如下。</p>"
    "<p>一、各单位要高度重视安全生产工作，落实主体责任，加强隐患排查治理，确保人民群众生命财产安全。</p>"
)


def page(extra: str, *, before: str = "") -> str:
    body = f"{before}<div class='article'>{ARTICLE}{extra}</div>"
    return f"<html><head><title>通知</title></head><body>{body}</body></html>"


def body_text(doc: bf.Document) -> list[str]:
    return [b.text for a in doc.articles for b in a.blocks]


CASES = [
    ("<svg width='10'><title>降水分布示意图</title><text x='1'>北部山区</text></svg>", "svg_text",
     ["降水分布示意图", "北部山区"]),
    ("<noscript><p>您的浏览器不支持脚本，请点击此处阅读全文</p></noscript>", "noscript_text", ["请点击此处阅读全文"]),
    ("<iframe src='v.html'>您的浏览器不支持内嵌框架</iframe>", "embed_fallback", ["您的浏览器不支持内嵌框架"]),
    ("<object data='a.swf'><param name='q' value='high'>请安装播放器后观看视频</object>", "embed_fallback",
     ["请安装播放器后观看视频"]),
]


def test_the_text_after_an_unclosed_embed_is_text():
    """libxml2 nests what follows an unclosed <embed> (a Flash player of an old page) inside it."""
    player = "<embed src='a.swf' width='400'>"
    doc = bf.parse(text=page(f"<p>请观看下面的视频{player}视频播放后，县长就有关问题回答了记者提问。</p>"))
    assert body_text(doc)[-1] == "请观看下面的视频视频播放后，县长就有关问题回答了记者提问。"
    assert not [r for r in doc.removed if "县长" in r.text]


@pytest.mark.parametrize(("extra", "reason", "words"), CASES, ids=[c[1] + str(i) for i, c in enumerate(CASES)])
def test_text_of_a_skipped_element_is_set_aside_with_its_reason(extra, reason, words):
    doc = bf.parse(text=page(extra))
    aside = [r for r in doc.removed if r.reason == reason]
    assert len(aside) == 1, doc.removed
    for word in words:
        assert word in aside[0].text
        assert not any(word in t for t in body_text(doc))
    assert body_text(doc) == body_text(bf.parse(text=page("")))  # what is kept does not change


@pytest.mark.parametrize("where", ["before", "after"])
def test_code_is_not_text_even_inside_a_set_aside_element(where):
    extra = ("<script>var note = '脚本里的字';</script><style>.a{content:'样式里的字'}</style>"
             "<template><p>模板里的字</p></template>"
             "<noscript><style>p{color:red}</style><script>var x='内层脚本';</script>请启用脚本</noscript>"
             "<svg><style>text{fill:red}</style><text>图注</text></svg>")
    doc = bf.parse(text=page(extra) if where == "after" else page("", before=extra))
    removed = {r.text: r.reason for r in doc.removed}
    assert removed.get("请启用脚本") == "noscript_text"
    assert removed.get("图注") == "svg_text"
    every = " ".join([*removed, *body_text(doc)])
    for code in ("脚本里的字", "样式里的字", "模板里的字", "color", "内层脚本", "fill"):
        assert code not in every


def test_hidden_text_inside_a_set_aside_element_is_recorded_too():
    doc = bf.parse(text=page("<noscript><span style='display:none'>隐藏的提示</span>请开启脚本</noscript>"))
    assert [r.text for r in doc.removed if r.reason == "noscript_text"] == ["隐藏的提示请开启脚本"]


PAGES = [
    page(c[0]) for c in CASES
] + [
    page("<p>图<svg><text>一</text></svg>表<noscript>二</noscript>尾</p>"),
    "<svg><title>只有图</title></svg>",
    page("<div hidden><noscript>隐藏块中的提示</noscript>隐藏块</div>"),
]


@pytest.mark.parametrize("markup", PAGES)
def test_both_walks_set_aside_the_same(markup):
    root, _ = html_reader._parse(markup)
    by_children = html_reader._collect_children(root)
    by_events = html_reader._collect_events(root)
    assert by_children is not None
    assert by_children.removed == by_events.removed
    assert [b.text for b in by_children.blocks] == [b.text for b in by_events.blocks]
    assert by_children.removed, markup


def test_an_iframes_raw_markup_is_read_as_a_page():
    ad = "<script src='ad.js'></script><noscript><a href='x'><img src='ad.gif'></a></noscript>"
    doc = bf.parse(text=page(f"<iframe src='ad.html'>{ad}</iframe><iframe>请<b>升级</b>浏览器</iframe>"))
    assert [r.text for r in doc.removed if r.reason == "embed_fallback"] == ["请升级浏览器"]


def test_a_page_without_those_tags_does_no_extra_work(monkeypatch):
    def fail(*args: object) -> str:
        raise AssertionError("text set aside for a page with no svg, noscript, iframe, object or embed")

    markup = page("<script>var a = 1;</script><style>p{}</style><template><p>模板</p></template><input value='搜'>")
    monkeypatch.setattr(html_reader, "_aside_text", fail)
    root, _ = html_reader._parse(markup)
    assert html_reader._collect_children(root) is not None
    html_reader._collect_events(root)
    assert not html_reader._collect(root).removed

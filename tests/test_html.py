"""HTML pages (own fixtures reproducing the traps of real pages) come out as the text path would."""

from __future__ import annotations

from html import escape as html_escape

import pytest

import bulletin_format as bf
from bulletin_format.readers import html as html_reader

from .conftest import FIXTURES, SEEDS

GOV = FIXTURES / "html" / "gov_notice.html"
NEWS = FIXTURES / "html" / "news_repost.html"
DUMP = FIXTURES / "text" / "crawler_dump.txt"


def body(doc: bf.Document) -> list[str]:
    return [b.text for a in doc.articles for b in a.blocks]


def reasons(doc: bf.Document) -> dict[str, str]:
    return {r.text: r.reason for r in doc.removed}


@pytest.fixture(scope="module")
def gov() -> bf.Document:
    return bf.parse(GOV, normalize=False)


@pytest.fixture(scope="module")
def news() -> bf.Document:
    return bf.parse(NEWS, normalize=False)


def test_html_is_detected_by_content_not_name(tmp_path):
    copy = tmp_path / "page.txt"
    copy.write_bytes(GOV.read_bytes())
    assert bf.parse(copy).source.format == "html"
    assert bf.parse(GOV.read_bytes()).source.format == "html"
    assert not html_reader.sniff("第一行文字\n第二行 <注意> 不是网页")


def test_info_table_goes_to_the_header(gov):
    h = gov.header
    assert h.issuer == "河川市人民政府办公室"
    assert h.date == "2021-03-05"
    assert h.doc_number == "河政办发〔2021〕9号"
    assert gov.metadata.published == "2021-03-08"
    assert reasons(gov)["索 引 号："] == "info_table"


def test_title_split_over_two_elements_is_joined(gov):
    assert gov.articles[0].title == "河川市人民政府办公室关于做好春季河道清淤工作的通知"


def test_paragraph_split_by_an_ad_is_rejoined(gov):
    joined = [t for t in body(gov) if t.startswith("（二）重点任务")]
    assert joined and joined[0].endswith("不得将淤泥堆放在河道管理范围内。")
    assert reasons(gov)["点击了解更多"] == "related_list"


def test_chosa_inside_a_sentence_is_body_text(gov):
    assert any("抄送市水务局备案" in t for t in body(gov))
    assert all(d.label != "抄送" for d in gov.distribution)


def test_page_chrome_of_a_gov_page(gov):
    r = reasons(gov)
    assert r["扫一扫在手机打开当前页"] == "qr_code"
    assert r["【打印】【关闭】"] == "share_print_bar"
    assert any(reason == "copyright_footer" for reason in r.values())
    assert not any("扫一扫" in t or "打印" in t for t in body(gov))


def test_news_title_metadata_and_bylines(news):
    art = news.articles[0]
    assert art.title == "青溪镇开通首条城乡公交专线"
    md = news.metadata
    assert md.published == "2020-06-12T08:30"
    assert md.origin == "青溪日报"
    assert md.author == "李明"
    assert md.editor == "赵红"
    assert md.url == "https://news.example.invalid/2020/0612/a1.html"
    assert news.header.date == "2020-06-12"
    assert news.kind == "news"


def test_news_chrome_is_removed_with_reasons(news):
    r = reasons(news)
    assert r["当前位置：首页 > 综合新闻 > 正文"] == "breadcrumb"
    assert r["（责任编辑：赵红）"] == "source_credit"
    assert r["相关新闻"] == "related_list"
    assert r["热点推荐"] == "related_list"
    text = "".join(body(news))
    for chrome in ("登录", "字号", "分享到", "相关新闻", "候车亭", "热点推荐", "版权所有", "网站地图", "责任编辑"):
        assert chrome not in text


def test_news_body_is_complete_and_clean(news):
    texts = body(news)
    assert texts[0] == "原标题：城乡公交通到家门口"
    assert texts[1].lstrip("\ufeff").startswith("本报讯")  # normalize=False keeps the text as printed
    normalized = bf.parse(NEWS)
    assert "\ufeff" not in "".join(body(normalized))
    assert any(t.startswith("图为首班公交车") for t in texts)  # a caption is a paragraph, not a heading
    assert texts[-1].endswith("家住坪头村的王大爷说。")
    assert all(b.type == "paragraph" for b in news.articles[0].blocks)


def test_footer_printed_twice_after_a_stray_html_end_tag(news):
    footers = [r for r in news.removed if r.reason == "copyright_footer" and r.text.startswith("Copyright")]
    assert len(footers) == 2


def test_crawler_dump_one_node_per_line():
    doc = bf.parse(DUMP, normalize=False)
    art = doc.articles[0]
    assert art.title == "2021年河川市政府工作报告"
    assert art.subtitle == "——2021年1月15日在河川市第五届人民代表大会第三次会议上"
    assert doc.kind == "speech"
    assert doc.header.date == "2021-01-15"  # delivered, per the 副题
    assert doc.metadata.published == "2021-01-20T10:15"
    assert doc.metadata.origin == "河川日报"
    r = reasons(doc)
    assert r["当前位置："] == "breadcrumb" and r[">"] == "breadcrumb"
    assert r["【字体："] == "byline"
    assert r["政府工作报告"] == "repeated_title"
    assert r["打印本页"] == "share_print_bar"
    texts = body(doc)
    assert art.byline == "市长 陈立"  # the speaker line: the byline
    assert texts[0] == "各位代表："
    assert texts[-1].startswith("各位代表！让我们团结一心")
    headings = [(b.level, b.text) for b in art.blocks if b.type == "heading" and b.level]
    assert headings == [(1, "一、过去一年的工作"), (1, "二、今年的主要任务")]


def test_no_text_page_is_a_typed_error():
    with pytest.raises(bf.NoTextError, match="no visible text"):
        bf.parse(b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>")


def test_deeply_nested_page_does_not_crash():
    page = "<html><body>" + "<div>" * 3000 + "深层嵌套的段落文字，内容完整无缺。" + "</div>" * 3000 + "</body></html>"
    doc = bf.parse(page.encode("utf-8"))
    assert isinstance(doc, bf.Document)


def test_xhtml_with_declaration_and_entities_is_read_safely():
    page = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd" [<!ENTITY ext SYSTEM "file:///etc/hostname">]>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>某县通知_某县政府</title></head>'
        "<body><h1>某县通知</h1><p>这是一段正文，内容讲述了某地开展工作的具体情况。&ext;</p></body></html>"
    )
    doc = bf.parse(page.encode("utf-8"))
    assert doc.articles[0].title == "某县通知"
    assert [b.text for b in doc.articles[0].blocks] == ["这是一段正文，内容讲述了某地开展工作的具体情况。&ext;"]


def test_comment_heavy_page_head_is_parsed_quickly():
    page = "<!--a-->" * 2000 + "<html><body><p>这是一段正文，内容讲述了某地开展工作的具体情况。</p></body></html>"
    doc = bf.parse(page)  # a backtracking prolog pattern would never return
    assert doc.articles[0].blocks[0].text.startswith("这是一段正文")


def test_toolbar_one_word_a_line_and_a_speech_note():
    doc = bf.parse(FIXTURES / "text" / "report_toolbar.txt", normalize=False)
    art = doc.articles[0]
    assert art.title == "2025年河川市政府工作报告"
    assert art.subtitle.startswith("——2025年1月20日")
    assert doc.header.date == "2025-01-20" and doc.metadata.published == "2025-01-28"
    assert all(r.reason == "share_print_bar" for r in doc.removed[:9])
    caption = [b for b in art.blocks if b.text.startswith("陈立作政府工作报告")]
    assert caption and caption[0].type == "paragraph"  # a photo credit is not a heading


def test_head_printed_twice_around_a_breadcrumb():
    doc = bf.parse(FIXTURES / "text" / "report_repeated_head.txt", normalize=False)
    art = doc.articles[0]
    assert art.title == "河川市2025年政府工作报告"
    assert art.subtitle == "2025年1月20日在河川市第五届人民代表大会第四次会议上"
    assert art.byline == "河川市市长 陈立"  # the speaker is no part of the 副题
    assert doc.header.date == "2025-01-20"
    assert doc.metadata.origin == "河川市人民政府"
    r = reasons(doc)
    assert r["首页"] == "breadcrumb" and r["分享:"] == "share_print_bar"
    assert [x.reason for x in doc.removed if x.text == art.title] == ["repeated_title"]
    assert body(doc)[0] == "各位代表："


def test_heading_title_with_junk_meta_title_and_a_caption_near_the_end():
    doc = bf.parse(FIXTURES / "html" / "news_heading_title.html", normalize=False)
    assert doc.articles[0].title == "2019年某某学术年会在河川大学成功举行！"
    texts = body(doc)
    assert texts[-1].startswith("年会创办于2011年")  # a caption naming 承办单位 is no footer
    assert not any(t.startswith("声明") for t in texts)
    disclaimer = "声明：本网转载此文出于传递信息之目的，文章内容仅供参考，不构成任何建议。"
    assert reasons(doc)[disclaimer] == "copyright_footer"
    assert doc.metadata.origin == "某某学会" and doc.header.date == "2019-05-18"


def squeeze(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
@pytest.mark.parametrize("meta", ['<meta charset="gb2312">', ""], ids=["declared", "undeclared"])
def test_a_seed_wrapped_in_html_gives_the_text_path_document(path, meta):
    text = path.read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{html_escape(line)}</p>\n" for line in text.splitlines())
    page = f"<html><head>{meta}<title>页面</title></head><body>{paragraphs}</body></html>".encode("gb18030")
    got, want = bf.parse(page), bf.parse(path)
    assert got.source.format == "html" and got.source.encoding == "gb18030"
    assert (got.header.issuer, got.header.date) == (want.header.issuer, want.header.date)
    assert got.toc == want.toc
    # HTML collapses runs of spaces, so a two-space gap ("快  1月17日") arrives as one: compare without them
    titles = [[(squeeze(a.title), a.subtitle) for a in doc.articles] for doc in (got, want)]
    assert titles[0] == titles[1]
    assert [squeeze(b.text) for a in got.articles for b in a.blocks] == [
        squeeze(b.text) for a in want.articles for b in a.blocks
    ]
    assert [(d.label, d.text) for d in got.distribution] == [(d.label, d.text) for d in want.distribution]


def test_the_runs_candidate_takes_in_the_short_lines_its_container_prints_at_its_ends() -> None:
    """The best run of prose leaves out the text's short first and last lines (a salutation, a 落款 organ and
    date, （此件公开发布）): they cost more than they weigh. Printed in the run's container, they are the text's;
    a list of links in another container after them is not."""
    from lxml import etree

    from bulletin_format.readers.html_content import PageBlock, _Page, _runs_candidate

    content, side = etree.Element("div"), etree.Element("div")
    paragraphs = [etree.SubElement(content, "p") for _ in range(9)]
    links = [etree.SubElement(side, "li") for _ in range(3)]
    prose = "各县（区）要把高标准农田建设摆在突出位置，统筹推进田块整治、灌溉排水和田间道路建设，确保建一片、成一片。"
    texts = ["同志们：", *([prose] * 5), "东岭市农业农村局", "2023年4月10日", "（此件公开发布）"]
    blocks = [PageBlock(t, el) for t, el in zip(texts, paragraphs, strict=True)]
    blocks += [PageBlock("东岭市召开春季农业生产工作会议", li, link_chars=15) for li in links]
    weights = [0.0, *([60.0] * 5), 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    runs = _runs_candidate(_Page(blocks, weights, [False] * len(blocks)))
    assert runs == [True] * 9 + [False] * 3


def test_a_sidebar_of_dated_items_does_not_make_the_article_a_comment() -> None:
    """Dated items of a sidebar (entries), the title between the last one and the article's byline (a little
    weight), the article under its byline, then three dated comments: the article's entry is the first with
    an article's worth of text — it was the first with any, the sidebar's, and the article's byline was
    read as a comment's (its date and 来源 lost)."""
    from bulletin_format.readers.html_content import _thread_lines

    entries = [True] * 5 + [False, True] + [False] * 6 + [True, False] * 3
    weights = [0.0] * 5 + [12.0, 0.0] + [80.0] * 6 + [0.0, 20.0] * 3
    thread = _thread_lines(entries, weights)
    assert thread[6:13] == [False] * 7  # the article and its byline
    assert all(thread[13:])  # the comments

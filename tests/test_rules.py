"""Each boilerplate classifier and structural rule, one by one, on positive and negative lines."""

from __future__ import annotations

import pytest

import bulletin_format as bf
from bulletin_format.clean import RULES, chrome, rules
from bulletin_format.lines import PassState, text_to_lines


def state_of(text: str) -> PassState:
    return PassState(lines=text_to_lines(text))


PROSE = "这是一段正文，内容讲述了某地开展工作的具体情况，并提出了下一步的工作打算。"


@pytest.mark.parametrize(
    ("classifier", "yes", "no"),
    [
        (chrome.breadcrumb, ["首页 > 新闻中心 > 国内新闻 > 正文", "您现在的位置：首页"], ["甲 > 乙", PROSE]),
        (
            chrome.byline,
            [
                "2019-10-23 09:05:12 来源：某某报",
                "发布时间：2020-01-02 作者：王五",
                "http://example.invalid 2005年02月01日10:24 某某网",
            ],
            ["2005年2月19日", "一、2005年工作回顾", PROSE],
        ),
        (
            chrome.share_print_bar,
            ["【打印】【关闭】", "字号：大 中 小", "分享到：微信 微博", "【评论】【推荐】【打印】"],
            ["打印机采购项目公告正式发布", PROSE],
        ),
        (
            chrome.copyright_footer,
            ["Copyright © 2020 某某网 版权所有", "备案号：某ICP备12345678号", "主办单位：某市政府办公室"],
            [PROSE],
        ),
        (chrome.qr_code, ["扫一扫在手机打开当前页", "微信扫一扫 分享到朋友圈"], [PROSE]),
        (
            chrome.related_list,
            ["相关新闻", "推荐阅读", "上一篇：某某会议召开", "标题文章甲乙丙丁... 栏目 本站 编辑 2015-11-22"],
            ["相关部门要加强协作，形成合力，确保各项任务落到实处。"],
        ),
        (chrome.tags, ["标签：经济 发展", "相关话题/党建工作"], [PROSE]),
        (
            chrome.source_credit,
            ["（来源：某某日报）", "（责任编辑：赵红）", "编辑：何某某", "某某科供稿 摄影/张三 编辑/李四"],
            ["编辑部全体同志认真学习了会议精神，并结合实际提出了改进意见。"],
        ),
        (chrome.navigation, ["首页 | 新闻 | 政务 | 服务 | 互动"], [PROSE]),
    ],
)
def test_classifier(classifier, yes, no):
    for line in yes:
        assert classifier(line), line
    for line in no:
        assert not classifier(line), line


def test_rule_names_are_reasons():
    names = [r.__name__ for r in RULES]
    assert len(names) == len(set(names))
    assert all(n.isidentifier() and n.islower() for n in names)


def test_glued_credit_is_split_off_the_last_paragraph():
    s = state_of(f"标题\n{PROSE}来源：某某广播网责编：章某\n")
    rules.glued_credit(s)
    assert [ln.text for ln in s.lines][-1] == "来源：某某广播网责编：章某"
    assert s.lines[-1].removed == "source_credit"
    assert s.metadata.origin == "某某广播网" and s.metadata.editor == "章某"
    assert s.lines[-2].text == PROSE and s.lines[-2].removed is None


def test_glued_title_is_split_when_the_title_repeats():
    title = "某区委书记在全区工作会议上的讲话"
    s = state_of(f"{title}（接上页）{PROSE}\n{PROSE}\n{PROSE}\n{title}\n")
    rules.glued_title(s)
    assert s.lines[0].text == title and "title" in s.lines[0].hints
    rules.repeated_title(s)
    assert s.lines[-1].removed == "repeated_title"


def test_page_tail_needs_the_body_before_it():
    s = state_of(f"标题\n【打印】【关闭】\n{PROSE}\n{PROSE}\n{PROSE}\n【打印】【关闭】\n某某专栏\n热门排行\n")
    for rule in RULES:
        rule(s)
    kept = [ln.text for ln in s.lines if ln.kept]
    assert kept == ["标题", PROSE, PROSE, PROSE]
    assert [ln.removed for ln in s.lines[-2:]] == ["page_tail", "page_tail"]


def test_a_weak_end_marker_inside_the_body_does_not_cut_it():
    s = state_of(f"标题\n{PROSE}\n相关链接\n{PROSE}\n{PROSE}\n")
    chrome.related_list  # noqa: B018 - the rule under test is the line rule made from it
    for rule in RULES:
        rule(s)
    assert [ln.text for ln in s.lines if ln.kept].count(PROSE) == 3


def test_crawler_fragments_join_label_and_value():
    s = state_of("来源：\n某某日报\n发布时间：\n2021-01-20 10:15:00\n" + PROSE)
    rules.crawler_fragments(s)
    assert [ln.removed for ln in s.lines[:4]] == ["byline"] * 4
    assert s.metadata.origin == "某某日报"
    assert s.metadata.published == "2021-01-20T10:15"
    assert s.lines[4].removed is None


def test_info_table_needs_three_labels():
    s = state_of("发文机关：\n某某办公室\n" + PROSE)
    rules.info_table(s)
    assert all(ln.removed is None for ln in s.lines)
    s = state_of("发文机关：\n某某办公室\n成文日期：\n2020年01月02日\n发文字号：\n某办发[2020]3号\n" + PROSE)
    rules.info_table(s)
    assert s.header.doc_number == "某办发〔2020〕3号" and s.header.doc_number_text == "某办发[2020]3号"
    assert s.header.date == "2020-01-02" and s.header.issuer == "某某办公室"


def test_rejoin_only_mid_sentence():
    s = state_of(f"{PROSE[:20]}，\n{PROSE}\n一、标题\n{PROSE}\n")
    rules.rejoin_split_paragraph(s)
    assert [ln.text for ln in s.lines] == [PROSE[:20] + "，" + PROSE, "一、标题", PROSE]


def test_credits_ending_each_article_of_a_bulletin_do_not_cut_it():
    para = PROSE * 3
    text = (
        "\n".join(f"第{n}篇文章的标题\n{para}\n{para}\n（来源：某某日报）" for n in "一二三")
        + "\n报：市委办公室\n送：各区委\n"
    )
    import bulletin_format as bf

    doc = bf.parse(text, normalize=False)
    assert [a.title for a in doc.articles] == ["第一篇文章的标题", "第二篇文章的标题", "第三篇文章的标题"]
    assert all(len(a.blocks) == 2 for a in doc.articles)
    assert [d.label for d in doc.distribution] == ["报", "送"]


def test_a_byline_after_the_body_ends_it():
    import bulletin_format as bf

    doc = bf.parse(
        f"某镇召开工作会议\n{PROSE}\n{PROSE}\n发布日期：2019-03-06　责任编辑：龙某\n网站简介\n", normalize=False
    )
    assert [b.text for b in doc.articles[0].blocks] == [PROSE, PROSE]
    assert doc.metadata.published == "2019-03-06" and doc.metadata.editor == "龙某"


def test_glued_home_link_and_latin_editor_names():
    s = state_of(f"标题\n{PROSE}返回某某网首页>>\n{PROSE}（责任编辑： HN666）\n")
    rules.glued_credit(s)
    texts = [(ln.text, ln.removed) for ln in s.lines]
    assert ("返回某某网首页>>", "related_list") in texts
    assert ("（责任编辑： HN666）", "source_credit") in texts
    assert s.metadata.editor == "HN666"
    assert [t for t, r in texts if r is None] == ["标题", PROSE, PROSE]


def test_an_empty_editor_field_does_not_take_the_next_line_as_a_name():
    s = state_of("责任编辑：\n某地警方：夜间行动未发生伤亡事件，谴责造谣者\n" + PROSE)
    rules.crawler_fragments(s)
    assert s.metadata.editor is None


def test_a_lone_opening_bracket_joins_the_next_line():
    s = state_of(f"（\n三）加强组织领导\n{PROSE}\n")
    rules.rejoin_split_paragraph(s)
    assert s.lines[0].text == "（三）加强组织领导"


def test_label_free_bylines_name_an_outlet_only_when_it_reads_like_one():
    for line, origin, author in [
        ("http://example.invalid 2005年02月01日10:24 某某广播网", "某某广播网", None),
        ("2020-06-05 20:35 某某姐 张三 李四", None, None),  # pen names, not an outlet
        ("石某/中国某某报", "中国某某报", "石某"),
    ]:
        s = PassState(lines=[])
        chrome.fill_metadata(s, line)
        assert (s.metadata.origin, s.metadata.author) == (origin, author), line
    assert chrome.byline("石某/中国某某报")


def test_source_and_author_labels_of_other_sites_fill_the_page_facts():
    for line, field, value in [
        ("来源单位：青溪县应急管理局", "origin", "青溪县应急管理局"),
        ("稿件来源：青溪日报", "origin", "青溪日报"),
        ("消息来源：青溪日报", "origin", "青溪日报"),
        ("撰稿人：王小明", "author", "王小明"),
        ("发布时间：2023-03-05　来源单位：青溪县应急管理局", "origin", "青溪县应急管理局"),
    ]:
        s = PassState(lines=[])
        assert chrome.fill_metadata(s, line), line
        assert getattr(s.metadata, field) == value, line


def test_a_byline_rescued_from_above_the_main_content_gives_its_labelled_facts():
    """The byline under the title, outside the container the reader chose, is kept as the article's byline,
    and what its labels say are the page's facts — as when it stands inside the content."""
    body = "<p>为切实做好春季森林防火工作，有效预防和减少森林火灾发生，保障群众生命财产安全，特此通知。</p>" * 4
    for byline, author in [("作者：王小明", "王小明"), ("记者：李华", "李华")]:
        page = (f"<html><body><div><h1>关于做好春季森林防火工作的通知</h1><div class='info'>{byline}</div>"
                f"<div class='content'>{body}</div></div></body></html>")
        doc = bf.parse(text=page)
        assert doc.articles[0].byline == byline
        assert doc.metadata.author == author


def test_a_date_stamp_in_brackets_under_the_title_is_the_page_date():
    """[2023-03-05] or 【2023-03-05 10:20】 under the title: a web page's stamp, not a paragraph (a document
    prints its dates bare, a speech its date in parentheses)."""
    body = "<p>为切实做好春季森林防火工作，有效预防和减少森林火灾发生，保障群众生命财产安全，特此通知。</p>" * 4
    title = "<h1>关于做好春季森林防火工作的通知</h1>"
    for stamp, published in [("[2023-03-05]", "2023-03-05"), ("【2023-03-05 10:20】", "2023-03-05T10:20")]:
        for page in (f"<html><body><div>{title}<div>{stamp}</div><div class='content'>{body}</div></div></body></html>",
                     f"<html><body><div class='content'>{title}<p>{stamp}</p>{body}</div></body></html>"):
            doc = bf.parse(text=page)
            assert doc.metadata.published == published
            assert [r.reason for r in doc.removed if r.text == stamp] == ["byline"]
            assert all("2023" not in b.text for a in doc.articles for b in a.blocks)
    assert chrome.bracketed_date_stamp("[2023-03-05]") == "2023-03-05"
    assert chrome.bracketed_date_stamp("[图片]") is None and chrome.bracketed_date_stamp("（2023年3月5日）") is None


@pytest.mark.parametrize("order", ["byline first", "credit first"])
def test_a_first_hand_label_wins_over_a_second_hand_one(order: str) -> None:
    """来源 in the byline names the page's source; a closing 供稿 credit names who contributed it. The credit,
    read first by the rules (it is inside the text), used to fill metadata.origin; 作者 likewise wins over
    撰稿."""
    body = "<p>为切实做好春季森林防火工作，有效预防和减少森林火灾发生，保障群众生命财产安全，特此通知。</p>" * 4
    byline = "<div>发布时间：2023-05-06 10:20　来源：党委宣传部　作者：林晓</div>"
    credit = "<p>（供稿：机械工程学院　撰稿：周敏　编辑：李华）</p>"
    inside = f"{byline}{body}{credit}" if order == "byline first" else f"{body}{credit}{byline}"
    page = f"<html><body><h1>我校举办春季森林防火培训会</h1><div class='content'>{inside}</div></body></html>"
    md = bf.parse(text=page).metadata
    assert (md.origin, md.author, md.editor) == ("党委宣传部", "林晓", "李华")
    alone = bf.parse(text=page.replace(byline, "")).metadata  # a second-hand label is better than none
    assert (alone.origin, alone.author) == ("机械工程学院", "周敏")


def test_a_closing_credit_that_names_its_reviewers_is_a_credit():
    """编辑：X　审核：Y (and 校对, 终审 …) closes many articles: a credit, its editor the page's; 本文来源 is a
    source."""
    body = "<p>为切实做好春季森林防火工作，有效预防和减少森林火灾发生，保障群众生命财产安全，特此通知。</p>" * 4
    cases = [("编辑：王小明　审核：李华", None, "王小明"), ("责编：王小明 校对：李华 终审：张三", None, "王小明"),
             ("本文来源：青溪日报", "青溪日报", None)]
    for credit, origin, editor in cases:
        title = "<h1>关于做好春季森林防火工作的通知</h1>"
        doc = bf.parse(text=f"<html><body><div class='content'>{title}{body}<p>{credit}</p></div></body></html>")
        assert (doc.metadata.origin, doc.metadata.editor) == (origin, editor), credit
        assert [r.reason for r in doc.removed if r.text == credit] == ["source_credit"], credit
    assert not chrome.source_credit("审核通过后，由县应急管理局统一编辑印发各乡镇执行。")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("回上一页　友善列印　字级设定", True),  # a Taiwan site's tools (read as Simplified)
        ("温馨提示：如无法打开附件，请安装WPS或Adobe Reader", True),
        ("提示：若您无法查看文件，请下载WPS软件", True),
        ("如无法完成任务，请安装新的设备。", False),  # a sentence of a text
    ],
)
def test_tool_bars_and_notes_on_opening_attachments(text: str, want: bool) -> None:
    assert chrome.share_print_bar(text) is want


def test_a_traditional_sites_tool_bar_is_chrome() -> None:
    page = ("<html><head><meta charset='utf-8'><title>本府推動長照據點擴充</title></head><body>"
            "<h2>本府推動長照據點擴充</h2><div>回上一頁　友善列印　字級設定：小　中　大</div>"
            "<div><p>本府持續擴充社區照顧關懷據點，提供長者就近參與健康促進活動，並結合在地團體辦理共餐及健康講座，"
            "讓長者在熟悉的社區中安心生活。</p></div></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert all("友善列印" not in b.text for b in doc.articles[0].blocks)
    assert any("友善列印" in r.text for r in doc.removed)  # (as a bar of tools, or of short menu words)


@pytest.mark.parametrize("text", ["点击数：123", "阅读数：45", "访问量：1024", "下载次数：37"])
def test_counters_are_page_stats(text: str) -> None:
    assert chrome.page_stats(text)


def test_a_list_of_fact_labels_over_their_values_is_an_info_table() -> None:
    """A <dl> of page facts read as lines, each label alone over its value (發布日期 / 111-10-07)."""
    page = ("<html><head><meta charset='utf-8'><title>颱風過後防範登革熱</title></head><body><div id='C'>"
            "<h2>颱風過後防範登革熱</h2><dl><dt>發布日期</dt><dd>2022-10-07</dd><dt>發布單位</dt><dd>衛生局</dd>"
            "<dt>點閱次數</dt><dd>7486</dd></dl><div class='cp'><p>衛生局提醒民眾，颱風過後應儘速清除積水容器，"
            "防範登革熱疫情，並配合各區清潔隊加強環境整理。</p></div></div></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert [b.text[:3] for b in doc.articles[0].blocks] == ["衛生局"]
    assert doc.header.date == "2022-10-07"


@pytest.mark.parametrize(
    ("byline", "published"),
    [
        ("发布日期：111/05/23　发布单位：社会局　点阅次数：324　更新日期：111-05-25", "2022-05-23"),
        ("发布日期：2024-05-06　发布机构：市政府办公室　更新日期：2024-05-08", "2024-05-06"),
        ("发布时间：2024-05-06 10:20 来源：本站", "2024-05-06T10:20"),
    ],
)
def test_the_published_field_ends_at_the_next_field(byline: str, published: str) -> None:
    """A 发布日期's value ends where the next labelled field starts, whatever its label (an update date after
    it was read as the publication date); a time after the date stays with it."""
    state = PassState(lines=[])
    chrome.fill_metadata(state, byline)
    assert state.metadata.published == published


@pytest.mark.parametrize(
    ("byline", "origin"),
    [
        ("来源：临江日报　记者 王明", "临江日报"),
        ("来源：临江日报 本报记者　王明　李华", "临江日报"),
        ("来源：新华社  编辑：张三", "新华社"),
        ("来源：人民网-人民日报", "人民网-人民日报"),
    ],
)
def test_the_origin_ends_before_a_reporters_label_without_colon(byline: str, origin: str) -> None:
    state = PassState(lines=[])
    chrome.fill_metadata(state, byline)
    assert state.metadata.origin == origin

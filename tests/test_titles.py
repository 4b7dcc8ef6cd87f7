"""Title blocks of pages nobody tuned the rules for: 副题, bylines under the title, version marks,
spaced-out titles, and the distribution lines of a 简报 (own inputs reproducing each kind of trap)."""

from __future__ import annotations

import bulletin_format as bf


def parse(text: str) -> bf.Document:
    return bf.parse(text)


def test_a_dash_subtitle_under_the_main_title_is_the_subtitle():
    doc = parse(
        "某某市第十次党代会隆重开幕\n——热烈祝贺中国共产党某某市第十次代表大会胜利召开\n\n"
        "本报讯　3月5日上午，中国共产党某某市第十次代表大会在市会议中心隆重开幕，大会应到代表500名。\n"
        "会议听取和审议了市委工作报告，选举产生了新一届市委委员会。\n"
    )
    art = doc.articles[0]
    assert art.title == "某某市第十次党代会隆重开幕"
    assert art.subtitle == "——热烈祝贺中国共产党某某市第十次代表大会胜利召开"


def test_the_author_organ_and_date_under_a_title_are_its_byline():
    doc = parse(
        "关于加快推进数字政府建设的实施意见\n某某市发展和改革委员会\n2021年3月5日\n\n"
        "为贯彻落实国家关于数字政府建设的决策部署，加快推进我市数字政府建设，结合实际，提出如下意见。\n"
        "一、总体要求\n坚持以人民为中心的发展思想，全面提升政府数字化治理能力。\n"
    )
    art = doc.articles[0]
    assert art.title == "关于加快推进数字政府建设的实施意见"
    assert art.byline and "某某市发展和改革委员会" in art.byline and "2021年3月5日" in art.byline
    assert doc.header.date == "2021-03-05"
    assert art.blocks[0].text.startswith("为贯彻落实")


def test_a_speaker_appended_to_the_subtitle_is_the_byline():
    doc = parse(
        "在全市经济工作会议上的讲话\n——2021年1月15日在全市经济工作会议上　某某省副省长　张某某\n\n同志们：\n"
        "这次会议的主要任务是，总结去年经济工作，分析当前经济形势，部署今年经济工作。\n"
    )
    art = doc.articles[0]
    assert art.subtitle == "——2021年1月15日在全市经济工作会议上"
    assert art.byline == "某某省副省长　张某某"
    assert doc.kind == "speech" and doc.header.date == "2021-01-15"


def test_a_speaker_line_under_the_title_is_no_title_line():
    doc = parse(
        "在全市经济工作会议上的讲话\n某某省省长　张某某\n\n同志们：\n"
        "这次会议的主要任务是，总结去年经济工作，分析当前经济形势，部署今年经济工作。\n"
    )
    assert doc.articles[0].title == "在全市经济工作会议上的讲话"
    assert doc.articles[0].byline == "某某省省长　张某某"


def test_reporters_under_a_headline_are_its_byline():
    doc = parse(
        "代表委员热议高质量发展\n记者　张某　李某\n\n"
        "本报北京3月6日电　连日来，出席全国两会的代表委员围绕政府工作报告，就推动高质量发展建言献策。\n"
    )
    art = doc.articles[0]
    assert art.title == "代表委员热议高质量发展" and art.byline == "记者　张某　李某"


def test_a_spaced_out_title_and_its_version_mark_are_one_title():
    doc = parse(
        "某某市人民政府文件\n\n某政发〔2021〕3号\n\n某 某 市 城 市 绿 化 管 理 办 法\n（ 试 行 ）\n\n"
        "第一条　为了促进城市绿化事业的发展，改善生态环境，根据有关法律法规，结合本市实际，制定本办法。\n"
        "第二条　本办法适用于本市城市规划区内的城市绿化的规划、建设、保护和管理。\n"
        "某某市人民政府\n2021年2月1日\n"
    )
    art = doc.articles[0]
    assert art.title == "某某市城市绿化管理办法（试行）"
    assert art.subtitle is None
    assert doc.header.doc_number == "某政发〔2021〕3号"
    assert all(a.title != "某某市人民政府文件" for a in doc.articles)


def test_a_send_line_does_not_swallow_the_copy_line_after_it():
    doc = parse(
        "某某工作简报\n第5期\n某某市人民政府办公室编　　　　2021年3月1日\n\n"
        "某县推进农村改革\n某县积极推进农村综合改革，取得明显成效。全县共完成改革任务20项，群众满意度显著提升。\n\n"
        "某区加强社会治理\n某区坚持共建共治共享，不断创新社会治理方式，社会大局持续和谐稳定。\n\n"
        "送：市委常委，市人大常委会主任、副主任。\n抄：各县（市、区）人民政府，市直各部门。\n发：各乡镇人民政府。\n"
    )
    assert [(d.label, d.recipients) for d in doc.distribution] == [
        ("送", ["市委常委", "市人大常委会主任、副主任"]),
        ("抄", ["各县（市、区）人民政府", "市直各部门"]),
        ("发", ["各乡镇人民政府"]),
    ]
    assert all(not b.text.startswith(("送：", "抄：")) for a in doc.articles for b in a.blocks)


def test_page_facts_glued_to_a_date_without_day_mark_or_to_a_share_widget():
    body = "会议强调，要加强组织领导，确保各项任务落到实处，推动工作取得新成效。这是一段足够长的正文内容。\n"
    doc = parse("某某市召开工作会议\n2011年09月26来源：某某日报\n" + body)
    assert doc.metadata.published == "2011-09-26" and doc.metadata.origin == "某某日报"
    doc = parse("某某市召开工作会议\n来源：某某网参与互动\n" + body)
    assert doc.metadata.origin == "某某网"
    doc = parse("某某市召开工作会议\n来源：评论员文章网\n" + body)
    assert doc.metadata.origin == "评论员文章网"  # a widget word opening the name is the name


BREAKS = [(f"第{n}批项目建设取得新的进展，为全市", f"经济社会发展提供了第{n}份支撑。") for n in range(4)]


def _printed_pages(breaks: list[tuple[str, str]]) -> str:
    """A report as text converted from PDF: a running head and a folio on every page, each page's last
    sentence cut by the page break (given as pairs of halves)."""
    filler = "全市各级各部门认真贯彻落实市委市政府决策部署，扎实推进各项工作，取得了明显成效。"
    out = ["某某市2020年度工作报告", ""]
    rest_of_sentence = None
    for n, (tail, head) in enumerate(breaks, start=1):
        if rest_of_sentence:
            out += ["某某市2020年度工作报告", rest_of_sentence]
        out += [f"{'一二三四五'[n - 1]}、第{n}项工作", *[filler] * 8, tail, f"- {n} -"]
        rest_of_sentence = head
    return "\n".join(out) + "\n"


def test_running_heads_and_folios_of_printed_pages_leave_the_text():
    text = _printed_pages(BREAKS)
    doc = parse(text)
    assert doc.articles[0].title == "某某市2020年度工作报告"
    reasons = [(r.text, r.reason) for r in doc.removed]
    assert ("- 2 -", "page_number") in reasons and ("某某市2020年度工作报告", "running_head") in reasons
    texts = [b.text for b in doc.articles[0].blocks]
    assert not any(t.startswith("- ") or t == "某某市2020年度工作报告" for t in texts)


def test_a_sentence_cut_by_a_page_break_is_joined_again():
    doc = parse(_printed_pages(BREAKS))
    texts = [b.text for b in doc.articles[0].blocks]
    assert "第1批项目建设取得新的进展，为全市经济社会发展提供了第1份支撑。" in texts


def test_numbers_that_do_not_count_pages_stay():
    doc = parse("某某统计\n\n全年完成情况如下，各项指标均有增长，具体数字见下列各行。\n3\n1\n2\n")
    assert not any(r.reason == "page_number" for r in doc.removed)


def test_a_credit_with_a_link_glued_after_it_and_an_empty_credit_label_are_chrome():
    text = (
        "某某县召开秋季工作会议\n\n会议强调，要加强组织领导，确保各项任务落到实处，推动工作取得新成效，这是一段正文内容。\n"
        "会议要求，各单位要认真抓好落实，按时报送工作进展情况，确保全年目标任务圆满完成。\n"
        "【编辑：张某】返回某某网，查看更多\n责任编辑：\n"
    )
    doc = parse(text)
    body = [b.text for b in doc.articles[0].blocks]
    assert body[-1].startswith("会议要求") and len(body) == 2
    assert doc.metadata.editor == "张某"

"""The 公文 pass: 版头, 发文字号, 主送机关, headings, 附件说明, 落款, 附注, attachments and 版记.

Each fixture under fixtures/official/ is an invented document in the style of 公文; the tests check
the parsed Document field by field, and that every input line ends up in some field.
"""

from __future__ import annotations

import unicodedata

import pytest

import bulletin_format as bf
from bulletin_format.audit import lost_characters
from bulletin_format.lines import Line, PassState
from bulletin_format.model import Document, Header
from bulletin_format.segment import official
from bulletin_format.segment.distribution import match_line

from .conftest import FIXTURES

OFFICIAL = FIXTURES / "official"
_CACHE: dict[str, Document] = {}


def doc_of(name: str) -> Document:
    if name not in _CACHE:
        _CACHE[name] = bf.parse(OFFICIAL / f"{name}.txt")
    return _CACHE[name]


def canon(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC"))


def texts(blocks) -> list[str]:
    return [b.text for b in blocks]


# ---------------------------------------------------------------------------------------------
# A 通知 with a full 版头, 附件说明, 落款, 附注, one attachment and a 版记.


def test_notice_header():
    h = doc_of("tongzhi").header
    assert (h.copy_number, h.secrecy, h.urgency) == ("000087", "机密★1年", "特急")
    assert h.issuer == "临江省人民政府"
    assert h.doc_number == h.doc_number_text == "临政发〔2021〕7号"
    assert (h.date, h.date_text) == ("2021-03-15", "2021年3月15日")
    assert h.signer is None


def test_notice_title_addressee_and_kind():
    doc = doc_of("tongzhi")
    art = doc.articles[0]
    assert doc.kind == "document"
    assert len(doc.articles) == 1
    assert art.title == "临江省人民政府关于加强乡村公共图书室建设的通知"
    assert art.title_lines == ["临江省人民政府关于加强", "乡村公共图书室建设的通知"]
    assert art.addressee == "各市、县人民政府，省政府各部门、各直属机构"
    assert art.blocks[0].text.startswith("为推动乡村公共文化服务")


def test_notice_heading_levels_and_run_ins():
    blocks = doc_of("tongzhi").articles[0].blocks


    def by_text(start):
        (found,) = [b for b in blocks if b.text.startswith(start)]
        return found

    assert (by_text("一、总体要求").type, by_text("一、总体要求").level) == ("heading", 1)
    # a lone run-in heading line is a heading, its 。 kept as printed
    assert (by_text("（一）指导思想。").type, by_text("（一）指导思想。").level) == ("heading", 2)
    # a run-in heading at the start of a paragraph: one paragraph, with the marker's level
    run_in = by_text("（二）主要目标。到")
    assert (run_in.type, run_in.level) == ("paragraph", 2)
    assert run_in.text.endswith("不低于百分之十。")
    assert (by_text("1.完善设施布局").type, by_text("1.完善设施布局").level) == ("heading", 3)
    assert (by_text("（1）配齐基本设备").type, by_text("（1）配齐基本设备").level) == ("heading", 4)
    assert by_text("2.丰富馆藏资源。").type == "paragraph" and by_text("2.丰富馆藏资源。").level == 3
    plain = [b for b in blocks if b.text.startswith("坚持以人民为中心")]
    assert plain[0].type == "paragraph" and plain[0].level is None
    text = [b for b in blocks if b.type != "attachment_note"]
    assert text[-1].text.startswith("各地要将图书室建设经费")  # the text ends before 附件说明
    # the 附件说明 closes the blocks, its label as printed: text of the document, in reading order
    assert [(b.type, b.text) for b in blocks[len(text) :]] == [
        ("attachment_note", "附件：1.乡村公共图书室建设基本标准"), ("attachment_note", "2.乡村公共图书室年度统计表")]


def test_notice_attachment_list_signature_notes():
    art = doc_of("tongzhi").articles[0]
    assert art.attachment_list == ["1.乡村公共图书室建设基本标准", "2.乡村公共图书室年度统计表"]
    assert [(s.organ, s.date, s.date_text) for s in art.signatures] == [
        ("临江省人民政府", "2021-03-15", "2021年3月15日")
    ]
    assert art.notes == ["（此件公开发布）"]


def test_notice_attachment():
    (att,) = doc_of("tongzhi").articles[0].attachments
    assert att.label == "附件1"
    assert att.title == "乡村公共图书室建设基本标准"  # printed over two lines
    assert texts(att.blocks) == ["一、图书室使用面积不少于三十平方米。", "二、藏书量不少于一千五百册，报刊不少于十种。"]
    assert all(b.type == "paragraph" for b in att.blocks)  # numbered sentences, no headings


def test_notice_banji():
    dist = doc_of("tongzhi").distribution
    assert [d.label for d in dist] == ["抄送", "印发", "共印"]
    assert dist[0].recipients == ["省委各部门", "省人大常委会办公厅", "省政协办公厅", "省法院", "省检察院"]
    assert canon(dist[1].text) == canon("临江省人民政府办公厅2021年3月16日")
    assert dist[2].text == "120份"


# ---------------------------------------------------------------------------------------------
# A 复函 with two attachments, each with its own 落款; 发文字号 under the title in [ ].


def test_reply_header_and_signature():
    doc = doc_of("fuhan")
    h, art = doc.header, doc.articles[0]
    assert art.title == "临江省人民政府办公厅关于西岭县山体裂缝险情有关问题的复函"
    assert (h.doc_number, h.doc_number_text) == ("临政办函〔2004〕31号", "临政办函[2004]31号")
    assert (h.date, h.date_text, h.issuer) == ("2004-11-04", "二〇〇四年十一月四日", "临江省人民政府办公厅")
    assert art.addressee == "西岭县人民政府"
    assert art.blocks[0].text.endswith("做好监测和搬迁工作。")
    assert [b.type for b in art.blocks] == ["paragraph", "attachment_note", "attachment_note"]
    assert art.attachment_list == [
        "1.省国土资源厅关于西岭县白石镇山体裂缝险情调查情况的报告",
        "2.西岭县白石镇山体裂缝险情专家组意见",
    ]
    assert [(s.organ, s.date) for s in art.signatures] == [("临江省人民政府办公厅", "2004-11-04")]
    assert art.notes == []


def test_reply_attachments_each_signed():
    a1, a2 = doc_of("fuhan").articles[0].attachments
    assert (a1.label, a1.title) == ("附件1", "省国土资源厅关于西岭县白石镇山体裂缝险情调查情况的报告")
    assert a1.blocks[0].text == "省人民政府："  # the attached report's own 主送机关 stays in its text
    assert [(b.type, b.level) for b in a1.blocks if b.text.startswith("一、")] == [("heading", 1)]
    assert texts(a1.blocks[-2:]) == ["临江省国土资源厅", "二〇〇四年十月十日"]
    assert (a2.label, a2.title) == ("附件2", "西岭县白石镇山体裂缝险情专家组意见")
    assert texts(a2.blocks[-3:]) == ["西岭县白石镇山体裂缝", "险情调查专家组", "二〇〇四年九月二十三日"]
    assert all(b.type == "paragraph" for b in a2.blocks[-3:])  # an attachment's 落款 is no heading


# ---------------------------------------------------------------------------------------------
# A regulation: 第X章, 第X节, 第X条.


def test_law_chapters_sections_clauses():
    doc = doc_of("law")
    art = doc.articles[0]
    assert art.title == "临江省乡村图书室管理条例"
    assert art.subtitle == "（2019年5月30日临江省第十三届人民代表大会常务委员会第十次会议通过）"
    levels = [(b.type, b.level, b.text[:4]) for b in art.blocks]
    assert levels[0] == ("heading", 1, "第一章　")
    assert ("heading", 2, "第一节　") in levels
    clauses = [b for b in art.blocks if b.text.startswith("第") and "条" in b.text[:5]]
    assert len(clauses) == 5 and all((b.type, b.level) == ("paragraph", 3) for b in clauses)
    items = [b for b in art.blocks if b.text.startswith("（")]
    assert [(b.type, b.level) for b in items] == [("paragraph", None)] * 3
    assert art.signatures == [] and art.addressee is None and art.attachments == []
    assert doc.header.date == "2019-05-30"


# ---------------------------------------------------------------------------------------------
# A pre-2012 请示: 〈〉 brackets, 签发人 on the 发文字号 line, 主题词, dates in Chinese numerals.


def test_legacy_request():
    doc = doc_of("legacy")
    h, art = doc.header, doc.articles[0]
    assert art.title == "临江省教育厅关于申请拨付乡村教师培训经费的请示"
    assert (h.doc_number, h.doc_number_text, h.signer) == ("临教〔2005〕12号", "临教〈2005〉12号", "陈明远")
    assert art.addressee == "省人民政府"
    assert texts(art.blocks)[-1] == "妥否，请批示。"
    assert [(s.organ, s.date, s.date_text) for s in art.signatures] == [
        ("临江省教育厅", "2005-06-08", "二〇〇五年六月八日")
    ]
    assert [(d.label, canon(d.text), d.recipients) for d in doc.distribution] == [
        ("主题词", canon("教育 经费 培训 请示"), []),
        ("抄送", canon("省财政厅"), ["省财政厅"]),
        ("印发", canon("临江省教育厅办公室二〇〇五年六月九日"), []),
    ]
    assert (h.date, h.issuer) == ("2005-06-08", "临江省教育厅")


# ---------------------------------------------------------------------------------------------
# 抄送 in a sentence is body text; a 发文字号 in parentheses under the title.


def test_chaosong_in_sentences_stays_text():
    doc = doc_of("chaosong")
    art = doc.articles[0]
    assert doc.distribution == []
    assert len(art.blocks) == 2 and all("抄送" in b.text for b in art.blocks)
    assert art.subtitle is None
    assert (doc.header.doc_number, doc.header.doc_number_text) == ("临政办发〔2020〕3号", "临政办发〔2020〕3号")
    assert [(s.organ, s.date) for s in art.signatures] == [("临江省人民政府办公厅", "2020-01-06")]


# ---------------------------------------------------------------------------------------------
# A 转发 notice: the forwarded 意见 and a further document follow the 落款 without a 附件 label.


def test_forwarded_documents_are_unlabelled_attachments():
    doc = doc_of("zhuanfa")
    art = doc.articles[0]
    assert art.title == "临江省人民政府办公厅转发省文化厅关于推进乡村阅读工作意见的通知"
    assert doc.header.issuer == "临江省人民政府办公厅"  # the title's first line is no 发文机关标志
    assert doc.header.doc_number == "临政办发〔2018〕45号"
    assert [(s.organ, s.date) for s in art.signatures] == [("临江省人民政府办公厅", "2018-12-18")]
    assert art.notes == ["（此件公开发布）"]
    assert [(a.label, a.title, len(a.blocks)) for a in art.attachments] == [
        ("", "关于推进乡村阅读工作的意见", 5),
        ("", "乡村阅读推广经费的使用办法", 1),
    ]
    assert [b.level for b in art.attachments[0].blocks if b.type == "heading"] == [1, 1]


# ---------------------------------------------------------------------------------------------
# A speech: a salutation is no 主送机关.


def test_salutation_is_not_an_addressee():
    doc = doc_of("speech")
    art = doc.articles[0]
    assert art.addressee is None
    assert art.blocks[0].text == "同志们："
    assert doc.kind == "speech"
    assert art.signatures == [] and doc.header.doc_number is None


# ---------------------------------------------------------------------------------------------
# 发文字号 brackets, 签发人, and the 版头 hook on its own.

BRACKETS = ["〔2018〕", "[2018]", "［2018］", "（2018）", "(2018)", "〈2018〉", "【2018】", "﹝2018﹞", "〔 2018 〕"]


@pytest.mark.parametrize("year", BRACKETS)
def test_doc_number_brackets_normalised(year):
    text = (
        "临江省人民政府关于公布第二批\n省级文化示范村名单的通知\n"
        f"临政发{year}33号\n各市、县人民政府：\n现将第二批省级文化示范村名单予以公布，请认真做好相关工作。\n"
        "临江省人民政府\n2018年9月3日\n"
    )
    doc = bf.parse(text)
    assert doc.header.doc_number == "临政发〔2018〕33号"
    assert doc.header.doc_number_text == f"临政发{year}33号"
    assert doc.articles[0].title == "临江省人民政府关于公布第二批省级文化示范村名单的通知"


def test_split_doc_number_line():
    assert official.split_doc_number_line("临教〈2005〉12号　签发人：陈明远") == ("临教〈2005〉12号", "陈明远")
    assert official.split_doc_number_line("签发人：张三　李四") == (None, "张三 李四")
    assert official.split_doc_number_line("（临政办发〔2020〕3号）") == ("临政办发〔2020〕3号", None)
    assert official.split_doc_number_line("根据临政发〔2018〕3号文件精神") == (None, None)
    assert official.normalize_doc_number("国办发 [ 2018 ] 123 号") == "国办发〔2018〕123号"


def _lines(*texts: str) -> list[Line]:
    return [Line(i, t) for i, t in enumerate(texts, start=1)]


def test_take_header_keeps_facts_already_known():
    lines = _lines("临政发〔2021〕7号", "关于某事项的通知", "各部门：", "正文内容在这里，请认真贯彻执行。")
    header = Header(issuer="临江省人民政府", doc_number="临政发〔2021〕7号", doc_number_text="临政发〔2021〕7号")
    rest = official.take_header(PassState(lines), lines, header)
    assert [ln.text for ln in rest] == ["关于某事项的通知", "各部门：", "正文内容在这里，请认真贯彻执行。"]
    assert header.issuer == "临江省人民政府" and header.doc_number_text == "临政发〔2021〕7号"
    assert lines[0].removed == "repeated_doc_number"  # the printed repeat is kept, in removed


def test_take_header_issuer_mark_known_from_the_info_table():
    lines = _lines("临江省人民政府文件", "临政发〔2021〕7号", "临江省人民政府关于某事项的通知", "各部门：")
    header = Header(issuer="临江省人民政府")
    rest = official.take_header(PassState(lines), lines, header)
    assert [ln.text for ln in rest] == ["临江省人民政府关于某事项的通知", "各部门："]
    assert lines[0].removed == "repeated_issuer" and header.doc_number == "临政发〔2021〕7号"


def test_take_header_refuses_a_different_doc_number():
    lines = _lines("临政发〔2021〕8号", "关于某事项的通知", "正文内容在这里，请认真贯彻执行。")
    header = Header(doc_number="临政发〔2021〕7号")
    rest = official.take_header(PassState(lines), lines, header)
    assert len(rest) == 3 and header.doc_number == "临政发〔2021〕7号"


def test_take_header_leaves_a_news_page_alone():
    lines = _lines("全省文化工作会议在临江召开", "本报讯 日前，全省文化工作会议在临江召开，会议总结了去年工作。")
    header = Header()
    assert official.take_header(PassState(lines), lines, header) == lines
    assert header == Header()


# ---------------------------------------------------------------------------------------------
# 版记 lines (distribution.match_line), keeping the 报/送/发 behaviour of bulletins.


def test_match_line_banji_and_bulletin_labels():
    assert (match_line("报：省委办公厅，省政府办公厅").label, match_line("送：各市文化局").label) == ("报", "送")
    assert match_line("发：各县文化馆").recipients == ["各县文化馆"]
    assert match_line("抄送：省财政厅，省审计厅。").recipients == ["省财政厅", "省审计厅"]
    topic = match_line("主题词：文化　图书室　通知")
    assert (topic.label, topic.recipients) == ("主题词", [])
    assert match_line("主 题 词：文化 通知").label == "主题词"
    assert match_line("各地应于月底前报送报表，同时抄送省统计局。") is None


# ---------------------------------------------------------------------------------------------
# Nothing is lost: every letter and digit of the input is in some field or in removed (form labels
# such as 文件 and 签发人： are kept there with the reason form_label).


@pytest.mark.parametrize("name", sorted(p.stem for p in OFFICIAL.glob("*.txt")))
def test_lossless(name):
    path = OFFICIAL / f"{name}.txt"
    text = path.read_text(encoding="utf-8")
    assert lost_characters(text, bf.parse(path, normalize=False), content_only=True) == {}
    assert lost_characters(text, doc_of(name), content_only=True) == {}


def test_form_labels_are_kept_in_removed():
    removed = [(r.text, r.reason) for r in doc_of("tongzhi").removed]
    assert ("文件", "form_label") in removed
    assert not any(text.startswith("附件") for text, _ in removed)  # 附件： stays with the 附件说明 it opens
    assert ("签发人：", "form_label") in [(r.text, r.reason) for r in doc_of("legacy").removed]


# ---------------------------------------------------------------------------------------------
# 联合行文: two organs sign over one date; 份号 and 密级 on one line; an attachment labelled 附件.


def test_joint_document():
    doc = doc_of("lianhe")
    h, art = doc.header, doc.articles[0]
    assert (h.copy_number, h.secrecy, h.urgency) == ("000123", "秘密★5年", "加急")
    assert canon(h.issuer) == canon("临江省财政厅 临江省文化厅") and h.doc_number == "临财教〔2020〕8号"
    assert art.title == "临江省财政厅　临江省文化厅关于下达2020年乡村图书室补助资金的通知"
    assert art.attachment_list == ["2020年乡村图书室补助资金分配表"]
    assert [(s.organ, s.date) for s in art.signatures] == [
        ("临江省财政厅", "2020-03-02"),
        ("临江省文化厅", "2020-03-02"),
    ]
    (att,) = art.attachments
    assert (att.label, att.title, len(att.blocks)) == ("附件", "2020年乡村图书室补助资金分配表", 1)
    assert [d.label for d in doc.distribution] == ["抄送", "印发"]


def test_wrapped_addressee_colon_label_and_no_signature():
    text = (
        "临江省人民政府办公厅关于做好\n年度统计工作的通知\n临政办发〔2020〕3号\n"
        "各市、县人民政府，省政府各部门、\n各直属机构：\n"
        "请于一月底前报送上一年度统计报表，逾期不报的予以通报。\n附件：统计报表样式\n"
        "附件1：\n统计报表样式\n表一为年度汇总表，表二为分项明细表。\n"
    )
    art = bf.parse(text).articles[0]
    assert art.addressee == "各市、县人民政府，省政府各部门、各直属机构"
    assert texts(art.blocks) == ["请于一月底前报送上一年度统计报表，逾期不报的予以通报。", "附件：统计报表样式"]
    assert art.attachment_list == ["统计报表样式"] and art.signatures == []
    assert [(a.label, a.title, texts(a.blocks)) for a in art.attachments] == [
        ("附件1", "统计报表样式", ["表一为年度汇总表，表二为分项明细表。"])
    ]


@pytest.mark.parametrize("tail", ["新华社记者 张三\n2019年10月23日\n", "2019年10月23日\n"])
def test_news_ending_with_a_date_has_no_signature(tail):
    text = "全省图书室建设取得新进展\n记者从省文化厅获悉，今年全省新建乡村图书室一千二百个，群众反映良好。\n"
    doc = bf.parse(text + tail)
    assert doc.articles[0].signatures == [] and doc.kind != "document"
    assert texts(doc.articles[0].blocks)[-1] == "2019年10月23日"


def test_decision_without_doc_number_is_signed_by_an_organ():
    text = (
        "关于表彰乡村图书室建设先进单位的决定\n"
        "今年全省新建乡村图书室一千二百个，涌现出一批先进单位，经研究，决定予以表彰。\n临江省文化厅\n二〇一九年十月二十三日\n"
    )
    doc = bf.parse(text)
    assert [(s.organ, s.date) for s in doc.articles[0].signatures] == [("临江省文化厅", "2019-10-23")]
    assert (doc.kind, doc.header.issuer, doc.header.date) == ("document", "临江省文化厅", "2019-10-23")


def test_banji_printed_before_the_attachments():
    text = (
        "临江省文化厅关于印发乡村图书室管理办法的通知\n临文发〔2006〕2号\n各市文化局：\n"
        "现将《乡村图书室管理办法》印发给你们，请遵照执行。\n临江省文化厅\n二〇〇六年一月九日\n"
        "主题词：文化　图书室　办法　通知\n抄送：省财政厅。\n"
        "乡村图书室管理办法\n第一条　为了规范乡村图书室管理，制定本办法。\n第二条　本办法自发布之日起施行。\n"
    )
    doc = bf.parse(text)
    art = doc.articles[0]
    assert [d.label for d in doc.distribution] == ["主题词", "抄送"]
    assert [(a.label, a.title, len(a.blocks)) for a in art.attachments] == [("", "乡村图书室管理办法", 2)]
    assert [b.level for b in art.attachments[0].blocks] == [3, 3]
    assert [(s.organ, s.date) for s in art.signatures] == [("临江省文化厅", "2006-01-09")]


def test_a_labelled_line_ends_the_attachment_note():
    """A line with a label of its own after the 附件说明 (联系人：…) is no wrapped item of it: it stays text."""
    text = ("东岭市教育局关于报送统计报表的通知\n各区县教育局：\n"
            "请于本月底前报送上一年度统计报表，逾期不报的予以通报。\n"
            "附件：1.年度统计报表\n2.填报说明\n联系人：张某，电话：0000-1234567\n")
    art = bf.parse(text).articles[0]
    notes = [b.text for b in art.blocks if b.type == "attachment_note"]
    assert notes == ["附件：1.年度统计报表", "2.填报说明"]
    assert art.blocks[-1].type == "paragraph" and art.blocks[-1].text.startswith("联系人：")


def test_a_date_written_out_near_the_end_dates_the_document():
    """A 成文日期 written out in Chinese numerals alone on a line near the end (a 判决书 under its 审判长) dates the
    document, not the page's 发布日期."""
    text = ("东岭县人民法院\n刑事判决书\n（2024）东0312刑初15号\n"
            "公诉机关东岭县人民检察院。\n被告人张某，男，汉族，住东岭县城关镇。\n"
            "本院认为，被告人张某的行为已构成盗窃罪，依照《中华人民共和国刑法》的相关规定，判决如下：\n"
            "被告人张某犯盗窃罪，判处有期徒刑六个月，并处罚金人民币二千元。\n"
            "审　判　长　　李明\n二〇二四年五月六日\n书　记　员　　周洁\n")
    doc = bf.parse(text)
    assert (doc.header.date, doc.header.date_text) == ("2024-05-06", "二〇二四年五月六日")

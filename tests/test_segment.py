"""Segmentation on small texts: 报头, 目录, title blocks, headings, distribution, kind and date."""

from __future__ import annotations

import bulletin_format as bf

PROSE = "这是一段正文，内容讲述了某地开展工作的具体情况，并提出了下一步的工作打算。"


def parse(text: str) -> bf.Document:
    return bf.parse(text, normalize=False)


def test_full_bulletin_header():
    doc = parse(
        f"工作动态\n第12期\n某市某某办公室编              2020年3月4日\n●某县开展活动。\n●某区建立制度。\n"
        f"某县开展活动\n{PROSE}\n某区建立制度\n{PROSE}\n报：市委\n送：各区\n发：各部门\n"
    )
    h = doc.header
    # (编: compiled by — the issuer is the organ before it)
    assert (h.bulletin, h.issue, h.issuer, h.date) == ("工作动态", "第12期", "某市某某办公室", "2020-03-04")
    assert doc.toc == ["某县开展活动。", "某区建立制度。"]
    assert [a.title for a in doc.articles] == ["某县开展活动", "某区建立制度"]
    assert [d.label for d in doc.distribution] == ["报", "送", "发"]
    assert doc.kind == "bulletin"


def test_a_document_title_ending_in_a_bulletin_word_is_not_a_bulletin_name():
    doc = parse(f"关于表彰先进集体的通报\n各单位：\n{PROSE}\n某某办公室\n2020年1月2日\n")
    assert doc.kind == "document" and len(doc.articles) == 1
    assert doc.header.bulletin is None
    assert doc.articles[0].title == "关于表彰先进集体的通报"


def test_title_wrapped_over_two_lines_and_a_dash_subtitle():
    doc = parse(f"某市召开全市\n工作会议\n——在全市工作会议上的讲话\n同志们：\n{PROSE}\n")
    art = doc.articles[0]
    assert art.title_lines == ["某市召开全市", "工作会议"] and art.title == "某市召开全市工作会议"
    assert art.subtitle == "——在全市工作会议上的讲话"
    assert doc.kind == "speech"


def test_heading_levels():
    doc = parse(f"标题\n一、总体要求\n（一）指导思想\n1.坚持导向\n（1）加强领导\n第一章　总则\n{PROSE}\n")
    levels = [(b.level, b.text) for b in doc.articles[0].blocks if b.type == "heading"]
    assert [lv for lv, _ in levels] == [1, 2, 3, 4, 1]


def test_distribution_recipients_split_at_top_level_commas():
    doc = parse(f"某县开展活动\n{PROSE}\n报：市委（二份），市政府、市人大\n送：各区\n")
    assert doc.distribution[0].recipients == ["市委（二份）", "市政府、市人大"]


def test_news_date_falls_back_to_the_publication_time():
    doc = parse(f"某镇开通公交专线\n2020-06-12 08:30:00 来源：某某日报\n{PROSE}\n")
    assert doc.header.date == "2020-06-12" and doc.metadata.published == "2020-06-12T08:30"
    assert doc.kind == "news"


def test_law_dated_by_its_adoption_line():
    doc = parse(
        f"某某条例\n2020年5月6日某市人民代表大会常务委员会第三次会议通过。\n第一章　总则\n"
        f"第一条　{PROSE}\n第二条　{PROSE}\n第三条　{PROSE}\n"
    )
    assert doc.header.date == "2020-05-06"
    assert doc.kind == "document"


def test_a_speaker_whose_office_is_one_character_and_its_end_heads_the_speech():
    """市长, 省长, 局长: the speaker line under a speech's 副题, and the date under it, are its byline — the
    date the speech was given is the document's date (the office needed two characters before its end)."""
    for office in ("市长", "省长", "局长", "区委书记"):
        doc = parse(f"凝心聚力　奋力开创城市更新工作新局面\n——在全市城市更新工作会议上的讲话\n{office}　王明\n"
                    f"（2023年5月6日）\n同志们：\n{PROSE}\n{PROSE}\n")
        art = doc.articles[0]
        assert art.byline is not None and art.byline.replace(" ", "") == f"{office}　王明（2023年5月6日）", office
        assert doc.header.date == "2023-05-06", office
        assert art.blocks[0].text == "同志们：", office


def test_a_date_alone_in_brackets_under_a_speech_title_block_is_its_date():
    """No speaker line: the （2023年5月6日） under the 副题 is the speech's byline and its date."""
    doc = parse(f"凝心聚力　奋力开创城市更新工作新局面\n——在全市城市更新工作会议上的讲话\n（2023年5月6日）\n"
                f"同志们：\n{PROSE}\n{PROSE}\n")
    art = doc.articles[0]
    assert art.byline == "（2023年5月6日）"
    assert doc.header.date == "2023-05-06"
    assert art.blocks[0].text == "同志们："


def test_a_one_character_office_at_the_end_of_the_subtitle_is_the_speaker():
    """The 副题 naming its speaker at its end (…的讲话　市长　王明): the speaker's office follows the same
    pattern as a speaker's own line (市长 needed two characters before 长 there too)."""
    doc = parse(f"凝心聚力　奋力开创城市更新工作新局面\n——在全市城市更新工作会议上的讲话　市长　王明\n"
                f"同志们：\n{PROSE}\n{PROSE}\n")
    art = doc.articles[0]
    assert (art.subtitle, art.byline) == ("——在全市城市更新工作会议上的讲话", "市长　王明")

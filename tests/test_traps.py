"""Trap pages: what a demanding user expects from pages nobody tuned the converter for (issues 9 and 10).

One fixture of our own per kind of failure seen on unseen pages (fixtures/html/traps, fixtures/text/traps,
described in fixtures/README.md), and tests that say what the JSON should hold: the title and 副题, the
body's first and last paragraphs, that page chrome is not in the body but is in ``removed`` with a reason,
page facts, table blocks. They state the expected result, not how the code gets there today.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

import bulletin_format as bf
from bulletin_format.audit import lost_characters
from bulletin_format.model import Article, Block, Document, TableCell
from bulletin_format.readers.html_strip import visible_text

from .conftest import FIXTURES

HTML = FIXTURES / "html" / "traps"
TEXT = FIXTURES / "text" / "traps"
TRAP_FIXTURES = [*sorted(HTML.glob("*.html")), *sorted(TEXT.glob("*.txt"))]

SCHEMA = json.loads(resources.files("bulletin_format").joinpath("schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


# --- helpers -------------------------------------------------------------------------------------------------


@functools.cache
def parsed(path: Path, normalize: bool = False) -> Document:
    """The fixture parsed once per option (text as printed unless ``normalize``)."""
    return bf.parse(path, normalize=normalize)


def article(doc: Document) -> Article:
    assert len(doc.articles) == 1, f"one article expected, got titles {[a.title for a in doc.articles]}"
    return doc.articles[0]


def all_blocks(art: Article) -> list[Block]:
    """The article's blocks, then its attachments' blocks (what the reader reads as the text)."""
    return [*art.blocks, *(b for att in art.attachments for b in att.blocks)]


def texts(doc: Document) -> list[str]:
    return [b.text for a in doc.articles for b in all_blocks(a)]


def paragraphs(doc: Document) -> list[str]:
    return [b.text for a in doc.articles for b in all_blocks(a) if b.type == "paragraph"]


def tables(doc: Document) -> list[Block]:
    return [b for a in doc.articles for b in all_blocks(a) if b.type == "table"]


def squeeze(text: str | None) -> str:
    """Text without any kind of space, for comparing words where the spacing is not the point."""
    return re.sub(r"\s+", "", text or "")


def document_words(doc: Document) -> str:
    """Everything the reader gets as the document: titles, 副题, 主送, blocks, 落款 (not ``removed``)."""
    parts: list[str] = []
    for a in doc.articles:
        parts += [a.title or "", a.subtitle or "", a.addressee or "", *texts_of(a)]
        parts += [f"{s.organ or ''} {s.date_text or ''}" for s in a.signatures]
    return "\n".join(parts)


def texts_of(art: Article) -> list[str]:
    return [b.text for b in all_blocks(art)]


def removed_reasons(doc: Document, fragment: str) -> list[str]:
    """The reasons of the ``removed`` entries holding ``fragment`` (spacing ignored)."""
    want = squeeze(fragment)
    return [r.reason for r in doc.removed if want in squeeze(r.text)]


def assert_chrome(doc: Document, *fragments: str) -> None:
    """Each fragment is page chrome: nowhere in the document's text, and recorded in ``removed``."""
    words = squeeze(document_words(doc))
    for fragment in fragments:
        assert squeeze(fragment) not in words, f"chrome {fragment!r} is in the document text"
        assert removed_reasons(doc, fragment), f"chrome {fragment!r} is not recorded in removed"


def cells(row: list[TableCell]) -> list[str]:
    return [c.text for c in row]


def only_table(doc: Document) -> Block:
    found = tables(doc)
    assert len(found) == 1, f"one table block expected, got {len(found)}: {[b.text[:30] for b in found]}"
    assert found[0].rows is not None
    return found[0]


def read_markup(path: Path) -> str:
    """The page's markup, decoded independently of the reader (the fixtures are UTF-8 or GB 18030)."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


# --- 1. a content container styled visibility:hidden (shown by script at load time) ----------------------------

WECHAT = HTML / "wechat_hidden_content.html"


def test_kind01_visibility_hidden_article_body_comes_out() -> None:
    doc = parsed(WECHAT)
    art = article(doc)
    assert art.title == "河川县召开秋季森林防火工作部署会"
    body = paragraphs(doc)
    assert body, "the body is empty"
    assert body[0].startswith("10月14日下午，河川县召开秋季森林防火工作部署会，传达学习上级")
    assert body[-1].startswith("会议要求，各级各部门要严格执行二十四小时值班和领导带班制度")
    assert body[-1].endswith("全力保障人民群众生命财产安全和森林资源安全。")
    assert any(t.startswith("三要全面排查整治隐患。") for t in body)


def test_kind01_visibility_hidden_is_reported() -> None:
    doc = parsed(WECHAT)
    assert doc.source.extraction is not None
    assert doc.source.extraction.hidden_content is True
    assert any("hid" in w.lower() or "隐藏" in w for w in doc.warnings), doc.warnings


def test_kind01_article_account_chrome_and_facts() -> None:
    doc = parsed(WECHAT)
    assert_chrome(doc, "微信扫一扫", "关注该公众号", "供稿：县应急管理局")
    assert "在看" not in document_words(doc)
    assert doc.metadata.published == "2021-10-15T18:02"
    assert doc.metadata.editor == "王某"
    assert doc.header.date == "2021-10-15"


# --- 2. a news portal whose sidebar teasers and hot list outweigh the article ------------------------------------

PORTAL = HTML / "portal_sidebar_teasers.html"


def test_kind02_article_wins_over_sidebar_teasers_and_hot_list() -> None:
    doc = parsed(PORTAL)
    assert article(doc).title == "临江市启动老旧小区改造三年行动"
    body = paragraphs(doc)
    assert body[0].startswith("记者从市住房和城乡建设局获悉，临江市近日印发《老旧小区改造三年行动方案")
    assert (
        body[-1]
        == "据悉，今年全市计划开工改造一百五十个小区，首批三十六个小区已于本月上旬陆续进场施工，预计年底前全部完工。"
    )
    assert len(body) == 5


def test_kind02_teasers_hot_list_and_neighbours_are_removed() -> None:
    doc = parsed(PORTAL)
    assert_chrome(
        doc,
        "连日来，江滨公园内数百株樱花竞相开放",  # the picture story's long teaser
        "在桥南社区养老服务站，七十多岁的李奶奶",  # an editor's pick teaser
        "去年完成改造的东门社区、桥南社区和纺织厂宿舍区",  # another article's teaser under the article
        "热点新闻",
        "江北片区两条断头路年内打通",  # the last of the ten dated headlines
        "临江港一季度集装箱吞吐量同比增长",
        "您的位置：",
        "某ICP备12345678号-1",
    )


def test_kind02_portal_page_facts() -> None:
    md = parsed(PORTAL).metadata
    assert (md.published, md.origin, md.author, md.editor) == ("2022-04-18T09:30", "临江日报", "周某", "孙某")


# --- 3. a blog post followed by a longer comment thread ---------------------------------------------------------

BLOG = HTML / "blog_comment_thread.html"


def test_kind03_blog_post_is_the_body_not_the_comments() -> None:
    doc = parsed(BLOG)
    assert article(doc).title == "周末带孩子去河川湿地观鸟"  # the post, not the blog's name
    body = paragraphs(doc)
    assert body[0].startswith("早就答应儿子带他去看鸟，这个周末天气终于放晴")
    assert body[-1].startswith("下午起了风，鸟少了一些")
    assert body[-1].endswith("据说那时候会有更多的候鸟路过这里。")
    assert len(body) == 5


def test_kind03_no_comment_is_in_the_body() -> None:
    doc = parsed(BLOG)
    words = document_words(doc)
    for comment in ("带孩子亲近自然太好了", "回复小鹿妈妈", "提醒一句，湿地里蚊子多", "回复阿德：好主意", "2019-05-06"):
        assert comment not in words, comment
    assert_chrome(doc, "提醒一句，湿地里蚊子多，夏天去一定要带驱蚊水", "回复阿德：好主意", "博客访问：286,415")
    assert doc.metadata.published == "2019-05-05T21:14"


# --- 4. a forum thread: the first post (楼主) and its replies ----------------------------------------------------

FORUM = HTML / "forum_thread.html"


def test_kind04_first_post_is_the_body() -> None:
    doc = parsed(FORUM)
    assert article(doc).title == "关于小区停车位分配方案的几点建议"
    body = paragraphs(doc)
    assert body[0].startswith("各位邻居好，物业上周在公告栏贴出了地下停车位的分配方案征求意见稿")
    assert body[-1].startswith("以上几点是我个人的看法")
    assert body[-1].endswith("谢谢！")
    assert [t[:2] for t in body[1:5]] == ["第一", "第二", "第三", "第四"]


def test_kind04_replies_are_not_in_the_body() -> None:
    doc = parsed(FORUM)
    assert_chrome(
        doc,
        "完全同意楼主的第二点",
        "第2楼",
        "时间：2020-01-02 10:11:12",
        "谢谢大家的支持和补充，充电车位和访客车位这两条很好",
        "您需要登录后才可以回帖",
    )
    assert doc.metadata.author in (None, "望江楼下"), "a reply's author is not the thread's author"
    assert doc.metadata.published == "2020-01-02T09:48"
    assert doc.kind in ("news", "unknown"), "a forum post is no speech"
    assert doc.source.replaced == 0


# --- 5. a page whose content is a data table, next to a long list of links ---------------------------------------

PENALTY = HTML / "table_penalty_disclosure.html"
NAMES = HTML / "table_name_list.html"
STATS = HTML / "table_statistics.html"


def test_kind05_penalty_table_is_the_content_not_the_link_sidebar() -> None:
    doc = parsed(PENALTY)
    art = article(doc)
    assert art.title == "临江市市场监督管理局2023年第三季度行政处罚信息公开表"
    table = only_table(doc)
    assert [b.type for b in art.blocks] == ["table"]
    assert table.rows is not None
    assert len(table.rows) == 11 and all(len(row) == 8 for row in table.rows)
    assert table.header_rows == 1
    assert cells(table.rows[0]) == [
        "序号", "处罚决定书文号", "被处罚单位（个人）", "统一社会信用代码",
        "主要违法事实", "处罚依据", "处罚结果", "处罚日期",
    ]  # fmt: skip
    assert all(c.header for c in table.rows[0]) and not any(c.header for c in table.rows[1])
    assert cells(table.rows[1])[:3] == ["1", "临市监罚〔2023〕101号", "临江市惠民百货有限公司"]
    assert cells(table.rows[10])[7] == "2023-09-27"


def test_kind05_penalty_page_sidebar_is_chrome() -> None:
    doc = parsed(PENALTY)
    assert_chrome(doc, "信息公开目录", "双随机一公开", "关于公布第三批临江市知识产权优势企业名单的通知", "【打印本页】")
    assert doc.metadata.published is not None and doc.metadata.published.startswith("2023-10-09")


def test_kind05_name_list_table_with_merged_unit_cells() -> None:
    doc = parsed(NAMES)
    art = article(doc)
    assert art.title == "关于青溪区2021年度优秀志愿者拟表彰名单的公示"
    assert doc.source.replaced == 0  # GB 18030 bytes declared as gb2312
    table = only_table(doc)
    assert table.rows is not None and table.header_rows == 1
    assert len(table.rows) == 11
    assert cells(table.rows[0]) == ["序号", "所在单位", "姓名", "性别", "志愿服务时长（小时）"]
    first = table.rows[1]
    assert cells(first) == ["1", "青溪街道", "张某某", "女", "326"]
    assert (first[1].rowspan, first[1].colspan) == (3, 1)
    assert cells(table.rows[2]) == ["2", "李某", "男", "298"]  # the merged cell is listed once, where it starts
    assert [c.rowspan for c in table.rows[4] if c.text == "东岭镇"] == [2]


def test_kind05_name_list_table_sits_between_its_paragraphs() -> None:
    doc = parsed(NAMES)
    blocks = article(doc).blocks
    at = [b.type for b in blocks].index("table")
    assert blocks[at - 1].text.strip().startswith("根据《青溪区志愿服务激励办法》有关规定")
    assert blocks[at + 1].text.strip().startswith("公示期为2021年12月20日至12月26日。")
    assert any(squeeze(t) == "联系电话：0000-6123456" for t in texts(doc))
    assert [(s.organ, s.date) for s in article(doc).signatures] == [("青溪区志愿服务联合会", "2021-12-20")]
    assert_chrome(doc, "青溪要闻", "区委区政府召开全区经济工作会议", "区图书馆开展全民阅读推广活动")


def test_kind05_statistics_table_with_a_two_row_header() -> None:
    doc = parsed(STATS)
    art = article(doc)
    assert art.title == "2022年1—6月河川县主要经济指标"
    table = only_table(doc)
    assert table.rows is not None
    assert table.header_rows == 2
    assert len(table.rows) == 12
    top = table.rows[0]
    assert cells(top) == ["指标", "计量单位", "1—6月"]
    assert [(c.rowspan, c.colspan) for c in top] == [(2, 1), (2, 1), (1, 3)]
    assert cells(table.rows[1]) == ["本期", "上年同期", "同比增长（%）"]
    assert cells(table.rows[2]) == ["地区生产总值", "亿元", "126.38", "118.52", "5.6"]
    assert cells(table.rows[11]) == ["农村居民人均可支配收入", "元", "10825", "10117", "7.0"]
    after = art.blocks[art.blocks.index(table) + 1]
    assert after.type == "paragraph" and after.text.startswith("注：1.地区生产总值及三次产业增加值按现价计算")
    assert_chrome(doc, "2021年河川县国民经济和社会发展统计公报", "河川县统计局2022年部门预算公开")


# --- 6. a data table inside a 公文 body; a table in a sibling container after the text ----------------------------

RULES_WITH_TABLE = HTML / "official_with_table.html"
TABLE_AFTER = HTML / "table_after_article.html"


def test_kind06_table_stays_in_place_inside_an_official_text() -> None:
    doc = parsed(RULES_WITH_TABLE)
    art = article(doc)
    assert art.title == "东岭县基层政务公开标准化规范化实施办法"
    table = only_table(doc)
    at = art.blocks.index(table)
    assert art.blocks[at - 1].text.startswith("第三条")
    assert art.blocks[at + 1].text.startswith("第四条")
    assert table.rows is not None and table.header_rows == 1
    assert len(table.rows) == 7 and all(len(row) == 5 for row in table.rows)
    assert cells(table.rows[0]) == ["序号", "公开事项", "公开内容", "公开时限", "公开渠道"]
    assert cells(table.rows[3])[2] == "部门预算、决算及“三公”经费"
    assert squeeze(art.blocks[-1].text) == "第七条本办法自2022年3月1日起施行。"
    assert_chrome(doc, "相关链接", "东岭县2021年政务公开工作要点", "网站标识码：0000000001")


def test_kind06_table_after_the_article_in_a_sibling_container_belongs_to_the_body() -> None:
    doc = parsed(TABLE_AFTER)
    art = article(doc)
    assert art.title == "河川职业技术学院2022年单独招生简章"
    body = all_blocks(art)
    assert body[0].text.startswith("河川职业技术学院是经省人民政府批准设立的全日制公办普通高等职业院校。")
    table = only_table(doc)
    assert table.rows is not None and table.header_rows == 1
    assert len(table.rows) == 8
    assert cells(table.rows[0]) == ["序号", "招生专业", "专业代码", "计划数", "考试科目"]
    assert cells(table.rows[4])[1] == "护理"
    at = body.index(table)
    label = [i for i, b in enumerate(body) if b.type != "table" and "招生专业及考试科目" in b.text]
    assert label and label[0] < at, "the 附 label is printed before its table"
    last = [i for i, b in enumerate(body) if b.text.startswith("学校不委托任何中介机构或个人")]
    assert last and last[0] < label[0], "the table follows the article text"
    assert_chrome(doc, "上一条：", "2022年单独招生常见问题解答", "打印本页")
    assert doc.metadata.published == "2022-03-01T10:00"


# --- 7. an old site laid out with nested tables; a 信息公开 metadata table -----------------------------------------

LAYOUT = HTML / "layout_tables_old_site.html"
INFO = HTML / "info_disclosure_meta_table.html"


def test_kind07_layout_tables_are_not_table_blocks() -> None:
    doc = parsed(LAYOUT)
    assert tables(doc) == [], "the page grid is no data table"
    assert article(doc).title == "西岭镇召开2008年度农田水利基本建设动员大会"
    body = [t.strip() for t in paragraphs(doc)]
    assert len(body) == 5
    assert body[0].startswith("11月11日上午，西岭镇召开2008年度农田水利基本建设动员大会")
    assert body[-1] == "会上，镇政府与各村签订了农田水利基本建设目标责任书。"
    assert doc.source.replaced == 0


def test_kind07_layout_page_chrome_and_facts() -> None:
    doc = parsed(LAYOUT)
    assert_chrome(doc, "栏目导航", "镇情简介", "西岭镇完成秋冬季小麦播种任务", "镇长信箱", "某ICP备00000004号")
    md = doc.metadata
    assert (md.published, md.origin) == ("2008-11-12T09:26", "西岭镇人民政府")


def test_kind07_info_disclosure_table_becomes_header_facts_not_a_table() -> None:
    doc = parsed(INFO)
    assert tables(doc) == []
    h = doc.header
    assert (h.doc_number, h.issuer, h.date) == ("临政办发〔2021〕15号", "临江市人民政府办公室", "2021-06-08")
    assert "info_table" in removed_reasons(doc, "000000000/2021-00126")
    assert "info_table" in removed_reasons(doc, "城乡建设、环境保护")
    assert doc.metadata.published is not None and doc.metadata.published.startswith("2021-06-10")


def test_kind07_info_disclosure_document_text() -> None:
    doc = parsed(INFO)
    art = article(doc)
    assert art.title == "临江市人民政府办公室关于加强城市内涝治理工作的通知"
    assert art.addressee == "各区人民政府，市政府各部门、各直属机构"
    body = paragraphs(doc)
    assert body[0].startswith("为有效应对极端强降雨天气")
    assert body[-1].startswith("各区人民政府是本辖区内涝治理的责任主体")
    assert [(s.organ, s.date) for s in art.signatures] == [("临江市人民政府办公室", "2021-06-08")]
    assert art.notes == ["（此件公开发布）"]
    assert not any("临政办发" in t for t in texts(doc)), "the printed 发文字号 is a header fact, not body text"
    assert_chrome(doc, "扫一扫在手机打开当前页", "网站标识码0000000005")


# --- 8. display:none: the only prose hidden until a script shows it; hidden menus, forms, anti-scraping spans ----

EXPANDED = HTML / "hidden_expanded_article.html"
HIDDEN = HTML / "hidden_menus_and_forms.html"


def test_kind08_display_none_article_holding_the_only_prose_is_the_article() -> None:
    doc = parsed(EXPANDED)
    assert article(doc).title == "东岭古镇保护性修缮工程全面完工"
    body = paragraphs(doc)
    assert len(body) == 5
    assert body[0].startswith("历时两年的东岭古镇保护性修缮工程近日全面完工。")
    assert body[-1].startswith("古镇管理所负责人介绍，下一步将制定古镇保护管理办法")
    assert doc.source.extraction is not None and doc.source.extraction.hidden_content is True
    assert doc.warnings
    assert_chrome(doc, "展开全文", "推荐阅读", "东岭古镇入选省级历史文化街区名录")
    assert doc.metadata.published == "2023-05-26T17:45"


def test_kind08_hidden_menus_and_popups_are_removed_as_hidden() -> None:
    doc = parsed(HIDDEN)
    assert article(doc).title == "青溪区举办2023年全民健身运动会"
    assert doc.source.extraction is not None and doc.source.extraction.hidden_content is False
    for hidden in ("领导信息", "内设机构职责", "群众体育赛事", "用户登录", "请输入注册时使用的手机号码和密码",
                   "打开微信，点击底部的“发现”，使用“扫一扫”即可将网页分享至朋友圈。"):  # fmt: skip
        assert hidden not in document_words(doc), hidden
        assert "hidden" in removed_reasons(doc, hidden), f"{hidden!r}: {removed_reasons(doc, hidden)}"


def test_kind08_buttons_and_textareas_are_removed_as_form_controls() -> None:
    doc = parsed(HIDDEN)
    for control in ("打印本页", "关闭窗口", "提交留言", "请在此输入您对本文的意见和建议"):
        assert control not in document_words(doc), control
        assert "form_control" in removed_reasons(doc, control), f"{control!r}: {removed_reasons(doc, control)}"


def test_kind08_anti_scraping_hidden_spans_leave_paragraphs_whole() -> None:
    doc = parsed(HIDDEN)
    assert paragraphs(doc) == [
        "9月16日，青溪区2023年全民健身运动会在区体育中心开幕，本届运动会设置了广场舞、太极拳、气排球、门球、"
        "趣味田径等十二个比赛项目，共吸引了全区二十六支代表队的三千余名运动员参加。",
        "与往届相比，本届运动会更加突出群众性和趣味性，新增了亲子跳绳、家庭接力跑等项目，不少家庭全家上阵，"
        "赛场内外笑声不断。比赛还首次设立了社区分赛场，让居民在家门口就能参赛观赛。",
        "近年来，青溪区持续推进“十五分钟健身圈”建设，累计新建和改造社区健身点一百四十余个，建成健身步道三十二公里，"
        "全区经常参加体育锻炼的人数比例达到百分之四十一。",
        "据了解，本届运动会将持续至10月下旬，各项比赛结束后将评选出优秀组织奖和体育道德风尚奖。",
    ]
    for junk in ("Xq7d", "青溪体育原创", "丙申"):
        assert "hidden" in removed_reasons(doc, junk), f"{junk!r}: {removed_reasons(doc, junk)}"


# --- 9. a 副题 under the main title -----------------------------------------------------------------------------------

CONGRATULATION = HTML / "subtitle_congratulation.html"


def test_kind09_dash_subtitle_under_the_main_title() -> None:
    doc = parsed(CONGRATULATION)
    art = article(doc)
    assert art.title == "凝心聚力开新局 踔厉奋发启新程"
    assert art.subtitle == "——热烈祝贺中国共产党临江市第十次代表大会胜利召开"
    body = paragraphs(doc)
    assert body[0].startswith("初冬时节，临江大地生机盎然。")
    assert body[-1].endswith("为加快建设现代化滨江城市而努力奋斗！")
    assert_chrome(doc, "第03版：评论", "以钉钉子精神抓好落实", "往期回顾")
    assert "本报评论员" not in "".join(texts(doc))


# --- 10. a <title> with " | " separators and a site logo in another <h1> ---------------------------------------

PIPES = HTML / "title_pipe_separators.html"


def test_kind10_title_with_pipe_separators_is_recognised() -> None:
    doc = parsed(PIPES)
    art = article(doc)
    assert art.title == "河川市城市道路挖掘管理办法"
    assert art.subtitle == "（2020年8月14日河川市人民政府第52次常务会议通过）"
    assert doc.metadata.title == "河川市城市道路挖掘管理办法 | 政府规章 | 河川市人民政府"
    body = paragraphs(doc)
    assert body[0].startswith("第一条")
    assert squeeze(body[-1]) == "第八条本办法自2020年10月1日起施行。"
    assert_chrome(doc, "河川市户外广告设置管理办法", "网站标识码：0000000009")


# --- 11. a title block over the author-organisation line and the date ------------------------------------------

ORG_DATE = HTML / "title_org_and_date.html"


def test_kind11_title_does_not_swallow_the_organ_and_date_lines() -> None:
    doc = parsed(ORG_DATE)
    art = article(doc)
    assert art.title == "临江市发展和改革委员会关于印发2021年重点项目建设工作方案的通知"
    assert art.title_lines == ["临江市发展和改革委员会关于印发", "2021年重点项目建设工作方案的通知"]
    assert art.subtitle is None
    assert art.byline == "临江市发展和改革委员会 2021年3月5日"
    assert art.addressee == "各区发展和改革局，市直有关单位"
    body = paragraphs(doc)
    assert body[0].startswith("为做好2021年全市重点项目建设工作")
    assert body[-1] == "请各单位于每月5日前将上月项目进展情况报送市发展和改革委员会投资科。"
    assert doc.header.date == "2021-03-05"


# --- 12. a speech: title, 副题, then the speaker's office and name ---------------------------------------------

SPEECH = HTML / "speech_speaker_line.html"


def test_kind12_speech_subtitle_excludes_the_speaker_line() -> None:
    doc = parsed(SPEECH)
    art = article(doc)
    assert art.title == "坚定信心 真抓实干 奋力开创全省经济社会高质量发展新局面"
    assert art.subtitle == "——在全省经济工作会议上的讲话"
    assert "张某某" not in (art.title or "") + (art.subtitle or "")
    assert art.byline is not None and art.byline.startswith("临江省省长") and "张某某" in art.byline
    assert doc.kind == "speech"
    assert doc.header.date == "2022-12-28"  # delivered, as printed under the speaker
    body = paragraphs(doc)
    assert body[0] == "同志们："
    assert body[-1].endswith("奋力开创全省经济社会高质量发展新局面！")
    assert doc.source.replaced == 0


# --- 13. a 公文 as text: the title after the 发文字号, a member list in the body ------------------------------------

MEMBERS = TEXT / "official_member_list.txt"


def test_kind13_title_after_the_doc_number_not_the_member_list() -> None:
    doc = parsed(MEMBERS)
    art = article(doc)
    assert art.title == "临江市人民政府办公室关于成立临江市生活垃圾分类工作领导小组的通知"
    assert doc.header.doc_number == "临政办〔2020〕21号"
    assert doc.header.issuer == "临江市人民政府办公室"
    assert art.addressee == "各区人民政府，市政府各部门、各直属机构"
    body = [squeeze(t) for t in texts(doc)]
    assert "组长：张某某市人民政府副市长" in body
    assert body[-1].startswith("领导小组成员因工作变动需要调整的")
    assert [(s.organ, s.date) for s in art.signatures] == [("临江市人民政府办公室", "2020-04-15")]
    assert art.notes == ["（此件公开发布）"]


def test_kind13_member_list_lines_are_paragraphs_not_headings() -> None:
    doc = parsed(MEMBERS)
    members = [b for b in article(doc).blocks if re.search(r"(市长|秘书长|局长|主任)$", squeeze(b.text))]
    assert len(members) == 10
    assert all(b.type == "paragraph" for b in members), [(b.type, b.text) for b in members if b.type != "paragraph"]


# --- 14. spaced-out title lines under a red 版头 -------------------------------------------------------------------

SPACED = HTML / "spaced_title_red_header.html"


def test_kind14_spaced_out_title_and_red_header_organ() -> None:
    doc = parsed(SPACED)
    art = article(doc)
    assert art.title == "东岭市公共租赁住房管理办法（试行）"
    assert doc.header.issuer == "东岭市人民政府"
    assert doc.header.doc_number == "东政发〔2019〕8号"
    words = squeeze("".join(texts(doc)))
    assert "东岭市公共租赁住房管理办法" not in words and "人民政府文件" not in words
    assert "━" not in words, "the red rule of the 版头 is no body text"
    body = paragraphs(doc)
    assert body[0].startswith("第一条")
    assert squeeze(body[-1]) == "第七条本办法自2019年5月1日起施行，有效期三年。"


# --- 15. a kicker (引题) above the headline ---------------------------------------------------------------------

KICKER = HTML / "kicker_lead_line.html"
SHARE = HTML / "source_glued_to_share.html"


def test_kind15_long_kicker_is_not_the_title() -> None:
    doc = parsed(KICKER)
    art = article(doc)
    assert art.title == "河川湿地十年增绿两万亩"
    kicker = "坚持生态优先、绿色发展，昔日鱼塘密布、水体浑浊的城郊洼地如今成了候鸟的乐园"
    assert not any("候鸟的乐园" in line for line in art.title_lines)
    assert art.subtitle is None or "候鸟的乐园" not in art.subtitle
    assert art.kicker == kicker
    body = paragraphs(doc)
    assert body[0].startswith("立冬过后，河川湿地迎来了候鸟迁徙的高峰。")
    assert body[-1].endswith("让这片城市“绿肺”更好地造福子孙后代。")
    md = doc.metadata
    assert (md.published, md.origin, md.author, md.editor) == ("2022-11-08T07:50", "河川日报", "吴某", "黄某")


def test_kind15_short_column_kicker_is_not_the_title() -> None:
    art = article(parsed(SHARE))
    assert art.title == "代表委员热议乡村振兴：让农民腰包更鼓日子更甜"
    assert "聚焦两会" not in "".join(art.title_lines)
    assert art.kicker == "聚焦两会"


# --- 16. a date without 日 glued to 来源 ----------------------------------------------------------------------------

DATE_GLUED = HTML / "date_glued_to_source.html"


def test_kind16_date_without_day_character_glued_to_source() -> None:
    doc = parsed(DATE_GLUED)
    assert article(doc).title == "青溪县秋粮收购工作全面展开"
    md = doc.metadata
    assert md.published == "2011-09-26"
    assert md.origin == "青溪日报"
    assert md.author == "陈某"
    assert doc.header.date == "2011-09-26"
    assert_chrome(doc, "2011年09月26来源：青溪日报")
    body = [t.strip() for t in paragraphs(doc)]
    assert body[0].startswith("连日来，青溪县各粮食收购网点迎来售粮高峰。")
    assert body[-1] == "截至目前，全县已收购秋粮二点三万吨，收购进度比去年同期加快。"


# --- 17. a 来源 value glued to share-widget text -------------------------------------------------------------------


def test_kind17_source_glued_to_share_widget_text() -> None:
    doc = parsed(SHARE)
    md = doc.metadata
    assert md.origin == "东岭网"
    assert (md.published, md.editor) == ("2019-03-08T08:20", "钱某")
    assert "参与互动" not in document_words(doc)
    body = paragraphs(doc)
    assert body[0].startswith("东岭网讯")
    assert body[-1].endswith("东岭的乡村一定会越来越美、越来越富。")
    assert_chrome(doc, "登录后才能发表评论", "图解：一图读懂政府工作报告")


@pytest.mark.parametrize(
    ("path", "origin"),
    [(STATS, "河川县统计局"), (HIDDEN, "青溪区体育局")],
    ids=["print-link", "share-link"],
)
def test_kind17_source_glued_to_a_toolbar_link(path: Path, origin: str) -> None:
    assert parsed(path).metadata.origin == origin


# --- 18. text converted from PDF: running heads and folios on every page ----------------------------------------

REPORT = TEXT / "pdf_report_running_heads.txt"
MINUTES = TEXT / "pdf_minutes_page_numbers.txt"


def test_kind18_pdf_running_head_and_dash_folios_are_removed() -> None:
    doc = parsed(REPORT)
    art = article(doc)
    assert art.title == "河川县人民政府关于2022年度法治政府建设情况的报告"
    body = [t.strip() for t in texts(doc)]
    assert "河川县2022年度法治政府建设情况报告" not in body
    assert not any(re.fullmatch(r"-\s*\d+\s*-", t) for t in body)
    for folio in ("- 1 -", "- 2 -", "- 3 -", "- 4 -"):
        assert removed_reasons(doc, folio), f"{folio!r} is not recorded in removed"
    head = "河川县2022年度法治政府建设情况报告"
    assert sum(squeeze(r.text).count(head) for r in doc.removed) == 3, "the running head is recorded once a page"
    assert body[0].startswith("2022年，在市委、市政府的坚强领导下")
    assert body[-1].startswith("2023年，县政府将坚持问题导向")
    assert [(s.organ, s.date) for s in art.signatures] == [("河川县人民政府", "2023-01-20")]
    assert doc.kind == "document"


def test_kind18_pdf_paragraph_cut_by_a_page_break_is_joined() -> None:
    body = paragraphs(parsed(REPORT))
    joined = [t for t in body if t.startswith("（五）依法化解矛盾纠纷。")]
    assert joined and joined[0].endswith("行政复议化解行政争议的主渠道作用进一步发挥。")
    assert "办理行政复议案件四十一件，依法纠正违法或者不当行政行为六件" in joined[0]


def test_kind18_pdf_bare_page_numbers_and_running_head_are_removed() -> None:
    doc = parsed(MINUTES)
    art = article(doc)
    assert (art.title or "").startswith("青溪县人民政府常务会议纪要")
    body = [t.strip() for t in texts(doc)]
    assert "县政府常务会议纪要" not in body
    assert not any(t.isdigit() for t in body), [t for t in body if t.isdigit()]
    for folio in ("1", "2", "3"):
        assert any(r.text.strip() == folio for r in doc.removed), f"page number {folio} is not recorded in removed"
    assert body[-1] == "记录：梁某"
    joined = [t for t in body if t.startswith("会议听取了县交通运输局关于农村公路养护管理情况的汇报。")]
    assert joined and joined[0].endswith("由各乡镇统筹用于辖区内农村公路的日常养护，县交通运输局负责监督检查和考核。")


# --- 19. a 送 line followed by a 抄 line (报尾 of a 简报) -------------------------------------------------------------

BRIEFING = TEXT / "briefing_send_and_copy.txt"


def test_kind19_send_line_does_not_swallow_the_copy_line() -> None:
    doc = parsed(BRIEFING)
    assert doc.kind == "bulletin"
    assert [d.label for d in doc.distribution] == ["送", "抄"]
    send, copy = doc.distribution
    assert send.recipients == [
        "县委办公室", "县人大常委会办公室", "县政府办公室", "县政协办公室", "县纪委监委", "县委组织部", "县委宣传部",
    ]  # fmt: skip
    assert "抄" not in send.text and "各乡镇" not in send.text
    assert copy.recipients == ["各乡镇人民政府", "县安委会各成员单位"]
    assert not any(t.startswith(("送：", "抄：")) for t in texts(doc))


def test_kind19_briefing_header_and_articles() -> None:
    doc = parsed(BRIEFING)
    h = doc.header
    assert (h.bulletin, h.issue, h.issuer, h.date) == (
        "安全生产工作简报",
        "第7期",
        "河川县安全生产委员会办公室",
        "2021-06-30",
    )
    assert [a.title for a in doc.articles] == [
        "县安委会召开二季度安全生产形势分析会",
        "白石镇开展“安全生产月”集中宣传活动",
    ]
    assert doc.articles[-1].blocks[-1].text.startswith("活动期间，镇应急办还组织辖区企业开展了消防应急疏散演练")


# --- 20. tables in text: tab-separated columns are a table; space-run signature lines are not ------------------

TAB_TABLE = TEXT / "tab_separated_table.txt"
SIGNATURES = TEXT / "signature_space_runs.txt"


def test_kind20_tab_separated_rows_are_one_table_block() -> None:
    doc = parsed(TAB_TABLE)
    art = article(doc)
    assert art.title == "青溪县2022年第三季度重点民生项目进展情况通报"
    table = only_table(doc)
    assert table.rows is not None
    assert len(table.rows) == 6 and all(len(row) == 4 for row in table.rows)
    assert cells(table.rows[0]) == ["序号", "项目名称", "责任单位", "完成投资（万元）"]
    assert cells(table.rows[5]) == ["5", "乡镇养老服务中心建设", "县民政局", "1350"]
    assert table.header_rows == 1
    at = art.blocks.index(table)
    assert art.blocks[at - 1].text.startswith("截至9月底，列入年度计划的五个重点民生项目均已开工建设")
    assert art.blocks[at + 1].text == "二、存在的问题"


def test_kind20_signature_on_one_line_with_a_space_run_is_no_table() -> None:
    doc = parsed(TAB_TABLE)
    art = article(doc)
    assert [(s.organ, s.date) for s in art.signatures] == [("青溪县人民政府督查室", "2022-10-12")]
    assert art.addressee == "各乡镇人民政府，县直有关单位"
    assert doc.kind == "document"


def test_kind20_joint_signature_in_space_aligned_columns_is_no_table() -> None:
    doc = parsed(SIGNATURES)
    art = article(doc)
    assert tables(doc) == []
    assert art.title == "关于做好2020年寒假期间学生安全工作的通知"
    assert doc.header.doc_number == "河教联〔2020〕1号"
    assert art.addressee == "各中小学校、幼儿园，各乡镇派出所、交警中队"
    assert paragraphs(doc)[0].startswith("2020年寒假即将来临")
    assert [s.organ for s in art.signatures] == ["河川县教育局", "河川县公安局", "河川县交通运输局", "河川县应急管理局"]
    assert {s.date for s in art.signatures} == {"2020-01-01"}


def test_kind20_a_table_of_short_cells_is_content_not_a_menu() -> None:
    """A table's cells joined read like a menu of short words (序号 单位 金额 …): a table line is content."""
    rows = "\n".join(f"{i}\t第{i}中学\t{i}.5" for i in range(1, 8))
    for text in (f"序号\t单位\t金额\n{rows}\n", f"各单位经费安排表\n\n序号\t单位\t金额\n{rows}\n"):
        doc = bf.parse(text=text)
        table = only_table(doc)
        assert table.rows is not None and len(table.rows) == 8
        assert not doc.removed
    assert article(doc).title == "各单位经费安排表"


# --- 21. no <title>: a schedule of timed items, a sidebar notice, a dated counter line under the title --------------

SCHEDULE = HTML / "no_title_schedule.html"


def test_kind21_schedule_without_a_title_element_is_the_body() -> None:
    doc = parsed(SCHEDULE)
    article(doc)  # one article
    assert doc.source.extraction is not None and doc.source.extraction.method == "dom"
    body = [squeeze(p) for p in paragraphs(doc)]
    assert body[0] == "5月15日上午分组研讨（第1场）"
    assert body[-1].endswith("请提前入场")
    halves = [(15, "上午"), (15, "下午"), (16, "上午"), (16, "下午")]
    want = [f"5月{d}日{h}分组研讨（第{n}场）" for n, (d, h) in enumerate(halves, 1)]
    assert [p for p in body if "分组研讨" in p] == want
    assert sum("专题报告" in p for p in body) == 12
    assert_chrome(doc, "本站公告：会员信息年度核对工作已经开始", "当前位置：首页")


def test_kind21_the_title_is_the_line_above_the_text_and_its_byline() -> None:
    doc = parsed(SCHEDULE)
    art = article(doc)
    assert art.title == "第六届区域发展学术年会日程安排"
    assert art.subtitle == "（2023年5月15日至16日，本校东校区）"
    # the date under the title, with a view counter: the page's byline, and the page's date
    assert removed_reasons(doc, "2023-05-10　　阅读 1234 次") == ["byline"]
    assert doc.metadata.published == "2023-05-10"
    assert doc.header.date == "2023-05-10"  # not the first day of the meeting the 副题 announces


def test_kind21_a_span_of_time_is_no_entry_stamp() -> None:
    from bulletin_format.readers.html_content import is_entry

    for schedule_item in ("8:30－8:50 开幕式", "9:20—9:50", "时  间：7:00－9:30", "第一场1:30－3:30",
                          "14:00 至 15:30 分组讨论", "10:10—12:10 “宏观经济政策”论坛", "10:00~11:00"):
        assert not is_entry(schedule_item), schedule_item
    for posted in ("回复于 12:30", "网友甲 2019-05-05 21:14:36", "发表于 2023-5-1 08:00", "7:30 讲座"):
        assert is_entry(posted), posted


def test_kind21_a_dom_answer_short_of_an_article_loses_a_tied_vote(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two candidates always tie in the vote (each agrees with the other as much): the DOM answer is kept
    unless it holds less than an article's worth of prose (CONFIDENT_PROSE) and the other holds that much."""
    from bulletin_format.readers import html_content

    def sidebar_only(page: html_content._Page) -> list[bool]:  # a DOM scoring fooled by the notice box
        return ["本站公告" in b.text for b in page.blocks]

    monkeypatch.setattr(html_content, "_dom_candidate", sidebar_only)
    doc = bf.parse(SCHEDULE)
    assert doc.source.extraction is not None
    assert [c.method for c in doc.source.extraction.candidates] == ["dom", "runs"]
    assert doc.source.extraction.method == "runs"
    assert "本站公告" not in document_words(doc)
    assert sum("专题报告" in p for p in paragraphs(doc)) == 12

    def whole_schedule(page: html_content._Page) -> list[bool]:  # a DOM answer that holds an article
        return ["分组研讨" in b.text or "专题报告" in b.text for b in page.blocks]

    monkeypatch.setattr(html_content, "_dom_candidate", whole_schedule)
    doc = bf.parse(SCHEDULE)
    assert doc.source.extraction is not None and doc.source.extraction.method == "dom"


def test_kind21_a_title_element_holding_the_site_name_is_never_the_title() -> None:
    for where in (b"<head>", b"<body>"):  # a <title> in the body (broken pages have one) is a line of the page
        page = SCHEDULE.read_bytes().replace(where, where + "<title>某某区域发展学会</title>".encode(), 1)
        doc = bf.parse(page)
        assert article(doc).title == "第六届区域发展学术年会日程安排", where
        assert doc.metadata.title == "某某区域发展学会"  # the page's facts keep it as it is
    assert [r.reason for r in doc.removed if r.text == "某某区域发展学会"] == ["page_title"]


def test_kind21_a_title_block_stops_at_a_dateline_and_at_a_sentence_end() -> None:
    """A page that names no title: the lines at the top of its text form the title only while they read
    as one — a dateline opening the lead, or a hard-wrapped line of prose holding a full stop, is text."""
    page = ("<html><head><meta charset='utf-8'></head><body><div>"
            "<p>河川新区开展春季植树活动</p>"
            "<p>【河川日报2023年03月12日讯】三月的河川新区，到处是一派生机勃勃的景象，干部群众</p>"
            "<p>纷纷走上街头。按照统一安排，各单位在指定地点集中植树，现场秩序井然。活动持续</p>"
            "<p>了一个上午，共栽种各类苗木一千二百余株，新增绿化面积约三十亩，参加人数众多。</p>"
            "<p>据了解，今年新区计划完成植树造林任务五千亩，目前各项工作正在有序推进之中。</p>"
            "</div></body></html>").encode()
    doc = bf.parse(page)
    assert article(doc).title == "河川新区开展春季植树活动"
    assert squeeze(paragraphs(doc)[0]).startswith("【河川日报2023年03月12日讯】三月的河川新区")


_STORY = "那一年的春天，我和父亲一起去了南方。火车开了很久很久，我们终于到了。"
_NOTICE = "各乡镇：为切实做好春季防火工作，现将有关事项通知如下。"
_SPEECH = "同志们：今天召开全市经济工作会议，主要任务是总结去年工作。"


@pytest.mark.parametrize(("text", "title", "byline"), [
    (f"春天的故事\n王小明\n{_STORY}\n", "春天的故事", "王小明"),
    (f"我是怎样走上讲台的\n李　华\n{_STORY}\n", "我是怎样走上讲台的", "李华"),
    # a title wrapped over lines, its last line short: no name
    (f"关于做好春季防火工作的\n通知\n{_NOTICE}\n", "关于做好春季防火工作的通知", None),
    (f"在全市经济工作会议上的\n讲话\n{_SPEECH}\n", "在全市经济工作会议上的讲话", None),
    (f"推动城乡融合和\n协调发展\n{_STORY}\n", "推动城乡融合和协调发展", None),
    (f"会议纪要\n背景\n{_STORY}\n", None, None),  # a short word, no name: no common surname begins it
])
def test_kind21_a_name_alone_under_the_title_is_its_byline(text: str, title: str | None, byline: str | None) -> None:
    """A page or text that prints its author's name alone under the title (no 作者： label)."""
    art = article(bf.parse(text=text))
    if title is not None:
        assert squeeze(art.title) == title
    assert squeeze(art.byline) == (byline or "")


def test_kind21_a_heading_the_markup_marked_is_no_name(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(f"# 会议纪要\n\n## 王平\n\n{_STORY}\n", encoding="utf-8")
    art = article(bf.parse(draft))
    assert art.byline is None
    assert (art.blocks[0].type, art.blocks[0].text) == ("heading", "王平")


# --- 22. a text whose line breaks were doubled (\r\r\n endings, a copy from a web page) -------------------------

DOUBLED_BREAK_FIXTURES = sorted([*TEXT.glob("*.txt"), *(FIXTURES / "official").glob("*.txt"),
                                 *(FIXTURES / "text").glob("*.txt")])


def _as_read(doc: Document) -> tuple[object, ...]:
    """What a reader gets: articles (title, 副题, blocks, 落款), the header, the kind."""
    return (
        [(a.title, a.subtitle, [(b.type, b.text, b.rows) for b in a.blocks], [(s.organ, s.date) for s in a.signatures])
         for a in doc.articles],
        doc.header, doc.kind,
    )


SPACED_TITLES = TEXT / "briefing_spaced_titles.txt"


def test_kind22_titles_over_lines_with_blank_lines_between() -> None:
    doc = parsed(SPACED_TITLES)
    assert (doc.header.bulletin, doc.header.issue, doc.header.date) == ("乡村振兴工作简报", "第12期", "2023-09-20")
    assert [a.title for a in doc.articles] == ["稻渔综合种养示范区带动三百余户增收", "东岭村建立村级电商服务站"]


@pytest.mark.parametrize("path", DOUBLED_BREAK_FIXTURES, ids=lambda p: p.name)
def test_kind22_doubled_line_breaks_read_as_the_text(path: Path) -> None:
    text = read_markup(path).replace("\r\n", "\n")
    doubled = text.replace("\n", "\r\r\n")  # every line followed by a blank line, every blank line doubled
    assert _as_read(bf.parse(text=doubled)) == _as_read(bf.parse(text=text))


# --- 23. a sidebar's box headings (<h3> over links) above a title printed in a plain <div> -------------------------

SIDEBAR_BOXES = HTML / "sidebar_box_headings.html"


def test_kind23_a_box_heading_over_links_is_not_the_title() -> None:
    doc = parsed(SIDEBAR_BOXES)
    art = article(doc)
    assert art.title == "关于做好二〇二三年度城乡居民医疗保险参保缴费工作的通知"
    assert doc.metadata.published == "2023-03-05"
    assert doc.metadata.origin == "东岭市医疗保障局"
    assert_chrome(doc, "热点新闻", "通知公告", "全市春季植树活动启动仪式在北山举行")
    assert squeeze(paragraphs(doc)[0]).startswith("为切实做好本年度")


def test_kind23_a_box_of_dated_items_above_a_placed_title() -> None:
    """The box's items are a short link and a date each (not link lines), and the title is printed right above
    the text: the title closest to the text wins over the far heading."""
    html = re.sub(r'<li><a href="([^"]+)">(.{4})(.*?)</a></li>', r'<li><a href="\1">\2</a>\3 2023-03-01</li>',
                  read_markup(SIDEBAR_BOXES))
    assert "</a>植树活动启动仪式在北山举行 2023-03-01" in html
    doc = bf.parse(html.encode("utf-8"))
    assert article(doc).title == "关于做好二〇二三年度城乡居民医疗保险参保缴费工作的通知"


def test_kind23_a_heading_at_the_top_of_the_text_wins_over_a_box_heading() -> None:
    """The chosen text opens with a breadcrumb and the title's <h1> (inside it); a sidebar's box heads dated
    items above: the heading printed at the top of the text is the title (only headings above the text were
    candidates, and the box's name won)."""
    from bulletin_format.clean.rules import _find_title_lines
    from bulletin_format.lines import Line, PassState

    out = frozenset({"outside"})
    rows = [("东岭市人民政府门户网站", out), ("通知公告", out | {"h3"}),
            *((f"东岭县召开第{n}次春季农业生产现场推进会 2023-03-0{n}", out) for n in range(1, 5)),
            ("当前位置：首页 > 通知公告", frozenset()),
            ("关于做好城乡居民医疗保险参保缴费工作的通知", frozenset({"h1"})),
            *(("为切实做好本年度城乡居民基本医疗保险参保缴费工作，进一步扩大参保覆盖面，现将有关事项通知如下。",
               frozenset()) for _ in range(3))]
    lines = [Line(n, text, hints) for n, (text, hints) in enumerate(rows, start=1)]
    found = _find_title_lines(PassState(lines=lines), first_main=6)
    assert [ln.text for ln in found] == ["关于做好城乡居民医疗保险参保缴费工作的通知"]


def test_kind23_a_heading_over_prose_is_still_a_title_candidate() -> None:
    """Only a heading whose next lines are links names a box: the same page with the sidebar's lists as
    plain text keeps its first heading as the title, as before."""
    html = read_markup(SIDEBAR_BOXES).replace('<div class="art-tt">', "<h2>").replace(
        "参保缴费工作的通知</div>", "参保缴费工作的通知</h2>")
    doc = bf.parse(html.encode("utf-8"))
    assert article(doc).title == "关于做好二〇二三年度城乡居民医疗保险参保缴费工作的通知"


# --- 24. an inline ad link before an article's last short lines and its closing credit --------------------------

INLINE_AD = HTML / "inline_ad_before_last_lines.html"


def test_kind24_the_lines_between_an_inline_link_and_the_credit_are_the_article() -> None:
    doc = parsed(INLINE_AD)
    body = [squeeze(p) for p in paragraphs(doc)]
    assert body[-2:] == ["目前全市农资储备充足。", "春耕生产进展顺利。"]
    assert removed_reasons(doc, "【广告】点击了解更多春季农资优惠信息") == ["related_list"]
    assert doc.metadata.editor == "周敏"
    assert_chrome(doc, "全市水利冬修工作圆满完成", "东岭网版权所有")


def test_kind24_a_link_list_after_the_credit_still_ends_the_article() -> None:
    """Without the closing credit after them, short lines after a link are the page's tail, as before."""
    html = read_markup(INLINE_AD).replace('<div class="editor">责任编辑：周敏</div>', "")
    doc = bf.parse(html.encode("utf-8"))
    assert "春耕生产进展顺利" not in squeeze(document_words(doc))


# --- 25. the <title> is the site's name, printed again as a text logo over the site's menu ------------------------

SITE_LOGO = HTML / "site_name_logo_line.html"


def test_kind25_the_site_name_over_the_menu_is_not_the_title() -> None:
    doc = parsed(SITE_LOGO)
    art = article(doc)
    assert art.title == "青溪县完成首批农村公路提档升级工程"
    assert doc.metadata.title == "青溪县人民政府门户网站"  # the <title> element, as the page has it
    assert doc.metadata.published == "2024-04-18T16:05"
    assert doc.metadata.origin == "县交通运输局"
    assert_chrome(doc, "当前位置：首页", "网站标识码")
    assert "青溪县人民政府门户网站" not in squeeze(document_words(doc))


def test_kind25_a_title_under_the_menu_still_matches_the_title_element() -> None:
    """The same page whose <title> names the article: its printed copy, below the menu, is the title."""
    html = read_markup(SITE_LOGO).replace("<title>青溪县人民政府门户网站</title>",
                                          "<title>青溪县完成首批农村公路提档升级工程_青溪县人民政府门户网站</title>")
    title = "青溪县完成首批农村公路提档升级工程"
    html = html.replace(f"<h1>{title}</h1>", f'<div class="bt">{title}</div>')
    doc = bf.parse(html.encode("utf-8"))
    assert article(doc).title == "青溪县完成首批农村公路提档升级工程"


@pytest.mark.parametrize("element", ["h1", "div"])
def test_kind25_a_title_broken_by_br_is_one_title(element: str) -> None:
    """A title broken over two lines by a <br>, in a heading or a plain element, on a page whose <title> names
    only the site: both lines are the title (the heading's first line alone was; the plain element's last
    line was the title and its first the kicker)."""
    title = "青溪县完成首批农村公路提档升级工程"
    html = read_markup(SITE_LOGO).replace(f"<h1>{title}</h1>",
                                          f"<{element}>青溪县完成首批农村公路<br>提档升级工程</{element}>")
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.title, art.kicker) == (title, None)


@pytest.mark.parametrize("element", ["h1", "td"])
def test_kind25_a_shorter_line_under_the_headline_before_its_byline_is_the_subtitle(element: str) -> None:
    """A 副题 printed without a dash or a heading element, between the headline and its byline: the subtitle
    (it was dropped under an <h1>; under a headline in a plain element it was the title, the headline the
    kicker) — the headline being its block's longest line."""
    title = "青溪县完成首批农村公路提档升级工程"
    head = f'<{element}>{title}</{element}><p align="center">沿线群众出行时间平均缩短二十分钟</p>'
    if element == "td":
        head = f"<table><tr>{head.split('<p')[0]}</tr></table><p" + head.split("<p", 1)[1]
    html = read_markup(SITE_LOGO).replace(f"<h1>{title}</h1>", head)
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.title, art.subtitle, art.kicker) == (title, "沿线群众出行时间平均缩短二十分钟", None)


def test_kind25_the_site_part_of_the_title_element_loses_to_the_article_part() -> None:
    """Hints: the article's title first, then the parts of <title> (the site's name among them). A text logo
    printing the site's name, above the article's title printed in a plain cell: the chooser anchors the
    content on the article's title (on a tie the first line, the logo, won: it took the sidebar in)."""
    from lxml import etree

    from bulletin_format.readers.html_content import PageBlock, find_title

    el = etree.Element("td")
    title, site = "青溪县完成首批农村公路提档升级工程", "青溪县人民政府门户网站"
    prose = "近日，青溪县首批农村公路提档升级工程全部完工并通过交工验收，涉及十二个乡镇、四十六条道路。"
    blocks = [PageBlock(site, el), PageBlock("通知公告", el, hints={"h3"}), PageBlock(title, el),
              *(PageBlock(prose, el) for _ in range(6))]
    weights = [0.0, 0.0, 0.0, *(60.0 for _ in range(6))]
    assert find_title(blocks, [title, f"{title} - 部门动态 - {site}", "部门动态", site], weights) == 2
    assert find_title(blocks[:2] + blocks[3:], [title, site], weights[:2] + weights[3:]) == 0  # none better


# --- 26. a title in a plain <div>, its 题注 under it, and a <title> that names only the site ------------------------

TITLE_NOTE = HTML / "title_note_under_div_title.html"


def test_kind26_the_title_is_above_its_note() -> None:
    doc = parsed(TITLE_NOTE)
    art = article(doc)
    assert art.title == "东岭市城市绿化管理办法"
    assert art.subtitle == "（2023年6月9日东岭市人民政府第12次常务会议通过）"
    assert art.kicker is None
    assert doc.header.date == "2023-06-09"  # the date the 题注 gives, not the page's
    assert doc.metadata.published == "2023-06-20T10:30"
    assert squeeze(paragraphs(doc)[0]).startswith("第一条")


def test_kind26_a_speech_note_under_the_title_is_its_subtitle() -> None:
    note = "——在全市城市绿化工作会议上的讲话"
    html = read_markup(TITLE_NOTE).replace("（2023年6月9日东岭市人民政府第12次常务会议通过）", note)
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.title, art.subtitle) == ("东岭市城市绿化管理办法", note)


@pytest.mark.parametrize("tag", ["p", "h3"])
def test_kind26_a_date_alone_in_brackets_under_the_title_is_a_dateline(tag: str) -> None:
    """（2023年6月9日） under a title is when the text was given (a dateline, neutral to the annotation guide),
    not a 副题, even printed as a heading: the byline's, and the document's date."""
    html = read_markup(TITLE_NOTE).replace(
        '<p align="center">（2023年6月9日东岭市人民政府第12次常务会议通过）</p>', f"<{tag}>（2023年6月9日）</{tag}>")
    doc = bf.parse(html.encode("utf-8"))
    art = article(doc)
    assert (art.title, art.subtitle) == ("东岭市城市绿化管理办法", None)
    assert art.byline == "（2023年6月9日）" and doc.header.date == "2023-06-09"
    assert squeeze(paragraphs(doc)[0]).startswith("第一条")


def test_kind26_a_disclosure_table_between_the_title_and_the_text() -> None:
    """A 信息公开 table (索引号, 发文机关, 成文日期 …) between a placed title and its text is passed over as one
    unit, however many cells it has."""
    rows = [("索引号：", "00000000/2023-00012"), ("主题分类：", "城乡建设"), ("发文机关：", "东岭市人民政府"),
            ("成文日期：", "2023年06月09日"), ("发文字号：", "东政规〔2023〕3号"), ("发布日期：", "2023年06月20日")]
    table = '<table class="xxgk">' + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"
    html = read_markup(TITLE_NOTE).replace('<p align="center">（2023年6月9日东岭市人民政府第12次常务会议通过）</p>', "")
    html = re.sub(r'<div class="gz-info">.*?</div>', table, html)
    doc = bf.parse(html.encode("utf-8"))
    assert article(doc).title == "东岭市城市绿化管理办法"
    assert_chrome(doc, "00000000/2023-00012")


def test_kind26_a_note_printed_as_a_heading_under_a_heading_title() -> None:
    """<h1> title, <h3> 题注: the closest heading to the text is the 题注, never the title."""
    note = "（2023年6月9日东岭市人民政府第12次常务会议通过）"
    html = read_markup(TITLE_NOTE).replace('<div class="gz-title">东岭市城市绿化管理办法</div>',
                                           "<h1>东岭市城市绿化管理办法</h1>")
    html = html.replace(f'<p align="center">{note}</p>', f"<h3>{note}</h3>")
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.title, art.subtitle, art.kicker) == ("东岭市城市绿化管理办法", note, None)


def test_kind26_a_byline_table_and_bars_between_the_title_and_the_text() -> None:
    """A byline set out in a table (a line per cell), a font-size bar and a "read it on your phone" line
    between a placed title and its text: six head lines the title search looks past (three before)."""
    head = ('<table class="gz-info"><tr><td>发布时间：2023-06-20 10:30</td><td>来源：市司法局</td>'
            "<td>浏览次数：1024</td></tr></table><div>字号：<a>大</a> <a>中</a> <a>小</a></div>"
            "<p>扫一扫在手机打开当前页</p>")
    html = read_markup(TITLE_NOTE).replace('<p align="center">（2023年6月9日东岭市人民政府第12次常务会议通过）</p>', "")
    html = re.sub(r'<div class="gz-info">.*?</div>', head, html)
    doc = bf.parse(html.encode("utf-8"))
    assert article(doc).title == "东岭市城市绿化管理办法"
    assert doc.metadata.origin == "市司法局"
    assert_chrome(doc, "扫一扫在手机打开当前页", "浏览次数")


# --- 27. an e-paper's heading tiers: 引题 <h3>, 主题 <h1>, 副题 <h2>; the <title> names only the paper -----------

EPAPER_TIERS = HTML / "epaper_heading_tiers.html"


def test_kind27_the_h1_of_a_heading_block_is_the_title() -> None:
    art = article(parsed(EPAPER_TIERS))
    want = ("产业振兴看东岭", "小茶叶撑起致富大产业", "东岭县茶产业综合产值突破二十亿元")
    assert (art.kicker, art.title, art.subtitle) == want
    assert art.byline is not None and "林晓" in art.byline
    assert squeeze(paragraphs(parsed(EPAPER_TIERS))[0]).startswith("初夏时节")


def test_kind27_the_masthead_gives_the_issue_date() -> None:
    """The paper's masthead over the article (东岭日报　2023年05月06日 星期六) is the only date the page prints:
    the issue's date. A site's "today" widget (今天是…) is no masthead."""
    doc = parsed(EPAPER_TIERS)
    assert doc.metadata.published == "2023-05-06" and doc.header.date == "2023-05-06"
    widget = read_markup(EPAPER_TIERS).replace("东岭日报　2023年05月06日 星期六", "今天是：2023年05月06日 星期六")
    doc = bf.parse(widget.encode("utf-8"))
    assert doc.metadata.published is None and doc.header.date is None


def test_kind27_a_numbered_heading_under_the_title_is_no_subtitle() -> None:
    """Only a heading without a section number joins the title block: 一、… under the title opens the text."""
    html = read_markup(EPAPER_TIERS).replace("东岭县茶产业综合产值突破二十亿元</h2>", "一、茶园面积稳步扩大</h2>")
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.title, art.subtitle) == ("小茶叶撑起致富大产业", None)


# --- 28. a headline opening with its own label (解读：《…》); no <title>; the site's name as a text logo -------------

HEADLINE_LABEL_TITLE = HTML / "headline_label_title.html"


def test_kind28_a_headline_label_is_no_form_label() -> None:
    """解读：, 图解：, 快讯： open a headline (the kind of article it is); 原标题：, 附件：, 来源： open a field."""
    doc = parsed(HEADLINE_LABEL_TITLE)
    assert article(doc).title == "解读：《河川县农村公路养护管理办法》"
    assert squeeze(article(doc).blocks[0].text) == "一、制定背景"
    assert doc.metadata.published == "2024-03-18" and doc.metadata.origin == "县交通运输局"
    for label in ("图解", "政策解读", "快讯"):
        html = read_markup(HEADLINE_LABEL_TITLE).replace("解读：《", f"{label}：《", 1)
        assert article(bf.parse(html.encode("utf-8"))).title == f"{label}：《河川县农村公路养护管理办法》"
    html = read_markup(HEADLINE_LABEL_TITLE).replace("解读：《", "原标题：《", 1)
    assert article(bf.parse(html.encode("utf-8"))).title != "原标题：《河川县农村公路养护管理办法》"


# --- 29. the <title> names only the site, printed as a linked logo over the menu; a short text, a sidebar ----------

SITE_LOGO_ANCHOR = HTML / "site_logo_anchor.html"


def test_kind29_the_site_name_over_its_menu_anchors_no_content() -> None:
    """The line printing the <title> (the site's name) heads the site's menu: it is a logo, not the article's
    title, so the content is not taken from it down (with the sidebar's boxes: 栏目导航 became the title)."""
    doc = parsed(SITE_LOGO_ANCHOR)
    art = article(doc)
    assert (art.title, art.subtitle) == ("河川县城乡供水管理办法", "（2023年3月2日河川县人民政府第8次常务会议通过）")
    assert squeeze(art.blocks[0].text) == "第一章总则"
    assert doc.source.extraction is not None
    assert "title" not in [c.method for c in doc.source.extraction.candidates]
    assert_chrome(doc, "栏目导航", "热点关注", "我县安全生产工作经验获全市推广", "政策文件")
    assert doc.metadata.origin == "河川县司法局" and doc.header.date == "2023-03-02"


def test_kind29_a_toolbar_under_the_title_is_no_menu() -> None:
    """Short links under the real title (我来说两句, 热点排行, 进入社区) after its byline: the title still anchors."""
    html = read_markup(SITE_LOGO_ANCHOR).replace(
        '<title>河川县人民政府门户网站</title>',
        '<title>河川县城乡供水管理办法_河川县人民政府门户网站</title>').replace(
        '<tr><td class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></td></tr>',
        '<tr><td><a href="#c">我来说两句</a></td></tr><tr><td><a href="/ph/">热点排行</a></td></tr>'
        '<tr><td><a href="/sq/">进入社区</a></td></tr>')
    doc = bf.parse(html.encode("utf-8"))
    assert doc.source.extraction is not None
    assert "title" in [c.method for c in doc.source.extraction.candidates]
    assert article(doc).title == "河川县城乡供水管理办法"


# --- 30. a few short comments after a text that prints no date: a comment's time is not the page's -----------------

COMMENT_STAMPS = HTML / "comment_stamps_after_text.html"


def test_kind30_comment_times_after_the_text_are_not_its_date() -> None:
    """Three short comments (网友5821　2022-06-14 08:31, then a line) are too few and too short for a thread; their
    times still belong to the comments, not to the article, which prints no date."""
    doc = parsed(COMMENT_STAMPS)
    assert article(doc).title == "城东片区老旧管网改造完工"
    assert (doc.header.date, doc.metadata.published) == (None, None)
    assert doc.metadata.editor == "周文" and doc.metadata.origin == "东岭新闻网"
    assert_chrome(doc, "网友5821　2022-06-14 08:31", "东岭老街坊　2022-06-14 10:02")


def test_kind30_one_name_and_time_under_the_text_still_dates_it() -> None:
    """One name-and-time line right under the text (its author's, as blogs print it) is still the page's date."""
    html = read_markup(COMMENT_STAMPS)
    html = html[: html.index('<div class="cmts">')] + html[html.index('<div class="foot">') :]
    html = html.replace('<div class="edit">（责任编辑：周文）</div>',
                        '<div class="edit">林小雨　2022-06-13 17:20</div>')
    assert "网友" not in html
    doc = bf.parse(html.encode("utf-8"))
    assert doc.metadata.published == "2022-06-13T17:20"


def test_kind27_a_heading_naming_its_report_kind_is_the_subtitle_of_the_line_above() -> None:
    """The headline printed as a plain block, its 副题 (…工作综述) as the heading under it: the heading is the 副题."""
    html = read_markup(EPAPER_TIERS).replace(
        "<h3>产业振兴看东岭</h3>\n<h1>小茶叶撑起致富大产业</h1>\n<h2>东岭县茶产业综合产值突破二十亿元</h2>",
        '<div class="yt">产业振兴看东岭</div>\n<div class="bt">小茶叶撑起致富大产业</div>\n'
        "<h2>东岭县发展茶产业工作综述</h2>",
    ).replace("<p>本报记者", '<div id="zoom"><p>本报记者').replace("经济效益。</p>", "经济效益。</p></div>")
    assert "东岭县发展茶产业工作综述" in html
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.title, art.subtitle) == ("小茶叶撑起致富大产业", "东岭县发展茶产业工作综述")


def test_kind27_a_plain_subtitle_over_a_reposts_original_title() -> None:
    """A shorter plain line under the headline, the text opening with 原标题：… (a repost): the line is the 副题."""
    html = read_markup(EPAPER_TIERS).replace("<h2>东岭县茶产业综合产值突破二十亿元</h2>", "<div>新建茶园三万亩</div>")
    html = html.replace("<p>本报记者　林晓　通讯员　周敏</p>", "<p>原标题：东岭茶产业产值破二十亿元</p>")
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.title, art.subtitle) == ("小茶叶撑起致富大产业", "新建茶园三万亩")


def test_kind27_a_subtitle_naming_its_report_kind_may_be_longer_than_the_headline() -> None:
    """A 副题 printed as a plain block under the headline, the text opening with the byline: one naming the kind
    of report (…工作侧记, …综述) is the 副题 however long; a headline is otherwise its block's longest line."""
    subtitle = "东岭县推进茶产业富民增收工作侧记"
    html = read_markup(EPAPER_TIERS).replace(
        "<h2>东岭县茶产业综合产值突破二十亿元</h2>", f'<div class="fu">{subtitle}</div>')
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.kicker, art.title, art.subtitle) == ("产业振兴看东岭", "小茶叶撑起致富大产业", subtitle)
    assert art.byline is not None and "林晓" in art.byline
    # an e-paper's byline under a bullet (■本报记者…) is the byline still, and keeps the 副题 in the title block
    html = html.replace("<p>本报记者　林晓", "<p>■本报记者　林晓")
    art = article(bf.parse(html.encode("utf-8")))
    assert (art.title, art.subtitle) == ("小茶叶撑起致富大产业", subtitle)
    assert art.byline is not None and art.byline.startswith("■本报记者")


def test_kind30_a_date_alone_under_the_text_dates_it_a_list_of_dates_does_not() -> None:
    html = read_markup(COMMENT_STAMPS)
    html = html[: html.index('<div class="cmts">')] + html[html.index('<div class="foot">') :]
    one = html.replace('<div class="foot">', '<div class="tm"><span>2022-06-13</span></div>\n<div class="foot">')
    assert bf.parse(one.encode("utf-8")).metadata.published == "2022-06-13"
    two = html.replace('<div class="foot">', '<ul><li>2022-06-13</li><li>2022-06-10</li></ul>\n<div class="foot">')
    assert bf.parse(two.encode("utf-8")).metadata.published is None


# --- 31. a title broken by <br> in the middle of a word; the site's name is part of <title> too -------------------

TITLE_BROKEN = HTML / "title_broken_mid_word.html"


def test_kind31_a_title_over_two_lines_matches_its_hint_whole() -> None:
    """河川县乡村道路养护工作新<br>闻发布会: the two lines print the <title>'s article part whole, and win over the
    logo printing its site part (河川县人民政府) exactly, which anchored the content on the page's head."""
    doc = parsed(TITLE_BROKEN)
    assert article(doc).title == "河川县乡村道路养护工作新闻发布会"
    assert squeeze(article(doc).blocks[0].text).startswith("3月8日上午")
    assert_chrome(doc, "栏目导航", "无障碍浏览", "城关镇部署春季防火专项行动")


# --- 32. the <title> cut short by the CMS (临江市物业服务管...); a 法规 with its 目录 before the text -------------

TRUNCATED_TITLE = HTML / "truncated_title_with_toc.html"


def test_kind32_a_title_cut_short_in_title_is_read_whole_from_the_page() -> None:
    doc = parsed(TRUNCATED_TITLE)
    art = article(doc)
    assert art.title == "临江市物业服务管理条例"
    assert art.subtitle == "（2024年6月20日临江市第十六届人民代表大会常务委员会第九次会议通过）"
    assert doc.metadata.title == "临江市物业服务管..."  # the page's <title> as printed
    assert doc.metadata.origin == "市人大常委会法工委"


def test_kind32_the_whole_title_is_the_one_line_that_goes_on_from_the_cut() -> None:
    from bulletin_format.readers.html import _untruncated

    class Line:
        def __init__(self, text: str) -> None:
            self.text, self.is_table = text, False

    page = [Line("临江人大网"), Line("临江市物业服务管理条例"), Line("第一条　为了规范物业服务活动。")]
    assert _untruncated("临江市物业服务管...", page) == "临江市物业服务管理条例"
    assert _untruncated("临江市物业服务管理条例", page) is None  # not cut short
    assert _untruncated("临江市物…", page) is None  # too short a head to name one title
    page.append(Line("临江市物业服务管理办法"))
    assert _untruncated("临江市物业服务管…", page) is None  # two lines go on from it: no guess


# --- 33. the 附件说明 printed as download links (附件：1.….pdf), then the 落款 ---------------------------------------

ATTACHMENT_LINKS = HTML / "attachment_download_links.html"


def test_kind33_attachment_links_are_the_attachment_note_and_the_signature_follows() -> None:
    """Links to the files a notice attaches are its 附件说明 (text of the document), not a related list; the 落款
    after them is no page tail."""
    doc = parsed(ATTACHMENT_LINKS)
    art = article(doc)
    assert art.attachment_list == ["1.2024年度专项资金申报表.pdf", "2.专项资金申报承诺书.doc"]
    assert [(s.organ, s.date) for s in art.signatures] == [("东岭市财政局", "2024-03-12")]
    assert art.addressee == "各区县财政局，市直各有关单位"
    assert_chrome(doc, "东岭市财政局召开年度工作会议", "相关链接")


def test_kind33_a_download_box_after_the_signature_is_chrome() -> None:
    """The box a CMS adds under the text (相关附件：, the file with its 下载次数, a 温馨提示 on how to open it)."""
    box = ('<div class="down"><b>相关附件：</b><p><a href="/f/1.pdf">2024年度专项资金申报表.pdf</a>　下载次数：37</p>'
           "<p>温馨提示：如无法打开附件，请安装WPS或Adobe Reader</p></div>")
    html = read_markup(ATTACHMENT_LINKS).replace("<p>2024年3月12日</p>", "<p>2024年3月12日</p>" + box)
    doc = bf.parse(html.encode("utf-8"))
    art = article(doc)
    assert [(s.organ, s.date) for s in art.signatures] == [("东岭市财政局", "2024-03-12")]
    assert art.attachment_list == ["1.2024年度专项资金申报表.pdf", "2.专项资金申报承诺书.doc"]
    assert_chrome(doc, "相关附件：", "下载次数：37", "温馨提示：如无法打开附件，请安装WPS或Adobe Reader")


# --- 34. a 任前公示: its 举报电话 line before the 落款; the site's footer names 违法和不良信息举报电话 -------------

HOTLINE = HTML / "public_notice_hotline.html"


def test_kind34_a_notices_hotline_is_text_and_the_footers_is_chrome() -> None:
    doc = parsed(HOTLINE)
    art = article(doc)
    assert any(b.text == "举报电话：0000-12380" for b in art.blocks)
    assert [(s.organ, s.date) for s in art.signatures] == [("中共河川县委组织部", "2024-05-06")]
    assert_chrome(doc, "违法和不良信息举报电话：0000-1234567")


# --- 35. a 政府工作报告: its 目录 box of links between the title and the 副题 and speaker outside the content -------

REPORT_TOC = HTML / "report_toc_before_subtitle.html"


def test_kind35_a_toc_box_between_title_and_subtitle_is_passed_over() -> None:
    doc = parsed(REPORT_TOC)
    art = article(doc)
    assert (art.title, art.subtitle) == ("政府工作报告", "——2024年1月16日在东岭市第十七届人民代表大会第四次会议上")
    assert art.byline is not None and "陈立新" in art.byline
    assert doc.header.date == "2024-01-16"  # the day it was delivered, from the 副题
    assert squeeze(art.blocks[0].text) == "各位代表："


def test_kind35_a_byline_under_the_title_before_the_toc_and_subtitle() -> None:
    html = read_markup(REPORT_TOC)
    info = '<div class="info">发布日期：2024-01-22　来源：市政府办公室</div>'
    html = html.replace(info + "\n", "").replace("<h1>政府工作报告</h1>", "<h1>政府工作报告</h1>\n" + info)
    assert html.index(info) < html.index('class="toc"')
    doc = bf.parse(html.encode("utf-8"))
    art = article(doc)
    assert (art.title, art.subtitle) == ("政府工作报告", "——2024年1月16日在东岭市第十七届人民代表大会第四次会议上")
    assert doc.header.date == "2024-01-16" and doc.metadata.origin == "市政府办公室"


# --- 36. the title is printed nowhere: only meta ArticleTitle and <title> name it; a linked logo <h1> -------------

META_TITLE_ONLY = HTML / "meta_title_only.html"


def test_kind36_the_meta_title_when_the_page_prints_none() -> None:
    """The logo <h1> (a link printing the site's part of <title>) is never the title; the page prints no title,
    so the one its meta tags name (ArticleTitle) is the article's."""
    doc = parsed(META_TITLE_ONLY)
    art = article(doc)
    assert art.title == "河川县召开春季森林防火工作会议"
    assert squeeze(art.blocks[0].text).startswith("3月5日")
    assert doc.metadata.published == "2024-03-05T16:20" and doc.metadata.origin == "河川县融媒体中心"
    assert_chrome(doc, "河川县人民政府网", "推荐阅读")


# --- 37. a short page chosen whole: the site's name over an <h2> that prints the <title> exactly ------------------

SHORT_PAGE = HTML / "short_page_site_name_over_title.html"


def test_kind37_the_site_name_over_a_short_pages_title_is_no_part_of_it() -> None:
    doc = parsed(SHORT_PAGE)
    art = article(doc)
    assert (art.kicker, art.title) == ("东岭县人民政府", "城关街道开展防溺水宣传活动")
    assert doc.metadata.published == "2024-06-12" and doc.metadata.origin == "城关街道"
    assert [squeeze(b.text)[:8] for b in art.blocks] == ["近日，城关街道组"]


# --- 38. a Taiwan 公告: its 發文日期/發文字號 table between the <h3> title and the text (written in Simplified here:
# test_traditional.py reads every fixture in Traditional, Big5 included) ---------------------------------------------

TW_NOTICE = HTML / "tw_notice_fact_table.html"


def test_kind38_a_table_of_facts_under_the_title_is_no_title() -> None:
    """A table between a title and its text holds facts (發文日期, 發文字號), like a byline: never the title."""
    doc = parsed(TW_NOTICE)
    art = article(doc)
    assert art.title == "临江县政府公告"
    assert squeeze(art.blocks[0].text).startswith("主旨")
    # the table's facts go to the header (a 民國 date), and the table leaves the text
    assert (doc.header.date, doc.header.doc_number) == ("2024-05-06", None)  # (no 发文字号 of GB/T 9704's form)
    assert_chrome(doc, "发文字号")


def test_kind38_a_lone_fact_label_under_the_title_is_no_subtitle() -> None:
    """發布日期 printed alone (a <dt> over its <dd>) under the title is a label, not the 副题."""
    page = ("<html><head><meta charset='utf-8'><title>便民再升級　市府推動長照據點-臨江縣政府</title></head><body>"
            "<div class='crumb'>首頁 &gt; 新聞與公告</div><div id='C'><h2>便民再升級　市府推動長照據點</h2>"
            "<dl><dt>發布日期</dt><dd>2024-03-16</dd><dt>發布單位</dt><dd>社會處</dd></dl>"
            "<div class='cp'><p>本府持續擴充社區照顧關懷據點，提供長者就近參與健康促進活動，"
            "並結合在地團體辦理共餐及健康講座。</p>"
            "<p>社會處表示，今年將再增設十處據點，讓長者在熟悉的社區中安心生活。</p></div></div></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert (article(doc).title, article(doc).subtitle) == ("便民再升級　市府推動長照據點", None)


# --- 39. a 通知 pasted as preformatted text: one <pre>, paragraphs set apart by blank lines, hard wraps ----------

PREFORMATTED = HTML / "preformatted_notice.html"


def test_kind39_a_pre_block_keeps_its_paragraphs_and_its_signature() -> None:
    doc = parsed(PREFORMATTED)
    art = article(doc)
    assert art.addressee == "各乡镇人民政府，县直各单位"
    want = ["当前正值春季", "一、压实防火", "各乡镇要严格", "二、加强巡查", "护林员要坚持"]
    assert [b.text.strip()[:6] for b in art.blocks] == want
    assert "森林火险等级" in squeeze(art.blocks[0].text)  # the hard wrap joined
    assert [(s.organ, s.date) for s in art.signatures] == [("东岭县人民政府办公室", "2024-03-01")]


def test_kind39_a_pre_block_without_blank_lines_keeps_each_line() -> None:
    html = read_markup(PREFORMATTED)
    html = re.sub(r"\n[ ]*\n", "\n", html[: html.index("</pre>")]) + html[html.index("</pre>") :]
    art = article(bf.parse(html.encode("utf-8")))
    assert [(s.organ, s.date) for s in art.signatures] == [("东岭县人民政府办公室", "2024-03-01")]
    assert any(b.text.strip() == "一、压实防火责任" for b in art.blocks)


# --- 40. a box of related links set inside the text, the text going on (shorter) under it ----------------------------

INLINE_BOX = HTML / "inline_related_box.html"


def test_kind40_an_inline_related_box_does_not_end_the_text() -> None:
    doc = parsed(INLINE_BOX)
    art = article(doc)
    assert squeeze(art.blocks[-1].text).startswith("下一步，东岭县将继续推进城市更新")
    assert_chrome(doc, "相关阅读", "西岭县老旧小区改造见行见效")
    assert doc.metadata.editor == "周文"


def test_kind40_a_related_list_at_the_end_with_teasers_still_ends_it() -> None:
    """A 相关阅读 list whose links are followed by other links and teasers (no text of the article) ends it."""
    html = read_markup(INLINE_BOX).replace(
        "<p>下一步，东岭县将继续推进城市更新，计划明年再建成口袋公园十处。</p>",
        '<p><a href="/a/4.html">北岭县建成首个城市书房</a></p><p>北岭县首个城市书房日前建成开放，藏书两万册。</p>')
    art = article(bf.parse(html.encode("utf-8")))
    assert all("城市书房" not in b.text for b in art.blocks)


# --- 41. a styled <div> title over a breadcrumb that ends with the date; <title> says nothing --------------------

DATED_CRUMB = HTML / "title_over_dated_crumb.html"


def test_kind41_a_breadcrumb_ending_with_a_date_under_the_title() -> None:
    """您的位置：首页 >> 新闻中心 >> 2023/10/26 under a title is printed where its byline would be: the title is
    above it, and its date is the page's (it prints no other)."""
    doc = parsed(DATED_CRUMB)
    assert article(doc).title == "东岭县人民医院开展义诊进社区活动"
    assert doc.metadata.published == "2023-10-26"
    assert doc.metadata.editor == "方萍"


def test_kind41_a_heading_opening_the_page_over_its_byline_is_the_title_alone() -> None:
    """A page chosen whole whose <h2> title has its byline under it: the lines after the byline are the text's
    (a 判决书's court, its kind and its case number), not more of the title."""
    page = ("<html><head><meta charset='utf-8'><title>裁判文书</title></head><body>"
            "<div><a href='/'>东岭县人民法院网</a></div><h2>张某盗窃罪一审刑事判决书</h2>"
            "<div>发布日期：2024-05-20　来源：东岭县人民法院</div>"
            "<p>东岭县人民法院</p><p>刑 事 判 决 书</p><p>（2024）东0312刑初15号</p>"
            "<p>公诉机关东岭县人民检察院。被告人张某，男，汉族，住东岭县城关镇，因涉嫌犯盗窃罪被取保候审。</p>"
            "<p>本院认为，被告人张某的行为已构成盗窃罪，依照刑法的相关规定，判处有期徒刑六个月。</p>"
            "<p>审　判　长　　李明</p><p>二〇二四年五月六日</p><p>书　记　员　　周洁</p></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert article(doc).title == "张某盗窃罪一审刑事判决书"
    assert doc.header.date == "2024-05-06" and doc.metadata.published == "2024-05-20"


LAW_TWO_DATES = HTML / "law_title_note_two_dates.html"


def test_kind42_a_law_dates_from_the_last_step_its_title_note_records() -> None:
    """A local regulation's 题注 records that the city's congress adopted it (通过) and the province's approved
    it (批准), then the day it takes effect (施行): the text as printed dates from the approval, the last step,
    never from the day it takes effect."""
    doc = parsed(LAW_TWO_DATES)
    art = article(doc)
    assert art.title == "东岭市城市绿化条例"
    assert art.subtitle is not None and art.subtitle.endswith("自2022年1月1日起施行）")
    assert doc.header.date == "2021-09-29" and doc.metadata.published == "2021-10-12"
    assert art.blocks[0].text == "第一章　总则" and art.blocks[-1].text == "第五条　本条例自2022年1月1日起施行。"


@pytest.mark.parametrize(
    ("note", "date"),
    [
        # amended: the text as printed is the amended one
        ("（2001年3月2日东岭市第十二届人民代表大会常务委员会第八次会议通过　根据2015年4月24日东岭市第十四届人民代表大会"
         "常务委员会第十九次会议《关于修改〈东岭市河道管理条例〉等六件地方性法规的决定》修正）", "2015-04-24"),
        # one step: that day; a 施行 date alone is no step
        ("（2019年12月20日东岭市第十五届人民代表大会常务委员会第二十六次会议通过）", "2019-12-20"),
        ("（自2020年3月1日起施行）", "2020-03-01"),
    ],
)
def test_kind42_the_title_notes_last_step(note: str, date: str) -> None:
    """The same read on a text file, for an amendment (修正 after 通过) and for one step; a note that records
    no step keeps its only date."""
    text = (f"东岭市河道管理条例\n{note}\n第一条　为了加强河道管理，保障防洪安全，制定本条例。\n"
            "第二条　本条例适用于本市行政区域内的河道。\n")
    doc = bf.parse(text=text)
    assert article(doc).title == "东岭市河道管理条例"
    assert doc.header.date == date


SIDEBAR_DATED = HTML / "sidebar_dated_headlines_byline_under_text.html"


def test_kind43_a_sidebar_box_over_dated_headlines_is_no_title() -> None:
    """The <title> and the logo print the site's name over an accessibility bar and a menu; a sidebar's <h3>
    heads a list of headlines, each a link with its date in its own element (the link is not most of the
    line); the title is a centred <strong> under the breadcrumb that opens the content's container."""
    doc = parsed(SIDEBAR_DATED)
    art = article(doc)
    assert art.title == "东岭县开展汛前地质灾害隐患排查"
    assert art.blocks[0].text.startswith("为切实做好汛期地质灾害防治工作")
    assert art.blocks[-1].text.startswith("此次排查共检查隐患点二十三处")
    removed = {r.text.strip(): r.reason for r in doc.removed}
    assert "工作动态" in removed and "东岭县应急管理局" in removed


def test_kind43_the_byline_under_the_text_above_the_comments_is_the_pages() -> None:
    """发布时间 and 来源 printed under the text, then 责任编辑 and the print bar, then three dated comments: the
    first dated line under the text holds no text of its own, so it is the article's byline, not a comment's."""
    doc = parsed(SIDEBAR_DATED)
    assert doc.metadata.published == "2023-06-14T09:30"
    assert doc.metadata.origin == "东岭县自然资源局" and doc.metadata.editor == "罗晓青"
    assert doc.header.date == "2023-06-14"
    assert not any("网友" in t or "排查很及时" in t for t in texts(doc))


MENU_COLUMN = TEXT / "text_dump_menu_column.txt"


def test_kind44_a_text_dumps_menu_one_entry_a_line_is_chrome() -> None:
    """A crawler's text of a page: a skip link and the site's menu, one entry a line, then a breadcrumb in
    pieces, the title, its byline in label and value lines: the menu is removed with its reason, the title
    found under it, the facts read."""
    doc = parsed(MENU_COLUMN)
    art = article(doc)
    assert art.title == "东岭县推进农村饮水安全巩固提升工程"
    assert [b.text[:4] for b in art.blocks] == ["今年以来", "县水利局", "下一步，"]
    menu = [r.text.strip() for r in doc.removed if r.reason == "site_menu"]
    assert menu == ["跳到主要内容", "首页", "新闻中心", "政务公开", "办事服务", "互动交流"]
    assert doc.metadata.published == "2023-09-18T10:05" and doc.metadata.origin == "东岭县水利局"


BODY_LINES = "　　今年以来，全县新建改造供水管网一百二十公里，惠及群众三万余人。\n　　下一步，将完善长效管护机制。\n"


@pytest.mark.parametrize(
    ("head", "title", "menu"),
    [
        # a short title under the menu, over its byline: the last short line is the title
        ("首页\n新闻中心\n通知公告\n关于国庆节放假的通知\n发布时间：2023-09-18\n", "关于国庆节放假的通知", 3),
        # no byline: the text itself under the title
        ("Home\nPress Releases\nEnglish\n繁體\n东岭县召开防汛工作会议\n", "东岭县召开防汛工作会议", 4),
        # two short lines over a title are no menu (a 版头's organ over its 发文字号 would be two)
        ("东岭县水利局文件\n东水发〔2023〕5号\n关于做好防汛工作的通知\n", None, 0),
    ],
)
def test_kind44_where_a_menu_column_ends(head: str, title: str | None, menu: int) -> None:
    doc = bf.parse(text=head + BODY_LINES)
    if title is not None:
        assert article(doc).title == title
    assert sum(1 for r in doc.removed if r.reason == "site_menu") == menu


SPEECH_DATELINE = HTML / "speech_dateline_br_text.html"


def test_kind45_a_speechs_dateline_is_no_title_part_and_dates_it() -> None:
    """A speech whose title is a plain <div>, its text <br>-separated lines in an <article> opening with the
    date alone in brackets and the speaker: the dateline is not joined to the title, and the speech is dated
    the day it was given, not the day the page was published."""
    doc = parsed(SPEECH_DATELINE)
    art = article(doc)
    assert art.title == "在全县森林防火工作会议上的讲话" and art.subtitle is None
    assert doc.header.date == "2023-03-06" and doc.metadata.published == "2023-03-10"
    assert art.blocks[0].text == "同志们：" and art.blocks[-1].text.startswith("同志们，森林防火责任重于泰山")


def test_kind45_the_same_in_a_text() -> None:
    text = ("在全县森林防火工作会议上的讲话\n（2023年3月6日）\n县委书记　林国平\n同志们：\n"
            "　　今天召开全县森林防火工作会议，主要任务是部署今年春季森林防火工作。\n")
    doc = bf.parse(text=text)
    assert article(doc).title == "在全县森林防火工作会议上的讲话"
    assert doc.header.date == "2023-03-06"


def test_kind46_a_text_opening_with_the_day_of_its_meeting_keeps_its_first_paragraph() -> None:
    """A 纪要 whose text opens with the day the meeting was held (2023年7月15日，…主持召开…) and whose 落款 is
    dated that day: the date printed again at the end is no title glued to the first paragraph, so the
    paragraph stays whole and the 落款 keeps its date (the 纪要's 成文日期)."""
    text = ("东岭县防汛工作专题会议纪要\n〔2023〕29号\n"
            "2023年7月15日，副县长林国平主持召开防汛工作专题会议，研究部署相关工作。现将会议议定事项纪要如下：\n"
            "一、压实防汛责任\n各乡镇要落实属地责任，加强巡查值守。\n东岭县人民政府办公室\n2023年7月15日\n")
    doc = bf.parse(text=text)
    art = article(doc)
    assert art.blocks[0].text.startswith("2023年7月15日，副县长林国平主持召开")
    assert doc.header.date == "2023-07-15" and doc.header.doc_number == "〔2023〕29号"
    assert [(s.organ, s.date) for s in art.signatures] == [("东岭县人民政府办公室", "2023-07-15")]


@pytest.mark.parametrize(
    ("byline", "field", "value"),
    [
        ("来源：\n东岭清风微信公众号\n", "origin", "东岭清风微信公众号"),  # read together, a QR prompt's words
        ("发布时间：\n2023-02-19\n点击数：\n403\n", "published", "2023-02-19"),  # read together, a counter
        # a label of no page field (发布机构) goes on the byline too: its value is no paragraph
        ("发布时间：\n2022-05-05 14:10\n发布机构：\n新闻局\n", "published", "2022-05-05T14:10"),
    ],
)
def test_kind47_a_split_label_keeps_its_fact_whatever_the_chrome(byline: str, field: str, value: str) -> None:
    """A crawler's text puts a label and its value on two lines; joined, they read as other chrome (a QR
    prompt, a counter) and are removed as such — the labelled fact is still the page's."""
    text = ("东岭县推进农村饮水安全工程\n" + byline
            + "　　今年以来，东岭县新建改造供水管网，惠及群众三万余人。\n　　下一步，将完善长效管护机制。\n")
    doc = bf.parse(text=text)
    assert article(doc).title == "东岭县推进农村饮水安全工程"
    assert getattr(doc.metadata, field) == value
    assert [b.text[:4] for b in article(doc).blocks] == ["今年以来", "下一步，"]


PRESS_RELEASE = HTML / "press_release_banner_end_mark.html"


def test_kind48_a_press_releases_banner_and_its_dateline_after_the_end_mark() -> None:
    """A 新闻公报 page: the <title> is `新闻公报：headline` and the page prints the banner on a line of its own
    over the <h1>; the release is dated on the line after （完）; the footer's 最近修订日期 is when the page
    was revised, not published."""
    doc = parsed(PRESS_RELEASE)
    art = article(doc)
    assert art.title == "水务署公布东岭河道整治最新安排"
    assert doc.metadata.published == "2023-11-20" and doc.header.date == "2023-11-20"
    assert art.blocks[0].text.startswith("水务署今日公布") and art.blocks[-1].text == "（完）"


def test_kind49_a_mobile_pages_app_prompts_are_chrome() -> None:
    """A mobile page's text: a sticky bar `返回 首页 打开APP阅读` over the headline, `打开APP 查看更多精彩内容`
    under the text — prompts to read on in the app, removed, never joined to the title."""
    text = ("返回　首页　打开APP阅读\n东岭县这个镇的养老服务新答卷\n2023-04-06 09:29  来源：东岭新闻网\n"
            "　　近年来，东岭县某镇把养老服务作为民生实事来抓，新建日间照料中心三处。\n"
            "　　下一步，该镇将继续完善服务网络。\n打开APP 查看更多精彩内容\n")
    doc = bf.parse(text=text)
    assert article(doc).title == "东岭县这个镇的养老服务新答卷"
    assert [b.text[:4] for b in article(doc).blocks] == ["近年来，", "下一步，"]
    assert {r.reason for r in doc.removed if "APP" in r.text} == {"qr_code"}
    assert doc.metadata.origin == "东岭新闻网"


def test_kind49_an_outlets_app_over_a_counter_is_a_byline() -> None:
    """来源：某某客户端 then 阅读量：… is a byline (an outlet's app and a counter), not an app prompt."""
    text = ("东岭县召开防汛工作会议\n发表时间：\n2026-02-09 09:45\n来源：\n东岭日报客户端\n阅读量：\n"
            "　　会议要求各乡镇落实防汛责任，加强巡查值守，确保安全度汛。\n")
    doc = bf.parse(text=text)
    assert doc.metadata.origin == "东岭日报客户端" and doc.metadata.published == "2026-02-09T09:45"
    assert {r.reason for r in doc.removed if r.text.strip() in ("来源：", "东岭日报客户端")} == {"byline"}


def test_kind50_a_gov_sites_colour_chooser_is_a_tool_bar() -> None:
    """视力保护色：□□□□□ (the page's background colour chooser) under the share bar is the page's tools."""
    text = ("东岭区召开营商环境优化情况通报会\n发布时间：2019-08-11 08:01  来源：东岭新闻\n分享到：微信 微博 QQ空间\n"
            "视力保护色：□□□□□\n　　会议通报了全区营商环境优化工作进展，部署下一阶段重点任务。\n")
    doc = bf.parse(text=text)
    assert [b.text[:4] for b in article(doc).blocks] == ["会议通报"]
    assert {r.reason for r in doc.removed if "视力" in r.text} == {"share_print_bar"}


COLUMN_TITLE = HTML / "column_name_page_title.html"


def test_kind51_a_page_title_naming_the_column_the_breadcrumb_passes_is_no_headline() -> None:
    """The <title> is `新闻中心`, a column the breadcrumb passes through (首页 > 新闻中心 > 正文), printed again
    as a sidebar's heading: the headline is the title-like line over the byline, above the text."""
    doc = parsed(COLUMN_TITLE)
    art = article(doc)
    assert art.title == "东岭县人民医院开展义诊进社区活动"
    assert doc.metadata.published == "2022-09-22"
    assert [b.text[:4] for b in art.blocks] == ["为方便社", "活动现场", "医院相关"]


def test_kind51_a_breadcrumbs_last_crumb_may_be_the_headline() -> None:
    """The last crumb may print the article's own title: a <title> equal to it still names the article, and
    the short headline under the breadcrumb is the title, not the breadcrumb's echo (it was removed as one)."""
    page = ("<html><head><meta charset='utf-8'><title>东岭县召开防汛工作会议</title></head><body>"
            "<div class='crumb'>当前位置：首页 &gt; 工作动态 &gt; 东岭县召开防汛工作会议</div>"
            "<h2>东岭县召开防汛工作会议</h2><div>发布时间：2023-06-01</div>"
            "<div class='content'><p>会议要求各乡镇落实防汛责任，加强巡查值守，确保安全度汛。</p>"
            "<p>会议还对近期防汛重点工作作了部署。</p></div></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert article(doc).title == "东岭县召开防汛工作会议"


def test_kind52_a_plain_subtitle_inside_the_content_over_its_byline() -> None:
    """The <h2> headline, a centred <p> 副题 and the byline all inside the content's container (the byline is
    removed before the title block is read): the 副题 is the title's, not the text's first paragraph."""
    page = ("<html><head><meta charset='utf-8'><title>东岭市农村人居环境整治取得阶段性成效_东岭市人民政府</title>"
            "</head><body><div class='nav'><a href='/'>首页</a> <a href='/xw'>新闻中心</a>"
            " <a href='/gk'>政务公开</a></div>"
            "<div class='side'><h3>热点新闻</h3><ul><li><a href='#'>我市小区改造经验获推广</a></li>"
            "<li><a href='#'>兰溪县部署防火重点工作</a></li></ul></div>"
            "<div class='main'><h2>东岭市农村人居环境整治取得阶段性成效</h2><p align='center'>首批完成28个重点项目</p>"
            "<div class='info'>发布日期：2019-06-09 09:55　来源：本网</div><div class='zw'>"
            "6月9日，东岭市举行农村人居环境整治工作推进会。截至目前，共排查整改问题136项。<br>"
            "<p style='text-align:center'><img src='/a.jpg'></p>图为整治现场。（吴明 摄）<br>"
            "去年，全市累计完成投资5.5亿元，建成示范点43处，带动就业四千余人。<br></div></div></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    art = article(doc)
    assert (art.title, art.subtitle) == ("东岭市农村人居环境整治取得阶段性成效", "首批完成28个重点项目")
    assert art.blocks[0].text.startswith("6月9日，东岭市举行")
    assert doc.metadata.published == "2019-06-09T09:55" and doc.metadata.origin == "本网"


def test_kind52_a_plain_subtitle_over_a_text_opening_with_its_news_dateline() -> None:
    """A title in a layout cell, a plain 副题 under it, and the text opening with its 电头 alone on a line
    (本报东岭4月22日电), no byline between: the 副题 is the title's."""
    columns = ("通知公告", "县区动态", "部门动态", "图片新闻", "政策文件")
    side = "".join(f"<li><a href='#'>{t}</a></li>" for t in columns)
    page = ("<html><head><meta charset='utf-8'><title>市领导调研城乡供水设施改造工作</title></head><body>"
            "<table><tr><td><ul class='nav'><li><a href='/'>首页</a></li><li><a href='/zw'>政务公开</a></li>"
            "<li><a href='/xw'>新闻中心</a></li><li><a href='/fw'>办事服务</a></li></ul></td></tr>"
            "<tr><td><div class='crumb'>当前位置：首页 / 工作动态</div></td></tr></table><table><tr><td>"
            "<table><tr><td><table><tr><td align='center'>市领导调研城乡供水设施改造工作</td></tr></table>"
            "<p align='center'>首批完成32个重点项目</p></td></tr><tr><td><div class='content'><p>本报东岭4月22日电</p>"
            "<p>4月22日，东岭市举行城乡供水设施改造工作推进会，部署下一阶段重点任务。会议听取了各地工作汇报。</p>"
            "<p>一季度，全市处理群众诉求413件，办结率百分之八十七，受益群众超过六十万人次，新增服务网点一百余个。</p>"
            "<p>会议要求，各地要加快推进管网改造，确保年底前完成全部改造任务，让群众早日喝上放心水。</p></div></td></tr>"
            "<tr><td><div class='info'>发布时间：2022-04-22 12:11　来源：本网</div></td></tr></table></td>"
            f"<td><div class='side'><h3>栏目导航</h3><ul>{side}</ul></div></td></tr></table>"
            "<div class='foot'>版权所有：东岭市人民政府　网站标识码：1234500002</div></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    art = article(doc)
    assert (art.title, art.subtitle) == ("市领导调研城乡供水设施改造工作", "首批完成32个重点项目")


STAT_BULLETIN = HTML / "statistical_bulletin_organ_dateline.html"


def test_kind53_a_reports_organ_over_its_dateline_is_its_byline_and_date() -> None:
    """A 统计公报: its organ, then the date in brackets, printed under the title and above the page's byline —
    the report is dated that day (not the day the page was published), and neither line is title or text."""
    doc = parsed(STAT_BULLETIN)
    art = article(doc)
    assert art.title == "东岭县2023年国民经济和社会发展统计公报" and art.subtitle is None
    assert doc.header.date == "2024-03-18" and doc.metadata.published == "2024-03-20T10:00"
    assert art.blocks[0].text == "一、综合" and art.blocks[-1].text.startswith("注：本公报中部分数据")
    assert [b.type for b in art.blocks].count("table") == 1


def test_kind53_the_same_in_a_text() -> None:
    text = ("东岭县2023年国民经济和社会发展统计公报\n东岭县统计局\n（2024年3月18日）\n一、综合\n"
            "初步核算，全年全县地区生产总值二百一十亿元，比上年增长百分之五点二。\n")
    doc = bf.parse(text=text)
    assert article(doc).title == "东岭县2023年国民经济和社会发展统计公报"
    assert doc.header.date == "2024-03-18"


BODY_TEXT = ("　　4月1日，东岭县召开河湖治理推进会，部署全年重点任务。\n"
             "　　会议要求，各乡镇要落实属地责任，确保问题按期整改到位。\n")


def test_kind54_a_laid_out_text_dumps_site_name_and_gapped_menu() -> None:
    """A text dump that keeps the page's layout: the site's name centred, the menu on one line with wide gaps
    (three entries, one of them 首页), the breadcrumb, the centred title: neither the name nor the menu is
    joined to the title."""
    text = ("              东岭县人民政府门户网站\n网站首页       政务动态       信息公开       办事服务\n"
            "当前位置：首页  >  政务动态  >  正文\n                     东岭县推进河湖治理见实效\n"
            "        发布时间：2025-04-02 09:30        来源：东岭县融媒体中心\n" + BODY_TEXT)
    doc = bf.parse(text=text)
    assert article(doc).title == "东岭县推进河湖治理见实效"
    reasons = {r.text.strip(): r.reason for r in doc.removed}
    assert reasons["东岭县人民政府门户网站"] == "site_name"
    assert reasons["网站首页       政务动态       信息公开       办事服务"] == "navigation"
    assert doc.metadata.origin == "东岭县融媒体中心"


def test_kind54_a_companys_name_over_its_column_menu() -> None:
    """A company site's text dump: its name, then a column of menu entries of its own words (集团概况,
    人才招聘), then the breadcrumb in pieces and the title."""
    text = ("  东岭城市投资发展集团有限公司\n\n    集团概况\n\n        新闻中心\n\n  人才招聘\n\n"
            "当前位置：\n\t\t首页\n > \n新闻中心\n东岭县推进河湖治理见实效\n  发布时间：2025-04-02 09:30\n" + BODY_TEXT)
    doc = bf.parse(text=text)
    assert article(doc).title == "东岭县推进河湖治理见实效"
    assert [r.reason for r in doc.removed][:4] == ["site_name", "site_menu", "site_menu", "site_menu"]


def test_kind54_a_title_over_a_list_of_names_is_no_site_name() -> None:
    """Short lines under a title, with no breadcrumb: a list of names, not the site's name over its menu."""
    text = "东岭县领导小组成员名单\n张明远\n李书琴\n王立言\n赵清和\n　　以上同志为领导小组成员，如有变动另行通知。\n"
    doc = bf.parse(text=text)
    assert not [r for r in doc.removed if r.reason in ("site_name", "site_menu")]


def test_kind55_a_text_without_a_sentence_still_ends_at_its_page_tail() -> None:
    """A 中标结果公告 of labelled lines and a table's cells, one a line — not one sentence in it —, then the page's
    tools (【我要纠错】), a related list and the footer: they are the page's tail, not the text."""
    text = ("东岭县农村供水保障工程中标结果公告\n  发布时间：2025-07-19 10:26\n\t一、项目名称：东岭县农村供水保障工程\n"
            "\t二、中标信息\n序号\n中标单位名称\n中标金额（元）\n1\n东岭县华兴建设工程有限公司\n6621086.83\n"
            "\t招标人：东岭县水利局\n　　2025年7月19日\n【我要纠错】  \n相关阅读\n  南湾镇扎实开展河湖治理重点项目  \n"
            "  北岭乡不断完善科技创新人才队伍建设  \n  地址：东岭县滨江大道139号　邮编：585541  \n")
    doc = bf.parse(text=text)
    art = article(doc)
    assert art.blocks[-1].text.strip() == "2025年7月19日" or [s.date for s in art.signatures] == ["2025-07-19"]
    assert not any("南湾镇" in t or "纠错" in t or "邮编" in t for t in texts(doc))
    assert {r.reason for r in doc.removed if "纠错" in r.text} == {"share_print_bar"}


def test_kind56_heading_tiers_on_a_page_chosen_whole() -> None:
    """A short page chosen whole: an 引题 <h3>, the 主题 <h1>, a 副题 <h2>, then the text in <font> runs set apart by
    <br> (no <p>): the three headings are 引题, title and 副题, not one title over three lines."""
    page = ("<html><head><meta charset='utf-8'></head><body><h3>聚焦河湖治理·基层一线</h3>"
            "<h1>东岭县推进河湖治理见实效</h1><h2>南湾镇十二个点位全部整改到位</h2>"
            "<font>　　4月1日，东岭县召开河湖治理推进会，部署全年重点任务。</font><br>"
            "<font>　　会议要求，各乡镇要落实属地责任，确保问题按期整改到位。</font><br></body></html>")
    art = article(bf.parse(page.encode("utf-8")))
    assert (art.kicker, art.title) == ("聚焦河湖治理·基层一线", "东岭县推进河湖治理见实效")
    assert art.subtitle == "南湾镇十二个点位全部整改到位"
    assert art.blocks[0].text.startswith("4月1日，东岭县召开")


def test_kind57_a_title_broken_by_br_opening_the_content_is_one_title() -> None:
    """The content the chooser picked opens with the <h1>, broken by a <br> in the middle of a word (…河<br>湖治理…):
    both lines of the element are the title (they were cut after the first: the title's element went on only
    above the content). The lines as the HTML reader hands them: the breadcrumb outside, the rest inside."""
    from bulletin_format import clean, segment
    from bulletin_format.lines import Line, PassState
    from bulletin_format.model import SourceInfo

    rows = [("当前位置：首页 > 通知公告", {"outside"}, 1), ("东岭市人民政府办公室关于印发东岭市河", {"h1"}, 2),
            ("湖治理三年行动方案（2025—2027年）的通知", set(), 2), ("东政办发〔2025〕23号", set(), 3),
            ("各区人民政府，市直各单位：", set(), 4),
            ("《东岭市河湖治理三年行动方案（2025—2027年）》已经市政府同意，现印发给你们，请认真贯彻执行。", set(), 5),
            ("东岭市人民政府办公室", set(), 6), ("2025年2月18日", set(), 7)]
    state = PassState(lines=[Line(i + 1, t, frozenset(h), owner=o) for i, (t, h, o) in enumerate(rows)],
                      source=SourceInfo(format="html"))
    doc = segment.run(clean.run(state))
    assert article(doc).title == "东岭市人民政府办公室关于印发东岭市河湖治理三年行动方案（2025—2027年）的通知"
    assert doc.header.doc_number == "东政办发〔2025〕23号"


@pytest.mark.parametrize(
    ("head", "kicker", "title"),
    [
        # a text dump: the 引题, then the headline right over its byline
        ("聚焦河湖治理·基层一线\n\n\n  东岭县推进河湖治理见实效\n  发布时间：2025.04.02\n",
         "聚焦河湖治理·基层一线", "东岭县推进河湖治理见实效"),
        # 引题, headline and a plain 副题 right over the byline
        ("聚焦河湖治理·基层一线\n\n  东岭县推进河湖治理见实效 \n\n  南湾镇点位整改到位\n  发布时间：2025.04.02\n",
         "聚焦河湖治理·基层一线", "东岭县推进河湖治理见实效"),
        # a 公文 title wrapped over two lines is one title
        ("东岭县人民政府\n关于做好防汛工作的通知\n发布时间：2025-04-02\n", None,
         "东岭县人民政府关于做好防汛工作的通知"),
        # a report's title over its 副题 stays so
        ("2025年东岭县政府工作报告\n——2025年1月20日在东岭县第五届人民代表大会第四次会议上\n来源：东岭日报\n",
         None, "2025年东岭县政府工作报告"),
    ],
)
def test_kind58_a_text_dumps_kicker_over_the_headline(head: str, kicker: str | None, title: str) -> None:
    """A text dump: a short 引题 over the headline, which stands right over its byline — 引题 and title, not a
    title and the text's first line; a wrapped 公文 title and a title over its 副题 are no 引题."""
    art = article(bf.parse(text=head + BODY_TEXT))
    assert (art.kicker, art.title) == (kicker, title)
    assert art.blocks[0].text.startswith("4月1日，东岭县召开")


def test_kind59_a_text_dumps_table_cells_are_no_page_furniture() -> None:
    """A 统计公报 dumped one table cell a line, two tables with the same head row and the same row labels and
    units: bare figures that rise by leaps are no folios, and the repeated head row, labels and units are no
    running heads — every cell stays in the text."""
    def table(n: int, rows: list[tuple[str, str, str, str]]) -> str:
        cells = [f"表{n}　主要指标", "指标", "单位", "绝对数", "比上年增长（%）"] + [c for row in rows for c in row]
        return "\n".join(cells) + "\n"

    rows1 = [("粮食产量", "万吨", "45", "3.1"), ("蔬菜产量", "万吨", "88", "6.2"), ("肉类总产量", "万吨", "612", "2.4"),
             ("发电量", "亿千瓦时", "890", "5.5")]
    rows2 = [("发电量", "亿千瓦时", "912", "2.5"), ("肉类总产量", "万吨", "1045", "1.9"),
             ("粮食产量", "万吨", "1300", "0.8")]
    text = ("东岭县2025年国民经济和社会发展统计公报\n一、农业\n　　全年粮食产量稳定增长，主要农产品供应充足。\n"
            + table(1, rows1) + "二、工业\n　　全年规模以上工业增加值比上年增长百分之六。\n" + table(2, rows2)
            + "　　注：本公报中数据均为初步统计数。\n")
    doc = bf.parse(text=text)
    assert not [r.text for r in doc.removed if r.reason in ("page_number", "running_head")]
    kept = texts(doc)
    assert kept.count("万吨") == 5 and "1045" in kept and kept[-1].startswith("注：本公报中数据")


def test_kind60_a_page_chosen_whole_under_a_logo_an_accessibility_bar_and_sidebar_boxes() -> None:
    """A short 解读 page the chooser takes whole: the site's name as a text logo over an accessibility bar
    (无障碍浏览　繁体版　长者模式　登录注册), a menu, a sidebar box (栏目导航) over its links, the breadcrumb,
    the title in a cell: the logo, the bar and the box heading are chrome, the title the page's."""
    links = "".join(f"<li><a href='/c/{i}/'>{t}</a></li>" for i, t in enumerate(("领导之窗", "机构职能", "规划计划")))
    menu = "".join(f"<li><a href='/m/{i}/'>{t}</a></li>" for i, t in enumerate(("首页", "政务公开", "办事服务")))
    page = ("<html><head><meta charset='utf-8'><title>东岭市人民政府门户网站</title></head><body>"
            "<div class='logo'>东岭市人民政府门户网站</div>"
            "<div class='bar'>无障碍浏览　繁体版　长者模式　登录注册</div>"
            f"<ul class='nav'>{menu}</ul><div class='side'><h3>栏目导航</h3><ul>{links}</ul></div>"
            "<div class='crumb'>您现在的位置：首页 &gt;&gt; 政策解读 &gt;&gt; 正文</div><table><tr><td>"
            "解读：《东岭市关于加快全民健身的实施意见》</td></tr>"
            "<tr><td>发布日期：2023年02月14日 11:31</td></tr></table>"
            "<p>一、起草背景</p><p>为加快全民健身设施建设，满足群众日益增长的健身需求，市体育局起草了本意见。</p>"
            "<p>二、主要内容</p><p>意见提出，到二〇二五年，全市人均体育场地面积达到二点六平方米。</p></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert article(doc).title == "解读：《东岭市关于加快全民健身的实施意见》"
    kept = texts(doc)
    assert not any(t in kept for t in ("东岭市人民政府门户网站", "栏目导航", "领导之窗"))
    assert kept[0] == "一、起草背景"


def test_kind61_an_articles_pages_on_one_page_leave_no_pager() -> None:
    """An article printed as its pages in one page (第2页 over the second), and its pager under it
    (上一页 1 2 下一页): the marks and the pager are the page's, the paragraphs of both pages the text."""
    para = "<p>东岭县各乡镇要切实加强秸秆综合利用工作，确保各项任务按期完成，及时回应群众关切。</p>"
    page = ("<html><head><meta charset='utf-8'><title>东岭县召开秸秆综合利用推进会</title></head><body>"
            "<h1>东岭县召开秸秆综合利用推进会</h1><div class='info'>2025-03-08 10:20　来源：东岭县新闻网</div>"
            f"<div id='page_1'>{para}<p>各成员单位要主动对接，做到早发现早处置。</p></div>"
            f"<div id='page_2'><div class='page-mark'>第2页</div>{para}<p>会议还对近期重点工作作了部署。</p></div>"
            "<div class='pager'>上一页 1 2 下一页</div></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert [t[:4] for t in texts(doc)] == ["东岭县各", "各成员单", "东岭县各", "会议还对"]
    assert {r.reason for r in doc.removed if "页" in r.text} == {"pager"}


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("东岭县人民政府门户网站", "东岭县人民政府办公室关于做好秸秆综合利用工作的通知"),  # the site's name: chrome
        ("东岭县召开防汛工作会议", None),  # a line that reads as no site's name stays
    ],
)
def test_kind62_a_site_name_alone_over_a_text_dumps_breadcrumb(first: str, title: str | None) -> None:
    """A crawler's text opening with the site's name right over the breadcrumb (no menu between them): the
    name is chrome, not the title joined to the headline; a line that does not read as a site's name
    stays."""
    text = (f"{first}\n当前位置：\n首页\n>\n政务公开\n东岭县人民政府办公室关于做好秸秆综合利用工作的通知\n"
            "各乡镇人民政府：\n　　各乡镇要切实加强秸秆综合利用工作，确保各项任务按期完成。\n"
            "东岭县人民政府办公室\n2025年3月6日\n")
    doc = bf.parse(text=text)
    if title is not None:
        assert doc.articles[0].title == title
    assert ({r.text for r in doc.removed if r.reason == "site_name"} == {first}) == first.endswith("网站")


@pytest.mark.parametrize(
    ("script", "published"),
    [('var ct = "1710457260";', "2024-03-15T07:01"), ('var publish_time = "2023-05-29" || "";', "2023-05-29")],
)
def test_kind63_a_saved_wechat_articles_time_is_in_its_script(script: str, published: str) -> None:
    """A WeChat article saved from the browser prints its time by script (the seconds in ``var ct``, shown in
    Beijing time): the page's only date, read from there."""
    page = ("<html><head><meta charset='utf-8'><title>东岭县召开秸秆综合利用推进会</title></head><body>"
            "<h1 id='activity-name'>东岭县召开秸秆综合利用推进会</h1>"
            "<div id='meta_content'><a id='js_name'>东岭发布</a><em id='publish_time'></em></div>"
            "<div id='js_content'><p>3月14日，东岭县召开秸秆综合利用推进会，部署"
            "全年重点任务。</p><p>会议要求，各乡镇要落实属地责任，确保问题按期整改到位。</p></div>"
            f"<script>{script} document.getElementById('publish_time').innerHTML = ct;</script></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert doc.metadata.published == published and doc.header.date == published[:10]


@pytest.mark.parametrize(
    ("line", "title_like"),
    [("青石镇：农村饮水安全巩固提升跑出“加速度”", True), ("东岭县：推进河湖治理取得阶段性成效", True),
     ("所在地区：东岭县", False), ("附件：东岭县农村饮水安全巩固提升工作方案", False), ("组　长：张明远", False)],
)
def test_kind64_a_headline_naming_its_place_before_a_colon(line: str, title_like: bool) -> None:
    """青石镇：… is a headline (a place, then a phrase), not a form's field and its value (所在地区：东岭县)."""
    from bulletin_format.patterns import is_title_like

    assert is_title_like(line) == title_like


def test_kind64_the_headline_of_a_text_dump() -> None:
    text = ("东岭市人民政府门户网站\n当前位置：\n首页\n>\n政务公开\n青石镇：农村饮水安全巩固提升跑出“加速度”\n"
            "发布时间：\n2023-11-12 12:43:17\n" + BODY_TEXT)
    assert article(bf.parse(text=text)).title == "青石镇：农村饮水安全巩固提升跑出“加速度”"


def test_kind65_the_outlets_under_a_wechat_title_are_no_subtitle() -> None:
    """A saved WeChat speech: under its title the outlets that put it out (某某县融媒体中心　某某发布), then the
    text hidden until a script shows it, opening with the speaker: the outlets are no 副题."""
    page = ("<html><head><meta charset='utf-8'><title>在全县秸秆综合利用工作会议上的讲话</title></head><body>"
            "<h1 id='activity-name'>在全县秸秆综合利用工作会议上的讲话</h1><div id='meta_content'>"
            "<span>东岭县融媒体中心</span> <span><a id='js_name'>东岭发布</a></span><em id='publish_time'></em></div>"
            "<div id='js_content' style='visibility: hidden;'><p>东岭县人民政府县长 赵明远</p><p>同志们：</p>"
            "<p>各乡镇要切实加强秸秆综合利用工作，确保各项任务按期完成，切实守牢安全底线，及时回应群众关切。</p>"
            "<p>各成员单位要主动对接值班值守安排，做到早发现早处置，推动工作取得实效。</p></div>"
            "<script>var ct = \"1741400400\";</script></body></html>")
    art = article(bf.parse(page.encode("utf-8")))
    assert (art.title, art.subtitle) == ("在全县秸秆综合利用工作会议上的讲话", None)


def test_kind45_a_dateline_heading_under_a_title_opening_the_content_is_no_subtitle() -> None:
    """The title <h2> opens the content, the date alone in brackets under it is an <h3>: a dateline, not
    the title's 副题, whatever its element."""
    from bulletin_format import clean, segment
    from bulletin_format.lines import Line, PassState
    from bulletin_format.model import SourceInfo

    rows = [("当前位置：首页 > 领导讲话", {"outside"}), ("在全市停车设施建设工作推进会上的讲话", {"h2"}),
            ("（2019年3月23日）", {"h3"}), ("市委书记　郑丽华", set()), ("同志们：", set()),
            ("今天召开这次会议，主要任务是总结城市公共停车设施建设工作，部署下一阶段任务。", set())]
    state = PassState(lines=[Line(i + 1, t, frozenset(h), owner=i) for i, (t, h) in enumerate(rows)],
                      source=SourceInfo(format="html"))
    doc = segment.run(clean.run(state))
    art = article(doc)
    assert (art.title, art.subtitle) == ("在全市停车设施建设工作推进会上的讲话", None)
    assert doc.header.date == "2019-03-23"


@pytest.mark.parametrize(
    ("line", "reason"),
    [("23万粉丝 · 优质资讯领域创作者", "page_stats"), ("关注", "share_print_bar"), ("+关注", "share_print_bar"),
     ("展开全文", "share_print_bar")],
)
def test_kind66_a_news_apps_author_card_and_expander(line: str, reason: str) -> None:
    """A news app's page: the author card under the title (name, followers, 关注) and 展开全文 in the text."""
    from bulletin_format.clean.chrome import classify

    assert classify(line) == reason
    assert classify("请关注天气变化") is None and classify("本次会议关注民生保障") is None


def test_kind66_the_authors_name_left_over_the_byline_is_no_subtitle() -> None:
    """A news app's page whose author card is chrome: the author's name left alone between the title and the
    byline is who wrote it, not the title's 副题."""
    page = ("<html><head><meta charset='utf-8'><title>南湾街道：耕地保护跑出“加速度”</title></head><body>"
            "<div class='top'><a href='/'>首页</a><a href='/app'>下载APP</a><a href='/login'>登录</a></div>"
            "<article><h2>南湾街道：耕地保护跑出“加速度”</h2><div class='author'><p class='author-name'>李欣</p>"
            "<p>23万粉丝 · 优质资讯领域创作者</p><span>关注</span></div>"
            "<div class='time'>2023-04-24 07:19来源：东岭新闻网</div>"
            "<p>全年共发放补助资金四百七十八万元，惠及群众六千二百余户，耕地保护工作取得明显成效。</p>"
            "<p>活动现场，街道负责同志介绍了耕地保护有关情况，切实形成工作合力。</p><p>展开全文</p></article>"
            "<div class='rec'><h3>为你推荐</h3><a href='/a/1'>北溪县启动集中宣传月活动</a></div></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    art = article(doc)
    assert (art.title, art.subtitle) == ("南湾街道：耕地保护跑出“加速度”", None)
    assert [t[:4] for t in texts(doc)] == ["全年共发", "活动现场"]


def test_kind67_a_blog_reposting_a_notice_of_appointments() -> None:
    """A blog post reposting a 任免通知: a list of appointments (no sentence in it), its 落款, the post's foot
    (分类：…标签：…), then 《title》上有2条评论 over the comments: the 落款 stays the notice's (it was taken
    for a copy of the title), the foot and the comments are the page's."""
    page = ("<html><head><meta charset='utf-8'><title>东岭区人民政府关于张明等同志职务任免的通知 – 某某的博客</title>"
            "</head><body>"
            "<header><a href='/'>某某的博客</a><p>记录基层工作点滴</p></header><article>"
            "<h1>东岭区人民政府关于张明等同志职务任免的通知</h1><p>发布于 2023年2月16日 作者 admin</p>"
            "<p>各区人民政府，市直各有关单位：</p><p>经东岭区人民政府研究决定：</p><p>任命：</p>"
            "<p>张明为东岭区民政局副主任；</p><p>李立为东岭区生态环境局副局长；</p><p>免去：</p>"
            "<p>王平的东岭区交通运输局副局长职务。</p><p>东岭区人民政府</p><p>2023年1月24日</p>"
            "<footer>分类：政策文件转载标签：人事任免</footer></article><section class='comments'>"
            "<h2>《东岭区人民政府关于张明等同志职务任免的通知》上有2条评论</h2><p>赵文说：请问附件在哪里下载</p>"
            "<p>钱德说：很有用，收藏</p><h3>发表回复</h3><p>您的电子邮箱地址不会被公开。</p></section></body></html>")
    doc = bf.parse(page.encode("utf-8"))
    art = article(doc)
    assert [(s.organ, s.date) for s in art.signatures] == [("东岭区人民政府", "2023-01-24")]
    assert doc.header.date == "2023-01-24"
    assert not any("评论" in t or "分类" in t or "赵文说" in t for t in texts(doc))


def test_kind60_a_companys_name_under_its_tool_bar_over_its_menu() -> None:
    """A company's page chosen whole: a tool bar on one line (登录 | 注册 …), the company's name, its menu, the
    breadcrumb, then the <h1> and <h2>: the name is chrome, not the title."""
    menu = "".join(f"<li><a href='/c{i}/'>{t}</a></li>" for i, t in enumerate(("集团概况", "新闻中心", "党建工作")))
    page = ("<html><head><meta charset='utf-8'><title>东岭市推进安全生产信息化_东岭城市投资发展集团有限公司</title>"
            "</head><body><div class='topbar'><a>登录</a> | <a>注册</a> <a>无障碍浏览</a> <a>长者模式</a></div>"
            f"<div class='logo'>东岭城市投资发展集团有限公司</div><ul class='nav'>{menu}</ul>"
            "<div class='crumb'>当前位置：首页 &gt; 新闻中心</div><h1>东岭市推进安全生产信息化</h1>"
            "<h2>三个示范点通过验收</h2>"
            "<div class='info'>发布时间：2025-03-26 08:22　来源：东岭日报</div>"
            "<p>3月24日，东岭市召开安全生产信息化工作推进会，部署下一阶段重点任务。</p></body></html>")
    art = article(bf.parse(page.encode("utf-8")))
    assert (art.title, art.subtitle) == ("东岭市推进安全生产信息化", "三个示范点通过验收")


# --- every trap fixture: valid JSON, nothing lost ------------------------------------------------------------------


@pytest.mark.parametrize("path", TRAP_FIXTURES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_every_trap_fixture_gives_valid_json_and_loses_nothing(path: Path) -> None:
    if path.suffix == ".html":
        printed = visible_text(read_markup(path))  # hidden text is printed markup too: it must be recorded
    else:
        printed = path.read_bytes().decode("utf-8")
    for normalize in (False, True):
        data = json.loads(bf.convert(path, to="json", normalize=normalize))
        errors = sorted(VALIDATOR.iter_errors(data), key=lambda e: list(e.path))
        assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]]
        lost = lost_characters(printed, Document.from_dict(data), content_only=normalize)
        assert lost == {}, f"normalize={normalize}: lost {dict(lost)}"


def test_the_trap_fixtures_are_all_here() -> None:
    assert len(TRAP_FIXTURES) == 55
    assert {p.suffix for p in TRAP_FIXTURES} == {".html", ".txt"}

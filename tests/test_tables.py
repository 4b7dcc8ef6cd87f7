"""Tables as tables: data tables (HTML and plain text) become table blocks; page grids, frames and
信息公开 metadata tables do not (own inputs reproducing each kind)."""

from __future__ import annotations

from lxml import html as lxml_html

import bulletin_format as bf
from bulletin_format.readers.html_tables import classify_table, table_texts

PROSE = "为进一步加强和规范行政执法工作，根据有关法律法规规定，现将本单位行政处罚信息公开如下，接受社会监督。"


def page(body: str, title: str = "行政处罚信息公开表") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}_某某市市场监督管理局</title></head>"
        f"<body><div class='nav'><a href='/'>首页</a> <a href='/a'>机构概况</a> <a href='/b'>政务公开</a></div>"
        f"<div class='main'><h1>{title}</h1>{body}</div>"
        "<div class='footer'>版权所有：某某市市场监督管理局 备案号：某ICP备12345678号</div></body></html>"
    )


def verdict(markup: str) -> str:
    table = lxml_html.fromstring(markup)
    texts = table_texts(table, frozenset(("script", "style")), lambda el: False)
    return classify_table(table, texts, 0).reason


def tables(doc: bf.Document) -> list[bf.Block]:
    return [b for a in doc.articles for b in a.blocks if b.type == "table"]


def test_a_data_table_with_a_header_row_and_merged_cells_is_one_table_block():
    rows = "".join(
        f"<tr><td>{n}</td><td>某某商贸有限公司{n}</td><td>某市监罚〔2021〕{n}号</td><td>销售不合格产品</td>"
        f"<td>罚款{n}000元</td></tr>"
        for n in range(1, 6)
    )
    html = page(
        f"<p>{PROSE}</p><table><thead><tr><th>序号</th><th>当事人</th><th>文书号</th><th>违法行为</th>"
        f"<th>处罚内容</th></tr></thead><tbody>{rows}<tr><td colspan='4'>合计</td><td rowspan='1'>罚款15000元</td>"
        "</tr></tbody></table>"
    )
    doc = bf.parse(html.encode("utf-8"))
    (table,) = tables(doc)
    assert table.header_rows == 1 and table.rows is not None
    assert [c.text for c in table.rows[0]] == ["序号", "当事人", "文书号", "违法行为", "处罚内容"]
    assert all(c.header for c in table.rows[0]) and not any(c.header for c in table.rows[1])
    assert table.rows[-1][0].colspan == 4 and table.rows[-1][0].text == "合计"
    assert table.text.splitlines()[1] == "1 某某商贸有限公司1 某市监罚〔2021〕1号 销售不合格产品 罚款1000元"
    assert doc.articles[0].blocks[0].text == PROSE  # the table stays in its place after the paragraph


def test_the_table_that_is_the_content_wins_over_a_list_of_links():
    names = "".join(
        f"<tr><td>{n}</td><td>张某{n}</td><td>某某县第{n}中学</td><td>高级教师</td></tr>" for n in range(1, 13)
    )
    links = "".join(f"<li><a href='/n{n}'>某某市召开第{n}次工作推进会议部署有关工作</a></li>" for n in range(30))
    html = page(f"<table>{names}</table>", title="2021年度优秀教师名单").replace(
        "<div class='footer'>", f"<div class='side'><ul>{links}</ul></div><div class='footer'>"
    )
    doc = bf.parse(html.encode("utf-8"))
    (table,) = tables(doc)
    assert len(table.rows or []) == 12
    assert not any("工作推进会议" in b.text for a in doc.articles for b in a.blocks)


def test_layout_tables_and_metadata_tables_are_told_apart_from_data_tables():
    grid = (
        "<table><tr><td><table><tr><td>导航</td><td>首页</td></tr></table></td>"
        f"<td><p>{PROSE}</p></td></tr></table>"
    )
    assert verdict(grid) == "layout_nested"
    frame = (
        "<table><tr><td colspan='2'><b>某某市召开工作会议</b></td></tr>"
        "<tr><td>2021-03-05</td><td>来源：某某网</td></tr></table>"
    )
    assert verdict(frame) == "layout_shape"
    article_cell = (
        f"<table><tr><td>正文</td><td><p>{PROSE * 4}</p><p>{PROSE}</p></td></tr>"
        "<tr><td>a</td><td>b</td></tr></table>"
    )
    assert verdict(article_cell) == "layout_prose"
    menu = "<table>" + "".join(
        f"<tr><td><a href='#'>栏目{n}</a></td><td><a href='#'>专题{n}</a></td></tr>" for n in range(5)
    )
    table = lxml_html.fromstring(menu + "</table>")
    assert classify_table(table, table_texts(table, frozenset(), lambda el: False), 40).reason == "layout_links"
    info = (
        "<table><tr><td>索引号：</td><td>000-2021-001</td><td>主题分类：</td><td>综合政务</td></tr>"
        "<tr><td>发文机关：</td><td>某某市人民政府</td><td>成文日期：</td><td>2021年03月05日</td></tr>"
        "<tr><td>发文字号：</td><td>某政发〔2021〕5号</td><td>发布日期：</td><td>2021年03月08日</td></tr></table>"
    )
    assert verdict(info) == "info_table"
    doc = bf.parse(page(info + f"<p>{PROSE}</p>", title="某某市人民政府关于印发某某办法的通知").encode("utf-8"))
    assert doc.header.doc_number == "某政发〔2021〕5号" and doc.header.issuer == "某某市人民政府"
    assert not tables(doc)


def test_a_tab_separated_table_in_plain_text_is_one_table_block():
    text = (
        "某某县2020年主要经济指标\n\n全县经济运行总体平稳，主要指标如下表所示，各项指标均完成年度目标。\n"
        "指标\t单位\t完成数\t增长%\n地区生产总值\t亿元\t120.5\t6.2\n一般公共预算收入\t亿元\t10.2\t4.1\n"
        "固定资产投资\t亿元\t88.0\t8.5\n下一步，全县将继续巩固经济回升向好态势，推动高质量发展。\n\n"
        "某某县统计局        2021年1月20日\n"
    )
    doc = bf.parse(text)
    (table,) = tables(doc)
    assert table.header_rows == 1 and len(table.rows or []) == 4
    assert doc.articles[0].signatures[0].organ == "某某县统计局"


def test_a_table_at_the_top_whose_first_cell_a_later_line_repeats_is_not_cut():
    # the glued-title rule looks for a title glued to one of the first lines and repeated later; a table
    # among those lines is one unit and must not be cut (it raised IndexError)
    text = (
        "统计表\n\n全县主要经济指标\t单位\t完成数\t增长%\n地区生产总值\t亿元\t120.5\t6.2\n"
        "一般公共预算收入\t亿元\t10.2\t4.1\n固定资产投资\t亿元\t88.0\t8.5\n\n"
        "全县经济运行总体平稳，各项指标均完成年度目标，主要指标如上表所示。\n"
        "全县主要经济指标\n正文结束。\n"
    )
    doc = bf.parse(text)
    (table,) = tables(doc)
    assert [c.text for c in (table.rows or [])[0]] == ["全县主要经济指标", "单位", "完成数", "增长%"]


def test_space_aligned_columns_are_a_table_but_signature_lines_are_not():
    text = (
        "某某县2020年主要经济指标\n\n全县经济运行总体平稳，主要指标如下表所示，各项指标均完成年度目标。\n"
        "  指标            单位    完成数    增长\n  地区生产总值    亿元    120.5     6.2\n"
        "  财政收入        亿元    10.2      4.1\n  固定资产投资    亿元    88.0      8.5\n"
        "下一步，全县将继续巩固经济回升向好态势，推动高质量发展。\n\n"
        "某某县统计局        2021年1月20日\n某某县发展和改革局  2021年1月20日\n某某县财政局        2021年1月20日\n"
    )
    doc = bf.parse(text)
    (table,) = tables(doc)
    assert [c.text for c in (table.rows or [[]])[1]] == ["地区生产总值", "亿元", "120.5", "6.2"]


def test_table_cells_are_never_lost():
    from bulletin_format.audit import lost_characters

    text = (
        "某某名单\n\n名单如下，请各单位认真核对，如有疑问及时反馈，确保信息准确无误。\n"
        "姓名\t单位\t职务\n张某\t甲局\t科长\n李某\t乙局\t副科长\n"
    )
    assert lost_characters(text, bf.parse(text, normalize=False)) == {}

"""The 引题 over a headline, and the labels that stand there but are none: a breadcrumb's last crumb, a
newspaper page label, a forum's counter bar, a person's name, a site's Latin name, a menu of short words,
an item of a numbered list (own pages, one per kind)."""

from __future__ import annotations

import pytest

import bulletin_format as bf

BODY = "".join(
    f"<p>第{n}段：河川县今年新建农村书屋四十余家，村民在家门口就能借书读书，文化生活日益丰富，"
    f"县里还组织志愿者定期开展读书分享活动，受到群众普遍欢迎。</p>"
    for n in "一二三四"
)


def page(above_title: str) -> str:
    return (
        "<html><head><meta charset='utf-8'><title>河川农家书屋点亮乡村生活_河川网</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/n/'>新闻</a> <a href='/z/'>政务</a></div>"
        f"<div class='top'>{above_title}</div>"
        "<h1>河川农家书屋点亮乡村生活</h1>"
        f"<div class='content'>{BODY}</div>"
        "<div class='foot'>版权所有 河川网 备案号12345678</div></body></html>"
    )


def test_a_phrase_over_the_headline_is_its_kicker() -> None:
    doc = bf.parse(page("坚持文化惠民　书香浸润乡村"))
    art = doc.articles[0]
    assert art.title == "河川农家书屋点亮乡村生活"
    assert art.kicker == "坚持文化惠民　书香浸润乡村"


@pytest.mark.parametrize(
    "label",
    [
        "正文",  # a breadcrumb's last crumb
        "第03版：要闻",  # a newspaper's page label
        "查看：2863|回复：12",  # a forum's counter bar
        "王小明",  # a person's name
        "Hechuan blog——读书",  # a site's name, mostly Latin
        "新闻　频道",  # a menu of short words
        "二十三、书香",  # an item of a numbered list
    ],
)
def test_a_label_over_the_headline_is_no_kicker_and_is_recorded(label: str) -> None:
    doc = bf.parse(page(label))
    art = doc.articles[0]
    assert art.title == "河川农家书屋点亮乡村生活"
    assert art.kicker is None
    assert label not in bf.convert(page(label), to="txt")
    removed = [r.text for r in doc.removed]
    assert any(label.replace("：", ":")[:2] in text or label[:2] in text for text in removed)  # recorded

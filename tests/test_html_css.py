"""readers/html_css.py: what a page's own style sheets hide, as a desktop browser applies them."""

from __future__ import annotations

import pytest

import bulletin_format as bf
from bulletin_format.readers.html_css import hiding_selectors

PARA = "<p>东岭县各乡镇要切实加强秸秆综合利用工作，确保各项任务按期完成，及时回应群众关切。</p>"


@pytest.mark.parametrize(
    ("css", "selectors"),
    [
        (".hidden{display:none}", [".hidden"]),
        ("div.print-copy , #mobile { visibility : hidden !important }", ["div.print-copy", "#mobile"]),
        ("@media (min-width:768px){.visible-xs{display:none!important}}", [".visible-xs"]),
        ("@media screen and (min-width: 992px) { .m-only { display: none } }", [".m-only"]),
        # a narrow screen's or a printer's rules are not a desktop screen's
        ("@media (max-width:767px){.hidden-xs{display:none}} @media print{.no-print{display:none}}", []),
        # compound selectors depend on more than one element: left alone; so is a rule that shows
        (".nav li a:hover{display:none} .box > p{display:none} .show{display:block}", []),
        ("/* .old{display:none} */ .new{color:red;display:none;}", [".new"]),
    ],
)
def test_hiding_selectors(css: str, selectors: list[str]) -> None:
    assert hiding_selectors(css) == selectors


@pytest.mark.parametrize(
    "markup",
    [
        # a phone's copy, hidden on a wide screen by a media rule
        ("<style>@media (min-width:768px){.visible-xs{display:none!important}}</style>",
         "<div class='hidden-xs'>{t}</div><div class='visible-xs'>{t}</div>"),
        # a printer's copy, hidden by a class rule at the end of the page
        ("", "<div id='c'>{t}</div><div class='print-area hidden'>{t}</div><style>.hidden{display:none}</style>"),
    ],
)
def test_a_copy_of_the_article_the_style_sheet_hides_is_read_once(markup: tuple[str, str]) -> None:
    head, body = markup
    article = f"<h1>东岭县召开秸秆综合利用推进会</h1>{PARA}<p>会议还对近期重点工作作了部署。</p>"
    page = (f"<html><head><meta charset='utf-8'><title>东岭县召开秸秆综合利用推进会</title>{head}</head><body>"
            + body.replace("{t}", article) + "</body></html>")
    doc = bf.parse(page.encode("utf-8"))
    assert [b.text[:4] for a in doc.articles for b in a.blocks] == ["东岭县各", "会议还对"]
    assert doc.articles[0].title == "东岭县召开秸秆综合利用推进会"
    assert sum(1 for r in doc.removed if r.reason == "hidden") >= 3  # the copy, recorded

"""民國 (Republic of China) dates in Taiwan pages, and the head of a 纪要 (GB/T 9704 §10.3).

Pages invented for these tests: the kinds of trap, not any site's text."""

from __future__ import annotations

from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.normalize.dates import ROC_LATEST, find_dates, is_date_only, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("中華民國113年5月6日", "2024-05-06"),
        ("中华民国113年5月6日", "2024-05-06"),  # the Simplified shadow of a Traditional page
        ("民國99年5月6日", "2010-05-06"),  # not 1999: the era word says whose year it is
        ("民國九十九年五月六日", "2010-05-06"),
        ("中華民國一百十三年五月六日", "2024-05-06"),
        ("民國113/05/06", "2024-05-06"),
        ("113年5月6日", "2024-05-06"),
        ("113-05-06", "2024-05-06"),
        ("113/05/06", "2024-05-06"),
        ("113.5.6", "2024-05-06"),
        ("發布日期：113-05-06", "2024-05-06"),
        ("發布日期 112/03/08\n發布單位 社會局", "2023-03-08"),
        ("发文日期：112-01-14\u3000发布单位：环境保护局", "2023-01-14"),
    ],
)
def test_roc_dates_are_read(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_roc_date_with_time_and_whole_line() -> None:
    assert [d.iso for d in find_dates("113-05-06 10:20")] == ["2024-05-06T10:20"]
    assert is_date_only("中華民國113年5月6日")
    assert is_date_only("113/05/06")


@pytest.mark.parametrize(
    "text",
    [
        "电话 113-05-06",  # three numbers inside a sentence: no label says they are a date
        "113-05-06 号楼",
        "第113-05-06项",
        "1.2.3",  # a section number
        "11.2.3",
        f"{ROC_LATEST + 1}-01-01",  # a year that has not come yet
        "999-05-06",
        "113-13-06",  # no such month
        "民国38年",  # a year alone is no full date
    ],
)
def test_not_roc_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024年5月6日", "2024-05-06"),
        ("05年2月19日", "2005-02-19"),  # a two-digit year before 年 stays a short year
        ("2005-02-19", "2005-02-19"),
        ("2005/2/19", "2005-02-19"),
        ("二〇〇五年二月十九日", "2005-02-19"),
        ("2113-05-06", "2113-05-06"),
    ],
)
def test_other_dates_unchanged(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def _convert(tmp_path: Path, html: str) -> bf.Document:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    return bf.parse(page)


_TW_NEWS = (
    "<html><head><meta charset='utf-8'><title>本市擴大社區共餐服務-某某市政府</title></head><body>"
    "<div>首頁 &gt; 市政新聞</div><div id='main'><h2>本市擴大社區共餐服務</h2>"
    "<dl><dt>發布日期</dt><dd>{date}</dd><dt>發布單位</dt><dd>衛生局</dd></dl><div class='txt'>"
    "<p>市府今年再增設十二處社區共餐據點，讓獨居長者就近用餐，並由志工定期關懷訪視，協助長者維持良好的生活作息與健康狀況。</p>"
    "<p>衛生局表示，各據點也將結合健康講座與體能活動，鼓勵長者走出家門參與社區活動，預計年底前服務人數可再增加三成。</p>"
    "</div></div></body></html>"
)


@pytest.mark.parametrize("printed", ["112-11-03", "112/11/03", "112年11月3日", "中華民國112年11月3日"])
def test_roc_publication_date_of_a_taiwan_page(tmp_path: Path, printed: str) -> None:
    doc = _convert(tmp_path, _TW_NEWS.format(date=printed))
    assert doc.header.date == "2023-11-03"
    assert doc.metadata.published == "2023-11-03"


_MINUTES = (
    "<html><head><meta charset='utf-8'><title>某某县人民政府专题会议纪要</title></head><body>"
    "<h1>某某县人民政府专题会议纪要</h1>{head_out}<div class='con'>{head_in}"
    "<p>2023年8月14日，张某同志主持召开专题会议，研究城区排水设施改造等事项。现将会议议定事项纪要如下：</p>"
    "<p>一、关于城区排水设施改造有关事项</p>"
    "<p>会议要求，住建部门要在汛期前完成老旧管网排查，对易涝点逐一制定改造方案，明确责任单位和完成时限。</p>"
    "<p>出席：张某、李某、王某</p></div></body></html>"
)
_HEAD = (
    "<p style='text-align:center'>〔2023〕12号</p>"
    "<p style='text-align:right'>某某县人民政府办公室　　　2023年8月14日</p>"
)


@pytest.mark.parametrize("inside", [True, False])
def test_minutes_head_fills_the_header(tmp_path: Path, inside: bool) -> None:
    html = _MINUTES.format(head_in=_HEAD if inside else "", head_out="" if inside else _HEAD)
    doc = _convert(tmp_path, html)
    h = doc.header
    assert (h.doc_number, h.issuer, h.date) == ("〔2023〕12号", "某某县人民政府办公室", "2023-08-14")
    texts = [b.text for b in doc.articles[0].blocks]
    assert texts[0].startswith("2023年8月14日，张某同志")  # the head left the text
    assert not any("〔2023〕12号" in t for t in texts)


def test_bare_number_under_another_title_is_left_alone(tmp_path: Path) -> None:
    html = _MINUTES.format(head_in=_HEAD, head_out="").replace("专题会议纪要", "专题会议情况")
    doc = _convert(tmp_path, html)
    assert doc.header.doc_number is None
    assert doc.articles[0].blocks[0].text == "〔2023〕12号"

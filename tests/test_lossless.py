"""Nothing is lost: every character of the input is in a document field or in ``removed``."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bulletin_format as bf
from bulletin_format.audit import lost_characters
from bulletin_format.readers.encoding import decode_bytes
from bulletin_format.readers.html_strip import visible_text

from .conftest import FIXTURES, SEEDS

TEXT_INPUTS = [*SEEDS, *sorted((FIXTURES / "text").glob("*.txt"))]
HTML_INPUTS = sorted((FIXTURES / "html").glob("*.html"))


@pytest.mark.parametrize("path", TEXT_INPUTS, ids=lambda p: p.name)
def test_text_inputs_lose_nothing(path):
    text = path.read_text(encoding="utf-8")
    assert lost_characters(text, bf.parse(path, normalize=False)) == {}
    assert lost_characters(text, bf.parse(path), content_only=True) == {}


@pytest.mark.parametrize("path", HTML_INPUTS, ids=lambda p: p.name)
def test_html_visible_text_is_kept(path):
    # against an extraction independent of the reader (a linear scan of the markup), so that text the
    # reader itself failed to collect (past a depth limit, in a hidden element) counts as lost
    visible = visible_text(decode_bytes(path.read_bytes()).text)
    assert lost_characters(visible, bf.parse(path, normalize=False)) == {}
    assert lost_characters(visible, bf.parse(path), content_only=True) == {}


# Generated documents: lines of the kinds the rules act on, in random order and number.
_LINES = st.sampled_from(
    [
        "首页 > 新闻中心 > 正文",
        "2019-10-23 09:05:12 来源：某某报",
        "【打印】【关闭】",
        "Copyright © 2020 某某网 版权所有",
        "扫一扫在手机打开当前页",
        "相关新闻",
        "（责任编辑：赵红）",
        "某市召开全市工作会议",
        "——在全市工作会议上的讲话",
        "一、总体要求",
        "（二）工作目标",
        "●某县建立农村互助制度。",
        "报：市委办公室，市政府办公室",
        "抄送：市人大常委会办公室。",
        "某某办公室               2005年2月19 日",
        "第3期",
        "这是一段正文，内容讲述了某地开展工作的具体情况，并提出了下一步的工作打算。",
        "会议强调，要加强组织领导，",
        "确保各项任务落到实处。来源:某某网责编:章某",
        "索 引 号：",
        "发文机关：",
        "2020年01月02日",
        "target=\"_blank\">链接文字",
        "\ufeff零宽字符之后的正文，内容完整。",
    ]
)
_FREE = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_LINES, _LINES, _FREE), min_size=1, max_size=25))
def test_generated_text_loses_nothing(lines):
    text = "\n".join(lines)
    try:
        doc = bf.parse(text, normalize=False)
    except bf.BulletinFormatError:
        return  # empty, binary-looking or otherwise refused input: refusing is not losing
    assert lost_characters(text, doc) == {}


def test_full_width_letters_and_digits_normalised_to_ascii_are_not_lost():
    text = "某某市召开会议\n会议强调，要在２０２１年完成ＡＢＣ项目，确保各项任务落到实处，推动工作取得新成效。\n"
    doc = bf.parse(text)
    assert "2021年" in doc.articles[0].blocks[0].text  # normalised
    assert lost_characters(text, doc, content_only=True) == {}

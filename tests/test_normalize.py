"""The normalisation pass: each rule by example, the counts, the fields it touches, and its properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import bulletin_format as bf
from bulletin_format import clean, segment
from bulletin_format.model import (
    Article,
    Attachment,
    Block,
    DistributionLine,
    Document,
    Header,
    PageMetadata,
    Removed,
    Signature,
)
from bulletin_format.normalize import RULES, normalize_document, normalize_text
from bulletin_format.normalize.dates import (
    close_date_spaces,
    find_dates,
    format_gbt,
    is_date_only,
    parse_date,
    parse_datetime,
    single_dates,
    to_iso,
)
from bulletin_format.pipeline import Options
from bulletin_format.readers import read

from .conftest import SEEDS


def norm(text: str, profile: str = "body") -> tuple[str, dict[str, int]]:
    counts: dict[str, int] = {}
    return normalize_text(text, profile, counts), counts  # type: ignore[arg-type]


# --- each rule by example -----------------------------------------------------------------------------

EXAMPLES = [
    # punctuation width
    ("占总户数的10,比上年增长25.8;春节期间", "占总户数的10，比上年增长25.8；春节期间", {"punctuation_width": 2}),
    ("需要强调的是:全区", "需要强调的是：全区", {"punctuation_width": 1}),
    ("能不能?一定能!", "能不能？一定能！", {"punctuation_width": 2}),
    ("消息(记者桂园、柴安东)山东", "消息（记者桂园、柴安东）山东", {"punctuation_width": 2}),
    ("世界贸易组织(WTO)成立", "世界贸易组织（WTO）成立", {"punctuation_width": 2}),
    ("(二)组织开展", "（二）组织开展", {"punctuation_width": 2}),
    ("时间:10:24,比例3:1,共1,000人", "时间：10:24，比例3:1，共1,000人", {"punctuation_width": 3}),
    ("f(x) = a, b; c: d? e!", "f(x) = a, b; c: d? e!", {}),
    ("增长20.3%", "增长20.3%", {}),
    # quotes
    ('他说:"你好",然后走了', "他说：“你好”，然后走了", {"quotes": 2, "punctuation_width": 2}),
    ("“两深入\"和\"三满意”", "“两深入”和“三满意”", {"quotes": 2}),
    ("他说'好'吧", "他说‘好’吧", {"quotes": 2}),
    ("don't 说“好”", "don't 说“好”", {}),
    ('He said "hi"', 'He said "hi"', {}),
    # ellipsis
    ("等等...然后", "等等……然后", {"ellipsis": 1}),
    ("好。。。吧", "好……吧", {"ellipsis": 1}),
    ("好…吧", "好……吧", {"ellipsis": 1}),
    ("好……吧", "好……吧", {}),
    ("Wait... what", "Wait... what", {}),
    # dash
    ("这是―破折号", "这是——破折号", {"dash": 1}),
    ("这是――破折号", "这是——破折号", {"dash": 1}),
    ("这是--破折号", "这是——破折号", {"dash": 1}),
    ("ls --all", "ls --all", {}),
    ("北京—上海", "北京—上海", {}),
    # full-width letters and digits
    ("ＭＴＶ在２００５年", "MTV在2005年", {"fullwidth_alnum": 7}),
    # invisible characters
    ("\ufeff中文\u200b字\u00ad", "中文字", {"invisible": 3}),
    # spacing
    ("2005年2月19 日", "2005年2月19日", {"spacing": 1}),
    ("2005 年 2 月 19 日", "2005年2月19日", {"spacing": 5}),
    ("  2月3日 下午，党员", "2月3日下午，党员", {"spacing": 2}),
    ("行动迅速  开局良好", "行动迅速\u3000开局良好", {"spacing": 1}),
    ("第一章\u3000总\u3000则", "第一章\u3000总\u3000则", {}),
    ("快\u00a0\u00a01月17日", "快\u30001月17日", {"spacing": 1}),
    ("为抓手， 讲求实效", "为抓手，讲求实效", {"spacing": 1}),
    ("拍成 MTV 传唱", "拍成 MTV 传唱", {}),
    ("Hello\u00a0  world", "Hello world", {"spacing": 1}),
    ("见 http://www.sina.com.cn/a,b?x=1 谢谢,好", "见 http://www.sina.com.cn/a,b?x=1 谢谢，好",
     {"punctuation_width": 1}),
]


@pytest.mark.parametrize(("text", "want", "counts"), EXAMPLES, ids=[e[0][:12] for e in EXAMPLES])
def test_rule_examples(text, want, counts):
    got, got_counts = norm(text)
    assert got == want
    assert got_counts == counts


def test_title_profile_keeps_a_single_space_as_a_separator():
    assert norm("结穷亲解民忧 深入基层送温暖", "title") == ("结穷亲解民忧\u3000深入基层送温暖", {"spacing": 1})
    assert norm("结穷亲解民忧 深入基层送温暖", "body") == ("结穷亲解民忧深入基层送温暖", {"spacing": 1})


def test_date_profile_fixes_spacing_but_not_punctuation():
    assert norm("２００５年2月19 日", "date") == ("2005年2月19日", {"fullwidth_alnum": 4, "spacing": 1})
    assert norm("2005.2.19", "date") == ("2005.2.19", {})


def test_rule_names_are_the_documented_kinds():
    assert [name for name, _ in RULES] == [
        "invisible", "fullwidth_alnum", "quotes", "dash", "ellipsis", "punctuation_width", "spacing",
    ]


# --- properties -----------------------------------------------------------------------------------------

ALPHABET = (
    "中文字党员年月日第一章总则〇二"  # Han
    "aZx09１２Ａｚ"  # Latin, digits, full-width forms
    ",;:?!()\"'.-―—…。，；：？！（）“”‘’《》、·%/"  # punctuation
    " \t\u00a0\u3000\ufeff\u200b"  # spaces and invisible characters
)
FRAGMENTS = ["http://a.cn/x,y", "www.b.com", "a@b.cn", "2005年2月19 日", "二〇〇五年 二月", "10:24", "1,000", "...",
             "--", "――", "。。。", "……", "⋯", "＂", "－"]
texts = st.lists(st.one_of(st.text(alphabet=ALPHABET, max_size=8), st.sampled_from(FRAGMENTS)), max_size=8).map("".join)
profiles = st.sampled_from(["body", "title", "date"])
# inputs that once broke a property (kept as regression examples)
FOUND = ["::·", "·:...", "一--...", ":···", "·...:...", "－ －二〇〇五年 二月", "http://a.cn/x,ya@b.cn", "⋯...",
         ":(0·)"]


def with_found(test):
    for text in FOUND:
        test = example(text, "body")(test)
    return test


def content(text: str) -> list[str]:
    """Letters and digits (CJK included), width-folded: what normalisation must never lose."""
    return [unicodedata.normalize("NFKC", c) for c in text if unicodedata.category(c)[0] in "LN"]


@settings(max_examples=400, deadline=None)
@given(texts, profiles)
@with_found
@example("“a\"，b", "body")
@example("中 , 文", "body")
@example("1 . . . 中", "body")
@example("http://a.cn 中", "body")
def test_normalising_twice_changes_nothing(text, profile):
    once, _ = norm(text, profile)
    twice, counts = norm(once, profile)
    assert twice == once
    assert counts == {}


@settings(max_examples=400, deadline=None)
@given(texts, profiles)
@with_found
def test_no_content_character_is_lost(text, profile):
    out, _ = norm(text, profile)
    assert content(out) == content(text)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_nothing_to_count_means_nothing_changed(text):
    out, counts = norm(text)
    assert (out == text) == (not counts)


# --- the document ------------------------------------------------------------------------------------------

DIRTY = "  文字,内容 "
CLEAN = "文字，内容"


def dirty_document() -> Document:
    blocks = [Block("heading", DIRTY, 1), Block("paragraph", DIRTY), Block("attachment_note", DIRTY)]
    return Document(
        header=Header(issuer=DIRTY, bulletin=DIRTY, issue=DIRTY, date=None, date_text="2005年2月19 日",
                      doc_number=DIRTY, doc_number_text=DIRTY, signer=DIRTY, copy_number=DIRTY, secrecy=DIRTY,
                      urgency=DIRTY),
        toc=[DIRTY],
        articles=[Article(
            title=DIRTY, title_lines=[DIRTY], subtitle=DIRTY, blocks=blocks, addressee=DIRTY,
            signatures=[Signature(DIRTY, None, "二〇〇五年 二月十九日")], notes=[DIRTY],
            attachments=[Attachment("附件1", DIRTY, [Block("paragraph", DIRTY)])],
        )],
        distribution=[DistributionLine("报", DIRTY, [DIRTY])],
        metadata=PageMetadata(url="http://a.cn/x,y", site=DIRTY, title=DIRTY, origin=DIRTY, author=DIRTY,
                              editor=DIRTY),
        removed=[Removed(DIRTY, "nav")],
    )


def test_every_text_field_is_normalised():
    doc = dirty_document()
    normalize_document(doc, Options())
    h, art = doc.header, doc.articles[0]
    fields = [h.issuer, h.bulletin, h.issue, h.doc_number, h.signer, h.copy_number, h.secrecy, h.urgency,
              *doc.toc, art.title, *art.title_lines, art.subtitle, *(b.text for b in art.blocks), art.addressee,
              art.signatures[0].organ, *art.notes, art.attachments[0].title,
              *(b.text for b in art.attachments[0].blocks), doc.distribution[0].text,
              *doc.distribution[0].recipients, doc.metadata.origin, doc.metadata.author, doc.metadata.editor]
    assert fields == [CLEAN] * len(fields)
    assert (h.date_text, h.date) == ("2005年2月19日", "2005-02-19")
    assert (art.signatures[0].date_text, art.signatures[0].date) == ("二〇〇五年二月十九日", "2005-02-19")
    assert doc.normalization == {"punctuation_width": 25, "spacing": 52}


def test_urls_page_title_printed_number_and_removed_stay_as_printed():
    doc = dirty_document()
    normalize_document(doc, Options())
    assert doc.metadata.url == "http://a.cn/x,y"
    assert doc.metadata.title == DIRTY
    assert doc.metadata.site == DIRTY
    assert doc.header.doc_number_text == DIRTY
    assert doc.removed[0].text == DIRTY


def test_normalize_false_changes_nothing():
    doc = dirty_document()
    before = doc.to_dict()
    normalize_document(doc, Options(normalize=False))
    assert doc.to_dict() == before


def test_normalising_a_document_twice_changes_nothing():
    doc = bf.parse(SEEDS[4])
    once = doc.to_dict()
    normalize_document(doc, Options())
    assert doc.to_dict() == once


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_normalize_false_is_the_segmented_text(path):
    state = read(path)
    clean.run(state)
    segmented = segment.run(state).to_dict()
    doc = bf.parse(path, normalize=False)
    assert doc.normalization == {}
    assert doc.to_dict() == segmented


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem[:3])
def test_seed_normalisation_keeps_every_letter_and_digit(path):
    raw, done = bf.parse(path, normalize=False), bf.parse(path)
    texts_raw = [b.text for a in raw.articles for b in a.blocks]
    texts_done = [b.text for a in done.articles for b in a.blocks]
    assert [content(t) for t in texts_done] == [content(t) for t in texts_raw]


def test_seed_counts():
    assert bf.parse(SEEDS[0]).normalization == {"spacing": 1}
    counts = bf.parse(SEEDS[4]).normalization
    assert counts["punctuation_width"] > 500
    doc = bf.parse(SEEDS[2])
    assert doc.articles[0].title_lines[1] == "行动迅速\u3000开局良好"


# --- dates ---------------------------------------------------------------------------------------------------

ISO_FORMS = [
    ("2005年2月19日", "2005-02-19"),
    ("2005年2月19 日", "2005-02-19"),
    ("二〇〇五年二月十九日", "2005-02-19"),
    ("二○○五年二月十九日", "2005-02-19"),
    ("2005-02-19", "2005-02-19"),
    ("2005/2/19", "2005-02-19"),
    ("2005.2.19", "2005-02-19"),
    ("05年2月19日", "2005-02-19"),
    ("２００５年２月１９日", "2005-02-19"),
    ("2005年02月01日10:24", "2005-02-01T10:24"),
    ("2005年2月", "2005-02"),
    ("二〇〇五年二月", "2005-02"),
    ("2005-02", "2005-02"),
    ("2005年", "2005"),
    ("二○○五年", "2005"),
    ("05年", "2005"),
    ("九八年", "1998"),
    ("共3年", None),
    ("没有日期", None),
]


@pytest.mark.parametrize(("text", "iso"), ISO_FORMS)
def test_to_iso(text, iso):
    assert to_iso(text) == iso


@pytest.mark.parametrize(("text", "want"), [
    ("2005年2月19 日", "2005年2月19日"),
    ("2005 年 2 月 19 日", "2005年2月19日"),
    ("二〇〇五年 二月十九日", "二〇〇五年二月十九日"),
    ("2月 3日下午", "2月3日下午"),
    ("2005年 我们", "2005年 我们"),
])
def test_close_date_spaces(text, want):
    assert close_date_spaces(text)[0] == want


@pytest.mark.parametrize("text, want", [
    ("（2019年3月5日）", ["2019-03-05"]),  # a speech's 题注
    ("——2026年2月3日在某某省人民代表大会上", ["2026-02-03"]),  # its opening —— is no span
    ("（2004年12月11－12日，某某大学）", []),  # a meeting's span of days
    ("（2023年5月15日至16日，东校区）", []),
    ("2023年5月15日—2023年5月16日", []),
    ("2023年5月15日 - 5月16日", []),
    ("2023年5月15日～17日举行，2023年6月1日发布", ["2023-06-01"]),
])
def test_single_dates_leave_out_a_span_of_days(text, want):
    assert [d.iso for d in single_dates(text)] == want


def test_existing_date_functions_keep_their_behaviour():
    assert [d.iso for d in find_dates("2005年2月19日和2019-10-23 09:05:12")] == ["2005-02-19", "2019-10-23T09:05"]
    assert find_dates("2005年2月") == []
    assert find_dates("05.2.19") == []
    assert parse_date("2005年02月01日10:24") == "2005-02-01"
    assert parse_datetime("2005年02月01日10:24") == "2005-02-01T10:24"
    assert is_date_only(" 2005年2月19日 ") and not is_date_only("2005年2月19日讲话")
    assert format_gbt("2005-02-09") == "2005年2月9日"

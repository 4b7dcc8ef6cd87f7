"""The boilerplate rules, in the order they run. Each one's name is the reason users see.

Line rules look at one line at a time (``LINE_RULES``: a predicate per kind of chrome). Structural
rules look at the page as a whole: crawler fragments, a title glued to the body, the title printed
again, and the page tail after the document ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from itertools import pairwise

from ..lines import Line, PassState
from ..normalize.dates import find_dates, is_date_only
from ..patterns import (
    INFO_TABLE_LABELS,
    ORGAN_END,
    SENTENCE_END,
    SPEECH_NOTE,
    URL,
    canon,
    cjk_count,
    heading_level,
    is_prose,
    is_subtitle,
    is_title_like,
    normalize_doc_number,
)
from ..segment.articles import byline_at
from ..segment.distribution import match_line
from .pages import page_break_join, page_number, running_head

Rule = Callable[[PassState], None]

# ---------------------------------------------------------------------------------------------
# Field labels of bylines and credits, and what metadata field each fills.
_FIELD_LABELS = {
    "origin": r"来源于|来源|稿源|信息来源|文章来源|新闻来源|出处|转自|供稿",
    "author": r"作者|记者|撰稿|撰文|作\s*者|通讯员",
    "editor": r"责任编辑|责编|编辑|值班编辑|网络编辑",
    "published": r"发布时间|发表时间|发布日期|更新时间|时间|日期|发文日期",
    "views": r"阅读量|阅读次数|阅读|浏览次数|浏览量|浏览|点击数|点击量|点击|访问量|访问次数",
}
_ANY_LABEL = "|".join(_FIELD_LABELS.values())
_LABEL_VALUE = re.compile(
    rf"(?P<label>{_ANY_LABEL})\s*[:：/]\s*(?P<value>.*?)(?=\s*(?:{_ANY_LABEL})\s*[:：/]|\s{{2,}}|[|｜】\]）)]|$)"
)
# what _LABEL_VALUE starts with: its value (lazy, up to a lookahead that `$` ends) then always matches
# within a line, so in a text without a line break this finds a labelled field at a fraction of the cost
_LABEL_HEAD = re.compile(rf"(?:{_ANY_LABEL})\s*[:：/]")
_FIELD_OF = {}
for _field, _alts in _FIELD_LABELS.items():
    for _alt in _alts.split("|"):
        _FIELD_OF[_alt.replace("\\s*", "")] = _field
_FIELD_STARTS = tuple(_FIELD_OF)  # a byline may open with a bare label

_SENTENCE = re.compile("[。？！?!，,；;]")
_TEXT_CHAR = re.compile(r"[^\W_]")  # a letter, a digit or a CJK character
_LONE_LABEL = re.compile(rf"^[【\[（(]?\s*(?:{_ANY_LABEL}|字体|字号)\s*[:：]\s*$")
_BREADCRUMB_LEAD = re.compile(r"^(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|位置)\s*[:：]")
_CRUMB_SEP = re.compile(r"\s*(?:>>|>|»|›|＞|→|/|\\)\s*")
_CRUMB_ARROW = re.compile("[>»›＞→]")
_SHARE_TOKENS = re.compile(
    r"打印|关闭|分享|收藏|纠错|评论|推荐|字号|字体|返回顶部|打印本页|关闭窗口|复制链接|转发|下载|放大|缩小|大\s*中\s*小"
)
_BRACKETED = re.compile(r"[【\[]([^】\]]{0,12})[】\]]?")
# a site footer says so in words no document uses …
# (two searches: the Latin words in any case, the Chinese words as printed — they have no case, and a
# search that ignores case is several times slower)
_COPYRIGHT_LATIN_WORDS = re.compile(r"copyright|all rights reserved|icp\s*[备证]|©", re.IGNORECASE)
_COPYRIGHT_WORDS = re.compile(
    "版权所有|公网安备|网站标识码|违法和不良信息|不良信息举报|版权声明|未经授权|禁止转载|备案号"
)
# … or in words a short line of a document may also hold, so only on short lines without a sentence
_FOOTER_WORDS = re.compile(
    r"^(?:[\W_]*(?:主办|承办|协办|技术支持|维护|运维|管理|设计制作)(?:单位)?\s*[:：])|网站地图|联系我们|关于我们|免责声明|"
    r"隐私政策|举报电话|举报邮箱|建议使用.{0,20}浏览器|最佳分辨率|分辨率.{0,6}\d{3,4}\s*[*×xX]|"
    r"^(?:[\W_]*(?:特别)?声明|风险提示|郑重声明)\s*[:：]",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^[\W_]*(?:特别|郑重|免责)?声明\s*[:：].{0,160}(?:仅供参考|不构成|风险自担|与本站无关|不代表)"
)
_QR = re.compile(r"扫一扫|二维码|扫码|微信扫|手机扫|手机打开|用手机|关注我们|微信公众号|官方微博|客户端下载|下载客户端")
_RELATED_HEAD = re.compile(
    r"^[\W_]{0,4}\s*(?:相关(?:文章|阅读|新闻|链接|报道|推荐|话题|专题|稿件|内容|资讯|信息)|推荐阅读|延伸阅读|扩展阅读|热点(?:新闻|推荐|文章|图片)?|"
    r"热门(?:文章|推荐|新闻|点击)|猜你喜欢|精彩推荐|为你推荐|最新(?:文章|新闻|推荐|更新)|更多(?:新闻|文章|精彩|推荐|专题)|"
    r"上一篇|下一篇|上一条|下一条|点击排行|排行榜|今日推荐|图片新闻|专题推荐|点击进入|点击查看|点击图片|进入专题|此前报道|往期回顾|"
    r"返回列表|返回首页)"
)
_TAGS = re.compile(r"^(?:标签|关键词|关键字|相关话题|tags?)\s*[:：/]", re.IGNORECASE)
_SNIPPET_CREDIT = re.compile(r"(?:\.\.\.|…)\s*\S{0,12}\s+\S{1,12}\s+\S{1,12}\s+\d{4}-\d{1,2}-\d{1,2}")
_PAGE_MARKER = re.compile(
    r"^(?:.*?[(（]\s*\d{1,3}\s*[)）]|第\s*\d+\s*页.*|共\s*\d+\s*页.*|上一页.*|下一页.*|\d+(?:\s+\d+){2,}\s*(?:下一页)?)$"
)
_EDITOR_TAIL = re.compile(
    rf"[（(\[【]?\s*(?:(?:{_FIELD_LABELS['origin']})\s*[:：]\s*[^，。,()（）\[\]【】]{{1,30}}?\s*)?"
    rf"(?:{_FIELD_LABELS['editor']})\s*[:：/]\s*[\u4e00-\u9fffA-Za-z0-9_·\s、,，-]{{1,20}}[）)\]】]?\s*$"
)
# a credit label with nothing after it (the CMS left the field empty): 责任编辑：
_EMPTY_CREDIT = re.compile(
    rf"^[（(\[【]?\s*(?:{_FIELD_LABELS['origin']}|{_FIELD_LABELS['editor']})\s*[:：]\s*[）)\]】]?$"
)
_BACK_LINK = re.compile(
    r"(?:返回|回到)[^，。,]{0,12}(?:首页|[网站]|顶部|列表)?[，,\s]*(?:查看|阅读)?更多.{0,6}$|(?:返回|回到)(?:首页|顶部|列表)$"
)
_SOURCE_LINE = re.compile(rf"^[（(\[【]?\s*(?:{_FIELD_LABELS['origin']})\s*[:：]\s*[^。]{{1,40}}?[）)\]】]?$")
_DATE_TIME_ONLY = re.compile(r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*$")


_OUTLET_END = (
    r"(?:报|网|社|台|刊|新闻|客户端|在线|频道|杂志|传媒|之声|资讯|日报|晚报|发布|融媒|政府|委员会|办公室|办公厅|局|厅|部|中心)"
)
_OUTLET = re.compile(_OUTLET_END + "$")
# "石佳/中国青年报": a byline of author and outlet, no labels
_AUTHOR_OUTLET = re.compile(
    r"^(?P<author>[\u4e00-\u9fff·]{2,8}(?:\s+[\u4e00-\u9fff·]{2,8}){0,2})\s*[/／]\s*"
    r"(?P<outlet>[\u4e00-\u9fffA-Za-z]{1,16}?" + _OUTLET_END + ")$"
)


# share and comment widgets glued after a name in a byline
_WIDGET_TAIL = re.compile(
    r"\s*(?:参与互动|我要评论|发表评论|网友评论|评论\s*[(（]?\d*[)）]?|分享到?|打印|收藏|关闭|纠错|字号|字体|扫一扫|"
    r"手机(?:看|阅读|版|访问)|[【\[]|>>|»).*$"
)


def fill_metadata(state: PassState, text: str) -> bool:
    """Take page facts (来源, 作者, 责编, 发布时间, url) from a byline or credit; True if any were found."""
    md = state.metadata
    found = False
    for m in _LABEL_VALUE.finditer(text):
        field = _FIELD_OF.get(re.sub(r"\s", "", m.group("label")))
        value = m.group("value").strip(" \u3000\t:：/")
        if not field or not value:
            continue
        if field == "published":
            dates = find_dates(value)
            if dates and md.published is None:
                md.published = dates[0].iso
                found = True
        elif field in ("origin", "author", "editor"):
            value = re.split(r"\s{2,}|\s+(?=\S+[:：])", value)[0].strip()
            widget = _WIDGET_TAIL.search(value, 2)  # "某某网参与互动", "某某网 分享到": the widget is no name
            value = value[: widget.start()].strip() if widget else value
            # a name or an outlet, not the next element's text (an empty field glued to a headline)
            if field != "origin" and (len(value) > 20 or re.search(r"[：:，。,；;！？!?]", value)):
                continue
            if value and getattr(md, field) is None and len(value) <= 40:
                setattr(md, field, value)
                found = True
        else:
            found = True
    url = URL.search(text)
    if url and md.url is None:
        md.url = url.group(0)
        found = True
    dates = find_dates(text)
    if dates and md.published is None:
        md.published = dates[0].iso
        found = True
    if dates and md.origin is None and not _labelled(text):
        rest = text[dates[0].end :].strip(" \u3000\t")
        first_word = rest.split()[0] if rest else ""
        # an unlabelled word after the date is the outlet only when it reads like one (not a pen name)
        if first_word and len(rest) <= 60 and _OUTLET.search(first_word) and not URL.search(rest):
            md.origin = first_word
    byline = _AUTHOR_OUTLET.match(text.strip())
    if byline and md.origin is None:
        md.author = md.author or byline.group("author")
        md.origin = byline.group("outlet")
        found = True
    return found


# Cheap tests of what a pattern needs before it is searched for (a substring test is many times
# faster than a search with alternatives, and most lines hold none of these words).
# _LABEL_VALUE: a label (whose last character is one of these) followed by a colon or a slash
_LABEL_ENDS = "".join(sorted({alt.replace("\\s*", "")[-1] for alts in _FIELD_LABELS.values()
                             for alt in alts.split("|")}))
_LABEL_AND_MARK = re.compile(f"[{_LABEL_ENDS}]\\s*[:：/]")
# _SOURCE_LINE, _EDITOR_TAIL, _EMPTY_CREDIT: every source label holds one of the first five, every
# editor label one of the last two
_CREDIT_WORDS = ("来源", "稿源", "出处", "转自", "供稿", "编辑", "责编")
# _COPYRIGHT_LATIN_WORDS: a word that starts with c, a or i in any case (re.IGNORECASE also takes U+0130
# and U+0131 for i) or ©
_COPYRIGHT_LATIN = re.compile("[cCaAiI\u0130\u0131©]")
# _FOOTER_WORDS: one of these words anywhere, or a label opening the line (after any marks) with a colon
_FOOTER_ANYWHERE = (
    "网站地图", "联系我们", "关于我们", "免责声明", "隐私政策", "举报电话", "举报邮箱", "浏览器", "分辨率",
)
_FOOTER_LEADS = ("主办", "承办", "协办", "技术支持", "维护", "运维", "管理", "设计制作", "声明", "特别声明")
_FOOTER_OPENINGS = ("风险提示", "郑重声明")  # at the very start
_NON_WORD_RUN = re.compile(r"[\W_]*")
_MENU_BAR = re.compile(r"[|｜]")


def _may_hold_label(s: str) -> bool:
    """Whether ``_LABEL_VALUE`` may find a labelled field in ``s`` (a cheaper search first)."""
    return _LABEL_AND_MARK.search(s) is not None


def _labelled(s: str) -> bool:
    """A labelled field (来源：…, 时间：…) in ``s``."""
    if not _may_hold_label(s):
        return False
    if "\n" not in s:  # a label and its mark are enough: the value may run to the end of a line
        return _LABEL_HEAD.search(s) is not None
    return _LABEL_VALUE.search(s) is not None


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A search for any of ``words`` (one pass over the text, cheaper than a test for each word)."""
    return re.compile("|".join(map(re.escape, words)))


_CREDIT_WORD = _any_of(_CREDIT_WORDS)
_FOOTER_WORD = _any_of(_FOOTER_ANYWHERE)


def _has_copyright(s: str) -> bool:
    """A copyright or registration notice's words in ``s``."""
    return _COPYRIGHT_WORDS.search(s) is not None or (
        _COPYRIGHT_LATIN.search(s) is not None and _COPYRIGHT_LATIN_WORDS.search(s) is not None
    )


def _lead_marks(s: str) -> int:
    """How many characters at the start of ``s`` are no letter, digit or CJK character."""
    m = _NON_WORD_RUN.match(s)
    return m.end() if m else 0


def _may_be_footer(s: str) -> bool:
    if (":" in s or "：" in s) and (s.startswith(_FOOTER_OPENINGS) or s.startswith(_FOOTER_LEADS, _lead_marks(s))):
        return True
    return _FOOTER_WORD.search(s) is not None


# ---------------------------------------------------------------------------------------------
# Line classifiers: one predicate per kind of chrome. Their names are reasons. They are pure functions
# of the text; every rule asks them about the same lines, so a line remembers their answers
# (``chrome_bits``) instead of a cache keyed by text.


# The longest text some classifiers take for chrome (the others take any length): each checks its own
# limit first, and ``chrome_bits`` does not even ask them about a longer line (most lines of a document)
BYLINE_MAX_LEN = 160
SHARE_BAR_MAX_LEN = 80
COPYRIGHT_MAX_LEN = 200
QR_MAX_LEN = 60
COMMENT_HEADING_MAX_LEN = 80
PAGE_STATS_MAX_LEN = 80
TAGS_MAX_LEN = 80


def breadcrumb(text: str) -> bool:
    s = text.strip()
    if s.find("位置", 0, 6) >= 0 and _BREADCRUMB_LEAD.match(s):  # every lead ends with 位置, at most 6 in
        return True
    if len(s) > 100 or (arrow := _CRUMB_ARROW.search(s)) is None or _CRUMB_ARROW.search(s, arrow.end()) is None:
        return False  # a trail has two arrows at least (a path's "/" alone is no trail)
    parts = [p for p in _CRUMB_SEP.split(s) if p]
    return len(parts) >= 3 and all(len(p) <= 20 for p in parts) and not is_prose(s)


def byline(text: str) -> bool:
    s = text.strip()
    if len(s) > BYLINE_MAX_LEN or "。" in s:
        return False
    labels = [m for m in _LABEL_VALUE.finditer(s) if m.group("value").strip()] if _may_hold_label(s) else []
    dates = find_dates(s)
    if labels and not dates and len(labels) == 1 and _SENTENCE.search(labels[0].group("value")):
        return False  # "记者：请问……？": an interview's question, not a reporter's name
    if labels and (dates or len(labels) >= 2 or s.startswith(_FIELD_STARTS)):
        return True
    if dates and dates[0].start == 0 and dates[0].end < len(s) and len(s) <= 80 and not is_prose(s) \
            and not SPEECH_NOTE.match(s):
        return True  # "2019年09月11日 某某传媒 时政新闻 1665": a date, then the outlet and counters
    if ("/" in s or "／" in s) and _AUTHOR_OUTLET.match(s):  # author and outlet stand either side of a slash
        return True
    if dates and "T" in dates[0].iso:  # a date with a time: a page byline, not a document date
        rest = (s[: dates[0].start] + s[dates[0].end :]).strip()
        return len(rest) <= 60 and not is_prose(rest)
    return False


_BAR_START = re.compile(
    r"^(?:分享到|分享至|分享\s*[:：]\s*$|【打印|【关闭|打印本页|关闭窗口|返回顶部|【?\s*字[体号]\s*[:：])"
)


def share_print_bar(text: str) -> bool:
    s = text.strip()
    if len(s) > SHARE_BAR_MAX_LEN or is_prose(s):
        return False
    tokens = _SHARE_TOKENS.findall(s)
    if len(tokens) >= 2:
        return True
    brackets = _BRACKETED.findall(s) if "【" in s or "[" in s else []
    if len(brackets) >= 2 and sum(len(b) for b in brackets) + 2 * len(brackets) >= len(s) - 2:
        return True
    return bool(_BAR_START.match(s))


def copyright_footer(text: str) -> bool:
    s = text.strip()
    if len(s) > COPYRIGHT_MAX_LEN:
        return False
    if not ("。" in s and is_prose(s)) and _has_copyright(s):
        return True
    # a footer line is short and no sentence; a disclaimer ("声明：…仅供参考…") is a sentence, but a footer's
    if not ((len(s) <= 60 and "。" not in s) or ("声明" in s and _DISCLAIMER.match(s))):
        return False
    return _may_be_footer(s) and bool(_FOOTER_WORDS.search(s))


_MENU_ENTRY_MAX = 6  # characters of one entry of a menu printed with spaces between its entries
_WORD = re.compile(r"\S+")  # what str.split() keeps (\s is str.isspace())
_MENU_SPLIT_MAX = 1000  # a longer text is walked a word at a time (split whole, it would be every word at once)


def _bar_items(s: str) -> Iterator[str]:
    """The items of a text cut at ``|``, one at a time (a table's text is never split whole)."""
    at = 0
    for m in _MENU_BAR.finditer(s):
        yield s[at : m.start()].strip()
        at = m.end()
    yield s[at:].strip()


def navigation(text: str) -> bool:
    s = text.strip()
    if "|" in s or "｜" in s:
        items = 0
        for p in _bar_items(s):
            if not 0 < len(p) <= 16:
                break
            items += 1
        else:
            if items >= 3:
                return True
    if len(s) > _MENU_ENTRY_MAX and len(s[: _MENU_ENTRY_MAX + 1].split(None, 1)[0]) > _MENU_ENTRY_MAX:
        return False  # the first word is too long for a menu entry (splitting a long line costs)
    counted = _menu_words(s)
    if counted is None:
        return False
    entries, words = counted  # menu entries are words; 某 某 市 办 法 is a spaced-out title
    return words * 2 >= entries and not is_prose(s)


def _menu_words(s: str) -> tuple[int, int] | None:
    """How many words ``s`` holds and how many of them have two characters or more; None for fewer than
    five, or one too long for a menu entry. A long text (a table's) is walked a word at a time, never split
    whole."""
    if len(s) <= _MENU_SPLIT_MAX:
        spaced = s.split()
        if len(spaced) < 5 or not all(len(p) <= _MENU_ENTRY_MAX for p in spaced):
            return None
        return len(spaced), sum(1 for p in spaced if len(p) >= 2)
    entries = words = 0
    for m in _WORD.finditer(s):
        if m.end() - m.start() > _MENU_ENTRY_MAX:
            return None
        entries += 1
        words += m.end() - m.start() >= 2
    return (entries, words) if entries >= 5 else None


def qr_code(text: str) -> bool:
    s = text.strip()
    return len(s) <= QR_MAX_LEN and bool(_QR.search(s)) and not is_prose(s)


def related_list(text: str) -> bool:
    s = text.strip()
    return (len(s) <= 40 and bool(_RELATED_HEAD.match(s))) or (
        "-" in s and ("..." in s or "…" in s) and bool(_SNIPPET_CREDIT.search(s))  # it ends with a 2020-1-1
    )


_COMMENT_HEAD = re.compile(
    r"^(?:《[^》]{1,80}》)?\s*(?:已有|共有|共|有)\s*\d+\s*(?:件|条|篇|个|位)?\s*(?:网友)?(?:评论|回复|留言|回应|跟帖)"
    r"|^(?:发表|网友|读者|最新|热门|全部|精彩|我要|查看|用户)?(?:评论|留言|跟帖)(?:\s*[(（\[]\s*\d+\s*[)）\]])?\s*[:：]?$"
    r"|^\d+\s*(?:条|篇|个)?(?:评论|回复|留言|跟帖)$"
    r"|^(?:\d+\s+)?(?:comments?|responses?|leave a (?:comment|reply))\b",
    re.IGNORECASE,
)
# a page's counters and trackback links: "(本文发表于…，已被阅读178次)", "浏览次数：35"
_STATS = re.compile(r"(?:已被|被)?(?:阅读|浏览|点击|访问)(?:次数|量)?\s*[:：]?\s*\d+\s*次|trackback", re.IGNORECASE)


def comment_heading(text: str) -> bool:
    """The heading of a comment section ("已有3条评论", "网友评论", "发表评论") or of its form."""
    s = text.strip()
    return len(s) <= COMMENT_HEADING_MAX_LEN and bool(_COMMENT_HEAD.match(s))


def page_stats(text: str) -> bool:
    """A counter of reads or a trackback link, on a short line of its own."""
    s = text.strip()
    # a counter ends in 次; "trackback" in any case holds "ack" once lowered
    return (len(s) <= PAGE_STATS_MAX_LEN and "。" not in s and ("次" in s or "ack" in s.lower())
            and bool(_STATS.search(s)))


def tags(text: str) -> bool:
    return bool(_TAGS.match(text.strip())) and len(text.strip()) <= TAGS_MAX_LEN


def source_credit(text: str) -> bool:
    s = text.strip()
    if "。" in s and "返回" not in s and "回到" not in s:
        return False  # no credit below holds a 。 but one with a link glued after it (a sentence, mostly)
    if _CREDIT_WORD.search(s) is None:
        return False  # every credit below holds the label of a source or an editor
    if _SOURCE_LINE.match(s) or _EDITOR_TAIL.fullmatch(s) or _EMPTY_CREDIT.match(s):
        return True
    # a credit with a link glued after it: "【编辑：某某】返回某某网，查看更多"
    if (widget := _BACK_LINK.search(s)) and widget.start() and source_credit(s[: widget.start()]):
        return True
    # a closing credit line: "…供稿 摄影/X 编辑/Y" — short, no sentence, ends with an editor field
    if len(s) > 60 or "。" in s:
        return False
    m = _EDITOR_TAIL.search(s)
    return m is not None and not is_prose(s[: m.start()])


CLASSIFIERS: tuple[Callable[[str], bool], ...] = (
    comment_heading,
    page_stats,
    breadcrumb,
    copyright_footer,
    share_print_bar,
    qr_code,
    related_list,
    tags,
    byline,
    source_credit,
    navigation,
)
_BIT = {test: 1 << i for i, test in enumerate(CLASSIFIERS)}  # a classifier's bit in Line.chrome
_PROSE = 1 << len(CLASSIFIERS)  # and whether the line is prose (is_prose), which the line rules ask too
_CHROME = _PROSE - 1  # the classifiers' bits
_BYLINE_BIT = 1 << CLASSIFIERS.index(byline)
_MAX_LEN: dict[Callable[[str], bool], int] = {
    byline: BYLINE_MAX_LEN, share_print_bar: SHARE_BAR_MAX_LEN, copyright_footer: COPYRIGHT_MAX_LEN,
    qr_code: QR_MAX_LEN, comment_heading: COMMENT_HEADING_MAX_LEN, page_stats: PAGE_STATS_MAX_LEN,
    tags: TAGS_MAX_LEN,
}
_LIMITS = sorted(set(_MAX_LEN.values()))
# per limit (and past the last): the classifiers, with their bits, that may take a text of up to that length
_FOR_LENGTH = [
    tuple((test, _BIT[test]) for test in CLASSIFIERS if _MAX_LEN.get(test, limit) >= limit)
    for limit in [*_LIMITS, _LIMITS[-1] + 1]
]


def _classifiers_for(s: str) -> tuple[tuple[Callable[[str], bool], int], ...]:
    """The classifiers, in order and with their bits, that may take ``s`` (stripped) for chrome."""
    n = len(s)
    for k, limit in enumerate(_LIMITS):
        if n <= limit:
            return _FOR_LENGTH[k]
    return _FOR_LENGTH[-1]


# The characters a classifier cannot accept a text without: every way it accepts one needs a word or a
# mark, and these are the first characters of those words and the marks (with the letters a search that
# ignores case takes for them). A classifier is asked only about a text holding one of its characters,
# found for all of them in one search; navigation (menus of any words) is always asked.
_NEEDS: dict[Callable[[str], bool], str] = {
    comment_heading: "评回留跟cCrRlL",  # 评论 回复 回应 留言 跟帖; comment(s), response(s), leave a …
    page_stats: "次kK\u212a",  # …次; "ack" in the lowered text (K and the Kelvin sign lower to k)
    breadcrumb: "位>»›＞→",  # …位置：; two arrows
    # the notice's words (版权所有 公网安备 网站标识码 违法和不良信息 不良信息举报 版权声明 未经授权 禁止转载
    # 备案号; copyright, all rights reserved, icp, ©), or a footer's label or words
    copyright_footer: "版公网违不未禁备cCaAiI\u0130\u0131©风郑主承协技维运管设声特联关免隐举浏分",
    share_print_bar: "打关分收纠评推字返复转下放缩大【[",  # the bar's words; bracketed entries
    qr_code: "扫二微手用关官客下",  # 扫一扫 二维码 扫码 微信扫 手机… 用手机 关注我们 官方微博 客户端下载 下载客户端
    related_list: "相推延扩热猜精为最更上下点排今图专进此往返-",  # the heads' words; a snippet's dated credit
    tags: "标关相tT",  # 标签 关键词 关键字 相关话题 tag(s)
    byline: ":：/／年-.．",  # a label's colon or slash; a date's 年, slash or separator; author/outlet
    source_credit: "来稿出转供编责",  # 来源 稿源 出处 转自 供稿 编辑 责编
}
_NEEDED = re.compile("[" + re.escape("".join(sorted(set("".join(_NEEDS.values()))))) + "]")
_NEEDED_BY = {ch: sum(_BIT[test] for test, chars in _NEEDS.items() if ch in chars) for ch in "".join(_NEEDS.values())}
_ALWAYS_ASKED = sum(_BIT[test] for test in CLASSIFIERS if test not in _NEEDS)


def _may_accept(s: str) -> int:
    """The bits of the classifiers that may accept ``s``: those whose characters it holds, and navigation."""
    may = _ALWAYS_ASKED
    for ch in set(_NEEDED.findall(s)):
        may |= _NEEDED_BY[ch]
    return may


def classify(text: str) -> str | None:
    """The name of the first classifier that takes ``text`` for page chrome, or None."""
    s = text.strip()
    may = _may_accept(s)
    for test, bit in _classifiers_for(s):
        if may & bit and test(text):
            return test.__name__
    return None


def chrome_bits(line: Line) -> int:
    """Which classifiers accept ``line``'s text (bit ``_BIT[test]``), asked once per text and remembered
    on the line: the line rules, the page tail and the title block ask again and again."""
    if line.chrome_of is not line.text:
        s = line.stripped
        bits = _PROSE if is_prose(s) else 0
        may = _may_accept(s)
        for test, bit in _classifiers_for(s):
            if may & bit and test(s):
                bits |= bit
        line.chrome_of, line.chrome = line.text, bits
    return line.chrome & _CHROME


def _is_prose_line(line: Line) -> bool:
    """``is_prose(line.stripped)``, from what the line remembers when it knows."""
    return bool(line.chrome & _PROSE) if line.chrome_of is line.text else is_prose(line.stripped)


def _line_bits(line: Line) -> int:
    """``chrome_bits`` with the _PROSE bit."""
    if line.chrome_of is not line.text:
        chrome_bits(line)
    return line.chrome


def classify_line(line: Line) -> str | None:
    """``classify(line.stripped)``, from what the line remembers when it was asked before."""
    if line.chrome_of is not line.text:
        return classify(line.stripped)  # asked once (a line outside the main content): stop at the first
    bits = line.chrome & _CHROME
    if not bits:
        return None
    return CLASSIFIERS[(bits & -bits).bit_length() - 1].__name__  # the lowest bit: the first in order


# ---------------------------------------------------------------------------------------------
# The rules.

_INFO_LABEL = re.compile(r"^(?P<label>[\u4e00-\u9fff\s\u3000]{2,12}?)\s*[:：]\s*(?P<value>.*)$")


def _info_label(text: str) -> tuple[str, str] | None:
    if ":" not in text and "：" not in text:
        return None  # a label ends with a colon
    m = _INFO_LABEL.match(text.strip())
    if not m:
        return None
    label = re.sub(r"[\s\u3000]", "", m.group("label"))
    return (label, m.group("value").strip()) if label in INFO_TABLE_LABELS else None


def info_table(state: PassState) -> None:
    """The metadata table of 信息公开 pages (索引号, 发文机关, 成文日期, 发文字号 …) above the document:
    its facts go to the header, its lines are removed. Needs at least three labels close together."""
    lines = state.lines
    i = 0
    while i < len(lines):
        first = _info_label(lines[i].stripped)
        if first is None:
            i += 1
            continue
        j, labels = i, 0
        facts: list[tuple[str, str]] = []
        while j < len(lines) and j - i < 60:
            pair = _info_label(lines[j].stripped)
            if pair is None:
                same_region = ("outside" in lines[j].hints) == ("outside" in lines[j - 1].hints)
                if labels and same_region and len(lines[j].stripped) <= 80 and facts and not facts[-1][1]:
                    facts[-1] = (facts[-1][0], lines[j].stripped)  # the value cell under its label cell
                    j += 1
                    continue
                break
            labels += 1
            facts.append(pair)
            j += 1
        if labels >= 3:
            for k in range(i, j):
                state.remove(lines[k], "info_table")
            _info_facts(state, facts)
            i = j
        else:
            i += 1


def _info_facts(state: PassState, facts: list[tuple[str, str]]) -> None:
    h = state.header
    for label, value in facts:
        target = INFO_TABLE_LABELS.get(label)
        if not value or target is None:
            continue
        if target == "issuer" and h.issuer is None:
            h.issuer = value
        elif target == "date" and h.date is None:
            dates = find_dates(value)
            if dates:
                h.date, h.date_text = dates[0].iso[:10], value
        elif target == "doc_number" and h.doc_number is None:
            h.doc_number_text = value
            h.doc_number = normalize_doc_number(value)
        elif target == "published" and state.metadata.published is None:
            dates = find_dates(value)
            if dates:
                state.metadata.published = dates[0].iso


def crawler_fragments(state: PassState) -> None:
    """Crawler dumps put one DOM text node per line: a label line ("来源："), its value, lone ">" or "【".

    Runs of such short fragments are joined and judged as one line; when the joined text is chrome,
    every fragment is removed with that reason (and its facts go to metadata).
    """
    lines = state.lines
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.removed:
            i += 1
            continue
        s = ln.stripped
        before_separator = len(s) <= 12 and i + 1 < len(lines) and lines[i + 1].stripped in (">", "»", "›", ">>")
        if not (_LONE_LABEL.match(s) or s in ("【", "[", ">", "|") or _BREADCRUMB_LEAD.match(s) or before_separator):
            i += 1
            continue
        j = i + 1
        parts = [s]
        while j < len(lines) and j - i < 14:
            nxt = lines[j].stripped
            if lines[j].removed or len(nxt) > 30 or is_prose(nxt):
                break
            # a value follows a label; separators and brackets glue crumbs; a new label may follow a value
            prev = parts[-1]
            glue = prev.endswith(("：", ":", ">", "|", "【", "[", "》")) or nxt in (">", "|", "】", "]", "》", "/") or \
                nxt.startswith(("】", "]")) or _LONE_LABEL.match(nxt) or len(nxt) <= 1
            if not glue:
                break
            parts.append(nxt)
            j += 1
        if j - i < 2:
            i += 1
            continue
        joined = "".join(parts)
        reason = classify(joined) or (
            "byline" if _LONE_LABEL.match(s) and fill_metadata(state, " ".join(parts)) else None
        )
        if reason:
            if reason in ("byline", "source_credit"):
                fill_metadata(state, " ".join(parts))
            for k in range(i, j):
                state.remove(lines[k], reason)
            i = j
        else:
            i += 1


_TOOL_WORD = re.compile(
    r"^[【\[]?(?:" + _SHARE_TOKENS.pattern + r"|全屏|加大|减小|还原|默认|放大|缩小|大|中|小)[】\]]?[:：]?$"
)


def _toolbar_kind(ln: Line) -> int:
    if ln.removed:
        return 2 if ln.removed == "share_print_bar" else 0
    s = ln.stripped
    return 2 if _TOOL_WORD.match(s) else 1 if s in ("【", "】", "[", "]", "|") else 0


def toolbar_fragments(state: PassState) -> None:
    """Crawler dumps of a toolbar: one word a line (下载 / 打印 / 全屏 / 收藏 / 【 / 字号： / 加大 / 】).
    A run holding at least three such words (or bar pieces already known) is a share/print bar."""
    lines = state.lines
    # per line: a word of a bar (2), a piece that may stand between its words (1), or neither (0); asked
    # once per line (the lines a run removes are never asked about again)
    kinds = [_toolbar_kind(ln) for ln in lines]
    i = 0
    while i < len(lines):
        j, words = i, 0
        while j < len(lines):
            kind = kinds[j]
            if kind == 2:
                words += 1
            elif kind == 0:
                break
            j += 1
        if words >= 3:
            for ln in lines[i:j]:
                state.remove(ln, "share_print_bar")
        i = max(j, i + 1)


def breadcrumb_echo(state: PassState) -> None:
    """The current column's name printed again under the breadcrumb (首页 > 要闻 / 要闻 / TITLE):
    a short line above the text that equals an item of a removed breadcrumb."""
    items: set[str] = set()
    run: list[str] = []
    for ln in state.lines:
        if ln.removed == "breadcrumb":
            run.append(ln.stripped)
            continue
        if run:
            items.update(p for p in _CRUMB_SEP.split("".join(run) if len(run) > 1 else run[0]) if p)
            items.update(run)
            run = []
        if ln.removed:
            continue
        s = ln.stripped
        if is_prose(s):
            return
        if s in items and len(s) <= 12:
            state.remove(ln, "breadcrumb")


def remove_chrome(state: PassState, line: Line, reason: str) -> None:
    """Remove a chrome line; whatever its reason, labelled page facts in it (来源：, 时间：…) are kept."""
    state.remove(line, reason)
    if reason in ("byline", "source_credit") or _labelled(line.stripped):
        fill_metadata(state, line.stripped)


def _line_rule(test: Callable[[str], bool], *, head_only: bool = False) -> Rule:
    """Make a rule that removes every kept line ``test`` accepts, with the test's name as reason."""

    bit = _BIT[test]

    def rule(state: PassState) -> None:
        seen_prose = False
        for ln in state.lines:
            if ln.removed or "outside" in ln.hints:  # HTML chrome: outside_main_content names it
                continue
            if head_only and seen_prose:
                return
            bits = ln.chrome if ln.chrome_of is ln.text else _line_bits(ln)
            if bits & bit:
                remove_chrome(state, ln, test.__name__)
            elif bits & _PROSE:
                seen_prose = True

    rule.__name__ = test.__name__
    rule.__doc__ = test.__doc__
    return rule


_GLUED_LINK = re.compile(
    r"(?<=[。！？!?”」』])\s*(?:返回.{0,8}(?:首页|顶部|列表)|【?(?:打印|关闭)(?:本页|窗口)?】?)+\s*[>》»]*\s*$"
)


# what is glued, the reason it is removed with ("": by the link's kind), and the words it cannot lack
_GLUED_TAILS = (
    (_EDITOR_TAIL, "source_credit", _any_of(("编辑", "责编"))),  # an editor label, preceded by any source field
    (_GLUED_LINK, "", _any_of(("返回", "打印", "关闭"))),
)


_GLUED_WORDS = _any_of(("编辑", "责编", "返回", "打印", "关闭"))  # any of _GLUED_TAILS' words


def glued_credit(state: PassState) -> None:
    """"来源:…责编:…" glued to the end of the last paragraph (or a 返回首页 / 打印 link after its last
    sentence): split it off and remove it."""
    cuts: dict[int, tuple[int, str]] = {}  # id(line) → where its tail starts, and the tail's reason
    for ln in state.lines:
        if ln.table is None and (found := _glued_tail(ln)) is not None:
            cuts[id(ln)] = found
    if not cuts:
        return  # most documents: nothing to split (and no new list of lines to make)
    reasons = [reason for _, reason in cuts.values()]  # in line order, as split_where gives the pairs
    pairs = state.split_where(lambda ln: cuts[id(ln)][0] if id(ln) in cuts else None)
    for (_, tail), reason in zip(pairs, reasons, strict=True):
        remove_chrome(state, tail, reason)


def _glued_tail(ln: Line) -> tuple[int, str] | None:
    """Where a credit or a link glued to the end of ``ln`` starts, and the reason it is removed with."""
    if ln.removed or not _is_prose_line(ln):
        return None
    # both patterns end at the line's end and are short: search only its last stretch, and only when
    # that holds the words they need
    text = ln.text
    offset = max(0, len(text) - 160)
    if _GLUED_WORDS.search(text, offset) is None:
        return None  # most paragraphs end without any of the words
    for pattern, reason, words in _GLUED_TAILS:
        if words.search(text, offset) is None:
            continue
        m = pattern.search(text, offset)
        if m and 0 < m.start() < len(text):
            bar = re.search("打印|关闭", m.group(0))
            return m.start(), reason or ("share_print_bar" if bar else "related_list")
    return None


def date_line(state: PassState) -> None:
    """A line holding only a date and time, above the body: the page's publication stamp."""
    for ln in state.lines:
        if ln.removed:
            continue
        s = ln.stripped
        if is_prose(s):
            return
        if _DATE_TIME_ONLY.match(s) and re.search(r"\d{1,2}[:：]\d{2}", s):
            state.remove(ln, "byline")
            fill_metadata(state, s)


def glued_title(state: PassState) -> None:
    """A page title glued to the first body fragment ("TITLE泛知晓,…") when the title repeats later."""
    kept = state.kept()
    if len(kept) < 3:
        return
    early = [(first, first.stripped) for first in kept[:3]]
    for ln in kept[3:]:
        t = ln.stripped
        if len(t) < 6:
            continue
        for first, f in early:
            if first.table is not None:
                continue  # a table is one unit, never cut: a first cell repeated later is no glued title
            if len(f) > len(t) + 1 and f.startswith(t) and is_title_like(t) and not is_title_like(f):
                head, _ = state.split(first, first.text.index(t) + len(t))
                head.hints = head.hints | {"title"}
                state.title_hint = t  # printed at the top and again at the end: better than any <title>
                return


_TITLE_BLOCK = frozenset(("title", "kicker"))


def repeated_title(state: PassState) -> None:
    """The title printed again after the body (page footer), also with a "(2)" page number."""
    kept = state.kept()
    title = state.title_hint
    if title is None:
        titles = (ln.stripped for ln in kept if is_title_like(ln.stripped) and heading_level(ln.stripped) is None)
        title = next(titles, None)
    if not title:
        return
    seen_prose = False
    for i, ln in enumerate(kept):
        s = ln.stripped
        if not ln.hints.isdisjoint(_TITLE_BLOCK):
            continue  # the title the reader found, and the 引题 over it
        if seen_prose and s.startswith(title):
            rest = s[len(title) :].strip()
            signs = i + 1 < len(kept) and is_date_only(kept[i + 1].stripped) and bool(ORGAN_END.search(s))
            if not rest and not signs:  # an organ over a date is the 落款, whatever the first line said
                state.remove(ln, "repeated_title")
            elif _PAGE_MARKER.match(rest) or re.fullmatch(r"[(（]\s*\d{1,3}\s*[)）]", rest):
                state.remove(ln, "page_marker")
        seen_prose = seen_prose or is_prose(s)


# End markers. A strong one (a credit, a byline, a share bar, a copyright line, the title again, a
# related-list heading) ends the document when less unexplained prose follows it than precedes it
# and no new article (a title line followed by prose) starts after it — a bulletin may end each of
# its articles with a credit. A weak one (a link, a QR block: an ad inside the text looks the same)
# ends it only when almost nothing unexplained follows.
# the comment section starts: the article has ended, however much the comments hold
_DECISIVE_END = frozenset({"comment_heading"})
_STRONG_END = frozenset({"comment_heading", "page_stats", "copyright_footer", "share_print_bar", "source_credit",
                         "byline", "repeated_title",
                         "page_marker"})
_WEAK_END = frozenset({"related_list", "tags", "qr_code"})


def distribution_line(text: str) -> bool:
    """A 报尾/版记 line (报：, 抄送：, …印发): document text even after the last credit."""
    return match_line(text) is not None


def _is_strong_end(line: Line) -> bool:
    if line.removed in _STRONG_END:
        return True
    if line.kept and chrome_bits(line) & _BYLINE_BIT and find_dates(line.stripped):
        return True  # a post's dated byline under its text ("发表于 … 12:40"): the line rules read only the head
    return line.removed == "related_list" and bool(_RELATED_HEAD.match(line.stripped)) and len(line.stripped) <= 12


def _article_start_after(lines: list[Line], explained: list[bool]) -> list[bool]:
    """For each line: does a new article start after it — an unexplained title line followed by at
    least a paragraph's worth of unexplained prose (comments and teasers are shorter)? One backward
    pass, so the page tail stays linear however many end markers a page has."""
    n = len(lines)
    after = [False] * (n + 1)
    prose_run = 0  # unexplained prose characters directly below the line being looked at
    for i in range(n - 1, -1, -1):
        ln = lines[i]
        starts_here = False
        if ln.kept and not explained[i]:
            s = ln.stripped
            starts_here = prose_run >= 100 and is_title_like(s) and heading_level(s) is None
            prose_run = prose_run + len(s) if _is_prose_line(ln) else 0
        after[i] = after[i + 1] or starts_here
    return [after[i + 1] for i in range(n)]


def page_tail(state: PassState) -> None:
    """Everything after the document's end: the first end marker after the body (see above) starts
    the page tail; its lines get the reason a classifier gives them, else page_tail."""
    lines = state.lines
    explained: list[bool] = []  # kept and known chrome
    unexplained: list[int] = []  # characters of kept prose that no classifier explains
    for ln in lines:
        bits = (ln.chrome if ln.chrome_of is ln.text else _line_bits(ln)) if ln.kept else 0
        explained.append(bool(bits & _CHROME))
        unexplained.append(len(ln.stripped) if bits == _PROSE else 0)
    total = sum(unexplained)
    article_after = _article_start_after(lines, explained)
    before = 0
    start = None
    for i, ln in enumerate(lines):
        after = total - before
        if before > 0 and (
            ln.removed in _DECISIVE_END
            or (after < before and not article_after[i] and _is_strong_end(ln))
            or (ln.removed in _WEAK_END and after <= max(60, 0.1 * before))
        ):
            start = i
            break
        before += unexplained[i]
    if start is None:
        return
    for ln in lines[start:]:
        if ln.kept and not distribution_line(ln.stripped):
            remove_chrome(state, ln, classify_line(ln) or "page_tail")


_LEAKED_MARKUP = re.compile(
    r"^\s*(?:[\w:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*')\s*)+/?>"  # attributes left of a broken tag
    r"|^\s*</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>\s*"  # a tag printed as text
)


def leaked_markup(state: PassState) -> None:
    """Attribute or tag text that a broken page leaked into the visible text ('target="_blank">…')."""
    if not any(">" in ln.text for ln in state.lines):
        return  # both kinds end with ">" (and most texts hold none)
    whole: list[Line] = []

    def cut(ln: Line) -> int | None:
        m = None if ln.removed else _LEAKED_MARKUP.match(ln.text)
        if m and m.end() >= len(ln.text.rstrip()):
            whole.append(ln)
            return None
        return m.end() if m else None

    for head, _ in state.split_where(cut):
        state.remove(head, "leaked_markup")
    for ln in whole:
        state.remove(ln, "leaked_markup")


_CONTINUES = "，、,；;（(“‘《"
_OPENERS = frozenset("（(“‘《[【")


def rejoin_split_paragraph(state: PassState) -> None:
    """A paragraph cut in two by an inline ad or a broken tag: the first part ends mid-sentence (a comma,
    or — in HTML, with removed chrome between two parts of one element — any character)."""
    kept_index = [i for i, ln in enumerate(state.lines) if ln.kept]
    drop: set[int] = set()
    anchor = None  # the line a continuation is appended to
    for a, b in pairwise(kept_index):
        first = state.lines[a] if anchor is None else state.lines[anchor]
        second = state.lines[b]
        s1, s2 = first.stripped, second.stripped
        if s1 in _OPENERS and s2:  # a crawler cut "（" / "三）…" apart
            first.text = s1 + s2
            drop.add(b)
            anchor = anchor if anchor is not None else a  # the next pair goes on from the joined line
            continue
        if not s1 or not s2:
            anchor = None
            continue
        mid_sentence = s1[-1] in _CONTINUES
        same_owner = first.owner is not None and first.owner == second.owner and b - a > 1
        # (every pair not joined ends the run: the cheap tests of the join first)
        if not (mid_sentence or (same_owner and s1[-1] not in SENTENCE_END)) or heading_level(s2) is not None \
                or (is_title_like(s2) and not is_prose(s2)):
            anchor = None
            continue
        if is_prose(s1) and (mid_sentence or (same_owner and s1[-1] not in SENTENCE_END and is_prose(s2))):
            first.text = first.text.rstrip() + s2
            drop.add(b)
            anchor = anchor if anchor is not None else a
        else:
            anchor = None
    if drop:
        state.lines = [ln for i, ln in enumerate(state.lines) if i not in drop]


def link_line(state: PassState) -> None:
    """HTML: a short line that is mostly link text inside the content (a pointer to another page)."""
    for ln in state.lines:
        if not ln.kept or "link" not in ln.hints or "title" in ln.hints:
            continue
        if "。" not in ln.text and len(ln.stripped) <= 80:
            state.remove(ln, "related_list")




# ---------------------------------------------------------------------------------------------
# HTML pages: the reader marks lines outside the scored main-content container.


def _match_hint(canons: _Canons, i: int, hint: str) -> tuple[float, int]:
    """How well the line(s) from ``i`` print ``hint``: (score, number of lines)."""
    c = canons[i]
    if c == hint:
        return 10.0, 1
    if len(c) >= 4 and hint.startswith(c):
        # a title split over lines: join the following lines while they continue the hint
        joined, count = c, 1
        while i + count < len(canons) and count < 6:
            nxt = canons[i + count]
            if not nxt or not hint.startswith(joined + nxt):
                break
            joined += nxt
            count += 1
        return (10.0 if joined == hint else 4 + 4 * len(joined) / len(hint)), count
    if len(c) >= 6 and c in hint:
        return 3 + 3 * len(c) / len(hint), 1
    return 0.0, 1


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class _Canons:
    """``canon(line.stripped)`` of each line, computed when first asked (the title search asks
    several times per line, once per title hint)."""

    def __init__(self, lines: list[Line]) -> None:
        self._lines = lines
        self._known: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i: int) -> str:
        c = self._known.get(i)
        if c is None:
            c = self._known[i] = canon(self._lines[i].stripped)
        return c


def _is_timestamp(text: str) -> bool:
    """A date with a time, alone on its line (perhaps in parentheses): when a page was published."""
    s = text.strip().strip("（()）[]【】")
    dates = find_dates(s)
    return len(dates) == 1 and "T" in dates[0].iso and not s[: dates[0].start].strip() and not s[dates[0].end :].strip()

OTHER_HINT_PENALTY = 3.0  # see _find_title_lines
FACT_REACH = 8  # lines around an HTML page's content from which unlabelled page facts are taken


def _find_title_lines(state: PassState, first_main: int) -> list[Line]:
    """The line(s) printing the article title: they match one of the reader's title hints (meta
    ArticleTitle, the parts of <title>), prefer heading elements, and sit closest above the content."""
    main_hint = canon(state.title_hint)
    hints = [
        h for h in (canon(t) for t in [state.title_hint, *state.title_candidates] if t and "首页" not in t)
        if len(h) >= 2
    ]
    candidates: list[tuple[float, int, int]] = []  # (score, start, count)
    lines = state.lines
    canons = _Canons(lines)
    for i, ln in enumerate(lines):
        if ln.removed and ln.removed != "outside_main_content":
            continue
        if len(ln.stripped) > 120 or not canons[i]:
            continue
        if i > first_main + 3:
            break  # the title is printed above the text, never after it
        # a part of <title> other than the article's own title (a column's or the site's name) is
        # weaker evidence: the same name is often printed as the organ under the title
        matches = [(h, *_match_hint(canons, i, h)) for h in hints]
        score, count = max(
            ((s - (0 if h == main_hint else OTHER_HINT_PENALTY), n) for h, s, n in matches if s), default=(0.0, 1)
        )
        if not score:
            # no hint matches: a heading element above the text, the closest one winning
            if ln.hints & _HEADINGS and is_title_like(ln.stripped) and i <= first_main and "首页" not in ln.text:
                candidates.append((1.0 - min(first_main - i, 60) * 0.01, i, 1))
            continue
        if ln.hints & {"h1", "h2", "h3"}:
            score += 2
        if ln.hints & {"title"}:
            score -= 20  # the <title> element itself is never the printed title
        distance = abs(first_main - i)
        candidates.append((score - min(distance, 60) * 0.05, i, count))
    if not candidates:
        return []
    _, start, count = max(candidates)
    return lines[start : start + count]


KICKER_MAX_LEN = 60  # an 引题 is one line over the headline; a longer line is a lead paragraph
# an 引题 is a phrase (坚持生态优先 / 聚焦两会): two or three characters over a headline are a label —
# a breadcrumb's last crumb (正文), a column's name, a person's name
KICKER_MIN_CJK = 4
KICKER_MIN_CJK_SHARE = 0.5  # an 引题 over a Chinese headline is Chinese; a mostly Latin line is a site's name
MENU_WORD_MAX = 4  # "新闻　频道": words this short set apart by spaces are a menu, not a phrase
_FIELD_LABEL = re.compile(r"^[^：:，。]{1,8}[：:]")  # "查看：…", "第03版：评论", "我收藏的：…": a label and its value


def _is_kicker(line: Line) -> bool:
    """The line right above a headline that may be its 引题: printed there on its own, a phrase of
    Chinese words — no link, no chrome, no sentence end, no date, no label with its value, no list
    number, no menu of short words, no separators of a path or a counter bar."""
    s = line.stripped
    if not (line.removed == "outside_main_content" and "link" not in line.hints and 2 <= len(s) <= KICKER_MAX_LEN):
        return False
    cjk = cjk_count(s)
    words = s.split()
    return (
        s[-1] not in SENTENCE_END + "：:"
        and cjk >= KICKER_MIN_CJK
        and cjk >= KICKER_MIN_CJK_SHARE * sum(map(len, words))
        and not (len(words) > 1 and max(map(len, words)) <= MENU_WORD_MAX)
        and not _FIELD_LABEL.match(s)
        and heading_level(s) is None  # "二十三、…", "10.…": an item of a numbered list
        and "|" not in s and "｜" not in s
        and classify_line(line) is None
        and not find_dates(s)
        and "首页" not in s
        and not _CRUMB_SEP.search(s.replace("、", ""))  # "首页 - 新闻动态": a column path, not an 引题
    )


def outside_main_content(state: PassState) -> None:
    """HTML: lines outside the page's main-content container (navigation, sidebars, footers), except
    the article's title block just above it. Lines a chrome classifier knows get its reason."""
    lines = state.lines
    inside = [i for i, ln in enumerate(lines) if "outside" not in ln.hints]
    if not inside or len(inside) == len(lines):
        return
    first_main = inside[0]
    for ln in lines:
        if "outside" in ln.hints and ln.removed is None:
            ln.removed = "outside_main_content"
    title_lines = _find_title_lines(state, first_main)
    k = first_main
    if title_lines:
        for ln in title_lines:
            ln.removed = None
            ln.hints = ln.hints | {"title"}
        above = lines.index(title_lines[0]) - 1
        if above >= 0 and _is_kicker(lines[above]):
            lines[above].removed = None
            lines[above].hints = lines[above].hints | {"kicker"}
        state.title_hint = "".join(ln.stripped for ln in title_lines)
        # a 副题 right under the title (<h2>/<h3>, or a dash/parenthesised line) belongs with it
        k = lines.index(title_lines[-1]) + 1
        while k < len(lines) and k < first_main and lines[k].removed == "outside_main_content":
            nxt = lines[k]
            if _is_timestamp(nxt.stripped):
                nxt.removed = None
                remove_chrome(state, nxt, "byline")  # "(2019-05-05 21:14:36)" under a post's title: its date
                k += 1
            elif nxt.hints & {"h2", "h3", "h4"} or is_subtitle(nxt.stripped):
                nxt.removed = None
                nxt.hints = nxt.hints | {"subtitle"}
                k += 1
            else:
                break
        # the byline under the title block: a speaker, reporters, the author organ and its date
        rest = [ln for ln in lines[k:first_main] if ln.removed == "outside_main_content"]
        if n := byline_at(rest, 0):
            for ln in rest[:n]:
                ln.removed = None
                ln.hints = ln.hints | {"byline"}
    # page facts without a label (a bare date, "2003-7-24 某某晚报") are the article's only when printed
    # next to it: the same line in a sidebar or an archive list belongs to another page
    near_start = max(0, lines.index(title_lines[0]) - 2) if title_lines else max(0, first_main - FACT_REACH)
    last_main = inside[-1]
    for i, ln in enumerate(lines):
        if ln.removed != "outside_main_content":
            continue
        if "title" in ln.hints:
            ln.removed = "page_title"  # the <title> element, or another copy of the title in the chrome
            continue
        near = near_start <= i < first_main or last_main < i <= last_main + FACT_REACH
        reason = classify_line(ln)
        if reason is None and near and i < first_main and is_date_only(ln.stripped):
            reason = "byline"  # a lone date between the title and the text: the page's date
        if reason:
            ln.removed = None
            if "thread" not in ln.hints and (near or _labelled(ln.stripped)):
                remove_chrome(state, ln, reason)
            else:
                state.remove(ln, reason)  # a sidebar's or a comment's byline: not this page's facts



def hidden(state: PassState) -> None:
    """HTML: text the page hides (``display:none``, ``visibility:hidden``) and never shows — unless the
    reader found the article itself there (revealed by script at load time)."""
    for ln in state.lines:
        if "hidden" in ln.hints:
            state.remove(ln, "hidden")


def decoration(state: PassState) -> None:
    """A line of rule characters or ornaments only (the red rule of a 版头 printed as ━━━━, a row of
    stars between sections): no letter, digit or character of text."""
    for ln in state.lines:
        s = ln.stripped
        if len(s) >= 2 and ln.table is None and not _TEXT_CHAR.search(s) and ln.kept:
            state.remove(ln, "decoration")


def form_control(state: PassState) -> None:
    """HTML: the labels of buttons and the contents of text areas (a comment box, a search field)."""
    for ln in state.lines:
        if "form" in ln.hints:
            state.remove(ln, "form_control")


RULES: tuple[Rule, ...] = (
    hidden,
    form_control,
    decoration,
    running_head,
    page_number,
    page_break_join,
    info_table,
    crawler_fragments,
    toolbar_fragments,
    _line_rule(breadcrumb),
    _line_rule(navigation, head_only=True),
    breadcrumb_echo,
    _line_rule(byline, head_only=True),
    date_line,
    glued_credit,
    _line_rule(source_credit),
    _line_rule(share_print_bar),
    _line_rule(copyright_footer),
    _line_rule(qr_code),
    _line_rule(related_list),
    _line_rule(tags),
    _line_rule(comment_heading),
    _line_rule(page_stats),
    outside_main_content,
    link_line,
    leaked_markup,
    glued_title,
    repeated_title,
    page_tail,
    rejoin_split_paragraph,
)

"""What a line of page chrome looks like: one predicate per kind (breadcrumb, byline, share_print_bar …),
whose name is the ``reason`` users see, and the bits a line remembers of their answers.

The classifiers are pure functions of a line's text. Every line rule of ``clean.rules`` asks them about the
same lines, so ``chrome_bits`` asks each classifier once per text (only those whose characters and length
limit the text allows) and keeps the answers on the line. The labels of bylines and credits (来源：, 作者：,
责任编辑：) and ``fill_metadata``, which turns labelled page facts into metadata, live here too: the byline
and credit classifiers are made of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..lines import Line, PassState
from ..normalize.dates import find_dates, is_date_only
from ..patterns import SPEECH_NOTE, URL, is_prose

# ---------------------------------------------------------------------------------------------
# Field labels of bylines and credits, and what metadata field each fills.
_FIELD_LABELS = {
    "origin": r"来源于|来源单位|稿件来源|消息来源|本文来源|来源|稿源|信息来源|文章来源|新闻来源|出处|转自|供稿",
    "author": r"作者|记者|撰稿人|撰稿|撰文|作\s*者|通讯员",
    "editor": r"责任编辑|责编|编辑|值班编辑|网络编辑",
    "published": r"发布时间|发表时间|发布日期|更新时间|时间|日期|发文日期",
    "views": r"阅读量|阅读次数|阅读|浏览次数|浏览量|浏览|点击数|点击量|点击|访问量|访问次数",
    # the staff a credit names after its editor (编辑：X　审核：Y): no page fact, but a field of the credit
    "staff": r"审核|校对|终审|初审|复审|审签|监制",
    # when the page was last revised (a footer's 最近修订日期): no page fact — its date is not the publication's
    "revised": r"最近修订日期|最后修订日期|修订日期|最后修改日期|修改日期|最后更新日期|最近更新日期",
}
# Labels that name who contributed or wrote it up, not the source or the author the page names: a value they
# give is replaced by one a first-hand label (来源, 作者, 记者) gives elsewhere on the page, in whatever order
# the rules read them (a closing 供稿 credit inside the text is read before the byline above it)
SECOND_HAND_LABELS = frozenset({"供稿", "撰稿", "撰稿人", "撰文", "通讯员"})
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
TEXT_CHAR = re.compile(r"[^\W_]")  # a letter, a digit or a CJK character
LONE_LABEL = re.compile(rf"^[【\[（(]?\s*(?:{_ANY_LABEL}|字体|字号)\s*[:：]\s*$")
BREADCRUMB_LEAD = re.compile(r"^(?:当前位置|您的位置|您现在的位置|你的位置|你现在的位置|所在位置|位置)\s*[:：]")
CRUMB_SEP = re.compile(r"\s*(?:>>|>|»|›|＞|→|/|\\)\s*")
_CRUMB_ARROW = re.compile("[>»›＞→]")
SHARE_TOKENS = re.compile(
    r"打印|关闭|分享|收藏|纠错|评论|推荐|字号|字体|返回顶部|打印本页|关闭窗口|复制链接|转发|下载|放大|缩小|大\s*中\s*小"
    r"|列印|字级|回上一页"  # (a Taiwan site's tools: 友善列印, 字級設定, 回上一頁 — read as Simplified)
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
# (举报电话 alone is no footer's: a 公示 prints its 举报电话：…12380 above its 落款; a site's footer says
# 违法和不良信息举报, a copyright word)
_FOOTER_WORDS = re.compile(
    r"^(?:[\W_]*(?:主办|承办|协办|技术支持|维护|运维|管理|设计制作)(?:单位)?\s*[:：])|网站地图|联系我们|关于我们|免责声明|"
    r"隐私政策|建议使用.{0,20}浏览器|最佳分辨率|分辨率.{0,6}\d{3,4}\s*[*×xX]|"
    r"^(?:[\W_]*(?:特别)?声明|风险提示|郑重声明)\s*[:：]",
    re.IGNORECASE,
)
_DISCLAIMER = re.compile(
    r"^[\W_]*(?:特别|郑重|免责)?声明\s*[:：].{0,160}(?:仅供参考|不构成|风险自担|与本站无关|不代表)"
)
_QR = re.compile(
    r"扫一扫|二维码|扫码|微信扫|手机扫|手机打开|用手机|关注我们|微信公众号|官方微博|客户端下载|下载客户端"
    # a mobile page's prompts to read on in its app (打开APP阅读, APP内查看, 下载APP)
    # (not an outlet's app named before a counter: 来源：某某客户端 阅读量：…)
    r"|打开\s*(?:APP|App|app|客户端)|(?:APP|App|app)\s*(?:内|中)?\s*(?:阅读|打开|查看)(?![量数次])|下载\s*(?:APP|App|app)"
)
RELATED_HEAD = re.compile(
    r"^[\W_]{0,4}\s*(?:相关(?:文章|阅读|新闻|链接|报道|推荐|话题|专题|稿件|内容|资讯|信息|附件|下载)|推荐阅读|延伸阅读|扩展阅读|热点(?:新闻|推荐|文章|图片)?|"
    r"热门(?:文章|推荐|新闻|点击)|猜你喜欢|精彩推荐|为你推荐|最新(?:文章|新闻|推荐|更新)|更多(?:新闻|文章|精彩|推荐|专题)|"
    r"上一篇|下一篇|上一条|下一条|点击排行|排行榜|今日推荐|图片新闻|专题推荐|点击进入|点击查看|点击图片|进入专题|此前报道|往期回顾|"
    r"返回列表|返回首页)"
)
# (a blog's post foot puts its category before: 分类：政策文件转载　标签：…)
_TAGS = re.compile(
    r"^(?:(?:分类|栏目)\s*[:：][^:：]{0,30}?)?(?:标签|关键词|关键字|相关话题|tags?)\s*[:：/]", re.IGNORECASE
)
_SNIPPET_CREDIT = re.compile(r"(?:\.\.\.|…)\s*\S{0,12}\s+\S{1,12}\s+\S{1,12}\s+\d{4}-\d{1,2}-\d{1,2}")
PAGE_MARKER = re.compile(
    r"^(?:.*?[(（]\s*\d{1,3}\s*[)）]|第\s*\d+\s*页.*|共\s*\d+\s*页.*|上一页.*|下一页.*|\d+(?:\s+\d+){2,}\s*(?:下一页)?)$"
)
EDITOR_TAIL = re.compile(
    rf"[（(\[【]?\s*(?:(?:{_FIELD_LABELS['origin']})\s*[:：]\s*[^，。,()（）\[\]【】]{{1,30}}?\s*)?"
    rf"(?:{_FIELD_LABELS['editor']})\s*[:：/]\s*[\u4e00-\u9fffA-Za-z0-9_·\s、,，-]{{1,20}}?"
    rf"(?:\s*(?:{_FIELD_LABELS['staff']})\s*[:：/]\s*[\u4e00-\u9fff·、,，\s]{{1,20}}?)*[）)\]】]?\s*$"
)
# a credit label with nothing after it (the CMS left the field empty): 责任编辑：
_EMPTY_CREDIT = re.compile(
    rf"^[（(\[【]?\s*(?:{_FIELD_LABELS['origin']}|{_FIELD_LABELS['editor']})\s*[:：]\s*[）)\]】]?$"
)
_BACK_LINK = re.compile(
    r"(?:返回|回到)[^，。,]{0,12}(?:首页|[网站]|顶部|列表)?[，,\s]*(?:查看|阅读)?更多.{0,6}$|(?:返回|回到)(?:首页|顶部|列表)$"
)
_SOURCE_LINE = re.compile(rf"^[（(\[【]?\s*(?:{_FIELD_LABELS['origin']})\s*[:：]\s*[^。]{{1,40}}?[）)\]】]?$")
DATE_TIME_ONLY = re.compile(r"^\s*\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*$")
# a web page's date stamp in square or lenticular brackets, [2023-03-05] or 【2023-03-05 10:20】 (a document
# prints its dates bare, or a speech's in parentheses: those are no stamps)
_BRACKETED_STAMP = re.compile(r"^\s*[\[【]\s*(?P<inner>[^\]】]+?)\s*[\]】]\s*$")


def bracketed_date_stamp(s: str) -> str | None:
    """The date (and time) inside a bracketed date stamp, or None."""
    m = _BRACKETED_STAMP.match(s)
    return m.group("inner") if m and DATE_TIME_ONLY.match(m.group("inner")) else None


def is_date_stamp(s: str) -> bool:
    """A line that is a date and nothing else, bare (2023年3月5日, 2023-03-05 10:20) or in brackets."""
    return is_date_only(s) or bracketed_date_stamp(s) is not None


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


_NEXT_FIELD = re.compile(r"\s+(?=[^\s\d][^\s:：]{0,8}[:：])")  # a space, then another field's label and colon
# where a credit's value ends: two spaces, a space before another labelled field, or before a reporter's or an
# editor's label written without a colon (来源：临江日报　记者 王明)
_NEXT_CREDIT = re.compile(
    rf"\s{{2,}}|\s+(?=\S+[:：])|\s+(?=(?:本报)?(?:{_FIELD_LABELS['author']}|{_FIELD_LABELS['editor']})\s)"
)


def fill_metadata(state: PassState, text: str) -> bool:
    """Take page facts (来源, 作者, 责编, 发布时间, url) from a byline or credit; True if any were found."""
    md = state.metadata
    found = False
    revised_at: list[tuple[int, int]] = []  # where a revision's date is printed: not the publication's
    for m in _LABEL_VALUE.finditer(text):
        label = re.sub(r"\s", "", m.group("label"))
        field = _FIELD_OF.get(label)
        value = m.group("value").strip(" \u3000\t:：/")
        if field == "revised":
            revised_at.append(m.span())
        if not field or not value:
            continue
        if field == "published":
            # (up to the next labelled field, whatever its label: 111/05/23　發布單位：… — not a time's 10:20)
            dates = find_dates(_NEXT_FIELD.split(value, maxsplit=1)[0])
            if dates and md.published is None:
                md.published = dates[0].iso
                found = True
        elif field in ("origin", "author", "editor"):
            value = _NEXT_CREDIT.split(value, maxsplit=1)[0].strip()
            widget = _WIDGET_TAIL.search(value, 2)  # "某某网参与互动", "某某网 分享到": the widget is no name
            value = value[: widget.start()].strip() if widget else value
            # a name or an outlet, not the next element's text (an empty field glued to a headline)
            if field != "origin" and (len(value) > 20 or re.search(r"[：:，。,；;！？!?]", value)):
                continue
            replaces = field in state.second_hand and label not in SECOND_HAND_LABELS
            if value and (getattr(md, field) is None or replaces) and len(value) <= 40:
                setattr(md, field, value)
                if label in SECOND_HAND_LABELS:
                    state.second_hand.add(field)
                else:
                    state.second_hand.discard(field)
                found = True
        else:
            found = True
    url = URL.search(text)
    if url and md.url is None:
        md.url = url.group(0)
        found = True
    dates = find_dates(text)
    if revised_at:
        dates = [d for d in dates if not any(a <= d.start < b for a, b in revised_at)]
    if dates and md.published is None:
        md.published = dates[0].iso
        found = True
    if dates and md.origin is None and not has_labelled_field(text):
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
# _SOURCE_LINE, EDITOR_TAIL, _EMPTY_CREDIT: every source label holds one of the first five, every
# editor label one of the last two
_CREDIT_WORDS = ("来源", "稿源", "出处", "转自", "供稿", "编辑", "责编")
# _COPYRIGHT_LATIN_WORDS: a word that starts with c, a or i in any case (re.IGNORECASE also takes U+0130
# and U+0131 for i) or ©
_COPYRIGHT_LATIN = re.compile("[cCaAiI\u0130\u0131©]")
# _FOOTER_WORDS: one of these words anywhere, or a label opening the line (after any marks) with a colon
_FOOTER_ANYWHERE = (
    "网站地图", "联系我们", "关于我们", "免责声明", "隐私政策", "浏览器", "分辨率",
)
_FOOTER_LEADS = ("主办", "承办", "协办", "技术支持", "维护", "运维", "管理", "设计制作", "声明", "特别声明")
_FOOTER_OPENINGS = ("风险提示", "郑重声明")  # at the very start
_NON_WORD_RUN = re.compile(r"[\W_]*")
_MENU_BAR = re.compile(r"[|｜]")


def _may_hold_label(s: str) -> bool:
    """Whether ``_LABEL_VALUE`` may find a labelled field in ``s`` (a cheaper search first)."""
    return (":" in s or "：" in s or "/" in s) and _LABEL_AND_MARK.search(s) is not None  # (its marks first)


def has_labelled_field(s: str) -> bool:
    """A labelled field (来源：…, 时间：…) in ``s``."""
    if not _may_hold_label(s):
        return False
    if "\n" not in s:  # a label and its mark are enough: the value may run to the end of a line
        return _LABEL_HEAD.search(s) is not None
    return _LABEL_VALUE.search(s) is not None


def any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """A search for any of ``words`` (one pass over the text, cheaper than a test for each word)."""
    return re.compile("|".join(map(re.escape, words)))


_CREDIT_WORD = any_of(_CREDIT_WORDS)
_FOOTER_WORD = any_of(_FOOTER_ANYWHERE)


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
    if s.find("位置", 0, 6) >= 0 and BREADCRUMB_LEAD.match(s):  # every lead ends with 位置, at most 6 in
        return True
    if len(s) > 100 or (arrow := _CRUMB_ARROW.search(s)) is None or _CRUMB_ARROW.search(s, arrow.end()) is None:
        return False  # a trail has two arrows at least (a path's "/" alone is no trail)
    parts = [p for p in CRUMB_SEP.split(s) if p]
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
    r"^(?:分享到|分享至|分享\s*[:：]\s*$|【打印|【关闭|打印本页|关闭窗口|返回顶部|【?\s*字[体号]\s*[:：]"
    r"|【?\s*(?:视力保护色|护眼(?:模式|色)|背景色)\s*[:：]"  # a gov site's colour chooser (视力保护色：□□□□□)
    r"|【\s*(?:我要)?纠错\s*】"  # the page's 'report an error' link
    r"|[+＋]?\s*(?:关注|已关注)\s*$|(?:展开|阅读|查看)全文\s*$)"  # an author card's follow button; 展开全文
)


# how to open a page's attachments (温馨提示：如无法打开附件，请安装WPS或Adobe Reader): the page's tools' note
_DOWNLOAD_HINT = re.compile(
    r"^[\W_]*(?:温馨提示|提示|注)?\s*[:：]?\s*(?:如|若)(?:果)?(?:您)?(?:无法|不能)(?:正常)?(?:打开|浏览|查看|阅读|下载)"
    r".{0,30}(?:安装|下载).{0,30}(?:WPS|Office|Adobe|Reader|阅读器|浏览器|软件)",
    re.IGNORECASE,
)


def share_print_bar(text: str) -> bool:
    s = text.strip()
    if len(s) > SHARE_BAR_MAX_LEN:
        return False
    if ("无法" in s or "不能" in s) and _DOWNLOAD_HINT.match(s):
        return True  # (a sentence, but the page's, not the document's)
    if is_prose(s):
        return False
    tokens = SHARE_TOKENS.findall(s)
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


# a menu laid out as a text (a text dump keeps the page's columns): its entries set apart by wide gaps, one
# of them the way home — three entries are enough then (a spaced-out title's characters stand one space apart)
_WIDE_GAP = re.compile(r"(?: {2,}|\u3000+|\t+)")
# entries only a site's menus and tool bars print: the way home, the language and script switches, the
# accessibility and login links, the skip link (lower case; a Traditional text is read in Simplified)
MENU_ONLY_ENTRIES = frozenset({
    "首页", "网站首页", "主页", "返回首页", "home", "english", "en", "繁体", "简体", "繁体版", "简体版", "中文",
    "中文版", "中文简体", "中文繁体", "葡文版", "葡文", "跳到主要内容", "跳到主要内容区块", "网站导航", "网站导览",
    "网站地图", "无障碍", "无障碍浏览", "长者模式", "关怀版", "登录", "注册", "登录注册",
})
_GAPPED_MENU_MIN = 3


def _gapped_menu(s: str) -> bool:
    entries = _WIDE_GAP.split(s)
    return (len(entries) >= _GAPPED_MENU_MIN and any(e.lower() in MENU_ONLY_ENTRIES for e in entries)
            and all(2 <= len(e) <= _MENU_ENTRY_MAX and " " not in e for e in entries))  # (字　幕　中文: a label)


def navigation(text: str) -> bool:
    s = text.strip()
    if ("  " in s or "\u3000" in s or "\t" in s) and _gapped_menu(s):
        return True
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
    return (len(s) <= 40 and bool(RELATED_HEAD.match(s))) or (
        "-" in s and ("..." in s or "…" in s) and bool(_SNIPPET_CREDIT.search(s))  # it ends with a 2020-1-1
    )


_COMMENT_HEAD = re.compile(
    r"^(?:《[^》]{1,80}》上?)?\s*(?:已有|共有|共|有)\s*\d+\s*(?:件|条|篇|个|位)?\s*(?:网友)?(?:评论|回复|留言|回应|跟帖)"
    r"|^(?:发表|网友|读者|最新|热门|全部|精彩|我要|查看|用户)?(?:评论|留言|跟帖)(?:\s*[(（\[]\s*\d+\s*[)）\]])?\s*[:：]?$"
    r"|^\d+\s*(?:条|篇|个)?(?:评论|回复|留言|跟帖)$"
    r"|^(?:\d+\s+)?(?:comments?|responses?|leave a (?:comment|reply))\b",
    re.IGNORECASE,
)
# a page's counters and trackback links: "(本文发表于…，已被阅读178次)", "浏览次数：35"
_STATS = re.compile(
    r"(?:已被|被)?(?:阅读|浏览|点击|访问|下载)(?:次数|量)?\s*[:：]?\s*\d+\s*次|(?:阅读|浏览|点击|访问|下载)(?:次数|数|量)\s*[:：]\s*\d+"
    r"|trackback"
    r"|^\d+(?:\.\d+)?\s*[万千]?\s*粉丝",  # an author card's followers (23万粉丝 · 优质…创作者)
    re.IGNORECASE,
)


def comment_heading(text: str) -> bool:
    """The heading of a comment section ("已有3条评论", "网友评论", "发表评论") or of its form."""
    s = text.strip()
    return len(s) <= COMMENT_HEADING_MAX_LEN and bool(_COMMENT_HEAD.match(s))


PAGER_MAX_LEN = 80
# an article's pager, or the mark of one of its pages printed on one page: 上一页 1 2 3 下一页, 第2页, 共3页
_PAGER = re.compile(
    r"^(?:[\[【(（]?\s*(?:上一页|下一页|上页|下页|首页|尾页|末页|第\s*\d{1,3}\s*页|共\s*\d{1,3}\s*页|\d{1,3}|…|\.{2,3}"
    r"|跳转|转到|GO|Go)\s*[\]】)）]?[\s|｜/]*)+$"
)


def pager(text: str) -> bool:
    """A pager or a page mark (上一页 1 2 3 下一页, 第2页): one of its words says 页, and it holds nothing else."""
    s = text.strip()
    return len(s) <= PAGER_MAX_LEN and "页" in s and s not in ("首页", "尾页") and bool(_PAGER.match(s))


def page_stats(text: str) -> bool:
    """A counter of reads or a trackback link, on a short line of its own."""
    s = text.strip()
    # a counter holds 次, 数 or 量; "trackback" in any case holds "ack" once lowered
    counted = "次" in s or "数" in s or "量" in s or "粉" in s or "ack" in s.lower()
    return len(s) <= PAGE_STATS_MAX_LEN and "。" not in s and counted and bool(_STATS.search(s))


def tags(text: str) -> bool:
    return bool(_TAGS.match(text.strip())) and len(text.strip()) <= TAGS_MAX_LEN


def source_credit(text: str) -> bool:
    s = text.strip()
    if "。" in s and "返回" not in s and "回到" not in s:
        return False  # no credit below holds a 。 but one with a link glued after it (a sentence, mostly)
    if _CREDIT_WORD.search(s) is None:
        return False  # every credit below holds the label of a source or an editor
    if _SOURCE_LINE.match(s) or EDITOR_TAIL.fullmatch(s) or _EMPTY_CREDIT.match(s):
        return True
    # a credit with a link glued after it: "【编辑：某某】返回某某网，查看更多"
    if (widget := _BACK_LINK.search(s)) and widget.start() and source_credit(s[: widget.start()]):
        return True
    # a closing credit line: "…供稿 摄影/X 编辑/Y" — short, no sentence, ends with an editor field
    if len(s) > 60 or "。" in s:
        return False
    m = EDITOR_TAIL.search(s)
    return m is not None and not is_prose(s[: m.start()])


CLASSIFIERS: tuple[Callable[[str], bool], ...] = (
    comment_heading,
    page_stats,
    pager,
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
CLASSIFIER_BIT = {test: 1 << i for i, test in enumerate(CLASSIFIERS)}  # a classifier's bit in Line.chrome
PROSE_BIT = 1 << len(CLASSIFIERS)  # and whether the line is prose (is_prose), which the line rules ask too
CHROME_BITS = PROSE_BIT - 1  # the classifiers' bits
BYLINE_BIT = 1 << CLASSIFIERS.index(byline)
_MAX_LEN: dict[Callable[[str], bool], int] = {
    byline: BYLINE_MAX_LEN, share_print_bar: SHARE_BAR_MAX_LEN, copyright_footer: COPYRIGHT_MAX_LEN,
    qr_code: QR_MAX_LEN, comment_heading: COMMENT_HEADING_MAX_LEN, page_stats: PAGE_STATS_MAX_LEN, pager: PAGER_MAX_LEN,
    tags: TAGS_MAX_LEN,
}
_LIMITS = sorted(set(_MAX_LEN.values()))
# per limit (and past the last): the classifiers, with their bits, that may take a text of up to that length
_FOR_LENGTH = [
    tuple((test, CLASSIFIER_BIT[test]) for test in CLASSIFIERS if _MAX_LEN.get(test, limit) >= limit)
    for limit in [*_LIMITS, _LIMITS[-1] + 1]
]


# … and the same per length, up to the last limit (one look-up for a line instead of a walk over the limits)
_FOR_EACH_LENGTH = [
    next((_FOR_LENGTH[k] for k, limit in enumerate(_LIMITS) if n <= limit), _FOR_LENGTH[-1])
    for n in range(_LIMITS[-1] + 2)
]


def _classifiers_for(s: str) -> tuple[tuple[Callable[[str], bool], int], ...]:
    """The classifiers, in order and with their bits, that may take ``s`` (stripped) for chrome."""
    return _FOR_EACH_LENGTH[min(len(s), _LIMITS[-1] + 1)]


# The characters a classifier cannot accept a text without: every way it accepts one needs a word or a
# mark, and these are the first characters of those words and the marks (with the letters a search that
# ignores case takes for them). A classifier is asked only about a text holding one of its characters,
# found for all of them in one search; navigation (menus of any words) is always asked.
BREADCRUMB_MARKS = "位>»›＞→"  # what a breadcrumb holds: …位置：, or one of its arrows (a line with none is no crumb)
_NEEDS: dict[Callable[[str], bool], str] = {
    comment_heading: "评回留跟cCrRlL",  # 评论 回复 回应 留言 跟帖; comment(s), response(s), leave a …
    page_stats: "次数量kK\u212a粉",  # …次, …数, …量; "ack" in the lowered text (K and the Kelvin sign lower to k)
    pager: "页",  # 上一页, 第2页
    breadcrumb: BREADCRUMB_MARKS,
    # the notice's words (版权所有 公网安备 网站标识码 违法和不良信息 不良信息举报 版权声明 未经授权 禁止转载
    # 备案号; copyright, all rights reserved, icp, ©), or a footer's label or words
    copyright_footer: "版公网违不未禁备cCaAiI\u0130\u0131©风郑主承协技维运管设声特联关免隐举浏分",
    share_print_bar: "打关分收纠评推字返复转下放缩大列回视护背展阅查已+＋【[",  # the bar's words; bracketed entries
    # 扫一扫 二维码 扫码 微信扫 手机… 用手机 关注我们 官方微博 客户端下载 下载客户端; 打开APP, APP内阅读 (a, A)
    qr_code: "扫二微手用关官客下打aA",
    related_list: "相推延扩热猜精为最更上下点排今图专进此往返-",  # the heads' words; a snippet's dated credit
    tags: "标关相tT",  # 标签 关键词 关键字 相关话题 tag(s)
    byline: ":：/／年-.．",  # a label's colon or slash; a date's 年, slash or separator; author/outlet
    source_credit: "来稿出转供编责",  # 来源 稿源 出处 转自 供稿 编辑 责编
}
_NEEDED = re.compile("[" + re.escape("".join(sorted(set("".join(_NEEDS.values()))))) + "]")
_NEEDED_BY = {
    ch: sum(CLASSIFIER_BIT[test] for test, chars in _NEEDS.items() if ch in chars) for ch in "".join(_NEEDS.values())
}
_ALWAYS_ASKED = sum(CLASSIFIER_BIT[test] for test in CLASSIFIERS if test not in _NEEDS)


# The character test pays on short lines only, where most classifiers may be asked and a few characters are
# searched: past this length only the classifiers without a limit are left, and each turns a long line down at
# a test of its own (a length, a 。, a first word) that costs less than the search of a long text for the
# characters (measured on the seeds and the cwced pages: 80 is the best of 40–200, and asking every classifier
# of a line of 80–200 characters is already cheaper than the search)
NEEDED_TEST_MAX_LEN = 80

# A longer text (a big table's) is searched a slice at a time: all its matches at once were a list twice
# the size of a tab-separated table
NEEDED_SLICE = 1 << 14


def _may_accept(s: str) -> int:
    """The bits of the classifiers that may accept ``s``: those whose characters it holds, and navigation."""
    may = _ALWAYS_ASKED
    if len(s) <= NEEDED_SLICE:
        found = set(_NEEDED.findall(s))
    else:
        found = set()
        for at in range(0, len(s), NEEDED_SLICE):
            found.update(_NEEDED.findall(s, at, at + NEEDED_SLICE))
    for ch in found:
        may |= _NEEDED_BY[ch]
    return may


def classify(text: str) -> str | None:
    """The name of the first classifier that takes ``text`` for page chrome, or None."""
    s = text.strip()
    may = _may_accept(s) if len(s) <= NEEDED_TEST_MAX_LEN else CHROME_BITS
    for test, bit in _classifiers_for(s):
        if may & bit and test(text):
            return test.__name__
    return None


def chrome_bits(line: Line) -> int:
    """Which classifiers accept ``line``'s text (bit ``CLASSIFIER_BIT[test]``), asked once per text and remembered
    on the line: the line rules, the page tail and the title block ask again and again."""
    if line.chrome_of is not line.text:
        s = line.stripped
        bits = PROSE_BIT if is_prose(s) else 0
        if len(s) <= NEEDED_TEST_MAX_LEN:
            may = _may_accept(s)
            for test, bit in _classifiers_for(s):
                if may & bit and test(s):
                    bits |= bit
        else:  # (every classifier left for the length is asked)
            for test, bit in _classifiers_for(s):
                if test(s):
                    bits |= bit
        line.chrome_of, line.chrome = line.text, bits
    return line.chrome & CHROME_BITS


def is_prose_line(line: Line) -> bool:
    """``is_prose(line.stripped)``, from what the line remembers when it knows."""
    return bool(line.chrome & PROSE_BIT) if line.chrome_of is line.text else is_prose(line.stripped)


def line_bits(line: Line) -> int:
    """``chrome_bits`` with the PROSE_BIT bit."""
    if line.chrome_of is not line.text:
        chrome_bits(line)
    return line.chrome


def classify_line(line: Line) -> str | None:
    """``classify(line.stripped)``, from what the line remembers when it was asked before."""
    if line.chrome_of is not line.text:
        return classify(line.stripped)  # asked once (a line outside the main content): stop at the first
    bits = line.chrome & CHROME_BITS
    if not bits:
        return None
    return CLASSIFIERS[(bits & -bits).bit_length() - 1].__name__  # the lowest bit: the first in order

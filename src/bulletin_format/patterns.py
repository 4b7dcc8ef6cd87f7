"""What Chinese official text looks like: shared predicates for the cleaning rules and segmentation.

Only kinds of text are described here (a heading marker, a 发文字号, prose, a date line), never the
words of one page or site.
"""

from __future__ import annotations

import re

from .memo import per_document

CN_NUM = "一二三四五六七八九十百零〇○两"
SENTENCE_END = "。！？；!?;…"
CLAUSE_PUNCT = "，。；、,;：:！？!?"
BULLETS = "●·•◆◇■□○◎★☆▲△▪►▶◉⚫∙・"
DASH_START = ("——", "—", "――", "―", "--", "－－", "－", "─")

HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^第[{CN_NUM}\d]+[章编]")),
    (2, re.compile(rf"^第[{CN_NUM}\d]+节")),
    (1, re.compile(rf"^[{CN_NUM}]+\s*[、．.](?![{CN_NUM}\d])")),
    (2, re.compile(rf"^[（(]\s*[{CN_NUM}]+\s*[）)]")),
    (3, re.compile(r"^\d{1,2}\s*[.．、](?!\d)")),
    (4, re.compile(r"^[（(]\s*\d{1,2}\s*[）)]")),
    (2, re.compile(rf"^(?:[{CN_NUM}]+是|第[{CN_NUM}]+[，,、])")),
)
ARTICLE_CLAUSE = re.compile(rf"^第[{CN_NUM}\d]+条")

_OPEN = "〔[［(（〈<【﹝"
_CLOSE = "〕]］)）〉>】﹞"
DOC_NUMBER = re.compile(
    rf"^(?P<org>[\u4e00-\u9fff]{{1,20}}?)\s*[{re.escape(_OPEN)}]\s*(?P<year>\d{{4}})\s*[{re.escape(_CLOSE)}]\s*"
    r"(?P<num>(?:第\s*)?\d{1,5}\s*号)$"
)
# a salutation opens a speech: 同志们：, 各位代表：, 尊敬的… (not a 主送机关)
SALUTATION = re.compile(
    r"^(?:尊敬的|亲爱的|各位|同志们|朋友们|女士们|先生们|同学们|老师们|来宾们)|(?:们|同志|代表|委员|来宾)[：:]$"
)

# how the name of an organ (发文机关, 编发单位, 落款) ends
ORGAN_END = re.compile(
    r"(?:政府|人大|政协|委员会|常委会|委|部|厅|局|院|办|办公室|室|署|处|科|所|中心|会|组|党组|党委|工委|支部|总队|"
    r"支队|大队|中队|队|公司|集团|银行|学校|大学|学院|校|园|馆|站|社|团|联|省|市|区|县|州|盟|旗|乡|镇|街道|机构|单位|部门)$"
)

URL = re.compile(r"https?://[^\s\u3000<>\"'，。]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[^\s\u3000<>\"'，。]*")

# the labels of a 信息公开 metadata table, and the header fact each one gives (None: no fact we keep)
INFO_TABLE_LABELS: dict[str, str | None] = {
    "索引号": None, "主题分类": None, "发文机关": "issuer", "成文日期": "date", "标题": None, "发文字号": "doc_number",
    "文号": "doc_number", "发布日期": "published", "主题词": None, "公文种类": None, "体裁分类": None, "组配分类": None,
    "有效性": None, "时效": None, "信息名称": None, "名称": None, "内容概述": None, "生成日期": None, "公开方式": None,
    "公开范围": None, "效力状况": None, "统一编号": None, "所属机构": None, "发布机构": "issuer", "信息来源": None,
    "文件编号": "doc_number", "分类": None, "服务对象": None, "签发日期": "date", "实施日期": None, "废止日期": None,
    "发文日期": "date", "发布单位": None, "点阅次数": None, "更新日期": None,  # (Taiwan pages', read as Simplified)
}

_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


# what a heading marker starts with (and any decimal digit, as \d matches): most lines start otherwise
_HEADING_START = frozenset(f"第（({CN_NUM}")
# per first character, the heading patterns a line opening with it may match, in HEADING_PATTERNS' order
# (第: 第一章, 第一节, 第一，; a numeral: 一、, 一是; a bracket: （一）, （1）; a decimal digit: 1.): a line is
# matched against these only, not all seven (a paragraph opening with a date's digits was tried seven times)
_HEADINGS_BY_START: dict[str, tuple[tuple[int, re.Pattern[str]], ...]] = {
    ch: tuple(HEADING_PATTERNS[k] for k in ((0, 1, 6) if ch == "第" else (3, 5) if ch in "（(" else (2, 6)))
    for ch in _HEADING_START
}
_DIGIT_HEADINGS = (HEADING_PATTERNS[4],)


def heading_level(text: str) -> int | None:
    """The heading level a line's marker stands for (一、 → 1, （一） → 2, 1. → 3, （1） → 4)."""
    s = text.strip()
    if not s:
        return None
    patterns = _HEADINGS_BY_START.get(s[0])
    if patterns is None:
        if not s[0].isdecimal():
            return None
        patterns = _DIGIT_HEADINGS
    for level, pattern in patterns:
        if pattern.match(s):
            return level
    return None


def ends_sentence(text: str) -> bool:
    s = text.rstrip()
    return bool(s) and s[-1] in SENTENCE_END


# a text longer than this (a big table's) is counted a slice at a time: its runs found at once were a list
# of strings as long as its CJK text (2.3× a page of one big table, at its reader's peak)
CJK_COUNT_SLICE = 1 << 16


def cjk_count(text: str) -> int:
    if text.isascii():
        return 0
    if len(text) <= CJK_COUNT_SLICE:
        return sum(map(len, _CJK_RUN.findall(text)))  # runs, not characters: a few matches a line
    findall = _CJK_RUN.findall  # a run cut at a slice's end is counted in two parts: the same sum
    return sum(sum(map(len, findall(text, at, at + CJK_COUNT_SLICE))) for at in range(0, len(text), CJK_COUNT_SLICE))


_PROSE_PUNCT = re.compile("[，。；、,;！？!?]")


PROSE_MIN_LEN = 20  # shorter lines are never prose


def is_prose(text: str) -> bool:
    """A line of running text: long enough and punctuated like sentences. (Cached for the lines long
    enough to be prose: every rule asks.)"""
    if len(text) < PROSE_MIN_LEN:
        return False  # shorter once stripped too: no need to remember the answer
    return _is_prose(text)


@per_document
def _is_prose(text: str) -> bool:
    s = text.strip()
    if len(s) < PROSE_MIN_LEN:
        return False
    first = _PROSE_PUNCT.search(s)  # two marks are enough: never count them all
    if first is None:
        return False
    return _PROSE_PUNCT.search(s, first.end()) is not None or (len(s) >= 40 and cjk_count(s) >= 20)


def is_doc_number(text: str) -> bool:
    return bool(DOC_NUMBER.match(text.strip()))


def normalize_doc_number(text: str) -> str:
    """A 发文字号 with its year in 〔〕 and no spaces: 国办发[2018]123号 → 国办发〔2018〕123号."""
    m = DOC_NUMBER.match(re.sub(r"\s", "", text))
    if not m:
        return text.strip()
    return f"{m.group('org')}〔{m.group('year')}〕{m.group('num')}"


_NOT_A_WORD = re.compile(r"[\W_]+")


def canon(text: str | None) -> str:
    """Letters, digits and CJK only: for comparing two printings of the same words."""
    return _NOT_A_WORD.sub("", text or "")


CAPTION = re.compile(
    r"^(?:图为|图片|图：|图:|资料图|组图|视频：)|(?:摄|供图|图片来源\S{0,12})\s*[）)]$"
    r"|(?:记者|摄影|通讯员)[^，。]{0,12}摄\s*[）)]?$"
)
LABELLED = re.compile(r"^[\u4e00-\u9fff](?:[\s\u3000]*[\u4e00-\u9fff]){0,4}[\s\u3000]*[：:]")  # 附件：, 组　长：
# The labels a headline itself may open with (解读：《…》, 图解：…, 快讯：…): a kind of article, not a field
# of a form, so such a line stays a title candidate
HEADLINE_LABEL = re.compile(
    r"^(?:(?:政策|专家|权威|官方|深度)?解读|图解|一图读懂|图说|评论|时评|社评|社论|快讯|聚焦|关注|独家|专访|综述|述评)"
    r"[\s\u3000]*[：:]"
)


# The common Chinese surnames (the two hundred or so that nearly every name begins with) and the compound
# ones: what tells a name printed alone (王小明, 欧阳华) from a short word (背景, 前言, 附件)
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜"
    "崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛"
    "樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲"
    "翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席"
    "卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝封钊帅茅燕"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
                     "夏侯", "令狐", "端木", "南宫", "西门", "独孤", "呼延", "轩辕")


def looks_like_name(s: str) -> bool:
    """A Chinese personal name of two to four characters: a common surname, then one or two characters."""
    if s.startswith(COMPOUND_SURNAMES):
        return 3 <= len(s) <= 4
    return 2 <= len(s) <= 3 and s[0] in SURNAMES


# what stands between the two ends of a span (8:30－9:50, 11－12日, 5月15日至16日); the hyphen last, where a
# character class reads it as itself
SPAN_MARKS = "－—–~～至到-"
# the words a document's title ends with (its kind): …的通知, …工作报告, …管理办法
DOCUMENT_TYPE_END = re.compile(
    r"(?:决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|复函|纪要|规定|办法|条例|细则|规则|方案|法)$"
)
TITLE_MAX_LEN = 60  # the longest line ``is_title_like`` takes for a title unless told otherwise


def _is_caption(s: str) -> bool:
    """``CAPTION.search(s)``, asked only of a text holding 图, 摄 or 视频 (each of its forms holds one)."""
    return ("图" in s or "摄" in s or "视频" in s) and CAPTION.search(s) is not None


# a headline naming its place before a colon (青石镇：农村饮水安全巩固提升跑出“加速度”): the place's name (two
# characters or more before its kind) and a phrase after it, no form's field (所在地区：东岭县)
_PLACE_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:省|市|县|区|镇|乡|村|街道|社区)[：:](?P<rest>[^：:]+)$")
PLACE_HEADLINE_MIN_CJK = 8  # what follows the place: a headline's phrase, not a field's value


def _place_headline(s: str) -> bool:
    m = _PLACE_LABEL.match(s)
    return m is not None and cjk_count(m.group("rest")) >= PLACE_HEADLINE_MIN_CJK


def _is_labelled(s: str) -> bool:
    """``LABELLED.match(s)``, asked only of a text holding a colon (its label ends with one)."""
    return (":" in s or "：" in s) and LABELLED.match(s) is not None


def is_title_like(text: str, *, max_len: int = TITLE_MAX_LEN) -> bool:
    """A short line with no sentence or clause punctuation at its end: a title, subtitle or label.

    Photo captions and labelled lines (原标题：…, 附件：…) are not titles; a line opening with a headline's
    own label (解读：《…》) is. (Cached for the usual
    ``max_len``: the rules and the segmenter ask about the same lines several times.)"""
    if max_len == TITLE_MAX_LEN:
        if not 2 <= len(text.strip()) <= TITLE_MAX_LEN:
            return False  # most lines of a text: no need to remember the answer
        return _is_title_like_usual(text)
    return _is_title_like(text, max_len)


@per_document
def _is_title_like_usual(text: str) -> bool:
    return _is_title_like(text, TITLE_MAX_LEN)


def _is_title_like(text: str, max_len: int) -> bool:
    s = text.strip()
    if not (2 <= len(s) <= max_len):
        return False
    if s[-1] in "。；，、,;：:…" or s[0] in BULLETS or _is_caption(s):
        return False
    if _is_labelled(s) and not HEADLINE_LABEL.match(s) and not _place_headline(s):
        return False
    if s[-1] in "！？!?" and (len(s) < 8 or any(c in s for c in "，。；,;")):
        return False  # an exclamation, not a headline ending in one
    if cjk_count(s) < 2:
        return False
    return True


SPEECH_NOTE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*在.{2,60}(?:会议|大会|会|典礼|仪式)上")


def is_subtitle(text: str) -> bool:
    """A 副题: starts with a dash, is wholly in parentheses, or is a speech's 题注 without its dash
    ("2026年1月27日在…会议上"). A date alone in brackets (（2022年11月17日）) is no 副题 but a dateline: when
    the text was given (the byline's)."""
    s = text.strip()
    if s.startswith(DASH_START) or (s[:1].isdecimal() and SPEECH_NOTE.match(s)):  # (it opens with \d: isdecimal)
        return True
    return len(s) > 2 and s[0] in "（(" and s[-1] in "）)" and heading_level(s) is None and not is_dateline(s)


def is_dateline(text: str) -> bool:
    """A date alone in round brackets, （2022年11月17日）: when a speech was given, printed under its title."""
    s = text.strip()
    if not (len(s) > 2 and s[0] in "（(" and s[-1] in "）)"):
        return False
    from .normalize.dates import is_date_only  # (dates reads this module's constants: imported when asked)

    return is_date_only(s[1:-1].strip())


def strip_bullet(text: str) -> str:
    return text.strip().lstrip(BULLETS).strip()

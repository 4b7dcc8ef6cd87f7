"""Articles: title blocks (titles wrapped over lines, subtitles), headings by level, paragraphs.

A bulletin issue holds several articles, each opened by a title block; a document, speech or news
page holds one, whose later title-like lines are unnumbered subheadings.

A title block is the title (a version mark such as （试行） on its own line included; a title printed
with a space between every character closed up), then a 副题 (a dash line, or a parenthesised note),
then a byline: the author organ and the date printed under it, a speaker's office and name (also when
printed at the end of the 副题), reporters. The byline is neither title nor 副题.
"""

from __future__ import annotations

import functools
import re

from ..lines import Line, line_pitch
from ..memo import per_document
from ..model import Article, Block
from ..normalize.dates import find_dates, is_date_only
from ..patterns import (
    BULLETS,
    DOCUMENT_TYPE_END,
    ORGAN_END,
    heading_level,
    is_dateline,
    is_doc_number,
    is_prose,
    is_subtitle,
    is_title_like,
    looks_like_name,
)

_NO_HEADING_END = "。！？；!?;…：:，,"
_SP = r"[\s\u3000]"
_NAME = r"[\u4e00-\u9fff·]{2,4}"
# reporters and writers: 记者　张某　李某 / 本报记者 王某 / 文/张某 / 通讯员 李某
_CREDIT = re.compile(
    rf"^(?:本报|本刊|本台|本网|特约)?(?:记者|通讯员|实习生|撰稿|撰文|作者|执笔|文|图|摄影?)"
    rf"{_SP}*[/／:：]?{_SP}*{_NAME}(?:[、，,\s\u3000]+{_NAME}){{0,5}}$"
)
_OFFICE_END = r"(?:长|书记|主任|主席|委员|部长|代表|理事|总监|经理|教授|院士|专员|总裁|秘书|参事|巡视员|负责人)"
# a speaker: her office, then her name — on its own line, or at the end of the 副题; the office may be one
# character and its end (市长, 省长, 局长)
_OFFICE = rf"[\u4e00-\u9fff（）()、]{{1,30}}{_OFFICE_END}"
_SPEAKER = re.compile(rf"^(?P<office>{_OFFICE}){_SP}+(?P<name>{_NAME})$")


# a speaker named at the end of the 副题, after what the note says (在……会议上的讲话　某某市长　张某)
@functools.cache
def _speaker_at_end() -> re.Pattern[str]:
    """The speaker at the end of a 副题 (compiled when a title block first has a 副题: its CJK classes cost
    more than a millisecond to compile, and most documents have none)."""
    return re.compile(
        rf"^(?P<note>.+?(?:上|时|中|期间|会议|讲话|报告|发言|致辞)){_SP}+"
        rf"(?P<speaker>{_OFFICE}{_SP}+{_NAME})$"
    )


# a version mark printed under a title belongs to it: （试行）, （2021年修订）, （征求意见稿）
_VERSION_MARK = re.compile(
    r"^[（(]\s*(?:试\s*行|暂\s*行|修\s*订|修\s*正|草\s*案|征\s*求\s*意\s*见\s*稿|送\s*审\s*稿|讨\s*论\s*稿|"
    r"\d{4}\s*年\s*(?:修\s*订|修\s*正)?(?:版|本)?|第[一二三四五六七八九十\d]+次修订)\s*[）)]$"
)
# a title printed with a space between every character: 某 某 市 管 理 办 法
_SPACED = re.compile(r"^\S(?:[ \u3000]+\S){3,}$")
# the runs of spaces closed up (compiled once: ``re.sub`` with a pattern's text looks it up in re's cache per call)
_ANY_SPACES = re.compile(r"[\s\u3000]+")
_GAPS = re.compile(r"[ \u3000]+")
_WHITESPACE = re.compile(r"\s+")


# what a credit starts with (the first character of its words); what a speaker's line ends with (her name)
_CREDIT_FIRST = frozenset("本特记通实撰作执文图摄")


def _ends_with_name_char(s: str) -> bool:
    return bool(s) and ("\u4e00" <= s[-1] <= "\u9fff" or s[-1] == "·")


def is_byline(text: str) -> bool:
    """A line naming who wrote or spoke: reporters (记者　张某), a speaker's office and name. (Each pattern is
    tried only on a line that can match it: most lines are sentences, ending with a mark.)"""
    s = text.strip()
    if not _ends_with_name_char(s):
        return False  # both end with a name
    if s[:1] in BULLETS:
        s = s.lstrip(BULLETS).lstrip()  # an e-paper's ■本报记者　张某
        if not s:
            return False
    return bool((s[0] in _CREDIT_FIRST and _CREDIT.match(s)) or _SPEAKER.match(s))


def organ_and_date_at(lines: list[Line], i: int) -> int:
    """How many lines from ``i`` are an author organ with the date under it (or on the same line)."""
    s = lines[i].stripped
    if len(s) > 40 or is_prose(s):
        return 0
    dates = find_dates(s)
    if dates and dates[-1].end == len(s) and ORGAN_END.search(s[: dates[-1].start].strip()):
        return 1  # 某某市发展和改革委员会　2021年3月5日
    if not dates and ORGAN_END.search(s) and i + 1 < len(lines) and (
            is_date_only(lines[i + 1].stripped) or is_dateline(lines[i + 1].stripped)):
        return 2  # the organ over its date, bare or in brackets (某某县统计局 / （2026年3月18日）)
    return 0


# a name printed alone under a title: a Han name of two or three characters (a minority's with its ·)
_BARE_NAME = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{1,6}·[\u4e00-\u9fff]{1,8})$")
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# what a title's line that runs on into the next ends with: a conjunction or a preposition (…和 / 发展)
_RUNS_ON = tuple("和与及之对在为于")
# the short words a title wrapped after its 的 ends with, besides a document's kind (…工作的 / 讲话)
_TITLE_END_WORD = re.compile(
    r"(?:讲话|致辞|发言|演讲|说明|建议|总结|汇报|规划|计划|倡议|贺信|贺电|回信|答问|问答|综述)$"
)


def name_under_title(lines: list[Line], k: int) -> bool:
    """Line ``k`` is the author's name printed alone under the title line before it (胡平, 欧阳华): a name
    (``looks_like_name``: a common surname first) that no markup made a heading, not the end of a title
    wrapped over lines (…和 / 发展: a conjunction before it; …的 / 通知, …的 / 讲话: a document's kind),
    and text follows it."""
    if k == 0 or k + 1 >= len(lines):
        return False
    s, above = _ANY_SPACES.sub("", lines[k].stripped), lines[k - 1].stripped  # (李　华: a name spaced out)
    return (
        _BARE_NAME.match(s) is not None
        and (looks_like_name(s) or "·" in s)
        and not any(h.startswith("heading") or h in _HEADING_TAGS for h in lines[k].hints)  # (a marked heading)
        and not above.endswith(_RUNS_ON)
        and DOCUMENT_TYPE_END.search(s) is None
        and _TITLE_END_WORD.search(s) is None
        and not is_title_line(lines[k + 1])
    )


def byline_at(lines: list[Line], i: int) -> int:
    """How many lines from ``i`` form the byline under a title block (0 if none)."""
    n = 0
    while i + n < len(lines) and n < 4:
        s = lines[i + n].stripped
        if is_byline(s) or "byline" in lines[i + n].hints or (n == 0 and name_under_title(lines, i)):
            n += 1
        elif k := organ_and_date_at(lines, i + n):
            n += k
        elif (n or s[:1] in "（(") and is_date_only(s.strip("（()）")):
            n += 1  # the date under a speaker's name, or alone in brackets under the title: when it was given
        else:
            break
    return n


def unspaced(text: str) -> str:
    """A title printed with a space between every character, closed up; any other text unchanged."""
    s = text.strip()
    if _SPACED.match(s) and all(len(part) <= 2 for part in _GAPS.split(s)):
        return _GAPS.sub("", s)
    if s[:1] in "（(" and _VERSION_MARK.match(s):
        return _WHITESPACE.sub("", s)
    return s


def block_for(line: Line) -> Block:
    if line.table is not None:
        return Block.table(line.table, line.header_rows, line.number, text=line.text)
    s = line.stripped
    level = heading_level(s)
    if level is not None and s[-1] not in _NO_HEADING_END and len(s) <= 80:
        return Block("heading", s, level, line.number)
    return Block("paragraph", s, None, line.number)


def is_title_line(line: Line) -> bool:
    return line.table is None and _is_title_text(line.stripped)


# A news lead opens with its dateline in brackets: 【新华社北京3月5日电】, 【某某网2005年07月03日报道】, 【本报讯】
_DATELINE = re.compile(r"^[【\[][^】\]]{2,30}(?:电|讯|报道)[】\]]")
# … or printed alone on its first line, without brackets: 本报云岭4月22日电, 新华社北京3月5日电, 本报讯
_DATELINE_ALONE = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,12}?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日"
    r"(?:电|讯)|(?:本报|本网|本台)讯)$"
)


def is_news_dateline(text: str) -> bool:
    """A news text's 电头 alone on a line, bracketed or not (【本报讯】, 本报云岭4月22日电): it opens the text."""
    s = text.strip()
    if s[:1] in "【[" and s[-1:] in "】]":
        s = s[1:-1].strip()
    return _DATELINE_ALONE.match(s) is not None


@per_document
def _is_title_text(s: str) -> bool:
    """(Cached: a title block is looked for at every line, each time over the next few lines.) No line of
    a title ends a sentence inside it (a hard-wrapped paragraph's lines do) or opens with a dateline."""
    return (
        (is_title_like(s) or is_subtitle(s))
        and "。" not in s
        and not _DATELINE.match(s)
        and not is_news_dateline(s)
        and heading_level(s) is None
        and not is_doc_number(s)
        and not is_date_only(s)
        and not is_byline(s)
    )


# Lines of one title stand at most this many input lines apart (a blank line or two between a title's
# lines, its 副题), counted in the text's own line pitch (``text_pitch``)
TITLE_LINES_APART = 3
PITCH_SAMPLE = 200  # the first lines, whose input line numbers tell a text's line pitch (``lines.line_pitch``)


def text_pitch(lines: list[Line]) -> int:
    """``line_pitch`` of the first PITCH_SAMPLE lines."""
    return line_pitch(ln.number for ln in lines[: PITCH_SAMPLE + 1])


def title_block_at(lines: list[Line], i: int, *, max_lines: int = 4, pitch: int = 1) -> int:
    """How many lines from ``i`` form a title block (0 if none): title-like lines followed by text.

    A block ends after its 副题; a reader that found the title (HTML) marks its lines "title" and
    a 副题 under it "subtitle", and then the block is exactly those lines. ``pitch``: the text's
    ``text_pitch``."""
    if "title" in lines[i].hints:
        n = 1
        while i + n < len(lines) and "title" in lines[i + n].hints:
            n += 1
        if i + n < len(lines) and "subtitle" in lines[i + n].hints:
            n += 1
        return n
    n = 0
    while i + n < len(lines) and n < max_lines and is_title_line(lines[i + n]):
        if n and lines[i + n].number - lines[i + n - 1].number > TITLE_LINES_APART * pitch and not is_subtitle(
                lines[i + n].stripped):
            break  # far apart in the input: not one wrapped title
        if n and (organ_and_date_at(lines, i + n) or name_under_title(lines, i + n)
                  or is_dateline(lines[i + n].stripped)):
            # the author organ and its date, the author's name, or a date alone in brackets (when a speech
            # was given) under the title: a byline or a dateline, no part of the title
            break
        n += 1
        if n > 1 and is_subtitle(lines[i + n - 1].stripped):
            break  # nothing after a 副题 belongs to the title
    if n == 0 or i + n >= len(lines):
        return 0
    if n == max_lines and is_title_line(lines[i + n]):
        return 0  # a run of short lines (a list), not a title
    return n


def kicker_at(lines: list[Line], i: int, *, pitch: int = 1) -> int:
    """1 when line ``i`` is an 引题: a line the reader marked ``kicker`` (the HTML reader, the writer's 引题
    style in a DOCX, a Markdown paragraph over the title heading) right over a title block; else 0. The one
    test of both places that look for a title block at the top: the title of a one-article text
    (``segment._title_echoes_removed``) and every article's (``split_articles``)."""
    if "kicker" in lines[i].hints and i + 1 < len(lines) and title_block_at(lines, i + 1, pitch=pitch):
        return 1
    return 0


def make_article(title_lines: list[Line]) -> Article:
    art = Article()
    subtitles: list[str] = []
    for ln in title_lines:
        s = unspaced(ln.stripped)
        if art.title_lines and not subtitles and _VERSION_MARK.match(s):
            art.title_lines.append(s)  # （试行） under the title is part of it
        elif ("subtitle" in ln.hints or is_subtitle(s)) and art.title_lines:
            subtitles.append(s)
        else:
            art.title_lines.append(s)
    art.title = "".join(art.title_lines) or None
    art.subtitle = "".join(subtitles) or None
    if art.subtitle and (m := _speaker_at_end().match(art.subtitle)):
        art.subtitle, art.byline = m.group("note"), m.group("speaker")
    return art


def add_byline(article: Article, lines: list[Line]) -> None:
    """The byline lines under a title block, joined by a space, after any byline the 副题 carried."""
    text = " ".join(ln.stripped for ln in lines)
    article.byline = f"{article.byline} {text}" if article.byline else text


def _short_line(line: Line) -> bool:
    s = line.stripped
    return line.table is None and not is_prose(s) and len(s) <= 60 and heading_level(s) is None


def _subheading(lines: list[Line], i: int, previous: Block | None) -> bool:
    """An unnumbered subheading of a one-article text: a title-like line standing alone between text —
    not one of a run of short lines (the members of a 领导小组, a list of names or units)."""
    ln = lines[i]
    if not is_title_line(ln) or is_prose(ln.stripped):
        return False
    in_list_after = i + 1 < len(lines) and _short_line(lines[i + 1])
    in_list_before = previous is not None and previous.type == "paragraph" and previous.level is None \
        and not is_prose(previous.text) and len(previous.text) <= 60
    return not (in_list_after or in_list_before)


def split_articles(lines: list[Line], *, many: bool) -> list[Article]:
    """Group body lines into articles (``many``: a bulletin with several titled articles)."""
    articles: list[Article] = []
    current: Article | None = None
    kicker: str | None = None
    pitch = text_pitch(lines)
    i = 0
    while i < len(lines):
        if kicker_at(lines, i, pitch=pitch):
            kicker = lines[i].stripped  # the 引题 printed over the headline that follows
            i += 1
            continue
        # a document holds one article: once it has begun, no title block opens another
        n = title_block_at(lines, i, pitch=pitch) if many or current is None else 0
        if n:
            current = make_article(lines[i : i + n])
            current.kicker, kicker = kicker, None
            articles.append(current)
            i += n
            if k := byline_at(lines, i):
                add_byline(current, lines[i : i + k])
                i += k
            continue
        if current is None:
            current = Article()
            articles.append(current)
        ln = lines[i]
        block = block_for(ln)
        previous = current.blocks[-1] if current.blocks else None
        if not many and block.type == "paragraph" and _subheading(lines, i, previous):
            block = Block("heading", ln.stripped, None, ln.number)
        current.blocks.append(block)
        i += 1
    return articles

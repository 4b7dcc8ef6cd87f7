"""The boilerplate rules, in the order they run. Each one's name is the reason users see.

Line rules look at one line at a time: each removes the lines a classifier of ``clean.chrome`` (a
predicate per kind of chrome) accepts. Structural rules look at the page as a whole: crawler fragments,
a title glued to the body, the title printed again, the HTML page's main content and title block, and
the page tail after the document ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from ..lines import Line, PassState
from ..normalize.dates import find_dates, is_date_only
from ..patterns import (
    INFO_TABLE_LABELS,
    ORGAN_END,
    SENTENCE_END,
    canon,
    cjk_count,
    heading_level,
    is_dateline,
    is_doc_number,
    is_prose,
    is_subtitle,
    is_title_like,
    looks_like_name,
    normalize_doc_number,
)
from ..segment.articles import byline_at, is_byline, is_news_dateline
from ..segment.distribution import match_line
from ..segment.official import is_document_title
from .chrome import (
    BREADCRUMB_LEAD,
    BREADCRUMB_MARKS,
    BYLINE_BIT,
    CHROME_BITS,
    CLASSIFIER_BIT,
    CRUMB_SEP,
    DATE_TIME_ONLY,
    EDITOR_TAIL,
    LONE_LABEL,
    MENU_ONLY_ENTRIES,
    PAGE_MARKER,
    PROSE_BIT,
    RELATED_HEAD,
    SHARE_TOKENS,
    TEXT_CHAR,
    any_of,
    bracketed_date_stamp,
    breadcrumb,
    byline,
    chrome_bits,
    classify,
    classify_line,
    comment_heading,
    copyright_footer,
    fill_metadata,
    has_labelled_field,
    is_date_stamp,
    is_prose_line,
    line_bits,
    navigation,
    page_stats,
    pager,
    qr_code,
    related_list,
    share_print_bar,
    source_credit,
    tags,
)
from .pages import page_break_join, page_number, running_head

Rule = Callable[[PassState], None]

# ---------------------------------------------------------------------------------------------
# The rules.

_INFO_LABEL = re.compile(r"^(?P<label>[\u4e00-\u9fff\s\u3000]{2,12}?)\s*[:：]\s*(?P<value>.*)$")


LONE_LABEL_MAX_LEN = 12  # a label standing alone, spaces included (發 布 日 期)


def _info_label(text: str) -> tuple[str, str] | None:
    if ":" not in text and "：" not in text:
        # a label ends with a colon — or stands alone over its value (a <dt> over its <dd>: 發布日期 / 111-10-07)
        if len(text) > LONE_LABEL_MAX_LEN:
            return None  # (most lines: no copy of them made)
        label = re.sub(r"[\s\u3000]", "", text)
        return (label, "") if label in INFO_TABLE_LABELS else None
    m = _INFO_LABEL.match(text.strip())
    if not m:
        return None
    label = re.sub(r"[\s\u3000]", "", m.group("label"))
    return (label, m.group("value").strip()) if label in INFO_TABLE_LABELS else None


FACT_TABLE_MIN_ROWS = 2  # a table of a label and a value a row, every label a page fact's: 發文日期, 發文字號


def _fact_table(line: Line) -> list[tuple[str, str]] | None:
    """The (label, value) rows of a table printing only page facts, a label and its value a row."""
    rows = line.table
    if rows is None or not FACT_TABLE_MIN_ROWS <= len(rows) <= len(INFO_TABLE_LABELS):
        return None
    facts = []
    for row in rows:
        cells = [c.text.strip() for c in row if c.text.strip()]
        label = re.sub(r"[\s\u3000:：]", "", cells[0]) if len(cells) == 2 else ""
        if label not in INFO_TABLE_LABELS:
            return None
        facts.append((label, cells[1]))
    return facts


def info_table(state: PassState) -> None:
    """The metadata table of 信息公开 pages (索引号, 发文机关, 成文日期, 发文字号 …) above the document:
    its facts go to the header, its lines are removed. Needs at least three labels close together — or a
    table of its own, a label and its value a row (a Taiwan 公告's 發文日期 and 發文字號)."""
    lines = state.lines
    for ln in lines:
        if ln.table is not None and not ln.removed and (rows := _fact_table(ln)) is not None:
            state.remove(ln, "info_table")
            # (a 字號 that is no 发文字号 of GB/T 9704's form — 府社字第1130012345號 — stays in removed only: the
            # header's doc_number is printed in the 版头 and read back as one)
            _info_facts(state, [(k, v) for k, v in rows if INFO_TABLE_LABELS[k] != "doc_number" or is_doc_number(v)])
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
        # (a lone label ends with its colon; every breadcrumb lead holds 位置 in its first six characters)
        if not ((s.endswith((":", "：")) and LONE_LABEL.match(s)) or s in ("【", "[", ">", "|")
                or (s.find("位置", 0, 6) >= 0 and BREADCRUMB_LEAD.match(s)) or before_separator):
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
                nxt.startswith(("】", "]")) or LONE_LABEL.match(nxt) or len(nxt) <= 1 or _lone_fact_label(nxt)
            if not glue:
                break
            parts.append(nxt)
            j += 1
        if j - i < 2:
            i += 1
            continue
        joined = "".join(parts)
        reason = classify(joined) or (
            "byline" if LONE_LABEL.match(s) and fill_metadata(state, " ".join(parts)) else None
        )
        if reason:
            # (the facts of labelled fragments whatever the chrome: 来源：, then its value 某某微信公众号, read
            # together as a QR prompt, as remove_chrome reads a labelled line)
            if reason in ("byline", "source_credit") or has_labelled_field(joined):
                fill_metadata(state, " ".join(parts))
            for k in range(i, j):
                state.remove(lines[k], reason)
            i = j
        else:
            i += 1


_TOOL_WORD = re.compile(
    r"^[【\[]?(?:" + SHARE_TOKENS.pattern + r"|全屏|加大|减小|还原|默认|放大|缩小|大|中|小)[】\]]?[:：]?$"
)


# what a tool word starts with: a bracket, or the first character of one of its words (every word is literal)
_TOOL_FIRST = frozenset("【[") | {
    word[0] for word in (SHARE_TOKENS.pattern + "|全屏|加大|减小|还原|默认|放大|缩小|大|中|小").split("|")
}


def _toolbar_kind(ln: Line) -> int:
    if ln.removed:
        return 2 if ln.removed == "share_print_bar" else 0
    s = ln.stripped
    return 2 if s[:1] in _TOOL_FIRST and _TOOL_WORD.match(s) else 1 if s in ("【", "】", "[", "]", "|") else 0


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
            items.update(p for p in CRUMB_SEP.split("".join(run) if len(run) > 1 else run[0]) if p)
            items.update(run)
            run = []
        if ln.removed:
            continue
        s = ln.stripped
        if is_prose(s):
            return
        if s in items and len(s) <= 12 and not (state.title_hint and canon(s) == canon(state.title_hint)):
            # (a short headline that is also the breadcrumb's last crumb and the page's <title> is the title)
            state.remove(ln, "breadcrumb")


def remove_chrome(state: PassState, line: Line, reason: str) -> None:
    """Remove a chrome line; whatever its reason, labelled page facts in it (来源：, 时间：…) are kept."""
    state.remove(line, reason)
    if reason in ("byline", "source_credit") or has_labelled_field(line.stripped):
        fill_metadata(state, line.stripped)


def _line_rule(test: Callable[[str], bool], *, head_only: bool = False) -> Rule:
    """Make a rule that removes every kept line ``test`` accepts, with the test's name as reason. A data table
    is content, not a line: its cells joined look like a menu (序号 单位 金额 …) or a byline (作者 来源 日期),
    so a table line is never judged, unless it is mostly links (a menu or a list of links laid out as a table)."""

    bit = CLASSIFIER_BIT[test]

    def rule(state: PassState) -> None:
        if not head_only:  # (the same, without the page head's bookkeeping: most line rules)
            for ln in state.lines:
                if ln.chrome_of is ln.text and not ln.chrome & bit:
                    continue  # (known not to be this chrome: most lines, once the first line rule has asked)
                if ln.removed or "outside" in ln.hints or (ln.table is not None and "link" not in ln.hints):
                    continue
                if (ln.chrome if ln.chrome_of is ln.text else line_bits(ln)) & bit:
                    remove_chrome(state, ln, test.__name__)
            return
        seen_prose = False
        for ln in state.lines:
            if ln.removed or "outside" in ln.hints:  # HTML chrome: outside_main_content names it
                continue
            if head_only and seen_prose:
                return
            if ln.table is not None and "link" not in ln.hints:
                seen_prose = True  # (the text has begun: what follows is no page head)
                continue
            bits = ln.chrome if ln.chrome_of is ln.text else line_bits(ln)
            if bits & bit:
                remove_chrome(state, ln, test.__name__)
            elif bits & PROSE_BIT:
                seen_prose = True

    rule.__name__ = test.__name__
    rule.__doc__ = test.__doc__
    return rule


_GLUED_LINK = re.compile(
    r"(?<=[。！？!?”」』])\s*(?:返回.{0,8}(?:首页|顶部|列表)|【?(?:打印|关闭)(?:本页|窗口)?】?)+\s*[>》»]*\s*$"
)


# what is glued, the reason it is removed with ("": by the link's kind), and the words it cannot lack
_GLUED_TAILS = (
    (EDITOR_TAIL, "source_credit", any_of(("编辑", "责编"))),  # an editor label, preceded by any source field
    (_GLUED_LINK, "", any_of(("返回", "打印", "关闭"))),
)


_GLUED_WORDS = any_of(("编辑", "责编", "返回", "打印", "关闭"))  # any of _GLUED_TAILS' words


def _lacks_glued_words(text: str, offset: int) -> bool:
    """Whether ``text`` from ``offset`` lacks every character _GLUED_WORDS' words hold one of (编, 返, 打, 关):
    four substring scans cost less than the search (most paragraphs end without any)."""
    return text.find("编", offset) < 0 and text.find("返", offset) < 0 and text.find("打", offset) < 0 \
        and text.find("关", offset) < 0


# A site's menu copied into a text (a crawler's dump of a page), one entry a line, at the text's top: this
# many short entries in a row (two are a 版头's organ over its number, or a 简报's name over its 期号)
MENU_COLUMN_MIN = 3
MENU_ITEM_ASCII_MAX_LEN = 24  # an English entry ("Press Releases", "Accessibility") is longer in characters
# a menu entry holds no clause mark and no digit (a 发文字号, a 期号, a date, 同志们： hold one)
_NOT_MENU_ITEM = re.compile(r"[，。；：:;,!！?？、“”《》（）()〔〕\[\]0-9０-９]")
# what a page prints under its menu and above the title: the menu ends there, and the title is below it
_UNDER_MENU = frozenset({"breadcrumb"})


def _menu_item(line: Line) -> bool:
    s = line.stripped
    limit = MENU_ITEM_ASCII_MAX_LEN if s.isascii() else MENU_ITEM_MAX_LEN
    return 0 < len(s) <= limit and line.table is None and not _NOT_MENU_ITEM.search(s)


SITE_NAME_LINES = 2  # the site's (or company's) name and a slogan over its menu
SITE_NAME_MAX_LEN = 30  # a site's name: 某某县人民政府门户网站, 某某城市投资发展集团有限公司


# what a site's, an outlet's or an account's name ends with (某某门户网站, 某某日报, 某某发布, 某某融媒)
_OUTLET_END = re.compile(r"(?:网|网站|门户|在线|频道|平台|客户端|日报|晚报|报|台|官网|发布|融媒)$")


def _site_name(s: str) -> bool:
    """A line that reads as a site's or its owner's name (某某县人民政府门户网站, 某某集团有限公司)."""
    return (_OUTLET_END.search(s) is not None or ORGAN_END.search(s) is not None) and not is_document_title(s)


def site_menu(state: PassState) -> None:
    """A text's copy of the site's menu, one entry a line, opening it: short lines in a row (no clause mark,
    no digit) over a breadcrumb or a title. Over a byline or the text itself, the last of them is the
    title, not an entry (首页 / 通知公告 / 关于放假的通知 / 发布时间：…). The site's name printed over the menu
    (a menu on one line, or a column of entries) and over the breadcrumb under it is chrome too."""
    run: list[Line] = []
    names: list[Line] = []  # short lines over the menu: the site's name, when a menu and a breadcrumb follow
    one_line_menu = False  # a menu on one line (navigation) among the lines read
    title_below = False  # whether the line ending the run is a breadcrumb or a title: no entry is the title
    crumb_below = False
    name_over_menu = False  # the names stand right over a menu on one line (a strong sign: no crumb needed)
    previous: Line | None = None
    for ln in state.lines:
        if "outside" in ln.hints:
            continue  # (an HTML page's chrome: outside_main_content names it)
        if ln.removed:
            # (a head line under the title, HEAD_LINE_REASONS: the menu's last short line above it is the title)
            if ln.removed in _UNDER_MENU or ln.removed in HEAD_LINE_REASONS:
                title_below = crumb_below = ln.removed in _UNDER_MENU
                break
            if ln.removed == "navigation" and not one_line_menu:
                one_line_menu = True  # short lines read so far stand over the site's menu: its name
                names, run = [*names, *run], []
                name_over_menu = bool(names) and names[-1] is previous
            continue  # other chrome among the entries (a one-line menu, a skip link)
        previous = ln
        if _menu_item(ln):
            run.append(ln)
            continue
        s = ln.stripped
        # (under a tool bar on one line — 登录 | 注册 —, the site's name may still stand over its menu)
        if not run and len(names) < SITE_NAME_LINES and len(s) <= SITE_NAME_MAX_LEN and not is_prose(s) \
                and (not one_line_menu or _site_name(s)):
            names.append(ln)
            continue
        title_below = is_title_like(s) and heading_level(s) is None and not is_prose(s)
        break
    if not title_below:
        run = run[:-1]
    # a column of short lines is a menu when the page says so: a breadcrumb or a one-line menu under it, or an
    # entry only a site's menu prints (首页, English, 繁體) — a list of names under a title is none
    menu = len(run) >= MENU_COLUMN_MIN and (crumb_below or one_line_menu or any(
        ln.stripped.lower() in MENU_ONLY_ENTRIES for ln in run)) and sum(
        looks_like_name(ln.stripped) for ln in run) * 2 < len(run)
    if menu:
        for ln in run:
            state.remove(ln, "site_menu")
    if not menu and not names and len(run) == 1:
        names = run  # one short line alone over the breadcrumb: no menu, maybe the site's name
    # (the site's name opens the page: under other lines, it is a line of the text above some menu-like line)
    # (only chrome the rules removed, a tool bar, may stand above it)
    first_kept = next((ln for ln in state.lines if ln.kept), None)  # (the names are still kept lines)
    opens = bool(names) and len(names) <= SITE_NAME_LINES and names[0] is first_kept
    # with no menu, the one line over the breadcrumb is the site's name when it reads as one (…门户网站,
    # …人民政府): a title is printed under the breadcrumb (over a dated crumb, kind 41, it stays the title)
    named_over_crumb = crumb_below and len(names) == 1 and _site_name(names[0].stripped)
    if opens and (((menu or one_line_menu) and crumb_below) or name_over_menu or named_over_crumb):
        for ln in names:
            state.remove(ln, "site_name")


_GOES_ON = "的之和与及、，,（(《“"  # a line ending so is broken in the middle of its phrase


def kicker_over_title(state: PassState) -> None:
    """A text (no reader marked its title): an 引题 set apart over the headline, which stands right over its
    byline (聚焦河湖治理·基层一线 / blank lines / 东岭县推进河湖治理见实效 / 发布时间：…), or over a plain 副题
    right over the byline — the headline is the title, the line over it its 引题 (and the one under it its
    副题); they were read as the title and the text's first line, or all joined. Marks them, removes nothing."""
    lines = state.lines
    kept: list[int] = []  # the first three kept lines
    for i, ln in enumerate(lines):
        if ln.hints & {"outside", "title", "kicker"}:
            return  # (the reader, or the HTML title rules, find the title block)
        if ln.kept:
            kept.append(i)
            if len(kept) == 3:
                break
    for n in (2, 3):  # 引题 and headline; 引题, headline and 副题
        if len(kept) < n:
            return
        under = lines[kept[n - 1] + 1] if kept[n - 1] + 1 < len(lines) else None
        if under is None or under.removed not in HEAD_LINE_REASONS:
            continue  # the title block stands right over its byline
        a, b = lines[kept[0]], lines[kept[1]]
        c = lines[kept[2]] if n == 3 else None
        if (_kicker_shape(a) and is_title_like(b.stripped) and not is_prose(b.stripped)
                # an 引题 is shorter than its headline, and no 公文 title wrapped over two lines (东岭县人民政府 /
                # 关于…的通知) nor a headline broken after a word that goes on (…的 / …)
                and cjk_count(a.stripped) < cjk_count(b.stripped)
                and not is_document_title(a.stripped + b.stripped) and a.stripped[-1] not in _GOES_ON
                and not is_subtitle(b.stripped) and not is_document_title(a.stripped)  # (a title over its 副题)
                and (c is None or (is_title_like(c.stripped) and cjk_count(c.stripped) < cjk_count(b.stripped)
                                   and b.stripped[-1] not in _GOES_ON and not looks_like_name(c.stripped)
                                   and not _names_only(c.stripped)))):
            a.hints = a.hints | {"kicker"}
            b.hints = b.hints | {"title"}
            if c is not None:
                c.hints = c.hints | {"subtitle"}
            return


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
    if ln.removed or not is_prose_line(ln):
        return None
    # both patterns end at the line's end and are short: search only its last stretch, and only when
    # that holds the words they need
    text = ln.text
    offset = max(0, len(text) - 160)
    if _lacks_glued_words(text, offset) or _GLUED_WORDS.search(text, offset) is None:
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
    """A line holding only a date and time, or a date in brackets ([2023-03-05]), above the body: the page's
    publication stamp."""
    for ln in state.lines:
        if ln.removed:
            continue
        s = ln.stripped
        if is_prose(s):
            return
        stamp = bracketed_date_stamp(s)
        if stamp is not None or (DATE_TIME_ONLY.match(s) and re.search(r"\d{1,2}[:：]\d{2}", s)):
            state.remove(ln, "byline")
            fill_metadata(state, stamp or s)


def glued_title(state: PassState) -> None:
    """A page title glued to the first body fragment ("TITLE泛知晓,…") when the title repeats later."""
    kept = state.kept()
    if len(kept) < 3:
        return
    # (a table is one unit, never cut: a first cell repeated later is no glued title)
    early = [(first, first.stripped) for first in kept[:3] if first.table is None]
    longest = max((len(f) for _, f in early), default=0)
    for ln in kept[3:]:
        t = ln.stripped
        if len(t) < 6 or len(t) + 1 >= longest:
            continue  # (too short, or no early line is longer: most lines of a text)
        for first, f in early:
            # (a date is no title: a text opening with the day a meeting was held, under the 落款 dated so)
            if len(f) > len(t) + 1 and f.startswith(t) and is_title_like(t) and not is_title_like(f) \
                    and not is_date_only(t):
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
            elif PAGE_MARKER.match(rest) or re.fullmatch(r"[(（]\s*\d{1,3}\s*[)）]", rest):
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
# the reasons of the lines a page tail may start at (_DECISIVE_END, _STRONG_END, _WEAK_END); a kept line needs a
# byline's bit (_is_strong_end)
_END_REASONS = _DECISIVE_END | _STRONG_END | _WEAK_END


def distribution_line(text: str) -> bool:
    """A 报尾/版记 line (报：, 抄送：, …印发): document text even after the last credit."""
    return match_line(text) is not None


def _is_strong_end(line: Line) -> bool:
    if line.removed in _STRONG_END:
        return True
    if line.kept and chrome_bits(line) & BYLINE_BIT and find_dates(line.stripped):
        return True  # a post's dated byline under its text ("发表于 … 12:40"): the line rules read only the head
    return line.removed == "related_list" and bool(RELATED_HEAD.match(line.stripped)) and len(line.stripped) <= 12


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
            prose_run = prose_run + len(s) if is_prose_line(ln) else 0
        after[i] = after[i + 1] or starts_here
    return [after[i + 1] for i in range(n)]


# The closing credit of an article (来源：…, 责任编辑：…): the text between a weak end marker and it is the
# article's own — the link or the ad stood inside the text
_CLOSING_CREDIT = frozenset({"source_credit", "byline"})


def _prose_then_credit_after(lines: list[Line], explained: list[bool]) -> list[bool]:
    """For each line: does kept text no classifier explains follow it, and the article's closing credit
    follow that text, with no other end marker in between? One backward pass."""
    after = [False] * len(lines)
    credit_below = prose_then_credit = False
    for i in range(len(lines) - 1, -1, -1):
        after[i] = prose_then_credit
        ln = lines[i]
        if ln.removed in _CLOSING_CREDIT:
            credit_below, prose_then_credit = True, False
        elif ln.removed in _WEAK_END or _is_strong_end(ln):
            credit_below = prose_then_credit = False
        elif credit_below and ln.kept and not explained[i] and ln.stripped:
            prose_then_credit = True
    return after


def _inline_boxes(lines: list[Line], explained: list[bool]) -> list[bool]:
    """For each line: is it in a box of links set inside the text (相关阅读 over a few links: the head and the
    links), the text going on under it to the end — nothing but its own lines after the links, prose among
    them, no other link or known chrome?"""
    n = len(lines)
    only_prose = [False] * (n + 1)  # from this line on: kept lines are the text's only, prose among them
    seen_prose = False
    clean = True
    for i in range(n - 1, -1, -1):
        ln = lines[i]
        if ln.kept and ln.stripped:
            if explained[i] or "link" in ln.hints:
                clean = False
            elif is_prose_line(ln):
                seen_prose = True  # (and a caption or a short line of the text between: 视频：…, 图为…)
        elif ln.removed == "related_list" and "outside" not in ln.hints:
            clean = False  # another link or list further down the text: teasers, not the text going on
        only_prose[i] = clean and seen_prose
    boxes = [False] * n
    for i, ln in enumerate(lines):
        if ln.removed != "related_list" or not RELATED_HEAD.match(ln.stripped):
            continue
        k = i + 1
        while k < n and ("link" in lines[k].hints or lines[k].removed == "related_list" or not lines[k].stripped):
            k += 1
        if k > i + 1 and only_prose[k]:
            boxes[i:k] = [True] * (k - i)  # the head and its links
    return boxes


def page_tail(state: PassState) -> None:
    """Everything after the document's end: the first end marker after the body (see above) starts
    the page tail; its lines get the reason a classifier gives them, else page_tail. A box of links set
    inside the text (相关阅读 over its links, the text going on under it) is no end."""
    lines = state.lines
    if not any(ln.removed in _END_REASONS or (ln.kept and line_bits(ln) & BYLINE_BIT) for ln in lines):
        return  # no line the tail could start at (most texts): none of the passes below
    explained: list[bool] = []  # kept and known chrome
    unexplained: list[int] = []  # characters of kept prose that no classifier explains
    for ln in lines:
        bits = (ln.chrome if ln.chrome_of is ln.text else line_bits(ln)) if ln.kept else 0
        explained.append(bool(bits & CHROME_BITS))
        unexplained.append(len(ln.stripped) if bits == PROSE_BIT else 0)
    total = sum(unexplained)
    if not total:
        # a text with no sentence (a 中标公告 of labelled lines and a table's cells): its kept lines that no
        # classifier explains weigh instead, so the chrome after them still ends it
        unexplained = [len(ln.stripped) if ln.kept and not e else 0 for ln, e in zip(lines, explained, strict=True)]
        total = sum(unexplained)
    article_after = _article_start_after(lines, explained)
    credit_after = _prose_then_credit_after(lines, explained)
    inline_box = _inline_boxes(lines, explained)
    before = 0
    start = None
    for i, ln in enumerate(lines):
        after = total - before
        if before > 0 and not inline_box[i] and (
            ln.removed in _DECISIVE_END
            or (after < before and not article_after[i] and _is_strong_end(ln))
            or (ln.removed in _WEAK_END and after <= max(60, 0.1 * before) and not credit_after[i])
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
        m = None if ln.removed or ">" not in ln.text else _LEAKED_MARKUP.match(ln.text)  # (each ends with >)
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


# A link to a file the text attaches (附件：1.…申报表.pdf, 2.…承诺书.doc): its 附件说明, printed as download links
_ATTACHMENT_LINK = re.compile(
    r"^附\s*件\s*\d*\s*[:：]|\.(?:pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|txt|pptx?|jpe?g|png)\s*[)）]?$", re.IGNORECASE
)


def link_line(state: PassState) -> None:
    """HTML: a short line that is mostly link text inside the content (a pointer to another page) — not a
    link to a file the text attaches (its 附件说明, text of the document)."""
    for ln in state.lines:
        if not ln.kept or "link" not in ln.hints or "title" in ln.hints:
            continue
        if "。" not in ln.text and len(ln.stripped) <= 80 and not _ATTACHMENT_LINK.search(ln.stripped):
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
_BREADCRUMB_BIT = CLASSIFIER_BIT[breadcrumb]
_NAVIGATION_BIT = CLASSIFIER_BIT[navigation]  # (a print bar's short words look like a menu too: with links only)
MENU_ITEM_MAX_LEN = 12  # a menu item (首页, 政务公开, 新闻中心): a link longer than this is a headline of a list


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


# A heading over a box of links (热点新闻, 相关阅读 over their lists) names the box: a heading whose next
# lines are this many links, read before the text starts, is not a candidate for the page's title
BOX_LINKS_MIN = 2


def _heads_link_list(lines: list[Line], at: int, first_main: int) -> bool:
    """Whether the heading at ``at`` heads a list of links above the text (a sidebar's or a box's name)."""
    below = lines[at + 1 : min(at + 1 + BOX_LINKS_MIN, first_main)]
    return len(below) == BOX_LINKS_MIN and all("link" in ln.hints or _dated_headline(ln) for ln in below)


# a list's entry: a linked headline with its date after it (柳塘县召开…会议2024-02-21), the date in its own
# element, so the link is not most of the line; longer than a headline and a date, it is a sentence
DATED_HEADLINE_MAX_LEN = 60


def _dated_headline(line: Line) -> bool:
    """A short title-like line ending with a date: an entry of a list of dated headlines."""
    s = line.stripped
    if len(s) > DATED_HEADLINE_MAX_LEN or (not s[-1:].isdigit() and s[-1:] not in "日)）]】"):
        return False
    dates = find_dates(s)
    return bool(dates) and dates[-1].end == len(s) and dates[-1].start >= 4 and is_title_like(s[: dates[-1].start])


# A site's menu: this many links in a row right under a line (only links between them), or a breadcrumb
# between the line and the text, put the line in the page's head (a text logo over the menu); an article's
# title is printed below the site's navigation, and short links after its byline are its toolbar (我来说两句)
MENU_LINKS_MIN = 3
# ... or a list of this many short links anywhere between the line and the text: a menu or a category list
# (a toolbar under a title holds two to four: comment, share, print, forum)
MENU_LIST_LINKS = 6


def _above_navigation(lines: list[Line], at: int, first_main: int) -> bool:
    """Whether the site's navigation stands between line ``at`` and the text: a breadcrumb, or a menu of
    links (in a row right under the line, or on one line)."""
    run, under = 0, True  # under: nothing but links read yet
    # (a breadcrumb opening the content's container stands between them too)
    for ln in lines[at + 1 : first_main + 1 if at < first_main else first_main]:
        if "link" in ln.hints and len(ln.stripped) <= MENU_ITEM_MAX_LEN:
            run += 1
            if (run >= MENU_LINKS_MIN and under) or run >= MENU_LIST_LINKS:
                return True
            continue
        run = 0
        bits = line_bits(ln)
        if bits & _BREADCRUMB_BIT or ("link" in ln.hints and bits & _NAVIGATION_BIT):
            return True
        under = under and "link" in ln.hints
    return False


# what sets a column's or a banner's name apart from the headline in a <title> (新闻公报：…, 通知公告 | …)
_TITLE_PART_MARKS = frozenset("：:|｜-—_")


def _part_of_page_title(page_title: str | None, printed: str) -> bool:
    """Whether ``printed`` is the first part of ``page_title``, set apart by a mark the line does not print."""
    t = (page_title or "").strip()
    return bool(printed) and t.startswith(printed) and t[len(printed) : len(printed) + 1] in _TITLE_PART_MARKS


_CRUMB_MARK = re.compile(f"[{re.escape(BREADCRUMB_MARKS)}]")  # (the breadcrumb test's own first need)


def _column_names(lines: list[Line]) -> frozenset[str]:
    """The columns a page's breadcrumb passes through (首页 > 新闻中心 > 正文: 新闻中心), canonical: every crumb
    but the last, which may be the article's own title."""
    names: set[str] = set()
    for ln in lines:
        # (what the breadcrumb test needs first: 位置, or an arrow — most lines hold neither)
        if _CRUMB_MARK.search(ln.text) and line_bits(ln) & _BREADCRUMB_BIT:
            crumbs = [canon(c) for c in CRUMB_SEP.split(BREADCRUMB_LEAD.sub("", ln.stripped))]
            names.update(c for c in crumbs[:-1] if c)
    return frozenset(names)


def _find_title_lines(state: PassState, first_main: int) -> list[Line]:
    """The line(s) printing the article title: they match one of the reader's title hints (meta
    ArticleTitle, the parts of <title>), prefer heading elements, and sit closest above the content."""
    lines = state.lines
    columns = _column_names(lines)
    main_hint = canon(state.title_hint)
    if main_hint in columns:
        main_hint = ""  # the <title> names the column the breadcrumb passes through, not the article
    hints = [
        h for h in (canon(t) for t in [state.title_hint, *state.title_candidates] if t and "首页" not in t)
        if len(h) >= 2 and h not in columns
    ]
    other_hints = frozenset(hints) - {main_hint}
    candidates: list[tuple[float, int, int]] = []  # (score, start, count)
    canons = _Canons(lines)
    for i, ln in enumerate(lines):
        if (ln.removed and ln.removed != "outside_main_content") or "title" in ln.hints:
            continue  # (the <title> element itself is never the printed title)
        if len(ln.stripped) > 120 or not canons[i]:
            continue
        if i > first_main + 3:
            break  # the title is printed above the text, never after it
        # a part of <title> other than the article's own title (a column's or the site's name) is
        # weaker evidence: the same name is often printed as the organ under the title
        # (a link printing another part of <title> — the site's name — is its logo, never the title)
        matches = [(h, *_match_hint(canons, i, h)) for h in hints if h == main_hint or "link" not in ln.hints]
        score, count = max(
            ((s - (0 if h == main_hint else OTHER_HINT_PENALTY), n) for h, s, n in matches if s), default=(0.0, 1)
        )
        if score and _above_navigation(lines, i, first_main):
            score = 0.0  # the <title> printed over the site's menu: the site's name as a text logo
        if not score:
            # no hint matches: a heading element above the text, the closest one winning (a 副题, 题注 or
            # dateline printed as a heading under it is never the title)
            if (ln.hints & _HEADINGS and is_title_like(ln.stripped) and "首页" not in ln.text
                    and (i <= first_main or _opens_the_text(lines, i, first_main))
                    and not is_subtitle(ln.stripped) and not is_dateline(ln.stripped)
                    and not ("link" in ln.hints and canons[i] in other_hints)  # a linked logo: the site's name
                    and not _heads_link_list(lines, i, first_main)):
                candidates.append((1.0 - min(abs(first_main - i), 60) * 0.01, i, 1))
            continue
        start = i
        if count > 1 and _part_of_page_title(state.title_hint, ln.stripped):
            # the <title> names a column or a banner, then the headline (新闻公报：…), and the page prints
            # the name on a line of its own, without the mark, over the headline: it is no part of the title
            start, count = i + 1, count - 1
        if lines[start].hints & {"h1", "h2", "h3"}:
            score += 2
        distance = abs(first_main - start)
        candidates.append((score - min(distance, 60) * 0.05, start, count))
    if not candidates:
        above = _title_above(lines, first_main)
        return [above] if above is not None else []
    score, start, count = max(candidates)
    if score <= 1.0:  # a heading found by its place: the top-ranked one of the headings printed together
        above = _title_above(lines, first_main)
        if above is not None and lines.index(above) > start:
            return [above]  # a title printed right above the text, below that heading (a sidebar box's name)
        start = _top_heading(lines, start, first_main)
        if start and _REPORT_KIND_END.search(lines[start].stripped) and _title_part(lines[start - 1]) \
                and lines[start - 1].owner != lines[start].owner:
            start -= 1  # the heading is a 副题 naming its kind of report (…工作综述): the headline is right above
    return lines[start : start + count]


# how far into the text the headings printed together with a title may run (引题, 主题, 副题 as h3, h1, h2)
TITLE_BLOCK_HEADINGS = 3


def _block_heading(line: Line) -> bool:
    """A heading printed with the title in its block (an 引题 over it, a 副题 under it): a heading element,
    title-like, no section number (一、…), no link, no chrome (a column path: 首页 - 新闻动态)."""
    s = line.stripped
    return (bool(line.hints & _HEADINGS) and line.removed in (None, "outside_main_content") and "link" not in line.hints
            and is_title_like(s) and heading_level(s) is None and "首页" not in s and not line_bits(line) & CHROME_BITS)


def _opens_the_text(lines: list[Line], at: int, first_main: int) -> bool:
    """Whether the heading at ``at``, inside the content, is printed at its top: within
    TITLE_BLOCK_HEADINGS lines of its start, no prose before it there, and no section number (一、…)."""
    return (at - first_main <= TITLE_BLOCK_HEADINGS and heading_level(lines[at].stripped) is None
            and not any(is_prose(ln.stripped) for ln in lines[first_main:at] if ln.kept))


def _heading_rank(line: Line) -> int:
    return min((int(h[1]) for h in line.hints & _HEADINGS), default=7)


def _top_heading(lines: list[Line], at: int, first_main: int) -> int:
    """Among the heading lines printed together with the one at ``at`` (one after the other, also the text's
    opening headings), the top-ranked: an e-paper's 引题, 主题 and 副题 as <h3>, <h1>, <h2> — the <h1> is
    the title, not the 引题 closest to the text. On a tie, the one found."""
    def usable(j: int) -> bool:
        ln = lines[j]
        return _block_heading(ln) and not is_subtitle(ln.stripped) and not is_dateline(ln.stripped)
    lo = at
    while lo > 0 and usable(lo - 1):
        lo -= 1
    hi = at
    while hi + 1 < min(len(lines), first_main + TITLE_BLOCK_HEADINGS) and usable(hi + 1):
        hi += 1
    best = min(range(lo, hi + 1), key=lambda j: (_heading_rank(lines[j]), j != at))
    return best if _heading_rank(lines[best]) < _heading_rank(lines[at]) else at


# A title found by its place alone (no title hint matches, no heading above the text) names its subject:
# a column's or a box's name (通知公告, 学会动态, 图片新闻) is shorter than this
PLACED_TITLE_MIN_CJK = 8
# What an article's head prints between its title and its text (a date, a counter, a source, the
# font-size and print bar), and how many such lines may stand there
HEAD_LINE_REASONS = frozenset({"byline", "date_line", "page_stats", "source_credit", "share_print_bar", "qr_code"})
_HEAD_LINE_BITS = sum(CLASSIFIER_BIT[test] for test in (byline, page_stats, source_credit, share_print_bar, qr_code))
# a byline set out in a table is a line per cell (发布时间 | 来源 | 作者 | 浏览次数), then a font-size bar, a
# print bar and the "read on your phone" code: six such lines, each one a head line a classifier knows
PLACED_TITLE_HEAD_LINES = 6


def _dated_crumb(line: Line) -> bool:
    """A breadcrumb whose last crumb is a date (首页 >> 新闻中心 >> 2023/10/26), printed under a title as its
    byline would be."""
    outside = line.removed == "outside_main_content"  # (there, the classifiers have not given their reasons yet)
    if line.removed != "breadcrumb" and not (outside and line_bits(line) & _BREADCRUMB_BIT):
        return False
    dates = find_dates(line.stripped)
    return bool(dates) and not line.stripped[dates[-1].end :].strip()


def _title_above(lines: list[Line], first_main: int) -> Line | None:
    """The title of a page that names it nowhere else (no <title>, or the site's name there): the
    title-like line right above the text, or above the head lines printed between them (a byline, a
    counter, a print bar, a 信息公开 table) and above its 副题."""
    i, skipped, subtitle_seen = first_main - 1, 0, False
    while i >= 0 and skipped <= PLACED_TITLE_HEAD_LINES:
        ln = lines[i]
        s = ln.stripped
        if ln.removed == "info_table":
            i -= 1  # a 信息公开 table between the title and the text (索引号, 发文机关 …): one unit, however many cells
            continue
        if _head_line(ln) or ln.table is not None or _dated_crumb(ln):  # (a table there holds facts: 發文日期 …)
            i, skipped = i - 1, skipped + 1
            continue
        if ln.removed not in (None, "outside_main_content"):
            return None  # other chrome a rule knows (a breadcrumb, a menu) stands right above the text
        if ("link" in ln.hints or "title" in ln.hints or line_bits(ln) & CHROME_BITS or not is_title_like(s)
                or has_labelled_field(s)):
            return None  # a link, chrome, a sentence, or a label and its value (作者：…): no title
        if is_subtitle(s) and not subtitle_seen:
            # a 副题 or 题注 under the title (——在…会议上的讲话, （2024年7月19日…通过）): the title is above it
            i, subtitle_seen = i - 1, True
            continue
        above = lines[i - 1] if i > 0 else None
        if (not subtitle_seen and above is not None and above.owner != ln.owner and _title_part(above)
                and (cjk_count(above.stripped) > cjk_count(s) or _REPORT_KIND_END.search(s))):
            # two title-like lines over the head lines: the headline is the longer, or the one over a 副题 that
            # names its kind of report (…工作侧记); the other is its 副题
            ln = above
        whole = "".join(part.stripped for part in _whole_title(lines, [ln], first_main))
        return ln if cjk_count(whole) >= PLACED_TITLE_MIN_CJK and "首页" not in whole else None
    return None


TITLE_MAX_LINES = 4  # a title broken by <br> over its element's lines: no headline runs longer


# a page fact's label printed alone (a <dt>, a cell): 發布日期 over its value, never part of a title
_LONE_FACT_LABEL = re.compile(
    r"^(?:(?:发布|发表|成文|发文|更新|生成|印发)?(?:日期|时间)|来源|作者|编辑|责任编辑|发布单位|发布机构|发文机关|发文字号"
    r"|(?:点阅|浏览|阅读|点击)(?:次数|量))$"
)


def _lone_fact_label(s: str) -> bool:
    """A page fact's label alone on its line with its colon (發佈機構：): the next fragment of a byline."""
    return s.endswith(("：", ":")) and _LONE_FACT_LABEL.match(s[:-1].strip()) is not None


def _title_part(line: Line) -> bool:
    """A line that may print part of a title: title-like, no link, no chrome, no label, no 副题, no date."""
    s = line.stripped
    return (line.removed in (None, "outside_main_content") and "link" not in line.hints and line.table is None
            and is_title_like(s) and not _LONE_FACT_LABEL.match(s)
            and not line_bits(line) & CHROME_BITS and not has_labelled_field(s) and not is_subtitle(s)
            and not is_date_stamp(s))


_TOC_HEAD = re.compile(r"^目\s*录$")  # a 目录 box's heading
SUBTITLE_REACH = 8  # how far under a byline printed right under the title its 副题 may come (past a 目录 box)


def _head_line(line: Line) -> bool:
    """A line printed between an article's title block and its text: a byline, a counter, a source, a
    print or share bar, a QR line, a 信息公开 table's cell, a date stamp."""
    if line.removed in HEAD_LINE_REASONS or line.removed == "info_table":
        return True
    return line.removed in (None, "outside_main_content") and (
        is_date_stamp(line.stripped) or bool(line_bits(line) & _HEAD_LINE_BITS))


# The words a news 副题 ends with when it names the kind of report (…工作综述, …侧记): such a line under a
# headline is its 副题 whatever its length (a headline is otherwise its block's longest line)
_REPORT_KIND_END = re.compile(r"(?:综述|侧记|纪实|巡礼|扫描|速写|札记|特写|素描|纪事|记事|写真|手记|见闻|探访|调查)$")


_ORIGINAL_TITLE = re.compile(r"^原标题\s*[：:]")  # a reposted article's first title, printed over its text


def _opens_an_article(text: str) -> bool:
    """A line an article's text may open with under its title block: its byline, its 电头 alone on a line
    (本报云岭4月22日电), or 原标题：… of a repost."""
    s = text.strip()
    return is_byline(s) or _ORIGINAL_TITLE.match(s) is not None or is_news_dateline(s)


NAME_PART_MAX_LEN = 12  # an organ's or an account's name (某某县融媒体中心, 某某县政务)


def _names_only(s: str) -> bool:
    """A line of two short names or more set apart by spaces, the first an organ's or an outlet's (某某县融媒体中心
    某某发布, 某某县融媒体中心　某某县政务: a WeChat article's author and account)."""
    parts = s.split()
    return (len(parts) >= 2 and bool(ORGAN_END.search(parts[0]) or _OUTLET_END.search(parts[0]))
            and all(len(p) <= NAME_PART_MAX_LEN and not any(c.isdigit() for c in p) for p in parts))


def _plain_subtitle(lines: list[Line], at: int, first_main: int, title: str) -> bool:
    """A 副题 printed without a dash or a heading element (首批完成28个重点项目 under its headline): a
    title-like line right under the title, shorter than it — a headline is its block's longest line — or
    naming the kind of report (…工作侧记), and followed by the article's head lines (its byline, also when
    the text opens with it), so still in the title block."""
    line = lines[at]
    if _names_only(line.stripped) or looks_like_name(line.stripped):
        return False  # 某某县融媒体中心　某某发布, or a person's name alone: who put it out, a byline
    # (inside the text, a head line the rules removed already — the byline under a 副题 that opens it — counts)
    below = lines[at + 1] if at + 1 < len(lines) and (
        at + 1 < first_main or lines[at + 1].kept or lines[at + 1].removed in HEAD_LINE_REASONS) else None
    s = line.stripped
    cjk = cjk_count(s)
    return (_title_part(line) and heading_level(s) is None  # (一、… under a title opens its text)
            and (cjk < cjk_count(title) or _REPORT_KIND_END.search(s) is not None)
            and cjk >= KICKER_MIN_CJK_SHARE * len(s.replace(" ", ""))  # not a site's name and its address
            and below is not None and (_head_line(below) or (below.kept and _opens_an_article(below.stripped)))
            and not byline_at(lines[at:first_main], 0))  # the organ and the date under a title: its byline


def _whole_title(lines: list[Line], found: list[Line], first_main: int) -> list[Line]:
    """The title found, with the other lines of its element that print the rest of it (a title broken by a
    <br>: the element's first line was a heading, or the line found by its place was its last)."""
    if not found or found[0].owner is None or found[0].owner != found[-1].owner:
        return found
    owner = found[0].owner
    start, end = lines.index(found[0]), lines.index(found[-1]) + 1
    while start > 0 and end - start < TITLE_MAX_LINES and lines[start - 1].owner == owner \
            and _title_part(lines[start - 1]):
        start -= 1
    # (a title printed inside the content's container goes on in its element: its text is in other elements)
    limit = min(first_main, len(lines)) if start < first_main else len(lines)
    while end < limit and end - start < TITLE_MAX_LINES and lines[end].owner == owner and _title_part(lines[end]) \
            and lines[end].stripped not in {ln.stripped for ln in lines[start:end]}:  # (not the title again)
        end += 1
    return lines[start:end]


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
    return line.removed == "outside_main_content" and "link" not in line.hints and _kicker_shape(line)


def _kicker_shape(line: Line) -> bool:
    """The text of an 引题, wherever the line stands (see ``_is_kicker``)."""
    s = line.stripped
    if not 2 <= len(s) <= KICKER_MAX_LEN:
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
        and not CRUMB_SEP.search(s.replace("、", ""))  # "首页 - 新闻动态": a column path, not an 引题
    )


def _head_byline(line: Line, reason: str | None) -> bool:
    """Whether a line between the title and the text is a byline: one the byline classifier accepts too
    (whatever the first classifier said of it), or, when no classifier knows it, a date stamp."""
    return bool(line_bits(line) & BYLINE_BIT) if reason else is_date_stamp(line.stripped)


# An e-paper's masthead over the article (东岭日报　2023年05月06日 星期六): the date — the page's
# date when nothing else gives one. A paper's name, the date, perhaps the weekday, and nothing else: a site's
# "today" widget (今天是…) names no paper.
_MASTHEAD = re.compile(
    r"^[\u4e00-\u9fff]{1,10}[报報][\s\u3000]*(?P<date>\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)"
    r"[\s\u3000]*(?:星期[一二三四五六日天])?$"
)


def _masthead_date(lines: list[Line], end: int) -> str | None:
    """The issue date an e-paper's masthead prints above the article (lines before ``end``)."""
    for ln in lines[:end]:
        m = _MASTHEAD.match(ln.stripped) if ln.removed in (None, "outside_main_content") else None
        dates = find_dates(m.group("date")) if m else []
        if dates:
            return dates[0].iso
    return None


COMMENT_ENTRIES_MIN = 2  # one name-and-time line after a text may be its author's; two are a list of them
NAMED_STAMP_NAME_MAX = 12  # the name before a comment's time: 网友7623, 匿名用户, a user name


def _named_stamp(text: str) -> bool:
    """A name and a date with its time, nothing else: a comment's or a reply's header."""
    dates = find_dates(text)
    if len(dates) != 1 or "T" not in dates[0].iso or text[dates[0].end :].strip():
        return False
    name = text[: dates[0].start].strip()
    return 0 < len(name) <= NAMED_STAMP_NAME_MAX and ":" not in name and "：" not in name  # (no label: 发布时间：)


TOP_LINES_ABOVE_TITLE = 2  # a page chosen whole: the lines its head may print above the title (a site's name)
TOP_HEADING_REACH = 12  # … and how far down its first heading may open the page, under chrome and links only


def _heading_tiers(lines: list[Line], top: int) -> bool:
    """Headings printed together at the top of a page chosen whole (an 引题 <h3>, the 主题 <h1>, a 副题 <h2>):
    the top-ranked is the title, the one over it its 引题 and the one under it its 副题 — never one title over
    three lines. Marks them; False when the lines from ``top`` are no such group."""
    group = []
    for ln in lines[top : top + TITLE_BLOCK_HEADINGS + 1]:
        if not ln.kept:
            continue
        if not ln.hints & _HEADINGS or not is_title_like(ln.stripped) or heading_level(ln.stripped) is not None:
            break
        group.append(ln)
    if not 2 <= len(group) <= TITLE_BLOCK_HEADINGS:
        return False
    levels = [_heading_rank(ln) for ln in group]
    best = min(levels)
    if levels.count(best) != 1:
        return False
    at = levels.index(best)
    if at > 1 or len(group) - at > 2:
        return False  # one 引题 over it and one 副题 under it at most
    group[at].hints = group[at].hints | {"title"}
    if at:
        group[0].hints = group[0].hints | {"kicker"}
    if at + 1 < len(group):
        group[at + 1].hints = group[at + 1].hints | {"subtitle"}
    return True


def _title_heading_at_top(state: PassState) -> None:
    """A page chosen whole: a heading printing the article's title exactly, under a line or two of the
    page's head (the site's name), is the title, and the line right above it its 引题 — never one title
    over two lines. A heading that opens the page with its byline under it is the title alone: the lines
    after the byline are the text's (a 判决书's court, kind and case number), not more of the title."""
    lines = state.lines
    first_prose = next((i for i, ln in enumerate(lines) if ln.kept and is_prose_line(ln)), len(lines))
    for i, ln in enumerate(lines[:first_prose]):
        if ln.kept and ln.hints & _HEADINGS and _heads_link_list(lines, i, first_prose):
            state.remove(ln, "navigation")  # a sidebar box's name over its links (栏目导航), above the text
    top = next((i for i, ln in enumerate(lines[:TOP_HEADING_REACH]) if ln.kept and "link" not in ln.hints), None)
    if top is not None and top + 1 < len(lines) and lines[top].hints & {"h1", "h2"} \
            and lines[top + 1].removed in ("byline", "date_line"):
        lines[top].hints = lines[top].hints | {"title"}  # (above it: the site's chrome and links only)
        return
    if top is not None and _heading_tiers(lines, top):
        return
    main_hint = canon(state.title_hint)
    if not main_hint:
        return
    kept = [ln for ln in lines[: TOP_LINES_ABOVE_TITLE + 1] if ln.kept]
    at = next((k for k, ln in enumerate(kept) if ln.hints & _HEADINGS and canon(ln.stripped) == main_hint), None)
    if not at or any("link" in ln.hints or not _kicker_shape(ln) for ln in kept[:at]):
        return
    kept[at].hints = kept[at].hints | {"title"}
    kept[at - 1].hints = kept[at - 1].hints | {"kicker"}


def outside_main_content(state: PassState) -> None:
    """HTML: lines outside the page's main-content container (navigation, sidebars, footers), except
    the article's title block just above it. Lines a chrome classifier knows get its reason."""
    lines = state.lines
    inside = [i for i, ln in enumerate(lines) if "outside" not in ln.hints]
    if not inside:
        return
    if len(inside) == len(lines):
        _title_heading_at_top(state)
        return
    first_main = inside[0]
    for ln in lines:
        if "outside" in ln.hints and ln.removed is None:
            ln.removed = "outside_main_content"
    title_lines = _whole_title(lines, _find_title_lines(state, first_main), first_main)
    k = first_main
    if title_lines:
        for ln in title_lines:
            ln.removed = None
            ln.hints = ln.hints | {"title"}
        start, below = lines.index(title_lines[0]), lines.index(title_lines[-1]) + 1
        above = start - 1
        if above >= 0 and (_is_kicker(lines[above]) or (start >= first_main and _block_heading(lines[above]))):
            lines[above].removed = None
            lines[above].hints = lines[above].hints | {"kicker"}
        state.title_hint = "".join(ln.stripped for ln in title_lines)
        if start >= first_main and below < len(lines) and not lines[below].hints & {"h1"} \
                and not is_dateline(lines[below].stripped) and (  # (a dateline, heading or not: the byline's)
                _block_heading(lines[below]) or _plain_subtitle(lines, below, below, state.title_hint)):
            lines[below].hints = lines[below].hints | {"subtitle"}  # the title opens the text: its 副题
        # a 副题 right under the title (<h2>/<h3>, or a dash/parenthesised line) belongs with it
        k = below
        while k < len(lines) and k < first_main and lines[k].removed == "outside_main_content":
            nxt = lines[k]
            if _is_timestamp(nxt.stripped):
                nxt.removed = None
                remove_chrome(state, nxt, "byline")  # "(2019-05-05 21:14:36)" under a post's title: its date
                k += 1
            elif _head_line(nxt) and any(is_subtitle(lines[j].stripped)
                                         for j in range(k + 1, min(first_main, k + 1 + SUBTITLE_REACH))):
                k += 1  # a byline between the title and its 副题 (a 目录 box between them too): the 副题 is the title's
            elif _TOC_HEAD.match(nxt.stripped):
                # a report's 目录 box of links between its title block and its 副题 (left out, as chrome)
                k += 1
                while k < first_main and "link" in lines[k].hints and lines[k].removed == "outside_main_content":
                    k += 1
            elif (nxt.hints & {"h2", "h3", "h4"} and not is_dateline(nxt.stripped)) or is_subtitle(
                    nxt.stripped) or (k == below and _plain_subtitle(lines, k, first_main, state.title_hint)):
                # (a date alone in brackets is a dateline, heading or not: the byline's, below)
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
                if has_labelled_field(ln.stripped):
                    fill_metadata(state, ln.stripped)  # its labelled facts (作者：…) are the page's, as inside
    # page facts without a label (a bare date, "2003-7-24 某某晚报") are the article's only when printed
    # next to it: the same line in a sidebar or an archive list belongs to another page
    near_start = max(0, lines.index(title_lines[0]) - 2) if title_lines else max(0, first_main - FACT_REACH)
    last_main = inside[-1]
    # two or more entries headed by a name and a time after the text (网友7623　2021-04-09 09:49) are comments,
    # too few or too short to make a thread: their dates are not the page's
    after_text = [i for i in range(last_main + 1, min(len(lines), last_main + 1 + FACT_REACH))
                  if lines[i].removed == "outside_main_content"]
    entries_after = [i for i in after_text if _named_stamp(lines[i].stripped)]
    comments = frozenset(entries_after) if len(entries_after) >= COMMENT_ENTRIES_MIN else frozenset()
    # a date alone under the text is its date; several are a list's (dated headlines, archive entries)
    stamps_after = [i for i in after_text if is_date_stamp(lines[i].stripped)]
    lone_stamp = frozenset(stamps_after) if len(stamps_after) == 1 else frozenset()
    for i, ln in enumerate(lines):
        if ln.removed != "outside_main_content":
            continue
        if "title" in ln.hints:
            ln.removed = "page_title"  # the <title> element, or another copy of the title in the chrome
            continue
        near = near_start <= i < first_main or last_main < i <= last_main + FACT_REACH
        reason = classify_line(ln)
        if near and i < first_main and reason != "byline" and _head_byline(ln, reason):
            # between the title and the text, a line that is a byline is the page's byline, whatever else
            # it holds ("2004-12-10 阅读 10544 次": its date, and a counter), as the line rules, which ask
            # byline first, would judge it inside the content; a lone date there is the page's date too
            reason = "byline"
        elif near and i > last_main and not reason and i in lone_stamp:
            reason = "byline"  # a date alone right under the text: when it was published
        if reason:
            ln.removed = None
            if "thread" not in ln.hints and i not in comments and (near or has_labelled_field(ln.stripped)):
                remove_chrome(state, ln, reason)
            else:
                state.remove(ln, reason)  # a sidebar's or a comment's byline: not this page's facts
    if state.metadata.published is None and state.page_date is None:
        state.metadata.published = _masthead_date(lines, lines.index(title_lines[0]) if title_lines else first_main)
    if state.metadata.published is None and state.page_date is None:
        # the only date a page prints may be its breadcrumb's last crumb, under the title
        crumb = next((ln for ln in lines[near_start:first_main] if _dated_crumb(ln)), None)
        if crumb is not None:
            state.metadata.published = find_dates(crumb.stripped)[-1].iso



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
        # (a first character that is a letter, a digit or CJK is what TEXT_CHAR finds: most lines start so)
        if len(s) >= 2 and not s[0].isalnum() and ln.table is None and not TEXT_CHAR.search(s) and ln.kept:
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
    site_menu,
    kicker_over_title,
    glued_credit,
    _line_rule(source_credit),
    _line_rule(share_print_bar),
    _line_rule(copyright_footer),
    _line_rule(qr_code),
    _line_rule(related_list),
    _line_rule(tags),
    _line_rule(comment_heading),
    _line_rule(page_stats),
    _line_rule(pager),
    outside_main_content,
    link_line,
    leaked_markup,
    glued_title,
    repeated_title,
    page_tail,
    rejoin_split_paragraph,
)

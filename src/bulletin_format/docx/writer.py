"""Document → DOCX in GB/T 9704 terms: 版头, 主体, 版记 and 页码, for 简报, 公文, speeches and news.

This module decides what goes where (element order, blank lines, which style); ooxml.py writes it and
measure.py estimates lines and pages so that the 版记/报尾 lands at the bottom of the last page.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from docx.oxml.ns import qn
from lxml import etree

from ..model import Article, Block, DistributionLine, Document, Signature, TableCell, attachment_items
from ..normalize.dates import find_dates, format_gbt, is_date_only, parse_date
from ..patterns import ORGAN_END, SALUTATION, is_prose
from ..segment.articles import is_byline
from .measure import (
    AUTOSPACE_EM,
    CHAR_TABLE_MAX,
    Flow,
    Item,
    all_full_width,
    count_lines,
    is_full_width,
    text_width,
    wrap,
)
from .ooxml import (
    Border,
    Cell,
    Package,
    ParaStyle,
    RunStyle,
    TableXml,
    Template,
    TemplateBuilder,
    clean_text,
    make_floating_run,
    make_page_number_paragraph,
    make_paragraph,
    make_section_break,
    make_table,
)
from .profile import Profile
from .styles import StyleSpec, body_para, body_run, style_specs

ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
# When 署名/成文日期, a source note or the 版记 would open a page on their own, the last paragraph of the text goes
# with them (GB/T 9704 §7.3.5: a signature page must carry text). A paragraph this long or shorter moves whole;
# a longer one is split so that its last KEPT_LINES lines move (two lines read as text, not as a fragment). Moving
# a longer paragraph whole left a hole at the foot of the page it left (a 4-line paragraph and a 附件说明 moved
# with a 署名 emptied the bottom third of a first page).
MAX_MOVED_LINES = 3
# Extra width of each cell of a 联合行文 mark, so that LibreOffice's and Word's rounding never wraps a name.
JOINT_CELL_ROOM_TW = 240
KEPT_LINES = 2
BREAK_AFTER = set("，、：；,;: 　”》）")
PHRASE_START = set("在对与和及将把为关从向")
NO_BREAK_AFTER = set("“《（(")


# 第一编, 第一章, 第一节: the parts of a law, printed centred (practice of published laws and regulations).
PART_HEADING = re.compile(r"^第[〇零一二三四五六七八九十百千0-9]+[编章节](?:[\s\u3000]|$)")
# A speaker or author line is looked for among this many first blocks of a text.
LEADING_BYLINE_BLOCKS = 3
# A speaker's office and name on a line of their own, with or without a space between them (normalisation may have
# closed it up): 省长　罗东川, 市长陈立, 新闻发言人　武平.
SPEAKER_LINE = re.compile(
    r"^[\u4e00-\u9fff（）()、]{0,24}?(?:长|书记|主任|主席|委员|部长|代表|理事|总监|经理|教授|院士|专员|总裁|秘书|参事|"
    r"巡视员|负责人|发言人)[\s\u3000]*[\u4e00-\u9fff·]{2,4}$"
)

# A salutation is short: 同志们：, 各位代表：, 尊敬的各位来宾、女士们、先生们：
SALUTATION_MAX_CHARS = 40


def is_salutation(text: str) -> bool:
    """A speech's salutation on a line of its own (同志们：, 各位代表：): printed flush left, like a 主送机关."""
    s = text.strip()
    if len(s) > SALUTATION_MAX_CHARS or not s.endswith(("：", ":")) or any(c in s for c in "。！？；"):
        return False
    # every part addresses someone: 尊敬的各位来宾，女士们、先生们： (not 同志们，今天召开…主要任务是：)
    parts = [part for part in re.split(r"[，,、\s]+", s[:-1]) if part]
    return bool(parts) and all(SALUTATION.search(part + "：") for part in parts)


# 版记 labels of documents printed before GB/T 9704-2012 (kept, and placed as those documents print them).
KEYWORDS_LABELS = ("主题词", "主题词语")
COPIES_LABELS = ("共印", "印数")
# 纪要格式 (GB/T 9704-2012 §10.3): 出席/请假/列席 lines — the label, a full-width colon, then units and names.
ATTENDANCE_LINE = re.compile(r"^(出席|请假|列席)(?:人员|同志|领导)?\s*[：:]\s*")
PRINTED_BY_LABELS = ("印发",)  # 印发机关和印发日期: not in a 信函's 版记 (GB/T 9704-2012 §10.1)

# An organ line of a 落款: short, no sentence punctuation, ending the way organ names end.
ORGAN_LINE_MAX_CHARS = 30
ORGAN_HEAD_MAX_CHARS = 20  # the first line of an organ's name printed over two lines…
PLACE_START = re.compile(r"^[\u4e00-\u9fff]{1,8}?[省市县区州盟旗乡镇]")  # …starts with a place (特此通知 does not)
# The date goes under the organ (2 字 right of its start) only when its estimated width is this much shorter than the
# organ's: LibreOffice sets digits beside Chinese in the Chinese font, about 0.55 字 each, not the 0.5 estimated.
DATE_FIT_MARGIN_CHARS = 1


def is_organ_line(text: str) -> bool:
    s = text.strip()
    return (
        0 < len(s) <= ORGAN_LINE_MAX_CHARS
        and not is_prose(s)
        and not any(c in s for c in "，。；：！？,;:")
        and bool(ORGAN_END.search(s))
    )


def is_mark_name(text: str) -> bool:
    """An organ's name, fit for the 发文机关标志: no label, sentence punctuation or telephone number in it."""
    return not re.search(r"[：:，,。；;]|\d{4,}", text)


def trailing_signature(blocks: list[Block]) -> tuple[list[Block], list[Signature]]:
    """An attachment's own 落款, printed as its last blocks — the organ on one line and the date on the next, or
    the date alone —, taken out of its text to be laid out as a 落款 (the Document has no field for it)."""
    if not blocks or blocks[-1].type != "paragraph" or not is_date_only(blocks[-1].text.strip()):
        return blocks, []
    date_text = blocks[-1].text.strip()
    iso = parse_date(date_text)
    organ = None
    rest = blocks[:-1]
    if rest and rest[-1].type == "paragraph" and is_organ_line(rest[-1].text):
        organ, rest = rest[-1].text.strip(), rest[:-1]
        # an organ's name printed over two lines (西岭县白石镇山体裂缝 / 险情调查专家组)
        if rest and rest[-1].type == "paragraph" and is_organ_line(rest[-1].text.strip() + organ):
            head = rest[-1].text.strip()
            if not ORGAN_END.search(head) and len(head) <= ORGAN_HEAD_MAX_CHARS and PLACE_START.match(head):
                organ, rest = head + organ, rest[:-1]
    return rest, [Signature(organ, iso, date_text)]


def gb_date(iso: str | None, fallback: str | None = None) -> str | None:
    """2005-02-19 (or 二〇〇五年二月十九日) → 2005年2月19日 (GB/T 9704 §7.3.5: Arabic numerals, no zero padding).
    A fallback that holds no full date is printed as it is."""
    if iso and ISO_DATE.match(iso):
        return format_gbt(iso)
    if not fallback:
        return None
    parsed = parse_date(fallback)
    return format_gbt(parsed) if parsed else re.sub(r"\s+", "", fallback)


def _char_widths(text: str) -> list[float]:
    """Each character's width in 字 as LibreOffice sets a title (measure.py): Latin letters and digits by their
    measured widths, and the gap LibreOffice adds where Chinese meets them counted with the character after it."""
    if all_full_width(text):  # Chinese characters only: each one 字, no gaps
        return [FULL_WIDTH_CHAR] * len(text)
    out = []
    before = ""
    for c in text:
        width = _CHAR_WIDTH.get(c)
        if width is None:
            width = _char_width(c)
        if before and is_full_width(before) != is_full_width(c) and (_latin_alnum(c) or _latin_alnum(before)):
            width += AUTOSPACE_EM
        out.append(width)
        before = c
    return out


_CHAR_WIDTH: dict[str, float] = {}  # a character's width alone, in 字 (bounded as measure's tables are)
FULL_WIDTH_CHAR = text_width("字", 1.0) / 20  # 1.0


def _char_width(c: str) -> float:
    width = text_width(c, 1.0) / 20  # in ems of a 1 pt font: 字
    if len(_CHAR_WIDTH) < CHAR_TABLE_MAX:
        _CHAR_WIDTH[c] = width
    return width


def _latin_alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _width(text: str) -> float:
    """Width in 字 (see _char_widths)."""
    return sum(_char_widths(text))


# Title breaking (GB/T 9704 §7.3.1: 回行时要做到词意完整，排列对称，长短适宜，间距恰当; a trapezoid or a diamond).
STRONG_BREAK_BEFORE = ("关于", "对于", "印发", "转发", "批转", "做好", "加强", "进一步")  # a phrase starts here
BREAK_COST_STRONG = 0.0  # after punctuation, after 的/之/和, before 关于 …
BREAK_COST_WORD = 1.0  # between two words of two or more characters
BREAK_COST_AFFIX = 3.0  # next to a one-character word (省, 县, 室 …: mostly a suffix of the word before)
BREAK_COST_INSIDE = 60.0  # inside a word: only when nothing else fits
SHAPE_WEIGHT = 1.0  # squared deviation (in 字) from the line's target length
DIAMOND_DEPTH = 0.25  # the outer lines of a diamond are this much shorter than the middle one
EXTRA_LINE_COST = 30.0  # a line more than the text needs: only when the shorter layout breaks badly
# A break the lines after it could not fill to the end is not looked at; this much (字) more than they hold is still
# looked at, for the rounding of sums of widths.
REACH_SLACK = 1e-6
# A number stays whole and with its unit (二〇二一年度, 第十三届, 2020年): jieba cuts Chinese numerals digit by digit.
NUMERALS = set("〇零一二三四五六七八九十百千万亿两0123456789")
NUMERAL_UNITS = set("年月日号届次期批个项条款章节名人元%％周岁")
# One-character words that end a place name (马鬃山|村, 官渡口|镇): they stay with the name before them. (省, 市, 县 and
# 区 also start words — 省财政厅 — and keep the ordinary cost.)
PLACE_SUFFIXES = set("镇乡村庄屯寨")
# 省, 市, 县 and 区 as words of their own before an organ's name (转发省|财政厅): the organ's level, part of its name.
LEVEL_PREFIXES = set("省市县区")


def _word_ends(title: str) -> set[int]:
    """Offsets where a word ends, by jieba (imported on first use: 0.15 s, and 0.7 s to load its dictionary once
    per process; a title that fits one line never loads it)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    ends, position = set(), 0
    for word in jieba.cut(title, HMM=True):
        position += len(word)
        ends.add(position)
    return ends


def _break_costs(title: str) -> list[float]:
    """cost[k]: how bad a line break before title[k] is."""
    ends = _word_ends(title)
    starts = {0} | ends
    ends_sorted, starts_sorted = sorted(ends), sorted(starts)

    def end_after(k: int) -> int:  # min((j for j in ends if j > k), default=len(title))
        at = bisect_right(ends_sorted, k)
        return ends_sorted[at] if at < len(ends_sorted) else len(title)

    costs = [BREAK_COST_INSIDE] * (len(title) + 1)
    for k in range(1, len(title)):
        before, after = title[k - 1], title[k]
        if after in "，。、；：）》”" or before in "“《（(":
            continue
        if (before in NUMERALS and (after in NUMERALS or after in NUMERAL_UNITS)) or (
            before == "第" and after in NUMERALS
        ):
            continue  # inside a number, or between a number and its unit
        if after in PLACE_SUFFIXES and k in ends and k + 1 in ends:
            continue  # a place name and its suffix
        if before in LEVEL_PREFIXES and k in ends and k - 1 in starts:
            next_end = end_after(k)
            if ORGAN_END.search(title[k:next_end]):
                continue  # 省|财政厅, 市|人民政府: the level belongs to the organ's name
        if after in LEVEL_PREFIXES and k in ends and k + 1 in ends:
            next_end = end_after(k + 1)
            if not ORGAN_END.search(title[k + 1 : next_end]):
                continue  # 西岭|县: not the level of an organ named next, so the end of a place's name
        if before in BREAK_AFTER or (before in "的之和及与" and k in ends) or title.startswith(STRONG_BREAK_BEFORE, k):
            costs[k] = BREAK_COST_STRONG
        elif k in ends:
            word_before = starts_sorted[bisect_left(starts_sorted, k) - 1]  # max(j for j in starts if j < k): 0 is one
            word_after = end_after(k)
            short = (k - word_before == 1 and before not in PLACE_SUFFIXES) or word_after - k == 1
            costs[k] = BREAK_COST_AFFIX if short else BREAK_COST_WORD
        elif before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            costs[k] = BREAK_COST_INSIDE * 10  # never inside a Latin word or a number
    return costs


def _targets(total: float, lines: int) -> list[float]:
    """Line lengths of the shape: two lines balanced (a trapezoid forms by itself), more lines a diamond."""
    if lines <= 2:
        return [total / lines] * lines
    middle = (lines - 1) / 2
    weights = [1 - DIAMOND_DEPTH * abs(i - middle) / middle for i in range(lines)]
    scale = total / sum(weights)
    return [w * scale for w in weights]


def split_title(title: str, max_chars: int) -> list[str]:
    """Break a long title into lines of at most ``max_chars`` 字 at word boundaries (jieba), in a balanced or diamond
    shape: the break costs and the shape are minimised together (dynamic programming over break positions)."""
    title = title.strip()
    widths = _char_widths(title)
    total = sum(widths)
    if total <= max_chars:
        return [title]
    costs = _break_costs(title)
    n = len(title)
    prefix = [0.0]
    for width in widths:
        prefix.append(prefix[-1] + width)
    # first[k]: the first i whose line title[i:k] fits (prefix only grows: every i from there to k - 1 fits)
    first = list(range(n + 1))
    i = 0
    for k in range(1, n + 1):
        while prefix[k] - prefix[i] > max_chars:
            i += 1
        first[k] = i
    best: tuple[float, list[int]] | None = None
    minimum = int(-(-total // max_chars))
    for lines in (minimum, minimum + 1):
        if best is not None and best[0] <= EXTRA_LINE_COST * (lines - minimum):
            break  # costs are never negative: a layout with more lines cannot cost less
        targets = _targets(total, lines)
        if max(targets) > max_chars + 0.01 and lines == minimum and lines > 2:
            continue
        # dp[j][k]: cost of the first j lines ending before title[k]. A line ending before title[k] starts at an i
        # from first[k] (the widest that fits) to k - 1 where j - 1 lines can end (finite): the cheapest, and of
        # equal costs the last i (the order the costs were once compared in, from k - 1 down).
        inf = float("inf")
        dp = [[inf] * (n + 1) for _ in range(lines + 1)]
        back = [[0] * (n + 1) for _ in range(lines + 1)]
        dp[0][0] = 0.0
        for j in range(1, lines + 1):
            previous, target = dp[j - 1], targets[j - 1]
            ends_before = [i for i in range(n + 1) if previous[i] < inf]
            for k in range(1, n + 1):
                if j == lines and k != n:
                    continue
                if prefix[n] - prefix[k] > (lines - j) * max_chars + REACH_SLACK:
                    continue  # the lines left cannot hold the rest: no way on to the end from here
                ends = ends_before[bisect_left(ends_before, first[k]) : bisect_left(ends_before, k)]
                if not ends:
                    continue
                end_k = prefix[k]
                candidates = [previous[i] + SHAPE_WEIGHT * (end_k - prefix[i] - target) ** 2 for i in ends]
                if k < n:
                    penalty = costs[k] * 4
                    candidates = [cost + penalty for cost in candidates]
                cheapest = min(candidates)
                last = len(candidates) - 1 - candidates[::-1].index(cheapest)
                dp[j][k], back[j][k] = cheapest, ends[last]
        total_cost = dp[lines][n] + EXTRA_LINE_COST * (lines - minimum)
        if dp[lines][n] < inf and (best is None or total_cost < best[0]):
            cuts, k = [], n
            for j in range(lines, 0, -1):
                cuts.append(k)
                k = back[j][k]
            best = (total_cost, sorted(cuts))
    if best is None:  # no split fits (a Latin word longer than a line): cut by width
        return [title[i : i + max_chars] for i in range(0, n, max_chars)]
    out, start = [], 0
    for cut in best[1]:
        out.append(title[start:cut].strip())
        start = cut
    return [line for line in out if line]


# A balanced paragraph is this much (in 字) wider than its first line: more than the error of the width estimate
# (digits set in the Chinese font, about 0.05 字 each), less than one character, so the break falls where chosen.
BALANCE_SLACK_CHARS = 0.5


def first_line_longest(text: str, max_chars: float) -> str | None:
    """The first line of ``text`` broken into two at a word boundary, the first line at least as long as the second
    and as balanced as the words allow (an inverted trapezoid, the usual shape of a two-line 副题); None when
    ``text`` fits one line or needs more than two."""
    total = _width(text)
    if total <= max_chars or total > 2 * max_chars:
        return None
    costs = _break_costs(text)
    widths = _char_widths(text)
    best: tuple[float, int] | None = None
    used = 0.0
    for k in range(1, len(text)):
        used += widths[k - 1]
        if used > max_chars:
            break
        if used < total - used:
            continue
        cost = costs[k] * 4 + SHAPE_WEIGHT * (used - (total - used)) ** 2
        if best is None or cost < best[0]:
            best = (cost, k)
    return text[: best[1]] if best else None


def table_grid(rows: list[list[TableCell]]) -> list[list[tuple[int, int, TableCell] | None]]:
    """The table's cells on a grid: each position holds (row, column, cell) of the cell covering it (a merged cell is
    listed once in ``rows``, where it starts, as in HTML), or None where a row is short."""
    grid: list[list[tuple[int, int, TableCell] | None]] = []
    for r, row in enumerate(rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for cell in row:
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            for dr in range(max(1, cell.rowspan)):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                for dc in range(max(1, cell.colspan)):
                    while len(target) <= c + dc:
                        target.append(None)
                    target[c + dc] = (r, c, cell)
            c += max(1, cell.colspan)
    grid = grid[: len(rows)]
    width = max((len(r) for r in grid), default=0)
    return [r + [None] * (width - len(r)) for r in grid]


# The gap between the two lines of a 信函's red double rules (1 pt).
LETTER_RULE_GAP_TW = 20
# 信函格式 (GB/T 9704 §10.1), [measured] in LibreOffice 7.4 with the render fonts (Noto Serif CJK for 小标宋 and
# 仿宋): the ink of a one-line mark of size s is MARK_INK_HEIGHT_EM × s high (the organ names tried: 0.92);
# a paragraph border's ink starts BORDER_INK_BELOW_LINE_TW below the bottom of its empty exact-height line; the ink
# top of a 三号 line lies BODY_INK_TOP_ABOVE_LINE_BOTTOM_TW above the bottom of its exact-height line.
MARK_INK_HEIGHT_EM = 0.92
BORDER_INK_BELOW_LINE_TW = 7
BODY_INK_TOP_ABOVE_LINE_BOTTOM_TW = 407
MARK_LINE_EM = 1.25  # the mark's text box holds exact lines this many times its size…
MARK_BOX_INK_TOP_EM = 0.155  # …and the ink of the first starts this many times its size below the box's top
LETTER_RULE_LINE_TW = 20  # the empty line whose bottom border is the thick rule
LETTER_MIN_SPACER_TW = 20  # the line above it, when a profile leaves the mark no room above the rule

# A landscape page's number (landscape_page_numbers): an exact line this high, in a box this many 字 long; the top
# of the dash's ink lies DASH_BELOW_LINE_TOP_TW below the top of its line [measured: 四号 宋体 stand-in, LibreOffice
# 7.4, a line of 360 tw].
LANDSCAPE_NUMBER_LINE_TW = 360
LANDSCAPE_NUMBER_CHARS = 8
DASH_BELOW_LINE_TOP_TW = 227

TABLE_CELL_MARGIN_TW = 80  # left and right inside each cell
TABLE_ROW_RULE_TW = 10  # a row is its lines and its rule [measured: one-line rows of 360 tw lines 18.5 pt apart]

# Column widths (in 字 of table text): a column whose longest cell is this short keeps it on one line (a name,
# a number) before the wider columns share what is left; no column is narrower than its minimum.
NARROW_COLUMN_CHARS = 5
MIN_COLUMN_CHARS = 2
# …and a column asks for at most this much: a long cell wraps anyway, and must not starve the other columns.
WIDE_COLUMN_CHARS = 12
# A first row of labels is repeated on each page when the source marked no header row: every cell filled, none
# longer than this, none a number, over rows that hold numbers, longer text or empty cells.
HEADER_CELL_MAX_CHARS = 16
NUMBER = re.compile(r"^[\d\s.,%％+\-－—/]+$")


def column_wants(
    grid: list[list[tuple[int, int, TableCell] | None]], size_pt: float, margin_tw: int, header_rows: int = 0
) -> tuple[list[float], list[float]]:
    """Each column's natural width (its longest one-column cell on one line, at most WIDE_COLUMN_CHARS) and the least
    it should get (NARROW_COLUMN_CHARS, or its natural width if less), in twips with the cell margins. Header cells
    count only where the table has no other rows: a long label (完成投资（万元）) wraps over a column of numbers."""
    columns = max((len(r) for r in grid), default=0)
    char = size_pt * 20
    pad = 2 * margin_tw + 40
    natural = [MIN_COLUMN_CHARS * char + pad] * columns
    body = header_rows if len(grid) > header_rows else 0
    for r, row in enumerate(grid):
        if r < body:
            continue
        for c, entry in enumerate(row):
            if entry is not None and entry[0] == r and entry[1] == c and entry[2].colspan == 1:
                want = min(text_width(entry[2].text.strip(), size_pt), WIDE_COLUMN_CHARS * char)
                natural[c] = max(natural[c], want + pad)
    return natural, [min(n, NARROW_COLUMN_CHARS * char + pad) for n in natural]


def column_widths(
    grid: list[list[tuple[int, int, TableCell] | None]], width_tw: int, size_pt: float, margin_tw: int, header_rows: int
) -> list[int]:
    """Widths in twips filling ``width_tw``: each column's natural width when all fit; otherwise each column first
    gets its least width and the rest is shared out evenly, no column taking more than its natural width
    (column_wants)."""
    natural, floor = column_wants(grid, size_pt, margin_tw, header_rows)
    columns = len(natural)
    if sum(natural) <= width_tw:
        extra = width_tw - sum(natural)
        out = [n + extra * n / sum(natural) for n in natural]
    elif sum(floor) >= width_tw:
        out = [f * width_tw / sum(floor) for f in floor]
    else:  # what is left is shared out evenly, a column taking no more than it wants (water-filling)
        out = list(floor)
        left = width_tw - sum(floor)
        wanting = sorted(range(columns), key=lambda c: natural[c] - floor[c])
        for i, c in enumerate(wanting):
            give = min(natural[c] - floor[c], left / (columns - i))
            out[c] += give
            left -= give
    widths = [round(w) for w in out]
    widths[-1] += width_tw - sum(widths)
    return widths


def _table_row(
    r: int,
    row: list[tuple[int, int, TableCell] | None],
    columns: int,
    header_rows: int,
    widths: list[int],
    margin: int,
    text_of: Callable[[TableCell, int], tuple[str, int]],
) -> tuple[list[Cell], int]:
    """Row ``r`` of a table's grid as DOCX cells, and how many lines its tallest cell takes (a cell spanning rows
    aside); ``text_of(cell, width)``: a cell's text as written and its number of lines in that width."""
    cells: list[Cell] = []
    row_lines = 1
    c = 0
    while c < columns:
        entry = row[c]
        if entry is None:  # a row shorter than the table: an empty cell
            cells.append(Cell([("bfTableText", [], ParaStyle())]))
            c += 1
            continue
        top, _left, cell = entry
        span = min(cell.colspan, columns - c)
        if top != r:  # covered by a cell spanning rows from above
            cells.append(Cell([("bfTableText", [], ParaStyle())], colspan=span, vmerge="continue"))
            c += span
            continue
        style = "bfTableHeader" if cell.header or r < header_rows else "bfTableText"
        text, n_lines = text_of(cell, sum(widths[c : c + span]) - 2 * margin)
        # wrapped: flush left (justified, a narrow cell spreads its characters apart)
        direct = ParaStyle(align="center" if n_lines == 1 else "left")
        if cell.rowspan == 1:
            row_lines = max(row_lines, n_lines)
        cells.append(
            Cell(
                [(style, [(text, None)], direct)],
                colspan=span,
                vmerge="restart" if cell.rowspan > 1 else None,
                valign="center",
            )
        )
        c += span
    return cells, row_lines


def inferred_header_rows(rows: list[list[TableCell]]) -> int:
    """1 when the first row reads as column labels (see HEADER_CELL_MAX_CHARS), else 0."""
    if len(rows) < 3 or not rows[0]:
        return 0
    first = [c.text.strip() for c in rows[0]]
    if any(not t or len(t) > HEADER_CELL_MAX_CHARS or NUMBER.match(t) for t in first):
        return 0
    later = [c.text.strip() for row in rows[1:] for c in row]
    return int(any(not t or len(t) > HEADER_CELL_MAX_CHARS or NUMBER.match(t) for t in later))


class FooterHolder(Protocol):
    """Where footers go: the template being built (``TemplateBuilder``) or one document (``Package``)."""

    def next_shape_id(self) -> int: ...

    def set_footers(self, sect_pr: etree._Element | None, footers: dict[str, list[etree._Element]]) -> None: ...


@dataclass(frozen=True)
class Prepared:
    """What every document written with one profile (portrait, or landscape throughout) shares: its paragraph styles
    and the package they are written into."""

    specs: dict[str, StyleSpec]
    template: Template


def build_template(p: Profile, specs: dict[str, StyleSpec], landscape: bool) -> Template:
    """Styles, page setup, footers, core properties and font table for every document of profile ``p``."""
    pk = TemplateBuilder()
    pk.set_defaults(body_run(p), body_para(p))
    tw = p.twips
    width, height = tw("page.width_mm"), tw("page.height_mm")
    top, right, bottom, left = (tw(f"page.margin_{side}_mm") for side in ("top", "right", "bottom", "left"))
    if landscape:  # the portrait margins turned a quarter, as on a wide table's page (section_break)
        width, height, top, right, bottom, left = height, width, left, top, right, bottom
    pk.set_page(
        width_tw=width,
        height_tw=height,
        top_tw=top,
        bottom_tw=bottom,
        left_tw=left,
        right_tw=right,
        footer_tw=tw("page.footer_distance_mm"),
        line_pitch_tw=p["grid.line_pitch_tw"],
        landscape=landscape,
    )
    for spec in specs.values():
        pk.add_paragraph_style(spec.style_id, spec.name, spec.run, spec.para, custom=spec.builtin_name is None)
    number_indent = round(p["size.page_number_pt"] * 20) * p["page_number.indent_chars"]
    dash = p["page_number.dash"]
    if landscape:
        pk.use_even_and_odd_footers()
        landscape_page_numbers(p, pk, pk.sect_pr)
    else:
        pk.set_page_number_footers(
            odd=("bfPageNumber", ParaStyle(align="right", right_tw=number_indent)),
            even=("bfPageNumber", ParaStyle(align="left", left_tw=number_indent)),
            prefix=f"{dash} ",
            suffix=f" {dash}",
        )
    pk.set_core_properties("", "")  # each document sets its own (Composer.setup)
    pk.register_east_asian_fonts(
        [v.value for k, v in p.settings.items() if k.startswith("font.") and k != "font.latin"]
    )
    return pk.freeze()


# Profiles a process keeps prepared (a few: the default and the overrides of a batch); more, and the oldest goes.
PREPARED_MAX = 8
_PREPARED: dict[tuple[object, ...], Prepared] = {}


def prepared(profile: Profile, landscape: bool) -> Prepared:
    """The styles and template for ``profile``, built once per process (building them is most of what python-docx
    costs: opening its template, adding 33 styles, footers, the font table)."""
    key = (landscape, *((name, s.value, type(s.value)) for name, s in sorted(profile.settings.items())))
    found = _PREPARED.get(key)
    if found is None:
        specs = style_specs(profile)
        found = Prepared(specs, build_template(profile, specs, landscape))
        if len(_PREPARED) >= PREPARED_MAX:
            del _PREPARED[next(iter(_PREPARED))]
        _PREPARED[key] = found
    return found


def landscape_page_numbers(profile: Profile, package: FooterHolder, sect: etree._Element) -> None:
    """GB/T 9704-2012 §8 (公文中的表格): a landscape table's page keeps its page number where the other pages have
    theirs — the table's top faces the 订口 on odd pages and the 切口 on even pages, the left edge of the page
    either way, so the portrait page's bottom edge is the landscape page's left edge. Each landscape page gets
    its number in a text box at that edge, turned a quarter clockwise: 7 mm outside the type area, at its
    bottom end 1 字 in on odd pages (a portrait page's right) and at its top end 1 字 in on even pages."""
    p = profile
    tw = p.twips
    line = LANDSCAPE_NUMBER_LINE_TW
    length = round(p["size.page_number_pt"] * 20) * LANDSCAPE_NUMBER_CHARS
    indent = round(p["size.page_number_pt"] * 20) * p["page_number.indent_chars"]
    # the box's right edge is the top of the number's line; the dash's ink starts DASH_BELOW_LINE_TOP_TW below it
    right = tw("page.margin_bottom_mm") - tw("page_number.dash_below_type_area_mm") + DASH_BELOW_LINE_TOP_TW
    dash = p["page_number.dash"]
    footers = {}
    for kind, align, top in (
        ("default", "right", tw("page.width_mm") - tw("page.margin_right_mm") - indent - length),
        ("even", "left", tw("page.margin_left_mm") + indent),
    ):
        number = make_page_number_paragraph(
            "bfPageNumber",
            ParaStyle(align=align, line_tw=line, snap_to_grid=False, left_tw=0, right_tw=0),
            f"{dash} ",
            f" {dash}",
        )
        box = make_floating_run(
            shape_id=package.next_shape_id(),
            x_tw=right - line,
            y_tw=top,
            width_tw=line,
            height_tw=length,
            paragraphs=[number],
            vertical=True,
        )
        holder = make_paragraph("bfPageNumber", [], ParaStyle(line_tw=line, snap_to_grid=False))
        holder.append(box)
        footers[kind] = [holder]
    package.set_footers(sect, footers)


@dataclass
class Composer:
    """Builds one DOCX: every paragraph goes through ``para()``, which also feeds the page estimate."""

    doc: Document
    profile: Profile
    package: Package = field(init=False)
    specs: dict[str, StyleSpec] = field(init=False)
    flow: Flow = field(init=False)
    landscape_all: bool = field(init=False)
    pitch: int = field(init=False)  # one grid line, twips
    width: int = field(init=False)  # the type area's width, twips
    char: int = field(init=False)  # one 字 of body text, twips
    seal: bool = False  # 署名 and 成文日期 laid out for a seal (§7.3.5.1)
    keep_from: frozenset[int] = frozenset()  # body paragraphs (ordinals) that start a chain kept with the tail
    tail_breaks: set[int] = field(default_factory=set)  # found in this pass: a tail opened a page alone
    keep_lists: frozenset[int] = frozenset()  # 附件说明 (ordinals) that start a chain kept with the 署名
    list_breaks: set[int] = field(default_factory=set)
    lists_written: int = 0
    list_after_body: int = 0  # the 附件说明 written since the last 正文 paragraph (its ordinal), else 0
    body_count: int = 0  # body paragraphs written so far (their ordinals)
    keeping: bool = False  # inside a kept chain: every paragraph is kept with the next
    keep_to_colophon: frozenset[int] = frozenset()  # of keep_from: chains that end with the 版记
    colophon_breaks: set[int] = field(default_factory=set)
    keep_to_note: frozenset[int] = frozenset()  # of keep_from: chains that end with the source note
    note_breaks: set[int] = field(default_factory=set)
    last_body: int = 0
    last_element: int | None = None  # the handle of the paragraph written last
    last_item: Item | None = None
    last_was_table: bool = False
    form: str = "file"  # the 公文 format: file | letter | minutes | order
    sections_ended: int = 0  # section breaks written (landscape table pages)
    dropped: int = 0  # characters XML cannot hold, left out
    dropped_bidi: int = 0  # bidi controls, left out
    # lines of each paragraph measured (style, text, size, indents → lines), shared by the passes over one document
    line_counts: dict[tuple[object, ...], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        p = self.profile
        self.pitch = p["grid.line_pitch_tw"]
        self.char = p.char_tw
        # A page, speech or news item that is nothing but a table too wide for a portrait page is set landscape
        # throughout: its title and source note on the table's pages, not on portrait pages of their own.
        self.landscape_all = self.doc.kind not in ("document", "bulletin") and self.only_wide_tables()
        layout = prepared(p, self.landscape_all)
        self.specs = layout.specs
        self.package = Package(layout.template)
        if self.landscape_all:
            self.width = p.type_area_height_tw
            self.flow = Flow(page_height_tw=p.type_area_width_tw)
        else:
            self.width = p.type_area_width_tw
            self.flow = Flow(page_height_tw=p.type_area_height_tw)

    def wide_table(self, rows: list[list[TableCell]], header_rows: int) -> bool:
        """Too wide for a portrait page: more than ``table.portrait_max_columns`` columns, or columns that cannot get
        their least width (column_wants) across it."""
        p = self.profile
        grid = table_grid(rows)
        columns = max((len(r) for r in grid), default=0)
        header_rows = header_rows or inferred_header_rows(rows)
        least = sum(column_wants(grid, p["size.table_pt"], TABLE_CELL_MARGIN_TW, header_rows)[1])
        return columns > p["table.portrait_max_columns"] or least > p.type_area_width_tw

    def only_wide_tables(self) -> bool:
        blocks = [b for a in self.doc.articles for b in a.blocks] + [
            b for a in self.doc.articles for att in a.attachments for b in att.blocks
        ]
        tables = [b for b in blocks if b.type == "table" and b.rows]
        return len(tables) == len(blocks) and any(self.wide_table(b.rows or [], b.header_rows or 0) for b in tables)

    # -- setup ---------------------------------------------------------------------------------------
    def setup(self) -> None:
        """What is this document's own in the package besides its body: its title and kind (the rest of the
        package comes from the profile's template, ``prepared``)."""
        self.package.set_core_properties(self.text(self.doc.title or ""), self.doc.kind)

    # -- paragraphs ----------------------------------------------------------------------------------
    def text(self, value: str) -> str:
        cleaned, illegal, bidi = clean_text(value)
        self.dropped += illegal
        self.dropped_bidi += bidi
        return cleaned

    def para(
        self,
        style_id: str,
        text: str = "",
        *,
        runs: list[tuple[str, RunStyle | None]] | None = None,
        direct: ParaStyle | None = None,
        size_pt: float | None = None,
        line_tw: int | None = None,
        keep_next: bool = False,
        extra_tw: int = 0,
        lines: int | None = None,
    ) -> None:
        """Add a paragraph and account for its height (``extra_tw``: border lines and distances)."""
        runs = runs if runs is not None else [(text, None)]
        runs = [(self.text(t), s) for t, s in runs]
        direct = direct or ParaStyle()
        direct.keep_next = direct.keep_next or keep_next or self.keeping
        if line_tw is not None:
            direct.line_tw = line_tw
        self.last_element = self.package.add_paragraph(style_id, runs, direct)
        self.last_was_table = False
        if lines is None:
            lines = self.count(style_id, "".join(t for t, _ in runs), size_pt, direct)
        height = direct.line_tw or self.pitch
        heights = [height] * lines
        heights[-1] += extra_tw
        self.last_item = Item(
            heights,
            keep_next=direct.keep_next,
            page_break_before=direct.page_break_before,
            keep_lines=direct.keep_lines,
        )
        self.flow.add(self.last_item)

    def count(self, style_id: str, text: str, size_pt: float | None, direct: ParaStyle) -> int:
        """How many lines ``wrapped`` gives, remembered for the document (a second pass measures nothing again)."""
        key = (style_id, text, size_pt, direct.left_tw, direct.right_tw, direct.first_line_tw, direct.hanging_tw)
        lines = self.line_counts.get(key)
        if lines is None:
            text, width, size, spacing, first_indent = self.wrap_args(style_id, text, direct, size_pt)
            lines = self.line_counts[key] = count_lines(text, width, size, spacing, first_indent, hang=False)
        return lines

    def wrapped(self, style_id: str, text: str, direct: ParaStyle, size_pt: float | None = None) -> list[str]:
        """``text`` in style ``style_id`` broken into lines as LibreOffice breaks them (measure.wrap)."""
        text, width, size, spacing, first_indent = self.wrap_args(style_id, text, direct, size_pt)
        # w:overflowPunct val=1 in the document defaults: no mark hangs (styles.body_para)
        return wrap(text, width, size, spacing, first_indent_tw=first_indent, hang=False)

    def wrap_args(
        self, style_id: str, text: str, direct: ParaStyle, size_pt: float | None
    ) -> tuple[str, int, float, float, int]:
        """The text, column width, size, character spacing and first-line indent ``text`` is set with in style
        ``style_id`` with ``direct`` formatting."""
        spec = self.specs[style_id]
        size = size_pt or spec.run.size_pt or self.profile["size.body_pt"]
        spacing = spec.run.spacing_pt if spec.run.spacing_pt is not None else self.profile["grid.char_spacing_pt"]
        left = (direct.left_tw if direct.left_tw is not None else spec.para.left_tw) or 0
        right = (direct.right_tw if direct.right_tw is not None else spec.para.right_tw) or 0
        first = direct.first_line_tw if direct.first_line_tw is not None else spec.para.first_line_tw
        hanging = direct.hanging_tw if direct.hanging_tw is not None else spec.para.hanging_tw
        return text.replace("\t", "    "), self.width - left - right, size, spacing, (first or 0) - (hanging or 0)

    def blank(self, count: int = 1, keep_next: bool = False) -> None:
        for _ in range(count):
            flow = self.flow
            opens_page = flow.room < self.pitch or (flow.position == 0 and flow.page > 1)
            if opens_page and not keep_next and not flow.pending:
                continue  # an empty line at the top of a page only pushes the text down
            self.para("bfBlank", "", keep_next=keep_next)

    def rule(
        self,
        width_pt: float,
        color: str = "000000",
        height_tw: int = 10,
        keep_next: bool = False,
        overhang_tw: int = 0,
    ) -> None:
        """A rule the width of the type area (plus ``overhang_tw`` each side): the bottom border of an empty paragraph
        ``height_tw`` high, unindented or indented by ``-overhang_tw`` (a border on an indented text paragraph would be
        as narrow as its indents)."""
        border = ParaStyle(borders={"bottom": Border(width_pt, color, 0)}, snap_to_grid=False)
        if overhang_tw:
            border.left_tw = border.right_tw = -overhang_tw
        self.para(
            "bfRule", "", direct=border, line_tw=height_tw, keep_next=keep_next, extra_tw=round(width_pt * 20), lines=1
        )

    def line_with_red_rule(
        self,
        style_id: str,
        width_pt: float,
        text: str = "",
        runs: list[tuple[str, RunStyle | None]] | None = None,
        direct: ParaStyle | None = None,
    ) -> None:
        """A one-line paragraph with a red rule ``rule.space_pt`` below it, both together one grid line high."""
        gap = round(self.profile["rule.space_pt"] * 20)
        direct = direct or ParaStyle()
        direct.snap_to_grid = False
        direct.keep_next = True
        line = self.pitch - gap - round(width_pt * 20)
        self.para(style_id, text, runs=runs, direct=direct, line_tw=line, lines=1)
        self.rule(width_pt, self.profile["color.rule"], height_tw=gap)

    # -- 版头 ----------------------------------------------------------------------------------------
    def mark_size(self, text: str) -> int:
        """The largest size (pt) that fits ``text`` on one line of the type area, within the profile's bounds."""
        p = self.profile
        fitted = int(self.width / 20 / max(1, len(text)))
        return min(int(p["size.mark_max_pt"]), max(int(p["size.mark_min_pt"]), fitted))

    def mark(self, text: str, line_tw: int | None = None) -> None:
        """发文机关标志 / 简报名称: red 小标宋 fitted to one line."""
        size = self.mark_size(text)
        line_tw = line_tw or self.pitch * self.profile["mark.lines"]
        self.para("bfMark", runs=[(text, RunStyle(size_pt=size))], size_pt=size, line_tw=line_tw)

    def head_marks(self) -> int:
        """份号, 密级和保密期限, 紧急程度: top left, one per line; returns the lines used."""
        h = self.doc.header
        used = 0
        if h.copy_number:
            self.para("bfHeadMark", h.copy_number)
            used += 1
        for value in (h.secrecy, h.urgency):
            if value:
                font = self.profile["font.urgency"]
                self.para("bfHeadMark", runs=[(value, RunStyle(east_asia=font, latin=font))])
                used += 1
        return used

    def bulletin_head(self) -> None:
        """简报 报头: name (red), 期号, 编发单位 left and date right, red rule."""
        h = self.doc.header
        self.head_marks()
        if h.bulletin:
            self.mark(h.bulletin)
        if h.issue:
            self.para("bfNumber", h.issue)
        issuer = h.issuer or ""
        date = gb_date(h.date, h.date_text) or ""
        if not (issuer or date or h.bulletin or h.issue):
            return
        width = self.profile["rule.bulletin_width_pt"]
        tab = ParaStyle(right_tab_tw=self.width)
        fits = self.count("bfIssuerLine", f"{issuer}  {date}", None, ParaStyle()) == 1
        if issuer and date and not fits:
            self.para("bfIssuerLine", issuer)
            self.line_with_red_rule("bfIssuerLine", width, text=f"\t{date}", direct=tab)
        else:
            self.line_with_red_rule("bfIssuerLine", width, text=f"{issuer}\t{date}", direct=tab)
        self.blank(self.profile["bulletin.blank_lines_after_rule"])

    def document_form(self) -> str:
        """Which 公文 format (GB/T 9704 §7, §10): "file" (文件格式), "letter" (信函格式, a 函 by its 发文字号 or title),
        "minutes" (纪要格式, a title ending in 纪要) or "order" (命令格式, a title ending in 令)."""
        h = self.doc.header
        title = (self.doc.articles[0].title or "").strip() if self.doc.articles else ""
        number = h.doc_number or h.doc_number_text or ""
        if title.endswith("纪要"):
            return "minutes"
        if title.endswith(("令", "命令")) and not re.search(r"〔\d{4}〕", number):
            return "order"
        if "函" in number or title.endswith("函"):
            return "letter"
        return "file"

    def mark_text(self, form: str) -> tuple[list[str], str]:
        """The organs of the 发文机关标志 and the word beside them: 文件 when the source printed it (GB/T 9704 §7.2.4
        allows the organ's name alone); 纪要 and 令 marks are the document's title."""
        h = self.doc.header
        if form in ("minutes", "order"):
            return [(self.doc.articles[0].title or "").strip()], ""
        organs = [o for o in re.split(r"[\u3000、]+", (h.issuer or "").strip()) if o and is_mark_name(o)]
        if form == "letter":
            return organs[:1], ""  # 联合行文: the leading organ's mark (§10.1)
        printed_file = any(r.reason == "form_label" and r.text.strip().endswith("文件") for r in self.doc.removed)
        return organs, "文件" if printed_file else ""

    def document_head(self) -> None:
        """公文 版头: 份号/密级/紧急程度, 发文机关标志 35 mm below the type area top (命令: 20 mm), 发文字号 (+签发人),
        red rule (命令: no rule); a 信函 has a 版头 of its own (``letter_head``)."""
        p, h = self.profile, self.doc.header
        form = self.form = self.document_form()
        if form == "letter":
            self.letter_head()
            return
        used = self.head_marks()
        pad = 0
        organs, word = self.mark_text(form)
        if organs:
            longest = max(organs, key=len)
            joint = len(organs) > 1
            size = self.mark_size(longest + word) if not joint else self.joint_mark_size(longest, word)
            mark_height = self.pitch * p["mark.lines"] if not joint else len(organs) * round(1.25 * size * 20)
            # [measured] LibreOffice puts the ink top of a 小标宋 line (line height - 1.2 × size + 1.5 pt) below the
            # top of an exact-height line
            line_height = mark_height if not joint else round(1.25 * size * 20)
            ink_below_top = round((1.2 * size - 1.5) * 20)
            offset = p.twips("mark.order_top_offset_mm" if form == "order" else "mark.top_offset_mm")
            spacer = offset - used * self.pitch - (line_height - ink_below_top)
            if spacer > 0:
                self.para("bfFiller", "", line_tw=spacer, lines=1)
            elif not joint:  # 份号, 密级 and 紧急程度 fill the space: a shorter mark line raises the mark instead
                mark_height = max(round(1.25 * size * 20), mark_height + spacer)
                spacer = 0
            else:
                spacer = 0
            if joint:
                self.joint_mark(organs, word, size, line_height)
            else:
                self.mark(organs[0] + word, line_tw=mark_height)
            pad = -(used * self.pitch + spacer + mark_height) % self.pitch  # back onto the grid below the mark
        number = h.doc_number or h.doc_number_text
        if not (number or h.signer or organs):
            return
        blank_lines = p["document.blank_lines_before_number"]
        if blank_lines and pad:
            self.para("bfBlank", "", line_tw=self.pitch + pad, lines=1, direct=ParaStyle(snap_to_grid=False))
            blank_lines -= 1
        self.blank(blank_lines)
        width = p["rule.document_width_pt"]
        if h.signer:
            kai = RunStyle(east_asia=p["font.heading2"], latin=p["font.heading2"])
            line = ParaStyle(right_tab_tw=self.width - self.char, left_tw=self.char if number else None, align="left")
            runs = [(number or "", None), ("\t签发人：", None), (h.signer, kai)]
            self.line_with_red_rule("bfNumber", width, runs=runs, direct=line)
        elif form == "order":  # 令号 centred two lines below the mark, the text two lines below it (§10.2)
            self.para("bfNumber", number or "")
        else:
            self.line_with_red_rule("bfNumber", width, text=number or "")
        self.blank(p["document.blank_lines_before_title"])

    def joint_mark_size(self, longest: str, word: str) -> int:
        """The size (pt) at which the longest organ and 文件 fit side by side in the type area, less the cells' room."""
        p = self.profile
        fitted = int((self.width - 3 * JOINT_CELL_ROOM_TW) / 20 / max(1, len(longest) + len(word)))
        return min(int(p["size.mark_max_pt"]), max(int(p["size.mark_min_pt"]), fitted))

    def joint_mark(self, organs: list[str], word: str, size: int, line_tw: int) -> None:
        """联合行文 (GB/T 9704 §7.2.4): the organs one under another, the same width, and 文件 to their right, centred
        on them; a table without borders."""
        red = RunStyle(size_pt=size)
        name_width = max(len(o) for o in organs) * size * 20 + JOINT_CELL_ROOM_TW
        word_width = len(word) * size * 20 + JOINT_CELL_ROOM_TW if word else 0
        left = (self.width - name_width - word_width) // 2
        widths = (
            [max(0, left), name_width]
            + ([word_width] if word else [])
            + [max(0, self.width - left - name_width - word_width)]
        )
        names: list[tuple[str, list[tuple[str, RunStyle | None]], ParaStyle]] = [
            ("bfMark", [(o, red)], ParaStyle(align="distribute", line_tw=line_tw)) for o in organs
        ]
        cells = [Cell([]), Cell(names, valign="center")]
        if word:
            cells.append(Cell([("bfMark", [(word, red)], ParaStyle(align="left", line_tw=line_tw))], valign="center"))
        cells.append(Cell([]))
        self.package.add_element(make_table([cells], widths, border_pt=None, cell_margin_tw=0))
        self.last_was_table = True
        self.flow.add(Item([line_tw * len(organs)]))

    def letter_head(self) -> None:
        """信函格式 (GB/T 9704 §10.1): the 发文机关标志 (the organ's name, no 文件) centred, its top edge
        ``mark.letter_top_mm`` from the page's top edge — above the type area, so in a text box placed on the page
        (``letter_mark_box``) —; a red double rule (thick over thin) ``rule.letter_below_mark_mm`` under it, 170 mm
        long and centred — wider than the type area —; under it 份号/密级/紧急程度 flush left and the 发文字号 flush
        right (``letter_head_lines``); the title two lines below, the lines after it back on the grid. The first page
        has a second red double rule (thin over thick) 20 mm above the bottom edge of the page, and no page number."""
        p = self.profile
        thick, thin = p["rule.letter_width_pt"], p["rule.letter_width_pt"] / 3
        overhang = max(0, (p.twips("rule.letter_length_mm") - self.width) // 2)
        organs, _ = self.mark_text("letter")
        type_top = p.twips("page.margin_top_mm")
        rule_top = type_top  # without a mark the double rule opens the type area
        box = None
        if organs:
            size = self.mark_size(organs[0])
            mark_top = p.twips("mark.letter_top_mm")
            box, lines = self.letter_mark_box(organs[0], size, mark_top)
            ink = (lines - 1) * round(MARK_LINE_EM * size * 20) + round(MARK_INK_HEIGHT_EM * size * 20)
            rule_top = mark_top + ink + p.twips("rule.letter_below_mark_mm")
        # an empty line above the thick rule's line brings it to rule_top; it holds the mark's text box
        spacer = max(LETTER_MIN_SPACER_TW, rule_top - type_top - LETTER_RULE_LINE_TW - BORDER_INK_BELOW_LINE_TW)
        anchor = make_paragraph("bfFiller", [], ParaStyle(line_tw=spacer, keep_next=True))
        if box is not None:
            anchor.append(box)
        self.package.add_element(anchor)
        self.package.paragraph_count += 1
        self.last_element, self.last_was_table = None, False
        self.last_item = Item([spacer], keep_next=True)
        self.flow.add(self.last_item)
        self.rule(thick, p["color.rule"], height_tw=LETTER_RULE_LINE_TW, keep_next=True, overhang_tw=overhang)
        self.rule(thin, p["color.rule"], height_tw=LETTER_RULE_GAP_TW, keep_next=True, overhang_tw=overhang)
        self.letter_first_page_footer(thick, thin)
        used = spacer + LETTER_RULE_LINE_TW + round(thick * 20) + LETTER_RULE_GAP_TW + round(thin * 20)
        used += self.letter_head_lines()
        blank_lines = p["document.blank_lines_before_title"]
        pad = -used % self.pitch  # the first blank line takes what brings the title back onto the grid…
        if pad > self.pitch // 2:  # …or gives it up: two lines, give or take half a line
            pad -= self.pitch
        if blank_lines and pad:
            self.para("bfBlank", "", line_tw=self.pitch + pad, lines=1, direct=ParaStyle(snap_to_grid=False))
            blank_lines -= 1
        self.blank(blank_lines)

    def letter_mark_box(self, organ: str, size: int, mark_top_tw: int) -> tuple[etree._Element, int]:
        """The 信函's 发文机关标志: a text box the width of the type area, placed on the page so that the top of the
        organ's ink is ``mark_top_tw`` below the page's top edge; the run that anchors it and the mark's lines (a name
        too long for one line at ``size.mark_min_pt`` wraps)."""
        line = round(MARK_LINE_EM * size * 20)
        direct = ParaStyle(line_tw=line, align="center", snap_to_grid=False)
        lines = self.count("bfMark", organ, size, direct)
        mark = make_paragraph("bfMark", [(self.text(organ), RunStyle(size_pt=size))], direct)
        box = make_floating_run(
            shape_id=self.package.next_shape_id(),
            x_tw=self.profile.twips("page.margin_left_mm"),
            y_tw=mark_top_tw - round(MARK_BOX_INK_TOP_EM * size * 20),
            width_tw=self.width,
            height_tw=line * lines,
            paragraphs=[mark],
        )
        return box, lines

    def letter_head_lines(self) -> int:
        """Under a 信函's double rule (GB/T 9704 §10.1): 份号, 密级和保密期限 and 紧急程度 flush left, one per line, and
        the 发文字号 flush right on the first line, whose characters' top is ``rule.letter_above_text_pt``
        (三号汉字高度的7/8) under the rule; the height used, in twips."""
        p, h = self.profile, self.doc.header
        urgency = RunStyle(east_asia=p["font.urgency"], latin=p["font.urgency"])
        marks = [(v, s) for v, s in ((h.copy_number, None), (h.secrecy, urgency), (h.urgency, urgency)) if v]
        number = h.doc_number or h.doc_number_text
        if not (marks or number):
            return 0
        first: int = round(p["rule.letter_above_text_pt"] * 20) + BODY_INK_TOP_ABOVE_LINE_BOTTOM_TW
        line = ParaStyle(line_tw=first, snap_to_grid=False, keep_next=True)
        if marks:
            line.align, line.right_tab_tw = "left", self.width
            runs: list[tuple[str, RunStyle | None]] = [marks[0]] + ([("\t" + number, None)] if number else [])
            self.para("bfHeadMark", runs=runs, direct=line, lines=1)
        else:
            line.align = "right"
            self.para("bfNumber", number or "", direct=line, lines=1)
        for value, style in marks[1:]:
            self.para("bfHeadMark", runs=[(value, style)], keep_next=True, lines=1)
        return first + (len(marks) - 1) * self.pitch if marks else first

    def letter_first_page_footer(self, thick_pt: float, thin_pt: float) -> None:
        """The first page's footer of a 信函: the lower red double rule (thin over thick, its lower edge
        ``rule.letter_bottom_mm`` above the page's bottom edge, ``rule.letter_length_mm`` long, centred on the type
        area), drawn as two
        filled rectangles placed on the page; no page number (§10.1: 首页不显示页码)."""
        p, tw = self.profile, self.profile.twips
        length = tw("rule.letter_length_mm")
        left = tw("page.margin_left_mm") + (self.width - length) // 2  # centred on the type area, as the upper rule
        bottom = tw("page.height_mm") - tw("rule.letter_bottom_mm")
        thick, thin = round(thick_pt * 20), round(thin_pt * 20)
        holder = make_paragraph("bfBlank", [], ParaStyle())
        for top, height in ((bottom - thick - LETTER_RULE_GAP_TW - thin, thin), (bottom - thick, thick)):
            holder.append(
                make_floating_run(
                    shape_id=self.package.next_shape_id(),
                    x_tw=left,
                    y_tw=top,
                    width_tw=length,
                    height_tw=height,
                    fill=p["color.rule"],
                )
            )
        self.package.set_footers(None, {"first": [holder]})

    # -- 主体 ----------------------------------------------------------------------------------------
    def title(self, article: Article, bylines: list[str] | None = None) -> None:
        """The title block: 引题 (smaller, above), 标题 (broken at word boundaries), 副题 (楷体, in balanced lines) and
        the byline — who spoke or wrote — centred under them in 楷体."""
        p = self.profile
        max_chars = p["title.max_chars_per_line"]
        if article.kicker:
            self.balanced("bfKicker", article.kicker)
        lines = [part for ln in article.title_lines if ln.strip() for part in split_title(ln, max_chars)]
        if not lines and article.title:
            lines = split_title(article.title, max_chars)
        for line in lines:
            self.para("bfTitle", line, keep_next=True)
        if article.subtitle:
            self.balanced("bfSubtitle", article.subtitle)
        if article.byline:
            self.balanced("bfByline", article.byline)
        for byline in bylines or []:  # blocks of the text set as a byline (read back, they are text blocks again)
            self.balanced("bfBylineBlock", byline)

    def balanced(self, style_id: str, text: str) -> None:
        """One centred paragraph that breaks into two balanced lines when it does not fit one (a 副题 ending in an
        orphan 议上 read badly): its indents narrow it to the width of its first line as ``first_line_longest``
        chose it (at a word boundary, the first line the longer), so LibreOffice and Word break it there. One
        paragraph, not one per line: read back, a 副题 is one paragraph."""
        size = self.specs[style_id].run.size_pt or self.profile["size.body_pt"]
        first = first_line_longest(text.strip(), self.width / 20 / size)
        direct = ParaStyle()
        if first:
            width = self.text_width(first, size) + round(BALANCE_SLACK_CHARS * size * 20)
            direct.left_tw = direct.right_tw = max(0, (self.width - width) // 2)
        self.para(style_id, text.strip(), direct=direct, keep_next=True)

    def leading_bylines(self, article: Article) -> tuple[list[str], list[Block]]:
        """Speaker and author lines the segmenter left as the first blocks of a speech or news text (省长　某某, 记者
        某某, a date printed alone under a speech's title): they are printed as the byline, not as headings or 正文."""
        if not (article.title or article.title_lines):
            return [], article.blocks
        bylines: list[str] = []
        for block in article.blocks[:LEADING_BYLINE_BLOCKS]:
            text = block.text.strip()
            if block.type == "table" or block.level is not None or not text:
                break
            if is_byline(text) or SPEAKER_LINE.match(text) or (self.doc.kind == "speech" and is_date_only(text)):
                bylines.append(text)
            else:
                break
        return bylines, article.blocks[len(bylines) :]

    def blocks(self, blocks: list[Block]) -> None:
        attending = False  # the block before was a 纪要's 出席/请假/列席 line
        for i, block in enumerate(blocks):
            if block.type == "attachment_note":
                if i == 0 or blocks[i - 1].type != "attachment_note":  # a 附件说明's lines, laid out together
                    end = next((k for k in range(i, len(blocks)) if blocks[k].type != "attachment_note"), len(blocks))
                    self.attachment_list(attachment_items(blocks[i:end]))
                continue
            before_table = i + 1 < len(blocks) and blocks[i + 1].type == "table"
            was_attending = attending
            attending = self.form == "minutes" and bool(ATTENDANCE_LINE.match(block.text.strip()))
            if block.type == "heading":
                style = f"bfHeading{block.level}" if block.level in (1, 2, 3, 4) else "bfSubheading"
                centred = ParaStyle(align="center", first_line_tw=0) if PART_HEADING.match(block.text.strip()) else None
                self.para(style, block.text, keep_next=True, direct=centred)
            elif block.type == "table" and block.rows:
                self.table(block.rows, block.header_rows or 0)
            elif is_salutation(block.text):
                self.para("bfSalutation", block.text.strip())
            elif attending:
                self.attendance(block.text.strip(), first=not was_attending)
            elif before_table and self.count("bfBody", block.text, None, ParaStyle()) == 1:
                self.body(block.text, keep_next=True)  # a one-line caption (附：…表) stays with its table
            else:
                self.body(block.text)

    def attendance(self, text: str, first: bool) -> None:
        """A 纪要's 出席/请假/列席 line (GB/T 9704-2012 §10.3): one line below the text before the first of them, the
        label 左空二字 in 3号黑体 with its full-width colon, the units and names after it in the body's 仿宋, wrapped
        lines aligned with the first character after the colon."""
        match = ATTENDANCE_LINE.match(text)
        assert match  # the caller matched it
        label, names = match.group(0).strip().rstrip("：:").strip() + "：", text[match.end() :]
        if first:
            self.blank()
        font = self.profile["font.attendance_label"]
        hang = self.char * len(label)
        direct = ParaStyle(left_tw=2 * self.char + hang, hanging_tw=hang)
        # w:hanging replaces the style's first-line indent: counted without it
        measured = ParaStyle(left_tw=direct.left_tw, hanging_tw=hang, first_line_tw=0)
        lines = self.count("bfBody", label + names, None, measured)
        runs: list[tuple[str, RunStyle | None]] = [(label, RunStyle(east_asia=font, latin=font)), (names, None)]
        self.para("bfBody", runs=runs, direct=direct, lines=lines)

    # -- tables --------------------------------------------------------------------------------------
    def table(self, rows: list[list[TableCell]], header_rows: int) -> None:
        """A table: 四号 text, 黑体 header rows repeated on every page, single rules, merged cells as in the
        Document; with more than ``table.portrait_max_columns`` columns, or columns that cannot get their least width
        (column_wants) across a portrait page, it goes on a landscape page of its own."""
        p = self.profile
        grid = table_grid(rows)
        columns = max((len(r) for r in grid), default=0)
        if not columns:
            return
        margin = TABLE_CELL_MARGIN_TW
        size = p["size.table_pt"]
        if not header_rows:
            header_rows = inferred_header_rows(rows)
        landscape = not self.landscape_all and self.wide_table(rows, header_rows)
        width = p.type_area_height_tw if landscape else self.width
        widths = column_widths(grid, width, size, margin, header_rows)
        line = p["table.line_tw"]
        # each cell's text as written and whether it fits on one line, found here (while the page is laid out) and
        # read again when the package writes the table's XML (TableXml), a row at a time
        texts: list[str] = []
        one_line = bytearray()

        def measured(cell: TableCell, cell_width: int) -> tuple[str, int]:
            text = self.text(cell.text.strip())
            n = len(wrap(text, cell_width, size, 0)) if text else 1
            texts.append(text)
            one_line.append(n == 1)
            return text, n

        heights = [
            row_lines * line + TABLE_ROW_RULE_TW
            for _cells, row_lines in (
                _table_row(r, row, columns, header_rows, widths, margin, measured) for r, row in enumerate(grid)
            )
        ]
        n_rows = len(heights)
        del grid

        style_rows = header_rows

        def docx_rows() -> Iterator[list[Cell]]:
            text_of, fits = iter(texts), iter(one_line)

            def again(_cell: TableCell, _width: int) -> tuple[str, int]:
                return next(text_of), 1 if next(fits) else 2

            for r, row in enumerate(table_grid(rows)):
                yield _table_row(r, row, columns, style_rows, widths, margin, again)[0]

        header_rows = min(header_rows, n_rows)
        flow = self.flow
        if landscape:
            self.section_break(landscape=False)
            saved = flow.page_height_tw
            flow.finish()
            flow.page += 1
            flow.position = 0
            flow.page_height_tw = self.width
        # (portrait: a caption kept with the table moves to the next page with its first row)
        start_page = flow.page
        for n, height in enumerate(heights):
            flow.add(Item([height]))
            if n == 0:
                start_page = flow.page
        repeated = (flow.page - start_page) * sum(heights[:header_rows])
        if repeated:  # the header rows printed again at the top of each further page
            flow.add(Item([repeated]))
        self.package.add_table(
            TableXml(docx_rows, widths, border_pt=p["table.border_pt"], header_rows=header_rows, cell_margin_tw=margin)
        )
        if landscape:
            self.section_break(landscape=True)
            flow.page_height_tw = saved
            flow.page += 1
            flow.position = 0
        else:
            # a table must not be the last thing in a cell or body, and text after it starts on the grid
            pass
        self.last_was_table = True

    def section_break(self, landscape: bool) -> None:
        """End the section here: the pages before it are portrait, or landscape (a wide table's page, whose page
        numbers are placed as on a portrait page: ``landscape_page_numbers``)."""
        p = self.profile
        tw = p.twips
        if landscape:
            size = (tw("page.height_mm"), tw("page.width_mm"))
            # the portrait margins turned a quarter: the 订口 (left) is now the top edge
            margins = (
                tw("page.margin_left_mm"),
                tw("page.margin_top_mm"),
                tw("page.margin_right_mm"),
                tw("page.margin_bottom_mm"),
            )
        else:
            size = (tw("page.width_mm"), tw("page.height_mm"))
            margins = (
                tw("page.margin_top_mm"),
                tw("page.margin_right_mm"),
                tw("page.margin_bottom_mm"),
                tw("page.margin_left_mm"),
            )
        paragraph = self.package.add_element(
            make_section_break(
                width_tw=size[0],
                height_tw=size[1],
                margins_tw=margins,
                footer_tw=tw("page.footer_distance_mm"),
                line_pitch_tw=self.pitch,
                landscape=landscape,
                template=self.package.sect_pr,
            )
        )
        self.package.paragraph_count += 1
        sect = paragraph.find(f"{qn('w:pPr')}/{qn('w:sectPr')}")
        if sect is None:  # make_section_break always writes one
            raise ValueError("a section break without w:sectPr")
        if self.sections_ended:  # only the document's first page has a first-page footer (信函格式)
            self.package.drop_first_page_footer(sect)
        self.sections_ended += 1
        if landscape:
            self.landscape_page_numbers(sect)

    def landscape_page_numbers(self, sect: etree._Element) -> None:
        """A landscape table's page numbers (``landscape_page_numbers``) in the section of ``sect``."""
        landscape_page_numbers(self.profile, self.package, sect)

    def body(
        self, text: str, style_id: str = "bfBody", direct: ParaStyle | None = None, keep_next: bool = False
    ) -> None:
        """A 正文 paragraph. When an earlier pass found that the tail after it (署名, a note, the 版记) opened a page
        alone, the paragraph — or its last lines — starts a chain kept with that tail."""
        self.body_count += 1
        self.last_body = self.body_count
        self.list_after_body = 0
        if self.body_count not in self.keep_from:
            self.para(style_id, text, direct=direct, keep_next=keep_next)
            return
        spec_direct = direct or ParaStyle()
        lines = self.wrapped(style_id, text, spec_direct)
        if len(lines) > MAX_MOVED_LINES:
            position = 0
            for line in lines[:-KEPT_LINES]:
                position = text.index(line, position) + len(line) if line else position
            head, tail = text[:position], text[position:].lstrip()
            self.para(style_id, head, direct=spec_direct)
            # the last lines of the same paragraph, set as its continuation (no first-line indent; the DOCX reader
            # joins a bfBodyContinued paragraph to the one before). Keep-with-next and widow control on one
            # paragraph do not do it: LibreOffice moves a kept paragraph whole when it fits on the next page.
            style_id, spec_direct = (
                "bfBodyContinued",
                ParaStyle(left_tw=spec_direct.left_tw, right_tw=spec_direct.right_tw),
            )
            text = tail
        self.keeping = True
        self.para(style_id, text, direct=spec_direct)

    def end_keep(self) -> None:
        """End a kept chain with the paragraph written last (it is no longer kept with the next)."""
        if not self.keeping:
            return
        self.keeping = False
        if self.last_element is not None:
            self.package.drop_keep_next(self.last_element)
        if self.last_item is not None:
            self.last_item.keep_next = False
        self.flow.finish()

    def tail_opens_page(self, lines: int) -> bool:
        """Would ``lines`` grid lines, written now, open a new page with no text of the body on it?"""
        if self.keeping:
            return False
        self.flow.finish()
        return self.flow.position > 0 and self.flow.room < lines * self.pitch

    def attachment_list(self, items: list[str]) -> None:
        """附件说明: 附件：1. 名称, later items aligned under the first name (GB/T 9704 §7.3.4)."""
        if not items:
            return
        self.blank()
        self.lists_written += 1
        self.list_after_body = self.lists_written
        if self.lists_written in self.keep_lists:
            self.keeping = True  # the 附件说明, not the text above it, goes to the 署名's page (found in a first pass)
        label = "附件："
        indent = self.char * self.profile["indent.paragraph_chars"]
        hang = self.char * len(label)
        numbered = len(items) > 1
        for i, item in enumerate(items, 1):
            text = item.strip()
            if numbered and not re.match(r"^\d+[.．、]", text):
                text = f"{i}. {text}"
            if i == 1:
                self.para("bfAttachmentList", label + text, direct=ParaStyle(left_tw=indent + hang, hanging_tw=hang))
            else:
                self.para("bfAttachmentList", text, direct=ParaStyle(left_tw=indent + hang))

    def signature_parts(self, signatures: list[Signature]) -> tuple[list[str], str | None]:
        """The organs that sign (联合行文: all, in order) and the one 成文日期 (GB/T 9704 §7.3.5: one date)."""
        organs = [o for o in dict.fromkeys((sig.organ or "").strip() for sig in signatures) if o]
        dates = [gb_date(sig.date, sig.date_text) for sig in signatures]
        known = [d for d in dates if d]
        return organs, (known[-1] if known else None)

    def signature_lines(self, signatures: list[Signature]) -> int:
        organs, date = self.signature_parts(signatures)
        seal_space = self.profile["seal.blank_lines"] if self.seal else 0
        return len(organs) + bool(date) + seal_space

    def signatures(self, signatures: list[Signature], notes: list[str]) -> None:
        """署名 and 成文日期 (GB/T 9704 §7.3.5). Without a seal (§7.3.5.2): one blank line, each organ right-indented
        2 字, the one date on the next line starting 2 字 right of the (longest) organ's first character; a date
        longer than the organ is right-indented 2 字 and the organs move left to match. With a seal (§7.3.5.1,
        ``seal=True``): room for the seal above, the date right-indented 4 字 and each organ centred on the date.

        Unsealed, the 2 字 are exact: the organs (Chinese, whose width is known to the twip) are right-aligned and
        the date is left-aligned at an indent computed from them, so the width of its digits — which depends on the
        font — moves only its right end."""
        if not signatures:
            return
        organs, date = self.signature_parts(signatures)
        note_lines = sum(self.count("bfNote", n, None, ParaStyle()) for n in notes)
        if self.tail_opens_page(self.signature_lines(signatures) + note_lines) and self.last_body:
            if self.list_after_body:
                self.list_breaks.add(self.list_after_body)
            else:
                self.tail_breaks.add(self.last_body)
        blank_lines = self.profile["seal.blank_lines"] if self.seal else 1
        # The blank lines move to the next page with 署名 and 日期 when they do not fit: then they are left out.
        room = (blank_lines + self.signature_lines(signatures) + note_lines) * self.pitch
        if self.keeping or self.flow.room >= room:
            self.blank(blank_lines, keep_next=True)
        with_notes = bool(notes)  # 附注 go on the line after the date: keep them together
        char = self.char
        organ_w = max((self.text_width(o) for o in organs), default=0)
        date_w = self.text_width(date) if date else 0
        styles: dict[str, ParaStyle] = {}
        if self.seal:
            date_right = char * self.profile["seal.date_right_chars"]
            centre = date_right + date_w / 2 if date else char * 2 + organ_w / 2
            for organ in organs:
                styles[organ] = ParaStyle(right_tw=max(0, round(centre - self.text_width(organ) / 2)))
            date_style = ParaStyle(right_tw=date_right)
        else:
            two = char * 2
            if date and date_w + DATE_FIT_MARGIN_CHARS * char > organ_w:
                # the date right-indented 2 字 (as near as its width is known), the organs' first character 2 字
                # left of the date's: both set from the left
                date_left = max(0, self.width - two - date_w)
                organ_left = max(0, date_left - two)
                for organ in organs:
                    styles[organ] = ParaStyle(align="left", left_tw=organ_left, right_tw=0)
            else:
                date_left = max(0, self.width - two - organ_w + two)
                for organ in organs:
                    styles[organ] = ParaStyle(right_tw=two)
            date_style = ParaStyle(align="left", left_tw=date_left, right_tw=0)
        for i, organ in enumerate(organs):
            last = i == len(organs) - 1 and not date
            self.para("bfSignature", organ, direct=styles[organ], keep_next=not last or with_notes)
        if date:
            self.para("bfSignature", date, direct=date_style, keep_next=with_notes)

    def text_width(self, text: str, size_pt: float | None = None) -> int:
        """Width in twips of ``text`` in body type as LibreOffice sets it (measure.text_width)."""
        size = size_pt or self.profile["size.body_pt"]
        return round(text_width(text, size, self.profile["grid.char_spacing_pt"]))

    def notes(self, notes: list[str]) -> None:
        for note in notes:
            note = note.strip()
            if not (note.startswith(("（", "(")) and note.endswith(("）", ")"))):
                note = f"（{note}）"
            self.para("bfNote", note)

    def metadata_note(self) -> None:
        """来源, 发布时间, 原网址 as a 附注-style note after the body, never inside it."""
        m = self.doc.metadata
        parts = []
        if m.origin:
            parts.append(f"来源：{m.origin}")
        if m.published:
            day = gb_date(m.published) or m.published
            time = m.published[11:16] if len(m.published) >= 16 and m.published[10] == "T" else ""
            parts.append(f"发布时间：{day}{' ' + time if time else ''}")
        if m.url:
            parts.append(f"原网址：{m.url}")
        if not parts:
            return
        note = "（" + "；".join(parts) + "）"
        # set flush left and never split: justified, a web address stretches the words before it apart
        direct = ParaStyle(align="left", keep_lines=True)
        lines = self.count("bfNote", note, None, direct)
        if self.tail_opens_page(lines) and self.last_body:
            self.note_breaks.add(self.last_body)  # the next pass keeps the end of the text with the note
        if self.last_was_table:
            self.blank()  # not kept with the note: a table's last row may well end a page
        elif self.keeping or self.flow.room >= (1 + lines) * self.pitch:
            self.blank(keep_next=True)
        self.para("bfNote", note, direct=direct)
        if self.last_body not in self.keep_to_colophon:
            self.end_keep()

    def attachments(self, article: Article) -> None:
        """附件: each on a new page, 附件N 黑体 on line 1, its title centred on line 3 (GB/T 9704 §7.3.7)."""
        for att in article.attachments:
            self.para("bfAttachmentLabel", att.label.strip(), direct=ParaStyle(page_break_before=True))
            if att.title:
                self.blank()
                for line in split_title(att.title, self.profile["title.max_chars_per_line"]):
                    self.para("bfTitle", line, keep_next=True)
                self.blank()
            blocks, signatures = trailing_signature(att.blocks)
            first = blocks[0].text.strip() if blocks and blocks[0].type == "paragraph" else ""
            if first.endswith(("：", ":")) and is_organ_line(first.rstrip("：:")):
                self.para("bfAddressee", first)  # the attachment's own 主送机关, flush left
                blocks = blocks[1:]
            self.blocks(blocks)
            self.signatures(signatures, [])
            if self.last_body not in self.keep_to_colophon:
                self.end_keep()

    # -- 版记 ----------------------------------------------------------------------------------------
    def colophon(self, lines: list[DistributionLine]) -> None:
        """版记 / 报尾: lines between rules the width of the type area (first and last thick, the others thin),
        pushed to the bottom of the last page by a filler paragraph.

        Two elements GB/T 9704-2012 no longer has are kept where documents printed before it put them: 主题词
        (GB/T 9704-1999 §7.4.1: "主题词：" 三号黑体, the words 三号小标宋, flush left, above the 版记's first rule)
        and 共印 (the number of copies, right-aligned under the last rule). The last rule then sits one line above
        the bottom of the type area.

        A 信函's 版记 (GB/T 9704-2012 §10.1: 版记不加印发机关和印发日期、分隔线) has neither the 印发 line nor the
        rules: its other lines (抄送 …) alone, at the bottom of the last page's type area."""
        letter = self.form == "letter"
        if letter:
            lines = [d for d in lines if d.label.strip() not in PRINTED_BY_LABELS]
        if not lines:
            return
        p = self.profile
        thick = p["colophon.thick_rule_mm"] * 72 / 25.4
        thin = p["colophon.thin_rule_mm"] * 72 / 25.4
        rule_height = 10  # an empty paragraph this high carries each rule
        indent = round(p["size.colophon_pt"] * 20) * p["colophon.indent_chars"]
        keywords = [d for d in lines if d.label.strip() in KEYWORDS_LABELS]
        copies = [d for d in lines if d.label.strip() in COPIES_LABELS]
        entries = []
        for d in lines:
            if d in keywords or d in copies:
                continue
            text, direct = self.colophon_runs(d, indent)
            entries.append((text, direct, self.count("bfColophon", text, None, direct)))
        rules = [thick] + [thin] * (len(entries) - 1) + [thick] if entries else [thick]
        if letter:
            rules = []
        keyword_label = RunStyle(east_asia=p["font.keywords_label"], latin=p["font.keywords_label"])
        keyword_runs = [[("主题词：", keyword_label), (d.text.strip(), None)] for d in keywords]
        keyword_lines = [self.count("bfKeywords", "主题词：" + d.text.strip(), None, ParaStyle()) for d in keywords]
        copy_texts = [f"{d.label.strip()}{d.text.strip()}" for d in copies]
        block = (sum(n for _, _, n in entries) + sum(keyword_lines) + len(copy_texts)) * self.pitch
        block += sum(rule_height + round(w * 20) for w in rules)
        if not self.keeping:
            self.flow.finish()
        # the last lines of the text kept with the 版记 (a second pass): the chain moves to a new page together
        kept = sum(sum(item.heights) for item in self.flow.pending)
        # a little slack: a rendering that differs by a fraction of a point must not push the 版记 to a new page
        slack = 20
        room = self.flow.room
        if kept and kept + block + slack > room:
            room = p.type_area_height_tw
        if kept + block + slack > room:
            if self.last_body and not self.keeping:
                self.colophon_breaks.add(self.last_body)
            filler, new_page = p.type_area_height_tw - block - slack, True
        else:
            filler, new_page = room - kept - block - slack, False
        if filler > 0 or new_page:
            self.para("bfFiller", "", line_tw=max(filler, 1), lines=1, direct=ParaStyle(page_break_before=new_page))
        for runs, n in zip(keyword_runs, keyword_lines, strict=True):
            self.para("bfKeywords", runs=runs, keep_next=True, lines=n)
        if rules:
            self.rule(rules[0], height_tw=rule_height, keep_next=bool(entries or copy_texts))
        for i, (text, direct, n) in enumerate(entries):
            more = i < len(entries) - 1 or bool(copy_texts)
            self.para("bfColophon", text, direct=direct, keep_next=bool(rules) or more, lines=n)
            if rules:
                self.rule(rules[i + 1], height_tw=rule_height, keep_next=more)
        for i, text in enumerate(copy_texts):
            self.para("bfCopies", text, keep_next=i < len(copy_texts) - 1, lines=1)
        self.end_keep()

    def colophon_runs(self, line: DistributionLine, indent: int) -> tuple[str, ParaStyle]:
        label, text = line.label.strip(), line.text.strip()
        right_tab = self.width - 2 * indent
        if label == "印发":
            dates = find_dates(text)  # Arabic or 二〇〇五年六月九日; printed in the GB/T 9704 form
            if dates:
                organ, date = text[: dates[-1].start].strip(), gb_date(dates[-1].iso)
            else:
                organ, date = text, ""
            return f"{organ}\t{date}印发", ParaStyle(right_tab_tw=right_tab)
        # wrapped lines align with the first character after the colon (GB/T 9704 §7.4.2)
        hang = round(self.profile["size.colophon_pt"] * 20) * (len(label) + 1)
        return f"{label}：{text}", ParaStyle(left_tw=indent + hang, hanging_tw=hang)

    # -- the whole document --------------------------------------------------------------------------
    def compose(self) -> None:
        self.setup()
        doc = self.doc
        kind = doc.kind
        if kind == "bulletin":
            self.bulletin_head()
            if doc.toc:
                label = self.profile["bulletin.toc_label"]
                if label:
                    self.para("bfSubheading", label)
                for item in doc.toc:
                    self.para("bfToc", item)
                self.blank()
            for i, article in enumerate(doc.articles):
                if i:
                    self.blank(keep_next=True)
                bylines, blocks = self.leading_bylines(article)
                self.title(article, bylines)
                self.blocks(blocks)
                self.article_tail(article)
        elif kind == "document":
            self.document_head()
            for i, article in enumerate(doc.articles):
                titled = not (i == 0 and self.form in ("minutes", "order"))  # their mark is the title
                if titled:
                    self.title(article)
                if article.addressee:
                    self.blank()
                    self.para("bfAddressee", article.addressee.rstrip("：:") + "：")
                elif titled and (article.title or article.title_lines) and article.blocks:
                    self.blank()  # the text starts one line below the title, as a 主送机关 would (§7.3.2)
                self.blocks(article.blocks)
                self.article_tail(article)
        else:
            for i, article in enumerate(doc.articles):
                if i:
                    self.blank(keep_next=True)
                bylines, blocks = self.leading_bylines(article)
                self.title(article, bylines)
                if article.title_lines or article.title or article.subtitle:
                    self.blank(keep_next=True)
                if article.addressee:
                    self.para("bfAddressee", article.addressee.rstrip("：:") + "：")
                self.blocks(blocks)
                self.article_tail(article)
            self.metadata_note()
        # 附件 follow the main text, each on a new page; the 版记 ends the whole document (GB/T 9704 §7.4).
        for article in doc.articles:
            self.attachments(article)
        self.colophon(doc.distribution)
        if not self.package.paragraph_count or self.last_was_table:  # a body must end with a paragraph
            self.para("bfBlank", "")
        if self.sections_ended:  # the last section does not hold the first page
            self.package.drop_first_page_footer(self.package.sect_pr)

    def article_tail(self, article: Article) -> None:
        signatures = article.signatures
        if self.doc.kind == "document" and self.doc.articles and article is self.doc.articles[0]:
            signatures = self.page_facts_dated(article) or signatures
        self.signatures(signatures, article.notes)
        self.notes(article.notes)
        if self.last_body not in self.keep_to_colophon | self.keep_to_note:
            self.end_keep()


    def page_facts_dated(self, article: Article) -> list[Signature] | None:
        """``date_only_in_page_facts``: a 公文 whose text prints no 成文日期 — no dated 落款, no date in its 副题,
        byline or lead — is dated by its page facts alone (a 政务公开 page's 发布时间), which a 公文's DOCX does not
        print. Its date is printed where GB/T 9704 §7.3.5 puts the 成文日期, under any organ of the 落款, and the
        Document's warnings say so; reading the DOCX back then finds the document's date again."""
        h, published = self.doc.header, self.doc.metadata.published
        if not h.date or not published or published[:10] != h.date or any(s.date for s in article.signatures):
            return None
        if h.date in printed_dates(article):
            return None  # the text prints it (a law's 通过 date in its lead): read back from there
        warning = (f"docx: date_only_in_page_facts: the 成文日期 {gb_date(h.date)} is printed from the page facts "
                   "(发布时间): the text prints no dated 落款")
        if warning not in self.doc.warnings:
            self.doc.warnings.append(warning)
        return [Signature(s.organ, h.date) for s in article.signatures] or [Signature(None, h.date)]


# The reader dates a 公文 from a date in the lead of its text (a law's 通过 date) within this many first blocks.
LEAD_DATE_BLOCKS = 6


def printed_dates(article: Article) -> set[str]:
    """The ISO dates a document's reader may take as its date from the text: in the 副题, the byline, and the
    lead of the text (the blocks before its first heading)."""
    texts = [article.subtitle or "", article.byline or ""]
    for block in article.blocks[:LEAD_DATE_BLOCKS]:
        if block.type == "heading":
            break
        texts.append(block.text)
    return {d.iso[:10] for text in texts for d in find_dates(text)}


def compose(doc: Document, profile: Profile, seal: bool = False) -> tuple[bytes, dict[str, int]]:
    """The DOCX bytes for ``doc`` and what was dropped (kind of character → count).

    When 署名, a note or the 版记 would open a page alone, the document is laid out a second time with the last
    lines of the text kept with them (only such documents pay for two passes)."""
    composer = Composer(doc, profile, seal=seal)
    composer.compose()
    breaks = composer.tail_breaks | composer.colophon_breaks | composer.note_breaks
    if breaks or composer.list_breaks:
        composer = Composer(
            doc,
            profile,
            seal=seal,
            line_counts=composer.line_counts,
            keep_from=frozenset(breaks),
            keep_to_colophon=frozenset(composer.colophon_breaks),
            keep_to_note=frozenset(composer.note_breaks),
            keep_lists=frozenset(composer.list_breaks),
        )
        composer.compose()
    dropped = {
        "control character(s) that XML cannot hold": composer.dropped,
        "bidi control character(s) (they would print text backwards)": composer.dropped_bidi,
    }
    return composer.package.to_bytes(), dropped

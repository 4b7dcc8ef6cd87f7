"""The main content of an HTML page: several independent candidates, a confidence check, a chooser.

One hand-tuned scorer is a single point of failure (a comment thread, a hot list or a sidebar story
outscores the article on some page nobody tuned it for), so the reader asks three methods that fail
differently, each answering with a set of the page's lines:

* ``dom``   — readability-style scoring of elements: every line of prose gives its weight to its element
  and, halving, to the ancestors; link text and lists of dated entries (comment threads, forum reply
  lists, headline lists) count against an element; class names such as ``comment`` or ``sidebar``
  weigh it down and ``article``/``content`` up. The best element, widened to a parent that adds
  substantial prose of the same kind.
* ``title`` — title-anchored: the element printing the article's title (it matches the page's meta
  title or a part of ``<title>``, preferring headings), and the smallest ancestor of it that holds an
  article's worth of prose after the title.
* ``runs``  — text density, blind to the DOM (as BTE/jusText): the run of consecutive lines with the most
  prose, where link lines, dated entries and other short lines cost.

The ``dom`` answer is checked (enough prose, a plausible share of the page's prose, the title's
neighbourhood, no larger run of prose elsewhere). A confident answer is taken as is; otherwise the
candidates vote: the one that agrees most with the others (prose-weighted overlap) wins. The JSON says
which method won, how sure it was and what else was considered (``source.extraction``).

Hidden text (``display:none``, ``visibility:hidden``) counts only on a page whose visible prose is next
to nothing while hidden prose abounds — a page whose script reveals the article at load time.
"""

from __future__ import annotations

import operator
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import compress

from lxml import etree

from ..model import Extraction, ExtractionCandidate
from ..patterns import SPAN_MARKS, canon

# ---------------------------------------------------------------------------------------------
# Named thresholds (docs/html-extraction.md explains each).

# a line weighs its CJK characters plus this much per clause mark: punctuation is what tells a
# sentence from a menu entry of the same length
PUNCT_BONUS = 8
MIN_PROSE_CJK = 8  # fewer CJK characters than this: a label or a link, never prose
LINK_SHARE_MAX = 0.5  # a line that is at least half link text gives no prose weight
# a dated entry (a comment's or a reply's header, a headline with its date) is short
ENTRY_MAX_LEN = 100
# a thread: at least this many dated entries in a row, each followed by its own text (comments under
# an article, replies in a forum, the posts of a blog's front page). A list of dated headlines is no
# thread: no text follows each of them.
THREAD_MIN_ENTRIES = 3
# a thread's text weighs this share of prose: it is the page's discussion, not its article …
THREAD_FACTOR = 0.2
# a line with no clause mark is prose only when this long (menus and titles have none)
UNPUNCTUATED_PROSE_CJK = 30
# readability's class-name evidence, as factors on an element's own score
POSITIVE_CLASS_FACTOR = 1.25
NEGATIVE_CLASS_FACTOR = 0.5
_MAX_CLASS_FACTOR = max(1.0, POSITIVE_CLASS_FACTOR, NEGATIVE_CLASS_FACTOR,
                        POSITIVE_CLASS_FACTOR * NEGATIVE_CLASS_FACTOR)
# widening the best element to its parent: the parent must add this much prose …
CLIMB_GAIN = 1.15
# … with little link text and no list of entries
CLIMB_MAX_LINK_DENSITY = 0.35
# title-anchored: the smallest ancestor of the title holding this much prose after it is the article
TITLE_ANCHOR_MIN_PROSE = 200
TITLE_NEAR_LINES = 12  # the text starts within this many lines of its title
# a line matching a title hint other than the first (the article's title as the reader judged it: meta
# ArticleTitle, else the longest part of <title>) — the site's or a column's name — counts this much less:
# enough to lose a tie with the article's title, not enough to stop anchoring a page that prints no other
OTHER_HINT_TIEBREAK = 0.5
# the confidence check of the dom candidate
CONFIDENT_PROSE = 150  # an article's worth of prose (weight)
CONFIDENT_SHARE = 0.4  # of the page's prose; below it, most prose is elsewhere
CONFIDENCE_NEEDED = 0.75  # below this, the candidates vote
# text density runs: what a non-prose line costs (per character for links, per line otherwise)
RUN_LINK_COST = 1.0
RUN_ENTRY_COST = 120.0
RUN_SHORT_COST = 4.0
# the short lines a run's container prints at its ends and the run takes in: a 落款 (organ, date) and
# （此件公开发布） after the text, a speaker and a salutation before it
RUN_EDGE_LINES = 4
RUN_EDGE_MAX_LEN = 40
_HEADING_HINTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
# a data table within this many lines after the chosen text (in a sibling container) belongs to it:
# "附：…名单" then the table
TABLE_FOLLOWS_LINES = 3
TABLE_LEAD_MAX = 40  # a line between the text and such a table announces it, briefly
# hidden text counts when visible prose is below this and hidden prose is this many times larger
HIDDEN_VISIBLE_MAX = 200
HIDDEN_RATIO = 3.0

PARAGRAPH_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li dt dd span font a b strong em i u small big label option caption figcaption".split()
)

_PUNCT = re.compile("[，。；、,;：:！？!?]")
# the stamp of an entry: a time (comments, replies, bylines print one) or a numeric date; a Chinese
# date alone ("2019年3月5日") heads the items of a chronology, which is article text, and so does a span
# of time ("8:30－9:50", "14:00至15:30"): the items of a schedule, never the moment a comment was posted
_STAMP = re.compile(
    rf"(?<![\d{SPAN_MARKS}])(?<![{SPAN_MARKS}]\s)\d{{1,2}}[:：]\d{{2}}(?![\d.])(?!\s?[{SPAN_MARKS}]\s?\d{{1,2}}[:：]\d{{2}})"
    r"|(?<![\d.])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?![\d.])"
)
_STAMP_HINT = re.compile(r"\d[:：\-/.]")  # what either stamp holds: a digit, then its separator
_SENTENCE_END = tuple("。！？!?")
_POSITIVE_CLASS = re.compile(r"article|body|content|entry|hentry|main|post|text|story|detail|zoom|news_?con", re.I)
_NEGATIVE_CLASS = re.compile(
    r"comment|reply|combx|contact|foot|masthead|meta|outbrain|promo|related|recommend|scroll|shoutbox|sidebar|"
    r"sponsor|shopping|tags|widget|hot|rank|nav|menu|banner|share|login|copyright",
    re.I,
)


@dataclass(slots=True)
class PageBlock:
    """A line of the page as the reader collected it, with what the chooser needs to know."""

    text: str
    element: etree._Element
    link_chars: int = 0
    hints: set[str] = field(default_factory=set)
    is_table: bool = False


@dataclass
class Selection:
    """The lines chosen as the main content, and how they were chosen."""

    selected: list[bool]
    extraction: Extraction
    title_index: int | None = None
    hidden_mode: bool = False
    thread: list[bool] = field(default_factory=list)  # lines of a comment thread, reply list or listing


def is_entry(text: str) -> bool:
    """A dated entry of a list: a short line with a date stamp that is no sentence (a comment's header,
    a reply in a thread, a headline with its date, a byline)."""
    s = text.strip()
    return (
        len(s) <= ENTRY_MAX_LEN and not s.endswith(_SENTENCE_END)
        and _has_stamp_separator(s) and _STAMP_HINT.search(s) is not None and _STAMP.search(s) is not None
    )


def _has_stamp_separator(s: str) -> bool:
    """Whether ``s`` holds one of the separators every stamp holds (``_STAMP_HINT``'s second character):
    five searches for one character cost a fraction of the pattern's search, which tries every position of
    a Chinese line (most lines hold none)."""
    return ":" in s or "-" in s or "/" in s or "." in s or "：" in s


# The bytes of UTF-16 code units whose high byte is not that of a CJK ideograph of _CJK_RUN's range
# (U+4E00–U+9FFF: high bytes 0x4E–0x9F): what ``_cjk_chars`` deletes.
_NOT_CJK_HIGH_BYTES = bytes(b for b in range(256) if not 0x4E <= b <= 0x9F)


def _cjk_chars(text: str) -> int:
    """``patterns.cjk_count(text)`` — the characters of U+4E00–U+9FFF — counted on the high bytes of the
    text's UTF-16 code units (a character of the range is one code unit, its high byte 0x4E–0x9F; a
    character past the BMP is two surrogates, high bytes 0xD8–0xDF, and a lone surrogate passes as one):
    three C loops over the text instead of the regular expression's matcher, a quarter of its cost."""
    if text.isascii():
        return 0
    return len(text.encode("utf-16-le", "surrogatepass")[1::2].translate(None, _NOT_CJK_HIGH_BYTES))


def prose_weight(block: PageBlock, entry: bool | None = None) -> float:
    """How much a line reads like running text: CJK characters plus a bonus per clause mark; nothing
    for link lines, dated entries and labels. A table weighs its characters (cells carry no clauses).
    ``entry``: ``is_entry(block.text)`` when the caller knows it already."""
    text = block.text
    if block.link_chars >= LINK_SHARE_MAX * max(1, len(text)) or len(text) < MIN_PROSE_CJK:
        return 0.0  # (a text shorter than MIN_PROSE_CJK holds fewer CJK characters)
    cjk = _cjk_chars(text)
    if cjk < MIN_PROSE_CJK:
        return 0.0
    if block.is_table:
        return float(cjk)
    if is_entry(text) if entry is None else entry:
        return 0.0
    marks = len(_PUNCT.findall(text))
    if not marks and cjk < UNPUNCTUATED_PROSE_CJK:
        return 0.0
    return cjk + PUNCT_BONUS * marks


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _class_factor(el: etree._Element) -> float:
    names = f"{el.get('class') or ''} {el.get('id') or ''}"
    if not names.strip():
        return 1.0
    factor = 1.0
    if _POSITIVE_CLASS.search(names):
        factor *= POSITIVE_CLASS_FACTOR
    if _NEGATIVE_CLASS.search(names):
        factor *= NEGATIVE_CLASS_FACTOR
    return factor


def _thread_lines(entries: list[bool], weights: list[float]) -> list[bool]:
    """Which lines belong to a thread: the page's dated entries, each with the lines up to the next one,
    when at least THREAD_MIN_ENTRIES of them carry text of their own. The article is either the text
    before the first entry (a blog post, its byline and comments below) or the first entry's text with an
    article's worth of prose (a news article under its byline, a forum's first post); that one, and the first
    entry itself (the article's byline), stay out of the thread."""
    starts = [i for i, entry in enumerate(entries) if entry]
    n = len(entries)
    segments = [(a, starts[k + 1] if k + 1 < len(starts) else n) for k, a in enumerate(starts)]
    prose = [sum(weights[a:b]) for a, b in segments]
    thread = [False] * n
    if sum(1 for p in prose if p) < THREAD_MIN_ENTRIES:
        return thread
    # the first entry with an article's worth of text (a sidebar's dated items and the title between them
    # and the byline weigh a little: not the article), or with the most text when none has that much
    enough = min(CONFIDENT_PROSE, max(prose))
    first = next(k for k, p in enumerate(prose) if p >= enough)
    exempt = first if prose[first] >= sum(weights[: starts[0]]) else None
    # the entry right under the article's text with no text of its own (发布时间：… 来源：… over the print and
    # share bars) is the article's byline printed under it, above the comments: its facts are the page's
    under = exempt + 1 if exempt is not None and exempt + 1 < len(segments) and not prose[exempt + 1] else None
    for k, (a, b) in enumerate(segments):
        if k and k != exempt and k != under:  # the first entry is the article's own byline (above or below its text)
            thread[a:b] = [True] * (b - a)
    return thread


class _Page:
    """Per-page facts shared by the candidates: line weights, entries, and element totals."""

    def __init__(self, blocks: Sequence[PageBlock], weights: list[float], entries: list[bool]) -> None:
        self.blocks = blocks
        self.raw = weights
        self.entries = entries
        self.thread = _thread_lines(self.entries, weights)
        self.weights = [w * THREAD_FACTOR if t else w for w, t in zip(weights, self.thread, strict=True)]
        self.total = sum(self.weights)
        self.index: dict[etree._Element, list[int]] = defaultdict(list)  # element → its own lines
        for i, b in enumerate(blocks):
            self.index[b.element].append(i)
        self.tree = _LineTree(self.index)

    def weight_of(self, chosen: Sequence[bool]) -> float:
        assert len(chosen) == len(self.weights)
        return sum(compress(self.weights, chosen))  # the chosen weights, in order

    def inside(self, container: etree._Element) -> list[bool]:
        """Which lines lie inside ``container``: those whose element lies in its subtree, which the
        elements holding lines in document order have as one stretch."""
        span = self.tree.span(container)
        if span is None:  # an element holding no line: walk its subtree
            inside = {i for el in container.iter() for i in self.index.get(el, ())}
            return [i in inside for i in range(len(self.blocks))]
        first, end = span
        return [first <= at < end for at in self.tree.line_at]


def _dom_candidate(page: _Page) -> list[bool] | None:
    """Every element's sums over the lines inside it, in one bottom-up pass over the tree (each element
    once, children before their parent), instead of climbing the ancestors of every line. Elements are
    their places in ``page.tree.order``; the sums are lists indexed by place."""
    tree = page.tree
    n = len(tree.order)
    if not n:
        return None
    # per element: text, links, raw prose, thread prose, prose outside threads, halving score — first its
    # own lines' (in line order), then with what its children pass up (in reversed document order)
    own: list[list[float] | None] = [None] * n
    raw_w, weights, in_thread = page.raw, page.weights, page.thread
    for i, (b, k) in enumerate(zip(page.blocks, tree.line_at, strict=True)):
        sums = own[k]
        if sums is None:
            sums = own[k] = [0.0] * 6
        sums[0] += len(b.text)
        sums[1] += b.link_chars
        sums[2] += raw_w[i]
        if in_thread[i]:
            sums[3] += raw_w[i]
        else:
            sums[4] += weights[i]
        sums[5] += weights[i]
    total = [0.0] * n
    links = [0.0] * n
    raw = [0.0] * n
    thread = [0.0] * n
    prose = [0.0] * n  # prose outside threads, for widening
    score: dict[int, float] = {}  # from the halving sum H = Σ weight × 0.5^distance below
    pending: list[list[float] | None] = [None] * n  # what the children have passed up so far
    parent_at = tree.parent_at
    for k in range(n - 1, -1, -1):  # reversed document order: descendants before ancestors
        mine, below = own[k], pending[k]
        if below is None:
            if mine is None:
                continue
            s0, s1, s2, s3, s4, s5 = mine
        elif mine is None:
            s0, s1, s2, s3, s4, s5 = below
        else:
            s0, s1, s2, s3, s4, s5 = (mine[0] + below[0], mine[1] + below[1], mine[2] + below[2],
                                      mine[3] + below[3], mine[4] + below[4], mine[5] + below[5])
        total[k], links[k], raw[k], thread[k], prose[k] = s0, s1, s2, s3, s4
        if s5:
            # a line counts in full for its element and the parent, then halves per level (2H − own)
            score[k] = 2 * s5 - (mine[5] if mine else 0.0)
        parent = parent_at[k]
        if parent >= 0:
            up = pending[parent]
            if up is None:
                pending[parent] = [s0, s1, s2, s3, s4, 0.5 * s5]
            else:  # the children's sums in the same order always (float sums are not associative)
                up[0] += s0
                up[1] += s1
                up[2] += s2
                up[3] += s3
                up[4] += s4
                up[5] += 0.5 * s5
    if not score:
        return None

    # a paragraph is no container: a long comment must not win over the article it comments on
    # (readability likewise scores the parents of paragraphs, not the paragraphs)
    order, own_lines = tree.order, tree.own_lines
    containers = [k for k in score if own_lines[k] >= 2 or _tag(order[k]) not in PARAGRAPH_TAGS]
    # the element with the highest adjusted score (the first of equals): score × (1 − link density)
    # × class factor × (1 − share in threads); the class names are read only of an element that the
    # most favourable factor could make win
    best, best_score = -1, 0.0
    for k in containers or score:
        base = score[k] * (1 - min(0.9, links[k] / max(1.0, total[k])))
        not_thread = 1 - (thread[k] / raw[k] if raw[k] else 0.0)  # a container of a thread is the discussion
        if best >= 0 and base * _MAX_CLASS_FACTOR * not_thread <= best_score:
            continue
        adjusted = base * _class_factor(order[k]) * not_thread
        if best < 0 or adjusted > best_score:
            best, best_score = k, adjusted
    assert best >= 0
    parent = parent_at[best]
    while parent >= 0:  # every ancestor of a line's element is in the tree
        adds_prose = prose[parent] > prose[best] * CLIMB_GAIN
        few_links = links[parent] / max(1.0, total[parent]) < CLIMB_MAX_LINK_DENSITY
        if not (adds_prose and few_links):
            break
        best, parent = parent, parent_at[parent]
    return page.inside(order[best])


class _LineTree:
    """The elements holding a line — the lines' elements and their ancestors — in document order, each
    one's parent's place in that order, and for each line where its element stands in that order. The
    bottom-up sums visit these elements only (most elements of a page hold no line of their own: scripts,
    inline tags, empty cells), found from the lines without walking the rest of the tree: a subtree's
    lines all come before the next sibling's, so the elements met climbing from each line's element (in
    the order of their first lines), each chain put in top-down, come in document order."""

    def __init__(self, owners: dict[etree._Element, list[int]]) -> None:
        self.order: list[etree._Element] = []
        self.parent_at: list[int] = []  # the parent's place in ``order`` (-1: the root)
        self.at: dict[etree._Element, int] = {}
        order, parent_at, at = self.order, self.parent_at, self.at
        for el in owners:  # in the order of their first lines
            if el in at:
                continue
            chain = [el]
            node = el.getparent()
            while node is not None and node not in at:
                chain.append(node)
                node = node.getparent()
            up = -1 if node is None else at[node]
            for node in reversed(chain):
                at[node] = len(order)
                order.append(node)
                parent_at.append(up)
                up = at[node]
        n = len(order)
        self.end = list(range(1, n + 1))  # past the last element of each one's subtree
        end = self.end
        for k in range(n - 1, 0, -1):
            up = parent_at[k]
            if up >= 0 and end[k] > end[up]:
                end[up] = end[k]
        self.own_lines = [0] * n  # how many lines each element holds itself
        self.line_at = [0] * sum(map(len, owners.values()))
        for el, lines in owners.items():
            k = at[el]
            self.own_lines[k] = len(lines)
            for i in lines:
                self.line_at[i] = k

    def span(self, el: etree._Element) -> tuple[int, int] | None:
        """Where ``el``'s subtree stands in ``order`` (None: it holds no line)."""
        k = self.at.get(el)
        return None if k is None else (k, self.end[k])


def find_title(blocks: Sequence[PageBlock], hints: Sequence[str], weights: list[float]) -> int | None:
    """The line printing the article's title: it matches a title hint (meta title, parts of <title>),
    prefers headings, and has prose after it. None when nothing on the page prints a hinted title."""
    wanted = [h for h in (canon(t) for t in hints if t) if len(h) >= 4]
    if not wanted:
        return None
    best: tuple[float, int] | None = None
    prose_after = _suffix_sums(weights)
    ends = [(h[0], h[-1], h) for h in wanted]
    for i, b in enumerate(blocks):
        if not 4 <= len(b.text) <= 120 or "title" in b.hints or "hidden" in b.hints or b.is_table:
            continue  # (fewer than four characters: fewer than four once reduced to letters and digits)
        if not _may_match(b.text, ends):
            continue
        c = canon(b.text)
        if len(c) < 4:
            continue
        match = 0.0
        for rank, h in enumerate(wanted):
            penalty = OTHER_HINT_TIEBREAK if rank else 0.0
            if c == h or (h.startswith(c) and _title_goes_on(blocks, i, h[len(c) :])):
                match = max(match, 10.0 - penalty)  # (the title whole, or printed over two lines from here)
            elif c in h:
                match = max(match, 4.0 + 4.0 * len(c) / len(h) - penalty if len(c) >= 6 else 0.0)
            elif h in c and len(c) <= 2 * len(h):
                match = max(match, 6.0 * len(h) / len(c) - penalty)
        if not match:
            continue
        if b.hints & {"h1", "h2", "h3"}:
            match += 2
        if b.link_chars >= LINK_SHARE_MAX * len(b.text):
            match -= 3  # a link to the article, in a list or a bar
        near = prose_after[i + 1] - prose_after[min(len(blocks), i + 1 + 3 * TITLE_NEAR_LINES)]
        match += min(2.0, near / 500)
        if best is None or match > best[0]:
            best = (match, i)
    return best[1] if best and best[0] >= 5 else None


def _may_match(text: str, ends: list[tuple[str, str, str]]) -> bool:
    """Whether ``canon(text)`` may equal, lie inside or hold one of the hints (each with its first and last
    character): what ``find_title`` asks before reducing the line (a regular expression's pass over every
    character). A hint inside the line has its first and last characters in the line; a line inside a hint
    (or equal to it) has its first and last letters in the hint — its first or last character, when that is
    a letter or digit (what ``canon`` keeps: ``\\w`` less ``_``). Never false when a match is possible."""
    first, last = text[0], text[-1]
    lead = first if first.isalnum() else ""  # "": not known without canon ("" is in every hint)
    tail = last if last.isalnum() else ""
    for h0, h1, h in ends:
        if (h0 in text and h1 in text) or (lead in h and tail in h):
            return True
    return False


# A site's menu: this many short links in a row right under a hinted line (nothing but links between them)
# make the line the site's name printed as a logo over its menu, not the article's title: an article's title
# is printed below the site's navigation, and what follows it before the text is its byline or its toolbar.
# The same count as the cleaning rules' MENU_LINKS_MIN
ANCHOR_MENU_LINKS = 3
ANCHOR_MENU_ITEM_MAX_LEN = 8  # a menu item: 首页, 政务公开, 走进临江市 — a short link


def _over_a_menu(page: _Page, t: int) -> bool:
    """Whether line ``t`` heads a menu: a run of short links under it, with only links before the run."""
    run = 0
    for i in range(t + 1, len(page.blocks)):
        b = page.blocks[i]
        if page.weights[i] or b.link_chars < LINK_SHARE_MAX * max(1, len(b.text)):
            return False
        run = run + 1 if len(b.text) <= ANCHOR_MENU_ITEM_MAX_LEN else 0
        if run >= ANCHOR_MENU_LINKS:
            return True
    return False


def _title_goes_on(blocks: Sequence[PageBlock], i: int, rest: str) -> bool:
    """Whether the line after ``i`` prints exactly the ``rest`` of a title (canonical form): a title broken
    over two lines (a <br>, two cells) in the middle of a word."""
    return i + 1 < len(blocks) and len(blocks[i + 1].text) <= 2 * len(rest) + 4 and canon(blocks[i + 1].text) == rest


def _suffix_sums(weights: list[float]) -> list[float]:
    out = [0.0] * (len(weights) + 1)
    for i in range(len(weights) - 1, -1, -1):
        out[i] = out[i + 1] + weights[i]
    return out


def _title_candidate(page: _Page, t: int) -> list[bool] | None:
    el: etree._Element | None = page.blocks[t].element
    while el is not None:
        chosen = page.inside(el)
        after = sum(compress(page.weights[t + 1 :], chosen[t + 1 :]))  # the chosen weights after the title
        if after >= TITLE_ANCHOR_MIN_PROSE:
            return [c and i >= t for i, c in enumerate(chosen)]
        el = el.getparent()
    return None


def _runs_candidate(page: _Page) -> list[bool] | None:
    """The best run of lines by prose weight minus what the other lines cost (maximum subarray)."""
    best_sum, best = 0.0, (0, -1)
    run_sum, run_start = 0.0, 0
    for i, b in enumerate(page.blocks):
        w = page.weights[i]
        if w:
            value = w
        elif page.entries[i]:
            value = -RUN_ENTRY_COST
        elif b.link_chars >= LINK_SHARE_MAX * max(1, len(b.text)):
            value = -RUN_LINK_COST * len(b.text)
        else:
            value = -RUN_SHORT_COST
        if run_sum <= 0:
            run_sum, run_start = value, i
        else:
            run_sum += value
        if run_sum > best_sum:
            best_sum, best = run_sum, (run_start, i)
    if best[1] < 0:
        return None
    start, end = _run_edges(page, *best)
    return [start <= i <= end for i in range(len(page.blocks))]


def _edge_line(page: _Page, i: int, neighbour: int) -> bool:
    """Whether line ``i`` belongs with the run's edge line ``neighbour``: a short line of no prose weight (a
    salutation, a speaker, a 落款 organ or date, （此件公开发布）) printed in the same container, no link, no
    entry, no heading, no table."""
    b, n = page.blocks[i], page.blocks[neighbour]
    return (not page.weights[i] and not page.entries[i] and not b.is_table and not b.hints & _HEADING_HINTS
            and b.link_chars < LINK_SHARE_MAX * max(1, len(b.text)) and len(b.text) <= RUN_EDGE_MAX_LEN
            and b.element.getparent() is not None and b.element.getparent() is n.element.getparent())


def _run_edges(page: _Page, start: int, end: int) -> tuple[int, int]:
    """The run widened over the short lines its container prints at either end of it (the text's first and
    last lines cost more than they weigh, so the best run leaves them out)."""
    for _ in range(RUN_EDGE_LINES):
        if end + 1 < len(page.blocks) and _edge_line(page, end + 1, end):
            end += 1
    for _ in range(RUN_EDGE_LINES):
        if start > 0 and _edge_line(page, start - 1, start):
            start -= 1
    return start, end


def _overlap(page: _Page, a: Sequence[bool], b: Sequence[bool]) -> float:
    """The weight of the lines both choose over that of the lines either chooses (sums in line order)."""
    assert len(a) == len(b) == len(page.weights)
    both = sum(compress(page.weights, map(operator.and_, a, b)))
    either = sum(compress(page.weights, map(operator.or_, a, b)))
    return both / either if either else 0.0


def _confidence(page: _Page, chosen: Sequence[bool], title: int | None, runs: Sequence[bool] | None) -> float:
    """How sure the dom answer looks, in [0, 1]: the weakest of four checks."""
    weight = page.weight_of(chosen)
    if not weight:
        return 0.0
    amount = min(1.0, weight / CONFIDENT_PROSE)
    share = min(1.0, weight / max(1.0, page.total) / CONFIDENT_SHARE)
    first = next((i for i, c in enumerate(chosen) if c), 0)
    if title is None:
        near = 0.8  # nothing to check the answer against
    elif chosen[title] or 0 <= first - title <= TITLE_NEAR_LINES:
        near = 1.0
    else:
        near = 0.3
    dominance = 1.0
    if runs is not None:
        assert len(runs) == len(chosen) == len(page.weights)
        outside = sum(compress(page.weights, map(operator.gt, runs, chosen)))  # in the run, not chosen
        dominance = min(1.0, weight / outside) if outside else 1.0
    return min(amount, share, near, dominance)


def choose(blocks: Sequence[PageBlock], title_hints: Sequence[str]) -> Selection | None:
    """Choose the page's main content among the candidates (None: no prose on the page at all)."""
    entries = [is_entry(b.text) for b in blocks]
    visible = [
        prose_weight(b, e) if "hidden" not in b.hints and "form" not in b.hints else 0.0
        for b, e in zip(blocks, entries, strict=True)
    ]
    hidden_mode = False
    if sum(visible) < HIDDEN_VISIBLE_MAX:
        hidden = [prose_weight(b, e) if "hidden" in b.hints else 0.0 for b, e in zip(blocks, entries, strict=True)]
        if sum(hidden) > HIDDEN_RATIO * max(1.0, sum(visible)):
            hidden_mode = True
            visible = [v + h for v, h in zip(visible, hidden, strict=True)]
    page = _Page(blocks, visible, entries)
    if not page.total:
        return None
    title = find_title(blocks, title_hints, page.weights)
    runs = _runs_candidate(page)
    dom = _dom_candidate(page)
    candidates: dict[str, list[bool]] = {}
    if dom is not None:
        candidates["dom"] = dom
    if title is not None and not _over_a_menu(page, title) and (anchored := _title_candidate(page, title)) is not None:
        candidates["title"] = anchored
    if runs is not None:
        candidates["runs"] = runs
    if not candidates:
        return None
    confidence = _confidence(page, dom, title, runs) if dom is not None else 0.0
    # each pair's overlap once: it is symmetric, to the bit (the same weights summed in the same order)
    names = list(candidates)
    overlaps: dict[tuple[str, str], float] = {}
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            overlaps[a, b] = overlaps[b, a] = _overlap(page, candidates[a], candidates[b])
    agreement = {
        name: sum(overlaps[name, o] for o in names if o != name)
        / max(1, len(candidates) - 1)
        for name in names
    }
    if dom is not None and confidence >= CONFIDENCE_NEEDED:
        method = "dom"
    else:
        order = list(candidates)
        best = max(round(agreement[n], 3) for n in order)
        tied = [n for n in order if round(agreement[n], 3) == best]
        if len(tied) > 1:
            # the vote does not decide (two candidates always tie: each agrees with the other as much).
            # The first in order wins (the DOM answer: a whole container), unless it holds less than an
            # article's worth of prose and another holds that much: a stray block the scoring liked
            amount = {n: round(min(1.0, page.weight_of(candidates[n]) / CONFIDENT_PROSE), 3) for n in tied}
            method = max(tied, key=lambda n: (amount[n], -order.index(n)))
        else:
            method = tied[0]
        confidence = agreement[method] if len(candidates) > 1 else confidence
    report = Extraction(
        method=method,
        confidence=round(confidence, 3),
        candidates=[
            ExtractionCandidate(
                method=name,
                lines=sum(chosen),
                prose=round(page.weight_of(chosen)),
                agreement=round(agreement[name], 3),
            )
            for name, chosen in candidates.items()
        ],
        hidden_content=hidden_mode,
    )
    chosen = _with_adjacent_tables(page, list(candidates[method]))
    return Selection(chosen, report, title, hidden_mode, page.thread)


def _announces(block: PageBlock) -> bool:
    """A short line that is no link: what may stand between a text and the table it announces."""
    return len(block.text) <= TABLE_LEAD_MAX and block.link_chars < LINK_SHARE_MAX * len(block.text)


def _with_adjacent_tables(page: _Page, chosen: list[bool]) -> list[bool]:
    """The chosen lines, plus data tables that continue them: a table between chosen lines, or one
    right after them (only short, non-link lines in between)."""
    selected = [i for i, c in enumerate(chosen) if c]
    if not selected:
        return chosen
    first, last = selected[0], selected[-1]
    for i, b in enumerate(page.blocks):
        if not b.is_table or chosen[i] or b.link_chars >= LINK_SHARE_MAX * len(b.text):
            continue
        if first < i < last:
            chosen[i] = True
        elif last < i <= last + TABLE_FOLLOWS_LINES and all(_announces(page.blocks[j]) for j in range(last + 1, i)):
            for j in range(last + 1, i + 1):
                chosen[j] = True  # the table and the line that announces it ("附：…")
            last = i
    return chosen


__all__ = ["PageBlock", "Selection", "choose", "find_title", "is_entry", "prose_weight"]

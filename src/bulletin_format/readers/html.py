"""HTML reader: a page → visible text lines in reading order, the main content chosen among candidates.

lxml parses the page safely (no network, no entities; deep trees allowed up to libxml2's huge limit,
flattened below it — see ``read``). Block elements and ``<br>`` end lines; script and style are not
text. Hidden elements and form controls become lines (or set-aside text) the rules remove with their
own reason, so nothing the page holds vanishes unrecorded; a data table becomes one line carrying its
cells (``html_tables``). Each line remembers the element it came from, so the page's main content can
be chosen (``html_content``: DOM scoring, title-anchored and text-density candidates, a confidence
check and a chooser); lines outside it get the hint ``outside`` and are removed as
``outside_main_content`` (or a more specific chrome reason), never dropped. Facts from ``<title>`` and
CMS ``<meta>`` tags go to metadata.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from itertools import islice
from typing import Any, cast

from lxml import etree

from ..errors import NoTextError
from ..lines import PassState, PlacedLine, text_to_lines
from ..model import Removed, TableCell, table_text
from ..normalize.dates import find_dates
from ..patterns import canon, cjk_count
from .html_content import PageBlock, choose
from .html_css import hide_styled
from .html_stream import READ_TABLES, STREAM_MIN_CHARS, Reading, data_table
from .html_stream import parse as parse_pruning_tables
from .html_strip import skip_prolog, visible_text
from .html_tables import (
    cell_text,
    classify_table,
    layout_by_shape,
    table_grid,
    table_rows,
    table_texts,
    tables_holding_tables,
)

FORMAT = "html"

_KNOWN_TAG = re.compile(
    r"<\s*/?\s*(?:!doctype\s+html|html|head|body|meta|title|div|p|br|table|tr|td|span|a|script|style|link|ul|li|h[1-6]|"
    r"center|font|b|strong|img|iframe|form|input|section|article)\b",
    re.IGNORECASE,
)
BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption center dd div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section table tbody td tfoot th thead title tr ul "
    "select option".split()
)
SKIP_TAGS = frozenset("script style noscript template svg iframe object head input".split())
# Skipped tags whose text a reader may see (an SVG's <text> and <title>, what a browser shows without scripts
# or without the plugin or frame): not main text, but set aside under a reason of its own, not dropped unseen.
# (An <embed> is empty in HTML: no fallback, no end tag. libxml2 nests what follows an unclosed one inside it,
# so it is read as an inline element: what is "inside" it is the page's text after it.)
SET_ASIDE_TAGS = {
    "svg": "svg_text",
    "noscript": "noscript_text",
    "iframe": "embed_fallback",
    "object": "embed_fallback",
}
CODE_TAGS = frozenset(("script", "style", "template"))  # code, not text, inside a set-aside element


def _shown(el: etree._Element) -> bool:
    return False


def _aside_text(el: etree._Element, tag: str) -> str:
    """The text set aside from a SET_ASIDE_TAGS element: all of it but code (CODE_TAGS), hidden or not. The
    parser keeps an <iframe>'s content as raw text: markup (an advertisement's script) is read as a page."""
    if tag == "iframe" and not len(el) and "<" in (el.text or ""):
        return visible_text(el.text or "")
    return cell_text(el, CODE_TAGS, _shown)

FORM_TAGS = frozenset(("button", "textarea"))  # their labels and contents are lines removed as form_control
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜\-—–]+|\s{2,})\s*")
# blocks nested deeper than this belong to the block at this depth (old CMS pages nest unclosed
# <font>/<div> hundreds deep; walking the ancestors of each line must stay bounded)
MAX_DEPTH = 200
MAX_NODES = 500_000  # elements read as lines; the text of any beyond is set aside as element_limit
# inline formatting tags, dropped when a page nests deeper than the parser can read: they carry no
# structure, and unclosed ones are what nests old pages that deep
_INLINE_TAGS = re.compile(r"</?(?:font|span|b|i|u|em|strong|small|big|sub|sup|s|strike|tt|ins|del)\b[^<>]*>", re.I)
SNIFF_WINDOW = 4096  # characters of markup looked at, once comments and the DOCTYPE are skipped


def sniff(text: str) -> bool:
    """HTML by content: after any comments, XML declaration and DOCTYPE (of any length), it starts with a
    tag, or its first 4 KB is dense with known HTML tags."""
    start = skip_prolog(text)
    head = text[start : start + SNIFF_WINDOW]
    if start and head[:1] == "<":
        return True  # a prolog, then markup
    return _known_tags_at_least(head, 2 if head.startswith("<") else 12)


def _known_tags_at_least(head: str, count: int) -> bool:
    """``len(_KNOWN_TAG.findall(head)) >= count``, the search stopped at the ``count``-th tag."""
    return next(islice(_KNOWN_TAG.finditer(head), count - 1, None), None) is not None


class _Collector:
    """Walks the tree once, cutting text into lines at block boundaries and <br>."""

    def __init__(self) -> None:
        self.blocks: list[PageBlock] = []
        self.tables: dict[int, tuple[list[list[TableCell]], int]] = {}  # block index → rows, header rows
        self.removed: list[Removed] = []  # text that is never a line (hidden inline text, past the limits)
        self.parts: list[str] = []  # the texts of the line being collected (the same list throughout)
        self._link_chars = 0
        self._owner: etree._Element | None = None
        self._hints: set[str] = set()

    def add(self, text: str, owner: etree._Element, in_link: bool, hints: frozenset[str]) -> None:
        if not self.parts:
            if text.isspace():
                return  # whitespace before a line's first text is stripped anyway
            self._owner = owner
        self.parts.append(text)
        if in_link:
            self._link_chars += len(text.strip())
        if hints:
            self._hints |= hints

    def flush(self) -> None:
        """End the line being collected (callers test ``parts`` first: most block ends have none)."""
        text = collapse_spaces("".join(self.parts))
        if text and self._owner is not None:
            self.blocks.append(PageBlock(text, self._owner, self._link_chars, self._hints))
            self._hints = set()
        elif self._hints:
            self._hints = set()
        self.parts.clear()
        self._link_chars, self._owner = 0, None

    def table(self, el: etree._Element, rows: list[list[TableCell]], header_rows: int, link_chars: int) -> None:
        if self.parts:
            self.flush()
        self.tables[len(self.blocks)] = (rows, header_rows)
        self.blocks.append(PageBlock(table_text(rows), el, link_chars, {"table"}, is_table=True))

    def set_aside(self, text: str, reason: str) -> None:
        text = collapse_spaces(text)
        if text:
            self.removed.append(Removed(text, reason, len(self.blocks) + 1))


_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def collapse_spaces(text: str) -> str:
    """``_SPACES.sub(" ", text).strip()``: stripped first (the same: a run at either end is stripped either
    way), then collapsed only when a run is there to collapse — most lines of a page have none, and the
    ``in`` tests cost a fraction of a substitution over a CJK text."""
    text = text.strip()
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
        return _SPACES.sub(" ", text)
    return text


def _hidden(el: etree._Element) -> bool:
    """A ``hidden`` attribute, or a style that hides. The names of the element's attributes are asked first,
    once (most elements have no ``style``: a look-up of each name costs twice the list of names)."""
    names = el.keys()
    if not names:
        return False
    if "hidden" in names:
        return True
    return "style" in names and _HIDDEN_STYLE.search(el.get("style", "")) is not None


def _all_text(el: etree._Element) -> str:
    """The text inside ``el``: lxml's HTML parser gives str (its stubs allow bytes for any parser)."""
    return "".join(cast("Iterator[str]", el.itertext()))


def _link_chars(el: etree._Element) -> int:
    return sum(len(_all_text(a).strip()) for a in el.iter("a"))


def _data_table(el: etree._Element, nested: bool | None = None) -> tuple[list[list[TableCell]], int, int] | None:
    """A data table's rows, header rows and link characters (None for a layout or 信息公开 table, which
    are read line by line). ``nested``: whether it holds another table, when the caller knows."""
    if (read := data_table(el)) is not None:
        return read  # read as the page was parsed (html_stream: a big page)
    if layout_by_shape(el, nested) is not None:
        return None  # a page grid or a frame: told before reading any cell
    grid = table_grid(el)
    texts = table_texts(el, SKIP_TAGS, _hidden, grid)
    link_chars = _link_chars(el)
    if not classify_table(el, texts, link_chars, nested, grid).data:
        return None
    rows, header_rows = table_rows(el, texts, grid)
    return (rows, header_rows, link_chars) if rows else None


_READING = Reading(SKIP_TAGS, _hidden, _link_chars, MAX_NODES)


# A frame: what text inside an open element inherits — (owner: the block element lines in here belong
# to, in_link, hidden, form, hints: what text in here tells about itself ("hidden", "form")).


_NO_HINTS: frozenset[str] = frozenset()
_TAG_HINTS = {tag: frozenset((tag,)) for tag in (*HEADING_TAGS, "title", "li", "td", "th", "option")}
_LINE_TAGS = BLOCK_TAGS | FORM_TAGS


def _collect_events(root: etree._Element) -> _Collector:
    """The page's text as lines (``PageBlock``) in reading order. Hidden blocks become lines with the
    hint ``hidden``; hidden inline text and form controls' labels are set aside with a reason; a data
    table becomes one line carrying its rows. (The hottest loop of the reader: a frame is a plain tuple
    (owner, in_link, hidden, form, hints), cheaper to make than a named one, and hint sets are made once
    per element.)"""
    out = _Collector()
    parts, add, flush = out.parts, out.add, out.flush
    stack: list[tuple[etree._Element, bool, bool, bool, frozenset[str]]] = []  # frames, see above
    line_ends: list[bool] = []  # per open element: does its end end a line (a block element)?
    skip_depth = 0
    nodes = 0
    over_limit: list[str] = []
    leaf_done = False  # the element just started had no children and was read whole: skip its end
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if leaf_done:
            leaf_done = False
            continue
        if event == "start":
            nodes += 1
            if skip_depth:
                skip_depth += 1
                continue
            if nodes > MAX_NODES:
                over_limit.append(el.text or "")
                skip_depth += 1
                continue
            tag = el.tag
            tag = tag.lower() if isinstance(tag, str) else ""
            if not tag or tag in SKIP_TAGS:
                if tag in SET_ASIDE_TAGS:
                    out.set_aside(_aside_text(el, tag), SET_ASIDE_TAGS[tag])
                skip_depth += 1
                continue
            if stack:
                parent = stack[-1]
                p_owner, p_link, inherited, p_form, p_hints = parent
            else:
                parent, inherited = None, False
            hidden = inherited or _hidden(el)
            if hidden and not inherited and tag not in BLOCK_TAGS:
                out.set_aside(_all_text(el), "hidden")  # hidden inline text inside a visible line
                skip_depth += 1
                continue
            if tag == "table" and not hidden and (data := _data_table(el)) is not None:
                out.table(el, *data)
                skip_depth += 1
                continue
            line_tag = tag in _LINE_TAGS
            if parent is None:
                form = tag in FORM_TAGS
                frame = (el, tag == "a", hidden, form, _frame_hints(hidden, form))
            elif not line_tag and hidden == inherited and tag != "a" and tag not in FORM_TAGS:
                frame = parent  # an inline element changes nothing its text inherits
            else:
                in_link = p_link or tag == "a"
                form = p_form or tag in FORM_TAGS
                owner = p_owner
                if line_tag:
                    if parts:
                        flush()
                    if len(stack) < MAX_DEPTH:  # deeper blocks belong to the block at the limit
                        owner = el
                same = hidden == inherited and form == p_form
                frame = (owner, in_link, hidden, form, p_hints if same else _frame_hints(hidden, form))
            text = el.text
            if text:
                tag_hints = _TAG_HINTS.get(tag)
                add(text, frame[0], frame[1], frame[4] | tag_hints if tag_hints else frame[4])
            if parent is not None and not len(el):  # a leaf (most elements): its end, here and now
                leaf_done = True
                if line_tag and parts:
                    flush()
                tail = el.tail
                if tail:
                    add(tail, p_owner, p_link, p_hints)
                continue
            stack.append(frame)
            line_ends.append(line_tag)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0:
                    tail = el.tail
                    if nodes > MAX_NODES and tail:
                        over_limit.append(tail)
                    elif tail and stack:
                        frame = stack[-1]
                        add(tail, frame[0], frame[1], frame[4])
                continue
            stack.pop()
            if line_ends.pop() and parts:
                flush()
            tail = el.tail
            if tail and stack:
                frame = stack[-1]
                add(tail, frame[0], frame[1], frame[4])
    if parts:
        flush()
    if over_limit:
        out.set_aside(" ".join(over_limit), "element_limit")
    return out


def _collect(root: etree._Element) -> _Collector:
    """``_collect_events(root)``: by ``_collect_children`` unless the page holds more than MAX_NODES
    nodes (a hostile page, which the element limit cuts)."""
    collected = _collect_children(root)
    return collected if collected is not None else _collect_events(root)


_COUNT_BELOW = etree.XPath("count(descendant::node()[not(self::text())])")  # what the walk by events meets


def _collect_children(root: etree._Element) -> _Collector | None:
    """``_collect_events(root)``, walking each element's children with lxml's own iterator: a leaf (most
    elements) is read whole where it is met, a skipped subtree (script, style, a hidden inline element, a
    data table) is never entered, and the tag tests are one dictionary look-up (``_TAG_KINDS``). Whether a
    table holds another is known for every table from one pass over the page's tables. None when the
    page holds more than MAX_NODES nodes (those met, and libxml2's count of those in the skipped
    subtrees): the element limit cuts it, which ``_collect_events`` does."""
    nodes = 1
    if nodes > MAX_NODES:
        return None
    out = _Collector()
    parts, add, flush = out.parts, out.add, out.flush
    holders = tables_holding_tables(root)
    kinds, hidden_style = _TAG_KINDS, _HIDDEN_STYLE.search
    kind, tag_hints = _tag_kind(root.tag)
    if kind & _SKIP:
        if kind & _ASIDE:
            out.set_aside(_aside_text(root, name := root.tag.lower()), SET_ASIDE_TAGS[name])
        return out
    hidden = _hidden(root)
    if hidden and not kind & _BLOCK:
        out.set_aside(_all_text(root), "hidden")
        return out
    if kind & _TABLE and not hidden and (data := _data_table(root, root in holders)) is not None:
        out.table(root, *data)
        return out
    form = bool(kind & _FORM)
    frame = (root, bool(kind & _LINK), hidden, form, _frame_hints(hidden, form))
    text = root.text
    if text:
        add(text, root, frame[1], frame[4] | tag_hints if tag_hints else frame[4])
    stack: list[tuple[Iterator[etree._Element], tuple[etree._Element, bool, bool, bool, frozenset[str]], bool,
                      etree._Element]] = [(iter(root), frame, bool(kind & _LINE), root)]
    while stack:
        children, parent, _, _ = stack[-1]
        p_owner, p_link, inherited, p_form, p_hints = parent
        for el in children:
            nodes += 1
            found = kinds.get(el.tag)
            kind, tag_hints = found if found is not None else _tag_kind(el.tag)
            # skipped: the element's subtree is not walked (left out, set aside as hidden, or read as a table)
            skipped = bool(kind & _SKIP)
            if not skipped:
                hidden = inherited or (bool(names := el.keys()) and (  # _hidden(el)
                    "hidden" in names or ("style" in names and hidden_style(el.get("style", "")) is not None)))
                if hidden and not inherited and not kind & _BLOCK:
                    out.set_aside(_all_text(el), "hidden")  # hidden inline text inside a visible line
                    skipped = True
                elif kind & _TABLE and not hidden and (data := _data_table(el, el in holders)) is not None:
                    out.table(el, *data)
                    skipped = True
            if skipped:  # (a tail of whitespace before a line's first text is tested here, not handed to add())
                if kind & _ASIDE:
                    out.set_aside(_aside_text(el, name := el.tag.lower()), SET_ASIDE_TAGS[name])
                if len(el):
                    nodes += int(cast(float, _COUNT_BELOW(el)))
                tail = el.tail
                if tail and (parts or not tail.isspace()):
                    add(tail, p_owner, p_link, p_hints)
                continue
            line_tag = kind & _LINE
            if line_tag and parts:
                flush()  # a block starts: the line before it ends
            text = el.text
            if not len(el):  # a leaf (most elements): its text and its end, here and now
                if text:
                    if not kind:  # an inline element (a hidden one was set aside above)
                        add(text, p_owner, p_link, p_hints | tag_hints if tag_hints else p_hints)
                    else:
                        form = p_form or bool(kind & _FORM)
                        hints = p_hints if hidden == inherited and form == p_form else _frame_hints(hidden, form)
                        add(text, el if line_tag and len(stack) < MAX_DEPTH else p_owner, p_link or bool(kind & _LINK),
                            hints | tag_hints if tag_hints else hints)
                        if line_tag and parts:
                            flush()
                tail = el.tail
                if tail and (parts or not tail.isspace()):
                    add(tail, p_owner, p_link, p_hints)
                continue
            if not kind:
                frame = parent  # an inline element changes nothing its text inherits
            else:
                in_link = p_link or bool(kind & _LINK)
                form = p_form or bool(kind & _FORM)
                # deeper blocks belong to the block at the limit
                owner = el if line_tag and len(stack) < MAX_DEPTH else p_owner
                same = hidden == inherited and form == p_form
                frame = (owner, in_link, hidden, form, p_hints if same else _frame_hints(hidden, form))
            if text:
                add(text, frame[0], frame[1], frame[4] | tag_hints if tag_hints else frame[4])
            if nodes > MAX_NODES:
                return None
            stack.append((iter(el), frame, bool(line_tag), el))
            break
        else:  # the end of the element on top of the stack
            _, _, line_end, el = stack.pop()
            if line_end and parts:
                flush()
            if stack:
                tail = el.tail
                if tail and (parts or not tail.isspace()):
                    up = stack[-1][1]
                    add(tail, up[0], up[1], up[4])
    if nodes > MAX_NODES:
        return None
    if parts:
        flush()
    return out


# What the collector needs to know of a tag, as bits (no bit: an inline element, which changes nothing
# its text inherits unless it is hidden), and the hints its own text gets.
_SKIP, _LINE, _BLOCK, _FORM, _LINK, _TABLE, _ASIDE = 1, 2, 4, 8, 16, 32, 64  # _ASIDE: one of SET_ASIDE_TAGS
_KIND_OF_NOTHING = (_SKIP, None)  # a comment or a processing instruction (tag not a str)
_INLINE = (0, None)


def _tag_kind(tag: object) -> tuple[int, frozenset[str] | None]:
    """The kind of a tag (the bits above) and the hints of its text, as ``_collect_events`` tests them."""
    if not isinstance(tag, str):
        return _KIND_OF_NOTHING
    tag = tag.lower()
    if not tag or tag in SKIP_TAGS:
        return (_SKIP | _ASIDE, None) if tag in SET_ASIDE_TAGS else _KIND_OF_NOTHING
    kind = (
        (_LINE if tag in _LINE_TAGS else 0) | (_BLOCK if tag in BLOCK_TAGS else 0) | (_FORM if tag in FORM_TAGS else 0)
        | (_LINK if tag == "a" else 0) | (_TABLE if tag == "table" else 0)
    )
    return kind, _TAG_HINTS.get(tag)


# the tags the parser gives (in lower case), looked up as given; any other tag is classified by _tag_kind
_TAG_KINDS = {
    tag: _tag_kind(tag)
    for tag in (*SKIP_TAGS, *_LINE_TAGS, "a", "span", "font", "img", "b", "strong", "i", "em", "u", "nobr", "small",
                "big", "sub", "sup", "label", "s", "strike", "abbr", "cite", "code", "time", "tt", "ins", "del")
}


def _frame_hints(hidden: bool, form: bool) -> frozenset[str]:
    if not (hidden or form):
        return _NO_HINTS
    return frozenset(name for name, on in (("hidden", hidden), ("form", form)) if on)


def _meta(root: etree._Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("name") or m.get("property") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        value = (m.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


_META_TITLE = ("articletitle", "og:title", "twitter:title", "title", "headline")
_META_DATE = ("pubdate", "publishdate", "article:published_time", "og:release_date", "firstpublishedtime",
              "datepublished", "publish_time", "weibo:article:create_at", "og:article:published_time",
              "datecreated", "dateupdate", "datemodified", "article:modified_time")  # the last ones: better than none
_META_SOURCE = ("contentsource", "source", "og:article:source", "article:source", "mediaid")
_META_AUTHOR = ("author", "article:author", "og:article:author")
_META_SITE = ("sitename", "og:site_name", "site_name", "application-name")
_META_URL = ("og:url", "url", "canonical")


# a saved WeChat article prints its time by script, from the seconds in ``var ct = "1710457260"`` (or a
# ``var publish_time = "2024-03-15"``): the page's time as a reader sees it, in Beijing time (UTC+8)
_SCRIPT_CT = re.compile(r"""\bvar\s+ct\s*=\s*["'](\d{10})["']""")
_SCRIPT_PUBLISH = re.compile(r"""\bvar\s+publish_time\s*=\s*["'](\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2})?)["']""")
_BEIJING = datetime.timezone(datetime.timedelta(hours=8))


def _script_time(page: str) -> str | None:
    """The publication time a page's script prints (a saved WeChat article's), or None."""
    if "var " not in page or ("var ct" not in page and "publish_time" not in page):
        return None
    if m := _SCRIPT_CT.search(page):
        return datetime.datetime.fromtimestamp(int(m.group(1)), _BEIJING).strftime("%Y-%m-%d %H:%M")
    m = _SCRIPT_PUBLISH.search(page)
    return m.group(1) if m else None


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


_TRUNCATED = re.compile(r"(?:\.{2,}|…+|。{3,})\s*$")  # a title cut short: 东阳江市营商环境管...
TRUNCATED_MIN_CJK = 6  # the part of a cut title a line must start with: enough to name one title
TRUNCATED_TITLE_MAX_LEN = 120  # the whole title a line prints: the chooser's longest title line too


def _untruncated(hint: str, blocks: list[PageBlock]) -> str | None:
    """The whole title a hint cut short with an ellipsis stands for: the one line of the page that starts
    with the part before the ellipsis and goes on (None when the hint is whole, or no line or several
    different ones do)."""
    m = _TRUNCATED.search(hint)
    head = canon(hint[: m.start()]) if m else ""
    if cjk_count(head) < TRUNCATED_MIN_CJK:
        return None
    found = {b.text.strip() for b in blocks if len(b.text) <= TRUNCATED_TITLE_MAX_LEN and not b.is_table
             and (c := canon(b.text)).startswith(head) and len(c) > len(head)}
    return found.pop() if len(found) == 1 else None


def _title_from_tag(title: str, site: str | None) -> str:
    """The article title inside <title>: the longest part once site names and separators are cut."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p and p != site]
    return max(parts, key=cjk_count) if parts else title


_PARSER_OPTIONS: dict[str, Any] = {
    "remove_comments": True, "remove_pis": True, "no_network": True, "huge_tree": True, "recover": True,
    "collect_ids": False,
}


def _parse(markup: str) -> tuple[etree._Element, bool]:
    """The page as a tree, and whether it nests deeper than the parser can read (libxml2 stops at
    depth 2048 even with XML_PARSE_HUGE, and drops everything below)."""
    # lxml.etree's parser, not lxml.html's: the latter looks up a Python class for every element. The text
    # is given as UTF-8 (libxml2's own encoding: a str would be converted by iconv from 4 bytes a
    # character, which costs more than encoding it here); a str holding lone surrogates is given as is.
    source: str | bytes = markup
    encoding: str | None = None
    try:
        source, encoding = markup.encode("utf-8"), "utf-8"
    except UnicodeEncodeError:
        pass
    parser = etree.HTMLParser(encoding=encoding, **_PARSER_OPTIONS)
    root = etree.fromstring(source, parser=parser)
    if root is None:
        raise etree.ParserError("Document is empty")
    too_deep = any("Excessive depth" in e.message for e in parser.error_log)
    return root, too_deep


def _breaks_after(parent: etree._Element, index: int, pieces: list[str]) -> None:
    """<br> elements inserted into ``parent`` from ``index`` on, each followed by the next piece of text."""
    for k, piece in enumerate(pieces):
        br = etree.Element("br")
        br.tail = piece
        parent.insert(index + k, br)


_BLANK_LINE = re.compile(r"\n[ \t\u3000\r]*\n")


def _pre_pieces(text: str, wrapped: bool) -> list[str]:
    """A <pre> text's lines; in a block whose paragraphs are set apart by blank lines (``wrapped``), the lines
    of one paragraph are one line: its hard wraps joined (without a space between Chinese characters)."""
    lines = text.split("\n")
    if not wrapped:
        return lines
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1].rstrip()
        if line.strip() and prev.strip():
            nxt = line.strip()
            out[-1] = prev + ("" if cjk_count(prev[-1:] + nxt[:1]) else " ") + nxt
        else:
            out.append(line)
    return out


def _has_pre(root: etree._Element) -> bool:
    """Whether the tree holds a <pre> element: ``_pre_lines_as_breaks`` changes nothing without one. Asked
    of the tree (libxml2 finds it without a proxy for any other element) before the markup is searched for
    ``<pre``/``<PRE``: two scans of a whole page that holds none, most pages."""
    return next(root.iter("pre"), None) is not None


def _pre_lines_as_breaks(root: etree._Element) -> None:
    """The lines a <pre> block prints, kept: each line break of its text becomes a <br> (the collector reads
    newlines as spaces elsewhere), so a text pasted as preformatted keeps its paragraphs and its 落款 — and a
    block that sets its paragraphs apart by blank lines has its hard wraps joined."""
    for pre in list(root.iter("pre")):
        wrapped = _BLANK_LINE.search("".join(str(t) for t in pre.itertext())) is not None
        for el in list(pre.iter()):
            if el is not pre and el.tail and "\n" in el.tail:
                first, *rest = _pre_pieces(el.tail, wrapped)
                el.tail = first
                parent = el.getparent()
                if parent is not None:
                    _breaks_after(parent, parent.index(el) + 1, rest)
            if isinstance(el.tag, str) and el.text and "\n" in el.text:
                first, *rest = _pre_pieces(el.text, wrapped)
                el.text = first
                _breaks_after(el, 0, rest)


def read(text: str, *, name: str = "<html>") -> PassState:
    # the text is decoded already: an XML declaration's encoding would only confuse the parser, and a
    # DOCTYPE's internal subset (entity declarations) is never read
    cleaned = text[skip_prolog(text) :]
    # the page as one document even when a stray </html> sits mid-page
    cleaned = re.sub(r"</\s*(?:html|body)\s*>", "", cleaned, flags=re.IGNORECASE)
    warnings: list[str] = []
    # a big page: parsed a piece at a time, the rows of its big data tables read and let go as they are parsed
    streamed = parse_pruning_tables(cleaned, {"encoding": "utf-8", **_PARSER_OPTIONS}, _READING) if len(
        cleaned) >= STREAM_MIN_CHARS else None
    try:
        root, too_deep = (streamed[0], False) if streamed is not None else _parse(cleaned)
        if too_deep:
            root, too_deep = _parse(_INLINE_TAGS.sub("", cleaned))
            warnings.append("the page nests its elements too deeply to read as is: its inline formatting tags "
                            "(font, span, b …) were dropped to read it")
    except (etree.ParserError, ValueError) as e:
        raise NoTextError(
            f"the HTML could not be parsed ({e})", source=name, hint="check that it is an HTML page"
        ) from e
    if too_deep:
        return _as_plain_text(cleaned, name)
    meta = _meta(root)
    title_el = root.find(".//title")
    page_title = re.sub(r"\s+", " ", _all_text(title_el)).strip() if title_el is not None else ""
    if _has_pre(root) and ("<pre" in cleaned or "<PRE" in cleaned):
        _pre_lines_as_breaks(root)
    if "<style" in cleaned or "<STYLE" in cleaned:
        hide_styled(root)  # what the page's style sheets hide (a phone's or a printer's copy of the article)
    body = root.find("body")
    token = READ_TABLES.set(streamed[1] if streamed is not None else None)
    try:
        collected = _collect(body if body is not None else root)
    finally:
        READ_TABLES.reset(token)
    del streamed
    blocks = collected.blocks
    if not blocks:
        return _as_plain_text(cleaned, name)
    if any(r.reason == "element_limit" for r in collected.removed):
        warnings.append(f"the page has more than {MAX_NODES:,} elements: the text of those past the limit was "
                        "not read as lines (it is in removed as element_limit)")

    state = PassState(lines=[])
    state.warnings.extend(warnings)
    md = state.metadata
    md.site = _first(meta, _META_SITE)
    md.title = page_title or None
    url = _first(meta, _META_URL)
    if url and url.startswith("http"):
        md.url = url
    date_meta = _first(meta, _META_DATE) or _script_time(cleaned)
    if date_meta:
        dates = find_dates(date_meta.replace("T", " "))
        if dates:
            state.page_date = dates[0].iso
    source_meta = _first(meta, _META_SOURCE)
    if source_meta and cjk_count(source_meta) and len(source_meta) <= 30:
        state.meta_origin = source_meta
    meta_title = _first(meta, _META_TITLE)
    state.meta_title = meta_title
    state.title_hint = meta_title or (_title_from_tag(page_title, md.site) if page_title else None)
    state.title_candidates = [p for p in _TITLE_SEPARATORS.split(page_title) if cjk_count(p) >= 4]
    if state.title_hint and (whole := _untruncated(state.title_hint, blocks)):
        state.title_hint = whole  # the CMS cut the title short in <title> (…管理办…): the page prints it whole

    # the article's title as judged above first: a match of another hint (the site's or a column's name
    # among the parts of <title>) counts for less
    title_hints = [h for h in (state.title_hint, meta_title, page_title, *state.title_candidates) if h]
    selection = choose(blocks, list(dict.fromkeys(title_hints)))
    if selection is not None:
        state.extraction = selection.extraction
        if selection.hidden_mode:
            state.warnings.append("the article is in elements the page hides until a script shows them; read as shown")
    # per line: outside the main content, in a comment thread (its bylines are not the page's), a link
    n = len(blocks)
    outside_of = [not c for c in selection.selected] if selection is not None else [False] * n
    thread_of = selection.thread if selection is not None else [False] * n
    revealed = selection is not None and selection.hidden_mode  # hidden text the page shows at load time
    owners: dict[etree._Element, int] = {}
    owner_of, lines, tables = owners.setdefault, state.lines, collected.tables
    for i, (b, outside, thread) in enumerate(zip(blocks, outside_of, thread_of, strict=True)):
        text = b.text
        link = b.link_chars >= 0.6 * len(text)
        if b.hints:
            hints = set(b.hints)
            if outside:
                hints.add("outside")
            elif revealed:
                hints.discard("hidden")  # revealed at load time: the page shows it
            if thread:
                hints.add("thread")
            if link:
                hints.add("link")
            line_hints = frozenset(hints)
        else:
            line_hints = _LINE_HINTS[outside, thread, link]  # most lines: made once, shared
        owner = owner_of(b.element, len(owners))
        if b.is_table and (rows := tables.get(i)) is not None:
            lines.append(PlacedLine(i + 1, text, line_hints, None, False, owner, rows[0], rows[1]))
        else:
            lines.append(PlacedLine(i + 1, text, line_hints, None, False, owner))
    state.extra_removed.extend(collected.removed)
    return state


# the hints of a line whose element gave none: whether it is outside the main content, in a thread, a link
_LINE_HINTS = {
    (outside, thread, link): frozenset(h for h, on in (("outside", outside), ("thread", thread), ("link", link)) if on)
    for outside in (False, True) for thread in (False, True) for link in (False, True)
}


def _as_plain_text(text: str, name: str) -> PassState:
    """A page no parser can read into a tree (nested deeper than libxml2 reads even without its inline
    tags): its printed text from a linear scan of the markup, one line per block, and a warning."""
    state = PassState(lines=text_to_lines(visible_text(text)))
    if not state.lines:
        raise NoTextError("the page holds no visible text", source=name, hint="is the content loaded by JavaScript?")
    state.warnings.append("the HTML could not be read as a tree (too deeply nested or broken); its tags were stripped")
    return state

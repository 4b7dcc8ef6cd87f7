"""Markdown reader (markdown-it-py): an assistant's or an editor's draft → numbered lines with hints.

* The first heading, when it opens the text and no heading is shallower, is the title (hint
  ``title``) — one paragraph over it is its 引题 (hint ``kicker``) —, and an emphasised paragraph
  right under it (``*——在…会议上的讲话*``) its 副题 (hint ``subtitle``); the other headings are
  lines with the hint ``heading:N`` (N = 1 at the shallowest section level). Their text is kept as
  written: a numbered heading (``## 一、总体要求``) takes the level its number stands for, an
  unnumbered one (``## 背景``) is an unnumbered subheading — no number is made up.
* YAML front matter: ``title`` is the title when no heading is; the header and page facts under
  their JSON field names (``issuer``, ``doc_number``, ``date``, ``url``, ``published``, ``origin`` …,
  what the Markdown writer writes) fill the header and the page facts; other keys go to
  ``removed`` (``front_matter``).
* Paragraphs are lines; a line break inside a paragraph starts a new line unless it only wraps a
  sentence (a long line of prose that does not end a sentence is joined with the next).
* List items are paragraphs: an ordered item keeps its number as printed (``1.``), a bullet item
  loses its bullet; block quotes are paragraphs too.
* Pipe tables are table lines (``lines.table_line``; the head row is a header row), and so is an HTML
  block that is one ``<table>`` (how the Markdown writer prints a table with merged cells: their
  ``colspan``/``rowspan`` kept, the ``<thead>`` rows header rows).
* Emphasis, code spans and links keep their text (a link's address is not printed); images,
  other raw HTML blocks and code blocks go to ``removed`` (``image``, ``markup``, ``code_block``).

A web page saved as Markdown (html2text, markdownify, a reader mode or a crawler's export) is read as
the page it is, not as a draft: when the text shows at least ``PAGE_EVIDENCE_MIN`` kinds of page chrome
(a run of link-only items over the headline — the site's menu —, a logo image link, a breadcrumb line,
a bold-label byline, copyright/ICP footer lines), the evidence is recorded in ``source.extraction``
(method ``markdown_page``), every line that is mostly link text gets the hint ``link`` (as the HTML
reader gives it), the page's first ``# `` headline is the title and the reader's title hint even with
the chrome above it (a ``## `` under it that is no numbered heading is its 副题), the ``**`` a label's
unclosed emphasis leaves (``**发布时间：**2024.08.14``: CommonMark does not close it) are not printed,
and the cleaning rules run on it (clean/__init__.py). One kind of evidence alone — a draft's list of
links to its references, say — leaves it a draft, read as above.

markdown-it-py is imported when a Markdown input is read, never at ``import bulletin_format``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..clean.chrome import breadcrumb, byline, copyright_footer
from ..lines import Line, PassState, is_blank, table_line
from ..model import Extraction, ExtractionCandidate, Removed, TableCell
from ..patterns import SENTENCE_END, heading_level, is_prose, is_title_like

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

FORMAT = "markdown"
SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
SNIFF_CHARS = 65536  # how much of the text the sniffer looks at

_ATX = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_TABLE_DELIMITER = re.compile(r"^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)
_EMPHASIS = re.compile(r"\*\*[^*\n]+\*\*")
_LINK = re.compile(r"!?\[[^\]\n]+\]\([^)\s]+\)")
_BULLET = re.compile(r"^ {0,3}[-*+][ \t]+\S", re.MULTILINE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:[^\n]*\n){0,60}?)(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_JOIN_AFTER = SENTENCE_END + "：:"
# front matter keys read into the header and the page facts (JSON field names; what the writers print)
HEADER_KEYS = ("bulletin", "issue", "issuer", "doc_number", "signer", "copy_number", "secrecy", "urgency", "date")
PAGE_KEYS = ("url", "site", "published", "origin", "author", "editor")


def has_front_matter(text: str) -> bool:
    """``text`` opens with YAML front matter of ``key: value`` lines."""
    sample = text[:SNIFF_CHARS].lstrip("\ufeff")
    return bool(_FRONT_MATTER.match(sample)) and _front_fields(sample)


def sniff(text: str) -> bool:
    """Markdown by content, conservatively: a plain-text bulletin must still read as text.

    Markdown when the text opens with YAML front matter, or has two ATX headings (``## 一、…``), a pipe
    table's delimiter row, an ATX heading and a code fence, or one of those two together with two other
    marks (``**bold**``, ``[links](…)``, ``- bullets``)."""
    sample = text[:SNIFF_CHARS]
    if has_front_matter(sample):
        return True
    # each pattern needs a character run the text rarely holds: test for that first (a line-anchored
    # search tries every position of the 64 KB sample)
    headings = len(_ATX.findall(sample)) if "#" in sample else 0
    if headings >= 2 or ("---" in sample and _TABLE_DELIMITER.search(sample)):
        return True
    strong = headings + (1 if ("```" in sample or "~~~" in sample) and _FENCE.search(sample) else 0)
    if strong >= 2:
        return True
    if not strong:
        return False
    marks = len(_EMPHASIS.findall(sample)) + len(_LINK.findall(sample)) + len(_BULLET.findall(sample))
    return marks >= 2


# ---------------------------------------------------------------------------------------------
# Reading.


@dataclass
class _Out:
    """The lines read so far, and what was left out."""

    lines: list[Line] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def emit(self, number: int, text: str, hints: set[str], *, new_block: bool = True) -> None:
        """A line; ``new_block``: it opens a Markdown block (blank lines stand between blocks)."""
        if is_blank(text):
            return
        self.lines.append(Line(number, text, frozenset(hints), blank_before=new_block and bool(self.lines)))


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def read(text: str, *, name: str = "<text>") -> PassState:
    out = _Out()
    text, front = _front_matter(text, out)
    tokens = _parser().parse(text)
    offset = front.lines_used
    page = page_evidence(tokens)
    headings = _page_headings(tokens) if page is not None else _heading_plan(tokens)
    if front.title and headings.title is None:
        out.emit(1, front.title, {"title", "md:front-matter"})
    _blocks(tokens, out, headings, offset, page=page is not None)
    state = PassState(lines=out.lines)
    if page is not None:
        state.extraction = page
        state.title_hint = "".join(ln.text for ln in out.lines if "title" in ln.hints) or None
    state.extra_removed.extend(out.removed)
    for key, value in front.facts.items():
        target = state.header if key in HEADER_KEYS else state.metadata
        setattr(target, key, value)
    return state


def _front_fields(text: str) -> bool:
    """The front matter at the top of ``text`` holds ``key: value`` lines only (and at least one)."""
    m = _FRONT_MATTER.match(text)
    fields = [_FRONT_FIELD.match(ln) for ln in m.group("body").splitlines() if ln.strip()] if m else []
    return bool(fields) and all(fields)


@dataclass
class _FrontMatter:
    title: str | None = None
    lines_used: int = 0
    facts: dict[str, str] = field(default_factory=dict)  # header and page facts by their JSON field names


def _scalar(value: str) -> str:
    """A YAML scalar's string: a double-quoted one is JSON (what the Markdown writer writes)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            loaded = json.loads(value)
        except ValueError:
            return value[1:-1]
        return loaded if isinstance(loaded, str) else value
    return value.strip("'")


def _front_matter(text: str, out: _Out) -> tuple[str, _FrontMatter]:
    """YAML front matter (``---`` … ``---``) at the very top: ``title`` and the header and page facts
    under their JSON field names (what the Markdown writer writes) are read; other keys are recorded."""
    front = _FrontMatter()
    m = _FRONT_MATTER.match(text.lstrip("\ufeff"))
    if not m or not _front_fields(m.group(0)):
        return text, front
    for i, ln in enumerate(m.group("body").splitlines(), start=2):
        f = _FRONT_FIELD.match(ln)
        if f is None:
            continue
        key, value = f.group("key").lower(), _scalar(f.group("value"))
        if key == "title" and value and front.title is None:
            front.title = value
            continue
        if key in HEADER_KEYS + PAGE_KEYS and value and key not in front.facts:
            if key != "date" or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                front.facts[key] = value
                continue
        out.removed.append(Removed(ln.strip(), "front_matter", i))
    front.lines_used = m.group(0).count("\n")
    return text.lstrip("\ufeff")[m.end() :], front


@dataclass
class _Headings:
    """Which heading is the title, and the Markdown level of level-1 sections."""

    title: int | None = None  # index of the title's heading_open token
    kicker: int | None = None  # index of the paragraph_open of a 引题 printed over the title
    subtitle: int | None = None  # index of the heading_open of a 副题 printed as a heading under the title
    title_more: list[int] = field(default_factory=list)  # the headings that go on with the title (a page's)
    top: int = 2

    def level(self, md_level: int) -> int:
        return max(1, md_level - self.top + 1)


def _heading_plan(tokens: list[Token]) -> _Headings:
    plan = _Headings()
    opens = [(i, int(t.tag[1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    if not opens:
        return plan
    shallowest = min(level for _, level in opens)
    first_block = next((i for i, t in enumerate(tokens) if t.nesting >= 0 and t.level == 0), None)
    first, first_level = opens[0]
    over_title = first_block is not None and tokens[first_block].type == "paragraph_open" and first == first_block + 3
    if over_title and first_level == shallowest:
        plan.kicker = first_block  # one short paragraph over the title: its 引题
    if (first == first_block or over_title) and first_level == shallowest:
        plan.title = first
        rest = [lv for i, lv in opens if i != first]
        plan.top = min(rest) if rest else shallowest + 1
    else:
        plan.top = shallowest
    return plan


# ---------------------------------------------------------------------------------------------
# A web page saved as Markdown.

PAGE_EVIDENCE_MIN = 2  # kinds of page chrome that make a page dump: one alone is a draft's (a list of links)
PAGE_KINDS = ("logo", "menu", "breadcrumb", "byline", "footer")  # the kinds, in reading order
# the kinds printed over the headline, one of which a page dump shows: a byline and a footer line alone
# are a draft's too (an author may credit a source and sign a copyright notice)
HEAD_KINDS = frozenset({"logo", "menu", "breadcrumb"})
MENU_RUN_MIN = 3  # link-only items in a row over the headline: a site's menu (two may be a draft's pointers)
MENU_ITEM_MAX_LEN = 20  # characters of a menu entry's text (栏目 names are short; a headline is longer)
BYLINE_REACH = 4  # blocks under the headline a byline is printed within
LINK_SHARE = 0.6  # a line is a link when this share of its text is link text (what the HTML reader says)
_LABEL_STARS = re.compile(r"\*{2,3}(?=[^*\s]{1,12}?[:：]\*{2,3})|(?<=[:：])\*{2,3}")


def _unstarred(text: str) -> str:
    """A page's text without the ``**`` of a label's emphasis that CommonMark left unclosed
    (``**发布时间：**2024.08.14``: a closing run after a colon must be followed by a space or a mark)."""
    return _LABEL_STARS.sub("", text) if "**" in text else text


def _link_share(inline: Token) -> float:
    """The share of an inline's text (spaces not counted) that is link text."""
    inside = total = depth = 0
    for child in inline.children or []:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
        elif child.type in ("text", "code_inline"):
            n = sum(not c.isspace() for c in child.content)
            total += n
            inside += n if depth > 0 else 0
    return inside / total if total else 0.0


def _links(inline: Token) -> int:
    """How many links an inline holds."""
    return sum(1 for child in inline.children or [] if child.type == "link_open")


def _link_item(inline: Token) -> str | None:
    """What an inline that is one link and nothing else holds: ``image`` (a logo link), ``anchor`` (a link
    inside the text, ``#…``), or ``link``; None for any other inline."""
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    if len(children) < 2 or children[0].type != "link_open" or children[-1].type != "link_close":
        return None
    if any(c.type in ("link_open", "link_close") for c in children[1:-1]):
        return None
    if any(c.type == "image" for c in children):
        return "image"
    return "anchor" if str(children[0].attrs.get("href", "")).startswith("#") else "link"


def _page_headings(tokens: list[Token]) -> _Headings:
    """A page's headings: its first shallowest heading is the headline (the title), whatever chrome is
    printed over it; a heading right under it that is no numbered heading (一、…) is its 副题."""
    plan = _Headings()
    opens = [(i, int(t.tag[1])) for i, t in enumerate(tokens) if t.type == "heading_open"]
    if not opens:
        return plan
    shallowest = min(level for _, level in opens)
    plan.title = next(i for i, level in opens if level == shallowest)
    over = plan.title - 3  # the paragraph right over the headline: its 引题, unless it is the page's chrome
    if over >= 0 and tokens[over].type == "paragraph_open" and tokens[over].level == 0:
        inline = tokens[over + 1]
        text = " ".join(_inline_lines(inline, page=True))
        if _link_share(inline) < LINK_SHARE and is_title_like(text) and not breadcrumb(text) and "|" not in text:
            plan.kicker = over
    below = plan.title + 3
    while below < len(tokens) and tokens[below].type == "heading_open" and int(tokens[below].tag[1]) == shallowest:
        plan.title_more.append(below)  # a headline the page broke over two headings of its level
        below += 3
    if below < len(tokens) and tokens[below].type == "heading_open" and int(tokens[below].tag[1]) > shallowest:
        if heading_level(tokens[below + 1].content.strip()) is None:
            plan.subtitle = below
    rest = [lv for i, lv in opens if i not in (plan.title, plan.subtitle, *plan.title_more)]
    plan.top = min(rest) if rest else shallowest + 1
    return plan


def page_evidence(tokens: list[Token]) -> Extraction | None:
    """Whether the parsed text is a web page saved as Markdown: the kinds of page chrome it shows (a logo
    link, a menu, a breadcrumb above the headline; a byline under it; footer lines) as the candidates of an
    ``Extraction`` (method ``markdown_page``; ``lines``: how many lines show the kind), or None — fewer
    than ``PAGE_EVIDENCE_MIN`` kinds, or none printed over the headline: a draft someone wrote."""
    headline = _page_headings(tokens).title
    found: dict[str, int] = {}
    run = 0  # link-only items in a row over the headline
    blocks_below = 0
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i != headline:
            run = 0
        if tok.type != "paragraph_open":
            continue
        inline = tokens[i + 1]
        above = headline is None or i < headline
        below = headline is None or i > headline
        item = _link_item(inline)
        if above and item == "image":
            found["logo"] = found.get("logo", 0) + 1
        if above and item == "link" and len(inline.content) <= MENU_ITEM_MAX_LEN + 64:
            text = "".join(_inline_lines(inline, page=True))
            run = run + 1 if len(text) <= MENU_ITEM_MAX_LEN else 0
            if run >= MENU_RUN_MIN:
                found["menu"] = found.get("menu", 0) + (MENU_RUN_MIN if run == MENU_RUN_MIN else 1)
            continue
        run = 0
        if above and item is None and _links(inline) >= MENU_RUN_MIN and _link_share(inline) >= LINK_SHARE:
            found["menu"] = found.get("menu", 0) + 1  # the menu on one line: [首页](…) [政务公开](…) …
            continue
        if below:
            blocks_below += 1
        text = " ".join(_inline_lines(inline, page=True))
        if above and item is None and _link_share(inline) > 0 and breadcrumb(text):
            found["breadcrumb"] = found.get("breadcrumb", 0) + 1
        elif below and blocks_below <= BYLINE_REACH and byline(text):
            found["byline"] = found.get("byline", 0) + 1
        elif below and copyright_footer(text):
            found["footer"] = found.get("footer", 0) + 1
    if len(found) < PAGE_EVIDENCE_MIN or not HEAD_KINDS & found.keys():
        return None
    kinds = [kind for kind in PAGE_KINDS if kind in found]
    return Extraction(
        "markdown_page", round(len(kinds) / len(PAGE_KINDS), 2),
        [ExtractionCandidate(kind, found[kind], 0, 1.0) for kind in kinds],
    )


def _blocks(tokens: list[Token], out: _Out, headings: _Headings, offset: int, *, page: bool = False) -> None:
    """``page``: the text is a web page saved as Markdown (link hints, labels' stray ``**`` dropped)."""
    i = 0
    lists: list[list[int]] = []  # open lists: [next number] for ordered, [] for bullet lists
    item_prefix = ""
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] + 1 + offset) if tok.map else (out.lines[-1].number if out.lines else 1)
        kind = tok.type
        if kind == "heading_open":
            inline = tokens[i + 1]
            text = " ".join(_inline_lines(inline, page=page))
            md_level = int(tok.tag[1])
            if i == headings.title or i in headings.title_more:
                out.emit(line, text, {"title", f"md:h{md_level}"})
            elif i == headings.subtitle:
                out.emit(line, text, {"subtitle", f"md:h{md_level}"})
            else:
                out.emit(line, text, {f"heading:{headings.level(md_level)}", f"md:h{md_level}"})
            i += 3
            continue
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = tok.attrs.get("start", 1) if kind == "ordered_list_open" else None
            lists.append([int(start)] if start is not None else [])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            if lists and lists[-1]:
                item_prefix = f"{tok.info or lists[-1][0]}{tok.markup or '.'}"
                lists[-1][0] += 1
            else:
                item_prefix = ""
        elif kind == "paragraph_open" and page and not lists and (end := _spaced_table(tokens, i, out, line)):
            i = end  # a pipe table whose rows the page's dump set apart with blank lines
            continue
        elif kind == "paragraph_open":
            inline = tokens[i + 1]
            hints = {"md:li"} if lists else set()
            if headings.title is not None and i == headings.title + 3 and _emphasised(inline):
                hints.add("subtitle")  # *——副题* right under the title
            if i == headings.kicker:
                hints.add("kicker")
            if page and _link_share(inline) >= LINK_SHARE:
                hints.add("link")
            for n, text in enumerate(_inline_lines(inline, out.removed, line, page=page)):
                if n == 0 and item_prefix:
                    text, item_prefix = item_prefix + text, ""
                out.emit(line + n, text, hints, new_block=n == 0)
            i += 3
            continue
        elif kind == "table_open":
            head, end = _head_only(tokens, i) if page else (None, 0)
            if head is not None and (after := _spaced_table(tokens, end, out, line, head)):
                i = after  # the head row and delimiter read as a table, its rows as paragraphs under it
                continue
            i = _table(tokens, i, out, line)
            continue
        elif kind in ("fence", "code_block"):
            for n, code in enumerate(tok.content.splitlines()):
                if code.strip():
                    out.removed.append(Removed(code.strip(), "code_block", line + n + 1))
        elif kind == "html_block":
            rows = html_table(tok.content)
            if rows is not None:
                cells, header_rows = rows
                out.lines.append(table_line(line, cells, header_rows, hints=frozenset({"table"}), blank_before=True))
            elif tok.content.strip():
                out.removed.append(Removed(tok.content.strip(), "markup", line))
        i += 1


_PIPE_ROW = re.compile(r"^ {0,3}\|.*\|[ \t]*$")
_PIPE_DELIMITER = re.compile(r"^ {0,3}\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$")
_PIPE_CELL = re.compile(r"(?<!\\)\|")


def _spaced_table(
    tokens: list[Token], i: int, out: _Out, line: int, head: list[list[TableCell]] | None = None
) -> int:
    """A page's pipe table printed a row a paragraph (a dump that sets every block apart with a blank line,
    so that CommonMark reads no table, or only its head row and delimiter as a table without a body: then
    ``head`` holds that row): from the paragraph at ``i``, rows while the paragraphs are pipe rows, a
    delimiter row among them. Emits the table and returns the index after it; 0 when there is none (the
    rows before the delimiter are header rows; a row of empty cells is left out)."""
    rows: list[list[TableCell]] = list(head or [])
    header_rows = len(rows) if head is not None else -1
    j = i
    while j + 2 < len(tokens) and tokens[j].type == "paragraph_open" and tokens[j].level == 0:
        content = tokens[j + 1].content
        if "\n" in content or not _PIPE_ROW.match(content):
            break
        if _PIPE_DELIMITER.match(content):
            if header_rows >= 0:
                break
            header_rows = len(rows)
        else:
            cells = [c.strip() for c in _PIPE_CELL.split(content.strip()[1:-1])]
            rows.append([TableCell(c.replace("\\|", "|"), header=header_rows < 0) for c in cells])
        j += 3
    if header_rows < 0 or len(rows) < 2:
        return 0
    kept = [row for row in rows if any(c.text for c in row)]
    header_rows -= sum(1 for row in rows[:header_rows] if not any(c.text for c in row))
    for row in kept[header_rows:]:
        for cell in row:
            cell.header = False
    out.lines.append(table_line(line, kept, header_rows, hints=frozenset({"table"}), blank_before=True))
    return j


def _head_only(tokens: list[Token], i: int) -> tuple[list[list[TableCell]] | None, int]:
    """The head row of the table opening at ``i`` when it has no body (and the index after it), else None."""
    j = i
    cells: list[TableCell] = []
    while j < len(tokens) and tokens[j].type != "table_close":
        if tokens[j].type == "tbody_open":
            return None, 0
        if tokens[j].type == "th_open":
            cells.append(TableCell(tokens[j + 1].content.strip(), header=True))
        j += 1
    return [cells], j + 1


def _table(tokens: list[Token], i: int, out: _Out, line: int) -> int:
    rows: list[list[TableCell]] = []
    header_rows = 0
    in_head = False
    while i < len(tokens) and tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            rows.append([])
            if in_head:
                header_rows += 1
        elif tok.type in ("th_open", "td_open"):
            text = "\n".join(_inline_lines(tokens[i + 1], out.removed, line))
            rows[-1].append(TableCell(text, header=in_head))
            i += 2
        i += 1
    if any(c.text for row in rows for c in row):
        out.lines.append(table_line(line, rows, header_rows, hints=frozenset({"table"}), blank_before=True))
    return i + 1


_TABLE_BLOCK = re.compile(r"^\s*<table[\s>].*</table>\s*$", re.IGNORECASE | re.DOTALL)


def html_table(block: str) -> tuple[list[list[TableCell]], int] | None:
    """An HTML block that is one ``<table>`` (how the Markdown writer prints a table with merged cells):
    its rows of cells, merged cells once with their spans, and how many rows its ``<thead>`` holds; None
    for any other HTML, or a table without text."""
    if not _TABLE_BLOCK.match(block):
        return None
    from lxml import etree, html

    try:
        table = html.fragment_fromstring(block.strip())
    except (etree.ParserError, ValueError):
        return None
    if not isinstance(table.tag, str) or table.tag.lower() != "table":
        return None
    rows: list[list[TableCell]] = []
    header_rows = 0
    for tr in table.iter("tr"):
        head = any(isinstance(a.tag, str) and a.tag.lower() == "thead" for a in tr.iterancestors())
        header_rows += head and len(rows) == header_rows
        rows.append([
            TableCell(_cell_text(td), _span(td, "colspan"), _span(td, "rowspan"), header=head)
            for td in tr if isinstance(td.tag, str) and td.tag.lower() in ("td", "th")
        ])
    if not any(c.text for row in rows for c in row):
        return None
    return rows, header_rows


def _cell_text(cell: Any) -> str:
    """A cell's text, a ``<br>`` as a line break."""
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return "\n".join(line.strip() for line in cell.text_content().split("\n")).strip()


def _span(cell: Any, name: str) -> int:
    value = str(cell.get(name) or "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1


def _inline_lines(
    inline: Token, removed: list[Removed] | None = None, line: int | None = None, *, page: bool = False
) -> list[str]:
    """The text of an inline token as printed lines: emphasis, code and link text kept; a soft break
    joins a wrapped sentence and starts a new line otherwise; a hard break always starts one.
    ``page``: a web page's text, whose labels' unclosed ``**`` are not printed."""
    lines = [""]
    join = False  # the next text continues a wrapped sentence
    for child in inline.children or []:
        kind = child.type
        if kind in ("text", "code_inline"):
            content = _unstarred(child.content) if page and kind == "text" else child.content
            lines[-1] = _glue(lines[-1], content) if join else lines[-1] + content
            join = False
        elif kind == "hardbreak":
            lines.append("")
        elif kind == "softbreak":
            join = _wraps(lines[-1])
            if not join:
                lines.append("")
        elif kind == "html_inline":
            if re.fullmatch(r"<br\s*/?>", child.content.strip(), re.IGNORECASE):
                lines.append("")
            elif removed is not None:
                removed.append(Removed(child.content, "markup", line))
        elif kind == "image":
            if removed is not None:
                removed.append(Removed(child.content or str(child.attrs.get("src", "")), "image", line))
    return [ln.strip() for ln in lines]


def _emphasised(inline: Token) -> bool:
    """A paragraph that is one emphasis (``*…*`` or ``**…**``) from end to end."""
    children = inline.children or []
    return (
        len(children) >= 3
        and children[0].type in ("em_open", "strong_open")
        and children[-1].type == children[0].type.replace("_open", "_close")
        and not any(c.type == children[0].type for c in children[1:-1])
    )


def _wraps(text: str) -> bool:
    """A line that only wraps a sentence: long prose that does not end a sentence."""
    s = text.rstrip()
    return bool(s) and s[-1] not in _JOIN_AFTER and is_prose(s)


def _glue(left: str, right: str) -> str:
    """Join two pieces of one sentence: a space between Latin letters or digits, nothing between CJK."""
    left, right = left.rstrip(), right.lstrip()
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return f"{left} {right}"
    return left + right


__all__ = ["FORMAT", "SUFFIXES", "has_front_matter", "html_table", "page_evidence", "read", "sniff"]

"""HTML reader: a page → visible text lines in reading order, with the main content found by scoring.

lxml parses the page safely (no network, no entities, no huge trees). Block elements and ``<br>``
end lines; script/style/hidden elements are not text. Each line remembers the block element it came
from, so the page's main-content container can be scored (Chinese text and punctuation count, link
text counts against); lines outside it are marked ``outside_main_content`` (or a more specific
chrome reason), never dropped. Facts from ``<title>`` and CMS ``<meta>`` tags go to metadata.
"""

from __future__ import annotations

import html as html_entities
import re
from collections import defaultdict
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from ..errors import NoTextError
from ..lines import Line, PassState, text_to_lines
from ..normalize.dates import find_dates
from ..patterns import cjk_count

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
SKIP_TAGS = frozenset("script style noscript template svg iframe object embed head input button textarea".split())
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CHROME_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|menu|footer|foot|header|topbar|breadcrumb|crumb|share|sidebar|side|related|recommend|"
    r"comment|copyright|banner|login|search|toolbar|tool|ad|ads|hot|rank|friend|link|links)(?:$|[\s_\d-])",
    re.IGNORECASE,
)
_TITLE_SEPARATORS = re.compile(r"\s*(?:[_|｜\-—–]+|\s{2,})\s*")
MAX_DEPTH = 400
MAX_NODES = 500_000


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)


def sniff(text: str) -> bool:
    """HTML by content: starts with a tag, or the first 4 KB is dense with known HTML tags."""
    head = _COMMENT.sub("", text[:65536])[:4096].lstrip("\ufeff \t\r\n")
    if not head.startswith("<"):
        return len(_KNOWN_TAG.findall(head)) >= 12
    return len(_KNOWN_TAG.findall(head)) >= 2


@dataclass
class _Block:
    """One line of visible text and the element it was collected under."""

    text: str
    element: etree._Element
    link_chars: int = 0
    hints: set[str] = field(default_factory=set)


class _Collector:
    """Walks the tree once, cutting text into lines at block boundaries and <br>."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self._parts: list[str] = []
        self._link_chars = 0
        self._owner: etree._Element | None = None
        self._hints: set[str] = set()

    def add(self, text: str | None, owner: etree._Element, *, in_link: bool, hints: set[str]) -> None:
        if not text:
            return
        if self._owner is None or not text.isspace():
            self._owner = owner if self._owner is None else self._owner
        self._parts.append(text)
        if in_link:
            self._link_chars += len(text.strip())
        self._hints |= hints

    def flush(self) -> None:
        text = "".join(self._parts)
        text = re.sub(r"[ \t\r\n\f\v]+", " ", text).strip()
        if text and self._owner is not None:
            self.blocks.append(_Block(text, self._owner, self._link_chars, self._hints))
        self._parts, self._link_chars, self._owner, self._hints = [], 0, None, set()


def _hidden(el: etree._Element) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN_STYLE.search(el.get("style") or ""))


def _collect(root: etree._Element) -> list[_Block]:
    out = _Collector()
    stack: list[tuple[etree._Element, bool]] = []  # (block owner, in link)
    skip_depth = 0
    nodes = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            nodes += 1
            if skip_depth or tag in SKIP_TAGS or not tag or _hidden(el) or len(stack) > MAX_DEPTH or nodes > MAX_NODES:
                skip_depth += 1
                continue
            owner = stack[-1][0] if stack else el
            in_link = bool(stack and stack[-1][1]) or tag == "a"
            if tag in BLOCK_TAGS:
                out.flush()
                owner = el
            stack.append((owner, in_link))
            hints = {tag} if tag in HEADING_TAGS or tag in ("title", "li", "td", "th", "option") else set()
            out.add(el.text, owner, in_link=in_link, hints=hints)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0:
                    _add_tail(out, el, stack)
                continue
            stack.pop()
            if tag in BLOCK_TAGS:
                out.flush()
            _add_tail(out, el, stack)
    out.flush()
    return out.blocks


def _add_tail(out: _Collector, el: etree._Element, stack: list[tuple[etree._Element, bool]]) -> None:
    if el.tail and stack:
        owner, in_link = stack[-1]
        out.add(el.tail, owner, in_link=in_link, hints=set())


def _weight(text: str) -> float:
    """How much a line looks like running Chinese text: characters plus punctuation bonus."""
    cjk = cjk_count(text)
    punct = sum(text.count(c) for c in "，。；：、！？,.")
    return cjk + 8 * punct if cjk >= 8 else 0.0


def _main_container(blocks: list[_Block]) -> etree._Element | None:
    """The element whose descendants hold most of the page's prose, with little link text.

    Readability-style: every prose line gives its weight to its owner and, decaying, to the owner's
    ancestors; the best-scoring element wins, then we climb while a parent adds substantial prose
    (a document split across sibling containers)."""
    score: dict[etree._Element, float] = defaultdict(float)
    links: dict[etree._Element, float] = defaultdict(float)
    total: dict[etree._Element, float] = defaultdict(float)
    prose: dict[etree._Element, int] = defaultdict(int)  # characters of prose lines inside each element
    for b in blocks:
        w = _weight(b.text)
        link_share = b.link_chars / max(1, len(b.text))
        el = b.element
        decay = 1.0
        depth = 0
        while el is not None:
            if w >= 30:
                prose[el] += len(b.text)
            if depth < 40:
                total[el] += len(b.text)
                links[el] += b.link_chars
                if w and link_share < 0.5:
                    score[el] += w * decay
                decay *= 0.5 if depth >= 1 else 1.0
            el = el.getparent()
            depth += 1
    if not score:
        return None

    def adjusted(el: etree._Element) -> float:
        density = links[el] / max(1.0, total[el])
        return score[el] * (1 - min(0.9, density))

    best = max(score, key=adjusted)
    prose_in = prose[best]
    parent = best.getparent()
    while parent is not None:
        gained = prose[parent]
        if gained > prose_in * 1.15 and links[parent] / max(1.0, total[parent]) < 0.35:
            best, prose_in = parent, gained
            parent = best.getparent()
        else:
            break
    return best


def _inside(el: etree._Element | None, container: etree._Element) -> bool:
    while el is not None:
        if el is container:
            return True
        el = el.getparent()
    return False


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


def _first(meta: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((meta[k] for k in keys if meta.get(k)), None)


def _title_from_tag(title: str, site: str | None) -> str:
    """The article title inside <title>: the longest part once site names and separators are cut."""
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p and p != site]
    return max(parts, key=cjk_count) if parts else title


_XML_DECLARATION = re.compile(r"<\?xml[^>]{0,200}\?>")
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]{0,500}(?:\[[^\]]{0,20000}\])?\s*>", re.IGNORECASE)


def _strip_prolog(text: str) -> str:
    """Drop an XML declaration (the text is decoded already, its encoding would only confuse the
    parser) and a DOCTYPE with any internal subset (entity declarations are never expanded)."""
    head = text[:24576]
    head = _XML_DECLARATION.sub("", head, count=1)
    head = _DOCTYPE.sub("", head, count=1)
    return head + text[24576:]


def read(text: str, *, name: str = "<html>") -> PassState:
    parser = lxml_html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, recover=True, collect_ids=False
    )
    # the page as one document even when a stray </html> sits mid-page
    cleaned = re.sub(r"</\s*(?:html|body)\s*>", "", text, flags=re.IGNORECASE)
    # the text is decoded already: an XML declaration's encoding would only confuse the parser
    cleaned = _strip_prolog(cleaned)
    try:
        root = lxml_html.document_fromstring(cleaned, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise NoTextError(
            f"the HTML could not be parsed ({e})", source=name, hint="check that it is an HTML page"
        ) from e
    meta = _meta(root)
    title_el = root.find(".//title")
    page_title = re.sub(r"\s+", " ", title_el.text_content()).strip() if title_el is not None else ""
    blocks = _collect(root.find("body") if root.find("body") is not None else root)
    if not blocks:
        return _as_plain_text(cleaned, name)
    main = _main_container(blocks)

    state = PassState(lines=[])
    md = state.metadata
    md.site = _first(meta, _META_SITE)
    md.title = page_title or None
    url = _first(meta, _META_URL)
    if url and url.startswith("http"):
        md.url = url
    date_meta = _first(meta, _META_DATE)
    if date_meta:
        dates = find_dates(date_meta.replace("T", " "))
        if dates:
            state.page_date = dates[0].iso
    source_meta = _first(meta, _META_SOURCE)
    if source_meta and cjk_count(source_meta) and len(source_meta) <= 30:
        state.meta_origin = source_meta
    meta_title = _first(meta, _META_TITLE)
    state.title_hint = meta_title or (_title_from_tag(page_title, md.site) if page_title else None)
    state.title_candidates = [p for p in _TITLE_SEPARATORS.split(page_title) if cjk_count(p) >= 4]

    owners: dict[etree._Element, int] = {}
    for number, b in enumerate(blocks, start=1):
        hints = set(b.hints)
        if main is not None and not _inside(b.element, main):
            hints.add("outside")
        if b.link_chars >= 0.6 * len(b.text):
            hints.add("link")
        if _chrome_ancestor(b.element, main):
            hints.add("chrome-class")
        owner = owners.setdefault(b.element, len(owners))
        state.lines.append(Line(number, b.text, frozenset(hints), owner=owner))
    return state


_TAG = re.compile(r"<(script|style|noscript|template|head)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>",
                  re.IGNORECASE | re.DOTALL)


def _as_plain_text(text: str, name: str) -> PassState:
    """A page the parser could not read into a tree (nested past libxml2's depth limit, say): its text
    with the tags stripped, one line per line, and a warning."""
    plain = _TAG.sub("\n", text)
    plain = html_entities.unescape(plain)
    state = PassState(lines=text_to_lines(plain))
    if not state.lines:
        raise NoTextError("the page holds no visible text", source=name, hint="is the content loaded by JavaScript?")
    state.warnings.append("the HTML could not be read as a tree (too deeply nested or broken); its tags were stripped")
    return state


def _chrome_ancestor(el: etree._Element | None, stop: etree._Element | None) -> bool:
    depth = 0
    while el is not None and el is not stop and depth < 12:
        cls = f"{el.get('class') or ''} {el.get('id') or ''}"
        if cls.strip() and _CHROME_CLASS.search(cls):
            return True
        el = el.getparent()
        depth += 1
    return False

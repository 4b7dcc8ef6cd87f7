"""A linear scan of HTML markup that needs no tree: what the page prints, and where its markup starts.

Used where the DOM cannot be trusted: as the reader's fallback for a page no parser can read into a
tree, by the nothing-lost audit as an extraction independent of the reader, and by the format sniffer
(which must see past comments and DOCTYPEs of any length). Every step moves forward with ``str.find``,
so a page of unclosed tags costs one pass, never a rescan.
"""

from __future__ import annotations

import html as html_entities
import re

# elements whose content is not printed text
RAW_TEXT = ("script", "style", "noscript", "template", "textarea", "title")
NOT_PRINTED = ("script", "style", "noscript", "template", "head")
# elements that end a line of text
_LINE_BREAKING = re.compile(
    r"(?:p|div|br|li|tr|td|th|h[1-6]|table|ul|ol|dl|dt|dd|section|article|header|footer|nav|aside|blockquote|pre|"
    r"center|form|hr|title|option|select|caption|figcaption|figure|main|address)$"
)
_TAG_NAME = re.compile(r"/?\s*([A-Za-z][A-Za-z0-9:-]*)")
_PROLOG_SPACE = re.compile("[\ufeff \t\r\n\f\v\u00a0]+")


def skip_prolog(text: str, limit: int = 1 << 20) -> int:
    """The offset of the first character after any BOM, whitespace, comments, XML declaration,
    processing instructions and DOCTYPE (with its internal subset) at the start of ``text`` — looked
    for within the first ``limit`` characters, each skipped in one step (a run of whitespace in one
    match, so that megabytes of it before the markup are skipped whole)."""
    pos, n = 0, min(len(text), limit)
    while pos < n:
        space = _PROLOG_SPACE.match(text, pos)
        if space:
            pos = space.end()
            continue
        if text.startswith("<!--", pos):
            end = text.find("-->", pos + 4)
            if end < 0:
                return n
            pos = end + 3
        elif text.startswith("<?", pos):
            end = text.find(">", pos)
            if end < 0:
                return n
            pos = end + 1
        elif text[pos : pos + 9].upper() == "<!DOCTYPE":
            bracket, close = text.find("[", pos), text.find(">", pos)
            if 0 <= bracket < close:  # an internal subset: ends at "]>"
                end = text.find("]", bracket)
                close = text.find(">", end) if end >= 0 else -1
            if close < 0:
                return n
            pos = close + 1
        else:
            return pos
    space = _PROLOG_SPACE.match(text, pos)  # the limit reached: never stop on the whitespace after a comment
    return space.end() if space else pos


def visible_text(markup: str) -> str:
    """The text a page prints, one line per block element: tags, comments and the content of script,
    style, head and the like dropped, entities decoded. Linear in the length of ``markup``."""
    lower = markup.lower()
    out: list[str] = []
    pos, n = 0, len(markup)
    while pos < n:
        lt = markup.find("<", pos)
        if lt < 0:
            out.append(markup[pos:])
            break
        out.append(markup[pos:lt])
        if markup.startswith("<!--", lt):
            end = markup.find("-->", lt + 4)
            pos = n if end < 0 else end + 3
            continue
        gt = markup.find(">", lt + 1)
        if gt < 0:
            break  # an unclosed tag runs to the end of the page: nothing after it is printed
        m = _TAG_NAME.match(markup, lt + 1, gt)
        name = m.group(1).lower() if m else ""
        closing = markup[lt + 1 : gt].lstrip().startswith("/")
        pos = gt + 1
        if not name:
            continue
        if not closing and name in NOT_PRINTED + RAW_TEXT:
            end = lower.find(f"</{name}", pos)
            if name == "head":
                # a head may close implicitly: it ends at </head> or at <body>, whichever comes first
                body = lower.find("<body", pos)
                end = body if 0 <= body and (end < 0 or body < end) else end
                if end < 0:
                    continue  # no end of the head at all: read on as text
            if end < 0:
                break
            if name in RAW_TEXT and name not in NOT_PRINTED and name != "title":
                out.append("\n" + markup[pos:end] + "\n")  # a <textarea> prints its content
            pos = end
            continue
        if _LINE_BREAKING.match(name):
            out.append("\n")
    return html_entities.unescape("".join(out))


__all__ = ["skip_prolog", "visible_text"]

"""What a page's own style sheets hide: the elements a ``<style>`` rule sets to ``display:none`` or
``visibility:hidden`` by a simple selector (``.hidden``, ``#print-copy``, ``div.visible-xs``).

A page may print its article twice — a copy for phones shown only on narrow screens, a copy for the printer
— and hide one of them with a class rule instead of an inline style. The reader reads the page as a
desktop browser shows it: a rule at the top level applies, and so does one inside ``@media`` when the
query asks only for a wide screen (``min-width``) or for the screen; one for narrow screens (``max-width``),
for print or for other media does not. Compound selectors (descendants, children, pseudo-classes,
attributes) are left alone: what they hide depends on more than one element, and a miss costs less than
hiding text a browser shows. The elements found get ``display:none`` in their ``style`` attribute, so the
reader's one test of hidden elements names them (reason ``hidden`` in ``removed``).
"""

from __future__ import annotations

import re

from lxml import etree

# a rule hides when one of its declarations says so
_HIDES = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)",
                    re.IGNORECASE)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# one simple selector: an optional tag, then classes and at most one id (no combinator, no pseudo-class)
_SIMPLE = re.compile(r"^(?P<tag>[a-zA-Z][a-zA-Z0-9]*)?(?P<rest>(?:[.#][-_a-zA-Z0-9]+)+)$")
_PART = re.compile(r"([.#])([-_a-zA-Z0-9]+)")
# a media query a desktop browser's screen matches: no max-width, no print, nothing but screen and min-width
_DESKTOP_QUERY = re.compile(r"^\s*(?:(?:only\s+)?screen|all)?(?:\s*(?:and\s*)?\(\s*min-width\s*:[^)]*\))*\s*$",
                            re.IGNORECASE)
MAX_RULES = 2000  # a style sheet longer than this is a framework's: only its first rules are read
MAX_HIDDEN_SELECTORS = 200  # the selectors looked up in the page (each is one XPath search)


def hiding_selectors(css: str) -> list[str]:
    """The simple selectors of ``css`` whose rules hide, as a desktop browser applies them, in order."""
    css = _COMMENT.sub("", css)
    found: list[str] = []
    for block, applies in _blocks(css):
        if not applies:
            continue
        for n, rule in enumerate(block.split("}")):
            if n >= MAX_RULES:
                break
            selectors, _, declarations = rule.partition("{")
            if not declarations or not _HIDES.search(declarations.strip()):
                continue
            for selector in selectors.split(","):
                s = selector.strip()
                if _SIMPLE.match(s) and s not in found:
                    found.append(s)
    return found[:MAX_HIDDEN_SELECTORS]


def _blocks(css: str) -> list[tuple[str, bool]]:
    """The style sheet cut into the rules at its top level and the rules of each ``@media`` block, each with
    whether a desktop screen applies them (other at-rules are dropped)."""
    out: list[tuple[str, bool]] = []
    i, top = 0, []
    while i < len(css):
        at = css.find("@", i)
        if at < 0:
            top.append(css[i:])
            break
        top.append(css[i:at])
        brace = css.find("{", at)
        semi = css.find(";", at)
        if brace < 0 or (0 <= semi < brace):  # @import …; @charset …;
            i = semi + 1 if semi >= 0 else len(css)
            continue
        end, depth = brace + 1, 1
        while end < len(css) and depth:
            depth += {"{": 1, "}": -1}.get(css[end], 0)
            end += 1
        head = css[at + 1 : brace].strip()
        if head.lower().startswith("media"):
            out.append((css[brace + 1 : end - 1], bool(_DESKTOP_QUERY.match(head[5:]))))
        i = end
    out.insert(0, ("".join(top), True))
    return out


def _xpath(selector: str) -> str:
    m = _SIMPLE.match(selector)
    assert m is not None
    tests = []
    for mark, name in _PART.findall(m.group("rest")):
        if mark == ".":
            tests.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')")
        else:
            tests.append(f"@id='{name}'")
    return f"//{(m.group('tag') or '*').lower()}[{' and '.join(tests)}]"


def hide_styled(root: etree._Element) -> int:
    """Give ``display:none`` to the elements the page's ``<style>`` rules hide; how many were found."""
    css = "\n".join(el.text or "" for el in root.iter("style"))
    if "none" not in css and "hidden" not in css:
        return 0  # (most pages: no rule hides anything)
    hidden = 0
    for selector in hiding_selectors(css):
        found = root.xpath(_xpath(selector))
        for el in found if isinstance(found, list) else ():
            if isinstance(el, etree._Element) and el.tag not in ("html", "body"):
                style = el.get("style", "")
                el.set("style", f"{style};display:none" if style else "display:none")
                hidden += 1
    return hidden

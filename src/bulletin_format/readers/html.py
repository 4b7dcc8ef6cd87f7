"""HTML reader (first version: sniffing only; the DOM reader comes next)."""

from __future__ import annotations

import re

from ..lines import PassState, text_to_lines

FORMAT = "html"
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|\?xml)", re.IGNORECASE | re.DOTALL)


def sniff(text: str) -> bool:
    head = text[:2048].lstrip("\ufeff")
    return bool(_HTML_START.match(head))


def read(text: str, *, name: str = "<html>") -> PassState:
    import lxml.html

    root = lxml.html.fromstring(text)
    return PassState(lines=text_to_lines(root.text_content()))

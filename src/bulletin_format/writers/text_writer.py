"""Plain-text writer (``--to txt``): the clean text, one paragraph a line, for search indexes and
language-model pipelines.

The page facts come first as a short front block (``---`` … ``---``, the JSON field names); then the
引题, title, 副题 and byline, a blank line, the text (headings with their numbers as printed, a table one row a
line), 附件说明, 落款, 附注, the attachments, and the 版记 lines. Blank lines separate articles,
attachments and the 版记. Nothing from ``removed`` is printed.
"""

from __future__ import annotations

from ..model import Document, table_text
from .outline import front_block, parts

TITLE_BLOCK = ("kicker", "title", "subtitle", "byline")


def write(doc: Document) -> str:
    lines: list[str] = []
    front = front_block(doc)
    if front:
        lines += [front.rstrip("\n"), ""]
    title_open = False
    for part in parts(doc):
        if part.kind == "break":
            if lines and lines[-1]:
                lines.append("")
            continue
        if title_open and part.kind not in TITLE_BLOCK:
            lines.append("")  # the title block stands apart from the text
        title_open = part.kind in TITLE_BLOCK
        text = table_text(part.rows) if part.kind == "table" else part.text.strip()
        if text:
            lines.append(text)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + "\n" if lines else ""

"""One generic walk over every text field of a Document (like pandoc's ``walk``).

Every pass that touches text — normalisation, OpenCC conversion, mapping a Simplified shadow back to
the input's script, the nothing-lost audit — goes through ``walk`` or ``texts``, so a new field is
added here, once, with its role:

* ``title``  — titles, headings, organ names, names (签发人, the byline), 目录 entries (normalised with the
  title profile, which keeps a gap between two names as one U+3000)
* ``body``   — paragraphs, table cells, 主送机关, distribution text, page facts such as 来源
* ``date``   — a date as printed (``date_text``)
* ``label``  — a structural label as printed (附件1, 抄送)
* ``printed`` — document text kept exactly as printed, next to a normalised copy (the 发文字号 as printed)
* ``meta``   — page facts from the page's tags, not its visible text (the ``<title>``, the site name)
* ``url``    — a URL (never converted)
* ``removed`` — the text of something removed (kept as it was in the input)

ISO dates, counts, the source description and warnings are not text of the document and are not walked.
A table block's ``text`` is derived from its cells: the walk visits the cells and derives it again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Literal

from .model import Block, Document, is_table_text, table_text

Role = Literal["title", "body", "date", "label", "printed", "meta", "url", "removed"]
TextFn = Callable[[str, Role], str]

ALL_ROLES: frozenset[Role] = frozenset(("title", "body", "date", "label", "printed", "meta", "url", "removed"))
NORMALIZED_ROLES: frozenset[Role] = frozenset(("title", "body", "date"))  # what normalisation may change

_HEADER: tuple[tuple[str, Role], ...] = (
    ("issuer", "title"), ("bulletin", "title"), ("issue", "body"), ("date_text", "date"),
    ("doc_number", "body"), ("doc_number_text", "printed"), ("signer", "title"), ("copy_number", "body"),
    ("secrecy", "body"), ("urgency", "body"),
)
_METADATA: tuple[tuple[str, Role], ...] = (
    ("url", "url"), ("site", "meta"), ("title", "meta"), ("origin", "body"), ("author", "body"), ("editor", "body"),
)


def walk(doc: Document, fn: TextFn, roles: frozenset[Role] = ALL_ROLES) -> None:
    """Replace every text field of ``doc`` whose role is in ``roles`` by ``fn(text, role)``, in place.

    Fields that are None or empty are left alone; ``fn`` sees each string once."""

    def one(text: str | None, role: Role) -> str | None:
        return fn(text, role) if text and role in roles else text

    def many(items: list[str], role: Role) -> list[str]:
        return [fn(t, role) if t else t for t in items] if role in roles else items

    h = doc.header
    for name, role in _HEADER:
        setattr(h, name, one(getattr(h, name), role))
    doc.toc = many(doc.toc, "title")
    for art in doc.articles:
        art.title, art.subtitle = one(art.title, "title"), one(art.subtitle, "title")
        art.kicker, art.byline = one(art.kicker, "title"), one(art.byline, "title")
        art.title_lines = many(art.title_lines, "title")
        art.addressee = one(art.addressee, "body")
        art.notes = many(art.notes, "body")
        _walk_blocks(art.blocks, one)
        for sig in art.signatures:
            sig.organ, sig.date_text = one(sig.organ, "title"), one(sig.date_text, "date")
        for att in art.attachments:
            att.label = one(att.label, "label") or att.label
            att.title = one(att.title, "title")
            _walk_blocks(att.blocks, one)
    for dist in doc.distribution:
        dist.label = one(dist.label, "label") or dist.label
        dist.text = one(dist.text, "body") or dist.text
        dist.recipients = many(dist.recipients, "body")
    md = doc.metadata
    for name, role in _METADATA:
        setattr(md, name, one(getattr(md, name), role))
    for item in doc.removed:
        item.text = one(item.text, "removed") or item.text


def _walk_blocks(blocks: list[Block], one: Callable[[str | None, Role], str | None]) -> None:
    for block in blocks:
        if block.rows is not None:
            changed = False
            for row in block.rows:
                for cell in row:
                    text = one(cell.text, "body") or cell.text
                    if text != cell.text:
                        changed = True
                        cell.text = text
            # the text made again only when it changed: a big table's text is held once (the caches of
            # the document hold the old one), and made without the old one alive next to it
            if changed or not is_table_text(block.text, block.rows):
                block.text = ""
                block.text = table_text(block.rows)
        else:
            block.text = one(block.text, "title" if block.type == "heading" else "body") or block.text


def texts(doc: Document, roles: frozenset[Role] = ALL_ROLES) -> Iterator[tuple[str, Role]]:
    """Every text field of ``doc`` whose role is in ``roles``, in document order (read only)."""
    found: list[tuple[str, Role]] = []

    def collect(text: str, role: Role) -> str:
        found.append((text, role))
        return text

    walk(doc, collect, roles)
    return iter(found)


__all__ = ["ALL_ROLES", "NORMALIZED_ROLES", "Role", "TextFn", "texts", "walk"]

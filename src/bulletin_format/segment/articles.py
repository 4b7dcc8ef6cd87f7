"""Articles: title blocks (titles wrapped over lines, subtitles), headings by level, paragraphs.

A bulletin issue holds several articles, each opened by a title block; a document, speech or news
page holds one, whose later title-like lines are unnumbered subheadings.
"""

from __future__ import annotations

from ..lines import Line
from ..model import Article, Block
from ..normalize.dates import is_date_only
from ..patterns import heading_level, is_doc_number, is_prose, is_subtitle, is_title_like

_NO_HEADING_END = "。！？；!?;…：:，,"


def block_for(line: Line) -> Block:
    if line.table is not None:
        return Block.table(line.table, line.header_rows, line.number)
    s = line.stripped
    level = heading_level(s)
    if level is not None and s[-1] not in _NO_HEADING_END and len(s) <= 80:
        return Block("heading", s, level, line.number)
    return Block("paragraph", s, None, line.number)


def is_title_line(line: Line) -> bool:
    s = line.stripped
    return line.table is None and (
        (is_title_like(s) or is_subtitle(s))
        and heading_level(s) is None
        and not is_doc_number(s)
        and not is_date_only(s)
    )


def title_block_at(lines: list[Line], i: int, *, max_lines: int = 4) -> int:
    """How many lines from ``i`` form a title block (0 if none): title-like lines followed by text.

    A block ends after its 副题; a reader that found the title (HTML) marks its lines "title" and
    a 副题 under it "subtitle", and then the block is exactly those lines."""
    if "title" in lines[i].hints:
        n = 1
        while i + n < len(lines) and "title" in lines[i + n].hints:
            n += 1
        if i + n < len(lines) and "subtitle" in lines[i + n].hints:
            n += 1
        return n
    n = 0
    while i + n < len(lines) and n < max_lines and is_title_line(lines[i + n]):
        if n and lines[i + n].number - lines[i + n - 1].number > 3 and not is_subtitle(lines[i + n].stripped):
            break  # far apart in the input: not one wrapped title
        n += 1
        if n > 1 and is_subtitle(lines[i + n - 1].stripped):
            break  # nothing after a 副题 belongs to the title
    if n == 0 or i + n >= len(lines):
        return 0
    if n == max_lines and is_title_line(lines[i + n]):
        return 0  # a run of short lines (a list), not a title
    return n


def make_article(title_lines: list[Line]) -> Article:
    art = Article()
    subtitles = []
    for ln in title_lines:
        s = ln.stripped
        if ("subtitle" in ln.hints or is_subtitle(s)) and art.title_lines:
            subtitles.append(s)
        else:
            art.title_lines.append(s)
    art.title = "".join(art.title_lines) or None
    art.subtitle = "".join(subtitles) or None
    return art


def split_articles(lines: list[Line], *, many: bool) -> list[Article]:
    """Group body lines into articles (``many``: a bulletin with several titled articles)."""
    articles: list[Article] = []
    current: Article | None = None
    i = 0
    while i < len(lines):
        n = title_block_at(lines, i)
        if n and (many or current is None):
            current = make_article(lines[i : i + n])
            articles.append(current)
            i += n
            continue
        if current is None:
            current = Article()
            articles.append(current)
        ln = lines[i]
        block = block_for(ln)
        if not many and block.type == "paragraph" and is_title_line(ln) and not is_prose(ln.stripped):
            block = Block("heading", ln.stripped, None, ln.number)
        current.blocks.append(block)
        i += 1
    return articles

"""Segmentation pass: kept lines → Document (header, 目录, articles, distribution, metadata).

Sub-passes, in order: bulletin header (``header``), table of contents (``toc``), distribution block
(``distribution``) at the end, then articles (``articles``), then document-level facts (kind, date).
"""

from __future__ import annotations

import re

from .. import memo
from ..lines import Line, PassState
from ..model import Document, DocumentKind
from ..normalize.dates import DateMatch, find_dates, is_date_only, single_dates
from ..patterns import ARTICLE_CLAUSE, DOCUMENT_TYPE_END, SALUTATION, canon, is_prose, is_subtitle, is_title_like
from . import official
from .articles import byline_at, kicker_at, make_article, split_articles, text_pitch, title_block_at
from .distribution import parse_distribution
from .header import parse_header
from .toc import parse_toc

_BULLETIN_LABELS = {"报", "送", "发"}
# a step of a law's history its 题注 records after a date: adopted, approved (a local regulation by the
# province), amended, promulgated — not 施行, the day it takes effect. The words between the date and its
# step (the meeting, a 决定's name) hold no date in digits, so a step is never borrowed from the next date;
# 100 characters: "第十二届全国人民代表大会常务委员会第十四次会议《关于修改〈…〉等六部法律的决定》第一次修正"
_HISTORY_STEP = re.compile(r"[^。；\d]{0,100}?(?:通过|批准|修正|修订|公布|颁布)")


def _last_history_date(text: str, dates: list[DateMatch]) -> DateMatch | None:
    """Of ``dates`` (found in ``text``), the date of the last step a 题注 records (通过, then 批准 or 修正…):
    the text as printed dates from it. None when no date is followed by such a step."""
    steps = [d for d in dates if _HISTORY_STEP.match(text, d.end)]
    return steps[-1] if steps else None


_SPEECH_TITLE = re.compile(r"(?:讲话|致辞|发言|报告|演讲)(?:稿|全文)?$")
_SPEECH_SUBTITLE = re.compile(r"在.{2,60}(?:上|时)的?(?:讲话|报告|发言|致辞)?")
# how far into a block of the lead the date it was adopted on is looked for: the note under a law's title
# that says so ("（2020年1月1日……会议通过 根据……修正）") opens its block and runs to a few hundred
# characters when it lists amendments; a table among the first blocks is read to the end of the row holding
# this character, not to its last row (a 50,000-row table's every date was found, and kept in the
# per-document cache: three times the size of the input)
ADOPTED_DATE_CHARS = 1000


def _title_echoes_removed(state: PassState, body: list[Line]) -> tuple[list[Line], str | None]:
    """The body of a one-article document without the copies of its title printed between the title
    and the text, and the 副题 of the title block or found there."""
    pitch = text_pitch(body)
    k = kicker_at(body, 0, pitch=pitch) if body else 0  # the 引题 over the title is not part of it
    n_title = title_block_at(body, k, pitch=pitch) if body else 0
    if not n_title:
        return body, None
    title = make_article(body[k : k + n_title])
    if not title.title:
        return body, title.subtitle
    echoes = {canon(t) for t in (title.subtitle, title.byline, f"{title.subtitle}{title.byline}") if t}
    end = k + n_title
    remaining, subtitle = _absorb_title_echoes(state, body[end:], title.title, title.subtitle, echoes)
    return body[:end] + remaining, subtitle


_TEXT_BEGUN = ("：", ":", "；", ";", "。")


def _absorb_title_echoes(
    state: PassState, body: list[Line], title: str, subtitle: str | None, echoes: set[str]
) -> tuple[list[Line], str | None]:
    """Between the title and the first paragraph: drop copies of the title, pick up a 副题 (when the
    title block had none)."""
    keep: list[Line] = []
    in_head = True
    signed = byline_at(body, 0)  # the organ under the title that the title names too is its author
    for i, ln in enumerate(body):
        s = ln.stripped
        if in_head and (is_prose(s) or s.endswith(_TEXT_BEGUN)):
            in_head = False  # (an addressee, a label over a list, a list's item: the text has begun)
        if in_head and i >= signed and is_title_like(s) and canon(s) and (
            canon(s) in canon(title) or canon(s) in echoes
        ):
            state.remove(ln, "repeated_title")
            continue
        if in_head and subtitle is None and is_subtitle(s) and not keep:
            subtitle = s
            continue
        keep.append(ln)
    return keep, subtitle


def run(state: PassState) -> Document:
    lines = state.kept()
    header, used, headline = parse_header(lines)
    header_found = used > 0 and (header.issuer or header.date or header.issue or header.bulletin)
    if not header_found:
        header, used, headline = state.header, 0, 0
    else:
        state.header = header
    # one list of the kept lines at a time (a name list's 250,000 lines are 2 MB a list): a list is cut
    # only where something was taken off it, and each is let go once the next is made
    # (a headline printed over the 报头 goes back over the text: the article's title)
    rest = (lines[:headline] + lines[used:] if headline else lines[used:]) if used else lines
    del lines
    toc, toc_labels, toc_used = parse_toc(rest)
    for ln in toc_labels:
        state.remove(ln, "toc_label")
    rest = rest[toc_used:] if toc_used else rest
    distribution, dist_start = parse_distribution(rest)
    body = rest[:dist_start] if dist_start < len(rest) else rest
    del rest
    many = bool(header_found or toc or any(d.label in _BULLETIN_LABELS for d in distribution))
    if not many:
        body = official.take_header(state, body, header)
    subtitle = None
    if not many:
        body, subtitle = _title_echoes_removed(state, body)
    articles = split_articles(body, many=many)
    del body  # (the articles hold blocks now; the lines are in ``state`` for the removed ones)
    if len(state.lines) > memo.MAX_ENTRIES:
        # a document longer than the per-document caches: they hold the answers about its last texts read,
        # let go before ``official.apply`` copies the blocks' lists (a few of its questions asked again)
        memo.forget()
    if subtitle and articles:
        articles[0].subtitle = subtitle
    if len(articles) == 1 and articles[0].title is None and state.meta_title and is_title_like(state.meta_title):
        articles[0].title = state.meta_title.strip()  # printed nowhere on the page: its meta tags name it
    if state.metadata.published is None and state.page_date:
        state.metadata.published = state.page_date
    if state.metadata.origin is None and state.meta_origin:
        state.metadata.origin = state.meta_origin
    doc = Document(
        source=state.source,
        header=header,
        toc=toc,
        articles=articles,
        distribution=distribution,
        metadata=state.metadata,
        warnings=state.warnings,
    )
    if not many:
        official.apply(doc, state)
    doc.kind = _kind(doc, many)
    _document_date(doc)
    doc.removed = state.removed_items()
    return doc


def _is_salutation(text: str) -> bool:
    """A speech's salutation on a line of its own (同志们：, 各位代表、各位来宾：), not a letter's opening
    sentence that starts with 各位."""
    s = text.strip()
    return bool(SALUTATION.match(s)) and len(s) <= 40 and s[-1] in "：:，,！!"


def _kind(doc: Document, many: bool) -> DocumentKind:
    if many:
        return "bulletin"
    first = doc.articles[0] if doc.articles else None
    if doc.header.doc_number or (first and (first.addressee or first.signatures)):
        return "document"
    if first and sum(1 for b in first.blocks if ARTICLE_CLAUSE.match(b.text)) >= 3:
        return "document"  # a law or regulation: 第一条, 第二条 …
    if first:
        if first.subtitle and _SPEECH_SUBTITLE.search(first.subtitle):
            return "speech"
        if any(_is_salutation(b.text) for b in first.blocks[:3]):
            return "speech"
        if first.title and _SPEECH_TITLE.search(first.title):
            return "speech"
        if first.title and DOCUMENT_TYPE_END.search(first.title):
            return "document"
    md = doc.metadata
    if md.url or md.published or md.origin or md.editor:
        return "news"
    return "unknown"


def _lead(text: str) -> str:
    """``text`` to the end of the line holding its ``ADOPTED_DATE_CHARS``-th character: a paragraph (one
    line) whole, a table's first rows (a date is printed on one line: none is cut)."""
    end = text.find("\n", ADOPTED_DATE_CHARS)
    return text if end < 0 else text[:end]


TAIL_DATE_BLOCKS = 6  # how far from the end of the text a written-out 成文日期 may stand (under names, 书记员)
_WRITTEN_OUT_YEAR = re.compile(r"^[〇○零Ｏ一二三四五六七八九]{4}\s*年")


def _document_date(doc: Document) -> None:
    """The document's own date when the header has none: a speech's 副题 date, else the page date."""
    h = doc.header
    if h.date:
        return
    first = doc.articles[0] if doc.articles else None
    if first and first.signatures and first.signatures[-1].date:
        h.date, h.date_text = first.signatures[0].date, first.signatures[0].date_text
        return
    for printed in (first.subtitle, first.byline) if first else ():
        dates = single_dates(printed or "")  # (not a meeting's span of days a 副题 announces)
        if dates:  # a speech's 题注, a law's history, or the date printed under the title with its author organ
            d = _last_history_date(printed or "", dates) or dates[0]
            h.date, h.date_text = d.iso[:10], d.text
            return
    if first:
        # a law or resolution states when it was adopted, in the lead above its first heading
        for block in first.blocks[:6]:
            if block.type == "heading":
                break
            lead = _lead(block.text)
            adopted = _last_history_date(lead, find_dates(lead))
            if adopted:
                h.date, h.date_text = adopted.iso[:10], adopted.text
                return
        # a date written out in Chinese numerals alone on a line near the end of the text (二〇二四年五月六日) is a
        # 成文日期 as a document prints it — a 判决书 under its 审判长 —, never a page's: it dates the document
        for block in reversed(first.blocks[-TAIL_DATE_BLOCKS:]):
            s = block.text.strip()
            if _WRITTEN_OUT_YEAR.match(s) and is_date_only(s):
                h.date, h.date_text = find_dates(s)[0].iso[:10], s
                return
    if doc.metadata.published:
        h.date = doc.metadata.published[:10]

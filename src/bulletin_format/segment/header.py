"""版头 of a bulletin: 简报名称, 期号, 编发单位 and date, at the top of the kept lines."""

from __future__ import annotations

import re

from ..lines import Line
from ..model import Header
from ..normalize.dates import find_dates
from ..patterns import ORGAN_END, is_prose, is_title_like
from .articles import is_byline, organ_and_date_at
from .official import is_document_title

_ISSUE = re.compile(
    r"^[（(]?\s*(?:总\s*)?第\s*[\d一二三四五六七八九十百零〇○]+\s*期\s*[）)]?(?:\s*[（(]\s*总第\s*\d+\s*期\s*[）)])?$|^增刊|^特刊"
)
_BULLETIN_NAME = re.compile(
    r"(?:简报|简讯|快报|专报|动态|通讯|情况反映|信息|要情|摘报|通报|工作交流)(?:\s*[（(].{1,10}[）)])?$"
)
_ISSUER_DATE = re.compile(r"^(?P<issuer>\S.*?)\s{2,}(?P<date>\S.*)$")
_SECRECY = re.compile(r"^(?:内部资料|内部刊物|注意保存|内部资料\s*注意保存|秘密|机密|绝密)(?:\s*★.*)?$")


def _date_tail(text: str) -> tuple[str, str] | None:
    """Split "ISSUER    2005年2月19日" into issuer and date text when the line ends with a date.

    Only the text's last line is searched for the date: a date is printed on one line, so the date that
    ends the text is on its last line. (A table read as one line holds its rows, one a line; the rows
    above the last are not read: a 50,000-row table's every date was found here and kept in the
    per-document cache, three times the size of the input.)"""
    s = text.strip()
    start = s.rfind("\n") + 1  # where the last line starts (0: the text is one line)
    last = s[start:] if start else s
    dates = find_dates(last)
    if not dates or last[dates[-1].end :].strip():
        return None
    at = start + dates[-1].start
    return s[:at].strip(), s[at:].strip()


def byline_line(lines: list[Line], i: int, above: list[str]) -> bool:
    """Line ``i`` is a byline under a title, where the 报头 ends: marked so by the reader (a DOCX's byline
    style), a speaker or reporters by its words, or the author organ and its date under lines (``above``)
    that read as a document's title. (A title wrapped over two short lines with the organ and date under
    it read as the 编发单位 and its date: the title became the issuer, the document a bulletin.)"""
    line = lines[i]
    if "byline" in line.hints or is_byline(line.stripped):
        return True
    return bool(above) and is_document_title("".join(above)) and organ_and_date_at(lines, i) > 0


# what an issuer's line says it did (临江市政协办公室编印): the 编发单位 is the organ before it
_COMPILED_BY = re.compile(r"(?:编印|编发|主编|编)$")


def parse_header(lines: list[Line]) -> tuple[Header, int, int]:
    """Read a bulletin header from the first kept lines; returns it, how many lines it used, and how many
    of them, at the top, are an article's headline a web page printed over the 报头 (to be given back)."""
    header = Header()
    used = headline = 0
    pending: list[str] = []  # short lines above the issuer/date line: the issuer's first part
    for i, ln in enumerate(lines[:6]):
        s = ln.stripped
        if is_prose(s) or byline_line(lines, i, pending):
            break
        if _ISSUE.match(s):
            if header.issue:
                break
            header.issue = s
            if pending and header.bulletin is None:
                if len(pending) > 1 and _BULLETIN_NAME.search(pending[-1]) and used == 0:
                    # a web page prints the article's headline over the 报头 pasted into its text (the name
                    # over its 期号): the lines above the name are the headline, not the name's first part
                    headline = i - 1
                    pending = pending[-1:]
                header.bulletin = "".join(pending)  # the 报头 name stands above its 期号
            used = i + 1
            pending = []
            continue
        if _SECRECY.match(s):
            if header.secrecy:
                break
            header.secrecy = s
            used = i + 1
            continue
        # a 报头 name, not a 公文 title that happens to end in 通报/信息 ("关于表彰…的通报")
        if header.bulletin is None and not pending and _BULLETIN_NAME.search(s) and len(s) <= 30 and i <= 1 \
                and "关于" not in s:
            header.bulletin = s
            used = i + 1
            continue
        tail = _date_tail(s)
        if tail is not None:
            issuer, date_text = tail
            # a header date stands apart from the issuer (a wide gap), or alone under a 报头
            gap = re.search(r"\s{2,}$", s[: s.rfind(date_text)]) is not None
            # an HTML page collapses the gap: then the line must open the page and name an organ
            organ = i <= 2 and "关于" not in issuer and bool(ORGAN_END.search("".join(pending) + issuer))
            if (issuer and (gap or organ)) or (not issuer and (header.issue or header.bulletin)):
                issuer = "".join(pending) + issuer
                organ_part = _COMPILED_BY.sub("", issuer).strip()
                header.issuer = (organ_part if ORGAN_END.search(organ_part) else issuer) or None
                header.date_text = date_text
                header.date = find_dates(date_text)[0].iso[:10]
                used = i + 1
            break
        if is_title_like(s, max_len=30) and len(pending) < 2:
            pending.append(s)
            continue
        break
    if header.bulletin and not (header.issue or header.issuer or header.date):
        return Header(), 0, 0  # a name alone is a document's title ("…情况通报"): a 报头 has its 期号 or date
    return header, used, headline

"""Dates as Chinese pages print them → ISO 8601.

Handles 2005年2月19日 (with stray spaces; the 日 may be missing or printed 号), 二〇〇五年二月十九日 /
二○○五年, 2005-02-19, 2005/2/19, 2005.2.19, 05年2月19日, 06/02/2022 (day first, unless a 12-hour
clock says it is the US form), and date-times such as 2005年02月01日10:24 or 2019-10-23 09:05:12.

Taiwan's 民國 (Republic of China) years count from 1912 (民國 year + 1911): 中華民國113年5月6日, 民國113年5月6日,
民國九十九年五月六日 and 113年5月6日 anywhere; a bare 113-05-06, 113/05/06 or 113.05.06 only where it can be
nothing else (``_roc_bare``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from ..memo import per_document
from ..patterns import SPAN_MARKS

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "О": 0, "O": 0, "0": 0,
              "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM = "〇○零ＯО一二两三四五六七八九十"

_SP = r"[ \t\u3000\u00a0]*"
_ARABIC_DATE = re.compile(
    rf"(?<![\d])(?P<y>\d{{4}}|\d{{2}}){_SP}(?:年{_SP}(?P<m1>\d{{1,2}}){_SP}月{_SP}(?P<d1>\d{{1,2}})(?:{_SP}[日号]|(?![\d]))"
    rf"|(?P<sep>[-/.．]){_SP}(?P<m2>\d{{1,2}}){_SP}(?P=sep){_SP}(?P<d2>\d{{1,2}})(?![\d]))"
    rf"(?:{_SP}(?P<H>\d{{1,2}}){_SP}[:：时]{_SP}(?P<M>\d{{2}})(?:{_SP}[:：分]{_SP}(?P<S>\d{{2}}))?)?"
)
# day/month/year or month/day/year, as foreign-language CMSs print it: day first ("06/02/2022 - 13:48"),
# except with a 12-hour clock ("7/5/2005 9:23:57 PM", the US form) or where the first number cannot be a day
_SLASHED_US = re.compile(
    r"(?<![\d/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})(?![\d/])"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::\d{2})?(?:\s*(?P<ampm>[AaPp][Mm]))?)?"
)
_ARABIC_MONTH = re.compile(rf"(?<![\d])(?P<y>\d{{4}}){_SP}年{_SP}(?P<m>\d{{1,2}}){_SP}月(?!{_SP}\d)")
_CN_DATE = re.compile(
    rf"(?P<y>[{_CN_NUM[:-1]}]{{4}}){_SP}年{_SP}(?P<m>[{_CN_NUM}]{{1,3}}){_SP}月{_SP}(?P<d>[{_CN_NUM}]{{1,3}}){_SP}日"
)


_ARABIC_HINT = re.compile(rf"\d{_SP}[年\-/.．]")

# --- 民國 years --------------------------------------------------------------------------------------
# 民國 1 is 1912. The latest 民國 year read is this year's (a page is never dated in the future; a larger
# three-digit number before 年 or a dash is a count or a code, not a year).
ROC_OFFSET = 1911
ROC_LATEST = date.today().year - ROC_OFFSET
_ROC_NUM = "〇○零一二三四五六七八九十百"
# 中華民國 / 民國 (and the Simplified shadow's 中华民国 / 民国) name the era: the year after them is one
_ROC_ERA = re.compile(
    rf"(?:中[華华])?民[國国]{_SP}(?P<y>\d{{1,3}}|[{_ROC_NUM}]{{1,5}}){_SP}"
    rf"(?:年{_SP}(?P<m1>\d{{1,2}}|[{_CN_NUM}]{{1,3}}){_SP}月{_SP}(?P<d1>\d{{1,2}}|[{_CN_NUM}]{{1,3}})(?:{_SP}[日号])?"
    rf"|(?P<sep>[-/.．]){_SP}(?P<m2>\d{{1,2}}){_SP}(?P=sep){_SP}(?P<d2>\d{{1,2}})(?!\d))"
)
# a year of three digits (no era word) before 年, month and day: 113年5月6日 (a mainland text never
# prints a year so); two digits before 年 are a short mainland year (05年2月19日) and stay one
_ROC_THREE = re.compile(
    rf"(?<![\d.．\-/])(?P<y>\d{{3}}){_SP}年{_SP}(?P<m>\d{{1,2}}){_SP}月{_SP}(?P<d>\d{{1,2}})(?:{_SP}[日号]|(?!\d))"
)
# 113-05-06, 113/05/06, 113.05.06: three numbers that could be a code, a phone number's part or a
# section number (1.2.3). Read as a 民國 date only when the year has three digits (100 … ROC_LATEST), the
# month and day are valid, and the date is the whole text (a field's value, a date line; a time after
# it at most) or the value of a date label (發布日期：113-05-06, then a space or the end)
_ROC_BARE = re.compile(
    rf"(?P<y>\d{{3}})(?P<sep>[-/.．])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})"
    rf"(?:{_SP}(?P<H>\d{{1,2}})[:：](?P<M>\d{{2}})(?:[:：]\d{{2}})?)?"
)
_ROC_DIGITS = re.compile(r"(?<!\d)\d{3}(?:[年\-/.．]|[ \t\u3000\u00a0]+年)")  # where a 民國 date may be
_ROC_BARE_LABEL = re.compile(rf"(?:日期|[时時][间間]){_SP}[:：]?{_SP}$")


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: where, what was printed, and its ISO form."""

    start: int
    end: int
    text: str
    iso: str  # YYYY-MM-DD, or YYYY-MM-DDTHH:MM when a time follows


def _cn_number(s: str) -> int | None:
    if not s:
        return None
    if "十" in s:
        tens, _, units = s.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        u = _CN_DIGITS.get(units, None) if units else 0
        if t is None or u is None:
            return None
        return t * 10 + u
    value = 0
    for ch in s:
        if ch not in _CN_DIGITS:
            return None
        value = value * 10 + _CN_DIGITS[ch]
    return value


def _iso(y: int, m: int, d: int, hh: int | None = None, mm: int | None = None) -> str | None:
    if y < 100:
        y += 2000 if y < 50 else 1900
    if not (1 <= m <= 12 and 1 <= d <= 31 and 1000 <= y <= 2999):
        return None
    out = f"{y}-{_TWO_DIGITS[m]}-{_TWO_DIGITS[d]}"  # y has four digits here
    if hh is not None and mm is not None and 0 <= hh <= 23 and 0 <= mm <= 59:
        out += f"T{_TWO_DIGITS[hh]}:{_TWO_DIGITS[mm]}"
    return out


_TWO_DIGITS = tuple(f"{i:02d}" for i in range(60))  # months, days, hours, minutes: faster than a format spec


def _arabic_dates(text: str) -> Iterator[re.Match[str]]:
    """``_ARABIC_DATE.finditer(text)``, the pattern tried only where a date can start.

    A date starts with a year of exactly two or four digits (a whole run of digits: the lookbehind, and
    the 年 or separator right after it) whose last digit is where ``_ARABIC_HINT`` matches. So each hint
    names the one place a date may start: the start of the run of digits ending there. Scanning for
    the hint and trying the whole pattern at that place finds the same matches as ``finditer``, which
    tries the whole pattern at every character (most of a line's digits are no date: 3.5%, 1. …)."""
    pos = 0
    search, match = _ARABIC_HINT.search, _ARABIC_DATE.match
    while (hint := search(text, pos)) is not None:
        last = hint.start()  # the hint's digit ends its run: a separator, a space or 年 follows
        start = last
        while start > last - 4 and start > 0 and text[start - 1].isdecimal():  # \d is isdecimal()
            start -= 1
        if last - start in (1, 3) and start >= pos:  # a run of two or four digits, after the last match
            m = match(text, start)
            if m is not None:
                yield m
                pos = m.end()
                continue
        pos = last + 1


_CN_YEAR_DIGITS = frozenset(_CN_NUM[:-1])  # what _CN_DATE's year is written with
_SP_CHARS = " \t\u3000\u00a0"  # what _SP matches


def _cn_dates(text: str) -> Iterator[re.Match[str]]:
    """``_CN_DATE.finditer(text)``, the pattern tried only where a date can start: four numerals, then
    any spaces, then 年 — each 年 names the one place (most 年 of a text follow a number in digits)."""
    pos = 0
    find, match = text.find, _CN_DATE.match
    while (year_mark := find("年", pos)) >= 0:
        start = year_mark
        while start > 0 and text[start - 1] in _SP_CHARS:
            start -= 1
        start -= 4
        if start >= pos and text[start + 3] in _CN_YEAR_DIGITS:
            m = match(text, start)
            if m is not None:
                yield m
                pos = m.end()
                continue
        pos = year_mark + 1


def _roc_number(s: str) -> int | None:
    """A 民國 year or a month or day: digits, or numerals (九十九, 一百十三, 一一三)."""
    if s.isdecimal():
        return int(s)
    if "百" in s:
        hundreds, _, rest = s.partition("百")
        h = _CN_DIGITS.get(hundreds) if hundreds else 1
        rest = rest.lstrip("〇○零")
        r = _cn_number(rest) if rest else 0
        return None if h is None or r is None else h * 100 + r
    return _cn_number(s)


def _roc_iso(year: str, month: str, day: str, hh: str | None = None, mm: str | None = None) -> str | None:
    y, m, d = _roc_number(year), _roc_number(month), _roc_number(day)
    if y is None or m is None or d is None or not 1 <= y <= ROC_LATEST:
        return None
    return _iso(y + ROC_OFFSET, m, d, int(hh) if hh else None, int(mm) if mm else None)


def _roc_dates(text: str) -> Iterator[DateMatch]:
    """The 民國 dates of ``text``: after 中華民國 / 民國, a three-digit year before 年, and a bare
    113-05-06 that is the whole text or follows a date label (``_ROC_BARE``)."""
    if "民" in text:
        for m in _ROC_ERA.finditer(text):
            iso = _roc_iso(m.group("y"), m.group("m1") or m.group("m2"), m.group("d1") or m.group("d2"))
            if iso:
                yield DateMatch(m.start(), m.end(), m.group(0), iso)
    if "年" in text:
        for m in _ROC_THREE.finditer(text):
            iso = _roc_iso(m.group("y"), m.group("m"), m.group("d"))
            if iso and int(m.group("y")) >= 100:
                yield DateMatch(m.start(), m.end(), m.group(0), iso)
    for m in _ROC_BARE.finditer(text):
        before, after = text[: m.start()], text[m.end() : m.end() + 1]
        if before.strip() == "":
            if text[m.end() :].strip():
                continue  # the whole text: nothing after it
        elif not _ROC_BARE_LABEL.search(before) or not (after == "" or after.isspace()):
            continue  # or a labelled date's value: the label before it, a space or the end after it
        iso = _roc_iso(m.group("y"), m.group("m"), m.group("d"), m.group("H"), m.group("M"))
        if iso and int(m.group("y")) >= 100:
            yield DateMatch(m.start(), m.end(), m.group(0), iso)


def find_dates(text: str) -> list[DateMatch]:
    """Every full date (year, month, day) in ``text``, in order, with any time that follows."""
    # (_ARABIC_HINT needs a separator besides 年 and /: one substring scan each first)
    if "年" not in text and "/" not in text and (
            ("-" not in text and "." not in text and "．" not in text) or not _ARABIC_HINT.search(text)):
        return []  # what each pattern needs (a digit before a separator, a slash, a 年): most lines hold none
    return list(_find_dates(text))


@per_document
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    """Every full date (year, month, day) in ``text``, in order, with any time that follows."""
    found: list[DateMatch] = []
    # each pattern only where the text holds what it needs: a year in digits before 年 or a separator,
    # a slash, a 年
    for m in _arabic_dates(text):
        year, m1, d1, sep, m2, d2, hour, minute, _ = m.groups()
        if len(year) == 2 and sep:
            continue  # 05.2.19 is too ambiguous without 年
        hh = int(hour) if hour else None
        mi = int(minute) if minute else None
        iso = _iso(int(year), int(m1 or m2), int(d1 or d2), hh, mi)
        if iso:
            found.append(DateMatch(m.start(), m.end(), m.group(0), iso))
    for m in _SLASHED_US.finditer(text) if "/" in text else ():
        a, b = int(m.group("a")), int(m.group("b"))
        month_first = b > 12 or (a <= 12 and bool(m.group("ampm")))
        month, day = (a, b) if month_first else (b, a)
        hh = int(m.group("H")) if m.group("H") else None
        if hh is not None and m.group("ampm"):
            hh = hh % 12 + (12 if m.group("ampm").lower() == "pm" else 0)
        iso = _iso(int(m.group("y")), month, day, hh, int(m.group("M")) if m.group("M") else None)
        if iso:
            found.append(DateMatch(m.start(), m.end(), m.group(0), iso))
    for m in _cn_dates(text):
        y = _cn_number(m.group("y"))
        mo, d = _cn_number(m.group("m")), _cn_number(m.group("d"))
        if y is None or mo is None or d is None:
            continue
        iso = _iso(y, mo, d)
        if iso:
            found.append(DateMatch(m.start(), m.end(), m.group(0), iso))
    if "民" in text or _ROC_DIGITS.search(text):
        roc: list[DateMatch] = []
        for r in sorted(_roc_dates(text), key=lambda r: (r.start, -r.end)):  # 中華民國113年… over 113年…
            if not roc or r.start >= roc[-1].end:
                roc.append(r)
        if roc:  # a 民國 date replaces what the other patterns read inside it (民國99年 is no 1999)
            found = [f for f in found if not any(r.start < f.end and f.start < r.end for r in roc)] + roc
    if len(found) > 1:
        found.sort(key=lambda x: x.start)
    return tuple(found)


# A date that opens or closes a span ("2004年12月11－12日", "5月15日至16日", "…15日—2023年5月16日") dates an
# event that lasts, not a document: the dash or word between, then a day (with its month, year) or a date
_SPAN_AFTER = re.compile(rf"\s*[{SPAN_MARKS}]\s*(?:\d{{2,4}}\s*年\s*)?(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*日")
_SPAN_BEFORE = re.compile(rf"\d\s*日?\s*[{SPAN_MARKS}]\s*$")  # a day, then the dash: not a 题注's opening ——


def single_dates(text: str) -> list[DateMatch]:
    """``find_dates(text)`` without the dates that open or close a span of days: the dates a document
    may bear (a speech's 题注, a 落款), not the span of a meeting it announces."""
    return [
        d for d in find_dates(text)
        if not _SPAN_AFTER.match(text, d.end) and not _SPAN_BEFORE.search(text, max(0, d.start - 6), d.start)
    ]


def parse_date(text: str) -> str | None:
    """The ISO form (YYYY-MM-DD) of the first date in ``text``, or None."""
    dates = find_dates(text)
    return dates[0].iso[:10] if dates else None


def parse_datetime(text: str) -> str | None:
    """Like ``parse_date`` but keeps the time (YYYY-MM-DDTHH:MM) when one is printed."""
    dates = find_dates(text)
    return dates[0].iso if dates else None


def is_date_only(text: str) -> bool:
    """True when ``text`` is one date and nothing else (spaces aside)."""
    s = text.strip()
    dates = find_dates(s)
    return len(dates) == 1 and dates[0].start == 0 and dates[0].end == len(s)


def format_gbt(iso: str) -> str:
    """GB/T 9704 form of an ISO date: 2005年2月19日 (Arabic digits, no zero padding)."""
    y, m, d = iso[:10].split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


# --- partial dates and date spacing ---------------------------------------------------------------

_CN_YEAR = rf"[{_CN_NUM[:-1]}]{{4}}"
_CN_PART = rf"[{_CN_NUM}]{{1,3}}"
_ARABIC_YEAR_MONTH = re.compile(
    rf"(?<!\d)(?P<y>\d{{4}}){_SP}(?:年{_SP}(?P<m1>\d{{1,2}}){_SP}月|(?P<sep>[-/.．]){_SP}(?P<m2>\d{{1,2}}))(?!{_SP}\d)"
)
_CN_YEAR_MONTH = re.compile(rf"(?P<y>{_CN_YEAR}){_SP}年{_SP}(?P<m>{_CN_PART}){_SP}月")
_YEAR = re.compile(rf"(?<!\d)(?P<y>\d{{4}}|\d{{2}}){_SP}年|(?P<cy>{_CN_YEAR}|[{_CN_NUM[:-1]}]{{2}}){_SP}年")

# A date printed with spaces inside it: 2005年2月19 日, 2005 年 2 月, 二〇〇五年 二月十九日, 2月 3日.
_DIGITS = rf"(?:\d{{1,4}}|[{_CN_NUM}]{{1,4}})"
_SPACED_DATE = re.compile(
    rf"(?<![\d{_CN_NUM}]){_DIGITS}(?:{_SP}[年月]{_SP}{_DIGITS})+{_SP}[月日]"
    rf"|(?<![\d{_CN_NUM}])\d{{2,4}}{_SP}年(?={_SP}\d{{1,2}}{_SP}月)"
)
_DATE_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def _year(text: str, cn: bool) -> int | None:
    if cn:
        value = _cn_number(text)
        if value is not None and len(text) == 2:
            value += 2000 if value < 50 else 1900
        return value
    value = int(text)
    if len(text) == 2:
        value += 2000 if value < 50 else 1900
    return value


def to_iso(text: str) -> str | None:
    """ISO 8601 of the first date in ``text``, at the precision printed: 2005-02-19[THH:MM], 2005-02 or 2005.

    Full dates (with any time) come from ``find_dates``; failing that a year and month (2005年2月,
    二〇〇五年二月, 2005-02), failing that a year alone (2005年, 05年, 二○○五年).
    """
    dates = find_dates(text)
    if dates:
        return dates[0].iso
    candidates: list[tuple[int, str]] = []
    for m in _ARABIC_YEAR_MONTH.finditer(text):
        month = int(m.group("m1") or m.group("m2"))
        if 1 <= month <= 12 and 1000 <= int(m.group("y")) <= 2999:
            candidates.append((m.start(), f"{int(m.group('y')):04d}-{month:02d}"))
            break
    for m in _CN_YEAR_MONTH.finditer(text):
        y, mo = _cn_number(m.group("y")), _cn_number(m.group("m"))
        if y is not None and mo is not None and 1 <= mo <= 12 and 1000 <= y <= 2999:
            candidates.append((m.start(), f"{y:04d}-{mo:02d}"))
            break
    if candidates:
        return min(candidates)[1]
    for m in _YEAR.finditer(text):
        y = _year(m.group("y"), False) if m.group("y") else _year(m.group("cy"), True)
        if y is not None and 1000 <= y <= 2999:
            return f"{y:04d}"
    return None


def close_date_spaces(text: str) -> tuple[str, int]:
    """Remove spaces printed inside dates (2005年2月19 日 → 2005年2月19日); returns the text and how many runs went."""
    if "年" not in text and "月" not in text:
        return text, 0
    count = 0

    def close(m: re.Match[str]) -> str:
        nonlocal count
        fixed, n = _DATE_SPACES.subn("", m.group(0))
        count += n
        return fixed

    return _SPACED_DATE.sub(close, text), count

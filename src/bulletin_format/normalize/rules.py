"""The text normalisation rules, in the order they run.

Like a markdown-it rule chain: each rule is a small function ``rule(text, profile) -> (text, count)``
registered under a name; the name is the key counted in ``Document.normalization``. A rule returns
the text unchanged and a count of 0 when it has nothing to do. ``normalize_text`` runs the chain.

The order keeps extra rounds rare: quotes, dashes and ellipses become full-width before
``punctuation_width`` looks at the neighbours of a half-width comma, and ``spacing`` runs last so
it sees the final punctuation. ``normalize_text`` repeats the chain until a round changes nothing.

Profiles: ``body`` (paragraphs and other running text), ``title`` (titles, headings, table of
contents, organ names: there a single space between two Chinese words is a deliberate separation),
``date`` (the printed form of a date: only invisible characters, width and spacing are fixed).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable
from typing import Literal

Profile = Literal["body", "title", "date"]
Rule = Callable[[str, Profile], "tuple[str, int]"]

HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# full-width punctuation that belongs to Chinese text only
FW_PUNCT = "\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
# punctuation Chinese text shares with Western text: curly quotes, ellipsis, dashes, middle dot
SHARED_PUNCT = "\u2018\u2019\u201c\u201d\u2026\u2014\u2015\u00b7"
HSPACE = " \t\u00a0\u2000-\u200a\u202f\u205f\u3000"



def _bounds(spec: str) -> tuple[int, ...]:
    """The code points where a character class's body (characters and ``a-b`` ranges) starts and stops
    holding: a character is in the class when an odd number of them are at or below its code point."""
    spans: list[list[int]] = []
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            lo, hi, i = ord(spec[i]), ord(spec[i + 2]), i + 3
        else:
            lo = hi = ord(spec[i])
            i += 1
        spans.append([lo, hi + 1])
    spans.sort()
    merged: list[list[int]] = []
    for lo, end in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([lo, end])
    return tuple(edge for span in merged for edge in span)


# The one-character tests below (is a neighbour Chinese?) look the character up in these bounds: a regular
# expression holding the CJK ranges costs 1–2 ms to compile each (the compiler visits every code point of
# a range), and a search in a dozen bounds is also faster than a match
_HAN_BOUNDS = _bounds(HAN)
_CJK_BOUNDS = _bounds(HAN + FW_PUNCT + SHARED_PUNCT)
_DIGIT_OR_HAN_BOUNDS = _bounds("0-9" + HAN)


def _in(ch: str, bounds: tuple[int, ...]) -> bool:
    """Whether the first character of ``ch`` (not empty) is in the class of ``bounds``."""
    return bisect_right(bounds, ord(ch[0])) & 1 == 1


@functools.cache
def _han_search() -> re.Pattern[str]:
    """A search for a Chinese character (compiled when first needed: only ``quotes`` searches a text)."""
    return re.compile(f"[{HAN}]")


_FW_PUNCT_RE = re.compile(f"[{FW_PUNCT}]")
_SHARED_RE = re.compile(f"[{SHARED_PUNCT}]")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[!-~]+")
_EMAIL = re.compile(r"[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+", re.ASCII)
_URL_TRAILING = ".,;:!?)]}'\""


def _is_han(ch: str) -> bool:
    return bool(ch) and _in(ch, _HAN_BOUNDS)


def _is_cjk(ch: str) -> bool:
    """A Chinese character or Chinese punctuation (full-width, or shared with Western text)."""
    return bool(ch) and _in(ch, _CJK_BOUNDS)


_SPACES = " \t\u00a0\u3000"
# half-width marks are skipped too when looking for a mark's neighbours: a run such as ",(" then
# depends only on the characters around the whole run, so converting one mark never flips another
_SPACES_AND_MARKS = _SPACES + ",;:?!()"


def _prev_visible(s: str, i: int, skip: str = _SPACES) -> str:
    """The character before index ``i``, skipping ``skip`` ('' at the start)."""
    i -= 1
    while i >= 0 and s[i] in skip:
        i -= 1
    return s[i] if i >= 0 else ""


def _next_visible(s: str, i: int, skip: str = _SPACES) -> str:
    """The character at or after index ``i``, skipping ``skip`` ('' at the end)."""
    n = len(s)
    while i < n and s[i] in skip:
        i += 1
    return s[i] if i < n else ""


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Where URLs and e-mail addresses are: they keep every character as printed."""
    matches: list[re.Match[str]] = []
    if "://" in text or "www." in text:
        matches += _URL.finditer(text)
    if "@" in text:
        matches += _EMAIL.finditer(text)
    spans = []
    for m in matches:
        end = m.end()
        while end > m.start() and text[end - 1] in _URL_TRAILING:
            end -= 1
        spans.append((m.start(), end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # an address inside a URL (http://a.cn/x@b.cn) is one span
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _outside_urls(text: str, fix: Callable[[str], tuple[str, int]]) -> tuple[str, int]:
    """Apply ``fix`` to the parts of ``text`` that are not URLs."""
    spans = _url_spans(text)
    if not spans:
        return fix(text)
    parts, total, pos = [], 0, 0
    for start, end in spans:
        fixed, n = fix(text[pos:start])
        parts += [fixed, text[start:end]]
        total += n
        pos = end
    fixed, n = fix(text[pos:])
    parts.append(fixed)
    return "".join(parts), total + n


# --- the rules ----------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e]")


def invisible(text: str, profile: Profile) -> tuple[str, int]:
    """Drop BOMs, zero-width spaces/joiners, word joiners and soft hyphens."""
    return _INVISIBLE.subn("", text)


_FW_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FW_ALNUM_TABLE = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


def fullwidth_alnum(text: str, profile: Profile) -> tuple[str, int]:
    """Full-width digits and Latin letters (２００５, ＡＢＣ) become half-width (GB/T 15835)."""
    n = len(_FW_ALNUM.findall(text))
    return (text.translate(_FW_ALNUM_TABLE), n) if n else (text, 0)


_QUOTES = re.compile("[\"\uff02\u201c\u201d'\uff07\u2018\u2019]")
_ASCII_ALNUM = re.compile("[A-Za-z0-9]")


def quotes(text: str, profile: Profile) -> tuple[str, int]:
    """Straight quotes in Chinese text become curly ones, paired: "…" → “…”, '…' → ‘…’.

    Curly quotes already printed set the state, so a straight quote closes an open “ and opens
    otherwise. An apostrophe between two Latin letters or digits (don't) stays.
    """
    if profile == "date" or ('"' not in text and "'" not in text and "\uff02" not in text and "\uff07" not in text):
        return text, 0
    if not _han_search().search(text):
        return text, 0
    spans = _url_spans(text)
    out: list[str] = []
    pos = count = 0
    double_open = single_open = False
    for m in _QUOTES.finditer(text):
        i, q = m.start(), m.group()
        if spans and any(s <= i < e for s, e in spans):
            continue
        if q == "\u201c":
            double_open = True
        elif q == "\u201d":
            double_open = False
        elif q == "\u2018":
            single_open = True
        elif q == "\u2019":
            single_open = False
        elif q in "\"\uff02":
            out += [text[pos:i], "\u201d" if double_open else "\u201c"]
            double_open = not double_open
            pos, count = i + 1, count + 1
        else:
            before, after = text[i - 1 : i], text[i + 1 : i + 2]
            if before and after and _ASCII_ALNUM.match(before) and _ASCII_ALNUM.match(after):
                continue  # an apostrophe
            out += [text[pos:i], "\u2019" if single_open else "\u2018"]
            single_open = not single_open
            pos, count = i + 1, count + 1
    if not count:
        return text, 0
    out.append(text[pos:])
    return "".join(out), count


# one pattern per form, each starting with its literal, run only when the text holds that form:
# Python's re scans for a literal far faster than for an alternation or a character class
_ELLIPSES = [(hint, re.compile(re.escape(hint) + re.escape(hint[0]) + "*"))
             for hint in ("。。。", "．．．", "···", "・・・", "⋯", "…", "...")]  # ... last: it looks at the others


_ANY_ELLIPSIS = re.compile("|".join(re.escape(hint) for hint, _ in _ELLIPSES))


def _ellipsis_part(text: str) -> tuple[str, int]:
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        run = m.group()
        if run[0] == "…" and len(run) not in (1, 3):
            return run  # …… already, or a deliberate long …………
        if run[0] == "." and not (
            _is_cjk(_prev_visible(m.string, m.start(), _SPACES_AND_MARKS + "."))
            or _is_cjk(_next_visible(m.string, m.end(), _SPACES_AND_MARKS + "."))
        ):
            return run  # Western text keeps its ...
        count += 1
        return "……"

    for hint, pattern in _ELLIPSES:
        if hint in text:
            text = pattern.sub(repl, text)
    return text, count


def ellipsis(text: str, profile: Profile) -> tuple[str, int]:
    """Ellipses become the Chinese two-em form: ..., 。。。, ．．．, ···, …, ⋯ → …… (GB/T 15834)."""
    if profile == "date" or _ANY_ELLIPSIS.search(text) is None:
        return text, 0
    return _outside_urls(text, _ellipsis_part)


_DASH = re.compile("―[―—]*|—[―—]*|---*|－－－*")


def _dash_part(text: str) -> tuple[str, int]:
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        run = m.group()
        if run[0] in "―—":
            if "―" not in run or len(run) > 2:
                return run  # — and —— are already right; long rules are not dashes
        elif len(run) > 3 or not (
            _is_han(_prev_visible(m.string, m.start(), _SPACES_AND_MARKS))
            or _is_han(_next_visible(m.string, m.end(), _SPACES_AND_MARKS))
        ):
            return run  # -- in Western text or options, ---- rules
        count += 1
        return "——"

    return _DASH.sub(repl, text), count


def dash(text: str, profile: Profile) -> tuple[str, int]:
    """Dashes become the two-em 破折号: ―, ――, ―—, -- and －－ next to Chinese → —— (GB/T 15834)."""
    if profile == "date" or ("―" not in text and "--" not in text and "－－" not in text):
        return text, 0
    return _outside_urls(text, _dash_part)


_HALF_PUNCT = re.compile(r"[,;:?!()]")
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_DIGIT = re.compile("[0-9]")


def _width_part(text: str) -> tuple[str, int]:
    count = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal count
        ch, s = m.group(), m.string
        before, after = _prev_visible(s, m.start(), _SPACES_AND_MARKS), _next_visible(s, m.end(), _SPACES_AND_MARKS)
        if ch in ",:" and before and after and _DIGIT.match(before) and _DIGIT.match(after):
            return ch  # 1,000  10:24  3:1
        if ch == "(" and not (_is_cjk(before) or _is_cjk(after) or _paren_holds_cjk(s, m.end(), ")")):
            return ch
        if ch == ")" and not (_is_cjk(before) or _is_cjk(after) or _paren_holds_cjk(s, m.start(), "(")):
            return ch
        if ch not in "()" and not (_is_cjk(before) or _is_cjk(after)):
            return ch
        count += 1
        return _FULL[ch]

    return _HALF_PUNCT.sub(repl, text), count


# what makes bracketed text Chinese: not the marks this rule itself makes full-width
_PAREN_CONTENT = f"[{HAN}{SHARED_PUNCT}\u3001-\u3003\u3008-\u3011\u3014-\u301f《》]"


@functools.cache
def _paren_content() -> re.Pattern[str]:
    """The search for ``_PAREN_CONTENT`` (compiled when a bracket is first judged by its content)."""
    return re.compile(_PAREN_CONTENT)


def _paren_holds_cjk(s: str, i: int, partner: str) -> bool:
    """Whether the bracketed text from ``i`` to the partner bracket (same line) holds Chinese."""
    if partner == ")":
        end = s.find(")", i)
        inner = s[i:end] if end != -1 else ""
    else:
        start = s.rfind("(", 0, i)
        inner = s[start + 1 : i] if start != -1 else ""
    return _paren_content().search(inner) is not None


# the common case, without a Python call per mark: a mark right next to a Chinese character always
# turns full-width (and is never part of a URL, which is ASCII); patterns start with the literal mark
# because Python's re scans for a literal much faster than for a large character class. Each is compiled when
# a text first holds its mark (two CJK classes make a pattern cost 2–3 ms to compile: a few marks are never met)
@functools.cache
def _next_to_han(half: str) -> re.Pattern[str]:
    return re.compile(f"{re.escape(half)}(?:(?<=[{HAN}].)|(?=[{HAN}]))")


def punctuation_width(text: str, profile: Profile) -> tuple[str, int]:
    """Half-width , ; : ? ! ( ) in Chinese text become full-width ，；：？！（）.

    A mark turns full-width when the visible character before or after it (spaces skipped) is
    Chinese; a bracket also when the bracketed text holds Chinese, so both brackets of a pair
    change together. Numbers keep theirs: 1,000, 10:24, 3:1; so do URLs.
    """
    if profile == "date":
        return text, 0
    # (the marks are _HALF_PUNCT's characters: a substring test for each costs less than a search of the text for
    # the class, and says which to look for; making a mark full-width makes no half-width one)
    present = [half for half in _FULL if half in text]
    if not present:
        return text, 0
    count = 0
    left = False  # a half-width mark is left where its neighbours did not decide (the general pass below)
    for half in present:  # most texts hold one or two of the marks: look for each only where it is
        text, n = _next_to_han(half).subn(_FULL[half], text)
        count += n
        left = left or half in text
    if count and not left:
        return text, count
    text, n = _outside_urls(text, _width_part)
    return text, count + n


_SPACE_RUN = re.compile(f"[{HSPACE}]+")
_DATE_NUMERALS = frozenset("0123456789〇○零一二两三四五六七八九十")


def _space_repl(profile: Profile, counter: list[int], url_edges: set[int]) -> Callable[[re.Match[str]], str]:
    def repl(m: re.Match[str]) -> str:
        run, s = m.group(), m.string
        before = s[m.start() - 1] if m.start() else ""
        after = s[m.end()] if m.end() < len(s) else ""
        if not before or not after or before in "\r\n" or after in "\r\n":
            new = ""  # indentation and trailing space
        elif run == " " and before.isascii() and after.isascii():
            return run  # between Western words (no case below takes two ASCII characters but the last)
        elif m.start() in url_edges or m.end() in url_edges:
            new = " "  # a URL keeps the space that ends it
        elif (before in _DATE_NUMERALS and after in "年月日") or (before in "年月" and after in _DATE_NUMERALS):
            new = ""  # inside a date: 2005年2月19 日, 2005 年 2 月
        elif _FW_PUNCT_RE.match(before) or _FW_PUNCT_RE.match(after):
            new = ""  # full-width punctuation carries its own space
        elif (_SHARED_RE.match(before) and _is_cjk(after)) or (_SHARED_RE.match(after) and _is_cjk(before)):
            new = ""
        elif len(run) > 1 or "\u3000" in run or "\t" in run:
            # a deliberate gap: 行动迅速  开局良好, 第一章　总　则
            new = "\u3000" if (_is_han(before) or _is_han(after)) else " "
        elif (_is_han(before) or _is_han(after)) and _in(before, _DIGIT_OR_HAN_BOUNDS) \
                and _in(after, _DIGIT_OR_HAN_BOUNDS):
            new = "\u3000" if profile == "title" and _is_han(before) and _is_han(after) else ""
        else:
            new = " "
        if new != run:
            counter[0] += 1
        return new

    return repl


def spacing(text: str, profile: Profile) -> tuple[str, int]:
    """Spaces: indentation and stray spaces in Chinese text and dates go; deliberate gaps become one U+3000.

    Spaces inside a date go (2005年2月19 日 → 2005年2月19日: between a numeral and 年/月/日, or
    after 年/月 before a numeral). A single space between two Chinese characters (or a Chinese
    character and a digit) is stray and goes, except in titles where it separates two parts; two or
    more spaces, a tab or an ideographic space next to Chinese are a deliberate gap and become one
    ideographic space (U+3000); spaces next to full-width punctuation go; between Western words any
    run of spaces (NBSP included) becomes one space.
    """
    if not _SPACE_RUN.search(text):
        return text, 0
    counter = [0]
    url_edges = {edge for span in _url_spans(text) for edge in span}
    text = _SPACE_RUN.sub(_space_repl(profile, counter, url_edges), text)
    return text, counter[0]


RULES: list[tuple[str, Rule]] = [
    ("invisible", invisible),
    ("fullwidth_alnum", fullwidth_alnum),
    ("quotes", quotes),
    ("dash", dash),
    ("ellipsis", ellipsis),
    ("punctuation_width", punctuation_width),
    ("spacing", spacing),
]


_MAX_ROUNDS = 4
# every character some rule acts on (a superset: finding none, no rule has anything to do): invisible
# ones, full-width digits and letters, straight quotes, dashes, ellipsis marks (。 only tripled, see
# normalize_text), half-width punctuation and spaces
_NOTHING_TO_DO = re.compile(
    f"[{_INVISIBLE.pattern[1:-1]}\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\"'\uff02\uff07―\\-－．·・.⋯…,;:?!(){HSPACE}]"
)


def _class_chars(spec: str) -> frozenset[str]:
    """The characters of a regex character class's body made of characters and ``a-b`` ranges."""
    chars: set[str] = set()
    i = 0
    while i < len(spec):
        if i + 2 < len(spec) and spec[i + 1] == "-":
            chars.update(map(chr, range(ord(spec[i]), ord(spec[i + 2]) + 1)))
            i += 3
        else:
            chars.add(spec[i])
            i += 1
    return frozenset(chars)


# What each rule needs in a text to have anything to do (its own first test looks for these): a rule
# none of whose characters a round's text holds is not run in that round. The rules make no character
# a later rule needs (they make curly quotes, ——, ……, full-width marks, ASCII letters and digits); only
# ``invisible`` removes characters, and that may bring 。 together into 。。。 for ``ellipsis`` ("。"
# stands for 。。。 in the text, or 。 and an invisible character).
_NEEDS: dict[Rule, frozenset[str]] = {
    invisible: frozenset(_INVISIBLE.pattern[1:-1]),
    fullwidth_alnum: frozenset(map(chr, _FW_ALNUM_TABLE)),
    quotes: frozenset("\"'\uff02\uff07"),
    dash: frozenset("―-－"),
    ellipsis: frozenset("".join(hint for hint, _ in _ELLIPSES)),
    punctuation_width: frozenset(_FULL),
    spacing: _class_chars(HSPACE),
}


# per character: the bits (1 << place in RULES) of the rules that need it; the rules without a _NEEDS entry
# always run; and per set of bits, the rules to run in order, with their places (one look-up per round
# instead of a test of each rule)
_RULES_FOR: dict[str, int] = {}
for _k, (_, _rule) in enumerate(RULES):
    for _ch in _NEEDS.get(_rule, ()):
        _RULES_FOR[_ch] = _RULES_FOR.get(_ch, 0) | 1 << _k
_ALWAYS_RUN = sum(1 << k for k, (_, rule) in enumerate(RULES) if rule not in _NEEDS)
_RUN_PLAN = [
    tuple((k, name, rule) for k, (name, rule) in enumerate(RULES) if wanted >> k & 1)
    for wanted in range(1 << len(RULES))
]


def normalize_text(text: str, profile: Profile = "body", counts: dict[str, int] | None = None) -> str:
    """Run every rule over ``text``; add what each changed to ``counts`` (rule name → times).

    One rule's change can give another something to do (closing up spaces brings marks together:
    。 。 。 → 。。。; a bracket made full-width is Chinese context for its neighbour), so the chain
    runs again while a round changes anything, at most ``_MAX_ROUNDS`` times; normalising twice
    therefore changes nothing (a property test checks it).

    A rule is a function of the text: one that left a text unchanged is not run on the same text
    again in a later round (the rounds after the first mostly find nothing left to do).
    """
    left_alone: dict[int, str] = {}  # rule's place in RULES → the text it last changed nothing in
    for _ in range(_MAX_ROUNDS):
        found = set(_NOTHING_TO_DO.findall(text))
        if not found and "。。。" not in text:
            break  # not one character any rule acts on (most paragraphs; most texts after one round)
        if "。" in text and ("。。。" in text or not _NEEDS[invisible].isdisjoint(found)):
            found.add("。")
        wanted = _ALWAYS_RUN
        for ch in found:
            wanted |= _RULES_FOR.get(ch, 0)
        changed = False
        for k, name, rule in _RUN_PLAN[wanted]:  # the rules with something to do, in order
            if left_alone.get(k) == text:
                continue  # it changed nothing in this very text before
            text, n = rule(text, profile)
            if n:
                changed = True
                if counts is not None:
                    counts[name] = counts.get(name, 0) + n
            else:
                left_alone[k] = text  # a rule that counts no change returns the text as it was
        if not changed:
            break
    return text

"""公文 structure (版头, 发文字号, 主送机关, 落款, 附件说明, 附注, 附件, 版记) of a one-article input.

Two hooks, called by the segmentation pass for an input that is not a bulletin:

``take_header``
    before articles are formed: the 版头 lines at the top (份号, 密级和保密期限, 紧急程度,
    发文机关标志, 发文字号, 签发人) leave the body and fill the header.
``apply``
    after the one article is formed: a 发文字号 printed under the title goes to the header (a 纪要's
    bare 〔2024〕5号 and the 编发单位-and-date line under it too, ``minutes_number``), then the
    article's blocks are read in document order — 主送机关, 正文, 附件说明, 落款 (organ lines over a
    date line), 附注, 版记 lines that stand before the attachments, then the attachments (a 附件N
    label line, or an attached document that follows the 落款 with a title of its own).

How the parts are represented (docs/json-format.md):

* heading lines keep ``type="heading"`` with their level (一、 1, （一） 2, 1. 3, （1） 4, 第X章 1,
  第X节 2); a numbered line that is one short phrase ending with 。 (``（一）指导思想。`` alone on its
  line, followed by unnumbered text) is a heading as well;
* a run-in heading (``（一）指导思想。本段正文…``) stays one paragraph, as printed, and carries the
  level of its marker in ``level``; so does a 第X条 clause of a law or regulation (level 3). A
  paragraph with ``level=None`` opens with no numbered label;
* the 附件说明 stays in the blocks, as ``attachment_note`` blocks (one per item, 附件： as printed);
* an attachment's own 落款 stays at the end of its blocks (the model has no place for it).

Every line taken here ends up in a field (header, addressee, signatures, notes,
attachments, distribution) or, when it only repeats a fact already known, in ``removed``.
"""

from __future__ import annotations

import re

from ..lines import Line, PassState
from ..model import (
    ATTACHMENT_NOTE_LABEL,
    Article,
    Attachment,
    Block,
    DistributionLine,
    Document,
    Header,
    Removed,
    Signature,
)
from ..normalize.dates import find_dates, is_date_only
from ..patterns import (
    ARTICLE_CLAUSE,
    CN_NUM,
    DOC_NUMBER,
    LABELLED,
    ORGAN_END,
    SALUTATION,
    canon,
    cjk_count,
    heading_level,
    is_prose,
    is_title_like,
    normalize_doc_number,
)
from .distribution import match_line

# ---------------------------------------------------------------------------------------------
# Kinds of lines.

_SIGNER = re.compile(r"(?P<label>签\s*发\s*人\s*[:：])\s*(?P<names>.+)$")
_COPY_NUMBER = re.compile(r"^\d{6}$")
_SECRECY = re.compile(r"^(?:绝密|机密|秘密)(?:★.+)?$")
_URGENCY = re.compile(r"^(?:特急|加急|特提|平急)$")
_ISSUER_MARK = re.compile(r"^(?P<organ>\S.{1,40}?)\s*文\s*件$")
_CLOSING = re.compile(r"^(?:特此|此复|此致|敬礼|妥否|当否|以上|如无不妥|请予|请批)")
_ATTACHMENT_LABEL = re.compile(
    rf"^附\s*件\s*(?:(?:[\d{CN_NUM}]{{1,3}}|[（(]\s*[\d{CN_NUM}]{{1,3}}\s*[）)])\s*[:：]?)?\s*$"
)
_ATTACHMENT_LIST = re.compile(ATTACHMENT_NOTE_LABEL.pattern + r"(?P<first>.*)$")  # 附件：, then the first item
_NOTE = re.compile(r"^[（(][^（()）]{2,80}[）)]$")
_DOC_KIND_END = re.compile(
    r"(?:规定|办法|细则|方案|意见|通知|通报|报告|决定|决议|规则|条例|纲要|规划|标准|目录|清单|名单|章程|制度|要点|"
    r"措施|指引|指南|须知|说明|计划|批复|复函|函|请示|纪要|公告|通告)$"
)
_TITLE_OF = re.compile(rf"^(?P<organ>.{{2,40}}?)关于.+(?:{_DOC_KIND_END.pattern})")
_BANJI_LABELS = {"抄送", "抄报", "主送", "分送", "印发", "共印", "主题词"}
_RUN_IN = re.compile(r"^(?P<head>[^，,、；;：:。！？!?]{1,24})[。．.]")
_LAW_CLAUSE_LEVEL = 3
_ORGAN_GAP = re.compile(r"[ \u3000]{2,}|\u3000")  # between two organ names printed on one line
# One organ's name printed over lines in a 落款 or a 发文机关标志 takes at most this many (a long name — a
# development zone's 管理委员会 under its province and city — wraps once or twice at the width of a 落款);
# more short lines over the date are the last lines of the text. Organs signing together (联合行文) print
# one name a line, each ending like an organ's name, and may be many more.
MAX_WRAPPED_ORGAN_LINES = 3
# The most organs a 联合行文 落款 is looked for over (a joint notice of a dozen departments is common;
# the bound keeps a text of many short organ-like lines from being walked back from every date line).
MAX_JOINT_ORGAN_LINES = 30


def split_doc_number_line(text: str) -> tuple[str | None, str | None]:
    """(发文字号 as printed, 签发人) of a line that is a 发文字号 — possibly in parentheses, possibly
    followed by 签发人 — or a lone 签发人 line; (None, None) for any other line."""
    s = text.strip()
    signer = None
    m = _SIGNER.search(s)
    if m:
        signer = re.sub(r"\s+", " ", m.group("names").strip())
        s = s[: m.start()].strip()
        if not s:
            return None, signer
    if len(s) > 2 and s[0] in "（(" and s[-1] in "）)":
        s = s[1:-1].strip()
    if DOC_NUMBER.match(s):
        return s, signer
    return None, None


def _marks(text: str) -> dict[str, str] | None:
    """份号, 密级和保密期限 and 紧急程度 printed on one line; None unless every token is one of them."""
    tokens = re.sub(r"\s*★\s*", "★", text.strip()).split()
    found: dict[str, str] = {}
    for tok in tokens:
        if _COPY_NUMBER.match(tok) and "copy_number" not in found:
            found["copy_number"] = tok
        elif _SECRECY.match(tok) and "secrecy" not in found:
            found["secrecy"] = tok
        elif _URGENCY.match(tok) and "urgency" not in found:
            found["urgency"] = tok
        else:
            return None
    return found or None


def _marks_then_number(text: str) -> tuple[dict[str, str], str] | None:
    """(份号/密级/紧急程度, 发文字号 line) of a line printing both: a 信函 (GB/T 9704 §10.1) sets the 份号 flush left
    and the 发文字号 flush right on the first line under its double rule; None for any other line."""
    tokens = text.split()
    for cut in range(len(tokens) - 1, 0, -1):
        rest = " ".join(tokens[cut:])
        marks = _marks(" ".join(tokens[:cut]))
        if marks and split_doc_number_line(rest)[0] is not None:
            return marks, rest
    return None


def _is_organ_line(text: str) -> bool:
    """A line that can be (part of) a signing organ's name: short, unnumbered, no sentence in it."""
    s = text.strip()
    return (
        2 <= len(s) <= 40
        and cjk_count(s) >= 2
        and not is_prose(s)
        and heading_level(s) is None
        and s[-1] not in "。；;，,：:！？!?、"
        and not _CLOSING.match(s)
        and not _ATTACHMENT_LIST.match(s)
        and not _ATTACHMENT_LABEL.match(s)
        and not LABELLED.match(s)  # 联系电话：… / 联系人：…, a contact line above the 落款
        and not re.search(r"\d{5,}", s)
        and not find_dates(s)
        and "关于" not in s
    )


_DATE_LAST = "日号mM"


def _organ_and_date(text: str) -> tuple[str | None, str, str] | None:
    """(organ or None, ISO date, date as printed) of a 成文日期 line, alone or after an organ name."""
    s = text.strip()
    if not s or not (s[-1] in _DATE_LAST or s[-1].isdecimal()):
        return None  # it must end with a date, as 日, 号, a digit or a 12-hour clock's M ends one
    if is_date_only(s):
        d = find_dates(s)[0]
        return None, d.iso[:10], d.text.strip()
    dates = find_dates(s)
    if len(dates) != 1 or s[dates[0].end :].strip():
        return None
    head = s[: dates[0].start]
    if not re.search(r"\s$", head) or not _is_organ_line(head):
        return None
    return head.strip(), dates[0].iso[:10], dates[0].text.strip()


def _is_note(text: str) -> bool:
    return bool(_NOTE.match(text.strip()))


def _banji(text: str) -> DistributionLine | None:
    d = match_line(text)
    return d if d is not None and d.label in _BANJI_LABELS else None


def _is_title_block(block: Block) -> bool:
    s = block.text
    return (
        is_title_like(s)
        and heading_level(s) is None
        and not is_prose(s)
        and not find_dates(s)
        and not _ATTACHMENT_LABEL.match(s)
        and not s.endswith(("：", ":"))
    )


def _title_run(blocks: list[Block], i: int, *, max_lines: int = 3) -> int:
    """How many blocks from ``i`` form an attached document's title: title-like lines with text after."""
    n = 0
    while i + n < len(blocks) and n < max_lines and _is_title_block(blocks[i + n]):
        n += 1
    if n == 0 or i + n >= len(blocks) or _is_title_block(blocks[i + n]):
        return 0
    return n


def is_document_title(text: str) -> bool:
    """A 公文's title: "…关于…", or a name ending in a kind of document (…办法, …通知)."""
    s = text.strip()
    return "关于" in s or bool(_DOC_KIND_END.search(s))


def _form_label(state: PassState, text: str, line: int | None) -> None:
    """A word of the 公文 form whose value went to a field (附件：, 签发人：, the 文件 of a 发文机关标志):
    kept in ``removed`` so that nothing printed is lost."""
    state.extra_removed.append(Removed(text.strip(), "form_label", line))


class _LinesByNumber:
    """The input lines by number, indexed on first use. (Walking every line for each line taken made a
    page of many repeated 发文字号 lines quadratic: 40,000 of them took 10 s.)"""

    def __init__(self, state: PassState) -> None:
        self.state = state
        self._by_number: dict[int, list[Line]] | None = None

    def find(self, number: int | None, text: str) -> Line | None:
        if number is None:
            return None
        if self._by_number is None:
            self._by_number = {}
            for ln in self.state.lines:
                self._by_number.setdefault(ln.number, []).append(ln)
        return next((ln for ln in self._by_number.get(number, ()) if ln.kept and ln.stripped == text), None)


def _take_line(lines: _LinesByNumber, number: int | None, text: str, reason: str) -> None:
    """Mark the input line a block came from as removed (used for lines that only repeat a fact)."""
    line = lines.find(number, text.strip())
    if line is not None:
        lines.state.remove(line, reason)
    else:
        lines.state.extra_removed.append(Removed(text.strip(), reason, number))


# ---------------------------------------------------------------------------------------------
# 版头.


def _set_doc_number(header: Header, printed: str) -> bool:
    """Fill the 发文字号; False when the header already holds a different one."""
    normal = normalize_doc_number(printed)
    if header.doc_number and canon(header.doc_number) != canon(normal):
        return False
    header.doc_number = normal
    header.doc_number_text = header.doc_number_text or printed
    return True


def _add_signers(state: PassState, header: Header, names: str, line: int | None) -> None:
    """A 签发人 line adds its names to the header (a joint document prints one line per organ, or
    several names on one line); names already there are recorded in ``removed`` as a repeat."""
    have = header.signer.split(" ") if header.signer else []
    given = names.split(" ")
    new = [n for n in given if n not in have]
    if new:
        header.signer = " ".join(have + new)
    repeated = [n for n in given if n in have]
    if repeated:
        state.extra_removed.append(Removed(" ".join(repeated), "repeated_signer", line))


def _take_doc_number_line(lines: _LinesByNumber, header: Header, text: str, line: int | None) -> bool:
    """Take a 发文字号 / 签发人 line into the header; a number the header already holds (from the
    信息公开 table, or printed before) sends the printed line to ``removed`` as a repeat."""
    state = lines.state
    number, signer = split_doc_number_line(text)
    if number is None and signer is None:
        return False
    known = header.doc_number_text
    if number is not None and not _set_doc_number(header, number):
        return False
    if signer:
        _add_signers(state, header, signer, line)
    if number is not None and known:
        _take_line(lines, line, text, "repeated_doc_number")
        return True
    if signer:
        label = _SIGNER.search(text)
        assert label is not None  # split_doc_number_line found the signer by this pattern
        _form_label(state, label.group("label"), line)
    return True


def _is_doc_number_line(line: Line) -> bool:
    return split_doc_number_line(line.stripped) != (None, None) or _marks_then_number(line.stripped) is not None


def _issuer_mark_at(lines: list[Line], i: int) -> str | None:
    """The organ of a 发文机关标志 at ``i``: "XX文件" over a 发文字号 line, or an organ's name right
    over a 发文字号 line that has the title (not a 主送机关 or text) under it."""
    s = lines[i].stripped
    mark = _ISSUER_MARK.match(s)
    if mark:
        organ = mark.group("organ").strip()
        follows = any(_is_doc_number_line(ln) for ln in lines[i + 1 : i + 3])
        return organ if follows and _is_organ_line(organ) else None
    if not (ORGAN_END.search(s) and _is_organ_line(s)) or i + 1 >= len(lines) or not _is_doc_number_line(lines[i + 1]):
        return None
    after = lines[i + 2].stripped if i + 2 < len(lines) else ""
    return s if is_title_like(after) and not after.endswith(("：", ":")) else None


_MARK_NAMES = {"copy_number": "份号", "secrecy": "密级", "urgency": "紧急程度"}


def _set_mark(state: PassState, header: Header, key: str, value: str, line: int | None) -> None:
    """Fill a 份号/密级/紧急程度 field; a value the header already holds goes to ``removed``, as a repeat,
    or as a conflict (with a warning) when it differs: the first one printed stays in the header."""
    known = getattr(header, key)
    if known is None:
        setattr(header, key, value)
        return
    if canon(known) == canon(value):
        state.extra_removed.append(Removed(value, "repeated_mark", line))
        return
    state.extra_removed.append(Removed(value, "conflicting_mark", line))
    state.warnings.append(
        f"版头: a second {_MARK_NAMES[key]} {value!r} differs from {known!r}; the first stays in the header, "
        "the second is in removed (conflicting_mark)"
    )


def _take_issuer_mark(state: PassState, header: Header, line: Line, organ: str) -> None:
    s = line.stripped
    if header.issuer:  # known already (信息公开 table): the printed mark is a repeat
        state.remove(line, "repeated_issuer" if canon(header.issuer) == canon(organ) else "issuer_mark")
        return
    header.issuer = organ
    if organ != s:
        _form_label(state, s[len(organ) :], line.number)


def take_header(state: PassState, lines: list[Line], header: Header) -> list[Line]:
    """Take 版头 lines (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人) off the top of ``lines``."""
    by_number = _LinesByNumber(state)
    i = 0
    while i < len(lines) and i < 10:
        s = lines[i].stripped
        marks = _marks(s)
        if marks:
            for key, value in marks.items():
                _set_mark(state, header, key, value, lines[i].number)
            i += 1
            continue
        if _take_doc_number_line(by_number, header, s, lines[i].number):
            i += 1
            continue
        both = _marks_then_number(s)
        if both and _take_doc_number_line(by_number, header, both[1], lines[i].number):
            for key, value in both[0].items():
                _set_mark(state, header, key, value, lines[i].number)
            i += 1
            continue
        organ = _issuer_mark_at(lines, i)
        if organ:
            _take_issuer_mark(state, header, lines[i], organ)
            i += 1
            continue
        wrapped = _wrapped_issuer_mark_at(lines, i)
        if wrapped:
            _take_wrapped_issuer_mark(state, header, lines[i : i + wrapped])
            i += wrapped
            continue
        break
    return lines[i:]


def _wrapped_issuer_mark_at(lines: list[Line], i: int) -> int:
    """How many lines from ``i`` are a 发文机关标志 of one organ whose name is printed over two or three
    lines, the last ending in 文件, over a 发文字号 line (0 if none). Not every line ends like an organ's
    name: organs signing together (联合行文) print one whole name a line, and are not joined into one."""
    for n in range(2, MAX_WRAPPED_ORGAN_LINES + 1):
        if i + n > len(lines):
            return 0
        mark = _ISSUER_MARK.match(lines[i + n - 1].stripped)
        if not mark:
            continue
        parts = [ln.stripped for ln in lines[i : i + n - 1]] + [mark.group("organ").strip()]
        follows = any(_is_doc_number_line(ln) for ln in lines[i + n : i + n + 2])
        one_name = not all(ORGAN_END.search(p) for p in parts) and bool(ORGAN_END.search(parts[-1]))
        fragments = all(not _is_doc_number_line(ln) and _is_organ_line(ln.stripped) for ln in lines[i : i + n - 1])
        return n if follows and one_name and fragments and _is_organ_line("".join(parts)) else 0
    return 0


def _take_wrapped_issuer_mark(state: PassState, header: Header, lines: list[Line]) -> None:
    mark = _ISSUER_MARK.match(lines[-1].stripped)
    assert mark is not None  # _wrapped_issuer_mark_at found it so
    organ = "".join(ln.stripped for ln in lines[:-1]) + mark.group("organ").strip()
    if header.issuer:  # known already (信息公开 table): the printed mark is a repeat
        reason = "repeated_issuer" if canon(header.issuer) == canon(organ) else "issuer_mark"
        for ln in lines:
            state.remove(ln, reason)
        return
    header.issuer = organ
    _form_label(state, lines[-1].stripped[mark.end("organ") :], lines[-1].number)


# ---------------------------------------------------------------------------------------------
# The article.


def _doc_number_under_title(art: Article, header: Header, state: PassState) -> None:
    """A 发文字号 (or 签发人) line printed between the title and the text goes to the header."""
    lines = _LinesByNumber(state)
    line = None  # title lines carry no line numbers
    kept_title = [t for t in art.title_lines if not _take_doc_number_line(lines, header, t, line)]
    if len(kept_title) != len(art.title_lines) and kept_title:
        art.title_lines = kept_title
        art.title = "".join(kept_title)
    if art.subtitle and _take_doc_number_line(lines, header, art.subtitle, line):
        art.subtitle = None
    taken = 0
    while taken < len(art.blocks) and _take_doc_number_line(lines, header, art.blocks[taken].text,
                                                            art.blocks[taken].line):
        taken += 1
    if taken:
        del art.blocks[:taken]


# A 纪要 (GB/T 9704 §10.3) prints its number without an organ's 代字 — 〔2024〕5号, or 第5期 — under its
# 纪要标志 (the title), and the 编发单位 with the date on the line under the number
_MINUTES_TITLE = re.compile(r"纪\s*要$")
_MINUTES_NUMBER = re.compile(r"^[〔［\[]\s*\d{4}\s*[〕］\]]\s*(?:第\s*)?\d{1,5}\s*号$|^第\s*\d{1,4}\s*期$")
# the head's lines stand right under the title: a page that sets them apart from the text's container
# leaves them, removed as outside the content, among the few lines above the text's first line
_MINUTES_HEAD_REACH = 3


def _minutes_head_lines(art: Article, state: PassState) -> tuple[list[str], bool]:
    """The texts that may be a 纪要's head, and whether they are the article's first blocks (else lines
    removed as outside the content, above the first block)."""
    first = art.blocks[0] if art.blocks else None
    if first is not None and _MINUTES_NUMBER.match(first.text.strip()):
        return [b.text.strip() for b in art.blocks[:2]], True
    if first is None or first.line is None:
        return [], False
    above = [
        ln.stripped for ln in state.lines
        if first.line - _MINUTES_HEAD_REACH <= ln.number < first.line and ln.removed == "outside_main_content"
    ]
    at = next((i for i, t in enumerate(above) if _MINUTES_NUMBER.match(t)), None)
    return (above[at : at + 2], False) if at is not None else ([], False)


def minutes_number(art: Article, header: Header, state: PassState) -> None:
    """A 纪要's head: the number printed under its title is its 发文字号, and the 编发单位 and date on
    the line under the number its issuer and 成文日期 (kept lines leave the text for the header)."""
    if not art.title or not _MINUTES_TITLE.search(art.title) or header.doc_number:
        return
    texts, in_blocks = _minutes_head_lines(art, state)
    if not texts:
        return
    _set_doc_number(header, texts[0])
    taken = 1
    found = _organ_and_date(texts[1]) if len(texts) > 1 else None
    if found is not None and found[0] and ORGAN_END.search(found[0]):
        organ, date, date_text = found
        header.issuer = header.issuer or organ
        if header.date is None:
            header.date, header.date_text = date, date_text
        taken = 2
    if in_blocks:
        del art.blocks[:taken]


def _is_addressee(text: str) -> bool:
    """主送机关: one line ending with a colon that lists organs — not a salutation (同志们：)."""
    s = text.strip()
    if not s.endswith(("：", ":")) or len(s) > 200 or SALUTATION.search(s) or heading_level(s) is not None:
        return False
    body = s[:-1].strip()
    if not body or re.search(r"[。！？!?；;]", body):
        return False
    items = [x.strip() for x in re.split(r"[，,、]", body) if x.strip()]
    return bool(items) and bool(ORGAN_END.search(items[-1]))


def _addressee_blocks(blocks: list[Block]) -> int:
    """How many leading blocks hold the 主送机关: one line, or a list of organs wrapped after 、 or ，."""
    if blocks and _is_addressee(blocks[0].text):
        return 1
    wrapped = len(blocks) > 2 and blocks[0].text.endswith(("、", "，", ","))
    if wrapped and _is_addressee(blocks[0].text + blocks[1].text):
        return 2
    return 0


def _signature_at(blocks: list[Block], *, official: bool, signed: frozenset[int] = frozenset()) -> int | None:
    """Index of the main 成文日期 line: the first date line followed only by 附注, 版记 lines and
    (optionally) an attached document that starts with its own title. Unless the text is already
    known to be a 公文 (``official``: a 发文字号 or 主送机关), a 落款 needs an organ's name over the
    date — a news page may end with a bare date or a reporter's name — or the reader must have seen
    the date set as a 落款 (``signed``: line numbers the DOCX reader hints ``signature``)."""
    for i, b in enumerate(blocks):
        found = _organ_and_date(b.text)
        if found is None:
            continue
        if not official and b.line not in signed:
            organ_at = _organ_lines(blocks, i)
            organ = found[0] or "".join(x.text for x in blocks[organ_at:i])
            if not organ or not ORGAN_END.search(organ):
                continue
        j = i + 1
        while j < len(blocks) and (_is_note(blocks[j].text) or _banji(blocks[j].text)):
            j += 1
        if j == len(blocks) or _title_run(blocks, j):
            return i
    return None


def _organ_lines(blocks: list[Block], date_at: int) -> int:
    """Index where the organ lines above the date line start (== ``date_at`` when there are none):
    one name wrapped over up to ``MAX_WRAPPED_ORGAN_LINES`` lines, or the organs of a 联合行文, one a
    line (``joint_organ_lines``)."""
    start = date_at
    while start > 0 and date_at - start < MAX_JOINT_ORGAN_LINES and _is_organ_line(blocks[start - 1].text):
        start -= 1
    if date_at - start > MAX_WRAPPED_ORGAN_LINES:
        start = date_at - joint_organ_lines([b.text for b in blocks[start:date_at]])
    if start < date_at and start == 0:
        return date_at  # a whole text of short lines is no 落款
    return start


def joint_organ_lines(lines: list[str]) -> int:
    """How many of the organ-like ``lines`` over a date, counted from the last, sign it: all the last ones
    that each end like an organ's name when they are more than one name wraps over (联合行文), else the
    last ``MAX_WRAPPED_ORGAN_LINES`` (one name wrapped; the lines above it are text)."""
    n = 0
    while n < len(lines) and ORGAN_END.search(lines[-1 - n].strip()):
        n += 1
    return n if n > MAX_WRAPPED_ORGAN_LINES else min(len(lines), MAX_WRAPPED_ORGAN_LINES)


def _signatures(organ_lines: list[str], date: str, date_text: str) -> list[Signature]:
    """One signature per organ: lines that each end like an organ's name are organs signing together
    (联合行文); otherwise the lines are one name wrapped over two or three lines."""
    if not organ_lines:
        return [Signature(None, date, date_text)]
    # organs printed side by side on a line, apart by a wide gap: each one signs
    parts = [p for line in organ_lines for p in _ORGAN_GAP.split(line.strip()) if p]
    if len(parts) > len(organ_lines) and all(ORGAN_END.search(p) for p in parts):
        organ_lines = parts
    if len(organ_lines) > 1 and all(ORGAN_END.search(x) for x in organ_lines):
        return [Signature(x, date, date_text) for x in organ_lines]
    return [Signature("".join(organ_lines), date, date_text)]


def _attachment_notes(blocks: list[Block]) -> list[Block]:
    """附件说明 at the end of the text (附件：1.… then one line per further item) as ``attachment_note`` blocks,
    one per item, the label kept as printed: it is text of the document (GB/T 9704 §7.3.4)."""
    for i in range(len(blocks) - 1, max(-1, len(blocks) - 12), -1):
        if not _ATTACHMENT_LIST.match(blocks[i].text):
            continue
        if any(len(b.text) > 100 for b in blocks[i + 1 :]):
            return blocks
        m = _ATTACHMENT_LIST.match(blocks[i].text)
        notes = [Block("attachment_note", blocks[i].text, None, blocks[i].line)]
        has_item = bool(m and m.group("first").strip())  # (附件： may stand alone over a numbered list)
        end = len(blocks)
        for k in range(i + 1, len(blocks)):
            b = blocks[k]
            if LABELLED.match(b.text):
                end = k  # a label of its own (温馨提示：…, 联系人：…) ends the list: the rest stays text
                break
            if has_item and heading_level(b.text) is None:  # an item wrapped over two lines
                notes[-1] = Block("attachment_note", notes[-1].text + b.text, None, notes[-1].line)
            else:
                notes.append(Block("attachment_note", b.text, None, b.line))
            has_item = True
        return blocks[:i] + notes + blocks[end:]
    return blocks


def _attachments(blocks: list[Block]) -> list[Attachment]:
    """Attachments in order: each opened by a 附件N label line, or — for documents attached without a
    label (a forwarded 意见, two attached 规定) — by a title block ending in a kind of document."""
    out: list[Attachment] = []
    i = 0
    while i < len(blocks):
        text = blocks[i].text
        if _ATTACHMENT_LABEL.match(text):
            n = _title_run(blocks, i + 1)
            title = "".join(b.text for b in blocks[i + 1 : i + 1 + n]) or None
            out.append(Attachment(re.sub(r"[\s:：]", "", text), title))
            i += 1 + n
            continue
        n = _title_run(blocks, i)
        starts = n and (not out or _DOC_KIND_END.search("".join(b.text for b in blocks[i : i + n])))
        if starts and (not out or not out[-1].blocks or out[-1].blocks[-1].type == "paragraph"):
            out.append(Attachment("", "".join(b.text for b in blocks[i : i + n])))
            i += n
            continue
        if not out:
            out.append(Attachment(""))
        out[-1].blocks.append(blocks[i])
        i += 1
    return out


def _levels(blocks: list[Block]) -> None:
    """Heading levels of 公文 text: lone run-in headings, run-in paragraphs and 第X条 clauses."""
    for i, b in enumerate(blocks):
        if b.type != "paragraph":
            continue
        level = heading_level(b.text)
        if ARTICLE_CLAUSE.match(b.text):
            b.level = _LAW_CLAUSE_LEVEL
            continue
        if level is None:
            continue
        marker = _marker_end(b.text)
        m = _RUN_IN.match(b.text[marker:])
        if not m:
            continue
        rest = b.text[marker + m.end() :].strip()
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        prev = blocks[i - 1] if i else None
        # the last item of a list ("（一）…；（二）…；（六）其他人员。") is an item like the ones before it
        last_item = prev is not None and heading_level(prev.text) == level and prev.text.rstrip().endswith(("；", ";"))
        if not rest and nxt is not None and _deeper_or_plain(nxt, level) and not last_item:
            blocks[i] = Block("heading", b.text, level, b.line)
        elif rest:
            b.level = level


def _marker_end(text: str) -> int:
    m = re.match(rf"^(?:[{CN_NUM}]+\s*[、．.]|[（(]\s*[{CN_NUM}\d]+\s*[）)]|\d{{1,2}}\s*[.．、])\s*", text)
    return m.end() if m else 0


def _deeper_or_plain(block: Block, level: int) -> bool:
    nxt_level = heading_level(block.text)
    return nxt_level is None or nxt_level > level


def apply(doc: Document, state: PassState) -> None:
    """Turn the single article's blocks into 公文 parts (addressee, signatures, notes, attachments)."""
    if len(doc.articles) != 1:
        return
    art, header = doc.articles[0], doc.header
    _doc_number_under_title(art, header, state)
    minutes_number(art, header, state)
    blocks = art.blocks
    n = _addressee_blocks(blocks)
    if n:
        art.addressee = "".join(b.text.strip() for b in blocks[:n])[:-1].strip()
        blocks = blocks[n:]
    label_at = next((i for i, b in enumerate(blocks) if i and _ATTACHMENT_LABEL.match(b.text)), len(blocks))
    main, rest = blocks[:label_at], blocks[label_at:]
    signed = frozenset(ln.number for ln in state.lines if "signature" in ln.hints)
    date_at = _signature_at(main, official=bool(header.doc_number or art.addressee), signed=signed)
    if date_at is not None:
        organ_at = _organ_lines(main, date_at)
        found = _organ_and_date(main[date_at].text)
        assert found is not None  # _signature_at returns only a line _organ_and_date reads
        organ, date, date_text = found
        lines = [b.text for b in main[organ_at:date_at]] + ([organ] if organ else [])
        art.signatures = _signatures(lines, date, date_text)
        rest = _notes_and_banji(doc, art, main[date_at + 1 :]) + rest
        main = _attachment_notes(main[:organ_at])
    elif header.doc_number or art.addressee:
        main = _attachment_notes(main)  # a page that prints no 落款
    art.blocks = main
    art.attachments = _attachments(rest)
    _levels(art.blocks)
    for att in art.attachments:
        _levels(att.blocks)
        _plain_signature_lines(att.blocks)
    _header_facts(doc, art)


def _notes_and_banji(doc: Document, art: Article, tail: list[Block]) -> list[Block]:
    """附注 and 版记 lines right after the 落款 go to ``notes`` and ``distribution``; returns the rest."""
    banji: list[DistributionLine] = []
    while tail and (_is_note(tail[0].text) or _banji(tail[0].text)):
        d = _banji(tail[0].text)
        if d is not None:
            banji.append(d)
        else:
            art.notes.append(tail[0].text.strip())
        tail = tail[1:]
    doc.distribution[0:0] = banji  # printed before the attachments: ahead of any at the very end
    return tail


def _plain_signature_lines(blocks: list[Block]) -> None:
    """An attachment's own 落款 (organ lines over a date line at its end) stays in its blocks, as
    paragraphs: they are no headings."""
    if not blocks or _organ_and_date(blocks[-1].text) is None:
        return
    for b in blocks[_organ_lines(blocks, len(blocks) - 1) :]:
        b.type, b.level = "paragraph", None


def _header_facts(doc: Document, art: Article) -> None:
    """成文日期 and 发文机关 from the 落款 (or the title's 发文机关) when the header has none."""
    h = doc.header
    dated = next((s for s in art.signatures if s.date), None)
    if h.date is None and dated is not None:
        h.date, h.date_text = dated.date, dated.date_text
    if h.issuer is None:
        organs = [s.organ for s in art.signatures if s.organ]
        if organs:
            h.issuer = "、".join(organs) if len(organs) > 1 else organs[0]
        elif art.title and (h.doc_number or art.addressee or art.signatures or art.subtitle):
            m = _TITLE_OF.match(art.title)
            if m and ORGAN_END.search(m.group("organ")):
                h.issuer = m.group("organ")

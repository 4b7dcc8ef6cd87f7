"""报尾 / 版记 lines at the end: 报/送/发, 抄送, 主送, 印发, 共印N份, and the 主题词 line of documents
printed before 2012 (never 抄送 inside a sentence: a label opens its line and is followed by a colon)."""

from __future__ import annotations

import functools
import re

from ..lines import Line
from ..model import DistributionLine
from ..patterns import is_prose

_LABELED = re.compile(
    r"^\s*(?P<label>主\s*题\s*词|抄\s*送|抄\s*报|主\s*送|分\s*送|报\s*送|发\s*送|报|送|发|抄)\s*[:：]\s*(?P<text>.*)$"
)
_OTHER_LABEL = r"^\s*(?P<label>[\u4e00-\u9fff](?:\s*[\u4e00-\u9fff]){0,3})\s*[:：]\s*(?P<text>\S.*)$"


@functools.cache
def _other_label() -> re.Pattern[str]:
    """``_OTHER_LABEL`` compiled when a distribution block is first found (its CJK classes cost a millisecond
    to compile; most documents have no such block)."""
    return re.compile(_OTHER_LABEL)
_NOT_RECIPIENTS = {"主题词"}  # keywords, not organs
_PRINTED = re.compile(r"^(?P<text>.*?\S)\s*(?P<label>印发)\s*$|^(?P<label2>共印)\s*(?P<text2>\d+\s*份)\s*[)）]?$")
_TOTAL = re.compile(r"^[（(]?\s*(?P<label>共印)\s*(?P<text>[\d一二三四五六七八九十百千]+\s*份)\s*[)）]?\s*$")


_SEPARATOR = re.compile("[，,；;]")


def _recipients(text: str) -> list[str]:
    """Split a recipient list at top-level commas (not inside parentheses). Without an opening parenthesis
    every comma is at the top: one split, not a Python step per character."""
    if "（" not in text and "(" not in text:
        *parts, last = _SEPARATOR.split(text)
        out = [part.strip() for part in parts if part.strip()]
        last = last.strip().rstrip("。.")
        return [*out, last] if last else out
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if ch in "，,；;" and depth == 0:
            if cur.strip():
                out.append(cur.strip())
            cur = ""
            continue
        cur += ch
    cur = cur.strip().rstrip("。.")
    if cur:
        out.append(cur)
    return out


# what a line must hold for each pattern to take it: the first character of a label (the line is stripped);
# 共印; 印发 on a line of at most PRINTED_MAX_LEN characters (the second way of _PRINTED names no label)
_LABEL_FIRST = frozenset("主抄分报发送")
PRINTED_MAX_LEN = 60


def match_line(text: str) -> DistributionLine | None:
    s = text.strip()
    m = _LABELED.match(s) if s[:1] in _LABEL_FIRST else None
    if m:
        body = m.group("text").strip()
        label = re.sub(r"\s", "", m.group("label"))
        return DistributionLine(label, body, [] if label in _NOT_RECIPIENTS else _recipients(body))
    m = _TOTAL.match(s) if "共印" in s else None
    if m:
        return DistributionLine(m.group("label"), m.group("text"), [])
    m = _PRINTED.match(s) if len(s) <= PRINTED_MAX_LEN and "印发" in s else None
    if m and m.group("label"):
        return DistributionLine("印发", m.group("text"), [])
    return None


def parse_distribution(lines: list[Line]) -> tuple[list[DistributionLine], int]:
    """The distribution block at the end of ``lines``; returns it and the index where it starts."""
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        s = lines[i].stripped
        if match_line(s) is not None:
            start = i
        elif start == i + 1 and not is_prose(s) and len(s) <= 40 and i + 1 < len(lines):
            continue  # a wrapped recipients line between labeled lines
        else:
            break
    while start < len(lines) and match_line(lines[start].stripped) is None:
        start += 1
    block: list[DistributionLine] = []
    for ln in lines[start:]:
        d = match_line(ln.stripped)
        if d is None and block and (other := _other_label().match(ln.stripped)):
            # a label of its own inside the block (呈：, 下发：): its own line, never the previous one's text
            label, text = re.sub(r"\s", "", other.group("label")), other.group("text").strip()
            d = DistributionLine(label, text, _recipients(text))
        if d is not None:
            block.append(d)
        elif block:
            block[-1].text += ln.stripped
            block[-1].recipients = _recipients(block[-1].text)
    return block, start

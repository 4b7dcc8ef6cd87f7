"""目录 of a bulletin issue: bulleted lines (●, ·, ◆ …) before the first article."""

from __future__ import annotations

import re

from ..lines import Line
from ..patterns import BULLETS, strip_bullet

_TOC_LABEL = re.compile(r"^(?:目\s*录|本期要目|本期目录|要\s*目|本期导读|内容提要)\s*[:：]?$")


def parse_toc(lines: list[Line]) -> tuple[list[str], list[Line], int]:
    """TOC items from the start of ``lines``; also returns label lines (目录) and how many lines it used."""
    items: list[str] = []
    labels: list[Line] = []
    used = 0
    for i, ln in enumerate(lines):
        s = ln.stripped
        if not items and _TOC_LABEL.match(s):
            labels.append(ln)
            used = i + 1
            continue
        if s and s[0] in BULLETS:
            items.append(strip_bullet(s))
            used = i + 1
            continue
        break
    return items, labels, used

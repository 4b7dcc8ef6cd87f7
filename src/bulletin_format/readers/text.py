"""Plain-text reader: every input line is a line; blank lines are remembered, not kept."""

from __future__ import annotations

from ..lines import PassState, text_to_lines

FORMAT = "text"


def sniff(text: str) -> bool:
    return True


def read(text: str, *, name: str = "<text>") -> PassState:
    return PassState(lines=text_to_lines(text))

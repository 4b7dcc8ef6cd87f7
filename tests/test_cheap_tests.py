"""The cheaper forms of tests that used to be regular expressions: each answers exactly as the expression
did, on every character of the Basic Multilingual Plane and around every edge of the classes beyond it."""

from __future__ import annotations

import re

from bulletin_format.normalize import rules


def _characters() -> list[str]:
    """Every BMP character, and the astral code points next to every bound of the classes, and a sample."""
    points = set(range(0x10000)) | set(range(0x10000, 0x110000, 997))
    for bounds in (rules._HAN_BOUNDS, rules._CJK_BOUNDS, rules._DIGIT_OR_HAN_BOUNDS):
        for edge in bounds:
            points.update(p for p in (edge - 1, edge, edge + 1) if 0 <= p < 0x110000)
    return [chr(p) for p in sorted(points)]


def test_one_character_tests_answer_as_their_classes() -> None:
    han = re.compile(f"[{rules.HAN}]")
    cjk = re.compile(f"[{rules.HAN}{rules.FW_PUNCT}{rules.SHARED_PUNCT}]")
    digit_or_han = re.compile(f"[0-9{rules.HAN}]")
    for ch in _characters():
        assert rules._is_han(ch) == (han.match(ch) is not None), hex(ord(ch))
        assert rules._is_cjk(ch) == (cjk.match(ch) is not None), hex(ord(ch))
        assert rules._in(ch, rules._DIGIT_OR_HAN_BOUNDS) == (digit_or_han.match(ch) is not None), hex(ord(ch))
    assert not rules._is_han("") and not rules._is_cjk("")
    assert rules._is_han("中a") and not rules._is_han("a中")  # the first character only, as ``match``


def test_bounds_merge_overlapping_and_adjacent_ranges() -> None:
    assert rules._bounds("a-cb-dx") == (ord("a"), ord("e"), ord("x"), ord("y"))
    assert rules._bounds("0-9a-f") == (ord("0"), ord("9") + 1, ord("a"), ord("f") + 1)
    assert rules._bounds("c-de-f") == (ord("c"), ord("g"))  # adjacent ranges are one span

"""Word's automatic numbering, materialised as the text Word prints (一、 （一） 1. （1） ①).

``Numbering`` reads ``word/numbering.xml`` (abstract definitions, their instances and overrides) and,
fed the numbered paragraphs in document order, returns each one's label. Counters follow Word: they
belong to the abstract definition (two instances of one definition continue each other's count),
an instance with a ``startOverride`` restarts its level the first time it is used, and numbering a
level resets the levels below it (unless ``lvlRestart`` says otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..patterns import BULLETS

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DIGITS = "零一二三四五六七八九"  # counting: 一百零一
_DIGIT_GLYPHS = "〇一二三四五六七八九"  # digit by digit: 二〇二四
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
# Word's (and LibreOffice's) names for counting the Chinese way: 一 … 十 十一 … 一百零一
_COUNTING = frozenset({
    "chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
    "japaneseCounting",
})
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = [chr(c) for c in range(0x2460, 0x2474)]  # ①…⑳
_PAREN = [chr(c) for c in range(0x2474, 0x2488)]  # ⑴…⒇
_FULLSTOP = [chr(c) for c in range(0x2488, 0x249C)]  # ⒈…⒛
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
GENERIC_BULLET = "●"  # printed for a bullet whose glyph sits in a symbol font's private-use area
MAX_LEVELS = 9  # OOXML numbering has levels 0–8


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _val(el: etree._Element | None, name: str = "val") -> str | None:
    return None if el is None else el.get(_w(name))


def chinese_counting(n: int, digits: str = _DIGITS, units: str = "十百千万", *, legal: bool = False) -> str:
    """一 二 … 十 十一 … 二十 … 一百零一: how Chinese counts (Word's chineseCounting formats); ``legal``
    (大写, 壹拾贰) keeps the 壹 before 拾."""
    if n <= 0:
        return _DIGIT_GLYPHS[0] if n == 0 else str(n)
    if n >= 100_000:
        return str(n)
    parts: list[str] = []
    zero = False
    for power in range(4, -1, -1):
        digit = n // 10**power % 10
        if digit == 0:
            zero = bool(parts)
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        unit = units[power - 1] if power else ""
        parts.append(("" if digit == 1 and power == 1 and not parts and not legal else digits[digit]) + unit)
    return "".join(parts)


def _letters(n: int, upper: bool) -> str:
    """A, B, … Z, AA, BB … (Word repeats the letter)."""
    if n <= 0:
        return str(n)
    letter = chr((ord("A") if upper else ord("a")) + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)


def _roman(n: int, upper: bool) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out if upper else out.lower()


def _from_list(n: int, items: list[str] | str) -> str:
    return items[n - 1] if 0 < n <= len(items) else str(n)


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word's number format ``fmt`` (w:numFmt/@w:val); unknown formats print as decimal."""
    if fmt in _COUNTING:
        return chinese_counting(n)
    if fmt == "chineseLegalSimplified":
        return chinese_counting(n, _LEGAL, "拾佰仟万", legal=True)
    if fmt in ("ideographLegalTraditional", "japaneseLegal"):
        return chinese_counting(n, _LEGAL_TRADITIONAL, "拾佰仟萬", legal=True)
    if fmt in ("ideographDigital", "japaneseDigitalTenThousand", "taiwaneseDigital"):
        return "".join(_DIGIT_GLYPHS[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _from_list(n, _STEMS)
    if fmt == "ideographZodiac":
        return _from_list(n, _BRANCHES)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return _from_list(n, _CIRCLED)
    if fmt == "decimalEnclosedParen":
        return _from_list(n, _PAREN)
    if fmt == "decimalEnclosedFullstop":
        return _from_list(n, _FULLSTOP)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(0xFF10 + int(d)) if d.isdigit() else d for d in str(n))
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n, fmt == "upperRoman")
    if fmt == "none":
        return ""
    return str(n)


def bullet_text(glyph: str) -> str:
    """The printed bullet: a known bullet character as it is, a symbol-font glyph as ●."""
    glyph = glyph.strip()
    if not glyph:
        return ""
    if all(c in BULLETS for c in glyph):
        return glyph
    if any(0xE000 <= ord(c) <= 0xF8FF for c in glyph) or len(glyph) == 1:
        return GENERIC_BULLET
    return glyph


@dataclass
class Level:
    """One level of an abstract numbering definition."""

    start: int = 0
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # reset after a level up to this one (1-based); 0 never; None: any higher level
    legal: bool = False  # w:isLgl: every level printed as decimal
    style: str | None = None  # a paragraph style linked to this level


@dataclass
class Numbering:
    """The numbering definitions of one DOCX and the counters of the paragraphs numbered so far."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    instances: dict[str, str] = field(default_factory=dict)  # numId → abstractNumId
    overrides: dict[str, dict[int, tuple[int | None, Level | None]]] = field(default_factory=dict)
    counters: dict[str, list[int | None]] = field(default_factory=dict)  # abstractNumId → counter per level
    started: set[str] = field(default_factory=set)  # instances whose start overrides were applied

    @classmethod
    def from_xml(cls, root: etree._Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        for abstract in root.iter(_w("abstractNum")):
            aid = _val(abstract, "abstractNumId")
            if aid is not None:
                numbering.abstract[aid] = {
                    int(_val(lvl, "ilvl") or 0): _level(lvl) for lvl in abstract.iter(_w("lvl"))
                }
        for num in root.iter(_w("num")):
            nid = _val(num, "numId")
            aid = _val(num.find(_w("abstractNumId")))
            if nid is None or aid is None:
                continue
            numbering.instances[nid] = aid
            for override in num.iter(_w("lvlOverride")):
                ilvl = int(_val(override, "ilvl") or 0)
                start = _val(override.find(_w("startOverride")))
                lvl = override.find(_w("lvl"))
                numbering.overrides.setdefault(nid, {})[ilvl] = (
                    int(start) if start is not None and start.lstrip("-").isdigit() else None,
                    _level(lvl) if lvl is not None else None,
                )
        return numbering

    def level_for_style(self, num_id: str, style_id: str) -> int:
        """The level whose w:pStyle links it to ``style_id`` (a style that carries numbering), else 0."""
        levels = self.abstract.get(self.instances.get(num_id, ""), {})
        return next((i for i, lvl in levels.items() if lvl.style == style_id), 0)

    def _level(self, num_id: str, ilvl: int) -> Level | None:
        override = self.overrides.get(num_id, {}).get(ilvl)
        if override and override[1] is not None:
            return override[1]
        return self.abstract.get(self.instances.get(num_id, ""), {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> str:
        """Count one more paragraph at (``num_id``, ``ilvl``) and return the label Word prints before it
        (``join_label`` puts it before the paragraph's text)."""
        aid = self.instances.get(num_id)
        if aid is None or num_id == "0" or not 0 <= ilvl < MAX_LEVELS:
            return ""
        level = self._level(num_id, ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(aid, [None] * MAX_LEVELS)
        if num_id not in self.started:
            self.started.add(num_id)
            for i, (start, _) in self.overrides.get(num_id, {}).items():
                if start is not None and 0 <= i < MAX_LEVELS:
                    counters[i] = start - 1
        current = counters[ilvl]
        counters[ilvl] = (level.start if current is None else current + 1)
        for deeper in range(ilvl + 1, MAX_LEVELS):
            lower = self._level(num_id, deeper)
            restart = lower.restart if lower is not None else None
            if restart is None or (restart and ilvl + 1 <= restart):
                counters[deeper] = None
        if level.fmt == "bullet":
            text = bullet_text(level.text)
        else:
            text = level.text
            for i in range(MAX_LEVELS - 1, -1, -1):
                marker = f"%{i + 1}"
                if marker not in text:
                    continue
                lvl = self._level(num_id, i) or Level()
                counted = counters[i]
                value = counted if counted is not None else lvl.start
                fmt = "decimal" if (level.legal and i != ilvl) else lvl.fmt
                text = text.replace(marker, format_number(value, fmt))
        return text


def join_label(label: str, text: str) -> str:
    """A number label and its paragraph's text as printed on one line: Word's tab after ``1.`` is no
    character of the text; a space is kept only between Latin characters (``1. Scope``), never before
    Chinese (``1.建立值班制度``, ``一、总体要求``)."""
    text = text.lstrip()
    if label and text and label[-1].isascii() and text[0].isascii() and text[0].isalnum():
        return f"{label} {text}"
    return label + text


def _level(lvl: etree._Element) -> Level:
    start = _val(lvl.find(_w("start")))
    restart = _val(lvl.find(_w("lvlRestart")))
    legal = lvl.find(_w("isLgl"))
    return Level(
        start=int(start) if start is not None and start.lstrip("-").isdigit() else 0,
        fmt=_val(lvl.find(_w("numFmt"))) or "decimal",
        text=_val(lvl.find(_w("lvlText"))) or "",
        restart=int(restart) if restart is not None and restart.isdigit() else None,
        legal=legal is not None and _val(legal) not in ("0", "false"),
        style=_val(lvl.find(_w("pStyle"))),
    )

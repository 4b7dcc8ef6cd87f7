"""Bytes → text, with the codec used and the evidence for it reported.

The layers (docs/encoding.md explains each and why):

1. a BOM (UTF-8-SIG, UTF-32 LE/BE before UTF-16 LE/BE);
2. BOM-less UTF-16/32, recognised by NUL bytes on alternate positions;
3. strict UTF-8 over the whole input (pure ASCII passes here);
4. the declared charset (``<?xml encoding>``, ``<meta charset>``, ``http-equiv``) mapped to its superset;
5. GB18030 settled without a detector: the sample decodes strictly as gb18030, reads as Chinese beyond doubt,
   and as none of the codecs a detector could prefer (the Big5 family, Japanese, Korean, UTF-8);
6. chardet on a bounded, markup-stripped sample, its answer promoted to the superset;
7. a "does this look like Chinese" check that accepts an answer, or overrules a wrong single-byte, UTF-16/32
   or GB/Big5 answer with a Chinese decoding (never a Japanese, Korean or UTF-8 answer);
8. a fallback: gb18030 vs the Big5 family by what decodes strictly and looks more Chinese; otherwise a decode
   with U+FFFD replacement that is reported (how many characters, and where).

Every layer works on a bounded sample and decodes the whole input only to verify or produce the answer,
so detection costs the same on 1 KiB as on 16 MiB; the whole-input decode is the only linear part.
"""

from __future__ import annotations

import codecs
import functools
import inspect
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

SAMPLE_BYTES = 64 * 1024  # what the detector and the plausibility check look at
DECLARATION_BYTES = 8 * 1024  # where a charset declaration is looked for
PLAUSIBLE_CHARS = 20_000  # characters the plausibility check reads
THRESHOLD = 0.80  # plausibility above which a decoding "looks Chinese" (spec/encoding.md)
# plausibility from which a gb18030 reading no rival codec can read is settled without the detector: correct
# decodings score >= 0.96 from 200 characters on, wrong-but-strict ones <= 0.75 (spec/encoding.md); a short
# sample between the two (50 characters score >= 0.875) is left to the detector
SETTLED = 0.95
MAX_REPORTED = 20  # replacement offsets kept in Decoded.replaced_at
# bytes past the first non-ASCII one that a rival codec must read before it reads the whole sample: a codec
# that fails (the rule for GBK text) fails within the first few hanzi, and a failure there is a failure of
# the whole sample (a prefix of a strict reading is strict)
RIVAL_WINDOW = 4 * 1024

Detector = Callable[[bytes], "tuple[str | None, float | None]"]

_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with the UTF-16 LE BOM
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_GB = ("gb18030",)
_BIG5 = ("big5", "cp950", "big5hkscs")
_CHINESE = frozenset(_GB + _BIG5)
# Labels Python does not know, and labels whose superset is what pages really mean (WHATWG's mapping).
_ALIASES = {
    "x-gbk": "gbk", "gb_2312-80": "gb2312", "gb_2312": "gb2312", "csgb2312": "gb2312", "x-gb2312": "gb2312",
    "chinese": "gb2312", "iso-ir-58": "gb2312", "x-euc-cn": "gb2312", "x-big5": "big5", "cn-big5": "big5",
    "csbig5": "big5", "x-x-big5": "big5", "windows-31j": "cp932", "x-sjis": "shift_jis", "ms_kanji": "shift_jis",
    "windows-874": "cp874", "x-mac-chinesesimp": "gb2312", "x-mac-chinesetrad": "big5",
}
_SUPERSETS: dict[str, tuple[str, ...]] = {
    "gb2312": _GB, "gbk": _GB, "gb18030": _GB, "hz": _GB,
    "big5": _BIG5, "cp950": _BIG5, "big5hkscs": _BIG5,  # spec: big5 first; chardet 7 says big5hkscs for all
    "ascii": ("cp1252",), "iso8859-1": ("cp1252", "latin-1"), "latin-1": ("cp1252", "latin-1"),
    "shift_jis": ("cp932", "shift_jis"), "euc_kr": ("cp949", "euc_kr"),
}
# A Chinese decoding never overrules these: their bytes can decode as plausible hanzi (EUC-KR Hangul does).
_JAPANESE = frozenset({
    "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213",
    "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext",
})
_NEVER_OVERRULE = _JAPANESE | {"utf-8", "euc_kr", "cp949", "johab", "iso2022_kr"}
# the Japanese codecs of JIS X 0213, which fills nearly the whole 94 x 94 grid (see _RIVALS)
_JIS_X_0213 = frozenset({
    "euc_jis_2004", "euc_jisx0213", "shift_jis_2004", "shift_jisx0213", "iso2022_jp_2004", "iso2022_jp_3",
})
# The codecs whose strict reading of a sample could make a detector's answer win over gb18030's: the Big5
# family (Big5 bytes are valid GBK), and every codec the plausibility check never overrules (EUC-KR Hangul
# bytes are valid common GB2312 hanzi). When none of them reads the sample, gb18030 needs no detector.
# A JIS X 0213 codec counts only when its reading holds kana letters (in ``RIVAL_WINDOW``): it reads most GBK
# text strictly, as kanji alone (with at most the iteration and sound marks of its punctuation rows). Hanzi
# in EUC-JP or Shift-JIS without kana (Chinese quoted in a Japanese encoding) are caught by euc_jp and cp932,
# which JIS X 0213's codecs extend.
_RIVALS = _BIG5 + tuple(sorted(_NEVER_OVERRULE))

_DECLARED = re.compile(
    rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})"""
    rb"""|<meta[^>]{0,1000}?charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]{1,40})""",
    re.IGNORECASE,
)
_TAG = re.compile(rb"<[^<>]*(?:>|\Z)")  # [^<>] keeps it linear on unclosed '<'; \Z: a tag cut off by the sample
_ASCII_RUN = re.compile(rb"[\x00-\x7f]{80,}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_ASCII_TEXT = re.compile(r"[\t\n\r\x20-\x7e]")
_NOT_GB_LOOKALIKE = re.compile(r"[^\x00-\x7f\u0100-\u07ff]")
_KANA_HANGUL = re.compile(r"[\u3040-\u30ff\uac00-\ud7a3]")
# kana letters (hiragana, katakana, half-width katakana), not the marks (ゝゞ゛ー・) that JIS punctuation rows hold
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\uff66-\uff6f\uff71-\uff9d]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ue000-\uf8ff\ufffe\uffff]")


@dataclass
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str  # the Python codec that produced ``text``
    evidence: str  # bom | utf-8 | declared | detected | fallback
    confidence: float | None = None
    declared: str | None = None  # the raw charset label the input declared, if any
    replaced: int = 0  # characters replaced by U+FFFD (only in a lossy fallback)
    replaced_at: list[int] = field(default_factory=list)  # character offsets of the first replacements


@dataclass
class _Answer:
    """One claim about the encoding (declared or detected) and the codecs that could honour it."""

    evidence: str
    codecs: tuple[str, ...]
    confidence: float | None


@dataclass
class _Reading:
    """A codec's strict decoding of the sample, with its plausibility."""

    codec: str
    score: float


# --- Public entry point ---------------------------------------------------------------------------------


def decode_bytes(data: bytes, *, detect: Detector | None = None) -> Decoded:
    """Decode ``data`` and report the codec and the evidence for it (see the module docstring).

    ``detect`` replaces chardet (tests use it to reproduce other chardet versions' answers).
    """
    data = bytes(data)
    bom = _from_bom(data)
    if bom is not None:
        return bom
    label = declared_label(data)
    sample = _sample(data)
    unicode16 = _from_nul_layout(data, sample, label)
    if unicode16 is not None:
        return unicode16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _gb_that_passes_as_utf8(data, text, label) or Decoded(text, "utf-8", "utf-8", 1.0, declared=label)
    return _from_claims_and_plausibility(data, sample, label, detect or chardet_detect)


def declared_label(data: bytes) -> str | None:
    """The charset label an ``<?xml encoding>`` or ``<meta>`` declares near the start of ``data``."""
    match = _DECLARED.search(data, 0, DECLARATION_BYTES)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii")


def guess_bomless_unicode(sample: bytes) -> str | None:
    """``utf-16-le/be`` or ``utf-32-le/be`` when ``sample`` is BOM-less UTF-16/32 text with ASCII in it.

    ASCII characters put a NUL in the high byte, so the right codec turns byte pairs (or quads) into ASCII,
    kana, Hangul or common hanzi; the wrong byte order makes random characters of them (and 一 U+4E00, whose
    low byte is NUL, into "N"). The decoding must also be free of NUL and control characters.
    """
    if b"\x00" not in sample:
        return None
    best: tuple[int, str] | None = None
    for codec in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        text = _decode_prefix(sample, codec)
        if not text or "\x00" in text or len(_CONTROL.findall(text)) > len(text) // 100:
            continue
        text = text[:PLAUSIBLE_CHARS]
        ascii_chars = len(_ASCII_TEXT.findall(text))
        score = ascii_chars + len(_KANA_HANGUL.findall(text)) + round(plausibility(text) * (len(text) - ascii_chars))
        if ascii_chars and (best is None or score > best[0]):
            best = (score, codec)
    return best[1] if best else None


_ASCII_BYTES = bytes(range(0x80))


def non_ascii_chars(text: str) -> str:
    """The characters of ``text`` past ASCII, in order (what substituting "" for every run of ASCII gives): its
    UTF-8 bytes less the ASCII ones (which never stand inside another character's bytes), decoded — three C loops
    over the bytes, where a substitution makes a match of every run of markup. Surrogates pass as they are."""
    if text.isascii():
        return ""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def plausibility(text: str) -> float:
    """Share of the non-ASCII characters (first ~20k characters) that are common Han or CJK punctuation.

    Counted on the non-ASCII characters alone (markup out of the way), as runs: a few matches a line of
    Chinese, not one a character."""
    non_ascii = non_ascii_chars(text[:PLAUSIBLE_CHARS])
    if not non_ascii:
        return 0.0
    return sum(map(len, _common_chinese_runs().findall(non_ascii))) / len(non_ascii)


def codecs_for(label: str | None) -> tuple[str, ...]:
    """The codecs to try, in order, for a declared or detected charset label (its supersets first)."""
    if not label:
        return ()
    name = label.strip().lower()
    name = _ALIASES.get(name, name)
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return ()
    if name.startswith(("utf-16", "utf-32")):
        return ()  # an ASCII-compatible declaration of UTF-16 is a lie (WHATWG treats it as UTF-8)
    return _SUPERSETS.get(name, (name,))


# --- Layers ---------------------------------------------------------------------------------------------


def _from_bom(data: bytes) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, "bom", 1.0)
            except UnicodeDecodeError:
                if codec == "utf-32":
                    continue  # FF FE 00 00 may be a UTF-16 LE BOM followed by U+0000 … let UTF-16 try
                return _lossy(data, [codec], sample=data[:SAMPLE_BYTES], label=None)
    return None


def _from_nul_layout(data: bytes, sample: bytes, label: str | None) -> Decoded | None:
    codec = guess_bomless_unicode(sample)
    if codec is None:
        return None
    text = _decode_whole(data, codec)
    if text is None:
        return None
    return Decoded(text, codec, "detected", 0.9, declared=label)


def _gb_that_passes_as_utf8(data: bytes, text: str, label: str | None) -> Decoded | None:
    """A GB/Big5-declared page whose few hanzi happen to form valid UTF-8 (通 = CD A8 = U+0368).

    Only when every non-ASCII character of the UTF-8 reading is a 2-byte one outside Latin-1 (combining
    marks, IPA, Greek, Cyrillic, Hebrew …: what GBK pairs turn into) and the declared decoding looks Chinese.
    A UTF-8 page with real Chinese, or with accented Latin letters (Café), stays UTF-8.
    """
    candidates = codecs_for(label)
    if not candidates or candidates[0] not in _CHINESE or text.isascii() or _NOT_GB_LOOKALIKE.search(text):
        return None
    for codec in candidates:
        decoded = _decode_whole(data, codec)
        if decoded is not None and plausibility(decoded) >= THRESHOLD:
            return Decoded(decoded, codec, "declared", plausibility(decoded), declared=label)
    return None


def _from_claims_and_plausibility(data: bytes, sample: bytes, label: str | None, detect: Detector) -> Decoded:
    texts = _Texts(data, sample)
    alternatives = _ChineseAlternatives(texts)
    weak: list[tuple[_Answer, _Reading]] = []
    answers: list[_Answer] = []
    declared = codecs_for(label)
    if declared:
        answers.append(answer := _Answer("declared", declared, None))
        if (found := _judge(texts, alternatives, answer, label, weak)) is not None:
            return found
    if not weak and (found := _gb18030_alone(texts, alternatives, label)) is not None:
        return found  # the detector runs only when the strict decoders leave a doubt
    name, confidence = detect(_detector_sample(sample))
    detected = codecs_for(name)
    if detected and detected != declared:
        answers.append(answer := _Answer("detected", detected, confidence))
        if (found := _judge(texts, alternatives, answer, label, weak)) is not None:
            return found
    return _last_resort(texts, label, answers, weak, alternatives)


def _reads(texts: _Texts, codec: str) -> bool:
    """Whether ``codec`` reads the sample strictly (a JIS X 0213 codec: holding kana letters in its window)."""
    head = _decode_prefix(texts.window, codec)
    if head is None or (codec in _JIS_X_0213 and _KANA.search(head) is None):
        return False
    return texts.prefix(codec) is not None


def _judge(
    texts: _Texts,
    alternatives: _ChineseAlternatives,
    answer: _Answer,
    label: str | None,
    weak: list[tuple[_Answer, _Reading]],
) -> Decoded | None:
    """The answer's decoding, or a Chinese one that overrules it; None (a weak answer kept) otherwise."""
    reading = _first_strict(texts, answer.codecs)
    if reading is None:
        return None
    if reading.codec in _NEVER_OVERRULE:
        return _accept(texts, reading.codec, answer.evidence, answer.confidence, label)
    if (better := alternatives.better_than(reading)) is not None:
        return _accept(texts, better.codec, "detected", better.score, label)
    if reading.score >= THRESHOLD:
        return _accept(texts, reading.codec, answer.evidence, reading.score, label)
    weak.append((answer, reading))
    return None


def _gb18030_alone(texts: _Texts, alternatives: _ChineseAlternatives, label: str | None) -> Decoded | None:
    """gb18030, when the sample reads as Chinese beyond doubt in it and in no rival codec (``_RIVALS``).

    What the detector's answer would then give: GB is accepted (nothing outscores it), a single-byte or
    UTF-16 answer is overruled by it, a Big5, Japanese, Korean or UTF-8 answer cannot be read; only an answer
    that cannot be read made the evidence ``fallback`` instead of ``detected``."""
    reading = _first_strict(texts, _GB)
    if reading is None or reading.score < SETTLED:
        return None
    if any(_reads(texts, codec) for codec in _RIVALS):
        return None
    if reading.score < 1.0 and alternatives.ranked()[0].codec != reading.codec:
        return None  # a BOM-less UTF-16 reading as plausible (at 1.0 nothing outscores it: the first kept)
    return _accept(texts, reading.codec, "detected", reading.score, label)


def _last_resort(
    texts: _Texts,
    label: str | None,
    answers: list[_Answer],
    weak: list[tuple[_Answer, _Reading]],
    alternatives: _ChineseAlternatives,
) -> Decoded:
    """No answer looked right: a Chinese decoding, a lossy Chinese one, a weak answer, then anything."""
    for reading in alternatives.ranked():
        if reading.score < THRESHOLD:
            break
        evidence = "detected" if weak else "fallback"
        if (found := _accept(texts, reading.codec, evidence, reading.score, label)) is not None:
            return found
    lossy_codecs = [c for a in answers for c in a.codecs[:1]] + ["utf-8", *_GB, *_BIG5]
    lossy = _lossy(texts.data, lossy_codecs, sample=texts.sample, label=label)
    if lossy.confidence is not None and lossy.confidence >= THRESHOLD:
        return lossy
    for answer, reading in weak:  # e.g. a Russian page in windows-1251: not Chinese, and rightly so
        if (found := _accept(texts, reading.codec, answer.evidence, answer.confidence, label)) is not None:
            return found
    for reading in alternatives.ranked():
        if reading.codec in _CHINESE:  # almost any bytes decode as UTF-16: only a plausible reading counts
            if (found := _accept(texts, reading.codec, "fallback", reading.score, label)) is not None:
                return found
    return lossy


class _ChineseAlternatives:
    """The Chinese decodings of the sample (gb18030, the Big5 family, BOM-less UTF-16), computed once."""

    def __init__(self, texts: _Texts) -> None:
        self._texts = texts
        self._readings: list[_Reading] | None = None

    def ranked(self) -> list[_Reading]:
        if self._readings is None:
            found = [_first_strict(self._texts, _GB), _first_strict(self._texts, _BIG5)]
            found += [_first_strict(self._texts, (c,)) for c in _UTF16]
            self._readings = sorted((r for r in found if r is not None), key=lambda r: -r.score)
        return self._readings

    def better_than(self, reading: _Reading) -> _Reading | None:
        """A Chinese decoding that beats ``reading`` clearly enough to overrule it, if there is one."""
        margin = 0.05 if reading.score >= THRESHOLD else 0.0  # a plausible answer keeps ties
        if reading.score + margin >= 1.0:
            return None  # no plausibility exceeds 1: nothing can beat it (and the others need not be decoded)
        for alt in self.ranked():
            if alt.codec != reading.codec and alt.score >= THRESHOLD and alt.score > reading.score + margin:
                return alt
        return None


def _accept(texts: _Texts, codec: str, evidence: str, confidence: float | None, label: str | None) -> Decoded | None:
    text = texts.whole(codec)
    if text is None:
        return None
    return Decoded(text, codec, evidence, confidence, declared=label)


def _lossy(data: bytes, candidates: list[str], *, sample: bytes, label: str | None) -> Decoded:
    """Decode with replacement by the candidate that looks most Chinese (then: fewest replacements)."""
    best: tuple[float, int, str] | None = None
    for codec in dict.fromkeys(candidates):
        text = _decode_prefix(sample, codec, errors="replace")
        assert text is not None  # errors="replace" never raises
        key = (plausibility(text), -text.count("\ufffd"), codec)
        if best is None or key[:2] > best[:2]:
            best = key
    assert best is not None
    codec = best[2]
    text = data.decode(codec, errors="replace")
    replaced = _count_replacements(data, text, codec)
    return Decoded(text, codec, "fallback", best[0], declared=label, replaced=replaced,
                   replaced_at=_offsets(text, "\ufffd", MAX_REPORTED))


# --- Samples and decoding helpers -----------------------------------------------------------------------


def _sample(data: bytes) -> bytes:
    """The first ``SAMPLE_BYTES`` from where the non-ASCII text starts (aligned to 4 bytes for UTF-32)."""
    first = _HIGH_BYTE.search(data, 0, len(data))
    start = 0
    if first is not None and first.start() > SAMPLE_BYTES // 2:
        start = first.start() - first.start() % 4
    return data[start : start + SAMPLE_BYTES]


def _detector_sample(sample: bytes) -> bytes:
    """The sample without markup, cut back to its last newline when it was cut out of a longer input.

    Long ASCII runs (scripts, styles, link lists) are collapsed to a newline too: they tell the detector
    nothing and make chardet 5 slow (0.7 s on a script-heavy 64 KiB page).
    """
    stripped = _TAG.sub(b" ", sample) if b"<" in sample else sample
    stripped = _ASCII_RUN.sub(b"\n", stripped)
    if len(sample) == SAMPLE_BYTES:
        cut = stripped.rfind(b"\n")
        if cut > len(stripped) // 2:
            stripped = stripped[: cut + 1]
    return stripped


def _decode_prefix(sample: bytes, codec: str, errors: str = "strict") -> str | None:
    """Decode a sample that may end mid-character; None when it does not decode strictly.

    A character cut off at the end is left out, never an error: the whole-input decode that follows any
    decision checks the real end of the input.
    """
    try:
        decoder = codecs.getincrementaldecoder(codec)(errors)
        return decoder.decode(sample, final=False)
    except UnicodeDecodeError:
        return None


def _decode_whole(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


class _Texts:
    """The input and its sample, and their strict decodings: a sample that is the whole input (a page of
    up to SAMPLE_BYTES) is decoded once, for the decision and for the text."""

    def __init__(self, data: bytes, sample: bytes) -> None:
        self.data, self.sample = data, sample
        self._sample_is_data = len(sample) == len(data)  # the sample starts at 0 then
        self._whole: dict[str, str | None] = {}
        self._readings: dict[str, _Reading | None] = {}

    def prefix(self, codec: str) -> str | None:
        """``_decode_prefix(sample, codec)``."""
        if self._sample_is_data and codec in _PREFIX_IS_WHOLE:
            text = self.whole(codec)
            if text is not None:
                return text  # what the incremental decoder gives for a whole input that decodes
        return _decode_prefix(self.sample, codec)

    @functools.cached_property
    def window(self) -> bytes:
        """The sample to ``RIVAL_WINDOW`` bytes past its first non-ASCII byte."""
        first = _HIGH_BYTE.search(self.sample)
        return self.sample[: (first.start() if first else 0) + RIVAL_WINDOW]

    def reading(self, codec: str) -> _Reading | None:
        """The strict decoding of the sample by ``codec`` with its plausibility, once per codec."""
        if codec not in self._readings:
            text = self.prefix(codec)
            self._readings[codec] = None if text is None else _Reading(codec, plausibility(text))
        return self._readings[codec]

    def whole(self, codec: str) -> str | None:
        """``_decode_whole(data, codec)``, once per codec."""
        if codec not in self._whole:
            self._whole[codec] = _decode_whole(self.data, codec)
        return self._whole[codec]


_UTF16 = ("utf-16-le", "utf-16-be")
# codecs whose incremental decoder gives for an input that decodes whole what decoding it whole gives
# (not "utf-16" or "utf-32", whose incremental decoders want a BOM)
_PREFIX_IS_WHOLE = _CHINESE | frozenset(_UTF16)


def _first_strict(texts: _Texts, candidates: Iterable[str]) -> _Reading | None:
    for codec in candidates:
        reading = texts.reading(codec)
        if reading is not None:
            return reading
    return None


def _count_replacements(data: bytes, text: str, codec: str) -> int:
    """U+FFFD in ``text`` minus the ones the input itself encoded (those are data, not damage)."""
    own = 0
    if not codec.startswith(("utf-16", "utf-32")):
        try:
            own = data.count("\ufffd".encode(codec.removesuffix("-sig")))
        except UnicodeEncodeError:
            pass
    return max(0, text.count("\ufffd") - own)


def _offsets(text: str, char: str, limit: int) -> list[int]:
    found: list[int] = []
    at = text.find(char)
    while at >= 0 and len(found) < limit:
        found.append(at)
        at = text.find(char, at + 1)
    return found


# --- chardet --------------------------------------------------------------------------------------------


def chardet_detect(sample: bytes) -> tuple[str | None, float | None]:
    """chardet's answer for ``sample``: (label, confidence). Works with chardet 5.2 … 7.x."""
    detect, kwargs = _chardet()
    result = detect(sample, **kwargs)
    return result.get("encoding"), result.get("confidence")


@functools.lru_cache(maxsize=1)
def _chardet() -> tuple[Callable[..., Mapping[str, Any]], dict[str, object]]:
    """chardet.detect and the keywords this version understands (7.x added era, max_bytes, superset)."""
    import chardet

    params = inspect.signature(chardet.detect).parameters
    kwargs: dict[str, object] = {}
    if "encoding_era" not in params:  # chardet 5.x: pure Python, ~40 ms per 64 KiB; stop once it is sure
        return _detect_until_done, kwargs
    if "encoding_era" in params:
        era: Any = getattr(chardet, "EncodingEra", None)
        if era is None:  # a release that keeps it in chardet.enums only
            from chardet.enums import EncodingEra

            era = EncodingEra
        kwargs["encoding_era"] = era.MODERN_WEB
    if "max_bytes" in params:
        kwargs["max_bytes"] = SAMPLE_BYTES
    if "prefer_superset" in params:
        kwargs["prefer_superset"] = True
    return chardet.detect, kwargs


def _detect_until_done(sample: bytes) -> Mapping[str, Any]:
    """chardet 5.x's UniversalDetector fed 8 KiB at a time until it is sure (Chinese: after the first few KiB)."""
    from chardet.universaldetector import UniversalDetector

    detector = UniversalDetector()
    for start in range(0, len(sample), 8192):
        detector.feed(sample[start : start + 8192])
        if detector.done:
            break
    return detector.close()


# --- The "common Chinese" character set -----------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _common_chinese() -> frozenset[str]:
    """GB2312 level-1 hanzi ∪ Big5 common hanzi (A440–C67E) ∪ CJK and full-width punctuation.

    Built from the codecs once, on first use (~10 ms): GB2312 rows B0–D7 and A1–A3 (symbols, ①, ㈠,
    full-width forms), Big5 A440–C67E and A140–A1FE (punctuation), U+3000–303F and U+FF01–FF5E.
    """
    gb_trails = range(0xA1, 0xFF)
    big5_trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    chars: set[str] = set()
    chars.update(_decode_cells("gb2312", _cells(range(0xA1, 0xA4), gb_trails)))
    chars.update(_decode_cells("gb2312", _cells(range(0xB0, 0xD8), gb_trails)))
    chars.update(_decode_cells("big5", _cells(range(0xA1, 0xA2), big5_trails)))
    chars.update(_decode_cells("big5", (c for c in _cells(range(0xA4, 0xC7), big5_trails) if c <= b"\xc6\x7e")))
    chars.update(map(chr, range(0x3000, 0x3040)))
    chars.update(map(chr, range(0xFF01, 0xFF5F)))
    chars -= {chr(c) for c in range(0x80)}
    return frozenset(chars)


@functools.lru_cache(maxsize=1)
def _common_chinese_runs() -> re.Pattern[str]:
    """Runs of ``_common_chinese`` characters (all in the BMP: ``re`` keeps the class as a bitmap)."""
    return re.compile("[" + "".join(map(re.escape, sorted(_common_chinese()))) + "]+")


def _cells(leads: Iterable[int], trails: Iterable[int]) -> list[bytes]:
    trails = list(trails)
    return [bytes((lead, trail)) for lead in leads for trail in trails]


def _decode_cells(codec: str, cells: Iterable[bytes]) -> list[str]:
    decoded = []
    for cell in cells:
        try:
            decoded.append(cell.decode(codec))
        except UnicodeDecodeError:
            pass
    return decoded


__all__ = [
    "DECLARATION_BYTES",
    "SAMPLE_BYTES",
    "THRESHOLD",
    "Decoded",
    "chardet_detect",
    "codecs_for",
    "declared_label",
    "decode_bytes",
    "guess_bomless_unicode",
    "plausibility",
]

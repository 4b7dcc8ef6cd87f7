"""The character tests put in front of regular expressions (a search costs about a thousand instructions before
it reads a character) answer exactly as the patterns alone, on every line of the seeds and fixtures and on
made-up lines holding each form the patterns take; and the rules a normalisation round runs, looked up from
the characters found, are those whose needs it holds."""

from __future__ import annotations

from itertools import product

from bulletin_format.clean import chrome, rules
from bulletin_format.normalize import dates
from bulletin_format.normalize import rules as norm
from bulletin_format.patterns import (
    CAPTION,
    HEADING_PATTERNS,
    LABELLED,
    SPEECH_NOTE,
    _is_caption,
    _is_labelled,
    heading_level,
    is_subtitle,
)
from bulletin_format.segment import articles, distribution

from .conftest import FIXTURES, SEEDS

INPUTS = sorted([*SEEDS, *(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html", ".md"))])


def _texts() -> list[str]:
    """Every line of the inputs (stripped and not), and lines made of the words and marks the patterns need."""
    lines = [ln for p in INPUTS for ln in p.read_text("utf-8", "replace").splitlines()]
    lines += [ln.strip() for ln in lines]
    heads = ["", "第三章", "第二节", "第五，", "三、", "十二．", "一是", "（一）", "(二)", "1.", "12、", "（3）", "(4)",
             "２.", "图为", "资料图：", "视频：", "记者 张某 摄", "本报记者 王小明", "通讯员：李四", "摄影　李华",
             "市长　张三",
             "2023年3月5日在某某会议上的讲话", "【打印】", "[关闭]", "大 中 小", "分享到", "编辑：某某", "返回首页",
             "<div class='x'>", 'target="_blank">', "来源/某某网", "2005-02-19", "05.2.19", "1/2/2005",
             "二〇〇五年二月十九日",
             "━━━━", "★★", "__", "··", "组　长：", "附件:", "x"]
    tails = ["", "某某市人民政府", "。", "（摄）", "图片来源：某网）", "张某", "·阿依古丽", "关闭窗口", "打印本页",
             " >", "2020年1月1日", "　王小明", "，", "12:40"]
    lines += [h + t for h, t in product(heads, tails)]
    return lines


def _heading_level_of_every_pattern(text: str) -> int | None:
    s = text.strip()
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(s):
            return level
    return None


def test_heading_level_tries_only_the_patterns_a_first_character_allows() -> None:
    texts = _texts()
    assert sum(heading_level(t) is not None for t in texts) > 50
    for text in texts:
        assert heading_level(text) == _heading_level_of_every_pattern(text), text


def test_bylines_are_the_patterns_answers() -> None:
    texts = _texts()
    assert sum(articles.is_byline(t) for t in texts) > 10
    for text in texts:
        s = text.strip()
        assert articles.is_byline(text) == bool(articles._CREDIT.match(s) or articles._SPEAKER.match(s)), text


def test_the_gated_searches_find_what_the_patterns_find() -> None:
    texts = _texts()
    found = dict.fromkeys(("caption", "labelled", "note", "label", "glued", "tool", "markup", "decoration"), 0)
    for text in texts:
        s = text.strip()
        caption, labelled = CAPTION.search(s) is not None, LABELLED.match(s) is not None
        assert _is_caption(s) == caption and _is_labelled(s) == labelled, s
        note = SPEECH_NOTE.match(s) is not None
        assert (s[:1].isdecimal() and note) == note, s
        if note:
            assert is_subtitle(s)
        label = chrome._LABEL_AND_MARK.search(s) is not None
        assert chrome._may_hold_label(s) == label, s
        offset = max(0, len(text) - 160)
        glued = rules._GLUED_WORDS.search(text, offset) is not None
        assert (not rules._lacks_glued_words(text, offset) and glued) == glued, text
        tool = rules._TOOL_WORD.match(s) is not None
        assert (s[:1] in rules._TOOL_FIRST and tool) == tool, s
        markup = rules._LEAKED_MARKUP.match(text) is not None
        assert (">" in text and markup) == markup, text
        text_char = chrome.TEXT_CHAR.search(s) is not None
        assert (bool(s) and s[0].isalnum()) <= text_char, s
        for name, hit in zip(found, (caption, labelled, note, label, glued, tool, markup, not text_char), strict=True):
            found[name] += hit
    assert all(found.values()), found  # each pattern matched some line: the gates were put to the test


def test_find_dates_skips_only_texts_without_a_date() -> None:
    texts = _texts()
    assert sum(bool(dates.find_dates(t)) for t in texts) > 20
    for text in texts:
        assert dates.find_dates(text) == list(dates._find_dates.__wrapped__(text)), text


def _normalize_each_rule_tested(text: str, profile: norm.Profile, counts: dict[str, int]) -> str:
    """``normalize_text`` as it was: each rule's needs tested in turn."""
    left_alone: dict[int, str] = {}
    for _ in range(norm._MAX_ROUNDS):
        found = set(norm._NOTHING_TO_DO.findall(text))
        if not found and "。。。" not in text:
            break
        if "。" in text and ("。。。" in text or not norm._NEEDS[norm.invisible].isdisjoint(found)):
            found.add("。")
        changed = False
        for k, (name, rule) in enumerate(norm.RULES):
            needs = norm._NEEDS.get(rule)
            if (needs is not None and needs.isdisjoint(found)) or left_alone.get(k) == text:
                continue
            text, n = rule(text, profile)
            if n:
                changed = True
                counts[name] = counts.get(name, 0) + n
            else:
                left_alone[k] = text
        if not changed:
            break
    return text


def test_a_round_runs_the_rules_whose_characters_the_text_holds() -> None:
    texts = _texts()
    texts += ["１２３ＡＢ", '他说"好的"。', "――", "。。。", "。\u200b。。", "...", "a , b", "中文, 英文; 问? (注)",
              "2005年2月19 日", "行动迅速  开局良好", "\ufeff文字", "1,000元 10:24", "http://a.cn/x?y=1, 中文"]
    changed = 0
    for text, profile in product(texts, ("body", "title", "date")):
        expected: dict[str, int] = {}
        got: dict[str, int] = {}
        want = _normalize_each_rule_tested(text, profile, expected)
        assert norm.normalize_text(text, profile, got) == want and got == expected, (text, profile)
        changed += bool(expected)
    assert changed > 20


def _punctuation_width_searching(text: str, profile: norm.Profile) -> tuple[str, int]:
    """``punctuation_width`` as it was: the class searched for before and after the marks next to Chinese."""
    if profile == "date" or not norm._HALF_PUNCT.search(text):
        return text, 0
    count = 0
    for half, full in norm._FULL.items():
        if half in text:
            text, n = norm._next_to_han(half).subn(full, text)
            count += n
    if count and not norm._HALF_PUNCT.search(text):
        return text, count
    text, n = norm._outside_urls(text, norm._width_part)
    return text, count + n


def test_punctuation_width_knows_the_marks_left_without_searching_again() -> None:
    texts = [*_texts(), "中文,英文", "1,000, 中文", "a,b", "(注)", "（a, b）", "http://a.cn/?x=1,2 中文,",
             "中;文:问?叹!"]
    changed = 0
    for text, profile in product(texts, ("body", "title", "date")):
        got = norm.punctuation_width(text, profile)
        assert got == _punctuation_width_searching(text, profile), (text, profile)
        changed += got[1] > 0
    assert changed > 10


def _recipients_char_by_char(text: str) -> list[str]:
    """``distribution._recipients`` as it was: a step per character."""
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


def test_recipients_are_split_as_character_by_character() -> None:
    parts = ["某某局", " 某某委 ", "", "某某办（室）", "某某(甲,乙)", "）", "。", "各市。", "  "]
    seps = ["，", ",", "；", ";", "、"]
    for a, sep, b, sep2, c in product(parts, seps, parts, seps, parts):
        text = a + sep + b + sep2 + c
        assert distribution._recipients(text) == _recipients_char_by_char(text), text

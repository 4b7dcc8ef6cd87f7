"""The slim working forms: ``Line`` (rare fields on ``PlacedLine``), ``TableCell`` (a shape for the few cells
that are not plain), ``table_text`` in batches, and the text reader's tables read without a line per row."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import pickle
import random
import re
import sys
import tracemalloc
from array import array
from pathlib import Path
from typing import Any

import pytest

import bulletin_format as bf
from bulletin_format import model, readers
from bulletin_format.clean import chrome, pages
from bulletin_format.errors import InputTooLargeError
from bulletin_format.lines import Line, PassState, PlacedLine, table_line, text_to_lines
from bulletin_format.model import TableCell, table_text
from bulletin_format.patterns import is_prose
from bulletin_format.readers import text as text_reader


def test_a_line_without_an_owner_or_a_table_is_a_plain_line() -> None:
    plain = Line(3, "正文", blank_before=True)
    placed = Line(4, "正文", frozenset({"p"}), owner=77)
    table = table_line(5, [[TableCell("a"), TableCell("b")]], 1)
    assert type(plain) is Line and type(placed) is PlacedLine and type(table) is PlacedLine
    assert (plain.owner, plain.table, plain.header_rows) == (None, None, 0)
    assert placed.owner == 77 and table.header_rows == 1 and table.text == "a b"
    assert sys.getsizeof(plain) < sys.getsizeof(placed)
    with pytest.raises(AttributeError):
        plain.__dict__  # noqa: B018 (slots only: a line has no dict)
    assert type(Line(1, "x", frozenset(), None, False, None)) is Line  # owner given as None: still plain


def test_a_split_line_keeps_its_owner_and_hints() -> None:
    state = PassState(lines=[Line(1, "标题正文", frozenset({"h1"}), owner=9)])
    head, tail = state.split(state.lines[0], 2)
    assert (head.text, tail.text) == ("标题", "正文")
    assert head.owner == tail.owner == 9 and head.hints == tail.hints == {"h1"}


def test_a_line_remembers_its_stripped_text_until_the_text_changes() -> None:
    line = Line(1, "　　第一段　")
    assert line.stripped == "第一段" and line.kept
    line.text = "\u200b "
    assert line.stripped == "\u200b" and not line.kept  # zero-width only: blank
    line.text = "第二段"
    assert line.stripped == "第二段" and line.kept
    line.removed = "hidden"
    assert not line.kept


def test_lines_pickle_and_print() -> None:
    for line in (Line(2, "a", blank_before=True), Line(3, "b", owner=5), table_line(4, [[TableCell("c")]], 0)):
        back = pickle.loads(pickle.dumps(line))
        assert type(back) is type(line) and repr(back) == repr(line)
        assert (back.number, back.text, back.blank_before, back.owner, back.table) == (
            line.number, line.text, line.blank_before, line.owner, line.table
        )
    assert repr(Line(3, "b", owner=5)).endswith("owner=5)")


def test_a_plain_cell_holds_no_shape_and_reads_the_defaults() -> None:
    cell = TableCell("甲")
    assert cell._shape is None and (cell.colspan, cell.rowspan, cell.header) == (1, 1, False)
    merged = TableCell("合计", colspan=2, header=True)
    assert (merged.colspan, merged.rowspan, merged.header) == (2, 1, True)
    assert sys.getsizeof(cell) <= 48
    with pytest.raises(AttributeError):
        cell.__dict__  # noqa: B018


def test_a_cells_fields_are_set_as_before() -> None:
    cell = TableCell("乙")
    cell.rowspan += 1
    assert cell == TableCell("乙", rowspan=2)
    cell.rowspan = 1
    assert cell._shape is None and cell == TableCell("乙")
    cell.header = True
    assert cell.header is True and cell != TableCell("乙")


def test_a_cell_is_still_a_dataclass_with_its_four_fields() -> None:
    cell = TableCell("丙", 3, 2, True)
    assert [f.name for f in dataclasses.fields(TableCell)] == ["text", "colspan", "rowspan", "header"]
    assert dataclasses.asdict(cell) == {"text": "丙", "colspan": 3, "rowspan": 2, "header": True}
    assert dataclasses.replace(cell, text="丁") == TableCell("丁", 3, 2, True)
    assert copy.deepcopy(cell) == cell and pickle.loads(pickle.dumps(cell)) == cell
    assert model._plain(TableCell("戊")) == {"text": "戊", "colspan": 1, "rowspan": 1, "header": False}
    # values are kept as given (a 1.0 or a 0 from someone's JSON is not made the default)
    odd = TableCell("x", 1.0, 1, 0)  # type: ignore[arg-type]
    assert json.dumps(model._plain(odd)) == '{"text": "x", "colspan": 1.0, "rowspan": 1, "header": 0}'


def test_table_text_in_batches_is_the_rows_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(4)
    rows = [[TableCell(rng.choice(["", "甲", "乙 丙"])) for _ in range(rng.randint(0, 3))] for _ in range(700)]
    want = "\n".join(" ".join(c.text for c in row if c.text) for row in rows if any(c.text for c in row))
    for batch in (1, 2, 7, 1024):
        monkeypatch.setattr(model, "TABLE_TEXT_ROWS", batch)
        assert table_text(rows) == want
    assert table_text([]) == ""


def generated_text(rng: random.Random) -> str:
    """Prose, tab-separated and space-aligned rows (aligned or not, with a column too few now and
    then), and blank lines, mixed."""
    words = ["指标", "单位", "亿元", "120.5", "6.2", "财政收入", "合计", "", "某某局", "2021年1月20日"]
    lines = ["某某县统计表", ""]
    for _ in range(rng.randint(2, 8)):
        kind = rng.random()
        columns = rng.choice((2, 3, 4))
        for _ in range(rng.randint(1, 5)):
            cells = [rng.choice(words) for _ in range(columns if rng.random() < 0.85 else columns - 1)]
            if kind < 0.4:
                lines.append("\t".join(cells))
            elif kind < 0.8:
                lines.append(rng.choice(("", "  ")) + "".join(
                    c + " " * max(2, 12 - 2 * len(c) + rng.choice((0, 0, 1, -1))) for c in cells
                ).rstrip())
            else:
                lines.append("全县经济运行总体平稳，主要指标如下表所示。")
        if rng.random() < 0.5:
            lines.append("")
    return "\n".join(lines) + "\n"


def test_the_text_readers_tables_are_those_found_among_its_lines() -> None:
    rng = random.Random(7)
    found = 0
    for _ in range(300):
        text = generated_text(rng)
        direct = text_reader.read(text).lines
        via_lines = text_reader.find_tables(text_to_lines(text))
        assert [(ln.number, ln.text, ln.blank_before, ln.header_rows) for ln in direct] == [
            (ln.number, ln.text, ln.blank_before, ln.header_rows) for ln in via_lines
        ]
        assert [ln.table for ln in direct] == [ln.table for ln in via_lines]
        found += sum(ln.table is not None for ln in direct)
    assert found > 100  # the generator makes tables, not only prose


def test_a_big_tab_separated_table_is_one_table_block_with_every_cell() -> None:
    rows = ["序号\t单位\t金额"] + [f"{i}\t某某局{i}\t{i * 10}.5" for i in range(1, 3001)]
    doc = bf.parse("统计表\n\n" + "\n".join(rows) + "\n")
    (block,) = [b for b in doc.articles[0].blocks if b.type == "table"]
    assert block.header_rows == 1 and len(block.rows or []) == 3001
    assert [c.header for c in (block.rows or [])[0]] == [True, True, True]
    assert (block.rows or [])[-1][1].text == "某某局3000" and block.line == 3


def printed_report(pages: int) -> str:
    """A long printed report: on each page a running head, lines of a name list, and a folio."""
    rng = random.Random(pages)
    out = ["某某县2023年度人员名册"]
    for page in range(1, pages + 1):
        out.append("某某县2023年度人员名册")
        out += [f"{rng.choice('王李张刘陈')}{rng.choice('伟芳敏静强')}{page}号　{n}组" for n in range(30)]
        out.append(f"- {page} -")
    return "\n".join(out) + "\n"


def test_a_long_texts_running_heads_are_found_through_the_first_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    text = printed_report(200)  # 6,400 lines: past RUNNING_HEAD_DIRECT_LINES, so the filter runs first
    assert text.count("\n") > pages.RUNNING_HEAD_DIRECT_LINES
    filtered = [(r.text, r.reason, r.line) for r in bf.parse(text).removed]
    assert sum(reason == "running_head" for _, reason, _ in filtered) == 200  # every page's copy, not the title
    assert sum(reason == "page_number" for _, reason, _ in filtered) == 200
    monkeypatch.setattr(pages, "RUNNING_HEAD_DIRECT_LINES", 10**9)  # every candidate's places, directly
    assert [(r.text, r.reason, r.line) for r in bf.parse(text).removed] == filtered


def test_the_first_pass_misses_no_repeated_key_and_lets_few_others_through() -> None:
    rng = random.Random(3)
    keys = [f"名单{rng.randrange(10**12)}" for _ in range(20_000)]
    repeated = set(rng.sample(keys, 300))
    hashes = array("q", [hash(k) for k in keys + sorted(repeated)])
    twice = pages._maybe_twice(hashes)
    assert all(twice(hash(k)) for k in repeated)
    passed = sum(twice(hash(k)) for k in keys if k not in repeated)
    assert passed < 0.08 * len(keys)  # about 5 %: each is gathered, then dropped for having one place


def reference_navigation(text: str) -> bool:
    """navigation() as it was, splitting the whole text (and a menu laid out with wide gaps, one of its
    entries the way home: three entries of two to six characters)."""
    s = text.strip()
    gapped = re.split(r"(?: {2,}|\u3000+|\t+)", s)
    if len(gapped) >= 3 and any(e.lower() in chrome.MENU_ONLY_ENTRIES for e in gapped) \
            and all(2 <= len(e) <= 6 and " " not in e for e in gapped):
        return True
    if "|" in s or "｜" in s:
        items = [p.strip() for p in re.split(r"[|｜]", s)]
        if len(items) >= 3 and all(0 < len(p) <= 16 for p in items):
            return True
    spaced = s.split()
    if len(spaced) < 5 or not all(len(p) <= 6 for p in spaced):
        return False
    words = sum(1 for p in spaced if len(p) >= 2)
    return words * 2 >= len(spaced) and not is_prose(s)


def test_navigation_answers_as_before_without_splitting_a_tables_text() -> None:
    rng = random.Random(5)
    parts = ["首页", "新闻", "政务公开", "办事服务", "互动交流", "某", "市", "|", "｜", " ", "\u3000", "\t",
             "关于做好春季工作的通知", "，", "。", "2021年3月5日", "1", "\n"]
    texts = ["首页 | 新闻 | 政务 | 服务", "首页 新闻 政务公开 办事服务 互动交流", "某 某 市 办 法 通 知", "| a | b |"]
    texts += ["".join(rng.choice(parts) + rng.choice(("", " ", "  ")) for _ in range(rng.randint(1, 14)))
              for _ in range(3000)]
    for text in texts:
        assert chrome.navigation(text) == reference_navigation(text), text
    table = "\n".join(" ".join(f"{i}号" for i in range(row, row + 7)) for row in range(0, 140_000, 7))
    tracemalloc.start()
    try:
        assert chrome.navigation(table) == reference_navigation(table)  # (the reference itself after the peak)
        tracemalloc.reset_peak()
        chrome.navigation(table)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < len(table) // 10  # one word at a time, where the words of the whole text took several times it


def test_a_tables_cells_with_the_same_text_share_one_string() -> None:
    rows = ["序号\t单位\t进度"] + [f"{i}\t某某局\t{'已完成' if i % 2 else '推进中'}" for i in range(1, 41)]
    for reader in (text_reader.read, lambda t: PassState(text_reader.find_tables(text_to_lines(t)))):
        (table,) = [ln.table for ln in reader("\n".join(rows) + "\n").lines if ln.table is not None]
        assert [c.text for c in table[3]] == ["3", "某某局", "已完成"]
        assert table[3][1].text is table[40][1].text and table[3][2].text is table[1][2].text
        assert table[2][2].text is not table[3][2].text  # (推进中, 已完成: equal texts only)


def test_a_file_that_grew_after_its_size_was_taken_is_read_whole_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "grown.txt"
    path.write_bytes("标题\n正文第一段。\n".encode() * 100)
    size = path.stat().st_size
    real = readers.check_regular_file

    def stale(p: Path) -> os.stat_result:  # the size stat() gave before the file grew to what it holds now
        st = real(p)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 10,
                               st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(readers, "check_regular_file", stale)
    assert readers.load(path).data == path.read_bytes()
    with pytest.raises(InputTooLargeError):
        readers.load(path, max_bytes=size - 1)
    loaded = readers.load(path, max_bytes=size)
    assert loaded.data is not None and len(loaded.data) == size


def test_the_raw_bytes_are_let_go_once_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[readers.Loaded] = []
    real = readers.load

    def load(*args: Any, **kwargs: Any) -> readers.Loaded:
        seen.append(real(*args, **kwargs))
        return seen[-1]

    monkeypatch.setattr(readers, "load", load)
    state = readers.read("标题\n正文。\n".encode("gb18030"))
    assert seen[0].data is None and state.source.size == len("标题\n正文。\n".encode("gb18030"))
    assert state.source.encoding != "utf-8" and [ln.text for ln in state.lines] == ["标题", "正文。"]

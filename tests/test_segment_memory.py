"""The memory shortcuts around segmentation: a ``Block`` with slots for its type, text, level and line only
(the rows of a table on ``TableBlock``), one list of the kept lines alive at a time in ``segment.run``, the
decoded text handed to the format's reader and let go by the text reader once its last line was read, and
the per-document caches' bound."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import sys

import pytest

import bulletin_format as bf
from bulletin_format import memo, readers, segment
from bulletin_format.lines import Line, PassState
from bulletin_format.model import Block, Document, TableBlock, TableCell
from bulletin_format.patterns import is_prose
from bulletin_format.readers import text as text_reader


def test_a_block_without_rows_is_a_plain_block_and_reads_none_for_them() -> None:
    para = Block("paragraph", "正文。", None, 3)
    heading = Block("heading", "一、总体要求", 1, 4)
    table = Block.table([[TableCell("项目"), TableCell("金额")], [TableCell("甲"), TableCell("1")]], 1, 5)
    assert type(para) is Block and type(heading) is Block and type(table) is TableBlock
    assert (para.rows, para.header_rows) == (None, None)
    assert table.rows is not None and table.header_rows == 1 and table.text == "项目 金额\n甲 1"
    assert sys.getsizeof(para) < sys.getsizeof(table)
    with pytest.raises(AttributeError):
        para.__dict__  # noqa: B018 (slots only)
    with pytest.raises(AttributeError):
        para.rows = []  # type: ignore[misc]  # (a plain block has no slot for rows: a table is made as one)


def test_a_block_is_made_by_any_of_its_fields_as_before() -> None:
    rows = [[TableCell("a"), TableCell("b")]]
    assert type(Block("table", "a b", None, 1, rows, 0)) is TableBlock
    assert type(Block(type="table", text="a b", rows=rows, header_rows=0)) is TableBlock
    assert type(Block("table", "", header_rows=0)) is TableBlock  # (header_rows alone: a table's field given)
    assert Block(type="heading", text="h", level=2) == Block("heading", "h", 2, None)
    assert Block("paragraph", "x", None, 1) != Block("paragraph", "x", None, 2)
    assert [f.name for f in dataclasses.fields(Block)] == ["type", "text", "level", "line", "rows", "header_rows"]
    assert dataclasses.fields(TableBlock) == dataclasses.fields(Block)


def test_a_blocks_type_and_level_are_set_as_before() -> None:
    block = Block("paragraph", "第一条 内容。", None, 7)
    block.type, block.level = "heading", 3
    assert (block.type, block.level, block.line) == ("heading", 3, 7)


@pytest.mark.parametrize("block", [
    Block("paragraph", "正文。", None, 3),
    Block("heading", "（一）标题", 2, None),
    Block.table([[TableCell("项目", header=True), TableCell("金额", colspan=2)]], 1, 9),
])
def test_blocks_pickle_copy_replace_and_go_to_json_as_before(block: Block) -> None:
    for again in (pickle.loads(pickle.dumps(block)), copy.copy(block), copy.deepcopy(block),
                  dataclasses.replace(block)):
        assert again == block and type(again) is type(block)
    assert dataclasses.replace(block, text="改").text == "改"
    data = dataclasses.asdict(block)
    assert list(data) == ["type", "text", "level", "line", "rows", "header_rows"]
    doc = Document()
    doc.articles = [bf.model.Article(title="题", blocks=[block])]
    back = Document.from_dict(doc.to_dict())
    assert back.articles[0].blocks == [block] and type(back.articles[0].blocks[0]) is type(block)
    assert doc.to_dict()["articles"][0]["blocks"][0] == data


def test_segmenting_cuts_the_kept_lines_only_where_something_was_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    """No header, 目录 or 版记: the body is the kept lines' list itself (no copy); with them, the parts
    cut off are the same as ever."""
    lines = [Line(1, "关于开展检查的通知"), Line(2, "各单位："), Line(3, "现将有关事项通知如下。")]
    bodies: list[list[Line]] = []
    real = segment.split_articles

    def spy(body: list[Line], *, many: bool) -> list[bf.model.Article]:
        bodies.append(list(body))
        return real(body, many=many)

    monkeypatch.setattr(segment, "split_articles", spy)
    doc = segment.run(PassState(lines=list(lines)))
    assert [ln.number for ln in bodies[0]] == [1, 2, 3]
    assert doc.articles and doc.articles[0].title == "关于开展检查的通知"
    prose = "这是一段正文，内容讲述了某地开展工作的具体情况，并提出了下一步的工作打算。"
    text = (f"工作动态\n第12期\n某市某某办公室编              2020年3月4日\n●某县开展活动。\n●某区建立制度。\n"
            f"某县开展活动\n{prose}\n某区建立制度\n{prose}\n报：市委\n送：各区\n")
    bodies.clear()
    doc = segment.run(readers.read(text))  # (clean.run not needed here: every line is kept)
    assert doc.toc == ["某县开展活动。", "某区建立制度。"] and [d.label for d in doc.distribution] == ["报", "送"]
    assert [ln.text for ln in bodies[0]] == ["某县开展活动", prose, "某区建立制度", prose]


def test_the_decoded_text_is_handed_to_the_reader_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    counts: list[int] = []
    real = text_reader.read

    def spy(text: str, *, name: str = "<text>") -> PassState:
        counts.append(sys.getrefcount(text))  # this frame's name for it and getrefcount's argument: 2
        return real(text, name=name)

    monkeypatch.setattr(text_reader, "read", spy)
    readers.read("第一行。\n第二行。\n".encode())
    assert counts == [2]


def test_the_text_reader_lets_the_text_go_before_joining_a_table_that_ends_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = ["\t".join(f"单元{r}-{c}" for c in range(4)) for r in range(3000)]
    text = "\n".join(["资金安排表", *rows]) + "\n"
    assert len(text) >= text_reader.WINDOW_CHARS  # (the window's way: a line at a time)
    ours = sys.getrefcount(text)  # this test's own references
    held: list[int] = []
    real = text_reader.table_line

    def spy(*args: object, **kwargs: object) -> Line:
        held.append(sys.getrefcount(text) - ours)  # references besides this test's, as the table is joined
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(text_reader, "table_line", spy)
    state = text_reader.read(text)
    assert held == [0]
    table = state.lines[1]
    assert table.table is not None and len(table.table) == 3000 and table.text.startswith("单元0-0 单元0-1")
    assert [ln.text for ln in state.lines[:1]] == ["资金安排表"]


def test_the_per_document_caches_are_bounded_and_answer_as_the_function() -> None:
    memo.forget()
    texts = [f"第{i}段：工作进展顺利，成效明显。" for i in range(memo.MAX_ENTRIES * 2)]
    first = [is_prose(t) for t in texts]
    cached = [fn for fn in vars(sys.modules["bulletin_format.patterns"]).values() if hasattr(fn, "cache_info")]
    assert cached and all(fn.cache_info().currsize <= memo.MAX_ENTRIES for fn in cached)
    assert [is_prose(t) for t in texts] == first
    memo.forget()


@pytest.mark.parametrize("n", [20, memo.MAX_ENTRIES + 20])
def test_a_document_longer_than_the_caches_lets_them_go_once_its_articles_are_made(
    monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    prose = "这是一段正文，内容讲述了某地开展工作的具体情况。"
    lines = [Line(1, "关于开展检查的通知")] + [Line(k, f"{prose}第{k}项。") for k in range(2, n + 2)]
    calls: list[int] = []
    real = memo.forget
    monkeypatch.setattr(memo, "forget", lambda: calls.append(1) or real())
    doc = segment.run(PassState(lines=lines))
    assert len(calls) == (n > memo.MAX_ENTRIES)
    assert len(doc.articles[0].blocks) == n and doc.articles[0].blocks[-1].text == f"{prose}第{n + 1}项。"

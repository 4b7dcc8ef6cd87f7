"""A big table costs memory in proportion to its cells, not more: the segmenter does not find every date of a
table's text (a header date ends a line, a law's adopted date opens its lead), and the answers stay those of
the whole text where they can be found."""

from __future__ import annotations

import io
import json
import random
import zipfile
from typing import Any

import pytest

import bulletin_format as bf
from bulletin_format import model, segment, walk
from bulletin_format.docx import ooxml
from bulletin_format.model import Article, Block, Document, TableCell
from bulletin_format.normalize.dates import DateMatch
from bulletin_format.readers import text as text_reader
from bulletin_format.segment import header
from bulletin_format.writers import json_writer


def _decision(rows: int, dated_row: int) -> str:
    """A 决定 whose body is a tab-separated table; row ``dated_row`` says on which day it was adopted."""
    lines = ["关于调整若干建设项目的决定", "", "序号\t项目\t日期\t结果"]
    for i in range(rows):
        if i == dated_row:
            lines.append(f"{i + 1}\t项目{i}\t2019年5月6日\t会议通过")
        else:
            lines.append(f"{i + 1}\t项目{i}\t第{i}批\t待定")
    return "\n".join(lines) + "\n"


def _spy(monkeypatch: pytest.MonkeyPatch, module: Any) -> list[str]:
    """The texts ``module`` asks ``find_dates`` about."""
    asked: list[str] = []
    real = module.find_dates

    def find_dates(text: str) -> list[DateMatch]:
        asked.append(text)
        return real(text)

    monkeypatch.setattr(module, "find_dates", find_dates)
    return asked


def test_a_date_in_a_tables_first_rows_is_the_documents_adopted_date() -> None:
    out = json.loads(bf.convert(_decision(5, 0), to="json"))
    assert out["articles"][0]["blocks"][0]["type"] == "table"
    assert (out["header"]["date"], out["header"]["date_text"]) == ("2019-05-06", "2019年5月6日")


def test_a_date_deep_in_a_big_table_is_not_the_documents_date(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _spy(monkeypatch, segment)
    text = _decision(3000, 2999)
    out = json.loads(bf.convert(text, to="json"))
    assert out["articles"][0]["blocks"][0]["type"] == "table"
    assert out["header"]["date"] is None  # its last row is no lead: the adopted date is not looked for there
    # the table was read to the end of the row holding its ADOPTED_DATE_CHARS-th character, not further
    table_asked = [t for t in asked if "\n" in t]
    assert table_asked and max(map(len, table_asked)) < segment.ADOPTED_DATE_CHARS + 40
    assert all(t.endswith("待定") for t in table_asked)  # whole rows


def test_the_lead_of_a_block_is_cut_only_at_a_line_end() -> None:
    row = "1 项目 2019年5月6日 会议通过"
    table = "\n".join([row] * 200)
    lead = segment._lead(table)
    assert table.startswith(lead) and lead.endswith(row) and len(lead) <= segment.ADOPTED_DATE_CHARS + len(row)
    paragraph = "某" * 5000
    assert segment._lead(paragraph) is paragraph  # one line: read whole, as before


def test_a_date_tail_is_found_on_a_tables_last_row_only(monkeypatch: pytest.MonkeyPatch) -> None:
    asked = _spy(monkeypatch, header)
    rows = [f"{i} 某某局 2020年1月{i % 28 + 1}日" for i in range(1, 500)]
    text = "\n".join(rows) + "\n某某市人民政府办公厅    2021年3月4日  "
    issuer, date_text = header._date_tail(text) or ("", "")
    assert issuer == "\n".join(rows) + "\n某某市人民政府办公厅" and date_text == "2021年3月4日"
    assert asked == ["某某市人民政府办公厅    2021年3月4日"]  # the rows above it are not read
    assert header._date_tail("\n".join(rows) + "\n合计 499") is None  # the last row ends with no date
    assert header._date_tail("某某局    2005年2月19日") == ("某某局", "2005年2月19日")  # one line, as before
    assert header._date_tail("2005年2月19日 以来的工作") is None


class _Chunks(io.BytesIO):
    """A binary file that remembers the size of each chunk written to it."""

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[int] = []

    def write(self, b: Any) -> int:
        self.sizes.append(len(bytes(b).decode("utf-8")))
        return super().write(b)


def test_a_big_tables_json_is_streamed_in_chunks_of_bounded_size() -> None:
    rows = [[TableCell(f"{i}"), TableCell(f"某某县第{i}号工程"), *(TableCell(f"甲{i % 97}乙{j}") for j in range(5))]
            for i in range(3000)]
    doc = Document(articles=[Article(title="表", blocks=[Block.table(rows, 0, line=1)])])
    assert len(doc.articles[0].blocks[0].text) > json_writer.BIG_TEXT  # its text is written in slices too
    out = _Chunks()
    json_writer.write_to(doc, out)
    assert out.getvalue() == json_writer.write(doc).encode("utf-8")
    # a chunk is what waited when FLUSH_CHARS were reached: the rows' pieces, or one slice of the text
    assert max(out.sizes) <= json_writer.FLUSH_CHARS + json_writer.BIG_TEXT
    assert sum(out.sizes) > 4 * json_writer.FLUSH_CHARS  # (several chunks)


@pytest.mark.parametrize("seed", range(30))
def test_the_text_readers_lines_are_those_of_splitlines(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ["a", "表", " ", "\t", "\r", "\n", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028",
                "\u2029", "\x1f", "\u3000"]
    text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
    assert list(text_reader._lines(text)) == text.splitlines()


def test_a_tab_separated_tables_lines_are_let_go_as_its_rows_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    held: list[int] = []
    ask = text_reader._Window.__getitem__

    def asked(self: Any, k: int) -> str:
        held.append(len(self._held))
        return ask(self, k)

    monkeypatch.setattr(text_reader._Window, "__getitem__", asked)
    monkeypatch.setattr(text_reader, "WINDOW_CHARS", 1000)  # (the text below is longer)
    head = "某某县项目资金安排表\n\n序号\t单位\t金额\n"
    rows = "".join(f"{i}\t单位{i}\t{i * 7}.5\n" for i in range(2000))
    state = text_reader.read(head + rows + "\n合计金额另行公布。\n")
    tables = [ln for ln in state.lines if ln.table is not None]
    assert len(tables) == 1 and tables[0].table is not None and len(tables[0].table) == 2001
    assert [ln.text for ln in state.lines if ln.table is None] == ["某某县项目资金安排表", "合计金额另行公布。"]
    assert held and max(held) <= text_reader.MIN_ROWS + 1  # never the table's 2,000 lines at once


def _cells(*rows: str) -> list[list[TableCell]]:
    return [[TableCell(c) for c in row.split("|")] for row in rows]


def test_is_table_text_compares_row_by_row() -> None:
    rows = _cells("序号|名称|", "||", "1|甲| 乙")
    assert model.table_text(rows) == "序号 名称\n1 甲  乙"
    assert model.is_table_text("序号 名称\n1 甲  乙", rows)
    for other in ("序号 名称\n1 甲  乙\n", "序号 名称 1 甲  乙", "序号 名称\n1 甲", "序号 名称\n\n1 甲  乙", ""):
        assert not model.is_table_text(other, rows)
    assert model.is_table_text("", _cells("|", "|")) and model.table_text(_cells("|", "|")) == ""


def test_a_table_block_takes_the_text_its_line_holds_when_it_is_the_tables() -> None:
    rows = _cells("序号|名称", "1|甲", "2|乙")
    line_text = "".join(["序号 名称\n1 甲\n", "2 乙"])  # equal to table_text(rows), another object
    block = Block.table(rows, 1, 3, text=line_text)
    assert block.text is line_text
    changed = Block.table(rows, 1, 3, text="序号 名称\n1 甲\n2 丙")  # a line whose text was changed
    assert changed.text == model.table_text(rows)
    assert Block.table(rows).text == model.table_text(rows)


def test_segmenting_a_tsv_does_not_make_its_tables_text_again(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[int] = []
    real = model.table_text

    def table_text(rows: list[list[TableCell]]) -> str:
        made.append(len(rows))
        return real(rows)

    monkeypatch.setattr(model, "table_text", table_text)
    rows = "".join(f"{i}\t桐川区第{i}中学\t校舍维修改造\t{i * 7}.5\n" for i in range(300))
    doc = bf.parse("某某县项目资金安排表\n\n序号\t单位\t项目\t金额\n" + rows)
    block = doc.articles[0].blocks[0]
    assert block.type == "table" and block.text == real(block.rows or [])
    assert made == []  # the line's text was taken (the reader made it through lines.table_text)


def test_walking_a_table_makes_its_text_again_only_when_a_cell_changed() -> None:
    rows = _cells("序号|名称", "1|甲", "2|乙")
    doc = Document(articles=[Article(title="表", blocks=[Block.table(rows)])])
    block = doc.articles[0].blocks[0]
    before = block.text
    assert [t for t, _ in walk.texts(doc) if t in "甲乙"] == ["甲", "乙"]
    assert block.text is before  # read only: the same text, not a copy
    walk.walk(doc, lambda t, role: t.replace("乙", "丙"), walk.ALL_ROLES)
    assert block.text == "序号 名称\n1 甲\n2 丙" and rows[2][1].text == "丙"
    block.text = "stale"
    walk.walk(doc, lambda t, role: t, walk.ALL_ROLES)
    assert block.text == "序号 名称\n1 甲\n2 丙"  # a text that was not the table's is made again, as before


def _docx_cells(row: list[tuple[str, int, str | None]]) -> list[ooxml.Cell]:
    styles = [ooxml.ParaStyle(align="center"), ooxml.ParaStyle(align="left"), ooxml.ParaStyle()]
    return [
        ooxml.Cell([("bfTableText", [(text, None)], styles[k % 3])] if text != "-" else [], colspan=span,
                   vmerge=vmerge, valign="center" if k % 2 else None)
        for k, (text, span, vmerge) in enumerate(row)
    ]


@pytest.mark.parametrize("border_pt", [0.5, None])
@pytest.mark.parametrize("header_rows", [0, 1, 3])
def test_a_tables_xml_is_what_lxml_writes_for_its_tree(border_pt: float | None, header_rows: int) -> None:
    rows = [
        [("序号", 1, None), ("名称\t与\n说明", 2, None), ("", 1, "restart")],
        [("1", 1, None), ("a<b & c>d\r", 1, None), ("-", 1, None), ("", 1, "continue")],
        [("合并", 3, "restart"), ("x", 1, None)],
        [("", 3, "continue"), ("\t", 1, None)],
    ]
    widths = [900, 2400, 1300, 1100]

    def cells() -> list[list[ooxml.Cell]]:
        return [_docx_cells(row) for row in rows]

    tree = ooxml._fragment(ooxml.make_table(cells(), widths, border_pt=border_pt, header_rows=header_rows,
                                            cell_margin_tw=60))
    table = ooxml.TableXml(cells, widths, border_pt=border_pt, header_rows=header_rows, cell_margin_tw=60)
    assert b"".join(table.pieces()).decode("utf-8") == tree
    assert b"".join(table.pieces()) == b"".join(table.pieces())  # written again: the same


def test_a_big_tables_xml_is_made_a_few_rows_at_a_time_from_its_rows() -> None:
    made: list[int] = []

    def rows() -> Any:
        for r in range(1000):
            made.append(r)
            yield _docx_cells([(f"{r}", 1, None), (f"单位{r}", 1, None)])

    table = ooxml.TableXml(rows, [1000, 2000], header_rows=1)
    pieces = table.pieces()
    first = next(pieces)
    assert first.startswith(b"<w:tbl><w:tblPr>") and first.count(b"<w:tr>") == ooxml.TABLE_ROWS_PER_PIECE
    assert len(made) == ooxml.TABLE_ROWS_PER_PIECE  # the rows after these are not made yet
    rest = b"".join(pieces)
    assert rest.endswith(b"</w:tr></w:tbl>") and (first + rest).count(b"<w:tblHeader/>") == 1


def test_a_big_table_goes_into_the_docx_written_not_into_a_tree() -> None:
    rows = "".join(f"{i}\t桐川区第{i}中学\t校舍维修改造\t{i * 7}.5\n" for i in range(400))
    doc = bf.parse("某某县项目资金安排表\n\n序号\t单位\t项目\t金额\n" + rows)
    data = bf.render(doc, "docx")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:tr>") == 401 and xml.count("<w:tbl>") == 1
    assert '<w:t xml:space="preserve">桐川区第399中学</w:t>' in xml
    assert xml.count("<w:tblHeader/>") == 1  # the header row
    composer_tables: list[ooxml.TableXml] = []
    real = ooxml.Package.add_table

    def add_table(self: ooxml.Package, table: ooxml.TableXml) -> None:
        composer_tables.append(table)
        real(self, table)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ooxml.Package, "add_table", add_table)
        assert bf.render(doc, "docx") == data  # the same bytes again
    assert len(composer_tables) == 1


def test_a_text_read_through_the_window_gives_the_lines_of_one_read_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("标题\r\n\r\n序号\t名称\t数量\n1\t甲\t2\n2\t乙\t3\n3\t丙\t4\n\n正文第一段。\u2028"
            "名称    单位    数量\n甲      个      2\n乙      只      3\n丙      台      4\f末行\n1\t2\n")

    def lines() -> list[tuple[int, str, bool, Any]]:
        state = text_reader.read(text)
        return [(ln.number, ln.text, ln.blank_before, ln.table and [[c.text for c in r] for r in ln.table])
                for ln in state.lines]

    whole = lines()
    assert sum(1 for ln in whole if ln[3]) == 2  # a tab-separated and a space-aligned table
    monkeypatch.setattr(text_reader, "WINDOW_CHARS", 0)
    assert lines() == whole


def test_the_classifier_prefilter_reads_a_long_text_a_slice_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """``chrome._may_accept`` finds which classifiers' characters a text holds: on a table's long text, a slice at a
    time (all the matches at once were a list twice the size of a TSV), with the answer of the whole text —
    a character each classifier needs is found wherever it stands, across slices too."""
    from bulletin_format.clean import chrome

    plain = "甲乙丙丁戊己" * (3 * chrome.NEEDED_SLICE // 6)
    assert chrome._may_accept(plain) == chrome._ALWAYS_ASKED  # (no classifier's character in it)
    whole = {ch: chrome._NEEDED_BY[ch] for ch in chrome._NEEDED_BY}
    for ch in whole:
        for at in (0, chrome.NEEDED_SLICE - 1, chrome.NEEDED_SLICE, len(plain) - 1):
            text = plain[:at] + ch + plain[at + 1 :]
            assert chrome._may_accept(text) == chrome._ALWAYS_ASKED | whole[ch], (ch, at)
    spans: list[int] = []

    class Spy:
        def findall(self, s: str, start: int = 0, end: int = 1 << 62) -> list[str]:
            spans.append(min(end, len(s)) - start)
            return real.findall(s, start, end)

    real = chrome._NEEDED
    monkeypatch.setattr(chrome, "_NEEDED", Spy())
    chrome._may_accept(plain)
    assert spans and max(spans) <= chrome.NEEDED_SLICE


def test_equal_cells_of_an_html_table_share_one_string() -> None:
    from bulletin_format.readers import html as html_reader
    from bulletin_format.readers import html_tables

    rows = "".join(f"<tr><td>{i}</td><td>已完成</td><td>2023年</td></tr>" for i in range(40))
    root, _ = html_reader._parse(f"<html><body><table>{rows}</table></body></html>")
    texts = html_tables.table_texts(root.find(".//table"), html_reader.SKIP_TAGS, html_reader._hidden)
    assert [row[1] for row in texts] == ["已完成"] * 40
    assert len({id(row[1]) for row in texts}) == 1 and len({id(row[2]) for row in texts}) == 1

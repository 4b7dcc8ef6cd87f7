"""The streaming JSON writer (``json_writer.write_to``) writes exactly the bytes of the string writer, and the
file-output paths (``writers.write_file``, ``convert_to_file``, the CLI's ``-o FILE.json``) use it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.api import convert_to_file
from bulletin_format.cli import main
from bulletin_format.errors import UnknownOptionError
from bulletin_format.model import Article, Block, Document, TableCell, _plain
from bulletin_format.writers import WRITERS, json_writer, write_atomic, write_atomic_with, write_file

from .conftest import FIXTURES, SEEDS

INPUTS = sorted([*SEEDS, *(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html", ".md", ".docx"))])


def streamed(doc: Document, indent: int | None = 2) -> bytes:
    buf = io.BytesIO()
    json_writer.write_to(doc, buf, indent=indent)
    return buf.getvalue()


def as_tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every list and string 'big', a flush after every two pieces: the piecewise path everywhere."""
    monkeypatch.setattr(json_writer, "BIG_LIST", 0)
    monkeypatch.setattr(json_writer, "BIG_TEXT", 3)
    monkeypatch.setattr(json_writer, "FLUSH_PIECES", 2)


def test_there_are_fixtures_to_compare() -> None:
    assert len(INPUTS) > 30


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: str(p.relative_to(p.parents[1])))
def test_streamed_bytes_are_the_string_writers_on_every_fixture(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = bf.parse(path)
    for indent in (2, None):
        text = json_writer.write(doc, indent=indent)
        assert json.loads(text) == doc.to_dict()
        assert streamed(doc, indent) == text.encode("utf-8")
    # the same text when everything goes the piecewise way (tables cell by cell, strings in slices)
    whole = json_writer.write(doc)
    as_tiny_pieces(monkeypatch)
    assert json_writer.write(doc) == whole
    assert streamed(doc) == whole.encode("utf-8")
    assert json_writer.write(doc, indent=None) == json_writer._compact(doc.to_dict()) + "\n"


def big_table_document() -> Document:
    rows = [[TableCell("序号", header=True), TableCell("单位\t名称", header=True), TableCell('引号"与\\', colspan=2)]]
    rows += [[TableCell(str(i)), TableCell(f"第{i}组\n换行"), TableCell("", rowspan=2)] for i in range(500)]
    long_text = "长段落，" * 40_000 + "\u0001结束"  # longer than BIG_TEXT, with a character that is escaped
    doc = Document()
    doc.articles = [Article(title="表", blocks=[Block.table(rows, 1, line=3), Block("paragraph", long_text)])]
    doc.normalization = {"width": 2}
    return doc


def test_a_big_table_and_a_long_paragraph_are_written_piecewise_and_exactly() -> None:
    doc = big_table_document()
    for indent in (2, None):
        text = json_writer.write(doc, indent=indent)
        assert streamed(doc, indent) == text.encode("utf-8")
        data = json.loads(text)
        assert data == doc.to_dict()  # the text is the dict form, whichever way it was made
    # the compact block is what the C encoder makes of its dict form, byte for byte
    block = doc.articles[0].blocks[0]
    chunks: list[str] = []
    out = json_writer._Out("", chunks.append)
    out.compact(block)
    out.flush()
    assert "".join(chunks) == json_writer._compact(_plain(block))


def test_write_file_streams_json_and_renders_the_other_formats(tmp_path: Path) -> None:
    doc = bf.parse(SEEDS[0])
    for fmt in ("json", "txt", "md"):
        target = tmp_path / f"doc.{fmt}"
        write_file(doc, fmt, target)
        assert target.read_bytes() == WRITERS[fmt](doc).encode("utf-8")
    assert WRITERS.streaming("json") is json_writer.write_to
    assert WRITERS.streaming("txt") is None


def test_a_writer_set_in_place_of_json_is_not_bypassed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(WRITERS, "json", lambda doc, **options: "mine\n")
    assert WRITERS.streaming("json") is None
    write_file(bf.parse(SEEDS[0]), "json", tmp_path / "a.json")
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == "mine\n"


def test_convert_to_file_writes_what_convert_returns(tmp_path: Path) -> None:
    want = bf.convert(SEEDS[1])
    convert_to_file(SEEDS[1], "json", tmp_path / "a.json")
    assert (tmp_path / "a.json").read_text(encoding="utf-8") == want
    with pytest.raises(UnknownOptionError):
        convert_to_file(SEEDS[1], "json", tmp_path / "b.json", colour="red")
    assert not (tmp_path / "b.json").exists()


def test_the_cli_writes_one_document_as_convert_returns_it(tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    assert main(["convert", str(SEEDS[2]), "-o", str(out), "-q"]) == 0
    assert out.read_text(encoding="utf-8") == bf.convert(SEEDS[2])


def test_write_atomic_writes_a_str_in_slices_as_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bulletin_format.writers as writers

    monkeypatch.setattr(writers, "ENCODE_CHARS", 3)
    text = "一二三四五六七abc\n"
    write_atomic(tmp_path / "t.txt", text)
    assert (tmp_path / "t.txt").read_bytes() == text.encode("utf-8")
    write_atomic(tmp_path / "b.bin", bytearray(b"\x00\x01"))
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"


def test_a_writer_failing_halfway_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "half.json"

    def produce(fh: io.BufferedWriter) -> None:
        fh.write(b"{\n")
        raise RuntimeError("the writer broke")

    with pytest.raises(RuntimeError):
        write_atomic_with(target, produce)
    assert list(tmp_path.iterdir()) == []

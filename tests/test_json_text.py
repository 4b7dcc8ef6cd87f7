"""``convert()``'s JSON text is made lean (writers/json_text.py): the chunks held as UTF-8 or str, whichever is
smaller, and joined once the Document is gone. The text must be exactly what ``json_writer.write`` returns."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format import api
from bulletin_format.writers import WRITERS, json_text, json_writer

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

# JSON syntax around a few Chinese characters (a name list's block): smaller as UTF-8
SHORT_LINES = "".join(f'{{"type": "paragraph", "text": "何静欣　白鹭区{i}", "line": {i}}},\n' for i in range(400))
# Chinese text: smaller as a str (2 bytes a character; UTF-8 takes 3)
PROSE = "各地区各部门要认真贯彻落实会议精神，切实加强组织领导。" * 400


def joined(chunks: list[str]) -> tuple[str, list[type]]:
    held = json_text.JsonText()
    for chunk in chunks:
        held.add(chunk)
    forms = [type(part) for part in held.parts]
    return held.text(), forms


def test_below_lean_chars_the_chunks_are_kept_as_they_come() -> None:
    chunks = [SHORT_LINES, PROSE, "\n"]
    text, forms = joined(chunks)
    assert text == "".join(chunks)
    assert forms == [str, str, str]


def test_past_lean_chars_each_chunk_is_held_in_its_smaller_form(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json_text, "LEAN_CHARS", len(SHORT_LINES) + 10)
    ascii_only = '{"schema_version": "1.2", "toc": []}' * 100
    chunks = [SHORT_LINES, PROSE, ascii_only, SHORT_LINES]
    text, forms = joined(chunks)
    assert text == "".join(chunks)
    # the chunk held before the limit was passed is made lean too; ASCII is one byte a character either way
    assert forms == [bytes, str, str, bytes]


@pytest.mark.parametrize("mostly", ["utf-8", "str"])
def test_the_text_is_the_chunks_joined_whichever_form_wins(monkeypatch: pytest.MonkeyPatch, mostly: str) -> None:
    monkeypatch.setattr(json_text, "LEAN_CHARS", 0)
    many, few = (SHORT_LINES, PROSE) if mostly == "utf-8" else (PROSE, SHORT_LINES)
    # astral characters, lone surrogates (a text= input may hold them) and a surrogate pair cut between chunks
    tricky = ["\U00020000 名\ud800", "\udc00 单\U0001f600", "\ud83d", "\ude00", "é"]
    chunks = [many, few, *tricky, many, many, "\n"]
    text, forms = joined(chunks)
    assert text == "".join(chunks)
    assert len(text) == sum(map(len, chunks))  # no surrogate pair was fused into one character
    assert (bytes in forms) and (str in forms)


def test_convert_returns_what_the_writer_writes_on_the_lean_path(monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = sorted(p for p in FIXTURES.rglob("*") if p.suffix in {".txt", ".html", ".md"})[:40]
    assert inputs
    monkeypatch.setattr(json_text, "LEAN_CHARS", 0)  # every document through the lean path
    for path in inputs:
        for indent in (2, None):
            expected = json_writer.write(bf.parse(path), indent=indent)
            assert bf.convert(path, indent=indent) == expected, path


def test_convert_lets_the_document_go_before_the_text_is_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[weakref.ref[bf.Document]] = []
    parse = api.parse

    def parse_and_watch(*args: object, **kwargs: object) -> bf.Document:
        doc = parse(*args, **kwargs)  # type: ignore[arg-type]
        made.append(weakref.ref(doc))
        return doc

    alive_at_join: list[bool] = []
    text = json_text.JsonText.text

    def watched_text(self: json_text.JsonText) -> str:
        gc.collect()
        alive_at_join.append(made[-1]() is not None)
        return text(self)

    monkeypatch.setattr(api, "parse", parse_and_watch)
    monkeypatch.setattr(json_text.JsonText, "text", watched_text)
    out = bf.convert(text="通知\n\n各单位：\n\n请按时报送材料。\n")
    assert alive_at_join == [False]
    assert '"text": "请按时报送材料。"' in out


def test_a_json_writer_set_in_its_place_is_used_as_it_is(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[bf.Document] = []

    def write(doc: bf.Document, *, indent: int | None = 2) -> str:
        calls.append(doc)
        return "{}"

    monkeypatch.setitem(WRITERS, "json", write)
    assert bf.convert(text="通知\n正文。\n") == "{}"
    assert len(calls) == 1

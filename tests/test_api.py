"""The public API: every kind of source gives the same Document; convert returns and writes."""

from __future__ import annotations

import io
import json

import jsonschema
import pytest

import bulletin_format as bf
from bulletin_format.writers.json_writer import schema

from .conftest import SEEDS

SEED = SEEDS[1]


def comparable(doc: bf.Document) -> dict:
    data = doc.to_dict()
    data.pop("source")
    return data


def test_every_kind_of_source_gives_the_same_document():
    want = comparable(bf.parse(SEED))
    raw = SEED.read_bytes()
    assert comparable(bf.parse(str(SEED))) == want
    assert comparable(bf.parse(raw)) == want
    assert comparable(bf.parse(raw.decode("utf-8"))) == want
    with SEED.open("rb") as fh:
        assert comparable(bf.parse(fh)) == want
    assert comparable(bf.parse(io.BytesIO(raw))) == want


def test_source_info_says_where_the_text_came_from():
    doc = bf.parse(SEED)
    assert doc.source.path == str(SEED) and doc.source.format == "text"
    assert doc.source.encoding == "utf-8" and doc.source.evidence == "utf-8"
    assert bf.parse(SEED.read_text(encoding="utf-8")).source.evidence == "text"


def test_convert_returns_json_and_writes_it(tmp_path):
    out = tmp_path / "sub" / "doc.json"
    text = bf.convert(SEED, output=out)
    assert out.read_text(encoding="utf-8") == text
    data = json.loads(text)
    jsonschema.validate(data, schema())
    assert data["articles"][0]["title_lines"][0] == "省委召开先进性教育活动工作会议"
    assert not list(tmp_path.rglob("*.part"))  # the temporary file of the atomic write is gone


def test_convert_to_docx_returns_bytes(tmp_path):
    data = bf.convert(SEED, to="docx", output=tmp_path / "doc.docx")
    assert data[:2] == b"PK" and (tmp_path / "doc.docx").read_bytes() == data


def test_output_is_deterministic():
    assert bf.convert(SEED) == bf.convert(SEED)
    assert bf.convert(SEED, to="docx") == bf.convert(SEED, to="docx")


def test_json_round_trips_through_the_model():
    doc = bf.parse(SEED)
    assert bf.Document.from_dict(json.loads(bf.convert(SEED))).to_dict() == doc.to_dict()


def test_bad_calls_are_typed():
    with pytest.raises(bf.OutputFormatError, match="unknown output format"):
        bf.convert(SEED, to="pdf")
    with pytest.raises(TypeError, match="unknown option"):
        bf.parse(SEED, colour="red")
    with pytest.raises(bf.UnsupportedSourceError):
        bf.parse(12345)
    with pytest.raises(bf.UnsupportedSourceError, match="no such file"):
        bf.parse("missing-file.txt")
    assert issubclass(bf.EmptyInputError, bf.BulletinFormatError)

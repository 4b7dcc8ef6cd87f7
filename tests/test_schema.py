"""The JSON contract: schema.json matches the model, documents every field, and every output validates."""

from __future__ import annotations

import copy
import dataclasses
import json
import re
from importlib import resources

import jsonschema
import pytest

import bulletin_format as bf
from bulletin_format import model

from .conftest import FIXTURES, ROOT, SEEDS

SCHEMA = json.loads(resources.files("bulletin_format").joinpath("schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
DOC = (ROOT / "docs" / "json-format.md").read_text(encoding="utf-8")
INPUTS = [*SEEDS, *sorted(FIXTURES.glob("official/*.txt")), *sorted(FIXTURES.glob("text/*.txt")),
          *sorted(FIXTURES.glob("html/*.html"))]


def _ref(node: dict) -> dict:
    if "$ref" in node:
        return SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _object(*path: str) -> dict:
    """The schema node of the object at ``path`` (array items followed)."""
    node = SCHEMA
    for key in path:
        node = _ref(node["properties"][key])
        if node.get("type") == "array":
            node = _ref(node["items"])
    return node


MODEL_OBJECTS = [
    ((), model.Document),
    (("source",), model.SourceInfo),
    (("header",), model.Header),
    (("articles",), model.Article),
    (("articles", "blocks"), model.Block),
    (("articles", "signatures"), model.Signature),
    (("articles", "attachments"), model.Attachment),
    (("articles", "attachments", "blocks"), model.Block),
    (("distribution",), model.DistributionLine),
    (("metadata",), model.PageMetadata),
    (("removed",), model.Removed),
]


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(("path", "cls"), MODEL_OBJECTS, ids=lambda x: ".".join(x) if isinstance(x, tuple) else "")
def test_schema_and_model_have_the_same_fields(path, cls):
    fields = set(getattr(cls, "JSON_FIELDS", ())) or {f.name for f in dataclasses.fields(cls)}
    if cls is model.Document:
        fields.add("schema_version")
    node = _object(*path)
    assert set(node["properties"]) == fields
    assert node.get("additionalProperties") is False
    assert set(node.get("required", [])) <= fields


@pytest.mark.parametrize(
    ("path", "names"),
    [
        (("header",), {"doc_number", "doc_number_text", "signer", "copy_number", "secrecy", "urgency"}),
        (("articles",), {"addressee", "attachment_list", "signatures", "notes", "attachments"}),
        (("articles", "signatures"), {"organ", "date", "date_text"}),
        (("articles", "attachments"), {"label", "title", "blocks"}),
        (("distribution",), {"label", "text", "recipients"}),
    ],
)
def test_the_official_fields_are_required(path, names):
    assert names <= set(_object(*path)["required"])


@pytest.mark.parametrize(("path", "cls"), MODEL_OBJECTS, ids=lambda x: ".".join(x) if isinstance(x, tuple) else "")
def test_every_field_is_documented(path, cls):
    documented = set(re.findall(r"`([a-z_]+)`", DOC))
    missing = {f.name for f in dataclasses.fields(cls)} - documented
    assert not missing, f"docs/json-format.md does not describe {sorted(missing)}"


def test_the_documented_example_validates():
    example = re.search(r"```json\n(.*?)\n```", DOC, re.S)
    assert example, "docs/json-format.md has no JSON example"
    VALIDATOR.validate(json.loads(example.group(1)))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_output_validates(path):
    data = json.loads(bf.convert(path))
    errors = sorted(VALIDATOR.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{'/'.join(map(str, e.path))}: {e.message}" for e in errors[:5]]


def test_a_broken_document_is_refused():
    data = json.loads(bf.convert(FIXTURES / "official" / "tongzhi.txt"))
    assert data["articles"][0]["signatures"], "the fixture has a 落款"
    bad = copy.deepcopy(data)
    bad["articles"][0]["signatures"][0]["date"] = "2021/3/15"
    assert not VALIDATOR.is_valid(bad)
    bad = copy.deepcopy(data)
    del bad["header"]["doc_number"]
    assert not VALIDATOR.is_valid(bad)
    bad = copy.deepcopy(data)
    bad["articles"][0]["attachments"][0]["signature"] = []
    assert not VALIDATOR.is_valid(bad)


def test_json_round_trips_through_the_model():
    doc = bf.parse(FIXTURES / "official" / "fuhan.txt")
    again = model.Document.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))
    assert again == doc


def test_the_attachment_note_is_text_and_its_items_are_derived():
    """附件说明 (GB/T 9704 §7.3.4) is part of the 正文: its lines are blocks, in reading order before the
    落款, the label as printed; ``attachment_list`` (the items) is written next to them as before 1.2."""
    data = json.loads(bf.convert(FIXTURES / "official" / "fuhan.txt"))
    art = data["articles"][0]
    notes = [b["text"] for b in art["blocks"] if b["type"] == "attachment_note"]
    assert notes and notes[0].startswith("附件：") and art["blocks"][-1]["type"] == "attachment_note"
    assert art["attachment_list"] == [re.sub(r"^附件：", "", t) for t in notes]
    assert list(art)[list(art).index("addressee") + 1] == "attachment_list"  # where 1.1 wrote it


def test_a_1_1_record_reads_its_attachment_list_as_blocks():
    data = json.loads(bf.convert(FIXTURES / "official" / "fuhan.txt"))
    art = data["articles"][0]
    items = art["attachment_list"]
    art["blocks"] = [b for b in art["blocks"] if b["type"] != "attachment_note"]  # as 1.1 wrote it
    data["schema_version"] = "1.1"
    again = model.Document.from_dict(data).articles[0]
    assert again.attachment_list == items
    assert next(b.text for b in again.blocks if b.type == "attachment_note") == "附件：" + items[0]

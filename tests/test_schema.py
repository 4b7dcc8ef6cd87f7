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
    fields = {f.name for f in dataclasses.fields(cls)}
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

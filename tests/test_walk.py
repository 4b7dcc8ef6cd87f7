"""The one walk over a Document's text fields: it reaches every text field of the model, once, with
its role, and the passes built on it (normalisation, OpenCC, audit) agree on what they cover."""

from __future__ import annotations

import dataclasses
import itertools
import typing

import bulletin_format as bf
from bulletin_format import audit, model
from bulletin_format.model import Block, Document, TableCell
from bulletin_format.normalize import normalize_document
from bulletin_format.pipeline import Options
from bulletin_format.walk import ALL_ROLES, texts, walk

# str fields that are not text of the document: ISO dates, the input description, enums
NOT_TEXT = {
    ("Header", "date"), ("Signature", "date"), ("PageMetadata", "published"), ("Block", "type"),
    ("Document", "kind"), ("Removed", "reason"),
}


def _filled(cls: type, counter: itertools.count) -> object:
    """An instance of a model dataclass with every str field set to a unique marker (and every list of
    strings or of dataclasses holding one marked item)."""
    hints = typing.get_type_hints(cls, vars(model))
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        text = str(hint)
        if cls is Document and f.name in ("source", "normalization", "warnings"):
            continue
        if f.name == "rows":
            values[f.name] = [[_filled(TableCell, counter)]]
        elif dataclasses.is_dataclass(hint):
            values[f.name] = _filled(hint, counter)
        elif typing.get_origin(hint) is list:
            (item,) = typing.get_args(hint)
            values[f.name] = [_filled(item, counter) if dataclasses.is_dataclass(item) else f"M{next(counter)}"]
        elif "str" in text and (cls.__name__, f.name) not in NOT_TEXT and "Literal" not in text:
            values[f.name] = f"M{next(counter)}"
    if cls is Block:
        values["type"] = "table"
    if cls is model.Removed:
        values["reason"] = "a_rule"
    return cls(**values)


def _markers(obj: object) -> set[str]:
    found: set[str] = set()
    if dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            found |= _markers(getattr(obj, f.name))
    elif isinstance(obj, list):
        for item in obj:
            found |= _markers(item)
    elif isinstance(obj, str) and obj.startswith("M") and obj[1:].isdigit():
        found.add(obj)
    return found


def test_the_walk_reaches_every_text_field_of_the_model_once():
    doc = _filled(Document, itertools.count())
    assert isinstance(doc, Document)
    art = doc.articles[0]
    # a table block's text is derived from its cells: the walk visits the cells instead
    derived = {b.text for b in art.blocks + art.attachments[0].blocks}
    art.blocks.append(Block("paragraph", "M999999"))
    want = _markers(doc) - derived
    seen = [t for t, _ in texts(doc, ALL_ROLES)]
    assert not want - set(seen), f"fields the walk misses: {sorted(want - set(seen))}"
    assert len(seen) == len(set(seen)), "a field was visited twice"
    assert len(want) >= 30  # the model really was filled


def test_a_table_text_is_derived_again_after_a_walk():
    rows = [[TableCell("序号", header=True), TableCell("名称", header=True)], [TableCell("1"), TableCell("甲")]]
    doc = Document(articles=[model.Article(blocks=[Block.table(rows, header_rows=1)])])
    walk(doc, lambda text, role: text + "！")
    block = doc.articles[0].blocks[0]
    assert block.text == "序号！ 名称！\n1！ 甲！"
    assert block.rows is not None and block.rows[1][1].text == "甲！"


def test_normalisation_covers_table_cells_and_leaves_printed_fields_alone():
    rows = [[TableCell("ＡＢＣ１２３"), TableCell("说明,见下")]]
    doc = Document(articles=[model.Article(blocks=[Block.table(rows)])])
    doc.header.doc_number_text = "某发[2020]１号"
    normalize_document(doc, Options())
    cells = doc.articles[0].blocks[0].rows
    assert cells is not None and cells[0][0].text == "ABC123" and cells[0][1].text == "说明，见下"
    assert doc.header.doc_number_text == "某发[2020]１号"
    assert doc.normalization.get("fullwidth_alnum")


def test_opencc_and_the_audit_see_table_cells():
    rows = [[TableCell("單位"), TableCell("數量")]]
    doc = Document(articles=[model.Article(blocks=[Block.table(rows)])])
    assert not audit.lost_characters("單位數量", doc)
    assert audit.lost_characters("單位數量遺失", doc) == {"遺": 1, "失": 1}
    converted = bf.render(doc, "json")
    assert "單位" in converted
    from bulletin_format.normalize.chinese import convert_document

    counts = convert_document(doc, "t2s")
    assert doc.articles[0].blocks[0].text == "单位 数量" and counts

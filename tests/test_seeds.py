"""Each seed's output equals its hand-made gold annotation, field by field."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

import bulletin_format as bf

from .conftest import GOLD, SEEDS


def canon(s: str | None) -> str:
    """Text without whitespace and punctuation (normalisation may change punctuation, never words)."""
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC"))


def gold_for(path):
    return json.loads((GOLD / f"{path.stem}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=SEEDS, ids=lambda p: p.stem[:3])
def pair(request):
    return bf.parse(request.param), gold_for(request.param)


def test_header(pair):
    doc, gold = pair
    assert canon(doc.header.issuer) == canon(gold["header"]["issuer"])
    assert doc.header.date == gold["header"]["date"]


def test_toc(pair):
    doc, gold = pair
    assert [canon(t) for t in doc.toc] == [canon(t) for t in gold["toc"]]


def test_articles(pair):
    doc, gold = pair
    assert len(doc.articles) == len(gold["articles"])
    for art, want in zip(doc.articles, gold["articles"], strict=True):
        want_title = (want["title"] or "") + (want["subtitle"] or "")
        assert canon((art.title or "") + (art.subtitle or "")) == canon(want_title)
        order = want.get("order") or (want["headings"] + want["paragraphs"])
        got = [b.text for b in art.blocks]
        if want.get("order"):
            assert [canon(t) for t in got] == [canon(t) for t in order]
        else:
            assert sorted(canon(t) for t in got) == sorted(canon(t) for t in order)
        headings = [canon(b.text) for b in art.blocks if b.type == "heading"]
        assert headings == [canon(h) for h in want["headings"]]


def test_distribution(pair):
    doc, gold = pair
    assert [(d.label, canon(d.text)) for d in doc.distribution] == [
        (d["label"], canon(d["text"])) for d in gold["distribution"]
    ]


def test_metadata(pair):
    doc, gold = pair
    md = doc.metadata
    for key, want in gold["metadata"].items():
        got = getattr(md, key)
        if key == "published":
            assert (got or "")[:16] == want[:16]
        elif key == "url":
            assert (got or "").rstrip("/") == want.rstrip("/")
        else:
            assert canon(got) == canon(want)


def test_boilerplate_removed_not_leaked(pair):
    doc, gold = pair
    body = canon("".join(b.text for a in doc.articles for b in a.blocks))
    removed = canon("".join(r.text for r in doc.removed))
    for line in gold["boilerplate"]:
        c = canon(line)
        if len(c) >= 4:
            assert c not in body, line
            assert c in removed, line
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", r.reason) for r in doc.removed)

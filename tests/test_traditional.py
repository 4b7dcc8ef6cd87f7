"""Traditional input keeps its script and gets the Simplified structure (the Simplified shadow, shadow.py).

Every input of the project — the seeds, the fixtures, and the real pages of /work/shared/realdocs when
that directory exists — is converted to Traditional with OpenCC (s2t, s2tw, s2hk) and handed over as
UTF-8 bytes and as Big5 bytes, then parsed with the default options (``chinese="keep"``). The result
must be the Simplified original's Document with every text field converted by the same configuration:
the same articles, blocks and levels, header, distribution, signatures, metadata, removed lines and
normalisation counts, and each text in the Traditional input's characters, one for one.

Big5 cannot encode every character OpenCC writes (s2t's 爲 羣 衆 啓 裏 着, NBSP, ©, U+2015 …). An HTML
page prints those as character references (``errors="xmlcharrefreplace"``) and declares Big5; a text
file cannot, so the characters Big5 lacks are left out of both the Traditional text and the Simplified
original it is compared with (OpenCC converts one character for one, so the positions agree).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import bulletin_format as bf
from bulletin_format import shadow as sh
from bulletin_format.model import Block, Document
from bulletin_format.normalize.chinese import convert_text
from bulletin_format.walk import walk

from .conftest import FIXTURES, SEEDS

pytest.importorskip("opencc")

SHARED = Path("/work/shared")
REALDOCS = SHARED / "realdocs" / "docs"
FIXTURE_INPUTS = sorted(p for p in FIXTURES.rglob("*") if p.is_file() and p.parent.name != "gold")
REALDOC_INPUTS = sorted(REALDOCS.iterdir()) if REALDOCS.is_dir() else []
INPUTS = SEEDS + FIXTURE_INPUTS + REALDOC_INPUTS
CONFIGS = ("s2t", "s2tw", "s2hk")
_CHARSET = re.compile(r"(charset=[\"']?)utf-8", re.IGNORECASE)


def _name(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@cache
def _simplified(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@cache
def _big5_input(path: Path, config: str) -> tuple[str, bytes, tuple[tuple[str, str], ...]]:
    """The Simplified reference, the Big5 bytes of its Traditional version, and the characters the
    Traditional text had to print otherwise (its Taiwan form) to be Big5."""
    simplified = _simplified(path)
    traditional = convert_text(simplified, config)
    if path.suffix == ".html":
        page = _CHARSET.sub(r"\1big5", traditional)
        return simplified, page.encode("big5", errors="xmlcharrefreplace"), ()
    assert len(traditional) == len(simplified)  # OpenCC: one character for one
    lacking = {c for c in set(traditional) if not _in_big5(c)}
    taiwan = {c: convert_text(c, "t2tw") for c in lacking}
    forms = tuple((c, t) for c, t in sorted(taiwan.items()) if _in_big5(t))
    left_out = lacking - {c for c, _ in forms}
    keep = [i for i, c in enumerate(traditional) if c not in left_out]
    text = "".join(traditional[i] for i in keep).translate(str.maketrans(dict(forms)))
    return "".join(simplified[i] for i in keep), text.encode("big5"), forms


def _in_big5(char: str) -> bool:
    try:
        char.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


@cache
def _expected(reference: str, config: str, forms: tuple[tuple[str, str], ...] = ()) -> dict[str, Any]:
    """The Simplified original parsed, every text field converted with ``config`` (and printed in
    ``forms`` where Big5 needed it)."""
    doc = bf.parse(reference.encode("utf-8"))
    table = str.maketrans(dict(forms))
    walk(doc, lambda text, role: convert_text(text, config).translate(table))
    return _comparable(doc)


def _comparable(doc: Document) -> dict[str, Any]:
    data = doc.to_dict()
    del data["source"]  # encoding, size and evidence differ by construction
    return data


def _flat(data: Any, path: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        return {k: v for key, value in data.items() for k, v in _flat(value, f"{path}.{key}").items()}
    if isinstance(data, list):
        return {k: v for i, value in enumerate(data) for k, v in _flat(value, f"{path}[{i}]").items()}
    return {path: data}


def _assert_same(got: dict[str, Any], want: dict[str, Any]) -> None:
    if got != want:
        g, w = _flat(got), _flat(want)
        diffs = [f"{k}: got {g.get(k)!r:.80} want {w.get(k)!r:.80}" for k in sorted(g.keys() | w.keys())
                 if g.get(k) != w.get(k)]
        pytest.fail(f"{len(diffs)} fields differ:\n" + "\n".join(diffs[:12]))


@pytest.mark.parametrize("encoding", ["utf-8", "big5"])
@pytest.mark.parametrize("config", CONFIGS)
@pytest.mark.parametrize("path", INPUTS, ids=_name)
def test_traditional_input_gives_the_simplified_structure_in_its_own_script(path, config, encoding):
    if encoding == "utf-8":
        reference, forms = _simplified(path), ()
        data = convert_text(reference, config).encode("utf-8")
    else:
        reference, data, forms = _big5_input(path, config)
    doc = bf.parse(data)
    if encoding == "big5":
        assert doc.source.encoding.replace("-", "").lower() in {"big5", "cp950", "big5hkscs"}
    _assert_same(_comparable(doc), _expected(reference, config, forms))


def test_the_comparison_sees_a_bulletin_read_without_its_shadow(monkeypatch):
    """Read as it is, a Traditional bulletin loses its 報/送/發 block: the comparison above notices."""
    reference = _simplified(SEEDS[1])
    data = convert_text(reference, "s2tw")
    with_shadow = bf.parse(data)
    assert [d.label for d in with_shadow.distribution] == ["報", "送", "發"]
    monkeypatch.setattr(sh.ShadowReading, "prepare", lambda self, text, fmt: text)
    without = bf.parse(data)
    assert not without.distribution
    assert _comparable(without) != _expected(reference, "s2tw")

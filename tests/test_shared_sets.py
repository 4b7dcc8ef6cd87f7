"""The shared gold sets, scored with the shared scorers, must stay at their bars (skipped when the
shared material is absent, as in a user's clone):

* ``../shared/corpora/cwced`` — 69 labelled real pages: mean body F1 ≥ 0.96, no page below 0.5, dates
  ≥ 48 of 51;
* ``../shared/gold`` (the seeds) and ``../shared/realdocs`` — every document passes ``score.py``;
* the same HTML pages as a site nobody has seen would print them — class and id names of its own, no
  ``<title>``, or only the site's name in it — stay at the same bars (the reader must not lean on a
  template's names or on ``<title>`` to find the article and its title).
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest

import bulletin_format as bf

SHARED = Path(__file__).resolve().parents[2] / "shared"
EVAL = SHARED / "eval"
CWCED = SHARED / "corpora" / "cwced"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason="../shared (gold sets and scorers) not present"),
]

MEAN_F1_BAR = 0.96
DATES_BAR = 48


@pytest.fixture(scope="module")
def scorer():
    sys.path.insert(0, str(EVAL))
    try:
        import score
        import score_corpus

        yield score, score_corpus
    finally:
        sys.path.remove(str(EVAL))


def _convert_all(src: Path, dst: Path, pattern: str = "*") -> None:
    dst.mkdir(parents=True, exist_ok=True)
    for page in sorted(src.glob(pattern)):
        if page.is_file() and not page.name.startswith("."):
            (dst / f"{page.stem}.json").write_text(bf.convert(page, to="json"), encoding="utf-8")


@pytest.mark.skipif(not (CWCED / "original").is_dir(), reason="../shared/corpora/cwced not present")
def test_cwced_corpus_stays_at_its_bar(tmp_path, scorer, capsys):
    _, score_corpus = scorer
    _convert_all(CWCED / "original", tmp_path, "*.html")
    score_corpus.main([str(tmp_path), str(CWCED), "--per-page"])
    out = capsys.readouterr().out.splitlines()
    pages = {line.split(":")[0]: float(line.split("F1 ")[1].split()[0]) for line in out if " F1 " in line}
    summary = out[-1]
    mean = float(summary.split("mean body F1 ")[1].split()[0])
    dates_ok, dates_n = (int(x) for x in summary.split("dates ")[1].split(";")[0].split("/"))
    assert mean >= MEAN_F1_BAR, summary
    assert not [p for p, f in pages.items() if f < 0.5], summary
    assert dates_ok >= DATES_BAR and dates_n == 51, summary


@pytest.mark.parametrize(
    ("docs", "gold"),
    [(SHARED / "seeds", SHARED / "gold"), (SHARED / "realdocs" / "docs", SHARED / "realdocs" / "gold")],
    ids=["seeds", "realdocs"],
)
def test_every_gold_document_passes(tmp_path, scorer, capsys, docs, gold):
    score, _ = scorer
    if not docs.is_dir():
        pytest.skip(f"{docs} not present")
    _convert_all(docs, tmp_path)
    score.main([str(gold), str(tmp_path)])
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    n = len(list(gold.glob("*.gold.json")))
    assert summary.startswith(f"score: {n}/{n} documents pass"), summary
    assert json.loads((tmp_path / next(tmp_path.iterdir()).name).read_text(encoding="utf-8"))


# --- the same pages from a site nobody has seen ---------------------------------------------------------------------

_CLASS_OR_ID = re.compile(rb"""\b(class|id)\s*=\s*(["'])([^"']*)\2""", re.IGNORECASE)
_TITLE = re.compile(rb"<title>.*?</title>", re.IGNORECASE | re.DOTALL)


def _own_names(page: bytes) -> bytes:
    """Every class and id name replaced by a token of its own (the same name, the same token)."""
    def rename(m: re.Match[bytes]) -> bytes:
        names = b" ".join(b"x" + hashlib.md5(n).hexdigest()[:6].encode() for n in m.group(3).split())
        return m.group(1) + b'="' + names + b'"'
    return _CLASS_OR_ID.sub(rename, page)


PERTURBATIONS = {
    "own class names": _own_names,
    "no title": lambda page: _TITLE.sub(b"<title></title>", page),
    "site name as title": lambda page: _TITLE.sub(b"<title>Government Portal</title>", page),
}


def _convert_perturbed(src: Path, dst: Path, perturb, pattern: str) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    for page in sorted(src.glob(pattern)):
        (dst / f"{page.stem}.json").write_text(bf.convert(perturb(page.read_bytes()), to="json"), encoding="utf-8")


@pytest.mark.skipif(not (CWCED / "original").is_dir(), reason="../shared/corpora/cwced not present")
@pytest.mark.parametrize("name", list(PERTURBATIONS))
def test_cwced_pages_from_an_unseen_template_stay_at_the_bar(tmp_path, scorer, capsys, name):
    _, score_corpus = scorer
    _convert_perturbed(CWCED / "original", tmp_path, PERTURBATIONS[name], "*.html")
    score_corpus.main([str(tmp_path), str(CWCED), "--per-page"])
    out = capsys.readouterr().out.splitlines()
    pages = {line.split(":")[0]: float(line.split("F1 ")[1].split()[0]) for line in out if " F1 " in line}
    summary = out[-1]
    assert float(summary.split("mean body F1 ")[1].split()[0]) >= MEAN_F1_BAR, summary
    assert not [p for p, f in pages.items() if f < 0.5], summary


@pytest.mark.skipif(not (SHARED / "realdocs" / "docs").is_dir(), reason="../shared/realdocs not present")
@pytest.mark.parametrize("name", list(PERTURBATIONS))
def test_realdocs_pages_from_an_unseen_template_pass(tmp_path, scorer, capsys, name):
    score, _ = scorer
    docs, gold = SHARED / "realdocs" / "docs", SHARED / "realdocs" / "gold"
    _convert_perturbed(docs, tmp_path, PERTURBATIONS[name], "*.html")
    score.main([str(gold), str(tmp_path)])
    lines = capsys.readouterr().out.strip().splitlines()
    html = {p.stem for p in docs.glob("*.html")}
    failed = [line for line in lines if line.split(":")[0] in html and ": pass " not in line]
    assert not failed, failed

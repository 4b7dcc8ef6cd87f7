"""The shared gold sets, scored with the shared scorers, must stay at their bars (skipped when the
shared material is absent, as in a user's clone):

* ``../shared/corpora/cwced`` — 69 labelled real pages: mean body F1 ≥ 0.96, no page below 0.5, dates
  ≥ 48 of 51;
* ``../shared/gold`` (the seeds) and ``../shared/realdocs`` — every document passes ``score.py``.
"""

from __future__ import annotations

import json
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

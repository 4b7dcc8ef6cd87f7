"""Main-content extraction on a labelled corpus of real pages: quality and speed against peers, one run.

    .venv/bin/python benchmarks/bench_corpus.py                     # ../shared/corpora/cwced
    .venv/bin/python benchmarks/bench_corpus.py --corpus DIR --rounds 3

The corpus is the CWCED layout (``original/*.html`` pages, the hand-copied text in ``cleaned/``, the date in
``date/``), scored with the shared scorer (``../shared/eval/score_corpus.py``'s character-bigram F1 over the
canonical text). Every contender gets the same pages and is called the way its users call it:

* bulletin-format — ``bulletin_format.convert(page_bytes, to="json")``: the whole pipeline (decoding,
  reading, cleaning, segmentation, normalisation, JSON), with the per-text caches emptied before each page;
* trafilatura — ``trafilatura.bare_extraction(page_text, favor_precision=True, with_metadata=True)`` (the
  like-for-like call: main text *and* page facts);
* readability-lxml — ``readability.Document(page_text).summary()`` then its text.

The peers get the page already decoded (by bulletin-format's decoder, outside the timing: given the bytes
they misread several GB pages), while bulletin-format decodes the bytes inside its timing — a handicap
for bulletin-format in both quality and speed.

Speed is pages per CPU second of this process (``time.process_time``), the contenders measured in
interleaved rounds so that machine noise falls on all of them; ratios are taken within the run.
Needs the ``bench`` extra (trafilatura, readability-lxml); a contender that is not installed is skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import bulletin_format as bf  # noqa: E402
from bulletin_format.readers.encoding import decode_bytes  # noqa: E402

SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")
_CACHES: list[Callable[[], None]] = []


def _per_text_caches() -> list[Callable[[], None]]:
    """The library's per-text lru_caches (answers of classifiers, prose and date tests, keyed by a line's
    text); caches of tables built once per process (maxsize 1, a converter per OpenCC configuration)
    stay, as they would in any long-running process."""
    import functools

    found = []
    for name, module in list(sys.modules.items()):
        if name.startswith("bulletin_format"):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper) and (value.cache_info().maxsize or 0) > 1000:
                    found.append(value.cache_clear)
    return found


def _clear_caches() -> None:
    """Empty the per-text caches so that every page is read as a new one."""
    for clear in _CACHES:
        clear()


def _ours(data: bytes, text: str) -> dict:
    _clear_caches()
    return json.loads(bf.convert(data, to="json"))


def _as_json(lines: list[str], date: str | None = None) -> dict:
    return {"articles": [{"blocks": [{"type": "paragraph", "text": t} for t in lines if t.strip()]}],
            "header": {"date": date}, "metadata": {"published": None}}


def _trafilatura() -> Callable[[bytes, str], dict] | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(data: bytes, text: str) -> dict:
        doc = trafilatura.bare_extraction(text, favor_precision=True, with_metadata=True)
        if doc is None:
            return _as_json([])
        body = (doc.text if hasattr(doc, "text") else doc.get("text")) or ""
        date = doc.date if hasattr(doc, "date") else doc.get("date")
        return _as_json(body.splitlines(), date)

    return run


def _readability() -> Callable[[bytes, str], dict] | None:
    try:
        from lxml import html as lxml_html
        from readability import Document
    except ImportError:
        return None

    def run(data: bytes, text: str) -> dict:
        summary = Document(text).summary()
        root = lxml_html.fromstring(summary)
        lines = [t.strip() for t in root.itertext()]
        return _as_json(lines)

    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "cwced")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds (default 3)")
    args = parser.parse_args(argv)
    scorer = SHARED / "eval"
    if not (args.corpus / "original").is_dir() or not (scorer / "score.py").is_file():
        print(f"no corpus at {args.corpus} (or no scorer at {scorer}): nothing to measure")
        return 0
    sys.path.insert(0, str(scorer))
    from score import canon, f1, pred_body  # type: ignore[import-not-found]

    bf.convert(b"<p>\u4e00</p>", to="json")  # import every reader and writer module once
    _CACHES.extend(_per_text_caches())
    pages = sorted((args.corpus / "original").glob("*.html"))
    data = [p.read_bytes() for p in pages]
    texts = [decode_bytes(d).text for d in data]
    gold = [(args.corpus / "cleaned" / f"{p.stem}.txt").read_text(encoding="utf-8", errors="replace") for p in pages]
    contenders: dict[str, Callable[[bytes, str], dict]] = {"bulletin-format": _ours}
    for name, make in (("trafilatura", _trafilatura), ("readability-lxml", _readability)):
        run = make()
        if run is not None:
            contenders[name] = run
        else:
            print(f"{name} not installed: skipped (pip install -e '.[bench]')")

    cpu: dict[str, float] = dict.fromkeys(contenders, 0.0)
    scores: dict[str, list[float]] = {name: [] for name in contenders}
    for rnd in range(args.rounds):
        for name, run in contenders.items():
            started = time.process_time()
            outputs = [run(d, t) for d, t in zip(data, texts, strict=True)]
            cpu[name] += time.process_time() - started
            if rnd == 0:
                for out, want in zip(outputs, gold, strict=True):
                    arts = out.get("articles") or []
                    body = pred_body(out) + [(a.get("title") or "") for a in arts[1:]]
                    scores[name].append(f1(canon("".join(body)), canon(want))[2])
    n = len(pages) * args.rounds
    print(f"{len(pages)} pages of {args.corpus.name}, {args.rounds} interleaved rounds, per CPU second of this process")
    print(f"{'contender':<18} {'mean F1':>8} {'<0.5':>5} {'<0.9':>5} {'pages/s':>9} {'bulletin-format is':>20}")
    ours_rate = n / cpu["bulletin-format"]
    for name in contenders:
        fs = scores[name]
        rate = n / cpu[name]
        ratio = "" if name == "bulletin-format" else f"{ours_rate / rate:.2f}x faster"
        print(f"{name:<18} {sum(fs) / len(fs):8.3f} {sum(f < 0.5 for f in fs):5d} {sum(f < 0.9 for f in fs):5d} "
              f"{rate:9.1f} {ratio:>20}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Body extraction quality and speed: bulletin-format vs trafilatura vs readability-lxml, on the same pages.

    .venv/bin/python benchmarks/bench_extractors.py                        # /work/shared/realdocs
    .venv/bin/python benchmarks/bench_extractors.py --realdocs DIR         # DIR/docs/NNN.*, DIR/gold/NNN.gold.json

For every page with a gold annotation (``gold/NNN.gold.json``: ``body``, a list of the body's paragraphs, and
``neutral``, lines that may or may not be counted as body), each extractor's body text is scored against the
gold body by character-bigram F1: both sides NFKC-normalised with whitespace removed, ``neutral`` lines dropped
from the prediction first, then precision and recall over the multiset of adjacent character pairs. The score
is order-insensitive and forgives line breaks, so it measures *what* text was kept, not its layout.

Every contender gets the page's bytes (decoding included) and is called as its users call it, the same call
for its score and its timing: bulletin-format ``parse`` + ``render(doc, "json")`` (the whole pipeline, with
cold caches), trafilatura ``bare_extraction(page, favor_precision=True, with_metadata=True)`` (text and page
facts, the like-for-like call), readability-lxml ``Document(page).summary()``. trafilatura and readability read
HTML only: on .txt inputs they are shown as n/a, and speed is measured on the HTML pages alone, for every
contender: docs per CPU second over ``--repeat`` interleaved rounds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import bulletin_format as bf  # noqa: E402
from bulletin_format.model import Document  # noqa: E402

REALDOCS = Path("/work/shared/realdocs")


# --- scoring ----------------------------------------------------------------------------------------------------


def canon(text: str) -> str:
    """NFKC, no whitespace: the form both sides are compared in."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def bigrams(text: str) -> Counter[str]:
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def drop_neutral(lines: list[str], neutral: list[str]) -> str:
    """The prediction as one canonical string without the gold's neutral lines.

    A predicted line equal to a neutral line is dropped; a neutral line found inside a longer predicted line
    (an extractor may glue a dateline to a paragraph) is cut out of it once.
    """
    wanted = {canon(n) for n in neutral if canon(n)}
    kept = [c for c in (canon(line) for line in lines) if c and c not in wanted]
    text = "\n".join(kept)
    for n in sorted(wanted, key=len, reverse=True):
        text = text.replace(n, "", 1)
    return text.replace("\n", "")


def bigram_f1(predicted: list[str], gold: list[str], neutral: list[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the predicted body against the gold body, over character bigrams."""
    pred = bigrams(drop_neutral(predicted, neutral))
    want = bigrams("".join(canon(g) for g in gold))
    overlap = sum((pred & want).values())
    p = overlap / sum(pred.values()) if pred else 0.0
    r = overlap / sum(want.values()) if want else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# --- extractors: page bytes → body lines ---------------------------------------------------------------------


def body_lines(doc: Document) -> list[str]:
    """Everything the project puts in the body: addressee, blocks (the 附件说明 with them), 落款, 附注, attachments."""
    lines: list[str] = []
    for art in doc.articles:
        if art.addressee:
            lines.append(art.addressee + "：")
        lines += [b.text for b in art.blocks]
        for sig in art.signatures:
            lines += [x for x in (sig.organ, sig.date_text) if x]
        lines += art.notes
        for att in art.attachments:
            lines += [x for x in (att.label, att.title) if x]
            lines += [b.text for b in att.blocks]
    return lines


def forget_texts() -> None:
    """Empty the package's per-text caches (lru_caches of 1024 entries or more): every page read cold."""
    for name, module in list(sys.modules.items()):
        if name.startswith("bulletin_format"):
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if callable(info) and (info().maxsize or 0) >= 1024:
                    value.cache_clear()


def project(data: bytes, suffix: str) -> list[str]:
    doc = bf.parse(data)
    bf.render(doc, "json")  # the whole conversion is what is timed
    return body_lines(doc)


def trafilatura_body(data: bytes, suffix: str) -> list[str] | None:
    if suffix != ".html":
        return None
    import trafilatura

    doc = trafilatura.bare_extraction(data, favor_precision=True, with_metadata=True)
    text = (getattr(doc, "text", None) if not isinstance(doc, dict) else doc.get("text")) if doc else None
    return (text or "").splitlines()


def readability_body(data: bytes, suffix: str) -> list[str] | None:
    if suffix != ".html":
        return None
    import lxml.html
    from readability import Document as ReadabilityDocument

    summary = ReadabilityDocument(data).summary(html_partial=True)  # bytes: readability detects the encoding
    root = lxml.html.fromstring(summary)
    # a line break around every block element, then the text once (nested blocks are never read twice)
    for el in root.iter("br", *_BLOCKS):
        el.tail = "\n" + (el.tail or "")
        if el.tag != "br":
            el.text = "\n" + (el.text or "")
    return [ln for ln in root.text_content().splitlines() if ln.strip()]


_BLOCKS = ("p", "div", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "table")


EXTRACTORS: dict[str, Callable[[bytes, str], list[str] | None]] = {
    "bulletin-format": project,
    "trafilatura": trafilatura_body,
    "readability": readability_body,
}


@dataclass
class Scores:
    """One extractor's results over the corpus."""

    f1: dict[str, float] = field(default_factory=dict)  # page → F1
    seconds: float = 0.0
    pages: int = 0

    def mean(self, names: list[str]) -> float | None:
        values = [self.f1[n] for n in names if n in self.f1]
        return sum(values) / len(values) if values else None


def fmt(value: float | None) -> str:
    return f"{value:6.3f}" if value is not None else "   n/a"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realdocs", type=Path, default=REALDOCS, help=f"folder with docs/ and gold/ ({REALDOCS})")
    ap.add_argument("--repeat", type=int, default=3, help="timing passes per extractor (the best is kept)")
    args = ap.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]  # progress visible in a log file
    docs_dir, gold_dir = args.realdocs / "docs", args.realdocs / "gold"
    if not gold_dir.is_dir():
        print(f"no gold annotations in {gold_dir}: nothing to measure")
        return 0
    pages: list[tuple[str, Path, dict]] = []
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        stem = gold_path.name.split(".")[0]
        found = [p for p in docs_dir.glob(f"{stem}.*") if p.suffix in (".html", ".txt")]
        if found:
            pages.append((stem, found[0], json.loads(gold_path.read_text(encoding="utf-8"))))
    print(f"{len(pages)} pages with gold in {args.realdocs}")

    scores = {name: Scores() for name in EXTRACTORS}
    html = [stem for stem, path, _ in pages if path.suffix == ".html"]
    data = {stem: path.read_bytes() for stem, path, _ in pages}
    rounds = max(args.repeat, 1)
    for rnd in range(rounds + 1):  # round 0: untimed (imports, per-process preparation) and scored
        for name, extract in EXTRACTORS.items():
            s = scores[name]
            for stem, path, gold in pages:
                if rnd and stem not in html:
                    continue
                forget_texts()
                start = time.process_time()  # CPU time: other processes on a shared machine don't count
                output = extract(data[stem], path.suffix)
                if rnd:
                    s.seconds += time.process_time() - start
                    s.pages += 1
                elif output is not None:
                    s.f1[stem] = bigram_f1(output, gold["body"], gold.get("neutral", []))[2]

    names = list(EXTRACTORS)
    print("\nbody character-bigram F1 (neutral lines dropped from the prediction)")
    print(f"  {'page':<10} {'kind':<8}" + "".join(f" {n:>16}" for n in names))
    for stem, path, gold in pages:
        row = "".join(f" {fmt(scores[n].f1.get(stem)):>16}" for n in names)
        print(f"  {stem + path.suffix:<10} {gold.get('kind', ''):<8}{row}")
    every = [stem for stem, _, _ in pages]
    print(f"  {'mean HTML':<19}" + "".join(f" {fmt(scores[n].mean(html)):>16}" for n in names))
    full = {n: scores[n].mean(every) if len(scores[n].f1) == len(every) else None for n in names}
    print(f"  {'mean all':<19}" + "".join(f" {fmt(full[n]):>16}" for n in names))
    print(f"\nspeed on the {len(html)} HTML pages (docs per CPU second, {rounds} interleaved round(s), bytes in)")
    ours = scores["bulletin-format"].pages / scores["bulletin-format"].seconds
    for n in names:
        s = scores[n]
        rate = s.pages / s.seconds if s.seconds else 0.0
        ratio = "" if n == "bulletin-format" else f"  (bulletin-format ÷ {n}: {ours / rate:.2f}×)"
        print(f"  {n:<16} {rate:8.1f} docs/s{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

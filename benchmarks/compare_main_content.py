"""Which main-content stage works best before this project's Chinese line rules? (issue #3)

Runs three variants over ../shared/realdocs (when present) and scores each with the shared,
independent scorer (../shared/eval/score.py, called as a program, never copied):

  own        this project's DOM scoring (readers/html.py) → line rules → segmentation
  trafilatura  trafilatura.extract(favor_precision=True) as a first stage → the project's text path
  readability  readability-lxml's Document(...).summary() as a first stage → the project's HTML path

    python benchmarks/compare_main_content.py [REALDOCS_DIR]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import bulletin_format as bf

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def own(raw: bytes) -> str:
    return bf.convert(raw)


def via_trafilatura(raw: bytes) -> str:
    import trafilatura

    html = raw.decode("utf-8", "replace")
    text = trafilatura.extract(html, favor_precision=True, include_comments=False) or ""
    title = (trafilatura.extract_metadata(html).title or "") if trafilatura.extract_metadata(html) else ""
    return bf.convert(f"{title}\n{text}" if text or title else " ")


def via_readability(raw: bytes) -> str:
    from readability import Document

    doc = Document(raw.decode("utf-8", "replace"))
    html = f"<html><head><title>{doc.title()}</title></head><body><h1>{doc.short_title()}</h1>"
    html += f"{doc.summary()}</body></html>"
    return bf.convert(html)


VARIANTS = {"own": own, "trafilatura": via_trafilatura, "readability": via_readability}


def main(argv: list[str]) -> int:
    docs = Path(argv[0]) if argv else SHARED / "realdocs" / "docs"
    gold = docs.parent / "gold"
    scorer = SHARED / "eval" / "score.py"
    if not docs.is_dir() or not scorer.is_file():
        print(f"no real pages at {docs} (or no scorer at {scorer}): nothing to compare")
        return 0
    pages = sorted(p for p in docs.iterdir() if p.suffix == ".html")
    print(f"{len(pages)} HTML pages from {docs}")
    gold_subset = Path(tempfile.mkdtemp())  # the gold of the HTML pages only (the text pages need no first stage)
    for page in pages:
        (gold_subset / f"{page.stem}.gold.json").write_bytes((gold / f"{page.stem}.gold.json").read_bytes())
    for name, variant in VARIANTS.items():
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            for page in pages:
                try:
                    (Path(out) / f"{page.stem}.json").write_text(variant(page.read_bytes()), encoding="utf-8")
                except Exception as e:  # a variant that cannot handle a page scores 0 on it
                    print(f"  {name}: {page.name}: {type(e).__name__}: {e}")
            seconds = time.perf_counter() - start
            command = [sys.executable, str(scorer), str(gold_subset), out]
            result = subprocess.run(command, capture_output=True, text=True)
            lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
            scored = [ln for ln in lines if ln[:3].isdigit()]
            print(f"{name:12s} {lines[-1] if lines else '?'}  ({len(pages) / seconds:.1f} pages/s incl. extraction)")
            for ln in scored:
                print(f"    {ln}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

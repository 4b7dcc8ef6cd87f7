"""Unseen-template probe: fresh invented pages with gold, converted and scored — a hold-out for rule changes.

    .venv/bin/python benchmarks/probe_templates.py                          # all families, 100 pages, a new seed
    .venv/bin/python benchmarks/probe_templates.py --family a --seed 20261203 --keep /tmp/probe

The generators in ``probe_templates/`` draw pages from site templates the rules were never tuned on (family A:
municipal portals; family B: government, e-paper and institution pages, Big5 among them; family C: portal news,
WeChat reposts, Taiwan and Hong Kong pages, 公示, 纪要, <pre> pages, download links; family D: news portals with
inline boxes and pagers, court documents, 统计公报, 法规, 征求意见稿, institution pages; family E: Hong Kong, Macau
and Taiwan press releases, 简报, 纪要, 函, WeChat reposts, mobile pages, a third of them as crawler text dumps
(.txt, UTF-16 among the encodings); family F: 统计公报, 年报, 征求意见, 公示, 招标, 问答, 印发通知, news and
speeches as HTML with wrong charset declarations, entities, <font> soup, Word paste and table layouts, or as other
tools' text dumps (a get_text()-like .txt, an inscriptis-like .txt, Markdown clips as .md and .txt); family G: TRS,
大汉 and 集约化 CMS pages, saved WeChat articles, news-app pages, Discuz and WordPress reposts, paged articles,
copies hidden by CSS, crawler .txt dumps and Markdown clips .md; each module's docstring lists its page families and
trap axes), each with a realdocs-style gold made from the data the page was rendered from. A page set of one seed is
a hold-out only until rules are tuned on it: by default every run draws a new seed from the clock and prints it, so
a failure can be drawn again with ``--seed``.

The pages (.html, and families E to G's .txt and .md) are converted to JSON in this process (``convert_many`` on the
folder, one job; each page's JSON is named after its stem, as the scorer looks it up) and scored by the shared,
independent scorer (``../shared/eval/score.py``, run as a program, never copied); without it the run says so and
prints only how many pages converted. Per family it prints the scorer's summary line and each failing page with its
problems. ``--keep DIR`` writes the pages, gold and predictions to ``DIR/family_a``, ``DIR/family_b``,
``DIR/family_c``, ``DIR/family_d``, ``DIR/family_e``, ``DIR/family_f``, ``DIR/family_g`` (the manifest there records
each page's drawn options) instead of a temporary folder.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from probe_templates import family_a, family_b, family_c, family_d, family_e, family_f, family_g  # noqa: E402

import bulletin_format as bf  # noqa: E402

SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), ROOT.parent / "shared")
SCORER = SHARED / "eval" / "score.py"
FAMILIES: dict[str, Callable[[Path, int, int], list[Path]]] = {
    "a": family_a.generate, "b": family_b.generate, "c": family_c.generate, "d": family_d.generate,
    "e": family_e.generate, "f": family_f.generate, "g": family_g.generate,
}
# a seed from the clock: seconds, so two runs a second apart differ, kept below 10^9 to be typed back easily
SEED_MODULO = 10**9


def convert(docs: Path, pred: Path) -> tuple[int, list[str]]:
    """Convert every page of ``docs`` to ``pred/NNN.json``; the count converted and one line per failure."""
    converted, failures = 0, []
    for result in bf.convert_many(docs, pred, to="json", jobs=1):
        if result.ok:
            converted += 1
        else:
            failures.append(f"{Path(result.input).name}: {result.error_type}: {result.error}")
    return converted, sorted(failures)


def score(gold: Path, pred: Path) -> tuple[str, list[str]]:
    """The scorer's summary line and its lines for the failing pages (each page's line and its problems)."""
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred)], capture_output=True, text=True, check=False
    )
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or not lines or not lines[-1].startswith("score:"):
        return f"scorer failed (exit {proc.returncode}): {(proc.stderr or proc.stdout)[-500:]}", []
    failing, keep = [], False
    for line in lines[:-1]:
        if not line.startswith(" "):
            keep = " pass " not in f" {line} "
        if keep:
            failing.append(line)
    return lines[-1], failing


def run_family(name: str, folder: Path, pages: int, seed: int) -> None:
    start = time.perf_counter()
    written = FAMILIES[name](folder, pages, seed)
    converted, failures = convert(folder / "docs", folder / "pred")
    print(f"family {name} (seed {seed}, {len(written)} pages, {time.perf_counter() - start:.1f} s):")
    for line in failures:
        print(f"  conversion failed: {line}")
    if not SCORER.is_file():
        print(f"  {converted}/{len(written)} pages converted (no scorer at {SCORER}: not scored)")
        return
    summary, failing = score(folder / "gold", folder / "pred")
    print(f"  {summary}")
    for line in failing:
        print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--family", choices=["a", "b", "c", "d", "e", "f", "g", "both", "all"], default="all")
    parser.add_argument("--pages", type=int, default=100, help="pages per family (default 100)")
    parser.add_argument("--seed", type=int, default=None, help="default: a new one from the clock, printed")
    parser.add_argument("--keep", type=Path, default=None, help="write pages, gold and predictions here, and keep them")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else int(time.time()) % SEED_MODULO
    print(f"seed {seed}" + ("" if args.seed is not None else " (new, from the clock: --seed to draw it again)"))
    names = {"both": ["a", "b"], "all": ["a", "b", "c", "d", "e", "f", "g"]}.get(args.family, [args.family])
    if args.keep is not None:
        used = [args.keep / f"family_{n}" for n in names if (args.keep / f"family_{n}").exists()]
        if used:  # old pages, gold or predictions there would be scored with the new ones
            print(f"{', '.join(map(str, used))} already exists: give --keep a new folder")
            return 2
    with tempfile.TemporaryDirectory(prefix="probe-templates-") as tmp:
        base = args.keep if args.keep is not None else Path(tmp)
        for name in names:
            run_family(name, base / f"family_{name}", args.pages, seed)
    if args.keep is not None:
        print(f"kept in {args.keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

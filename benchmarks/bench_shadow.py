"""What the Simplified shadow costs (never run as a test).

    .venv/bin/python benchmarks/bench_shadow.py [--realdocs DIR] [--repeat N]

For each seed and each real page (``--realdocs``, default /work/shared/realdocs/docs, skipped when
absent) it times, in CPU seconds (best of ``--repeat`` rounds of several parses each):

* **Simplified input** parsed as shipped, and parsed with the shadow switched off (the ``prepare`` hook
  answering the text unchanged): the difference is what the check "is there anything to convert?"
  costs. Whole parses are noisy on a shared machine, so the check is also timed alone (``check µs``:
  the ``prepare`` hook on the decoded text, all the pipeline adds for a Simplified input). A page
  that does hold Traditional characters (a 繁體 switch) is marked ``T``: it takes the fast path too
  while they are under ``MIN_TRADITIONAL_SHARE`` of its non-ASCII characters.
* **Traditional input** (the same text through OpenCC ``s2tw``) parsed with the shadow, as a ratio
  to the Simplified parse.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import bulletin_format as bf  # noqa: E402
from bulletin_format import shadow  # noqa: E402
from bulletin_format.normalize.chinese import convert_text  # noqa: E402


def cpu_per_call(fn: Callable[[], object], repeat: int) -> float:
    """Best, over ``repeat`` rounds, of the CPU seconds per call (a round lasts about 0.2 s)."""
    start = time.process_time()
    fn()
    calls = max(1, int(0.2 / max(time.process_time() - start, 1e-4)))
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for _ in range(calls):
            fn()
        best = min(best, (time.process_time() - start) / calls)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdocs", type=Path, default=Path("/work/shared/realdocs/docs"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paths = sorted((ROOT / "seeds").glob("*.txt"))
    if args.realdocs.is_dir():
        paths += sorted(args.realdocs.iterdir())
    shipped = shadow.ShadowReading.prepare

    def without_shadow(self: shadow.ShadowReading, text: str, fmt: str) -> str:
        return text

    print(f"{'input':<28}{'KB':>6}{'simplified ms':>15}{'no shadow ms':>14}{'overhead':>10}{'check µs':>10}"
          f"{'check %':>9}{'trad ms':>9}{'trad ×':>8}")
    totals = [0.0, 0.0, 0.0, 0.0]
    for path in paths:
        data = path.read_bytes()
        text = data.decode("utf-8")
        traditional = convert_text(text, "s2tw").encode("utf-8")
        fmt = "html" if path.suffix == ".html" else "text"
        with_it = cpu_per_call(partial(bf.parse, data), args.repeat)
        shadow.ShadowReading.prepare = without_shadow  # type: ignore[method-assign]
        try:
            off = cpu_per_call(partial(bf.parse, data), args.repeat)
        finally:
            shadow.ShadowReading.prepare = shipped  # type: ignore[method-assign]
        check = cpu_per_call(partial(shadow.ShadowReading().prepare, text, fmt), args.repeat)
        trad = cpu_per_call(partial(bf.parse, traditional), args.repeat)
        totals = [totals[0] + with_it, totals[1] + off, totals[2] + trad, totals[3] + check]
        mark = " T" if shadow.has_traditional(text) else ""
        print(f"{path.parent.name + '/' + path.name + mark:<28}{len(data) / 1024:>6.0f}{with_it * 1e3:>15.2f}"
              f"{off * 1e3:>14.2f}{(with_it - off) / off:>+10.1%}{check * 1e6:>10.0f}{check / off:>9.2%}"
              f"{trad * 1e3:>9.2f}{trad / with_it:>8.2f}")
    print(f"{'all':<28}{'':>6}{totals[0] * 1e3:>15.2f}{totals[1] * 1e3:>14.2f}"
          f"{(totals[0] - totals[1]) / totals[1]:>+10.1%}{totals[3] * 1e6:>10.0f}{totals[3] / totals[1]:>9.2%}"
          f"{totals[2] * 1e3:>9.2f}{totals[2] / totals[0]:>8.2f}")


if __name__ == "__main__":
    main()

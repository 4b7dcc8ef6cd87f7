"""Where a conversion's time goes, stage by stage, timed on the project's own functions (no sampling).

    .venv/bin/python benchmarks/profile_stages.py                  # seeds → JSON, cwced pages → JSON, seeds → DOCX
    .venv/bin/python benchmarks/profile_stages.py --rules          # and every cleaning rule on its own
    .venv/bin/python benchmarks/profile_stages.py --repeat 1 --corpus DIR

Each stage is a function of the package, wrapped for the run with a timer (``time.process_time``) that counts
the time inside it *less* the time of the wrapped functions it calls, so the stages add up to the whole:

``load`` (readers.load: the bytes in memory) · ``decode`` (readers.decode: encoding detection and decoding) ·
``read`` (the format's reader: text.read, markdown.read, html.read — with its ``html: lxml parse``
(html._parse), ``html: collect`` (html._collect) and ``html: choose`` (the main-content chooser) apart) ·
``shadow`` (the Traditional check and its mapping back: ShadowReading.prepare/restore) · ``clean``
(clean.run; with ``--rules`` each rule) · ``segment`` (segment.run) · ``normalise`` (normalize_document) ·
``forget`` (emptying the per-document caches) · ``write`` (the writer: JSON or DOCX) · ``other`` (what
``convert`` does besides: option checks, the Document, sniffing).

Every document is converted with ``convert(bytes, to=...)`` from cold caches, as in bench_throughput.py, after
one untimed pass. ``BENCH_SRC=/path/to/other/src`` profiles another checkout with this same script (the
"before" column of docs/performance.md). A stage whose function a checkout does not have is left out.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = Path(os.environ.get("BENCH_SRC", ROOT / "src"))
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(HERE))

from bench_throughput import CORPUS, SEEDS, forget_texts  # noqa: E402

import bulletin_format as bf  # noqa: E402

# (stage, module, attribute): a function, or Class.method
STAGES = (
    ("load", "bulletin_format.readers", "load"),
    ("decode", "bulletin_format.readers", "decode"),
    ("read", "bulletin_format.readers.text", "read"),
    ("read", "bulletin_format.readers.markdown", "read"),
    ("read", "bulletin_format.readers.html", "read"),
    ("html: lxml parse", "bulletin_format.readers.html", "_parse"),
    ("html: collect", "bulletin_format.readers.html", "_collect"),
    ("html: choose", "bulletin_format.readers.html", "choose"),
    ("shadow", "bulletin_format.shadow", "ShadowReading.prepare"),
    ("shadow", "bulletin_format.shadow", "ShadowReading.restore"),
    ("clean", "bulletin_format.clean", "run"),
    ("segment", "bulletin_format.segment", "run"),
    ("normalise", "bulletin_format.pipeline", "normalize_document"),
    ("forget", "bulletin_format.memo", "forget"),
)
ORDER = ["load", "decode", "read", "html: lxml parse", "html: collect", "html: choose", "shadow", "clean",
         "segment", "normalise", "forget", "write", "other"]


class Timers:
    """Exclusive CPU time per stage: a wrapped call's time, less its wrapped callees'."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.stack: list[float] = []  # per open call: time spent in wrapped callees so far

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.stack.append(0.0)
            start = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.process_time() - start
                inner = self.stack.pop()
                self.seconds[stage] += spent - inner
                if self.stack:
                    self.stack[-1] += spent

        timed.__wrapped__ = fn  # type: ignore[attr-defined]
        timed.__signature__ = getattr(fn, "__signature__", None) or _signature(fn)  # type: ignore[attr-defined]
        return timed


def _signature(fn: Callable[..., Any]) -> Any:
    import inspect

    try:
        return inspect.signature(fn)
    except (TypeError, ValueError):
        return None


def _stage_function(module_name: str, attr: str) -> tuple[Any, str, Any] | None:
    """(the object holding it, its name, the function) of a stage's ``module.attr``; None when this
    checkout has no such function."""
    try:
        owner: Any = importlib.import_module(module_name)
        *path, name = attr.split(".")
        for part in path:
            owner = getattr(owner, part)
        return owner, name, getattr(owner, name)
    except (ImportError, AttributeError):
        return None


def install(timers: Timers, rules: bool, fmt: str) -> list[str]:
    """Wrap every stage's function; return the stages this checkout does not have."""
    missing = []
    for stage, module_name, attr in STAGES:
        found = _stage_function(module_name, attr)
        if found is None:
            missing.append(f"{stage} ({module_name}.{attr})")
            continue
        owner, name, fn = found
        setattr(owner, name, timers.wrap(stage, fn))
    if rules:
        from bulletin_format import clean

        clean.RULES = type(clean.RULES)(  # type: ignore[misc]  # run() reads the module's RULES each time
            timers.wrap(f"clean: {getattr(rule, '__name__', repr(rule))}", rule) for rule in clean.RULES)
    from bulletin_format.writers import WRITERS

    WRITERS[fmt] = timers.wrap("write", WRITERS[fmt])
    return missing


def profile(label: str, corpus: list[bytes], fmt: str, repeat: int, rules: bool) -> None:
    timers = Timers()
    for data in corpus:  # imports and per-process preparation, untimed
        bf.convert(data, to=fmt)
    missing = install(timers, rules, fmt)
    total = 0.0
    docs = 0
    for _ in range(repeat):
        for data in corpus:
            forget_texts()
            start = time.process_time()
            bf.convert(data, to=fmt)
            total += time.process_time() - start
            docs += 1
    timers.seconds["other"] = total - sum(timers.seconds.values())
    print(f"\n{label}: {docs} conversions, {1000 * total / docs:.2f} ms CPU per document "
          f"({docs / total:.1f} docs per CPU second)")
    print(f"  {'stage':<34} {'ms/doc':>8} {'share':>7}")
    names = [n for n in ORDER if n in timers.seconds and not n.startswith("clean: ")]
    for name in names:
        seconds = timers.seconds[name]
        print(f"  {name:<34} {1000 * seconds / docs:8.3f} {100 * seconds / total:6.1f} %")
        if name == "clean" and rules:
            by_rule = sorted(((s, n) for n, s in timers.seconds.items() if n.startswith("clean: ")), reverse=True)
            for s, n in by_rule:
                print(f"    {n[7:]:<32} {1000 * s / docs:8.3f} {100 * s / total:6.1f} %")
    if missing:
        print(f"  (not in this checkout: {', '.join(missing)})")
    uninstall()


def uninstall() -> None:
    """Put every wrapped function back (the next profile wraps afresh)."""
    for _, module_name, attr in STAGES:
        found = _stage_function(module_name, attr)
        if found is not None:
            owner, name, fn = found
            setattr(owner, name, getattr(fn, "__wrapped__", fn))
    from bulletin_format import clean
    from bulletin_format.writers import WRITERS

    clean.RULES = type(clean.RULES)(getattr(r, "__wrapped__", r) for r in clean.RULES)  # type: ignore[misc]
    for fmt in ("json", "docx"):
        writer = WRITERS[fmt]
        WRITERS[fmt] = getattr(writer, "__wrapped__", writer)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=f"folder of HTML pages ({CORPUS})")
    ap.add_argument("--repeat", type=int, default=5, help="passes over each corpus (default 5)")
    ap.add_argument("--rules", action="store_true", help="time each cleaning rule too")
    args = ap.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]
    print(f"stage profile of {SRC}, {time.strftime('%Y-%m-%d %H:%M:%S')}, load average {os.getloadavg()[0]:.2f}")
    seeds = [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]
    profile(f"seeds ({len(seeds)}), text → JSON", seeds, "json", args.repeat, args.rules)
    pages = sorted(args.corpus.glob("*.html")) if args.corpus.is_dir() else []
    if pages:
        profile(f"{args.corpus} ({len(pages)} pages), HTML → JSON", [p.read_bytes() for p in pages], "json",
                args.repeat, args.rules)
    else:
        print(f"\nno pages in {args.corpus}: the HTML profile is skipped")
    profile(f"seeds ({len(seeds)}), text → DOCX", seeds, "docx", args.repeat, args.rules)
    return 0


if __name__ == "__main__":
    sys.exit(main())

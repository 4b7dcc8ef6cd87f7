"""Throughput of the normalisation pass and of OpenCC (never run as a test).

    .venv/bin/python benchmarks/bench_normalize.py [--mb 10] [--no-reimplemented]

Builds a Document of about ``--mb`` MB of distinct generated text (``gen_distinct.py``: no paragraph twice,
so no per-text cache helps; parsed with normalize=False), then times, with the per-document caches emptied
before every run: the rule chain on every text field (``normalize_document``), each rule
alone over the same paragraphs, and OpenCC (s2t, tw2s) with the installed official binding. The
pure-Python ``opencc-python-reimplemented`` installs the same top-level module ``opencc``, so it is
measured in a throw-away virtual environment under the temp directory, in a subprocess, when it
installs (pip needs the network or a cache), on a tenth of the text. OpenCC converts paragraph by
paragraph, as the pipeline does: s2t on the Simplified text, t2s and tw2s on its s2t version.
Figures are characters per second (the best of 3 runs; 2 for the pure-Python package).
"""

from __future__ import annotations

import argparse
import copy
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen_distinct  # noqa: E402

import bulletin_format as bf  # noqa: E402
from bulletin_format import memo  # noqa: E402
from bulletin_format.normalize import normalize_document  # noqa: E402
from bulletin_format.normalize.rules import RULES, normalize_text  # noqa: E402
from bulletin_format.pipeline import Options  # noqa: E402

# s2t runs on the Simplified sample, t2s and tw2s on its Traditional (s2t) version
_REIMPLEMENTED_SCRIPT = """
import json, sys, time
import opencc
samples = {name: open(path, encoding="utf-8").read().split("\\n") for name, path in zip(("s", "t"), sys.argv[1:])}
out = {}
for config, sample in (("s2t", "s"), ("t2s", "t"), ("tw2s", "t")):
    lines = samples[sample]
    conv = opencc.OpenCC(config)
    times = []
    for _ in range(2):
        start = time.perf_counter()
        [conv.convert(line) for line in lines]
        times.append(time.perf_counter() - start)
    out[config] = sum(len(line) for line in lines) / min(times)
print(json.dumps(out))
"""


def best_of(runs: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def build_document(megabytes: float) -> tuple[bf.Document, list[str]]:
    """A Document of about ``megabytes`` MB of distinct text, and its paragraphs (not normalised)."""
    doc = bf.parse(gen_distinct.text_document(int(megabytes * 1_000_000)), normalize=False)
    paragraphs = [b.text for a in doc.articles for b in a.blocks]
    return doc, paragraphs


def cold(fn: Callable[[], object]) -> Callable[[], object]:
    """``fn`` after emptying the per-document caches (dates), as for every new document."""

    def run() -> object:
        memo.forget()
        return fn()

    return run


def bench_normalisation(doc: bf.Document, paragraphs: list[str]) -> None:
    chars = sum(len(p) for p in paragraphs)
    print(f"text: {chars:,} characters in {len(paragraphs):,} paragraphs "
          f"({sum(len(p.encode()) for p in paragraphs) / 1e6:.1f} MB UTF-8)")
    elapsed = best_of(3, cold(lambda: normalize_document(copy.deepcopy(doc), Options())))
    copying = best_of(3, lambda: copy.deepcopy(doc))
    elapsed -= copying
    print(f"normalize_document: {elapsed:.2f} s, {chars / elapsed / 1e6:.2f} M chars/s")
    text = "\n".join(paragraphs)
    t = best_of(1, cold(lambda: normalize_text(text, "body", {})))
    print(f"normalize_text on one string of it all: {t:.2f} s, {len(text) / t / 1e6:.2f} M chars/s")
    for name, rule in RULES:
        t = best_of(3, cold(lambda rule=rule: [rule(p, "body") for p in paragraphs]))
        print(f"  rule {name:18s} {t:.3f} s, {chars / t / 1e6:7.1f} M chars/s")


def bench_official(paragraphs: list[str]) -> list[str] | None:
    """OpenCC (official binding) per paragraph: s2t on Simplified, t2s and tw2s on Traditional; returns the latter."""
    try:
        import opencc
    except ImportError:
        print("opencc (official binding): not installed")
        return None
    to_traditional = opencc.OpenCC("s2t")
    traditional = [to_traditional.convert(p) for p in paragraphs]
    version = getattr(opencc, "__version__", "?")
    for config, sample in (("s2t", paragraphs), ("t2s", traditional), ("tw2s", traditional)):
        conv = opencc.OpenCC(config)
        chars = sum(len(p) for p in sample)
        t = best_of(3, lambda conv=conv, sample=sample: [conv.convert(p) for p in sample])
        print(f"opencc official {version} {config}: {t:.2f} s, {chars / t / 1e6:.2f} M chars/s")
    return traditional


def bench_reimplemented(simplified: list[str], traditional: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-opencc-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        python = venv / "bin" / "python"
        pip = subprocess.run([str(python), "-m", "pip", "install", "-q", "opencc-python-reimplemented"],
                             capture_output=True, text=True)
        if pip.returncode:
            print(f"opencc-python-reimplemented: did not install ({pip.stderr.strip().splitlines()[-1:]})")
            return
        version = subprocess.run([str(python), "-m", "pip", "show", "opencc-python-reimplemented"],
                                 capture_output=True, text=True).stdout.split("Version: ")[-1].split()[0]
        paths = []
        for name, sample in (("s", simplified), ("t", traditional)):
            path = Path(tmp) / f"{name}.txt"
            path.write_text("\n".join(sample), encoding="utf-8")
            paths.append(str(path))
        script = Path(tmp) / "bench.py"
        script.write_text(_REIMPLEMENTED_SCRIPT, encoding="utf-8")
        run = subprocess.run([str(python), str(script), *paths], capture_output=True, text=True, check=True)
        chars = sum(len(p) for p in simplified)
        for config, rate in json.loads(run.stdout).items():
            print(f"opencc-python-reimplemented {version} {config}: {rate / 1e6:.2f} M chars/s ({chars:,} characters)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the text to normalise (MB of UTF-8)")
    parser.add_argument("--no-reimplemented", action="store_true", help="skip the pure-Python OpenCC package")
    args = parser.parse_args()
    doc, paragraphs = build_document(args.mb)
    bench_normalisation(doc, paragraphs)
    traditional = bench_official(paragraphs)
    if traditional is not None and not args.no_reimplemented:
        tenth = len(paragraphs) // 10
        bench_reimplemented(paragraphs[:tenth], traditional[:tenth])


if __name__ == "__main__":
    main()

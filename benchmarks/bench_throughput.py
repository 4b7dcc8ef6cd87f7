"""Throughput benchmark: every speed goal of issue 14, measured with its peers in one run, with its verdict.

    .venv/bin/python benchmarks/bench_throughput.py                 # everything (~4–6 min)
    .venv/bin/python benchmarks/bench_throughput.py --quick         # shorter rounds, sizes to 1 MB (~1–2 min)
    .venv/bin/python benchmarks/bench_throughput.py --only html,jobs

A benchmark, never a test: it prints figures, the goal each is held to, figure ÷ goal and MET / NOT MET,
and exits 0 (a section whose data or peer library is absent says so and is skipped). Sections (``--only``):

* ``html`` — HTML → JSON on the labelled pages of ``corpora/cwced/original`` (``--corpus``), bytes in for
  every contender (decoding included): ``bulletin_format.convert(page_bytes, to="json")``, the whole
  pipeline, against trafilatura's like-for-like call ``bare_extraction(page_bytes, favor_precision=True,
  with_metadata=True)`` (main text *and* page facts), in interleaved rounds, per CPU second of this
  process; lxml's parse alone is printed as the floor of a Python DOM extractor. Goal: ≥ 5× trafilatura.
* ``text`` — text → JSON on the seeds (``seeds/*.txt``), per CPU second. Goal: ≥ 1,000 docs/s.
* ``docx`` — ``render(doc, "docx")`` (the seeds parsed outside the timing) against python-docx's
  ``Document()`` + ``save()`` of an empty document, interleaved; and text → DOCX, the whole conversion.
  Goals: a document costs less than python-docx's empty one; ≥ 150 docs/s. The DOCX of every seed is
  written twice here and once in a fresh process: the bytes must not differ.
* ``scaling`` — time per MB of text → JSON, HTML → JSON, text → DOCX and DOCX → JSON on *distinct*
  generated documents (``gen_distinct.py``: no line repeats, so no cache can help) from 100 KB to 20 MB, a
  fresh subprocess per size (a DOCX input: the text → DOCX output of that size, timed per MB of its text).
  Goal: the largest size's time per MB ÷ the smallest's ≤ 1.3.
* ``memory`` — peak memory (growth of the process's peak RSS during the conversion, over the input size)
  for text, HTML and DOCX, many short lines, a big HTML table and a big TSV, 5 MB each, through ``convert()``
  (which returns the whole JSON text: its size is printed too) and, for JSON, streamed into a file as the
  command line writes it (``api.convert_to_file``, a fresh subprocess each). Goal: ≤ 10×.
* ``jobs`` — ``bulletin-format convert FOLDER -o OUT --to json`` with ``--jobs 2`` against ``--jobs 1`` on 400
  distinct documents of real size (3–90 KB, text and HTML, UTF-8 and GB encodings), wall-clock, the whole
  command (start-up included), in rounds of one of each (in turns first), each beside what two processes
  converting side by side gain over one at that moment (the ceiling the machine allows); the median of the
  rounds' ratios, their spread, and that median over the ceiling's. Goal: ≥ 1.8×. Also a batch of 10 files of
  3 KB: the command must start no pool for it, with or without ``--jobs 2``.
* ``startup`` — ``import bulletin_format`` in a fresh interpreter (median of several), and which modules
  ``bulletin-format --help`` imports. Goals: ≤ 60 ms; no writer imported.

Every conversion starts with cold caches: the pipeline empties its per-document caches after each document,
and this script empties any large ``lru_cache`` of the package before each one besides (outside the timing).
Per CPU second means per second of this process's CPU time (``time.process_time``): other processes on a
shared machine lengthen the wall time, much less the CPU time. The ``jobs`` figure is wall-clock and needs
two idle CPUs: the load average is printed before and after it.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import io
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SRC = Path(os.environ.get("BENCH_SRC", ROOT / "src"))  # another checkout's src: its figures with this benchmark
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(HERE))

import gen_distinct  # noqa: E402

import bulletin_format as bf  # noqa: E402

SEEDS = ROOT / "seeds"
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.is_dir()), Path("/work/shared"))
CORPUS = SHARED / "corpora" / "cwced" / "original"
MB = 1_000_000
SECTIONS = ("html", "text", "docx", "scaling", "memory", "jobs", "startup")

GOAL_HTML_RATIO = 5.0
GOAL_TEXT_DOCS = 1000.0
GOAL_DOCX_DOCS = 150.0
GOAL_PER_MB_RATIO = 1.3
GOAL_MEMORY_RATIO = 10.0
GOAL_JOBS_SPEEDUP = 1.8
GOAL_IMPORT_MS = 60.0

SIZES_MB = (0.1, 1.0, 5.0, 20.0)
QUICK_SIZES_MB = (0.1, 1.0)
MEMORY_MB = 5.0
QUICK_MEMORY_MB = 1.0
BATCH_FILES = 400
SMALL_BATCH_FILES = 10  # a batch that must start no pool: 10 documents of 3 KB (tens of milliseconds of work)
SMALL_BATCH_BYTES = 3_000
PER_TEXT_CACHE = 1024  # an lru_cache at least this large holds answers about texts; smaller ones, per-process state
# A child converts its input MIN_RUNS times at least, and until MIN_TIMED_SECONDS are spent, from cold caches each
# time, and keeps the fastest (the first run's peak memory is the one reported): CPU time per MB on a shared
# machine varies by tens of percent from one run to the next (another process on the sibling hyperthread)
MIN_TIMED_SECONDS = 0.3
MIN_RUNS = 2


# --- measuring ---------------------------------------------------------------------------------------------------


def forget_texts() -> None:
    """Empty the package's per-text caches (every ``lru_cache`` of ``PER_TEXT_CACHE`` entries or more)."""
    for name, module in list(sys.modules.items()):
        if name.startswith("bulletin_format"):
            for value in list(vars(module).values()):
                info = getattr(value, "cache_info", None)
                if callable(info) and (info().maxsize or 0) >= PER_TEXT_CACHE:
                    value.cache_clear()


@dataclass
class Rate:
    """Documents done and the CPU seconds they took."""

    docs: int = 0
    seconds: float = 0.0
    nbytes: int = 0

    def add(self, seconds: float, nbytes: int) -> None:
        self.docs += 1
        self.seconds += seconds
        self.nbytes += nbytes

    @property
    def per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    def line(self, label: str) -> str:
        ms = 1000 * self.seconds / max(self.docs, 1)
        mbs = self.nbytes / MB / self.seconds if self.seconds else 0.0
        return f"  {label:<66} {self.per_s:8.1f} docs/s {ms:8.2f} ms/doc {mbs:6.2f} MB/s"


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def interleaved(contenders: dict[str, Callable[[bytes], Any]], corpus: list[bytes], rounds: int,
                min_seconds: float = 0.0) -> dict[str, Rate]:
    """Each contender over the corpus in turn, round after round (at least ``rounds``, and until the slowest
    has ``min_seconds`` of CPU time), after one untimed pass; caches emptied before every document."""
    for fn in contenders.values():  # every document once: a per-process cost (jieba's dictionary, for the first
        for data in corpus:  # title that needs two lines) must not fall in the timing
            fn(data)
    rates = {name: Rate() for name in contenders}
    done = 0
    while done < rounds or min(r.seconds for r in rates.values()) < min_seconds:
        for name, fn in contenders.items():
            rate = rates[name]
            for data in corpus:
                forget_texts()
                seconds, _ = timed(lambda fn=fn, data=data: fn(data))
                rate.add(seconds, len(data))
        done += 1
    return rates


def current_rss() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def reset_peak_rss() -> None:
    """Reset the kernel's peak-RSS mark (Linux), so that the peak read next is the measured call's."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def peak_rss() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


# --- goals -------------------------------------------------------------------------------------------------------


@dataclass
class Goal:
    """One goal's figure in this run; ``at_least``: the figure must reach ``target`` (else stay under it)."""

    name: str
    figure: float
    target: float
    unit: str
    at_least: bool = True

    @property
    def achieved(self) -> float:
        """Figure ÷ goal for an 'at least' goal, goal ÷ figure for an 'at most' one: ≥ 1 is met."""
        if self.at_least:
            return self.figure / self.target if self.target else 0.0
        return self.target / self.figure if self.figure else float("inf")

    def line(self) -> str:
        sign = "≥" if self.at_least else "≤"
        verdict = "MET" if self.achieved >= 1 else "NOT MET"
        return (f"  {self.name:<52} {self.figure:>9.2f}{self.unit:<7} goal {sign} {self.target:g}{self.unit:<7}"
                f" {self.achieved:6.2f} of goal  {verdict}")


GOALS: list[Goal] = []


def goal(name: str, figure: float, target: float, unit: str = "", at_least: bool = True) -> None:
    g = Goal(name, figure, target, unit, at_least)
    GOALS.append(g)
    print(g.line())


# --- 1. HTML → JSON against trafilatura --------------------------------------------------------------------------


def html_section(args: argparse.Namespace) -> None:
    pages = sorted(args.corpus.glob("*.html"))[: args.pages] if args.corpus.is_dir() else []
    if not pages:
        print(f"  no pages in {args.corpus}: skipped")
        return
    try:
        import trafilatura
    except ImportError:
        print("  trafilatura is not installed (pip install -e '.[bench]'): skipped")
        return
    from lxml import html as lxml_html

    corpus = [p.read_bytes() for p in pages]
    contenders: dict[str, Callable[[bytes], Any]] = {
        "bulletin-format convert(bytes, to='json')": lambda d: bf.convert(d, to="json"),
        "trafilatura bare_extraction(bytes, favor_precision, with_metadata)": lambda d: trafilatura.bare_extraction(
            d, favor_precision=True, with_metadata=True),
        "lxml.html.document_fromstring(bytes) (parse only: the floor)": lxml_html.document_fromstring,
    }
    rates = interleaved(contenders, corpus, args.rounds)
    mean = sum(map(len, corpus)) / len(corpus) / 1000
    print(f"  {len(corpus)} pages of {args.corpus} (mean {mean:.1f} KB), {args.rounds} interleaved round(s), "
          "per CPU second")
    for name, rate in rates.items():
        print(rate.line(name))
    ours, traf, floor = (r.per_s for r in rates.values())
    print(f"  bulletin-format spends {floor / ours:.1f}× lxml's parse")
    goal("HTML → JSON ÷ trafilatura bare_extraction (cwced)", ours / traf, GOAL_HTML_RATIO, "×")


# --- 2. text → JSON -----------------------------------------------------------------------------------------------


def seeds() -> list[bytes]:
    return [p.read_bytes() for p in sorted(SEEDS.glob("*.txt"))]


def text_section(args: argparse.Namespace) -> None:
    corpus = seeds()
    rates = interleaved({"convert(bytes, to='json')": lambda d: bf.convert(d, to="json")}, corpus, 1, args.seconds)
    rate = rates["convert(bytes, to='json')"]
    print(f"  {len(corpus)} seeds (mean {sum(map(len, corpus)) / len(corpus) / 1000:.1f} KB), per CPU second")
    print(rate.line("text → JSON, convert(bytes, to='json')"))
    goal("text → JSON on the seeds", rate.per_s, GOAL_TEXT_DOCS, " docs/s")


# --- 3. DOCX ------------------------------------------------------------------------------------------------------


def empty_python_docx(_: bytes) -> bytes:
    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


def seed_digests() -> list[str]:
    return [hashlib.sha256(bf.convert(d, to="docx")).hexdigest() for d in seeds()]


def docx_section(args: argparse.Namespace) -> None:
    corpus = seeds()
    docs = {d: bf.parse(d) for d in corpus}
    contenders: dict[str, Callable[[bytes], Any]] = {
        "render(doc, 'docx'), the seeds parsed before": lambda d: bf.render(docs[d], "docx"),
        "python-docx Document() + save(), an empty document": empty_python_docx,
        "text → DOCX, convert(bytes, to='docx')": lambda d: bf.convert(d, to="docx"),
    }
    rates = interleaved(contenders, corpus, 1, args.seconds)
    print(f"  {len(corpus)} seeds, interleaved rounds, per CPU second")
    for name, rate in rates.items():
        print(rate.line(name))
    write, empty, whole = rates.values()
    cost = (write.seconds / write.docs) / (empty.seconds / empty.docs)
    print(f"  writing a seed costs {cost:.2f}× what python-docx takes to open and save an empty document")
    goal("DOCX writing ÷ python-docx empty open+save (cost)", cost, 1.0, "×", at_least=False)
    goal("text → DOCX on the seeds (whole conversion)", whole.per_s, GOAL_DOCX_DOCS, " docs/s")
    first, again = seed_digests(), seed_digests()
    child = subprocess.run([sys.executable, __file__, "--digests"], capture_output=True, text=True, check=True,
                           env=child_env())
    same = first == again == json.loads(child.stdout.strip().splitlines()[-1])
    print(f"  the seeds' DOCX written twice here and once in a fresh process: {'identical' if same else 'DIFFERENT'}")
    goal("DOCX bytes identical across runs and processes (1 = yes)", float(same), 1.0)


# --- 4 and 5. scaling and memory: one fresh subprocess per input --------------------------------------------------

# (label, generator kind, output format, what the input is)
SCALING = (
    ("text → JSON", "text", "json"),
    ("HTML → JSON", "html", "json"),
    ("text → DOCX", "text", "docx"),
    ("DOCX → JSON", "docx", "json"),
)
MEMORY = (
    *SCALING,
    ("short lines → JSON", "lines", "json"),
    ("big HTML table → JSON", "table", "json"),
    ("big TSV → JSON", "tsv", "json"),
)


PYCACHE = tempfile.mkdtemp(prefix="bf-bench-pyc-")
atexit.register(shutil.rmtree, PYCACHE, True)


def child_env() -> dict[str, str]:
    """The environment of every subprocess: this checkout's src first, and Python's bytecode cache on (in a
    temporary folder), as an installed package has it — where PYTHONDONTWRITEBYTECODE is set (a sandbox), every
    process would compile every module again, and the start-up figures would be those of a first run."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = PYCACHE
    return env


def measure_child(path: Path, fmt: str, kind: str, out: Path | None) -> None:
    """(In a subprocess) convert one file, cold; print its CPU seconds (the fastest of MIN_RUNS at least) and the
    growth of the peak memory during the first, as JSON."""
    sample = gen_distinct.KINDS["text" if kind == "docx" else kind](20_000, 1)
    if kind == "docx":
        sample = bf.convert(sample, to="docx")
    bf.convert(sample, to=fmt)  # imports and per-process preparation: not this input's cost
    data = path.read_bytes()
    forget_texts()
    reset_peak_rss()
    before = current_rss()
    seconds, result = timed(lambda: bf.convert(data, to=fmt))
    growth = max(0, peak_rss() - before)
    if out is not None:
        out.write_bytes(result if isinstance(result, bytes) else result.encode("utf-8"))
    result_size = sys.getsizeof(result)  # what the returned text or bytes hold in memory
    del result
    spent, runs = seconds, 1
    while spent < MIN_TIMED_SECONDS or runs < MIN_RUNS:
        runs += 1
        forget_texts()
        again, _ = timed(lambda: bf.convert(data, to=fmt))
        seconds, spent = min(seconds, again), spent + again
    text = path.with_suffix(".txt") if kind == "docx" else path  # a DOCX is measured per MB of the text it holds
    print(json.dumps({"bytes": len(data), "text": text.stat().st_size, "seconds": seconds, "growth": growth,
                      "result": result_size}))


def measure_stream_child(path: Path, fmt: str, kind: str) -> None:
    """(In a subprocess) convert one file, cold, streaming the output into a file as the command line does
    (``api.convert_to_file``); print the growth of the peak memory during it, as JSON."""
    from bulletin_format.api import convert_to_file

    sample = gen_distinct.KINDS["text" if kind == "docx" else kind](20_000, 1)
    if kind == "docx":
        sample = bf.convert(sample, to="docx")
    with tempfile.TemporaryDirectory(prefix="bf-bench-stream-") as tmp:
        out = Path(tmp) / f"out.{fmt}"
        convert_to_file(sample, fmt, out)  # imports and per-process preparation: not this input's cost
        data = path.read_bytes()
        forget_texts()
        reset_peak_rss()
        before = current_rss()
        convert_to_file(data, fmt, out)
        growth = max(0, peak_rss() - before)
    print(json.dumps({"bytes": len(data), "growth": growth}))


class Inputs:
    """Distinct generated inputs in a temporary folder, made once per (kind, size); a DOCX input is the
    text → DOCX output of the same size (written by that conversion's subprocess)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.results: dict[tuple[str, float, str], dict[str, Any] | None] = {}

    def measure(self, kind: str, size_mb: float, fmt: str) -> dict[str, Any] | None:
        """The conversion of the (kind, size) input to ``fmt``, measured once (scaling and memory share it)."""
        key = (kind, size_mb, fmt)
        if key not in self.results:
            out = self.docx(size_mb) if fmt == "docx" else None
            self.results[key] = run_child(self.path(kind, size_mb), fmt, kind, out)
        return self.results[key]

    def docx(self, size_mb: float) -> Path:
        return self.folder / f"text-{size_mb:g}.docx"

    def path(self, kind: str, size_mb: float) -> Path:
        if kind == "docx":
            path = self.docx(size_mb)
            if not path.exists():
                run_child(self.path("text", size_mb), "docx", "text", path)
            return path
        path = self.folder / f"{kind}-{size_mb:g}{gen_distinct.SUFFIX[kind]}"
        if not path.exists():
            path.write_bytes(gen_distinct.KINDS[kind](int(size_mb * MB), 14))
        return path


def run_child(path: Path, fmt: str, kind: str, out: Path | None = None, timeout: float = 900,
              stream: bool = False) -> dict[str, Any] | None:
    cmd = [sys.executable, __file__, "--stream-child" if stream else "--child", str(path), fmt, kind] + (
        [str(out)] if out else [])
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True, env=child_env())
    except subprocess.TimeoutExpired:
        print(f"    {path.name} → {fmt}: did not finish in {timeout:.0f} s")
        return None
    except subprocess.CalledProcessError as error:
        print(f"    {path.name} → {fmt}: failed: {error.stderr.strip().splitlines()[-1:]}")
        return None
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def row(label: str, res: dict[str, Any]) -> str:
    mb = res["text"] / MB
    docx = (f" (DOCX {res['bytes'] / MB:.2f} MB; {res['growth'] / res['text']:.1f}× its text)"
            if res["text"] != res["bytes"] else "")
    return (f"  {label:<22} {mb:7.2f} MB {res['seconds']:8.3f} s {res['seconds'] / mb:7.3f} s/MB "
            f"{res['growth'] / MB:8.1f} MB peak {res['growth'] / res['bytes']:5.1f}× input{docx}")


def scaling_section(args: argparse.Namespace, inputs: Inputs) -> None:
    print(f"  distinct generated documents, sizes {', '.join(f'{s:g}' for s in args.sizes)} MB, a fresh subprocess "
          "each, CPU seconds")
    for label, kind, fmt in SCALING:
        results = []
        for size in args.sizes:
            res = inputs.measure(kind, size, fmt)
            if res is not None:
                results.append(res)
                print(row(label, res))
        if len(results) >= 2:
            small, large = results[0], results[-1]
            ratio = (large["seconds"] / large["text"]) / (small["seconds"] / small["text"])
            goal(f"{label}: s/MB at {large['text'] / MB:.2g} MB ÷ at {small['text'] / MB:.2g} MB", ratio,
                 GOAL_PER_MB_RATIO, "", at_least=False)


def memory_section(args: argparse.Namespace, inputs: Inputs) -> None:
    print(f"  distinct generated documents of {args.memory_mb:g} MB, a fresh subprocess each (shared with the scaling "
          "section); peak = growth of the peak RSS during the conversion")
    print("  convert(bytes) returns the whole output, whose size is printed after each row; a JSON output is then also")
    print("  streamed into a file, as the command line writes it (api.convert_to_file), in a fresh subprocess")
    for label, kind, fmt in MEMORY:
        res = inputs.measure(kind, args.memory_mb, fmt)
        if res is None:
            continue
        returned = f"   returned {fmt.upper()}: {res['result'] / res['bytes']:.1f}×" if "result" in res else ""
        print(row(label, res) + returned)
        goal(f"{label}: peak memory ÷ input", res["growth"] / res["bytes"], GOAL_MEMORY_RATIO, "×",
             at_least=False)
        if fmt == "json":
            streamed = run_child(inputs.path(kind, args.memory_mb), fmt, kind, stream=True)
            if streamed is not None:
                ratio = streamed["growth"] / streamed["bytes"]
                name = f"{label}, streamed to a file"  # (the peak column of ``row``)
                print(f"  {name:<58}{streamed['growth'] / MB:8.1f} MB peak {ratio:5.1f}× input")
                goal(f"{label}, streamed to a file: peak ÷ input", ratio, GOAL_MEMORY_RATIO, "×", at_least=False)


# --- 6. batches through the command line -----------------------------------------------------------------------


def cli(folder: Path, out: Path, *extra: str) -> tuple[float, float, str]:
    """Run ``bulletin-format convert FOLDER -o OUT --to json``; (wall seconds, CPU seconds of it and its
    workers, stderr)."""
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bulletin_format", "convert", str(folder), "-o", str(out),
                           "--to", "json", *extra], capture_output=True, text=True, env=child_env())
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"bulletin-format convert failed ({proc.returncode}): {proc.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.stderr


WORK = """
import pathlib, sys, time
import bulletin_format as bf
data = [p.read_bytes() for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
for d in data:
    bf.convert(d, to="json")
start = time.perf_counter()
for _ in range(int(sys.argv[2])):
    for d in data:
        bf.convert(d, to="json")
print(time.perf_counter() - start)
"""


def machine_speedup(rounds: int = 30) -> float:
    """How much more work two processes do than one right now, on the same CPU-bound conversions (in memory):
    2 × one process's time ÷ the time two take side by side. 2.0 on two idle CPUs; less when other processes
    take CPU time, or when the two CPUs are threads of one core. The most ``--jobs 2`` can gain at the moment."""
    def run(n: int) -> float:
        procs = [subprocess.Popen([sys.executable, "-c", WORK, str(SEEDS), str(rounds)], stdout=subprocess.PIPE,
                                  text=True, env=child_env()) for _ in range(n)]
        return max(float(p.communicate()[0].strip().splitlines()[-1]) for p in procs)

    alone = run(1)
    return 2 * alone / run(2)


def jobs_section(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="bf-bench-jobs-") as tmp:
        folder, small, out = Path(tmp) / "in", Path(tmp) / "small", Path(tmp) / "out"
        paths = gen_distinct.batch(args.files, folder)
        small.mkdir()
        for i in range(SMALL_BATCH_FILES):  # a few short notices and pages: milliseconds of work in all
            make = gen_distinct.text_document if i % 2 else gen_distinct.html_document
            (small / f"s{i}{'.txt' if i % 2 else '.html'}").write_bytes(make(SMALL_BATCH_BYTES, 700 + i))
        total = sum(p.stat().st_size for p in paths)
        print(f"  {len(paths)} distinct documents ({total / MB:.1f} MB, text and HTML), `bulletin-format convert "
              "DIR -o OUT --to json -q`, wall-clock, the whole command")
        print(f"  load average before: {os.getloadavg()[0]:.2f}")
        cli(folder, out, "-q", "--jobs", "1")  # the files in the page cache, the interpreter's files too
        # rounds of (what two processes gain over one now, --jobs 1, --jobs 2 — in turns first): the load of a shared
        # machine drifts within seconds, so each round's ratio is taken within the round, beside its ceiling
        walls: dict[int, list[float]] = {1: [], 2: []}
        cpus: dict[int, list[float]] = {1: [], 2: []}
        ceilings: list[float] = []
        ratios: list[float] = []
        for n in range(2 * args.rounds):
            ceilings.append(machine_speedup())
            for jobs in ((1, 2) if n % 2 == 0 else (2, 1)):
                wall, cpu, _ = cli(folder, out, "-q", "--jobs", str(jobs))
                walls[jobs].append(wall)
                cpus[jobs].append(cpu)
            ratios.append(walls[1][-1] / walls[2][-1])
        for jobs in (1, 2):
            print(f"  --jobs {jobs}: median {statistics.median(walls[jobs]):6.2f} s wall "
                  f"({', '.join(f'{w:.2f}' for w in walls[jobs])}); CPU of the command and its workers "
                  f"{statistics.median(cpus[jobs]):.2f} s")
        print(f"  --jobs 1 ÷ --jobs 2 per round: {', '.join(f'{r:.2f}' for r in ratios)}; two processes side by "
              f"side did {', '.join(f'{c:.2f}' for c in ceilings)}× the work of one (the most --jobs 2 can gain)")
        speedup, ceiling = statistics.median(ratios), statistics.median(ceilings)
        print(f"  median {speedup:.2f}× (spread {min(ratios):.2f}–{max(ratios):.2f}) where two processes did "
              f"{ceiling:.2f}×: {speedup / ceiling:.0%} of what the machine allowed; load average after "
              f"{os.getloadavg()[0]:.2f}")
        if not args.quick:
            _, _, log = cli(folder, out, "-vv", "--jobs", "2")
            decided = [ln.split("batch: ", 1)[-1] for ln in log.splitlines() if "measured first" in ln]
            print(f"  the command's choice (-vv): {decided[0] if decided else '(not logged)'}")
        goal(f"--jobs 2 ÷ --jobs 1, {len(paths)} files through the CLI (wall)", speedup, GOAL_JOBS_SPEEDUP, "×")
        small_walls: dict[str, list[float]] = {"--jobs 1": [], "default": [], "--jobs 2": []}
        for _ in range(max(args.rounds, 1)):
            for label, extra in (("--jobs 1", ["--jobs", "1"]), ("default", []), ("--jobs 2", ["--jobs", "2"])):
                small_walls[label].append(cli(small, out, "-q", *extra)[0])
        shown = ", ".join(f"{label} {statistics.median(w):.2f} s" for label, w in small_walls.items())
        print(f"  {SMALL_BATCH_FILES} files of {SMALL_BATCH_BYTES // 1000} KB: {shown}")
        pooled = [label for label, extra in (("default", []), ("--jobs 2", ["--jobs", "2"]))
                  if "no pool" not in cli(small, out, "-vv", *extra)[2]]
        print(f"  a pool was started for the small batch by: {', '.join(pooled) or 'neither'}")
        goal(f"{SMALL_BATCH_FILES} files of {SMALL_BATCH_BYTES // 1000} KB start no pool (1 = none did)",
             float(not pooled), 1.0)


# --- 7. start-up -------------------------------------------------------------------------------------------------

IMPORT_TIME = "import time; t = time.perf_counter(); import bulletin_format; print(time.perf_counter() - t)"
HELP_IMPORTS = """
import contextlib, io, json, sys
from bulletin_format.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("bulletin_format.writers.", "docx", "lxml")))))
"""


def startup_section(args: argparse.Namespace) -> None:
    runs = 5 if args.quick else 11
    subprocess.run([sys.executable, "-c", IMPORT_TIME], capture_output=True, check=True, env=child_env())  # pyc
    imports = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", IMPORT_TIME], capture_output=True, text=True, check=True,
                             env=child_env()).stdout
        imports.append(1000 * float(out.strip()))
    print(f"  import bulletin_format: median {statistics.median(imports):.1f} ms, best {min(imports):.1f} ms "
          f"({runs} fresh interpreters)")
    goal("import bulletin_format (median)", statistics.median(imports), GOAL_IMPORT_MS, " ms", at_least=False)
    for argv in (["--help"], ["convert", "--help"]):
        out = subprocess.run([sys.executable, "-c", HELP_IMPORTS, *argv], capture_output=True, text=True,
                             check=True, env=child_env()).stdout
        loaded = json.loads(out.strip().splitlines()[-1])
        walls = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "bulletin_format", *argv], capture_output=True, check=True,
                           env=child_env())
            walls.append(time.perf_counter() - start)
        writers = [m for m in loaded if m.startswith(("bulletin_format.writers.", "docx"))]
        print(f"  bulletin-format {' '.join(argv)}: {1000 * statistics.median(walls):.0f} ms wall; imports "
              f"{', '.join(loaded) or 'no writer, python-docx or lxml'}")
        goal(f"bulletin-format {' '.join(argv)} imports no writer (1 = none)", float(not writers), 1.0)


# --- main --------------------------------------------------------------------------------------------------------


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(SRC), "log", "-1", "--format=%h %cd %s", "--date=iso"],
                             capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(SRC), "status", "--porcelain", "--untracked-files=no", "."],
                               capture_output=True, text=True, check=True).stdout.strip()
        return out[:110] + (" (+ uncommitted changes in src/)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1 round, sizes up to 1 MB, memory at 1 MB (~1–2 min)")
    ap.add_argument("--only", default=",".join(SECTIONS), help=f"comma-separated sections: {','.join(SECTIONS)}")
    ap.add_argument("--rounds", type=int, default=None, help="interleaved rounds (default 3, --quick 1)")
    ap.add_argument("--seconds", type=float, default=None, help="CPU seconds per seed measurement (default 3)")
    ap.add_argument("--sizes", default=None, help="scaling sizes in MB, comma-separated (default 0.1,1,5,20)")
    ap.add_argument("--memory-mb", type=float, default=None, help="size of the memory inputs (default 5 MB)")
    ap.add_argument("--files", type=int, default=BATCH_FILES, help=f"files of the jobs batch ({BATCH_FILES})")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=f"folder of HTML pages ({CORPUS})")
    ap.add_argument("--pages", type=int, default=None, help="only the first N pages of the corpus")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    ap.add_argument("--stream-child", nargs=3, help=argparse.SUPPRESS)
    ap.add_argument("--digests", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        path, fmt, kind, *out = args.child
        measure_child(Path(path), fmt, kind, Path(out[0]) if out else None)
        return 0
    if args.stream_child:
        path, fmt, kind = args.stream_child
        measure_stream_child(Path(path), fmt, kind)
        return 0
    if args.digests:
        print(json.dumps(seed_digests()))
        return 0
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]  # progress visible in a log file
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in only if s not in SECTIONS]
    if unknown:
        ap.error(f"unknown section(s) {', '.join(unknown)}: choose from {', '.join(SECTIONS)}")
    args.rounds = args.rounds or (1 if args.quick else 3)
    args.seconds = args.seconds or (0.5 if args.quick else 3.0)
    args.sizes = tuple(float(s) for s in args.sizes.split(",")) if args.sizes else (
        QUICK_SIZES_MB if args.quick else SIZES_MB)
    args.memory_mb = args.memory_mb or (QUICK_MEMORY_MB if args.quick else MEMORY_MB)

    print("bulletin-format throughput benchmark (issue 14)")
    print(f"  commit   {git_commit()}")
    print(f"  python   {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    print(f"  started  {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, load average {os.getloadavg()[0]:.2f} "
          "(other processes on the machine disturb the figures)")
    print("  subprocesses run with Python's bytecode cache (in a temporary folder), as an installed package does")
    titles = {
        "html": "HTML → JSON against trafilatura", "text": "text → JSON", "docx": "DOCX writing",
        "scaling": "Time per MB from small to large inputs", "memory": "Peak memory ÷ input size",
        "jobs": "Batches through the command line", "startup": "Start-up",
    }
    with tempfile.TemporaryDirectory(prefix="bf-bench-") as tmp:
        inputs = Inputs(Path(tmp))
        runs: dict[str, Callable[[], None]] = {
            "html": lambda: html_section(args), "text": lambda: text_section(args),
            "docx": lambda: docx_section(args), "scaling": lambda: scaling_section(args, inputs),
            "memory": lambda: memory_section(args, inputs), "jobs": lambda: jobs_section(args),
            "startup": lambda: startup_section(args),
        }
        for n, name in enumerate((s for s in SECTIONS if s in only), 1):
            print(f"\n{n}. {titles[name]} [{name}]")
            started = time.perf_counter()
            runs[name]()
            print(f"  ({time.perf_counter() - started:.0f} s)")
    print("\nGoals (figure, goal, figure ÷ goal — or goal ÷ figure for an upper limit —, verdict)")
    for g in GOALS:
        print(g.line())
    met = sum(g.achieved >= 1 for g in GOALS)
    print(f"  {met} of {len(GOALS)} met; finished {time.strftime('%H:%M:%S')}, load average {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

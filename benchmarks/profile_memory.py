"""Where a conversion's peak memory is, stage by stage, on the memory cases of bench_throughput.py.

    .venv/bin/python benchmarks/profile_memory.py                       # every case, 5 MB (~1 min)
    .venv/bin/python benchmarks/profile_memory.py --mb 0.2 --only lines,tsv --python

Each case is a distinct generated document (``gen_distinct.py``) converted once in a fresh subprocess, whose
imports and per-process preparation were done on a small document first — through ``convert()`` (which returns
the whole output) and, for JSON, streamed into a file as the command line writes it (``api.convert_to_file``).
For each stage of the pipeline (read, clean, segment, normalise, write) it prints the resident memory at the
stage's start, its peak during the stage (the kernel's high-water mark, reset as the stage starts: Linux) and at
its end, each over the input size (a DOCX input: also the reader's steps inside ``read`` — the package opened,
the body streamed, the texts prepared for the shadow; ``convert()`` to JSON: "write" makes the JSON's chunks and
"write: join" joins them once the Document is gone). ``--python`` runs each case once more under
``tracemalloc`` (several times slower): the Python objects alive at each stage's start, peak and end, and the
five places that allocated most of what is alive when the stage with the highest peak ends.

A profile, not a benchmark: no goal and no verdict (``bench_throughput.py --only memory`` has them).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = Path(os.environ.get("BENCH_SRC", HERE.parent / "src"))  # another checkout's src: its profile
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(HERE))

import gen_distinct  # noqa: E402

import bulletin_format as bf  # noqa: E402

MB = 1_000_000
# (name, generator kind, output format): bench_throughput's memory cases
CASES = (
    ("text", "text", "json"), ("html", "html", "json"), ("text-docx", "text", "docx"), ("docx", "docx", "json"),
    ("lines", "lines", "json"), ("table", "table", "json"), ("tsv", "tsv", "json"),
)
STAGES = ("read", "clean", "segment", "normalize", "write")


def rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def high_water_mark() -> int:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmHWM:"))


def reset_high_water_mark() -> None:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")


class Probe:
    """Measures each stage it wraps: (start, peak, end) in bytes, by RSS or by tracemalloc. A stage may run inside
    another (the steps of the DOCX reader inside ``read``): the peak is reset as each starts, so the enclosing
    stage keeps the highest mark seen before, and takes the inner one's when it ends."""

    def __init__(self, python: bool) -> None:
        self.python = python
        self.rows: list[tuple[str, int, int, int]] = []
        self.alive: dict[str, tracemalloc.Snapshot] = {}
        self.seen: list[int] = []  # per stage running, the highest mark before the last reset

    def now(self) -> int:
        return tracemalloc.get_traced_memory()[0] if self.python else rss()

    def mark(self) -> int:
        return tracemalloc.get_traced_memory()[1] if self.python else high_water_mark()

    def reset(self) -> None:
        if self.python:
            tracemalloc.reset_peak()
        else:
            reset_high_water_mark()

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        fn: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(fn)
        def measured(*args: Any, **kwargs: Any) -> Any:
            if self.seen:
                self.seen[-1] = max(self.seen[-1], self.mark())
            self.reset()
            self.seen.append(0)
            start = self.now()
            try:
                return fn(*args, **kwargs)
            finally:
                peak = max(self.mark(), self.seen.pop())
                if self.seen:
                    self.seen[-1] = max(self.seen[-1], peak)
                self.rows.append((stage, start, peak, self.now()))
                if self.python:
                    self.alive[stage] = tracemalloc.take_snapshot()

        setattr(owner, name, measured)


def child(path: Path, fmt: str, stream: bool, python: bool) -> None:
    """(In a subprocess) convert ``path`` once, each stage measured; print the rows as JSON."""
    from bulletin_format import api, memo, pipeline

    sample = gen_distinct.KINDS["text"](20_000, 1)
    if path.suffix == ".docx":
        bf.convert(bf.convert(sample, to="docx"))
    bf.convert(sample, to=fmt)  # imports and per-process preparation: not this input's cost
    bf.convert(gen_distinct.KINDS["table"](20_000, 1), to=fmt)
    memo.forget()
    probe = Probe(python)
    probe.wrap(pipeline, "read", "read")
    if path.suffix == ".docx":  # the reader's steps, inside read: the body streamed, the texts prepared
        from bulletin_format import readers
        from bulletin_format.readers import docx_reader

        probe.wrap(docx_reader, "_open", "docx: open")
        probe.wrap(docx_reader, "_stream_body", "docx: body")
        probe.wrap(readers, "prepare_container", "docx: prepare")
    probe.wrap(pipeline.clean, "run", "clean")
    probe.wrap(pipeline.segment, "run", "segment")
    probe.wrap(pipeline, "normalize_document", "normalize")
    probe.wrap(api, "write_file", "write")
    from bulletin_format.writers import json_text, json_writer

    probe.wrap(json_writer, "write_chunks", "write")  # convert() to JSON: the chunks, then their join
    probe.wrap(json_text.JsonText, "text", "write: join")
    writer = api._writer

    def measured_writer(to: str) -> Callable[..., Any]:
        if to == "json":  # convert() writes it in chunks (measured above)
            return writer(to)
        holder = type("Writer", (), {"write": staticmethod(writer(to))})
        probe.wrap(holder, "write", "write")
        return holder.write  # type: ignore[no-any-return]

    api._writer = measured_writer  # type: ignore[assignment]
    data = path.read_bytes()
    out: dict[str, Any] = {"bytes": len(data)}
    if python:
        tracemalloc.start()
    else:
        reset_high_water_mark()
    base = probe.now()
    with tempfile.TemporaryDirectory(prefix="bf-profile-memory-") as tmp:
        if stream:
            api.convert_to_file(data, fmt, Path(tmp) / f"out.{fmt}")
        else:
            result = bf.convert(data, to=fmt)
            out["result"] = sys.getsizeof(result)
    out["rows"] = [(stage, start - base, peak - base, end - base) for stage, start, peak, end in probe.rows]
    if python:
        top = max(probe.rows, key=lambda row: row[2])[0]
        stats = probe.alive[top].statistics("lineno")[:5]
        out["top"] = [top, [(str(s.traceback[0]), s.size) for s in stats]]
    print(json.dumps(out))


def profile(path: Path, fmt: str, stream: bool, python: bool) -> dict[str, Any] | None:
    cmd = [sys.executable, __file__, "--child", str(path), fmt, "stream" if stream else "convert"]
    cmd += ["--python"] if python else []
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        print(f"    failed: {proc.stderr.strip().splitlines()[-1:]}")
        return None
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def show(label: str, res: dict[str, Any], unit: str) -> None:
    n = res["bytes"]
    peak = max(row[2] for row in res["rows"])
    returned = f"; the returned output {res['result'] / n:.1f}×" if "result" in res else ""
    print(f"  {label:<34} {unit} peak {peak / n:5.1f}× the input{returned}")
    print("    " + "   ".join(f"{stage} {start / n:.1f}→{top / n:.1f}→{end / n:.1f}"
                              for stage, start, top, end in res["rows"]))
    if "top" in res:
        stage, sites = res["top"]
        print(f"    alive when {stage} ends: " + "; ".join(f"{where} {size / n:.1f}×" for where, size in sites))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of each generated input (default 5 MB)")
    ap.add_argument("--only", default=",".join(c[0] for c in CASES),
                    help=f"comma-separated cases: {','.join(c[0] for c in CASES)}")
    ap.add_argument("--python", action="store_true", help="also the Python objects alive, under tracemalloc")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        path, fmt, mode = args.child
        child(Path(path), fmt, mode == "stream", args.python)
        return 0
    only = {s.strip() for s in args.only.split(",") if s.strip()}
    unknown = only - {c[0] for c in CASES}
    if unknown:
        ap.error(f"unknown case(s) {', '.join(sorted(unknown))}")
    print(f"peak memory by stage, {args.mb:g} MB inputs: start→peak→end of each stage, × the input size")
    with tempfile.TemporaryDirectory(prefix="bf-profile-memory-") as tmp:
        for name, kind, fmt in CASES:
            if name not in only:
                continue
            path = Path(tmp) / f"{kind}{gen_distinct.SUFFIX.get(kind, '.docx')}"
            if not path.exists():
                text = gen_distinct.KINDS["text" if kind == "docx" else kind](int(args.mb * MB), 14)
                path.write_bytes(bf.convert(text, to="docx") if kind == "docx" else text)
            for stream in (False, True) if fmt == "json" else (False,):
                label = f"{name} → {fmt}" + (", streamed to a file" if stream else ", convert()")
                for python in (False, True) if args.python else (False,):
                    res = profile(path, fmt, stream, python)
                    if res is not None:
                        show(label, res, "Python objects" if python else "RSS")
    return 0


if __name__ == "__main__":
    sys.exit(main())

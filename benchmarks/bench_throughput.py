"""Throughput benchmark: docs/s per core, scaling with input size, peak memory, parallel speed-up, trafilatura.

    .venv/bin/python benchmarks/bench_throughput.py                    # seeds + /work/shared/realdocs if present
    .venv/bin/python benchmarks/bench_throughput.py --realdocs DIR     # another folder of .txt/.html pages
    .venv/bin/python benchmarks/bench_throughput.py --quick            # shorter runs, sizes up to 1 MB

A benchmark, never a test: it prints figures and whether the project's goals are met, and always exits 0
(unless it crashes). Every measurement runs in this one process on one core, except the scaling runs
(a fresh subprocess per size, so peak memory is that input's alone) and the parallel speed-up (process pools).

Goals (docs/performance.md): text→JSON ≥ 500 docs/s per core on seed-sized documents; HTML→JSON ≥ 3×
trafilatura (favor_precision=True); text→DOCX ≥ 50 docs/s per core; 10 MB of text in < 10 s with peak memory
< 20× the input; time per MB must not grow with the size (a ratio well above 1 means a superlinear pass).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import bulletin_format as bf  # noqa: E402
from bulletin_format.api import render  # noqa: E402

SEEDS = ROOT / "seeds"
REALDOCS = Path("/work/shared/realdocs/docs")
SIZES = (1_000, 10_000, 100_000, 1_000_000, 10_000_000)
MB = 1_000_000


@dataclass
class Rate:
    """How fast one operation ran over a corpus: per CPU second (per core) and per wall-clock second."""

    label: str
    docs: int
    seconds: float  # CPU time of this process
    wall: float
    nbytes: int

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def mb_per_s(self) -> float:
        return self.nbytes / MB / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        ms = 1000 * self.seconds / max(self.docs, 1)
        wall = self.docs / self.wall if self.wall else 0.0
        return (f"  {self.label:<50} {self.docs_per_s:8.1f} docs/s  {self.mb_per_s:6.2f} MB/s  {ms:7.2f} ms/doc"
                f"  (wall {wall:7.1f} docs/s)")


def measure(label: str, corpus: list[bytes], fn: Callable[[bytes], object], min_seconds: float) -> Rate:
    """Run ``fn`` over the corpus (after one warm-up pass) until ``min_seconds`` of CPU time have passed.

    CPU time, not wall time, is the per-core figure: on a shared machine other processes take turns on the
    core and stretch the wall time, but not the CPU time this work needs.
    """
    for data in corpus:
        fn(data)
    docs = nbytes = 0
    cpu, wall = time.process_time(), time.perf_counter()
    while True:
        for data in corpus:
            fn(data)
        docs += len(corpus)
        nbytes += sum(map(len, corpus))
        elapsed = time.process_time() - cpu
        if elapsed >= min_seconds:
            return Rate(label, docs, elapsed, time.perf_counter() - wall, nbytes)


def forget_texts() -> None:
    """Empty the library's per-text caches (line classifiers, prose and date tests), so that running
    the same corpus again and again measures what a stream of new documents costs."""
    from bulletin_format import memo

    memo.forget()


def to_json(data: bytes) -> object:
    forget_texts()
    return render(bf.parse(data), "json")


def to_docx(data: bytes) -> object:
    forget_texts()
    return render(bf.parse(data), "docx")


def trafilatura_extract(data: bytes) -> object:
    import trafilatura

    return trafilatura.extract(data, favor_precision=True)


def seed_text() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def text_of_size(size: int) -> bytes:
    """About ``size`` bytes of UTF-8 text made by repeating the seeds, cut at a line end (or a character)."""
    unit = seed_text().encode("utf-8")
    data = unit * (size // len(unit) + 1)
    cut = data.rfind(b"\n", 0, size)
    if cut > size // 2:
        return data[: cut + 1]
    return data[:size].decode("utf-8", errors="ignore").encode("utf-8")


def html_of_size(size: int) -> bytes:
    """About ``size`` bytes of an HTML page: the repeated seed text as <p>s between a nav bar and a footer."""
    lines = [ln for ln in text_of_size(size).decode("utf-8").splitlines() if ln.strip()]
    body = "\n".join(f"<p>{ln}</p>" for ln in lines)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{lines[0][:40]}</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a> | <a href='/news'>新闻中心</a></div>"
            f"<div class='content'>{body}</div><div class='footer'>版权所有 © 某某网站</div></body></html>").encode()


def current_rss() -> int:
    """Resident memory now (Linux /proc; elsewhere the peak so far, which only makes growth smaller)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def reset_peak_rss() -> bool:
    """Reset the kernel's peak-RSS mark (Linux ≥ 4.0), so that the peak measured next is this run's alone."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def peak_rss() -> int:
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


# --- scaling: one subprocess per size -----------------------------------------------------------------------


def scale_child(path: Path, use_tracemalloc: bool) -> None:
    """(In a subprocess) parse + JSON one input file; print seconds and memory as JSON.

    Peak memory is the growth of the process's peak RSS over its RSS just before the run (the input bytes
    already loaded), so it counts everything the conversion allocates, in C too (lxml, regex).
    """
    to_json(text_of_size(3000))  # import and warm up everything first, so the baseline includes it
    data = path.read_bytes()
    reset_peak_rss()
    rss_before = current_rss()
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    seconds = wall = float("inf")
    spent = 0.0
    while spent < 0.3 or seconds == float("inf"):  # small inputs: best of several runs, for a stable figure
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        to_json(data)
        elapsed = time.process_time() - cpu_start
        seconds, wall, spent = min(seconds, elapsed), min(wall, time.perf_counter() - wall_start), spent + elapsed
    peak_traced = None
    if use_tracemalloc:
        import tracemalloc

        peak_traced = tracemalloc.get_traced_memory()[1]
    rss_after = peak_rss()
    print(json.dumps({"bytes": len(data), "seconds": seconds, "wall": wall, "rss_before": rss_before,
                      "rss_after": rss_after, "traced_peak": peak_traced}))


def scale_row(res: dict) -> str:
    per_mb = res["seconds"] / (res["bytes"] / MB)
    growth = max(res["rss_after"] - res["rss_before"], 0)
    return (f"  {res['bytes']:>12,}  {res['seconds']:>9.3f}  {res['wall']:>9.3f}  {per_mb:>9.3f}  "
            f"{growth / MB:>13.1f} MB  {growth / res['bytes']:>8.1f}")


GLUED_CREDIT = "会议要求，各乡镇要抢抓农时，扎实做好春耕备耕各项工作，确保粮食播种面积稳定。（责任编辑：张三）\n"


def glued_of_size(size: int) -> bytes:
    """Adversarial text: every paragraph ends with a glued 责任编辑 credit that the cleaning pass splits off."""
    unit = GLUED_CREDIT.encode("utf-8")
    return unit * max(1, size // len(unit))


MAKERS: dict[str, Callable[[int], bytes]] = {"txt": text_of_size, "html": html_of_size, "glued": glued_of_size}


def run_scale(
    size: int, tmp: Path, *, kind: str = "txt", use_tracemalloc: bool = False, timeout: float = 300
) -> dict | None:
    path = tmp / f"scale-{size}.{kind}"
    if not path.exists():
        path.write_bytes(MAKERS[kind](size))
    cmd = [sys.executable, __file__, "--scale-child", str(path)] + (["--tracemalloc"] if use_tracemalloc else [])
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        print(f"  {size:>12,} bytes: did not finish in {timeout:.0f} s (superlinear?)")
        return None
    except subprocess.CalledProcessError as exc:
        print(f"  {size:>12,} bytes: failed: {exc.stderr.strip().splitlines()[-1:]}")
        return None
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- parallel speed-up ---------------------------------------------------------------------------------------


def _warm(pool, jobs: int) -> None:
    """Start every worker and import the library there, so pool start-up is not timed."""
    from bulletin_format.batch import convert_chunk

    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "warm.txt"
        sample.write_text(seed_text()[:3000], encoding="utf-8")
        futures = [pool.submit(convert_chunk, [(str(sample), f"w{i}")], tmp, ("json",), {}, {"json": {}})
                   for i in range(4 * jobs)]
        for f in futures:
            f.result()


def parallel_speedup(folder: Path, out_root: Path, jobs_list: tuple[int, ...]) -> dict[int, float]:
    from bulletin_format.batch import convert_many, default_executor

    rates: dict[int, float] = {}
    n = len(list(folder.iterdir()))
    list(convert_many([folder], out_root / "warm-up", to="json", jobs=1))  # file cache and imports warm
    for jobs in jobs_list:
        out = out_root / f"jobs{jobs}"
        with default_executor(jobs) as pool:
            _warm(pool, jobs)
            start, parent_cpu = time.perf_counter(), time.process_time()
            results = list(convert_many([folder], out, to="json", executor=pool, chunk_size=4))
            seconds, parent_cpu = time.perf_counter() - start, time.process_time() - parent_cpu
        assert len(results) == n and all(r.ok for r in results), "benchmark inputs must all convert"
        rates[jobs] = n / seconds
        work = sum(r.seconds for r in results)  # wall time inside the workers, summed
        print(f"  convert_many, {jobs}-process pool, {n} files → JSON: {n / seconds:8.1f} docs/s ({seconds:.2f} s; "
              f"in workers {1000 * work / n:.2f} ms/doc, parent {1000 * parent_cpu / n:.2f} ms CPU/doc, "
              f"workers busy {work / seconds:.2f} of {jobs})")
    return rates


# --- main ------------------------------------------------------------------------------------------------------


def load_corpus(folder: Path, suffix: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted(folder.glob(f"*{suffix}"))] if folder.is_dir() else []


def synthetic_html(texts: list[bytes]) -> list[bytes]:
    """HTML pages made from the seed texts (when no real pages are available): a nav bar, <p>s, a footer."""
    pages = []
    for data in texts:
        lines = [ln for ln in data.decode("utf-8").splitlines() if ln.strip()]
        body = "\n".join(f"<p>{ln}</p>" for ln in lines[1:])
        pages.append(
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{lines[0]}</title></head><body>"
            f"<div class='nav'><a href='/'>首页</a> | <a href='/news'>新闻中心</a></div><h1>{lines[0]}</h1>"
            f"<div class='content'>{body}</div><div class='footer'>版权所有 © 某某网站</div></body></html>".encode()
        )
    return pages


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %cd %s", "--date=iso"],
                             capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no", "src"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return out + (" (+ uncommitted changes in src/)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--realdocs", type=Path, default=REALDOCS, help=f"folder of real .txt/.html pages ({REALDOCS})")
    ap.add_argument("--seconds", type=float, default=2.0, help="minimum seconds per throughput measurement")
    ap.add_argument("--quick", action="store_true", help="shorter runs; sizes up to 1 MB; no tracemalloc run")
    ap.add_argument("--files", type=int, default=600, help="files for the parallel speed-up run")
    ap.add_argument("--scale-child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--tracemalloc", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]  # progress visible in a log file
    if args.scale_child:
        scale_child(args.scale_child, args.tracemalloc)
        return 0
    secs = 0.5 if args.quick else args.seconds
    sizes = SIZES[:-1] if args.quick else SIZES

    print("bulletin-format throughput benchmark")
    print(f"  commit   {git_commit()}")
    print(f"  python   {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    print(f"  started  {time.strftime('%Y-%m-%d %H:%M:%S %Z')}, load average {os.getloadavg()[0]:.2f} "
          "(other processes on the machine disturb the figures)")

    seeds = load_corpus(SEEDS, ".txt")
    real_txt = load_corpus(args.realdocs, ".txt")
    real_html = load_corpus(args.realdocs, ".html")
    html_pages = real_html or synthetic_html(seeds)
    html_label = f"real HTML ({len(html_pages)} pages)" if real_html else f"synthetic HTML ({len(html_pages)} pages)"
    mean = sum(map(len, seeds)) / len(seeds)
    print(f"  seeds    {len(seeds)} texts, mean {mean / 1000:.1f} KB; realdocs: {len(real_txt)} txt, "
          f"{len(real_html)} html" + ("" if args.realdocs.is_dir() else f" ({args.realdocs} not found)"))

    print("\n1. Throughput per core (one process; parse + render, in memory; docs per CPU second)")
    text_json = measure("text → JSON, seeds", seeds, to_json, secs)
    print(text_json.line())
    if real_txt:
        print(measure(f"text → JSON, real txt ({len(real_txt)})", real_txt, to_json, secs).line())
    html_json = measure(f"HTML → JSON, {html_label}", html_pages, to_json, secs)
    print(html_json.line())
    traf = measure(f"trafilatura favor_precision, {html_label}", html_pages, trafilatura_extract, secs)
    print(traf.line())
    docx = measure("text → DOCX, seeds", seeds, to_docx, secs)
    print(docx.line())
    if real_txt:
        print(measure(f"text → DOCX, real txt ({len(real_txt)})", real_txt, to_docx, secs).line())
    ratio = html_json.docs_per_s / traf.docs_per_s if traf.docs_per_s else float("inf")
    print(f"  HTML → JSON is {ratio:.2f}× trafilatura")

    print("\n2. Scaling with input size (text → JSON, seed text repeated; fresh subprocess per size)")
    print(f"  {'bytes':>12}  {'CPU s':>9}  {'wall s':>9}  {'CPU s/MB':>9}  {'peak RSS growth':>16}  {'× input':>8}")
    scale: dict[int, dict] = {}
    tmp_scale = Path(tempfile.mkdtemp(prefix="bf-bench-scale-"))
    for size in sizes:
        res = run_scale(size, tmp_scale)
        if res is None:
            continue
        scale[size] = res
        print(scale_row(res))
    largest = max(scale) if scale else None
    linear_ratio = None
    if largest and 100_000 in scale and largest > 100_000:
        small = scale[100_000]["seconds"] / scale[100_000]["bytes"]
        big = scale[largest]["seconds"] / scale[largest]["bytes"]
        linear_ratio = big / small
        print(f"  time per MB at {largest:,} bytes ÷ time per MB at 100,000 bytes = {linear_ratio:.2f} "
              "(≈1 linear; ≫1 superlinear)")
    traced = None
    if largest and not args.quick:
        res = run_scale(largest, tmp_scale, use_tracemalloc=True)
        if res and res["traced_peak"]:
            traced = res["traced_peak"] / res["bytes"]
            print(f"  tracemalloc peak for {res['bytes']:,} bytes: {res['traced_peak'] / MB:.1f} MB "
                  f"= {traced:.1f}× the input (Python allocations only)")
    print("  the same for HTML pages (<p>s of seed text; timeout 120 s per size)")
    html_scale: dict[int, dict] = {}
    for size in sizes[1:]:
        res = run_scale(size, tmp_scale, kind="html", timeout=120)
        if res is None:
            continue
        html_scale[size] = res
        print(scale_row(res))
    html_ratio = None
    if 100_000 in html_scale and max(html_scale) > 100_000:
        top = max(html_scale)
        html_ratio = (html_scale[top]["seconds"] / html_scale[top]["bytes"]) / (
            html_scale[100_000]["seconds"] / html_scale[100_000]["bytes"])
        print(f"  HTML: time per MB at {html_scale[top]['bytes']:,} bytes ÷ at 100 KB = {html_ratio:.2f}")
    print("  adversarial text: every paragraph ends with a glued 责任编辑 credit (split off by a cleaning rule)")
    glued: dict[int, dict] = {}
    for size in (100_000, 400_000):
        res = run_scale(size, tmp_scale, kind="glued", timeout=120)
        if res is not None:
            glued[size] = res
            print(scale_row(res))
    glued_ratio = None
    if len(glued) == 2:
        glued_ratio = (glued[400_000]["seconds"] / glued[400_000]["bytes"]) / (
            glued[100_000]["seconds"] / glued[100_000]["bytes"])
        print(f"  glued credits: time per MB at 400 KB ÷ at 100 KB = {glued_ratio:.2f} "
              "(4× the input: ≈1 linear, ≈4 quadratic)")
    shutil.rmtree(tmp_scale, ignore_errors=True)

    print("\n3. Parallel speed-up (convert_many, files on disk → JSON files, atomic writes)")
    tmp = Path(tempfile.mkdtemp(prefix="bf-bench-"))
    try:
        folder = tmp / "in"
        folder.mkdir()
        n_files = 120 if args.quick else args.files
        for i in range(n_files):
            (folder / f"doc{i:05d}.txt").write_bytes(seeds[i % len(seeds)])
        rates = parallel_speedup(folder, tmp, (1, 2))
        speedup = rates[2] / rates[1]
        print(f"  speed-up with --jobs 2: {speedup:.2f}× ({os.cpu_count()} CPUs; when the workers are busy but the "
              "speed-up is low, the CPUs were shared with other processes: compare the ms/doc in workers)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("\n4. Goals")
    goal = "  {:<46} {:>9}  {}".format
    print(goal("text → JSON ≥ 500 docs/s per core on seeds", f"{text_json.docs_per_s:.1f}",
               verdict(text_json.docs_per_s >= 500)))
    print(goal("HTML → JSON ≥ 3× trafilatura", f"{ratio:.2f}×", verdict(ratio >= 3)))
    print(goal("text → DOCX ≥ 50 docs/s per core on seeds", f"{docx.docs_per_s:.1f}", verdict(docx.docs_per_s >= 50)))
    if largest == SIZES[-1]:
        res = scale[largest]
        growth = max(res["rss_after"] - res["rss_before"], 0) / res["bytes"]
        print(goal("10 MB of text in < 10 s (CPU)", f"{res['seconds']:.2f} s", verdict(res["seconds"] < 10)))
        print(goal("10 MB of text in < 10 s (wall, this run)", f"{res['wall']:.2f} s", verdict(res["wall"] < 10)))
        print(goal("peak memory < 20× the input (RSS growth)", f"{growth:.1f}×", verdict(growth < 20)))
        if traced is not None:
            print(goal("peak memory < 20× the input (tracemalloc)", f"{traced:.1f}×", verdict(traced < 20)))
    else:
        print("  10 MB goals: not measured (--quick, or the 10 MB run did not finish)")
    if linear_ratio is not None:
        print(goal("linear time, text (per-MB ratio ≤ 2)", f"{linear_ratio:.2f}", verdict(linear_ratio <= 2)))
    if html_ratio is not None:
        print(goal("linear time, HTML (per-MB ratio ≤ 2)", f"{html_ratio:.2f}", verdict(html_ratio <= 2)))
    if glued_ratio is not None:
        print(goal("linear time, glued credits (per-MB ratio ≤ 2)", f"{glued_ratio:.2f}", verdict(glued_ratio <= 2)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

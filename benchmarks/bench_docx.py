"""DOCX benchmark: writing against python-docx's empty document, byte identity, and scaling of writing and reading.

    .venv/bin/python benchmarks/bench_docx.py                  # everything (~3–5 min: sizes up to 20 MB)
    .venv/bin/python benchmarks/bench_docx.py --quick          # sizes up to 1 MB, shorter rounds (~1 min)
    .venv/bin/python benchmarks/bench_docx.py --sizes 0.1,1,10 --shapes document

A benchmark, never a test: it prints figures and the goals of issue 14 (MET / NOT MET) and exits 0.

1. **Seeds.** Each seed is parsed once, outside the timing; then ``bulletin_format.render(doc, "docx")`` and
   python-docx's ``Document()`` + ``save()`` of an empty document are timed in interleaved rounds in this one
   process, per CPU second, and their ratio printed (the goal: writing a whole document costs less than python-docx
   opening and saving an empty one, and ≥ 150 docs/s). ``convert(path, to="docx")`` — read, clean, segment,
   normalise and write — is timed too, with the library's per-text caches emptied before each document (the
   DOCX package's per-process preparation, a template and a table of character widths, is kept, as it would be
   by any process that writes more than one document).
2. **Identity.** The seeds' DOCX written twice in this process and once in a fresh process: the bytes must be
   the same.
3. **Scaling.** Distinct generated text (``distinct_text``: no paragraph repeats) from 100 KB to 20 MB, each size in
   a fresh subprocess: the text is parsed outside the timing, then the DOCX written (``render``); the DOCX written
   is then read back by ``readers/docx_reader.py`` (``read_bytes``) in another fresh subprocess. CPU seconds per MB
   of text must stay flat (the ratio of the largest size's to the smallest's ≤ 1.3); peak memory is the growth of
   the process's peak RSS during the timed call, over the input (the text for writing, the DOCX file for
   reading; the text size is printed beside it).
4. **jieba.** What a first title that needs two lines costs a process (jieba's import and dictionary load).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import bulletin_format as bf  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
MB = 1_000_000
SIZES_MB = (0.1, 0.3, 1.0, 3.0, 10.0, 20.0)
QUICK_SIZES_MB = (0.1, 0.3, 1.0)
GOAL_DOCS_PER_S = 150
GOAL_PER_MB_RATIO = 1.3
GOAL_MEMORY_RATIO = 10
TITLE = "临江市人民政府关于做好二〇二一年度基层公共文化服务工作的通知"  # made up; longer than a line: split by jieba


# --- distinct generated text ------------------------------------------------------------------------------------


def _seed_text() -> str:
    """The seeds' characters without whitespace: the material the generator cuts pieces from."""
    return re.sub(r"\s+", "", "".join(p.read_text(encoding="utf-8") for p in SEEDS))


def _pieces(rng: random.Random, source: str, chars: int) -> str:
    """About ``chars`` characters made of random 2–8-character pieces of ``source``: Chinese text whose
    paragraphs never repeat (their line breaks, punctuation and words differ)."""
    out: list[str] = []
    n = 0
    while n < chars:
        length = rng.randint(2, 8)
        start = rng.randrange(len(source) - length)
        out.append(source[start : start + length])
        n += length
    return "".join(out)


def distinct_paragraphs(nbytes: int, shape: str, seed: int = 14) -> Iterator[str]:
    """Lines of about ``nbytes`` UTF-8 bytes, no line twice.

    ``document``: a 公文 — title, 主送机关, numbered headings ((N) …) every ~16 paragraphs of 10–120 characters,
    署名 and date. ``lines``: lines of 10–60 characters and nothing else (the "many short paragraphs" input of
    issue 14; the segmenter decides what kind of document it is)."""
    rng = random.Random(seed)
    source = _seed_text()
    seen: set[str] = set()
    size = 0
    heading = 0
    if shape == "document":
        for line in (TITLE, "各县（区）人民政府，市政府各部门："):
            size += len(line.encode()) + 1
            yield line
    low, high = (10, 120) if shape == "document" else (10, 60)
    while size < nbytes:
        if shape == "document" and rng.random() < 0.06:
            heading += 1
            line = f"（{heading}）" + _pieces(rng, source, rng.randint(6, 14)).strip("，。、；：")
        else:
            line = _pieces(rng, source, rng.randint(low, high))
            if shape == "document" and not line.endswith("。"):
                line += "。"
        if line in seen:
            continue
        seen.add(line)
        size += len(line.encode()) + 1
        yield line
    if shape == "document":
        yield "临江市人民政府办公室"
        yield "2021年3月1日"


def distinct_text(nbytes: int, shape: str = "document", seed: int = 14) -> bytes:
    return ("\n".join(distinct_paragraphs(nbytes, shape, seed)) + "\n").encode("utf-8")


# --- process measurements ----------------------------------------------------------------------------------------


def current_rss() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def reset_peak_rss() -> None:
    """Reset the kernel's peak-RSS mark (Linux), so that the peak read next is the timed call's."""
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


# An lru_cache this large holds texts (lines, dates); smaller ones hold what a process loads once (a schema, an
# OpenCC configuration, the DOCX template).
PER_TEXT_CACHE = 1024


def forget_texts() -> None:
    """Empty the library's per-text caches (every ``lru_cache`` of ``PER_TEXT_CACHE`` entries or more), so that
    converting the same seeds again measures what new documents cost. What a process prepares once is kept."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("bulletin_format"):
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and (info().maxsize or 0) >= PER_TEXT_CACHE:
                value.cache_clear()


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


# A call shorter than this is timed again until this much CPU time is spent, and the fastest run kept (the first
# run's peak memory is the one reported).
MIN_TIMED_SECONDS = 0.5


def best_of(fn: Callable[[], Any], first: float) -> float:
    best, spent = first, first
    while spent < MIN_TIMED_SECONDS:
        seconds, _ = timed(fn)
        best, spent = min(best, seconds), spent + seconds
    return best


# --- 1. seeds ------------------------------------------------------------------------------------------------------


def empty_python_docx() -> bytes:
    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


def seeds_section(seconds: float) -> dict[str, float]:
    docs = [bf.parse(p.read_bytes()) for p in SEEDS]
    for doc in docs:  # warm up: imports, the prepared template, jieba for titles that break
        bf.render(doc, "docx")
    empty_python_docx()
    for p in SEEDS:
        bf.convert(p, to="docx")
    render_t = empty_t = convert_t = 0.0
    render_n = empty_n = convert_n = 0
    deadline = time.process_time() + seconds
    while time.process_time() < deadline:  # interleaved rounds: the same load on all three
        for doc in docs:
            t, _ = timed(lambda doc=doc: bf.render(doc, "docx"))
            render_t, render_n = render_t + t, render_n + 1
        for _ in docs:
            t, _ = timed(empty_python_docx)
            empty_t, empty_n = empty_t + t, empty_n + 1
        for p in SEEDS:
            forget_texts()
            t, _ = timed(lambda p=p: bf.convert(p, to="docx"))
            convert_t, convert_n = convert_t + t, convert_n + 1
    render_rate, empty_rate, convert_rate = render_n / render_t, empty_n / empty_t, convert_n / convert_t
    print(f"  render(doc, 'docx'), seeds parsed once    {render_rate:8.1f} docs/s  {1000 / render_rate:6.2f} ms/doc")
    print(f"  python-docx Document() + save(), empty     {empty_rate:8.1f} docs/s  {1000 / empty_rate:6.2f} ms/doc")
    print(f"  convert(path, to='docx'), per-text caches  {convert_rate:8.1f} docs/s  {1000 / convert_rate:6.2f} ms/doc")
    print(f"  ratio render ÷ empty python-docx: {render_rate / empty_rate:.2f}×  "
          f"(a document costs {render_t / render_n / (empty_t / empty_n):.2f} of an empty open+save)")
    return {"render": render_rate, "empty": empty_rate, "convert": convert_rate}


# --- 2. identity ---------------------------------------------------------------------------------------------------


def seed_digests() -> list[str]:
    return [hashlib.sha256(bf.convert(p, to="docx")).hexdigest() for p in SEEDS]


def identity_section() -> bool:
    first, second = seed_digests(), seed_digests()
    child = subprocess.run([sys.executable, __file__, "--digests"], capture_output=True, text=True, check=True)
    other = json.loads(child.stdout.strip().splitlines()[-1])
    same = first == second == other
    print(f"  {len(first)} seeds written twice here and once in a fresh process: "
          f"{'byte-identical' if same else 'DIFFERENT'}")
    return same


# --- 3. scaling ----------------------------------------------------------------------------------------------------


def write_child(size_mb: float, shape: str, out: Path) -> None:
    """(In a subprocess) generate, parse, then time the DOCX writer; print a JSON line."""
    from bulletin_format.docx import writer

    # imports, the template and jieba's dictionary are per process (section 4 prints jieba's): not measured here
    bf.render(bf.parse(distinct_text(20_000, shape, seed=1)), "docx")
    writer.split_title(TITLE, 28)
    data = distinct_text(int(size_mb * MB), shape)
    doc = bf.parse(data)
    reset_peak_rss()
    before = current_rss()
    seconds, docx = timed(lambda: bf.render(doc, "docx"))
    peak = peak_rss()
    seconds = best_of(lambda: bf.render(doc, "docx"), seconds)
    out.write_bytes(docx)
    paragraphs = sum(len(a.blocks) for a in doc.articles)
    print(json.dumps({"bytes": len(data), "seconds": seconds, "growth": max(0, peak - before), "docx": len(docx),
                      "kind": doc.kind, "articles": len(doc.articles), "blocks": paragraphs}))


def read_child(path: Path) -> None:
    """(In a subprocess) time readers/docx_reader.read_bytes on a DOCX; print a JSON line."""
    from bulletin_format.readers import docx_reader

    docx_reader.read_bytes(bf.render(bf.parse(distinct_text(20_000, "document", seed=1)), "docx"))
    data = path.read_bytes()
    reset_peak_rss()
    before = current_rss()
    seconds, state = timed(lambda: docx_reader.read_bytes(data, name=path.name))
    peak = peak_rss()
    seconds = best_of(lambda: docx_reader.read_bytes(data, name=path.name), seconds)
    print(json.dumps({"bytes": len(data), "seconds": seconds, "growth": max(0, peak - before),
                      "lines": len(state.lines)}))


def child(args: list[str], timeout: float) -> dict[str, Any] | None:
    try:
        proc = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=timeout,
                              check=True)
    except subprocess.TimeoutExpired:
        print(f"    did not finish in {timeout:.0f} s")
        return None
    except subprocess.CalledProcessError as error:
        print(f"    failed: {error.stderr.strip().splitlines()[-1:]}")
        return None
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def scaling_section(sizes: tuple[float, ...], shapes: tuple[str, ...], timeout: float) -> dict[str, dict[str, float]]:
    """Writing per MB of text and reading per MB of DOCX (each call's own input), with the work per block written
    and per line read beside them: a text the segmenter makes a different kind of document at some size has more
    (or fewer) paragraphs per MB, and the time per MB follows them."""
    verdicts: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for shape in shapes:
            rows: list[tuple[float, dict[str, Any], dict[str, Any] | None]] = []
            print(f"\n  {shape}: writing (render, the text parsed outside the timing)")
            print(f"  {'text MB':>8} {'kind':>9} {'articles':>8} {'blocks':>7} {'CPU s':>8} {'s/MB':>7} "
                  f"{'µs/block':>8} {'peak MB':>8} {'× text':>7}")
            for size in sizes:
                path = Path(tmp) / f"{shape}-{size}.docx"
                w = child(["--write-child", str(size), shape, str(path)], timeout)
                if w is None:
                    continue
                r = child(["--read-child", str(path)], timeout)
                mb = w["bytes"] / MB
                rows.append((mb, w, r))
                print(f"  {mb:8.2f} {w['kind']:>9} {w['articles']:>8} {w['blocks']:>7} {w['seconds']:8.2f} "
                      f"{w['seconds'] / mb:7.3f} {1e6 * w['seconds'] / max(1, w['blocks']):8.1f} "
                      f"{w['growth'] / MB:8.1f} {w['growth'] / w['bytes']:7.1f}", flush=True)
            print(f"\n  {shape}: reading the DOCX written (readers/docx_reader.read_bytes)")
            print(f"  {'text MB':>8} {'DOCX MB':>8} {'lines':>7} {'CPU s':>8} {'s/MB':>7} {'µs/line':>8} "
                  f"{'peak MB':>8} {'× DOCX':>7} {'× text':>7}")
            for mb, w, r in rows:
                if r is not None:
                    docx_mb = r["bytes"] / MB
                    print(f"  {mb:8.2f} {docx_mb:8.2f} {r['lines']:>7} {r['seconds']:8.2f} "
                          f"{r['seconds'] / docx_mb:7.3f} {1e6 * r['seconds'] / max(1, r['lines']):8.1f} "
                          f"{r['growth'] / MB:8.1f} "
                          f"{r['growth'] / r['bytes']:7.1f} {r['growth'] / w['bytes']:7.1f}")
            result: dict[str, float] = {}
            writes = [(mb, w) for mb, w, _ in rows]
            reads = [(r["bytes"] / MB, r) for _, _, r in rows if r is not None]
            for label, measured, unit in (("writing", writes, "blocks"), ("reading", reads, "lines")):
                if len(measured) < 2:
                    continue
                (mb0, small), (mb1, large) = measured[0], measured[-1]
                ratio = (large["seconds"] / mb1) / (small["seconds"] / mb0)
                per_unit = (large["seconds"] / max(1, large[unit])) / (small["seconds"] / max(1, small[unit]))
                memory = max(row["growth"] / row["bytes"] for _, row in measured)
                result[f"{label} per-MB ratio"] = ratio
                result[f"{label} peak memory ×"] = memory
                what = "text" if label == "writing" else "DOCX"
                print(f"  {label}: time per MB of {what} at {mb1:g} MB ÷ at {mb0:g} MB = {ratio:.2f} (per "
                      f"{unit[:-1]}: {per_unit:.2f}); largest peak memory {memory:.1f}× the {what}")
            verdicts[shape] = result
    return verdicts


# --- 4. jieba -----------------------------------------------------------------------------------------------------


def jieba_child() -> None:
    from bulletin_format.docx import writer

    seconds, _ = timed(lambda: writer.split_title(TITLE + "（补充）", 28))
    again, _ = timed(lambda: writer.split_title("临江市人民政府关于进一步加强乡村公共图书室建设和管理工作的意见", 28))
    print(json.dumps({"first": seconds, "next": again}))


def jieba_section() -> None:
    result = child(["--jieba-child"], 120)
    if result:
        print(f"  the first title that needs two lines: {1000 * result['first']:.0f} ms CPU (jieba's import and "
              f"dictionary, once per process); the next: {1000 * result['next']:.1f} ms")


# --- main --------------------------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "MET" if ok else "NOT MET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes up to 1 MB, 2 s rounds")
    parser.add_argument("--seconds", type=float, default=None, help="CPU seconds for the seed rounds (default 6)")
    parser.add_argument("--sizes", default=None, help="comma-separated sizes in MB (default 0.1,0.3,1,3,10,20)")
    parser.add_argument("--shapes", default="document,lines", help="generated inputs: document, lines")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed per subprocess")
    parser.add_argument("--write-child", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--read-child", help=argparse.SUPPRESS)
    parser.add_argument("--digests", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--jieba-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_child:
        size, shape, out = args.write_child
        write_child(float(size), shape, Path(out))
        return
    if args.read_child:
        read_child(Path(args.read_child))
        return
    if args.digests:
        print(json.dumps(seed_digests()))
        return
    if args.jieba_child:
        jieba_child()
        return
    sizes = tuple(float(s) for s in args.sizes.split(",")) if args.sizes else (
        QUICK_SIZES_MB if args.quick else SIZES_MB)
    seconds = args.seconds or (2.0 if args.quick else 6.0)
    shapes = tuple(s for s in args.shapes.split(",") if s)
    commit = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True,
                            text=True).stdout.strip()
    print(f"bulletin-format DOCX benchmark — {commit[:70]} — load {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs")
    print("\n1. Seeds, per CPU second (interleaved rounds)")
    rates = seeds_section(seconds)
    print("\n2. Byte identity")
    same = identity_section()
    print("\n3. Scaling on distinct generated text (fresh subprocess per size and per reading)")
    scaling = scaling_section(sizes, shapes, args.timeout)
    print("\n4. jieba (word boundaries for titles)")
    jieba_section()
    print("\nGoals (issue 14, DOCX)")
    print(f"  writing costs less than python-docx's empty open+save  {rates['render'] / rates['empty']:.2f}×  "
          f"{verdict(rates['render'] > rates['empty'])}")
    print(f"  ≥ {GOAL_DOCS_PER_S} docs/s on the seeds (render)          {rates['render']:.1f}  "
          f"{verdict(rates['render'] >= GOAL_DOCS_PER_S)}")
    print(f"  ≥ {GOAL_DOCS_PER_S} docs/s on the seeds (convert)         {rates['convert']:.1f}  "
          f"{verdict(rates['convert'] >= GOAL_DOCS_PER_S)}")
    print(f"  byte-identical across runs and processes              {verdict(same)}")
    for shape, result in scaling.items():
        for key, value in result.items():
            goal = GOAL_PER_MB_RATIO if "ratio" in key else GOAL_MEMORY_RATIO
            print(f"  {shape:<9} {key:<28} {value:6.2f} (≤ {goal:g})  {verdict(value <= goal)}")


if __name__ == "__main__":
    main()

"""``bulletin-format convert INPUT... -o OUTDIR``: batch conversion with progress, summary and manifest.

Inputs are files, folders (recursive; the tree is mirrored under OUTDIR), glob patterns, or ``-`` to read
a list of paths from stdin. Exit status: 0 every input converted (or skipped as already done), 1 some
inputs failed (the others are converted), 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from typing import IO, Any

from ..batch import BatchItem, BatchResult, convert_many, expand_inputs, items_from_list
from ..errors import BulletinFormatError
from ..writers import WRITERS

PLAIN_PROGRESS_SECONDS = 10.0  # without a terminal: one progress line this often
MAX_LISTED_PER_TYPE = 10  # failed files listed per error type in the summary (all are in the manifest)
SMALL_BATCH = 10  # without --jobs, this few inputs are converted in this process: starting a pool costs more


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "convert",
        help="convert files, folders or globs to JSON and/or DOCX",
        description="Convert scraped Chinese bulletins, documents, speeches and news to JSON and/or DOCX. "
        "Folders are read recursively and their tree is mirrored in the output folder. "
        "Exit status: 0 all converted, 1 some inputs failed (the rest converted), 2 usage error.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, glob patterns, or - (paths on stdin)")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    p.add_argument("--to", default="json", help=f"comma-separated output formats: {','.join(WRITERS)} (default json)")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help=f"worker processes (default: one per CPU, or none for {SMALL_BATCH} inputs or fewer; "
                   "1 runs in this process)")
    p.add_argument("--skip-existing", action="store_true",
                   help="skip inputs whose outputs all exist (resume an interrupted run)")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first input that fails")
    p.add_argument("--chinese", choices=("keep", "simplified", "traditional"), default=None,
                   help="convert the script (default keep)")
    p.add_argument("--profile", default=None, help="DOCX layout profile (passed to the DOCX writer)")
    p.add_argument("--manifest", metavar="FILE",
                   help="write one JSON line per input to FILE (appended to with --skip-existing)")
    verbosity = p.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="no progress; print only failures")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="one line per input")
    p.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"bulletin-format convert: error: {message}", file=sys.stderr)
    return 2


def _plan(inputs: list[str], stdin: IO[str], output: str) -> list[BatchItem]:
    specs: list[str | BatchItem] = []
    for spec in inputs:
        if spec == "-":
            specs.extend(items_from_list(line.rstrip("\r\n") for line in stdin))
        else:
            specs.append(spec)
    return list(expand_inputs(specs, exclude=output))


class Progress:
    """A tqdm bar on a terminal, plain periodic lines otherwise, nothing when quiet."""

    def __init__(self, total: int, *, quiet: bool, stream: IO[str]) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.failed = 0
        self.start = time.perf_counter()
        self.last_line = self.start
        self.bar = None
        self.plain = False
        if quiet or total == 0:
            return
        if stream.isatty():
            from tqdm import tqdm

            try:
                sized = os.get_terminal_size(stream.fileno()).columns > 0
            except (OSError, ValueError, AttributeError):
                sized = False
            # a terminal that reports no width (some ptys) would get an empty bar
            self.bar = tqdm(total=total, unit="doc", file=stream, dynamic_ncols=sized, ncols=None if sized else 80,
                            smoothing=0.1)
        else:
            self.plain = True

    def update(self, result: BatchResult) -> None:
        self.done += 1
        self.failed += not result.ok
        if self.bar is not None:
            self.bar.update(1)
            if self.failed:
                self.bar.set_postfix(failed=self.failed, refresh=False)
        elif self.plain:
            now = time.perf_counter()
            if now - self.last_line >= PLAIN_PROGRESS_SECONDS:
                self.last_line = now
                rate = self.done / max(now - self.start, 1e-9)
                print(f"progress: {self.done}/{self.total} inputs, {self.failed} failed, {rate:.1f} docs/s",
                      file=self.stream, flush=True)

    def write(self, message: str) -> None:
        """Print a line without breaking the bar."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        else:
            print(message, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _short_error(result: BatchResult) -> str:
    """The error message without the file name prefix the library adds (the summary names the full path)."""
    message = result.error or ""
    name = result.input.replace("\\", "/").rsplit("/", 1)[-1]
    for prefix in (f"{result.input}: ", f"{name}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message


def _summary(results: list[BatchResult], seconds: float, *, interrupted: bool, quiet: bool) -> list[str]:
    converted = sum(1 for r in results if r.ok and not r.skipped)
    skipped = sum(1 for r in results if r.skipped)
    failed = [r for r in results if not r.ok]
    warned = sum(1 for r in results if r.warnings)
    warnings = sum(len(r.warnings) for r in results)
    rate = converted / seconds if seconds > 0 else 0.0
    lines: list[str] = []
    if failed:
        by_type = Counter(r.error_type for r in failed)
        lines.append(f"failed: {len(failed)} ({', '.join(f'{t} {n}' for t, n in by_type.most_common())})")
        for error_type, _ in by_type.most_common():
            group = [r for r in failed if r.error_type == error_type]
            lines.append(f"  {error_type}:")
            for r in group[:MAX_LISTED_PER_TYPE]:
                lines.append(f"    {r.input}: {_short_error(r)}")
            if len(group) > MAX_LISTED_PER_TYPE:
                lines.append(f"    … and {len(group) - MAX_LISTED_PER_TYPE} more (see the manifest)")
    if not quiet:
        head = "interrupted: " if interrupted else ""
        parts = [f"{head}converted {converted}", f"failed {len(failed)}"]
        if skipped:
            parts.append(f"skipped {skipped} (already converted)")
        parts.append(f"warnings {warnings} in {warned} inputs" if warnings else "no warnings")
        parts.append(f"{seconds:.1f} s, {rate:.1f} docs/s")
        lines.append(", ".join(parts))
    return lines


def _results(items: list[BatchItem], args: argparse.Namespace, options: dict[str, Any]) -> Iterator[BatchResult]:
    jobs = args.jobs or (1 if len(items) <= SMALL_BATCH else None)
    if jobs != 1 and "forkserver" in multiprocessing.get_all_start_methods():
        # The command owns its process: import the library once in the fork server rather than in every worker.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["bulletin_format.batch", "bulletin_format.api"])
    return convert_many(items, args.output, to=args.to, jobs=jobs, skip_existing=args.skip_existing, **options)


def run(args: argparse.Namespace) -> int:
    stdin: IO[str] = getattr(args, "stdin", None) or sys.stdin
    stderr: IO[str] = getattr(args, "stderr", None) or sys.stderr
    if args.jobs is not None and args.jobs < 1:
        return _usage("--jobs must be at least 1")
    if args.inputs.count("-") > 1:
        return _usage("- (paths on stdin) can be given once")
    options: dict[str, Any] = {}
    if args.chinese:
        options["chinese"] = args.chinese
    if args.profile:
        options["profile"] = args.profile
    try:
        items = _plan(args.inputs, stdin, args.output)
        results_iter = _results(items, args, options)
    except (BulletinFormatError, TypeError, ValueError) as exc:
        return _usage(str(exc))
    if not items:
        return _usage("no input files found in " + " ".join(args.inputs))

    results: list[BatchResult] = []
    progress = Progress(len(items), quiet=args.quiet, stream=stderr)
    start = time.perf_counter()
    interrupted = False
    with ExitStack() as stack:
        manifest = None
        if args.manifest:
            mode = "a" if args.skip_existing else "w"
            try:
                manifest = stack.enter_context(open(args.manifest, mode, encoding="utf-8"))
            except OSError as exc:
                return _usage(f"cannot write the manifest: {exc}")
        try:
            for result in results_iter:
                results.append(result)
                if manifest is not None:
                    manifest.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                    manifest.flush()
                progress.update(result)
                if args.verbose:
                    status = "skipped" if result.skipped else ("ok" if result.ok else f"FAILED {result.error_type}")
                    extra = f" ({len(result.warnings)} warnings)" if result.warnings else ""
                    progress.write(f"{status}: {result.input}{extra}")
                if not result.ok and args.fail_fast:
                    progress.write(f"stopping at the first failure (--fail-fast): {result.input}")
                    break
        except KeyboardInterrupt:
            interrupted = True
        finally:
            # closes the generator: pending work is cancelled and the worker pool shut down
            getattr(results_iter, "close", lambda: None)()
            progress.close()
    for line in _summary(results, time.perf_counter() - start, interrupted=interrupted, quiet=args.quiet):
        print(line, file=stderr)
    if interrupted:
        print("interrupted: rerun with --skip-existing to finish the job", file=stderr)
        return 130
    return 1 if any(not r.ok for r in results) else 0

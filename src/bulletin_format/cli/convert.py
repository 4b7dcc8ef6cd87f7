"""``bulletin-format convert``: one document to standard output or a file, or a batch into a folder.

    bulletin-format convert page.html                      # JSON on standard output
    bulletin-format convert - --to json < page.html        # the document from standard input
    bulletin-format convert draft.txt -o fixed.docx        # one file; the format from the suffix
    bulletin-format convert crawl/ -o out --to json,docx   # a batch: progress, summary, manifest
    find crawl -name '*.html' | bulletin-format convert --files-from - -o out

A batch takes files, folders (recursive; the tree is mirrored under OUTDIR), glob patterns and lists of
paths (``--files-from FILE`` or ``-``). Exit status: 0 every input converted (or skipped as already done),
1 some inputs failed (the others are converted) or the manifest could not be written, 2 usage error,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..batch import DEFAULT_TIMEOUT, BatchItem, BatchResult, _is_glob, convert_many, expand_inputs, items_from_list
from ..errors import BulletinFormatError
from ..writers import EXTENSIONS, WRITERS
from . import _Handler, interrupted_status, profile_option

PLAIN_PROGRESS_SECONDS = 10.0  # without a terminal: one progress line this often
MAX_LISTED_PER_TYPE = 10  # failed files listed per error type in the summary (all are in the manifest)
log = logging.getLogger("bulletin_format.cli")


def input_formats() -> list[tuple[str, str]]:
    """(name, what it is) of every input format the readers know, in the order they are tried."""
    from .. import readers

    out = []
    for module in readers.FORMATS:
        doc = (module.__doc__ or "").strip().split("\n", 1)[0]
        out.append((module.FORMAT, doc.split(":", 1)[0].strip().rstrip(".")))
    return out


def _formats_help() -> str:
    inputs = "\n".join(f"  {name:<8} {what}" for name, what in input_formats())
    outputs = "\n".join(f"  {name:<8} {EXTENSIONS.get(name, '')}" for name in WRITERS)
    return (
        f"input formats (found by content, whatever the file is called):\n{inputs}\n\n"
        f"output formats (--to; the suffix each adds to an output name):\n{outputs}\n\n"
        "one input and no -o (or -o -) writes to standard output; -o FILE.SUFFIX writes that file.\n"
        "exit status: 0 all converted, 1 some inputs failed (the rest converted), 2 usage error,\n"
        "130 interrupted (Ctrl-C), 143 terminated (SIGTERM); rerun with --skip-existing to finish a batch."
    )


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "convert",
        help="convert a document, or files, folders and globs, to JSON and/or DOCX",
        description="Convert scraped Chinese bulletins, documents, speeches and news to JSON and/or DOCX. "
        "One input goes to standard output (or -o FILE); several, folders and globs go to a folder (-o OUTDIR), "
        "whose tree mirrors the input folders.",
        lazy_epilog=_formats_help,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="a file, folder or glob pattern; - reads one document from standard input")
    p.add_argument("-o", "--output", metavar="OUT",
                   help="output folder; or FILE.json / FILE.docx for one input; - for standard output")
    p.add_argument("--files-from", metavar="FILE", help="read paths to convert from FILE, one a line (- for stdin)")
    p.add_argument("--to", default=None,
                   help=f"comma-separated output formats: {','.join(WRITERS)} (default json, or the suffix of -o FILE)")
    p.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="worker processes, at most (default: one per CPU; none when the batch is too small to pay "
                   "for starting them; 1 converts in this process)")
    p.add_argument("--keep-suffix", action="store_true",
                   help="name outputs after the whole input name (a.html → a.html.json), for folders holding "
                   "files that differ only in their suffix")
    p.add_argument("--skip-existing", action="store_true",
                   help="skip inputs whose outputs all exist (resume an interrupted run)")
    p.add_argument("--fail-fast", action="store_true", help="stop at the first input that fails")
    p.add_argument("--chinese", choices=("keep", "simplified", "traditional"), default=None,
                   help="convert the script (default keep)")
    p.add_argument("--opencc-config", metavar="NAME", default=None,
                   help="OpenCC configuration for --chinese (e.g. s2twp, tw2s)")
    p.add_argument("--no-normalize", action="store_true", help="keep the text exactly as printed")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="refuse inputs larger than N bytes (default 50 MB)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"time limit per input (default {DEFAULT_TIMEOUT:g} s; 0: none)")
    p.add_argument("--profile", default=None, metavar="NAME|FILE.json",
                   help="DOCX layout profile: a name, or a JSON file of setting overrides")
    p.add_argument("--manifest", metavar="FILE",
                   help="write one JSON line per input to FILE (appended to with --skip-existing)")
    verbosity = p.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="no progress; print only failures")
    verbosity.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                           help="one line per input (-v), and how each was read (-vv)")
    p.set_defaults(run=run)


def _usage(message: str) -> int:
    print(f"bulletin-format convert: error: {message}", file=sys.stderr)
    return 2


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The library options the flags ask for (ValueError for a bad --profile file)."""
    options: dict[str, Any] = {}
    if args.chinese:
        options["chinese"] = args.chinese
    if args.opencc_config:
        options["opencc_config"] = args.opencc_config
    if args.no_normalize:
        options["normalize"] = False
    if args.max_bytes is not None:
        options["max_bytes"] = args.max_bytes
    if args.profile:
        options["profile"] = profile_option(args.profile)
    return options


def _format_of_file(output: str) -> str | None:
    """The format an output file name asks for by its suffix (``fixed.docx`` → docx), if any."""
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return None
    suffix = Path(output).suffix.lower()
    return next((fmt for fmt, ext in EXTENSIONS.items() if ext == suffix), None)


# Suffixes of document files this tool does not write: ``-o report.pdf`` is a mistake (a format we do not
# make), not a folder to create. A folder may still be named so: written with a trailing /, or existing.
FOREIGN_DOCUMENT_SUFFIXES = frozenset({".pdf", ".doc", ".odt", ".rtf", ".wps", ".ofd", ".html", ".htm", ".xml",
                                       ".csv", ".xls", ".xlsx", ".epub"})


def _names_a_foreign_file(output: str) -> bool:
    """``-o`` names a document file of a format no writer makes (``z.pdf``), not a folder."""
    if output.endswith(("/", os.sep)) or Path(output).is_dir():
        return False
    return Path(output).suffix.lower() in FOREIGN_DOCUMENT_SUFFIXES


def _one_document(args: argparse.Namespace) -> bool:
    """One input that is a document (a file, or - for standard input), written to stdout or one file."""
    if len(args.inputs) != 1 or args.files_from:
        return False
    spec = args.inputs[0]
    if spec != "-" and (Path(spec).is_dir() or (_is_glob(spec) and not Path(spec).exists())):
        return False
    return args.output in (None, "-") or _format_of_file(args.output) is not None


# ---------------------------------------------------------------------------------------------------------
# One document: standard input or a file → standard output or a file


def _convert_document(args: argparse.Namespace, options: dict[str, Any], stdin: Any, stdout: Any) -> int:
    from ..api import convert, convert_to_file
    from ..pool import time_limit
    from ..readers import DEFAULT_MAX_BYTES, printable_path

    to_stdout = args.output in (None, "-")
    wanted = _format_of_file(args.output) if not to_stdout else None
    formats = [f.strip() for f in (args.to or wanted or "json").split(",") if f.strip()]
    if len(formats) != 1:
        return _usage("one document is written in one format: give -o OUTDIR for several")
    fmt = formats[0]
    if fmt not in WRITERS:
        return _usage(f"unknown output format {fmt!r} (use one of: {', '.join(WRITERS)})")
    if wanted is not None and wanted != fmt:
        return _usage(f"-o {args.output} names a {wanted} file but --to asks for {fmt}")
    binary_out = stdout.buffer if hasattr(stdout, "buffer") else None
    if to_stdout and fmt != "json" and binary_out is not None and stdout.isatty():
        return _usage(f"{fmt} is binary: write it to a file with -o FILE{EXTENSIONS.get(fmt, '')}")
    spec = args.inputs[0]
    if spec == "-":
        limit = options.get("max_bytes", DEFAULT_MAX_BYTES)
        raw = stdin.buffer if hasattr(stdin, "buffer") else stdin
        source: Any = raw.read(limit + 1 if isinstance(limit, int) else -1)
        if isinstance(source, str):
            source = source.encode("utf-8")
        name = "<stdin>"
    else:
        source, name = Path(spec), printable_path(spec)
    timeout = args.timeout or None
    try:
        with time_limit(timeout, name):
            if to_stdout:
                result = convert(source, fmt, **options)
            else:  # written as it is made: a big JSON is never held whole
                convert_to_file(source, fmt, args.output, **options)
    except BulletinFormatError as exc:
        if isinstance(exc, (ValueError, TypeError)):  # a bad option (OptionError, ProfileError, …): usage
            return _usage(f"{type(exc).__name__}: {exc}")
        print(f"bulletin-format convert: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    log.info("ok: %s → %s", name, "standard output" if to_stdout else args.output)
    if to_stdout:
        data = result.encode("utf-8") if isinstance(result, str) else result
        if binary_out is not None:
            binary_out.write(data)
            binary_out.flush()
        else:
            stdout.write(result if isinstance(result, str) else data.decode("latin-1"))
    return 0


# ---------------------------------------------------------------------------------------------------------
# A batch


def _plan(args: argparse.Namespace, stdin: IO[str], output: str) -> list[BatchItem]:
    specs: list[str | BatchItem] = list(args.inputs)
    if args.files_from:
        if args.files_from == "-":
            lines = list(stdin)
        else:
            with open(args.files_from, encoding="utf-8", errors="surrogateescape") as fh:
                lines = list(fh)
        specs.extend(items_from_list((line.rstrip("\r\n") for line in lines), keep_suffix=args.keep_suffix))
    return list(expand_inputs(specs, exclude=output, keep_suffix=args.keep_suffix))


class Progress:
    """A tqdm bar on a terminal, plain periodic lines otherwise, nothing when quiet."""

    def __init__(self, total: int, *, quiet: bool, stream: IO[str]) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.failed = 0
        self.start = time.perf_counter()
        self.last_line = self.start
        self.bar: Any = None
        self.plain = False
        if quiet or total == 0:
            return
        if stream.isatty():
            from tqdm import tqdm

            # no monitor thread: the worker pool is forked from this process, which must then run one thread
            tqdm.monitor_interval = 0

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
        parts.append(f"{_count(warnings, 'warning')} in {_count(warned, 'input')}" if warnings else "no warnings")
        parts.append(f"{seconds:.1f} s, {rate:.1f} docs/s")
        lines.append(", ".join(parts))
    return lines


def _results(items: list[BatchItem], args: argparse.Namespace, options: dict[str, Any]) -> Iterator[BatchResult]:
    return convert_many(items, args.output, to=args.to or "json", jobs=args.jobs, skip_existing=args.skip_existing,
                        timeout=args.timeout or None, **options)


class _Manifest:
    """The JSON Lines manifest, written as results arrive. File names that are not UTF-8 are written as JSON
    ``\\udcXX`` escapes (``json.loads`` gives the name back exactly)."""

    def __init__(self, path: str, append: bool) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.file = open(path, "a" if append else "w", encoding="utf-8", errors="backslashreplace")

    def write(self, result: BatchResult) -> None:
        self.file.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        self.file.flush()

    def close(self) -> None:
        try:
            self.file.close()
        except OSError:
            pass


def run(args: argparse.Namespace) -> int:
    stdin: Any = getattr(args, "stdin", None) or sys.stdin
    stdout: Any = getattr(args, "stdout", None) or sys.stdout
    stderr: IO[str] = getattr(args, "stderr", None) or sys.stderr
    if args.jobs is not None and args.jobs < 1:
        return _usage("--jobs must be at least 1")
    if args.timeout is not None and args.timeout < 0:
        return _usage("--timeout must be 0 (no limit) or a number of seconds")
    if not args.inputs and not args.files_from:
        return _usage("give an input (a file, folder, glob pattern, or - for standard input) or --files-from")
    if args.inputs.count("-") and (len(args.inputs) > 1 or args.files_from):
        return _usage("- (a document on standard input) is converted alone")
    if args.files_from == "-" and "-" in args.inputs:
        return _usage("standard input can hold the document or the list of paths, not both")
    try:
        options = _options(args)
    except ValueError as exc:
        return _usage(str(exc))
    if _one_document(args):
        return _convert_document(args, options, stdin, stdout)
    if args.output in (None, "-"):
        return _usage("several inputs, a folder or a glob are written to a folder: give -o OUTDIR")
    if "-" in args.inputs:
        return _usage("a document on standard input goes to standard output or to -o FILE.json / FILE.docx")
    if _format_of_file(args.output) is not None and not args.output.endswith("/"):
        return _usage(f"-o {args.output} names one file, but several inputs are given: give -o OUTDIR")
    if _names_a_foreign_file(args.output):
        return _usage(f"-o {args.output} names a {Path(args.output).suffix.lstrip('.').lower()} file, which is not "
                      f"an output format ({', '.join(WRITERS)}); for a folder of that name, end it with /")
    try:
        items = _plan(args, stdin, args.output)
        results_iter = _results(items, args, options)
    except (BulletinFormatError, TypeError, ValueError, OSError) as exc:
        return _usage(str(exc))
    if not items:
        return _usage("no input files found in " + " ".join(args.inputs or [args.files_from]))
    from ..pool import forked_workers

    # The command owns its process: a pool's workers are forked from it, once it has converted the first inputs
    # (everything imported and prepared), in milliseconds (pool.py).
    with forked_workers():
        return _run_batch(args, items, results_iter, stderr)


def _run_batch(args: argparse.Namespace, items: list[BatchItem], results_iter: Iterator[BatchResult],
               stderr: IO[str]) -> int:
    results: list[BatchResult] = []
    progress = Progress(len(items), quiet=args.quiet, stream=stderr)
    _Handler.write = progress.write
    start = time.perf_counter()
    interrupted: KeyboardInterrupt | None = None
    manifest: _Manifest | None = None
    manifest_failed: OSError | None = None
    if args.manifest:
        try:
            manifest = _Manifest(args.manifest, append=args.skip_existing)
        except OSError as exc:
            _Handler.write = None
            return _usage(f"cannot write the manifest: {exc}")

    def handle(result: BatchResult) -> bool:
        """Record one result; False to stop the batch."""
        nonlocal manifest_failed
        results.append(result)
        if manifest is not None and manifest_failed is None:
            try:
                manifest.write(result)
            except OSError as exc:  # a full disk: a batch that cannot record what it did must stop
                manifest_failed = exc
                return False
        progress.update(result)
        status = "skipped" if result.skipped else ("ok" if result.ok else f"FAILED {result.error_type}")
        extra = f" ({_count(len(result.warnings), 'warning')})" if result.warnings else ""
        log.info("%s: %s%s", status, result.input, extra)
        if not result.ok and args.fail_fast:
            progress.write(f"stopping at the first failure (--fail-fast): {result.input}")
            return False
        return True

    try:
        try:
            for result in results_iter:
                if not handle(result):
                    break
        except KeyboardInterrupt as exc:
            interrupted = exc
            # report the conversions still running: their files get written, so they belong in the manifest
            drain = getattr(results_iter, "throw", None)
            if drain is not None:
                try:
                    handle(drain(KeyboardInterrupt))
                    for result in results_iter:
                        handle(result)
                except (KeyboardInterrupt, StopIteration):
                    pass
    finally:
        # closes the generator: pending work is cancelled and the worker pool shut down
        getattr(results_iter, "close", lambda: None)()
        progress.close()
        _Handler.write = None
        if manifest is not None:
            manifest.close()
    for line in _summary(results, time.perf_counter() - start, interrupted=interrupted is not None,
                         quiet=args.quiet):
        print(line, file=stderr)
    if manifest_failed is not None:
        reason = manifest_failed.strerror or manifest_failed
        print(f"bulletin-format convert: cannot write the manifest {args.manifest} ({reason}): stopped; the outputs "
              f"written so far are complete, the manifest holds the first {len(results) - 1} results", file=stderr)
        return 1
    if interrupted is not None:
        print(f"{'terminated' if interrupted_status(interrupted) == 143 else 'interrupted'}: rerun with "
              "--skip-existing to finish the job", file=stderr)
        return interrupted_status(interrupted)
    return 1 if any(not r.ok for r in results) else 0

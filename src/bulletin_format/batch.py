"""Batch conversion at archive scale: many inputs → JSON/DOCX files, in parallel, one result record per input.

    import bulletin_format as bf
    for result in bf.convert_many(["archive/"], "out", to=("json", "docx")):
        print(result.to_dict())

``convert_many`` runs the work on any ``concurrent.futures.Executor``: by default a process pool sized to the
machine (``pool.py``: workers that die with their parent and cannot be held by one input for ever), or no
pool at all when the batch is too small to pay for one; ``dask.distributed.Client(...).get_executor()`` or a
Ray executor work unchanged, because the work function (``convert_chunk``) is a picklable top-level function
that takes and returns plain data.

Output names are predictable (docs/scale.md, "Output names"): the input's path below the folder it was
found in, its suffix replaced by the format's (``2023/a.html`` → ``OUT/2023/a.json``), or with
``keep_suffix=True`` kept before it (``OUT/2023/a.html.json``); no name depends on which other files exist,
and two inputs that would share an output fail visibly (``OutputCollisionError``) instead of overwriting.
With several inputs each folder's tree goes under the folder's own name. Every output is written
atomically, so an interrupted run leaves no half-written file and a rerun with ``skip_existing=True``
finishes the job.
"""

from __future__ import annotations

import glob
import logging
import os
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, wait
from dataclasses import asdict, dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, Union

from .errors import (
    BulletinFormatError,
    ConversionTimeoutError,
    OptionError,
    OutputError,
    OutputFormatError,
    OutsideInputTreeError,
    ProcessPoolError,
    UnknownOptionError,
    UnsupportedSourceError,
    WorkerError,
    WriterError,
)
from .pool import (
    MAIN_GUARD_NOTE,
    bootstrapping,
    default_executor,
    end_workers,
    main_guard_missing,
    note_start,
    notes_folder,
    read_notes,
    task_done,
    task_started,
    time_limit,
)
from .pool import start_method as pool_start_method
from .pool import start_seconds as pool_start_seconds
from .writers import EXTENSIONS, WRITERS

_GLOB_CHARS = frozenset("*?[")
log = logging.getLogger(__name__)

def printable_path(path: str | os.PathLike[str]) -> str:
    """``readers.printable_path`` (the readers are imported when a path is first shown: planning a batch,
    or ``bulletin-format --help``, needs none of them)."""
    from .readers import printable_path as printable

    return printable(path)


DEFAULT_TIMEOUT = 600.0  # seconds per input: over 3x the slowest 10 MB measured (a table to DOCX; docs/scale.md)
# What converting an input costs on one core, before any is converted: a part per input and format (reading the
# file, writing the output through a temporary file, fsync and a rename) and a part per input byte; fitted on
# the distinct real-sized documents of benchmarks/gen_distinct.py (docs/performance.md, "Batches"). Only the
# ratios between inputs matter much: the first inputs, converted in the calling process, measure what they
# cost on this machine (the probe below), and every estimate is scaled by that.
# Writers that may add to the Document's warnings (the DOCX writer: ``date_only_in_page_facts``) write first, so
# that the JSON and text outputs of the same run carry what they said; outputs are still listed as asked.
WARNING_WRITERS = frozenset({"docx"})
SECONDS_PER_INPUT = {"json": 0.0025, "docx": 0.0045}
SECONDS_PER_BYTE = {"json": 1.1e-7, "docx": 4e-7}
# The probe: without jobs=1 or an executor, the inputs estimated cheapest (among those planned ahead) are converted
# first, in the calling process — the first pays the imports, the next ones tell what an input costs here against
# its estimate — until this much time has gone to the ones after the first. A batch that ends within the probe
# never starts a pool; a large input never holds the batch in one process while it is measured.
PROBE_SECONDS = 0.05
PROBE_MAX_SECONDS = 0.5  # nor longer than this in all (a first input that takes longer is a batch worth a pool)
# ... unless, after the first input, the inputs planned ahead pay for a pool even if their estimates were this many
# times too high (and no lower than the first input's measure, imports included, allows): the other inputs then go
# to the workers at once instead of being converted here, one after the other, while a CPU waits. The estimates err
# the other way on this machine (the probe's inputs of 400 distinct documents cost 2.6-4.6x their estimates with
# both CPUs shared, load 6); 4 keeps for the probe a batch that a machine 4x faster than ours might not pay for.
ESTIMATE_DOUBT = 4.0
# A pool is started when it saves this many times what starting it costs (the estimates are rough, and a pool
# that only breaks even is not worth its processes).
POOL_MARGIN = 2.0
# Inputs are planned (stat'd, estimated) this far ahead of the work: enough to know that a batch is worth a
# pool, and to make its last tasks small; never more inputs than LOOKAHEAD_INPUTS held in memory.
LOOKAHEAD_SECONDS = 30.0
LOOKAHEAD_INPUTS = 100_000
# The own pool's tasks hold inputs estimated at this much work: a task's round trip (~0.3 ms of pickling and
# pipes) is then under 1 %, yet a worker never waits long for the next one. Near the end of a batch tasks shrink,
# so that each worker has TAIL_TASKS_PER_WORKER of them left and none idles while another finishes a long one.
CHUNK_SECONDS = 0.05
TAIL_TASKS_PER_WORKER = 3
MAX_UNEXPLAINED_DEATHS = 2  # an input in flight when a worker died this often, with no note why, has failed


class OutputCollisionError(BulletinFormatError):
    """Two inputs of one batch would be written to the same output file."""


@dataclass(frozen=True)
class BatchItem:
    """One input file and the output name it is written under.

    ``name`` is relative to the output folder, '/'-separated, without suffix; each format adds its own:
    ``sub/report`` → ``OUT/sub/report.json`` and ``OUT/sub/report.docx``. ``within``: the folder the input
    was found in; an input that resolves outside it (a symbolic link out of the tree) is refused.
    """

    path: str
    name: str
    within: str | None = None


@dataclass
class BatchResult:
    """What happened to one input of a batch (one line of the JSON Lines manifest).

    ``outputs`` lists the files written; when one format failed and another was written, ``error_type`` and
    ``error`` name the failure and ``outputs`` the files that were written all the same."""

    input: str
    outputs: list[str] = field(default_factory=list)
    encoding: str | None = None
    kind: str | None = None
    warnings: list[str] = field(default_factory=list)
    error_type: str | None = None
    error: str | None = None
    seconds: float = 0.0
    skipped: bool = False  # every output already existed (``skip_existing``): nothing was done

    @property
    def ok(self) -> bool:
        return self.error_type is None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.ok
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BatchResult:
        fields = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in fields})


InputSpec = Union[str, "os.PathLike[str]", bytes, BatchItem]
Task = tuple[str, str, str | None]  # (path, name, within): what a worker is sent for one input


def _failed(path: str, error: BulletinFormatError, **extra: Any) -> dict[str, Any]:
    return {"input": path, "error_type": type(error).__name__, "error": str(error), **extra}


# ---------------------------------------------------------------------------------------------------------
# Planning: inputs (files, folders, globs) → BatchItems with predictable output names


def _is_glob(text: str) -> bool:
    return any(c in _GLOB_CHARS for c in text)


def _glob_base(pattern: str) -> Path:
    """The folder part of a glob pattern before its first wildcard: ``data/**/*.html`` → ``data``."""
    parts = Path(pattern).parts
    base: list[str] = []
    for part in parts[:-1]:
        if _is_glob(part):
            break
        base.append(part)
    return Path(*base) if base else Path(".")


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def output_name(rel: Path, keep_suffix: bool = False) -> str:
    """The output name of an input at ``rel``: without its suffix (``a.html`` → ``a``), or whole."""
    return (rel if keep_suffix or not rel.suffix else rel.with_suffix("")).as_posix()


def name_files(files: Sequence[Path], base: Path, prefix: str = "", keep_suffix: bool = False) -> list[BatchItem]:
    """Output names for ``files``: the path relative to ``base``, under ``prefix`` (see ``output_name``)."""
    items = []
    for f in files:
        try:
            rel = f.relative_to(base)
        except ValueError:
            rel = Path(f.name)
        items.append(BatchItem(str(f), prefix + output_name(rel, keep_suffix)))
    return items


def _one_spec(spec: object) -> str | BatchItem:
    if isinstance(spec, BatchItem):
        return spec
    if isinstance(spec, bytes):
        return os.fsdecode(spec)  # a file name as bytes (os.listdir(b".")): not UTF-8 names stay exact
    if isinstance(spec, (str, os.PathLike)):
        return os.fspath(spec)
    raise UnsupportedSourceError(
        f"convert_many takes paths, not a {type(spec).__name__}",
        hint="give files, folders or glob patterns; convert one document's bytes or text with convert()",
    )


def _specs(inputs: Iterable[InputSpec] | InputSpec) -> Iterator[str | BatchItem]:
    """``inputs`` as a stream of specs; one path (a str, not a list of its characters) is one input."""
    if isinstance(inputs, (str, os.PathLike, BatchItem)):
        return iter([_one_spec(inputs)])
    if isinstance(inputs, (bytes, bytearray, memoryview)) or hasattr(inputs, "read"):
        raise UnsupportedSourceError(
            f"convert_many takes paths, not a {type(inputs).__name__} of content",
            hint="convert one document's bytes or file object with convert(), or give convert_many its path",
        )
    if not isinstance(inputs, Iterable):
        raise UnsupportedSourceError(f"convert_many takes paths, not a {type(inputs).__name__}",
                                     hint="give a list of files, folders or glob patterns")
    return (_one_spec(spec) for spec in inputs)


def _top_name(folder: Path) -> str:
    return folder.resolve().name or "root"


def expand_inputs(
    inputs: Iterable[InputSpec] | InputSpec, *, exclude: str | os.PathLike[str] | None = None,
    keep_suffix: bool = False,
) -> Iterator[BatchItem]:
    """Files, folders (recursive, hidden files skipped) and glob patterns → BatchItems, lazily per input.

    One input: a folder's (or a glob's) tree is named below it. Several inputs: each folder's tree goes under
    the folder's own name (``a/`` and ``b/`` → ``OUT/a/…``, ``OUT/b/…``), each glob's under its fixed
    folder's name, and files under their file name. Files under ``exclude`` (the output folder) are left out
    of folders and globs, so converting a folder into a sub-folder of itself never reads its own outputs.
    Anything that is not a folder is passed through (a missing file, a FIFO, a symbolic link leading out of
    its folder), so that it fails with a clear error in its own result record instead of vanishing.
    """
    skip = Path(exclude).resolve() if exclude is not None else None
    specs = _specs(inputs)
    head = list(islice(specs, 2))
    several = len(head) > 1
    for spec in chain(head, specs):
        if isinstance(spec, BatchItem):
            yield spec
            continue
        path = Path(spec)
        if path.is_dir():
            yield from _walk(path, f"{_top_name(path)}/" if several else "", skip, keep_suffix)
        elif not path.exists() and not path.is_symlink() and _is_glob(spec):
            base = _glob_base(spec)
            root = _real(base)
            files = sorted(f for f in map(Path, glob.glob(spec, recursive=True))
                           if not f.is_dir() and not _excluded(f, skip))
            prefix = f"{_top_name(base)}/" if several else ""
            named = name_files(files, base, prefix, keep_suffix)
            yield from (BatchItem(i.path, i.name, str(root)) for i in named)
        else:
            yield BatchItem(spec, output_name(Path(path.name or spec), keep_suffix))


def _real(path: str | Path) -> Path:
    """Where ``path`` leads, links followed (a link loop gives up without raising, unlike Path.resolve)."""
    return Path(os.path.realpath(path))


def _excluded(f: Path, skip: Path | None) -> bool:
    return skip is not None and _real(f).is_relative_to(skip)


def _walk(folder: Path, prefix: str, skip: Path | None, keep_suffix: bool) -> Iterator[BatchItem]:
    """Every non-folder entry below ``folder`` (hidden ones skipped; links to folders are not followed)."""
    root = _real(folder)
    inner_skip = skip if skip is not None and skip.is_relative_to(root) else None
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder)
        if _hidden(rel):
            continue
        if f.is_dir():
            if f.is_symlink() and not _real(f).is_relative_to(root):
                yield BatchItem(str(f), prefix + output_name(rel, keep_suffix), str(root))  # refused, recorded
            continue
        if _excluded(f, inner_skip):
            continue
        yield BatchItem(str(f), prefix + output_name(rel, keep_suffix), str(root))


def items_from_list(paths: Iterable[str], keep_suffix: bool = False) -> list[BatchItem]:
    """A list of file paths (e.g. read from stdin) → BatchItems mirroring the tree below their common folder."""
    files = [Path(p) for p in paths if p.strip()]
    if not files:
        return []
    try:
        base = Path(os.path.commonpath([str(f.parent.resolve()) for f in files]))
        resolved = [f.resolve() for f in files]
    except ValueError:  # different drives on Windows
        return [BatchItem(str(f), output_name(Path(f.name), keep_suffix)) for f in files]
    named = name_files(resolved, base, keep_suffix=keep_suffix)
    return [BatchItem(str(f), item.name) for f, item in zip(files, named, strict=True)]


# ---------------------------------------------------------------------------------------------------------
# Options: which belong to parse, which to each writer


def split_options(formats: Sequence[str], options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Split ``options`` into parse options and per-format writer options.

    A writer gets only the options its ``write`` function accepts. An option that neither parse nor any
    registered writer accepts raises ``UnknownOptionError`` (a typo should not be silently ignored).
    """
    from .api import parse_option_names, writer_option_names

    parse_keys = parse_option_names()
    parse_options = {k: v for k, v in options.items() if k in parse_keys}
    rest = {k: v for k, v in options.items() if k not in parse_keys}
    if not rest:  # no writer option (the usual batch): no writer imported to read its signature
        return parse_options, {fmt: {} for fmt in formats}
    accepted = {fmt: writer_option_names(fmt) for fmt in WRITERS}  # None: takes any option
    unknown = [k for k in rest if not any(a is None or k in a for a in accepted.values())]
    if unknown:
        raise UnknownOptionError(f"unknown option(s): {', '.join(sorted(unknown))}")
    writer_options = {}
    for fmt in formats:
        takes = accepted[fmt]
        writer_options[fmt] = {k: v for k, v in rest.items() if takes is None or k in takes}
    return parse_options, writer_options


def _formats(to: str | Sequence[str]) -> tuple[str, ...]:
    names = [to] if isinstance(to, str) else list(to)
    formats = tuple(f.strip() for name in names for f in str(name).split(",") if f.strip())
    bad = [f for f in formats if f not in WRITERS]
    if bad or not formats:
        raise OutputFormatError(
            f"unknown output format(s) {', '.join(map(repr, bad)) or '(none given)'}",
            hint=f"use one or more of: {', '.join(WRITERS)}",
        )
    return tuple(dict.fromkeys(formats))


def output_paths(output_dir: str | os.PathLike[str], name: str, formats: Sequence[str]) -> list[Path]:
    """Where an input named ``name`` is written, one path per format."""
    return [Path(output_dir) / (name + EXTENSIONS[fmt]) for fmt in formats]


def _check_timeout(timeout: object) -> float | None:
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0:
        raise OptionError(f"timeout must be a positive number of seconds or None, not {timeout!r}")
    return float(timeout)


# ---------------------------------------------------------------------------------------------------------
# The work function (runs in a worker process: top-level, plain data in and out)


def _check_within(path: str, within: str) -> None:
    real = _real(path)
    if not real.is_relative_to(within):
        raise OutsideInputTreeError(
            f"a symbolic link that leads out of the input folder (to {printable_path(real)}); not followed",
            source=printable_path(path), hint="name the file it leads to as an input if you mean to convert it",
        )


def convert_one(
    path: str,
    name: str,
    output_dir: str,
    formats: Sequence[str],
    parse_options: dict[str, Any],
    writer_options: dict[str, dict[str, Any]],
    timeout: float | None = None,
    within: str | None = None,
) -> dict[str, Any]:
    """Parse one file and write it in every format; never raises for a bad input (the error is in the record).

    One format failing does not cost the others: each is rendered and written on its own, and the record
    lists what was written next to the error of what was not."""
    from .api import parse
    from .writers import write_file

    for fmt in formats:  # a process's first input imports its writers before its time limit starts, not within
        WRITERS[fmt]
    start = time.perf_counter()
    shown = printable_path(path)
    outputs: list[str] = []
    record: dict[str, Any] = {"input": path, "outputs": outputs}
    task_started(shown, timeout)
    try:
        with time_limit(timeout, shown):
            if within is not None:
                _check_within(path, within)
            doc = parse(Path(path), **parse_options)
            record["encoding"] = doc.source.encoding
            record["kind"] = doc.kind
            failures: list[tuple[str, BulletinFormatError]] = []
            paths = output_paths(output_dir, name, formats)
            planned = zip(formats, paths, strict=True)
            for fmt, out in sorted(planned, key=lambda pair: pair[0] not in WARNING_WRITERS):
                try:
                    write_file(doc, fmt, out, **writer_options.get(fmt, {}))  # JSON streamed into the file
                    outputs.append(str(out))
                except ConversionTimeoutError:
                    raise
                except BulletinFormatError as exc:
                    failures.append((fmt, exc))
                except Exception as exc:  # a writer's bug, on this document: the other formats still go out
                    failures.append((fmt, WriterError(f"the {fmt} writer failed ({type(exc).__name__}: {exc})",
                                                      source=shown, hint="please report it with this input")))
            asked = {str(out): i for i, out in enumerate(paths)}
            outputs.sort(key=asked.__getitem__)
            record["warnings"] = list(doc.warnings)  # after rendering: writers may add warnings
            if failures:
                record["error_type"] = type(failures[0][1]).__name__
                record["error"] = "; ".join(f"{fmt}: {exc}" for fmt, exc in failures)
    except Exception as exc:  # one bad file (or a bug it triggers) must never stop the batch
        record["error_type"] = type(exc).__name__
        record["error"] = str(exc) if isinstance(exc, BulletinFormatError) else f"{shown}: {exc}"
    finally:
        task_done()
    record["seconds"] = round(time.perf_counter() - start, 6)
    return record


def convert_chunk(
    items: Sequence[tuple[Any, ...]],
    output_dir: str,
    formats: Sequence[str],
    parse_options: dict[str, Any],
    writer_options: dict[str, dict[str, Any]],
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """``convert_one`` over several ``(path, name)`` or ``(path, name, within)`` tuples: one task per chunk
    cuts scheduling overhead."""
    return [
        convert_one(item[0], item[1], output_dir, formats, parse_options, writer_options, timeout,
                    item[2] if len(item) > 2 else None)
        for item in items
    ]


# ---------------------------------------------------------------------------------------------------------
# convert_many


def convert_many(
    inputs: Iterable[InputSpec] | InputSpec,
    output_dir: str | os.PathLike[str],
    to: str | Sequence[str] = ("json", "docx"),
    executor: Executor | None = None,
    *,
    jobs: int | None = None,
    skip_existing: bool = False,
    chunk_size: int | None = None,
    max_pending: int | None = None,
    timeout: float | None = DEFAULT_TIMEOUT,
    keep_suffix: bool = False,
    **options: Any,
) -> Iterator[BatchResult]:
    """Convert many inputs; yield one ``BatchResult`` per input as they finish (not in input order).

    ``inputs``: a file, a folder or a glob pattern, or an iterable of them (files as ``str``, ``PathLike`` or
    ``bytes``; folders are read recursively and their tree is mirrored under ``output_dir``), or
    ``BatchItem``s. ``to``: output formats. ``executor``: any ``concurrent.futures.Executor``; by default a
    process pool of at most ``jobs`` workers (default one per CPU), shut down at the end. The inputs
    estimated cheapest are converted first, in this process, to measure what they cost here: a batch that
    ends there, or whose rest costs less than a pool saves (``pool_pays``: the estimate of every input, from
    its size, against what starting a pool costs), starts none. ``jobs=1`` without an executor converts
    every input in this process. ``skip_existing``: inputs whose outputs all exist are not converted again
    (their record has ``skipped=True``). ``chunk_size``: inputs per task (default: the own pool's tasks hold
    about ``CHUNK_SECONDS`` of estimated work, fewer at the end; one input per task on a given executor —
    raise it for cluster executors, where a task costs milliseconds). ``max_pending``: tasks in flight (default 4 per
    worker), so that a million inputs never become a million futures. ``timeout``: seconds one input may take
    (None: no limit); an input over it fails with ``ConversionTimeoutError``. ``keep_suffix``: name outputs
    after the whole input name (``a.html.json``) instead of its stem (``a.json``), for folders holding
    ``a.html`` and ``a.txt``. Other keyword arguments are parse options (``normalize``, ``chinese``,
    ``opencc_config``, ``max_bytes``) or writer options (``profile`` for DOCX).

    Bad options or formats raise here, before any work; a bad input never raises, its record holds the
    error. Closing the iterator early (``break``, Ctrl-C) cancels pending work and shuts the own pool down.

    The default pool starts its workers with ``forkserver`` (``spawn`` where there is none), which imports the
    calling script again in each worker: a script that calls this keeps its top-level code under
    ``if __name__ == "__main__":`` (without it, ``ProcessPoolError`` says so). A program that owns its process
    may have them forked from it instead (``with pool.forked_workers():``, as the command line does).
    """
    if bootstrapping():
        main_guard_missing()  # we are a new worker importing a script that has no __main__ guard
    from .api import check_options

    formats = _formats(to)
    parse_options, writer_options = split_options(formats, options)
    check_options(**parse_options)  # checked now, not once per input
    _preflight(writer_options)
    limit = _check_timeout(timeout)
    if chunk_size is not None and (isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1):
        raise OptionError(f"chunk_size must be a positive integer, not {chunk_size!r}")
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise OptionError(f"jobs must be a positive integer, not {jobs!r}")
    if Path(output_dir).exists() and not Path(output_dir).is_dir():
        raise OutputError("the output folder is a file", source=str(output_dir), hint="give a folder")
    items = expand_inputs(_specs(inputs), exclude=output_dir, keep_suffix=keep_suffix)  # _specs: fails here
    return _run(
        items, str(output_dir), formats, parse_options, writer_options,
        executor=executor, jobs=jobs, skip_existing=skip_existing, chunk_size=chunk_size, max_pending=max_pending,
        timeout=limit,
    )


def _preflight(writer_options: dict[str, dict[str, Any]]) -> None:
    """Render a tiny document with each writer's options, so a bad option (an unknown DOCX profile) fails
    once, here, instead of once per input."""
    from .api import render
    from .model import Article, Block, Document

    sample = Document(articles=[Article(title="预检", title_lines=["预检"], blocks=[Block("paragraph", "预检。")])])
    for fmt, opts in writer_options.items():
        if opts:
            try:
                render(sample, fmt, **opts)
            except (TypeError, ValueError, KeyError, OSError, BulletinFormatError) as exc:
                raise OptionError(f"{fmt} writer: {exc}") from exc


def estimated_seconds(path: str, formats: Sequence[str]) -> float:
    """What converting ``path`` to ``formats`` should take on one core, by the constants above."""
    try:
        size = os.stat(path).st_size
    except (OSError, ValueError):
        size = 0
    return sum(
        SECONDS_PER_INPUT.get(f, SECONDS_PER_INPUT["json"]) + size * SECONDS_PER_BYTE.get(f, SECONDS_PER_BYTE["json"])
        for f in formats
    )


def pays_surely(planned: float, probe: _Probe, workers: int) -> bool:
    """Whether the inputs planned after the first (``planned`` seconds by their estimates, a part of the batch
    or all of it) pay for a pool even if the estimates were ``ESTIMATE_DOUBT`` times too high, or as much too
    high as the first input's measure says (it took ``probe.first`` against its estimate, its imports and
    preparation included: an upper bound of what an input costs here against its estimate)."""
    scale = min(1.0, probe.scale) / ESTIMATE_DOUBT
    return pool_pays(planned * scale, pool_start_seconds(probe.first), workers)


def pool_pays(remaining: float, start: float, workers: int) -> bool:
    """Whether a pool of ``workers`` that takes ``start`` seconds to start saves ``POOL_MARGIN`` times that on
    ``remaining`` seconds of work (on one core), against converting it all in this process."""
    return workers > 1 and remaining * (1 - 1 / workers) > POOL_MARGIN * start


class _Ahead:
    """The tasks planned ahead of the work, each with its estimated cost (``estimated_seconds``)."""

    def __init__(self, tasks: Iterator[Task], formats: Sequence[str]) -> None:
        self.tasks = tasks
        self.formats = formats
        self.queue: deque[tuple[Task, float]] = deque()
        self.cost = 0.0  # estimated seconds of the tasks in the queue
        self.exhausted = False  # every task is in the queue (or done): the end of the batch is known

    def fill(self) -> None:
        while not self.exhausted and self.cost < LOOKAHEAD_SECONDS and len(self.queue) < LOOKAHEAD_INPUTS:
            task = next(self.tasks, None)
            if task is None:
                self.exhausted = True
                return
            cost = estimated_seconds(task[0], self.formats)
            self.queue.append((task, cost))
            self.cost += cost

    def pop(self) -> tuple[Task, float]:
        task, cost = self.queue.popleft()
        self.cost = max(0.0, self.cost - cost) if self.queue else 0.0
        return task, cost

    def pop_cheapest(self) -> tuple[Task, float]:
        """The task estimated cheapest among those planned (the first of them on a tie)."""
        at = min(range(len(self.queue)), key=lambda i: self.queue[i][1])
        task, cost = self.queue[at]
        del self.queue[at]
        self.cost = max(0.0, self.cost - cost) if self.queue else 0.0
        return task, cost

    def rest(self) -> Iterator[Task]:
        """Every task not taken yet, planned as it goes."""
        while True:
            self.fill()
            if not self.queue:
                return
            yield self.pop()[0]

    def chunks(self, workers: int, scale: float) -> Iterator[list[Task]]:
        """Tasks of about ``CHUNK_SECONDS`` of work each (estimates times ``scale``, what the probe measured),
        smaller at the end of the batch. Once the end of the batch is known, the inputs left go largest first
        (the longest-processing-time rule): the last tasks hold the smallest inputs, so that the workers end
        together instead of one finishing a large input while the other waits."""
        ordered = False
        while True:
            self.fill()
            if not self.queue:
                return
            if self.exhausted and not ordered:
                self.queue = deque(sorted(self.queue, key=lambda pair: -pair[1]))  # stable: ties keep their order
                ordered = True
            target = CHUNK_SECONDS / scale
            if self.exhausted:
                target = min(target, self.cost / (TAIL_TASKS_PER_WORKER * workers))
            chunk: list[Task] = []
            cost = 0.0
            while self.queue and (not chunk or cost + self.queue[0][1] <= target):
                task, task_cost = self.pop()
                chunk.append(task)
                cost += task_cost
            yield chunk


@dataclass
class _Probe:
    """What the inputs measured first, in this process, took against their estimates."""

    count: int = 0  # inputs measured
    first: float = 0.0  # seconds the first one took (with the imports and preparation of a process)
    first_estimate: float = 0.0
    seconds: float = 0.0  # the ones after it
    estimate: float = 0.0
    spent: float = 0.0

    def done(self) -> bool:
        return self.spent > 0 and (self.spent >= PROBE_MAX_SECONDS or self.seconds >= PROBE_SECONDS)

    def add(self, seconds: float, estimate: float) -> None:
        self.count += 1
        if self.count == 1:
            self.first, self.first_estimate = seconds, estimate
        else:
            self.seconds += seconds
            self.estimate += estimate
        self.spent += seconds

    @property
    def scale(self) -> float:
        """Measured ÷ estimated: what an input costs here against its estimate (from the first alone, with its
        imports, when it was the only one: an overestimate, on the side of a pool)."""
        if self.estimate > 0:
            return max(self.seconds / self.estimate, 1e-3)
        return max(self.first / self.first_estimate, 1e-3) if self.first_estimate > 0 else 1.0

    @property
    def preparation(self) -> float:
        """What the first conversion took over its share: imports and a process's preparation."""
        return max(0.0, self.first - self.scale * self.first_estimate)


def _tasks(
    items: Iterator[BatchItem], output_dir: str, formats: Sequence[str], skip_existing: bool,
    early: deque[BatchResult],
) -> Iterator[Task]:
    """The items to convert; collisions and already-converted items go to ``early``."""
    seen: set[str] = set()
    for item in items:
        key = os.path.normcase(item.name)
        if key in seen:
            exc = OutputCollisionError(
                f"output name {item.name!r} is already used by another input of this batch",
                source=printable_path(item.path),
                hint="inputs that differ only in their suffix (a.html, a.txt) need keep_suffix=True "
                "(--keep-suffix); files of different folders: give their common folder, or --files-from",
            )
            early.append(BatchResult.from_dict(_failed(item.path, exc)))
            continue
        seen.add(key)
        if skip_existing:
            outs = output_paths(output_dir, item.name, formats)
            if all(p.exists() for p in outs):
                early.append(BatchResult(item.path, outputs=[str(p) for p in outs], skipped=True))
                continue
        yield (item.path, item.name, item.within)


def _chunked(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _run(
    items: Iterator[BatchItem],
    output_dir: str,
    formats: tuple[str, ...],
    parse_options: dict[str, Any],
    writer_options: dict[str, dict[str, Any]],
    *,
    executor: Executor | None,
    jobs: int | None,
    skip_existing: bool,
    chunk_size: int | None,
    max_pending: int | None,
    timeout: float | None,
) -> Iterator[BatchResult]:
    early: deque[BatchResult] = deque()
    args = (output_dir, formats, parse_options, writer_options, timeout)
    tasks = _tasks(items, output_dir, formats, skip_existing, early)
    if executor is not None:
        yield from _Scheduler(executor, jobs, max_pending, args).run(_chunked(tasks, chunk_size or 1), early)
        return
    workers = jobs or os.cpu_count() or 1
    if workers == 1:
        yield from _in_process(tasks, chunk_size or 1, args, early)
        return
    ahead = _Ahead(tasks, formats)
    probe = _Probe()
    while not probe.done():  # the cheapest inputs here first: what they cost on this machine
        ahead.fill()
        if not ahead.queue:
            break
        task, estimate = ahead.pop_cheapest()
        started = time.perf_counter()
        records = convert_chunk([task], *args)
        probe.add(time.perf_counter() - started, estimate)
        while early:
            yield early.popleft()
        for record in records:
            yield BatchResult.from_dict(record)
        if probe.count == 1:
            ahead.fill()
            if ahead.queue and pays_surely(ahead.cost, probe, workers):
                # the first input has imported and prepared what the workers inherit: fork them now
                start = pool_start_seconds(probe.first)
                log.debug("%s", f"{probe.spent:.2f} s for the input measured first, {ahead.cost:.2f} s estimated "
                          f"for the {len(ahead.queue)} planned after it (worth a pool at {1 / ESTIMATE_DOUBT:g} of "
                          f"that): a pool of {workers} worker(s), started by {pool_start_method()} in about "
                          f"{start:.2f} s")
                # tasks sized as if the inputs cost up to ESTIMATE_DOUBT times their estimates, as the probe
                # measures them on a loaded machine: under a load of 5-7, such tasks (two or three inputs) made
                # the batch 12% faster than tasks of CHUNK_SECONDS by the estimates (7 of 10 paired runs); idle,
                # a task's round trip is still ~2% of its work
                scale = min(probe.scale, ESTIMATE_DOUBT)
                chunks = _chunked(ahead.rest(), chunk_size) if chunk_size else ahead.chunks(workers, scale)
                yield from _Scheduler(None, workers, max_pending, args).run(chunks, early)
                return
    ahead.fill()
    remaining = probe.scale * ahead.cost if ahead.exhausted else float("inf")
    start = pool_start_seconds(probe.preparation)
    if not ahead.queue or not pool_pays(remaining, start, workers):
        log.debug("%s", f"{probe.spent:.2f} s for the inputs measured first, {remaining:.2f} s estimated for "
                  f"the other {len(ahead.queue)}: no pool (it would take {start:.2f} s to start)")
        yield from _in_process(ahead.rest(), 1, args, early)
        return
    log.debug("%s", f"{probe.spent:.2f} s for the inputs measured first, {remaining:.2f} s estimated for the "
              f"others: a pool of {workers} worker(s), started by {pool_start_method()} in about {start:.2f} s")
    chunks = _chunked(ahead.rest(), chunk_size) if chunk_size else ahead.chunks(workers, probe.scale)
    yield from _Scheduler(None, workers, max_pending, args).run(chunks, early)


def _in_process(tasks: Iterator[Task], chunk_size: int, args: tuple[Any, ...],
                early: deque[BatchResult]) -> Iterator[BatchResult]:
    for chunk in _chunked(tasks, chunk_size):
        while early:
            yield early.popleft()
        for record in convert_chunk(chunk, *args):
            yield BatchResult.from_dict(record)
    while early:
        yield early.popleft()


class _Scheduler:
    """Keeps up to ``max_pending`` chunks in flight on an executor and turns every answer into records.

    With its own pool it also survives the pool breaking (a worker killed from outside, out of memory, or
    ended by the hard time limit): the inputs the dead worker was converting are reported (timed out, when
    its note says so) and the others in flight are sent again to a fresh pool; inputs in flight at an
    unexplained death are sent again one at a time, and fail with ``WorkerError`` at the second."""

    def __init__(self, executor: Executor | None, jobs: int | None, max_pending: int | None,
                 args: tuple[Any, ...]) -> None:
        self.own = executor is None
        self.jobs = jobs
        self.method = pool_start_method() if executor is None else ""
        self.made = time.perf_counter()
        self.pool: Executor = default_executor(jobs) if executor is None else executor
        workers = getattr(self.pool, "_max_workers", None) or jobs or os.cpu_count() or 1
        self.limit = max_pending or 4 * workers
        self.args = args
        self.pending: dict[Future[list[dict[str, Any]]], list[Task]] = {}
        self.requeue: deque[Task] = deque()  # in flight when a worker was ended for another input: send again
        self.suspects: deque[Task] = deque()  # in flight at an unexplained death: send again, one at a time
        self.suspect_in_flight: Future[list[dict[str, Any]]] | None = None
        self.deaths: dict[str, int] = {}
        self.answered = False  # the pool has answered at least once (else repeated breaks: it cannot start)
        self.breaks = 0

    def run(self, chunks: Iterator[list[Task]], early: deque[BatchResult]) -> Iterator[BatchResult]:
        completed = False
        try:
            fresh_done = False
            while True:
                while len(self.pending) < self.limit:
                    chunk = None
                    if self.requeue:
                        chunk = [self.requeue.popleft()]
                    elif self.suspects and self.suspect_in_flight is None:
                        chunk = [self.suspects.popleft()]
                    elif not fresh_done:
                        chunk = next(chunks, None)
                        fresh_done = chunk is None
                    if chunk is None:
                        break
                    yield from self._submit(chunk)
                while early:
                    yield early.popleft()
                if not self.pending:
                    if fresh_done and not self.requeue and not self.suspects:
                        break
                    continue
                try:
                    done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
                except KeyboardInterrupt:
                    yield from self._drain()
                    raise
                for future in done:
                    if future in self.pending:  # (a break handled for an earlier one took the others)
                        yield from self._answered(future)
            completed = True
        except KeyboardInterrupt:  # thrown in at a yield by a caller that wants the running ones reported
            yield from self._drain()
            raise
        finally:
            for future in self.pending:
                future.cancel()
            if self.own:
                if getattr(self.pool, "_broken", False):
                    end_workers(self.pool)
                # after an interruption, don't wait for the queue: running tasks finish (their writes are atomic)
                self.pool.shutdown(wait=True, cancel_futures=not completed)

    def _submit(self, chunk: list[Task]) -> Iterator[BatchResult]:
        try:
            future = self.pool.submit(convert_chunk, chunk, *self.args)
        except (BrokenExecutor, RuntimeError, OSError, EOFError) as exc:
            if not self.own:
                yield from self._worker_failed(chunk, exc)
            else:
                yield from self._pool_broke([], not_in_flight=chunk)
            return
        self.pending[future] = chunk
        if len(chunk) == 1 and chunk[0][0] in self.deaths and self.suspect_in_flight is None:
            self.suspect_in_flight = future

    def _answered(self, future: Future[list[dict[str, Any]]]) -> Iterator[BatchResult]:
        chunk = self.pending.pop(future)
        if future is self.suspect_in_flight:
            self.suspect_in_flight = None
        try:
            records = future.result()
        except BrokenExecutor as exc:
            if self.own:
                yield from self._pool_broke([chunk], not_in_flight=[])
            else:
                yield from self._worker_failed(chunk, exc)
            return
        except Exception as exc:  # the task could not be sent or its answer not read (a cluster executor)
            yield from self._worker_failed(chunk, exc)
            return
        if self.own and not self.answered:  # what starting the pool took: to its first answer, less the work
            note_start(self.method, time.perf_counter() - self.made - sum(r.get("seconds", 0.0) for r in records))
        self.answered = True
        for record in records:
            yield BatchResult.from_dict(record)

    def _worker_failed(self, chunk: list[Task], exc: BaseException) -> Iterator[BatchResult]:
        for path, _, _ in chunk:
            error = WorkerError(f"the worker failed ({type(exc).__name__}: {exc})", source=printable_path(path),
                                hint="convert it again; if it fails again, convert it alone with jobs=1")
            yield BatchResult.from_dict(_failed(path, error))

    def _pool_broke(self, broken: list[list[Task]], not_in_flight: list[Task]) -> Iterator[BatchResult]:
        """The own pool broke: every future of it fails (or has its answer); collect them, name what the
        notes explain, send the rest again to a fresh pool."""
        for future in wait(self.pending).done:
            chunk = self.pending.pop(future)
            try:
                records = future.result()
            except Exception:
                broken.append(chunk)
                continue
            self.answered = True
            for record in records:
                yield BatchResult.from_dict(record)
        self.suspect_in_flight = None
        self.requeue.extend(not_in_flight)
        for record in self._restart(broken):
            yield BatchResult.from_dict(record)

    def _restart(self, broken: list[list[Task]]) -> list[dict[str, Any]]:
        folder = notes_folder()
        guard = read_notes(folder, MAIN_GUARD_NOTE)
        self.breaks += 1
        end_workers(self.pool)
        if guard or (not self.answered and self.breaks >= 3):
            self.pool.shutdown(wait=False, cancel_futures=True)
            script = next((str(n["script"]) for n in guard if n.get("script")), "the script")
            cause = (f"{script} calls convert_many() at its top level, so every worker runs it again when it starts"
                     if guard else "its workers died before answering")
            raise ProcessPoolError(
                f"the worker pool could not start: {cause}",
                hint='keep the top-level code of the script under if __name__ == "__main__": (the default pool '
                "starts its workers with forkserver or spawn, which import the script again), or pass jobs=1",
            ) from None
        timed_out = {str(n.get("input")) for n in read_notes(folder, "timeout")}
        records = []
        for chunk in broken:
            for task in chunk:
                path = task[0]
                if printable_path(path) in timed_out:
                    error: BulletinFormatError = ConversionTimeoutError(
                        f"the conversion did not stop at its time limit of {self.args[4]:g} s (stuck in code the "
                        "limit cannot interrupt), so its worker was ended", source=printable_path(path),
                        hint="please report this input: it should convert, or fail, in time")
                    records.append(_failed(path, error))
                elif timed_out:  # the break is explained: the others were only caught in it
                    self.requeue.append(task)
                elif self.deaths.get(path, 0) + 1 >= MAX_UNEXPLAINED_DEATHS:
                    self.deaths[path] = self.deaths.get(path, 0) + 1
                    error = WorkerError(
                        f"the worker converting it died {self.deaths[path]} times (killed, or out of memory)",
                        source=printable_path(path), hint="convert it alone (jobs=1) to see why, or lower max_bytes")
                    records.append(_failed(path, error))
                else:
                    self.deaths[path] = self.deaths.get(path, 0) + 1
                    self.suspects.append(task)
        log.warning("a worker died (%s); %d input(s) reported, %d sent again to a fresh pool",
                    "time limit" if timed_out else "killed, or out of memory", len(records),
                    len(self.requeue) + len(self.suspects))
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = default_executor(self.jobs)
        return records

    def _drain(self) -> Iterator[BatchResult]:
        """Ctrl-C or SIGTERM: drop the queue, but report the conversions already running (their files get
        written anyway), so that the manifest matches the output folder."""
        for future in list(self.pending):
            if future.cancel():
                del self.pending[future]
        for future in wait(self.pending).done:
            chunk = self.pending.pop(future)
            try:
                records = future.result()
            except Exception as exc:
                yield from self._worker_failed(chunk, exc)
                continue
            for record in records:
                yield BatchResult.from_dict(record)


__all__ = [
    "DEFAULT_TIMEOUT",
    "BatchItem",
    "BatchResult",
    "OutputCollisionError",
    "convert_chunk",
    "convert_many",
    "convert_one",
    "default_executor",
    "estimated_seconds",
    "expand_inputs",
    "items_from_list",
    "name_files",
    "output_name",
    "output_paths",
]

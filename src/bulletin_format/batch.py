"""Batch conversion at archive scale: many inputs → JSON/DOCX files, in parallel, one result record per input.

    import bulletin_format as bf
    for result in bf.convert_many(["archive/"], "out", to=("json", "docx")):
        print(result.to_dict())

``convert_many`` runs the work on any ``concurrent.futures.Executor``: by default a process pool sized to the
machine; ``dask.distributed.Client(...).get_executor()`` or Ray's executor work unchanged, because the work
function (``convert_chunk``) is a picklable top-level function that takes and returns plain data.

Output names mirror the input tree: a folder (or glob) given as input keeps its sub-folders under
``output_dir``, so equal file names in different folders never collide; a file given directly is written
under its stem. Every output is written atomically (temporary file + rename), so an interrupted run leaves
no half-written file and a rerun with ``skip_existing=True`` finishes the job.
"""

from __future__ import annotations

import glob
import inspect
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Union

from .errors import BulletinFormatError, OutputFormatError
from .writers import EXTENSIONS, WRITERS

_GLOB_CHARS = frozenset("*?[")


class OutputCollisionError(BulletinFormatError):
    """Two inputs of one batch would be written to the same output file."""


@dataclass(frozen=True)
class BatchItem:
    """One input file and the output name it is written under.

    ``name`` is relative to the output folder, '/'-separated, without suffix: ``sub/report`` →
    ``OUT/sub/report.json`` and ``OUT/sub/report.docx``.
    """

    path: str
    name: str


@dataclass
class BatchResult:
    """What happened to one input of a batch (one line of the JSON Lines manifest)."""

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


InputSpec = Union[str, "os.PathLike[str]", BatchItem]


# ---------------------------------------------------------------------------------------------------------
# Planning: inputs (files, folders, globs) → BatchItems with collision-free output names


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


def name_files(files: Sequence[Path], base: Path) -> list[BatchItem]:
    """Output names for ``files`` relative to ``base``: the relative path without its suffix.

    Where two files of one folder share a stem (``a.html`` and ``a.txt``) both keep their suffix in the
    name (``a.html.json``, ``a.txt.json``), so the names depend only on the set of files, never on order.
    """
    rels: list[Path] = []
    for f in files:
        try:
            rels.append(f.relative_to(base))
        except ValueError:
            rels.append(Path(f.name))
    stems: dict[str, int] = {}
    for rel in rels:
        key = rel.with_suffix("").as_posix()
        stems[key] = stems.get(key, 0) + 1
    items = []
    for f, rel in zip(files, rels, strict=True):
        key = rel.with_suffix("").as_posix()
        items.append(BatchItem(str(f), rel.as_posix() if stems[key] > 1 else key))
    return items


def expand_inputs(
    inputs: Iterable[InputSpec], *, exclude: str | os.PathLike[str] | None = None
) -> Iterator[BatchItem]:
    """Files, folders (recursive, hidden files skipped) and glob patterns → BatchItems, lazily per input.

    Files under ``exclude`` (the output folder) are left out of folders and globs, so converting a folder
    into a sub-folder of itself never reads its own outputs on the next run. A path that does not exist (and
    matches nothing as a glob) is passed through under its stem, so that it fails with a clear error in its
    own result record instead of vanishing.
    """
    skip = Path(exclude).resolve() if exclude is not None else None

    def wanted(f: Path) -> bool:
        return f.is_file() and (skip is None or not f.resolve().is_relative_to(skip))

    for spec in inputs:
        if isinstance(spec, BatchItem):
            yield spec
            continue
        text = os.fspath(spec)
        path = Path(text)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if not _hidden(f.relative_to(path)) and wanted(f))
            yield from name_files(files, path)
        elif not path.exists() and _is_glob(text):
            base = _glob_base(text)
            files = sorted(f for f in map(Path, glob.glob(text, recursive=True)) if wanted(f))
            yield from name_files(files, base)
        else:
            yield BatchItem(text, path.stem or path.name)


def items_from_list(paths: Iterable[str]) -> list[BatchItem]:
    """A list of file paths (e.g. read from stdin) → BatchItems mirroring the tree below their common folder."""
    files = [Path(p) for p in paths if p.strip()]
    if not files:
        return []
    try:
        base = Path(os.path.commonpath([str(f.parent.resolve()) for f in files]))
        resolved = [f.resolve() for f in files]
    except ValueError:  # different drives on Windows
        return [BatchItem(str(f), f.stem) for f in files]
    named = name_files(resolved, base)
    return [BatchItem(str(f), item.name) for f, item in zip(files, named, strict=True)]


# ---------------------------------------------------------------------------------------------------------
# Options: which belong to parse, which to each writer


def split_options(formats: Sequence[str], options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Split ``options`` into parse options and per-format writer options.

    A writer gets only the options its ``write`` function accepts. An option that neither parse nor any
    registered writer accepts raises TypeError (a typo should not be silently ignored).
    """
    from .pipeline import Options

    parse_keys = set(Options.__dataclass_fields__)
    parse_options = {k: v for k, v in options.items() if k in parse_keys}
    rest = {k: v for k, v in options.items() if k not in parse_keys}
    accepted: dict[str, set[str] | None] = {}  # None: accepts **kwargs
    for fmt, writer in WRITERS.items():
        params = inspect.signature(writer).parameters.values()
        if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params):
            accepted[fmt] = None
        else:
            accepted[fmt] = {p.name for p in params if p.kind is not inspect.Parameter.POSITIONAL_ONLY} - {"doc"}
    unknown = [k for k in rest if not any(a is None or k in a for a in accepted.values())]
    if unknown:
        raise TypeError(f"unknown option(s): {', '.join(sorted(unknown))}")
    writer_options = {
        fmt: {k: v for k, v in rest.items() if accepted[fmt] is None or k in accepted[fmt]}  # type: ignore[operator]
        for fmt in formats
    }
    return parse_options, writer_options


def _formats(to: str | Sequence[str]) -> tuple[str, ...]:
    formats = tuple(f.strip() for f in ([to] if isinstance(to, str) else to) for f in f.split(",") if f.strip())
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


# ---------------------------------------------------------------------------------------------------------
# The work function (runs in a worker process: top-level, plain data in and out)


def convert_one(
    path: str,
    name: str,
    output_dir: str,
    formats: Sequence[str],
    parse_options: dict[str, Any],
    writer_options: dict[str, dict[str, Any]],
) -> dict[str, Any]:
    """Parse one file and write it in every format; never raises for a bad input (the error is in the record)."""
    from .api import parse, render
    from .writers import write_atomic

    start = time.perf_counter()
    record: dict[str, Any] = {"input": path}
    try:
        doc = parse(Path(path), **parse_options)
        record["encoding"] = doc.source.encoding
        record["kind"] = doc.kind
        # render every format before writing any, so a writer failure leaves no partial set of outputs
        rendered = []
        for fmt, out in zip(formats, output_paths(output_dir, name, formats), strict=True):
            data = render(doc, fmt, **writer_options.get(fmt, {}))
            rendered.append((out, data.encode("utf-8") if isinstance(data, str) else data))
        record["warnings"] = list(doc.warnings)  # after rendering: writers may add warnings
        outputs = []
        for out, data in rendered:
            write_atomic(out, data)
            outputs.append(str(out))
        record["outputs"] = outputs
    except Exception as exc:  # one bad file (or a bug it triggers) must never stop the batch
        record["error_type"] = type(exc).__name__
        record["error"] = str(exc) if isinstance(exc, BulletinFormatError) else f"{path}: {exc}"
    record["seconds"] = round(time.perf_counter() - start, 6)
    return record


def convert_chunk(
    items: list[tuple[str, str]],
    output_dir: str,
    formats: Sequence[str],
    parse_options: dict[str, Any],
    writer_options: dict[str, dict[str, Any]],
) -> list[dict[str, Any]]:
    """``convert_one`` over several ``(path, name)`` pairs: one task per chunk cuts scheduling overhead."""
    return [convert_one(p, n, output_dir, formats, parse_options, writer_options) for p, n in items]


def _ignore_sigint() -> None:
    # Ctrl-C goes to the whole process group; the parent handles it and shuts the pool down cleanly.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def default_executor(jobs: int | None = None) -> ProcessPoolExecutor:
    """A process pool of ``jobs`` workers (default: one per CPU) that leaves Ctrl-C to the parent."""
    jobs = jobs or os.cpu_count() or 1
    methods = multiprocessing.get_all_start_methods()
    # forkserver: no fork of a parent that may run threads (tqdm's monitor, a Dask client)
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_sigint)


# ---------------------------------------------------------------------------------------------------------
# convert_many


def convert_many(
    inputs: Iterable[InputSpec],
    output_dir: str | os.PathLike[str],
    to: str | Sequence[str] = ("json", "docx"),
    executor: Executor | None = None,
    *,
    jobs: int | None = None,
    skip_existing: bool = False,
    chunk_size: int = 1,
    max_pending: int | None = None,
    **options: Any,
) -> Iterator[BatchResult]:
    """Convert many inputs; yield one ``BatchResult`` per input as they finish (not in input order).

    ``inputs``: files, folders (recursive; the tree is mirrored under ``output_dir``), glob patterns, or
    ``BatchItem``s. ``to``: output formats. ``executor``: any ``concurrent.futures.Executor``; by default a
    process pool of ``jobs`` workers (one per CPU) that is shut down at the end; ``jobs=1`` without an
    executor runs in this process. ``skip_existing``: inputs whose outputs all exist are not converted again
    (their record has ``skipped=True``). ``chunk_size``: inputs per task (raise it for cluster executors,
    where a task costs milliseconds). ``max_pending``: tasks in flight (default 4 per worker), so that a
    million inputs never become a million futures. Other keyword arguments are parse options (``normalize``,
    ``chinese``, ``opencc_config``, ``max_bytes``) or writer options (``profile`` for DOCX).

    Bad options or formats raise here, before any work; a bad input never raises, its record holds the
    error. Closing the iterator early (``break``, Ctrl-C) cancels pending work and shuts the own pool down.

    The default pool starts its workers with ``forkserver`` (``spawn`` where there is none), so a script
    that calls this must keep its top-level code under ``if __name__ == "__main__":``.
    """
    formats = _formats(to)
    parse_options, writer_options = split_options(formats, options)
    from .pipeline import Options

    Options.from_kwargs(**parse_options)  # validate now, not once per input
    _preflight(writer_options)
    if chunk_size < 1:
        raise ValueError("chunk_size must be at least 1")
    if jobs is not None and jobs < 1:
        raise ValueError("jobs must be at least 1")
    return _run(
        expand_inputs(inputs, exclude=output_dir), str(output_dir), formats, parse_options, writer_options,
        executor=executor, jobs=jobs, skip_existing=skip_existing, chunk_size=chunk_size, max_pending=max_pending,
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
            except (TypeError, ValueError, KeyError, BulletinFormatError) as exc:
                raise ValueError(f"{fmt} writer: {exc}") from exc


def _chunks(
    items: Iterator[BatchItem], output_dir: str, formats: Sequence[str], skip_existing: bool, size: int,
    early: deque[BatchResult],
) -> Iterator[list[tuple[str, str]]]:
    """Group the items to convert into chunks; collisions and already-converted items go to ``early``."""
    seen: set[str] = set()
    chunk: list[tuple[str, str]] = []
    for item in items:
        key = os.path.normcase(item.name)
        if key in seen:
            exc = OutputCollisionError(
                f"output name {item.name!r} is already used by another input of this batch", source=item.path,
                hint="give the folder that holds both files as input, so the folder tree is mirrored",
            )
            early.append(BatchResult(item.path, error_type=type(exc).__name__, error=str(exc)))
            continue
        seen.add(key)
        if skip_existing:
            outs = output_paths(output_dir, item.name, formats)
            if all(p.exists() for p in outs):
                early.append(BatchResult(item.path, outputs=[str(p) for p in outs], skipped=True))
                continue
        chunk.append((item.path, item.name))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
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
    chunk_size: int,
    max_pending: int | None,
) -> Iterator[BatchResult]:
    early: deque[BatchResult] = deque()
    chunks = _chunks(items, output_dir, formats, skip_existing, chunk_size, early)
    args = (output_dir, formats, parse_options, writer_options)

    if executor is None and jobs == 1:
        for chunk in chunks:
            while early:
                yield early.popleft()
            for record in convert_chunk(chunk, *args):
                yield BatchResult.from_dict(record)
        while early:
            yield early.popleft()
        return

    own = executor is None
    pool = default_executor(jobs) if own else executor
    assert pool is not None
    workers = getattr(pool, "_max_workers", None) or jobs or os.cpu_count() or 1
    limit = max_pending or 4 * workers
    pending: dict[Future[list[dict[str, Any]]], list[tuple[str, str]]] = {}
    completed = False
    try:
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                pending[pool.submit(convert_chunk, chunk, *args)] = chunk
            while early:
                yield early.popleft()
            if not pending:
                if exhausted:
                    break
                continue
            try:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
            except KeyboardInterrupt:
                # Ctrl-C: drop the queue, but report the conversions already running (their files get written
                # anyway), so the manifest matches the output folder; then let the interruption go on.
                for future in list(pending):
                    if future.cancel():
                        del pending[future]
                for future in wait(pending).done:
                    for record in _records(future, pending.pop(future)):
                        yield BatchResult.from_dict(record)
                raise
            for future in done:
                for record in _records(future, pending.pop(future)):
                    yield BatchResult.from_dict(record)
        completed = True
    finally:
        for future in pending:
            future.cancel()
        if own:
            # after an interruption, don't wait for the queue: running tasks finish (their writes are atomic)
            pool.shutdown(wait=True, cancel_futures=not completed)


def _records(future: Future[list[dict[str, Any]]], chunk: list[tuple[str, str]]) -> list[dict[str, Any]]:
    try:
        return future.result()
    except Exception as exc:  # the worker died (killed, out of memory) or the task could not be sent
        error = f"worker failed: {type(exc).__name__}: {exc}"
        return [{"input": path, "error_type": "WorkerError", "error": f"{path}: {error}"} for path, _ in chunk]


__all__ = [
    "BatchItem",
    "BatchResult",
    "OutputCollisionError",
    "convert_chunk",
    "convert_many",
    "convert_one",
    "default_executor",
    "expand_inputs",
    "items_from_list",
    "name_files",
    "output_paths",
]

"""The default worker pool of ``convert_many``, and the limits that keep one input from holding a worker.

* ``time_limit(seconds, name)`` — the soft per-input time limit: SIGALRM raises ``ConversionTimeoutError``
  inside the conversion. Python code and regular expressions are interrupted; it works in the main thread
  of a process (the default pool's workers, ``jobs=1`` on the main thread, Ray and Spark task processes)
  and does nothing elsewhere (a thread of a ``ThreadPoolExecutor`` or of a Dask worker).
* ``default_executor(jobs)`` — a process pool whose workers
    - ignore Ctrl-C and SIGTERM (``timeout``, systemd and Slurm signal the whole process group): the process
      that made the pool handles them, lets the running conversions answer, and shuts the pool down;
    - die with the process that made the pool, also on ``kill -9`` of it (a watchdog thread waits on the
      pipe multiprocessing keeps to that process; ``PR_SET_PDEATHSIG`` too where that process is the parent);
    - end themselves when a conversion overruns its time limit by ``HARD_GRACE_SECONDS`` — stuck in C code
      that the soft limit cannot interrupt — after leaving a note naming the input in the notes folder, so
      that the parent can report that input as timed out and retry the others on a fresh pool.
* ``bootstrapping()`` — true while a worker imports the caller's script again (forkserver and spawn do that);
  ``main_guard_missing()`` leaves a note the parent turns into a clear ``ProcessPoolError``.
* ``forked_workers()`` — a program that owns its process (the command line) lets the default pool fork its
  workers from it: they start in milliseconds with everything it has imported and prepared, where the fork
  server's import the library and its readers and writers again. ``start_seconds`` says what starting a
  pool costs here (measured when one was started before in this process), for ``convert_many`` to judge
  whether a batch is worth one.
"""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import FrameType

from .errors import ConversionTimeoutError

REPEAT_SECONDS = 1.0  # after the time limit, the alarm rings again this often until the conversion stops
HARD_GRACE_SECONDS = 10.0  # a conversion the soft limit could not stop is ended this long after its limit
WATCHDOG_SECONDS = 0.25  # how often a worker's watchdog looks at the pool's owner and at its task
NOTES_ENV = "BULLETIN_FORMAT_POOL_NOTES"  # the notes folder, inherited by the fork server and the workers
MAIN_GUARD_NOTE = "main-guard"


# ---------------------------------------------------------------------------------------------------------
# The soft time limit


@contextlib.contextmanager
def time_limit(seconds: float | None, name: str) -> Iterator[None]:
    """Raise ``ConversionTimeoutError`` in the body after ``seconds`` (None: no limit).

    Only in the main thread of a process that has SIGALRM; elsewhere the body runs without a limit."""
    usable = (
        seconds is not None and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    assert seconds is not None

    def expired(signum: int, frame: FrameType | None) -> None:
        raise ConversionTimeoutError(
            f"the conversion took longer than the time limit of {seconds:g} s and was stopped", source=name,
            hint="raise the limit (timeout=, --timeout) if the input is large rather than pathological",
        )

    previous = signal.signal(signal.SIGALRM, expired)
    # repeating: an exception raised while a __del__ or a weakref callback runs is swallowed by Python, so
    # the alarm rings again until the body has stopped (the body's clean-up gets REPEAT_SECONDS in between)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT_SECONDS)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# ---------------------------------------------------------------------------------------------------------
# Notes: why a worker ended itself


def notes_folder() -> Path:
    """This process's notes folder (made on first use, removed at exit), named in the environment so that
    the workers, and the fork server that starts them, find it."""
    known = os.environ.get(NOTES_ENV)
    if known and os.path.isdir(known) and Path(known).name.endswith(f"-{os.getpid()}"):
        return Path(known)
    folder = Path(tempfile.mkdtemp(prefix="bulletin-format-notes-", suffix=f"-{os.getpid()}"))
    os.environ[NOTES_ENV] = str(folder)
    import atexit

    atexit.register(shutil.rmtree, folder, True)
    return folder


def _leave_note(kind: str, **facts: object) -> None:
    folder = os.environ.get(NOTES_ENV)
    if not folder:
        return
    with contextlib.suppress(OSError):
        path = Path(folder) / f"{kind}.{os.getpid()}.json"
        path.write_text(json.dumps({"kind": kind, **facts}, ensure_ascii=True), encoding="utf-8")


def read_notes(folder: Path, kind: str) -> list[dict[str, object]]:
    """The notes of ``kind`` left in ``folder``, removed as they are read."""
    notes = []
    for path in sorted(folder.glob(f"{kind}.*.json")):
        with contextlib.suppress(OSError, ValueError):
            notes.append(json.loads(path.read_text(encoding="utf-8")))
        with contextlib.suppress(OSError):
            path.unlink()
    return notes


# ---------------------------------------------------------------------------------------------------------
# A script without the __main__ guard


def bootstrapping() -> bool:
    """True while this process is a new worker importing the caller's script (forkserver, spawn)."""
    return bool(getattr(multiprocessing.current_process(), "_inheriting", False))


def main_guard_missing() -> None:
    """Called when ``convert_many`` runs while a worker imports the caller's script: the script has no
    ``if __name__ == "__main__":`` guard. Leave a note for the parent and end this worker quietly (instead
    of 70 lines of traceback per worker)."""
    script = getattr(sys.modules.get("__mp_main__") or sys.modules.get("__main__"), "__file__", None)
    _leave_note(MAIN_GUARD_NOTE, script=script)
    os._exit(3)


# ---------------------------------------------------------------------------------------------------------
# The worker side of the default pool

_task: tuple[str, float] | None = None  # (input, monotonic deadline for the hard limit) while converting


def task_started(name: str, seconds: float | None) -> None:
    """Tell the watchdog (if this is a worker of the default pool) that a conversion started."""
    global _task
    _task = (name, time.monotonic() + seconds + HARD_GRACE_SECONDS) if seconds is not None else None


def task_done() -> None:
    global _task
    _task = None


def _set_parent_death_signal() -> None:
    """Linux: the kernel sends SIGKILL to this process when its parent process dies."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL)


def _watchdog() -> None:
    # The process that made the pool, not our parent: with forkserver the parent is the fork server, which
    # lives as long as any worker does (each holds the pipe whose end it waits for), and which a SIGTERM to
    # the whole group ends at once.
    owner = multiprocessing.parent_process()
    parent = os.getppid()
    while True:
        time.sleep(WATCHDOG_SECONDS)
        if (owner is not None and not owner.is_alive()) or (owner is None and os.getppid() != parent):
            os._exit(0)  # the process that made the pool is gone (kill -9, a crash): nobody reads our answers
        task = _task
        if task is not None and time.monotonic() > task[1]:
            _leave_note("timeout", input=task[0], pid=os.getpid())
            os._exit(4)


def _init_worker(notes: str | None, forked: bool = False) -> None:
    """Initializer of the default pool's workers (runs in the worker's main thread)."""
    if notes:
        os.environ[NOTES_ENV] = notes
    # Ctrl-C and SIGTERM often go to the whole group; the process that made the pool handles them
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if forked:
        # born with them blocked (_signals_held); ignored now, so let them through again
        if hasattr(signal, "pthread_sigmask"):
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
        # the parent's log handlers write through its progress bar: a worker's messages take Python's default
        # way to stderr instead, as a fork server's worker's do
        logger = logging.getLogger(__package__ or "bulletin_format")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
    owner = multiprocessing.parent_process()
    if owner is not None and owner.pid == os.getppid():
        _set_parent_death_signal()  # spawn and fork: the parent is the owner (with forkserver it is not)
    threading.Thread(target=_watchdog, name="bulletin-format-watchdog", daemon=True).start()


def end_workers(executor: object) -> None:
    """Kill the workers of a broken pool of ours: they ignore SIGTERM, with which the executor would end
    them, and its shutdown would wait for them for ever."""
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            if process.is_alive():
                process.kill()


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM ignored (and blocked, so that one arriving meanwhile is delivered after, not lost) while
    processes are started: a process started now begins with them ignored. In the main thread only."""
    names = (signal.SIGINT, signal.SIGTERM)
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, set(names))
    handlers = {sig: signal.signal(sig, signal.SIG_IGN) for sig in names}
    try:
        yield
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _start_fork_server() -> None:
    """Start the fork server ignoring SIGINT and SIGTERM, which it and every worker it forks inherit.

    A SIGTERM to the whole group would end the fork server, and the pool reads the end of the fork server
    as the death of every worker (their exit statuses come through it): the batch would break although its
    workers live on. Only ignored dispositions survive the server's exec (a blocked mask does not).
    """
    from multiprocessing import forkserver

    with _signals_held():
        forkserver.ensure_running()


# ---------------------------------------------------------------------------------------------------------
# How the default pool starts its workers, and what that costs

# Forking the workers from a process that has converted a few inputs, up to their first answer (measured on this
# project's 2-core machine: 16-33 ms for 2 workers): they have everything imported and prepared already.
FORK_START_SECONDS = 0.03
# A fork server's worker runs a new interpreter that imports the library (~0.1 s), then pays the imports and the
# preparation of its first conversion (what the caller's first input took over the others, measured each time).
SPAWN_START_SECONDS = 0.1
_fork_allowed = False
_measured_start: dict[str, float] = {}  # start method → what starting the last pool took in this process


@contextlib.contextmanager
def forked_workers() -> Iterator[None]:
    """Within: the default pool forks its workers from this process (Linux, while it runs a single thread).

    For a program that owns its process, as the command line does: a library cannot know what its caller's
    process holds (threads, sockets, a GUI), so ``convert_many`` called from Python keeps the fork server."""
    global _fork_allowed
    before, _fork_allowed = _fork_allowed, True
    try:
        yield
    finally:
        _fork_allowed = before


def start_method() -> str:
    """How ``default_executor`` would start workers now: fork, forkserver or spawn."""
    methods = multiprocessing.get_all_start_methods()
    if (_fork_allowed and "fork" in methods and sys.platform.startswith("linux")
            and threading.active_count() == 1):
        return "fork"  # a single thread: no lock can be held by a thread the fork leaves behind
    # forkserver: no fork of a parent that may run threads (tqdm's monitor, a Dask client)
    return "forkserver" if "forkserver" in methods else "spawn"


def start_seconds(first_conversion: float) -> float:
    """What starting a pool costs here, in seconds: as measured for the last pool started the same way in this
    process, else the estimate above (``first_conversion``: what this process's first conversion took over
    the others, its imports and preparation, which a fork server's worker pays again)."""
    method = start_method()
    if method in _measured_start:
        return _measured_start[method]
    return FORK_START_SECONDS if method == "fork" else SPAWN_START_SECONDS + first_conversion


def note_start(method: str, seconds: float) -> None:
    """Remember what starting a pool took (from its making to its first answer, less that answer's work)."""
    _measured_start[method] = max(0.0, seconds)


def _forked_executor(jobs: int, notes: str) -> ProcessPoolExecutor:
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_init_worker, initargs=(notes, True))
    for stream in (sys.stdout, sys.stderr):  # unwritten output would be written again by every worker
        with contextlib.suppress(Exception):
            stream.flush()
    with _signals_held():
        executor.submit(os.getpid)  # a fork pool starts every worker at its first task: now, with signals held
    return executor


def default_executor(jobs: int | None = None) -> ProcessPoolExecutor:
    """A process pool of ``jobs`` workers (default: one per CPU) with the workers described above."""
    jobs = jobs or os.cpu_count() or 1
    notes = str(notes_folder())  # first: the fork server inherits the environment that names it
    method = start_method()
    if method == "fork":
        return _forked_executor(jobs, notes)
    context = multiprocessing.get_context(method)
    if method == "forkserver":
        if _fork_allowed:  # a program that owns its process, which could not fork: the server imports the library
            context.set_forkserver_preload(["bulletin_format.batch", "bulletin_format.api"])
        _start_fork_server()
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(notes,))


__all__ = [
    "FORK_START_SECONDS",
    "HARD_GRACE_SECONDS",
    "SPAWN_START_SECONDS",
        "bootstrapping",
    "default_executor",
    "end_workers",
    "forked_workers",
    "main_guard_missing",
    "note_start",
    "notes_folder",
    "read_notes",
    "start_method",
    "start_seconds",
    "task_done",
    "task_started",
    "time_limit",
]

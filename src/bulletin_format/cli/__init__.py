"""The ``bulletin-format`` command: one subcommand per module listed in COMMANDS.

Each subcommand module has ``add_parser(subparsers)`` and ``run(args) -> int``. This module adds what every
subcommand shares: ``--version``, ``-v``/``-vv`` (the ``logging`` module: INFO, then DEBUG, on stderr), the
exit statuses of an interruption (130 for Ctrl-C, 143 for SIGTERM) and of a closed standard output (141),
and ``profile_option`` for the DOCX layout profile given as a name or a JSON file of overrides.

Exit statuses: 0 success, 1 some input failed (or, for check, does not conform), 2 usage error, 130 interrupted
(Ctrl-C), 141 standard output closed by its reader (``| head``), 143 terminated (SIGTERM).
``python -m bulletin_format`` is the same command. Both end through ``exit_now``: streams flushed and ``atexit``
functions run, then the process ends without the interpreter's object-by-object teardown.
"""

from __future__ import annotations

import argparse
import atexit
import importlib
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn

COMMANDS = ("convert", "inspect", "check")
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what shells report for a command whose reader went away
EXIT_UNFLUSHED = 120  # what Python's own exit gives when a standard stream cannot be flushed at the end
LOGGER = "bulletin_format"


class CommandParser(argparse.ArgumentParser):
    """A subcommand's parser, whose epilog may be made only when its help is shown (``lazy_epilog``):
    ``bulletin-format --help`` then imports no reader or writer."""

    def __init__(self, *args: Any, lazy_epilog: Callable[[], str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._lazy_epilog = lazy_epilog

    def format_help(self) -> str:
        if self._lazy_epilog is not None:
            self.epilog, self._lazy_epilog = self._lazy_epilog(), None
        return super().format_help()


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="bulletin-format",
        description="Turn scraped Chinese bulletins, documents, speeches and news into JSON and GB/T 9704 DOCX.",
        epilog="Exit status: 0 success, 1 some input failed, 2 usage error, 130 interrupted (Ctrl-C), "
        "141 standard output closed early (| head), 143 terminated (SIGTERM). `bulletin-format COMMAND --help` "
        "describes each command.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0,
                        help="log what is done (-v), and how (-vv), on stderr")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f".{name}", __name__).add_parser(sub)
        command = sub.choices[name]
        try:
            command.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                                 help="log what is done (-v), and how (-vv), on stderr")
        except argparse.ArgumentError:
            pass  # the command defines its own -v (convert)
    return parser


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be, so both stop a command the same way (summary, clean-up)."""


@contextmanager
def sigterm_as_interrupt() -> Iterator[None]:
    """While the body runs, SIGTERM (timeout, systemd, Slurm, Kubernetes) raises ``_Terminated``."""

    def terminate(signum: int, frame: FrameType | None) -> None:
        raise _Terminated

    try:
        previous: Any = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread: leave SIGTERM alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def interrupted_status(exc: KeyboardInterrupt) -> int:
    return EXIT_TERMINATED if isinstance(exc, _Terminated) else EXIT_INTERRUPTED


class _Handler(logging.Handler):
    """Log lines on stderr, through the progress bar's writer while there is one (so it is not broken)."""

    write: Callable[[str], None] | None = None

    def emit(self, record: logging.LogRecord) -> None:
        line = self.format(record)
        if _Handler.write is not None:
            _Handler.write(line)
        else:
            print(line, file=sys.stderr, flush=True)


def configure_logging(verbosity: int) -> None:
    """-v: INFO (one line per input, what was decided), -vv: DEBUG (how: encodings, pools, retries)."""
    logger = logging.getLogger(LOGGER)
    for handler in list(logger.handlers):
        if isinstance(handler, _Handler):
            logger.removeHandler(handler)
    if verbosity <= 0:
        return
    handler = _Handler()
    handler.setFormatter(logging.Formatter("%(message)s" if verbosity == 1 else "%(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbosity == 1 else logging.DEBUG)


def profile_option(value: str | None) -> Any:
    """A ``--profile`` value for the DOCX writer: a profile name, or a JSON file of setting overrides (as
    ``check --profile`` takes). Raises ValueError with a readable message."""
    if value is None:
        return None
    path = Path(value)
    if path.suffix.lower() == ".json":
        if not path.is_file():
            raise ValueError(f"--profile {value}: no such file")
        try:
            overrides = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"--profile {value}: not a JSON file of settings ({exc})") from None
        if not isinstance(overrides, dict):
            raise ValueError(f"--profile {value}: the JSON must be an object of settings")
        return overrides
    return value


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(int(getattr(args, "verbose", 0) or 0))
    try:
        with sigterm_as_interrupt():
            return int(args.run(args) or 0)
    except KeyboardInterrupt as exc:
        print("interrupted" if not isinstance(exc, _Terminated) else "terminated", file=sys.stderr)
        return interrupted_status(exc)
    except BrokenPipeError:  # the reader of standard output went away (`| head`): stop quietly
        _discard_stdout()
        return EXIT_BROKEN_PIPE


def entry() -> NoReturn:
    """The program: ``main`` on the command line's arguments, then ``exit_now``. The ``bulletin-format`` script
    and ``python -m bulletin_format`` call this; a test or a program calling ``main`` gets the status back."""
    exit_now(main())


def exit_now(status: int) -> NoReturn:
    """End the process with ``status`` without tearing the interpreter down object by object.

    What an exit must do is done: the standard streams are flushed and the ``atexit`` functions run (the
    logging module's flush, the pool's notes folder removed, ``weakref.finalize`` clean-ups), and the worker
    pool, if any, has been shut down and its workers have exited. What is skipped is freeing every module
    and object one at a time: 35-60 ms after a batch (docs/performance.md, "Batches"), on the critical
    path of every command. Where that cannot be known to lose nothing — another thread still runs, a stream
    cannot be flushed — Python's own exit is taken instead."""
    if threading.active_count() > 1:
        sys.exit(status)
    try:
        _flush_streams()
    except (OSError, ValueError):
        sys.exit(status)  # Python's exit reports the stream as it always has
    atexit._run_exitfuncs()  # (runs each once: they are cleared)
    try:
        _flush_streams()
    except (OSError, ValueError):
        status = status or EXIT_UNFLUSHED
    os._exit(status)


def _flush_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()


def _discard_stdout() -> None:
    """Point standard output at the null device, so that flushing it at exit raises nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind sys.stdout (a test's capture)
        pass


if __name__ == "__main__":
    entry()

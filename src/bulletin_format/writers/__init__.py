"""Writers: Document → output format. A new output format is a new module registered in WRITERS.

``WRITERS`` maps a format name to its ``write(doc, **options)``; a writer's module is imported when the
writer is first asked for, so ``import bulletin_format`` and ``bulletin-format --help`` import none of
them (the DOCX writer brings python-docx).

``write_atomic`` puts any output on disk: through a temporary file in the same folder and a rename, so a
reader never sees half a file; with the mode a new file would get (the umask applies) or, when the file
exists, the mode it had. ``write_file`` renders a Document into a file that way; a writer whose module
also has ``write_to(doc, fh, **options)`` (JSON) streams into the file, so a big output is never held
whole in memory.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
from collections.abc import Callable, Iterator, MutableMapping
from importlib import import_module
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import OutputError

if TYPE_CHECKING:
    from ..model import Document

Writer = Callable[..., "str | bytes"]


class WriterRegistry(MutableMapping[str, Writer]):
    """Format name → writer, each imported from its module when first asked for. Names are listed,
    tested and iterated without importing anything; a writer may be set or replaced like a dict item."""

    def __init__(self, modules: dict[str, str]) -> None:
        self._entries: dict[str, Writer | str] = dict(modules)  # a str: the module whose ``write`` it is

    def __getitem__(self, name: str) -> Writer:
        entry = self._entries[name]
        if isinstance(entry, str):
            writer: Writer = import_module(entry, __name__).write
            entry = self._entries[name] = writer
        return entry

    def __setitem__(self, name: str, writer: Writer) -> None:
        self._entries[name] = writer

    def __delitem__(self, name: str) -> None:
        del self._entries[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"WriterRegistry({list(self._entries)})"

    def _own_function(self, name: str, attr: str) -> Callable[..., Any] | None:
        """The function ``attr`` of the module of the writer of ``name``, when the module has one and the
        writer is still that module's ``write`` (not one set in its place)."""
        writer = self[name]
        module = sys.modules.get(getattr(writer, "__module__", "") or "")
        if module is None or getattr(module, "write", None) is not writer:
            return None
        function: Callable[..., Any] | None = getattr(module, attr, None)
        return function

    def streaming(self, name: str) -> Callable[..., object] | None:
        """The ``write_to(doc, fh, **options)`` of the writer of ``name`` (see ``_own_function``)."""
        return self._own_function(name, "write_to")

    def option_check(self, name: str) -> Callable[..., None] | None:
        """The ``check_options(**options)`` of the writer of ``name`` (see ``_own_function``): it checks
        option values before any work."""
        return self._own_function(name, "check_options")


WRITERS = WriterRegistry({
    "json": ".json_writer",
    "docx": ".docx_writer",
    "md": ".markdown_writer",
    "txt": ".text_writer",
})
EXTENSIONS = {"json": ".json", "docx": ".docx", "md": ".md", "txt": ".txt"}

NEW_FILE_MODE = 0o666  # what open() asks for; the umask takes away from it, as for any program's output
ENCODE_CHARS = 1 << 20  # a str output is encoded and written this many characters at a time (no whole copy)


def write_file(doc: Document, fmt: str, path: Path | str, **options: Any) -> None:
    """``doc`` written as ``fmt`` to ``path`` (atomically, as ``write_atomic``): streamed when the writer
    can (JSON), otherwise rendered and then written."""
    write_to = WRITERS.streaming(fmt)
    if write_to is not None:
        write_atomic_with(path, lambda fh: write_to(doc, fh, **options))
    else:
        write_atomic(path, WRITERS[fmt](doc, **options))


def write_atomic(path: Path | str, data: bytes | str) -> None:
    """Write ``data`` (a str as UTF-8) to ``path`` through a temporary file in the same folder and a rename.

    A failure (the path is a folder, permission denied, the disk is full) raises ``OutputError`` naming the
    path, and leaves neither the temporary file nor a changed target behind."""
    write_atomic_with(path, lambda fh: _write_data(fh, data))


def _write_data(fh: IO[bytes], data: bytes | str) -> None:
    if not isinstance(data, str):
        fh.write(data)
        return
    for at in range(0, len(data), ENCODE_CHARS):
        fh.write(data[at : at + ENCODE_CHARS].encode("utf-8"))


def write_atomic_with(path: Path | str, produce: Callable[[IO[bytes]], object]) -> None:
    """``write_atomic`` for output made piece by piece: ``produce(fh)`` writes it into the temporary file."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.part")
    fd = -1
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder")
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            mode: int | None = stat.S_IMODE(path.stat().st_mode)
        except FileNotFoundError:
            mode = None
        # os.open with a mode, unlike mkstemp's 0600, lets the umask decide who may read a new output
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), NEW_FILE_MODE)
        if mode is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, mode)  # replacing a file keeps its mode
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            produce(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as error:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(error, OSError):
            from ..readers import printable_path

            raise OutputError(
                f"cannot write the output ({error.strerror or error})", source=printable_path(path),
                hint=_hint(error),
            ) from error
        raise


def _hint(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full: free space, then convert again (with --skip-existing for a batch)"
    if error.errno == errno.EISDIR:
        return "give a file name, not a folder"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "choose an output folder you may write to"
    return "check the output path"


__all__ = [
    "EXTENSIONS", "NEW_FILE_MODE", "WRITERS", "Writer", "WriterRegistry", "write_atomic", "write_atomic_with",
    "write_file",
]

"""Writers: Document → output format. A new output format is a new module registered in WRITERS."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..model import Document
from . import docx_writer, json_writer, markdown_writer, text_writer

WRITERS: dict[str, Callable[..., str | bytes]] = {
    "json": json_writer.write,
    "docx": docx_writer.write,
    "md": markdown_writer.write,
    "txt": text_writer.write,
}
EXTENSIONS = {"json": ".json", "docx": ".docx", "md": ".md", "txt": ".txt"}


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


__all__ = ["EXTENSIONS", "WRITERS", "Document", "write_atomic"]

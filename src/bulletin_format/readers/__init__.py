"""Readers: whatever the user passed → decoded text → ``PassState`` (numbered lines + facts).

``load`` turns a path, bytes, str or binary file into bytes/text and refuses bad input with a typed
error; ``decode`` reports the encoding; each text format module (``html``, ``markdown``, ``text``) has
``sniff(text)`` and ``read(text) -> PassState``. A new input format is a new module added to
``FORMATS``. Word documents are chosen by content before any decoding (``read_container``): a ZIP
holding ``word/document.xml`` is read by ``docx_reader``, an OLE2 .doc/.wps is converted by
LibreOffice (``doc_reader``) and then read as DOCX.
"""

from __future__ import annotations

import codecs
import errno
import functools
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import IO

from ..errors import (
    BinaryInputError,
    EmptyInputError,
    InputNotFoundError,
    InputTooLargeError,
    NotAFileError,
    NoTextError,
    OptionError,
    UndecodableInputError,
    UnsupportedSourceError,
)
from ..lines import PassState
from ..model import SourceInfo, table_text
from . import html, markdown, text
from .encoding import decode_bytes, guess_bomless_unicode

Source = str | bytes | bytearray | memoryview | os.PathLike[str] | IO[bytes]

FORMATS = (html, markdown, text)  # tried in order: the first whose sniff() accepts the text reads it
# formats chosen by the file's suffix before sniffing (a .md file is Markdown even when it looks like text)
SUFFIX_FORMATS = {suffix: module for module in (markdown,) for suffix in module.SUFFIXES}
CONTAINER_FORMATS = ("docx", "doc", "wps")  # read from bytes by content, never decoded as text
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
MAX_REPLACED_SHARE = 0.10  # a lossy decode that replaced more than this share of characters is refused

_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/XLSX/ODT are ZIP files)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Office (OLE2) file such as .doc"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"{\\rtf", "an RTF file"),
)


TOO_LARGE_HINT = "raise max_bytes= (--max-bytes) to read it"  # what to do, from Python and from the shell
MAX_PATH_CHARS = 4096  # PATH_MAX on Linux: a longer str can be no path, it is text
_LINE_BREAK = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")  # what str.splitlines() splits at
_SURROGATE = re.compile(r"[\ud800-\udfff]")
MAX_REPLACED_AT = 20  # offsets of replaced characters kept in SourceInfo.replaced_at (as the decoder does)


class Text(str):
    """A str that is the document's text whatever it looks like: what ``parse(text=...)`` passes on."""

    __slots__ = ()


@dataclass
class Loaded:
    """The raw input: bytes (to decode) or text (already decoded), and a name for messages."""

    name: str
    path: str | None
    data: bytes | None = None
    text: str | None = None
    replaced_at: list[int] = field(default_factory=list)  # lone surrogates of a str, replaced by U+FFFD
    replaced: int = 0


def str_is_text(s: str) -> bool:
    """The path-or-text decision for a ``str`` source: a str is the text of a document when it holds a
    line break, starts with ``<`` (markup), is blank, holds a NUL or is longer than any path can be; any
    other str is a path, and an error when no such file exists. ``parse(text=...)``/``parse(path=...)``
    say which it is explicitly (README, "The path-or-text rule")."""
    if isinstance(s, Text) or len(s) > MAX_PATH_CHARS or _LINE_BREAK.search(s) or not s.strip() or "\x00" in s:
        return True
    return s.lstrip(" \t\ufeff").startswith("<")


def printable_path(path: str | os.PathLike[str]) -> str:
    """A path as text that any UTF-8 output can hold: bytes of a file name that are not UTF-8 (an archive
    unpacked from a GBK system) are shown as ``\\xb9`` escapes instead of Python's lone surrogates."""
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def load(source: Source, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Loaded:
    """Read ``source`` into memory without interpreting it (refusing more than ``max_bytes``)."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise OptionError(f"max_bytes must be a positive integer, not {max_bytes!r}")
    if isinstance(source, (bytes, bytearray, memoryview)):
        loaded = Loaded("<bytes>", None, data=bytes(source))
    elif isinstance(source, os.PathLike) or (isinstance(source, str) and not str_is_text(source)):
        loaded = _load_file(Path(source), max_bytes)
    elif isinstance(source, str):
        loaded = _text("<text>", str(source))
    elif hasattr(source, "read"):
        data = source.read(max_bytes + 1)
        name = getattr(source, "name", None)
        name = printable_path(name) if isinstance(name, (str, os.PathLike)) else "<stream>"
        if isinstance(data, str):
            loaded = _text(name, data)
        elif isinstance(data, (bytes, bytearray)):
            loaded = Loaded(name, None, data=bytes(data))
        else:
            raise UnsupportedSourceError("the file object's read() returned neither bytes nor str", source=name)
    else:
        raise UnsupportedSourceError(
            f"cannot read a {type(source).__name__}",
            hint="pass a path, bytes, a str of text, or a file opened in binary mode",
        )
    size, unit = (len(loaded.data), "bytes") if loaded.data is not None else (len(loaded.text or ""), "characters")
    if size > max_bytes:
        raise InputTooLargeError(
            f"{size} {unit} is over the limit of {max_bytes}", source=loaded.name, hint=TOO_LARGE_HINT
        )
    return loaded


def _text(name: str, text: str) -> Loaded:
    """Text as given, except lone surrogates (what a str decoded with ``errors="surrogateescape"`` holds for
    undecodable bytes): no encoding can write them, so they become U+FFFD and are reported like a lossy
    decode, instead of failing in a writer (or in the JSON text returned)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        at = [m.start() for m in _SURROGATE.finditer(text)]
        return Loaded(name, None, text=_SURROGATE.sub("\ufffd", text), replaced_at=at[:MAX_REPLACED_AT],
                      replaced=len(at))
    return Loaded(name, None, text=text)


_NOT_A_FILE = (
    (stat.S_ISDIR, "a folder", "convert a folder with convert_many() or `bulletin-format convert FOLDER -o OUT`"),
    (stat.S_ISFIFO, "a named pipe (FIFO)", "reading it could wait forever; copy what it carries into a file"),
    (stat.S_ISCHR, "a character device", "pass a regular file"),
    (stat.S_ISBLK, "a block device", "pass a regular file"),
    (stat.S_ISSOCK, "a socket", "pass a regular file"),
)


def check_regular_file(path: Path) -> os.stat_result:
    """``path``'s status when it is a regular file (links followed); a typed error naming what it is otherwise."""
    name = printable_path(path)[:400]
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            raise InputNotFoundError(f"a symbolic link to a missing file ({printable_path(os.readlink(path))})",
                                     source=name, hint="fix or remove the link") from None
        raise InputNotFoundError(
            "no such file", source=name,
            hint="check the path; to convert a str as text, give it with a line break or as parse(text=...)",
        ) from None
    except ValueError as error:  # a NUL in a PathLike: no such path can exist
        raise InputNotFoundError(f"not a possible path ({error})", source=name) from None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotAFileError("a loop of symbolic links", source=name, hint="fix the links") from None
        raise UnsupportedSourceError(
            f"cannot read the file ({error.strerror or error})", source=name,
            hint="check the path and its permissions; to convert a str as text, use parse(text=...)",
        ) from error
    for test, what, hint in _NOT_A_FILE:
        if test(st.st_mode):
            raise NotAFileError(f"this is {what}, not a file", source=name, hint=hint)
    return st


def _load_file(path: Path, max_bytes: int) -> Loaded:
    name = printable_path(path)
    size = check_regular_file(path).st_size
    if size > max_bytes:
        raise InputTooLargeError(
            f"{size} bytes is over the limit of {max_bytes}", source=name, hint=TOO_LARGE_HINT
        )
    try:
        with path.open("rb") as fh:
            # the size stat() gave, and one byte more to see whether the file has grown since (only then is
            # the rest read, up to one byte over the limit): a read of max_bytes + 1 would first reserve that
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as error:  # permission denied, an I/O error …
        raise UnsupportedSourceError(
            f"cannot read the file ({error.strerror or error})", source=name[:400],
            hint="check the path and its permissions",
        ) from error
    return Loaded(printable_path(path.name), name, data=data)


def check_binary(data: bytes, name: str) -> None:
    """Refuse binary data with a message that says what the file seems to be.

    UTF-16/32 text is full of NUL bytes: with a BOM, or BOM-less with NULs on alternate bytes, it is text.
    """
    head = data[:16]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            raise BinaryInputError(
                f"this is {what}, not text or HTML", source=name, hint="extract its text first, then convert that"
            )
    sample = data[:8192]
    if b"\x00" in sample and not _has_unicode_bom(sample) and guess_bomless_unicode(sample) is None:
        raise BinaryInputError(
            "the input contains NUL bytes: it is binary data, not text", source=name,
            hint="pass a text or HTML file; if it is UTF-16 text, save it with a BOM",
        )


def _has_unicode_bom(sample: bytes) -> bool:
    return sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE))


def decode(data: bytes, name: str, info: SourceInfo) -> str:
    """Decode ``data``, record how in ``info``, and refuse input that is mostly undecodable."""
    decoded = decode_bytes(data)
    info.encoding = decoded.encoding
    info.encoding_confidence = decoded.confidence
    info.evidence = decoded.evidence
    info.declared = decoded.declared
    info.replaced = decoded.replaced
    info.replaced_at = decoded.replaced_at
    if decoded.replaced > MAX_REPLACED_SHARE * len(decoded.text) and decoded.replaced >= 4:
        raise UndecodableInputError(
            f"{decoded.replaced} of {len(decoded.text)} characters could not be decoded as any supported encoding",
            source=name,
            hint="is it text at all? Convert it to UTF-8 first if you know its encoding",
        )
    return decoded.text


def read_container(
    loaded: Loaded, info: SourceInfo, prepare: Callable[[str, str], str] | None = None
) -> PassState | None:
    """A Word document (DOCX, or .doc/.wps through LibreOffice) read by content, before any text
    decoding; None for anything else. Other ZIP and OLE2 files are refused, saying what they are.
    ``prepare`` is handed the document's text as for a text input (``prepare_container``)."""
    data = loaded.data or b""
    prepare_state = None if prepare is None else functools.partial(prepare_container, prepare=prepare)
    if data.startswith(ZIP_MAGIC):
        from . import docx_reader

        if not docx_reader.is_docx(data, loaded.name):
            raise BinaryInputError(
                f"this is {docx_reader.describe_zip(data)}, not a Word document, text or HTML", source=loaded.name,
                hint="only DOCX among ZIP-based files is read: save it as .docx, or extract its text first",
            )
        state = docx_reader.read_bytes(data, name=loaded.name, prepare=prepare_state)
        info.format = docx_reader.FORMAT
    elif data.startswith(OLE2_MAGIC):
        from . import doc_reader

        state, info.format = doc_reader.read_bytes(data, name=loaded.name, prepare=prepare_state)
    else:
        return None
    info.encoding, info.evidence, info.declared = "utf-8", "declared", "UTF-8"  # OOXML parts are UTF-8 XML
    info.encoding_confidence = None
    state.source = info
    if not any(line.kept for line in state.lines):
        raise NoTextError(
            f"the {info.format.upper()} holds no text", source=loaded.name,
            hint="if it is a scan (images only), run OCR on it first",
        )
    return state


CONTAINER_TEXT_FORMAT = "docx"  # what ``prepare`` is told a Word document's text is (.doc/.wps are read as DOCX)


def prepare_container(state: PassState, prepare: Callable[[str, str], str]) -> None:
    """What ``prepare`` does to a decoded text, done to the texts read from a Word document — its lines, the
    cells of its tables, and what went to ``removed`` (headers, footers, notes) — before the DOCX reader reads
    its own styles as what they say (the Simplified shadow of a Traditional document, shadow.py, so that the
    rules and the segmenter read it as they read a Traditional text file).

    The texts are handed over as one text, one a line, and each takes back its stretch of what ``prepare``
    returns: it must keep every character's place (the shadow is one character for one)."""
    cells = [cell for ln in state.lines if ln.table is not None for row in ln.table for cell in row]
    texts = [ln.text for ln in state.lines if ln.table is None]
    texts += [cell.text for cell in cells] + [r.text for r in state.extra_removed]
    # A prepare step may say that it would keep the texts as they are (ShadowReading.leaves_alone, for a
    # Simplified document): then no joined copy of them, as big as the whole text, is made to learn it.
    leaves_alone = getattr(prepare, "leaves_alone", None)
    if leaves_alone is not None and leaves_alone(texts, CONTAINER_TEXT_FORMAT):
        return
    joined = "\n".join(texts)
    prepared = prepare(joined, CONTAINER_TEXT_FORMAT)
    if prepared is joined or prepared == joined:
        return
    if len(prepared) != len(joined):
        raise ValueError("prepare() must keep the length of a Word document's text")  # a programming error
    at = 0
    parts: list[str] = []
    for piece in texts:
        parts.append(prepared[at : at + len(piece)])
        at += len(piece) + 1
    back = iter(parts)
    for ln in state.lines:
        if ln.table is None:
            ln.text = next(back)
    for cell in cells:
        cell.text = next(back)
    for ln in state.lines:
        if ln.table is not None:
            ln.text = table_text(ln.table)  # a table line's text is its rows joined
    for removed in state.extra_removed:
        removed.text = next(back)


def _text_format(text: str, loaded: Loaded) -> ModuleType:
    """The reader for decoded text: by a telling suffix (.md), else the first format that sniffs it —
    except that a text opening with a Markdown front block (``---`` / ``key: value`` lines / ``---``) is
    Markdown whatever HTML it holds (a table with merged cells is an HTML block in Markdown; no page starts
    so)."""
    suffix = Path(loaded.name).suffix.lower()
    if suffix in SUFFIX_FORMATS and not html.sniff(text):
        return SUFFIX_FORMATS[suffix]
    if text.lstrip("\ufeff").startswith("---") and markdown.has_front_matter(text):
        return markdown
    return next(m for m in FORMATS if m.sniff(text))


def read(
    source: Source, *, max_bytes: int = DEFAULT_MAX_BYTES, prepare: Callable[[str, str], str] | None = None
) -> PassState:
    """Load, decode and split the input into a ``PassState`` ready for the cleaning rules.

    ``prepare(text, format)`` may replace the decoded text before the format's reader reads it (the
    pipeline hands over the Simplified shadow of a Traditional input: shadow.py); a Word document's texts
    go through it too, once read (``prepare_container``)."""
    loaded = load(source, max_bytes=max_bytes)
    info = SourceInfo(path=loaded.path)
    if loaded.data is not None:
        info.size = len(loaded.data)
        if not loaded.data:
            raise EmptyInputError("the input is empty (0 bytes)", source=loaded.name, hint="nothing to convert")
        container = read_container(loaded, info, prepare)
        if container is not None:
            return container
        check_binary(loaded.data, loaded.name)
        decoded_text = decode(loaded.data, loaded.name, info)
        loaded.data = None  # the raw bytes are not needed once decoded (their size is in info.size)
        from_bytes = True
    else:
        from_bytes = False
        decoded_text = loaded.text or ""
        info.size = len(decoded_text)
        info.encoding_confidence = None
        info.replaced, info.replaced_at = loaded.replaced, loaded.replaced_at
        if loaded.replaced > MAX_REPLACED_SHARE * len(decoded_text) and loaded.replaced >= 4:
            raise UndecodableInputError(
                f"{loaded.replaced} of {len(decoded_text)} characters are lone surrogates (undecodable bytes)",
                source=loaded.name, hint="decode the bytes with the right encoding, or pass the bytes instead",
            )
    if (nul := decoded_text.find("\x00")) >= 0:  # check_binary only looked at the first 8 KiB of bytes
        raise BinaryInputError(
            f"the input contains NUL characters (first at character {nul}): it is binary or damaged",
            source=loaded.name, hint="remove the NUL characters, or extract the text with the tool that made the file",
        )
    if not decoded_text.lstrip("\ufeff").strip():
        raise EmptyInputError("the input holds only whitespace", source=loaded.name, hint="nothing to convert")
    fmt = _text_format(decoded_text, loaded)
    if prepare is not None:
        decoded_text = prepare(decoded_text, fmt.FORMAT)
    # handed over, not kept here: the reader may let the text go while it still works (a big table's text is
    # joined after the last row was read, when the decoded text is no longer needed: text.read)
    handed = [decoded_text]
    del decoded_text
    state: PassState = fmt.read(handed.pop(), name=loaded.name)
    info.format = fmt.FORMAT
    info.extraction = state.extraction
    state.source = info
    if not any(line.kept for line in state.lines):
        raise NoTextError(
            "the page holds no visible text", source=loaded.name,
            hint="if its text is loaded by JavaScript, save the page as rendered by a browser and convert that",
        )
    if info.replaced and not from_bytes:
        state.warnings.append(
            f"the text held {info.replaced} lone surrogate(s) (undecodable bytes of a str decoded with "
            f"surrogateescape?), replaced by U+FFFD (first at offsets {info.replaced_at[:5]})"
        )
    elif info.replaced:
        state.warnings.append(
            f"lossy decode: {info.replaced} characters could not be decoded as {info.encoding} and were replaced "
            f"by U+FFFD (first at offsets {info.replaced_at[:5]})"
        )
    return state


__all__ = [
    "DEFAULT_MAX_BYTES", "Loaded", "Source", "Text", "check_binary", "check_regular_file", "decode", "load",
    "prepare_container", "printable_path", "read", "read_container", "str_is_text",
]

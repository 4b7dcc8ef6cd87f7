"""The library's error types: every failure on bad input is a BulletinFormatError subclass.

Each message names the input (file name or ``<bytes>``/``<text>``) and says what to do about it.
"""

from __future__ import annotations


class BulletinFormatError(Exception):
    """Base class of every error this library raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None, hint: str | None = None) -> None:
        self.source = source
        self.hint = hint
        text = message
        if source:
            text = f"{source}: {text}"
        if hint:
            text = f"{text} — {hint}"
        super().__init__(text)


class EmptyInputError(BulletinFormatError):
    """The input holds no text at all (empty, or only whitespace)."""


class BinaryInputError(BulletinFormatError):
    """The input is binary data (NUL bytes or the magic number of a PDF, ZIP, image, …)."""


class UndecodableInputError(BulletinFormatError):
    """The bytes could not be decoded as text in any supported encoding."""


class InputTooLargeError(BulletinFormatError):
    """The input is larger than the configured ``max_bytes`` limit."""


class NoTextError(BulletinFormatError):
    """An HTML page (or other markup) that holds no visible text."""


class DamagedInputError(BulletinFormatError):
    """A document container that cannot be read: a corrupt or truncated ZIP, a DOCX without its main
    part or with broken XML, a .doc LibreOffice could not convert."""


class EncryptedInputError(BulletinFormatError):
    """A password-protected (encrypted) Word file: its text cannot be read without the password."""


class ConverterMissingError(BulletinFormatError):
    """A .doc/.wps file needs LibreOffice (``soffice``) to be converted, and it is not installed."""


class UnsupportedSourceError(BulletinFormatError):
    """``parse``/``convert`` was given something that is neither a path, bytes, text nor a binary file."""


class InputNotFoundError(UnsupportedSourceError):
    """The input path names no file (a ``str`` without a line break is a path: see ``parse(text=...)``)."""


class NotAFileError(UnsupportedSourceError):
    """The input path is not a regular file: a folder, a FIFO, a device, a socket or a symbolic link loop."""


class OutsideInputTreeError(UnsupportedSourceError):
    """A symbolic link inside an input folder leads out of that folder; it is not followed."""


class OutputFormatError(BulletinFormatError):
    """An unknown output format was asked for (``to=`` other than the registered writers)."""


class OptionError(BulletinFormatError, ValueError):
    """An option has a value it cannot take (checked before any work is done)."""


class UnknownOptionError(OptionError, TypeError):
    """An option name that neither parsing nor any writer takes (a typo is never silently ignored)."""


class ChineseConversionError(OptionError):
    """A bad ``chinese``/``opencc_config`` option, or OpenCC is missing."""


class ProfileError(BulletinFormatError, ValueError):
    """A DOCX layout profile that cannot be used: an unknown name, an unknown setting, or a value of the wrong
    type or out of range (a negative size, an infinite length, …)."""


class WriterOptionError(BulletinFormatError, TypeError):
    """A writer was given an option it does not know, or a value it cannot use."""


class DocxWriteError(BulletinFormatError):
    """The DOCX writer could not lay out a Document (a limit of the DOCX format or of python-docx was reached)."""


class DocxReadError(BulletinFormatError):
    """A file given to the DOCX checker is not a DOCX that can be read (not a ZIP, no document part, unsafe XML)."""


class RenderError(BulletinFormatError):
    """Rendering a DOCX with LibreOffice failed (not installed, timed out, or produced no PDF)."""


class OutputError(BulletinFormatError):
    """An output could not be written: the path is a folder, permission is denied, the disk is full."""


class WriterError(BulletinFormatError):
    """A writer failed on a document (in a batch, the other formats of that input are still written)."""


class ConversionTimeoutError(BulletinFormatError):
    """One input took longer than the batch's per-file time limit (``timeout``)."""


class WorkerError(BulletinFormatError):
    """The worker process converting an input died (killed, out of memory) before it could answer."""


class ProcessPoolError(BulletinFormatError, RuntimeError):
    """The worker pool could not start, e.g. a script that calls ``convert_many`` without the
    ``if __name__ == "__main__":`` guard the default pool needs."""

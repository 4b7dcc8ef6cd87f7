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


class OutputFormatError(BulletinFormatError):
    """An unknown output format was asked for (``to=`` other than json or docx)."""


class ChineseConversionError(BulletinFormatError, ValueError):
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

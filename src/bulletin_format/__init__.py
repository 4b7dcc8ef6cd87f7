"""bulletin-format: scraped Chinese bulletins, documents, speeches and news → clean JSON and GB/T 9704 DOCX.

    import bulletin_format as bf
    doc = bf.parse("page.html")            # a Document (a one-line str is a path; text= for text)
    bf.convert("page.html", to="docx", output="page.docx")
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import (
    BinaryInputError,
    BulletinFormatError,
    ChineseConversionError,
    ConversionTimeoutError,
    ConverterMissingError,
    DamagedInputError,
    DocxReadError,
    DocxWriteError,
    EmptyInputError,
    EncryptedInputError,
    InputNotFoundError,
    InputTooLargeError,
    NotAFileError,
    NoTextError,
    OptionError,
    OutputError,
    OutputFormatError,
    OutsideInputTreeError,
    ProcessPoolError,
    ProfileError,
    RenderError,
    UndecodableInputError,
    UnknownOptionError,
    UnsupportedSourceError,
    WorkerError,
    WriterError,
    WriterOptionError,
)

if TYPE_CHECKING:
    from .api import convert, parse, render
    from .batch import BatchResult, OutputCollisionError, convert_many
    from .docx.check import check_docx
    from .model import (
        Article,
        Attachment,
        Block,
        DistributionLine,
        Document,
        Header,
        PageMetadata,
        Removed,
        Signature,
        SourceInfo,
    )

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())  # the caller decides what is shown (CLI: -v, -vv)

# The public names below are imported from their modules when first used: ``import bulletin_format``
# stays cheap (no regular expressions compiled, no lxml, no python-docx), and a program pays for the
# parts it calls.
_LAZY = {
    **dict.fromkeys(("convert", "parse", "render"), ".api"),
    **dict.fromkeys(("BatchResult", "OutputCollisionError", "convert_many"), ".batch"),
    "check_docx": ".docx.check",
    **dict.fromkeys(
        ("Article", "Attachment", "Block", "DistributionLine", "Document", "Header", "PageMetadata", "Removed",
         "Signature", "SourceInfo"),
        ".model",
    ),
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is not None:
        value = getattr(import_module(module, __name__), name)
    else:  # a submodule (bulletin_format.api …), as when everything was imported at once
        try:
            value = import_module(f".{name}", __name__)
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})

__all__ = [
    "Article",
    "Attachment",
    "BatchResult",
    "BinaryInputError",
    "Block",
    "BulletinFormatError",
    "ChineseConversionError",
    "ConversionTimeoutError",
    "ConverterMissingError",
    "DamagedInputError",
    "DistributionLine",
    "Document",
    "DocxReadError",
    "DocxWriteError",
    "EmptyInputError",
    "EncryptedInputError",
    "Header",
    "InputNotFoundError",
    "InputTooLargeError",
    "NoTextError",
    "NotAFileError",
    "OptionError",
    "OutputCollisionError",
    "OutputError",
    "OutputFormatError",
    "OutsideInputTreeError",
    "PageMetadata",
    "ProcessPoolError",
    "ProfileError",
    "Removed",
    "RenderError",
    "Signature",
    "SourceInfo",
    "UndecodableInputError",
    "UnknownOptionError",
    "UnsupportedSourceError",
    "WorkerError",
    "WriterError",
    "WriterOptionError",
    "__version__",
    "check_docx",
    "convert",
    "convert_many",
    "parse",
    "render",
]

"""bulletin-format: scraped Chinese bulletins, documents, speeches and news → clean JSON and GB/T 9704 DOCX.

    import bulletin_format as bf
    doc = bf.parse("page.html")            # a Document (a one-line str is a path; text= for text)
    bf.convert("page.html", to="docx", output="page.docx")
"""

from __future__ import annotations

import logging

from .api import convert, parse, render
from .batch import BatchResult, convert_many
from .docx.check import check_docx
from .errors import (
    BinaryInputError,
    BulletinFormatError,
    ChineseConversionError,
    ConversionTimeoutError,
    ConverterMissingError,
    DamagedInputError,
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
    UndecodableInputError,
    UnknownOptionError,
    UnsupportedSourceError,
    WorkerError,
    WriterError,
)
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
    "EmptyInputError",
    "EncryptedInputError",
    "Header",
    "InputNotFoundError",
    "InputTooLargeError",
    "NoTextError",
    "NotAFileError",
    "OptionError",
    "OutputError",
    "OutputFormatError",
    "OutsideInputTreeError",
    "PageMetadata",
    "ProcessPoolError",
    "Removed",
    "Signature",
    "SourceInfo",
    "UndecodableInputError",
    "UnknownOptionError",
    "UnsupportedSourceError",
    "WorkerError",
    "WriterError",
    "__version__",
    "check_docx",
    "convert",
    "convert_many",
    "parse",
    "render",
]

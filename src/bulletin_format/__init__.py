"""bulletin-format: scraped Chinese bulletins, documents, speeches and news → clean JSON and GB/T 9704 DOCX.

    import bulletin_format as bf
    doc = bf.parse("page.html")            # a Document
    bf.convert("page.html", to="docx", output="page.docx")
"""

from __future__ import annotations

from .api import convert, parse, render
from .batch import BatchResult, convert_many
from .docx.check import check_docx
from .errors import (
    BinaryInputError,
    BulletinFormatError,
    ChineseConversionError,
    ConverterMissingError,
    DamagedInputError,
    EmptyInputError,
    EncryptedInputError,
    InputTooLargeError,
    NoTextError,
    OutputFormatError,
    UndecodableInputError,
    UnsupportedSourceError,
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

__all__ = [
    "Article",
    "Attachment",
    "BatchResult",
    "BinaryInputError",
    "Block",
    "BulletinFormatError",
    "ChineseConversionError",
    "ConverterMissingError",
    "DamagedInputError",
    "DistributionLine",
    "Document",
    "EmptyInputError",
    "EncryptedInputError",
    "Header",
    "InputTooLargeError",
    "NoTextError",
    "OutputFormatError",
    "PageMetadata",
    "Removed",
    "Signature",
    "SourceInfo",
    "UndecodableInputError",
    "UnsupportedSourceError",
    "__version__",
    "check_docx",
    "convert",
    "convert_many",
    "parse",
    "render",
]

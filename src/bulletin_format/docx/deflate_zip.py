"""The DOCX's ZIP container, written in one pass from members compressed ahead of time.

A member is compressed once (``compress``), or from a stream of pieces without holding the whole of it
(``compress_pieces``: the document body of a large DOCX), and members compressed once per process (the parts every
document shares) are reused as they are. ``archive`` lays the members out exactly as ``zipfile.ZipFile.writestr``
writes a ``ZipInfo`` with a fixed time and mode on a seekable file (the same bytes, checked by the tests against
``zipfile``), ZIP64 fields included where zipfile would write them.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
EXTERNAL_ATTR = 0o644 << 16  # -rw-r--r--
ZIP64_LIMIT = (1 << 31) - 1  # zipfile.ZIP64_LIMIT
ZIP_FILECOUNT_LIMIT = (1 << 16) - 1
DEFLATED = 8
VERSION = 20  # zipfile.DEFAULT_VERSION: deflate
ZIP64_VERSION = 45
CREATE_SYSTEM = 3  # Unix, as zipfile writes it everywhere but on Windows
UTF8_NAME_FLAG = 0x800
LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
END_RECORD = struct.Struct("<4s4H2LH")
END_RECORD64 = struct.Struct("<4sQ2H2L4Q")
END_LOCATOR64 = struct.Struct("<4sLQL")


@dataclass(frozen=True)
class Member:
    """One compressed member: its name, CRC-32, size before and after compression, and the compressed bytes."""

    name: str
    crc: int
    size: int
    data: bytes

    @property
    def compressed_size(self) -> int:
        return len(self.data)


def _compressor() -> zlib._Compress:
    # what zipfile uses for ZIP_DEFLATED at the default level
    return zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)


def compress(name: str, data: bytes) -> Member:
    compressor = _compressor()
    return Member(name, zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


def compress_pieces(name: str, pieces: Iterable[bytes]) -> Member:
    """A member made of ``pieces`` in order, compressed as they come (deflate's output does not depend on how its
    input is cut: the same bytes as ``compress`` of the pieces joined)."""
    compressor = _compressor()
    crc = size = 0
    out: list[bytes] = []
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
        size += len(piece)
        out.append(compressor.compress(piece))
    out.append(compressor.flush())
    return Member(name, crc, size, b"".join(out))


_DOS_DATE = (FIXED_ZIP_TIME[0] - 1980) << 9 | FIXED_ZIP_TIME[1] << 5 | FIXED_ZIP_TIME[2]
_DOS_TIME = FIXED_ZIP_TIME[3] << 11 | FIXED_ZIP_TIME[4] << 5 | (FIXED_ZIP_TIME[5] // 2)


def _name_and_flags(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), UTF8_NAME_FLAG


def archive(members: Iterable[Member]) -> bytes:
    """The ZIP file holding ``members`` in order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    count = 0
    for m in members:
        name, flags = _name_and_flags(m.name)
        # zipfile decides on ZIP64 for the local header from the size it is told in advance (writestr knows it)
        local64 = m.size * 1.05 > ZIP64_LIMIT
        version = ZIP64_VERSION if local64 else VERSION
        if local64:
            extra = struct.pack("<HHQQ", 1, 16, m.size, m.compressed_size)
            sizes = (0xFFFFFFFF, 0xFFFFFFFF)
        else:
            extra, sizes = b"", (m.compressed_size, m.size)
        header = LOCAL_HEADER.pack(
            b"PK\003\004", version, 0, flags, DEFLATED, _DOS_TIME, _DOS_DATE, m.crc, *sizes, len(name), len(extra)
        )
        out += (header, name, extra, m.data)
        # the central directory's ZIP64 fields, as zipfile._write_end_record writes them
        fields: list[int] = []
        if m.size > ZIP64_LIMIT or m.compressed_size > ZIP64_LIMIT:
            fields += (m.size, m.compressed_size)
            csizes = (0xFFFFFFFF, 0xFFFFFFFF)
        else:
            csizes = (m.compressed_size, m.size)
        header_offset = offset
        if offset > ZIP64_LIMIT:
            fields.append(offset)
            header_offset = 0xFFFFFFFF
        cextra = struct.pack("<HH" + "Q" * len(fields), 1, 8 * len(fields), *fields) if fields else b""
        cversion = ZIP64_VERSION if fields or local64 else VERSION
        central.append(
            CENTRAL_HEADER.pack(
                b"PK\001\002", cversion, CREATE_SYSTEM, cversion, 0, flags, DEFLATED, _DOS_TIME, _DOS_DATE, m.crc,
                *csizes, len(name), len(cextra), 0, 0, 0, EXTERNAL_ATTR, header_offset,
            )
            + name
            + cextra
        )
        offset += len(header) + len(name) + len(extra) + m.compressed_size
        count += 1
    directory = b"".join(central)
    start = offset
    out.append(directory)
    end_offset, end_size, end_count = start, len(directory), count
    if count > ZIP_FILECOUNT_LIMIT or start > ZIP64_LIMIT or len(directory) > ZIP64_LIMIT:
        position = start + len(directory)
        out.append(END_RECORD64.pack(b"PK\006\006", 44, 45, 45, 0, 0, count, count, len(directory), start))
        out.append(END_LOCATOR64.pack(b"PK\006\007", 0, position, 1))
        end_count = min(count, 0xFFFF)
        end_size = min(len(directory), 0xFFFFFFFF)
        end_offset = min(start, 0xFFFFFFFF)
    out.append(END_RECORD.pack(b"PK\005\006", 0, 0, end_count, end_count, end_size, end_offset, 0))
    return b"".join(out)

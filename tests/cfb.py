"""A minimal Compound File Binary (OLE2) writer, for test inputs: a password-protected DOCX (an OLE2 file
holding EncryptionInfo and EncryptedPackage), an encrypted .doc (its WordDocument stream's FIB says so),
an .xls. Version 3, 512-byte sectors, every stream padded to the 4096-byte mini-stream cutoff so that no
mini stream is needed ([MS-CFB])."""

from __future__ import annotations

import struct

SECTOR = 512
END_OF_CHAIN, FAT_SECTOR, FREE, NO_STREAM = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF, 0xFFFFFFFF
MINI_CUTOFF = 4096


def _entry(name: str, kind: int, start: int, size: int, *, right: int = NO_STREAM, child: int = NO_STREAM) -> bytes:
    encoded = name.encode("utf-16-le") + b"\x00\x00"
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", NO_STREAM, right, child)
        + bytes(16 + 4 + 16)
        + struct.pack("<IQ", start, size)
    )


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 file holding ``streams`` (name → content) in its root storage."""
    names = list(streams)
    data = [streams[n].ljust(MINI_CUTOFF, b"\x00") for n in names]
    entries = 1 + len(names)
    dir_sectors = -(-entries * 128 // SECTOR)
    sizes = [-(-len(d) // SECTOR) for d in data]
    total = 1 + dir_sectors + sum(sizes)
    assert total <= SECTOR // 4, "one FAT sector is enough for a test file"
    fat = [FAT_SECTOR]
    fat += [i + 2 for i in range(dir_sectors - 1)] + [END_OF_CHAIN]
    starts = []
    at = 1 + dir_sectors
    for n in sizes:
        starts.append(at)
        fat += [at + i + 1 for i in range(n - 1)] + [END_OF_CHAIN]
        at += n
    fat += [FREE] * (SECTOR // 4 - len(fat))
    directory = _entry("Root Entry", 5, END_OF_CHAIN, 0, child=1)
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else NO_STREAM
        directory += _entry(name, 2, starts[i], len(data[i]), right=right)
    directory = directory.ljust(dir_sectors * SECTOR, b"\x00")
    for i in range(entries, dir_sectors * SECTOR // 128):  # unused entries: empty, no siblings
        directory = directory[: i * 128] + _entry("", 0, 0, 0) + directory[(i + 1) * 128 :]
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, MINI_CUTOFF, END_OF_CHAIN, 0, END_OF_CHAIN, 0)
        + struct.pack("<I", 0) + struct.pack("<I", FREE) * 108
    )
    assert len(header) == SECTOR
    body = struct.pack(f"<{SECTOR // 4}I", *fat) + directory + b"".join(d.ljust(n * SECTOR, b"\x00")
                                                                         for d, n in zip(data, sizes, strict=True))
    return header + body


def word_document_stream(*, encrypted: bool) -> bytes:
    """The start of a WordDocument stream: a FibBase (wIdent 0xA5EC, nFib 0x00C1) with fEncrypted set or not."""
    flags = 0x0100 if encrypted else 0
    return struct.pack("<HHHHH", 0xA5EC, 0x00C1, 0, 0x0409, 0) + struct.pack("<H", flags) + bytes(64)

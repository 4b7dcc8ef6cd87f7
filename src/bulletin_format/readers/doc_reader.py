"""Old Word files (.doc, and WPS's .wps) through LibreOffice: OLE2 → DOCX → ``docx_reader``.

The OLE2 container is opened with olefile to tell what it holds before anything runs: a
password-protected file (an encrypted DOCX is an OLE2 file holding ``EncryptedPackage``; an
encrypted .doc sets a flag in its ``WordDocument`` stream) is refused with ``EncryptedInputError``;
a Word or WPS document is converted with ``soffice --headless --convert-to docx`` (a throw-away user
profile, a time limit, no network) and read as DOCX; any other OLE2 file (an .xls, a .ppt) is
refused saying what it is. Without LibreOffice the error says so (``ConverterMissingError``).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from ..errors import BinaryInputError, ConverterMissingError, DamagedInputError, EncryptedInputError
from ..lines import PassState
from . import docx_reader

CONVERT_TIMEOUT_S = 180  # LibreOffice converts a 300-page .doc in well under a minute; a hang is ended here
FIB_FLAGS_OFFSET = 0x0A  # FibBase.flags in the WordDocument stream ([MS-DOC] 2.5.2)
FIB_ENCRYPTED = 0x0100  # fEncrypted: the document is encrypted (or XOR-obfuscated, with fObfuscated)
SOFFICE_NAMES = ("soffice", "libreoffice")
SOFFICE_PATHS = (  # where LibreOffice installs when it is not on PATH
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)
_OTHER_OLE = (
    ("Workbook", "an Excel 97-2003 workbook (.xls)"),
    ("Book", "an Excel 5 workbook (.xls)"),
    ("PowerPoint Document", "a PowerPoint 97-2003 presentation (.ppt)"),
    ("__substg1.0_0037001F", "an Outlook message (.msg)"),
    ("VisioDocument", "a Visio drawing (.vsd)"),
)


def find_soffice() -> str | None:
    """The LibreOffice executable: ``$BULLETIN_FORMAT_SOFFICE``, ``soffice`` on PATH, or a usual place."""
    configured = os.environ.get("BULLETIN_FORMAT_SOFFICE")
    if configured:
        return configured if Path(configured).is_file() else None
    for name in SOFFICE_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in SOFFICE_PATHS if Path(p).is_file()), None)


def identify(data: bytes, name: str) -> Literal["doc", "wps"]:
    """What an OLE2 file holds: ``doc`` or ``wps`` (convertible); raises for encrypted or other files."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, IndexError, TypeError, AssertionError) as error:
        raise DamagedInputError(
            f"this old Office (OLE2) file cannot be read ({error})", source=name,
            hint="it is truncated or corrupt: open it in Word or WPS and save it again",
        ) from error
    with ole:
        if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
            raise EncryptedInputError(
                "this Office document is password-protected (encrypted)", source=name,
                hint="open it with its password in Word or WPS and save a copy without one",
            )
        if ole.exists("WordDocument"):
            try:
                fib = ole.openstream("WordDocument").read(FIB_FLAGS_OFFSET + 2)
            except OSError as error:
                raise DamagedInputError(f"its WordDocument stream cannot be read ({error})", source=name) from error
            if len(fib) >= FIB_FLAGS_OFFSET + 2 and int.from_bytes(fib[FIB_FLAGS_OFFSET:], "little") & FIB_ENCRYPTED:
                raise EncryptedInputError(
                    "this Word document is password-protected (encrypted)", source=name,
                    hint="open it with its password in Word or WPS and save a copy without one",
                )
            return "wps" if name.lower().endswith(".wps") else "doc"
        if ole.exists("CONTENTS") or ole.exists("MatOST"):  # Microsoft Works and early WPS word processors
            return "wps"
        for stream, what in _OTHER_OLE:
            if ole.exists(stream):
                raise BinaryInputError(
                    f"this is {what}, not a Word document, text or HTML", source=name,
                    hint="extract its text first, then convert that",
                )
    raise BinaryInputError(
        "this is an old Office (OLE2) file that is not a Word or WPS document", source=name,
        hint="save it as .docx, or extract its text first",
    )


def convert_to_docx(data: bytes, name: str, suffix: str) -> bytes:
    """``data`` (a .doc or .wps) converted to DOCX bytes by LibreOffice."""
    soffice = find_soffice()
    if soffice is None:
        raise ConverterMissingError(
            f"reading a {suffix} file needs LibreOffice, which is not installed", source=name,
            hint="install it (Debian/Ubuntu: apt-get install libreoffice-writer-nogui), "
            "set BULLETIN_FORMAT_SOFFICE to its soffice, or save the file as .docx",
        )
    with tempfile.TemporaryDirectory(prefix="bulletin-format-") as tmp:
        folder = Path(tmp)
        source = folder / f"input{suffix}"
        source.write_bytes(data)
        out = folder / "out"
        command = [
            soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--invisible",
            "--norestore", "--nologo", "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", str(out), str(source),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=CONVERT_TIMEOUT_S, stdin=subprocess.DEVNULL,
                                  check=False)
        except subprocess.TimeoutExpired as error:
            raise DamagedInputError(
                f"LibreOffice did not convert it within {CONVERT_TIMEOUT_S} s", source=name,
                hint="open it in Word, WPS or LibreOffice and save it as .docx",
            ) from error
        except OSError as error:
            raise ConverterMissingError(
                f"LibreOffice ({soffice}) could not be started ({error.strerror or error})", source=name,
                hint="check the installation, or save the file as .docx",
            ) from error
        result = out / "input.docx"
        if not result.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise DamagedInputError(
                f"LibreOffice could not convert it ({said[-1] if said else f'exit status {done.returncode}'})",
                source=name, hint="it may be damaged: open it in Word or WPS and save it as .docx",
            )
        return result.read_bytes()


def read_bytes(
    data: bytes, *, name: str = "<bytes>", prepare: Callable[[PassState], None] | None = None
) -> tuple[PassState, Literal["doc", "wps"]]:
    """Read a .doc/.wps: (the DOCX reader's ``PassState`` of the converted file, ``doc`` or ``wps``);
    ``prepare`` as for ``docx_reader.read_bytes``."""
    kind = identify(data, name)
    docx = convert_to_docx(data, name, f".{kind}")
    state = docx_reader.read_bytes(docx, name=name, prepare=prepare)
    state.warnings.append(f"{kind}: converted to DOCX with LibreOffice before reading")
    return state, kind

"""Bad input gets its own BulletinFormatError subclass, with a message naming the input and what to do.

Empty or whitespace-only input, binary data (NUL bytes, PDF/ZIP/image magic numbers), input over
``max_bytes``, HTML with no text, and bytes nothing can decode. UTF-16/32 text is full of NUL bytes and must
not be taken for binary data, with or without a BOM.
"""

from __future__ import annotations

import io
import zipfile

import pytest

import bulletin_format as bf
from bulletin_format.errors import (
    BinaryInputError,
    BulletinFormatError,
    EmptyInputError,
    InputTooLargeError,
    NoTextError,
    UndecodableInputError,
)
from bulletin_format.readers import check_binary, encoding, read

TEXT = "关于做好2005年春节期间安全工作的通知\n\n各区县人民政府，市政府各部门：\n现将有关事项通知如下。\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    return buffer.getvalue()


# --- empty ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"", b"   \n\t\r\n  ", "\ufeff".encode("utf-8"), " \n".encode("utf-16"), "\u3000\n \u3000".encode("gbk"),
     b"\xef\xbb\xbf  \n"],
    ids=["empty", "whitespace", "bom-only", "utf16-whitespace", "ideographic-space", "bom-whitespace"],
)
def test_empty_or_whitespace_bytes(tmp_path, data):
    path = write(tmp_path, "blank.txt", data)
    with pytest.raises(EmptyInputError, match=r"blank\.txt: .*nothing to convert"):
        bf.parse(path)
    with pytest.raises(EmptyInputError, match="<bytes>"):
        bf.parse(data)


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t", "\ufeff \u3000"])
def test_empty_or_whitespace_text(text):
    with pytest.raises(EmptyInputError):
        bf.parse(text + "\n")


# --- binary ----------------------------------------------------------------------------------------------------

BINARY = {
    "pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
    "xlsx": (xlsx_bytes(), "Excel workbook"),  # DOCX is read (tests/test_docx_reader.py); other ZIPs are refused
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
    "jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(64), "JPEG image"),
    "gif": (b"GIF89a\x01\x00\x01\x00" + bytes(20), "GIF image"),
    "gzip": (b"\x1f\x8b\x08\x00" + bytes(32), "gzip"),
    "nul-bytes": (b"\x00\x01\x02\x03binary\x00\x00\xff\xfe\x00\x10" * 20, "NUL bytes"),
    "elf": (b"\x7fELF\x02\x01\x01" + bytes(9) + b"\x02\x00\x3e\x00" + bytes(100), "NUL bytes"),
    "utf8-with-nuls": (TEXT.encode("utf-8") + b"\x00" * 30 + TEXT.encode("utf-8"), "NUL bytes"),
}


@pytest.mark.parametrize("kind", list(BINARY))
def test_binary_input_is_refused_with_what_it_is(tmp_path, kind):
    data, what = BINARY[kind]
    path = write(tmp_path, f"input.{kind}", data)
    with pytest.raises(BinaryInputError, match=rf"input\.{kind}: .*{what}") as caught:
        bf.parse(path)
    assert caught.value.source == str(path.name) and caught.value.hint


def test_nul_characters_in_text_are_refused():
    with pytest.raises(BinaryInputError, match="NUL"):
        bf.parse("正文\x00\x00第一段\n")


# --- UTF-16/32 text is not binary ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"],
)
@pytest.mark.parametrize(
    "text",
    [TEXT, "Notice No. 3\nAll offices: see below.\n", "通知" * 40 + "\n", "一二一二一一统一\n" * 20,
     "いろはにほへと ちりぬるを わかよたれそ\n東京都の天気は晴れです。\n"],
    ids=["mixed", "ascii", "hanzi-only", "yi-u4e00", "japanese"],
)
def test_utf16_and_utf32_are_text(codec, text):
    data = text.encode(codec)
    check_binary(data, "<bytes>")
    doc = bf.parse(data)
    assert doc.source.replaced == 0
    state = read(data)
    assert "\n".join(line.text for line in state.lines) == "\n".join(ln for ln in text.splitlines() if ln.strip())


def test_utf16_chinese_with_few_ascii_characters_is_not_binary():
    # U+4E00 一 puts a NUL on the "wrong" byte; only 2 ASCII characters put one on the right one
    text = "一二三一二三统一一致" * 50 + "\n" + "一" * 30 + "\n"
    for codec in ("utf-16-le", "utf-16-be"):
        check_binary(text.encode(codec), "<bytes>")
        assert read(text.encode(codec)).lines[0].text.startswith("一二三")


# --- too large -----------------------------------------------------------------------------------------------


def test_input_over_max_bytes(tmp_path):
    data = TEXT.encode("gbk") * 10
    path = write(tmp_path, "big.txt", data)
    with pytest.raises(InputTooLargeError, match=r"big\.txt: .*over the limit of 100.*max_bytes"):
        bf.parse(path, max_bytes=100)
    with pytest.raises(InputTooLargeError):
        bf.parse(data, max_bytes=100)
    with pytest.raises(InputTooLargeError):
        bf.parse(io.BytesIO(data), max_bytes=100)
    assert bf.parse(data, max_bytes=len(data)).source.size == len(data)


def test_default_limit_exists():
    from bulletin_format.readers import DEFAULT_MAX_BYTES

    assert 1 << 20 <= DEFAULT_MAX_BYTES < 1 << 31


# --- HTML with no text, undecodable bytes ------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><head><title></title></head><body><div></div></body></html>",
        "<html><head><meta charset='gbk'></head><body>\n<div id='app'></div>\n</body></html>",
        "<html><body><img src='scan.png'><br><hr></body></html>",
    ],
    ids=["empty-body", "js-app", "image-only"],
)
def test_html_without_text(tmp_path, page):
    path = write(tmp_path, "page.html", page.encode("gbk"))
    with pytest.raises(NoTextError, match=r"page\.html: .*no visible text"):
        bf.parse(path)


def test_bytes_nothing_can_decode(tmp_path, monkeypatch):
    # GB/Big5 lead bytes before ASCII: no multibyte codec takes these. chardet 5 has no answer; chardet 7 names
    # some single-byte codepage with confidence 0.002, which would be taken: make both behave like 5.
    monkeypatch.setattr(encoding, "chardet_detect", lambda sample: (None, None))
    data = b"\x81\x20\xfe\x0a" * 200
    path = write(tmp_path, "garbage.txt", data)
    with pytest.raises(UndecodableInputError, match=r"garbage\.txt: .*could not be decoded"):
        bf.parse(path, max_bytes=10_000)


def test_every_bad_input_error_is_a_bulletin_format_error():
    for error in (EmptyInputError, BinaryInputError, InputTooLargeError, NoTextError, UndecodableInputError):
        assert issubclass(error, BulletinFormatError)


def test_nul_bytes_after_the_first_kib_are_refused_too():
    data = (TEXT * 400).encode("utf-8") + b"\x00" * 16 + TEXT.encode("utf-8")
    assert b"\x00" not in data[:8192]
    with pytest.raises(BinaryInputError, match="NUL characters"):
        bf.parse(data)


@pytest.mark.parametrize("limit", [0, -5, 1.5, True])
def test_max_bytes_must_be_a_positive_integer(limit):
    with pytest.raises(ValueError, match="max_bytes"):
        bf.parse(TEXT.encode("utf-8"), max_bytes=limit)


def test_unreadable_paths_raise_a_library_error(tmp_path):
    from bulletin_format.errors import UnsupportedSourceError

    with pytest.raises(UnsupportedSourceError, match="no such file"):
        bf.parse(tmp_path / "missing.txt")
    with pytest.raises(UnsupportedSourceError):  # a name longer than the file system allows (found by Hypothesis)
        bf.parse("0." + "\u0130" * 200)


def test_utf16_with_a_surrogate_pair_across_the_binary_check_window_is_text():
    text = "一" * 4095 + "\U00020000" + "国务院\n"  # the pair straddles byte 8192, where check_binary stops
    data = text.encode("utf-16-le")
    assert data[8190:8194] == "\U00020000".encode("utf-16-le")
    check_binary(data, "<bytes>")
    assert bf.parse(data + "\nabc\n".encode("utf-16-le")).source.encoding == "utf-16-le"

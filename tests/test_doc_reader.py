""".doc and .wps through LibreOffice: converted and read as DOCX when soffice is there, a typed error saying
so when it is not; password-protected, other and damaged OLE2 files refused with typed errors."""

from __future__ import annotations

import shutil
import subprocess

import pytest

import bulletin_format as bf
from bulletin_format.errors import (
    BinaryInputError,
    ConverterMissingError,
    DamagedInputError,
    EncryptedInputError,
)
from bulletin_format.readers import doc_reader

from .cfb import compound_file, word_document_stream
from .word_drafts import tongzhi

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def word97(tmp_path_factory):
    """The 通知 draft saved as a Word 97-2003 .doc by LibreOffice, and what it should read as."""
    if not SOFFICE:
        pytest.skip("needs LibreOffice (soffice)")
    work = tmp_path_factory.mktemp("doc")
    data, want = tongzhi(with_extras=False)
    (work / "draft.docx").write_bytes(data)
    cmd = [SOFFICE, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--convert-to", "doc",
           "--outdir", str(work), str(work / "draft.docx")]
    subprocess.run(cmd, capture_output=True, timeout=180, check=False)
    assert (work / "draft.doc").exists()
    return work / "draft.doc", want


@pytest.mark.render
def test_a_doc_is_converted_and_read_as_docx(word97):
    path, want = word97
    doc = bf.parse(path)
    art = doc.articles[0]
    assert doc.source.format == "doc" and doc.source.path == str(path)
    assert (doc.header.issuer, doc.header.doc_number, art.title) == (want.issuer, want.doc_number, want.title)
    assert [(b.level, b.text) for b in art.blocks if b.type == "heading"] == want.headings
    assert any("converted to DOCX with LibreOffice" in w for w in doc.warnings)


@pytest.mark.render
def test_a_wps_file_is_read_the_same_way(word97, tmp_path):
    path, want = word97
    wps = tmp_path / "draft.wps"
    wps.write_bytes(path.read_bytes())  # WPS Writer's .wps is a Word 97 binary file under another name
    doc = bf.parse(wps)
    assert doc.source.format == "wps" and doc.articles[0].title == want.title


def test_without_libreoffice_the_error_says_so(monkeypatch, tmp_path):
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: None)
    path = tmp_path / "old.doc"
    path.write_bytes(compound_file({"WordDocument": word_document_stream(encrypted=False)}))
    with pytest.raises(ConverterMissingError, match=r"old\.doc: .*needs LibreOffice.*apt-get install"):
        bf.parse(path)


def test_the_soffice_setting_is_honoured(monkeypatch, tmp_path):
    monkeypatch.setenv("BULLETIN_FORMAT_SOFFICE", str(tmp_path / "no-such-soffice"))
    assert doc_reader.find_soffice() is None
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    monkeypatch.setenv("BULLETIN_FORMAT_SOFFICE", str(fake))
    assert doc_reader.find_soffice() == str(fake)


def test_a_password_protected_doc(tmp_path):
    path = tmp_path / "secret.doc"
    path.write_bytes(compound_file({"WordDocument": word_document_stream(encrypted=True), "1Table": bytes(64)}))
    with pytest.raises(EncryptedInputError, match=r"secret\.doc: .*password-protected"):
        bf.parse(path)


def test_a_password_protected_docx_is_an_ole2_file(tmp_path):
    path = tmp_path / "secret.docx"
    path.write_bytes(compound_file({"EncryptionInfo": b"\x04\x00\x04\x00", "EncryptedPackage": bytes(5000)}))
    with pytest.raises(EncryptedInputError):
        bf.parse(path)


@pytest.mark.parametrize(
    ("stream", "what"), [("Workbook", "Excel 97-2003"), ("PowerPoint Document", "PowerPoint"), ("Other", "not a Word")]
)
def test_other_ole2_files_are_refused_saying_what_they_are(stream, what):
    with pytest.raises(BinaryInputError, match=what):
        bf.parse(compound_file({stream: b"data"}))


def test_a_damaged_ole2_file(tmp_path):
    path = tmp_path / "damaged.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64))
    with pytest.raises(DamagedInputError, match=r"damaged\.doc: .*OLE2"):
        bf.parse(path)


@pytest.mark.render
@pytest.mark.skipif(not SOFFICE, reason="needs LibreOffice (soffice)")
def test_a_doc_libreoffice_cannot_load_is_damaged():
    garbage = compound_file({"WordDocument": word_document_stream(encrypted=False)})  # a FIB and nothing else
    with pytest.raises(DamagedInputError, match="LibreOffice could not convert it"):
        bf.parse(garbage)

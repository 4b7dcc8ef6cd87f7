"""Bad options, bad profiles and bad files around the DOCX writer and checker: each is a typed
BulletinFormatError naming the input and saying what to do, raised before any work."""

from __future__ import annotations

import io
import zipfile

import pytest

import bulletin_format as bf
from bulletin_format.batch import split_options
from bulletin_format.cli import main as cli_main
from bulletin_format.docx.profile import load_profile
from bulletin_format.errors import (
    BulletinFormatError,
    DocxReadError,
    DocxWriteError,
    ProfileError,
    WriterOptionError,
)
from bulletin_format.model import Article, Block, Document

from .test_docx_documents import official_document


@pytest.mark.parametrize(
    "profile",
    [
        {"size.body_pt": "16"},  # text for a number
        {"size.body_pt": 1e308},  # OverflowError in round() before
        {"size.body_pt": float("inf")},
        {"size.body_pt": float("nan")},
        {"size.body_pt": -3},  # negative: wrote w:sz="-6", invalid OOXML
        {"size.body_pt": 0},
        {"page.margin_left_mm": -10},
        {"page.margin_left_mm": 150, "page.margin_right_mm": 100},  # no type area left
        {"grid.lines_per_page": 2.5},
        {"font.body": 3},
        {"font.body": ""},
        {"color.mark": "red"},
        {"align.text": "justify"},
        {"bold.heading1": 1},
        {1: 2},  # a setting name that is not text
        {"name": 7},
        "../schema",  # KeyError before: the name reached outside profiles/
        "../profiles/gbt9704-2012",
        {"name": "../schema"},
        "no-such-profile",
        42,  # not a profile at all
    ],
)
def test_bad_profiles_are_profile_errors(profile):
    with pytest.raises(ProfileError) as caught:
        load_profile(profile)
    assert isinstance(caught.value, BulletinFormatError)
    assert "—" in str(caught.value) or "profile" in str(caught.value)  # says what to do or names the profile
    with pytest.raises(ProfileError):  # the writer checks the profile before any work
        bf.render(official_document(), "docx", profile=profile)


def test_good_overrides_still_pass():
    profile = load_profile({"size.body_pt": 15.5, "grid.char_spacing_pt": 0, "bulletin.toc_label": "本期要目"})
    assert profile["size.body_pt"] == 15.5 and profile["grid.char_spacing_pt"] == 0


def test_a_misspelled_writer_option_is_a_typed_error_and_batch_still_sees_the_real_options():
    with pytest.raises(WriterOptionError, match="profil") as caught:
        bf.render(official_document(), "docx", profil={"font.body": "仿宋"})
    assert isinstance(caught.value, BulletinFormatError) and "profile=" in str(caught.value)
    with pytest.raises(WriterOptionError):
        bf.render(official_document(), "docx", seal="yes")
    _, writer_options = split_options(["docx"], {"profile": None, "seal": True})
    assert writer_options["docx"] == {"profile": None, "seal": True}
    with pytest.raises(TypeError):  # batch still refuses an option no writer takes
        split_options(["docx"], {"profil": None})


def test_a_title_over_255_characters_is_written():
    doc = official_document()
    doc.articles[0].title = "关于" + "进一步加强乡村公共图书室建设" * 30 + "的通知"
    data = bf.render(doc, "docx")
    core = zipfile.ZipFile(io.BytesIO(data)).read("docProps/core.xml").decode()
    assert "进一步加强乡村公共图书室建设" in core and "…" in core


def test_any_writer_failure_is_a_docx_write_error(monkeypatch):
    import bulletin_format.docx.writer as writer

    def broken(*args, **kwargs):
        raise ValueError("something python-docx refuses")

    monkeypatch.setattr(writer, "compose", broken)
    doc = official_document()
    doc.source.path = "input/notice.html"
    with pytest.raises(DocxWriteError, match=r"input/notice\.html.*something python-docx refuses"):
        bf.render(doc, "docx")


def test_bidi_controls_are_dropped_with_a_warning():
    doc = Document(
        kind="news", articles=[Article(title="标题", blocks=[Block("paragraph", "前文\u202e后文\u2066内容\u2069。")])]
    )
    data = bf.render(doc, "docx")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert "前文后文内容。" in xml and "\u202e" not in xml and "\u2066" not in xml
    assert any("bidi" in w and "3" in w for w in doc.warnings)


def _docx_with(member: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(bf.render(official_document(), "docx")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for info in source.infolist():
            z.writestr(info.filename, content if info.filename == member else source.read(info.filename))
    return out.getvalue()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>
<w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize(
    "data, message",
    [
        (b"plain text, not a DOCX", "not a ZIP"),
        (b"%PDF-1.4 not a docx", "not a ZIP"),
        (b"PK\x03\x04broken", "not a ZIP"),
        ("zip-without-word", "not a DOCX"),
        ("billion-laughs", "DTD"),
        ("broken-xml", "damaged"),
    ],
)
def test_check_docx_on_a_non_docx_is_a_docx_read_error(tmp_path, data, message):
    if data == "zip-without-word":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("hello.txt", "hi")
        data = out.getvalue()
    elif data == "billion-laughs":
        data = _docx_with("word/document.xml", BILLION_LAUGHS)
    elif data == "broken-xml":
        data = _docx_with("word/document.xml", b"<w:document><unclosed>")
    with pytest.raises(DocxReadError, match=message):
        bf.check_docx(data)
    path = tmp_path / "bad.docx"
    path.write_bytes(data)
    with pytest.raises(DocxReadError, match=r"bad\.docx"):
        bf.check_docx(path)


def test_check_command_goes_on_past_a_missing_or_broken_file(tmp_path, capsys):
    good = tmp_path / "good.docx"
    good.write_bytes(bf.render(official_document(), "docx"))
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a docx")
    status = cli_main(["check", str(tmp_path / "missing.docx"), str(broken), str(good)])
    captured = capsys.readouterr()
    assert status == 2  # a missing file is a usage error, reported after checking the rest
    assert "no such file" in captured.err and "missing.docx" in captured.err
    assert "broken.docx: cannot be checked" in captured.out and "not a ZIP" in captured.out
    assert "good.docx: conforms" in captured.out


def test_check_wording_has_no_repeated_labels(tmp_path):
    report = bf.check_docx(bf.render(official_document(), "docx"))
    elements = [f.element for f in report.findings]
    assert "margin bottom" in elements and "margin bottom (bottom)" not in elements
    assert not any("None" in f.found or "None" in f.expected for f in report.findings)

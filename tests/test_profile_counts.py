"""Lines per page and characters per line follow from the profile: writing and checking with one profile agree.

GB/T 9704-2012 §5.2.3's 22 lines × 28 characters hold for 三号 on the 156 × 225 mm type area; a profile with another
body size (or character spacing, or line pitch) gives other counts, and ``check`` must expect what the writer made.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.cli import main
from bulletin_format.docx.check import check_docx
from bulletin_format.docx.profile import chars_on_line, load_profile
from bulletin_format.errors import ProfileError

from .test_docx_documents import official_document

# (overrides, characters per line LibreOffice 7.4 printed on the 156 mm type area: see chars_on_line)
PRINTED = [
    ({}, 28),
    ({"size.body_pt": 12}, 37),
    ({"size.body_pt": 14}, 32),
    ({"size.body_pt": 15}, 29),
    ({"size.body_pt": 15.5}, 28),
    ({"size.body_pt": 18}, 24),
    ({"size.body_pt": 22}, 20),
    ({"size.body_pt": 17.5, "grid.char_spacing_pt": -0.5}, 25),
    ({"size.body_pt": 14.5, "grid.char_spacing_pt": 0.25}, 30),
    ({"grid.char_spacing_pt": 0}, 27),
]
SIZES = [12, 14, 15, 15.3, 15.5, 17, 18, 22]


def test_the_default_profile_gives_the_standards_22_by_28():
    profile = load_profile()
    assert (profile.lines_per_page, profile.chars_per_line) == (22, 28)
    assert (profile["grid.lines_per_page"], profile["grid.chars_per_line"]) == (22, 28)


@pytest.mark.parametrize(("overrides", "printed"), PRINTED)
def test_characters_per_line_are_derived_from_size_and_spacing(overrides, printed):
    assert load_profile(overrides).chars_per_line == printed


def test_the_last_character_of_a_line_needs_no_spacing_after_it():
    assert chars_on_line(8845, 310, -5) == 28  # 29 × 305 = 8845, but 29 × 310 - 28 × 5 = 8850 does not fit
    assert chars_on_line(8845, 290, 5) == 30  # 30 × 295 = 8850 > 8845, yet 30 × 290 + 29 × 5 = 8845 fits
    assert chars_on_line(300, 320, -5) == 0


@pytest.mark.parametrize("size", SIZES)
def test_a_document_written_with_a_profile_passes_the_check_with_that_profile(size):
    overrides = {"size.body_pt": size}
    report = check_docx(bf.render(official_document(), "docx", profile=overrides), profile=overrides)
    assert report.ok, report.to_text()
    found = {f.element: f for f in report.findings}
    assert found["characters per line"].expected.startswith(f"{load_profile(overrides).chars_per_line} (")


def test_a_changed_line_pitch_is_checked_against_its_own_lines_per_page():
    overrides = {"grid.line_pitch_tw": 638}  # 12756 tw / 638 = 19.99: 19 lines
    assert load_profile(overrides).lines_per_page == 19
    report = check_docx(bf.render(official_document(), "docx", profile=overrides), profile=overrides)
    assert report.ok, report.to_text()


def test_a_document_of_another_size_still_fails():
    data = bf.render(official_document(), "docx")  # 16 pt
    report = check_docx(data, profile={"size.body_pt": 15})
    failed = {f.element for f in report.problems}
    assert {"default size", "characters per line"} <= failed
    found = {f.element: f for f in report.findings}
    assert str(found["characters per line"].found).startswith("28 (16 pt")
    assert str(found["characters per line"].expected).startswith("29 (15 pt")


def test_a_count_the_type_does_not_give_is_refused():
    with pytest.raises(ProfileError, match=r"grid\.chars_per_line = 30"):
        load_profile({"grid.chars_per_line": 30})
    with pytest.raises(ProfileError, match=r"grid\.lines_per_page = 20"):
        load_profile({"grid.lines_per_page": 20})
    assert load_profile({"size.body_pt": 15, "grid.chars_per_line": 29}).chars_per_line == 29


@pytest.mark.parametrize("size", [14, 15, 18])
def test_convert_then_check_with_one_profile_file(tmp_path, capsys, size):
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"size.body_pt": size}), encoding="utf-8")
    source = tmp_path / "n.txt"
    body = "现就做好春季安全生产工作通知如下。" * 6
    source.write_text(f"关于做好春季安全生产工作的通知\n\n各单位：\n\n{body}\n", encoding="utf-8")
    assert main(["convert", str(source), "-o", str(tmp_path), "--to", "docx", "--profile", str(profile)]) == 0
    assert main(["check", "-q", str(tmp_path / "n.docx"), "--profile", str(profile)]) == 0, capsys.readouterr().out


@pytest.mark.render
@pytest.mark.skipif(not shutil.which("soffice"), reason="needs LibreOffice (soffice)")
def test_libreoffice_prints_the_derived_count(tmp_path):
    from bulletin_format.docx.render import read_pages, to_pdf

    text = "为深入贯彻落实有关部署要求推动基层治理体系和治理能力建设取得新的成效现就有关事项通知如下" * 4
    article = bf.Article(title="关于加强基层治理的通知", blocks=[bf.Block("paragraph", text)])
    doc = bf.Document(kind="document", articles=[article])
    cases = [({"size.body_pt": 15.5}, 28), ({"size.body_pt": 17.5, "grid.char_spacing_pt": -0.5}, 25)]
    paths = []
    for i, (overrides, _) in enumerate(cases):
        path = tmp_path / f"c{i}.docx"
        path.write_bytes(bf.render(doc, "docx", profile=overrides))
        paths.append(path)
    for pdf, (overrides, printed) in zip(to_pdf(paths, tmp_path), cases, strict=True):
        widest = max(len("".join(w.text for w in row)) for page in read_pages(Path(pdf)) for row in page.rows())
        assert widest == printed == load_profile(overrides).chars_per_line

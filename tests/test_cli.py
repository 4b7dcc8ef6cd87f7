"""The command line: ``convert`` over folders with bad files (summary, manifest, exit status), ``inspect``."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin_format.batch import BatchResult
from bulletin_format.cli import convert as convert_cli
from bulletin_format.cli import main
from bulletin_format.writers import WRITERS

from .test_batch import NEWS_HTML, NOTICE, make_tree

CLI = "import sys; from bulletin_format.cli import main; sys.exit(main())"


def manifest(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_end_to_end_folder_with_bad_files(tmp_path):
    """What a new user sees: everything good converted, the bad files named in the summary, exit status 1."""
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", CLI, "convert", str(src), "-o", str(out), "--to", "json,docx", "--jobs", "2",
         "--manifest", str(tmp_path / "m.jsonl")],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert proc.returncode == 1, proc.stderr
    for name in ("2023/notice", "2024/notice", "2024/spring/news"):
        assert (out / f"{name}.json").is_file() and (out / f"{name}.docx").is_file()
    assert not (out / "2024" / "scan.json").exists()
    assert "BinaryInputError" in proc.stderr and "scan.pdf" in proc.stderr
    assert "EmptyInputError" in proc.stderr and "empty.txt" in proc.stderr
    assert "converted 3, failed 2" in proc.stderr
    assert "docs/s" in proc.stderr
    records = manifest(tmp_path / "m.jsonl")
    assert len(records) == 5
    failed = {Path(r["input"]).name: r["error_type"] for r in records if not r["ok"]}
    assert failed == {"scan.pdf": "BinaryInputError", "empty.txt": "EmptyInputError"}
    assert all(r["outputs"] for r in records if r["ok"])


def test_all_good_exits_0_and_quiet_prints_nothing(tmp_path, capsys):
    src = make_tree(tmp_path)
    assert main(["convert", str(src / "2023"), "-o", str(tmp_path / "out"), "-j", "1", "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert (tmp_path / "out" / "notice.json").is_file()


def test_resume_with_skip_existing_appends_to_the_manifest(tmp_path, capsys):
    src = make_tree(tmp_path)
    out, m = tmp_path / "out", tmp_path / "m.jsonl"
    args = ["convert", str(src), "-o", str(out), "-j", "1", "--manifest", str(m)]
    assert main(args) == 1
    (out / "2024" / "notice.json").unlink()
    assert main([*args, "--skip-existing"]) == 1
    err = capsys.readouterr().err
    assert "converted 1, failed 2, skipped 2 (already converted)" in err
    records = manifest(m)
    assert len(records) == 10
    assert [r["input"] for r in records[5:] if r["ok"] and not r["skipped"]] == [str(src / "2024" / "notice.txt")]


def test_fail_fast_stops_at_the_first_failure(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_empty.txt").write_bytes(b"")
    for i in range(5):
        (src / f"b{i}.txt").write_text(NOTICE, encoding="utf-8")
    assert main(["convert", str(src), "-o", str(tmp_path / "out"), "-j", "1", "--fail-fast"]) == 1
    err = capsys.readouterr().err
    assert "--fail-fast" in err and "a_empty.txt" in err
    assert len(list((tmp_path / "out").glob("*.json"))) < 5


def test_usage_errors_exit_2(tmp_path, capsys):
    src = make_tree(tmp_path)
    out = str(tmp_path / "out")
    assert main(["convert", str(src), "-o", out, "--to", "json,pdf"]) == 2
    assert "pdf" in capsys.readouterr().err
    assert main(["convert", str(src), "-o", out, "--jobs", "0"]) == 2
    assert main(["convert", str(tmp_path / "nothing" / "*.txt"), "-o", out]) == 2
    assert "no input files" in capsys.readouterr().err
    assert main(["convert", str(src)]) == 2  # a folder, and no -o
    assert "-o OUTDIR" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["convert", str(src), "-o", out, "--chinese", "martian"])
    assert exc.value.code == 2
    assert not Path(out).exists()


def test_paths_on_stdin_and_globs(tmp_path, capsys, monkeypatch):
    src = make_tree(tmp_path)
    listing = f"{src / '2023' / 'notice.txt'}\n{src / '2024' / 'notice.txt'}\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(listing))
    assert main(["convert", "--files-from", "-", "-o", str(tmp_path / "a"), "-j", "1"]) == 0
    assert sorted(p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*.json")) == [
        "2023/notice.json", "2024/notice.json"]
    (tmp_path / "list.txt").write_text(listing, encoding="utf-8")
    assert main(["convert", "--files-from", str(tmp_path / "list.txt"), "-o", str(tmp_path / "c"), "-j", "1"]) == 0
    assert len(list((tmp_path / "c").rglob("*.json"))) == 2
    assert main(["convert", f"{src}/**/*.html", "-o", str(tmp_path / "b"), "-j", "1"]) == 0
    assert (tmp_path / "b" / "2024" / "spring" / "news.json").is_file()


def test_plain_progress_lines_and_verbose_lines_when_not_a_terminal(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(convert_cli, "PLAIN_PROGRESS_SECONDS", 0.0)
    src = make_tree(tmp_path)
    main(["convert", str(src), "-o", str(tmp_path / "out"), "-j", "1", "-v"])
    err = capsys.readouterr().err
    assert "progress: 5/5 inputs, 2 failed" in err
    assert f"ok: {src / '2023' / 'notice.txt'}" in err
    assert f"FAILED BinaryInputError: {src / '2024' / 'scan.pdf'}" in err


def test_profile_is_passed_to_the_docx_writer(tmp_path, monkeypatch, capsys):
    seen = []

    def docx_with_profile(doc, *, profile=None):
        if profile not in ("gongwen", None):
            raise ValueError(f"unknown profile {profile!r}")
        seen.append(profile)
        return b"PK fake"

    monkeypatch.setitem(WRITERS, "docx", docx_with_profile)
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    args = ["convert", str(tmp_path / "n.txt"), "-o", str(tmp_path / "out"), "--to", "docx", "-j", "1", "--profile"]
    assert main([*args, "gongwen"]) == 0
    assert seen[-1] == "gongwen" and (tmp_path / "out" / "n.docx").read_bytes() == b"PK fake"
    assert main([*args, "nonesuch"]) == 2  # checked once, before any input is converted
    assert "unknown profile 'nonesuch'" in capsys.readouterr().err


def test_ctrl_c_stops_with_a_summary(tmp_path, capsys, monkeypatch):
    closed = []

    def interrupted_batch(items, *args, **kwargs):
        def gen():
            try:
                yield BatchResult(items[0].path, outputs=["x.json"])
                raise KeyboardInterrupt
            finally:
                closed.append(True)
        return gen()

    monkeypatch.setattr(convert_cli, "convert_many", interrupted_batch)
    src = make_tree(tmp_path)
    assert main(["convert", str(src), "-o", str(tmp_path / "out"), "--manifest", str(tmp_path / "m.jsonl")]) == 130
    err = capsys.readouterr().err
    assert "interrupted: converted 1" in err and "--skip-existing" in err
    assert closed == [True]
    assert len(manifest(tmp_path / "m.jsonl")) == 1


def test_inspect_shows_what_was_understood(tmp_path, capsys):
    page = tmp_path / "news.html"
    page.write_bytes(NEWS_HTML.encode("gbk"))
    assert main(["inspect", str(page)]) == 0
    out = capsys.readouterr().out
    for section in ("SOURCE", "KIND", "HEADER", "ARTICLES (1)", "DISTRIBUTION", "METADATA", "REMOVED", "WARNINGS"):
        assert section in out
    assert "encoding  gb" in out and "evidence:" in out
    assert "我县召开春季农业生产工作会议" in out
    assert "first words: 3月5日上午" in out


def test_inspect_lists_headings_and_counts(tmp_path, capsys):
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "关于做好春季安全生产工作的通知" in out
    assert "headings" in out and "paragraphs" in out
    assert "一、提高思想认识" in out


def test_inspect_bad_input_exits_1(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["inspect", str(tmp_path / "empty.txt")]) == 1
    assert "EmptyInputError" in capsys.readouterr().err

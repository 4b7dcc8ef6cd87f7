"""The command line as a new user meets it: standard input and output, one file out, --help listing the
formats, --version, python -m, -v/-vv through logging, the parse options as flags, inspect of folders and
of standard input, a manifest that is always written (fresh folder, full disk, names that are not UTF-8)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.cli import main
from bulletin_format.writers import EXTENSIONS, WRITERS

from .test_batch import NEWS_HTML, NOTICE, make_tree

TRADITIONAL = "關於做好春季安全生產工作的通知\n\n各鄉鎮人民政府：\n為切實做好春季安全生產工作，現將有關事項通知如下。\n"


def bf_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "bulletin_format", *args], input=stdin, capture_output=True,
                          timeout=120, cwd=cwd)


class Stdin(io.TextIOWrapper):
    """A text stdin with a binary buffer, as sys.stdin has."""

    def __init__(self, data: bytes) -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8")


# --- one document: standard input and output, one output file -----------------------------------------


def test_a_document_on_standard_input_to_json_on_standard_output():
    proc = bf_cli("convert", "-", "--to", "json", stdin=NEWS_HTML.encode("gbk"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.decode("utf-8"))
    assert "我县召开春季农业生产工作会议" in data["articles"][0]["title"]
    assert data["source"]["encoding"].startswith("gb") and data["source"]["path"] is None


def test_one_input_without_o_goes_to_standard_output(tmp_path, capsysbinary):
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    assert main(["convert", str(tmp_path / "n.txt")]) == 0
    first = capsysbinary.readouterr().out
    assert json.loads(first)["articles"][0]["title"] == "关于做好春季安全生产工作的通知"
    assert main(["convert", str(tmp_path / "n.txt"), "-o", "-"]) == 0
    assert capsysbinary.readouterr().out == first
    assert not list(tmp_path.glob("*.json"))


def test_docx_on_standard_output_is_bytes(tmp_path):
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    proc = bf_cli("convert", str(tmp_path / "n.txt"), "--to", "docx")
    assert proc.returncode == 0 and proc.stdout[:2] == b"PK"


def test_o_file_writes_that_file_not_a_folder(tmp_path):
    (tmp_path / "draft.txt").write_text(NOTICE, encoding="utf-8")
    assert main(["convert", str(tmp_path / "draft.txt"), "--to", "docx", "-o", str(tmp_path / "fixed.docx")]) == 0
    assert (tmp_path / "fixed.docx").read_bytes()[:2] == b"PK"
    assert main(["convert", str(tmp_path / "draft.txt"), "-o", str(tmp_path / "fixed2.docx")]) == 0  # from suffix
    assert (tmp_path / "fixed2.docx").is_file()
    assert main(["convert", str(tmp_path / "draft.txt"), "-o", str(tmp_path / "x.json")]) == 0
    assert json.loads((tmp_path / "x.json").read_text(encoding="utf-8"))["kind"]
    proc = bf_cli("convert", "-", "-o", str(tmp_path / "stdin.docx"), stdin=NOTICE.encode("gb18030"))
    assert proc.returncode == 0 and (tmp_path / "stdin.docx").is_file()


def test_one_document_usage_errors(tmp_path, capsys):
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    assert main(["convert", str(tmp_path / "n.txt"), "--to", "json", "-o", str(tmp_path / "x.docx")]) == 2
    assert "names a docx file but --to asks for json" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "n.txt"), "--to", "json,docx"]) == 2
    assert "-o OUTDIR" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "n.txt"), str(tmp_path / "n.txt"), "-o", str(tmp_path / "x.json")]) == 2
    assert main(["convert", "-", str(tmp_path / "n.txt"), "-o", str(tmp_path / "out")]) == 2
    assert main(["convert", str(tmp_path / "missing.txt")]) == 1
    assert "InputNotFoundError" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "n.txt"), "--to", "json", "--profile", "gbt9704-2012"]) == 2
    assert "UnknownOptionError" in capsys.readouterr().err


def test_o_naming_a_file_of_a_format_we_do_not_write_is_refused(tmp_path, capsys):
    """``-o z.pdf`` used to create a folder named z.pdf and write z.json into it."""
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    assert main(["convert", str(tmp_path / "n.txt"), "-o", str(tmp_path / "z.pdf")]) == 2
    err = capsys.readouterr().err
    assert "names a pdf file" in err and "end it with /" in err
    assert not (tmp_path / "z.pdf").exists()
    assert main(["convert", str(tmp_path / "n.txt"), "-o", str(tmp_path / "z.pdf") + "/"]) == 0  # asked for a folder
    assert (tmp_path / "z.pdf" / "n.json").is_file()
    assert main(["convert", str(tmp_path / "n.txt"), "-o", str(tmp_path / "2024.12")]) == 0  # a dotted folder name
    assert (tmp_path / "2024.12" / "n.json").is_file()


# --- --help, --version, python -m ----------------------------------------------------------------------


def test_convert_help_lists_the_formats_from_the_registries(monkeypatch, capsys):
    monkeypatch.setitem(WRITERS, "rst", lambda doc: "")
    monkeypatch.setitem(EXTENSIONS, "rst", ".rst")
    with pytest.raises(SystemExit):
        main(["convert", "--help"])
    out = capsys.readouterr().out
    inputs = out.split("input formats", 1)[1].split("output formats", 1)[0]
    outputs = out.split("output formats", 1)[1]
    assert "html" in inputs and "text" in inputs
    for fmt in ("json", "docx", "rst"):  # a writer registered later appears by itself
        assert fmt in outputs
    assert "130" in out and "143" in out


def test_version_and_python_m():
    proc = bf_cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().strip() == f"bulletin-format {bf.__version__}"
    proc = bf_cli("convert", "--help")
    assert proc.returncode == 0 and b"--files-from" in proc.stdout


@pytest.mark.parametrize("command", ["inspect", "check"])
def test_a_reader_that_stops_early_gets_no_traceback(tmp_path, command):
    """`bulletin-format inspect folder | head` printed a BrokenPipeError traceback; now it stops quietly with
    141, as a command ended by SIGPIPE does. The output is longer than a pipe holds, so writing it fails."""
    src = tmp_path / "in"
    src.mkdir()
    if command == "inspect":
        for i in range(150):
            (src / f"n{i:03d}.txt").write_text(NOTICE, encoding="utf-8")
        args = [str(src)]
    else:
        bf.convert(text=NOTICE, to="docx", output=src / "a.docx")
        args = [str(src / "a.docx")] * 100
    proc = subprocess.Popen([sys.executable, "-m", "bulletin_format", command, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8", "replace")
    assert proc.wait(timeout=120) == 141, err
    assert "Traceback" not in err and "BrokenPipe" not in err, err


# --- verbosity through logging, wording -----------------------------------------------------------------


def test_v_logs_each_input_and_vv_logs_how(tmp_path):
    src = make_tree(tmp_path)
    one = bf_cli("convert", str(src / "2023"), "-o", str(tmp_path / "a"), "-j", "1", "-v").stderr.decode()
    assert f"ok: {src / '2023' / 'notice.txt'}" in one and "DEBUG" not in one
    two = bf_cli("convert", str(src / "2023"), "-o", str(tmp_path / "b"), "-j", "1", "-vv").stderr.decode()
    assert "DEBUG bulletin_format" in two
    quiet = bf_cli("convert", str(src / "2023"), "-o", str(tmp_path / "c"), "-j", "1").stderr.decode()
    assert "ok:" not in quiet


def test_one_warning_is_one_warning(tmp_path, capsys):
    text = NOTICE.replace("通知如下", "通知\ud800如下")
    (tmp_path / "w.txt").write_bytes(text.encode("utf-8", "surrogatepass"))  # a lossy decode: one warning
    assert main(["convert", str(tmp_path / "w.txt"), "-o", str(tmp_path / "out"), "-j", "1", "-v"]) == 0
    err = capsys.readouterr().err
    assert "(1 warning)" in err and "1 warning in 1 input" in err and "1 warnings" not in err


# --- the parse options as flags ---------------------------------------------------------------------------


def test_parse_options_as_flags(tmp_path, capsysbinary):
    (tmp_path / "t.txt").write_text(TRADITIONAL, encoding="utf-8")
    assert main(["convert", str(tmp_path / "t.txt"), "--chinese", "simplified", "--opencc-config", "t2s"]) == 0
    data = json.loads(capsysbinary.readouterr().out)
    assert data["articles"][0]["title"] == "关于做好春季安全生产工作的通知"
    assert data["normalization"].get("opencc_t2s")
    (tmp_path / "z.txt").write_text(NOTICE.replace("现将", "现\u200b将"), encoding="utf-8")
    assert main(["convert", str(tmp_path / "z.txt"), "--no-normalize"]) == 0
    assert "\u200b" in capsysbinary.readouterr().out.decode("utf-8")
    assert main(["convert", str(tmp_path / "z.txt"), "--max-bytes", "10"]) == 1
    err = capsysbinary.readouterr().err
    assert b"InputTooLargeError" in err and b"--max-bytes" in err  # what to do, in the shell's words


def test_profile_file_for_convert_as_for_check(tmp_path, monkeypatch, capsys):
    seen = []

    def docx_with_profile(doc, *, profile=None):
        seen.append(profile)
        return b"PK fake"

    monkeypatch.setitem(WRITERS, "docx", docx_with_profile)
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "overrides.json").write_text('{"font.body": "仿宋"}', encoding="utf-8")
    args = ["convert", str(tmp_path / "n.txt"), "-o", str(tmp_path / "n.docx"), "--profile"]
    assert main([*args, str(tmp_path / "overrides.json")]) == 0
    assert seen[-1] == {"font.body": "仿宋"}
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    assert main([*args, str(tmp_path / "bad.json")]) == 2
    assert "not a JSON file" in capsys.readouterr().err


# --- inspect ----------------------------------------------------------------------------------------------


def test_inspect_a_folder_and_standard_input(tmp_path, capsys, monkeypatch):
    src = make_tree(tmp_path)
    assert main(["inspect", str(src / "2024" / "spring"), str(src / "2023")]) == 0
    out = capsys.readouterr().out
    assert out.count("ARTICLES (1)") == 2 and "news.html" in out and "notice.txt" in out
    monkeypatch.setattr(sys, "stdin", Stdin(NEWS_HTML.encode("gbk")))
    assert main(["inspect", "-"]) == 0
    assert "我县召开春季农业生产工作会议" in capsys.readouterr().out
    assert main(["inspect", str(src / "2024")]) == 1  # holds a PDF and an empty file
    assert "BinaryInputError" in capsys.readouterr().err


def test_inspect_never_prints_printed_none(tmp_path, capsys):
    (tmp_path / "n.html").write_text(
        '<html><head><meta name="PubDate" content="2024-03-05 10:00"></head><body><h1>标题</h1>'
        "<p>3月5日上午，我县召开春季农业生产工作会议，部署今年春季农业生产任务。</p></body></html>",
        encoding="utf-8")
    assert main(["inspect", str(tmp_path / "n.html")]) == 0
    assert "printed None" not in capsys.readouterr().out


# --- the manifest -----------------------------------------------------------------------------------------


def test_the_manifest_folder_is_made_on_a_fresh_run(tmp_path):
    src = make_tree(tmp_path)
    out = tmp_path / "fresh"
    assert main(["convert", str(src / "2023"), "-o", str(out), "-q", "--manifest", str(out / "manifest.jsonl")]) == 0
    assert len((out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()) == 1


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_the_manifest_stops_the_batch_cleanly(tmp_path):
    src = make_tree(tmp_path)
    proc = bf_cli("convert", str(src), "-o", str(tmp_path / "out"), "-j", "1", "--manifest", "/dev/full")
    err = proc.stderr.decode()
    assert proc.returncode == 1, err
    assert "cannot write the manifest /dev/full (No space left on device): stopped" in err
    assert "Traceback" not in err


def test_file_names_that_are_not_utf8_in_the_manifest(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    raw = "关于".encode("gbk") + b".txt"
    (src / os.fsdecode(raw)).write_text(NOTICE, encoding="utf-8")
    (src / "empty.txt").write_bytes(b"")
    proc = bf_cli("convert", str(src), "-o", str(tmp_path / "out"), "-j", "1", "--manifest", str(tmp_path / "m.jsonl"))
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr, proc.stderr
    lines = (tmp_path / "m.jsonl").read_bytes().decode("utf-8").splitlines()  # valid UTF-8
    records = {os.fsencode(json.loads(line)["input"]).rsplit(b"/", 1)[-1]: json.loads(line) for line in lines}
    assert records[raw]["ok"] and not records[b"empty.txt"]["ok"]  # the name comes back byte for byte
    assert (tmp_path / "out" / os.fsdecode(raw.removesuffix(b".txt") + b".json")).is_file()


# --- one format failing ------------------------------------------------------------------------------------


def test_one_format_failing_keeps_the_others_in_the_cli(tmp_path, monkeypatch, capsys):
    def broken(doc, *, profile=None):
        raise RuntimeError("no fonts")

    monkeypatch.setitem(WRITERS, "docx", broken)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "n.txt").write_text(NOTICE, encoding="utf-8")
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--to", "json,docx", "-j", "1"]) == 1
    err = capsys.readouterr().err
    assert "WriterError" in err and "no fonts" in err
    assert (tmp_path / "out" / "n.json").is_file()


def test_timeout_flag(tmp_path, capsys):
    from .test_batch_faults import big_notice

    (tmp_path / "in").mkdir()
    big_notice(tmp_path / "in" / "big.txt")
    assert main(["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", "1", "--timeout", "0.05"]) == 1
    assert "ConversionTimeoutError" in capsys.readouterr().err

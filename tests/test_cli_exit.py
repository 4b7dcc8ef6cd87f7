"""The command's end (``cli.entry`` → ``exit_now``): nothing is lost by skipping the interpreter's teardown, and a
batch of JSON without writer options imports no other writer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .test_batch import NOTICE


def _python(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env=env)


def test_exit_now_flushes_the_streams_and_runs_the_atexit_functions(tmp_path):
    code = f"""
import atexit, logging, sys
from bulletin_format.cli import exit_now
atexit.register(lambda: open({str(tmp_path / "atexit.txt")!r}, "w").write("ran"))
handler = logging.FileHandler({str(tmp_path / "log.txt")!r}, delay=False)
logging.getLogger("t").addHandler(handler)
logging.getLogger("t").warning("logged before the end")
sys.stdout.write("written, not flushed")
sys.stderr.write("to stderr, not flushed")
exit_now(3)
print("not reached")
"""
    proc = _python(code, tmp_path)
    assert proc.returncode == 3
    assert proc.stdout == "written, not flushed" and "to stderr, not flushed" in proc.stderr
    assert (tmp_path / "atexit.txt").read_text() == "ran"
    assert (tmp_path / "log.txt").read_text() == "logged before the end\n"


def test_exit_now_waits_for_a_thread_that_still_runs(tmp_path):
    """Another thread still working: Python's own exit (which waits for it) instead of ending the process."""
    code = f"""
import threading, time
from bulletin_format.cli import exit_now
def late():
    time.sleep(0.3)
    open({str(tmp_path / "late.txt")!r}, "w").write("done")
threading.Thread(target=late).start()
exit_now(5)
"""
    proc = _python(code, tmp_path)
    assert proc.returncode == 5
    assert (tmp_path / "late.txt").read_text() == "done"


def test_a_batch_through_the_program_writes_everything_before_it_ends(tmp_path):
    """``python -m bulletin_format`` (``entry``): every output, the whole manifest and the summary are there."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"n{i}.txt").write_text(NOTICE, encoding="utf-8")
    (src / "bad.txt").write_bytes(b"\x00\x01\x02" * 10)
    proc = subprocess.run([sys.executable, "-m", "bulletin_format", "convert", str(src), "-o", str(tmp_path / "out"),
                           "--to", "json,txt", "--jobs", "1", "--manifest", str(tmp_path / "m.jsonl")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1  # the bad file failed, the others were converted
    records = [json.loads(line) for line in (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(Path(r["input"]).name for r in records) == ["bad.txt", "n0.txt", "n1.txt", "n2.txt"]
    assert [r["ok"] for r in records].count(False) == 1
    for i in range(3):
        json.loads((tmp_path / "out" / f"n{i}.json").read_text(encoding="utf-8"))
        assert (tmp_path / "out" / f"n{i}.txt").read_text(encoding="utf-8").strip()
    assert "converted 3, failed 1" in proc.stderr
    assert not list((tmp_path / "out").glob(".*.part"))  # no temporary file left


def test_a_json_batch_without_writer_options_imports_no_other_writer(tmp_path):
    code = """
import sys
from bulletin_format.batch import split_options
assert split_options(("json",), {"normalize": False}) == ({"normalize": False}, {"json": {}})
print(sorted(m for m in sys.modules if m.startswith("bulletin_format.writers.")))
split_options(("json",), {"profile": None})  # a writer option: every writer's signature is read
print(sorted(m for m in sys.modules if m.startswith("bulletin_format.writers.")))
"""
    proc = _python(code, tmp_path)
    assert proc.returncode == 0, proc.stderr
    before, after = proc.stdout.splitlines()
    assert "docx_writer" not in before and "markdown_writer" not in before
    assert "docx_writer" in after

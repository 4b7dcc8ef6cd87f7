"""convert_many under faults: what it is given (a str, bytes), what it finds (links out of the tree, FIFOs,
loops, names that are not UTF-8), a per-file time limit, workers that die, a script without the __main__
guard, a parent that is killed, and the choice of no pool for a small batch."""

from __future__ import annotations

import io
import math
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, ClassVar

import pytest

import bulletin_format as bf
from bulletin_format import batch, pool
from bulletin_format.batch import BatchResult, convert_many, expand_inputs

from .test_batch import NOTICE, force_pool, make_tree

ROOT = Path(__file__).resolve().parent.parent
linux_only = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")


def results_by_name(results: list[BatchResult]) -> dict[str, BatchResult]:
    return {Path(r.input).name: r for r in results}


# --- what convert_many is given -------------------------------------------------------------------------


def test_a_str_is_one_input_not_one_per_character(tmp_path):
    (tmp_path / "page.txt").write_text(NOTICE, encoding="utf-8")
    results = list(convert_many(str(tmp_path / "page.txt"), tmp_path / "out", to="json"))
    assert [(Path(r.input).name, r.ok) for r in results] == [("page.txt", True)]
    [folder] = list(convert_many(tmp_path / "page.txt", tmp_path / "out2", to="json"))
    assert folder.ok


@pytest.mark.parametrize("given", [b"page.txt", bytearray(b"x"), io.BytesIO(b"x"), 42])
def test_content_instead_of_paths_is_a_typed_error(tmp_path, given):
    with pytest.raises(bf.UnsupportedSourceError, match="convert_many takes paths"):
        convert_many(given, tmp_path / "out")


def test_paths_as_bytes_in_a_list_are_file_names(tmp_path):
    (tmp_path / "a.txt").write_text(NOTICE, encoding="utf-8")
    [r] = convert_many([os.fsencode(tmp_path / "a.txt")], tmp_path / "out", to="json")
    assert r.ok and (tmp_path / "out" / "a.json").is_file()


def test_options_are_checked_once_before_any_work(tmp_path, monkeypatch):
    make_tree(tmp_path)
    called = []
    monkeypatch.setattr(batch, "convert_one", lambda *a, **k: called.append(a))
    with pytest.raises(bf.ChineseConversionError, match="xx"):
        convert_many([tmp_path / "archive"], tmp_path / "out", chinese="xx")
    with pytest.raises(bf.OptionError, match="timeout"):
        convert_many([tmp_path / "archive"], tmp_path / "out", timeout=0)
    with pytest.raises(bf.OptionError, match="jobs"):
        convert_many([tmp_path / "archive"], tmp_path / "out", jobs=0)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(bf.OutputError, match="is a file"):
        convert_many([tmp_path / "archive"], tmp_path / "file")
    assert not called and not (tmp_path / "out").exists()


# --- output names -----------------------------------------------------------------------------------------


def test_same_named_files_of_two_input_folders_do_not_collide(tmp_path):
    for folder in ("2023", "2024"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    results = list(convert_many([tmp_path / "2023", tmp_path / "2024"], tmp_path / "out", to="json"))
    assert all(r.ok for r in results), [r.error for r in results]
    assert sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.json")) == [
        "2023/notice.json", "2024/notice.json"]


def test_one_folder_is_named_below_itself(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(NOTICE, encoding="utf-8")
    assert [i.name for i in expand_inputs(tmp_path / "in")] == ["a"]
    assert [i.name for i in expand_inputs([tmp_path / "in", tmp_path / "in" / "a.txt"])] == ["in/a", "a"]


# --- what a folder may hold -----------------------------------------------------------------------------


def test_a_link_out_of_the_input_tree_is_not_followed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text(NOTICE.replace("通知", "机密通知"), encoding="utf-8")
    (src / "ok.txt").write_text(NOTICE, encoding="utf-8")
    (src / "inside.txt").symlink_to(src / "ok.txt")
    (src / "leak.txt").symlink_to(secret)
    (src / "etc").symlink_to(tmp_path)  # a link to a folder out of the tree
    results = results_by_name(list(convert_many([src], tmp_path / "out", to="json", jobs=1)))
    assert results["ok.txt"].ok and results["inside.txt"].ok
    assert results["leak.txt"].error_type == "OutsideInputTreeError"
    assert results["etc"].error_type == "OutsideInputTreeError"
    assert "机密" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.json"))
    # a file named directly is the caller's choice, and is read
    [direct] = convert_many([src / "leak.txt"], tmp_path / "out2", to="json")
    assert direct.ok


def test_fifos_loops_and_dangling_links_fail_with_what_they_are(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.txt").write_text(NOTICE, encoding="utf-8")
    os.mkfifo(src / "pipe.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "dangling.txt").symlink_to(src / "gone.txt")
    results = results_by_name(list(convert_many([src], tmp_path / "out", to="json", jobs=1)))
    assert results["ok.txt"].ok
    assert results["pipe.txt"].error_type == "NotAFileError" and "FIFO" in (results["pipe.txt"].error or "")
    assert results["loop.txt"].error_type == "NotAFileError" and "loop" in (results["loop.txt"].error or "")
    assert results["dangling.txt"].error_type == "InputNotFoundError"


def test_file_names_that_are_not_utf8_convert_and_keep_their_bytes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    raw = "关于".encode("gbk") + b".txt"
    (src / os.fsdecode(raw)).write_text(NOTICE, encoding="utf-8")
    [r] = convert_many([src], tmp_path / "out", to=("json", "docx"), jobs=1)
    assert r.ok, r.error
    stem = raw.removesuffix(b".txt")
    assert sorted(os.listdir(os.fsencode(tmp_path / "out"))) == [stem + b".docx", stem + b".json"]


# --- the per-file time limit -------------------------------------------------------------------------------


def big_notice(path: Path, paragraphs: int = 20000) -> Path:
    body = "".join(f"{i}. 各单位要充分认识做好春季安全生产工作的重要性，切实把安全生产摆在突出位置。\n"
                   for i in range(paragraphs))
    path.write_text(NOTICE + body, encoding="utf-8")
    return path


LIMIT = 0.5  # seconds: 10-50 times what a small notice takes, imports included, on a loaded 2-core machine


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # a swallowed first alarm
def test_an_input_over_the_time_limit_fails_with_a_typed_error(tmp_path, jobs, monkeypatch):
    """The big input takes seconds (24 MB of text, 200,000 paragraphs: 5.6 s to JSON on one core of this
    project's machine, 11 times the limit): it is stopped at the limit, wherever it runs; the small ones are
    far under it, even in a worker's first task (its writers are imported before the limit starts). With
    jobs=2 the first small input is converted here and the others in the workers."""
    if jobs == 2:
        force_pool(monkeypatch)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"small{i}.txt").write_text(NOTICE, encoding="utf-8")
    big_notice(src / "tbig.txt", 200_000)
    results = results_by_name(list(convert_many([src], tmp_path / "out", to="json", jobs=jobs, timeout=LIMIT)))
    assert results["tbig.txt"].error_type == "ConversionTimeoutError"
    assert f"time limit of {LIMIT:g} s" in (results["tbig.txt"].error or "")
    assert all(results[f"small{i}.txt"].ok for i in range(3)), [results[f"small{i}.txt"].error for i in range(3)]
    assert not list((tmp_path / "out").rglob("*.part"))


def test_a_timeout_swallowed_on_the_way_rings_again():
    """Python swallows an exception raised while a __del__ or weakref callback runs (seen in the suite)."""
    start = time.monotonic()
    with pytest.raises(bf.ConversionTimeoutError), pool.time_limit(0.05, "x"):
        try:
            time.sleep(2)
        except bf.ConversionTimeoutError:
            pass  # swallowed, as in a weakref callback
        time.sleep(10)
    assert time.monotonic() - start < 5


def stuck_in_c(seconds: float) -> str:
    """Stand-in for a conversion stuck in C code: SIGALRM cannot reach it (blocked), it just sleeps."""
    pool.HARD_GRACE_SECONDS = 0.2
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    pool.task_started("stuck.html", 0.1)
    time.sleep(seconds)
    return "not ended"


def test_the_watchdog_ends_a_worker_the_soft_limit_cannot_stop():
    folder = pool.notes_folder()
    with pool.default_executor(1) as executor:
        future = executor.submit(stuck_in_c, 30)
        with pytest.raises(BrokenProcessPool):
            future.result(timeout=20)
    assert [n["input"] for n in pool.read_notes(folder, "timeout")] == ["stuck.html"]


# --- a pool that breaks -------------------------------------------------------------------------------


class FakePool(Executor):
    """An own pool stand-in: runs tasks at once, and 'dies' on a chosen input (leaving a note, or none)."""

    instances: ClassVar[list[FakePool]] = []

    def __init__(self, killer: str, note: str | None) -> None:
        self.killer, self.note, self._max_workers = killer, note, 2
        FakePool.instances.append(self)

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        chunk = args[0]
        if any(task[0].endswith(self.killer) for task in chunk):
            if self.note:
                folder = pool.notes_folder()
                (folder / f"{self.note}.1.json").write_text(
                    f'{{"kind": "{self.note}", "input": "{chunk[0][0]}", "script": "script.py"}}', encoding="utf-8")
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(*args, **kwargs))
        return future


@pytest.mark.parametrize(("note", "error_type"), [(None, "WorkerError"), ("timeout", "ConversionTimeoutError")])
def test_a_dead_worker_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch, note, error_type):
    FakePool.instances = []
    force_pool(monkeypatch)  # a.txt is converted here, the others by the pool
    monkeypatch.setattr(batch, "default_executor", lambda jobs=None: FakePool("killer.txt", note))
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "killer.txt", "b.txt", "c.txt"):
        (src / name).write_text(NOTICE, encoding="utf-8")
    results = results_by_name(list(convert_many([src], tmp_path / "out", to="json", jobs=2)))
    assert sorted(results) == ["a.txt", "b.txt", "c.txt", "killer.txt"]
    assert results["killer.txt"].error_type == error_type
    assert all(results[n].ok for n in ("a.txt", "b.txt", "c.txt"))
    # no note: the input is tried again alone once; a note names it at once
    assert len(FakePool.instances) == (1 + bf.batch.MAX_UNEXPLAINED_DEATHS if note is None else 2)


@linux_only
def test_a_worker_killed_from_outside_costs_no_input(tmp_path, monkeypatch):
    force_pool(monkeypatch)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(24):
        big_notice(src / f"n{i:02d}.txt", 1500)
    got = []
    killed = False
    for result in convert_many([src], tmp_path / "out", to="json", jobs=2, max_pending=4, chunk_size=1):
        got.append(result)
        workers = pool_workers(os.getpid())
        if not killed and workers:  # (the first result is the first input's, converted here before the pool)
            os.kill(workers[-1], signal.SIGKILL)
            killed = True
    assert killed
    assert sorted(Path(r.input).name for r in got) == sorted(p.name for p in src.iterdir())
    assert all(r.ok for r in got), [(r.input, r.error) for r in got if not r.ok]


# --- small batches, scripts without the guard, signals --------------------------------------------------


BIG_BYTES = 100_000  # big_notice(…, 4000) writes about 0.3 MB


class Recorder(FakePool):
    """An own pool stand-in that records that it was started and answers nothing (the choice is tested)."""

    started: ClassVar[list[Recorder]] = []

    def __init__(self):
        super().__init__("nothing-dies", None)
        Recorder.started.append(self)

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        future.set_result([])
        return future


def test_a_small_batch_starts_no_pool_and_a_large_one_does(tmp_path, monkeypatch):
    Recorder.started = []
    monkeypatch.setattr(pool, "_measured_start", {})  # what pools of other tests took to start: not these
    monkeypatch.setattr(batch, "default_executor", lambda jobs=None: Recorder())
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    # what inputs cost on an idle 2-core machine, injected (ConversionClock): milliseconds for a notice, about
    # a second for a big one
    ConversionClock(lambda path: 1.0 if os.path.getsize(path) > BIG_BYTES else 0.005).install(
        monkeypatch, batch.convert_chunk)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"n{i}.txt").write_text(NOTICE, encoding="utf-8")
    assert all(r.ok for r in convert_many([src], tmp_path / "out", to="json"))
    assert not Recorder.started  # 5 small texts to JSON: milliseconds, converted while they are measured
    assert all(r.ok for r in convert_many([src], tmp_path / "out2", to=("json", "docx"), jobs=2))
    assert not Recorder.started  # jobs is an upper bound: 5 DOCX do not pay for starting workers either
    for i in range(4):
        big_notice(src / f"big{i}.txt", 4000)  # ~0.3 MB of text each, to JSON and DOCX: seconds
    list(convert_many([src], tmp_path / "out3", to=("json", "docx")))
    assert len(Recorder.started) == 1


class ConversionClock:
    """A stand-in for ``batch``'s clock (its ``time`` module): time passes only when inputs are converted, by the
    cost the test gives each (``seconds``: a number, or the cost of an input's path). What the probe measures
    is then what the test says, however loaded the machine: timed by the wall clock, the choice of a pool moved
    with the load (with both cores busy, an input took several times as long as on an idle machine)."""

    def __init__(self, seconds: float | Callable[[str], float]) -> None:
        self.now = 0.0
        self.seconds = seconds

    def perf_counter(self) -> float:
        return self.now

    def install(self, monkeypatch: pytest.MonkeyPatch, real: Callable[..., Any]) -> None:
        def costly(chunk, *args):
            for task in chunk:
                self.now += self.seconds(task[0]) if callable(self.seconds) else self.seconds
            return real(chunk, *args)

        monkeypatch.setattr(batch, "time", self)
        monkeypatch.setattr(batch, "convert_chunk", costly)


def test_the_choice_follows_what_the_first_inputs_cost_not_only_their_size(tmp_path, monkeypatch):
    """Estimates from sizes are scaled by what the first inputs took here: inputs estimated at 5 s each but
    converted in milliseconds start no pool; inputs estimated at milliseconds that take long start one.

    The cost of each input is injected (ConversionClock). Timed by the wall clock, with both cores busy the
    probe ended after fewer inputs, and those left (more than LOOKAHEAD_SECONDS by their 5 s estimates, so not
    all planned ahead) counted as a batch of unknown length: a pool was started (12 failures in 20 runs)."""
    Recorder.started = []
    monkeypatch.setattr(pool, "_measured_start", {})
    monkeypatch.setattr(batch, "default_executor", lambda jobs=None: Recorder())
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # the choice for 2 workers, whatever the machine
    src = tmp_path / "in"
    src.mkdir()
    for i in range(12):
        (src / f"n{i:02d}.txt").write_text(NOTICE, encoding="utf-8")
    real = batch.convert_chunk
    # milliseconds each: the probe measures 1 + 6 inputs (PROBE_SECONDS); 5 are left, 25 s by their sizes, all
    # planned ahead (LOOKAHEAD_SECONDS): the choice is made on the estimate scaled by what the probe measured
    each = 0.009
    fast = ConversionClock(each)
    left = 12 - 1 - math.ceil(batch.PROBE_SECONDS / each)
    assert left == 5 and left * 5.0 < batch.LOOKAHEAD_SECONDS
    fast.install(monkeypatch, real)
    monkeypatch.setitem(batch.SECONDS_PER_INPUT, "json", 5.0)
    # unscaled, the inputs left are 25 s of work: a pool would pay
    assert batch.pool_pays(left * batch.estimated_seconds(str(src / "n00.txt"), ["json"]), 0.1, 2)
    results = list(convert_many([src], tmp_path / "out", to="json"))
    assert len(results) == 12 and all(r.ok for r in results) and not Recorder.started
    monkeypatch.setitem(batch.SECONDS_PER_INPUT, "json", 1e-6)
    monkeypatch.setattr(batch, "SECONDS_PER_BYTE", {"json": 1e-12})
    slow = ConversionClock(0.2)  # each input takes 0.2 s here
    slow.install(monkeypatch, real)
    # unscaled, the inputs left are microseconds of work: no pool would pay
    assert not batch.pool_pays(12 * batch.estimated_seconds(str(src / "n00.txt"), ["json"]), 0.03, 2)
    list(convert_many([src], tmp_path / "out2", to="json"))
    assert len(Recorder.started) == 1


def test_a_batch_that_pays_for_a_pool_by_a_wide_margin_goes_to_the_workers_after_its_first_input(tmp_path,
                                                                                               monkeypatch):
    """The first input imports and prepares what forked workers inherit; when the inputs planned after it pay for a
    pool even at ESTIMATE_DOUBT times less than their estimates, they go to the workers at once (the probe's
    inputs would be converted here one after the other while a CPU waits). A doubtful batch is still measured."""
    Recorder.started = []
    monkeypatch.setattr(batch, "default_executor", lambda jobs=None: Recorder())  # answers nothing: the results
    monkeypatch.setattr(batch, "pool_start_seconds", lambda first: 0.03)  # are the inputs converted here
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"n{i:02d}.txt").write_text(NOTICE, encoding="utf-8")
    # the first takes 0.2 s (imports and preparation), the others 10 ms
    ConversionClock(lambda path: 0.2 if path.endswith("n00.txt") else 0.01).install(monkeypatch, batch.convert_chunk)
    each = batch.estimated_seconds(str(src / "n01.txt"), ["json"])
    monkeypatch.setitem(batch.SECONDS_PER_INPUT, "json", batch.SECONDS_PER_INPUT["json"] + 0.05 - each)
    # 39 × 50 ms planned after the first: at a quarter, 0.49 s on one core, 0.24 s saved by two against 0.06 s
    assert batch.pool_pays(39 * 0.05 / batch.ESTIMATE_DOUBT, 0.03, 2)
    results = list(convert_many([src], tmp_path / "out", to="json"))
    assert [Path(r.input).name for r in results] == ["n00.txt"] and len(Recorder.started) == 1
    # estimated 5 times lower: a pool might not pay if they were as much too high, so the probe measures them
    monkeypatch.setitem(batch.SECONDS_PER_INPUT, "json", batch.SECONDS_PER_INPUT["json"] - 0.04)
    assert not batch.pool_pays(39 * 0.01 / batch.ESTIMATE_DOUBT, 0.03, 2)
    results = list(convert_many([src], tmp_path / "out2", to="json"))
    assert len(results) == 1 + math.ceil(batch.PROBE_SECONDS / 0.01) and len(Recorder.started) == 2


UNGUARDED = """
import bulletin_format as bf
for r in bf.convert_many([{src!r}], {out!r}, to="docx", jobs=2):
    print(r.input, r.ok)
print("finished")
"""


def test_a_script_without_the_main_guard_gets_one_clear_error(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):  # seconds of DOCX: worth a pool once the first inputs are measured
        big_notice(src / f"n{i:02d}.txt", 1000)
    script = tmp_path / "script.py"
    script.write_text(UNGUARDED.format(src=str(src), out=str(tmp_path / "out")), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode != 0
    assert "ProcessPoolError" in proc.stderr and '__name__ == "__main__"' in proc.stderr
    assert "script.py calls convert_many() at its top level" in proc.stderr
    assert proc.stderr.count("Traceback") == 1 and len(proc.stderr.splitlines()) < 20, proc.stderr
    assert "finished" not in proc.stdout


def descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux, from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(children.get(p, []))
    return found


def pool_workers(pid: int) -> list[int]:
    """The workers of the forkserver pool started by ``pid`` (the fork server's children)."""
    servers = [p for p in descendants(pid) if "forkserver" in cmdline(p) and parent(p) == pid]
    return sorted(p for server in servers for p in descendants(server) if p != server)


def parent(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def alive(pids: list[int]) -> list[int]:
    out = []
    for p in pids:
        try:
            state = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.append(p)
    return out


def start_cli(tmp_path: Path, files: int, *extra: str) -> tuple[subprocess.Popen, Path, Path]:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(files):
        (src / f"n{i:03d}.txt").write_text(NOTICE, encoding="utf-8")
    out, manifest = tmp_path / "out", tmp_path / "m.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "bulletin_format", "convert", str(src), "-o", str(out), "--to", "json,docx",
         "--jobs", "2", "--manifest", str(manifest), *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    return proc, out, manifest


def wait_for_workers(proc: subprocess.Popen, out: Path) -> list[int]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        family = descendants(proc.pid)
        if len(family) >= 3 and out.exists() and any(out.rglob("*.docx")):
            return family
        time.sleep(0.05)
    raise AssertionError("the workers did not start")


@linux_only
@pytest.mark.slow
def test_workers_die_with_a_killed_parent(tmp_path):
    proc, out, _ = start_cli(tmp_path, 400)
    family = wait_for_workers(proc, out)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    deadline = time.monotonic() + 10
    while alive(family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(family), [cmdline(p) for p in alive(family)]


@linux_only
@pytest.mark.slow
@pytest.mark.parametrize("group", [False, True], ids=["parent-only", "whole-group"])
def test_sigterm_is_handled_like_ctrl_c(tmp_path, group):
    proc, out, manifest = start_cli(tmp_path, 400)
    family = wait_for_workers(proc, out)
    if group:  # what timeout(1), systemd and Slurm do
        os.killpg(proc.pid, signal.SIGTERM)
    else:  # what Kubernetes does
        os.kill(proc.pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert "interrupted: converted" in err and "--skip-existing" in err
    records = [line for line in manifest.read_text(encoding="utf-8").splitlines() if line]
    written = {p.name for p in out.rglob("*") if p.is_file()}
    reported = {Path(o).name for line in records for o in __import__("json").loads(line)["outputs"]}
    assert written == reported, "the manifest holds every output written, and only those"
    assert 0 < len(records) < 400
    deadline = time.monotonic() + 10
    while alive(family) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not alive(family)
    assert not list(out.rglob("*.part"))


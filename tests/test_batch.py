"""convert_many: planning (names mirror the input tree), results per input, resume, executors (pool, Dask)."""

from __future__ import annotations

import json
import pickle
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format import batch
from bulletin_format.batch import BatchItem, BatchResult, convert_many, expand_inputs, items_from_list, output_paths
from bulletin_format.writers import WRITERS

NOTICE = """关于做好春季安全生产工作的通知

各乡镇人民政府，县直各单位：
为切实做好春季安全生产工作，防范各类事故发生，现将有关事项通知如下。
一、提高思想认识
各单位要充分认识做好春季安全生产工作的重要性，切实把安全生产摆在突出位置。
二、强化隐患排查
各单位要组织力量开展拉网式排查，发现隐患立即整改，不留死角。
某某县人民政府办公室
2024年3月1日
"""

NEWS_HTML = """<!DOCTYPE html>
<html><head><meta charset="gbk"><title>我县召开春季农业生产工作会议_新闻中心</title></head>
<body><div class="nav">首页 | 新闻中心 | 政务公开</div>
<h1>我县召开春季农业生产工作会议</h1>
<p>3月5日上午，我县召开春季农业生产工作会议，总结去年农业农村工作，部署今年春季农业生产任务。</p>
<p>会议要求，各乡镇要抢抓农时，扎实做好春耕备耕各项工作，确保粮食播种面积稳定。</p>
<div class="footer">版权所有：某某县人民政府 备案号：某ICP备000000号</div>
</body></html>
"""


def make_tree(root: Path) -> Path:
    """A small archive: two folders holding files of the same name, a GBK HTML page, a PDF and an empty file."""
    src = root / "archive"
    (src / "2023").mkdir(parents=True)
    (src / "2024" / "spring").mkdir(parents=True)
    (src / "2023" / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (src / "2024" / "notice.txt").write_text(NOTICE.replace("2024年", "2025年"), encoding="gb18030")
    (src / "2024" / "spring" / "news.html").write_bytes(NEWS_HTML.encode("gbk"))
    (src / "2024" / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (src / "2024" / "empty.txt").write_bytes(b"")
    (src / ".hidden").mkdir()
    (src / ".hidden" / "skip.txt").write_text(NOTICE, encoding="utf-8")
    return src


def force_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool whatever the batch costs (the choice itself is tested in test_batch_faults.py): only the first
    input is converted in the calling process, to measure it; the others go to the workers."""
    monkeypatch.setattr(batch, "PROBE_SECONDS", 0.0)
    monkeypatch.setattr(batch, "pool_pays", lambda remaining, start, workers: True)


def by_input(results: list[BatchResult]) -> dict[str, BatchResult]:
    return {Path(r.input).as_posix().split("archive/")[-1]: r for r in results}


# --- planning ---------------------------------------------------------------------------------------------


def test_folder_names_mirror_the_tree_and_skip_hidden_files(tmp_path):
    src = make_tree(tmp_path)
    names = sorted(item.name for item in expand_inputs([src]))
    assert names == ["2023/notice", "2024/empty", "2024/notice", "2024/scan", "2024/spring/news"]


def test_names_do_not_depend_on_neighbouring_files(tmp_path):
    (tmp_path / "a.txt").write_text(NOTICE, encoding="utf-8")
    assert [i.name for i in expand_inputs([tmp_path])] == ["a"]
    (tmp_path / "a.html").write_text(NEWS_HTML, encoding="utf-8")
    (tmp_path / "b.txt").write_text(NOTICE, encoding="utf-8")
    assert sorted(i.name for i in expand_inputs([tmp_path])) == ["a", "a", "b"]  # a.txt is still "a"
    assert sorted(i.name for i in expand_inputs([tmp_path], keep_suffix=True)) == ["a.html", "a.txt", "b.txt"]
    assert output_paths("out", "a.txt", ("json", "docx")) == [Path("out/a.txt.json"), Path("out/a.txt.docx")]


def test_inputs_that_differ_only_in_their_suffix_collide_visibly_unless_the_suffix_is_kept(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(NOTICE, encoding="utf-8")
    (src / "a.html").write_text(NEWS_HTML, encoding="utf-8")
    results = {Path(r.input).name: r for r in convert_many([src], tmp_path / "out", to="json", jobs=1)}
    assert results["a.html"].ok and results["a.txt"].error_type == "OutputCollisionError"  # sorted: html first
    assert "keep_suffix" in (results["a.txt"].error or "")
    kept = list(convert_many([src], tmp_path / "kept", to="json", jobs=1, keep_suffix=True))
    assert all(r.ok for r in kept)
    assert sorted(p.name for p in (tmp_path / "kept").iterdir()) == ["a.html.json", "a.txt.json"]


def test_an_output_folder_inside_the_input_folder_is_not_read(tmp_path):
    src = make_tree(tmp_path)
    out = src / "converted"
    first = list(convert_many([src], out, to="json", jobs=1))
    second = list(convert_many([src], out, to="json", jobs=1))
    assert len(first) == len(second) == 5
    assert not any("converted" in r.input for r in second)


def test_glob_mirrors_below_its_fixed_prefix(tmp_path):
    src = make_tree(tmp_path)
    items = list(expand_inputs([f"{src}/**/*.txt"]))
    assert sorted(i.name for i in items) == ["2023/notice", "2024/empty", "2024/notice"]


def test_a_missing_file_is_kept_so_that_it_fails_visibly(tmp_path):
    assert list(expand_inputs([tmp_path / "gone.txt"])) == [BatchItem(str(tmp_path / "gone.txt"), "gone")]


def test_list_of_paths_mirrors_below_the_common_folder(tmp_path):
    src = make_tree(tmp_path)
    items = items_from_list([str(src / "2023" / "notice.txt"), str(src / "2024" / "notice.txt"), ""])
    assert [i.name for i in items] == ["2023/notice", "2024/notice"]
    assert items[0].path == str(src / "2023" / "notice.txt")


# --- converting -------------------------------------------------------------------------------------------


def test_bad_files_fail_alone_and_everything_else_is_written(tmp_path):
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    results = by_input(list(convert_many([src], out, to=("json", "docx"), jobs=1)))
    assert set(results) == {"2023/notice.txt", "2024/notice.txt", "2024/spring/news.html", "2024/scan.pdf",
                            "2024/empty.txt"}
    assert results["2024/scan.pdf"].error_type == "BinaryInputError"
    assert "PDF" in (results["2024/scan.pdf"].error or "")
    assert results["2024/empty.txt"].error_type == "EmptyInputError"
    assert results["2024/notice.txt"].encoding == "gb18030"
    for key in ("2023/notice.txt", "2024/notice.txt", "2024/spring/news.html"):
        r = results[key]
        assert r.ok and not r.skipped and r.seconds >= 0
        assert [Path(p).suffix for p in r.outputs] == [".json", ".docx"]
        assert all(Path(p).is_file() for p in r.outputs)
    doc = json.loads((out / "2023" / "notice.json").read_text(encoding="utf-8"))
    assert doc["articles"][0]["title"] == "关于做好春季安全生产工作的通知"
    assert (out / "2024" / "spring" / "news.docx").read_bytes()[:2] == b"PK"
    assert not (out / "2024" / "scan.json").exists()
    assert not list(out.rglob("*.part")), "no temporary file may be left behind"


def test_result_record_is_plain_json_data(tmp_path):
    src = make_tree(tmp_path)
    for r in convert_many([src / "2024"], tmp_path / "out", to="json", jobs=1):
        line = json.dumps(r.to_dict(), ensure_ascii=False)
        back = BatchResult.from_dict(json.loads(line))
        assert back == r
        assert json.loads(line)["ok"] is r.ok


def test_skip_existing_converts_only_what_is_missing(tmp_path):
    src = make_tree(tmp_path)
    out = tmp_path / "out"
    list(convert_many([src], out, to="json", jobs=1))
    (out / "2024" / "notice.json").unlink()
    results = by_input(list(convert_many([src], out, to="json", jobs=1, skip_existing=True)))
    assert results["2023/notice.txt"].skipped and results["2023/notice.txt"].ok
    assert not results["2024/notice.txt"].skipped and results["2024/notice.txt"].ok
    assert (out / "2024" / "notice.json").is_file()
    assert not results["2024/scan.pdf"].ok  # failures are retried, not skipped


def test_two_inputs_with_one_output_name_collide_visibly(tmp_path):
    src = make_tree(tmp_path)
    results = list(convert_many([src / "2023" / "notice.txt", src / "2024" / "notice.txt"], tmp_path / "out",
                                to="json", jobs=1))
    assert sorted(r.error_type or "ok" for r in results) == ["OutputCollisionError", "ok"]


def test_one_format_failing_does_not_cost_the_other(tmp_path, monkeypatch):
    def broken_docx(doc):
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(WRITERS, "docx", broken_docx)
    src = make_tree(tmp_path)
    [r] = convert_many([src / "2023" / "notice.txt"], tmp_path / "out", to=("json", "docx"), jobs=1)
    assert r.error_type == "WriterError" and "docx" in (r.error or "") and "disk on fire" in (r.error or "")
    assert "notice.txt" in (r.error or "") and not r.ok
    assert r.outputs == [str(tmp_path / "out" / "notice.json")]
    assert (tmp_path / "out" / "notice.json").is_file()
    assert not (tmp_path / "out" / "notice.docx").exists()


def test_writer_options_go_to_the_writers_that_take_them(tmp_path, monkeypatch):
    seen: list[object] = []

    def docx_with_profile(doc, *, profile=None):
        seen.append(profile)
        return b"PK fake"

    monkeypatch.setitem(WRITERS, "docx", docx_with_profile)
    src = make_tree(tmp_path)
    [r] = convert_many([src / "2023" / "notice.txt"], tmp_path / "out", to=("json", "docx"), jobs=1,
                       profile="bulletin")
    assert r.ok and seen and set(seen) == {"bulletin"}
    assert json.loads((tmp_path / "out" / "notice.json").read_text(encoding="utf-8"))["kind"]


def test_parse_options_reach_the_parser(tmp_path):
    path = tmp_path / "zw.txt"
    path.write_text(NOTICE.replace("各单位要充分认识", "各单位要充分\u200b认识"), encoding="utf-8")
    [kept] = convert_many([path], tmp_path / "raw", to="json", jobs=1, normalize=False)
    [fixed] = convert_many([path], tmp_path / "norm", to="json", jobs=1)
    assert kept.ok and fixed.ok
    assert "\u200b" in (tmp_path / "raw" / "zw.json").read_text(encoding="utf-8")
    assert "\u200b" not in (tmp_path / "norm" / "zw.json").read_text(encoding="utf-8")


def test_bad_options_and_formats_raise_before_any_work(tmp_path, monkeypatch):
    monkeypatch.setitem(WRITERS, "json", lambda doc, *, indent=2: "{}")
    monkeypatch.setitem(WRITERS, "docx", lambda doc, *, profile=None: b"PK")
    with pytest.raises(TypeError, match="colour"):
        convert_many([tmp_path], tmp_path / "out", colour="red")
    with pytest.raises(bf.OutputFormatError):
        convert_many([tmp_path], tmp_path / "out", to="pdf")
    with pytest.raises(ValueError):
        convert_many([tmp_path], tmp_path / "out", chunk_size=0)


# --- executors --------------------------------------------------------------------------------------------


def test_work_function_and_records_are_picklable(tmp_path):
    src = make_tree(tmp_path)
    fn = pickle.loads(pickle.dumps(batch.convert_chunk))
    records = fn([(str(src / "2023" / "notice.txt"), "n"), (str(src / "2024" / "scan.pdf"), "s")],
                 str(tmp_path / "out"), ("json",), {}, {"json": {}})
    assert pickle.loads(pickle.dumps(records)) == records
    assert [r.get("error_type") for r in records] == [None, "BinaryInputError"]


@pytest.mark.parametrize("chunk_size", [2, None])
def test_default_process_pool(tmp_path, monkeypatch, chunk_size):
    force_pool(monkeypatch)
    src = make_tree(tmp_path)
    results = list(convert_many([src], tmp_path / "out", to="json", jobs=2, chunk_size=chunk_size))
    assert len(results) == 5
    assert sum(r.ok for r in results) == 3
    assert (tmp_path / "out" / "2024" / "spring" / "news.json").is_file()


def test_the_own_pool_gets_tasks_of_even_estimated_cost_smaller_at_the_end(tmp_path):
    sizes = [1_000] * 40 + [400_000] + [1_000] * 40
    for i, size in enumerate(sizes):
        (tmp_path / f"{i:03d}.txt").write_bytes(b"x" * size)
    tasks = iter([(str(tmp_path / f"{i:03d}.txt"), str(i), None) for i in range(len(sizes))])
    chunks = list(batch._Ahead(tasks, ("json",)).chunks(workers=2, scale=1.0))
    # every task once; the end of the batch is known (all planned ahead): the largest first, equal ones in order
    assert [t[1] for c in chunks for t in c] == ["40"] + [str(i) for i in range(len(sizes)) if i != 40]
    costs = [sum(batch.estimated_seconds(t[0], ("json",)) for t in c) for c in chunks]
    big = next(i for i, c in enumerate(chunks) if any(t[1] == "40" for t in c))
    assert big == 0 and len(chunks[big]) == 1, "an input over the target is a task of its own, sent first"
    assert max(len(c) for c in chunks) > 1, "small inputs share a task"
    assert all(cost <= batch.CHUNK_SECONDS for i, cost in enumerate(costs) if i != big)
    assert costs[-1] < costs[0], "the last tasks are smaller, so that no worker is left with a long one"


def test_inputs_go_largest_first_only_once_the_end_of_the_batch_is_known(tmp_path, monkeypatch):
    """Longest processing time first: the last tasks hold the smallest inputs. A batch longer than the look-ahead
    goes in its own order until its end is planned; only the inputs left then are sorted."""
    monkeypatch.setitem(batch.SECONDS_PER_INPUT, "json", 0.0)
    monkeypatch.setitem(batch.SECONDS_PER_BYTE, "json", 1e-7)  # 100 KB: 10 ms
    sizes = [1_000, 200_000, 2_000, 100_000, 3_000, 300_000, 1_500, 50_000]
    for i, size in enumerate(sizes):
        (tmp_path / f"{i}.txt").write_bytes(b"x" * size)
    tasks = [(str(tmp_path / f"{i}.txt"), str(i), None) for i in range(len(sizes))]

    def order() -> list[str]:
        return [t[1] for c in batch._Ahead(iter(tasks), ("json",)).chunks(workers=2, scale=1.0) for t in c]

    assert order() == ["5", "1", "3", "7", "4", "2", "6", "0"]
    monkeypatch.setattr(batch, "LOOKAHEAD_SECONDS", 0.025)  # 0-3 planned, then 4-5, then 6-7 and the end
    assert order() == ["0", "1", "2", "3", "4", "5", "7", "6"]


def test_any_executor_works_and_is_left_running(tmp_path):
    src = make_tree(tmp_path)
    with ThreadPoolExecutor(2) as pool:
        results = list(convert_many([src], tmp_path / "out", to="json", executor=pool, max_pending=1))
        assert pool.submit(lambda: 42).result() == 42  # the caller's executor is not shut down
    assert sorted(r.ok for r in results) == [False, False, True, True, True]


class DeadExecutor(Executor):
    """An executor whose workers always die (like a killed worker process)."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        future.set_exception(OSError("worker killed"))
        return future


def test_a_dead_worker_fails_its_inputs_by_name(tmp_path):
    src = make_tree(tmp_path)
    results = list(convert_many([src / "2023"], tmp_path / "out", to="json", executor=DeadExecutor()))
    assert [(Path(r.input).name, r.error_type) for r in results] == [("notice.txt", "WorkerError")]
    assert "worker killed" in (results[0].error or "")


def test_closing_early_cancels_the_rest(tmp_path):
    src = make_tree(tmp_path)
    for i in range(12):
        (src / "2023" / f"copy{i:02d}.txt").write_text(NOTICE, encoding="utf-8")
    with ThreadPoolExecutor(1) as pool:
        it = convert_many([src], tmp_path / "out", to="json", executor=pool, max_pending=2)
        first = next(it)
        it.close()
    assert first.input
    written = list((tmp_path / "out").rglob("*.json"))
    assert 1 <= len(written) < 15
    assert not list((tmp_path / "out").rglob("*.part"))


def test_ctrl_c_reports_the_conversions_already_running(tmp_path, monkeypatch):
    src = make_tree(tmp_path)
    real_wait = batch.wait
    calls = []

    def interrupted_wait(futures, return_when=None, **kwargs):
        calls.append(return_when)
        if return_when is not None and len(calls) == 2:
            raise KeyboardInterrupt
        return real_wait(futures, return_when=return_when or "ALL_COMPLETED", **kwargs)

    monkeypatch.setattr(batch, "wait", interrupted_wait)
    got = []
    with ThreadPoolExecutor(1) as pool, pytest.raises(KeyboardInterrupt):
        for r in convert_many([src], tmp_path / "out", to="json", executor=pool, max_pending=3):
            got.append(r)
    reported = {Path(p) for r in got for p in r.outputs}
    assert reported == set((tmp_path / "out").rglob("*.json")), "every file written is in a result record"
    assert 1 <= len(got) < 5


def test_dask_distributed_executor(tmp_path):
    distributed = pytest.importorskip("distributed")
    src = make_tree(tmp_path)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster) as client:
        results = list(convert_many([src], tmp_path / "out", to=("json", "docx"), executor=client.get_executor(),
                                    chunk_size=2))
    assert len(results) == 5
    ok = by_input(results)
    assert ok["2024/spring/news.html"].ok and ok["2024/scan.pdf"].error_type == "BinaryInputError"
    assert (tmp_path / "out" / "2023" / "notice.docx").is_file()


# A 公文 page dated only by its 发布时间: the DOCX writer prints that date as the 成文日期 and warns
# (date_only_in_page_facts). Our own page, in the shape of a 政务公开 page.
PAGE_FACTS_DATED = """<html><head><meta charset="utf-8"><title>某县基层政务公开实施办法</title></head><body>
<div class="info">发布时间：2022-02-18 来源：某县人民政府办公室</div>
<div class="article"><h1>某县基层政务公开实施办法</h1>
<p>各乡镇人民政府，县政府各部门：</p>
<p>为深入推进基层政务公开标准化规范化建设，更好保障人民群众的知情权、参与权和监督权，结合本县实际，制定本办法。</p>
<p>一、本办法适用于本县各级行政机关的政务公开工作，各单位应当认真贯彻执行，确保各项工作落到实处。</p>
<p>二、各单位应当建立健全政务公开工作机制，明确分管领导和工作人员，及时公开应当公开的政府信息。</p>
<p>某县人民政府办公室</p>
</div></body></html>
"""


@pytest.mark.parametrize("to", [("json", "docx"), ("docx", "json"), ("txt", "json", "docx")])
def test_the_json_of_a_run_carries_the_docx_writers_warning(tmp_path, to):
    """Written in one run, the JSON says what the DOCX printed (it was written first before), in any order asked;
    the outputs are listed in the order asked."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notice.html").write_text(PAGE_FACTS_DATED, encoding="utf-8")
    [result] = convert_many([tmp_path / "in" / "notice.html"], tmp_path / "out", to=to, jobs=1)
    assert result.error is None
    assert any("date_only_in_page_facts" in w for w in result.warnings)
    record = json.loads((tmp_path / "out" / "notice.json").read_text(encoding="utf-8"))
    assert any("date_only_in_page_facts" in w for w in record["warnings"])
    assert [Path(p).suffix for p in result.outputs] == [f".{f}" for f in to]

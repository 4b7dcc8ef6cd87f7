"""The cluster recipes of docs/scale.md, run as printed there (paths and cluster addresses swapped for
local ones): convert_many on a Dask LocalCluster and on a local Ray cluster, and the Spark mapPartitions
recipe on a local SparkSession (local[2]). Each is skipped when its package (or Java, for Spark) is missing;
.ci/run installs them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .test_batch import make_tree

ROOT = Path(__file__).resolve().parent.parent
SCALE = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")


def recipe(heading: str) -> str:
    """The python block of the docs/scale.md section whose heading starts with ``heading``."""
    section = SCALE.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)  # type: ignore[union-attr]


def swapped(code: str, swaps: dict[str, str]) -> str:
    for old, new in swaps.items():
        assert old in code, f"docs/scale.md no longer says {old!r}: update the recipe test with it"
        code = code.replace(old, new)
    return code


def run_script(tmp_path: Path, code: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "recipe.py"
    script.write_text(code, encoding="utf-8")
    env = {**os.environ, "PYSPARK_PYTHON": sys.executable, "PYSPARK_DRIVER_PYTHON": sys.executable,
           "RAY_AUTH_MODE": "disabled", "RAY_USAGE_STATS_ENABLED": "0"}
    return subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=timeout,
                          cwd=tmp_path, env=env)


def printed(proc: subprocess.CompletedProcess[str]) -> dict[str, str]:
    """``input status`` lines the recipes print → {file name: status}."""
    lines = [line.rsplit(" ", 1) for line in proc.stdout.splitlines() if line.startswith(("/", "file:"))]
    return {Path(path).name: status for path, status in lines}


@pytest.mark.slow
def test_the_dask_recipe(tmp_path):
    pytest.importorskip("distributed")
    src = make_tree(tmp_path)
    code = swapped(recipe("3. Dask"), {
        'Client("tcp://scheduler:8786")': "Client(LocalCluster(n_workers=1, threads_per_worker=2, "
        "dashboard_address=None, silence_logs=40))",
        "from dask.distributed import Client": "from dask.distributed import Client, LocalCluster",
        '"/shared/archive"': repr(str(src)), '"/shared/out"': repr(str(tmp_path / "out")),
    })
    proc = run_script(tmp_path, code)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert printed(proc) == {"notice.txt": "ok", "news.html": "ok", "scan.pdf": "BinaryInputError",
                             "empty.txt": "EmptyInputError"}
    assert (tmp_path / "out" / "2024" / "spring" / "news.json").is_file()


@pytest.mark.slow
def test_the_ray_recipe(tmp_path):
    pytest.importorskip("ray")
    src = make_tree(tmp_path)
    code = swapped(recipe("4. Ray"), {
        'ray.init(address="auto")': "ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)",
        '"/shared/archive"': repr(str(src)), '"/shared/out"': repr(str(tmp_path / "out")),
    })
    proc = run_script(tmp_path, code)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert printed(proc) == {"notice.txt": "ok", "news.html": "ok", "scan.pdf": "BinaryInputError",
                             "empty.txt": "EmptyInputError"}
    for name in ("2023/notice", "2024/notice", "2024/spring/news"):
        assert (tmp_path / "out" / f"{name}.json").is_file() and (tmp_path / "out" / f"{name}.docx").is_file()


@pytest.mark.slow
def test_the_spark_recipe(tmp_path):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs a Java runtime (Debian: openjdk-17-jre-headless)")
    src = make_tree(tmp_path)
    (src / "2024" / "binary.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")  # a PDF named .txt
    out = tmp_path / "converted"
    code = swapped(recipe("5. Spark"), {
        'SparkSession.builder.appName("bulletin-format")': 'SparkSession.builder.master("local[2]")'
        '.appName("bulletin-format").config("spark.ui.enabled", "false")',
        '"s3a://bucket/archive/"': repr(str(src)), '"s3a://bucket/converted/"': repr(str(out)),
        '.groupBy("error_type").count().show()': '.groupBy("error_type").count().show()\n'
        '    for row in out.orderBy("path").collect():\n'
        '        print(row.path, row.error_type or "ok")\n'
        '        print(row.json.replace("\\n", " ") if row.json else "")',
    })
    proc = run_script(tmp_path, code, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    # *.pdf is filtered out by the recipe; Spark's binaryFile gives an empty file no row at all
    assert printed(proc) == {"notice.txt": "ok", "news.html": "ok", "binary.txt": "BinaryInputError"}
    assert list(out.glob("*.parquet")), "the converted rows were written"
    rows = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert rows and all(r["source"]["encoding"] for r in rows)

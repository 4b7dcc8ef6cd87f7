"""Every command shown in README.md and docs/*.md is run, as a new user would run it, in a fresh folder
holding the files the examples name (page.html, crawl/, archive/, seeds/ …).

Shell commands (```sh blocks, and ``$ `` lines of plain blocks) run in document order, one sandbox per
document, with ``bulletin-format`` the command of this checkout. Python blocks run as scripts. What cannot
run here is said so, by rule, below: the install and test commands are the ones .ci/run runs (checked
against it), the cluster recipes are run by tests/test_cluster.py, benchmarks run in their shortest form
(and are skipped without their extras or data), LibreOffice commands are skipped without soffice.
A command no rule covers fails this test: a new example in the docs needs a way to be run.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .test_batch import NEWS_HTML, NOTICE

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "benchmarks" / "README.md"]
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
# python blocks run elsewhere: the cluster recipes (tests/test_cluster.py), keyed by the section they are in
RUN_ELSEWHERE = {("scale.md", "3. Dask"), ("scale.md", "4. Ray"), ("scale.md", "5. Spark")}
# benchmark commands run in their shortest form; the extras (or data) each needs, else it is skipped
BENCH_SHORT = {
    "bench_throughput.py": ["--quick", "--rounds", "1", "--seconds", "0.05", "--pages", "3", "--files", "6",
                            "--sizes", "0.02,0.04", "--memory-mb", "0.04"],
    "profile_stages.py": ["--repeat", "1"],
    "profile_memory.py": ["--mb", "0.05", "--only", "lines,tsv"],
    "bench_extractors.py": ["--repeat", "1"],
    "bench_normalize.py": ["--mb", "0.05"],
    "bench_shadow.py": ["--repeat", "1"],
    "bench_corpus.py": ["--rounds", "1"],
    "probe_templates.py": ["--pages", "3"],
    "bench_docx.py": ["--quick", "--seconds", "0.2", "--sizes", "0.05", "--shapes", "document"],
}
# (bench_throughput.py skips its trafilatura comparison by itself when trafilatura is absent, and runs the rest)
BENCH_NEEDS = {"bench_extractors.py": ("trafilatura", "readability")}
# a command in a block without a language and without "$ ": an environment assignment or a known program first
PLAIN_COMMAND = re.compile(
    r"^(?:[A-Z_]+=\S+\s|bulletin-format (?:convert|inspect|check|--)|soffice\s|\.venv/bin/|python3?\s)"
)
OPTIONAL_TOOLS = {"pyinstrument"}  # `python -m TOOL` examples of the bench extras
NEEDS_SOFFICE = ("old.doc", ".wps", "soffice", "--render")  # examples that need LibreOffice, skipped without it
SEED = "001_821a5f6d3bb30ab6.txt"
MARKDOWN = (
    "# 关于做好春季安全生产工作的通知\n\n各乡镇人民政府：\n\n## 一、提高思想认识\n\n"
    "各单位要充分认识做好工作的重要性。\n"
)
TRADITIONAL = "關於做好春季安全生產工作的通知\n\n各鄉鎮人民政府：\n為切實做好春季安全生產工作，現將有關事項通知如下。\n"


@dataclass
class Command:
    doc: str
    line: int
    text: str  # as printed, continuation lines joined, comment removed


@dataclass
class Block:
    doc: str
    line: int
    section: str
    code: str


def _strip_comment(line: str) -> str:
    """The command without its trailing ``# comment`` (a # inside quotes is kept)."""
    out, quote = [], None
    for i, c in enumerate(line):
        if quote:
            quote = None if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1].isspace()):
            break
        out.append(c)
    return "".join(out).strip()


def parse_doc(path: Path) -> tuple[list[Command], list[Block]]:
    commands: list[Command] = []
    blocks: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    section = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("## "):
            section = line[3:].strip()
        fence = re.match(r"^(\s*)```(\w*)\s*$", line)
        if not fence:
            i += 1
            continue
        indent, lang = fence.groups()
        start = i + 1
        body: list[str] = []
        i += 1
        while i < len(lines) and not re.match(rf"^{indent}```\s*$", lines[i]):
            body.append(lines[i][len(indent):])
            i += 1
        i += 1
        if lang == "python":
            blocks.append(Block(path.name, start, section, "\n".join(body) + "\n"))
        elif lang in ("sh", "bash", "console", ""):
            pending = ""
            for n, raw in enumerate(body):
                if lang in ("", "console"):
                    if not raw.startswith("$ ") and not pending and not PLAIN_COMMAND.match(raw):
                        continue
                    raw = raw[2:] if raw.startswith("$ ") else raw
                text = raw.rstrip()
                if text.endswith("\\"):
                    pending += text[:-1] + " "
                    continue
                text = _strip_comment(pending + text)
                pending = ""
                if text:
                    commands.append(Command(path.name, start + n, " ".join(text.split())))
    return commands, blocks


def sandbox(root: Path) -> Path:
    """A folder holding every file the examples name."""
    fixtures = ROOT / "fixtures"
    shutil.copytree(ROOT / "seeds", root / "seeds")
    shutil.copy(fixtures / "html" / "gov_notice.html", root / "page.html")
    shutil.copy(fixtures / "html" / "news_repost.html", root / "input.html")
    for tree in ("crawl", "archive"):
        (root / tree / "2023").mkdir(parents=True)
        (root / tree / "2024" / "spring").mkdir(parents=True)
        shutil.copy(fixtures / "html" / "gov_notice.html", root / tree / "2023" / "gov_notice.html")
        (root / tree / "2024" / "notice.txt").write_text(NOTICE, encoding="gb18030")
        (root / tree / "2024" / "spring" / "news.html").write_bytes(NEWS_HTML.encode("gbk"))
        (root / tree / "2024" / "traditional.txt").write_text(TRADITIONAL, encoding="big5")
    (root / "overrides.json").write_text('{"font.body": "仿宋"}', encoding="utf-8")
    (root / "notes.md").write_text(MARKDOWN, encoding="utf-8")
    (root / "big.txt").write_text(NOTICE * 50, encoding="utf-8")
    bin_dir = root / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "bulletin-format"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bulletin_format "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    # DOCX files the examples name (draft.docx: a Word draft; this project's DOCX reads back as a draft)
    for name in ("a.docx", "out/notice.docx", "out/page.docx", "draft.docx"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        source = fixtures / "official" / "tongzhi.txt" if name == "draft.docx" else root / "seeds" / SEED
        subprocess.run([str(shim), "convert", str(source), "-o", str(root / name)], check=True, capture_output=True,
                       timeout=120)
    if shutil.which("soffice"):  # old.doc: the draft saved as Word 97
        subprocess.run(["soffice", f"-env:UserInstallation=file://{root}/.lo", "--headless", "--convert-to", "doc",
                        "--outdir", str(root), str(root / "draft.docx")], capture_output=True, timeout=180)
        (root / "draft.doc").rename(root / "old.doc")
    return root


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sandbox, made once (its DOCX and .doc files take seconds); each test works on a copy."""
    return sandbox(tmp_path_factory.mktemp("docs-sandbox"))


def copy_of(template: Path, tmp_path: Path) -> Path:
    root = tmp_path / "sandbox"
    shutil.copytree(template, root, symlinks=True)
    shim = root / "bin" / "bulletin-format"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bulletin_format "$@"\n', encoding="utf-8")
    return root


def env_for(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PATH"] = f"{root / 'bin'}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def ci_runs(text: str) -> bool:
    """Whether .ci/run runs this install/test command (flags such as -q aside)."""
    wanted = [w for w in shlex.split(text) if w not in ("-q",)]
    for line in CI.replace("\\\n", " ").splitlines():
        for part in line.split("&&"):
            have = [w for w in shlex.split(part, comments=True) if w not in ("-q",)]
            if have and have == wanted:
                return True
    return False


def run_command(cmd: Command, root: Path) -> None:
    """Run one documented command in ``root``, or say by which rule it is covered elsewhere."""
    for part in (p.strip() for p in cmd.text.split("&&")):
        words = shlex.split(part)
        if not words:
            continue
        if words[0] == "cd":  # a machine's checkout (cd /work/main): the repository root
            continue
        if words[:3] == ["python3", "-m", "venv"] or words[0].endswith("/pip") or words[1:3] == ["-m", "pytest"]:
            assert ci_runs(part), f"{cmd.doc}:{cmd.line}: .ci/run does not run {part!r}"
            continue
        if any(marker in part for marker in NEEDS_SOFFICE) and shutil.which("soffice") is None:
            continue
        if any(w.startswith("benchmarks/") for w in words):
            script = next(Path(w).name for w in words if w.startswith("benchmarks/"))
            if any(importlib.util.find_spec(m) is None for m in BENCH_NEEDS.get(script, ())):
                return  # its extras (pip install -e ".[bench]") are not installed
            if script == "bench_extractors.py" and not Path("/work/shared/realdocs").is_dir():
                return
            words = [sys.executable if w.endswith("/python") else w for w in words]
            words = [str(ROOT / w) if w.startswith("benchmarks/") else w for w in words] + BENCH_SHORT.get(script, [])
            part = shlex.join(words)
        elif words[0].endswith("/python") or words[0] in ("python", "python3"):
            if words[1:2] == ["-m"] and words[2] in OPTIONAL_TOOLS and importlib.util.find_spec(words[2]) is None:
                return  # a tool of the bench extras, not installed
            part = shlex.join([sys.executable, *words[1:]])
        part = part.replace(".venv/bin/bulletin-format", "bulletin-format")
        fonts = "src/bulletin_format/render/fonts.conf"
        part = part.replace(fonts, str(ROOT / fonts))
        proc = subprocess.run(["bash", "-c", part], cwd=root, env=env_for(root), capture_output=True, timeout=600)
        err = proc.stderr.decode("utf-8", "replace")
        allowed = {0, 1} if " check " in f" {part} " else {0}  # check: 1 means findings, which are its output
        assert proc.returncode in allowed, f"{cmd.doc}:{cmd.line}: `{cmd.text}` exited {proc.returncode}\n{err[-2000:]}"
        assert "Traceback" not in err, f"{cmd.doc}:{cmd.line}: `{cmd.text}`\n{err[-2000:]}"


def doc_id(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def all_docs() -> list[tuple[Path, list[Command], list[Block]]]:
    return [(path, *parse_doc(path)) for path in DOCS if path.is_file()]


def test_the_docs_hold_commands_and_the_parser_finds_them():
    commands = {c.text for _, cs, _ in all_docs() for c in cs}
    assert "bulletin-format convert - --to json < page.html" in commands
    assert any(c.startswith("bulletin-format check") for c in commands)
    assert sum(len(bs) for _, _, bs in all_docs()) >= 5


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in DOCS if p.is_file() and parse_doc(p)[0]], ids=doc_id)
def test_every_shell_command_runs(path, tmp_path, template):
    root = copy_of(template, tmp_path)
    for cmd in parse_doc(path)[0]:
        run_command(cmd, root)


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in DOCS if p.is_file() and parse_doc(p)[1]], ids=doc_id)
def test_every_python_block_runs(path, tmp_path, template):
    root = copy_of(template, tmp_path)
    for block in parse_doc(path)[1]:
        if elsewhere(block) or (any(m in block.code for m in NEEDS_SOFFICE) and shutil.which("soffice") is None):
            continue
        code = block.code
        if "bulletin_format" not in code:
            code = "import bulletin_format as bf\n" + code
        script = root / f"block_{block.line}.py"
        script.write_text(code, encoding="utf-8")
        proc = subprocess.run([sys.executable, str(script)], cwd=root, env=env_for(root), capture_output=True,
                              timeout=600)
        err = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 0, f"{block.doc}:{block.line} ({block.section}):\n{err[-3000:]}"


def elsewhere(block: Block) -> bool:
    return any(block.doc == doc and block.section.startswith(section) for doc, section in RUN_ELSEWHERE)


def test_the_cluster_recipes_left_to_test_cluster_exist():
    blocks = [b for _, _, bs in all_docs() for b in bs]
    for doc, section in RUN_ELSEWHERE:
        assert any(b.doc == doc and b.section.startswith(section) for b in blocks), (doc, section)


def test_a_resume_line_repeats_the_command_it_resumes():
    """--skip-existing finishes a run only with the same --to (a resume without --to json,docx would silently
    skip every DOCX) and the same --manifest."""
    for _, commands, _ in all_docs():
        runs = [shlex.split(c.text) for c in commands if c.text.startswith("bulletin-format convert")]
        for words in runs:
            if "--skip-existing" not in words:
                continue
            first = next(w for w in runs if "--skip-existing" not in w and w[2] == words[2])
            for flag in ("--to", "--manifest", "-o"):
                given = first[first.index(flag) + 1] if flag in first else None
                assert given == (words[words.index(flag) + 1] if flag in words else None), (words, flag)

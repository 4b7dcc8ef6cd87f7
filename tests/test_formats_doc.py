"""Every example of docs/formats.md and of the README's "Formats in and out" section runs as shown: Python
blocks run (a line's ``# literal`` comment is checked), shell lines run through the CLI, and the text
output shown is what the text writer prints."""

from __future__ import annotations

import ast
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.cli import main

from .conftest import ROOT
from .test_markdown_reader import DRAFT
from .word_drafts import tongzhi

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(text)]


def readme_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Formats in and out")
    end = readme.index("\n## ", start + 3)
    return readme[start:end]


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    data, _ = tongzhi()
    (tmp_path / "draft.docx").write_bytes(data)
    (tmp_path / "notes.md").write_text(DRAFT, encoding="utf-8")
    if SOFFICE:
        cmd = [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to",
               "doc", "--outdir", str(tmp_path), str(tmp_path / "draft.docx")]
        subprocess.run(cmd, capture_output=True, timeout=180, check=False)
        (tmp_path / "draft.doc").rename(tmp_path / "old.doc")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_python(code: str, namespace: dict) -> int:
    """Run ``code`` line by line; a line ``expr  # literal`` must evaluate to the literal. Returns how
    many values were checked."""
    checked = 0
    statements = ast.parse(code).body
    lines = code.splitlines()
    for stmt in statements:
        source = "\n".join(lines[stmt.lineno - 1 : stmt.end_lineno])
        comment = source.split("  # ", 1)[1].strip() if "  # " in source else ""
        try:
            expected = ast.literal_eval(comment) if comment else None
            literal = bool(comment)
        except (ValueError, SyntaxError):
            literal = False
        if isinstance(stmt, ast.Expr) and literal:
            assert eval(compile(ast.Expression(stmt.value), "<doc>", "eval"), namespace) == expected, source
            checked += 1
        else:
            exec(compile(ast.Module([stmt], []), "<doc>", "exec"), namespace)
    return checked


@pytest.mark.parametrize("where", ["docs/formats.md", "README.md"])
def test_the_examples_run_as_shown(workdir, where):
    text = readme_section() if where == "README.md" else (ROOT / where).read_text(encoding="utf-8")
    if "old.doc" in text and not SOFFICE:
        pytest.skip("the .doc example needs LibreOffice")
    namespace: dict = {"bf": bf}
    checked = 0
    for language, code in blocks(text):
        if language == "python":
            checked += run_python(code, namespace)
        elif language == "sh":
            for line in code.splitlines():
                argv = shlex.split(line, comments=True)  # a trailing "# …" is a comment, as in a shell
                assert argv[0] == "bulletin-format", line
                assert main(argv[1:]) == 0, line
        elif language == "text":
            assert bf.convert("draft.docx", to="txt").startswith(code), "the text output shown is not what is printed"
    assert checked >= (1 if where == "README.md" else 6)
    assert (workdir / "fixed.docx").is_file()
    assert {p.name for p in (workdir / "out").iterdir()} >= {"draft.docx", "draft.md", "draft.txt"}


def test_the_formats_table_names_every_writer():
    from bulletin_format.writers import EXTENSIONS, WRITERS

    text = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    for name in WRITERS:
        assert f"| `{name}` | `{EXTENSIONS[name]}` |" in text


def test_paths_in_this_test_exist():
    assert Path(ROOT / "docs" / "formats.md").is_file()

"""``bulletin-format check FILE.docx... [--profile NAME|FILE.json] [--render [--annotate]] [--quiet | --json]``:
GB/T 9704 conformance of the XML, and with ``--render`` of the pages LibreOffice prints (docx/render_check.py).

Exit status: 0 when every file conforms, 1 when any does not (or cannot be read), 2 on a usage error (a bad
profile, a file that does not exist). A missing or unreadable file is reported and the others are still checked.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import BulletinFormatError

if TYPE_CHECKING:  # the DOCX modules (and python-docx) are imported when the command runs, not for --help
    from ..docx.check import Report
    from ..docx.profile import Profile
    from ..docx.render_check import RenderReport


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("check", help="check DOCX files against GB/T 9704-2012 (page, grid, fonts, footers, rules)")
    p.add_argument("files", nargs="+", help="DOCX files")
    p.add_argument("--profile", default=None, help="profile name or a JSON file of setting overrides")
    p.add_argument(
        "--render",
        action="store_true",
        help="also render with LibreOffice and measure what a reader sees (blank pages, 版记 and 署名 placement, "
        "title breaks, ragged lines, page numbers, tables, fonts); needs soffice and poppler-utils",
    )
    p.add_argument(
        "--annotate",
        action="store_true",
        help="with --render: write the findings as Word comments into a copy, NAME.review.docx beside the file",
    )
    output = p.add_mutually_exclusive_group()
    output.add_argument("-q", "--quiet", action="store_true", help="print only the problems")
    output.add_argument("--json", action="store_true", help="print one JSON report per line")
    p.set_defaults(run=run)


def _profile(value: str | None) -> Profile:
    from ..docx.profile import load_profile

    if value is None:
        return load_profile()
    path = Path(value)
    if path.suffix == ".json" and path.is_file():
        overrides = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(overrides, dict):
            raise ValueError(f"{value}: a profile file must hold a JSON object of setting overrides")
        return load_profile(overrides)
    return load_profile(value)


def run(args: argparse.Namespace) -> int:
    try:
        profile = _profile(args.profile)
    except (BulletinFormatError, ValueError, OSError) as e:  # json.JSONDecodeError is a ValueError
        print(f"bulletin-format check: {e}", file=sys.stderr)
        return 2
    if args.render:
        from ..docx.render import available

        if not available():
            print("bulletin-format check: --render needs LibreOffice (soffice) and pdftotext", file=sys.stderr)
            return 2
    status = 0
    from ..docx.check import check_docx

    checked: list[tuple[str, Path, Report]] = []
    for name in args.files:
        path = Path(name)
        if not path.is_file():  # reported, and the other files are still checked
            print(f"bulletin-format check: no such file: {name}", file=sys.stderr)
            status = 2
            continue
        try:
            checked.append((name, path, check_docx(path, profile=profile)))
        except BulletinFormatError as e:  # a damaged or non-DOCX file is a finding, not a crash
            print(f"{name}: cannot be checked: {e}")
            status = max(status, 1)
    rendered: list[RenderReport | None] = [None] * len(checked)
    if args.render and checked:
        from ..docx.render_check import annotate, check_rendered_many

        try:  # one LibreOffice run for all files (starting it takes seconds)
            rendered = list(check_rendered_many([path for _, path, _ in checked], profile=profile))
        except BulletinFormatError as e:
            print(f"cannot be rendered: {e}")
            status = max(status, 1)
        if args.annotate:
            from ..writers import write_atomic

            for (name, path, _), result in zip(checked, rendered, strict=True):
                if result is not None:
                    review = path.with_name(path.stem + ".review.docx")
                    write_atomic(review, annotate(path, result))
                    print(f"{name}: findings written as comments into {review}", file=sys.stderr)
    for (name, _path, report), result in zip(checked, rendered, strict=True):
        if args.json:
            data = report.to_dict()
            if result is not None:
                data["render"] = result.to_dict()
            print(json.dumps(data, ensure_ascii=False))
        elif args.quiet:
            for f in report.problems:
                print(f"{name}: {f.element}: expected {f.expected}; found {f.found}")
            for r in result.findings if result is not None else []:
                if r.severity != "note":
                    print(f"{name}: {r.severity}: {r.element}: {r.message}")
        else:
            print(report.to_text())
            if result is not None:
                print(result.to_text())
        if not report.ok or (result is not None and not result.ok):
            status = max(status, 1)
    return status

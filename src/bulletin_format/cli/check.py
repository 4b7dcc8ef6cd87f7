"""``bulletin-format check FILE.docx... [--profile NAME|FILE.json] [--quiet | --json]``: GB/T 9704 conformance.

Exit status: 0 when every file conforms, 1 when any does not (or cannot be read), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..docx.check import check_docx
from ..docx.profile import load_profile


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check DOCX files against GB/T 9704-2012 (page, grid, fonts, footers, rules)")
    p.add_argument("files", nargs="+", help="DOCX files")
    p.add_argument("--profile", default=None, help="profile name or a JSON file of setting overrides")
    output = p.add_mutually_exclusive_group()
    output.add_argument("-q", "--quiet", action="store_true", help="print only the problems")
    output.add_argument("--json", action="store_true", help="print one JSON report per line")
    p.set_defaults(run=run)


def _profile(value: str | None):
    if value is None:
        return load_profile()
    path = Path(value)
    if path.suffix == ".json" and path.is_file():
        return load_profile(json.loads(path.read_text(encoding="utf-8")))
    return load_profile(value)


def run(args: argparse.Namespace) -> int:
    try:
        profile = _profile(args.profile)
    except (ValueError, TypeError, OSError, json.JSONDecodeError) as e:
        print(f"bulletin-format check: {e}", file=sys.stderr)
        return 2
    status = 0
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"bulletin-format check: no such file: {name}", file=sys.stderr)
            return 2
        try:
            report = check_docx(path, profile=profile)
        except Exception as e:  # a damaged or non-DOCX file is a finding, not a crash
            print(f"{name}: cannot be read as DOCX ({type(e).__name__}: {e})")
            status = 1
            continue
        if args.json:
            print(json.dumps(report.to_dict(), ensure_ascii=False))
        elif args.quiet:
            for f in report.problems:
                print(f"{name}: {f.element}: expected {f.expected}; found {f.found}")
        else:
            print(report.to_text())
        if not report.ok:
            status = 1
    return status

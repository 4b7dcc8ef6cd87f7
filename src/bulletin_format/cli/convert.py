"""``bulletin-format convert INPUT... -o OUTDIR [--to json,docx]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..api import parse, render
from ..errors import BulletinFormatError
from ..writers import EXTENSIONS, WRITERS, write_atomic


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("convert", help="convert files or folders to JSON and/or DOCX")
    p.add_argument("inputs", nargs="+", help="input files or folders")
    p.add_argument("-o", "--output", required=True, help="output folder")
    p.add_argument("--to", default="json", help="comma-separated output formats: json,docx")
    p.set_defaults(run=run)


def _inputs(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def run(args: argparse.Namespace) -> int:
    formats = [f.strip() for f in args.to.split(",") if f.strip()]
    bad = [f for f in formats if f not in WRITERS]
    if bad:
        print(f"bulletin-format: unknown format(s) {', '.join(bad)}; use json, docx", file=sys.stderr)
        return 2
    outdir = Path(args.output)
    failed = 0
    for path in _inputs(args.inputs):
        try:
            doc = parse(path)
            for fmt in formats:
                data = render(doc, fmt)
                write_atomic(outdir / (path.stem + EXTENSIONS[fmt]), data.encode("utf-8") if isinstance(data, str) else data)
        except BulletinFormatError as e:
            failed += 1
            print(f"error: {e}", file=sys.stderr)
    return 1 if failed else 0

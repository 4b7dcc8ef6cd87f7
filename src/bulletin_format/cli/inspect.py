"""``bulletin-format inspect FILE...``: what the library understood about an input, in a readable layout.

The first thing to run when one output looks wrong: the encoding and the evidence for it, the kind, the
header, each article (title, block counts, first words), headings, distribution, page metadata, what was
removed and why, and the warnings. Takes files, folders (every file in them, one report each) and ``-``
(the document on standard input). Exit status: 0 every input read, 1 some could not be, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import BulletinFormatError

if TYPE_CHECKING:  # the pipeline is imported when the command runs, not for --help
    from ..model import Document

FIRST_WORDS = 24  # characters of a paragraph shown as its "first words"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "inspect",
        help="show what the library understood about an input",
        description="Print the encoding, kind, header, articles, headings, distribution, metadata and what was "
        "removed (and why) for each input: files, folders (every file in them), or - (standard input).",
        epilog="Exit status: 0 every input read, 1 some could not be, 2 usage error.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="a file, a folder, or - for standard input")
    p.add_argument("--chinese", choices=("keep", "simplified", "traditional"), default=None,
                   help="convert the script (default keep)")
    p.add_argument("--opencc-config", metavar="NAME", default=None, help="OpenCC configuration for --chinese")
    p.add_argument("--no-normalize", action="store_true", help="show the text exactly as printed")
    p.add_argument("--max-bytes", type=int, default=None, metavar="N",
                   help="refuse inputs larger than N bytes (default 50 MB)")
    p.add_argument("--removed", type=int, default=30, metavar="N",
                   help="removed lines to list (default 30; 0 lists none, -1 lists all)")
    p.set_defaults(run=run)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, limit: int) -> str:
    """``text`` cut to about ``limit`` terminal columns (CJK characters count two)."""
    text = " ".join(text.split())
    out: list[str] = []
    used = 0
    for c in text:
        w = 2 if unicodedata.east_asian_width(c) in "WF" else 1
        if used + w > limit:
            return "".join(out) + "…"
        out.append(c)
        used += w
    return "".join(out)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _fields(pairs: list[tuple[str, object]]) -> list[str]:
    shown = [(k, v) for k, v in pairs if v not in (None, "", [], {})]
    if not shown:
        return ["  (none)"]
    pad = max(_width(k) for k, _ in shown)
    return [f"  {k}{' ' * (pad - _width(k))}  {v}" for k, v in shown]


def describe(doc: Document, *, removed_limit: int = 30) -> str:
    """The readable report ``inspect`` prints for ``doc``."""
    s = doc.source
    lines: list[str] = []
    add = lines.append

    add(f"{s.path or '<input>'}")
    add("")
    add("SOURCE")
    confidence = f", confidence {s.encoding_confidence:.2f}" if s.encoding_confidence is not None else ""
    declared = f", declared {s.declared}" if s.declared else ""
    lines += _fields([
        ("format", s.format),
        ("size", f"{s.size:,} bytes"),
        ("encoding", f"{s.encoding} (evidence: {s.evidence}{confidence}{declared})"),
        ("replaced", f"{s.replaced} chars replaced by U+FFFD, first at {s.replaced_at[:5]}" if s.replaced else None),
    ])
    add("")
    add(f"KIND  {doc.kind}")
    add("")
    add("HEADER")
    h = doc.header
    lines += _fields([
        ("issuer 发文机关/编发单位", h.issuer),
        ("bulletin 简报名称", h.bulletin),
        ("issue 期号", h.issue),
        ("date", f"{h.date} (printed {h.date_text!r})" if h.date and h.date_text else h.date or h.date_text),
        ("doc_number 发文字号", h.doc_number),
        ("signer 签发人", h.signer),
        ("copy_number 份号", h.copy_number),
        ("secrecy 密级", h.secrecy),
        ("urgency 紧急程度", h.urgency),
    ])
    if doc.toc:
        add("")
        add(f"TOC 目录 ({len(doc.toc)} entries)")
        lines += [f"  {i}. {_clip(t, 72)}" for i, t in enumerate(doc.toc, 1)]

    add("")
    add(f"ARTICLES ({len(doc.articles)})")
    for i, art in enumerate(doc.articles, 1):
        counts = Counter(b.type for b in art.blocks)
        chars = sum(len(b.text) for b in art.blocks)
        add(f"  [{i}] {_clip(art.title or '(no title)', 70)}")
        detail = [_count(counts.get("paragraph", 0), "paragraph"), _count(counts.get("heading", 0), "heading"),
                  f"{chars:,} chars"]
        if art.blocks and art.blocks[0].line is not None:
            detail.append(f"from line {art.blocks[0].line}")
        add(f"      {', '.join(detail)}")
        if art.subtitle:
            add(f"      subtitle: {_clip(art.subtitle, 64)}")
        if art.addressee:
            add(f"      addressee 主送: {art.addressee}")
        first = next((b for b in art.blocks if b.type == "paragraph"), None)
        if first is not None:
            add(f"      first words: {_clip(first.text, 2 * FIRST_WORDS)}")
        headings = [b for b in art.blocks if b.type == "heading"]
        for b in headings:
            indent = "  " * max((b.level or 1) - 1, 0)
            add(f"      {indent}H{b.level or '?'} {_clip(b.text, 60)}")
        for sig in art.signatures:
            add(f"      signature 落款: {sig.organ or ''} {sig.date or sig.date_text or ''}".rstrip())
        if art.attachment_list:
            add(f"      附件说明: {'; '.join(art.attachment_list)}")
        for att in art.attachments:
            add(f"      attachment {att.label}: {att.title or ''} ({len(att.blocks)} blocks)")
        for note in art.notes:
            add(f"      note 附注: {note}")

    add("")
    add(f"DISTRIBUTION 报尾/版记 ({len(doc.distribution)})")
    if doc.distribution:
        lines += [f"  {d.label}：{_clip(d.text, 66)}" for d in doc.distribution]
    else:
        add("  (none)")

    add("")
    add("METADATA")
    m = doc.metadata
    lines += _fields([
        ("url", m.url), ("site", m.site), ("page title", m.title), ("published", m.published),
        ("origin 来源", m.origin), ("author 作者", m.author), ("editor 责编", m.editor),
    ])

    add("")
    reasons = Counter(r.reason for r in doc.removed)
    summary = ", ".join(f"{reason} {n}" for reason, n in reasons.most_common())
    add(f"REMOVED ({len(doc.removed)} pieces{': ' + summary if summary else ''})")
    shown = doc.removed if removed_limit < 0 else doc.removed[:removed_limit]
    for r in shown:
        where = f"line {r.line}" if r.line is not None else "-"
        add(f"  {where:>10}  {r.reason:<20} {_clip(r.text, 56)}")
    if len(shown) < len(doc.removed):
        add(f"  … and {len(doc.removed) - len(shown)} more (--removed -1 lists all)")

    if doc.normalization:
        add("")
        add("NORMALIZATION")
        add("  " + ", ".join(f"{k} {v}" for k, v in sorted(doc.normalization.items())))

    add("")
    add(f"WARNINGS ({len(doc.warnings)})")
    lines += [f"  - {w}" for w in doc.warnings] or ["  (none)"]
    return "\n".join(lines) + "\n"


def _inputs(names: list[str]) -> list[str]:
    """Files as given; a folder → every file in it (as convert reads a folder); - stays -."""
    from ..batch import expand_inputs

    out: list[str] = []
    for name in names:
        if name != "-" and Path(name).is_dir():
            out.extend(item.path for item in expand_inputs(name))
        else:
            out.append(name)
    return out


def run(args: argparse.Namespace) -> int:
    from ..api import parse
    from ..readers import DEFAULT_MAX_BYTES

    out: IO[str] = getattr(args, "stdout", None) or sys.stdout
    stdin: Any = getattr(args, "stdin", None) or sys.stdin
    options: dict[str, Any] = {}
    if args.chinese:
        options["chinese"] = args.chinese
    if args.opencc_config:
        options["opencc_config"] = args.opencc_config
    if args.no_normalize:
        options["normalize"] = False
    if args.max_bytes is not None:
        options["max_bytes"] = args.max_bytes
    if args.files.count("-") > 1:
        print("bulletin-format inspect: error: - (standard input) can be given once", file=sys.stderr)
        return 2
    names = _inputs(args.files)
    if not names:
        print(f"bulletin-format inspect: error: no files in {' '.join(args.files)}", file=sys.stderr)
        return 2
    status = 0
    for i, name in enumerate(names):
        try:
            if name == "-":
                raw = stdin.buffer if hasattr(stdin, "buffer") else stdin
                data = raw.read(options.get("max_bytes", DEFAULT_MAX_BYTES) + 1)
                doc = parse(data.encode("utf-8") if isinstance(data, str) else data, **options)
            else:
                doc = parse(Path(name), **options)
        except BulletinFormatError as exc:
            print(f"bulletin-format inspect: {type(exc).__name__}: {exc}", file=sys.stderr)
            status = 1
            continue
        if i:
            out.write("\n")
        out.write(describe(doc, removed_limit=args.removed))
    return status

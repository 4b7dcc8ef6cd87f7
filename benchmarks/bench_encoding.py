"""Encoding detection: accuracy and speed of the project's reader vs raw chardet and charset-normalizer.

Run from the repository root:

    .venv/bin/python benchmarks/bench_encoding.py

The corpus is generated from the seeds (seeds/*.txt, UTF-8): snippets of 20/200/2000 characters and whole
files, in every encoding that can hold them (Big5 after OpenCC s2tw), plain and inside mostly-ASCII HTML
wrappers with no, the right or a wrong ``<meta charset>``, plus non-Chinese control texts. A decoding counts
only when it gives exactly the original text. The second part times ``decode_bytes`` on 1, 4 and 16 MiB.
Never run as a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from bulletin_format.readers.encoding import decode_bytes  # noqa: E402

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
LENGTHS = (20, 200, 2000, None)  # None: the whole seed
OFFSETS = {20: (0.1, 0.4, 0.7), 200: (0.2, 0.6), 2000: (0.3,), None: (0.0,)}
BOM = {"utf-16": b"", "utf-16-le+bom": b"\xff\xfe", "utf-16-be+bom": b"\xfe\xff", "utf-8-sig": b""}
RIGHT_LABEL = {"gbk": "gbk", "gb2312": "gb2312", "gb18030": "gb18030", "big5": "big5", "utf-8": "utf-8",
               "utf-8-sig": "utf-8", "gbk-crlf": "gbk", "utf-8-crlf": "utf-8"}
WRONG_LABEL = {"gbk": "utf-8", "gb2312": "big5", "gb18030": "iso-8859-1", "big5": "gb2312", "utf-8": "gb2312",
               "utf-8-sig": "gbk", "gbk-crlf": "big5", "utf-8-crlf": "gbk"}
CONTROLS = (  # (text, encoding): non-Chinese texts that must stay what they are
    ("The quick brown fox jumps over the lazy dog. Café, naïve, résumé — déjà vu.\n", "cp1252"),
    ("Съешь же ещё этих мягких французских булок, да выпей чаю. Москва, Россия.\n", "windows-1251"),
    ("Съешь же ещё этих мягких французских булок, да выпей чаю. Москва, Россия.\n", "koi8-r"),
    ("Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.\n", "iso-8859-7"),
    ("いろはにほへと ちりぬるを わかよたれそ つねならむ。東京都の天気は晴れです。\n", "shift_jis"),
    ("いろはにほへと ちりぬるを わかよたれそ つねならむ。東京都の天気は晴れです。\n", "euc-jp"),
    ("다람쥐 헌 쳇바퀴에 타고파. 서울특별시의 날씨는 맑습니다. 대한민국 정부는 발표했다.\n", "euc-kr"),
    ("Plain ASCII only: nothing to detect here, line one.\nLine two.\n", "ascii"),
)


def traditional(text: str) -> str:
    """Simplified → Taiwan Traditional (s2tw) with whichever OpenCC package is installed."""
    import opencc

    for config in ("s2tw", "s2tw.json"):
        try:
            return opencc.OpenCC(config).convert(text)
        except Exception:  # the two OpenCC packages accept different spellings of the config name
            continue
    raise RuntimeError("OpenCC has no s2tw configuration")


def html_page(body: str, label: str | None) -> str:
    """Chinese text inside ~4.5 KB of ASCII markup, as CMS pages are."""
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">' if label else ""
    nav = "".join(f'<li><a href="/channel/{i}/index.html" class="nav-item">Channel {i}</a></li>' for i in range(30))
    script = "<script>var _hmt=_hmt||[];(function(){var hm=document.createElement('script');})();</script>" * 4
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line.strip())
    return (f"<!DOCTYPE html>\n<html>\n<head>\n{meta}\n<title>Page</title>\n"
            f'<link rel="stylesheet" href="/css/main.css">\n{script}\n</head>\n<body>\n<ul class="nav">{nav}</ul>\n'
            f'<div class="content">\n{paragraphs}</div>\n<div class="footer">Copyright 2005 All rights reserved'
            f"</div>\n</body>\n</html>\n")


def encode(text: str, encoding: str) -> bytes | None:
    codec = encoding.removesuffix("-crlf").removesuffix("+bom")
    if encoding.endswith("-crlf"):
        text = text.replace("\n", "\r\n")
    try:
        return BOM.get(encoding, b"") + text.encode(codec)
    except UnicodeEncodeError:
        return None


def snippets(text: str) -> Iterator[tuple[str, str]]:
    for length in LENGTHS:
        for fraction in OFFSETS[length]:
            if length is None:
                yield "whole", text
                continue
            start = int(len(text) * fraction)
            yield str(length), text[start : start + length]


def corpus() -> Iterator[tuple[str, bytes, str]]:
    """(case name, bytes, expected text)."""
    for seed in SEEDS:
        simplified = seed.read_text(encoding="utf-8")
        for size, snippet in snippets(simplified):
            variants = {"zh-Hans": snippet, "zh-Hant": traditional(snippet)}
            for script, text in variants.items():
                encodings = ["big5"] if script == "zh-Hant" else [
                    "utf-8", "utf-8-sig", "utf-16", "utf-16-le+bom", "utf-16-be+bom", "gb2312", "gbk", "gb18030",
                    "gbk-crlf", "utf-8-crlf", "utf-16-le", "utf-16-be"]
                for encoding in encodings:
                    for wrapper in ("plain", "html", "html-right", "html-wrong"):
                        if wrapper != "plain" and encoding.startswith("utf-16"):
                            continue
                        yield from _case(seed.stem[:3], size, encoding, wrapper, text)
    for text, encoding in CONTROLS:
        yield f"control/{encoding}", text.encode(encoding), text


def _case(seed: str, size: str, encoding: str, wrapper: str, text: str) -> Iterator[tuple[str, bytes, str]]:
    label = {"plain": None, "html": None, "html-right": RIGHT_LABEL.get(encoding),
             "html-wrong": WRONG_LABEL.get(encoding)}[wrapper]
    full = text if wrapper == "plain" else html_page(text, label)
    data = encode(full, encoding)
    if data is None:
        return
    expected = full.replace("\n", "\r\n") if encoding.endswith("-crlf") else full
    yield f"{seed}/{size}/{encoding}/{wrapper}", data, expected


REALDOCS = Path("/work/shared/realdocs/docs")  # real scraped pages, when present (never copied into the project)


def real_pages() -> Iterator[tuple[str, bytes, str]]:
    """Real pages (all UTF-8) as they are and re-encoded, keeping their now-wrong ``charset=utf-8``."""
    if not REALDOCS.is_dir():
        return
    for path in sorted(REALDOCS.iterdir()):
        text = path.read_bytes().decode("utf-8")
        yield f"real/{path.name}/as-is", path.read_bytes(), text
        for encoding in ("gbk", "gb18030", "big5", "utf-16", "utf-16-le"):
            page = traditional(text) if encoding == "big5" else text
            page = "".join(c for c in page if _encodable(c, encoding))
            yield f"real/{path.name}/{encoding}", page.encode(encoding), page


def _encodable(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


# --- the three decoders ---------------------------------------------------------------------------------

PROMOTE = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "euc-cn": "gb18030"}


def with_project(data: bytes) -> str | None:
    return decode_bytes(data).text


def with_chardet(data: bytes) -> str | None:
    import chardet

    name = (chardet.detect(data).get("encoding") or "").lower()
    return _strict(data, PROMOTE.get(name, name))


def with_charset_normalizer(data: bytes) -> str | None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else _strict(data, best.encoding)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec) if codec else None
    except (UnicodeDecodeError, LookupError):
        return None


def measure(name: str, decode: Callable[[bytes], str | None], cases: list[tuple[str, bytes, str]]) -> list[str]:
    decode(cases[0][1])  # load models and tables outside the timing
    failures: list[str] = []
    times: list[float] = []
    for case, data, expected in cases:
        start = time.perf_counter()
        text = decode(data)
        times.append(time.perf_counter() - start)
        if text != expected:
            failures.append(case)
    ok = len(cases) - len(failures)
    print(f"{name:20} {ok:5}/{len(cases)} = {100 * ok / len(cases):5.1f}%   total {sum(times):7.2f} s   "
          f"mean {1000 * statistics.mean(times):6.2f} ms   max {1000 * max(times):7.1f} ms")
    return failures


def scaling() -> None:
    """decode_bytes vs the bare ``bytes.decode`` it ends with: the difference (detection) must stay flat."""
    base = "\n".join(path.read_text(encoding="utf-8") for path in SEEDS)
    print("\ndecode_bytes on large inputs (seeds repeated; best of 5)   vs bare bytes.decode   = detection cost:")
    for encoding in ("gb18030", "utf-8", "big5"):
        text = traditional(base) if encoding == "big5" else base
        unit = text.encode(encoding, errors="ignore")
        for mib in (1, 4, 16):
            data = (unit * (mib * 2**20 // len(unit) + 1))[: mib * 2**20]
            data = data[: data.rfind(b"\n") + 1]
            total = min(_timed(decode_bytes, data) for _ in range(5))
            bare = min(_timed(lambda d, e=encoding: d.decode(e), data) for _ in range(5))
            print(f"  {encoding:8} {mib:3} MiB  {1000 * total:8.1f} ms ({1000 * total / mib:6.1f} ms/MiB)"
                  f"   {1000 * bare:8.1f} ms   {1000 * (total - bare):7.1f} ms")


def _timed(decode: Callable[[bytes], object], data: bytes) -> float:
    start = time.perf_counter()
    decode(data)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only-project", action="store_true", help="skip chardet and charset-normalizer")
    parser.add_argument("--show-failures", type=int, default=10, metavar="N")
    parser.add_argument("--scaling-only", action="store_true", help="only time decode_bytes on 1/4/16 MiB")
    args = parser.parse_args()
    if args.scaling_only:
        scaling()
        return
    import chardet

    cases = list(corpus())
    kinds = Counter(case.split("/")[2] if not case.startswith("control") else "control" for case, _, _ in cases)
    print(f"corpus: {len(cases)} cases from {len(SEEDS)} seeds; chardet {chardet.__version__}")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    decoders = [("bulletin-format", with_project)]
    if not args.only_project:
        decoders += [("chardet (+gb18030)", with_chardet), ("charset-normalizer", with_charset_normalizer)]
    for name, decode in decoders:
        failures = measure(name, decode, cases)
        for case in failures[: args.show_failures]:
            print(f"    failed: {case}")
    real = list(real_pages())
    if real:
        print(f"\nreal pages from {REALDOCS}: {len(real)} cases (as-is, and re-encoded keeping charset=utf-8)")
        for name, decode in decoders:
            for case in measure(name, decode, real)[: args.show_failures]:
                print(f"    failed: {case}")
    scaling()


if __name__ == "__main__":
    main()

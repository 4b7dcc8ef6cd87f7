"""What keeps a DOCX → JSON conversion lean, checked by behaviour (the figures are benchmarks/bench_throughput.py's):

* a Simplified Word document's texts are never joined into one text to learn that the shadow leaves them as they
  are (``ShadowReading.leaves_alone``, ``readers.prepare_container``): the joined copy was as big as the text;
* the checksums of a DOCX's members are tested as ``ZipFile.testzip`` tests them, in slices of 64 KB, not 1 MB;
* the streamed JSON is handed to the file in chunks of a bounded size whatever the size of the blocks
  (``json_writer.FLUSH_CHARS``): 4,096 long paragraphs were once joined and encoded at once.

The texts are invented for these tests.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest

import bulletin_format as bf
from bulletin_format import readers
from bulletin_format.errors import DamagedInputError
from bulletin_format.lines import Line, PassState
from bulletin_format.normalize.chinese import converter
from bulletin_format.readers import docx_reader
from bulletin_format.shadow import ShadowReading
from bulletin_format.writers import json_writer

SIMPLIFIED = [
    "关于做好防汛工作的通知", "各乡镇人民政府：", "为切实做好今年防汛工作，现将有关事项通知如下。", "县水利局",
]


def paragraphs(count: int, chars: int) -> str:
    """A 通知 of ``count`` distinct paragraphs of about ``chars`` characters each."""
    body = [f"第{i}项：" + "".join(f"各单位要落实第{i}-{j}条责任，" for j in range(chars // 14)) + "。"
            for i in range(count)]
    return "关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n" + "\n\n".join(body) + "\n\n县水利局\n2024年6月1日\n"


@pytest.mark.parametrize("texts", [
    SIMPLIFIED,
    [*SIMPLIFIED[:2], converter("s2t").convert(SIMPLIFIED[2]), SIMPLIFIED[3]],  # one Traditional line
    [converter("s2t").convert(t) for t in SIMPLIFIED],
    [*SIMPLIFIED, "乾隆年间的书"],  # a character t2s converts, in a Simplified text
    [*SIMPLIFIED, "\U00020000字"],  # an astral character
    [],
])
def test_leaves_alone_says_only_what_prepare_does(texts: list[str]) -> None:
    joined = "\n".join(texts)
    if ShadowReading.leaves_alone(texts, "docx"):
        assert ShadowReading().prepare(joined, "docx") is joined
    assert ShadowReading.leaves_alone(texts, "html") is False  # an HTML page: prepare reads its markup first
    if texts is SIMPLIFIED or not texts:
        assert ShadowReading.leaves_alone(texts, "docx")


def test_a_simplified_docx_is_not_joined_for_the_shadow_and_a_traditional_one_is(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[tuple[int, str]] = []
    prepare = ShadowReading.prepare

    def recording(self: ShadowReading, text: str, fmt: str) -> str:
        calls.append((len(text), fmt))
        return prepare(self, text, fmt)

    monkeypatch.setattr(ShadowReading, "prepare", recording)
    text = paragraphs(20, 200)
    docx = bf.convert(text, to="docx")
    calls.clear()
    simplified = bf.convert(docx, to="json")
    assert [fmt for _, fmt in calls] == []  # no text of the document handed over, hence none joined
    assert "各单位要落实第19-3条责任" in simplified
    traditional = bf.convert(text, to="docx", chinese="traditional")
    calls.clear()
    out = bf.convert(traditional, to="json")
    assert [fmt for _, fmt in calls] == ["docx"]  # the joined texts go through the shadow
    assert "各單位要落實第19-3條責任" in out


def test_prepare_container_still_asks_a_prepare_step_that_says_nothing() -> None:
    """A plain function (no ``leaves_alone``) is handed the joined texts, as before."""
    state = PassState(lines=[Line(1, "临江县"), Line(2, "通知")])
    seen: list[str] = []

    def prepare(text: str, fmt: str) -> str:
        seen.append(text)
        return text.replace("临江", "某某")

    readers.prepare_container(state, prepare)
    assert seen == ["临江县\n通知"]
    assert [ln.text for ln in state.lines] == ["某某县", "通知"]


class Chunks(io.RawIOBase):
    """A binary file that keeps the size of each write."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        self.sizes.append(len(b))
        self.data += b
        return len(b)


def test_streamed_json_chunks_stay_bounded_when_the_blocks_are_long() -> None:
    doc = bf.parse(paragraphs(1500, 400))
    blocks = sum(len(a.blocks) for a in doc.articles)
    assert blocks > 1000  # fewer pieces than FLUSH_PIECES hold most of the text
    fh = Chunks()
    json_writer.write_to(doc, fh)
    assert bytes(fh.data) == json_writer.write(doc).encode("utf-8")
    longest_piece = max(len(b.text or "") for a in doc.articles for b in a.blocks) + 100
    bound = 3 * (json_writer.FLUSH_CHARS + json_writer.CHECK_PIECES * longest_piece)  # UTF-8: ≤ 3 bytes a char
    assert len(fh.data) > 4 * bound
    assert max(fh.sizes) <= bound


def with_stored_member(data: bytes, name: str, content: bytes) -> bytes:
    """``data`` (a DOCX) with one more member, stored uncompressed (its bytes can be found and damaged)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr(zipfile.ZipInfo(name), content, compress_type=zipfile.ZIP_STORED)
    return out.getvalue()


def test_checksums_are_tested_as_testzip_tests_them_in_small_slices() -> None:
    docx = bf.convert("关于做好防汛工作的通知\n\n各乡镇人民政府：\n\n请做好准备。\n", to="docx")
    content = bytes(range(256)) * 1200  # 300 KB: several slices of CHECK_SLICE
    assert len(content) > 3 * docx_reader.CHECK_SLICE
    intact = with_stored_member(docx, "word/media/blob.bin", content)
    at = intact.index(content) + len(content) // 2
    damaged = intact[:at] + bytes([intact[at] ^ 0xFF]) + intact[at + 1 :]
    for data, bad in ((intact, None), (damaged, "word/media/blob.bin")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert archive.testzip() == bad
            assert docx_reader._failing_member(archive) == bad
    assert "请做好准备" in bf.convert(intact, to="txt")
    with pytest.raises(DamagedInputError, match=r"blob\.bin.*checksum"):
        bf.convert(damaged, to="json")


def test_the_parts_never_read_are_checked_and_let_go() -> None:
    """Every XML part python-docx parses is parsed when the package is opened (damaged XML is refused), but
    only those the reader reads later stay parsed: not the theme, the settings, the font table."""
    from .word_drafts import tongzhi

    data, _ = tongzhi()
    package = docx_reader._open(data, "draft.docx")
    kept = set(package.parsed)
    read_later = {m for kind in docx_reader.READ_PARTS for m in package.related(package.main, kind)}
    assert kept <= read_later  # (a part python-docx keeps as bytes, footnotes here, is parsed when read)
    assert any("styles" in m for m in kept) and any("footer" in m for m in kept)
    xml_types = docx_reader._xml_content_types()
    checked = {m for m, ct in package.content_types.items() if ct in xml_types and m != package.main}
    assert any("settings" in m or "theme" in m for m in checked - kept)  # parsed to be checked, not kept
    damaged = next(m for m in sorted(checked - kept) if "settings" in m)
    from .word_drafts import replace_part

    with pytest.raises(DamagedInputError):
        docx_reader._open(replace_part(data, damaged, b"<w:settings><broken"), "draft.docx")

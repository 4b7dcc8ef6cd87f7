"""纪要格式 (GB/T 9704-2012 §10.3): the 出席/请假/列席 lines — one line below the text, "出席" 左空二字 in 3号黑体
with a full-width colon, the units and names after it in 仿宋, wrapped lines aligned with the first character after
the colon. Checked in the XML and on LibreOffice's rendering (pdftotext's word boxes, pdffonts for the 黑体
stand-in)."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import bulletin_format as bf
from bulletin_format.docx.render import available, read_pages, to_pdf
from bulletin_format.model import Article, Block, Document, Header

from .docx_defects import text_of

PT_PER_MM = 72 / 25.4
LEFT = 28 * PT_PER_MM
BOTTOM = (297 - 35) * PT_PER_MM
PITCH = 579 / 20
CHAR_PT = 16  # one 三号 字
PRESENT = (
    "临江省人民政府办公厅王明华、临江省财政厅李晓华、临江省教育厅张国强、临江省文化和旅游厅赵立新、"
    "临江省农业农村厅孙建平"
)


def minutes(title: str = "临江省人民政府第十二次常务会议纪要") -> Document:
    return Document(
        kind="document",
        header=Header(issuer="临江省人民政府", doc_number="第12期"),
        articles=[
            Article(
                title=title,
                blocks=[
                    Block("paragraph", text_of(120)),
                    Block("paragraph", f"出席：{PRESENT}。"),
                    Block("paragraph", "请假：临江省卫生健康委员会刘明。"),
                    Block("paragraph", "列席人员：临江省人民政府办公厅周文、吴强。"),
                ],
            )
        ],
    )


def body_paragraphs(data: bytes) -> list[str]:
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    return re.findall(r"<w:p>.*?</w:p>", xml[xml.index("<w:body>") :])


def test_attendance_lines_in_the_xml():
    paragraphs = body_paragraphs(bf.render(minutes(), "docx"))
    at = next(i for i, p in enumerate(paragraphs) if "出席：</w:t>" in p)
    assert 'w:val="bfBlank"' in paragraphs[at - 1] and "请假" not in paragraphs[at - 1]  # 空一行 before the first
    for p, label in zip(paragraphs[at : at + 3], ("出席：", "请假：", "列席人员："), strict=True):
        # the label alone in 黑体; the names in the paragraph's 仿宋; wrapped lines after the colon, the first 2 字 in
        label_run = re.search(r"<w:r><w:rPr>(.*?)</w:rPr><w:t[^>]*>([^<]*)</w:t>", p)
        assert label_run and label_run.group(2) == label and 'w:eastAsia="黑体"' in label_run.group(1), p
        hang = 320 * len(label)
        assert f'w:hanging="{hang}"' in p and f'w:left="{640 + hang}"' in p, p
    # only a 纪要 sets them so: in a 文件 they are text
    filed = body_paragraphs(bf.render(minutes("临江省人民政府关于加强乡村公共图书室建设的通知"), "docx"))
    line = next(p for p in filed if "出席：" in p)
    assert "黑体" not in line and "w:hanging" not in line


@pytest.mark.render
@pytest.mark.skipif(not available() or not shutil.which("pdffonts"), reason="needs LibreOffice and poppler-utils")
def test_attendance_lines_rendered(tmp_path: Path):
    """§10.3: 左空二字编排"出席"二字，后标全角冒号…回行时与冒号后的首字对齐; the label's 黑体 printed (its stand-in, a
    sans face, is in the PDF only when the 纪要 sets the labels)."""
    paths = [tmp_path / "minutes.docx", tmp_path / "file.docx"]
    paths[0].write_bytes(bf.render(minutes(), "docx"))
    paths[1].write_bytes(bf.render(minutes("临江省人民政府关于加强乡村公共图书室建设的通知"), "docx"))
    pdf, filed_pdf = to_pdf(paths, tmp_path)
    rows = [r for page in read_pages(pdf) for r in page.rows(0, BOTTOM)]
    texts = ["".join(w.text for w in r) for r in rows]
    at = next(i for i, t in enumerate(texts) if t.startswith("出席："))
    # one empty line between the text and 出席
    assert 1.8 <= (rows[at][0].y0 - rows[at - 1][0].y0) / PITCH <= 2.2, texts[at - 1 : at + 1]
    assert abs(rows[at][0].x0 - (LEFT + 2 * CHAR_PT)) <= 1.5, rows[at][0]
    # the 出席 line wraps; its later lines start under the first character after the colon (2 + 3 字 in)
    wrapped = []
    for r, t in zip(rows[at + 1 :], texts[at + 1 :], strict=True):
        if t.startswith("请假"):
            break
        wrapped.append(r)
    assert wrapped, texts[at:]
    for r in wrapped:
        assert abs(r[0].x0 - (LEFT + 5 * CHAR_PT)) <= 1.5, (r[0], texts[at:])
    names = [t for t in texts[at:] if t.startswith(("请假：", "列席人员："))]
    assert len(names) == 2 and all(abs(rows[texts.index(t)][0].x0 - (LEFT + 2 * CHAR_PT)) <= 1.5 for t in names)

    def fonts(path: Path) -> str:
        return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout

    assert "SansCJK" in fonts(pdf) and "SansCJK" not in fonts(filed_pdf), (fonts(pdf), fonts(filed_pdf))

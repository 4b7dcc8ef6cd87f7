"""Word drafts of 公文 built the way an office types them (python-docx, direct formatting, wrong fonts,
Word's automatic numbering, a table, 附件说明, 落款, 抄送/印发 as plain paragraphs), and small tools to
put into a DOCX what python-docx cannot make (text boxes, footnotes, Word numbering definitions).

The texts are invented for these tests.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# One abstract numbering definition with the 公文 levels: 一、 （一） 1. （1）
GONGWEN_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）"))


def tiny_png() -> bytes:
    """A 2×2 red PNG."""
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def add_numbering(document, levels=GONGWEN_LEVELS, *, abstract_id: int = 90, num_id: int = 90,
                  styles: dict[int, str] | None = None) -> str:
    """Add an abstract numbering definition (``levels``: (numFmt, lvlText) per level) and an instance of
    it; returns the instance's numId. ``styles`` links levels to paragraph style ids."""
    numbering = document.part.numbering_part.element
    lvls = []
    for i, (fmt, text) in enumerate(levels):
        style = f'<w:pStyle w:val="{styles[i]}"/>' if styles and i in styles else ""
        suffix = '<w:suff w:val="nothing"/>' if text.endswith(("、", "）")) else ""
        lvls.append(
            f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{style}{suffix}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(lvls)}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
    return str(num_id)


def number(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))


def text_box(paragraph, lines: list[tuple[str, dict]]) -> None:
    """Anchor a text box holding ``lines`` (text, run formatting) in ``paragraph``, as Word 2010+ writes it:
    mc:AlternateContent with a DrawingML text box and a VML fallback that repeats the text."""
    def para(text: str, fmt: dict) -> str:
        color = f'<w:color w:val="{fmt["color"]}"/>' if "color" in fmt else ""
        size = f'<w:sz w:val="{int(fmt["size"] * 2)}"/>' if "size" in fmt else ""
        bold = "<w:b/>" if fmt.get("bold") else ""
        return (f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr>{bold}{color}{size}</w:rPr>'
                f"<w:t>{text}</w:t></w:r></w:p>")

    content = "".join(para(t, f) for t, f in lines)
    xml = (
        f'<w:r {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" '
        'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="margin"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5600000" cy="1400000"/><wp:wrapTopAndBottom/><wp:docPr id="50" name="版头文本框"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:spPr/><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f'<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox></v:shape>'
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    paragraph._p.append(parse_xml(xml))


def add_page_number_footer(document) -> None:
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:t xml:space="preserve">第 </w:t></w:r>'
    ))
    for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        footer._p.append(parse_xml(f'<w:r {nsdecls("w")}>{xml}</w:r>'))
    footer._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> 页</w:t></w:r>'))


def wrong_fonts(document) -> None:
    """What a draft typed in a default template has: 宋体 小四 everywhere."""
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")


def para(document, text: str = "", *, align=None, bold=False, size=None, color=None, indent=True, font=None):
    p = document.add_paragraph()
    if align is not None:
        p.alignment = align
    if indent and align is None:
        p.paragraph_format.first_line_indent = Pt(24)
    if text:
        run = p.add_run(text)
        run.bold = bold or None
        if size:
            run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
        if font:
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return p


@dataclass
class Draft:
    """What a draft should read as."""

    issuer: str
    doc_number: str | None
    title: str
    addressee: str
    headings: list[tuple[int, str]]  # (level, text as printed)
    attachment_list: list[str]
    organ: str
    date: str
    distribution: list[tuple[str, str]]
    table_rows: int = 0


CENTER, RIGHT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.RIGHT


def tongzhi(*, mark_in_text_box: bool = False, with_extras: bool = True) -> tuple[bytes, Draft]:
    """A 通知 with a red 发文机关标志, Word-numbered headings, a table, 附件说明, 落款, 附注 and 版记
    typed as plain paragraphs; ``with_extras`` adds a header, a page-number footer, a comment, a footnote
    and an image."""
    document = docx.Document()
    wrong_fonts(document)
    num = add_numbering(document)
    if mark_in_text_box:
        anchor = document.add_paragraph()
        text_box(anchor, [("临江市人民政府文件", {"color": "FF0000", "size": 36, "bold": True}),
                          ("临政发〔2024〕12号", {})])
    else:
        para(document, "临江市人民政府文件", align=CENTER, bold=True, size=36, color="FF0000")
        para(document)
        para(document, "临政发〔2024〕12号", align=CENTER)
    para(document)
    para(document, "临江市人民政府关于做好2024年汛期安全工作的通知", align=CENTER, bold=True, size=18)
    para(document)
    para(document, "各区县人民政府，市政府各部门：", indent=False)
    para(document, "为切实做好今年汛期安全工作，保障人民群众生命财产安全，根据省有关部署，"
                   "结合我市实际，现将有关事项通知如下。")
    for level, text, body in (
        (0, "提高思想认识", "各地各部门要充分认识汛期安全工作的重要性，克服麻痹思想和侥幸心理，把各项工作做细做实。"),
        (0, "落实工作责任", None),
        (1, "压实属地责任", "各区县人民政府对本行政区域汛期安全工作负总责，主要负责同志要亲自部署、亲自督促。"),
        (1, "强化部门联动", "水利、应急、气象等部门要加强会商，及时通报雨情、水情和险情，形成工作合力。"),
        (2, "建立值班制度。汛期实行二十四小时值班和领导带班，值班人员要坚守岗位，确保信息畅通。", None),
        (2, "完善应急预案。各单位要根据实际修订应急预案，组织开展应急演练，提高处置能力。", None),
        (0, "加强监测预警", "要加密重点区域巡查频次，发现隐患及时处置，确保预警信息第一时间传达到户到人。"),
    ):
        p = para(document, text, indent=False)
        number(p, num, level)
        if body:
            para(document, body)
    para(document, "各区县汛期值班负责人如下：")
    table = document.add_table(rows=3, cols=3)
    table.style = document.styles["Table Grid"]
    for r, row in enumerate((("区县", "负责人", "值班电话"), ("东川区", "王某某", "0000-1234567"),
                             ("西岭县", "李某某", "0000-7654321"))):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    para(document)
    para(document, "附件：1.临江市汛期值班安排表")
    para(document, "2.临江市防汛物资储备清单").paragraph_format.left_indent = Pt(72)
    para(document)
    para(document, "临江市人民政府", align=RIGHT)
    para(document, "2024年5月6日", align=RIGHT)
    para(document, "（此件公开发布）")
    para(document)
    para(document, "抄送：市委各部门，市人大常委会办公室，市政协办公室。", indent=False)
    para(document, "临江市人民政府办公室          2024年5月6日印发", indent=False)
    if with_extras:
        document.sections[0].header.paragraphs[0].text = "临江市人民政府"
        add_page_number_footer(document)
        target = document.paragraphs[next(i for i, p in enumerate(document.paragraphs) if p.text.startswith("为切实"))]
        document.add_comment(target.runs, text="请核对部署文件的名称", author="审核人")
        document.paragraphs[-1].add_run().add_picture(io.BytesIO(tiny_png()))
    buffer = io.BytesIO()
    document.save(buffer)
    data = buffer.getvalue()
    if with_extras:
        data = add_footnote(data, "为切实", "省有关部署指省防汛抗旱指挥部今年第1号文件。")
    return data, Draft(
        issuer="临江市人民政府",
        doc_number="临政发〔2024〕12号",
        title="临江市人民政府关于做好2024年汛期安全工作的通知",
        addressee="各区县人民政府，市政府各部门",
        headings=[(1, "一、提高思想认识"), (1, "二、落实工作责任"), (2, "（一）压实属地责任"),
                  (2, "（二）强化部门联动"), (1, "三、加强监测预警")],
        attachment_list=["1.临江市汛期值班安排表", "2.临江市防汛物资储备清单"],
        organ="临江市人民政府",
        date="2024-05-06",
        distribution=[("抄送", "市委各部门，市人大常委会办公室，市政协办公室。"),
                      ("印发", "临江市人民政府办公室 2024年5月6日")],
        table_rows=3,
    )


FOOTNOTES_XML = (
    f'<w:footnotes xmlns:w="{W_NS}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)


def add_footnote(data: bytes, paragraph_start: str, text: str) -> bytes:
    """``data`` with a footnote (part, relationship, content type) referred to at the end of the first
    paragraph that starts with ``paragraph_start``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = content.decode("utf-8")
                start = xml.index(paragraph_start)
                end = xml.index("</w:p>", start)
                ref = '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
                content = (xml[:end] + ref + xml[end:]).encode("utf-8")
            elif item.filename == "word/_rels/document.xml.rels":
                content = content.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            elif item.filename == "[Content_Types].xml":
                content = content.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
                    b'officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            target.writestr(item, content)
        target.writestr("word/footnotes.xml", FOOTNOTES_XML.format(text=text))
    return out.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, content if item.filename == name else source.read(item.filename))
    return out.getvalue()


def body_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def strip_tags(xml: str) -> str:
    return re.sub(r"<[^>]+>", "", xml)


def typed_by_hand() -> tuple[bytes, Draft]:
    """A 函 typed without Word's numbering: numbers typed by hand, the title over two centred lines in 黑体,
    the body in 宋体 小四 with spaces for indents, one attachment, the 落款 and 印发 line pushed right with
    spaces — and no 发文机关标志."""
    document = docx.Document()
    wrong_fonts(document)
    para(document, "临江市教育局关于商请支持", align=CENTER, size=16, font="黑体")
    para(document, "中小学暑期安全教育工作的函", align=CENTER, size=16, font="黑体")
    para(document, "市公安局：", indent=False)
    para(document, "　　为做好今年中小学暑期安全教育工作，切实保障学生假期安全，现商请贵局给予支持，具体事项如下。",
         indent=False)
    for text in ("一、派员参加安全教育活动", "二、提供典型案例材料"):
        para(document, text, bold=True, indent=False)
        para(document, "　　请于七月十日前确定人员名单和材料清单，并告知我局联系人，以便统筹安排活动场次和宣传内容。",
             indent=False)
    para(document, "　　专此函商，请予支持。", indent=False)
    para(document)
    para(document, "　　附件：暑期安全教育活动安排表", indent=False)
    para(document)
    para(document, "临江市教育局　　　", align=RIGHT)
    para(document, "2024年6月20日　　　", align=RIGHT)
    para(document, "（联系人：张某，电话：0000-1111111）", indent=False)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue(), Draft(
        issuer="临江市教育局",
        doc_number=None,
        title="临江市教育局关于商请支持中小学暑期安全教育工作的函",
        addressee="市公安局",
        headings=[(1, "一、派员参加安全教育活动"), (1, "二、提供典型案例材料")],
        attachment_list=["暑期安全教育活动安排表"],
        organ="临江市教育局",
        date="2024-06-20",
        distribution=[],
    )

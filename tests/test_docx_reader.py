"""The DOCX reader: Word drafts as an office types them, Word's numbering as printed, text boxes, tables,
chrome and notes recorded, and bad input (corrupt, truncated, empty, zip bomb, encrypted) with typed errors."""

from __future__ import annotations

import io
import socket
import zipfile

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

import bulletin_format as bf
from bulletin_format.audit import lost_characters
from bulletin_format.errors import (
    BinaryInputError,
    DamagedInputError,
    EncryptedInputError,
    InputTooLargeError,
    NoTextError,
)
from bulletin_format.readers import docx_reader, read
from bulletin_format.readers.docx_numbering import Numbering, chinese_counting, format_number, join_label

from .cfb import compound_file
from .word_drafts import (
    add_numbering,
    body_xml,
    number,
    para,
    replace_part,
    strip_tags,
    tiny_png,
    tongzhi,
)


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def texts(doc: bf.Document) -> list[str]:
    return [b.text for a in doc.articles for b in a.blocks]


# --- a Word draft of a 通知 -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def draft():
    data, want = tongzhi()
    return data, want, bf.parse(data)


def test_a_word_draft_reads_as_a_gongwen(draft):
    _, want, doc = draft
    art = doc.articles[0]
    assert doc.source.format == "docx" and doc.kind == "document"
    assert (doc.header.issuer, doc.header.doc_number, doc.header.date) == (want.issuer, want.doc_number, want.date)
    assert art.title == want.title and art.addressee == want.addressee
    assert [(b.level, b.text) for b in art.blocks if b.type == "heading"] == want.headings
    assert art.attachment_list == want.attachment_list
    assert [(s.organ, s.date) for s in art.signatures] == [(want.organ, want.date)]
    assert art.notes == ["（此件公开发布）"]
    assert [(d.label, d.text.replace("\u3000", " ")) for d in doc.distribution] == want.distribution


def test_word_numbering_is_printed_and_run_in_paragraphs_keep_their_level(draft):
    _, _, doc = draft
    run_in = [b for b in doc.articles[0].blocks if b.text.startswith(("1.", "2.")) and b.type != "attachment_note"]
    assert [(b.type, b.level, b.text[:8]) for b in run_in] == [("paragraph", 3, "1.建立值班制度"),
                                                              ("paragraph", 3, "2.完善应急预案")]


def test_a_table_is_one_table_block(draft):
    _, want, doc = draft
    tables = [b for b in doc.articles[0].blocks if b.type == "table"]
    assert len(tables) == 1 and len(tables[0].rows) == want.table_rows
    assert [c.text for c in tables[0].rows[1]] == ["东川区", "王某某", "0000-1234567"]


def test_chrome_notes_comments_and_images_are_recorded_not_body(draft):
    _, _, doc = draft
    reasons = {r.reason: r for r in doc.removed}
    assert reasons["page_header"].text == "临江市人民政府"
    assert reasons["page_footer"].text == "第 1 页"
    assert reasons["footnote"].text == "省有关部署指省防汛抗旱指挥部今年第1号文件。"
    assert reasons["comment"].text == "请核对部署文件的名称"
    assert "image" in reasons
    body = "".join(texts(doc))
    assert "第 1 页" not in body and "防汛抗旱指挥部" not in body and "请核对" not in body
    first = next(b for b in doc.articles[0].blocks if b.text.startswith("为切实"))
    assert reasons["footnote"].line == reasons["comment"].line == first.line  # where the text refers to them
    assert any("1 footnote(s), 1 comment(s), 1 image(s)" in w for w in doc.warnings)


def test_nothing_printed_is_lost(draft):
    data, _, _ = draft
    printed = strip_tags(body_xml(data).replace("<w:instrText", "<x").replace("PAGE", ""))
    doc = bf.parse(data, normalize=False)
    assert lost_characters(printed, doc) == {}


def test_the_version_in_a_text_box_is_read_once():
    data, want = tongzhi(mark_in_text_box=True, with_extras=False)
    doc = bf.parse(data)
    assert (doc.header.issuer, doc.header.doc_number) == (want.issuer, want.doc_number)
    everything = "".join(texts(doc)) + "".join(r.text for r in doc.removed)
    assert "临政发" not in everything  # in the header only: the mc:Fallback copy was not read again
    assert doc.articles[0].title == want.title


# --- numbering ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "fmt", "printed"),
    [(1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCountingThousand", "十二"),
     (20, "taiwaneseCountingThousand", "二十"), (101, "chineseCounting", "一百零一"),
     (110, "chineseCounting", "一百一十"), (12, "chineseLegalSimplified", "壹拾贰"),
     (2024, "ideographDigital", "二〇二四"), (3, "ideographTraditional", "丙"), (3, "decimalEnclosedCircle", "③"),
     (4, "decimalFullWidth", "４"), (5, "decimalZero", "05"), (28, "upperLetter", "BB"), (14, "lowerRoman", "xiv"),
     (7, "decimal", "7"), (7, "some-future-format", "7"), (3, "none", "")],
)
def test_number_formats(n, fmt, printed):
    assert format_number(n, fmt) == printed


def test_chinese_counting_is_how_chinese_counts():
    assert [chinese_counting(n) for n in (9, 11, 19, 99, 1000, 1001, 10001)] == [
        "九", "十一", "十九", "九十九", "一千", "一千零一", "一万零一"]


def numbering_xml(*nums: str, levels: str) -> str:
    abstract = f'<w:abstractNum w:abstractNumId="1">{levels}</w:abstractNum>'
    return f'<w:numbering {nsdecls("w")}>{abstract}{"".join(nums)}</w:numbering>'


LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>'
)


def test_counters_follow_word():
    numbering = Numbering.from_xml(parse_xml(numbering_xml(
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>',
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>',
        levels=LEVELS)))
    labels = [numbering.label(num, level) for num, level in (
        ("1", 0), ("1", 1), ("1", 1), ("1", 0), ("1", 1),  # 一、（一）（二）二、（一）: a higher level resets
        ("2", 0),  # another instance of the same definition continues: 三、
        ("1", 2), ("1", 3),  # %1.%3. prints both levels; a bullet
        ("3", 0),  # an instance that overrides the start restarts: 一、
        ("9", 0),  # an instance that does not exist: no label
    )]
    assert labels == ["一、", "（一）", "（二）", "二、", "（一）", "三、", "三.1.", "●", "一、", ""]


def test_a_label_joins_its_text_the_way_it_prints():
    assert join_label("1.", "建立值班制度") == "1.建立值班制度"
    assert join_label("1.", "Scope") == "1. Scope"
    assert join_label("一、", "  总体要求") == "一、总体要求"


def test_heading_styles_that_carry_numbering():
    document = docx.Document()
    num = add_numbering(document, styles={0: "Heading1", 1: "Heading2"})
    for style_id in ("Heading1", "Heading2"):
        numpr = f'<w:numPr {nsdecls("w")}><w:numId w:val="{num}"/></w:numPr>'
        document.styles.element.xpath(f'w:style[@w:styleId="{style_id}"]/w:pPr')[0].append(parse_xml(numpr))
    document.add_paragraph("关于开展安全检查的通知")
    document.add_heading("检查范围", 1)
    document.add_paragraph("本次检查覆盖全市所有在建工地和人员密集场所，各单位要高度重视，认真组织实施。")
    document.add_heading("检查重点", 2)
    document.add_paragraph("重点检查消防设施、用电安全和应急预案落实情况，发现问题立即整改到位。")
    document.add_heading("工作要求", 1)
    document.add_paragraph("各单位要于月底前报送检查结果，逾期未报的予以通报，并纳入年度考核。")
    lines = read(saved(document)).lines
    headings = [ln.text for ln in lines if any(h.startswith("heading:") for h in ln.hints)]
    assert headings == ["一、检查范围", "（一）检查重点", "二、工作要求"]


# --- tables ---------------------------------------------------------------------------------------------------


def test_merged_cells_are_listed_once_where_they_start():
    document = docx.Document()
    document.add_paragraph("关于报送统计数据的通知")
    table = document.add_table(rows=4, cols=3)
    table.style = document.styles["Table Grid"]  # a data table has borders; a borderless one is for layout
    for r in range(4):
        for c in range(3):
            table.cell(r, c).text = f"格{r}{c}"
    table.cell(0, 0).merge(table.cell(0, 1))  # a header cell across two columns
    table.cell(1, 2).merge(table.cell(3, 2))  # a cell down three rows
    tr = table.rows[0]._tr
    tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    block = next(b for b in bf.parse(saved(document)).articles[0].blocks if b.type == "table")
    assert block.header_rows == 1 and all(c.header for c in block.rows[0])
    assert [(c.colspan, c.rowspan) for c in block.rows[0]] == [(2, 1), (1, 1)]
    assert [(c.text, c.rowspan) for c in block.rows[1]] == [("格10", 1), ("格11", 1), ("格12\n格22\n格32", 3)]
    assert [len(row) for row in block.rows] == [2, 3, 2, 2]


def test_a_one_row_layout_table_is_read_as_paragraphs():
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "临财发〔2024〕3号"
    table.cell(0, 1).text = "签发人：王某"
    document.add_paragraph("临江市财政局关于下达补助资金的通知")
    document.add_paragraph("各区县财政局：")
    document.add_paragraph("现将2024年补助资金下达给你们，请按规定用途使用，并于年底前报送使用情况。")
    doc = bf.parse(saved(document))
    assert doc.header.doc_number == "临财发〔2024〕3号" and doc.header.signer == "王某"
    assert not any(b.type == "table" for b in doc.articles[0].blocks)


# --- what Word does not print -----------------------------------------------------------------------------


def test_hidden_text_field_codes_and_tracked_changes():
    document = docx.Document()
    p = document.add_paragraph("正文开始，")
    p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:vanish/></w:rPr><w:t>隐藏的批语</w:t></w:r>'))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="甲"><w:r><w:t>插入的文字，</w:t></w:r></w:ins>'))
    deleted = '<w:r><w:delText>删去的文字</w:delText></w:r>'
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="甲">{deleted}</w:del>'))
    for xml in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText> DATE \\@ "yyyy" </w:instrText>',
                '<w:fldChar w:fldCharType="separate"/>', "<w:t>2024</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        p._p.append(parse_xml(f'<w:r {nsdecls("w")}>{xml}</w:r>'))
    lines = read(saved(document)).lines
    assert [ln.text for ln in lines] == ["正文开始，插入的文字，2024"]
    removed = {r.reason: r.text for r in read(saved(document)).extra_removed}
    assert removed == {"hidden_text": "隐藏的批语", "tracked_deletion": "删去的文字"}


def test_a_manual_line_break_starts_a_new_line_and_a_tab_prints_as_a_gap():
    document = docx.Document()
    p = document.add_paragraph("临江市人民政府")
    p.add_run().add_break()
    p.add_run("2024年5月6日")
    q = document.add_paragraph("编发单位")
    q.add_run().add_tab()
    q.add_run("2024年5月6日")
    assert [ln.text for ln in read(saved(document)).lines] == ["临江市人民政府", "2024年5月6日",
                                                              "编发单位    2024年5月6日"]


def test_external_relationships_are_never_fetched(monkeypatch):
    document = docx.Document()
    document.add_paragraph("正文一段，内容完整。")
    rid = document.part.relate_to("http://example.invalid/x.png", docx.opc.constants.RELATIONSHIP_TYPE.IMAGE,
                                  is_external=True)
    pic = (
        f'<w:r {nsdecls("w", "wp", "a", "pic", "r")}><w:drawing><wp:inline><wp:extent cx="1" cy="1"/>'
        '<wp:docPr id="1" name="远程图片"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/'
        f'drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:link="{rid}"/></pic:blipFill></pic:pic>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    document.paragraphs[0]._p.append(parse_xml(pic))

    def no_network(*args, **kwargs):
        raise AssertionError("the reader opened a socket")

    monkeypatch.setattr(socket, "socket", no_network)
    removed = bf.parse(saved(document)).removed
    assert [(r.reason, r.text) for r in removed] == [("image", "远程图片（外部链接，未读取）")]


def test_entities_in_the_xml_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("占位")
    data = saved(document)
    xml = body_xml(data)
    xml = xml.replace("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>", "").replace(
        "<w:document", f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "{secret.as_uri()}">]><w:document', 1
    ).replace("占位", "正文&x;")
    data = replace_part(data, "word/document.xml", xml.encode("utf-8"))
    try:
        doc = bf.parse(data)
    except DamagedInputError:
        return  # refusing the document is as safe as not expanding the entity
    assert "机密内容" not in "".join(texts(doc))


def test_a_macro_enabled_document_is_read():
    document = docx.Document()
    document.add_paragraph("启用宏的文档也能读出正文。")
    data = saved(document)
    types = zipfile.ZipFile(io.BytesIO(data)).read("[Content_Types].xml").replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml",
    )
    assert texts(bf.parse(replace_part(data, "[Content_Types].xml", types))) == ["启用宏的文档也能读出正文。"]


# --- bad input ------------------------------------------------------------------------------------------------


def test_a_corrupt_zip(tmp_path):
    data = saved(docx.Document())
    broken = data[:30] + bytes(len(data) - 60) + data[-30:]
    path = tmp_path / "broken.docx"
    path.write_bytes(broken)
    with pytest.raises(DamagedInputError, match=r"broken\.docx: .*(ZIP|cannot be opened)") as caught:
        bf.parse(path)
    assert caught.value.hint


def test_a_truncated_docx(tmp_path):
    data, _ = tongzhi(with_extras=False)
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(DamagedInputError, match=r"cut\.docx"):
        bf.parse(path)


def test_broken_xml_in_the_document_part():
    data = saved(docx.Document())
    with pytest.raises(DamagedInputError):
        bf.parse(replace_part(data, "word/document.xml", b"<w:document><w:body><w:p>"))


def without_part(data: bytes, name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item.filename))
    return out.getvalue()


@pytest.mark.parametrize(
    "damage",
    [
        ("replace", "word/settings.xml", b"<w:settings><w:zoom"),  # a part python-docx parses, broken
        ("replace", "word/styles.xml", b"<w:styles>"),
        ("drop", "word/styles.xml", b""),  # a relationship to a part the ZIP does not hold
        ("drop", "[Content_Types].xml", b""),
        ("drop", "_rels/.rels", b""),  # no document part
        ("replace", "word/document.xml", b"<w:document xmlns:w='urn:x'><w:body><w:p></w:body></w:document>"),
    ],
    ids=lambda d: f"{d[0]} {d[1]}",
)
def test_a_damaged_package_is_refused_as_python_docx_refuses_it(damage):
    how, name, content = damage
    data = saved(docx.Document())
    data = replace_part(data, name, content) if how == "replace" else without_part(data, name)
    with pytest.raises(DamagedInputError, match=r"cannot be opened|not well-formed|no document body"):
        bf.parse(data)


def test_the_body_is_read_as_a_stream_in_order_with_its_tables_and_controls():
    document = docx.Document()
    for i in range(300):
        document.add_paragraph(f"第{i}段，正文内容各不相同，编号{i * 7}。")
        if i % 100 == 50:
            table = document.add_table(rows=2, cols=2)
            table.style = "Table Grid"
            for r in range(2):
                for c in range(2):
                    table.cell(r, c).text = f"表{i}行{r}列{c}"
    state = docx_reader.read_bytes(saved(document))
    texts_read = [ln.text for ln in state.lines]
    assert texts_read[0] == "第0段，正文内容各不相同，编号0。"
    assert texts_read[-1] == "第299段，正文内容各不相同，编号2093。"
    assert [ln.number for ln in state.lines] == list(range(1, len(state.lines) + 1))
    assert sum(1 for ln in state.lines if ln.table) == 3 and len(state.lines) == 303
    assert len({id(ln.hints) for ln in state.lines if not ln.table}) == 1  # one set of hints, shared


@pytest.mark.parametrize("what", ["empty", "image-only", "whitespace"])
def test_a_docx_with_no_text(what):
    document = docx.Document()
    if what == "image-only":
        document.add_paragraph().add_run().add_picture(io.BytesIO(tiny_png()))
    elif what == "whitespace":
        document.add_paragraph("   \u3000 ")
    with pytest.raises(NoTextError, match=r"DOCX holds no text.*OCR"):
        bf.parse(saved(document))


def test_a_zip_bomb_is_refused_before_it_is_expanded():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * (64 * 1024 * 1024) + b"/>")
    data = bomb.getvalue()
    assert len(data) < 200_000
    with pytest.raises(InputTooLargeError, match="zip bomb"):
        bf.parse(data)


def test_too_much_expanded_data_is_refused(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_EXPANDED_BYTES", 10_000)
    data, _ = tongzhi(with_extras=False)
    with pytest.raises(InputTooLargeError, match="expands to"):
        bf.parse(data)


def test_a_password_protected_docx(tmp_path):
    # Word saves a DOCX with a password as an OLE2 file holding EncryptionInfo and EncryptedPackage
    data = compound_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": bytes(8000)})
    path = tmp_path / "secret.docx"
    path.write_bytes(data)
    with pytest.raises(EncryptedInputError, match=r"secret\.docx: .*password-protected.*save a copy without one"):
        bf.parse(path)


@pytest.mark.parametrize(
    ("members", "what"),
    [({"xl/workbook.xml": "<workbook/>"}, "Excel workbook"),
     ({"ppt/presentation.xml": "<p/>"}, "PowerPoint"),
     ({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}, "OpenDocument text"),
     ({"a.txt": "hello"}, "a ZIP archive")],
)
def test_other_zip_files_are_refused_saying_what_they_are(members, what):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    with pytest.raises(BinaryInputError, match=what):
        bf.parse(buffer.getvalue())


def test_a_draft_with_numbering_and_paragraph_helpers_builds():  # the helpers the other tests rely on
    document = docx.Document()
    num = add_numbering(document)
    number(para(document, "总体要求", indent=False), num, 0)
    assert read(saved(document)).lines[0].text == "一、总体要求"

"""Documents that reproduce each layout defect a reader found in the DOCX (issue 12), built field by field.

Each builder returns a Document whose rendering showed the defect before the fix; the render tests and
``check --render`` measure that it is gone. The texts are made up for the tests.
"""

from __future__ import annotations

from bulletin_format.model import (
    Article,
    Attachment,
    Block,
    DistributionLine,
    Document,
    Header,
    PageMetadata,
    Removed,
    Signature,
    TableCell,
)

SENTENCE = (
    "为深入贯彻落实乡村振兴战略部署进一步加强基层公共文化服务体系建设提高图书室管理水平和服务效率现就有关事项通知如下"
)


def text_of(chars: int) -> str:
    """A paragraph of ``chars`` full-width characters (ending with 。) with a comma now and then."""
    out = []
    for i in range(chars - 1):
        out.append("，" if i % 19 == 18 else SENTENCE[i % len(SENTENCE)])
    return "".join(out) + "。"


def lines_of(lines: int) -> str:
    """A 正文 paragraph that fills exactly ``lines`` lines of 28 字 (2 字 first-line indent): no punctuation but
    the final 。, which a full last line would push down."""
    chars = 26 + 28 * (lines - 1) - 1
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars] + "。"


def _document(blocks: list[Block], **article: object) -> Document:
    return Document(
        kind="document",
        header=Header(issuer="临江省人民政府", doc_number="临政发〔2021〕7号"),
        articles=[
            Article(
                title="临江省人民政府关于加强乡村公共图书室建设的通知",
                addressee="各市人民政府",
                blocks=blocks,
                **article,
            )
        ],  # type: ignore[arg-type]
        removed=[Removed("文件", "form_label", 1)],
    )


def colophon_after_a_nearly_full_page() -> Document:
    """A 公文 whose text ends three lines above the bottom of page 2, with a 版记 of three lines and 共印: the
    版记 used to jump alone to page 3."""
    # page 1 holds 7 lines of text under the 版头, title and 主送机关; page 2: 3 + 16 lines, 3 left
    doc = _document(
        [Block("paragraph", lines_of(5)), Block("paragraph", lines_of(5)), Block("paragraph", lines_of(16))]
    )
    doc.distribution = [
        DistributionLine("抄送", "省委办公厅，省人大常委会办公厅，省政协办公厅。"),
        DistributionLine("印发", "临江省人民政府办公厅 2021年3月16日"),
        DistributionLine("共印", "120份"),
    ]
    return doc


def signature_after_a_full_page() -> Document:
    """Text that ends on the last line of page 2: 署名 and 成文日期 used to stand alone on page 3."""
    doc = _document(
        [Block("paragraph", lines_of(5)), Block("paragraph", lines_of(5)), Block("paragraph", lines_of(19))],
        signatures=[Signature("临江省人民政府", "2021-03-15")],
    )
    return doc


def joint_document(organs: int = 4) -> Document:
    """联合行文 by ``organs`` organs: stacked marks with 文件 beside them, every organ signs, one date."""
    names = ["临江省财政厅", "临江省文化和旅游厅", "临江省农业农村厅", "临江省乡村振兴局"][:organs]
    return Document(
        kind="document",
        header=Header(issuer="\u3000".join(names), doc_number="临财教〔2020〕8号", date="2020-03-02"),
        articles=[
            Article(
                title="关于下达2020年乡村图书室补助资金的通知",
                addressee="各市财政局、文化和旅游局",
                blocks=[Block("paragraph", text_of(120))],
                signatures=[Signature(name, "2020-03-02", "2020年3月2日") for name in names],
            )
        ],
        removed=[Removed("文件", "form_label", 1)],
    )


def long_titles() -> Document:
    """Titles that used to break inside words (医|技药剂, 马|鬃山村) and a 120-character title."""
    doc = _document([Block("paragraph", text_of(60))])
    doc.articles[0].title = "临江省卫生健康委员会关于印发全省县级医院医技药剂科室建设规范的通知"
    doc.articles.append(Article(title="西岭县马鬃山村乡村图书室建设经验材料", blocks=[Block("paragraph", text_of(60))]))
    doc.articles.append(
        Article(
            title="临江省人民政府办公厅关于转发省财政厅省文化和旅游厅省农业农村厅省乡村振兴局"
            "关于进一步加强和改进乡村公共图书室建设管理使用工作若干意见的通知暨做好二〇二一年度"
            "乡村公共文化服务体系建设资金绩效评价工作的补充通知",
            blocks=[Block("paragraph", text_of(60))],
        )
    )
    doc.kind = "news"
    return doc


def letter() -> Document:
    """A 函 (发文字号 with 函): 信函格式."""
    return Document(
        kind="document",
        header=Header(issuer="临江省人民政府办公厅", doc_number="临政办函〔2004〕31号"),
        articles=[
            Article(
                title="临江省人民政府办公厅关于西岭县山体裂缝险情有关问题的复函",
                addressee="西岭县人民政府",
                blocks=[Block("paragraph", text_of(150))],
                signatures=[Signature("临江省人民政府办公厅", "2004-11-04", "二〇〇四年十一月四日")],
            )
        ],
    )


def minutes() -> Document:
    """A 纪要 (the title says so): 纪要格式."""
    return Document(
        kind="document",
        header=Header(issuer="临江省人民政府", doc_number="第12期"),
        articles=[
            Article(
                title="临江省人民政府常务会议纪要",
                blocks=[Block("paragraph", text_of(200)), Block("paragraph", "出席：王明、李华、张强。")],
            )
        ],
    )


def order() -> Document:
    """A 命令 (令): 命令格式."""
    return Document(
        kind="document",
        header=Header(issuer="临江省人民政府", doc_number="第35号"),
        articles=[
            Article(
                title="临江省人民政府令",
                blocks=[
                    Block("paragraph", "《临江省乡村图书室管理办法》已经省政府同意，现予公布，自2021年5月1日起施行。")
                ],
                signatures=[Signature("省长　王明", "2021-03-20")],
            )
        ],
    )


def attachment_with_signature() -> Document:
    """An attachment that ends with its own 落款 and a 二〇〇四年十月十日-style date."""
    doc = _document([Block("paragraph", text_of(100))], signatures=[Signature("临江省人民政府", "2021-03-15")])
    doc.articles[0].blocks.append(Block("attachment_note", "附件：乡村图书室建设情况报告"))
    doc.articles[0].attachments = [
        Attachment(
            "附件",
            "乡村图书室建设情况报告",
            [
                Block("paragraph", text_of(90)),
                Block("paragraph", "临江省文化厅"),
                Block("paragraph", "二〇〇四年十月十日"),
            ],
        )
    ]
    return doc


def bidi_text() -> Document:
    return Document(
        kind="news",
        articles=[
            Article(title="标题", blocks=[Block("paragraph", "这一段\u202e不能倒着印\u202c出来。" + text_of(40))])
        ],
    )


def speech_and_law() -> Document:
    """A speech with a salutation and speaker lines, and a law whose 章 headings are centred."""
    return Document(
        kind="speech",
        articles=[
            Article(
                title="在全省乡村图书室建设推进会上的讲话",
                subtitle="（2021年3月20日）",
                blocks=[
                    Block("paragraph", "同志们："),
                    Block("paragraph", text_of(80)),
                    Block("heading", "第一章　总则", 1),
                    Block("paragraph", text_of(60)),
                ],
            )
        ],
        metadata=PageMetadata(
            url="http://www.example.gov.cn/zwgk/" + "a1b2c3d4e5/" * 8 + "index.html", origin="临江省文化厅"
        ),
    )


def table_document(rows: int = 30, columns: int = 4) -> Document:
    """A table with a header row, a colspan and a rowspan, long enough to cross a page."""
    header = [TableCell("序号", header=True), TableCell("市县", header=True)]
    header += [TableCell(f"指标{i}", header=True) for i in range(1, columns - 1)]
    body = [[TableCell("合计", colspan=2), *(TableCell(str(i * 10)) for i in range(1, columns - 1))]]
    for r in range(1, rows):
        cells = [TableCell(str(r)), TableCell("东川市" if r % 2 else "西岭县")]
        cells += [TableCell(f"{r * c}.5") for c in range(1, columns - 1)]
        body.append(cells)
    body[2][0] = TableCell("2", rowspan=2)
    body[3] = body[3][1:]
    doc = _document(
        [Block("paragraph", text_of(60)), Block.table([header, *body], header_rows=1), Block("paragraph", text_of(40))]
    )
    return doc


def wide_table_document() -> Document:
    """A table of 12 columns: printed on a landscape page."""
    return table_document(rows=8, columns=12)


def speech_with_speaker_line() -> Document:
    """A report whose speaker line (office and name, closed up) came out as the first block, then the salutation."""
    return Document(
        kind="speech",
        articles=[
            Article(
                title="2021年临江市政府工作报告",
                subtitle="——2021年1月15日在临江市第五届人民代表大会第三次会议上",
                blocks=[
                    Block("paragraph", "市长王明"),
                    Block("paragraph", "各位代表："),
                    Block("paragraph", text_of(90)),
                    Block("heading", "一、过去一年的工作", 1),
                    Block("paragraph", text_of(60)),
                ],
            )
        ],
    )


def news_with_kicker_and_byline() -> Document:
    """A news item with a 引题 above the headline and a reporter's byline under it."""
    return Document(
        kind="news",
        articles=[
            Article(
                title="临江乡村图书室十年增至一千二百个",
                kicker="坚持文化惠民，昔日空置的村部如今成了村民的书房",
                byline="本报记者　李华",
                blocks=[Block("paragraph", text_of(120))],
            )
        ],
        metadata=PageMetadata(origin="临江日报", published="2021-11-08T07:50"),
    )


def legacy_colophon() -> Document:
    """A document printed before GB/T 9704-2012: 主题词 above the 版记 and 共印 under it."""
    doc = _document([Block("paragraph", text_of(100))], signatures=[Signature("临江省人民政府", "2005-06-08")])
    doc.distribution = [
        DistributionLine("主题词", "文化\u3000图书室\u3000通知"),
        DistributionLine("抄送", "省委办公厅，省人大常委会办公厅，省政协办公厅。"),
        DistributionLine("印发", "临江省人民政府办公厅 2005年6月9日"),
        DistributionLine("共印", "120份"),
    ]
    return doc


def note_after_a_full_page() -> Document:
    """News whose text ends on the last line of page 1, with a long web address in its source note: the note used to
    open page 2 alone (and a justified address stretched the words before it apart)."""
    return Document(
        kind="news",
        articles=[Article(title="标题", blocks=[Block("paragraph", lines_of(9)), Block("paragraph", lines_of(10))])],
        metadata=PageMetadata(
            url="http://www.example.gov.cn/zwgk/" + "a1b2c3d4e5/" * 8 + "index.html",
            origin="临江省文化厅",
            published="2021-03-20T09:30",
        ),
    )


def wide_table_on_an_odd_page() -> Document:
    """A wide table after two pages of text: its landscape page is page 3, an odd page."""
    doc = table_document(rows=8, columns=12)
    doc.articles[0].blocks[0] = Block("paragraph", lines_of(28))
    return doc


def wide_table_alone() -> Document:
    """A page that is nothing but a wide table (a 信息公开表): landscape throughout, title and note with the table."""
    header = [TableCell(f"栏目{i}", header=True) for i in range(1, 11)]
    body = [[TableCell(f"{r}.{c}") for c in range(1, 11)] for r in range(1, 40)]
    return Document(
        kind="news",
        articles=[Article(title="临江市2023年第三季度行政处罚信息公开表", blocks=[Block.table([header, *body], 1)])],
        metadata=PageMetadata(origin="临江市市场监督管理局", published="2023-10-09T10:00"),
    )


def long_letter() -> Document:
    """A 函 of two pages: the first page has the lower red double rule and no page number, the second a number."""
    doc = letter()
    doc.articles[0].blocks = [Block("paragraph", text_of(400))]
    return doc


def table_without_marked_header() -> Document:
    """A data table whose first row is labels the source did not mark as a header, long enough for two pages; its
    name column must not wrap (column widths by content)."""
    rows = [[TableCell("学科名称（代码）及研究方向"), TableCell("指导教师"), TableCell("招生人数"), TableCell("备注")]]
    for r in range(1, 45):
        rows.append(
            [TableCell(f"0{r}乡村文化研究"), TableCell("王明华"), TableCell(str(r % 5 + 1)), TableCell(text_of(30))]
        )
    return _document([Block("paragraph", text_of(40)), Block.table(rows)])


DEFECTS = {
    "colophon-nearly-full": colophon_after_a_nearly_full_page,
    "signature-after-full-page": signature_after_a_full_page,
    "joint-4": joint_document,
    "joint-2": lambda: joint_document(2),
    "long-titles": long_titles,
    "letter": letter,
    "minutes": minutes,
    "order": order,
    "attachment-signature": attachment_with_signature,
    "bidi": bidi_text,
    "speech-law": speech_and_law,
    "table": table_document,
    "wide-table": wide_table_document,
    "speech-speaker-line": speech_with_speaker_line,
    "news-kicker-byline": news_with_kicker_and_byline,
    "legacy-colophon": legacy_colophon,
    "note-after-full-page": note_after_a_full_page,
    "wide-table-odd-page": wide_table_on_an_odd_page,
    "wide-table-alone": wide_table_alone,
    "long-letter": long_letter,
    "table-unmarked-header": table_without_marked_header,
}

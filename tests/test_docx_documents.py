"""Documents built field by field for the DOCX tests (a 公文, a 简报 with a full 报头, a news page)."""

from __future__ import annotations

import docx

from bulletin_format.model import (
    Article,
    Attachment,
    Block,
    DistributionLine,
    Document,
    Header,
    PageMetadata,
    Signature,
)

PARAGRAPH = (
    "为深入贯彻落实党中央、国务院关于加强基层治理的决策部署，进一步规范公文处理工作，"
    "提高机关办文质量和效率，现就有关事项通知如下。"
)


def official_document() -> Document:
    """A 公文 with every element of GB/T 9704: 版头, 主体 with headings of four levels, 附件, 版记."""
    return Document(
        kind="document",
        header=Header(
            issuer="广东省人民政府办公厅文件",
            doc_number="粤府办〔2023〕12号",
            copy_number="000123",
            secrecy="秘密★1年",
            urgency="特急",
        ),
        articles=[
            Article(
                title="广东省人民政府办公厅关于进一步规范公文处理工作提高机关办文质量和效率的通知",
                addressee="各地级以上市人民政府，省政府各部门、各直属机构",
                blocks=[
                    Block("paragraph", PARAGRAPH * 2),
                    Block("heading", "一、总体要求", 1),
                    Block("paragraph", PARAGRAPH),
                    Block("heading", "（一）明确职责分工", 2),
                    Block("paragraph", PARAGRAPH * 3),
                    Block("heading", "1. 加强统筹协调", 3),
                    Block("paragraph", PARAGRAPH),
                    Block("heading", "（1）健全工作机制", 4),
                    Block("paragraph", PARAGRAPH),
                    Block("attachment_note", "附件：公文处理工作规范"),
                    Block("attachment_note", "公文格式样例"),
                ],
                signatures=[Signature(organ="广东省人民政府办公厅", date="2023-03-01")],
                notes=["此件公开发布"],
                attachments=[
                    Attachment(label="附件1", title="公文处理工作规范", blocks=[Block("paragraph", PARAGRAPH * 2)])
                ],
            )
        ],
        distribution=[
            DistributionLine("抄送", "省委办公厅，省人大常委会办公厅，省政协办公厅。"),
            DistributionLine("印发", "广东省人民政府办公厅 2023年3月2日"),
        ],
    )


def bulletin() -> Document:
    """A 简报 with a full 报头 (name, 期号, 编发单位, date), a 目录, two articles and a 报尾."""
    return Document(
        kind="bulletin",
        header=Header(
            issuer="中共广东省委先进性教育活动办公室",
            bulletin="保持共产党员先进性教育活动简报",
            issue="第3期",
            date="2005-02-19",
            date_text="2005年2月19 日",
        ),
        toc=["东山区举办“百姓心声讲坛”。", "揭东县建立农村党员互助金制度。"],
        articles=[
            Article(
                title="东山区举办“百姓心声讲坛”",
                title_lines=["东山区举办“百姓心声讲坛”"],
                blocks=[Block("paragraph", PARAGRAPH * 3), Block("heading", "群众点题 部门作答", None)],
            ),
            Article(
                title="揭东县建立农村党员互助金制度夯实农村基层组织先进性教育活动基础",
                title_lines=["揭东县建立农村党员互助金制度", "夯实农村基层组织先进性教育活动基础"],
                blocks=[Block("paragraph", PARAGRAPH * 4)],
            ),
        ],
        distribution=[
            DistributionLine("报", "中央组织部，中央先进办各组"),
            DistributionLine("送", "各市、县（市、区）委书记"),
            DistributionLine("发", "省直各单位"),
        ],
    )


def news() -> Document:
    return Document(
        kind="news",
        articles=[Article(title="山东百万党员结穷亲解民忧 深入基层送温暖", blocks=[Block("paragraph", PARAGRAPH)])],
        metadata=PageMetadata(url="http://www.example.cn/a.html", published="2005-02-01T10:24", origin="中国广播网"),
    )


def ordinary_docx(path) -> None:
    """A document made the ordinary python-docx way: Letter paper, Calibri, theme fonts, no grid."""
    out = docx.Document()
    out.add_heading("普通文档", 0)
    out.add_heading("一、第一部分", 1)
    out.add_paragraph("这是一个用 python-docx 按普通方式生成的文档，没有设置版心、字体和网格，正文是默认字体。" * 2)
    out.save(str(path))


def bulletin_with_a_full_last_page() -> Document:
    """Nineteen lines of text: the three-line 报尾 no longer fits under them and must open a page of its own."""
    two_lines = "测" * 54  # 2 字 indent + 26, then 28
    return Document(
        kind="bulletin",
        articles=[Article(title="标题", blocks=[Block("paragraph", two_lines)] * 9)],
        distribution=[
            DistributionLine("报", "甲单位"),
            DistributionLine("送", "乙单位"),
            DistributionLine("发", "丙单位"),
        ],
    )

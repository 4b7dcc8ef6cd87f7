"""The paragraph styles of a GB/T 9704 DOCX, derived from a Profile (shared by the writer and the checker).

Each element of the standard gets its own named style (``bfTitle`` = 标题, ``bfHeading1`` = 一、 …), so a
reader of the DOCX — a person in Word or ``check_docx`` — can tell the elements apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from .ooxml import ParaStyle, RunStyle
from .profile import Profile


@dataclass(frozen=True)
class StyleSpec:
    """One paragraph style: its id, the GB/T 9704 element it formats, and its formatting."""

    style_id: str
    element: str
    run: RunStyle
    para: ParaStyle
    # The built-in name the style takes over ("heading 1", "Title"), so that Word's navigation pane and table of
    # contents, pandoc and screen readers see the structure; None: a custom name from ``element``.
    builtin_name: str | None = None

    @property
    def name(self) -> str:
        return self.builtin_name or f"{self.element} ({self.style_id})"


def body_run(profile: Profile) -> RunStyle:
    """三号仿宋 with the grid's character spacing: the document default."""
    return RunStyle(
        east_asia=profile["font.body"],
        latin=profile["font.latin"],
        size_pt=profile["size.body_pt"],
        spacing_pt=profile["grid.char_spacing_pt"],
        color="000000",
        bold=False,
    )


def body_para(profile: Profile) -> ParaStyle:
    """Exact line pitch, no widow control (pagination is then a sum of lines; see measure.py)."""
    return ParaStyle(
        line_tw=profile["grid.line_pitch_tw"], widow_control=False, align=profile["align.text"], overflow_punct=True
    )


def style_specs(profile: Profile) -> dict[str, StyleSpec]:
    p = profile
    latin = p["font.latin"]
    indent = p.char_tw * p["indent.paragraph_chars"]
    heading_indent = p.char_tw * p["indent.heading_chars"]
    colophon_char = round(p["size.colophon_pt"] * 20)
    colophon_indent = colophon_char * p["colophon.indent_chars"]
    text_align = p["align.text"]

    def run(
        font: str | None = None, size: float | None = None, *,
        color: str | None = None, bold: bool | None = None, spacing_pt: float | None = None,
    ) -> RunStyle:
        return RunStyle(
            east_asia=font, latin=latin if font else None, size_pt=size, color=color, bold=bold, spacing_pt=spacing_pt
        )

    specs = [
        StyleSpec("bfBody", "正文", RunStyle(), ParaStyle(first_line_tw=indent, align=text_align)),
        StyleSpec("bfBodyContinued", "正文续行", RunStyle(), ParaStyle(first_line_tw=0, align=text_align)),
        StyleSpec("bfBlank", "空行", RunStyle(), ParaStyle(align="left")),
        StyleSpec("bfFiller", "版记上方留白", RunStyle(), ParaStyle(align="left", snap_to_grid=False)),
        StyleSpec("bfRule", "分隔线", RunStyle(), ParaStyle(align="left", left_tw=0, right_tw=0, snap_to_grid=False)),
        StyleSpec(
            "bfTitle",
            "标题",
            run(p["font.title"], p["size.title_pt"], spacing_pt=0),
            ParaStyle(align="center", snap_to_grid=False),
            builtin_name="Title",
        ),
        StyleSpec("bfSubtitle", "副标题", run(p["font.subtitle"], p["size.subtitle_pt"]), ParaStyle(align="center")),
        StyleSpec("bfKicker", "引题", run(p["font.kicker"], p["size.kicker_pt"]), ParaStyle(align="center")),
        StyleSpec("bfByline", "署名行/讲话人", run(p["font.byline"], p["size.byline_pt"]), ParaStyle(align="center")),
        # a speaker or author line the Document has as a block of the text, set like the byline
        StyleSpec(
            "bfBylineBlock", "署名行（正文块）", run(p["font.byline"], p["size.byline_pt"]), ParaStyle(align="center")
        ),
        StyleSpec("bfSalutation", "称呼", RunStyle(), ParaStyle(align="left", first_line_tw=0)),
        StyleSpec(
            "bfMark",
            "发文机关标志/简报名称",
            run(p["font.mark"], None, color=p["color.mark"], spacing_pt=0),
            ParaStyle(align="center", snap_to_grid=False),
        ),
        StyleSpec("bfHeadMark", "份号/密级/紧急程度", RunStyle(), ParaStyle(align="left")),
        StyleSpec("bfNumber", "发文字号/期号", RunStyle(), ParaStyle(align="center")),
        StyleSpec("bfIssuerLine", "编发单位和日期", RunStyle(), ParaStyle(align="left")),
        StyleSpec("bfToc", "目录", run(p["font.toc"]), ParaStyle(first_line_tw=indent, align=text_align)),
        StyleSpec("bfAddressee", "主送机关", RunStyle(), ParaStyle(align=text_align)),
        StyleSpec("bfAttachmentList", "附件说明", RunStyle(), ParaStyle(align="left")),
        StyleSpec("bfSignature", "发文机关署名/成文日期", RunStyle(), ParaStyle(align="right")),
        StyleSpec("bfNote", "附注", RunStyle(), ParaStyle(first_line_tw=indent, align=text_align)),
        StyleSpec("bfAttachmentLabel", "附件标识", run(p["font.heading1"]), ParaStyle(align="left")),
        StyleSpec(
            "bfColophon",
            "版记/报尾",
            run(p["font.body"], p["size.colophon_pt"], spacing_pt=0),
            ParaStyle(left_tw=colophon_indent, right_tw=colophon_indent, align=text_align),
        ),
        StyleSpec(
            "bfKeywords",
            "主题词 (GB/T 9704-1999)",
            run(p["font.keywords"], p["size.keywords_pt"], spacing_pt=0),
            ParaStyle(align="left", first_line_tw=0),
        ),
        StyleSpec(
            "bfCopies",
            "印数 (共印)",
            run(p["font.body"], p["size.colophon_pt"], spacing_pt=0),
            ParaStyle(align="right", right_tw=colophon_indent),
        ),
        StyleSpec(
            "bfTableText",
            "表格文字",
            run(p["font.body"], p["size.table_pt"], spacing_pt=0),
            ParaStyle(align="center", line_tw=p["table.line_tw"], snap_to_grid=False, first_line_tw=0),
        ),
        StyleSpec(
            "bfTableHeader",
            "表头",
            run(p["font.table_header"], p["size.table_pt"], spacing_pt=0),
            ParaStyle(align="center", line_tw=p["table.line_tw"], snap_to_grid=False, first_line_tw=0),
        ),
        StyleSpec(
            "bfPageNumber",
            "页码",
            RunStyle(
                east_asia=p["font.page_number"],
                latin=p["font.page_number"],
                size_pt=p["size.page_number_pt"],
                spacing_pt=0,
            ),
            ParaStyle(),
        ),
        StyleSpec(
            "bfSubheading",
            "小标题",
            run(p["font.subheading"], bold=p["bold.subheading"]),
            ParaStyle(first_line_tw=heading_indent, align=text_align, outline_level=0),
        ),
    ]
    for level in (1, 2, 3, 4):
        specs.append(
            StyleSpec(
                f"bfHeading{level}",
                f"{level}级标题",
                run(p[f"font.heading{level}"], bold=p[f"bold.heading{level}"]),
                ParaStyle(first_line_tw=heading_indent, align=text_align, outline_level=level - 1),
                builtin_name=f"heading {level}",
            )
        )
    return {s.style_id: s for s in specs}

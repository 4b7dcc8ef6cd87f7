"""The GB/T 9704 DOCX writer and checker, read back as XML (python-docx + lxml). Rendering: test_docx_render.py."""

from __future__ import annotations

import io
import itertools
import json
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

import bulletin_format as bf
from bulletin_format.cli import main as cli_main
from bulletin_format.docx import load_profile
from bulletin_format.docx.measure import Flow, Item, wrap
from bulletin_format.docx.ooxml import PPR_ORDER, RPR_ORDER
from bulletin_format.docx.writer import Composer, gb_date, split_title

from .conftest import SEEDS
from .test_docx_documents import bulletin, bulletin_with_a_full_last_page, news, official_document, ordinary_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def open_bytes(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def paragraphs(data: bytes) -> list[tuple[str | None, str, etree._Element]]:
    """(style id, text, element) of every body paragraph."""
    out = []
    for p in open_bytes(data).element.body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        text = "".join(
            t.text or "" if t.tag == qn("w:t") else "\t"
            for t in p.iter(qn("w:t"), qn("w:tab"))
            if t.getparent().tag == qn("w:r")
        )
        out.append((style.get(qn("w:val")) if style is not None else None, text, p))
    return out


def texts(data: bytes, style: str) -> list[str]:
    return [t for s, t, _ in paragraphs(data) if s == style]


def rule_after(data: bytes, text: str) -> etree._Element:
    """The bottom border of the rule paragraph right after the paragraph holding ``text``."""
    paras = paragraphs(data)
    i = next(i for i, (_, t, _) in enumerate(paras) if t == text)
    style, _, rule = paras[i + 1]
    assert style == "bfRule" and rule.find(f"{qn('w:pPr')}/{qn('w:ind')}") is None  # unindented: full width
    return rule.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")


def style_element(data: bytes, style_id: str) -> etree._Element:
    return open_bytes(data).styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")


@pytest.fixture(scope="module")
def seed_docx() -> dict[str, bytes]:
    return {p.name[:3]: bf.render(bf.parse(p), "docx") for p in SEEDS}


@pytest.fixture(scope="module")
def built_docx() -> dict[str, bytes]:
    return {"document": bf.render(official_document(), "docx"), "bulletin": bf.render(bulletin(), "docx")}


# --- page, grid, default font ------------------------------------------------------------------------------


def test_page_is_a4_with_gbt_margins_and_a_lines_grid(built_docx):
    sect = open_bytes(built_docx["document"]).sections[0]._sectPr
    size, margins, grid = (sect.find(qn(f"w:{t}")) for t in ("pgSz", "pgMar", "docGrid"))
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")
    got = {k: margins.get(qn(f"w:{k}")) for k in ("top", "bottom", "left", "right")}
    assert got == {"top": "2098", "bottom": "1984", "left": "1587", "right": "1474"}
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
    assert grid.get(qn("w:charSpace")) is None  # linesAndChars + charSpace renders 19 × 14 in LibreOffice


def test_default_text_is_sanhao_fangsong_with_the_east_asian_font_really_set(built_docx):
    styles = open_bytes(built_docx["bulletin"]).styles.element
    for rpr in (
        styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"),
        styles.find(f"{qn('w:style')}[@{qn('w:styleId')}='Normal']/{qn('w:rPr')}"),
    ):
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
        assert fonts.get(qn("w:hint")) == "eastAsia"
        assert fonts.get(qn("w:ascii")) == "Times New Roman"
        assert rpr.find(qn("w:sz")).get(qn("w:val")) == "32"
        assert rpr.find(qn("w:spacing")).get(qn("w:val")) == "-5"
        assert rpr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    themed = [f for f in styles.iter(qn("w:rFonts")) for a in f.attrib if a.endswith("Theme") or a.endswith("theme")]
    assert themed == []
    ppr = styles.find(f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    spacing = ppr.find(qn("w:spacing"))
    assert (spacing.get(qn("w:line")), spacing.get(qn("w:lineRule"))) == ("579", "exact")


def test_children_of_ppr_and_rpr_are_in_schema_order(built_docx, seed_docx):
    for data in [*built_docx.values(), *seed_docx.values()]:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for part in ("word/document.xml", "word/styles.xml", "word/footer1.xml", "word/footer2.xml"):
                if part not in z.namelist():
                    continue
                root = etree.fromstring(z.read(part))
                for tag, order in (("pPr", PPR_ORDER), ("rPr", RPR_ORDER)):
                    for el in root.iter(W + tag):
                        names = [etree.QName(c).localname for c in el]
                        ranks = [order.index(n) for n in names]
                        assert ranks == sorted(ranks), (part, names)
        body = open_bytes(data).element.body
        assert etree.QName(body[-2]).localname == "p" and etree.QName(body[-1]).localname == "sectPr"


def test_chinese_fonts_are_in_the_font_table(built_docx):
    with zipfile.ZipFile(io.BytesIO(built_docx["document"])) as z:
        table = etree.fromstring(z.read("word/fontTable.xml"))
    charsets = {f.get(qn("w:name")): f.find(qn("w:charset")).get(qn("w:val")) for f in table.iter(qn("w:font"))}
    assert {charsets[name] for name in ("仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体")} == {"86"}


def test_page_numbers_in_odd_and_even_footers(built_docx):
    document = open_bytes(built_docx["document"])
    assert document.settings.odd_and_even_pages_header_footer
    section = document.sections[0]
    for footer, align, side in ((section.footer, "right", "right"), (section.even_page_footer, "left", "left")):
        [p] = footer._element.iter(qn("w:p"))
        text = "".join(t.text for t in p.iter(qn("w:t")))
        assert text == "— 1 —"  # the cached PAGE result between two EM DASHes
        assert [i.text.strip() for i in p.iter(qn("w:instrText"))] == ["PAGE"]
        ppr = p.find(qn("w:pPr"))
        assert ppr.find(qn("w:jc")).get(qn("w:val")) == align
        assert ppr.find(qn("w:ind")).get(qn(f"w:{side}")) == "280"
    number_style = style_element(built_docx["document"], "bfPageNumber").find(qn("w:rPr"))
    assert number_style.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "宋体"
    assert number_style.find(qn("w:sz")).get(qn("w:val")) == "28"


# --- 简报 ---------------------------------------------------------------------------------------------------


def test_bulletin_head_name_issue_issuer_date_and_red_rule(built_docx):
    data = built_docx["bulletin"]
    [(_, name, mark)] = [x for x in paragraphs(data) if x[0] == "bfMark"]
    assert name == "保持共产党员先进性教育活动简报"
    size_pt = int(mark.find(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val"))) / 2
    assert size_pt * len(name) <= 156 / 25.4 * 72  # fitted to one line of the type area
    color = style_element(data, "bfMark").find(f"{qn('w:rPr')}/{qn('w:color')}").get(qn("w:val"))
    assert color == "FF0000"
    assert texts(data, "bfNumber") == ["第3期"]
    [line] = [x for x in paragraphs(data) if x[0] == "bfIssuerLine"]
    assert line[1] == "中共广东省委先进性教育活动办公室\t2005年2月19日"  # issuer, a right tab, the GB/T date
    rule = rule_after(data, line[1])
    assert rule.get(qn("w:color")) == "FF0000" and rule.get(qn("w:sz")) == "16"


def test_bulletin_body_titles_toc_and_report_tail_in_order(built_docx):
    data = built_docx["bulletin"]
    order = [s for s, t, _ in paragraphs(data) if s not in ("bfBlank", "bfFiller")]
    assert order.index("bfToc") < order.index("bfTitle") < order.index("bfBody") < order.index("bfColophon")
    assert texts(data, "bfTitle") == [
        "东山区举办“百姓心声讲坛”",
        "揭东县建立农村党员互助金制度",
        "夯实农村基层组织先进性教育活动基础",
    ]
    assert texts(data, "bfSubheading") == ["群众点题 部门作答"]  # level None: an unnumbered subheading
    assert texts(data, "bfColophon") == [
        "报：中央组织部，中央先进办各组",
        "送：各市、县（市、区）委书记",
        "发：省直各单位",
    ]
    assert [s for s, _, _ in paragraphs(data)][-7:] == ["bfRule", "bfColophon"] * 3 + ["bfRule"]  # rules between


def test_missing_header_facts_are_omitted_not_invented(seed_docx):
    data = seed_docx["000"]  # issuer and date, but no bulletin name and no issue number
    assert texts(data, "bfMark") == [] and texts(data, "bfNumber") == []
    assert "期" not in "".join(texts(data, "bfIssuerLine"))
    assert "2005年2月19日" in "".join(texts(data, "bfIssuerLine"))  # printed 2005年2月19 日, normalised
    bare = bf.render(bf.Document(kind="bulletin", articles=[bf.Article(title="标题", blocks=[])]), "docx")
    assert {s for s, _, _ in paragraphs(bare)} == {"bfTitle"}


def test_every_seed_paragraph_is_written_once_and_in_order(seed_docx):
    for path in SEEDS:
        doc = bf.parse(path)
        written = [
            t
            for s, t, _ in paragraphs(seed_docx[path.name[:3]])
            if s in ("bfBody", "bfSubheading") or (s or "").startswith("bfHeading")
        ]
        expected = [b.text for a in doc.articles for b in a.blocks]
        assert written == expected, path.name


# --- 公文 ---------------------------------------------------------------------------------------------------


def test_official_document_elements_in_gbt_order(built_docx):
    data = built_docx["document"]
    seq = [(s, t) for s, t, _ in paragraphs(data) if t.strip()]
    flat = [t for _, t in seq]
    expected = [
        "000123",
        "秘密★1年",
        "特急",
        "广东省人民政府办公厅文件",
        "粤府办〔2023〕12号",
        "广东省人民政府办公厅关于进一步规范",
        "各地级以上市人民政府，省政府各部门、各直属机构：",
        "一、总体要求",
        "附件：1. 公文处理工作规范",
        "2. 公文格式样例",
        "广东省人民政府办公厅",
        "2023年3月1日",
        "（此件公开发布）",
        "附件1",
        "公文处理工作规范",
        "抄送：省委办公厅，省人大常委会办公厅，省政协办公厅。",
        "广东省人民政府办公厅\t2023年3月2日印发",
    ]
    position = -1
    for e in expected:  # each element after the previous one
        position = next((i for i in range(position + 1, len(flat)) if flat[i].startswith(e)), None)
        assert position is not None, e
    styles = dict((t, s) for s, t in seq)
    assert styles["广东省人民政府办公厅文件"] == "bfMark"
    assert styles["2023年3月1日"] == "bfSignature"
    assert [styles[f"{n}"] for n in ("一、总体要求", "（一）明确职责分工", "1. 加强统筹协调", "（1）健全工作机制")] == [
        "bfHeading1",
        "bfHeading2",
        "bfHeading3",
        "bfHeading4",
    ]


def test_official_document_red_rule_attachment_page_and_colophon_rules(built_docx):
    data = built_docx["document"]
    by_text = {t: p for _, t, p in paragraphs(data)}
    assert rule_after(data, "粤府办〔2023〕12号").get(qn("w:color")) == "FF0000"
    assert by_text["附件1"].find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None
    tail = paragraphs(data)[-5:]
    assert [s for s, _, _ in tail] == ["bfRule", "bfColophon", "bfRule", "bfColophon", "bfRule"]
    rules = [
        p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}").get(qn("w:sz")) for s, _, p in tail if s == "bfRule"
    ]
    assert rules == ["8", "6", "8"]  # 0.35 mm thick, 0.25 mm thin, 0.35 mm thick
    heading_fonts = {
        level: style_element(data, f"bfHeading{level}").find(f"{qn('w:rPr')}/{qn('w:rFonts')}").get(qn("w:eastAsia"))
        for level in (1, 2, 3, 4)
    }
    assert heading_fonts == {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}


def test_signer_goes_on_the_number_line():
    doc = official_document()
    doc.header.signer = "张三"
    data = bf.render(doc, "docx")
    [line] = [t for s, t, _ in paragraphs(data) if s == "bfNumber"]
    assert line == "粤府办〔2023〕12号\t签发人：张三"


def test_gb_dates_and_title_breaking():
    assert gb_date("2005-02-19") == "2005年2月19日"
    assert gb_date(None, "二〇〇五年三月一日") == "2005年3月1日"
    assert gb_date(None, "二〇〇四年十一月二十四日") == "2004年11月24日"
    assert gb_date(None, "2018年12月07日") == "2018年12月7日"
    assert gb_date(None, "2018年春") == "2018年春"  # not a date we can read: printed as it came
    assert gb_date(None, None) is None
    lines = split_title("区委书记在**区委保持共产党员先进性活动第二次大会上的讲话", 20)
    assert len(lines) == 2 and all(len(x) <= 20 for x in lines) and "".join(lines).startswith("区委书记")
    for title in (
        "关于印发《Python Programming Guide》培训计划和2023年度工作安排的通知",
        "关于做好2023年度ABCD系统升级改造工作的通知",
    ):
        lines = split_title(title, 20)
        assert "".join(lines).replace(" ", "") == title.replace(" ", "")
        for a, b in itertools.pairwise(lines):  # never inside a Latin word or a number
            assert not (a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum()), lines
    assert split_title("短标题", 20) == ["短标题"]


# --- news, speeches, robustness ----------------------------------------------------------------------------


def test_news_metadata_is_a_note_never_body():
    data = bf.render(news(), "docx")
    [note] = texts(data, "bfNote")
    assert note == "（来源：中国广播网；发布时间：2005年2月1日 10:24；原网址：http://www.example.cn/a.html）"
    assert not any("来源" in t for t in texts(data, "bfBody"))


def test_control_characters_are_dropped_with_a_warning():
    doc = news()
    doc.articles[0].blocks[0].text = "第一段\x00文字\x07结束\x1b"
    data = bf.render(doc, "docx")
    assert texts(data, "bfBody") == ["第一段文字结束"]
    assert any("3 control character" in w for w in doc.warnings)


def test_same_document_gives_the_same_bytes_with_fixed_timestamps():
    first, second = bf.render(official_document(), "docx"), bf.render(official_document(), "docx")
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in z.namelist()  # python-docx's picture of an empty page
        core = z.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core


# --- profiles ----------------------------------------------------------------------------------------------


def test_every_profile_setting_says_where_it_comes_from():
    profile = load_profile()
    assert profile.name == "gbt9704-2012"
    for key, setting in profile.settings.items():
        assert any(tag in setting.source for tag in ("GB/T 9704", "practice", "measured", "derived")), key


def test_profile_overrides_reach_the_docx(tmp_path):
    overrides = {"font.body": "仿宋", "bold.heading2": True, "rule.document_width_pt": 1.5}
    data = bf.render(official_document(), "docx", profile=overrides)
    normal = style_element(data, "Normal").find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    assert style_element(data, "bfHeading2").find(f"{qn('w:rPr')}/{qn('w:b')}").get(qn("w:val")) == "1"
    assert rule_after(data, "粤府办〔2023〕12号").get(qn("w:sz")) == "12"
    seed = SEEDS[0]
    via_convert = bf.convert(seed, to="docx", profile={"font.body": "仿宋"})
    assert 'w:eastAsia="仿宋"'.encode() in zipfile.ZipFile(io.BytesIO(via_convert)).read("word/styles.xml")
    profile = load_profile({"font.body": "仿宋"})
    assert profile.source("font.body") == "caller override"
    assert bf.render(official_document(), "docx", profile=profile) == bf.render(
        official_document(), "docx", profile={"font.body": "仿宋"}
    )  # a Profile object works like its overrides
    with pytest.raises(ValueError, match="unknown profile setting"):
        load_profile({"font.bdy": "仿宋"})
    with pytest.raises(ValueError, match="unknown profile"):
        load_profile("gbt9704-1999")
    with pytest.raises(ValueError, match="must be"):
        load_profile({"size.body_pt": "三号"})


# --- line and page estimate --------------------------------------------------------------------------------


def test_wrap_follows_libreoffice_line_breaking():
    width = 8845  # 156 mm; 三号 with -0.25 pt spacing: 28 full-width characters
    assert wrap("测" * 28, width, 16, -0.25) == ["测" * 28]
    assert len(wrap("测" * 29, width, 16, -0.25)) == 2
    assert wrap("测" * 28 + "，后", width, 16, -0.25) == ["测" * 28 + "，", "后"]  # a comma hangs
    assert wrap("测" * 27 + "好”后", width, 16, -0.25) == ["测" * 27, "好”后"]  # a closing quote may not start
    assert len(wrap("00" + "测" * 27, width, 16, -0.25)) == 2  # digits + the automatic Latin/CJK gap


def test_flow_keeps_titles_with_the_next_paragraph():
    flow = Flow(page_height_tw=22 * 579)
    for _ in range(21):
        flow.add(Item([579]))
    flow.add(Item([579], keep_next=True))  # a title on the last line would be alone: it moves
    flow.add(Item([579, 579]))
    flow.finish()
    assert flow.starts[-2] == (2, 0) and flow.starts[-1] == (2, 579)


def test_colophon_is_estimated_to_end_at_the_bottom_of_the_last_page():
    profile = load_profile()
    for doc in (bulletin(), official_document(), bf.parse(SEEDS[1])):
        composer = Composer(doc, profile)
        composer.compose()
        composer.flow.finish()
        assert 0 <= composer.flow.room <= 40  # the 20 tw slack, plus rounding


def test_colophon_that_does_not_fit_opens_a_new_page():
    composer = Composer(bulletin_with_a_full_last_page(), load_profile())
    composer.compose()
    composer.flow.finish()
    assert composer.flow.page == 2 and composer.flow.starts[-3][0] == 2
    filler = [p for s, _, p in paragraphs(composer.package.to_bytes()) if s == "bfFiller"]
    assert len(filler) == 1 and filler[0].find(f"{qn('w:pPr')}/{qn('w:pageBreakBefore')}") is not None


# --- the checker -------------------------------------------------------------------------------------------


def test_checker_passes_every_docx_we_write(seed_docx, built_docx):
    for name, data in {**seed_docx, **built_docx, "news": bf.render(news(), "docx")}.items():
        report = bf.check_docx(data)
        assert report.ok, (name, report.to_text())
        elements = {f.element for f in report.findings}
        assert {"page size", "document grid", "default East Asian font", "characters per line"} <= elements
    assert "版记 rules" in {f.element for f in bf.check_docx(built_docx["document"]).findings}
    assert "红色分隔线 (版头 red rule)" in {f.element for f in bf.check_docx(built_docx["bulletin"]).findings}


def test_checker_finds_the_problems_of_an_ordinary_python_docx_document(tmp_path):
    path = tmp_path / "plain.docx"
    ordinary_docx(path)
    report = bf.check_docx(path)
    assert not report.ok
    failed = {f.element for f in report.problems}
    assert {
        "page size",
        "margin top (天头)",
        "document grid",
        "default East Asian font",
        "default size",
        "theme fonts on the default text",
        "lines per page",
        "characters per line",
        "标题 font",
        "heading level 1 (一、) font",
        "even and odd page footers",
        "page number (odd pages)",
    } <= failed
    page = next(f for f in report.findings if f.element == "page size")
    assert page.found == "215.9 × 279.4 mm"  # US Letter


def test_checker_catches_a_changed_rule_and_font(built_docx):
    data = bytearray(built_docx["document"])
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["word/styles.xml"] = parts["word/styles.xml"].replace("黑体".encode(), "宋体".encode())
    parts["word/document.xml"] = parts["word/document.xml"].replace(b'w:sz="6"', b'w:sz="24"')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    failed = {f.element for f in bf.check_docx(out.getvalue()).problems}
    assert failed == {"heading level 1 (一、) font", "版记 rules"}


def test_check_command_exit_status(tmp_path, capsys, built_docx):
    good = tmp_path / "good.docx"
    good.write_bytes(built_docx["bulletin"])
    plain = tmp_path / "plain.docx"
    ordinary_docx(plain)
    assert cli_main(["check", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out
    assert cli_main(["check", str(good), str(plain)]) == 1
    out = capsys.readouterr().out
    assert "FAIL page size" in out and "plain.docx" in out
    assert cli_main(["check", "--json", str(plain)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and {"element", "expected", "found", "ok"} == set(report["findings"][0])
    assert cli_main(["check", str(tmp_path / "missing.docx")]) == 2
    assert cli_main(["check", "--profile", "no-such-profile", str(good)]) == 2
    with pytest.raises(SystemExit) as exit_info:
        cli_main(["check"])
    assert exit_info.value.code == 2

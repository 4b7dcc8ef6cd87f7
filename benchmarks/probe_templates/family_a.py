"""Probe family A: invented municipal-portal pages of site templates the rules were never tuned on, with gold.

    generate(folder, pages, seed)  -> folder/docs/NNN.html, folder/gold/NNN.gold.json (001..), folder/manifest.json

Page families (by rotation for the first 50 pages, then drawn): 公文 (主送, 一、/（一）, run-in headings, 附件 list,
落款, 大写 date, （此件公开发布）, an attachment with a table), 讲话 (——副题 or （date） 题注, speaker line), 新闻
(本报讯/新华社 dateline inline or alone, 原标题, photo captions, 记者 credit, optional 副题), 法律 (题注, 第一章/第一条),
报告 (副题, two-line title, data table).

Trap axes, each drawn independently per page (``options``; manifest.json records them): div or table layout; logo
as text with links, text alone or ``<img alt>``; sidebar none/left/right with ``<h3>`` 栏目/热点 boxes; the title in
h1/h2/div/td/``<p><strong>``, one or two lines; ``<title>`` = title_site / title / title - 栏目 - site / site only /
missing; meta ArticleTitle/PubDate/ContentSource or not; byline on one line, in spans (± 字体 大中小 bar), in a table
row, under the body, or a 信息公开 table; 分享到, 扫一扫, 打印/关闭 bars, 上一篇/下一篇, 相关新闻; 责任编辑 at the end or
编辑 under the byline; ``<p>`` or ``<br>`` paragraphs; nbsp or ideographic-space indents; UTF-8, GBK or GB2312, with
or without ``<meta charset>``.

All text and markup are invented here (nothing copied from real pages). The gold is built from the same data the
page is rendered from, never by re-reading the HTML. The same seed gives the same bytes: change nothing that draws
from the random stream, or old seeds stop meaning what they meant.
"""

# ruff: noqa: E501  (vocabulary lists and markup templates are long literals, kept whole to be read as pages)

from __future__ import annotations

import html
import json
import random
import re
import unicodedata
from pathlib import Path

# ----------------------------------------------------------------------------------------------- vocabulary
CITIES = ["江川市", "南屏市", "云岭市", "青禾市", "梧桐市", "临溪市", "白沙市", "松阳市"]
COUNTIES = ["东湖县", "西岭县", "石门县", "清源县", "高桥区", "北塘区", "兰溪县", "鹤鸣区"]
PEOPLE = ["李明远", "王晓红", "张立新", "陈思敏", "刘建国", "赵雅琴", "孙海涛", "周文静", "吴志强", "郑丽华"]
EDITORS = ["林小雨", "何志宏", "许佳怡", "马骏", "高婷婷", "罗文斌"]
TOPICS = [
    ("城乡供水设施改造", "供水"),
    ("老旧小区改造", "小区改造"),
    ("农村人居环境整治", "人居环境"),
    ("中小企业纾困帮扶", "纾困帮扶"),
    ("森林草原防火", "防火"),
    ("秋冬季安全生产", "安全生产"),
    ("义务教育课后服务", "课后服务"),
    ("基层医疗卫生服务能力提升", "基层医疗"),
    ("数字政府建设", "数字政府"),
    ("河湖长制落实", "河湖治理"),
    ("粮食生产保障", "粮食生产"),
    ("城市公共停车设施建设", "停车设施"),
]
ORG_SUFFIX = [
    "人民政府办公室",
    "发展和改革委员会",
    "住房和城乡建设局",
    "教育局",
    "卫生健康委员会",
    "应急管理局",
    "农业农村局",
    "生态环境局",
    "财政局",
    "交通运输局",
]
ORG_ABBR = {
    "人民政府办公室": "政办发",
    "发展和改革委员会": "发改发",
    "住房和城乡建设局": "建发",
    "教育局": "教发",
    "卫生健康委员会": "卫健发",
    "应急管理局": "应急发",
    "农业农村局": "农发",
    "生态环境局": "环发",
    "财政局": "财发",
    "交通运输局": "交发",
}
VERBS = ["统筹推进", "扎实做好", "持续加强", "全面落实", "加快完善", "认真组织", "稳步实施", "切实抓好"]
OBJS = [
    "项目储备和资金保障",
    "监督检查和风险排查",
    "部门协同和信息共享",
    "群众意见收集和反馈",
    "台账管理和进度调度",
    "技术指导和人员培训",
    "标准制定和质量验收",
    "宣传引导和政策解读",
    "基础设施维护和更新",
    "应急预案演练和物资储备",
]
GOALS = [
    "各项任务按期完成",
    "群众满意度明显提升",
    "工作取得实际成效",
    "责任落实到岗到人",
    "问题整改到位",
    "服务质量稳步提高",
    "安全形势总体平稳",
    "资金使用规范高效",
]
FACTS = [
    "全年累计完成投资{n}亿元，同比增长{p}%",
    "新增服务网点{k}个，覆盖人口{m}万人",
    "共排查整改问题{k}项，整改率达到{p}%",
    "受益群众超过{m}万人次",
    "建成示范点{k}处，带动就业{m}千人",
    "处理群众诉求{k}件，办结率{p}%",
]
HEADS1 = ["总体要求", "重点任务", "保障措施", "工作安排", "组织实施", "主要目标", "基本原则", "监督考核"]
HEADS2 = [
    "加强组织领导",
    "强化资金保障",
    "压实工作责任",
    "做好宣传引导",
    "健全工作机制",
    "严格考核评估",
    "推进信息共享",
]
NEWS_HEADS = [
    "市领导调研{t}工作",
    "{c}召开{t}推进会",
    "{c}{t}取得阶段性成效",
    "{c}启动{t}专项行动",
    "{c}举办{t}培训班",
    "{t}工作现场会在{co}召开",
]
CN_NUM = "一二三四五六七八九十"
SITE_NAV = ["首页", "政务公开", "新闻中心", "政务服务", "互动交流", "走进{c}", "专题专栏", "数据发布"]
CHANNEL = ["通知公告", "政策文件", "工作动态", "部门动态", "领导讲话", "政策法规", "县区动态", "图片新闻"]
HOT = [
    "{c}公布{t}典型案例",
    "{co}开展{t}集中宣传活动",
    "关于征求{t}意见的公告",
    "{c}召开第{k}次常务会议",
    "{co}部署{t}重点工作",
    "{c}{t}工作简报第{k}期",
    "我市{t}经验获推广",
    "{co}举行{t}应急演练",
]


def cn_date(y: int, m: int, d: int) -> str:
    return f"{y}年{m}月{d}日"


DATELINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")  # a cn_date alone


def cn_upper_date(y: int, m: int, d: int) -> str:
    digits = "〇一二三四五六七八九"

    def num(n: int) -> str:
        if n < 10:
            return digits[n]
        if n == 10:
            return "十"
        if n < 20:
            return "十" + digits[n - 10]
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")

    return "".join(digits[int(c)] for c in str(y)) + "年" + num(m) + "月" + num(d) + "日"


def canon(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC")).lower()


# ----------------------------------------------------------------------------------------------- documents
class Doc:
    """One document: the text a careful reader takes it to be, as a list of typed lines."""

    def __init__(self) -> None:
        self.kind = ""
        self.title = ""
        self.title_lines: list[str] = []  # printed lines of the title (joined = title)
        self.subtitle: str | None = None
        self.date: str | None = None
        self.issuer: str | None = None
        self.doc_number: str | None = None
        self.addressee: str | None = None
        self.author: str | None = None
        self.lines: list[tuple[str, object]] = []  # (type, payload): p, h, sig, center, table, caption, neutral
        self.speaker: str | None = None
        self.note = ""


def sentence(r: random.Random) -> str:
    kind = r.random()
    if kind < 0.4:
        return f"{r.choice(VERBS)}{r.choice(OBJS)}，{r.choice(VERBS)}{r.choice(OBJS)}，确保{r.choice(GOALS)}。"
    if kind < 0.7:
        f = r.choice(FACTS).format(n=r.randint(2, 90), p=r.randint(3, 99), k=r.randint(12, 480), m=r.randint(2, 95))
        return f"{r.choice(['截至目前', '今年以来', '去年', '一季度'])}，{f}。"
    return (
        f"各{r.choice(['县（市、区）', '有关部门', '乡镇（街道）', '责任单位'])}要{r.choice(VERBS)}{r.choice(OBJS)}，"
        f"对照时间节点逐项推进，{r.choice(['及时报送工作进展', '定期开展督导检查', '建立问题清单', '形成长效机制'])}。"
    )


def para(r: random.Random, lo: int = 2, hi: int = 4) -> str:
    return "".join(sentence(r) for _ in range(r.randint(lo, hi)))


def gongwen(r: random.Random, y: int, m: int, d: int) -> Doc:
    doc = Doc()
    doc.kind = "公文"
    city = r.choice(CITIES)
    suf = r.choice(ORG_SUFFIX)
    organ = city + suf
    topic = r.choice(TOPICS)[0]
    form = r.choice(["通知", "实施意见", "工作方案的通知"])
    doc.title = f"{organ}关于{'印发' + city + topic + '工作方案的通知' if form == '工作方案的通知' else '做好' + topic + '工作的' + form}"
    doc.issuer = organ
    doc.doc_number = f"{city[0]}{ORG_ABBR[suf]}〔{y}〕{r.randint(1, 60)}号"
    doc.addressee = r.choice(
        [
            "各县（市、区）人民政府，市政府各部门、各直属机构",
            "各县（市、区）" + suf[-3:] + "，市直有关单位",
            "各乡镇人民政府、街道办事处，县直各单位",
        ]
    )
    doc.date = f"{y:04d}-{m:02d}-{d:02d}"
    if len(doc.title) > 26 and r.random() < 0.4:  # a long title printed over two lines
        cut = doc.title.index("关于") + 2 + (len(doc.title) - doc.title.index("关于")) // 2
        doc.title_lines = [doc.title[:cut], doc.title[cut:]]
    bare = r.random() < 0.2  # a 方案-like page: no 主送机关, no opening paragraph, the text starts with 一、
    if bare:
        doc.addressee = None
    if r.random() < 0.5:
        doc.lines.append(("docno", doc.doc_number))
    if not bare:
        doc.lines.append(("p", doc.addressee + "："))
        doc.lines.append(("p", f"为{r.choice(VERBS)}{topic}工作，" + para(r, 1, 2) + "现将有关事项通知如下："))
    runin = r.random() < 0.4
    for i in range(r.randint(2, 4)):
        doc.lines.append(("h", f"{CN_NUM[i]}、{HEADS1[(i + r.randint(0, 7)) % len(HEADS1)]}"))
        for j in range(r.randint(1, 3)):
            h2 = f"（{CN_NUM[j]}）{r.choice(HEADS2)}。"
            if runin:
                doc.lines.append(("p", h2 + para(r, 1, 3)))
            else:
                doc.lines.append(("h", h2.rstrip("。")))
                doc.lines.append(("p", para(r)))
    atts = []
    if r.random() < 0.6:
        atts = [
            f"{city}{topic}{x}"
            for x in r.sample(["任务分工表", "工作台账模板", "项目清单", "联络员名单"], r.randint(1, 2))
        ]
        if len(atts) == 1:
            doc.lines.append(("p", f"附件：{atts[0]}"))
        else:
            doc.lines.append(("p", f"附件：1.{atts[0]}"))
            for k, a in enumerate(atts[1:], 2):
                doc.lines.append(("p", f"{k}.{a}"))
    doc.lines.append(("sig", organ))
    date_txt = cn_date(y, m, d) if r.random() < 0.7 else cn_upper_date(y, m, d)
    doc.lines.append(("sig", date_txt))
    if r.random() < 0.6:
        doc.lines.append(("p", "（此件公开发布）"))
    if atts and r.random() < 0.5:
        doc.lines.append(("p", "附件1" if len(atts) > 1 else "附件"))
        doc.lines.append(("center", atts[0]))
        doc.lines.append(
            (
                "table",
                [["序号", "工作任务", "牵头单位", "完成时限"]]
                + [
                    [str(k + 1), r.choice(HEADS2), city + r.choice(ORG_SUFFIX), f"{y}年{r.randint(m, 12)}月底前"]
                    for k in range(r.randint(3, 5))
                ],
            )
        )
    return doc


def speech(r: random.Random, y: int, m: int, d: int, pub_date: str) -> Doc:
    doc = Doc()
    doc.kind = "讲话"
    city = r.choice(CITIES)
    topic = r.choice(TOPICS)[0]
    person = r.choice(PEOPLE)
    role = r.choice(["市长", "副市长", "市委书记", "局长"])
    style = r.choice(["sub_meeting", "title_meeting", "title_meeting_date"])
    if style == "sub_meeting":
        doc.title = f"{r.choice(['凝心聚力', '真抓实干', '守正创新', '奋力攻坚'])}　推动{topic}工作再上新台阶"
        doc.subtitle = f"——在{city}{topic}工作会议上的讲话"
        doc.date = pub_date
    elif style == "title_meeting":
        doc.title = f"在{city}{topic}工作会议上的讲话"
        doc.date = pub_date
    else:
        doc.title = f"在{city}{topic}工作推进会上的讲话"
        doc.subtitle = f"（{cn_date(y, m, d)}）"  # printed where a 副题 is, but a dateline (see gold_of)
        doc.date = f"{y:04d}-{m:02d}-{d:02d}"
    doc.speaker = f"{role}　{person}"
    doc.lines.append(("neutral", doc.speaker))
    doc.lines.append(("p", r.choice(["同志们：", "各位代表，同志们："])))
    doc.lines.append(("p", f"今天召开这次会议，主要任务是总结{topic}工作，部署下一阶段任务。" + para(r, 1, 2)))
    for i in range(r.randint(2, 4)):
        doc.lines.append(
            ("h", f"{CN_NUM[i]}、{r.choice(['清醒认识', '准确把握', '聚焦聚力', '从严从实'])}{r.choice(HEADS1)}")
        )
        for _ in range(r.randint(1, 3)):
            doc.lines.append(("p", para(r)))
    doc.lines.append(
        ("p", f"同志们，{topic}工作责任重大。让我们{r.choice(VERBS)}各项任务，为全市高质量发展作出新的更大贡献！")
    )
    return doc


def news(r: random.Random, y: int, m: int, d: int) -> Doc:
    doc = Doc()
    doc.kind = "新闻"
    city = r.choice(CITIES)
    co = r.choice(COUNTIES)
    topic = r.choice(TOPICS)[0]
    doc.title = r.choice(NEWS_HEADS).format(c=city, t=topic, co=co)
    doc.date = f"{y:04d}-{m:02d}-{d:02d}"
    if r.random() < 0.25:
        doc.subtitle = f"{r.choice(['今年计划', '首批'])}完成{r.randint(10, 90)}个重点项目"
    dl = r.choice(["inline_bbx", "inline_xh", "line_xh", "none"])
    first = (
        f"{m}月{d}日，{city}{r.choice(['召开', '举行'])}{topic}工作{r.choice(['推进会', '座谈会', '现场会'])}。"
        + para(r, 1, 2)
    )
    if r.random() < 0.3:
        doc.lines.append(("neutral", f"原标题：{city}{topic}{r.choice(['按下快进键', '跑出加速度', '交出新答卷'])}"))
    if dl == "inline_bbx":
        rep = r.choice(PEOPLE)
        first = f"本报讯（记者 {rep}）" + first
    elif dl == "inline_xh":
        first = f"新华社{city[:-1]}{m}月{d}日电　" + first
    elif dl == "line_xh":
        doc.lines.append(("neutral", f"{r.choice(['新华社', '本报'])}{city[:-1]}{m}月{d}日电"))
    doc.lines.append(("p", first))
    for _i in range(r.randint(3, 6)):
        if r.random() < 0.2:
            doc.lines.append(
                (
                    "caption",
                    f"图为{co}{topic}{r.choice(['施工现场', '工作人员入户走访', '会议现场'])}。（{r.choice(PEOPLE)} 摄）",
                )
            )
        doc.lines.append(("p", para(r)))
    if r.random() < 0.3:
        doc.lines.append(("neutral", f"（记者 {r.choice(PEOPLE)} 通讯员 {r.choice(PEOPLE)}）"))
    return doc


def law(r: random.Random, y: int, m: int, d: int) -> Doc:
    doc = Doc()
    doc.kind = "法律"
    city = r.choice(CITIES)
    topic = r.choice(TOPICS)[0]
    doc.title = f"{city}{topic}管理办法"
    doc.subtitle = f"（{cn_date(y, m, d)}{city}人民政府第{r.randint(2, 40)}次常务会议通过）"
    doc.date = f"{y:04d}-{m:02d}-{d:02d}"
    doc.issuer = None
    art = 0
    chapters = ["总则", "规划与建设", "运营与管理", "监督检查", "法律责任", "附则"]
    n_ch = r.randint(3, 5)
    for ci, ch in enumerate([*chapters[: n_ch - 1], "附则"]):
        doc.lines.append(("h", f"第{CN_NUM[ci]}章　{ch}"))
        for _ in range(r.randint(2, 3) if ch != "附则" else 1):
            art += 1
            num = CN_NUM[art - 1] if art <= 10 else "十" + CN_NUM[art - 11] if art < 20 else "二十"
            if ch == "附则":
                doc.lines.append(("p", f"第{num}条　本办法自{y}年{min(12, m + 1)}月1日起施行。"))
            elif art == 1:
                doc.lines.append(
                    (
                        "p",
                        f"第{num}条　为了规范{topic}工作，保障公众合法权益，根据有关法律法规，结合本市实际，制定本办法。",
                    )
                )
            else:
                doc.lines.append(("p", f"第{num}条　" + para(r, 1, 2)))
    return doc


def report(r: random.Random, y: int, m: int, d: int, pub_date: str) -> Doc:
    doc = Doc()
    doc.kind = "报告"
    city = r.choice(CITIES)
    doc.title = f"关于{city}{y - 1}年国民经济和社会发展计划执行情况与{y}年计划草案的报告"
    if r.random() < 0.5:
        doc.title_lines = [f"关于{city}{y - 1}年国民经济和社会发展计划执行情况", f"与{y}年计划草案的报告"]
    if r.random() < 0.6:
        doc.subtitle = (
            f"——{cn_date(y, m, d)}在{city}第十{r.choice(CN_NUM[:5])}届人民代表大会第{r.choice(CN_NUM[:5])}次会议上"
        )
        doc.date = f"{y:04d}-{m:02d}-{d:02d}"
    else:
        doc.date = pub_date
    doc.lines.append(("neutral", f"{city}发展和改革委员会主任　{r.choice(PEOPLE)}"))
    doc.lines.append(("p", "各位代表："))
    doc.lines.append(
        (
            "p",
            f"受市人民政府委托，现将{city}{y - 1}年国民经济和社会发展计划执行情况与{y}年计划草案提请大会审议，并请市政协委员提出意见。",
        )
    )
    doc.lines.append(("h", f"一、{y - 1}年计划执行情况"))
    for _ in range(r.randint(2, 3)):
        doc.lines.append(("p", para(r, 2, 3)))
    doc.lines.append(("p", f"{y - 1}年主要指标完成情况见下表："))
    rows = [["指标", "单位", "计划目标", "完成情况"]]
    for name, unit in r.sample(
        [
            ("地区生产总值增速", "%"),
            ("一般公共预算收入", "亿元"),
            ("固定资产投资增速", "%"),
            ("城镇新增就业", "万人"),
            ("居民人均可支配收入增速", "%"),
            ("单位生产总值能耗下降", "%"),
        ],
        4,
    ):
        rows.append([name, unit, str(r.randint(3, 9)), f"{r.randint(2, 12)}.{r.randint(0, 9)}"])
    doc.lines.append(("table", rows))
    doc.lines.append(("h", f"二、{y}年经济社会发展的主要目标和重点任务"))
    for i in range(r.randint(2, 3)):
        doc.lines.append(("h", f"（{CN_NUM[i]}）{r.choice(HEADS2)}"))
        doc.lines.append(("p", para(r, 2, 3)))
    doc.lines.append(
        (
            "p",
            "各位代表，做好今年的工作任务艰巨。我们将在市委的坚强领导下，自觉接受市人大的监督，努力完成全年目标任务！",
        )
    )
    return doc


# ----------------------------------------------------------------------------------------------- page chrome
def esc(s: str) -> str:
    return html.escape(s, quote=False)


CLASSNAMES = ["bt", "wzbt", "art_tit", "c-title", "newstitle", "xl_tit", "tit_box", "detail-title", "zw_bt"]
BODYCLS = ["zw", "TRS_Editor", "article-con", "con_text", "xl_con", "detail-main", "bodytext", "wz_nr", "ccontent"]


class Page:
    def __init__(self, r: random.Random, doc: Doc, opts: dict) -> None:
        self.r, self.doc, self.o = r, doc, opts
        self.bp: list[str] = []  # boilerplate lines (visible chrome)

    def chrome(self, s: str) -> str:
        self.bp.append(s)
        return esc(s)


def render_body(pg: Page) -> str:
    r, doc, o = pg.r, pg.doc, pg.o
    ind = {"none": "", "nbsp": "&nbsp;&nbsp;&nbsp;&nbsp;", "ideo": "　　"}[o["indent"]]
    out = []
    for typ, val in doc.lines:
        if typ == "table":
            rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in val)  # type: ignore
            out.append(("block", f'<table border="1" cellspacing="0" cellpadding="3" width="90%">{rows}</table>'))
            continue
        if typ == "caption":
            out.append(
                ("block", f'<p style="text-align:center"><img src="/img/p{r.randint(100, 999)}.jpg" alt="" /></p>')
            )
            out.append(("line", f'<p style="text-align:center">{esc(val)}</p>' if o["paras"] == "p" else esc(val)))  # type: ignore
            continue
        text = esc(val)  # type: ignore
        if o["paras"] == "p":
            if typ in ("sig", "docno", "center"):
                align = "right" if typ == "sig" else "center"
                out.append(("line", f'<p style="text-align:{align}">{text}</p>'))
            elif typ == "h" and r.random() < 0.5:
                out.append(("line", f"<p>{ind}<strong>{text}</strong></p>"))
            else:
                out.append(("line", f"<p>{ind}{text}</p>"))
        else:
            out.append(("line", (ind if typ not in ("sig", "docno", "center") else "") + text))
    if o["paras"] == "p":
        return "\n".join(x for _, x in out)
    # <br>-separated: consecutive lines in one block, blocks (tables) break the run
    res, run = [], []
    for kind, x in out:
        if kind == "line":
            run.append(x)
        else:
            if run:
                res.append("<br>\n".join(run) + "<br>")
                run = []
            res.append(x)
    if run:
        res.append("<br>\n".join(run))
    return "\n".join(res)


def render(
    doc: Doc, r: random.Random, o: dict, site: str, city: str, pub: tuple[int, int, int, int, int]
) -> tuple[str, list[str], dict]:
    pg = Page(r, doc, o)
    y, m, d, hh, mm = pub
    pub_s = f"{y:04d}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}" + (f":{r.randint(0, 59):02d}" if o["seconds"] else "")
    origin = o["origin"]
    editor = o["editor"]
    author = o["author"]
    chrome = pg.chrome
    # ---- head
    head = []
    if o["charset"] == "meta":
        head.append(f'<meta http-equiv="Content-Type" content="text/html; charset={o["enc"]}" />')
    t = {
        "title_site": f"{doc.title}_{site}",
        "title": doc.title,
        "site": site,
        "none": None,
        "title_col_site": f"{doc.title} - {o['channel']} - {site}",
    }[o["title_tag"]]
    if t:
        head.append(f"<title>{esc(t)}</title>")
    if o["meta"]:
        head.append(f'<meta name="ArticleTitle" content="{html.escape(doc.title)}" />')
        head.append(f'<meta name="PubDate" content="{pub_s}" />')
        if origin:
            head.append(f'<meta name="ContentSource" content="{html.escape(origin)}" />')
    # ---- header
    nav = [x.format(c=city) for x in SITE_NAV]
    logo = {
        "text_links": f'<div class="top"><span>{chrome(site)}</span> <a href="#">{chrome("无障碍浏览")}</a> <a href="#">繁體</a></div>',
        "text_alone": f'<div class="logo"><a href="/">{chrome(site)}</a></div><div class="top"><a href="#">{chrome("无障碍浏览")}</a> <a href="#">繁體</a></div>',
        "img": f'<div class="top"><img src="/images/logo.png" alt="{html.escape(site)}" /> <a href="#">{chrome("无障碍浏览")}</a> <a href="#">繁體</a></div>',
    }[o["logo"]]
    hdr = [
        logo,
        '<ul class="nav">' + "".join(f'<li><a href="/{i}/">{esc(x)}</a></li>' for i, x in enumerate(nav)) + "</ul>",
    ]
    bc_sep = r.choice([" > ", "&gt;&gt;", " » ", " / "])
    bc = f"当前位置：首页{html.unescape(bc_sep)}{o['section']}{html.unescape(bc_sep)}{o['channel']}"
    pg.bp.append(bc)
    crumbs = f'<div class="crumb">当前位置：<a href="/">首页</a>{bc_sep}<a href="#">{esc(o["section"])}</a>{bc_sep}<a href="#">{esc(o["channel"])}</a></div>'
    # ---- title block
    title_html = "<br>".join(esc(x) for x in doc.title_lines) if doc.title_lines else esc(doc.title)
    tp = o["title_place"]
    cls = r.choice(CLASSNAMES)
    if tp == "h1":
        tblock = f"<h1>{title_html}</h1>"
    elif tp == "h2":
        tblock = f"<h2>{title_html}</h2>"
    elif tp == "div":
        tblock = f'<div class="{cls}">{title_html}</div>'
    elif tp == "td":
        tblock = f'<table width="100%"><tr><td class="{cls}" align="center">{title_html}</td></tr></table>'
    else:
        tblock = f'<p align="center"><strong>{title_html}</strong></p>'
    if doc.subtitle:
        tblock += (
            f"<h3>{esc(doc.subtitle)}</h3>"
            if tp in ("h1", "h2") and r.random() < 0.6
            else f'<p align="center">{esc(doc.subtitle)}</p>'
        )
    # ---- byline
    parts = [("发布时间：" if o["date_label"] == 0 else "发布日期：" if o["date_label"] == 1 else "时间：", pub_s)]
    if origin:
        parts.append(("来源：", origin))
    if author:
        parts.append(("作者：", author))
    views = r.randint(50, 9999)
    bs = o["byline"]
    byline = ""
    if bs == "oneline":
        s = "　".join(a + b for a, b in parts) + (f"　浏览次数：{views}" if o["views"] else "")
        byline = f'<div class="info">{chrome(s)}</div>'
    elif bs == "spans":
        s = "".join(f"<span>{esc(a)}{esc(b)}</span>" for a, b in parts)
        if o["views"]:
            s += f'<span>浏览次数：<em id="hits">{views}</em></span>'
        for a, b in parts:
            pg.bp.append(a + b)
        byline = f'<div class="info">{s}</div>'
    elif bs == "spans_font":
        s = "".join(f"<span>{esc(a)}{esc(b)}</span> " for a, b in parts)
        for a, b in parts:
            pg.bp.append(a + b)
        byline = f'<div class="info">{s}<span>[ 字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</span></div>'
        pg.bp.append("[ 字体：大 中 小 ]")
    elif bs == "table":
        cells = "".join(f"<td>{chrome(a + b)}</td>" for a, b in parts)
        byline = f'<table width="100%" class="bl"><tr>{cells}</tr></table>'
    elif bs == "under":
        s = "　".join(a + b for a, b in parts)
        byline = ""  # placed after the body
        o["_under"] = f'<div class="info2">{chrome(s)}</div>'
    elif bs == "infotable":
        idx = f"{r.randint(10000000, 99999999)}/{y}-{r.randint(10000, 99999)}"
        rows = [
            ("索引号", idx),
            ("主题分类", r.choice(["城乡建设", "综合政务", "卫生健康", "教育"])),
            ("发文机关", doc.issuer or city + "人民政府办公室"),
            ("成文日期", f"{doc.date[:4]}年{doc.date[5:7]}月{doc.date[8:10]}日" if doc.date else ""),
            ("发文字号", doc.doc_number or ""),
            ("发布日期", f"{y}年{m:02d}月{d:02d}日"),
        ]
        rows_html = ""
        for i in range(0, len(rows), 2):
            rows_html += "<tr>" + "".join(f"<th>{esc(a)}：</th><td>{esc(b)}</td>" for a, b in rows[i : i + 2]) + "</tr>"
            for _a, b in rows[i : i + 2]:
                if b:
                    pg.bp.append(b)
        rows_html += f'<tr><th>标　　题：</th><td colspan="3">{esc(doc.title)}</td></tr>'
        byline = f'<table class="xxgk" border="1">{rows_html}</table>'
        o["_infotable_pos"] = r.choice(["above_title", "below_title"])
    # ---- bars
    bars = []
    if o["fontbar"] and bs != "spans_font":
        bars.append(f'<div class="fs">{chrome("字号：")}<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>')
        pg.bp.append("字号：大 中 小")
    if o["share"]:
        bars.append(
            f'<div class="share">{chrome("分享到：")}<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>'
        )
        pg.bp.append("分享到：微信 微博 QQ空间")
    if o["qr"]:
        bars.append(f'<div class="qr"><img src="/qr.png" /><p>{chrome("扫一扫在手机打开当前页")}</p></div>')
    tail = []
    if o["editor_pos"] == "end" and editor:
        tail.append(f'<p class="edit" style="text-align:right">{chrome("（责任编辑：" + editor + "）")}</p>')
    elif o["editor_pos"] == "byline" and editor:
        byline += f'<div class="info3">{chrome("编辑：" + editor)}</div>'
    if o.get("_under"):
        tail.append(o["_under"])
    if o["printbar"]:
        tail.append(
            f'<div class="print">【<a href="javascript:window.print()">{chrome("打印本页")}</a>】【<a href="javascript:window.close()">{chrome("关闭窗口")}</a>】</div>'
        )
        pg.bp.append("【打印本页】【关闭窗口】")
    if o["prevnext"]:
        p1 = r.choice(HOT).format(c=city, co=r.choice(COUNTIES), t=r.choice(TOPICS)[1], k=r.randint(2, 40))
        p2 = r.choice(HOT).format(c=city, co=r.choice(COUNTIES), t=r.choice(TOPICS)[1], k=r.randint(2, 40))
        tail.append(
            f'<div class="pn"><p>上一篇：<a href="#">{chrome(p1)}</a></p><p>下一篇：<a href="#">{chrome(p2)}</a></p></div>'
        )
    if o["related"]:
        items = []
        for _ in range(r.randint(3, 6)):
            it = r.choice(HOT).format(
                c=r.choice(CITIES), co=r.choice(COUNTIES), t=r.choice(TOPICS)[1], k=r.randint(2, 40)
            )
            dd = f"{y}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}"
            items.append(f'<li><a href="#">{chrome(it)}</a><span>{dd}</span></li>')
        tail.append(
            f'<div class="related"><h4>{chrome(r.choice(["相关链接", "相关新闻", "相关阅读"]))}</h4><ul>{"".join(items)}</ul></div>'
        )
    # ---- sidebar
    side = ""
    if o["sidebar"] != "none":
        cols = "".join(f'<li><a href="#">{esc(x)}</a></li>' for x in r.sample(CHANNEL, 5))
        hots = []
        for _ in range(r.randint(4, 8)):
            it = r.choice(HOT).format(
                c=r.choice(CITIES), co=r.choice(COUNTIES), t=r.choice(TOPICS)[1], k=r.randint(2, 40)
            )
            hots.append(f'<li><a href="#">{chrome(it)}</a></li>')
        side = (
            f'<div class="side"><h3>{chrome("栏目导航")}</h3><ul>{cols}</ul>'
            f"<h3>{chrome(r.choice(['热点新闻', '热点关注', '图片新闻']))}</h3><ul>{''.join(hots)}</ul></div>"
        )
    # ---- footer
    icp = f"{r.choice(['滇', '赣', '湘', '黔', '桂'])}ICP备{r.randint(10000000, 99999999)}号"
    code = f"{r.randint(1000000000, 9999999999)}"
    foot = [
        f'<a href="#">{chrome("关于我们")}</a> | <a href="#">{chrome("网站地图")}</a> | <a href="#">{chrome("联系我们")}</a>',
        chrome(f"主办单位：{city}人民政府办公室　承办：{city}大数据中心"),
        chrome(f"版权所有：{site}") + "　" + chrome(icp) + "　" + chrome(f"网站标识码：{code}"),
        chrome(
            f"地址：{city}{r.choice(['人民路', '府前街', '中山大道'])}{r.randint(1, 300)}号　邮编：{r.randint(100000, 899999)}"
        ),
    ]
    footer = '<div class="foot">' + "".join(f"<p>{x}</p>" for x in foot) + "</div>"
    # ---- repeated title copy at the bottom
    # ---- assemble the content area
    body_html = render_body(pg)
    bcls = r.choice(BODYCLS)
    content_parts = []
    if o["byline"] == "infotable" and o["_infotable_pos"] == "above_title":
        content_parts.append(byline)
        byline = ""
    content_parts.append(tblock)
    if byline:
        content_parts.append(byline)
    content_parts += bars[:1]
    content_parts.append(
        f'<div class="{bcls}" id="{r.choice(["zoom", "fontzoom", "content", "art"])}">{body_html}</div>'
    )
    content_parts += bars[1:]
    content_parts += tail
    if o["layout"] == "div":
        main = "\n".join(content_parts)
        if side and o["sidebar"] == "left":
            mid = f'<div class="wrap">{side}<div class="main">{main}</div></div>'
        elif side:
            mid = f'<div class="wrap"><div class="main">{main}</div>{side}</div>'
        else:
            mid = f'<div class="wrap"><div class="main">{main}</div></div>'
        page = "\n".join(hdr) + "\n" + crumbs + "\n" + mid + "\n" + footer
    else:
        rows = "".join(f"<tr><td>{x}</td></tr>\n" for x in content_parts)
        main = f'<table width="100%" border="0" cellpadding="0" cellspacing="0">{rows}</table>'
        if side and o["sidebar"] == "left":
            mid = f'<table width="1000" align="center"><tr><td width="250" valign="top">{side}</td><td valign="top">{main}</td></tr></table>'
        elif side:
            mid = f'<table width="1000" align="center"><tr><td valign="top">{main}</td><td width="250" valign="top">{side}</td></tr></table>'
        else:
            mid = f'<table width="1000" align="center"><tr><td valign="top">{main}</td></tr></table>'
        page = (
            '<table width="1000" align="center"><tr><td>'
            + "".join(hdr)
            + "</td></tr><tr><td>"
            + crumbs
            + "</td></tr></table>\n"
            + mid
            + '\n<table width="1000" align="center"><tr><td>'
            + footer
            + "</td></tr></table>"
        )
    doctype = '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
    full = f"{doctype}\n<html>\n<head>\n{chr(10).join(head)}\n</head>\n<body>\n{page}\n</body>\n</html>\n"
    published = pub_s[:16].replace(" ", "T")
    if o["byline"] == "infotable":  # only the 发布日期 field shows when it was published; no 来源/作者 printed
        published = published[:10]
        o["origin"] = o["author"] = None
    return full, pg.bp, {"published": published}


# ----------------------------------------------------------------------------------------------- gold
def gold_of(doc: Doc, fname: str, bp: list[str], published: str, o: dict) -> dict:
    body: list[str] = []
    neutral: list[str] = []
    for typ, val in doc.lines:
        if typ == "table":
            body += [" ".join(row) for row in val]  # type: ignore
        elif typ in ("neutral", "docno", "caption"):
            neutral.append(val)  # type: ignore
        else:
            body.append(val)  # type: ignore
    subtitle = doc.subtitle
    if doc.subtitle and doc.kind == "法律":
        neutral.append(doc.subtitle)
    if subtitle and subtitle[0] == "（" and DATELINE.match(subtitle[1:-1]):
        # spec/annotation.md: a date alone is a dateline-only line (neutral), and a 副题 is a line such as
        # ——…在…会议上: the bracketed date under a speech's title is no subtitle
        neutral.append(subtitle)
        subtitle = None
    body_c = canon("".join(body))
    seen, boiler = set(), []
    for b in bp:
        b = b.strip()
        cb = canon(b)
        if len(cb) < 4 or cb in seen or cb in body_c or any(cb in canon(n) for n in neutral):
            continue
        seen.add(cb)
        boiler.append(b)
    return {
        "file": fname,
        "kind": doc.kind,
        "title": doc.title,
        "subtitle": subtitle,
        "date": doc.date,
        "published": published,
        "issuer": doc.issuer,
        "doc_number": doc.doc_number,
        "addressee": doc.addressee,
        "origin": o["origin"],
        "editor": o["editor"] if o["editor_pos"] != "none" else None,
        "author": o["author"],
        "body": body,
        "neutral": neutral,
        "boilerplate": boiler[:60],
        "notes": "generated; options in manifest.json",
    }


def options(r: random.Random, kind: str) -> dict:
    return {
        "layout": r.choice(["div", "table"]),
        "logo": r.choice(["text_links", "text_alone", "img"]),
        "sidebar": r.choice(["none", "left", "right"]),
        "title_place": r.choice(["h1", "h2", "div", "td", "pstrong"]),
        "title_tag": r.choice(["title_site", "title", "site", "none", "title_col_site"]),
        "meta": r.random() < 0.4,
        "byline": r.choice(
            ["oneline", "spans", "spans_font", "table", "under"] + (["infotable"] * 2 if kind == "公文" else [])
        ),
        "date_label": r.randint(0, 2),
        "seconds": r.random() < 0.5,
        "views": r.random() < 0.5,
        "origin": r.choice([None, "本网", "{c}日报", "{c}人民政府办公室", "{c}融媒体中心"]),
        "author": None,
        "editor": r.choice(EDITORS),
        "editor_pos": r.choice(["none", "end", "byline"]),
        "fontbar": r.random() < 0.4,
        "share": r.random() < 0.5,
        "qr": r.random() < 0.4,
        "printbar": r.random() < 0.6,
        "prevnext": r.random() < 0.5,
        "related": r.random() < 0.5,
        "paras": r.choice(["p", "p", "br"]),
        "indent": r.choice(["none", "nbsp", "ideo"]),
        "enc": r.choice(["utf-8", "utf-8", "gbk", "gb2312"]),
        "charset": r.choice(["meta", "meta", "none"]),
    }


def generate(folder: Path, pages: int, seed: int) -> list[Path]:
    """Write pages 001..``pages`` of ``seed`` as ``folder/docs/NNN.html`` with ``folder/gold/NNN.gold.json``.

    Also ``folder/manifest.json`` (each page's drawn options, which the gold's notes refer to); nothing is written
    outside ``folder``. Returns the pages written, in order. The same seed gives the same bytes.
    """
    docs_dir, gold_dir = folder / "docs", folder / "gold"
    docs_dir.mkdir(parents=True, exist_ok=True)
    gold_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    manifest = {}
    kinds = ["公文", "讲话", "新闻", "法律", "报告"]
    for i in range(1, pages + 1):
        r = random.Random(seed * 1000 + i)
        kind = kinds[(i - 1) % len(kinds)] if i <= 50 else r.choice([*kinds, "公文", "新闻"])
        y, m, d = r.randint(2019, 2025), r.randint(1, 10), r.randint(1, 27)
        py, pm, pd = y, m, d + r.randint(0, 1)  # publication a day later at most (same month)
        pub = (py, pm, pd, r.randint(8, 18), r.randint(0, 59))
        pub_date = f"{py:04d}-{pm:02d}-{pd:02d}"
        o = options(r, kind)
        city = r.choice(CITIES)
        site = f"{city}人民政府门户网站" if r.random() < 0.7 else f"{city}人民政府网"
        o["section"] = r.choice(["政务公开", "新闻中心", "政策文件"])
        o["channel"] = r.choice(CHANNEL)
        if o["origin"]:
            o["origin"] = o["origin"].format(c=city)
        if kind == "公文":
            doc = gongwen(r, y, m, d)
        elif kind == "讲话":
            doc = speech(r, y, m, d, pub_date)
        elif kind == "新闻":
            doc = news(r, py, pm, pd)
        elif kind == "法律":
            doc = law(r, y, m, d)
        else:
            doc = report(r, y, m, d, pub_date)
        if kind == "新闻" and r.random() < 0.3:
            o["author"] = r.choice(PEOPLE)
        if o["editor_pos"] == "none":
            o["editor"] = None
        page, bp, facts = render(doc, r, o, site, city, pub)
        fname = f"{i:03d}.html"
        enc = o["enc"]
        data = page.replace("charset=utf-8", f"charset={enc}").encode(
            "gb18030" if enc != "utf-8" else "utf-8", errors="xmlcharrefreplace"
        )
        (docs_dir / fname).write_bytes(data)
        written.append(docs_dir / fname)
        g = gold_of(doc, fname, bp, facts["published"], o)
        (gold_dir / f"{i:03d}.gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1), encoding="utf-8")
        manifest[f"{i:03d}"] = {
            "kind": kind,
            **{k: v for k, v in o.items() if not k.startswith("_") and k not in ("section",)},
        }
    (folder / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return written

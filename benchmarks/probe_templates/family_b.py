"""Probe family B: invented government, newspaper and institution pages of unseen templates, with gold.

    generate(folder, pages, seed)  -> folder/docs/NNN.html, folder/gold/NNN.gold.json (000..), folder/manifest.tsv

Page families (10 each by rotation, then drawn): 公文 通知/意见 (主送, 一、/（一）, 责任单位 lines, 附件 list, 落款,
此件公开发布, 信息公开 table), 讲话 (副题 or "X同志在…的讲话", speaker and （date） lines), news (本报讯/新华社…电, 编者按,
原标题, captions, a short variant), 人大 法规 (题注, 目录, 第一章/第一条, 施行 date), 数字报 e-paper (版次, 引题 + 主题 +
副题, 作者 line, 图片说明, 报头 date), 政策解读 (原文链接, 解读机关), 新闻发布会 transcript (主持人：/记者：), university
or hospital news (closing 供稿/摄影/编辑 credit), 纪检 通报 (1. 2. cases), 报告 with a data table (数据来源/注 lines).

Trap axes, each drawn independently per page (manifest.tsv records them): layout (div, nested layout tables with a
left sidebar column, two ``<h1>`` for logo and title, e-paper); where the title is printed; the ``<title>`` form;
the byline form; paragraph style; where the editor is credited; encoding (UTF-8, GBK ± meta, Big5 ± meta as
Traditional text with 「」, made with OpenCC). Gold conventions: 引题 is neutral and not part of the title; a 法规's
题注 is subtitle and neutral; 目录 lines are body; speaker, （date）, 作者/credit lines, captions and a 发文字号 under
the title are neutral (each gold's "notes" says which apply).

All text and markup are invented here (nothing copied from real pages). The gold is built from the same data the
page is rendered from, never by re-reading the HTML. The same seed gives the same bytes: change nothing that draws
from the random stream, or old seeds stop meaning what they meant.
"""

# ruff: noqa: E501  (vocabulary lists and markup templates are long literals, kept whole to be read as pages)

from __future__ import annotations

import html
import json
import random
import unicodedata
from pathlib import Path

try:
    import opencc  # type: ignore

    _CC = opencc.OpenCC("s2tw")

    class _S2T:
        FIX = str.maketrans(
            {"爲": "為", "衆": "眾", "羣": "群", "啓": "啟", "綫": "線", "着": "著", "“": "「", "”": "」"}
        )

        def convert(self, s: str) -> str:
            return _CC.convert(s).translate(self.FIX)

    S2T = _S2T()
except Exception:  # pragma: no cover
    S2T = None

# a page is drawn again when Big5 cannot encode it; 20 draws have always been enough (at most 2 seen)
MAX_DRAWS = 20

SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "明华建国志强秀英丽娟海涛立新晓东文静红梅春燕永平小军建平德胜玉兰宏伟雪松振宇思远嘉怡子涵浩然佳琪"
CITIES = ["青川市", "云岭市", "临溪市", "东阳江市", "北屏市", "南湖市", "西岑市", "安澜市"]
COUNTIES = ["石门县", "清河区", "桃源县", "白沙区", "凤栖县", "龙泉区", "柳塘县"]
PROVS = ["江岭省", "河西省", "南粤省", "北川省"]
TOPICS = [
    ("城市更新", "老旧小区改造", "更新改造"),
    ("农村供水", "饮水安全", "供水保障"),
    ("营商环境", "政务服务", "审批改革"),
    ("防汛抗旱", "汛期安全", "防灾减灾"),
    ("全民健身", "体育设施", "健身场地"),
    ("数字政府", "数据共享", "一网通办"),
    ("生活垃圾分类", "垃圾分类", "分类投放"),
    ("职业技能提升", "技能培训", "就业创业"),
    ("养老服务", "居家养老", "助餐服务"),
    ("耕地保护", "高标准农田", "粮食生产"),
]
VERBS = ["推进", "加快", "强化", "完善", "深化", "落实", "健全", "提升"]
OBJS = ["工作机制", "责任体系", "服务能力", "保障水平", "监督管理", "协同联动", "政策支持", "基础设施建设"]
TAILS = [
    "，确保各项任务按期完成",
    "，切实增强群众获得感",
    "，形成上下联动的工作格局",
    "，不断提高治理效能",
    "，为高质量发展提供有力支撑",
    "，做到早部署、早落实、早见效",
    "，推动工作取得实实在在的成效",
]
DEPTS = [
    "发展改革委",
    "财政局",
    "住房城乡建设局",
    "农业农村局",
    "人力资源社会保障局",
    "卫生健康委",
    "教育局",
    "生态环境局",
    "应急管理局",
    "水利局",
    "民政局",
    "自然资源局",
]
SITEWORDS = ["人民政府", "人民政府门户网站", "政务网"]
NUMS = "一二三四五六七八九十"
CN_DIG = "〇一二三四五六七八九"


def name(r: random.Random) -> str:
    g = r.choice(GIVEN[::2]) + r.choice(GIVEN[1::2]) if r.random() < 0.7 else r.choice(GIVEN)
    return r.choice(SURN) + g


def sent(r: random.Random, topic: tuple[str, str, str]) -> str:
    a, b, c = topic
    forms = [
        f"{r.choice(VERBS)}{r.choice([a, b, c])}{r.choice(OBJS)}{r.choice(TAILS)}。",
        f"各地要把{r.choice([a, b, c])}摆在突出位置，{r.choice(VERBS)}{r.choice(OBJS)}{r.choice(TAILS)}。",
        f"到{r.randint(2024, 2027)}年底，全市{b}覆盖率达到{r.randint(60, 98)}%以上，{c}水平明显提升。",
        f"对工作推进不力的单位，由{r.choice(DEPTS)}会同有关部门进行约谈{r.choice(TAILS)}。",
        f"今年以来，{r.choice(DEPTS)}累计投入资金{r.randint(2, 90)}.{r.randint(1, 9)}亿元，完成{c}项目{r.randint(12, 480)}个。",
        f"要坚持问题导向，聚焦{b}中的难点堵点，{r.choice(VERBS)}{r.choice(OBJS)}{r.choice(TAILS)}。",
        f"{r.choice(['据介绍', '据了解', '记者了解到'])}，{r.choice(COUNTIES)}在{a}方面先行先试，已惠及群众{r.randint(1, 60)}万余人。",
    ]
    return r.choice(forms)


def para(r: random.Random, topic, n: tuple[int, int] = (2, 4)) -> str:
    return "".join(sent(r, topic) for _ in range(r.randint(*n)))


def cn_date(y: int, m: int, d: int) -> str:
    def num(n: int) -> str:
        if n <= 10:
            return "〇一二三四五六七八九十"[n] if n < 10 else "十"
        if n < 20:
            return "十" + NUMS[n - 11]
        return NUMS[n // 10 - 1] + "十" + (NUMS[n % 10 - 1] if n % 10 else "")

    return "".join(CN_DIG[int(c)] for c in str(y)) + "年" + num(m) + "月" + num(d) + "日"


def canon(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC")).lower()


# ---------------------------------------------------------------------------------------------
# body families.  Each returns a dict: kind, title, title_lines, subtitle, kicker, items, date, origin...
# items: list of (role, text or cells).  Gold body roles: p h sig date note att row toc sal.
# Neutral roles: cap credit speaker orig docno dl tizhu kick.  Chrome-in-content: ed (责任编辑 line).
BODY_ROLES = {"p", "h", "sig", "date", "note", "att", "row", "toc", "sal", "addr"}
NEUTRAL_ROLES = {"cap", "credit", "speaker", "orig", "docno", "dl", "tizhu"}


def fam_notice(r, ctx):
    topic = r.choice(TOPICS)
    city = ctx["city"]
    organ = city + r.choice(["人民政府办公室", "人民政府", r.choice(DEPTS)])
    title = f"{organ}关于{r.choice(['做好', '进一步加强', '开展', '印发'])}{topic[0]}{r.choice(['工作', '专项行动', '三年行动方案'])}的{r.choice(['通知', '意见'])}"
    y, m, d = ctx["y"], ctx["m"], ctx["d"]
    items = []
    docno = None
    if r.random() < 0.6:
        docno = f"{city[0]}{r.choice(['政办发', '政发', '政办函'])}〔{y}〕{r.randint(3, 88)}号"
        items.append(("docno", docno))
    addressee = r.choice(["各区县人民政府，市政府各部门，各直属机构", "各区县（市）人民政府，市直各单位", "各有关单位"])
    items.append(("addr", addressee + "："))
    items.append(("p", para(r, topic) + "现就有关事项通知如下。"))
    duty = r.random() < 0.35
    for i in range(r.randint(2, 4)):
        items.append(("h", f"{NUMS[i]}、{r.choice(VERBS)}{topic[r.randint(0, 2)]}{r.choice(OBJS)}"))
        if r.random() < 0.5:
            for j in range(r.randint(1, 3)):
                items.append(("p", f"（{NUMS[j]}）{r.choice(VERBS)}{r.choice(OBJS)}。" + para(r, topic, (1, 3))))
        else:
            items.append(("p", para(r, topic)))
        if duty:
            items.append(("p", f"责任单位：市{r.choice(DEPTS)}、市{r.choice(DEPTS)}，各区县人民政府"))
    atts = []
    if r.random() < 0.55:
        atts = [
            f"{topic[1]}{r.choice(['任务分工表', '工作台账', '申报表', '联系人名单'])}" for _ in range(r.randint(1, 3))
        ]
        atts = list(dict.fromkeys(atts))
        if len(atts) == 1:
            items.append(("att", "附件：" + atts[0]))
        else:
            items.append(("att", "附件：1." + atts[0]))
            for k, a in enumerate(atts[1:], 2):
                items.append(("att", f"{k}." + a))
    items.append(("sig", organ))
    items.append(("date", cn_date(y, m, d) if r.random() < 0.6 else f"{y}年{m}月{d}日"))
    if r.random() < 0.6:
        items.append(("note", r.choice(["（此件公开发布）", "（此件主动公开）"])))
    return dict(
        kind="公文",
        title=title,
        subtitle=None,
        items=items,
        date=f"{y:04d}-{m:02d}-{d:02d}",
        issuer=organ,
        doc_number=docno,
        addressee=addressee,
        topic=topic,
        organ=organ,
    )


def fam_speech(r, ctx):
    topic = r.choice(TOPICS)
    city = ctx["city"]
    y, m, d = ctx["y"], ctx["m"], ctx["d"]
    who = name(r)
    role = r.choice(["市长", "市委书记", "副市长", "局长"])
    t1 = r.choice(["凝心聚力", "真抓实干", "守正创新", "攻坚克难"])
    t2 = r.choice(["奋力开创", "全力推动", "加快实现"])
    title = f"{t1} {t2}{topic[0]}工作新局面" if r.random() < 0.5 else f"{t1}　{t2}{topic[0]}工作新局面"
    sub = f"——在{y}年全市{topic[0]}工作会议上的讲话"
    items = []
    if r.random() < 0.3:
        title = f"{who}同志在{y}年全市{topic[0]}工作会议上的讲话"
        sub = None
    if r.random() < 0.7:
        items.append(("speaker", f"{role}　{who}" if r.random() < 0.5 else f"{city}{role} {who}"))
    dated = r.random() < 0.6
    if dated:
        items.append(("dl", f"（{y}年{m}月{d}日）"))
    items.append(("sal", "同志们："))
    items.append(("p", f"今天召开全市{topic[0]}工作会议，主要任务是" + para(r, topic, (1, 2))))
    for i in range(r.randint(2, 3)):
        items.append(
            (
                "h",
                f"{NUMS[i]}、{r.choice(['充分肯定', '清醒认识', '准确把握', '全力抓好'])}{topic[r.randint(0, 2)]}{r.choice(OBJS)}",
            )
        )
        for _ in range(r.randint(1, 3)):
            items.append(("p", para(r, topic)))
    items.append(("p", "同志们，" + para(r, topic, (1, 2))))
    date = f"{y:04d}-{m:02d}-{d:02d}" if dated else None
    return dict(kind="讲话", title=title, subtitle=sub, items=items, date=date, topic=topic)


def fam_news(r, ctx):
    topic = r.choice(TOPICS)
    city = ctx["city"]
    _, m, d = ctx["y"], ctx["m"], ctx["d"]
    rep = name(r)
    title = f"{city}{r.choice(['扎实推进', '多措并举推动', '全力做好'])}{topic[0]}{r.choice(['工作', '', '见实效'])}"
    items = []
    if r.random() < 0.3:
        items.append(("orig", f"原标题：{topic[1]}{r.choice(['交出亮眼成绩单', '跑出加速度', '迈出新步伐'])}"))
    if r.random() < 0.2:
        items.append(("p", "编者按：" + para(r, topic, (1, 2))))
    short = r.random() < 0.3
    lead = r.choice(
        [
            f"本报讯（记者 {rep}）{m}月{d}日，",
            f"新华社{city[:-1]}{m}月{d}日电（记者 {rep}）",
            f"{city[:-1]}讯 ",
            "本网讯 近日，",
            "",
        ]
    )
    items.append(("p", lead + para(r, topic)))
    if r.random() < 0.5:
        items.append(
            (
                "cap",
                f"图为{r.choice(COUNTIES)}{topic[1]}{r.choice(['现场', '项目施工现场', '工作人员为群众服务'])}。{r.choice(['', f'（{name(r)} 摄）', f'记者 {name(r)} 摄'])}",
            )
        )
    for _ in range(0 if short else r.randint(2, 5)):
        items.append(("p", para(r, topic)))
    return dict(kind="新闻", title=title, subtitle=None, items=items, date=None, topic=topic)


def fam_law(r, ctx):
    topic = r.choice(TOPICS)
    prov = r.choice(PROVS + CITIES)
    y, m, d = ctx["y"], ctx["m"], ctx["d"]
    title = f"{prov}{topic[0]}{r.choice(['条例', '管理办法', '促进条例'])}"
    organ = prov + r.choice(["第十四届人民代表大会常务委员会第五次会议", "第十六届人民代表大会常务委员会第十二次会议"])
    tizhu = f"（{y}年{m}月{d}日{organ}通过）"
    chapters = ["总　　则", f"{topic[1]}规划", "保障措施", "监督管理", "法律责任", "附　　则"]
    chapters = chapters[:2] + r.sample(chapters[2:5], r.randint(1, 3)) + chapters[5:]
    items = [("tizhu", tizhu)]
    with_toc = r.random() < 0.6
    if with_toc:
        items.append(("toc", "目　　录"))
        for i, c in enumerate(chapters):
            items.append(("toc", f"第{NUMS[i]}章　{c}"))
    art = 0
    for i, c in enumerate(chapters):
        items.append(("h", f"第{NUMS[i]}章　{c}"))
        for _ in range(r.randint(2, 4)):
            art += 1
            n = (
                NUMS[art - 1]
                if art <= 10
                else ("十" + NUMS[art - 11] if art < 20 else "二十" + (NUMS[art - 21] if art > 20 else ""))
            )
            if i == len(chapters) - 1 and _ == 0:
                eff = f"本{title[-2:]}自{y}年{r.choice([7, 9, 10])}月1日起施行。"
                items.append(("p", f"第{n}条　{eff}"))
                break
            items.append(("p", f"第{n}条　" + para(r, topic, (1, 2))))
            if r.random() < 0.3:
                items.append(("p", para(r, topic, (1, 1))))
    return dict(
        kind="法律",
        title=title,
        subtitle=tizhu,
        items=items,
        date=f"{y:04d}-{m:02d}-{d:02d}",
        topic=topic,
        subtitle_neutral=True,
    )


def fam_epaper(r, ctx):
    topic = r.choice(TOPICS)
    city = ctx["city"]
    _, m, d = ctx["y"], ctx["m"], ctx["d"]
    kicker = f"{r.choice(['聚焦', '奋进', '一线观察'])}{r.choice(['高质量发展', '新征程', '民生实事'])}"
    title = f"{topic[1]}{r.choice(['跑出“加速度”', '托起幸福生活', '激活发展新动能'])}"
    sub = f"——{city}{r.choice(['推进', '深化'])}{topic[0]}工作{r.choice(['侧记', '纪实', '综述'])}"
    if r.random() < 0.5:
        sub = sub[2:]
    a1, a2 = name(r), name(r)
    authorline = r.choice([f"本报记者　{a1}　通讯员　{a2}", f"■本报记者 {a1} {a2}", f"记者 {a1} 实习生 {a2}"])
    items = [("credit", authorline)]
    items.append(("p", para(r, topic)))
    if r.random() < 0.6:
        items.append(("cap", f"{m}月{d}日，{r.choice(COUNTIES)}{topic[1]}现场。本报记者　{a1}　摄"))
    for _ in range(r.randint(2, 4)):
        if r.random() < 0.3:
            items.append(
                (
                    "h",
                    f"{r.choice(['从“有”到“优”', '破题', '聚力'])}{topic[2]}{r.choice(['提质增效', '有温度', '见真章'])}",
                )
            )
        items.append(("p", para(r, topic)))
    return dict(
        kind="新闻",
        title=title,
        subtitle=sub,
        kicker=kicker,
        items=items,
        date=None,
        topic=topic,
        author=f"{a1} {a2}",
        authorline=authorline,
    )


def fam_jiedu(r, ctx):
    topic = r.choice(TOPICS)
    city = ctx["city"]
    dept = city + r.choice(DEPTS)
    doc = f"《{city}关于加快{topic[0]}的实施意见》"
    title = r.choice([f"{doc}政策解读", f"一图读懂{doc}", f"解读：{doc}"])
    items = []
    for i, h in enumerate(["起草背景", "主要内容", "政策亮点", "下一步工作"][: r.randint(2, 4)]):
        items.append(("h", f"{NUMS[i]}、{h}"))
        items.append(("p", para(r, topic)))
    return dict(kind="新闻", title=title, subtitle=None, items=items, date=None, topic=topic, jiedu=(doc, dept))


def fam_presser(r, ctx):
    topic = r.choice(TOPICS)
    city = ctx["city"]
    y, m, d = ctx["y"], ctx["m"], ctx["d"]
    title = f"{city}{topic[0]}{r.choice(['新闻发布会', '专题新闻发布会', '政策例行吹风会'])}"
    host, sp = name(r), name(r)
    items = [("p", f"{m}月{d}日上午，{city}人民政府新闻办公室举行新闻发布会，介绍{topic[0]}有关情况。")]
    items.append(("p", f"主持人（市政府新闻办副主任 {host}）：各位记者朋友，大家上午好！" + para(r, topic, (1, 2))))
    items.append(("p", f"市{r.choice(DEPTS)}局长 {sp}：" + para(r, topic, (3, 5))))
    for _ in range(r.randint(1, 3)):
        outlet = r.choice(["青川日报", "江岭电视台", "新华网", "南湖晚报"])
        items.append(("p", f"{outlet}记者：" + f"请问在{topic[1]}方面有哪些具体举措？"))
        items.append(("p", f"{sp}：" + para(r, topic, (2, 4))))
    items.append(("p", "主持人：今天的新闻发布会到此结束，谢谢大家！"))
    return dict(kind="讲话", title=title, subtitle=None, items=items, date=f"{y:04d}-{m:02d}-{d:02d}", topic=topic)


def fam_campus(r, ctx):
    topic = r.choice(TOPICS)
    _, m, d = ctx["y"], ctx["m"], ctx["d"]
    inst = r.choice(
        ["江岭理工大学", "青川医科大学附属医院", "临溪师范学院", "南湖市第一人民医院", "东阳江职业技术学院"]
    )
    ctx["site"] = inst
    unit = r.choice(["党委宣传部", "护理部", "机械工程学院", "心内科", "团委", "学生工作处"])
    title = f"{r.choice(['我校', '我院', unit])}{r.choice(['举办', '开展', '召开'])}{topic[1]}{r.choice(['主题党日活动', '专题培训会', '志愿服务活动', '学术交流会'])}"
    if r.random() < 0.3:
        title = f"【{r.choice(['学习贯彻', '主题教育', '喜迎校庆'])}】" + title
    items = [
        (
            "p",
            r.choice(["本站讯", "本网讯", "（通讯员 " + name(r) + "）"])
            + f"{m}月{d}日，{unit}"
            + para(r, topic, (2, 3)),
        )
    ]
    for _ in range(r.randint(1, 3)):
        items.append(("p", para(r, topic)))
    if r.random() < 0.5:
        items.append(("cap", "活动现场"))
    ed = name(r)
    credit = r.choice(
        [
            f"（供稿：{unit}　摄影：{name(r)}　编辑：{ed}　审核：{name(r)}）",
            f"文/{name(r)} 图/{name(r)} 编辑/{ed}",
            f"撰稿：{name(r)}　责任编辑：{ed}",
        ]
    )
    items.append(("credit", credit))
    return dict(kind="新闻", title=title, subtitle=None, items=items, date=None, topic=topic, editor=ed)


def fam_jijian(r, ctx):
    topic = r.choice(TOPICS)
    city = ctx["city"]
    y, _, _ = ctx["y"], ctx["m"], ctx["d"]
    n = r.randint(3, 5)
    title = f"{city[:-1]}市纪委监委通报{NUMS[n - 1]}起违反中央八项规定精神典型问题"
    items = [("p", f"近日，{city}纪委监委对{n}起违反中央八项规定精神典型问题进行通报。具体如下：")]
    for i in range(n):
        who = name(r)
        items.append(
            (
                "p",
                f"{i + 1}.{r.choice(COUNTIES)}{r.choice(DEPTS)}原{r.choice(['局长', '副局长', '科长'])}{who[0]}某某违规{r.choice(['收受礼品礼金', '公款吃喝', '违规发放津补贴'])}问题。{y - 1}年{r.randint(1, 12)}月，{who[0]}某某"
                + sent(r, topic)
                + f"{who[0]}某某受到党内警告处分。",
            )
        )
    items.append(("p", "以上通报的典型问题，" + para(r, topic, (1, 2))))
    return dict(kind="新闻", title=title, subtitle=None, items=items, date=None, topic=topic)


def fam_report(r, ctx):
    topic = r.choice(TOPICS)
    city = ctx["city"]
    y, _, _ = ctx["y"], ctx["m"], ctx["d"]
    q = r.choice(["一季度", "上半年", "前三季度"])
    title = f"{y}年{q}{city}{topic[0]}工作进展情况"
    items = [("p", para(r, topic))]
    items.append(("h", "一、主要指标完成情况"))
    items.append(("p", f"{q}主要指标完成情况见下表。"))
    hdr = ["指标名称", "单位", "完成值", "同比增长（%）"]
    items.append(("row", hdr))
    for k in range(r.randint(3, 6)):
        items.append(
            (
                "row",
                [
                    f"{topic[r.randint(0, 2)]}{r.choice(['项目数', '投资额', '服务人次', '覆盖户数', '完成率'])}{k + 1}",
                    r.choice(["个", "亿元", "万人次", "户", "%"]),
                    f"{r.randint(10, 999)}.{r.randint(0, 9)}",
                    f"{r.randint(-5, 30)}.{r.randint(0, 9)}",
                ],
            )
        )
    if r.random() < 0.6:
        items.append(("p", r.choice(["数据来源：市统计局", f"数据来源：{city}统计局、{r.choice(DEPTS)}"])))
    if r.random() < 0.5:
        items.append(("p", "注：同比增长按可比口径计算。"))
    items.append(("h", "二、存在的问题和下一步打算"))
    for _ in range(r.randint(1, 3)):
        items.append(("p", para(r, topic)))
    return dict(kind="报告", title=title, subtitle=None, items=items, date=None, topic=topic)


FAMILIES = [
    fam_notice,
    fam_speech,
    fam_news,
    fam_law,
    fam_epaper,
    fam_jiedu,
    fam_presser,
    fam_campus,
    fam_jijian,
    fam_report,
]


# ---------------------------------------------------------------------------------------------
class Page:
    def __init__(self) -> None:
        self.chrome: list[str] = []  # visible chrome lines (candidates for boilerplate)

    def c(self, text: str) -> str:
        """Register a chrome line and return it escaped."""
        self.chrome.append(text)
        return html.escape(text)


def esc(s: str) -> str:
    return html.escape(s)


def related_titles(r, ctx, k):
    out = []
    for _ in range(k):
        t = r.choice(TOPICS)
        out.append(
            f"{r.choice(COUNTIES)}{r.choice(['召开', '部署', '推进', '启动'])}{t[r.randint(0, 2)]}{r.choice(['工作会议', '专项行动', '现场推进会', '培训班'])}"
        )
    return list(dict.fromkeys(out))


def render(r: random.Random, doc: dict, ctx: dict, idx: int) -> tuple[str, dict, list[str]]:
    P = Page()
    site = ctx["site"]
    title = doc["title"]
    y, m, d = ctx["py"], ctx["pm"], ctx["pd"]
    hh, mm = r.randint(8, 20), r.randint(0, 59)
    published = f"{y:04d}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}" if r.random() < 0.6 else f"{y:04d}-{m:02d}-{d:02d}"
    fam = doc["fam"]
    epaper = fam == "fam_epaper"
    # ----- facts
    origin = None if r.random() < 0.25 else (ctx["city"] + r.choice(DEPTS) if fam != "fam_epaper" else None)
    if fam == "fam_campus":
        origin = r.choice([None, "本站原创", doc["title"][:0] + "党委宣传部"])
    author = name(r) if r.random() < 0.35 and fam not in ("fam_epaper",) else None
    editor = None
    ed_where = r.choice(["byline", "end", "none", "end"])
    if fam == "fam_campus":
        editor = doc.get("editor")
        ed_where = "credit"
    elif ed_where != "none":
        editor = name(r)
    if epaper and ed_where == "byline":
        ed_where = "end"
    views = r.randint(11, 9999)
    # ----- byline
    if len(published) > 10:
        pubtxt = r.choice(
            [
                published.replace("T", " "),
                f"{y}年{m:02d}月{d:02d}日 {hh:02d}:{mm:02d}",
                f"{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}:{r.randint(0, 59):02d}",
            ]
        )
    else:
        pubtxt = r.choice([published, f"{y}年{m:02d}月{d:02d}日", f"{y}/{m:02d}/{d:02d}"])
    bylab = r.choice(["发布时间：", "时间：", "发布日期：", "日期："])
    fields = [(bylab, pubtxt)]
    if r.random() < 0.15:
        bylab = ""
    if origin:
        fields.append((r.choice(["来源：", "来源：", "信息来源：", "文章来源：", "稿件来源："]), origin))
    if author:
        fields.append(("作者：", author))
    if editor and ed_where == "byline":
        fields.append((r.choice(["责任编辑：", "编辑：", "责编："]), editor))
    if r.random() < 0.5:
        fields.append(("浏览次数：", str(views)))
    byline_style = r.choice(["line", "spans", "table", "below", "line", "spans"])
    fontbar = r.random() < 0.5
    if epaper:
        byline_style = "epaper"
    byline_html = ""
    if byline_style == "line":
        t = "　".join(a + b for a, b in fields)
        if fontbar:
            t2 = t + "　【字体：大 中 小】"
            byline_html = f'<div class="info">{P.c(t2)}</div>'
        else:
            byline_html = f'<div class="info">{P.c(t)}</div>'
    elif byline_style in ("spans", "below"):
        spans = "".join(
            f'<span class="s{i}">{esc(a)}<em>{esc(b)}</em></span>&nbsp;&nbsp;' for i, (a, b) in enumerate(fields)
        )
        P.chrome.append("  ".join(a + b for a, b in fields))
        for a, b in fields:
            P.chrome.append(a + b)
        fb = (
            '<span class="fz">[ 字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</span>'
            if fontbar
            else ""
        )
        if fontbar:
            P.chrome.append("字体：大 中 小")
        byline_html = f'<div class="article-info">{spans}{fb}</div>'
    elif byline_style == "table":
        cells = "".join(f"<td>{esc(a)}{esc(b)}</td>" for a, b in fields)
        for a, b in fields:
            P.chrome.append(a + b)
        byline_html = f'<table class="bl" width="100%"><tr>{cells}</tr></table>'
    # ----- title html
    tp = r.choice(["h1", "h2", "div", "td", "strong", "h1"])
    if ctx["layout"] == "table" and r.random() < 0.6:
        tp = "td"
    if epaper:
        tp = r.choice(["h1", "div", "h2"])
    multi = r.random() < 0.15 and len(title) > 14 and fam not in ("fam_speech",)
    if multi:
        k = len(title) // 2
        tinner = esc(title[:k]) + "<br>" + esc(title[k:])
    else:
        tinner = esc(title)
    sub_html = ""
    if doc.get("subtitle"):
        if fam == "fam_law":
            sub_html = f'<p class="tizhu" style="text-align:center">{esc(doc["subtitle"])}</p>'
        elif epaper:
            sub_html = (
                f"<h2>{esc(doc['subtitle'])}</h2>" if tp != "h2" else f'<div class="fu">{esc(doc["subtitle"])}</div>'
            )
        else:
            sub_html = r.choice(
                [
                    f'<h3 class="subtitle">{esc(doc["subtitle"])}</h3>',
                    f'<p style="text-align:center">{esc(doc["subtitle"])}</p>',
                    f'<div class="sub">{esc(doc["subtitle"])}</div>',
                ]
            )
    kick_html = ""
    if doc.get("kicker"):
        kick_html = (
            f'<h3 class="yt">{esc(doc["kicker"])}</h3>'
            if r.random() < 0.5
            else f'<div class="yinti">{esc(doc["kicker"])}</div>'
        )
    if tp == "h1":
        title_html = f"<h1>{tinner}</h1>"
    elif tp == "h2":
        title_html = f'<h2 class="art-title">{tinner}</h2>'
    elif tp == "div":
        title_html = f'<div class="{r.choice(["title", "bt", "newstitle", "xl_title"])}">{tinner}</div>'
    elif tp == "td":
        title_html = f'<table width="100%"><tr><td align="center" class="{r.choice(["title", "biaoti", "f22"])}" height="50">{tinner}</td></tr></table>'
    else:
        title_html = f'<p align="center"><strong><font size="5">{tinner}</font></strong></p>'
    title_block = kick_html + title_html + sub_html
    # ----- content
    style = r.choice(["p", "p", "br", "pindent", "nbsp"])
    if fam == "fam_report":
        style = r.choice(["p", "pindent"])
    lines_html = []
    rows = []

    def flush_rows():
        if rows:
            tr = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
            lines_html.append(("tbl", f'<table border="1" cellspacing="0" class="data">{tr}</table>'))
            rows.clear()

    for role, text in doc["items"]:
        if role == "row":
            rows.append(text)
            continue
        flush_rows()
        right = role in ("sig", "date")
        center = role in ("tizhu", "toc") and role == "tizhu"
        if role == "tizhu":
            continue  # rendered as subtitle
        if role == "cap":
            lines_html.append(
                (
                    "blk",
                    f'<p style="text-align:center"><img src="/u/{idx}_{len(lines_html)}.jpg"></p><p class="pic-note" style="text-align:center">{esc(text)}</p>',
                )
            )
            continue
        if role == "h" and style != "br" and r.random() < 0.5:
            inner = f"<strong>{esc(text)}</strong>"
        else:
            inner = esc(text)
        lines_html.append(("line", inner, right, center))
    flush_rows()
    if style == "br":
        parts = []
        for e in lines_html:
            if e[0] == "line":
                parts.append(("　　" if not e[2] else "") + e[1] + "<br>")
            else:
                parts.append(e[1])
        content = "<div>" + "\n".join(parts) + "</div>"
    else:
        parts = []
        for e in lines_html:
            if e[0] != "line":
                parts.append(e[1])
                continue
            _, inner, right, center = e
            if right:
                parts.append(f'<p style="text-align:right">{inner}</p>')
            elif style == "pindent":
                parts.append(f'<p style="text-indent:2em">{inner}</p>')
            elif style == "nbsp":
                parts.append(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{inner}</p>")
            else:
                parts.append(f"<p>{inner}</p>")
        content = "\n".join(parts)
    end_html = ""
    if editor and ed_where == "end":
        t = r.choice([f"（责任编辑：{editor}）", f"责任编辑：{editor}", f"【责任编辑：{editor}】", f"责编：{editor}"])
        end_html = f'<div class="editor" style="text-align:right">{P.c(t)}</div>'
    if byline_style == "below":
        end_html = byline_html + end_html
        byline_html = ""
    # ----- extras inside article area
    extras = ""
    if doc.get("jiedu"):
        docname, dept = doc["jiedu"]
        extras += f'<div class="yw">{P.c("原文链接：")}<a href="/zc/{idx}.html">{P.c(docname)}</a></div>'
        P.chrome.append("原文链接：" + docname)
        extras += f'<div class="jd">{P.c("解读机关：" + dept)}</div>'
    if r.random() < 0.6:
        extras += f'<div class="tools">{P.c("【打印本页】")}　{P.c("【关闭窗口】")}</div>'
        P.chrome.append("【打印本页】　【关闭窗口】")
    if r.random() < 0.5:
        extras += f'<div class="share">{P.c("分享到：")}<a>微信</a> <a>微博</a> <a>QQ空间</a></div>'
        P.chrome.append("分享到：微信 微博 QQ空间")
    if r.random() < 0.4:
        extras += f'<div class="qr"><img src="/qr.png"><p>{P.c("扫一扫在手机打开当前页")}</p></div>'
    prevnext = ""
    rel = related_titles(r, ctx, 6)
    if r.random() < 0.6:
        prevnext = f'<div class="pn"><p>{P.c("上一篇：" + rel[0])}</p><p>{P.c("下一篇：" + rel[1])}</p></div>'
    related = ""
    if r.random() < 0.5:
        h = r.choice(["相关链接", "相关新闻", "相关阅读"])
        related = (
            f'<div class="xg"><h4>{P.c(h)}</h4><ul>'
            + "".join(f'<li><a href="/a/{i}.html">{P.c(t)}</a></li>' for i, t in enumerate(rel[2:]))
            + "</ul></div>"
        )
    comments = ""
    if r.random() < 0.2:
        cs = []
        for _ in range(r.randint(2, 4)):
            who = f"网友{r.randint(1000, 9999)}"
            ct = r.choice(
                [
                    "说得好，支持！希望早日落实到位。",
                    "我们小区什么时候能轮到？期待。",
                    "点赞，政府办实事！",
                    "请问具体到哪个部门咨询？",
                ]
            )
            ts = f"{y}-{m:02d}-{min(d + 1, 28):02d} {r.randint(8, 22):02d}:{r.randint(0, 59):02d}"
            cs.append(f'<div class="cmt"><p class="u">{P.c(who + "　" + ts)}</p><p>{P.c(ct)}</p></div>')
        comments = (
            f'<div class="comments"><h4>{P.c("网友评论")}</h4>'
            + "".join(cs)
            + f'<div class="form">{P.c("发表评论（请文明发言）")}<textarea></textarea><button>提交</button></div></div>'
        )
    # ----- metadata table (信息公开)
    meta_tbl = ""
    if fam == "fam_notice" and r.random() < 0.6:
        rows_ = [
            ("索引号：", f"{r.randint(10000000, 99999999)}/{ctx['y']}-{r.randint(10000, 99999)}"),
            ("主题分类：", r.choice(["综合政务", "城乡建设", "农业、林业、水利", "劳动、人事、监察"])),
            ("发文机关：", doc["issuer"]),
            ("成文日期：", f"{ctx['y']}年{ctx['m']:02d}月{ctx['d']:02d}日"),
            ("发文字号：", doc.get("doc_number") or ""),
            ("发布日期：", f"{y}年{m:02d}月{d:02d}日"),
        ]
        tr = ""
        for i in range(0, len(rows_), 2):
            tr += (
                "<tr>" + "".join(f"<td class='l'>{esc(a)}</td><td>{esc(b)}</td>" for a, b in rows_[i : i + 2]) + "</tr>"
            )
            for a, b in rows_[i : i + 2]:
                P.chrome.append(a + b)
                P.chrome.append(b)
        if r.random() < 0.5:
            tr += f"<tr><td class='l'>标题：</td><td colspan='3'>{esc(title)}</td></tr>"
        meta_tbl = f'<table class="xxgk" border="1">{tr}</table>'
    # ----- header / nav / breadcrumb / sidebar / footer
    navs = r.sample(
        [
            "首页",
            "政务公开",
            "政务服务",
            "互动交流",
            "走进" + ctx["city"][:2],
            "新闻中心",
            "专题专栏",
            "数据发布",
            "学校概况",
            "院系设置",
            "人才培养",
            "纪律审查",
            "廉政教育",
        ],
        7,
    )
    nav_html = (
        "<ul class='nav'>" + "".join(f"<li><a href='/{i}/'>{esc(n)}</a></li>" for i, n in enumerate(navs)) + "</ul>"
    )
    P.chrome.extend(n for n in navs if len(canon(n)) >= 4)
    top = (
        f'<div class="topbar">{P.c("无障碍浏览")}　{P.c("繁体版")}　{P.c("长者模式")}　{P.c("登录注册")}</div>'
        if r.random() < 0.5
        else ""
    )
    sitename_html = f'<div class="logo">{esc(site)}</div>'
    if ctx["layout"] == "twoh1":
        sitename_html = f'<h1 class="logo"><a href="/"><img src="/logo.png" alt="{esc(site)}">{esc(site)}</a></h1>'
    col = r.choice(["通知公告", "政策解读", "工作动态", "新闻发布会", "法规规章", "审查调查", "学校要闻", "医院新闻"])
    crumb = r.choice(
        [f"当前位置：首页 > 政务公开 > {col}", f"您现在的位置：首页 >> {col} >> 正文", f"位置：首页 → {col}"]
    )
    crumb_html = f'<div class="crumb">{P.c(crumb)}</div>'
    P.chrome.append(col)
    side = ""
    if r.random() < 0.7:
        hot = related_titles(r, ctx, 5)
        dated = r.random() < 0.5

        def li(i, t):
            if dated:
                ds = f"{y}-{m:02d}-{max(1, d - i):02d}"
                P.chrome.append(f"{t} {ds}")
                return f"<li><a href='/h/{i}.html'>{P.c(t)}</a><span>{ds}</span></li>"
            return f"<li><a href='/h/{i}.html'>{P.c(t)}</a></li>"

        side = (
            f'<div class="side"><h3>{P.c(r.choice(["热点新闻", "热点关注", "图片新闻", "通知公告"]))}</h3><ul>'
            + "".join(li(i, t) for i, t in enumerate(hot))
            + "</ul>"
            + f"<h3>{P.c('栏目导航')}</h3><ul>"
            + "".join(
                f"<li><a href='/c/{i}/'>{P.c(t)}</a></li>"
                for i, t in enumerate(["领导之窗", "机构职能", "规划计划", "财政信息", "人事信息"])
            )
            + "</ul></div>"
        )
    icp = f"{r.choice(['青', '江', '岭', '湘'])}ICP备{r.randint(10000000, 99999999)}号-{r.randint(1, 5)}"
    bsm = f"网站标识码：{r.randint(1000000000, 9999999999)}"
    foot_lines = [
        f"版权所有：{site}",
        f"主办单位：{ctx['city']}人民政府办公室　承办：{ctx['city']}大数据中心",
        icp,
        bsm,
        f"地址：{ctx['city']}{r.choice(['人民路', '解放大道', '建设街'])}{r.randint(1, 300)}号　邮编：{r.randint(100000, 999999)}",
        "联系我们 | 网站地图 | 隐私声明",
    ]
    r.shuffle(foot_lines)
    foot = '<div class="footer">' + "".join(f"<p>{P.c(t)}</p>" for t in foot_lines[: r.randint(3, 6)]) + "</div>"
    # e-paper chrome
    ep_top = ""
    if epaper:
        ban = r.randint(1, 12)
        bans = "".join(
            f'<a href="/node_{k}.htm">{P.c(f"第{k:02d}版：" + v)}</a> '
            for k, v in enumerate(["要闻", "综合", "经济", "民生", "文化"], 1)
        )
        ep_top = (
            f'<div class="paper">{P.c(ctx["site"])}　{P.c(f"{y}年{m:02d}月{d:02d}日 星期" + "一二三四五六日"[r.randint(0, 6)])}</div>'
            f'<div class="banlist">{bans}</div><div class="bc">{P.c(f"第{ban:02d}版：" + r.choice(["要闻", "综合", "民生"]))}</div>'
            f'<div class="tools">{P.c("上一版")}　{P.c("下一版")}　{P.c("PDF版")}</div>'
        )
        # author line rendered as <p class=author> already (credit item) — nothing else
    # ----- <title> and meta
    tform = r.choice(["t_site", "t", "site", "none", "t_site", "trunc"])
    head_title = {
        "t_site": f"{title}_{site}",
        "t": title,
        "site": site,
        "none": None,
        "trunc": f"{title[:9]}..._{site}",
    }[tform]
    if head_title and r.random() < 0.3 and tform == "t_site":
        head_title = f"{title} - {col} - {site}"
    metas = ""
    if r.random() < 0.4:
        metas += f'<meta name="ArticleTitle" content="{esc(title)}">'
        metas += f'<meta name="PubDate" content="{published.replace("T", " ")}">'
        if origin:
            metas += f'<meta name="ContentSource" content="{esc(origin)}">'
        metas += f'<meta name="SiteName" content="{esc(site)}">'
        metas += f'<meta name="ColumnName" content="{esc(col)}">'
    # ----- assemble per layout
    article_inner = (
        meta_tbl
        + ep_top
        + title_block
        + byline_html
        + f'<div id="zoom" class="{r.choice(["TRS_Editor", "article-content", "con", "zoom"])}">{content}</div>'
        + end_html
        + extras
        + comments
    )
    if ctx["layout"] == "table":
        page_body = (
            f'<table width="1000" align="center"><tr><td>{sitename_html}{top}</td></tr><tr><td>{nav_html}</td></tr></table>'
            f'<table width="1000" align="center"><tr><td width="260" valign="top">{side}</td><td valign="top">'
            f'<table width="100%"><tr><td>{crumb_html}</td></tr><tr><td>'
            f'<table width="96%" align="center"><tr><td>{article_inner}</td></tr></table>'
            f"</td></tr><tr><td>{prevnext}{related}</td></tr></table></td></tr></table>"
            f'<table width="1000" align="center"><tr><td>{foot}</td></tr></table>'
        )
    else:
        page_body = (
            f'<div class="header">{top}{sitename_html}{nav_html}</div><div class="wrap">{crumb_html}'
            f'<div class="main"><div class="article">{article_inner}</div>{prevnext}{related}</div>{side}</div>{foot}'
        )
    enc = ctx["enc"]
    charset_meta = ""
    if enc == "utf-8":
        charset_meta = '<meta charset="utf-8">'
    elif enc == "gbk":
        charset_meta = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    elif enc == "big5":
        charset_meta = '<meta http-equiv="Content-Type" content="text/html; charset=big5">'
    # gbk-nometa / big5-nometa: nothing declared
    ht = f"<title>{esc(head_title)}</title>" if head_title else ""
    page = (
        f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
        f"<html><head>{charset_meta}{ht}{metas}<style>.side{{float:right}}</style>"
        f"<script>var _hmt=_hmt||[];</script></head><body>\n{page_body}\n</body></html>\n"
    )
    facts = dict(
        published=published,
        origin=origin,
        editor=editor,
        author=author,
        tp=tp,
        tform=tform,
        byline=byline_style,
        style=style,
        fontbar=fontbar,
        ed_where=ed_where,
    )
    return page, facts, P.chrome


def build(i: int, r: random.Random) -> tuple[bytes, dict, dict]:
    fam = FAMILIES[i % len(FAMILIES)] if i < 2 * len(FAMILIES) else r.choice(FAMILIES)
    y = r.randint(2019, 2025)
    m, d = r.randint(1, 12), r.randint(1, 28)
    city = r.choice(CITIES)
    ctx = dict(y=y, m=m, d=d, city=city, site=city + r.choice(SITEWORDS))
    if fam.__name__ == "fam_epaper":
        ctx["site"] = city[:-1] + r.choice(["日报", "晚报"])
    if fam.__name__ == "fam_jijian":
        ctx["site"] = city + "纪委监委网站"
    if fam.__name__ == "fam_law":
        ctx["site"] = city + "人大网"
    doc = fam(r, ctx)
    doc["fam"] = fam.__name__
    # publication date: same day or a few days after the document's own date
    pd_off = r.choice([0, 0, 1, 3, 7]) if fam.__name__ not in ("fam_presser", "fam_campus", "fam_jijian") else 0
    py, pm, pdd = y, m, min(28, d + pd_off)
    ctx.update(py=py, pm=pm, pd=pdd)
    ctx["layout"] = r.choice(["div", "table", "twoh1", "div"])
    enc = r.choice(["utf-8", "utf-8", "gbk", "gbk-nometa", "utf-8", "big5", "big5-nometa"])
    if enc.startswith("big5") and S2T is None:
        enc = "utf-8"
    ctx["enc"] = enc
    page, facts, chrome = render(r, doc, ctx, i)
    # gold -----------------------------------------------------------------------------------
    body = [t if isinstance(t, str) else " ".join(t) for role, t in doc["items"] if role in BODY_ROLES]
    neutral = [t for role, t in doc["items"] if role in NEUTRAL_ROLES]
    if doc.get("kicker"):
        neutral.append(doc["kicker"])
    title = doc["title"]
    subtitle = doc.get("subtitle")
    date = doc["date"] or facts["published"][:10]
    author = facts["author"]
    if doc.get("author"):
        author = doc["author"]
    gold = {
        "file": f"{i:03d}.html",
        "kind": doc["kind"],
        "title": title,
        "subtitle": subtitle,
        "date": date,
        "published": facts["published"],
        "issuer": doc.get("issuer"),
        "doc_number": doc.get("doc_number"),
        "addressee": doc.get("addressee"),
        "origin": facts["origin"],
        "editor": facts["editor"],
        "author": author,
        "body": body,
        "neutral": neutral,
        "boilerplate": [],
        "notes": "",
    }
    if enc.startswith("big5"):
        conv = S2T.convert
        page = conv(page)
        for k in ("title", "subtitle", "issuer", "doc_number", "addressee", "origin", "editor", "author"):
            if gold[k]:
                gold[k] = conv(gold[k])
        gold["body"] = [conv(x) for x in gold["body"]]
        gold["neutral"] = [conv(x) for x in gold["neutral"]]
        chrome = [conv(x) for x in chrome]
    # boilerplate: chrome lines, >=4 canon chars, not inside any body line nor the joined body
    bodyc = canon("".join(gold["body"]))
    seen, bp = set(), []
    tc = canon(gold["title"])
    for ln in chrome:
        c = canon(ln)
        if len(c) < 4 or c in seen or c in bodyc or c == tc or c in tc:
            continue
        if any(c in canon(n) for n in gold["neutral"]):
            continue
        seen.add(c)
        bp.append(ln.strip())
    gold["boilerplate"] = bp[:60]
    notes = [
        f"family={doc['fam']} layout={ctx['layout']} enc={enc} title_in={facts['tp']} head_title={facts['tform']} "
        f"byline={facts['byline']} paras={facts['style']} editor_at={facts['ed_where']}"
    ]
    if doc.get("kicker"):
        notes.append(
            "引题 (kicker) is neutral and not part of the title; 副题 is the subtitle; the 作者 line is neutral."
        )
    if doc["fam"] == "fam_law":
        notes.append("题注 (…通过) is subtitle and neutral; 目录 lines (if any) are body.")
    gold["notes"] = " ".join(notes)
    if enc == "utf-8":
        data = page.encode("utf-8")
    elif enc.startswith("gbk"):
        data = page.encode("gbk")
    else:
        try:
            data = page.encode("big5")
        except UnicodeEncodeError:
            data = page.encode("cp950", errors="strict")
    meta = dict(
        id=f"{i:03d}",
        fam=doc["fam"],
        layout=ctx["layout"],
        enc=enc,
        **{k: facts[k] for k in ("tp", "tform", "byline", "style", "ed_where")},
    )
    return data, gold, meta


def generate(folder: Path, pages: int, seed: int) -> list[Path]:
    """Write pages 000..``pages - 1`` of ``seed`` as ``folder/docs/NNN.html`` with ``folder/gold/NNN.gold.json``.

    Also ``folder/manifest.tsv`` (each page's drawn axes); nothing is written outside ``folder``. Returns the pages
    written, in order. The same seed gives the same bytes. The Big5 pages need OpenCC (a dependency of the project).
    """
    docs, golds = folder / "docs", folder / "gold"
    docs.mkdir(parents=True, exist_ok=True)
    golds.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    rows = []
    for i in range(pages):
        r = random.Random(seed * 1000 + i)
        for _attempt in range(MAX_DRAWS):
            try:
                data, gold, meta = build(i, r)
                break
            except UnicodeEncodeError:  # a character Big5 lacks (〇 in a date): draw the page again, same stream
                continue
        else:
            raise RuntimeError(f"page {i:03d} of seed {seed}: no encodable draw in {MAX_DRAWS}")
        (docs / f"{i:03d}.html").write_bytes(data)
        written.append(docs / f"{i:03d}.html")
        (golds / f"{i:03d}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        rows.append("\t".join(str(v) for v in meta.values()))
    (folder / "manifest.tsv").write_text(
        "id\tfam\tlayout\tenc\ttitle_in\thead_title\tbyline\tparas\teditor_at\n" + "\n".join(rows) + "\n",
        encoding="utf-8",
    )
    return written

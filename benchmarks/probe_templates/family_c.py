"""Probe family C: unseen-site pages for bulletin-format, with gold in the realdocs format.

Written by a third helper without reading families A and B, as an independent check; run through
``benchmarks/probe_templates.py --family c`` (``generate``), or alone:

    python benchmarks/probe_templates/family_c.py --seed N --pages M --out DIR   # DIR/docs/cNNN.html, DIR/gold/…

All text is invented here (places like 河川县/临江市, people, organs, sentences). Gold is built from the same
data the HTML is rendered from, never by re-reading the HTML. Templates: portal news with 责任编辑/来源 in odd
places and 点击排行; WeChat reposts; Taiwan/Hong Kong Traditional pages (Big5/UTF-8, 民國 years); township
公示/公告; 招标/采购 with tables; 干部任前公示 name tables; 政府工作报告 with 目录; 会议纪要; policy Q&A;
<pre> pages; one-<div> <br><br> pages; meta-only titles; far/URL-only dates; attachment link lists; GBK
without charset; very long and very short pages.
"""
# ruff: noqa: E501  (vocabulary lists and markup templates are long literals, kept whole to be read as pages)

from __future__ import annotations

import argparse
import html
import json
import random
from pathlib import Path

# ----------------------------------------------------------------------------------------------- vocabulary
SURN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "明华建国志强伟芳秀英敏静丽军平刚桂兰玉红宇晓云海波峰磊超霞婷洁琳梅鹏飞涛浩然思远嘉怡子涵欣悦文博俊杰"
PLACE1 = ["河川", "临江", "青石", "柳溪", "东湖", "松岭", "桐乡", "白沙", "云岗", "石门", "南屏", "北塘", "枫林", "金滩",
          "望川", "清源", "梅岭", "兰溪", "凤鸣", "龙潭", "安澜", "长宁", "永和", "平湖"]
TOPIC = ["农村人居环境整治", "高标准农田建设", "城乡供水一体化", "营商环境优化", "老旧小区改造", "义务教育优质均衡发展",
         "基层医疗卫生服务能力提升", "防汛抗旱", "森林防火", "安全生产专项整治", "乡村振兴示范带建设", "文明城市创建",
         "秸秆综合利用", "河湖长制", "城市生活垃圾分类", "养老服务体系建设", "就业创业帮扶", "数字政府建设",
         "消费品以旧换新", "特色产业园区建设"]
VERB = ["扎实推进", "统筹推进", "全面加强", "持续深化", "着力抓好", "稳步实施", "加快推动", "认真做好"]
OBJ = ["工作机制", "责任体系", "监督检查", "资金保障", "宣传引导", "考核评价", "队伍建设", "信息化支撑", "风险排查",
       "问题整改", "群众参与", "部门协同"]
TAIL = ["确保各项任务落到实处", "切实增强人民群众获得感", "推动工作取得新成效", "为高质量发展提供有力支撑",
        "形成上下联动、齐抓共管的工作格局", "不断提升治理水平", "坚决守住安全底线", "努力交出满意答卷"]
NUMS = "一二三四五六七八九十"


class G:
    """A seeded source of invented names and sentences."""

    def __init__(self, rnd: random.Random) -> None:
        self.r = rnd

    def person(self) -> str:
        return self.r.choice(SURN) + "".join(self.r.choice(GIVEN) for _ in range(self.r.choice([1, 2])))

    def tperson(self) -> str:
        return self.r.choice("王李張劉陳林黃吳蔡許鄭謝洪郭楊曾") + "".join(self.r.choice("志明淑芬家豪怡君俊宏雅婷建") for _ in range(2))

    def county(self) -> str:
        return self.r.choice(PLACE1) + self.r.choice(["县", "区"])

    def city(self) -> str:
        return self.r.choice(PLACE1) + "市"

    def town(self) -> str:
        return self.r.choice(PLACE1) + self.r.choice(["镇", "乡", "街道"])

    def topic(self) -> str:
        return self.r.choice(TOPIC)

    def sentence(self) -> str:
        r = self.r
        forms = [
            lambda: f"{r.choice(VERB)}{self.topic()}{r.choice(OBJ)}，{r.choice(TAIL)}",
            lambda: f"截至{r.randint(1, 12)}月底，全{r.choice('县市区')}累计完成投资{r.randint(2, 980)}.{r.randint(1, 9)}亿元，"
                    f"同比增长{r.randint(1, 30)}.{r.randint(0, 9)}%",
            lambda: f"{self.county()}把{self.topic()}作为重点任务，{r.choice(VERB)}{r.choice(OBJ)}",
            lambda: f"各{r.choice(['乡镇', '部门', '单位', '街道'])}要{r.choice(VERB)}{r.choice(OBJ)}，{r.choice(TAIL)}",
            lambda: f"全年新增{r.choice(['就业岗位', '市场主体', '养老床位', '学位'])}{r.randint(120, 9800)}个，"
                    f"完成年度目标的{r.randint(101, 135)}%",
            lambda: f"{self.person()}指出，要坚持问题导向，{r.choice(VERB)}{r.choice(OBJ)}，{r.choice(TAIL)}",
            lambda: f"围绕{self.topic()}，组织开展专题调研{r.randint(3, 40)}次，梳理问题清单{r.randint(5, 90)}项",
        ]
        return r.choice(forms)()

    def para(self, lo: int = 2, hi: int = 4) -> str:
        return "；".join(self.sentence() for _ in range(self.r.randint(lo, hi))) + "。"

    def date(self, y0: int = 2021, y1: int = 2025) -> tuple[int, int, int]:
        return self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28)


def iso(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def cn(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def cnnum(n: int) -> str:
    if n <= 10:
        return NUMS[n - 1]
    if n < 20:
        return "十" + NUMS[n - 11]
    return NUMS[n // 10 - 1] + "十" + (NUMS[n % 10 - 1] if n % 10 else "")


def later(d: tuple[int, int, int], k: int) -> tuple[int, int, int]:
    y, m, dd = d
    dd += k
    if dd > 28:
        dd -= 28
        m += 1
        if m > 12:
            m, y = 1, y + 1
    return y, m, dd


def e(s: str) -> str:
    return html.escape(s, quote=False)


# ------------------------------------------------------------------------------------------------ page chrome
def nav(g: G, site: str) -> tuple[str, list[str]]:
    items = g.r.sample(["首页", "政务公开", "新闻中心", "政策文件", "办事服务", "互动交流", "走进" + site[:2], "专题专栏",
                        "数据发布", "公共服务"], 7)
    bp = ["无障碍浏览", "长者模式", "登录 | 注册", "设为首页 加入收藏"]
    h = ('<div class="top"><span>无障碍浏览</span> <span>长者模式</span> <a>登录 | 注册</a> <a>设为首页 加入收藏</a></div>'
         f'<div class="logo"><img alt="{e(site)}"/></div><ul class="nav">' + "".join(f"<li><a>{e(x)}</a></li>" for x in items)
         + "</ul>")
    return h, bp


def footer(g: G, site: str) -> tuple[str, list[str]]:
    icp = f"备案号：{g.r.choice('京沪浙苏湘鄂赣皖闽粤桂川黔滇')}ICP备{g.r.randint(10000000, 99999999)}号-{g.r.randint(1, 9)}"
    lines = [f"主办单位：{site}办公室", icp, f"网站标识码：{g.r.randint(1000000000, 9999999999)}",
             "联系我们 | 网站地图 | 隐私声明", f"Copyright © {g.r.randint(2019, 2025)} {site} All Rights Reserved"]
    return '<div class="footer">' + "".join(f"<p>{e(x)}</p>" for x in lines) + "</div>", lines


def related(g: G, label: str, n: int = 5) -> tuple[str, list[str]]:
    ts = [f"{g.county()}召开{g.topic()}{g.r.choice(['推进会', '调度会', '培训会', '现场会'])}" for _ in range(n)]
    ts = list(dict.fromkeys(ts))
    h = f'<div class="side"><h3>{e(label)}</h3><ul>' + "".join(
        f'<li><a href="/a/{g.r.randint(1000, 9999)}.html">{e(t)}</a><span>{g.r.randint(1, 12):02d}-{g.r.randint(1, 28):02d}</span></li>'
        for t in ts) + "</ul></div>"
    return h, [label, *ts] if len(label) >= 4 else ts


def shell(title_tag: str, head_extra: str, inner: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<!DOCTYPE html><html><head>{meta}<title>{e(title_tag)}</title>{head_extra}"
            "<style>.x{color:red}</style><script>var _hm=[];</script></head><body>" + inner + "</body></html>")


class Page:
    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.title = ""
        self.subtitle: str | None = None
        self.date: str | None = None
        self.published: str | None = None
        self.issuer: str | None = None
        self.doc_number: str | None = None
        self.addressee: str | None = None
        self.origin: str | None = None
        self.editor: str | None = None
        self.author: str | None = None
        self.body: list[str] = []
        self.neutral: list[str] = []
        self.boiler: list[str] = []
        self.notes = ""
        self.html = ""
        self.encoding = "utf-8"
        self.family = ""


def ps(lines: list[str], indent: bool = False) -> str:
    sty = ' style="text-indent:2em"' if indent else ""
    return "".join(f"<p{sty}>{e(x)}</p>" for x in lines)


# ------------------------------------------------------------------------------------------------- families
def fam_portal_news(g: G) -> Page:
    """人民网/新华网-style news: byline bar, 责任编辑 at odd places, (来源：…) at the end, 点击排行 box."""
    p = Page("新闻")
    r = g.r
    site = r.choice(["临江网", "河川新闻网", "东湖在线", "松岭融媒"])
    d = g.date()
    hh, mm = r.randint(6, 22), r.randint(0, 59)
    p.title = f"{g.county()}{r.choice(VERB)}{g.topic()}"
    p.date, p.published = iso(d), f"{iso(d)}T{hh:02d}:{mm:02d}"
    p.origin = r.choice(["临江日报", "河川电视台", "东湖发布", "松岭县融媒体中心"])
    p.editor = g.person() if r.random() < 0.7 else g.person() + "、" + g.person()
    rep = g.person()
    first = f"本报讯（记者 {rep}）{g.para(2, 3)}"
    p.body = [first] + [g.para() for _ in range(r.randint(3, 9))]
    p.neutral = []
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    rank, rl = related(g, "点击排行", 6)
    rel, rel_l = related(g, "相关新闻", 4)
    variant = r.choice(["bar", "slash", "pre-editor", "tail-origin"])
    bar_text = {
        "bar": f"{d[0]}年{d[1]:02d}月{d[2]:02d}日{hh:02d}:{mm:02d} | 来源：{p.origin}",
        "slash": f"{iso(d)} {hh:02d}:{mm:02d}:{r.randint(10, 59)}　来源: {p.origin}　字号：大 中 小",
        "pre-editor": f"{iso(d)} {hh:02d}:{mm:02d}　责编：{p.editor}",
        "tail-origin": f"发布时间：{iso(d)} {hh:02d}:{mm:02d}",
    }[variant]
    bodyh = ps(p.body, indent=True)
    tail = ""
    if variant == "pre-editor":
        tail = f'<p class="src">（来源：{e(p.origin)}）</p>'
        p.neutral.append(f"（来源：{p.origin}）")
    elif variant == "tail-origin":
        tail = f'<p>（来源：{e(p.origin)}）</p><div class="edit">（责任编辑：{e(p.editor)}）</div>'
        p.neutral.append(f"（来源：{p.origin}）")
        p.boiler.append(f"（责任编辑：{p.editor}）")
    else:
        tail = f'<div class="edit">【责任编辑：{e(p.editor)}】</div>'
        p.boiler.append(f"【责任编辑：{p.editor}】")
    crumb = f"{site} > {r.choice(['要闻', '地方', '社会', '时政'])} > 正文"
    share = "分享到：微信 微博 QQ空间"
    inner = (navh + f'<div class="crumb">{e(crumb)}</div><div class="main"><h1>{e(p.title)}</h1>'
             f'<div class="info">{e(bar_text)}</div><div class="share">{share}</div>'
             f'<div class="content">{bodyh}{tail}</div></div>{rank}{rel}{foot}')
    p.boiler += [crumb, bar_text, share, *bp, *rl, *rel_l, *fl]
    p.html = shell(f"{p.title}--{site}", "", inner, r.choice(["utf-8", "gbk", None]))
    p.encoding = "utf-8" if "utf-8" in p.html[:80] else "gbk"
    p.notes = f"portal news, variant {variant}"
    return p


def fam_wechat(g: G) -> Page:
    """WeChat-article repost: 公众号 name, 原创 tag, spans splitting paragraphs, 阅读原文/在看/赞赏."""
    p = Page("新闻")
    r = g.r
    acct = f"{g.city() if r.random() < .5 else g.county()}{r.choice(['发布', '融媒', '政务服务', '应急管理'])}"
    d = g.date()
    p.title = f"{r.choice(['重磅！', '关注｜', '速看！', ''])}{g.county()}{g.topic()}{r.choice(['有新进展', '出实招', '交出亮眼成绩单', '这样干'])}"
    p.date, p.published = iso(d), iso(d)
    p.body = [g.para(1, 3) for _ in range(r.randint(3, 8))]
    sub_heads = [f"{NUMS[i]}、{g.topic()}" for i in range(r.randint(0, 2))]
    order = []
    for i, b in enumerate(p.body):
        if i in (1, 3) and sub_heads:
            order.append(sub_heads.pop(0))
        order.append(b)
    p.body = order
    src_line = f"来源：{g.city()}日报"
    editor = g.person()
    p.neutral = [src_line]
    tail_lines = [f"编辑：{editor}", f"审核：{g.person()}"]
    p.neutral += tail_lines

    def spans(t: str) -> str:
        cuts = sorted(r.sample(range(1, len(t)), min(2, len(t) - 1)))
        parts = [t[:cuts[0]], t[cuts[0]:cuts[1]], t[cuts[1]:]]
        return "".join(f'<span style="font-size:15px">{e(x)}</span>' for x in parts)

    bodyh = "".join(f'<section><p>{spans(b)}</p></section>' if not b[1:2] == "、" else
                    f'<section><p><strong>{e(b)}</strong></p></section>' for b in p.body)
    bodyh += f'<p><span>{e(src_line)}</span></p>' + "".join(f"<p>{e(x)}</p>" for x in tail_lines)
    chrome = ["预览时标签不可点", "微信扫一扫关注该公众号", "阅读原文", "喜欢此内容的人还喜欢", "微信扫一扫可打开此内容，使用完整服务",
              "继续滑动看下一个", "轻触阅读原文", f"{acct}向上滑动看下一个"]
    inner = (f'<div id="js_article"><h1 class="rich_media_title" id="activity-name">{e(p.title)}</h1>'
             f'<div id="meta_content"><span class="original">原创</span> <span>{e(g.person())}</span> '
             f'<a id="js_name">{e(acct)}</a> <em id="publish_time">{iso(d)} {r.randint(7, 21):02d}:{r.randint(0, 59):02d}</em></div>'
             f'<div class="rich_media_content" id="js_content">{bodyh}</div>'
             '<div class="tool"><a>阅读原文</a> <span>阅读 10万+</span> <a>赞赏</a> <a>在看</a> <a>分享</a></div>'
             '<div>喜欢此内容的人还喜欢</div>' + "".join(f"<p>{e(x)}</p>" for x in chrome if x not in ("阅读原文", "喜欢此内容的人还喜欢"))
             + "</div>")
    p.boiler = chrome
    p.html = shell(p.title, f'<meta property="og:title" content="{e(p.title)}"><meta name="author" content="{e(acct)}">',
                   inner, "utf-8")
    p.notes = "WeChat repost; 来源/编辑/审核 tail lines neutral"
    return p


TW_SENT = ["為落實長期照顧政策，本府持續擴充社區照顧關懷據點，提供長者就近參與健康促進活動",
           "本次補助計畫受理期間自即日起至本月底止，逾期恕不受理",
           "市長表示，將持續推動公共住宅興建，讓青年及弱勢家庭安心居住",
           "環境保護局提醒民眾，颱風過後應儘速清除積水容器，防範登革熱疫情",
           "為提升行政效率，各機關應全面推動線上申辦服務，減少民眾往返奔波",
           "本案經審查委員會審議通過，核定補助經費新臺幣三千二百萬元",
           "交通局指出，捷運延伸線工程預計於明年底完工通車",
           "衛生局呼籲，六十五歲以上長者應儘早接種流感疫苗，以降低重症風險",
           "教育處將辦理教師專業增能研習，強化雙語教學及數位學習能力",
           "農業局輔導在地農民導入智慧農業設備，提升農產品品質與產值",
           "觀光旅遊局規劃一系列節慶活動，歡迎民眾踴躍參與",
           "勞工局提供失業勞工職業訓練及就業媒合服務，協助儘速重返職場"]
TW_PLACE = ["臺中市政府", "新竹縣政府", "嘉義市政府", "宜蘭縣政府", "屏東縣政府", "花蓮縣政府", "高雄市政府", "桃園市政府"]
TW_UNIT = ["社會局", "環境保護局", "交通局", "衛生局", "教育處", "農業局", "勞工局", "觀光旅遊局", "新聞處"]
HK_SENT = ["政府今日公布，將於下月起推出新一輪資助計劃，協助中小企業提升競爭力",
           "發言人表示，當局會密切留意市場情況，並適時作出適當的應對措施",
           "有關計劃的詳情已上載至相關網頁，市民可瀏覽查閱",
           "食物環境衞生署提醒市民，應保持環境衞生，防止蚊患滋生",
           "運輸署呼籲駕駛人士留意交通消息，並預留充足時間前往目的地",
           "局方會繼續與業界保持溝通，確保措施順利推行",
           "該會議由政務司司長主持，多個政策局及部門代表出席"]


def tw_para(g: G, pool: list[str]) -> str:
    return "，".join(g.r.sample(pool, g.r.randint(1, 3))) + "。"


def fam_tw(g: G) -> Page:
    """Taiwan local-government news release: 發布日期 民國 years, 發布單位, Big5 or UTF-8."""
    p = Page("新聞")
    p.kind = "新闻"
    r = g.r
    gov = r.choice(TW_PLACE)
    unit = r.choice(TW_UNIT)
    d = g.date(2020, 2025)
    roc = d[0] - 1911
    p.title = r.choice(["守護長者健康　", "便民再升級　", "", ""]) + r.choice(
        ["本府推動", "市府宣布", "縣府辦理"]) + r.choice(["社區照顧據點擴充計畫", "智慧農業輔導方案", "公共住宅第二期招租",
                                                      "秋冬流感疫苗接種", "防颱整備工作", "青年就業促進措施"])
    p.date = p.published = iso(d)
    p.body = [tw_para(g, TW_SENT) for _ in range(r.randint(2, 7))]
    p.body = list(dict.fromkeys(p.body))
    datef = r.choice([f"{roc}-{d[1]:02d}-{d[2]:02d}", f"{roc}年{d[1]}月{d[2]}日", f"{roc}/{d[1]:02d}/{d[2]:02d}"])
    meta_rows = [("發布日期", datef), ("發布單位", unit), ("點閱次數", str(r.randint(50, 9000)))]
    if r.random() < 0.5:
        meta_rows.append(("更新日期", f"{roc}-{d[1]:02d}-{min(28, d[2] + 2):02d}"))
    crumb = "首頁 > 新聞與公告 > 本府新聞"
    chrome = ["跳到主要內容區塊", "網站導覽", "English", "回上一頁", "友善列印", "字級設定：小 中 大", crumb,
              f"{gov}版權所有", f"{gov}地址：{r.choice(['府前路', '中山路', '民生路'])}{r.randint(1, 300)}號",
              "最佳瀏覽解析度1280x768", "隱私權保護政策", "政府網站資料開放宣告"]
    style = r.choice(["dl", "table", "span"])
    if style == "dl":
        mh = "<dl>" + "".join(f"<dt>{k}</dt><dd>{e(v)}</dd>" for k, v in meta_rows) + "</dl>"
    elif style == "table":
        mh = "<table class='info'>" + "".join(f"<tr><th>{k}</th><td>{e(v)}</td></tr>" for k, v in meta_rows) + "</table>"
    else:
        mh = "<div class='info'>" + "　".join(f"<span>{k}：{e(v)}</span>" for k, v in meta_rows) + "</div>"
    p.boiler = chrome + [f"{k}：{v}" for k, v in meta_rows] + [f"{k} {v}" for k, v in meta_rows]
    contact = f"新聞聯絡人：{unit}{r.choice(['科長', '股長', '專員'])}{g.tperson()}　電話：0{r.randint(2, 8)}-{r.randint(2000000, 9999999)}"
    p.neutral = [contact]
    inner = ('<a href="#C">跳到主要內容區塊</a><div class="hd"><a>網站導覽</a> <a>English</a></div>'
             f'<div class="crumb">{crumb}</div><div id="C"><h2 class="title">{e(p.title)}</h2>{mh}'
             f'<div class="tool"><a>回上一頁</a> <a>友善列印</a> <span>字級設定：小 中 大</span></div>'
             f'<div class="cp">{ps(p.body)}<p>{e(contact)}</p></div></div><div class="ft">'
             + "".join(f"<p>{e(x)}</p>" for x in chrome[7:]) + "</div>")
    enc = r.choice(["big5", "big5-nometa", "utf-8"])
    p.encoding = "big5" if enc.startswith("big5") else "utf-8"
    p.html = shell(f"{p.title}-{gov}", "", inner, None if enc == "big5-nometa" else p.encoding)
    p.notes = f"Taiwan page, 民國 date {datef}, meta style {style}, encoding {enc}; contact line neutral"
    return p


def fam_hk(g: G) -> Page:
    """Hong Kong press release: date + time at the end, 完 line, no date near the title."""
    p = Page("新闻")
    r = g.r
    d = g.date(2020, 2025)
    wk = "一二三四五六日"[(d[2] + d[1]) % 7]
    p.title = r.choice(["政府公布新一輪中小企業資助計劃", "運輸署公布特別交通安排", "食環署加強防治蚊患工作",
                        "政務司司長主持跨部門會議"])
    p.date = p.published = iso(d)
    p.body = [tw_para(g, HK_SENT) for _ in range(r.randint(2, 6))]
    p.body = list(dict.fromkeys(p.body))
    ending = [f"{d[0]}年{d[1]}月{d[2]}日（星期{wk}）", f"香港時間{r.randint(10, 23)}時{r.randint(10, 59)}分"]
    p.neutral = ["完", *ending]
    chrome = ["政府新聞網", "新聞公報", "繁體版 | 簡體版 | English", "重要告示 | 私隱政策 | 無障礙", "香港特別行政區政府版權所有",
              "列印此頁", "電郵此頁"]
    inner = (f'<div class="hd">{"".join(f"<span>{x}</span> " for x in chrome[:3])}</div>'
             f'<span id="PRHeadlineSpan">{e(p.title)}</span><div id="pressrelease">'
             + "<br>\n".join("　　" + e(x) + "<br>" for x in p.body)
             + f"<br>　　完<br><br><p>{e(ending[0])}<br>{e(ending[1])}</p></div><div class='tool'><a>列印此頁</a> <a>電郵此頁</a></div>"
             f'<div class="ft">{chrome[3]}<br>{chrome[4]}</div>')
    p.boiler = chrome
    p.encoding = r.choice(["utf-8", "big5hkscs"])
    p.html = shell(p.title, "", inner, "big5" if p.encoding == "big5hkscs" else p.encoding)
    p.notes = "HK press release; dateline+time after 完 (neutral); paragraphs as <br> runs"
    return p


def sign_block(organ: str, d: tuple[int, int, int]) -> str:
    return f'<p style="text-align:right">{e(organ)}</p><p style="text-align:right">{e(cn(d))}</p>'


def fam_township(g: G) -> Page:
    """Township 公示/公告: very short, 公示期, 联系电话, 落款 organ + date; publication date differs."""
    p = Page("公文")
    r = g.r
    town = g.town()
    county = g.county()
    organ = town.replace("街道", "街道办事处") if town.endswith("街道") else town + "人民政府"
    d = g.date()
    pubd = later(d, r.randint(0, 3))
    what = r.choice(["低保对象", "临时救助对象", "高龄津贴发放对象", "耕地地力保护补贴面积", "村级公益事业建设项目",
                     "农村危房改造对象"])
    p.title = f"{town}关于{d[0]}年第{r.randint(1, 4)}批{what}的公示"
    p.issuer = organ
    p.date = iso(d)
    p.published = iso(pubd)
    days = r.choice([5, 7, 7, 10])
    p.body = [f"根据《{county}{what}认定管理办法》有关规定，经村（社区）评议、{town}审核，现将{what}"
              f"{r.randint(3, 60)}户予以公示。",
              f"公示期：{cn(d)}至{cn(later(d, days))}（{days}个工作日）。",
              f"公示期间如有异议，请以书面或电话形式向{organ}反映。",
              f"联系电话：0{r.randint(700, 799)}-{r.randint(2000000, 8999999)}"]
    if r.random() < 0.4:
        p.body.insert(1, f"{what}名单详见附件。")
        p.body.append(f"附件：{town}{what}名单")
    if r.random() < 0.3:
        p.body = p.body[:1] + p.body[2:]  # very short
    p.body += [organ, cn(d)]
    site = f"{county}人民政府"
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    info = f"发布时间：{iso(pubd)}　浏览次数：{r.randint(10, 900)}　【打印】【关闭】"
    crumb = f"当前位置：首页 > 乡镇动态 > {town}"
    p.boiler = bp + fl + [crumb, info, "扫一扫在手机打开当前页"]
    inner = (navh + f'<div class="crumb">{e(crumb)}</div><div class="art"><h2>{e(p.title)}</h2>'
             f'<div class="info">{e(info)}</div><div class="con">{ps(p.body[:-2], indent=True)}'
             f'{sign_block(organ, d)}</div><div class="qr">扫一扫在手机打开当前页</div></div>{foot}')
    charset = r.choice(["utf-8", "gb2312", None])
    p.encoding = "utf-8" if charset == "utf-8" else "gbk"
    p.html = shell(f"{p.title}_{site}", "", inner, charset)
    p.notes = f"township 公示; 落款 date {iso(d)} ≠ 发布时间 {iso(pubd)}; charset {charset}"
    return p


def fam_tender(g: G) -> Page:
    """招标/采购 result announcement with a table and 联系方式 blocks."""
    p = Page("公文")
    r = g.r
    city = g.city()
    buyer = f"{city}{r.choice(['教育局', '卫生健康委员会', '城市管理局', '自然资源和规划局'])}"
    agent = f"{r.choice(PLACE1)}{r.choice(['工程咨询', '招标代理', '项目管理'])}有限公司"
    proj = f"{city}{r.choice(['中小学课桌椅', '城区路灯维护', '办公设备', '医疗设备', '监控系统升级'])}采购项目"
    code = f"{r.choice('ABCDLJ')}{r.choice('ABCDLJ')}{r.randint(2021, 2025)}-{r.randint(1, 999):03d}"
    d = g.date()
    p.title = f"{proj}{r.choice(['中标结果公告', '成交结果公告', '公开招标公告'])}"
    p.date = iso(d)
    p.issuer = agent
    head = ["序号", "包号", "供应商名称", "中标金额（元）"]
    rows = []
    for i in range(r.randint(1, 4)):
        rows.append([str(i + 1), f"{i + 1}", f"{r.choice(PLACE1)}{r.choice(['科技', '建设', '电子', '商贸'])}有限公司",
                     f"{r.randint(10000, 9999999)}.00"])
    p.body = [f"一、项目编号：{code}", f"二、项目名称：{proj}", "三、中标信息"]
    p.body += [" ".join(head)] + [" ".join(x) for x in rows]
    p.body += [f"四、公告期限：自本公告发布之日起{r.choice([1, 3])}个工作日。",
               "五、联系方式", "1.采购人信息", f"名称：{buyer}", f"地址：{city}{r.choice(['人民路', '建设大道', '滨江路'])}{r.randint(1, 300)}号",
               f"联系方式：{g.person()} 0{r.randint(700, 799)}-{r.randint(2000000, 8999999)}",
               "2.采购代理机构信息", f"名称：{agent}", f"联系方式：{g.person()} 1{r.randint(3000000000, 8999999999)}",
               agent, cn(d)]
    site = f"{city}公共资源交易网"
    foot, fl = footer(g, site)
    info = f"发布时间：{iso(d)} {r.randint(8, 18):02d}:{r.randint(0, 59):02d}　信息来源：{site}"
    chrome = ["交易信息", "政府采购", "结果公告", "CA办理", "投标人登录", "专家登录", "我要投诉"]
    p.boiler = chrome + fl + [info]
    tbl = ("<table border=1><tr>" + "".join(f"<th>{x}</th>" for x in head) + "</tr>" +
           "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>")
    bh = ps(p.body[:3]) + tbl + ps(p.body[4 + len(rows):-2]) + sign_block(agent, d)
    inner = ('<div class="hd">' + "".join(f"<a>{x}</a> " for x in chrome) + f'</div><div class="art"><h3>{e(p.title)}</h3>'
             f'<p class="info">{e(info)}</p><div class="con">{bh}</div></div>{foot}')
    p.published = iso(d)
    p.html = shell(p.title, "", inner, r.choice(["utf-8", "gbk"]))
    p.encoding = "utf-8" if 'charset="utf-8"' in p.html else "gbk"
    p.notes = "tender result with table (cells joined by space)"
    return p


def fam_cadre(g: G) -> Page:
    """干部任前公示 with a name table; 落款 组织部 + date."""
    p = Page("公文")
    r = g.r
    county = g.county()
    organ = f"中共{county}委组织部"
    d = g.date()
    p.title = r.choice([f"{county}领导干部任前公示", f"{county}{d[0]}年第{r.randint(1, 6)}批干部任前公示公告"])
    p.issuer, p.date, p.published = organ, iso(d), iso(d)
    head = ["姓名", "性别", "出生年月", "学历", "现任职务", "拟任职务"]
    rows = []
    for _ in range(r.randint(2, 6)):
        rows.append([g.person(), r.choice("男女"), f"{r.randint(1970, 1995)}.{r.randint(1, 12):02d}",
                     r.choice(["大学", "研究生", "在职研究生"]),
                     f"{g.town()}{r.choice(['党委副书记', '副镇长', '党委委员'])}",
                     f"{county}{r.choice(['发展和改革局', '财政局', '农业农村局', '民政局'])}{r.choice(['局长', '副局长'])}"])
    days = 5
    p.body = ["为进一步扩大选人用人民主，现将拟任职干部情况予以公示。",
              f"公示时间：{cn(d)}至{cn(later(d, days + 2))}。",
              " ".join(head)] + [" ".join(x) for x in rows] + [
              f"公示期间，对公示对象有何问题，可通过来电、来信、来访等方式向{organ}反映。",
              f"举报电话：0{r.randint(700, 799)}-12380",
              f"举报网站：{r.choice(PLACE1)}12380.gov.cn",
              organ, cn(d)]
    site = f"{county}党建网"
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    info = f"{iso(d)}　来源：{organ}　阅读：{r.randint(100, 9000)}"
    p.boiler = bp + fl + [info]
    tbl = ("<table>" + "<tr>" + "".join(f"<td><b>{x}</b></td>" for x in head) + "</tr>" +
           "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>")
    bh = ps(p.body[:2], True) + tbl + ps(p.body[3 + len(rows):-2], True) + sign_block(organ, d)
    inner = navh + f'<div class="art"><h1>{e(p.title)}</h1><div class="info">{e(info)}</div>{bh}</div>{foot}'
    p.origin = organ
    p.html = shell(f"{p.title}-{site}", "", inner, "utf-8")
    p.notes = "cadre pre-appointment notice; name table; 来源 in info bar = organ"
    return p


def fam_report(g: G) -> Page:
    """政府工作报告 with an in-page 目录 of anchors, subtitle, speaker line, 50+ paragraphs."""
    p = Page("讲话")
    r = g.r
    county = g.county() if r.random() < 0.5 else g.city()
    d = g.date()
    head = f"{county}人民政府{'县长' if county.endswith('县') else '区长' if county.endswith('区') else '市长'} {g.person()}"
    p.title = "政府工作报告"
    p.subtitle = f"——{cn(d)}在{county}第{cnnum(r.randint(14, 19))}届人民代表大会第{cnnum(r.randint(1, 5))}次会议上"
    p.date = iso(d)
    p.published = iso(later(d, 2))
    secs = ["过去一年工作回顾", f"{d[0]}年工作总体要求和主要目标", f"{d[0]}年重点工作", "加强政府自身建设"]
    body = ["各位代表："]
    body.append(f"现在，我代表{county}人民政府，向大会报告工作，请予审议，并请{county}政协委员和其他列席人员提出意见。")
    for i, s in enumerate(secs):
        body.append(f"{NUMS[i]}、{s}")
        for j in range(r.randint(2, 4)):
            body.append(f"（{NUMS[j]}）{r.choice(VERB)}{g.topic()}。")
            body += [g.para(2, 5) for _ in range(r.randint(2, 5))]
    body.append("各位代表！" + g.para(1, 2))
    p.body = body
    toc = [f"{NUMS[i]}、{s}" for i, s in enumerate(secs)]
    p.neutral = [head, p.subtitle]
    # 目录 entries duplicate headings: annotation is silent -> treat the 目录 box as page navigation (boilerplate
    # would contradict the body, so leave them out of boilerplate and out of neutral)
    site = f"{county}人民政府门户网站"
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    info = f"发布日期：{p.published}　来源：{county}人民政府办公室　【字体：大 中 小】"
    p.boiler = bp + fl + [info]
    p.origin = f"{county}人民政府办公室"
    bh = ""
    k = 0
    for b in body:
        if b[1:2] == "、" and b[0] in NUMS:
            bh += f'<h3 id="s{k}">{e(b)}</h3>'
            k += 1
        else:
            bh += f"<p>{e(b)}</p>"
    tocx = '<div class="toc"><b>目录</b><ul>' + "".join(f'<li><a href="#s{i}">{e(t)}</a></li>' for i, t in enumerate(toc)) + "</ul></div>"
    lay = r.choice(["sub-in-con", "sub-outside", "toc-first"])
    subh = f'<p class="sub">{e(p.subtitle)}</p><p class="spk">{e(head)}</p>'
    if lay == "sub-in-con":
        mid = f'<div class="con">{subh}{tocx}{bh}</div>'
    elif lay == "sub-outside":
        mid = f'{subh}{tocx}<div class="con">{bh}</div>'
    else:
        mid = f'{tocx}{subh}<div class="con">{bh}</div>'
    p.notes += f"; layout {lay}"
    inner = navh + f'<div class="art"><h1>{e(p.title)}</h1><div class="info">{e(info)}</div>{mid}</div>{foot}'

    p.html = shell(f"{p.title}_{site}", "", inner, r.choice(["utf-8", None]))
    p.encoding = "utf-8" if "charset" in p.html[:80] else "gbk"
    p.notes = f"report, {len(body)} paragraphs" + p.notes + "; 目录 box before subtitle (not in body, not boilerplate); speaker neutral"
    return p


def fam_minutes(g: G) -> Page:
    """会议纪要: number line, date line, 出席/列席, 议定事项."""
    p = Page("公文")
    r = g.r
    county = g.county()
    d = g.date()
    kind = r.choice(["县长办公会议", "常务会议", "专题会议"])
    p.title = f"{county}人民政府{kind}纪要"
    num = f"〔{d[0]}〕{r.randint(1, 40)}号"
    p.doc_number = num
    p.date = iso(d)
    p.issuer = f"{county}人民政府办公室"
    p.body = [f"{cn(d)}，{g.person()}同志主持召开{kind}，研究{g.topic()}等事项。现将会议议定事项纪要如下："]
    for i in range(r.randint(2, 5)):
        p.body.append(f"{NUMS[i]}、关于{g.topic()}有关事项")
        p.body += [g.para(1, 3) for _ in range(r.randint(1, 2))]
    p.body.append("出席：" + "、".join(g.person() for _ in range(r.randint(3, 6))))
    p.body.append("列席：" + "、".join(f"{g.county()}{r.choice(['财政局', '住建局', '水利局'])}" for _ in range(3)))
    site = f"{county}人民政府"
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    pub = later(d, r.randint(1, 9))
    p.published = iso(pub)
    rows = [("索引号", f"{r.randint(10000000, 99999999)}/{d[0]}-{r.randint(10000, 99999)}"), ("发布机构", p.issuer),
            ("生成日期", iso(pub)), ("主题分类", "综合政务")]
    meta = "<table class='xxgk'>" + "".join(f"<tr><td>{k}：</td><td>{e(v)}</td></tr>" for k, v in rows) + "</table>"
    p.boiler = bp + fl + [f"{k}：{v}" for k, v in rows if len(k + v) >= 6]
    # NB meta table is 生成日期 (publication), the 纪要's own date is only the date line under the number
    lay = r.choice(["inside", "outside"])
    numh = f'<p style="text-align:center">{e(num)}</p><p style="text-align:right">{e(p.issuer)}　　　{e(cn(d))}</p>'
    if lay == "inside":
        mid = f'<div class="con">{numh}{ps(p.body, True)}</div>'
    else:
        mid = f'{numh}<div class="con">{ps(p.body, True)}</div>'
    p.notes += f"; number/date lines {lay} the content div"
    inner = navh + meta + f'<div class="art"><h1>{e(p.title)}</h1>{mid}</div>{foot}'

    p.neutral = [num, f"{p.issuer}　　　{cn(d)}"]
    p.html = shell(p.title, "", inner, "utf-8")
    p.notes = "会议纪要" + p.notes + "; number line and organ+date line under the title are neutral; 生成日期 in metadata ≠ meeting date"
    return p


def fam_qa(g: G) -> Page:
    """Policy Q&A: 问：…/答：… pairs, 来源 in info bar."""
    p = Page("新闻")
    r = g.r
    city = g.city()
    dept = f"{city}{r.choice(['发展和改革委员会', '人力资源和社会保障局', '住房和城乡建设局', '医疗保障局'])}"
    law = f"《{city}{g.topic()}{r.choice(['实施办法', '若干措施', '管理暂行办法'])}》"
    d = g.date()
    p.title = f"{law}政策解读" if r.random() < 0.6 else f"一图读懂{law}" if False else f"关于{law}的问答"
    p.date = p.published = iso(d)
    p.origin = dept
    p.body = []
    for i in range(r.randint(3, 7)):
        q = f"{r.choice(['问', '问题'])}{'' if r.random() < .5 else cnnum(i + 1)}：{r.choice(['出台', '实施', '适用', '申请'])}{law if i == 0 else '该办法'}" \
            f"{r.choice(['的背景是什么', '的主要内容有哪些', '对哪些人群适用', '需要准备哪些材料', '有哪些创新举措'])}？"
        a = "答：" + g.para(1, 3)
        p.body += [q, a]
    info = f"时间：{iso(d)}　来源：{dept}　浏览量：{r.randint(100, 9000)}"
    site = f"{city}人民政府"
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    rel, rl = related(g, "相关文件", 3)
    p.boiler = bp + fl + rl + [info]
    style = r.choice(["p", "strong"])
    bh = "".join((f"<p><strong>{e(x)}</strong></p>" if style == "strong" and x.startswith("问") else f"<p>{e(x)}</p>") for x in p.body)
    inner = navh + f'<div class="art"><h1 class="t">{e(p.title)}</h1><div class="info">{e(info)}</div>{bh}</div>{rel}{foot}'
    p.html = shell(p.title, "", inner, "utf-8")
    p.notes = "policy Q&A"
    return p


def fam_pre(g: G) -> Page:
    """Whole text in a <pre>, hard-wrapped at ~34 chars, blank lines between paragraphs."""
    p = Page("公文")
    r = g.r
    county = g.county()
    organ = f"{county}人民政府办公室"
    d = g.date()
    p.title = f"{organ}关于做好{g.topic()}工作的通知"
    p.issuer, p.date = organ, iso(d)
    p.addressee = "各乡镇人民政府，县直各单位"
    p.body = [p.addressee + "："]
    p.body.append(f"为{r.choice(VERB)}{g.topic()}，经{county}人民政府同意，现就有关事项通知如下：")
    for i in range(r.randint(2, 4)):
        p.body += [f"{NUMS[i]}、{r.choice(VERB)}{r.choice(OBJ)}", g.para(2, 4)]
    p.body += [organ, cn(d)]
    p.body.append("（此件公开发布）")

    def wrap(t: str) -> str:
        w = 34
        return "\n".join(t[i:i + w] for i in range(0, len(t), w))

    text = "\n\n".join(wrap(x) if len(x) > 34 else x for x in p.body)
    site = f"{county}政务公开网"
    foot, fl = footer(g, site)
    p.boiler = [*fl, "【关闭窗口】", "【打印本页】"]
    inner = (f'<h2 align="center">{e(p.title)}</h2><pre style="white-space:pre-wrap">{e(text)}</pre>'
             f'<div><a>【打印本页】</a> <a>【关闭窗口】</a></div>{foot}')
    p.html = shell(p.title, "", inner, r.choice(["utf-8", "gb2312"]))
    p.encoding = "utf-8" if 'charset="utf-8"' in p.html else "gbk"
    p.notes = "<pre> page, paragraphs hard-wrapped at 34 chars (gold joins them)"
    return p


def fam_brdiv(g: G) -> Page:
    """One <div> with &nbsp; indents and <br><br> paragraphs; date in a span far from the title."""
    p = Page("公文")
    r = g.r
    city = g.city()
    organ = f"{city}{r.choice(['应急管理局', '市场监督管理局', '生态环境局', '交通运输局'])}"
    d = g.date()
    p.title = f"{organ}关于开展{g.topic()}{r.choice(['专项检查', '集中整治', '宣传月活动'])}的通告"
    p.issuer, p.date = organ, iso(d)
    p.body = [g.para(1, 2) for _ in range(r.randint(1, 2))] + [f"{NUMS[i]}、{g.para(1, 2)}" for i in range(r.randint(2, 5))]
    p.body.append("特此通告。")
    p.body += [organ, cn(d)]
    bh = "<br><br>".join("&nbsp;&nbsp;&nbsp;&nbsp;" + e(x) for x in p.body)
    site = f"{city}人民政府"
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    pubspan = f"{iso(later(d, 1))}"
    p.published = pubspan
    hits = f"点击数：{r.randint(10, 9000)}"
    p.boiler = bp + fl + [hits]
    inner = (navh + f'<table width="960"><tr><td class="tit">{e(p.title)}</td></tr><tr><td><div id="zoom">{bh}</div></td></tr>'
             f'<tr><td align="right"><span class="hits">{e(hits)}</span>　<span class="d">{pubspan}</span></td></tr></table>{foot}')
    p.html = shell(f"{site}-{p.title}", "", inner, r.choice(["utf-8", None]))
    p.encoding = "utf-8" if "charset" in p.html[:80] else "gbk"
    p.notes = "<br><br> paragraphs in one div; title in a table cell; publication date only in a span after the body"
    return p


def fam_meta_title(g: G) -> Page:
    """Title only in <meta name=ArticleTitle> and <title>; <h1> is the site logo; date only in URL + far span."""
    p = Page("新闻")
    r = g.r
    county = g.county()
    d = g.date()
    p.title = f"{county}{r.choice(['召开', '举行', '部署'])}{g.topic()}{r.choice(['工作会议', '推进会', '动员大会'])}"
    p.date = p.published = iso(d)
    p.body = [f"{d[1]}月{d[2]}日，{p.title[:len(county)]}{p.title[len(county):]}。{g.para(1, 2)}"] + [g.para() for _ in range(r.randint(1, 5))]
    site = f"{county}人民政府网"
    url = f"http://www.{r.choice(['hc', 'lj', 'qs', 'dh'])}.gov.cn/art/{d[0]}/{d[1]}/{d[2]}/art_{r.randint(100, 999)}_{r.randint(10000, 99999)}.html"
    head = (f'<meta name="ArticleTitle" content="{e(p.title)}"><meta name="PubDate" content="{iso(d)} {r.randint(8, 20):02d}:00">'
            f'<meta name="ContentSource" content="{e(county)}融媒体中心"><link rel="canonical" href="{url}">')
    foot, fl = footer(g, site)
    rel, rl = related(g, "推荐阅读", 4)
    p.boiler = fl + rl
    variant = r.choice(["span", "none"])
    tail = f'<div class="tm"><span>{iso(d)}</span></div>' if variant == "span" else ""
    if variant == "none":
        p.published = None
        p.notes = "date only in <meta PubDate> and URL path; gold takes meta PubDate as the publication date"
    else:
        p.notes = "title only in meta/ <title>; date in a span after the body"
    inner = (f'<h1 class="logo"><a href="/"><img src="logo.png" alt="{e(site)}"/>{e(site)}</a></h1>'
             f'<div class="con">{ps(p.body, True)}</div>{tail}{rel}{foot}')
    p.html = shell(f"{p.title}_{site}", head, inner, "utf-8")
    return p


def fam_attach(g: G) -> Page:
    """Notice with a PDF/DOC attachment link list after the 落款 and a 相关附件 download box."""
    p = Page("公文")
    r = g.r
    city = g.city()
    organ = f"{city}{r.choice(['财政局', '教育局', '民政局', '科学技术局'])}"
    d = g.date()
    what = r.choice(["专项资金申报", "先进集体和先进个人推荐", "示范项目评审", "年度考核"])
    p.title = f"{organ}关于{d[0]}年度{what}{r.choice(['工作的通知', '结果的公告'])}"
    p.issuer, p.date = organ, iso(d)
    p.addressee = f"各{r.choice(['区县', '有关单位'])}{r.choice(['财政局', '教育局', ''])}"
    p.body = [p.addressee + "：", g.para(2, 3), g.para(1, 3)]
    atts = [f"{what}{x}" for x in r.sample(["名单", "申报表", "评分标准", "汇总表", "承诺书"], r.randint(1, 3))]
    exts = [r.choice([".pdf", ".doc", ".docx", ".xls"]) for _ in atts]
    where = r.choice(["before-sign", "after-sign"])
    lines_att = [f"附件：{'1.' if len(atts) > 1 else ''}{atts[0]}{exts[0]}"] + [f"{i + 1}.{a}{x}" for i, (a, x) in enumerate(zip(atts, exts, strict=False)) if i]
    if where == "before-sign":
        p.body += [*lines_att, organ, cn(d)]
    else:
        p.body += [organ, cn(d), *lines_att]
    site = f"{city}人民政府"
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    info = f"发布时间：{iso(d)}　来源：{organ}"
    p.origin = organ
    p.published = iso(d)
    dl = ["相关附件：", "下载次数", "温馨提示：如无法打开附件，请安装WPS或Adobe Reader"]
    p.boiler = bp + fl + [info, "温馨提示：如无法打开附件，请安装WPS或Adobe Reader"]
    atth = "".join(f'<p><a href="/files/{r.randint(1000, 9999)}{x}">{e(t)}</a></p>' for t, x in zip(lines_att, [""] * len(lines_att), strict=False))
    if where == "before-sign":
        bh = ps(p.body[:3], True) + atth + sign_block(organ, d)
    else:
        bh = ps(p.body[:3], True) + sign_block(organ, d) + atth
    inner = (navh + f'<div class="art"><h1>{e(p.title)}</h1><div class="info">{e(info)}</div>{bh}</div>'
             f'<div class="down"><b>{dl[0]}</b>' + "".join(f'<p><a>{e(a + x)}</a> {dl[1]}：{r.randint(1, 300)}</p>' for a, x in zip(atts, exts, strict=False))
             + f'<p>{dl[2]}</p></div>{foot}')
    p.html = shell(p.title, "", inner, r.choice(["utf-8", "gbk"]))
    p.encoding = "utf-8" if 'charset="utf-8"' in p.html else "gbk"
    p.notes = f"attachment link list ({where}); 相关附件 download box repeats the names (download box is chrome)"
    return p


def fam_brief(g: G) -> Page:
    """One-paragraph news brief, GBK with no charset declared."""
    p = Page("新闻")
    r = g.r
    d = g.date()
    town = g.town()
    p.title = f"{town}开展{g.topic()}{r.choice(['宣传活动', '志愿服务', '专项巡查'])}"
    p.date = p.published = iso(d)
    p.body = [f"近日，{town}组织干部群众{r.randint(20, 300)}余人开展{g.topic()}活动。{g.para(1, 2)}"]
    p.author = g.person()
    site = f"{g.county()}人民政府"
    foot, fl = footer(g, site)
    info = f"{iso(d)}　作者：{p.author}　来源：{town}"
    p.origin = town
    prevnext = [f"上一篇：{g.town()}召开{g.topic()}会议", f"下一篇：{g.town()}部署{g.topic()}工作"]
    p.boiler = [*fl, info, *prevnext]
    inner = (f'<div class="hd">{e(site)}</div><div class="art"><h2>{e(p.title)}</h2><div class="info">{e(info)}</div>'
             f'<div class="con"><p>{e(p.body[0])}</p></div><div class="pn">' + "".join(f"<p>{e(x)}</p>" for x in prevnext) + f"</div></div>{foot}")
    p.html = shell(p.title, "", inner, None)
    p.encoding = "gbk"
    p.notes = "one-paragraph brief, GBK without charset"
    return p


def fam_tw_notice(g: G) -> Page:
    """Taiwan 公告: 中華民國 date line and 發文字號 under the title, 主旨/依據/公告事項 structure."""
    p = Page("公文")
    r = g.r
    gov = r.choice(TW_PLACE)
    d = g.date(2020, 2025)
    roc = d[0] - 1911
    what = r.choice(["預告訂定「社區照顧關懷據點補助要點」草案", "公告本縣公有零售市場攤位招租事宜", "公告受理長期照顧服務特約申請",
                     "預告修正「公共住宅出租辦法」部分條文草案"])
    p.title = f"{gov}公告"
    p.subtitle = None
    p.issuer = gov
    p.date = iso(d)
    p.doc_number = f"府{r.choice(['社', '農', '勞', '衛'])}字第{roc}{r.randint(1000000, 9999999)}號"
    datel = f"中華民國{roc}年{d[1]}月{d[2]}日"
    p.body = [f"主旨：{what}。", f"依據：{r.choice(['行政程序法第一百五十四條第一項', '地方制度法第二十七條', '長期照顧服務法第三十二條'])}。",
              "公告事項："]
    for i in range(r.randint(2, 4)):
        p.body.append(f"{NUMS[i]}、{tw_para(g, TW_SENT)}")
    mayor = f"{'市長' if '市' in gov else '縣長'}　{g.tperson()}"
    p.body.append(mayor)
    p.neutral = [datel, f"發文字號：{p.doc_number}"]
    chrome = ["跳到主要內容區塊", "網站導覽", "回首頁", "公告資訊", "友善列印", f"{gov}版權所有", "隱私權保護政策", "政府網站資料開放宣告"]
    p.boiler = chrome
    lay = r.choice(["lines", "table"])
    if lay == "lines":
        hdr = f'<p style="text-align:right">發文日期：{e(datel)}</p><p style="text-align:right">發文字號：{e(p.doc_number)}</p>'
        p.neutral[0] = f"發文日期：{datel}"
    else:
        hdr = f"<table><tr><td>發文日期</td><td>{e(datel)}</td></tr><tr><td>發文字號</td><td>{e(p.doc_number)}</td></tr></table>"
        p.neutral = [datel, p.doc_number]
    inner = ('<a href="#C">跳到主要內容區塊</a><div><a>網站導覽</a> <a>回首頁</a></div><div>公告資訊</div>'
             f'<div id="C"><h3>{e(p.title)}</h3>{hdr}<div class="cp">{ps(p.body)}</div><a>友善列印</a></div>'
             '<div class="ft">' + "".join(f"<p>{e(x)}</p>" for x in chrome[5:]) + "</div>")
    p.encoding = r.choice(["big5", "utf-8"])
    p.html = shell(f"{what[:12]}-{gov}", "", inner, p.encoding)
    p.notes = f"Taiwan 公告 with 中華民國 date ({lay}); title printed is just 'X政府公告'; signer line 市長 name in body"
    return p


def fam_multiline(g: G) -> Page:
    """Title printed over two <br>-separated lines; the 来源/作者 byline is the first <p> of the content."""
    p = Page("新闻")
    r = g.r
    county = g.county()
    d = g.date()
    l1 = f"{county}：{r.choice(VERB)}{g.topic()}"
    l2 = f"{r.choice(['全力', '奋力', '合力'])}{r.choice(['打造', '建设', '推进'])}{g.topic()}{r.choice(['样板', '示范区', '新高地'])}"
    p.title = l1 + l2
    p.date = p.published = iso(d)
    p.origin = f"{county}融媒体中心"
    p.author = g.person()
    far = r.random() < 0.5
    by = f"来源：{p.origin}　作者：{p.author}" + ("" if far else f"　发布时间：{iso(d)} {r.randint(8, 20):02d}:{r.randint(0, 59):02d}")
    p.body = [g.para() for _ in range(r.randint(2, 6))]
    photo = f"图为{county}{g.topic()}现场。{g.person()} 摄"
    p.neutral = [photo]
    site = f"{county}人民政府"
    navh, bp = nav(g, site)
    foot, fl = footer(g, site)
    p.boiler = bp + fl + [by]
    bh = f'<p class="by">{e(by)}</p>' + ps(p.body[:1], True) + f'<p style="text-align:center"><img src="a.jpg"/></p><p style="text-align:center">{e(photo)}</p>' + ps(p.body[1:], True)
    tail = f'<div class="date"><span>{iso(d)}</span></div>' if far else ""
    inner = navh + f'<div class="art"><h2>{e(l1)}<br/>{e(l2)}</h2><div class="con">{bh}</div>{tail}</div>{foot}'
    p.html = shell(f"{l1}{l2}-{site}", "", inner, "utf-8")
    p.notes = "two-line title joined; byline is first <p> of the content; photo caption neutral" + (
        "; date only in a bare span after the body" if far else "")
    return p


FAMILIES = [fam_portal_news, fam_wechat, fam_tw, fam_hk, fam_township, fam_tender, fam_cadre, fam_report,
            fam_minutes, fam_qa, fam_pre, fam_brdiv, fam_meta_title, fam_attach, fam_brief, fam_tw_notice, fam_multiline]


def canon(s: str) -> str:
    import unicodedata
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC")).lower()


def gold_of(p: Page, fname: str) -> dict[str, object]:
    body_all = "\n".join(p.body)
    bc = canon("".join(p.body))
    boiler = [b for b in dict.fromkeys(p.boiler)
              if len(canon(b)) >= 4 and canon(b) not in bc and b not in body_all and canon(b) != canon(p.title)]
    return {"file": fname, "kind": p.kind, "title": p.title, "subtitle": p.subtitle, "date": p.date,
            "published": p.published, "issuer": p.issuer, "doc_number": p.doc_number, "addressee": p.addressee,
            "origin": p.origin, "editor": p.editor, "author": p.author, "body": p.body, "neutral": p.neutral,
            "boilerplate": boiler, "notes": f"[{p.family}] {p.notes}"}


def generate(folder: Path, pages: int, seed: int) -> list[Path]:
    """Write pages c000.. of ``seed`` as ``folder/docs/cNNN.html`` with ``folder/gold/cNNN.gold.json``; the same
    seed gives the same bytes. Returns the pages written, in order."""
    g = G(random.Random(seed))
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for i in range(pages):
        fam = FAMILIES[i % len(FAMILIES)]
        p = fam(g)
        p.family = fam.__name__[4:]
        name = f"c{i:03d}"
        page = folder / "docs" / f"{name}.html"
        page.write_bytes(p.html.encode({"gbk": "gb18030"}.get(p.encoding, p.encoding)))
        (folder / "gold" / f"{name}.gold.json").write_text(
            json.dumps(gold_of(p, f"{name}.html"), ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(page)
    return written


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=102)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    generate(a.out, a.pages, a.seed)


if __name__ == "__main__":
    main()

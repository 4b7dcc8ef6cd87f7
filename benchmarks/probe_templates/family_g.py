"""Probe family G: invented pages in the DOM shapes of common CMS families, forums, blogs, WeChat saves and news
apps, and as crawler text dumps and Markdown clips, with gold (realdocs format), seeded and reproducible.

Written by a seventh helper without reading families A to F, as an independent check; run through
``benchmarks/probe_templates.py --family g`` (``generate``), or alone:

    python benchmarks/probe_templates/family_g.py --seed N --pages M --out DIR   # DIR/docs/gNNN.html|txt|md, DIR/gold/…

Page families (12 templates, page NNN uses template NNN % 12, each drawing a 公文 (通知/意见, 任免通知, or one with
table attachments), a news item or a speech): a TRS-like 信息公开 page (a metadata table of 索引号/发文机关/成文日期/发文字号
over TRS_Editor, the 落款 date sometimes only in the table, attachment download links, the attachment's text and
table, 版记); a 大汉-like page (#zoom in nested layout tables, 发布时间/来源/浏览次数 bar, 责任编辑); a 集约化 platform
page (ArticleTitle/PubDate/ContentSource metas, a print copy of the article hidden by inline style or by a <style>
class rule); a saved WeChat article (#js_content hidden, an empty #publish_time, the time only in ``var ct``,
来源/编辑 tail lines); a news-app <article> (JSON-LD, lazy images, author card, 展开全文, comments); a Discuz thread
reposting a 公文 (an edit note inside the post, replies, signature); a WordPress repost (blogger intro, comments,
widgets); an old GB2312 school or hospital table site (<td> text with <br> and &nbsp; indents); an article in page
divs joined on one page (第N页 marks, a pager); a desktop and a mobile copy of the article (the mobile one hidden
by inline style, by a media-query class rule, or in <noscript>).

Trap axes: besides the DOM shapes above, a crawler's text dump (.txt: one chrome token a line, 信息公开 fields
before the title) and a Markdown clip (.md: a line of menu links, ``# title``, a 发布时间/来源 line, 责任编辑, 相关阅读,
footer); paragraph style (<p>, <span> halves, <br> lines); GB2312 bytes; the date's source (落款, metadata table,
byline, ``var ct``). ``folder/manifest.tsv`` records each page's template and content; the gold's "notes" names
the template's conventions.

All text is invented here. Gold is built from the same data the page is rendered from (never re-read). The same
seed gives the same bytes (page gNNN is the generator's page NNN): change nothing that draws from the random
stream, or old seeds stop meaning what they meant.
"""

# ruff: noqa: E501  (vocabulary lists and markup templates are long literals, kept whole to be read as pages)

from __future__ import annotations

import argparse
import html
import json
import random
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

E = html.escape

# a template's page: its text, extension, facts for the gold (published, origin, editor, encoding, tail_neutral),
# boilerplate lines, neutral lines, notes
Rendered = tuple[str, str, dict[str, Any], list[str], list[str], str]

# ---------------------------------------------------------------- invented vocabulary
CITIES = ["临江市", "河川县", "松源市", "云岭县", "白沙区", "青石县", "柳塘市", "石门县", "汇川区", "北溪县"]
TOWNS = ["青石镇", "柳湾乡", "桃源街道", "双河镇", "龙潭乡", "清溪镇", "南埠街道", "杏林乡"]
SURN = list("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜谢邹喻苏潘葛范彭鲁韦马方俞任袁柳唐罗薛")
GIVEN = list("明远志强海燕建国晓东丽华文博思源宏伟春雨嘉欣立新国栋雪梅振华秀英永红学军德胜佳怡子涵浩然")
DEPTS = ["农业农村局", "教育局", "卫生健康委员会", "应急管理局", "生态环境局", "市场监督管理局", "交通运输局",
         "水利局", "住房和城乡建设局", "文化广电旅游局", "自然资源局", "民政局", "人力资源和社会保障局"]
TOPICS = ["春季森林防火", "农村饮水安全巩固提升", "城乡居民医疗保险参保缴费", "防汛抗旱", "校园食品安全",
          "安全生产大排查大整治", "农村人居环境整治提升", "高标准农田建设", "老旧小区改造", "河湖长制",
          "冬春季节传染病防控", "农民工工资支付保障", "营商环境优化提升", "秸秆综合利用", "道路交通安全专项整治",
          "义务教育课后服务", "养老服务体系建设", "耕地保护和粮食安全", "城市内涝治理", "地质灾害隐患排查"]
SUBJ = ["各级各部门", "各乡镇（街道）", "县直各有关单位", "各责任单位", "各行业主管部门", "属地政府", "各牵头部门",
        "各村（社区）", "各类市场主体", "相关职能部门", "各成员单位", "基层网格员"]
VERB = ["要切实加强", "应当进一步完善", "要统筹推进", "须严格落实", "要持续深化", "要全面排查", "应及时报送",
        "要认真组织", "要加快补齐", "要着力健全", "要主动对接", "要细化分解"]
OBJ = ["工作责任清单", "隐患整改台账", "应急物资储备", "监测预警机制", "资金拨付进度", "信息报送制度",
       "督导检查力度", "宣传引导工作", "项目建设进度", "长效管护机制", "考核评价办法", "联防联控体系",
       "基础数据核查", "群众诉求办理", "人员培训计划", "值班值守安排"]
TAIL = ["确保各项任务按期完成", "切实形成工作合力", "不断提升群众满意度", "坚决防止出现责任空档",
        "推动工作取得实效", "做到早发现早处置", "确保不留死角盲区", "为全县高质量发展提供有力保障",
        "切实守牢安全底线", "努力实现预期目标", "确保资金安全高效使用", "及时回应群众关切"]
NEWSV = ["召开专题会议研究部署", "组织开展现场观摩活动", "启动集中宣传月活动", "举行项目集中签约仪式",
         "开展联合执法检查", "组织专家实地调研", "举办业务技能培训班", "开展入户走访慰问"]
HEADS1 = ["总体要求", "重点任务", "保障措施", "工作目标", "主要内容", "实施步骤", "工作要求", "组织领导"]
HEADS2 = ["加强组织领导", "强化督促检查", "严格责任落实", "做好宣传引导", "加强经费保障", "注重统筹协调",
          "健全工作机制", "抓好信息报送"]
CNUM = "〇一二三四五六七八九"
CH1 = "一二三四五六七八九十"


def cn_year(y: int) -> str:
    return "".join(CNUM[int(c)] for c in str(y))


def cn_small(n: int) -> str:
    if n <= 10:
        return "十" if n == 10 else CH1[n - 1]
    if n < 20:
        return "十" + CH1[n - 11]
    t, u = divmod(n, 10)
    return CH1[t - 1] + "十" + (CH1[u - 1] if u else "")


def cn_date(d: datetime) -> str:
    return f"{cn_year(d.year)}年{cn_small(d.month)}月{cn_small(d.day)}日"


def ar_date(d: datetime) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def canon(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC")).lower()


class Gen:
    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def name(self) -> str:
        return self.r.choice(SURN) + "".join(self.r.sample(GIVEN, self.r.choice([1, 2])))

    def date(self) -> datetime:
        return datetime(2022, 1, 1) + timedelta(days=self.r.randrange(0, 1400), minutes=self.r.randrange(7 * 60, 20 * 60))

    def sent(self) -> str:
        r = self.r
        return f"{r.choice(SUBJ)}{r.choice(VERB)}{r.choice(TOPICS)}{r.choice(OBJ)}，{r.choice(TAIL)}。"

    def para(self, lo: int = 2, hi: int = 4) -> str:
        return "".join(self.sent() for _ in range(self.r.randint(lo, hi)))

    def news_sent(self, city: str) -> str:
        r = self.r
        n = r.randint(12, 980)
        pct = f"{r.randint(1, 29)}.{r.randint(0, 9)}%"
        return r.choice([
            f"{r.choice(TOWNS)}{r.choice(NEWSV)}，{r.choice(SUBJ)}负责同志参加。",
            f"截至目前，{city}已累计完成{r.choice(TOPICS)}项目{n}个，同比增长{pct}。",
            f"据了解，{city}{r.choice(DEPTS)}今年以来{r.choice(VERB)[1:]}{r.choice(OBJ)}，{r.choice(TAIL)}。",
            f"活动现场，{self.name()}详细介绍了{r.choice(TOPICS)}有关情况，{r.choice(TAIL)}。",
            f"下一步，{city}将继续围绕{r.choice(TOPICS)}{r.choice(VERB)[1:]}{r.choice(OBJ)}，{r.choice(TAIL)}。",
            f"全年共发放补助资金{n}万元，惠及群众{r.randint(2, 90)}00余户。",
        ])

    def news_para(self, city: str) -> str:
        return "".join(self.news_sent(city) for _ in range(self.r.randint(2, 4)))


# ---------------------------------------------------------------- documents (content model)
# body items: (kind, text) with kind in p h addr sig date note attlabel atttitle table(rows)


def make_gongwen(g: Gen, *, table_att: bool = False, renmian: bool = False) -> dict[str, Any]:
    r = g.r
    city = r.choice(CITIES)
    short = city[0] + "政办"
    issuer = city + r.choice(["人民政府办公室", "人民政府"])
    if renmian:
        issuer = city + "人民政府"
        t = f"{issuer}关于{g.name()}等同志职务任免的通知"
    else:
        topic = r.choice(TOPICS)
        t = r.choice([f"{issuer}关于做好{topic}工作的通知",
                      f"{issuer}关于印发《{city}{topic}实施方案》的通知",
                      f"{issuer}关于进一步加强{topic}工作的意见"])
    d = g.date()
    num = f"{short}{'发' if r.random() < .5 else '函'}〔{d.year}〕{r.randint(1, 180)}号"
    addr = r.choice(["各乡镇人民政府、街道办事处，县直各单位", "各县（市、区）人民政府，市政府各部门，各直属机构",
                     "各区人民政府，市直各有关单位"])
    if city.endswith("县"):
        addr = "各乡镇人民政府、街道办事处，县直各单位"
    items: list[tuple[Any, ...]] = [("addr", addr + "：")]
    if renmian:
        items.append(("p", f"经{city}人民政府研究决定："))
        items.append(("p", "任命："))
        for _ in range(r.randint(2, 4)):
            items.append(("p", f"{g.name()}为{city}{r.choice(DEPTS)}{r.choice(['局长', '副局长', '副主任'])}；"))
        items.append(("p", "免去："))
        for _ in range(r.randint(1, 3)):
            items.append(("p", f"{g.name()}的{city}{r.choice(DEPTS)}{r.choice(['局长', '副局长'])}职务。"))
        items.append(("p", "以上同志试用期一年。"))
    else:
        items.append(("p", g.para(2, 3)))
        for i in range(r.randint(2, 4)):
            items.append(("h", f"{CH1[i]}、{r.choice(HEADS1)}"))
            if r.random() < .5:
                for j in range(r.randint(1, 3)):
                    items.append(("p", f"（{CH1[j]}）{r.choice(HEADS2)}。{g.para(1, 3)}"))
            else:
                items.append(("p", g.para()))
    att_titles = []
    if table_att or r.random() < .4:
        k = r.randint(1, 2)
        att_titles = [f"{city}{r.choice(TOPICS)}{r.choice(['工作任务分解表', '责任单位名单', '联络员名单'])}" for _ in range(k)]
        if k == 1:
            items.append(("p", f"附件：{att_titles[0]}"))
        else:
            items.append(("p", f"附件：1.{att_titles[0]}"))
            items.append(("p", f"2.{att_titles[1]}"))
    items.append(("sig", issuer))
    items.append(("date", cn_date(d) if r.random() < .7 else ar_date(d)))
    if r.random() < .6:
        items.append(("note", "（此件公开发布）"))
    banji = []
    if r.random() < .5:
        pd = d + timedelta(days=r.randint(1, 4))
        banji = [f"抄送：{city[-1]}委办公室，{city[-1]}人大常委会办公室，{city[-1]}政协办公室。",
                 f"{city}人民政府办公室　　　　　　{ar_date(pd)}印发"]
    atts = []
    for i, at in enumerate(att_titles):
        label = "附件" if len(att_titles) == 1 else f"附件{i + 1}"
        rows = [["序号", "单位名称", "联系人", "联系电话"]]
        for n in range(r.randint(3, 6)):
            rows.append([str(n + 1), city + r.choice(DEPTS), g.name(), f"0{r.randint(700, 799)}-{r.randint(2000000, 8999999)}"])
        atts.append((label, at, rows))
    items += [("cap", x) for x in banji]  # 版记 lines: neutral (see REPORT)
    return dict(kind="公文", title=t, subtitle=None, date=d, issuer=issuer, doc_number=num, addressee=addr,
                items=items, atts=atts, city=city, neutral=list(banji))


def make_news(g: Gen) -> dict[str, Any]:
    r = g.r
    city = r.choice(CITIES)
    t = r.choice([f"{city}{r.choice(NEWSV)}{r.choice(TOPICS)}工作",
                  f"{r.choice(TOWNS)}：{r.choice(TOPICS)}跑出“加速度”",
                  f"{city}{r.choice(DEPTS)}{r.choice(NEWSV)}"])
    d = g.date()
    items = [("p", g.news_para(city)) for _ in range(r.randint(3, 7))]
    neutral: list[str] = []
    if r.random() < .4:
        cap = f"图为{r.choice(TOWNS)}{r.choice(TOPICS)}工作现场。（{g.name()} 摄）"
        items.insert(r.randint(1, len(items) - 1), ("cap", cap))
        neutral.append(cap)
    if r.random() < .3:
        cr = f"（记者 {g.name()} 通讯员 {g.name()}）"
        items.append(("cap", cr))
        neutral.append(cr)
    return dict(kind="新闻", title=t, subtitle=None, date=d, issuer=None, doc_number=None, addressee=None,
                items=items, atts=[], city=city, neutral=neutral)


def make_speech(g: Gen) -> dict[str, Any]:
    r = g.r
    city = r.choice(CITIES)
    d = g.date()
    spk = g.name()
    head = city[-1] + "长"
    role = city + r.choice(["人民政府" + head, "副" + head])
    meet = f"全{city[-1]}{r.choice(TOPICS)}工作会议"
    t = f"在{meet}上的讲话"
    neutral: list[str] = []
    subtitle = None
    style = r.choice(["bracket", "dash", "plain"])
    if style == "dash":
        t = f"扎实做好{r.choice(TOPICS)}工作 奋力开创{city}发展新局面"
        subtitle = f"——在{meet}上的讲话"
    items = []
    if style == "bracket":
        dl = f"（{ar_date(d)}）"
        items.append(("cap", dl))
        neutral.append(dl)
    sl = f"{role} {spk}"
    items.append(("cap", sl))
    neutral.append(sl)
    if style == "dash":
        dl = ar_date(d)
        items.append(("cap", dl))
        neutral.append(dl)
    items.append(("p", "同志们："))
    items.append(("p", f"今天，我们召开{meet}，主要任务是总结去年工作，安排部署今年任务。" + g.para(1, 2)))
    for i in range(r.randint(2, 3)):
        items.append(("h", f"{CH1[i]}、{r.choice(['统一思想', '突出重点', '压实责任', '守牢底线', '真抓实干'])}，{r.choice(TAIL)}"))
        for _ in range(r.randint(1, 3)):
            items.append(("p", g.para()))
    items.append(("p", "同志们，" + g.para(1, 2)))
    return dict(kind="讲话", title=t, subtitle=subtitle, date=d, dated=style != "plain", issuer=None, doc_number=None, addressee=None,
                items=items, atts=[], city=city, neutral=neutral)


def gold_lines(doc: dict[str, Any]) -> list[str]:
    out = []
    for it in doc["items"]:
        if it[0] == "cap":
            continue
        out.append(it[1])
    for label, at, rows in doc["atts"]:
        out.append(label)
        out.append(at)
        out.extend(" ".join(row) for row in rows)
    return out


# ---------------------------------------------------------------- rendering helpers
def render_items(doc: dict[str, Any], style: str = "p", att_table: bool = True) -> str:
    """HTML of the document's own text, in a CMS-ish paragraph style."""
    parts = []
    for it in doc["items"]:
        k, t = it[0], it[1]
        if style == "br":
            pre = "&nbsp;&nbsp;&nbsp;&nbsp;" if k in ("p", "h") else ""
            if k in ("sig", "date"):
                pre = "&nbsp;" * 40
            parts.append(pre + E(t) + "<br>")
            continue
        if k == "h":
            parts.append(f'<p style="text-indent:2em"><strong>{E(t)}</strong></p>')
        elif k in ("sig", "date"):
            parts.append(f'<p style="text-align:right">{E(t)}</p>')
        elif k == "note":
            parts.append(f'<p style="text-indent:2em">{E(t)}</p>')
        elif k == "cap":
            parts.append(f'<p style="text-align:center"><span style="font-family:楷体">{E(t)}</span></p>')
        elif k == "p" and len(t) > 30 and style == "span":
            cut = len(t) // 2
            parts.append(f'<p style="text-indent:2em"><span style="font-size:16px">{E(t[:cut])}</span>'
                         f'<span style="font-family:仿宋_GB2312">{E(t[cut:])}</span></p>')
        else:
            parts.append(f'<p style="text-indent:2em">{E(t)}</p>')
    for label, at, rows in doc["atts"]:
        if style == "br":
            parts.append(E(label) + "<br>" + E(at) + "<br>")
            parts.extend("&nbsp;".join(E(c) for c in row) + "<br>" for row in rows) if not att_table else None
        else:
            parts.append(f"<p>{E(label)}</p><p style=\"text-align:center\"><strong>{E(at)}</strong></p>")
        if att_table:
            trs = "".join("<tr>" + "".join(f"<td>{E(c)}</td>" for c in row) + "</tr>" for row in rows)
            parts.append(f'<table border="1" cellspacing="0">{trs}</table>')
        elif style != "br":
            parts.extend(f"<p>{E(' '.join(row))}</p>" for row in rows)
    return "\n".join(parts)


def nav(g: Gen, city: str) -> list[str]:
    return [f"{city}人民政府门户网站", "首页", "政务公开", "政务服务", "互动交流", f"走进{city[:-1]}"]


def related(g: Gen, n: int = 4) -> list[str]:
    out = []
    for _ in range(n):
        c = g.r.choice(CITIES)
        out.append(f"{c}{g.r.choice(NEWSV)}{g.r.choice(TOPICS)}工作推进会")
    return out


def footer(g: Gen, city: str) -> list[str]:
    r = g.r
    return [f"主办单位：{city}人民政府办公室", f"网站标识码：{r.randint(3000000000, 3999999999)}",
            f"备案号：江ICP备{r.randint(10000000, 99999999)}号-{r.randint(1, 3)}",
            f"地址：{city}滨江大道{r.randint(1, 300)}号 邮编：{r.randint(300000, 399999)}"]


def pubstr(d: datetime, sep: str = "-", secs: bool = True) -> str:
    s = f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d} {d.hour:02d}:{d.minute:02d}"
    return s + (f":{d.second or 17:02d}" if secs else "")


def page(title_tag: str, head_extra: str, body: str, charset: str = "utf-8") -> str:
    return (f"<!DOCTYPE html>\n<html><head><meta charset=\"{charset}\"><title>{E(title_tag)}</title>{head_extra}"
            f"<style>body{{font-size:14px}}</style></head>\n<body>\n{body}\n</body></html>\n")


def ul(lines: list[str], cls: str) -> str:
    return f'<ul class="{cls}">' + "".join(f'<li><a href="/a/{i}.html">{E(x)}</a></li>' for i, x in enumerate(lines)) + "</ul>"


# ---------------------------------------------------------------- templates
# each returns (text, ext, extra fields: published/origin/editor/author, boilerplate lines, notes, encoding)

def t_trs(g: Gen, doc: dict[str, Any]) -> Rendered:
    """TRS WCM-like 信息公开 page: metadata table on top, TRS_Editor > TRS_PreAppend body."""
    r = g.r
    city = doc["city"]
    pub = doc["date"] + timedelta(days=r.randint(1, 9), hours=r.randint(0, 5))
    idx = f"{r.randint(11360000, 11369999)}/{pub.year}-{r.randint(10000, 99999):05d}"
    sig_has_date = r.random() < .6
    if not sig_has_date:
        doc["items"] = [it for it in doc["items"] if it[0] != "date"]
    meta_rows = [("索引号", idx), ("主题分类", "综合政务"), ("发文机关", doc["issuer"]),
                 ("成文日期", f"{doc['date'].year}-{doc['date'].month:02d}-{doc['date'].day:02d}"),
                 ("标题", doc["title"]), ("发文字号", doc["doc_number"]),
                 ("发布日期", f"{pub.year}-{pub.month:02d}-{pub.day:02d}")]
    tbl = "".join(f"<tr><td class=\"t\">{a}：</td><td>{E(b)}</td></tr>" for a, b in meta_rows)
    body_html = render_items(doc, r.choice(["p", "span"]))
    show_num = r.random() < .5
    numline = f'<p style="text-align:center">{E(doc["doc_number"])}</p>' if show_num else ""
    nv = nav(g, city)
    rel = related(g)
    ft = footer(g, city)
    bc = "当前位置：首页 > 政务公开 > 政府文件"
    dl, dl_neutral = "", []
    if doc["atts"]:
        links = [f"{lab}.{at}.docx" for lab, at, _ in doc["atts"]]
        dl = '<div class="fujian">相关附件：' + "".join(f'<p><a href="/files/{k}.docx">{E(x)}</a></p>' for k, x in enumerate(links)) + "</div>"
        dl_neutral = links
    tools = "【字体：大 中 小】 【打印本页】 【关闭窗口】"
    html_body = f"""
<div class="header"><div class="logo">{E(nv[0])}</div>{ul(nv[1:], 'nav')}</div>
<div class="crumb">{E(bc)}</div>
<div class="xxgk"><table class="xxgk_table">{tbl}</table></div>
<div class="article">
 <h1 class="title">{E(doc['title'])}</h1>
 {numline}
 <div class="tools">{E(tools)}</div>
 <div class="TRS_Editor"><div class="TRS_PreAppend" style="overflow-x: hidden; word-break: break-all">
 {body_html}
 </div></div>
 {dl}
 <div class="share">分享到：微信 微博 QQ空间</div>
</div>
<div class="rel"><h3>相关文章</h3>{ul(rel, 'rel')}</div>
<div class="footer">{''.join(f'<p>{E(x)}</p>' for x in ft)}<p>扫一扫在手机打开当前页</p></div>"""
    bp = [nv[0], bc, f"索引号：{idx}", "主题分类：综合政务", tools, "分享到：微信 微博 QQ空间", *rel, *ft,
          "扫一扫在手机打开当前页", f"发布日期：{pub.year}-{pub.month:02d}-{pub.day:02d}"]
    neutral = ([doc["doc_number"]] if show_num else []) + dl_neutral
    notes = "TRS-like 信息公开 page; date = 成文日期" + ("" if sig_has_date else " (only in the metadata table, the 落款 has no date)")
    return (page(doc["title"] + f"_{city}人民政府", "", html_body), "html",
            dict(published=f"{pub.year}-{pub.month:02d}-{pub.day:02d}", origin=None, editor=None), bp, neutral, notes)


def t_hanweb(g: Gen, doc: dict[str, Any]) -> Rendered:
    """大汉-like page: #zoom inside several nested layout tables, 来源/时间 bar in a td."""
    r = g.r
    city = doc["city"]
    pub = doc["date"] if doc["kind"] != "公文" else doc["date"] + timedelta(days=r.randint(1, 6))
    origin = city + r.choice(DEPTS)
    editor = g.name() if r.random() < .6 else None
    bar = f"发布时间：{pubstr(pub)}　　来源：{origin}　　浏览次数："
    nv = nav(g, city)
    ft = footer(g, city)
    rel = related(g, 3)
    ed = f'<tr><td align="right">【责任编辑：{E(editor)}】</td></tr>' if editor else ""
    html_body = f"""
<table width="1000" align="center"><tr><td>{''.join(f'<a href="#">{E(x)}</a> | ' for x in nv)}</td></tr></table>
<table width="1000" align="center" cellpadding="0"><tr><td width="12"></td><td>
 <table width="100%"><tr><td class="bt_link">您当前的位置：<a href="/">首页</a> &gt; <a href="#">{E(city)}要闻</a></td></tr></table>
 <table width="100%" border="0"><tr><td align="center" class="title"><font size="5"><b>{E(doc['title'])}</b></font></td></tr>
 {"<tr><td align='center'>" + E(doc['subtitle']) + "</td></tr>" if doc['subtitle'] else ''}
 <tr><td align="center" class="bar">{E(bar).replace('　', '&#12288;')}<script>document.write(_hits)</script></td></tr>
 <tr><td align="center">【<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 【<a href="javascript:window.print()">打印本页</a>】 【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
 <tr><td><table width="100%"><tr><td id="zoom" class="bt_content">
 {render_items(doc, r.choice(['p', 'span']))}
 </td></tr></table></td></tr>
 {ed}
 </table>
</td></tr></table>
<table width="1000" align="center"><tr><td><div>相关链接</div>{ul(rel, 'x')}</td></tr></table>
<table width="1000" align="center"><tr><td>{'<br>'.join(E(x) for x in ft)}</td></tr></table>"""
    bp = [nv[0], f"发布时间：{pubstr(pub)}", f"来源：{origin}", "浏览次数：", *rel, *ft, "打印本页", "关闭窗口",
          f"您当前的位置：首页 > {city}要闻"]
    if editor:
        bp.append(f"【责任编辑：{editor}】")
    return (page(doc["title"], "", html_body), "html",
            dict(published=pubstr(pub, secs=False).replace(" ", "T"), origin=origin, editor=editor), bp, [],
            "大汉-like layout tables with #zoom")


def t_jiyue(g: Gen, doc: dict[str, Any]) -> Rendered:
    """集约化-platform page: ArticleTitle/PubDate/ContentSource metas, visible body + hidden print copy."""
    r = g.r
    city = doc["city"]
    pub = doc["date"] + (timedelta(days=r.randint(1, 5), hours=2) if doc["kind"] == "公文" else timedelta())
    origin = city + r.choice(["人民政府办公室", "融媒体中心", "政务服务数据管理局"])
    metas = (f'<meta name="SiteName" content="{E(city)}人民政府"><meta name="ColumnName" content="通知公告">'
             f'<meta name="ArticleTitle" content="{E(doc["title"])}"><meta name="PubDate" content="{pubstr(pub)}">'
             f'<meta name="ContentSource" content="{E(origin)}"><meta name="Keywords" content="{E(r.choice(TOPICS))}">')
    inner = render_items(doc, "p")
    print_copy = (f'<div id="printContent" style="display:none"><h2>{E(doc["title"])}</h2>{inner}</div>'
                  if r.random() < .7 else
                  f'<div class="print-area hidden"><h2>{E(doc["title"])}</h2>{inner}</div>'
                  f'<style>.hidden{{display:none}}</style>')
    nv = nav(g, city)
    ft = footer(g, city)
    info = f"发布时间：{pubstr(pub, secs=False)}"
    src = f"信息来源：{origin}"
    html_body = f"""
<div class="top">{ul(nv, 'nav')}</div>
<div class="position">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>通知公告</a></div>
<div class="detail">
 <div class="detail-title">{E(doc['title'])}</div>
 {"<div class='detail-subtitle'>" + E(doc['subtitle']) + "</div>" if doc['subtitle'] else ''}
 <div class="detail-info"><span>{E(info)}</span><span>{E(src)}</span><span>浏览量：<i id="hits"></i></span>
 <span class="font">字号：<a>大</a><a>中</a><a>小</a></span><span><a onclick="printit()">打印</a></span></div>
 <div class="detail-content" id="UCAP-CONTENT">{inner}</div>
 {print_copy}
</div>
<div class="foot">{''.join(f'<p>{E(x)}</p>' for x in ft)}</div>"""
    bp = [nav(g, city)[0], "当前位置：首页 > 政务公开 > 通知公告", info, src, *ft]
    return (page(doc["title"] + "-" + city + "人民政府", metas, html_body), "html",
            dict(published=pubstr(pub, secs=False).replace(" ", "T"), origin=origin, editor=None), bp, [],
            "集约化 metas + hidden print copy (display:none) of the whole article")


def t_wechat(g: Gen, doc: dict[str, Any]) -> Rendered:
    """mp.weixin.qq.com save: #js_content visibility:hidden, times filled by script from var ct."""
    r = g.r
    acct = doc["city"] + r.choice(["发布", "融媒", "政务"])
    bj = timezone(timedelta(hours=8))
    pub = doc["date"].replace(tzinfo=bj)
    ct = int(pub.timestamp())
    secs = []
    if doc["subtitle"]:
        secs.append(f'<section style="text-align:center"><span style="font-size:14px">{E(doc["subtitle"])}</span></section>')
    for it in doc["items"]:
        k, t = it[0], it[1]
        if k == "h":
            secs.append(f'<section style="text-align:center"><span style="color:#c00"><strong>{E(t)}</strong></span></section>')
        elif k == "cap":
            secs.append(f'<p style="text-align:center"><img data-src="https://mmbiz.qpic.cn/x/{r.randint(1, 9**9)}/640" '
                        f'class="rich_pages wxw-img"></p><p style="text-align:center"><span style="font-size:12px;color:#888">{E(t)}</span></p>')
        else:
            secs.append(f'<p style="margin-bottom:1em"><span style="letter-spacing:1px;font-size:15px">{E(t)}</span></p>')
        if r.random() < .3:
            secs.append("<p><br></p>")
    for label, at, rows in doc["atts"]:
        secs.append(f"<p>{E(label)}</p><p><strong>{E(at)}</strong></p>")
        secs.append("<table>" + "".join("<tr>" + "".join(f"<td>{E(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>")
    from_line = f"来源：{doc['city']}融媒体中心"
    has_from = r.random() < .5
    editor = g.name()
    tail = (f'<p><span style="font-size:12px">{E(from_line)}</span></p>' if has_from else "") + \
        f'<p><span style="font-size:12px">编辑：{E(editor)}</span></p>'
    html_body = f"""
<div id="js_article" class="rich_media">
 <div class="rich_media_inner"><div id="page-content">
 <h1 class="rich_media_title" id="activity-name">
          {E(doc['title'])}
 </h1>
 <div id="meta_content" class="rich_media_meta_list">
  <span class="rich_media_meta rich_media_meta_text">{E(doc['city'])}融媒体中心</span>
  <span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">{E(acct)}</a></span>
  <em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>
 </div>
 <div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
 {''.join(secs)}
 {tail}
 </div>
 <div id="js_tags_preview_toast" style="display:none">预览时标签不可点</div>
 <div class="qr_code_pc"><p>微信扫一扫<br>关注该公众号</p></div>
 <div id="js_pc_qr_code"><span>继续滑动看下一个</span></div>
 <a id="js_view_source" href="#">阅读原文</a>
 <div class="rich_media_tool"><span>阅读</span><span>在看</span><span>分享</span></div>
 <div>喜欢此内容的人还喜欢</div>{ul(related(g, 3), 'like')}
 </div></div>
</div>
<script>var ct = "{ct}"; var nickname = "{E(acct)}"; var msg_title = "{E(doc['title'])}";
document.getElementById('publish_time').innerHTML = new Date(ct*1000).toLocaleString();
document.getElementById('js_content').style.visibility = 'visible';</script>"""
    bp = ["预览时标签不可点", "微信扫一扫关注该公众号", "继续滑动看下一个", "喜欢此内容的人还喜欢"]
    neutral: list[str] = []
    gold_extra = [from_line] if has_from else []
    # "编辑：X" at the end is the editor field, not text
    return (page(doc["title"], "", html_body), "html",
            dict(published=f"{pub.year}-{pub.month:02d}-{pub.day:02d}T{pub.hour:02d}:{pub.minute:02d}",
                 origin=(f"{doc['city']}融媒体中心" if has_from else None), editor=editor,
                 tail_neutral=gold_extra), bp, neutral,
            "WeChat save: body in visibility:hidden #js_content; date only from var ct (Beijing time)")


def t_bjh(g: Gen, doc: dict[str, Any]) -> Rendered:
    """百家号/澎湃-like: <article>, JSON-LD NewsArticle, lazy images, author card, 展开全文."""
    r = g.r
    pub = doc["date"]
    origin = doc["city"] + r.choice(["日报", "晚报", "新闻网"])
    author = g.name()
    editor = g.name() if r.random() < .6 else None
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": doc["title"],
                     "datePublished": pub.strftime("%Y-%m-%dT%H:%M:%S+08:00"),
                     "author": {"@type": "Person", "name": author}, "publisher": {"name": origin}}, ensure_ascii=False)
    parts = []
    for it in doc["items"]:
        k, t = it[0], it[1]
        if k == "cap":
            parts.append(f'<div class="img-container"><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" '
                         f'data-src="/img/{r.randint(1, 9**8)}.jpg"><span class="bjh-image-caption">{E(t)}</span></div>')
        elif k == "h":
            parts.append(f'<p><span class="bjh-p"><span class="bjh-strong">{E(t)}</span></span></p>')
        else:
            parts.append(f'<p><span class="bjh-p">{E(t)}</span></p>')
    rel = related(g, 5)
    fans = f"{r.randint(2, 90)}万粉丝"
    kind_word = r.choice(["政务", "资讯"])
    time_s = f"{pub.year}-{pub.month:02d}-{pub.day:02d} {pub.hour:02d}:{pub.minute:02d}"
    ed = f'<p class="editor">责任编辑：{E(editor)}</p>' if editor else ""
    html_body = f"""
<div class="header"><a>首页</a><a>下载APP</a><a>登录</a></div>
<div class="main">
<article>
 <div class="article-title"><h2>{E(doc['title'])}</h2></div>
 <div class="article-source"><div class="author-card"><img data-src="/avatar.png"><p class="author-name">{E(author)}</p>
   <p class="author-desc">{E(fans)} · 优质{E(kind_word)}领域创作者</p><span class="follow">关注</span></div>
   <span class="date">{E(time_s)}</span><span class="source">来源：{E(origin)}</span></div>
 <div class="article-content" style="max-height:600px;overflow:hidden">{''.join(parts)}</div>
 <div class="unfold"><span>展开全文</span></div>
 {ed}
 <div class="statement">本文为作者原创，未经授权不得转载。举报/反馈</div>
</article>
<aside><h3>为你推荐</h3>{ul(rel, 'rec')}<div class="hot">热搜榜</div></aside>
</div>
<div class="comment"><h3>评论</h3><p>{E(g.name())}：支持！为家乡点赞！</p><p>写下你的评论...</p></div>"""
    card = f"{fans} · 优质{kind_word}领域创作者"
    bp = [*rel, "本文为作者原创，未经授权不得转载。举报/反馈", card, "展开全文", "写下你的评论..."]
    bp = [b for b in bp if len(canon(b)) >= 4]
    return (page(doc["title"], f'<script type="application/ld+json">{ld}</script>', html_body), "html",
            dict(published=time_s.replace(" ", "T"), origin=origin, editor=editor), bp, [author],
            "news app page; author card name is chrome/neutral")


def t_discuz(g: Gen, doc: dict[str, Any]) -> Rendered:
    """Discuz-like thread reposting a 公文: body in td.t_f with <br>, pstatus edit note, replies, signature."""
    r = g.r
    user = "".join(r.sample("abcdefghjkmnpqrstuvwxyz", 6)) + str(r.randint(1, 99))
    pd = doc["date"] + timedelta(days=r.randint(2, 20), hours=3)
    pstatus = f"本帖最后由 {user} 于 {pd.year}-{pd.month}-{pd.day} {pd.hour:02d}:{pd.minute:02d} 编辑"
    lines = [E(doc["title"])]
    if r.random() < .5:
        lines.append(E(doc["doc_number"]))
    for it in doc["items"]:
        lines.append(("&nbsp;&nbsp;&nbsp;&nbsp;" if it[0] in ("p", "h") else "") + E(it[1]))
    for label, at, rows in doc["atts"]:
        lines += [E(label), E(at)] + ["&nbsp;&nbsp;".join(E(c) for c in row) for row in rows]
    content = "<br />\r\n".join(lines)
    replies = [f"感谢楼主分享，{r.choice(['收藏了', '学习了', '顶一个'])}！{r.randint(1, 99)}楼",
               f"请问{r.choice(TOWNS)}什么时候开始执行？", "路过帮顶，楼主辛苦了～"]
    sig = f"{r.choice(CITIES)}生活网——{r.choice(['有事就上生活网', '本地人的网上家园'])}"
    rep_html = "".join(f'<table id="pid{1000 + i}"><tr><td class="pls"><a class="xw1">{E(g.name())}</a></td>'
                       f'<td class="plc"><em>发表于 {pd.year}-{pd.month}-{pd.day} 1{i}:0{i}</em>'
                       f'<td class="t_f" id="postmessage_{1000 + i}">{E(x)}</td></td></tr></table>' for i, x in enumerate(replies))
    fname = doc["city"] + "社区"
    html_body = f"""
<div id="hd"><a>{E(fname)}</a> <a>登录</a> <a>立即注册</a></div>
<div id="pt"><a>{E(fname)}</a> › <a>论坛</a> › <a>政务资讯</a> › 查看内容</div>
<div id="postlist">
<table><tr><td class="plc ptm pbn"><h1 class="ts"><span id="thread_subject">{E(doc['title'])}</span></h1>
<span class="xg1">[复制链接]</span></td></tr></table>
<div id="post_999"><table id="pid999"><tr><td class="pls"><div class="authi"><a class="xw1">{E(user)}</a></div>
<dl><dt>主题</dt><dd>{r.randint(1, 300)}</dd><dt>帖子</dt><dd>{r.randint(100, 3000)}</dd><dt>积分</dt><dd>{r.randint(100, 9999)}</dd></dl></td>
<td class="plc"><div class="pi"><strong>楼主</strong><em id="authorposton999">发表于 {pd.year}-{pd.month}-{pd.day} {pd.hour:02d}:{pd.minute:02d}</em> | 只看该作者</div>
<div class="t_fsz"><table cellspacing="0" cellpadding="0"><tr><td class="t_f" id="postmessage_999">
<i class="pstatus"> {E(pstatus)} </i><br />
{content}</td></tr></table></div>
<div class="sign">{E(sig)}</div>
</td></tr></table></div>
{rep_html}
</div>
<div id="ft">Powered by Discuz! X3.4 © 2001-2025 Comsenz Inc. 手机版|小黑屋|{E(fname)}</div>"""
    bp = [pstatus, *replies, sig, f"{fname} › 论坛 › 政务资讯 › 查看内容", "Powered by Discuz! X3.4", "只看该作者", "[复制链接]"]
    neutral = [doc["doc_number"]]
    return (page(doc["title"] + f" - 政务资讯 - {fname}", "", html_body, "utf-8"), "html",
            dict(published=None, origin=None, editor=None), bp, neutral,
            "forum repost; the 公文 is the document (date = its 落款 date); post title repeated in the post is the title; edit note is chrome")


def t_wordpress(g: Gen, doc: dict[str, Any]) -> Rendered:
    """WordPress-like blog reposting a 公文, with intro, comments and widgets."""
    r = g.r
    pd = doc["date"] + timedelta(days=r.randint(1, 30))
    intro = f"转自{doc['city']}人民政府网站，供大家参考。" if r.random() < .6 else None
    cmts = [f"{g.name()}说：{r.choice(['谢谢博主整理', '终于等到这个文件了', '请问附件在哪里下载'])}",
            f"{g.name()}说：{r.choice(['已转发给同事', '很有用，收藏'])}"]
    widgets = ["近期文章", *related(g, 3), "文章归档", f"{pd.year}年{pd.month}月"]
    body = render_items(doc, "p")
    html_body = f"""
<div id="page" class="site"><header class="site-header"><p class="site-title"><a>{E(g.name())}的博客</a></p>
<p class="site-description">记录基层工作点滴</p></header>
<div id="content"><main id="main">
<article id="post-{r.randint(10, 999)}" class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{E(doc['title'])}</h1>
<div class="entry-meta"><span class="posted-on">发布于 <time class="entry-date published" datetime="{pd.strftime('%Y-%m-%dT%H:%M:%S+08:00')}">{pd.year}年{pd.month}月{pd.day}日</time></span>
<span class="byline"> 作者 <a>admin</a></span></div></header>
<div class="entry-content">
{f'<p><em>{E(intro)}</em></p>' if intro else ''}
{body}
</div>
<footer class="entry-footer"><span class="cat-links">分类：政策文件转载</span><span class="tags-links">标签：{E(r.choice(TOPICS))}</span></footer>
</article>
<div id="comments" class="comments-area"><h2 class="comments-title">《{E(doc['title'])}》上有{len(cmts)}条评论</h2>
<ol class="comment-list">{''.join(f'<li class="comment"><p>{E(c)}</p></li>' for c in cmts)}</ol>
<div id="respond"><h3>发表回复</h3><p>您的电子邮箱地址不会被公开。</p></div></div>
</main>
<aside id="secondary">{''.join(f'<section class="widget"><p>{E(w)}</p></section>' for w in widgets)}</aside></div>
<footer class="site-footer">自豪地采用WordPress</footer></div>"""
    bp = [*cmts, "您的电子邮箱地址不会被公开。", "分类：政策文件转载", "记录基层工作点滴", "自豪地采用WordPress",
          f"《{doc['title']}》上有{len(cmts)}条评论", *widgets]
    neutral = [intro] if intro else []
    return (page(doc["title"] + " – 博客", "", html_body), "html",
            dict(published=None, origin=None, editor=None), bp, neutral,
            "blog repost of a 公文; blogger intro neutral; date = the 公文's 落款 date")


def t_school(g: Gen, doc: dict[str, Any]) -> Rendered:
    """Old school/hospital table site, GB2312, text in <td> with <br> and &nbsp; indents."""
    r = g.r
    inst = doc["city"] + r.choice(["第一中学", "实验小学", "人民医院", "中医院", "职业技术学校"])
    pub = doc["date"]
    author = r.choice([g.name(), "办公室", "宣传科"])
    origin = r.choice(["本站原创", inst])
    editor = g.name() if r.random() < .5 else None
    bar = f"作者：{author}　　来源：{origin}　　点击数：{r.randint(10, 9000)}　　更新时间：{pub.year}-{pub.month}-{pub.day}"
    html_body = f"""
<table width="980" border="0" align="center"><tr><td height="90" background="/img/top.jpg"><font size="6">{E(inst)}</font></td></tr>
<tr><td class="menu">网站首页 | {E(r.choice(['学校概况', '医院概况']))} | 新闻动态 | 通知公告 | 联系我们</td></tr></table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr>
<td width="200" valign="top"><table><tr><td>最新更新</td></tr>{''.join(f'<tr><td>·{E(x)}</td></tr>' for x in related(g, 3))}</table></td>
<td valign="top"><table width="100%" cellpadding="6">
<tr><td align="center"><font color="#CC0000" size="4"><b>{E(doc['title'])}</b></font></td></tr>
<tr><td align="center"><font color="#666666">{E(bar).replace('　', '&nbsp;&nbsp;&nbsp;')}</font></td></tr>
<tr><td class="content" style="line-height:180%"><font face="宋体" style="font-size:10.5pt">
{render_items(doc, 'br', att_table=True)}
</font></td></tr>
{f'<tr><td align="right">（责任编辑：{E(editor)}）</td></tr>' if editor else ''}
<tr><td>上一篇：{E(related(g, 1)[0])}<br>下一篇：{E(related(g, 1)[0])}</td></tr>
</table></td></tr></table>
<table width="980" align="center"><tr><td align="center">版权所有：{E(inst)}　地址：{E(doc['city'])}人民路{r.randint(1, 99)}号　技术支持：{E(doc['city'])}网络科技有限公司</td></tr></table>"""
    bp = [f"作者：{author}", "点击数：", "更新时间：", f"版权所有：{inst}", "网站首页 | ", "新闻动态 | 通知公告 | 联系我们", "上一篇：", "下一篇："]
    bp = [b for b in bp if len(canon(b)) >= 4]
    if editor:
        bp.append(f"（责任编辑：{editor}）")
    return (page(doc["title"], "", html_body, "gb2312"), "html",
            dict(published=f"{pub.year}-{pub.month:02d}-{pub.day:02d}", origin=origin, editor=editor, enc="gb18030"),
            bp, [], "old table site, GB2312, text in <td> with <br>")


def t_multipage(g: Gen, doc: dict[str, Any]) -> Rendered:
    """Article split into several page divs joined on one page, with 第N页 markers and a pager."""
    r = g.r
    city = doc["city"]
    pub = doc["date"]
    origin = city + "新闻网"
    editor = g.name()
    items = doc["items"]
    k = min(3, max(2, len(items) // 3))
    cuts = sorted(r.sample(range(1, len(items)), k - 1))
    chunks, prev = [], 0
    for c in [*cuts, len(items)]:
        chunks.append(items[prev:c])
        prev = c
    divs = []
    for i, ch in enumerate(chunks):
        sub = dict(doc, items=ch, atts=doc["atts"] if i == len(chunks) - 1 else [])
        mark = f'<div class="page-mark">第{i + 1}页</div>' if i else ""
        divs.append(f'<div class="content-page" id="page_{i + 1}">{mark}{render_items(sub, "p")}</div>')
    pager = "上一页 " + " ".join(str(i + 1) for i in range(len(chunks))) + " 下一页"
    info = f"{pubstr(pub)}　来源：{origin}　作者：{g.name()}"
    html_body = f"""
<div class="nav">{ul(nav(g, city), 'n')}</div>
<div class="art"><h1>{E(doc['title'])}</h1>{"<h2>" + E(doc['subtitle']) + "</h2>" if doc['subtitle'] else ''}<div class="info">{E(info)}</div>
{''.join(divs)}
<div class="pager">{E(pager)}</div><div class="allpage"><a>全文阅读</a></div>
<div class="editor">【责任编辑：{E(editor)}】</div></div>
<div class="foot">{''.join(f'<p>{E(x)}</p>' for x in footer(g, city))}</div>"""
    bp = [info, f"【责任编辑：{editor}】", *footer(g, city)[:1], "全文阅读", pager]
    bp = [b for b in bp if len(canon(b)) >= 4]
    return (page(doc["title"], "", html_body), "html",
            dict(published=pubstr(pub, secs=False).replace(" ", "T"), origin=origin, editor=editor), bp, [],
            "article in several page divs with 第N页 markers (markers are chrome)")


def t_dupcopies(g: Gen, doc: dict[str, Any]) -> Rendered:
    """Desktop copy + mobile copy of the same article (mobile hidden by inline style or only by a CSS class)."""
    r = g.r
    city = doc["city"]
    pub = doc["date"] if doc["kind"] != "公文" else doc["date"] + timedelta(days=3)
    origin = city + r.choice(DEPTS)
    inner = render_items(doc, "p")
    how = r.choice(["inline", "class", "noscript"])
    if how == "inline":
        m = f'<div class="m-article" style="display: none;"><h2>{E(doc["title"])}</h2>{inner}</div>'
    elif how == "class":
        m = f'<div class="visible-xs m-article"><h2>{E(doc["title"])}</h2>{inner}</div>'
    else:
        m = f'<noscript><div class="nojs">{inner}</div></noscript>'
    info = f"时间：{pubstr(pub, secs=False)}　来源：{origin}"
    html_body = f"""
<style>@media (min-width:768px){{.visible-xs{{display:none!important}}}} @media (max-width:767px){{.hidden-xs{{display:none!important}}}}</style>
<div class="hidden-xs"><div class="pc-nav">{ul(nav(g, city), 'n')}</div></div>
<div class="container">
<div class="hidden-xs pc-article"><h1>{E(doc['title'])}</h1>{"<h3>" + E(doc['subtitle']) + "</h3>" if doc['subtitle'] else ''}
<p class="info">{E(info)}</p><div class="pc-content">{inner}</div></div>
{m}
</div>
<div class="foot">{''.join(f'<p>{E(x)}</p>' for x in footer(g, city))}</div>"""
    bp = [info, *footer(g, city)]
    return (page(doc["title"], '<meta name="viewport" content="width=device-width">', html_body), "html",
            dict(published=pubstr(pub, secs=False).replace(" ", "T"), origin=origin, editor=None), bp, [],
            f"desktop + mobile copy of the article (mobile hidden by {how}); body counted once")


def t_txt(g: Gen, doc: dict[str, Any]) -> Rendered:
    """Crawler text dump of a 信息公开 page: one chrome token a line, one paragraph a line."""
    r = g.r
    city = doc["city"]
    pub = doc["date"] + timedelta(days=r.randint(0, 4), hours=1)
    lines = ["当前位置：", "首页", ">", "政务公开", ">", "政策文件"]
    bp = [f"{city}人民政府门户网站"]
    lines.insert(0, bp[0])
    if doc["kind"] == "公文":
        lines += ["索引号：", f"{r.randint(11000000, 11999999)}/{pub.year}-{r.randint(100, 999)}", "发文机关：", doc["issuer"],
                  "发文字号：", doc["doc_number"], "成文日期：", f"{doc['date'].year}年{doc['date'].month:02d}月{doc['date'].day:02d}日",
                  "发布日期：", f"{pub.year}年{pub.month:02d}月{pub.day:02d}日"]
    lines.append(doc["title"])
    if doc["subtitle"]:
        lines.append(doc["subtitle"])
    origin = None
    if doc["kind"] != "公文":
        origin = city + "融媒体中心"
        lines += ["发布时间：", pubstr(pub), "来源：", origin, "【字体：", "大", "中", "小", "】"]
    for it in doc["items"]:
        lines.append(it[1])
    for label, at, rows in doc["atts"]:
        lines += [label, at] + [" ".join(row) for row in rows]
    tail = ["扫一扫在手机打开当前页", "【打印】", "【关闭】", "相关文章", *related(g, 3), *footer(g, city)]
    lines += tail
    bp += [x for x in tail if len(canon(x)) >= 4]
    return ("\n".join(lines) + "\n", "txt",
            dict(published=pubstr(pub, secs=False).replace(" ", "T"), origin=origin, editor=None), bp, [doc["doc_number"]] if doc["doc_number"] else [],
            "crawler text dump")


def t_md(g: Gen, doc: dict[str, Any]) -> Rendered:
    """Markdown clip of a page: nav links, # title, metadata line, paragraphs, table, footer links."""
    r = g.r
    city = doc["city"]
    pub = doc["date"]
    origin = city + r.choice(["日报", "发布"])
    editor = g.name()
    out = [" ".join(f"[{x}](https://www.example.gov/{i})" for i, x in enumerate(nav(g, city))), "",
           f"# {doc['title']}", ""]
    if doc["subtitle"]:
        out += [f"## {doc['subtitle']}", ""]
    out += [f"发布时间：{pubstr(pub, secs=False)} 来源：{origin}", ""]
    for it in doc["items"]:
        k, t = it[0], it[1]
        out += [(f"**{t}**" if k == "h" else t), ""]
    for label, at, rows in doc["atts"]:
        out += [label, "", f"**{at}**", "", "| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
        out += ["| " + " | ".join(rw) + " |" for rw in rows[1:]]
        out.append("")
    out += [f"责任编辑：{editor}", "", "---", "", "相关阅读", ""] + [f"- [{x}](https://www.example.gov/r{i})" for i, x in enumerate(related(g, 3))]
    out += ["", *footer(g, city)[:2]]
    bp = [f"发布时间：{pubstr(pub, secs=False)} 来源：{origin}", f"责任编辑：{editor}", "相关阅读", *footer(g, city)[:2]]
    return ("\n".join(out) + "\n", "md", dict(published=pubstr(pub, secs=False).replace(" ", "T"), origin=origin, editor=editor),
            bp, [], "markdown clip")


TEMPLATES = [
    ("trs", t_trs, ["gongwen", "renmian", "gongwen_tab"]),
    ("hanweb", t_hanweb, ["news", "speech", "gongwen"]),
    ("jiyue", t_jiyue, ["gongwen", "news", "speech"]),
    ("wechat", t_wechat, ["news", "speech", "gongwen"]),
    ("bjh", t_bjh, ["news"]),
    ("discuz", t_discuz, ["gongwen", "gongwen_tab"]),
    ("wp", t_wordpress, ["gongwen", "renmian"]),
    ("school", t_school, ["news", "gongwen"]),
    ("multi", t_multipage, ["news", "speech"]),
    ("dup", t_dupcopies, ["news", "gongwen", "speech"]),
    ("txt", t_txt, ["gongwen", "speech", "news"]),
    ("md", t_md, ["news", "speech", "gongwen_tab"]),
]


def make_doc(g: Gen, what: str) -> dict[str, Any]:
    if what == "gongwen":
        return make_gongwen(g)
    if what == "gongwen_tab":
        return make_gongwen(g, table_att=True)
    if what == "renmian":
        return make_gongwen(g, renmian=True)
    if what == "speech":
        return make_speech(g)
    return make_news(g)


def make(rng: random.Random, i: int, name: str) -> tuple[bytes, str, dict[str, Any], str]:
    """Page ``i`` (0..), drawn from the page stream ``rng``, named ``name``: its bytes, extension (html, txt or md),
    gold and template/content."""
    tname, fn, kinds = TEMPLATES[i % len(TEMPLATES)]
    g = Gen(random.Random(rng.randrange(1 << 30)))
    what = g.r.choice(kinds)
    doc = make_doc(g, what)
    text, ext, facts, bp, neutral, notes = fn(g, doc)
    body = gold_lines(doc)
    neutral = [x for x in [*doc["neutral"], *neutral, *facts.get("tail_neutral", [])] if x]
    d = doc["date"]
    if (doc["kind"] == "新闻" or (doc["kind"] == "讲话" and not doc["dated"])) and facts.get("published"):
        date = facts["published"][:10]
    else:
        date = f"{d.year}-{d.month:02d}-{d.day:02d}"
    joined = canon("".join(body))
    bp = list(dict.fromkeys(b for b in bp if len(canon(b)) >= 4 and canon(b) not in joined
                            and canon(b) != canon(doc["title"])))
    enc = facts.get("enc", "utf-8")
    gold = {"file": f"{name}.{ext}", "kind": doc["kind"], "title": doc["title"], "subtitle": doc["subtitle"], "date": date,
            "published": facts.get("published"), "issuer": doc["issuer"], "doc_number": doc["doc_number"],
            "addressee": doc["addressee"], "origin": facts.get("origin"), "editor": facts.get("editor"),
            "author": None, "body": body, "neutral": neutral, "boilerplate": bp, "notes": notes}
    return text.encode(enc, errors="xmlcharrefreplace"), ext, gold, f"{tname}/{what}"


def generate(folder: Path, pages: int, seed: int) -> list[Path]:
    """Write pages g000.. of ``seed`` as ``folder/docs/gNNN.html``, ``.txt`` or ``.md`` with
    ``folder/gold/gNNN.gold.json`` and ``folder/manifest.tsv`` (each page's template/content); nothing is written
    outside ``folder``. The same seed gives the same bytes. Returns the pages written, in order."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)  # one stream: page i's own generator is the stream's i-th draw
    written: list[Path] = []
    manifest: list[str] = []
    for i in range(pages):
        name = f"g{i:03d}"
        data, ext, gold, how = make(rng, i, name)
        page = folder / "docs" / f"{name}.{ext}"
        page.write_bytes(data)
        (folder / "gold" / f"{name}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), "utf-8")
        manifest.append(f"{page.name}\t{how}")
        written.append(page)
    (folder / "manifest.tsv").write_text("\n".join(manifest) + "\n", "utf-8")
    return written


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--out", type=Path, required=True)
    a = ap.parse_args()
    generate(a.out, a.pages, a.seed)


if __name__ == "__main__":
    main()

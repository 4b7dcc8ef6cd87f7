"""Probe family E: invented Traditional press releases, 简报/纪要/函, WeChat reposts, mobile pages and crawler text
dumps, with gold (realdocs format), seeded and reproducible.

Written by a fifth helper without reading families A to D, as an independent check; run through
``benchmarks/probe_templates.py --family e`` (``generate``), or alone:

    python benchmarks/probe_templates/family_e.py --seed N --pages M --out DIR   # DIR/docs/eNNN.html|txt, DIR/gold/…

Page families (12, the first 23 pages by rotation, then drawn): Hong Kong 新聞公報 (a 新聞公報 banner over the
title, 完 / weekday dateline / 香港時間 lines, a 最近修訂日期 footer), Taiwan 新聞稿 (民國 dates, 發布單位 / 更新日期
/ 點閱次數 byline, 新聞聯絡人 line), Macau releases, 政协/人大/纪委 news with tool bars, WeChat reposts (原创 byline,
文字：/审核：/编辑： credits), 函/批复/通报 with an 信息公开 table, 主送, 附件, 落款 and 抄送, 简报 issues (banner,
期号, 编印 line, 报/送/发 版记), 会议纪要 (a paragraph opening with the meeting date, 出席/列席, signature date),
speeches with a bracketed dateline and the speaker under the title, mobile pages (sticky top and bottom bars,
related items, comments), ``<article>`` pages with JSON-LD, print-friendly pages.

Trap axes, drawn per page: HTML or a crawler's text dump (.txt, about a third: menus one link per line, byline
labels split from their values on their own lines); paragraph style (<p>, <span> runs, <br> lines, <div>s);
the text container (div#zoom, <article>, a layout table, TRS_Editor); the title as <h1> or a styled <div>; a
sidebar; hidden elements; encoding (HTML: UTF-8, GBK declared gb2312, Big5; text: UTF-8, GBK, GB18030, Big5,
UTF-16 with BOM); Traditional text made with OpenCC (s2hk, s2tw). ``folder/manifest.tsv`` records each page's
family and encoding; the gold's "notes" names the family and its conventions (完 and datelines, 抄送 and the
发文字号 line, 简报 banner and 版记 lines, a speech's bracketed date are neutral).

All text is invented here. Gold is built from the same data the page is rendered from (never re-read). The same
seed gives the same bytes (page eNNN is drawn as the generator's page NNN + 1): change nothing that draws from the
random stream, or old seeds stop meaning what they meant.
"""
# ruff: noqa: E501  (vocabulary lists and markup templates are long literals, kept whole to be read as pages)

from __future__ import annotations

import argparse
import datetime
import html
import json
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import opencc

S2HK = opencc.OpenCC("s2hk")
S2TW = opencc.OpenCC("s2tw")

# ----------------------------------------------------------------------------- word banks (invented)
PLACES = ["河川县", "临江市", "青岚区", "松溪县", "云梦县", "北渚区", "白石县", "鹿鸣市", "柳塘区", "望川市"]
TOWNS = ["松溪镇", "白石乡", "柳塘街道", "桐湾镇", "石坝乡", "南屏街道", "芦洲镇", "金沙乡"]
SURN = list("赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦许何吕施张孔曹严华金魏陶姜")
GIVEN = ["明远", "书琴", "立言", "清和", "文澜", "承平", "雨田", "小红", "思远", "若水", "晓峰",
         "建国", "海燕", "志宏", "丽君", "子墨", "一鸣", "秋实", "春华", "德胜"]
SUBJ = ["全{p}各级各部门", "{p}政协各专门委员会", "各乡镇（街道）党委", "{p}纪委监委", "{p}人大常委会机关",
        "{p}住房和城乡建设局", "各驻村工作队", "{p}农业农村局", "广大党员干部", "{t}党委政府", "{p}市场监管部门"]
VP = ["坚持问题导向，聚焦群众反映强烈的突出问题", "认真落实主体责任，层层传导压力", "扎实推进基层治理体系建设",
      "进一步健全完善长效工作机制", "切实把各项任务落到实处", "围绕{p}高质量发展大局建言献策",
      "深入开展调查研究，摸清底数", "严格执行中央八项规定及其实施细则精神", "持续优化营商环境",
      "着力解决群众急难愁盼问题", "统筹做好防汛抗旱和安全生产工作", "加快补齐农村基础设施短板",
      "推动政策红利直达基层", "强化监督执纪问责", "建立台账、销号管理", "主动对接上级部门争取支持",
      "加强跟踪问效，确保取得实效", "把协商成果转化为工作举措", "扎实做好代表建议办理工作",
      "推进老旧小区改造和背街小巷整治", "做好春耕备耕物资保障", "完善网格化服务管理"]
FACT = ["共收集意见建议{n}条", "累计投入资金{m}万元", "走访企业{n}家", "排查整改问题{n}个",
        "新建改建道路{k}公里", "覆盖群众{n}余人", "召开座谈会{s}场", "办结率达到{pc}%"]
TAILS = ["取得了阶段性成效", "得到了群众的普遍认可", "为下一步工作打下了坚实基础", "形成了比较完整的工作闭环",
         "推动各项工作取得新进展", "切实增强了群众的获得感"]
HEADS = ["加强组织领导", "压实工作责任", "突出工作重点", "强化督促检查", "注重宣传引导", "完善保障措施",
         "深化调查研究", "健全工作机制"]
CN_NUM = "一二三四五六七八九十"
TOPICS = ["农村人居环境整治", "城区内涝治理", "老旧小区改造", "营商环境优化", "基层减负", "河湖长制落实",
          "义务教育均衡发展", "养老服务体系建设", "秸秆禁烧", "粮食生产", "民营经济发展", "乡村振兴"]
OUTLETS = ["临江日报", "河川融媒", "青岚发布", "云梦县融媒体中心", "望川新闻网", "北渚区委宣传部"]
WX_ACCTS = ["临江清风", "河川政协", "青岚纪检", "云梦人大", "望川发布"]
ORGS = ["{p}人民政府", "{p}人民政府办公室", "{p}政协办公室", "{p}人大常委会办公室", "{p}纪委监委"]


def name(rng: random.Random) -> str:
    return rng.choice(SURN) + rng.choice(GIVEN)


def fill(rng: random.Random, s: str, p: str) -> str:
    return s.format(p=p, t=rng.choice(TOWNS), n=rng.randint(12, 980), m=rng.randint(30, 9000),
                    k=rng.randint(3, 120), s=rng.randint(2, 30), pc=rng.randint(90, 99))


def para(rng: random.Random, p: str, lo: int = 2, hi: int = 5) -> str:
    parts = [fill(rng, rng.choice(SUBJ), p)]
    for c in rng.sample(VP + FACT, rng.randint(lo, hi)):   # distinct clauses
        parts.append(fill(rng, c, p))
    parts.append(rng.choice(TAILS))
    return "，".join(parts) + "。"


def sentence(rng: random.Random, p: str) -> str:
    return fill(rng, rng.choice(VP), p) + "，" + rng.choice(TAILS) + "。"


def dt(rng: random.Random) -> tuple[int, int, int, int, int]:
    return (rng.randint(2019, 2025), rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 18), rng.randint(0, 59))


def cn_date(y: int, m: int, d: int) -> str:
    digits = "〇一二三四五六七八九"
    yy = "".join(digits[int(c)] for c in str(y))

    def n(x: int) -> str:
        return CN_NUM[x - 1] if x <= 10 else ("十" + (CN_NUM[x - 11] if x > 10 and x % 10 else "") if x < 20
                                               else CN_NUM[x // 10 - 1] + "十" + (CN_NUM[x % 10 - 1] if x % 10 else ""))
    return f"{yy}年{n(m)}月{n(d)}日"


def canon(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC")).lower()


# ----------------------------------------------------------------------------- page model
@dataclass
class Item:
    role: str          # nav crumb title subtitle meta bar body neutral related comments footer head raw
    text: str = ""
    parts: list[str] = field(default_factory=list)   # nav links / crumb parts / meta pairs "label：value"
    tag: str = "p"


@dataclass
class Page:
    family: str
    kind: str
    trad: str | None   # None, "hk", "tw"
    items: list[Item]
    title: str
    subtitle: str | None = None
    date: str | None = None
    published: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    addressee: str | None = None
    origin: str | None = None
    editor: str | None = None
    author: str | None = None
    html_title: str = ""
    jsonld: dict[str, str] | None = None
    notes: str = ""
    here: str = "当前位置："


def nav(parts: list[str]) -> Item:
    return Item("nav", parts=parts)


def crumb(parts: list[str]) -> Item:
    return Item("crumb", parts=parts)


def meta(pairs: list[str]) -> Item:
    return Item("meta", parts=pairs)


def footer(site: str, rng: random.Random) -> list[Item]:
    icp = f"{rng.choice(['临', '河', '青'])}ICP备{rng.randint(10000000, 99999999)}号-{rng.randint(1, 9)}"
    return [Item("footer", "网站地图 | 联系我们 | 隐私声明 | 网站纠错"),
            Item("footer", f"主办单位：{site}  承办：{site}信息中心"),
            Item("footer", f"版权所有：{site}  {icp}"),
            Item("footer", f"技术支持：{rng.choice(['临江数智科技有限公司', '河川云网络公司', '青岚信息技术中心'])}"),
            Item("footer", f"公网安备 {rng.randint(10000000000000, 99999999999999)}号")]


def related(rng: random.Random, p: str, n: int = 4) -> Item:
    titles = [f"{rng.choice(PLACES)}召开{rng.choice(TOPICS)}推进会（{rng.randint(2, 9)}月{rng.randint(1, 28)}日）"
              for _ in range(n)]
    return Item("related", "相关阅读", parts=titles)


def body_paras(rng: random.Random, p: str, n: int, heads: bool) -> list[Item]:
    out = []
    hs = rng.sample(HEADS, k=min(len(HEADS), max(2, n // 2))) if heads else []
    out.append(Item("body", para(rng, p)))
    for i, h in enumerate(hs):
        out.append(Item("body", f"{CN_NUM[i]}、{h}", tag="h3"))
        for _ in range(rng.randint(1, 2)):
            out.append(Item("body", para(rng, p)))
    if not heads:
        for _ in range(n - 1):
            out.append(Item("body", para(rng, p)))
    return out


def ymd(t: tuple[int, ...]) -> str:
    return f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"


def ymdhm(t: tuple[int, ...]) -> str:
    return f"{ymd(t)}T{t[3]:02d}:{t[4]:02d}"


def later(t: tuple[int, int, int, int, int], days: int) -> tuple[int, int, int, int, int]:
    d = datetime.date(t[0], t[1], t[2]) + datetime.timedelta(days=days)
    return (d.year, d.month, d.day, t[3], t[4])


# ----------------------------------------------------------------------------- families (Simplified, converted later)
def fam_hk(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    title = f"{rng.choice(['特区政府', '民政事务总署', '发展局', '环境保护署'])}公布{rng.choice(TOPICS)}最新安排"
    wk = "一二三四五六日"[datetime.date(t[0], t[1], t[2]).weekday()]
    rev = later(t, rng.randint(3, 40))
    items = [nav(["Home", "Press Releases", "繁体", "简体", "English", "Accessibility", "Search"]),
             Item("raw", "新闻公报", tag="div"),
             Item("title", title)]
    items += [Item("body", para(rng, p, 2, 4)) for _ in range(rng.randint(3, 7))]
    end = rng.choice(["完", "（完）"])
    items += [Item("neutral", end),
              Item("neutral", f"{t[0]}年{t[1]}月{t[2]}日（星期{wk}）"),
              Item("neutral", f"香港时间{t[3]}时{t[4]:02d}分")]
    items += [Item("footer", "重要告示 | 私隐政策 | 版权告示"),
              Item("footer", f"最近修订日期：{rev[0]}年{rev[1]}月{rev[2]}日"),
              Item("footer", "新闻公报 - 今日新闻公报 - 按类别浏览 - 新闻公报档案")]
    return Page("hk_press", "新闻", "hk", items, title, date=ymd(t), published=ymdhm(t),
                html_title=f"新闻公报：{title}", notes="完 end mark and the dateline/time lines are neutral.")


def fam_tw(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    roc = t[0] - 1911
    unit = p.replace("市", "").replace("县", "").replace("区", "") + "县政府新闻处"
    title = f"{p}推动{rng.choice(TOPICS)} {rng.choice(['首季成果发布', '扩大补助对象', '启动第二阶段'])}"
    upd = later(t, rng.randint(1, 9))
    items = [Item("nav", parts=["跳到主要内容区块", "网站导览", "English", "常见问答", "意见信箱"]),
             crumb(["首页", "新闻与公告", "新闻稿"]),
             Item("title", title),
             meta([f"发布单位：{unit}", f"发布日期：{roc}-{t[1]:02d}-{t[2]:02d}",
                   f"更新日期：{roc - 0}-{upd[1]:02d}-{upd[2]:02d}", f"点阅次数：{rng.randint(100, 9999)}"])]
    items += [Item("body", para(rng, p, 2, 4)) for _ in range(rng.randint(3, 6))]
    items += [Item("neutral", f"新闻联络人：{name(rng)} 科长 电话：(03){rng.randint(1000000, 9999999)}"),
              Item("bar", "回上一页 | 列印本页 | 分享至Facebook | 分享至LINE")]
    items += [Item("footer", f"{p}政府 版权所有 本网站最佳浏览解析度1280x1024"),
              Item("footer", f"地址：{p}中正路{rng.randint(1, 300)}号 总机：(03){rng.randint(1000000, 9999999)}")]
    return Page("tw_press", "新闻", "tw", items, title, date=ymd(t), published=ymd(t),
                html_title=f"{title}-{p}政府全球资讯网",
                notes="ROC (民国) date in the 发布日期 field; 更新日期 is a different date.")


def fam_mo(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    title = f"{rng.choice(['社会工作局', '卫生局', '经济及科技发展局', '教育及青年发展局'])}{rng.choice(['举办', '推出', '完成'])}{rng.choice(TOPICS)}计划"
    items = [nav(["葡文版", "English", "中文简体", "新闻列表", "新闻图片"]),
             Item("title", title),
             meta([f"发布时间：{t[0]}-{t[1]:02d}-{t[2]:02d} {t[3]:02d}:{t[4]:02d}",
                   f"发布机构：{rng.choice(['新闻局', '政府新闻处'])}"])]
    items += [Item("body", para(rng, p, 2, 4)) for _ in range(rng.randint(3, 6))]
    items += [related(rng, p, 3), Item("footer", "版权所有 政府新闻局 | 使用条款 | 私隐声明")]
    return Page("mo_press", "新闻", "hk", items, title, date=ymd(t), published=ymdhm(t),
                html_title=f"{title} - 新闻局")


def fam_cppcc(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    org = rng.choice(["政协", "人大", "纪委监委", "党建"])
    site = {"政协": f"政协{p}委员会", "人大": f"{p}人大常委会", "纪委监委": f"{p}纪委监委",
            "党建": f"{p}党建网"}[org]
    title = rng.choice([f"{p}{org}开展{rng.choice(TOPICS)}专题调研",
                        f"{p}{org}召开{rng.choice(TOPICS)}情况通报会",
                        f"聚焦{rng.choice(TOPICS)} {p}{org}助力民生改善"])
    origin = rng.choice([site, rng.choice(OUTLETS), "学习强国" + p + "学习平台"])
    ed = name(rng)
    au = name(rng) if rng.random() < 0.4 else None
    pairs = [f"发布时间：{t[0]}-{t[1]:02d}-{t[2]:02d} {t[3]:02d}:{t[4]:02d}", f"来源：{origin}"]
    if au:
        pairs.append(f"作者：{au}")
    pairs.append(f"浏览次数：{rng.randint(50, 5000)}")
    items = [nav(["网站首页", "机构概况", "工作动态", "委员风采", "提案工作", "理论研究", "廉政建设", "专题专栏"]),
             crumb(["首页", rng.choice(["工作动态", "要闻聚焦", "基层风采"]), "正文"]),
             Item("title", title), meta(pairs)]
    bars = [Item("bar", "【字号：大 中 小】"), Item("bar", "视力保护色：□□□□□"),
            Item("bar", "分享到：微信 微博 QQ空间 复制链接")]
    rng.shuffle(bars)
    items += bars[:rng.randint(1, 3)]
    items += body_paras(rng, p, rng.randint(3, 7), rng.random() < 0.4)
    if rng.random() < 0.5:
        items.insert(len(items) - 2, Item("neutral", f"图为{p}{org}调研组在{rng.choice(TOWNS)}实地察看", tag="caption"))
    items += [Item("editor", f"【责任编辑：{ed}】"),
              Item("bar", "【打印本页】【关闭窗口】"),
              Item("bar", f"上一篇：{p}召开{rng.choice(TOPICS)}工作推进会"),
              Item("bar", f"下一篇：{rng.choice(PLACES)}{org}组织委员视察{rng.choice(TOPICS)}"),
              Item("footer", "扫一扫在手机打开当前页")]
    items += footer(site, rng)
    return Page("cppcc_news", "新闻", None, items, title, date=ymd(t), published=ymdhm(t), origin=origin,
                editor=ed, author=au, html_title=f"{title}_{site}")


def fam_wechat(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    acct = rng.choice(WX_ACCTS)
    title = f"{rng.choice(['廉洁过节', '清风扑面', '一线观察', '履职进行时'])}｜{p}{rng.choice(TOPICS)}这样做"
    ed = name(rng)
    items = [nav(["首页", "新闻中心", "政务公开", "互动交流"]),
             crumb(["首页", "新闻中心", "转载"]),
             Item("title", title),
             meta([f"发布日期：{t[0]}-{t[1]:02d}-{t[2]:02d}", f"来源：{acct}微信公众号"]),
             Item("neutral", f"原创 {acct} {t[0]}年{t[1]:02d}月{t[2]:02d}日 {t[3]:02d}:{t[4]:02d}"),
             ]
    items += body_paras(rng, p, rng.randint(3, 6), rng.random() < 0.5)
    items += [Item("neutral", f"文字：{name(rng)}"),
              Item("editor", f"编辑：{ed}"),
              Item("neutral", f"审核：{name(rng)}"),
              Item("bar", "长按识别二维码 关注我们"),
              Item("bar", "阅读原文"), Item("bar", "分享 收藏 在看 点赞"),
              Item("bar", "预览时标签不可点")]
    items += footer(f"{p}人民政府", rng)
    return Page("wechat", "新闻", None, items, title, date=ymd(t), published=ymd(t),
                origin=f"{acct}微信公众号", editor=ed, html_title=f"{title}-{p}人民政府网",
                notes="WeChat byline 原创 line, 文字/审核 credits are neutral; 编辑 is the editor.")


def fam_gongwen(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    pub = later(t, rng.randint(2, 30))
    org = fill(rng, rng.choice(ORGS[:2]), p)
    abbr = p[0] + ("政办" if "办公室" in org else "政")
    typ = rng.choice(["函", "批复", "通报"])
    num = f"{abbr}{'函' if typ == '函' else '发'}〔{t[0]}〕{rng.randint(1, 150)}号"
    town = rng.choice(TOWNS)
    topic = rng.choice(TOPICS)
    if typ == "函":
        title = f"{org}关于商请支持{topic}工作的函"
        addr = f"{rng.choice(PLACES)}人民政府"
    elif typ == "批复":
        title = f"{org}关于同意{town}{topic}实施方案的批复"
        addr = f"{town}人民政府"
    else:
        title = f"{org}关于{t[0]}年度{topic}工作情况的通报"
        addr = "各乡镇人民政府、街道办事处，县政府各部门"
    items = [nav(["首页", "政务公开", "政策文件", "政务服务", "互动交流"]),
             crumb(["首页", "政务公开", "政府文件"]),
             Item("infotable", parts=[f"索引号：{rng.randint(10000000, 99999999)}/{t[0]}-{rng.randint(100, 999)}",
                                      f"主题分类：{rng.choice(['城乡建设', '农业农村', '综合政务'])}",
                                      f"发文机关：{org}", f"发文字号：{num}",
                                      f"成文日期：{t[0]}年{t[1]:02d}月{t[2]:02d}日",
                                      f"发布日期：{pub[0]}年{pub[1]:02d}月{pub[2]:02d}日"]),
             Item("title", title),
             Item("neutral", num, tag="center"),
             Item("body", f"{addr}：")]
    items += [Item("body", para(rng, p)) for _ in range(rng.randint(2, 4))]
    if typ == "通报":
        for i in range(rng.randint(2, 3)):
            items.append(Item("body", f"{CN_NUM[i]}、{rng.choice(HEADS)}", tag="h3"))
            items.append(Item("body", para(rng, p)))
    elif typ == "批复":
        items.append(Item("body", "此复。"))
    else:
        items.append(Item("body", "特此函达，请予支持。"))
    att = rng.random() < 0.5
    if att:
        items += [Item("body", f"附件：1.{topic}工作任务清单"), Item("body", f"2.{topic}联络人名单")]
    date_txt = cn_date(t[0], t[1], t[2]) if rng.random() < 0.6 else f"{t[0]}年{t[1]}月{t[2]}日"
    items += [Item("body", org, tag="right"), Item("body", date_txt, tag="right")]
    if rng.random() < 0.6:
        items.append(Item("body", "（此件公开发布）"))
    items.append(Item("neutral", f"抄送：{p}委办公室，{p}人大常委会办公室，{p}政协办公室。"))
    items += [Item("bar", "【打印】【关闭】"), Item("footer", "扫一扫在手机打开当前页")]
    items += footer(f"{p}人民政府", rng)
    return Page("gongwen", "公文", None, items, title, date=ymd(t), published=ymd(pub), issuer=org,
                doc_number=num, addressee=addr, html_title=f"{title}_{p}人民政府",
                notes="抄送 line put in neutral (版记); doc number line under the title neutral.")


def fam_jianbao(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    org = fill(rng, rng.choice(ORGS[2:]), p)
    title = f"{p}{rng.choice(['扎实推进', '多措并举推进', '高位推动'])}{rng.choice(TOPICS)}工作"
    items = [nav(["首页", "工作动态", "简报信息", "通知公告"]),
             crumb(["首页", "简报信息"]),
             Item("title", title),
             meta([f"发布时间：{t[0]}-{t[1]:02d}-{t[2]:02d}", f"点击数：{rng.randint(10, 999)}"]),
             Item("neutral", "工作简报", tag="center"),
             Item("neutral", f"第{rng.randint(1, 40)}期", tag="center"),
             Item("neutral", f"{org}编印　　　　{t[0]}年{t[1]}月{t[2]}日", tag="center")]
    items += body_paras(rng, p, rng.randint(3, 6), rng.random() < 0.6)
    items += [Item("neutral", f"报：{p}委、{p}人大常委会、{p}政府主要领导"),
              Item("neutral", f"送：{p}委各部委，{p}直各单位"),
              Item("neutral", "发：各乡镇（街道）"),
              Item("neutral", f"（共印{rng.randint(20, 80)}份）")]
    items += [Item("bar", "【打印本页】【关闭窗口】"), *footer(org, rng)]
    return Page("jianbao", "报告", None, items, title, date=ymd(t), published=ymd(t),
                html_title=f"{title}-{org}",
                notes="简报 banner/期号/编印 line and 报送发 版记 lines are neutral.")


def fam_jiyao(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    pub = later(t, rng.randint(1, 20))
    org = f"{p}人民政府办公室"
    topic = rng.choice(TOPICS)
    title = f"{p}{topic}专题会议纪要"
    items = [nav(["首页", "政务公开", "会议纪要", "政策解读"]), crumb(["首页", "政务公开", "会议纪要"]),
             Item("title", title),
             meta([f"发布日期：{pub[0]}-{pub[1]:02d}-{pub[2]:02d}", f"来源：{org}"]),
             Item("neutral", f"〔{t[0]}〕{rng.randint(1, 40)}号", tag="center"),
             Item("body", f"{t[0]}年{t[1]}月{t[2]}日，{name(rng)}副{p[-1]}长主持召开{topic}专题会议，"
                          f"研究部署相关工作。现将会议议定事项纪要如下："),
             ]
    for i in range(rng.randint(2, 4)):
        items.append(Item("body", f"{CN_NUM[i]}、{rng.choice(HEADS)}", tag="h3"))
        items.append(Item("body", para(rng, p)))
    items += [Item("body", f"出席：{name(rng)}、{name(rng)}、{name(rng)}"),
              Item("body", f"列席：{p}财政局、{p}自然资源局有关负责同志"),
              Item("body", org, tag="right"), Item("body", f"{t[0]}年{t[1]}月{t[2]}日", tag="right")]
    items += [Item("bar", "【打印本页】【关闭窗口】"), *footer(f"{p}人民政府", rng)]
    return Page("jiyao", "公文", None, items, title, date=ymd(t), published=ymd(pub), issuer=org, origin=org,
                html_title=f"{title}_{p}人民政府")


def fam_speech(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    pub = later(t, rng.randint(1, 10))
    who = name(rng)
    role = rng.choice(["县委书记", "市长", "区委书记", "政协主席"])
    title = f"在{p}{rng.choice(TOPICS)}工作会议上的讲话"
    origin = rng.choice(OUTLETS)
    items = [nav(["首页", "领导讲话", "政务动态", "专题专栏"]), crumb(["首页", "领导讲话"]),
             Item("title", title),
             meta([f"时间：{pub[0]}-{pub[1]:02d}-{pub[2]:02d}", f"来源：{origin}"]),
             Item("bar", "【字体：大 中 小】"),
             Item("neutral", f"（{t[0]}年{t[1]}月{t[2]}日）", tag="center"),
             Item("neutral", f"{role}　{who}", tag="center"),
             Item("body", "同志们：")]
    items += body_paras(rng, p, rng.randint(4, 8), True)
    items.append(Item("body", "同志们，" + sentence(rng, p)))
    items += [Item("bar", "【打印本页】【关闭窗口】"), *footer(f"{p}人民政府", rng)]
    return Page("speech", "讲话", None, items, title, date=ymd(t), published=ymd(pub), origin=origin,
                html_title=f"{title}--{p}人民政府",
                notes="bracketed date under the title is a neutral dateline, not a subtitle.")


def fam_mobile(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    origin = rng.choice(OUTLETS)
    title = f"{p}{rng.choice(['这个镇', '这些村', '一条街'])}的{rng.choice(TOPICS)}新答卷"
    items = [Item("bar", "返回 首页 打开APP阅读"),
             Item("title", title),
             meta([f"{t[0]}-{t[1]:02d}-{t[2]:02d} {t[3]:02d}:{t[4]:02d}", f"来源：{origin}"])]
    items += body_paras(rng, p, rng.randint(3, 6), False)
    items += [Item("neutral", f"记者 {name(rng)} 通讯员 {name(rng)}"),
              Item("bar", "打开APP 查看更多精彩内容"),
              related(rng, p, 4),
              Item("comments", "网友评论", parts=["请文明上网，理性发言", f"{name(rng)}：点赞家乡的变化！",
                                              f"{name(rng)}：希望我们村也能早日改造", "发表评论 查看更多评论"]),
              Item("bar", "写评论… 点赞 收藏 分享")]
    return Page("mobile", "新闻", None, items, title, date=ymd(t), published=ymdhm(t), origin=origin,
                html_title=f"{title}_手机{origin}")


def fam_article(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    origin = rng.choice(OUTLETS)
    ed = name(rng)
    title = f"{p}{rng.choice(TOPICS)}观察：{rng.choice(['从有到优', '破题之路', '一线答卷'])}"
    items = [nav(["首页", "本地新闻", "时政", "民生", "视频", "专题"]),
             Item("title", title),
             meta([f"{t[0]}年{t[1]:02d}月{t[2]:02d}日 {t[3]:02d}:{t[4]:02d}", f"来源：{origin}", f"责任编辑：{ed}"]),
             Item("bar", "分享到：微信 微博 复制链接")]
    items += body_paras(rng, p, rng.randint(3, 7), rng.random() < 0.3)
    items += [related(rng, p, 4), Item("footer", f"本网站所有内容版权归{origin}所有，未经授权不得转载")]
    items += footer(origin, rng)[1:3]
    return Page("article", "新闻", None, items, title, date=ymd(t), published=ymdhm(t), origin=origin, editor=ed,
                html_title=f"{title} - {origin}",
                jsonld={"@type": "NewsArticle", "headline": title, "datePublished": ymdhm(t) + ":00+08:00"})


def fam_print(rng: random.Random) -> Page:
    p = rng.choice(PLACES)
    t = dt(rng)
    title = f"关于做好{t[0]}年{rng.choice(TOPICS)}工作的通知"
    org = f"{p}{rng.choice(['农业农村局', '教育局', '民政局'])}"
    items = [Item("bar", "【打印本页】 【关闭窗口】"),
             Item("title", title),
             meta([f"发布日期：{t[0]}-{t[1]:02d}-{t[2]:02d}", f"信息来源：{org}"]),
             Item("body", "各乡镇人民政府，各有关单位：")]
    items += [Item("body", para(rng, p)) for _ in range(rng.randint(2, 4))]
    items += [Item("body", org, tag="right"), Item("body", f"{t[0]}年{t[1]}月{t[2]}日", tag="right"),
              Item("footer", f"Copyright © {t[0]} {org} All Rights Reserved")]
    return Page("print", "公文", None, items, title, date=ymd(t), published=ymd(t), issuer=org,
                addressee="各乡镇人民政府，各有关单位", origin=org, html_title=title)


FAMILIES = [fam_hk, fam_tw, fam_mo, fam_cppcc, fam_wechat, fam_gongwen, fam_jianbao, fam_jiyao, fam_speech,
            fam_mobile, fam_article, fam_print]


# ----------------------------------------------------------------------------- script conversion
def to_trad(page: Page) -> None:
    def conv(s: str) -> str:
        if page.trad != "hk":
            return str(S2TW.convert(s))
        s = str(S2HK.convert(s))
        for a, b in (("羣", "群"), ("閲", "閱"), ("裏", "裡"), ("着", "著"), ("綫", "線"), ("衞", "衛")):
            s = s.replace(a, b)   # keep HK text inside Big5
        return s
    for it in page.items:
        it.text = conv(it.text)
        it.parts = [conv(x) for x in it.parts]
    for k in ("title", "subtitle", "origin", "editor", "author", "issuer", "addressee", "html_title", "notes"):
        v = getattr(page, k)
        if v:
            setattr(page, k, conv(v))
    if page.jsonld:
        page.jsonld = {k: conv(v) for k, v in page.jsonld.items()}
    page.here = conv(page.here)


# ----------------------------------------------------------------------------- gold
def chrome_lines(it: Item, sep: str) -> list[str]:
    if it.role == "nav":
        return [*it.parts, " | ".join(it.parts)]
    if it.role == "crumb":
        return [sep.join(it.parts)]
    if it.role in ("meta", "infotable"):
        return [*it.parts, "  ".join(it.parts)]
    if it.role in ("related", "comments"):
        return [it.text, *it.parts]
    if it.role in ("bar", "footer", "editor", "raw"):
        return [it.text]
    return []


def gold_of(page: Page, fname: str) -> dict[str, Any]:
    body = [it.text.strip() for it in page.items if it.role == "body"]
    neutral = [it.text.strip() for it in page.items if it.role == "neutral"]
    joined = canon("".join(body))
    bp: list[str] = []
    for it in page.items:
        for line in chrome_lines(it, " > "):
            c = canon(line)
            if len(c) >= 4 and c not in joined and line not in bp:
                bp.append(line)
    if page.html_title != page.title and canon(page.html_title) not in joined:
        bp.append(page.html_title)
    return {"file": fname, "kind": page.kind, "title": page.title, "subtitle": page.subtitle, "date": page.date,
            "published": page.published, "issuer": page.issuer, "doc_number": page.doc_number,
            "addressee": page.addressee, "origin": page.origin, "editor": page.editor, "author": page.author,
            "body": body, "neutral": neutral, "boilerplate": bp[:60],
            "notes": f"probe5 family {page.family}. {page.notes}".strip()}


# ----------------------------------------------------------------------------- HTML rendering
def esc(s: str) -> str:
    return html.escape(s, quote=False)


def p_html(rng: random.Random, it: Item, style: str) -> str:
    text = it.text
    ind = "　　" if rng.random() < 0.5 and it.role == "body" and it.tag == "p" else ""
    if it.tag == "h3":
        return f"<p><strong>{esc(text)}</strong></p>" if style != "br" else f"<b>{esc(text)}</b><br>"
    if it.tag == "right":
        return f'<p style="text-align:right">{esc(text)}</p>' if style != "br" else f"{esc(text)}<br>"
    if it.tag == "center":
        return f'<p style="text-align:center">{esc(text)}</p>' if style != "br" else f"{esc(text)}<br>"
    if it.tag == "caption":
        return f'<p style="text-align:center"><img src="/u/{rng.randint(1, 999)}.jpg"></p><p class="pic-txt">{esc(text)}</p>'
    if style == "span" and len(text) > 30:
        k = rng.randint(5, len(text) - 5)
        return f'<p>{ind}<span style="font-family:仿宋">{esc(text[:k])}</span><span>{esc(text[k:])}</span></p>'
    if style == "br":
        return f"{ind}{esc(text)}<br><br>" if it.role == "body" else f"{esc(text)}<br>"
    if style == "div":
        return f"<div>{ind}{esc(text)}</div>"
    return f"<p>{ind.replace('　', '&nbsp;&nbsp;') if rng.random() < .3 else ind}{esc(text)}</p>"


def render_html(rng: random.Random, page: Page, charset: str) -> str:
    style = rng.choice(["p", "p", "span", "br", "div"])
    container = rng.choice(["div_content", "article", "table", "trs"])
    head = [f'<meta charset="{charset}">' if rng.random() < .5 else
            f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">',
            f"<title>{esc(page.html_title)}</title>",
            '<meta name="keywords" content="政务,新闻">']
    if page.jsonld:
        ld = dict(page.jsonld, **{"@context": "https://schema.org"})
        head.append(f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>')
    head.append("<style>.nav a{margin:0 5px}</style><script>var _hmt=_hmt||[];</script>")
    pre, content, post = [], [], []
    body_started = False
    for it in page.items:
        r = it.role
        if r in ("body", "neutral"):
            body_started = True
            content.append(p_html(rng, it, style))
            continue
        if r == "title":
            pre.append(f'<h1 class="article-title">{esc(it.text)}</h1>' if rng.random() < .7
                       else f'<div class="title" style="font-size:22px">{esc(it.text)}</div>')
            continue
        if r == "nav":
            pre.append('<div class="nav">' + "".join(f'<a href="/{i}/">{esc(x)}</a>' for i, x in enumerate(it.parts))
                       + "</div>")
        elif r == "crumb":
            pre.append(f'<div class="position">{page.here}' + " &gt; ".join(
                f'<a href="/c{i}/">{esc(x)}</a>' if i < len(it.parts) - 1 else esc(x) for i, x in enumerate(it.parts))
                + "</div>")
        elif r == "meta":
            pre.append('<div class="info">' + "".join(f"<span>{esc(x)}</span>&nbsp;&nbsp;" for x in it.parts)
                       + "</div>")
        elif r == "infotable":
            cells = "".join(f"<tr><td>{esc(x.split('：')[0])}：</td><td>{esc(x.split('：', 1)[1])}</td></tr>"
                            for x in it.parts)
            pre.append(f'<table class="xxgk">{cells}</table>')
        elif r in ("related", "comments"):
            post.append(f'<div class="{r}"><h4>{esc(it.text)}</h4><ul>'
                        + "".join(f'<li><a href="/n/{rng.randint(1, 9999)}.html">{esc(x)}</a></li>' for x in it.parts)
                        + "</ul></div>")
        elif r == "editor":
            (post if body_started else pre).append(f'<div class="editor">{esc(it.text)}</div>')
        elif r == "footer":
            post.append(f'<div class="footer">{esc(it.text)}</div>')
        else:   # bar / raw
            tgt = post if body_started else pre
            tgt.append(f'<div class="{"tools" if r == "bar" else "banner"}">{esc(it.text)}</div>')
    inner = "\n".join(content)
    if container == "article":
        inner = f"<article>\n{inner}\n</article>"
    elif container == "table":
        inner = f'<table width="100%"><tr><td class="bt_content">\n{inner}\n</td></tr></table>'
    elif container == "trs":
        inner = f'<div class="TRS_Editor"><div class="Custom_UnionStyle">\n{inner}\n</div></div>'
    else:
        inner = f'<div id="zoom" class="content">\n{inner}\n</div>'
    side = ""
    if rng.random() < 0.3:
        side = ('<div class="sidebar"><h4>热点排行</h4><ul>' + "".join(
            f"<li>{esc(rng.choice(PLACES))}{esc(rng.choice(TOPICS))}情况公示</li>" for _ in range(4)) + "</ul></div>")
    # hidden elements are routine on such pages
    hidden = '<div style="display:none">分享 复制链接 已复制</div>'
    return ("<!DOCTYPE html>\n<html><head>\n" + "\n".join(head) + "\n</head><body>\n" + "\n".join(pre) + "\n"
            + inner + "\n" + "\n".join(post) + "\n" + side + hidden + "\n</body></html>\n")


# ----------------------------------------------------------------------------- text-dump rendering
def render_txt(rng: random.Random, page: Page) -> str:
    split_meta = rng.random() < 0.4     # crawler puts "来源：" and its value on separate lines
    lines: list[str] = []
    for it in page.items:
        r = it.role
        if r in ("body", "neutral", "title", "subtitle", "bar", "footer", "editor", "raw"):
            t = it.text
            if r in ("body", "neutral") and rng.random() < 0.2:
                t = "　　" + t
            lines.append(t)
        elif r == "nav":
            lines += it.parts
        elif r == "crumb":
            if split_meta:
                lines += [page.here, *[y for x in it.parts for y in (x, ">")][:-1]]
            else:
                lines.append(page.here + " > ".join(it.parts))
        elif r in ("meta", "infotable"):
            if split_meta:
                for x in it.parts:
                    if "：" in x:
                        a, b = x.split("：", 1)
                        lines += [a + "：", b]
                    else:
                        lines.append(x)
            else:
                lines.append("  ".join(it.parts) if r == "meta" else "\n".join(it.parts))
        elif r in ("related", "comments"):
            lines += [it.text, *it.parts]
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- main
def encode(text: str, enc: str) -> tuple[bytes, str]:
    try:
        if enc == "utf-16":
            return b"\xff\xfe" + text.encode("utf-16-le"), enc
        return text.encode(enc), enc
    except UnicodeEncodeError:
        return text.encode("utf-8"), "utf-8"


def make(seed: int, idx: int, name: str) -> tuple[bytes, str, dict[str, Any], str]:
    """Page ``idx`` (1..) of ``seed``, named ``name``: its bytes, extension (html or txt), gold and family/encoding."""
    rng = random.Random(seed * 100003 + idx)
    fam = FAMILIES[idx % len(FAMILIES)] if idx < len(FAMILIES) * 2 else rng.choice(FAMILIES)
    page = fam(rng)
    if page.trad:
        to_trad(page)
    is_txt = rng.random() < 0.34
    ext = "txt" if is_txt else "html"
    fname = f"{name}.{ext}"
    if is_txt:
        enc = rng.choice(["utf-8", "big5", "utf-16"] if page.trad else ["utf-8", "gbk", "gb18030", "utf-16"])
        data, enc = encode(render_txt(rng, page), enc)
    else:
        enc = rng.choice(["utf-8", "big5", "big5"] if page.trad else ["utf-8", "utf-8", "gbk"])
        data, enc = encode(render_html(rng, page, "gb2312" if enc == "gbk" else enc), enc)
        if enc == "utf-8" and b"big5" in data[:400]:
            data = data.replace(b'charset="big5"', b'charset="utf-8"').replace(b"charset=big5", b"charset=utf-8")
    gold = gold_of(page, fname)
    return data, ext, gold, f"{page.family}/{enc}"


def generate(folder: Path, pages: int, seed: int) -> list[Path]:
    """Write pages e000.. of ``seed`` as ``folder/docs/eNNN.html`` or ``eNNN.txt`` with ``folder/gold/eNNN.gold.json``
    and ``folder/manifest.tsv`` (each page's family/encoding); nothing is written outside ``folder``. The same seed
    gives the same bytes. Returns the pages written, in order."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    manifest: list[str] = []
    for i in range(pages):
        name = f"e{i:03d}"
        data, ext, gold, how = make(seed, i + 1, name)
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

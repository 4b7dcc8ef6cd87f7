"""Probe family D: invented Chinese web pages + gold (realdocs format), seeded and reproducible.

Written by a fourth helper without reading families A, B and C, as an independent check; run through
``benchmarks/probe_templates.py --family d`` (``generate``), or alone:

    python benchmarks/probe_templates/family_d.py --seed N --pages M --out DIR   # DIR/docs/dNNN.html, DIR/gold/…

All text is invented here. Gold is built from the same data the HTML is rendered from (never re-read).
Page families: news portal (原标题, captions, 相关阅读 box mid-text, pager, 客户端 ads, 专题 banner, 责任编辑
at the end), court 判决书 / procuratorate 起诉书, 统计公报 with tables and 注：, 表彰决定 with name lists,
press Q&A (问：/答：), 人大 法规 with 目录/章/条 and 题注, 征求意见稿 with 起草说明 and 反馈方式,
institution news in span/font/div soup or layout tables, Big5 traditional news. Encodings: UTF-8, UTF-8 BOM,
GB18030, Big5.
"""
# ruff: noqa: E501  (vocabulary lists and markup templates are long literals, kept whole to be read as pages)

from __future__ import annotations

import argparse
import html
import json
import random
import re
import unicodedata
from pathlib import Path

E = html.escape

SURN = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国海燕雪梅晨宇浩然思远嘉怡子涵晓东志坚春生立新国庆德胜")
PROV = ["河川省", "岚江省", "松原省", "青屿省"]
CITY = ["临江市", "清源市", "白鹭市", "云溪市", "石桥市", "安平市", "北塘市", "南屏市"]
COUNTY = ["河川县", "青岚区", "松溪县", "梧桐县", "东岭区", "柳湾县", "桃源县", "平湖区", "望山县", "槐安县"]
TOWN = ["松溪镇", "石门镇", "龙泉乡", "柳林镇", "杏花村", "新桥街道", "西关街道", "白沙镇"]
PAPER = ["临江日报", "清源晚报", "白鹭新闻网", "云溪广播电视台", "河川发布", "石桥融媒", "岚江日报", "安平手机报"]
SITE = ["临江新闻网", "清源在线", "白鹭网", "云溪之窗", "岚江新闻", "北塘资讯网"]

TOPICS = [
    ("乡村振兴", ["高标准农田", "村集体经济", "特色种植", "农村人居环境", "冷链物流", "电商服务站"]),
    ("营商环境", ["一网通办", "企业开办", "惠企政策", "审批时限", "政务服务中心", "帮办代办"]),
    ("生态保护", ["河湖长制", "水质监测", "湿地公园", "植树造林", "污水处理厂", "垃圾分类"]),
    ("民生保障", ["养老服务", "社区食堂", "公租房", "就业培训", "医保报销", "困难群众救助"]),
    ("城市建设", ["老旧小区改造", "地下管网", "口袋公园", "公交线路", "停车泊位", "背街小巷"]),
    ("科技创新", ["研发投入", "孵化器", "专利申请", "高新技术企业", "产学研合作", "技术攻关"]),
    ("文化旅游", ["非遗展演", "文旅消费", "景区提质", "民宿集群", "博物馆", "文化惠民"]),
]

VERB = ["推进", "实施", "完善", "加快", "落实", "深化", "强化", "优化", "统筹", "探索"]
ADJ = ["扎实", "稳步", "持续", "全面", "有序", "切实", "积极", "着力"]


def pick(r: random.Random, xs: list[str]) -> str:
    return xs[r.randrange(len(xs))]


def person(r: random.Random) -> str:
    return pick(r, SURN) + "".join(pick(r, GIVEN) for _ in range(r.choice([1, 2, 2])))


def num(r: random.Random, lo: int, hi: int) -> int:
    return r.randint(lo, hi)


def sentence(r: random.Random, topic: tuple[str, list[str]], place: str) -> str:
    t, items = topic
    a, b = r.sample(items, 2)
    forms = [
        f"{place}{pick(r, ADJ)}{pick(r, VERB)}{a}工作，累计投入资金{num(r, 2, 90)}.{num(r, 1, 9)}亿元，惠及群众{num(r, 1, 60)}万人次",
        f"围绕{t}目标，{place}把{a}和{b}作为重点任务，建立周调度、月通报工作机制",
        f"截至目前，全{place[-1]}已完成{a}项目{num(r, 11, 480)}个，{b}覆盖率达到{num(r, 60, 99)}.{num(r, 1, 9)}%",
        f"下一步，{place}将继续{pick(r, VERB)}{b}，推动{t}工作取得更大成效",
        f"今年以来，{place}{pick(r, VERB)}{a}，新增{b}{num(r, 3, 70)}处，群众满意度明显提升",
        f"据介绍，该项目总投资{num(r, 1, 40)}亿元，建成后可带动周边{num(r, 200, 5000)}人就业",
        f"在{pick(r, TOWN)}，{a}让不少村民尝到了甜头，“以前想都不敢想，现在家门口就能办成”",
        f"{place}相关部门负责人表示，将把{b}纳入年度绩效考核，确保各项措施落地见效",
        f"为破解{a}难题，{place}组建{num(r, 3, 30)}支专班队伍，逐项建立问题清单和责任清单",
        f"与上年相比，{b}相关指标增长{num(r, 2, 35)}.{num(r, 0, 9)}个百分点，增幅位居全{place[-1]}前列",
    ]
    return pick(r, forms)


def para(r: random.Random, topic: tuple[str, list[str]], place: str, n: int | None = None) -> str:
    n = n or r.randint(2, 4)
    return "。".join(sentence(r, topic, place) for _ in range(n)) + "。"


def rdate(r: random.Random) -> tuple[int, int, int]:
    return r.randint(2019, 2025), r.randint(1, 12), r.randint(1, 28)


def iso(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def cn_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def cn_date0(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]:02d}月{d[2]:02d}日"


DIG = "〇一二三四五六七八九"


def cn_num(n: int) -> str:
    if n <= 10:
        return "〇一二三四五六七八九十"[n]
    if n < 20:
        return "十" + DIG[n - 10]
    return DIG[n // 10] + "十" + (DIG[n % 10] if n % 10 else "")


def han_date(d: tuple[int, int, int]) -> str:
    return "".join(DIG[int(c)] for c in str(d[0])) + "年" + cn_num(d[1]) + "月" + cn_num(d[2]) + "日"


def later(d: tuple[int, int, int], days: int) -> tuple[int, int, int]:
    y, m, dd = d
    dd += days
    while dd > 28:
        dd -= 28
        m += 1
        if m > 12:
            m, y = 1, y + 1
    return y, m, dd


def hm(r: random.Random) -> str:
    return f"{r.randint(7, 22):02d}:{r.randint(0, 59):02d}"


CH_NUM = "一二三四五六七八九十"


# ---------------------------------------------------------------- page chrome

def chrome_top(r: random.Random, site: str, column: str) -> tuple[str, list[str]]:
    nav = f"首页 | {column} | 政务公开 | 办事服务 | 互动交流 | 走进{site[:2]}"
    login = "登录 | 注册 | 无障碍浏览 | 长者模式 | 繁体版"
    crumb = f"当前位置：首页 > {column} > 正文"
    search = f"请输入关键词搜索{site}"
    h = (f'<div class="topbar"><span>{E(login)}</span></div>\n<div class="logo"><a href="/">{E(site)}</a></div>\n'
         f'<form class="search"><input placeholder="{E(search)}"><button>搜索本站内容</button></form>\n'
         f'<ul class="nav"><li>{E(nav)}</li></ul>\n<div class="crumb">{E(crumb)}</div>\n')
    return h, [nav, login, crumb]


def chrome_bottom(r: random.Random, site: str) -> tuple[str, list[str]]:
    icp = f"{pick(r, ['临', '清', '岚', '川'])}ICP备{num(r, 10000000, 99999999)}号-{num(r, 1, 9)}"
    police = f"公安机关备案号{num(r, 10**13, 10**14 - 1)}"
    copy = f"版权所有：{site}　主办单位：{pick(r, CITY)}融媒体中心"
    addr = f"地址：{pick(r, CITY)}{pick(r, ['人民路', '滨江大道', '建设路', '文昌街'])}{num(r, 1, 300)}号　邮编：{num(r, 100000, 999999)}"
    h = (f'<div class="footer"><p>{E(copy)}</p><p>{E(icp)}　{E(police)}</p><p>{E(addr)}</p>'
         f'<p>网站标识码{num(r, 1000000000, 9999999999)}</p></div>\n')
    return h, [copy, icp, police, addr]


def share_bar() -> tuple[str, list[str]]:
    lines = ["【字体：大 中 小】", "打印本页 | 关闭窗口", "分享到：微信 微博 QQ空间", "扫一扫在手机打开当前页"]
    return ('<div class="tools">' + "".join(f"<span>{E(x)}</span> " for x in lines) + "</div>\n"), lines


def related(r: random.Random, place: str, k: int = 4, head: str = "相关阅读") -> tuple[str, list[str]]:
    titles = []
    for _ in range(k):
        topic = pick(r, TOPICS)
        titles.append(f"{pick(r, [place, pick(r, COUNTY), pick(r, CITY)])}{pick(r, VERB)}{pick(r, topic[1])}"
                      f"{pick(r, ['工作取得新进展', '见行见效', '跑出加速度', '再上新台阶', '经验做法获推广'])}")
    h = f'<div class="related"><h4>{E(head)}</h4><ul>' + "".join(
        f'<li><a href="/a/{num(r, 1000, 9999)}.html">{E(t)}</a></li>' for t in titles) + "</ul></div>\n"
    return h, titles


def page(title_tag: str, head_extra: str, body: str, charset: str = "utf-8") -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="{charset}">\n'
            f"<title>{E(title_tag)}</title>\n{head_extra}"
            '<style>.x{color:#333}</style>\n<script>var _hmt=_hmt||[];</script>\n</head>\n<body>\n'
            f"{body}</body>\n</html>\n")


def gold_base(kind: str, title: str) -> dict:
    return {"file": "", "kind": kind, "title": title, "subtitle": None, "date": None, "published": None,
            "issuer": None, "doc_number": None, "addressee": None, "origin": None, "editor": None,
            "author": None, "body": [], "neutral": [], "boilerplate": [], "notes": ""}


def ps(lines: list[str], cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return "".join(f"<p{c}>{E(x)}</p>\n" for x in lines)


# ---------------------------------------------------------------- families

def t_news_portal(r: random.Random) -> tuple[str, str, dict]:
    """Big news portal article: 原标题, photo captions, inline 相关阅读 box, pager, app ad, 专题 banner."""
    site, place, topic = pick(r, SITE), pick(r, COUNTY), pick(r, TOPICS)
    title = f"{place}{pick(r, VERB)}{topic[1][0]}：{pick(r, ['小切口撬动大民生', '让群众得实惠', '激活发展新动能', '绘就幸福新图景'])}"
    d = rdate(r)
    t = hm(r)
    origin, editor, reporter = pick(r, PAPER), person(r), person(r)
    g = gold_base("新闻", title)
    g["date"], g["published"], g["origin"], g["editor"] = iso(d), f"{iso(d)}T{t}", origin, editor
    bp: list[str] = []
    top, b = chrome_top(r, site, "时政要闻")
    bp += b
    banner = f"专题：{pick(r, ['奋进新征程 建功新时代', '高质量发展调研行', '一线见闻·基层新气象'])}"
    app = f"下载{site}客户端，第一时间看{place[:2]}新闻"
    bp += [banner, app]
    style = r.randrange(3)
    if style == 0:
        info = f"{cn_date0(d)} {t} 来源：{origin} 作者：{reporter}"
    elif style == 1:
        info = f"{iso(d)} {t}:{num(r, 10, 59)}　来源：{origin}　记者 {reporter}"
    else:
        info = f"发布时间：{iso(d)} {t}　　信息来源：{origin}　　浏览次数：{num(r, 100, 9999)}"
    bp.append(info)
    if style != 2:
        g["author"] = reporter
    body_html = ""
    orig = None
    if r.random() < 0.6:
        orig = f"原标题：{place}{pick(r, topic[1])}{pick(r, ['这样干', '有了新变化', '见闻'])}"
        g["neutral"].append(orig)
        body_html += f"<p>{E(orig)}</p>\n"
    paras = [para(r, topic, place) for _ in range(r.randint(5, 8))]
    lead = f"{pick(r, PAPER)}讯（记者 {reporter}　通讯员 {person(r)}）"
    if r.random() < 0.5:
        paras[0] = lead + paras[0]
    g["body"] = list(paras)
    rel_h, rel_t = related(r, place)
    bp += rel_t
    cap_at = r.randint(1, 2)
    ad_at = r.choice([-1, 2, 3]) if len(paras) > 4 else -1
    inline_ad = f"打开{site}客户端，阅读体验更佳 >>"
    if ad_at >= 0:
        bp.append(inline_ad)
    rel_at = r.randint(3, len(paras) - 1)
    for i, p in enumerate(paras):
        if i == cap_at:
            cap = f"图为{place}{pick(r, TOWN)}{pick(r, topic[1])}现场。（{pick(r, ['记者', '通讯员'])} {person(r)} 摄）"
            g["neutral"].append(cap)
            body_html += f'<div class="pic" style="text-align:center"><img src="/img/{num(r, 1, 999)}.jpg" alt=""><p class="caption">{E(cap)}</p></div>\n'
        if i == rel_at:
            body_html += rel_h
        if i == ad_at:
            body_html += f'<p class="app-tip" style="text-align:center"><a href="/app">{E(inline_ad)}</a></p>\n'
        body_html += f'<p style="text-indent:2em">{E(p)}</p>\n'
    if r.random() < 0.5:
        vcap = f"视频：{place}{pick(r, topic[1])}见闻"
        g["neutral"].append(vcap)
        body_html += f'<div class="video"><video src="/v/{num(r, 1, 99)}.mp4"></video><p>{E(vcap)}</p></div>\n'
    pager = ""
    if r.random() < 0.5:
        pager = '<div class="pager"><span>第1页</span> <a href="?p=2">第2页</a> <a href="?p=3">第3页</a> <a href="?p=2">下一页</a> <a href="?p=3">尾页</a></div>\n'
        bp.append("第1页 第2页 第3页 下一页 尾页")
        g["notes"] = "Multi-page article: only page 1 is on the page, so the body is page 1."
    ed_style = r.randrange(3)
    if ed_style == 0:
        ed_line = f"（责任编辑：{editor}）"
    elif ed_style == 1:
        ed_line = f"责任编辑：{editor}"
    elif r.random() < 0.5:
        ed_line = f"【责任编辑：{editor}　审核：{person(r)}】"
    else:
        ed_line = f"本文来源：{origin}　责编：{editor}"
    bp.append(ed_line)
    sb, b = share_bar()
    bp += b
    foot, b = chrome_bottom(r, site)
    bp += b
    prevnext = [f"上一篇：{place}召开{pick(r, topic[1])}推进会", f"下一篇：{pick(r, CITY)}{pick(r, VERB)}{pick(r, topic[1])}"]
    bp += prevnext
    glue = r.random() < 0.35
    if glue:
        head = f'<div class="art-title"><h1>{E(title)}</h1><div class="info">{E(info)}</div></div>\n'
    else:
        head = f"<h1>{E(title)}</h1>\n<div class=\"info\">{E(info)}</div>\n"
    body = (top + f'<div class="zt-banner"><a href="/zt/">{E(banner)}</a></div>\n<div class="main"><div class="article">\n'
            + head + '<div class="content" id="zoom">\n' + body_html + "</div>\n" + pager
            + f'<p class="editor">{E(ed_line)}</p>\n</div>\n' + sb
            + f'<div class="prevnext"><p>{E(prevnext[0])}</p><p>{E(prevnext[1])}</p></div>\n'
            + f'<div class="app-ad"><a href="/app">{E(app)}</a></div>\n'
            + '<div class="comment"><p>网友评论</p><p>文明上网理性发言，请遵守新闻评论服务协议</p></div>\n'
            + "</div>\n" + foot)
    bp.append("文明上网理性发言，请遵守新闻评论服务协议")
    tt = r.choice([f"{title}_{site}", f"{title} - 时政要闻 - {site}", site])
    meta = f'<meta name="keywords" content="{E(place)}">\n'
    g["boilerplate"] = bp
    return page(tt, meta, body), "utf-8", g


def t_court(r: random.Random) -> tuple[str, str, dict]:
    """Court 判决书 or procuratorate 起诉书 as published on a court/procuratorate site."""
    county, city = pick(r, COUNTY), pick(r, CITY)
    defendant = pick(r, SURN) + "某" + r.choice(["", "某"])
    crime = pick(r, ["盗窃", "危险驾驶", "诈骗", "非法采矿", "寻衅滋事", "帮助信息网络犯罪活动"])
    d = rdate(r)
    pub = later(d, r.randint(3, 20))
    year = d[0]
    prosecutor = r.random() < 0.35
    if prosecutor:
        organ = f"{county}人民检察院"
        kindline = "起 诉 书"
        caseno = f"{county[:2]}检刑诉〔{year}〕{num(r, 10, 400)}号"
        title = f"{defendant}{crime}案起诉书"
    else:
        organ = f"{county}人民法院"
        kindline = "刑 事 判 决 书"
        caseno = f"（{year}）{pick(r, ['川', '岚', '松'])}{num(r, 1000, 9999)}刑初{num(r, 10, 400)}号"
        title = f"{defendant}{crime}罪一审刑事判决书"
    g = gold_base("公文", title)
    g["date"], g["issuer"], g["doc_number"] = iso(d), organ, caseno
    g["published"] = iso(pub)
    site = f"{county}{'人民检察院' if prosecutor else '人民法院'}网"
    bp: list[str] = []
    top, b = chrome_top(r, site, "审务公开" if not prosecutor else "检务公开")
    bp += b
    meta_line = f"发布日期：{iso(pub)}　　来源：{organ}　　点击数：{num(r, 10, 900)}"
    bp.append(meta_line)
    born = f"{num(r, 1965, 2002)}年{num(r, 1, 12)}月{num(r, 1, 28)}日"
    body = [organ, kindline, caseno]
    if prosecutor:
        body += [f"被告人{defendant}，男，{born}出生，汉族，初中文化，户籍地{pick(r, PROV)}{county}{pick(r, TOWN)}。"
                 f"因涉嫌{crime}罪，于{year}年{num(r, 1, 6)}月{num(r, 1, 28)}日被{county}公安局刑事拘留。",
                 f"本案由{county}公安局侦查终结，以被告人{defendant}涉嫌{crime}罪，于{year}年{num(r, 1, 6)}月{num(r, 1, 28)}日向本院移送审查起诉。"
                 "本院受理后，已依法告知被告人有权委托辩护人，依法讯问了被告人，审查了全部案件材料。",
                 "经依法审查查明：",
                 f"{year - 1}年{num(r, 1, 12)}月{num(r, 1, 28)}日{num(r, 1, 23)}时许，被告人{defendant}在{county}{pick(r, TOWN)}"
                 f"{pick(r, ['一超市', '一停车场', '一工地', '一出租屋'])}内实施{crime}行为，涉案金额共计人民币{num(r, 1200, 98000)}元。",
                 "认定上述事实的证据如下：",
                 "1.书证；2.证人证言；3.被告人供述和辩解；4.勘验、检查笔录；5.视听资料。",
                 f"本院认为，被告人{defendant}的行为已触犯《中华人民共和国刑法》第{num(r, 100, 300)}条，犯罪事实清楚，证据确实、充分，"
                 f"应当以{crime}罪追究其刑事责任。根据《中华人民共和国刑事诉讼法》第一百七十六条的规定，提起公诉，请依法判处。",
                 "此致",
                 f"{county}人民法院",
                 f"检察官　{person(r)}",
                 han_date(d),
                 "附：",
                 "1.被告人现羁押于" + county + "看守所。",
                 "2.案卷材料和证据2册。"]
        g["notes"] = "起诉书: the date under 检察官 is the document date (Chinese numerals)."
    else:
        judge, juror1, juror2, clerk = person(r), person(r), person(r), person(r)
        body += [f"公诉机关{county}人民检察院。",
                 f"被告人{defendant}，男，{born}出生，汉族，住{pick(r, PROV)}{county}。因涉嫌犯{crime}罪于{year}年{num(r, 1, 6)}月{num(r, 1, 28)}日被取保候审。",
                 f"{county}人民检察院以{county[:2]}检刑诉〔{year}〕{num(r, 10, 400)}号起诉书指控被告人{defendant}犯{crime}罪，于{year}年{num(r, 1, 6)}月"
                 f"{num(r, 1, 28)}日向本院提起公诉。本院依法适用简易程序，实行独任审判，公开开庭审理了本案。现已审理终结。",
                 f"公诉机关指控，{year - 1}年{num(r, 1, 12)}月，被告人{defendant}在{county}{pick(r, TOWN)}多次实施{crime}行为，"
                 f"涉案金额共计人民币{num(r, 1200, 98000)}元。",
                 "上述事实，被告人在开庭审理过程中亦无异议，且有书证、证人证言、被告人的供述与辩解等证据证实，足以认定。",
                 f"本院认为，被告人{defendant}的行为已构成{crime}罪。公诉机关指控的罪名成立。被告人到案后如实供述自己的罪行，依法可以从轻处罚。"
                 "依照《中华人民共和国刑法》的相关规定，判决如下：",
                 f"被告人{defendant}犯{crime}罪，判处有期徒刑{cn_num(r.randint(1, 11))}个月，并处罚金人民币{num(r, 1, 20)}000元。",
                 "（刑期从判决执行之日起计算。罚金于判决生效后十日内缴纳。）",
                 f"如不服本判决，可在接到判决书的第二日起十日内，通过本院或者直接向{city}中级人民法院提出上诉。书面上诉的，应当提交上诉状正本一份，副本二份。",
                 f"审　判　长　　{judge}",
                 f"人民陪审员　　{juror1}",
                 f"人民陪审员　　{juror2}",
                 han_date(d),
                 f"书　记　员　　{clerk}"]
        g["notes"] = "判决书: the date above 书记员 (Chinese numerals) is the document date; 案号 taken as doc_number."
    g["body"] = body
    sb, b = share_bar()
    bp += b
    foot, b = chrome_bottom(r, site)
    bp += b
    tbl = r.random() < 0.5
    if tbl:
        inner = "".join(f'<tr><td style="text-indent:2em;line-height:2">{E(x)}</td></tr>\n' for x in body)
        content = f'<table width="100%" class="wenshu">{inner}</table>\n'
    else:
        content = "".join(
            f'<div style="text-align:{"center" if i < 3 else ("right" if ("　　" in x or x.startswith(DIG[2])) else "left")};font-family:仿宋">{E(x)}</div>\n'
            for i, x in enumerate(body))
    sb_first = r.random() < 0.5
    if not tbl and r.random() < 0.4:  # flat page: the document lines are siblings of the page headline
        g["notes"] += " Flat page: head lines (court, doc type, case number) are siblings of the headline."
        bodyhtml = (top + f'<h2 class="tit">{E(title)}</h2>\n<div class="sub">{E(meta_line)}</div>\n' + content + sb + foot)
        g["boilerplate"] = bp
        return page(r.choice(["裁判文书", title]), "", bodyhtml), r.choice(["utf-8", "gb18030"]), g
    bodyhtml = (top + f'<div class="detail"><h2 class="tit">{E(title)}</h2>\n<div class="sub">{E(meta_line)}</div>\n'
                + (sb if sb_first else "") + f'<div class="txt">{content}</div></div>\n' + ("" if sb_first else sb) + foot)
    g["boilerplate"] = bp
    tt = r.choice(["裁判文书", title, f"{title}-{site}"])
    return page(tt, "", bodyhtml), r.choice(["utf-8", "gb18030"]), g


def t_stats(r: random.Random) -> tuple[str, str, dict]:
    """统计公报 with headings, tables (row by row), 单位 lines and 注： notes."""
    city = pick(r, CITY)
    yr = r.randint(2019, 2024)
    d = (yr + 1, r.randint(2, 4), r.randint(1, 28))
    pub = later(d, r.randint(0, 3))
    title = f"{city}{yr}年国民经济和社会发展统计公报"
    organ = f"{city}统计局"
    g = gold_base("报告", title)
    g["date"] = iso(d)
    g["published"] = iso(pub)
    site = f"{city}统计局"
    bp: list[str] = []
    top, b = chrome_top(r, site, "统计数据")
    bp += b
    info = f"发布时间：{iso(pub)}　来源：{organ}　【打印】【关闭】"
    bp.append(info)
    two = [organ, cn_date(d)]
    g["neutral"] += two
    body: list[str] = []
    html_parts: list[str] = []

    def add_p(x: str, tag: str = "p") -> None:
        body.append(x)
        html_parts.append(f"<{tag}>{E(x)}</{tag}>\n")

    add_p(f"{yr}年，全市上下坚持稳中求进工作总基调，经济运行总体平稳、稳中有进，社会大局保持稳定。")
    secs = ["综合", "农业", "工业和建筑业", "固定资产投资", "国内贸易", "人民生活和社会保障"]
    r.shuffle(secs)
    for i, s in enumerate(secs[: r.randint(3, 5)]):
        add_p(f"{CH_NUM[i]}、{s}", r.choice(["p", "h3", "strong"]))
        gdp = num(r, 800, 9000)
        add_p(f"初步核算，全年{s}相关增加值{gdp}.{num(r, 1, 9)}亿元，比上年增长{num(r, 1, 9)}.{num(r, 0, 9)}%。"
              f"其中，第一产业增加值{num(r, 50, 900)}.{num(r, 1, 9)}亿元，增长{num(r, 1, 6)}.{num(r, 0, 9)}%；"
              f"第二产业增加值{num(r, 200, 4000)}.{num(r, 1, 9)}亿元，增长{num(r, 1, 9)}.{num(r, 0, 9)}%。")
        if r.random() < 0.7:
            tn = f"表{i + 1}　{yr}年{s}主要指标"
            add_p(tn, "p")
            unit = "单位：亿元、%"
            add_p(unit)
            rows = [["指标", "绝对数", "比上年增长（%）"]]
            for _ in range(r.randint(3, 6)):
                rows.append([pick(r, ["粮食产量", "规模以上工业增加值", "社会消费品零售总额", "进出口总额", "一般公共预算收入",
                                      "城镇新增就业", "建筑业总产值", "民间投资", "住户存款余额"]),
                             f"{num(r, 10, 9000)}.{num(r, 0, 9)}", f"{r.choice(['', '-'])}{num(r, 0, 15)}.{num(r, 0, 9)}"])
            trs = []
            for row in rows:
                body.append(" ".join(row))
                cells = "".join(f'<td style="border:1px solid #000"><p><span style="font-size:12pt">{E(c)}</span></p></td>' for c in row)
                trs.append(f"<tr>{cells}</tr>")
            html_parts.append('<table border="1" cellspacing="0" style="border-collapse:collapse">' + "".join(trs) + "</table>\n")
        add_p(f"全年{pick(r, ['城镇居民', '农村居民', '全体居民'])}人均可支配收入{num(r, 18000, 70000)}元，比上年增长{num(r, 3, 9)}.{num(r, 0, 9)}%。")
    add_p("注：")
    add_p("1.本公报中部分数据为初步统计数，各项统计数据均未包括驻地部队。")
    add_p("2.地区生产总值、各产业增加值绝对数按现价计算，增长速度按不变价格计算。")
    add_p(f"资料来源：本公报中财政数据来自{city}财政局；就业数据来自{city}人力资源和社会保障局。")
    g["body"] = body
    g["notes"] = "Organ and date printed under the title are neutral; the date is the bulletin's own date. Tables row by row."
    sb, b = share_bar()
    bp += b
    foot, b = chrome_bottom(r, site)
    bp += b
    hot_h, hot = related(r, city, 3, "热点信息")
    bp += hot
    head = (f'<div class="hd"><h1 style="font-size:22px">{E(title)}</h1>\n<div class="info">{E(info)}</div></div>\n'
            f'<div class="con"><p style="text-align:center">{E(two[0])}</p>\n<p style="text-align:center">{E(two[1])}</p>\n')
    bodyhtml = top + '<div class="wrap">' + head + "".join(html_parts) + "</div></div>\n" + sb + hot_h + foot
    g["boilerplate"] = bp
    enc = r.choice(["utf-8", "gb18030", "utf-8-sig"])
    return page(r.choice(["统计公报", title, "数据发布"]), "", bodyhtml, "gbk" if enc == "gb18030" else "utf-8"), enc, g


def t_commend(r: random.Random) -> tuple[str, str, dict]:
    """通报/表彰决定 with 信息公开 metadata table and name lists."""
    city = pick(r, CITY)
    dept = pick(r, ["教育局", "卫生健康委员会", "人力资源和社会保障局", "应急管理局", "总工会"])
    organ = city + dept
    yr = r.randint(2019, 2025)
    what = pick(r, ["优秀教师", "先进集体和先进个人", "优秀志愿者", "安全生产先进单位", "岗位能手"])
    notice = r.random() < 0.4
    title = f"{organ}关于{'通报表扬' if notice else '表彰'}{yr}年度{what}的{'通报' if notice else '决定'}"
    d = (yr, r.randint(1, 12), r.randint(1, 28))
    pub = later(d, r.randint(1, 9))
    abbr = city[:1] + {"教育局": "教", "卫生健康委员会": "卫健", "人力资源和社会保障局": "人社", "应急管理局": "应急", "总工会": "工"}[dept]
    docno = f"{abbr}{'发' if r.random() < 0.5 else '字'}〔{yr}〕{num(r, 1, 120)}号"
    addressee = f"各区县{dept[:-1] if dept.endswith('局') else dept}，市直各有关单位"
    g = gold_base("公文", title)
    g["date"], g["issuer"], g["doc_number"], g["addressee"] = iso(d), organ, docno, addressee
    g["published"] = iso(pub)
    site = f"{city}人民政府门户网站"
    bp: list[str] = []
    top, b = chrome_top(r, site, "通知公告")
    bp += b
    idx = f"{num(r, 10**8, 10**9 - 1)}/{yr}-{num(r, 10000, 99999)}"
    mrows = [("索引号：", idx), ("发布机构：", organ), ("生成日期：", iso(pub)), ("主题分类：", "其他"),
             ("文号：", docno), ("成文日期：", iso(d))]
    mt = "<table class=\"xxgk\">" + "".join(
        f"<tr><td>{E(a)}</td><td>{E(b)}</td></tr>" for a, b in mrows) + "</table>\n"
    bp += [f"索引号：{idx}", "主题分类：其他"]
    body = [docno, addressee + "："]
    body.append(f"{yr}年，全市{what}立足岗位、担当作为，在推动{pick(r, TOPICS)[0]}工作中作出了积极贡献。为树立典型、弘扬正气，"
                f"经研究，决定对{num(r, 10, 60)}个集体和{num(r, 20, 200)}名个人予以{'通报表扬' if notice else '表彰'}。")
    body.append(f"希望受{'表扬' if notice else '表彰'}的集体和个人珍惜荣誉、再接再厉。各单位要以先进为榜样，奋勇争先，为建设现代化{city}作出新的更大贡献。")
    body.append(f"附件：{yr}年度{what}名单")
    body += [organ, cn_date(d)]
    body.append("（此件公开发布）")
    # attachment with name list
    body.append("附件")
    body.append(f"{yr}年度{what}名单")
    names_html = []
    for k, grp in enumerate(["一、先进集体", "二、先进个人"]):
        body.append(grp)
        names_html.append(f"<p><strong>{E(grp)}</strong></p>\n")
        if k == 0:
            for _ in range(r.randint(3, 6)):
                x = f"{pick(r, COUNTY)}{pick(r, ['第一中学', '人民医院', '应急管理局', '城关小学', '社区卫生服务中心'])}"
                body.append(x)
                names_html.append(f"<p>{E(x)}</p>\n")
        else:
            layout = r.randrange(2)
            rows = []
            for _ in range(r.randint(3, 6)):
                rows.append([f"{person(r)}（{pick(r, COUNTY)}{pick(r, ['第二中学', '中心医院', '消防救援大队', '实验小学'])}）" for _ in range(r.randint(2, 3))])
            for row in rows:
                if layout == 0:
                    body.append("　　".join(row))
                    names_html.append(f"<p>{E('　　'.join(row))}</p>\n")
                else:
                    body.append(" ".join(row))
            if layout == 1:
                names_html.append("<table>" + "".join("<tr>" + "".join(f"<td>{E(c)}</td>" for c in row) + "</tr>" for row in rows) + "</table>\n")
    g["body"] = body
    g["notes"] = "信息公开 metadata table is chrome; the attachment name list is body (table rows joined by a space)."
    sb, b = share_bar()
    bp += b
    foot, b = chrome_bottom(r, site)
    bp += b
    n_att = body.index("附件")
    main_html = (f"<p>{E(body[0])}</p>\n<p>{E(body[1])}</p>\n" + ps(body[2:n_att])
                 + f"<p>{E(body[n_att])}</p>\n<p style=\"text-align:center\">{E(body[n_att + 1])}</p>\n" + "".join(names_html))
    title_html = f"<h1>{E(title)}</h1>\n" if r.random() < 0.7 else (
        f'<div class="title"><span>{E(title[: len(title) // 2])}</span><br><span>{E(title[len(title) // 2:])}</span></div>\n')
    if "<br>" in title_html:
        g["notes"] += " Title printed on two lines is joined."
    bodyhtml = top + mt + title_html + '<div class="TRS_Editor">' + main_html + "</div>\n" + sb + foot
    g["boilerplate"] = bp
    return page(r.choice(["通知公告", title + "_" + site, "　"]), "", bodyhtml), r.choice(["utf-8", "gb18030"]), g


def t_press(r: random.Random) -> tuple[str, str, dict]:
    """Press-conference Q&A (问：/答： or 记者 name: speaker)."""
    prov = pick(r, PROV)
    office = f"{prov}{pick(r, ['外事办公室', '人民政府新闻办公室', '商务厅'])}"
    spk = person(r)
    d = rdate(r)
    title = f"{cn_date(d)}{office}发言人{spk}主持例行新闻发布会"
    g = gold_base("新闻", title)
    g["date"] = iso(d)
    t = f"{r.randint(17, 21):02d}:{r.randint(0, 59):02d}"
    g["published"] = f"{iso(d)}T{t}"
    site = office + "网站"
    bp: list[str] = []
    top, b = chrome_top(r, site, "发言人表态")
    bp += b
    info = f"{iso(d)} {t}"
    bp.append(f"发布时间：{info}")
    body = [f"发言人{spk}：{pick(r, ['女士们，先生们，下午好！', '各位记者朋友，大家好！'])}今天我首先发布一条消息。",
            f"应{pick(r, CITY)}邀请，{pick(r, PROV)}代表团将于{d[1]}月{min(28, d[2] + 3)}日至{min(28, d[2] + 6)}日访问{prov}，双方将就经贸、人文等领域合作深入交流。"]
    qa_style = r.randrange(2)
    for _ in range(r.randint(3, 5)):
        topic = pick(r, TOPICS)
        outlet = pick(r, PAPER)
        q = f"关于{topic[0]}，{pick(r, ['有报道称', '我们注意到', '据了解'])}{pick(r, CITY)}近期出台了{pick(r, topic[1])}相关措施。请问发言人对此有何评论？"
        a = para(r, topic, prov, r.randint(2, 3))
        if qa_style == 0:
            body += [f"问：{q}", f"答：{a}"]
        else:
            body += [f"{outlet}记者：{q}", f"{spk}：{a}"]
    body.append(f"{pick(r, PAPER)}记者：今年以来，{prov}对外交流活动明显增多。能否介绍一下有关情况？")
    body.append(f"{spk}：{para(r, pick(r, TOPICS), prov, 2)}")
    g["body"] = body
    g["notes"] = "Q&A turns are body in order; speaker/question labels kept as printed."
    sb, b = share_bar()
    bp += b
    foot, b = chrome_bottom(r, site)
    bp += b
    rel_h, rel = related(r, prov, 3, "往期回顾")
    bp += rel
    ch = "".join(
        (f"<p><strong>{E(x.split('：', 1)[0])}：</strong>{E(x.split('：', 1)[1])}</p>\n" if "：" in x[:16] and r.random() < 0.6 else f"<p>{E(x)}</p>\n")
        for x in body)
    bodyhtml = (top + f'<div class="article"><h1>{E(title)}</h1>\n<p class="time">发布时间：{E(info)}</p>\n' + sb
                + f'<div class="content">{ch}</div></div>\n' + rel_h + foot)
    g["boilerplate"] = bp
    return page(r.choice(["发言人表态", title]), "", bodyhtml), "utf-8", g


def t_law(r: random.Random) -> tuple[str, str, dict]:
    """人大 法规 page: 题注, optional 目录, 章 and 条."""
    city = pick(r, CITY)
    subj = pick(r, ["城市绿化", "养犬管理", "历史文化名城保护", "物业管理", "河道管理", "文明行为促进"])
    title = f"{city}{subj}条例"
    d1 = rdate(r)
    d2 = later(d1, r.randint(15, 50))
    n1 = num(r, 13, 17)
    prov = pick(r, PROV)
    tizhu_two = r.random() < 0.5
    if tizhu_two:
        tz = (f"（{cn_date(d1)}{city}第{cn_num(n1)}届人民代表大会常务委员会第{cn_num(num(r, 3, 30))}次会议通过　"
              f"{cn_date(d2)}{prov}第{cn_num(num(r, 12, 14))}届人民代表大会常务委员会第{cn_num(num(r, 3, 30))}次会议批准）")
    else:
        tz = f"（{cn_date(d1)}{city}第{cn_num(n1)}届人民代表大会第{cn_num(num(r, 1, 5))}次会议通过）"
    g = gold_base("法律", title)
    g["subtitle"] = tz
    g["neutral"].append(tz)
    g["date"] = iso(d2 if tizhu_two else d1)
    g["issuer"] = f"{city}人民代表大会{'常务委员会' if tizhu_two else ''}"
    pub = later(d2, r.randint(1, 10))
    g["published"] = iso(pub)
    site = f"{city}人大网"
    bp: list[str] = []
    top, b = chrome_top(r, site, "地方性法规")
    bp += b
    info = f"来源：{city}人大常委会法制工作委员会　　发布时间：{iso(pub)}　　浏览量：{num(r, 100, 9000)}"
    bp.append(info)
    chapters = ["总则", pick(r, ["规划与建设", "管理与服务", "保护措施"]), pick(r, ["监督管理", "社会参与"]), "法律责任", "附则"]
    body: list[str] = []
    has_toc = r.random() < 0.5
    if has_toc:
        body.append("目　　录")
        for i, c in enumerate(chapters):
            body.append(f"第{CH_NUM[i]}章　{c}")
    art = 0
    for i, c in enumerate(chapters):
        body.append(f"第{CH_NUM[i]}章　{c}")
        for _ in range(r.randint(2, 4) if c != "附则" else 1):
            art += 1
            if c == "附则":
                txt = f"本条例自{cn_date(later(d2, 30))}起施行。"
            elif c == "总则" and art == 1:
                txt = f"为了加强{subj}工作，维护公共利益，根据有关法律、行政法规，结合本市实际，制定本条例。"
            else:
                txt = (f"{pick(r, ['市', '区、县（市）'])}人民政府应当{pick(r, VERB)}{subj}工作，将所需经费纳入本级财政预算，"
                       f"{pick(r, ['建立健全协调机制', '定期向社会公布有关情况', '组织开展监督检查'])}。")
                if r.random() < 0.3:
                    body.append(f"第{cn_num(art)}条　{txt}")
                    body.append(f"违反本条例第{cn_num(max(1, art - 2))}条规定的，由有关部门责令限期改正；逾期不改正的，处{num(r, 1, 5)}千元以上{num(r, 6, 20)}千元以下罚款。")
                    continue
            body.append(f"第{cn_num(art)}条　{txt}")
    g["body"] = body
    g["notes"] = "题注 is the subtitle (and neutral); the date is the last date in it. 目录 lines, when printed, are body text."
    sb, b = share_bar()
    bp += b
    foot, b = chrome_bottom(r, site)
    bp += b
    rel_h, rel = related(r, city, 3, "相关法规")
    bp += rel
    ch = []
    for x in body:
        if (x.startswith("第") and "章" in x[:4]) or x.startswith("目"):
            ch.append(f'<p style="text-align:center"><b>{E(x)}</b></p>\n')
        else:
            m = re.match(r"(第.{1,4}条)　(.*)", x)
            if m and r.random() < 0.5:
                ch.append(f'<p>　　<span style="font-family:黑体">{E(m.group(1))}</span>　{E(m.group(2))}</p>\n')
            else:
                ch.append(f"<p>　　{E(x)}</p>\n")
    bodyhtml = (top + f'<div class="law"><h1>{E(title)}</h1>\n<div class="meta">{E(info)}</div>\n'
                + f'<p class="tizhu" style="text-align:center">{E(tz)}</p>\n' + "".join(ch) + "</div>\n" + sb + rel_h + foot)
    g["boilerplate"] = bp
    return page(r.choice(["地方性法规", title + "-" + site]), "", bodyhtml), r.choice(["utf-8", "utf-8-sig"]), g


def t_draft(r: random.Random) -> tuple[str, str, dict]:
    """征求意见稿 notice with 反馈方式, 附件 list, signature, then attachments (draft + 起草说明)."""
    county = pick(r, COUNTY)
    dept = pick(r, ["城市管理局", "住房和城乡建设局", "农业农村局", "市场监督管理局"])
    organ = county + dept
    subj = pick(r, ["农村生活垃圾治理", "户外广告设置管理", "农贸市场管理", "既有住宅加装电梯"])
    docname = f"{county}{subj}办法（征求意见稿）"
    title = f"关于公开征求《{docname}》意见的公告"
    d = rdate(r)
    g = gold_base("公文", title)
    g["date"], g["issuer"], g["published"] = iso(d), organ, iso(d)
    site = f"{county}人民政府网"
    bp: list[str] = []
    top, b = chrome_top(r, site, "征集调查")
    bp += b
    info = f"{iso(d)} {hm(r)}　来源：{organ}　字体：[大 中 小]"
    bp.append(info)
    end = later(d, 30)
    body = [f"为{pick(r, VERB)}{subj}工作，提高规范性文件制定的科学性和民主性，我局起草了《{docname}》，现向社会公开征求意见。"
            f"公众可通过以下方式提出意见建议：",
            "一、反馈方式",
            f"（一）电子邮箱：{pick(r, ['hcxcg', 'qlzj', 'sxny', 'wtsj'])}{num(r, 100, 999)}@{pick(r, ['163.com', 'qq.com', 'hc.gov.cn'])}（邮件主题请注明“意见建议”）。",
            f"（二）通讯地址：{county}{pick(r, ['人民路', '政务中心'])}{num(r, 1, 99)}号{organ}{pick(r, ['法规科', '办公室'])}，邮编{num(r, 100000, 999999)}。",
            f"（三）联系电话：0{num(r, 100, 999)}-{num(r, 1000000, 9999999)}。",
            "二、反馈时间",
            f"{cn_date(d)}至{cn_date(end)}。",
            "附件：1." + docname,
            "2.关于《" + docname + "》的起草说明",
            organ, cn_date(d),
            "附件1", docname]
    topic = pick(r, TOPICS)
    for i in range(r.randint(4, 7)):
        body.append(f"第{cn_num(i + 1)}条　" + ("为了规范" + subj + "，根据有关规定，结合本县实际，制定本办法。" if i == 0 else
                                          f"{pick(r, ['县', '乡镇'])}人民政府负责{subj}的组织实施，{sentence(r, topic, county)}。"))
    body += ["附件2", f"关于《{docname}》的起草说明", "一、起草背景", para(r, topic, county, 2), "二、主要内容",
             para(r, topic, county, 2), "三、需要说明的问题", "本办法施行后，原有规定与本办法不一致的，以本办法为准。"]
    g["body"] = body
    g["notes"] = "公告 with 反馈方式; the 附件 list, signature and both attachments (draft text, 起草说明) are body."
    sb, b = share_bar()
    bp += b
    foot, b = chrome_bottom(r, site)
    bp += b
    dl = f"{docname}.docx"
    bp.append("附件下载：" + dl)
    g["notes"] += " The download link line is chrome."
    ch = []
    if r.random() < 0.4:
        ch.append("<div>" + "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + E(x) for x in body) + "</div>\n")
        g["notes"] += " Paragraphs separated by <br> inside one div."
        body = []
    for x in body:
        if x in (organ, cn_date(d)):
            ch.append(f'<p style="text-align:right">{E(x)}</p>\n')
        elif x.startswith("附件") and len(x) <= 3:
            ch.append(f'<p style="font-family:黑体">{E(x)}</p>\n')
        else:
            ch.append(f'<p style="text-indent:2em"><span style="font-size:16pt"><font face="仿宋">{E(x)}</font></span></p>\n')
    bodyhtml = (top + f'<div class="art"><div class="art-tit">{E(title)}</div>\n<div class="art-info">{E(info)}</div>\n'
                + '<div class="art-con">' + "".join(ch) + "</div>\n"
                + f'<p class="down">附件下载：<a href="/f/{num(r, 1, 999)}.docx">{E(dl)}</a></p></div>\n' + sb + foot)
    g["boilerplate"] = bp
    return page(r.choice(["征集调查", title, "&nbsp;"]), "", bodyhtml), r.choice(["utf-8", "gb18030"]), g


def t_institution(r: random.Random) -> tuple[str, str, dict]:
    """Hospital/school/enterprise news in span/font/div soup, date only in a 发布者 line; <title> is the column."""
    kind_org = r.randrange(3)
    county = pick(r, COUNTY)
    org = [f"{county}人民医院", f"{pick(r, CITY)}职业技术学院", f"{pick(r, CITY)}水务集团有限公司"][kind_org]
    topic = pick(r, TOPICS)
    act = [["开展义诊进社区活动", "新增胸痛中心", "举办护理技能竞赛"], ["举行新生开学典礼", "获批省级精品课程", "开展校园招聘会"],
           ["召开安全生产工作会议", "完成管网改造工程", "开展党建联建活动"]][kind_org]
    title = f"{org}{pick(r, act)}"
    d = rdate(r)
    dept = ["党委办公室", "宣传统战部", "综合管理部"][kind_org]
    g = gold_base("新闻", title)
    g["date"], g["published"] = iso(d), iso(d)
    editor = person(r)
    g["editor"] = editor
    bp: list[str] = []
    top, b = chrome_top(r, org, "新闻中心")
    bp += b
    mode = r.randrange(4)
    if mode == 0:
        meta = f"发布者：{dept}　发布时间：{iso(d)}　浏览次数：{num(r, 50, 5000)}"
    elif mode == 1:
        meta = f"作者：{person(r)}　审核：{person(r)}　日期：{d[0]}/{d[1]:02d}/{d[2]:02d}"
    elif mode == 2:
        meta = f"[{iso(d)}]　点击：{num(r, 50, 5000)}"
    else:
        meta = f"您的位置：首页 >> 新闻中心 >> {d[0]}/{d[1]:02d}/{d[2]:02d}"
        g["published"] = None
        g["notes"] = "Date shown only in the breadcrumb-like position line (and the URL). "
    bp.append(meta)
    paras = [para(r, topic, org) for _ in range(r.randint(3, 6))]
    sub_heads = r.random() < 0.5
    body: list[str] = []
    for i, p in enumerate(paras):
        if sub_heads and i in (1, 3):
            body.append(f"{pick(r, ['聚焦', '立足', '坚持'])}{pick(r, topic[1])} {pick(r, ['答好发展卷', '服务显温度', '创新添活力'])}")
        body.append(p)
    photo = f"{pick(r, ['活动现场', '合影留念', '专家讲解'])}"
    g["neutral"].append(photo)
    g["body"] = body
    ed_line = f"（编辑：{editor}）" if r.random() < 0.5 else f"文/{person(r)}　图/{person(r)}　编辑/{editor}"
    bp.append(ed_line)
    g["notes"] += "Photo captions are neutral; the 编辑 credit line at the end gives the editor."
    foot, b = chrome_bottom(r, org)
    bp += b

    def soup(x: str) -> str:
        # split a paragraph into spans/fonts at arbitrary points
        cuts = sorted(r.sample(range(1, len(x)), min(3, len(x) - 1)))
        pieces = [x[a:b] for a, b in zip([0, *cuts], [*cuts, len(x)], strict=False)]
        out = []
        for pc in pieces:
            w = r.randrange(3)
            out.append(f'<span style="font-size:16px;font-family:宋体">{E(pc)}</span>' if w == 0 else
                       (f'<font face="宋体" size="3">{E(pc)}</font>' if w == 1 else f'<span lang="EN-US"><span>{E(pc)}</span></span>'))
        return "".join(out)
    ch = []
    for i, x in enumerate(body):
        if i == 1:
            ch.append(f'<div style="text-align:center"><img src="/u/{num(r, 1, 99)}.jpg"></div>\n<div style="text-align:center"><span style="color:#666">{E(photo)}</span></div>\n')
        ch.append(f'<div style="text-indent:2em;line-height:28px">{soup(x)}</div>\n' if len(x) > 20 else
                  f'<div><strong><span style="color:#c00">{E(x)}</span></strong></div>\n')
    layout = r.random() < 0.5
    if layout:
        content = (f'<table width="960" border="0"><tr><td width="220" valign="top"><div class="side"><p>新闻中心</p><p>{E(org)}要闻</p>'
                   f'<p>通知公告</p><p>媒体聚焦</p></div></td><td valign="top">'
                   f'<table width="100%"><tr><td align="center" class="title"><font size="5"><b>{E(title)}</b></font></td></tr>'
                   f'<tr><td align="center">{E(meta)}</td></tr><tr><td>{"".join(ch)}<p align="right">{E(ed_line)}</p></td></tr></table>'
                   "</td></tr></table>\n")
        bp.append(f"{org}要闻")
    else:
        content = (f'<div class="news"><div class="t" style="font-size:22px;font-weight:bold;text-align:center">{E(title)}</div>\n'
                   f'<div class="m" style="text-align:center;color:#999">{E(meta)}</div>\n<div class="c">{"".join(ch)}</div>\n'
                   f'<div style="text-align:right">{E(ed_line)}</div></div>\n')
    bodyhtml = top + content + foot
    g["boilerplate"] = bp
    canon_link = f'<link rel="canonical" href="https://www.example.cn/xwzx/{d[0]}{d[1]:02d}/t{d[0]}{d[1]:02d}{d[2]:02d}_{num(r, 1000, 99999)}.html">\n'
    return page(r.choice(["新闻中心", "Untitled Document", "无标题文档", org]), canon_link, bodyhtml, "gb2312"), "gb18030", g


TRAD_SENT = [
    "{p}政府今日宣布，將投入{n}億元推動社區長者服務，預計惠及{m}萬名市民",
    "有關部門表示，新措施將於下月起分階段實施，並會定期檢討成效",
    "{p}議會昨日舉行會議，議員就公共交通、房屋供應等議題提出質詢",
    "據統計，今年首季{p}訪客人次按年增長{k}%，零售及餐飲業生意明顯回暖",
    "當局指出，將加強與鄰近地區合作，共同推動經濟發展和民生改善",
    "不少市民對新政策表示歡迎，認為有助減輕家庭負擔",
    "負責人強調，政府會繼續聆聽各界意見，確保資源用得其所",
    "{p}環境部門同日公布，區內空氣質素整體改善，優良日數增加{k}天",
]
TRAD_PLACE = ["臨江", "清源", "白鷺", "雲溪", "石橋", "安平"]
TRAD_PAPER = ["臨江日報", "清源時報", "白鷺新聞網", "雲溪電視台"]
TRAD_SURN = list("陳李張黃何林梁吳劉鄭周謝")
TRAD_GIVEN = list("志明家豪詠詩嘉欣俊傑美玲國華偉")


def t_big5(r: random.Random) -> tuple[str, str, dict]:
    """Traditional-Chinese news page in Big5 with 來源/責任編輯 and a 延伸閱讀 box."""
    p = pick(r, TRAD_PLACE)
    title = f"{p}{pick(r, ['推出長者服務新措施', '首季訪客人次回升', '空氣質素持續改善', '議會討論交通議題'])}"
    d = rdate(r)
    t = hm(r)
    origin = pick(r, TRAD_PAPER)
    editor = pick(r, TRAD_SURN) + pick(r, TRAD_GIVEN) + pick(r, TRAD_GIVEN)
    g = gold_base("新闻", title)
    g["date"], g["published"], g["origin"], g["editor"] = iso(d), f"{iso(d)}T{t}", origin, editor

    def s() -> str:
        return pick(r, TRAD_SENT).format(p=p, n=r.randint(2, 90), m=r.randint(1, 40), k=r.randint(2, 30))
    paras = ["，".join(s() for _ in range(r.randint(2, 3))) + "。" for _ in range(r.randint(4, 6))]
    g["body"] = paras
    nav = "首頁 | 港澳 | 兩岸 | 國際 | 財經 | 體育 | 娛樂"
    info = f"{d[0]}年{d[1]:02d}月{d[2]:02d}日 {t}　來源：{origin}"
    rel = [f"{pick(r, TRAD_PLACE)}{x}" for x in r.sample(["公布最新施政報告", "舉行跨境合作論壇", "推出消費券計劃", "檢討公共交通票價"], 3)]
    ed = f"責任編輯：{editor}"
    foot = f"版權所有 {d[0]} {origin} 不得轉載"
    g["boilerplate"] = [nav, info, ed, foot, "延伸閱讀", *rel]
    ch = ""
    for i, x in enumerate(paras):
        ch += f"<p>{E(x)}</p>\n"
        if i == 1:
            ch += '<div class="more"><b>延伸閱讀</b><ul>' + "".join(f"<li><a href='#'>{E(x)}</a></li>" for x in rel) + "</ul></div>\n"
    bodyhtml = (f'<div class="nav">{E(nav)}</div>\n<h1>{E(title)}</h1>\n<div class="date">{E(info)}</div>\n'
                f'<div id="article">{ch}</div>\n<p class="ed">{E(ed)}</p>\n<div class="ft">{E(foot)}</div>\n')
    g["notes"] = "Big5 page, traditional text kept as printed."
    return page(f"{title} - {origin}", "", bodyhtml, "big5"), "big5", g


FAMILIES = [t_news_portal, t_court, t_stats, t_commend, t_press, t_law, t_draft, t_institution, t_big5]
WEIGHTS = [18, 12, 10, 12, 10, 10, 10, 12, 6]


def canon(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC")).lower()


def tidy_gold(g: dict) -> dict:
    """Keep only boilerplate lines that are legal per the guide (>= 4 canon chars, not inside the body)."""
    allbody = canon("".join(g["body"]))
    keep = []
    for b in g["boilerplate"]:
        cb = canon(b)
        if len(cb) >= 4 and cb not in allbody and b not in keep and not any(cb in canon(x) for x in g["body"]):
            keep.append(b)
    g["boilerplate"] = keep
    return g


def generate(folder: Path, pages: int, seed: int) -> list[Path]:
    """Write pages d000.. of ``seed`` as ``folder/docs/dNNN.html`` with ``folder/gold/dNNN.gold.json``; the same
    seed gives the same bytes. Returns the pages written, in order."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    r = random.Random(seed)
    written: list[Path] = []
    for i in range(pages):
        fam = r.choices(FAMILIES, WEIGHTS)[0]
        sub = random.Random(r.randrange(2**32))
        text, enc, g = fam(sub)
        name = f"d{i:03d}"
        g["file"] = name + ".html"
        g["family"] = fam.__name__
        g["encoding"] = enc
        tidy_gold(g)
        if enc != "utf-8" and enc != "utf-8-sig":
            text = text.replace('charset="utf-8"', f'charset="{ "gbk" if enc == "gb18030" else enc}"')
        page = folder / "docs" / g["file"]
        page.write_bytes(text.encode(enc))
        (folder / "gold" / f"{name}.gold.json").write_text(json.dumps(g, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(page)
    return written


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    generate(Path(a.out), a.pages, a.seed)


if __name__ == "__main__":
    main()

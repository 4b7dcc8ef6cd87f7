"""Probe family F: invented pages of many content kinds, as HTML with charset and markup traps or as other tools'
text and Markdown dumps, with gold (realdocs format), seeded and reproducible.

Written by a sixth helper without reading families A to E, as an independent check; run through
``benchmarks/probe_templates.py --family f`` (``generate``), or alone:

    python benchmarks/probe_templates/family_f.py --seed N --pages M --out DIR   # DIR/docs/fNNN.html|txt|md, DIR/gold/…

Page families (9 contents, page NNN draws content NNN % 9, from a municipal, county, hospital, school, 公安, 法院,
enterprise or news-portal site): news (引题 above the title, 副题, a reporter line, photo captions, 原标题), speeches
(a bracketed dateline and the speaker under the title in either order, sometimes a ——副题), 统计公报 (organ line
and date under the title, numbered 表N tables, 注 notes), 政府信息公开年报 (three tables, no signature), 征求意见
(a deadline that is not the date, 附件 list, signature, the attachment's 第N条 text), 任前公示 (a 公示时间 range, 举报电话),
招标/中标公告 (a project table, a bid deadline), 政策问答 (问：/答：), 印发通知 (信息公开 table, 发文字号 line, 主送,
signature, （此件公开发布）, the printed 方案; a title printed over two lines).

Trap axes (14 formats, page NNN draws format (NNN // 9 + NNN) % 14): plain HTML; a wrong charset declaration (meta
gb2312 over UTF-8 bytes, meta utf-8 over GB18030 bytes, a UTF-8 BOM over meta gbk); CJK as numeric entities;
``<br>``-only text; ``<font>`` soup splitting every paragraph; MS Word paste (mso- styles, ``<o:p>``, conditional
comments, GB18030); a nested-table layout; a news portal (引题/副题, 责编 at the end, a pager); and other tools' dumps
of the page: a ``get_text()``-like .txt (blank runs, tabs, NBSP and 　 indents, trailing spaces, CRLF half the
time, table cells one a line), a Markdown reader clip as .md and as .txt (``* [首页](/)`` menus, ``# title``,
``**来源：**``, links, images, pipe tables), an inscriptis-like layout .txt (the menu on one line with wide gaps,
centred title, space-aligned table columns, signature pushed right). ``folder/manifest.tsv`` records each page's
content and format; the gold's "notes" names the content's conventions.

All text is invented here. Gold is built from the same data the page is rendered from (never re-read). The same
seed gives the same bytes (page fNNN is the generator's page NNN): change nothing that draws from the random
stream, or old seeds stop meaning what they meant.
"""

# ruff: noqa: E501  (vocabulary lists and markup templates are long literals, kept whole to be read as pages)

from __future__ import annotations

import argparse
import datetime
import json
import random
import re
import unicodedata
from pathlib import Path
from typing import Any

# ----------------------------------------------------------------------------- vocabulary
SURN = list("林陈赵周吴孙何高罗梁宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤")
GIVN = ["晓明", "丽华", "建国", "海燕", "志强", "雨桐", "子涵", "文博", "思远", "嘉怡", "俊杰", "秀英", "立新",
        "春燕", "国栋", "明轩", "若溪", "振华", "慧敏", "一帆", "德胜", "玉兰", "卫东", "家豪", "静怡", "成林", "小川", "锦程"]
CITY = ["临江市", "云泽市", "望海市", "石门市", "青川市", "北塘市"]
COUNTY = ["河川县", "白沙县", "松溪县", "枫林县", "石桥县", "南屏县", "青岚区", "望湖区", "东坪区"]
TOWN = ["松溪镇", "北塘乡", "柳湾镇", "石岭街道", "桃源街道", "新港镇", "云岭乡", "凤凰街道"]
DEPT = ["发展和改革委员会", "教育局", "财政局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局",
        "农业农村局", "商务局", "卫生健康委员会", "应急管理局", "市场监督管理局", "医疗保障局", "司法局", "民政局"]
TOPIC = ["营商环境", "乡村振兴", "生态保护", "安全生产", "城市更新", "民生保障", "数字政府", "文明创建",
         "基层治理", "科技创新", "招商引资", "河湖治理", "老旧小区改造", "义务教育", "食品安全", "防汛抗旱"]
VERB = ["深入推进", "扎实开展", "持续优化", "全面加强", "统筹推进", "积极探索", "不断完善", "稳步实施", "切实抓好", "加快推动"]
OBJ = ["工作机制", "专项行动", "监管体系", "服务模式", "重点项目", "示范创建", "考核评价", "基础设施建设", "人才队伍建设", "信息化平台"]
TAIL = ["取得了阶段性成效", "群众满意度明显提升", "为高质量发展提供了有力支撑", "形成了一批可复制可推广的经验",
        "各项指标均好于预期", "有效解决了一批群众急难愁盼问题", "推动工作提质增效", "夯实了发展基础"]
ACT = ["召开专题会议进行部署", "组织人员深入一线调研", "建立健全长效管理制度", "加大资金投入力度",
       "强化部门协同配合", "开展拉网式排查整治", "邀请专家开展专题培训", "落实属地管理责任"]
NUM_CN = "一二三四五六七八九十"
SITE_KIND = ["gov", "county", "hospital", "school", "police", "court", "enterprise", "portal"]


def name(r: random.Random) -> str:
    return r.choice(SURN) + r.choice(GIVN)


def cn_num(n: int) -> str:
    if n <= 10:
        return NUM_CN[n - 1]
    if n < 20:
        return "十" + NUM_CN[n - 11]
    return NUM_CN[n // 10 - 1] + "十" + (NUM_CN[n % 10 - 1] if n % 10 else "")


def sentence(r: random.Random, place: str) -> str:
    forms = [
        lambda: f"{place}{r.choice(VERB)}{r.choice(TOPIC)}{r.choice(OBJ)}，{r.choice(ACT)}，{r.choice(TAIL)}。",
        lambda: f"今年以来，{place}围绕{r.choice(TOPIC)}{r.choice(VERB)}{r.choice(OBJ)}，累计投入资金{r.randint(120, 9800)}万元，{r.choice(TAIL)}。",
        lambda: f"截至{r.randint(1, 12)}月底，全{place[-1]}共完成{r.choice(TOPIC)}项目{r.randint(12, 480)}个，同比增长{r.randint(2, 39)}.{r.randint(0, 9)}%。",
        lambda: f"下一步，{place}将{r.choice(VERB)}{r.choice(TOPIC)}{r.choice(OBJ)}，{r.choice(ACT)}，确保各项任务落到实处。",
        lambda: f"各{r.choice(['乡镇', '部门', '单位', '街道'])}要{r.choice(ACT)}，{r.choice(VERB)}{r.choice(OBJ)}，坚决防止{r.choice(['形式主义', '敷衍应付', '层层加码', '推诿扯皮'])}。",
        lambda: f"{r.choice(['会议强调', '会议指出', '会议要求'])}，要{r.choice(VERB)}{r.choice(TOPIC)}，{r.choice(ACT)}，{r.choice(TAIL)}。",
    ]
    return r.choice(forms)()


def para(r: random.Random, place: str, lo: int = 2, hi: int = 4) -> str:
    return "".join(sentence(r, place) for _ in range(r.randint(lo, hi)))


def dstr(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def cndate(y: int, m: int, d: int) -> str:
    return f"{y}年{m}月{d}日"


def shift(y: int, m: int, d: int, k: int) -> tuple[int, int, int]:
    t = datetime.date(y, m, d) + datetime.timedelta(days=k)
    return t.year, t.month, t.day


# ----------------------------------------------------------------------------- page model
class Page:
    def __init__(self) -> None:
        self.kind = "新闻"
        self.title = ""
        self.title_lines: list[str] = []      # how the title is printed (joined with nothing)
        self.subtitle: str | None = None
        self.kicker: str | None = None        # 引题 (neutral)
        self.date: str | None = None
        self.published: str | None = None
        self.issuer: str | None = None
        self.doc_number: str | None = None
        self.addressee: str | None = None
        self.origin: str | None = None
        self.editor: str | None = None
        self.author: str | None = None
        self.pre: list[tuple[str, str]] = []    # lines between title and body: ('neutral'|'chrome', text)
        self.items: list[tuple[str, Any]] = []            # body items: ('p',t) ('h',t) ('table',rows) ('neutral',t) ('sig',t)
        self.meta: list[str] = []               # byline pieces (chrome) e.g. 来源：X
        self.govmeta: list[tuple[str, str]] = []
        self.editor_line: str | None = None
        self.site = ""
        self.nav: list[str] = []
        self.crumb: list[str] = []
        self.tail: list[str] = []               # tools / share / qr lines
        self.related: list[str] = []
        self.footer: list[str] = []
        self.pager: str | None = None
        self.notes = ""
        self.meta_lines: list[str] = []


def chrome(r: random.Random, p: Page, sk: str, place: str) -> None:
    sites = {
        "gov": (f"{place}人民政府", ["首页", "政务公开", "政务服务", "互动交流", "走进" + place[:2], "专题专栏", "政策文件", "数据发布"]),
        "county": (f"{place}人民政府门户网站", ["网站首页", "政务动态", "信息公开", "办事服务", "政民互动", "魅力" + place[:2]]),
        "hospital": (f"{place}第一人民医院", ["医院概况", "科室导航", "专家介绍", "就医指南", "护理园地", "党建文化", "招聘信息"]),
        "school": (f"{place}实验中学", ["学校概况", "校园动态", "教学科研", "德育天地", "招生信息", "校友风采"]),
        "police": (f"{place}公安局", ["警务动态", "警情通报", "办事指南", "户政服务", "出入境服务", "交管服务"]),
        "court": (f"{place}人民法院", ["法院概况", "审判动态", "司法公开", "诉讼服务", "执行公开", "法治宣传"]),
        "enterprise": (f"{place}城市投资发展集团有限公司", ["集团概况", "新闻中心", "业务板块", "党建工作", "招标采购", "人才招聘"]),
        "portal": (f"{place[:2]}新闻网", ["时政", "社会", "财经", "文旅", "图片", "视频", "评论", "专题"]),
    }
    site, nav = sites[sk]
    p.site = site
    p.nav = nav
    p.crumb = ["首页", r.choice(nav[1:]), r.choice(["正文", "本地要闻", "通知公告", "工作动态", "详情"])]
    p.tail = r.sample(["【字体：大 中 小】", "【打印本页】【关闭窗口】", "分享到：微信 微博 QQ空间", "扫一扫在手机打开当前页",
                       "【我要纠错】", "收藏本页 打印本页 关闭窗口"], r.randint(2, 4))
    p.related = [f"{r.choice(COUNTY)}{r.choice(VERB)}{r.choice(TOPIC)}{r.choice(OBJ)}" for _ in range(r.randint(3, 6))]
    icp = f"{r.choice('桂湘赣闽浙鄂')}ICP备{r.randint(10000000, 99999999)}号-{r.randint(1, 9)}"
    p.footer = [f"版权所有：{site}　主办单位：{site}办公室", f"网站标识码：{r.randint(1000000000, 9999999999)}　{icp}",
                f"地址：{place}{r.choice(['人民路', '滨江大道', '解放北路', '建设大道'])}{r.randint(1, 300)}号　邮编：{r.randint(500000, 599999)}"]


# ----------------------------------------------------------------------------- contents
def c_news(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(CITY + COUNTY)
    p.kind = "新闻"
    t = f"{place}{r.choice(VERB)}{r.choice(TOPIC)}{r.choice(OBJ)}"
    p.title = t + r.choice(["", "见实效", "工作取得新进展", "再上新台阶"])
    if r.random() < 0.5:
        p.kicker = f"{r.choice(['聚焦', '奋进', '实干'])}{r.choice(TOPIC)}·{r.choice(['基层一线', '蹲点调研', '新春走基层'])}"
    if r.random() < 0.5:
        p.subtitle = f"{r.choice(TOWN)}{r.randint(3, 40)}个{r.choice(['项目', '村社区', '示范点'])}{r.choice(['全面开工', '率先建成', '通过验收'])}"
    p.date = dstr(y, m, d)
    hh, mm = r.randint(6, 22), r.randint(0, 59)
    p.published = f"{p.date}T{hh:02d}:{mm:02d}"
    p.origin = r.choice([f"{place[:2]}日报", f"{place}融媒体中心", f"{place}{r.choice(DEPT)}", "本网原创"])
    eds = [name(r) for _ in range(r.randint(1, 2))]
    p.editor = "、".join(eds)
    rep = name(r)
    p.items.append(("neutral", f"记者 {rep} 通讯员 {name(r)}"))
    em, ed = shift(y, m, d, -r.randint(0, 3))[1:]
    p.items.append(("p", f"{em}月{ed}日{r.choice(['上午', '下午', ''])}，" + para(r, place, 1, 3)))
    for _ in range(r.randint(2, 5)):
        p.items.append(("p", para(r, place)))
        if r.random() < 0.25:
            p.items.append(("neutral", f"图为{r.choice(TOWN)}{r.choice(['施工现场', '志愿者服务现场', '工作人员开展检查'])}。{name(r)} 摄"))
    if r.random() < 0.3:
        p.items.append(("neutral", f"原标题：{t}"))
    p.notes = "News: date = publication date; 引题 above the title is kept neutral, not part of the title."


def c_speech(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(CITY)
    p.kind = "讲话"
    who = name(r)
    post = r.choice(["市长", "市委书记", "常务副市长", "市政府秘书长"])
    topic = r.choice(TOPIC)
    meeting = f"全市{topic}工作会议"
    if r.random() < 0.5:
        p.title = f"在{meeting}上的讲话"
    else:
        p.title = f"{r.choice(VERB)}{topic}工作 奋力谱写高质量发展新篇章"
        p.subtitle = f"——在{meeting}上的讲话"
    p.date = dstr(y, m, d)
    py, pm, pd = shift(y, m, d, r.randint(1, 6))
    p.published = f"{dstr(py, pm, pd)}T{r.randint(8, 18):02d}:{r.randint(0, 59):02d}"
    order = [("neutral", f"{post} {who}"), ("neutral", f"（{cndate(y, m, d)}）")]
    if r.random() < 0.5:
        order.reverse()
    p.pre = order
    p.origin = r.choice([f"{place}人民政府办公室", f"{place[:2]}日报"])
    p.editor = name(r)
    p.items.append(("p", "同志们："))
    p.items.append(("p", f"这次会议的主要任务是，{r.choice(VERB)}{topic}{r.choice(OBJ)}，{r.choice(ACT)}。刚才，几位同志作了发言，讲得都很好，我都同意。下面，我讲几点意见。"))
    for i in range(1, r.randint(3, 4) + 1):
        p.items.append(("h", f"{cn_num(i)}、{r.choice(['提高政治站位', '突出工作重点', '压紧压实责任', '强化统筹协调', '狠抓工作落实'])}，{r.choice(VERB)}{r.choice(OBJ)}"))
        for _ in range(r.randint(1, 3)):
            p.items.append(("p", para(r, place)))
    p.items.append(("p", "同志们，" + sentence(r, place) + "谢谢大家！"))
    p.notes = "Speech: the bracketed date alone under the title is a neutral dateline (not a subtitle); date = that date."


def _table(r: random.Random, head: list[str], rows: int, label_pool: list[str]) -> list[list[str]]:
    out = [head]
    labels = r.sample(label_pool, min(rows, len(label_pool)))
    for lab in labels:
        row = [lab]
        for _ in head[1:]:
            row.append(f"{r.randint(1, 9999)}.{r.randint(0, 9)}" if r.random() < 0.6 else str(r.randint(1, 999)))
        out.append(row)
    return out


def c_gongbao(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(CITY + COUNTY)
    p.kind = "报告"
    p.title = f"{place}{y - 1}年国民经济和社会发展统计公报"
    p.date = dstr(y, m, d)
    py, pm, pd = shift(y, m, d, r.randint(0, 3))
    p.published = f"{dstr(py, pm, pd)}T{r.randint(8, 18):02d}:{r.randint(0, 59):02d}"
    p.pre = [("neutral", f"{place}统计局"), ("neutral", f"（{cndate(y, m, d)}）")]
    p.origin = f"{place}统计局"
    secs = ["综合", "农业", "工业和建筑业", "固定资产投资", "国内贸易", "交通和邮电", "财政和金融", "人民生活和社会保障"]
    tno = 0
    for i, s in enumerate(secs[: r.randint(4, 7)], 1):
        p.items.append(("h", f"{cn_num(i)}、{s}"))
        p.items.append(("p", f"初步核算，全年{s}增加值{r.randint(50, 900)}.{r.randint(0, 9)}亿元，比上年增长{r.randint(1, 12)}.{r.randint(0, 9)}%。" + sentence(r, place)))
        if r.random() < 0.6:
            tno += 1
            cap = f"表{tno}　{y - 1}年{s}主要指标"
            p.items.append(("p", cap))
            rows = _table(r, ["指标", "单位", "绝对数", "比上年增长（%）"], r.randint(3, 6),
                          ["粮食产量", "蔬菜产量", "肉类总产量", "发电量", "水泥", "钢材", "社会消费品零售总额", "货物进出口总额",
                           "公路货运量", "快递业务量", "一般公共预算收入", "住户存款余额"])
            for row in rows[1:]:
                row[1] = r.choice(["万吨", "亿元", "万件", "亿千瓦时", "万元"])
            p.items.append(("table", rows))
    p.items.append(("p", "注：1.本公报中数据均为初步统计数。2.地区生产总值、各产业增加值绝对数按现价计算，增长速度按不变价格计算。"))
    p.items.append(("p", "3.部分数据因四舍五入的原因，存在总计与分项合计不等的情况。"))
    p.notes = "统计公报: organ line and bracketed date under the title are neutral; tables are body, rows joined by a space."


def c_nianbao(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(COUNTY)
    dept = r.choice(DEPT)
    p.kind = "报告"
    p.title = f"{place}{dept}{y - 1}年政府信息公开工作年度报告"
    p.date = dstr(y, m, d)
    p.published = f"{p.date}T{r.randint(8, 18):02d}:{r.randint(0, 59):02d}"
    p.origin = f"{place}{dept}"
    p.items.append(("p", f"本报告根据《中华人民共和国政府信息公开条例》要求编制。全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项。本报告中所列数据的统计期限自{y - 1}年1月1日起至{y - 1}年12月31日止。"))
    p.items.append(("h", "一、总体情况"))
    for _ in range(r.randint(1, 3)):
        p.items.append(("p", para(r, place)))
    p.items.append(("h", "二、主动公开政府信息情况"))
    rows = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    for lab in ["规章", "行政规范性文件"]:
        rows.append([lab, str(r.randint(0, 20)), str(r.randint(0, 5)), str(r.randint(0, 60))])
    p.items.append(("table", rows))
    rows2 = [["信息内容", "本年处理决定数量"]] + [[lab, str(r.randint(0, 900))] for lab in ["行政许可", "行政处罚", "行政强制"]]
    p.items.append(("table", rows2))
    p.items.append(("h", "三、收到和处理政府信息公开申请情况"))
    rows3 = [["本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", "自然人", "法人或其他组织", "总计"]]
    for lab in ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "四、结转下年度继续办理"]:
        a, b = r.randint(0, 30), r.randint(0, 10)
        rows3.append([lab, str(a), str(b), str(a + b)])
    p.items.append(("table", rows3))
    p.items.append(("h", "四、政府信息公开行政复议、行政诉讼情况"))
    p.items.append(("p", f"{y - 1}年，本机关未发生因政府信息公开引起的行政复议和行政诉讼案件。"))
    p.items.append(("h", "五、存在的主要问题及改进情况"))
    p.items.append(("p", para(r, place)))
    p.items.append(("h", "六、其他需要报告的事项"))
    p.items.append(("p", "本机关未收取信息处理费。"))
    p.notes = "年报: no signature; date = publication date; the numbered tables are body rows."


def c_yijian(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(CITY + COUNTY)
    dept = r.choice(DEPT)
    p.kind = "公文"
    thing = f"《{place}{r.choice(TOPIC)}管理办法（征求意见稿）》"
    p.title = f"{place}{dept}关于公开征求{thing}意见的公告"
    sy, sm, sd = y, m, d
    p.date = dstr(sy, sm, sd)
    py, pm, pd = shift(y, m, d, r.randint(0, 2))
    p.published = f"{dstr(py, pm, pd)}T{r.randint(8, 18):02d}:{r.randint(0, 59):02d}"
    p.issuer = f"{place}{dept}"
    p.origin = p.issuer
    dy, dm, dd = shift(y, m, d, 30)
    p.items.append(("p", f"为{r.choice(VERB)}{r.choice(TOPIC)}工作，我局起草了{thing}，现向社会公开征求意见。有关单位和各界人士可在{cndate(dy, dm, dd)}前，通过以下方式提出意见建议："))
    p.items.append(("p", f"一、通过电子邮件将意见发送至：{r.choice(['lj', 'hc', 'bs'])}{r.randint(100, 999)}@{r.choice(['163', '126'])}.com，邮件主题请注明“{thing[1:7]}意见反馈”。"))
    p.items.append(("p", f"二、通过信函方式将意见寄至：{place}{r.choice(['人民路', '建设大道'])}{r.randint(1, 200)}号{dept}{r.choice(['法规科', '办公室', '政策法规股'])}（邮编{r.randint(500000, 599999)}），并在信封上注明“征求意见”字样。"))
    p.items.append(("p", f"三、联系电话：0{r.randint(700, 799)}-{r.randint(2000000, 8999999)}（工作日{r.choice(['8:30—12:00', '9:00—17:00'])}）。"))
    p.items.append(("p", f"附件：1.{thing[1:-1]}"))
    p.items.append(("p", f"2.关于{thing[1:-1].replace('（征求意见稿）', '')}的起草说明"))
    p.items.append(("sig", p.issuer))
    p.items.append(("sig", cndate(sy, sm, sd)))
    p.items.append(("p", thing[1:-1]))
    for i in range(1, r.randint(3, 6) + 1):
        p.items.append(("p", f"第{cn_num(i)}条　" + sentence(r, place)))
    p.notes = "征求意见: deadline (截止) is not the date; 附件 list and the attachment's text are body."


def c_gongshi(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(CITY + COUNTY)
    p.kind = "公文"
    p.title = r.choice([f"{place}领导干部任前公示", f"中共{place}委组织部干部任前公示公告"])
    p.date = dstr(y, m, d)
    p.published = f"{p.date}T{r.randint(8, 18):02d}:{r.randint(0, 59):02d}"
    p.issuer = f"中共{place}委组织部"
    p.origin = p.issuer
    ey, em, ed = shift(y, m, d, 6)
    p.items.append(("p", f"根据《党政领导干部选拔任用工作条例》有关规定，经{place}委研究，现将拟任职干部人选予以公示。"))
    for _ in range(r.randint(3, 7)):
        g = r.choice(["男", "女"])
        by = r.randint(1972, 1992)
        p.items.append(("p", f"{name(r)}，{g}，汉族，{by}年{r.randint(1, 12)}月生，{r.choice(['大学', '研究生'])}学历，{r.choice(['中共党员', '中共党员', '无党派人士'])}，现任{r.choice(COUNTY)}{r.choice(DEPT)}副局长，拟任{r.choice(COUNTY)}{r.choice(DEPT)}局长。"))
    p.items.append(("p", f"公示时间：{cndate(y, m, d)}至{cndate(ey, em, ed)}（5个工作日）。"))
    p.items.append(("p", f"公示期间，如对公示对象有异议，可通过来电、来信、来访等方式向中共{place}委组织部反映。"))
    p.items.append(("p", f"举报电话：0{r.randint(700, 799)}-12380　短信举报：{r.randint(13000000000, 13999999999)}"))
    p.items.append(("sig", p.issuer))
    p.items.append(("sig", cndate(y, m, d)))
    p.notes = "任前公示: 公示时间 range is not the date; signature date is."


def c_zhaobiao(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(CITY + COUNTY)
    p.kind = "公文"
    proj = f"{place}{r.choice(TOWN)}{r.choice(['污水管网改造工程', '道路提质改造工程', '农村供水保障工程', '学校运动场改造项目'])}"
    zb = r.random() < 0.5
    p.title = f"{proj}{'中标结果公告' if zb else '施工招标公告'}"
    p.date = dstr(y, m, d)
    p.published = f"{p.date}T{r.randint(8, 18):02d}:{r.randint(0, 59):02d}"
    p.issuer = f"{place}{r.choice(['城市建设投资有限公司', '公共资源交易中心', '水利局'])}"
    p.origin = f"{place}公共资源交易中心"
    code = f"{r.choice(['LJ', 'HC', 'BS'])}{y}-{r.randint(10, 99)}-{r.randint(100, 999)}"
    if zb:
        p.items.append(("h", "一、项目编号：" + code))
        p.items.append(("h", "二、项目名称：" + proj))
        p.items.append(("h", "三、中标信息"))
        rows = [["序号", "中标单位名称", "中标金额（元）", "工期（日历天）", "项目经理"]]
        for i in range(1, r.randint(2, 4) + 1):
            rows.append([str(i), f"{r.choice(CITY)}{r.choice(['宏远', '建安', '顺达', '同创', '华兴'])}建设工程有限公司",
                         f"{r.randint(100000, 99999999)}.{r.randint(10, 99)}", str(r.randint(60, 540)), name(r)])
        p.items.append(("table", rows))
        p.items.append(("h", "四、公告期限"))
        p.items.append(("p", "自本公告发布之日起1个工作日。"))
    else:
        p.items.append(("h", "1.招标条件"))
        p.items.append(("p", f"本招标项目{proj}已由{place}{r.choice(DEPT)}批准建设，项目业主为{p.issuer}，建设资金来自{r.choice(['财政资金', '专项债券资金', '自筹资金'])}，项目已具备招标条件，现对该项目的施工进行公开招标。"))
        p.items.append(("h", "2.项目概况与招标范围"))
        rows = [["标段", "建设地点", "最高投标限价（万元）", "计划工期"]]
        for i in range(1, r.randint(2, 3) + 1):
            rows.append([f"第{i}标段", r.choice(TOWN), f"{r.randint(100, 9999)}.{r.randint(10, 99)}", f"{r.randint(60, 365)}日历天"])
        p.items.append(("table", rows))
        dy, dm, dd = shift(y, m, d, 21)
        p.items.append(("h", "3.投标文件的递交"))
        p.items.append(("p", f"投标文件递交的截止时间为{cndate(dy, dm, dd)}9时30分，投标人应在截止时间前通过电子交易平台递交电子投标文件。"))
    p.items.append(("p", f"招标人：{p.issuer}"))
    p.items.append(("p", f"联系人：{name(r)[0]}工　电话：0{r.randint(700, 799)}-{r.randint(2000000, 8999999)}"))
    p.items.append(("sig", cndate(y, m, d)))
    p.notes = "招标/中标: the project table is body; the bid deadline is not the date."


def c_wenda(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(CITY + COUNTY)
    dept = r.choice(DEPT)
    p.kind = "新闻"
    topic = r.choice(TOPIC)
    p.title = f"《{place}{topic}若干措施》政策问答"
    p.date = dstr(y, m, d)
    p.published = f"{p.date}T{r.randint(8, 18):02d}:{r.randint(0, 59):02d}"
    p.origin = f"{place}{dept}"
    qs = ["出台的背景是什么", "适用范围是什么", "主要内容有哪些", "申请需要哪些材料", "如何申请办理", "何时开始施行"]
    for i, q in enumerate(r.sample(qs, r.randint(3, 5)), 1):
        p.items.append(("p", f"{cn_num(i)}、问：《若干措施》{q}？"))
        p.items.append(("p", "答：" + para(r, place, 1, 3)))
    p.notes = "政策问答: date = publication date."


def c_tongzhi(r: random.Random, p: Page, y: int, m: int, d: int) -> None:
    place = r.choice(CITY + COUNTY)
    p.kind = "公文"
    org = f"{place}人民政府办公室"
    topic = r.choice(TOPIC)
    plan = f"{place}{topic}三年行动方案（{y}—{y + 2}年）"
    p.title = f"{org}关于印发{plan}的通知"
    if len(p.title) > 30:
        k = r.randint(14, 22)
        p.title_lines = [p.title[:k], p.title[k:]]
    p.issuer = org
    p.doc_number = f"{place[0]}{'政办发' if r.random() < 0.6 else '政办函'}〔{y}〕{r.randint(1, 99)}号"
    p.addressee = "各乡镇人民政府，各街道办事处，县直各单位" if place.endswith("县") else "各区人民政府，市直各单位"
    p.date = dstr(y, m, d)
    py, pm, pd = shift(y, m, d, r.randint(2, 12))
    p.published = f"{dstr(py, pm, pd)}T{r.randint(8, 18):02d}:{r.randint(0, 59):02d}"
    p.pre = [("neutral", p.doc_number)]
    p.govmeta = [("索 引 号", f"{r.randint(10000000, 99999999)}/{y}-{r.randint(10000, 99999)}"), ("主题分类", "综合政务\\通知"),
                 ("发文机关", org), ("成文日期", f"{y}年{m:02d}月{d:02d}日"), ("发文字号", p.doc_number),
                 ("发布日期", f"{py}年{pm:02d}月{pd:02d}日")]
    p.items.append(("p", p.addressee + "："))
    p.items.append(("p", f"《{plan}》已经{place}人民政府同意，现印发给你们，请认真贯彻执行。"))
    p.items.append(("sig", org))
    p.items.append(("sig", cndate(y, m, d)))
    p.items.append(("p", "（此件公开发布）"))
    p.items.append(("p", plan))
    p.items.append(("p", "为" + r.choice(VERB) + topic + "工作，结合我" + place[-1] + "实际，制定本方案。"))
    for i in range(1, r.randint(3, 5) + 1):
        p.items.append(("h", f"{cn_num(i)}、{r.choice(['总体要求', '主要目标', '重点任务', '保障措施', '组织实施'])}"))
        for j in range(1, r.randint(1, 3) + 1):
            p.items.append(("p", f"（{cn_num(j)}）{r.choice(VERB)}{r.choice(OBJ)}。" + para(r, place, 1, 2)))
    p.notes = "通知: 发文字号 under the title is neutral; date = 成文日期 (signature), not 发布日期; the printed plan is body."


CONTENTS = {"news": c_news, "speech": c_speech, "gongbao": c_gongbao, "nianbao": c_nianbao, "yijian": c_yijian,
            "gongshi": c_gongshi, "zhaobiao": c_zhaobiao, "wenda": c_wenda, "tongzhi": c_tongzhi}


# ----------------------------------------------------------------------------- page facts → chrome lines
def byline(r: random.Random, p: Page, style: int) -> list[str]:
    published = p.published or ""
    y, mo, da = published[:10].split("-")
    hm = published[11:16] if "T" in published else ""
    t = [f"{y}-{mo}-{da} {hm}", f"{y}年{mo}月{da}日 {hm}", f"{y}/{int(mo)}/{int(da)} {hm}", f"{y}.{mo}.{da}"][style % 4].strip()
    parts = [f"发布时间：{t}"]
    if p.origin:
        parts.append(f"来源：{p.origin}")
    if p.author:
        parts.append(f"作者：{p.author}")
    parts.append(r.choice(["浏览次数：", "阅读量：", "点击数："]) + str(r.randint(10, 9999)))
    return parts


def editor_text(r: random.Random, p: Page) -> str | None:
    if not p.editor:
        return None
    return r.choice([f"责任编辑：{p.editor}", f"（责编：{p.editor}）", f"【责任编辑：{p.editor}】", f"编辑：{p.editor}"])


# ----------------------------------------------------------------------------- HTML renderers
def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ent(s: str, r: random.Random) -> str:
    """CJK as numeric character references (hex or decimal)."""
    out = []
    for c in esc(s):
        if ord(c) > 0x2E80 and r.random() < 0.85:
            out.append(f"&#x{ord(c):X};" if r.random() < 0.6 else f"&#{ord(c)};")
        else:
            out.append(c)
    return "".join(out)


def table_html(rows: list[list[str]], cls: str = "") -> str:
    h = [f'<table border="1" cellspacing="0" {cls}>']
    for i, row in enumerate(rows):
        tag = "th" if i == 0 and cls != "word" else "td"
        h.append("<tr>" + "".join(f"<{tag}>{esc(c)}</{tag}>" for c in row) + "</tr>")
    h.append("</table>")
    return "\n".join(h)


def body_html(r: random.Random, p: Page, style: str) -> str:
    out = []
    for it in p.items:
        k = it[0]
        if k == "table":
            out.append(table_html(it[1], 'class="word"' if style == "word" else ""))
            continue
        t = it[1]
        if style == "word":
            if k == "sig":
                out.append(f"<p class=MsoNormal align=right style='text-align:right;mso-line-height-rule:exactly'><span style='font-size:16.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体'>{esc(t)}<span lang=EN-US><o:p></o:p></span></span></p>")
            else:
                cut = r.randint(1, max(1, len(t) - 1))
                out.append(f"<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;line-height:28.0pt'>"
                           f"<span style='font-size:16.0pt;font-family:{'黑体' if k == 'h' else '仿宋_GB2312'};mso-ascii-font-family:\"Times New Roman\"'>{esc(t[:cut])}</span>"
                           f"<span lang=EN-US style='font-size:16.0pt'><span style='mso-spacerun:yes'></span></span>"
                           f"<span style='font-size:16.0pt;font-family:仿宋_GB2312'>{esc(t[cut:])}<span lang=EN-US><o:p></o:p></span></span></p>")
        elif style == "font":
            cut = r.randint(1, max(1, len(t) - 1))
            out.append(f'<font face="仿宋_GB2312" size="4"><font color="#000000">　　{esc(t[:cut])}</font>'
                       f'<font style="font-size:16pt">{esc(t[cut:])}</font></font><br>')
        elif style == "entities":
            tag = "h3" if k == "h" else "p"
            align = ' style="text-align:right"' if k == "sig" else ""
            out.append(f"<{tag}{align}>{ent(t, r)}</{tag}>")
        else:
            if k == "h":
                out.append(f"<p><strong>{esc(t)}</strong></p>")
            elif k == "sig":
                out.append(f'<p style="text-align: right;">{esc(t)}</p>')
            elif k == "neutral" and "摄" in t:
                out.append(f'<p style="text-align:center"><img src="/u/{r.randint(1000, 9999)}.jpg" alt=""></p><p style="text-align:center">{esc(t)}</p>')
            else:
                out.append(f'<p style="text-indent: 2em;">{esc(t)}</p>')
    if style == "br":
        lines = []
        for it in p.items:
            if it[0] == "table":
                lines.append(table_html(it[1]))
            else:
                lines.append("&nbsp;&nbsp;&nbsp;&nbsp;" + esc(it[1]) + "<br><br>")
        return '<div id="zoom">\n' + "\n".join(lines) + "\n</div>"
    return "\n".join(out)


def title_html(p: Page, style: str, r: random.Random) -> str:
    lines = p.title_lines or [p.title]
    f = (lambda s: ent(s, r)) if style == "entities" else esc
    h = []
    if p.kicker:
        h.append(f'<h3 class="yinti">{f(p.kicker)}</h3>')
    h.append('<h1 class="title">' + "<br>".join(f(x) for x in lines) + "</h1>")
    if p.subtitle:
        h.append(f'<h2 class="futi">{f(p.subtitle)}</h2>')
    for _k, t in p.pre:
        h.append(f'<p class="pre" style="text-align:center">{f(t)}</p>')
    return "\n".join(h)


def html_page(r: random.Random, p: Page, style: str, charset: str) -> str:
    f = (lambda s: ent(s, r)) if style == "entities" else esc
    nav = "".join(f'<li><a href="/c{i}/">{f(x)}</a></li>' for i, x in enumerate(p.nav))
    crumb = "当前位置：" + " &gt; ".join(f'<a href="#">{f(x)}</a>' for x in p.crumb)
    by = "&nbsp;&nbsp;".join(f"<span>{f(x)}</span>" for x in p.meta_lines)
    gm = ""
    if p.govmeta:
        cells = "".join(f"<tr><td class=\"l\">{f(a)}：</td><td>{f(b)}</td></tr>" for a, b in p.govmeta)
        gm = f'<table class="xxgk">{cells}</table>'
    tail = "".join(f"<div class=\"tool\">{f(x)}</div>" for x in p.tail)
    rel = "<div class=\"related\"><h4>相关阅读</h4><ul>" + "".join(f"<li><a href=\"/a/{i}.html\">{f(x)}</a></li>" for i, x in enumerate(p.related)) + "</ul></div>"
    foot = "".join(f"<p>{f(x)}</p>" for x in p.footer)
    ed = f'<div class="editor">{f(p.editor_line)}</div>' if p.editor_line else ""
    pager = f'<div class="page">{" ".join(f"<a>{x}</a>" for x in p.pager.split())}</div>' if p.pager else ""
    head_extra = ""
    if style == "word":
        head_extra = ("<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom></w:WordDocument></xml><![endif]-->"
                      "<style><!-- p.MsoNormal{mso-style-parent:\"\";margin:0cm;font-size:10.5pt;} @page Section1{size:595.3pt 841.9pt;} --></style>")
    body = body_html(r, p, style)
    if style == "word":
        body = ('<div class=Section1 style=\'layout-grid:15.6pt\'>' + body + "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></div>")
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    script = "<script>var _hmt=_hmt||[];(function(){var hm=document.createElement('script');})();document.write('访问统计');</script>"
    if style == "tables":
        return (f"<html><head>{meta}<title>{f(p.title)}_{f(p.site)}</title>{head_extra}{script}</head><body>"
                f'<table width="1000" align="center"><tr><td colspan="2"><table><tr><td>{f(p.site)}</td><td><ul>{nav}</ul></td></tr></table></td></tr>'
                f'<tr><td width="220" valign="top"><table><tr><td>{f("栏目导航")}</td></tr>' + "".join(f"<tr><td><a>{f(x)}</a></td></tr>" for x in p.nav[1:]) +
                f'</table></td><td valign="top"><table width="100%"><tr><td>{crumb}</td></tr>'
                f'<tr><td align="center">{title_html(p, style, r)}</td></tr><tr><td align="center">{by}</td></tr>{("<tr><td>" + gm + "</td></tr>") if gm else ""}'
                f'<tr><td><table width="100%"><tr><td class="content">{body}</td></tr></table></td></tr>'
                f'<tr><td>{ed}{pager}</td></tr><tr><td>{tail}</td></tr><tr><td>{rel}</td></tr></table></td></tr>'
                f'<tr><td colspan="2">{foot}</td></tr></table></body></html>')
    return (f"<!DOCTYPE html>\n<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>{meta}<title>{f(p.title)}_{f(p.site)}</title>{head_extra}"
            f"<style>.nav li{{float:left}}</style>{script}</head>\n<body>\n"
            f'<div class="topbar"><a>登录</a> | <a>注册</a> <a>无障碍浏览</a> <a>长者模式</a></div>\n'
            f'<div class="logo">{f(p.site)}</div>\n<div class="nav"><ul>{nav}</ul></div>\n<div class="crumb">{crumb}</div>\n'
            f'{gm}\n<div class="article">\n{title_html(p, style, r)}\n<div class="info">{by}</div>\n'
            f'<div class="content">\n{body}\n</div>\n{ed}\n{pager}\n{tail}\n</div>\n{rel}\n<div class="footer">{foot}</div>\n</body></html>\n')


# ----------------------------------------------------------------------------- text renderers
def vis_lines(p: Page) -> list[tuple[str, Any]]:
    """(role, payload) in reading order for text dumps."""
    L: list[tuple[str, Any]] = [("site", p.site), ("nav", p.nav), ("crumb", p.crumb)]
    if p.govmeta:
        L.append(("govmeta", p.govmeta))
    if p.kicker:
        L.append(("kicker", p.kicker))
    for t in p.title_lines or [p.title]:
        L.append(("title", t))
    if p.subtitle:
        L.append(("subtitle", p.subtitle))
    for _k, t in p.pre:
        L.append(("pre", t))
    L.append(("meta", p.meta_lines))
    for it in p.items:
        L.append(it)
    if p.editor_line:
        L.append(("editor", p.editor_line))
    if p.pager:
        L.append(("pager", p.pager))
    for t in p.tail:
        L.append(("tail", t))
    L.append(("related", p.related))
    L.append(("footer", p.footer))
    return L


def nbspify(s: str, r: random.Random) -> str:
    return s.replace("：", "：\u00a0" if r.random() < 0.5 else "：")


def txt_gettext(r: random.Random, p: Page) -> str:
    """BeautifulSoup get_text()-like: blank runs, indentation, trailing spaces, NBSP/ideographic spaces."""
    out: list[str] = []
    def blank() -> None:
        out.extend([""] * r.randint(1, 4))
    for role, x in vis_lines(p):
        if role == "nav":
            for it in x:
                out.append(" " * r.randint(0, 12) + it + " " * r.randint(0, 3))
                blank()
        elif role == "crumb":
            out.append("当前位置：")
            for i, it in enumerate(x):
                out.append(("\t" * r.randint(0, 2)) + it)
                if i < len(x) - 1:
                    out.append(" > ")
        elif role == "govmeta":
            for a, b in x:
                out.append(a + "：")
                out.append("\u00a0" + b + " ")
        elif role in ("meta", "related", "footer"):
            if role == "related":
                out.append("相关阅读")
            for it in x:
                out.append("\u00a0\u00a0" + nbspify(it, r) + "  ")
            blank()
        elif role == "table":
            for row in x:
                out.append("")
                for c in row:
                    out.append("  " + c)
            blank()
        elif role in ("p", "h", "sig", "neutral"):
            pre = r.choice(["\u3000\u3000", "\u00a0\u00a0\u00a0\u00a0", "\t", "    ", ""])
            out.append(pre + x + r.choice(["", " ", "  ", "\u00a0"]))
            blank()
        else:
            out.append(" " * r.randint(0, 6) + str(x) + " " * r.randint(0, 2))
            blank()
    nl = "\r\n" if r.random() < 0.5 else "\n"
    return nl.join(out) + nl


def md_escape(s: str) -> str:
    return s.replace("*", "\\*").replace("_", "\\_")


def txt_markdown(r: random.Random, p: Page) -> str:
    """html2text / markdownify / reader-mode-like Markdown dump."""
    out: list[str] = []
    for role, x in vis_lines(p):
        if role == "site":
            out.append(f"[![{x}](/images/logo.png)](/)")
        elif role == "nav":
            out.extend(f"* [{it}](/c{i}/)" for i, it in enumerate(x))
        elif role == "crumb":
            out.append("当前位置：" + " > ".join(f"[{it}](/)" for it in x[:-1]) + " > " + x[-1])
        elif role == "govmeta":
            out.append("| | |\n|---|---|")
            out.extend(f"| {a}： | {b} |" for a, b in x)
        elif role == "kicker":
            out.append(x)
        elif role == "title":
            out.append("# " + str(x))
        elif role == "subtitle":
            out.append("## " + str(x))
        elif role == "meta":
            out.append("  ".join(f"**{s.split('：', 1)[0]}：**{s.split('：', 1)[1]}" if "：" in s else s for s in x))
        elif role == "h":
            out.append(r.choice(["**" + md_escape(x) + "**", "### " + x]))
        elif role == "p":
            if r.random() < 0.15 and "，" in x:
                a, b = x.split("，", 1)
                x = f"{a}，[{b[:6]}](http://www.example.gov.cn/art/{r.randint(100, 999)}.html){b[6:]}"
            out.append(x)
        elif role == "sig":
            out.append(x)
        elif role == "neutral":
            if "摄" in x:
                out.append(f"![](/u/cms/{r.randint(1000, 9999)}.jpg)")
            out.append(x)
        elif role == "table":
            rows = x
            out.append("| " + " | ".join(rows[0]) + " |")
            out.append("|" + "---|" * len(rows[0]))
            out.extend("| " + " | ".join(row) + " |" for row in rows[1:])
        elif role == "related":
            out.append("**相关阅读**")
            out.extend(f"* [{it}](/a/{i}.html)" for i, it in enumerate(x))
        elif role == "footer":
            out.extend(x)
        elif role == "pager":
            out.append(" ".join(f"[{t}](?p={i})" for i, t in enumerate(str(x).split())))
        else:
            out.append(str(x))
    return "\n\n".join(out) + "\n"


def wlen(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def txt_inscriptis(r: random.Random, p: Page) -> str:
    """Layout-preserving text: menus on one line with wide gaps, tables as space-aligned columns."""
    out: list[str] = []
    for role, x in vis_lines(p):
        if role == "nav":
            out.append((" " * r.randint(4, 10)).join(x))
        elif role == "crumb":
            out.append("当前位置：" + "  >  ".join(x))
        elif role == "govmeta":
            items = [f"{a}：{b}" for a, b in x]
            for i in range(0, len(items), 2):
                a = items[i]
                out.append("  " + a + " " * max(2, 40 - wlen(a)) + (items[i + 1] if i + 1 < len(items) else ""))
        elif role in ("title", "subtitle", "kicker", "pre", "site"):
            out.append(" " * r.randint(10, 30) + str(x))
        elif role == "meta":
            out.append(" " * 8 + (" " * r.randint(3, 8)).join(x))
        elif role == "table":
            widths = [max(wlen(row[i]) for row in x) for i in range(len(x[0]))]
            for row in x:
                out.append("  ".join(c + " " * (widths[i] - wlen(c)) for i, c in enumerate(row)).rstrip())
            out.append("")
        elif role in ("p", "h", "neutral"):
            out.append("  " + str(x))
            out.append("")
        elif role == "sig":
            out.append(" " * 50 + str(x))
        elif role in ("related", "footer"):
            if role == "related":
                out.append("相关阅读")
            out.extend("  * " + it if role == "related" else it for it in x)
        else:
            out.append(str(x))
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- formats
FORMATS = ["html_plain", "html_meta_gb_bytes_utf8", "html_meta_utf8_bytes_gbk", "html_bom_meta_gbk", "html_entities",
           "html_br", "html_font", "html_word", "html_tables", "html_portal",
           "txt_gettext", "md_markdown", "txt_markdown", "txt_inscriptis"]


def render(r: random.Random, p: Page, fmt: str) -> tuple[bytes, str]:
    if fmt == "txt_gettext":
        return txt_gettext(r, p).encode("utf-8"), ".txt"
    if fmt == "md_markdown":
        return txt_markdown(r, p).encode("utf-8"), ".md"
    if fmt == "txt_markdown":
        return txt_markdown(r, p).encode("utf-8"), ".txt"
    if fmt == "txt_inscriptis":
        return txt_inscriptis(r, p).encode("utf-8"), ".txt"
    style = {"html_entities": "entities", "html_br": "br", "html_font": "font", "html_word": "word",
             "html_tables": "tables"}.get(fmt, "plain")
    if fmt == "html_meta_gb_bytes_utf8":
        return html_page(r, p, style, "gb2312").encode("utf-8"), ".html"
    if fmt == "html_meta_utf8_bytes_gbk":
        return html_page(r, p, style, "utf-8").encode("gb18030"), ".html"
    if fmt == "html_bom_meta_gbk":
        return b"\xef\xbb\xbf" + html_page(r, p, style, "gbk").encode("utf-8"), ".html"
    if fmt == "html_word":
        return html_page(r, p, style, "gb2312").encode("gb18030"), ".html"
    return html_page(r, p, style, "utf-8").encode("utf-8"), ".html"


# ----------------------------------------------------------------------------- gold
def canon(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    return "".join(c for c in s if not (c.isspace() or unicodedata.category(c)[0] in "PSZC")).lower()


def gold_of(p: Page, fname: str) -> dict[str, Any]:
    body: list[str] = []
    neutral: list[str] = [t for _k, t in p.pre]
    if p.kicker:
        neutral.append(p.kicker)
    for it in p.items:
        if it[0] == "table":
            body.extend(" ".join(row) for row in it[1])
        elif it[0] == "neutral":
            neutral.append(it[1])
        else:
            body.append(it[1])
    cand = [p.title + "_" + p.site, p.site, "当前位置：" + " > ".join(p.crumb)] + p.nav + p.meta_lines + \
        [f"{a}：{b}" for a, b in p.govmeta] + p.tail + p.related + p.footer + ["无障碍浏览", "相关阅读"]
    if p.editor_line:
        cand.append(p.editor_line)
    if p.pager:
        cand.append(p.pager)
    bc = canon("".join(body))
    seen, bp = set(), []
    for c in cand:
        cc = canon(c)
        if len(cc) >= 4 and cc not in bc and cc not in seen and not any(cc in canon(n) for n in neutral):
            seen.add(cc)
            bp.append(c)
    return {"file": fname, "kind": p.kind, "title": p.title, "subtitle": p.subtitle, "date": p.date,
            "published": p.published, "issuer": p.issuer, "doc_number": p.doc_number, "addressee": p.addressee,
            "origin": p.origin, "editor": p.editor, "author": p.author, "body": body, "neutral": neutral,
            "boilerplate": bp, "notes": p.notes}


def make(seed: int, i: int, name: str) -> tuple[bytes, str, dict[str, Any], str]:
    """Page ``i`` (0..) of ``seed``, named ``name``: its bytes, extension (html, txt or md), gold and content/format."""
    r = random.Random(seed * 100003 + i)
    cname = list(CONTENTS)[i % len(CONTENTS)]
    fmt = FORMATS[(i // len(CONTENTS) + i) % len(FORMATS)]
    p = Page()
    y = r.choice([2024, 2025, 2026])
    m, d = r.randint(1, 12), r.randint(1, 28)
    CONTENTS[cname](r, p, y, m, d)
    place = r.choice(CITY + COUNTY)
    sk = r.choice(SITE_KIND) if cname == "news" else ("portal" if fmt == "html_portal" else r.choice(["gov", "county"]))
    if fmt == "html_portal":
        sk = "portal"
    chrome(r, p, sk, place)
    p.meta_lines = byline(r, p, r.randint(0, 3))
    p.editor_line = editor_text(r, p)
    if fmt == "html_portal" or (cname == "news" and r.random() < 0.3):
        p.pager = "上一页 1 2 3 下一页"
    data, ext = render(r, p, fmt)
    gold = gold_of(p, name + ext)
    # the gold's own checks: no boilerplate line inside the body, no title ending in a space
    assert not any(canon(b) in canon(x) for b in gold["boilerplate"] for x in gold["body"]), name
    assert not re.search(r"[^\S\n]$", gold["title"]), name
    return data, ext.lstrip("."), gold, f"{cname}/{fmt}"


def generate(folder: Path, pages: int, seed: int) -> list[Path]:
    """Write pages f000.. of ``seed`` as ``folder/docs/fNNN.html``, ``.txt`` or ``.md`` with
    ``folder/gold/fNNN.gold.json`` and ``folder/manifest.tsv`` (each page's content/format); nothing is written
    outside ``folder``. The same seed gives the same bytes. Returns the pages written, in order."""
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    (folder / "gold").mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    manifest: list[str] = []
    for i in range(pages):
        name = f"f{i:03d}"
        data, ext, gold, how = make(seed, i, name)
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

"""Distinct generated documents for the benchmarks: no line repeats, so no per-text cache can flatter a figure.

    .venv/bin/python benchmarks/gen_distinct.py text 1000000 -o big.txt        # one document of ~1 MB
    .venv/bin/python benchmarks/gen_distinct.py --batch 400 -o folder/          # 400 documents of real size

Kinds (``KINDS``): ``text`` a 公文 in plain text (title, 主送, headings on two levels, paragraphs, 署名, date);
``html`` the same kind of article as a web page (navigation, breadcrumb, an info line, ``<p>``s, a related
list, a footer); ``lines`` many short lines (a name list, 4–14 characters each); ``table`` a web page holding
one big ``<table>``; ``tsv`` the same rows as tab-separated text.

Everything is made from the small vocabulary below, written for this file (generic words of administrative
Chinese, made-up place and organ names), combined at random by a seeded ``random.Random``: the same
arguments always give the same bytes, and no text of any real page is in it. Every line is checked against
the lines already made, so a 20 MB document has no line twice, unlike the seeds repeated.

``--batch N`` writes N documents whose sizes follow real pages (log-uniform, 8–120 KB: median 31 KB, mean
41 KB, as the labelled corpus's 30 and 45 KB): half text (a third of them GB18030, as old crawls are), half HTML
(a quarter of them GBK with a ``<meta charset>``), each with other words.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

# --- the vocabulary (written for this generator) -----------------------------------------------------------

PLACES = ("临江", "青禾", "南屿", "北岭", "东渠", "西坪", "云阶", "石湾", "桐川", "柳溪", "梧冈", "沙洲",
          "松陵", "枫桥", "白鹭", "金滩", "鹤鸣", "湖阳", "平川", "凤台")
LEVELS = ("市", "县", "区", "镇", "乡")
ORGANS = ("人民政府", "人民政府办公室", "发展和改革委员会", "教育局", "财政局", "农业农村局", "交通运输局",
          "卫生健康委员会", "应急管理局", "生态环境局", "住房和城乡建设局", "文化和旅游局", "市场监督管理局",
          "水利局", "自然资源局", "民政局", "人力资源和社会保障局", "统计局", "商务局", "科学技术局")
ACTIONS = ("加强", "推进", "落实", "完善", "健全", "深化", "规范", "优化", "提升", "做好", "强化", "统筹",
           "保障", "推动", "巩固", "扩大", "促进", "改进", "组织", "开展")
THINGS = ("安全生产", "春耕备耕", "防汛抗旱", "公共文化服务", "基层医疗卫生", "农村饮水", "道路养护",
          "校园安全", "食品安全", "森林防火", "就业创业", "社会救助", "营商环境", "政务公开", "数据统计",
          "垃圾分类", "河道治理", "老旧小区改造", "养老服务", "消防安全", "集体经济", "人才引进", "科技创新",
          "文物保护", "乡村道路", "供水保障", "冬季供暖", "燃气安全", "物价监测", "节能降耗")
TOPICS = ("工作", "管理", "服务", "建设", "监督检查", "专项整治", "体制机制", "责任制度", "考核评价",
          "应急预案", "宣传教育", "队伍建设", "资金保障", "信息报送", "督促指导", "风险排查")
DOC_KINDS = ("通知", "意见", "实施方案", "工作方案", "通报", "报告", "办法", "决定")
SUBJECTS = ("各单位", "各乡镇", "各有关部门", "各级各部门", "相关责任单位", "各街道办事处", "各县（区）",
            "主管部门", "行业协会", "各村（社区）", "牵头单位", "配合单位")
MODALS = ("要", "应当", "须", "要切实", "要进一步", "要认真", "要及时", "要主动", "要严格", "要统筹")
MEANS = ("按照有关规定", "结合本地实际", "围绕年度目标", "坚持问题导向", "依据职责分工", "对照任务清单",
         "采取有效措施", "运用信息化手段", "建立工作台账", "实行清单管理", "加大投入力度", "细化工作措施")
GOALS = ("确保各项任务按期完成", "切实把工作落到实处", "不断提高群众满意度", "形成工作合力",
         "防止出现反弹", "保障群众合法权益", "推动工作取得实效", "及时消除隐患", "提高资金使用效益",
         "促进经济社会平稳发展", "为全年目标打下基础", "做到底数清、情况明")
OBJECTS = ("工作方案", "检查记录", "统计报表", "资金使用情况", "责任清单", "项目进度", "整改措施",
           "培训计划", "值班安排", "宣传材料", "问题台账", "评估报告")
CONNECT = ("同时", "此外", "对此", "为此", "其中", "据统计", "截至目前", "下一步")
VERBS = ("报送", "审核", "公布", "汇总", "备案", "复核", "归档", "上报")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国志文春梅海燕林峰波宇浩然欣怡子轩"
NAV = ("首页", "机构概况", "政务公开", "政策文件", "新闻中心", "办事服务", "互动交流", "专题专栏", "数据发布")
DIGITS = "〇一二三四五六七八九"
NOISY_SHARE = 0.3  # paragraphs with the noise of scraped text (``Generator.noisy``)
NOISE = {"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "？": "?"}


def chinese_number(n: int) -> str:
    """1 → 一, 12 → 十二, 105 → 一百零五, 2300 → 二千三百 (for headings; n < 10000)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    out = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // value % 10
        if d:
            if zero and out:
                out += "零"
            out += DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


class Generator:
    """Sentences, lines and documents from the vocabulary, seeded; ``line()`` never gives a line twice."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seen: set[str] = set()

    def pick(self, words: tuple[str, ...] | str) -> str:
        return words[self.rng.randrange(len(words))]

    def place(self) -> str:
        return self.pick(PLACES) + self.pick(LEVELS)

    def organ(self) -> str:
        return self.place() + self.pick(ORGANS)

    def person(self) -> str:
        return self.pick(SURNAMES) + "".join(self.pick(GIVEN) for _ in range(self.rng.randint(1, 2)))

    def topic(self) -> str:
        return self.pick(THINGS) + self.pick(TOPICS)

    def date(self) -> tuple[int, int, int]:
        return self.rng.randint(2005, 2024), self.rng.randint(1, 12), self.rng.randint(1, 28)

    def clause(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return f"{self.pick(SUBJECTS)}{self.pick(MODALS)}{self.pick(MEANS)}，{self.pick(ACTIONS)}{self.topic()}"
        if r < 0.5:
            return f"{self.pick(ACTIONS)}{self.topic()}，{self.pick(GOALS)}"
        if r < 0.65:
            y, m, _ = self.date()
            change = "增长" if self.rng.random() < 0.6 else "下降"
            return (f"{self.pick(CONNECT)}，{self.place()}共{self.pick(VERBS)}{self.pick(OBJECTS)}"
                    f"{self.rng.randint(3, 9999)}份，涉及{self.rng.randint(2, 480)}个单位，较{y}年{m}月"
                    f"{change}{self.rng.randint(1, 99)}.{self.rng.randint(0, 9)}%")
        if r < 0.8:
            return (f"{self.pick(SUBJECTS)}于{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日前将"
                    f"{self.pick(OBJECTS)}{self.pick(VERBS)}至{self.organ()}")
        return f"{self.pick(MEANS)}，{self.pick(ACTIONS)}{self.topic()}和{self.topic()}，{self.pick(GOALS)}"

    def sentence(self) -> str:
        parts = [self.clause() for _ in range(self.rng.randint(1, 3))]
        return "；".join(parts) + "。"

    def paragraph(self, chars: int) -> str:
        """About ``chars`` characters of sentences, never seen before; a share of them with the noise of scraped
        text that the normalisation pass mends (``NOISY_SHARE``)."""
        while True:
            out = ""
            while len(out) < chars:
                out += self.sentence()
            if self.rng.random() < NOISY_SHARE:
                out = self.noisy(out)
            if self.fresh(out):
                return out

    def noisy(self, text: str) -> str:
        """Half-width punctuation, full-width digits, spaces between characters, a straight quote or an ASCII
        ellipsis: what crawls and old editors leave in Chinese text."""
        chars = list(text)
        for i, c in enumerate(chars):
            r = self.rng.random()
            if c in NOISE and r < 0.5:
                chars[i] = NOISE[c]
            elif c.isdigit() and c.isascii() and r < 0.3:
                chars[i] = chr(ord(c) + 0xFEE0)  # １２３
            elif r < 0.01:
                chars[i] = c + " "
        out = "".join(chars)
        if self.rng.random() < 0.2:
            out = out.replace("。", "...", 1)
        if self.rng.random() < 0.2:
            words = self.pick(THINGS)
            out = f'"{words}"' + out
        return out

    def fresh(self, line: str) -> bool:
        """True (and remembered) when ``line`` was not made before."""
        if line in self.seen:
            return False
        self.seen.add(line)
        return True

    def title(self) -> str:
        while True:
            t = f"{self.organ()}关于{self.pick(ACTIONS)}{self.topic()}的{self.pick(DOC_KINDS)}"
            if self.fresh(t):
                return t

    def heading(self, level: int, n: int) -> str:
        """A heading of the 公文 levels: 一、… (level 1), （一）… (level 2), fresh."""
        while True:
            text = f"{self.pick(ACTIONS)}{self.topic()}"
            line = f"{chinese_number(n)}、{text}" if level == 1 else f"（{chinese_number(n)}）{text}。"
            if self.fresh(line):
                return line

    def article_lines(self, nbytes: int) -> Iterator[tuple[str, str]]:
        """(role, text) lines of one 公文 of about ``nbytes`` UTF-8 bytes: title, addressee, headings on two
        levels, paragraphs of 40–400 characters, 署名, date."""
        organ = self.organ()
        size = 0

        def emit(role: str, text: str) -> tuple[str, str]:
            nonlocal size
            size += len(text.encode("utf-8")) + 1
            return role, text

        yield emit("title", self.title())
        yield emit("addressee", self.pick(SUBJECTS) + "：")
        yield emit("p", self.paragraph(self.rng.randint(60, 160)))
        top = 0
        while size < nbytes:
            top += 1
            yield emit("h1", self.heading(1, top))
            for sub in range(1, self.rng.randint(2, 5)):
                if size >= nbytes:
                    break
                if self.rng.random() < 0.6:
                    yield emit("h2", self.heading(2, sub))
                for _ in range(self.rng.randint(1, 4)):
                    yield emit("p", self.paragraph(int(math.exp(self.rng.uniform(math.log(40), math.log(400))))))
        y, m, d = self.date()
        yield emit("signature", organ)
        yield emit("date", f"{y}年{m}月{d}日")

    def short_line(self) -> str:
        while True:
            r = self.rng.random()
            if r < 0.5:
                line = f"{self.person()}　{self.place()}"
            elif r < 0.8:
                line = f"{self.pick(THINGS)}{self.rng.randint(1, 99999)}"
            else:
                line = f"{self.person()}（{self.pick(TOPICS)}）"
            if self.fresh(line):
                return line

    def row(self, n: int) -> list[str]:
        y, m, d = self.date()
        return [str(n), self.organ(), self.topic(), f"{self.rng.randint(1, 99999)}.{self.rng.randint(0, 99):02d}",
                f"{y}-{m:02d}-{d:02d}", self.person(), self.pick(("已完成", "推进中", "未开工", "已验收"))]


TABLE_HEAD = ["序号", "单位", "项目", "金额（万元）", "日期", "负责人", "进度"]


def text_document(nbytes: int, seed: int = 14) -> bytes:
    g = Generator(seed)
    return ("\n".join(text for _, text in g.article_lines(nbytes)) + "\n").encode("utf-8")


def _page(g: Generator, title: str, content: str, charset: str = "utf-8") -> str:
    """``content`` inside a page's chrome: navigation, breadcrumb, a related list and a footer."""
    nav = "".join(f"<li><a href='/{i}/'>{word}</a></li>" for i, word in enumerate(NAV))
    related = "".join(f"<li><a href='/a/{g.rng.randint(1000, 99999)}.html'>{g.title()}</a></li>" for _ in range(6))
    site = g.organ()
    return (
        f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>{title}_{site}</title>"
        f"<meta name='keywords' content='{g.topic()},{g.topic()}'></head><body>"
        f"<div class='top'><ul class='nav'>{nav}</ul></div>"
        f"<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/zwgk/'>政务公开</a> &gt; 通知公告</div>"
        f"<div class='main'>{content}</div>"
        f"<div class='side'><h3>相关文章</h3><ul>{related}</ul></div>"
        f"<div class='foot'><p>主办单位：{site}　地址：{g.place()}{g.rng.randint(1, 300)}号</p>"
        f"<p>版权所有 &copy; {site}　联系电话：0{g.rng.randint(100, 999)}-{g.rng.randint(1000000, 9999999)}</p>"
        "</div></body></html>"
    )


def html_document(nbytes: int, seed: int = 14, charset: str = "utf-8") -> bytes:
    g = Generator(seed)
    parts: list[str] = []
    title = ""
    budget = int(nbytes * 0.93)  # the chrome is the rest
    for role, text in g.article_lines(budget):
        if role == "title":
            title = text
            y, m, d = g.date()
            parts.append(f"<h1>{text}</h1><div class='info'>发布时间：{y}-{m:02d}-{d:02d}　来源：{g.organ()}"
                         f"　浏览次数：{g.rng.randint(10, 9999)}</div><div class='article'>")
        elif role in ("signature", "date"):
            parts.append(f"<p style='text-align:right'>{text}</p>")
        elif role == "h1":
            parts.append(f"<p><strong>{text}</strong></p>")
        else:
            parts.append(f"<p>{text}</p>")
    parts.append("</div>")
    return _page(g, title, "\n".join(parts), charset).encode(charset)


def lines_document(nbytes: int, seed: int = 14) -> bytes:
    g = Generator(seed)
    out: list[str] = [f"{g.place()}{g.pick(TOPICS)}人员名单"]
    size = len(out[0].encode()) + 1
    while size < nbytes:
        line = g.short_line()
        out.append(line)
        size += len(line.encode()) + 1
    return ("\n".join(out) + "\n").encode("utf-8")


def _rows(g: Generator, nbytes: int, per_row_markup: int) -> Iterator[list[str]]:
    size, n = 0, 0
    while size < nbytes:
        n += 1
        row = g.row(n)
        size += sum(len(c.encode()) for c in row) + per_row_markup
        yield row


def table_document(nbytes: int, seed: int = 14) -> bytes:
    g = Generator(seed)
    title = f"{g.place()}{g.pick(THINGS)}项目资金安排表"
    head = "".join(f"<th>{c}</th>" for c in TABLE_HEAD)
    rows = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>"
                     for row in _rows(g, int(nbytes * 0.97), 70))
    content = f"<h1>{title}</h1><table border='1'><thead><tr>{head}</tr></thead><tbody>\n{rows}\n</tbody></table>"
    return _page(g, title, content).encode("utf-8")


def tsv_document(nbytes: int, seed: int = 14) -> bytes:
    g = Generator(seed)
    lines = [f"{g.place()}{g.pick(THINGS)}项目资金安排表", "\t".join(TABLE_HEAD)]
    lines += ["\t".join(row) for row in _rows(g, nbytes, 7)]
    return ("\n".join(lines) + "\n").encode("utf-8")


KINDS: dict[str, Callable[[int, int], bytes]] = {
    "text": text_document,
    "html": html_document,
    "lines": lines_document,
    "table": table_document,
    "tsv": tsv_document,
}
SUFFIX = {"text": ".txt", "html": ".html", "lines": ".txt", "table": ".html", "tsv": ".txt"}

# --batch: sizes of real pages, log-uniform between these: median 31 KB, mean 41 KB, 10 % under 10.5 KB and 10 %
# over 91 KB — as the labelled corpus (cwced: median 30 KB, mean 45 KB, 10th percentile 11 KB, 90th 72 KB)
BATCH_MIN_BYTES = 8_000
BATCH_MAX_BYTES = 120_000


def batch(n: int, folder: Path, seed: int = 2024) -> list[Path]:
    """``n`` distinct documents of real size in ``folder``: half text, half HTML, some in GB encodings."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        size = int(math.exp(rng.uniform(math.log(BATCH_MIN_BYTES), math.log(BATCH_MAX_BYTES))))
        doc_seed = seed * 100_000 + i
        if i % 2 == 0:
            data = text_document(size, doc_seed)
            if i % 6 == 0:
                data = data.decode("utf-8").encode("gb18030")
            path = folder / f"doc{i:05d}.txt"
        else:
            charset = "gbk" if i % 8 == 1 else "utf-8"
            data = html_document(size, doc_seed, charset)
            path = folder / f"doc{i:05d}.html"
        path.write_bytes(data)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("kind", nargs="?", choices=sorted(KINDS), help="the kind of one document")
    ap.add_argument("nbytes", nargs="?", type=int, default=100_000, help="its size in bytes (about)")
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--batch", type=int, metavar="N", help="write N documents of real size into the folder -o")
    ap.add_argument("-o", "--output", type=Path, help="the file (or, with --batch, the folder) to write")
    args = ap.parse_args(argv)
    if args.batch:
        if args.output is None:
            ap.error("--batch needs -o FOLDER")
        paths = batch(args.batch, args.output, args.seed)
        total = sum(p.stat().st_size for p in paths)
        print(f"{len(paths)} documents, {total / 1e6:.1f} MB, in {args.output}")
        return 0
    if args.kind is None:
        ap.error("give a kind, or --batch N")
    data = KINDS[args.kind](args.nbytes, args.seed)
    if args.output is None:
        sys.stdout.buffer.write(data)
    else:
        args.output.write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())

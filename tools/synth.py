"""A synthetic corpus: N budget disclosures with known figures that add up, as text and as PDF.

    python tools/synth.py --count N --out DIR [--format text|pdf|both] [--seed S]
    python tools/synth.py --out DIR --score DATAPACKAGES     (score a build against DIR/answers.csv)

Each disclosure is one unit (a real county or district from ``cnbudget/data/divisions.csv`` and a
department of it; the N units are distinct) for a fiscal year 2019–2025, a budget or (every third
one) a final account, scope 部门. It holds a cover title, a paragraph of headline figures and the
four standard tables of the national template: the 收支总表, the 一般公共预算支出表 by function
(类/款/项), the 一般公共预算基本支出表 by economic class, and the “三公” table. Codes and names
come from ``cnbudget/data/*_classification.csv`` for the year. Every identity holds: items add to
sections, sections to classes, classes to the table's 合计; 基本 + 项目 = 合计; 人员 + 公用 = 基本;
the “三公” parts add to their totals; the 收支总表 balances.

The layout varies by disclosure number, so that even a handful covers every family: function codes
printed “201 31 01” in three cells or “2013101” in one; table numbers 预算01表, 表1 or none;
amounts in 万元 or (every fourth) in 元 as integers; thousands separators or not; the 合计 row on top
or at the bottom; a negative amount now and then; zero “三公” items blank or printed as 0.00.

Text goes to ``DIR/text/NNNNN.txt`` (cells separated by tabs, like a PDF's text layer), PDF to
``DIR/pdf/NNNNN.pdf`` (reportlab with its built-in STSong-Light CID font, ruled tables, the header
repeated on every page a long table runs over), and the figures to ``DIR/answers.csv``. Disclosure i
depends only on (seed, i), so the first 10 of a run of 1,000 are the 10 of a run of 10.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "cnbudget" / "data"
YEARS = range(2019, 2026)
ANSWER_FIELDS = ("file", "unit_name", "fiscal_year", "resource", "origin", "key", "field", "expected")

# Unit name templates and the 款 (section) their own work is classified under.
UNIT_KINDS: tuple[tuple[str, str], ...] = (
    ("中共{p}委员会办公室", "20131"),
    ("中共{p}委员会组织部", "20132"),
    ("中共{p}委员会宣传部", "20133"),
    ("中共{p}委员会统一战线工作部", "20134"),
    ("中共{p}纪律检查委员会", "20111"),
    ("{p}人民代表大会常务委员会办公室", "20101"),
    ("中国人民政治协商会议{p}委员会办公室", "20102"),
    ("{p}人民政府办公室", "20103"),
    ("{p}发展和改革局", "20104"),
    ("{p}统计局", "20105"),
    ("{p}财政局", "20106"),
    ("{p}审计局", "20108"),
    ("{p}商务局", "20113"),
    ("{p}市场监督管理局", "20138"),
    ("{p}司法局", "20406"),
    ("{p}教育局", "20501"),
    ("{p}科学技术局", "20601"),
    ("{p}文化广电和旅游局", "20701"),
    ("{p}人力资源和社会保障局", "20801"),
    ("{p}民政局", "20802"),
    ("{p}退役军人事务局", "20828"),
    ("{p}卫生健康委员会", "21001"),
    ("{p}住房和城乡建设局", "21201"),
    ("{p}农业农村局", "21301"),
    ("{p}交通运输局", "21401"),
    ("{p}自然资源局", "22001"),
    ("{p}应急管理局", "22401"),
)

# Basic expenditure by economic item → the function item it is classified under (the rest: 行政运行).
ECONOMIC_TO_FUNCTION = {
    "30108": "2080505",
    "30109": "2080506",
    "30110": "2101101",
    "30111": "2101103",
    "30113": "2210201",
    "30301": "2080501",
    "30302": "2080501",
}
# Economic items: always printed, sometimes printed (with their range in 万元).
ECONOMIC_ITEMS: dict[str, tuple[tuple[str, float, float, float], ...]] = {
    # code, probability, low, high
    "301": (
        ("30101", 1, 20, 400), ("30102", 1, 10, 250), ("30103", 0.7, 5, 120), ("30106", 0.2, 1, 20),
        ("30107", 0.6, 10, 200), ("30108", 1, 5, 80), ("30109", 0.6, 2, 40), ("30110", 1, 3, 50),
        ("30111", 0.3, 1, 10), ("30112", 0.6, 0.2, 8), ("30113", 1, 5, 60), ("30199", 0.4, 1, 30),
    ),
    "302": (
        ("30201", 1, 1, 40), ("30202", 0.5, 0.2, 10), ("30205", 0.4, 0.1, 5), ("30206", 0.5, 0.3, 12),
        ("30207", 0.6, 0.2, 6), ("30211", 0.8, 0.5, 20), ("30213", 0.5, 0.5, 15), ("30215", 0.3, 0.2, 8),
        ("30216", 0.4, 0.2, 10), ("30217", 0.5, 0.1, 6), ("30226", 0.3, 1, 30), ("30228", 0.9, 0.5, 15),
        ("30229", 0.7, 0.3, 12), ("30231", 0.5, 0.5, 12), ("30239", 0.6, 0.5, 20), ("30299", 0.7, 0.2, 25),
    ),
    "303": (("30302", 0.6, 2, 80), ("30305", 0.3, 0.5, 20), ("30307", 0.3, 0.2, 5), ("30309", 0.2, 0.2, 10), ("30399", 0.3, 0.1, 10)),
    "310": (("31002", 1, 0.5, 30), ("31007", 0.5, 0.5, 20)),
}
REVENUE_LINES = {
    "budget": (
        ("一般公共预算拨款收入", "general_public_budget"),
        ("政府性基金预算拨款收入", None),
        ("国有资本经营预算拨款收入", None),
        ("财政专户管理资金收入", None),
        ("事业收入", "business"),
        ("事业单位经营收入", None),
        ("上级补助收入", None),
        ("附属单位上缴收入", None),
        ("其他收入", "other"),
    ),
    "final_account": (
        ("一般公共预算财政拨款收入", "general_public_budget"),
        ("政府性基金预算财政拨款收入", None),
        ("国有资本经营预算财政拨款收入", None),
        ("上级补助收入", None),
        ("事业收入", "business"),
        ("经营收入", None),
        ("附属单位上缴收入", None),
        ("其他收入", "other"),
    ),
}
NUMERALS = "一二三四五六七八九十"


# ------------------------------------------------------------------ reference data


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    level: str
    first: int
    last: int


@cache
def classification(kind: str) -> dict[str, tuple[Entry, ...]]:
    """Every official entry of ``function`` or ``economic`` (departmental scheme), by code."""
    out: dict[str, list[Entry]] = defaultdict(list)
    with (DATA / f"{kind}_classification.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("scheme", "department") != "department":
                continue
            first, _, last = row["years"].partition("-")
            out[row["code"]].append(Entry(row["code"], row["name"], row["level"], int(first), int(last or first)))
    return {code: tuple(entries) for code, entries in out.items()}


def official(kind: str, code: str, year: int) -> str | None:
    """The official name of a code in a year, or None where the code does not exist that year."""
    return next((e.name for e in classification(kind).get(code, ()) if e.first <= year <= e.last), None)


def classes(year: int) -> list[tuple[str, str]]:
    """The function classes (类) of a year, in code order."""
    return sorted((code, name) for code in classification("function") if len(code) == 3 and (name := official("function", code, year)))


@cache
def counties() -> tuple[tuple[str, str, str], ...]:
    """(province, parent, county) for every county-level division; parent is a city or the province."""
    with (DATA / "divisions.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {r["code"]: r for r in rows}
    out = []
    for row in rows:
        if row["level"] != "county":
            continue
        parent = by_code[row["parent"]]
        province = parent if parent["level"] == "province" else by_code[parent["parent"]]
        out.append((province["name"], parent["name"], row["name"]))
    return tuple(out)


# ------------------------------------------------------------------ the figures


@dataclass
class Style:
    """How one disclosure is printed."""

    yuan: bool  # amounts in 元 (integers) instead of 万元
    split_codes: bool  # 201 | 31 | 01 in three cells, not 2013101
    numbering: str  # "budget" (预算01表), "plain" (表1) or "none"
    thousands: bool
    total_last: bool  # the 合计 row at the bottom of the coded tables
    zero_printed: bool  # a zero “三公” item printed as 0.00, not blank
    three_public_label: str  # the first column of the “三公” table: “三公”经费合计 or 合计
    negative: bool  # one 商品和服务支出 item is negative


@dataclass
class Disclosure:
    """One generated disclosure: who, when, how printed, and every figure in minor units."""

    number: int
    unit: str
    province: str
    county: str
    year: int
    kind: str  # budget / final_account
    style: Style
    # function rows: code → [total, basic, project]; economic rows: code → [total, personnel, public]
    function: dict[str, list[int | None]] = field(default_factory=dict)
    economic: dict[str, list[int | None]] = field(default_factory=dict)
    three_public: dict[str, int] = field(default_factory=dict)
    revenue: dict[str, int] = field(default_factory=dict)  # label → amount (printed lines only)
    class_spending: dict[str, int] = field(default_factory=dict)  # class code → 收支总表 amount
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def scale(self) -> Decimal:
        """The value of one minor unit in 万元."""
        return Decimal("0.0001") if self.style.yuan else Decimal("0.01")

    @property
    def kind_label(self) -> str:
        return "决算" if self.kind == "final_account" else "预算"

    @property
    def file(self) -> str:
        return f"{self.number:05d}"

    def wan(self, minor: int | None) -> Decimal | None:
        """A minor-unit amount in 万元, exactly."""
        return None if minor is None else Decimal(minor) * self.scale


def style_of(number: int) -> Style:
    """The printing style of disclosure ``number``: cycled so that any six cover every family."""
    return Style(
        yuan=number % 4 == 3,
        split_codes=number % 2 == 0,
        numbering=("budget", "plain", "none")[(number // 2) % 3],
        thousands=number % 5 in (1, 3),
        total_last=number % 7 == 1,
        zero_printed=number % 2 == 1,
        three_public_label=("“三公”经费合计", "合计")[(number // 3) % 2],
        negative=number % 6 == 4,
    )


def pick_units(count: int, seed: int) -> list[tuple[str, str, str, str]]:
    """``count`` distinct units: (unit name, province, county, the 款 of its own work)."""
    places = counties()
    total = len(places) * len(UNIT_KINDS)
    if count > total:
        raise SystemExit(f"at most {total} distinct units can be generated")
    rng = random.Random(f"{seed}:units")
    out, seen = [], set()
    for _ in range(count):
        index = rng.randrange(total)
        while index in seen:  # drawn one at a time, so that a shorter run is a prefix of a longer one
            index = rng.randrange(total)
        seen.add(index)
        province, parent, county = places[index // len(UNIT_KINDS)]
        template, section = UNIT_KINDS[index % len(UNIT_KINDS)]
        out.append((template.format(p=parent + county), province, county, section))
    return out


def _amount(rng: random.Random, low: float, high: float, yuan: bool) -> int:
    """A random amount between low and high 万元, in minor units."""
    per = 10_000 if yuan else 100
    return rng.randint(max(1, int(low * per)), int(high * per))


def generate(number: int, seed: int, unit: tuple[str, str, str, str]) -> Disclosure:
    """Disclosure ``number`` of the corpus of ``seed``, with every identity holding."""
    rng = random.Random(f"{seed}:{number}")
    name, province, county, section = unit
    style = style_of(number)
    kind = "final_account" if number % 3 == 2 else "budget"
    d = Disclosure(number, name, province, county, rng.choice(YEARS), kind, style)
    year, yuan = d.year, style.yuan

    # basic expenditure by economic item
    items: dict[str, int] = {}
    for cls, choices in ECONOMIC_ITEMS.items():
        if cls == "310" and rng.random() > 0.25:
            continue
        for code, chance, low, high in choices:
            if rng.random() < chance and official("economic", code, year):
                items[code] = _amount(rng, low, high, yuan)
    public = sorted(c for c in items if c.startswith("302"))
    if style.negative and len(public) > 1:
        # a refund booked against the last item: negative, but less than half the rest of its class
        cap = min(sum(items[c] for c in public[:-1]) // 2, _amount(rng, 0.5, 2, yuan))
        items[public[-1]] = -rng.randint(1, max(1, cap))
    for cls in ECONOMIC_ITEMS:
        kids = sorted(c for c in items if c.startswith(cls))
        if not kids:
            continue
        personnel = cls in ("301", "303")
        total = sum(items[c] for c in kids)
        d.economic[cls] = [total, total if personnel else None, None if personnel else total]
        for c in kids:
            d.economic[c] = [items[c], items[c] if personnel else None, None if personnel else items[c]]
    basic_total = sum(items.values())
    personnel_total = sum(v for c, v in items.items() if c[:3] in ("301", "303"))

    # the same money by function: each item's basic part, then the projects
    running, admin = section + "01", section + "02"
    basic: dict[str, int] = defaultdict(int)
    for code, value in items.items():
        target = ECONOMIC_TO_FUNCTION.get(code, running)
        basic[target if official("function", target, year) else running] += value
    if rng.random() < 0.3 and official("function", section + "50", year):
        share = basic[running] * rng.randint(10, 40) // 100
        basic[running] -= share
        basic[section + "50"] += share
    project: dict[str, int] = {admin: _amount(rng, 5, 300, yuan)}
    if rng.random() < 0.4:
        project[running] = _amount(rng, 2, 50, yuan)
    if rng.random() < 0.3 and official("function", section + "99", year):
        project[section + "99"] = _amount(rng, 1, 50, yuan)
    for code in sorted(set(basic) | set(project)):
        b, p = basic.get(code) or None, project.get(code) or None
        d.function[code] = [(b or 0) + (p or 0), b, p]
    for length in (5, 3):
        for code in sorted({c[:length] for c in list(d.function) if len(c) == 7}):
            leaves = [v for c, v in d.function.items() if len(c) == 7 and c.startswith(code)]
            sums = [sum(leaf[i] or 0 for leaf in leaves) for i in range(3)]
            d.function[code] = [sums[0], sums[1] or None, sums[2] or None]
    d.function = dict(sorted(d.function.items(), key=lambda kv: kv[0]))
    general = sum(v[0] or 0 for c, v in d.function.items() if len(c) == 3)
    project_general = general - basic_total

    # the 收支总表: other revenue and carry-overs are spent as projects of the unit's own class
    other = _amount(rng, 1, 60, yuan) if rng.random() < 0.3 else 0
    carry_in = _amount(rng, 1, 40, yuan) if rng.random() < 0.3 else 0
    carry_out = rng.randint(0, other + carry_in) if kind == "final_account" and rng.random() < 0.5 else 0
    lines = REVENUE_LINES[kind]
    d.revenue[lines[0][0]] = general
    if other:
        d.revenue[rng.choice([label for label, source in lines[1:] if source])] = other
    current = general + other
    spent = current + carry_in - carry_out
    d.class_spending = {c: v[0] or 0 for c, v in d.function.items() if len(c) == 3}
    d.class_spending[section[:3]] += other + carry_in - carry_out
    d.totals = {
        "revenue_current_year": current,
        "expenditure_current_year": spent,
        "revenue_total": current + carry_in,
        "expenditure_total": current + carry_in,
        "basic_expenditure": basic_total,
        "project_expenditure": project_general + other + carry_in - carry_out,
        "personnel_expenditure": personnel_total,
        "public_expenditure": basic_total - personnel_total,
    }
    if carry_in:
        d.totals["carryover_in"] = carry_in
    if carry_out:
        d.totals["carryover_out"] = carry_out

    # “三公”
    outbound = _amount(rng, 1, 15, yuan) if rng.random() < 0.2 else 0
    purchase = _amount(rng, 10, 30, yuan) if rng.random() < 0.15 else 0
    operation = _amount(rng, 0.5, 12, yuan) if rng.random() < 0.8 else 0
    reception = _amount(rng, 0.1, 6, yuan) if rng.random() < 0.8 or not operation else 0
    d.three_public = {
        "total": outbound + purchase + operation + reception,
        "outbound_travel": outbound,
        "vehicle_total": purchase + operation,
        "vehicle_purchase": purchase,
        "vehicle_operation": operation,
        "reception": reception,
    }
    d.totals["three_public_total"] = d.three_public["total"]
    return d


# ------------------------------------------------------------------ printing


def chinese_number(n: int) -> str:
    """一 … 九十九."""
    tens, ones = divmod(n, 10)
    return (NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (NUMERALS[ones - 1] if ones else "")


def fmt(d: Disclosure, minor: int | None, zero: bool = False) -> str:
    """An amount as the disclosure prints it; blank for None (and for 0 unless ``zero``)."""
    if minor is None or (minor == 0 and not zero):
        return ""
    if d.style.yuan:
        return f"{minor:,d}" if d.style.thousands else str(minor)
    value = Decimal(minor) / 100
    return f"{value:,.2f}" if d.style.thousands else f"{value:.2f}"


def rounded(d: Disclosure, minor: int) -> Decimal:
    """The amount in 万元 rounded half up to two decimals, as the prose prints it."""
    return (Decimal(minor) * d.scale).quantize(Decimal("0.01"), ROUND_HALF_UP)


@dataclass
class Span:
    """A header cell spanning ``cols`` columns and ``rows`` rows."""

    text: str
    cols: int = 1
    rows: int = 1


@dataclass
class Table:
    number: str  # 预算01表, 表1 or ""
    title: str
    left: str  # 部门：…
    right: str  # 金额单位：…
    header: list[list[Span]]
    body: list[tuple[str, ...]]
    align: str  # per column: l (text), c (codes), r (amounts)
    notes: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return len(self.align)


def header_grid(header: list[list[Span]], width: int) -> list[list[tuple[Span, int, int] | None]]:
    """Each header position's span and the span's top-left (row, col), or None under/after one."""
    grid: list[list[tuple[Span, int, int] | None]] = [[None] * width for _ in header]
    taken = [[False] * width for _ in header]
    for r, row in enumerate(header):
        c = 0
        for span in row:
            while taken[r][c]:
                c += 1
            for dr in range(span.rows):
                for dc in range(span.cols):
                    taken[r + dr][c + dc] = True
            grid[r][c] = (span, r, c)
            c += span.cols
    return grid


def number_label(d: Disclosure, n: int) -> str:
    if d.style.numbering == "none":
        return ""
    if d.style.numbering == "plain":
        return f"表{n}"
    return f"{'财决' if d.kind == 'final_account' else '预算'}{n:02d}表"


def unit_line(d: Disclosure) -> tuple[str, str]:
    label = "编制单位" if d.kind == "final_account" else "部门"
    return f"{label}：{d.unit}", "金额单位：元" if d.style.yuan else "金额单位：万元"


def summary_table(d: Disclosure) -> Table:
    final = d.kind == "final_account"
    amount = "决算数" if final else "预算数"
    left = [(f"{chinese_number(i)}、{label}", fmt(d, d.revenue.get(label))) for i, (label, _) in enumerate(REVENUE_LINES[d.kind], 1)]
    right = [(f"{chinese_number(i)}、{name}", fmt(d, d.class_spending.get(code))) for i, (code, name) in enumerate(classes(d.year), 1)]
    body: list[tuple[str, ...]] = [(*a, *b) for a, b in zip(left + [("", "")] * (len(right) - len(left)), right)]
    t = d.totals
    total = fmt(d, t["revenue_total"])
    if final:
        body += [
            ("本年收入合计", fmt(d, t["revenue_current_year"]), "本年支出合计", fmt(d, t["expenditure_current_year"])),
            ("使用非财政拨款结余", "", "结余分配", ""),
            ("年初结转和结余", fmt(d, t.get("carryover_in")), "年末结转和结余", fmt(d, t.get("carryover_out"))),
            ("总计", total, "总计", total),
        ]
    else:
        body += [
            ("本年收入合计", fmt(d, t["revenue_current_year"]), "本年支出合计", fmt(d, t["expenditure_current_year"])),
            ("上年结转结余", fmt(d, t.get("carryover_in")), "年终结转结余", ""),
            ("收入总计", total, "支出总计", total),
        ]
    title = f"{d.year}年{'收入支出决算总表' if final else '部门收支总表'}"
    header = [[Span("收入", 2), Span("支出", 2)], [Span("项目"), Span(amount), Span("项目"), Span(amount)]]
    return Table(number_label(d, 1), title, *unit_line(d), header, body, "lrlr")


def _with_total(d: Disclosure, rows: list[tuple[str, ...]], total: tuple[str, ...]) -> list[tuple[str, ...]]:
    return rows + [total] if d.style.total_last else [total] + rows


def function_table(d: Disclosure) -> Table:
    final = d.kind == "final_account"
    rows: list[tuple[str, ...]] = []
    for code, amounts in d.function.items():
        name = official("function", code, d.year) or ""
        values = tuple(fmt(d, a) for a in amounts)
        if d.style.split_codes:
            rows.append((code[:3], code[3:5], code[5:7], name, *values))
        else:
            rows.append((code, name, *values))
    top = [r for c, r in d.function.items() if len(c) == 3]
    sums = tuple(fmt(d, sum(r[i] or 0 for r in top) or None) for i in range(3))
    codes = [Span("科目编码", 3), Span("科目名称", rows=2)] if d.style.split_codes else [Span("科目编码", rows=2), Span("科目名称", rows=2)]
    under = [Span("类"), Span("款"), Span("项")] if d.style.split_codes else []
    if final:
        # 财决: the three amounts under one 本年支出 heading
        header = [codes + [Span("本年支出", 3)], under + [Span("合计"), Span("基本支出"), Span("项目支出")]]
    elif d.style.split_codes:
        header = [codes + [Span("合计", rows=2), Span("基本支出", rows=2), Span("项目支出", rows=2)], under]
    else:
        header = [[Span("科目编码"), Span("科目名称"), Span("合计"), Span("基本支出"), Span("项目支出")]]
    total = ("", "", "", "合计", *sums) if d.style.split_codes else ("", "合计", *sums)
    align = ("cccl" if d.style.split_codes else "cl") + "rrr"
    title = f"{d.year}年{'一般公共预算财政拨款支出决算表' if final else '一般公共预算支出表'}"
    return Table(number_label(d, 5 if not final else 7), title, *unit_line(d), header, _with_total(d, rows, total), align)


def economic_table(d: Disclosure) -> Table:
    final = d.kind == "final_account"
    rows: list[tuple[str, ...]] = []
    for code, amounts in d.economic.items():
        name = official("economic", code, d.year) or ""
        values = tuple(fmt(d, a) for a in amounts)
        if d.style.split_codes:
            rows.append((code[:3], code[3:5], name, *values))
        else:
            rows.append((code, name, *values))
    basic, personnel = d.totals["basic_expenditure"], d.totals["personnel_expenditure"]
    sums = (fmt(d, basic), fmt(d, personnel), fmt(d, basic - personnel))
    group = "本年一般公共预算基本支出" if not final else "本年基本支出决算"
    if d.style.split_codes:
        header = [
            [Span("部门预算支出经济分类科目", 3), Span(group, 3)],
            [Span("科目编码", 2), Span("科目名称", rows=2), Span("合计", rows=2), Span("人员经费", rows=2), Span("公用经费", rows=2)],
            [Span("类"), Span("款")],
        ]
        total: tuple[str, ...] = ("", "", "合计", *sums)
        align = "ccl" + "rrr"
    else:
        header = [
            [Span("部门预算支出经济分类科目", 2), Span(group, 3)],
            [Span("科目编码"), Span("科目名称"), Span("合计"), Span("人员经费"), Span("公用经费")],
        ]
        total = ("", "合计", *sums)
        align = "cl" + "rrr"
    title = f"{d.year}年{'一般公共预算财政拨款基本支出决算表' if final else '一般公共预算基本支出表'}"
    return Table(number_label(d, 6 if not final else 8), title, *unit_line(d), header, _with_total(d, rows, total), align)


THREE_PUBLIC_ORDER = ("total", "outbound_travel", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")


def three_public_table(d: Disclosure) -> Table:
    final = d.kind == "final_account"
    six = [
        [Span(d.style.three_public_label, rows=2), Span("因公出国（境）费", rows=2), Span("公务用车购置及运行费", 3), Span("公务接待费", rows=2)],
        [Span("小计"), Span("公务用车购置费"), Span("公务用车运行费")],
    ]
    values = tuple(fmt(d, d.three_public[item], d.style.zero_printed) for item in THREE_PUBLIC_ORDER)
    if final:
        # 财决: the budget beside the final figures, each under its heading; the budget differs
        budget = {k: v + (v // 10 if k in ("vehicle_operation", "reception") else 0) for k, v in d.three_public.items()}
        budget["vehicle_total"] = budget["vehicle_purchase"] + budget["vehicle_operation"]
        budget["total"] = budget["outbound_travel"] + budget["vehicle_total"] + budget["reception"]
        header = [[Span("预算数", 6), Span("决算数", 6)], six[0] * 2, six[1] * 2]
        body = [tuple(fmt(d, budget[item], d.style.zero_printed) for item in THREE_PUBLIC_ORDER) + values]
        align = "r" * 12
    else:
        header, body, align = six, [values], "r" * 6
    title = f"{d.year}年{'一般公共预算财政拨款“三公”经费支出决算表' if final else '一般公共预算“三公”经费支出情况表'}"
    notes = ["注：“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。"]
    return Table(number_label(d, 8 if not final else 9), title, *unit_line(d), header, body, align, notes)


def narrative(d: Disclosure) -> tuple[str, list[str]]:
    """The cover title and the paragraphs of prose."""
    t, tp = d.totals, d.three_public
    spent = t["expenditure_current_year"]
    basic, project = t["basic_expenditure"], t["project_expenditure"]
    share_basic = (Decimal(basic) * 100 / spent).quantize(Decimal("0.01"), ROUND_HALF_UP)
    yearly = "年度" if d.kind == "final_account" else "年"
    amount = "支出决算" if d.kind == "final_account" else "预算"
    def r(minor: int) -> Decimal:
        return rounded(d, minor)

    headline = (
        f"{d.year}{yearly}{d.unit}收入总计{r(t['revenue_total'])}万元。本年支出合计{r(spent)}万元，其中：基本支出{r(basic)}万元，占{share_basic}%；"
        f"项目支出{r(project)}万元，占{Decimal(100) - share_basic}%。"
    )
    three_public = (
        f"{d.year}年一般公共预算“三公”经费{amount}{r(tp['total'])}万元，其中：因公出国（境）费{r(tp['outbound_travel'])}万元；"
        f"公务用车购置及运行费{r(tp['vehicle_total'])}万元（其中：公务用车购置费{r(tp['vehicle_purchase'])}万元，"
        f"公务用车运行维护费{r(tp['vehicle_operation'])}万元）；公务接待费{r(tp['reception'])}万元。"
    )
    paragraphs = [headline, three_public]
    return f"{d.unit}{d.year}年部门{d.kind_label}", paragraphs


def tables(d: Disclosure) -> list[Table]:
    return [summary_table(d), function_table(d), economic_table(d), three_public_table(d)]


# ------------------------------------------------------------------ pages (shared by text and PDF)

PORTRAIT = (595.28, 841.89)
LANDSCAPE = (841.89, 595.28)
MARGIN = 40.0
ROW = 18.0
TITLE = 26.0
LINE = 18.0


@dataclass
class Chunk:
    """The rows of one table printed on one page (the header is repeated on every page)."""

    table: Table
    rows: list[tuple[str, ...]]
    first: bool
    last: bool


def paginate(table: Table) -> list[Chunk]:
    """The table cut into pages of landscape A4: title and unit lines on the first, header on each."""
    height = LANDSCAPE[1] - 2 * MARGIN
    head = len(table.header) * ROW
    chunks: list[Chunk] = []
    rows = list(table.body)
    first = True
    while True:
        room = height - head - ((LINE if table.number else 0) + TITLE + LINE if first else 0)
        fits = max(1, int(room // ROW))
        chunk, rows = rows[:fits], rows[fits:]
        last = not rows
        if last and table.notes and (len(chunk) * ROW + len(table.notes) * LINE > room) and len(chunk) > 1:
            rows = chunk[-1:]  # keep a row for the notes' page, so that notes never stand alone
            chunk = chunk[:-1]
            last = False
        chunks.append(Chunk(table, chunk, first, last))
        first = False
        if last:
            return chunks


# ------------------------------------------------------------------ text


def header_rows(table: Table) -> list[tuple[str, ...]]:
    """The header as lines of cells: a spanning cell's text in its first position, blanks elsewhere."""
    out = []
    for r, row in enumerate(header_grid(table.header, table.width)):
        out.append(tuple(pos[0].text if pos is not None and pos[1] == r else "" for pos in row))
    return out


def to_text(d: Disclosure, spaces: bool = False) -> str:
    """The disclosure as a text layer: one line per printed line, cells separated by tabs.

    With ``spaces`` the cells are separated by one space and blank cells vanish, as in a text
    layer extracted without column positions (the founding source 000 is one).
    """
    cover, paragraphs = narrative(d)
    lines = [cover, "", "一、收入支出总体情况", *paragraphs, ""]
    for table in tables(d):
        for chunk in paginate(table):
            if chunk.first:
                lines += [table.number] if table.number else []
                lines += [table.title, f"{table.left}\t{table.right}"]
            lines += ["\t".join(row) for row in header_rows(table)]
            lines += ["\t".join(row) for row in chunk.rows]
            if chunk.last:
                lines += table.notes
        lines.append("")
    if spaces:
        lines = [" ".join(cell for cell in line.split("\t") if cell) for line in lines]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ PDF

FONT = "STSong-Light"


@cache
def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, _font(), size)


def _pdf_text(text: str) -> str:
    # STSong-Light has no glyph for U+2212, nor does a hyphen look like a minus in print
    return "－" + text[1:] if text.startswith("-") and text[1:2].isdigit() else text


def wrap(text: str, size: float, width: float) -> list[str]:
    """The text cut into lines no wider than ``width`` (character by character: Chinese has no spaces)."""
    lines, current = [], ""
    for ch in text:
        if current and _width(current + ch, size) > width:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current] if current else lines


def column_widths(table: Table, size: float) -> list[float]:
    """Each column's width: its widest cell, and wide enough together for every spanning header."""
    pad = 8.0
    widths = [24.0] * table.width
    for cells in table.body:
        for j, cell in enumerate(cells):
            widths[j] = max(widths[j], _width(_pdf_text(cell), size) + pad)
    for row in header_grid(table.header, table.width):
        for pos in row:
            if pos is None:
                continue
            span, _, c = pos
            need = _width(span.text, size) + pad
            have = sum(widths[c : c + span.cols])
            if need > have:
                for k in range(c, c + span.cols):
                    widths[k] += (need - have) / span.cols
    return widths


class PdfWriter:
    """Draws pages with reportlab: free text lines and ruled tables."""

    def __init__(self, path: Path) -> None:
        from reportlab.pdfgen.canvas import Canvas

        _font()
        self.canvas = Canvas(str(path), pagesize=PORTRAIT, invariant=1)
        self.canvas.setTitle(path.stem)
        self.page = 0

    def new_page(self, size: tuple[float, float]) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.canvas.setPageSize(size)
        self.size = size
        self.canvas.setFont(FONT, 9)
        self.canvas.drawCentredString(size[0] / 2, 22, f"- {self.page} -")

    def text(self, y: float, text: str, size: float, align: str = "l", x0: float = MARGIN, x1: float | None = None) -> None:
        """One line of text whose top is ``y`` points below the top of the page."""
        c = self.canvas
        x1 = self.size[0] - MARGIN if x1 is None else x1
        baseline = self.size[1] - y - size * 0.88
        c.setFont(FONT, size)
        if align == "c":
            c.drawCentredString((x0 + x1) / 2, baseline, text)
        elif align == "r":
            c.drawRightString(x1, baseline, text)
        else:
            c.drawString(x0, baseline, text)

    def cover(self, title: str, paragraphs: list[str]) -> None:
        self.new_page(PORTRAIT)
        y = 200.0
        for line in wrap(title, 20, PORTRAIT[0] - 2 * MARGIN):
            self.text(y, line, 20, "c")
            y += 30
        y += 40
        self.text(y, "一、收入支出总体情况", 12)
        y += 24
        for paragraph in paragraphs:
            for line in wrap(paragraph, 11, PORTRAIT[0] - 2 * MARGIN):
                self.text(y, line, 11)
                y += 18
            y += 6

    def chunk(self, chunk: Chunk) -> None:
        table = chunk.table
        self.new_page(LANDSCAPE)
        avail = LANDSCAPE[0] - 2 * MARGIN
        size = 9.0
        widths = column_widths(table, size)
        if sum(widths) > avail:
            size = max(5.0, size * avail / sum(widths))
            widths = column_widths(table, size)
        x0 = MARGIN + max(0.0, (avail - sum(widths)) / 2)
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        y = MARGIN
        if chunk.first:
            if table.number:
                self.text(y, table.number, 9, "r", x1=xs[-1])
                y += LINE
            self.text(y, table.title, 15, "c")
            y += TITLE
            self.text(y + 3, table.left, 9, "l", x0=xs[0])
            self.text(y + 3, table.right, 9, "r", x1=xs[-1])
            y += LINE
        segments: set[tuple[float, float, float, float]] = set()
        grid = header_grid(table.header, table.width)
        for r, row in enumerate(grid):
            for pos in row:
                if pos is None or pos[1] != r:
                    continue
                span, _, c = pos
                box = (xs[c], y + r * ROW, xs[c + span.cols], y + (r + span.rows) * ROW)
                self._cell(box, span.text, "c", size, segments)
        y += len(grid) * ROW
        for cells in chunk.rows:
            for j, cell in enumerate(cells):
                self._cell((xs[j], y, xs[j + 1], y + ROW), _pdf_text(cell), table.align[j], size, segments)
            y += ROW
        height = self.size[1]
        self.canvas.setLineWidth(0.6)
        for x_a, y_a, x_b, y_b in sorted(segments):
            self.canvas.line(x_a, height - y_a, x_b, height - y_b)
        if chunk.last:
            for note in table.notes:
                self.text(y + 6, note, 9, "l", x0=xs[0])
                y += LINE

    def _cell(self, box: tuple[float, float, float, float], text: str, align: str, size: float, segments: set[tuple[float, float, float, float]]) -> None:
        x0, top, x1, bottom = box
        segments.update({(x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)})
        if text:
            y = (top + bottom) / 2 - size * 0.5
            if align == "r":
                self.text(y, text, size, "r", x1=x1 - 4)
            elif align == "c":
                self.text(y, text, size, "c", x0=x0, x1=x1)
            else:
                self.text(y, text, size, "l", x0=x0 + 4)

    def save(self) -> None:
        self.canvas.save()


def to_pdf(d: Disclosure, path: Path) -> None:
    """The disclosure as a PDF: the prose on a portrait page, each table on landscape pages."""
    writer = PdfWriter(path)
    writer.cover(*narrative(d))
    for table in tables(d):
        for chunk in paginate(table):
            writer.chunk(chunk)
    writer.save()


# ------------------------------------------------------------------ the answer key


def answers(d: Disclosure) -> list[dict[str, str]]:
    """Every figure the disclosure prints, as the published packages should hold it (in 万元)."""
    rows: list[dict[str, str]] = []

    def add(resource: str, origin: str, key: str, name: str, value: object) -> None:
        text = "" if value is None else str(value)
        rows.append({"file": d.file, "unit_name": d.unit, "fiscal_year": str(d.year), "resource": resource, "origin": origin, "key": key, "field": name, "expected": text})

    for name, value in (("unit_name", d.unit), ("fiscal_year", d.year), ("kind", d.kind), ("scope", "department"), ("province", d.province), ("county", d.county)):
        add("disclosure", "", "", name, value)
    for metric, minor in d.totals.items():
        if metric != "project_expenditure":  # no table prints the department's 项目支出; the prose does
            add("totals", "table", metric, "amount", d.wan(minor))
    for label, source in REVENUE_LINES[d.kind]:
        if source and label in d.revenue:
            add("revenue_by_source", "table", source, "amount", d.wan(d.revenue[label]))
    if "carryover_in" in d.totals:
        add("revenue_by_source", "table", "carryover", "amount", d.wan(d.totals["carryover_in"]))
    for code, values in d.function.items():
        for name, amount in zip(("total", "basic", "project"), values):
            add("expenditure_by_function", "table", code, name, d.wan(amount))
    for code, values in d.economic.items():
        for name, amount in zip(("total", "personnel", "public"), values):
            add("basic_expenditure_by_economic", "table", code, name, d.wan(amount))
    for item in THREE_PUBLIC_ORDER:
        figure = d.three_public[item]
        if figure or d.style.zero_printed:
            add("three_public", "table", item, "amount", d.wan(figure))
        add("three_public", "narrative", item, "amount", rounded(d, figure))
    for metric in ("revenue_total", "expenditure_current_year", "basic_expenditure", "project_expenditure", "three_public_total"):
        add("totals", "narrative", metric, "amount", rounded(d, d.totals[metric]))
    return rows


# ------------------------------------------------------------------ the corpus


def generate_corpus(count: int, out: Path, formats: Sequence[str] = ("text",), seed: int = 0, spaces: bool = False) -> list[Disclosure]:
    """Write ``count`` disclosures under ``out`` (text/, pdf/) and ``out/answers.csv``; return them."""
    disclosures = [generate(i, seed, unit) for i, unit in enumerate(pick_units(count, seed))]
    for fmt_name in formats:
        (out / fmt_name).mkdir(parents=True, exist_ok=True)
    for d in disclosures:
        if "text" in formats:
            (out / "text" / f"{d.file}.txt").write_text(to_text(d, spaces), encoding="utf-8")
        if "pdf" in formats:
            to_pdf(d, out / "pdf" / f"{d.file}.pdf")
    with (out / "answers.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ANSWER_FIELDS)
        writer.writeheader()
        for d in disclosures:
            writer.writerows(answers(d))
    return disclosures


# ------------------------------------------------------------------ scoring a build


@dataclass
class Score:
    total: int
    matched: int
    misses: list[str]  # one sentence per figure that does not match

    @property
    def accuracy(self) -> float:
        return self.matched / self.total if self.total else 1.0


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _same(expected: str, found: Iterable[str]) -> bool:
    values = set(found)
    if len(values) != 1:
        return False
    (value,) = values
    if expected == "" or value == "":
        return expected == value
    try:
        return Decimal(expected) == Decimal(value)
    except ArithmeticError:
        return expected == value


def score(answers_csv: Path, packages: Path) -> Score:
    """How many figures of the answer key the ``packages/all`` build holds exactly (Decimal equality)."""
    key = _read(answers_csv)
    ids: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in _read(packages / "all" / "disclosure.csv"):
        ids[(row["unit_name"], row["fiscal_year"])].append(row)
    resources: dict[str, dict[str, list[dict[str, str]]]] = {}
    for name in ("totals", "revenue_by_source", "expenditure_by_function", "basic_expenditure_by_economic", "three_public", "statements"):
        by_id: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in _read(packages / "all" / f"{name}.csv"):
            by_id[row["disclosure_id"]].append(row)
        resources[name] = by_id
    columns = {"totals": "metric", "revenue_by_source": "source", "expenditure_by_function": "function_code", "basic_expenditure_by_economic": "economic_code", "three_public": "item"}
    matched, misses = 0, []
    for want in key:
        found = ids.get((want["unit_name"], want["fiscal_year"]), [])
        if len(found) != 1:
            misses.append(f"{want['file']} {want['unit_name']} {want['fiscal_year']}: {len(found)} disclosures found ({want['resource']} {want['key']} {want['field']})")
            continue
        meta = found[0]
        # the disclosure's own figures: the 决算数 of a final account, the 预算数 of a budget
        phase = "executed" if meta.get("kind") == "final_account" else "approved"
        if want["resource"] == "disclosure":
            values = [meta.get(want["field"]) or ""]
        elif want["origin"] == "narrative":  # what the prose states is in statements (contract version 2)
            rows = [
                r
                for r in resources["statements"][meta["disclosure_id"]]
                if r["resource"] == want["resource"] and r["subject"] == want["key"] and r.get("phase", phase) == phase
                and (want["resource"] != "three_public" or r["fiscal_year"] == want["fiscal_year"])
            ]
            values = [r["amount"] for r in rows]
        else:
            rows = [
                r
                for r in resources[want["resource"]][meta["disclosure_id"]]
                if r[columns[want["resource"]]] == want["key"]
                and r.get("origin", want["origin"]) == want["origin"]
                and r.get("phase", phase) == phase
                and (want["resource"] != "three_public" or r["fiscal_year"] == want["fiscal_year"])
            ]
            values = [r[want["field"]] for r in rows]
        if _same(want["expected"], values):
            matched += 1
        else:
            misses.append(f"{want['file']} {want['resource']}/{want['origin'] or '-'} {want['key']} {want['field']}: expected {want['expected'] or 'blank'}, found {sorted(set(values)) or 'nothing'}")
    return Score(len(key), matched, misses)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic corpus of budget disclosures with an answer key, or score a build against one.")
    parser.add_argument("--count", type=int, help="how many disclosures to generate")
    parser.add_argument("--out", type=Path, required=True, help="folder for text/, pdf/ and answers.csv")
    parser.add_argument("--format", choices=("text", "pdf", "both"), default="text", help="text layers, PDFs or both (default: text)")
    parser.add_argument("--seed", type=int, default=0, help="the corpus seed (default 0): same seed, same files")
    parser.add_argument("--text-cells", choices=("tabs", "spaces"), default="tabs", help="separate a text layer's cells by tabs (default) or by spaces, blank cells dropped")
    parser.add_argument("--score", type=Path, metavar="DATAPACKAGES", help="instead of generating, score the build in DATAPACKAGES against OUT/answers.csv")
    args = parser.parse_args(argv)
    if args.score is not None:
        result = score(args.out / "answers.csv", args.score)
        for miss in result.misses:
            print(miss)
        print(f"{result.matched}/{result.total} figures match ({result.accuracy:.2%})")
        return 0
    if not args.count or args.count < 1:
        parser.error("--count N (N ≥ 1) is required to generate")
    formats = ("text", "pdf") if args.format == "both" else (args.format,)
    start = time.perf_counter()
    generate_corpus(args.count, args.out, formats, args.seed, args.text_cells == "spaces")
    print(f"{args.count} disclosures ({', '.join(formats)}) in {args.out} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

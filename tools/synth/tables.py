"""The tables and prose of a disclosure, as cells of text (the budget layout and the simplified final account)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .figures import Disclosure
from .reference import NUMERALS, REVENUE_LINES, classes, official


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
    fit: bool = False  # shrink the type until the table fits the page (off for the older layouts: their files stay as they were)
    portrait: bool = False  # on portrait pages (else landscape)
    repeat_header: bool = True  # the header printed again on each page the table runs over
    break_after: int | None = None  # at most this many rows on the first page (a table continued over pages)

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


@dataclass
class Printed:
    """What a disclosure prints: the cover title, the paragraphs of prose and the tables."""

    cover: str
    paragraphs: list[str]
    tables: list[Table]


def printed(d: Disclosure) -> Printed:
    """The budget (or simplified final account) as printed."""
    cover, paragraphs = narrative(d)
    return Printed(cover, paragraphs, tables(d))

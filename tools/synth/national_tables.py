"""The tables and prose of a national-layout final account (see ``national.py`` for the layout)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from .national import LINE_NUMBERS, PHASE_HEADINGS, PHASES, National
from .reference import REVENUE_LINES, classes, official
from .tables import THREE_PUBLIC_ORDER, Printed, Span, Table, chinese_number, fmt, rounded

FUNDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
THREE_PUBLIC_LABELS = {
    "outbound_travel": "因公出国（境）费",
    "vehicle_total": "公务用车购置及运行费",
    "vehicle_purchase": "其中：公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}


def number_label(d: National, n: int) -> str:
    if d.style.numbering == "none":
        return ""
    return f"表{n}" if d.style.numbering == "plain" else f"财决{n:02d}表"


def title(d: National, name: str) -> str:
    return f"{d.year}年度{name}" if d.layout.year_in_titles else name


def unit_line(d: National) -> tuple[str, str]:
    return f"编制单位：{d.unit}", "单位：元" if d.style.yuan else "单位：万元"


def side_by_side(left: Sequence[tuple[str, ...]], right: Sequence[tuple[str, ...]], numbers: bool = True) -> list[tuple[str, ...]]:
    """Two blocks of (label, amounts…) as one table, 行次 after each label: the left 1…n, the right n+1…2n (or no 行次)."""
    n = max(len(left), len(right))
    lefts = list(left) + [("",) * len(left[0])] * (n - len(left))
    rights = list(right) + [("",) * len(right[0])] * (n - len(right))
    assert 2 * n <= LINE_NUMBERS, "行次 beyond the numbers no amount may print as"
    if not numbers:
        return [(*a, *b) for a, b in zip(lefts, rights)]
    return [(a[0], str(i + 1), *a[1:], b[0], str(n + i + 1), *b[1:]) for i, (a, b) in enumerate(zip(lefts, rights))]


def stacked(sections: Sequence[tuple[str, Sequence[tuple[str, str]]]], numbers: bool) -> list[tuple[str, ...]]:
    """Blocks of (label, amount) one above the other under a row naming each, 行次 running on (blank lines dropped)."""
    out: list[tuple[str, ...]] = []
    n = 0
    for name, rows in sections:
        out.append((name, "", "") if numbers else (name, ""))
        for label, amount in rows:
            if label:
                n += 1
                out.append((label, str(n), amount) if numbers else (label, amount))
    assert n <= LINE_NUMBERS, "行次 beyond the numbers no amount may print as"
    return out


def zero(d: National, minor: int | None) -> str:
    """An amount that may be zero: 0.00 where the disclosure prints its zeros, blank where it does not."""
    return fmt(d, minor or 0, d.style.zero_printed)


def indented(name: str, code: str) -> str:
    """A 科目名称 indented by its level (类 flush, 款 two spaces, 项 four), as printed without codes."""
    return "\u3000" * {3: 0, 5: 2, 7: 4}[len(code)] + name


def column_numbers(label_cols: int, count: int, first: int = 1) -> list[Span]:
    """The 栏次 row: 栏次 over the label columns, then 1, 2, 3 … over the amounts."""
    return [Span("栏次", label_cols)] + [Span(str(first + i)) for i in range(count)]


def summary_table(d: National) -> Table:
    """财决01 收入支出决算总表: 项目 | 行次 | 金额 twice, every figure a 决算数."""
    t = d.totals
    v = d.variant
    left = [(f"{chinese_number(i)}、{label}", zero(d, d.revenue.get(label))) for i, (label, _) in enumerate(REVENUE_LINES["final_account"], 1)]
    right = [(f"{chinese_number(i)}、{name}", zero(d, d.class_spending.get(code))) for i, (code, name) in enumerate(classes(d.year), 1)]
    total = fmt(d, t["revenue_total"])
    closing_left = [
        ("本年收入合计", fmt(d, t["revenue_current_year"])),
        ("使用非财政拨款结余（含专用结余）", zero(d, 0)),
        ("年初结转和结余", zero(d, t.get("carryover_in"))),
        ("总计", total),
    ]
    closing_right = [
        ("本年支出合计", fmt(d, t["expenditure_current_year"])),
        ("结余分配", zero(d, 0)),
        ("年末结转和结余", zero(d, t.get("carryover_out"))),
        ("总计", total),
    ]
    amount = d.layout.amount_heading
    lc = "c" if v.line_numbers else ""
    if v.summary == "stacked":
        body = stacked([("收入", left + closing_left), ("支出", right + closing_right)], v.line_numbers)
        header = [[Span("项目"), *([Span("行次")] if lc else []), Span(amount)]]
        header += [[Span("栏次"), *([Span("")] if lc else []), Span("1")]] if v.column_numbers else []
        return table_of(d, 1, "收入支出决算总表", header, body, f"l{lc}r")
    left += [("", "")] * (len(right) - len(left))
    header = [
        [Span("收入", 2 + bool(lc)), Span("支出", 2 + bool(lc))],
        [Span("项目"), *([Span("行次")] if lc else []), Span(amount)] * 2,
    ]
    header += [[Span("栏次"), *([Span("")] if lc else []), Span("1"), Span("栏次"), *([Span("")] if lc else []), Span("2")]] if v.column_numbers else []
    return table_of(d, 1, "收入支出决算总表", header, side_by_side(left + closing_left, right + closing_right, v.line_numbers), f"l{lc}r" * 2)


def table_of(d: National, n: int, name: str, header: list[list[Span]], body: list[tuple[str, ...]], align: str, notes: list[str] | None = None) -> Table:
    """A 财决 table on the variant's pages."""
    return Table(number_label(d, n), title(d, name), *unit_line(d), header, body, align, notes or [], fit=True, portrait=d.variant.pages == "portrait")


def fiscal_table(d: National) -> Table:
    """财决04 财政拨款收入支出决算总表: 项目 | 行次 | 金额 on the left, 项目 | 行次 | 合计 and one column per fund on the right."""
    f = d.fiscal
    v = d.variant
    nil = zero(d, 0)
    left = [(f"{chinese_number(i)}、{fund}", fmt(d, f["revenue"]) if i == 1 else nil) for i, fund in enumerate(FUNDS, 1)]
    right = []
    for i, (code, name) in enumerate(classes(d.year), 1):
        spent = zero(d, (d.function.get(code) or [None])[0])
        right.append((f"{chinese_number(i)}、{name}", spent, spent, nil, nil))
    left += [("", "")] * (len(right) - len(left))
    spending, carry_out = fmt(d, f["spending"]), zero(d, f["carryover_out"])
    total = fmt(d, f["revenue"] + f["carryover_in"])
    left += [("本年收入合计", fmt(d, f["revenue"])), ("年初财政拨款结转和结余", zero(d, f["carryover_in"]))]
    left += [(fund, zero(d, f["carryover_in"]) if i == 0 else nil) for i, fund in enumerate(FUNDS)] + [("总计", total)]
    right += [("本年支出合计", spending, spending, nil, nil), ("年末财政拨款结转和结余", carry_out, carry_out, nil, nil)]
    right += [("", "", "", "", "")] * 3 + [("总计", total, total, nil, nil)]
    lc = [Span("行次")] if v.line_numbers else []
    blank = [Span("")] if v.line_numbers else []
    header = [
        [Span("收入", 2 + len(lc)), Span("支出", 5 + len(lc))],
        [Span("项目"), *lc, Span(d.layout.amount_heading), Span("项目"), *lc, Span("合计"), *(Span(fund) for fund in FUNDS)],
    ]
    header += [[Span("栏次"), *blank, Span("1"), Span("栏次"), *blank, *(Span(str(i)) for i in range(2, 6))]] if v.column_numbers else []
    c = "c" if v.line_numbers else ""
    return table_of(d, 4, "财政拨款收入支出决算总表", header, side_by_side(left, right, v.line_numbers), f"l{c}rl{c}rrrr")


def function_table(d: National) -> Table:
    """财决05 一般公共预算财政拨款支出决算表: 年初预算数 | 全年预算数 | 决算数 (小计 | 基本支出 | 项目支出)."""
    split = d.layout.function_split

    def amounts(code: str | None) -> tuple[str, ...]:
        def phase_rows(phase: str) -> list[list[int | None]]:
            rows = d.function_in(phase)
            return [rows[code]] if code else [v for c, v in rows.items() if len(c) == 3]

        def column(phase: str, i: int) -> str:
            return zero(d, sum(r[i] or 0 for r in phase_rows(phase)))

        values = [column("approved", 0), column("adjusted", 0), column("executed", 0)]
        return tuple(values + ([column("executed", 1), column("executed", 2)] if split else []))

    codes = d.style.split_codes
    named = d.variant.codes == "none"
    rows: list[tuple[str, ...]] = []
    for code in d.function:
        name = official("function", code, d.year) or ""
        if named:
            rows.append((indented(name, code), *amounts(code)))
            continue
        cells = (code[:3], code[3:5], code[5:7]) if codes else (code,)
        rows.append((*cells, name, *amounts(code)))
    total = ("",) * (0 if named else 3 if codes else 1) + ("合计", *amounts(None))
    body = rows + [total] if d.style.total_last else [total] + rows
    label_cols = 1 if named else 4 if codes else 2
    phases = [Span(PHASE_HEADINGS[p], rows=3 if codes else 2) for p in PHASES]
    if split:
        phases[-1] = Span("决算数", 3)
    kinds = [Span("小计", rows=2 if codes else 1), Span("基本支出", rows=2 if codes else 1), Span("项目支出", rows=2 if codes else 1)] if split else []
    if codes:
        header = [
            [Span("项目", label_cols), *phases],
            [Span("支出功能分类科目编码", 3), Span("科目名称", rows=2), *kinds],
            [Span("类"), Span("款"), Span("项")],
        ]
    elif named:
        header = (
            [[Span("项目", label_cols), *phases], [Span("科目名称"), *kinds]] if split else [[Span("科目名称"), *(Span(PHASE_HEADINGS[p]) for p in PHASES)]]
        )
    else:
        header = [[Span("项目", label_cols), *phases], [Span("科目编码"), Span("科目名称"), *kinds]]
    if d.variant.column_numbers:
        header.append(column_numbers(label_cols, 5 if split else 3))
    align = ("l" if named else "cccl" if codes else "cl") + "r" * (5 if split else 3)
    table = table_of(d, 5, "一般公共预算财政拨款支出决算表", header, body, align)
    table.repeat_header = d.variant.continued != "bare"
    table.break_after = max(1, len(body) // 2) if d.variant.continued != "no" else None
    return table


def economic_table(d: National) -> Table:
    """财决06 一般公共预算财政拨款基本支出决算表: 人员经费 (301, 303) left, 公用经费 (302, 310) right, 决算数 each."""
    codes = d.style.split_codes
    named = d.variant.codes == "none"
    ncodes = 0 if named else 2 if codes else 1

    def block(classes_: tuple[str, ...]) -> list[tuple[str, ...]]:
        out = []
        for code, (total, _, _) in d.economic.items():
            if code[:3] in classes_:
                name = official("economic", code, d.year) or ""
                cells = () if named else (code[:3], code[3:5]) if codes else (code,)
                out.append((*cells, indented(name, code) if named else name, fmt(d, total)))
        return out

    left, right = block(("301", "303")), block(("302", "310"))
    blank = ("",) * (ncodes + 2)
    n = max(len(left), len(right))
    left, right = left + [blank] * (n - len(left)), right + [blank] * (n - len(right))
    pad = ("",) * ncodes
    left.append((*pad, "人员经费合计", fmt(d, d.totals["personnel_expenditure"])))
    right.append((*pad, "公用经费合计", fmt(d, d.totals["public_expenditure"])))
    body = [a + b for a, b in zip(left, right)]
    width = ncodes + 2
    header: list[list[Span]] = [[Span("人员经费", width), Span("公用经费", width)]] if d.layout.block_headings else []
    if codes and not named:
        header += [[Span("经济分类科目编码", 2), Span("科目名称", rows=2), Span("决算数", rows=2)] * 2, [Span("类"), Span("款")] * 2]
    else:
        header += [[*([] if named else [Span("科目编码")]), Span("科目名称"), Span("决算数")] * 2]
    align = ("lr" if named else "cclr" if codes else "clr") * 2
    return table_of(d, 6, "一般公共预算财政拨款基本支出决算表", header, body, align)


def three_public_table(d: National) -> Table:
    """财决07 “三公” table: 年初预算数, 全年预算数 and 决算数 of every item, as rows with 行次 or as one wide row."""
    zero = d.style.zero_printed
    labels = {"total": d.style.three_public_label, **THREE_PUBLIC_LABELS}
    v = d.variant
    if d.layout.three_public_rows:
        lc = [Span("行次")] if v.line_numbers else []
        header = [[Span("项目"), *lc, *(Span(PHASE_HEADINGS[p]) for p in PHASES)]]
        header += [[Span("栏次"), *([Span("")] if lc else []), Span("1"), Span("2"), Span("3")]] if v.column_numbers else []
        body = [
            (labels[item], *([str(i)] if lc else []), *(fmt(d, d.three_public_in(p)[item], zero) for p in PHASES))
            for i, item in enumerate(THREE_PUBLIC_ORDER, 1)
        ]
        align = "lcrrr" if lc else "lrrr"
    else:
        # as Shanghai prints it: the items on top, each with its phases beneath
        header = [
            [Span(labels["total"], 3, 2), Span(labels["outbound_travel"], 3, 2), Span(labels["vehicle_total"], 9), Span(labels["reception"], 3, 2)],
            [Span("小计", 3), Span("公务用车购置费", 3), Span("公务用车运行费", 3)],
            [Span(PHASE_HEADINGS[p]) for _ in THREE_PUBLIC_ORDER for p in PHASES],
        ]
        body = [tuple(fmt(d, d.three_public_in(p)[item], zero) for item in THREE_PUBLIC_ORDER for p in PHASES)]
        align = "r" * 18
    notes = ["注：“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。"]
    table = table_of(d, 7, "一般公共预算财政拨款“三公”经费支出决算表", header, body, align, notes)
    table.portrait = table.portrait and d.layout.three_public_rows  # the one wide row goes on a landscape page
    return table


def narrative(d: National) -> tuple[str, list[str]]:
    """The cover title and the paragraphs of prose (决算数, and the budgets they are set against)."""
    t = d.totals

    def r(minor: int) -> Decimal:
        return rounded(d, minor)

    spent, basic, project = t["expenditure_current_year"], t["basic_expenditure"], t["project_expenditure"]
    share = (Decimal(basic) * 100 / spent).quantize(Decimal("0.01"), ROUND_HALF_UP)
    general = {p: sum(v[0] or 0 for c, v in d.function_in(p).items() if len(c) == 3) for p in PHASES}
    done = (Decimal(general["executed"]) * 100 / general["adjusted"]).quantize(Decimal("0.01"), ROUND_HALF_UP)
    tp = {p: d.three_public_in(p) for p in PHASES}
    ex = tp["executed"]
    headline = (
        f"{d.year}年度收入总计{r(t['revenue_total'])}万元，支出总计{r(t['expenditure_total'])}万元。本年收入合计{r(t['revenue_current_year'])}万元；"
        f"本年支出合计{r(spent)}万元，其中：基本支出{r(basic)}万元，占{share}%；项目支出{r(project)}万元，占{Decimal(100) - share}%。"
    )
    budget = (
        f"一般公共预算财政拨款支出年初预算为{r(general['approved'])}万元，全年预算为{r(general['adjusted'])}万元，"
        f"支出决算为{r(general['executed'])}万元，完成全年预算的{done}%。"
    )
    three_public = (
        f"{d.year}年度“三公”经费财政拨款支出年初预算为{r(tp['approved']['total'])}万元，全年预算为{r(tp['adjusted']['total'])}万元，"
        f"支出决算为{r(ex['total'])}万元，其中：因公出国（境）费{r(ex['outbound_travel'])}万元；公务用车购置及运行维护费{r(ex['vehicle_total'])}万元"
        f"（其中：公务用车购置费{r(ex['vehicle_purchase'])}万元，公务用车运行维护费{r(ex['vehicle_operation'])}万元）；公务接待费{r(ex['reception'])}万元。"
    )
    return f"{d.unit}{d.year}年度部门决算", [headline, budget, three_public]


def printed_national(d: National) -> Printed:
    cover, paragraphs = narrative(d)
    return Printed(cover, paragraphs, [summary_table(d), fiscal_table(d), function_table(d), economic_table(d), three_public_table(d)])

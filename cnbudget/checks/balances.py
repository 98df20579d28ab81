"""A balance the prose states in one sentence: the lines of both sides of a 收支总表, its totals only implied or one printed.

“2023年度上年结转和结余资金为98.45万元,本年收入1095.76万元,支出1193.35万元,用事业基金弥补收支差额0万元,结余分配0万元,
年末结转和结余资金为5862.89万元”: a final account's two sides are equal (上年结转和结余 + 本年收入 + 用事业基金弥补收支差额
= 支出 + 结余分配 + 年末结转和结余), 1194.21 against 7056.24. “2018年度一般公共预算收入总计1085.31万元,本年支出1070.67万元,
年末结转和结余30.65万元”: one fund's 收入总计 is its 本年支出 plus its 年末结转和结余, 1101.32. No line is below zero, so
the lines a sentence prints of one side are at most that side's total: a side's lines above the other side's total (or
sum, every line of it printed) cannot be. ``identities`` compares printed 总计 and the 收支总表's lines; this family takes
only a sentence that prints a carry-over (a balance, not a headline) and not both 总计.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.base import Check, Checker, at, side
from cnbudget.checks.rounding import ROUNDING, whole_wan_rounding
from cnbudget.model import Statement
from cnbudget.strings import compact

# a fund's name before a line's (一般公共预算财政拨款年末结转和结余: the fund's 年末结转和结余)
_FUND = re.compile(r"^(?P<fund>一般公共预算|政府性基金预算?|国有资本经营预算)?(?:财政)?(?:拨款)?")
_YEAR = re.compile(r"^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?:20\d{2}年度?)?")
LINE_FILLER = re.compile(r"(?:资金)?(?:为|是|共计|共)?$")
"""The words after a line's name and before its figure (年末结转和结余资金为): no part of the line's kind."""
# each line a sentence may name, by the kind the words name once the fund, the year and 资金为 are taken off
_LINES = {
    "revenue_total": re.compile(r"收入总计"),
    "carryover_in": re.compile(r"(?:上年|年初)结转和?(?:结余)?"),
    "revenue_current": re.compile(r"本年收入(?:合计)?"),
    "fund_makeup": re.compile(r"用事业基金弥补收支差额|使用非财政拨款结余"),
    "expenditure_total": re.compile(r"支出总计"),
    "expenditure_current": re.compile(r"本年支出(?:合计)?"),
    "surplus_distribution": re.compile(r"结余分配"),
    "carryover_out": re.compile(r"年末结转和?(?:结余)?"),
}
# the lines of each side beside its total; a unit's side has a third line a fund's has not
_SIDES = {
    "revenue": ("revenue_total", ("carryover_in", "revenue_current", "fund_makeup")),
    "expenditure": ("expenditure_total", ("expenditure_current", "surplus_distribution", "carryover_out")),
}
_ZH = {
    "revenue_total": "收入总计",
    "carryover_in": "年初（上年）结转和结余",
    "revenue_current": "本年收入",
    "fund_makeup": "用事业基金弥补收支差额",
    "expenditure_total": "支出总计",
    "expenditure_current": "本年支出",
    "surplus_distribution": "结余分配",
    "carryover_out": "年末结转和结余",
}


def _line(label: str, bare_spending: bool) -> tuple[str | None, str] | None:
    """(the fund the words name, or None; the line) a figure's words name, or None where they name no line of a balance.

    A bare 收入 or 支出 is the year's own only where a fund names it (一般公共预算财政拨款支出) or the sentence says
    本年收入 beside it (``bare_spending``); alone it may be meant as the 总计.
    """
    words = LINE_FILLER.sub("", _YEAR.sub("", label.strip()))
    fund_match = _FUND.match(words)
    fund = fund_match.group("fund") if fund_match else None
    kind = words[fund_match.end() :] if fund_match and fund else words
    for line, pattern in _LINES.items():
        if pattern.fullmatch(kind):
            return fund, line
    if kind == "收入" and fund:
        return fund, "revenue_current"
    if kind == "支出" and (fund or bare_spending):
        return fund, "expenditure_current"
    return None


def _sentences(statements: list[Statement]) -> list[list[Statement]]:
    """The statements grouped by the sentence that states them, in order."""
    groups: dict[tuple[str, str], list[Statement]] = {}
    for st in statements:
        groups.setdefault((st.file, st.text), []).append(st)
    return list(groups.values())


def check_prose_balance(c: Checker) -> None:
    """A sentence's lines of a balance: one side's printed lines never above the other side's total or full sum.

    Judged only where the sentence prints a carry-over (年初 or 年末结转和结余), names each line once, in one unit, of
    one fund or none, before any 其中, and does not print both 总计 (``identities`` compares those). A side is known
    where its 总计 is printed or all its lines are (a fund's two, a unit's three). Subject: ``balance@<first figure>``.
    """
    for group in _sentences(c.d.evidence.all_statements):
        text = group[0].text
        spending_bare = "本年收入" in text
        lines: dict[str, Statement] = {}
        funds: set[str] = set()
        for st in group:
            if "其中" in st.sentence[: len(st.sentence) - len(st.label)] or "其中" in st.label:
                break  # the lines after 其中 are parts of one line, not lines of the balance
            named = _line(st.label, spending_bare)
            if named is None:
                continue
            fund, line = named
            if line in lines:
                lines = {}
                break  # a line named twice: which figure is the balance's the sentence does not say
            lines[line] = st
            funds |= {fund} if fund else set()
        if len(funds) > 1 or not ({"carryover_in", "carryover_out"} & set(lines)) or {"revenue_total", "expenditure_total"} <= set(lines):
            continue
        if len({st.unit for st in lines.values()}) > 1:
            continue  # 万元 beside 元: one unit may be a slip (``units`` judges the figure), and the sum says nothing sure
        _judge(c, lines, bool(funds))


def _side(lines: dict[str, Statement], name: str, fund: bool) -> tuple[Decimal, bool, list[Statement]]:
    """A side's figure: its 总计, or the sum of the lines printed; whether that is the side's whole; the statements it is of."""
    total, parts = _SIDES[name]
    if total in lines:
        return lines[total].amount, True, [lines[total]]
    needed = parts[:2] if fund and name == "revenue" else (parts[0], parts[2]) if fund else parts
    printed = [lines[p] for p in parts if p in lines]
    return sum((st.amount for st in printed), Decimal(0)), all(p in lines for p in needed), printed


def _judge(c: Checker, lines: dict[str, Statement], fund: bool) -> None:
    """Record whether the two sides a sentence prints can balance."""
    (rev, rev_whole, rev_of), (exp, exp_whole, exp_of) = _side(lines, "revenue", fund), _side(lines, "expenditure", fund)
    if not rev_of or not exp_of or (len(rev_of) + len(exp_of) < 3):
        return
    figures = [st.amount for st in (*rev_of, *exp_of)]
    if whole_wan_rounding(rev, [exp]) and all(f == f.to_integral_value() for f in figures):
        return  # whole 万元, each rounded: a gap within their rounding says nothing
    ok = not ((rev_whole and exp > rev) or (exp_whole and rev > exp) or (rev_whole and exp_whole and rev != exp))
    first = min((*rev_of, *exp_of), key=lambda st: st.position)
    page = first.page
    quote = compact(first.text).rstrip("。")
    quote = quote if len(quote) <= 160 else f"{quote[:160]}…"
    said = {name: "＋".join(f"{_ZH[k]} {format_amount(st.amount)}" for k, st in lines.items() if st in of) for name, of in (("revenue", rev_of), ("expenditure", exp_of))}
    detail = None
    if not ok:
        how = "两方应相等" if rev_whole and exp_whole else "一方所列各项不能大于另一方的总数"
        detail = (
            f"文字说明“{quote}”{at(page)}：收入一方为{said['revenue']}，合计 {format_amount(rev)} 万元"
            f"{'' if rev_whole else '（未列全，至少此数）'}；支出一方为{said['expenditure']}，合计 {format_amount(exp)} 万元"
            f"{'' if exp_whole else '（未列全，至少此数）'}；收入总计等于支出总计，{how}，相差 {format_amount(abs(rev - exp))} 万元，两者不符。"
        )
    c.result(
        "prose-balance-holds",
        f"balance@{format_amount(first.amount)}",
        ok,
        side(f"文字说明“{quote}”所写的收入一方", rev, page),
        side(f"文字说明“{quote}”所写的支出一方", exp, page),
        f"“{quote}”: the two sides of the balance the sentence prints",
        severity=None if ok else "rounding" if abs(rev - exp) <= ROUNDING * len(figures) else "mismatch",
        detail=detail,
    )


CHECKS: tuple[Check, ...] = (check_prose_balance,)

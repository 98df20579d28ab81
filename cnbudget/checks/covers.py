"""A 支出总计 below the 本年收入合计 it must cover, where the document prints no 收入总计 to set against it.

Budgets and final accounts alike balance: the 支出总计 equals the 收入总计, which is the 本年收入合计 plus the
year's carry-over (上年结转, 年初结转和结余) and, in a final account, 用事业基金弥补收支差额, none of them below
zero. So the 支出总计 is never below the 本年收入合计. Where the 收入总计 is printed, ``identities`` compares the
two 总计 and the lines of each; this family judges only disclosures that print no 收入总计, which no other check
can hold to the balance (“2016年学院收入合计14821.87万元……2016年支出总计14584.93万元”).
"""

from __future__ import annotations

import re

from cnbudget.amounts import format_amount
from cnbudget.checks.amounts import same_at_printed_precision
from cnbudget.checks.base import Check, Checker, Row, at, in_phase, phase_en, phased, phases_in, side, stated, table_totals, titled
from cnbudget.strings import compact

_TOTAL, _REVENUE = "expenditure_total", "revenue_current_year"


def _words(c: Checker, row: Row, metric: str) -> tuple[str, int | None]:
    """The clause that prints a figure (the prose's words, or the table's name and line), and its page."""
    if row.get("source_table") != "narrative":
        return f"{titled(row.get('source_table'))}的“{'支出总计' if metric == _TOTAL else '本年收入合计'}”", row.get("page")
    for st in stated(c.d, "totals"):
        if st["subject"] == metric and st["amount"] == row["amount"]:
            text = compact(str(st.get("text") or ""))
            amount = format_amount(row["amount"])
            clause = next((p for p in re.split(r"[，,；;。]", text) if amount in p.replace(",", "")), text[:40])
            return f"文字说明“{clause}”", st.get("page")
    return "文字说明", row.get("page")


def check_expenditure_covers_revenue(c: Checker) -> None:
    """The 支出总计 against the 本年收入合计 of the same origin, table and phase, where no 收入总计 of the phase is printed.

    Fails when the 支出总计 is below the 本年收入合计 by more than the rounding of either figure at the places
    the other prints (18976.7551 against 18976.76 holds). A figure the build doubts makes it not applicable.
    Subject: ``narrative`` or ``table`` (with ``/<phase>`` for a phase other than the disclosure's own).
    """
    rows = c.d.rows.get("totals", [])
    for phase in phases_in(rows, c.d):
        if any(r["metric"] == "revenue_total" and in_phase(r, phase, c.d) for r in rows):
            continue  # the 收入总计 is printed: identities compares the two 总计
        for origin in ("table", "narrative"):
            firsts = table_totals(c.d, origin, phase)
            total, revenue = firsts.get(_TOTAL), firsts.get(_REVENUE)
            if total is None or revenue is None or total.get("source_table") != revenue.get("source_table"):
                continue  # figures of two tables may be of two scopes (a 财政拨款收支总表 covers one fund)
            (spent, spent_page), (came, came_page) = _words(c, total, _TOTAL), _words(c, revenue, _REVENUE)
            gap = revenue["amount"] - total["amount"]
            ok = gap <= 0 or same_at_printed_precision(total["amount"], revenue["amount"]) or same_at_printed_precision(revenue["amount"], total["amount"])
            doubt = c.doubt("totals", *(f"{m}/{phase}/amount" for m in (_TOTAL, _REVENUE)))
            c.result(
                "expenditure-total-covers-revenue",
                phased(origin, phase, c.d),
                ok,
                side(f"{spent}所写的支出总计", total["amount"], spent_page),
                side(f"{came}所写的本年收入合计", revenue["amount"], came_page),
                f"支出总计 against 本年收入合计 ({origin}{phase_en(phase, c.d)}): no 收入总计 is printed, and the 支出总计 equals it, so it is at least the 本年收入合计",
                reason=doubt,
                severity="mismatch",
                detail=None
                if ok or doubt
                else f"{spent}{at(spent_page)}所写的支出总计为 {format_amount(total['amount'])} 万元，小于{came}{at(came_page)}所写的本年收入合计 "
                f"{format_amount(revenue['amount'])} 万元，相差 {format_amount(gap)} 万元；支出总计等于收入总计，即本年收入合计加上年结转（决算还加用事业基金弥补收支差额），"
                f"不能小于本年收入合计：两者不符。",
            )


CHECKS: tuple[Check, ...] = (check_expenditure_covers_revenue,)

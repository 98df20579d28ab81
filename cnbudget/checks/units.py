"""Amount units: every table declares one, and the prose does not print 万元 figures as 元."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.base import Check, Checker, Row, at, side, titled


def check_units(c: Checker) -> None:
    """Each table's declared unit (or the one assumed for it), and 元 figures that are the tables' 万元 ones.

    Subject: the table's title (with its page where one title is printed twice); for a mislabel,
    the figure as printed (``133.05元``).
    """
    notes = c.d.evidence.unit_notes
    titles = Counter(b.title for b in c.d.evidence.blocks)
    for block in c.d.evidence.blocks:
        subject = block.title if titles[block.title] == 1 or block.page is None else f"{block.title}@{block.page}"
        assumed = next((n for n in notes if n.table == block.title), None)
        if assumed and block.empty:
            continue  # a title with no figure under it (a 目录 line, an empty table) has no amounts to declare a unit for
        table = side(f"《{block.title}》所注的金额单位", None, block.page)
        if assumed:
            c.result(
                "amount-unit-declared",
                subject,
                False,
                side("金额单位", None),
                table,
                f"{block.title} declares no amount unit",
                detail=f"《{block.title}》{at(table.pages)}没有注明金额单位，按文件其他表格的单位读作{assumed.assumed}。",
            )
        elif block.unit:
            c.result(
                "amount-unit-declared",
                subject,
                True,
                side("金额单位", block.unit),
                side(table.name, block.unit, block.page),
                f"{block.title} declares its amounts in {block.unit}",
                detail=f"《{block.title}》{at(table.pages)}注明金额单位为{block.unit}。",
            )
    known: dict[Decimal, Row] = {}
    for res, col in (("totals", "amount"), ("revenue_by_source", "amount"), ("expenditure_by_function", "total")):
        for r in c.d.rows.get(res, []):
            if r.get(col) is not None and r.get("origin") == "table":
                known.setdefault(r[col], r)
    for st in c.d.evidence.all_statements:
        if st.unit == "元" and not _indicator_value(st.label):
            as_wan = st.amount.scaleb(4)
            if as_wan in known and as_wan >= 1:
                row = known[as_wan]
                c.result(
                    "unit-mislabel",
                    f"{format_amount(as_wan)}元",
                    False,
                    side(f"{titled(row.get('source_table'))}所印的同一数字", f"{format_amount(as_wan)} 万元", row.get("page")),
                    # the sentence's own page too: a reader checks both sides, and the prose is pages away from the table
                    side(f"文字说明“{st.label[-30:]}{format_amount(as_wan)}元”", f"{format_amount(as_wan)} 元", st.page),
                    f"“{st.label[-30:]}{format_amount(as_wan)}元”: the figure is printed in 元 where the tables give the same number in 万元",
                    detail=f"文字说明“{st.label[-30:]}{format_amount(as_wan)}元”{at(st.page)}以元为单位，而{titled(row.get('source_table'))}{at(row.get('page'))}以万元印出同一数字 {format_amount(as_wan)}：单位疑似写错。",
                )


def _indicator_value(label: str) -> bool:
    """Whether the figure is a performance indicator's target (“经济成本指标 ＝ 4500 元/人”), not an amount of the budget.

    An indicator prints its comparison sign (＝ ≥ ≤ …) right before the value; a budget amount never does.
    """
    return re.search(r"[＝=≥≤＞＜><]\s*$", label) is not None


CHECKS: tuple[Check, ...] = (check_units,)

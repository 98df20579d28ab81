"""Last year's column, where a table prints it beside this year's: it adds up by level too.

A 一般公共预算支出表 may print the previous year's figure of each row (“2022年预算数”) before this
year's. Each class and section of that column is the sum of the rows below it, as in this year's
columns (``levels``). A blank cell is zero: a row new this year has no figure last year. Where the
items fall short of their parent and one of them is blank, the blank may be a cell not read: the
check is not applicable then.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.base import Check, Checker, in_phase, phase_of, side, titled
from cnbudget.checks.levels import FUNCTION, children, doubt_key

COLUMN = "previous_year"


def check_previous_year_levels(c: Checker) -> None:
    """Each parent's 上年数 against the sum of its children's. Subject: the code and ``previous_year`` (``20131/previous_year``)."""
    rows = [r for r in c.d.rows.get("expenditure_by_function", []) if r.get("origin") == "table" and r.get("function_code") and in_phase(r, phase_of(c.d), c.d)]
    if not any(r.get(COLUMN) is not None for r in rows):
        return
    for parent in rows:
        code = parent["function_code"]
        if len(code) not in FUNCTION.lengths[:-1] or parent.get(COLUMN) is None:
            continue
        kids = children(rows, parent, FUNCTION)
        if not kids:
            continue
        values = [k.get(COLUMN) for k in kids]
        parts = sum((v for v in values if v is not None), Decimal(0))
        doubt = c.doubt(FUNCTION.resource, *(doubt_key(r, FUNCTION, COLUMN, phase_of(c.d)) for r in (parent, *kids)))
        if doubt is None and parts < parent[COLUMN] and any(v is None for v in values):
            doubt = "其下有科目的上年数为空白，可能是未能读出的数字"
        table = titled(parent.get("source_table"))
        c.result(
            "function-previous-year-adds-up",
            f"{code}/{COLUMN}",
            parts == parent[COLUMN],
            side(f"{table}中 {code}“{parent['function_name']}”的上年数", parent[COLUMN], parent.get("page")),
            side(f"其下 {len(kids)} 个下级科目的上年数之和", parts, (k.get("page") for k in kids)),
            f"{parent.get('source_table')}: the previous year's column of {code} {parent['function_name']} against the sum of its {len(kids)} lower-level rows",
            terms=len(kids),
            reason=doubt,
        )


CHECKS: tuple[Check, ...] = (check_previous_year_levels,)

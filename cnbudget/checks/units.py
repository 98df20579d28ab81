"""Amount units: every table declares one, and the prose does not print 万元 figures as 元."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.base import Check, Checker


def check_units(c: Checker) -> None:
    """Each table's declared unit (or the one assumed for it), and 元 figures that are the tables' 万元 ones."""
    notes = c.d.evidence.unit_notes
    for block in c.d.evidence.blocks:
        assumed = next((n for n in notes if n.table == block.title), None)
        if assumed:
            c.result("amount-unit-declared", False, "a declared unit", f"none; read as {assumed.assumed} like the document's other tables", f"{block.title} declares no amount unit", page=block.page)
        elif block.unit:
            c.result("amount-unit-declared", True, block.unit, block.unit, f"{block.title} declares its amounts in {block.unit}", page=block.page)
    known: set[Decimal] = set()
    for res, col in (("totals", "amount"), ("revenue_by_source", "amount"), ("expenditure_by_function", "total")):
        known |= {r[col] for r in c.d.rows.get(res, []) if r.get(col) is not None and r.get("origin") == "table"}
    for st in c.d.evidence.all_statements:
        if st.unit == "元":
            as_wan = st.amount.scaleb(4)
            if as_wan in known and as_wan >= 1:
                c.result("unit-mislabel", False, f"{format_amount(as_wan)} 万元", f"{format_amount(as_wan)} 元", f"“{st.label[-30:]}{format_amount(as_wan)}元”: the figure is printed in 元 where the tables give the same number in 万元")


CHECKS: tuple[Check, ...] = (check_units,)

"""The 政府采购预算表 against itself: its 货物 + 工程 + 服务 rows against its 合计.

The table's categories are its parts: printed in the column its total is read from, they add up to
it. (The prose's “其中：货物…、工程…、服务…” is ``prose_sums``'s.) A category the table leaves out is
zero, but a row the build may not have read is not: where the categories read fall short of the
total and one of the three is missing, the check is not applicable. Categories above the total, or
all three printed and not adding up, fail.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.base import Check, Checker, side, titled
from cnbudget.checks.rounding import ROUNDING

PARTS = ("货物", "工程", "服务")


def check_procurement_table_parts(c: Checker) -> None:
    """Each 政府采购预算表's total against its category rows. Subject: the table's title and phase."""
    totals = [r for r in c.d.evidence.table_totals if r.get("metric") == "government_procurement" and r.get("amount") is not None]
    for total in totals:
        table, phase = total.get("source_table"), total.get("phase")
        parts = [p for p in c.d.evidence.procurement_parts if p.get("source_table") == table and p.get("phase") == phase]
        if len(parts) < 2 and not (parts and parts[0]["amount"] == total["amount"]):
            continue  # one category and not the total, or none: nothing the table adds up
        amounts = [p["amount"] for p in parts if p["amount"] is not None]
        summed = sum(amounts, Decimal(0))
        named = "、".join(p["part"] for p in parts)
        reason = c.doubt("totals", f"government_procurement/{phase}/amount")
        if reason is None and summed < total["amount"] - ROUNDING * len(parts) and (len(parts) < len(PARTS) or len(amounts) < len(parts)):
            missing = "、".join(k for k in PARTS if k not in {p["part"] for p in parts} or any(p["part"] == k and p["amount"] is None for p in parts))
            reason = f"表中没有读出“{missing}”一行的金额，所读各类之和可能不全"
        c.result(
            "procurement-table-parts-add-up",
            f"{table}/{phase}",
            summed == total["amount"],
            side(f"{titled(table)}的政府采购合计", total["amount"], total.get("page")),
            side(f"表中{named}各类之和", summed, (p.get("page") for p in parts)),
            f"{table}: government procurement's total against its categories ({', '.join(p['part'] for p in parts)})",
            terms=len(parts),
            reason=reason,
        )


CHECKS: tuple[Check, ...] = (check_procurement_table_parts,)

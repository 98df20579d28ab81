"""The “三公” 经费 add up, for each year, phase and origin (table or prose) they are printed in."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from cnbudget.checks.base import Check, Checker, phase_of, stated


def check_three_public(c: Checker) -> None:
    """The “三公” total against its three parts, and 公务用车 against 购置 + 运行."""
    own = phase_of(c.d)
    groups: dict[tuple[str, int, str], dict[str, Decimal]] = defaultdict(dict)
    for row in c.d.rows.get("three_public", []):
        if row.get("amount") is not None and row.get("origin", "table") == "table":
            groups[("table", row["fiscal_year"], row.get("phase") or own)].setdefault(row["item"], row["amount"])
    for row in stated(c.d, "three_public"):  # the prose's figures
        groups[("narrative", row["fiscal_year"], row.get("phase") or own)].setdefault(row["subject"], row["amount"])
    for (origin, year, phase), items in sorted(groups.items()):
        where = ("table" if origin == "table" else "prose") + ("" if phase == own else f" ({phase})")
        if "total" in items:
            parts = [items.get("outbound_travel"), items.get("vehicle_total"), items.get("reception")]
            if items.get("vehicle_total") is None and ("vehicle_purchase" in items or "vehicle_operation" in items):
                parts = [items.get("outbound_travel"), items.get("vehicle_purchase"), items.get("vehicle_operation"), items.get("reception")]
            c.compare("three-public-parts-add-up", items["total"], parts, f"“三公” total {year} against 因公出国（境） + 公务用车 + 公务接待 in the {where}")
        if "vehicle_total" in items:
            c.compare("three-public-vehicle-adds-up", items["vehicle_total"], [items.get("vehicle_purchase"), items.get("vehicle_operation")], f"公务用车购置及运行费 {year} against 购置 + 运行 in the {where}")


CHECKS: tuple[Check, ...] = (check_three_public,)

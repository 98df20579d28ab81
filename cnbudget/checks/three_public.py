"""The “三公” 经费 add up, for each year and origin (table or prose) they are printed in."""

from __future__ import annotations

from collections import defaultdict

from cnbudget.checks.base import Check, Checker, Row, quoted, side
from cnbudget.schema.names import ITEM_NAMES


def add_up(c: Checker, check_id: str, year: int, origin: str, items: dict[str, Row], total: str, parts: list[str]) -> None:
    """One “三公” figure against the sum of its parts; a part the build doubts (a table figure it could not place) makes it not applicable."""
    where, zh = ("table", "表格") if origin == "table" else ("prose", "文字说明")
    missing = [p for p in parts if p not in items]
    row = items[total]
    named = {"total": "因公出国（境） + 公务用车 + 公务接待", "vehicle_total": "购置 + 运行"}[total]
    c.compare(
        check_id,
        f"{year}/{origin}",
        side(f"{zh}中{year}年的{quoted(ITEM_NAMES[total])}", row["amount"], row.get("page")),
        [items[p]["amount"] for p in parts if p in items],
        " + ".join(quoted(ITEM_NAMES[p]) for p in parts),
        f"{ITEM_NAMES[total] if total != 'total' else '“三公” total'} {year} against {named} in the {where}",
        parts_pages=[items[p].get("page") for p in parts if p in items],
        doubt=c.doubt("three_public", *(f"{year}/{p}/amount" for p in missing)) if origin == "table" else None,
    )


def check_three_public(c: Checker) -> None:
    """The “三公” total against its three parts, and 公务用车 against 购置 + 运行 (subject: the year and origin, ``2024/table``)."""
    groups: dict[tuple[str, int], dict[str, Row]] = defaultdict(dict)
    for row in c.d.rows.get("three_public", []):
        if row.get("amount") is not None:
            groups[(row["origin"], row["fiscal_year"])].setdefault(row["item"], row)
    for (origin, year), items in sorted(groups.items()):
        if "total" in items:
            parts = ["outbound_travel", "vehicle_total", "reception"]
            if "vehicle_total" not in items and ("vehicle_purchase" in items or "vehicle_operation" in items):
                parts = ["outbound_travel", "vehicle_purchase", "vehicle_operation", "reception"]
            add_up(c, "three-public-parts-add-up", year, origin, items, "total", parts)
        if "vehicle_total" in items:
            add_up(c, "three-public-vehicle-adds-up", year, origin, items, "vehicle_total", ["vehicle_purchase", "vehicle_operation"])


CHECKS: tuple[Check, ...] = (check_three_public,)

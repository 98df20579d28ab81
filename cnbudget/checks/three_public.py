"""The “三公” 经费 add up, for each year, phase and origin (table or prose) they are printed in."""

from __future__ import annotations

from collections import defaultdict

from cnbudget.checks.base import Check, Checker, Row, phase_en, phase_of, phase_zh, phased, quoted, side, stated
from cnbudget.schema.names import ITEM_NAMES


def add_up(
    c: Checker, check_id: str, year: int, origin: str, phase: str, items: dict[str, Row], total: str, parts: list[str],
    prose: dict[str, Row] | None = None, table: dict[str, Row] | None = None,
) -> None:
    """One “三公” figure against the sum of its parts; a part the build doubts (a table figure it could not place) makes it not applicable.

    So does a part the table gives no figure for while the prose states one above 0 for the same year and
    phase (a row printed blank, the figure only in the prose): the table's parts are not all read; and,
    the other way, a part the prose does not state while the table gives it above 0 (the prose names
    the total's budget and one part's, the page cut before the next): the prose's parts are not all stated.
    """
    where, zh = ("table", "表格") if origin == "table" else ("prose", "文字说明")
    missing = [p for p in parts if p not in items]
    row = items[total]
    named = {"total": "因公出国（境） + 公务用车 + 公务接待", "vehicle_total": "购置 + 运行"}[total]
    c.compare(
        check_id,
        phased(f"{year}/{origin}", phase, c.d),
        side(f"{zh}中{year}年{phase_zh(phase, c.d)}的{quoted(ITEM_NAMES[total])}", row["amount"], row.get("page")),
        [items[p]["amount"] for p in parts if p in items],
        " + ".join(quoted(ITEM_NAMES[p]) for p in parts),
        f"{ITEM_NAMES[total] if total != 'total' else '“三公” total'} {year} against {named} in the {where}{phase_en(phase, c.d)}",
        parts_pages=[items[p].get("page") for p in parts if p in items],
        doubt=(c.doubt("three_public", *(f"{year}/{p}/{phase}/amount" for p in missing)) or _blank_in_table(missing, prose or {}))
        if origin == "table"
        else _unstated_in_prose(missing, table or {}),
    )


def check_three_public(c: Checker) -> None:
    """The “三公” total against its three parts, and 公务用车 against 购置 + 运行.

    Table rows and the prose's statements are checked apart, per year and phase (subject: the year and
    origin, ``2024/table``; ``2024/table/approved`` for a phase other than the disclosure's own).
    """
    own = phase_of(c.d)
    groups: dict[tuple[str, int, str], dict[str, Row]] = defaultdict(dict)
    for row in c.d.rows.get("three_public", []):
        if row.get("amount") is not None and row.get("origin", "table") == "table":
            groups[("table", row["fiscal_year"], row.get("phase") or own)].setdefault(row["item"], row)
    for row in stated(c.d, "three_public"):  # the prose's figures
        groups[("narrative", row["fiscal_year"], row.get("phase") or own)].setdefault(row["subject"], row)
    for (origin, year, phase), items in sorted(groups.items()):
        if "total" in items:
            parts = ["outbound_travel", "vehicle_total", "reception"]
            if "vehicle_total" not in items and ("vehicle_purchase" in items or "vehicle_operation" in items):
                parts = ["outbound_travel", "vehicle_purchase", "vehicle_operation", "reception"]
            add_up(c, "three-public-parts-add-up", year, origin, phase, items, "total", parts, groups.get(("narrative", year, phase)), groups.get(("table", year, phase)))
        if "vehicle_total" in items:
            add_up(c, "three-public-vehicle-adds-up", year, origin, phase, items, "vehicle_total", ["vehicle_purchase", "vehicle_operation"])


def _blank_in_table(missing: list[str], prose: dict[str, Row]) -> str | None:
    """Why the table's parts are not all read: one it gives no figure for, stated above 0 by the prose; else None."""
    return _given_elsewhere(missing, prose, "表格没有给出{item}的数字，文字说明却写明了该项金额，表中分项未能全部读出")


def _unstated_in_prose(missing: list[str], table: dict[str, Row]) -> str | None:
    """Why the prose's parts are not all stated: one it gives no figure for, printed above 0 in the table; else None."""
    return _given_elsewhere(missing, table, "文字说明没有写出{item}的金额，表格却给出了该项金额，文字说明的分项不全")


def _given_elsewhere(missing: list[str], other: dict[str, Row], reason: str) -> str | None:
    """``reason`` naming the first missing part the other source gives an amount for (above 0); None when it gives none."""
    given = next((p for p in missing if p in other and other[p].get("amount")), None)
    return None if given is None else reason.format(item=quoted(ITEM_NAMES[given]))


CHECKS: tuple[Check, ...] = (check_three_public,)

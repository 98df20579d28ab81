"""The “三公” 经费 add up, for each year, phase and origin (table or prose) they are printed in."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.amounts import NUM
from cnbudget.checks.base import Check, Checker, Row, page_at, phase_en, phase_of, phase_zh, phased, quoted, side, stated, titled
from cnbudget.schema.names import ITEM_NAMES


def add_up(
    c: Checker, check_id: str, year: int, origin: str, phase: str, items: dict[str, Row], total: str, parts: list[str],
    prose: dict[str, Row] | None = None, table: dict[str, Row] | None = None,
) -> None:
    """One “三公” figure against the sum of its parts; a part the build doubts (a table figure it could not place) makes it not applicable,
    and so does a part the prose leaves out where the parts it states fall short of the total.

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
        else _unstated_in_prose(missing, table or {}) or _left_out(missing, row["amount"], [items[p]["amount"] for p in parts if p in items]),
        prose=origin != "table",
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


def _left_out(missing: list[str], total: Decimal | None, amounts: list[Decimal | None]) -> str | None:
    """Why the prose's parts are not judged: one it leaves out, the ones it states short of the total (the rest may be the
    part left out: “…购置及运行维护费2.48万元。其中，公务用车购置费0万元” and no 运行费); else None. Parts above the total are judged."""
    stated_sum = sum((a for a in amounts if a is not None), Decimal(0))
    if not missing or total is None or stated_sum >= total or not any(a is not None for a in amounts):
        return None
    return f"文字说明没有写出{quoted(ITEM_NAMES[missing[0]])}的金额，所写分项之和小于总额，差额可能就是未写出的分项，无从核对"


def _given_elsewhere(missing: list[str], other: dict[str, Row], reason: str) -> str | None:
    """``reason`` naming the first missing part the other source gives an amount for (above 0); None when it gives none."""
    given = next((p for p in missing if p in other and other[p].get("amount")), None)
    return None if given is None else reason.format(item=quoted(ITEM_NAMES[given]))


# “公务接待费支出5.21万元，与2021年度预算相比，减少0.1万元” / “…2.48万元，与2021年度预算相比无变化”, in a final account of 2021
_AGAINST_BUDGET = re.compile(
    rf"(?P<name>因公出国[（(]境[)）]费|公务接待费|公务用车购置及运行(?:维护|维修)?费|公务用车运行(?:维护|维修)?费|公务用车购置费)(?:支出)?(?:决算)?(?:数)?(?:为|是)?\s*"
    rf"(?P<a>{NUM})\s*万元\s*[，,]?\s*(?:与|和|较|比)(?P<y>\d{{4}})年(?:度)?(?:年初)?预算(?:数)?(?:相比|比较)?\s*[，,]?\s*"
    rf"(?:(?P<dir>减少|增加|节约|超支)了?\s*(?P<d>{NUM})\s*万元|(?P<same>无变化|持平|没有变化|无增减))"
)


def _item(name: str) -> str:
    if name.startswith("因公出国"):
        return "outbound_travel"
    if name.startswith("公务接待"):
        return "reception"
    return "vehicle_total" if "购置及运行" in name else "vehicle_purchase" if "购置" in name else "vehicle_operation"


def check_change_against_budget(c: Checker) -> None:
    """A final account's “三公” item stated against the year's own budget (“…5.21万元，与2021年度预算相比，减少0.1万元”,
    “…无变化”) against the budget its “三公” table prints for the item (预算数 14.9): the change is their difference.

    Only a comparison with the budget of the account's own year; a table that gives the item no budget figure
    leaves it unjudged (not applicable where the build doubts that figure). Subject: the item, the amount and
    the change as printed (``reception/5.21/减少0.1``).
    """
    fy = c.d.meta.get("fiscal_year")
    if c.d.meta.get("kind") != "final_account":
        return
    budgets = {
        r["item"]: r
        for r in reversed(c.d.rows.get("three_public", []))
        if r.get("origin", "table") == "table" and r.get("phase") == "approved" and r.get("fiscal_year") == fy and r.get("amount") is not None
    }
    text = c.d.evidence.prose
    for m in _AGAINST_BUDGET.finditer(text):
        if int(m.group("y")) != fy:
            continue
        item, actual = _item(m.group("name")), Decimal(m.group("a").replace(",", ""))
        said = Decimal(0) if m.group("same") else Decimal(m.group("d").replace(",", ""))
        up = m.group("dir") in ("增加", "超支")
        words = m.group("same") or f"{m.group('dir')}{m.group('d')}"
        page = page_at(c.d, m.start())
        budget = budgets.get(item)
        subject = f"{item}/{m.group('a')}/{words}"
        quote = m.group(0)
        if budget is None:
            doubt = c.doubt("three_public", f"{fy}/{item}/approved/amount")
            if doubt is not None:
                c.result("change-agrees", subject, None, side(f"文字说明“{quote}”所写的增减额", said, page), side(f"表格中{quoted(ITEM_NAMES[item])}的预算数", None), f"“{quote}”: the table's budget not read", reason=doubt)
            continue
        gap = actual - budget["amount"] if up or m.group("same") else budget["amount"] - actual
        ok = gap == said if not m.group("same") else actual == budget["amount"]
        c.result(
            "change-agrees",
            subject,
            ok,
            side(f"文字说明“{quote}”所写的与预算相比的增减额", said, page),
            side(f"{titled(budget.get('source_table'), '“三公”经费表')}的{quoted(ITEM_NAMES[item])}预算数 {format_amount(budget['amount'])} 万元与决算数 {format_amount(actual)} 万元之差", abs(actual - budget["amount"]), budget.get("page"), page),
            f"“{quote}”: the change against the budget the “三公” table prints for {item}",
        )


CHECKS: tuple[Check, ...] = (check_three_public, check_change_against_budget)

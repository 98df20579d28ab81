"""A “三公” final account's items' budgets, given only by a rate or a difference, against the total's budget.

Some final accounts print the items' 决算 with a completion rate (“公务用车购置及运行费支出决算为1.2万元,完成预算的
20.3%”) or a difference (“公务接待费支出决算数比预算数减少4.82万元”), never the items' budgets. Each gives the budget
(1.2 / 20.3% ≈ 5.91; 0.18 + 4.82 = 5.00), and the items' budgets cannot add up to more than the total's budget
(“三公”经费支出预算为5.92万元), nor, where every item is named, to less. The figures behind printed amounts and rates
lie within half a unit of their last place: every budget is a range, and only ranges that cannot meet fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from cnbudget.amounts import format_amount, printed_wan
from cnbudget.checks.amounts import NUM, half_unit
from cnbudget.checks.base import Check, Checker, at, page_at, side
from cnbudget.strings import compact

_ITEMS = {
    "outbound_travel": r"因公出国[（(]境[)）](?:经)?费(?:用)?",
    "vehicle_total": r"公务用车购置及运行(?:维护)?费",
    "vehicle_purchase": r"公务用车购置费",
    "vehicle_operation": r"公务用车运行(?:维护)?费",
    "reception": r"(?:国内)?公务接待费",
}
_ITEM = "|".join(f"(?P<{k}>{v})" for k, v in _ITEMS.items())
# an item's 决算 and its completion rate: 公务接待费支出决算为2.38万元,完成预算的40.2%
_RATE = re.compile(
    rf"(?:{_ITEM})(?:支出)?(?:决算)?(?:数)?(?:为)?\s*(?P<e>{NUM})\s*(?P<u>万?元)\s*[，,]\s*完成(?:全年)?预算(?:数)?的\s*(?P<r>\d+(?:\.\d+)?)\s*%"
)
# an item's 决算 against its budget: 公务接待费支出决算数比预算数减少4.82万元 (增加(减少)0万元 is no change)
_DIFF = re.compile(rf"(?:{_ITEM})(?:支出)?决算(?:数)?比预算(?:数)?(?P<dir>增加|减少|节约|超支)(?:[（(](?:增加|减少)[)）])?\s*(?P<d>{NUM})\s*(?P<u>万?元)")
# the total's budget: “三公”经费支出预算为5.92万元
_TOTAL = re.compile(rf"[“\"]?三公[”\"]?经费(?:支出)?预算(?:数)?为\s*(?P<b>{NUM})\s*(?P<u>万?元)")
_INFINITE = Decimal("Infinity")


@dataclass(frozen=True)
class _Budget:
    """An item's budget as the range its printed figures allow, the words that give it, and where they are."""

    low: Decimal
    high: Decimal
    quote: str
    start: int


def _spread(printed: str) -> Decimal:
    """Half a unit of the last place of a printed number (a rate of 20.3 lies within 0.05)."""
    exponent = Decimal(printed.replace(",", "")).as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


def _executed(c: Checker, item: str) -> Decimal | None:
    """The item's 决算 of the disclosure's year as the package reads it, where it has one figure."""
    year = c.d.meta.get("fiscal_year")
    found = {
        r["amount"]
        for r in c.d.rows.get("three_public", [])
        if r.get("item") == item and r.get("fiscal_year") == year and r.get("phase") in (None, "executed") and r.get("amount") is not None
    }
    return found.pop() if len(found) == 1 else None


def _from_rate(m: re.Match[str]) -> tuple[Decimal, Decimal] | None:
    """The budget range a 决算 and its completion rate give; None where a 决算 above 0 is 0% of its budget."""
    spent, rate = printed_wan(m.group("e"), m.group("u")), Decimal(m.group("r"))
    slack, rate_slack = half_unit(spent), _spread(m.group("r"))
    if rate == 0:
        return None if spent > 0 else (Decimal(0), _INFINITE)
    high = _INFINITE if rate - rate_slack <= 0 else (spent + slack) * 100 / (rate - rate_slack)
    return max(spent - slack, Decimal(0)) * 100 / (rate + rate_slack), high


def _budgets(c: Checker, text: str, start: int, end: int) -> tuple[dict[str, _Budget], str] | None:
    """Each item's budget in text[start:end] and the unit its amounts are printed in; None where an item has two."""
    found: dict[str, _Budget] = {}
    units: set[str] = set()
    for pattern in (_RATE, _DIFF):
        for m in pattern.finditer(text, start, end):
            item = next(k for k in _ITEMS if m.group(k))
            units.add(m.group("u"))
            if pattern is _RATE:
                bounds = _from_rate(m)
            else:
                spent = _executed(c, item)
                if spent is None:
                    return None
                change = printed_wan(m.group("d"), m.group("u"))
                budget = spent + change if m.group("dir") in ("减少", "节约") else spent - change
                slack = half_unit(spent) + half_unit(change)
                bounds = (max(budget - slack, Decimal(0)), budget + slack)
            if bounds is None or item in found:
                return None
            found[item] = _Budget(bounds[0], bounds[1], compact(m.group(0)), m.start())
    if "vehicle_total" in found:
        found.pop("vehicle_purchase", None), found.pop("vehicle_operation", None)  # held in the vehicles' whole
    return (found, units.pop()) if len(units) == 1 else None


def _shown(value: Decimal) -> str:
    """A bound of a range, to two places (a quotient of printed figures has more than the page prints)."""
    return format_amount(value.quantize(Decimal("0.01")))


def check_implied_item_budgets(c: Checker) -> None:
    """The items' budgets a “三公” final account gives only by rates or differences, against the total's budget.

    ``three-public-implied-budgets-add-up``: the items after the total's budget (up to the next total, or the text's
    end) must have one budget each, all in the unit the total is printed in. Fails where the least their budgets
    can add up to exceeds the most the total's can be, or, where every item is named (因公出国, 公务接待, and the
    vehicles' whole or its purchase and running), where the most they can add up to falls short of the least the
    total's can be. Subject: ``三公/预算/5.92``.
    """
    if c.d.meta.get("kind") not in (None, "final_account"):
        return
    text = c.d.evidence.prose
    totals = list(_TOTAL.finditer(text))
    for i, t in enumerate(totals):
        end = totals[i + 1].start() if i + 1 < len(totals) else len(text)
        found = _budgets(c, text, t.end(), end)
        if not found or len(found[0]) < 2 or found[1] != t.group("u"):
            continue  # a single item, or items printed in another unit than the total (one of them may be misprinted)
        items, _ = found
        total = printed_wan(t.group("b"), t.group("u"))
        low, high = total - half_unit(total), total + half_unit(total)
        least, most = sum((b.low for b in items.values()), Decimal(0)), sum((b.high for b in items.values()), Decimal(0))
        complete = {"outbound_travel", "reception"} <= items.keys() and ("vehicle_total" in items or {"vehicle_purchase", "vehicle_operation"} <= items.keys())
        over, short = least > high, complete and most < low
        page, stated = page_at(c.d, t.start()), compact(t.group(0))
        pages = [q for b in items.values() if (q := page_at(c.d, b.start)) is not None]
        said = "、".join(f"“{b.quote}”" for b in items.values())
        ranges = "、".join(
            _shown(b.low) if b.high - b.low < Decimal("0.005") else f"{_shown(b.low)}～{'∞' if b.high == _INFINITE else _shown(b.high)}" for b in items.values()
        )
        sums = _shown(least) if most - least < Decimal("0.005") else f"{_shown(least)}～{'∞' if most == _INFINITE else _shown(most)}"
        verdict = (
            f"各项预算之和至少为 {_shown(least)} 万元，超过“三公”经费预算 {format_amount(total)} 万元，两者不符。"
            if over
            else f"所列已是全部各项，其预算之和至多为 {_shown(most)} 万元，少于“三公”经费预算 {format_amount(total)} 万元，两者不符。"
            if short
            else "与“三公”经费预算相容。"
        )
        c.result(
            "three-public-implied-budgets-add-up",
            f"三公/预算/{t.group('b')}",
            not (over or short),
            side(f"文字说明“{stated}”所写的“三公”经费预算", total, page),
            side("按各项决算与其完成率或与预算之差推得的各项预算之和", least if most - least < Decimal("0.005") else None, pages),
            f"the items' budgets their completion rates or differences give ({len(items)}) against the total's budget {t.group('b')}",
            severity="mismatch" if over or short else None,
            detail=f"文字说明所写“{stated}”{at(page)}；其后所列{said}{at(pages)}推得各项预算依次约为 {ranges} 万元（合计 {sums} 万元）：{verdict}",
        )


CHECKS: tuple[Check, ...] = (check_implied_item_budgets,)

"""A fleet's average running cost per car against the running cost and the number of cars the prose prints.

“车辆保有量为3辆,全年车均运行维护费支出5.97元” beside a 运行维护费 of 17.9 万元: 17.9 / 3 = 5.97 万元 a car, so the
average is printed in the wrong unit (3 × 5.97 元 = 17.91 元). “公务车保有量3辆,全年运行维护费支出5.28万元,平均每辆
1.76万元”: 5.28 / 3 = 1.76, as printed. A quota (“全年4万元/辆”) is a standard, not an average of what was spent: not read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount, printed_wan
from cnbudget.checks.amounts import NUM, half_unit
from cnbudget.checks.base import Check, Checker, at, page_at, phase_of, sentence_start, side
from cnbudget.strings import compact

# the number of cars, in the average's own sentence: 车辆保有量为3辆, 公务车保有量3辆
_FLEET = re.compile(r"保有量\s*(?:为|是|共)?\s*(?P<n>\d+)\s*辆")
# the average per car: 平均每辆1.76万元, 车均运行维护费支出5.97元
_AVERAGE = re.compile(rf"(?:平均每辆(?:车)?|车均|辆均)(?P<what>[^。；;\d]{{0,12}}?)(?:为|是)?\s*(?P<a>{NUM})\s*(?P<u>万?元)")
# what the average is of, when it says: the running cost only (车均价 is a price, 车均燃油费 one part of the running cost)
_RUNNING = re.compile(r"[车的全年度运行维护及费用支出]*")
# the running cost the sentence prints before the average (never the purchase and running together: 购置及运行维护费)
_COST = re.compile(rf"(?<!购置及)(?<!购置和)运行(?:及)?维护费?(?:支出)?(?:为|是)?\s*(?P<c>{NUM})\s*(?P<cu>万?元)")


def _operation(c: Checker) -> tuple[Decimal, str, int | None] | None:
    """The year's 公务用车运行维护费 of the disclosure's own phase as the package reads it, where it has one figure.

    Returns the amount, where it is printed (the “三公” table or the prose) and its page.
    """
    year, phase = c.d.meta.get("fiscal_year"), phase_of(c.d)
    rows = [
        r
        for r in c.d.rows.get("three_public", [])
        if r.get("item") == "vehicle_operation" and r.get("fiscal_year") == year and (r.get("phase") or phase) == phase and r.get("amount") is not None
    ]
    if len({r["amount"] for r in rows}) != 1:
        return None
    where = "“三公”经费表" if rows[0].get("origin") == "table" else "文字说明"
    return rows[0]["amount"], where, rows[0].get("page")


def _exponent(amount: Decimal) -> int:
    """The place of a Decimal's last printed digit (-2 for 1.76)."""
    exponent = amount.as_tuple().exponent
    return exponent if isinstance(exponent, int) else 0


def _within(printed: Decimal, computed: Decimal, spread: Decimal) -> bool:
    """Whether ``printed`` may state ``computed``: within half a unit of its last place and ``spread`` more."""
    return abs(printed - computed) <= half_unit(printed) + spread


def check_vehicle_average(c: Checker) -> None:
    """An average running cost per car against the running cost over the number of cars: ``vehicle-average-agrees``.

    The number of cars and the average must be in one sentence (a fleet counted at the year's end and an average
    of another sentence may be of different fleets). The running cost is the one the sentence prints before the
    average, or else the year's 运行维护费 of the disclosure's own phase. The average agrees where it lies within half
    a unit of its last place (and the cost's rounding over the cars) of the cost over the cars; one unit off is
    ``rounding``. An average in 元 that is the right number of 万元 fails as a wrong unit. Subject: ``车均/3辆/5.97元``.
    """
    text = c.d.evidence.prose
    for m in _AVERAGE.finditer(text):
        if not _RUNNING.fullmatch(m.group("what")):
            continue
        begin = sentence_start(text, m.start())
        fleets = list(_FLEET.finditer(text, begin, m.start()))
        if len(fleets) != 1 or int(fleets[0].group("n")) == 0:
            continue
        cars = int(fleets[0].group("n"))
        costs = [k for k in _COST.finditer(text, begin, m.start()) if k.end() <= m.start()]
        if len(costs) == 1:
            cost, cost_page = printed_wan(costs[0].group("c"), costs[0].group("cu")), page_at(c.d, costs[0].start())
            cost_quote = f"同句所写“{costs[0].group(0)}”"
        elif not costs and (found := _operation(c)) is not None:
            cost, where, cost_page = found
            cost_quote = f"{where}所列本年公务用车运行维护费 {format_amount(cost)} 万元{at(cost_page)}"
        else:
            continue
        average = printed_wan(m.group("a"), m.group("u"))
        if cost <= 0:
            continue
        expected = cost / cars
        number = Decimal(m.group("a").replace(",", ""))
        ok = _within(average, expected, half_unit(cost) / cars)
        # the number itself read as 万元: an average in 元 that is the right number of 万元 is a wrong unit
        wrong_unit = not ok and m.group("u") == "元" and _within(number, expected, half_unit(cost) / cars)
        place = Decimal(1).scaleb(_exponent(average))
        severity = None if ok or wrong_unit else "rounding" if _within(average, expected, half_unit(cost) / cars + place) else "mismatch"
        page = page_at(c.d, m.start())
        quote = compact(text[max(begin, fleets[0].start() - 8) : m.end()])  # the count with the words that name the fleet
        shown = expected if _exponent(expected) >= -4 else expected.quantize(Decimal("0.0001"))  # a quotient shown to 4 places
        detail = (
            f"文字说明“{quote}”{at(page)}：按{cost_quote}除以 {cars} 辆，"
            f"每辆{'约' if shown != expected else ''}为 {format_amount(shown)} 万元，与所写的{m.group('a')}{m.group('u')}不符"
            + (
                f"；所写数字按万元计正好相符，单位疑似写错（{cars} 辆 × {m.group('a')}元 = {format_amount(Decimal(m.group('a').replace(',', '')) * cars)} 元）。"
                if wrong_unit
                else "。"
            )
        )
        c.result(
            "vehicle-average-agrees",
            f"车均/{cars}辆/{m.group('a')}{m.group('u')}",
            ok,
            side(f"按运行维护费 {format_amount(cost)} 万元除以 {cars} 辆算出的每辆运行维护费", shown, cost_page),
            side(f"文字说明“{quote}”所写的每辆运行维护费", average, page),
            f"the average per car {m.group('a')}{m.group('u')} against the running cost {format_amount(cost)} over {cars} cars"
            + (", printed in the wrong unit" if wrong_unit else ""),
            severity="mismatch" if wrong_unit else severity,
            detail=None if ok else detail,
        )


CHECKS: tuple[Check, ...] = (check_vehicle_average,)

"""Contradictions a careful reader finds that no check read (issue 14, session 14).

Each rule on a tiny invented input of the kind the development sets hold (names and amounts changed), with its
counter-case: what the rule must not report.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.vehicles import check_vehicle_average
from cnbudget.model import Evidence

from .checks.conftest import run

# a fleet's average running cost per car against the running cost over the number of cars


def _averages(prose: str, operation: str | None = None) -> list[tuple[str, str, str]]:
    """(status, severity, detail) of each average judged; ``operation`` the year's 运行维护费 the “三公” table gives."""
    rows = (
        {"three_public": [{"item": "vehicle_operation", "fiscal_year": 2024, "phase": None, "amount": Decimal(operation), "origin": "table", "page": 3}]}
        if operation
        else {}
    )
    results = run(check_vehicle_average, rows=rows, evidence=Evidence(prose=prose))
    return [(r["status"], r["severity"] or "", r["detail"]) for r in results]


def test_an_average_per_car_printed_in_yuan_that_is_the_right_number_of_wan_fails_as_a_wrong_unit() -> None:
    # 23.6 万元 over 4 cars is 5.90 万元 a car; “5.90元” is the right number in the wrong unit (a case of holdout5's 东坡区审计局)
    prose = "2024年末,本局车辆保有量为4辆,全年车均运行维护费支出5.90元;主要用于燃料费、维修费等支出。"
    ((status, severity, detail),) = _averages(prose.replace("全年车均", "全年运行维护费23.6万元,车均"))
    assert (status, severity) == ("fail", "mismatch")
    assert "车辆保有量为4辆" in detail and "5.90元" in detail and "23.6万元" in detail and "单位疑似写错" in detail
    # the running cost from the “三公” table where the sentence prints none (the figure of the disclosure's own phase)
    ((status, severity, detail),) = _averages(prose, "23.6")
    assert (status, severity) == ("fail", "mismatch") and "“三公”经费表" in detail and "第3页" in detail and "单位疑似写错" in detail


def test_an_average_per_car_that_the_cost_over_the_cars_gives_passes_and_one_unit_off_is_rounding() -> None:
    prose = "公务车保有量3辆,全年运行维护费支出5.28万元,平均每辆1.76万元。"
    assert [s for s, _, _ in _averages(prose)] == ["pass"]
    # 10 / 3 = 3.333…: 3.33 is its rounding, 3.34 one unit off, 3.5 a misstatement
    three = "公务车保有量3辆,全年运行维护费支出10万元,平均每辆{}万元。"
    assert [s for s, _, _ in _averages(three.format("3.33"))] == ["pass"]
    assert [(s, v) for s, v, _ in _averages(three.format("3.34"))] == [("fail", "rounding")]
    assert [(s, v) for s, v, _ in _averages(three.format("3.5"))] == [("fail", "mismatch")]


def test_an_average_per_car_is_not_judged_without_its_fleet_or_with_the_purchase_in_its_cost() -> None:
    # no number of cars in the average's own sentence: the fleet counted elsewhere may be another (year's end, in service)
    assert _averages("公务车保有量3辆。全年运行维护费支出5.28万元,平均每辆1.50万元。") == []
    # the sentence's cost is the purchase and the running together, and the table gives none: not divided
    assert _averages("公务车保有量2辆,公务用车购置及运行维护费支出30万元,平均每辆15万元。") == []
    # a quota per car is a standard, not an average of what was spent
    assert _averages("2016年我单位公务用车保有量1辆,公务用车购置及运行费预算为4万元,按照全市综合定额全年4万元/辆。", "3") == []
    # no fleet at all, or a fleet of 0
    assert _averages("平均每辆1.76万元。", "5.28") == [] and _averages("公务车保有量0辆,平均每辆0万元。", "0") == []


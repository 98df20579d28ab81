"""Contradictions a careful reader finds that no check read (issue 14, session 14).

Each rule on a tiny invented input of the kind the development sets hold (names and amounts changed), with its
counter-case: what the rule must not report.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.bodies import check_body_counts
from cnbudget.checks.implied_budgets import check_implied_item_budgets
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


# the count of bodies a disclosure covers against the counts of each kind its “其中” lists


def _bodies(prose: str) -> list[tuple[str, str]]:
    """(status, detail) of each way of counting judged."""
    return [(r["status"], r["detail"]) for r in run(check_body_counts, evidence=Evidence(prose=prose))]


def test_kinds_of_bodies_that_add_up_to_more_than_the_bodies_they_are_of_fail() -> None:
    # 0 subordinate units, of which 5 + 0 + 3 (a case of holdout2's 和平彝族乡, names and counts changed; the names in
    # brackets are not kinds, and the 。 inside them does not end the list)
    prose = "某镇人民政府下属二级预算单位0个,其中行政单位5个(党政办公室、财政所。规划建设办公室、综合执法办公室、乡村振兴办公室),参照公务员法管理的事业单位0个,其他事业单位3个(便民服务中心、农业综合服务中心、文化服务中心)。"
    ((status, detail),) = _bodies(prose)
    assert status == "fail"
    assert "下属二级预算单位0个" in detail and "“行政单位5个”" in detail and "“其他事业单位3个”" in detail and "8 个多于总数 0 个" in detail
    # counts printed in words add up the same way
    assert [s for s, _ in _bodies("某镇人民政府下属预算单位一个,其中行政单位一个,其他事业单位两个。")] == ["fail"]


def test_kinds_of_bodies_within_their_total_or_counted_two_ways_are_not_failed() -> None:
    # all kinds named and equal; a kind left out (fewer than the total) is no contradiction
    assert [s for s, _ in _bodies("下属二级预算单位3个,其中行政单位1个,参照公务员法管理的事业单位0个,其他事业单位2个。")] == ["pass"]
    assert [s for s, _ in _bodies("纳入本局2024年度部门决算编报的单位共3个。其中:行政单位1个,参照公务员法管理的事业")] == ["pass"]
    # two ways of counting that cut across each other are added up each on its own: 2 by kind, 2 by funding, not 4
    crossed = "纳入部门预算编制范围的单位共2个,其中行政单位1个,其他事业单位1个;全额拨款单位1个,差额拨款单位1个。"
    assert [s for s, _ in _bodies(crossed.replace(";", ","))] == ["pass", "pass"]
    # 事业单位 beside one of its own kinds holds it: not added; a kind named twice is not read
    assert _bodies("所属预算单位2个,其中事业单位2个,参照公务员法管理的事业单位1个。") == []
    assert _bodies("下属预算单位2个,其中行政单位1个,行政单位1个。") == []
    # offices counted inside a body are no kind of budget body
    assert _bodies("内设职能部门25个,其中:人民法庭8个。") == []


def test_an_average_of_something_else_than_the_running_cost_is_not_judged() -> None:
    # a price per car bought, and the fuel alone (one part of the running cost), are not the running cost over the cars
    assert _averages("公务用车保有量2辆,本年购置1辆,车均价18万元。", "6") == []
    assert _averages("公务用车保有量2辆,全年运行维护费6万元,车均燃油费1.2万元。") == []
    # the running cost named in other words still is: 车均运行费用, 平均每辆车运行维护支出
    assert [s for s, _, _ in _averages("公务用车保有量2辆,全年运行维护费6万元,平均每辆车运行维护支出3万元。")] == ["pass"]


# a “三公” final account's items' budgets, given only by completion rates or differences, against the total's budget


def _implied(prose: str, executed: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(status, detail) of each total judged; ``executed`` the items' 决算 as the package reads them."""
    rows = {
        "three_public": [
            {"item": k, "fiscal_year": 2024, "phase": "executed", "amount": Decimal(v), "origin": "narrative"} for k, v in (executed or {}).items()
        ]
    }
    return [(r["status"], r["detail"]) for r in run(check_implied_item_budgets, rows=rows, evidence=Evidence(prose=prose))]


def test_items_budgets_given_by_their_completion_rates_cannot_add_up_to_more_than_the_total_budget() -> None:
    # each rate taken against the whole budget (a case of holdout3's 寻甸工业园区, amounts changed): 1.5 / 25.0% = 6,
    # 3 / 50.0% = 6, together 12 against a budget of 6.00
    head = "2024年度一般公共预算财政拨款“三公”经费支出预算为6.00万元,支出决算为4.5万元,完成预算的75%。"
    items = "其中:因公出国(境)费支出决算为0.00万元,完成预算的0%;公务用车购置及运行费支出决算为1.5万元,完成预算的{};公务接待费支出决算为3万元,完成预算的50.0%。"
    ((status, detail),) = _implied(head + items.format("25.0%"))
    assert status == "fail" and "预算为6.00万元" in detail and "完成预算的25.0%" in detail and "超过" in detail
    # counter-cases: rates of their own budgets (1.5 / 75.0% = 2, 3 / 75.0% = 4, 0 of a budget of at most the rest) pass;
    # a total in 万元 over items in 元 is not added up (one of them may be misprinted, as another check says)
    assert [s for s, _ in _implied(head + items.format("75.0%").replace("50.0%", "75.0%"))] == ["pass"]
    in_yuan = head + "其中:公务用车购置及运行费支出决算为15,000.00元,完成预算的25.0%;公务接待费支出决算为30,000.00元,完成预算的50.0%。"
    assert _implied(in_yuan) == []
    # one item alone says nothing of the others'
    assert _implied(head + "其中:公务接待费支出决算为3万元,完成预算的10.0%。") == []


def test_items_budgets_given_by_differences_from_their_final_account_must_make_the_total_where_all_are_named() -> None:
    # a case of holdout3's 海口中院, amounts changed: 0 + (40.00 + 10.00) + (0.50 + 4.50) = 55.00 against a budget of 65.00
    prose = (
        "2024年度一般公共预算财政拨款“三公”经费支出预算为65.00万元,支出决算为40.50万元,完成预算的62.31%。\n"
        "因公出国(境)费支出决算比预算数增加(减少)0万元。\n公务用车购置及运行费支出决算数比预算数减少10.00万元,下降20.00%。\n"
        "公务接待费支出决算数比预算数减少4.50万元,下降90.00%。"
    )
    spent = {"outbound_travel": "0", "vehicle_total": "40.00", "reception": "0.50"}
    ((status, detail),) = _implied(prose, spent)
    assert status == "fail" and "至多为 55.03 万元" in detail and "少于" in detail and "预算为65.00万元" in detail
    # counter-cases: budgets that make the total pass; with an item left out, fewer is no contradiction; without the
    # items' 决算 the differences give nothing
    assert [s for s, _ in _implied(prose.replace("65.00万元", "55.00万元"), spent)] == ["pass"]
    partial = prose.replace("因公出国(境)费支出决算比预算数增加(减少)0万元。\n", "")
    assert [s for s, _ in _implied(partial, spent)] == ["pass"]
    assert _implied(prose) == []

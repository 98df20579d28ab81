"""Function and economic tables add up by level, by column and to their totals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.checks.base import Checker
from cnbudget.checks.levels import ECONOMIC, FUNCTION, check_economic_levels, check_function_levels, children
from cnbudget.model import Disclosure, Evidence, Problem

from .conftest import disclosure, function, outcomes, revenue, run, total

# 201 = 20101 + 20103; 20101 = 2010101 + 2010102
FUNCTIONS = [
    function("201", "一般公共服务支出", "100", "70", "30"),
    function("20101", "人大事务", "60", "50", "10"),
    function("2010101", "行政运行", "50", "50", "0"),
    function("2010102", "一般行政管理事务", "10", "0", "10"),
    function("20103", "政府办公厅（室）及相关机构事务", "40", "20", "20"),
]


def economic(code: str, name: str, amount: str, personnel: str | None, public: str | None) -> dict[str, Any]:
    """A ``basic_expenditure_by_economic`` row of the 一般公共预算基本支出表."""
    return {
        "economic_code": code,
        "economic_name": name,
        "total": Decimal(amount),
        "personnel": Decimal(personnel) if personnel is not None else None,
        "public": Decimal(public) if public is not None else None,
        "origin": "table",
        "source_table": "一般公共预算基本支出表",
        "page": 3,
    }


ECONOMICS = [
    economic("301", "工资福利支出", "50", "50", None),
    economic("30101", "基本工资", "30", "30", None),
    economic("30102", "津贴补贴", "20", "20", None),
    economic("302", "商品和服务支出", "10", None, "10"),
    economic("30201", "办公费", "10", None, "10"),
]


def test_children_are_one_level_down_or_two_where_the_table_skips_one() -> None:
    assert [r["function_code"] for r in children(FUNCTIONS, FUNCTIONS[0], FUNCTION)] == ["20101", "20103"]
    skipping = [FUNCTIONS[0], FUNCTIONS[2], FUNCTIONS[3]]
    assert [r["function_code"] for r in children(skipping, skipping[0], FUNCTION)] == ["2010101", "2010102"]
    assert [r["economic_code"] for r in children(ECONOMICS, ECONOMICS[0], ECONOMIC)] == ["30101", "30102"]


def test_consistent_function_rows_pass() -> None:
    results = run(check_function_levels, {"expenditure_by_function": FUNCTIONS, "totals": [total("expenditure_current_year", "100")]})
    assert {r["status"] for r in results} == {"pass"}
    assert len(outcomes(results, "function-levels-add-up")) == 6  # 201 and 20101, three columns each
    assert len(outcomes(results, "function-basic-plus-project")) == 5
    assert outcomes(results, "function-sum-matches-total") == [("pass", "100", "100")]
    assert "against the sum of its 2 lower-level rows" in results[0]["detail_en"]
    assert results[0]["detail"] == "《一般公共预算支出表》中 201“一般公共服务支出”的“合计”（第2页）为 100 万元，其下 2 个下级科目的“合计”之和（第2页）为 100 万元：两者一致。"
    assert [r["subject"] for r in results[:3]] == ["201/total", "201/basic", "201/project"]


def test_a_parent_that_is_not_the_sum_of_its_children_fails() -> None:
    rows = [function("201", "一般公共服务支出", "101", "71", "30"), *FUNCTIONS[1:]]
    results = run(check_function_levels, {"expenditure_by_function": rows})
    assert outcomes(results, "function-levels-add-up")[:3] == [("fail", "101", "100"), ("fail", "71", "70"), ("pass", "30", "30")]
    assert results[0]["severity"] == "mismatch" and results[0]["pages"] == "2;2"


def test_a_row_whose_total_is_not_basic_plus_project_fails() -> None:
    rows = [*FUNCTIONS[:4], function("20103", "政府办公厅（室）及相关机构事务", "40", "20", "21")]
    assert ("fail", "40", "41") in outcomes(run(check_function_levels, {"expenditure_by_function": rows}), "function-basic-plus-project")


def test_the_top_level_is_held_to_the_general_budget_revenue_where_other_funds_are_spent() -> None:
    rows: dict[str, list[dict[str, Any]]] = {
        "expenditure_by_function": FUNCTIONS,
        "totals": [total("expenditure_current_year", "150")],
        "revenue_by_source": [revenue("general_public_budget", "100"), revenue("government_fund", "50")],
    }
    assert outcomes(run(check_function_levels, rows), "function-sum-matches-total") == [("pass", "100", "100")]
    rows["revenue_by_source"] = [revenue("general_public_budget", "150")]
    assert outcomes(run(check_function_levels, rows), "function-sum-matches-total") == [("fail", "150", "100")]


def test_narrative_function_rows_are_not_added_up() -> None:
    rows = [function("201", "一般公共服务支出", "1", origin="narrative"), function("20101", "人大事务", "2", origin="narrative")]
    assert run(check_function_levels, {"expenditure_by_function": rows}) == []


def test_consistent_economic_rows_pass() -> None:
    totals = [total("basic_expenditure", "60", table="一般公共预算基本支出表"), total("personnel_expenditure", "50", table="一般公共预算基本支出表")]
    results = run(check_economic_levels, {"basic_expenditure_by_economic": ECONOMICS}, Evidence(table_totals=totals))
    assert {r["status"] for r in results} == {"pass"}
    assert len(outcomes(results, "economic-levels-add-up")) == 4  # 301: total and personnel; 302: total and public
    assert outcomes(results, "economic-sum-matches-total") == [("pass", "60", "60"), ("pass", "50", "50")]
    assert "against the sum of its 2 items" in results[0]["detail_en"]
    assert "其下 2 个款的“合计”之和" in results[0]["detail"]


def test_economic_contradictions_fail() -> None:
    rows = [economic("301", "工资福利支出", "50", "49", "1"), *ECONOMICS[1:]]
    results = run(check_economic_levels, {"basic_expenditure_by_economic": rows})
    # 301's 公用经费 has no printed items to add up, so it is not compared
    assert outcomes(results, "economic-levels-add-up")[:2] == [("pass", "50", "50"), ("fail", "49", "50")]
    rows = [*ECONOMICS[:4], economic("30201", "办公费", "10", None, "9")]
    assert ("fail", "10", "9") in outcomes(run(check_economic_levels, {"basic_expenditure_by_economic": rows}), "economic-personnel-plus-public")


def test_economic_items_are_held_to_the_one_fund_tables_own_total() -> None:
    own = [total("basic_expenditure", "61", table="一般公共预算基本支出表")]
    results = run(check_economic_levels, {"basic_expenditure_by_economic": ECONOMICS}, Evidence(basic_table_totals=own))
    assert outcomes(results, "economic-sum-matches-total") == [("fail", "61", "60")]


def test_a_doubted_cell_makes_its_sums_not_applicable() -> None:
    # 2010102 prints 10 that fits 基本支出 or 项目支出: null in both, and doubted
    rows = [*FUNCTIONS[:3], function("2010102", "一般行政管理事务", "10"), FUNCTIONS[4]]
    doubts = [{"resource": "expenditure_by_function", "key": "2010102/approved/basic|project", "reason": "“一般行政管理事务”一行印有 10，无法确定属于哪一列"}]
    results = run(check_function_levels, {"expenditure_by_function": rows, "doubts": doubts})
    by_subject = {(r["check_id"], r["subject"]): r for r in results}
    for key in (("function-levels-add-up", "20101/basic"), ("function-levels-add-up", "20101/project"), ("function-basic-plus-project", "2010102")):
        assert by_subject[key]["status"] == "not_applicable", key
        assert "不作比较" in by_subject[key]["detail"]
    assert by_subject[("function-levels-add-up", "20101/total")]["status"] == "pass"
    assert not [r for r in results if r["status"] == "fail"]


def test_a_class_printed_under_each_government_class_has_only_its_own_items() -> None:
    def crossed(code: str, gov: str, amount: str) -> dict[str, Any]:
        return {**economic(code, "工资福利支出", amount, amount, None), "government_economic_code": gov}

    rows = [crossed("301", "501", "30"), crossed("30101", "50101", "30"), crossed("301", "505", "5"), crossed("30101", "50501", "5")]
    assert [r["government_economic_code"] for r in children(rows, rows[2], ECONOMIC)] == ["50501"]
    results = run(check_economic_levels, {"basic_expenditure_by_economic": rows})
    assert {r["status"] for r in outcomes_rows(results, "economic-levels-add-up")} == {"pass"}


def outcomes_rows(results: list[dict[str, Any]], check: str) -> list[dict[str, Any]]:
    return [r for r in results if r["check_id"] == check]


def test_rows_the_build_could_not_place_make_up_a_parent_s_gap_so_it_is_not_judged() -> None:
    # zj_hangzhou_justice_bureau_2026_dept_budget.pdf p. 30, 表5 (item-only names): under 监狱 53,706.39 the items
    # 行政运行 48,375.27 … print, and 罪犯生活及医疗卫生 3,075.62 and 监狱业务及罪犯改造 647.10, names the
    # classification the build holds does not have under 20407 (it has 犯人生活, 犯人改造): those are in doubts
    table = "表5：2026年市级部门一般公共预算支出预算表"
    rows = [
        {**function("20407", "监狱", "53706.39"), "source_table": table},
        {**function("2040701", "行政运行", "48375.27"), "source_table": table},
        {**function("2040702", "一般行政管理事务", "1214.90"), "source_table": table},
        {**function("2040706", "狱政设施建设", "333.00"), "source_table": table},
        {**function("2040799", "其他监狱支出", "60.50"), "source_table": table},
    ]
    reason = "科目名称与官方功能分类中其上级科目下的任何科目都不相符，无法确定其科目编码"
    doubts = [
        {"resource": "expenditure_by_function", "key": "罪犯生活及医疗卫生/approved/total", "read_value": "3,075.62", "reason": reason, "source_table": table},
        {"resource": "expenditure_by_function", "key": "监狱业务及罪犯改造/approved/total", "read_value": "647.10", "reason": reason, "source_table": table},
    ]
    results = [r for r in run(check_function_levels, {"expenditure_by_function": rows, "doubts": doubts}) if r["subject"] == "20407/total"]
    assert [r["status"] for r in results] == ["not_applicable"] and "存疑数字" in results[0]["detail"]
    # a gap no doubted row explains is the document's
    results = [r for r in run(check_function_levels, {"expenditure_by_function": rows, "doubts": doubts[:1]}) if r["subject"] == "20407/total"]
    assert [r["status"] for r in results] == ["fail"]


def test_a_function_table_over_the_revenue_line_by_no_more_than_the_carryover_is_not_judged() -> None:
    # zj_hangzhou_justice_bureau_2026_dept_budget.pdf: 表1 (p. 23) 本年收入合计 98,883.14 of which 一般公共预算 91,495.48, 上年结转结余 347.32;
    # 表5 (pp. 30–31) classes 12,868.19 + 69,081.15 + 7,458.52 + 2,434.95 = 91,842.81, spending last year's money too
    classes = [function("201", "一般公共服务支出", "12868.19"), function("204", "公共安全支出", "69081.15"), function("208", "社会保障和就业支出", "7458.52"), function("210", "卫生健康支出", "2434.95")]
    rows = {
        "expenditure_by_function": classes,
        "totals": [total("expenditure_current_year", "99230.46"), total("carryover_in", "347.32")],
        "revenue_by_source": [revenue("general_public_budget", "91495.48"), revenue("other", "7387.66")]  # the rest of the 本年收入合计,
    }
    (result,) = [r for r in run(check_function_levels, rows) if r["check_id"] == "function-sum-matches-total"]
    assert (result["status"], result["actual"]) == ("not_applicable", "91842.81") and "上年结转" in result["detail"]
    rows["totals"] = [total("expenditure_current_year", "99230.46")]  # no carryover: the gap is the document's
    (result,) = [r for r in run(check_function_levels, rows) if r["check_id"] == "function-sum-matches-total"]
    assert result["status"] == "fail"


def test_a_final_accounts_general_budget_spending_is_not_held_to_its_revenue_where_money_is_carried() -> None:
    # 一般公共预算财政拨款收入 100 and 年初结转和结余 30 of the 收支决算总表; the 一般公共预算财政拨款支出决算表 spends 100 + 20 of the carry-over
    rows = [function("201", "一般公共服务支出", "120", "80", "40"), function("20101", "人大事务", "120", "80", "40")]
    tables: dict[str, list[dict[str, Any]]] = {
        "expenditure_by_function": [{**r, "phase": "executed"} for r in rows],
        "totals": [{**total("expenditure_current_year", "130"), "phase": "executed"}, {**total("carryover_in", "30"), "phase": "executed"}],
        "revenue_by_source": [{**revenue("general_public_budget", "100"), "phase": "executed"}, {**revenue("carryover", "30"), "phase": "executed"}],
    }
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2024, "kind": "final_account"}, rows=tables, evidence=Evidence()))
    check_function_levels(checker)
    (result,) = [r for r in checker.out if r["check_id"] == "function-sum-matches-total"]
    assert (result["status"], result["expected"]) == ("not_applicable", "100")
    assert "年初结转和结余" in result["detail"]
    # a budget is held to its revenue line plus at most its 上年结转: spending 20 over a carry-over of 10 contradicts it
    budget = {
        "expenditure_by_function": rows,
        "totals": [total("expenditure_current_year", "110"), total("carryover_in", "10")],
        "revenue_by_source": [revenue("general_public_budget", "100"), revenue("carryover", "10")],
    }
    assert outcomes(run(check_function_levels, budget), "function-sum-matches-total") == [("fail", "100", "120")]


def test_a_sum_over_codes_printed_again_with_other_amounts_is_not_judged() -> None:
    # bj_city_veterans_affairs_bureau_2026_dept_budget.pdf pp. 6–7: 预算05表 prints its leaf rows once for each unit, unlabelled
    # (2050803 培训支出 202.145664, then 39.800000, 4.315000 …); the build keeps the first, so 205 教育支出 (367.509754 in
    # 预算04表) is not the sum of the rows it kept
    rows = [function("205", "教育支出", "367.509754"), function("2050803", "培训支出", "202.145664"), function("2050804", "退役士兵能力提升", "80")]
    d = disclosure({"expenditure_by_function": rows})
    d.problems.append(Problem("repeated-row", "expenditure_by_function 2050803 budget: printed again with other amounts; the first row printed is kept"))
    checker = Checker(d)
    check_function_levels(checker)
    (total_row,) = [r for r in checker.out if r["subject"] == "205/total"]
    assert total_row["status"] == "not_applicable" and "重复印出" in total_row["detail"]
    assert outcomes(run(check_function_levels, {"expenditure_by_function": rows}), "function-levels-add-up")[0] == ("fail", "367.509754", "282.145664")

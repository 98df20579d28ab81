"""Figures of the 一般公共预算 alone are compared with the 一般公共预算's, not with the whole budget's.

Figures of cq_city_water_resources_bureau_2026_dept_budget.pdf, read from the document: its 收支总表 lists
政府性基金 and 财政专户 money besides the 一般公共预算; 表三 部门支出总体情况表 (p. 18) prints 基本支出
41,418.94 and 项目支出 145,130.37 for all of it; 表五 一般公共预算支出情况表 (p. 22) 基本支出 33,325.21 and
项目支出 94,823.35; 表六 一般公共预算基本支出情况表 (p. 24) 合计 33,325.21 = 人员经费 23,208.51 + 公用经费
10,116.70; the prose (p. 6, under 三、财政拨款情况说明) “一般公共预算财政拨款支出 … 其中：基本支出 33325.21 万元 …
项目支出 94823.35 万元”.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.identities import check_headline_identities
from cnbudget.checks.prose import check_prose_against_tables
from cnbudget.model import Evidence

from .conftest import function, outcomes, revenue, run, said, total

GENERAL_BASIC = "2026年一般公共预算基本支出情况表"


def water_bureau(*, other_money: bool = True) -> tuple[dict[str, list[dict[str, object]]], Evidence]:
    rows: dict[str, list[dict[str, object]]] = {
        "totals": [
            total("basic_expenditure", "41418.94", table="2026年部门支出总体情况表"),
            total("project_expenditure", "145130.37", table="2026年部门支出总体情况表"),
            total("personnel_expenditure", "23208.51", table=GENERAL_BASIC),
            total("public_expenditure", "10116.70", table=GENERAL_BASIC),
        ],
        "revenue_by_source": [revenue("general_public_budget", "128148.56"), *([revenue("government_fund", "44134.59")] if other_money else [])],
        # the class rows of 表五 (p. 22), two of its seven: their 项目支出 stand for the table's
        "expenditure_by_function": [function("201", "一般公共服务支出", "59.56", None, "59.56"), function("205", "教育支出", "23168.99", "14642.60", "8526.39")],
        "statements": [said("totals", "basic_expenditure", "33325.21", year=2026)],
    }
    basic_table = total("basic_expenditure", "33325.21", table=GENERAL_BASIC)
    return rows, Evidence(basic_table_totals=[{**basic_table, "phase": "approved"}])


def test_personnel_plus_public_is_compared_with_the_basic_table_s_own_total() -> None:
    rows, evidence = water_bureau()
    results = run(check_headline_identities, rows, evidence, fiscal_year=2026)
    (result,) = [r for r in results if r["check_id"] == "personnel-plus-public"]  # the prose states no 人员经费 here
    assert (result["status"], result["expected"], result["actual"]) == ("pass", "33325.21", "33325.21")
    assert result["detail"].startswith(f"《{GENERAL_BASIC}》的“基本支出”")


def test_prose_parts_of_the_general_budget_against_its_whole_budget_basic_are_not_compared() -> None:
    rows, evidence = water_bureau()
    rows["statements"] = [
        said("totals", "basic_expenditure", "41418.94", year=2026),
        said("totals", "personnel_expenditure", "23208.51", year=2026),
        said("totals", "public_expenditure", "10116.70", year=2026),
    ]
    results = run(check_headline_identities, rows, evidence, fiscal_year=2026)
    narrative = [r for r in results if r["check_id"] == "personnel-plus-public" and r["subject"] == "narrative"]
    assert [r["status"] for r in narrative] == ["not_applicable"] and "一般公共预算以外" in narrative[0]["detail"]


def test_a_real_gap_in_the_basic_table_still_fails() -> None:
    rows, evidence = water_bureau()
    rows["totals"][3] = total("public_expenditure", "10116.00", table=GENERAL_BASIC)  # a misprint, for the test
    results = run(check_headline_identities, rows, evidence, fiscal_year=2026)
    assert ("fail", "33325.21", "33324.51") in outcomes(results, "personnel-plus-public")


def test_without_other_money_the_headline_basic_is_the_one() -> None:
    rows, evidence = water_bureau(other_money=False)
    results = run(check_headline_identities, rows, evidence, fiscal_year=2026)
    assert outcomes(results, "personnel-plus-public")[0] == ("fail", "41418.94", "33325.21")


def test_prose_about_the_general_budget_agrees_with_the_general_budget_table() -> None:
    rows, evidence = water_bureau()
    results = run(check_prose_against_tables, rows, evidence, fiscal_year=2026)
    (basic,) = [r for r in results if r["check_id"] == "prose-agrees-with-table"]
    assert (basic["status"], basic["expected_amount"]) == ("pass", Decimal("33325.21"))
    assert GENERAL_BASIC in basic["detail"]
    rows["statements"] = [said("totals", "basic_expenditure", "33000.00", year=2026)]
    results = run(check_prose_against_tables, rows, evidence, fiscal_year=2026)
    (wrong,) = [r for r in results if r["check_id"] == "prose-agrees-with-table"]
    assert (wrong["status"], wrong["expected_amount"]) == ("fail", Decimal("41418.94"))  # neither reading: the headline figure

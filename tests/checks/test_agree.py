"""A figure printed in two tables is the same amount in both."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.agree import check_tables_agree
from cnbudget.model import CrossFigure, Evidence

from .conftest import outcomes, revenue, run, total


def cross(one: str, two: str, code: str = "201") -> CrossFigure:
    """One 科目 printed in the 财政拨款 (page 4) and the 一般公共预算 tables (page 5)."""
    return CrossFigure(f"function {code} 一般公共服务支出", ("财政拨款支出表", Decimal(one)), ("一般公共预算支出表", Decimal(two)), 5, "function", code, "一般公共服务支出", 4)


def test_a_figure_in_two_tables_passes_when_equal_and_fails_when_not() -> None:
    results = run(check_tables_agree, evidence=Evidence(cross=[cross("10", "10"), cross("10", "11", "20101")]))
    assert outcomes(results) == [("pass", "10", "10"), ("fail", "10", "11")]
    assert (results[1]["detail_en"], results[1]["pages"]) == ("function 20101 一般公共服务支出: 财政拨款支出表 against 一般公共预算支出表", "4;5")
    assert [r["subject"] for r in results] == ["201/function", "20101/function"]
    assert (results[1]["expected_amount"], results[1]["actual_amount"]) == (Decimal(10), Decimal(11))
    assert results[1]["detail"] == (
        "《财政拨款支出表》中功能分类科目 20101 一般公共服务支出（第4页）为 10 万元，《一般公共预算支出表》中的同一科目（第5页）为 11 万元：相差 1 万元，两者不符。"
    )


def test_with_money_from_other_funds_a_difference_is_not_applicable() -> None:
    rows = {"revenue_by_source": [revenue("general_public_budget", "10"), revenue("government_fund", "1")]}
    results = run(check_tables_agree, rows, Evidence(cross=[cross("10", "10"), cross("11", "10", "20101")]))
    assert outcomes(results) == [("pass", "10", "10"), ("not_applicable", "11", "10")]
    assert "不作比较" in results[1]["detail"] and "一般公共预算以外的资金" in results[1]["detail"]


def test_a_total_printed_in_two_tables() -> None:
    # every headline figure the tables print is in the evidence; the published totals keep one per metric and phase
    same = [total("basic_expenditure", "60"), total("basic_expenditure", "60", table="支出总表")]
    assert outcomes(run(check_tables_agree, evidence=Evidence(table_totals=same))) == [("pass", "60", "60")]
    differ = [total("basic_expenditure", "60"), total("basic_expenditure", "61", table="支出总表"), total("basic_expenditure", "62")]
    assert outcomes(run(check_tables_agree, evidence=Evidence(table_totals=differ))) == [("fail", "60", "61")]  # the same table twice is not compared

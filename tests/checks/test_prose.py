"""The prose against the tables and itself: stated figures, shares, year-on-year percentages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.checks.prose import check_prose_against_tables, check_shares, check_year_on_year
from cnbudget.model import Evidence, Statement

from .conftest import function, outcomes, revenue, run, total


def test_a_prose_total_passes_at_its_printed_precision_and_fails_otherwise() -> None:
    table = total("revenue_total", "24.3120")
    assert outcomes(run(check_prose_against_tables, {"totals": [table, total("revenue_total", "24.31", "narrative")]})) == [("pass", "24.3120", "24.31")]
    assert outcomes(run(check_prose_against_tables, {"totals": [table, total("revenue_total", "24.32", "narrative")]})) == [("fail", "24.3120", "24.32")]


def test_the_prose_stating_one_figure_twice_differently_fails() -> None:
    stated = [total("revenue_total", "10", "narrative"), total("revenue_total", "11", "narrative")]
    assert outcomes(run(check_prose_against_tables, {"totals": stated}), "prose-consistent") == [("fail", "10", "11")]
    twice = [function("201", "一般公共服务支出", "5", origin="narrative"), function("201", "一般公共服务", "6", origin="narrative")]
    assert outcomes(run(check_prose_against_tables, {"expenditure_by_function": twice}), "prose-consistent") == [("fail", "5", "6")]


def test_three_public_function_and_revenue_prose_against_their_tables() -> None:
    def tp(item: str, amount: str, origin: str, year: int = 2024) -> dict[str, Any]:
        return {"fiscal_year": year, "item": item, "amount": Decimal(amount), "origin": origin}

    rows = {
        "three_public": [tp("reception", "3", "table"), tp("reception", "4", "narrative"), tp("total", "9", "narrative", 2023)],
        "expenditure_by_function": [function("201", "一般公共服务支出", "100"), function("201", "一般公共服务支出", "100", origin="narrative")],
        "revenue_by_source": [revenue("general_public_budget", "90"), revenue("general_public_budget", "80", "narrative")],
    }
    results = run(check_prose_against_tables, rows)
    assert [(r["check_id"], r["status"], r["expected"], r["actual"]) for r in results] == [
        ("three-public-prose-agrees", "fail", "3", "4"),  # last year's figure in the prose is not compared
        ("function-prose-agrees", "pass", "100", "100"),
        ("revenue-prose-agrees", "fail", "90", "80"),
    ]


def statement(label: str, amount: str, share: str | None = None) -> Statement:
    """A figure the prose states in 万元, with its share when it states one."""
    return Statement(label, Decimal(amount), "万元", Decimal(share) if share else None, 0)


def test_shares_agree_with_the_base_the_run_agrees_on() -> None:
    stmts = [statement("支出合计", "200"), statement("基本支出", "150", "75.00"), statement("项目支出", "50", "25.00")]
    assert outcomes(run(check_shares, evidence=Evidence(statements=stmts))) == [("pass", "75.00%", "75.00%"), ("pass", "25.00%", "25.00%")]


def test_one_wrong_share_fails_against_the_base_the_others_agree_with() -> None:
    stmts = [
        statement("支出合计", "200"),
        statement("人员经费", "100", "50.00"),
        statement("公用经费", "50", "25.00"),
        statement("项目支出", "50", "30.00"),
    ]
    results = run(check_shares, evidence=Evidence(statements=stmts))
    assert outcomes(results) == [("pass", "50.00%", "50.00%"), ("pass", "25.00%", "25.00%"), ("fail", "30.00%", "25.00%")]
    assert results[2]["detail_en"] == "“项目支出” 50 万元 stated as 30.00% of 200 万元"
    assert results[2]["detail"] == "文字说明所写“项目支出” 50 万元占 200 万元的比例为 30.00%，按这两个金额算出的比例为 25.00%：两者不符。"
    assert results[2]["subject"] == "项目支出/50/30.00%"


def yoy(prose: str) -> list[dict[str, Any]]:
    """The year-on-year results for a disclosure with this prose."""
    return run(check_year_on_year, evidence=Evidence(prose=prose))


def test_a_right_percentage_passes_and_a_wrong_one_fails() -> None:
    # 214.11 − (−11.48): last year 225.59; 11.48 / 225.59 = 5.09%
    (right,) = yoy("公用经费214.11万元，比2023年预算减少11.48万元，下降5.09%。")
    assert (right["status"], right["expected"], right["actual"]) == ("pass", "5.09%", "5.09%")
    # 21.8 / (3666 − 21.8) = 0.598…% printed as 0.06%: a misplaced decimal point
    (wrong,) = yoy("会议费3,666万元，与上年相比增加21.8万元，增长0.06%。")
    assert (wrong["status"], wrong["expected"], wrong["actual"]) == ("fail", "0.06%", "0.60%")

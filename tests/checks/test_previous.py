"""Last year's column of the function table adds up by level."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.checks.previous import check_previous_year_levels

from .conftest import function, outcomes, run


def prior(code: str, name: str, amount: str, previous: str | None) -> dict[str, Any]:
    row = function(code, name, amount)
    row["previous_year"] = Decimal(previous) if previous is not None else None
    return row


def test_a_previous_year_column_that_does_not_add_up_fails() -> None:
    """潼南 2023 (seed 004): 20131 printed 2,775.59 in the 2022 column, its items 631.15 + 422.00 + 307.85 + 48.00 = 1,409.00."""
    rows = [
        prior("201", "一般公共服务支出", "1387.32", "2775.59"),
        prior("20131", "党委办公厅(室)及相关机构事务", "1387.32", "2775.59"),
        prior("2013101", "行政运行", "622.34", "631.15"),
        prior("2013102", "一般行政管理事务", "422.00", "422.00"),
        prior("2013150", "事业运行", "342.98", "307.85"),
        prior("2013199", "其他党委办公厅(室)及相关机构事务支出", "0", "48.00"),
    ]
    results = run(check_previous_year_levels, {"expenditure_by_function": rows})
    assert outcomes(results) == [("pass", "2775.59", "2775.59"), ("fail", "2775.59", "1409.00")]
    assert results[1]["subject"] == "20131/previous_year" and results[1]["severity"] == "mismatch"
    assert "上年数" in results[1]["detail"] and "1409.00" in results[1]["detail"]


def test_a_blank_cell_is_zero_unless_the_items_fall_short() -> None:
    rows = [prior("210", "卫生健康支出", "10", "5"), prior("21011", "行政事业单位医疗", "10", "5"), prior("2101101", "行政单位医疗", "6", "5"), prior("2101103", "公务员医疗补助", "4", None)]
    assert [r["status"] for r in run(check_previous_year_levels, {"expenditure_by_function": rows})] == ["pass", "pass"]
    rows[2]["previous_year"] = Decimal(3)
    assert [r["status"] for r in run(check_previous_year_levels, {"expenditure_by_function": rows})] == ["pass", "not_applicable"]


def test_no_previous_year_column_no_result() -> None:
    assert run(check_previous_year_levels, {"expenditure_by_function": [function("201", "一般公共服务支出", "1"), function("20101", "人大事务", "1")]}) == []

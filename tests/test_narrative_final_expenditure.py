"""A final account's prose on its expenditure side: 结余分配 and 年末结转和结余 read, their parts not taken for the year's 基本支出 or 项目支出."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative

# 乌鲁木齐市政务服务中心 2023 部门决算 (tests/fixtures/hidden), simplified as the build reads it
URUMQI = "2023年度支出总计434.72万元,其中:本年支出合计434.16万元,结余分配0.00万元,年末结转和结余0.55万元。"


def headline(text: str) -> list[tuple[str, Decimal]]:
    figures, _ = read_narrative([Line(1, (text,))], 2023, "final_account")
    return [(str(f.row["metric"]), f.row["amount"]) for f in figures if f.resource == "totals"]  # type: ignore[misc]


def test_the_prose_states_the_expenditure_total_and_its_three_lines() -> None:
    assert headline(URUMQI) == [
        ("expenditure_total", Decimal("434.72")),
        ("expenditure_current_year", Decimal("434.16")),
        ("surplus_distribution", Decimal("0.00")),
        ("carryover_out", Decimal("0.55")),
    ]


def test_the_parts_of_the_year_end_balances_are_not_the_years_basic_and_project_spending() -> None:
    text = "年末结转和结余35.00万元，其中：基本支出结转10.00万元，项目支出结转和结余25.00万元。"
    assert headline(text) == [("carryover_out", Decimal("35.00"))]

"""Figures the development sets' published pages still missed (benchmarks/RESULTS.md, session 11), read by kind (issue 13).

Invented inputs of the same kind, names and amounts changed; expected values worked by hand in the comments.
"""

from __future__ import annotations

from decimal import Decimal

from .conftest import narrative_figures


def _totals(text: str, year: int = 2025) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in narrative_figures(text, year=year).items() if k[0] == "totals"}


def test_a_total_said_after_its_amount_to_leave_out_last_years_carry_over_is_the_years_own() -> None:
    # “总收入 X 万元，总支出 X 万元（不含财政拨款上年未列支结转收支数）”: both are the year's own (本年收入 / 本年支出),
    # the 收支 of the qualifier covering the two; the bare restatement after it (我单位总收入 X 万元，较上年…) is read as nothing
    text = "我单位总收入210.5万元,总支出210.5万元(不含财政拨款上年未列支结转收支数)。我单位总收入210.5万元,较上年减少3.2%。"
    assert _totals(text) == {
        ("totals", "revenue_current_year", "approved"): Decimal("210.5"),
        ("totals", "expenditure_current_year", "approved"): Decimal("210.5"),
    }
    # a qualifier naming one side covers that side only: the 总支出 stays the 支出总计 the words name
    text = "本单位总收入88万元(不含上年结转收入),总支出96万元。"
    assert _totals(text) == {("totals", "revenue_current_year", "approved"): Decimal(88), ("totals", "expenditure_total", "approved"): Decimal(96)}
    # counter-case: a total said to include the carry-over is the 收入总计, as the bare words name it
    assert _totals("本单位总收入120万元(含上年结转20万元)。") == {
        ("totals", "revenue_total", "approved"): Decimal(120),
        ("totals", "carryover_in", "approved"): Decimal(20),
    }

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


def test_the_words_before_a_colon_the_amount_follows_name_it() -> None:
    # “其中：1、基本支出：357.67万元，占…”: the 基本支出, the words after the last colon being none
    text = "2018年支出预算616.3万元。其中:1、基本支出:402.15万元,占总支出的比重为65.25%,人员经费300.4万元。"
    assert _totals(text, 2018)[("totals", "basic_expenditure", "approved")] == Decimal("402.15")
    # counter-case: a colon earlier in the words, the amount's own words after it (收入情况：本年收入 X) name it
    assert ("totals", "basic_expenditure", "approved") not in _totals("基本支出情况说明:本年收入402.15万元。", 2018)


def test_an_unnumbered_heading_set_off_by_colons_names_the_phase_alone_after_it() -> None:
    # “具体安排情况如下：基本支出：2018年年初预算数为 X 万元” (基本支出 a line of its own): the 基本支出's budget
    text = "2018年一般公共预算拨款收入500.5万元,具体安排情况如下:基本支出:2018年年初预算数为430.2万元,是指为保障单位机构正常运转而发生的支出。"
    assert _totals(text, 2018)[("totals", "basic_expenditure", "approved")] == Decimal("430.2")
    # counter-case: words before the colon that say how something went (……情况如下) name no figure
    text = "2018年一般公共预算拨款收入500.5万元。具体安排情况如下:2018年年初预算数为430.2万元。"
    assert Decimal("430.2") not in _totals(text, 2018).values()

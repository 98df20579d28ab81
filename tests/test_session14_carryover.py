"""A part's own 其中 naming last year's carry-over (issue 13, session 14): the whole it is part of holds that money, so the
whole is the 收入总计 and never the year's own revenue, though its one part equals it. Found by figs28 on holdout9's
大竹县天城镇 page (published as 本年收入 there, unkeyed); invented sentences in its style, worked by hand."""

from __future__ import annotations

from decimal import Decimal as D

from .conftest import narrative_figures


def _totals(text: str, year: int = 2025) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in narrative_figures(text, year=year).items() if k[0] == "totals"}


def test_a_parts_own_carryover_makes_the_whole_the_total_not_the_years_revenue() -> None:
    # 5000000.00 元 = 500 万元, all 财政拨款收入, of which 200000.00 carried over: the year's own revenue is 480, never 500
    text = "2025收入预算5000000.00元,其中:财政拨款收入5000000.00元,100%其中上年结转200000.00\n(二)支出预算情况\n2025支出预算5000000.00元。"
    totals = _totals(text)
    assert totals[("totals", "revenue_total", "approved")] == D("500.000000")
    assert ("totals", "revenue_current_year", "approved") not in totals
    # counter-case: the same whole with no carry-over inside its part is the year's revenue too (its one part is all of it)
    text = "2025收入预算5000000.00元,其中:财政拨款收入5000000.00元,100%\n(二)支出预算情况\n2025支出预算5000000.00元。"
    assert _totals(text)[("totals", "revenue_current_year", "approved")] == D("500.000000")

"""Misreadings of the third held-out set's fails, fixed by kind (issue 14, precision, session 8).

Each test is one kind, on small invented lines; it fails without its fix, and a counter-case must still fail.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative

D = Decimal


def _years(lines: list[str], year: int) -> list[tuple[str, Decimal, int | None]]:
    figures, _ = read_narrative([Line(1, (t,)) for t in lines], year, "final")
    return [(f.subject, f.row["amount"], f.fiscal_year) for f in figures if f.resource == "totals"]  # type: ignore[misc]


def test_the_parts_of_a_prior_years_figure_are_of_that_year() -> None:
    # a sentence about last year after this year's: its 其中 parts are last year's too
    found = _years(["2020年度支出合计500万元,其中:基本支出100万元;项目支出400万元。2019年度支出合计300万元,其中:基本支出120万元;项目支出180万元。"], 2020)
    assert ("basic_expenditure", D("120"), 2019) in found
    assert ("project_expenditure", D("180"), 2019) in found
    assert ("basic_expenditure", D("100"), 2020) in found
    assert ("project_expenditure", D("400"), 2020) in found


def test_a_sentence_that_opens_with_no_year_keeps_the_fiscal_year() -> None:
    # counter-case: a prior year named only mid-sentence, or a sentence listing no parts, changes no part's year
    found = _years(["本年支出合计500万元,比2019年增加20万元,其中:基本支出100万元;项目支出400万元。"], 2020)
    assert ("basic_expenditure", D("100"), 2020) in found and ("project_expenditure", D("400"), 2020) in found
    found = _years(["2019年底,本单位支出合计500万元,基本支出100万元。"], 2020)
    assert ("basic_expenditure", D("100"), 2020) in found

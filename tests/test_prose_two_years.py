"""An item's figures for two years in one clause (issue 14: a sum of last year's items against last year's total)."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative


def _three_public(text: str, year: int = 2016) -> set[tuple[str, int | None, object]]:
    found, _ = read_narrative([Line(1, (text,))], year, "budget")
    return {(f.subject, f.fiscal_year, f.row["amount"]) for f in found if f.resource == "three_public"}


def test_a_year_and_its_phase_after_an_items_figure_is_the_same_items_figure_of_that_year() -> None:
    # invented, in the way of a county bureau's 三公 page: each item with this year's budget, then last year's
    text = "其中:1、公务接待费2016年预算8万元,2015年预算12.5万元;2、公务车辆运行2016年预算25万元,2015年决算45.2万元。"
    assert _three_public(text) >= {
        ("reception", 2016, Decimal(8)),
        ("reception", 2015, Decimal("12.5")),
        ("vehicle_operation", 2016, Decimal(25)),
        ("vehicle_operation", 2015, Decimal("45.2")),
    }


def test_a_year_with_words_after_it_is_no_bare_phase() -> None:
    # 2015年预算安排的培训费 names its own subject (none of the 三公): the 8 万元 item is not repeated for 2015
    text = "公务接待费2016年预算8万元,2015年预算安排的培训费3万元。"
    assert _three_public(text) == {("reception", 2016, Decimal(8))}

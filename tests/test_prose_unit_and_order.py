"""Prose figures named after the unit's own name, or by their phase after an item's heading (issue 13: session 16's misses on the development sets)."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative
from tests.conftest import narrative_figures as figures


def _figures(text: str, own: Collection[str], year: int = 2016) -> dict[tuple[str, str, str], object]:
    """The figures the prose reader takes from ``text`` for a unit named ``own``, by (resource, subject, phase)."""
    found, _ = read_narrative([Line(1, (text,))], year, "budget", own_names=own)
    return {(f.resource, f.subject, f.phase): f.row.get("amount", f.row.get("total")) for f in found}


def test_a_source_named_after_the_units_own_name_is_the_units() -> None:
    # invented: the unit's name (a year before it) stands where 本单位 would: its 事业收入, as “本单位事业收入预算” is
    text = "事业收入:2016年某某科技大学事业收入预算3595.91万元。其中纳入财政专户管理的教育收费预算2103万元,其他事业收入预算1492.91万元。"
    assert _figures(text, {"某某科技大学"})[("revenue_by_source", "business", "approved")] == Decimal("3595.91")
    # counter-cases: without the unit's name known nothing is read; 其他事业收入 after the name is no 事业收入; another
    # body's name (a member unit) is not the unit's
    assert ("revenue_by_source", "business", "approved") not in _figures(text, ())
    assert ("revenue_by_source", "business", "approved") not in _figures("2016年某某科技大学其他事业收入预算1492.91万元。", {"某某科技大学"})
    assert ("revenue_by_source", "business", "approved") not in _figures("2016年附属医院事业收入预算100万元。", {"某某科技大学"})
    # nor is a fund's spending named after the unit's name a function class's row (国有资本经营预算支出 is class 223's name)
    assert _figures("十一、国有资本经营预算支出预算情况说明\n某某审计局2026年国有资本经营预算支出0万元。", {"某某审计局"}, 2026) == {}


def test_spending_named_by_its_phase_alone_after_an_items_heading_is_the_items() -> None:
    # invented: a heading sentence naming an item, then 预算支出 or 支出预算 naming only the phase: the item's figure
    for words in ("预算支出", "支出预算"):
        found = figures(f"(一)因公出国费用。2021年{words}为0万元,本年度计划无人员出国。", year=2021)
        assert found[("three_public", "outbound_travel", "approved")] == Decimal(0)
        assert ("totals", "expenditure_current_year", "approved") not in found
    # an item the reader does not know gives nothing, never the year's spending
    assert figures("(三)培训费。2021年预算支出为5万元。", year=2021) == {}
    # counter-case: a heading saying how something went names no item; the figure stays the year's spending
    assert figures("(二)支出预算情况。2021年支出预算为100万元。", year=2021)[("totals", "expenditure_current_year", "approved")] == Decimal(100)
    # nor does a numbered item stating an amount, or a sentence ending in a decimal (47.5万元。 is no heading “47.”)
    for before in ("3、单位资金收入0万元;4、政府性基金安排的收入0元。", "一、收入预算712.99万元,其中:一般公共预算拨款665.49万元,财政专户拨款47.5万元。"):
        found = figures(f"{before}(二)2023年支出预算712.99万元,其中:基本支出712.99万元。", year=2023)
        assert found[("totals", "expenditure_current_year", "approved")] == Decimal("712.99")

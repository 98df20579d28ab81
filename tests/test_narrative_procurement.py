"""A part of 政府采购 named in the prose (货物类, 工程类, 服务类) is not the 政府采购 total."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative


def procurement_figures(text: str) -> list[Decimal]:
    """The amounts the prose reader publishes as totals.government_procurement."""
    figures, _ = read_narrative([Line(1, (text,))], 2017)
    return [f.row["amount"] for f in figures if f.resource == "totals" and f.row.get("metric") == "government_procurement"]


def test_a_part_named_before_procurement_is_not_the_total() -> None:
    text = "2017年政府采购预算总额1271.22万元，其中：货物类政府采购支出预算259.32万元，服务类政府采购支出预算1011.90万元。"
    assert procurement_figures(text) == [Decimal("1271.22")]


def test_a_part_named_after_procurement_is_not_the_total() -> None:
    text = "政府采购预算1271.22万元，其中政府采购货物预算259.32万元。"
    assert procurement_figures(text) == [Decimal("1271.22")]

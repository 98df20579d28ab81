"""A printed figure the build cannot place is null in its resource and a row of ``doubts``; the checks then never fail on it."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks import check_disclosure
from cnbudget.model import Block, Disclosure, Line
from cnbudget.tables.common import Context
from cnbudget.tables.three_public import read_three_public

# 达川 (seed 000): the 合计 row prints 13.00 twice; 公务用车 13.00 is 购置 + 运行, so the second
# 13.00 is either 购置 or 运行 and the arithmetic cannot say which.
THREE_PUBLIC = [
    "一般公共预算“三公”经费支出预算表",
    "单位：万元",
    "合计 因公出国（境）费用 公务用车购置及运行费 公务接待费",
    "小计 公务用车购置费 公务用车运行费",
    "合 计 15.00 13.00 13.00 2.00",
]


def read(lines: list[str], fiscal_year: int = 2024) -> Disclosure:
    """The disclosure a 三公 table of these text lines gives (amounts in 万元, one per page 7 line)."""
    disclosure = Disclosure({"disclosure_id": "x", "fiscal_year": fiscal_year, "kind": "budget"})
    block = Block("three_public", lines[0], [Line(7, (text,)) for text in lines], Decimal(1), "万元")
    read_three_public(block, Context(disclosure, fiscal_year))
    return disclosure


def test_a_figure_that_fits_two_columns_is_null_there_and_doubted() -> None:
    d = read(THREE_PUBLIC)
    amounts = {r["item"]: r["amount"] for r in d.rows["three_public"]}
    assert amounts == {"total": Decimal("15.00"), "vehicle_total": Decimal("13.00"), "reception": Decimal("2.00")}
    (doubt,) = d.rows["doubts"]
    assert (doubt["resource"], doubt["key"], doubt["read_value"], doubt["page"]) == ("three_public", "2024/vehicle_purchase|vehicle_operation/approved/amount", "13.00", 7)
    assert "“公务用车购置费”、“公务用车运行费”" in doubt["reason"] and doubt["source_table"] == THREE_PUBLIC[0]
    assert [p.code for p in d.problems] == ["ambiguous-columns"]


def test_checks_on_a_doubted_figure_are_not_applicable_never_failures() -> None:
    d = read(THREE_PUBLIC)
    stated = {"subject": "vehicle_operation", "resource": "three_public", "phase": "approved", "fiscal_year": 2024, "amount": Decimal(13), "text": "公务用车运行费13万元", "page": None}
    d.add("statements", {"disclosure_id": "x", "line": 1, **stated})
    by_check = {r["check_id"]: r for r in check_disclosure(d)}
    vehicle, prose = by_check["three-public-vehicle-adds-up"], by_check["three-public-prose-agrees"]
    assert (vehicle["status"], vehicle["subject"], vehicle["expected"], vehicle["actual"]) == ("not_applicable", "2024/table", "13.00", None)
    assert (prose["status"], prose["subject"], prose["expected"], prose["actual"]) == ("not_applicable", "vehicle_operation", None, "13")
    for row in (vehicle, prose):
        assert "不作比较" in row["detail"] and "13.00" in row["detail"] and row["severity"] is None
    assert by_check["three-public-parts-add-up"]["status"] == "pass"  # 15.00 = 13.00 + 2.00 is read with confidence


def test_a_figure_placed_with_confidence_is_not_doubted() -> None:
    d = read([*THREE_PUBLIC[:4], "合 计 15.00 13.00 13.00 0.00 2.00"])
    assert "doubts" not in d.rows
    assert {r["item"]: r["amount"] for r in d.rows["three_public"]}["vehicle_purchase"] == Decimal("13.00")

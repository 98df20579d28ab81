"""Session 16 (tidy41): a “三公” table read across publishes its 机关运行经费 as the other readers do."""

from __future__ import annotations

from decimal import Decimal as D

from tests.tables.conftest import Read, block, read
from tests.tables.test_three_public import items

TITLE = "2011年“三公经费”财政拨款情况表"
ITEMS = ["合 计", "|", "因公出国", "（境）费", "|", "公务用车购置及运行费", "|", "公务接待费", "|"]
OPERATING = ["机关运行经费", "|"]


def _across(groups: list[str], with_operating: bool, figures: list[str]) -> Read:
    """A barred cell-a-line 三公 table (the central 2011 template as a web page copies it), its items across."""
    rows = ["单位：万元"]
    for group in groups:
        rows += [group, "|"]
    for _ in groups:
        rows += ITEMS + (OPERATING if with_operating else [])
    for figure in figures:
        rows += [figure, "|"]
    return read(block("three_public", TITLE, rows), fiscal_year=2011)


def _operating(r: Read) -> list[tuple[str, D]]:
    return [(t["phase"], t["amount"]) for t in r.rows("totals") if t["metric"] == "operating_funds"]


def test_a_table_read_across_publishes_its_operating_funds_as_the_total_not_as_a_three_public_item() -> None:
    r = _across(["2011年“三公经费”财政拨款预算数"], True, ["30.00", "10.00", "15.00", "5.00", "100.00"])
    assert items(r, 2011) == {"total": D("30.00"), "outbound_travel": D("10.00"), "vehicle_total": D("15.00"), "reception": D("5.00")}
    assert _operating(r) == [("approved", D("100.00"))]


def test_another_year_s_operating_funds_read_across_is_not_published_as_the_disclosure_s() -> None:
    groups = ["2010年“三公经费”财政拨款决算数", "2011年“三公经费”财政拨款预算数"]
    r = _across(groups, True, ["28.00", "8.00", "15.00", "5.00", "90.00", "30.00", "10.00", "15.00", "5.00", "100.00"])
    assert items(r, 2010, "executed") == {"total": D("28.00"), "outbound_travel": D("8.00"), "vehicle_total": D("15.00"), "reception": D("5.00")}
    assert items(r, 2011)["total"] == D("30.00")
    assert _operating(r) == [("approved", D("100.00"))]  # 2010's 90.00 is no total of 2011


def test_a_table_read_across_without_operating_funds_reads_as_before() -> None:
    r = _across(["2011年“三公经费”财政拨款预算数"], False, ["30.00", "10.00", "15.00", "5.00"])
    assert items(r, 2011) == {"total": D("30.00"), "outbound_travel": D("10.00"), "vehicle_total": D("15.00"), "reception": D("5.00")}
    assert _operating(r) == [] and [t["amount"] for t in r.rows("totals") if t["metric"] == "three_public_total"] == [D("30.00")]

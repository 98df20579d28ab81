"""Session 16 (review16): a “三公” table of two years publishes only its own year's 机关运行经费 as the disclosure's, whichever reader reads it."""

from __future__ import annotations

from decimal import Decimal as D

from tests.tables.conftest import Read, block, read
from tests.tables.test_three_public import items

TITLE = "2023年一般公共预算“三公”经费支出情况表"
HEAD = ("合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费", "机关运行经费")
UNDER = ("", "", "小计", "公务用车购置费", "公务用车运行费", "", "")


def _two_years(first: str, second: str, figures: tuple[str, ...]) -> Read:
    """A ruled table (items across, one column group a year, 机关运行经费 last in each), read for 2023."""
    rows = ["单位：万元", (first, *[""] * 6, second, *[""] * 6), HEAD * 2, UNDER * 2, figures]
    return read(block("three_public", TITLE, rows), fiscal_year=2023)


def _operating(r: Read) -> list[tuple[str, D]]:
    return [(t["phase"], t["amount"]) for t in r.rows("totals") if t["metric"] == "operating_funds"]


def test_last_year_s_operating_funds_in_a_ruled_table_is_no_total_of_the_disclosure() -> None:
    r = _two_years("2022年预算数", "2023年预算数", ("20.00", "0.00", "15.00", "0.00", "15.00", "5.00", "90.00", "18.00", "0.00", "13.00", "0.00", "13.00", "5.00", "100.00"))
    assert items(r, 2022)["total"] == D("20.00") and items(r, 2023)["total"] == D("18.00")
    assert _operating(r) == [("approved", D("100.00"))]  # 2022's 90.00 is no 机关运行经费 of 2023


def test_a_one_year_table_s_operating_funds_is_still_the_disclosure_s() -> None:
    rows = ["单位：万元", HEAD, UNDER, ("18.00", "0.00", "13.00", "0.00", "13.00", "5.00", "100.00")]
    r = read(block("three_public", TITLE, rows), fiscal_year=2023)
    assert items(r, 2023)["total"] == D("18.00")
    assert _operating(r) == [("approved", D("100.00"))]

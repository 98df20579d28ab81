"""A “三公”经费表 printed a cell a line whose header row and 合计 label were lost (issue 13, session 12): ``tables/three_public_headless``.

The inputs are invented, cut to what the rule reads; the expected values are read from them by a person.
"""

from __future__ import annotations

from tests.tables.conftest import D, block, read
from tests.tables.test_three_public import items

TITLE = "一、2021年度“三公”经费财政拨款支出决算表"
# 预算数 | 决算数 with the header lost: the total's two figures first, then each item's label and figures
HEADLESS = [
    "单位:万元",
    "63.30", "42.00",
    "因公出国(境)费", "0.00", "0.00",
    "公务接待费", "50.50", "30.00",
    "公务用车购置及运行维护费", "12.80", "12.00",
    "其中:公务用车运行维护费", "12.80", "12.00",
    "公务用车购置费", "0.00", "0.00",
    "注:本表反映本年度一般公共预算财政拨款“三公”经费支出预决算情况。",
]


def test_a_headless_table_whose_figures_prove_its_rows_gives_its_last_column_as_the_final_account() -> None:
    r = read(block("three_public", TITLE, HEADLESS), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "executed") == {
        "total": D("42.00"), "outbound_travel": D("0.00"), "reception": D("30.00"),
        "vehicle_total": D("12.00"), "vehicle_operation": D("12.00"), "vehicle_purchase": D("0.00"),
    }
    # the 预算数 column's phase (年初 or 全年) is not printed: its figures are doubts, not rows
    assert items(r, 2021, "approved") == {} and items(r, 2021, "adjusted") == {}
    assert r.doubts()["2021/total/amount"] == ("three_public", "63.30")


def test_a_headless_table_whose_parts_do_not_add_up_is_not_read() -> None:
    # 公务接待费 30.00 → 31.00: the first row is no longer proven the total, nor the columns
    broken = [("31.00" if cell == "30.00" else cell) for cell in HEADLESS]
    r = read(block("three_public", TITLE, broken), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "executed") == {}


def test_a_headless_budget_table_with_two_columns_is_not_read() -> None:
    # a budget's two columns may be 上年 | 本年 or 本年 | 上年: which is this year's is not said
    r = read(block("three_public", "2021年“三公”经费预算表", HEADLESS), fiscal_year=2021, kind="budget")
    assert items(r, 2021, "approved") == {}


def test_a_headless_table_missing_an_item_is_not_read() -> None:
    cut = HEADLESS[:-4]  # 公务用车购置费 and its figures lost: 公务用车 = 购置 + 运行 cannot be proven
    r = read(block("three_public", TITLE, cut), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "executed") == {}

"""Figures in layouts the second held-out set showed once it was measured (issue 13, session 8), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/holdout2 (and hidden3) holds, cut to what
each rule reads, with names and figures invented; expected values are read from those lines by a
person. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.model import Line
from cnbudget.recognise.blocks import recognise_blocks, title_kind
from tests.conftest import narrative_figures as figures
from tests.tables.conftest import D, block, read
from tests.tables.test_three_public import items

FINAL_TITLE = "一、2021年度一般公共预算及政府性基金财政拨款“三公”经费支出决算表"


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. A web table's merged header cells printed once, the row padded with blanks at its end

# 预算数 and 决算数 each over 合计 | 一般公共预算 | 政府性基金; 项目 over both header lines
SPLIT_BY_MONEY = [
    "编制单位:某市某馆 金额单位:万元",
    "项目 | 预算数 | 决算数 | ||||",
    "合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |",
    "因公出国(境)费 | 1.00 | 1.00 | 0.00 | 0.50 | 0.50 | 0.00 |",
    "公务接待费 | 2.00 | 1.50 | 0.50 | 1.20 | 1.20 | 0.00 |",
    "公务用车购置及运行费 | 4.00 | 4.00 | 0.00 | 3.10 | 3.10 | 0.00 |",
    "其中:公务用车运行维护费 | 4.00 | 4.00 | 0.00 | 3.10 | 3.10 | 0.00 |",
    "公务用车购置费 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 | 0.00 |",
    "总计 | 7.00 | 6.50 | 0.50 | 4.80 | 4.80 | 0.00 |",
]


def test_a_web_table_s_left_packed_header_is_spread_back_and_each_phase_s_total_column_read() -> None:
    r = read(block("three_public", FINAL_TITLE, SPLIT_BY_MONEY), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "approved") == {
        "total": D("7.00"), "outbound_travel": D("1.00"), "reception": D("2.00"),
        "vehicle_total": D("4.00"), "vehicle_operation": D("4.00"), "vehicle_purchase": D("0.00"),
    }
    assert items(r, 2021, "executed") == {
        "total": D("4.80"), "outbound_travel": D("0.50"), "reception": D("1.20"),
        "vehicle_total": D("3.10"), "vehicle_operation": D("3.10"), "vehicle_purchase": D("0.00"),
    }


def test_a_packed_header_whose_second_line_does_not_repeat_under_each_group_is_not_spread() -> None:
    # 合计 | 一般公共预算 | 政府性基金 | 小计 | 甲 | 乙: which cell sits under which group is not certain
    rows = [SPLIT_BY_MONEY[0], SPLIT_BY_MONEY[1], "合计 | 一般公共预算 | 政府性基金 | 小计 | 甲 | 乙 | |", *SPLIT_BY_MONEY[3:]]
    r = read(block("three_public", FINAL_TITLE, rows), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "approved").get("reception") != D("2.00") or items(r, 2021, "executed").get("reception") != D("1.20")
    assert D("1.50") not in set(items(r, 2021, "approved").values()) | set(items(r, 2021, "executed").values())


def test_two_columns_of_one_phase_neither_of_them_a_total_are_not_read() -> None:
    rows = ["项目 | 预算数 | 预算数 | 决算数 |", "因公出国(境)费 | 1 | 1 | 0.5 |", "公务接待费 | 2 | 2 | 1 |",
            "公务用车购置及运行费 | 4 | 4 | 3 |", "合计 | 7 | 7 | 4.5 |"]
    r = read(block("three_public", FINAL_TITLE, rows), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "approved") == {}


def test_a_three_public_title_of_both_budgets_is_a_three_public_table_not_the_fund_s() -> None:
    assert title_kind(Line(1, (FINAL_TITLE,))).name == "three_public"  # type: ignore[union-attr]
    assert title_kind(Line(1, ("政府性基金预算财政拨款“三公”经费支出表",))).name == "fund"  # type: ignore[union-attr]
    assert title_kind(Line(1, ("一般公共预算及政府性基金预算支出表",))).name == "fund"  # type: ignore[union-attr]


# 2. A table noting that its figures were rounded

ROUNDED = [
    "项目 | 预算数 | 决算数 |",
    "因公出国(境)费 | 0.00 | 0.00 |",
    "公务接待费 | 0.95 | 0.39 |",
    "公务用车购置及运行费 | 2.10 | 1.37 |",
    "总计 | 3.05 | 1.75 |",
]


def test_a_total_off_by_the_rounding_the_table_declares_is_published() -> None:
    note = "注:本表金额单位转换成万元时,因四舍五入可能存在尾数误差。"
    r = read(block("three_public", FINAL_TITLE, [*ROUNDED, note]), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "executed") == {"total": D("1.75"), "outbound_travel": D("0.00"), "reception": D("0.39"), "vehicle_total": D("1.37")}


def test_without_the_note_or_off_by_more_the_column_is_doubted() -> None:
    r = read(block("three_public", FINAL_TITLE, ROUNDED), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "executed") == {} and "2021/total/executed/amount" in r.doubts()
    assert items(r, 2021, "approved")["total"] == D("3.05")
    off = [*ROUNDED[:-1], "总计 | 3.05 | 1.80 |", "注:因四舍五入可能存在尾数误差。"]
    r = read(block("three_public", FINAL_TITLE, off), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "executed") == {}


# 3. A table a cell a line whose copy ends within its last row

STACKED = ["单位:万元", "项 目 |", "预 算 数 |", "决 算 数 |", "合 计 |", "30 |", "7.5 |", "因公出国(境)费 |", "10 |", "|",
           "公务接待费 |", "12 |", "5.5 |", "公务用车购置及运行维护费 |", "8 |", "2 |", "其中:公务用车运行维护费 |", "8 |", "2 |"]


def test_cells_a_line_ending_with_an_item_whose_cells_are_cut_read_the_rows_before_it() -> None:
    r = read(block("three_public", "一、2021年度一般公共预算财政拨款“三公”经费支出决算表", [*STACKED, "公务用车购置费 |"]), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "approved") == {"total": D("30"), "outbound_travel": D("10"), "reception": D("12"), "vehicle_total": D("8"), "vehicle_operation": D("8")}
    assert items(r, 2021, "executed") == {"total": D("7.5"), "reception": D("5.5"), "vehicle_total": D("2"), "vehicle_operation": D("2")}


def test_a_last_row_cut_after_one_of_its_figures_is_not_read_by_the_cells() -> None:
    # 公务用车购置费 | 0 | and the copy ends: the bars no longer say every row has its two cells
    r = read(block("three_public", "一、2021年度一般公共预算财政拨款“三公”经费支出决算表", [*STACKED, "公务用车购置费 |", "0 |"]), fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "approved").get("outbound_travel") is None


# 4. A completion rate's base: the same item's budget, of the phase its words (or the section's) name


def test_the_budget_a_completion_rate_is_taken_against_is_the_item_s_budget_of_the_phase_named() -> None:
    text = ("(一)总体情况。某厅2023年度“三公”经费财政拨款支出决算为62.07万元,完成全年预算84.82万元的73.2%,比上年决算数增加38.97万元;"
            "其中:因公出国(境)费支出决算为12.02万元,完成预算12.02万元的100%;公务接待费支出决算为22.59万元,完成预算43.2万元的52.3%。")
    found = figures(text, "final_account", 2023)
    assert found[("three_public", "total", "adjusted")] == D("84.82")
    assert found[("three_public", "outbound_travel", "adjusted")] == D("12.02")
    assert found[("three_public", "reception", "adjusted")] == D("43.2")
    assert found[("three_public", "reception", "executed")] == D("22.59")
    found = figures("某局2023年度“三公”经费支出决算为6万元,完成年初预算8万元的75%。", "final_account", 2023)
    assert found[("three_public", "total", "approved")] == D("8")


def test_a_bare_completion_base_with_no_phase_named_before_it_is_no_figure() -> None:
    found = figures("(一)某局2023年度公务接待费支出决算为22.59万元,完成预算43.2万元的52.3%。", "final_account", 2023)
    assert D("43.2") not in found.values()
    # and an amount after 完成 that is no rate's base (完成预算43.2万元, 比…) names nothing
    found = figures("(一)某局2023年度公务接待费支出决算为22.59万元,完成全年预算43.2万元。", "final_account", 2023)
    assert D("43.2") not in found.values()


# 5. A table's note written as sentences is prose too


def test_a_table_s_note_in_sentences_is_read_as_prose() -> None:
    text = lines(
        "2024年某县某镇“三公”经费预算财政拨款情况统计表 | ||||", "单位:万元 | ||||", "项目 | 2023年预算数 | 2024年预算数 |",
        "合计 | 18 | 22 |", "注: 一、“三公”经费增减变化原因说明:因按照2023年预算3万元无法满足需求,2023年公务接待费决算数为7万元。 |",
        "注:单位万元 |", "注:“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。 |",
    )
    blocks = recognise_blocks(text)
    prose = [line.text for b in blocks if b.kind == "narrative" for line in b.lines]
    assert any("决算数为7万元" in t for t in prose)
    assert not any(t.startswith("注:单位万元") for t in prose)  # a note that is no sentence stays with its table
    assert not any(t.startswith("注:“三公”经费包括") for t in prose)  # and one that states no figure
    assert any(line.text.startswith("合计") for b in blocks if b.kind == "three_public" for line in b.lines)
    found = figures(prose[-1], "budget", 2024)
    assert found[("three_public", "reception", "executed")] == D("7")


# 6. A budget's revenue and expenditure given in prose


def test_a_revenue_budget_whose_parts_after_qizhong_list_the_carryover_is_the_revenue_total() -> None:
    text = ("2022年本部门收入预算2626.61万元,其中,一般公共预算拨款2626.61万元,政府性基金预算拨款0万元,国有资本经营预算拨款0万元,上年结转结余0万元。"
            "2022年本部门支出预算2626.61万元,其中,社会保障和就业支出173.39万元。")
    found = figures(text)
    assert found[("totals", "revenue_total", "approved")] == D("2626.61")
    assert found[("totals", "expenditure_total", "approved")] == D("2626.61")
    assert found[("revenue_by_source", "government_fund", "approved")] == D("0")
    assert found[("revenue_by_source", "state_capital", "approved")] == D("0")
    assert found[("revenue_by_source", "carryover", "approved")] == D("0")


def test_a_revenue_budget_listing_no_carryover_stays_the_year_s_revenue_and_an_unequal_expenditure_is_not_the_total() -> None:
    text = "(一)2023年收入预算3814.61万元,其中:1、财政拨款3362.61万元;2、政府性基金安排的收入0元。(二)2023年支出预算3380.61万元,其中:1、人员类项目支出3193万元。"
    found = figures(text, "budget", 2023)
    assert found[("totals", "revenue_current_year", "approved")] == D("3814.61")
    assert ("totals", "revenue_total", "approved") not in found
    assert ("totals", "expenditure_total", "approved") not in found
    assert found[("revenue_by_source", "government_fund", "approved")] == D("0")
    # 政府性基金预算拨款支出 is spending, and a 上年结转 stated of the expenditure is no revenue line
    found = figures("政府性基金预算拨款支出5万元。支出预算中上年结转3万元。")
    assert ("revenue_by_source", "government_fund", "approved") not in found
    assert ("revenue_by_source", "carryover", "approved") not in found


# 7. The vehicle costs named after the 公务用车 the clause before names


def test_purchase_and_running_costs_after_the_fleet_s_size_are_the_vehicle_total() -> None:
    text = "2017年某部财政预算拨款“三公”经费支出合计35万元。其中:因公出国(境)费0万元;公务用车保有量2辆,购置及运行维护费5万元,公务接待费30万元。"
    found = figures(text, "budget", 2017)
    assert found[("three_public", "vehicle_total", "approved")] == D("5")
    # an office's equipment bought and run is no 公务用车
    found = figures("办公设备购置及运行维护费5万元。", "budget", 2017)
    assert ("three_public", "vehicle_total", "approved") not in found

"""Figures in layouts the third held-out set showed once it was measured (issue 13, session 8), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/holdout3 holds, cut to what each rule
reads, with names and figures invented; expected values are read from those lines by a person.
Every rule has its counter-case.
"""

from __future__ import annotations

from decimal import Decimal as D

from cnbudget.model import Line
from cnbudget.recognise.blocks import recognise_blocks
from tests.conftest import narrative_figures as figures
from tests.tables.conftest import block, read


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. The prose's own heading after a table (or a contents entry) ends the table: 1. …情况说明, ……情况说明

CONTENTS_THEN_PROSE = [
    "八、国有资本经营预算财政拨款支出决算表",
    "九、财政拨款“三公”经费支出决算表",
    "某卫生院2023年度部门决算情况说明",
    "1. 收入支出决算总体情况说明",
    "2023年度收、支总计均为812.40万元。与2022年度相比,收、支总计各减少15.00万元,下降2%,主要原因是事业收入减少",
    "2. 收入决算情况说明",
    "2023年度收入合计812.40 万元,与2022年度相比,收入合计减少15.00万元。",
]


def test_a_contents_entry_followed_by_the_prose_s_headings_is_no_table() -> None:
    blocks = recognise_blocks(lines(*CONTENTS_THEN_PROSE))
    assert [b.kind for b in blocks] == ["narrative"]


def test_a_table_title_followed_by_its_header_is_still_a_table() -> None:
    blocks = recognise_blocks(lines("九、财政拨款“三公”经费支出决算表", "单位：万元", "项目 预算数 决算数", "合计 3.00 2.50"))
    assert [b.kind for b in blocks] == ["narrative", "three_public"]


def test_a_table_ends_at_an_unnumbered_heading_that_ends_in_qingkuang_shuoming() -> None:
    rows = ["一、2022年度“三公”经费支出决算表", "单位:万元", "项目 预算数 决算数", "合计 3.00 2.50",
            "2022年度“三公”经费支出情况说明", "某校2022年度“三公”经费支出预算为3.00万元,支出决算为2.50万元。"]
    blocks = recognise_blocks(lines(*rows))
    assert [len(b.lines) for b in blocks] == [2, 4]
    assert blocks[0].lines[0].text == "2022年度“三公”经费支出情况说明"


def test_the_prose_after_a_numbered_heading_reads_the_totals_not_a_three_public_figure() -> None:
    got = figures(lines(*CONTENTS_THEN_PROSE), "final_account", 2023)
    assert got[("totals", "revenue_total", "executed")] == D("812.40")
    assert got[("totals", "expenditure_total", "executed")] == D("812.40")
    # a change named in the sentence before the heading (……事业收入减少) does not make 收入合计 one
    assert got[("totals", "revenue_current_year", "executed")] == D("812.40")
    assert ("three_public", "total", "executed") not in got


def test_a_change_in_the_same_sentence_is_still_a_change() -> None:
    got = figures("2. 收入决算情况说明2023年度收入合计比上年减少15.00万元。", "final_account", 2023)
    assert ("totals", "revenue_current_year", "executed") not in got


# 2. A 收支总表 printed a cell a line, each side 项目 | 行次 | 金额: every label followed by its row number, then its figure

CELL_A_LINE = [
    "部门:某县某中心", "金额单位:万元", "收入", "支出", "项目", "行次", "金额", "项目", "行次", "金额",
    "栏次", "1", "栏次", "2",
    "一、一般公共预算财政拨款收入", "1", "120.50", "一、一般公共服务支出", "29", "118.00",
    "二、政府性基金预算财政拨款收入", "2", "0.00", "二、外交支出", "30", "0.00",
    "三、上级补助收入", "3", "7.00", "三、国防支出", "31",
    "四、事业收入", "4", "2.50", "四、公共安全支出", "32", "0.00",
    "五、经",
]
FINAL_SUMMARY = "收入支出决算总表"


def test_a_summary_printed_a_cell_a_line_reads_each_label_s_figure_after_its_row_number() -> None:
    r = read(block("summary", FINAL_SUMMARY, CELL_A_LINE), fiscal_year=2019, kind="final_account")
    sources = {row["source"]: row["amount"] for row in r.rows("revenue_by_source")}
    assert sources == {"general_public_budget": D("120.50"), "government_fund": D("0.00"), "superior_subsidy": D("7.00"), "business": D("2.50")}
    assert not any(row["amount"] in (D(1), D(29)) for row in r.rows("totals"))


def test_a_row_number_that_goes_on_neither_side_s_count_reads_nothing() -> None:
    # 5 after 3 on the left and 31 on the right: a cell lost or moved, which label owns which figure is not sure
    rows = [*CELL_A_LINE[:30], "四、事业收入", "5", "2.50", "四、公共安全支出", "32", "0.00"]
    r = read(block("summary", FINAL_SUMMARY, rows), fiscal_year=2019, kind="final_account")
    assert not any(row["amount"] == D("2.50") for row in r.rows("revenue_by_source"))
    assert not any(row["amount"] in (D(1), D(2), D(3), D(29)) for row in r.rows("revenue_by_source"))


# 3. The “三公” items of the prose: the item named last, nearest the amount; (含…) no part of a name; 车辆购置/运行 in a
#    sentence about the 公务用车; a heading numbered 1. that is a sentence of its own names the item of the bare 预算数 after it


def test_a_heading_run_into_the_sentence_gives_the_item_named_after_it() -> None:
    got = figures("二、公务用车购置及运行费“公务用车运行维护费”预算数12万元,主要是应急用车费用。")
    assert got == {("three_public", "vehicle_operation", "approved"): D(12)}


def test_the_parent_named_alone_is_still_the_parent() -> None:
    got = figures("2022年公务用车购置及运行费预算数12万元。")
    assert got == {("three_public", "vehicle_total", "approved"): D(12)}


def test_what_brackets_include_does_not_hide_the_item() -> None:
    got = figures("公务用车(含执勤执法用车)运行支出6.20万元,主要用于公务用车运行及维护。", "final_account")
    assert got == {("three_public", "vehicle_operation", "executed"): D("6.20")}


def test_vehicle_parts_named_without_gongwu_yongche_in_a_sentence_about_it() -> None:
    got = figures("2022年车辆运行维护费支出3.05万元,用于公务用车燃料费、维修费。2022年购置公务用车0辆,车辆购置支出0万元。", "final_account")
    assert got == {("three_public", "vehicle_operation", "executed"): D("3.05"), ("three_public", "vehicle_purchase", "executed"): D(0)}


def test_vehicle_parts_without_gongwu_yongche_in_the_sentence_are_not_three_public_figures() -> None:
    assert figures("其中:车辆运行维护费支出3.05万元,办公费2.00万元。", "final_account") == {}
    assert figures("车辆购置税收入补助地方资金支出30万元,用于公务用车以外的公路建设。") == {}


def test_a_heading_numbered_1_gives_the_item_of_the_bare_budget_after_it() -> None:
    got = figures("2.公务接待费。2026年预算数0.80万元,较2025年年初预算减少0.20万元。", "budget", 2026)
    assert got == {("three_public", "reception", "approved"): D("0.80")}


def test_a_numbered_heading_that_names_no_item_gives_the_bare_budget_no_subject() -> None:
    assert figures("2.会议费。2026年预算数0.80万元。", "budget", 2026) == {}


# 4. A “三公” table run into one line of prose (a copy that lost its line breaks): split back into its rows and read

RUN_TOGETHER = (
    "某县某局2021年“三公”经费决算情况说明 一、2021 年一般公共预算财政拨款“三公”经费支出决算表 单位:万元 项 目 预算数 决算数 "
    "合 计 30.00 28.50 公务接待费 10.00 9.50 公务用车购置及运行费 20.00 19.00 其中:公务用车运行维护费 20.00 19.00 "
    "公务用车购置 0 0 因公出国(境)费 二、2021 年一般公共预算财政拨款“三公”经费支出情况说 明 (一)总体情况说明。 "
    "某县某局2021年度“三公”经费支出预算为30万元,支出决算为28.50万元,完成预算的95%。"
)


def test_a_three_public_table_run_into_a_line_is_read_row_by_row_and_the_prose_after_it_stays_prose() -> None:
    from tests.tables.test_three_public import items

    blocks = recognise_blocks(lines(RUN_TOGETHER))
    assert [b.kind for b in blocks] == ["narrative", "three_public"]
    r = read(blocks[1], fiscal_year=2021, kind="final_account")
    assert items(r, 2021, "approved") == {"total": D("30.00"), "reception": D("10.00"), "vehicle_total": D("20.00"), "vehicle_operation": D("20.00"), "vehicle_purchase": D(0)}
    assert items(r, 2021, "executed") == {"total": D("28.50"), "reception": D("9.50"), "vehicle_total": D("19.00"), "vehicle_operation": D("19.00"), "vehicle_purchase": D(0)}
    got = figures(blocks[0].lines, "final_account", 2021)
    assert got[("three_public", "total", "executed")] == D("28.50")


def test_a_long_line_that_names_the_table_without_its_unit_and_header_stays_prose() -> None:
    text = "本单位" + "严格执行规定," * 30 + "“三公”经费支出决算表中公务接待费10.00万元。"
    assert [b.kind for b in recognise_blocks(lines(text))] == ["narrative"]


# 5. A text layer's 三公 table printed one item a row under a header of funds (no item named in it): no row is the items across

BY_FUND = [
    "单位名称:某县某会       单位:万元",
    "项目 2017年预算数合计 公共财政预算拨款 政府性基金预算拨款 国有资本经营预算拨款",
    "一、支出合计 4.9 0 0 0",
    "1、因公出国(境)费用 0",
    "2、公务接待费 1.8",
    "3、公务用车费 3.1 0 0 0",
    "其中:(1)公务用车运行维护费 3.1",
    "(2)公务用车购置 0",
]


def test_a_total_row_under_a_header_of_funds_is_not_spread_over_the_items() -> None:
    from tests.tables.test_three_public import items

    r = read(block("three_public", "某县某会2017年度“三公”经费预算表", BY_FUND), fiscal_year=2017)
    got = items(r, 2017)
    # session 9: the first amount column is the 合计 of the funds after it, so a row's lone figure is its total
    # (tests/test_dev_sets_figures.py); no zero of a full row is spread over the items
    assert got == {"total": D("4.9"), "outbound_travel": D(0), "reception": D("1.8"), "vehicle_total": D("3.1"), "vehicle_operation": D("3.1"), "vehicle_purchase": D(0)}


def test_a_text_layer_s_items_across_under_a_header_that_names_them_are_still_placed() -> None:
    from tests.tables.test_three_public import items

    rows = ["单位:万元", "合计 因公出国(境)费 公务接待费 公务用车购置及运行费 公务用车购置费 公务用车运行费", "4.90 0.00 1.80 3.10 0.00 3.10"]
    r = read(block("three_public", "某县某会2017年度“三公”经费预算表", rows), fiscal_year=2017)
    assert items(r, 2017)["total"] == D("4.90")


# 6. A barred web table of one amount column (项目 | 本年预算数); 公车 for 公务用车 in the prose

ONE_COLUMN = ["单位:万元", "项 目 | 本年预算数 |", "合 计 | 12 |", "1.因公出国(境)费用 | |", "2.公务接待费 | 2 |",
              "3.公务用车费 | 10 |", "其中:(1)公务用车运行维护费 | 10 |", "(2)公务用车购置 | |"]


def test_a_barred_table_of_one_amount_column_is_read_row_by_row_blanks_left_blank() -> None:
    from tests.tables.test_three_public import items

    r = read(block("three_public", "2014年“三公”经费预算财政拨款情况统计表", ONE_COLUMN), fiscal_year=2014)
    assert items(r, 2014) == {"total": D(12), "reception": D(2), "vehicle_total": D(10), "vehicle_operation": D(10)}


def test_a_one_column_table_whose_parts_do_not_add_up_is_doubted() -> None:
    from tests.tables.test_three_public import items

    rows = [*ONE_COLUMN[:2], "合 计 | 15 |", *ONE_COLUMN[3:]]
    r = read(block("three_public", "2014年“三公”经费预算财政拨款情况统计表", rows), fiscal_year=2014)
    assert items(r, 2014).get("total") is None and "2014/total/approved/amount" in r.doubts()


def test_gongche_names_the_vehicle_items() -> None:
    got = figures("2014年某中心安排公车购置及运行维护费38万元。", "budget", 2014)
    assert got == {("three_public", "vehicle_total", "approved"): D(38)}
    assert figures("2014年某中心办公车辆购置支出38万元。", "budget", 2014) == {}

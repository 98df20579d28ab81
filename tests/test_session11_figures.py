"""Figures the development sets' published pages still missed (benchmarks/RESULTS.md, session 11), read by kind (issue 13).

Invented inputs of the same kind, names and amounts changed; expected values worked by hand in the comments.
"""

from __future__ import annotations

from decimal import Decimal

from .conftest import narrative_figures


def _totals(text: str, year: int = 2025) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in narrative_figures(text, year=year).items() if k[0] == "totals"}


def test_a_total_said_after_its_amount_to_leave_out_last_years_carry_over_is_the_years_own() -> None:
    # “总收入 X 万元，总支出 X 万元（不含财政拨款上年未列支结转收支数）”: both are the year's own (本年收入 / 本年支出),
    # the 收支 of the qualifier covering the two; the bare restatement after it (我单位总收入 X 万元，较上年…) is read as nothing
    text = "我单位总收入210.5万元,总支出210.5万元(不含财政拨款上年未列支结转收支数)。我单位总收入210.5万元,较上年减少3.2%。"
    assert _totals(text) == {
        ("totals", "revenue_current_year", "approved"): Decimal("210.5"),
        ("totals", "expenditure_current_year", "approved"): Decimal("210.5"),
    }
    # a qualifier naming one side covers that side only: the 总支出 stays the 支出总计 the words name
    text = "本单位总收入88万元(不含上年结转收入),总支出96万元。"
    assert _totals(text) == {("totals", "revenue_current_year", "approved"): Decimal(88), ("totals", "expenditure_total", "approved"): Decimal(96)}
    # counter-case: a total said to include the carry-over is the 收入总计, as the bare words name it
    assert _totals("本单位总收入120万元(含上年结转20万元)。") == {
        ("totals", "revenue_total", "approved"): Decimal(120),
        ("totals", "carryover_in", "approved"): Decimal(20),
    }


def test_the_words_before_a_colon_the_amount_follows_name_it() -> None:
    # “其中：1、基本支出：357.67万元，占…”: the 基本支出, the words after the last colon being none
    text = "2018年支出预算616.3万元。其中:1、基本支出:402.15万元,占总支出的比重为65.25%,人员经费300.4万元。"
    assert _totals(text, 2018)[("totals", "basic_expenditure", "approved")] == Decimal("402.15")
    # counter-case: a colon earlier in the words, the amount's own words after it (收入情况：本年收入 X) name it
    assert ("totals", "basic_expenditure", "approved") not in _totals("基本支出情况说明:本年收入402.15万元。", 2018)


def test_an_unnumbered_heading_set_off_by_colons_names_the_phase_alone_after_it() -> None:
    # “具体安排情况如下：基本支出：2018年年初预算数为 X 万元” (基本支出 a line of its own): the 基本支出's budget
    text = "2018年一般公共预算拨款收入500.5万元,具体安排情况如下:基本支出:2018年年初预算数为430.2万元,是指为保障单位机构正常运转而发生的支出。"
    assert _totals(text, 2018)[("totals", "basic_expenditure", "approved")] == Decimal("430.2")
    # counter-case: words before the colon that say how something went (……情况如下) name no figure
    text = "2018年一般公共预算拨款收入500.5万元。具体安排情况如下:2018年年初预算数为430.2万元。"
    assert Decimal("430.2") not in _totals(text, 2018).values()


def _sources(text: str, kind: str = "final_account", year: int = 2018) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in narrative_figures(text, kind=kind, year=year).items() if k[0] == "revenue_by_source"}


def test_a_final_accounts_revenue_said_all_general_budget_money_after_its_change_is_the_general_budgets() -> None:
    # “财政拨款总收入 X 万元，比上年增加 p%，均为一般公共预算财政拨款收入”: X is the 一般公共预算's, the change between
    text = "2018年财政拨款总收入1210.35万元,比上年增加12.5%,均为一般公共预算财政拨款收入,无政府性基金预算财政拨款收入。"
    assert _sources(text) == {("revenue_by_source", "general_public_budget", "executed"): Decimal("1210.35")}
    # counter-case: the change's clause saying no more than that names no source
    assert _sources("2018年财政拨款总收入1210.35万元,比上年增加12.5%,主要是人员增加。") == {}


def test_a_final_accounts_sources_and_year_totals_named_bare_after_the_year() -> None:
    # “2018年收入 X 元，支出 Y 元” (a 决算's 总体情况): the year's revenue and, paired with it, the year's expenditure;
    # “2018年一般公共预算财政拨款 X 元，…，事业收入 Y 元”: the 一般公共预算 source by its full name without 收入
    found = narrative_figures("一、收入支出决算总体情况说明:2018年收入5234567元,支出5300000.5元,因人员工资调整略有增加。", kind="final_account", year=2018)
    assert found == {
        ("totals", "revenue_current_year", "executed"): Decimal("523.4567"),
        ("totals", "expenditure_current_year", "executed"): Decimal("530.00005"),
    }
    text = "二、收入决算情况说明:2018年一般公共预算财政拨款5100000元,事业收入134567元。"
    assert _sources(text)[("revenue_by_source", "general_public_budget", "executed")] == Decimal("510.0000")
    # counter-cases: a bare 支出 after a fund's revenue is that fund's, not the year's; the fund's 支出 is no source
    assert narrative_figures("一般公共预算财政拨款收入510万元,支出500万元。", kind="final_account", year=2018).get(("totals", "expenditure_current_year", "executed")) is None
    assert _sources("2018年一般公共预算财政拨款支出510万元。") == {}


def test_a_revenue_whose_listed_carry_over_is_zero_is_the_years_too() -> None:
    # “收入预算 X，…。其中：一般公共预算收入 X，政府性基金预算收入0，上年结转收入0”: nothing carried over, so the 收入总计
    # (as the listed 上年结转 makes it) is the 本年收入合计 as well: 120.5 + 0 + 0 = 120.5
    text = "(一)收入预算。2022年预算收入120.5万元,比2021年预算增加2.3万元。其中:一般公共预算收入120.5万元,政府性基金预算收入0万元,上年结转收入0万元。"
    totals = _totals(text, 2022)
    assert totals[("totals", "revenue_total", "approved")] == totals[("totals", "revenue_current_year", "approved")] == Decimal("120.5")
    # counter-case: 10.5 carried over, the year's own revenue is 110 and no figure of the prose states it
    text = "(一)收入预算。2022年预算收入120.5万元,比2021年预算增加2.3万元。其中:一般公共预算收入110万元,上年结转收入10.5万元。"
    assert ("totals", "revenue_current_year", "approved") not in _totals(text, 2022)


def test_parts_in_hundredths_each_rounded_may_miss_their_whole_by_half_a_hundredth_each() -> None:
    # “总收入 6628.72 万元，其中：财政补助收入 2339.68，事业收入 4131.31，其他收入 157.74”: 6628.73, within 3 × 0.005 of the whole
    text = "2017年总收入5210.40万元,其中:财政补助收入1200.11万元,事业收入3900.15万元,其他收入110.15万元。"
    totals = {k: v for k, v in narrative_figures(text, kind="final_account", year=2017).items() if k[0] == "totals"}
    assert totals[("totals", "revenue_current_year", "executed")] == Decimal("5210.40")  # 1200.11 + 3900.15 + 110.15 = 5210.41
    # counter-case: parts 0.03 short of their whole, more than three roundings explain: something else is in it
    text = "2017年总收入5210.40万元,其中:财政补助收入1200.11万元,事业收入3900.15万元,其他收入110.11万元。"
    totals = {k: v for k, v in narrative_figures(text, kind="final_account", year=2017).items() if k[0] == "totals"}
    assert ("totals", "revenue_current_year", "executed") not in totals


def _three_public(text: str, year: int = 2017) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in narrative_figures(text, year=year).items() if k[0] == "three_public"}


def test_vehicle_parts_listed_after_a_full_stop_under_the_vehicle_figure_are_its_parts_a_printed_zero_included() -> None:
    # “拟安排公车购置及运行维护费 5 万元，较上年…。其中：购置经费 0 万元、运行维护费 5 万元”: the 公务用车's two parts,
    # the 0 printed a figure (a blank would not be)
    text = "三、公务用车购置及运行维护费2017年本校拟安排公车购置及运行维护费5万元,较2016年的4万元增加1万元,主要是由于车辆老化。其中:购置经费0万元、运行维护费5万元,主要用于燃料费、维修费。"
    found = _three_public(text)
    assert found[("three_public", "vehicle_purchase", "approved")] == Decimal(0)
    assert found[("three_public", "vehicle_operation", "approved")] == Decimal(5)
    # counter-case: the sentence before is about the 公务接待费: its 其中 lists no 公务用车 part
    text = "二、公务接待费2017年本校拟安排公务接待费2万元,较2016年的2万元持平。其中:购置经费0万元、运行维护费5万元。"
    assert not {k for k in _three_public(text) if k[1].startswith("vehicle")}


def test_a_count_of_procurement_projects_named_without_government_names_the_procurement_after_it() -> None:
    # “编制了政府采购预算，共涉及采购项目 12 个，采购预算资金 1,234.50 万元”: the 政府采购's budget
    text = "一、政府采购预算情况。根据政府采购法的有关规定,编制了政府采购预算,共涉及采购项目12个,采购预算资金1,234.50万元。"
    assert _totals(text, 2017) == {("totals", "government_procurement", "approved"): Decimal("1234.50")}
    # counter-case: a count of projects that are not procurement: their money is no 政府采购
    assert _totals("共涉及建设项目12个,预算资金1,234.50万元。", 2017) == {}


def test_the_general_budget_money_a_list_of_projects_involves_is_no_revenue_source() -> None:
    # “2026年项目支出均实行了绩效目标管理，涉及一般公共预算财政拨款 X 万元”: the projects' money, not the year's source
    assert _sources("2026年项目支出均实行了绩效目标管理,涉及一般公共预算财政拨款9482.35万元。", kind="budget", year=2026) == {}

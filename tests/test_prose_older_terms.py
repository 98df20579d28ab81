"""Headline figures the prose names in older or regional words (issue 13: the sixth held-out set's kinds)."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from tests.conftest import narrative_figures as figures


def test_a_revenue_budget_named_as_its_grand_total_is_the_revenue_total() -> None:
    # invented: 收入预算总计 is the 收支总表's 收入总计; a 收入预算 alone, or its 总额 or 总数 (tests/test_holdout_layouts.py:
    # the 收入总计 only where its parts name the carry-over), stays the year's revenue
    assert figures("2016年收入预算总计404.77万元,其中公共预算拨款404.77万元。")[("totals", "revenue_total", "approved")] == Decimal("404.77")
    assert figures("2016年支出预算总计404.77万元。")[("totals", "expenditure_total", "approved")] == Decimal("404.77")
    for alone in ("2019年本部门收入预算656.11万元。", "2019年部门收入预算总额656.11万元。"):
        assert ("totals", "revenue_total", "approved") not in figures(alone)
        assert figures(alone)[("totals", "revenue_current_year", "approved")] == Decimal("656.11")


def test_the_general_budgets_older_name_and_a_special_accounts_long_name_are_revenue_sources() -> None:
    found = figures(
        "2017年收入总预算501.98万元。其中:1、一般公共财政预算拨款507.37万元。2、上年结余收入8.3万元。3、纳入财政专户管理的收入安排的资金0万元。"
    )
    assert found[("revenue_by_source", "general_public_budget", "approved")] == Decimal("507.37")
    assert found[("revenue_by_source", "carryover", "approved")] == Decimal("8.3")
    assert found[("revenue_by_source", "fiscal_special_account", "approved")] == Decimal(0)
    # 公共财政 in another sense is no source: 公共财政服务支出
    assert ("revenue_by_source", "general_public_budget", "approved") not in figures("公共财政服务支出12万元。")


def test_personnel_and_public_spending_and_special_projects_in_older_words() -> None:
    found = figures("部门基本支出预算7031563.00元,其中:人员支出5901832.00元,公用支出1129731.00元。部门专项项目预算74000.00元。")
    assert found[("totals", "personnel_expenditure", "approved")] == Decimal("590.1832")
    assert found[("totals", "public_expenditure", "approved")] == Decimal("112.9731")
    assert found[("totals", "project_expenditure", "approved")] == Decimal("7.4")
    # 离退休人员支出 is other money, not the 人员经费
    assert ("totals", "personnel_expenditure", "approved") not in figures("离退休人员支出30万元。")


def test_a_numbered_heading_on_its_own_line_lends_no_words_to_the_sentence_after_it() -> None:
    # invented: the heading's 减少 would make the total after it read as a change
    lines = [Line(1, ("二、“三公”经费预算收支减少情况",)), Line(1, ("2018年财政拨款“三公”经费预算总额为 3.5 万元,其中,公务接待费支出 2 万元。",))]
    assert figures(lines, year=2018)[("three_public", "total", "approved")] == Decimal("3.5")
    # a line that wraps inside a sentence still joins it: the change stays a change
    wrapped = [Line(1, ("“三公”经费预算比上年减",)), Line(1, ("少3.5万元。",))]
    assert ("three_public", "total", "approved") not in figures(wrapped, year=2018)


def test_special_account_and_affiliated_units_in_other_words() -> None:
    found = figures("收入预算总额26.31万元。其中:一般公共预算拨款26.31万元,纳入专户管理的非税收入0万元;附属单位缴款0万元。")
    assert found[("revenue_by_source", "fiscal_special_account", "approved")] == Decimal(0)
    assert found[("revenue_by_source", "affiliated_turnover", "approved")] == Decimal(0)
    assert figures("财政专户管理的非税收入拨款0万元。")[("revenue_by_source", "fiscal_special_account", "approved")] == Decimal(0)


def test_a_units_spending_named_with_its_name_is_the_years_spending() -> None:
    found = figures("2021年度,某镇卫生院支出为430.2258万元。其中:基本支出400万元。", kind="final_account", year=2021)
    assert found[("totals", "expenditure_current_year", "executed")] == Decimal("430.2258")
    # a class's spending is no unit's: 一般公共服务支出为 stays a class
    assert ("totals", "expenditure_current_year", "executed") not in figures("2021年度一般公共服务支出为12万元。", kind="final_account", year=2021)


def test_a_heading_after_another_heading_lends_no_words_either() -> None:
    # invented: the second heading's 收支 would make the 收入总计 after it a 支出总计 as well
    lines = [Line(1, (text,)) for text in ("一、2020年度部门决算收支情况说明", "(一)2020年度部门收支总体情况说明", "2020年度收入总计4670.65万元。")]
    found = figures(lines, kind="final_account", year=2020)
    assert found[("totals", "revenue_total", "executed")] == Decimal("4670.65")
    assert ("totals", "expenditure_total", "executed") not in found


def test_a_departments_预算支出_is_the_years_spending_as_its_预算收入_is_its_revenue() -> None:
    found = figures("2018年部门预算收入总数8105563.00元;2018年部门预算支出总数8105563.00元。")
    assert found[("totals", "revenue_current_year", "approved")] == found[("totals", "expenditure_current_year", "approved")] == Decimal("810.5563")
    # one fund's spending is no year's total
    assert figures("2018年一般公共预算支出100万元。2018年政府性基金预算支出5万元。") == {}
    # a year's 预算支出 under an item's heading is that item's (the heading names it), no year's total
    assert ("totals", "expenditure_current_year", "approved") not in figures("(一)因公出国费用。2021年预算支出为0万元,本年度计划无人员出国。")


def test_a_part_named_inside_the_basic_spending_is_no_basic_spending() -> None:
    # invented, in the way of a hospital's final account: 基本支出中医疗业务支出 is a part of the 基本支出
    found = figures("2017年总支出7778.55万元,其中基本支出7095.35万元。基本支出中医疗业务支出5868.43万元,管理费用1111.10万元。", kind="final_account", year=2017)
    assert found[("totals", "basic_expenditure", "executed")] == Decimal("7095.35")

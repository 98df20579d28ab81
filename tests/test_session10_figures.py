"""Figures the held-out sets still missed on published pages (issue 13, session 10), by kind of layout.

Each rule on a tiny invented input of the kind of layout tests/fixtures/holdout5–holdout7 hold
(names and amounts changed); expected values are read from those lines by a person. Every rule
has its counter-case.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Block, Disclosure, Line
from cnbudget.tables.common import Context
from cnbudget.tables.summary import read_summary

from .conftest import figure_set as figures


def keys(found: set[tuple[str, str, str, Decimal]], resource: str = "totals") -> dict[str, Decimal]:
    return {key: amount for r, key, _, amount in found if r == resource}


# 1. a revenue (expenditure) as a whole, its parts listed next adding up to it exactly: the total and the year's


def test_a_whole_revenue_whose_parts_add_up_is_the_total_and_the_years() -> None:
    found = keys(
        figures(
            "(一)收入预算,2019年年初预算数412.6万元,其中,一般公共预算拨款400.1万元,纳入专户管理的非税收入12.5万元。",
            "(二)支出预算,2019年年初预算数412.6万元,其中:社会保障和就业支出300.1万元。",
        )
    )
    # no 上年结转 among the parts that make up the whole: 收入总计 = 本年收入合计, and what is spent balances it
    assert found["revenue_total"] == Decimal("412.6")
    assert found["revenue_current_year"] == Decimal("412.6")
    assert found["expenditure_total"] == Decimal("412.6")
    assert found["expenditure_current_year"] == Decimal("412.6")


def test_the_parts_may_follow_in_the_next_sentence_with_changes_between_them() -> None:
    found = keys(
        figures(
            "2019年部门收入预算总额30.45万元,比上年预算增加1.02万元,主要是工资调整。其中:一般公共预算拨款30.45万元,"
            "比上年预算增加1.02万元,政府性基金拨款0万元;上级补助收入0万元。支出预算:2019年支出预算数30.45万元。"
        )
    )
    assert found["revenue_total"] == Decimal("30.45")
    assert found["revenue_current_year"] == Decimal("30.45")


def test_a_total_revenue_whose_sources_follow_a_list_of_sub_units() -> None:
    found = figures(
        "(一)收入情况某省某局本年度预算总收入为2210.50万元,其中:本级2000.25万元,某分局210.25万元。比上年增加10万元。"
        "资金来源:一是一般预算财政拨款收入2200.50万元,二是其他收入10万元。(二)支出情况本年度支出预算2210.50万元。"
    )
    # 预算总收入 is the 收入总计; its sources (一般预算: the older name of the 一般公共预算) add up to it
    assert keys(found)["revenue_total"] == Decimal("2210.50")
    assert keys(found)["revenue_current_year"] == Decimal("2210.50")
    assert keys(found, "revenue_by_source")["general_public_budget"] == Decimal("2200.50")


def test_parts_that_do_not_add_up_or_name_a_carryover_keep_the_reading() -> None:
    # the sources add up to 215.3, not 205.3: which figure is whole is not said
    found = keys(figures("(一)收入预算,2018年年初预算数205.3万元,其中,一般公共预算拨款105.3万元,上级补助收入110万元。"))
    assert "revenue_total" not in found and found["revenue_current_year"] == Decimal("205.3")
    # a 上年结转 among the parts: the 收入总计 only, the year's revenue is not printed
    found = keys(figures("2019年收入预算500万元,其中:一般公共预算拨款收入400万元;上年结转结余100万元。"))
    assert found["revenue_total"] == Decimal(500) and "revenue_current_year" not in found
    # parts by sub-unit say nothing of a carry-over
    found = keys(figures("2019年收入预算500万元,其中:本级400万元,某分局100万元。"))
    assert "revenue_total" not in found
    # the year's own revenue (本年收入合计) with parts adding up is still not the 收入总计
    found = keys(figures("2019年本年收入合计500万元,其中:一般公共预算拨款收入500万元。"))
    assert "revenue_total" not in found
    # in whole 万元 (a table's 1361.6271 printed 1,361): parts rounded apart add up by chance, the reading stays
    found = keys(figures("2026年,某中心收入预算1,361万元,其中:财政拨款收入1,237万元,比2025年预算增加225万元;其他收入124万元。"))
    assert "revenue_total" not in found and found["revenue_current_year"] == Decimal(1361)
    # no parts listed (部门预算收入总数 X, 较上年…): the reading stays
    found = keys(figures("某办2019年部门预算收入总数177.1万元,较2018年部门预算收入总数374.3万元减少197.2万元。"))
    assert "revenue_total" not in found


# 2. a final account's sources and year's revenue by the names a school, a hospital or an older page gives them


def test_a_schools_business_revenue_named_with_its_kind_or_the_unit() -> None:
    found = keys(
        figures(
            "2016年度总收入1000.50万元,其中:财政拨款收入600.25万元,教育事业收入300.25万元,其他收入100万元。"
            "②教育事业收入:本年度我院事业收入300.25万元,占总收入的30.01%。",
            year=2016,
            kind="final_account",
        ),
        "revenue_by_source",
    )
    assert found["business"] == Decimal("300.25")
    # 事业单位经营收入 is the 经营收入, not a 事业收入
    found = keys(figures("2016年度总收入100万元,其中:事业单位经营收入100万元。", year=2016, kind="final_account"), "revenue_by_source")
    assert "business" not in found and found["operating"] == Decimal(100)


def test_the_older_name_of_the_general_budget_appropriation() -> None:
    found = keys(figures("2015年共收入540.70万元,其中公共财政拨款540.39万元,其他收入0.31万元。", year=2015, kind="final_account"), "revenue_by_source")
    assert found["general_public_budget"] == Decimal("540.39")
    # 公共财政 alone (no 拨款) names no appropriation
    found = keys(figures("2015年共收入540.70万元,其中公共财政安排540.39万元。", year=2015, kind="final_account"), "revenue_by_source")
    assert "general_public_budget" not in found


def test_the_years_revenue_opening_with_the_year() -> None:
    found = keys(
        figures(
            "(二)2017年度收入决算情况",  # a heading on its own line: its words are not the sentence's
            "2017年本年收入388.93万元,其中财政拨款收入388.93万元,占总收入的100%。",
            year=2017,
            kind="final_account",
        )
    )
    assert found["revenue_current_year"] == Decimal("388.93")
    # a year before 本年收入's other words (2017年本年收入中的财政拨款) is not the year's revenue
    found = keys(figures("2017年本年收入中财政拨款收入388.93万元。", year=2017, kind="final_account"))
    assert "revenue_current_year" not in found


# 3. a bare total (合计 X) after a clause naming what is summed; a procurement budget after its count of projects


def test_a_bare_total_takes_what_the_clause_before_it_names() -> None:
    found = keys(
        figures(
            "六、2020年机关运行经费预算情况",
            "2020年本部门履行一般行政事业管理职能、维持机关运行,用于一般公共预算安排的行政运行经费,合计785.6万元。包括办公费及印刷费。",
            year=2020,
        )
    )
    assert found["operating_funds"] == Decimal("785.6")
    # the clause before states an amount of its own: the 合计 is of a list, whose subject is not said
    found = keys(figures("其中:办公费10万元,印刷费20万元,合计30万元。", year=2020))
    assert not found


def test_a_procurement_budget_after_its_count_of_projects() -> None:
    found = keys(figures("四、政府采购情况", "2020年涉及政府采购项目2个,预算资金12.5万元。", year=2020))
    assert found["government_procurement"] == Decimal("12.5")
    # 政府购买服务 is not 政府采购
    found = keys(figures("五、政府购买服务情况", "2020年涉及政府购买服务项目2个,预算资金12.5万元。", year=2020))
    assert "government_procurement" not in found


# 4. the cost item a clause names, paid from the fund the words before the amount name; 上级补助拨款


def test_a_cost_item_named_before_the_fund_paying_for_it() -> None:
    found = figures(
        "四、其他重要事项的情况说明",
        "1、机关运行经费2018年本级的机关运行经费,当年一般公共预算拨款7.83万元,比2017年预算减少2.69万元。",
        year=2018,
    )
    assert keys(found)["operating_funds"] == Decimal("7.83")
    assert "general_public_budget" not in keys(found, "revenue_by_source")
    # a revenue named before the fund: the fund's revenue, as before
    found = figures("(一)收入预算,2018年年初预算数7.83万元,其中,一般公共预算拨款7.83万元。", year=2018)
    assert keys(found, "revenue_by_source")["general_public_budget"] == Decimal("7.83")


def test_a_superior_subsidy_named_an_appropriation() -> None:
    found = figures("(一)收入预算2018年年初预算数215.3万元,其中一般公共预算拨款115.3万元,上级补助拨款100万元。", year=2018)
    assert keys(found, "revenue_by_source")["superior_subsidy"] == Decimal(100)
    # 上级补助 alone, without 收入 or 拨款, is no source named
    found = figures("(一)收入预算2018年年初预算数215.3万元,其中一般公共预算拨款115.3万元,上级补助100万元。", year=2018)
    assert "superior_subsidy" not in keys(found, "revenue_by_source")


# 5. a 财政拨款收支总表 printed a row a line with its cells barred, and no 收支总表: its appropriation lines


def _fiscal_summary(*texts: str, with_summary: bool = False) -> Disclosure:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "budget"})
    title = "财政拨款收支预算总表"
    block = Block("fiscal_summary", title, [Line(1, (title,)), *(Line(1, (text,)) for text in texts)], Decimal(1), "万元")
    blocks = [block, *([Block("summary", "部门收支总表", [Line(2, ("部门收支总表",))], Decimal(1), "万元")] if with_summary else [])]
    read_summary(block, Context(disclosure, 2020, "unit.txt", Decimal(1), blocks=blocks))
    return disclosure


_BARRED = (
    "单位:万元",
    "收 入 | 支 出 | ||||",
    "项 目 | 预算数 | 项目(按功能分类) | 预算数 | ||",
    "小计 | 一般公共预算财政拨款支出 | 政府性基金预算财政拨款支出 | |||",
    "一、本年收入 | 778.18 | 一、本年支出 | 778.18 | 778.18 | |",
    "(一)一般公共预算财政拨款收入 | 778.18 | (一)一般公共服务支出 | |||",
    "(二)政府性基金预算财政拨款收入 | (二)外交支出 | ||||",
)


def test_a_barred_fiscal_summarys_general_budget_line_with_no_summary_printed() -> None:
    rows = _fiscal_summary(*_BARRED).rows.get("revenue_by_source", [])
    assert {r["source"]: r["amount"] for r in rows} == {"general_public_budget": Decimal("778.18")}  # the blank fund line: none
    # the 本年收入 of a 财政拨款收支总表 is the appropriations' total, not all revenue: no headline figure
    assert not _fiscal_summary(*_BARRED).rows.get("totals")
    # with a 收支总表 printed, its own revenue lines stand: the 财政拨款收支总表's are not read
    assert not _fiscal_summary(*_BARRED, with_summary=True).rows.get("revenue_by_source")


def test_a_fiscal_summarys_carried_over_appropriation_is_not_the_years() -> None:
    # the year's 政府性基金 line blank, the 上年结转's 政府性基金 line 50.00: the fund's revenue of the year is not printed
    carried = (
        "二、上年结转 | 50.00 | 二、年末结转和结余 | |||",
        "(一)一般公共预算财政拨款收入 | (一)一般公共服务支出 | ||||",
        "(二)政府性基金预算财政拨款收入 | 50.00 | | |||",
        "收入总计 | 828.18 | 支出总计 | 828.18 | 778.18 | 50.00 |",
    )
    rows = _fiscal_summary(*_BARRED, *carried).rows.get("revenue_by_source", [])
    assert {r["source"]: r["amount"] for r in rows} == {"general_public_budget": Decimal("778.18")}

"""Figures the fresh sets' published pages missed (holdout12, holdout13; benchmarks/RESULTS.md, session 12, figs24), by kind.

Invented inputs of the same kind, names and amounts changed; expected values worked by hand in the comments.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Block, Line
from cnbudget.normalise.disclosure import prose_only

from .conftest import narrative_figures

# 1. the contents' last entry (10.2023年项目支出表) taken for a table's title, the explanation after it under it


def _block(*texts: str) -> Block:
    title = "10.2024年项目支出表"
    return Block("projects", title, [Line(1, (title,)), *(Line(1, (text,)) for text in texts)], None)


def test_headings_and_sentences_under_a_contents_entry_are_prose() -> None:
    block = _block(
        "一、部门主要职责",
        "某某社区卫生服务中心是一所综合卫生服务机构,担负着辖区的公共卫生服务。",
        "三、预算收支及增减变化情况",
        "2024年部门预算总收入512.4万元,其中财政拨款收入512.4万元,占预算收入100%。",
        "2024年部门预算总支出512.4万元,其中基本支出512.4万元,占比100%;项目支出0万元,占比0%。",
    )
    assert prose_only(block)
    found = narrative_figures(block.lines[1:], year=2024)
    assert found[("totals", "revenue_current_year", "approved")] == Decimal("512.4")
    assert found[("totals", "basic_expenditure", "approved")] == Decimal("512.4")
    assert found[("totals", "project_expenditure", "approved")] == Decimal(0)


def test_a_table_under_a_contents_entry_or_prose_stating_no_amount_is_not_prose() -> None:
    # a table's rows (a name, an amount a line) among the headings: the table's, not prose
    assert not prose_only(_block("一、部门主要职责", "项目名称", "某某专项经费", "12.5"))
    # headings and sentences that state no amount: nothing for the narrative, the block stays the table's
    assert not prose_only(_block("一、部门主要职责", "某某中心是一所综合卫生服务机构。", "二、机构设置情况"))


# 2. 日常公用支出 beside 人员支出 in a budget's 按支出用途分类: the 公用经费 by its daily name


def test_daily_public_expenditure_is_the_public_expenditure() -> None:
    found = narrative_figures("(二)按支出用途分类,包括人员支出2105万元,日常公用支出3380万元,项目支出96.5万元。", year=2021)
    assert found[("totals", "public_expenditure", "approved")] == Decimal(3380)
    assert found[("totals", "personnel_expenditure", "approved")] == Decimal(2105)


def test_a_part_of_the_daily_public_expenditure_is_not_it() -> None:
    # counter-case: an item of it (日常公用支出中的办公费) is that item, not the 公用经费
    found = narrative_figures("日常公用支出中的办公费38万元。", year=2021)
    assert ("totals", "public_expenditure", "approved") not in found


# 3. 政府采购总额: the year's procurement


def test_a_procurement_total_is_the_government_procurement() -> None:
    found = narrative_figures("五、政府采购支出情况。2018年度政府采购总额61.7万元,其中:货物20.5万元,工程41.2万元。", year=2018, kind="final_account")
    assert found[("totals", "government_procurement", "executed")] == Decimal("61.7")


def test_a_procurement_parts_total_is_not_the_government_procurement() -> None:
    # counter-case: 货物类政府采购总额 is the 货物 part only
    found = narrative_figures("2018年度货物类政府采购总额20.5万元。", year=2018, kind="final_account")
    assert ("totals", "government_procurement", "executed") not in found


# 4. 决算收入 X 万元，来源有3部分: a final account's 收入决算 named the other way round


def test_a_final_accounts_revenue_named_the_other_way_round_is_the_years_revenue() -> None:
    text = "(二)部门决算收入来源情况。决算收入2210.3万元,来源有3部分:财政拨款、事业收入和其他收入。"
    found = narrative_figures(text, year=2013, kind="final_account")
    assert found[("totals", "revenue_current_year", "executed")] == Decimal("2210.3")
    assert ("totals", "revenue_total", "executed") not in found


def test_one_sources_final_revenue_is_no_total() -> None:
    # counter-case: 财政拨款决算收入 and 事业决算收入 are sources' figures, never the year's revenue
    found = narrative_figures("财政拨款决算收入2000.1万元,事业决算收入210.2万元。", year=2013, kind="final_account")
    assert ("totals", "revenue_current_year", "executed") not in found


# 5. 财政拨款 X 万元，占总收入的P%，均为一般公共预算财政拨款: the share between the amount and the clause


def test_an_appropriation_said_all_general_budget_after_its_share_is_the_general_budgets() -> None:
    text = "2018年本年收入合计310.4万元。其中:财政拨款290.6万元,占总收入的93.62%,均为一般公共预算财政拨款;事业收入0万元。"
    found = narrative_figures(text, year=2018, kind="final_account")
    assert found[("revenue_by_source", "general_public_budget", "executed")] == Decimal("290.6")


def test_an_appropriation_spent_or_not_said_all_general_is_no_source() -> None:
    # counter-cases: the 财政拨款's 支出 said to be general budget money; a share with no such clause after it
    found = narrative_figures("其中:财政拨款支出290.6万元,占总支出的93.62%,均为一般公共预算财政拨款。", year=2018, kind="final_account")
    assert ("revenue_by_source", "general_public_budget", "executed") not in found
    found = narrative_figures("其中:财政拨款290.6万元,占总收入的93.62%,含政府性基金预算拨款12万元。", year=2018, kind="final_account")
    assert ("revenue_by_source", "general_public_budget", "executed") not in found


def test_an_appropriation_in_a_sentence_about_spending_is_no_source() -> None:
    # counter-case: 财政拨款 alone among the parts of the 本年支出合计 is the money spent, whatever it is said to be
    text = "2018年本年支出合计300.1万元。其中:财政拨款290.6万元,均为一般公共预算财政拨款;其他资金9.5万元。"
    found = narrative_figures(text, year=2018, kind="final_account")
    assert ("revenue_by_source", "general_public_budget", "executed") not in found
    text = "2018年本年收入合计300.1万元,本年支出合计300.1万元。其中:财政拨款290.6万元,均为一般公共预算财政拨款。"
    found = narrative_figures(text, year=2018, kind="final_account")
    assert ("revenue_by_source", "general_public_budget", "executed") not in found

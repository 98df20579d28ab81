"""Session 12, after holdout12's measure: an economic class's figure named with 支出预算 is never the year's total.

A 县 court's 预算执行情况分析 lists its basic spending's classes in brackets (工资福利支出预算 X, 对个人和家庭的补助支出预算
Y): each was read as the year's 本年支出合计 and then compared with the 基本支出 + 项目支出 and with each other, two fails
of the build's own making. Invented examples.
"""

from __future__ import annotations

from cnbudget.read import text_to_lines


def _totals(text: str) -> list[tuple[str, str]]:
    from cnbudget.normalise.narrative import read_narrative

    figures, _ = read_narrative(text_to_lines(text), 2016, "final_account")
    return [(f.subject, str(f.row.get("amount"))) for f in figures if f.resource == "totals"]


def test_an_economic_class_budget_is_not_the_years_expenditure() -> None:
    text = "2016支出预算为500万元,其中:基本支出预算300万元(包括工资福利支出预算210.50万元,对个人和家庭的补助支出预算40.25万元,商品和服务支出49.25万元);项目支出预算200万元。\n"
    totals = _totals(text)
    assert ("expenditure_current_year", "210.50") not in totals and ("expenditure_current_year", "40.25") not in totals
    assert ("expenditure_current_year", "500") in totals  # counter-case: the whole's 支出预算 is still the year's


def test_the_years_expenditure_budget_alone_is_still_read() -> None:
    # counter-case: a 支出预算 with no class before it is the year's, as before
    assert ("expenditure_current_year", "812.40") in _totals("2016年支出预算812.40万元。\n")

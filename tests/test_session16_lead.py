"""Kinds the fresh set holdout20 showed on its first measure (benchmarks/RESULTS.md, session 16), read by kind.

Invented inputs in the style of the 海南 budget template (a 财政拨款收支预算情况的总体说明 as the only account of the
money), names and amounts changed; expected values worked by hand in the comments.
"""

from __future__ import annotations

from decimal import Decimal as D

from cnbudget.normalise.narrative import read_narrative
from cnbudget.normalise.rows import table_figures

from .conftest import text_lines

_BODY = "某某林场财政拨款收支总预算77.82万元。其中，收入总计77.82万元，包括一般公共预算本年收入70.50万元、上年结转2.00万元，政府性基金预算本年收入5.32万元、上年结转0万元；支出总计77.82万元，包括农林水支出77.82万元，结转下年0万元。"


def _stood_in(*lines: str) -> dict[tuple[str, str], D]:
    """The prose figures that may stand in for table rows, by (resource, subject)."""
    found, _ = read_narrative(text_lines(*lines), 2025, "budget")
    return {(f.resource, f.subject): f.row["amount"] for f in table_figures(found) if "amount" in f.row}  # type: ignore[misc]


# 1. Each appropriation named with 本年: 一般公共预算本年收入 70.50 and 政府性基金预算本年收入 5.32 are the two revenue lines,
#    whatever else the unit has (the 一般公共预算 is always an appropriation).


def test_each_budget_s_revenue_named_with_this_year_is_its_revenue_line() -> None:
    found = _stood_in("一、关于某某林场2025年财政拨款收支预算情况的总体说明", _BODY)
    assert found[("revenue_by_source", "general_public_budget")] == D("70.50")
    assert found[("revenue_by_source", "government_fund")] == D("5.32")
    # counter-case: 本年收入 alone names the year's whole revenue, no fund's
    assert ("revenue_by_source", "general_public_budget") not in _stood_in("一、收支预算总体情况", "2025年本年收入77.82万元。")


# 2. The 收入总计/支出总计 of a section about the appropriations are the 财政拨款收支总表's, as that table's totals are: a
#    unit with 事业收入 (a 财政差额 unit) has a larger 收入总计. They stay statements; they are not the unit's totals.


def test_totals_of_a_section_about_the_appropriations_are_not_the_unit_s() -> None:
    found = _stood_in("一、关于某某林场2025年财政拨款收支预算情况的总体说明", _BODY)
    assert not any(resource == "totals" for resource, _ in found)
    assert ("revenue_by_source", "carryover") not in found  # the appropriations' 上年结转, not all the unit carries
    statements = {f.subject for f in read_narrative(text_lines("一、关于某某林场2025年财政拨款收支预算情况的总体说明", _BODY), 2025, "budget")[0]}
    assert {"revenue_total", "expenditure_total"} <= statements  # still read, and published as statements
    # counter-case: the same sentence under a heading about the whole budget gives the unit's totals
    found = _stood_in("一、关于某某林场2025年收支预算情况的总体说明", _BODY)
    assert found[("totals", "revenue_total")] == D("77.82") and found[("totals", "expenditure_total")] == D("77.82")


# 3. A heading numbered in figures on its own line (1、综合收支与上年度决算对比情况) above “2017年度收入X万元”: its words are
#    not the sentence's, as a heading numbered 一、 is not (the year's revenue was read as the heading's).


def test_a_heading_numbered_in_figures_is_not_the_sentence_below_it() -> None:
    found, _ = read_narrative(text_lines("1、综合收支与上年度决算对比情况", "2017年度收入1858.06万元，与上年相比，增加193万元。"), 2017, "final_account")
    assert [(f.subject, f.phase, f.row["amount"]) for f in found] == [("revenue_current_year", "executed", D("1858.06"))]
    # counter-case: a numbered line stating its amount is a sentence, not a heading (its figure is read from it)
    found, _ = read_narrative(text_lines("1、本年收入1858.06万元", "2、本年支出1800.00万元。"), 2017, "final_account")
    assert {(f.subject, f.row["amount"]) for f in found} == {("revenue_current_year", D("1858.06")), ("expenditure_current_year", D("1800.00"))}


# 4. The template's second direction offered with 或 (增加(或减少)0万元，增长(或下降)0%) kept in the text: both alternatives.


def test_both_directions_offered_with_or_are_a_remnant() -> None:
    from cnbudget.checks.remnants import check_both_alternatives
    from cnbudget.model import Evidence

    from .checks.conftest import run

    prose = "上级补助收入0万元。较2016年度决算数增加(或减少)0万元，增长(或下降)0%，主要是无收入原因。"
    [result] = run(check_both_alternatives, evidence=Evidence(prose=prose))
    assert result["status"] == "fail" and "增加(或减少)" in result["detail"]
    # counter-case: a bracket giving the reason after a direction is not a second direction
    assert run(check_both_alternatives, evidence=Evidence(prose="较上年增加(或因人员增加)5万元。")) == []


# 5. A page that prints no table, only its 目录's titles (九、部门(单位)支出总表): no table is printed, empty or not.


def test_the_titles_of_a_contents_list_are_no_table_printed_empty() -> None:
    from cnbudget.checks.document import check_required_tables
    from cnbudget.model import BlockSummary, Evidence

    from .checks.conftest import run

    listed = [BlockSummary(kind, title, label, 1, 0, None, empty=True) for kind, title, label in (("expenditure", "九、部门(单位)支出总表", "支出总表"),)]
    results = run(check_required_tables, evidence=Evidence(blocks=listed, prose="一、关于收支预算情况的说明。"))
    assert [r["status"] for r in results] == ["not_applicable"] * 4
    assert "空表" not in results[1]["detail"]
    # counter-case: beside a table with figures, a table printed with its header only is printed and empty
    printed = BlockSummary("summary", "一、收支总表", "收支总表", 1, 5, "万元")
    results = run(check_required_tables, evidence=Evidence(blocks=[printed, *listed], prose="说明。"))
    assert results[1]["status"] == "pass" and "空表" in results[1]["detail"]

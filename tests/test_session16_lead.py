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


# 6. A 其中 list with a part printed to more places than its total (其他收入0.011559万元, from 元): 194.43 + 0.011559 is
#    194.441559, which is 194.44 at the total's two places — the total agrees; a 0.01 gap at its places does not.


def test_a_total_agrees_with_parts_printed_to_more_places_when_their_sum_rounds_to_it() -> None:
    from cnbudget.checks.prose_sums import check_revenue_sources
    from cnbudget.model import Evidence

    from .checks.conftest import run

    prose = "本年收入合计194.44万元，其中：财政拨款收入194.43万元，占比99.99%；上级补助收入0万元；其他收入0.011559万元，占比0.006%。"
    [result] = [r for r in run(check_revenue_sources, evidence=Evidence(prose=prose)) if r["check_id"] == "revenue-lines-add-up"]
    assert result["status"] == "pass"
    # counter-case: parts at the total's own places, 0.01 apart, still fail (as rounding)
    prose = "本年收入合计194.44万元，其中：财政拨款收入194.42万元，占比99.99%；其他收入0.01万元，占比0.01%。"
    [result] = [r for r in run(check_revenue_sources, evidence=Evidence(prose=prose)) if r["check_id"] == "revenue-lines-add-up"]
    assert result["status"] == "fail" and result["severity"] == "rounding"


# 7. A list of tables before the prose (九、财政拨款“三公”经费支出决算表) is no heading of the prose after it: the section a
#    figure is in is named by the last heading that is not a table's title (else a 收、支总计 below the list would be
#    taken for the appropriations' alone, by item 2).


def test_a_table_s_title_in_a_list_of_tables_heads_no_prose_section() -> None:
    from cnbudget.normalise.prose_subjects import section_scope

    text = "二、收入支出决算总体情况说明。八、国有资本经营预算财政拨款支出决算表九、财政拨款“三公”经费支出决算表第三部分情况说明2023年度收、支总计均为4680.58万元。"
    assert section_scope(text, text.index("4680.58")) == "all"
    # counter-case: a heading about the appropriations that is no table's title names the section
    text = "二、财政拨款收入支出决算总体情况说明。2023年度财政拨款收、支总计均为4680.58万元。"
    assert section_scope(text, text.index("4680.58")) == "other"


# 8. 2015年共收入 X 万元 / 2015年共支出 Y 万元: the year's revenue and expenditure, 共 (in all) as 2015年收入 X is.


def test_the_year_s_revenue_in_all_is_the_year_s_revenue() -> None:
    found, _ = read_narrative(text_lines("2015年共收入639.70万元，其中公共财政拨款639.39万元。2015年共支出563.73万元。"), 2015, "final_account")
    totals = {(f.subject, f.row["amount"]) for f in found if f.resource == "totals"}
    assert totals == {("revenue_current_year", D("639.70")), ("expenditure_current_year", D("563.73"))}
    # counter-case: a sum of items named after 共 is not the year's revenue
    found, _ = read_narrative(text_lines("2015年共收取租金收入12.00万元。"), 2015, "final_account")
    assert not any(f.subject == "revenue_current_year" for f in found)


# 9. “2017年度预算收入年初1351.51万元” in a final account: the words end on 年初, the budget as adopted — not the year's
#    revenue as spent (it was set against 2017年度收入1858.06万元 as one figure stated twice).


def test_words_ending_on_the_budget_s_start_of_year_name_the_initial_budget() -> None:
    found, _ = read_narrative(text_lines("2017年度收入1858.06万元。2017年度预算收入年初1351.51万元，年末财政拨款收入1858.06万元。"), 2017, "final_account")
    phases = {(f.subject, f.phase, f.row["amount"]) for f in found if f.resource == "totals"}
    assert ("revenue_current_year", "approved", D("1351.51")) in phases and ("revenue_current_year", "executed", D("1858.06")) in phases
    # counter-case: a 年初结转 is last year's money, no phase word
    found, _ = read_narrative(text_lines("2017年度年初结转和结余20.00万元。"), 2017, "final_account")
    assert [(f.subject, f.phase) for f in found] == [("carryover_in", "executed")]


# 10. “2020年度,胡川镇中心小学支出为1223.9441万元。其中:基本支出…”: the unit's expenditure, named, as a 卫生院's is.


def test_a_school_s_expenditure_named_with_the_school_is_the_year_s() -> None:
    found, _ = read_narrative(text_lines("2020年度，某镇中心小学支出为1223.9441万元。其中：基本支出1223.9441万元。"), 2020, "final_account")
    assert ("expenditure_current_year", D("1223.9441")) in {(f.subject, f.row["amount"]) for f in found}
    # counter-case: an item's spending named before 支出为 is the item's (公务接待费支出为)
    found, _ = read_narrative(text_lines("2020年度公务接待费支出为1.20万元。"), 2020, "final_account")
    assert not any(f.subject == "expenditure_current_year" for f in found)


# 11. A change parted by a comma from the figure nearest it, in a sentence that states other figures first, and that the
#     nearest cannot be of (a rise larger than it: last year below zero): which one changed the sentence does not say.
#     It is judged by the others (subjects.sentence_figures): it holds where one gives the printed rate and fails only
#     where none does; nor is the rise called impossible where a larger figure of the sentence may have risen. A change
#     the nearest figure can be of is judged against it, as always (tests/test_session10_precision.py).


def test_a_change_whose_figure_the_sentence_does_not_name_is_judged_by_each_figure() -> None:
    from cnbudget.checks.percentages import check_last_year_figure
    from cnbudget.checks.yoy import check_year_on_year
    from cnbudget.model import Evidence

    from .checks.conftest import run

    # 1262.71 − 149.44 = 1113.27, 149.44 / 1113.27 = 13.42%; 134.56 − 149.44 is below zero: no figure gives 13.06%
    prose = "本部门2020年度收入总计1262.71万元，其中年初结转和结余134.56万元，较2019年增加149.44万元，增长13.06%。"
    [result] = run(check_year_on_year, evidence=Evidence(prose=prose), fiscal_year=2020)
    assert result["status"] == "fail" and "1262.71" in result["detail"] and "134.56" in result["detail"]
    assert run(check_last_year_figure, evidence=Evidence(prose=prose), fiscal_year=2020) == []  # not “impossible”: 1262.71 may have risen
    # counter-case: the sentence's first figure gives the rate (1262.71 − 149.44 = 1113.27, 13.42%): it holds
    [result] = run(check_year_on_year, evidence=Evidence(prose=prose.replace("13.06%", "13.42%")), fiscal_year=2020)
    assert result["status"] == "pass"
    # counter-case: a sentence stating no other figure: the rise larger than its figure is impossible, as before
    alone = "年初结转和结余134.56万元，较2019年增加149.44万元，增长13.06%。"
    assert [r["check_id"] for r in run(check_last_year_figure, evidence=Evidence(prose=alone), fiscal_year=2020)] == ["change-agrees"]


def test_a_rise_from_nothing_in_a_sentence_of_two_figures_still_fails() -> None:
    # holdout17's 儋州实验幼儿园: both figures 506.91, the rise 506.91 — no reading gives last year above zero
    from cnbudget.checks.yoy import check_year_on_year
    from cnbudget.model import Evidence

    from .checks.conftest import run

    prose = "2024年度收入总计506.91万元,支出总计506.91万元,与2023年度相比,收入、支出总计各增加506.91万元,增长100%。"
    [result] = run(check_year_on_year, evidence=Evidence(prose=prose), fiscal_year=2024)
    assert result["status"] == "fail" and "上年数为 0" in result["detail"]


# 12. Changes stated in the sentence after their figures, each naming its subject (holdout19's 环县: 收入减少15.65万元,
#     增长-5.86% after 收入总计267.07万元,支出总计213万元 — 5.54% against last year's 282.72; the 5.86% is over this year's),
#     or naming none, of the one figure before (holdout21's 张棉驿: 事业收入37.1949万元,为…。较上年度…增加4.1262万元,增长11%).


def test_a_change_naming_its_subject_is_judged_against_the_figure_of_that_name_before_it() -> None:
    from cnbudget.checks.named_changes import check_named_changes
    from cnbudget.model import Evidence

    from .checks.conftest import run

    prose = "本部门2018年度收入总计267.07万元,支出总计213万元。与2017年决算数相比,收入减少15.65万元,增长-5.86%,支出减少75.99万元,增长-35.68%。"
    results = run(check_named_changes, evidence=Evidence(prose=prose), fiscal_year=2018)
    assert [(r["status"], r["actual"]) for r in results] == [("fail", "5.54%"), ("fail", "26.30%")]
    assert "267.07" in results[0]["detail"] and "213" in results[1]["detail"]
    prose = "3.事业收入37.1949万元,为事业单位开展专业业务活动取得的收入。较上年度决算数增加4.1262万元,增长11%。"
    [result] = run(check_named_changes, evidence=Evidence(prose=prose), fiscal_year=2020)
    assert result["status"] == "fail" and "增长11%" in result["detail"] and "33.0687" in result["detail"]
    # counter-cases: the right rates hold; a subject two figures' words share is not judged; a sentence ending on its
    # figure is yoy's carried check's
    prose = "本部门2018年度收入总计267.07万元,支出总计213万元。与2017年决算数相比,收入减少15.65万元,下降5.54%。"
    assert [r["status"] for r in run(check_named_changes, evidence=Evidence(prose=prose), fiscal_year=2018)] == ["pass"]
    prose = "财政拨款收入200万元,事业收入67.07万元。与2017年相比,收入减少15.65万元,下降9%。"
    assert run(check_named_changes, evidence=Evidence(prose=prose), fiscal_year=2018) == []
    prose = "收入总计100万元。与上年相比,增加10万元,增长20%。"
    assert run(check_named_changes, evidence=Evidence(prose=prose), fiscal_year=2018) == []


def test_a_change_after_a_list_that_lost_its_line_breaks_is_of_the_last_item() -> None:
    # holdout21's 张棉驿: “…应急处理2.上级补助收入0万元3.事业收入37.1949万元,为…的收入。较上年度决算数增加4.1262万元,增长11%”
    from cnbudget.checks.named_changes import check_named_changes
    from cnbudget.model import Evidence

    from .checks.conftest import run

    prose = "主要原因是应急处理2.上级补助收入0万元3.事业收入37.1949万元,为事业单位开展业务活动取得的收入。较上年度决算数增加4.1262万元,增长11%。"
    [result] = run(check_named_changes, evidence=Evidence(prose=prose), fiscal_year=2020)
    assert result["status"] == "fail" and "“事业收入” 37.1949" in result["detail"]
    # counter-case: two figures in the last item, no subject named: which one changed is not said
    prose = "2.上级补助收入0万元3.事业收入37.1949万元,其中科研收入5.00万元。较上年度决算数增加4.1262万元,增长11%。"
    assert run(check_named_changes, evidence=Evidence(prose=prose), fiscal_year=2020) == []

"""Completion rates against the base they name, changes on last year against the amounts they compare, and printed rounding."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.amounts import percent_agrees
from cnbudget.checks.percentages import check_completion_gap, check_completion_rate, check_last_year_figure
from cnbudget.model import Evidence

from .conftest import outcomes, run

D = Decimal


def test_a_percentage_agrees_when_the_exact_value_rounds_to_it() -> None:
    assert percent_agrees(D("6.52"), D("133.05"), D("4.90"))[0]
    assert percent_agrees(D("0.125"), D("1"), D("12.5"))[0]  # 12.5 exactly
    assert percent_agrees(D("0.0125"), D("1"), D("1.2"))[0]  # half even
    assert percent_agrees(D("0.0125"), D("1"), D("1.3"))[0]  # half up
    assert percent_agrees(D("863.19"), D("863.22"), D("99.99"))[0]  # a part is not the whole: not 100.00%
    # the amounts are rounded too: 9.56 of 100 may be 9.555 of 100.005, 9.5545%, printed 9.55%
    assert percent_agrees(D("9.56"), D("100"), D("9.55"))[0]
    # 411.20 of 508.20 is 80.912% to 80.915% whatever lies behind the two amounts: 80.92% is one unit off, rounding
    assert percent_agrees(D("411.20"), D("508.20"), D("80.92")) == (False, D("80.91"), "rounding")
    assert percent_agrees(D("6.52"), D("133.05"), D("4.97")) == (False, D("4.90"), "mismatch")


def test_a_completion_rate_against_a_zero_initial_budget_fails_and_names_the_base_it_is_against() -> None:
    prose = "因公出国（境）费年初预算为0万元，全年预算为10.22万元，决算为9.80万元，完成年初预算的95.89%。"
    results = run(check_completion_rate, evidence=Evidence(prose=prose))
    assert outcomes(results) == [("fail", "95.89%", "0")]
    assert "全年预算数 10.22 万元" in results[0]["detail"] and "基数写错" in results[0]["detail"]


def test_a_completion_rate_against_its_own_base_passes_and_a_wrong_one_fails() -> None:
    ok = "公务接待费年初预算为2万元，决算为1.5万元，完成年初预算的75.00%。"
    assert outcomes(run(check_completion_rate, evidence=Evidence(prose=ok))) == [("pass", "75.00%", "75.00%")]
    wrong = "公务接待费年初预算为2万元，全年预算为1.6万元，决算为1.5万元，完成年初预算的93.75%。"
    results = run(check_completion_rate, evidence=Evidence(prose=wrong))
    assert outcomes(results) == [("fail", "93.75%", "75.00%")]
    assert results[0]["severity"] == "mismatch" and "基数写错" in results[0]["detail"]
    # no base printed in the sentence: nothing to compare
    assert run(check_completion_rate, evidence=Evidence(prose="支出决算数为367.89万元，完成预算100%。")) == []


def test_an_increase_larger_than_the_amount_itself_fails() -> None:
    prose = "机关运行经费支出3845.24万元，比上年增加43269.3万元，增长10.00%。"
    results = run(check_last_year_figure, evidence=Evidence(prose=prose))
    assert outcomes(results) == [("fail", "43269.3", "3845.24")]
    assert run(check_last_year_figure, evidence=Evidence(prose="支出100万元，比上年增加20万元，增长25.00%。")) == []


def test_a_change_against_the_last_year_amount_it_prints() -> None:
    bad = "支出208.8万元，比上年201.5万元增加8.3万元。"
    assert outcomes(run(check_last_year_figure, evidence=Evidence(prose=bad))) == [("fail", "8.3", "7.3")]
    good = "支出208.8万元，比上年201.5万元增加7.3万元。"
    assert outcomes(run(check_last_year_figure, evidence=Evidence(prose=good))) == [("pass", "7.3", "7.3")]


def test_a_percentage_against_the_last_year_amount_it_prints() -> None:
    # +17.66% copied from the line above where the two amounts give +17.93%
    bad = "支出9370.12万元，比上年7945.36万元增长17.66%。"
    results = run(check_last_year_figure, evidence=Evidence(prose=bad))
    assert outcomes(results) == [("fail", "17.66%", "17.93%")]
    assert results[0]["severity"] == "mismatch"
    good = "支出9370.12万元，比上年7945.36万元增长17.93%。"
    assert outcomes(run(check_last_year_figure, evidence=Evidence(prose=good))) == [("pass", "17.93%", "17.93%")]


def test_a_change_missing_its_verb_is_not_read_as_last_years_figure() -> None:
    # 烟台市审计局 2026: “机关运行经费安排210.32万元，比上年1.43万元，增加0.68%” (1.43 is the increase)
    prose = "2026年本单位机关运行经费安排210.32万元，比上年1.43万元，增加0.68%。"
    assert run(check_last_year_figure, evidence=Evidence(prose=prose)) == []


def test_a_completion_rate_against_the_amount_the_actual_figure_passes_the_budget_by() -> None:
    # 天水市幼儿园 2017: 1,741.75 万元 spent, 55.93 万元 above the budget: 1,741.75 / 1,685.82 = 103.32%, not 100%
    prose = "本单位一般公共预算财政拨款支出总计1741.75万元,与上年相比减少53.7万元,降低2.99%;完成年初预算100%,决算数大于预算数55.93万元,主要原因:工资调标。"
    results = run(check_completion_gap, evidence=Evidence(prose=prose))
    assert outcomes(results) == [("fail", "100%", "103%")]
    assert results[0]["severity"] == "mismatch"
    assert "支出总计1741.75万元" in results[0]["detail"] and "1685.82" in results[0]["detail"]
    # 103% of it, or 小于: 900 spent, 100 short of a budget of 1,000, is 90%
    assert outcomes(run(check_completion_gap, evidence=Evidence(prose=prose.replace("100%", "103%")))) == [("pass", "103%", "103%")]
    under = "支出决算为900万元，完成预算的90%，决算数小于预算数100万元。"
    assert outcomes(run(check_completion_gap, evidence=Evidence(prose=under))) == [("pass", "90%", "90%")]
    assert outcomes(run(check_completion_gap, evidence=Evidence(prose=under.replace("90%", "100%")))) == [("fail", "100%", "90%")]


def test_a_completion_rate_beside_no_gap_or_beside_its_budget_is_not_compared_here() -> None:
    # no amount for the gap (教育支出…完成年初预算100%,决算数大于预算数,主要原因)
    assert run(check_completion_gap, evidence=Evidence(prose="教育支出1595.95万元,完成年初预算100%,决算数大于预算数,主要原因:工资调标。")) == []
    # the budget printed: check_completion_rate compares against it
    printed = "年初预算为1000万元，支出决算为900万元，完成年初预算的90%，决算数小于预算数100万元。"
    assert run(check_completion_gap, evidence=Evidence(prose=printed)) == []
    # the rate and the gap name two budgets
    two = "支出决算为900万元，完成全年预算的90%，决算数小于年初预算数50万元。"
    assert run(check_completion_gap, evidence=Evidence(prose=two)) == []
    assert outcomes(run(check_completion_gap, evidence=Evidence(prose=two.replace("年初预算数", "全年预算数")))) == [("fail", "90%", "95%")]
    # the only amount before the rate is a change on last year, not the actual figure
    assert run(check_completion_gap, evidence=Evidence(prose="与上年相比减少53.7万元;完成年初预算100%,决算数大于预算数55.93万元。")) == []


def test_a_rate_naming_no_phase_is_of_the_one_budget_its_sentence_prints() -> None:
    # anhui-shouxian-cultural-relics-2023-three-public-final.txt (hidden3): 1.71 of 3 is 57%, printed 43% (the 下降 of the same sentence)
    wrong = "“三公”经费支出预算为3万元,支出决算为1.71万元,完成预算的43%,较上年减少1.29万元,下降43%。"
    results = run(check_completion_rate, evidence=Evidence(prose=wrong))
    assert outcomes(results) == [("fail", "43%", "57%")]
    assert "预算数 3 万元" in results[0]["expected"] + results[0]["detail"]
    ok = "公务接待费预算为1万元,支出决算为0.53万元,完成预算的53%。"
    assert outcomes(run(check_completion_rate, evidence=Evidence(prose=ok))) == [("pass", "53%", "53%")]
    # two budgets named by no phase, or one beside a 年初预算: which is meant the sentence does not say
    two = "支出预算为3万元,追加预算为4万元,支出决算为1.71万元,完成预算的43%。"
    assert run(check_completion_rate, evidence=Evidence(prose=two)) == []
    initial = "年初预算为2万元,调剂后预算为3万元,支出决算为1.5万元,完成预算的75%。"
    assert run(check_completion_rate, evidence=Evidence(prose=initial)) == []


def test_a_completion_rate_with_one_amount_in_yuan_is_taken_in_wan_and_a_unit_slip_is_named() -> None:
    # invented, in the way of a 三公 final account whose budget is printed in 万元 but meant in 元
    slipped = "“三公”经费支出预算为5,000.00万元,支出决算为1,250.00元,完成预算的25%。"
    (result,) = run(check_completion_rate, evidence=Evidence(prose=slipped))
    assert (result["status"], result["actual"], result["severity"]) == ("fail", "0%", "mismatch")
    assert "金额单位疑似写错" in result["detail"]
    # both in 元, or the actual in 元 against a budget in 万元 that it fits: no slip, they agree
    assert outcomes(run(check_completion_rate, evidence=Evidence(prose="“三公”经费支出预算为5,000.00元,支出决算为1,250.00元,完成预算的25%。"))) == [("pass", "25%", "25%")]
    assert outcomes(run(check_completion_rate, evidence=Evidence(prose="“三公”经费支出预算为0.5万元,支出决算为1,250.00元,完成预算的25%。"))) == [("pass", "25%", "25%")]


def test_last_years_figure_named_with_words_between_and_amounts_in_yuan_are_compared() -> None:
    # invented, in the way of a township's budget: 91,351 / 8,014,212 = 1.14%, printed 1.13%
    yuan = "2018年部门预算收入总数8105563.00元,较2017年部门预算收入总数8014212.00元增长1.13%。"
    assert outcomes(run(check_last_year_figure, evidence=Evidence(prose=yuan))) == [("fail", "1.13%", "1.14%")]
    # 197.2 / 374.3 = 52.69%, printed 52.6%; the change itself agrees
    words = "2019年部门预算收入总数177.1万元,较2018年部门预算收入总数374.3万元减少197.2万元,下降52.6%。"
    assert outcomes(run(check_last_year_figure, evidence=Evidence(prose=words))) == [("pass", "197.2", "197.2"), ("fail", "52.6%", "52.7%")]
    # a figure of another kind named between (a count) is no last year's amount: not compared
    assert run(check_last_year_figure, evidence=Evidence(prose="收入177.1万元,较2018年增加3人,增长5%。")) == []

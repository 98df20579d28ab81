"""The prose against the tables and itself: stated figures, shares, year-on-year percentages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.checks.prose import check_prose_against_tables, check_shares
from cnbudget.checks.yoy import check_year_on_year, check_year_on_year_carried
from cnbudget.model import Evidence, Statement

from .conftest import function, outcomes, revenue, run, said, total


def test_a_prose_total_passes_at_its_printed_precision_and_fails_otherwise() -> None:
    table = total("revenue_total", "24.3120")
    assert outcomes(run(check_prose_against_tables, {"totals": [table], "statements": [said("totals", "revenue_total", "24.31")]})) == [("pass", "24.3120", "24.31")]
    assert outcomes(run(check_prose_against_tables, {"totals": [table], "statements": [said("totals", "revenue_total", "24.32")]})) == [("fail", "24.3120", "24.32")]


def test_the_prose_stating_one_figure_twice_differently_fails() -> None:
    stated = [said("totals", "revenue_total", "10"), said("totals", "revenue_total", "11")]
    assert outcomes(run(check_prose_against_tables, {"statements": stated}), "prose-consistent") == [("fail", "10", "11")]
    twice = [said("expenditure_by_function", "201", "5"), said("expenditure_by_function", "201", "6")]
    assert outcomes(run(check_prose_against_tables, {"statements": twice}), "prose-consistent") == [("fail", "5", "6")]


def test_figures_of_two_phases_are_not_one_figure_stated_twice() -> None:
    # a final account's prose: 年初预算 0.95 万元, 决算 0.00 万元; its table prints only the 预算数
    stated = [said("totals", "three_public_total", "0.95", "approved"), said("totals", "three_public_total", "0.00", "executed")]
    table = {**total("three_public_total", "0.95", table="“三公”经费支出决算表"), "phase": "approved"}
    results = run(check_prose_against_tables, {"totals": [table], "statements": stated})
    assert [(r["check_id"], r["status"], r["expected"], r["actual"]) for r in results] == [("prose-agrees-with-table", "pass", "0.95", "0.95")]


def test_three_public_function_and_revenue_prose_against_their_tables() -> None:
    def tp(item: str, amount: str, year: int = 2024) -> dict[str, Any]:
        return {"fiscal_year": year, "item": item, "amount": Decimal(amount), "origin": "table"}

    rows = {
        "three_public": [tp("reception", "3")],
        "expenditure_by_function": [function("201", "一般公共服务支出", "100")],
        "revenue_by_source": [revenue("general_public_budget", "90")],
        "statements": [
            said("three_public", "reception", "4"),
            said("three_public", "total", "9", year=2023),
            said("expenditure_by_function", "201", "100"),
            said("revenue_by_source", "general_public_budget", "80"),
        ],
    }
    results = run(check_prose_against_tables, rows)
    assert [(r["check_id"], r["status"], r["expected"], r["actual"]) for r in results] == [
        ("three-public-prose-agrees", "fail", "3", "4"),  # last year's figure in the prose is not compared
        ("function-prose-agrees", "pass", "100", "100"),
        ("revenue-prose-agrees", "fail", "90", "80"),
    ]


def statement(label: str, amount: str, share: str | None = None) -> Statement:
    """A figure the prose states in 万元, with its share when it states one."""
    return Statement(label, Decimal(amount), "万元", Decimal(share) if share else None, 0)


def test_shares_agree_with_the_base_the_run_agrees_on() -> None:
    stmts = [statement("支出合计", "200"), statement("基本支出", "150", "75.00"), statement("项目支出", "50", "25.00")]
    assert outcomes(run(check_shares, evidence=Evidence(statements=stmts))) == [("pass", "75.00%", "75.00%"), ("pass", "25.00%", "25.00%")]


def test_one_wrong_share_fails_against_the_base_the_others_agree_with() -> None:
    stmts = [
        statement("支出合计", "200"),
        statement("人员经费", "100", "50.00"),
        statement("公用经费", "50", "25.00"),
        statement("项目支出", "50", "30.00"),
    ]
    results = run(check_shares, evidence=Evidence(statements=stmts))
    assert outcomes(results) == [("pass", "50.00%", "50.00%"), ("pass", "25.00%", "25.00%"), ("fail", "30.00%", "25.00%")]
    assert results[2]["detail_en"] == "“项目支出” 50 万元 stated as 30.00% of 200 万元"
    assert results[2]["detail"] == "文字说明所写“项目支出” 50 万元占 200 万元的比例为 30.00%，按这两个金额算出的比例为 25.00%：两者不符。"
    assert results[2]["subject"] == "项目支出/50/30.00%"


def test_a_wrong_share_that_names_its_base_is_quoted_as_printed() -> None:
    # invented: “支出预算200万元。其中，基本支出150万元，占总支出70%；项目支出50万元，占总支出30%。”
    text = "其中，基本支出150万元，占总支出70%；项目支出50万元，占总支出30%。"
    stmts = [statement("支出预算", "200"), Statement("基本支出", Decimal(150), "万元", Decimal(70), 0, text=text), Statement("项目支出", Decimal(50), "万元", Decimal(30), 0, text=text)]
    first, second = run(check_shares, evidence=Evidence(statements=stmts))
    assert first["status"] == "fail" and "“占总支出70%”" in first["detail"] and "占总支出30%" not in first["detail"]
    assert second["status"] == "fail" and "“占总支出30%”" in second["detail"]
    # two shares of one value in a sentence: each quotes the words after its own amount
    text = "基本支出150万元，占总支出的30%；项目支出50万元，占支出合计30%。"
    stmts = [statement("支出预算", "200"), Statement("基本支出", Decimal(150), "万元", Decimal(30), 0, sentence="基本支出", text=text), Statement("项目支出", Decimal(50), "万元", Decimal(30), 0, sentence="支出预算200万元。其中，基本支出150万元，占总支出的30%；项目支出", text=text)]
    first, second = run(check_shares, evidence=Evidence(statements=stmts))
    assert "“占总支出的30%”" in first["detail"] and "“占支出合计30%”" in second["detail"]


def yoy(prose: str, fiscal_year: int = 2024) -> list[dict[str, Any]]:
    """The year-on-year results for a disclosure of ``fiscal_year`` with this prose."""
    return run(check_year_on_year, evidence=Evidence(prose=prose), fiscal_year=fiscal_year)


def test_a_right_percentage_passes_and_a_wrong_one_fails() -> None:
    # 214.11 − (−11.48): last year 225.59; 11.48 / 225.59 = 5.09%
    (right,) = yoy("公用经费214.11万元，比2023年预算减少11.48万元，下降5.09%。")
    assert (right["status"], right["expected"], right["actual"]) == ("pass", "5.09%", "5.09%")
    # 21.8 / (3666 − 21.8) = 0.598…% printed as 0.06%: a misplaced decimal point
    (wrong,) = yoy("会议费3,666万元，与上年相比增加21.8万元，增长0.06%。")
    assert (wrong["status"], wrong["expected"], wrong["actual"]) == ("fail", "0.06%", "0.60%")


def test_a_change_stated_with_tongbi_or_with_its_percentage_in_brackets_is_checked() -> None:
    # 8.25 / (317.6 − 8.25) = 2.67%, printed 2.8%
    (tongbi,) = yoy("2018年收入总预算317.6万元,同比增加8.25万元,同比增长2.8%。", fiscal_year=2018)
    assert (tongbi["status"], tongbi["expected"], tongbi["actual"]) == ("fail", "2.8%", "2.7%")
    # 1.5 / (2.30 + 1.5) = 39.47%, printed 42.86%; 18.50 / (9.80 + 18.50) = 65.37%, printed so
    wrong, right = yoy("公务接待费2.30万元,较上年减少1.5万元(42.86%)。经费预算支出9.80万元,较上年减少18.50万元(65.37%)。")
    assert (wrong["status"], wrong["expected"], wrong["actual"]) == ("fail", "42.86%", "39.47%")
    assert (right["status"], right["actual"]) == ("pass", "65.37%")


def test_a_change_stated_with_jiangdi_or_shangsheng_is_checked() -> None:
    # invented: 19.96 / (507.37 + 19.96) = 3.79%, printed 3.85%; 2 / (12 − 2) = 20%, printed so
    wrong, right = yoy("一般公共预算拨款507.37万元,同比减少19.96万元,同比降低3.85%。公务接待费12万元,比上年上升2万元,上升20%。")
    assert (wrong["status"], wrong["expected"], wrong["actual"]) == ("fail", "3.85%", "3.79%")
    assert (right["status"], right["actual"]) == ("pass", "20%")


def test_a_change_after_a_completion_rate_is_of_the_amount_completed_not_of_the_budget() -> None:
    # 广东省财政厅 2023: 62.07 − 38.97 = 23.10 last year; 38.97 / 23.10 = 168.70%, printed 168.7% (against the
    # budget 84.82 it would be 38.97 / 45.85 = 85.0%, a false fail); 27.46 − 6.32 = 21.14, 6.32 / 21.14 = 29.90%
    right, car = yoy(
        "支出决算为62.07万元,完成全年预算84.82万元的73.2%,比上年决算数增加38.97万元,增长168.7%;"
        "公务用车购置及运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%,比上年决算数增加6.32万元,增长29.9%。"
    )
    assert (right["status"], right["actual"], car["status"], car["actual"]) == ("pass", "168.7%", "pass", "29.9%")
    # the same sentence with a wrong percentage still fails, against the 决算
    (wrong,) = yoy("支出决算为62.07万元,完成全年预算84.82万元的73.2%,比上年决算数增加38.97万元,增长85.0%。")
    assert (wrong["status"], wrong["expected"], wrong["actual"]) == ("fail", "85.0%", "168.7%")


def test_a_share_of_a_base_the_sentence_names_but_the_prose_never_states_is_not_judged() -> None:
    # jl_changchun_petitions_bureau_2026_dept_budget.pdf p. 18: “2026驻京经费312万元，…” then “机关运行经费预算总计211万元，
    # 占基本支出经费的17.46%”: the base is the 基本支出 (not stated nearby), not the 312 万元 just before it
    sentence = "2026年长春市信访局（本级）系统机关运行经费预算总计211万元， 占基本支出经费的17.46%"
    stmts = [statement("2026驻京经费", "312"), Statement("机关运行经费预算总计", Decimal(211), "万元", Decimal("17.46"), 0, text=sentence)]
    (result,) = run(check_shares, evidence=Evidence(statements=stmts))
    assert result["status"] == "not_applicable" and "“基本支出”" in result["detail"]
    # p. 19: “固定资产总量为4295.98万元 … 设备335.24万元，占固定资产总额的7.90%” names the base it is taken against: still a failure
    sentence = "设备335.24万元，占固定资产总额的7.90%"
    stmts = [statement("本单位固定资产总量为", "4295.98"), Statement("设备", Decimal("335.24"), "万元", Decimal("7.90"), 0, text=sentence)]
    assert outcomes(run(check_shares, evidence=Evidence(statements=stmts))) == [("fail", "7.90%", "7.80%")]


def test_a_share_of_the_years_own_revenue_is_of_the_revenue_sum_stated_before_it() -> None:
    # a final account's “2023年度收入合计4680.58万元…其中:财政拨款收入2982.61万元,占本年收入63%”: 本年收入 is that 收入合计
    sentence = "其中:财政拨款收入 2982.61万元,占本年收入63%"
    stmts = [statement("2023年度收入合计", "4680.58"), Statement("其中:财政拨款收入", Decimal("2982.61"), "万元", Decimal(63), 0, text=sentence)]
    assert outcomes(run(check_shares, evidence=Evidence(statements=stmts))) == [("fail", "63%", "64%")]
    # a 收入总计 holds the carry-over: not the year's own revenue, so not judged against it
    stmts = [statement("2023年度收入总计", "4680.58"), Statement("其中:财政拨款收入", Decimal("2982.61"), "万元", Decimal(63), 0, text=sentence)]
    assert [r["status"] for r in run(check_shares, evidence=Evidence(statements=stmts))] == ["not_applicable"]


def test_a_change_stated_before_a_share_is_not_its_base() -> None:
    # jiangxi-shangyou-sixia-2022-budget.txt (holdout): “收入预算总额为7783.26万元,比上年收入预算总额增加7122.54万元,…
    # 其中:财政拨款收入751.8万元,占收入预算总额的9.7%,…;其他收入7000万元,占收入预算总额的90.3%”: 7000 / 7783.26 =
    # 89.94%, printed 90.3% (a real contradiction), not 7000 / 7122.54 = 98.3% against the increase
    stmts = [
        statement("2022年上犹县寺下镇人民政府收入预算总额为", "7783.26"),
        statement("比上年收入预算总额增加", "7122.54"),
        statement("2、本年增加了其他资金预算", "7000"),
        statement("其中:财政拨款收入", "751.8", "9.7"),
        statement("包括一般公共预算收入", "751.8"),
        statement("其他收入", "7000", "90.3"),
    ]
    results = run(check_shares, evidence=Evidence(statements=stmts))
    assert outcomes(results) == [("pass", "9.7%", "9.7%"), ("fail", "90.3%", "89.9%")]
    assert results[1]["detail_en"] == "“其他收入” 7000 万元 stated as 90.3% of 7783.26 万元"
    # counter-case: a share of an increase is taken against the increase (60 / 100, not 60 / 500)
    stmts = [statement("支出合计", "500"), statement("比上年增加", "100"), statement("主要是人员经费增加", "60", "60.00")]
    assert outcomes(run(check_shares, evidence=Evidence(statements=stmts))) == [("pass", "60.00%", "60.00%")]


def test_a_percentage_that_fails_names_the_page_its_sentence_is_printed_on() -> None:
    # two printed lines of prose, on pages 3 and 4; the percentage is in the second
    first, second = "一、收入支出预算总体情况。", "会议费3,666万元，与上年相比增加21.8万元，增长0.06%。"
    evidence = Evidence(prose=first + second, prose_starts=(0, len(first)), prose_pages=(3, 4))
    (wrong,) = run(check_year_on_year, evidence=evidence)
    assert (wrong["status"], wrong["pages"]) == ("fail", "4;4")
    stmts = [statement("支出合计", "100"), Statement("基本支出", Decimal(60), "万元", Decimal("61.00"), 30, page=7)]
    (share,) = run(check_shares, evidence=Evidence(statements=stmts))
    assert (share["status"], share["pages"]) == ("fail", "7;7")


def test_a_change_whose_figure_the_sentence_before_states_is_against_that_figure_less_the_change() -> None:
    # invented after Sichuan's final-account template: “收、支总计均为 X 万元。与上年度相比，收、支总计各增加 D 万元，增长 P%”
    (wrong,) = run(check_year_on_year_carried, evidence=Evidence(prose="2023年度收、支总计均为1,145.52万元。与2022年度相比,收、支总计各增加342万元,增长29.86%。"))
    # last year 1,145.52 − 342 = 803.52; 342 / 803.52 = 42.56% (29.86% is 342 / 1,145.52: this year's figure as the base)
    assert (wrong["check_id"], wrong["status"], wrong["expected"], wrong["actual"], wrong["severity"]) == ("yoy-agrees", "fail", "29.86%", "42.56%", "mismatch")
    assert "803.52 万元" in wrong["detail"] and "增长29.86%" in wrong["detail"]
    # a list, each in order: 1267.86 / 5393.35 = 23.508% → 23.51%; 2570.97 / 6714.88 = 38.288% → 38.29%, printed 38.28%
    listed = "2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。"
    first, second = run(check_year_on_year_carried, evidence=Evidence(prose=listed))
    assert (first["status"], first["actual"]) == ("pass", "23.51%")
    assert (second["status"], second["expected"], second["actual"], second["severity"]) == ("fail", "38.28%", "38.29%", "rounding")
    # counter-cases: the right percentage passes; lists that do not pair up, or a change in the same sentence, are not this check's
    assert [r["status"] for r in run(check_year_on_year_carried, evidence=Evidence(prose="收、支总计均为1,145.52万元。与2022年度相比,收、支总计各增加342万元,增长42.56%。"))] == ["pass"]
    assert run(check_year_on_year_carried, evidence=Evidence(prose="收、支总计各是10,20,30万元。与上年相比,各减少1,2万元,各下降9.09%、9.09%。")) == []
    assert run(check_year_on_year_carried, evidence=Evidence(prose="支出总计100万元,与上年相比增加10万元,增长11.11%。")) == []
    # a sentence before stating other figures too: which one changed the sentence does not say (sources/001, 牧野区委办公室 2024)
    several = "一般公共预算收支预算 593.39 万元，政府性基金收支预算 0.00 万元，国有资本经营预算收支预算 0.00 万元。与 2023 年相比，一般公共预算收支预算减少 4.37 万元，下降 0.73%，"
    assert run(check_year_on_year_carried, evidence=Evidence(prose=several)) == []


def test_a_change_stated_in_yuan_is_against_last_years_figure_in_yuan() -> None:
    # invented after a budget in 元: “…支出类科目 116433.12 元，占支出总预算 10.73 %，同比增加 16803.36 元，增长 14.43%”
    (wrong,) = yoy("社会保障和就业支出类科目 116433.12 元,占支出总预算 10.73 %,同比增加 16803.36 元,增长 14.43%。")
    # last year 116,433.12 − 16,803.36 = 99,629.76 元; 16,803.36 / 99,629.76 = 16.87% (14.43% is against this year's)
    assert (wrong["status"], wrong["expected"], wrong["actual"], wrong["severity"]) == ("fail", "14.43%", "16.87%", "mismatch")
    assert "99629.76 元" in wrong["detail"]
    (cent,) = yoy("文化旅游体育与传媒支出类科目 850088.3 元,占支出总预算 78.33%,同比减少 54357.12 元,下降 6.00 %。")
    assert (cent["status"], cent["actual"], cent["severity"]) == ("fail", "6.01%", "rounding")  # 54,357.12 / 904,445.42 = 6.0099…%
    # counter-cases: a right one passes; a 万元 figure with a change in 元 is not compared
    assert [r["status"] for r in yoy("卫生健康支出类科目 43897.73 元,占支出总预算4.04 %,同比减少 6014.46 元,下降 12.05 %。")] == ["pass"]
    assert yoy("公用经费214.11万元，比2023年预算减少1148元，下降5.09%。") == []


def test_shares_of_a_base_the_page_does_not_state_are_not_shares_of_their_own_sum() -> None:
    # invented after a page opening cut before its total: “项目支出预算 4.81 万元，占支出总预算的 4.43%。其中：(一)文化旅游
    # 体育与传媒支出类科目 85.01 万元，占支出总预算 78.33%” (the 支出总预算 108.52 is on the page before)
    cut = [statement("项目支出预算", "4.81", "4.43"), statement("其中:(一)文化旅游体育与传媒支出类科目", "85.01", "78.33")]
    assert run(check_shares, evidence=Evidence(statements=cut)) == []
    # counter-cases: shares that add up to 100% are of their sum; a base stated before still counts
    whole = [statement("基本支出", "60", "60.00"), statement("项目支出", "40", "41.00")]
    assert outcomes(run(check_shares, evidence=Evidence(statements=whole))) == [("pass", "60.00%", "60.00%"), ("fail", "41.00%", "40.00%")]
    stated = [statement("支出总预算", "108.52"), *cut]
    assert [r["status"] for r in run(check_shares, evidence=Evidence(statements=stated))] == ["pass", "pass"]

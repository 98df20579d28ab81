"""Contradictions the development sets hold that no check reported (issue 14, session 12), by kind.

Each rule on a tiny invented input of the kind tests/fixtures/holdout3, holdout6 and holdout9 hold (names and amounts
changed); expected values are computed by hand in the comments. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.checks.base import Checker
from cnbudget.checks.changes import check_change_of_named_total
from cnbudget.checks.prose_sums import check_initial_budget_parts
from cnbudget.checks.years import check_final_account_dated
from cnbudget.model import Disclosure, Evidence

from .checks.conftest import chinese, outcomes, run, said


def _three_public_total(amount: str, year: int, phase: str = "approved") -> dict[str, list[dict[str, object]]]:
    """The prose's “三公” total of ``year``, as the statements hold it."""
    return {"statements": [said("three_public", "total", amount, phase, year)]}


# 1. the function classes a 年初预算 lists under its 其中 are the whole spending (holdout6's 岳阳楼区残联 kind)


def test_a_list_of_function_classes_short_of_its_total_contradicts_it() -> None:
    # 300.00 + 50.00 + 49.50 = 399.50, not the 年初预算 of 400: classes part the spending whole, so the shortfall is a contradiction
    prose = "(二)支出预算,2020年年初预算数400万元,其中:社会保障和就业支出300.00万元,卫生健康支出50.00万元,住房保障支出49.50万元。"
    (row,) = run(check_initial_budget_parts, evidence=Evidence(prose=prose), fiscal_year=2020)
    assert (row["check_id"], row["status"], row["expected"], row["actual"], row["severity"]) == ("prose-initial-budget-adds-up", "fail", "400", "399.50", "mismatch")
    assert "“年初预算数400万元”" in row["detail"] and "“住房保障支出49.50万元”" in row["detail"]
    # a retired class name (医疗卫生与计划生育支出) names a class too
    retired = "支出预算,2018年年初预算数400万元,其中,教育支出300万元,医疗卫生与计划生育支出90万元。"
    assert outcomes(run(check_initial_budget_parts, evidence=Evidence(prose=retired), fiscal_year=2018)) == [("fail", "400", "390")]


def test_a_list_that_is_not_all_classes_or_ends_with_etc_may_name_some_parts_only() -> None:
    # counter-cases (not applicable): a list of classes ending with 等 may name the larger ones only …
    some = "支出预算,2020年年初预算数400万元,其中:社会保障和就业支出300万元,卫生健康支出50万元等。"
    assert [r["status"] for r in run(check_initial_budget_parts, evidence=Evidence(prose=some))] == ["not_applicable"]
    # … and a class misspelt (卫生健康支) or a part that is no class (一般商品和服务支出) leaves the list as unsure as before
    other = "支出预算,2020年年初预算数400万元,其中:社会保障和就业支出300万元,一般商品和服务支出50万元。"
    assert [r["status"] for r in run(check_initial_budget_parts, evidence=Evidence(prose=other))] == ["not_applicable"]
    assert [r["status"] for r in run(check_initial_budget_parts, evidence=Evidence(prose=other.replace("一般商品和服务支出", "卫生健康支")))] == ["not_applicable"]


# 2. a change of the year's “三公” total the sentence names but does not print (holdout9's 普洱 kind, the 云南 template)


def test_a_change_of_the_named_three_public_total_is_judged_against_the_total_printed_before() -> None:
    # total 2017: 5.00; “较2016年…减少(增加)0.20万元,同比下降(增加)9%”: last year 5.20 (fall) gives 3.85%, 4.80 (rise) 4.17%:
    # 9% follows from neither direction
    prose = "某中学2017年“三公”经费财政拨款预算安排5.00万元。2017年“三公”经费预算数较2016年“三公”经费预算数减少(增加)0.20万元,同比下降(增加)9%。"
    (row,) = run(check_change_of_named_total, rows=_three_public_total("5.00", 2017), evidence=Evidence(prose=prose), fiscal_year=2017)
    assert (row["check_id"], row["status"], row["expected"], row["severity"]) == ("yoy-agrees", "fail", "9%", "mismatch")
    assert "5.20 万元" in row["detail"] and "4.80 万元" in row["detail"] and "减少(增加)0.20万元" in row["detail"]
    # counter-case: the direction the rise gives (0.20 / 4.80 = 4.17%, printed 4%) agrees, so the template's two words pass
    assert [r["status"] for r in run(check_change_of_named_total, rows=_three_public_total("5.00", 2017), evidence=Evidence(prose=prose.replace("9%", "4%")), fiscal_year=2017)] == ["pass"]
    # 4.2%: the fall gives 3.8% (0.20 / 5.20), the rise 4.2% (0.20 / 4.80): it passes, showing the rise's percentage
    (row,) = run(check_change_of_named_total, rows=_three_public_total("5.00", 2017), evidence=Evidence(prose=prose.replace("9%", "4.2%")), fiscal_year=2017)
    assert (row["status"], row["expected"], row["actual"]) == ("pass", "4.2%", "4.2%")


def test_a_named_total_in_yuan_against_its_final_account_passes_and_unsure_ones_are_not_judged() -> None:
    # 决算 6.50 万元, “比上年减少313272.50元,下降82.82%”: last year 6.50 + 31.32725 = 37.82725; 31.32725 / 37.82725 = 82.82%
    prose = "2022年度一般公共预算财政拨款“三公”经费支出决算数比上年减少313272.50元,下降82.82%。"
    rows = _three_public_total("6.5", 2022, "executed")
    assert [r["status"] for r in run(check_change_of_named_total, rows=rows, evidence=Evidence(prose=prose), fiscal_year=2022)] == ["pass"]
    # counter-cases, not judged: the total's 预算 is named and only its 决算 is printed; another year's total; a part of it
    assert run(check_change_of_named_total, rows=rows, evidence=Evidence(prose=prose.replace("决算数", "预算数")), fiscal_year=2022) == []
    assert run(check_change_of_named_total, rows=rows, evidence=Evidence(prose=prose.replace("2022年度", "2021年度")), fiscal_year=2022) == []
    part = "2022年度“三公”经费中公务接待费支出决算数比上年减少313272.50元,下降82.82%。"
    assert run(check_change_of_named_total, rows=rows, evidence=Evidence(prose=part), fiscal_year=2022) == []
    # … nor a total the disclosure prints twice with two amounts (which one changed is unsure)
    two = {"statements": [*rows["statements"], said("three_public", "total", "7.5", "executed", 2022)]}
    assert run(check_change_of_named_total, rows=two, evidence=Evidence(prose=prose), fiscal_year=2022) == []


# 3. a final account dated before the year it accounts for has closed (holdout3's 万源三中 kind)


def _dated_rows(prose: str, kind: str = "final_account") -> list[dict[str, object]]:
    """The results of the check on a 2023 disclosure of ``kind`` whose prose is ``prose``."""
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2023, "kind": kind}, rows={}, evidence=Evidence(prose=prose)))
    check_final_account_dated(checker)
    assert all(chinese(str(r["detail"])) for r in checker.out)
    return checker.out


def _dated(prose: str, kind: str = "final_account") -> list[tuple[str, str | None, str | None]]:
    return outcomes(_dated_rows(prose, kind))


def test_a_final_account_dated_within_its_own_year_fails() -> None:
    (row,) = _dated_rows("2023年度某中学决算目录公开时间:2023年11月 11日第一部分部门概况")
    assert (row["status"], row["expected"], row["actual"]) == ("fail", "2024年及以后", "公开时间:2023年11月11日")
    # both sides quoted as printed: the words naming the year's 决算 and the date
    assert "“2023年度某中学决算”" in str(row["detail"]) and "“公开时间:2023年11月11日”" in str(row["detail"])
    # counter-cases: dated after the year closed passes (in either form of date) …
    assert _dated("发布日期:2024-08-20 某中学2023年度部门决算") == [("pass", "2024年及以后", "发布日期:2024-08-20")]
    # … a budget may be published before or in its year, and a web page's 生成日期 is no publication date
    assert _dated("公开时间:2023年1月11日 某中学2023年部门预算", kind="budget") == []
    assert _dated("生成日期:2023-10-12 某中学2023年度部门决算") == []

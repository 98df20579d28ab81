"""Contradictions the held-out sets' keys name that the checks missed, and a false fail (issue 14, session 10), by kind.

Each rule on a tiny invented input of the kind tests/fixtures/holdout7 holds (names and amounts changed);
expected values are computed by hand in the comments. Every rule has its counter-case.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.changes import check_change_in_another_unit, check_change_on_printed_last_year
from cnbudget.checks.identities import check_headline_identities
from cnbudget.checks.prose import check_prose_against_tables, check_shares
from cnbudget.checks.remnants import check_instructions_left
from cnbudget.checks.restated import check_restated_figures
from cnbudget.checks.yoy import check_year_on_year_carried
from cnbudget.model import Evidence, Statement

from .checks.conftest import outcomes, revenue, run, said, total
from .conftest import narrative_figures


def share(label: str, amount: str, percent: str, text: str) -> Statement:
    return Statement(label, Decimal(amount), "万元", Decimal(percent), 0, text=text)


def plain(label: str, amount: str) -> Statement:
    return Statement(label, Decimal(amount), "万元", None, 0)


# 1. a share that names its base (占总收入的 P%) is of the figure stated under that name, not of the nearest larger one


def test_a_share_of_the_named_total_is_checked_against_it_not_against_a_nearer_larger_part() -> None:
    # 总收入 1000: 财政拨款 400, 其他收入 500; “财政拨款收入400万元,占总收入的41.00%”: 400 / 1000 = 40.00%, not 41.00%
    # (500, the nearer amount above 400, gives 80.00%: neither agrees, the named total is the base)
    stmts = [plain("2020年度总收入", "1000"), plain("其中:财政拨款收入", "400"), plain("其他收入", "500"), share("财政拨款收入", "400", "41.00", "财政拨款收入400万元,占总收入的41.00%。")]
    assert outcomes(run(check_shares, evidence=Evidence(statements=stmts))) == [("fail", "41.00%", "40.00%")]
    # counter-case: a share of a base never stated (总资产) is still not judged
    stmts[-1] = share("财政拨款收入", "400", "41.00", "财政拨款收入400万元,占总资产的41.00%。")
    assert [r["status"] for r in run(check_shares, evidence=Evidence(statements=stmts))] == ["not_applicable"]


def test_a_share_of_the_total_spending_is_of_the_stated_spending_total() -> None:
    # “支出合计200万元,其中基本支出150万元,占总支出的76.00%”: 150 / 200 = 75.00%
    stmts = [plain("2020年支出合计", "200"), share("其中基本支出", "150", "76.00", "支出合计200万元,其中基本支出150万元,占总支出的76.00%。")]
    assert outcomes(run(check_shares, evidence=Evidence(statements=stmts))) == [("fail", "76.00%", "75.00%")]
    # counter-case: a share of the 基本支出 is no share of the 支出合计 stated before it
    stmts[-1] = share("其中人员经费", "150", "76.00", "支出合计200万元,其中人员经费150万元,占基本支出的76.00%。")
    assert [r["status"] for r in run(check_shares, evidence=Evidence(statements=stmts))] == ["not_applicable"]


# 2. a change printed with last year's figure and no figure of this year just before it


def test_a_change_on_last_years_printed_figure_is_checked_without_this_years() -> None:
    # “公用经费30万元。比2021年预算200万元增加25万元,增长15.50%”: 25 / 200 = 12.50%
    (row,) = run(check_change_on_printed_last_year, evidence=Evidence(prose="公用经费30万元。比2021年预算200万元增加25万元,增长15.50%,主要是人员增加。"))
    assert (row["check_id"], row["status"], row["expected"], row["actual"]) == ("change-percent-agrees", "fail", "15.50%", "12.50%")
    (row,) = run(check_change_on_printed_last_year, evidence=Evidence(prose="公用经费30万元。比2021年预算200万元增加25万元,增长12.50%。"))
    assert row["status"] == "pass"
    # counter-case: this year's figure printed just before is percentages.check_last_year_figure's, not compared twice
    assert run(check_change_on_printed_last_year, evidence=Evidence(prose="支出预算225万元,比2021年预算200万元增加25万元,增长15.50%。")) == []


# 3. a change printed in 元 beside a figure in 万元: fails only when neither unit gives its percentage


def test_a_change_in_another_unit_fails_only_when_neither_reading_gives_its_percentage() -> None:
    # “收入总计300万元,与上年相比,减少60元,减少25.00%”: 60 万元 of 360 is 16.67%, 60 元 about 0.00%; neither is 25.00%
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose="收入总计300万元,与上年相比,减少60元,减少25.00%,主要原因是经费减少。"))
    assert (row["check_id"], row["status"], row["expected"]) == ("yoy-agrees", "fail", "25.00%")
    assert "16.67%" in row["detail"]
    # counter-cases: 16.67% follows from the change taken in 万元, so no yoy-agrees (session 15: the 元 is reported as
    # unit-mislabel instead, tests/test_session15_contradictions.py); one unit throughout is prose.check_year_on_year's
    assert [r["check_id"] for r in run(check_change_in_another_unit, evidence=Evidence(prose="收入总计300万元,与上年相比,减少60元,减少16.67%。"))] == ["unit-mislabel"]
    assert run(check_change_in_another_unit, evidence=Evidence(prose="收入总计300万元,与上年相比,减少60万元,减少25.00%。")) == []


# 4. the template's instruction to explain something, left in the text


def test_an_instruction_to_explain_left_in_the_text_fails() -> None:
    (row,) = run(check_instructions_left, evidence=Evidence(prose="二、部门预算单位构成\n对本部门(单位)及所属预算单位构成进行说明。本单位为二级预算单位。"))
    assert row["status"] == "fail" and "对本部门(单位)及所属预算单位构成进行说明" in row["detail"]
    (row,) = run(check_instructions_left, evidence=Evidence(prose="对本单位人员构成进行详细说明。如:从人员构成看,本单位编制10人。"))
    assert row["status"] == "fail"
    # counter-case: the filer's own words announcing an explanation
    assert run(check_instructions_left, evidence=Evidence(prose="下面对本单位收支情况进行详细说明:收入100万元。")) == []


# 5. a 基本支出 stated for the whole budget and again in the section about the 一般公共预算 is two figures


def _stated(amount: str, text: str) -> dict[str, object]:
    return {"subject": "basic_expenditure", "resource": "totals", "phase": "executed", "fiscal_year": 2017, "amount": Decimal(amount), "text": text}


WHOLE = "2017年总支出800万元,其中项目支出100万元,基本支出700万元。"
FUND = "1.基本支出160万元,占一般公共预算财政拨款总支出的70%。"
PROSE = f"三、支出决算情况说明\n{WHOLE}\n四、一般公共预算财政拨款支出决算情况说明\n{FUND}"


def _consistent(rows: dict[str, list[dict[str, object]]], prose: str) -> list[str]:
    results = run(check_prose_against_tables, rows, Evidence(prose=prose), fiscal_year=2017)
    return [r["status"] for r in results if r["check_id"] == "prose-consistent"]


def test_a_figure_stated_for_the_whole_and_for_one_fund_is_not_stated_twice_differently() -> None:
    # the department has 事业收入 400: its 基本支出 700 is more than the 一般公共预算's 160
    stated = [_stated("700", WHOLE), _stated("160", FUND)]
    other = [revenue("business", "400", "narrative")]
    assert _consistent({"statements": stated, "revenue_by_source": other}, PROSE) == []
    # counter-cases: with no other money the two are one figure stated twice; both in the whole budget's section also
    assert _consistent({"statements": stated}, PROSE) == ["fail"]
    assert _consistent({"statements": stated, "revenue_by_source": other}, f"三、支出决算情况说明\n{WHOLE}\n{FUND}") == ["fail"]


# 6. a prose total printed in 元 is quoted as printed in the failure, beside its amount in 万元


def test_a_prose_total_printed_in_yuan_is_quoted_as_printed() -> None:
    # “支出总数5300000.00元,其中基本支出4000000.00元,项目支出300000.00元”: 400 + 30 = 430 万元, not 530
    text = "2024年部门预算支出总数5300000.00元,其中基本支出4000000.00元,项目支出300000.00元。"
    stated = [{**said("totals", metric, amount), "text": text} for metric, amount in (("expenditure_current_year", "530"), ("basic_expenditure", "400"), ("project_expenditure", "30"))]
    rows = {"statements": stated}
    (row,) = [r for r in run(check_headline_identities, rows) if r["check_id"] == "basic-plus-project"]
    assert row["status"] == "fail" and "（原文“5300000.00元”）" in row["detail"]
    # counter-case: a total printed in 万元 is named as before
    stated[0]["text"] = "2024年部门预算支出总数530万元。"
    (row,) = [r for r in run(check_headline_identities, rows) if r["check_id"] == "basic-plus-project"]
    assert row["status"] == "fail" and "原文" not in row["detail"]


# 7. a prose total printed with fewer decimals than its parts agrees when their sum rounds to it


def test_a_prose_total_printed_to_fewer_decimals_agrees_with_the_sum_that_rounds_to_it() -> None:
    def basic_plus_project(total: str) -> list[tuple[str, str | None, str | None]]:
        stated = [said("totals", "expenditure_current_year", total), said("totals", "basic_expenditure", "154.09"), said("totals", "project_expenditure", "23.00")]
        return outcomes(run(check_headline_identities, {"statements": stated}), "basic-plus-project")

    # “支出总数177.1万元”, “基本支出154.09万元”, “项目支出23.00万元”: 177.09 is 177.1 at one decimal
    assert basic_plus_project("177.1") == [("pass", "177.1", "177.09")]
    # counter-cases: 177.2 is not; nor is 177.10, printed to the parts' two decimals
    assert basic_plus_project("177.2") == [("fail", "177.2", "177.09")]
    assert basic_plus_project("177.10") == [("fail", "177.10", "177.09")]


# 8. a change whose figure the sentence before states, its percentage named 增加 (not 增长)


def test_a_carried_change_whose_percentage_is_named_zengjia_is_checked() -> None:
    # “…财政拨款收入决算总计200万元。与2016年相比增加40万元,增加30.00%”: 40 / (200 − 40) = 25.00%
    (row,) = run(check_year_on_year_carried, evidence=Evidence(prose="2017年度财政拨款收入决算总计200万元。与2016年相比增加40万元,增加30.00%;原因是考核奖励增加。"))
    assert (row["check_id"], row["status"], row["expected"], row["actual"]) == ("yoy-agrees", "fail", "30.00%", "25.00%")
    # counter-case: no percentage after the change, nothing to compare
    assert run(check_year_on_year_carried, evidence=Evidence(prose="2017年度财政拨款收入决算总计200万元。与2016年相比增加40万元,原因是考核奖励增加。")) == []


# 9. a kind of project (人员类项目支出 …) is not the year's 项目支出


def test_a_kind_of_project_is_not_the_years_project_expenditure() -> None:
    found = narrative_figures("本单位2026年支出预算300万元,其中:人员类项目支出100万元,占33.33%,运转类项目支出50万元,占16.67%,特定目标类项目支出150万元,占50.00%。", year=2026)
    assert ("totals", "project_expenditure", "approved") not in found
    # counter-case: the year's 项目支出 is still read
    found = narrative_figures("本单位2026年支出预算300万元,其中:基本支出150万元,项目支出150万元。", year=2026)
    assert found[("totals", "project_expenditure", "approved")] == Decimal(150)


# 10. a revenue source stated twice with two amounts; a heading run into the words that name the source


def test_a_source_named_after_a_heading_run_into_it_is_read() -> None:
    # “四、一般公共预算拨款支出预算” printed on the line before “2018年一般公共预算拨款收入205.3万元”
    found = narrative_figures("四、一般公共预算拨款支出预算2018年一般公共预算拨款收入120.5万元,具体安排情况如下:", year=2018)
    assert found[("revenue_by_source", "general_public_budget", "approved")] == Decimal("120.5")
    # counter-case: a source's spending named after the year is no revenue
    found = narrative_figures("四、一般公共预算拨款支出预算2018年一般公共预算拨款支出120.5万元。", year=2018)
    assert ("revenue_by_source", "general_public_budget", "approved") not in found


def test_a_revenue_source_the_prose_states_twice_with_two_amounts_fails() -> None:
    def source(amount: str, text: str) -> dict[str, object]:
        return {**said("revenue_by_source", "general_public_budget", amount), "text": text}

    one = source("60.5", "(一)收入预算2018年年初预算数120.5万元,其中一般公共预算拨款60.5万元,上级补助拨款60万元。")
    two = source("120.5", "四、一般公共预算拨款支出预算2018年一般公共预算拨款收入120.5万元,具体安排情况如下:")
    (row,) = run(check_restated_figures, {"statements": [one, two]})
    assert (row["check_id"], row["status"], row["expected"], row["actual"]) == ("prose-restates-consistently", "fail", "60.5", "120.5")
    assert "2018年一般公共预算拨款收入120.5万元”）为 120.5 万元" in row["detail"]  # the words as printed, quoted
    # counter-case: the same amount stated twice (at two precisions) is one figure
    assert run(check_restated_figures, {"statements": [one, source("60.50", "一般公共预算拨款收入60.50万元。")]}) == []


def test_a_source_named_as_what_funds_another_figure_is_not_restated() -> None:
    one = {**said("revenue_by_source", "general_public_budget", "120.71"), "text": "2018年部门预算收入为一般公共预算收入120.71万元。"}
    two = {**said("revenue_by_source", "general_public_budget", "6.83"), "text": "2018年本级的机关运行经费,当年一般公共预算拨款6.83万元,比2017年预算减少2.69万元。"}
    assert run(check_restated_figures, {"statements": [one, two]}) == []
    # counter-case: the source restated in a sentence about revenue fails
    two["text"] = "2018年一般公共预算收入6.83万元。"
    assert [r["status"] for r in run(check_restated_figures, {"statements": [one, two]})] == ["fail"]


def test_the_carry_overs_part_of_a_source_is_not_the_source_restated() -> None:
    one = {**said("revenue_by_source", "general_public_budget", "4651.67"), "text": "收入预算4,651.67万元,其中一般公共预算收入4,651.67万元。"}
    two = {**said("revenue_by_source", "general_public_budget", "0"), "text": "收入预算4,651.67万元,其中上年结转结余的一般公共预算收入0万元。"}
    assert run(check_restated_figures, {"statements": [one, two]}) == []
    # counter-case: the year's source stated again with another amount fails, its words quoted (4,651.67 read as one amount)
    two["text"] = "本年一般公共预算收入0万元。"
    (row,) = run(check_restated_figures, {"statements": [one, two]})
    assert row["status"] == "fail" and "（原文“其中一般公共预算收入4651.67万元”）" in row["detail"]


def test_a_funds_revenue_and_its_appropriation_are_two_figures() -> None:
    # “一般公共预算收入19,828.57万元” (its carry-over in it) and “1.一般公共预算拨款收入19,756.66万元” (the year's appropriation)
    one = {**said("revenue_by_source", "general_public_budget", "19828.57"), "text": "收入预算中一般公共预算收入19,828.57万元。"}
    two = {**said("revenue_by_source", "general_public_budget", "19756.66"), "text": "本年财政拨款收入19,756.66万元:1.一般公共预算拨款收入19,756.66万元。"}
    assert run(check_restated_figures, {"statements": [one, two]}) == []
    # counter-case: both named as the appropriation, two amounts fail
    one["text"] = "收入预算中一般公共预算拨款收入19,828.57万元。"
    assert [r["status"] for r in run(check_restated_figures, {"statements": [one, two]})] == ["fail"]


def test_a_source_named_with_its_revenue_is_not_named_revenue_twice() -> None:
    # “其他收入10万元” and again “其他收入12万元”: the detail names the “其他收入”, never “其他收入”收入
    one = {**said("revenue_by_source", "other", "10"), "text": "2018年收入预算中其他收入10万元。"}
    two = {**said("revenue_by_source", "other", "12"), "text": "2018年其他收入12万元。"}
    (row,) = run(check_restated_figures, {"statements": [one, two]})
    assert row["status"] == "fail" and "文字说明第一次所写的“其他收入”（原文“2018年收入预算中其他收入10万元”）" in row["detail"]
    assert "”收入" not in row["detail"]
    # counter-case: a budget's appropriation is named with 收入 after its quoted name
    one, two = ({**r, "subject": "general_public_budget", "text": str(r["text"]).replace("其他", "一般公共预算")} for r in (one, two))
    (row,) = run(check_restated_figures, {"statements": [one, two]})
    assert "“一般公共预算”收入" in row["detail"]


def test_a_figure_in_yuan_with_its_change_in_wan_is_checked_too() -> None:
    # “收入总计3000000元,与上年相比,减少60万元,减少25.00%”: 300 万元; 60 万元 of 360 is 16.67%, 60 元 about 0.00%; neither is 25.00%
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose="收入总计3000000元,与上年相比,减少60万元,减少25.00%,主要原因是经费减少。"))
    assert (row["check_id"], row["status"], row["expected"]) == ("yoy-agrees", "fail", "25.00%")
    # counter-case: 16.67% follows from the change in 万元
    assert run(check_change_in_another_unit, evidence=Evidence(prose="收入总计3000000元,与上年相比,减少60万元,减少16.67%。")) == []


# 7. a prose figure of every fund's money against the 一般公共预算's own table, where other money is printed

ALL_FUNDS = "二、支出预算总体情况\n按支出用途分类,包括人员支出260万元,日常公用支出40万元。\n"
ONE_FUND = "三、一般公共预算基本支出情况\n基本支出270万元,其中:人员经费240万元,公用经费30万元。\n"


def _totals_stated(metric: str, amount: str, text: str) -> dict[str, object]:
    return {"subject": metric, "resource": "totals", "phase": "approved", "fiscal_year": 2026, "amount": Decimal(amount), "text": text}


def _whole_and_fund(other_money: bool, business: str = "50") -> dict[str, list[dict[str, object]]]:
    rows: dict[str, list[dict[str, object]]] = {
        "statements": [
            _totals_stated("personnel_expenditure", "260", "按支出用途分类,包括人员支出260万元"),
            _totals_stated("basic_expenditure", "270", "基本支出270万元"),
            _totals_stated("personnel_expenditure", "240", "其中:人员经费240万元"),
            _totals_stated("public_expenditure", "30", "公用经费30万元"),
        ],
        "totals": [{**total("personnel_expenditure", "240", table="2026年一般公共预算基本支出表"), "phase": "approved"}],
        "revenue_by_source": [revenue("general_public_budget", "300")],
    }
    if other_money:
        rows["revenue_by_source"].append(revenue("business", business))
    return rows


def test_every_funds_personnel_figure_is_not_judged_against_the_general_budgets_table() -> None:
    # 人员支出 260 (every fund's, in the 支出预算总体情况 section) against the 一般公共预算基本支出表's 人员经费 240:
    # two figures where 事业收入 50 is printed; the 240 stated in the 一般公共预算 section agrees
    results = run(check_prose_against_tables, _whole_and_fund(True), Evidence(prose=ALL_FUNDS + ONE_FUND), fiscal_year=2026)
    assert sorted(r["status"] for r in results if r["check_id"] == "prose-agrees-with-table") == ["not_applicable", "pass"]
    # counter-case: with all the money the 一般公共预算's, 260 against 240 is a contradiction
    results = run(check_prose_against_tables, _whole_and_fund(False), Evidence(prose=ALL_FUNDS + ONE_FUND), fiscal_year=2026)
    assert sorted(r["status"] for r in results if r["check_id"] == "prose-agrees-with-table") == ["fail", "pass"]
    # nor where 260 is further from 240 than the other money (事业收入 10) could make it
    results = run(check_prose_against_tables, _whole_and_fund(True, "10"), Evidence(prose=ALL_FUNDS + ONE_FUND), fiscal_year=2026)
    assert sorted(r["status"] for r in results if r["check_id"] == "prose-agrees-with-table") == ["fail", "pass"]


def test_every_funds_personnel_figure_is_no_part_of_the_general_budgets_basic_expenditure() -> None:
    # 基本支出 270 (一般公共预算 section) against 人员支出 260 (every fund's, stated first) + 公用经费 30 = 290: not comparable
    results = run(check_headline_identities, _whole_and_fund(True), Evidence(prose=ALL_FUNDS + ONE_FUND), fiscal_year=2026)
    assert [r["status"] for r in results if r["check_id"] == "personnel-plus-public"] == ["not_applicable"]
    # counter-case: all the money the 一般公共预算's — the prose's 260 + 30 against its 270 fails
    results = run(check_headline_identities, _whole_and_fund(False), Evidence(prose=ALL_FUNDS + ONE_FUND), fiscal_year=2026)
    assert [r["status"] for r in results if r["check_id"] == "personnel-plus-public"] == ["fail"]
    # nor where the gap (20) is more than the other money (事业收入 10) could make: the whole's is no more than fund + other
    results = run(check_headline_identities, _whole_and_fund(True, "10"), Evidence(prose=ALL_FUNDS + ONE_FUND), fiscal_year=2026)
    assert [r["status"] for r in results if r["check_id"] == "personnel-plus-public"] == ["fail"]

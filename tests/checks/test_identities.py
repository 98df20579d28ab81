"""The 收支总表's headline identities, its revenue lines and its projects."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.checks.base import Checker
from cnbudget.checks.identities import check_headline_identities
from cnbudget.model import Disclosure, Evidence

from .conftest import chinese, outcomes, revenue, run, said, total

BALANCED = {
    "revenue_total": "100",
    "expenditure_total": "100",
    "revenue_current_year": "90",
    "carryover_in": "10",
    "expenditure_current_year": "100",
    "basic_expenditure": "60",
    "project_expenditure": "40",
    "personnel_expenditure": "50",
    "public_expenditure": "10",
}


def rows(origin: str = "table", **changed: str) -> dict[str, list[dict[str, Any]]]:
    """A balanced 收支总表 (with any figure changed), its revenue line and its projects."""
    figures = {**BALANCED, **changed}
    return {
        "totals": [total(metric, amount, origin) for metric, amount in figures.items()],
        "revenue_by_source": [revenue("general_public_budget", "90"), revenue("carryover", "10")],
        "projects": [{"amount": Decimal(25)}, {"amount": Decimal(15)}],
    }


def test_a_balanced_summary_table_passes_every_identity() -> None:
    results = run(check_headline_identities, rows())
    assert [r["check_id"] for r in results] == [
        "revenue-equals-expenditure",
        "revenue-total-adds-up",
        "basic-plus-project",
        "personnel-plus-public",
        "revenue-lines-add-up",
        "projects-add-up",
    ]
    assert {r["status"] for r in results} == {"pass"}


def test_each_identity_fails_on_its_own_contradiction() -> None:
    assert outcomes(run(check_headline_identities, rows(expenditure_total="101")), "revenue-equals-expenditure") == [("fail", "100", "101")]
    assert outcomes(run(check_headline_identities, rows(carryover_in="11")), "revenue-total-adds-up") == [("fail", "100", "101")]
    assert outcomes(run(check_headline_identities, rows(project_expenditure="41")), "basic-plus-project") == [("fail", "100", "101")]
    assert outcomes(run(check_headline_identities, rows(public_expenditure="9")), "personnel-plus-public") == [("fail", "60", "59")]
    assert outcomes(run(check_headline_identities, rows(revenue_current_year="91")), "revenue-lines-add-up") == [("fail", "91", "90")]
    assert outcomes(run(check_headline_identities, rows(project_expenditure="41")), "projects-add-up") == [("fail", "41", "40")]


def test_a_reserve_is_part_of_the_years_expenditure() -> None:
    results = run(check_headline_identities, rows(expenditure_current_year="105", reserve_expenditure="5"))
    (result,) = [r for r in results if r["check_id"] == "basic-plus-project"]
    assert (result["status"], result["actual"]) == ("pass", "105")
    assert "+ 单位预留机动经费" in result["detail_en"]
    assert "“基本支出” + “项目支出” + “单位预留机动经费”" in result["detail"]


def test_the_prose_is_held_to_the_same_identities() -> None:
    prose = {**rows(), "totals": [], "statements": [said("totals", m, a) for m, a in {**BALANCED, "expenditure_total": "99"}.items()]}
    results = run(check_headline_identities, prose)
    assert outcomes(results, "revenue-equals-expenditure") == [("fail", "100", "99")]
    assert results[0]["detail_en"].endswith("in the prose")
    assert results[0]["detail"].startswith("文字说明的“收入总计”") and results[0]["subject"] == "narrative"
    assert not outcomes(results, "revenue-lines-add-up")  # revenue lines and projects are read from the tables only


def test_lines_printed_below_the_current_year_total_are_parts_of_the_revenue_total() -> None:
    # sd_yantai_housing_urban_rural_dev_bureau_2026_dept_budget.pdf p. 9, 公开表1 收支总体情况表: 财政拨款收入 45,832.29 (一般公共预算
    # 41,966.15, 政府性基金 3,806.19, 国有资本经营 59.95), 其他收入 75.00, 本年收入合计 45,907.29; below it 上级补助收入 60.00;
    # 收入总计 45,967.29
    def line(source: str, amount: str, name: str) -> dict[str, object]:
        return {**revenue(source, amount), "source_name": name, "page": 9}

    data = {
        "totals": [total("revenue_current_year", "45907.29"), total("revenue_total", "45967.29"), total("expenditure_total", "45967.29")],
        "revenue_by_source": [
            line("general_public_budget", "41966.15", "一般公共预算收入"),
            line("government_fund", "3806.19", "政府性基金预算收入"),
            line("state_capital", "59.95", "国有资本经营预算收入"),
            line("other", "75.00", "五、其他收入"),
            line("superior_subsidy", "60.00", "上级补助收入"),
        ],
    }
    results = run(check_headline_identities, data, fiscal_year=2026)
    assert outcomes(results, "revenue-lines-add-up") == [("pass", "45907.29", "45907.29")]
    assert outcomes(results, "revenue-total-adds-up") == [("pass", "45967.29", "45967.29")]
    # where the 上级补助收入 is among the year's lines (they add up with it), it stays there
    data["totals"][0] = total("revenue_current_year", "45967.29")
    results = run(check_headline_identities, data, fiscal_year=2026)
    assert outcomes(results, "revenue-lines-add-up") == [("pass", "45967.29", "45967.29")]


def test_projects_the_document_says_it_left_out_make_the_sum_not_judged() -> None:
    # sd_yantai_petitions_bureau_2026_dept_budget.pdf p. 24, 公开表11: 合计 525.00, three projects 15.00 + 145.00 + 75.00,
    # then “（注：根据国家保密法律法规和有关保密事项范围的规定，部分具体项目信息公开时予以剔除。）”
    projects = [{"project_name": n, "amount": Decimal(a), "page": 24} for n, a in (("实施公车统管费用", "15.00"), ("接访大厅运行经费", "145.00"), ("信访业务工作经费", "75.00"))]
    data = {"totals": [total("project_expenditure", "525.00", table="支出总体情况表")], "projects": projects}
    note = "（注：根据国家保密法律法规和有关保密事项范围的规定，部分具体项目信息公开时予以剔除。）"
    results = run(check_headline_identities, data, Evidence(empty_explained=[note]), fiscal_year=2026)
    assert [r["status"] for r in results if r["check_id"] == "projects-add-up"] == ["not_applicable"]
    results = run(check_headline_identities, data, fiscal_year=2026)
    assert [r["status"] for r in results if r["check_id"] == "projects-add-up"] == ["fail"]


def test_the_prose_total_counts_the_carry_over_the_tables_print_when_the_prose_leaves_it_out() -> None:
    # a final account's prose: 收入总计 592.71 万元, 本年收入合计 574.46 万元, no word of the 年初结转和结余 18.25 万元 its 收支决算总表 prints
    table = [total("revenue_current_year", "574.46"), total("carryover_in", "18.25"), total("revenue_total", "592.71")]
    prose = [said("totals", "revenue_total", "592.71"), said("totals", "revenue_current_year", "574.46")]
    results = [r for r in run(check_headline_identities, {"totals": table, "statements": prose}) if r["check_id"] == "revenue-total-adds-up"]
    assert [(r["subject"], r["status"], r["expected"], r["actual"]) for r in results] == [
        ("table", "pass", "592.71", "592.71"),
        ("narrative", "pass", "592.71", "592.71"),
    ]
    assert "文字说明的“本年收入合计” + 《收支总表》的“上年结转”" in results[1]["detail"]
    prose[1] = said("totals", "revenue_current_year", "547.46")  # the prose's own figure wrong: still found
    results = [r for r in run(check_headline_identities, {"totals": table, "statements": prose}) if r["check_id"] == "revenue-total-adds-up"]
    assert [(r["status"], r["actual"]) for r in results] == [("pass", "592.71"), ("fail", "565.71")]


def test_a_prose_total_rounded_from_yuan_is_not_held_to_the_exact_carry_over_of_a_yuan_table() -> None:
    # the 收支决算总表 in 元: 9,849,743 and 349,620 (984.9743 and 34.9620 万元); the prose rounds to 1019.94 and 984.97 万元
    table = [total("revenue_current_year", "984.9743"), total("carryover_in", "34.9620"), total("revenue_total", "1019.9363")]
    prose = [said("totals", "revenue_total", "1019.94"), said("totals", "revenue_current_year", "984.97")]
    results = [r for r in run(check_headline_identities, {"totals": table, "statements": prose}) if r["check_id"] == "revenue-total-adds-up"]
    assert [(r["status"], r["actual"]) for r in results] == [("pass", "1019.9363"), ("pass", "1019.9320")]


def test_an_expenditure_total_above_basic_and_project_by_the_operating_revenue_is_not_judged() -> None:
    # zj_huzhou_transport_bureau_2026_dept_budget.pdf p.25: 合计 201,286.11 = 基本 26,435.02 + 3,388.68 + 项目 171,262.41
    # + 事业单位经营支出 200.00 (a column of its own); its 收支总表 prints 事业单位经营收入 200.00
    operating = rows(revenue_current_year="92", revenue_total="102", expenditure_total="102", expenditure_current_year="102")
    operating["revenue_by_source"].append(revenue("operating", "2"))
    results = run(check_headline_identities, operating)
    assert outcomes(results, "basic-plus-project") == [("not_applicable", "102", "100")]
    # a gap beyond the operating revenue is still a contradiction
    beyond = rows(revenue_current_year="93", revenue_total="103", expenditure_total="103", expenditure_current_year="103")
    beyond["revenue_by_source"].append(revenue("operating", "2"))
    assert outcomes(run(check_headline_identities, beyond), "basic-plus-project") == [("fail", "103", "100")]


def test_projects_above_the_project_expenditure_by_the_operating_revenue_are_not_judged() -> None:
    # zj_huzhou_transport_bureau_2026_dept_budget.pdf: 项目支出表 合计 171,462.41 (p.38), 支出总表 项目支出 171,262.41 and
    # 事业单位经营支出 200.00 (p.25), 收支总表 事业单位经营收入 200.00
    operating = rows()
    operating["projects"].append({"amount": Decimal(2)})
    operating["revenue_by_source"].append(revenue("operating", "2"))
    assert outcomes(run(check_headline_identities, operating), "projects-add-up") == [("not_applicable", "40", None)]
    operating["projects"].append({"amount": Decimal(1)})  # beyond the operating revenue
    assert outcomes(run(check_headline_identities, operating), "projects-add-up") == [("fail", "40", "43")]


def test_a_budgets_expenditure_total_is_its_current_year_spending_and_what_it_carries_over() -> None:
    from cnbudget.checks.base import Checker
    from cnbudget.model import Disclosure, Evidence

    def results(kind: str, **changed: str) -> list[tuple[str, str, str]]:
        figures = {**BALANCED, "expenditure_current_year": "95", "carryover_out": "5", **changed}
        d = Disclosure({"disclosure_id": "x", "fiscal_year": 2024, "kind": kind}, rows={"totals": [total(m, a) for m, a in figures.items()]}, evidence=Evidence())
        checker = Checker(d)
        check_headline_identities(checker)
        return [(r["status"], r["expected"], r["actual"]) for r in checker.out if r["check_id"] == "expenditure-total-adds-up"]

    assert results("budget") == [("pass", "100", "100")]
    # 支出总计 100 printed over 本年支出合计 95 + 结转下年 4: the document's own contradiction
    assert results("budget", carryover_out="4") == [("fail", "100", "99")]
    # a final account's 支出总计 also counts its 结余分配: without it, not judged as a budget's is
    assert [r[0] for r in results("final_account", carryover_out="4")] == ["not_applicable"]


def final_results(origin: str = "table", blank: tuple[str, ...] = (), **figures: str) -> list[dict[str, Any]]:
    """The expenditure-total-adds-up rows of a final account printing these 收支总表 figures (决算数), in a table or in the prose.

    ``blank``: the metrics whose line the 收支总表 prints with a blank cell.
    """
    from cnbudget.checks.base import Checker
    from cnbudget.model import Disclosure, Evidence

    if origin == "table":
        rows = {"totals": [{**total(m, a), "phase": "executed"} for m, a in figures.items()]}
    else:
        rows = {"statements": [said("totals", m, a, phase="executed", year=2023) for m, a in figures.items()]}
    evidence = Evidence(blank_totals=[{"metric": m, "page": 1, "source_table": "收支总表", "phase": "executed"} for m in blank])
    d = Disclosure({"disclosure_id": "x", "fiscal_year": 2023, "kind": "final_account"}, rows=rows, evidence=evidence)
    checker = Checker(d)
    check_headline_identities(checker)
    found = [r for r in checker.out if r["check_id"] == "expenditure-total-adds-up"]
    assert all(chinese(r["detail"]) for r in found)
    return found


def test_a_final_accounts_expenditure_total_is_its_spending_its_surplus_distribution_and_its_year_end_balances() -> None:
    lines = {"expenditure_total": "990.00", "expenditure_current_year": "950.00", "surplus_distribution": "5.00", "carryover_out": "35.00"}
    [passed] = final_results(**lines)
    assert (passed["status"], passed["expected"], passed["actual"]) == ("pass", "990.00", "990.00")
    assert "“本年支出合计” + “结余分配” + “年末结转和结余”" in passed["detail"]
    # 支出总计 990.00 over 950.00 + 5.00 + 30.00: the document contradicts itself
    [failed] = final_results(**{**lines, "carryover_out": "30.00"})
    assert (failed["status"], failed["expected_amount"], failed["actual_amount"], failed["severity"]) == ("fail", Decimal("990.00"), Decimal("985.00"), "mismatch")


def test_urumqi_2023_prose_expenditure_total_is_a_cent_off_its_lines() -> None:
    # 乌鲁木齐市政务服务中心 2023 部门决算 (tests/fixtures/hidden): “支出總計434.72萬元,其中:本年支出合計434.16萬元,
    # 結余分配0.00萬元,年末結轉和結余0.55萬元”: 434.16 + 0.00 + 0.55 = 434.71
    [row] = final_results("narrative", expenditure_total="434.72", expenditure_current_year="434.16", surplus_distribution="0.00", carryover_out="0.55")
    assert (row["subject"], row["status"], row["expected"], row["actual"], row["severity"]) == ("narrative", "fail", "434.72", "434.71", "rounding")
    assert "文字说明的“支出总计”为 434.72 万元" in row["detail"]


def test_a_final_account_missing_one_of_its_expenditure_lines_is_not_judged() -> None:
    # the prose names 支出总计 and 本年支出合计 but not the 结余分配 nor the 年末结转和结余
    [row] = final_results("narrative", expenditure_total="863.44", expenditure_current_year="863.25")
    assert (row["status"], row["expected"], row["actual"]) == ("not_applicable", "863.44", None)
    assert "未列出“结余分配”、“年末结转和结余”的金额" in row["detail"]
    # a table printing the lines with blank cells: nothing distributed, nothing carried over
    [row] = final_results(blank=("surplus_distribution", "carryover_out"), expenditure_total="990.00", expenditure_current_year="990.00")
    assert (row["status"], row["expected"], row["actual"]) == ("pass", "990.00", "990.00")
    assert "“结余分配”（空白） + “年末结转和结余”（空白）" in row["detail"]
    [row] = final_results(blank=("surplus_distribution",), expenditure_total="990.00", expenditure_current_year="950.00", carryover_out="30.00")
    assert (row["status"], row["actual"]) == ("fail", "980.00")
    # the prose leaves a line out; a blank cell is the table's, not the prose's
    [row] = final_results("narrative", blank=("surplus_distribution",), expenditure_total="990.00", expenditure_current_year="950.00", carryover_out="40.00")
    assert row["status"] == "not_applicable"
    # without the 本年支出合计 there is nothing to add up
    assert final_results(expenditure_total="990.00", surplus_distribution="5.00", carryover_out="35.00") == []


def budget_prose(statements: dict[str, str], tables: dict[str, str] | None = None, prose: str = "", kind: str = "budget") -> list[tuple[str, str, str, str]]:
    """(check, status, expected, actual) of the identities on a budget whose prose states ``statements`` (and tables print ``tables``)."""
    from cnbudget.checks.base import Checker
    from cnbudget.model import Disclosure

    rows = {"statements": [said("totals", m, a) for m, a in statements.items()], "totals": [total(m, a) for m, a in (tables or {}).items()]}
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2024, "kind": kind}, rows=rows, evidence=Evidence(prose=prose)))
    check_headline_identities(checker)
    assert all(chinese(r["detail"]) for r in checker.out)
    return [(r["check_id"], r["status"], r["expected"], r["actual"]) for r in checker.out if r["subject"] == "narrative/current_year"]


def test_a_budgets_prose_revenue_and_expenditure_budget_balance() -> None:
    # invented after a budget's “(一)2024年收入预算 120.5 万元……(二)2024年支出预算 110.5 万元”, no carry-over named
    assert budget_prose({"revenue_current_year": "120.5", "expenditure_current_year": "110.5"}) == [("revenue-equals-expenditure", "fail", "120.5", "110.5")]
    assert budget_prose({"revenue_current_year": "120.5", "expenditure_current_year": "120.50"}) == [("revenue-equals-expenditure", "pass", "120.5", "120.50")]
    # spending above revenue may be a carry-over the prose leaves out: not judged
    assert budget_prose({"revenue_current_year": "110.5", "expenditure_current_year": "120.5"}) == [("revenue-equals-expenditure", "not_applicable", "110.5", "120.5")]
    # counter-cases: a carry-over the prose or the tables name lets the year's two figures differ
    assert budget_prose({"revenue_current_year": "120.5", "expenditure_current_year": "130.5", "carryover_in": "10"}) == []
    assert budget_prose({"revenue_current_year": "120.5", "expenditure_current_year": "130.5"}, prose="上年结转10万元。") == []
    assert budget_prose({"revenue_current_year": "120.5", "expenditure_current_year": "130.5"}, {"carryover_in": "10", "revenue_total": "130.5"}) == []
    # a carry-over of 0 leaves them equal
    assert budget_prose({"revenue_current_year": "120.5", "expenditure_current_year": "110.5"}, prose="上年结转0万元。")[0][1] == "fail"
    # a final account's 收入决算 and 支出决算 differ by what it carries: not compared
    assert budget_prose({"revenue_current_year": "120.5", "expenditure_current_year": "110.5"}, kind="final_account") == []


def revenue_side(origin: str = "table", **figures: str) -> list[dict[str, Any]]:
    """The revenue-total-adds-up rows of a final account of 2023 whose 收支总表 (or prose) prints ``figures``."""
    from cnbudget.checks.base import Checker
    from cnbudget.model import Disclosure

    if origin == "table":
        rows = {"totals": [{**total(m, a), "phase": "executed"} for m, a in figures.items()]}
    else:
        rows = {"statements": [said("totals", m, a, phase="executed", year=2023) for m, a in figures.items()]}
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2023, "kind": "final_account"}, rows=rows, evidence=Evidence()))
    check_headline_identities(checker)
    found = [r for r in checker.out if r["check_id"] == "revenue-total-adds-up"]
    assert all(chinese(r["detail"]) for r in found)
    return found


def test_a_final_accounts_revenue_total_is_its_revenue_its_surplus_used_and_its_opening_balances() -> None:
    # invented 财决01表: 本年收入合计 950.00, 用事业基金弥补收支差额 6.00, 使用非财政拨款结余 4.00, 年初结转和结余 40.00, 总计 1000.00
    lines = {"revenue_total": "1000.00", "revenue_current_year": "950.00", "fund_makeup": "6.00", "surplus_used": "4.00", "carryover_in": "40.00"}
    [row] = revenue_side(**lines)
    assert (row["status"], row["actual"]) == ("pass", "1000.00")
    assert "“本年收入合计” + “使用非财政拨款结余” + “用事业基金弥补收支差额” + “年初结转和结余”" in row["detail"]
    [row] = revenue_side(**{**lines, "surplus_used": "14.00"})
    assert (row["status"], row["expected"], row["actual"], row["severity"]) == ("fail", "1000.00", "1010.00", "mismatch")
    # the prose too; a cent off is rounding (乌鲁木齐市政务服务中心 2023: 434.16 + 0.00 + 0.55 against 434.72)
    [row] = revenue_side("narrative", revenue_total="434.72", revenue_current_year="434.16", surplus_used="0.00", carryover_in="0.55")
    assert (row["status"], row["actual"], row["severity"]) == ("fail", "434.71", "rounding")
    # counter-case: without the line, the 收入总计 is 本年收入合计 + 年初结转和结余 as before
    [row] = revenue_side(revenue_total="990.00", revenue_current_year="950.00", carryover_in="40.00")
    assert row["status"] == "pass"


def _prose_revenue(revenue_total: str, current_year: str) -> list[tuple[str, str | None, str | None]]:
    """revenue-total-adds-up for prose that states only its 收入总计 and 本年收入合计 (no 结转 or 结余 named anywhere)."""
    prose = [said("totals", "revenue_total", revenue_total), said("totals", "revenue_current_year", current_year)]
    return outcomes(run(check_headline_identities, {"totals": [], "statements": prose}), "revenue-total-adds-up")


def test_a_prose_revenue_total_above_the_years_revenue_may_hold_an_unnamed_carryover() -> None:
    # invented, in the way of a final account's prose: 收、支总计均为424.71万元 … 本年收入合计422.69万元 (and no word of 年初结转)
    assert _prose_revenue("424.71", "422.69") == [("not_applicable", "424.71", "422.69")]


def test_a_prose_revenue_total_below_the_years_revenue_still_fails_and_equal_ones_pass() -> None:
    # no carry-over can make the total smaller than the year's revenue alone
    assert _prose_revenue("420.00", "422.69") == [("fail", "420.00", "422.69")]
    assert _prose_revenue("422.69", "422.69") == [("pass", "422.69", "422.69")]


def test_the_prose_naming_a_business_operations_spending_beside_basic_and_project_is_not_judged() -> None:
    # invented, in the way of a hospital's final account: 支出合计 = 基本 + 项目 + 经营支出, the third named in the same sentence
    prose = [said("totals", "expenditure_current_year", "26994.72"), said("totals", "basic_expenditure", "12270.36"), said("totals", "project_expenditure", "14629.33")]
    text = "2016年我院支出合计26,994.72万元,其中基本支出12,270.36万元,项目支出14,629.33万元,经营支出95.03万元。"
    results = run(check_headline_identities, {"totals": [], "statements": prose}, evidence=Evidence(prose=text))
    assert outcomes(results, "basic-plus-project") == [("not_applicable", "26994.72", "26899.69")]
    # a gap larger than the 经营支出 named still fails
    wider = text.replace("经营支出95.03", "经营支出5.03")
    assert outcomes(run(check_headline_identities, {"totals": [], "statements": prose}, evidence=Evidence(prose=wider)), "basic-plus-project")[0][0] == "fail"


def test_a_final_accounts_prose_总收入_and_总支出_unequal_are_not_judged_but_its_收入总计_and_支出总计_are() -> None:
    def final(words: tuple[str, str]) -> list[tuple[str, str | None, str | None]]:
        prose = [
            {**said("totals", "revenue_total", "488.93", "executed", 2017), "text": f"2017年{words[0]}488.93万元。"},
            {**said("totals", "expenditure_total", "488.80", "executed", 2017), "text": f"{words[1]}488.80万元。"},
        ]
        checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2017, "kind": "final_account"}, rows={"totals": [], "statements": prose}))
        check_headline_identities(checker)
        return outcomes(checker.out, "revenue-equals-expenditure")

    # invented: 总收入 488.93, 总支出 488.80 (the year's, the 0.13 left over not named)
    assert final(("总收入", "总支出")) == [("not_applicable", "488.93", "488.80")]
    assert final(("收入总计", "支出总计")) == [("fail", "488.93", "488.80")]

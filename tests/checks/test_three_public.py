"""The “三公” 经费 add up per year and origin."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.checks.three_public import check_three_public

from .conftest import outcomes, run, said


def items(amounts: dict[str, str], year: int = 2024, origin: str = "table") -> list[dict[str, Any]]:
    """``three_public`` rows of one year and origin."""
    return [{"fiscal_year": year, "item": item, "amount": Decimal(a), "origin": origin} for item, a in amounts.items()]


CONSISTENT = {"total": "10", "outbound_travel": "2", "vehicle_total": "5", "vehicle_purchase": "3", "vehicle_operation": "2", "reception": "3"}


def test_consistent_items_pass() -> None:
    results = run(check_three_public, {"three_public": items(CONSISTENT)})
    assert outcomes(results) == [("pass", "10", "10"), ("pass", "5", "5")]


def test_parts_that_do_not_add_up_fail() -> None:
    results = run(check_three_public, {"three_public": items({**CONSISTENT, "reception": "4"})})
    assert outcomes(results, "three-public-parts-add-up") == [("fail", "10", "11")]
    results = run(check_three_public, {"three_public": items({**CONSISTENT, "vehicle_operation": "1"})})
    assert outcomes(results, "three-public-vehicle-adds-up") == [("fail", "5", "4")]


def test_without_a_vehicle_total_its_two_parts_count() -> None:
    results = run(check_three_public, {"three_public": items({"total": "10", "outbound_travel": "2", "vehicle_purchase": "3", "vehicle_operation": "2", "reception": "4"})})
    assert outcomes(results) == [("fail", "10", "11")]


def test_each_year_and_origin_is_checked_apart() -> None:
    prose = [said("three_public", item, a, year=2024) for item, a in {"total": "9.00", "outbound_travel": "2.00", "vehicle_total": "5.00", "reception": "3.00"}.items()]
    results = run(check_three_public, {"three_public": items(CONSISTENT, 2023), "statements": prose})
    parts = [r for r in results if r["check_id"] == "three-public-parts-add-up"]
    assert [r["status"] for r in parts] == ["fail", "pass"]
    assert parts[0]["detail_en"].startswith("“三公” total 2024") and parts[0]["detail_en"].endswith("in the prose")
    assert parts[1]["detail_en"].startswith("“三公” total 2023") and parts[1]["detail_en"].endswith("in the table")
    assert parts[0]["detail"].startswith("文字说明中2024年的“三公”经费合计") and parts[1]["detail"].startswith("表格中2023年")
    assert [r["subject"] for r in parts] == ["2024/narrative", "2023/table"]


def test_each_phase_is_checked_apart() -> None:
    approved = items(CONSISTENT)
    executed = [{**row, "phase": "executed"} for row in items({**CONSISTENT, "total": "9"})]
    parts = [r for r in run(check_three_public, {"three_public": approved + executed}) if r["check_id"] == "three-public-parts-add-up"]
    assert [(r["status"], r["detail_en"].endswith("in the table (executed)")) for r in parts] == [("pass", False), ("fail", True)]
    assert [r["subject"] for r in parts] == ["2024/table", "2024/table/executed"]
    assert parts[1]["detail"].startswith("表格中2024年决算数的“三公”经费合计")


def test_a_part_the_table_leaves_blank_and_the_prose_states_makes_the_tables_sum_not_applicable() -> None:
    # anhui-xuanzhou-audit-2018-three-public-budget.txt (hidden): 合计 3.1, 因公出国(境)费 0, 公务接待费 printed blank;
    # the prose: 公务接待费支出预算为3.1万元
    table = items({"total": "3.1", "outbound_travel": "0"}, 2024)
    blank = run(check_three_public, {"three_public": table, "statements": [said("three_public", "reception", "3.1", year=2024)]})
    (row,) = [r for r in blank if r["subject"].endswith("table")]
    assert row["status"] == "not_applicable" and "公务接待费" in row["detail"]
    # without the prose's figure, the table's 0 against its 3.1 fails
    assert outcomes(run(check_three_public, {"three_public": table}), "three-public-parts-add-up") == [("fail", "3.1", "0")]


def test_a_part_the_prose_leaves_out_and_the_table_prints_makes_the_proses_sum_not_applicable() -> None:
    # anhui-shouxian-cultural-relics-2023-three-public-final.txt (hidden3): the table's 预算数 合计 3 = 公务接待费 1 + 公务用车 2;
    # the prose: “三公”经费支出预算为3万元 … 公务接待费预算为1万元, the page cut before 公务用车's
    table = [{**row, "phase": "approved"} for row in items({"total": "3", "vehicle_total": "2", "reception": "1"})]
    prose = [said("three_public", "total", "3"), said("three_public", "reception", "1")]
    (row,) = [r for r in run(check_three_public, {"three_public": table, "statements": prose}) if r["subject"].startswith("2024/narrative")]
    assert row["status"] == "not_applicable" and "公务用车购置及运行费" in row["detail"]
    # without the table's figure the part left out may still be the 2 missing (a page cut before it): not judged either
    (row,) = run(check_three_public, {"statements": prose})
    assert row["status"] == "not_applicable" and "没有写出“因公出国（境）费”的金额" in row["detail"]
    # but parts the prose states that pass the total, or all three stated, are judged
    over = [said("three_public", "total", "3"), said("three_public", "reception", "4")]
    assert outcomes(run(check_three_public, {"statements": over}), "three-public-parts-add-up") == [("fail", "3", "4")]
    whole = [*prose, said("three_public", "outbound_travel", "0"), said("three_public", "vehicle_total", "0.50")]
    assert outcomes(run(check_three_public, {"statements": whole}), "three-public-parts-add-up") == [("fail", "3", "1.50")]


def test_a_vehicle_total_whose_prose_names_one_part_is_not_judged() -> None:
    # invented after a final account's “公务用车购置及运行维护费支出2.48万元……其中，公务用车购置费0万元” (运行维护费 never stated)
    prose = [said("three_public", "vehicle_total", "2.48", "executed"), said("three_public", "vehicle_purchase", "0", "executed")]
    (row,) = run(check_three_public, {"statements": prose})
    assert (row["check_id"], row["status"]) == ("three-public-vehicle-adds-up", "not_applicable")
    assert "没有写出“公务用车运行费”的金额" in row["detail"]


def budget_and_actual(budget: dict[str, str], actual: dict[str, str], year: int = 2021) -> list[dict[str, Any]]:
    """A final account's “三公” table: the 预算数 and 决算数 columns of ``year``."""
    return [{**row, "phase": "approved", "source_table": "“三公”经费支出决算表"} for row in items(budget, year)] + [{**row, "phase": "executed"} for row in items(actual, year)]


def against_budget(prose: str, table: list[dict[str, Any]], kind: str = "final_account") -> list[dict[str, Any]]:
    from cnbudget.checks.base import Checker
    from cnbudget.checks.three_public import check_change_against_budget
    from cnbudget.model import Disclosure, Evidence

    from .conftest import chinese

    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2021, "kind": kind}, rows={"three_public": table}, evidence=Evidence(prose=prose)))
    check_change_against_budget(checker)
    assert all(chinese(r["detail"]) for r in checker.out)
    return checker.out


def test_a_final_accounts_change_against_the_years_budget_is_the_tables_budget_less_the_spending() -> None:
    # invented after a 2021 final account whose table prints 公务接待费 预算数 14.9, 决算数 5.21 and 公务用车 15, 2.48
    table = budget_and_actual({"reception": "14.9", "vehicle_total": "15"}, {"reception": "5.21", "vehicle_total": "2.48"})
    prose = "2.公务接待费支出5.21万元, 与2021年度预算相比,减少0.1万元,下降0.006%。3.公务用车购置及运行维护费支出2.48万元,与2021年度预算相比无变化。"
    reception, vehicle = against_budget(prose, table)
    assert (reception["check_id"], reception["status"], reception["expected"], reception["actual"], reception["severity"]) == ("change-agrees", "fail", "0.1", "9.69", "mismatch")
    assert "14.9 万元" in reception["detail"] and "5.21 万元" in reception["detail"] and "减少0.1万元" in reception["detail"]
    assert (vehicle["status"], vehicle["expected"], vehicle["actual"]) == ("fail", "0", "12.52")
    # counter-cases: the right change passes; a comparison with another year's budget, or in a budget, is not this check's
    right = "公务接待费支出5.21万元，与2021年度预算相比，减少9.69万元。公务用车购置及运行维护费支出15万元，与2021年度预算相比无变化。"
    assert [r["status"] for r in against_budget(right, budget_and_actual({"reception": "14.9", "vehicle_total": "15"}, {}))] == ["pass", "pass"]
    assert against_budget(prose.replace("2021年度", "2020年度"), table) == []
    assert against_budget(prose, table, kind="budget") == []
    # a table that gives the item no budget leaves it unjudged
    assert against_budget(prose, budget_and_actual({"reception": "14.9"}, {}))[1:] == []

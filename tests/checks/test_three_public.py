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
    prose = [said("three_public", item, a, year=2024) for item, a in {"total": "9", "outbound_travel": "2", "vehicle_total": "5", "reception": "3"}.items()]
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
    # without the table's figure, the prose's parts are all it states: 1 against its 3 fails
    assert outcomes(run(check_three_public, {"statements": prose}), "three-public-parts-add-up") == [("fail", "3", "1")]

"""Printed codes against the official classification of the year."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.classification import check_classification
from cnbudget.schema import REFERENCE_WINDOW

from .conftest import function, run

ECONOMIC = {"economic_code": "30101", "economic_name": "基本工资", "total": Decimal(1), "origin": "table", "source_table": "一般公共预算基本支出表", "page": 3}


def test_official_codes_under_their_names_pass_once() -> None:
    rows = {"expenditure_by_function": [function("201", "一般公共服务支出", "1"), function("2010101", "行政运行", "1")], "basic_expenditure_by_economic": [ECONOMIC]}
    (result,) = run(check_classification, rows)
    assert (result["status"], result["subject"], result["expected"], result["actual"]) == ("pass", "all", None, None)  # a count, not a printed figure
    assert result["detail"] == "所印的 3 个功能分类和经济分类科目编码都是2024年的官方编码，名称与官方名称一致。"
    assert result["detail_en"] == "all 3 printed function and economic codes are official for 2024 and printed under their official names"


def test_an_unknown_code_and_a_wrong_name_fail() -> None:
    rows = {"expenditure_by_function": [function("99999", "某某支出", "1"), function("201", "社会保障和就业支出", "1")]}
    results = run(check_classification, rows)
    assert [(r["check_id"], r["status"], r["expected"], r["actual"]) for r in results] == [
        ("classification-code-known", "fail", None, "99999"),  # no printed figure to expect: the detail says what
        ("classification-name-agrees", "fail", "一般公共服务支出", "社会保障和就业支出"),
    ]
    assert [r["subject"] for r in results] == ["99999", "201"]
    assert results[0]["pages"] == ";2"
    assert "不在2024年政府收支分类科目中" in results[0]["detail"] and "99999" in results[0]["detail"]


def test_codes_the_prose_names_are_not_held_to_the_classification() -> None:
    assert run(check_classification, {"expenditure_by_function": [function("99999", "某某支出", "1", origin="narrative")]}) == []


def test_a_year_after_the_newest_list_reads_its_codes_against_the_newest() -> None:
    """A code the newest list has passes in a later year, and the detail names the list read."""
    later, newest = REFERENCE_WINDOW[1] + 1, REFERENCE_WINDOW[1]
    rows = {"expenditure_by_function": [function("210", "卫生健康支出", "1"), function("2010101", "行政运行", "1")], "basic_expenditure_by_economic": [ECONOMIC]}
    results = run(check_classification, rows, fiscal_year=later)
    assert [(r["check_id"], r["subject"], r["status"]) for r in results] == [("classification-name-agrees", "all", "pass")]
    assert f"按其中最新的{newest}年科目表核对" in results[0]["detail"]
    assert f"read against the {newest} list, the newest the reference has" in results[0]["detail_en"]


def test_a_code_in_no_list_is_still_unknown_in_a_later_year() -> None:
    """An unknown code fails in a later year too, saying which list it was looked for in."""
    later, newest = REFERENCE_WINDOW[1] + 1, REFERENCE_WINDOW[1]
    results = run(check_classification, {"expenditure_by_function": [function("99999", "某某支出", "1")]}, fiscal_year=later)
    assert [(r["check_id"], r["status"]) for r in results] == [("classification-code-known", "fail")]
    assert "99999" in results[0]["detail"] and f"{newest}年科目表" in results[0]["detail"]


def test_a_year_inside_the_lists_has_no_note() -> None:
    """The fiscal year's own list needs no note."""
    results = run(check_classification, {"expenditure_by_function": [function("201", "一般公共服务支出", "1")]})
    assert "科目表核对" not in results[0]["detail"] and "read against" not in results[0]["detail_en"]

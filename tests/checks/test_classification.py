"""Printed codes against the official classification of the year."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.classification import check_classification

from .conftest import function, outcomes, run

ECONOMIC = {"economic_code": "30101", "economic_name": "基本工资", "total": Decimal(1), "origin": "table", "source_table": "一般公共预算基本支出表", "page": 3}


def test_official_codes_under_their_names_pass_once() -> None:
    rows = {"expenditure_by_function": [function("201", "一般公共服务支出", "1"), function("2010101", "行政运行", "1")], "basic_expenditure_by_economic": [ECONOMIC]}
    assert outcomes(run(check_classification, rows)) == [("pass", "3 official codes", "3 official codes")]


def test_an_unknown_code_and_a_wrong_name_fail() -> None:
    rows = {"expenditure_by_function": [function("99999", "某某支出", "1"), function("201", "社会保障和就业支出", "1")]}
    results = run(check_classification, rows)
    assert [(r["check"], r["status"], r["expected"], r["actual"]) for r in results] == [
        ("classification-code-known", "fail", "an official code for 2024", "99999"),
        ("classification-name-agrees", "fail", "一般公共服务支出", "社会保障和就业支出"),
    ]
    assert results[0]["page"] == 2


def test_codes_the_prose_names_are_not_held_to_the_classification() -> None:
    assert run(check_classification, {"expenditure_by_function": [function("99999", "某某支出", "1", origin="narrative")]}) == []

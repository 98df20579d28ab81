"""Retired class names of the function classification, by the document's year."""

from __future__ import annotations

from cnbudget.checks.names import check_retired_class_names
from cnbudget.model import Evidence

from .conftest import run


def test_a_retired_class_name_fails_in_a_later_year_and_passes_silently_in_its_own() -> None:
    prose = "16.医疗卫生与计划生育（类）行政事业单位医疗（款）行政单位医疗（项）：指财政部门安排的行政单位基本医疗保险缴费经费。"
    results = run(check_retired_class_names, evidence=Evidence(prose=prose), fiscal_year=2024)
    assert [(r["status"], r["expected"], r["actual"]) for r in results] == [("fail", "卫生健康支出", "医疗卫生与计划生育（类）")]
    assert run(check_retired_class_names, evidence=Evidence(prose=prose), fiscal_year=2018) == []
    assert run(check_retired_class_names, evidence=Evidence(prose="卫生健康支出11.54万元。"), fiscal_year=2024) == []

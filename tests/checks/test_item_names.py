"""The names the prose gives a function item against the table's, else against the year's list."""

from __future__ import annotations

from typing import Any

from cnbudget.checks.item_names import check_prose_item_names

from .conftest import function, run, said


def path(code: str, amount: str, text: str) -> dict[str, Any]:
    return {**said("expenditure_by_function", code, amount), "text": text, "page": 6}


def test_a_class_the_prose_names_otherwise_than_the_table_fails() -> None:
    """上海市普陀区社会福利院 2024: the prose's “医疗卫生与计划生育支出（类）…事业单位医疗（项）” 50.37 万元; the table prints 210 卫生健康支出."""
    text = "5.“医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元，主要用于人员医疗保险。"
    rows = {
        "statements": [path("2101102", "50.37", text)],
        "expenditure_by_function": [function("210", "卫生健康支出", "50.37"), function("21011", "行政事业单位医疗", "50.37"), function("2101102", "事业单位医疗", "50.37")],
    }
    (row,) = run(check_prose_item_names, rows)
    assert (row["check_id"], row["status"], row["expected"], row["actual"]) == ("prose-item-name-agrees", "fail", "卫生健康支出", "医疗卫生与计划生育支出")
    assert "文字说明（第6页）把功能分类科目 210 写作“医疗卫生与计划生育支出（类）”" in row["detail"] and "印作“卫生健康支出”" in row["detail"]
    rows["statements"] = [path("2101102", "50.37", text.replace("医疗卫生与计划生育支出", "卫生健康支出"))]
    assert run(check_prose_item_names, rows) == []


def test_a_level_the_table_does_not_print_is_held_to_the_year_list() -> None:
    """达川区信息公开服务中心 2024 (seed 003): “社会保障和就业（类）行政事业单位离退休（款）…” — 20805's name to 2021."""
    text = "3、社会保障和就业（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）2024年预算数为8.26万元"
    rows = {"statements": [path("2080505", "8.26", text)], "expenditure_by_function": [function("2080505", "机关事业单位基本养老保险缴费支出", "7.81")]}
    (row,) = run(check_prose_item_names, rows)
    assert (row["check_id"], row["status"], row["expected"], row["actual"]) == ("classification-name-current", "fail", "行政事业单位养老支出", "行政事业单位离退休")
    assert "2017—2021年的名称" in row["detail"]
    assert run(check_prose_item_names, rows, fiscal_year=2021) == []


def test_enumerators_and_cut_names_are_the_same_name() -> None:
    text = "1.一般公共服务支出（类）人大事务（款）行政运行（项）2026年预算数为10万元"
    rows = {"statements": [path("2010101", "10", text)], "expenditure_by_function": [function("201", "一般公共服务支出", "10"), function("20101", "人大事务", "10"), function("2010101", "行政运行", "10")]}
    assert run(check_prose_item_names, rows) == []

"""Declared amount units, and 万元 figures printed as 元."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.units import check_units
from cnbudget.model import BlockSummary, Evidence, Statement, UnitNote

from .conftest import outcomes, run, total

SUMMARY = BlockSummary("summary", "收支总表", "收支总表", 1, 10, "万元")
THREE_PUBLIC = BlockSummary("three_public", "“三公”经费支出表", "“三公”经费支出表", 4, 6, "")


def test_a_declared_unit_passes_and_an_assumed_one_fails() -> None:
    evidence = Evidence(blocks=[SUMMARY, THREE_PUBLIC], unit_notes=[UnitNote("“三公”经费支出表", 4, "万元")])
    results = run(check_units, evidence=evidence)
    assert outcomes(results) == [("pass", "万元", "万元"), ("fail", None, None)]  # nothing printed: the detail says what was assumed
    assert results[1]["detail"] == "《“三公”经费支出表》（第4页）没有注明金额单位，按文件其他表格的单位读作万元。"
    assert results[1]["pages"] == ";4" and results[1]["subject"] == "“三公”经费支出表"


def test_a_title_with_no_figure_under_it_needs_no_unit() -> None:
    # zj_huzhou_transport_bureau_2026_dept_budget.pdf p. 3: the 目录 line “（十）2026年市级部门项目支出预算表”, no figure below it
    toc = BlockSummary("projects", "（十）2026年市级部门项目支出预算表", "项目支出表", 3, 1, "", empty=True)
    evidence = Evidence(blocks=[SUMMARY, toc], unit_notes=[UnitNote("（十）2026年市级部门项目支出预算表", 3, "万元")])
    assert outcomes(run(check_units, evidence=evidence)) == [("pass", "万元", "万元")]


def test_a_table_figure_printed_in_yuan_is_a_mislabel() -> None:
    # “支出 12 元” read as 0.0012 万元, where the tables print 12 万元
    printed = Statement("一般公共预算支出", Decimal("0.0012"), "元", None, 0)
    results = run(check_units, {"totals": [total("expenditure_total", "12")]}, Evidence(all_statements=[printed]))
    assert outcomes(results) == [("fail", "12 万元", "12 元")]
    assert results[0]["subject"] == "12元" and results[0]["pages"] == "1;"
    assert "以万元印出同一数字 12" in results[0]["detail"]
    assert run(check_units, {"totals": [total("expenditure_total", "13")]}, Evidence(all_statements=[printed])) == []


def test_an_indicator_target_in_yuan_is_not_a_mislabel() -> None:
    # bj_city_health_commission_2026_dept_budget.pdf p. 62, 项目支出绩效目标表: “成本指标 经济成本指标 ＝ 4500 元/人”
    # (高职一等每生每年发放), while p. 2 prints 4,500.000000 万元 of revenue: a per-student rate, not that figure
    target = Statement("成本指标经济成本指标高职一等每生每年发放＝", Decimal("0.45"), "元", None, 0)
    assert run(check_units, {"totals": [total("revenue_total", "4500")]}, Evidence(all_statements=[target])) == []
    stated = Statement("成本指标经济成本指标高职一等每生每年发放", Decimal("0.45"), "元", None, 0)
    assert outcomes(run(check_units, {"totals": [total("revenue_total", "4500")]}, Evidence(all_statements=[stated]))) == [("fail", "4500 万元", "4500 元")]

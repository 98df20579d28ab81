"""Declared amount units, and 万元 figures printed as 元."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.units import check_units
from cnbudget.model import BlockSummary, Evidence, Line, Statement, UnitNote
from cnbudget.normalise.evidence import document_evidence

from .conftest import disclosure, outcomes, run, total

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


def test_a_mislabel_names_the_page_of_its_sentence() -> None:
    # jl_changchun_petitions_bureau_2026_dept_budget.pdf: “2026年预算支出1682.76元” on p. 17, the 收支总表's 1682.76 万元
    # on p. 6; the fail named only p. 6, so a reader could not find the sentence
    printed = Statement("2026年预算支出", Decimal("0.168276"), "元", None, 0, page=17)
    results = run(check_units, {"totals": [total("expenditure_total", "1682.76")]}, Evidence(all_statements=[printed]))
    assert results[0]["pages"] == "1;17"
    assert "“2026年预算支出1682.76元”（第17页）以元为单位" in results[0]["detail"]
    # a sentence whose page is not known names none (no “（第页）”), and the table's page stays
    unknown = Statement("2026年预算支出", Decimal("0.168276"), "元", None, 0)
    results = run(check_units, {"totals": [total("expenditure_total", "1682.76")]}, Evidence(all_statements=[unknown]))
    assert results[0]["pages"] == "1;" and "第页" not in results[0]["detail"] and "“2026年预算支出1682.76元”以元为单位" in results[0]["detail"]


def test_the_documents_statements_keep_their_pages() -> None:
    # the statements the mislabel check reads (every amount in the document) carry the page of their printed line
    d = disclosure()
    document_evidence(d, [Line(16, ("一、收支总表情况说明",)), Line(17, ("2026年预算支出1682.76元，其中基本支出预算1208.20万元。",))])
    assert [(st.amount, st.unit, st.page) for st in d.evidence.all_statements] == [(Decimal("0.168276"), "元", 17), (Decimal("1208.20"), "万元", 17)]

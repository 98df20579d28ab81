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
    assert outcomes(results) == [("pass", "万元", "万元"), ("fail", "a declared unit", "none; read as 万元 like the document's other tables")]
    assert results[1]["page"] == 4


def test_a_table_figure_printed_in_yuan_is_a_mislabel() -> None:
    # “支出 12 元” read as 0.0012 万元, where the tables print 12 万元
    printed = Statement("一般公共预算支出", Decimal("0.0012"), "元", None, 0)
    results = run(check_units, {"totals": [total("expenditure_total", "12")]}, Evidence(all_statements=[printed]))
    assert outcomes(results) == [("fail", "12 万元", "12 元")]
    assert run(check_units, {"totals": [total("expenditure_total", "13")]}, Evidence(all_statements=[printed])) == []

"""Misreadings found by reading every failing check of the corpus against its source (issue 14, precision).

Each test is one kind of misreading, on lines as the source prints them; it fails without its fix.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Block, Disclosure, Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.recognise.blocks import recognise_blocks
from cnbudget.tables.common import Context
from cnbudget.tables.function import read_function_table

D = Decimal


def _figures(lines: list[str], year: int) -> list[tuple[str, str, Decimal]]:
    figures, _ = read_narrative([Line(1, (t,)) for t in lines], year, "budget")
    return [(f.resource, f.subject, f.row.get("amount") or f.row.get("total")) for f in figures]  # type: ignore[misc]


def test_a_figure_after_a_class_heading_is_the_classes_not_the_years() -> None:
    # js_prov_procuratorate_2018_dept_budget.pdf p.26: the 款's figure, not the 本年支出合计 (21,955.35)
    found = _figures(["（一）公共安全支出（类）", "检察（款）: 2018 年预算支出合计 16,444.36 万元。"], 2018)
    assert ("totals", "expenditure_current_year", D("16444.36")) not in found


def test_an_economic_item_named_with_its_level_is_not_the_three_public_figure() -> None:
    # js_prov_cppcc_office_2017_dept_budget.pdf p.12: the 基本支出's 公务接待费（款）, not the 三公 table's 443.50
    found = _figures(["（8）公务接待费（款）支出 16 万元。用于除专项接待费外的其他按规定开支的公务接待支出。"], 2017)
    assert not [f for f in found if f[0] == "three_public"]
    # named without its level, it is the 三公 figure
    assert ("three_public", "reception", D("16")) in _figures(["公务接待费支出 16 万元。"], 2017)


def test_last_years_figure_is_not_this_years() -> None:
    # js_prov_npc_cttee_office_2018_dept_budget.pdf p.24: 128.43 is 2017's 预留机动经费 (2018's is 1,685.72)
    found = _figures(["行政运行支出 2,341.25 万元，与上年相比减少128.43万元，减少5.20%。主要原因是上年度列入此项的预留机动经费128.43万元本年度调入行政运行项。"], 2018)
    assert not [f for f in found if f[1] == "reserve_expenditure"]
    # the 上年结转 is this year's revenue
    assert ("totals", "carryover_in", D("5.00")) in _figures(["上年结转结余 5.00 万元。"], 2018)


def test_an_item_the_reference_could_not_check_is_kept() -> None:
    # js_prov_procuratorate_2017_dept_budget.pdf p.14: 2040404 查办和预防职务犯罪 480.00, which the reference
    # (verified false for 2040404) names otherwise; dropped, 20404 检察 no longer added up
    title = "八、一般公共预算支出预算表"
    rows = [("功能科目代码", "功能科目名称", "金额"), ("204", "公共安全支出", "13,641.34"), ("20404", "检察", "13,641.34"), ("2040401", "行政运行", "7,968.14"), ("2040404", "查办和预防职务犯罪", "480.00")]
    block = Block("function", title, [Line(14, (title,)), *(Line(14, r) for r in rows)], D(1), "万元")
    read = read_function_table(block, Context(Disclosure({"disclosure_id": "d"}), 2017, "a.pdf", D(1)))
    assert [r.code for r in read] == ["204", "20404", "2040401", "2040404"]


def test_a_unit_wrapped_into_the_next_lines_last_cell() -> None:
    # js_prov_high_court_2019_dept_budget.pdf p.14: “单位：万” / “部门名称：江苏省高级人民法院 | 元”
    lines = [
        Line(14, ("“三公”经费、会议费、培训费支出预算表",)),
        Line(14, ("单位：万",)),
        Line(14, ("部门名称：江苏省高级人民法院", "元")),
        Line(14, ("合计", "“三公”经费", "会议费", "培训费")),
        Line(14, ("2,382.02", "513.75", "271.02", "1,597.25")),
    ]
    blocks = [b for b in recognise_blocks(lines) if b.kind != "narrative"]
    assert [(b.unit_factor, b.unit_label) for b in blocks] == [(D(1), "万元")]

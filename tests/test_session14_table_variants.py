"""Session 14 (num29): kinds of printing the table probe (benchmarks/table_variants.py) found misread or refused
(issue 13) — full-width figures (１２３．４５), a table in 千元 or 亿元, a blank cell printed as - — or /, and a label
run into its amount (行政运行385.06). Every table is invented, a few rows in the national layouts; each rule has its
counter-case."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from cnbudget.amounts import declared_unit, parse_amount, to_wan
from cnbudget.model import Block, Disclosure, Line
from cnbudget.read import text_to_lines
from cnbudget.recognise.blocks import recognise_blocks
from cnbudget.tables.common import Context
from cnbudget.tables.economic import read_basic_economic
from cnbudget.tables.rows import split_row

D = Decimal


def _economic(rows: list[tuple[str, ...]]) -> Disclosure:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "budget"})
    title = "2024年一般公共预算基本支出表"
    head = [("科目编码", "", "科目名称", "合计", "人员经费", "公用经费"), ("类", "款", "", "", "", "")]
    block = Block("basic_expenditure_by_economic", title, [Line(3, (title,)), *(Line(3, c) for c in [*head, *rows])], D(1), "万元")
    read_basic_economic(block, Context(disclosure, 2024, "unit.pdf", D(1)))
    return disclosure


def _items(disclosure: Disclosure) -> dict[str, tuple[Any, ...]]:
    return {r["economic_code"]: (r["total"], r["personnel"], r["public"]) for r in disclosure.rows.get("basic_expenditure_by_economic", [])}


# --- full-width figures ---


@pytest.mark.parametrize(("printed", "value"), [("１２３．４５", "123.45"), ("１，２３４．５０", "1234.50"), ("－１２．３０", "-12.30"), ("０．００", "0.00")])
def test_a_full_width_figure_is_read_as_its_amount(printed: str, value: str) -> None:
    assert parse_amount(printed) == D(value)


@pytest.mark.parametrize("printed", ["第１项", "１２３．４５万元", "１２．３．４"])
def test_full_width_words_and_figures_with_a_unit_are_no_cell_amount(printed: str) -> None:
    assert parse_amount(printed) is None  # counter-case: folding the width admits no more than the half-width reading did


# --- 千元 and 亿元 tables ---


@pytest.mark.parametrize(("line", "factor", "label"), [("金额单位：千元", "0.1", "千元"), ("单位：亿元", "10000", "亿元"), ("项目（千元）", "0.1", "千元"), ("金额单位：万元", "1", "万元"), ("单位：元", "0.0001", "元")])
def test_a_declared_unit_of_thousands_or_hundred_millions_has_its_factor(line: str, factor: str, label: str) -> None:
    assert declared_unit(line) == (D(factor), label)


@pytest.mark.parametrize("line", ["人均补助标准为每人每月三千元", "单位：百万元", "本表无数据"])
def test_no_declared_unit_in_prose_or_an_unknown_unit(line: str) -> None:
    assert declared_unit(line) is None  # counter-case: 千元 in a sentence declares nothing; 百万元 stays undeclared


def test_thousands_and_hundred_millions_convert_exactly_to_wan() -> None:
    assert str(to_wan(D("6609.70"), D("0.1"))) == "660.970"
    assert str(to_wan(D("0.066097"), D(10000))) == "660.97"
    assert str(to_wan(D("1234567.89"), D("0.0001"))) == "123.456789"  # counter-case: 元 as before


def test_a_table_in_thousands_is_a_block_with_that_unit() -> None:
    text = "2024年部门收支总表\n部门：某县财政局\t金额单位：千元\n项目\t本年预算数\t项目\t本年预算数\n一、一般公共预算拨款收入\t6,609.70\t一、一般公共服务支出\t6,609.70\n"
    block = next(b for b in recognise_blocks(text_to_lines(text)) if b.kind != "narrative")
    assert (block.unit_factor, block.unit_label) == (D("0.1"), "千元")


# --- a blank printed as a mark ---


@pytest.mark.parametrize("mark", ["-", "—", "/", "－", "--"])
def test_a_blank_printed_as_a_mark_leaves_the_row_its_figures(mark: str) -> None:
    row = split_row(Line(3, ("301", "", "工资福利支出", "362.08", "362.08", mark)))
    assert (row.lead, row.name, row.slots) == (["301"], "工资福利支出", [D("362.08"), D("362.08"), None])


def test_a_basic_table_with_marked_blanks_is_read() -> None:
    items = _items(
        _economic(
            [
                ("", "", "合计", "100.00", "80.00", "20.00"),
                ("301", "", "工资福利支出", "80.00", "80.00", "-"),
                ("301", "01", "基本工资", "80.00", "80.00", "—"),
                ("302", "", "商品和服务支出", "20.00", "/", "20.00"),
                ("302", "01", "办公费", "20.00", "-", "20.00"),
            ]
        )
    )
    assert items["30101"] == (D("80.00"), D("80.00"), None) and items["30201"] == (D("20.00"), None, D("20.00"))


def test_a_hyphen_inside_a_name_stays_in_the_name() -> None:
    row = split_row(Line(3, ("", "", "其他-对个人和家庭的补助", "3.00", "3.00", "")))
    assert row.name == "其他-对个人和家庭的补助" and row.values == [D("3.00"), D("3.00")]  # counter-case


# --- a label run into its amount ---


def test_a_label_run_into_its_amount_is_cut_in_two() -> None:
    row = split_row(Line(3, ("301", "01", "基本工资83.05", "83.05", "")))
    assert (row.name, row.values) == ("基本工资", [D("83.05"), D("83.05")])


@pytest.mark.parametrize("name", ["2021年预算数", "住房公积金2021", "一般公共预算（2.0版）"])
def test_a_name_ending_in_a_year_or_a_bracket_is_not_cut(name: str) -> None:
    row = split_row(Line(3, ("", "", name, "5.00")))
    assert row.name == name and row.values == [D("5.00")]  # counter-case: only a decimal figure after a word is cut


def test_two_halves_printed_as_one_row_give_no_table_total() -> None:
    disclosure = _economic(
        [
            ("301", "", "工资福利支出", "80.00", "80.00", ""),
            ("302", "", "商品和服务支出", "20.00", "", "20.00"),
            ("", "", "人员经费合计80.00", "公用经费合计", "20.00", ""),
        ]
    )
    assert all(r["metric"] != "basic_expenditure" for r in disclosure.rows.get("totals", []))


def test_a_total_row_with_one_label_is_still_the_total() -> None:
    disclosure = _economic([("", "", "合计", "100.00", "80.00", "20.00"), ("301", "", "工资福利支出", "80.00", "80.00", ""), ("302", "", "商品和服务支出", "20.00", "", "20.00")])
    assert {r["metric"]: r["amount"] for r in disclosure.rows.get("totals", [])}.get("basic_expenditure") == D("100.00")  # counter-case


def test_a_line_printed_as_one_cell_keeps_its_run_in_label() -> None:
    # counter-case: a line of one cell (行政经费177.50 under a “三公” table's 项目 2017年预算) is read by its table kind's own
    # layouts, which know which of its labels are items; cutting it here made 行政经费 the table's “三公” total
    row = split_row(Line(3, ("行政经费177.50",)))
    assert row.values == [] and row.name == "行政经费177.50"


@pytest.mark.parametrize(("factor", "unit"), [("0.1", "千元"), ("10000", "亿元"), ("0.0001", "元"), ("1", "万元")])
def test_a_table_of_no_unit_in_a_document_of_another_is_noted_in_that_unit(factor: str, unit: str) -> None:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "budget"})
    ctx = Context(disclosure, 2024, "unit.pdf", D(factor))
    assert ctx.factor(Block("three_public", "“三公”经费表", [], None)) == D(factor)
    assert [n.assumed for n in disclosure.evidence.unit_notes] == [unit]  # 万元 and 元 as before

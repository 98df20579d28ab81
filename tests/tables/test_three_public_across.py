"""A “三公”经费表 of last year's 决算数 beside this year's 预算数 (issue 13, session 13): each group read with its own phase.

``tables/three_public_across`` (a barred cell-a-line copy, items across), the year groups' phases of
``tables/three_public._groups`` and the title naming both years. The inputs are invented in the style of
the 2011–2012 pages, cut to what the rule reads; the expected values are read from them by a person.
"""

from __future__ import annotations

from cnbudget.model import Line
from cnbudget.recognise.blocks import recognise_blocks, title_kind
from cnbudget.tables.three_public import THREE_PUBLIC
from tests.tables.conftest import D, block, read
from tests.tables.test_three_public import items

TITLE = "某局“三公经费”财政拨款情况表"


def _barred(*cells: str) -> list[str]:
    """A web page's table copied a cell a line: each cell's lines (split at ``/``), then a bar alone closing it."""
    return [line for cell in cells for line in [*cell.split("/"), "|"]]


HEADER = ("2010年“三公经费”财政拨款决算数", "2011年“三公经费”财政拨款预算数")
ITEMS = ("合 计", "因公出国/(境)费", "公务用车购/置及运行费", "公务接/待费")


def test_a_barred_table_of_two_years_gives_each_its_phase_by_the_header() -> None:
    rows = ["单位:万元", *_barred(*HEADER, *ITEMS, *ITEMS, "98.31", "9.20", "45.26", "43.85", "96.14", "9.20", "43.09", "43.85"), "有关情况说明如下:"]
    r = read(block("three_public", TITLE, rows), fiscal_year=2011)
    assert items(r, 2010, "executed") == {"total": D("98.31"), "outbound_travel": D("9.20"), "vehicle_total": D("45.26"), "reception": D("43.85")}
    assert items(r, 2011) == {"total": D("96.14"), "outbound_travel": D("9.20"), "vehicle_total": D("43.09"), "reception": D("43.85")}
    assert items(r, 2010) == {} and r.totals() == {"three_public_total": D("96.14")}  # 2010's are no budget; the year's total is 2011's


def test_a_barred_table_whose_figures_do_not_keep_the_header_is_not_read_by_it() -> None:
    # one figure fewer than the items named: which cell is blank is not said, so nothing is placed by position
    short = ["单位:万元", *_barred(*HEADER, *ITEMS, *ITEMS, "98.31", "9.20", "45.26", "43.85", "96.14", "9.20", "43.09")]
    r = read(block("three_public", TITLE, short), fiscal_year=2011)
    assert items(r, 2010, "executed") == {} and items(r, 2011).get("outbound_travel") is None
    # the figures in the header's places but 合计 not their sum (43.90 for 43.09): a misreading is possible, none is published by position
    broken = ["单位:万元", *_barred(*HEADER, *ITEMS, *ITEMS, "98.31", "9.20", "45.26", "43.85", "96.14", "9.20", "43.90", "43.85")]
    r = read(block("three_public", TITLE, broken), fiscal_year=2011)
    assert items(r, 2010, "executed") == {} and items(r, 2011).get("vehicle_total") is None


def test_a_text_layers_two_years_take_the_phase_printed_after_each_year() -> None:
    rows = [
        "单位：万元",
        "2022 年决算数 2023 年预算数",
        "合计 因公出国（境）费 公务用车购置费 公务用车运行费 公务接待费 合计 因公出国（境）费 公务用车购置费 公务用车运行费 公务接待费",
        "合计 57.00 0.00 0.00 40.00 17.00 53.00 0.00 0.00 36.00 17.00",
    ]
    r = read(block("three_public", "2023年“三公”经费支出表", rows), fiscal_year=2023)
    assert items(r, 2022, "executed")["total"] == D("57.00") and items(r, 2022) == {}
    # two budgets side by side stay two budgets
    rows[1] = "2022 年预算数 2023 年预算数"
    r = read(block("three_public", "2023年“三公”经费支出表", rows), fiscal_year=2023)
    assert items(r, 2022)["total"] == D("57.00") and items(r, 2022, "executed") == {}


def _lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


def test_a_table_whose_title_ran_into_the_opening_sentence_starts_at_its_unit_line() -> None:
    opening = "某局“三公经费”财政拨款情况及说明按照国务院有关规定,某局对“三公经费”2010年财政拨款决算数据和2011年财政拨款预算数据公布如下:"
    lines = _lines(opening, "单位:万元", *_barred(*HEADER, *ITEMS, *ITEMS, "98.31", "9.20", "45.26", "43.85", "96.14", "9.20", "43.09", "43.85"))
    tables = [b for b in recognise_blocks(lines) if b.kind != "narrative"]
    assert [(b.kind, b.title, b.lines[0].text) for b in tables] == [("three_public", THREE_PUBLIC.label, "单位:万元")]
    # a unit line over prose that names the 三公经费 (a sentence, not a group's header) starts no table
    prose = _lines(opening, "单位:万元", "2011年“三公经费”财政拨款预算数比上年减少90.17万元。")
    assert [b.kind for b in recognise_blocks(prose)] == ["narrative"]


def test_a_title_may_name_last_years_final_account_and_this_years_budget() -> None:
    assert title_kind(Line(1, ("附:某市某局 “三公”经费2011年决算和2012年预算情况表",))) is THREE_PUBLIC
    # a sentence naming them is no title
    assert title_kind(Line(1, ("“三公”经费2011年决算和2012年预算情况说明如下:",))) is None

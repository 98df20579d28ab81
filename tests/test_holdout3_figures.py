"""Figures in layouts the third held-out set showed once it was measured (issue 13, session 8), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/holdout3 holds, cut to what each rule
reads, with names and figures invented; expected values are read from those lines by a person.
Every rule has its counter-case.
"""

from __future__ import annotations

from decimal import Decimal as D

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.recognise.blocks import recognise_blocks


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


def figures(text: str | list[Line], kind: str = "budget", year: int = 2022) -> dict[tuple[str, str, str], object]:
    """The prose's figures by (resource, subject, phase)."""
    found, _ = read_narrative(lines(text) if isinstance(text, str) else text, year, kind)
    return {(f.resource, f.subject, f.phase): f.row["total" if f.resource == "expenditure_by_function" else "amount"] for f in found}


# 1. The prose's own heading after a table (or a contents entry) ends the table: 1. …情况说明, ……情况说明

CONTENTS_THEN_PROSE = [
    "八、国有资本经营预算财政拨款支出决算表",
    "九、财政拨款“三公”经费支出决算表",
    "某卫生院2023年度部门决算情况说明",
    "1. 收入支出决算总体情况说明",
    "2023年度收、支总计均为812.40万元。与2022年度相比,收、支总计各减少15.00万元,下降2%,主要原因是事业收入减少",
    "2. 收入决算情况说明",
    "2023年度收入合计812.40 万元,与2022年度相比,收入合计减少15.00万元。",
]


def test_a_contents_entry_followed_by_the_prose_s_headings_is_no_table() -> None:
    blocks = recognise_blocks(lines(*CONTENTS_THEN_PROSE))
    assert [b.kind for b in blocks] == ["narrative"]


def test_a_table_title_followed_by_its_header_is_still_a_table() -> None:
    blocks = recognise_blocks(lines("九、财政拨款“三公”经费支出决算表", "单位：万元", "项目 预算数 决算数", "合计 3.00 2.50"))
    assert [b.kind for b in blocks] == ["narrative", "three_public"]


def test_a_table_ends_at_an_unnumbered_heading_that_ends_in_qingkuang_shuoming() -> None:
    rows = ["一、2022年度“三公”经费支出决算表", "单位:万元", "项目 预算数 决算数", "合计 3.00 2.50",
            "2022年度“三公”经费支出情况说明", "某校2022年度“三公”经费支出预算为3.00万元,支出决算为2.50万元。"]
    blocks = recognise_blocks(lines(*rows))
    assert [len(b.lines) for b in blocks] == [2, 4]
    assert blocks[0].lines[0].text == "2022年度“三公”经费支出情况说明"


def test_the_prose_after_a_numbered_heading_reads_the_totals_not_a_three_public_figure() -> None:
    got = figures(lines(*CONTENTS_THEN_PROSE), "final_account", 2023)
    assert got[("totals", "revenue_total", "executed")] == D("812.40")
    assert got[("totals", "expenditure_total", "executed")] == D("812.40")
    # a change named in the sentence before the heading (……事业收入减少) does not make 收入合计 one
    assert got[("totals", "revenue_current_year", "executed")] == D("812.40")
    assert ("three_public", "total", "executed") not in got


def test_a_change_in_the_same_sentence_is_still_a_change() -> None:
    got = figures("2. 收入决算情况说明2023年度收入合计比上年减少15.00万元。", "final_account", 2023)
    assert ("totals", "revenue_current_year", "executed") not in got

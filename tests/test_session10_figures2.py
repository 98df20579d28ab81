"""Session 10 round 2: figures missed on published pages of the development sets, by kind of layout (issue 13).

Each kind has a small invented example that fails without its rule, and a counter-case.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Block, Disclosure, Line
from cnbudget.normalise.disclosure import prose_only
from cnbudget.tables.common import Context
from cnbudget.tables.three_public import read_three_public
from tests.conftest import narrative_figures


def _three_public(*texts: str, year: int = 2016) -> Disclosure:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "budget"})
    title = f"一、{year}年“三公”经费支出预算表"
    block = Block("three_public", title, [Line(1, (title,)), *(Line(1, (text,)) for text in texts)], Decimal(1), "万元")
    read_three_public(block, Context(disclosure, year, "unit.txt", Decimal(1)))
    return disclosure


def _read(disclosure: Disclosure) -> dict[str, Decimal]:
    return {r["item"]: r["amount"] for r in disclosure.rows.get("three_public", [])}


# the items of the invented cell-a-line 三公 table below: 6.5 + 12 + 23 = 41.5 (23 = 20 + 3)
ITEMS = ("因公出国(境)费", "6.5", "公务接待费", "12", "公务用车购置及运行费", "23", "其中:公务用车运行维护费", "20", "公务用车购置", "3")


# 1. a 三公 table printed a cell a line whose 项目 corner and 合计 label are blank: 预算数, then the total's figure


def test_a_cell_a_line_three_public_table_with_a_blank_corner() -> None:
    got = _read(
        _three_public(
            "单位:万元",
            "预 算 数",
            "41.5",
            *ITEMS,
        )
    )
    assert got == {
        "total": Decimal("41.5"),
        "outbound_travel": Decimal("6.5"),
        "reception": Decimal(12),
        "vehicle_total": Decimal(23),
        "vehicle_operation": Decimal(20),
        "vehicle_purchase": Decimal(3),
    }


def test_an_unlabelled_figure_that_is_not_the_items_sum_is_not_published() -> None:
    # the lone figure under the header does not add up with the items: which row it is is not known
    disclosure = _three_public(
        "单位:万元",
        "预 算 数",
        "50",
        *ITEMS,
    )
    assert "total" not in _read(disclosure)
    assert not any(r["metric"] == "three_public_total" for r in disclosure.rows.get("totals", []))
    assert any(d["key"] == "2016/total/approved/amount" and d["read_value"] == "50" for d in disclosure.rows.get("doubts", []))


# 2. a section headed by a table's name (一、收入支出决算总表) that says its figures in a sentence, no table under it


def _summary_block(*texts: str) -> Block:
    title = "一、收入支出决算总表"
    return Block("summary", title, [Line(1, (title,)), *(Line(1, (text,)) for text in texts)], None)


def test_a_table_heading_over_a_sentence_is_prose() -> None:
    block = _summary_block("本单位2018年度收入总计412.36 万元,支出总计 412.36 万元。与2017年决算相比")
    assert prose_only(block)
    found = narrative_figures(block.lines, kind="final_account", year=2018)
    assert found[("totals", "revenue_total", "executed")] == Decimal("412.36")


def test_a_tables_rows_or_an_empty_tables_note_are_not_prose() -> None:
    assert not prose_only(_summary_block("项目", "本年收入合计", "412.36"))
    assert not prose_only(_summary_block("注：本单位没有政府性基金收入，也没有使用政府性基金安排的支出，故本表无数据。"))
    assert not prose_only(_summary_block("一般公共预算拨款收入 | 412.36 | 本年支出合计 | 412.36。"))
    assert not prose_only(_summary_block())

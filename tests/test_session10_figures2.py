"""Session 10 round 2: figures missed on published pages of the development sets, by kind of layout (issue 13).

Each kind has a small invented example that fails without its rule, and a counter-case.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Block, Disclosure, Line
from cnbudget.tables.common import Context
from cnbudget.tables.three_public import read_three_public


def _three_public(*texts: str, year: int = 2016) -> Disclosure:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "budget"})
    title = f"一、{year}年“三公”经费支出预算表"
    block = Block("three_public", title, [Line(1, (title,)), *(Line(1, (text,)) for text in texts)], Decimal(1), "万元")
    read_three_public(block, Context(disclosure, year, "unit.txt", Decimal(1)))
    return disclosure


def _read(disclosure: Disclosure) -> dict[str, Decimal]:
    return {r["item"]: r["amount"] for r in disclosure.rows.get("three_public", [])}


# 1. a 三公 table printed a cell a line whose 项目 corner and 合计 label are blank: 预算数, then the total's figure


def test_a_cell_a_line_three_public_table_with_a_blank_corner() -> None:
    got = _read(
        _three_public(
            "单位:万元",
            "预 算 数",
            "41.5",
            "因公出国(境)费",
            "6.5",
            "公务接待费",
            "12",
            "公务用车购置及运行费",
            "23",
            "其中:公务用车运行维护费",
            "20",
            "公务用车购置",
            "3",
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
        "因公出国(境)费",
        "6.5",
        "公务接待费",
        "12",
        "公务用车购置及运行费",
        "23",
        "其中:公务用车运行维护费",
        "20",
        "公务用车购置",
        "3",
    )
    assert "total" not in _read(disclosure)
    assert not any(r["metric"] == "three_public_total" for r in disclosure.rows.get("totals", []))
    assert any(d["key"] == "2016/total/approved/amount" and d["read_value"] == "50" for d in disclosure.rows.get("doubts", []))

"""The 政府采购预算表's 货物 + 工程 + 服务 rows against its 合计 (reader and check on tiny inline tables)."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.procurement import check_procurement_table_parts
from cnbudget.model import Block, Disclosure, Evidence, Line
from cnbudget.tables.common import Context
from cnbudget.tables.procurement import read_procurement

from .conftest import outcomes, run

D = Decimal
TITLE = "2018年江苏省高级人民法院政府采购预算表"


def _read(rows: list[tuple[str, ...]]) -> Disclosure:
    lines = [Line(12, (TITLE,)), Line(12, ("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计")), *(Line(12, cells) for cells in rows)]
    disclosure = Disclosure({"disclosure_id": "d"})
    read_procurement(Block("procurement", TITLE, lines, D(1), "万元"), Context(disclosure, 2018, "unit.pdf", D(1)))
    disclosure.evidence.table_totals = disclosure.rows.get("totals", [])
    return disclosure


# the categories of the 2018 江苏省高级人民法院 table (corpus): 962.86 + 539.00 + 3,139.76 = 4,641.62
COURT = [
    ("合计", "", "", "", "", "4641.62"),
    ("一、货物A", "", "", "", "", "962.86"),
    ("", "审判专项业务费", "办公设备购置", "台式计算机", "政府集中采购", "120.00"),
    ("二、工程B", "", "", "", "", "539.00"),
    ("三、服务C", "", "", "", "", "3,139.76"),
]


def _check(rows: list[tuple[str, ...]]) -> list[tuple[str, str | None, str | None]]:
    d = _read(rows)
    return outcomes(run(check_procurement_table_parts, evidence=Evidence(table_totals=d.evidence.table_totals, procurement_parts=d.evidence.procurement_parts)))


def test_the_reader_keeps_each_category_row_not_the_items_under_it() -> None:
    parts = _read(COURT).evidence.procurement_parts
    assert [(p["part"], p["amount"]) for p in parts] == [("货物", D("962.86")), ("工程", D("539.00")), ("服务", D("3139.76"))]


def test_three_categories_that_add_up_pass_and_one_changed_fails() -> None:
    assert _check(COURT) == [("pass", "4641.62", "4641.62")]
    wrong = [*COURT[:3], ("二、工程B", "", "", "", "", "593.00"), COURT[4]]
    results = run(check_procurement_table_parts, evidence=Evidence(table_totals=_read(wrong).evidence.table_totals, procurement_parts=_read(wrong).evidence.procurement_parts))
    assert outcomes(results) == [("fail", "4641.62", "4695.62")]
    assert results[0]["severity"] == "mismatch"
    assert "《2018年江苏省高级人民法院政府采购预算表》的政府采购合计（第12页）为 4641.62 万元" in results[0]["detail"]


def test_a_missing_category_short_of_the_total_is_not_compared_but_above_it_fails() -> None:
    short = [COURT[0], COURT[1], COURT[4]]  # 工程 not printed: 962.86 + 3,139.76 < 4,641.62
    assert _check(short) == [("not_applicable", "4641.62", "4102.62")]
    above = [("合计", "", "", "", "", "1,000.00"), COURT[1], COURT[4]]
    assert _check(above) == [("fail", "1000.00", "4102.62")]


def test_a_table_without_categories_is_not_checked() -> None:
    assert _check([COURT[0], COURT[2]]) == []


def test_categories_of_a_table_printing_its_funds_before_the_total() -> None:
    # a Jiangsu 政府采购支出表: 资金来源 (一般公共预算资金 | 政府性基金) first, the 总计 last; its categories in that column
    title = "2019年政府采购支出表"
    rows = [("项目", "一般公共预算资金", "政府性基金", "总计"), ("合计", "90.00", "10.00", "100.00"), ("货物类", "30.00", "", "30.00"), ("服务类", "60.00", "10.00", "70.00")]
    block = Block("procurement", title, [Line(12, (title,)), *(Line(12, r) for r in rows)], D(1), "万元")
    disclosure = Disclosure({"disclosure_id": "d"})
    read_procurement(block, Context(disclosure, 2019, "unit.pdf", D(1)))
    assert [(p["part"], p["amount"]) for p in disclosure.evidence.procurement_parts] == [("货物", D("30.00")), ("服务", D("70.00"))]

"""The 政府采购预算表 reader on tiny inline tables: its 合计 is ``totals.government_procurement``."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from cnbudget.model import Block, Disclosure, Document, Identity, Line, SourceFile
from cnbudget.normalise.disclosure import normalise_disclosure
from cnbudget.tables.common import Context
from cnbudget.tables.procurement import read_procurement

D = Decimal
TITLE = "2017年政府采购预算表"
WAN = D(1)


def _block(rows: list[tuple[str, ...]], factor: Decimal = WAN, page: int = 12) -> Block:
    return Block("procurement", TITLE, [Line(page, (TITLE,)), *(Line(page, cells) for cells in rows)], factor, "万元" if factor == 1 else "元")


def _totals(block: Block) -> tuple[list[dict[str, Any]], Disclosure]:
    disclosure = Disclosure({"disclosure_id": "d"})
    read_procurement(block, Context(disclosure, 2017, "unit.pdf", D(1)))
    return disclosure.rows.get("totals", []), disclosure


def test_total_row_of_an_item_list() -> None:
    rows, _ = _totals(
        _block(
            [
                ("部门：中国共产党江苏省委员会办公厅", "单位：万元"),
                ("采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"),
                ("合计", "", "", "", "", "1,774.70"),
                ("一、货物A", "", "", "", "", "496.20"),
                ("", "办公设备购置费", "办公设备购置", "", "", "60.00"),
                ("", "", "", "台式计算机（20万以下）", "政府集中采购", "12.00"),
            ]
        )
    )
    assert rows == [{"disclosure_id": "d", "metric": "government_procurement", "amount": D("1774.70"), "origin": "table", "page": 12, "source_table": TITLE, "phase": "approved", "source_file": None}]


def test_total_column_comes_first_and_yuan_become_wan() -> None:
    rows, _ = _totals(
        _block(
            [
                ("项目", "总计", "上年结转结余资金", "一般公共预算拨款收入", "其他收入"),
                ("货物类", "120,000", "", "120,000", ""),
                ("服务类", "134,000", "", "100,000", "34,000"),
                ("合计", "254,000", "", "220,000", "34,000"),
            ],
            factor=D("0.0001"),
        )
    )
    assert [(r["metric"], r["amount"]) for r in rows] == [("government_procurement", D("25.4000"))]


def test_a_text_layer_row() -> None:
    rows, _ = _totals(_block([("单位：万元",), ("项目 总计",), ("合计 9.30",), ("货物类 9.30",)]))
    assert [r["amount"] for r in rows] == [D("9.30")]


def test_an_empty_table_gives_no_figure() -> None:
    rows, disclosure = _totals(_block([("项目", "总计", "一般公共预算拨款收入"), ("合计", "", ""), ("货物类", "", "")]))
    assert rows == [] and not disclosure.problems


def test_planned_and_actual_side_by_side_gives_the_actual() -> None:
    rows, _ = _totals(
        _block(
            [
                ("项目", "采购计划金额", "", "实际采购金额", ""),
                ("", "合计", "货物", "合计", "货物"),
                ("合计", "60.00", "60.00", "46.53", "46.53"),
            ]
        )
    )
    assert [r["amount"] for r in rows] == [D("46.53")]


def test_read_through_the_registry_not_reported_as_unread() -> None:
    block = _block([("采购品目大类", "采购物品名称", "总计"), ("合计", "", "2,416.43"), ("一、货物A", "", "16.43")])
    source = SourceFile(Path("unit.pdf"), "0" * 64, 20)
    identity = Identity("某某单位", [], None, 2019, "budget", "department", None, None)
    disclosure = normalise_disclosure([Document(source, block.lines)], [Block("narrative", "", [], None), block], identity, {})
    assert [(r["metric"], r["amount"]) for r in disclosure.rows["totals"]] == [("government_procurement", D("2416.43"))]
    assert not [p for p in disclosure.problems if p.code == "table-not-read"]


def test_a_total_column_after_the_funds_is_the_procurement_total() -> None:
    # js_suzhou_water_affairs_bureau_2026_unit_budget.pdf p. 26, 公开13表 政府采购支出表: 资金来源 (一般公共预算资金 |
    # 政府性基金 | 其他资金 | 上年结转和结余资金) then 总计; its 合计 row 8,940.28 | 13,000.00 | | | 21,940.28
    from tests.tables.conftest import D, block, read

    rows = [
        "单位：苏州市水务局\t单位：万元",
        "采购品目大类\t专项名称\t经济科目\t采购品目名称\t采购组织形式\t资金来源\t\t\t\t总计",
        "\t\t\t\t\t一般公共预算资金\t政府性基金\t其他资金\t上年结转和结余资金\t",
        "合计\t\t\t\t\t8,940.28\t13,000.00\t\t\t21,940.28",
        "货物\t\t\t\t\t6.88\t\t\t\t6.88",
        "\t城区污水处理运营服务费\t其他商品和服务支出\t其他水利管理服务\t分散采购\t8,290.00\t13,000.00\t\t\t21,290.00",
    ]
    r = read(block("procurement", "政府采购支出表", rows), fiscal_year=2026)
    assert [(t["metric"], t["amount"]) for t in r.rows("totals")] == [("government_procurement", D("21940.28"))]

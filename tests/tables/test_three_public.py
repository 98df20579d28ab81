"""“三公”经费表 (``tables/three_public.py``): one row per item and year, and the year's total."""

from __future__ import annotations

from decimal import Decimal

from tests.tables.conftest import YUAN, D, Read, block, read


def items(r: Read, year: int, phase: str = "approved") -> dict[str, Decimal | None]:
    """The year's amounts of one phase by item (an item read twice fails)."""
    rows = r.by("three_public", "fiscal_year", "item", "phase").items()
    return {item: row["amount"] for (y, item, p), row in rows if y == year and p == phase}


# 牧野 (seed 001) 预算08表, as a ruled table: 因公出国 and 公务接待 printed blank, 购置 printed 0.00
MUYE = [
    "金额单位：万元",
    ("“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"),
    ("", "", "小计", "公务用车购置费", "公务用车运行费", ""),
    ("1.10", "", "1.10", "0.00", "1.10", ""),
]


def test_a_ruled_table_by_its_header_blank_stays_empty_zero_stays_zero() -> None:
    r = read(block("three_public", "2024 年一般公共预算“三公”经费支出情况表", MUYE))
    assert items(r, 2024) == {"total": D("1.10"), "vehicle_total": D("1.10"), "vehicle_purchase": D("0.00"), "vehicle_operation": D("1.10")}
    assert r.totals() == {"three_public_total": D("1.10")}


def test_a_ruled_table_in_yuan() -> None:
    rows = [*MUYE[:3], ("110,012.34", "", "110,012.34", "0.00", "110,012.34", "")]
    r = read(block("three_public", "2024 年一般公共预算“三公”经费支出情况表", rows, YUAN))
    assert items(r, 2024)["total"] == D("11.001234") and items(r, 2024)["vehicle_operation"] == D("11.001234")


def test_meeting_and_training_columns_and_the_grand_total_are_left_out() -> None:
    # 江苏省高级人民法院 2018 九表: 合计 = “三公”经费 + 会议费 + 培训费
    rows = [
        "单位：万元",
        ("合计", "“三公”经费", "", "", "", "", "", "会议费", "培训费"),
        ("", "小计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费", "", ""),
        ("", "", "", "小计", "公务用车购置费", "公务用车运行维护费", "", "", ""),
        ("2,558.26", "620.75", "170.00", "266.80", "", "266.80", "183.95", "271.26", "1,666.25"),
    ]
    r = read(block("three_public", "九、2018年江苏省高级人民法院“三公”经费、会议费、培训费支出预算表", rows), fiscal_year=2018)
    assert items(r, 2018) == {
        "total": D("620.75"),
        "outbound_travel": D("170.00"),
        "vehicle_total": D("266.80"),
        "vehicle_operation": D("266.80"),
        "reception": D("183.95"),
    }
    assert r.totals() == {"three_public_total": D("620.75")}


def test_a_final_account_gives_a_row_per_printed_phase() -> None:
    rows = [
        "单位：万元",
        ("预算数", "", "", "", "", "", "决算数", "", "", "", "", ""),
        ("合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费") * 2,
        ("", "", "小计", "公务用车购置费", "公务用车运行费", "") * 2,
        ("20.00", "0.00", "15.00", "0.00", "15.00", "5.00", "16.53", "0.00", "13.21", "0.00", "13.21", "3.32"),
    ]
    r = read(block("three_public", "财政拨款“三公”经费支出决算表", rows), fiscal_year=2023, kind="final_account")
    assert items(r, 2023) == {
        "total": D("20.00"),
        "outbound_travel": D("0.00"),
        "vehicle_total": D("15.00"),
        "vehicle_purchase": D("0.00"),
        "vehicle_operation": D("15.00"),
        "reception": D("5.00"),
    }
    assert items(r, 2023, "executed") == {
        "total": D("16.53"),
        "outbound_travel": D("0.00"),
        "vehicle_total": D("13.21"),
        "vehicle_purchase": D("0.00"),
        "vehicle_operation": D("13.21"),
        "reception": D("3.32"),
    }


def test_two_years_in_a_text_layer() -> None:
    # 潼南 (seed 004): 2022 年预算数 and 2023 年预算数 side by side
    rows = [
        "2022 年预算数 2023 年预算数",
        "部门编码 部门名称 总计 因公出国（境）费用 小计 公务用车购置 公务用车运行维护费 公务接待费 总计 因公出国（境）费用 小计 公务用车购置 公务用车运行维护费 公务接待费",
        "合计 57.00 0.00 40.00 0.00 40.00 17.00 53.00 0.00 36.00 0.00 36.00 17.00",
        "302 中共重庆市潼南区委办公室 57.00 40.00 40.00 17.00 53.00 36.00 36.00 17.00",
    ]
    r = read(block("three_public", '中共重庆市潼南区委办公室 2023 年一般公共预算"三公"经费支出控制表', rows), fiscal_year=2023)
    assert items(r, 2022) == {
        "total": D("57.00"),
        "outbound_travel": D("0.00"),
        "vehicle_total": D("40.00"),
        "vehicle_purchase": D("0.00"),
        "vehicle_operation": D("40.00"),
        "reception": D("17.00"),
    }
    assert items(r, 2023)["total"] == D("53.00") and items(r, 2023)["vehicle_operation"] == D("36.00")
    assert r.totals() == {"three_public_total": D("53.00")}  # the fiscal year's, not last year's


def test_a_figure_two_columns_fit_is_doubted_not_guessed() -> None:
    # 达川 (seed 000): 13.00 printed twice; the second is 购置 or 运行
    rows = ["单位：万元", "合计 因公出国（境）费用 公务用车购置及运行费 公务接待费", "小计 公务用车购置费 公务用车运行费", "合 计 15.00 13.00 13.00 2.00"]
    r = read(block("three_public", "一般公共预算“三公”经费支出预算表", rows))
    assert items(r, 2024) == {"total": D("15.00"), "vehicle_total": D("13.00"), "reception": D("2.00")}
    assert r.doubts() == {"2024/vehicle_purchase|vehicle_operation/approved/amount": ("three_public", "13.00")}
    assert r.problems == ["ambiguous-columns"]


def test_no_year_known_gives_no_rows() -> None:
    rows = ["合计 因公出国（境）费 公务用车购置及运行费 公务接待费", "合 计 15.00 0.00 13.00 0.00 13.00 2.00"]
    r = read(block("three_public", "“三公”经费支出预算表", rows), fiscal_year=None)
    assert "three_public" not in r.disclosure.rows and "totals" not in r.disclosure.rows

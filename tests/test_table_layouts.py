"""Layouts of the 收支总表, 基本支出表 and “三公” table on tiny inline tables (no document)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.model import Block, Disclosure, Line
from cnbudget.tables.common import Context
from cnbudget.tables.economic import cross_parents, read_basic_economic
from cnbudget.tables.numbering import row_number_columns
from cnbudget.tables.summary import read_summary
from cnbudget.tables.three_public import read_three_public

D = Decimal
WAN = D(1)


def _read(reader: Any, kind: str, title: str, rows: list[tuple[str, ...]], factor: Decimal = WAN, final: bool = True) -> Disclosure:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "final_account" if final else "budget"})
    block = Block(kind, title, [Line(3, (title,)), *(Line(3, cells) for cells in rows)], factor, "万元" if factor == 1 else "元")
    reader(block, Context(disclosure, 2024, "unit.pdf", D(1)))
    return disclosure


def _totals(disclosure: Disclosure) -> dict[str, Decimal]:
    return {r["metric"]: r["amount"] for r in disclosure.rows.get("totals", [])}


# 财决01表: 项目 | 行次 | 金额 twice, a 栏次 line under the header, line numbers printed on blank lines too
FINAL_SUMMARY = [
    ("收入", "", "", "支出", "", ""),
    ("项目", "行次", "金额", "项目", "行次", "金额"),
    ("栏次", "", "1", "栏次", "", "2"),
    ("一、一般公共预算财政拨款收入", "1", "7,698,800", "一、一般公共服务支出", "4", "7,536,500"),
    ("", "2", "", "二、外交支出", "5", ""),
    ("本年收入合计", "3", "7,698,800", "本年支出合计", "6", "7,536,500"),
    ("年初结转和结余", "7", "", "年末结转和结余", "9", "162,300"),
    ("总计", "8", "7,698,800", "总计", "10", "7,698,800"),
]


def test_line_numbers_of_a_final_summary_are_never_amounts() -> None:
    disclosure = _read(read_summary, "summary", "收入支出决算总表", FINAL_SUMMARY, factor=D("0.0001"))
    assert _totals(disclosure) == {
        "revenue_current_year": D("769.8800"),
        "expenditure_current_year": D("753.6500"),
        "carryover_out": D("16.2300"),
        "revenue_total": D("769.8800"),
        "expenditure_total": D("769.8800"),
    }
    sources = {r["source"]: r["amount"] for r in disclosure.rows["revenue_by_source"]}
    assert sources["general_public_budget"] == D("769.8800") and sources["carryover"] is None


def test_numbers_counting_down_a_headerless_page_are_row_numbers() -> None:
    # a continuation page without its header: the cells beside the labels count 23, 24, 25
    lines = [Line(4, ("", "23", "", "二十三、灾害防治及应急管理支出", "56", "")), Line(4, ("", "24", "", "二十四、预备费", "57", "")), Line(4, ("本年收入合计", "25", "786.28", "本年支出合计", "58", "753.65"))]
    assert row_number_columns(lines) == {6: {1, 4}}


def test_item_codes_after_a_class_code_are_not_row_numbers() -> None:
    lines = [Line(1, ("301", "", "工资福利支出", "6.00")), Line(1, ("301", "1", "基本工资", "1.00")), Line(1, ("301", "2", "津贴补贴", "2.00")), Line(1, ("301", "3", "奖金", "3.00"))]
    assert row_number_columns(lines) == {}


THREE_PUBLIC_ROWS = [
    ("项目", "行次", "年初预算数", "全年预算数", "决算数"),
    ("栏次", "", "1", "2", "3"),
    ("“三公”经费合计", "1", "24.48", "25.10", "23.71"),
    ("因公出国（境）费", "2", "11.71", "11.85", "10.57"),
    ("公务用车购置及运行费", "3", "7.34", "7.71", "7.60"),
    ("其中：公务用车购置费", "4", "", "", ""),
    ("公务用车运行费", "5", "7.34", "7.71", "7.60"),
    ("公务接待费", "6", "5.43", "5.54", "5.54"),
]


def test_three_public_one_item_a_row_reads_the_reported_column() -> None:
    disclosure = _read(read_three_public, "three_public", "“三公”经费支出决算表", THREE_PUBLIC_ROWS)
    got = {r["item"]: r["amount"] for r in disclosure.rows["three_public"]}
    # the blank 购置费 is not a printed zero: it is not published
    assert got == {"total": D("23.71"), "outbound_travel": D("10.57"), "vehicle_total": D("7.60"), "vehicle_operation": D("7.60"), "reception": D("5.54")}
    assert _totals(disclosure) == {"three_public_total": D("23.71")}


def test_three_public_rows_that_do_not_add_up_go_to_doubts() -> None:
    rows = [r if r[0] != "公务接待费" else ("公务接待费", "6", "5.43", "5.54", "9.99") for r in THREE_PUBLIC_ROWS]
    disclosure = _read(read_three_public, "three_public", "“三公”经费支出决算表", rows)
    # the 决算数 column (9.99 among items adding to 23.71) is doubted whole; the 年初预算数 and
    # 全年预算数 columns add up, and are published as their phases
    assert {r["phase"] for r in disclosure.rows["three_public"]} == {"approved", "adjusted"}
    assert {(r["metric"], r["phase"]) for r in disclosure.rows["totals"]} == {("three_public_total", "approved"), ("three_public_total", "adjusted")}
    assert {d["key"] for d in disclosure.rows["doubts"]} == {f"2024/{i}/executed/amount" for i in ("total", "outbound_travel", "vehicle_total", "vehicle_operation", "reception")}


def test_basic_table_in_two_halves_headed_personnel_and_public() -> None:
    rows = [
        ("人员经费", "", "", "", "公用经费", "", "", ""),
        ("经济分类科目编码", "", "科目名称", "决算数", "经济分类科目编码", "", "科目名称", "决算数"),
        ("类", "款", "", "", "类", "款", "", ""),
        ("301", "", "工资福利支出", "521.88", "302", "", "商品和服务支出", "93.75"),
        ("301", "01", "基本工资", "521.88", "302", "01", "办公费", "93.75"),
        ("", "", "人员经费合计", "521.88", "", "", "公用经费合计", "93.75"),
    ]
    disclosure = _read(read_basic_economic, "basic_economic", "一般公共预算财政拨款基本支出决算表", rows)
    got = {r["economic_code"]: (r["total"], r["personnel"], r["public"]) for r in disclosure.rows["basic_expenditure_by_economic"]}
    assert got == {
        "301": (D("521.88"), D("521.88"), None),
        "30101": (D("521.88"), D("521.88"), None),
        "302": (D("93.75"), None, D("93.75")),
        "30201": (D("93.75"), None, D("93.75")),
    }


def test_summary_with_only_a_bare_total_on_top_and_displaced_enumeration_marks() -> None:
    rows = [
        ("收入", "", "支出", ""),
        ("项目", "预算数", "项目", "预算数"),
        ("合计", "168,441.81", "合计", "168,441.81"),
        ("一一般公共预算资金、", "154,304.22", "一一般公共服务支出、", "5,183.00"),
        ("二政府性基金预算资金、", "", "二科学技术支出、", "163,258.81"),
        ("十一其他收入资金、", "14,137.59", "", ""),
    ]
    disclosure = _read(read_summary, "summary", "年部门收支总体情况表", rows, final=False)
    # no carry-over line is printed: 合计 is both the current year's total and the grand total
    assert _totals(disclosure) == {m: D("168441.81") for m in ("revenue_total", "revenue_current_year", "expenditure_total", "expenditure_current_year")}
    sources = [(r["source"], r["source_name"], r["amount"]) for r in disclosure.rows["revenue_by_source"]]
    assert sources == [
        ("general_public_budget", "一、一般公共预算资金", D("154304.22")),
        ("government_fund", "二、政府性基金预算资金", None),
        ("other", "十一、其他收入资金", D("14137.59")),
    ]


def test_a_bare_total_beside_carryover_lines_is_only_the_grand_total() -> None:
    rows = [
        ("项目", "预算数", "项目", "预算数"),
        ("合计", "120.00", "合计", "120.00"),
        ("一、一般公共预算拨款收入", "100.00", "一、一般公共服务支出", "120.00"),
        ("二、上年结转", "20.00", "", ""),
    ]
    assert _totals(_read(read_summary, "summary", "收支总表", rows, final=False)) == {"revenue_total": D("120.00"), "expenditure_total": D("120.00"), "carryover_in": D("20.00")}


def test_basic_table_cross_classified_by_government_codes() -> None:
    rows = [
        ("科目编码", "", "部门预算支出经济分类科目名称", "科目编码", "", "政府预算支出经济分类科目名称", "基本支出预算", "", ""),
        ("类", "款", "", "类", "款", "", "小计", "人员支出", "日常公用支出"),
        ("", "", "合计", "", "", "", "40.00", "35.00", "5.00"),
        ("301", "", "工资福利支出", "501", "", "机关工资福利支出", "30.00", "30.00", ""),
        ("301", "01", "基本工资", "501", "01", "工资奖金津补贴", "30.00", "30.00", ""),
        ("301", "", "工资福利支出", "505", "", "对事业单位经常性补助", "5.00", "5.00", ""),
        ("301", "01", "基本工资", "505", "01", "工资福利支出", "5.00", "5.00", ""),
        ("302", "", "商品和服务支出", "502", "", "机关商品和服务支出", "5.00", "", "5.00"),
        ("302", "01", "办公费", "502", "01", "办公经费", "5.00", "", "5.00"),
    ]
    disclosure = _read(read_basic_economic, "basic_economic", "一般公共预算基本支出情况表", rows, final=False)
    got = [(r["economic_code"], r["government_economic_code"], r["total"], r["personnel"], r["public"]) for r in disclosure.rows["basic_expenditure_by_economic"]]
    # 人员支出 and 日常公用支出 are the 人员经费 and 公用经费 columns; the contract keys a row by its
    # economic code, so 301 printed under 501 and under 505 is one row of their sum, its 政府 class
    # left empty as it is not one
    assert got == [
        ("301", None, D("35.00"), D("35.00"), None),
        ("30101", None, D("35.00"), D("35.00"), None),
        ("302", "502", D("5.00"), None, D("5.00")),
        ("30201", "50201", D("5.00"), None, D("5.00")),
    ]
    assert _totals(disclosure) == {"basic_expenditure": D("40.00"), "personnel_expenditure": D("35.00"), "public_expenditure": D("5.00")}


def test_items_belong_to_the_class_row_of_their_own_government_class() -> None:
    codes: list[tuple[str, str | None]] = [("301", "501"), ("30101", "50101"), ("301", "505"), ("30101", "50501"), ("302", None), ("30201", None)]
    assert cross_parents(codes) == [None, 0, None, 2, None, 4]


def test_basic_table_with_column_groups_takes_the_parts_of_the_group_that_makes_the_total() -> None:
    rows = [
        ("预算单位：长春市信访局", "", "", "", "", "", "", "", "单位：万元"),
        ("科目编码", "支出经济分类科目名称", "合计", "当年预算", "", "", "上年结转结余", "", ""),
        ("", "", "", "小计", "人员经费", "公用经费", "小计", "人员经费", "公用经费"),
        ("合计", "", "40.00", "40.00", "30.00", "10.00", "0.00", "0.00", "0.00"),
        ("301", "工资福利支出", "30.00", "30.00", "30.00", "0.00", "0.00", "0.00", "0.00"),
        ("302", "商品和服务支出", "10.00", "6.00", "0.00", "6.00", "4.00", "0.00", "4.00"),
    ]
    disclosure = _read(read_basic_economic, "basic_economic", "本年一般公共预算基本支出表", rows, final=False)
    got = [(r["economic_code"], r["total"], r["personnel"], r["public"]) for r in disclosure.rows["basic_expenditure_by_economic"]]
    # 302's parts are split over both groups: they are doubted, never guessed
    assert got == [("301", D("30.00"), D("30.00"), D("0.00")), ("302", D("10.00"), None, None)]
    assert [d["key"] for d in disclosure.rows["doubts"]] == ["302/personnel|public"]
    assert _totals(disclosure) == {"basic_expenditure": D("40.00"), "personnel_expenditure": D("30.00"), "public_expenditure": D("10.00")}


def test_three_public_with_a_carryover_group_and_a_split_item() -> None:
    rows = [
        ("预算单位：长春市信访局", "", "", "", "", "", "", "", "", "", "单位：万元"),
        ("“三公”经费合计", "当年预算", "", "", "", "", "", "", "", "上年结转结余", ""),
        ("", "小计", "因公出国（境）费", "", "", "公务用车购置及运行费", "", "", "公务接待费", "小计", "公务接待费"),
        ("", "", "小计", "因公出国（境）费", "科研因公出国（境）费用", "小计", "公务用车购置费", "公务用车运行费", "", "", ""),
        ("7.61", "7.61", "0.00", "0.00", "0.00", "6.75", "0.00", "6.75", "0.86", "0.00", "0.00"),
    ]
    disclosure = _read(read_three_public, "three_public", "本年一般公共预算“三公”经费支出表", rows, final=False)
    got = {r["item"]: r["amount"] for r in disclosure.rows["three_public"]}
    assert got == {"total": D("7.61"), "outbound_travel": D("0.00"), "vehicle_total": D("6.75"), "vehicle_purchase": D("0.00"), "vehicle_operation": D("6.75"), "reception": D("0.86")}


def test_a_numbered_text_layer_without_blank_cells() -> None:
    # cells separated by single spaces, blank cells dropped: a row number follows every label
    rows = [
        ("项目 行次 金额 项目 行次 金额",),
        ("栏次 1 栏次 2",),
        ("一、一般公共预算财政拨款收入 1 769.88 一、一般公共服务支出 4 753.65",),
        ("2 二、外交支出 5",),
        ("本年收入合计 3 769.88 本年支出合计 6 753.65",),
        ("年初结转和结余 7 年末结转和结余 9 16.23",),
        ("总计 8 769.88 总计 10 769.88",),
    ]
    disclosure = _read(read_summary, "summary", "收入支出决算总表", rows)
    assert _totals(disclosure) == {
        "revenue_current_year": D("769.88"),
        "expenditure_current_year": D("753.65"),
        "carryover_out": D("16.23"),
        "revenue_total": D("769.88"),
        "expenditure_total": D("769.88"),
    }


def test_three_public_text_layer_one_item_a_row() -> None:
    rows = [(" ".join(cell for cell in r if cell),) for r in THREE_PUBLIC_ROWS]
    rows[-1] = ("公务接待费 6 5.54",)  # two blanks dropped: which column 5.54 is in is lost
    disclosure = _read(read_three_public, "three_public", "“三公”经费支出决算表", rows)
    got = {r["item"]: r["amount"] for r in disclosure.rows["three_public"]}
    assert got == {"total": D("23.71"), "outbound_travel": D("10.57"), "vehicle_total": D("7.60"), "vehicle_operation": D("7.60")}
    assert [d["key"] for d in disclosure.rows["doubts"]] == ["2024/reception/approved|adjusted|executed/amount"]


def test_three_public_text_layer_one_row_of_phases_under_each_item() -> None:
    items = ("“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费")
    rows = [
        (" ".join(items),),
        (" ".join(["年初预算数 全年预算数 决算数"] * 6),),
        ("25.51 25.48 23.92 0.00 0.00 0.00 24.70 24.67 23.14 21.65 21.51 20.23 3.05 3.16 2.91 0.81 0.81 0.78",),
    ]
    disclosure = _read(read_three_public, "three_public", "“三公”经费支出决算表", rows)
    got = {r["item"]: r["amount"] for r in disclosure.rows["three_public"]}
    assert got == {"total": D("23.92"), "outbound_travel": D("0.00"), "vehicle_total": D("23.14"), "vehicle_purchase": D("20.23"), "vehicle_operation": D("2.91"), "reception": D("0.78")}


def test_basic_table_text_layer_in_two_halves() -> None:
    rows = [
        ("人员经费 公用经费",),
        ("经济分类科目编码 科目名称 决算数 经济分类科目编码 科目名称 决算数",),
        ("301 工资福利支出 521.88 302 商品和服务支出 93.75",),
        ("301 01 基本工资 521.88 302 01 办公费 90.00",),
        ("302 99 其他商品和服务支出 3.75",),
        ("人员经费合计 521.88 公用经费合计 93.75",),
    ]
    disclosure = _read(read_basic_economic, "basic_economic", "一般公共预算财政拨款基本支出决算表", rows)
    got = {r["economic_code"]: (r["total"], r["personnel"], r["public"]) for r in disclosure.rows["basic_expenditure_by_economic"]}
    assert got == {
        "301": (D("521.88"), D("521.88"), None),
        "30101": (D("521.88"), D("521.88"), None),
        "302": (D("93.75"), None, D("93.75")),
        "30201": (D("90.00"), None, D("90.00")),
        "30299": (D("3.75"), None, D("3.75")),
    }
    assert _totals(disclosure) == {"personnel_expenditure": D("521.88"), "public_expenditure": D("93.75")}


def test_three_public_total_under_a_unit_name_column_is_not_a_second_total() -> None:
    rows = [
        ("单位编码", "单位名称(科目)", "当年财政拨款预算安排", "", "", "", ""),
        ("", "", "合计", "因公出国(境)费用", "公务用车购置及运行费", "", ""),
        ("", "", "", "", "小计", "公务用车购置费", "公务用车运行费"),
        ("", "合 计", "", "", "", "", ""),
        ("103003", "达州市达川区人民政府信息公开服务中心", "", "", "", "", ""),
    ]
    disclosure = _read(read_three_public, "three_public", "一般公共预算“三公”经费支出预算表", rows, final=False)
    # every reported column is printed blank: no figure is published (a blank is not a 0.00), and the
    # unit's row under the 合 计 row is not a second total
    assert disclosure.rows.get("three_public", []) == []
    assert "three_public_total" not in _totals(disclosure)

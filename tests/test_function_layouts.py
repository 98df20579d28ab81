"""The function table read by its header, on tiny inline tables: each layout kind it names."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Block, Disclosure, Line
from cnbudget.tables.common import Context
from cnbudget.tables.function import FunctionRow, collect_function_table, merge_function_tables, read_function_table
from cnbudget.tables.function_grid import cell_amount, name_columns

D = Decimal
TITLE = "一般公共预算支出表"


def _read(rows: list[tuple[str, ...]], year: int = 2026) -> tuple[list[FunctionRow], Context]:
    block = Block("function", TITLE, [Line(18, (TITLE,)), *(Line(18, cells) for cells in rows)], D(1), "万元")
    ctx = Context(Disclosure({"disclosure_id": "d"}), year, "unit.pdf", D(1))
    return read_function_table(block, ctx), ctx


def _published(rows: list[tuple[str, ...]]) -> Context:
    block = Block("function", TITLE, [Line(30, (TITLE,)), *(Line(30, cells) for cells in rows)], D(1), "万元")
    ctx = Context(Disclosure({"disclosure_id": "d"}), 2026, "unit.pdf", D(1))
    collect_function_table(block, ctx)
    merge_function_tables(ctx)
    return ctx


def _cols(row: FunctionRow) -> tuple[Decimal | None, Decimal | None, Decimal | None]:
    return row.cols.get("total"), row.cols.get("basic"), row.cols.get("project")


TWO_ROW_HEADER = [
    ("部门：苏州市交通运输局", "", "", "", "", "", "单位：万元"),
    ("科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"),
    ("", "", "", "小计", "人员经费", "公用经费", ""),
]


def test_project_is_read_only_from_the_project_column() -> None:
    # 基本支出 spans 小计/人员经费/公用经费: the 人员经费 figure is no 项目支出
    rows, _ = _read(
        [
            *TWO_ROW_HEADER,
            ("合计", "", "3,161.29", "3,061.29", "3,061.29", "", "100.00"),
            ("208", "社会保障和就业支出", "3,061.29", "3,061.29", "3,061.29", "", ""),
            ("2080501", "行政单位离退休", "3,061.29", "3,061.29", "3,061.29", "", ""),
            ("2140101", "行政运行", "100.00", "", "", "", "100.00"),
        ]
    )
    assert [(r.code, _cols(r)) for r in rows] == [
        ("208", (D("3061.29"), D("3061.29"), None)),
        ("2080501", (D("3061.29"), D("3061.29"), None)),
        ("2140101", (D("100.00"), None, D("100.00"))),
    ]


def test_header_paths_name_every_column() -> None:
    labels = ["科目编码", "科目名称", "合计", "基本支出/小计", "基本支出/人员经费", "基本支出/公用经费", "项目支出/项目支出总数", "项目支出/扣除基建项目后预算数"]
    named = name_columns(labels)
    assert named is not None and named.amounts == {"total": 2, "basic": 3, "project": 6}
    numbered = name_columns(["行次", "项目", "合计", "基本支出"])
    assert numbered is not None and numbered.amounts == {"total": 2, "basic": 3} and numbered.figures == (2, 3)
    # two 基本支出 groups (当年预算 and 上年结转结余): neither alone is the row's 基本支出; together they are
    # (jl_changchun_petitions_bureau_2026_dept_budget.pdf 预算表3 and 5: 合计 1682.76 = 当年 1682.76 + 结转 0.00)
    both = name_columns(["科目编码", "科目名称", "合计", "当年预算/基本支出/小计", "当年预算/项目支出", "上年结转结余/基本支出/小计", "上年结转结余/项目支出"])
    assert both is not None and both.amounts == {"total": 2} and both.parts == {"basic": (3, 5), "project": (4, 6)}
    other = name_columns(["科目编码", "科目名称", "合计", "一般公共预算/基本支出", "政府性基金/基本支出"])  # two funds' groups are not periods
    assert other is not None and other.parts == {}


def test_codes_split_over_class_section_item_columns() -> None:
    rows, _ = _read(
        [
            ("科目编码", "", "", "科目名称", "合计", "基本支出", "", "", "项目支出"),
            ("类", "款", "项", "", "", "小计", "人员支出", "日常公用支出", ""),
            ("", "", "", "合计", "508.97", "507.97", "434.57", "73.40", "1.00"),
            ("201", "", "", "一般公共服务支出", "507.97", "507.97", "434.57", "73.40", ""),
            ("", "40", "", "信访事务", "507.97", "507.97", "434.57", "73.40", ""),
            ("", "", "01", "行政运行", "507.97", "507.97", "434.57", "73.40", ""),
            ("205", "", "", "教育支出", "1.00", "", "", "", "1.00"),
            ("", "08", "", "进修及培训", "1.00", "", "", "", "1.00"),
            ("", "", "03", "培训支出", "1.00", "", "", "", "1.00"),
        ]
    )
    assert [r.code for r in rows] == ["201", "20140", "2014001", "205", "20508", "2050803"]
    assert _cols(rows[2]) == (D("507.97"), D("507.97"), None)


def test_names_without_codes_are_matched_under_the_rows_above() -> None:
    rows, _ = _read(
        [
            ("功能分类科目名称", "合计", "基本支出", "", "", "项目支出"),
            ("", "", "小计", "人员经费", "日常公用支出", ""),
            ("**", "1", "2", "3", "4", "5"),
            ("合计", "12,868.19", "", "", "", "12,868.1 9"),
            ("一般公共服务支出", "12,868.19", "", "", "", "12,868.1 9"),
            ("其他一般公共服务支出", "12,868.19", "", "", "", "12,868.1 9"),
            ("其他一般公共服务支出", "12,868.19", "", "", "", "12,868.1 9"),
        ]
    )
    assert [(r.code, _cols(r)) for r in rows] == [
        ("201", (D("12868.19"), None, D("12868.19"))),
        ("20199", (D("12868.19"), None, D("12868.19"))),
        ("2019999", (D("12868.19"), None, D("12868.19"))),
    ]


def test_item_rows_only_over_a_headerless_continuation() -> None:
    rows, _ = _read(
        [
            ("金额单位：万元",),
            ("功能分类科目", "", "预算数", "", "", "", "", ""),
            ("科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出", ""),
            ("", "", "", "小计", "人员经费", "公用经费", "项目支出总数", "扣除基建项目后预算数"),
            ("2010801", "行政运行", "4,952.850016", "4,697.043616", "4,032.021156", "665.022460", "255.806400", "255.806400"),
            ("2010805", "审计管理", "486.506000", "", "", "", "486.506000", "486.506000"),
            # the next page: no title, no header
            ("2080505", "机关事业单位基本养老保险缴费支出", "313.183872", "313.183872", "313.183872", "", "", ""),
        ]
    )
    assert [(r.code, _cols(r)) for r in rows] == [
        ("2010801", (D("4952.850016"), D("4697.043616"), D("255.806400"))),
        ("2010805", (D("486.506000"), None, D("486.506000"))),
        ("2080505", (D("313.183872"), D("313.183872"), None)),
    ]


def test_blank_cells_are_kept_apart_from_printed_zeros() -> None:
    assert cell_amount("") == (None, True)
    assert cell_amount("0.00") == (D("0.00"), True)
    assert cell_amount("1682.7 6") == (D("1682.76"), True)
    assert cell_amount("####") == (None, False)


def test_an_unreadable_cell_is_a_doubt_never_a_figure() -> None:
    ctx = _published([*TWO_ROW_HEADER, ("2080501", "行政单位离退休", "3,061.29", "3,061.29", "3,061.29", "", "####")])
    [row] = ctx.disclosure.rows["expenditure_by_function"]
    assert (row["total"], row["basic"], row["project"]) == (D("3061.29"), D("3061.29"), None)
    doubts = ctx.disclosure.rows["doubts"]
    assert [(d["key"], d["read_value"]) for d in doubts] == [("2080501/approved/project", "####")]


def test_cells_that_do_not_sit_under_their_header_are_placed_by_arithmetic() -> None:
    # a text layer's tabs: the unit code and name sit under 合计, the figures one column left
    rows, ctx = _read(
        [
            ("科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"),
            ("类", "款", "项", "", "", "", ""),
            ("201", "03", "02", "103003", "一般行政管理事务", "57.60", "57.60"),
        ]
    )
    assert [(r.code, r.cols["total"]) for r in rows] == [("2010302", D("57.60"))]
    assert "doubts" not in ctx.disclosure.rows


def test_a_misprinted_class_cell_takes_the_class_of_the_rows_around_it() -> None:
    rows, ctx = _read(
        [
            ("科目编码", "", "", "科目名称", "合计", "基本支出", "项目支出"),
            ("类", "款", "项", "", "", "", ""),
            ("210", "11", "", "行政事业单位医疗", "503,724", "503,724", ""),
            ("7", "11", "02", "事业单位医疗", "503,724", "503,724", ""),
        ]
    )
    assert [r.code for r in rows] == ["21011", "2101102"]
    assert [p.code for p in ctx.disclosure.problems] == ["misprinted-code"]


def test_the_fiscal_years_group_and_the_previous_years_column() -> None:
    rows, _ = _read(
        [
            ("功能分类科目", "", "2025年预算数", "2026年预算数", "", "", "", ""),
            ("科目编码", "科目名称", "", "总计", "基本支出", "", "", "项目支出"),
            ("", "", "", "", "小计", "人员经费", "公用经费", ""),
            ("合计", "", "15,635.80", "18,417.70", "9,018.47", "7,180.92", "1,837.55", "9,399.23"),
            ("2010301", "行政运行", "6,077.49", "6,342.71", "6,342.71", "4,542.97", "1,799.74", ""),
        ]
    )
    assert [(r.code, r.cols["previous_year"], *_cols(r)) for r in rows] == [("2010301", D("6077.49"), D("6342.71"), D("6342.71"), None)]
    # a 年初预算数/全年预算数 header names the phase of the columns under it
    phased = name_columns(["科目编码", "科目名称", "年初预算数/合计", "全年预算数/合计"], 2026)
    assert phased is not None and (phased.amounts, phased.phased) == ({"total": 2}, {"adjusted": {"total": 3}})


def test_a_name_no_official_item_matches_is_doubted_not_published() -> None:
    ctx = _published(
        [
            ("功能分类科目名称", "合计", "基本支出", "项目支出"),
            ("合计", "945.51", "200.00", "745.51"),
            ("公共安全支出", "945.51", "200.00", "745.51"),
            ("司法", "945.51", "200.00", "745.51"),
            ("行政运行", "200.00", "200.00", ""),
            ("法治建设", "745.51", "", "745.51"),  # renamed since the classification list the build holds
        ]
    )
    assert [r["function_code"] for r in ctx.disclosure.rows["expenditure_by_function"]] == ["204", "20406", "2040601"]
    assert [(d["key"], d["read_value"]) for d in ctx.disclosure.rows["doubts"]] == [("法治建设/approved/total", "745.51"), ("法治建设/approved/project", "745.51")]


# 财决 一般公共预算财政拨款支出决算表 in the national layout: 年初预算数 and 全年预算数 one column each,
# 决算数 over 小计 | 基本支出 | 项目支出, a 栏次 row of column numbers
NATIONAL_FINAL = [
    ("编制单位：某某县市场监督管理局", "单位：万元"),
    ("项目", "", "年初预算数", "全年预算数", "决算数", "", ""),
    ("科目编码", "科目名称", "", "", "小计", "基本支出", "项目支出"),
    ("栏次", "", "1", "2", "3", "4", "5"),
    ("", "合计", "492.06", "568.77", "547.20", "493.45", "53.75"),
    ("2013802", "一般行政管理事务", "", "65.17", "53.75", "", "53.75"),
    ("2101101", "行政单位医疗", "14.54", "14.32", "14.11", "14.11", ""),
]


def test_a_final_account_gives_a_row_per_phase_its_header_names() -> None:
    block = Block("function", "一般公共预算财政拨款支出决算表", [Line(6, ("一般公共预算财政拨款支出决算表",)), *(Line(6, c) for c in NATIONAL_FINAL)], D(1), "万元")
    ctx = Context(Disclosure({"disclosure_id": "d", "kind": "final_account"}), 2024, "final.pdf", D(1))
    collect_function_table(block, ctx)
    merge_function_tables(ctx)
    got = {(r["function_code"], r["phase"]): (r["total"], r["basic"], r["project"]) for r in ctx.disclosure.rows["expenditure_by_function"]}
    assert got == {
        ("2013802", "executed"): (D("53.75"), None, D("53.75")),
        ("2013802", "adjusted"): (D("65.17"), None, None),
        ("2101101", "executed"): (D("14.11"), D("14.11"), None),
        ("2101101", "approved"): (D("14.54"), None, None),
        ("2101101", "adjusted"): (D("14.32"), None, None),
    }
    # the 年初预算数 of 一般行政管理事务 is printed blank: no row, never a 0
    assert ("2013802", "approved") not in got


def test_a_group_printed_only_as_its_parts_is_their_sum() -> None:
    # zj_hangzhou_public_security_bureau_2026_dept_budget.pdf p. 23, 表3 支出预算总表: 基本支出 spans 人员支出 |
    # 日常公用支出 with no 小计; its 合计 row prints 404,415.23 | 250,110.65 | 47,792.58 | 106,512.00
    header = [
        ("部门名称：杭州市公安局", "", "", "", "", "", "", "单位:万元"),
        ("功能分类科目名称", "总计", "基本支出", "", "项目支出", "事业单位经营支出", "上缴上级支出", "对附属单位补助支出"),
        ("", "", "人员支出", "日常公用支出", "", "", "", ""),
        ("**", "1", "2", "3", "4", "5", "6", "7"),
    ]
    columns = name_columns(["功能分类科目名称", "总计", "基本支出/人员支出", "基本支出/日常公用支出", "项目支出", "事业单位经营支出"])
    assert columns is not None and "basic" not in columns.amounts and columns.parts == {"basic": (2, 3)}
    rows, ctx = _read(
        [
            *header,
            ("合计", "404,415.23", "250,110.65", "47,792.58", "106,512.0 0", "", "", ""),
            ("科学技术支出", "32,240.98", "", "", "32,240.98", "", "", ""),
            ("社会保障和就业支出", "23,243.93", "23,242.43", "1.50", "", "", "", ""),
        ]
    )
    ((_, total),) = ctx.tables["function_totals"]
    assert (total["total"], total["basic"], total["project"]) == (D("404415.23"), D("297903.23"), D("106512.00"))
    assert [(r.code, _cols(r)) for r in rows] == [
        ("206", (D("32240.98"), None, D("32240.98"))),
        ("208", (D("23243.93"), D("23243.93"), None)),
    ]

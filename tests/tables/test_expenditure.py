"""支出总表 (``tables/expenditure.py``): one row of uses into ``totals``, or rows by function."""

from __future__ import annotations

from tests.tables.conftest import YUAN, D, block, read

# 江苏省高级人民法院 2018 三、支出预算总表: one ruled row of uses, no function codes
JIANGSU = [
    "单位：万元",
    ("合计", "基本支出", "项目支出", "单位预留机动经费", "结转下年资金"),
    ("33,172.15", "18,570.82", "11,343.27", "3,258.06", ""),
]


def test_one_row_of_uses_gives_totals() -> None:
    r = read(block("expenditure", "三、2018年度江苏省高级人民法院支出预算总表", JIANGSU), fiscal_year=2018)
    assert r.totals() == {
        "expenditure_current_year": D("33172.15"),
        "basic_expenditure": D("18570.82"),
        "project_expenditure": D("11343.27"),
        "reserve_expenditure": D("3258.06"),
    }  # a blank 结转下年资金 gives no carryover_out
    assert "expenditure_by_function" not in r.disclosure.rows


def test_uses_in_yuan_and_a_printed_zero() -> None:
    rows = [JIANGSU[0], (*JIANGSU[1],), ("331,721,512.34", "185,708,200.00", "146,013,312.34", "0.00", "0.00")]
    r = read(block("expenditure", "部门支出预算总表", rows, YUAN))
    totals = r.totals()
    assert totals["expenditure_current_year"] == D("33172.151234") and totals["project_expenditure"] == D("14601.331234")
    assert totals["reserve_expenditure"] == D("0") and totals["carryover_out"] == D("0")


# 潼南 (seed 004) 部门支出总表: rows by function code, its 合计 row gives 基本支出 and 项目支出
TONGNAN = [
    "单位:万元",
    "科目编码\t科目名称\t合计\t基本支出\t项目支出",
    "\t合计\t1708.68\t1,286.68\t422.00",
    "201\t一般公共服务支出\t1387.32\t965.32\t422.00",
    "20131\t党委办公厅(室)及相关机构事务\t1387.32\t965.32\t422.00",
    "2013101\t行政运行\t622.34\t622.34\t",
    "2013102\t一般行政管理事务\t422.00\t\t422.00",
    "2013150\t事业运行\t342.98\t342.98\t",
    "221\t住房保障支出\t321.36\t321.36\t",
    "2210201\t住房公积金\t321.36\t321.36\t",
]


def test_rows_by_function_and_the_total_rows_uses() -> None:
    r = read(block("expenditure", "中共重庆市潼南区委办公室部门支出总表", TONGNAN), fiscal_year=2023)
    assert r.totals() == {"basic_expenditure": D("1286.68"), "project_expenditure": D("422.00")}
    rows = r.pick("expenditure_by_function", "function_code", "level", "total", "basic", "project")
    assert rows["201"] == ("class", D("1387.32"), D("965.32"), D("422.00"))
    assert rows["2013102"] == ("item", D("422.00"), None, D("422.00"))
    assert rows["2210201"] == ("item", D("321.36"), D("321.36"), None)
    assert len(rows) == 7


def test_the_general_budget_table_is_preferred_to_the_expenditure_tables_rows() -> None:
    general = block("function", "一般公共预算支出表", ["科目编码\t科目名称\t合计", "2013101\t行政运行\t622.34", "2013102\t一般行政管理事务\t422.00"])
    r = read(block("expenditure", "部门支出总表", TONGNAN), general, fiscal_year=2023)
    rows = r.pick("expenditure_by_function", "function_code", "total", "basic", "project")
    assert rows == {"2013101": (D("622.34"), D("622.34"), None), "2013102": (D("422.00"), None, D("422.00"))}
    assert r.totals() == {"basic_expenditure": D("1286.68"), "project_expenditure": D("422.00")}


def test_a_row_of_uses_printed_with_a_function_code_is_read_by_function() -> None:
    rows = [
        "单位：万元",
        ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
        ("2013101", "行政运行", "622.34", "622.34", ""),
    ]
    r = read(block("expenditure", "部门支出总表", rows), fiscal_year=2023)
    assert "totals" not in r.disclosure.rows
    assert r.pick("expenditure_by_function", "function_code", "total", "basic", "project") == {"2013101": (D("622.34"), D("622.34"), None)}


def test_a_total_row_with_an_unplaceable_figure_publishes_no_use_total() -> None:
    rows = ["科目编码 科目名称 合计 基本支出 项目支出", "合计 100.00 100.00", "201 31 01 行政运行 100.00 100.00"]
    r = read(block("expenditure", "部门支出总表", rows))
    assert "totals" not in r.disclosure.rows  # 100.00 may be 基本支出 or 项目支出: neither is guessed
    assert r.pick("expenditure_by_function", "function_code", "total", "basic", "project") == {"2013101": (D("100.00"), None, None)}
    assert "ambiguous-columns" in r.problems

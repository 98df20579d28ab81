"""一般公共预算支出表 and 财政拨款支出表 (``tables/function.py``): rows by function code, 类/款/项."""

from __future__ import annotations

from tests.tables.conftest import YUAN, D, block, read

FIELDS = ("level", "function_name", "total", "basic", "project")

# 潼南 (seed 004): codes in one cell, 类/款/项 rows, last year's figures beside this year's
TONGNAN = [
    "单位: 万元",
    "\t功能分类科目\t\t2023 年预算数\t",
    "科目编码\t科目名称\t2022 年预算数\t总计\t基本支出\t项目支出",
    "\t合计\t3,033.78\t1708.68\t1286.68\t422.00",
    "201\t一般公共服务支出\t2,775.59\t1387.32\t965.32\t422.00",
    "20131\t党委办公厅(室)及相关机构事务\t2,775.59\t1387.32\t965.32\t422.00",
    "2013101\t行政运行\t631.15\t622.34\t622.34\t",
    "2013102\t一般行政管理事务\t422.00\t422.00\t\t422.00",
    "2013150\t事业运行\t307.85\t342.98\t342.98\t",
    "2013199\t其他党委办公厅(室)及相关机构事务支出\t48.00\t\t\t",
    "221\t住房保障支出\t258.19\t321.36\t321.36\t",
    "22102\t住房改革支出\t258.19\t321.36\t321.36\t",
    "2210201\t住房公积金\t258.19\t321.36\t321.36\t",
]


def test_codes_in_one_cell_give_levels_and_four_columns() -> None:
    r = read(block("function", "中共重庆市潼南区委办公室一般公共预算财政拨款支出预算表", TONGNAN), fiscal_year=2023)
    rows = r.pick("expenditure_by_function", "function_code", *FIELDS, "previous_year")
    assert rows == {
        "201": ("class", "一般公共服务支出", D("1387.32"), D("965.32"), D("422.00"), D("2775.59")),
        "20131": ("section", "党委办公厅(室)及相关机构事务", D("1387.32"), D("965.32"), D("422.00"), D("2775.59")),
        "2013101": ("item", "行政运行", D("622.34"), D("622.34"), None, D("631.15")),
        "2013102": ("item", "一般行政管理事务", D("422.00"), None, D("422.00"), D("422.00")),
        "2013150": ("item", "事业运行", D("342.98"), D("342.98"), None, D("307.85")),
        "2013199": ("item", "其他党委办公厅(室)及相关机构事务支出", None, None, None, D("48.00")),
        "221": ("class", "住房保障支出", D("321.36"), D("321.36"), None, D("258.19")),
        "22102": ("section", "住房改革支出", D("321.36"), D("321.36"), None, D("258.19")),
        "2210201": ("item", "住房公积金", D("321.36"), D("321.36"), None, D("258.19")),
    }
    assert not r.problems and "doubts" not in r.disclosure.rows


# 牧野 (seed 001) 预算05表: codes in three cells, a 单位代码 column, 基本支出 broken down by economic class
MUYE = [
    "金额单位：万元",
    "科目编码\t\t\t单位代码\t单位（科目名称）\t合计\t基本支出\t\t\t\t项目支出\t\t",
    "类\t款\t项\t\t\t\t小计\t人员经费\t\t公用经费\t\t小计\t其他运转类\t特定目标类",
    "\t\t\t\t\t\t\t工资福利支出\t对个人和家庭的补助\t商品和服务支出\t资本性支出\t\t\t",
    "\t\t\t\t\t593.39\t550.39\t489.94\t22.40\t38.05\t\t43.00\t43.00\t",
    "\t\t\t201\t公共服务\t593.39\t550.39\t489.94\t22.40\t38.05\t\t43.00\t43.00\t",
    "201\t31\t01\t\t行政运行\t469.47\t426.47\t388.42\t\t38.05\t\t43.00\t43.00\t",
    "208\t05\t01\t\t行政单位离退休\t16.29\t16.29\t\t16.29\t\t\t\t\t",
    "208\t05\t05\t\t机关事业单位基本养老保险缴费支出\t42.56\t42.56\t42.56\t\t\t\t\t\t",
    "210\t11\t01\t\t行政单位医疗\t9.63\t9.63\t9.63\t\t\t\t\t\t",
    "221\t02\t01\t\t住房公积金\t55.44\t55.44\t49.44\t6.00\t\t\t\t\t",
]


def test_codes_in_three_cells_and_the_detailed_layout() -> None:
    r = read(block("function", "2024 年一般公共预算支出情况表", MUYE))
    rows = r.pick("expenditure_by_function", "function_code", *FIELDS)
    assert rows == {
        "2013101": ("item", "行政运行", D("469.47"), D("426.47"), D("43.00")),
        "2080501": ("item", "行政单位离退休", D("16.29"), D("16.29"), None),
        "2080505": ("item", "机关事业单位基本养老保险缴费支出", D("42.56"), D("42.56"), None),
        "2101101": ("item", "行政单位医疗", D("9.63"), D("9.63"), None),
        "2210201": ("item", "住房公积金", D("55.44"), D("55.44"), None),
    }  # the “201 公共服务” line is the unit's code and name, not the 类 201


# 达川 (seed 000): space-separated, so a row's one figure under 合计 may be 基本支出 or 项目支出
DACHUAN = [
    "部门：中共达州市达川区委办公室 金额单位：元",
    "科目编码 单位代码 单位名称（科目） 合计 基本支出 项目支出",
    "类 款 项",
    "合 计 15,042,800.00 11,232,800.00 3,810,000.00",
    "201 31 01 101001 行政运行 8,885,600.00 8,885,600.00",
    "201 31 02 101001 一般行政管理事务 3,810,000.00 3,810,000.00",
    "208 05 05 101001 机关事业单位基本养老保险缴费支出 1,057,700.00 1,057,700.00",
    "221 02 01 101001 住房公积金 1,289,500.00 1,289,500.00",
]


def test_a_space_separated_table_in_yuan_is_placed_by_the_column_totals() -> None:
    r = read(block("function", "一般公共预算支出预算表", DACHUAN, YUAN))
    rows = r.pick("expenditure_by_function", "function_code", "total", "basic", "project")
    assert rows == {
        "2013101": (D("888.56"), D("888.56"), None),
        "2013102": (D("381.00"), None, D("381.00")),
        "2080505": (D("105.77"), D("105.77"), None),
        "2210201": (D("128.95"), D("128.95"), None),
    }
    assert not r.problems


def test_a_figure_no_total_can_place_is_null_and_doubted() -> None:
    rows = [*DACHUAN[1:3], "201 31 01 101001 行政运行 100.00 100.00", "201 31 02 101001 一般行政管理事务 100.00 100.00"]
    r = read(block("function", "一般公共预算支出预算表", rows))
    assert r.pick("expenditure_by_function", "function_code", "total", "basic", "project") == {
        "2013101": (D("100.00"), None, None),
        "2013102": (D("100.00"), None, None),
    }
    assert r.doubts() == {
        "2013101/approved/basic|project": ("expenditure_by_function", "100.00"),
        "2013102/approved/basic|project": ("expenditure_by_function", "100.00"),
    }
    assert r.problems == ["ambiguous-columns", "ambiguous-columns"]


def test_a_blank_cell_stays_empty_and_a_printed_zero_stays_zero() -> None:
    rows = [
        "科目编码\t科目名称\t合计\t基本支出\t项目支出",
        "\t合计\t50.00\t50.00\t0.00",
        "2013101\t行政运行\t50.00\t50.00\t0.00",
        "2013102\t一般行政管理事务\t\t\t",
    ]
    r = read(block("function", "一般公共预算支出表", rows))
    rows_ = r.pick("expenditure_by_function", "function_code", "total", "basic", "project")
    assert rows_["2013101"] == (D("50.00"), D("50.00"), D("0.00")) and rows_["2013101"][2] is not None
    assert rows_["2013102"] == (None, None, None)


def test_a_misprinted_class_cell_is_repaired_from_the_row_before_and_reported() -> None:
    rows = [
        "科目编码\t\t\t科目名称\t合计",
        "210\t11\t01\t行政单位医疗\t9.63",
        "7\t11\t02\t事业单位医疗\t8.11",
    ]
    r = read(block("function", "一般公共预算支出表", rows))
    assert r.pick("expenditure_by_function", "function_code", "function_name", "total") == {
        "2101101": ("行政单位医疗", D("9.63")),
        "2101102": ("事业单位医疗", D("8.11")),
    }
    assert r.problems == ["misprinted-code"]


def test_a_code_whose_name_is_another_科目s_is_not_a_function_row() -> None:
    rows = ["科目编码\t科目名称\t合计", "2013101\t行政运行\t9.00", "2080505\t行政运行\t9.00"]
    r = read(block("function", "一般公共预算支出表", rows))
    assert set(r.by("expenditure_by_function", "function_code")) == {"2013101"}


def test_the_general_budget_table_is_published_and_completed_from_the_fiscal_one() -> None:
    general = block("function", "一般公共预算支出表", ["科目编码\t科目名称\t合计", "2013101\t行政运行\t622.34", "2013102\t一般行政管理事务\t422.00"])
    fiscal = block(
        "fiscal_detail",
        "财政拨款支出预算明细表",
        ["科目编码\t科目名称\t合计\t基本支出\t项目支出", "2013101\t行政运行\t622.34\t622.34\t", "2013102\t一般行政管理事务\t400.00\t\t400.00"],
    )
    r = read(fiscal, general)
    rows = r.by("expenditure_by_function", "function_code")
    assert (rows["2013101"]["total"], rows["2013101"]["basic"], rows["2013101"]["project"]) == (D("622.34"), D("622.34"), None)
    assert "财政拨款支出预算明细表" in rows["2013101"]["source_table"]
    # totals that differ are not combined: the general table's own figures stand
    assert (rows["2013102"]["total"], rows["2013102"]["basic"], rows["2013102"]["project"]) == (D("422.00"), None, None)
    cross = {(c.code, c.first[1], c.second[1]) for c in r.disclosure.evidence.cross}
    assert cross == {("2013101", D("622.34"), D("622.34")), ("2013102", D("422.00"), D("400.00"))}


def test_a_later_year_keys_its_rows_to_the_list_it_reads() -> None:
    """A 2026 table (after the newest list) keys its rows to the newest list's year, as its classification rows are."""
    from cnbudget.package.write import classification_rows
    from cnbudget.schema import REFERENCE_WINDOW

    newest = REFERENCE_WINDOW[1]
    r = read(block("function", "中共重庆市潼南区委办公室一般公共预算财政拨款支出预算表", TONGNAN), fiscal_year=newest + 1)
    used = {(row["classification_year"], row["function_code"]) for row in r.rows("expenditure_by_function")}
    assert {year for year, _ in used} == {newest}
    listed = {(row["classification_year"], row["code"]) for row in classification_rows(r.disclosure, "function")}
    assert used <= listed  # the foreign key holds


# 北京市审计局 2026 预算05表 (p. 5): 项 rows only, listed once per subordinate unit (the units unnamed),
# so 2010801 行政运行 is printed twice; the 合计 is the sum of every row
BEIJING = [
    ("功能分类科目", "", "预算数", "", "", "", "", ""),
    ("科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出", ""),
    ("", "", "", "小计", "人员经费", "公用经费", "项目支出总数", "扣除基建项目后预算数"),
    ("2010801", "行政运行", "4,952.850016", "4,697.043616", "4,032.021156", "665.022460", "255.806400", "255.806400"),
    ("2010805", "审计管理", "486.506000", "", "", "", "486.506000", "486.506000"),
    ("2010806", "信息化建设", "3,613.399880", "", "", "", "3,613.399880", "3,613.399880"),
    ("2010899", "其他审计事务支出", "914.375981", "", "", "", "914.375981", "914.375981"),
    ("2050803", "培训支出", "32.800000", "19.600000", "", "19.600000", "13.200000", "13.200000"),
    ("2080501", "行政单位离退休", "105.910200", "105.910200", "85.063200", "20.847000", "", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "313.183872", "313.183872", "313.183872", "", "", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "156.591936", "156.591936", "156.591936", "", "", ""),
    ("2101101", "行政单位医疗", "227.454756", "227.454756", "227.454756", "", "", ""),
    ("2101103", "公务员医疗补助", "77.541408", "77.541408", "77.541408", "", "", ""),
    ("2210201", "住房公积金", "334.236000", "334.236000", "334.236000", "", "", ""),
    ("2010801", "行政运行", "13,007.966442", "13,007.966442", "12,176.748504", "831.217938", "", ""),
    ("2010804", "审计业务", "2,281.630793", "", "", "", "2,281.630793", "2,281.630793"),
    ("2050803", "培训支出", "90.000000", "90.000000", "", "90.000000", "", ""),
    ("2080501", "行政单位离退休", "11.076000", "11.076000", "", "11.076000", "", ""),
    ("2080505", "机关事业单位基本养老保险缴费支出", "1,169.047488", "1,169.047488", "1,169.047488", "", "", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "584.523744", "584.523744", "584.523744", "", "", ""),
    ("2101101", "行政单位医疗", "1,000.574076", "1,000.574076", "1,000.574076", "", "", ""),
    ("2101103", "公务员医疗补助", "341.104788", "341.104788", "341.104788", "", "", ""),
    ("2210201", "住房公积金", "1,247.677200", "1,247.677200", "1,247.677200", "", "", ""),
    ("2010850", "事业运行", "1,354.218247", "1,335.738247", "1,300.644560", "35.093687", "18.480000", "18.480000"),
    ("2080505", "机关事业单位基本养老保险缴费支出", "145.993512", "145.993512", "145.993512", "", "", ""),
    ("2080506", "机关事业单位职业年金缴费支出", "72.996756", "72.996756", "72.996756", "", "", ""),
    ("2101102", "事业单位医疗", "151.418220", "151.418220", "151.418220", "", "", ""),
    ("2210201", "住房公积金", "128.859324", "128.859324", "128.859324", "", "", ""),
    ("", "合计", "32,801.936639", "25,218.537585", "23,545.680500", "1,672.857085", "7,583.399054", "7,583.399054"),
]


def test_a_code_listed_once_per_unit_is_published_as_the_sum_the_total_adds_up_to() -> None:
    r = read(block("function", "预算05表一般公共预算支出表", BEIJING), fiscal_year=2024)
    rows = r.pick("expenditure_by_function", "function_code", "total", "basic", "project")
    assert len(rows) == 14 and not r.problems
    assert rows["2010801"] == (D("17960.816458"), D("17705.010058"), D("255.806400"))
    assert rows["2050803"] == (D("122.800000"), D("109.600000"), D("13.200000"))
    assert rows["2210201"] == (D("1710.772524"), D("1710.772524"), None)
    assert rows["2010804"] == (D("2281.630793"), None, D("2281.630793"))
    assert sum(t for t, _, _ in rows.values()) == D("32801.936639")


def test_a_row_printed_again_is_read_once_where_the_total_says_so() -> None:
    """The same rows printed twice (a page repeated) with a 合计 of one copy: the first of each code is kept."""
    once = [*TONGNAN[:4], *TONGNAN[4:7], *TONGNAN[4:7], *TONGNAN[7:]]
    r = read(block("function", "一般公共预算支出表", once), fiscal_year=2023)
    assert [row["total"] for row in r.rows("expenditure_by_function") if row["function_code"] == "2013101"] == [D("622.34")] * 2  # not added

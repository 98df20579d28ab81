"""基本支出表 (``tables/economic.py``): rows by economic code, 人员经费 and 公用经费, and the table's totals."""

from __future__ import annotations

from decimal import Decimal

from tests.tables.conftest import YUAN, D, block, read

COLUMNS = ("level", "economic_name", "total", "personnel", "public")

# 潼南 (seed 004): codes in one cell, 日常公用经费
TONGNAN = [
    "\t经济分类科目\t\t2023 年基本支出\t",
    "科目编码\t科目名称\t总计\t人员经费\t日常公用经费",
    "\t合计\t1,028.30\t942.98\t85.32",
    "301\t工资福利支出\t942.98\t942.98\t",
    "30101\t基本工资\t208.93\t208.93\t",
    "30113\t住房公积金\t734.05\t734.05\t",
    "302\t商品和服务支出\t85.32\t\t85.32",
    "30201\t办公费\t30.62\t\t30.62",
    "30231\t公务用车运行维护费\t54.70\t\t54.70",
]
TITLE = "中共重庆市潼南区委办公室一般公共预算财政拨款基本支出预算表"


def test_a_consistent_table_gives_rows_and_totals() -> None:
    r = read(block("basic_economic", TITLE, TONGNAN), fiscal_year=2023)
    assert r.pick("basic_expenditure_by_economic", "economic_code", *COLUMNS) == {
        "301": ("class", "工资福利支出", D("942.98"), D("942.98"), None),
        "30101": ("item", "基本工资", D("208.93"), D("208.93"), None),
        "30113": ("item", "住房公积金", D("734.05"), D("734.05"), None),
        "302": ("class", "商品和服务支出", D("85.32"), None, D("85.32")),
        "30201": ("item", "办公费", D("30.62"), None, D("30.62")),
        "30231": ("item", "公务用车运行维护费", D("54.70"), None, D("54.70")),
    }
    assert r.totals() == {"basic_expenditure": D("1028.30"), "personnel_expenditure": D("942.98"), "public_expenditure": D("85.32")}
    assert not r.problems


def test_government_economic_codes_beside_the_departmental_ones() -> None:
    # 牧野 (seed 001) 预算06表: the same 30101 under two 政府预算经济分类 codes
    rows = [
        "金额单位：万元",
        "部门预算支出经济分类科目\t\t政府预算支出经济分类科目编码\t\t本年一般公共预算基本支出\t\t",
        "科目编码\t科目名称\t科目编码\t科目名称\t合计\t人员经费\t公用经费",
        "30101\t基本工资\t50101\t工资奖金津补贴\t71.19\t71.19\t",
        "30101\t基本工资\t50501\t工资福利支出\t77.52\t77.52\t",
        "30201\t办公费\t50201\t办公经费\t7.50\t\t7.50",
    ]
    r = read(block("basic_economic", "2024 年一般公共预算基本支出表", rows))
    got = {(row["economic_code"], row["government_economic_code"]): (row["total"], row["personnel"], row["public"]) for row in r.rows("basic_expenditure_by_economic")}
    # contract v2 keys the resource by (economic_code, phase): the two 30101 rows are added into one,
    # and its 政府预算 code is left empty, the two printed ones differing
    assert got == {
        ("30101", None): (D("148.71"), D("148.71"), None),
        ("30201", "50201"): (D("7.50"), None, D("7.50")),
    }


def test_codes_in_two_cells_space_separated_in_yuan_placed_by_the_total_row() -> None:
    rows = [
        "单位：元",
        "科目编码 科目名称 合计 人员经费 公用经费",
        "合计 9,529,812.34 9,429,800.00 100,012.34",
        "301 12 其他社会保障缴费 505 01 工资福利支出 9,429,800.00 9,429,800.00",
        "302 01 办公费 502 01 办公经费 100,012.34 100,012.34",
    ]
    r = read(block("basic_economic", "一般公共预算基本支出预算表", rows, YUAN))
    assert r.pick("basic_expenditure_by_economic", "economic_code", "economic_name", "government_economic_code", "total", "personnel", "public") == {
        "30112": ("其他社会保障缴费", "50501", D("942.98"), D("942.98"), None),
        "30201": ("办公费", "50201", D("10.001234"), None, D("10.001234")),
    }
    assert r.totals() == {"basic_expenditure": D("952.981234"), "personnel_expenditure": D("942.98"), "public_expenditure": D("10.001234")}


# what both final-account layouts below print: 工资福利支出 500.00 (基本工资 300.00, 津贴补贴 200.00), 商品和服务支出
# 80.00 (办公费 50.00), 对个人和家庭的补助 20.00; 人员经费合计 520.00, 公用经费合计 80.00
FINAL_SHARED = {"301": D("500.00"), "30101": D("300.00"), "30102": D("200.00"), "303": D("20.00"), "302": D("80.00"), "30201": D("50.00")}


def _final_account_totals(rows: list[str], own: dict[str, Decimal | None]) -> dict[str, Decimal | None]:
    """Each code's total in a 一般公共预算财政拨款基本支出决算表 of these rows, checked against the shared figures and ``own``."""
    r = read(block("basic_economic", "一般公共预算财政拨款基本支出决算表", rows), fiscal_year=2023, kind="final_account")
    totals: dict[str, Decimal | None] = {k: v[0] for k, v in r.pick("basic_expenditure_by_economic", "economic_code", "total").items()}
    assert totals == {**FINAL_SHARED, **own}
    assert r.totals() == {"personnel_expenditure": D("520.00"), "public_expenditure": D("80.00")}
    return totals


def test_a_final_accounts_two_halves_side_by_side() -> None:
    rows = [
        "单位：万元",
        "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数",
        "301\t工资福利支出\t500.00\t302\t商品和服务支出\t80.00",
        "30101\t基本工资\t300.00\t30201\t办公费\t50.00",
        "30102\t津贴补贴\t200.00\t30211\t差旅费\t30.00",
        "303\t对个人和家庭的补助\t20.00\t310\t资本性支出\t0.00",
        "30302\t退休费\t20.00\t31002\t办公设备购置\t",
        "人员经费合计\t520.00\t\t公用经费合计\t80.00\t",
    ]
    totals = _final_account_totals(rows, {"30302": D("20.00"), "30211": D("30.00"), "310": D("0.00"), "31002": None})
    assert totals["310"] is not None  # a printed 0.00 stays 0; the blank 31002 stays empty


def test_a_figure_that_fits_either_column_is_null_and_doubted() -> None:
    rows = ["科目编码 科目名称 合计 人员经费 公用经费", "合计 1,286.68 1,028.10 258.58", "301 工资福利支出 942.98 942.98"]
    r = read(block("basic_economic", TITLE, rows))
    assert r.pick("basic_expenditure_by_economic", "economic_code", "total", "personnel", "public") == {"301": (D("942.98"), None, None)}
    assert r.doubts() == {"301/approved/personnel|public": ("basic_expenditure_by_economic", "942.98")}
    assert r.problems == ["ambiguous-columns"]


def test_only_the_general_budget_table_is_read_where_two_repeat_the_items() -> None:
    fiscal = block("basic_economic", "财政拨款基本支出预算表", ["科目编码\t科目名称\t合计", "30101\t基本工资\t999.00"])
    general = block("basic_economic", "一般公共预算基本支出预算表", ["科目编码\t科目名称\t合计", "30101\t基本工资\t208.93"])
    r = read(fiscal, general)
    assert r.pick("basic_expenditure_by_economic", "economic_code", "total") == {"30101": (D("208.93"),)}


def test_a_final_accounts_halves_printing_names_without_codes() -> None:
    """Names only, items indented: a class by its name, an item under the class named above it (其他… repeats across classes)."""
    rows = [
        "单位：万元",
        "科目名称\t决算数\t科目名称\t决算数",
        "工资福利支出\t500.00\t商品和服务支出\t80.00",
        "\u3000\u3000基本工资\t300.00\t\u3000\u3000办公费\t50.00",
        "\u3000\u3000津贴补贴\t200.00\t\u3000\u3000其他商品和服务支出\t30.00",
        "对个人和家庭的补助\t20.00\t\t",
        "\u3000\u3000其他对个人和家庭的补助\t20.00\t\t",
        "人员经费合计\t520.00\t公用经费合计\t80.00",
    ]
    _final_account_totals(rows, {"30399": D("20.00"), "30299": D("30.00")})

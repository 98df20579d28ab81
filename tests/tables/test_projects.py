"""项目支出表 (``tables/projects.py``): one row per project, with its function code where printed."""

from __future__ import annotations

from typing import Any

from tests.tables.conftest import YUAN, D, Read, block, read

# 牧野 (seed 001) 预算10表: tab-separated, 类型 and 项目名称 columns, no codes on project rows
MUYE = [
    "金额单位：万元",
    "类型\t项目名称\t项目单位\t合计\t本年拨款\t\t\t财政拨款结转结余\t\t\t财政专户管理资金\t单位资金",
    "\t\t\t\t一般公共预算\t政府性基金预算\t国有资本经营预算\t一般公共预算\t政府性基金预算\t国有资本经营预算\t\t",
    "\t\t\t43.00\t43.00\t\t\t\t\t\t\t",
    "\t201\t公共服务\t43.00\t43.00\t\t\t\t\t\t\t",
    "其他运转类\t档案办公经费\t中共新乡市牧野区委办公\t1.00\t1.00\t\t\t\t\t\t\t",
    "其他运转类\t综合专项\t中共新乡市牧野区委办公\t20.00\t20.00\t\t\t\t\t\t\t",
    "其他运转类\t机要保密局机要业务经费\t中共新乡市牧野区委办公\t2.00\t2.00\t\t\t\t\t\t\t",
]


def projects(r: Read) -> dict[str, tuple[Any, ...]]:
    return r.pick("projects", "project_name", "amount", "function_code", "category")


def test_named_columns_give_name_category_and_amount() -> None:
    r = read(block("projects", "2024 年项目支出表", MUYE))
    assert projects(r) == {
        "档案办公经费": (D("1.00"), None, "其他运转类"),
        "综合专项": (D("20.00"), None, "其他运转类"),
        "机要保密局机要业务经费": (D("2.00"), None, "其他运转类"),
    }  # the 合计 line and the “201 公共服务” subtotal are no projects


def test_a_code_column_between_unit_and_name() -> None:
    # 潼南 (seed 004) 项目支出明细表: wrapped cells, a 7-digit 科目编码 column
    rows = [
        "\t\t功能\t分类科目\t项目名称\t合计\t\t年初特\t定目标\t\t\t上级\t专项\t",
        "序号\t预算单位\t科目编码\t科目名称\t\t\t小计\t人员性 项目\t一般性 项目\t民生 配套 项目\t小计\t提前 下达 专项\t结转 项目\t市级专项",
        "\t\t\t\t合计\t422\t422\t\t422\t\t\t\t\t",
        "1\t中共重庆市潼 南区委办公室\t2013102\t一般行政管 理事务\t2023 目标考核及督 查专项\t58\t58\t\t58\t\t\t\t\t",
        "5\t中共重庆市潼 南区委办公室\t2013102\t一般行政管 理事务\t2023 档案数字化专 项\t200\t200\t\t200\t\t\t\t\t",
    ]
    r = read(block("projects", "中共重庆市潼南区委办公室项目支出明细表", rows), fiscal_year=2023)
    assert projects(r) == {"2023 目标考核及督查专项": (D("58"), "2013102", None), "2023 档案数字化专项": (D("200"), "2013102", None)}


# 达川 (seed 000) 一般公共预算项目支出预算表: space-separated, codes in three cells and a unit code
DACHUAN = [
    "部门：中国共产党达州市达川区委员会办公室 金额单位：元",
    "科目编码",
    "单位代码 单位名称（科目） 金额",
    "类 款 项",
    "合 计 3,810,012.34",
    "中国共产党达州市达川区委员会办公室 3,810,012.34",
    " 一般行政管理事务 3,810,012.34",
    "201 31 02 101001 2024年常委办项目 400,012.34",
    "201 31 02 101001 2024年机要保密业务项目 2,150,000.00",
    "201 31 02 101001 2024年书记信箱项目 0.00",
]


def test_three_cell_codes_in_a_text_layer_in_yuan() -> None:
    r = read(block("projects", "一般公共预算项目支出预算表", DACHUAN, YUAN), unit_names=["中国共产党达州市达川区委员会办公室"])
    assert projects(r) == {
        "2024年常委办项目": (D("40.001234"), "2013102", None),
        "2024年机要保密业务项目": (D("215"), "2013102", None),
        "2024年书记信箱项目": (D("0"), "2013102", None),
    }  # the unit's line and the 一般行政管理事务 subtotal are no projects; a printed 0.00 stays 0
    assert r.by("projects", "project_name")["2024年书记信箱项目"]["amount"] is not None


def test_subtotals_and_a_project_without_an_amount_are_not_published() -> None:
    rows = [
        *MUYE[:3],
        "\t一般公共服务支出\t\t43.00\t43.00",
        "\t党委办公厅（室）及相关机构事务\t\t43.00\t43.00",
        "\t中共新乡市牧野区委办公室\t\t43.00\t43.00",
        "其他运转类\t\t\t43.00\t43.00",
        "\t特定目标类\t\t2.00\t2.00",
        "特定目标类\t区委办值班经费\t中共新乡市牧野区委办公\t\t",
        "特定目标类\t督查局办公经费\t中共新乡市牧野区委办公\t2.00\t2.00",
    ]
    r = read(block("projects", "2024 年项目支出表", rows), unit_names=["中共新乡市牧野区委办公室"])
    assert projects(r) == {"督查局办公经费": (D("2.00"), None, "特定目标类")}


def test_a_project_named_like_a_function_item_is_a_project_where_the_row_names_its_unit() -> None:
    # zj_hangzhou_public_security_bureau_2026_dept_budget.pdf p. 32, 表10 项目支出预算表: 单位名称 | 项目名称 | 总计 …;
    # “执法办案” is also a 功能分类 项 name (2040220), yet each of its rows names the unit that runs it
    rows = [
        "部门名称：杭州市公安局\t单位：万元",
        "单位名称\t项目名称\t总计\t财政拨款收入\t\t\t财政专户管理资金\t单位资金",
        "\t\t\t一般公共预算\t政府性基金\t国有资本经营预算\t\t",
        "\t合计\t106,512.00\t77,027.38\t7,600.00\t\t\t21,884.62",
        "杭州市公安局\t执法办案\t6,192.04\t3,304.88\t\t\t\t2,887.16",
        "杭州市公安局\t公安事务综合业务管理\t2,751.23\t2,096.50\t\t\t\t654.73",
        "杭州市公安局刑事侦查支队\t执法办案\t1,149.24\t1,149.24\t\t\t\t",
    ]
    r = read(block("projects", "表10：2026年市级部门项目支出预算表", rows), fiscal_year=2026)
    names = [(p["project_name"], p["amount"]) for p in r.rows("projects")]
    assert names == [("执法办案", D("6192.04")), ("公安事务综合业务管理", D("2751.23")), ("执法办案", D("1149.24"))]

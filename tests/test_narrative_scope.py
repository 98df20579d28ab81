"""Class figures the prose states for the whole budget are not the 一般公共预算's, where the department has other money."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Disclosure, Line
from cnbudget.normalise.narrative import read_narrative, section_scope
from cnbudget.normalise.rows import general_budget_figures, table_figures

# 杭州市公安局 2026 部门预算, pp. 6–7, as printed (line breaks as on the page)
HANGZHOU = [
    (6, "（三）支出预算情况说明（详见表 1-3）"),
    (6, "2026 年支出预算 404,415.23 万元，比上年执行数增加"),
    (6, "1.按支出功能分类，包括一般公共服务支出 5,140.00"),
    (6, "万元、公共安全支出 325,711.11 万元、科学技术支出"),
    (6, "32,240.98 万元、社会保障和就业支出 23,243.93 万元、卫"),
    (6, "生健康支出 8,030.63 万元、城乡社区支出 7,600.00 万"),
    (6, "元、资源勘探工业信息等支出 2,448.58 万元。"),
    (7, "（四）财政拨款收支预算情况的总体说明（详见表 4）"),
    (7, "括：一般公共服务支出 5,140.00 万元、公共安全支出"),
    (7, "299,901.02 万元、科学技术支出 32,240.98 万元、社会保"),
    (7, "（五）一般公共预算当年拨款情况说明（详见表 5）"),
    (7, "2.一般公共预算当年拨款结构情况。"),
    (7, "一般公共服务（类）支出 5,140.00 万元，占 1.4%；公"),
    (7, "共安全（类）支出 299,901.02 万元，占 81.0%；科学技术"),
]


def class_figures(d: Disclosure) -> list[tuple[str, Decimal]]:
    figures, _ = read_narrative([Line(p, (t,)) for p, t in HANGZHOU], 2026)
    return [(str(f.row["function_code"]), f.row["total"]) for f in table_figures(general_budget_figures(d, figures)) if f.resource == "expenditure_by_function"]  # type: ignore[misc]


def test_headings_say_which_money_a_section_is_about() -> None:
    text = "".join(t.replace(" ", "") for _, t in HANGZHOU)
    assert section_scope(text, text.index("325,711.11")) == "all"
    assert section_scope(text, text.index("299,901.02")) == "other"
    assert section_scope(text, text.index("占1.4%")) == "general"


def test_whole_budget_classes_are_left_out_where_the_department_has_other_money() -> None:
    d = Disclosure({"disclosure_id": "x", "fiscal_year": 2026, "kind": "budget"})
    d.add("revenue_by_source", {"source": "general_public_budget", "amount": Decimal("366195.79"), "origin": "table"})
    d.add("revenue_by_source", {"source": "government_fund", "amount": Decimal("7600.00"), "origin": "table"})
    assert class_figures(d) == [("201", Decimal("5140.00")), ("204", Decimal("299901.02"))]


def test_whole_budget_classes_are_the_general_budget_s_where_there_is_no_other_money() -> None:
    d = Disclosure({"disclosure_id": "x", "fiscal_year": 2026, "kind": "budget"})
    d.add("revenue_by_source", {"source": "general_public_budget", "amount": Decimal("366195.79"), "origin": "table"})
    d.add("revenue_by_source", {"source": "government_fund", "amount": None, "origin": "table"})
    # a class only the whole budget's section states is the function table's (社会保障和就业支出 23,243.93) ...
    assert ("208", Decimal("23243.93")) in class_figures(d)
    # ... but where the 一般公共预算当年拨款's section states it too, that section's figure is (session 14: the whole
    # budget's or the 财政拨款's may hold a carry-over the tables here do not show)
    assert ("204", Decimal("299901.02")) in class_figures(d) and ("204", Decimal("325711.11")) not in class_figures(d)


def test_a_revenue_budget_whose_parts_include_the_carryover_is_the_revenue_total() -> None:
    # zj_hangzhou_public_security_bureau_2026_dept_budget.pdf p. 6: the 收入总计 404,415.23 of 表1 (本年收入合计 400,391.78
    # + 上年结转结余 4,023.45), stated as 收入预算 with its parts listed next
    text = [
        "（二）收入预算情况说明（详见表 1-3）",
        "2026 年收入预算 404,415.23 万元，比上年执行数增加 15,325.38 万元，增长 3.9%。",
        "其中：一般公共预算拨款收入 366,195.79 万元，占 90.5%；政府性基金预算收入 7,600.00 万元，占 1.9%；上年结转结余 4,023.45 万元，占 1.0%。",
        "（三）支出预算情况说明（详见表 1-3）",
    ]
    figures, _ = read_narrative([Line(6, (t,)) for t in text], 2026)
    totals = [(f.row["metric"], f.statement.amount if f.statement else None) for f in figures if f.resource == "totals"]
    assert ("revenue_total", Decimal("404415.23")) in totals and not any(m == "revenue_current_year" for m, _ in totals)
    # without the carryover among its parts, a 收入预算 is the year's revenue
    figures, _ = read_narrative([Line(6, (t,)) for t in [text[1], "其中：一般公共预算拨款收入 366,195.79 万元。"]], 2026)
    assert [f.row["metric"] for f in figures if f.resource == "totals"] == ["revenue_current_year"]


def test_a_heading_run_into_its_first_item_and_a_project_named_for_its_staff_are_no_headline_figures() -> None:
    # jl_changchun_petitions_bureau_2026_dept_budget.pdf p. 18: the heading “六、一般公共预算基本支出情况说明” runs into
    # “（一）工资福利支出911.21万元” (a class of the 基本支出表, not the 基本支出 1208.20); “信访局临聘人员经费15.56万元” is a project
    text = [
        "六、一般公共预算基本支出情况说明",
        "（一）工资福利支出911.21万元，占支出预算的54.15%；",
        "八、项目支出情况说明",
        "2026年长春市信访局项目支出预算474.56万元，2026信访接待中心运行费116万元，信访局临聘人员经费15.56万元。",
    ]
    figures, _ = read_narrative([Line(18, (t,)) for t in text], 2026)
    totals = {(f.row["metric"], f.statement.amount if f.statement else None) for f in figures if f.resource == "totals"}
    assert totals == {("project_expenditure", Decimal("474.56"))}


def test_a_bare_budget_figure_takes_the_heading_sentence_just_before_it() -> None:
    # bj_city_audit_bureau_2026_dept_budget.pdf p. 8 (the Beijing 信息公开 narrative): each “三公” item is a heading
    # sentence of its own, then “2026 年预算数 …”; 173.52 + 6 + 65.33 = 244.85, the total the section states
    text = [
        "四、财政拨款“三公”经费预算情况说明",
        "2026 年财政拨款“三公”经费预算 244.85 万元，比 2025 年财政拨款“三公”经费年初预算增加 16.03 万元。",
        "（一）因公出国（境）费用。2026 年预算数 173.52 万元，主要用于按照外事工作计划，开展境外工作交流。",
        "（二）公务接待费。2026 年预算数 6 万元，主要用于接待境内外审计团组来访交流费用。",
        "（三）公务用车购置和运行维护费。2026年预算数65.33 万元，包括公务用车购置费预算37.38万元、公务用车运行维护费预算27.95万元。",
    ]
    figures, _ = read_narrative([Line(8, (t,)) for t in text], 2026)
    items = [(f.row["item"], f.statement.amount if f.statement else None) for f in figures if f.resource == "three_public"]
    assert items == [
        ("total", Decimal("244.85")),
        ("outbound_travel", Decimal("173.52")),
        ("reception", Decimal(6)),
        ("vehicle_total", Decimal("65.33")),
        ("vehicle_purchase", Decimal("37.38")),
        ("vehicle_operation", Decimal("27.95")),
    ]


def test_public_vehicles_called_gongwu_cheliang() -> None:
    # ha_zhengzhou_land_resources_bureau_2015_dept_budget.html: “三公经费”预算数为71万元，其中：公务车辆运行维护费预算51万元；公务接待费预算20万元
    text = ["四、“三公经费”增减变化原因说明", "2015年度，郑州市土地储备中心“三公经费”预算数为71万元，其中：公务车辆运行维护费预算51万元；公务接待费预算20万元。"]
    figures, _ = read_narrative([Line(None, (t,)) for t in text], 2015)
    items = [(f.row["item"], f.statement.amount if f.statement else None) for f in figures if f.resource == "three_public"]
    assert items == [("total", Decimal(71)), ("vehicle_operation", Decimal(51)), ("reception", Decimal(20))]

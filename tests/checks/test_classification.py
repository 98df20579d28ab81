"""Printed codes against the official classification of the year."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.classification import check_classification
from cnbudget.model import Evidence
from cnbudget.schema import REFERENCE_WINDOW

from .conftest import function, run

ECONOMIC = {"economic_code": "30101", "economic_name": "基本工资", "total": Decimal(1), "origin": "table", "source_table": "一般公共预算基本支出表", "page": 3}


def test_official_codes_under_their_names_pass_once() -> None:
    rows = {"expenditure_by_function": [function("201", "一般公共服务支出", "1"), function("2010101", "行政运行", "1")], "basic_expenditure_by_economic": [ECONOMIC]}
    (result,) = run(check_classification, rows)
    assert (result["status"], result["subject"], result["expected"], result["actual"]) == ("pass", "all", None, None)  # a count, not a printed figure
    assert result["detail"] == "所印的 3 个功能分类和经济分类科目编码都是2024年的官方编码，名称与官方名称一致。"
    assert result["detail_en"] == "all 3 printed function and economic codes are official for 2024 and printed under their official names"


def test_an_unknown_code_and_a_wrong_name_fail() -> None:
    rows = {"expenditure_by_function": [function("99999", "某某支出", "1"), function("201", "社会保障和就业支出", "1")]}
    results = run(check_classification, rows)
    assert [(r["check_id"], r["status"], r["expected"], r["actual"]) for r in results] == [
        ("classification-code-known", "fail", None, "99999"),  # no printed figure to expect: the detail says what
        ("classification-name-agrees", "fail", "一般公共服务支出", "社会保障和就业支出"),
    ]
    assert [r["subject"] for r in results] == ["99999", "201"]
    assert results[0]["pages"] == ";2"
    assert "不在2024年政府收支分类科目中" in results[0]["detail"] and "99999" in results[0]["detail"]


def test_codes_the_prose_names_are_not_held_to_the_classification() -> None:
    assert run(check_classification, {"expenditure_by_function": [function("99999", "某某支出", "1", origin="narrative")]}) == []


def test_a_year_after_the_newest_list_reads_its_codes_against_the_newest() -> None:
    """A code the newest list has passes in a later year, and the detail names the list read."""
    later, newest = REFERENCE_WINDOW[1] + 1, REFERENCE_WINDOW[1]
    rows = {"expenditure_by_function": [function("210", "卫生健康支出", "1"), function("2010101", "行政运行", "1")], "basic_expenditure_by_economic": [ECONOMIC]}
    results = run(check_classification, rows, fiscal_year=later)
    assert [(r["check_id"], r["subject"], r["status"]) for r in results] == [("classification-name-agrees", "all", "pass")]
    assert f"按其中最新的{newest}年科目表核对" in results[0]["detail"]
    assert f"read against the {newest} list, the newest the reference has" in results[0]["detail_en"]


def test_a_code_or_name_the_newest_list_lacks_is_not_judged_in_a_later_year() -> None:
    """A year after the newest list: a code it lacks may be new, a name it does not give may be the new one (科目表尚未收录该年)."""
    later, newest = REFERENCE_WINDOW[1] + 1, REFERENCE_WINDOW[1]
    rows = {"expenditure_by_function": [function("99999", "某某支出", "1"), function("2010101", "行政运行事务", "1")]}
    results = run(check_classification, rows, fiscal_year=later)
    assert [(r["check_id"], r["status"]) for r in results] == [("classification-code-known", "not_applicable"), ("classification-name-agrees", "not_applicable")]
    assert "99999" in results[0]["detail"] and f"不在{newest}年科目表中" in results[0]["detail"] and f"科目表尚未收录{later}年" in results[0]["detail"]
    assert f"{newest}年科目表中该编码的名称为“行政运行”" in results[1]["detail"]
    # within the lists' years the same rows are faults
    assert [r["status"] for r in run(check_classification, rows, fiscal_year=newest)] == ["fail", "fail"]


def test_what_the_lists_retired_still_fails_in_a_later_year() -> None:
    """A code retired before the newest list (20110 人力资源事务, to 2018) and a retired name (210 医疗卫生与计划生育支出) are faults in any later year."""
    later = REFERENCE_WINDOW[1] + 1
    rows = {"expenditure_by_function": [function("20110", "人力资源事务", "1"), function("210", "医疗卫生与计划生育支出", "1")]}
    results = run(check_classification, rows, fiscal_year=later)
    assert [(r["check_id"], r["status"], r["expected"], r["actual"]) for r in results] == [
        ("classification-code-known", "fail", None, "20110"),
        ("classification-name-agrees", "fail", "卫生健康支出", "医疗卫生与计划生育支出"),
    ]
    assert f"参考数据尚无{later}年科目表" in results[1]["detail"]


def test_a_year_inside_the_lists_has_no_note() -> None:
    """The fiscal year's own list needs no note."""
    results = run(check_classification, {"expenditure_by_function": [function("201", "一般公共服务支出", "1")]})
    assert "科目表核对" not in results[0]["detail"] and "read against" not in results[0]["detail_en"]


def test_a_table_name_the_prose_itself_prints_officially_is_a_misprint_in_a_later_year() -> None:
    """长春市信访局 2026: the table prints 30213 “维护（护）费”, its prose “维修（护）费 12.61万元”, the official name."""
    later = REFERENCE_WINDOW[1] + 1
    row = dict(ECONOMIC, economic_code="30213", economic_name="维护（护）费")
    rows = {"basic_expenditure_by_economic": [row]}
    assert [r["status"] for r in run(check_classification, rows, fiscal_year=later)] == ["not_applicable"]
    (result,) = run(check_classification, rows, Evidence(prose="取暖费23.37万元，维修（护）费12.61万元"), fiscal_year=later)
    assert (result["status"], result["expected"], result["actual"]) == ("fail", "维修（护）费", "维护（护）费")
    assert "“维护（护）费”" in result["detail"] and "文字说明也写作" in result["detail"]


def test_a_name_whose_brackets_the_text_layer_emptied_is_not_judged() -> None:
    """因公出国境费用() is 因公出国（境）费用 as a scrambled text layer gives it (重庆 2026): a reading, not a misprint."""
    row = dict(ECONOMIC, economic_code="30212", economic_name="因公出国境费用()")
    (result,) = run(check_classification, {"basic_expenditure_by_economic": [row]})
    assert result["status"] == "not_applicable" and "括号" in result["detail"]
    row["economic_name"] = "因公出境费用"
    assert run(check_classification, {"basic_expenditure_by_economic": [row]})[0]["status"] == "fail"


def test_the_official_name_inside_the_printed_one_is_not_the_prose_naming_it() -> None:
    """无锡市人社局 2026: 2130804 “创业担保贷款贴息及奖补”, in the prose too; it holds the 2025 name 创业担保贷款贴息 but does not print it."""
    later = REFERENCE_WINDOW[1] + 1
    rows = {"expenditure_by_function": [function("2130804", "创业担保贷款贴息及奖补", "1")]}
    results = run(check_classification, rows, Evidence(prose="创业担保贷款贴息及奖补（项）12万元"), fiscal_year=later)
    assert [r["status"] for r in results] == ["not_applicable"]


def test_the_official_name_in_other_words_of_the_prose_does_not_name_the_item() -> None:
    """无锡市人社局 2026: “富民创业担保贷款贴息政策调整” holds 创业担保贷款贴息 but names no item; “维修（护）费12.61万元” names one."""
    later = REFERENCE_WINDOW[1] + 1
    rows = {"expenditure_by_function": [function("2130804", "创业担保贷款贴息及奖补", "1")]}
    prose = "普惠金融发展支出（款）创业担保贷款贴息及奖补（项）支出4.85万元，主要是富民创业担保贷款贴息政策调整。"
    assert [r["status"] for r in run(check_classification, rows, Evidence(prose=prose), fiscal_year=later)] == ["not_applicable"]


def test_a_code_the_incomplete_lists_never_give_is_not_judged_within_their_years() -> None:
    """江苏省人民检察院 2017: 2040405 公诉和审判监督 — the lists lack 20404's items; 20110 (人力资源事务, to 2018) in 2019 is retired."""
    (lacking,) = run(check_classification, {"expenditure_by_function": [function("2040405", "公诉和审判监督", "1")]}, fiscal_year=2017)
    assert (lacking["check_id"], lacking["status"]) == ("classification-code-known", "not_applicable")
    assert "参考科目表在类以下并不完整" in lacking["detail"]
    (retired,) = run(check_classification, {"expenditure_by_function": [function("20110", "人力资源事务", "1")]}, fiscal_year=2019)
    assert (retired["check_id"], retired["status"]) == ("classification-code-known", "fail")


def test_an_economic_code_the_lists_lack_is_still_unknown() -> None:
    """上海市普陀区社会福利院 2024 prints 302 10 车辆运行费: the 部门预算支出经济分类 has no 30210 (its lists are whole)."""
    row = dict(ECONOMIC, economic_code="30210", economic_name="车辆运行费")
    (result,) = run(check_classification, {"basic_expenditure_by_economic": [row]})
    assert (result["check_id"], result["status"]) == ("classification-code-known", "fail")


def _economic(code: str, name: str) -> dict[str, object]:
    return {**ECONOMIC, "economic_code": code, "economic_name": name, "source_table": "2024年预算单位一般公共预算基本支出部门预算经济分类预算表", "page": 14}


def test_a_table_whose_codes_mostly_name_other_items_is_another_scheme_not_judged() -> None:
    # sh_putuo_social_welfare_home_2024_unit_budget.pdf p.14 (Shanghai's own 部门经济分类): 30202 咨询费, 30203 水费,
    # 30204 电费, 30205 邮电费 where the national list has 印刷费, 咨询费, 手续费, 水费
    local = [_economic("30201", "办公费"), _economic("30202", "咨询费"), _economic("30203", "水费"), _economic("30204", "电费"), _economic("30205", "邮电费")]
    results = run(check_classification, {"basic_expenditure_by_economic": local})
    assert {r["status"] for r in results} == {"not_applicable"}
    assert "地方自定" in results[0]["detail"]
    # one misnamed code among official ones still fails
    one = [_economic("30201", "办公费"), _economic("30202", "印刷费"), _economic("30203", "咨询费"), _economic("30205", "邮电费")]
    assert [(r["subject"], r["status"]) for r in run(check_classification, {"basic_expenditure_by_economic": one})] == [("30205", "fail")]


def test_a_name_the_reference_could_not_check_is_not_judged() -> None:
    # js_prov_procuratorate_2017_dept_budget.pdf p.14: 2040404 查办和预防职务犯罪; the reference's 2040404 is unverified
    results = run(check_classification, {"expenditure_by_function": [function("2040404", "查办和预防职务犯罪", "480.00")]}, fiscal_year=2017)
    assert [(r["subject"], r["status"]) for r in results] == [("2040404", "not_applicable")]
    assert "未能与官方文本核对" in results[0]["detail"]

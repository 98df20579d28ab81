"""National final-account tables (财决01–09) printed a cell a line (issue 13, session 9): ``tables/cell_lines``.

A web page's table copied as text prints every cell on a line of its own: header cells, ``栏次`` and the
column numbers, then each row's code, label and figures (blank cells print no line). The inputs are
invented, cut to what each rule reads; expected values are read from the inputs by a person. Every rule
has its counter-case.
"""

from __future__ import annotations

import csv
from pathlib import Path

from cnbudget.model import Block
from cnbudget.pipeline.build import build
from cnbudget.tables.cell_lines import rejoined
from cnbudget.tables.numbering import without_row_numbers
from tests.conftest import ROOT
from tests.tables.conftest import D, Read, block, read
from tests.tables.test_three_public import items


def prepared(b: Block) -> Block:
    """The block as ``normalise_disclosure`` gives it to its reader."""
    return without_row_numbers(rejoined(b) or b)


# 1. 支出决算表 (财决04): 本年支出合计 | 基本支出 | 项目支出 | 上缴上级支出 | 经营支出 | 对附属单位补助支出, rows by 类/款/项

EXPENDITURE = [
    "支出决算表", "公开03表", "部门:北京市某某区文化馆", "金额单位:万元",
    "项目", "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出",
    "科目编码", "科目名称", "类", "款", "项", "栏次", "1", "2", "3", "4", "5", "6",
    "合计", "150.00", "100.00", "50.00",
    "207", "文化旅游体育与传媒支出", "150.00", "100.00", "50.00",
    "20701", "文化和旅游", "150.00", "100.00", "50.00",
    "2070109", "群众文化", "100.00", "100.00",  # its 项目支出 blank: no line
    "2070199", "其他文化和旅游支出", "50.00", "50.00",  # its 基本支出 blank
]


def _built(tmp_path: Path, cells: list[str]) -> dict[tuple[str, str], tuple[str, str, str]]:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "unit.txt").write_text("\n".join(["北京市某某区文化馆2022年度部门决算", *cells]) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out, None, ROOT / "templates", jobs=1, log=lambda _m: None)
    with (out / "all" / "expenditure_by_function.csv").open(encoding="utf-8", newline="") as handle:
        return {(r["function_code"], r["phase"]): (r["total"], r["basic"], r["project"]) for r in csv.DictReader(handle)}


def test_an_expenditure_table_printed_a_cell_a_line_is_read_row_by_row(tmp_path: Path) -> None:
    got = _built(tmp_path, EXPENDITURE)
    assert got == {
        ("207", "executed"): ("150.00", "100.00", "50.00"),
        ("20701", "executed"): ("150.00", "100.00", "50.00"),
        ("2070109", "executed"): ("100.00", "100.00", ""),
        ("2070199", "executed"): ("50.00", "", "50.00"),
    }


def test_a_row_with_more_figures_than_the_columns_reads_nothing(tmp_path: Path) -> None:
    # 栏次 1 2 3 but a row of four figures: a cell lost from the header or put in the wrong row
    cells = [*EXPENDITURE[:17], "栏次", "1", "2", "3", "合计", "150.00", "100.00", "50.00", "0.00",
             "207", "文化旅游体育与传媒支出", "150.00", "100.00", "50.00"]
    assert rejoined(block("expenditure", "支出决算表", cells)) is None
    assert _built(tmp_path, cells) == {}


# 2. 一般公共预算财政拨款支出决算表 (财决07): 年初预算数 | 全年预算数 | 决算数 (小计 | 基本支出 | 项目支出)

FUNCTION = [
    "编制单位:某局", "单位:万元", "项目", "年初预算数", "全年预算数", "决算数", "科目编码", "科目名称", "小计", "基本支出", "项目支出",
    "栏次", "1", "2", "3", "4", "5",
    "合计", "492.06", "568.77", "547.20", "493.45", "53.75",
    "2013802", "一般行政管理事务", "0.00", "65.17", "53.75", "0.00", "53.75",
    "2101101", "行政单位医疗", "14.54", "14.32", "14.11", "14.11", "0.00",
]
FUNCTION_TITLE = "一般公共预算财政拨款支出决算表"


def _by_phase(r: Read) -> dict[tuple[str, str], tuple[object, object, object]]:
    return {(x["function_code"], x["phase"]): (x["total"], x["basic"], x["project"]) for x in r.rows("expenditure_by_function")}


def test_each_phase_of_a_function_table_is_named_by_its_header() -> None:
    r = read(prepared(block("function", FUNCTION_TITLE, FUNCTION)), fiscal_year=2022, kind="final_account")
    assert _by_phase(r) == {
        ("2013802", "executed"): (D("53.75"), D("0.00"), D("53.75")),
        ("2013802", "adjusted"): (D("65.17"), None, None),
        ("2013802", "approved"): (D("0.00"), None, None),
        ("2101101", "executed"): (D("14.11"), D("14.11"), D("0.00")),
        ("2101101", "adjusted"): (D("14.32"), None, None),
        ("2101101", "approved"): (D("14.54"), None, None),
    }


def test_a_phased_table_with_a_blank_cell_reads_nothing_rather_than_a_wrong_phase() -> None:
    # 一般行政管理事务 prints no 年初预算数 (blank: no line): its first figure is its 全年预算数, and which
    # phase each figure is cannot be told; nothing is read, never 65.17 as a 年初预算数 or 决算数
    cells = [*FUNCTION[:23], "2013802", "一般行政管理事务", "65.17", "53.75", "53.75", *FUNCTION[30:]]
    assert rejoined(block("function", FUNCTION_TITLE, cells)) is None
    r = read(prepared(block("function", FUNCTION_TITLE, cells)), fiscal_year=2022, kind="final_account")
    assert not any(x["total"] == D("65.17") for x in r.rows("expenditure_by_function"))


# 3. “三公”经费支出决算表: 预算数 | 决算数 a row, each item's label, then its figures


def test_a_three_public_table_printed_a_cell_a_line_reads_both_phases() -> None:
    cells = ["项目", "预算数", "决算数", "栏次", "1", "2", "合计", "10.00", "8.00", "因公出国(境)费", "0.00", "0.00",
             "公务用车购置及运行费", "6.00", "5.00", "其中:公务用车购置费", "0.00", "0.00", "公务用车运行费", "6.00", "5.00",
             "公务接待费", "4.00", "3.00"]
    r = read(prepared(block("three_public", "一般公共预算财政拨款“三公”经费支出决算表", cells)), fiscal_year=2022, kind="final_account")
    assert items(r, 2022, "executed") == {"total": D("8.00"), "outbound_travel": D("0.00"), "vehicle_total": D("5.00"),
                                          "vehicle_purchase": D("0.00"), "vehicle_operation": D("5.00"), "reception": D("3.00")}
    assert items(r, 2022, "approved")["total"] == D("10.00")


# 4. 一般公共预算财政拨款基本支出决算表: 人员经费 and 公用经费 side by side, each 科目编码 | 科目名称 | 决算数


def test_a_basic_expenditure_table_printed_a_cell_a_line_reads_each_code_s_figure() -> None:
    cells = ["项目", "人员经费", "公用经费", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "栏次", "1", "2",
             "301", "工资福利支出", "80.00", "302", "商品和服务支出", "20.00", "30101", "基本工资", "30.00", "30201", "办公费", "5.00",
             "人员经费合计", "80.00", "公用经费合计", "20.00"]
    r = read(prepared(block("basic_economic", "一般公共预算财政拨款基本支出决算表", cells)), fiscal_year=2022, kind="final_account")
    assert {x["economic_code"]: x["total"] for x in r.rows("basic_expenditure_by_economic")} == {
        "301": D("80.00"), "302": D("20.00"), "30101": D("30.00"), "30201": D("5.00")}
    assert r.totals()["personnel_expenditure"] == D("80.00") and r.totals()["public_expenditure"] == D("20.00")


# 5. Codes and row numbers are never amounts; a count out of order reads nothing


def test_a_number_before_a_label_is_a_code_only_when_the_label_is_its_official_name() -> None:
    # 201 after 合计's figures, before 人大事务 (whose code is 20101): 201 is 合计's third figure, not a code
    cells = ["项目", "本年支出合计", "基本支出", "项目支出", "栏次", "1", "2", "3", "合计", "301", "100", "201", "人大事务", "301", "100", "201"]
    b = rejoined(block("expenditure", "支出决算表", cells))
    assert b is not None and [line.text for line in b.lines[-2:]] == ["合计 301 100 201", "人大事务 301 100 201"]


def test_row_numbers_are_dropped_and_a_number_out_of_count_reads_nothing() -> None:
    cells = ["项目", "行次", "金额", "栏次", "1", "一、财政拨款收入", "1", "120.50", "二、事业收入", "2", "7.00", "三、其他收入", "3"]
    b = rejoined(block("revenue", "收入决算表", cells))
    # the copy ends inside the last row (its figure is not there): that row is not kept
    assert b is not None and [line.text for line in b.lines[-2:]] == ["一、财政拨款收入 120.50", "二、事业收入 7.00"]
    out_of_count = [*cells[:8], "二、事业收入", "5", "7.00"]
    assert rejoined(block("revenue", "收入决算表", out_of_count)) is None


def test_a_two_sided_summary_is_left_to_the_summary_reader() -> None:
    # 项目 | 行次 | 金额 on each side, 栏次 twice: summary.numbered_cells reads it
    cells = ["收入", "支出", "项目", "行次", "金额", "项目", "行次", "金额", "栏次", "1", "栏次", "2",
             "一、一般公共预算财政拨款收入", "1", "120.50", "一、一般公共服务支出", "29", "118.00"]
    assert rejoined(block("summary", "收入支出决算总表", cells)) is None


# 6. The two-sided 收支总表 (财决01), read by the same module: a blank label still prints its 行次


SUMMARY = [
    "收入", "支出", "项目", "行次", "金额", "项目", "行次", "金额", "栏次", "1", "栏次", "2",
    "一、一般公共预算财政拨款收入", "1", "769.88", "一、一般公共服务支出", "34", "628.78",
    "二、事业收入", "2", "16.40", "二、教育支出", "35",
    "3", "三、卫生健康支出", "36", "38.77",  # the revenue side's label blank: only its 行次
    "4", "四、住房保障支出", "37", "119.13",
    "本年收入合计", "5", "786.28", "本年支出合计", "38", "786.68",
]


def test_a_summary_s_blank_label_keeps_its_row_number_and_the_rows_after_it_are_read() -> None:
    r = read(prepared(block("summary", "收入支出决算总表", SUMMARY)), fiscal_year=2024, kind="final_account")
    assert r.totals()["revenue_current_year"] == D("786.28")
    assert r.totals()["expenditure_current_year"] == D("786.68")
    assert not any(x["amount"] in (D(3), D(4), D(36)) for x in r.rows("totals") + r.rows("revenue_by_source"))


def test_a_summary_number_out_of_both_counts_reads_nothing() -> None:
    # the blank row's 行次 printed as 9: neither the revenue side's 3 nor the expenditure side's 36
    cells = [*SUMMARY[:23], "9", *SUMMARY[24:]]
    r = read(prepared(block("summary", "收入支出决算总表", cells)), fiscal_year=2024, kind="final_account")
    assert "revenue_current_year" not in r.totals() and not r.rows("revenue_by_source")


# 7. A header without 栏次 whose name and figure columns come in pairs (科目名称 | 决算数 twice)


def test_a_paired_header_without_column_numbers_reads_each_label_s_one_figure() -> None:
    cells = ["单位：万元", "人员经费", "公用经费", "科目名称", "决算数", "科目名称", "决算数",
             "工资福利支出", "521.88", "商品和服务支出", "93.75"]
    b = rejoined(block("basic_economic", "一般公共预算财政拨款基本支出决算表", cells))
    assert b is not None and [line.text for line in b.lines[-2:]] == ["工资福利支出 521.88", "商品和服务支出 93.75"]
    r = read(prepared(block("basic_economic", "一般公共预算财政拨款基本支出决算表", cells)), fiscal_year=2024, kind="final_account")
    assert {x["economic_code"]: x["total"] for x in r.rows("basic_expenditure_by_economic")} == {"301": D("521.88"), "302": D("93.75")}


def test_a_header_of_one_name_and_figure_pair_is_not_taken_for_one() -> None:
    # one pair only (项目 | 金额) and no 栏次: how many figures a row has is not said; nothing is put back
    cells = ["项目", "金额", "工资福利支出", "521.88", "商品和服务支出", "93.75"]
    assert rejoined(block("basic_economic", "一般公共预算财政拨款基本支出决算表", cells)) is None


# 8. A budget's two-sided 预算收支总表 printed a cell a line, its header words set wide (项     目 | 本年预算 on each side)


BUDGET_SUMMARY = ["单位:万元", "收          入", "支          出", "项          目", "本年预算", "项          目", "本年预算",
                  "一、财政拨款(补助)", "5,302.35", "一、基本支出", "5,014.45",
                  "二、纳入预算管理的非税收入拨款", "工资福利支出", "4,591.15"]  # the blank cell of 非税收入 prints nothing


def test_a_budget_summary_under_a_wide_set_header_of_this_year_s_budget_reads_each_label_s_one_figure() -> None:
    r = read(prepared(block("summary", "一、某学院2018年预算收支总表", BUDGET_SUMMARY)), fiscal_year=2018, kind="budget")
    assert r.totals()["basic_expenditure"] == D("5014.45")


def test_a_budget_summary_with_two_figure_columns_a_side_is_not_put_back() -> None:
    # 本年预算 | 上年预算 on each side: a lone figure's column is not said; nothing is put back
    cells = [*BUDGET_SUMMARY[:4], "本年预算", "上年预算", BUDGET_SUMMARY[5], "本年预算", "上年预算", *BUDGET_SUMMARY[7:]]
    assert rejoined(block("summary", "一、某学院2018年预算收支总表", cells)) is None

"""Figures the held-out sets still missed on published pages (issue 13, session 9, round 2), by kind of layout.

Each rule on a tiny invented input of the kind of layout tests/fixtures/holdout6 and holdout5 hold
(names and amounts changed); expected values are read from those lines by a person. Every rule
has its counter-case.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Block, Disclosure, Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.normalise.rows import general_budget_figures
from cnbudget.tables.common import Context
from cnbudget.tables.summary import read_summary
from cnbudget.tables.three_public import read_three_public

from .conftest import figure_set as figures
from .conftest import text_lines as lines

# 1. a numbered heading names the figure, a comma or colon, then only the year and phase before the amount


def test_a_heading_names_the_figure_a_bare_year_and_phase_states() -> None:
    found = figures(
        "(一)收入预算,2019年年初预算数386.4万元,其中,一般公共预算拨款386.4万元。",
        "(二)支出预算,2019年年初预算数386.4万元,其中:社会保障和就业支出300.1万元。",
        "三、一般公共预算拨款支出预算",
        "2019年一般公共预算拨款收入386.4万元,具体安排情况如下:(一)基本支出:2019年年初预算数为243.9万元,是指为保障单位机构正常运转的支出。",
    )
    # 收入预算 with no carry-over named: the year's revenue (the keying convention of test_holdout_layouts)
    assert ("totals", "revenue_current_year", "approved", Decimal("386.4")) in found
    assert ("totals", "expenditure_current_year", "approved", Decimal("386.4")) in found
    assert ("totals", "basic_expenditure", "approved", Decimal("243.9")) in found


def test_a_heading_with_other_words_before_the_amount_names_no_figure() -> None:
    # （二）项目支出：2019年年初预算某某经费 X: a project's money, not the year's 项目支出
    found = figures("(二)项目支出:2019年年初预算重大疾病防控配套经费22.00万元,是指单位为完成特定工作任务的支出。")
    assert not any(key == "project_expenditure" for _, key, _, _ in found)
    # a heading that says how something went names no figure: （一）收支预算情况，2019年预算数 X
    found = figures("(一)收支预算情况,2019年预算数386.4万元。")
    assert not any(resource == "totals" for resource, _, _, _ in found)


# 2. a “三公” table printed as text whose header cell 项目 is set wide (项      目 本年决算数)


def _three_public(*texts: str, year: int = 2015) -> Disclosure:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "final_account"})
    title = "某县2015年度某局“三公”经费决算情况表"
    block = Block("three_public", title, [Line(1, (title,)), *(Line(1, (text,)) for text in texts)], Decimal(1), "万元")
    read_three_public(block, Context(disclosure, year, "unit.txt", Decimal(1)))
    return disclosure


def test_a_text_three_public_table_under_a_spaced_out_header() -> None:
    disclosure = _three_public("项      目 本年决算数", "一、支出合计 7.46", "1、因公出国(境)费用  ", "2、公务接待费 7.46", "3、公务用车费  ")
    got = {(r["fiscal_year"], r["item"], r["phase"]): r["amount"] for r in disclosure.rows["three_public"]}
    assert got == {(2015, "total", "executed"): Decimal("7.46"), (2015, "reception", "executed"): Decimal("7.46")}


def test_counts_under_a_spaced_out_header_are_no_money() -> None:
    # the same table's 二、相关统计数: batches and people are counts, never a figure of money
    disclosure = _three_public("项      目 本年决算数", "一、支出合计 7.46", "1、因公出国(境)费用  ", "2、公务接待费 7.46", "二、相关统计数  ", "5.公务接待批次(批) 186", "6.公务接待人数(人) 2856")
    got = {(r["item"], r["amount"]) for r in disclosure.rows["three_public"]}
    assert got == {("total", Decimal("7.46")), ("reception", Decimal("7.46"))}


# 3. 财政专户拨款 beside 一般公共预算拨款 and 政府性基金拨款: the revenue from the fiscal special account


def test_a_fiscal_special_account_appropriation_is_a_revenue_source() -> None:
    found = figures("一、收入预算700.00万元其中:其中一般公共预算拨款652.50万元,政府性基金拨款0万元,财政专户拨款47.5万元。")
    assert ("revenue_by_source", "fiscal_special_account", "approved", Decimal("47.5")) in found
    assert ("revenue_by_source", "general_public_budget", "approved", Decimal("652.50")) in found


def test_spending_from_the_fiscal_special_account_is_no_revenue_source() -> None:
    found = figures("二、支出预算700.00万元,其中财政专户拨款支出47.5万元。")
    assert not any(resource == "revenue_by_source" for resource, _, _, _ in found)


# 4. the 公务用车's parts named bare after the parent's 主要包括 (全年运行维护费支出 X)


def test_the_vehicle_parts_listed_after_the_parents_zhuyao_baokuo() -> None:
    found = figures(
        "3、公务用车购置及运行维护费支出6.40万元,与去年持平,严格执行中央“八项规定”,主要包括:(1)公务用车购置费0万元;(2)公务车保有量2辆,全年运行维护费支出6.40万元,平均每辆3.20万元。",
        year=2018,
    )
    assert ("three_public", "vehicle_total", "approved", Decimal("6.40")) in found
    assert ("three_public", "vehicle_purchase", "approved", Decimal(0)) in found
    assert ("three_public", "vehicle_operation", "approved", Decimal("6.40")) in found
    assert not any(amount == Decimal("3.20") for _, _, _, amount in found)  # 平均每辆: no item's figure


def test_a_bare_running_cost_in_a_list_about_other_spending_is_no_vehicle_part() -> None:
    # 包括 after something other than the 公务用车购置及运行费: 运行维护费 of a network is not the 公务用车's
    found = figures("(2)一般行政管理项目支出120万元,具体包括会议费、购置费(包括设备、计算机、车辆等)、信息网络运行维护费等,其中运行维护费20万元。", year=2018)
    assert not any(resource == "three_public" for resource, _, _, _ in found)


# 5. a stop lost between a clause ending in no change and the next opening with a year


def test_a_clause_of_no_change_run_into_the_next_years_figure() -> None:
    found = figures(
        "2019年“三公”经费预算数比2018年预算数无增减",
        "2019年公务用车购置经费预算数 0 万元,与上年预算数相比无增减;公务用车运行维护费 2.5万元。",
    )
    assert ("three_public", "vehicle_purchase", "approved", Decimal(0)) in found
    assert ("three_public", "vehicle_operation", "approved", Decimal("2.5")) in found


def test_a_change_with_an_amount_before_the_year_is_still_skipped() -> None:
    # 比2018年减少 X 万元: a change, whatever follows; and 持平 not followed by a year cuts nothing
    found = figures("公务接待费比2018年减少0.5万元,与2017年持平公务用车购置费预算数1万元。")
    assert not any(amount == Decimal("0.5") for _, _, _, amount in found)
    assert not any(key == "vehicle_purchase" for _, key, _, _ in found)


# 6. a 收支总表 printed a cell a line, every cell ended by a bar on the line after it (a blank cell a bar alone)


def _summary(*texts: str) -> Disclosure:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "budget"})
    title = "某某局2016年收支预算总表"
    block = Block("summary", title, [Line(1, (title,)), *(Line(1, (text,)) for text in texts)], Decimal(1), "万元")
    read_summary(block, Context(disclosure, 2016, "unit.txt", Decimal(1)))
    return disclosure


BARRED_SUMMARY = (
    "收 入", "|", "支 出", "||",
    "项 目", "|", "预算数", "|", "项 目", "|", "预算数", "|",
    "一、公共预算拨款", "|", "250.40", "|", "一、基本支出", "|", "200.10", "|",
    "二、政府性基金拨款", "|", "|", "1.工资福利支出", "|", "150.00", "|",
    "三、事业收入", "|", "|", "二、项目支出", "|", "50.30", "|",
    "本年收入合计", "|", "250.40", "|", "本年支出合计", "|", "250.40", "|",
)  # fmt: skip


def test_a_summary_a_cell_a_line_each_cell_ended_by_a_bar_alone() -> None:
    got = {r["metric"]: r["amount"] for r in _summary(*BARRED_SUMMARY).rows.get("totals", [])}
    assert got == {
        "revenue_current_year": Decimal("250.40"),
        "expenditure_current_year": Decimal("250.40"),
        "basic_expenditure": Decimal("200.10"),
        "project_expenditure": Decimal("50.30"),
    }


def test_a_barred_summary_with_a_cell_lost_reads_nothing() -> None:
    # the blank cell after 二、政府性基金拨款 lost (one bar, not two): every cell after it would shift a column
    lost = list(BARRED_SUMMARY)
    del lost[lost.index("二、政府性基金拨款") + 1]
    assert not _summary(*lost).rows.get("totals")


# 7. a revenue said, in the clause after it, to be all 一般公共预算 money


def test_a_revenue_said_to_be_all_general_budget_money() -> None:
    found = figures("(一)收入决算情况。2021年度,收入总计为420.10万元,其中:", "1.财政拨款收入370.20万元,为一般公共预算资金。", "2.事业收入49.90万元。", year=2021, kind="final_account")
    assert ("revenue_by_source", "general_public_budget", "executed", Decimal("370.20")) in found
    found = figures("某某办财政拨款收支总预算980.50万元。收入全部为一般公共预算拨款,无政府性基金预算拨款。", year=2017)
    assert ("revenue_by_source", "general_public_budget", "approved", Decimal("980.50")) in found


def test_spending_of_general_budget_money_is_no_revenue_source() -> None:
    # 支出 said to be of the 一般公共预算, or a revenue whose next clause says something else: no source
    found = figures("财政拨款支出370.20万元,为一般公共预算资金。事业收入49.90万元,为开展专业业务活动取得的收入。", year=2021, kind="final_account")
    assert not any(resource == "revenue_by_source" and key == "general_public_budget" for resource, key, _, _ in found)


# 8. the 其中 of a fund's expenditure, in the sentence after it, lists that fund's parts, not the department's


def _department_figures(revenue: str) -> set[tuple[str, str, str, Decimal]]:
    texts = (
        f"（一）收入预算：2026年年初预算数500.00万元，其中：{revenue}。",
        "（二）支出预算：2026年年初预算数500.00万元。",
        "三、财政拨款情况说明",
        "2026年一般公共预算财政拨款支出420.00万元，比2025年增加8.00万元。其中：基本支出150.00万元，主要用于保障在职人员工资福利；项目支出270.00万元，主要用于重点工作。",
    )
    found, _ = read_narrative(lines(*texts), 2026, "budget")
    kept = general_budget_figures(Disclosure({"disclosure_id": "d", "kind": "budget"}), found)
    return {(f.resource, f.subject, f.phase, f.row["amount"]) for f in kept if "amount" in f.row}  # type: ignore[misc]


def test_the_basic_and_project_parts_of_the_general_budget_are_not_the_departments() -> None:
    # the department has other money (政府性基金 80 万元): the 一般公共预算's 基本支出 and 项目支出 are not its own
    found = _department_figures("一般公共预算拨款420.00万元，政府性基金预算拨款80.00万元")
    assert ("totals", "expenditure_current_year", "approved", Decimal("500.00")) in found
    assert not any(key in ("basic_expenditure", "project_expenditure") for _, key, _, _ in found)


def test_the_general_budgets_parts_are_the_departments_where_it_has_no_other_money() -> None:
    found = _department_figures("一般公共预算拨款500.00万元，政府性基金预算拨款0万元")
    assert ("totals", "basic_expenditure", "approved", Decimal("150.00")) in found
    assert ("totals", "project_expenditure", "approved", Decimal("270.00")) in found

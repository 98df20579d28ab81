"""Figures and fails the fresh measure of holdout12 and holdout13 found published wrong (issues 13 and 14, session 12).

Each rule on a tiny invented input of the kind those sets hold (names and amounts changed), with its counter-case:
where the document really contradicts itself, or the figure really is the document year's, the rule must not hide it.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.document import check_years
from cnbudget.checks.prose import check_prose_against_tables, check_shares
from cnbudget.checks.prose_sums import check_revenue_sources
from cnbudget.model import Evidence, Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.normalise.prose_amounts import statements

from .checks.conftest import outcomes, revenue, run, said


def _three_public(text: str, year: int = 2014) -> set[tuple[str, int | None, str, object]]:
    lines = [Line(i + 1, (line,)) for i, line in enumerate(text.splitlines())]
    found, _ = read_narrative(lines, year, "budget")
    return {(f.subject, f.fiscal_year, f.phase, f.row["amount"]) for f in found if f.resource == "three_public"}


# 1. a sentence that names another year, and says the money was spent, gives that year's 决算


def test_a_sentence_opening_with_last_year_and_saying_it_was_spent_gives_that_years_final_figure() -> None:
    # invented, in the way of a provincial bureau's 三公 page: 2013's 决算, then 2014's budget, each in its own sentence;
    # the amount's own clause (实际发生…支出) names no year: the sentence's 2013 does, and 实际发生 says it was spent
    text = (
        "一、因公出国(境)经费\n"
        "2013年某局因公出国(境)团组3次,出国(境)5人次,实际发生住宿费、旅费等因公出国(境)经费支出21万元。\n"
        "2014年某局拟安排出国(境)6人次,因公出国(境)经费预算30万元,较2013年决算增长42.86%。\n"
        "二、公务接待费\n"
        "2013年某局执行公务共开支交通费、住宿费等公务接待费85万元。\n"
    )
    found = _three_public(text)
    assert ("outbound_travel", 2013, "executed", Decimal(21)) in found
    assert ("reception", 2013, "executed", Decimal(85)) in found
    # never the document year's budget
    assert not any(year == 2014 and amount in (Decimal(21), Decimal(85)) for _, year, _, amount in found)


def test_the_document_years_sentence_and_a_planned_past_year_keep_their_reading() -> None:
    # counter-cases: a sentence of the document's own year is its budget, though 较2013年 names a past year as the base
    found = _three_public("2014年某局安排因公出国(境)经费支出30万元,较2013年增长10%。")
    assert ("outbound_travel", 2014, "approved", Decimal(30)) in found
    # … and a past year's figure its words call a 预算 is no 决算 (it keeps the phase its words give)
    found = _three_public("公务接待费2014年预算8万元,2013年预算12.5万元。")
    assert ("reception", 2013, "approved", Decimal("12.5")) in found


# 2. a 其中 list that runs to the cut end of the text is not judged


def test_a_list_cut_by_the_end_of_the_text_is_not_judged() -> None:
    # 150 + 0 = 150 against 本年收入合计 170.5: the list numbers a part of 0, so it would count as whole; but the text
    # ends inside its sentence (the page was cut), so a third source may follow
    prose = "2018年本年收入合计170.5万元。其中:财政拨款150万元,占总收入的87.98%;事业收入0万元,是事业单位开展"
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=prose))
    assert row["status"] == "not_applicable" and "文本末尾" in row["detail"]
    # counter-case: the same list ended by its full stop, with more prose after it, still fails
    prose = "2018年本年收入合计170.5万元。其中:财政拨款150万元,占总收入的87.98%;事业收入0万元。二、支出情况"
    assert outcomes(run(check_revenue_sources, evidence=Evidence(prose=prose))) == [("fail", "170.5", "150")]


# 3. a figure in a sentence that opens by naming one fund is that fund's, not the unit's


def _said_in(metric: str, amount: str, text: str) -> dict[str, object]:
    return {"subject": metric, "resource": "totals", "phase": "executed", "fiscal_year": 2018, "amount": Decimal(amount), "text": text}


UNIT = "2018年度年末结转和结余164.61万元(其中:项目支出结转和结余27.80万元)。"
FUND = "2018年度一般公共预算收入总计1085.31万元,本年支出1070.67万元,年末结转和结余30.65万元。"


def _consistent(*stated: dict[str, object]) -> list[str]:
    results = run(check_prose_against_tables, {"statements": list(stated)}, Evidence(prose=UNIT + FUND), fiscal_year=2018)
    return [r["status"] for r in results if r["check_id"] == "prose-consistent"]


def test_a_funds_carry_over_in_its_own_sentence_is_not_the_units() -> None:
    # 164.61 is the unit's 结转下年, 30.65 the 一般公共预算's (its sentence opens naming the fund): two figures, no fail,
    # though no other money is printed in a table
    assert _consistent(_said_in("carryover_out", "164.61", UNIT), _said_in("carryover_out", "30.65", FUND)) == []
    # counter-cases: the unit's figure stated twice differently still fails, and so does the fund's
    assert _consistent(_said_in("carryover_out", "164.61", UNIT), _said_in("carryover_out", "30.65", "2018年度结转下年30.65万元。")) == ["fail"]
    assert _consistent(_said_in("carryover_out", "164.61", FUND), _said_in("carryover_out", "30.65", FUND)) == ["fail"]


# 4. 卫生健康支出 stated for all the money, and again in the 财政拨款's own section: two figures


def test_a_function_stated_for_the_whole_and_in_a_funds_section_is_not_stated_twice_differently() -> None:
    whole = "三、2021年支出预算总表的说明\n本单位2021年支出预算1200.5万元。\n(一)按支出功能分类,包括卫生健康支出(类)1200.5万元。\n"
    fund = "四、2021年财政拨款收支预算总表的说明\n本单位2021年财政拨款收支预算400.5万元。支出包括:卫生健康支出(类)400.5万元。\n"
    stated = [
        {**said("expenditure_by_function", "210", "1200.5", year=2021), "text": "(一)按支出功能分类,包括卫生健康支出(类)1200.5万元。"},
        {**said("expenditure_by_function", "210", "400.5", year=2021), "text": "支出包括:卫生健康支出(类)400.5万元。"},
    ]
    other = [revenue("business", "800", "narrative")]  # 事业收入 800: the unit has money besides the 财政拨款

    def consistent(prose: str, rows: dict[str, list[dict[str, object]]]) -> list[str]:
        results = run(check_prose_against_tables, rows, Evidence(prose=prose), fiscal_year=2021)
        return [r["status"] for r in results if r["check_id"] == "prose-consistent"]

    assert consistent(whole + fund, {"statements": stated, "revenue_by_source": other}) == []
    # counter-case: both in the section about all the money, the class stated twice differently still fails
    both = whole + "支出包括:卫生健康支出(类)400.5万元。\n" + fund
    assert consistent(both, {"statements": stated, "revenue_by_source": other}) == ["fail"]


# 5. a share that proves nothing: of a whole-number part that may be rounded, or moved a unit so the run adds up to 100%


def _share_statuses(prose: str, amount: str) -> list[tuple[str, str]]:
    results = run(check_shares, evidence=Evidence(prose=prose, statements=statements(prose)))
    return [(r["status"], r["detail"]) for r in results if r["subject"].split("/")[1] == amount]


def test_a_share_of_a_whole_number_part_one_unit_off_is_not_judged() -> None:
    # 300 of 11,600.40 is 2.5861% (2.59), printed 2.58%; 299.5 of it is 2.5818%: a figure 300 may round gives 2.58, and
    # the parts (11,500.40) do not add up to the base, so nothing shows 300 is exact: not provable
    prose = "收入预算11600.40万元,其中:财政拨款11200.40万元,占96.55%;其他收入300万元,占2.58%。"
    ((status, detail),) = _share_statuses(prose, "300")
    assert status == "not_applicable" and "只印到整数" in detail
    # counter-cases: a share no figure within half a unit of 300 gives still fails (2.70%) …
    assert [s for s, _ in _share_statuses(prose.replace("2.58%", "2.70%"), "300")] == ["fail"]
    # … and where the parts add up to the base exactly (11,200.40 + 300 = 11,500.40), 300 is exact: 2.6086% is not 2.60%
    exact = "收入预算11500.40万元,其中:财政拨款11200.40万元,占97.39%;其他收入300万元,占2.60%。"
    assert [s for s, _ in _share_statuses(exact, "300")] == ["fail"]


def test_a_share_moved_a_unit_so_the_run_adds_up_to_a_hundred_is_not_judged() -> None:
    # 3225 + 8000 + 300 + 129.33 = 11654.33; rounded one by one the shares are 27.67 + 68.64 + 2.57 + 1.11 = 99.99%,
    # printed 2.58% so that they add up to 100.00%: a convention of rounding, not a contradiction
    prose = "收入预算11654.33万元,其中:财政拨款3225万元,占27.67%;事业收入8000万元,占68.64%;其他收入300万元,占2.58%;上年结转129.33万元,占1.11%。"
    ((status, detail),) = _share_statuses(prose, "300")
    assert status == "not_applicable" and "100%" in detail
    # counter-case: shares that would add up to 100% anyway (18.82 + 54.39 + 26.79), printed a unit off the other way
    # (54.38 and 26.80, still 100.00 in all), still fail
    prose = "“三公”经费584.35万元,其中:因公出国(境)费110万元,占18.82%;公务用车购置及运行费317.8万元,占54.38%;公务接待费156.55万元,占26.80%。"
    assert [s for s, _ in _share_statuses(prose, "156.55")] == ["fail"]


# 6. a past year named as where money came from is history, not a wrong year


def test_a_year_the_money_was_carried_from_is_no_wrong_year() -> None:
    prose = "2018年支出预算500万元,减少的主要原因是去年结转2016年财政设备购置投入26.78万元。"
    assert outcomes(run(check_years, evidence=Evidence(prose=prose), fiscal_year=2018)) == [("pass", "2018", "2018")]
    # counter-case: the same past year named as the year of this budget's own figure still fails
    prose = "2018年支出预算500万元,其中2016年财政设备购置投入26.78万元。"
    assert outcomes(run(check_years, evidence=Evidence(prose=prose), fiscal_year=2018))[0][0] == "fail"


def test_outbound_travel_named_without_its_yingong_is_the_item() -> None:
    # “安排出国(境)经费预算30万元”: the 因公出国(境)经费 named without 因公
    assert ("outbound_travel", 2014, "approved", Decimal(30)) in _three_public("2014年某局安排出国(境)经费预算30万元。")
    # counter-case: a count of 出国(境) people is no figure of money, and a 团组 is no item
    assert _three_public("2014年某局拟安排出国(境)团组3个,出国(境)6人次。") == set()


def test_a_list_the_next_heading_ends_is_judged_though_the_text_is_cut_later() -> None:
    # the list ends on its last share; the page is cut in the next section's sentence: the list is whole, and 60 + 0
    # against 200 still fails (a case of holdout3's keyed contradictions, amounts changed)
    prose = "2023部门预算总收入预计200万元,比上年增加6万元。其中:财政拨款60万元,占总收入的30.00%;其他收入0万元,占总收入0.00%\n(二)预算支出情况\n某卫生院2023"
    assert [r["status"] for r in run(check_revenue_sources, evidence=Evidence(prose=prose))] == ["fail"]

"""Kinds the fresh set holdout17 showed on its first measure (benchmarks/RESULTS.md, session 15), read by kind.

Invented inputs in the style of the 2024 national final-account template, names and amounts changed; expected values
worked by hand in the comments.
"""

from __future__ import annotations

from decimal import Decimal as D

from cnbudget.checks.yoy import check_year_on_year, check_year_on_year_carried
from cnbudget.model import Evidence, Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify

from .checks.conftest import run
from .conftest import narrative_figures


def _totals(text: str | list[Line], year: int = 2024) -> dict[tuple[str, str, str], object]:
    return {k: v for k, v in narrative_figures(text, kind="final_account", year=year).items() if k[0] == "totals"}


# 1. The 2024 template's headings （一）收入总计主要构成 / （二）支出总计主要构成 stand on their own lines above
#    “本年收入 X 万元。” and “本年支出 X 万元。”: the sentence names the year's revenue, not the heading's 总计.


def test_a_heading_naming_the_totals_make_up_is_not_the_sentence_below_it() -> None:
    lines = [Line(1, ("（一）收入总计主要构成",)), Line(1, ("本年收入320.45万元。",)), Line(1, ("（二）支出总计主要构成",)), Line(1, ("本年支出318.20万元。",))]
    assert _totals(lines) == {("totals", "revenue_current_year", "executed"): D("320.45"), ("totals", "expenditure_current_year", "executed"): D("318.20")}
    # counter-case: a heading line stating its amount is a sentence: 收入总计 X is the 收入总计
    lines = [Line(1, ("（一）收入总计320.45万元，",)), Line(1, ("其中本年收入300.45万元。",))]
    assert _totals(lines)[("totals", "revenue_total", "executed")] == D("320.45")


# 2. 四川's template: “2024年度收入、支出总计均为 X 万元” names both totals, each word in full (收、支总计 was read).


def test_revenue_and_expenditure_totals_named_in_full_are_both_read() -> None:
    found = _totals("2024年度收入、支出总计均为198.76万元。与2023年度相比，收入、支出总计各增加12.30万元，增长6.60%。")
    assert found[("totals", "revenue_total", "executed")] == D("198.76") and found[("totals", "expenditure_total", "executed")] == D("198.76")
    # counter-case: the expenditure's 总计 alone is not the revenue's
    assert ("totals", "revenue_total", "executed") not in _totals("2024年度支出总计198.76万元。")


# 3. A rise by exactly this year's figure printed with a percentage: 增加506.91万元，增长100% on 506.91 万元 — last year was
#    nothing, and no rate is of nothing (100% would be a doubling).


def _yoy(prose: str, year: int = 2024) -> list[tuple[str, str]]:
    rows = [*run(check_year_on_year, evidence=Evidence(prose=prose), fiscal_year=year), *run(check_year_on_year_carried, evidence=Evidence(prose=prose), fiscal_year=year)]
    return [(r["status"], r["detail"]) for r in rows]


def test_a_rise_from_nothing_printed_as_a_percentage_fails() -> None:
    [(status, detail)] = _yoy("2024年度收入总计86.20万元，与2023年度相比，增加86.20万元，增长100%。")
    assert status == "fail" and "上年数为 0" in detail and "100%" in detail
    [(status, detail)] = _yoy("收、支总计均为86.20万元。与上年相比，收、支总计各增加86.20万元，增长100%。")
    assert status == "fail" and "上年数为 0" in detail


def test_a_rise_against_the_years_own_budget_or_a_figure_short_of_the_change_is_not_judged_from_nothing() -> None:
    # counter-cases: the 2024 final account against the year's own 2024 budget (not last year); a change larger than the
    # figure (last year below zero: more likely a figure misread); a rise from something, judged as before (10 on 76.20)
    assert _yoy("因公出国(境)费支出4.79万元，与2024年度预算相比，增加4.79万元，增长100%。") == []
    assert _yoy("2024年度收入总计86.20万元，比上年增加90.00万元，增长100%。") == []
    [(status, _)] = _yoy("2024年度收入总计86.20万元，比上年增加10.00万元，增长13.12%。")
    assert status == "pass"  # 10 / 76.20 = 13.123%


# 4. holdout18's first measure: “2023年度收入总计453.13万元,支出总计453.13万元,2022年度收入总计400.22万元,支出总计400.22万元,
#    与2022年度相比,收入、支出总计各增加52.91万元,增长13.22%” — the 支出总计 after a clause opening with 2022年度 is 2022's
#    (it had been read as this year's, then failed against 453.13), and the change is not judged from that figure.

SENTENCE = "2024年度收入总计253.10万元,支出总计253.10万元,2023年度收入总计220.00万元,支出总计220.00万元,与2023年度相比,收入、支出总计各增加33.10万元,增长15.05%。"


def test_a_clause_naming_no_year_after_one_opening_with_a_year_is_of_that_year() -> None:
    found, _ = read_narrative([Line(1, (SENTENCE,))], 2024, "final_account")
    years = {(f.subject, f.row["amount"]): f.fiscal_year for f in found}
    assert years[("expenditure_total", D("220.00"))] == 2023 and years[("expenditure_total", D("253.10"))] == 2024
    # counter-case: a clause naming its own year keeps it
    found, _ = read_narrative([Line(1, ("2023年度收入总计220.00万元,2024年度支出总计253.10万元。",))], 2024, "final_account")
    assert {f.row["amount"]: f.fiscal_year for f in found if f.subject == "expenditure_total"} == {D("253.10"): 2024}


def test_a_change_after_last_years_figure_is_not_judged_from_it() -> None:
    # 33.10 / 220.00 = 15.045% → 15.05% (right); judged from 220.00 as this year's it would be 33.10 / 186.90 = 17.71%
    assert [s for s, _ in _yoy(SENTENCE)] == []
    # counter-case: a comparison's year before the figure gives the figure no year: judged as this year's (10 / 76.20)
    [(status, _)] = _yoy("与2023年相比,收入总计86.20万元,同比增加10.00万元,增长13.12%。")
    assert status == "pass"


# 5. A portal's metadata table prints its label before the page's title (信息名称  舟曲县第二幼儿园2023年部门决算公开说明):
#    the unit is the title's, without the label.


def test_a_portal_label_before_the_title_is_no_part_of_the_unit() -> None:
    page = "索 引 号  zfbgs/2025-00001\n 信息名称  舟曲县第三小学2024年部门决算公开说明\n 公开日期  2025-09-19\n一、部门职责\n舟曲县第三小学是一所全日制小学。"
    who = identify(text_to_lines(page), [])
    assert who.unit_name == "舟曲县第三小学" and who.fiscal_year == 2024
    # counter-case: a title that opens with its unit, no label, reads as before
    who = identify(text_to_lines(page.replace("信息名称  ", "")), [])
    assert who.unit_name == "舟曲县第三小学"

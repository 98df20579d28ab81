"""Contradictions the held-out sets' keys name with no check, or that a check passed over (issue 14, session 15), by kind.

Each rule on a tiny invented input of the kind the keyed page holds (names and amounts changed); expected values
are computed by hand in the comments. Every rule has its counter-case.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.base import Checker
from cnbudget.checks.changes import check_change_in_another_unit
from cnbudget.checks.covers import check_expenditure_covers_revenue
from cnbudget.checks.unit_name import check_own_level_names_unit
from cnbudget.model import Evidence

from .checks.conftest import disclosure, outcomes, run, total

# 1. a change printed in 元 beside a figure in 万元, whose percentage follows from the change in 万元 (holdout9's kind)


def test_a_change_in_yuan_whose_percentage_is_of_wan_is_a_unit_slip() -> None:
    # “总支出500万元,比上年增加40元,增长8.7%”: 40 元 of 499.996 万元 is 0.0008%; 40 万元 of last year's 460 is 8.70%
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose="总支出500万元,比上年增加40元,增长8.7%。"))
    assert (row["check_id"], row["status"], row["subject"]) == ("unit-mislabel", "fail", "40元")
    assert "“…500万元,比上年增加40元,增长8.7%”" in row["detail"] and "上年数 460 万元" in row["detail"]
    # the base written wrong as well (40 / 500 = 8.0%, this year's figure as the base): still 万元 that gave it
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose="总支出500万元,比上年增加40元,增长8.0%。"))
    assert (row["check_id"], row["status"]) == ("unit-mislabel", "fail")
    assert "以本年数为基数" in row["detail"]


def test_the_same_figures_printed_twice_with_the_change_in_two_units_are_two_comparisons() -> None:
    # the 总收入 sentence (one unit) is yoy.check_year_on_year's; the 总支出 one, 40 元 at 7.3%, follows from neither unit
    prose = "总收入500万元,比上年增加40万元,增长7.3%;总支出500万元,比上年增加40元,增长7.3%。"
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose=prose))
    assert (row["check_id"], row["subject"]) == ("yoy-agrees", "500/增加40元/7.3%")


def test_a_change_whose_printed_unit_gives_its_percentage_is_no_slip() -> None:
    # counter-cases: 40 元 of 500 万元 is 0.0008%, as printed; a percentage neither unit gives is yoy-agrees's, not a slip
    assert run(check_change_in_another_unit, evidence=Evidence(prose="总支出500万元,比上年增加40元,增长0.0008%。")) == []
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose="总支出500万元,比上年增加40元,增长25%。"))
    assert row["check_id"] == "yoy-agrees"
    # and where the sentence leaves unsure which figure changed, nothing is said about the unit
    rows = run(check_change_in_another_unit, evidence=Evidence(prose="收入总计3000000元,其中拨款100元,与上年相比,减少60万元,减少16.67%。"))
    assert all(r["check_id"] != "unit-mislabel" for r in rows)


# 2. a 支出总计 below the 本年收入合计, where no 收入总计 is printed (holdout11's kind: a final account's prose)


def _prose_totals(spent: str, came: str, *more: dict[str, object]) -> dict[str, list[dict[str, object]]]:
    sentence = f"2024年收入合计{came}万元,比上年减少5万元,2024年支出总计{spent}万元,比上年减少4万元"
    statements = [
        {"subject": "revenue_current_year", "resource": "totals", "phase": "approved", "fiscal_year": 2024, "amount": Decimal(came), "text": sentence, "page": 3},
        {"subject": "expenditure_total", "resource": "totals", "phase": "approved", "fiscal_year": 2024, "amount": Decimal(spent), "text": sentence, "page": 3},
    ]
    totals = [total("revenue_current_year", came, "narrative"), total("expenditure_total", spent, "narrative"), *more]
    return {"totals": totals, "statements": statements}


def test_a_total_spending_below_the_years_revenue_fails() -> None:
    # 支出总计 = 收入总计 = 本年收入合计 140 + any carry-over: 130 cannot be it
    (row,) = run(check_expenditure_covers_revenue, rows=_prose_totals("130.5", "140.25"))
    assert (row["check_id"], row["status"], row["subject"]) == ("expenditure-total-covers-revenue", "fail", "narrative")
    assert "“2024年支出总计130.5万元”" in row["detail"] and "“2024年收入合计140.25万元”" in row["detail"] and "相差 9.75 万元" in row["detail"]


def test_a_total_spending_that_covers_the_years_revenue_or_rounds_to_it_holds() -> None:
    # counter-cases: 150 covers 140.25 (a carry-over of 9.75); 140.2451 is 140.25 printed to two places
    assert outcomes(run(check_expenditure_covers_revenue, rows=_prose_totals("150", "140.25"))) == [("pass", "150", "140.25")]
    assert [r["status"] for r in run(check_expenditure_covers_revenue, rows=_prose_totals("140.2451", "140.25"))] == ["pass"]
    # and a printed 收入总计 leaves the two 总计 to identities (revenue-equals-expenditure): nothing here
    rows = _prose_totals("130.5", "140.25", total("revenue_total", "140.25", "narrative"))
    assert run(check_expenditure_covers_revenue, rows=rows) == []


# 3. a scope sentence naming another kind of body's 本级 (holdout16's kind: a 党校's page with a 局's template)


def _named(unit: str, prose: str) -> list[dict[str, object]]:
    d = disclosure(evidence=Evidence(prose=prose))
    d.meta["unit_name"] = unit
    checker = Checker(d)
    check_own_level_names_unit(checker)
    return checker.out


def test_a_scope_naming_a_bureaus_own_level_on_another_bodys_page_fails() -> None:
    (row,) = _named("中共某某市某区委员会党校", "区委党校“三公”经费开支单位包括局本级及下属1个事业单位。二、预算情况")
    assert (row["check_id"], row["status"], row["subject"]) == ("own-level-names-unit", "fail", "局本级")
    assert "“…区委党校“三公”经费开支单位包括局本级及下属1个事业单位…”" in row["detail"] and "“中共某某市某区委员会党校”" in row["detail"]


def test_a_scope_naming_the_units_own_kind_or_a_schools_level_passes_unsaid() -> None:
    # counter-cases: a 局's own 局本级; a 委员会党校's 委本级; a 学院's 校本级 (a 高校 is a 校), which is not read at all
    assert _named("某某县财政局", "本部门预算为局本级预算。") == []
    assert _named("中共某某市某区委员会党校", "开支单位包括委本级。") == []
    assert _named("某某职业技术学院", "2016年度部门决算只包括校本级决算。") == []


def test_two_tables_figures_are_not_set_against_each_other() -> None:
    # counter-case: a 支出总计 of one table and a 本年收入合计 of another may be of two scopes (one fund, every fund)
    rows = {"totals": [total("expenditure_total", "130.5", table="财政拨款收支总表"), total("revenue_current_year", "140.25", table="收支总表")]}
    assert run(check_expenditure_covers_revenue, rows=rows) == []
    rows = {"totals": [total("expenditure_total", "130.5"), total("revenue_current_year", "140.25")]}
    assert [r["status"] for r in run(check_expenditure_covers_revenue, rows=rows)] == ["fail"]

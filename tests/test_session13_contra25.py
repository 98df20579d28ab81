"""Contradictions a careful reader finds that the checks passed over or silenced (issue 14, session 13).

Each rule on a tiny invented input of the kind the development sets and corpora hold (names and amounts changed),
with its counter-case: what the rule must not report, or must not hide.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.against_budget import check_change_against_budget, check_three_public_changes
from cnbudget.checks.changes import check_change_on_item_of_year
from cnbudget.checks.prose import check_shares
from cnbudget.checks.yoy import check_year_on_year, check_year_on_year_carried
from cnbudget.model import Evidence
from cnbudget.normalise.prose_amounts import statements

from .checks.conftest import run

# 1. a share printed a unit off so the run adds up to 100% is a misstatement where its amount is exact


def _share_statuses(prose: str, amount: str) -> list[tuple[str, str, str]]:
    results = run(check_shares, evidence=Evidence(prose=prose, statements=statements(prose)))
    return [(r["status"], r["severity"] or "", r["detail"]) for r in results if r["subject"].split("/")[1] == amount]


def test_a_share_of_an_exact_amount_moved_a_unit_to_make_a_hundred_still_fails() -> None:
    # 4520.20 + 382.20 + 97.60 = 5000.00; rounded one by one 90.40 + 7.64 + 1.95 = 99.99%: the writer printed 7.65%
    # for 382.20 (7.644%) so the run adds up to 100.00%; 382.20 has its decimals, so no figure behind it gives 7.65%
    prose = "收入预算5000.00万元,其中:财政拨款4520.20万元,占90.40%;事业收入382.20万元,占7.65%;其他收入97.60万元,占1.95%。"
    ((status, severity, detail),) = _share_statuses(prose, "382.20")
    assert (status, severity) == ("fail", "rounding")
    assert "382.20" in detail and "7.65%" in detail and "7.64%" in detail
    # counter-case: the moved part printed as a whole number (300 of 11654.33, 2.574% printed 2.58% in a run of 100.00%)
    # may stand for a figure that gives 2.58%: not judged, with the reason
    whole = "收入预算11654.33万元,其中:财政拨款3225万元,占27.67%;事业收入8000万元,占68.64%;其他收入300万元,占2.58%;上年结转129.33万元,占1.11%。"
    ((status, _, detail),) = _share_statuses(whole, "300")
    assert status == "not_applicable" and "100%" in detail and "整数" in detail


# 2. a change against the year's own budget, with its percentage


def _budget_changes(prose: str) -> list[tuple[str, str, str]]:
    return [(r["status"], r["severity"] or "", r["detail"]) for r in run(check_change_against_budget, evidence=Evidence(prose=prose))]


def test_a_change_against_the_initial_budget_is_over_the_budget_it_implies() -> None:
    # 52 万元, 6 below the 年初预算: the budget is 58, and 6 / 58 = 10.3%, not 3.1% (a case of holdout13's 焦石镇, amounts changed)
    prose = "2021年度“三公”经费52万元,较上年减少8万元,下降13.33%,较年初预算数减少6万元,下降3.1%。"
    ((status, severity, detail),) = _budget_changes(prose)
    assert (status, severity) == ("fail", "mismatch")
    assert "较年初预算数减少6万元,下降3.1%" in detail and "58 万元" in detail and "10.3%" in detail and "基数写错" not in detail
    # the percentage of the amount itself (6 / 52 = 11.5%) is the wrong base, and the failure says so
    ((status, _, detail),) = _budget_changes(prose.replace("下降3.1%", "下降11.5%"))
    assert status == "fail" and "基数写错" in detail
    # counter-cases: the change over the budget it implies passes; another amount before the figure leaves which was compared unsure
    assert [s for s, _, _ in _budget_changes(prose.replace("下降3.1%", "下降10.3%"))] == ["pass"]
    unsure = "支出决算120万元,其中“三公”经费52万元,较年初预算数减少6万元,下降3.1%。"
    assert [s for s, _, _ in _budget_changes(unsure)] == ["not_applicable"]


# 3. the “三公” total's change against its parts' changes


def _three_public_changes(prose: str) -> list[tuple[str, str, str]]:
    return [(r["status"], r["severity"] or "", r["detail"]) for r in run(check_three_public_changes, evidence=Evidence(prose=prose))]


def test_the_parts_changes_cannot_give_last_year_more_than_the_totals() -> None:
    # last year's total 8.20 + 0.30 = 8.50; last year's parts 0 + 1.20 + 7.80 = 9.00 already (a case of holdout13's 武陵山乡)
    prose = (
        "2024年“三公”经费预算8.20万元,比上年减少0.30万元。其中:因公出国(境)费用0万元,较上年无增减;"
        "公务接待费1.20万元,较上年无增减;公务用车运行维护费7.00万元,比上年减少0.80万元,主要是车辆减少。"
    )
    ((status, severity, detail),) = _three_public_changes(prose)
    assert (status, severity) == ("fail", "mismatch")
    assert "比上年减少0.30万元" in detail and "比上年减少0.80万元" in detail and "8.50 万元" in detail and "9.00 万元" in detail
    # counter-case: a total that fell by more leaves room for the 购置费 the sentence does not name (9.20 against 9.00)
    assert [s for s, _, _ in _three_public_changes(prose.replace("减少0.30万元", "减少1.00万元"))] == ["pass"]


def test_every_part_named_must_add_up_to_the_total_of_last_year() -> None:
    # the four named (the vehicles' whole): last year's parts 0 + 1.20 + 7.80 = 9.00 against the total's 8.20 + 1.00 = 9.20
    prose = (
        "2024年“三公”经费预算8.20万元,比上年减少1.00万元。其中:因公出国(境)费0万元,较上年无增减;"
        "公务接待费1.20万元,较上年无增减;公务用车购置及运行费7.00万元,比上年减少0.80万元。"
    )
    assert [(s, v) for s, v, _ in _three_public_changes(prose)] == [("fail", "mismatch")]
    assert [s for s, _, _ in _three_public_changes(prose.replace("减少1.00万元", "减少0.80万元"))] == ["pass"]
    # counter-case: figures all in whole 万元 within their rounding (45 against 46: six figures, each up to half a 万元 off) say nothing …
    whole = "2020年“三公”经费41万元,较年初预算数减少4万元。其中:公务用车购置及运行费21万元,较年初预算数减少4万元;公务接待费20万元,较年初预算数减少1万元。"
    assert [s for s, _, _ in _three_public_changes(whole)] == ["not_applicable"]
    # … unless the passage prints an amount with decimals (较上年减少2.5万元): the writer does not round to the 万元 (holdout13's 焦石镇)
    exact = whole.replace("公务接待费20万元,", "公务接待费20万元,较上年减少2.5万元,")
    assert [(s, v) for s, v, _ in _three_public_changes(exact)] == [("fail", "mismatch")]


# 4. a “三公” item's change on a named year whose figure another sentence prints


def _item_changes(prose: str, rows: list[dict[str, object]]) -> list[tuple[str, str, str]]:
    results = run(check_change_on_item_of_year, rows={"three_public": rows}, evidence=Evidence(prose=prose), fiscal_year=2012)
    return [(r["status"], r["severity"] or "", r["detail"]) for r in results]


def _item(item: str, year: int, phase: str, amount: str) -> dict[str, object]:
    return {"item": item, "fiscal_year": year, "phase": phase, "amount": Decimal(amount), "origin": "narrative"}


def test_an_items_change_on_a_named_year_is_over_that_years_figure() -> None:
    # 2011's 决算 of the 公务接待费 is 52.40 (its own sentence); 2012's budget 53.50 is 2.10% up, printed 1% (a case of
    # holdout12's 雅安市国土资源局, amounts changed)
    prose = "2011年某局共开支公务接待费52.40万元。\n2012年某局安排公务接待费预算53.50万元,较2011年决算增长1%,主要原因是项目增加。"
    rows = [_item("reception", 2011, "executed", "52.40"), _item("reception", 2012, "approved", "53.50")]
    ((status, severity, detail),) = _item_changes(prose, rows)
    assert (status, severity) == ("fail", "rounding") and "较2011年决算增长1%" in detail and "52.40" in detail and "2%" in detail
    assert [s for s, _, _ in _item_changes(prose.replace("增长1%", "增长2%"), rows)] == ["pass"]
    # counter-cases: a year with two figures of the item, or a figure of this year the package did not read as the item's, is not judged
    assert _item_changes(prose, [*rows, _item("reception", 2011, "executed", "50")]) == []
    assert _item_changes(prose, [rows[0], _item("vehicle_operation", 2012, "approved", "53.50")]) == []


# 5. a change's percentage over this year's figure, not last year's: the failure says the base is written wrong


def test_a_change_over_this_years_figure_is_named_a_wrong_base() -> None:
    # 64.23 up to 1135.8: last year 1071.57, 5.99%; the printed 5.7% is 64.23 / 1135.8 (a kind three keys name)
    prose = "2019年支出预算1135.8万元,比上年增加64.23万元,增长5.7%。"
    (row,) = [r for r in run(check_year_on_year, evidence=Evidence(prose=prose), fiscal_year=2019) if r["check_id"] == "yoy-agrees"]
    assert row["status"] == "fail" and "基数写错" in row["detail"] and "1135.8 万元" in row["detail"]
    # the sentence before holds the figure (收、支总计均为 X。与上年相比…): the same note
    carried = "2023年度收、支总计均为1,145.52万元。与2022年度相比,收、支总计各增加342万元,增长29.86%。"
    (row,) = [r for r in run(check_year_on_year_carried, evidence=Evidence(prose=carried), fiscal_year=2023)]
    assert row["status"] == "fail" and "基数写错" in row["detail"]
    # counter-case: a percentage that fits no base fails without the note
    (row,) = [r for r in run(check_year_on_year, evidence=Evidence(prose=prose.replace("5.7%", "8.2%")), fiscal_year=2019) if r["check_id"] == "yoy-agrees"]
    assert row["status"] == "fail" and "基数写错" not in row["detail"]

"""Session 16 (contra41): contradictions a careful reader finds, kinds the checks had missed.

Each fix has an invented case that fails without it and a counter-case of what it must not do.
"""

from __future__ import annotations

from cnbudget.checks.balances import check_prose_balance
from cnbudget.checks.base import Row
from cnbudget.checks.changes_twice import check_change_stated_once
from cnbudget.checks.percentages import check_last_year_figure
from cnbudget.checks.units import check_units
from cnbudget.checks.yoy import check_year_on_year, check_year_on_year_carried
from cnbudget.model import Evidence, Line, Statement
from cnbudget.normalise.narrative import read_narrative

from .checks.conftest import run

# 1. A template's two directions kept in a change (各增加(减少)D万元，增长P%, 比上年增(减)D元，同比增长(下降)P%): the
#    direction is open, the amount and the rate are not. The rate fails only where neither direction gives it; a rise
#    by exactly this year's figure is one from nothing, which no rate is of.


def _yoy(prose: str, year: int = 2024) -> list[tuple[str, str]]:
    rows = [*run(check_year_on_year, evidence=Evidence(prose=prose), fiscal_year=year), *run(check_year_on_year_carried, evidence=Evidence(prose=prose), fiscal_year=year)]
    return [(r["status"], r["detail"]) for r in rows]


def test_a_change_whose_template_kept_both_directions_fails_where_neither_gives_its_rate() -> None:
    [(status, detail)] = _yoy("2024年度收入总计86.20万元,支出总计86.20万元,与2023年度相比,收入、支出总计各增加(减少)86.20万元,增长100%。")
    assert status == "fail" and "各增加(减少)86.20万元,增长100%" in detail and "上年数为 0" in detail and "172.40" in detail and "50%" in detail
    [(status, detail)] = _yoy("收入总计120.00万元,比上年增加(减少)20.00万元,增长(下降)30%。")
    assert status == "fail" and "20%" in detail and "14%" in detail
    [(status, _)] = _yoy("收、支总计均为86.20万元。与上年相比，收、支总计各增加(减少)86.20万元，增长100%。")
    assert status == "fail"


def test_a_change_whose_template_kept_both_directions_passes_where_either_gives_its_rate() -> None:
    # counter-cases: 20 on 120 is a fall from 140 (14.29%); 0 on 11.52 is 0% either way; nothing on nothing is no reading
    assert [s for s, _ in _yoy("收入总计120.00万元,比上年增加(减少)20.00万元,增长(下降)14.29%。")] == ["pass"]
    assert [s for s, _ in _yoy("公务接待费预算11.52万元,比上年增加(减少)0万元,同比增长(下降)0%。")] == ["pass"]
    assert [s for s, _ in _yoy("安排因公出国(境)费5元,比上年预算增(减)1元,同比增长(下降)25%。")] == ["pass"]
    assert _yoy("安排出国(境)费预算0万元,比上年增加(减少)0万元,增长(下降)0%。") == []
    # against the year's own budget, not last year: not judged
    assert _yoy("支出总计86.20万元，与2024年度预算相比，增加(减少)86.20万元，增长100%。") == []


def test_a_change_with_both_directions_is_checked_against_both_printed_years() -> None:
    rows = run(check_last_year_figure, evidence=Evidence(prose="拟安排公务接待费预算1.97万元,较2023年的1.86万元增加(减少)0.11万元。"))
    assert [(r["check_id"], r["status"]) for r in rows] == [("change-agrees", "pass")]
    rows = run(check_last_year_figure, evidence=Evidence(prose="拟安排公务接待费预算1.97万元,较2023年的2.08万元增加(减少)0.12万元。"))
    assert [(r["check_id"], r["status"]) for r in rows] == [("change-agrees", "fail")]
    # counter-case: with only this year's figure, a change above it is possible as a fall (last year 2.97 + …)
    assert run(check_last_year_figure, evidence=Evidence(prose="拟安排公务接待费预算1.97万元,比上年增加(减少)3.00万元。")) == []


# 2. A balance the prose states in one sentence (a final account's 收支总表 lines, its totals implied or one printed):
#    one side's lines never above the other side's whole. And one figure printed for a line of the whole in 万元 and for
#    the same line of one fund in 元: one unit is wrong.


def _statements(prose: str, year: int = 2024) -> list[Statement]:
    return read_narrative([Line(1, (prose,))], year, "final")[1]


def _balance(prose: str) -> list[tuple[str, str]]:
    return [(r["status"], r["detail"]) for r in run(check_prose_balance, evidence=Evidence(all_statements=_statements(prose)))]


def test_a_balance_stated_in_one_sentence_fails_where_its_sides_differ() -> None:
    [(status, detail)] = _balance("2024年度上年结转和结余资金为10.00万元,本年收入100.00万元,支出105.00万元,用事业基金弥补收支差额0万元,结余分配0万元,年末结转和结余资金为500.00万元。")
    assert status == "fail" and "110.00" in detail and "605.00" in detail and "年末结转和结余资金为500.00万元" in detail
    # one fund's 收入总计 against its 本年支出 and 年末结转和结余 (the 其中 after them is a part of one line)
    [(status, detail)] = _balance("2024年度一般公共预算收入总计100.00万元,本年支出95.00万元,年末结转和结余8.00万元,其中项目支出结转和结余6.00万元。")
    assert status == "fail" and "103.00" in detail and "相差 3.00 万元" in detail


def test_a_balance_that_holds_or_cannot_be_judged_does_not_fail() -> None:
    [(status, _)] = _balance("2024年度上年结转和结余资金为10.00万元,本年收入100.00万元,支出105.00万元,用事业基金弥补收支差额0万元,结余分配0万元,年末结转和结余资金为5.00万元。")
    assert status == "pass"
    # counter-cases: lines of one side short of a total (other lines may be left out); no carry-over (a headline, not a
    # balance); a line in 元 beside 万元 (the unit is ``units``' to judge); both 总计 printed (``identities``')
    assert [s for s, _ in _balance("2024年度收入总计100.00万元,本年支出80.00万元,年末结转和结余15.00万元。")] == ["pass"]
    assert _balance("2024年度收入总计100.00万元,本年支出120.00万元。") == []
    assert _balance("2024年度一般公共预算财政拨款上年结转10.00万元,一般公共预算财政拨款收入100.00万元,一般公共预算财政拨款支出105.00万元,一般公共预算财政拨款年末结转和结余5.00元。") == []
    assert _balance("2024年度收入总计100.00万元,支出总计101.00万元,年末结转和结余5.00万元。") == []


def _units(prose: str) -> list[Row]:
    return [r for r in run(check_units, evidence=Evidence(all_statements=_statements(prose))) if r["check_id"] == "unit-mislabel"]


def test_one_figure_of_one_line_in_two_units_fails() -> None:
    [row] = _units("年末结转和结余资金为5862.89万元。一般公共预算财政拨款年末结转和结余5862.89元。")
    assert row["status"] == "fail" and "5862.89元" in row["detail"] and "5862.89万元" in row["detail"]


def test_one_figure_in_two_units_for_two_lines_or_a_round_figure_does_not_fail() -> None:
    # counter-cases: two different lines (a 支出 and a 年末结转和结余); a round figure (3000) may repeat by chance; a
    # change printed twice (比上年增加64.23万元 / 64.23元) is ``changes``' to judge against its percentage
    assert _units("本年支出5862.89万元。一般公共预算财政拨款年末结转和结余5862.89元。") == []
    assert _units("年末结转和结余资金为3000万元。一般公共预算财政拨款年末结转和结余3000元。") == []
    assert _units("总收入1135.8万元,比上年增加64.23万元。总支出1135.8万元,比上年增加64.23元。") == []


# 3. One fund's change on last year stated twice, differently: in the 收入 sentence's parts (主要是一般公共预算拨款增加…)
#    and in the 财政拨款 sentence, whose 收入 and 支出 are one figure (so the change is the fund's).

_REVENUE_SENTENCE = "(一)收入预算:2024年年初预算数513.09万元。收入较去年减少12.48万元,主要是一般公共预算拨款{}万元,政府性基金预算拨款收入减少34.75万元。"
_FUND_SENTENCE = "2024年一般公共预算财政拨款收入513.09万元,一般公共预算财政拨款支出{}万元,比2023年减少12.48万元。"


def _twice(prose: str) -> list[tuple[str, str]]:
    return [(r["status"], r["detail"]) for r in run(check_change_stated_once, evidence=Evidence(prose=prose))]


def test_one_funds_change_stated_twice_differently_fails() -> None:
    [(status, detail)] = _twice(_REVENUE_SENTENCE.format("增加22.27") + _FUND_SENTENCE.format("513.09"))
    assert status == "fail" and "主要是一般公共预算拨款增加22.27万元" in detail and "比2023年减少12.48万元" in detail


def test_one_funds_change_stated_twice_alike_or_of_two_figures_does_not_fail() -> None:
    assert [s for s, _ in _twice(_REVENUE_SENTENCE.format("减少12.48") + _FUND_SENTENCE.format("513.09"))] == ["pass"]
    # counter-case: the fund's 支出 differs from its 收入, so whose change the sentence states is unsure
    assert _twice(_REVENUE_SENTENCE.format("增加22.27") + _FUND_SENTENCE.format("520.00")) == []
    # counter-case: a change against another year than the one before
    assert _twice(_REVENUE_SENTENCE.format("增加22.27") + _FUND_SENTENCE.format("513.09").replace("比2023年", "比2021年")) == []


def test_a_change_whose_percentage_has_no_word_before_it_is_still_read() -> None:
    # “比上年200.00万元增加5%”: no word before the percentage; the rate word stays optional where it was (the template's other
    # direction after it is one optional group with it)
    rows = run(check_last_year_figure, evidence=Evidence(prose="支出210.00万元,比上年200.00万元增加5%。"))
    assert [(r["check_id"], r["status"]) for r in rows] == [("change-percent-agrees", "pass")]

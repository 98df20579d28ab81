"""Session 16 (contra41): contradictions a careful reader finds, kinds the checks had missed.

Each fix has an invented case that fails without it and a counter-case of what it must not do.
"""

from __future__ import annotations

from cnbudget.checks.percentages import check_last_year_figure
from cnbudget.checks.yoy import check_year_on_year, check_year_on_year_carried
from cnbudget.model import Evidence

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

"""Session 13 (ident26): two kinds of change sentence the central and city pages holdout14 published print, read as the
page means them — a part in brackets (含X万元) is not the figure that changed, and a change printed whole beside a figure
printed with decimals may itself be rounded. Invented sentences in the style of those pages; each rule has its counter-case."""

from __future__ import annotations

from cnbudget.checks.yoy import check_year_on_year, check_year_on_year_carried
from cnbudget.model import Evidence

from .checks.conftest import run


def test_a_change_is_of_the_figure_before_a_bracketed_part_not_of_the_part() -> None:
    # 37813.3 − 2238.58 = 35574.72 last year; 2238.58 / 35574.72 = 6.29%, as printed (20168 − 2238.58 would give 12.49%)
    prose = "群众团体事务(款)2013年财政拨款预算数37813.3万元(含大学生志愿服务西部计划20168万元),比2012年财政拨款执行数增加2238.58万元,增长6.29%。"
    (row,) = run(check_year_on_year, evidence=Evidence(prose=prose), fiscal_year=2013)
    assert (row["status"], row["expected"], row["actual"]) == ("pass", "6.29%", "6.29%")
    # counter-case: the same sentence without the bracket still judges its own figure (20168 − 2238.58 = 17929.42: 12.49%)
    plain = "大学生志愿服务西部计划20168万元,比2012年财政拨款执行数增加2238.58万元,增长6.29%。"
    (row,) = run(check_year_on_year, evidence=Evidence(prose=plain), fiscal_year=2013)
    assert (row["status"], row["actual"]) == ("fail", "12.49%")
    # a part in another unit than the figure before its bracket: not judged
    mixed = "预算数37813.3元(含西部计划20168万元),比2012年增加2238.58万元,增长6.29%。"
    assert run(check_year_on_year, evidence=Evidence(prose=mixed), fiscal_year=2013) == []


def test_a_change_printed_whole_beside_a_figure_with_decimals_proves_nothing_by_its_last_place() -> None:
    # 311.76 + 71 = 382.76 last year; 71 / 382.76 = 18.55%, printed 18.62%: 71.33 (rounded to 71) gives 18.62% exactly
    carried = "收、支总计均为311.76万元。与2017年相比,减少71万元,减少18.62%。"
    (row,) = run(check_year_on_year_carried, evidence=Evidence(prose=carried), fiscal_year=2018)
    assert row["status"] == "not_applicable" and "只印到整数" in row["detail"]
    (row,) = run(check_year_on_year, evidence=Evidence(prose="收入合计311.76万元,比上年减少71万元,下降18.62%。"), fiscal_year=2018)
    assert row["status"] == "not_applicable"
    # counter-cases: the change printed with decimals is exact (71.00 / 382.76 = 18.55%) ...
    (row,) = run(check_year_on_year_carried, evidence=Evidence(prose=carried.replace("71万元", "71.00万元")), fiscal_year=2018)
    assert (row["status"], row["actual"]) == ("fail", "18.55%")
    # ... a percentage no change from 70.5 to 71.5 gives still fails (342 of 1,145.52: 42.56%, printed 29.86%) ...
    wrong = "收、支总计均为1,145.52万元。与2022年度相比,收、支总计各增加342万元,增长29.86%。"
    (row,) = run(check_year_on_year_carried, evidence=Evidence(prose=wrong), fiscal_year=2023)
    assert row["status"] == "fail"
    # ... last year moves with the change: 1.10 万元 after a fall of 24.5 to 25.5 is 95.70% to 95.88%, never the printed 95.0%
    (row,) = run(check_year_on_year, evidence=Evidence(prose="支出1.10万元,比上年预算数减少25万元,下降95.0%。"), fiscal_year=2026)
    assert row["status"] == "fail"
    # a rise: 4243.61 up 1656.5 to 1657.5 gives 64.03% to 64.09%, so 64.07% (64.06% from 1657 exactly) proves nothing
    (row,) = run(check_year_on_year, evidence=Evidence(prose="收入4243.61万元,与上年相比增加1657万元,增加64.07%。"), fiscal_year=2019)
    assert row["status"] == "not_applicable"
    # ... and a figure printed whole too reads both as exact
    (row,) = run(check_year_on_year_carried, evidence=Evidence(prose=carried.replace("311.76", "312")), fiscal_year=2018)
    assert row["status"] == "fail"

"""A wrong figure and false fails the fresh measure of holdout14 found (issues 13 and 14, session 13), and a figure missed.

Each rule on a tiny invented input of the kind that set holds (names and amounts changed), with its counter-case.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnbudget.checks.prose import check_prose_against_tables
from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.normalise.prose_bodies import other_body

from .checks.conftest import outcomes, run, said
from .conftest import ROOT, load_tool, read_rows

Figures = dict[tuple[str, str, str], set[Decimal]]


def _figures(text: str, own: tuple[str, ...] = ("某县农机局",), department: bool = True, kind: str = "budget", year: int = 2018) -> Figures:
    """Every (resource, key, phase) the prose gives, with the amounts stated for it."""
    lines = [Line(i + 1, (line,)) for i, line in enumerate(text.splitlines())]
    found, _ = read_narrative(lines, year, kind, own_names=own, department=department)
    out: Figures = {}
    for f in found:
        out.setdefault((f.resource, f.subject, f.phase), set()).add(Decimal(str(f.row.get("amount", f.row.get("total")))))
    return out


# 1. A department's summary states its own totals, then each member unit's in a sentence of its own (in 元 here)

SUMMARY = (
    "部门预算包括农机局机关本级预算和所属二级机构在内的汇总情况。\n"
    "预算总收入1000000元,其中:经费拨款800000元;其他收入200000元。\n"
    "1、农机局机关预算总收入700000元,其中:经费拨款650000元,其他收入50000元。\n"
    "2、农机推广站预算总收入300000元,其中:经费拨款150000元,其他收入150000元。\n"
    "预算总支出1000000元,其中:基本支出960000元;项目支出40000元。\n"
    "1、农机局机关预算总支出700000元,其中:基本支出700000元;项目支出0元。\n"
    "2、农机推广站预算总支出300000元,其中:基本支出260000元;项目支出40000元。\n"
)


def test_a_member_units_sentence_gives_that_units_figures_never_the_departments() -> None:
    found = _figures(SUMMARY)
    assert found[("totals", "revenue_total", "approved")] == {Decimal(100)}
    assert found[("totals", "expenditure_total", "approved")] == {Decimal(100)}
    assert found[("totals", "basic_expenditure", "approved")] == {Decimal(96)}
    assert found[("totals", "project_expenditure", "approved")] == {Decimal(4)}
    assert found[("revenue_by_source", "other", "approved")] == {Decimal(20)}
    # the department's parts add up to its totals: the year's figures too, and only the department's
    assert found[("totals", "expenditure_current_year", "approved")] == {Decimal(100)}


def test_a_member_units_figures_are_no_restatement_of_the_departments() -> None:
    # the prose-consistent check sees the department's figures once each: nothing stated twice with two amounts
    lines = [Line(i + 1, (line,)) for i, line in enumerate(SUMMARY.splitlines())]
    found, _ = read_narrative(lines, 2018, "budget", own_names=("某县农机局",), department=True)
    rows = [said(f.resource, f.subject, str(f.row["amount"]), year=2018) for f in found if f.resource == "totals"]
    assert rows and all(status != "fail" for status, _, _ in outcomes(run(check_prose_against_tables, {"statements": rows}, fiscal_year=2018)))


def test_the_member_bodies_a_sentence_names() -> None:
    own = ("某县农机局",)
    assert other_body("2、农机推广站预算总收入", own, True) == "农机推广站"
    assert other_body("1、农机局机关预算总支出", own, True) == "农机局机关"
    assert other_body("所属二级机构2018年支出预算", own, True) == "所属二级机构"
    # counter-cases: the unit's own name, its short form, a pronoun, a 本级 sentence, a page whose unit is not known
    assert other_body("某县农机局2018年预算总收入", own, True) is None
    assert other_body("农机局2018年收入预算", own, True) is None
    assert other_body("本局预算总收入", own, True) is None
    assert other_body("农机局本级2018年预算总收入", own, True) is None
    assert other_body("2、农机推广站预算总收入", (), True) is None
    # nor is a function item named as a sentence's subject a body (its figure is the item's)
    assert other_body("（21）卫生健康支出（类）公立医院（款）其他公立医院支出（项）", own, True) is None
    assert other_body("乡镇卫生院支出", own, True) is None
    # a unit's own 机关 (its disclosure is the unit's, not a department's) is the unit
    assert other_body("农机局机关预算总支出", own, False) is None


def test_the_units_own_name_or_a_pronoun_as_the_subject_still_gives_its_figures() -> None:
    found = _figures("某县农机局2018年收入预算100万元,支出预算100万元。")
    assert found[("totals", "revenue_current_year", "approved")] == {Decimal(100)}
    assert found[("totals", "expenditure_current_year", "approved")] == {Decimal(100)}
    found = _figures("本部门预算总收入100万元。")
    assert found[("totals", "revenue_total", "approved")] == {Decimal(100)}
    # a 本级 sentence is read as before: the unit's own level, its figure
    found = _figures("某县农机局本级2018年预算总收入预计100万元(无下属单位)。")
    assert found[("totals", "revenue_total", "approved")] == {Decimal(100)}
    # and a member's sentence on a page whose unit is not known is read as before (nothing to tell it from)
    assert ("totals", "revenue_total", "approved") in _figures("2、农机推广站预算总收入300000元。", own=())


# 2. The 决算 template's 收支决算总计 (X2015年度收支决算总计 Y 万元): the 收入总计 and the 支出总计 both


def test_a_final_accounts_combined_total_is_both_totals() -> None:
    found = _figures("某省农机协会2015年度收支决算总计9414.82万元,与2014年相比,增加912.05万元,增长10.73%。", ("某省农机协会",), kind="final_account", year=2015)
    assert found[("totals", "revenue_total", "executed")] == {Decimal("9414.82")}
    assert found[("totals", "expenditure_total", "executed")] == {Decimal("9414.82")}
    # counter-case: a fund's 收支决算总计 is that fund's, not the unit's
    found = _figures("某省农机协会2015年度财政拨款收支决算总计6000.00万元。", ("某省农机协会",), kind="final_account", year=2015)
    assert ("totals", "revenue_total", "executed") not in found and ("totals", "expenditure_total", "executed") not in found


# 3. A part's own breakdown in brackets after it (财政拨款 X(用于…Y;用于…Z)) is no further part of the whole


def test_a_parts_bracketed_breakdown_is_not_another_part_of_the_whole() -> None:
    text = "2016全年总收入100.50万元,其中:财政拨款60.20万元(用于教育事业拨款50.10万元;用于基建拨款10.10万元);事业收入40.30万元。"
    found = _figures(text, kind="final_account", year=2016)
    assert found[("totals", "revenue_total", "executed")] == {Decimal("100.50")}
    assert found[("totals", "revenue_current_year", "executed")] == {Decimal("100.50")}
    # counter-case: parts (brackets left out) that do not add up to the whole say nothing of the year's figure
    found = _figures(text.replace("40.30", "30.30"), kind="final_account", year=2016)
    assert ("totals", "revenue_current_year", "executed") not in found


# 4. The set itself: holdout14, measured once on main 4954659 (17 of 36, one published with another amount, 6 fails
#    matching no key); after these fixes by kind 20 of 36, none wrong, no fail. A development set from then on: floored
#    there against a regression only (benchmarks/RESULTS.md, session 13, after holdout14's measure: precision).


def test_holdout14_is_floored_with_no_wrong_figure_and_no_fail(tmp_path_factory: pytest.TempPathFactory) -> None:
    hidden = load_tool("hidden_tool", "benchmarks/hidden.py")
    folder = ROOT / "tests" / "fixtures" / "holdout14"
    packages = tmp_path_factory.mktemp("holdout14") / "dp"
    hidden.run_build(folder, packages)
    lines = hidden.measure(folder, packages)
    right, count = hidden.totals(lines, packages)["figures"]
    assert count == 36 and right >= 20, [f"{line.file}: {w}" for line in lines for w in line.figures_wrong]
    assert [(line.file, line.figures_misread) for line in lines if line.figures_misread] == []
    checks = [row for path in sorted(packages.glob("*/checks.csv")) for row in read_rows(path.parent, "checks")]
    assert checks and [(row["disclosure_id"], row["check_id"]) for row in checks if row["status"] == "fail"] == []

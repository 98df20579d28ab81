"""Misreadings of the third held-out set's fails, fixed by kind (issue 14, precision, session 8).

Each test is one kind, on small invented lines; it fails without its fix, and a counter-case must still fail.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.base import Checker
from cnbudget.checks.document import check_required_tables
from cnbudget.checks.identities import check_headline_identities
from cnbudget.checks.rounding import whole_wan_rounding
from cnbudget.model import Block, BlockSummary, Disclosure, Evidence, Line
from cnbudget.normalise.evidence import cut_tables
from cnbudget.normalise.narrative import read_narrative

D = Decimal


def _years(lines: list[str], year: int) -> list[tuple[str, Decimal, int | None]]:
    figures, _ = read_narrative([Line(1, (t,)) for t in lines], year, "final")
    return [(f.subject, f.row["amount"], f.fiscal_year) for f in figures if f.resource == "totals"]  # type: ignore[misc]


def test_the_parts_of_a_prior_years_figure_are_of_that_year() -> None:
    # a sentence about last year after this year's: its 其中 parts are last year's too
    found = _years(["2020年度支出合计500万元,其中:基本支出100万元;项目支出400万元。2019年度支出合计300万元,其中:基本支出120万元;项目支出180万元。"], 2020)
    assert ("basic_expenditure", D("120"), 2019) in found
    assert ("project_expenditure", D("180"), 2019) in found
    assert ("basic_expenditure", D("100"), 2020) in found
    assert ("project_expenditure", D("400"), 2020) in found


def test_a_sentence_that_opens_with_no_year_keeps_the_fiscal_year() -> None:
    # counter-case: a prior year named only mid-sentence, or a sentence listing no parts, changes no part's year
    found = _years(["本年支出合计500万元,比2019年增加20万元,其中:基本支出100万元;项目支出400万元。"], 2020)
    assert ("basic_expenditure", D("100"), 2020) in found and ("project_expenditure", D("400"), 2020) in found
    found = _years(["2019年底,本单位支出合计500万元,基本支出100万元。"], 2020)
    assert ("basic_expenditure", D("100"), 2020) in found


def _basic_plus_project(total: str, basic: str, project: str, year: int = 2020) -> list[tuple[str, str | None, str | None]]:
    said = [
        {"subject": s, "resource": "totals", "phase": "executed", "fiscal_year": year, "amount": D(a), "text": f"{s} {a} 万元", "page": 1}
        for s, a in (("expenditure_current_year", total), ("basic_expenditure", basic), ("project_expenditure", project))
    ]
    d = Disclosure({"disclosure_id": "x", "fiscal_year": year, "kind": "final_account"}, rows={"statements": said}, evidence=Evidence())
    checker = Checker(d)
    check_headline_identities(checker)
    return [(r["status"], r["expected"], r["actual"]) for r in checker.out if r["check_id"] == "basic-plus-project"]


def test_whole_wan_prose_figures_a_unit_apart_are_their_rounding() -> None:
    # “支出合计2906万元,其中:基本支出279万元…项目支出2626万元”: each rounded to the 万元, they may all be right
    assert _basic_plus_project("2906", "279", "2626") == [("not_applicable", "2906", "2905")]
    # the same rule where the prose lists parts after a 其中 (prose_sums): one rule, in base
    assert whole_wan_rounding(D("2906"), [D("279"), D("2626")])


def test_whole_wan_figures_further_apart_or_with_decimals_still_fail() -> None:
    # counter-cases: two 万元 apart is more than three figures' rounding; figures printed with decimals are exact to them
    assert _basic_plus_project("2907", "279", "2626") == [("fail", "2907", "2905")]
    assert _basic_plus_project("2906.00", "279.00", "2626.00") == [("fail", "2906.00", "2905.00")]
    # a total of 3 against one part of 4: no figures that round so are equal
    assert not whole_wan_rounding(D("3"), [D("4")])


SUMMARY = "收入支出决算总表"
_ROWS = [("收入", "支出"), ("项目", "行次", "金额", "项目", "行次", "金额"), ("一、一般公共预算财政拨款收入", "1", "440.55", "一、一般公共服务支出", "29", "423.20"), ("五、经",)]


def _blocks(*rows: tuple[str, ...]) -> list[Block]:
    prose = Block("narrative", "", [Line(None, ("第一部分 概况",)), Line(None, ("本单位是全额拨款事业单位。",))], None)
    return [prose, Block("summary", SUMMARY, [Line(None, (SUMMARY,)), *(Line(None, r) for r in rows)], D(1), "万元")]


def test_a_table_a_copys_text_ends_inside_before_its_total_is_cut() -> None:
    assert cut_tables(_blocks(*_ROWS)) == [("summary", SUMMARY)]
    # counter-cases: printed to its 总计 the table is whole; prose after it means the text does not end in it
    assert cut_tables(_blocks(*_ROWS[:-1], ("收入总计", "33", "450.55", "支出总计", "62", "450.55"))) == []
    assert cut_tables([*_blocks(*_ROWS), Block("narrative", "", [Line(None, ("第三部分 情况说明。",))], None)]) == []


def _required(cut: list[tuple[str, str]], printed: str = "summary") -> dict[str, str]:
    evidence = Evidence(prose="第一部分概况。本单位是全额拨款事业单位。", blocks=[BlockSummary(printed, SUMMARY, "", 1, 40, "万元")], cut_tables=cut)
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2019, "kind": "final_account"}, evidence=evidence))
    check_required_tables(checker)
    return {r["subject"]: r["status"] for r in checker.out}


def test_tables_after_the_one_a_copy_is_cut_inside_are_not_said_missing() -> None:
    found = _required([("summary", SUMMARY)])
    assert found == {"summary": "pass", "function": "not_applicable", "basic_economic": "not_applicable", "three_public": "not_applicable"}


def test_a_whole_document_that_lacks_tables_still_fails() -> None:
    # counter-cases: no table cut (the copy is whole), and a table that comes before the cut one
    assert _required([]) == {"summary": "pass", "function": "fail", "basic_economic": "fail", "three_public": "fail"}
    found = _required([("three_public", "“三公”经费支出决算表")], printed="three_public")
    assert found["summary"] == "fail" and found["function"] == "fail"

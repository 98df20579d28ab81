"""A copy whose text stops inside a sentence cannot show a table missing (issue 14: a fail only where it is proved).

Stored copies of web pages and text mirrors keep a page's opening: 岳阳县职业中专's 2015 page stops inside its “三公”
table's note (…公务出国(境)的住宿费(f), after a 收支表 and that table; the tables a county printed then in its own order may
follow it. A PDF is the whole document, and a note closing its last table without a full stop is no cut.
"""

from __future__ import annotations

from decimal import Decimal as D

from cnbudget.checks.base import Checker
from cnbudget.checks.document import check_required_tables
from cnbudget.model import Block, BlockSummary, Disclosure, Evidence, Line
from cnbudget.normalise.evidence import CUT_ANYWHERE, cut_tables

THREE = "2015年某县某中专“三公”经费预算情况表"
NOTE_CUT = "注:按照有关规定,“三公”经费包括因公出国(境)费、公务用车购置及运行费和公务接待费。(1)因公出国(境)费,指单位工作人员公务出国(境)的住宿费(f"
NOTE_WHOLE = "注:本单位没有因公出国(境)费,也没有公务用车购置费,故相应栏目为空"


def _copy(last: str, file: str = "page.txt") -> list[Block]:
    rows = [Line(None, (THREE,)), Line(None, ("项目", "预算数")), Line(None, ("合计", "3.10")), Line(None, (last,))]
    return [Block("summary", "2015年某县某中专预算收支表", [Line(None, ("收入", "支出"))], D(1), "元", file=file), Block("three_public", THREE, rows, D(2), "万元", file=file)]


def test_a_copy_stopping_inside_a_sentence_is_cut_anywhere() -> None:
    assert cut_tables(_copy(NOTE_CUT)) == [(CUT_ANYWHERE, THREE)]
    # counter-cases: a note ending on a full stop; a row ending on its figure; the same note stopping so in a PDF
    assert cut_tables(_copy(NOTE_CUT[:-6] + "。")) == []
    assert cut_tables(_copy("合计,3.10")) == []
    assert cut_tables(_copy(NOTE_WHOLE, file="doc.pdf")) == []


def _required(cut: list[tuple[str, str]]) -> dict[str, str]:
    blocks = [BlockSummary("summary", "预算收支表", "", 1, 20, "元"), BlockSummary("three_public", THREE, "", 2, 5, "万元")]
    evidence = Evidence(prose="一、单位概况。本单位是全额拨款事业单位。", blocks=blocks, cut_tables=cut)
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2015, "kind": "budget"}, evidence=evidence))
    check_required_tables(checker)
    return {r["subject"]: r["status"] for r in checker.out}


def test_no_table_is_said_missing_from_a_copy_cut_inside_a_sentence() -> None:
    # the “三公” table comes last in the national order, yet a table missing before it may follow it in this copy
    assert _required([(CUT_ANYWHERE, THREE)]) == {"summary": "pass", "function": "not_applicable", "basic_economic": "not_applicable", "three_public": "pass"}
    # counter-case: the whole copy lacks them
    assert _required([]) == {"summary": "pass", "function": "fail", "basic_economic": "fail", "three_public": "pass"}

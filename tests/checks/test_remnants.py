"""Template remnants: both alternatives kept, instructions to the filer left in."""

from __future__ import annotations

from cnbudget.checks.remnants import check_both_alternatives, check_instructions_left
from cnbudget.model import Evidence

from .conftest import run


def test_both_alternatives_kept_fail_once_per_sentence() -> None:
    prose = "因公出国（境）支出决算比2023年度增加/减少0万元，增长/下降0%。公务接待费下降（增长）27.78%。支出增加5万元，增长10%。"
    results = run(check_both_alternatives, evidence=Evidence(prose=prose))
    assert [(r["status"], r["actual"]) for r in results] == [("fail", "增加/减少"), ("fail", "下降（增长）")]
    assert run(check_both_alternatives, evidence=Evidence(prose="支出增加（主要是人员增加）。")) == []


def test_instructions_to_the_filer_fail() -> None:
    prose = "（名词解释部分请根据各单位实际列支情况罗列，并根据本单位职责职能增减名词解释内容。）无政府性基金预算支出的，仍保留该表格式。"
    results = run(check_instructions_left, evidence=Evidence(prose=prose))
    assert [r["status"] for r in results] == ["fail", "fail"]
    assert "请根据各单位实际列支情况罗列" in results[0]["detail"] and "仍保留该表格式" in results[1]["detail"]
    assert run(check_instructions_left, evidence=Evidence(prose="本单位无政府性基金预算支出，故本表为空表。")) == []

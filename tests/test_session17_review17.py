"""Session 17 (review): the template remnants' instruction pattern mended, each with a case that fails without it and a
counter-case."""

from __future__ import annotations

from cnbudget.checks.remnants import check_instructions_left
from cnbudget.model import Evidence

from .checks.conftest import run

# 1. A note on who fills a part in ends its clause at the end of its line as well as at a stop: “由单位根据…填写” alone on
#    a line above what was filled in (the pattern's end of text was taken for the end of a line).


def test_a_note_on_who_fills_a_part_in_may_end_its_line() -> None:
    prose = "二、机构设置\n由单位根据三定方案等相关规定中有关内部机构设置填写\n根据上述职责,某某所设6个内设机构。"
    (row,) = run(check_instructions_left, evidence=Evidence(prose=prose))
    assert row["status"] == "fail" and "由单位根据三定方案" in row["detail"]
    # counter-case: the words run on past 填写 on the same line (填写完成) report what was done
    assert run(check_instructions_left, evidence=Evidence(prose="二、机构设置\n由单位根据三定方案填写完成\n本单位内设3个科室。")) == []


# 2. A writer's own aside in brackets (“（需说明的是，…）”, “it should be said that”) is no note to the filer: the bracketed
#    note (需说明 what) names what to state, never opens with 的是.


def test_an_aside_in_brackets_is_no_note_to_the_filer() -> None:
    prose = "2023年度收入合计120.00万元（需说明的是，本年新增两个项目），比上年增加20.00万元。"
    assert run(check_instructions_left, evidence=Evidence(prose=prose)) == []
    # counter-case: a bracketed note naming what to state is still the template's
    prose = "（一）机构设置(需说明内设机构数量和下属单位名称)\n本单位内设3个科室。"
    (row,) = run(check_instructions_left, evidence=Evidence(prose=prose))
    assert row["status"] == "fail" and "需说明内设机构数量" in row["detail"]

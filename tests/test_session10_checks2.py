"""Session 10 round 2, checks (issue 14): a change whose subject the sentence leaves unsure is not judged.

Tiny invented inputs; expected values computed by hand in the comments. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.checks.changes import check_change_in_another_unit
from cnbudget.model import Evidence

from .checks.conftest import run


def test_a_change_parted_from_a_part_the_sentence_states_after_its_total_is_not_judged() -> None:
    # “收入总计3000000元,其中拨款100元,与上年相比,减少60万元,减少25.00%”: the nearest figure (100元) is a part stated
    # after the total; taking the change of it gives 99.98% (60万 of 60.01万) or 37.50% (60元 of 160元): neither is
    # 25.00%, but the change may be the total's, so no fail
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose="收入总计3000000元,其中拨款100元,与上年相比,减少60万元,减少25.00%。"))
    assert (row["status"], row["severity"]) == ("not_applicable", None)
    assert "不能确定" in row["detail"]
    # counter-cases: the figure alone in its sentence is the change's subject (300万 + 60万 = 360万: 16.67%, not 25.00%) …
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose="收入总计300万元,与上年相比,减少60元,减少25.00%。"))
    assert (row["status"], row["severity"]) == ("fail", "mismatch")
    # … and so is a part the change follows with no comma between
    (row,) = run(check_change_in_another_unit, evidence=Evidence(prose="收入总计3000000元,其中拨款100元与上年相比减少60万元,减少25.00%。"))
    assert row["status"] == "fail"

"""Year-on-year percentages against the amounts they describe."""

from __future__ import annotations

from cnbudget.checks.base import Checker
from cnbudget.checks.prose import check_year_on_year
from cnbudget.model import Disclosure, Evidence


def _results(prose: str) -> list[dict]:
    d = Disclosure({"disclosure_id": "x"}, evidence=Evidence(prose=prose))
    c = Checker(d)
    check_year_on_year(c)
    return c.out


def test_a_right_percentage_passes_and_a_wrong_one_fails() -> None:
    # 214.11 − (−11.48): last year 225.59; 11.48 / 225.59 = 5.09%
    (right,) = _results("公用经费214.11万元，比2023年预算减少11.48万元，下降5.09%。")
    assert (right["status"], right["expected"], right["actual"]) == ("pass", "5.09%", "5.09%")
    # 21.8 / (3666 − 21.8) = 0.598…% printed as 0.06%: a misplaced decimal point
    (wrong,) = _results("会议费3,666万元，与上年相比增加21.8万元，增长0.06%。")
    assert (wrong["status"], wrong["expected"], wrong["actual"]) == ("fail", "0.06%", "0.60%")

"""Session 15's review: the one mend that can change a decision, read by kind (benchmarks/RESULTS.md, session 15 review).

Invented inputs; expected values worked by hand in the comments.
"""

from __future__ import annotations

from cnbudget.checks.yoy import check_year_on_year
from cnbudget.model import Evidence

from .checks.conftest import run


def _yoy(prose: str, year: int = 2024) -> list[str]:
    return [r["status"] for r in run(check_year_on_year, evidence=Evidence(prose=prose), fiscal_year=year)]


# The year-on-year check and the narrative reader share one list of a clause's year words (prose_words.ANY_YEAR): a
# clause naming 上一年 between a clause opening with its year and the figure stops that year reaching the figure, as
# 上年 always did; the yoy check's own copy of the list lacked 上一年.


def test_a_clause_naming_last_year_stops_an_earlier_clauses_year() -> None:
    # 33.10 / (253.10 − 33.10 = 220.00) = 15.045% → 15.05%: judged, as this year's figure, and holds
    assert _yoy("2023年度收入总计220.00万元,较上一年有所增长,支出总计253.10万元,同比增加33.10万元,增长15.05%。") == ["pass"]
    # counter-case: with no year word between, 253.10 is 2023's (the clause opening with 2023年度 gives it): not judged
    assert _yoy("2023年度收入总计220.00万元,支出总计253.10万元,同比增加33.10万元,增长15.05%。") == []

"""A budget compared with its own year."""

from __future__ import annotations

from cnbudget.checks.base import Checker
from cnbudget.checks.years import check_compared_with_itself
from cnbudget.model import Disclosure, Evidence


def results(prose: str, kind: str) -> list[tuple[str, str | None]]:
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2024, "kind": kind}, evidence=Evidence(prose=prose)))
    check_compared_with_itself(checker)
    return [(r["status"], r["actual"]) for r in checker.out]


def test_a_budget_compared_with_its_own_year_fails() -> None:
    prose = "2024年一般公共预算当年拨款1504.28万元，比2024年预算数减少51.46万元。"
    assert results(prose, "budget") == [("fail", "2024")]
    assert results(prose.replace("比2024年", "比2023年"), "budget") == []
    # a final account compares its 决算 with the same year's 预算
    assert results(prose, "final_account") == []

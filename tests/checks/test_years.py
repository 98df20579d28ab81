"""A budget compared with its own year."""

from __future__ import annotations

from cnbudget.checks.base import Checker
from cnbudget.checks.years import check_compared_with_itself, check_project_period
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


def periods(prose: str) -> list[tuple[str, str | None, str | None]]:
    checker = Checker(Disclosure({"disclosure_id": "x", "fiscal_year": 2024, "kind": "budget"}, evidence=Evidence(prose=prose)))
    check_project_period(checker)
    return [(r["status"], r["actual"], r["severity"]) for r in checker.out]


def test_a_projects_period_in_another_year_fails() -> None:
    # a 2024 budget's project said to run in 2022 (the year of a copied project sheet)
    assert periods("项目实施周期：2022年1月至2022年12月。") == [("fail", "2022年1月至2022年12月", "mismatch")]
    assert periods("实施周期为2024年1月-2024年12月。") == [("pass", "2024年1月-2024年12月", None)]
    assert periods("实施周期：2023年至2025年。") == [("pass", "2023年至2025年", None)]  # several years holding 2024
    # sh_putuo_wanli_subdistrict_2024_dept_budget.pdf: “五、实施周期 第一季度审价、审计…” names no year; a definition neither
    assert periods("五、实施周期\n第一季度审价、审计 第二季度审价、审计。财政拨款结转是指项目实施周期内，年度预算执行结束时…") == []

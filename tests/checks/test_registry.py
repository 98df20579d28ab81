"""The registry runs every family's checks in the order their rows are published."""

from __future__ import annotations

from pathlib import Path

from cnbudget import checks
from cnbudget.checks import CHECKS, FAMILIES, check_disclosure

from .conftest import disclosure, function

# The rows of checks.csv are published in this order; changing it changes every package.
PUBLISHED_ORDER = [
    "check_classification",
    "check_tables_agree",
    "check_function_levels",
    "check_economic_levels",
    "check_headline_identities",
    "check_three_public",
    "check_prose_against_tables",
    "check_shares",
    "check_year_on_year",
    "check_units",
    "check_required_tables",
    "check_years",
    "check_codes",
]


def test_checks_run_in_the_published_order() -> None:
    assert [c.__name__ for c in CHECKS] == PUBLISHED_ORDER


def test_every_family_module_is_registered() -> None:
    folder = Path(checks.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "base"}
    assert {f.__name__.rsplit(".", 1)[1] for f in FAMILIES} == modules


def test_check_disclosure_stores_and_returns_its_rows() -> None:
    d = disclosure({"expenditure_by_function": [function("201", "一般公共服务支出", "1")]})
    out = check_disclosure(d)
    assert out is d.rows["checks"]
    assert [r["check"] for r in out] == ["classification-name-agrees", *["required-table-present"] * 4, "codes-well-formed"]

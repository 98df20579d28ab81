"""The second held-out set's shape (issue 13): every file keyed by hand, none shared with the older sets.

tests/fixtures/holdout2 is held out: it is measured once, by `python benchmarks/hidden.py
tests/fixtures/holdout2`, and nothing here builds it or runs any cnbudget code on it. What is
checked is only what a person wrote: every file has hand-read expectations and a line in the
README, no file or URL is one of tests/fixtures/hidden or tests/fixtures/holdout, and every
expected figure names a resource, key and phase of the output contract with a decimal amount, so
that benchmarks/hidden.py can score it.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
FOLDER = FIXTURES / "holdout2"
EXPECTED: dict[str, Any] = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))["documents"]
IDENTITY = ("unit_names", "province", "city", "county", "level", "fiscal_year", "kind", "scope")
LEVELS = {"central", "province", "city", "county", "township"}
PHASES = {"approved", "adjusted", "executed"}
# The keys each scored resource may carry (CONTRACT.md, version 2)
KEYS = {
    "totals": {
        "revenue_total", "expenditure_total", "revenue_current_year", "expenditure_current_year", "carryover_in", "carryover_out",
        "basic_expenditure", "project_expenditure", "personnel_expenditure", "public_expenditure", "operating_funds",
        "government_procurement", "three_public_total",
    },
    "revenue_by_source": {
        "general_public_budget", "government_fund", "state_capital", "fiscal_special_account", "business", "operating",
        "superior_subsidy", "affiliated_turnover", "other", "carryover",
    },
    "three_public": {"total", "outbound_travel", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception"},
}
URL = re.compile(r"https?://[^\s|)]+")


def _documents(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.suffix in (".txt", ".html"))


def _urls(folder: Path) -> set[str]:
    return {url.rstrip("/") for url in URL.findall((folder / "README.md").read_text(encoding="utf-8"))}


def _options(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_every_file_is_keyed_and_every_key_is_a_file() -> None:
    assert sorted(EXPECTED) == _documents(FOLDER)


def test_no_file_or_url_is_one_of_the_older_sets() -> None:
    for older in ("hidden", "holdout"):
        assert set(EXPECTED) & set(_documents(FIXTURES / older)) == set(), older
        assert _urls(FOLDER) & _urls(FIXTURES / older) == set(), older


def test_the_readme_lists_every_file_with_a_url_and_says_it_is_held_out() -> None:
    readme = (FOLDER / "README.md").read_text(encoding="utf-8")
    rows = {line.split("|")[1].strip(): line for line in readme.splitlines() if line.startswith("| ") and line.count("|") >= 5}
    for name in EXPECTED:
        assert name in rows, name
        assert URL.search(rows[name]), name
    assert "**This set is held out." in readme and "python benchmarks/hidden.py tests/fixtures/holdout2" in readme


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_document_is_keyed_as_the_benchmark_scores_it(name: str) -> None:
    want = EXPECTED[name]
    if want.get("published", True) is False:
        assert want["code"] == "unit-unknown" and want["figures"] == []
        return
    assert set(IDENTITY) <= set(want), name
    assert want["unit_names"] and all(isinstance(n, str) and n.strip() for n in want["unit_names"])
    assert want["province"] and isinstance(want["fiscal_year"], int) and 2010 <= want["fiscal_year"] <= 2026
    assert set(_options(want["level"])) <= LEVELS
    assert set(_options(want["kind"])) <= {"budget", "final_account"}
    assert set(_options(want["scope"])) <= {"department", "unit"}
    seen: set[tuple[str, str, str, int]] = set()
    for figure in want["figures"]:
        assert figure["key"] in KEYS[figure["resource"]], figure
        assert figure["phase"] in PHASES, figure
        if figure["resource"] == "three_public":
            assert figure["fiscal_year"] == want["fiscal_year"], figure
        try:
            Decimal(figure["amount"])
        except InvalidOperation:
            pytest.fail(f"not a decimal amount: {figure}")
        key = (figure["resource"], figure["key"], figure["phase"], figure.get("fiscal_year", 0))
        assert key not in seen, f"keyed twice: {key}"
        seen.add(key)


def test_the_set_is_as_wide_as_issue_13_asks() -> None:
    named = [want for want in EXPECTED.values() if want.get("published", True)]
    assert len(EXPECTED) >= 30
    assert len({want["province"] for want in named}) >= 10
    assert sum(len(want["figures"]) for want in EXPECTED.values()) >= 80
    corpus = {"江苏省", "上海市", "北京市", "重庆市", "河南省", "吉林省", "山东省", "浙江省"}
    assert {want["province"] for want in named} & corpus == set()

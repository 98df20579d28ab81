"""The registry runs every family's checks in the order their rows are published."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cnbudget import checks
from cnbudget.checks import CHECKS, FAMILIES, check_disclosure
from cnbudget.model import BlockSummary, CrossFigure, Evidence, Statement

from .conftest import chinese, disclosure, function, revenue, said, total

# The rows of checks.csv are published in this order; changing it changes every package.
PUBLISHED_ORDER = [
    "check_classification",
    "check_tables_agree",
    "check_function_levels",
    "check_economic_levels",
    "check_headline_identities",
    "check_three_public",
    "check_change_against_budget",
    "check_prose_against_tables",
    "check_shares",
    "check_year_on_year",
    "check_year_on_year_carried",
    "check_units",
    "check_required_tables",
    "check_years",
    "check_codes",
    "check_kind_introduced",
    "check_completion_rate",
    "check_last_year_figure",
    "check_completion_gap",
    "check_prose_class_items",
    "check_procurement_parts",
    "check_receptions",
    "check_initial_budget_parts",
    "check_revenue_sources",
    "check_operating_funds_parts",
    "check_both_alternatives",
    "check_instructions_left",
    "check_placeholders_filled",
    "check_retired_class_names",
    "check_party_body_names",
    "check_compared_with_itself",
    "check_project_period",
    "check_final_account_dated",
    "check_restated_figures",
    "check_previous_year_levels",
    "check_unit_name_spelt_alike",
    "check_own_level_names_unit",
    "check_contents",
    "check_prose_item_names",
    "check_procurement_table_parts",
    "check_change_on_printed_last_year",
    "check_change_in_another_unit",
    "check_change_of_named_total",
    "check_change_on_item_of_year",
    "check_change_against_budget",
    "check_three_public_changes",
    "check_vehicle_average",
    "check_body_counts",
    "check_implied_item_budgets",
    "check_expenditure_covers_revenue",
    "check_named_changes",
    "check_prose_balance",
    "check_change_stated_once",
    "check_listed_changes",
    "check_template_totals",
]


def test_checks_run_in_the_published_order() -> None:
    assert [c.__name__ for c in CHECKS] == PUBLISHED_ORDER


def test_every_family_module_is_registered() -> None:
    folder = Path(checks.__file__).parent
    modules = {p.stem for p in folder.glob("*.py")} - {"__init__", "amounts", "base", "rounding", "subjects"}  # shared by the families
    assert {f.__name__.rsplit(".", 1)[1] for f in FAMILIES} == modules


def test_check_disclosure_stores_and_returns_its_rows() -> None:
    d = disclosure({"expenditure_by_function": [function("201", "一般公共服务支出", "1")]})
    out = check_disclosure(d)
    assert out is d.rows["checks"]
    assert [r["check_id"] for r in out] == ["classification-name-agrees", *["required-table-present"] * 4, "codes-well-formed"]


def test_every_family_writes_its_detail_in_chinese_and_subjects_are_unique() -> None:
    rows = {
        "totals": [total("revenue_total", "100"), total("expenditure_total", "101"), total("basic_expenditure", "60", table="支出总表")],
        "revenue_by_source": [revenue("general_public_budget", "90")],
        "statements": [said("totals", "revenue_total", "100"), said("revenue_by_source", "general_public_budget", "80")],
        "expenditure_by_function": [function("201", "一般公共服务支出", "100", "60", "40"), function("20101", "人大事务", "99", "60", "39"), function("99999", "某某支出", "1")],
        "three_public": [{"fiscal_year": 2024, "item": i, "amount": Decimal(a), "origin": "table", "page": 4} for i, a in (("total", "3"), ("reception", "2"))],
    }
    evidence = Evidence(
        prose="2022年部门预算支出100万元。公用经费214.11万元，比2023年预算减少11.48万元，下降5.00%。",
        statements=[Statement("支出合计", Decimal(200), "万元", None, 0), Statement("基本支出", Decimal(150), "万元", Decimal("70.00"), 1)],
        all_statements=[Statement("一般公共预算收入", Decimal("0.0100"), "元", None, 2)],
        blocks=[BlockSummary("summary", "收支总表", "收支总表", 1, 10, "万元")],
        cross=[CrossFigure("function 201 一般公共服务支出", ("一般公共预算支出表", Decimal(100)), ("支出总表", Decimal(101)), 5, "expenditure", "201", "一般公共服务支出", 3)],
    )
    out = check_disclosure(disclosure(rows, evidence))
    for r in out:
        assert chinese(r["detail"]), r
    checks_seen = {r["check_id"] for r in out}
    expected = {
        "classification-code-known",  # classification
        "table-figures-agree",  # agree
        "function-levels-add-up",  # levels
        "revenue-equals-expenditure",  # identities
        "three-public-parts-add-up",  # three_public
        "prose-agrees-with-table",  # prose
        "share-agrees",
        "yoy-agrees",
        "amount-unit-declared",  # units
        "unit-mislabel",
        "required-table-present",  # document
        "fiscal-year-consistent",
        "codes-well-formed",
    }
    assert expected <= checks_seen, expected - checks_seen
    assert {r["status"] for r in out} == {"pass", "fail"}
    keys = [(r["check_id"], r["subject"]) for r in out]
    assert len(keys) == len(set(keys))

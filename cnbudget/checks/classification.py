"""Printed codes against the official classification of the year: known, and under their official names."""

from __future__ import annotations

from cnbudget.checks.base import Check, Checker
from cnbudget.official import classification


def _list_note(year: int | None) -> str:
    """Return what a detail adds when another year's list stands in for the fiscal year's own (else nothing)."""
    listed = classification.list_year_for(year)
    if not listed.substituted:
        return ""
    which = "newest" if listed.beyond_newest else "oldest"
    return f" (read against the {listed.year} list, the {which} the reference has: it has none for {year})"


def check_classification(c: Checker) -> None:
    """Every printed code is official for the year, under the name the document prints for it."""
    year = c.d.meta.get("fiscal_year")
    note = _list_note(year)
    kinds = (
        ("expenditure_by_function", "function_code", "function_name", classification.function_name),
        ("basic_expenditure_by_economic", "economic_code", "economic_name", classification.economic_name),
    )
    checked = failed = 0
    for resource, code_field, name_field, official_of in kinds:
        for row in c.d.rows.get(resource, []):
            code, printed = row.get(code_field), row.get(name_field) or ""
            if not code or row.get("origin", "table") != "table":
                continue
            official = official_of(code, year)
            checked += 1
            failed += official is None or not classification.names_agree(printed, official)
            where = f"{row.get('source_table', resource)}: {code} {printed}"
            if official is None:
                c.result("classification-code-known", False, f"an official code for {year}", code, f"{where}: the code is not in the {year} classification (or our reference lacks it){note}", page=row.get("page"))
            elif not classification.names_agree(printed, official):
                c.result("classification-name-agrees", False, official, printed, f"{where}: the printed name is not the official name of {code}{note}", page=row.get("page"))
    if checked and not failed:
        c.result("classification-name-agrees", True, f"{checked} official codes", f"{checked} official codes", f"all {checked} printed function and economic codes are official for {year} and printed under their official names{note}")


CHECKS: tuple[Check, ...] = (check_classification,)

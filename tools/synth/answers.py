"""The answer key of a budget or simplified final account: every printed figure as the packages should hold it."""

from __future__ import annotations

from .figures import Disclosure
from .reference import REVENUE_LINES
from .tables import THREE_PUBLIC_ORDER, rounded

ANSWER_FIELDS = ("file", "unit_name", "fiscal_year", "resource", "origin", "key", "field", "expected")


def answers(d: Disclosure) -> list[dict[str, str]]:
    """Every figure the disclosure prints, as the published packages should hold it (in 万元)."""
    rows: list[dict[str, str]] = []

    def add(resource: str, origin: str, key: str, name: str, value: object) -> None:
        text = "" if value is None else str(value)
        rows.append({"file": d.file, "unit_name": d.unit, "fiscal_year": str(d.year), "resource": resource, "origin": origin, "key": key, "field": name, "expected": text})

    for name, value in (("unit_name", d.unit), ("fiscal_year", d.year), ("kind", d.kind), ("scope", "department"), ("province", d.province), ("county", d.county)):
        add("disclosure", "", "", name, value)
    for metric, minor in d.totals.items():
        if metric != "project_expenditure":  # no table prints the department's 项目支出; the prose does
            add("totals", "table", metric, "amount", d.wan(minor))
    for label, source in REVENUE_LINES[d.kind]:
        if source and label in d.revenue:
            add("revenue_by_source", "table", source, "amount", d.wan(d.revenue[label]))
    if "carryover_in" in d.totals:
        add("revenue_by_source", "table", "carryover", "amount", d.wan(d.totals["carryover_in"]))
    for code, values in d.function.items():
        for name, amount in zip(("total", "basic", "project"), values):
            add("expenditure_by_function", "table", code, name, d.wan(amount))
    for code, values in d.economic.items():
        for name, amount in zip(("total", "personnel", "public"), values):
            add("basic_expenditure_by_economic", "table", code, name, d.wan(amount))
    for item in THREE_PUBLIC_ORDER:
        figure = d.three_public[item]
        if figure or d.style.zero_printed:
            add("three_public", "table", item, "amount", d.wan(figure))
        add("three_public", "narrative", item, "amount", rounded(d, figure))
    for metric in ("revenue_total", "expenditure_current_year", "basic_expenditure", "project_expenditure", "three_public_total"):
        add("totals", "narrative", metric, "amount", rounded(d, d.totals[metric]))
    return rows

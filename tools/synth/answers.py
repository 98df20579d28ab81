"""The answer key: every printed figure as the packages should hold it (in 万元), and the phase it belongs to.

``phase`` is empty for a budget's figures (a budget prints one), ``executed`` for a final account's 决算数,
``approved`` for its 年初预算数 and ``adjusted`` for its 全年预算数; empty for the disclosure's metadata.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path

from .figures import Disclosure
from .national import PHASES, National
from .reference import REVENUE_LINES
from .tables import THREE_PUBLIC_ORDER, rounded

ANSWER_FIELDS = ("file", "unit_name", "fiscal_year", "resource", "origin", "key", "field", "expected", "phase")


Row = dict[str, str]


def _adder(d: Disclosure, rows: list[Row]) -> Callable[..., None]:
    """A function that appends one row of the key for ``d``."""

    def add(resource: str, origin: str, key: str, name: str, value: object, phase: str = "") -> None:
        text = "" if value is None else str(value)
        rows.append({"file": d.file, "unit_name": d.unit, "fiscal_year": str(d.year), "resource": resource, "origin": origin, "key": key, "field": name, "expected": text, "phase": phase})

    for name, value in (("unit_name", d.unit), ("fiscal_year", d.year), ("kind", d.kind), ("scope", "department"), ("province", d.province), ("county", d.county)):
        add("disclosure", "", "", name, value)
    return add


def write_answers(path: Path, disclosures: Iterable[Disclosure]) -> Path:
    """The answer key of ``disclosures`` written to ``path`` (a CSV of ANSWER_FIELDS); returns ``path``."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, ANSWER_FIELDS)
        writer.writeheader()
        for d in disclosures:
            writer.writerows(answers(d))
    return path


def answers(d: Disclosure) -> list[Row]:
    """Every figure the disclosure prints, as the published packages should hold it (in 万元)."""
    if isinstance(d, National):
        return national_answers(d)
    rows: list[Row] = []
    phase = "executed" if d.kind == "final_account" else ""
    add = functools.partial(_adder(d, rows), phase=phase)
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


def national_answers(d: National) -> list[Row]:
    """The key of a national-layout final account: 决算数 everywhere, the earlier phases of 财决05 and the “三公” table."""
    rows: list[Row] = []
    add = _adder(d, rows)
    t = d.totals
    printed = ["revenue_total", "expenditure_total", "revenue_current_year", "expenditure_current_year", "carryover_in", "carryover_out"]
    printed += ["personnel_expenditure", "public_expenditure", "three_public_total"] + (["basic_expenditure"] if d.layout.function_split else [])
    # a line left blank is no figure (no row, key ""); a line printed 0.00 is a zero
    nil = Decimal(0) if d.style.zero_printed else None
    for metric in printed:
        if metric in t:
            add("totals", "table", metric, "amount", d.wan(t[metric]), "executed")
        elif metric in ("carryover_in", "carryover_out"):
            add("totals", "table", metric, "amount", nil, "executed")
    for label, source in REVENUE_LINES["final_account"]:
        if source:
            add("revenue_by_source", "table", source, "amount", d.wan(d.revenue[label]) if label in d.revenue else nil, "executed")
    add("revenue_by_source", "table", "carryover", "amount", d.wan(t["carryover_in"]) if "carryover_in" in t else nil, "executed")
    split = d.layout.function_split
    for phase in PHASES:
        for code, values in d.function_in(phase).items():
            for name, amount in zip(("total", "basic", "project"), values):
                if name == "total" or (split and phase == "executed"):
                    add("expenditure_by_function", "table", code, name, d.wan(amount) if amount else nil, phase)
    for code, values in d.economic.items():
        for name, amount in zip(("total", "personnel", "public"), values):
            add("basic_expenditure_by_economic", "table", code, name, d.wan(amount), "executed")
    for phase in PHASES:
        for item in THREE_PUBLIC_ORDER:
            figure = d.three_public_in(phase)[item]
            if figure or d.style.zero_printed:
                add("three_public", "table", item, "amount", d.wan(figure), phase)
    for item in THREE_PUBLIC_ORDER:
        add("three_public", "narrative", item, "amount", rounded(d, d.three_public[item]), "executed")
    for phase in ("approved", "adjusted"):
        add("three_public", "narrative", "total", "amount", rounded(d, d.three_public_in(phase)["total"]), phase)
    for metric in ("revenue_total", "expenditure_current_year", "basic_expenditure", "project_expenditure"):
        add("totals", "narrative", metric, "amount", rounded(d, t[metric]), "executed")
    return rows

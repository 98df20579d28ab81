"""Tiny inline disclosures for the check families, and the results one check gives on them."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from cnbudget.checks.base import Check, Checker, Row
from cnbudget.model import Disclosure, Evidence


def disclosure(rows: dict[str, list[Row]] | None = None, evidence: Evidence | None = None, fiscal_year: int = 2024) -> Disclosure:
    """A disclosure of the given rows and evidence, for fiscal year 2024 unless told."""
    return Disclosure({"disclosure_id": "x", "fiscal_year": fiscal_year}, rows=rows or {}, evidence=evidence or Evidence())


def run(check: Check, rows: dict[str, list[Row]] | None = None, evidence: Evidence | None = None, fiscal_year: int = 2024) -> list[Row]:
    """The result rows one check gives on a disclosure of the given rows and evidence."""
    checker = Checker(disclosure(rows, evidence, fiscal_year))
    check(checker)
    for result in checker.out:
        assert chinese(result["detail"]), result["detail"]
    return checker.out


def chinese(text: str) -> bool:
    """Whether a ``detail`` is a Chinese sentence: no ASCII letter outside what it quotes from the source.

    Quoted source text (table titles in 《…》, names and prose in “…”) is the document's own; codes,
    amounts, percentages and units (万元, 元) have no letters.
    """
    bare = re.sub(r"《[^《》]*》", "", text)
    while True:
        inner = re.sub(r"“[^“”]*”", "", bare)
        if inner == bare:
            break
        bare = inner
    return bool(re.search(r"[\u4e00-\u9fff]", text)) and not re.search(r"[A-Za-z]", bare)


def outcomes(results: list[Row], check: str | None = None) -> list[tuple[str, str | None, str | None]]:
    """(status, expected, actual) of each result, of one check id when given."""
    return [(r["status"], r["expected"], r["actual"]) for r in results if check is None or r["check_id"] == check]


def total(metric: str, amount: str, origin: str = "table", table: str = "收支总表") -> Row:
    """A ``totals`` row."""
    return {"metric": metric, "amount": Decimal(amount), "origin": origin, "source_table": table if origin == "table" else "narrative", "page": 1}


def revenue(source: str, amount: str, origin: str = "table") -> Row:
    """A ``revenue_by_source`` row."""
    return {"source": source, "amount": Decimal(amount), "origin": origin}


def function(code: str, name: str, amount: str, basic: str | None = None, project: str | None = None, origin: str = "table") -> Row:
    """An ``expenditure_by_function`` row of the 一般公共预算支出表."""
    row: dict[str, Any] = {"function_code": code, "function_name": name, "total": Decimal(amount), "origin": origin, "source_table": "一般公共预算支出表", "page": 2}
    row["basic"] = Decimal(basic) if basic is not None else None
    row["project"] = Decimal(project) if project is not None else None
    return row


def said(resource: str, subject: str, amount: str, phase: str = "approved", year: int = 2024) -> Row:
    """A ``statements`` row: the prose stating ``amount`` for a key of ``resource``."""
    return {"subject": subject, "resource": resource, "phase": phase, "fiscal_year": year, "amount": Decimal(amount), "text": f"{subject} {amount} 万元"}

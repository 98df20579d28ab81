"""What every check family shares: the result collector, the tolerance policy and readers of the printed totals.

Tolerance policy: amounts are compared exactly. Any difference fails; a difference
of at most 0.01 万元 for each figure summed is marked severity ``rounding`` (the
source rounded its parts and its total separately), anything larger ``mismatch``.
Both are published: a rounding difference is still a contradiction in the source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cnbudget.amounts import format_amount
from cnbudget.model import Disclosure
from cnbudget.schema import PHASES
from cnbudget.tables.phases import own_phase

Row = dict[str, Any]


class Checker:
    """Collects the ``checks`` rows of one disclosure, in the order the checks give them."""

    def __init__(self, disclosure: Disclosure) -> None:
        self.d = disclosure
        self.out: list[Row] = []

    def result(self, check: str, ok: bool | None, expected: Any, actual: Any, detail: str, terms: int = 1, page: int | None = None) -> None:
        """Record one result (``None`` for not applicable), with its severity when it fails."""
        severity = None
        if ok is False and isinstance(expected, Decimal) and isinstance(actual, Decimal):
            severity = "rounding" if abs(expected - actual) <= Decimal("0.01") * max(1, terms) else "mismatch"
        elif ok is False:
            severity = "mismatch"
        self.out.append(
            {
                "disclosure_id": self.d.id,
                "check": check,
                "status": "not_applicable" if ok is None else "pass" if ok else "fail",
                "expected": _fmt(expected),
                "actual": _fmt(actual),
                "detail": detail,
                "severity": severity,
                "page": page,
            }
        )

    def compare(self, check: str, expected: Decimal | None, parts: Iterable[Decimal | None], detail: str, page: int | None = None) -> None:
        """Record whether the printed parts sum to ``expected``; nothing when either side is not printed."""
        values = [p for p in parts if p is not None]
        if expected is None or not values:
            return
        actual = sum(values, Decimal(0))
        self.result(check, actual == expected, expected, actual, detail, len(values), page)


Check = Callable[[Checker], None]


def same_at_printed_precision(table: Decimal | None, prose: Decimal) -> bool:
    """Whether a prose figure states a table figure at the precision the prose prints.

    A table in 元 converts to 万元 with four decimals (243,120 元 = 24.3120 万元); prose that
    says 24.31 万元 states the same figure rounded half up, which is not a contradiction.
    Anything else, including a 0.01 difference at the prose's own precision, is one.
    """
    if table is None:
        return False
    if table == prose:
        return True
    prose_exp, table_exp = prose.as_tuple().exponent, table.as_tuple().exponent
    if not isinstance(prose_exp, int) or not isinstance(table_exp, int):
        return False
    places = -prose_exp
    return 0 < places < -table_exp and table.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == prose


def _fmt(value: Any) -> str | None:
    """A result's expected or actual value as published: amounts formatted, anything else as text."""
    if value is None:
        return None
    return format_amount(value) if isinstance(value, Decimal) else str(value)


def phase_of(d: Disclosure) -> str:
    """The phase of the disclosure's own figures: approved for a budget, executed for a final account."""
    return own_phase(d.meta.get("kind"))


def in_phase(row: Row, phase: str, d: Disclosure) -> bool:
    """Whether a row is of ``phase`` (a row that names none is of the disclosure's own)."""
    return (row.get("phase") or phase_of(d)) == phase


def phases_in(rows: Iterable[Row], d: Disclosure) -> list[str]:
    """The phases the rows are of, the disclosure's own first, then in the order approved, adjusted, executed."""
    own = phase_of(d)
    found = {row.get("phase") or own for row in rows}
    return [p for p in (own, *(q for q in PHASES if q != own)) if p in found]


def table_totals(d: Disclosure, origin: str = "table", phase: str | None = None) -> dict[str, Row]:
    """The first ``totals`` row of each metric from the given origin, in the disclosure's own phase unless told."""
    phase = phase or phase_of(d)
    found: dict[str, Row] = {}
    for row in d.rows.get("totals", []):
        if row["origin"] == origin and in_phase(row, phase, d):
            found.setdefault(row["metric"], row)
    return found


def stated(d: Disclosure, resource: str) -> list[Row]:
    """The ``statements`` rows whose subject is a key of ``resource``, in the order the prose states them."""
    return [r for r in d.rows.get("statements", []) if r.get("resource") == resource and r.get("amount") is not None]


def stated_figures(d: Disclosure, resource: str, *, this_year: bool = True) -> dict[tuple[str, str], list[Decimal]]:
    """(subject, phase) → the distinct amounts the prose states for it (the first two), of the disclosure's year unless told."""
    fy = d.meta.get("fiscal_year")
    out: dict[tuple[str, str], list[Decimal]] = {}
    for row in stated(d, resource):
        if this_year and row.get("fiscal_year") not in (None, fy):
            continue
        amounts = out.setdefault((row["subject"], row.get("phase") or phase_of(d)), [])
        if row["amount"] not in amounts and len(amounts) < 2:
            amounts.append(row["amount"])
    return out


def table_revenue(d: Disclosure) -> dict[str, Decimal]:
    """The non-zero revenue lines the 收支总表 prints, by source, in the disclosure's own phase."""
    return {r["source"]: r["amount"] for r in d.rows.get("revenue_by_source", []) if r["origin"] == "table" and in_phase(r, phase_of(d), d) and r.get("amount")}


def has_other_funds(revenue: dict[str, Decimal]) -> bool:
    """Whether money other than the 一般公共预算 is spent: then one-fund tables need not match all-fund ones."""
    return bool(set(revenue) - {"general_public_budget"})

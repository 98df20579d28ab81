"""The prose against the tables and against itself: stated figures, shares and year-on-year changes."""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.base import Check, Checker, Row, phase_of, same_at_printed_precision, stated_figures
from cnbudget.model import Statement


def _in(detail: str, phase: str, own: str) -> str:
    """The detail, naming the phase where it is not the disclosure's own."""
    return detail if phase == own else f"{detail} ({phase})"


def _first_table_rows(c: Checker, resource: str, key: str, amount: str, year: bool = False) -> dict[tuple[str, str], Row]:
    """(key, phase) → the first row a table prints with an amount (of the disclosure's year where ``year``)."""
    own, fy = phase_of(c.d), c.d.meta.get("fiscal_year")
    found: dict[tuple[str, str], Row] = {}
    for row in c.d.rows.get(resource, []):
        if row.get("origin", "table") == "table" and row.get(key) and row.get(amount) is not None and (not year or row["fiscal_year"] == fy):
            found.setdefault((row[key], row.get("phase") or own), row)
    return found


def check_prose_against_tables(c: Checker) -> None:
    """Each figure the prose states (totals, “三公”, functions, revenue) against the table that prints it, phase by phase."""
    own = phase_of(c.d)
    table = _first_table_rows(c, "totals", "metric", "amount")
    for (metric, phase), values in sorted(stated_figures(c.d, "totals").items()):
        if len(values) > 1:
            c.result("prose-consistent", False, values[0], values[1], _in(f"the prose states {metric} twice with different amounts", phase, own))
        if (metric, phase) in table:
            row = table[(metric, phase)]
            for value in values:
                c.result("prose-agrees-with-table", same_at_printed_precision(row["amount"], value), row["amount"], value, _in(f"{metric}: the prose against the {row['source_table']}", phase, own))
    tp = _first_table_rows(c, "three_public", "item", "amount", year=True)
    for (item, phase), values in sorted(stated_figures(c.d, "three_public").items()):
        if (item, phase) in tp:
            theirs = tp[(item, phase)]["amount"]
            c.result("three-public-prose-agrees", same_at_printed_precision(theirs, values[0]), theirs, values[0], _in(f"“三公” {item}: the prose against the table", phase, own))
    fn = _first_table_rows(c, "expenditure_by_function", "function_code", "total")
    for (code, phase), values in sorted(stated_figures(c.d, "expenditure_by_function").items()):
        if not code.isdigit():
            continue  # a printed name whose code is not known
        for value in values:
            if (code, phase) in fn:
                theirs = fn[(code, phase)]["total"]
                c.result("function-prose-agrees", same_at_printed_precision(theirs, value), theirs, value, _in(f"function {code}: the amount the prose states against the table", phase, own))
        if len(values) > 1:
            c.result("prose-consistent", False, values[0], values[1], _in(f"the prose states function {code} twice with different amounts", phase, own))
    rev = _first_table_rows(c, "revenue_by_source", "source", "amount")
    for (source, phase), values in sorted(stated_figures(c.d, "revenue_by_source").items()):
        if (source, phase) in rev:
            theirs = rev[(source, phase)]["amount"]
            c.result("revenue-prose-agrees", same_at_printed_precision(theirs, values[0]), theirs, values[0], _in(f"revenue {source}: the prose against the 收支总表", phase, own))


def _share_of(amount: Decimal, base: Decimal, share: Decimal) -> tuple[bool, Decimal]:
    """Whether ``share`` % follows from amount/base at the places it is printed with, and the computed share."""
    places = -share.as_tuple().exponent if share.as_tuple().exponent < 0 else 0  # type: ignore[operator]
    computed = (amount / base * 100).quantize(Decimal(1).scaleb(-places))
    return abs(computed - share) <= Decimal(1).scaleb(-places), computed


def _share_runs(stmts: list[Statement]) -> list[tuple[int, int]]:
    """(start, end) index ranges of consecutive statements that each state a share."""
    runs, i = [], 0
    while i < len(stmts):
        if stmts[i].share is None or stmts[i].amount < 0:
            i += 1
            continue
        j = i
        while j + 1 < len(stmts) and stmts[j + 1].share is not None and stmts[j + 1].amount >= 0:
            j += 1
        runs.append((i, j + 1))
        i = j + 1
    return runs


def check_shares(c: Checker) -> None:
    """Each stated share (占 a%) against its amount and the base the run of shares agrees on."""
    # A run such as “A x 万元，占 a%；B y 万元，占 b%” shares one base: the figure the sentence
    # names before it, or the run's own sum. The base that explains most of the run is taken,
    # so one wrong share is reported against the base the others agree with.
    stmts = c.d.evidence.statements
    for start, end in _share_runs(stmts):
        run = [st for st in stmts[start:end] if st.share is not None]  # a run holds shares only
        largest = max(st.amount for st in run)
        bases = [b.amount for b in reversed(stmts[max(0, start - 12) : start]) if b.share is None and b.amount >= largest and b.amount > 0]
        total = sum((st.amount for st in run), Decimal(0))
        if len(run) > 1 and total > 0:
            # shares that add up to about 100% are shares of their own sum
            bases.insert(0 if sum(st.share or 0 for st in run) >= 99 else len(bases), total)
        if not bases:
            continue
        base = max(bases, key=lambda b: (sum(_share_of(st.amount, b, st.share or Decimal(0))[0] for st in run), -bases.index(b)))
        for st in run:
            ok, computed = _share_of(st.amount, base, st.share or Decimal(0))
            c.result(
                "share-agrees",
                ok,
                f"{st.share}%",
                f"{computed}%",
                f"“{st.label[-24:]}” {format_amount(st.amount)} 万元 stated as {st.share}% of {format_amount(base)} 万元",
            )


_YOY = re.compile(
    r"(?P<cur>\d[\d,]*(?:\.\d+)?)\s*万元[^。；;万]{0,30}?(?:比|较|与)(?:上年|上一年|\d{4}年)[^。；;\d]{0,16}?"
    r"(?P<dir>增加|减少|增长|下降)\s*(?P<d>\d[\d,]*(?:\.\d+)?)\s*万元[，,、]?\s*(?:同比)?(?:增长|下降|增幅|降幅|减少|增加)\s*(?P<p>\d+(?:\.\d+)?)\s*%"
)


def check_year_on_year(c: Checker) -> None:
    """“X 万元，比上年增加 D 万元，增长 P%”: P follows from D and last year's X − D (or X + D).

    The stated percentage agrees when it is within one unit of its last printed decimal of the
    computed one (the same tolerance as stated shares).
    """
    text = c.d.evidence.prose
    for m in _YOY.finditer(text):
        current, change, stated = (Decimal(m.group(g).replace(",", "")) for g in ("cur", "d", "p"))
        previous = current - change if m.group("dir") in ("增加", "增长") else current + change
        if previous <= 0:
            continue
        ok, computed = _share_of(change, previous, stated)
        c.result(
            "yoy-agrees",
            ok,
            f"{stated}%",
            f"{computed}%",
            f"“…{m.group(0)[-60:]}”: {format_amount(change)} 万元 against last year's {format_amount(previous)} 万元",
        )


CHECKS: tuple[Check, ...] = (check_prose_against_tables, check_shares, check_year_on_year)

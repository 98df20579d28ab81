"""The prose against the tables and against itself: stated figures, shares and year-on-year changes."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.base import Check, Checker, same_at_printed_precision, table_totals
from cnbudget.model import Statement


def check_prose_against_tables(c: Checker) -> None:
    """Each figure the prose states (totals, “三公”, functions, revenue) against the table that prints it."""
    table = table_totals(c.d)
    stated: dict[str, list[Decimal]] = defaultdict(list)
    for row in c.d.rows.get("totals", []):
        if row["origin"] == "narrative":
            stated[row["metric"]].append(row["amount"])
    for metric, values in sorted(stated.items()):
        if len(set(values)) > 1:
            c.result("prose-consistent", False, values[0], values[1], f"the prose states {metric} twice with different amounts")
        if metric in table:
            for value in values:
                c.result("prose-agrees-with-table", same_at_printed_precision(table[metric]["amount"], value), table[metric]["amount"], value, f"{metric}: the prose against the {table[metric]['source_table']}")
    fy = c.d.meta.get("fiscal_year")
    tp: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in c.d.rows.get("three_public", []):
        if row["fiscal_year"] == fy and row.get("amount") is not None:
            tp[row["origin"]].setdefault(row["item"], row["amount"])
    for item, value in sorted(tp["narrative"].items()):
        if item in tp["table"]:
            c.result("three-public-prose-agrees", same_at_printed_precision(tp["table"][item], value), tp["table"][item], value, f"“三公” {item}: the prose against the table")
    fn: dict[str, dict[str, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for row in c.d.rows.get("expenditure_by_function", []):
        if row.get("function_code") and row.get("total") is not None:
            fn[row["origin"]][row["function_code"]].append(row["total"])
    for code, values in sorted(fn["narrative"].items()):
        for value in dict.fromkeys(values):
            if code in fn["table"]:
                c.result("function-prose-agrees", same_at_printed_precision(fn["table"][code][0], value), fn["table"][code][0], value, f"function {code}: the amount the prose states against the table")
        if len(set(values)) > 1:
            c.result("prose-consistent", False, values[0], values[1], f"the prose states function {code} twice with different amounts")
    rev: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in c.d.rows.get("revenue_by_source", []):
        if row.get("amount") is not None:
            rev[row["origin"]].setdefault(row["source"], row["amount"])
    for source, value in sorted(rev["narrative"].items()):
        if source in rev["table"] and (value != 0 or rev["table"][source] is not None):
            c.result("revenue-prose-agrees", same_at_printed_precision(rev["table"][source], value), rev["table"][source], value, f"revenue {source}: the prose against the 收支总表")


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

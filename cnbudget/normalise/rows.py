"""The rows as published: prose figures standing in where no table gives them, every prose figure a
statement, one row per primary key, and the order of rows numbered where it is the key.

The table resources hold each figure once, as the tables print it. A figure the prose states goes
to ``statements`` always, and into its table resource only where no table row has its key (its
``origin`` is then ``narrative``). A key printed twice in the tables keeps its first row; a second
row with other amounts is reported (``repeated-row``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.model import Disclosure, Problem, Row
from cnbudget.normalise.narrative import NarrativeFigure
from cnbudget.schema import BY_NAME
from cnbudget.tables.common import Context

# the resources whose rows are numbered in the order printed (``line`` is their key)
NUMBERED = ("projects", "performance_indicators")


def key_of(resource: str, row: Row) -> tuple[Any, ...]:
    """The row's primary key."""
    return tuple(row.get(f) for f in BY_NAME[resource].primary_key)


def general_budget_figures(d: Disclosure, figures: list[NarrativeFigure]) -> list[NarrativeFigure]:
    """The prose figures, less the class figures of a section about the whole budget where it holds more than the 一般公共预算,
    and less one fund's 基本支出 and 项目支出 (scope ``fund``) where nothing shows that fund is all the unit's money.

    A department with other money (政府性基金, 财政专户, 事业收入 … in its 收支总表) states its classes
    twice: for the whole budget, then for the 一般公共预算; only the second are the function table's.
    """
    other = any(
        r.get("origin") == "table" and r.get("source") not in ("general_public_budget", "carryover") and r.get("amount")
        for r in d.rows.get("revenue_by_source", [])
    )
    # the 基本支出 and 项目支出 listed after one fund's expenditure (scope ``fund``) are that fund's, not the department's,
    # where it has other money (its tables or its prose name a nonzero other source), or where nothing shows that fund is
    # all its money: which they are, the page does not say
    other_named = other or any(f.resource == "revenue_by_source" and f.row.get("source") not in ("general_public_budget", "carryover") and f.row.get("amount") for f in figures)
    if any(f.scope == "fund" for f in figures) and (other_named or not _one_fund_is_all(d, figures)):
        figures = [f for f in figures if f.scope != "fund"]
    if not other:
        return figures
    return [f for f in figures if not (f.resource == "expenditure_by_function" and f.row.get("level") == "class" and f.scope in ("all", "other"))]


def _one_fund_is_all(d: Disclosure, figures: list[NarrativeFigure]) -> bool:
    """Whether the tables or the prose show the unit's money is all one fund's: its 一般公共预算 revenue equal to the year's
    revenue of the same phase (“一般公共预算财政拨款收入 X 万元，占100%”), or the fund's listed 基本支出 and 项目支出 adding
    up to the unit's own 本年支出 stated apart.

    “2021年一般公共预算财政拨款支出1134.56万元。其中：基本支出868.20万元，项目支出266.36万元” on a page naming no
    other revenue: the appropriation's parts, which are the unit's only where the appropriation is all it spends.
    """
    def stated(resource: str, field: str, key: str) -> set[tuple[Any, Any]]:
        rows = [r for r in d.rows.get(resource, []) if r.get(field) == key]
        rows += [{**f.row, "phase": f.phase} for f in figures if f.resource == resource and f.scope != "fund" and f.row.get(field) == key]
        return {(r.get("phase"), r.get("amount")) for r in rows if r.get("amount") is not None}

    if stated("revenue_by_source", "source", "general_public_budget") & stated("totals", "metric", "revenue_current_year"):
        return True
    parts: dict[Any, Any] = {}
    for f in figures:
        if f.scope == "fund" and f.resource == "totals" and f.subject in ("basic_expenditure", "project_expenditure") and f.row.get("amount") is not None:
            parts[f.phase] = parts.get(f.phase, Decimal(0)) + f.row["amount"]
    return bool(set(parts.items()) & stated("totals", "metric", "expenditure_current_year"))


def table_figures(figures: list[NarrativeFigure]) -> list[NarrativeFigure]:
    """The prose figures that may stand in for table rows: a class the prose states in a section about the 一般公共预算
    (一般公共预算当年拨款结构情况) is the function table's from there, never from the 财政拨款's or the whole budget's
    section, whose figure may hold other funds or last year's carry-over; nor a total stated for the appropriations or one
    fund alone (``_of_one_money``). Every figure stays a statement."""
    general = {(f.row.get("function_code"), f.phase) for f in figures if f.resource == "expenditure_by_function" and f.scope == "general"}
    kept = [f for f in figures if not (f.resource == "expenditure_by_function" and f.scope in ("all", "other") and (f.row.get("function_code"), f.phase) in general)]
    return [f for f in kept if not _of_one_money(f)]


# the unit's headline totals and its carry-over line, which a section about one money states for that money alone
_WHOLE_TOTALS = ("revenue_total", "expenditure_total", "revenue_current_year", "expenditure_current_year", "carryover_in", "carryover_out")


def _of_one_money(figure: NarrativeFigure) -> bool:
    """Whether the figure is a total (or the carry-over) stated in a section about the appropriations or one fund.

    “关于…2025年财政拨款收支预算情况的总体说明：…收入总计77.82万元，包括一般公共预算本年收入…”: the 财政拨款收支总表's
    totals, as that table's own are never the unit's; a unit with 事业收入 or other money has a larger 收入总计.
    """
    if figure.scope != "other":
        return False
    return (figure.resource == "totals" and figure.subject in _WHOLE_TOTALS) or (figure.resource == "revenue_by_source" and figure.subject == "carryover")


def stand_in(ctx: Context, figure: NarrativeFigure) -> None:
    """The prose figure as a row of its table resource (origin narrative), where no row has its key yet."""
    d = ctx.disclosure
    if figure.resource != "three_public" and figure.fiscal_year != d.meta.get("fiscal_year"):
        return  # a figure of another year has no place in this year's tables
    row: dict[str, Any] = {**figure.row, "phase": figure.phase, "origin": "narrative"}
    if figure.resource == "expenditure_by_function":
        if not row.get("function_code"):
            return  # no code for the printed name: the figure is in statements only
        row["code_printed"] = False
    if figure.resource == "revenue_by_source" and "source_name" not in row:
        return
    st = figure.statement
    row["page"], row["source_file"] = (st.page, st.file or None) if st is not None else (None, None)
    key = key_of(figure.resource, {"disclosure_id": d.id, **row})
    if any(key_of(figure.resource, other) == key for other in d.rows.get(figure.resource, [])):
        return
    ctx.add(figure.resource, row)


def add_statements(ctx: Context, figures: list[NarrativeFigure]) -> None:
    """Every figure the prose states as a row of ``statements``, in the order stated."""
    for figure in figures:
        st = figure.statement
        ctx.add(
            "statements",
            {
                "subject": figure.subject,
                "resource": figure.resource,
                "phase": figure.phase,
                "fiscal_year": figure.fiscal_year,
                "amount": st.amount if st is not None else None,
                "percent": st.share if st is not None else None,
                "text": (st.text or st.sentence) if st is not None else figure.label,
                "page": st.page if st is not None else None,
                "source_file": (st.file or None) if st is not None else None,
            },
        )


def _amounts(resource: str, row: Row) -> tuple[Any, ...]:
    return tuple(row.get(f.name) for f in BY_NAME[resource].fields if f.type == "number")


def keep_one_per_key(d: Disclosure) -> None:
    """Each resource's rows with the first of each primary key; a later row with other amounts is reported."""
    for resource, rows in d.rows.items():
        if resource in NUMBERED or resource not in BY_NAME or not BY_NAME[resource].primary_key:
            continue
        first: dict[tuple[Any, ...], Row] = {}
        for row in rows:
            key = key_of(resource, row)
            kept = first.setdefault(key, row)
            if kept is not row and _amounts(resource, kept) != _amounts(resource, row):
                what = " ".join(str(k) for k in key[1:])
                message = f"{resource} {what}: printed again with other amounts; the first row printed is kept"
                d.problems.append(Problem("repeated-row", message, row.get("source_file") or "", row.get("page")))
        d.rows[resource] = list(first.values())


def number_lines(d: Disclosure) -> None:
    """``line``: each row's place, 1-based, in the resources numbered in the order printed."""
    for resource in (*NUMBERED, "statements"):
        for n, row in enumerate(d.rows.get(resource, []), 1):
            row["line"] = n

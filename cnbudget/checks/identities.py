"""The 收支总表's headline identities, in the tables and in the prose, and the lines that make up its totals."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.base import (
    Check,
    Checker,
    Row,
    Side,
    half_unit,
    in_phase,
    phase_en,
    phase_of,
    phased,
    phases_in,
    quoted,
    side,
    stated,
    table_totals,
    titled,
)
from cnbudget.schema.names import METRIC_NAMES


def figure(rows: dict[str, Row], metric: str) -> Side:
    """A headline figure as a side: its Chinese name in the table it is read from, its amount and page."""
    row = rows[metric]
    return side(f"{titled(row.get('source_table'))}的{quoted(METRIC_NAMES[metric])}", row["amount"], row.get("page"))


def sum_of(c: Checker, check_id: str, subject: str, phase: str, rows: dict[str, Row], total: str, parts: list[str], detail_en: str) -> None:
    """A headline figure against the sum of others of the same origin and phase; a part the build doubts makes it not applicable."""
    doubt = c.doubt("totals", *(f"{m}/{phase}/amount" for m in parts if m not in rows))
    present = [m for m in parts if m in rows]
    if total not in rows or (len(present) < len(parts) and doubt is None):
        return
    tables = [rows[m].get("source_table") for m in present]
    if len(set(tables)) > 1:  # a part the prose leaves out, taken from the table that prints it
        named = " + ".join(f"{titled(t)}的{quoted(METRIC_NAMES[m])}" for m, t in zip(present, tables))
    else:
        named = f"{titled(tables[0]) if tables else ''}的" + " + ".join(quoted(METRIC_NAMES[m]) for m in parts)
    if len(set(tables)) > 1 and doubt is None and all(rows[m]["amount"] is not None for m in [total, *present]):
        # prose and table figures rounded each on its own: they agree if the figures behind them may add up
        amounts = [rows[m]["amount"] for m in present]
        actual = sum(amounts, Decimal(0))
        slack = sum((half_unit(a) for a in [rows[total]["amount"], *amounts]), Decimal(0))
        ok = abs(rows[total]["amount"] - actual) <= slack
        pages = [rows[m].get("page") for m in present]
        c.result(check_id, subject, ok, figure(rows, total), side(named, actual, pages), detail_en, terms=len(present))
        return
    c.compare(
        check_id,
        subject,
        figure(rows, total),
        [rows[m]["amount"] for m in present],
        named,
        detail_en,
        parts_pages=[rows[m].get("page") for m in present],
        doubt=doubt,
    )


def headline_rows(c: Checker) -> list[tuple[str, str, dict[str, Row]]]:
    """(origin, phase, metric → row) for the tables and then the prose's statements, one set per phase, the disclosure's own first."""
    out: list[tuple[str, str, dict[str, Row]]] = []
    tables = [r for r in c.d.rows.get("totals", []) if r["origin"] == "table"]
    for phase in phases_in(tables, c.d):
        out.append(("table", phase, table_totals(c.d, "table", phase)))
    fy = c.d.meta.get("fiscal_year")
    prose = [r for r in stated(c.d, "totals") if r.get("fiscal_year") in (None, fy)]
    for phase in phases_in(prose, c.d):
        rows: dict[str, Row] = {}
        for r in prose:
            if in_phase(r, phase, c.d):
                rows.setdefault(r["subject"], {**r, "source_table": "narrative"})
        out.append(("narrative", phase, rows))
    return out


def check_headline_identities(c: Checker) -> None:
    """收入总计 = 支出总计, its parts add up, and the revenue lines and projects sum to their totals.

    Subject: where the headline figures are read, ``table`` or ``narrative`` (``table/adjusted`` for a
    phase other than the disclosure's own); for the revenue lines and the projects, the total they add
    up to (``revenue_current_year``, ``project_expenditure``).
    """
    printed: dict[str, dict[str, Row]] = {}
    for origin, phase, rows in headline_rows(c):
        if origin == "table":
            printed[phase] = rows
        where = ("tables" if origin == "table" else "prose") + phase_en(phase, c.d)
        subject = phased(origin, phase, c.d)
        if "revenue_total" in rows and "expenditure_total" in rows:
            one, two = figure(rows, "revenue_total"), figure(rows, "expenditure_total")
            c.result("revenue-equals-expenditure", subject, one.value == two.value, one, two, f"收入总计 against 支出总计 in the {where}")
        carried = printed.get(phase, {}).get("carryover_in")
        if origin == "narrative" and "carryover_in" not in rows and carried and carried.get("amount"):
            # the prose leaves out the carry-over the 收支总表 prints (a final account's 年初结转和结余 often):
            # its 收入总计 is still 本年收入合计 plus that carry-over, so the table's figure stands in for it
            rows = {**rows, "carryover_in": carried}
        if "revenue_current_year" in rows:
            parts = ["revenue_current_year", *(["carryover_in"] if "carryover_in" in rows else [])]
            sum_of(c, "revenue-total-adds-up", subject, phase, rows, "revenue_total", parts, f"收入总计 against 本年收入合计 + 上年结转 in the {where}")
        if "basic_expenditure" in rows and "project_expenditure" in rows:
            parts, named = ["basic_expenditure", "project_expenditure"], "基本支出 + 项目支出"
            if rows.get("reserve_expenditure", {}).get("amount") is not None:
                parts, named = [*parts, "reserve_expenditure"], named + " + 单位预留机动经费"
            sum_of(c, "basic-plus-project", subject, phase, rows, "expenditure_current_year", parts, f"本年支出合计 against {named} in the {where}")
        if "basic_expenditure" in rows and ("personnel_expenditure" in rows or "public_expenditure" in rows):
            parts = ["personnel_expenditure", "public_expenditure"]
            sum_of(c, "personnel-plus-public", subject, phase, rows, "basic_expenditure", parts, f"基本支出 against 人员经费 + 公用经费 in the {where}")
    table = table_totals(c.d)
    sources = [r for r in c.d.rows.get("revenue_by_source", []) if r["origin"] == "table" and in_phase(r, phase_of(c.d), c.d) and r["source"] != "carryover"]
    if "revenue_current_year" in table and sources:
        c.compare(
            "revenue-lines-add-up",
            "revenue_current_year",
            figure(table, "revenue_current_year"),
            [r["amount"] for r in sources],
            f"其 {len(sources)} 项收入之和",
            "the 收支总表's revenue lines against 本年收入合计",
            parts_pages=[r.get("page") for r in sources],
            doubt=c.doubt("revenue_by_source", *(f"{r['source']}/{r.get('phase') or phase_of(c.d)}/amount" for r in sources if r.get("amount") is None)),
        )
    projects = [p for p in c.d.rows.get("projects", []) if in_phase(p, phase_of(c.d), c.d)]
    if "project_expenditure" in table and projects:
        c.compare(
            "projects-add-up",
            "project_expenditure",
            figure(table, "project_expenditure"),
            [p["amount"] for p in projects],
            f"项目支出表所列 {len(projects)} 个项目之和",
            f"the {len(projects)} projects against 项目支出 of the {table['project_expenditure']['source_table']}",
            parts_pages=[p.get("page") for p in projects],
        )


CHECKS: tuple[Check, ...] = (check_headline_identities,)

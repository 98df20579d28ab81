"""The 收支总表's headline identities, in the tables and in the prose, and the lines that make up its totals."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.base import Check, Checker, in_phase, phase_of, phases_in, stated_figures, table_totals


def headline_figures(c: Checker) -> list[tuple[str, dict[str, Decimal]]]:
    """(where, metric → amount) for the tables and then the prose, one set per phase, the disclosure's own first."""
    own = phase_of(c.d)
    out = []
    tables = [r for r in c.d.rows.get("totals", []) if r["origin"] == "table"]
    for phase in phases_in(tables, c.d):
        where = "tables" if phase == own else f"tables ({phase})"
        out.append((where, {k: v["amount"] for k, v in table_totals(c.d, "table", phase).items()}))
    prose = stated_figures(c.d, "totals")
    for phase in phases_in([{"phase": p} for _, p in prose], c.d):
        where = "prose" if phase == own else f"prose ({phase})"
        out.append((where, {metric: values[0] for (metric, p), values in prose.items() if p == phase}))
    return out


def check_headline_identities(c: Checker) -> None:
    """收入总计 = 支出总计, its parts add up, and the revenue lines and projects sum to their totals."""
    for where, t in headline_figures(c):
        if "revenue_total" in t and "expenditure_total" in t:
            c.result("revenue-equals-expenditure", t["revenue_total"] == t["expenditure_total"], t["revenue_total"], t["expenditure_total"], f"收入总计 against 支出总计 in the {where}")
        if "revenue_total" in t and "revenue_current_year" in t:
            c.compare("revenue-total-adds-up", t["revenue_total"], [t["revenue_current_year"], t.get("carryover_in")], f"收入总计 against 本年收入合计 + 上年结转 in the {where}")
        if "basic_expenditure" in t and "project_expenditure" in t and "expenditure_current_year" in t:
            parts, named = [t["basic_expenditure"], t["project_expenditure"]], "基本支出 + 项目支出"
            if t.get("reserve_expenditure") is not None:
                parts, named = [*parts, t["reserve_expenditure"]], named + " + 单位预留机动经费"
            c.compare("basic-plus-project", t["expenditure_current_year"], parts, f"本年支出合计 against {named} in the {where}")
        if "basic_expenditure" in t and "personnel_expenditure" in t and "public_expenditure" in t:
            c.compare("personnel-plus-public", t["basic_expenditure"], [t["personnel_expenditure"], t["public_expenditure"]], f"基本支出 against 人员经费 + 公用经费 in the {where}")
    table = table_totals(c.d)
    sources = [r for r in c.d.rows.get("revenue_by_source", []) if r["origin"] == "table" and in_phase(r, phase_of(c.d), c.d) and r["source"] != "carryover"]
    if "revenue_current_year" in table and sources:
        c.compare("revenue-lines-add-up", table["revenue_current_year"]["amount"], [r["amount"] for r in sources], "the 收支总表's revenue lines against 本年收入合计")
    projects = [p for p in c.d.rows.get("projects", []) if in_phase(p, phase_of(c.d), c.d)]
    if "project_expenditure" in table and projects:
        c.compare("projects-add-up", table["project_expenditure"]["amount"], [p["amount"] for p in projects], f"the {len(projects)} projects against 项目支出 of the {table['project_expenditure']['source_table']}")


CHECKS: tuple[Check, ...] = (check_headline_identities,)

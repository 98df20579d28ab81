"""Classified tables add up: each level to the rows below it, each row's columns, the top level to the total."""

from __future__ import annotations

from dataclasses import dataclass

from cnbudget.checks.base import Check, Checker, Row, has_other_funds, in_phase, phase_of, phases_in, table_revenue, table_totals


@dataclass(frozen=True)
class Levels:
    """How a classified table nests: its code and name fields, code lengths by level, and its columns."""

    code: str
    name: str
    lengths: tuple[int, ...]  # code length of each level, top first
    columns: tuple[tuple[str, str], tuple[str, str], tuple[str, str]]  # (field, printed label): the total, then its two parts
    below: str  # what a detail calls a parent's lower-level rows
    levels_check: str
    split_check: str


FUNCTION = Levels(
    "function_code",
    "function_name",
    (3, 5, 7),
    (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")),
    "lower-level rows",
    "function-levels-add-up",
    "function-basic-plus-project",
)
ECONOMIC = Levels(
    "economic_code",
    "economic_name",
    (3, 5),
    (("total", "合计"), ("personnel", "人员经费"), ("public", "公用经费")),
    "items",
    "economic-levels-add-up",
    "economic-personnel-plus-public",
)


def children(rows: list[Row], parent: Row, levels: Levels) -> list[Row]:
    """The rows one level below ``parent``, or two levels below where the table skips the level between."""
    code, field, lengths = parent[levels.code], levels.code, levels.lengths
    depth = lengths.index(len(code))
    kids = [r for r in rows if len(r[field]) == lengths[depth + 1] and r[field].startswith(code)]
    if kids or depth + 2 >= len(lengths):
        return kids
    printed = {r[field] for r in rows}
    return [r for r in rows if len(r[field]) == lengths[depth + 2] and r[field].startswith(code) and r[field][: lengths[depth + 1]] not in printed]


def levels_add_up(c: Checker, rows: list[Row], levels: Levels) -> None:
    """Record each parent's columns against the sum of its children, then each row's total against its two parts."""
    for parent in rows:
        code = parent[levels.code]
        if len(code) not in levels.lengths[:-1]:
            continue
        kids = children(rows, parent, levels)
        for col, label in levels.columns:
            c.compare(
                levels.levels_check,
                parent.get(col),
                [k.get(col) for k in kids],
                f"{parent['source_table']}: {label} of {code} {parent[levels.name]} against the sum of its {len(kids)} {levels.below}",
                parent.get("page"),
            )
    (total, _), (first, first_label), (second, second_label) = levels.columns
    for row in rows:
        c.compare(
            levels.split_check,
            row.get(total),
            [row.get(first), row.get(second)],
            f"{row['source_table']}: 合计 of {row[levels.code]} {row[levels.name]} against {first_label} + {second_label}",
            row.get("page"),
        )


def check_function_levels(c: Checker) -> None:
    """Function rows add up by level and column, and the top level to the year's expenditure."""
    table_rows = [r for r in c.d.rows.get("expenditure_by_function", []) if r["origin"] == "table" and r.get("function_code")]
    rows = [r for r in table_rows if in_phase(r, phase_of(c.d), c.d)]
    levels_add_up(c, rows, FUNCTION)
    top = [r for r in rows if len(r["function_code"]) == 3] or [r for r in rows if len(r["function_code"]) == 7]
    totals = table_totals(c.d)
    target = totals.get("expenditure_current_year")
    # The function table covers the 一般公共预算 only; where other money is spent too, its sum is
    # the 一般公共预算 revenue line, not the year's whole expenditure.
    revenue = table_revenue(c.d)
    if top and target and has_other_funds(revenue) and revenue.get("general_public_budget"):
        c.compare("function-sum-matches-total", revenue["general_public_budget"], [r.get("total") for r in top], f"sum of the function table's {len(top)} top-level rows against the 一般公共预算 revenue of the {target['source_table']}")
    elif top and target:
        c.compare("function-sum-matches-total", target["amount"], [r.get("total") for r in top], f"sum of the function table's {len(top)} top-level rows against 本年支出合计 of the {target['source_table']}")
    for phase in phases_in(table_rows, c.d):  # a final account's other phases (年初预算数, 全年预算数): each adds up on its own
        if phase != phase_of(c.d):
            levels_add_up(c, [r for r in table_rows if in_phase(r, phase, c.d)], FUNCTION)


def check_economic_levels(c: Checker) -> None:
    """Economic rows add up by level and column, and the items to the 基本支出表's own totals."""
    rows = [r for r in c.d.rows.get("basic_expenditure_by_economic", []) if r.get("economic_code") and in_phase(r, phase_of(c.d), c.d)]
    levels_add_up(c, rows, ECONOMIC)
    # the table's own total row (kept under its title), not the department's headline figure
    tables = {r["source_table"] for r in rows}
    own = {r["metric"]: r for r in c.d.evidence.table_totals if r.get("source_table") in tables and in_phase(r, phase_of(c.d), c.d)}
    own.update({r["metric"]: r for r in c.d.evidence.basic_table_totals})
    leaves = [r for r in rows if len(r["economic_code"]) == 5] or rows
    for metric, col, label in (("basic_expenditure", "total", "基本支出"), ("personnel_expenditure", "personnel", "人员经费"), ("public_expenditure", "public", "公用经费")):
        if metric in own and leaves:
            c.compare("economic-sum-matches-total", own[metric]["amount"], [r.get(col) for r in leaves], f"sum of the {len(leaves)} economic items' {label} against the table's {label} total")


CHECKS: tuple[Check, ...] = (check_function_levels, check_economic_levels)

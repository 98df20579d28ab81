"""Classified tables add up: each level to the rows below it, each row's columns, the top level to the total."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from cnbudget.checks.base import (
    Check,
    Checker,
    Row,
    has_other_funds,
    in_phase,
    phase_en,
    phase_of,
    phase_zh,
    phased,
    phases_in,
    side,
    table_revenue,
    table_totals,
    titled,
)

AMOUNT = re.compile(r"-?\d+(?:\.\d+)?")


@dataclass(frozen=True)
class Levels:
    """How a classified table nests: its resource, code and name fields, code lengths by level, and its columns."""

    resource: str
    code: str
    name: str
    lengths: tuple[int, ...]  # code length of each level, top first
    columns: tuple[tuple[str, str], tuple[str, str], tuple[str, str]]  # (field, printed label): the total, then its two parts
    below: str  # what a detail calls a parent's lower-level rows
    below_zh: str
    levels_check: str
    split_check: str


FUNCTION = Levels(
    "expenditure_by_function",
    "function_code",
    "function_name",
    (3, 5, 7),
    (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")),
    "lower-level rows",
    "下级科目",
    "function-levels-add-up",
    "function-basic-plus-project",
)
ECONOMIC = Levels(
    "basic_expenditure_by_economic",
    "economic_code",
    "economic_name",
    (3, 5),
    (("total", "合计"), ("personnel", "人员经费"), ("public", "公用经费")),
    "items",
    "款",
    "economic-levels-add-up",
    "economic-personnel-plus-public",
)


def row_key(row: Row, levels: Levels) -> str:
    """A row's key in subjects and ``doubts.key``: its code, with the 政府预算经济分类 code where one is printed beside it."""
    gov = row.get("government_economic_code")
    return f"{row[levels.code]}/{gov}" if gov else str(row[levels.code])


def children(rows: list[Row], parent: Row, levels: Levels) -> list[Row]:
    """The rows one level below ``parent``, or two levels below where the table skips the level between.

    Where the table prints a 政府预算经济分类 code beside each row, a class printed once under each
    政府 class (301 under 501 and under 505) has only the items of its own 政府 class.
    """
    code, field, lengths = parent[levels.code], levels.code, levels.lengths
    gov = parent.get("government_economic_code")
    if gov:
        rows = [r for r in rows if not r.get("government_economic_code") or str(r["government_economic_code"]).startswith(gov)]
    depth = lengths.index(len(code))
    kids = [r for r in rows if len(r[field]) == lengths[depth + 1] and r[field].startswith(code)]
    if kids or depth + 2 >= len(lengths):
        return kids
    printed = {r[field] for r in rows}
    return [r for r in rows if len(r[field]) == lengths[depth + 2] and r[field].startswith(code) and r[field][: lengths[depth + 1]] not in printed]


def doubt_key(row: Row, levels: Levels, col: str, phase: str) -> str:
    """The ``doubts.key`` of one cell: the row's key, its phase (the row's own, else ``phase``) and the column."""
    return f"{row_key(row, levels)}/{row.get('phase') or phase}/{col}"


def _doubt(c: Checker, levels: Levels, rows: list[Row], col: str) -> str | None:
    """Why the build doubts a blank cell of the column in any of the rows, or None."""
    phase = phase_of(c.d)
    return c.doubt(levels.resource, *(doubt_key(r, levels, col, phase) for r in rows if r.get(col) is None))


def _row_name(row: Row, levels: Levels) -> str:
    return f"{titled(row.get('source_table'))}中 {row[levels.code]}“{row[levels.name]}”"


def unplaced_rows_explain(c: Checker, levels: Levels, parent: Row, kids: list[Row], col: str, phase: str) -> str | None:
    """Why a parent's sum cannot be judged: rows of its table the build could not place (no code for their printed
    name, in doubts by name) whose figures make up the gap, within the parts' rounding; else None.

    An item-only table prints names, not codes; a name the official list does not have under the parent (a 2026
    rename, 法治建设 for 法制建设) is doubted, and the parent's sum lacks it: the gap is the build's, not the document's.
    """
    value = parent.get(col)
    parts = [k[col] for k in kids if k.get(col) is not None]
    if value is None or not parts:
        return None
    gap = value - sum(parts, Decimal(0))
    if gap == 0:
        return None
    unplaced = [
        d
        for d in c.d.rows.get("doubts", [])
        if d.get("resource") == levels.resource
        and d.get("source_table") == parent.get("source_table")
        and not str(d.get("key", "")).split("/")[0].isdigit()
        and str(d.get("key", "")).endswith(f"/{phase}/{col}")
    ]
    figures = [(d, Decimal(str(d["read_value"]).replace(",", ""))) for d in unplaced[:12] if AMOUNT.fullmatch(str(d.get("read_value", "")).replace(",", ""))]
    slack = Decimal("0.01") * (len(parts) + 1)
    for size in range(1, min(len(figures), 4) + 1):
        for chosen in combinations(figures, size):
            if abs(gap - sum((v for _, v in chosen), Decimal(0))) <= slack:
                return c.doubt(levels.resource, *(str(d["key"]) for d, _ in chosen))
    return None


def repeated_codes(c: Checker, levels: Levels) -> set[str]:
    """The codes the table printed again with other amounts (a group of rows for each unit): only the first row was kept."""
    found = (re.match(rf"{levels.resource} (\d+) ", p.message) for p in c.d.problems if p.code == "repeated-row")
    return {m.group(1) for m in found if m}


def levels_add_up(c: Checker, rows: list[Row], levels: Levels, phase: str | None = None) -> None:
    """Record each parent's columns against the sum of its children, then each row's total against its two parts.

    The rows are of one phase (the disclosure's own unless told). Subject: the row's key and the column
    (``201/basic``) for the levels, the row's key for its columns; ``/<phase>`` added for another phase.
    """
    phase = phase or phase_of(c.d)
    zh, en = phase_zh(phase, c.d), phase_en(phase, c.d)

    def doubt(cells: list[Row], cols: tuple[str, ...]) -> str | None:
        return c.doubt(levels.resource, *(doubt_key(r, levels, col, phase) for r in cells for col in cols if r.get(col) is None))

    repeated = repeated_codes(c, levels)
    for parent in rows:
        code = parent[levels.code]
        if len(code) not in levels.lengths[:-1]:
            continue
        kids = children(rows, parent, levels)
        again = [str(r[levels.code]) for r in [parent, *kids] if r[levels.code] in repeated]
        for col, label in levels.columns:
            why = doubt([parent, *kids], (col,)) if kids else None
            if again and kids and not why and parent.get(col) is not None:
                why = f"科目 {'、'.join(again[:3])}{'等' if len(again) > 3 else ''} 在表中重复印出且金额不同（如按所属单位分组列示），只读入了第一次印出的一行，其下级之和无法核对"
            c.compare(
                levels.levels_check,
                phased(f"{row_key(parent, levels)}/{col}", phase, c.d),
                side(f"{_row_name(parent, levels)}的{zh}“{label}”", parent.get(col), parent.get("page")),
                [k.get(col) for k in kids],
                f"其下 {len(kids)} 个{levels.below_zh}的{zh}“{label}”之和",
                f"{parent['source_table']}: {label}{en} of {code} {parent[levels.name]} against the sum of its {len(kids)} {levels.below}",
                parts_pages=[k.get("page") for k in kids],
                doubt=why or (unplaced_rows_explain(c, levels, parent, kids, col, phase) if kids else None),
            )
    (total, _), (first, first_label), (second, second_label) = levels.columns
    for row in rows:
        c.compare(
            levels.split_check,
            phased(row_key(row, levels), phase, c.d),
            side(f"{_row_name(row, levels)}的{zh}“合计”", row.get(total), row.get("page")),
            [row.get(first), row.get(second)],
            f"{zh}“{first_label}” + “{second_label}”",
            f"{row['source_table']}: 合计{en} of {row[levels.code]} {row[levels.name]} against {first_label} + {second_label}",
            parts_pages=[row.get("page")],
            doubt=doubt([row], (total, first, second)),
        )


CARRIED = "一般公共预算支出可含上年结转的一般公共预算资金，文件的“上年结转”未按资金分列，支出与当年一般公共预算收入之差在上年结转之内，无法核对"


def carried_over(totals: dict[str, Row], revenue: Decimal, parts: list[Decimal | None]) -> str | None:
    """Why the function table's sum cannot be held to the 一般公共预算 revenue line: it exceeds it by no more than the 上年结转.

    The 收支总表's 一般公共预算 line is this year's money; the function table spends last year's carried over too.
    """
    carry = totals.get("carryover_in", {}).get("amount")
    values = [p for p in parts if p is not None]
    gap = sum(values, Decimal(0)) - revenue
    if carry and 0 < gap <= carry + Decimal("0.01") * len(values):
        return CARRIED
    return None


# A final account's 一般公共预算财政拨款支出 spends from its 年初结转和结余 and leaves its 年末结转和结余 unspent:
# it equals the year's 一般公共预算 revenue only where nothing is carried, and the 收支总表 does not say whose the carry-over is.
CARRIED_FINAL = "决算的一般公共预算财政拨款支出含动用的年初结转和结余、不含年末结转和结余，收入支出决算总表印有结转结余时不必等于本年一般公共预算财政拨款收入"


def check_function_levels(c: Checker) -> None:
    """Function rows add up by level and column, and the top level to the year's expenditure (subject: what it is compared with).

    A final account's other phases (年初预算数, 全年预算数) add up by level on their own, their subjects ending in the phase.
    """
    table_rows = [r for r in c.d.rows.get("expenditure_by_function", []) if r["origin"] == "table" and r.get("function_code")]
    own_phase = phase_of(c.d)
    rows = [r for r in table_rows if in_phase(r, own_phase, c.d)]
    levels_add_up(c, rows, FUNCTION)
    top = [r for r in rows if len(r["function_code"]) == 3] or [r for r in rows if len(r["function_code"]) == 7]
    totals = table_totals(c.d)
    target = totals.get("expenditure_current_year")
    level = "类级" if top and len(top[0]["function_code"]) == 3 else "项级"
    table = titled(top[0].get("source_table")) if top else ""
    tops = side(f"{table}{len(top)} 个{level}科目的“合计”之和", None, [r.get("page") for r in top])
    doubt = _doubt(c, FUNCTION, top, "total")
    # The function table covers the 一般公共预算 only; where other money is spent too, its sum is
    # the 一般公共预算 revenue line, not the year's whole expenditure.
    revenue = table_revenue(c.d)
    if top and target:
        if has_other_funds(revenue) and revenue.get("general_public_budget"):
            line = next(r for r in c.d.rows.get("revenue_by_source", []) if r["origin"] == "table" and r["source"] == "general_public_budget" and r.get("amount"))
            subject, against = "general_public_budget", side(f"{titled(target['source_table'])}的“一般公共预算”收入", revenue["general_public_budget"], line.get("page"))
            what = f"the 一般公共预算 revenue of the {target['source_table']}"
            if c.d.meta.get("kind") == "final_account" and any(totals.get(m, {}).get("amount") for m in ("carryover_in", "carryover_out")):
                doubt = doubt or CARRIED_FINAL
            carried = None if doubt else carried_over(totals, revenue["general_public_budget"], [r.get("total") for r in top])
            if carried is not None:
                summed = sum((r["total"] for r in top if r.get("total") is not None), Decimal(0))
                en = f"sum of the function table's {len(top)} top-level rows against {what} (not comparable: 上年结转)"
                c.result("function-sum-matches-total", "general_public_budget", None, against, side(tops.name, summed, tops.pages), en, reason=carried)
                top = []
        else:
            subject, against = "expenditure_current_year", side(f"{titled(target['source_table'])}的“本年支出合计”", target["amount"], target.get("page"))
            what = f"本年支出合计 of the {target['source_table']}"
        c.compare(
            "function-sum-matches-total",
            subject,
            against,
            [r.get("total") for r in top],
            tops.name,
            f"sum of the function table's {len(top)} top-level rows against {what}",
            parts_pages=tops.pages,
            doubt=doubt,
        )
    for phase in phases_in(table_rows, c.d):  # a final account's other phases: each adds up on its own
        if phase != own_phase:
            levels_add_up(c, [r for r in table_rows if in_phase(r, phase, c.d)], FUNCTION, phase)


def check_economic_levels(c: Checker) -> None:
    """Economic rows add up by level and column, and the items to the 基本支出表's own totals (subject: the total's metric)."""
    rows = [r for r in c.d.rows.get("basic_expenditure_by_economic", []) if r.get("economic_code") and in_phase(r, phase_of(c.d), c.d)]
    levels_add_up(c, rows, ECONOMIC)
    # the table's own total row (kept under its title), not the department's headline figure
    tables = {r["source_table"] for r in rows}
    own = {r["metric"]: r for r in c.d.evidence.table_totals if r.get("source_table") in tables and in_phase(r, phase_of(c.d), c.d)}
    own.update({r["metric"]: r for r in c.d.evidence.basic_table_totals})
    leaves = [r for r in rows if len(r["economic_code"]) == 5] or rows
    for metric, col, label in (("basic_expenditure", "total", "基本支出"), ("personnel_expenditure", "personnel", "人员经费"), ("public_expenditure", "public", "公用经费")):
        if metric in own and leaves:
            c.compare(
                "economic-sum-matches-total",
                metric,
                side(f"{titled(own[metric].get('source_table'))}合计行的“{label}”", own[metric]["amount"], own[metric].get("page")),
                [r.get(col) for r in leaves],
                f"其 {len(leaves)} 个经济分类科目的“{label}”之和",
                f"sum of the {len(leaves)} economic items' {label} against the table's {label} total",
                parts_pages=[r.get("page") for r in leaves],
                doubt=_doubt(c, ECONOMIC, leaves, col),
            )


CHECKS: tuple[Check, ...] = (check_function_levels, check_economic_levels)

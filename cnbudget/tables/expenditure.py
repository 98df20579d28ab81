"""支出总表: expenditure by function class, or, in some templates, one row of uses (基本支出, 项目支出 …)."""

from __future__ import annotations

import re

from cnbudget.amounts import parse_amount, to_wan
from cnbudget.model import Block
from cnbudget.strings import compact
from cnbudget.tables.common import Context, aligned_grid
from cnbudget.tables.function import collect_function_table, merge_function_tables
from cnbudget.tables.kind import TableKind
from cnbudget.tables.summary import USES

# a 支出总表 printed as one row: the 收支总表's 支出用途 and its total and carryover
EXPENDITURE_USES: tuple[tuple[str, str], ...] = (
    (r"^(?:合计|总计|本年支出合计)$", "expenditure_current_year"),
    *USES,
    (r"^(?:结转下年|年末结转)", "carryover_out"),
)


def read_expenditure_uses(block: Block, ctx: Context) -> bool:
    """A 支出总表 printed as one row of uses (合计, 基本支出, 项目支出 …) with no function codes."""
    grid = aligned_grid(block)
    if grid is None:
        return False
    metrics = {j: next((m for pat, m in EXPENDITURE_USES if re.search(pat, label.rsplit("/", 1)[-1])), None) for j, label in enumerate(grid.labels)}
    if not {"basic_expenditure", "project_expenditure"} <= set(metrics.values()):
        return False
    rows = [r for r in grid.rows if any(parse_amount(c) is not None for c in r.cells)]
    if len(rows) != 1 or any(re.fullmatch(r"\d{3,7}", compact(c)) for c in rows[0].cells):
        return False  # rows by function code are the function reader's
    factor = ctx.factor(block)
    for j, metric in metrics.items():
        value = parse_amount(rows[0].cells[j])
        if metric is not None and value is not None:
            ctx.add_total(metric, to_wan(value, factor), rows[0].page, block.title)
    return True


def read_expenditure(block: Block, ctx: Context) -> None:
    """A 支出总表 of uses into ``totals``; otherwise its rows by function, kept for the merge."""
    if not read_expenditure_uses(block, ctx):
        collect_function_table(block, ctx)


def add_expenditure_totals(ctx: Context) -> None:
    """The 支出总表's 基本支出 and 项目支出 (its 合计 row) as ``totals``."""
    for block, cols in ctx.tables.get("function_totals", []):
        if block.kind != EXPENDITURE.name:
            continue
        for metric, col in (("basic_expenditure", "basic"), ("project_expenditure", "project")):
            if cols.get(col) is not None:
                ctx.add_total(metric, cols[col], block.page, block.title, file=block.file)


EXPENDITURE = TableKind(
    "expenditure",
    r"支出(?:预算|决算)?(?:总)?(?:体情况)?表",
    "支出总表",
    ("totals", "expenditure_by_function"),
    read_expenditure,
    finish=(merge_function_tables, add_expenditure_totals),
)

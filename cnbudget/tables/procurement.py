"""政府采购预算表: the department's government procurement, one headline figure.

The table lists purchases by category (货物, 工程, 服务) or by item; its 合计 row is the
``government_procurement`` total the prose states too. A 决算 template prints planned and
actual procurement side by side: there the figure is the actual one, read by its column.
The category rows (“一、货物A”, “服务类”) are kept as evidence, in the column the total was
read from, for the check that adds them up (``checks.procurement``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import parse_amount, to_wan
from cnbudget.model import Block
from cnbudget.strings import compact
from cnbudget.tables.common import TOTAL_RE, Context, aligned_grid, header_text, split_block_rows
from cnbudget.tables.kind import TableKind


def read_procurement(block: Block, ctx: Context) -> None:
    """The table's 合计 (its first amount: the 总计 column) as ``totals.government_procurement``."""
    if "实际" in header_text(block):
        _read_actual(block, ctx)
        return
    if _read_total_column(block, ctx):
        return
    for row in split_block_rows(block):
        if not row.lead and row.values and TOTAL_RE.search(row.compact):
            ctx.add_total("government_procurement", to_wan(row.values[0], ctx.factor(block)), row.page, block.title)
            _keep_parts(block, ctx, [(compact(" ".join(r.middle)), r.values[0] if r.values else None, r.page) for r in split_block_rows(block) if not r.lead])
            return


# a category row: “一、货物A”, “货物类”, “服务”; not an item under it (“办公设备购置”) nor a 小计 of a fund
PART_RE = re.compile(r"^(?:[一二三四]、)?(货物|工程|服务)类?[A-CＡ-Ｃ]?$")


def _keep_parts(block: Block, ctx: Context, rows: list[tuple[str, Decimal | None, int | None]]) -> None:
    """The category rows' amounts (``evidence.procurement_parts``), each category once; a category printed twice is none."""
    found: dict[str, list[tuple[Decimal | None, int | None]]] = {}
    for label, value, page in rows:
        m = PART_RE.match(label)
        if m is not None:
            found.setdefault(m.group(1), []).append((value, page))
    for part, seen in found.items():
        if len(seen) == 1:
            value, page = seen[0]
            amount = to_wan(value, ctx.factor(block)) if value is not None else None
            ctx.disclosure.evidence.procurement_parts.append({"part": part, "amount": amount, "page": page, "source_table": block.title, "phase": ctx.phase})


def _label(cells: tuple[str, ...]) -> str:
    """A row's words before its total column, without the amounts of the columns before it (a fund's figures)."""
    return compact("".join(cell for cell in cells if parse_amount(cell) is None))


def _read_total_column(block: Block, ctx: Context) -> bool:
    """The 合计 row's cell under a 总计 (or 合计) column the header names on its own, after the columns of its parts.

    A Jiangsu 政府采购支出表 prints 资金来源 (一般公共预算资金 | 政府性基金 | …) first and the 总计 last: its
    first amount is one fund's.
    """
    grid = aligned_grid(block)
    if grid is None:
        return False
    columns = [j for j, label in enumerate(grid.labels) if compact(label).strip("/") in ("总计", "合计")]
    if len(columns) != 1 or columns[0] == 0:
        return False
    for line in grid.rows:
        if any(TOTAL_RE.search(compact(cell)) for cell in line.cells[: columns[0]]) and not any(cell.strip() and parse_amount(cell) is None and not TOTAL_RE.search(compact(cell)) for cell in line.cells[: columns[0]]):
            value = parse_amount(line.cells[columns[0]])
            if value is not None:
                ctx.add_total("government_procurement", to_wan(value, ctx.factor(block)), line.page, block.title)
                _keep_parts(block, ctx, [(_label(row.cells[: columns[0]]), parse_amount(row.cells[columns[0]]), row.page) for row in grid.rows])
                return True
    return False


def _read_actual(block: Block, ctx: Context) -> None:
    """The 合计 of the actual procurement column, where planned and actual are printed side by side."""
    grid = aligned_grid(block)
    column = next((j for j, label in enumerate(grid.labels) if "实际" in label), None) if grid is not None else None
    if grid is None or column is None:
        ctx.problem("ambiguous-columns", f"{block.title}: planned and actual procurement are printed side by side and the columns cannot be told apart; no total is published", block.page)
        return
    for line in grid.rows:
        if any(TOTAL_RE.search(compact(cell)) for cell in line.cells[:column]):
            value = parse_amount(line.cells[column])
            if value is not None:
                ctx.add_total("government_procurement", to_wan(value, ctx.factor(block)), line.page, block.title, "executed")
            return


PROCUREMENT = TableKind("procurement", r"政府采购.{0,12}表", "政府采购预算表", ("totals",), read_procurement)

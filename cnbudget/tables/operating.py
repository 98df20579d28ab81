"""机关运行经费表: the unit's operating funds, a total and its economic items."""

from __future__ import annotations

from cnbudget.amounts import to_wan
from cnbudget.model import Block
from cnbudget.tables.common import TOTAL_RE, Context, split_block_rows
from cnbudget.tables.kind import TableKind


def read_operating_funds(block: Block, ctx: Context) -> None:
    """The table's 合计 as ``totals.operating_funds`` (its items repeat the basic expenditure table)."""
    factor = ctx.factor(block)
    for row in split_block_rows(block):
        if not row.lead and row.values and TOTAL_RE.search(row.compact):
            ctx.add_total("operating_funds", to_wan(row.values[0], factor), row.page, block.title)
            return


OPERATING_FUNDS = TableKind("operating_funds", r"机关运行经费(?:支出)?(?:预算|决算)?(?:明细)?(?:情况)?表", "机关运行经费表", ("totals",), read_operating_funds)

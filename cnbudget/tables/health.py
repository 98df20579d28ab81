"""医疗卫生计生机构收支决算总表 (国卫财01-1表): the health system's own form of a hospital's final account.

Not the 部门决算's 收支总表: one row per function code, and across it the year's money in groups
of columns (上年结转和结余, 本年收入, 本年支出, 收支结余, 结余分配, 年末结转和结余: 26 columns in all,
numbered by a 栏次 row). Only its 合计 row is read, and of it only the 本年收入 and 本年支出 totals:
the first of its amounts that less a later one leaves a third, later still (本年收入 − 本年支出 =
收支结余), in the order the header names those three groups. A 合计 row where no amounts agree so
is not read. Cells may come one a line (`62,011,988.25 |`, a blank cell a bare `|`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import parse_amount, to_wan
from cnbudget.model import Block
from cnbudget.strings import compact
from cnbudget.tables.common import Context
from cnbudget.tables.kind import TableKind

_CODE = re.compile(r"^\d{3,7}$")
_HEADER = re.compile(r"本年收入.*本年支出.*收支结余")


def block_cells(block: Block) -> list[str]:
    """Every cell of the block in reading order, blank ones kept (a line of `|`-ended cells, or of tabbed ones)."""
    out: list[str] = []
    for line in block.lines[1:]:
        cells = list(line.cells)
        if len(cells) == 1 and "|" in cells[0]:
            cells = cells[0].split("|")[:-1]  # `a |`: one cell; a bare `|`: a blank one
        out.extend(compact(cell) for cell in cells)
    return out


def total_row(cells: list[str]) -> list[Decimal | None]:
    """The amounts of the 合计 row that follows the header, up to the first function code.

    The header's own 合计 cells (a group's first column) are followed by words, the 栏次 row by its
    numbers: the 合计 row is the first 合计 whose next filled cell is an amount with decimals.
    """

    def opens_row(i: int) -> bool:
        following = next((cell for cell in cells[i + 1 :] if cell), "")
        return cells[i] == "合计" and "." in following and parse_amount(following) is not None and bool(_HEADER.search("".join(cells[:i])))

    start = next((i for i in range(len(cells)) if opens_row(i)), None)
    if start is None:
        return []
    row: list[Decimal | None] = []
    for cell in cells[start + 1 :]:
        if _CODE.match(cell):
            break
        row.append(parse_amount(cell) if cell else None)
    return row


def revenue_and_expenditure(row: list[Decimal | None]) -> tuple[Decimal, Decimal] | None:
    """The first (本年收入, 本年支出) of the row whose difference the row prints after them, or None."""
    for i, revenue in enumerate(row):
        for j in range(i + 1, len(row)):
            spent = row[j]
            if revenue is None or spent is None or revenue == spent:
                continue
            if any(balance == revenue - spent for balance in row[j + 1 :] if balance is not None):
                return revenue, spent
    return None


def read_health_summary(block: Block, ctx: Context) -> None:
    """The form's 本年收入 and 本年支出 as ``totals`` (in the block's unit, usually 元)."""
    found = revenue_and_expenditure(total_row(block_cells(block)))
    if found is None:
        return
    factor = ctx.factor(block)
    page = block.lines[0].page if block.lines else None
    ctx.add_total("revenue_current_year", to_wan(found[0], factor), page, block.title)
    ctx.add_total("expenditure_current_year", to_wan(found[1], factor), page, block.title)


HEALTH_SUMMARY = TableKind(
    "health_summary", r"医疗卫生(?:计生)?机构收支(?:预算|决算)?总表", "医疗卫生机构收支总表", ("totals",), read_health_summary
)

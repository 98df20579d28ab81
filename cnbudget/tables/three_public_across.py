"""A “三公”经费表 printed a cell a line, its items across and one row of figures, each group named by its year and phase.

The central departments' 2011 template (“三公经费”财政拨款情况表) prints, under 单位：万元, a group
header per year (2010年“三公经费”财政拨款决算数 | 2011年“三公经费”财政拨款预算数), the items of each group
(合计 | 因公出国（境）费 | 公务用车购置及运行费 | 公务接待费) and one row of figures. A web page's copy
prints every cell on a line of its own, closed by a bar alone on the next line, and a long cell
broken over two lines (因公出国 / （境）费) before its bar::

    2010年“三公经费”财政拨款决算数 / | / 2011年“三公经费”财政拨款预算数 / | / 合 计 / | / 因公出国 /
    （境）费 / | / … / 9784.31 / | / 992.20 / | / …

Where every cell is closed by its bar, the lines between two bars are one cell, and the header says
where each figure goes: the n-th figure is the n-th item named, the items of each group in the
group's order. It is read only where that is certain: as many figures as items named, every group
naming the same items once each (three at least, 合计 among them), each group's year and phase named,
and in each group the 合计 equal to the sum of its parts exactly. Anything else is left to the other
readers of the table.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.amounts import declared_unit, parse_amount, to_wan
from cnbudget.model import Block
from cnbudget.strings import compact
from cnbudget.tables.common import Context
from cnbudget.tables.phases import phase_of
from cnbudget.tables.three_public_headless import IDENTITIES
from cnbudget.tables.three_public_text import YEAR, add_figure, item_of

__all__ = ["read_named_across"]


def _barred_cells(block: Block) -> list[str] | None:
    """The block's cells, each the lines before the bar alone that closes it; None where the lines are not so printed.

    Every cell's lines must be followed by a bar alone: a bar beside text (``合 计 |``) or two bars in a
    row (a blank cell, or a row's end: not told apart) mean the bars do not close one cell each, and
    the block is not this layout. The lines after the last bar are the prose after the table.
    """
    body = [compact(line.text) for line in block.lines[1:] if compact(line.text)]
    while body and declared_unit(body[0]) and body[0] != "|":
        body = body[1:]  # 单位：万元 over the header
    cells: list[str] = []
    open_lines: list[str] = []
    for text in body:
        if text == "|":
            if not open_lines:
                return None
            cells.append("".join(open_lines))
            open_lines = []
        elif "|" in text:
            return None
        else:
            open_lines.append(text)
    # the lines after the last bar are the prose after the table (有关情况说明如下：…), no cell of it
    return cells if len(cells) >= 8 else None


def _groups_items_figures(cells: list[str]) -> tuple[list[str], list[str], list[Decimal]] | None:
    """The group headers, the items named under them and the figures, in the order printed; None where the cells do not fall so."""
    i = 0
    groups: list[str] = []
    while i < len(cells) and YEAR.search(cells[i]) and phase_of(cells[i]) is not None and parse_amount(cells[i]) is None:
        groups.append(cells[i])
        i += 1
    items: list[str] = []
    while i < len(cells) and parse_amount(cells[i]) is None and item_of(cells[i]) is not None:
        items.append(str(item_of(cells[i])))
        i += 1
    figures: list[Decimal] = []
    while i < len(cells) and (value := parse_amount(cells[i])) is not None:
        figures.append(value)
        i += 1
    if not groups or not items or len(items) != len(figures) or len(items) % len(groups):
        return None
    return groups, items, figures


def _holds(values: dict[str, Decimal]) -> bool:
    """Whether every total the group prints with any of its parts equals their sum exactly (and 合计 has a part printed)."""
    checked = False
    for parent, parts in IDENTITIES:
        printed = [values[p] for p in parts if p in values]
        if parent in values and printed:
            if values[parent] != sum(printed, Decimal(0)):
                return False
            checked = checked or parent == "total"
    return checked


def read_named_across(block: Block, ctx: Context) -> bool:
    """The figures of a barred cell-a-line 三公 table whose header names each figure's item, year and phase; False if it is not one."""
    cells = _barred_cells(block)
    found = _groups_items_figures(cells) if cells is not None else None
    if found is None:
        return False
    groups, items, figures = found
    width = len(items) // len(groups)
    own = items[:width]
    if len(set(own)) != width or width < 3 or "total" not in own or any(items[n * width : (n + 1) * width] != own for n in range(len(groups))):
        return False
    named: list[tuple[int, str]] = []
    for label in groups:
        years = {int(y) for y in YEAR.findall(label)}
        phase = phase_of(label, ctx.three_public_budget)
        if len(years) != 1 or phase is None:
            return False
        named.append((years.pop(), phase))
    if len(set(named)) != len(named):
        return False
    values = [dict(zip(own, figures[n * width : (n + 1) * width])) for n in range(len(groups))]
    if not all(_holds(v) for v in values):
        return False
    factor = ctx.factor(block)
    page = block.page
    for (year, phase), group in zip(named, values):
        for item in own:
            add_figure(ctx, block, item, year, phase, to_wan(group[item], factor), page)
    return True

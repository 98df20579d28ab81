"""A “三公”经费表 printed a cell a line whose header row was lost: read only where its figures prove its rows.

A web page's 三公 table copied as text sometimes loses its header row (项目 | 预算数 | 决算数) and the
label of its first row (合计): what is left is the total's figures, then each item's label and its
figures, one to a line::

    63.30 / 42.00 / 因公出国(境)费 / 0.00 / 0.00 / 公务接待费 / 50.50 / 30.00 / 公务用车购置及运行维护费 /
    12.80 / 12.00 / 其中:公务用车运行维护费 / 12.80 / 12.00 / 公务用车购置费 / 0.00 / 0.00

Nothing names the columns, so the table is read only where the figures themselves prove the rows:
every item printed once with as many figures as the first row, and in every column the first row
equals 因公出国 + 公务接待 + 公务用车 and 公务用车 equals 购置 + 运行 exactly. Of the columns, only the
last is read, as the phase the table's title names (…支出决算表: 决算数; …预算表: 预算数), which must
be the disclosure's own: the template prints it last (预算数 | 决算数). A column before it (a final
account's 预算数,年初 or 全年, a budget's last year) cannot be named without the header: its figures
go to ``doubts``. A budget's table with two columns is not read (上年 | 本年 or 本年 | 上年 is not said).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount, parse_amount
from cnbudget.model import Block, Line
from cnbudget.schema.names import ITEM_NAMES
from cnbudget.strings import compact
from cnbudget.tables.common import Context, Grid
from cnbudget.tables.phases import PHASE_WORDS, phase_of
from cnbudget.tables.three_public_cells import row_items
from cnbudget.tables.three_public_text import item_of

__all__ = ["IDENTITIES", "headless_rows"]

# each 三公 total and its parts, as the template prints them
IDENTITIES = (
    ("total", ("outbound_travel", "vehicle_total", "reception")),
    ("vehicle_total", ("vehicle_purchase", "vehicle_operation")),
)
_ALL = frozenset(ITEM_NAMES)  # every 三公 item, as the schema names them
# a line before the table's cells: its unit (单位:万元) or its number (公开08表)
_PREAMBLE = re.compile(r".*[:：].*|.{0,4}\d+(?:-\d+)?表")


def _rows(texts: list[str]) -> list[tuple[str | None, list[Decimal]]] | None:
    """The rows of the cells: (label, figures), the first one's label None where it was lost; None where a cell is neither."""
    rows: list[tuple[str | None, list[Decimal]]] = []
    for text in texts:
        value = parse_amount(text)
        if value is not None:
            if not rows:
                rows.append((None, []))
            rows[-1][1].append(value)
        elif re.search(r"[\u4e00-\u9fff]", text):
            rows.append((text, []))
        else:
            return None
    while rows and not rows[-1][1] and rows[-1][0] is not None and (rows[-1][0].startswith("注") or item_of(rows[-1][0]) is None):
        rows.pop()  # a note under the table (注：本表反映…“三公”经费…)
    return rows


def _holds(values: dict[str, Decimal]) -> bool:
    return all(values[total] == sum((values[p] for p in parts), Decimal(0)) for total, parts in IDENTITIES)


def headless_rows(block: Block, ctx: Context) -> Grid | None:
    """The table's last column as a Grid (项目 | 决算数 or 预算数, the first row 合计), or None where the figures do not prove it.

    The figures of a column before the last go to ``doubts`` (its phase or year is not printed).
    """
    lines = [line for line in block.lines[1:] if compact(line.text)]
    if not lines or any(len(line.cells) > 1 for line in lines):
        return None
    texts = [compact(line.text) for line in lines]
    if any(text == "项目" or PHASE_WORDS.fullmatch(text) for text in texts):
        return None  # a header is printed: the header's readers read it
    start = 0
    while start < len(texts) and _PREAMBLE.fullmatch(texts[start]) and parse_amount(texts[start]) is None:
        start += 1
    rows = _rows(texts[start:])
    own = phase_of(block.title)
    if not rows or own is None or own != ctx.phase or ctx.fiscal_year is None:
        return None
    width = len(rows[0][1])
    if width not in (1, 2) or (width == 2 and own != "executed") or any(len(figures) != width for _, figures in rows):
        return None
    first = rows[0][0]
    if first is not None and item_of(first) != "total":
        return None
    items = row_items([first or "合计", *(label or "" for label, _ in rows[1:])], item_of)
    if len(rows) != len(_ALL) or set(items.values()) != _ALL:
        return None  # an item missing, repeated or not a 三公 item
    columns = [{str(items[i]): figures[c] for i, (_, figures) in enumerate(rows)} for c in range(width)]
    if not all(_holds(values) for values in columns):
        return None
    page = lines[start].page if start < len(lines) else block.lines[0].page
    for item, value in columns[0].items() if width == 2 else ():
        reason = f"“三公”经费表的表头没有印出，“{ITEM_NAMES[item]}”一行前一栏的数（{format_amount(value)}）是年初预算数还是全年预算数无法确定，只读决算数一栏"
        ctx.doubt("three_public", f"{ctx.fiscal_year}/{item}/amount", format_amount(value), reason, page, block.title)
    head = "决算数" if own == "executed" else "预算数"
    grid_rows = [Line(page, (first or "合计" if i == 0 else str(label), format_amount(figures[-1]))) for i, (label, figures) in enumerate(rows)]
    return Grid(["项目", head], grid_rows)

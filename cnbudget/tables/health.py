"""医疗卫生计生机构收支决算总表 (国卫财01-1表): the health system's own form of a hospital's final account.

Not the 部门决算's 收支总表: one row per function code, and across it the year's money in groups
of columns (上年结转和结余, 本年收入, 本年支出, 收支结余, 结余分配, 年末结转和结余: 26 columns in all,
numbered by a 栏次 row). Only its 合计 row is read, and of it only the 本年收入 and 本年支出 totals.

Where the page prints every cell, blanks included (one a line, `62,011,988.25 |`, a blank cell a bare
`|`), the two columns are named by the header (``header_columns``): its groups, each group's columns
under it (合计 first), and the 小计 | 其中 pairs that split a column in two; the 合计 row must print as
many cells as the 栏次 row numbers. Else the two are told by arithmetic: the first of the row's amounts
that less a later one leaves a third, later still (本年收入 − 本年支出 = 收支结余), in the order the
header names those three groups. Where both ways read and disagree, or neither reads, nothing is read.
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


def _header_parts(cells: list[str]) -> tuple[list[str], list[str], list[str], int] | None:
    """The header's groups, the columns under them, the 小计 | 其中 cells under those, and where the 栏次 cell is.

    The groups follow 项目 up to the name columns (支出功能分类科目编码 | 科目名称); the columns follow
    those up to the first 小计; the pairs follow up to 类款项 or 栏次. Blank cells are skipped.
    """
    filled = [(i, c) for i, c in enumerate(cells) if c]
    texts = [c for _, c in filled]
    if "项目" not in texts or "栏次" not in texts:
        return None
    k = texts.index("项目") + 1
    groups: list[str] = []
    while k < len(texts) and "科目编码" not in texts[k]:
        groups.append(texts[k])
        k += 1
    while k < len(texts) and re.search(r"科目编码|科目名称", texts[k]):
        k += 1
    columns: list[str] = []
    while k < len(texts) and texts[k] not in ("小计", "类款项", "栏次"):
        columns.append(texts[k])
        k += 1
    pairs: list[str] = []
    while k < len(texts) and texts[k] not in ("类款项", "栏次"):
        pairs.append(texts[k])
        k += 1
    if k >= len(texts) or texts[k] == "类款项" and (k + 1 >= len(texts) or texts[k + 1] != "栏次"):
        return None
    mark = filled[k + (texts[k] == "类款项")][0]
    return groups, columns, pairs, mark


def _widths(columns: list[str], pairs: list[str]) -> list[int] | None:
    """How many printed columns each header column spans: 2 where a 小计 | 其中:…X pair splits it (the next column ending in X), else 1."""
    widths = [1] * len(columns)
    at = 0
    for k in range(0, len(pairs), 2):
        if pairs[k] != "小计" or k + 1 >= len(pairs) or not pairs[k + 1].startswith("其中"):
            return None
        end = re.sub(r"^其中[:：]基本建设资金", "", pairs[k + 1])
        at = next((j for j in range(at, len(columns)) if columns[j].endswith(end) and not columns[j].startswith("合计")), -1)
        if not end or at < 0:
            return None
        widths[at] = 2
        at += 1
    return widths


def header_columns(cells: list[str]) -> tuple[Decimal, Decimal] | None:
    """The 合计 row's 本年收入 and 本年支出 (each group's 合计 column) as the header names them, or None where it cannot.

    Each group's columns open with 合计 (a group of one column, 用事业基金弥补收支差额, has none).
    The 本年收入 group is the one whose other columns all end in 收入, the 本年支出 group the next one,
    ending in 支出; every group before 本年收入 must have its own run of columns. The widths must add
    up to the 栏次 count, and the 合计 row print that many cells (and at most two blank ones after), as many as the
    function row under it.
    """
    parts = _header_parts(cells)
    if parts is None:
        return None
    groups, columns, pairs, mark = parts
    width_of = _widths(columns, pairs)
    n = 0
    while mark + 1 + n < len(cells) and cells[mark + 1 + n] == str(n + 1):
        n += 1
    runs = [j for j, c in enumerate(columns) if c == "合计"]
    if width_of is None or not runs or runs[0] != 0 or n != sum(width_of) + len(groups) - len(runs) or "本年收入" not in groups:
        return None
    spans = [(a, b) for a, b in zip(runs, [*runs[1:], len(columns)])]
    income = next((r for r, (a, b) in enumerate(spans) if b - a > 1 and all(c.endswith("收入") for c in columns[a + 1 : b])), None)
    g = groups.index("本年收入")
    if income is None or income != g or income + 1 >= len(spans) or groups[g + 1 : g + 2] != ["本年支出"]:
        return None
    a, b = spans[income + 1]
    if b - a < 2 or not all(c.endswith("支出") for c in columns[a + 1 : b]):
        return None
    revenue_at = sum(width_of[: spans[income][0]])
    spent_at = sum(width_of[:a])
    start = next((i for i in range(mark + 1 + n, len(cells)) if cells[i] == "合计"), None)
    if start is None:
        return None
    code = next((i for i in range(start + 1, len(cells)) if _CODE.match(cells[i])), None)
    after = next((i for i in range(code + 2, len(cells)) if _CODE.match(cells[i])), None) if code is not None else None
    if code is None or after is None:
        return None
    row = cells[start + 1 : code]
    # blank cells past the last column are the row's closing bar and the next row's opening one: as many
    # as the next row prints (a lost cell would shift every figure after it, and shows as one cell fewer)
    if len(row) != after - code - 2 or not n <= len(row) <= n + 2 or any(row[n:]):
        return None
    revenue, spent = parse_amount(row[revenue_at]), parse_amount(row[spent_at])
    return (revenue, spent) if revenue is not None and spent is not None else None


def read_health_summary(block: Block, ctx: Context) -> None:
    """The form's 本年收入 and 本年支出 as ``totals`` (in the block's unit, usually 元)."""
    cells = block_cells(block)
    named, added = header_columns(cells), revenue_and_expenditure(total_row(cells))
    if named is not None and added is not None and named != added:
        return  # the header and the arithmetic name different columns: which is right is not sure
    found = named or added
    if found is None:
        return
    factor = ctx.factor(block)
    page = block.lines[0].page if block.lines else None
    ctx.add_total("revenue_current_year", to_wan(found[0], factor), page, block.title)
    ctx.add_total("expenditure_current_year", to_wan(found[1], factor), page, block.title)


HEALTH_SUMMARY = TableKind(
    "health_summary", r"医疗卫生(?:计生)?机构收支(?:预算|决算)?总表", "医疗卫生机构收支总表", ("totals",), read_health_summary
)

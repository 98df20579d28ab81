"""“三公”经费表 printed as text: which item a label names, and the rows of a text layer's or a stacked table."""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount, parse_amount
from cnbudget.model import Block, Line
from cnbudget.strings import compact
from cnbudget.tables.common import Context, Grid
from cnbudget.tables.rows import split_row

# a count printed under the money (二、相关统计数: 团组数(个), 公务用车保有量(辆), 接待批次(批)): never a figure of money
COUNT = re.compile(r"组数|人数|人次|批次|保有量|购置数|[(（](?:个|人|辆|批|人次)[)）]")
# a total row: 合计, or 一、支出合计 (numbered as the first of the table's parts)
_TOTAL = re.compile(r"(?:[一二三四五六七八九十]+[、.．]|\d+[、.．])?(?:支出)?(?:合计|总计|小计)")
# a percentage printed in a row (增减幅度 -13%, 0.00%)
_PERCENT = re.compile(r"(?<=\s)[-－]?\d+(?:\.\d+)?%(?=\s|$)")
# 项 目 spaced out (a text layer's cell of two characters set wide) is the 项目 header all the same
_SPACED_HEAD = re.compile(r"^\s*项\s+目(?=\s)")
# a column's year: 2017年预算数, or its 年 printed as a dash (2016-执行数)
YEAR = re.compile(r"(20\d{2})\s*(?:年|-(?!\d))")


def add_figure(ctx: Context, block: Block, item: str, year: int, phase: str, amount: Decimal | None, page: int | None) -> None:
    """Returns nothing: publishes one figure of a “三公”经费表, in 万元.

    机关运行经费, printed in the table but no “三公” item, is the disclosure's ``operating_funds`` total where it is of
    the disclosure's year (another year's is nothing: the disclosure's totals are of its own year); any other item is a
    ``three_public`` row, and the year's 合计 the disclosure's ``three_public_total`` too.
    """
    if item == "operating_funds":
        if year == ctx.fiscal_year:
            ctx.add_total("operating_funds", amount, page, block.title, phase)
        return
    ctx.add("three_public", {"fiscal_year": year, "item": item, "phase": phase, "amount": amount, "origin": "table", "page": page})
    if item == "total" and year == ctx.fiscal_year:
        ctx.add_total("three_public_total", amount, page, block.title, phase)


def item_of(label: str) -> str | None:
    """The 三公 item a column's header path names; None for 会议费, 培训费 or a grand total."""
    parts = label.split("/")
    if re.search(r"会议费|培训费", label) or COUNT.search(label):
        return None
    if "机关运行经费" in label:
        return "operating_funds"
    if "因公出国" in label:
        return "outbound_travel"
    if re.search(r"公务(?:接待|招待)", label):  # 公务招待费: the older name
        return "reception"
    if "公务用车" in label:
        # the parent 公务用车购置及运行费 names both parts; a child names one
        child = "".join(p for p in parts if "购置及运行" not in p and "购置和运行" not in p)
        if "购置" in child:
            return "vehicle_purchase"
        if "运行" in child or "运维" in child:
            return "vehicle_operation"
        return "vehicle_total"
    if re.search(r"三公", label) or any(_TOTAL.fullmatch(part) for part in parts):
        return "total"
    return None


def spaced_slots(text: str, count: int) -> tuple[list[Decimal | None], bool] | None:
    """The amount cells that end ``text`` where its cells are joined by one space and a blank cell prints as a space.

    A run of 2k+1 spaces before a figure is k blank cells before it (a web table copied as text:
    ``一、支出合计   250000`` under ``项目 2016年执行数 2017年预算数`` prints its figure in the second
    column). None where a run is of an even length or the figures take more than ``count`` cells;
    with the cells, whether a run of three spaces or more was seen.
    """
    matches = list(re.finditer(r"( +)(\S+)", text))
    values = [parse_amount(m.group(2)) for m in matches]
    n = 0
    while n < len(values) and values[len(values) - 1 - n] is not None:
        n += 1
    slots: list[Decimal | None] = []
    wide = False
    for match, value in zip(matches[len(matches) - n :], values[len(values) - n :]):
        gap = len(match.group(1))
        if gap % 2 == 0:
            return None
        wide = wide or gap >= 3
        slots += [None] * ((gap - 1) // 2) + [value]
    return (slots + [None] * (count - len(slots)), wide) if len(slots) <= count else None


def _total_first(labels: list[str]) -> bool:
    """Whether the first amount column is the total of the funds printed after it (2017年预算数合计 | 公共财政预算拨款 | …).

    A row that prints one figure under such a header prints its total: either the figure is in the
    合计 column, or the 合计 is blank and the one fund printed is all the row holds.
    """
    return len(labels) > 2 and bool(re.search(r"(?:合计|小计|总计)$", compact(labels[1]))) and all(re.search(r"拨款|资金|收入", label) for label in labels[2:])


def text_grid(block: Block, ctx: Context) -> tuple[Grid, frozenset[str]] | None:
    """A text layer's 三公 table printed one item a row (cells by spaces) as a Grid.

    A row printing as many figures as the header has amount columns is read in order, one printing
    none is blank. Where the cells are joined by one space and a blank prints as a space (every run
    of spaces before a figure odd, one of three or more), each figure is in the cell the spaces
    give. Under a header whose first amount column is the total of the funds after it, a row of one
    figure gives its total. Any other row is blank, its figures in ``doubts`` (which columns they sit
    in is lost with the blanks): the items so doubted are returned with the grid.
    """
    if any(len(line.cells) > 1 for line in block.lines[1:]):
        return None
    # a rate of change (-13%, under 增减幅度) is no money: left out of the row and of the header
    lines = [Line(line.page, (_SPACED_HEAD.sub("项目", _PERCENT.sub("", line.text)),)) for line in block.lines[1:]]
    head = next((line.text.split() for line in lines if line.text.split()[:1] == ["项目"]), None)
    if head is None:
        return None
    labels = [t for t in head if not re.fullmatch(r"行次|栏次|序号", t) and not re.search(r"幅度|比率|百分比|%$", t)]
    width = len(labels)
    items = [(line, split_row(line)) for line in lines]
    items = [(line, row) for line, row in items if row.middle and item_of(row.compact) is not None and not row.lead]
    spaced = [spaced_slots(line.text, width - 1) for line, _ in items]
    by_spaces = all(s is not None for s in spaced) and any(s[1] for s in spaced if s is not None)
    total_first = _total_first(labels)
    if total_first:
        labels = labels[:2]
    rows: list[Line] = []
    unknown: set[str] = set()
    for (line, row), cells in zip(items, spaced):
        if by_spaces and cells is not None:
            rows.append(Line(line.page, (row.compact, *("" if v is None else format_amount(v) for v in cells[0][: len(labels) - 1]))))
            continue
        if len(row.values) in (0, width - 1) or (total_first and len(row.values) == 1):
            values = [format_amount(v) for v in row.values][: len(labels) - 1]
            rows.append(Line(line.page, (row.compact, *values, *([""] * (len(labels) - 1 - len(values))))))
            continue
        rows.append(Line(line.page, (row.compact, *([""] * (len(labels) - 1)))))
        read = ";".join(format_amount(v) for v in row.values)
        reason = f"“{row.name}”一行只印有 {len(row.values)} 个数（{read}），表头有 {width - 1} 栏，空白栏已丢失，无法确定各数属于哪一栏"
        unknown.add(str(item_of(row.compact)))
        ctx.doubt("three_public", f"{ctx.fiscal_year}/{item_of(row.compact)}/{ctx.phases_key}/amount", read, reason, line.page, block.title)
    return (Grid(labels, rows), frozenset(unknown)) if rows else None


# the one amount column's header of a table printed a cell a line: 预算数, 2016年决算数
_ONE_COLUMN = re.compile(r"(?:20\d{2}年度?)?(?:年初)?(?:预算|决算)数")


def _blank_corner(texts: list[str]) -> int | None:
    """Where a cell-a-line 三公 table prints its one amount column's header with no 项目 beside it, the total's figure unlabelled under it.

    Read so only where nothing before the header is a figure, and the figure is followed by an item's
    label: the figure under the header, before the first item, is the 合计 row's (its identities
    with the items are judged as any total's).
    """
    for i, text in enumerate(texts[:-2]):
        if parse_amount(text) is not None:
            return None
        if _ONE_COLUMN.fullmatch(text):
            following = item_of(texts[i + 2]) not in (None, "total", "operating_funds")
            return i if parse_amount(texts[i + 1]) is not None and following else None
    return None


def stacked_grid(block: Block) -> Grid | None:
    """A 三公 table whose every cell is a line of its own (项目 / 预算数 / 合计 / 3.1 …), with one amount column, as a Grid.

    A label line followed by an amount is a row with that figure (its unit printed with it, 44万元,
    where it is the table's); one followed by another label is a row whose cell is blank (a blank
    cell prints no line). Only one amount column can be read so:
    with two, which column a lone figure sits in is lost.
    """
    lines = [line for line in block.lines[1:] if compact(line.text)]
    if any(len(line.cells) > 1 for line in lines):
        return None
    texts = [compact(line.text) for line in lines]
    head = next((i for i, text in enumerate(texts) if text == "项目"), None)
    if head is None and (corner := _blank_corner(texts)) is not None:
        # the 项目 corner and the 合计 label printed blank: the header's amount column, then the total's figure
        head, texts = corner, [*texts[:corner], "项目", texts[corner], "合计", *texts[corner + 1 :]]
        lines = [*lines[:corner], lines[corner], lines[corner], lines[corner + 1], *lines[corner + 1 :]]
    first = next((i for i, text in enumerate(texts) if head is not None and i > head and item_of(text) is not None), None)
    if head is None or first is None or first - head != 2 or not re.search(r"预算|决算|金额", texts[head + 1]):
        return None
    # a cell printing the table's own unit (44万元 under 单位:万元) holds that figure
    unit = re.compile(rf"(?<=\d){block.unit_label}$") if block.unit_label in ("万元", "元") else None
    texts = [unit.sub("", text) if unit is not None and i > first else text for i, text in enumerate(texts)]
    rows: list[Line] = []
    for i in range(first, len(lines)):
        if item_of(texts[i]) is None:
            continue
        value = texts[i + 1] if i + 1 < len(texts) and parse_amount(texts[i + 1]) is not None else ""
        rows.append(Line(lines[i].page, (texts[i], value)))
    return Grid([texts[head], texts[head + 1]], rows)

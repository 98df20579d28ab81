"""“三公”经费表 rows read by where they stand: a 公务用车 part printed bare under its parent, and a table printed a cell a line with several amount columns."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from cnbudget.amounts import format_amount, parse_amount
from cnbudget.model import Block, Line
from cnbudget.schema.names import ITEM_NAMES
from cnbudget.strings import compact
from cnbudget.tables.common import Context, Grid

ItemOf = Callable[[str], str | None]

# 其中：购置经费 / 运行维护费 under 公务用车购置及运行维护费: the 公务用车's parts, named without it
_BARE_PARTS = ((re.compile(r"购置(?:经)?费用?"), "vehicle_purchase"), (re.compile(r"运行(?:维护)?(?:经)?费用?|运维费"), "vehicle_operation"))
# what opens a child row before its name: 其中：, (1), 1、, （一）
_CHILD_LEAD = re.compile(r"^(?:其中[:：]?)?(?:[（(]\d{1,2}[)）]|\d{1,2}[、.．]|[（(][一二三四五六七八九十][)）])?")
_VEHICLE = ("vehicle_total", "vehicle_purchase", "vehicle_operation")


def row_items(labels: Sequence[str], item_of: ItemOf) -> dict[int, str | None]:
    """The 三公 item of each row by its label; a bare 购置费 or 运行维护费 just under the 公务用车 row (or its other part) is that part.

    A table may name the 公务用车购置及运行费's parts without repeating 公务用车 (其中：购置经费 | 运行维护费).
    Only a row right under the 公务用车 rows, naming a part not yet named, is read so: a 购置费 under
    公务接待费, or 办公设备购置费 anywhere, names no 三公 item.
    """
    items = {i: item_of(label) for i, label in enumerate(labels)}
    for i in range(1, len(labels)):
        if items[i] is not None or items[i - 1] not in _VEHICLE:
            continue
        bare = _CHILD_LEAD.sub("", compact(labels[i]), count=1)
        part = next((item for pattern, item in _BARE_PARTS if pattern.fullmatch(bare)), None)
        if part is not None and part not in items.values():
            items[i] = part
    return items


# a header cell of an amount column: 预算数, 决算数, 2016年预算数, 执行数, 金额
_AMOUNT_HEADER = re.compile(r"^(?:20\d{2}年度?)?(?:年初|全年|调整后?)?(?:预算|决算|执行|金额|实际支出)数?(?:[(（]万元[)）])?$")


def stacked_columns(block: Block, ctx: Context, item_of: ItemOf) -> tuple[Grid, frozenset[str]] | None:
    """A 三公 table printed a cell a line with two or more amount columns (项目 / 预算数 / 决算数 / 合计 / 77.00 / 68.30 …) as a Grid.

    A blank cell prints no line, so only an item followed by as many figures as the header names
    columns is read (in the header's order); one followed by none is blank, and one followed by
    fewer is blank too, its figures in ``doubts`` (which column a lone figure sits in is lost).
    Items printed without all their figures are returned as unknown: their identities are not judged.
    None where the block is not such a table, or names fewer than three items.
    """
    lines = [line for line in block.lines[1:] if compact(line.text)]
    if any(len(line.cells) > 1 for line in lines):
        return None
    texts = [compact(line.text) for line in lines]
    head = next((i for i, text in enumerate(texts) if text == "项目"), None)
    if head is None:
        return None
    width = 0
    while head + 1 + width < len(texts) and _AMOUNT_HEADER.match(texts[head + 1 + width]):
        width += 1
    first = head + 1 + width
    if width < 2 or first >= len(texts) or item_of(texts[first]) is None:
        return None
    labels = [texts[i] for i in range(first, len(texts)) if parse_amount(texts[i]) is None]
    items = row_items(labels, item_of)
    rows: list[Line] = []
    unknown: set[str] = set()
    doubts: list[tuple[str, list[str], int | None]] = []
    i, n = first, 0
    while i < len(texts):
        j = i + 1
        while j < len(texts) and parse_amount(texts[j]) is not None:
            j += 1
        item, values = items[n], texts[i + 1 : j]
        if item is not None and len(values) == width:
            rows.append(Line(lines[i].page, (texts[i], *values)))
        elif item is not None:
            rows.append(Line(lines[i].page, (texts[i], *([""] * width))))
            unknown.add(item)
            if values:
                doubts.append((item, values, lines[i].page))
        i, n = j, n + 1
    if len({items[n] for n in items} - {None, "operating_funds"}) < 3:
        return None
    for item, values, page in doubts:
        read = ";".join(format_amount(v) for v in (parse_amount(t) for t in values) if v is not None)
        reason = f"“三公”经费表一格一行印出，“{ITEM_NAMES.get(item, item)}”一行只印有 {len(values)} 个数（{read}），表头有 {width} 栏，空白栏没有印出，无法确定各数属于哪一栏"
        ctx.doubt("three_public", f"{ctx.fiscal_year}/{item}/amount", read, reason, page, block.title)
    return Grid([texts[head], *texts[head + 1 : first]], rows), frozenset(unknown)

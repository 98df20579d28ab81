"""A unit printed in the header cells over the amounts (年初预算数（万元）, 合计（元）) rather than on a line of its own.

The column is named by its words, and the unit is the table's: ``年初预算数（万元）`` is the 年初预算数 column of a table
in 万元. Each header cell is read without its unit, so that a reader names the column as it names ``年初预算数``; and a
table that declares no unit on a line takes the one its header cells agree on. Where they name two units, or another
unit than the table's line, the cells are left as printed (which unit is meant is not for this step to say).
"""

from __future__ import annotations

import re

from cnbudget.amounts import declared_unit, parse_amount
from cnbudget.model import Block, Line

__all__ = ["unit_from_header"]

# a unit in brackets right after a column's name: 合计（万元）, 决算数(元), 金额（单位：万元）
_CELL_UNIT = re.compile(r"(?<=[\u4e00-\u9fff])\s*[（(](?:单位[：:]\s*)?([万千亿]?元)[）)]")


def _header_end(block: Block) -> int:
    """The index of the block's first line that prints an amount (the lines before it, after the title, are the header)."""
    for i, line in enumerate(block.lines[1:], 1):
        if any(parse_amount(tok) is not None for cell in line.cells for tok in cell.split()):
            return i
    return len(block.lines)


def unit_from_header(block: Block) -> Block:
    """The block with its header cells' units taken off the column names, and its unit the one they agree on (if it
    declares none); the block itself where no header cell prints a unit, or where the units disagree."""
    end = _header_end(block)
    units = {m.group(1) for line in block.lines[1:end] for cell in line.cells for m in _CELL_UNIT.finditer(cell)}
    if len(units) != 1:
        return block
    unit = units.pop()
    found = declared_unit(f"单位：{unit}")
    assert found is not None
    factor, label = found
    if block.unit_factor is not None and block.unit_factor != factor:
        return block
    lines = [
        *block.lines[:1],
        *(Line(line.page, tuple(_CELL_UNIT.sub("", cell) for cell in line.cells)) for line in block.lines[1:end]),
        *block.lines[end:],
    ]
    return Block(block.kind, block.title, lines, factor, block.unit_label or label, block.file)

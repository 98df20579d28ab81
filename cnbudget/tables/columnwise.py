"""A table whose text came out column by column (a landscape page extracted a column at a time): never read.

Printed a cell a line, a table's cells come row after row (the layout ``cell_lines.rejoined`` puts back on lines) or,
from some landscape pages, column after column: every label of the 项目 column, then the 行次 column's 1, 2, 3 …,
then each amount column under its heading. Blank cells print no line, so nothing says whose row a figure is: such a
table is not read. Its figures are taken off the lines (no reader places them) and the build report says why.

Two marks of it, each impossible row after row: a 行次 (序号) heading on a line of its own followed by numbers counting
1, 2, 3 … a line each (row after row, the heading is followed by the next heading), and a 栏次 heading followed by a
label (row after row, by the column numbers).
"""

from __future__ import annotations

import re

from cnbudget.amounts import parse_amount
from cnbudget.model import Block
from cnbudget.strings import compact

__all__ = ["column_major", "without_figures"]

_ROW_HEAD = re.compile(r"^(?:行次|序号|行号)$")
_SMALL = re.compile(r"^[1-9]\d?$")


def _counts_after(texts: list[str], i: int) -> bool:
    """Whether the lines after ``i`` count 1, 2, 3 (at least) one a line."""
    return texts[i + 1 : i + 4] == ["1", "2", "3"]


def column_major(block: Block) -> bool:
    """Whether the block is a table printed a cell a line, column after column (see the module's note)."""
    # the 编制单位 | 单位：万元 line above the table may keep its two cells
    body = [line for line in block.lines[1:] if compact(line.text) and not re.search(r"单位[：:]", line.text)]
    if len(body) < 6 or any(len(line.cells) > 1 for line in body):
        return False
    texts = [compact(line.text) for line in body]
    for i, text in enumerate(texts[:-1]):
        if _ROW_HEAD.match(text) and _counts_after(texts, i):
            return True
        following = texts[i + 1]
        if text == "栏次" and not _SMALL.match(following) and parse_amount(following) is None and not _ROW_HEAD.match(following):
            return True
    return False


def without_figures(block: Block) -> Block:
    """The block with every line that is a figure (or a row or column number) taken off: its labels only."""
    lines = block.lines[:1] + [line for line in block.lines[1:] if parse_amount(compact(line.text)) is None]
    return Block(block.kind, block.title, lines, block.unit_factor, block.unit_label, block.file)

"""Row and column numbers printed in a table (行次, 栏次, 序号) are never amounts.

A 财决 template prints a 行次 column beside each side of its 收支总表 (项目 | 行次 | 金额), a project
table a 序号 column, and many templates a row of column numbers under the header (栏次 1 2 3, or
``** 1 2 3 4 5``). Read as amounts they would become figures; so before a table kind reads its
block, the column a header names 行次/栏次/序号 is blanked in the rows aligned with it, and a row of
column numbers is dropped.
"""

from __future__ import annotations

import re
from dataclasses import replace

from cnbudget.model import Block, Line
from cnbudget.strings import compact

_NUMBER_HEADER = re.compile(r"^(?:行次|栏次|序号|编号)$")
_MARKER = re.compile(r"^(?:栏次|行次|\*+|[A-Za-z]|)$")


def is_column_numbers(line: Line) -> bool:
    """Whether a line is a row of column numbers: 1 2 3 … (after 栏次, ** or letters), nothing else."""
    tokens = [t for cell in line.cells for t in cell.split()]
    numbers = [t for t in tokens if not _MARKER.match(t)]
    marked = len(numbers) < len(tokens)  # 栏次, 行次 or ** before the numbers
    if len(numbers) < (2 if marked else 3) or not all(t.isdigit() for t in numbers):
        return False
    values = [int(t) for t in numbers]
    return values == list(range(values[0], values[0] + len(values))) and values[0] <= 1


def number_columns(lines: list[Line], limit: int = 12) -> tuple[int, set[int]]:
    """(cell count, indexes) of the columns a header line names 行次/栏次/序号, in lines of that many cells."""
    for line in lines[:limit]:
        found = {j for j, cell in enumerate(line.cells) if _NUMBER_HEADER.match(compact(cell))}
        if found and len(line.cells) > 2:
            return len(line.cells), found
    return 0, set()


def without_row_numbers(block: Block) -> Block:
    """The block with its column-number rows dropped and its 行次/栏次/序号 columns blanked."""
    width, columns = number_columns(block.lines[1:])
    lines: list[Line] = []
    for i, line in enumerate(block.lines):
        if i and is_column_numbers(line):
            continue
        if columns and len(line.cells) == width and not any(_NUMBER_HEADER.match(compact(c)) for c in line.cells):
            line = Line(line.page, tuple("" if j in columns and compact(c).isdigit() else c for j, c in enumerate(line.cells)))
        lines.append(line)
    return replace(block, lines=lines) if len(lines) != len(block.lines) or columns else block

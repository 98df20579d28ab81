"""Row numbers (行次, 栏次, 序号): printed beside labels, never amounts."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from cnbudget.amounts import parse_amount
from cnbudget.model import Block, Line
from cnbudget.strings import compact


def _is_amount(cell: str) -> bool:
    return parse_amount(cell.strip()) is not None


# the head of row or column numbers (行次, 栏次, 序号): the numbers under or beside it are never amounts
ROW_NUMBER_HEAD = re.compile(r"^(?:行次|栏次|序号|行号)$")
# a row number as printed: 1 to 999
ROW_NUMBER = re.compile(r"^[1-9]\d{0,2}$")
_STARS = re.compile(r"^\*+$")


def is_column_numbers(line: Line) -> bool:
    """A ``栏次 | | 1 | 2 …`` (or, in a text layer, ``** ** 1 2 3``) line: column numbers under a header, never a row."""
    # a head spaced out in its cell (`栏 次`) is one word
    cells = [t for c in line.cells for t in ([compact(c)] if ROW_NUMBER_HEAD.match(compact(c)) else c.split())]
    heads = [c for c in cells if ROW_NUMBER_HEAD.match(c) or _STARS.match(c)]
    return bool(heads) and all(ROW_NUMBER_HEAD.match(c) or _STARS.match(c) or ROW_NUMBER.match(c) for c in cells)


def _counts_rows(values: Sequence[str]) -> bool:
    """Whether a column's printed cells count 1, 2, 3 … (or go on from any start) down the table."""
    if len(values) < 3 or not all(ROW_NUMBER.match(v) for v in values):
        return False
    numbers = [int(v) for v in values]
    return all(b == a + 1 for a, b in itertools.pairwise(numbers))


def row_number_columns(lines: Sequence[Line]) -> dict[int, set[int]]:
    """Per line width, the cells that number rows: headed 行次/栏次/序号, or counting 1, 2, 3 … down the table."""
    out: dict[int, set[int]] = {}
    kept = [line for line in lines if len(line.cells) > 1 and not is_column_numbers(line)]
    for line in kept:
        heads = {j for j, cell in enumerate(line.cells) if ROW_NUMBER_HEAD.match(compact(cell))}
        if heads:
            out.setdefault(len(line.cells), set()).update(heads)
    for width in {len(line.cells) for line in kept}:
        same = [line for line in kept if len(line.cells) == width]
        for j in range(width):
            printed = [line for line in same if compact(line.cells[j])]
            # beside a label, not after a code: a 款 column of 01, 02, 03 under one 类 is no row number
            after_code = j > 0 and any(_is_amount(line.cells[j - 1]) for line in printed)
            if not after_code and _counts_rows([compact(line.cells[j]) for line in printed]):
                out.setdefault(width, set()).add(j)
    return out


def without_row_numbers(block: Block) -> Block:
    """The block with its row-number cells (行次, 栏次, 序号) and its ``栏次 1 2 3`` line taken out: they are never amounts."""
    body = block.lines[1:]
    columns = row_number_columns(body)
    lines = [block.lines[0]] if block.lines else []
    for line in body:
        if len(line.cells) > 1 and is_column_numbers(line):
            continue
        drop = columns.get(len(line.cells), set()) or _cut_short(line, columns)
        lines.append(Line(line.page, tuple(c for j, c in enumerate(line.cells) if j not in drop)) if drop else line)
    return Block(block.kind, block.title, lines, block.unit_factor, block.unit_label)


def _cut_short(line: Line, columns: dict[int, set[int]]) -> set[int]:
    """The row-number cells of a line shorter than the table's numbered lines: its last cells left out, not its first.

    A copy may end a row early (``二、政府性基金预算财政拨款收入 | 2 | 0.00 | 二、外交支出 | 28``: the last figure blank and
    its bar not printed, or the copy cut there): its cells still sit under the header from the left, so the numbered
    lines' row-number columns hold its row numbers — taken out only where each such cell prints a row number or nothing.
    """
    width = len(line.cells)
    wider = min((w for w in columns if w > width), default=None)  # the nearest numbered width
    if width < 2 or wider is None:
        return set()
    drop = {j for j in columns[wider] if j < width}
    return drop if drop and all(ROW_NUMBER.match(compact(line.cells[j]) or "1") for j in drop) else set()


def _is_label(token: str) -> bool:
    return not _is_amount(token) and not token.isdigit()


def numbered_text(block: Block) -> bool:
    """Whether the block is a text layer (one cell a line) whose header prints 行次 or 序号."""
    body = block.lines[1:]
    return all(len(line.cells) <= 1 for line in body) and any(ROW_NUMBER_HEAD.match(t) for line in body for t in line.text.split() if t != "栏次")


def token_segments(tokens: Sequence[str]) -> list[list[str]]:
    """A numbered text line's tokens cut at its row numbers, which are dropped.

    Blank cells are lost in such a layer, but a row number is always printed: the small whole
    number right after a label, or before the first label of a line whose left label is blank.
    The cut keeps two labels with a blank between them apart.
    """
    segments: list[list[str]] = [[]]
    for i, tok in enumerate(tokens):
        after_label = i > 0 and _is_label(tokens[i - 1])
        before_label = i == 0 and len(tokens) > 1 and _is_label(tokens[1])
        if ROW_NUMBER.match(tok) and (after_label or before_label):
            segments.append([])
        else:
            segments[-1].append(tok)
    return [seg for seg in segments if seg]


def without_row_number_tokens(block: Block) -> Block:
    """A numbered text layer's block with its row numbers and its ``栏次 1 2 3`` line taken out (each row prints one label)."""
    if not numbered_text(block):
        return block
    lines = [block.lines[0]] if block.lines else []
    for line in block.lines[1:]:
        tokens = line.text.split()
        if tokens and is_column_numbers(Line(line.page, tuple(tokens))):
            continue
        kept = [tok for seg in token_segments(tokens) for tok in seg]
        lines.append(Line(line.page, (" ".join(kept),)) if kept != tokens else line)
    return Block(block.kind, block.title, lines, block.unit_factor, block.unit_label)

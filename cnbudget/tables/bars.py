"""A web page's table kept as text with its cells marked by bars (``|``).

A stored copy of a page may print an HTML table a row a line (``合计 | 18.15 | 22.15 | 4 | 22% |``)
or a cell a line (``合 计 |``, ``3 |``, and ``|`` alone for a blank cell). Either way the bars keep
every cell, blanks included, so the table can be read by its header as a ruled one is, where a
text layer's spaces would lose which column a figure sits in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from cnbudget.amounts import parse_amount
from cnbudget.model import Block, Line
from cnbudget.strings import compact
from cnbudget.tables.common import Grid

__all__ = ["barred_rows", "numbered_rows", "split_bars", "stacked_bars", "two_columns", "without_lone_bars"]


def _cells(text: str) -> list[str]:
    """The cells of a barred line: split on the bars, a trailing bar ending the last cell."""
    cells = [c.strip() for c in text.split("|")]
    return cells[:-1] if text.rstrip().endswith("|") else cells


def _barred(block: Block) -> list[Line] | None:
    body = block.lines[1:]
    if any(len(line.cells) > 1 for line in body) or sum(1 for line in body if "|" in line.text) < 3:
        return None
    return body


def without_lone_bars(block: Block) -> Block | None:
    """The block without its bars where every bar stands on a line of its own, between cells a line each.

    A copy may print each cell on a line and each bar on the next (``|``, ``合 计``, ``|``, ``11.4``,
    ``|``, ``|`` …): there a bar alone closes a cell or a row, and a blank cell prints as a row's end
    does, so the bars say nothing and the cells are read as a table printed a cell a line. None where
    a line prints a bar beside its text (``合 计 |``: a bar alone is a blank cell there).
    """
    body = _barred(block)
    if body is None or any("|" in line.text and line.text.strip() != "|" for line in body):
        return None
    return replace(block, lines=[block.lines[0], *(line for line in body if "|" not in line.text)])


def split_bars(block: Block) -> Block | None:
    """The block with each barred line's cells split on its bars; None when its lines print no bars."""
    body = _barred(block)
    if body is None:
        return None
    lines = [Line(line.page, tuple(_cells(line.text))) if "|" in line.text else line for line in body]
    return replace(block, lines=[block.lines[0], *_respanned(lines)])


def _respanned(lines: list[Line]) -> list[Line]:
    """A two-line header whose merged cells the copy printed once, left-packed, the row padded with blanks at its end, spread back.

    ``项目 | 预算数 | 决算数 | ||||`` over ``合计 | 一般公共预算 | 政府性基金 | 合计 | 一般公共预算 | 政府性基金 | |``:
    预算数 and 决算数 each span three columns, and 项目 spans both lines, so the second line lacks
    its first cell. Spread only when the second line repeats the same labels under each group, one
    group to each label of the first: then where each header cell sits is certain.
    """
    wide = [i for i, line in enumerate(lines) if len(line.cells) > 2]
    first_figures = next((i for i in wide if any(parse_amount(c) is not None for c in lines[i].cells[1:])), None)
    heads = [i for i in wide if first_figures is not None and i < first_figures]
    if len(heads) < 2:
        return lines
    top, sub = heads[-2], heads[-1]
    width = len(lines[first_figures].cells) if first_figures is not None else 0
    parted = _one_parent_split(lines, top, sub, first_figures)
    if parted is not None:
        return parted
    groups = [c for c in lines[top].cells[1:] if c]
    subs = list(lines[sub].cells)
    if len(lines[top].cells) != width or len(subs) != width or len(groups) < 2 or (width - 1) % len(groups):
        return lines
    span = (width - 1) // len(groups)
    packed_top = list(lines[top].cells[1 : 1 + len(groups)]) == groups and not any(lines[top].cells[1 + len(groups) :])
    packed_sub = all(subs[: width - 1]) and not subs[-1]
    if span < 2 or not packed_top or not packed_sub or any(subs[k * span : (k + 1) * span] != subs[:span] for k in range(len(groups))):
        return lines
    spread_top = [lines[top].cells[0], *(c for g in groups for c in (g, *[""] * (span - 1)))]
    out = list(lines)
    out[top] = Line(lines[top].page, tuple(spread_top))
    out[sub] = Line(lines[sub].page, ("", *subs[: width - 1]))
    return out


def _stem(label: str) -> str:
    """A header cell's name without its closing 费 (公务用车购置及运行费 → 公务用车): what its parts' names open with."""
    return re.sub(r"(?:购置及运行(?:维护)?)?(?:经)?费用?$", "", compact(label))


def _one_parent_split(lines: list[Line], top: int, sub: int, figures: int | None) -> list[Line] | None:
    """A two-line header, each line left-packed, whose second line is one first-line cell's parts, spread back; None where not so.

    ``合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费`` over ``小 计 | 公务用车运行维护费 | 公务用车购置费``,
    figures ``1.7 | 0 | 0 | 0 | 0 | 1.7``: the row has one column more than the two lines less one, so
    one cell of the first line spans the second line's cells and every other cell spans both lines.
    Which one is certain only where the second line is its 小计 and cells each naming it (公务用车…),
    and no other cell of the first line is so named.
    """
    if figures is None:
        return None
    heads = [[c for c in lines[k].cells if c] for k in (top, sub)]
    packed = all(list(lines[k].cells[: len(h)]) == h for k, h in zip((top, sub), heads))
    row = lines[figures].cells
    width = max((i + 1 for i, c in enumerate(row) if c), default=0)
    parts = heads[1][1:]
    if not packed or len(heads[1]) < 3 or compact(heads[1][0]) not in ("小计", "合计") or width != len(heads[0]) + len(heads[1]) - 1:
        return None
    parents = [i for i, cell in enumerate(heads[0]) if len(_stem(cell)) >= 2 and all(compact(part).startswith(_stem(cell)) for part in parts)]
    if len(parents) != 1:
        return None
    p, span = parents[0], len(heads[1])
    spread_top = [*heads[0][:p], heads[0][p], *[""] * (span - 1), *heads[0][p + 1 :]]
    spread_sub = [*[""] * p, *heads[1], *[""] * (len(heads[0]) - p - 1)]
    pad = [""] * (len(row) - width)
    out = list(lines)
    out[top] = Line(lines[top].page, (*spread_top, *pad))
    out[sub] = Line(lines[sub].page, (*spread_sub, *pad))
    return out


def stacked_bars(block: Block, is_item: Callable[[str], bool]) -> Grid | None:
    """A table printed a cell a line, every cell (a blank one too) ended by a bar, as a Grid.

    The header is 项目 and the cells after it up to the first item (预算数 | 决算数); each item
    is followed by as many cells as the header has amount columns, each a figure or blank.
    None where the cells do not fall so.
    """
    body = _barred(block)
    if body is None:
        return None
    cells = [(line.page, compact(_cells(line.text)[0]) if _cells(line.text) else "") for line in body if line.text.rstrip().endswith("|")]
    texts = [text for _, text in cells]
    head = next((i for i, text in enumerate(texts) if text == "项目"), None)
    first = next((i for i, text in enumerate(texts) if head is not None and i > head and is_item(text)), None)
    if head is None or first is None:
        return None
    labels = texts[head + 1 : first]
    width = len(labels)
    if not 1 <= width <= 4 or any(not label or parse_amount(label) is not None or not re.search(r"预算|决算|金额|支出", label) for label in labels):
        return None
    rows: list[Line] = []
    i = first
    while i < len(texts) and is_item(texts[i]):
        values = texts[i + 1 : i + 1 + width]
        if len(values) < width and not any(values):
            break  # the cells end with an item whose figures the copy does not hold: that row is not read
        if len(values) < width or any(v and parse_amount(v) is None for v in values):
            return None
        rows.append(Line(cells[i][0], (texts[i], *values)))
        i += 1 + width
    return Grid(["项目", *labels], rows) if rows else None


def numbered_rows(block: Block) -> Block | None:
    """A table printed a cell a line, its cells ended by bars, whose rows are numbered (序号 1, 2 …), as ruled rows.

    The header's 栏次 row numbers the columns (栏次 | 1 | 2 | 3 | 4): each row is then its 序号 and
    that many cells, a blank cell a bar alone. Every row must start with the next number; where one
    does not, the cells do not fall so (a cell lost or split) and None is returned, nothing read.
    """
    body = _barred(block)
    if body is None:
        return None
    cells = [(line.page, cell) for line in body for cell in (_cells(line.text) if "|" in line.text else [line.text.strip()])]
    texts = [compact(text) for _, text in cells]
    start = next((i for i, text in enumerate(texts) if text == "栏次"), None)
    if start is None:
        return None
    width = 0
    while start + 1 + width < len(texts) and texts[start + 1 + width] == str(width + 1):
        width += 1
    if width < 2:
        return None
    rows: list[Line] = []
    i = start + 1 + width
    while i < len(texts):
        chunk = cells[i : i + 1 + width]
        if compact(chunk[0][1]) != str(len(rows) + 1):
            return None
        if len(chunk) < 1 + width:
            break  # the copy ends inside the last row: its cells are not all there
        rows.append(Line(chunk[0][0], tuple(text for _, text in chunk[1:])))
        i += 1 + width
    return replace(block, lines=[block.lines[0], *rows]) if rows else None


def two_columns(block: Block) -> Grid | None:
    """A barred table of one amount column (项目 | 本年预算数, then 合计 | 46, 公务接待费 | 8 …) as a Grid; None otherwise.

    The ruled-grid reading wants three columns; with two, every row is its label and one cell, a
    blank cell blank. A cell printing its unit (44万元) in a table whose unit is 万元 holds that figure.
    """
    body = block.lines[1:]
    if not body or any(len(line.cells) > 2 for line in body):
        return None
    head = next((i for i, line in enumerate(body) if len(line.cells) == 2 and compact(line.cells[0]) == "项目"), None)
    if head is None or not re.search(r"预算|决算|金额", body[head].cells[1]):
        return None
    unit = r"\s*万元$" if block.unit_label == "万元" else r"$^"
    rows = [Line(line.page, (line.cells[0], re.sub(unit, "", line.cells[1].strip()))) for line in body[head + 1 :] if len(line.cells) == 2]
    if any(cell and parse_amount(cell) is None for row in rows for cell in row.cells[1:]):
        return None
    return Grid([compact(c) for c in body[head].cells], rows) if rows else None


_HEADER_CELL = re.compile(r"^(?:项目|预算数?|决算数?|金额)$")


_CELL_THEN_BARS = re.compile(r"([^|]*?)\s*(\|(?:\s*\|)*)")


def barred_rows(block: Block) -> Block | None:
    """A table printed a cell a line with every cell ended by a bar on the next line (a blank cell a bar alone), as ruled rows.

    ``项 目``, ``|``, ``预算数``, ``|``, ``项 目``, ``|``, ``预算数``, ``|``, ``一、公共预算拨款``, ``|``,
    ``404.77``, ``|`` …: the row's width is the header's (项目 | 预算数 | 项目 | 预算数), and the cells
    after it fall into rows of that width; a cell's text may share its line with the bars after it (``一、财政拨款收入 |``,
    ``||``). None where a bar stands between two texts on a line, or where a row's cells do not alternate a label and a
    figure (or blank) as the header's do: a cell lost.
    """
    body = _barred(block)
    if body is None:
        return None
    # a line is a cell's text, bars alone, or a cell's text with the bars that end it (一、财政拨款收入 |, and || for two
    # blank cells after it); a bar between two texts (合计 | 18.15 |) is a row a line, split_bars' to read
    ends = [_CELL_THEN_BARS.fullmatch(line.text.strip()) for line in body]
    if any("|" in line.text and m is None for line, m in zip(body, ends)):
        return None
    cells: list[tuple[int | None, str]] = []
    pending: list[str] = []
    for line, m in zip(body, ends):
        if m is None:
            pending.append(line.text.strip())
            continue
        if m.group(1):
            pending.append(m.group(1))
        for _ in range(m.group(2).count("|")):
            cells.append((line.page, compact("".join(pending))))
            pending = []
    texts = [text for _, text in cells]
    head = next((i for i, text in enumerate(texts) if text == "项目"), None)
    if head is None:
        return None
    width = 0
    while head + width < len(texts) and _HEADER_CELL.match(texts[head + width]):
        width += 1
    amount_columns = [k for k in range(width) if texts[head + k] != "项目"]
    if width < 2 or not amount_columns:
        return None
    rows: list[Line] = [Line(cells[head][0], tuple(texts[head : head + width]))]
    for i in range(head + width, len(texts) - width + 1, width):
        row = texts[i : i + width]
        if any((k in amount_columns) != (not row[k] or parse_amount(row[k]) is not None) for k in range(width) if row[k]):
            return None
        rows.append(Line(cells[i][0], tuple(row)))
    return replace(block, lines=[block.lines[0], *rows]) if len(rows) > 1 else None

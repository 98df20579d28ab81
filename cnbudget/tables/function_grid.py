"""The function table read by its header: each column named by its full header path.

A ruled table names its columns: 合计, 基本支出/小计, 基本支出/人员经费, 项目支出 … The columns
published are taken by name (``project`` only from a 项目支出 column), never by position, so a
two-row header where 基本支出 spans 小计/人员经费/公用经费 cannot lend its 人员经费 to 项目支出.
The code is printed in one column or split over 类/款/项 columns (a row printing only its own
segment takes the rest from the rows above), or not at all: then each name is matched to the
official classification under the rows above it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cnbudget.amounts import format_amount, parse_amount, to_wan
from cnbudget.model import Block, Line
from cnbudget.official import classification
from cnbudget.strings import HAN, compact
from cnbudget.tables.common import TOTAL_RE, Grid, aligned_grid
from cnbudget.tables.numbering import ROW_NUMBER_HEAD, is_column_numbers
from cnbudget.tables.phases import phase_of
from cnbudget.tables.rows import clean_name

_SEGMENT_NAMES = {"类": 0, "款": 1, "项": 2}
_CODE_LABEL = re.compile(r"编码|代码")
_NAME_LABEL = re.compile(r"名称$|^(?:项目|科目)$")
_PREVIOUS = re.compile(r"^上年(?:预算|决算)?数$")
_YEAR = re.compile(r"(\d{4})年")
# a line naming the unit or the amount unit above the header, cut into as many cells as the columns
_CAPTION = re.compile(r"(?:单位|部门|单位名称)[:：]")
_TOTAL = re.compile(r"^(?:合计|总计)$")
_SUBTOTAL = re.compile(r"^(?:小计|合计|总计)$|总数$")
_GROUPS = {"basic": "基本支出", "project": "项目支出"}
_CHINESE = {"previous_year": "上年数", "total": "合计", **_GROUPS}
_CURRENT = re.compile(r"^(?:当年|本年)(?:预算|拨款)?")
_CARRIED = re.compile(r"^上年结转")
_COLUMN_NUMBER = re.compile(r"\*+|\d{1,2}")
_WRAPPED = re.compile(r"^[-－]?[\d,.]+(?:\s+[\d,.]+)+$")
# a header segment that is only a phase word (年初预算数, 全年预算数, 决算数, 预算数 …)
_PHASE_WORD = re.compile(r"(?:年初|全年|调整(?:后)?)?预算数?|决算数?|执行数|实际数")


@dataclass(frozen=True)
class FunctionColumns:
    """Where a function table prints its code, its name and each published amount."""

    code: tuple[int, ...]  # one column, or the 类, 款 and 项 columns
    name: int | None
    amounts: dict[str, int]  # published column → index, of the disclosure's own phase
    figures: tuple[int, ...] = ()  # every column of figures, published or not
    phased: dict[str, dict[str, int]] = field(default_factory=dict)  # another phase → its published columns
    parts: dict[str, tuple[int, ...]] = field(default_factory=dict)  # a group printed only as its parts (no 小计) → their columns


def _segments(label: str) -> list[str]:
    # header cells such as 单位：万元 that a wide unit line put above the columns are no names
    return [s for s in label.split("/") if s and not re.search(r"[:：]", s)]


def _group_column(labels: Sequence[list[str]], group: str) -> int | None:
    """The one column giving a group's whole amount: the group itself, or its 小计."""
    found = [
        j
        for j, segs in enumerate(labels)
        if group in segs and (segs[-1] == group or (segs.index(group) == len(segs) - 2 and _SUBTOTAL.search(segs[-1])))
    ]
    return found[0] if len(found) == 1 else None


def _by_year(segs: list[list[str]], year: int | None) -> tuple[list[list[str]], list[str | None], int | None] | None:
    """Paths with the fiscal year's group and any phase word dropped, each column's phase, and the previous year's one column.

    A phase word heading a group (年初预算数, 全年预算数, 决算数 over 小计 | 基本支出 | 项目支出) names the
    phase of the columns under it; a phase word alone is that phase's one column (its total).
    """
    current: list[list[str]] = []
    phases: list[str | None] = []
    previous: list[int] = []
    for j, path in enumerate(segs):
        kept: list[str] = []
        prior = False
        phase: str | None = None
        for seg in path:
            found = _YEAR.search(seg)
            if found and (year is None or int(found.group(1)) not in (year, year - 1)):
                return None
            if _PREVIOUS.search(seg) or (found and year is not None and int(found.group(1)) == year - 1):
                prior = True
            elif _PHASE_WORD.fullmatch(seg):
                phase = phase or phase_of(seg)
            elif not found:
                kept.append(seg)
        if prior:
            current.append([])
            if not kept or _SUBTOTAL.search(kept[-1]):
                previous.append(j)
        else:
            current.append(kept if kept or phase is None else ["合计"])
        phases.append(phase)
    return current, phases, (previous[0] if len(previous) == 1 else None)


def _name_amounts(segs: Sequence[list[str]], columns: Sequence[int], phased: bool) -> dict[str, int]:
    """The published columns among ``columns``: 合计 (a phase group's 小计 too), 基本支出, 项目支出."""
    amounts: dict[str, int] = {}
    total = _SUBTOTAL if phased else _TOTAL
    for j in columns:
        path = segs[j]
        if path and total.match(path[-1]) and len(path) <= 2 and not set(path) & set(_GROUPS.values()) and "total" not in amounts:
            amounts["total"] = j
    for column, group in _GROUPS.items():
        found = _group_column([segs[j] if j in columns else [] for j in range(len(segs))], group)
        if found is not None:
            amounts[column] = found
    return amounts


def _group_parts(segs: Sequence[list[str]], columns: Sequence[int], amounts: dict[str, int]) -> dict[str, tuple[int, ...]]:
    """Groups with no column of their own whole amount, printed as two or more parts (基本支出 over 人员支出 | 日常公用支出, no 小计)."""
    out: dict[str, tuple[int, ...]] = {}
    for column, group in _GROUPS.items():
        if column in amounts:
            continue
        found = tuple(j for j in columns if len(segs[j]) >= 2 and segs[j][-2] == group)
        if len(found) >= 2 and not any(_SUBTOTAL.search(segs[j][-1]) for j in found):
            out[column] = found
            continue
        # the group under each of 当年预算 and 上年结转结余, whose 小计 columns make up the row's 合计: the group's whole is their sum
        wholes = [j for j in columns if group in segs[j] and (segs[j][-1] == group or (segs[j].index(group) == len(segs[j]) - 2 and _SUBTOTAL.search(segs[j][-1])))]
        periods = [segs[j][0] for j in wholes]
        if len(wholes) == 2 and segs[wholes[0]].index(group) == 1 and any(_CURRENT.search(p) for p in periods) and any(_CARRIED.search(p) for p in periods):
            out[column] = tuple(wholes)
    return out


def name_columns(labels: Sequence[str], year: int | None = None, own: str = "approved") -> FunctionColumns | None:
    """The columns a header names, when it names a name column and a 合计 of the disclosure's own phase (``own``)."""
    by_year = _by_year([_segments(label) for label in labels], year)
    if by_year is None:
        return None
    segs, phases, previous = by_year
    code_parts: dict[int, int] = {}
    code: list[int] = []
    name: int | None = None
    figures: list[int] = []
    for j, path in enumerate(segs):
        last = path[-1] if path else ""
        if not path or ROW_NUMBER_HEAD.match(last):
            continue
        if last in _SEGMENT_NAMES:
            code_parts[_SEGMENT_NAMES[last]] = j
        elif _CODE_LABEL.search(last):
            code.append(j)
        elif _NAME_LABEL.search(last) and name is None:
            name = j
        else:
            figures.append(j)
    by_phase: dict[str, list[int]] = {}
    for j in figures:
        by_phase.setdefault(phases[j] or own, []).append(j)
    amounts = _name_amounts(segs, by_phase.get(own, []), any(phases[j] for j in by_phase.get(own, [])))
    parts = _group_parts(segs, by_phase.get(own, []), amounts)
    if previous is not None:
        amounts["previous_year"] = previous
    phased = {p: found for p, columns in sorted(by_phase.items()) if p != own and (found := _name_amounts(segs, columns, True)).get("total") is not None}
    codes = tuple(code_parts[k] for k in sorted(code_parts)) if len(code_parts) == 3 else tuple(code[:1])
    if "total" not in amounts or name is None:
        return None
    if len(code_parts) != 3 and len(code) == 3 and code[2] - code[0] == 2:
        # one 科目编码 header over three cells (类 | 款 | 项): the cells are its parts
        codes = tuple(code)
    figures_all = tuple(j for j, path in enumerate(segs) if (path or j == previous) and j not in codes and j != name and not (path and ROW_NUMBER_HEAD.match(path[-1])))
    return FunctionColumns(codes, name, amounts, figures_all, phased, parts)


def cell_amount(cell: str) -> tuple[Decimal | None, bool]:
    """The amount a cell prints (digits wrapped over lines joined), and whether it is readable.

    A blank cell is (None, True), a printed zero is (0, True); text that is no amount is (None, False).
    """
    text = cell.strip()
    if not text:
        return None, True
    value = parse_amount(text)
    if value is None and _WRAPPED.match(text):
        value = parse_amount(compact(text))
    return value, value is not None


@dataclass
class GridRow:
    """A row of the grid: its code (or None), printed name, page and amounts by published column."""

    code: str | None
    name: str
    page: int | None
    cols: dict[str, Decimal | None]
    unreadable: dict[str, str]  # published column → the cell as printed, when it is no amount
    misprinted: str = ""  # the code cells as printed, when the 类 cell was misprinted and repaired
    phased: dict[str, dict[str, Decimal | None]] = field(default_factory=dict)  # another phase's amounts by column


class _Codes:
    """Codes of successive rows, each printing its full code, its own segment, or only its name."""

    def __init__(self, year: int | None) -> None:
        self.year = year
        self.last: dict[int, str] = {}  # level length (3, 5) → the latest code of that length
        self.misprinted = ""

    def from_segments(self, segments: Sequence[str]) -> str | None:
        parts = [compact(s) for s in segments]
        self.misprinted = ""
        if len(parts) == 1:
            digits = compact(parts[0])
            code = digits if re.fullmatch(r"2\d{2}(?:\d{2}){0,2}", digits) else None
        else:
            code = self._join(parts)
        return self._keep(code)

    def _join(self, parts: list[str]) -> str | None:
        if not all(re.fullmatch(r"\d*", p) for p in parts) or not any(parts):
            return None
        section = self.last.get(5, "")
        if len(parts) == 3 and 0 < len(parts[0]) < 3 and len(parts[1]) == len(parts[2]) == 2 and section[3:5] == parts[1]:
            # a misprinted 类 cell (“7 | 11 | 02” under 210 11): the 类 of the rows around it
            code = section + parts[2]
            if classification.function_name(code, self.year) is not None:
                self.misprinted = " ".join(parts)
                return code
        first = next(i for i, p in enumerate(parts) if p)
        last = max(i for i, p in enumerate(parts) if p)
        if not all(parts[first : last + 1]):
            return None  # a gap between printed segments
        prefix = "" if first == 0 else self.last.get(3 + 2 * (first - 1), "")
        if first > 0 and not prefix:
            return None
        code = prefix + "".join(parts[first : last + 1])
        return code if re.fullmatch(r"2\d{2}(?:\d{2}){0,2}", code) else None

    def from_name(self, name: str) -> str | None:
        for parent in (self.last.get(5), self.last.get(3)):
            if parent is not None:
                found = classification.match_function_name(name, parent_code=parent, year=self.year)
                if found is not None:
                    return self._keep(found)
        return self._keep(classification.match_function_name(name, level="class", year=self.year))

    def _keep(self, code: str | None) -> str | None:
        if code is not None:
            for n in (3, 5, 7):  # a 项 code is also the latest 款 and 类 for the rows below it
                if n <= len(code):
                    self.last[n] = code[:n]
                else:
                    self.last.pop(n, None)
        return code


def _misaligned(grid: Grid, columns: FunctionColumns) -> bool:
    """Whether some row's cells do not sit under their header (a text layer's tabs, not a ruled grid).

    Codes are digits, a name is no figure, and a column of figures holds no words.
    """
    for line in grid.rows:
        cells = [compact(c) for c in line.cells]
        if not any(cell_amount(c)[0] is not None for c in cells) or all(_COLUMN_NUMBER.fullmatch(c) for c in cells if c) or is_column_numbers(line):
            continue  # a header repeated on the next page, or its row of column numbers (** ** 1 2 3)
        if any(c and not c.isdigit() and not TOTAL_RE.search(c) for c in (cells[j] for j in columns.code)):
            return True
        if columns.name is not None and cell_amount(cells[columns.name])[0] is not None:
            return True
        if any(HAN.search(cells[j]) for j in columns.figures):
            return True
    return False


def _has_stray_rows(block: Block, grid: Grid, width: int) -> bool:
    """Whether the block has coded lines with amounts outside the grid (cut differently)."""
    rows = set(map(id, grid.rows))
    for line in block.lines[1:]:
        if id(line) in rows or len(line.cells) == width:
            continue
        cells = [compact(c) for c in line.cells]
        if any(re.fullmatch(r"2\d{2}(?:\d{2}){0,2}", c) for c in cells[:3]) and any(cell_amount(c)[0] is not None for c in cells[1:]):
            return True
    return False


def grid_rows(block: Block, year: int | None, own: str = "approved") -> tuple[list[GridRow], GridRow | None] | None:
    """The block's rows and its 合计 row, read by header names; None if its header names no columns.

    Rows without a code are kept only where the table prints names alone (no official 科目 matched them).
    """
    captions = [line for line in block.lines[1:] if any(_CAPTION.search(c) for c in line.cells)]
    grid = aligned_grid(Block(block.kind, block.title, [line for line in block.lines if line not in captions], block.unit_factor, block.unit_label))
    if grid is None:
        return None
    columns = name_columns(grid.labels, year, own)
    if columns is None or _misaligned(grid, columns) or _has_stray_rows(block, grid, len(grid.labels)):
        return None
    codes = _Codes(year)
    rows: list[GridRow] = []
    total: GridRow | None = None
    for line in grid.rows:
        row = None if repeated_header(line, grid.labels) else _read_line(line, columns, codes)
        if row is None:
            continue
        if row.code is None and TOTAL_RE.search(compact(row.name)):
            total = total or row
        elif row.code is not None or not columns.code:
            rows.append(row)  # a name no official 科目 matches stays, to be doubted
    return rows, total


def repeated_header(line: Line, labels: Sequence[str]) -> bool:
    """Whether every printed cell of the line is a word of the header (the header printed again on a later page)."""
    words = {compact(part) for label in labels for part in label.split("/")}
    cells = [compact(c) for c in line.cells if c.strip()]
    return bool(cells) and all(c in words for c in cells)


def _read_line(line: Line, columns: FunctionColumns, codes: _Codes) -> GridRow | None:
    cells = line.cells
    if all(_COLUMN_NUMBER.fullmatch(compact(c)) for c in cells if c.strip()) or is_column_numbers(line):
        return None  # the row of column numbers (** 1 2 3, 栏次 1 2 3)
    name = clean_name(cells[columns.name]) if columns.name is not None else ""
    cols: dict[str, Decimal | None] = {}
    unreadable: dict[str, str] = {}
    for column, j in columns.amounts.items():
        value, readable = cell_amount(cells[j])
        cols[column] = value
        if not readable:
            unreadable[column] = cells[j].strip()
    for column, js in columns.parts.items():
        # the group's amount is the sum of its parts; a blank part beside a printed one is nothing
        read = [cell_amount(cells[j]) for j in js]
        given = [v for v, _ in read if v is not None]
        cols[column] = sum(given, Decimal(0)) if given else None
        if not all(ok for _, ok in read):
            unreadable[column] = " ".join(cells[j].strip() for j in js)
    phased: dict[str, dict[str, Decimal | None]] = {}
    for phase, named in columns.phased.items():
        phased[phase] = {}
        for column, j in named.items():
            value, readable = cell_amount(cells[j])
            phased[phase][column] = value
            if not readable:
                unreadable[f"{column}/{phase}"] = cells[j].strip()
    printed = [cells[j] for j in columns.code]
    values = [*cols.values(), *(v for named in phased.values() for v in named.values())]
    if all(v is None for v in values) and not unreadable and not any(re.fullmatch(r"\d+", compact(p)) for p in printed):
        return None  # a repeated header, a column-number row or an empty line (a printed code with blank amounts is a row)
    if not name:
        name = clean_name(" ".join(printed))  # the 合计 printed in the code column
    if TOTAL_RE.search(compact(name)) and not any(re.search(r"\d", p) for p in printed):
        return GridRow(None, name, line.page, cols, unreadable, phased=phased)
    code = codes.from_segments(printed) if columns.code else codes.from_name(name)
    return GridRow(code, name, line.page, cols, unreadable, codes.misprinted if columns.code else "", phased)


def in_wan(row: GridRow, factor: Decimal, keep: Sequence[str]) -> dict[str, Decimal | None]:
    """The row's amounts of the kept columns in 万元."""
    return {c: to_wan(row.cols.get(c), factor) for c in keep}


def row_doubts(row: GridRow, own: str) -> list[tuple[str, str, str]]:
    """(doubts key, figure as printed, reason) for each figure of the row the build cannot publish.

    A cell that is no amount; every figure of a row whose name matches no official 科目. The key is the
    row's code (or printed name), the phase, then the column.
    """
    out = []
    for column, printed in row.unreadable.items():
        name, _, phase = column.partition("/")
        out.append((f"{row.code or compact(row.name)}/{phase or own}/{name}", printed, f"“{row.name}”一行的“{_CHINESE[name]}”一格印有“{printed}”，不是可读的金额"))
    if row.code is None:
        reason = f"科目名称“{row.name}”与官方功能分类中其上级科目下的任何科目都不相符，无法确定其科目编码"
        figures = [(own, column, value) for column, value in row.cols.items()]
        figures += [(phase, column, value) for phase, named in row.phased.items() for column, value in named.items()]
        out += [(f"{compact(row.name)}/{phase}/{column}", format_amount(value), reason) for phase, column, value in figures if value is not None]
    return out

"""What every table kind shares: the build context, column layouts and coded rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cnbudget.amounts import UNIT_NAMES, format_amount, to_wan
from cnbudget.model import Block, Disclosure, Line, Problem, UnitNote
from cnbudget.official.classification import list_year_for
from cnbudget.schema import BY_NAME as RESOURCES
from cnbudget.schema import PHASES
from cnbudget.strings import compact
from cnbudget.tables.phases import own_phase
from cnbudget.tables.rows import Row, candidates, project, resolve_by_totals, split_row

TOTAL_RE = re.compile(r"(?:^|[^年])(?:合计|总计)$|^(?:合计|总计)")


def classification_year(fiscal_year: Any) -> int | None:
    """The year of the classification list a row's codes are read in: the fiscal year's own, else the nearest list."""
    year = int(fiscal_year) if fiscal_year not in (None, "") else None
    return list_year_for(year).year


@dataclass
class Context:
    """The disclosure being built, with what the table kinds share while they read."""

    disclosure: Disclosure
    fiscal_year: int | None
    file: str = ""
    default_factor: Decimal | None = None
    tables: dict[str, list[Any]] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)  # every block of the disclosure, for a kind that chooses among its tables
    unit_names: set[str] = field(default_factory=set)  # the unit's names, compact
    three_public_budget: str = "approved"  # the phase of the “三公” table's bare 预算数, as a final account's note says

    block: Block | None = None  # the block being read: its file is its rows' source_file

    @property
    def phase(self) -> str:
        """The phase of the disclosure's own figures (approved for a budget, executed for a final account)."""
        return own_phase(self.disclosure.meta.get("kind"))

    @property
    def phases_key(self) -> str:
        """The phases a doubted figure of a table may be of, as a ``doubts.key`` segment: the budget's own, or every
        phase a final account's table may print (its columns lost, which one is not known)."""
        return self.phase if self.phase == "approved" else "|".join(PHASES)

    def add(self, resource: str, row: dict[str, Any]) -> None:
        """Add a row, with the disclosure id and, where the row does not say, its phase, file and classification year."""
        fields = RESOURCES[resource].field_names
        full = {"disclosure_id": self.disclosure.meta.get("disclosure_id", ""), **row}
        if "phase" in fields:
            full.setdefault("phase", self.phase)
        if "source_file" in fields:
            full.setdefault("source_file", self.block.file if self.block is not None else None)
        if "classification_year" in fields and "classification_year" not in full:
            coded = resource != "projects" or full.get("function_code")
            full["classification_year"] = classification_year(self.disclosure.meta.get("fiscal_year")) if coded else None
        self.disclosure.add(resource, full)

    def add_total(self, metric: str, amount: Decimal | None, page: int | None, table: str, phase: str | None = None, file: str | None = None) -> None:
        """A headline figure read from a table (``totals``, origin ``table``), in the disclosure's own phase unless told."""
        row: dict[str, Any] = {"metric": metric, "amount": amount, "origin": "table", "page": page, "source_table": table, "phase": phase or self.phase}
        if file is not None:
            row["source_file"] = file
        self.add("totals", row)

    def doubt(self, resource: str, key: str, read_value: str, reason: str, page: int | None, table: str | None = None, file: str | None = None) -> None:
        """A printed figure not read with confidence (``doubts``): it stays null in ``resource``; ``reason`` in Chinese.

        ``file`` is the source file of its page, where it is not the block being read (a finish step's).
        """
        if any(d["resource"] == resource and d["key"] == key for d in self.disclosure.rows.get("doubts", [])):
            return  # the same figure seen twice
        row = {"resource": resource, "key": key, "read_value": read_value, "reason": reason, "page": page, "source_table": table}
        if file:
            row["source_file"] = file
        self.add("doubts", row)

    def problem(self, code: str, message: str, page: int | None = None) -> None:
        """Returns nothing: records a problem of code ``code`` against the disclosure, with its file and ``page``."""
        self.disclosure.problems.append(Problem(code, message, self.file, page))

    def factor(self, block: Block) -> Decimal:
        """The block's factor to 万元; an undeclared unit takes the document's, and is reported."""
        if block.unit_factor is not None:
            return block.unit_factor
        factor = self.default_factor if self.default_factor is not None else Decimal(1)
        unit = UNIT_NAMES.get(factor, "元")
        self.disclosure.evidence.unit_notes.append(UnitNote(block.title, block.page, unit))
        return factor


@dataclass(frozen=True)
class Layout:
    """A known column layout of a table kind, recognised by words of its header."""

    name: str
    columns: tuple[str, ...]
    needs: tuple[str, ...]
    identities: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def index_identities(self) -> list[tuple[int, tuple[int, ...]]]:
        """The layout's identities by column position: (total's column, its parts' columns)."""
        pos = {c: i for i, c in enumerate(self.columns)}
        return [(pos[p], tuple(pos[c] for c in parts)) for p, parts in self.identities]


def header_text(block: Block, limit: int = 12) -> str:
    """The compact text of the block's header: the lines before the first row with amounts."""
    parts: list[str] = []
    for line in block.lines[1 : 1 + limit]:
        row = split_row(line)
        if row.values and (row.lead or TOTAL_RE.search(row.compact) or not row.middle):
            break
        parts.append(compact(line.text))
    return "".join(parts)


def choose_layout(header: str, layouts: Sequence[Layout]) -> Layout:
    """The first layout whose header words all appear (the last layout is the fallback)."""
    for layout in layouts:
        if all(re.search(word, header) for word in layout.needs):
            return layout
    return layouts[-1]


@dataclass
class Placed:
    """A row with its amounts placed into the layout's columns (in 万元), and the figures it could not place.

    ``unplaced``: each printed figure (as printed) that fits more than one of the kept columns, with
    those columns; it is left null there and belongs in ``doubts``.
    """

    row: Row
    cols: dict[str, Decimal | None]
    unplaced: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)


def place_rows(
    ctx: Context,
    block: Block,
    rows: list[Row],
    layout: Layout,
    keep: Sequence[str],
    parents: Sequence[int | None],
    total_row: Row | None,
) -> list[Placed]:
    """Rows with amounts placed, resolving ambiguity by identities, then level by level.

    Top-level rows are resolved against the table's total row, then each row's children
    against it: a column the parent leaves blank is blank in every child, and the
    children's column sums must reach the parent's (a subset-sum, solved exactly).
    """
    idents = layout.index_identities()
    keep_idx = [layout.columns.index(c) for c in keep if c in layout.columns]
    factor = ctx.factor(block)
    options = [project(candidates(r, len(layout.columns), idents), keep_idx) for r in rows]
    chosen: list[tuple[Decimal | None, ...] | None] = [opts[0] if len(opts) == 1 else None for opts in options]
    top_target = None
    if total_row is not None:
        target_opts = project(candidates(total_row, len(layout.columns), idents), keep_idx)
        top_target = target_opts[0] if len(target_opts) == 1 else None
    groups: dict[int | None, list[int]] = {}
    for i, parent in enumerate(parents):
        groups.setdefault(parent, []).append(i)
    order = [None] + list(range(len(rows)))
    for parent in order:
        kids = groups.get(parent, [])
        if not kids:
            continue
        target = top_target if parent is None else chosen[parent]
        if target is None:
            continue
        for k in kids:
            if chosen[k] is None:
                fitting = [o for o in options[k] if all(t is not None or v is None for v, t in zip(o, target))]
                if fitting:
                    options[k] = fitting
                if len(options[k]) == 1:
                    chosen[k] = options[k][0]
        open_kids = [k for k in kids if chosen[k] is None]
        if not open_kids:
            continue
        fixed = tuple(sum((chosen[k][j] or Decimal(0) for k in kids if chosen[k] is not None), Decimal(0)) for j in range(len(keep_idx)))  # type: ignore[index]
        picks = resolve_by_totals([options[k] for k in open_kids], fixed, target)
        if picks is not None:
            for k, pick in zip(open_kids, picks):
                chosen[k] = options[k][pick]
    names = [c for c in keep if c in layout.columns]
    placed: list[Placed] = []
    for i, row in enumerate(rows):
        cols = chosen[i]
        unplaced: list[tuple[str, tuple[str, ...]]] = []
        if cols is None and row.hinted:
            cols = options[i][0]  # the arithmetic cannot decide: keep the cells where the tabs put them
        if cols is None:
            cols = tuple(vals[0] if len(set(vals)) == 1 else None for vals in zip(*options[i]))
            unplaced = _unplaced(options[i], names)
            ctx.problem(
                "ambiguous-columns",
                f"{block.title}: the amounts of row “{row.name}” fit more than one column placement; only the columns they agree on are published",
                row.page,
            )
        named = {c: to_wan(cols[j], factor) for j, c in enumerate(names)}
        placed.append(Placed(row, named, unplaced))
    return placed


def _unplaced(options: Sequence[tuple[Decimal | None, ...]], names: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The printed figures the placements put in different columns: (figures as printed, ``;``-joined; their columns)."""
    where: dict[Decimal, list[str]] = {}
    for j, vals in enumerate(zip(*options)):
        if len(set(vals)) > 1:
            for v in dict.fromkeys(v for v in vals if v is not None):
                where.setdefault(v, []).append(names[j])
    grouped: dict[tuple[str, ...], list[str]] = {}
    for value, columns in where.items():
        grouped.setdefault(tuple(columns), []).append(format_amount(value))
    return [(";".join(values), columns) for columns, values in grouped.items()]


def keyed(row_key: str) -> Callable[[tuple[str, ...]], str]:
    """The ``doubts.key`` of a figure of the row ``row_key`` that fits any of the given columns."""
    return lambda columns: f"{row_key}/{'|'.join(columns)}"


def doubt_unplaced(
    ctx: Context,
    resource: str,
    table: str,
    row: tuple[str, int | None],
    unplaced: Sequence[tuple[str, tuple[str, ...]]],
    key: Callable[[tuple[str, ...]], str],
    name: Callable[[str], str],
    file: str | None = None,
) -> None:
    """A ``doubts`` row for each figure of the row (its printed name and page) that could not be placed.

    ``key`` gives the figure's ``doubts.key`` from its candidate columns, ``name`` a column's Chinese name;
    ``file`` the source file, where it is not the block being read.
    """
    printed, page = row
    for read, columns in unplaced:
        options = "、".join(f"“{n}”" for n in dict.fromkeys(name(c) for c in columns))
        reason = f"“{printed or '合计'}”一行印有 {read}，按表内的合计关系可属{options}中的任何一列，无法确定属于哪一列"
        ctx.doubt(resource, key(columns), read, reason, page, table, file)


def parents_of(codes: Sequence[str]) -> list[int | None]:
    """For each code, the index of the nearest row whose code is a proper prefix of it."""
    out: list[int | None] = []
    for code in codes:
        best: int | None = None
        for j, other in enumerate(codes):
            if other != code and code.startswith(other) and (best is None or len(other) > len(codes[best])):
                best = j
        out.append(best)
    return out


def halves(lines: Sequence[Line]) -> tuple[list[Line], list[Line]] | None:
    """The left and right halves of a table printed as two halves side by side; None for any other table.

    财决 templates print the basic expenditure table as 301/303 on the left and 302/310 on the
    right under one repeated header (科目编码 | 科目名称 | 决算数 twice). Only a header whose
    two halves read the same marks such a table.
    """
    width = max((len(line.cells) for line in lines), default=0)
    if width < 4 or width % 2:
        return None
    half = width // 2
    repeated = any(
        len(line.cells) == width and any(compact(c) for c in line.cells[:half]) and [compact(c) for c in line.cells[:half]] == [compact(c) for c in line.cells[half:]]
        for line in lines[:8]
    )
    if not repeated:
        return None
    left = [Line(line.page, line.cells[:half]) if len(line.cells) == width else line for line in lines]
    right = [Line(line.page, line.cells[half:]) for line in lines if len(line.cells) == width and any(c.strip() for c in line.cells[half:])]
    return left, right


def side_by_side(lines: Sequence[Line]) -> list[Line]:
    """The lines of a table printed as two halves side by side, left half first, then right; any other table unchanged."""
    split = halves(lines)
    return list(lines) if split is None else split[0] + split[1]


def split_block_rows(block: Block) -> list[Row]:
    """Every line of the block after its title as a Row (two side-by-side halves one after the other)."""
    return [split_row(line) for line in side_by_side(block.lines[1:])]


def digits(tokens: Sequence[str]) -> list[str]:
    """The tokens that are all digits."""
    return [t for t in tokens if t.isdigit()]


@dataclass(frozen=True)
class Grid:
    """A table whose rows are aligned cells (a ruled PDF table or an HTML table)."""

    labels: list[str]  # per column: the header cells above it, joined with “/”
    rows: list[Line]  # the lines after the header, with as many cells as there are columns


def _is_amount(cell: str) -> bool:
    from cnbudget.amounts import parse_amount

    return parse_amount(cell.strip()) is not None


def _is_unit_line(line: Line) -> bool:
    """A ``预算单位：… | 单位：万元`` line spread over the grid's width: it names no column."""
    cells = [compact(c) for c in line.cells if re.search(r"[\w\u4e00-\u9fff]", c)]  # a lone ? or - names nothing
    return bool(cells) and all(re.search(r"单位[：:]|^[：:]$", c) or re.search(r"(?:单位|部门)[^：:]{0,4}[：:]", c) for c in cells)


def aligned_grid(block: Block) -> Grid | None:
    """The block as header-labelled columns, when its lines are cells of one ruled grid.

    A header cell that spans several columns is printed once, in its first column, with
    empty cells after it; it labels the columns up to the next header cell of its row that
    sits under the same parent. Returns None for text whose cells do not line up.
    """
    body = block.lines[1:]
    width = max((len(line.cells) for line in body), default=0)
    if width < 3:
        return None
    header: list[Line] = []
    start = None
    for i, line in enumerate(body):
        if len(line.cells) == width and any(_is_amount(c) for c in line.cells) and header:
            start = i
            break
        if len(line.cells) == width and not _is_unit_line(line):
            header.append(line)
    if start is None or not header:
        return None
    parents = [""] * width
    for line in header:
        labels = []
        current = ""
        for j, cell in enumerate(line.cells):
            text = compact(cell)
            if text:
                current = text
            elif j == 0 or parents[j] != parents[j - 1]:
                current = ""
            labels.append(current)
        parents = [f"{p}/{c}" if p and c and c != p.rsplit("/", 1)[-1] else (p or c) for p, c in zip(parents, labels)]
    rows = [line for line in body[start:] if len(line.cells) == width]
    return Grid(parents, rows)

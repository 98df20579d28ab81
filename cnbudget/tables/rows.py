"""Printed lines → rows of a table: codes, a name, and amounts in their columns.

A text layer loses column positions: blank cells vanish when cells are separated by
spaces, and even tab-separated layers misplace a blank now and then. So amounts are
placed into columns by arithmetic: each row's candidates must satisfy the table's
identities (合计 = 基本 + 项目 …), and where a row still has several candidates the
column totals decide (a subset-sum over the rows). A hint from tab positions is
preferred when it satisfies the identities.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cnbudget.amounts import SPACE_GROUPED, parse_amount
from cnbudget.model import Line
from cnbudget.strings import compact

_DIGITS = re.compile(r"^\d{1,8}$")
# A blank amount cell printed as a mark (-, —, /): no figure, and no part of the row's name either.
BLANK_MARK = re.compile(r"^(?:[-－—–―/／]|-{2}|—{2})$")
_WIDE = re.compile(r"[^\x00-\x7f]")

Identity = tuple[int, tuple[int, ...]]  # column index = sum of these columns


def _is_wide(ch: str) -> bool:
    return bool(_WIDE.match(ch))


def merge_wrapped(tokens: list[str]) -> list[str]:
    """Tokens with the spaces that wrapping put inside Chinese words removed."""
    out: list[str] = []
    for tok in tokens:
        if out and _is_wide(out[-1][-1]) and _is_wide(tok[0]):
            out[-1] += tok
        else:
            out.append(tok)
    return out


def clean_name(text: str) -> str:
    """A printed name with wrapping spaces removed and surrounding punctuation trimmed."""
    joined = " ".join(merge_wrapped(text.split()))
    return joined.strip(" -—_:：")


@dataclass
class Row:
    """One printed line split into leading codes, the text in the middle and amount slots."""

    line: Line
    lead: list[str]
    middle: list[str]
    slots: list[Decimal | None]
    hinted: bool  # slots come from tab cells, one amount per cell
    values: list[Decimal] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.values = [v for v in self.slots if v is not None]

    @property
    def page(self) -> int | None:
        """The page of the row's line."""
        return self.line.page

    @property
    def name(self) -> str:
        """The row's label: the words between its codes and its amounts, cleaned."""
        return clean_name(" ".join(t for t in self.middle))

    @property
    def compact(self) -> str:
        """The middle text with every space removed (for matching labels)."""
        return compact("".join(self.middle))


# A label cell run into the amount cell after it, as spreadsheet exports print a row (行政运行385.06 | 368.05 | …):
# a decimal amount right after a Chinese character or a closing bracket is a figure of its own. Only in a line of
# several cells: a line printed as one cell (行政经费177.50) is a layout the table kinds read themselves.
RUN_IN = re.compile(r"^(.*[\u4e00-\u9fff）)])((?:\d{1,3}(?:,\d{3})+|\d+)\.\d+)$")


def _split_tokens(cell: str, cut_run_in: bool = False) -> list[str]:
    """The cell's words; with ``cut_run_in`` (a cell of a several-cell line), a label run into its amount cut in two
    and a space-grouped amount kept whole (returned without its spaces)."""
    if cut_run_in and SPACE_GROUPED.match(cell.strip()):
        return [cell.strip().replace(" ", "")]
    tokens: list[str] = []
    for tok in merge_wrapped(cell.split()):
        run_in = RUN_IN.match(tok) if cut_run_in else None
        tokens.extend(run_in.groups() if run_in else (tok,))
    return tokens


def split_row(line: Line) -> Row:
    """A Row from a printed line, keeping tab-cell positions as a placement hint."""
    tokens: list[tuple[int, str]] = []
    for index, cell in enumerate(line.cells):
        for tok in _split_tokens(cell, len(line.cells) > 1):
            tokens.append((index, tok))
    text_positions = [i for i, (_, tok) in enumerate(tokens) if parse_amount(tok) is None and not _DIGITS.match(tok) and not BLANK_MARK.match(tok)]
    if not text_positions:
        lead: list[str] = []
        middle: list[str] = []
        tail_start = 0
    else:
        first, last = text_positions[0], text_positions[-1]
        lead = [tok for _, tok in tokens[:first]]
        middle = [tok for _, tok in tokens[first : last + 1]]
        tail_start = last + 1
    tail = tokens[tail_start:]
    if len(line.cells) > 1:
        start_cell = tokens[tail_start - 1][0] + 1 if tail_start else 0
        per_cell: dict[int, list[Decimal | None]] = {}
        for index, tok in tail:
            per_cell.setdefault(index, []).append(parse_amount(tok))
        slots: list[Decimal | None] = []
        hinted = True
        for index in range(start_cell, len(line.cells)):
            values = per_cell.get(index)
            if not values:
                slots.append(None)
            else:
                hinted = hinted and len(values) == 1
                slots.extend(values)
        # tail tokens left in the cell holding the last text token come first
        leftovers = [parse_amount(tok) for index, tok in tail if index < start_cell]
        if leftovers:
            slots = leftovers + slots
            hinted = False
        return Row(line, lead, middle, slots, hinted)
    return Row(line, lead, middle, [parse_amount(tok) for _, tok in tail], False)


# ---------------------------------------------------------------- placement


def _satisfies(cols: Sequence[Decimal | None], identities: Sequence[Identity]) -> bool:
    for parent, parts in identities:
        total = cols[parent]
        printed = [v for v in (cols[c] for c in parts) if v is not None]
        if not printed:
            continue  # a total without its breakdown printed is not a contradiction
        if total is None or total != sum(printed, Decimal(0)):
            return False
    return True


def candidates(row: Row, ncols: int, identities: Sequence[Identity]) -> list[tuple[Decimal | None, ...]]:
    """Every placement of the row's amounts into ncols columns that keeps the identities.

    The tab hint comes first when it fits; without any fitting placement the hint (or
    the left-aligned placement) is returned alone, so that a row that does not add up
    is published as printed and reported by the checks.
    """
    values = row.values
    if len(values) > ncols:
        return [tuple(values[:ncols])]
    hint: tuple[Decimal | None, ...] | None = None
    if row.hinted:
        slots = list(row.slots)
        while len(slots) > ncols and slots[-1] is None:
            slots.pop()
        if len(slots) < ncols:
            slots += [None] * (ncols - len(slots))
        if len(slots) == ncols:
            hint = tuple(slots)
    found: list[tuple[Decimal | None, ...]] = []
    for positions in itertools.combinations(range(ncols), len(values)):
        cols: list[Decimal | None] = [None] * ncols
        for pos, value in zip(positions, values):
            cols[pos] = value
        if _satisfies(cols, identities):
            found.append(tuple(cols))
    if not found:
        if hint is not None:
            return [hint]
        return [tuple(values + [None] * (ncols - len(values)))]
    if hint is not None and len(found) > 1:
        found.sort(key=lambda c: sum(1 for a, b in zip(c, hint) if a != b))
    return found


def project(cands: list[tuple[Decimal | None, ...]], keep: Sequence[int]) -> list[tuple[Decimal | None, ...]]:
    """Candidates reduced to the published columns, duplicates removed, order kept."""
    seen: dict[tuple[Decimal | None, ...], None] = {}
    for cand in cands:
        seen.setdefault(tuple(cand[i] for i in keep), None)
    return list(seen)


def resolve_by_totals(
    options: list[list[tuple[Decimal | None, ...]]], fixed_sum: tuple[Decimal, ...], target: tuple[Decimal | None, ...]
) -> list[int] | None:
    """Indexes of one option per row whose column sums reach the target, if exactly one way does.

    A dynamic programme over partial column sums; rows with a single option are
    already in ``fixed_sum``. Returns None when no way or more than one way exists.
    """
    width = len(target)
    dims = [i for i in range(width) if target[i] is not None]
    goal = tuple(target[i] - fixed_sum[i] for i in dims)  # type: ignore[operator]
    nonneg = all(v is None or v >= 0 for opts in options for opt in opts for v in opt)
    # state -> (number of ways capped at 2, back pointer)
    layer: dict[tuple[Decimal, ...], tuple[int, tuple[tuple[Decimal, ...], int] | None]] = {
        tuple(Decimal(0) for _ in dims): (1, None)
    }
    history: list[dict[tuple[Decimal, ...], tuple[int, tuple[tuple[Decimal, ...], int] | None]]] = []
    for opts in options:
        nxt: dict[tuple[Decimal, ...], tuple[int, tuple[tuple[Decimal, ...], int] | None]] = {}
        for state, (ways, _) in layer.items():
            for k, opt in enumerate(opts):
                new = tuple(state[j] + (opt[d] or Decimal(0)) for j, d in enumerate(dims))
                if nonneg and any(n > g for n, g in zip(new, goal)):
                    continue
                old = nxt.get(new)
                if old is None:
                    nxt[new] = (ways, (state, k))
                else:
                    nxt[new] = (min(2, old[0] + ways), old[1])
        if len(nxt) > 400_000:
            return None
        history.append(nxt)
        layer = nxt
    final = layer.get(goal)
    if final is None or final[0] != 1:
        return None
    picks: list[int] = []
    state = goal
    for step in reversed(history):
        _, back = step[state]
        assert back is not None
        state, k = back
        picks.append(k)
    return list(reversed(picks))

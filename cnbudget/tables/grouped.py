"""Amounts grouped by spaces in a text layer that lost its columns (``6 530 100.00``): joined where the form proves one
reading, else refused.

A table in 元 groups its thousands by spaces; copied without its columns, a row is one run of text, and
``行政运行 3 850 600.00 3 680 500.00 170 100.00`` could be three amounts, or a 行次 or another figure beside an amount
(``1 244 800.00`` is 1,244,800.00 or row 1 and 244,800.00). A run of figures after a label is read one way only where
the form leaves one way: every amount ends in its decimals (the table prints no 4-digit group unsplit), so each
group of one to three digits starts an amount and the three-digit groups after it continue it up to the decimals. A
whole number may stand alone only where the table can print one: a row number right after the label of a table whose
header prints 行次 or 序号, a count (车辆数, 批次) where the header names one, or a number no group follows. Where two
readings remain and one takes the first number as the row number, the row numbers counting down the table decide it
(the next one after the last read on that side). Anything else is refused: the side's figures are taken off the line
and returned, so that no reader places them; the caller puts them in ``doubts``.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from cnbudget.amounts import SPACE_GROUPED
from cnbudget.model import Block, Line
from cnbudget.schema import THREE_PUBLIC_ITEMS
from cnbudget.strings import compact
from cnbudget.tables import summary
from cnbudget.tables.common import Context
from cnbudget.tables.numbering import ROW_NUMBER, numbered_text
from cnbudget.tables.registry import BY_NAME
from cnbudget.tables.rows import BLANK_MARK
from cnbudget.tables.three_public_text import COUNT, item_of

__all__ = ["Refused", "doubt_refused", "ungrouped"]

_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_WHOLE = re.compile(r"^\d{1,3}$")  # a group that may start an amount (or stand alone)
_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")  # a group that may continue one
_GROUPED_AMOUNT = re.compile(r"^\d{3}\.\d+$")
_UNSPLIT = re.compile(r"^\d{4,}\.\d+$")  # 6530100.00: a table printing this does not group by spaces
# a header naming a count (the “三公” table's words, and 车辆数, 台, 次 of the other tables that print one): its whole
# numbers stand alone; the “三公” table's own reading of labels keeps to its words (three_public_text.item_of)
_COUNT_HEAD = re.compile(rf"{COUNT.pattern}|车辆数|[(（](?:台|次)[)）]")


@dataclass(frozen=True)
class Refused:
    """A side of a row whose space-grouped figures cannot be read one way: its label, leading codes, figures as printed."""

    label: str
    codes: str
    printed: str
    page: int | None


@dataclass(frozen=True)
class _Rules:
    numbered: bool  # the header prints 行次/序号: a row number follows each label
    counting: bool  # the header names a count: any whole number may stand alone


def _is_label(token: str) -> bool:
    return not _NUMBER.match(token) and not BLANK_MARK.match(token)


def _readings(run: list[str], after_label: bool, rules: _Rules) -> list[tuple[str | None, list[str]]]:
    """Every reading of a run of figures: (the row number it starts with or None, its figures joined)."""
    if rules.counting:
        # any whole number may stand alone: a group that could continue another is two readings at least (and a wide
        # row of them would be 2ⁿ): refused outright, else read as printed
        return [] if any(_WHOLE.match(a) and _GROUP.match(b) for a, b in itertools.pairwise(run)) else [(None, run)]
    out: list[tuple[str | None, list[str]]] = []
    starts = [0]
    if rules.numbered and after_label and run and ROW_NUMBER.match(run[0]):
        starts.append(1)
    for start in starts:
        for figures in _cuts(run[start:]):
            out.append((run[0] if start else None, figures))
    return out


def _cuts(run: list[str]) -> list[list[str]]:
    """The ways of cutting a run into amounts (groups joined up to their decimals) and lone whole numbers: one at most,
    since a whole number a group follows must start an amount."""
    if not run:
        return [[]]
    head, rest = run[0], run[1:]
    out: list[list[str]] = []
    if BLANK_MARK.match(head):  # a blank cell printed as a mark (-, —, /): a slot of its own
        return [[head, *tail] for tail in _cuts(rest)]
    if "." in head or not rest or not _GROUP.match(rest[0]):
        out.extend([head, *tail] for tail in _cuts(rest))  # a figure of its own
    if _WHOLE.match(head):
        joined = [head]
        for k, group in enumerate(rest):
            if not _GROUP.match(group):
                break
            joined.append(group)
            if "." in group:
                out.extend(["".join(joined), *tail] for tail in _cuts(rest[k + 1 :]))
                break
    return out


def _applies(block: Block) -> bool:
    """Whether the block is a text layer (one cell a line) that groups amounts by spaces and prints none unsplit."""
    body = block.lines[1:]
    if not body or any(len(line.cells) > 1 for line in body):
        return False
    tokens = [line.text.split() for line in body]
    if any(_UNSPLIT.match(t) for toks in tokens for t in toks):
        return False
    return any(_WHOLE.match(a) and _GROUPED_AMOUNT.match(b) for toks in tokens for a, b in itertools.pairwise(toks))


def _sides(tokens: list[str]) -> tuple[list[str], list[tuple[list[str], list[str]]]]:
    """A line's leading numbers (codes, or a left row number) and its (label, figures) sides."""
    first = next((i for i, t in enumerate(tokens) if _is_label(t)), None)
    if first is None:
        return [], [([], tokens)]
    sides: list[tuple[list[str], list[str]]] = []
    for tok in tokens[first:]:
        if _is_label(tok):
            if not sides or sides[-1][1]:
                sides.append(([], []))
            sides[-1][0].append(tok)
        else:
            sides[-1][1].append(tok)
    return tokens[:first], sides


def _joined_cells(block: Block) -> Block:
    """The block with each cell of its own that is one space-grouped amount (1 234 567.00) printed without the spaces,
    so that every reader (the grids' too) reads it as the amount it is (``amounts.SPACE_GROUPED``)."""
    if not any(len(line.cells) > 1 and any(SPACE_GROUPED.match(c.strip()) for c in line.cells) for line in block.lines[1:]):
        return block
    lines = block.lines[:1] + [
        Line(line.page, tuple(c.strip().replace(" ", "") if SPACE_GROUPED.match(c.strip()) else c for c in line.cells)) if len(line.cells) > 1 else line
        for line in block.lines[1:]
    ]
    return Block(block.kind, block.title, lines, block.unit_factor, block.unit_label, block.file)


def ungrouped(block: Block) -> tuple[Block, list[Refused]]:
    """The block with its space-grouped amounts joined where one reading is proved, and the sides refused."""
    block = _joined_cells(block)
    if not _applies(block):
        return block, []
    header = compact(" ".join(line.text for line in block.lines[:8]))
    rules = _Rules(numbered_text(block), bool(_COUNT_HEAD.search(header)))
    last: dict[int, int] = {}  # per side, the last row number read
    refused: list[Refused] = []
    lines = block.lines[:1]
    for line in block.lines[1:]:
        text = line.text
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        tokens = [text[a:b] for a, b in spans]
        if not tokens or compact(tokens[0]) == "栏次":
            lines.append(line)
            continue
        lead, sides = _sides(tokens)
        shift = 1 if rules.numbered and sides and sides[0][0] and len(lead) == 1 and ROW_NUMBER.match(lead[0]) else 0
        if shift:
            last[0] = int(lead[0])
        edits: list[tuple[int, int, str]] = []  # (first token, last token + 1, what they read as)
        at = len(lead)
        for n, (label, run) in enumerate(sides):
            side = n + shift
            at += len(label)
            reading = _choose(run, _readings(run, bool(label), rules), last.get(side, 0 if side == 0 else None))
            if reading is None:
                refused.append(Refused(compact("".join(label)), "".join(lead) if n == 0 and not shift else "", " ".join(run), line.page))
                edits.append((at, at + len(run), ""))
            else:
                number, figures = reading
                if number is not None:
                    last[side] = int(number)
                edits.append((at, at + len(run), " ".join([number, *figures] if number is not None else figures)))
            at += len(run)
        lines.append(_edited(line, text, spans, edits))
    return Block(block.kind, block.title, lines, block.unit_factor, block.unit_label, block.file), refused


def _edited(line: Line, text: str, spans: list[tuple[int, int]], edits: list[tuple[int, int, str]]) -> Line:
    """The line with each run of tokens replaced by its reading, everything else (indentation too) as printed."""
    out, pos = [], 0
    for first, end, reading in edits:
        if first == end or reading == " ".join(text[a:b] for a, b in spans[first:end]):
            continue
        start, stop = spans[first][0], spans[end - 1][1]
        out.append(text[pos:start] + reading)
        pos = stop
    if not out:
        return line
    return Line(line.page, ((("".join(out) + text[pos:]).rstrip()),))


def _choose(run: list[str], readings: list[tuple[str | None, list[str]]], last: int | None) -> tuple[str | None, list[str]] | None:
    """The one reading, or the one whose row number follows the side's last; None where the form leaves more or none.

    Readings that join the same groups (differing only in whether a lone whole number is the row number or a figure)
    are one: that is no question of grouping, and the table's reader decides it as it does in any text layer.
    """
    distinct = list({(n, tuple(f)): (n, f) for n, f in readings}.values())
    if distinct and len({(*([n] if n else []), *f) for n, f in distinct}) == 1:
        return next((r for r in distinct if r[0] is not None), distinct[0])
    if last is not None:
        following = [r for r in distinct if r[0] is not None and int(r[0]) == last + 1]
        if len(following) == 1 and all(r[0] is None for r in distinct if r is not following[0]):
            return following[0]
    return None


# what a refused side's figures would have filled, by the kind of its table: resource and the columns of its key
_COLUMNS = {"expenditure_by_function": "total|basic|project", "basic_expenditure_by_economic": "total|personnel|public"}
_NAMES = {"expenditure_by_function": ("function_code", "function_name"), "basic_expenditure_by_economic": ("economic_code", "economic_name")}


def _target(refusal: Refused, block: Block, ctx: Context, phases: str) -> tuple[str, str]:
    """The ``doubts`` (resource, key) of a refused side: the key a check looks its figures up by."""
    resources = BY_NAME[block.kind].resources
    label = summary.bare_label(refusal.label)
    if block.kind in ("summary", "fiscal_summary"):
        metric = next((m for pat, m in summary.TOTAL_LINES if re.search(pat, label)), None)
        if metric is None and label in ("总计", "合计"):
            metric = "revenue_total|expenditure_total"
        if metric is not None:
            return "totals", f"{metric}/{phases}/amount"
        source = next((s for pat, s in summary.SOURCES if re.search(pat, label)), None)
        if source is not None and "支出" not in label:
            return "revenue_by_source", f"{source}/{phases}/amount"
        return "expenditure_by_function", f"{label}/{phases}/total"
    if block.kind == "three_public":
        # a row of no label is the one wide row of every item
        item = item_of(label) if label else "|".join(THREE_PUBLIC_ITEMS)
        return "three_public", f"{ctx.fiscal_year}/{item or label}/{phases}/amount"
    resource = next((r for r in resources if r in _COLUMNS), resources[0])
    if resource in _COLUMNS:
        code_field, name_field = _NAMES[resource]
        code = refusal.codes or next(
            (
                str(row[code_field])
                for row in ctx.disclosure.rows.get(resource, [])
                if row.get("source_table") == block.title and row.get("page") == refusal.page and compact(str(row.get(name_field) or "")) == label
            ),
            label,
        )
        return resource, f"{code}/{phases}/{_COLUMNS[resource]}"
    return resource, f"{label}/{phases}/amount"


def doubt_refused(ctx: Context, refused: list[tuple[Block, list[Refused]]]) -> None:
    """A ``doubts`` row for each side refused, after the tables are read (a row printed by name takes its code from them)."""
    phases = ctx.phases_key
    for block, sides in refused:
        for refusal in sides:
            resource, key = _target(refusal, block, ctx, phases)
            where = f"第{refusal.page}页" if refusal.page is not None else ""
            reason = (
                f"{block.title}{where}“{refusal.label or refusal.codes or '无名称'}”一行的数字以空格分节（{refusal.printed}），"
                "可以读成不同的金额（分节合成一个数，或其中一节是行次、另一个数），无法确定，没有发布"
            )
            ctx.doubt(resource, key, refusal.printed, reason, refusal.page, block.title, block.file or None)

"""基本支出表: rows by economic classification (部门预算支出经济分类, 301…)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from cnbudget.amounts import parse_amount, to_wan
from cnbudget.model import Block, Line
from cnbudget.official import classification
from cnbudget.strings import compact
from cnbudget.tables.common import (
    TOTAL_RE,
    Context,
    Layout,
    aligned_grid,
    choose_layout,
    doubt_unplaced,
    halves,
    header_text,
    keyed,
    place_rows,
    split_block_rows,
)
from cnbudget.tables.kind import TableKind
from cnbudget.tables.numbering import without_row_number_tokens, without_row_numbers
from cnbudget.tables.rows import Row, split_row

LAYOUTS = (
    # 人员支出 and 日常公用支出 are the same columns under the names of the 政府预算经济分类 (Shandong)
    Layout("personnel-public", ("total", "personnel", "public"), ("人员(?:经费|支出)", "公用(?:经费|支出)"), (("total", ("personnel", "public")),)),
    Layout("total", ("total",), ()),
)
PUBLISHED = ("total", "personnel", "public")
COLUMN_NAMES = {"total": "合计", "personnel": "人员经费", "public": "公用经费"}
METRICS = {"total": "basic_expenditure", "personnel": "personnel_expenditure", "public": "public_expenditure"}  # the total row's columns
_GOV_CODE = re.compile(r"^5\d{2}(?:\d{2})?$")


def _metric_key(phase: str) -> Callable[[tuple[str, ...]], str]:
    """The ``doubts.key`` of a figure of the table's total row (of ``phase``) that fits any of the given columns."""
    return lambda columns: "|".join(METRICS[c] for c in columns) + f"/{phase}/amount"


def split_economic_code(lead: list[str]) -> str | None:
    """A 3- or 5-digit departmental economic code from leading tokens (301 01 30101 → 30101)."""
    if not lead or not lead[0].startswith(("3", "5")) or not re.fullmatch(r"[0-9]+", lead[0]):
        return None
    first = lead[0]
    if len(first) == 5:
        return first
    if len(first) != 3:
        return None
    if len(lead) > 1 and len(lead[1]) in (1, 2) and re.fullmatch(r"[0-9]+", lead[1]):
        code = first + lead[1].zfill(2)  # a 款 cell printed as “2” for “02”
        if len(lead) > 2 and len(lead[2]) == 5 and lead[2] != code:
            return None  # the printed 5-digit code contradicts its parts
        return code
    return first


def _government_code(middle: list[str]) -> tuple[str, str | None]:
    """The departmental name and the 政府预算经济分类 code printed after it, if any."""
    for i, tok in enumerate(middle):
        if i > 0 and _GOV_CODE.match(tok):
            code = tok
            if len(tok) == 3 and i + 1 < len(middle) and re.fullmatch(r"\d{2}", middle[i + 1]):
                code += middle[i + 1]
            return "".join(middle[:i]), code
    return "".join(middle), None


def _outliers(rows: list[Row]) -> set[int]:
    """Rows whose cell count is far from the table's usual one: another table's rows."""
    counts = sorted(len(r.line.cells) for r in rows if r.values and len(r.line.cells) > 1)
    if not counts:
        return set()
    usual = counts[len(counts) // 2]
    return {i for i, r in enumerate(rows) if r.values and len(r.line.cells) > 1 and len(r.line.cells) > 2 * usual}


def text_halves(lines: list[Line]) -> tuple[list[Line], list[Line]] | None:
    """A text layer's table printed as two halves side by side, each with one amount column, cut into its halves.

    The header's tokens repeat (科目编码 科目名称 决算数 twice); a line's left half ends at the first
    amount after a label. A line printing one half goes where its class (302 of 30299) is open.
    """
    if any(len(line.cells) > 1 for line in lines):
        return None
    heads = [line.text.split() for line in lines[:8]]
    if not any(len(t) >= 4 and len(t) % 2 == 0 and t[: len(t) // 2] == t[len(t) // 2 :] for t in heads):
        return None
    left: list[Line] = []
    right: list[Line] = []
    classes = {"left": "", "right": ""}
    continuing = ""  # the side of the last line that printed one half
    for line in lines:
        tokens = line.text.split()
        cut = next((i + 1 for i in range(1, len(tokens)) if parse_amount(tokens[i]) is not None and parse_amount(tokens[i - 1]) is None), None)
        halves_ = [tokens[:cut], tokens[cut:]] if cut is not None else [tokens, []]
        if len(tokens) == 2 and not any(parse_amount(t) is not None for t in tokens):
            halves_ = [tokens[:1], tokens[1:]]  # a heading over each half (人员经费 公用经费)
        if halves_[1] and (len(tokens) == 2 or split_row(Line(line.page, (" ".join(halves_[1]),))).values):
            left.append(Line(line.page, (" ".join(halves_[0]),)))
            right.append(Line(line.page, (" ".join(halves_[1]),)))
            for side, half in zip(("left", "right"), halves_):
                classes[side] = half[0][:3] if half[0][:1] == "3" and half[0].isdigit() else (_named_class(half, {}) or classes[side])
            continue
        code = tokens[0][:3] if tokens and tokens[0].isdigit() else _named_class(tokens, classes)
        if code and code == classes["right"] != classes["left"]:
            side = "right"
        elif code and code == classes["left"]:
            side = "left"
        elif not code:
            side = "left"  # a line of no code (a total, a note) stays where it went
        else:
            # a class open on neither side (310 after the 302 rows): once one half has run out, the lines printing
            # one half are the other's, so it follows the one-half line before it (before, it went left: 资本性支出
            # read as 人员经费)
            side = continuing or "left"
        if code:
            classes[side], continuing = code, side
        (right if side == "right" else left).append(line)
    return left, right


def _named_class(tokens: list[str], classes: dict[str, str]) -> str:
    """The class of a line printed by name only (no codes): the class it names, else the one open class (of ``classes``,
    by side) that has an item of its name; "" where neither or both do (a total, a note, 其他 of two classes)."""
    name = "".join(t for t in tokens if parse_amount(t) is None)
    if not name:
        return ""
    own = named_economic_code(name, None, None)
    if own is not None:
        return own[:3]
    under = {c for c in classes.values() if c and classification.match_economic_name(name, parent_code=c) is not None}
    return under.pop() if len(under) == 1 else ""


def half_columns(split: tuple[list[Line], list[Line]] | None) -> tuple[int, str, str] | None:
    """For a table printed as two halves, one headed or footed 人员经费 and the other 公用经费:
    the number of lines of the left half and the column each half's figures belong to."""
    if split is None:
        return None
    left, right = ("".join(compact(c) for line in half for c in line.cells) for half in split)
    named = {part: ("人员经费" in text, "公用经费" in text) for part, text in (("left", left), ("right", right))}
    if named["left"] == (True, False) and named["right"] == (False, True):
        return len(split[0]), "personnel", "public"
    if named["left"] == (False, True) and named["right"] == (True, False):
        return len(split[0]), "public", "personnel"
    return None


def cross_parents(codes: list[tuple[str, str | None]]) -> list[int | None]:
    """For each (departmental, 政府预算) code pair, the index of its class row: the nearest row whose
    departmental code is a shorter prefix of it and whose 政府 code, where both print one, is a prefix too.

    Tables cross-classified by both classifications print a class (301) once under each 政府 class
    (501, 505); each item belongs to the 301 row of its own 政府 class.
    """
    out: list[int | None] = []
    for i, (code, gov) in enumerate(codes):
        fits = [
            j
            for j, (other, other_gov) in enumerate(codes)
            if len(other) < len(code) and code.startswith(other) and (gov is None or other_gov is None or gov.startswith(other_gov))
        ]
        longest = [j for j in fits if len(codes[j][0]) == max((len(codes[k][0]) for k in fits), default=0)]
        above = [j for j in longest if j < i]
        out.append(above[-1] if above else longest[0] if longest else None)
    return out


def _leaf(label: str) -> str:
    return label.rsplit("/", 1)[-1]


def one_column_group(block: Block, ctx: Context) -> Block:
    """A table printing 合计 and then column groups of 小计 | 人员经费 | 公用经费 (当年预算, 上年结转结余 …)
    reduced to 合计 | 人员经费 | 公用经费, each row's parts taken from the one group whose 小计 is its 合计.

    Where no group's 小计 equals the row's 合计 alone (the others blank or zero), the parts are left
    blank and the printed figures go to ``doubts``: which group they belong to is not said.
    """
    grid = aligned_grid(block)
    if grid is None:
        return block
    leaves = [_leaf(label) for label in grid.labels]
    total = next((j for j, leaf in enumerate(leaves) if leaf == "合计"), None)
    groups = [(j, j + 1, j + 2) for j in range(len(leaves) - 2) if leaves[j : j + 3] == ["小计", "人员经费", "公用经费"]]
    if total is None or len(groups) < 2 or total > groups[0][0]:
        return block
    width = len(grid.labels)
    lines = [block.lines[0]]
    for line in block.lines[1:]:
        if len(line.cells) != width:
            lines.append(line)
            continue
        cells, head = line.cells, line.cells[:total]
        amount = parse_amount(cells[total])
        if amount is None:
            header = any(compact(c) in ("小计", "人员经费", "公用经费") for c in cells)
            lines.append(Line(line.page, (*head, *(("合计", "人员经费", "公用经费") if header else (cells[total], "", "")))))
            continue
        subtotals = [parse_amount(cells[g[0]]) or Decimal(0) for g in groups]
        own = [i for i, sub in enumerate(subtotals) if sub == amount and not any(subtotals[k] for k in range(len(groups)) if k != i)]
        if len(own) == 1:
            g = groups[own[0]]
            lines.append(Line(line.page, (*head, cells[total], cells[g[1]], cells[g[2]])))
            continue
        lines.append(Line(line.page, (*head, cells[total], "", "")))
        printed = "；".join(f"{grid.labels[j].split('/')[-2] if '/' in grid.labels[j] else ''}{leaves[j]} {cells[j]}" for g in groups for j in g[1:] if compact(cells[j]))
        code = compact(head[0]) if head else ""
        key = f"{code}/personnel|public" if code.isdigit() else "personnel_expenditure|public_expenditure/amount"
        reason = f"“{compact(''.join(head)) or '合计'}”一行的人员经费和公用经费分印在几个栏目组（{printed}），没有一组的小计等于合计，无法确定其人员经费和公用经费"
        ctx.doubt("basic_expenditure_by_economic" if code.isdigit() else "totals", key, printed, reason, line.page, block.title)
    return Block(block.kind, block.title, lines, block.unit_factor, block.unit_label)


def _two_labels(row: Row) -> bool:
    """Whether a figure stands between the row's words (人员经费合计 444.93 公用经费合计 68.26): two rows of two
    halves printed as one, whose last figure is no total of the table."""
    return any(parse_amount(t) is not None for t in row.middle)


def read_basic_economic(block: Block, ctx: Context) -> None:
    """Rows of the basic expenditure table into ``basic_expenditure_by_economic``."""
    block = one_column_group(without_row_numbers(without_row_number_tokens(block)), ctx)
    layout = choose_layout(header_text(block), LAYOUTS)
    split = halves(block.lines[1:]) or text_halves(block.lines[1:])
    by_half = half_columns(split)
    if by_half is not None:
        layout = LAYOUTS[-1]  # one amount per half: its 合计, and the column the half is headed by
    rows = [split_row(line) for line in split[0] + split[1]] if split is not None else split_block_rows(block)
    skip = _outliers(rows)
    if skip:
        ctx.problem(
            "unrecognised-rows",
            f"{block.title}: {len(skip)} rows have another table's shape (no title was found for them) and were not read",
            rows[min(skip)].page,
        )
    coded: list[tuple[Row, str, str, str | None]] = []
    sides: list[str | None] = []  # per coded row, the column its half is headed by
    total_row: Row | None = None
    uncoded = not any(split_economic_code(r.lead) for r in rows)
    open_class: str | None = None
    for i, row in enumerate(rows):
        if i in skip:
            continue
        code = split_economic_code(row.lead)
        name, gov = _government_code(row.middle)
        if uncoded and code is None and not row.lead and row.values:
            code = named_economic_code(row.compact, open_class, ctx.fiscal_year)
            open_class = code[:3] if code else open_class
        part = re.fullmatch(r"(人员经费|公用经费)(?:合计)?", row.compact)
        if part and not row.lead and row.values:
            # 财决 templates print 人员经费合计 and 公用经费合计 at the foot of the two halves
            metric = "personnel_expenditure" if part.group(1) == "人员经费" else "public_expenditure"
            ctx.add_total(metric, to_wan(row.values[0], ctx.factor(block)), row.page, block.title)
        elif code is None and not row.lead and total_row is None and TOTAL_RE.search(row.compact) and row.values and not _two_labels(row):
            total_row = row
        elif code is not None and code.startswith("3") and name:
            # a row whose printed name is not its code's official name is still the document's
            # row: it is published as printed and the checks report the disagreement
            coded.append((row, code, name, gov))
            sides.append(None if by_half is None else by_half[1] if i < by_half[0] else by_half[2])
    parents = cross_parents([(c, g) for _, c, _, g in coded])
    placed = place_rows(ctx, block, [r for r, *_ in coded], layout, PUBLISHED, parents, total_row)
    merged: dict[str, dict[str, Any]] = {}
    repeated: list[dict[str, Any]] = []  # a code printed again under another name: published after, reported as repeated
    printed = {c for _, c, _, _ in coded}
    doubted: dict[str, set[str]] = {}  # code → the columns of its rows holding a figure that could not be placed
    for (row, code, name, gov), p, side in zip(coded, placed, sides):
        if side is not None:
            p.cols[side] = p.cols.get("total")
        cols = {c: p.cols.get(c) for c in PUBLISHED}
        if code in merged and compact(merged[code]["economic_name"]) != compact(name):
            code = _recoded(ctx, code, name, printed, row.page)
        row_key = f"{code}/{gov}" if gov else code
        doubt_unplaced(ctx, "basic_expenditure_by_economic", block.title, (name, row.page), p.unplaced, keyed(f"{row_key}/{ctx.phase}"), COLUMN_NAMES.__getitem__)
        doubted.setdefault(code, set()).update(c for _, columns in p.unplaced for c in columns)
        if code in merged and compact(merged[code]["economic_name"]) == compact(name):
            # a table cross-classified by 政府预算经济分类 prints a departmental code on several rows (one per
            # 政府预算 code): they are added into one row per code; the same row printed again is read once
            first = merged[code]
            if gov != first["government_economic_code"] or any(first[c] != v for c, v in cols.items()):
                merged[code] = _added(first, cols, gov)
            continue
        printed_row = _economic_row(code, name, cols, row.page, gov, block.title)
        if code in merged:
            repeated.append(printed_row)
        else:
            merged[code] = printed_row
    for code, item in merged.items():
        for col in doubted.get(code, ()):
            item[col] = None  # a doubted figure added into its code's row leaves the sum unknown
    for item in [*merged.values(), *repeated]:
        ctx.add("basic_expenditure_by_economic", item)
    if total_row is not None:
        foot = place_rows(ctx, block, [total_row], layout, PUBLISHED, [None], None)[0]
        for col, metric in METRICS.items():
            if foot.cols.get(col) is not None:
                ctx.add_total(metric, foot.cols[col], total_row.page, block.title)
        doubt_unplaced(ctx, "totals", block.title, (total_row.name, total_row.page), foot.unplaced, _metric_key(ctx.phase), COLUMN_NAMES.__getitem__)


def named_economic_code(name: str, open_class: str | None, year: int | None) -> str | None:
    """The departmental code of a row printed by name only, in a table that prints no codes: a class
    whose official name it is, else an item of the class last named above it (names repeat across classes)."""
    wanted = classification.normalize_name(name)
    for entry in classification.economic_entries():
        if entry.level == "class" and entry.scheme == "department" and (year is None or entry.valid_in(year)) and classification.normalize_name(entry.name) == wanted:
            return entry.code
    return classification.match_economic_name(name, parent_code=open_class, year=year) if open_class else None


def _economic_row(code: str, name: str, cols: dict[str, Decimal | None], page: int | None, gov: str | None, table: str) -> dict[str, Any]:
    level = "class" if len(code) == 3 else "item"
    return {"economic_code": code, "level": level, "economic_name": compact(name), **cols, "page": page, "government_economic_code": gov, "source_table": table}


def _recoded(ctx: Context, code: str, name: str, printed: set[str], page: int | None) -> str:
    """The official code of a printed name, for a row that prints another row's code under another name (30208 取暖费, 30208 物业管理费)."""
    official = classification.match_economic_name(compact(name), parent_code=code[:3], year=ctx.fiscal_year)
    if official is None or official in printed:
        return code
    ctx.problem("misprinted-code", f"the row “{compact(name)}” prints the code {code} of another row; read as {official}, the official code of its name", page)
    return official


def _added(row: dict[str, Any], cols: dict[str, Decimal | None], gov: str | None) -> dict[str, Any]:
    """The row with another printed row of the same code added in, column by column (a blank cell adds nothing)."""
    out = dict(row)
    for col, value in cols.items():
        if value is not None:
            out[col] = value + (out[col] or Decimal(0))
    if out["government_economic_code"] != gov:
        out["government_economic_code"] = None
    return out


def preferred_basic_table(blocks: list[Block]) -> Block | None:
    """The basic expenditure table to publish: the 一般公共预算 one where a document prints several.

    Templates that print both a 财政拨款基本支出表 and a 一般公共预算基本支出表 repeat the
    same items in each; the contract's resource is the general public budget's.
    """
    basic = [b for b in blocks if b.kind == BASIC_ECONOMIC.name]
    return next((b for b in basic if "一般公共预算" in b.title), basic[0] if basic else None)


def read_preferred_basic_economic(block: Block, ctx: Context) -> None:
    """The block's rows, when it is the disclosure's preferred basic expenditure table (the others repeat it)."""
    if block is preferred_basic_table(ctx.blocks):
        read_basic_economic(block, ctx)


BASIC_ECONOMIC = TableKind(
    "basic_economic",
    r"基本支出(?:预算|决算)?(?:明细)?(?:情况)?[（(]?(?:(?:部门|政府)(?:预算)?)?(?:支出)?(?:经济分类|经济科目)?(?:科目)?[)）]?(?:预算|决算)?表",
    "基本支出表",
    ("basic_expenditure_by_economic", "totals"),
    read_preferred_basic_economic,
)

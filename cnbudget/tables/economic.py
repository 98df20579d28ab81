"""基本支出表: rows by economic classification (部门预算支出经济分类, 301…)."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from cnbudget.amounts import to_wan
from cnbudget.model import Block
from cnbudget.official import classification
from cnbudget.strings import compact
from cnbudget.tables.common import TOTAL_RE, Context, Layout, choose_layout, doubt_unplaced, header_text, keyed, parents_of, place_rows, split_block_rows
from cnbudget.tables.kind import TableKind
from cnbudget.tables.rows import Row

LAYOUTS = (
    Layout("personnel-public", ("total", "personnel", "public"), ("人员经费", "公用经费"), (("total", ("personnel", "public")),)),
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


def read_basic_economic(block: Block, ctx: Context) -> None:
    """Rows of the basic expenditure table into ``basic_expenditure_by_economic``."""
    layout = choose_layout(header_text(block), LAYOUTS)
    rows = split_block_rows(block)
    skip = _outliers(rows)
    if skip:
        ctx.problem(
            "unrecognised-rows",
            f"{block.title}: {len(skip)} rows have another table's shape (no title was found for them) and were not read",
            rows[min(skip)].page,
        )
    coded: list[tuple[Row, str, str, str | None]] = []
    total_row: Row | None = None
    for i, row in enumerate(rows):
        if i in skip:
            continue
        code = split_economic_code(row.lead)
        name, gov = _government_code(row.middle)
        part = re.fullmatch(r"(人员经费|公用经费)(?:合计)?", row.compact)
        if part and not row.lead and row.values:
            # 财决 templates print 人员经费合计 and 公用经费合计 at the foot of the two halves
            metric = "personnel_expenditure" if part.group(1) == "人员经费" else "public_expenditure"
            ctx.add_total(metric, to_wan(row.values[0], ctx.factor(block)), row.page, block.title)
        elif code is None and not row.lead and total_row is None and TOTAL_RE.search(row.compact) and row.values:
            total_row = row
        elif code is not None and code.startswith("3") and name:
            # a row whose printed name is not its code's official name is still the document's
            # row: it is published as printed and the checks report the disagreement
            coded.append((row, code, name, gov))
    codes = [c for _, c, _, _ in coded]
    parents = [p if p is not None and len(codes[p]) < len(codes[i]) else None for i, p in enumerate(parents_of(codes))]
    placed = place_rows(ctx, block, [r for r, *_ in coded], layout, PUBLISHED, parents, total_row)
    merged: dict[str, dict[str, Any]] = {}
    repeated: list[dict[str, Any]] = []  # a code printed again under another name: published after, reported as repeated
    printed = {c for _, c, _, _ in coded}
    doubted: dict[str, set[str]] = {}  # code → the columns of its rows holding a figure that could not be placed
    for (row, code, name, gov), p in zip(coded, placed):
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


def _economic_row(code: str, name: str, cols: dict[str, Decimal | None], page: int | None, gov: str | None, table: str) -> dict[str, Any]:
    level = "class" if len(code) == 3 else "item"
    return {"economic_code": code, "level": level, "economic_name": re.sub(r"\s+", "", name), **cols, "page": page, "government_economic_code": gov, "source_table": table}


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

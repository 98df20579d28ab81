"""一般公共预算支出表 and 财政拨款支出表: rows by functional classification (类/款/项).

Every function-classified table of a disclosure is read first; ``merge_function_tables`` then
publishes one set of rows (the 一般公共预算支出表's, completed from the others).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cnbudget.amounts import to_wan
from cnbudget.model import Block, CrossFigure
from cnbudget.official import classification
from cnbudget.strings import compact
from cnbudget.tables.common import (
    TOTAL_RE,
    Context,
    Layout,
    Placed,
    choose_layout,
    doubt_unplaced,
    header_text,
    keyed,
    parents_of,
    place_rows,
    split_block_rows,
)
from cnbudget.tables.function_grid import GridRow, grid_rows, in_wan, row_doubts
from cnbudget.tables.kind import TableKind
from cnbudget.tables.rows import Row

LAYOUTS = (
    Layout(
        "previous-basic-project",
        ("previous_year", "total", "basic", "project"),
        (r"\d{4}年(?:预算|决算)数|上年(?:预算|决算)数", "总计|合计", "基本支出", "项目支出"),
        (("total", ("basic", "project")),),
    ),
    Layout(
        "detailed",
        ("total", "basic", "wages", "family", "goods", "capital", "project", "operating", "specific"),
        ("工资福利", "商品和服务", "其他运转类|特定目标类"),
        (
            ("total", ("basic", "project")),
            ("basic", ("wages", "family", "goods", "capital")),
            ("project", ("operating", "specific")),
        ),
    ),
    # A final account's 年初预算数 and 全年预算数 (one column each) printed before 决算数 over 小计 | 基本支出 | 项目支出:
    # where a text layer loses the blank cells, a row's figures are placed among all five columns, never from the first
    # (their year-start budget read as the 决算 total). Only where 基本支出 is printed once: three groups each over
    # 小计 | 基本 | 项目 are another layout.
    Layout(
        "phases-basic-project",
        ("start_budget", "full_budget", "total", "basic", "project"),
        ("年初预算数?", "全年预算数?", "决算数?", "^(?!.*基本支出.*基本支出)", "基本支出", "项目支出"),
        (("total", ("basic", "project")),),
    ),
    # A final account's 年初预算数 | 全年预算数 | 决算数, one column each: the 决算数 is the last, never the first figure
    # (the fallback below would take the year-start budget for it); a row missing one is placed by its parent's sums.
    Layout("three-phases", ("start_budget", "full_budget", "total"), ("年初预算数?", "(?:全年|调整)预算数?", "决算数?")),
    Layout("basic-project", ("total", "basic", "project"), ("基本支出", "项目支出"), (("total", ("basic", "project")),)),
    Layout("current-carryover", ("total", "current", "carryover"), ("当年|本年", "上年结转"), (("total", ("current", "carryover")),)),
    Layout("total", ("total",), ()),
)
PUBLISHED = ("previous_year", "total", "basic", "project")
# which table's rows are published where several give the same 科目: the first in this order
FUNCTION_KINDS = ("function", "expenditure", "fiscal_detail")
COLUMN_NAMES = {"previous_year": "上年数", "total": "合计", "basic": "基本支出", "project": "项目支出"}


@dataclass
class FunctionRow:
    code: str
    name: str
    cols: dict[str, Decimal | None]
    page: int | None
    table: str
    kind: str
    file: str = ""
    printed: bool = True  # False where the code is not the one printed (a misprinted 类 repaired)
    unplaced: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)  # figures of the row no column could be named for
    phased: dict[str, dict[str, Decimal | None]] = field(default_factory=dict)  # another phase's amounts, in 万元


_CODE_PART = re.compile(r"[0-9]+")  # ASCII digits only: an amount such as 21.00 or 2,345 is no code


def split_function_code(lead: list[str]) -> tuple[str | None, list[str]]:
    """A 3/5/7-digit function code from leading tokens (201 31 01 → 2013101), and the rest."""
    if not lead or not _CODE_PART.fullmatch(lead[0]):
        return None, lead
    first = lead[0]
    if len(first) in (5, 7) and first.startswith("2"):
        return first, lead[1:]
    if len(first) == 3 and first.startswith("2"):
        code, i = first, 1
        while i < len(lead) and len(lead[i]) == 2 and _CODE_PART.fullmatch(lead[i]) and len(code) < 7:
            code += lead[i]
            i += 1
        return code, lead[i:]
    return None, lead


def level_of(code: str) -> str:
    """The classification level a code's length gives."""
    return {3: "class", 5: "section", 7: "item"}[len(code)]


def _is_function_row(code: str | None, name: str, year: int | None) -> bool:
    if code is None or not name:
        return False
    entry = classification.entry_of("function", code, year)
    # A code whose printed name contradicts the official one is a unit code, not a 科目; but where
    # another year's list stands in for the fiscal year's own, the names may have changed since, and
    # a name the reference data could not check (``verified`` false) contradicts nothing.
    if entry is None or not entry.verified or classification.list_year_for(year).substituted:
        return True
    return classification.names_agree(name, entry.name)


def _repair_class(row: Row, previous: str, ctx: Context) -> str | None:
    """The code of a row whose 类 cell is misprinted (“7 | 11 | 02” under 210 11): the 款 and 项
    cells are kept and the 类 is the one of the row before, when that row is of the same 款."""
    lead = row.lead
    if len(lead) < 3 or not (lead[0].isdigit() and len(lead[0]) < 3 and len(lead[1]) == 2 and len(lead[2]) == 2):
        return None
    if len(previous) < 5 or previous[3:5] != lead[1]:
        return None
    code = previous[:3] + lead[1] + lead[2]
    if not _is_function_row(code, row.name, ctx.fiscal_year) or classification.function_name(code, ctx.fiscal_year) is None:
        return None
    ctx.problem("misprinted-code", f"the row “{row.name}” prints its code as {' '.join(lead[:3])}; read as {code}, the 类 of the rows around it", row.page)
    return code


def read_function_table(block: Block, ctx: Context) -> list[FunctionRow]:
    """The coded rows of a function-classified table, amounts placed and in 万元."""
    named = grid_rows(block, ctx.fiscal_year, ctx.phase)
    if named is not None:
        return _read_named(block, ctx, *named)
    layout = choose_layout(header_text(block), LAYOUTS)
    coded: list[tuple[Row, str]] = []
    repaired: set[int] = set()
    total_row: Row | None = None
    for row in split_block_rows(block):
        code, _ = split_function_code(row.lead)
        if code is None and coded:
            code = _repair_class(row, coded[-1][1], ctx)
            if code is not None:
                repaired.add(id(row))
        if code is None and not row.lead and total_row is None and TOTAL_RE.search(row.compact) and row.values:
            total_row = row
        elif _is_function_row(code, row.name, ctx.fiscal_year):
            coded.append((row, code))  # type: ignore[arg-type]
    keep = [c for c in PUBLISHED if c in layout.columns]
    parents = parents_of([c for _, c in coded])
    placed: list[Placed] = place_rows(ctx, block, [r for r, _ in coded], layout, keep, parents, total_row)
    out = [
        FunctionRow(code, p.row.name, p.cols, p.row.page, block.title, block.kind, block.file, id(row) not in repaired, p.unplaced)
        for (row, code), p in zip(coded, placed)
    ]
    if total_row is not None:
        totals = place_rows(ctx, block, [total_row], layout, keep, [None], None)[0]
        ctx.tables.setdefault("function_totals", []).append((block, totals.cols))
    return out


def _read_named(block: Block, ctx: Context, rows: list[GridRow], total: GridRow | None) -> list[FunctionRow]:
    """The rows of a table whose header names its columns: each figure read from its own column.

    What it cannot publish is kept with the table and doubted if its rows are the ones published.
    """
    factor = ctx.factor(block)
    doubts = [(doubt, row.page) for row in rows for doubt in row_doubts(row, ctx.phase)]
    ctx.tables.setdefault("function_doubts", []).append((block, doubts))
    out: list[FunctionRow] = []
    for row in rows:
        if row.misprinted and row.code is not None:
            ctx.problem("misprinted-code", f"the row “{row.name}” prints its code as {row.misprinted}; read as {row.code}, the 类 of the rows around it", row.page)
        if row.code is not None and _is_function_row(row.code, row.name, ctx.fiscal_year):
            phased = {phase: {c: to_wan(v, factor) for c, v in named.items()} for phase, named in row.phased.items()}
            out.append(FunctionRow(row.code, row.name, in_wan(row, factor, PUBLISHED), row.page, block.title, block.kind, phased=phased))
    if total is not None:
        ctx.tables.setdefault("function_totals", []).append((block, in_wan(total, factor, PUBLISHED)))
    return out


def collect_function_table(block: Block, ctx: Context) -> None:
    """The table's rows kept for ``merge_function_tables``."""
    ctx.tables.setdefault("function_tables", []).append((block, read_function_table(block, ctx)))


def merge_function_tables(ctx: Context) -> None:
    """One set of function rows: the 一般公共预算支出表, completed from the other tables."""
    tables: list[tuple[Block, list[FunctionRow]]] = [t for t in ctx.tables.get("function_tables", []) if t[1]]
    if not tables:
        return
    order = {k: i for i, k in enumerate(FUNCTION_KINDS)}
    tables.sort(key=lambda t: order[t[0].kind])
    printed_totals = {id(b): cols.get("total") for b, cols in ctx.tables.get("function_totals", [])}
    tables = [(b, repeated_codes_added(rows, printed_totals.get(id(b)))) for b, rows in tables]
    block, primary = tables[0]
    for doubted, doubts in ctx.tables.get("function_doubts", []):
        for (key, printed, reason), page in doubts if doubted is block else ():
            ctx.doubt("expenditure_by_function", key, printed, reason, page, block.title)
    others = [row for _, rows in tables[1:] for row in rows]
    codes = {r.code for r in primary}
    for row in primary:
        cols = dict(row.cols)
        source = row.table
        if cols.get("basic") is None and cols.get("project") is None:
            for other in others:
                if other.code == row.code and other.cols.get("total") == cols.get("total") and (
                    other.cols.get("basic") is not None or other.cols.get("project") is not None
                ):
                    cols["basic"], cols["project"] = other.cols.get("basic"), other.cols.get("project")
                    source = f"{row.table}；基本/项目支出据{other.table}"
                    break
        ctx.add("expenditure_by_function", _function_row(row.code, row.name, cols, row.page, source, row.file, row.printed))
        for phase, named in row.phased.items():
            # the same row's figures of another phase the table prints (a final account's 年初预算数, 全年预算数);
            # a phase whose cells are all blank gives no row
            if all(v is None for v in named.values()):
                continue
            ctx.add("expenditure_by_function", {**_function_row(row.code, row.name, named, row.page, row.table, row.file, row.printed), "phase": phase})
        unplaced = [(read, columns) for read, columns in row.unplaced if all(cols.get(c) is None for c in columns)]
        doubt_unplaced(ctx, "expenditure_by_function", row.table, (row.name, row.page), unplaced, keyed(f"{row.code}/{ctx.phase}"), COLUMN_NAMES.__getitem__, row.file)
        mine_total = cols.get("total")
        for other in others:
            theirs = other.cols.get("total")
            if other.code == row.code and theirs is not None and mine_total is not None:
                # kept for the checks: the same 科目 in two tables (the 财政拨款 and 一般公共预算 ones)
                ctx.disclosure.evidence.cross.append(CrossFigure(f"function {row.code} {row.name}", (row.table, mine_total), (other.table, theirs), other.page, other.kind, row.code, row.name, row.page))
    for label, amount, page, title, _kind, _file in ctx.tables.get("class_totals", []):
        code = classification.match_function_name(label, level="class", year=ctx.fiscal_year)
        mine = next((r for r in primary if r.code == code), None)
        total = mine.cols.get("total") if mine is not None else None
        if mine is not None and amount is not None and total is not None:
            ctx.disclosure.evidence.cross.append(CrossFigure(f"function {code} {mine.name}", (mine.table, total), (title, amount), page, _kind, mine.code, mine.name, mine.page))
    if any(len(c) == 3 for c in codes):
        return
    expected = printed_totals.get(id(block))
    for label, amount, page, title, _kind, file in same_money(ctx, expected if expected is not None else top_total(primary)):
        code = classification.match_function_name(label, level="class", year=ctx.fiscal_year)
        if code is None or amount is None or code in codes:
            continue
        codes.add(code)
        # a class line of the 收支总表 prints a name, not a code: the code is the name's official one
        ctx.add("expenditure_by_function", _function_row(code, label, {"total": amount}, page, title, file, printed=False))


def top_total(rows: list[FunctionRow]) -> Decimal | None:
    """The sum of the ``total`` of the rows no other row is a parent of (the table's 合计 if it adds up)."""
    codes = {r.code for r in rows}
    tops = [r.cols.get("total") for r in rows if not any(r.code != c and r.code.startswith(c) for c in codes)]
    return sum((t for t in tops if t is not None), Decimal(0)) if any(t is not None for t in tops) else None


def repeated_codes_added(rows: list[FunctionRow], printed_total: Decimal | None) -> list[FunctionRow]:
    """The rows with a code printed several times added into one row, where that is what the table's 合计 adds up to.

    A table may list its rows once per subordinate unit (the same 项 under each unit, the units
    unnamed): the department's figure for a code is then the sum of its rows, and only that sum
    makes the printed 合计 hold. Where the 合计 holds with the first row of each code (a row printed
    again on a continued page), or is not printed, the rows are left as they are.
    """
    if len({r.code for r in rows}) == len(rows) or printed_total is None:
        return rows
    merged: dict[str, FunctionRow] = {}
    for row in rows:
        if row.code not in merged:
            merged[row.code] = FunctionRow(row.code, row.name, dict(row.cols), row.page, row.table, row.kind, row.file, row.printed, list(row.unplaced))
            continue
        into = merged[row.code]
        for col, value in row.cols.items():
            if value is not None:
                into.cols[col] = value + (into.cols.get(col) or Decimal(0))
        into.unplaced.extend(row.unplaced)
    first: dict[str, FunctionRow] = {}
    for row in rows:
        first.setdefault(row.code, row)
    if top_total(list(merged.values())) == printed_total != top_total(list(first.values())):
        return list(merged.values())
    return rows


def same_money(ctx: Context, expected: Decimal | None) -> list[tuple[str, Decimal | None, int | None, str, str, str]]:
    """The class lines of the first 收支总表 whose classes add up to the function table's total.

    A 收支总表 counts every fund (and 财政专户, 单位资金 …) where the function table counts the
    一般公共预算 only: its class lines are the function table's classes only where their sum is the
    function table's own total; a 财政拨款收支总表 often is, the 收支总表 often is not.
    """
    by_table: dict[str, list[tuple[str, Decimal | None, int | None, str, str, str]]] = {}
    for line in ctx.tables.get("class_totals", []):
        if classification.match_function_name(line[0], level="class", year=ctx.fiscal_year) is not None:
            by_table.setdefault(line[3], []).append(line)
    for lines in by_table.values():
        amounts = [line[1] for line in lines if line[1] is not None]
        if expected is not None and amounts and sum(amounts, Decimal(0)) == expected:
            return lines
    return []


def _function_row(code: str, name: str, cols: dict[str, Decimal | None], page: int | None, table: str, file: str, printed: bool) -> dict[str, Any]:
    return {
        "function_code": code,
        "level": level_of(code),
        "function_name": compact(name),
        "code_printed": printed,
        "source_file": file,
        "total": cols.get("total"),
        "basic": cols.get("basic"),
        "project": cols.get("project"),
        "origin": "table",
        "page": page,
        "previous_year": cols.get("previous_year"),
        "source_table": table,
    }


FUNCTION = TableKind(
    "function",
    r"一般公共预算(?:财政拨款)?(?:当年拨款)?支出(?:功能分类)?(?:预算|决算)?(?:明细)?(?:情况)?表",
    "一般公共预算支出表",
    ("expenditure_by_function",),
    collect_function_table,
    finish=(merge_function_tables,),
)
FISCAL_DETAIL = TableKind(
    "fiscal_detail", r"财政拨款支出(?:预算|决算)?(?:明细)?表", "财政拨款支出表", ("expenditure_by_function",), collect_function_table, finish=(merge_function_tables,)
)

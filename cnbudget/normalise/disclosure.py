"""Normalise stage: recognised blocks of one disclosure → a Disclosure of typed rows."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Any

from cnbudget.model import Block, BlockSummary, CrossFigure, Disclosure, Document, Identity, SourceFile
from cnbudget.normalise.narrative import read_narrative
from cnbudget.official import classification
from cnbudget.recognise.blocks import BY_NAME
from cnbudget.recognise.identify import disclosure_slug, unit_slug
from cnbudget.strings import compact
from cnbudget.tables.common import Context
from cnbudget.tables.economic import read_basic_economic
from cnbudget.tables.function import FunctionRow, level_of, read_function_table
from cnbudget.tables.operating import read_operating_funds
from cnbudget.tables.performance import read_performance
from cnbudget.tables.projects import read_projects
from cnbudget.tables.summary import read_expenditure_uses, read_summary
from cnbudget.tables.three_public import read_three_public

FUNCTION_KINDS = ("function", "expenditure", "fiscal_detail")


def disclosure_meta(identity: Identity, sources: list[SourceFile], manifest: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The ``disclosure`` row (ids, unit, region, year, kind, files)."""
    region = identity.region
    unit_id = unit_slug(identity.unit_name, region)
    year = identity.fiscal_year or 0
    kind = identity.kind or "budget"
    published = identity.published
    for src in sources:
        published = manifest.get(src.path.name, {}).get("published") or published
    scope_label = "单位" if identity.scope == "unit" else "部门"
    kind_label = "决算" if kind == "final_account" else "预算"
    short = min([identity.unit_name, *identity.aliases], key=len) if identity.unit_name else "未知单位"
    pages = [s.pages for s in sources]
    return {
        "disclosure_id": disclosure_slug(unit_id, year, kind, identity.scope),
        "unit_id": unit_id,
        "unit_name": identity.unit_name,
        "unit_aliases": ";".join(identity.aliases) or None,
        "unit_code": identity.unit_code,
        "province": region.province if region else "",
        "city": (region.city or None) if region else None,
        "county": (region.county or None) if region else None,
        "region_code": region.code if region else None,
        "level": identity.level,  # published once the disclosure schema declares it
        "fiscal_year": year,
        "kind": kind,
        "scope": identity.scope,
        "title": f"{short}{year}年{scope_label}{kind_label}",
        "published": published,
        "source_files": ";".join(s.path.name for s in sources),
        "source_sha256": ";".join(s.sha256 for s in sources),
        "page_count": sum(p for p in pages if p is not None) if all(p is not None for p in pages) else None,
        "amount_unit": None,
        "currency": "CNY",
        "factor": 10000,
    }


def _default_factor(blocks: list[Block]) -> tuple[Decimal | None, str | None]:
    units = Counter((b.unit_factor, b.unit_label) for b in blocks if b.kind != "narrative" and b.unit_factor is not None)
    if not units:
        return None, None
    labels = {label for (_, label) in units}
    (factor, label), _ = units.most_common(1)[0]
    return factor, ("mixed" if len(labels) > 1 else label)


def _merge_function_tables(ctx: Context, tables: list[tuple[Block, list[FunctionRow]]]) -> None:
    """One set of function rows: the 一般公共预算支出表, completed from the other tables."""
    tables = [t for t in tables if t[1]]
    if not tables:
        return
    order = {k: i for i, k in enumerate(FUNCTION_KINDS)}
    tables.sort(key=lambda t: order[t[0].kind])
    _, primary = tables[0]
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
        ctx.add("expenditure_by_function", _function_row(row.code, row.name, cols, row.page, source))
        mine_total = cols.get("total")
        for other in others:
            theirs = other.cols.get("total")
            if other.code == row.code and theirs is not None and mine_total is not None:
                # kept for the checks: the same 科目 in two tables (the 财政拨款 and 一般公共预算 ones)
                ctx.disclosure.evidence.cross.append(CrossFigure(f"function {row.code} {row.name}", (row.table, mine_total), (other.table, theirs), other.page, other.kind))
    for label, amount, page, title, _kind in ctx.tables.get("class_totals", []):
        code = classification.match_function_name(label, level="class", year=ctx.fiscal_year)
        mine = next((r for r in primary if r.code == code), None)
        total = mine.cols.get("total") if mine is not None else None
        if mine is not None and amount is not None and total is not None:
            ctx.disclosure.evidence.cross.append(CrossFigure(f"function {code} {mine.name}", (mine.table, total), (title, amount), page, _kind))
    if any(len(c) == 3 for c in codes):
        return
    for label, amount, page, title, _kind in ctx.tables.get("class_totals", []):
        code = classification.match_function_name(label, level="class", year=ctx.fiscal_year)
        if code is None or amount is None or code in codes:
            continue
        codes.add(code)
        ctx.add("expenditure_by_function", _function_row(code, label, {"total": amount}, page, title))


def _function_row(code: str, name: str, cols: dict[str, Decimal | None], page: int | None, table: str) -> dict[str, Any]:
    return {
        "function_code": code,
        "level": level_of(code),
        "function_name": compact(name),
        "total": cols.get("total"),
        "basic": cols.get("basic"),
        "project": cols.get("project"),
        "origin": "table",
        "page": page,
        "previous_year": cols.get("previous_year"),
        "source_table": table,
    }


def _expenditure_totals(ctx: Context) -> None:
    for block, cols in ctx.tables.get("function_totals", []):
        if block.kind != "expenditure":
            continue
        for metric, col in (("basic_expenditure", "basic"), ("project_expenditure", "project")):
            if cols.get(col) is not None:
                ctx.add_total(metric, cols[col], block.page, block.title)


def _dedupe_totals(disclosure: Disclosure) -> None:
    seen: set[tuple[Any, ...]] = set()
    kept = []
    # A 一般公共预算/财政拨款 基本支出表 totals one fund; where a 收支总表 or 支出总表 gives the
    # department's 基本支出 too, that is the headline figure, and the fund's is a different quantity.
    department = {r["metric"] for r in disclosure.rows.get("totals", []) if r["origin"] == "table" and "基本支出" not in str(r.get("source_table"))}
    for row in disclosure.rows.get("totals", []):
        table = str(row.get("source_table"))
        if row["origin"] == "table" and row["metric"] == "basic_expenditure" and "基本支出" in table and "basic_expenditure" in department and re.search(r"一般公共预算|财政拨款", table):
            disclosure.evidence.basic_table_totals.append(row)  # the checks still add its items up
            continue
        key = (row["metric"], row["origin"], row["amount"])
        if key not in seen:
            seen.add(key)
            kept.append(row)
    disclosure.rows["totals"] = kept


def _preferred_basic_table(blocks: list[Block]) -> Block | None:
    """The basic expenditure table to publish: the 一般公共预算 one where a document prints several.

    Templates that print both a 财政拨款基本支出表 and a 一般公共预算基本支出表 repeat the
    same items in each; the contract's resource is the general public budget's.
    """
    basic = [b for b in blocks if b.kind == "basic_economic"]
    return next((b for b in basic if "一般公共预算" in b.title), basic[0] if basic else None)


def normalise_disclosure(
    documents: list[Document], blocks: list[Block], identity: Identity, manifest: dict[str, dict[str, str]]
) -> Disclosure:
    """Every resource's rows for one disclosure, read from its recognised blocks."""
    sources = [d.source for d in documents]
    meta = disclosure_meta(identity, sources, manifest)
    disclosure = Disclosure(meta, sources=sources)
    factor, unit_label = _default_factor(blocks)
    meta["amount_unit"] = unit_label
    ctx = Context(disclosure, identity.fiscal_year, ";".join(s.path.name for s in sources), factor)
    unit_names = {compact(n) for n in [identity.unit_name, *identity.aliases] if n}
    function_tables: list[tuple[Block, list[FunctionRow]]] = []
    narrative_lines = []
    preferred_basic = _preferred_basic_table(blocks)
    for block in blocks:
        if block.kind == "narrative":
            narrative_lines.extend(block.lines)
        elif block.kind in ("summary", "fiscal_summary"):
            read_summary(block, ctx)
        elif block.kind == "expenditure" and read_expenditure_uses(block, ctx):
            continue
        elif block.kind in FUNCTION_KINDS:
            function_tables.append((block, read_function_table(block, ctx)))
        elif block.kind == "basic_economic":
            if block is preferred_basic:
                read_basic_economic(block, ctx)
        elif block.kind == "operating_funds":
            read_operating_funds(block, ctx)
        elif block.kind == "projects":
            read_projects(block, ctx, unit_names)
        elif block.kind == "three_public":
            read_three_public(block, ctx)
        elif block.kind == "performance":
            read_performance(block, ctx)
    _merge_function_tables(ctx, function_tables)
    _expenditure_totals(ctx)
    figures, statements = read_narrative(narrative_lines, identity.fiscal_year)
    for fig in figures:
        ctx.add(fig.resource, fig.row)
    disclosure.evidence.statements = list(statements)
    disclosure.evidence.blocks = [BlockSummary(b.kind, b.title, BY_NAME[b.kind].label if b.kind in BY_NAME else "", b.page, len(b.lines), b.unit_label) for b in blocks if b.kind != "narrative"]
    _dedupe_totals(disclosure)
    return disclosure

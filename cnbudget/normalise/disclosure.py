"""Normalise stage: recognised blocks of one disclosure → a Disclosure of typed rows."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from typing import Any

from cnbudget.model import Block, BlockSummary, Disclosure, Document, Identity, Line, Row, SourceFile
from cnbudget.normalise.evidence import cut_tables
from cnbudget.normalise.narrative import join_prose, read_narrative
from cnbudget.normalise.rows import add_statements, general_budget_figures, keep_one_per_key, number_lines, stand_in, table_figures
from cnbudget.recognise.identify import disclosure_slug, unit_slug
from cnbudget.strings import compact
from cnbudget.tables.cell_lines import rejoined
from cnbudget.tables.columnwise import column_major, without_figures
from cnbudget.tables.common import Context
from cnbudget.tables.grouped import Refused, doubt_refused, ungrouped
from cnbudget.tables.header_unit import unit_from_header
from cnbudget.tables.numbering import without_row_numbers
from cnbudget.tables.phases import declared_budget
from cnbudget.tables.registry import BY_NAME, finish_steps


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
        # a central department belongs to no province: the contract's required province says 中央
        "province": region.province if region else ("中央" if identity.level == "central" else ""),
        "city": (region.city or None) if region else None,
        "county": (region.county or None) if region else None,
        "region_code": region.code[:6] if region else None,  # a former division's key is its code and last year (130502-2020)
        "level": identity.level or None,  # central, province, city, county or township (recognise.identify.unit_level)
        "fiscal_year": year,
        "kind": kind,
        "scope": identity.scope or "department",
        "title": f"{short}{year}年{scope_label}{kind_label}",
        "published": published,
        "source_files": ";".join(s.path.name for s in sources),
        "source_sha256": ";".join(s.sha256 for s in sources),
        "source_url": ";".join(dict.fromkeys(u for s in sources if (u := manifest.get(s.path.name, {}).get("url")))) or None,
        "page_count": sum(p for p in pages if p is not None) if all(p is not None for p in pages) else None,
        "amount_unit": None,
        "currency": "CNY",
        "factor": 10000,
    }


_FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def printed_empty(block: Block) -> bool:
    """Whether the table prints no figure at all: its title and header, perhaps a blank 合计 row, nothing else.

    A cell that is a number counts as a figure, except a small whole number (a column-number row's 1 2 3).
    """
    for line in block.lines:
        for cell in line.cells:
            text = cell.strip()
            if _FIGURE.fullmatch(text) and ("," in text or "." in text or int(text.lstrip("-")) > 30):
                return False
    return True


def _default_factor(blocks: list[Block]) -> tuple[Decimal | None, str | None]:
    units = Counter((b.unit_factor, b.unit_label) for b in blocks if b.kind != "narrative" and b.unit_factor is not None)
    if not units:
        return None, None
    labels = {label for (_, label) in units}
    (factor, label), _ = units.most_common(1)[0]
    return factor, ("mixed" if len(labels) > 1 else label)


def _one_total_per_key(disclosure: Disclosure) -> None:
    """The tables' headline figures, one per (metric, phase): the first printed; every one kept for the checks."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    # A 一般公共预算/财政拨款 基本支出表 totals one fund; where a 收支总表 or 支出总表 gives the
    # department's 基本支出 too, that is the headline figure, and the fund's is a different quantity.
    rows = disclosure.rows.get("totals", [])
    department = {r["metric"] for r in rows if "基本支出" not in str(r.get("source_table"))}
    for row in rows:
        table = str(row.get("source_table"))
        if row["metric"] == "basic_expenditure" and "基本支出" in table and "basic_expenditure" in department and re.search(r"一般公共预算|财政拨款", table):
            disclosure.evidence.basic_table_totals.append(row)  # the checks still add its items up
            continue
        key = (row["metric"], row["phase"], row["amount"], row.get("source_table"))
        if key not in seen:
            seen.add(key)
            kept.append(row)
    disclosure.evidence.table_totals = kept
    first: dict[tuple[str, str], Row] = {}
    for row in kept:
        first.setdefault((row["metric"], row["phase"]), row)
    disclosure.rows["totals"] = list(first.values())


# a sentence of prose stating an amount: words, a figure in 万元 or 元, a full stop (a table's cell is no sentence)
_SENTENCE = re.compile(r"[\u4e00-\u9fff]{4}.*\d\s*万?元.*。")


# a numbered heading on a line of its own, stating no amount: “一、部门主要职责”, “三、预算收支及增减变化情况”
_HEADING_LINE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])[^\d。]{2,30}$")
# a sentence stating no amount: “……是一所集医疗、预防、保健、康复为一体的综合卫生服务机构。”
_PLAIN_SENTENCE = re.compile(r"[\u4e00-\u9fff]{4}.*。")


def prose_only(block: Block) -> bool:
    """Whether the lines under a table's title are prose only, one of them a sentence stating an amount: a section, or the
    explanation after the contents, that a title opened and no table follows.

    “一、收入支出决算总表” over “本部门2017年度收入总计985.58万元，支出总计985.58万元。”: the heading names
    the table, no table is printed under it, and what is said is prose the narrative reads. “10.2023年项目支出表”, the
    contents' last entry, over “一、部门主要职责 / ……。/ 三、预算收支及增减变化情况 / 2023年部门预算总收入729.95万元，…。”:
    headings and sentences, none of them a table's row.
    """
    body = [line for line in block.lines[1:] if compact(line.text)]
    if not body or any(len(line.cells) != 1 for line in body):
        return False
    said = [line for line in body if _SENTENCE.search(line.text)]
    return bool(said) and all(_SENTENCE.search(line.text) or _PLAIN_SENTENCE.search(line.text) or _HEADING_LINE.match(compact(line.text)) for line in body)


def _prepared(blocks: list[Block]) -> tuple[list[Block], list[tuple[Block, list[Refused]]], list[Block]]:
    """The blocks as the readers get them, the sides of space-grouped figures refused per block, and the tables printed
    column after column (their figures taken off: no reader can place them)."""
    columnwise = [b for b in blocks if b.kind != "narrative" and column_major(b)]
    kept = [without_figures(b) if any(b is c for c in columnwise) else b for b in blocks]
    # amounts grouped by spaces in a text layer: joined where one reading is proved, else kept from the readers
    grouped: list[tuple[Block, list[Refused]]] = [(b, []) if b.kind == "narrative" else ungrouped(b) for b in kept]
    return [b for b, _ in grouped], grouped, columnwise


def normalise_disclosure(documents: list[Document], blocks: list[Block], identity: Identity, manifest: dict[str, dict[str, str]]) -> Disclosure:
    """Every resource's rows for one disclosure, read from its recognised blocks by their kinds' readers."""
    sources = [d.source for d in documents]
    # a table printed a cell a line has its rows put back on lines; 行次, 栏次, 序号 are never amounts
    printed = [b if b.kind == "narrative" else unit_from_header(without_row_numbers(rejoined(b) or b)) for b in blocks]
    blocks, grouped, columnwise = _prepared(printed)
    meta = disclosure_meta(identity, sources, manifest)
    disclosure = Disclosure(meta, sources=sources)
    factor, unit_label = _default_factor(blocks)
    meta["amount_unit"] = unit_label
    ctx = Context(disclosure, identity.fiscal_year, ";".join(s.path.name for s in sources), factor, blocks=blocks)
    ctx.unit_names = {compact(n) for n in [identity.unit_name, *identity.aliases] if n}
    if meta["kind"] == "final_account":
        ctx.three_public_budget = declared_budget(line.text for block in blocks for line in block.lines) or "approved"
    for document in documents:  # what the readers found wrong and read past leads the document's problems
        disclosure.problems.extend(document.problems)
    for block in columnwise:
        ctx.problem("table-not-read", f"{block.title}: printed a cell a line, column after column (a landscape page's text): whose row each figure is cannot be told, so the table is not read", block.page)
    narrative: list[tuple[Line, str]] = []
    not_read: list[Block] = []
    for block in blocks:
        if block.kind == "narrative" or prose_only(block):
            narrative.extend((line, block.file) for line in block.lines)
        if block.kind == "narrative":
            continue
        reader = BY_NAME[block.kind].reader
        if reader is None:
            not_read.append(block)
        else:
            ctx.block = block
            reader(block, ctx)
    ctx.block = None
    for finish in finish_steps():
        finish(ctx)
    doubt_refused(ctx, [(b, refused) for b, refused in grouped if refused])
    _one_total_per_key(disclosure)
    lines, files = [line for line, _ in narrative], [file for _, file in narrative]
    # a final account's note on its “三公” table says which budget a bare 预算数 is, in the table and the prose alike
    department = meta["scope"] != "unit"  # a 部门's member units are named in its prose: their figures are theirs
    figures, statements = read_narrative(lines, identity.fiscal_year, meta["kind"], files, ctx.three_public_budget, ctx.unit_names, department)
    figures = general_budget_figures(disclosure, figures)
    for fig in table_figures(figures):
        stand_in(ctx, fig)
    add_statements(ctx, figures)
    number_lines(disclosure)
    keep_one_per_key(disclosure)
    prose = join_prose(lines)
    disclosure.evidence.prose, disclosure.evidence.prose_starts, disclosure.evidence.prose_pages = prose.text, prose.starts, prose.pages
    disclosure.evidence.statements = list(statements)
    disclosure.evidence.cut_tables = cut_tables(blocks)
    disclosure.evidence.blocks = [
        BlockSummary(b.kind, b.title, BY_NAME[b.kind].label, b.page, len(b.lines), b.unit_label, printed_empty(b)) for b in printed if b.kind != "narrative"
    ]
    for block in not_read:  # last, so that a document's own problems lead the build report
        kind = BY_NAME[block.kind]
        ctx.problem("table-not-read", f"{block.title}: a {kind.label}, not read: {kind.not_read}", block.page)
    return disclosure

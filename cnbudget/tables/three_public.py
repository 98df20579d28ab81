"""“三公”经费表: total, 因公出国（境）, 公务用车 (购置, 运行), 公务接待, for one or two years."""

from __future__ import annotations

import re

from ..model import Block
from .common import TOTAL_RE, Context, Layout, header_text, place_rows, split_block_rows
from .rows import Row

ITEMS = ("total", "outbound_travel", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")
_IDENTITIES = (
    ("total", ("outbound_travel", "vehicle_total", "reception")),
    ("vehicle_total", ("vehicle_purchase", "vehicle_operation")),
)


def _layout(years: int) -> Layout:
    """The standard six columns, repeated once per year the table prints."""
    columns = tuple(f"{item}@{n}" for n in range(years) for item in ITEMS)
    identities = tuple(
        (f"{p}@{n}", tuple(f"{c}@{n}" for c in parts)) for n in range(years) for p, parts in _IDENTITIES
    )
    return Layout(f"three-public-{years}", columns, (), identities)


def _years(header: str, fiscal_year: int | None) -> list[int]:
    years = list(dict.fromkeys(int(y) for y in re.findall(r"(20\d{2})\s*年", header)))
    if len(years) >= 2:
        return years[:2]
    return [fiscal_year] if fiscal_year else []


def read_three_public(block: Block, ctx: Context) -> None:
    """The table's figures into ``three_public`` (one row per item and year printed)."""
    years = _years(header_text(block), ctx.fiscal_year)
    if not years:
        return
    rows = [r for r in split_block_rows(block) if r.values]
    if not rows:
        return
    chosen: Row = next((r for r in rows if TOTAL_RE.search(r.compact)), rows[0])
    layout = _layout(len(years))
    placed = place_rows(ctx, block, [chosen], layout, layout.columns, [None], None)[0]
    factor_applied = placed.cols  # already in 万元
    for n, year in enumerate(years):
        for item in ITEMS:
            value = factor_applied.get(f"{item}@{n}")
            if value is None:
                continue
            ctx.add("three_public", {"fiscal_year": year, "item": item, "amount": value, "origin": "table", "page": chosen.page})
        total = factor_applied.get(f"total@{n}")
        if year == ctx.fiscal_year and total is not None:
            ctx.add("totals", {"metric": "three_public_total", "amount": total, "origin": "table", "page": chosen.page, "source_table": block.title})

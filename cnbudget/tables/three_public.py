"""“三公”经费表: total, 因公出国（境）, 公务用车 (购置, 运行), 公务接待, for one or two years."""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount, parse_amount, to_wan
from cnbudget.model import Block
from cnbudget.schema import THREE_PUBLIC_ITEMS
from cnbudget.schema.names import ITEM_NAMES
from cnbudget.strings import compact
from cnbudget.tables.bars import split_bars, stacked_bars, two_columns, without_lone_bars
from cnbudget.tables.common import TOTAL_RE, Context, Grid, Layout, aligned_grid, doubt_unplaced, header_text, place_rows, split_block_rows
from cnbudget.tables.kind import TableKind
from cnbudget.tables.numbering import without_row_number_tokens, without_row_numbers
from cnbudget.tables.phases import header_phases, phase_of
from cnbudget.tables.rows import Row
from cnbudget.tables.three_public_across import read_named_across
from cnbudget.tables.three_public_cells import row_items, stacked_columns
from cnbudget.tables.three_public_headless import IDENTITIES, headless_rows
from cnbudget.tables.three_public_text import YEAR, add_figure, item_of, stacked_grid, text_grid

ITEMS = THREE_PUBLIC_ITEMS  # the six items in the schema's order, that of the standard layout's columns
_IDENTITIES = IDENTITIES


def _layout(groups: int, interleaved: bool = False) -> Layout:
    """The standard six columns, repeated once per group (year or phase) the table prints.

    ``interleaved``: each item's groups side by side (预算数 | 决算数 under every item), not
    one group of six after the other.
    """
    if interleaved:
        columns = tuple(f"{item}@{n}" for item in ITEMS for n in range(groups))
    else:
        columns = tuple(f"{item}@{n}" for n in range(groups) for item in ITEMS)
    identities = tuple(
        (f"{p}@{n}", tuple(f"{c}@{n}" for c in parts)) for n in range(groups) for p, parts in _IDENTITIES
    )
    return Layout(f"three-public-{groups}", columns, (), identities)


def _years(header: str, fiscal_year: int | None) -> list[int]:
    years = list(dict.fromkeys(int(y) for y in re.findall(r"(20\d{2})\s*年", header)))
    if len(years) >= 2:
        return years[:2]
    return [fiscal_year] if fiscal_year else []


def _one_column_each(columns: dict[int, tuple[str, int, str]], grid: Grid) -> dict[int, tuple[str, int, str]] | None:
    """One column per item and year where the header repeats an item, or None where it does not say which.

    A 上年结转结余 group repeats the items of the year's own group, and an item split further
    (因公出国（境）费 into 小计 and 科研因公出国（境）费用) names its own figure 小计. A column
    whose cells hold text (a unit's name under 单位名称/合计) holds no figure.
    """
    labels = grid.labels
    figures = {j for j in columns if all(not c.strip() or parse_amount(c) is not None for c in (r.cells[j] for r in grid.rows))}
    by_key: dict[tuple[str, int, str], list[int]] = {}
    for j, key in columns.items():
        by_key.setdefault(key, []).append(j)
    kept: dict[int, tuple[str, int, str]] = {}
    for key, js in by_key.items():
        if len(js) > 1 and any(j in figures for j in js):
            js = [j for j in js if j in figures]
        if len(js) > 1 and any(any(r.cells[j].strip() for r in grid.rows) for j in js):
            js = [j for j in js if any(r.cells[j].strip() for r in grid.rows)]  # a column blank in every row (the row's padding) holds none
        for prefer in (r"^(?!.*结转)", r"/小计$"):
            if len(js) > 1 and any(re.search(prefer, labels[j]) for j in js):
                js = [j for j in js if re.search(prefer, labels[j])]
        if len(js) > 1:
            return None
        kept[js[0]] = key
    return kept


def read_aligned(block: Block, ctx: Context, grid: Grid) -> bool:
    """The figures of a ruled 三公 table, each column by its header (item, year, phase); False if the header is not one."""
    columns: dict[int, tuple[str, int, str]] = {}
    has_three_public = any("三公" in label for label in grid.labels)
    for j, label in enumerate(grid.labels):
        item = item_of(label)
        if item is None:
            continue
        if item == "total" and has_three_public and "三公" not in label:
            continue  # 合计 of 三公 plus 会议费 and 培训费
        years = [int(y) for y in re.findall(r"(20\d{2})\s*年", label)]
        year = years[0] if years else ctx.fiscal_year
        if year is not None:
            columns[j] = (item, year, phase_of(label, ctx.three_public_budget) or ctx.phase)
    one = _one_column_each(columns, grid)
    if one is None or len({item for item, _, _ in one.values()}) < 3:
        return False
    columns = one
    row = next((r for r in grid.rows if any(parse_amount(c) is not None for c in r.cells)), None)
    if row is None:
        return True
    # The header is trusted only when the cells under it keep the 三公 identities: text whose
    # cells merely happen to have the header's count is left to the arithmetic placement.
    values = {key: parse_amount(row.cells[j]) for j, key in columns.items()}
    for year, phase in {(y, p) for _, y, p in values}:
        got_any = held = 0
        for parent, parts in _IDENTITIES:
            got = [values.get((p, year, phase)) for p in (parent, *parts)]
            got_any += any(v is not None for v in got)
            if got[0] is not None and any(v is not None for v in got[1:]):
                if got[0] != sum((v for v in got[1:] if v is not None), Decimal(0)):
                    return False
                held += 1
        if got_any and not held:
            return False
    factor = ctx.factor(block)
    # a blank cell is not a figure: only printed ones (a zero included) are published, so that a
    # blank stays apart from a printed 0.00 (a final account that leaves its 决算数 blank, or a
    # budget without 公务用车购置费)
    for j, (item, year, phase) in sorted(columns.items()):
        value = parse_amount(row.cells[j])
        if value is None:
            continue
        add_figure(ctx, block, item, year, phase, to_wan(value, factor), row.page)
    return True


def _holds(values: dict[str, Decimal | None], unknown: frozenset[str] = frozenset(), rounded: bool = False) -> bool:
    """Whether each printed total of the 三公 items equals the sum of its printed parts (an identity with an ``unknown`` item holds).

    ``rounded``: the table says its figures were rounded (因四舍五入可能存在尾数误差), so a total may
    differ from its parts' sum by one unit of the last printed place for each part.
    """
    for parent, parts in _IDENTITIES:
        if unknown & {parent, *parts}:
            continue
        total = values.get(parent)
        printed = [v for v in (values.get(p) for p in parts) if v is not None]
        if total is None or not printed:
            continue
        place = Decimal(1).scaleb(min(int(v.as_tuple().exponent) for v in (total, *printed))) if rounded else Decimal(0)
        if abs(total - sum(printed, Decimal(0))) > place * len(printed):
            return False
    return True


# a table's note that its figures were rounded when converted (注：因四舍五入可能存在尾数误差)
_ROUNDING_NOTE = re.compile(r"四舍五入.{0,12}尾(?:数|差)|尾数误差")


def _lone_culprit(values: dict[str, Decimal | None], unknown: frozenset[str], rounded: bool = False) -> str | None:
    """The one printed item whose figure alone breaks the identities: put the value another identity gives it, all hold."""
    if _holds(values, unknown, rounded):
        return None
    found = [item for item in ITEMS if values.get(item) is not None and any(_holds({**values, item: v}, unknown, rounded) for v in _derived(item, values))]
    return found[0] if len(found) == 1 else None


def _derived(item: str, values: dict[str, Decimal | None]) -> list[Decimal]:
    """The values the identities give ``item`` from the other printed figures."""
    out = []
    for parent, parts in _IDENTITIES:
        printed = [v for v in (values.get(p) for p in parts if p != item) if v is not None]
        if item == parent and printed:
            out.append(sum(printed, Decimal(0)))
        elif item in parts and (total := values.get(parent)) is not None:
            out.append(total - sum(printed, Decimal(0)))
    return out


def _printed_twice(grid: Grid, items: dict[int, str | None], j: int, own: set[int], culprit: str) -> bool:
    """Whether a column of no year or phase of its own (其中：公共预算财政拨款) repeats column ``j`` row by row, ``culprit``'s figure included.

    The culprit of a column whose identities break is doubted because a misread cell and a misprinted
    one look alike. Where the table prints every figure of the column a second time, the culprit's
    the same in both, the reading is confirmed by the repetition (a misplaced or misparsed cell does
    not repeat itself in the next column): the figure stands as printed, and the checks report it.
    """
    rows = [row for i, row in enumerate(grid.rows) if items[i] is not None and len(row.cells) == len(grid.labels)]
    if not any(items[i] == culprit and parse_amount(row.cells[j]) is not None for i, row in enumerate(grid.rows)):
        return False
    for k in range(1, len(grid.labels)):
        if k != j and k not in own and all(parse_amount(row.cells[k]) == parse_amount(row.cells[j]) for row in rows):
            return True
    return False


def _group_total(labels: list[str], columns: list[int]) -> int | None:
    """The one 合计 column of a group split by money (预算数/合计 | 预算数/一般公共预算 | 预算数/政府性基金), else None."""
    parents = {compact(labels[j]).rsplit("/", 1)[0] for j in columns}
    totals = [j for j in columns if re.fullmatch(r"合计|小计|总计", compact(labels[j]).rsplit("/", 1)[-1])]
    if len(parents) != 1 or "/" not in labels[columns[0]] or len(totals) != 1:
        return None
    return totals[0]


def read_item_rows(block: Block, ctx: Context, grid: Grid, unknown: frozenset[str] = frozenset()) -> bool:
    """A 三公 table printed one item a row (合计, 因公出国（境）费 …), a column per year or phase; False if it is not one.

    Each column is named by its year and phase (a final account's 年初预算数 | 全年预算数 | 决算数 give a
    row per phase). A column whose figures do not add up under that reading is published empty, its
    figures in ``doubts``.
    """
    items = row_items([compact(row.cells[0]) for row in grid.rows], item_of)
    if len({item for item in items.values() if item not in (None, "operating_funds")}) < 3:
        return False
    found: dict[tuple[int, str], list[int]] = {}
    for j, label in enumerate(grid.labels[1:], start=1):
        years = [int(y) for y in YEAR.findall(label)]
        # 上年年初预算数 beside 本年年初预算数: the year before's
        year = years[0] if years else (ctx.fiscal_year - 1 if ctx.fiscal_year and re.match(r"上年(?:度)?(?:年初|全年)?(?:预算|决算|执行)", compact(label)) else ctx.fiscal_year)
        if year is None or not re.search(r"预算|决算|金额|合计|支出", label) or re.match(r"其中", compact(label).rsplit("/", 1)[-1]):
            continue  # 其中：公共预算财政拨款 is a part of the column before it, not a figure of its own year or phase
        if re.search(r"增减|比上年", label):
            continue  # 本年预算比上年增减情况: a change, no figure of a year
        found.setdefault((year, phase_of(label, ctx.three_public_budget) or ctx.phase), []).append(j)
    by_year: dict[tuple[int, str], int] = {}
    for key, js in found.items():
        one = js[0] if len(js) == 1 else _group_total(grid.labels, js)
        if one is None:
            return False  # two columns of the same year and phase: which one is reported is not said
        by_year[key] = one
    if not by_year:
        return False
    factor = ctx.factor(block)
    rounded = any(_ROUNDING_NOTE.search(compact(line.text)) for line in block.lines)
    for (year, phase), j in sorted(by_year.items()):
        values: dict[str, Decimal | None] = {}
        pages: dict[str, int | None] = {}
        for i, row in enumerate(grid.rows):
            item = items[i]
            if item is not None and item not in values:
                values[item], pages[item] = parse_amount(row.cells[j]), row.page
        culprit = _lone_culprit(values, unknown, rounded)
        consistent = _holds(values, unknown, rounded) or culprit is not None
        if culprit is not None and _printed_twice(grid, items, j, set(by_year.values()), culprit):
            culprit = None  # the figure is printed as read twice over: a misprint the checks report, not a misreading
        for item, value in values.items():
            if value is None:
                continue
            if item != "operating_funds" and (not consistent or item == culprit):
                reason = f"“三公”经费表{year}年的各项与合计不符，无法确定“{ITEM_NAMES[item]}”一行读得是否正确"
                ctx.doubt("three_public", f"{year}/{item}/{phase}/amount", format_amount(value), reason, pages[item], block.title)
            else:
                add_figure(ctx, block, item, year, phase, to_wan(value, factor), pages[item])
    return True


def _phase_after(header: str, year: int, bare: str) -> str | None:
    """The one phase the header names right after ``year`` (2010年决算数 | 2011年预算数: executed for 2010), before the next year; None where it names none or two."""
    said = {p for part in re.split(r"(?=20\d{2}\s*年)", compact(header)) if part.startswith(str(year)) for p in header_phases(part, bare)}
    return said.pop() if len(said) == 1 else None


def _groups(header: str, fiscal_year: int | None, own: str, bare: str = "approved") -> list[tuple[int, str]]:
    """The (year, phase) of each group of six columns, in the order printed.

    Two years side by side (2022年预算数 | 2023年预算数) are two groups of one phase; a final
    account's 预算数 and 决算数 are two groups of one year (``bare``: the phase its note gives a 预算数 not named 年初).
    """
    years = _years(header, fiscal_year)
    if len(years) != 1:
        return [(y, _phase_after(header, y, bare) or own) for y in years]
    phases = list(dict.fromkeys(header_phases(header, bare)))
    return [(years[0], p) for p in phases] if len(phases) > 1 else [(years[0], own)]


def read_three_public(block: Block, ctx: Context) -> None:
    """The table's figures into ``three_public`` (one row per item and year printed)."""
    if read_named_across(block, ctx):
        return
    block = without_row_numbers(without_row_number_tokens(block))
    barred = split_bars(block)  # a web page's cells kept with their bars, blanks included
    grid = (aligned_grid(barred) or two_columns(barred)) if barred is not None else None
    if barred is not None and grid is not None and (read_aligned(barred, ctx, grid) or read_item_rows(barred, ctx, grid)):
        return
    stacked = stacked_bars(block, lambda text: item_of(text) is not None)
    if stacked is not None and read_item_rows(block, ctx, stacked):
        return
    grid = aligned_grid(block)
    if grid is not None and (read_aligned(block, ctx, grid) or read_item_rows(block, ctx, grid)):
        return
    text = text_grid(block, ctx)
    if text is not None and read_item_rows(block, ctx, *text):
        return
    cells = stacked_columns(without_lone_bars(block) or block, ctx, item_of)
    if cells is not None and read_item_rows(block, ctx, *cells):
        return
    stacked = stacked_grid(without_lone_bars(block) or block)
    # a blank cell prints no line, so an item printed without a figure may be blank or lost: its identities are not judged
    blank = frozenset(str(item_of(row.cells[0])) for row in stacked.rows if not row.cells[1]) if stacked is not None else frozenset()
    if stacked is not None and read_item_rows(block, ctx, stacked, blank):
        return
    headless = headless_rows(without_lone_bars(block) or block, ctx)
    if headless is not None and read_item_rows(block, ctx, headless):
        return
    header = header_text(block)
    groups = _groups(header, ctx.fiscal_year, ctx.phase, ctx.three_public_budget)
    if not groups or (not re.search(r"因公出国|公务接待|公务用车", header) and sum(item_of(compact(line.text.split()[0])) is not None for line in block.lines[1:] if line.text.split()) >= 3):
        return  # items a row each under a header that names none: no row holds the items across its columns
    rows = [r for r in split_block_rows(block) if r.values]
    if not rows:
        return
    chosen: Row = next((r for r in rows if TOTAL_RE.search(r.compact)), rows[0])
    interleaved = len(groups) > 1 and len(header_phases(header)) == len(ITEMS) * len(groups)
    layout = _layout(len(groups), interleaved)
    placed = place_rows(ctx, block, [chosen], layout, layout.columns, [None], None)[0]

    def key(columns: tuple[str, ...]) -> str:
        """``year/item/phase/amount``, each segment listing its alternatives ``|``-separated."""
        items, numbers = zip(*(c.split("@") for c in columns))
        years = "|".join(dict.fromkeys(str(groups[int(n)][0]) for n in numbers))
        phases = "|".join(dict.fromkeys(groups[int(n)][1] for n in numbers))
        return f"{years}/{'|'.join(dict.fromkeys(items))}/{phases}/amount"

    doubt_unplaced(ctx, "three_public", block.title, (chosen.name, chosen.page), placed.unplaced, key, lambda column: ITEM_NAMES[column.split("@")[0]])
    factor_applied = placed.cols  # already in 万元
    for n, (year, phase) in enumerate(groups):
        for item in ITEMS:
            value = factor_applied.get(f"{item}@{n}")
            if value is None:
                continue
            add_figure(ctx, block, item, year, phase, value, chosen.page)


THREE_PUBLIC = TableKind("three_public", r"三公.{0,3}经费(?:\d{4}年度?(?:决算|预算)数?[和及与、]?){0,2}.{0,12}表", "“三公”经费支出表", ("three_public", "totals"), read_three_public)

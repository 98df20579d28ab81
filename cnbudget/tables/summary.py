"""收支总表 and 财政拨款收支总表: revenue lines on the left, expenditure by class on the right."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from cnbudget.amounts import format_amount, parse_amount, parse_cell_amount, to_wan
from cnbudget.model import Block, Line
from cnbudget.strings import compact
from cnbudget.tables.bars import barred_rows, numbered_rows, split_bars
from cnbudget.tables.cell_lines import two_sided
from cnbudget.tables.common import Context
from cnbudget.tables.kind import TableKind
from cnbudget.tables.numbering import numbered_text, token_segments, without_row_numbers
from cnbudget.tables.rows import RUN_IN, merge_wrapped

_ENUM = re.compile(r"(?<=.)(?=(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]))")
# where a text layer lost the blank cell between two labels, the 支出 side's closing label run into the 收入 side's
# (年初结转和结余 年末结转和结余 32.63, joined as a word wrapped): it starts a label of its own
_CLOSING = re.compile(r"(?<=.)(?=(?:年末|年终)结转|结转下年|结余分配|本年支出合计|支出总计)")
_REVENUE_END = re.compile(r"^(.*?(?:收入|拨款|结转结余|结转|结余))(.*支出.*)$")
_NUMBER = re.compile(r"^\d+[.．、]")
_PREFIX = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")

# label pattern → totals metric (the order matters: 本年收入合计 before 收入)
TOTAL_LINES: tuple[tuple[str, str], ...] = (
    (r"^本年收入合计|^收入合计$", "revenue_current_year"),
    (r"^本年支出合计|^支出合计$", "expenditure_current_year"),
    (r"^收入总计", "revenue_total"),
    (r"^支出总计", "expenditure_total"),
    (r"^(?:上年结转|年初结转)", "carryover_in"),
    (r"^(?:结转下年|年终结转|年末结转)", "carryover_out"),
    (r"^结余分配(?:[（(].*)?$", "surplus_distribution"),  # a final account's, beside 使用非财政拨款结余
    # a final account's lines below 本年收入合计, parts of the 收入总计 beside the 年初结转和结余
    (r"^使用非财政拨款(?:结余|结转和结余)", "surplus_used"),
    (r"^用事业基金弥补", "fund_makeup"),
    (r"^(?:当年|本年)收入小计", "revenue_current_year"),
    (r"^(?:当年|本年)支出小计", "expenditure_current_year"),
)
# the expenditure side's 支出用途 column of some templates (Jiangsu): 基本支出, 项目支出, 单位预留机动经费
USES: tuple[tuple[str, str], ...] = (
    (r"^基本支出$", "basic_expenditure"),
    (r"^项目支出$", "project_expenditure"),
    (r"^(?:单位)?预留机动经费$", "reserve_expenditure"),
)
SOURCES: tuple[tuple[str, str], ...] = (
    (r"^(?:一般公共预算|财政拨款|公共财政(?:预算)?拨款)", "general_public_budget"),  # 公共财政: its name before 2015
    (r"^政府性基金", "government_fund"),
    (r"^国有资本经营", "state_capital"),
    (r"^(?:财政专户|纳入(?:财政)?专户管理)", "fiscal_special_account"),
    (r"^事业收入", "business"),
    (r"^(?:事业单位)?经营收入", "operating"),
    (r"^上级补助", "superior_subsidy"),
    (r"^附属单位", "affiliated_turnover"),
    (r"^其他(?:收入|资金)", "other"),
    (r"^(?:上年结转|年初结转|上年结余)", "carryover"),
)

# each budget's appropriation, as a 财政拨款收支总表 names its revenue lines
_APPROPRIATIONS = (
    (r"一般公共预算(?:财政)?拨款(?:收入)?", "general_public_budget"),
    (r"政府性基金预算(?:财政)?拨款(?:收入)?", "government_fund"),
    (r"国有资本经营预算(?:财政)?拨款(?:收入)?", "state_capital"),
)


@dataclass
class Pair:
    label: str
    amounts: list[Decimal | None]
    side: str  # "revenue" or "expenditure"
    page: int | None


def bare_label(label: str) -> str:
    """A line's label without its numbering (一、 （二） 1.): the words its metric or source is known by."""
    return _PREFIX.sub("", _NUMBER.sub("", label))


def _side(label: str) -> str:
    text = _PREFIX.sub("", label)
    if re.search(r"支出|结转下年|年终结转|年末结转", text) or not re.search(r"收入|拨款|结转|结余|资金|总计|合计", text):
        return "expenditure"
    return "revenue"


def _split_label(label: str) -> list[str]:
    parts = [q for p in _ENUM.split(label) if p for q in _CLOSING.split(p) if q]
    out: list[str] = []
    for part in parts:
        m = _REVENUE_END.match(part)
        out.extend([m.group(1), m.group(2)] if m and _side(m.group(1)) == "revenue" else [part])
    return out


def line_pairs(line: Line, numbered: bool = False) -> list[Pair]:
    """The (label, amounts) pairs of a two-sided line, each assigned to its side.

    ``numbered``: the line is text whose labels are followed by row numbers (行次), which are dropped.
    """
    pairs: list[Pair] = []
    if len(line.cells) > 1:
        half = len(line.cells) / 2
        for index, whole in enumerate(line.cells):
            # a label cell run into its amount (五、事业收入7.96), as spreadsheet exports print it: the label, then the figure
            run_in = RUN_IN.match(compact(whole))
            cell = run_in.group(1) if run_in else whole
            value = parse_cell_amount(cell) if cell else None
            if cell and value is None:
                side = "revenue" if index < half and "支出" not in compact(cell) else "expenditure"
                pairs.append(Pair(compact(cell), [], side, line.page))
            elif pairs:
                pairs[-1].amounts.append(value)
            if run_in:
                pairs[-1].amounts.append(parse_amount(run_in.group(2)))
        return pairs
    segments = token_segments(line.text.split()) if numbered else [line.text.split()]
    for tok in (t for seg in segments for t in merge_wrapped(seg)):
        value = parse_amount(tok)
        if value is None:
            for label in _split_label(compact(tok)):
                # a second bare 总计 (or 合计) on a line is the expenditure side's
                again = label in ("总计", "合计") and any(p.label == label for p in pairs)
                pairs.append(Pair(label, [], "expenditure" if again else _side(label), line.page))
        elif pairs:
            pairs[-1].amounts.append(value)
    return pairs


_NUMERAL = re.compile(r"^(?:[一二三四五六七八九]|十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?)$")
_DISPLACED = re.compile(r"^([一二三四五六七八九十]+)([^、]+)、$")


def put_back_enumeration(label: str) -> str:
    """A label whose 、 was pulled out of reading order to its end put back (一一般公共预算资金、 → 一、一般公共预算资金).

    The numeral is the longest run of numerals at the start that is a number (一一 is not; 十一 is).
    """
    m = _DISPLACED.match(label)
    if m is None:
        return label
    run, rest = m.group(1), m.group(2)
    for k in range(len(run), 0, -1):
        if _NUMERAL.match(run[:k]):
            return f"{run[:k]}、{run[k:]}{rest}"
    return label


def stacked_sides(lines: list[list[Pair]]) -> list[Pair]:
    """The pairs of all lines; in a table of one 项目 column (no line has two item or total labels), the 收入
    block above the 支出 block: every line from the first of the 支出 side (its heading 支出, a numbered class
    or 本年支出合计) is the 支出 side's, so its 总计 is the expenditure total."""
    pairs = [pair for line in lines for pair in line]
    if any(sum(1 for p in line if _PREFIX.match(p.label) or re.search(r"合计|总计", p.label)) > 1 for line in lines):
        return pairs  # a line with two numbered or total labels: the blocks stand side by side
    if any([p.label for p in line] == ["收入", "支出"] for line in lines):
        return pairs  # a header line of 收入 | 支出 side by side (a table printed a cell a line put back): each label's own words tell its side
    spending = False
    for pair in pairs:
        spending = spending or bool(re.fullmatch(r"支出|(?:[一二三四五六七八九十]+、.*|本年)支出.*", pair.label))
        pair.side = "expenditure" if spending else pair.side
    return pairs


def numbered_cells(block: Block) -> list[Pair] | None:
    """The pairs of a two-sided 收支总表 printed a cell a line whose rows are numbered (项目 | 行次 | 金额 on each side).

    Read by ``cell_lines.two_sided``: every 行次 is printed, each label is followed by its row number
    and then its figures, and a number out of its side's count reads nothing.
    """
    cells = two_sided(block)
    return [Pair(label, figures, side, page) for label, figures, side, page in cells] if cells else None


def _column_numbers(line: Line) -> bool:
    """A text layer's ``栏次 1 栏次 2`` line under the header."""
    return len(line.cells) <= 1 and line.text.split()[:1] == ["栏次"]


def _first(amounts: list[Decimal | None]) -> Decimal | None:
    """The first amount printed after a label (a ruled table may leave cells blank before it)."""
    return next((a for a in amounts if a is not None), None)


# a line under 财政拨款收入 naming the 政府性基金 part of it (the national 财决01 of 2016–2018: 其中：政府性基金预算财政拨款)
_FUND_PART = re.compile(r"其中[:：]?政府性基金(?:预算)?(?:财政)?拨款(?:收入)?")


def _with_fund(pairs: list[Pair], pair: Pair, factor: Decimal) -> bool:
    """Whether a 财政拨款收入 line is followed by its 其中:政府性基金 line printing an amount other than nothing: the line is
    then the appropriations of both budgets, none of them the 一般公共预算's alone."""
    after = [p for p in pairs[pairs.index(pair) + 1 :] if p.side == pair.side][:1]
    return bool(after) and _FUND_PART.fullmatch(bare_label(after[0].label)) is not None and bool(to_wan(_first(after[0].amounts), factor))


def read_summary(block: Block, ctx: Context) -> None:
    """Revenue lines, headline totals and class totals of a 收支总表 (or 财政拨款收支总表)."""
    block = numbered_rows(block) or barred_rows(block) or block  # a web page's cells a line, rows numbered by 序号 or not
    block = split_bars(block) or block  # a web page's rows a line, cells barred
    cell_pairs = numbered_cells(block)  # a text's cells a line, rows numbered by 行次
    numbered = numbered_text(block)
    block = without_row_numbers(block)
    factor = ctx.factor(block)
    fiscal = block.kind == "fiscal_summary"
    in_carryover = False
    pairs = cell_pairs or stacked_sides([line_pairs(line, numbered) for line in block.lines[1:] if not _column_numbers(line)])
    for pair in pairs:
        pair.label = put_back_enumeration(pair.label)
    labels = [bare_label(p.label) for p in pairs]
    # a table whose only total lines are a bare 合计 on each side: that 合计 is the side's total,
    # and, where no carry-over line is printed, the current year's too
    bare_only = "总计" not in labels and not any(re.search(pat, label) for label in labels for pat, m in TOTAL_LINES if not m.startswith("carryover"))
    no_carryover = not any(re.search(r"结转|结余", label) for label in labels)
    # where a 当年收入小计 is printed, 收入合计 is the grand total (current year plus carryover)
    subtotalled = any(re.match(r"(?:当年|本年)(?:收入|支出)小计", label) for label in labels)
    # 财政拨款 is the parent of the 一般公共预算 and 政府性基金 lines printed under it
    split_funds = any(label.startswith("一般公共预算") for label in labels)
    summary_printed = any(b.kind == "summary" for b in ctx.blocks)
    unnamed: list[tuple[str, Decimal, int | None]] = []  # numbered revenue lines no source names (四、中央财政补助)
    for pair, label in zip(pairs, labels):
        amount = to_wan(_first(pair.amounts), factor)
        metric = next((m for pat, m in TOTAL_LINES if re.search(pat, label)), None)
        if metric is None and re.fullmatch(r"总计|合计", label) and not fiscal:
            # a bare 总计 on each side (财决01表): the side says which
            metric = ("revenue_total" if pair.side == "revenue" else "expenditure_total") if label == "总计" or subtotalled or bare_only else None
            if metric is not None and bare_only and no_carryover and amount is not None:
                ctx.add_total(metric.replace("_total", "_current_year"), amount, pair.page, block.title)
        if subtotalled and metric in ("revenue_current_year", "expenditure_current_year") and re.match(r"^(?:收入|支出)合计$", label):
            metric = "revenue_total" if metric == "revenue_current_year" else "expenditure_total"
        use = next((m for pat, m in USES if re.search(pat, label)), None) if pair.side == "expenditure" else None
        if use is not None and not fiscal and amount is not None:
            ctx.add_total(use, amount, pair.page, block.title)
            continue
        if split_funds and re.fullmatch(r"财政拨款(?:收入)?", label):
            continue
        if metric and not fiscal:
            if amount is not None:
                ctx.add_total(metric, amount, pair.page, block.title)
            elif pair.amounts and all(a is None for a in pair.amounts):
                # a cell printed blank beside the label (tabs or a ruled grid): none, not a figure missed
                blank = {"metric": metric, "page": pair.page, "source_table": block.title, "phase": ctx.phase}
                ctx.disclosure.evidence.blank_totals.append(blank)
            if metric == "carryover_in":
                ctx.add("revenue_by_source", {"source": "carryover", "source_name": pair.label, "amount": amount, "origin": "table", "page": pair.page})
            continue
        if pair.side == "revenue":
            appropriation = next((s for pat, s in _APPROPRIATIONS if re.fullmatch(pat, label)), None) if fiscal and not summary_printed and not in_carryover else None
            if appropriation is not None and amount is not None and not any(r["source"] == appropriation for r in ctx.disclosure.rows.get("revenue_by_source", [])):
                # no 收支总表 printed: the 财政拨款收支总表's line of one budget's appropriation is the same revenue line
                ctx.add("revenue_by_source", {"source": appropriation, "source_name": pair.label, "amount": amount, "origin": "table", "page": pair.page})
                continue
            if not fiscal and not in_carryover and amount is not None and _FUND_PART.fullmatch(label):
                # 其中:政府性基金预算财政拨款 under 财政拨款收入 (the national 财决01 of 2016–2018): that fund's revenue line
                ctx.add("revenue_by_source", {"source": "government_fund", "source_name": pair.label, "amount": amount, "origin": "table", "page": pair.page})
                continue
            if fiscal or label.startswith("其中") or re.search(r"本年收入$|项目|金额|预算数", label):
                in_carryover = in_carryover or bool(re.search(r"结转", label))
                continue
            source = next((s for pat, s in SOURCES if re.search(pat, label)), None)
            if source == "general_public_budget" and not in_carryover and amount and _with_fund(pairs, pair, factor):
                # the appropriations with a 政府性基金 in them: no one source's line (the 一般公共预算's own is not printed)
                unnamed.append((pair.label, amount, pair.page))
            elif source is not None and not in_carryover:
                ctx.add("revenue_by_source", {"source": source, "source_name": pair.label, "amount": amount, "origin": "table", "page": pair.page})
            elif amount and not in_carryover and _PREFIX.match(pair.label) and re.search(r"收入|拨款|补助", label) and "支出" not in label:
                # a numbered line of revenue by its words (a class of spending cut short, 八、社会保障和就, is not; a 0.00 changes no sum)
                unnamed.append((pair.label, amount, pair.page))
        elif amount is not None and re.search(r"支出$|[^计]$", label) and not re.search(r"合计|总计|本年支出|项目|科目", label):
            values = [to_wan(a, factor) for a in pair.amounts]
            # in a 财政拨款收支总表 the first amount is the sum over funds; the second is 一般公共预算;
            # a blank one beside another fund's figure is none (the class is spent from that fund only),
            # a row printing its total alone is read as the general budget's
            general = values[0]
            if fiscal and len(values) > 1 and (values[1] is not None or any(v is not None for v in values[2:])):
                general = values[1]
            ctx.tables.setdefault("class_totals", []).append((label, general, pair.page, block.title, block.kind, block.file))
    if unnamed:
        # the revenue lines then do not add up to 本年收入合计 by the build's doing, not the document's
        names = "、".join(f"“{name}”" for name, _, _ in unnamed)
        reason = f"收支总表的收入行{names}不是可以归入收入来源分类的一行，其金额没有发布，各项收入之和无法与收入合计比较"
        ctx.doubt("revenue_by_source", f"unnamed/{ctx.phase}/amount", ";".join(format_amount(a) for _, a, _ in unnamed), reason, unnamed[0][2], block.title)



FISCAL_SUMMARY = TableKind(
    "fiscal_summary", r"财政拨款收(?:入)?支(?:出)?(?:预算|决算)?总(?:体情况)?表", "财政拨款收支总表", ("expenditure_by_function", "revenue_by_source"), read_summary
)
SUMMARY = TableKind(
    "summary",
    r"收(?:入)?支(?:出)?(?:预算|决算)?总(?:体情况)?表|收支预算总表|(?<![款算金营共])(?:预算|决算)收支表",
    "收支总表",
    ("totals", "revenue_by_source", "expenditure_by_function"),
    read_summary,
)

"""A national table printed a cell a line (a web page's table copied as text): its rows put back on lines.

A final account's standard tables (财决01–09: 收入决算表, 支出决算表, 一般公共预算财政拨款支出决算表,
基本支出决算表, “三公”经费支出决算表 …) copied from a web page often print every cell on a line of its own:
the header cells, then ``栏次`` and the column numbers ``1``, ``2`` … ``n`` each alone, then each row as its
code (类/款/项, where the table prints one), its label, its row number (where a ``行次`` column is printed)
and its figures. Blank cells print no line. Put back on one line a row, the block reads as a text layer
does (a row's label and figures on a line, blanks lost), and each kind's reader places the figures into
columns as it does a text layer's: by the header's columns, the table's identities and its totals, and a
figure it cannot place goes to ``doubts``.

The ``栏次`` run says how many figure columns a row has. A row printing more figures than that, or a row
number out of its count, means the cells do not fall so: nothing is put back (the block is left as it is,
and its reader reads what it can). The two-sided 收支总表 (项目 | 行次 | 金额 on each side, two ``栏次``) is
read by ``summary.numbered_cells``; here one ``栏次`` only.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from cnbudget.amounts import parse_amount
from cnbudget.model import Block, Line
from cnbudget.official.classification import economic_name, function_name, names_agree
from cnbudget.strings import compact
from cnbudget.tables.numbering import ROW_NUMBER
from cnbudget.tables.phases import PHASE_WORDS, header_phases

__all__ = ["rejoined", "two_sided"]

_CODE = re.compile(r"^(?:\d{3}|\d{5}|\d{7})$")
_BARS = re.compile(r"\|+")
_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _is_label(text: str) -> bool:
    return parse_amount(text) is None and bool(_WORD.search(text))


def _is_code(texts: list[str], i: int) -> bool:
    """A 类/款/项 code: its official name (function or economic classification) is the label printed after it."""
    if not _CODE.match(texts[i]) or i + 1 >= len(texts) or not _is_label(texts[i + 1]):
        return False
    names = [n for n in (function_name(texts[i]), economic_name(texts[i])) if n]
    return any(names_agree(texts[i + 1], name) for name in names)


def _column_count(texts: list[str], start: int) -> int:
    """How many column numbers (1, 2, … n, each a cell) follow the 栏次 cell at ``start``."""
    n = 0
    while start + 1 + n < len(texts) and texts[start + 1 + n] == str(n + 1):
        n += 1
    return n


def rejoined(block: Block) -> Block | None:
    """The block with each row of a table printed a cell a line on a line of its own; None where it is not one.

    The header cells stay a line each, the ``栏次 1 2 … n`` cells become one line (column numbers,
    never amounts), and each row becomes ``[code] label figure …`` on one line, its row number dropped.
    """
    body = block.lines[1:]
    if len(body) < 4 or any(len(line.cells) > 1 for line in body):
        return None
    cells = [(line.page, line.text.strip()) for line in body if compact(line.text)]
    texts = [compact(text) for _, text in cells]
    barred = any("|" in text for text in texts)
    if barred and all(_BARS.fullmatch(text) for text in texts if "|" in text):
        # every bar on a line of its own (a copy printing each cell, then a bar): in a table whose every
        # figure follows its own label (a paired header, below) a bar says nothing the order does not
        cells = [cell for cell, text in zip(cells, texts) if "|" not in text]
        texts = [text for text in texts if "|" not in text]
    elif barred:
        return None
    if texts.count("栏次") > 1 or texts.count("行次") > 1:
        return None
    if barred and "栏次" in texts:
        return None
    if "栏次" in texts:
        start = texts.index("栏次")
        width = _column_count(texts, start)
        skip = width
    else:
        paired = _paired_header(texts)
        if paired is None:
            return None
        start, width, skip = paired, 1, -1
    if width < 1:
        return None
    numbered = "行次" in texts[:start]
    rows: list[tuple[int | None, list[str]]] = []  # (page, tokens): a row's code, label and figures
    count = 0  # the last row number read
    i = start + 1 + skip
    while i < len(texts):
        text = texts[i]
        if _is_code(texts, i):
            rows.append((cells[i][0], [text, cells[i + 1][1]]))
            i += 2
        elif _is_label(text):
            rows.append((cells[i][0], [cells[i][1]]))
            i += 1
        else:
            if parse_amount(text) is None:
                return None  # neither label nor figure (a stray mark): which cell is which is not sure
            if not rows:
                rows.append((cells[i][0], []))  # figures under the column numbers without a label (a “三公” table's one row)
            rows[-1][1].append(text)
            i += 1
            continue
        if numbered:
            if i >= len(texts) or not ROW_NUMBER.match(texts[i]) or int(texts[i]) != count + 1:
                if i >= len(texts):
                    rows.pop()  # the copy ends inside the row: its figures are not there
                    break
                return None  # a row number out of its count: a cell lost or moved
            count += 1
            i += 1
    if rows and len(rows[-1][1]) == _lead(rows[-1][1]):
        rows.pop()  # the copy ends after the last row's label: its figures are not there
    if not rows:
        return None
    leads = [_lead(tokens) for _, tokens in rows]
    if any(len(tokens) - lead > width for (_, tokens), lead in zip(rows, leads)):
        return None  # more figures than the table has columns: the cells do not fall so
    header = [(page, text) for page, text in cells[:start] if compact(text) != "行次"]
    if len(set(header_phases("".join(text for _, text in header)))) > 1:
        return _grid(block, header, rows, leads, width)
    numbers = [Line(cells[start][0], (" ".join(["栏次", *(str(k + 1) for k in range(width))]),))] if skip >= 0 else []
    lines = [Line(page, (" ".join(tokens),)) for page, tokens in rows if tokens]
    words = [compact(text) for _, text in header]
    if skip < 0 and "收入" in words and "支出" in words:
        # a two-sided 收支 table (收入 | 支出 over 项目 | 金额 twice): its rows' sides are lost with its row
        # ends, so the header's 收入 | 支出 is one line and each label and its figure (or its blank) a cell
        # each, for the reader to tell a label's side by its words (支出), not by which labels came first
        page = header[words.index("收入")][0]
        header = [*((p, t) for p, t in header if compact(t) not in ("收入", "支出"))]
        lines = [Line(page, ("收入", "支出")), *(Line(p, (tokens[0], tokens[1] if len(tokens) > 1 else "")) for p, tokens in rows if tokens and _lead(tokens) == 1)]
    return replace(block, lines=[block.lines[0], *(Line(page, (text,)) for page, text in header), *numbers, *lines])


_NAME_HEAD = re.compile(r"^(?:项目|内容|科目名称|(?:功能|经济)分类科目名称)$")
_VALUE_HEAD = re.compile(r"^(?:20\d{2}年度?)?(?:决算数|预算数|金额|执行数|本年决算数?|本年预算数?)$")
# a column of words after the pairs (功能科目名称 beside 支出's 内容 | 预算数): no figures under it
_NOTE_HEAD = re.compile(r"^(?:功能科目名称|备注|说明)$")
_GROUP_HEAD = re.compile(r"^(?:人员经费|公用经费|收入|支出|项目|科目编码)$")


def _paired_header(texts: list[str]) -> int | None:
    """Where the rows start in a table without 栏次 whose header is 科目名称 | 决算数 once or side by side.

    The header's cells are group words (人员经费 | 公用经费), then name and value words in pairs, each name
    column followed by exactly one figure column: every row is then a label and at most one figure.
    None where the header is not so.
    """
    i = 0
    while i < len(texts) and (re.search(r"[:：]", texts[i]) or re.fullmatch(r".{0,4}\d+(?:-\d+)?表", texts[i])):
        i += 1  # the unit's and the amounts' unit lines, the table's number (公开08表)
    while i < len(texts) and _GROUP_HEAD.match(texts[i]) and not (i + 1 < len(texts) and _VALUE_HEAD.match(texts[i + 1])):
        i += 1
    pairs = 0
    while i + 1 < len(texts) and _NAME_HEAD.match(texts[i]) and _VALUE_HEAD.match(texts[i + 1]):
        pairs += 1
        i += 2
    while pairs >= 2 and i < len(texts) and _NOTE_HEAD.match(texts[i]):
        i += 1
    if pairs < 2 or i >= len(texts) or not _is_label(texts[i]):
        return None
    return i - 1  # the rows start after the last header cell


def _lead(tokens: list[str]) -> int:
    """How many of a row's tokens are its code and label (2, 1, or 0 for a row of figures only)."""
    if len(tokens) > 1 and _CODE.match(compact(tokens[0])) and _is_label(compact(tokens[1])):
        return 2
    return int(bool(tokens) and _is_label(compact(tokens[0])))


_HEAD_WORDS = re.compile(r"^(?:项目|科目编码|科目名称|功能分类科目|类|款|项|单位[:：].*|.*单位[:：].*|部门[:：].*|.*表|\(?[一二三四五六七八九十]+\)?)$")


def _grid(block: Block, header: list[tuple[int | None, str]], rows: list[tuple[int | None, list[str]]], leads: list[int], width: int) -> Block | None:
    """A table whose header names several phases (年初预算数 | 全年预算数 | 决算数) as ruled rows, or None.

    A row with a blank cell prints fewer figures than the columns, and which one is blank cannot be told
    across phases: only a table whose every row prints all its figures is put back, its header's column
    words one to a column (or phase words each over the same column words, the groups side by side).
    """
    if any(len(tokens) - lead != width for (_, tokens), lead in zip(rows, leads)):
        return None
    words = [compact(text) for _, text in header if not _HEAD_WORDS.match(compact(text))]
    groups = [w for w in words if PHASE_WORDS.fullmatch(w)]
    subs = [w for w in words if not PHASE_WORDS.fullmatch(w)]
    g, n = len(groups), len(subs)
    if len(words) == width:
        heads = [["科目编码", "科目名称", *words]]  # one column a word
    elif g and n > 1 and g - 1 + n == width and words[:g] == groups:
        # the phase words one column each, the last over the column words (决算数 over 小计 | 基本支出 | 项目支出)
        heads = [["项目", "", *groups, *[""] * (n - 1)], ["科目编码", "科目名称", *[""] * (g - 1), *subs]]
    elif g > 1 and n == width and width % g == 0 and words[:g] == groups:
        span = width // g  # each phase word over the same column words, the groups side by side
        if any(subs[k * span : (k + 1) * span] != subs[:span] for k in range(g)):
            return None
        heads = [["项目", "", *(c for w in groups for c in (w, *[""] * (span - 1)))], ["科目编码", "科目名称", *subs]]
    else:
        return None
    coded = 2 in leads  # a table without codes has its label column only
    page = header[0][0] if header else block.lines[0].page
    lines = [Line(page, tuple(cells if coded else ["项目" if k == 1 else c for k, c in enumerate(cells)][1:])) for cells in heads]
    for (row_page, tokens), lead in zip(rows, leads):
        code, label = (tokens[0], tokens[1]) if lead == 2 else ("", tokens[0] if lead else "")
        lines.append(Line(row_page, (code, label, *tokens[lead:]) if coded else (label, *tokens[lead:])))
    return replace(block, lines=[block.lines[0], *lines])


Cell = tuple[str, list[Decimal | None], str, int | None]  # label, figures, side (revenue / expenditure), page


def _side_widths(texts: list[str]) -> tuple[int, int, int] | None:
    """Where the rows of a two-sided table start, and how many figure columns each side has.

    The header prints 项目 | 行次 | its figure columns on each side (金额; or 合计 | 一般公共预算财政拨款 … on the
    expenditure side of a 财政拨款收支总表), then ``栏次`` under each side with its column numbers.
    """
    heads = [i for i, text in enumerate(texts) if text == "行次"]
    items = [i for i, text in enumerate(texts) if text == "项目"]
    marks = [i for i, text in enumerate(texts) if text == "栏次"]
    if len(heads) != 2 or len(items) != 2 or not heads[0] < items[1] < heads[1]:
        return None
    left = items[1] - heads[0] - 1
    if not marks:  # no column numbers: the two sides alike
        return (heads[1] + 1 + left, left, left) if 1 <= left <= 5 else None
    if len(marks) != 2 or not heads[1] < marks[0] < marks[1]:
        return None
    right = marks[0] - heads[1] - 1
    start = marks[1] + 1
    while start < len(texts) and ROW_NUMBER.match(texts[start]):
        start += 1  # the expenditure side's column numbers
    return (start, left, right) if 1 <= left <= 5 and 1 <= right <= 5 else None


def two_sided(block: Block) -> list[Cell] | None:
    """The labelled rows of a two-sided 收支总表 printed a cell a line (项目 | 行次 | figures on each side).

    A printed line of the table is the revenue side's label, its 行次 and its figures, then the
    expenditure side's. Blank cells print nothing, a blank label too, but every 行次 is printed: the
    revenue side counts 1, 2, 3 …, the expenditure side on from its own first number, and each line
    must go on both counts (a side that has ended prints no more numbers). A number out of both counts
    means a cell lost or moved: None, nothing read. A row whose side has several figure columns and
    prints fewer figures than them is given none (which column is blank cannot be told). The copy
    ending inside a row ends the table.
    """
    body = block.lines[1:]
    if not body or any(len(line.cells) > 1 for line in body):
        return None
    cells = [(line.page, compact(line.text)) for line in body if compact(line.text)]
    texts = [text for _, text in cells]
    found = _side_widths(texts)
    if found is None:
        return None
    i, widths = found[0], {"revenue": found[1], "expenditure": found[2]}
    counts: dict[str, int] = {"revenue": 0}
    out: list[Cell] = []

    def number_of(side: str, at: int) -> bool:
        if side not in counts:  # the expenditure side's first number, after its first label
            return at < len(texts) and bool(ROW_NUMBER.match(texts[at])) and int(texts[at]) > counts["revenue"]
        return at < len(texts) and texts[at] == str(counts[side] + 1)

    while i < len(texts):
        for side in ("revenue", "expenditure"):
            label = texts[i] if i < len(texts) and _is_label(texts[i]) else ""
            at = i + 1 if label else i
            if side == "revenue" and "expenditure" in counts and not number_of(side, at) and number_of("expenditure", at):
                continue  # the revenue side has ended
            if not number_of(side, at):
                if side == "expenditure" and (not label or number_of("revenue", at)):
                    continue  # the expenditure side has ended, or this label is the next revenue row's
                return out if at >= len(texts) and out and "expenditure" in counts else None
            counts[side] = int(texts[at])
            j = at + 1
            figures: list[Decimal | None] = []
            while j < len(texts) and len(figures) < widths[side] and parse_amount(texts[j]) is not None and not _next_number(texts, j, counts, side):
                figures.append(parse_amount(texts[j]))
                j += 1
            if label:
                out.append((label, figures if len(figures) == widths[side] or widths[side] == 1 else [], side, cells[i][0]))
            i = j
    return out if len(out) >= 2 and "expenditure" in counts else None


def _next_number(texts: list[str], j: int, counts: dict[str, int], side: str) -> bool:
    """Whether the cell at ``j`` is the other side's next 行次 rather than a figure (a blank figure, then a blank label)."""
    other = "expenditure" if side == "revenue" else "revenue"
    return other in counts and texts[j] == str(counts[other] + 1)

"""Recognise stage: a Document's lines → blocks, each a standard table or the prose.

A table is recognised by its title (whatever numbering the region uses: 表1, 预算01表,
财决01表, or none), confirmed by a header or unit line right after it; a table of
contents, which lists the same titles, is told apart by its numbering and by having
no header under its entries. A table continued on the next page under a repeated
title is one block. The kinds and their title patterns are the registry's (``tables/registry.py``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import declared_unit
from cnbudget.model import Block, Line
from cnbudget.strings import compact
from cnbudget.tables.kind import TableKind
from cnbudget.tables.registry import KINDS
from cnbudget.tables.summary import SUMMARY
from cnbudget.tables.three_public import THREE_PUBLIC

# Contents entries: bullets, “（表1）” references, dot leaders. A numbered line (一、…表) can be
# a contents entry or a real title; _confirmed tells them apart by what follows it.
_TOC = re.compile(r"^[-•·]\s*|[（(]表\s*\d|[；;]$|\.{3,}|…{2,}")
_NUMBERING = re.compile(r"^(?:[（(]?[一二三四五六七八九十]+[)）、.．]|\d+\s*[、.．])")
_EXPLAINS = re.compile(r"说明|情况如下|主要用于|名词解释")
_HEADERISH = re.compile(
    r"金额单位|单位[:：]|金额[:：]|部门[:：]|编制单位|项\s*目|科目|收\s*入|预算数|单位名称|单位编码|合\s*计|类型|项目名称|指标|名称"
)
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
# a heading of the prose after a table, on a line of its own: 二、2021年度“三公”经费支出情况说明, numbered
# 1. or （一） or not at all where it ends in 情况说明 (“2022度……“三公”经费支出情况说明”, “（一）……总体情况说明。”)
_PROSE_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.．、])[^\t]{2,60}说明。?$|^[^\t\d.]{0,40}\d{0,4}[^\t\d.]{2,40}情况说明。?$")
_NOTE = re.compile(r"^(?:注|备注|说明)[:：]")
_NOTE_FIGURE = re.compile(r"\d(?:万元|元)")


def title_kind(line: Line) -> TableKind | None:
    """The table kind a line names as a title, if it reads like a title (not prose or contents)."""
    text = compact(line.text)
    if not text or len(text) > 48 or _EXPLAINS.search(text) or _TOC.search(line.text.strip()):
        return None
    if "。" in text or re.match(r"^附(?:表|件)[:：]", text) or re.search(r"[《》]|应与|一致", text):
        return None
    if re.search(r"[\t].*\d+$", "\t".join(line.cells)) and len(line.cells) > 1 and line.cells[-1].isdigit():
        return None  # a contents entry with its page number
    text = _NUMBERING.sub("", text)
    text = re.sub(r"^(?:附表|表)\s*[\d\-－]*|^(?:预算|财决|决算)\s*\d+(?:-\d+)?表", "", text)
    for kind in KINDS:
        if kind.pattern.search(text):
            return kind
    return None


def _confirmed(lines: list[Line], start: int) -> bool:
    """Whether a header or unit line follows the title before the next title (lines that are only a cell's `|` left out)."""
    for line in [line for line in lines[start + 1 : start + 40] if compact(line.text).strip("|")][:7]:
        if title_kind(line) is not None or _PART.match(compact(line.text)) or (len(line.cells) == 1 and _PROSE_HEADING.match(compact(line.text))):
            return False  # another title, a part's or the prose's heading: a contents entry, not a table
        if _HEADERISH.search(line.text) or declared_unit(line.text):
            return True
    return False


def _unit(lines: list[Line]) -> tuple[Decimal | None, str]:
    for i, line in enumerate(lines[:10]):
        found = declared_unit(line.text)
        if not found and i + 1 < len(lines) and re.search(r"单位[:：]\s*万?$", compact(line.text)):
            found = declared_unit(compact(line.text) + compact(lines[i + 1].text))  # 单位：万 / 元
            if not found and lines[i + 1].cells and lines[i + 1].cells[-1].strip() == "元":
                found = declared_unit(compact(line.text) + "元")  # 单位：万 / 部门名称：… | 元 (the 元 wrapped into the next line's last cell)
        if found:
            return found
    for line in lines:
        if title_kind(line) is None and len(compact(line.text)) < 20:
            found = declared_unit(line.text)
            if found:
                return found
    return None, ""


# a “三公” table run into a line of prose (a copy that lost its line breaks): its title, unit and 项目 header, then its rows
_RUN_TABLE = re.compile(r"((?:[一二三四五六七八九十]+、)?[^。；;，,、]{0,40}三公.{0,3}经费[^。；;，,]{0,12}表)\s*(单位[:：]\s*万?元)\s*(项\s*目(?:\s+\S*(?:预算|决算)\S*)+)\s+")
_ROW_START = re.compile(r"(?<=\d)\s+(?=[^\d\s.-])")


def _run_together(line: Line) -> list[Line]:
    """A long line that holds a “三公” table (title, 单位：万元, 项目 预算数 决算数, then label figures … up to the
    prose's next heading), split back into its title, unit, header and a line per row: a row starts at the
    first word after a figure. The rest of the line stays prose, before and after the table."""
    m = _RUN_TABLE.search(line.text) if len(line.cells) == 1 and len(line.text) > 200 else None
    if m is None:
        return [line]
    end = _SECTION_AFTER.search(line.text, m.end())
    stop = end.start() if end else len(line.text)
    rows = [re.sub(r"(?<=\D)\s(?=\D)", "", row) for row in _ROW_START.split(line.text[m.end() : stop].strip())]
    header = "项目 " + " ".join(m.group(3).split()[2 if m.group(3).startswith("项 ") else 1 :])
    heading = re.match(r"[^。]{2,70}?说\s*明", line.text[stop:]) if end else None  # the prose's heading after it ends the table
    cut = stop + heading.end() if heading else stop
    parts = [line.text[: m.start()], m.group(1), m.group(2), header, *rows, line.text[stop:cut], line.text[cut:]]
    return [Line(line.page, (part,)) for part in parts if part.strip()]


_SECTION_AFTER = re.compile(r"[一二三四五六七八九十]+、\s*\d{4}\s*年")


def recognise_blocks(lines: list[Line]) -> list[Block]:
    """The document split into table blocks and prose (kind ``narrative``), in order."""
    starts: list[tuple[int, TableKind]] = []
    titles: dict[int, str] = {}  # an untitled table's start: the name its kind goes by
    lines = [part for line in lines for part in _run_together(line)]  # a title broken over two lines is joined in this copy, its tail blanked
    for i, line in enumerate(lines):
        kind = title_kind(line)
        tail = compact(lines[i + 1].text).strip("|") if i + 1 < len(lines) else ""
        # a web table's title cut into two of its rows (…“三公”经费预算 | / 财政拨款情况表 |): its bars are no part of it
        barred = "|" in line.text and tail.endswith("表") and len(tail) <= 10
        if i + 1 < len(lines) and (0 < len(compact(lines[i + 1].text)) <= 6 or barred) and (kind is None or not _confirmed(lines, i)):
            # a title broken before its last characters (…支出预 / 算表), even when the first part
            # alone reads as another kind's title (…三公经费、会议费、培训费 / 支出预算表)
            head = compact(line.text).strip("|") if barred else compact(line.text)
            whole = Line(line.page, (head + (tail if barred else compact(lines[i + 1].text)),))
            joined = title_kind(whole)
            if not compact(line.text).endswith("表") and joined not in (None, title_kind(lines[i + 1])):
                kind, lines[i] = joined, whole
                lines[i + 1] = Line(lines[i + 1].page, ())
        if kind is not None and _confirmed(lines, i):
            starts.append((i, kind))
        elif kind is None and _untitled_three_public(lines, i) and all(k is not THREE_PUBLIC for _, k in starts):
            starts.append((i, THREE_PUBLIC))  # its unit line is the block's first line, read for its unit
            titles[i] = THREE_PUBLIC.label
        elif kind is None and not starts and _untitled_summary(lines, i):
            # the unit line over the header (单位：万元) is the block's first line, read for its unit
            untitled = i - 1 if i and declared_unit(lines[i - 1].text) else i
            starts.append((untitled, SUMMARY))
            titles[untitled] = SUMMARY.label
    blocks: list[Block] = []
    prose: list[Line] = []
    cursor = 0
    for n, (i, kind) in enumerate(starts):
        prose.extend(lines[cursor:i])
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        body = lines[i:end]
        for j, line in enumerate(body[1:], start=1):
            if _PART.match(compact(line.text)) or (len(line.cells) == 1 and _PROSE_HEADING.match(compact(line.text))):
                prose_tail = body[j:]
                body = body[:j]
                break
        else:
            prose_tail = []
        # a table's note that states a figure in sentences (注：……，2023年公务接待费决算数为7万元。) is prose as well
        prose.extend(line for line in body[1:] if _NOTE.match(compact(line.text)) and "。" in line.text and _NOTE_FIGURE.search(line.text))
        title = titles.get(i) or compact(lines[i].text)
        factor, label = _unit(body)
        previous = blocks[-1] if blocks else None
        if previous is not None and previous.kind == kind.name and _same_title(previous.title, title):
            previous.lines.extend(body)
            if previous.unit_factor is None and factor is not None:
                previous.unit_factor, previous.unit_label = factor, label
        else:
            blocks.append(Block(kind.name, title, list(body), factor, label))
        prose.extend(prose_tail)
        cursor = end
    prose.extend(lines[cursor:])
    return [Block("narrative", "", prose, None)] + blocks


def _untitled_summary(lines: list[Line], i: int) -> bool:
    """Whether the document's first table starts at line ``i`` as a 收支总表 whose title is not printed.

    A page may print 部门预算公开表 and then the table without its title: its header is 序号 | 收入 |
    支出 (cells or lines, bars ending cells), and it lists 本年收入合计 and 本年支出合计.
    """
    cells = [c for line in lines[i : i + 4] for c in (compact(x) for x in "|".join(line.cells).split("|")) if c]
    if cells[:3] != ["序号", "收入", "支出"]:
        return False
    texts = {compact(x) for line in lines[i:] for x in "|".join(line.cells).split("|")}
    return {"本年收入合计", "本年支出合计"} <= texts


# a 三公 table's group header: the year, the 三公经费 and the phase of its figures (2010年“三公经费”财政拨款决算数)
_THREE_PUBLIC_GROUP = re.compile(r"^20\d{2}年度?[^。，,；;]{0,4}三公.{0,3}经费[^。，,；;]{0,10}(?:预算|决算)数$")


def _untitled_three_public(lines: list[Line], i: int) -> bool:
    """Whether a 三公 table whose title is not printed starts at line ``i``: its unit line (单位：万元) over a group header
    naming the year, the 三公经费 and the phase (the 2011 central template's 2010年“三公经费”财政拨款决算数, whose page
    runs the table's title into its opening sentence)."""
    text = compact(lines[i].text)
    if not text or len(text) > 12 or not declared_unit(text):
        return False
    after = next((compact(line.text).strip("|") for line in lines[i + 1 : i + 3] if compact(line.text).strip("|")), "")
    return bool(_THREE_PUBLIC_GROUP.match(after))


def _same_title(a: str, b: str) -> bool:
    strip = re.compile(r"(?:续表|续)$|[（(]续[)）]")
    return strip.sub("", a) == strip.sub("", b)

"""More ways the national templates let a table be printed, for ``table_variants.py`` (issue 13, session 15).

Each rewrite takes a synthetic disclosure's text layer (tab-separated cells, ``tools/synth.py``) and prints its
tables one other way, from the layout's published description, never from a real document's text:

- ``names_only``: 类/款/项 codes not printed, each name indented by its level (a 项 two levels in);
- ``column_by_column``: a landscape page whose text comes out column by column (each cell a line, blanks lost);
- ``total_moved``: the 合计 row printed last instead of first (or first instead of last);
- ``unit_in_header``: the unit in the amount columns' header cells (合计（万元）) and in no title line;
- ``forced``: the national final account's own layouts (``tools/synth/variants.py``) forced on every disclosure:
  the 收入支出决算总表 as blocks side by side or stacked, with 行次 or without; codes in three cells, one or none;
  a table over two pages without its header repeated.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

AMOUNT = re.compile(r"^[\d,]+\.\d{2}$|^\d+$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_INDENT = "\u3000\u3000"


def _tables(text: str) -> list[tuple[bool, list[str]]]:
    """The text cut into runs of lines: (True, a table's tab lines) or (False, other lines)."""
    out: list[tuple[bool, list[str]]] = []
    for line in text.split("\n"):
        tabbed = "\t" in line
        if out and out[-1][0] == tabbed:
            out[-1][1].append(line)
        else:
            out.append((tabbed, [line]))
    return out


def _joined(runs: list[tuple[bool, list[str]]]) -> str:
    return "\n".join(line for _, lines in runs for line in lines)


def _code_width(lines: list[str]) -> int:
    """How many cells the codes take (0 where the table prints none): the index of 科目名称 on the 科目编码 line."""
    for line in lines:
        cells = line.split("\t")
        if cells[0] == "科目编码" and "科目名称" in cells:
            return cells.index("科目名称")
    return 0


def names_only(text: str) -> str:
    """Every table's 类/款/项 codes left out, each name indented two spaces a level below its class."""
    runs = _tables(text)
    for n, (tabbed, lines) in enumerate(runs):
        k = _code_width(lines) if tabbed else 0
        if not k:
            continue
        out = []
        for line in lines:
            cells = line.split("\t")
            head = cells[:k]
            if re.search(r"单位[：:]", line):  # 部门：… | 金额单位：万元 names no column
                out.append(line)
                continue
            if all(re.fullmatch(r"\d*", c) for c in head) and any(_CJK.search(c) for c in cells[k:k + 1]):
                code = "".join(head)
                level = {3: 0, 5: 1, 7: 2}.get(len(code), 0) if k == 1 else max(0, sum(1 for c in head if c) - 1)
                out.append("\t".join([_INDENT * level + cells[k], *cells[k + 1 :]]))
            elif all(c in ("类", "款", "项", "") for c in cells):
                continue  # the 类 款 项 line names code cells no longer printed
            elif cells[0] == "科目编码":
                out.append("\t".join(cells[k:]))
            elif not any(cells[1 : 1 + k]):
                out.append("\t".join([cells[0], *cells[1 + k :]]))
            else:
                out.append("\t".join(cells[k:]))
        runs[n] = (tabbed, out)
    return _joined(runs)


def column_by_column(text: str) -> str:
    """Every table's cells column after column, each on a line (a landscape page extracted a column at a time)."""
    runs = _tables(text)
    for n, (tabbed, lines) in enumerate(runs):
        if not tabbed or not any(AMOUNT.match(c) for line in lines for c in line.split("\t")):
            continue
        top = [line for line in lines if re.search(r"单位[：:]", line)]  # the unit line stays above the table
        grid = [line.split("\t") for line in lines if line not in top]
        width = max(len(row) for row in grid)
        runs[n] = (True, [*top, *(row[j] for j in range(width) for row in grid if j < len(row) and row[j].strip())])
    return _joined(runs)


def total_moved(text: str) -> str:
    """Each coded table's 合计 row moved to the other end of its rows (first → last, last → first)."""
    runs = _tables(text)
    for n, (tabbed, lines) in enumerate(runs):
        if not tabbed:
            continue
        rows = [i for i, line in enumerate(lines) if any(AMOUNT.match(c) for c in line.split("\t"))]
        total = [i for i in rows if [c for c in lines[i].split("\t") if c.strip()][:1] == ["合计"]]
        if len(total) != 1 or len(rows) < 3 or total[0] not in (rows[0], rows[-1]):
            continue
        line = lines.pop(total[0])
        if total[0] == rows[0]:
            lines.insert(rows[-1], line)
        else:
            lines.insert(rows[0], line)
    return _joined(runs)


_UNIT_LINE = re.compile(r"\s*(?:金额)?单位[：:]\s*([万千亿]?元)")
_AMOUNT_HEAD = re.compile(r"合计|小计|支出|经费|预算数|决算数|金额|费$")
_NOT_AMOUNT_HEAD = re.compile(r"^(?:科目编码|科目名称|项目|行次|栏次|类|款|项|收入|支出|)$")


def unit_in_header(text: str) -> str:
    """The unit said in the header cells over the amounts (合计（万元）) and no longer on the line under the title."""
    runs = _tables(text)
    for n, (tabbed, lines) in enumerate(runs):
        if not tabbed:
            runs[n] = (False, [_UNIT_LINE.sub("", line) for line in lines])
            continue
        first = next((i for i, line in enumerate(lines) if any(AMOUNT.match(c) for c in line.split("\t"))), len(lines))
        # the header line naming the most amount columns (合计 基本支出 …, 年初预算数 …) says the unit in each of them
        named = [sum(1 for c in line.split("\t") if _AMOUNT_HEAD.search(c) and not _NOT_AMOUNT_HEAD.match(c.strip())) for line in lines[:first]]
        best = max(range(len(named)), key=lambda i: (named[i], i)) if named and max(named) else None
        said = next((m.group(1) for line in lines if (m := _UNIT_LINE.search(line))), "万元")
        out = []
        for i, line in enumerate(lines):
            cells = line.split("\t")
            if _UNIT_LINE.search(line):
                line = "\t".join(_UNIT_LINE.sub("", c) for c in cells)
            elif i == best:
                line = "\t".join(f"{c}（{said}）" if _AMOUNT_HEAD.search(c) and not _NOT_AMOUNT_HEAD.match(c.strip()) else c for c in cells)
            out.append(line)
        runs[n] = (True, out)
    return _joined(runs)


# --- the national final account's own layouts, forced on every disclosure of the corpus ---

FORCED: dict[str, dict[str, Any]] = {
    "final-sides-numbered": {"summary": "sides", "line_numbers": True},
    "final-sides-unnumbered": {"summary": "sides", "line_numbers": False},
    "final-stacked-numbered": {"summary": "stacked", "line_numbers": True},
    "final-stacked-unnumbered": {"summary": "stacked", "line_numbers": False},
    "final-codes-split": {"codes": "split"},
    "final-codes-joined": {"codes": "joined"},
    "final-codes-none": {"codes": "none"},
    "final-continued-bare": {"continued": "bare"},
}


def forced_corpus(synth: Any, name: str, count: int, out: Path, rewrite: Callable[[str], str] = lambda t: t) -> Path:
    """``count`` national final accounts with the named layout forced (the rest drawn as the seed draws them), as text
    layers rewritten by ``rewrite``, with their answer key."""
    folder = out / name
    (folder / "text").mkdir(parents=True, exist_ok=True)
    for old in (folder / "text").glob("*.txt"):
        old.unlink()
    disclosures = []
    for i, unit in enumerate(synth.pick_units(count, 0, "national-units")):
        variant = replace(synth.draw_variant(i, 0), **FORCED[name.removesuffix("-by-spaces")])
        d = synth.generate_national(i, 0, unit, variant)
        disclosures.append(d)
        (folder / "text" / f"{d.file}.txt").write_text(rewrite(synth.to_text(synth.printed_any(d))), encoding="utf-8")
    synth.write_answers(folder / "answers.csv", disclosures)
    return folder

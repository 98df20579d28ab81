"""绩效目标表: performance indicators (一级/二级/三级指标, 指标性质, 指标值, 度量单位, 权重).

An indicator is found by its comparison (≥ ≤ ＝ ＞ ＜ 定性) followed by a target, a
unit and a weight; the levels above it are carried from the lines before, as the
merged cells of the printed table leave them blank.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from cnbudget.model import Block
from cnbudget.strings import compact
from cnbudget.tables.common import Context
from cnbudget.tables.kind import TableKind

_OP = re.compile(r"^(?:≥|≤|＝|=|＞|＜|>|<|定性|定量)$")
_LEVEL1 = re.compile(r"^(?:产出指标|效益指标|满意度指标|成本指标|投入管理指标|效果指标)$")
_LEVEL2 = re.compile(r"^(?:数量|质量|时效|社会效益|经济效益|生态效益|可持续影响|服务对象满意度|满意度|经济成本|社会成本|生态环境成本)指标$")
_SPACED = re.compile(
    r"^(?P<pre>.*?)\s+(?P<op>≥|≤|＝|=|＞|＜|>|<|定性)\s*(?P<target>[^\s]+)\s+(?P<unit>[^\s\d][^\s]*)?\s*(?P<weight>\d+(?:\.\d+)?)$"
)


def _weight(text: str) -> Decimal | None:
    try:
        return Decimal(text) if text else None
    except InvalidOperation:
        return None


# header words → field, for tables whose columns are named (the order differs by region)
_HEADER = (
    ("level1", r"一级指标"),
    ("level2", r"二级指标"),
    ("indicator", r"三级指标|指标名称|^指标$|^绩效指标$"),
    ("operator", r"指标性质|^性质$|符号"),
    ("target", r"指标值|目标值"),
    ("unit", r"计量单位|度量单位|^单位$"),
    ("weight", r"权重|分值"),
)


def header_columns(cells: list[str]) -> dict[str, int] | None:
    """Field → column index, when a line is a header naming at least the indicator, operator and target.

    A header naming the levels, the indicator and its 指标值 but no operator column is one too: its targets print
    their comparison (≥13459.00(平方米), >=2次); a 项目名称 column names each row's project.
    """
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = compact(cell)
        if text == "项目名称" and "project" not in found:
            found["project"] = i
            continue
        for name, pattern in _HEADER:
            if text and name not in found and re.search(pattern, text):
                found[name] = i
                break
    if {"indicator", "operator", "target"} <= set(found):
        return found
    return found if {"level1", "level2", "indicator", "target"} <= set(found) else None


# a project code printed before the name (not the year that opens a name: 2026年信访专项经费)
_CODE = re.compile(r"^(?:[0-9A-Za-z\-_]{6,}\s*|[0-9A-Za-z\-_]+\s+)(?![年度])")
# labels printed beside the name on a project's 项目名称 line
_PROJECT_LABELS = re.compile(r"^(?:项目性质|项目类别|项目类型|项目属性|主管部门|实施单位|项目编码|项目代码|预算单位|项目负责人)$")
# a target that prints its comparison, and its unit in brackets: ≥13459.00(平方米), >=2次, ＝100%
_TARGET = re.compile(r"^\s*(?P<op>[≥≤＞＜><＝=](?:\s*=)?)\s*(?P<value>.*?)\s*(?:[(（](?P<unit>[^()（）]{1,8})[)）])?\s*$")


def _project_name(cells: list[str]) -> str | None:
    """The project a 项目名称 line names, without the project code printed before it nor the labels after it."""
    if not cells or compact(cells[0]) != "项目名称":
        return None
    rest = cells[1:]
    stop = next((i for i, c in enumerate(rest) if _PROJECT_LABELS.match(compact(c))), len(rest))
    name = next((c for c in reversed(rest[:stop]) if c.strip()), "")
    return compact(_CODE.sub("", name.strip())) or None


def _without_operator(ctx: Context, block: Block, cells: list[str], columns: dict[str, int], page: int | None, state: list[str | None]) -> None:
    """An indicator row of a table whose header names no operator column: the comparison is the target's own."""
    project, level1, level2 = state
    if "project" in columns and cells[columns["project"]]:
        project = compact(_CODE.sub("", cells[columns["project"]])) or project
        level1 = level2 = None
    level1 = compact(cells[columns["level1"]]) or level1
    level2 = compact(cells[columns["level2"]]) or level2
    state[:] = [project, level1, level2]
    indicator, printed = compact(cells[columns["indicator"]]), cells[columns["target"]].strip()
    if not indicator or not printed or not level1 or not _LEVEL1.match(level1):
        return
    m = _TARGET.match(printed)
    ctx.add(
        "performance_indicators",
        {
            "project_name": project,
            "level1": level1,
            "level2": level2,
            "indicator": indicator,
            "operator": compact(m.group("op")) if m else None,
            "target": (m.group("value") or printed) if m else printed,
            "unit": ((m.group("unit") if m else None) or ((cells[columns["unit"]] or None) if "unit" in columns else None)),
            "weight": _weight(cells[columns["weight"]]) if "weight" in columns else None,
            "source_table": block.title,
            "page": page,
        },
    )


def read_performance(block: Block, ctx: Context) -> None:
    """The indicators of a performance target table into ``performance_indicators``."""
    level1 = level2 = ""
    project: str | None = None
    columns: dict[str, int] | None = None
    state: list[str | None] = [None, None, None]  # project, 一级 and 二级指标 carried down a table without an operator column
    for line in block.lines[1:]:
        cells = [c.strip() for c in line.cells]
        named = _project_name(cells)
        if named is not None:
            project, level1, level2 = named, "", ""
            state = [project, None, None]
            continue
        header = header_columns(cells) if len(cells) > 3 else None
        if header is not None:
            columns = header
            state = [project, None, None]
            continue
        if columns is not None and "operator" not in columns and len(cells) > max(columns.values()) and not any(_OP.match(c) for c in cells):
            _without_operator(ctx, block, cells, columns, line.page, state)
            project = state[0]
            continue
        if columns is not None and "operator" in columns and len(cells) > max(columns.values()) and _OP.match(cells[columns["operator"]]):
            if cells[columns["indicator"]]:
                level1 = compact(cells[columns["level1"]]) if "level1" in columns and cells[columns["level1"]] else level1
                level2 = compact(cells[columns["level2"]]) if "level2" in columns and cells[columns["level2"]] else level2
                ctx.add(
                    "performance_indicators",
                    {
                        "project_name": project,
                        "level1": level1 or None,
                        "level2": level2 or None,
                        "indicator": compact(cells[columns["indicator"]]),
                        "operator": cells[columns["operator"]],
                        "target": cells[columns["target"]] or None,
                        "unit": (cells[columns["unit"]] or None) if "unit" in columns else None,
                        "weight": _weight(cells[columns["weight"]]) if "weight" in columns else None,
                        "source_table": block.title,
                        "page": line.page,
                    },
                )
            continue
        words = [compact(c) for c in cells if c.strip()]
        for w in words:
            if _LEVEL1.match(w):
                level1, level2 = w, ""
            elif _LEVEL2.match(w):
                level2 = w
        if len(cells) > 3:
            ops = [i for i, c in enumerate(cells) if _OP.match(c)]
            if not ops:
                continue
            k = ops[0]
            if k < 1 or k + 1 >= len(cells):
                continue
            row = {
                "project_name": project,
                "level1": compact(cells[k - 3]) if k >= 3 and cells[k - 3] else level1,
                "level2": compact(cells[k - 2]) if k >= 2 and cells[k - 2] else level2,
                "indicator": compact(cells[k - 1]),
                "operator": cells[k],
                "target": cells[k + 1],
                "unit": cells[k + 2] if k + 2 < len(cells) and cells[k + 2] else None,
                "weight": _weight(cells[k + 3]) if k + 3 < len(cells) else None,
                "page": line.page,
            }
        else:
            m = _SPACED.match(line.text.strip())
            if not m:
                continue
            pre = m.group("pre").split()
            indicator = compact(pre[-1]) if pre else ""
            for w in pre[:-1]:
                if _LEVEL2.match(compact(w)):
                    level2 = compact(w)
                elif _LEVEL1.match(compact(w)):
                    level1 = compact(w)
            row = {
                "project_name": None,
                "level1": level1,
                "level2": level2,
                "indicator": indicator,
                "operator": m.group("op"),
                "target": m.group("target"),
                "unit": m.group("unit"),
                "weight": _weight(m.group("weight")),
                "page": line.page,
            }
        if row["indicator"] and row["target"] and not _OP.match(str(row["indicator"])):
            ctx.add("performance_indicators", {**{k: (v or None) if k != "weight" else v for k, v in row.items()}, "source_table": block.title})


PERFORMANCE = TableKind("performance", r"绩效目标.{0,8}表|绩效.{0,6}申报表|绩效自评表", "绩效目标表", ("performance_indicators",), read_performance)

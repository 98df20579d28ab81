"""绩效目标表: performance indicators (一级/二级/三级指标, 指标性质, 指标值, 度量单位, 权重).

An indicator is found by its comparison (≥ ≤ ＝ ＞ ＜ 定性) followed by a target, a
unit and a weight; the levels above it are carried from the lines before, as the
merged cells of the printed table leave them blank.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..model import Block
from ..recognise import compact
from .common import Context

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


def read_performance(block: Block, ctx: Context) -> None:
    """The indicators of a performance target table into ``performance_indicators``."""
    level1 = level2 = ""
    project: str | None = None
    for line in block.lines[1:]:
        cells = [c.strip() for c in line.cells]
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
            first = next((c for c in cells[: max(0, k - 3)] if c and not re.fullmatch(r"[\d.]+", c)), None)
            if first and len(first) <= 60 and not _LEVEL1.match(compact(first)):
                project = compact(first)
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
            ctx.add("performance_indicators", {k: (v or None) if k != "weight" else v for k, v in row.items()})

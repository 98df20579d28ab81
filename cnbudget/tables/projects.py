"""项目支出表: one row per project."""

from __future__ import annotations

import re

from cnbudget.amounts import to_wan
from cnbudget.model import Block
from cnbudget.official import classification
from cnbudget.strings import compact
from cnbudget.tables.common import TOTAL_RE, Context, split_block_rows
from cnbudget.tables.function import split_function_code
from cnbudget.tables.kind import TableKind
from cnbudget.tables.rows import Row, clean_name

_CATEGORY = re.compile(r"运转类|特定目标类|专项|人员类|公用经费类|一般性项目")
_CODE7 = re.compile(r"^2\d{6}$")


def _columns(block: Block) -> dict[str, int]:
    """Cell positions of the name, category and code columns in a tab-separated header."""
    found: dict[str, int] = {}
    for line in block.lines[1:8]:
        if len(line.cells) < 2:
            continue
        for index, cell in enumerate(line.cells):
            text = compact(cell)
            if text == "项目名称" and "name" not in found:
                found["name"] = index
            elif text in ("类型", "项目类型", "项目类别") and "category" not in found:
                found["category"] = index
            elif text in ("科目编码", "功能科目编码", "功能分类科目编码") and "code" not in found:
                found["code"] = index
            elif text in ("单位名称", "预算单位") and "unit" not in found:
                found["unit"] = index
    return found


def _by_position(row: Row, columns: dict[str, int]) -> tuple[str, str | None, str | None]:
    cells = row.line.cells
    name = clean_name(cells[columns["name"]]) if columns["name"] < len(cells) else ""
    category = clean_name(cells[columns["category"]]) if "category" in columns and columns["category"] < len(cells) else None
    code = None
    for cell in cells:
        if _CODE7.match(cell.strip()):
            code = cell.strip()
    return name, category or None, code


def read_projects(block: Block, ctx: Context) -> None:
    """Projects of the table into ``projects``, with their function code where printed."""
    factor = ctx.factor(block)
    columns = _columns(block)
    tabbed = "name" in columns
    for row in split_block_rows(block):
        if not row.values or TOTAL_RE.search(row.compact):
            continue
        if tabbed:
            name, category, code = _by_position(row, columns)
        else:
            code, _ = split_function_code(row.lead)
            name, category = row.name, None
            if code is None:
                continue
        # a row that names its unit is a project, though its name be a 科目's (执法办案): subtotals name no unit
        unit = row.line.cells[columns["unit"]].strip() if tabbed and "unit" in columns and columns["unit"] < len(row.line.cells) else ""
        if not name or name.isdigit() or compact(name) in ctx.unit_names or (not unit and _is_function_subtotal(name, code, ctx)):
            continue
        if category is None and _CATEGORY.fullmatch(name):
            continue
        ctx.add(
            "projects",
            {
                "project_name": compact(name) if re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]", name) else name,
                "amount": to_wan(row.values[0], factor),
                "function_code": code,
                "category": category,
                "project_code": None,
                "page": row.page,
            },
        )


def _is_function_subtotal(name: str, code: str | None, ctx: Context) -> bool:
    return code is None and classification.match_function_name(compact(name), year=ctx.fiscal_year) is not None


PROJECTS = TableKind("projects", r"项目支出(?:预算|决算)?(?:明细|情况)?表", "项目支出表", ("projects",), read_projects)

"""Table kinds recognised but not read, each with the reason the build report gives for it.

A kind is recognised so that its rows do not spill into the table before it; reading it is
a module of its own (``TableKind`` with a reader) and its line in ``registry.py``.
"""

from __future__ import annotations

from cnbudget.tables.kind import TableKind

FUND = TableKind(
    "fund",
    # “一般公共预算及政府性基金财政拨款‘三公’经费支出表” is the 三公 table of both budgets, not the fund's
    r"(?<!一般公共预算及)(?<!一般公共预算和)政府性基金.{0,16}表|政府性基金(?!.{0,16}三公).{0,16}表",
    "政府性基金预算支出表",
    not_read="the 政府性基金 budget's expenditure has no resource (expenditure_by_function is the 一般公共预算's)",
)
STATE_CAPITAL = TableKind(
    "state_capital",
    r"国有资本经营.{0,16}表",
    "国有资本经营预算支出表",
    not_read="the 国有资本经营 budget's expenditure has no resource (expenditure_by_function is the 一般公共预算's)",
)
ECONOMIC = TableKind(
    "economic",
    r"经济分类.{0,8}表|经济分类科目[)）]",
    "支出经济分类表",
    not_read="expenditure by economic class beyond the 基本支出表's has no resource",
)
REVENUE = TableKind(
    "revenue",
    r"收入(?:预算|决算)?(?:总)?(?:体情况)?表",
    "收入总表",
    not_read="its revenue by source repeats the 收支总表's revenue lines",
)
PROJECT_TARGETS = TableKind(
    "project_targets",
    r"项目支出绩效表",
    "项目支出绩效表",
    not_read="its projects and amounts repeat the 项目支出表's; its targets are prose, not indicators",
)

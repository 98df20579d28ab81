"""The registry of table kinds: each declared once, matched in order, read or reported, never dropped."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from cnbudget.model import Block, Disclosure, Document, Identity, Line, SourceFile
from cnbudget.normalise.disclosure import normalise_disclosure
from cnbudget.recognise.blocks import title_kind
from cnbudget.schema import BY_NAME as RESOURCES
from cnbudget.tables.expenditure import add_expenditure_totals
from cnbudget.tables.function import merge_function_tables
from cnbudget.tables.kind import TableKind
from cnbudget.tables.registry import BY_NAME, KINDS, finish_steps

# The order titles are matched in, most specific first (the first match wins): changing it
# changes which kind a title is, so it is pinned here.
ORDER = (
    "performance",
    "project_targets",
    "fund",
    "state_capital",
    "three_public",
    "operating_funds",
    "procurement",
    "health_summary",
    "fiscal_summary",
    "summary",
    "basic_economic",
    "economic",
    "projects",
    "function",
    "fiscal_detail",
    "revenue",
    "expenditure",
)


def test_the_matching_order_is_kept() -> None:
    assert tuple(k.name for k in KINDS) == ORDER
    assert len(BY_NAME) == len(KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_kinds_label_read_as_a_title_is_that_kind(kind: TableKind) -> None:
    found = title_kind(Line(1, (kind.label,)))
    assert found is not None and found.name == kind.name


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_kind_is_declared_whole(kind: TableKind) -> None:
    assert re.fullmatch(r"[a-z_]+", kind.name)
    assert kind.title and kind.pattern.pattern == kind.title
    assert re.search(r"[\u4e00-\u9fff]", kind.label) and kind.label.endswith("表")
    assert all(r in RESOURCES for r in kind.resources)
    if kind.reader is None:
        assert kind.not_read and not kind.resources  # said why, and fills nothing
    else:
        assert kind.resources and not kind.not_read


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("财政拨款收支总表", "fiscal_summary"),  # before the 收支总表
        ("部门收支总表", "summary"),
        ("2017年医疗卫生计生机构收支决算总表(按功能分类)", "health_summary"),  # before the 收支总表
        ("收支预算总表", "summary"),
        ("政府性基金预算“三公”经费支出预算表", "fund"),  # before the 三公 table
        ("一般公共预算“三公”经费支出预算表", "three_public"),
        ("一般公共预算基本支出表", "basic_economic"),  # before the 一般公共预算支出表 and the 支出总表
        ("一般公共预算支出表", "function"),
        ("财政拨款支出预算表（部门经济分类科目）", "economic"),  # before the 财政拨款支出表
        ("财政拨款支出预算表", "fiscal_detail"),
        ("项目支出表", "projects"),
        ("部门收入总表", "revenue"),
        ("部门支出总表", "expenditure"),
        ("2017年政府采购预算表", "procurement"),
        ("机关运行经费支出预算表", "operating_funds"),
        ("项目支出绩效目标表", "performance"),  # before the 项目支出表
        ("2026年市级部门项目支出绩效表", "project_targets"),  # its rows are not more projects (湖州 表11)
        ("国有资本经营预算支出预算表", "state_capital"),
    ],
)
def test_a_title_is_the_first_matching_kind(title: str, kind: str) -> None:
    found = title_kind(Line(1, (title,)))
    assert found is not None and found.name == kind


def test_a_declaration_says_what_it_fills_or_why_it_is_not_read() -> None:
    with pytest.raises(ValueError):
        TableKind("x", "某表", "某表")  # neither a reader nor a reason
    with pytest.raises(ValueError):
        TableKind("x", "某表", "某表", reader=lambda block, ctx: None)  # a reader filling nothing
    with pytest.raises(ValueError):
        TableKind("x", "某表", "某表", ("no_such_resource",), reader=lambda block, ctx: None)


def test_finish_steps_run_once_each_in_registry_order() -> None:
    steps = finish_steps()
    assert steps.count(merge_function_tables) == 1
    assert steps.index(merge_function_tables) < steps.index(add_expenditure_totals)


def _disclosure(blocks: list[Block]) -> Disclosure:
    source = SourceFile(Path("unit.txt"), "0" * 64, 2)
    lines = [line for b in blocks for line in b.lines]
    identity = Identity("某某单位", [], None, 2024, "budget", "department", None, None)
    return normalise_disclosure([Document(source, lines)], blocks, identity, {})


def test_a_kind_without_a_reader_is_reported_not_dropped() -> None:
    fund = Block("fund", "政府性基金预算支出表", [Line(2, ("政府性基金预算支出表",)), Line(2, ("合计", "12.00"))], Decimal(1), "万元")
    disclosure = _disclosure([Block("narrative", "", [], None), fund])
    [problem] = disclosure.problems
    assert problem.code == "table-not-read" and problem.page == 2 and problem.file == "unit.txt"
    assert "政府性基金预算支出表" in problem.message and BY_NAME["fund"].not_read in problem.message
    assert [b.label for b in disclosure.evidence.blocks] == ["政府性基金预算支出表"]


def test_a_read_kind_is_read_through_the_registry() -> None:
    operating = Block("operating_funds", "机关运行经费表", [Line(3, ("机关运行经费表",)), Line(3, ("合计", "45.60"))], Decimal(1), "万元")
    disclosure = _disclosure([Block("narrative", "", [], None), operating])
    assert not disclosure.problems
    assert [(r["metric"], r["amount"], r["page"]) for r in disclosure.rows["totals"]] == [("operating_funds", Decimal("45.60"), 3)]

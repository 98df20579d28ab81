"""Session 11: a table titled by the year's money and no 总 (X预算收支表) is the 收支总表; other funds' tables are not."""

from __future__ import annotations

import pytest

from cnbudget.read import text_to_lines
from cnbudget.recognise.blocks import recognise_blocks

_TABLE = "{title}\n单位:元\n收入\t2016年预算数\t支出\t2016年预算数\n一、公共财政拨款\t1436500\t一、基本支出\t2038000\n"


def _kinds(title: str) -> list[str]:
    return [b.kind for b in recognise_blocks(text_to_lines(_TABLE.format(title=title))) if b.kind != "narrative"]


def test_a_budget_revenue_and_expenditure_table_without_total_in_its_title_is_the_summary() -> None:
    assert _kinds("2016年平江县职业中专预算收支表") == ["summary"]


@pytest.mark.parametrize("title", ["2016年政府性基金预算收支表", "2016年一般公共预算收支表", "2016年财政拨款预算收支表"])
def test_one_funds_budget_table_is_not_the_summary(title: str) -> None:
    # counter-cases: a table of one fund's money (or of the 财政拨款 alone) is no 收支总表
    assert "summary" not in _kinds(title)

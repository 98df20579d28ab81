"""Row numbers printed beside a table (行次, 栏次, 序号) are never amounts."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Block, Disclosure, Line
from cnbudget.tables.common import Context
from cnbudget.tables.numbering import is_column_numbers, without_row_numbers
from cnbudget.tables.summary import read_summary

D = Decimal


def test_a_row_of_column_numbers_is_recognised() -> None:
    assert is_column_numbers(Line(1, ("栏次", "1", "2", "3")))
    assert is_column_numbers(Line(1, ("** ** 1 2 3 4 5",)))
    assert not is_column_numbers(Line(1, ("合计", "1", "2", "3")))
    assert not is_column_numbers(Line(1, ("1.00", "2.00", "3.00")))
    assert not is_column_numbers(Line(1, ("3", "1", "2")))


def test_a_summary_tables_row_numbers_are_not_its_amounts() -> None:
    # 财决01表 收入支出决算总表: 项目 | 行次 | 金额 on each side
    title = "收入支出决算总表"
    lines = [
        Line(6, (title,)),
        Line(6, ("项目", "行次", "金额", "项目", "行次", "金额")),
        Line(6, ("栏次", "", "1", "栏次", "", "2")),
        Line(6, ("一、一般公共预算财政拨款收入", "1", "2,940.05", "一、一般公共服务支出", "32", "2,106.66")),
        Line(6, ("八、其他收入", "8", "6.20", "八、社会保障和就业支出", "39", "839.59")),
        Line(6, ("本年收入合计", "11", "2,946.25", "本年支出合计", "60", "2,946.25")),
    ]
    block = without_row_numbers(Block("summary", title, lines, D(1), "万元"))
    ctx = Context(Disclosure({"disclosure_id": "d", "kind": "final_account", "fiscal_year": 2024}), 2024, "f.pdf", D(1))
    read_summary(block, ctx)
    revenue = {r["source"]: r["amount"] for r in ctx.disclosure.rows["revenue_by_source"]}
    assert revenue == {"general_public_budget": D("2940.05"), "other": D("6.20")}
    totals = {r["metric"]: r["amount"] for r in ctx.disclosure.rows["totals"]}
    assert totals == {"revenue_current_year": D("2946.25"), "expenditure_current_year": D("2946.25")}
    assert {r["phase"] for r in ctx.disclosure.rows["totals"]} == {"executed"}

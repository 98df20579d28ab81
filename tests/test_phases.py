"""Which figure of the year an amount is (``phase``): read from table headers and from the prose."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cnbudget.model import Block, Disclosure, Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.tables.common import Context
from cnbudget.tables.economic import read_basic_economic
from cnbudget.tables.phases import header_phases, phase_of
from cnbudget.tables.three_public import read_three_public

D = Decimal


@pytest.mark.parametrize(
    "label,phase",
    [
        ("财政拨款“三公”经费/合计/预算数", "approved"),
        ("年初预算数", "approved"),
        ("全年预算数", "adjusted"),
        ("调整预算数", "adjusted"),
        ("决算数", "executed"),
        ("2023年执行数", "executed"),
        ("实际采购金额", "executed"),
        ("合计", None),
    ],
)
def test_a_header_names_its_phase(label: str, phase: str | None) -> None:
    assert phase_of(label) == phase


def test_header_phases_in_the_order_printed() -> None:
    assert header_phases("项目 年初预算数 全年预算数 决算数") == ["approved", "adjusted", "executed"]


def _context(kind: str, year: int = 2024) -> Context:
    return Context(Disclosure({"disclosure_id": "d", "kind": kind, "fiscal_year": year}), year, "f.pdf", D(1))


def test_a_final_accounts_three_public_table_gives_a_row_per_phase() -> None:
    # the 财政拨款“三公”经费支出决算表 of a final account: 预算数 and 决算数 under each item (a ruled grid)
    items = ["合计", "", "因公出国（境）费", "", "公务用车购置及运行费", "", "", "", "", "", "公务接待费", ""]
    parts = ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行费", "", "", ""]
    phases = ["预算数", "决算数"] * 6
    figures = ["3.00", "2.50", "", "", "2.00", "1.50", "", "", "2.00", "1.50", "1.00", "1.00"]
    title = "财政拨款“三公”经费支出决算表"
    lines = [Line(18, (title,)), Line(18, tuple(items)), Line(18, tuple(parts)), Line(18, tuple(phases)), Line(18, tuple(figures))]
    ctx = _context("final_account")
    block = Block("three_public", title, lines, D(1), "万元", file="final.pdf")
    ctx.block = block
    read_three_public(block, ctx)
    rows = {(r["item"], r["phase"]): r["amount"] for r in ctx.disclosure.rows["three_public"]}
    assert rows[("total", "approved")] == D("3.00") and rows[("total", "executed")] == D("2.50")
    assert ("outbound_travel", "approved") not in rows  # printed blank: not published (a printed 0.00 is), never 0
    assert rows[("vehicle_operation", "executed")] == D("1.50") and rows[("reception", "approved")] == D("1.00")
    totals = [(r["metric"], r["phase"], r["amount"], r["source_file"]) for r in ctx.disclosure.rows["totals"]]
    assert totals == [("three_public_total", "approved", D("3.00"), "final.pdf"), ("three_public_total", "executed", D("2.50"), "final.pdf")]


def test_the_prose_names_the_phase_and_the_subject_before_it() -> None:
    text = "“三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元，完成预算的0%。"
    figures, _ = read_narrative([Line(23, (text,))], 2024, "final_account", ["final.pdf"])
    said = [(f.resource, f.subject, f.phase, f.row.get("amount"), f.statement.page if f.statement else None) for f in figures]
    assert said == [
        ("three_public", "total", "approved", D("0.95"), 23),
        ("totals", "three_public_total", "approved", D("0.95"), 23),
        ("three_public", "total", "executed", D("0.00"), 23),
        ("totals", "three_public_total", "executed", D("0.00"), 23),
    ]


def test_a_final_accounts_expenditure_budget_is_approved() -> None:
    # a final account's “三公” prose: “支出预算为246万元,支出决算为167.37万元” (the first is the 预算数 of its table)
    text = "杜集区机关事务管理中心2021年度一般公共预算财政拨款“三公”经费支出预算为246万元,支出决算为167.37万元,完成预算的68%。"
    figures, _ = read_narrative([Line(1, (text,))], 2021, "final_account")
    totals = [(f.phase, f.row.get("amount")) for f in figures if f.subject == "three_public_total"]
    assert totals == [("approved", D("246")), ("executed", D("167.37"))]


def test_an_items_budget_in_a_final_account_is_approved() -> None:
    # anhui-shouxian-cultural-relics-2023-three-public-final.txt (hidden3): 公务接待费预算为1万元 is the 预算数, not a second 决算
    text = "1.公务接待费预算为1万元,支出决算为0.53万元,完成预算的47%。"
    figures, _ = read_narrative([Line(1, (text,))], 2023, "final_account")
    assert [(f.phase, f.row.get("amount")) for f in figures if f.subject == "reception"] == [("approved", D("1")), ("executed", D("0.53"))]


def test_a_function_item_explained_in_the_sentences_before() -> None:
    text = "1、一般公共服务支出（类）财政事务（款）行政运行（项）。主要用于：局本部人员经费。年初预算为1560.05万元，支出决算为1511.89万元。"
    figures, _ = read_narrative([Line(22, (text,))], 2024, "final_account")
    assert [(f.subject, f.phase, f.row["total"]) for f in figures] == [("2010601", "approved", D("1560.05")), ("2010601", "executed", D("1511.89"))]


def test_a_figure_of_another_year_says_so() -> None:
    figures, _ = read_narrative([Line(1, ("2017年度部门支出预算安排与2016年度相比（2016年度部门支出预算安排为8,648.07万元）。",))], 2017, "budget")
    assert [(f.subject, f.fiscal_year) for f in figures] == [("expenditure_current_year", 2016)]


def test_a_budget_is_approved_and_a_final_account_executed_unless_the_header_says() -> None:
    for kind, phase in (("budget", "approved"), ("final_account", "executed")):
        ctx = _context(kind)
        ctx.add("totals", {"metric": "revenue_total", "amount": D(1), "origin": "table"})
        assert ctx.disclosure.rows["totals"][0]["phase"] == phase


def test_a_code_printed_once_per_government_code_is_one_row() -> None:
    # a 基本支出表 cross-classified by 政府预算经济分类 (预算06表 of a Henan seed): 30101 on two rows
    title = "2024年一般公共预算基本支出表"
    lines = [
        Line(1, (title,)),
        Line(1, ("科目编码", "科目名称", "科目编码", "科目名称", "合计", "人员经费", "公用经费")),
        Line(1, ("", "", "", "", "148.71", "148.71", "")),
        Line(1, ("30101", "基本工资", "50101", "工资奖金津补贴", "71.19", "71.19", "")),
        Line(1, ("30101", "基本工资", "50501", "工资福利支出", "77.52", "77.52", "")),
    ]
    ctx = _context("budget")
    read_basic_economic(Block("basic_economic", title, lines, D(1), "万元"), ctx)
    (row,) = ctx.disclosure.rows["basic_expenditure_by_economic"]
    assert (row["economic_code"], row["total"], row["personnel"], row["government_economic_code"]) == ("30101", D("148.71"), D("148.71"), None)


def test_a_code_printed_under_another_name_is_read_by_its_name() -> None:
    # 长春 预算表6 prints 30208 取暖费 and 30208 物业管理费: the second is 30209, the official code of its name
    title = "本年一般公共预算基本支出表"
    lines = [
        Line(11, (title,)),
        Line(11, ("科目编码", "科目名称", "合计", "人员经费", "公用经费")),
        Line(11, ("", "合计", "59.55", "", "59.55")),
        Line(11, ("30208", "取暖费", "23.37", "", "23.37")),
        Line(11, ("30208", "物业管理费", "36.18", "", "36.18")),
    ]
    ctx = _context("budget", 2026)
    read_basic_economic(Block("basic_economic", title, lines, D(1), "万元"), ctx)
    assert [(r["economic_code"], r["economic_name"], r["total"]) for r in ctx.disclosure.rows["basic_expenditure_by_economic"]] == [
        ("30208", "取暖费", D("23.37")),
        ("30209", "物业管理费", D("36.18")),
    ]
    assert [p.code for p in ctx.disclosure.problems] == ["misprinted-code"]

"""Session 14 (num30): no figure published from a row the reader cannot place (issue 13).

Space-grouped amounts in a cell of their own (1 234 567.00), and a final account's function table with 年初预算数 and
全年预算数 before 决算数 in a text layer that lost its blank cells. Each case fails without its fix; counter-cases keep
the readings that were right.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cnbudget.model import Block, Disclosure, Line
from cnbudget.tables.common import Context
from cnbudget.tables.function import collect_function_table, merge_function_tables
from cnbudget.tables.rows import split_row

D = Decimal


# --- space-grouped amounts ---


def test_a_space_grouped_amount_in_its_own_cell_is_one_figure() -> None:
    row = split_row(Line(3, ("2010101", "行政运行", "1 234 567.00", "987 654.00", "246 913.00")))
    assert row.values == [D("1234567.00"), D("987654.00"), D("246913.00")] and row.hinted


def test_a_summary_line_reads_its_space_grouped_cells() -> None:
    from cnbudget.tables.summary import line_pairs

    pairs = line_pairs(Line(3, ("一、一般公共预算拨款收入", "6 530 100.00", "一、一般公共服务支出", "6 609 700.00")))
    assert [p.amounts for p in pairs] == [[D("6530100.00")], [D("6609700.00")]]


def test_a_line_of_one_cell_keeps_its_groups_apart() -> None:
    # counter-case: in a line printed as one cell, “12 345.00” may be a 行次 beside its amount: not joined
    row = split_row(Line(3, ("行政运行 12 345.00",)))
    assert row.values == [D("12"), D("345.00")]


def test_groups_not_of_three_digits_are_not_joined() -> None:
    # counter-case: two figures of a cell (12 34.50) are no grouped amount
    row = split_row(Line(3, ("行政运行", "12 34.50", "1.00")))
    assert D("1234.50") not in row.values


# --- a final account's function table with 年初预算数 and 全年预算数 before 决算数, blanks lost ---


def _final_function(lines: list[str]) -> list[dict[str, Any]]:
    disclosure = Disclosure({"disclosure_id": "d", "kind": "final_account"})
    title = "一般公共预算财政拨款支出决算表"
    block = Block("function", title, [Line(3, (title,)), *(Line(3, (text,)) for text in lines)], D(1), "万元")
    ctx = Context(disclosure, 2024, "unit.pdf", D(1))
    collect_function_table(block, ctx)
    merge_function_tables(ctx)
    return [r for r in disclosure.rows.get("expenditure_by_function", []) if r.get("phase", "executed") == "executed"]


HEAD = ["项目 年初预算数 全年预算数 决算数", "科目编码 科目名称 小计 基本支出 项目支出", "栏次 1 2 3 4 5"]


def test_the_year_start_budget_is_never_read_as_the_final_total() -> None:
    rows = _final_function([*HEAD, "合计 935.71 989.85 948.12 811.68 136.44", "205 教育支出 935.71 989.85 948.12 811.68 136.44"])
    got = {r["function_code"]: (r["total"], r["basic"], r["project"]) for r in rows}
    assert got.get("205") == (D("948.12"), D("811.68"), D("136.44"))


def test_a_row_missing_a_figure_is_placed_only_where_its_identity_proves_it() -> None:
    rows = _final_function(
        [*HEAD, "合计 100.00 110.00 105.00 80.00 25.00", "205 教育支出 100.00 110.00 105.00 80.00 25.00", "20501 教育管理事务 100.00 110.00 105.00 80.00 25.00",
         "2050101 行政运行 90.00 85.00 80.00 80.00", "2050102 一般行政管理事务 10.00 25.00 25.00 25.00"]
    )
    got = {r["function_code"]: (r["total"], r["basic"], r["project"]) for r in rows}
    # the 决算 total of each is proved (the identity holds with it in 小计 only); its basic/project by the parent's sums
    assert got.get("2050101", (None,))[0] == D("80.00") and got.get("2050102", (None,))[0] == D("25.00")
    assert D("90.00") not in got.get("2050101", ()) and D("85.00") not in got.get("2050101", ())


# --- a basic table's two halves in a text layer: a class open on neither half after one half ran out ---


def _halves(texts: list[str]) -> tuple[list[str], list[str]]:
    from cnbudget.tables.economic import text_halves

    split = text_halves([Line(3, (t,)) for t in texts])
    assert split is not None
    return [line.text for line in split[0]], [line.text for line in split[1]]


HALVES_HEAD = ["人员经费 公用经费", "科目编码 科目名称 决算数 科目编码 科目名称 决算数"]


def test_a_new_class_after_the_left_half_ran_out_is_the_right_halfs() -> None:
    _left, right = _halves(
        [*HALVES_HEAD, "301 工资福利支出 80.00 302 商品和服务支出 20.00", "30101 基本工资 80.00 30201 办公费 10.00",
         "30299 其他商品和服务支出 10.00", "310 资本性支出 5.00", "31002 办公设备购置 5.00"]
    )
    assert "310 资本性支出 5.00" in right and "31002 办公设备购置 5.00" in right


def test_a_new_class_after_the_right_half_ran_out_stays_left() -> None:
    # counter-case: the left half continues (303 after the 301 rows): its new class stays on the left
    left, right = _halves(
        [*HALVES_HEAD, "301 工资福利支出 80.00 302 商品和服务支出 20.00", "30101 基本工资 80.00 30201 办公费 20.00",
         "30102 津贴补贴 0.00", "303 对个人和家庭的补助 3.00", "30302 退休费 3.00"]
    )
    assert "303 对个人和家庭的补助 3.00" in left and "30302 退休费 3.00" in left and len(right) == 3

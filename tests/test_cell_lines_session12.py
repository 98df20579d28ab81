"""Tables printed a cell a line that session 12 found misread (issue 13): each rule on a tiny invented input.

The expected values are read from the inputs by a person; every rule has its counter-case.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Disclosure, Line
from cnbudget.recognise.blocks import recognise_blocks
from cnbudget.tables.cell_lines import rejoined
from cnbudget.tables.common import Context
from cnbudget.tables.health import block_cells, header_columns, read_health_summary
from tests.tables.conftest import YUAN, D, Read, block, read
from tests.test_cell_a_line_tables import prepared


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. A health system's 收支决算总表 (国卫财01-1表) whose every cell prints, a blank one a bare `|`: its
# 本年收入 equals its 本年支出, so no 收支结余 prints to tell the two apart by arithmetic; the header names them.

HEADER = [
    "项目 |", "上年结转和结余 |", "本年收入 |", "本年支出 |", "收支结余 |", "用事业基金弥补收支差额 |", "年末结转和结余 |", "|",
    "| 支出功能分类科目编码 |", "科目名称 |",
    "合计 |", "基本支出结转 |", "项目支出结转和结余 |",  # 上年结转和结余: columns 1–3
    "合计 |", "其中:财政拨款收入 |",  # 本年收入: 4, and 5–6 (its 财政拨款收入 split below)
    "合计 |", "其中:财政拨款支出 |",  # 本年支出: 7–8
    "合计 |", "基本支出结转 |",  # 收支结余: 9–10; 用事业基金弥补收支差额: 11
    "合计 |", "基本支出结转 |",  # 年末结转和结余: 12–13
    "|", "| 小计 |", "其中:基本建设资金收入 |", "|",
    "| 类款项 |", "栏次 |", *[f"{n} |" for n in range(1, 14)], "|",
]
# the 合计 row: its code blank, then 13 cells and the row's closing bar
TOTAL_ROW = ["|", "合计 |", "|", "|", "|", "5,000,000.00 |", "1,200,000.00 |", "|", "5,000,000.00 |", "1,200,000.00 |", *["|"] * 6]
FORM = [
    "某某县人民医院医改信息公示",
    "2017年医疗卫生计生机构收支决算总表(按功能分类) |",
    "国卫财01-1表 |",
    "金额单位:元 |",
    *HEADER,
    *TOTAL_ROW,
    "| 210 |",
    "医疗卫生与计划生育支出 |",
    "|", "|", "|", "5,000,000.00 |", "1,200,000.00 |", "|", "5,000,000.00 |", "1,200,000.00 |", *["|"] * 6,
    "| 21002 |",
    "公立医院 |",
]


def _read(form: list[str]) -> list[tuple[str, Decimal]]:
    blocks = recognise_blocks(lines(*form))
    d = Disclosure({"disclosure_id": "x", "fiscal_year": 2017, "kind": "final_account"})
    read_health_summary(next(b for b in blocks if b.kind == "health_summary"), Context(d, 2017))
    return [(r["metric"], r["amount"]) for r in d.rows.get("totals", [])]


def test_a_sector_form_s_revenue_and_expenditure_are_named_by_its_header_when_they_are_equal() -> None:
    assert _read(FORM) == [("revenue_current_year", Decimal("500.0000")), ("expenditure_current_year", Decimal("500.0000"))]


def test_a_total_row_missing_a_cell_is_not_read_by_its_header() -> None:
    # one blank cell lost before the figures: the 合计 row prints 12 cells under 13 column numbers
    cut = [line for k, line in enumerate(FORM) if k != FORM.index("合计 |", len(FORM) - 40) + 1]
    assert header_columns(block_cells(recognise_blocks(lines(*cut))[1])) is None
    assert _read(cut) == []


def test_a_header_whose_split_column_is_not_named_is_not_read() -> None:
    # the 小计 | 其中 pair names a column (…结余分配) that no column of the header ends in: the widths are not sure
    odd = [("其中:基本建设资金结余分配 |" if line == "其中:基本建设资金收入 |" else line) for line in FORM]
    assert header_columns(block_cells(recognise_blocks(lines(*odd))[1])) is None


# 2. A two-sided 预算收支表 printed a cell a line, each cell followed by a bar on a line of its own (a blank
# cell: a bar alone), in 元, under 收入 | 支出 and 内容 | 2015年预算数 twice, with a column of words
# (功能科目名称) beside the 支出 side. Each figure follows its own label; which side a label is on, its words tell.

BARRED = [
    "单位:元", "收入", "|", "支出", "|", "|", "|||",
    "内容", "|", "2015年预算数", "|", "内容", "|", "2015年预算数", "|", "功能科目名称", "|",
    "一、公共财政拨款", "|", "1436500", "|", "一、基本支出", "|", "2038000", "|", "|",
    "经费拨款", "|", "1436500", "|", "(一)工资福利支出", "|", "899000", "|", "含基本工资等", "|",
    "二、政府性基金拨款", "|", "|", "(二)商品和服务支出", "|", "1139000", "|", "|",
    "三、纳入专户管理的非税收入拨款", "|", "306000", "|",
    "四、中央财政补助", "|", "259000", "|",
    "六、其他收入", "|", "36500", "|", "二、项目支出", "|", "|",
    "收入合计", "|", "2038000", "|", "支出合计", "|", "2038000", "|",
]


def _summary(cells: list[str]) -> Read:
    return read(prepared(block("summary", "2015年某县职业中专预算收支表", cells, factor=YUAN)), fiscal_year=2015)


def test_a_barred_two_sided_budget_table_reads_each_label_s_figure_on_its_own_side() -> None:
    r = _summary(BARRED)
    assert r.totals() == {"revenue_current_year": D("203.8000"), "expenditure_current_year": D("203.8000"), "basic_expenditure": D("203.8000")}
    # 公共财政拨款: the 一般公共预算's name before 2015; 纳入专户管理的: the 财政专户's
    assert {x["source"]: x["amount"] for x in r.rows("revenue_by_source")} == {
        "general_public_budget": D("143.6500"), "government_fund": None, "fiscal_special_account": D("30.6000"), "other": D("3.6500"),
    }
    # 中央财政补助 names no source: its figure is a doubt, so the lines are not judged against 收入合计
    assert r.doubts()["unnamed/approved/amount"] == ("revenue_by_source", "25.9000")


def test_a_barred_table_numbered_by_lanci_is_not_put_back_by_order() -> None:
    # a 栏次 row: its columns are counted, and a bar may stand for a blank figure among several: not read by order
    cells = [*BARRED[:17], "栏次", "|", "1", "|", "2", "|", *BARRED[17:]]
    assert rejoined(block("summary", "2015年某县职业中专预算收支表", cells, factor=YUAN)) is None


def test_a_one_column_summary_still_reads_the_spending_block_below_the_revenue_block() -> None:
    # 收入 heading, its lines and 总计, then 支出 heading, its lines and 总计 (one 项目 column): the second 总计 is spending's
    text = ["项目 金额", "收入", "一、一般公共预算拨款 100.00", "总计 100.00", "支出", "一、一般公共服务支出 90.00", "总计 90.00"]
    r = read(block("summary", "收支总表", text), fiscal_year=2024)
    assert r.totals()["revenue_total"] == D("100.00") and r.totals()["expenditure_total"] == D("90.00")


# 3. A web “三公” table kept a row a line with its bars: its title cut into two rows, and its header's second
# row (公务用车's parts) printed left-packed under the first, each merged cell printed once.

XIQING = [
    "某某区某某局2016年“三公”经费预算 | |||||||",
    "财政拨款情况表 | |||||||",
    "| | | | | | ||",
    "| | | | | 单位:万元 | ||",
    "合 计 | 因公出国(境)费 | 公务用车费 | 公务接待费 | ||||",
    "小 计 | 公务用车运行维护费 | 公务用车购置费 | |||||",
    "1.7 | 0 | 0 | 0 | 0 | 1.7 | ||",
]


def _three_public(text: list[str]) -> dict[str, Decimal]:
    blocks = [b for b in recognise_blocks(lines(*text)) if b.kind == "three_public"]
    if not blocks:
        return {}
    r = read(blocks[0], fiscal_year=2016)
    return {x["item"]: x["amount"] for x in r.rows("three_public")}


def test_a_barred_title_cut_into_two_rows_and_a_left_packed_part_row_read_each_column_by_its_header() -> None:
    assert _three_public(XIQING) == {
        "total": D("1.7"), "outbound_travel": D("0"), "vehicle_total": D("0"), "vehicle_operation": D("0"), "vehicle_purchase": D("0"), "reception": D("1.7"),
    }


def test_a_part_row_that_names_no_cell_above_is_not_spread() -> None:
    # 小计 | 甲 | 乙: which first-row cell they split is not said; no column is named 购置 or 运行
    odd = [line.replace("公务用车运行维护费", "甲类").replace("公务用车购置费", "乙类") for line in XIQING]
    got = _three_public(odd)
    assert "vehicle_purchase" not in got and "vehicle_operation" not in got


def test_a_first_row_line_not_ending_a_title_is_not_joined_to_a_barred_row() -> None:
    # the next row is a header cell (合 计 …), not the title's end in 表: no 三公 table is recognised from the first row alone
    assert [b.kind for b in recognise_blocks(lines(XIQING[0], *XIQING[2:]))] == ["narrative"]


def test_an_unnamed_line_is_a_doubt_only_when_its_words_say_revenue_and_it_holds_money() -> None:
    # a class of spending cut short on the revenue side (八、社会保障和就) and a 0.00 source change nothing
    cells = [("八、社会保障和就" if c == "四、中央财政补助" else c) for c in BARRED]
    assert "unnamed/approved/amount" not in _summary(cells).doubts()
    cells = [("0.00" if c == "259000" else c) for c in BARRED]
    assert "unnamed/approved/amount" not in _summary(cells).doubts()

"""Layouts the fourth development set showed (issue 13, session 8), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/hidden4 holds, cut to what each rule
reads (names and figures changed where the rule does not depend on them); expected values are
read from those lines by a person. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.model import Line
from cnbudget.recognise.identify import identify
from tests.tables.conftest import D, block, read
from tests.tables.test_three_public import items


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. A “三公” table a cell a line, each bar on a line of its own


def test_a_three_public_table_whose_bars_stand_on_lines_of_their_own_is_read_a_cell_a_line() -> None:
    # 青阳县审计局 (traditional mirror): | / 项 目 / | / 预 算 数 / | / | / 合 计 / | / 11.4 / | / | …
    cells = [("合 计", "6.2"), ("因公出国(境)费", "0.00"), ("公务接待费", "3.20"), ("公务用车购置及运行费", "3.00"),
             ("其中:公务用车运行费", "3.00"), ("公务用车购置费", "0.00")]
    rows = ["|", "项 目", "|", "预 算 数", "|"]
    for label, value in cells:
        rows += ["|", label, "|", value, "|"]
    r = read(block("three_public", "一、2022年“三公”经费支出预算表", rows), fiscal_year=2022)
    assert items(r, 2022) == {"total": D("6.2"), "outbound_travel": D("0"), "reception": D("3.2"), "vehicle_total": D("3"),
                              "vehicle_operation": D("3"), "vehicle_purchase": D("0")}


def test_bars_beside_their_cells_keep_a_lone_bar_as_a_blank_cell() -> None:
    # a bar alone is a blank cell where the other bars end their cells' lines (预算数 | 决算数):
    # the bars are kept, and 公务接待费's blank 预算数 is not taken for its 决算数
    rows = ["项 目 |", "预 算 数 |", "决 算 数 |", "合 计 |", "3 |", "1.71 |", "公务接待费 |", "|", "0.53 |",
            "公务用车购置及运行维护费 |", "3 |", "1.18 |"]
    r = read(block("three_public", "一、2023年度一般公共预算财政拨款“三公”经费支出决算表", rows), fiscal_year=2023, kind="final_account")
    assert items(r, 2023, "approved").get("reception") is None
    assert items(r, 2023, "executed").get("reception") == D("0.53")


# 2. The unit's code and name before 预算年度


def test_a_header_s_unit_code_and_name_before_the_budget_year_names_the_unit() -> None:
    # 河北's 部门预算公开表: 920平山县下口镇财政所 | 预算年度:2025 | 单位:万元 (a cell a line, or a row of cells)
    text = ("2025年部门预算信息公开目录", "部门预算公开表", "102平山县某某镇财政所 |", "预算年度:2025 |", "单位:万元 | ||")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("平山县某某镇财政所", 2025, "budget")
    assert found.region is not None and (found.region.province, found.region.county) == ("河北省", "平山县")
    row = [Line(1, ("2025年部门预算信息公开目录",)), Line(1, ("102平山县某某镇财政所", "预算年度:2025", "单位:万元"))]
    assert identify(row, []).unit_name == "平山县某某镇财政所"


def test_a_coded_name_not_followed_by_the_budget_year_names_no_unit() -> None:
    # a row number and an item's name (1 | 一般公共服务支出局) or a code before 单位:万元 is no unit's header
    text = ("2025年部门预算信息公开目录", "102平山县某某镇财政所 |", "单位:万元 | ||")
    assert identify(lines(*text), []).unit_name == ""
    assert identify(lines("2025年部门预算信息公开目录", "102 |", "预算年度:2025 |"), []).unit_name == ""


# 3. A 收支总表 printed without its title, a cell a line, rows numbered by 序号


def _numbered_summary(*rows: tuple[str, ...]) -> list[str]:
    """The lines of such a table: 单位, the header (序号 | 收入 | 支出, 项目 | 预算数 twice, 栏次 1-4), then the rows."""
    head = ["单位:万元 | ||", "序号 |", "收入 |", "支出 | ||", "项 目 |", "预算数 |", "项 目 |", "预算数 | |", "栏次 |", "1 |", "2 |", "3 |", "4 |"]
    return head + [f"{cell} |" if cell else "|" for row in rows for cell in row]


SUMMARY_ROWS = (
    ("1", "一、一般公共预算拨款收入", "300.5", "一、一般公共服务支出", "250.25"),
    ("2", "二、政府性基金预算拨款收入", "", "二、社会保障和就业支出", "60.25"),
    ("3", "本年收入合计", "300.5", "本年支出合计", "310.5"),
    ("4", "上年结转结余", "10", "年终结转结余", ""),
    ("5", "收入总计", "310.5", "支出总计", "310.5"),
)


def _summary_read(texts: list[str]) -> dict[str, object]:
    from cnbudget.recognise.blocks import recognise_blocks

    blocks = [b for b in recognise_blocks([Line(1, (t,)) for t in texts]) if b.kind != "narrative"]
    return read(*blocks, fiscal_year=2025).totals() if blocks else {}


def test_an_untitled_summary_table_a_cell_a_line_is_read_row_by_row_by_its_numbers() -> None:
    texts = ["2025年部门预算信息公开目录", "部门预算公开表", "102平山县某某镇财政所 |", "预算年度:2025 |", *_numbered_summary(*SUMMARY_ROWS)]
    assert _summary_read(texts) == {"revenue_current_year": D("300.5"), "expenditure_current_year": D("310.5"), "carryover_in": D("10"),
                                    "revenue_total": D("310.5"), "expenditure_total": D("310.5")}


def test_numbered_rows_whose_cells_do_not_fall_one_row_a_number_are_not_read() -> None:
    # a cell lost from row 2 (its blank printed no bar): row 3 would start at 3's label, so nothing is read
    rows = list(SUMMARY_ROWS)
    rows[1] = ("2", "二、政府性基金预算拨款收入", "二、社会保障和就业支出", "60.25")
    assert _summary_read(["部门预算公开表", *_numbered_summary(*rows)]) == {}


def test_a_header_without_the_budget_s_totals_is_no_untitled_summary_table() -> None:
    # 序号 | 收入 | 支出 over rows that print no 本年收入合计 / 本年支出合计 (a list of payments) is not taken for one
    rows = (("1", "一、一般公共预算拨款收入", "300.5", "一、一般公共服务支出", "250.25"),)
    assert _summary_read(["部门预算公开表", *_numbered_summary(*rows)]) == {}

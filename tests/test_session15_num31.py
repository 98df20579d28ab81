"""Session 15 (num31): amounts grouped by spaces in a text layer that lost its columns (issue 13).

``6 530 100.00`` on a line printed as one run of text is one amount, or a 行次 or another figure beside one. The
reading is published only where the form proves it (``tables/grouped``); else the side's figures go to ``doubts``,
never into the data or a failing check. The tables are invented; each case fails without its fix, and the
counter-cases keep what must not change.
"""

from __future__ import annotations

import csv
from pathlib import Path

from cnbudget.model import Block, Disclosure, Line
from cnbudget.pipeline.build import build
from cnbudget.tables.common import Context
from cnbudget.tables.grouped import doubt_refused, ungrouped
from tests.conftest import ROOT
from tests.tables.conftest import YUAN, D, block, read


def _lines(kind: str, rows: list[str], factor: D = YUAN) -> tuple[list[str], list[tuple[str, str]]]:
    """The block's lines as the readers get them, and the (label, figures) refused."""
    b, refused = ungrouped(block(kind, "表", rows, factor))
    return [line.text for line in b.lines[1:]], [(r.label, r.printed) for r in refused]


# --- the reading the form proves ---

FUNCTION = ["科目编码 科目名称 合计 基本支出 项目支出", "类 款 项"]


def test_groups_up_to_the_decimals_are_one_amount_where_no_row_number_is_printed() -> None:
    got, refused = _lines("function", [*FUNCTION, "合计 6 530 100.00 4 530 300.00 1 999 800.00", "201 02 01 　行政运行 3 850 600.00 3 680 500.00 170 100.00"])
    assert got[2:] == ["合计 6530100.00 4530300.00 1999800.00", "201 02 01 　行政运行 3850600.00 3680500.00 170100.00"] and not refused


def test_a_function_table_in_yuan_grouped_by_spaces_is_read_in_wan() -> None:
    b, _ = ungrouped(block("function", "2023年一般公共预算支出表", [*FUNCTION, "合计 6 530 100.00 4 530 300.00 1 999 800.00",
                                                           "201 一般公共服务支出 6 530 100.00 4 530 300.00 1 999 800.00"], YUAN))
    rows = read(b).pick("expenditure_by_function", "function_code", "total", "basic", "project")
    assert rows["201"] == (D("653.01"), D("453.03"), D("199.98"))


def test_the_row_number_the_count_down_the_table_proves_is_kept_apart() -> None:
    # 1 244 800.00 is 1,244,800.00 or row 1 and 244,800.00: the header prints 行次, and 1 is the first row's number
    head = ["项目 行次 年初预算数 全年预算数 决算数", "栏次 1 2 3"]
    got, refused = _lines("three_public", [*head, "“三公”经费合计 1 244 800.00 251 000.00 237 100.00", "因公出国（境）费 2 117 100.00 118 500.00 105 700.00",
                                           "其中：公务用车购置费 3", "公务接待费 4 127 700.00 132 500.00 131 400.00"])
    assert got[2:] == ["“三公”经费合计 1 244800.00 251000.00 237100.00", "因公出国（境）费 2 117100.00 118500.00 105700.00", "其中：公务用车购置费 3",
                       "公务接待费 4 127700.00 132500.00 131400.00"]
    assert not refused


def test_a_two_sided_line_reads_each_side_after_its_own_row_number() -> None:
    head = ["收入 支出", "项目 行次 金额 项目 行次 金额", "栏次 1 栏次 2"]
    got, refused = _lines("summary", [*head, "一、一般公共预算财政拨款收入 1 7 698 800.00 一、一般公共服务支出 3 6 287 800.00",
                                      "本年收入合计 2 7 698 800.00 本年支出合计 4 6 287 800.00"])
    assert got[3:] == ["一、一般公共预算财政拨款收入 1 7698800.00 一、一般公共服务支出 3 6287800.00", "本年收入合计 2 7698800.00 本年支出合计 4 6287800.00"]
    assert not refused


def test_the_line_keeps_its_indentation() -> None:
    # a names-only table gives a row's level by its indentation: only the figures are rewritten
    got, _ = _lines("function", ["科目名称 合计", "一般公共服务支出 1 200.00", "\u3000\u3000行政运行 1 200.00"])
    assert got[1:] == ["一般公共服务支出 1200.00", "\u3000\u3000行政运行 1200.00"]


# --- what the form cannot prove goes to doubts ---


def test_a_number_the_row_count_does_not_prove_refuses_the_side() -> None:
    # 总计 after row 2: 7 862 800.00 is 7,862,800.00 (its 行次 not printed) or row 7 and 862,800.00
    head = ["项目 行次 金额", "栏次 1"]
    got, refused = _lines("summary", [*head, "本年收入合计 1 7 862 800.00", "年初结转和结余 2", "总计 7 862 800.00"])
    assert got[-1] == "总计" and refused == [("总计", "7 862 800.00")]


def test_groups_that_never_reach_decimals_are_refused() -> None:
    # 1 999 800 with no decimals: one amount, or 1 and 999 800, or three
    got, refused = _lines("function", [*FUNCTION, "合计 2 000.00 1.00 1 999 800"])
    assert got[-1] == "合计" and refused == [("合计", "2 000.00 1.00 1 999 800")]


def test_a_count_column_makes_every_grouping_doubtful() -> None:
    # under 车辆数 a whole number stands alone: 12 345.00 is 12 vehicles and 345.00, or 12,345.00
    got, refused = _lines("three_public", ["项目 车辆数 金额", "公务用车运行费 12 345.00"])
    assert got[-1] == "公务用车运行费" and refused == [("公务用车运行费", "12 345.00")]


def test_a_refused_row_is_in_doubts_never_in_the_data_nor_a_failing_check(tmp_path: Path) -> None:
    text = [
        "湖南省郴州市嘉禾县财政局2024年度部门决算",
        "2024年度收入支出决算总表",
        "编制单位：湖南省郴州市嘉禾县财政局 单位：元",
        "项目 行次 金额",
        "栏次 1",
        "一、一般公共预算财政拨款收入 1 7 862 800.00",
        "本年收入合计 2 7 862 800.00",
        "年初结转和结余 3",
        "收入总计 7 862 800.00",  # its 行次 not printed: 7 may be the row number the count skipped to
    ]
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "unit.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out, None, ROOT / "templates", jobs=1, log=lambda _m: None)

    def rows(name: str) -> list[dict[str, str]]:
        path = out / "all" / f"{name}.csv"
        return list(csv.DictReader(path.open(encoding="utf-8", newline=""))) if path.exists() else []

    totals = {r["metric"]: r["amount"] for r in rows("totals") if r["origin"] == "table"}
    assert totals.get("revenue_current_year") == "786.280000" and "revenue_total" not in totals
    doubts = [d for d in rows("doubts") if d["key"].startswith("revenue_total")]
    assert doubts and "“收入总计”" in doubts[0]["reason"] and doubts[0]["read_value"] == "7 862 800.00"
    assert not [c for c in rows("checks") if c["status"] == "fail"]


def test_the_doubt_names_the_row_and_its_page() -> None:
    head = ["项目 行次 年初预算数 决算数", "栏次 1 2"]
    b, refused = ungrouped(block("three_public", "“三公”经费支出决算表", [*head, "“三公”经费合计 1 244 800.00 237 100.00", "公务接待费 3 127 700.00 131 400.00"]))
    disclosure = Disclosure({"disclosure_id": "x", "fiscal_year": 2024, "kind": "final_account"})
    ctx = Context(disclosure, 2024, "unit.pdf", None, blocks=[b])
    doubt_refused(ctx, [(b, refused)])
    (doubt,) = disclosure.rows["doubts"]
    assert doubt["key"] == "2024/reception/approved|adjusted|executed/amount" and doubt["read_value"] == "3 127 700.00 131 400.00"
    assert "第7页" in doubt["reason"] and "“公务接待费”" in doubt["reason"]


# --- counter-cases: what stays as it was ---


def test_a_table_printing_unsplit_amounts_keeps_its_numbers_apart() -> None:
    # 6530100.00 elsewhere in the table: it does not group by spaces, and 12 345.00 is two numbers as before
    rows = [*FUNCTION, "合计 6530100.00 4530300.00 1999800.00", "201 02 01 行政运行 12 345.00"]
    b, refused = ungrouped(block("function", "表", rows, YUAN))
    assert [line.text for line in b.lines] == [line.text for line in block("function", "表", rows, YUAN).lines] and not refused


def test_a_tab_separated_tables_grouped_cell_is_one_amount_in_its_cell() -> None:
    # a cell of its own is one amount (amounts.SPACE_GROUPED): joined for every reader, nothing to refuse
    b, refused = ungrouped(block("function", "表", ["科目名称\t合计", "行政运行\t1 200.00"]))
    assert b.lines[-1].cells == ("行政运行", "1200.00") and not refused


def test_a_lone_row_number_beside_a_figure_is_no_question_of_grouping() -> None:
    # 34 6 287 800.00: 34 is the row number or a figure either way, and 6 287 800.00 one amount: read, never refused
    got, refused = _lines("summary", ["项目 行次 金额", "一、一般公共服务支出 34 6 287 800.00"])
    assert got[-1] == "一、一般公共服务支出 34 6287800.00" and not refused


def test_groups_not_of_three_digits_are_never_joined() -> None:
    got, refused = _lines("function", [*FUNCTION, "合计 1 234.00 12 34.50"])
    assert got[-1] == "合计 1234.00 12 34.50" and not refused


def _line(text: str) -> Line:
    return Line(7, (text,))


def test_a_block_with_no_grouped_amount_is_the_same_block() -> None:
    b = Block("function", "表", [_line("表"), _line("科目名称 合计"), _line("行政运行 385.06")], D(1), "万元")
    assert ungrouped(b)[0] is b


# --- a “三公” figure doubted in a final account's text table: doubted for its phase, never a failing check ---


def _build(tmp_path: Path, text: list[str]) -> dict[str, list[dict[str, str]]]:
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "unit.txt").write_text("\n".join(text) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    build([folder], out, None, ROOT / "templates", jobs=1, log=lambda _m: None)
    return {name: list(csv.DictReader((out / "all" / f"{name}.csv").open(encoding="utf-8", newline=""))) for name in ("three_public", "doubts", "checks")}


def test_a_three_public_row_whose_columns_are_lost_makes_its_sums_not_applicable(tmp_path: Path) -> None:
    got = _build(tmp_path, [
        "湖南省郴州市嘉禾县财政局2024年度部门决算",
        "2024年度一般公共预算财政拨款“三公”经费支出决算表",
        "编制单位：湖南省郴州市嘉禾县财政局 单位：万元",
        "项目 行次 年初预算数 全年预算数 决算数",
        "栏次 1 2 3",
        "“三公”经费合计 1 13.33 12.78 10.51",
        "因公出国（境）费 2 1.26 1.15",  # two figures under three columns: which two is lost
        "公务用车购置及运行费 3 11.12 10.63 9.54",
        "其中：公务用车购置费 4",
        "公务用车运行费 5 11.12 10.63 9.54",
        "公务接待费 6 0.95 1.00 0.97",
    ])
    assert any(d["key"].startswith("2024/outbound_travel/") for d in got["doubts"])
    assert not [c for c in got["checks"] if c["status"] == "fail"]
    sums = [c for c in got["checks"] if c["check_id"] == "three-public-parts-add-up" and "/table/" in c["subject"] and "executed" not in c["subject"]]
    assert sums and all(c["status"] == "not_applicable" for c in sums)


def test_a_blank_printed_as_a_mark_stays_a_slot_between_amounts() -> None:
    got, refused = _lines("function", [*FUNCTION, "合计 1 234.00 - 1 234.00"])
    assert got[-1] == "合计 1234.00 - 1234.00" and not refused


# --- more layouts the national templates allow (the probe's session-15 variants), each fixed by kind ---


def test_a_table_printed_column_after_column_is_not_read() -> None:
    from cnbudget.tables.columnwise import column_major, without_figures

    # a landscape page extracted a column at a time: the 项目 column, the 行次 column, then each amount column
    cells = ["项目", "栏次", "“三公”经费合计", "因公出国（境）费", "公务接待费", "行次", "1", "2", "3", "决算数", "1", "23.71", "10.57", "13.14"]
    b = block("three_public", "“三公”经费支出决算表", [*cells], None)
    assert column_major(b)
    assert not read(without_figures(b), kind="final_account").rows("three_public")


def test_a_table_printed_a_cell_a_line_row_after_row_is_no_column_layout() -> None:
    from cnbudget.tables.columnwise import column_major

    # counter-case: row after row, 栏次 is followed by its column numbers and 行次 by the next heading
    cells = ["项目", "行次", "决算数", "栏次", "1", "“三公”经费合计", "1", "23.71", "因公出国（境）费", "2", "10.57", "公务接待费", "3", "13.14"]
    assert not column_major(block("three_public", "“三公”经费支出决算表", cells, None))


PHASES_HEAD = ["项目 年初预算数 全年预算数 决算数", "支出功能分类科目编码 科目名称", "类 款 项", "栏次 1 2 3"]


def test_a_coded_function_table_of_three_phases_publishes_the_last_as_its_final_figure() -> None:
    b = block("function", "一般公共预算财政拨款支出决算表", [*PHASES_HEAD, "合计 715.85 768.17 752.47", "201 一般公共服务支出 590.09 641.03 627.60",
                                                       "201 32 组织事务 590.09 641.03 627.60"])
    rows = read(b, kind="final_account").rows("expenditure_by_function")
    executed = {r["function_code"]: r["total"] for r in rows if r.get("phase", "executed") == "executed"}
    assert executed["201"] == D("627.60") and executed["20132"] == D("627.60")


def test_a_budget_function_table_keeps_its_basic_and_project_columns() -> None:
    # counter-case: 合计 基本支出 项目支出 is read as before
    b = block("function", "一般公共预算支出表", ["科目编码 科目名称 合计 基本支出 项目支出", "201 一般公共服务支出 568.03 368.05 199.98"])
    assert read(b).pick("expenditure_by_function", "function_code", "total", "basic", "project")["201"] == (D("568.03"), D("368.05"), D("199.98"))


def _halves(texts: list[str]) -> tuple[list[str], list[str]]:
    from cnbudget.tables.economic import text_halves

    split = text_halves([Line(3, (t,)) for t in texts])
    assert split is not None
    return [line.text for line in split[0]], [line.text for line in split[1]]


NAMED_HALVES = ["人员经费 公用经费", "科目名称 决算数 科目名称 决算数"]


def test_a_class_printed_by_name_after_the_left_half_ran_out_is_the_right_halfs() -> None:
    _left, right = _halves([*NAMED_HALVES, "工资福利支出 80.00 商品和服务支出 20.00", "基本工资 80.00 办公费 10.00", "其他商品和服务支出 10.00",
                            "资本性支出 5.00", "办公设备购置 5.00"])
    assert "资本性支出 5.00" in right and "办公设备购置 5.00" in right


def test_a_class_printed_by_name_that_continues_the_left_half_stays_left() -> None:
    # counter-case: 对个人和家庭的补助 after the 301 rows while the right half ran out: the left half's
    left, _right = _halves([*NAMED_HALVES, "工资福利支出 80.00 商品和服务支出 20.00", "基本工资 80.00 办公费 20.00", "津贴补贴 0.00",
                            "对个人和家庭的补助 3.00", "退休费 3.00"])
    assert "对个人和家庭的补助 3.00" in left and "退休费 3.00" in left


SUMMARY_HEAD = ["收入 支出", "项目 金额 项目 金额"]


def test_a_closing_label_run_into_the_blank_left_label_is_the_spending_sides() -> None:
    b = block("summary", "收入支出决算总表", [*SUMMARY_HEAD, "本年收入合计 786.28 本年支出合计 753.65", "年初结转和结余 年末结转和结余 32.63",
                                            "总计 786.28 总计 786.28"])
    totals = read(b, kind="final_account").totals()
    assert totals.get("carryover_out") == D("32.63") and "carryover_in" not in totals


def test_a_carryover_printed_on_the_left_stays_the_revenue_sides() -> None:
    # counter-case: the figure after the left label is the left's
    b = block("summary", "收入支出决算总表", [*SUMMARY_HEAD, "本年收入合计 753.65 本年支出合计 786.28", "年初结转和结余 32.63 年末结转和结余",
                                            "总计 786.28 总计 786.28"])
    totals = read(b, kind="final_account").totals()
    assert totals.get("carryover_in") == D("32.63") and "carryover_out" not in totals


def test_a_wide_three_public_row_of_space_grouped_cells_reads_every_item() -> None:
    head = [
        "“三公”经费合计\t\t\t因公出国（境）费\t\t\t公务用车购置及运行费\t\t\t\t\t\t\t\t\t公务接待费\t\t",
        "\t\t\t\t\t\t小计\t\t\t公务用车购置费\t\t\t公务用车运行费\t\t\t\t\t",
        "\t".join(["年初预算数", "全年预算数", "决算数"] * 6),
    ]
    figures = ["255 100.00", "254 800.00", "239 200.00", "0.00", "0.00", "0.00", "247 000.00", "246 700.00", "231 400.00",
               "216 500.00", "215 100.00", "202 300.00", "30 500.00", "31 600.00", "29 100.00", "8 100.00", "8 100.00", "7 800.00"]
    b, _ = ungrouped(block("three_public", "一般公共预算财政拨款“三公”经费支出决算表", [*head, "\t".join(figures)], YUAN))
    got = {(r["item"], r["phase"]): r["amount"] for r in read(b, kind="final_account", fiscal_year=2019).rows("three_public")}
    assert got[("reception", "approved")] == D("0.8100") and got[("vehicle_operation", "executed")] == D("2.9100")


def test_a_cell_of_groups_not_of_three_digits_is_left_as_printed() -> None:
    # counter-case: 12 34.50 in a cell is no space-grouped amount
    b = block("function", "表", ["科目名称\t合计", "行政运行\t12 34.50"])
    assert ungrouped(b)[0] is b


def test_a_unit_in_the_header_cells_is_the_tables() -> None:
    from cnbudget.tables.header_unit import unit_from_header

    b = unit_from_header(block("function", "一般公共预算财政拨款支出决算表", ["科目名称\t年初预算数（元）\t全年预算数（元）\t决算数（元）", "合计\t7,158,500.00\t7,681,700.00\t7,524,700.00"], None))
    assert b.unit_factor == YUAN and b.lines[1].cells == ("科目名称", "年初预算数", "全年预算数", "决算数")


def test_header_cells_naming_two_units_are_left_as_printed() -> None:
    from cnbudget.tables.header_unit import unit_from_header

    # counter-case: which unit the table is in is not for the header to say when its cells disagree
    b = block("function", "表", ["科目名称\t预算数（万元）\t人数（人）\t金额（元）", "合计\t1.00\t3\t10000.00"], None)
    assert unit_from_header(b) is b


def test_a_summary_label_run_into_its_amount_is_read() -> None:
    b = block("summary", "部门收支总表", ["收入\t\t支出\t", "项目\t预算数\t项目\t预算数", "一、一般公共预算拨款收入653.01\t一、一般公共服务支出\t575.99",
                                      "五、事业收入7.96\t五、教育支出\t", "本年收入合计660.97\t本年支出合计\t660.97"])
    r = read(b)
    sources = {row["source"]: row["amount"] for row in r.rows("revenue_by_source")}
    assert sources == {"general_public_budget": D("653.01"), "business": D("7.96")} and r.totals()["revenue_current_year"] == D("660.97")


def test_a_wide_row_under_a_count_is_refused_whole_and_at_once() -> None:
    # 18 grouped amounts under a header naming a count: each could be two numbers (2¹⁸ readings): refused, not enumerated
    row = " ".join(["216 500.00"] * 18)
    got, refused = _lines("three_public", ["“三公”经费合计 因公出国（境）费 公务用车保有量（辆）", row])
    assert got[-1] == "" and refused == [("", row)]

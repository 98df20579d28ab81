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


def test_a_tab_separated_table_is_left_to_its_cells() -> None:
    rows = ["科目名称\t合计", "行政运行\t1 200.00"]
    b = block("function", "表", rows)
    assert ungrouped(b)[0] is b


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

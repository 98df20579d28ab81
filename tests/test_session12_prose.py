"""Session 12: prose figures the development sets' published pages missed, read by recurring wording (issue 13).

Invented inputs of the same kind (names and amounts changed), each with a counter-case that must stay unread or read
otherwise.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from cnbudget.model import Block, Disclosure, Document, Identity, Line, SourceFile
from cnbudget.normalise.disclosure import normalise_disclosure
from cnbudget.normalise.narrative import read_narrative
from cnbudget.tables.phases import declared_budget, phase_of
from tests.conftest import narrative_figures

D = Decimal


# 1. 公务用车费 named alone: the item's whole (购置 and 运行维护), as the templates that print it define it
#    (乐昌 2018 prose; the 2014–2017 tables of 四川, 湖南, 江苏, 广西 and 天津 pages print the same name)


def test_the_official_car_cost_named_alone_is_the_cars_whole_cost() -> None:
    found = narrative_figures("本年度公务用车费为16万元,比去年同期15万元增长了6.67%。", kind="final_account", year=2018)
    assert found == {("three_public", "vehicle_total", "executed"): D(16)}
    assert narrative_figures("3、公务用车费支出预算9.5万元。", year=2017) == {("three_public", "vehicle_total", "approved"): D("9.5")}


def test_a_part_named_after_the_car_cost_and_other_words_after_it_are_not_its_whole() -> None:
    # the part named last, nearest the amount, is the figure's: 公车购置费 of the 公务用车费用
    found = narrative_figures("公务用车费用中含公车购置费0万元,公务用车运行维护费20.5万元。", kind="final_account", year=2015)
    assert found == {("three_public", "vehicle_purchase", "executed"): D(0), ("three_public", "vehicle_operation", "executed"): D("20.5")}
    # other words between the name and the amount: another figure (a subsidy), not the car cost
    assert narrative_figures("公务用车费改革补贴12万元。", year=2017) == {}
    # a change of it is no figure of the year
    assert narrative_figures("公务用车费用增加0.7万元。", year=2017) == {}


# 2. 广西's unit-budget template: “我单位总收入 X 万元，总支出 X 万元（不含财政拨款上年未列支结转收支数）”, the year's own
#    figures; a page's stored text may end inside the brackets (自治区烈士陵园 2025)


def test_a_qualifier_leaving_out_last_years_unspent_money_cut_off_by_the_pages_end() -> None:
    text = "第二部分:2025年单位预算说明一、单位预算收支增减变化情况说明我单位2025年总收入812.4万元,总支出812.4万元(不含财政拨款上年未列支"
    assert narrative_figures(text, year=2025) == {
        ("totals", "revenue_current_year", "approved"): D("812.4"),
        ("totals", "expenditure_current_year", "approved"): D("812.4"),
    }


def test_a_bracket_that_names_no_carry_over_or_ends_in_a_new_sentence_leaves_the_total() -> None:
    # 不含上年 alone names nothing left out; a bracket closed by a full stop (not by the page's end) is not the qualifier
    for text in ("我单位2025年总收入812.4万元,总支出812.4万元(不含上年", "我单位2025年总收入812.4万元,总支出812.4万元(不含财政拨款上年未列支。另有说明"):
        assert narrative_figures(text, year=2025) == {
            ("totals", "revenue_total", "approved"): D("812.4"),
            ("totals", "expenditure_total", "approved"): D("812.4"),
        }


# 3. the national final-account template's note under its “三公” table: “其中，预算数为“三公”经费全年预算数，反映按规定
#    程序调整后的预算数” — the table's 预算数 and the prose's bare 预算 are the 全年预算数 (安徽省徽州师范学校 2022)

NOTE = "注:本表反映单位本年度一般公共预算财政拨款“三公”经费支出预决算情况。其中,预算数为“三公”经费全年预算数,反映按规定程序调整后的预算数;决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。"


def test_the_note_says_which_budget_a_bare_budget_figure_is() -> None:
    assert declared_budget([NOTE]) == "adjusted"
    assert declared_budget(["注:预算数为“三公”经费年初预算数,决算数是包括当年…的实际支出。"]) == "approved"
    # no note, or two notes that disagree: not said
    assert declared_budget(["单位:万元", "1.预算数与决算数差异的原因"]) is None
    assert declared_budget([NOTE, "预算数为“三公”经费年初预算数。"]) is None
    assert phase_of("预算数", "adjusted") == "adjusted" and phase_of("年初预算数", "adjusted") == "approved"


def test_a_bare_three_public_budget_in_the_prose_is_the_one_the_note_names() -> None:
    lines = [Line(1, ("某某学校2022年度“三公”经费支出预算为2.4万元,支出决算为2.1万元,完成预算的87.5%。1.因公出国(境)费预算为0万元,支出决算为0万元。",))]
    found, _ = read_narrative(lines, 2022, "final_account", three_public_budget="adjusted")
    got = {(f.resource, f.subject, f.phase): f.row["amount"] for f in found}
    assert got[("three_public", "total", "adjusted")] == D("2.4") and got[("three_public", "outbound_travel", "adjusted")] == D(0)
    assert got[("three_public", "total", "executed")] == D("2.1")
    assert not [k for k in got if k[2] == "approved"]
    # counter-cases: a 年初预算 named so stays the budget as adopted; another subject's bare 预算 is not the note's
    found, _ = read_narrative(
        [Line(1, ("“三公”经费年初预算为2.4万元,支出决算为2.1万元。一般公共预算财政拨款支出预算为30万元,支出决算为28万元。",))], 2022, "final_account", three_public_budget="adjusted"
    )
    got = {(f.resource, f.subject, f.phase): f.row["amount"] for f in found}
    assert got[("three_public", "total", "approved")] == D("2.4")
    assert not [k for k in got if k[2] == "adjusted"]


def _final_account(*blocks: Block, kind: str = "final_account") -> Disclosure:
    source = SourceFile(Path("unit.txt"), "0" * 64, 2)
    identity = Identity("某某学校", [], None, 2022, kind, "department", None, None)
    return normalise_disclosure([Document(source, [line for b in blocks for line in b.lines])], list(blocks), identity, {})


def test_the_note_names_the_tables_budget_column_and_the_prose_alike() -> None:
    title = "一般公共预算财政拨款“三公”经费支出决算表"
    table = [
        Line(1, (title,)),
        Line(1, ("项目", "预算数", "决算数")),
        Line(1, ("合计", "2.40", "2.10")),
        Line(1, ("因公出国(境)费", "0.00", "0.00")),
        Line(1, ("公务接待费", "1.40", "1.20")),
        Line(1, ("公务用车购置及运行费", "1.00", "0.90")),
        Line(1, (NOTE,)),
    ]
    prose = Block("narrative", "", [Line(2, ("某某学校2022年度“三公”经费支出预算为2.4万元,支出决算为2.1万元,完成预算的87.5%。",))], None)
    disclosure = _final_account(Block("three_public", title, table, D(1), "万元"), prose)
    rows = {(r["item"], r["phase"], r["origin"]) for r in disclosure.rows["three_public"]}
    assert ("total", "adjusted", "table") in rows and ("total", "executed", "table") in rows
    assert not [r for r in rows if r[1] == "approved"]
    assert {(s["subject"], s["phase"]) for s in disclosure.rows["statements"]} >= {("total", "adjusted"), ("total", "executed")}
    # counter-case: without the note the same column is the 预算数 as adopted
    disclosure = _final_account(Block("three_public", title, table[:-1], D(1), "万元"), prose)
    assert ("total", "approved", "table") in {(r["item"], r["phase"], r["origin"]) for r in disclosure.rows["three_public"]}


def test_a_budgets_table_keeps_its_budget_as_adopted_whatever_a_note_says() -> None:
    # the note is a final account's: a budget's 预算数 is the budget as adopted
    title = "2022年“三公”经费预算表"
    table = [Line(1, (title,)), Line(1, ("项目", "2021年预算数", "2022年预算数")), Line(1, ("合计", "2.00", "2.40")), Line(1, ("因公出国(境)费", "0.00", "0.00"))]
    table += [Line(1, ("公务接待费", "1.00", "1.40")), Line(1, ("公务用车购置及运行费", "1.00", "1.00")), Line(1, (NOTE,))]
    disclosure = _final_account(Block("three_public", title, table, D(1), "万元"), kind="budget")
    assert {r["phase"] for r in disclosure.rows["three_public"]} == {"approved"}


# 4. the parts listed after a whole's 其中 are of the whole's phase (as of its year, ``parts_year``): a final account's
#    “三公”经费预算为 X 万元，其中：因公出国（境）费 Y 万元… lists the budget's parts, not the year's spending (昆明市人大 2016)


def test_the_parts_listed_after_a_budget_in_a_final_account_are_the_budgets() -> None:
    text = "2016年,某某局“三公”经费预算为60.5万元,其中:因公出国(境)费20万元、公务用车运行维护费40.5万元。“三公”经费支出为58万元,其中:因公出国(境)费支出18万元。"
    found = narrative_figures(text, kind="final_account", year=2016)
    assert found[("three_public", "outbound_travel", "approved")] == D(20)
    assert found[("three_public", "vehicle_operation", "approved")] == D("40.5")
    assert found[("three_public", "outbound_travel", "executed")] == D(18)  # the spending's parts stay the spending's
    assert ("three_public", "vehicle_operation", "executed") not in found


def test_parts_after_a_change_or_naming_their_own_phase_keep_theirs() -> None:
    # the amount before the 其中 is a change against the 年初预算: its words name no whole, the parts are the year's own
    text = "2016年“三公”经费支出决算为20万元,与年初预算相比减少2万元,其中:因公出国(境)费支出5万元。"
    assert narrative_figures(text, kind="final_account", year=2016)[("three_public", "outbound_travel", "executed")] == D(5)
    # a part naming its own phase keeps it
    text = "2016年“三公”经费预算为30万元,其中:公务接待费决算10万元。"
    assert ("three_public", "reception", "executed") in narrative_figures(text, kind="final_account", year=2016)

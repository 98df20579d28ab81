"""Sums the prose states against the parts it lists: classes, 政府采购, receptions."""

from __future__ import annotations

from cnbudget.checks.prose_sums import (
    check_initial_budget_parts,
    check_procurement_parts,
    check_prose_class_items,
    check_receptions,
    check_revenue_sources,
)
from cnbudget.model import Evidence

from .conftest import outcomes, run, said


def test_a_class_against_the_items_the_prose_lists_under_it() -> None:
    # seed 002: 社会保障和就业支出 67.49 万元, its five items 35.55 + 17.29 + 2.8 + 3.44 + 8.40 = 67.48
    items = [("2080505", "35.55"), ("2080506", "17.29"), ("2080599", "2.8"), ("2081107", "3.44"), ("2089999", "8.40")]
    stated = [said("expenditure_by_function", "208", "67.49", "executed")] + [said("expenditure_by_function", c, a, "executed") for c, a in items]
    results = run(check_prose_class_items, {"statements": stated})
    assert outcomes(results) == [("fail", "67.49", "67.48")]
    assert results[0]["severity"] == "rounding"
    fixed = [said("expenditure_by_function", "208", "67.48", "executed")] + stated[1:]
    assert outcomes(run(check_prose_class_items, {"statements": fixed})) == [("pass", "67.48", "67.48")]


def test_items_above_their_class_fail_and_far_below_it_are_not_compared() -> None:
    above = [said("expenditure_by_function", "201", "10"), said("expenditure_by_function", "2010101", "6"), said("expenditure_by_function", "2010102", "5")]
    assert outcomes(run(check_prose_class_items, {"statements": above})) == [("fail", "10", "11")]
    below = [said("expenditure_by_function", "201", "10"), said("expenditure_by_function", "2010101", "6")]
    assert outcomes(run(check_prose_class_items, {"statements": below})) == [("not_applicable", "10", "6")]


def test_procurement_parts_against_their_total() -> None:
    good = "2024年我部门政府采购预算安排9.30万元，其中：政府采购货物预算4.30万元、政府采购工程预算5.00万元、政府采购服务预算0.00万元。"
    assert outcomes(run(check_procurement_parts, evidence=Evidence(prose=good))) == [("pass", "9.30", "9.30")]
    bad = good.replace("5.00万元", "4.00万元")
    assert outcomes(run(check_procurement_parts, evidence=Evidence(prose=bad))) == [("fail", "9.30", "8.30")]


def test_itemised_receptions_against_the_stated_total() -> None:
    # seed 002: nine receptions listed, 14,034 元, “共计支出 1.40 万元”
    prose = "国内公务接待10批次，共计支出1.40万元，具体内容包括：1月10日接待市委国安办790元；6月19日接待四川锦弘集团4860元；9月9日接待达川区委办公室8384元等。"
    assert outcomes(run(check_receptions, evidence=Evidence(prose=prose))) == [("pass", "1.40", "1.4034")]
    over = prose.replace("8384元", "9384元")
    assert outcomes(run(check_receptions, evidence=Evidence(prose=over))) == [("fail", "1.40", "1.5034")]
    whole = prose.replace("元等。", "元。").replace("8384元", "7384元")
    assert outcomes(run(check_receptions, evidence=Evidence(prose=whole))) == [("fail", "1.40", "1.3034")]


def test_items_are_compared_with_the_class_as_stated_last_before_them() -> None:
    # 杭州市交通运输局 2026: 城乡社区 437,000 (all funds), 226,000 (一般公共预算) and its item 2129999 226,000;
    # then 211,000 (政府性基金) and its item 2120803 211,000
    def line(row: dict[str, object], n: int) -> dict[str, object]:
        return {**row, "line": n}

    stated = [
        line(said("expenditure_by_function", "212", "437000.00"), 1),
        line(said("expenditure_by_function", "212", "226000.00"), 2),
        line(said("expenditure_by_function", "2129999", "226000.00"), 3),
        line(said("expenditure_by_function", "212", "211000.00"), 4),
        line(said("expenditure_by_function", "2120803", "211000.00"), 5),
    ]
    results = run(check_prose_class_items, {"statements": stated})
    assert [(r["subject"], r["status"]) for r in results] == [("212/226000.00", "pass"), ("212/211000.00", "pass")]


def test_initial_budget_parts_against_the_total_above_them() -> None:
    """潼南 2023 (seed 004) （二）支出预算: 年初预算数 1708.68 万元, 其中 1387.31 + 0 + 190.14 + 60.43 + 0 + 70.79 = 1708.67."""
    prose = "(二)支出预算:2023年年初预算数1708.68万元,其中:一般公共服务支出1387.31万元,教育支出0万元,社会保障和就业支出190.14万元,卫生健康支出60.43万元,节能环保支出0万元,住房保障支出70.79万元。"
    (row,) = run(check_initial_budget_parts, evidence=Evidence(prose=prose))
    assert (row["check_id"], row["status"], row["expected"], row["actual"], row["severity"]) == ("prose-initial-budget-adds-up", "fail", "1708.68", "1708.67", "rounding")
    assert "年初预算（原文“年初预算数1708.68万元”）为 1708.68 万元" in row["detail"] and "“住房保障支出70.79万元”）之和为 1708.67 万元" in row["detail"]
    assert outcomes(run(check_initial_budget_parts, evidence=Evidence(prose=prose.replace("1387.31", "1387.32")))) == [("pass", "1708.68", "1708.68")]


def test_changes_and_shares_in_the_list_are_not_parts() -> None:
    # 潼南 2023 二: 基本支出 1286.68 万元, 比2022年增加 89.49 万元; 项目支出 422 万元, 比2022年减少 1414.59 万元
    prose = "2023年年初预算数1708.68万元,其中:基本支出1286.68万元,比2022年增加89.49万元;项目支出422万元,比2022年减少1414.59万元。"
    assert outcomes(run(check_initial_budget_parts, evidence=Evidence(prose=prose))) == [("pass", "1708.68", "1708.68")]
    # a list that falls far short may name only some parts (of function classes, only one that ends with 等: classes
    # part the spending whole, tests/test_session12_checks.py)
    partial = "年初预算为593.39万元，其中：办公费469.47万元，印刷费39.84万元。"
    assert [r["status"] for r in run(check_initial_budget_parts, evidence=Evidence(prose=partial))] == ["not_applicable"]
    classes = "年初预算为593.39万元，其中：一般公共服务支出469.47万元，住房保障支出39.84万元等。"
    assert [r["status"] for r in run(check_initial_budget_parts, evidence=Evidence(prose=classes))] == ["not_applicable"]



def test_a_funds_item_is_not_part_of_a_class_stated_for_the_general_budget() -> None:
    # zj_hangzhou_transport_bureau_2026_dept_budget.pdf: “城乡社区（类）支出226,000.00万元，占52.2%” (p.7, 一般公共预算),
    # its item 其他城乡社区支出（项）226,000.00 (p.10), and the 政府性基金's 城市建设支出（项）211,000.00 (p.14)
    cls = {**said("expenditure_by_function", "212", "226000"), "line": 1, "text": "城乡社区（类）支出226,000.00万元，占52.2%；"}
    own = {**said("expenditure_by_function", "2129999", "226000"), "line": 2, "text": "其他城乡社区支出（项）226,000.00万元"}
    fund = {**said("expenditure_by_function", "2120803", "211000"), "line": 3, "text": "城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）预算为211,000.00万元"}
    assert outcomes(run(check_prose_class_items, {"statements": [cls, own, fund]})) == [("pass", "226000", "226000")]
    # the same item named without its fund is counted, and contradicts the class
    plain = {**fund, "text": "城市建设支出（项）预算为211,000.00万元"}
    assert outcomes(run(check_prose_class_items, {"statements": [cls, own, plain]})) == [("fail", "226000", "437000")]


def test_revenue_sources_against_the_revenue_budget_above_them() -> None:
    # sichuan-dazhu-yongsheng-2024-budget.txt (hidden3): 9538991.44 + 1837600 = 11376591.44 元 (its 元元 a doubled unit)
    prose = "2024年收入预算11376591.44元,其中:本年财政拨款收入9538991.44元,占83.85%;上年结转1837600元元,占16.15%。"
    assert outcomes(run(check_revenue_sources, evidence=Evidence(prose=prose))) == [("pass", "1137.659144", "1137.659144")]
    over = "2025年本部门收入预算1767.4万元，其中，一般公共预算拨款1767.4万元，政府性基金预算拨款20万元。"
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=over))
    assert (row["check_id"], row["status"], row["expected"], row["actual"]) == ("revenue-lines-add-up", "fail", "1767.4", "1787.4")
    assert "收入预算" in row["detail"] and "1787.4 万元" in row["detail"]
    # parts short of the total may be only some of them
    some = "2025年本部门收入预算1767.4万元，其中，一般公共预算拨款1000万元，政府性基金预算拨款20万元。"
    assert [r["status"] for r in run(check_revenue_sources, evidence=Evidence(prose=some))] == ["not_applicable"]


def test_a_numbered_list_or_one_naming_an_empty_source_is_the_whole_list() -> None:
    # invented after a budget's “(一)2023年收入预算 X 万元，其中：1、财政拨款…；2、专户管理的事业收入…；3、单位资金收入0万元…”
    numbered = "2023年收入预算120.5万元,其中:\n1、财政拨款100.5万元;\n2、专户管理的事业收入10万元;\n3、单位资金收入0万元;\n4、政府性基金安排的收入0元。"
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=numbered))
    assert (row["status"], row["expected"], row["actual"], row["severity"]) == ("fail", "120.5", "110.5", "mismatch")
    assert "其后“其中”所列 4 项（" in row["detail"] and "“政府性基金安排的收入0元”）之和为 110.5 万元" in row["detail"]  # 0元 adds 0 万元, printed without places of its own
    assert outcomes(run(check_revenue_sources, evidence=Evidence(prose=numbered.replace("10万元", "20万元")))) == [("pass", "120.5", "120.5")]
    # a part of 0 says the list is whole, numbered or not
    zero = "收入预算120.5万元，其中：财政拨款100.5万元，事业收入10万元，其他收入0万元。"
    assert [r["status"] for r in run(check_revenue_sources, evidence=Evidence(prose=zero))] == ["fail"]
    # counter-cases: a list ending with 等, or one of the larger parts only, may leave parts out
    assert [r["status"] for r in run(check_revenue_sources, evidence=Evidence(prose=zero.replace("其他收入0万元", "其他收入0万元等")))] == ["not_applicable"]
    assert [r["status"] for r in run(check_revenue_sources, evidence=Evidence(prose="收入预算120.5万元，其中：财政拨款100.5万元，事业收入10万元。"))] == ["not_applicable"]
    # a numbering that does not run 1、2、3… is no list of the parts
    skipped = "收入预算120.5万元，其中：2、财政拨款100.5万元；4、事业收入10万元。"
    assert [r["status"] for r in run(check_revenue_sources, evidence=Evidence(prose=skipped))] == ["not_applicable"]


def test_an_amount_with_thousands_commas_is_one_part() -> None:
    # sh_putuo_wanli_subdistrict_2025_dept_budget.pdf p. 6: “收入预算18,976.76万元，其中：财政拨款收入18,976.76万元，比2024年预算
    # 增加3,355.65万元；” (the commas once split 18 | 976.76 and 3 | 355.65, read as parts: 1332.41)
    prose = "收入预算18,976.76万元，其中：财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元；"
    assert run(check_revenue_sources, evidence=Evidence(prose=prose)) == []  # one part is no list
    # js_prov_cppcc_office_2018_dept_budget.pdf p. 9 (its list, shortened): the 10,000 万元 part is one, not 10 and 000
    listed = "收入预算10,150.48万元，其中：一般公共预算收入10,000万元，政府性基金预算收入0万元，其他资金150.48万元。"
    assert outcomes(run(check_revenue_sources, evidence=Evidence(prose=listed))) == [("pass", "10150.48", "10150.48")]


def test_whole_figures_a_unit_apart_are_the_rounding_of_each() -> None:
    # sh_city_transport_vocational_college_2026_unit_budget.pdf p. 6: “收入预算40,870万元，其中：财政拨款收入30,441万元，…；
    # 事业收入5,000万元；事业单位经营收入0万元；其他收入5,428万元” (its table: 30,441.39 + 5,000 + 5,428.21 = 40,869.60)
    prose = "收入预算40,870万元，其中：财政拨款收入30,441万元，比2025年预算增加1,500万元；事业收入5,000万元；事业单位经营收入0万元；其他收入5,428万元。"
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=prose))
    assert (row["status"], row["actual"]) == ("not_applicable", "40869") and "整数" in row["detail"]
    # counter-cases: further apart than the rounding of each, or printed with decimals, they contradict
    assert [r["status"] for r in run(check_revenue_sources, evidence=Evidence(prose=prose.replace("5,428万元", "5,420万元")))] == ["fail"]
    assert [r["status"] for r in run(check_revenue_sources, evidence=Evidence(prose=prose.replace("40,870万元", "40,870.00万元")))] == ["fail"]


def test_a_budgets_total_revenue_with_a_remark_and_its_change_before_the_list() -> None:
    # invented after a township health centre's “本级2023部门预算总收入预计X万元(0个下属二级事业单位…),比上年增加…。其中:…”
    prose = "某卫生院本级2023部门预算总收入预计1335.34万元(0个下属二级事业单位与机关统一核算),比上年增加6.53万元,增长0.49%。其中:财政拨款(补助)448.87万元,占总收入的33.61%;非税收入拨款0万元,占总收入的0.00%;其他收入0万元,占总收入0.00%"
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=prose))
    assert (row["status"], row["expected"], row["actual"]) == ("fail", "1335.34", "448.87")
    # a total revenue that is not the budget's (a final account's 总收入 compared with a year), or a list after another sentence
    assert run(check_revenue_sources, evidence=Evidence(prose="2023年度总收入1335.34万元。其中:财政拨款448.87万元,其他收入0万元")) == []
    assert run(check_revenue_sources, evidence=Evidence(prose="预算总收入1335.34万元,主要用于保障运转。其中:财政拨款448.87万元,其他收入0万元")) == []


def test_a_total_revenue_budget_with_its_numbered_sources_in_sentences_of_their_own() -> None:
    # invented after a district body's “收入总预算X万元,同比减少…。其中:1、…。2、上年结余收入…;其中:…。3、…。”
    prose = (
        "2017年收入总预算501.98万元,同比减少17.05万元,同比下降3.28%。其中:1、一般公共财政预算拨款507.37万元,同比减少19.96万元。"
        "2、上年结余收入8.3万元,同比增加8.3万元;其中:其他结转5.39万元。3、纳入财政专户管理的收入安排的资金0万元,与上年持平。"
    )
    (row,) = run(check_revenue_sources, evidence=Evidence(prose=prose))
    # the list holds the 上年结余: it adds up to the 收入总计; item 2's own 其中 is no part
    assert (row["check_id"], row["status"], row["expected"], row["actual"]) == ("revenue-total-adds-up", "fail", "501.98", "515.67")
    # the same list adding up, and a list whose next sentence is not its item 2, stay as they were
    right = prose.replace("501.98", "515.67")
    assert outcomes(run(check_revenue_sources, evidence=Evidence(prose=right)), "revenue-total-adds-up") == [("pass", "515.67", "515.67")]
    one = "收入总预算501.98万元。其中:1、一般公共预算拨款501.98万元。主要用于保障运转,2、其他0万元。"
    assert run(check_revenue_sources, evidence=Evidence(prose=one)) == []

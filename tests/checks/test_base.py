"""The result collector and the tolerance policy every family shares."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.amounts import same_at_printed_precision
from cnbudget.checks.base import Checker, doubt_index, has_other_funds, pages_text, sentence_start, side, table_totals

from .conftest import chinese, disclosure, total


def test_compare_passes_a_sum_and_grades_a_difference_by_the_figures_summed() -> None:
    c = Checker(disclosure())
    c.compare("sum", "a", side("合计", Decimal("3.00"), 1), [Decimal("1.00"), Decimal("2.00")], "各项之和", "adds up")
    c.compare("sum", "b", side("合计", Decimal("3.02"), 1), [Decimal("1.00"), Decimal("2.00")], "各项之和", "two figures, 0.02 off")
    c.compare("sum", "c", side("合计", Decimal("3.03"), 1), [Decimal("1.00"), Decimal("2.00")], "各项之和", "two figures, 0.03 off", parts_pages=[2, 3, 2])
    assert [(r["status"], r["severity"]) for r in c.out] == [("pass", None), ("fail", "rounding"), ("fail", "mismatch")]
    assert (c.out[2]["expected"], c.out[2]["actual"], c.out[2]["disclosure_id"]) == ("3.03", "3.00", "x")
    assert (c.out[2]["expected_amount"], c.out[2]["actual_amount"], c.out[2]["pages"]) == (Decimal("3.03"), Decimal("3.00"), "1;2,3")
    assert c.out[1]["detail"] == "合计（第1页）为 3.02 万元，各项之和为 3.00 万元：相差 0.02 万元，在分项四舍五入造成的尾差之内。"
    assert c.out[2]["detail"] == "合计（第1页）为 3.03 万元，各项之和（第2、3页）为 3.00 万元：相差 0.03 万元，两者不符。"
    assert c.out[0]["detail_en"] == "adds up"


def test_compare_says_nothing_when_either_side_is_not_printed() -> None:
    c = Checker(disclosure())
    c.compare("sum", "a", side("合计", None), [Decimal(1)], "各项之和", "no total")
    c.compare("sum", "b", side("合计", Decimal(1)), [None, None], "各项之和", "no parts")
    assert c.out == []


def test_result_none_is_not_applicable_and_a_failed_text_is_a_mismatch() -> None:
    c = Checker(disclosure())
    c.result("a", "x", None, side("甲", "x"), side("乙", None), "not comparable")
    c.result("b", "2022", False, side("公开文件的年度", "2024"), side("文字说明所写的年度", "2022", 3), "wrong year")
    assert [(r["status"], r["severity"], r["actual"], r["pages"]) for r in c.out] == [("not_applicable", None, None, None), ("fail", "mismatch", "2022", ";3")]
    assert (c.out[1]["expected_amount"], c.out[1]["actual_amount"]) == (None, None)  # not amounts
    assert c.out[1]["detail"] == "公开文件的年度为 2024，文字说明所写的年度（第3页）为 2022：两者不符。"


def test_the_same_comparison_made_twice_is_one_row_and_a_different_one_never_shares_its_key() -> None:
    c = Checker(disclosure())
    for _ in range(2):
        c.result("a", "201", True, side("甲", Decimal(1)), side("乙", Decimal(1)), "same")
    c.result("a", "201", False, side("甲", Decimal(1)), side("乙", Decimal(2)), "a different result under the same subject")
    assert [(r["subject"], r["status"]) for r in c.out] == [("201", "pass"), ("201#2", "fail")]


def test_a_doubted_side_makes_a_comparison_not_applicable_never_a_failure() -> None:
    doubts = [{"resource": "three_public", "key": "2024/vehicle_purchase|vehicle_operation/approved/amount", "reason": "“合计”一行印有 13.00，无法确定属于哪一列"}]
    c = Checker(disclosure({"doubts": doubts}))
    reason = c.doubt("three_public", "2024/vehicle_operation/approved/amount")
    assert reason is not None and "13.00" in reason
    assert c.doubt("three_public", "2024/vehicle_operation/executed/amount") is None
    c.compare("sum", "2024/table", side("公务用车购置及运行费", Decimal(13), 4), [], "购置 + 运行", "vehicle", doubt=reason)
    (row,) = c.out
    assert (row["status"], row["severity"], row["expected"], row["actual"]) == ("not_applicable", None, "13", None)
    assert "不作比较" in row["detail"] and "13.00" in row["detail"]


def test_doubt_keys_expand_their_alternatives() -> None:
    index = doubt_index([{"resource": "expenditure_by_function", "key": "2013101/approved/basic|project", "reason": "r"}])
    assert set(index) == {("expenditure_by_function", "2013101/approved/basic"), ("expenditure_by_function", "2013101/approved/project")}


def test_pages_are_the_expected_sides_then_the_actual_sides() -> None:
    assert pages_text((3,), (5,)) == "3;5"
    assert pages_text((), (4, 5)) == ";4,5"
    assert pages_text((), ()) is None
    assert side("x", None, 5, [4, None, 5], None).pages == (4, 5)


def test_same_at_printed_precision_accepts_rounding_to_the_prose_places_only() -> None:
    assert same_at_printed_precision(Decimal("24.3120"), Decimal("24.31"))
    assert same_at_printed_precision(Decimal("24.3150"), Decimal("24.32"))  # half up
    assert not same_at_printed_precision(Decimal("24.3120"), Decimal("24.32"))
    assert not same_at_printed_precision(Decimal("24.3"), Decimal("24.31"))  # more places than the table prints
    assert not same_at_printed_precision(None, Decimal(1))
    # sh_city_heritage_conservation_center_2026_unit_budget.pdf: 收支总表 (元) 其他收入 537,792 = 53.7792 万元, p. 6 “其他收入54万元”
    assert same_at_printed_precision(Decimal("53.7792"), Decimal(54))
    assert not same_at_printed_precision(Decimal("53.7792"), Decimal(53))
    assert not same_at_printed_precision(Decimal("53.78"), Decimal(54))  # a table in 万元 with two places: whole 万元 is no rounding of it


def test_table_totals_keep_the_first_row_of_each_metric_from_one_origin() -> None:
    d = disclosure({"totals": [total("revenue_total", "1"), total("revenue_total", "2"), total("revenue_total", "3", origin="narrative")]})
    assert table_totals(d)["revenue_total"]["amount"] == Decimal(1)
    assert table_totals(d, "narrative")["revenue_total"]["amount"] == Decimal(3)


def test_other_funds_are_revenue_beyond_the_general_public_budget() -> None:
    assert not has_other_funds({"general_public_budget": Decimal(1)})
    assert has_other_funds({"general_public_budget": Decimal(1), "government_fund": Decimal(1)})


def test_the_chinese_helper_allows_letters_only_inside_what_is_quoted() -> None:
    assert chinese("《2024年PPP项目表》中“IT运维”（第3页）为 1.50 万元，“A“B”C”为 2 万元：两者不符。")
    assert not chinese("收入总计 against 支出总计 in the tables")
    assert not chinese("expenditure_total 为 1 万元")
    assert not chinese("1;2")  # no Chinese at all


def test_a_sentence_starts_after_the_last_end_mark_before_the_position() -> None:
    text = "收入100万元。支出90万元；其中基本支出\n50万元"
    assert sentence_start(text, text.index("50")) == text.index("50")  # a printed line's end ends it
    assert sentence_start(text, text.index("基本")) == text.index("其中")  # a semicolon ends it
    assert sentence_start(text, text.index("其中"), "。") == text.index("支出90")
    assert sentence_start(text, text.index("50"), "。") == text.index("支出90")  # only the marks given end it
    assert sentence_start(text, text.index("100")) == 0  # none before: the text's start

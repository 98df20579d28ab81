"""A bracket saying what an item includes, between its words and its amount: the amount is the item's, never the bracket's."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative


def headline(text: str) -> list[tuple[str, Decimal]]:
    figures, _ = read_narrative([Line(1, (text,))], 2016, "final_account")
    return [(str(f.row["metric"]), f.row["amount"]) for f in figures if f.resource == "totals"]  # type: ignore[misc]


def test_the_totals_before_an_including_bracket_are_the_amounts() -> None:
    # invented, worded as a 部门决算's 收入支出决算总体情况 often is
    text = "本部门2016年度收入总计(含用事业基金弥补收支差和年初结转结余)1,234.50万元,支出总计（含结余分配和年末结转结余）1,234.50万元。"
    assert headline(text) == [("revenue_total", Decimal("1234.50")), ("expenditure_total", Decimal("1234.50"))]


def test_a_bracket_names_no_figure_when_the_words_before_it_name_none() -> None:
    # counter-case: 其他 includes the 用事业基金弥补收支差; its amount is not that line's
    assert headline("2016年度其他收支(含用事业基金弥补收支差)10.00万元。") == []


def test_words_without_a_bracket_keep_their_reading() -> None:
    # counter-case: the line itself named, no bracket: still the 用事业基金弥补收支差
    assert headline("2016年度用事业基金弥补收支差10.00万元。") == [("fund_makeup", Decimal("10.00"))]


def test_a_bracket_holding_an_amount_is_not_stripped() -> None:
    # counter-case: an amount inside the bracket ends the words; the bracket's words are not taken for a closing clause
    from cnbudget.normalise.prose_words import before_included

    assert before_included("收入总计(含上年结转") is None
    assert before_included("收入总计(含上年结转100万元)") is None
    assert before_included("收入总计(含上年结转)") == "收入总计"


def test_an_amount_inside_an_including_bracket_is_never_the_items() -> None:
    # invented: the bracket names a part with its amount before the item's own; before, 100.00 was published as 收入总计
    text = "本部门2016年度收入总计(含上年结转100.00万元)500.00万元,支出总计500.00万元。"
    assert ("revenue_total", Decimal("100.00")) not in headline(text)
    assert headline(text) == [("expenditure_total", Decimal("500.00"))]
    # and a part the words cannot place (含其他…) gives no figure at all, not a class named 其他
    assert read_narrative([Line(1, ("2016年度收入总计(含其他100.00万元)500.00万元。",))], 2016, "final_account")[0] == []


def test_a_bracket_after_the_items_amount_keeps_both_readings() -> None:
    # counter-case: the item's amount first, then what it includes: both read as before
    text = "2016年度收入总计500.00万元(含上年结转100.00万元)。"
    assert headline(text) == [("revenue_total", Decimal("500.00")), ("carryover_in", Decimal("100.00"))]

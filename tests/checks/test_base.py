"""The result collector and the tolerance policy every family shares."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.checks.base import Checker, has_other_funds, same_at_printed_precision, table_totals

from .conftest import disclosure, total


def test_compare_passes_a_sum_and_grades_a_difference_by_the_figures_summed() -> None:
    c = Checker(disclosure())
    c.compare("sum", Decimal("3.00"), [Decimal("1.00"), Decimal("2.00")], "adds up")
    c.compare("sum", Decimal("3.02"), [Decimal("1.00"), Decimal("2.00")], "two figures, 0.02 off")
    c.compare("sum", Decimal("3.03"), [Decimal("1.00"), Decimal("2.00")], "two figures, 0.03 off")
    assert [(r["status"], r["severity"]) for r in c.out] == [("pass", None), ("fail", "rounding"), ("fail", "mismatch")]
    assert (c.out[2]["expected"], c.out[2]["actual"], c.out[2]["disclosure_id"]) == ("3.03", "3.00", "x")


def test_compare_says_nothing_when_either_side_is_not_printed() -> None:
    c = Checker(disclosure())
    c.compare("sum", None, [Decimal(1)], "no total")
    c.compare("sum", Decimal(1), [None, None], "no parts")
    assert c.out == []


def test_result_none_is_not_applicable_and_a_failed_text_is_a_mismatch() -> None:
    c = Checker(disclosure())
    c.result("a", None, "x", None, "not comparable")
    c.result("b", False, "2024", "2022", "wrong year", page=3)
    assert [(r["status"], r["severity"], r["actual"], r["page"]) for r in c.out] == [("not_applicable", None, None, None), ("fail", "mismatch", "2022", 3)]


def test_same_at_printed_precision_accepts_rounding_to_the_prose_places_only() -> None:
    assert same_at_printed_precision(Decimal("24.3120"), Decimal("24.31"))
    assert same_at_printed_precision(Decimal("24.3150"), Decimal("24.32"))  # half up
    assert not same_at_printed_precision(Decimal("24.3120"), Decimal("24.32"))
    assert not same_at_printed_precision(Decimal("24.3"), Decimal("24.31"))  # more places than the table prints
    assert not same_at_printed_precision(None, Decimal(1))


def test_table_totals_keep_the_first_row_of_each_metric_from_one_origin() -> None:
    d = disclosure({"totals": [total("revenue_total", "1"), total("revenue_total", "2"), total("revenue_total", "3", origin="narrative")]})
    assert table_totals(d)["revenue_total"]["amount"] == Decimal(1)
    assert table_totals(d, "narrative")["revenue_total"]["amount"] == Decimal(3)


def test_other_funds_are_revenue_beyond_the_general_public_budget() -> None:
    assert not has_other_funds({"general_public_budget": Decimal(1)})
    assert has_other_funds({"general_public_budget": Decimal(1), "government_fund": Decimal(1)})

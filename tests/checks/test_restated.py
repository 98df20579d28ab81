"""A “三公” figure stated twice in the prose with two amounts."""

from __future__ import annotations

from cnbudget.checks.restated import check_restated_figures

from .conftest import outcomes, run, said


def test_a_three_public_item_stated_twice_differently_fails() -> None:
    # a heading “（三）公务接待费 208.8 万元” and its body “公务接待费支出 201.50 万元”
    stated = [said("three_public", "reception", "208.8", "executed"), said("three_public", "reception", "201.50", "executed")]
    assert outcomes(run(check_restated_figures, {"statements": stated})) == [("fail", "208.8", "201.50")]


def test_one_figure_at_two_precisions_or_in_two_phases_is_not_a_contradiction() -> None:
    same = [said("three_public", "reception", "1.40"), said("three_public", "reception", "1.4")]
    assert run(check_restated_figures, {"statements": same}) == []
    phases = [said("three_public", "reception", "2", "approved"), said("three_public", "reception", "1.4", "executed")]
    assert run(check_restated_figures, {"statements": phases}) == []


def test_the_economic_classification_line_is_not_the_three_public_figure() -> None:
    # 江苏省政协办公厅 2017: “（8）公务接待费（款）支出16万元” (30217, in 公用经费) and “公务接待费支出443.50万元” (“三公”)
    economic = {**said("three_public", "reception", "16"), "text": "（8）公务接待费（款）支出16万元。"}
    assert run(check_restated_figures, {"statements": [economic, said("three_public", "reception", "443.50")]}) == []

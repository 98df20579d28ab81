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

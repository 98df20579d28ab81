"""Placement of amounts into columns, on tiny inline tables (no document)."""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from cnbudget.tables.rows import candidates, resolve_by_totals, split_row

D = Decimal
IDS = [(0, (1, 2))]  # total = basic + project


def test_space_separated_row_has_two_placements() -> None:
    row = split_row(Line(None, ("201 31 01 101001 行政运行 888.56 888.56",)))
    assert row.lead == ["201", "31", "01", "101001"] and row.name == "行政运行"
    assert len(candidates(row, 3, IDS)) == 2


def test_tab_hint_kept_when_it_adds_up() -> None:
    row = split_row(Line(None, ("201", "31", "01", "", "行政运行", "469.47", "426.47", "43.00")))
    assert candidates(row, 3, IDS)[0] == (D("469.47"), D("426.47"), D("43.00"))


def test_column_totals_decide() -> None:
    options = [[(D("888.56"), D("888.56"), None), (D("888.56"), None, D("888.56"))], [(D("381"), D("381"), None), (D("381"), None, D("381"))]]
    picks = resolve_by_totals(options, (D(0), D(0), D(0)), (D("1269.56"), D("888.56"), D("381")))
    assert picks == [0, 1]


def test_no_unique_solution_is_none() -> None:
    options = [[(D("1"), D("1"), None), (D("1"), None, D("1"))], [(D("1"), D("1"), None), (D("1"), None, D("1"))]]
    assert resolve_by_totals(options, (D(0), D(0), D(0)), (D("2"), D("1"), D("1"))) is None

"""Check stage: a disclosure against itself (identities, prose against tables, classification), as rows of ``checks``.

Each family is a module that declares its checks in ``CHECKS``; ``FAMILIES`` lists the families
in the order their results are published. A new family is a new module and one line here.
"""

from __future__ import annotations

from cnbudget.checks import (
    against_budget,
    agree,
    balances,
    bodies,
    changes,
    changes_twice,
    classification,
    contents,
    covers,
    document,
    identities,
    implied_budgets,
    item_names,
    levels,
    listed_changes,
    named_changes,
    names,
    percentages,
    previous,
    procurement,
    prose,
    prose_sums,
    remnants,
    restated,
    three_public,
    unit_name,
    units,
    vehicles,
    years,
    yoy,
)
from cnbudget.checks.base import Check, Checker, Row
from cnbudget.model import Disclosure

# the order of the rows of checks.csv, which is published: append, never reorder
FAMILIES = (classification, agree, levels, identities, three_public, prose, yoy, units, document, percentages, prose_sums, remnants, names, years, restated, previous, unit_name, contents, item_names, procurement, changes, against_budget, vehicles, bodies, implied_budgets, covers, named_changes, balances, changes_twice, listed_changes)
CHECKS: tuple[Check, ...] = tuple(check for family in FAMILIES for check in family.CHECKS)


def check_disclosure(disclosure: Disclosure) -> list[Row]:
    """Every check's results for the disclosure (also stored as its ``checks`` rows)."""
    checker = Checker(disclosure)
    for check in CHECKS:
        check(checker)
    disclosure.rows["checks"] = []
    for row in checker.out:
        disclosure.add("checks", row)  # through the schema: a field it does not declare is a bug
    return disclosure.rows["checks"]

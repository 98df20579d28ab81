"""Every table kind, one line each, in the order titles are matched: the most specific first.

The first kind whose title pattern matches a title wins (a 财政拨款收支总表 before a 收支总表,
a 基本支出表 before a 支出总表), and the kinds' finish steps run in this order too. Adding a
kind is its module under ``tables/`` and its line here.
"""

from __future__ import annotations

from cnbudget.tables import economic, expenditure, function, health, operating, performance, procurement, projects, summary, three_public, unread
from cnbudget.tables.kind import Finisher, TableKind

KINDS: tuple[TableKind, ...] = (
    performance.PERFORMANCE,
    unread.PROJECT_TARGETS,
    unread.FUND,
    unread.STATE_CAPITAL,
    three_public.THREE_PUBLIC,
    operating.OPERATING_FUNDS,
    procurement.PROCUREMENT,
    health.HEALTH_SUMMARY,
    summary.FISCAL_SUMMARY,
    summary.SUMMARY,
    economic.BASIC_ECONOMIC,
    unread.ECONOMIC,
    projects.PROJECTS,
    function.FUNCTION,
    function.FISCAL_DETAIL,
    unread.REVENUE,
    expenditure.EXPENDITURE,
)
BY_NAME: dict[str, TableKind] = {k.name: k for k in KINDS}


def finish_steps() -> list[Finisher]:
    """The kinds' finish steps in registry order, each once (several kinds share one)."""
    return list(dict.fromkeys(step for kind in KINDS for step in kind.finish))

"""A figure printed in two tables is the same amount in both."""

from __future__ import annotations

from collections import defaultdict

from cnbudget.checks.base import Check, Checker, Row, has_other_funds, phase_of, table_revenue


def check_tables_agree(c: Checker) -> None:
    """The same figure printed in two tables is the same amount.

    The 一般公共预算 tables cover one fund; the 收支总表, 支出总表 and 财政拨款 tables cover every
    fund. Where the document has money from other funds (its 收支总表 lists other revenue), their
    figures may differ by design and the comparison is not applicable.
    """
    other_money = has_other_funds(table_revenue(c.d))
    for cross in c.d.evidence.cross:
        (first_table, one), (second_table, two) = cross.first, cross.second
        detail = f"{cross.what}: {first_table} against {second_table}"
        if other_money and one != two:
            c.result("table-figures-agree", None, one, two, detail + " (not comparable: the document has money from other funds)", page=cross.page)
        else:
            c.result("table-figures-agree", one == two, one, two, detail, page=cross.page)
    # every headline figure the tables print (the published totals keep one per metric and phase)
    by_metric: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in c.d.evidence.table_totals:
        by_metric[(row["metric"], row.get("phase") or phase_of(c.d))].append(row)
    for (metric, _phase), rows in sorted(by_metric.items()):
        first = rows[0]
        for other in rows[1:]:
            if other.get("source_table") != first.get("source_table"):
                c.result("table-figures-agree", other["amount"] == first["amount"], first["amount"], other["amount"], f"{metric}: {first.get('source_table')} against {other.get('source_table')}", page=other.get("page"))


CHECKS: tuple[Check, ...] = (check_tables_agree,)

"""A figure printed in two tables is the same amount in both."""

from __future__ import annotations

from collections import defaultdict

from cnbudget.checks.base import Check, Checker, Row, has_other_funds, phase_en, phase_of, phase_zh, phased, quoted, side, table_revenue, titled
from cnbudget.schema.names import METRIC_NAMES

OTHER_FUNDS = "文件还有一般公共预算以外的资金，只含一般公共预算的表与含全部资金的表本可不同"


def check_tables_agree(c: Checker) -> None:
    """The same figure printed in two tables is the same amount.

    The 一般公共预算 tables cover one fund; the 收支总表, 支出总表 and 财政拨款 tables cover every
    fund. Where the document has money from other funds (its 收支总表 lists other revenue), their
    figures may differ by design and the comparison is not applicable.

    Subject: the function code and the kind of the second table (``201/expenditure``); for a
    headline figure, the metric and the second table's title.
    """
    other_money = has_other_funds(table_revenue(c.d))
    for cross in c.d.evidence.cross:
        (first_table, one), (second_table, two) = cross.first, cross.second
        what = f"功能分类科目 {cross.code} {cross.name}".rstrip() if cross.code else cross.what
        subject = f"{cross.code or cross.what}/{cross.scope}"
        detail_en = f"{cross.what}: {first_table} against {second_table}"
        first = side(f"{titled(first_table)}中{what}", one, cross.first_page)
        second = side(f"{titled(second_table)}中的同一科目", two, cross.page)
        if other_money and one != two:
            c.result("table-figures-agree", subject, None, first, second, detail_en + " (not comparable: the document has money from other funds)", reason=OTHER_FUNDS)
        else:
            c.result("table-figures-agree", subject, one == two, first, second, detail_en)
    # every headline figure the tables print (the published totals keep one per metric and phase)
    by_metric: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in c.d.evidence.table_totals:
        by_metric[(row["metric"], row.get("phase") or phase_of(c.d))].append(row)
    for (metric, phase), rows in sorted(by_metric.items()):
        first_row = rows[0]
        for other in rows[1:]:
            if other.get("source_table") != first_row.get("source_table"):
                name = phase_zh(phase, c.d) + quoted(METRIC_NAMES.get(metric, metric))
                c.result(
                    "table-figures-agree",
                    phased(f"{metric}/{other.get('source_table')}", phase, c.d),
                    other["amount"] == first_row["amount"],
                    side(f"{titled(first_row.get('source_table'))}的{name}", first_row["amount"], first_row.get("page")),
                    side(f"{titled(other.get('source_table'))}的{name}", other["amount"], other.get("page")),
                    f"{metric}{phase_en(phase, c.d)}: {first_row.get('source_table')} against {other.get('source_table')}",
                )


CHECKS: tuple[Check, ...] = (check_tables_agree,)

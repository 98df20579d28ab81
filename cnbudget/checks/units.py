"""Amount units: every table declares one, and the prose does not print 万元 figures as 元."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.balances import LINE_FILLER
from cnbudget.checks.base import Check, Checker, Row, at, side, titled
from cnbudget.model import Statement


def check_units(c: Checker) -> None:
    """Each table's declared unit (or the one assumed for it), and 元 figures that are the tables' 万元 ones.

    Subject: the table's title (with its page where one title is printed twice); for a mislabel,
    the figure as printed (``133.05元``).
    """
    notes = c.d.evidence.unit_notes
    titles = Counter(b.title for b in c.d.evidence.blocks)
    for block in c.d.evidence.blocks:
        subject = block.title if titles[block.title] == 1 or block.page is None else f"{block.title}@{block.page}"
        assumed = next((n for n in notes if n.table == block.title), None)
        if assumed and block.empty:
            continue  # a title with no figure under it (a 目录 line, an empty table) has no amounts to declare a unit for
        table = side(f"《{block.title}》所注的金额单位", None, block.page)
        if assumed:
            c.result(
                "amount-unit-declared",
                subject,
                False,
                side("金额单位", None),
                table,
                f"{block.title} declares no amount unit",
                detail=f"《{block.title}》{at(table.pages)}没有注明金额单位，按文件其他表格的单位读作{assumed.assumed}。",
            )
        elif block.unit:
            c.result(
                "amount-unit-declared",
                subject,
                True,
                side("金额单位", block.unit),
                side(table.name, block.unit, block.page),
                f"{block.title} declares its amounts in {block.unit}",
                detail=f"《{block.title}》{at(table.pages)}注明金额单位为{block.unit}。",
            )
    known: dict[Decimal, Row] = {}
    for res, col in (("totals", "amount"), ("revenue_by_source", "amount"), ("expenditure_by_function", "total")):
        for r in c.d.rows.get(res, []):
            if r.get(col) is not None and r.get("origin") == "table":
                known.setdefault(r[col], r)
    for st in c.d.evidence.all_statements:
        if st.unit == "元" and not _indicator_value(st.label):
            as_wan = st.amount.scaleb(4)
            if as_wan in known and as_wan >= 1:
                row = known[as_wan]
                c.result(
                    "unit-mislabel",
                    f"{format_amount(as_wan)}元",
                    False,
                    side(f"{titled(row.get('source_table'))}所印的同一数字", f"{format_amount(as_wan)} 万元", row.get("page")),
                    # the sentence's own page too: a reader checks both sides, and the prose is pages away from the table
                    side(f"文字说明“{st.label[-30:]}{format_amount(as_wan)}元”", f"{format_amount(as_wan)} 元", st.page),
                    f"“{st.label[-30:]}{format_amount(as_wan)}元”: the figure is printed in 元 where the tables give the same number in 万元",
                    detail=f"文字说明“{st.label[-30:]}{format_amount(as_wan)}元”{at(st.page)}以元为单位，而{titled(row.get('source_table'))}{at(row.get('page'))}以万元印出同一数字 {format_amount(as_wan)}：单位疑似写错。",
                )
    _same_figure_two_units(c, set(known))


# the words of a line of one fund (一般公共预算财政拨款年末结转和结余) or the whole's (年末结转和结余资金为): the line's kind
_FUND_WORDS = re.compile(r"^(?:20\d{2}年度?)?(?:一般公共预算|政府性基金预算?|国有资本经营预算)?(?:财政)?(?:拨款)?")
# a change's words (比上年增加): a change printed twice in two units is ``changes``' to judge, against its percentage
_CHANGE_WORDS = re.compile(r"增加|减少|增长|下降|降低|上升|比|较|[^\u4e00-\u9fff]")


def _kind(label: str) -> str | None:
    """The kind of line a figure's words name, without the fund, the year and 资金为; None where they name a change or nothing."""
    kind = LINE_FILLER.sub("", _FUND_WORDS.sub("", label.strip()))
    return kind if len(kind) >= 2 and not _CHANGE_WORDS.search(kind) else None


def _same_figure_two_units(c: Checker, in_tables: set[Decimal]) -> None:
    """One figure printed for a line of the whole in 万元 and for the same line of one fund in 元 (or the other way): one unit is wrong.

    “年末结转和结余资金为5862.89万元” and “一般公共预算财政拨款年末结转和结余5862.89元”: the same six digits, the same line,
    two units; a figure of four significant digits or more does not repeat by chance. Only figures whose words name
    the same kind of line (a change printed twice is not one: ``changes`` judges it against its percentage).
    A figure a table prints in 万元 is left to the comparison with the table above. Subject: the figure as printed in 元
    with its line (``5862.89元/年末结转和结余``).
    """
    by_figure: dict[tuple[Decimal, str], dict[str, Statement]] = {}
    for st in c.d.evidence.all_statements:
        kind = _kind(st.label)
        figure = st.amount.scaleb(4) if st.unit == "元" else st.amount
        if kind is None or st.unit not in ("元", "万元") or figure <= 0 or len(figure.normalize().as_tuple().digits) < 4:
            continue
        by_figure.setdefault((figure, kind), {}).setdefault(st.unit, st)
    for (figure, kind), units in by_figure.items():
        if len(units) < 2 or figure in in_tables:
            continue
        yuan, wan = units["元"], units["万元"]
        printed = format_amount(figure)
        c.result(
            "unit-mislabel",
            f"{printed}元/{kind}",
            False,
            side(f"文字说明“{wan.label.strip()}{printed}万元”所写的{kind}", f"{printed} 万元", wan.page),
            side(f"文字说明“{yuan.label.strip()}{printed}元”所写的{kind}", f"{printed} 元", yuan.page),
            f"“{yuan.label.strip()}{printed}元” and “{wan.label.strip()}{printed}万元”: one figure of one line in two units",
            severity="mismatch",
            detail=f"文字说明“{yuan.label.strip()}{printed}元”{at(yuan.page)}以元为单位，而文字说明“{wan.label.strip()}{printed}万元”{at(wan.page)}"
            f"以万元印出同一数字 {printed}，两处都是{kind}：同一数字不会在两种单位下各成立一次，其中一处单位疑似写错。",
        )


def _indicator_value(label: str) -> bool:
    """Whether the figure is a performance indicator's target (“经济成本指标 ＝ 4500 元/人”), not an amount of the budget.

    An indicator prints its comparison sign (＝ ≥ ≤ …) right before the value; a budget amount never does.
    """
    return re.search(r"[＝=≥≤＞＜><]\s*$", label) is not None


CHECKS: tuple[Check, ...] = (check_units,)

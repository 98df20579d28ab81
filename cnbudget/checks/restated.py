"""A “三公” figure the prose states twice, for one year and phase, with two amounts (208.8 万元 in a heading, 201.50 万元 in its body).

Totals (机关运行经费 among them) and function classes stated twice are ``prose.check_prose_against_tables``'s
(``prose-consistent``); this family adds the “三公” items. Only figures the prose states in the disclosure's
own year are compared, each phase apart (a final account's 预算数 and 决算数 are two figures).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.checks.amounts import same_at_printed_precision
from cnbudget.checks.base import Check, Checker, Row, phase_en, phase_of, phase_zh, phased, quoted, side, stated
from cnbudget.normalise.narrative import section_scope
from cnbudget.schema.names import ITEM_NAMES, SOURCE_NAMES, revenue_named

_ECONOMIC = re.compile(r"[（(]款[)）]|30217|30231|30213|经济分类")
_FUNDS = re.compile(r"机关运行|运行经费|三公|项目")


def _differ(one: Row, two: Row) -> bool:
    """Whether two statements give different figures (24.31 and 24.3120 are one figure at two precisions)."""
    a, b = one["amount"], two["amount"]
    return not (a == b or same_at_printed_precision(a, b) or same_at_printed_precision(b, a))


def fund_and_whole(c: Checker, one: Row, two: Row) -> bool:
    """Whether of two prose figures one lies in a section about one fund (一般公共预算, 财政拨款) and the other not, where the department has other money.

    “基本支出7095.35万元” in the 支出决算 section and “基本支出1656.48万元” under 一般公共预算财政拨款支出: two figures,
    the whole's and the fund's, where a nonzero 事业收入 (or other source than the 一般公共预算) is printed. So are a
    class's 420.00 under 财政拨款收支预算情况 and its 400.00 under 一般公共预算当年拨款结构情况, where other funds or a
    carry-over are printed.
    """
    places = [_place(c, r) for r in (one, two)]
    if min(places) < 0:
        return False
    scopes = [section_scope(c.d.evidence.prose, p) for p in places]
    funds = [scope in ("general", "other") for scope in scopes]
    if funds[0] != funds[1]:
        return _other_money(c)
    # the 财政拨款's section and the 一般公共预算当年拨款's: the first takes in the fund budgets and last year's carry-over
    return all(funds) and scopes[0] != scopes[1] and (_other_money(c) or _carried(c))


# a fund named in the first clause of a sentence: “2018年度一般公共预算收入总计1085.31万元,本年支出…,年末结转和结余30.65万元”
_FUND_NAMED = re.compile(r"一般公共预算|政府性基金|国有资本经营预算|财政拨款")


def one_fund_named(one: Row, two: Row) -> bool:
    """Whether the sentence stating one of two prose figures opens by naming a fund and the other's does not: two figures.

    A fund's 结转下年 is not the unit's, whatever other money is printed: the prose states two figures, not one twice.
    """
    return fund_sentence(one) != fund_sentence(two)


def fund_sentence(row: Row) -> bool:
    """Whether the sentence stating ``row`` opens by naming one fund (its first clause does): its figures are that fund's.

    “2018年度一般公共预算收入总计1085.31万元,本年支出1070.67万元,年末结转和结余30.65万元”: the 30.65 is the
    一般公共预算's carry-over, not the unit's (“2018年度年末结转和结余164.61万元”).
    """
    first = re.split(r"[，,。；;：:]", str(row.get("text") or ""), maxsplit=1)[0]
    return bool(_FUND_NAMED.search(first))


def stated_again(c: Checker, rows: list[Row], values: list[Decimal]) -> Row | None:
    """The row stating the second of the prose's amounts for one subject, where both state the same figure; None where
    there is one amount, or the two are a fund's figure and the whole's (by section, or by a sentence naming the fund)."""
    if len(values) < 2:
        return None
    second = next((r for r in rows if r["amount"] == values[1]), rows[0])
    return None if fund_and_whole(c, rows[0], second) or one_fund_named(rows[0], second) else second


def whole_against_fund(c: Checker, prose: Row, table: Row | None) -> bool:
    """Whether a prose figure outside any section about one fund meets a table of the 一般公共预算 alone, where the department has other money.

    “按支出用途分类，包括人员支出26435.02万元” (every fund's) against the 一般公共预算基本支出表's 人员经费 24287.33: two figures.
    """
    if table is None or "一般公共预算" not in str(table.get("source_table") or "") or not _other_money(c):
        return False
    place = _place(c, prose)
    return place >= 0 and section_scope(c.d.evidence.prose, place) not in ("general", "other")


def other_money(c: Checker) -> Decimal:
    """The year's revenue from sources other than the 一般公共预算 (the carry-over aside): what a whole's figure may exceed the fund's by."""
    rows = c.d.rows.get("revenue_by_source", [])
    return sum((r["amount"] for r in rows if r.get("source") not in (None, "general_public_budget", "carryover") and r.get("amount")), Decimal(0))


def _carried(c: Checker) -> bool:
    """Whether a nonzero carry-over from last year is printed (a 上年结转 line, or the 年初结转和结余 total)."""
    rows = [r for r in c.d.rows.get("revenue_by_source", []) if r.get("source") == "carryover"] + [r for r in c.d.rows.get("totals", []) if r.get("metric") == "carryover_in"]
    return any(r.get("amount") for r in rows)


def _other_money(c: Checker) -> bool:
    """Whether a nonzero source other than the 一般公共预算 (and the carry-over) is printed."""
    return other_money(c) > 0


def _place(c: Checker, row: Row) -> int:
    """Where the end of the sentence stating ``row`` lies in the prose; -1 where it is not found."""
    said = str(row.get("text") or "")
    found = c.d.evidence.prose.find(said) if said else -1
    return found + len(said) if found >= 0 else -1


def _clause(row: Row) -> re.Match[str] | None:
    """The words of the sentence that state the figure, up to its amount (in 万元, or printed in 元: “一般公共预算拨款收入 133.05 元”)."""
    amount = row["amount"]
    printed = rf"(?<![\d.]){re.escape(str(amount))}\s*万元|(?<![\d.]){re.escape(str(amount.scaleb(4)))}\s*元"
    text = re.sub(r"(?<=\d)[,，](?=\d{3})", "", str(row.get("text") or ""))  # 4,651.67 is one amount
    found = list(re.finditer(rf"[^，,。；;：:\n]{{0,30}}?(?:{printed})", text))
    name = SOURCE_NAMES.get(str(row["subject"])) or ITEM_NAMES.get(str(row["subject"])) or ""
    return next((m for m in found if name and name in m.group(0)), found[0] if found else None)  # the clause naming it, where two print the amount


def _printed(row: Row) -> str:
    """The words that state a figure, as printed (（原文“2018年一般公共预算拨款收入205.3万元”）); "" where its amount is not found as printed."""
    m = _clause(row)
    return f"（原文“{m.group(0)}”）" if m else ""


def _of_the_year(row: Row) -> bool:
    """Whether a revenue source's figure is the year's, in a sentence about revenue: not what funds another figure
    (“机关运行经费，当年一般公共预算拨款6.83万元”), nor the carry-over's part (“上年结转结余的一般公共预算收入0万元”)."""
    text, m = str(row.get("text") or ""), _clause(row)
    return "收入" in text and not _FUNDS.search(text) and not (m is not None and re.search(r"结转|结余", m.group(0)))


def _one_name(one: Row, two: Row) -> bool:
    """Whether two statements of a revenue source name one figure: “一般公共预算收入” (the fund's, its carry-over in it) and
    “一般公共预算拨款收入” (the year's appropriation) are two; a “三公” item's are always one."""
    if one.get("resource") != "revenue_by_source":
        return True
    words = [m.group(0) if (m := _clause(r)) else None for r in (one, two)]
    return words[0] is not None and words[1] is not None and ("拨款" in words[0]) == ("拨款" in words[1])


def check_restated_figures(c: Checker) -> None:
    """The first two different amounts the prose gives one “三公” item of one year and phase.

    Subject: the item or metric (``reception``; ``reception/executed`` for another phase than the disclosure's own).
    """
    fy, own = c.d.meta.get("fiscal_year"), phase_of(c.d)
    groups: dict[tuple[str, str], list[Row]] = {}
    # a source is restated only in sentences about revenue: “机关运行经费，当年一般公共预算拨款6.83万元” is what funds another figure
    sources = [r for r in stated(c.d, "revenue_by_source") if _of_the_year(r)]
    for row in [*stated(c.d, "three_public"), *sources]:
        if _ECONOMIC.search(str(row.get("text") or "")):
            continue  # “公务接待费（款）支出 16 万元” is the economic classification's 30217, part of 公用经费, not the “三公” figure
        if row.get("fiscal_year") in (None, fy):
            groups.setdefault((str(row["subject"]), row.get("phase") or own), []).append(row)
    for (subject, phase), rows in sorted(groups.items(), key=lambda g: (g[0][0] not in ITEM_NAMES, g[0])):  # the “三公” items first
        second = next((r for r in rows[1:] if _differ(rows[0], r) and _one_name(rows[0], r)), None)
        if second is None:
            continue
        zh = phase_zh(phase, c.d)
        name = (quoted(ITEM_NAMES[subject]) if subject in ITEM_NAMES else revenue_named(subject)) + (f"（{zh}）" if zh else "")
        c.result(
            "prose-restates-consistently",
            phased(subject, phase, c.d),
            False,
            side(f"文字说明第一次所写的{name}{_printed(rows[0])}", rows[0]["amount"], rows[0].get("page")),
            side(f"文字说明另一处所写的{name}{_printed(second)}", second["amount"], second.get("page")),
            f"the prose states {subject}{phase_en(phase, c.d)} twice with different amounts",
        )


CHECKS: tuple[Check, ...] = (check_restated_figures,)

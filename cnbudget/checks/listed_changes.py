"""Changes and totals the prose lists subject by subject: a list of changes on last year whose rates follow with 分别
(yoy-agrees), and the 收、支总计 template with two figures put in it (revenue-equals-expenditure).

“2020年度收入476.17、支总计460.06万元。与2019年相比,收入减少84.55、支出总计减少99.6万元,分别下降18%、21.6%。”: each
subject's change is stated after its name, the rates after them with 分别, this year's figures in the sentence before, in
the same order. And the 收、支总计 of a disclosure are one figure (a budget balances; a final account's 收入总计 and 支出总计
count the carry-overs on both sides): the template “收、支总计各为 X 万元” filled with two different figures says two.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.amounts import AMOUNT, UP, change_on_last_year
from cnbudget.checks.base import Check, Checker, at, page_at, sentence_start, side
from cnbudget.checks.yoy import report_change

_CHANGE = rf"[^。；;，,、\d]{{1,12}}?(?:增加|减少)\s*(?:{AMOUNT})\s*(?:万元)?"
# “与2019年相比,收入减少84.55、支出总计减少99.6万元,分别下降18%、21.6%”: two to six subjects, each with its change
_LISTED = re.compile(
    r"(?:与|和|较|比)(?P<year>上年|上一年|\d{4}年)度?(?:相比|比较)?\s*[，,]\s*"
    rf"(?P<changes>(?:{_CHANGE}\s*[、，,]\s*){{1,5}}{_CHANGE})\s*[，,]\s*分别(?P<rw>增长|下降|增加|减少)\s*"
    r"(?P<p>\d+(?:\.\d+)?\s*%(?:\s*[、，,和]\s*\d+(?:\.\d+)?\s*%){1,5})"
)
_ONE_CHANGE = re.compile(rf"(?P<subject>[^。；;，,、\d]{{1,12}}?)(?P<dir>增加|减少)\s*(?P<d>{AMOUNT})\s*(?P<u>万元)?")
# this year's figures in the sentence before, each after its subject's name; a number before 年, 月 or 日 is a date (passed
# over), one before 元, %, 个, 人 … makes the sentence no list of this year's figures in 万元 (``_figures_before``)
_FIGURE = re.compile(rf"(?P<subject>[^。；;，,、\d]{{0,12}}?)(?P<n>{AMOUNT})(?![\d.,])\s*(?P<u>万元|元|年|月|日|%|％|个|人|辆|台|家|项|次)?")
# the 收、支总计 template filled with two figures: “2020年度收入476.17、支总计460.06万元” (the year's 收入 right after the
# year, the first figure without its unit; a 本年收入 or 财政拨款收入 is another figure) or “收、支总计各是4125.49,4143.91万元”
_TEMPLATE_TOTALS = re.compile(
    rf"(?<=\d年)度?收入(?:总计)?\s*(?P<a>{AMOUNT})\s*[、，,]\s*支(?:出)?总计\s*(?P<b>{AMOUNT})\s*万元"
    rf"|收、支(?:出)?总计(?:各|分别)(?:是|为)?\s*(?P<a2>{AMOUNT})\s*[，,、]\s*(?P<b2>{AMOUNT})\s*万元"
)


def _figures_before(text: str, position: int, fiscal_year: int | None) -> list[tuple[str, Decimal]] | None:
    """(subject, amount in 万元) of each figure of the sentence ending just before ``position``; None where it is not
    one of this year's list (a figure in 元 or with no unit at the end, another year named, a percentage in it)."""
    end = text.rfind("。", 0, position)
    if end < 0 or text[end + 1 : position].strip():
        return None  # the change's sentence must open right after the figures' sentence
    start = sentence_start(text, end, "。；;")
    sentence = text[start:end]
    for year in re.findall(r"(20\d{2})年", sentence):
        if fiscal_year is None or int(year) != fiscal_year:
            return None
    out, last_unit = [], None
    for m in _FIGURE.finditer(sentence):
        unit = m.group("u")
        if unit in ("年", "月", "日"):
            continue
        if unit not in (None, "万元"):
            return None
        out.append((m.group("subject"), Decimal(m.group("n").replace(",", ""))))
        last_unit = unit
    return out if last_unit == "万元" else None


def check_listed_changes(c: Checker) -> None:
    """“A、B 万元。与上年相比，甲减少 C、乙减少 D 万元，分别下降 P%、Q%”: each rate against its subject's two figures.

    Taken only where the sentence before states exactly as many figures as there are changes and rates, in 万元 (one
    unit printed after the last serves the list), in the same order: each change's subject opens with a character of
    its figure's subject (收入 … 收入, 支出总计 … 支总计), and the rates' word has the changes' direction. Last year is
    X − D (X + D for a fall). Subject: the three printed figures (``476.17/减少84.55/18%``).
    """
    text = c.d.evidence.prose
    fiscal_year = c.d.meta.get("fiscal_year")
    for m in _LISTED.finditer(text):
        if m.group("year")[0].isdigit() and (not isinstance(fiscal_year, int) or int(m.group("year")[:4]) != fiscal_year - 1):
            continue  # a comparison with a year other than the one before
        changes = list(_ONE_CHANGE.finditer(m.group("changes")))
        rates = [Decimal(p) for p in re.findall(r"\d+(?:\.\d+)?", m.group("p"))]
        figures = _figures_before(text, sentence_start(text, m.start(), "。；;"), fiscal_year if isinstance(fiscal_year, int) else None)
        if not figures or not (len(changes) == len(rates) == len(figures)):
            continue
        if any((x.group("dir") in UP) != (m.group("rw") in UP) for x in changes):
            continue  # a rise and a fall under one 分别下降: the sentence does not say which rate is whose
        if any(x.group("subject").strip()[:1] not in subject for x, (subject, _) in zip(changes, figures, strict=True)):
            continue  # the subjects are not in the same order (or not named alike): which figure changed it does not say
        if changes[-1].group("u") is None:
            continue  # the list's unit is printed after its last change (减少84.55、支出总计减少99.6万元)
        page = page_at(c.d, m.start())
        quote = text[sentence_start(text, m.start(), "。；;\n") : m.end()][-90:]
        for x, (_, current), rate in zip(changes, figures, rates, strict=True):
            change = Decimal(x.group("d").replace(",", ""))
            judged = change_on_last_year(current, change, x.group("dir"), rate)
            if judged is None:
                continue  # last year at or below zero: a figure misread more likely than a statement
            previous, verdict = judged
            report_change(
                c, f"{format_amount(current)}/{x.group('dir')}{x.group('d')}/{rate}%", verdict, f"…{quote}",
                f"按前一句所写的{x.group('subject').strip()}本年数 {format_amount(current)} 万元与增减额 {format_amount(change)} 万元推得的上年数 {format_amount(previous)} 万元算出的幅度",
                f"“…{quote}”: {format_amount(change)} 万元 against last year's {format_amount(previous)} 万元 (listed with 分别; this year's figure in the sentence before)",
                (current, change, x.group("dir"), rate, "万元"), page,
            )


def check_template_totals(c: Checker) -> None:
    """The 收、支总计 template filled with two figures (“收入 A、支总计 B 万元”, “收、支总计各是 A,B 万元”): A equals B.

    Only this year's (the sentence names no other year). Subject: ``narrative/template``.
    """
    text = c.d.evidence.prose
    fiscal_year = c.d.meta.get("fiscal_year")
    for m in _TEMPLATE_TOTALS.finditer(text):
        start = sentence_start(text, m.start(), "。；;\n")
        years = re.findall(r"(20\d{2})年", text[start : m.start()])
        if any(not isinstance(fiscal_year, int) or int(y) != fiscal_year for y in years):
            continue
        a, b = (Decimal((m.group(g) or m.group(g + "2")).replace(",", "")) for g in ("a", "b"))
        page = page_at(c.d, m.start())
        quote = text[start : m.end()][-60:]
        c.result(
            "revenue-equals-expenditure",
            "narrative/template",
            a == b,
            side(f"文字说明“{quote}”所写的收入总计", a, page),
            side("同一处所写的支出总计", b, page),
            f"“{quote}”: the 收、支总计 template filled with two figures",
            detail=None if a == b else f"文字说明“{quote}”{at(page)}把收入、支出总计写成 {format_amount(a)} 万元和 {format_amount(b)} 万元；"
            f"收、支总计应为同一数额（收入总计等于支出总计），两者相差 {format_amount(abs(a - b))} 万元。",
            severity=None if a == b else "mismatch",
        )


CHECKS: tuple[Check, ...] = (check_listed_changes, check_template_totals)

"""The prose's year-on-year changes: a change's percentage against the two amounts it compares (yoy-agrees)."""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.amounts import AMOUNT, AMOUNT_LIST, OPEN, RATE_WORD, UP, change_on_last_year, directions, listed_amounts, this_year_base_note
from cnbudget.checks.base import Check, Checker, at, page_at, sentence_start, side
from cnbudget.checks.rounding import rounded_change_reason
from cnbudget.checks.subjects import sentence_figures, subject_unsure
from cnbudget.normalise.prose_words import ANY_YEAR, OPENING_YEAR

YOY = re.compile(
    r"(?P<cur>\d[\d,]*(?:\.\d+)?)\s*(?P<cu>万)?元[^。；;万元]{0,30}?(?:(?:比|较|与)(?:上年|上一年|去年|\d{4}年)[^。；;\d]{0,16}?|同比)"
    rf"(?P<dir>增加|减少|增长|下降|降低|上升|增(?=[（(]减[)）])){OPEN}了?\s*(?P<d>\d[\d,]*(?:\.\d+)?)\s*(?P<du>万)?元"
    rf"(?:[，,、]?\s*(?:同比)?{RATE_WORD}了?|\s*[（(])\s*(?P<p>\d+(?:\.\d+)?)\s*%"
)
# (a template's two directions kept, 各增加(减少)67.65万元,增长(下降)…%, leave the direction open: ``_open_direction``; 比去年 is
# 比上年, and 减少了 D 万元,下降了 P% the same change)


# “决算为62.07万元，完成全年预算84.82万元的73.2%，比上年决算数增加38.97万元”: the amount compared with last
# year is the 决算 the completion rate is of, printed before it, not the budget the rate names
_COMPLETION_OF = re.compile(r"(?P<cur>\d[\d,]*(?:\.\d+)?)\s*万元\s*[，,]?\s*完成(?:全年|年初|调整)?预算(?:数)?\s*$")


# “37813.3万元(含西部计划20168万元),比2012年增加2238.58万元”: a part in brackets (含, 其中, 包括); the figure before it changed
_PART_IN_BRACKETS = re.compile(r"(?P<cur>\d[\d,]*(?:\.\d+)?)\s*(?P<cu>万)?元\s*[（(](?:含|其中|包括)[^（()）。；;]*$")


def check_year_on_year(c: Checker) -> None:
    """“X 万元，比上年增加 D 万元，增长 P%” (or “同比增加 D 万元”, or “减少 D 万元（P%）”): P follows from D and last year's X − D (or X + D).

    The stated percentage agrees when the computed one rounds to it (``percent_agrees``, as for
    stated shares); one unit off in its last place fails as rounding. Subject: the three printed figures
    (``214.11/减少11.48/5.09%``).
    """
    text = c.d.evidence.prose
    for m in YOY.finditer(text):
        change, stated = (Decimal(m.group(g).replace(",", "")) for g in ("d", "p"))
        completed = _COMPLETION_OF.search(text, max(0, m.start() - 40), m.start())
        inside = _PART_IN_BRACKETS.search(text, max(0, m.start() - 60), m.start())
        cur = completed.group("cur") if completed else inside.group("cur") if inside else m.group("cur")
        current = Decimal(cur.replace(",", ""))
        if not completed and bool((inside or m).group("cu")) != bool(m.group("du")):
            continue  # “X 万元 … 同比增加 D 元” (or X 元（含…）): two units in one comparison, more likely two figures than one
        if _earlier_year(text, m.start("cur"), c.d.meta.get("fiscal_year")):
            continue  # “2024年收入预算总计363.13万元,同比降低123.13万元” in a 2025 budget: the figure is last year's, the change from it
        unit = "万元" if completed or (inside or m).group("cu") else "元"
        page = page_at(c.d, m.start())
        subject = f"{cur}/{m.group('dir')}{m.group('alt') or ''}{m.group('d')}/{m.group('p')}%"
        if len(directions(m.group("dir"), m.group("alt"))) > 1:
            _open_direction(c, subject, current, change, stated, unit, m.group(0)[-60:], page)
            continue
        if not completed and not inside and subject_unsure(text, m) and _unsure_subject(c, m, subject, change if unit == "万元" else change.scaleb(-4), stated, page):
            continue
        judged = change_on_last_year(current, change, m.group("dir"), stated)
        if judged is None:
            _from_nothing(c, current, cur, m.group("dir"), change, stated, unit, m.group(0)[-60:], page)
            continue
        previous, verdict = judged
        report_change(
            c, subject, verdict, f"…{m.group(0)[-60:]}",
            f"按增减额 {format_amount(change)} {unit}与上年数 {format_amount(previous)} {unit}算出的幅度",
            f"“…{m.group(0)[-60:]}”: {format_amount(change)} {unit} against last year's {format_amount(previous)} {unit}",
            (current, change, m.group("dir"), stated, unit), page,
        )


def report_change(
    c: Checker, subject: str, verdict: tuple[bool, Decimal, str], quote: str, basis: str, en: str, change: tuple[Decimal, Decimal, str, Decimal, str], page: int | None
) -> None:
    """Record one yoy-agrees result: the rate printed in ``quote`` against the one ``basis`` names (``change_on_last_year``'s
    ``verdict``); ``change`` is (this year's figure, the change, its direction, the printed rate, their unit).

    A mismatch notes a rate computed over this year's figure instead of last year's; a rate one unit off, the reason it
    may be the source's own rounding. Every reader of a change on last year records its verdict so.
    """
    ok, computed, severity = verdict
    current, amount, direction, printed, unit = change
    c.result(
        "yoy-agrees",
        subject,
        ok,
        side(f"文字说明“{quote}”所写的增减幅度", f"{printed}%", page),
        side(basis, f"{computed}%", page),
        en,
        severity=severity or None,
        note=this_year_base_note(amount, current, printed, unit) if severity == "mismatch" else None,
        reason=None if ok else rounded_change_reason(amount, current, direction, printed, unit),
    )


def _unsure_subject(c: Checker, m: re.Match[str], subject: str, change: Decimal, stated: Decimal, page: int | None) -> bool:
    """A change whose sentence does not say which of its figures changed (``subjects.subject_unsure``) and that the
    figure nearest it cannot be of (last year would be below zero): judged by the sentence's other figures. True where
    judged; False where the nearest figure gives a last year above zero (judged against it, as any change is) or no
    figure does (a rise from nothing is ``_from_nothing``'s).

    It holds where another figure of the sentence, taken as this year's, gives the printed percentage; it fails only
    where none does — shown against the reading nearest to the printed rate.
    """
    figures = sentence_figures(c.d.evidence.prose, m)
    if not figures or change_on_last_year(figures[0], change, m.group("dir"), stated) is not None:
        return False
    readings = [(figure, *judged) for figure in figures[1:] if (judged := change_on_last_year(figure, change, m.group("dir"), stated)) is not None]
    if not readings:
        return False
    quote = m.group(0)[-60:]
    held = next((r for r in readings if r[2][0]), None)
    figure, previous, (ok, computed, severity) = held or min(readings, key=lambda r: abs(r[2][1] - stated))
    others = "、".join(format_amount(f) for f in figures if f != figure)
    c.result(
        "yoy-agrees",
        subject,  # the caller's, with the template's alternative where one is printed
        ok,
        side(f"文字说明“…{quote}”所写的增减幅度", f"{stated}%", page),
        side(f"按句中所写的 {format_amount(figure)} 万元为本年数、增减额 {format_amount(change)} 万元推得的上年数 {format_amount(previous)} 万元算出的幅度", f"{computed}%", page),
        f"“…{quote}”: which figure of the sentence changed it does not say; against {format_amount(figure)}, the reading nearest the printed rate",
        severity=severity or None,
        note=f"句中其他金额（{others} 万元）作为本年数也都得不出所写的 {stated}%" if others else None,
    )
    return True


def _from_nothing(
    c: Checker, current: Decimal, cur: str, direction: str, change: Decimal, stated: Decimal, unit: str, quote: str, page: int | None
) -> None:
    """A rise by exactly this year's figure (last year nothing) printed with a percentage: a fail, for no rate is of nothing.

    “收入、支出总计各增加506.91万元，增长100%” on 506.91 万元: last year was 0, and a rise from nothing has no rate
    (100% is a doubling). Only where the change equals this year's figure as printed: a change larger than the figure
    (last year below zero) is more likely a figure misread than a statement, and is left alone; and only against last
    year (上年, 同比, or the year before the disclosure's by number). ``current`` is this year's figure, ``cur`` it as printed
    (quoted in the result).
    """
    if direction not in UP or current != change or stated == 0 or _against_another_year(quote, c.d.meta.get("fiscal_year")):
        return
    c.result(
        "yoy-agrees",
        f"{cur}/{direction}{format_amount(change)}/{stated}%",
        False,
        side(f"文字说明“…{quote}”所写的增减幅度", f"{stated}%", page),
        side(f"增减额 {format_amount(change)} {unit}等于本年数 {cur} {unit}，上年数为 0", "无从计算", page),
        f"“…{quote}”: the change equals this year's figure, so last year was 0 and no percentage is of it",
        detail=(
            f"文字说明“…{quote}”所写的增减幅度为 {stated}%；增减额 {format_amount(change)} {unit}等于本年数 {cur} {unit}，"
            f"上年数为 0，由 0 增加无增减幅度可言（{stated}% 并非由 0 算出），两者不符。"
        ),
        severity="mismatch",
    )


def _against_another_year(quote: str, fiscal_year: int | None) -> bool:
    """Whether ``quote`` compares with a year named by number other than the one before ``fiscal_year`` (None or no
    year named: False): “与2018年度预算相比” in a 2018 final account is the year's own budget, not last year."""
    named = re.search(r"(?:比|较|与|和)(20\d{2})年", quote)
    return bool(named and fiscal_year and int(named.group(1)) != int(fiscal_year) - 1)


def _open_direction(c: Checker, subject: str, current: Decimal, change: Decimal, stated: Decimal, unit: str, quote: str, page: int | None) -> None:
    """A change whose template kept both directions (各增加(减少)D万元，增长P%): P against last year in either; a fail where neither gives it.

    The amount and the rate are still the page's own (|this − last| and |rate|); only the direction is open, so last
    year is X − D or X + D. A rise by exactly this year's figure is one from nothing (last year 0), which no rate is
    of (as ``_from_nothing``); a reading that puts last year below zero is none. Not judged where the sentence compares
    with a named year other than the one before, or where a change printed in whole 万元 may itself be rounded.
    """
    if _against_another_year(quote, c.d.meta.get("fiscal_year")):
        return
    readings: list[tuple[str, Decimal, bool, str, str]] = []  # (direction, last year, agrees, the rate computed, severity)
    for way in ("增加", "减少"):
        judged = change_on_last_year(current, change, way, stated)
        if judged is not None:
            previous, (ok, computed, severity) = judged
            readings.append((way, previous, ok, f"{computed}%", severity))
        elif way in UP and current == change and stated != 0:
            readings.append((way, Decimal(0), False, "无从计算", "mismatch"))
    if not readings:
        return
    agreeing = [r for r in readings if r[2]]
    reason = None if agreeing else next((why for r in readings if r[1] > 0 and (why := rounded_change_reason(change, current, r[0], stated, unit))), None)
    shown = (agreeing or sorted(readings, key=lambda r: ("rounding", "mismatch").index(r[4])))[0]
    said = "；".join(
        f"按{way}算，上年数为 {format_amount(previous)} {unit}，幅度为 {computed}" if previous > 0 else f"按{way}算，增减额等于本年数，上年数为 0，由 0 增加无增减幅度可言"
        for way, previous, _, computed, _ in readings
    )
    c.result(
        "yoy-agrees",
        subject,
        bool(agreeing),
        side(f"文字说明“…{quote}”所写的增减幅度", f"{stated}%", page),
        side(f"按本年数 {format_amount(current)} {unit}与增减额 {format_amount(change)} {unit}（作{shown[0]}）推得的上年数算出的幅度", shown[3], page),
        f"“…{quote}”: the template's two directions are kept; the percentage against last year in either",
        severity=None if agreeing else shown[4],
        reason=reason,
        detail=None
        if agreeing
        else f"文字说明“…{quote}”{at(page)}所写的增减额 {format_amount(change)} {unit}并列“增加”“减少”两个方向（模板的两种写法都留着），"
        f"方向未定；本年数为 {format_amount(current)} {unit}，{said}，都与所写的 {stated}% 不符。",
    )


def _earlier_year(text: str, position: int, fiscal_year: int | None) -> bool:
    """Whether the clause before ``position`` names a year before the disclosure's (the figure there is of that year).

    A clause naming no year takes the year of the nearest clause before it in the sentence that names one:
    “2022年度收入总计400.22万元,支出总计400.22万元,与2022年度相比…增加52.91万元” — the 400.22 before the comparison is 2022's.
    """
    start = sentence_start(text, position)
    own, *before = reversed(re.split(r"[，,]", text[max(start, position - 120) : position]))
    years = re.findall(r"(20\d{2})年", own[-30:])
    if years or not fiscal_year:
        return bool(years and fiscal_year and int(years[-1]) < fiscal_year)
    for clause in before:  # only a clause opening with its year gives it to those after it; “与2022年相比,” does not
        if (opening := OPENING_YEAR.match(clause)) is not None:
            return int(opening.group(1)) < fiscal_year
        if ANY_YEAR.search(clause):
            return False
    return False


# “收、支总计均为1,145.52万元。与2022年度相比，收、支总计各增加342万元，增长29.86%。” / “收、支总计各是4125.49,4143.91万元。
# 与2021年相比，收、支总计各减少1267.86,2570.97万元，各下降23.51%、38.28%。”: the change's sentence names its figures in the one before
_CARRIED_YOY = re.compile(
    rf"(?P<cur>{AMOUNT_LIST})\s*万元。\s*(?:与|和|较|比)(?:上年|上一年|\d{{4}}年)(?:度)?(?:相比|比较)?\s*[，,]?[^。；;\d]{{0,14}}?"
    rf"(?P<dir>增加|减少){OPEN}\s*(?P<d>{AMOUNT_LIST})\s*万元\s*[，,]\s*(?:各|分别)?{RATE_WORD}\s*(?P<p>\d+(?:\.\d+)?\s*%(?:\s*[，,、和]\s*\d+(?:\.\d+)?\s*%)*)"
)


def check_year_on_year_carried(c: Checker) -> None:
    """A change on last year whose figures the sentence before states (“…均为 X 万元。与上年相比…各增加 D 万元，增长 P%”).

    The sentence before must end with the figures; a list (“各是 A,B 万元 … 各减少 C,D 万元，各下降 P%、Q%”) is
    taken in order, one figure for all where it states one (均为). Last year is X − D (or X + D), as in
    ``check_year_on_year``. Subject: the three printed figures (``1,145.52/增加342/29.86%``).
    """
    text = c.d.evidence.prose
    for m in _CARRIED_YOY.finditer(text):
        begin = sentence_start(text, m.start("cur"), "。；;")
        if re.search(rf"(?:{AMOUNT})\s*万?元", text[begin : m.start("cur")]):
            continue  # the sentence before states other figures too (一般公共预算 X 万元，政府性基金 0.00 万元): which one changed it does not say
        current, changes, stated = listed_amounts(m.group("cur")), listed_amounts(m.group("d")), [Decimal(p) for p in re.findall(r"\d+(?:\.\d+)?", m.group("p"))]
        n = max(len(current), len(changes), len(stated))
        if any(len(x) not in (1, n) for x in (current, changes, stated)):
            continue  # lists of different lengths: which figure goes with which the sentence does not say
        page = page_at(c.d, m.start())
        quote = m.group(0)[-90:]
        for i in range(n):
            cur, change, printed = (x[i if len(x) > 1 else 0] for x in (current, changes, stated))
            if len(directions(m.group("dir"), m.group("alt"))) > 1:
                subject = f"{format_amount(cur)}/{m.group('dir')}{m.group('alt')}{format_amount(change)}/{printed}%"
                _open_direction(c, subject, cur, change, printed, "万元", quote, page)
                continue
            judged = change_on_last_year(cur, change, m.group("dir"), printed)
            if judged is None:
                _from_nothing(c, cur, format_amount(cur), m.group("dir"), change, printed, "万元", quote, page)
                continue
            previous, verdict = judged
            report_change(
                c, f"{format_amount(cur)}/{m.group('dir')}{format_amount(change)}/{printed}%", verdict, f"…{quote}",
                f"按前一句所写的本年数 {format_amount(cur)} 万元与增减额 {format_amount(change)} 万元推得的上年数 {format_amount(previous)} 万元算出的幅度",
                f"“…{quote}”: {format_amount(change)} 万元 against last year's {format_amount(previous)} 万元 (this year's figure in the sentence before)",
                (cur, change, m.group("dir"), printed, "万元"), page,
            )


CHECKS: tuple[Check, ...] = (check_year_on_year, check_year_on_year_carried)

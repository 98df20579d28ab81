"""Changes on last year the other families pass over: a sentence that prints last year's figure and the change but not this year's, and a change printed in another unit than its figure.

“比2021年预算231.17万元增加33.55万元，增长17.51%”: the percentage is the change over last year's figure, whatever
this year's (the sentence before may hold it, or not). “收入总计520.52万元，与2016年相比，减少51.48元，减少11.02%”:
the change's unit is not its figure's, so which amount is meant is unsure; the percentage fails only when it
follows from neither reading (the change in 元, or in 万元 as its figure).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount, printed_wan
from cnbudget.checks.amounts import NUM, change_on_last_year, half_unit, percent_agrees
from cnbudget.checks.base import Check, Checker, page_at, side
from cnbudget.checks.percentages import CHANGE
from cnbudget.checks.prose import YOY

_AMOUNT = re.compile(rf"{NUM}\s*万?元")
# “收入总计3000000元,其中拨款100元,与上年相比,减少60万元”: the change's clause stands apart (after a comma) from the
# figure nearest it, and the sentence states another figure before that one: which of them changed it does not say
SUBJECT_UNSURE = "增减额与最近的金额隔有逗号，句中此前还写有其他金额，增减所说的是哪一个数不能确定，不作判断"


def subject_unsure(text: str, m: re.Match[str]) -> bool:
    """True when the change's clause is parted from the figure ``cur`` by a comma and its sentence states an amount before it."""
    begin = max(text.rfind(mark, 0, m.start("cur")) for mark in "。；;") + 1
    parted = re.search(r"[，,]", text[m.end("cur") : m.start("dir")]) is not None
    return parted and _AMOUNT.search(text, begin, m.start("cur")) is not None


# 比2021年预算231.17万元增加33.55万元，增长17.51%: last year's figure and the change, the percentage after them
_PRINTED_LAST_YEAR = re.compile(
    rf"(?:比|较)(?:上年|上一年|\d{{4}}年)(?:度)?[^\d。；;，,%增减]{{0,10}}?(?P<prev>{NUM})(?P<pu>万?元)[，,]?"
    rf"(?P<dir>增加|减少)(?P<d>{NUM})(?P<du>万?元)[，,](?:同比)?(?:增长|下降|增幅|降幅|减少|增加)了?(?P<p>\d+(?:\.\d+)?)%"
)


def check_change_on_printed_last_year(c: Checker) -> None:
    """“比上年 A 万元增加 D 万元，增长 P%” with no figure of this year just before it: P against D over A.

    Where this year's figure is printed just before (“X 万元，比上年 A 万元…”) ``percentages.check_last_year_figure``
    compares it; this check takes the rest. Subject: ``比231.17/增加33.55/17.51%``.
    """
    text = c.d.evidence.prose
    covered = {m.start("prev") for m in CHANGE.finditer(text) if m.group("prev") is not None}
    for m in _PRINTED_LAST_YEAR.finditer(text):
        if m.start("prev") in covered:
            continue
        previous, change, printed = printed_wan(m.group("prev"), m.group("pu")), printed_wan(m.group("d"), m.group("du")), Decimal(m.group("p"))
        if previous <= 0:
            continue
        ok, computed, severity = percent_agrees(change, previous, printed, half_unit(change), half_unit(previous))
        page = page_at(c.d, m.start())
        c.result(
            "change-percent-agrees",
            f"比{m.group('prev')}/{m.group('dir')}{m.group('d')}/{printed}%",
            ok,
            side(f"文字说明“{m.group(0)}”所写的增减幅度", f"{printed}%", page),
            side(f"按增减额 {format_amount(change)} 万元与同句所写的上年数 {format_amount(previous)} 万元算出的幅度", f"{computed}%", page),
            f"“{m.group(0)}”: the change against last year's figure printed with it",
            severity=severity or None,
        )


def check_change_in_another_unit(c: Checker) -> None:
    """“X 万元，与上年相比，减少 D 元，减少 P%”: P against D taken both in 元 and in 万元; fails only when neither gives it.

    ``prose.check_year_on_year`` passes over a change whose unit is not its figure's. Subject as there
    (``520.52/减少51.48/11.02%``).
    """
    text = c.d.evidence.prose
    for m in YOY.finditer(text):
        if bool(m.group("cu")) == bool(m.group("du")):
            continue  # one unit: prose.check_year_on_year's
        current, printed = printed_wan(m.group("cur"), f"{m.group('cu') or ''}元"), Decimal(m.group("p"))
        as_printed, as_figure = printed_wan(m.group("d"), f"{m.group('du') or ''}元"), printed_wan(m.group("d"), f"{m.group('cu') or ''}元")
        readings = []
        for change in (as_printed, as_figure):
            judged = change_on_last_year(current, change, m.group("dir"), printed)
            if judged is not None:
                readings.append((change, *judged))
        if not readings or any(r[2][0] for r in readings):
            continue
        page = page_at(c.d, m.start())
        quote = m.group(0)[-60:]
        unsure = subject_unsure(text, m)
        said = "；".join(f"按增减额 {format_amount(ch)} 万元与上年数 {format_amount(pr)} 万元算出的幅度为 {r[1]}%" for ch, pr, r in readings)
        c.result(
            "yoy-agrees",
            f"{m.group('cur')}/{m.group('dir')}{m.group('d')}/{m.group('p')}%",
            False,
            side(f"文字说明“…{quote}”所写的增减幅度", f"{printed}%", page),
            side("按增减额以元或以万元计算出的幅度", f"{readings[-1][2][1]}%", page),
            f"“…{quote}”: the change is printed in another unit than its figure, and the percentage follows from neither"
            + (" (not judged: which figure changed is unsure)" if unsure else ""),
            reason=SUBJECT_UNSURE if unsure else None,
            severity="mismatch",
            detail=None
            if unsure
            else f"文字说明“…{quote}”{'' if page is None else f'（第{page}页）'}所写的增减额与本年数单位不同；{said}，都与所写的 {printed}% 不符。",
        )


CHECKS: tuple[Check, ...] = (check_change_on_printed_last_year, check_change_in_another_unit)

"""Changes on last year the other families pass over: a sentence that prints last year's figure and the change but not this year's, a change printed in another unit than its figure, and a change of the year's “三公” total the sentence names but does not print.

“比2021年预算231.17万元增加33.55万元，增长17.51%”: the percentage is the change over last year's figure, whatever
this year's (the sentence before may hold it, or not). “收入总计520.52万元，与2016年相比，减少51.48元，减少11.02%”:
the change's unit is not its figure's, so which amount is meant is unsure; the percentage fails only when it
follows from neither reading (the change in 元, or in 万元 as its figure).
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount, printed_wan
from cnbudget.checks.amounts import NUM, OPEN, RATE_WORD, UP, change_on_last_year, half_unit, percent_agrees
from cnbudget.checks.base import Check, Checker, Row, at, page_at, sentence_start, side, stated
from cnbudget.checks.percentages import CHANGE
from cnbudget.checks.subjects import SUBJECT_UNSURE, subject_unsure
from cnbudget.checks.yoy import YOY
from cnbudget.normalise.prose_words import three_public_item
from cnbudget.strings import compact

# 比2021年预算231.17万元增加33.55万元，增长17.51%: last year's figure and the change, the percentage after them
_PRINTED_LAST_YEAR = re.compile(
    rf"(?:比|较)(?:上年|上一年|\d{{4}}年)(?:度)?[^\d。；;，,%增减]{{0,10}}?(?P<prev>{NUM})(?P<pu>万?元)[，,]?"
    rf"(?P<dir>增加|减少){OPEN}(?P<d>{NUM})(?P<du>万?元)[，,](?:同比)?{RATE_WORD}了?(?P<p>\d+(?:\.\d+)?)%"
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
    """“X 万元，与上年相比，减少 D 元，减少 P%”: P against D taken both in 元 and in 万元.

    ``prose.check_year_on_year`` passes over a change whose unit is not its figure's. ``yoy-agrees`` fails when
    neither reading gives P; ``unit-mislabel`` fails when only the change taken in its figure's unit gives it
    (over last year, or over this year's figure as its base): the change's own unit is then misprinted
    (``_unit_slip``). Subject: the printed figures with the change's unit (``520.52/减少51.48元/11.02%``),
    so that the same figures printed twice with the change in two units are two comparisons.
    """
    text = c.d.evidence.prose
    for m in YOY.finditer(text):
        if bool(m.group("cu")) == bool(m.group("du")) or m.group("alt"):
            continue  # one unit: prose.check_year_on_year's (as is a template's two directions kept, 增加(减少), whose reading is there)
        current, printed = printed_wan(m.group("cur"), f"{m.group('cu') or ''}元"), Decimal(m.group("p"))
        as_printed, as_figure = printed_wan(m.group("d"), f"{m.group('du') or ''}元"), printed_wan(m.group("d"), f"{m.group('cu') or ''}元")
        readings = []
        for change in (as_printed, as_figure):
            judged = change_on_last_year(current, change, m.group("dir"), printed)
            if judged is not None:
                readings.append((change, *judged))
        if not readings or any(r[0] == as_printed and r[2][0] for r in readings):
            continue  # the change as printed gives P (or no reading has a last year above zero)
        page = page_at(c.d, m.start())
        quote = m.group(0)[-60:]
        unsure = subject_unsure(text, m)
        # the change as printed over the last year it implies, to four places: 64.23 元 of 1135.8 万元 is 0.0006%
        own = next((f"{(as_printed / r[1] * 100).quantize(Decimal('0.0001'))}%" for r in readings if r[0] == as_printed), None)
        if not unsure and _unit_slip(c, m, current, as_figure, printed, page, own):
            continue
        if any(r[2][0] for r in readings):
            continue  # the change in its figure's unit gives P, and which figure changed is unsure
        said = "；".join(f"按增减额 {format_amount(ch)} 万元与上年数 {format_amount(pr)} 万元算出的幅度为 {r[1]}%" for ch, pr, r in readings)
        c.result(
            "yoy-agrees",
            f"{m.group('cur')}/{m.group('dir')}{m.group('d')}{m.group('du') or ''}元/{m.group('p')}%",
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


def _unit_slip(c: Checker, m: re.Match[str], current: Decimal, as_figure: Decimal, printed: Decimal, page: int | None, own: str | None) -> bool:
    """Record ``unit-mislabel`` where P follows from the change only in its figure's unit; whether it did.

    ``own`` is the percentage the change gives in its printed unit (None where last year would be zero or less).
    “总支出1135.8万元,比上年增加64.23元,增长5.7%”: 64.23 元 is 0.0006% of last year, 64.23 万元 is 6.0% of last year's
    1071.57 万元 and 5.7% of this year's 1135.8 万元 (the base written wrong too): the percentage was computed from
    64.23 万元, so the 元 is a slip. Called only where the sentence leaves no doubt which figure changed.
    """
    judged = change_on_last_year(current, as_figure, m.group("dir"), printed)
    over_last = judged is not None and judged[1][0]
    over_this = current > 0 and percent_agrees(as_figure, current, printed, half_unit(as_figure), half_unit(current))[0]
    if not (over_last or over_this):
        return False
    figure_unit, change_unit = f"{m.group('cu') or ''}元", f"{m.group('du') or ''}元"
    quote = m.group(0)[-60:]
    base = f"上年数 {format_amount(judged[0])} 万元" if over_last and judged is not None else f"本年数 {format_amount(current)} 万元（以本年数为基数）"
    c.result(
        "unit-mislabel",
        f"{m.group('d')}{change_unit}",
        False,
        side(f"文字说明“…{quote}”所写增减额的单位", change_unit, page),
        side(f"同句所写的增减幅度 {printed}% 所依的单位", figure_unit, page),
        f"“…{quote}”: the percentage follows from the change only in its figure's unit ({figure_unit}), not in its own ({change_unit})",
        severity="mismatch",
        detail=f"文字说明“…{quote}”{at(page)}的增减额 {m.group('d')}{change_unit}与本年数 {m.group('cur')}{figure_unit}单位不同："
        f"按 {m.group('d')}{change_unit}算，" + (f"幅度为 {own}，" if own else "上年数不大于零，") + f"与所写的 {printed}% 相去甚远；按 {m.group('d')}{figure_unit}与{base}算才得 {printed}%：增减额的单位疑似写错。",
    )
    return True


# “2017年“三公”经费预算数较2016年“三公”经费预算数减少(增加)0.11万元,同比下降(增加)6%”, “2022年度一般公共预算财政拨款
# “三公”经费支出决算数比上年减少313272.50元,下降82.82%”: the year's “三公” total named by its words (the 云南 template), its
# figure printed in the sentences before; a template's two directions kept (减少(增加)) leave the direction open
_NAMED_TOTAL = re.compile(
    rf"(?P<year>20\d{{2}})年度?(?P<words>[^。；;，,、\d%]{{0,24}}?[“\"]三公[”\"]经费[^。；;，,、\d%其]{{0,12}}?)(?P<kind>预算|决算)(?:数据|数)?"
    rf"(?:比|较)(?:上年|上一年|(?P<prev>20\d{{2}})年)度?[^。；;，,\d%其]{{0,20}}?"
    rf"(?P<dir>增加|减少)(?P<alt>[（(](?:增加|减少)[)）])?\s*(?P<d>{NUM})\s*(?P<du>万?元)\s*[，,]\s*(?:同比)?"
    rf"(?:增长|下降|增幅|降幅|减少|增加|降低|上升)(?:[（(](?:增长|下降|增加|减少|上升|降低)[)）])?了?\s*(?P<p>\d+(?:\.\d+)?)\s*%"
)
_ITEMS = re.compile(r"因公出国|公务用车|公务接待|购置|运行")
_OTHER = {"增加": "减少", "减少": "增加"}


def _named_total(c: Checker, year: int, phase: str) -> Row | None:
    """The year's “三公” total of ``phase`` as the disclosure prints it (prose or table), where every print gives one amount; else None."""
    rows = [r for r in stated(c.d, "three_public") if r["subject"] == "total"]
    rows += [r for r in c.d.rows.get("three_public", []) if r.get("item") == "total" and r.get("origin", "table") == "table" and r.get("amount") is not None]
    rows = [r for r in rows if r.get("fiscal_year") == year and (r.get("phase") or phase) == phase]
    return rows[0] if rows and len({r["amount"] for r in rows}) == 1 else None


def check_change_of_named_total(c: Checker) -> None:
    """“2017年“三公”经费预算数较2016年…减少 D 万元，下降 P%”: P against D over last year's total, this year's the one the prose or a table prints.

    The sentence names the year's “三公” total (预算数: approved; 决算数: executed) but does not print it; last year is
    that total ∓ D. Where the template's two directions are both printed (减少(增加)), P fails only when neither
    direction gives it. Not judged: another year than the disclosure's, a comparison with a year other than the one
    before, a part of the total (公务接待费…), and a total printed with two amounts. Subject: ``三公/减少0.11/6%``.
    """
    fy = c.d.meta.get("fiscal_year")
    text = c.d.evidence.prose
    for m in _NAMED_TOTAL.finditer(text):
        year = int(m.group("year"))
        if year != fy or (m.group("prev") and int(m.group("prev")) != year - 1) or _ITEMS.search(m.group("words")):
            continue
        total = _named_total(c, year, "approved" if m.group("kind") == "预算" else "executed")
        if total is None:
            continue
        change, printed = printed_wan(m.group("d"), m.group("du")), Decimal(m.group("p"))
        directions = [m.group("dir")] + ([_OTHER[m.group("dir")]] if m.group("alt") else [])
        # each direction read: (direction, last year's total, agrees, the percentage computed, severity)
        readings = [(d, previous, *judged) for d in directions if (found := change_on_last_year(total["amount"], change, d, printed)) is not None for previous, judged in (found,)]
        if not readings:
            continue
        agreeing = [r for r in readings if r[2]]
        shown = (agreeing or readings)[0]
        page, total_page = page_at(c.d, m.start()), total.get("page")
        named = f"{year}年“三公”经费{m.group('kind')}数"
        said = "；".join(f"按{d}算，上年数为 {format_amount(previous)} 万元，幅度为 {computed}%" for d, previous, _, computed, _ in readings)
        c.result(
            "yoy-agrees",
            f"三公/{m.group('dir')}{m.group('d')}/{m.group('p')}%",
            bool(agreeing),
            side(f"文字说明“{m.group(0)}”所写的增减幅度", f"{printed}%", page),
            side(f"按{named} {format_amount(total['amount'])} 万元与增减额 {format_amount(change)} 万元推得的上年数算出的幅度", f"{shown[3]}%", total_page, page),
            f"“{m.group(0)}”: {format_amount(change)} 万元 against last year's “三公” total implied by this year's {format_amount(total['amount'])} 万元",
            severity=None if agreeing else min((r[4] for r in readings), key=("rounding", "mismatch").index),  # the nearer reading
            detail=None
            if agreeing
            else f"文字说明“{m.group(0)}”{at(page)}所写的增减幅度为 {printed}%；{named}为 {format_amount(total['amount'])} 万元{at(total_page)}，"
            f"增减额 {format_amount(change)} 万元，{said}，与所写的 {printed}% 不符。",
        )


# “2012年某局安排公务接待费预算44.58万元,较2011年决算增长1%”: a “三公” item's figure against the same item's figure of
# the year it names, printed in another sentence (or a table), with no change amount between
_ON_ITEM_OF_YEAR = re.compile(
    rf"(?P<cur>{NUM})\s*万元\s*[，,]?\s*(?:较|比)(?P<prev>上年|上一年|20\d{{2}}年)度?(?P<kind>决算|预算|执行)(?:数)?"
    rf"(?P<dir>增长|下降|增加|减少|降低|上升)了?\s*(?P<p>\d+(?:\.\d+)?)\s*%"
)


def _item_rows(c: Checker, item: str, year: int, phase: str | None) -> set[Decimal]:
    """The amounts the package gives a “三公” item of one year (and phase, where given), from tables and prose alike."""
    return {r["amount"] for r in c.d.rows.get("three_public", []) if r.get("item") == item and r.get("fiscal_year") == year and r.get("amount") is not None and (phase is None or r.get("phase") == phase)}


def check_change_on_item_of_year(c: Checker) -> None:
    """“安排公务接待费预算 X 万元，较2011年决算增长 P%”: P against X and the item's 2011 决算 as the package reads it.

    Judged only where the words before X name one “三公” item, X is that item's figure of the disclosure's year as read,
    and the year named has one figure of the phase named (决算: executed; 预算: approved), and the change has the
    direction printed. Subject: ``公务接待费/44.58/较2011年决算/1%``.
    """
    fy = c.d.meta.get("fiscal_year")
    text = c.d.evidence.prose
    for m in _ON_ITEM_OF_YEAR.finditer(text):
        begin = sentence_start(text, m.start())
        label = text[begin : m.start("cur")]
        item = three_public_item(label, text[begin : m.end()])
        years = re.findall(r"(20\d{2})年", label)
        if item in (None, "total") or not isinstance(fy, int) or (years and int(years[0]) != fy):
            continue
        year = int(m.group("prev")[:4]) if m.group("prev")[0].isdigit() else fy - 1
        current, printed = Decimal(m.group("cur").replace(",", "")), Decimal(m.group("p"))
        before = _item_rows(c, str(item), year, "executed" if m.group("kind") in ("决算", "执行") else "approved")
        if year >= fy or current not in _item_rows(c, str(item), fy, None) or len(before) != 1:
            continue
        previous = before.pop()
        gap = current - previous
        if previous <= 0 or (gap > 0) != (m.group("dir") in UP) or gap == 0:
            continue  # the direction printed is not the figures': another reading, not judged here
        ok, computed, severity = percent_agrees(abs(gap), previous, printed, half_unit(current) + half_unit(previous), half_unit(previous))
        page = page_at(c.d, m.start())
        quote = compact(text[begin if m.end() - begin <= 80 else m.start("cur") - 30 : m.end()])  # the clause, naming the item
        named = f"{year}年{'决算' if m.group('kind') in ('决算', '执行') else '预算'}数"
        c.result(
            "change-percent-agrees",
            f"{item}/{m.group('cur')}/较{m.group('prev')}{m.group('kind')}/{m.group('p')}%",
            ok,
            side(f"文字说明“{quote}”所写的增减幅度", f"{printed}%", page),
            side(f"按 {format_amount(current)} 万元与文件所写同一项目的{named} {format_amount(previous)} 万元算出的幅度", f"{computed}%", page),
            f"“{quote}”: {format_amount(current)} against the item's {year} figure {format_amount(previous)}",
            severity=severity or None,
        )


CHECKS: tuple[Check, ...] = (check_change_on_printed_last_year, check_change_in_another_unit, check_change_of_named_total, check_change_on_item_of_year)

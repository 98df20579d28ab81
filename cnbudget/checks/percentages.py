"""Percentages the prose prints against the amounts it prints beside them: completion rates and changes on last year.

A percentage agrees when the exact value rounds to it (half up or half even) at the places it is
printed with (``amounts.percent_agrees``). Only figures stated in one sentence are compared: a rate
whose base the sentence does not print is not checked.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount, printed_wan
from cnbudget.checks.amounts import NUM, OPEN, RATE_WORD, UP, directions, half_unit, percent_agrees
from cnbudget.checks.base import Check, Checker, at, page_at, sentence_start, side
from cnbudget.checks.subjects import sentence_figures, subject_unsure

_SENTENCE = re.compile(r"[^。；;]+")
# 年初预算（数）为 A 万元 / 全年预算数 B 万元 / 决算（数）为 C 万元, in one sentence
_BASE = {
    "initial": re.compile(rf"年初预算(?:数)?(?:为|是)?({NUM})(万?元)"),
    "full": re.compile(rf"(?:全年预算|调整预算|调整后预算)(?:数)?(?:为|是)?({NUM})(万?元)"),
}
# 支出预算为 A 万元: a budget the sentence names by no phase, the base of a 完成预算的 P% that names none either
_BARE_BASE = re.compile(rf"(?<!年初)(?<!全年)(?<!调整)(?<!调整后)预算(?:数)?(?:为|是)({NUM})(万?元)")
# an amount in 元 is taken in 万元 (“支出预算为494,400.00万元,支出决算为115,749.56元,完成预算的23.42%”)
_ACTUAL = re.compile(rf"(?:决算|支出|执行)(?:数)?(?:为|是)?({NUM})(万?元)")
_RATE = re.compile(r"(?:完成|占|为)(年初|全年|调整)?预算(?:数)?的?(\d+(?:\.\d+)?)%")
# “支出决算为27.46万元,完成预算29.6万元的92.8%” / “完成全年预算84.82万元的73.2%”: the base printed inside the rate
_RATE_OF = re.compile(rf"完成(年初|全年|调整)?预算(?:数)?({NUM})(万?元)的(\d+(?:\.\d+)?)%")
_NAMES = {"initial": "年初预算数", "full": "全年预算数", "bare": "预算数"}


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))




def check_completion_rate(c: Checker) -> None:
    """“年初预算 A 万元，全年预算 B 万元，决算 C 万元，完成年初预算的 P%”: P against C over the base it names.

    A rate naming no phase (完成预算的 P%) is of the one budget its sentence prints, where it prints one
    named by no phase either (支出预算为 A 万元) and no 年初 or 全年 budget.

    Where the rate names 年初 (or 全年) and does not follow from that base but does from the other the
    sentence prints, the failure says so: the rate was computed against the wrong base. A base of 0 is
    never a rate's base. Subject: the actual amount and the rate (``95.89/完成年初预算的95.89%``).
    """
    text = c.d.evidence.prose
    for m in _SENTENCE.finditer(text):
        sentence = m.group(0)
        rate = _RATE.search(sentence)
        if rate is None:
            _rates_of_printed_base(c, sentence, m.start())
            continue
        actual = _ACTUAL.search(sentence)
        if actual is None or actual.start() > rate.start():
            continue
        bases = {k: printed_wan(b.group(1), b.group(2)) for k, b in ((k, r.search(sentence)) for k, r in _BASE.items()) if b is not None}
        named = {"年初": "initial", "全年": "full", "调整": "full"}.get(rate.group(1) or "")
        bare = _BARE_BASE.findall(sentence[: rate.start()])
        if named is None and not bases and len(bare) == 1:
            named, bases = "bare", {"bare": printed_wan(*bare[0])}  # “支出预算为3万元，支出决算为1.71万元，完成预算的43%”: the one budget printed
        if named is None:
            continue  # 完成预算的 P%: which base is meant the sentence does not say
        done, printed = printed_wan(actual.group(1), actual.group(2)), Decimal(rate.group(2))
        page = page_at(c.d, m.start() + rate.start())
        subject = f"{actual.group(1)}/{rate.group(0)}"
        base = bases.get(named)
        other = next((k for k in bases if k != named and bases[k] > 0), None)
        if base is None:
            continue
        if base == 0:
            wrong = other is not None and percent_agrees(done, bases[other], printed)[0]
            c.result(
                "completion-rate-agrees",
                subject,
                False,
                side(f"文字说明所写的“{rate.group(0)}”", f"{printed}%", page),
                side(f"{_NAMES[named]}", base, page),
                f"“{rate.group(0)}” against a {named} budget of 0" + (f", the rate is against the {other} budget" if wrong else ""),
                detail=f"文字说明“{sentence[-90:]}”{at(page)}写“{rate.group(0)}”，而同句的{_NAMES[named]}为 0，无从算出完成率"
                + (f"；{printed}% 是对{_NAMES[other]} {format_amount(bases[other])} 万元的完成率，基数写错。" if wrong and other else "。"),
                severity="mismatch",
            )
            continue
        ok, computed, severity = percent_agrees(done, base, printed)
        wrong = not ok and other is not None and percent_agrees(done, bases[other], printed)[0]
        # the rate follows from the two amounts once one of them is taken in the other unit (万元 for 元): a unit slip
        slip = not ok and not wrong and any(percent_agrees(done, base * factor, printed)[0] for factor in (Decimal("0.0001"), Decimal(10000)))
        if wrong and other is not None:
            detail = f"文字说明“{sentence[-90:]}”{at(page)}写“{rate.group(0)}”，按{_NAMES[named]} {format_amount(base)} 万元应为 {computed}%；{printed}% 是对{_NAMES[other]} {format_amount(bases[other])} 万元的完成率，基数写错。"
        elif slip:
            detail = f"文字说明“{sentence[-90:]}”{at(page)}写“{rate.group(0)}”，按决算数 {format_amount(done)} 万元与{_NAMES[named]} {format_amount(base)} 万元应为 {computed}%；{printed}% 只在其中一个金额换以元（或万元）计时才相符，金额单位疑似写错。"
        else:
            detail = None
        c.result(
            "completion-rate-agrees",
            subject,
            ok,
            side(f"文字说明“{sentence[-60:]}”所写的完成率", f"{printed}%", page),
            side(f"按决算数 {format_amount(done)} 万元与{_NAMES[named]} {format_amount(base)} 万元算出的完成率", f"{computed}%", page),
            f"“{rate.group(0)}”: {format_amount(done)} against the {named} budget {format_amount(base)}"
            + (", the rate is against the other budget" if wrong else ", the rate fits one amount in the other unit" if slip else ""),
            severity="mismatch" if wrong or slip else severity or None,
            detail=detail,
        )


def _rates_of_printed_base(c: Checker, sentence: str, offset: int) -> None:
    """Each rate of the sentence (at ``offset`` in the prose) that prints its own base, judged by ``_rate_of_printed_base``."""
    for rate in _RATE_OF.finditer(sentence):
        # the amount spent right before the rate (…支出决算为 C 万元，完成预算 B 万元的 P%), one clause each
        actual = next((a for a in _ACTUAL.finditer(sentence, 0, rate.start()) if re.fullmatch(r"[，,\s]*", sentence[a.end() : rate.start()])), None)
        if actual is not None:
            _rate_of_printed_base(c, sentence, offset, actual, rate)


def _rate_of_printed_base(c: Checker, sentence: str, offset: int, actual: re.Match[str], rate: re.Match[str]) -> None:
    """“支出决算为 C 万元，完成预算 B 万元的 P%”: P against C over the B the rate itself prints (no other base is read).

    Only the amount the sentence names as spent before the rate (决算, 支出 …) is its C; a base of 0 is no rate's base.
    """
    done, base, printed = printed_wan(actual.group(1), actual.group(2)), printed_wan(rate.group(2), rate.group(3)), Decimal(rate.group(4))
    if base == 0:
        return
    ok, computed, severity = percent_agrees(done, base, printed)
    page = page_at(c.d, offset + rate.start())
    c.result(
        "completion-rate-agrees",
        f"{actual.group(1)}/{rate.group(0)}",
        ok,
        side(f"文字说明“{sentence[-60:]}”所写的完成率", f"{printed}%", page),
        side(f"按决算数 {format_amount(done)} 万元与同一处所写的预算数 {format_amount(base)} 万元算出的完成率", f"{computed}%", page),
        f"“{rate.group(0)}”: {format_amount(done)} against the budget {format_amount(base)} the rate prints",
        severity=severity or None,
    )


# 决算数大于预算数 D 万元 / 决算数比年初预算数减少 D 万元: how far the actual amount lies from the budget the rate is of
_GAP = re.compile(
    rf"决算(?:数)?(?:(?P<cmp>大于|小于|超过|超出|高于|低于|多于|少于)(?P<base1>年初|全年|调整)?预算(?:数)?"
    rf"|(?:比|较)(?P<base2>年初|全年|调整)?预算(?:数)?(?P<verb>增加|减少|超支|节约|节余|多|少))了?(?P<d>{NUM})万元"
)
_WAN = re.compile(rf"({NUM})万元")
_KIND = {"年初": "initial", "全年": "full", "调整": "full"}
_OVER = ("大于", "超过", "超出", "高于", "多于", "增加", "超支", "多")
# the words before an amount that make it no actual figure: a change on last year, or a budget
_NOT_ACTUAL = re.compile(r"增加|减少|增长|下降|降低|相比|同比|上年|上一年|(?:预算|预算数)(?:为|是)?$")


def _actual_before(text: str, start: int, end: int) -> re.Match[str] | None:
    """The last amount in text[start:end] that the words before it name as spent (支出, 决算 …), not a change or a budget."""
    found = None
    for m in _WAN.finditer(text, start, end):
        words = re.split(r"[，,：:；;]", text[start : m.start()])[-1]
        if re.search(r"决算|支出|执行|完成", words) and not _NOT_ACTUAL.search(words):
            found = m
    return found


def check_completion_gap(c: Checker) -> None:
    """“支出 A 万元……完成年初预算 P%，决算数大于预算数 D 万元”: P against A over the budget A − D (A + D for 小于).

    The sentence prints no budget, but the amount by which the actual figure passes it (or falls short)
    gives it; the actual figure is the last amount the sentence names as spent before the rate. A rate whose
    clause prints no such amount, or whose sentence prints the budget itself (``check_completion_rate``),
    is not compared here. Subject: the actual amount, the rate and the gap (``1741.75/完成年初预算100%/大于55.93``).
    """
    text = c.d.evidence.prose
    for m in _SENTENCE.finditer(text):
        clause = m.group(0)
        rate, gap = _RATE.search(clause), _GAP.search(clause)
        if rate is None or gap is None:
            continue
        bases = {_KIND.get(b) for b in (rate.group(1), gap.group("base1") or gap.group("base2")) if b}
        if len(bases) > 1:
            continue  # 完成全年预算的 P%, 决算数大于年初预算数 D: two budgets
        begin = sentence_start(text, m.start(), "。")
        sentence = text[begin : m.start() + gap.start()] + "，" + text[m.start() + gap.end() : m.end()]  # the gap's 年初预算数 D 万元 is no budget
        if any(b.search(sentence) for b in _BASE.values()):
            continue  # the budget is printed: the completion rate is checked against it
        actual = _actual_before(text, begin, m.start() + min(rate.start(), gap.start()))
        if actual is None:
            continue
        done, change, printed = _amount(actual.group(1)), _amount(gap.group("d")), Decimal(rate.group(2))
        over = (gap.group("cmp") or gap.group("verb")) in _OVER
        budget = done - change if over else done + change
        if budget <= 0:
            continue
        spread = half_unit(done) + half_unit(change)
        ok, computed, severity = percent_agrees(done, budget, printed, half_unit(done), spread)
        page, done_page = page_at(c.d, m.start() + rate.start()), page_at(c.d, actual.start())
        word = "大于" if over else "小于"
        said = re.split(r"[，,：:；;]", text[begin : actual.end()])[-1]  # the actual figure as printed, with its words
        quote = clause[min(rate.start(), gap.start()) : max(rate.end(), gap.end())]
        c.result(
            "completion-rate-agrees",
            f"{actual.group(1)}/{rate.group(0)}/{word}{gap.group('d')}",
            ok,
            side(f"文字说明“{quote}”所写的完成率", f"{printed}%", page),
            side(f"按同句“{said}”{at(done_page)}与{word}预算数的 {format_amount(change)} 万元推得的预算数 {format_amount(budget)} 万元算出的完成率", f"{computed}%", done_page, page),
            f"“{rate.group(0)}” beside “{gap.group(0)}”: {format_amount(done)} against a budget of {format_amount(budget)}",
            severity=severity or None,
            detail=None
            if ok
            else f"文字说明写“{quote}”{at(page)}；按同句所写的“{said}”{at(done_page)}，"
            f"预算数应为 {format_amount(budget)} 万元，完成率应为 {computed}%，与所写的 {printed}% 不符。",
        )


# “X 万元，比上年（的 A 万元）增加 D 万元（，增长 P%）”: last year's figure, printed or implied, must be a possible one
CHANGE = re.compile(
    rf"(?P<cur>{NUM})(?P<cu>万?元)[，,]?(?:比|较)(?:上年|上一年|去年|\d{{4}}年)(?:度)?[^\d。；;，,%增减降上]{{0,14}}?(?:(?P<prev>{NUM})(?:(?P<pu>万?元)(?![，,])|(?=增加|减少|增长|下降|降低|上升)))?[，,]?"
    rf"(?P<dir>增加|减少|增长|下降|降低|上升){OPEN}(?:(?P<d>{NUM})(?P<du>万?元))?(?:[，,]?(?:同比)?{RATE_WORD}?(?:了)?(?P<p>\d+(?:\.\d+)?)%)?"
)
# (the words between the year and last year's figure name it: 较2017年部门预算收入总数8014212.00元; amounts in 元 are taken in 万元;
# 比去年同期26万元增长了7.69%; last year's figure right before the change word may leave its unit to this year's:
# 支出2.05万元,较上年2.08减少0.03万元)


def check_last_year_figure(c: Checker) -> None:
    """A change on last year against the amounts it compares, and a last-year figure that cannot be.

    “X 万元，比上年 A 万元增加 D 万元，增长 P%”: D = X − A (``change-agrees``) and P follows from X and
    A (``change-percent-agrees``); “X 万元，比上年增加 D 万元” with D > X puts last year below zero.
    Subject: the printed figures (``208.8/比201.5/增加8.3``).
    """
    text = c.d.evidence.prose
    for m in CHANGE.finditer(text):
        if m.group("d") is None and (m.group("prev") is None or m.group("p") is None):
            continue
        current = printed_wan(m.group("cur"), m.group("cu"))
        up = m.group("dir") in UP
        # a template's two directions kept (增加(减少)): the change is |this − last|, its direction unknown
        open_direction = len(directions(m.group("dir"), m.group("alt"))) > 1
        page = page_at(c.d, m.start())
        quote = m.group(0)
        prev = m.group("prev")
        subject = "/".join(x for x in (m.group("cur"), f"比{prev}" if prev else "", f"{m.group('dir')}{m.group('d') or ''}") if x)
        if prev is not None:
            previous = printed_wan(prev, m.group("pu") or m.group("cu"))
            gap = abs(current - previous) if open_direction else current - previous if up else previous - current
            if m.group("d") is not None:
                c.result(
                    "change-agrees",
                    subject,
                    gap == printed_wan(m.group("d"), m.group("du")),
                    side(f"文字说明“{quote}”所写的增减额", printed_wan(m.group("d"), m.group("du")), page),
                    side(f"本年数 {format_amount(current)} 万元与上年数 {format_amount(previous)} 万元之差", gap, page),
                    f"“{quote}”: the change against the two amounts it compares",
                )
            printed = Decimal(m.group("p") or 0)
            if m.group("d") is None and percent_agrees(previous, current - previous if up else current + previous, printed)[0]:
                continue  # “比上年 1.43 万元，增加 0.68%” lacks a word: 1.43 is the change, and 0.68% follows from it
            if m.group("p") is not None and previous > 0 and gap >= 0:
                ok, computed, severity = percent_agrees(gap, previous, printed, half_unit(current) + half_unit(previous), half_unit(previous))
                c.result(
                    "change-percent-agrees",
                    f"{subject}/{printed}%",
                    ok,
                    side(f"文字说明“{quote}”所写的增减幅度", f"{printed}%", page),
                    side(f"按本年数 {format_amount(current)} 万元与上年数 {format_amount(previous)} 万元算出的幅度", f"{computed}%", page),
                    f"“{quote}”: the percentage against the two amounts it compares",
                    severity=severity or None,
                )
        elif up and not open_direction and m.group("d") is not None and printed_wan(m.group("d"), m.group("du")) > current:
            change = printed_wan(m.group("d"), m.group("du"))
            if subject_unsure(text, m) and any(figure >= change for figure in sentence_figures(text, m)):
                continue  # the change may be of another figure of the sentence (yoy judges it by each)
            c.result(
                "change-agrees",
                subject,
                False,
                side(f"文字说明“{quote}”所写的增加额", change, page),
                side("本年数", current, page),
                f"“{quote}”: an increase larger than the amount itself puts last year below zero",
                detail=f"文字说明“{quote}”{at(page)}：增加额 {format_amount(change)} 万元大于本年数 {format_amount(current)} 万元，上年数将小于零，不可能。",
                severity="mismatch",
            )


CHECKS: tuple[Check, ...] = (check_completion_rate, check_last_year_figure, check_completion_gap)

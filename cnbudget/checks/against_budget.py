"""Changes the prose prints against the year's own budget, and a “三公” total's change against its parts' changes.

“2020年“三公”经费41万元,较上年减少19万元,下降43.78%,较年初预算数减少4万元,下降2.2%”: the 年初预算 is the amount
the change gives (41 + 4 = 45), and the percentage is the change over it (4 / 45 = 8.89%), never over the amount
spent (4 / 41 = 9.76%, a wrong base, which the failure names). And ““三公”经费预算6.50万元,比上年减少0.50万元。其中:
因公出国(境)费用0万元,较上年无增减;公务接待费0.50万元,较上年无增减;公务用车运行维护费6.00万元,比上年减少1.00万元”:
last year's parts, which the parts' changes give (0 + 0.50 + 7.00 = 7.50), cannot exceed last year's total, which
the total's change gives (6.50 + 0.50 = 7.00); a part not named had a figure of at least 0. Where every part is named,
they must add up to it exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from cnbudget.amounts import format_amount, printed_wan
from cnbudget.checks.amounts import AMOUNT_IN_YUAN_OR_WAN, NUM, half_unit, percent_agrees
from cnbudget.checks.base import Check, Checker, at, page_at, sentence_start, side
from cnbudget.checks.rounding import WHOLE_WAN_ROUNDING
from cnbudget.checks.subjects import SUBJECT_UNSURE
from cnbudget.strings import compact

_OVER = ("增加", "增长", "超支", "超出")
# X 万元（，较上年……%），较年初预算数减少 D 万元，下降 P%: the amount spent, its change against the year's own budget
_AGAINST_BUDGET = re.compile(
    rf"(?P<cur>{NUM})\s*(?P<cu>万?元)\s*(?:[，,]\s*(?:比|较)(?:上年|上一年|\d{{4}}年)[^。；;%]{{0,40}}%\s*)?[，,]\s*"
    rf"(?:比|较)(?P<base>年初|全年|调整后?)?预算(?:数)?\s*(?P<dir>增加|减少|超支|超出|节约|节省|下降|增长)了?\s*(?P<d>{NUM})\s*(?P<du>万?元)\s*[，,]\s*"
    rf"(?:同比)?(?:增长|下降|增加|减少|超支|节约|降低|上升|增幅|降幅)了?\s*(?P<p>\d+(?:\.\d+)?)\s*%"
)


def _budget_name(base: str | None) -> str:
    return {"年初": "年初预算数", "全年": "全年预算数"}.get(base or "", "调整预算数" if base else "预算数")


def check_change_against_budget(c: Checker) -> None:
    """“X 万元，较年初预算数减少 D 万元，下降 P%”: P against D over the budget X + D (X − D for a rise).

    The amount must stand just before the comparison (a change on last year may come between) and be the sentence's
    first; where another amount precedes it, which figure was compared is unsure: not judged. Where P is the change
    over X, the amount spent, the failure says the base is wrong. Subject: ``41/较年初预算减少4/2.2%``.
    """
    text = c.d.evidence.prose
    for m in _AGAINST_BUDGET.finditer(text):
        if m.group("cu") != m.group("du"):
            continue  # two units in one comparison: more likely two figures than one
        current, change, printed = printed_wan(m.group("cur"), m.group("cu")), printed_wan(m.group("d"), m.group("du")), Decimal(m.group("p"))
        over = m.group("dir") in _OVER
        budget = current - change if over else current + change
        if budget <= 0 or current <= 0:
            continue
        begin = sentence_start(text, m.start("cur"))
        unsure = AMOUNT_IN_YUAN_OR_WAN.search(text, begin, m.start("cur")) is not None
        ok, computed, severity = percent_agrees(change, budget, printed, half_unit(change), half_unit(current) + half_unit(change))
        wrong_base = not ok and percent_agrees(change, current, printed, half_unit(change), half_unit(current))[0]
        name, page = _budget_name(m.group("base")), page_at(c.d, m.start())
        quote = compact(text[max(begin, m.start("cur") - 24) : m.end()])  # the amount with the words that name it
        detail = (
            f"文字说明“{quote}”{at(page)}：按同句所写的 {format_amount(current)} 万元与{m.group('dir')}的 {format_amount(change)} 万元，"
            f"{name}应为 {format_amount(budget)} 万元，幅度应为 {computed}%，与所写的 {printed}% 不符"
            + (f"；{printed}% 是以 {format_amount(current)} 万元本身为基数算出的，基数写错。" if wrong_base else "。")
        )
        c.result(
            "budget-change-percent-agrees",
            f"{m.group('cur')}/较{m.group('base') or ''}预算{m.group('dir')}{m.group('d')}/{m.group('p')}%",
            ok,
            side(f"文字说明“{quote}”所写的幅度", f"{printed}%", page),
            side(f"按 {format_amount(current)} 万元与其推得的{name} {format_amount(budget)} 万元算出的幅度", f"{computed}%", page),
            f"“{quote}”: {format_amount(change)} against the budget {format_amount(budget)}" + (", the percentage is over the amount itself" if wrong_base else ""),
            severity="mismatch" if wrong_base else severity or None,
            reason=SUBJECT_UNSURE if unsure else None,
            detail=None if ok or unsure else detail,
        )


# the “三公” total of a sentence: “三公”经费（预算|决算|支出）X 万元, and its changes in the same sentence
_TOTAL = re.compile(rf"[“\"]三公[”\"]经费[^。；;\d，,]{{0,12}}?(?P<cur>{NUM})\s*万元")
# 较上年减少 D 万元 / 较年初预算数减少 D 万元 / 较上年无增减
_CHANGE = re.compile(rf"(?:比|较|和|与)(?P<ref>上年|上一年|(?:年初)?预算(?:数)?)\s*(?:(?P<dir>增加|减少)了?\s*(?P<d>{NUM})\s*万元|(?P<none>无增减|持平|无变化|不变))")
# the parts, disjoint: the vehicles' whole, or its purchase and its running
_PARTS = {
    "outbound": r"因公出国[（(]境[)）](?:经)?费(?:用)?(?:支出)?",
    "reception": r"公务接待费(?:支出)?",
    "vehicle": r"公务用车购置及运行(?:维护)?费(?:支出)?",
    "purchase": r"公务用车购置费(?:支出)?",
    "operation": r"公务用车运行(?:维护)?费(?:支出)?",
}
_PART = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _PARTS.items()))
_ZH = {"上年": "上年数", "上一年": "上年数", "预算": "预算数", "年初预算": "年初预算数"}
_EN = {"上年数": "last year", "预算数": "the budget", "年初预算数": "the initial budget"}


@dataclass(frozen=True)
class _Figure:
    """A figure of one year with its printed changes: {reference: signed change}, the words it quotes, where it is."""

    amount: Decimal
    changes: dict[str, Decimal]
    quote: str
    start: int


def _changes(clause: str) -> dict[str, Decimal]:
    """The signed changes a clause prints, by reference (上年, 年初预算数 …); a reference printed twice is dropped."""
    found: dict[str, list[Decimal]] = {}
    for m in _CHANGE.finditer(clause):
        ref = _ZH.get(re.sub(r"数$", "", m.group("ref")), m.group("ref"))
        d = Decimal(0) if m.group("none") else Decimal(m.group("d").replace(",", ""))
        found.setdefault(ref, []).append(d if m.group("dir") in (None, "增加") else -d)
    return {k: v[0] for k, v in found.items() if len(v) == 1}


# a part's own figure follows its name directly (公务接待费20万元, 公务接待费支出为0.18万元), never after a change's words
_OWN = re.compile(rf"\s*(?:支出)?(?:预算|决算)?(?:数)?(?:为|是)?\s*(?P<a>{NUM})\s*万元")


def _bracketed(text: str, start: int, at: int) -> bool:
    """Whether ``at`` lies inside brackets opened after ``start``: a part of the part before (购置及运行费5.50万元(运行维护费5.50万元))."""
    span = text[start:at]
    return span.count("(") + span.count("（") > span.count(")") + span.count("）")


def _parts(text: str, start: int, end: int) -> dict[str, _Figure] | None:
    """The parts named in text[start:end], each with its amount and changes; None where one is given two figures.

    A part's clause runs from its name and figure to the next part's or the end of its clause (；。); its name
    printed again inside it (公务接待费20万元,公务接待费较上年减少2.5万元) stays in it.
    """
    heads = [(m, a) for m in _PART.finditer(text, start, end) if (a := _OWN.match(text, m.end(), end)) is not None and not _bracketed(text, start, m.start())]
    parts: dict[str, _Figure] = {}
    for i, (m, a) in enumerate(heads):
        after = heads[i + 1][0].start() if i + 1 < len(heads) else end
        stop = min([after] + [p for p in (text.find(x, a.end(), after) for x in ("；", ";", "。", "\n", "，主", ",主")) if p >= 0])
        key = m.lastgroup or ""
        if key in parts:
            return None
        clause = text[m.start() : stop]
        parts[key] = _Figure(Decimal(a.group("a").replace(",", "")), _changes(clause), clause.rstrip("，, "), m.start())
    if "vehicle" in parts:
        parts.pop("purchase", None), parts.pop("operation", None)  # held in the vehicles' whole
    return parts


def check_three_public_changes(c: Checker) -> None:
    """The “三公” total's change against its parts' changes, on last year or on the year's budget.

    The figure of the other year (or the budget) is the printed one minus the change. The named parts' figures of it
    cannot add up to more than the total's (a part not named had at least 0), and add up to it exactly where the four
    are named (因公出国, 公务接待, and the vehicles' whole or its purchase and running). Figures all printed in whole 万元,
    in a passage that prints no amount with decimals, say nothing within half a 万元 each. Subject: ``三公/上年数/6.50``.
    """
    text = c.d.evidence.prose
    for t in _TOTAL.finditer(text):
        end = min([p for p in (text.find(x, t.end()) for x in "。；;") if p >= 0] or [len(text)])
        totals = _changes(text[t.end() : end])
        opens = text.find("其中", end, end + 150)
        if not totals or opens < 0:
            continue
        stop = min([p for p in (text.find("\n\n", opens), text.find("三公", opens)) if p >= 0] + [opens + 600, len(text)])
        parts = _parts(text, opens, stop)
        current = Decimal(t.group("cur").replace(",", ""))
        if not parts or sum(p.amount for p in parts.values()) > current:
            continue  # the parts exceed the year's own total: not these parts, or another check's contradiction
        complete = {"outbound", "reception"} <= parts.keys() and ("vehicle" in parts or {"purchase", "operation"} <= parts.keys())
        for ref, change in totals.items():
            known = {k: p for k, p in parts.items() if ref in p.changes}
            if not known:
                continue
            other = current - change
            implied = sum((p.amount - p.changes[ref] for p in known.values()), Decimal(0))
            whole = complete and len(known) == len(parts)
            gap = implied - other if not whole else abs(implied - other)
            figures = [current, change] + [x for p in known.values() for x in (p.amount, p.changes[ref])]
            # whole 万元 each rounded: only where the passage prints no amount with decimals (公务接待费较上年减少2.5万元
            # beside them shows the writer does not round to the 万元, so 41, 4, 21 … are exact)
            passage = text[t.start() : end] + "".join(p.quote for p in parts.values())
            whole_wan = not re.search(r"\d\.\d+\s*万元", passage)
            rounded = whole_wan and all(f == f.to_integral_value() and f.as_tuple().exponent == 0 for f in figures) and gap <= Decimal("0.5") * len(figures)
            page = page_at(c.d, t.start())
            part_pages = [q for p in known.values() if (q := page_at(c.d, p.start)) is not None]
            said = "、".join(f"“{compact(p.quote)}”" for p in known.values())
            what = "之和应等于" if whole else "之和不能大于"
            detail = (
                f"文字说明所写“{compact(text[t.start():end])}”{at(page)}，按其增减，“三公”经费的{ref}为 {format_amount(other)} 万元；"
                f"其后所列各项（{said}）{at(part_pages)}按各自的增减推得的{ref}合计 {format_amount(implied)} 万元，"
                + (f"{what}总数，相差 {format_amount(abs(implied - other))} 万元，两者不符。" if gap > 0 else "不大于总数（未列出的项目可补足其差），两者相容。" if implied != other else "与总数相等，两者一致。")
            )
            c.result(
                "three-public-changes-add-up",
                f"三公/{ref}/{t.group('cur')}",
                gap <= 0,
                side(f"按“三公”经费 {format_amount(current)} 万元及其增减推得的{ref}", other, page),
                side(f"按所列各项及其增减推得的{ref}之和", implied, part_pages),
                f"the “三公” total's figure of {_EN.get(ref, ref)} against its parts' ({'all' if whole else 'some'} named), each given by its change",
                terms=len(figures),
                reason=WHOLE_WAN_ROUNDING if rounded and gap > 0 else None,
                detail=None if gap > 0 and rounded else detail,
            )


CHECKS: tuple[Check, ...] = (check_change_against_budget, check_three_public_changes)

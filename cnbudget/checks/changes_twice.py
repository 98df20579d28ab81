"""One fund's change on last year stated twice, in two sentences, differently (change-stated-once).

“收入较去年减少12.48万元,主要是一般公共预算拨款增加22.27万元,政府性基金预算拨款收入减少34.75万元” and, pages on,
“2023年一般公共预算财政拨款收入513.09万元,一般公共预算财政拨款支出513.09万元,比2022年减少12.48万元”: the fund's
收入 and 支出 are one figure, so the change is the fund's, which the first sentence says rose by 22.27. A change is
compared with its direction: a rise and a fall of one fund cannot both hold, nor two amounts.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.amounts import NUM, UP
from cnbudget.checks.base import Check, Checker, at, page_at, side

_FUND = r"一般公共预算|政府性基金预算|国有资本经营预算"
_LAST = r"(?:比|较)(?:上年|去年|上一年|(?P<year>20\d{2})年)度?"
# the 财政拨款 sentence: the fund's 收入 and 支出, one figure, and their change
_BOTH = re.compile(
    rf"(?P<fund>{_FUND})财政拨款收入(?P<x>{NUM})万元[，,]\s*(?P=fund)财政拨款支出(?P<y>{NUM})万元[，,]\s*{_LAST}\s*(?P<dir>增加|减少)(?P<d>{NUM})万元"
)
# the 收入 sentence: the whole's change, then the funds' (主要是 / 其中); the fund's change is one of its parts
_REVENUE = re.compile(rf"(?:^|[。；;\n])\s*(?:[（(][一二三四五六七八九十]+[)）])?[^。；;\n]{{0,30}}?收入(?:预算)?{_LAST}\s*(?:增加|减少)\s*{NUM}万元[，,]\s*(?:主要是|其中[:：]?)[^。；;\n]*")
_PART = re.compile(rf"(?P<fund>{_FUND})(?:财政)?拨款(?:收入)?(?P<dir>增加|减少)(?P<d>{NUM})万元")


def _signed(direction: str, amount: str) -> Decimal:
    """The change as a signed amount: a rise positive, a fall negative."""
    value = Decimal(amount.replace(",", ""))
    return value if direction in UP or not value else -value  # no -0: a change of nothing has no direction


def _worded(change: Decimal) -> str:
    """The change as the prose words one: 增加 X 万元, 减少 X 万元, or 无增减 for none."""
    if not change:
        return "无增减"
    return f"{'增加' if change > 0 else '减少'} {format_amount(abs(change))} 万元"


def check_change_stated_once(c: Checker) -> None:
    """A fund's change on last year in the 收入 sentence's parts against the one its 财政拨款 sentence states.

    Judged only where the 财政拨款 sentence prints the fund's 收入 and 支出 as one figure (the change is then of both)
    and each sentence names last year (or the year before the disclosure's) and the fund once. Subject: ``<fund>/<change>``.
    """
    text = c.d.evidence.prose
    fy = c.d.meta.get("fiscal_year")

    def last_year(m: re.Match[str]) -> bool:
        return m.group("year") is None or (isinstance(fy, int) and int(m.group("year")) == fy - 1)

    stated: dict[str, list[tuple[Decimal, str, int]]] = {}
    for m in _BOTH.finditer(text):
        if m.group("x") == m.group("y") and last_year(m):
            stated.setdefault(m.group("fund"), []).append((_signed(m.group("dir"), m.group("d")), m.group(0), m.start()))
    parts: dict[str, list[tuple[Decimal, str, int]]] = {}
    for m in _REVENUE.finditer(text):
        if not last_year(m):
            continue
        for p in _PART.finditer(m.group(0)):
            quote = re.sub(r"^[。；;\n\s]+", "", m.group(0))
            parts.setdefault(p.group("fund"), []).append((_signed(p.group("dir"), p.group("d")), quote, m.start() + p.start()))
    for fund, once in stated.items():
        if len(once) != 1 or len(parts.get(fund, ())) != 1:
            continue  # a fund stated twice in one kind of sentence: which is meant is unsure
        (whole, whole_quote, whole_at), (part, part_quote, part_at) = once[0], parts[fund][0]
        ok = whole == part
        whole_page, part_page = page_at(c.d, whole_at), page_at(c.d, part_at)
        c.result(
            "change-stated-once",
            f"{fund}/{format_amount(whole)}",
            ok,
            side(f"文字说明“{part_quote}”所写的{fund}拨款的增减（增为正、减为负）", part, part_page),
            side(f"文字说明“{whole_quote}”所写的{fund}财政拨款的增减（增为正、减为负）", whole, whole_page),
            f"the {fund} appropriation's change on last year, stated in the revenue sentence and in its own",
            severity="mismatch",
            detail=None
            if ok
            else f"文字说明“{part_quote}”{at(part_page)}写{fund}拨款较上年{_worded(part)}，"
            f"而文字说明“{whole_quote}”{at(whole_page)}写{fund}财政拨款收入、支出同为一数，较上年{_worded(whole)}"
            "：同一笔拨款的增减前后两说，两者不符。",
        )


CHECKS: tuple[Check, ...] = (check_change_stated_once,)

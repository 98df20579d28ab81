"""Changes on last year stated in the sentence after their figures, each figure found by the change's own words.

“本部门2018年度收入总计267.07万元,支出总计213万元。与2017年决算数相比,收入减少15.65万元,增长-5.86%,支出减少75.99万元,
增长-35.68%”: each change names its subject (收入, 支出), and the figure it changed is the one of the sentence before whose
words hold that name, and only one. “3.事业收入37.1949万元,为事业单位开展专业业务活动…的收入。较上年度决算数增加4.1262万元,
增长11%”: a change naming no subject, opening its sentence, is of the one figure the sentence before states.

``yoy.check_year_on_year_carried`` takes a sentence before that ends on its one figure; this family the rest. A rate
printed negative after a word of rise (增长-5.86%) is a fall of 5.86%, as its 减少 says; one whose sign and direction
disagree is left alone.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise

from cnbudget.amounts import format_amount, printed_wan
from cnbudget.checks.amounts import AMOUNT_IN_YUAN_OR_WAN, NUM, UP, change_on_last_year
from cnbudget.checks.base import Check, Checker, page_at
from cnbudget.checks.yoy import report_change

# a sentence opening with the comparison: 与2017年决算数相比, 较上年度决算数, 比上年
_OPENS = re.compile(r"^(?:\d+[.．、])?(?:与|较|比|同)(?:上年|上一年|\d{4}年)度?(?:决算|预算)?数?(?:相比|比较)?[，,]?")
# one change: its subject's words (none, or a few characters after a comma), the change and its rate
_CLAUSE = re.compile(
    rf"(?:^|[，,；;])(?P<subj>[\u4e00-\u9fff]{{0,6}}?)(?P<dir>增加|减少)(?P<d>{NUM})(?P<du>万?元)[，,](?:同比)?(?:增长|下降|增幅|降幅|减少|增加)(?P<p>-?\d+(?:\.\d+)?)%"
)
_SENTENCE = re.compile(r"[^。；;\n]+")
_ITEM = re.compile(r"(?<![\d.])\d{1,2}[.．、](?=[\u4e00-\u9fff])")


def check_named_changes(c: Checker) -> None:
    """Each change of a sentence opening with the comparison against the figure of the sentence before it names.

    Subject: the figure, the change and the rate as printed (``267.07/减少15.65/-5.86%``).
    """
    text = c.d.evidence.prose
    sentences = list(_SENTENCE.finditer(text))
    for before, sentence in pairwise(sentences):
        opening = _OPENS.match(sentence.group(0))
        if opening is None or before.end() + 1 != sentence.start():
            continue
        figures = _figures(before.group(0))
        # a list's items run together where the text lost its line breaks (…0万元3.事业收入37.1949万元,为…): the figure a
        # change naming no subject is of is the last item's one
        last = _ITEM.split(before.group(0))[-1]
        own = _figures(last)
        if not figures or (len(own) == 1 and last.endswith("元") and len(figures) == 1):
            continue  # no figure before; or one ending the sentence before (yoy's check_year_on_year_carried)
        rest = sentence.group(0)[opening.end() :]
        for m in _CLAUSE.finditer(rest):
            # a subject named: the one figure whose words hold it; none named: the first change, of the one figure
            found = [f for f in figures if m.group("subj") in f[0]] if m.group("subj") else own if m.start() == 0 else []
            if len(found) == 1:
                _judge(c, m, found[0], sentence.start() + opening.end())


def _figures(sentence: str) -> list[tuple[str, Decimal]]:
    """The amounts a sentence states (in 万元), each with its words back to the last comma."""
    out = []
    for a in AMOUNT_IN_YUAN_OR_WAN.finditer(sentence):
        words = re.split(r"[，,、：:]", sentence[: a.start()])[-1]
        out.append((words, printed_wan(a.group("n"), a.group("u"))))
    return out


def _judge(c: Checker, m: re.Match[str], figure: tuple[str, Decimal], offset: int) -> None:
    """The change of clause ``m`` against last year's figure it implies from ``figure`` (this year's)."""
    rate = Decimal(m.group("p"))
    up = m.group("dir") in UP
    if rate < 0 and up:
        return  # 增加 with a rate below zero: sign and direction disagree, which change is meant the words do not say
    label, current = figure
    change, printed = printed_wan(m.group("d"), m.group("du")), abs(rate)
    judged = change_on_last_year(current, change, m.group("dir"), printed)
    if judged is None:
        return
    previous, verdict = judged
    quote = m.group(0).lstrip("，,；;")
    report_change(
        c, f"{format_amount(current)}/{m.group('dir')}{m.group('d')}/{m.group('p')}%", verdict, quote,
        f"按前一句所写的“{label}” {format_amount(current)} 万元与增减额 {format_amount(change)} 万元推得的上年数 {format_amount(previous)} 万元算出的幅度",
        f"“{quote}”: {format_amount(change)} 万元 against last year's {format_amount(previous)} 万元 (this year's figure, named so, in the sentence before)",
        (current, change, m.group("dir"), printed, "万元"), page_at(c.d, offset + m.start()),
    )


CHECKS: tuple[Check, ...] = (check_named_changes,)

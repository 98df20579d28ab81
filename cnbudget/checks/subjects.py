"""Which figure of its sentence a change on last year is of, where the sentence does not say.

“1.财政拨款收入276.0605万元,在职职工工资性收入18.6973万元,…,补助收入14.0723万元,较上年度决算数增加42.1949万元,增加15%”:
the change's clause is parted by a comma from the figure nearest it, and the sentence states other figures before that
one; the change may be of any of them (here of the list's head, 276.0605). A check judges such a change by every
reading: it holds where one figure of the sentence makes it hold, and fails only where none does.
"""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import printed_wan
from cnbudget.checks.amounts import AMOUNT_IN_YUAN_OR_WAN
from cnbudget.checks.base import sentence_start

# “收入总计3000000元,其中拨款100元,与上年相比,减少60万元”: the change's clause stands apart (after a comma) from the
# figure nearest it, and the sentence states another figure before that one: which of them changed it does not say
SUBJECT_UNSURE = "增减额与最近的金额隔有逗号，句中此前还写有其他金额，增减所说的是哪一个数不能确定，不作判断"

# an amount stated as a change or a part's share of another (增加5万元, 减少, 占): never a figure a change is of
_NOT_A_FIGURE = re.compile(r"(?:增加|减少|增长|下降|降低|上升|增减|占)[^，,；;。]{0,6}$")


def subject_unsure(text: str, m: re.Match[str]) -> bool:
    """True when the change's clause is parted from the figure ``cur`` by a comma and its sentence states an amount before it."""
    begin = sentence_start(text, m.start("cur"), "。；;")
    parted = re.search(r"[，,]", text[m.end("cur") : m.start("dir")]) is not None
    return parted and AMOUNT_IN_YUAN_OR_WAN.search(text, begin, m.start("cur")) is not None


def sentence_figures(text: str, m: re.Match[str]) -> list[Decimal]:
    """The figures (in 万元) a change whose subject is unsure may be of: ``cur`` first, then each amount its sentence
    states before it, nearest first — less the amounts stated as changes or shares."""
    begin = sentence_start(text, m.start("cur"), "。；;")
    before = [a for a in AMOUNT_IN_YUAN_OR_WAN.finditer(text, begin, m.start("cur")) if not _NOT_A_FIGURE.search(text[begin : a.start()])]
    current = AMOUNT_IN_YUAN_OR_WAN.match(text, m.start("cur"))
    found = [printed_wan(a.group("n"), a.group("u")) for a in ([current] if current else []) + before[::-1]]
    return list(dict.fromkeys(found))

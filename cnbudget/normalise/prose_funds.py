"""Whose 基本支出 and 项目支出 the prose states: the unit's, or one fund's (the 一般公共预算's, the appropriations').

A fund's expenditure stated, then its parts (“一般公共预算财政拨款支出 X 万元，比…。其中：基本支出 Y 万元”), or the
一般公共预算's 基本支出 under a heading of its own, are that fund's; they are the unit's only where the fund is all its
money (``normalise.rows`` decides, by what else the page says of its revenue).
"""

from __future__ import annotations

import re

from cnbudget.normalise.prose_words import SECTION

# a fund's expenditure stated, then its 其中 in the next sentence: “一般公共预算财政拨款支出 X 万元，比…。其中：基本支出 Y 万元”
# the appropriations' together too: “2021年财政拨款支出预算 X 万元，比上年…。其中：基本支出 Y 万元”
_FUND_SPENT = re.compile(r"(?:(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?)(?:财政)?|(?<!非)财政)拨款支出[^。]*。$")
# a part of that list run on as a sentence of its own: “…。其中：基本支出 Y 万元，比上年增加…。项目支出 Z 万元”
_PART_ON = re.compile(r"^(?:基本|项目)支出")


def fund_part(text: str, sentence_start: int, sentence: str) -> bool:
    """Whether a sentence opening with 其中 lists the parts of the fund's expenditure the sentence before it states, or
    one opening with 基本支出/项目支出 goes on with such a list (the sentence before it opening with 其中 and listing one)."""
    if sentence.startswith("其中"):
        return _FUND_SPENT.search(text, max(0, sentence_start - 200), sentence_start) is not None
    if not _PART_ON.match(sentence) or sentence_start < 1 or text[sentence_start - 1] != "。":
        return False
    end = sentence_start - 1
    begin = max(text.rfind("。", 0, end), text.rfind("\n", 0, end)) + 1
    previous = text[begin:end]
    return previous.startswith("其中") and re.search(r"基本支出|项目支出", previous) is not None and fund_part(text, begin, previous)


# the 一般公共预算's 基本支出, named so or under a heading naming it: “（六）一般公共预算基本支出情况说明 2026年一般公共预算
# 基本支出 X 万元，其中：人员支出 Y 万元…”
_GENERAL_BASIC = re.compile(r"一般公共预算(?:财政拨款)?基本支出")


def general_basic(text: str, position: int, label: str) -> bool:
    """Whether a 基本支出 (or its 人员/公用 part) at ``position`` is the 一般公共预算's: its words name that fund's 基本支出,
    or the last numbered heading before it does (a fund's, which is the unit's only where that fund is all its money)."""
    if _GENERAL_BASIC.search(label):
        return True
    headings = list(SECTION.finditer(text, max(0, position - 2000), position))
    return bool(headings) and _GENERAL_BASIC.search(re.split(r"[。；;\n]", text[headings[-1].end() : headings[-1].end() + 40])[0]) is not None

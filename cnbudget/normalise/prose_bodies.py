"""Whose figure a prose sentence gives: the disclosure's own, or another body's it names as its subject.

A department's summary (部门预算汇总) states its own totals, then each member unit's in a sentence of its own:
“预算总收入14680608元……。1、农业局机关预算总收入11385685.9元，其中：……。2、种子服务站预算总收入……”. The member's
figures are that body's, never the department's, nor restatements of them. The unit's own name (or its short form,
本部门, 我单位) as the subject gives its figure; a name followed by 本级 is left as it is read now.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from cnbudget.normalise.prose_words import LEVEL
from cnbudget.official import classification

# what ends the name of a body (a member unit, an office, a station)
_BODY_END = r"(?:机关|委员会|办公室|中心|站|场|所|院|校|局|队|馆|委|办|处|会|厂|社|团|园|台|庭|厅|署|矿|库|基地)"
# the words of a whole figure after the subject: 预算总收入, 收入预算, 2018年支出合计, 收支决算总计
_FIGURE_WORDS = r"(?:部门|单位)?(?:预算|决算)?(?:总收入|总支出|收入|支出|收支|收、支)"
_OPENING = r"^(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.．]\s*)?(?:20\d{2}年度?)?"
# a named body at a sentence's opening, just before a figure's words (a year between): 2、种子服务站预算总收入
_NAMED = re.compile(_OPENING + r"(?P<name>[\u4e00-\u9fff（）()]{1,24}?" + _BODY_END + r")(?:20\d{2}年度?)?(?=" + _FIGURE_WORDS + ")")
# the members named by kind, not by name: 所属单位预算总收入, 二级机构支出, 下属事业单位收入
_MEMBERS = re.compile(_OPENING + r"(?P<name>(?:所属|下属|直属|二级)[\u4e00-\u9fff]{0,6}?(?:单位|机构))(?:20\d{2}年度?)?(?=" + _FIGURE_WORDS + ")")
# the unit itself, by a pronoun: 本局, 我院, 该单位
_SELF = re.compile(r"^(?:本|我|该|全)")


@cache
def _classified_names() -> frozenset[str]:
    """Every function and economic item's name, as ``classification.normalize_name`` gives it (综合医院, 档案馆, 法院)."""
    entries = (*classification.function_entries(), *classification.economic_entries())
    return frozenset(classification.normalize_name(e.name) for e in entries)


def _classified(name: str) -> bool:
    """Whether ``name`` names a function or economic item (其他公立医院, 乡镇卫生院), not a body: the item's figure."""
    plain = classification.normalize_name(name)
    return LEVEL.search(name) is not None or plain in _classified_names() or plain.removeprefix("其他") in _classified_names()


def other_body(sentence: str, own_names: Collection[str], department: bool) -> str | None:
    """The name of the body other than the disclosure's own that ``sentence`` (from its start up to an amount) opens with as
    its subject; None where it names none, names the unit itself, or the unit's name is not known.

    ``own_names``: the unit's names without spaces. ``department``: the disclosure is a 部门's, whose 机关 (X局机关,
    局机关) is a member beside the others; a unit's own 机关 is the unit.
    """
    members = _MEMBERS.match(sentence)
    if members is not None:
        return members.group("name")
    named = _NAMED.match(sentence)
    if named is None or not own_names:
        return None
    name = named.group("name")
    if _SELF.match(name) or _classified(name) or _own(name, own_names):
        return None
    if name.endswith("机关") and not department and (name == "机关" or _own(name[: -len("机关")], own_names)):
        return None  # a unit's own 机关: the unit
    return name


def _own(name: str, own_names: Collection[str]) -> bool:
    """Whether ``name`` is one of the unit's names or a short form of one (the end of it: 殡仪馆 of 温县殡仪馆)."""
    return any(own == name or own.endswith(name) or name.endswith(own) for own in own_names if own)


def after_own(words: str, own_names: Collection[str]) -> str | None:
    """The words after the unit's own name where it opens a clause of ``words`` (a year before or after it); None where none does.

    “事业收入：2016年西安建筑科技大学事业收入预算 X 万元” names the unit's 事业收入 by the words after the name, as
    “本单位事业收入预算” does. Names of three characters or fewer are left alone (a short alias may be a common word).
    """
    names = sorted((n for n in own_names if len(n) > 3), key=len, reverse=True)
    if not names:
        return None
    pattern = r"(?:^|[：:，,；;。、)）\s])(?:20\d{2}年度?)?(?:" + "|".join(map(re.escape, names)) + r")(?:20\d{2}年度?)?(?=[\u4e00-\u9fff])"
    found = None
    for found in re.finditer(pattern, words):
        pass  # the last clause the name opens: the one the amount ends
    return words[found.end() :] if found is not None else None

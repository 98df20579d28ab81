"""A unit named only in the body: 渠县农业综合技术服务中心下设办公室、财务室……

Some pages print no title and no header line naming their unit (the page's own title was not
kept), yet the 机构设置 or 概况 section opens a sentence with the unit's full name as its subject.
Such a name is taken only where nothing else names a unit, only when it begins with a division's
name (so 本单位, 我局 and the like never count) and only before a verb that says what the unit is
or has.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cnbudget.model import Line
from cnbudget.official.regions import starts_with_division
from cnbudget.strings import compact

__all__ = ["body_unit_names"]

_SUBJECT = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])?"
    r"(?P<name>[\u4e00-\u9fff（）()]{4,40}?)(?:下设|内设|是|为|属于|属|系|隶属)"
)


def body_unit_names(lines: list[Line], is_unit_name: Callable[[str], bool]) -> list[str]:
    """Names of the unit that open sentences of the first pages (``is_unit_name`` says what reads as a unit)."""
    names: list[str] = []
    for line in lines[:120]:
        m = _SUBJECT.match(compact(line.text))
        if m and is_unit_name(m.group("name")) and starts_with_division(m.group("name")):
            names.append(m.group("name"))
    return names

"""Names the document prints that are not the official ones for its year: retired class names of the function classification.

The official list of each fiscal year is read from ``cnbudget/official`` (a year later than the
newest list reads the newest). A class name that the lists give only for earlier years, and that
no code carries in the document's year, is a name the document should not print: 医疗卫生与计划生育支出
became 卫生健康支出 in 2019. Only names checked by hand in the lists (``verified``) are used.
"""

from __future__ import annotations

import re
from functools import cache

from cnbudget.checks.base import Check, Checker, page_at, side
from cnbudget.official import classification


@cache
def _retired(year: int) -> tuple[tuple[str, str, str, int, int], ...]:
    """(retired class name, its code, the code's name in ``year``'s list, first year, last year) for each class renamed or dropped before ``year``."""
    listed = classification.list_year_for(year).year or year
    entries = classification.function_entries()
    current = {e.name for e in entries if e.valid_in(listed)}
    out = []
    for e in entries:
        if e.level != "class" or not e.verified or e.end >= listed or e.name in current:
            continue
        now = classification.function_name(e.code, year) or ""
        out.append((e.name, e.code, now, e.start, e.end))
    return tuple(out)


def check_retired_class_names(c: Checker) -> None:
    """A class name retired before the fiscal year, printed in the prose (“医疗卫生与计划生育（类）” in a 2024 document).

    One result per retired name found (subject: the name); nothing when none is printed.
    """
    year = c.d.meta.get("fiscal_year")
    text = c.d.evidence.prose
    if not isinstance(year, int) or not text:
        return
    for name, code, now, start, end in _retired(year):
        core = name.removesuffix("支出")
        m = re.search(rf"{re.escape(core)}(?:支出|[（(]类[)）]|类)", text)
        if m is None:
            continue
        page = page_at(c.d, m.start())
        span = f"{start}—{end}年" if start != end else f"{start}年"
        instead = f"，{year}年科目表中 {code} 类为“{now}”" if now else f"，{year}年科目表中已无此类"
        c.result(
            "classification-name-current",
            name,
            False,
            side(f"{year}年的功能分类科目名称", now or None),
            side("文字说明所写", m.group(0), page),
            f"the prose prints the class name “{name}” ({span}) in a {year} document",
            detail=f"文字说明{_at(page)}仍用已停用的功能分类科目名称“{m.group(0)}”（{span}的名称{instead}）。",
            severity="mismatch",
        )


def _at(page: int | None) -> str:
    return f"（第{page}页）" if page is not None else ""


CHECKS: tuple[Check, ...] = (check_retired_class_names,)

"""Names the document prints that are not the official ones: retired class names of the function classification, malformed names of party bodies.

The official list of each fiscal year is read from ``cnbudget/official`` (a year later than the
newest list reads the newest). A class name that the lists give only for earlier years, and that
no code carries in the document's year, is a name the document should not print: 医疗卫生与计划生育支出
became 卫生健康支出 in 2019. Only names checked by hand in the lists (``verified``) are used.
"""

from __future__ import annotations

import re
from functools import cache

from cnbudget.checks.base import Check, Checker, at, page_at, side
from cnbudget.official import classification, regions


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
            detail=f"文字说明{at(page)}仍用已停用的功能分类科目名称“{m.group(0)}”（{span}的名称{instead}）。",
            severity="mismatch",
        )



# the working bodies of a local party committee: 中共<division>委办公室, 中共<division>委组织部 …
# (not 政法委, 编办, 党校: “中共X县政法委” is common shorthand, not a misprint)
_BODY = "办公室|办公厅|组织部|宣传部|统战部|统一战线工作部|政策研究室|机构编制委员会办公室"
# one character where 委 belongs; a name with none (中共X县组织部) may be shorthand and is not judged
_AFTER_PLACE = re.compile(rf"(?P<gap>[^\W\d委])(?P<body>{_BODY})")


def check_party_body_names(c: Checker) -> None:
    """A local party committee's body named without the 委 of 中共X市委 (“中共商洛市为办公室” for 中共商洛市委办公室).

    The official names of a committee's working bodies are 中共 + the division's full name + 委 + the
    body (办公室, 组织部 …); a name in which another character stands where 委 belongs is misprinted.
    Only divisions' full names (商洛市, not 商洛) are read. Subject: the name as printed.
    One result per malformed name; nothing where every name is well formed.
    """
    text = c.d.evidence.prose
    for m in re.finditer("中共", text):
        end = regions.full_names_end(text, m.end())
        after = _AFTER_PLACE.match(text, end) if end > m.end() else None
        if after is None:
            continue
        place, gap, body = text[m.end() : end], after.group("gap"), after.group("body")
        printed, official = text[m.start() : after.end()], f"中共{place}委{body}"
        page = page_at(c.d, m.start())
        c.result(
            "party-body-name-well-formed",
            printed,
            False,
            side("中共地方委员会工作机关的名称", official),
            side("文字说明所写", printed, page),
            f"the prose names a party body “{printed}”: the name of a committee's body is 中共 + division + 委 + body",
            detail=f"文字说明{at(page)}所写的机构名称“{printed}”把“委”印作“{gap}”：中共地方委员会的工作机关应写作“{official}”。",
            severity="mismatch",
        )


CHECKS: tuple[Check, ...] = (check_retired_class_names, check_party_body_names)

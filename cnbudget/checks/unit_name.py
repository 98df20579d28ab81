"""The unit's own name spelt one way throughout: 发展和改革委员会 is not 发展与改革委员会.

A name written with its region (苏州市自然资源和规划局) and without it (市自然资源和规划局, 自然资源和规划局)
is one spelling; so are its abbreviations. What a careful reader notices is the same name with another
conjunction (和, 与, 及, 暨): the document names its own unit in two ways. Only the unit's own name is
looked for (its name without the region, as the title gives it), in the prose and in the tables' titles.
"""

from __future__ import annotations

import re

from cnbudget.checks.base import Check, Checker, page_at, side

_CONJUNCTIONS = "和与及暨"
MIN_CORE = 5  # a shorter name (和平区…) is too likely to be part of other words


def _core(d_meta: dict[str, object]) -> str:
    """The unit's name without its region (the part before the last 省/市/区/县 prefix), as printed in its title."""
    name = str(d_meta.get("unit_name") or "")
    for part in (d_meta.get("province"), d_meta.get("city"), d_meta.get("county")):
        if isinstance(part, str) and part and part in name:
            name = name[name.index(part) + len(part) :]
    return re.sub(r"^(?:中共|中国共产党)", "", name)


def _places(c: Checker) -> list[tuple[str, int | None, str]]:
    """(text, page, where) of each place the unit's name may be printed: the prose, then each table's title."""
    out: list[tuple[str, int | None, str]] = []
    text = c.d.evidence.prose
    if text:
        out.append((text, None, "文字说明"))
    out.extend((b.title, b.page, f"《{b.title}》的标题") for b in c.d.evidence.blocks)
    return out


def check_unit_name_spelt_alike(c: Checker) -> None:
    """Every printing of the unit's name that joins its words with another conjunction than its title does.

    Subject: the other spelling (``发展与改革委员会``). Nothing when the name joins no words.
    """
    core = _core(c.d.meta)
    if len(core) < MIN_CORE or not any(ch in _CONJUNCTIONS for ch in core):
        return
    pattern = re.compile("".join(f"[{_CONJUNCTIONS}]" if ch in _CONJUNCTIONS else re.escape(ch) for ch in core))
    first: tuple[int | None, str] | None = None
    others: dict[str, tuple[int | None, str, str]] = {}
    for text, page, where in _places(c):
        for m in pattern.finditer(text):
            at_page = page if page is not None else page_at(c.d, m.start())
            if m.group(0) == core:
                first = first or (at_page, where)
            else:
                quote = text[max(0, m.start() - 8) : m.end() + 4] if where == "文字说明" else text
                others.setdefault(m.group(0), (at_page, where, quote))
    title = str(c.d.meta.get("unit_name"))
    page, where = first if first is not None else (None, "文件标题")
    for spelling, (other_page, other_where, quote) in others.items():
        swaps = "、".join(f"“{a}”写作“{b}”" for a, b in zip(core, spelling, strict=True) if a != b)
        c.result(
            "unit-name-consistent",
            spelling,
            False,
            side(f"{where}所写的本单位名称", core, page),
            side(f"{other_where}所写", spelling, other_page),
            f"the unit's own name is printed as “{spelling}” where the document otherwise calls it “{core}” ({title})",
            detail=f"本单位名称在{where}{_at(page)}写作“{core}”，{other_where}{_at(other_page)}却写作“{spelling}”（“…{quote}…”）：同一单位名称写法不一，{swaps}。",
            severity="mismatch",
        )


def _at(page: int | None) -> str:
    return f"（第{page}页）" if page is not None else ""


CHECKS: tuple[Check, ...] = (check_unit_name_spelt_alike,)

"""The unit's own name spelt one way throughout: 发展和改革委员会 is not 发展与改革委员会; and the 本级 its scope names is its own.

A name written with its region (苏州市自然资源和规划局) and without it (市自然资源和规划局, 自然资源和规划局)
is one spelling; so are its abbreviations. What a careful reader notices is the same name with another
conjunction (和, 与, 及, 暨): the document names its own unit in two ways. Only the unit's own name is
looked for (its name without the region, as the title gives it), in the prose and in the tables' titles.
"""

from __future__ import annotations

import re

from cnbudget.checks.base import Check, Checker, at, page_at, sentence_start, side
from cnbudget.strings import compact

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
            detail=f"本单位名称在{where}{at(page)}写作“{core}”，{other_where}{at(other_page)}却写作“{spelling}”（“…{quote}…”）：同一单位名称写法不一，{swaps}。",
            severity="mismatch",
        )


# “开支单位包括局本级及下属1个事业单位”, “本部门预算为局本级预算”: the disclosure's scope names the body whose 本级 it is.
# Only the agencies' words (局, 厅, 委) are read: a 校本级 is a 学院's or a 大学's too, a 院本级 a 法院's or a 福利院's.
_OWN_LEVEL = re.compile(r"(?:包括|包含|为|即|是)(?P<kind>[局厅委])本级")


def check_own_level_names_unit(c: Checker) -> None:
    """A scope sentence's X本级 whose X (局, 厅, 委) the unit's own name does not contain: another body's template.

    “中国共产党武汉市江汉区委员会党校……开支单位包括局本级”: a 党校 has no 局本级. Nothing where the name contains
    X (X县财政局, 区委员会党校 for 委本级) or where the disclosure names no unit. Subject: ``局本级``.
    """
    name = str(c.d.meta.get("unit_name") or "")
    text = c.d.evidence.prose
    if not name:
        return
    for m in _OWN_LEVEL.finditer(text):
        kind = m.group("kind")
        if kind in name:
            continue
        begin = sentence_start(text, m.start())
        end = min([i for i in (text.find(mark, m.end()) for mark in "。；;\n") if i >= 0] + [m.end() + 20])
        quote = compact(text[max(begin, m.start() - 40) : end])
        page = page_at(c.d, m.start())
        c.result(
            "own-level-names-unit",
            f"{kind}本级",
            False,
            side("本单位名称", name),
            side(f"文字说明“{quote}”所称的本级", f"{kind}本级", page),
            f"the scope sentence names a {kind}本级, and the unit ({name}) is no {kind}: the template of another kind of body",
            detail=f"文字说明“…{quote}…”{at(page)}所说的“{kind}本级”不是本单位的：本单位为“{name}”，名称中没有“{kind}”。这句话沿用了别类机构（{kind}）的模板，与本单位不符。",
            severity="mismatch",
        )


CHECKS: tuple[Check, ...] = (check_unit_name_spelt_alike, check_own_level_names_unit)

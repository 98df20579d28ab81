"""The names the prose gives a function item against the names the tables print for it.

The prose names an item by its path, “社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本
养老保险缴费支出（项）2024年预算数为 7.81 万元”. Each name on the path is compared with the name the
document's function table prints for the same code: two names of one item contradict each other. Where
the table does not print that level, a 款 or 项 name is compared with the official list of the year: a name
the lists give the code only in earlier years (行政事业单位离退休, 20805's name to 2021) is a retired name
(a retired class name is ``names.check_retired_class_names``'s).
"""

from __future__ import annotations

import re

from cnbudget.checks.base import Check, Checker, Row, at, in_phase, phase_of, side, titled
from cnbudget.official import classification

_LEVELS = (("cls", 3, "类"), ("sec", 5, "款"), ("item", 7, "项"))
_LEAD = re.compile(r"^(?:其中|包括|主要用于|\d+)+")
_NUMERAL = re.compile(r"^[一二三四五六七八九十]+")  # an enumerator whose 、 the path's reading dropped (二行政运行), or the 一 of 一般
LIMIT = 10  # results of one kind per document


def _path(text: str) -> dict[str, str] | None:
    """The names of a 类/款/项 path in a sentence (the class less any words before it), or None."""
    found = classification.split_function_path(text)
    if found is None:
        return None
    cls, sec, item = found
    names = {"cls": re.split(r"[\d.．、]", cls)[-1], "sec": sec or "", "item": item or ""}
    return {k: _LEAD.sub("", v) for k, v in names.items() if _LEAD.sub("", v)}


def _agree(one: str, two: str) -> bool:
    """Whether two printed names are one (tolerantly: brackets, 支出, cut-off names; a leading enumerator)."""
    return any(classification.names_agree(a, b) or classification.names_agree(b, a) for a in (one, _NUMERAL.sub("", one)) for b in (two,) if a)


def _retired(code: str, name: str, year: int | None) -> tuple[int, int] | None:
    """The years a retired name of ``code`` held, if ``name`` is one and not the code's name in ``year``'s list."""
    listed = classification.list_year_for(year).year
    if listed is None:
        return None
    entries = [e for e in classification.function_entries() if e.code == code]
    if not entries or any(e.valid_in(listed) and _agree(name, e.name) for e in entries):
        return None
    old = next((e for e in entries if e.end < listed and _agree(name, e.name)), None)
    return (old.start, old.end) if old is not None and any(e.valid_in(listed) for e in entries) else None


def check_prose_item_names(c: Checker) -> None:
    """Each name on a prose 类/款/项 path against the table's name for that code, else against the year's list.

    Subjects: the code and the prose's name (``20805/行政事业单位离退休``).
    """
    year = c.d.meta.get("fiscal_year")
    table: dict[str, Row] = {}
    for row in c.d.rows.get("expenditure_by_function", []):
        if row.get("origin") == "table" and row.get("function_code") and row.get("function_name") and in_phase(row, phase_of(c.d), c.d):
            table.setdefault(str(row["function_code"]), row)
    seen: set[tuple[str, str]] = set()
    found = 0
    for st in c.d.rows.get("statements", []):
        code = str(st.get("subject") or "")
        if st.get("resource") != "expenditure_by_function" or len(code) != 7 or not code.isdigit():
            continue
        names = _path(str(st.get("text") or ""))
        if not names or "item" not in names:
            continue
        for key, length, level in _LEVELS:
            name, part = names.get(key), code[:length]
            if not name or (part, name) in seen or found >= LIMIT:
                continue
            seen.add((part, name))
            printed = table.get(part)
            page = st.get("page")
            if printed is not None:
                if _agree(name, str(printed["function_name"])):
                    continue
                found += 1
                where = titled(printed.get("source_table"))
                c.result(
                    "prose-item-name-agrees",
                    f"{part}/{name}",
                    False,
                    side(f"{where}所印 {part} 的名称", str(printed["function_name"]), printed.get("page")),
                    side(f"文字说明所写的{level}名", name, page),
                    f"function {part}: the prose names it “{name}”, the table “{printed['function_name']}”",
                    detail=f"文字说明{at(page)}把功能分类科目 {part} 写作“{name}（{level}）”，{where}{at(printed.get('page'))}印作“{printed['function_name']}”：同一科目名称不一。",
                    severity="mismatch",
                )
                continue
            span = _retired(part, name, year) if length > 3 else None  # a retired class name is names.check_retired_class_names's
            if span is not None:
                found += 1
                now = classification.function_name(part, year) or ""
                c.result(
                    "classification-name-current",
                    name,
                    False,
                    side(f"{year}年的功能分类科目名称", now),
                    side("文字说明所写", name, page),
                    f"the prose prints the retired name “{name}” ({span[0]}–{span[1]}) of {part} in a {year} document",
                    detail=f"文字说明{at(page)}仍用已停用的功能分类科目名称“{name}（{level}）”（{span[0]}—{span[1]}年的名称，{year}年科目表中 {part} 为“{now}”）。",
                    severity="mismatch",
                )



CHECKS: tuple[Check, ...] = (check_prose_item_names,)

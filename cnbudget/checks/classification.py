"""Printed codes against the official classification of the year: known, and under their official names.

A document of a year later than the newest list is read against the newest list, and every detail
says so. There a code the newest list lacks may be one the year's own list adds, and a name that is
not the newest list's may be the year's new name: we cannot know, so neither is a ``fail`` but
``not_applicable`` with the reason (科目表尚未收录该年). What the lists do tell stays a ``fail``: a code
the lists retired before the newest year, a name the lists give the code only for earlier years.

Within the lists' years, the function lists are complete for classes but not below them (``cnbudget/data/classification.md``):
a 款 or 项 code they never give, under a class of the year, is ``not_applicable`` (it may be one they lack);
a code they give only for other years, under no class of the year, or an economic code they lack (the
economic lists are whole) is a ``fail``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cnbudget.checks.base import Check, Checker, at, in_phase, phase_of, side, titled
from cnbudget.official import classification
from cnbudget.strings import compact


def _list_note(year: int | None) -> tuple[str, str]:
    """What a detail adds (English, Chinese) when another year's list stands in for the fiscal year's own (else nothing)."""
    listed = classification.list_year_for(year)
    if not listed.substituted:
        return "", ""
    which, which_zh = ("newest", "最新") if listed.beyond_newest else ("oldest", "最早")
    return (
        f" (read against the {listed.year} list, the {which} the reference has: it has none for {year})",
        f"（参考数据尚无{year}年科目表，按其中{which_zh}的{listed.year}年科目表核对）",
    )


_BRACKET = re.compile(r"[()（）]")


def _displaced(printed: str, official: str) -> bool:
    """Whether a printed name is the official one with its brackets emptied out (因公出国境费用() for 因公出国（境）费用): a text layer's, not the document's."""
    return bool(re.search(r"[(（]\s*[)）]", printed)) and _BRACKET.sub("", printed).strip() == _BRACKET.sub("", official)


def _in_prose(name: str, prose: str, printed: str = "") -> bool:
    """Whether the prose names an item ``name``: the name followed by its level (（项）) or by its amount, not inside ``printed``.

    “维修（护）费12.61万元” names the item; “富民创业担保贷款贴息政策调整” does not name 创业担保贷款贴息.
    """
    if len(name) < 4:
        return False
    flat = compact(prose)
    if printed and _BRACKET.sub("", name) in _BRACKET.sub("", printed):
        flat = flat.replace(compact(printed), "|")  # the printed name holds the official one
    spelled = "".join("[(（]" if ch in "(（" else "[)）]" if ch in ")）" else re.escape(ch) for ch in name)
    return re.search(spelled + r"(?=[(（][类款项][)）]|[。，,：:为]?\d)", flat) is not None


def _unlisted(kind: str, code: str, printed: str, year: int | None, prose: str = "") -> tuple[str, str] | None:
    """Why a code or name the year's list does not give cannot be judged (English, Chinese); None if it can.

    Within the lists' years, a function code the lists never give, under a class they give, may be one they
    lack (the function lists are incomplete below the class): it is not judged. After the newest list, it can be judged when the lists retired the code before their newest year (every name of it ends
    earlier), when the printed name is one the lists give the code only for earlier years, or when
    the document's own prose prints the newest list's name (the table's other name is then a misprint,
    not the year's new name).
    """
    listed = classification.list_year_for(year)
    entries = [e for e in (classification.function_entries() if kind == "function" else classification.economic_entries()) if e.code == code]
    if not listed.beyond_newest:
        if kind != "function" or entries or len(code) <= 3 or classification.entry_of(kind, code[:3], year) is None:
            return None  # an economic code (those lists are whole), one the lists give other years, or under no class: not official
        return (
            "the reference lists are incomplete below the class (cnbudget/data/classification.md): the code may be one they lack",
            "本项目的参考科目表在类以下并不完整（见数据说明），缺少该编码不等于该编码不是官方编码，无法判断",
        )
    if entries and all(e.end < (listed.year or 0) for e in entries):
        return None  # retired before the newest list: it cannot be the year's
    if any(e.end < (listed.year or 0) and classification.names_agree(printed, e.name) for e in entries):
        return None  # an earlier year's name of the code
    if any(e.valid_in(listed.year or 0) and _in_prose(e.name, prose, printed) for e in entries):
        return None  # the prose itself names the item as the newest list does
    what = "code" if not entries else "name"
    return (
        f"the {listed.year} list is the newest the reference has; the {year} list may add this {what}",
        f"科目表尚未收录{year}年（本项目参考数据最新为{listed.year}年科目表），" + (f"该编码可能是{year}年新设的科目" if not entries else f"该科目可能在{year}年更名") + "，无法判断",
    )


def check_classification(c: Checker) -> None:
    """Every printed code is official for the year, under the name the document prints for it.

    Subject: the code (with the 政府预算经济分类 code where the row prints one: ``30101/50101``);
    ``all`` for the one result that every code passed.
    """
    year = c.d.meta.get("fiscal_year")
    note, note_zh = _list_note(year)
    listed = classification.list_year_for(year).year
    list_name = f"{year}年" if listed == year else f"{listed}年（参考数据尚无{year}年科目表）"
    kinds = (
        ("function", "expenditure_by_function", "function_code", "function_name", classification.function_name),
        ("economic", "basic_expenditure_by_economic", "economic_code", "economic_name", classification.economic_name),
    )
    checked = failed = 0
    for kind, resource, code_field, name_field, official_of in kinds:
        local = _local_tables(c, resource, code_field, name_field, official_of)
        for row in c.d.rows.get(resource, []):
            code, printed = row.get(code_field), row.get(name_field) or ""
            if not code or row.get("origin", "table") != "table" or not in_phase(row, phase_of(c.d), c.d):
                continue  # a code printed in several phases' rows is checked once
            official = official_of(code, year)
            checked += 1
            failed += official is None or not classification.names_agree(printed, official)
            gov = row.get("government_economic_code")
            subject = f"{code}/{gov}" if gov else code
            table = row.get("source_table", resource)
            where = f"{table}: {code} {printed}"
            printed_side = side(f"{titled(table)}所印科目 {code}“{printed}”", code, row.get("page"))
            name_side = side(f"{titled(table)}所印 {code} 的名称", printed, row.get("page"))
            check_id = "classification-code-known" if official is None else "classification-name-agrees"
            unlisted = None if official is not None and classification.names_agree(printed, official) else _unlisted(kind, code, printed, year, c.d.evidence.prose)
            skip = _not_judged(str(table), local, kind, code, printed, official, year)
            if skip is not None:
                c.result(
                    check_id,
                    subject,
                    None,
                    side(f"{list_name}政府收支分类科目中 {code} 的名称", official),
                    name_side,
                    f"{where}: not judged: {skip[0]}",
                    reason=skip[1],
                )
            elif unlisted is not None:
                c.result(
                    check_id,
                    subject,
                    None,
                    side(f"{year}年政府收支分类科目", official),
                    printed_side if official is None else name_side,
                    f"{where}: not judged: {unlisted[0]}{note}",
                    reason=unlisted[1],
                    detail=f"{titled(table)}{at(printed_side.pages)}印有科目 {code}“{printed}”，"
                    + (f"该编码不在{listed}年科目表中。" if official is None else f"{listed}年科目表中该编码的名称为“{official}”。"),
                )
            elif official is None:
                c.result(
                    "classification-code-known",
                    subject,
                    False,
                    side(f"{year}年政府收支分类科目", None),
                    printed_side,
                    f"{where}: the code is not in the {year} classification (or our reference lacks it){note}",
                    detail=f"{titled(table)}{at(printed_side.pages)}印有科目编码 {code}“{printed}”，该编码不在{year}年政府收支分类科目中（或本项目的参考数据缺少该编码）{note_zh}。",
                )
            elif not classification.names_agree(printed, official):
                c.result(
                    "classification-name-agrees",
                    subject,
                    False,
                    side(f"{list_name}政府收支分类科目中 {code} 的名称", official),
                    name_side,
                    f"{where}: the printed name is not the official name of {code}{note}",
                    detail=f"{titled(table)}{at(row.get('page'))}所印科目 {code} 的名称为“{printed}”，{list_name}政府收支分类科目中为“{official}”"
                    + ("（文件的文字说明也写作后者）" if _in_prose(official, c.d.evidence.prose, printed) else "")
                    + "：两者不符。",
                )
    if checked and not failed:
        c.result(
            "classification-name-agrees",
            "all",
            True,
            side("官方科目", None),
            side("所印科目", None),
            f"all {checked} printed function and economic codes are official for {year} and printed under their official names{note}",
            detail=f"所印的 {checked} 个功能分类和经济分类科目编码都是{year}年的官方编码，名称与官方名称一致{note_zh}。",
        )


def _not_judged(table: str, local: dict[str, tuple[int, int]], kind: str, code: str, printed: str, official: str | None, year: int | None) -> tuple[str, str] | None:
    """Why a printed code or name cannot be judged against the list (English, Chinese), or None where it can."""
    if table in local:
        return (
            "most of the table's codes name other items than the official list's, so it prints another scheme's codes",
            f"该表所印 {local[table][0]} 个编码中有 {local[table][1]} 个的名称与全国科目表不同，表格用的可能是地方自定的另一套编码",
        )
    if official is None:
        return None
    if not classification.names_agree(printed, official) and not _verified(kind, code, year):
        return f"the reference could not check the official name of {code} (verified false)", "本项目参考科目表中该编码的名称未能与官方文本核对（见数据说明），无法判断所印名称是否有误"
    if _displaced(printed, official):
        return (
            "the name is the official one with its brackets emptied out, as a text layer may print it",
            "所读出的名称只是括号位置错乱（括号内的字移到了括号外），其余与官方名称一致，可能是文件文本层的读取问题",
        )
    return None


def _verified(kind: str, code: str, year: int | None) -> bool:
    """Whether the reference's entry for the code in the year was checked against the official text."""
    entry = classification.entry_of(kind, code, year)
    return entry is None or entry.verified


def _local_tables(c: Checker, resource: str, code_field: str, name_field: str, official_of: Callable[[str, int | None], str | None]) -> dict[str, tuple[int, int]]:
    """Tables whose codes mostly name other items than the official list gives them: (codes, disagreeing) by table.

    Three or more codes, more than half of them unknown or under another official name: the table prints
    another scheme's codes (a city's own 部门经济分类), not misnamed 科目, and none of them is judged.
    """
    year = c.d.meta.get("fiscal_year")
    counts: dict[str, list[int]] = {}
    for row in c.d.rows.get(resource, []):
        code = row.get(code_field)
        if not code or row.get("origin", "table") != "table" or not in_phase(row, phase_of(c.d), c.d):
            continue
        official = official_of(code, year)
        seen = counts.setdefault(str(row.get("source_table", resource)), [0, 0])
        seen[0] += 1
        seen[1] += official is None or not classification.names_agree(row.get(name_field) or "", official)
    return {table: (n, bad) for table, (n, bad) in counts.items() if bad >= 3 and bad * 2 > n}


CHECKS: tuple[Check, ...] = (check_classification,)

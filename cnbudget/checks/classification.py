"""Printed codes against the official classification of the year: known, and under their official names."""

from __future__ import annotations

from cnbudget.checks.base import Check, Checker, at, in_phase, phase_of, side, titled
from cnbudget.official import classification


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


def check_classification(c: Checker) -> None:
    """Every printed code is official for the year, under the name the document prints for it.

    Subject: the code (with the 政府预算经济分类 code where the row prints one: ``30101/50101``);
    ``all`` for the one result that every code passed.
    """
    year = c.d.meta.get("fiscal_year")
    note, note_zh = _list_note(year)
    kinds = (
        ("expenditure_by_function", "function_code", "function_name", classification.function_name),
        ("basic_expenditure_by_economic", "economic_code", "economic_name", classification.economic_name),
    )
    checked = failed = 0
    for resource, code_field, name_field, official_of in kinds:
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
            if official is None:
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
                    side(f"{year}年政府收支分类科目中 {code} 的名称", official),
                    side(f"{titled(table)}所印 {code} 的名称", printed, row.get("page")),
                    f"{where}: the printed name is not the official name of {code}{note}",
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


CHECKS: tuple[Check, ...] = (check_classification,)

"""The document as a whole: the tables it must print, the years it names, the form of its codes."""

from __future__ import annotations

import re

from cnbudget.checks.base import Check, Checker

REQUIRED_KINDS = {
    "summary": "收支总表",
    "function": "一般公共预算支出表",
    "basic_economic": "一般公共预算基本支出表",
    "three_public": "“三公”经费支出表",
}


def check_required_tables(c: Checker) -> None:
    """Each required table printed, missing with the reason the document gives, or missing unexplained."""
    kinds = {b.kind for b in c.d.evidence.blocks}
    explained = c.d.evidence.empty_explained
    for kind, label in REQUIRED_KINDS.items():
        present = kind in kinds or (kind == "function" and "expenditure" in kinds)
        if present:
            c.result("required-table-present", True, label, label, f"the {label} is printed")
        elif any(label[:4] in e for e in explained):
            c.result("required-table-present", None, label, None, f"the {label} is missing and the document says why")
        else:
            c.result("required-table-present", False, label, None, f"the {label} is not in the document, and the document does not say why")


def check_years(c: Checker) -> None:
    """Years the prose names about money that fit neither the fiscal year nor a comparison with the one before."""
    fy = c.d.meta.get("fiscal_year")
    text = c.d.evidence.prose
    if not fy or not text:
        return
    bad = []
    for m in re.finditer(r"(20\d{2})年度?", text):
        year = int(m.group(1))
        before, after = text[max(0, m.start() - 4) : m.start()], text[m.end() : m.end() + 8]
        if year in (fy, fy - 1) and not (year == fy - 1 and not re.search(r"[比较与同至止]|上$", before) and re.search(r"^(?:无|没有|未)", after)):
            continue
        if re.search(r"[比较与同至止底]", before) and year == fy - 1:
            continue
        if re.search(r"^(?:\d{1,2}月|年底|年末|期末|\d|[-—至])", after) or year > fy:
            continue
        sentence = text[max(0, m.start() - 20) : m.end() + 20]
        if re.search(r"预算|决算|经费|支出|收入|万元", sentence):
            bad.append((year, sentence))
    for year, sentence in bad[:5]:
        c.result("fiscal-year-consistent", False, str(fy), str(year), f"the prose names {year} where the {fy} disclosure is meant: “…{sentence}…”")
    if not bad:
        c.result("fiscal-year-consistent", True, str(fy), str(fy), f"every year the prose names fits the {fy} disclosure")


def check_codes(c: Checker) -> None:
    """One result: whether every function code has 3, 5 or 7 digits and every economic code 3 or 5."""
    bad = [r for r in c.d.rows.get("expenditure_by_function", []) if r.get("function_code") and len(r["function_code"]) not in (3, 5, 7)]
    bad += [r for r in c.d.rows.get("basic_expenditure_by_economic", []) if r.get("economic_code") and len(r["economic_code"]) not in (3, 5)]
    c.result("codes-well-formed", not bad, "3/5/7-digit codes", f"{len(bad)} malformed" if bad else "all well formed", "every function code has 3, 5 or 7 digits and every economic code 3 or 5")


CHECKS: tuple[Check, ...] = (check_required_tables, check_years, check_codes)

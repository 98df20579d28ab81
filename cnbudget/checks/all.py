"""Check stage: a disclosure against itself, every result a row of ``checks``.

Tolerance policy: amounts are compared exactly. Any difference fails; a difference
of at most 0.01 万元 for each figure summed is marked severity ``rounding`` (the
source rounded its parts and its total separately), anything larger ``mismatch``.
Both are published: a rounding difference is still a contradiction in the source.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cnbudget.amounts import format_amount
from cnbudget.model import Disclosure, Statement
from cnbudget.official import classification

Row = dict[str, Any]
REQUIRED_KINDS = {
    "summary": "收支总表",
    "function": "一般公共预算支出表",
    "basic_economic": "一般公共预算基本支出表",
    "three_public": "“三公”经费支出表",
}


class Checker:
    def __init__(self, disclosure: Disclosure) -> None:
        self.d = disclosure
        self.out: list[Row] = []

    def result(self, check: str, ok: bool | None, expected: Any, actual: Any, detail: str, terms: int = 1, page: int | None = None) -> None:
        severity = None
        if ok is False and isinstance(expected, Decimal) and isinstance(actual, Decimal):
            severity = "rounding" if abs(expected - actual) <= Decimal("0.01") * max(1, terms) else "mismatch"
        elif ok is False:
            severity = "mismatch"
        self.out.append(
            {
                "disclosure_id": self.d.id,
                "check": check,
                "status": "not_applicable" if ok is None else "pass" if ok else "fail",
                "expected": _fmt(expected),
                "actual": _fmt(actual),
                "detail": detail,
                "severity": severity,
                "page": page,
            }
        )

    def compare(self, check: str, expected: Decimal | None, parts: Iterable[Decimal | None], detail: str, page: int | None = None) -> None:
        values = [p for p in parts if p is not None]
        if expected is None or not values:
            return
        actual = sum(values, Decimal(0))
        self.result(check, actual == expected, expected, actual, detail, len(values), page)


def same_at_printed_precision(table: Decimal | None, prose: Decimal) -> bool:
    """Whether a prose figure states a table figure at the precision the prose prints.

    A table in 元 converts to 万元 with four decimals (243,120 元 = 24.3120 万元); prose that
    says 24.31 万元 states the same figure rounded half up, which is not a contradiction.
    Anything else, including a 0.01 difference at the prose's own precision, is one.
    """
    if table is None:
        return False
    if table == prose:
        return True
    prose_exp, table_exp = prose.as_tuple().exponent, table.as_tuple().exponent
    if not isinstance(prose_exp, int) or not isinstance(table_exp, int):
        return False
    places = -prose_exp
    return 0 < places < -table_exp and table.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == prose


def _fmt(value: Any) -> str | None:
    if value is None:
        return None
    return format_amount(value) if isinstance(value, Decimal) else str(value)


def _table_totals(d: Disclosure, origin: str = "table") -> dict[str, Row]:
    found: dict[str, Row] = {}
    for row in d.rows.get("totals", []):
        if row["origin"] == origin:
            found.setdefault(row["metric"], row)
    return found


def _table_revenue(d: Disclosure) -> dict[str, Decimal]:
    """The non-zero revenue lines the 收支总表 prints, by source."""
    return {r["source"]: r["amount"] for r in d.rows.get("revenue_by_source", []) if r["origin"] == "table" and r.get("amount")}


def _has_other_funds(revenue: dict[str, Decimal]) -> bool:
    """Whether money other than the 一般公共预算 is spent: then one-fund tables need not match all-fund ones."""
    return bool(set(revenue) - {"general_public_budget"})


def check_function_levels(c: Checker) -> None:
    rows = [r for r in c.d.rows.get("expenditure_by_function", []) if r["origin"] == "table" and r.get("function_code")]
    codes = {r["function_code"]: r for r in rows}
    for parent in rows:
        code = parent["function_code"]
        if len(code) == 7:
            continue
        kids = [r for r in rows if len(r["function_code"]) == len(code) + 2 and r["function_code"].startswith(code)]
        if not kids and len(code) == 3:
            kids = [r for r in rows if len(r["function_code"]) == 7 and r["function_code"].startswith(code) and r["function_code"][:5] not in codes]
        if not kids:
            continue
        for col, label in (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出")):
            c.compare(
                "function-levels-add-up",
                parent.get(col),
                [k.get(col) for k in kids],
                f"{parent['source_table']}: {label} of {code} {parent['function_name']} against the sum of its {len(kids)} lower-level rows",
                parent.get("page"),
            )
    for row in rows:
        if row.get("basic") is not None or row.get("project") is not None:
            c.compare(
                "function-basic-plus-project",
                row.get("total"),
                [row.get("basic"), row.get("project")],
                f"{row['source_table']}: 合计 of {row['function_code']} {row['function_name']} against 基本支出 + 项目支出",
                row.get("page"),
            )
    top = [r for r in rows if len(r["function_code"]) == 3] or [r for r in rows if len(r["function_code"]) == 7]
    totals = _table_totals(c.d)
    target = totals.get("expenditure_current_year")
    # The function table covers the 一般公共预算 only; where other money is spent too, its sum is
    # the 一般公共预算 revenue line, not the year's whole expenditure.
    revenue = _table_revenue(c.d)
    if top and target and _has_other_funds(revenue) and revenue.get("general_public_budget"):
        c.compare("function-sum-matches-total", revenue["general_public_budget"], [r.get("total") for r in top], f"sum of the function table's {len(top)} top-level rows against the 一般公共预算 revenue of the {target['source_table']}")
    elif top and target:
        c.compare("function-sum-matches-total", target["amount"], [r.get("total") for r in top], f"sum of the function table's {len(top)} top-level rows against 本年支出合计 of the {target['source_table']}")


def check_economic_levels(c: Checker) -> None:
    rows = [r for r in c.d.rows.get("basic_expenditure_by_economic", []) if r.get("economic_code")]
    for parent in rows:
        code = parent["economic_code"]
        if len(code) != 3:
            continue
        kids = [r for r in rows if len(r["economic_code"]) == 5 and r["economic_code"].startswith(code)]
        for col, label in (("total", "合计"), ("personnel", "人员经费"), ("public", "公用经费")):
            c.compare(
                "economic-levels-add-up",
                parent.get(col),
                [k.get(col) for k in kids],
                f"{parent['source_table']}: {label} of {code} {parent['economic_name']} against the sum of its {len(kids)} items",
                parent.get("page"),
            )
    for row in rows:
        c.compare(
            "economic-personnel-plus-public",
            row.get("total"),
            [row.get("personnel"), row.get("public")],
            f"{row['source_table']}: 合计 of {row['economic_code']} {row['economic_name']} against 人员经费 + 公用经费",
            row.get("page"),
        )
    # the table's own total row (kept under its title), not the department's headline figure
    tables = {r["source_table"] for r in rows}
    own = {r["metric"]: r for r in c.d.rows.get("totals", []) if r["origin"] == "table" and r.get("source_table") in tables}
    own.update({r["metric"]: r for r in c.d.evidence.basic_table_totals})
    leaves = [r for r in rows if len(r["economic_code"]) == 5] or rows
    for metric, col, label in (("basic_expenditure", "total", "基本支出"), ("personnel_expenditure", "personnel", "人员经费"), ("public_expenditure", "public", "公用经费")):
        if metric in own and leaves:
            c.compare("economic-sum-matches-total", own[metric]["amount"], [r.get(col) for r in leaves], f"sum of the {len(leaves)} economic items' {label} against the table's {label} total")


def check_headline_identities(c: Checker) -> None:
    for origin in ("table", "narrative"):
        t = {k: v["amount"] for k, v in _table_totals(c.d, origin).items()}
        where = "tables" if origin == "table" else "prose"
        if "revenue_total" in t and "expenditure_total" in t:
            c.result("revenue-equals-expenditure", t["revenue_total"] == t["expenditure_total"], t["revenue_total"], t["expenditure_total"], f"收入总计 against 支出总计 in the {where}")
        if "revenue_total" in t and "revenue_current_year" in t:
            c.compare("revenue-total-adds-up", t["revenue_total"], [t["revenue_current_year"], t.get("carryover_in")], f"收入总计 against 本年收入合计 + 上年结转 in the {where}")
        if "basic_expenditure" in t and "project_expenditure" in t and "expenditure_current_year" in t:
            parts, named = [t["basic_expenditure"], t["project_expenditure"]], "基本支出 + 项目支出"
            if t.get("reserve_expenditure") is not None:
                parts, named = [*parts, t["reserve_expenditure"]], named + " + 单位预留机动经费"
            c.compare("basic-plus-project", t["expenditure_current_year"], parts, f"本年支出合计 against {named} in the {where}")
        if "basic_expenditure" in t and "personnel_expenditure" in t and "public_expenditure" in t:
            c.compare("personnel-plus-public", t["basic_expenditure"], [t["personnel_expenditure"], t["public_expenditure"]], f"基本支出 against 人员经费 + 公用经费 in the {where}")
    table = _table_totals(c.d)
    sources = [r for r in c.d.rows.get("revenue_by_source", []) if r["origin"] == "table" and r["source"] != "carryover"]
    if "revenue_current_year" in table and sources:
        c.compare("revenue-lines-add-up", table["revenue_current_year"]["amount"], [r["amount"] for r in sources], "the 收支总表's revenue lines against 本年收入合计")
    projects = c.d.rows.get("projects", [])
    if "project_expenditure" in table and projects:
        c.compare("projects-add-up", table["project_expenditure"]["amount"], [p["amount"] for p in projects], f"the {len(projects)} projects against 项目支出 of the {table['project_expenditure']['source_table']}")


def check_three_public(c: Checker) -> None:
    groups: dict[tuple[str, int], dict[str, Decimal]] = defaultdict(dict)
    for row in c.d.rows.get("three_public", []):
        if row.get("amount") is not None:
            groups[(row["origin"], row["fiscal_year"])].setdefault(row["item"], row["amount"])
    for (origin, year), items in sorted(groups.items()):
        where = "table" if origin == "table" else "prose"
        if "total" in items:
            parts = [items.get("outbound_travel"), items.get("vehicle_total"), items.get("reception")]
            if items.get("vehicle_total") is None and ("vehicle_purchase" in items or "vehicle_operation" in items):
                parts = [items.get("outbound_travel"), items.get("vehicle_purchase"), items.get("vehicle_operation"), items.get("reception")]
            c.compare("three-public-parts-add-up", items["total"], parts, f"“三公” total {year} against 因公出国（境） + 公务用车 + 公务接待 in the {where}")
        if "vehicle_total" in items:
            c.compare("three-public-vehicle-adds-up", items["vehicle_total"], [items.get("vehicle_purchase"), items.get("vehicle_operation")], f"公务用车购置及运行费 {year} against 购置 + 运行 in the {where}")


def check_prose_against_tables(c: Checker) -> None:
    table = _table_totals(c.d)
    stated: dict[str, list[Decimal]] = defaultdict(list)
    for row in c.d.rows.get("totals", []):
        if row["origin"] == "narrative":
            stated[row["metric"]].append(row["amount"])
    for metric, values in sorted(stated.items()):
        if len(set(values)) > 1:
            c.result("prose-consistent", False, values[0], values[1], f"the prose states {metric} twice with different amounts")
        if metric in table:
            for value in values:
                c.result("prose-agrees-with-table", same_at_printed_precision(table[metric]["amount"], value), table[metric]["amount"], value, f"{metric}: the prose against the {table[metric]['source_table']}")
    fy = c.d.meta.get("fiscal_year")
    tp: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in c.d.rows.get("three_public", []):
        if row["fiscal_year"] == fy and row.get("amount") is not None:
            tp[row["origin"]].setdefault(row["item"], row["amount"])
    for item, value in sorted(tp["narrative"].items()):
        if item in tp["table"]:
            c.result("three-public-prose-agrees", same_at_printed_precision(tp["table"][item], value), tp["table"][item], value, f"“三公” {item}: the prose against the table")
    fn: dict[str, dict[str, list[Decimal]]] = defaultdict(lambda: defaultdict(list))
    for row in c.d.rows.get("expenditure_by_function", []):
        if row.get("function_code") and row.get("total") is not None:
            fn[row["origin"]][row["function_code"]].append(row["total"])
    for code, values in sorted(fn["narrative"].items()):
        for value in dict.fromkeys(values):
            if code in fn["table"]:
                c.result("function-prose-agrees", same_at_printed_precision(fn["table"][code][0], value), fn["table"][code][0], value, f"function {code}: the amount the prose states against the table")
        if len(set(values)) > 1:
            c.result("prose-consistent", False, values[0], values[1], f"the prose states function {code} twice with different amounts")
    rev: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in c.d.rows.get("revenue_by_source", []):
        if row.get("amount") is not None:
            rev[row["origin"]].setdefault(row["source"], row["amount"])
    for source, value in sorted(rev["narrative"].items()):
        if source in rev["table"] and (value != 0 or rev["table"][source] is not None):
            c.result("revenue-prose-agrees", same_at_printed_precision(rev["table"][source], value), rev["table"][source], value, f"revenue {source}: the prose against the 收支总表")


def _share_of(amount: Decimal, base: Decimal, share: Decimal) -> tuple[bool, Decimal]:
    """Whether ``share`` % follows from amount/base at the places it is printed with, and the computed share."""
    places = -share.as_tuple().exponent if share.as_tuple().exponent < 0 else 0  # type: ignore[operator]
    computed = (amount / base * 100).quantize(Decimal(1).scaleb(-places))
    return abs(computed - share) <= Decimal(1).scaleb(-places), computed


def _share_runs(stmts: list[Statement]) -> list[tuple[int, int]]:
    """(start, end) index ranges of consecutive statements that each state a share."""
    runs, i = [], 0
    while i < len(stmts):
        if stmts[i].share is None or stmts[i].amount < 0:
            i += 1
            continue
        j = i
        while j + 1 < len(stmts) and stmts[j + 1].share is not None and stmts[j + 1].amount >= 0:
            j += 1
        runs.append((i, j + 1))
        i = j + 1
    return runs


def check_shares(c: Checker) -> None:
    # A run such as “A x 万元，占 a%；B y 万元，占 b%” shares one base: the figure the sentence
    # names before it, or the run's own sum. The base that explains most of the run is taken,
    # so one wrong share is reported against the base the others agree with.
    stmts = c.d.evidence.statements
    for start, end in _share_runs(stmts):
        run = [st for st in stmts[start:end] if st.share is not None]  # a run holds shares only
        largest = max(st.amount for st in run)
        bases = [b.amount for b in reversed(stmts[max(0, start - 12) : start]) if b.share is None and b.amount >= largest and b.amount > 0]
        total = sum((st.amount for st in run), Decimal(0))
        if len(run) > 1 and total > 0:
            # shares that add up to about 100% are shares of their own sum
            bases.insert(0 if sum(st.share or 0 for st in run) >= 99 else len(bases), total)
        if not bases:
            continue
        base = max(bases, key=lambda b: (sum(_share_of(st.amount, b, st.share or Decimal(0))[0] for st in run), -bases.index(b)))
        for st in run:
            ok, computed = _share_of(st.amount, base, st.share or Decimal(0))
            c.result(
                "share-agrees",
                ok,
                f"{st.share}%",
                f"{computed}%",
                f"“{st.label[-24:]}” {format_amount(st.amount)} 万元 stated as {st.share}% of {format_amount(base)} 万元",
            )


def check_units(c: Checker) -> None:
    notes = c.d.evidence.unit_notes
    for block in c.d.evidence.blocks:
        assumed = next((n for n in notes if n.table == block.title), None)
        if assumed:
            c.result("amount-unit-declared", False, "a declared unit", f"none; read as {assumed.assumed} like the document's other tables", f"{block.title} declares no amount unit", page=block.page)
        elif block.unit:
            c.result("amount-unit-declared", True, block.unit, block.unit, f"{block.title} declares its amounts in {block.unit}", page=block.page)
    known: set[Decimal] = set()
    for res, col in (("totals", "amount"), ("revenue_by_source", "amount"), ("expenditure_by_function", "total")):
        known |= {r[col] for r in c.d.rows.get(res, []) if r.get(col) is not None and r.get("origin") == "table"}
    for st in c.d.evidence.all_statements:
        if st.unit == "元":
            as_wan = st.amount.scaleb(4)
            if as_wan in known and as_wan >= 1:
                c.result("unit-mislabel", False, f"{format_amount(as_wan)} 万元", f"{format_amount(as_wan)} 元", f"“{st.label[-30:]}{format_amount(as_wan)}元”: the figure is printed in 元 where the tables give the same number in 万元")


def check_required_tables(c: Checker) -> None:
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
    bad = [r for r in c.d.rows.get("expenditure_by_function", []) if r.get("function_code") and len(r["function_code"]) not in (3, 5, 7)]
    bad += [r for r in c.d.rows.get("basic_expenditure_by_economic", []) if r.get("economic_code") and len(r["economic_code"]) not in (3, 5)]
    c.result("codes-well-formed", not bad, "3/5/7-digit codes", f"{len(bad)} malformed" if bad else "all well formed", "every function code has 3, 5 or 7 digits and every economic code 3 or 5")


def check_tables_agree(c: Checker) -> None:
    """The same figure printed in two tables is the same amount.

    The 一般公共预算 tables cover one fund; the 收支总表, 支出总表 and 财政拨款 tables cover every
    fund. Where the document has money from other funds (its 收支总表 lists other revenue), their
    figures may differ by design and the comparison is not applicable.
    """
    other_money = _has_other_funds(_table_revenue(c.d))
    for cross in c.d.evidence.cross:
        (first_table, one), (second_table, two) = cross.first, cross.second
        detail = f"{cross.what}: {first_table} against {second_table}"
        if other_money and one != two:
            c.result("table-figures-agree", None, one, two, detail + " (not comparable: the document has money from other funds)", page=cross.page)
        else:
            c.result("table-figures-agree", one == two, one, two, detail, page=cross.page)
    by_metric: dict[str, list[Row]] = defaultdict(list)
    for row in c.d.rows.get("totals", []):
        if row["origin"] == "table":
            by_metric[row["metric"]].append(row)
    for metric, rows in sorted(by_metric.items()):
        first = rows[0]
        for other in rows[1:]:
            if other.get("source_table") != first.get("source_table"):
                c.result("table-figures-agree", other["amount"] == first["amount"], first["amount"], other["amount"], f"{metric}: {first.get('source_table')} against {other.get('source_table')}", page=other.get("page"))


_YOY = re.compile(
    r"(?P<cur>\d[\d,]*(?:\.\d+)?)\s*万元[^。；;万]{0,30}?(?:比|较|与)(?:上年|上一年|\d{4}年)[^。；;\d]{0,16}?"
    r"(?P<dir>增加|减少|增长|下降)\s*(?P<d>\d[\d,]*(?:\.\d+)?)\s*万元[，,、]?\s*(?:同比)?(?:增长|下降|增幅|降幅|减少|增加)\s*(?P<p>\d+(?:\.\d+)?)\s*%"
)


def check_year_on_year(c: Checker) -> None:
    """“X 万元，比上年增加 D 万元，增长 P%”: P follows from D and last year's X − D (or X + D).

    The stated percentage agrees when it is within one unit of its last printed decimal of the
    computed one (the same tolerance as stated shares).
    """
    text = c.d.evidence.prose
    for m in _YOY.finditer(text):
        current, change, stated = (Decimal(m.group(g).replace(",", "")) for g in ("cur", "d", "p"))
        previous = current - change if m.group("dir") in ("增加", "增长") else current + change
        if previous <= 0:
            continue
        ok, computed = _share_of(change, previous, stated)
        c.result(
            "yoy-agrees",
            ok,
            f"{stated}%",
            f"{computed}%",
            f"“…{m.group(0)[-60:]}”: {format_amount(change)} 万元 against last year's {format_amount(previous)} 万元",
        )


def check_classification(c: Checker) -> None:
    """Every printed code is official for the year, under the name the document prints for it."""
    year = c.d.meta.get("fiscal_year")
    kinds = (
        ("expenditure_by_function", "function_code", "function_name", classification.function_name),
        ("basic_expenditure_by_economic", "economic_code", "economic_name", classification.economic_name),
    )
    checked = failed = 0
    for resource, code_field, name_field, official_of in kinds:
        for row in c.d.rows.get(resource, []):
            code, printed = row.get(code_field), row.get(name_field) or ""
            if not code or row.get("origin", "table") != "table":
                continue
            official = official_of(code, year)
            checked += 1
            failed += official is None or not classification.names_agree(printed, official)
            where = f"{row.get('source_table', resource)}: {code} {printed}"
            if official is None:
                c.result("classification-code-known", False, f"an official code for {year}", code, f"{where}: the code is not in the {year} classification (or our reference lacks it)", page=row.get("page"))
            elif not classification.names_agree(printed, official):
                c.result("classification-name-agrees", False, official, printed, f"{where}: the printed name is not the official name of {code}", page=row.get("page"))
    if checked and not failed:
        c.result("classification-name-agrees", True, f"{checked} official codes", f"{checked} official codes", f"all {checked} printed function and economic codes are official for {year} and printed under their official names")


CHECKS = (
    check_classification,
    check_tables_agree,
    check_function_levels,
    check_economic_levels,
    check_headline_identities,
    check_three_public,
    check_prose_against_tables,
    check_shares,
    check_year_on_year,
    check_units,
    check_required_tables,
    check_years,
    check_codes,
)


def check_disclosure(disclosure: Disclosure) -> list[Row]:
    """Every check's results for the disclosure (also stored as its ``checks`` rows)."""
    checker = Checker(disclosure)
    for check in CHECKS:
        check(checker)
    disclosure.rows["checks"] = checker.out
    return checker.out

"""The 收支总表's headline identities, in the tables and in the prose, and the lines that make up its totals."""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import printed_wan
from cnbudget.checks.amounts import half_unit
from cnbudget.checks.base import (
    Check,
    Checker,
    Row,
    Side,
    general_budget_totals,
    in_phase,
    phase_en,
    phase_of,
    phased,
    phases_in,
    quoted,
    side,
    stated,
    table_revenue,
    table_totals,
    titled,
)
from cnbudget.checks.restated import fund_and_whole, other_money
from cnbudget.checks.rounding import ROUNDING
from cnbudget.schema.names import METRIC_NAMES


def figure(rows: dict[str, Row], metric: str) -> Side:
    """A headline figure as a side: its Chinese name in the table it is read from, its amount and page."""
    row = rows[metric]
    return side(f"{titled(row.get('source_table'))}的{quoted(METRIC_NAMES[metric])}", row["amount"], row.get("page"))


def _printed(c: Checker, rows: dict[str, Row], metric: str) -> Side:
    """A headline figure as a side; one the prose prints in 元 with its words as printed after its name (“（原文“8105563.00元”）”)."""
    total = figure(rows, metric)
    for st in stated(c.d, "totals") if rows[metric].get("source_table") == "narrative" else ():
        found = (m.group(0) for m in re.finditer(r"(\d[\d,]*(?:\.\d+)?)元", str(st.get("text"))) if printed_wan(m.group(1), "元") == total.value)
        if st["subject"] == metric and st["amount"] == total.value and (words := next(found, None)):
            return side(f"{total.name}（原文“{words}”）", total.value, total.pages)
    return total


def sum_of(
    c: Checker, check_id: str, subject: str, phase: str, rows: dict[str, Row], total: str, parts: list[str], detail_en: str, names: dict[str, str] = METRIC_NAMES
) -> None:
    """A headline figure against the sum of others of the same origin and phase; a part the build doubts makes it not applicable.

    ``names``: how the document names the metrics (a final account's 年末结转和结余 is the 结转下年).
    """
    doubt = c.doubt("totals", *(f"{m}/{phase}/amount" for m in parts if m not in rows))
    present = [m for m in parts if m in rows]
    if total not in rows or (len(present) < len(parts) and doubt is None):
        return
    tables = [rows[m].get("source_table") for m in present]
    if len(set(tables)) > 1:  # a part the prose leaves out, taken from the table that prints it
        named = " + ".join(f"{titled(t)}的{quoted(names[m])}" for m, t in zip(present, tables))
    else:
        named = f"{titled(tables[0]) if tables else ''}的" + " + ".join(quoted(names[m]) for m in parts)
    if len(set(tables)) > 1 and doubt is None and all(rows[m]["amount"] is not None for m in [total, *present]):
        # prose and table figures rounded each on its own: they agree if the figures behind them may add up
        amounts = [rows[m]["amount"] for m in present]
        actual = sum(amounts, Decimal(0))
        slack = sum((half_unit(a) for a in [rows[total]["amount"], *amounts]), Decimal(0))
        ok = abs(rows[total]["amount"] - actual) <= slack
        pages = [rows[m].get("page") for m in present]
        c.result(check_id, subject, ok, _printed(c, rows, total), side(named, actual, pages), detail_en, terms=len(present))
        return
    c.compare(
        check_id,
        subject,
        _printed(c, rows, total),
        [rows[m]["amount"] for m in present],
        named,
        detail_en,
        parts_pages=[rows[m].get("page") for m in present],
        doubt=doubt,
        prose=all(rows[m].get("source_table") == "narrative" for m in [total, *present]),
    )


OTHER_MONEY = "部门还有一般公共预算以外的资金：“基本支出”含全部资金，“人员经费”“公用经费”只是一般公共预算的，两者本可不同"


OTHER_MONEY_PARTS = "部门还有一般公共预算以外的资金：文字说明的“本年支出合计”含全部资金，所写的“基本支出”或“项目支出”只是一般公共预算的，两者本可不同"


OPERATING_PROSE = "文字说明在基本支出、项目支出之外另写了经营支出，差额不超过它，不能据此判断两者矛盾"
OPERATING_PARTS = "单位有事业单位经营收入，支出表在基本支出、项目支出之外另列事业单位经营支出，差额不超过经营收入，不能据此判断两者矛盾"


OPERATING_PROJECTS = "单位有事业单位经营收入，项目支出表可能把经营支出的项目也列入，而支出表把经营支出另列在项目支出之外，差额不超过经营收入，不能据此判断两者矛盾"


def _operating_gap(c: Checker, origin: str, phase: str, rows: dict[str, Row], parts: list[str]) -> bool:
    """Whether the table's 本年支出合计 exceeds its 基本 + 项目 by no more than the 事业单位经营收入 it prints: the 经营支出 column."""
    if phase != phase_of(c.d) or "expenditure_current_year" not in rows or any(rows[m].get("amount") is None for m in [*parts, "expenditure_current_year"]):
        return False
    gap = rows["expenditure_current_year"]["amount"] - sum((rows[m]["amount"] for m in parts), Decimal(0))
    if origin != "table":  # the prose naming a 经营支出 beside them: 其中基本支出…，项目支出…，经营支出95.03万元
        named = [Decimal(m.group(1).replace(",", "")) for m in _OPERATING_SPENT.finditer(c.d.evidence.prose)]
        return any(Decimal(0) < gap <= amount for amount in named)
    operating = table_revenue(c.d).get("operating")
    return operating is not None and Decimal(0) < gap <= operating


_OPERATING_SPENT = re.compile(r"经营支出(?:为|是)?(\d[\d,]*(?:\.\d+)?)万元")


def fund_figure(c: Checker, phase: str, rows: dict[str, Row], metric: str) -> bool:
    """Whether the prose's figure of ``metric`` is the 一般公共预算's own, where the tables print another for the whole budget."""
    general = general_budget_totals(c, phase).get(metric)
    whole = table_totals(c.d, "table", phase).get(metric)
    mine = rows[metric].get("amount")
    return general is not None and whole is not None and mine == general["amount"] and mine != whole["amount"]


def same_money_basic(c: Checker, origin: str, phase: str, rows: dict[str, Row], parts: list[str]) -> Row | None:
    """The 基本支出 that 人员经费 + 公用经费 are parts of: of the same money, or None where none is printed.

    The 人员经费 and 公用经费 are the 一般公共预算基本支出表's; the headline 基本支出 is the 支出总表's, every
    fund's. Where the department has other money: in the tables, the 基本支出表's own 合计; in the prose,
    the 基本支出 it states that the parts make up (it states the whole budget's and the fund's). None where
    no such figure is printed: the two are different money, not comparable.
    """
    basic = rows["basic_expenditure"]
    total = sum((rows[m]["amount"] for m in parts if m in rows and rows[m].get("amount") is not None), Decimal(0))
    if origin != "table" and abs((basic.get("amount") or Decimal(0)) - total) <= other_money(c) and any(m in rows and fund_and_whole(c, basic, rows[m]) for m in parts):
        return None  # the prose's 人员经费 every fund's, its 基本支出 the 一般公共预算's (or the other way), apart by no more than the other money
    general = general_budget_totals(c, phase).get("basic_expenditure")
    if general is None:
        return basic
    if origin == "table":
        tables = {rows[m].get("source_table") for m in parts if m in rows}
        if basic.get("source_table") in tables:
            return basic
        return general if general.get("source_table") in tables else None
    stated_basic = [r for r in stated(c.d, "totals") if r["subject"] == "basic_expenditure" and in_phase(r, phase, c.d)]
    same = next((r for r in stated_basic if r["amount"] == total), None)
    if same is not None:
        return {**same, "source_table": "narrative"}
    return None if total == general["amount"] else basic


# a final account's 支出总计 is made of these three lines of its 收支总表 (财决01表), each printed as a total of its own
# parts (结余分配: 交纳所得税, 提取职工福利基金, 转入事业基金, 其他; 年末结转和结余: 基本支出结转, 项目支出结转和结余, 经营结余)
FINAL_EXPENDITURE = ("expenditure_current_year", "surplus_distribution", "carryover_out")
FINAL_NAMES = {**METRIC_NAMES, "carryover_out": "年末结转和结余", "carryover_in": "年初结转和结余"}
EN = {"revenue_current_year": "本年收入合计", "surplus_used": "使用非财政拨款结余", "fund_makeup": "用事业基金弥补收支差额", "carryover_in": "上年结转"}


def final_expenditure_total(c: Checker, origin: str, subject: str, phase: str, rows: dict[str, Row], where: str) -> None:
    """A final account's 支出总计 against its 本年支出合计 + 结余分配 + 年末结转和结余; a line not read makes it not applicable.

    Judged where the 支出总计 and the 本年支出合计 are read, from the tables or from the prose (never one with the other).
    """
    if "expenditure_total" not in rows or "expenditure_current_year" not in rows:
        return
    en = f"支出总计 against 本年支出合计 + 结余分配 + 年末结转和结余 in the {where}"
    present = [m for m in FINAL_EXPENDITURE if m in rows]
    missing = [m for m in FINAL_EXPENDITURE if m not in rows]
    doubt = c.doubt("totals", *(f"{m}/{phase}/amount" for m in missing))
    table = rows["expenditure_total"].get("source_table")
    blank = {r["metric"]: r for r in c.d.evidence.blank_totals if origin == "table" and r.get("phase") == phase and r.get("source_table") == table}
    if missing and doubt is None and all(m in blank for m in missing):
        # the lines are printed, their cells left blank: none was distributed or carried over
        named = f"{titled(table)}的" + " + ".join(quoted(FINAL_NAMES[m]) + ("（空白）" if m in missing else "") for m in FINAL_EXPENDITURE)
        pages = [*(rows[m].get("page") for m in present), *(blank[m].get("page") for m in missing)]
        c.compare("expenditure-total-adds-up", subject, figure(rows, "expenditure_total"), [rows[m]["amount"] for m in present], named, en + " (a blank line is none)", parts_pages=pages)
        return
    if missing and doubt is None:
        named = f"{titled(rows[present[0]].get('source_table'))}的" + " + ".join(quoted(FINAL_NAMES[m]) for m in FINAL_EXPENDITURE)
        lacking = "、".join(quoted(FINAL_NAMES[m]) for m in missing)
        where_zh = "文字说明" if origin == "narrative" else "表格"
        reason = f"决算的支出总计由本年支出合计、结余分配和年末结转和结余组成，{where_zh}未列出{lacking}的金额，无从核对"
        parts_side = side(named, None, *(rows[m].get("page") for m in present))
        c.result("expenditure-total-adds-up", subject, None, figure(rows, "expenditure_total"), parts_side, en + " (not applicable: a line not read)", reason=reason)
        return
    sum_of(c, "expenditure-total-adds-up", subject, phase, rows, "expenditure_total", list(FINAL_EXPENDITURE), en, FINAL_NAMES)


# lines some 收支总表 templates print below 本年收入合计, as parts of the 收入总计 beside it (Shandong: 上级补助收入)
BELOW_CURRENT_YEAR = ("superior_subsidy", "affiliated_turnover")


def outside_current_year(c: Checker) -> list[Row]:
    """The 收支总表's 上级补助收入 and 附属单位上缴收入 lines where they are not part of its 本年收入合计, else none.

    Templates differ: in some these lines are among the 本年收入 lines, in others printed below 本年收入合计, beside the
    上年结转, as parts of the 收入总计. The table's identities choose: the other lines add up to the 本年收入合计 only
    without them (exactly, or within a cent a line where with them they miss it by more: each line is rounded on its own).
    """
    table = table_totals(c.d)
    current = table.get("revenue_current_year", {}).get("amount")
    lines = [r for r in c.d.rows.get("revenue_by_source", []) if r["origin"] == "table" and in_phase(r, phase_of(c.d), c.d) and r["source"] != "carryover"]
    below = [r for r in lines if r["source"] in BELOW_CURRENT_YEAR and r.get("amount")]
    if current is None or not below:
        return []
    amounts = [r["amount"] for r in lines if r.get("amount") is not None]
    rest = [r["amount"] for r in lines if r not in below and r.get("amount") is not None]
    full, kept, slack = sum(amounts, Decimal(0)), sum(rest, Decimal(0)), ROUNDING * len(rest)
    # 上级补助收入 3,403.00 printed below a 本年收入合计 of 32,471.49 that the five lines above it add up to 32,471.50
    return below if (full != current and kept == current) or abs(full - current) > slack >= abs(kept - current) else []


WITHHELD_PROJECTS = "文件说明部分项目按保密规定未予公开，所列项目之和本可小于项目支出"


def withheld(c: Checker, total: Decimal | None, amounts: list[Decimal | None]) -> bool:
    """Whether the document says it left projects out (保密 … 予以剔除) and the listed ones add up to less than the total."""
    listed = sum((a for a in amounts if a is not None), Decimal(0))
    said = any(re.search(r"(?:保密|涉密).{0,40}(?:剔除|不予公开|未予公开|不公开)", line) for line in c.d.evidence.empty_explained)
    return said and total is not None and listed < total


# a carry-over the prose names with an amount that is not 0: the year's revenue and expenditure may then differ
_CARRIED = re.compile(r"(?:上年|年初)结转(?:和|及)?(?:结余)?(?:资金|收入)?(?:为|是)?\s*(?:0*[1-9]|0\.\d*[1-9])|结转下年|年末结转")


# 总收入 / 总支出 named without the words of the 收支总表's totals (收入总计, 支出总计, 收支总计)
_LOOSE_TOTAL = re.compile(r"^(?!.*(?:收入总计|支出总计|收、?支总计)).*总(?:收入|支出)")
LOOSE_TOTALS = "决算文字说明的“总收入”“总支出”可能只是本年收入、本年支出（不含年末结转和结余），两者不等不能据此判断矛盾"
UNNAMED_CARRYOVER = "文字说明没有写出年初结转和结余（或使用非财政拨款结余），收入总计大于本年收入合计的差额可能就是它，不作判断"


def _unnamed_carryover(rows: dict[str, Row]) -> bool:
    """The prose's 收入总计 above its 本年收入合计, both read: the gap may be a carry-over it never names."""
    total, current = rows["revenue_total"]["amount"] if "revenue_total" in rows else None, rows["revenue_current_year"]["amount"]
    return isinstance(total, Decimal) and isinstance(current, Decimal) and total > current


def budget_balances(c: Checker, rows: dict[str, Row], table: dict[str, Row]) -> None:
    """A budget's prose stating its 收入预算 and 支出预算 (the year's, no carry-over named): a budget balances, the two are equal.

    Where the prose or the tables print a carry-over (上年结转 in, 结转下年 out) the year's two figures may differ
    by it, and they are not compared; spending above revenue may be a carry-over the prose leaves out (not
    applicable): only revenue above spending fails. Subject: ``narrative/current_year``.
    """
    if "revenue_current_year" not in rows or "expenditure_current_year" not in rows:
        return
    if any(m in rows for m in ("carryover_in", "carryover_out")) or any(table.get(m, {}).get("amount") for m in ("carryover_in", "carryover_out")):
        return
    if _CARRIED.search(c.d.evidence.prose):
        return
    one, two = figure(rows, "revenue_current_year"), figure(rows, "expenditure_current_year")
    # spending above the year's revenue may be a 上年结转 the prose does not name: only revenue left unspent contradicts
    short = isinstance(one.value, Decimal) and isinstance(two.value, Decimal) and one.value < two.value
    c.result(
        "revenue-equals-expenditure",
        "narrative/current_year",
        None if short else one.value == two.value,
        side("文字说明所写的本年收入预算", one.value, rows["revenue_current_year"].get("page")),
        side("文字说明所写的本年支出预算", two.value, rows["expenditure_current_year"].get("page")),
        "a budget's 收入预算 against its 支出预算 in the prose (no carry-over named: a budget balances)",
        reason="支出预算大于收入预算，差额可能是文字说明没有写出的上年结转，不作判断" if short else None,
    )


def headline_rows(c: Checker) -> list[tuple[str, str, dict[str, Row]]]:
    """(origin, phase, metric → row) for the tables and then the prose's statements, one set per phase, the disclosure's own first."""
    out: list[tuple[str, str, dict[str, Row]]] = []
    tables = [r for r in c.d.rows.get("totals", []) if r["origin"] == "table"]
    for phase in phases_in(tables, c.d):
        out.append(("table", phase, table_totals(c.d, "table", phase)))
    fy = c.d.meta.get("fiscal_year")
    prose = [r for r in stated(c.d, "totals") if r.get("fiscal_year") in (None, fy)]
    for phase in phases_in(prose, c.d):
        rows: dict[str, Row] = {}
        for r in prose:
            if in_phase(r, phase, c.d):
                rows.setdefault(r["subject"], {**r, "source_table": "narrative"})
        out.append(("narrative", phase, rows))
    return out


def check_headline_identities(c: Checker) -> None:
    """收入总计 = 支出总计, its parts add up, and the revenue lines and projects sum to their totals.

    Subject: where the headline figures are read, ``table`` or ``narrative`` (``table/adjusted`` for a
    phase other than the disclosure's own); for the revenue lines and the projects, the total they add
    up to (``revenue_current_year``, ``project_expenditure``).
    """
    printed: dict[str, dict[str, Row]] = {}
    for origin, phase, rows in headline_rows(c):
        if origin == "table":
            printed[phase] = rows
        where = ("tables" if origin == "table" else "prose") + phase_en(phase, c.d)
        subject = phased(origin, phase, c.d)
        if "revenue_total" in rows and "expenditure_total" in rows:
            one, two = figure(rows, "revenue_total"), figure(rows, "expenditure_total")
            # a final account's prose 总收入 and 总支出 may be the year's 本年收入 and 本年支出 (no 结转 in them): not judged apart
            loose = origin == "narrative" and c.d.meta.get("kind") == "final_account" and one.value != two.value and all(_LOOSE_TOTAL.search(str(rows[m].get("text", ""))) for m in ("revenue_total", "expenditure_total"))
            c.result("revenue-equals-expenditure", subject, None if loose else one.value == two.value, one, two, f"收入总计 against 支出总计 in the {where}", reason=LOOSE_TOTALS if loose else None)
        if origin == "narrative" and c.d.meta.get("kind") == "budget" and phase == phase_of(c.d) and not ("revenue_total" in rows and "expenditure_total" in rows):
            budget_balances(c, rows, printed.get(phase, {}))
        carried = printed.get(phase, {}).get("carryover_in")
        if origin == "narrative" and "carryover_in" not in rows and carried and carried.get("amount"):
            # the prose leaves out the carry-over the 收支总表 prints (a final account's 年初结转和结余 often):
            # its 收入总计 is still 本年收入合计 plus that carry-over, so the table's figure stands in for it
            rows = {**rows, "carryover_in": carried}
        if "revenue_current_year" in rows:
            # a final account's 收入总计 adds its 使用非财政拨款结余 (and 用事业基金弥补收支差额) where printed
            parts = ["revenue_current_year", *(m for m in ("surplus_used", "fund_makeup", "carryover_in") if m in rows)]
            outside = outside_current_year(c) if origin == "table" and phase == phase_of(c.d) else []
            if outside and "revenue_total" in rows:
                names = " + ".join([*(quoted(METRIC_NAMES[m]) for m in parts), *(quoted(str(r.get("source_name") or r["source"])) for r in outside)])
                c.compare(
                    "revenue-total-adds-up",
                    subject,
                    figure(rows, "revenue_total"),
                    [*(rows[m]["amount"] for m in parts), *(r["amount"] for r in outside)],
                    f"{titled(rows['revenue_current_year'].get('source_table'))}的{names}",
                    f"收入总计 against 本年收入合计 + 上年结转 + the lines printed below 本年收入合计 in the {where}",
                    parts_pages=[*(rows[m].get("page") for m in parts), *(r.get("page") for r in outside)],
                )
            elif origin == "narrative" and parts == ["revenue_current_year"] and _unnamed_carryover(rows):
                # the prose names no 结转/结余 at all: a 收入总计 above its 本年收入合计 may hold the one it leaves out
                one, two = figure(rows, "revenue_total"), figure(rows, "revenue_current_year")
                c.result("revenue-total-adds-up", subject, None, one, two, f"收入总计 against 本年收入合计 in the {where} (a carry-over unnamed)", reason=UNNAMED_CARRYOVER)
            else:
                en = " + ".join(EN[m] for m in parts)
                called = FINAL_NAMES if c.d.meta.get("kind") == "final_account" else METRIC_NAMES
                sum_of(c, "revenue-total-adds-up", subject, phase, rows, "revenue_total", parts, f"收入总计 against {en} in the {where}", called)
        if origin == "table" and c.d.meta.get("kind") == "budget" and "expenditure_current_year" in rows:
            # a budget's 支出总计 is its 本年支出合计 and what it carries to next year
            parts = ["expenditure_current_year", *(["carryover_out"] if "carryover_out" in rows else [])]
            sum_of(c, "expenditure-total-adds-up", subject, phase, rows, "expenditure_total", parts, f"支出总计 against 本年支出合计 + 结转下年 in the {where}")
        if c.d.meta.get("kind") == "final_account" and phase == phase_of(c.d):
            final_expenditure_total(c, origin, subject, phase, rows, where)
        if "basic_expenditure" in rows and "project_expenditure" in rows:
            parts, named = ["basic_expenditure", "project_expenditure"], "基本支出 + 项目支出"
            if rows.get("reserve_expenditure", {}).get("amount") is not None:
                parts, named = [*parts, "reserve_expenditure"], named + " + 单位预留机动经费"
            en = f"本年支出合计 against {named} in the {where}"
            fund_only = [m for m in parts if origin == "narrative" and fund_figure(c, phase, rows, m)]
            if fund_only and "expenditure_current_year" in rows:
                # the prose's 基本支出 (or 项目支出) is the 一般公共预算's, its 本年支出合计 the whole budget's
                total = sum((rows[m]["amount"] for m in parts if rows[m].get("amount") is not None), Decimal(0))
                parts_side = side(f"文字说明的{' + '.join(quoted(METRIC_NAMES[m]) for m in parts)}", total, *(rows[m].get("page") for m in parts))
                c.result("basic-plus-project", subject, None, figure(rows, "expenditure_current_year"), parts_side, en + " (not comparable: other money)", reason=OTHER_MONEY_PARTS)
            elif _operating_gap(c, origin, phase, rows, parts):
                total = sum((rows[m]["amount"] for m in parts if rows[m].get("amount") is not None), Decimal(0))
                parts_side = side(f"{titled(rows[parts[0]].get('source_table'))}的{' + '.join(quoted(METRIC_NAMES[m]) for m in parts)}", total, *(rows[m].get("page") for m in parts))
                c.result("basic-plus-project", subject, None, figure(rows, "expenditure_current_year"), parts_side, en + " (not comparable: 经营支出)", reason=OPERATING_PARTS if origin == "table" else OPERATING_PROSE)
            else:
                sum_of(c, "basic-plus-project", subject, phase, rows, "expenditure_current_year", parts, en)
        if "basic_expenditure" in rows and ("personnel_expenditure" in rows or "public_expenditure" in rows):
            parts = ["personnel_expenditure", "public_expenditure"]
            own = same_money_basic(c, origin, phase, rows, parts)
            en = f"基本支出 against 人员经费 + 公用经费 in the {where}"
            if own is not None:
                sum_of(c, "personnel-plus-public", subject, phase, {**rows, "basic_expenditure": own}, "basic_expenditure", parts, en)
            else:
                present = [m for m in parts if m in rows]
                names = " + ".join(quoted(METRIC_NAMES[m]) for m in present)
                amount = sum((rows[m]["amount"] for m in present if rows[m].get("amount") is not None), Decimal(0))
                parts_side = side(f"{titled(rows[present[0]].get('source_table'))}的{names}", amount, *(rows[m].get("page") for m in present))
                c.result("personnel-plus-public", subject, None, figure(rows, "basic_expenditure"), parts_side, en + " (not comparable: other money)", reason=OTHER_MONEY)
    table = table_totals(c.d)
    sources = [r for r in c.d.rows.get("revenue_by_source", []) if r["origin"] == "table" and in_phase(r, phase_of(c.d), c.d) and r["source"] != "carryover"]
    below_ids = {id(r) for r in outside_current_year(c)}
    sources = [r for r in sources if id(r) not in below_ids]
    if "revenue_current_year" in table and sources:
        c.compare(
            "revenue-lines-add-up",
            "revenue_current_year",
            figure(table, "revenue_current_year"),
            [r["amount"] for r in sources],
            f"其 {len(sources)} 项收入之和",
            "the 收支总表's revenue lines against 本年收入合计",
            parts_pages=[r.get("page") for r in sources],
            doubt=c.doubt("revenue_by_source", *(f"{r['source']}/{r.get('phase') or phase_of(c.d)}/amount" for r in sources if r.get("amount") is None), f"unnamed/{phase_of(c.d)}/amount"),
        )
    projects = [p for p in c.d.rows.get("projects", []) if in_phase(p, phase_of(c.d), c.d)]
    if "project_expenditure" in table and projects:
        c.compare(
            "projects-add-up",
            "project_expenditure",
            figure(table, "project_expenditure"),
            [p["amount"] for p in projects],
            f"项目支出表所列 {len(projects)} 个项目之和",
            f"the {len(projects)} projects against 项目支出 of the {table['project_expenditure']['source_table']}",
            parts_pages=[p.get("page") for p in projects],
            doubt=WITHHELD_PROJECTS if withheld(c, table["project_expenditure"]["amount"], [p["amount"] for p in projects]) else _operating_projects(c, table["project_expenditure"]["amount"], [p["amount"] for p in projects]),
        )


def _operating_projects(c: Checker, total: Decimal | None, amounts: list[Decimal | None]) -> str | None:
    """Why projects above the table's 项目支出 by no more than the 事业单位经营收入 are not judged (the 经营 project listed too), or None."""
    operating = table_revenue(c.d).get("operating")
    gap = sum((a for a in amounts if a is not None), Decimal(0)) - total if total is not None else None
    return OPERATING_PROJECTS if operating is not None and gap is not None and Decimal(0) < gap <= operating else None


CHECKS: tuple[Check, ...] = (check_headline_identities,)

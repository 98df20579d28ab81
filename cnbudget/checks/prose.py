"""The prose against the tables and against itself: stated figures and shares (year-on-year changes: ``checks.yoy``)."""

from __future__ import annotations

import re
from decimal import Decimal

from cnbudget.amounts import format_amount
from cnbudget.checks.agree import OTHER_FUNDS
from cnbudget.checks.amounts import (
    percent_agrees,
    rounded_share_reason,
    same_at_printed_precision,
)
from cnbudget.checks.base import (
    Check,
    Checker,
    Row,
    general_budget_totals,
    phase_en,
    phase_of,
    phase_zh,
    phased,
    quoted,
    side,
    stated,
    titled,
)
from cnbudget.checks.restated import other_money, stated_again, whole_against_fund
from cnbudget.model import Statement
from cnbudget.schema.names import ITEM_NAMES, METRIC_NAMES, revenue_named
from cnbudget.strings import compact


def _subject(thing: str, value: Decimal, values: list[Decimal]) -> str:
    """What a prose figure is, with its amount where the prose states the same thing with several amounts."""
    return f"{thing}/{format_amount(value)}" if len(values) > 1 else thing


def _against(
    c: Checker,
    check_id: str,
    subject: str,
    table: Row | None,
    prose: Row,
    name: str,
    field: str,
    doubt: str | None,
    detail_en: str,
    where: str = "表格",
    *,
    table_field: str | None = None,
) -> None:
    """A prose figure (``prose`` row, its amount in ``field``) against the table's (its ``table_field``, the same unless told; in ``where`` when the row names no table).

    Not applicable when the table's figure is doubted.
    """
    if table is None and doubt is None:
        return
    tf = table_field or field
    first = side(f"{titled(table.get('source_table'), where) if table else where}的{name}", table.get(tf) if table else None, table.get("page") if table else None)
    stated = prose[field]
    c.result(
        check_id,
        subject,
        same_at_printed_precision(first.value if isinstance(first.value, Decimal) else None, stated),
        first,
        side(f"文字说明所写的{name}", stated, prose.get("page")),
        detail_en,
        reason=doubt,
    )


def _zh(phase: str, c: Checker) -> str:
    """（决算数）after a figure's name where its phase is not the disclosure's own; else nothing."""
    zh = phase_zh(phase, c.d)
    return f"（{zh}）" if zh else ""


def _stated_rows(c: Checker, resource: str) -> dict[tuple[str, str], list[Row]]:
    """(subject, phase) → the ``statements`` rows the prose states for a key of ``resource``, of the disclosure's year, in the order stated.

    Only the first two distinct amounts are kept: a third is another figure the words name, not the same one restated.
    """
    fy, own = c.d.meta.get("fiscal_year"), phase_of(c.d)
    out: dict[tuple[str, str], list[Row]] = {}
    for row in stated(c.d, resource):
        if row.get("fiscal_year") in (None, fy):
            rows = out.setdefault((row["subject"], row.get("phase") or own), [])
            if row["amount"] in {r["amount"] for r in rows} or len({r["amount"] for r in rows}) < 2:
                rows.append(row)
    return out


def _first_table_rows(c: Checker, resource: str, key: str, amount: str, year: bool = False) -> dict[tuple[str, str], Row]:
    """(key, phase) → the first row a table prints with an amount (of the disclosure's year where ``year``)."""
    own, fy = phase_of(c.d), c.d.meta.get("fiscal_year")
    found: dict[tuple[str, str], Row] = {}
    for row in c.d.rows.get(resource, []):
        if row.get("origin", "table") == "table" and row.get(key) and row.get(amount) is not None and (not year or row["fiscal_year"] == fy):
            found.setdefault((row[key], row.get("phase") or own), row)
    return found


def check_prose_against_tables(c: Checker) -> None:
    """Each figure the prose states (totals, “三公”, functions, revenue) against the table that prints it, phase by phase.

    The prose's figures are the ``statements`` rows (of the disclosure's year); the tables' the first row of
    the same key and phase. Subject: the metric, “三公” item, function code or revenue source, ``/<phase>``
    added for a phase other than the disclosure's own; where the prose states one of them with several
    amounts, each amount is added (``210/2.78``).
    """
    table = _first_table_rows(c, "totals", "metric", "amount")
    for (metric, phase), rows in sorted(_stated_rows(c, "totals").items()):
        values = list(dict.fromkeys(r["amount"] for r in rows))
        name = quoted(METRIC_NAMES.get(metric, metric)) + _zh(phase, c)
        key = phased(metric, phase, c.d)
        mine = table.get((metric, phase))
        # where the department has other money, a prose figure about the 一般公共预算 is that fund's, not the whole budget's
        general = general_budget_totals(c, phase).get(metric)
        theirs = [r for r in (mine, general) if r is not None]
        second = stated_again(c, rows, values)
        if second is not None and not (len(values) == 2 and len(theirs) == 2 and all(any(same_at_printed_precision(r["amount"], v) for v in values) for r in theirs)):
            en = phase_en(phase, c.d)
            c.result("prose-consistent", key, False, side(f"文字说明第一次所写的{name}", values[0], rows[0].get("page")), side(f"文字说明另一处所写的{name}", values[1], second.get("page")), f"the prose states {metric}{en} twice with different amounts")
        for value in values:
            prose = next(r for r in rows if r["amount"] == value)
            doubt = c.doubt("totals", f"{metric}/{phase}/amount") if mine is None else None
            against = mine
            if mine is not None and general is not None and not same_at_printed_precision(mine["amount"], value) and same_at_printed_precision(general["amount"], value):
                against = general  # the 一般公共预算's own figure: the prose's section is about that fund
            whole = table.get(("revenue_total", phase))
            if (
                metric == "revenue_current_year"
                and mine is not None
                and whole is not None
                and not same_at_printed_precision(mine["amount"], value)
                and same_at_printed_precision(whole["amount"], value)
                and re.search(r"收入预算|预算收入", str(prose.get("text")))
                and not re.search(r"本年收入|收入合计", str(prose.get("text")))
            ):
                against = whole  # “收入预算” for all the money, its parts listed after it (上级补助收入 below 本年收入合计 in the table)
            apart = against is not None and not same_at_printed_precision(against["amount"], value) and abs(against["amount"] - value) <= other_money(c)
            if doubt is None and apart and whole_against_fund(c, prose, against):
                doubt = OTHER_FUNDS  # every fund's figure against the 一般公共预算's table, apart by no more than the other money
            said = quoted(METRIC_NAMES["revenue_total"]) + _zh(phase, c) if against is whole and against is not mine else name
            en = f"{metric}: the prose against the {against['source_table'] if against else 'table'}{phase_en(phase, c.d)}"
            _against(c, "prose-agrees-with-table", _subject(key, value, values), against, prose, said, "amount", doubt, en)
    fy = c.d.meta.get("fiscal_year")
    tp = _first_table_rows(c, "three_public", "item", "amount", year=True)
    for (item, phase), rows in sorted(_stated_rows(c, "three_public").items()):
        mine = tp.get((item, phase))
        doubt = c.doubt("three_public", f"{fy}/{item}/{phase}/amount") if mine is None else None
        name = quoted(ITEM_NAMES.get(item, item)) + _zh(phase, c)
        _against(c, "three-public-prose-agrees", phased(item, phase, c.d), mine, rows[0], name, "amount", doubt, f"“三公” {item}: the prose against the table{phase_en(phase, c.d)}")
    fn = _first_table_rows(c, "expenditure_by_function", "function_code", "total")
    for (code, phase), rows in sorted(_stated_rows(c, "expenditure_by_function").items()):
        if not code.isdigit():
            continue  # a printed name whose code is not known
        values = list(dict.fromkeys(r["amount"] for r in rows))
        mine = fn.get((code, phase))
        printed = mine["function_name"] if mine else ""
        name = f"功能分类科目 {code}" + (f"“{printed}”" if printed else "") + f"的{phase_zh(phase, c.d)}金额"
        key = phased(code, phase, c.d)
        for value in values:
            prose = next(r for r in rows if r["amount"] == value)
            doubt = c.doubt("expenditure_by_function", f"{code}/{phase}/total") if mine is None else None
            _against(
                c, "function-prose-agrees", _subject(key, value, values), mine, prose, name, "amount", doubt, f"function {code}: the amount the prose states against the table{phase_en(phase, c.d)}", table_field="total"
            )
        # 卫生健康支出 for all the money in the 支出预算 section, and for the 财政拨款 alone in its own: two figures
        second = stated_again(c, rows, values)
        if second is not None:
            en = phase_en(phase, c.d)
            c.result("prose-consistent", key, False, side(f"文字说明第一次所写的{name}", values[0], rows[0].get("page")), side(f"文字说明另一处所写的{name}", values[1], second.get("page")), f"the prose states function {code}{en} twice with different amounts")
    rev = _first_table_rows(c, "revenue_by_source", "source", "amount")
    for (source, phase), rows in sorted(_stated_rows(c, "revenue_by_source").items()):
        mine = rev.get((source, phase))
        doubt = c.doubt("revenue_by_source", f"{source}/{phase}/amount") if mine is None else None
        name = revenue_named(source) + _zh(phase, c)
        _against(c, "revenue-prose-agrees", phased(source, phase, c.d), mine, rows[0], name, "amount", doubt, f"revenue {source}: the prose against the 收支总表{phase_en(phase, c.d)}", "收支总表")


def _share_of(amount: Decimal, base: Decimal, share: Decimal) -> tuple[bool, Decimal, str]:
    """Whether ``share`` % follows from amount/base at the places it is printed with, the computed share, and the severity if not."""
    return percent_agrees(amount, base, share)


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


# the year's own revenue or spending, named 本年收入 in a share and 收入合计 where it is stated (never 收入总计, which holds the carry-over)
_CURRENT_YEAR = {"本年收入": ("收入合计",), "本年收入合计": ("收入合计",), "本年支出": ("支出合计",), "本年支出合计": ("支出合计",)}
# the whole revenue or spending, named 总收入 in a share and 收入合计 (or 收入总计) where it is stated
_WHOLE = {"总收入": ("收入合计", "收入总计"), "总支出": ("支出合计", "支出总计")}


def _names_base(named: str, label: str) -> bool:
    """Whether the figure stated under ``label`` is the base a share names (本年收入 is the 收入合计 stated before it, 总支出 the 支出合计)."""
    return named in label or label.endswith({**_CURRENT_YEAR, **_WHOLE}.get(named, ("\0",)))


def _whole_before(part: Statement, before: list[Statement]) -> list[Decimal]:
    """The total stated last before a part said to be all of it (其中:财政拨款收入1,734.99万元,占100% after 收入合计1,541.16万元),
    where both name the same side (收入 or 支出); [] where none does. A part 占100% is its whole, whatever the two amounts."""
    named = next((w for w in ("收入", "支出") if w in compact(part.label)), None)
    whole = next((b for b in before if b.amount > 0 and re.search(r"合计|总计|总额", compact(b.label))), None)
    return [whole.amount] if named and whole and named in compact(whole.label) else []


def check_shares(c: Checker) -> None:
    """Each stated share (占 a%) against its amount and the base the run of shares agrees on.

    Subject: the end of the figure's label, its amount and share (``基本支出/150/75.00%``).
    """
    # A run such as “A x 万元，占 a%；B y 万元，占 b%” shares one base: the figure the sentence
    # names before it, or the run's own sum. The base that explains most of the run is taken,
    # so one wrong share is reported against the base the others agree with.
    stmts = c.d.evidence.statements
    for start, end in _share_runs(stmts):
        run = [st for st in stmts[start:end] if st.share is not None]  # a run holds shares only
        largest = max(st.amount for st in run)
        whole = any(st.share is not None and st.share >= 100 for st in run)
        # a change (“比上年收入预算总额增加7122.54万元”) is the base of no share but of shares of changes (“其中…增加60万元，占60%”)
        changes = any(_changed(st) for st in run)
        before = [b for b in reversed(stmts[max(0, start - 12) : start]) if b.share is None and (changes or not _changed(b))]
        # a base is larger than the parts, or equal to the one part stated as the whole (占 100%)
        bases = [b.amount for b in before if (b.amount > largest or (whole and b.amount == largest)) and b.amount > 0]
        if not bases and whole and len(run) == 1:  # one part stated as the whole (占100%): its whole is the total stated before it
            bases = _whole_before(run[0], before)
        total = sum((st.amount for st in run), Decimal(0))
        if len(run) > 1 and total > 0 and (bases or sum(st.share or 0 for st in run) >= 99):
            # shares that add up to about 100% are shares of their own sum; shares of a base the prose does not
            # state (the page cut before it) that add up to less are not shares of their sum either
            bases.insert(0 if sum(st.share or 0 for st in run) >= 99 else len(bases), total)
        if not bases:
            continue
        # among bases that explain as many shares, the one stated under the name the shares give their base (占总收入的 P%) is theirs
        named_run = next((n for n in map(_named_base, run) if n), "")
        labelled = {b.amount for b in before if named_run and _names_base(named_run, compact(b.label))}
        base = max(bases, key=lambda b: (sum(_share_of(st.amount, b, st.share or Decimal(0))[0] for st in run), b in labelled, -bases.index(b)))
        labels = [b.label for b in stmts[max(0, start - 12) : start] if b.share is None and b.amount == base]
        for st in run:
            ok, computed, severity = _share_of(st.amount, base, st.share or Decimal(0))
            label = compact(st.label)[-16:]
            named = _named_base(st)
            reason = None
            # two other shares of the run that name the same base and agree with this one say it is the base the name means
            agreed = sum(1 for o in run if o is not st and _named_base(o) == named and _share_of(o.amount, base, o.share or Decimal(0))[0])
            if not ok and named and agreed < 2 and not (len(run) > 1 and base == total) and not any(_names_base(named, compact(b)) for b in labels):
                reason = f"句中所说的基数是“{named}”，其金额未在前文读到，按 {format_amount(base)} 万元核对未必是文件的本意"
            if not ok and reason is None:
                reason = rounded_share_reason(st.amount, st.share or Decimal(0), severity, base, [(o.amount, o.share or Decimal(0)) for o in run])
            c.result(
                "share-agrees",
                f"{label}/{format_amount(st.amount)}/{st.share}%",
                ok,
                side(f"文字说明所写“{st.label[-24:]}” {format_amount(st.amount)} 万元{_printed_share(st)}占 {format_amount(base)} 万元的比例", f"{st.share}%", st.page),
                side("按这两个金额算出的比例", f"{computed}%", st.page),
                f"“{st.label[-24:]}” {format_amount(st.amount)} 万元 stated as {st.share}% of {format_amount(base)} 万元",
                severity=severity or None,
                reason=reason,
            )


_CHANGED = re.compile(r"(?:增加|减少|增长|下降|上升|降低|节约|节省|压减)了?$")


def _changed(st: Statement) -> bool:
    """Whether the words just before the amount state it as a change (…增加 7122.54 万元), not an amount of the year."""
    return bool(_CHANGED.search(compact(st.label)))


def _printed_share(st: Statement) -> str:
    """The share's words as printed where they name its base (“（原文“占总支出8%”）”), so the detail quotes the page; "" when they name none."""
    if st.share is None:
        return ""
    text, before = compact(st.text), compact(st.sentence)
    # after the statement's own amount (the words before it in ``text`` end its ``sentence``): a sentence may state two shares of one value
    start = next((k for k in range(min(len(text), len(before)), 0, -1) if before.endswith(text[:k])), 0)
    m = re.compile(rf"占[^，,。；;%\d]{{2,16}}?的?{re.escape(str(st.share))}%").search(text, start)
    return f"（原文“{m.group(0)}”）" if m else ""


def _named_base(st: Statement) -> str:
    """The base a share's sentence names (“占基本支出经费的17.46%” → 基本支出), without 总额/经费/… ; "" when it names none."""
    if st.share is None:
        return ""
    m = re.search(rf"占([^，,。；;%\d]{{2,16}}?)的?\s*{re.escape(str(st.share))}\s*%", compact(st.text))
    if not m:
        return ""
    name = m.group(1)
    while (core := re.sub(r"(总额|总量|总计|合计|经费|预算|总数|数|的)$", "", name)) != name and len(core) >= 2:
        name = core
    return name


CHECKS: tuple[Check, ...] = (check_prose_against_tables, check_shares)

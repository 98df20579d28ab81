"""What every check family shares: the result collector, the tolerance policy and readers of the printed totals.

Tolerance policy: amounts are compared exactly. Any difference fails; a difference
of at most 0.01 万元 for each figure summed is marked severity ``rounding`` (the
source rounded its parts and its total separately), anything larger ``mismatch``.
Both are published: a rounding difference is still a contradiction in the source.
Prose figures all printed in whole 万元 are each rounded to the 万元: a sum of them that misses its total
by no more than half a 万元 a figure says nothing (``whole_wan_rounding``: not applicable, never a fail).

A ``fail`` is the document contradicting itself, both sides read with confidence. Where the
build doubts a side (it is in ``doubts``), the check is ``not_applicable`` and says why.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import product
from typing import Any

from cnbudget.amounts import format_amount
from cnbudget.checks.amounts import same_at_printed_precision
from cnbudget.checks.rounding import ROUNDING, WHOLE_WAN_ROUNDING, whole_wan_rounding
from cnbudget.model import Disclosure
from cnbudget.schema import PHASES
from cnbudget.schema.names import PHASE_NAMES
from cnbudget.tables.phases import own_phase

Row = dict[str, Any]
Value = Decimal | str | None


@dataclass(frozen=True)
class Side:
    """One side of a comparison: what it is (Chinese, naming its table), its value and the pages it is printed on."""

    name: str
    value: Value
    pages: tuple[int, ...] = ()


def side(name: str, value: Value, *pages: int | None | Iterable[int | None]) -> Side:
    """A side, its pages given as page numbers or iterables of them (None ignored), sorted and distinct."""
    found: set[int] = set()
    for p in pages:
        if isinstance(p, int):
            found.add(p)
        elif p is not None:
            found |= {q for q in p if q is not None}
    return Side(name, value, tuple(sorted(found)))


class Checker:
    """Collects the ``checks`` rows of one disclosure, in the order the checks give them."""

    def __init__(self, disclosure: Disclosure) -> None:
        self.d = disclosure
        self.out: list[Row] = []
        self._by_key: dict[tuple[str, str], Row] = {}
        self._doubts = doubt_index(disclosure.rows.get("doubts", []))

    def doubt(self, resource: str, *keys: str) -> str | None:
        """Why the build doubts the first of these figures it doubts (``doubts.key`` form), as a check's reason, or None."""
        for key in keys:
            reason = self._doubts.get((resource, key))
            if reason is not None:
                return f"参与比较的数字未能可靠读出（{reason.rstrip('。')}），见“存疑数字”"
        return None

    def result(
        self,
        check_id: str,
        subject: str,
        ok: bool | None,
        expected: Side,
        actual: Side,
        detail_en: str,
        *,
        terms: int = 1,
        reason: str | None = None,
        detail: str | None = None,
        severity: str | None = None,
        note: str | None = None,
    ) -> None:
        """Record one result, with its severity when it fails; ``None``, or a ``reason`` (Chinese), for not applicable.

        The Chinese ``detail`` names both sides, their values and pages, and the verdict, unless the
        check gives its own sentence; a reason is added to it, and a failure's ``note`` (what the figure was
        computed from instead) after the verdict. A check that compares no amounts may give
        the ``severity`` of its failure (``rounding`` or ``mismatch``). The same comparison made twice is recorded once.
        """
        if reason is not None:
            ok = None
        one, two = expected.value, actual.value
        amounts = isinstance(one, Decimal) and isinstance(two, Decimal)
        if ok is not False:
            severity = None
        elif severity is not None:
            pass  # the check knows (a percentage one unit off in its last printed place is rounding)
        elif isinstance(one, Decimal) and isinstance(two, Decimal):
            severity = "rounding" if abs(one - two) <= ROUNDING * max(1, terms) else "mismatch"
        elif ok is False:
            severity = "mismatch"
        status = "not_applicable" if ok is None else "pass" if ok else "fail"
        sentence = describe(expected, actual, status, severity, reason) if detail is None else detail
        if detail is not None and reason is not None:
            sentence = f"{detail.rstrip('。')}；不作比较：{reason.rstrip('。')}。"
        if note and status == "fail":
            sentence = f"{sentence.rstrip('。')}；{note.rstrip('。')}。"
        row = {
            "disclosure_id": self.d.id,
            "check_id": check_id,
            "subject": subject,
            "status": status,
            "expected": _fmt(one),
            "actual": _fmt(two),
            "expected_amount": one if amounts else None,
            "actual_amount": two if amounts else None,
            "detail": sentence,
            "detail_en": detail_en,
            "severity": severity,
            "pages": pages_text(expected.pages, actual.pages),
        }
        self._add(row)

    def _add(self, row: Row) -> None:
        """Append a row, once per comparison; a different result under a taken subject gets ``#2``, ``#3`` …"""
        key = (row["check_id"], row["subject"])
        n = 1
        while key in self._by_key:
            seen = self._by_key[key]
            if all(seen[f] == row[f] for f in ("status", "expected", "actual")):
                return  # the same comparison made twice
            n += 1
            key = (row["check_id"], f"{row['subject']}#{n}")
        row["subject"] = key[1]
        self._by_key[key] = row
        self.out.append(row)

    def compare(
        self,
        check_id: str,
        subject: str,
        expected: Side,
        parts: Iterable[Decimal | None],
        parts_name: str,
        detail_en: str,
        *,
        parts_pages: Iterable[int | None] = (),
        doubt: str | None = None,
        prose: bool = False,
    ) -> None:
        """Record whether the printed parts sum to the expected side; nothing when either side is not printed.

        A doubted figure on either side makes the comparison not applicable (it is null where it is published);
        so does, for figures the ``prose`` states, a gap no larger than the rounding of whole 万元 (``whole_wan_rounding``); a prose
        total printed with fewer decimals than its parts agrees when their sum rounds to it (177.1 for 154.09 + 23.00).
        """
        values = [p for p in parts if p is not None]
        if (expected.value is None or not values) and doubt is None:
            return
        actual = sum(values, Decimal(0)) if doubt is None else None
        ok = (actual == expected.value or (prose and isinstance(expected.value, Decimal) and same_at_printed_precision(actual, expected.value))) if doubt is None else None
        if prose and doubt is None and isinstance(expected.value, Decimal) and whole_wan_rounding(expected.value, values):
            doubt = WHOLE_WAN_ROUNDING
        self.result(check_id, subject, ok, expected, side(parts_name, actual, parts_pages), detail_en, terms=len(values), reason=doubt)


Check = Callable[[Checker], None]


def describe(expected: Side, actual: Side, status: str, severity: str | None, reason: str | None = None) -> str:
    """The Chinese sentence of a comparison: both sides with their values and pages, then the verdict."""
    blank = "未能确定" if reason else "为空"
    first, second = (f"{s.name}{at(s.pages)}" + (f"为{_say(s.value)}" if s.value is not None else blank) for s in (expected, actual))
    one, two = expected.value, actual.value
    if status == "not_applicable" and reason:
        return f"{first}，{second}。不作比较：{reason.rstrip('。')}。"
    if status == "pass":
        verdict = "两者一致"
    elif status == "not_applicable":
        verdict = "不作比较"
    elif isinstance(one, Decimal) and isinstance(two, Decimal):
        gap = f"相差 {format_amount(abs(one - two))} 万元"
        verdict = gap + ("，在分项四舍五入造成的尾差之内" if severity == "rounding" else "，两者不符")
    else:
        verdict = "两者不符" + ("（只差末位一个单位，属舍入尾差）" if severity == "rounding" else "")
    return f"{first}，{second}：{verdict}。"


def at(pages: Iterable[int] | int | None) -> str:
    """Where a figure is printed, in Chinese: （第3页）, （第3、5页）, or nothing."""
    listed = "、".join(str(p) for p in side("", None, pages).pages)
    return f"（第{listed}页）" if listed else ""


def pages_text(expected: Iterable[int], actual: Iterable[int]) -> str | None:
    """``pages`` as published: the expected side's pages, ``;``, the actual side's (each ``,``-separated)."""
    one, two = ",".join(map(str, expected)), ",".join(map(str, actual))
    return f"{one};{two}" if one or two else None


def _say(value: Decimal | str) -> str:
    """A value inside a Chinese sentence: an amount with its unit, anything else as it is."""
    return f" {format_amount(value)} 万元" if isinstance(value, Decimal) else f" {value}"


def _fmt(value: Value) -> str | None:
    """A side's value as published in ``expected``/``actual``: amounts formatted, text as it is."""
    if value is None:
        return None
    return format_amount(value) if isinstance(value, Decimal) else str(value)


# what ends a sentence for the checks that look back to its start: 。, a semicolon, or the end of a printed line
SENTENCE_ENDS = "。；;\n"


def sentence_start(text: str, position: int, ends: str = SENTENCE_ENDS) -> int:
    """The offset in ``text`` where the sentence holding ``position`` begins: just after the last of ``ends`` before it (0 if none)."""
    return max(text.rfind(mark, 0, position) for mark in ends) + 1


def page_at(d: Disclosure, position: int) -> int | None:
    """The page of the prose at a character ``position`` of ``evidence.prose``.

    That of the printed line it is in; without the lines' pages, that of the last figure stated at or before it.
    """
    evidence = d.evidence
    if evidence.prose_starts:
        i = bisect.bisect_right(evidence.prose_starts, position) - 1
        return evidence.prose_pages[i] if i >= 0 else None
    page = None
    for st in d.evidence.statements:
        if st.position > position:
            break
        page = st.page if st.page is not None else page
    return page


def doubt_index(rows: Iterable[Row]) -> dict[tuple[str, str], str]:
    """(resource, key) → reason for every figure ``doubts`` names, one entry per alternative of a ``|`` key."""
    index: dict[tuple[str, str], str] = {}
    for row in rows:
        for parts in product(*(segment.split("|") for segment in str(row["key"]).split("/"))):
            index.setdefault((row["resource"], "/".join(parts)), str(row["reason"]))
    return index


def phase_of(d: Disclosure) -> str:
    """The phase of the disclosure's own figures: approved for a budget, executed for a final account."""
    return own_phase(d.meta.get("kind"))


def in_phase(row: Row, phase: str, d: Disclosure) -> bool:
    """Whether a row is of ``phase`` (a row that names none is of the disclosure's own)."""
    return (row.get("phase") or phase_of(d)) == phase


def phases_in(rows: Iterable[Row], d: Disclosure) -> list[str]:
    """The phases the rows are of, the disclosure's own first, then in the order approved, adjusted, executed."""
    own = phase_of(d)
    found = {row.get("phase") or own for row in rows}
    return [p for p in (own, *(q for q in PHASES if q != own)) if p in found]


def phased(subject: str, phase: str, d: Disclosure) -> str:
    """A check's subject for figures of ``phase``: as it is for the disclosure's own phase, ``/<phase>`` added for another.

    A check that runs once per phase keeps (check_id, subject) unique this way, and a budget's subjects are those of version 2's checks.
    """
    return subject if phase == phase_of(d) else f"{subject}/{phase}"


def phase_zh(phase: str, d: Disclosure) -> str:
    """The Chinese name of a phase other than the disclosure's own (决算数 …), for a side's name; empty for its own."""
    return "" if phase == phase_of(d) else PHASE_NAMES.get(phase, phase)


def phase_en(phase: str, d: Disclosure) -> str:
    """`` (adjusted)`` for a phase other than the disclosure's own, for ``detail_en``; empty for its own."""
    return "" if phase == phase_of(d) else f" ({phase})"


def table_totals(d: Disclosure, origin: str = "table", phase: str | None = None) -> dict[str, Row]:
    """The first ``totals`` row of each metric from the given origin, in the disclosure's own phase unless told."""
    phase = phase or phase_of(d)
    found: dict[str, Row] = {}
    for row in d.rows.get("totals", []):
        if row["origin"] == origin and in_phase(row, phase, d):
            found.setdefault(row["metric"], row)
    return found


def stated(d: Disclosure, resource: str) -> list[Row]:
    """The ``statements`` rows whose subject is a key of ``resource``, in the order the prose states them."""
    return [r for r in d.rows.get("statements", []) if r.get("resource") == resource and r.get("amount") is not None]


def table_revenue(d: Disclosure) -> dict[str, Decimal]:
    """The non-zero revenue lines the 收支总表 prints, by source, in the disclosure's own phase."""
    return {r["source"]: r["amount"] for r in d.rows.get("revenue_by_source", []) if r["origin"] == "table" and in_phase(r, phase_of(d), d) and r.get("amount")}


def has_other_funds(revenue: dict[str, Decimal]) -> bool:
    """Whether money other than the 一般公共预算 is spent: then one-fund tables need not match all-fund ones."""
    return bool(set(revenue) - {"general_public_budget"})


def titled(table: object, default: str = "表格") -> str:
    """A table's printed title as a Chinese sentence quotes it: 《…》 (the prose is 文字说明; no title, ``default``)."""
    text = str(table or "")
    if text == "narrative":
        return "文字说明"
    return f"《{text}》" if text else default


def quoted(name: str) -> str:
    """A name in Chinese quotation marks, unless it opens with its own (“三公”经费合计)."""
    return name if name.startswith("“") else f"“{name}”"


# Which money a headline figure covers. The 收支总表 and 支出总表 cover every fund; the 一般公共预算支出表 and
# its 基本支出表 one. Where the department has other money (政府性基金, 财政专户, 事业收入 …), its 基本支出 in the
# 支出总表 is more than the 一般公共预算's, and prose about the 一般公共预算 states the smaller figure.


def general_budget_totals(c: Checker, phase: str) -> dict[str, Row]:
    """metric → the 一般公共预算's own figure as a totals-like row, where the department has other money.

    基本支出 (and 人员经费, 公用经费) from the 一般公共预算基本支出表's own 合计 row; 基本支出 and 项目支出
    also as the sums of the 一般公共预算支出表's 类 rows. Empty where all the money is the 一般公共预算's.
    """
    d = c.d
    if not has_other_funds(table_revenue(d)):
        return {}
    out: dict[str, Row] = {}
    for row in d.evidence.basic_table_totals:
        if in_phase(row, phase, d):
            out.setdefault(row["metric"], row)
    classes = [
        r
        for r in d.rows.get("expenditure_by_function", [])
        if r.get("origin", "table") == "table" and len(str(r.get("function_code"))) == 3 and in_phase(r, phase, d) and "一般公共预算" in str(r.get("source_table"))
    ]
    for metric, col in (("basic_expenditure", "basic"), ("project_expenditure", "project")):
        values: list[Decimal] = [r[col] for r in classes if r.get(col) is not None]
        if values and metric not in out:
            first = classes[0]
            out[metric] = {"metric": metric, "amount": sum(values, Decimal(0)), "source_table": first.get("source_table"), "page": first.get("page"), "phase": phase}
    return out

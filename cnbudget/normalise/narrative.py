"""The prose: headline figures, function lines, “三公” and revenue as the narrative states them.

Every amount in the prose is read with the words before it (``prose_amounts``); those words say
what the amount is (``prose_subjects``), which figure of the year it is (年初预算 approved, 全年预算
adjusted, 决算 executed: ``phase``) and, where they name one, its year. Changes against last year
(增加/减少 …) and thresholds (200万元以上) are not figures of this year and are skipped. Shares
stated beside an amount (占 84.40%) are kept for the checks. Words that name only the phase
(“年初预算为 0.95 万元，支出决算为 0.00 万元”) state the same thing as the figure before them in
the sentence. Here the figures are assembled: each amount with its subjects, and the wholes its
listed parts add up to.
"""

from __future__ import annotations

import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cnbudget.model import Line, Statement
from cnbudget.normalise import prose_funds, prose_words
from cnbudget.normalise.prose_amounts import AMOUNT_RE, join_prose, phase_named, phase_stated, prose_text, statements, year_stated
from cnbudget.normalise.prose_bodies import after_own, other_body
from cnbudget.normalise.prose_subjects import (
    BARE,
    CHANGE,
    HEADING_BEFORE,
    LAST_YEAR,
    Subject,
    after_heading,
    clean_label,
    heading_path,
    section_scope,
    subjects_of,
    with_carryover,
)
from cnbudget.normalise.prose_words import SECTION, completion_base, heading_named, parts_year
from cnbudget.tables.phases import own_phase

__all__ = ["NarrativeFigure", "join_prose", "prose_text", "read_narrative", "section_scope", "statements"]


@dataclass
class NarrativeFigure:
    """One thing a prose figure states: the resource and key it is a figure of, its phase and year."""

    resource: str
    row: dict[str, object]  # the key fields and the amount, as the table resource's row would give them
    label: str
    unit: str
    subject: str = ""
    phase: str = "approved"
    fiscal_year: int | None = None
    statement: Statement | None = field(default=None, repr=False)
    scope: str | None = None  # the money the prose section is about (``section_scope``)


# a bare 支出 just after the year's revenue in its sentence (“2018年收入 X 元，支出 Y 元”): the year's expenditure beside it
_PAIRED = re.compile(r"^支出(?:为|是)?$")
# a year's 支出 named by its phase alone (2021年预算支出, 支出预算为): the year's spending, unless a heading sentence just
# before names what it is of (“（一）因公出国费用。2021年预算支出为0万元”: the item's)
_SIDE_AND_PHASE = re.compile(r"^(?:\d{4}年度?)?(?:年?初)?(?:预算支出|支出预算|支出决算|决算支出)数?(?:为|是)?$")
_PARTS = ("basic_expenditure", "project_expenditure")  # a fund's, listed after its expenditure: scope ``fund``
_BASIC_PARTS = ("basic_expenditure", "personnel_expenditure", "public_expenditure")  # the 一般公共预算's 基本支出 and its parts


def read_narrative(
    lines: list[Line],
    fiscal_year: int | None,
    kind: str | None = None,
    files: Sequence[str] | None = None,
    three_public_budget: str = "approved",
    own_names: Collection[str] = (),
    department: bool = True,
) -> tuple[list[NarrativeFigure], list[Statement]]:
    """Every figure the prose states, each with what it is a figure of, its phase and year; and every amount in the prose.

    ``three_public_budget``: the phase of a “三公” 预算 the words do not name 年初 or 全年, as the document's note says
    (``tables.phases.declared_budget``). ``own_names`` (the unit's names, without spaces) and ``department`` (a 部门's
    disclosure) say whose figure a sentence naming a body as its subject gives (``prose_bodies.other_body``).
    """
    prose = join_prose(lines, files)
    own = own_phase(kind)
    found: list[NarrativeFigure] = []
    stmts = statements(prose.text, prose)
    last: tuple[str, list[Subject]] | None = None  # the sentence and subjects of the last figure
    opened: tuple[str, int] | None = None  # the sentence and year of the last clause opening with a year
    for st in stmts:
        label = st.label
        if CHANGE.search(after_heading(label)) or LAST_YEAR.search(clean_label(label)) or re.search(r"批复数|全年预算数|计划|[人件次辆台套个]", label[-3:]):
            last = None
            continue
        if other_body(_sentence_opening(prose.text, st.position), own_names, department) is not None:
            last = None  # 2、种子服务站预算总收入…，其中：…: a member unit's figures, never the disclosure's
            continue
        words = prose_words.funded_item(label, st.sentence) or label
        # 收入总计(含用事业基金弥补收支差…)X: the item named before the bracket, never one the bracket says it includes
        if prose_words.inside_included(words) is not None:
            last = None  # 收入总计(含上年结转100万元)…: a part the item includes, never the item; which part, the words may not say
            continue
        subjects = subjects_of(prose_words.before_included(words) or words, st.sentence, fiscal_year, _with_before(prose.text, st))
        if not subjects and (after_name := after_own(words, own_names)):
            # 2016年X大学事业收入预算: a revenue source named after the unit's own name is the unit's; only a source, as the
            # words after a name may name a fund's spending (X局2026年国有资本经营预算支出) that is no function class's row
            subjects = [s for s in subjects_of(after_name, st.sentence, fiscal_year) if s[0] == "revenue_by_source"]
        if _SIDE_AND_PHASE.match(clean_label(label)) and (item_heading := _heading_sentence(prose.text, st)) is not None:
            subjects = subjects_of(item_heading, item_heading, fiscal_year)  # the heading's item; nothing where it names none read
        if not subjects and (named := heading_named(st.sentence) or prose_words.clause_named(label, st.sentence)) is not None:
            subjects = subjects_of(named, named, fiscal_year)  # （一）收入预算，2018年年初预算数…: the heading names it
        if not subjects and BARE.match(clean_label(label)):
            if last is not None and last[0] == st.text:
                subjects = last[1]  # the amount just before, in the same sentence, says what this one is of
            else:
                start = st.position - len(st.sentence)
                subjects = heading_path(prose.text, start, fiscal_year)
                heading = HEADING_BEFORE.search(prose.text[max(0, start - 40) : start])
                if not subjects and heading:
                    subjects = subjects_of(heading.group(1), heading.group(1), fiscal_year)
        if not subjects and last is not None and last[0] == st.text and _PAIRED.match(clean_label(label)) and any(s[1] == "revenue_current_year" for s in last[1]):
            subjects = [("totals", "expenditure_current_year", {"metric": "expenditure_current_year", "source_table": "narrative"})]  # 收入 X，支出 Y
        bare = three_public_budget if any(r == "three_public" or k == "three_public_total" for r, k, _ in subjects) else "approved"
        whole = _whole_phase(st.text) if phase_named(label) is None else None  # a part listed after 其中: its whole's phase
        phase = phase_stated(label, own, bare) if whole is None else bare if whole == "bare" else whole
        if not subjects and last is not None and last[0] == st.text:
            base = completion_base(prose.text, st.position, clean_label(label))
            if base is not None:
                subjects, phase = last[1], base  # 决算为A万元，完成全年预算B万元的P%: B is the same item's budget
        if (year_own := prose_words.excluding_carried(prose.text, st.position, clean_label(label))) is not None:
            subjects = [("totals", year_own, {"metric": year_own, "source_table": "narrative"})]  # 总收入 X（不含…上年…结转…）
        if prose_words.all_general(prose.text, st.position, clean_label(label)):  # 财政拨款收入 X 万元，为一般公共预算资金
            subjects = [*subjects, ("revenue_by_source", "general_public_budget", {"source": "general_public_budget", "source_name": "一般公共预算"})]
        last = (st.text, subjects) if subjects else None
        if not subjects:
            continue
        scope = section_scope(prose.text, st.position)
        fund = prose_funds.fund_part(prose.text, st.position - len(st.sentence), st.sentence)  # 一般公共预算财政拨款支出…。其中：基本支出
        subjects = [with_carryover(subject, label, prose.text, st.position) for subject in subjects]
        year = year_stated(label, parts_year(st.sentence) or fiscal_year)  # a part listed after 其中: of its sentence's year
        if (opening := prose_words.OPENING_YEAR.match(clean_label(label))) is not None:
            opened = (st.text, int(opening.group(1)))
        elif opened is not None and opened[0] == st.text and not prose_words.ANY_YEAR.search(label):
            year = opened[1]  # 2022年度收入总计X万元，支出总计Y万元: Y is 2022's too
        year, phase = _another_year(st, label, fiscal_year, year, phase, named=whole is not None or phase_named(label) is not None)
        for resource, key, row in subjects:
            amount_field = "total" if resource == "expenditure_by_function" else "amount"
            full = {**row, amount_field: st.amount, **({"fiscal_year": year} if resource == "three_public" else {})}
            of_fund = (fund and key in _PARTS) or (key in _BASIC_PARTS and prose_funds.general_basic(prose.text, st.position, clean_label(label)))
            found.append(NarrativeFigure(resource, full, label, st.unit, key, phase, year, st, "fund" if of_fund else scope))
    return _balanced(_whole(_without_parts_of_a_source(found), stmts, prose.text)), stmts


def _heading_sentence(text: str, st: Statement) -> str | None:
    """The words of the numbered heading that is the sentence just before ``st``'s and names a figure (“（一）因公出国费用。”);
    None where none is, the heading says how something went (（二）支出预算情况说明。) rather than naming one, or the
    sentence before is a numbered item stating an amount (4、政府性基金收入0元。), or ends in one (…拨款47.5万元。).
    """
    start = st.position - len(st.sentence)
    heading = HEADING_BEFORE.search(text[max(0, start - 40) : start])
    return heading.group(1) if heading and not re.search(r"情况|说明|概况|如下|\d", heading.group(1)) else None


def _sentence_opening(text: str, position: int) -> str:
    """The sentence around ``position`` from its start (after the last 。 or line break) up to it."""
    return text[max(text.rfind("。", 0, position), text.rfind("\n", 0, position)) + 1 : position]


def _another_year(st: Statement, label: str, fiscal_year: int | None, year: int | None, phase: str, named: bool) -> tuple[int | None, str]:
    """The year and phase of a figure whose sentence names another year than the document's; else ``year`` and ``phase``.

    The amount's own clause may name no year (“2011年…团组8次,…,实际发生…支出36万元” in a 2012 budget's page): the
    one year its sentence names is the figure's. Another year's money the words say was spent, naming no plan and no
    phase (``named``), is that year's 决算, never a budget.
    """
    start = st.text.find(label) if label else -1
    words = st.text[: start + len(label)] if start >= 0 else label
    if year == fiscal_year and not re.search(r"20\d{2}年", label) and parts_year(st.sentence) is None:
        year = prose_words.sentence_own_year(words) or year
    if named or year is None or fiscal_year is None or year == fiscal_year:
        return year, phase
    return year, prose_words.spent_phase(words) or phase


def _whole_phase(before: str) -> str | None:
    """The phase named for the whole a list of parts belongs to: in the words of the last amount before the last 其中 of ``before``.

    “2016年，“三公”经费预算为168.53万元，其中：因公出国（境）费39万元”: the parts of the 预算, whatever the document's own
    phase. None where no amount comes before the 其中, or the words of the one before it state a change.
    """
    k = before.rfind("其中")
    amounts = list(AMOUNT_RE.finditer(before, 0, k)) if k >= 0 else []
    if not amounts:
        return None
    head = before[: amounts[-1].start()]
    words = head[max(head.rfind(c) for c in "。；;，,\n") + 1 :]
    return None if CHANGE.search(words) else phase_named(words)


def _with_before(text: str, st: Statement) -> str:
    """The clause around a statement, with the sentence before where its own opens with 其中 (the parts of what that one states).

    “…拟安排公车购置及运行维护费3万元，较上年…。其中：购置经费0万元、运行维护费3万元”: the parts of the 公务用车's.
    """
    start = st.position - len(st.sentence)
    if not st.sentence.startswith("其中"):
        return st.text
    before = max(text.rfind("。", 0, max(0, start - 1)), text.rfind("\n", 0, max(0, start - 1))) + 1
    return text[before:start] + st.text


def _whole(found: list[NarrativeFigure], stmts: list[Statement], text: str) -> list[NarrativeFigure]:
    """A revenue (expenditure) as a whole whose parts, listed next, add up to it exactly: the total and the year's.

    “收入预算 385.8 万元，其中：一般公共预算拨款 385.8 万元”: the revenue is that part alone, no 上年结转, so
    收入总计 = 本年收入合计 (a carry-over listed as 0 adds nothing). Where a part is carried over or the parts do not add up,
    the reading stays.
    """
    keys = {"revenue": ("revenue_total", "revenue_current_year"), "expenditure": ("expenditure_total", "expenditure_current_year")}
    out = list(found)
    for f in found:
        side = next((s for s, pair in keys.items() if f.resource == "totals" and f.subject in pair), None)
        if side is None or f.statement is None or prose_words.excluding_carried(text, f.statement.position, clean_label(f.label)):
            continue  # a total said to leave out last year's carry-over is the year's alone, whatever its parts
        total, year = keys[side]
        words = clean_label(f.label)
        words = words if re.search("收入|支出", words) else heading_named(f.statement.sentence) or ""  # （一）收入预算，2019年年初预算数
        whole = f.subject == total or (prose_words.WHOLE[side].search(words) is not None and not prose_words.NOT_WHOLE.search(words))
        other = year if f.subject == total else total
        if not whole or any(g.resource == "totals" and g.subject == other and g.phase == f.phase for g in out):
            continue
        if _parts_add_up(f.statement, stmts, text, side):
            out.insert(out.index(f) + 1, NarrativeFigure(f.resource, {**f.row, "metric": other}, f.label, f.unit, other, f.phase, f.fiscal_year, f.statement, f.scope))
    return out


def _parts_add_up(st: Statement, stmts: list[Statement], text: str, side: str) -> bool:
    """Whether a list (其中…, 资金来源：… to its sentence's end) after ``st``, before the next heading, of parts only adds up to it."""
    end = heading.start() if (heading := SECTION.search(text, st.position)) else len(text)
    for opening in prose_words.PARTS_OPEN.finditer(text, st.position, end):
        stop = text.find("。", opening.end(), end)
        listed = [s for s in stmts if opening.end() <= s.position < (end if stop < 0 else stop)]
        # 基本支出X(工资福利支出A、…)；项目支出Y: what the brackets list is the part's own breakdown, not another part
        parts = [s for s in listed if not CHANGE.search(after_heading(s.label)) and not _bracketed(text, opening.end(), s.position)]
        parts = [s for s in parts if s.amount or not prose_words.CARRIED.search(clean_label(s.label))]  # 上年结转收入0万元: nothing carried
        parts = _without_sub_items(parts)
        if any(("支出" if side == "revenue" else "收入") in s.label for s in stmts if st.position < s.position < opening.start()):
            return False  # the other side's figure came first: the list is of that
        if re.search(r"其中[:：,，]?(?:上年|年初)结转", text[opening.end() : end if stop < 0 else stop]):
            return False  # 财政拨款收入X元,100%其中上年结转Y: a part's own 其中 holds last year's money, so the whole does too
        if parts and all(prose_words.is_part(side, clean_label(s.label)) for s in parts):
            # in whole 万元 (1,361万元 of a table's 1361.6271) parts rounded apart may add up to a rounded whole by chance;
            # in hundredths, parts each rounded may miss the whole by half a hundredth each (2339.68 + 4131.31 + 157.74 of 6628.72)
            exponent = int(st.amount.as_tuple().exponent)
            slack = Decimal(len(parts)).scaleb(exponent) / 2 if all(int(s.amount.as_tuple().exponent) == exponent for s in parts) else Decimal(0)
            return exponent < 0 and abs(sum((s.amount for s in parts), Decimal(0)) - st.amount) <= slack
    return False


# a list's numbering: 1. / 2、 opening a part, (1) / （2） opening an item of the part before it
_NUMBERED = re.compile(r"(?:^|[:：])\d{1,2}[.．、](?!\d)")
_SUB_NUMBERED = re.compile(r"^[（(]\d{1,2}[)）]")


def _without_sub_items(parts: list[Statement]) -> list[Statement]:
    """The parts of a list less the items numbered (1), (2) under a part numbered 1., 2.: that part's own breakdown.

    “明细如下：1.一般公共预算拨款 848105.90 元；(1)经费拨款 848105.90 元”: the 经费拨款 is the 一般公共预算拨款 by its
    kind, no second part. A list whose parts are all numbered (1), (2) keeps them: no part above them is listed.
    """
    out: list[Statement] = []
    numbered = False
    for s in parts:
        if _NUMBERED.search(s.label):
            numbered = True
        elif numbered and _SUB_NUMBERED.match(s.label):
            continue
        out.append(s)
    return out


def _bracketed(text: str, start: int, position: int) -> bool:
    """Whether ``position`` lies inside a bracket opened after ``start`` and not yet closed."""
    between = text[start:position]
    return len(re.findall(r"[（(]", between)) > len(re.findall(r"[)）]", between))


def _without_parts_of_a_source(found: list[NarrativeFigure]) -> list[NarrativeFigure]:
    """The figures less those of one revenue source that one sentence lists under two names with two amounts.

    “教育事业收入10120.00万元;科研事业收入590.43万元”: the 事业收入's parts by kind, neither of them the 事业收入 (which the
    sentence does not print), nor one figure stated twice; a source named once, or twice with one amount, stays.
    """
    groups: dict[tuple[str, str, int], list[NarrativeFigure]] = {}
    for f in found:
        if f.resource == "revenue_by_source" and f.statement is not None:
            start = f.statement.position - len(f.statement.sentence)
            groups.setdefault((f.subject, f.phase, start), []).append(f)
    parts = [id(f) for fs in groups.values() if _kinds_of_one({str(f.row.get("source_name")) for f in fs}) and len({f.row.get("amount") for f in fs}) > 1 for f in fs]
    return [f for f in found if id(f) not in parts]


# words of time or of carrying over before a source's name: 本年一般公共预算收入 and 上年结转结余的一般公共预算收入 are the
# year's and last year's, not two kinds
_TIME = re.compile(r"本年|上年|当年|今年|年初|全年|结转|结余|\d")


def _kinds_of_one(names: set[str]) -> bool:
    """Whether ``names`` are two or more kinds of one source: one name's end shared (事业收入), each before it a word of
    its own that says no time (教育, 科研); 事业收入 beside 教育事业收入 is not (the whole may be restated by its kind)."""
    if len(names) < 2:
        return False
    core = os.path.commonprefix([n[::-1] for n in names])[::-1]
    kinds = [n[: len(n) - len(core)] for n in names]
    return len(core) >= 2 and all(k and not _TIME.search(k) for k in kinds)


def _balanced(found: list[NarrativeFigure]) -> list[NarrativeFigure]:
    """A 支出预算 stated equal to the 收入总计 the prose gave (its parts with the 上年结转) is the 支出总计 as well.

    收入总计 and 支出总计 balance; an expenditure of the year equal to it leaves nothing over, so
    it is both the 本年支出合计 and the 支出总计.
    """
    totals = {(f.phase, f.row.get("amount")) for f in found if f.resource == "totals" and f.subject == "revenue_total"}
    spent = {(f.phase, f.row.get("amount")) for f in found if f.resource == "totals" and f.subject == "expenditure_total"}
    out = list(found)
    for f in found:
        key = (f.phase, f.row.get("amount"))
        if f.resource == "totals" and f.subject == "expenditure_current_year" and key in totals and key not in spent:
            row = {**f.row, "metric": "expenditure_total"}
            out.insert(out.index(f) + 1, NarrativeFigure(f.resource, row, f.label, f.unit, "expenditure_total", f.phase, f.fiscal_year, f.statement, f.scope))
            spent.add(key)
    return out

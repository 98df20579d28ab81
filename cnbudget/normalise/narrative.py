"""The prose: headline figures, function lines, “三公” and revenue as the narrative states them.

Every amount in the prose is read with the words before it (back to the previous
comma or full stop); those words say what the amount is, which figure of the year it is
(年初预算 approved, 全年预算 adjusted, 决算 executed: ``phase``) and, where they name one, its
year. Changes against last year (增加/减少 …) and thresholds (200万元以上) are not figures of
this year and are skipped. Shares stated beside an amount (占 84.40%) are kept for the checks.
Words that name only the phase (“年初预算为 0.95 万元，支出决算为 0.00 万元”) state the same
thing as the figure before them in the sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cnbudget.amounts import parse_amount
from cnbudget.model import Line, Statement
from cnbudget.normalise import prose_words
from cnbudget.normalise.prose_words import (
    BARE_SOURCES,
    HEADLINE,
    ITEM_BEFORE,
    PART_OF_TOTAL,
    SECTION,
    SOURCES,
    class_code,
    completion_base,
    heading_named,
    parts_year,
    three_public_item,
    three_public_named,
)
from cnbudget.official import classification
from cnbudget.tables.phases import own_phase

# 万 alone before a stop, a numbered heading (the line ended there) or the end means 万元
# (“经营收入 0.00 万，为……”, “公务用车购置费0万 / 二、…”): 1.2万人次 is no amount
# an amount: thousands grouped by threes (1,145.52), and never the tail of another number (“各是4125.49,4143.91万元”
# is two amounts, not 49,4143.91 nor 4143.91 alone: which is which the list says only by its order)
AMOUNT_RE = re.compile(r"(?<![\d.])(?<!\d[,，])(?P<amt>[-－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<unit>亿元|万元|元|万(?=[,，。；;、)）]|[一二三四五六七八九十]{1,2}、|$)|(?<=为0)(?=[。，,；;]))")
_SHARE_RE = re.compile(r"^[,，、]?占[^，。；%]{0,12}?(?P<pct>\d+(?:\.\d+)?)%")
_CHANGE = re.compile(r"减少|增加|增长|下降|节约|节省|持平|压减|减幅|增幅|[比较]上年|[比较]\d{4}|以上$|以下$|单价|单位价值|控制数|不超过|每辆|每次|元/")
_FUNCTION_PATH = re.compile(r"(?P<cls>[^（(）)：:]+?)[（(]类[)）](?P<sec>[^（(]+?(?:[（(][^)）]{1,3}[)）][^（(]*?)?)[（(]款[)）](?P<item>[^（(]+?(?:[（(][^)）]{1,3}[)）][^（(]*?)?)[（(]项[)）]")
# the words that say which figure of the year an amount is; the last one before the amount counts
_PHASE_WORDS = ((r"全年预算|调整(?:后)?预算", "adjusted"), (r"年初预算|预算数|(?:(?<=支出)|(?<=费))预算(?=为|是)", "approved"), (r"决算|执行数|实际支出|实际完成|年末支出", "executed"))
_PHASE_RE = re.compile("|".join(f"(?P<{phase}>{pattern})" for pattern, phase in _PHASE_WORDS))
# words that name a phase and nothing else: the figure is of the subject named before it in the sentence
_BARE = re.compile(r"^(?:其中[:：]?)?(?:(?:支出)?(?:年初预算|全年预算|调整(?:后)?预算|决算|执行数?|实际支出)数?|\d{4}年度?(?:预算|决算)数?)(?:为|是)?$")
# an enumerated heading that is a sentence of its own, just before: “（一）因公出国（境）费用。2026 年预算数 173.52 万元”
_HEADING_BEFORE = re.compile(r"(?:[（(][一二三四五六七八九十]+[)）]|(?<![\d.．])\d{1,2}[.．、])((?:[^。；;：:（(]|[（(][^）)]{1,3}[)）]){2,30})。\s*$")
_YEAR = re.compile(r"(20\d{2})年")
# A line ending in a decimal number, and one starting with another: a text layer's wrap never splits one amount so
_TWO_DECIMALS_END = re.compile(r"\d\.\d+$")
_DECIMAL_START = re.compile(r"\d[\d,]*\.\d")
# a numbered heading on a line of its own, naming what the part is about (no amount): 二、“三公”经费预算收支减少情况
_HEADING_LINE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)(?:(?!万元)[^。；;，,])*(?:情况|说明|概况|概述)[:：]?$")


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


@dataclass(frozen=True)
class Prose:
    """The prose joined into one string, with where each printed line starts in it."""

    text: str
    starts: tuple[int, ...]  # offset of each line's text
    pages: tuple[int | None, ...]
    files: tuple[str, ...]

    def where(self, position: int) -> tuple[int | None, str]:
        """The page and file of the character at ``position``."""
        i = bisect.bisect_right(self.starts, position) - 1
        return (self.pages[i], self.files[i]) if i >= 0 else (None, "")


def join_prose(lines: Sequence[Line], files: Sequence[str] | None = None) -> Prose:
    """The prose of ``lines`` (each from the file of the same index in ``files``), wrapping and spaces removed."""
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for line in lines:
        part = re.sub(r"\s+", "", line.text)
        if parts and _TWO_DECIMALS_END.search(parts[-1]) and _DECIMAL_START.match(part):
            part = "\n" + part  # 608.86 | 608.86万元: two decimal points are two numbers, never one
        elif part and _HEADING_LINE.match(next((p for p in reversed(parts) if p), "").lstrip("\n")):  # blank lines between
            part = "\n" + part  # 二、“三公”经费预算收支减少情况 | 2018年…: a heading's words are not the next sentence's
        starts.append(offset)
        parts.append(part)
        offset += len(part)
    names = tuple(files) if files is not None else ("",) * len(lines)
    return Prose("".join(parts), tuple(starts), tuple(line.page for line in lines), names)


def prose_text(lines: list[Line]) -> str:
    """The prose joined into one string, wrapping and spaces removed."""
    return join_prose(lines).text


def statements(text: str, prose: Prose | None = None) -> list[Statement]:
    """Every amount in the prose with the words before it, its sentence and any share stated after it."""
    out: list[Statement] = []
    start = 0
    for m in AMOUNT_RE.finditer(text):
        value = parse_amount(m.group("amt").replace(",", ""))
        if value is None:
            continue
        before = text[start : m.start()]
        cut = max(*(before.rfind(c) for c in "。；;，,\n"), *(stop.end() - 1 for stop in prose_words.LOST_STOP.finditer(before)))
        label = before[cut + 1 :] if cut >= 0 else before[-60:]
        # a zero stated without a unit (因公出国（境）经费为0。) is zero in any unit
        unit = "万元" if m.group("unit") in ("万", "") else m.group("unit")
        amount = value if unit == "万元" else value.scaleb(-4) if unit == "元" else value * 10000
        share_m = _SHARE_RE.match(text[m.end() : m.end() + 20])
        share = Decimal(share_m.group("pct")) if share_m else None
        sentence_start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        page, file = prose.where(m.start()) if prose is not None else (None, "")
        out.append(Statement(label[-80:], amount, unit, share, m.start(), text[sentence_start : m.start()][-200:], _sentence(text, m.start(), m.end()), page, file))
        start = m.end()
    return out


_CLAUSE_END = re.compile(r"[。；;！？]")
_HEADING = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or clause, up to a ；) around text[start:end], from the heading number that opens it where one does."""
    before = text[max(0, start - 300) : start]
    ends = list(_CLAUSE_END.finditer(before))
    begin = max(ends[-1].end() if ends else 0, before.rfind("\n") + 1)  # a heading's line is not the sentence's
    headings = list(_HEADING.finditer(before, begin))
    begin = headings[-1].start() if headings else begin
    after = _CLAUSE_END.search(text, end)
    stop = after.end() if after and after.end() - end < 300 else min(len(text), end + 300)
    return before[begin:] + text[start:stop]


def phase_stated(label: str, own: str) -> str:
    """The phase the words before an amount name (the last such word), else the disclosure's own."""
    found = [m.lastgroup for m in _PHASE_RE.finditer(label)]
    return found[-1] or own if found else own


def year_stated(label: str, fiscal_year: int | None) -> int | None:
    """The year the words before an amount name (the last one), else the disclosure's year."""
    years = _YEAR.findall(label)
    return int(years[-1]) if years else fiscal_year


# 1. or 2、 opening a heading too (“1. 收入支出决算总体情况说明”), never a number's decimal point
_ENUMERATED = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|(?<![\d.．])\d{1,2}[.．、](?![\d%])")


def _after_heading(label: str) -> str:
    """The words after the last numbered heading in ``label``: a change named before it (……减少 / 1.收入决算情况说明 / 收入合计) is another sentence's."""
    parts = [part for part in _ENUMERATED.split(label) if part.strip()]
    return parts[-1] if parts else label


def _clean(label: str) -> str:
    # a heading run into the first item (“六、一般公共预算基本支出情况说明（一）工资福利支出”): the item's words only
    label = _after_heading(label)
    label = re.sub(r"^(?:其中|包括|主要用于以下方面|支出包括|收入包括)[:：]?", "", label)
    label = re.sub(r"^.*[:：]", "", label) if not _FUNCTION_PATH.search(label) else label
    label = re.sub(r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]|[一二三四五六七八九十]是)", "", label)  # 二是其他收入: the second
    return label.strip("、，,.．：: ")


# a classification heading before a colon: the figure after it is that class's, whatever words follow
_LEVELLED_HEADING = re.compile(r"[（(][类款项][)）]\s*[:：]")
# an item named with its level (“公务接待费（款）支出”): an economic or function item, not the 三公 figure
_LEVEL = re.compile(r"[（(][类款项][)）]")
# last year's figure (“上年度列入此项的预留机动经费”), not this year's; 上年结转 is this year's revenue
_LAST_YEAR = re.compile(r"(?:上|去)一?年度?(?!结转|结余|末)")

Subject = tuple[str, str, dict[str, object]]  # (resource, key, the key fields of its row)


def _subjects(label: str, sentence: str, fiscal_year: int | None, whole: str = "") -> list[Subject]:
    """What the words before an amount say it is: (resource, key, row) for each thing it is a figure of (``whole``: the sentence around it)."""
    path = _FUNCTION_PATH.search(label)
    if path:
        cls = re.split(r"[\d.．、]", path.group("cls"))[-1]
        code = classification.resolve_function_path(cls, path.group("sec"), path.group("item"), fiscal_year)
        return [("expenditure_by_function", code or path.group("item"), {"function_code": code, "level": "item", "function_name": path.group("item")})]
    if _LEVELLED_HEADING.search(label):
        return []  # “检察（款）: 2018 年预算支出合计 16,444.36 万元”: the 款's figure, not the year's
    clean = _clean(label)
    item = three_public_item(clean, sentence + whole)
    named = three_public_named(clean)
    if named is not None:  # 出国经费、车辆购置及运行费、公务接待费（简称“三公”经费）支出合计: the items name the total
        item = named
    if item is not None and not re.search(r"外事接待|国内公务接待", clean) and not _LEVEL.search(clean):
        if item == "total" and named is None and re.search(r"因公出国|公务用车|公务接待", clean):
            return []
        found: list[Subject] = [("three_public", item, {"item": item})]
        if item == "total":
            found.append(("totals", "three_public_total", {"metric": "three_public_total", "source_table": "narrative"}))
        return found
    source = next((s for pat, s in SOURCES if re.search(pat, clean)), None)
    if source is None and "收入" in sentence and "支出" not in sentence:
        source = next((s for pat, s in BARE_SOURCES if re.search(pat, clean)), None)
    # “四、一般公共预算拨款支出预算2018年一般公共预算拨款收入”: a heading run into the words after it, which name the source
    if source is not None and not re.search(r"采购|支出", re.split(r"20\d{2}年", clean)[-1]):
        return [("revenue_by_source", source, {"source": source, "source_name": clean})]
    if _BARE.match(clean):
        return []  # a phase alone names no subject: the caller takes the sentence's last one
    if "财政拨款" not in clean or re.search(r"基本支出|运行经费|项目支出|非财政拨款", clean):
        metric = None if prose_words.listed_projects(clean) else next((m for pat, m in HEADLINE if re.search(pat, clean)), None)
        if metric in ("revenue_current_year", "expenditure_current_year") and re.search(PART_OF_TOTAL, clean):
            metric = None  # “政府性基金支出预算 0 万元” is one fund's part, not the year's total
        if metric in ("revenue_current_year", "expenditure_current_year") and ITEM_BEFORE.search(clean):
            metric = None  # “国内接待费支出决算4,895.00元”: the named item's figure, not the year's total
        if metric != "government_procurement" and "政府采购" in clean:
            metric = None  # “货物类政府采购支出预算” is a part of the procurement, not the year's expenditure
        if metric is not None and not re.search(r"一般公共预算.*(?:收支|支出预算)", clean):
            stated: list[Subject] = [("totals", metric, {"metric": metric, "source_table": "narrative"})]
            if metric == "revenue_total" and re.search(r"收、?支|收支|收入支出", clean):
                stated.append(("totals", "expenditure_total", {"metric": "expenditure_total", "source_table": "narrative"}))
            if metric == "carryover_in" and "收入" in sentence and "支出" not in sentence:
                # listed among the revenue's parts, the 上年结转 is a revenue line too, as the 收支总表 prints it
                stated.append(("revenue_by_source", "carryover", {"source": "carryover", "source_name": clean}))
            return stated
    code = class_code(clean, fiscal_year)
    if code is not None:
        return [("expenditure_by_function", code, {"function_code": code, "level": "class", "function_name": clean})]
    return []


_SECTION = SECTION
_PARTS = ("basic_expenditure", "project_expenditure")  # a fund's, listed after its expenditure: scope ``fund``


def section_scope(text: str, position: int) -> str | None:
    """Which money the section around ``position`` is about, by its heading (the last 一、 or （一） before it).

    ``general``: the 一般公共预算; ``other``: 财政拨款 (general and fund budgets together) or another fund;
    ``all``: the department's whole budget (收支总体情况, 支出预算 …); None where the heading does not say.
    """
    heads = list(_SECTION.finditer(text, max(0, position - 2000), position))
    if not heads:
        return None
    heading = re.split(r"[：:。；]", text[heads[-1].end() : heads[-1].end() + 30])[0]
    if "一般公共预算" in heading:
        return "general"
    if re.search(r"财政拨款|政府性基金|国有资本", heading):
        return "other"
    if re.search(r"支出预算|收支预算|收支总体|支出决算|收支决算|收入支出", heading):
        return "all"
    return None


def _with_carryover(subject: Subject, label: str, text: str, position: int) -> Subject:
    """A “收入预算” whose parts, listed next in its section, include the 上年结转: the 收入总计, not the 本年收入合计.

    “2026 年收入预算 404,415.23 万元，比上年…。其中：一般公共预算拨款收入 366,195.79 万元…；上年结转结余 4,023.45 万元”.
    """
    resource, key, _ = subject
    if resource != "totals" or key != "revenue_current_year" or not re.search(r"收入预算|预算收入", label) or re.search(r"本年|当年|合计", label):
        return subject
    ahead = text[position : position + 400]
    heading = _SECTION.search(ahead)
    parts = ahead[: heading.start()] if heading else ahead
    # the parts listed after 其中 name a 上年结转 (its amount may be cut off, as a page's stored opening ends)
    if re.search(r"其中[:：,，]", parts) and re.search(r"上年结转(?:结余)?(?:收入)?\s*[\d,.]+\s*万元|其中[:：,，].*[；;，,、]上年结", parts):
        return ("totals", "revenue_total", {"metric": "revenue_total", "source_table": "narrative"})
    return subject


def _heading_path(text: str, start: int, fiscal_year: int | None) -> list[Subject]:
    """The function item a paragraph is about, where the sentences just before ``start`` name its 类/款/项 and state no amount.

    Final accounts explain each 项 as “…（类）…（款）…（项）。主要用于：…。年初预算为 x 万元，支出决算为 y 万元”.
    """
    before = text[max(0, start - 160) : start]
    paths = list(_FUNCTION_PATH.finditer(before))
    if not paths or AMOUNT_RE.search(before, paths[-1].end()):
        return []
    return _subjects(paths[-1].group(0), "", fiscal_year)


def read_narrative(
    lines: list[Line], fiscal_year: int | None, kind: str | None = None, files: Sequence[str] | None = None
) -> tuple[list[NarrativeFigure], list[Statement]]:
    """Every figure the prose states, each with what it is a figure of, its phase and year; and every amount in the prose."""
    prose = join_prose(lines, files)
    own = own_phase(kind)
    found: list[NarrativeFigure] = []
    stmts = statements(prose.text, prose)
    last: tuple[str, list[Subject]] | None = None  # the sentence and subjects of the last figure
    for st in stmts:
        label = st.label
        if _CHANGE.search(_after_heading(label)) or _LAST_YEAR.search(_clean(label)) or re.search(r"批复数|全年预算数|计划|[人件次辆台套个]", label[-3:]):
            last = None
            continue
        subjects = _subjects(prose_words.funded_item(label, st.sentence) or label, st.sentence, fiscal_year, st.text)
        if not subjects and (named := heading_named(st.sentence) or prose_words.clause_named(label, st.sentence)) is not None:
            subjects = _subjects(named, named, fiscal_year)  # （一）收入预算，2018年年初预算数…: the heading names it
        if not subjects and _BARE.match(_clean(label)):
            if last is not None and last[0] == st.text:
                subjects = last[1]  # the amount just before, in the same sentence, says what this one is of
            else:
                start = st.position - len(st.sentence)
                subjects = _heading_path(prose.text, start, fiscal_year)
                heading = _HEADING_BEFORE.search(prose.text[max(0, start - 40) : start])
                if not subjects and heading:
                    subjects = _subjects(heading.group(1), heading.group(1), fiscal_year)
        phase = phase_stated(label, own)
        if not subjects and last is not None and last[0] == st.text:
            base = completion_base(prose.text, st.position, _clean(label))
            if base is not None:
                subjects, phase = last[1], base  # 决算为A万元，完成全年预算B万元的P%: B is the same item's budget
        if prose_words.all_general(prose.text, st.position, _clean(label)):  # 财政拨款收入 X 万元，为一般公共预算资金
            subjects = [*subjects, ("revenue_by_source", "general_public_budget", {"source": "general_public_budget", "source_name": "一般公共预算"})]
        last = (st.text, subjects) if subjects else None
        if not subjects:
            continue
        scope = section_scope(prose.text, st.position)
        fund = prose_words.fund_part(prose.text, st.position - len(st.sentence), st.sentence)  # 一般公共预算财政拨款支出…。其中：基本支出
        subjects = [_with_carryover(subject, label, prose.text, st.position) for subject in subjects]
        year = year_stated(label, parts_year(st.sentence) or fiscal_year)  # a part listed after 其中: of its sentence's year
        for resource, key, row in subjects:
            amount_field = "total" if resource == "expenditure_by_function" else "amount"
            full = {**row, amount_field: st.amount, **({"fiscal_year": year} if resource == "three_public" else {})}
            found.append(NarrativeFigure(resource, full, label, st.unit, key, phase, year, st, "fund" if fund and key in _PARTS else scope))
    return _balanced(_whole(found, stmts, prose.text)), stmts


def _whole(found: list[NarrativeFigure], stmts: list[Statement], text: str) -> list[NarrativeFigure]:
    """A revenue (expenditure) as a whole whose parts, listed next, add up to it exactly: the total and the year's.

    “收入预算 385.8 万元，其中：一般公共预算拨款 385.8 万元”: the revenue is that part alone, no 上年结转, so
    收入总计 = 本年收入合计. Where a part is carried over or the parts do not add up, the reading stays.
    """
    keys = {"revenue": ("revenue_total", "revenue_current_year"), "expenditure": ("expenditure_total", "expenditure_current_year")}
    out = list(found)
    for f in found:
        side = next((s for s, pair in keys.items() if f.resource == "totals" and f.subject in pair), None)
        if side is None or f.statement is None:
            continue
        total, year = keys[side]
        words = _clean(f.label)
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
    end = heading.start() if (heading := _SECTION.search(text, st.position)) else len(text)
    for opening in prose_words.PARTS_OPEN.finditer(text, st.position, end):
        stop = text.find("。", opening.end(), end)
        listed = [s for s in stmts if opening.end() <= s.position < (end if stop < 0 else stop)]
        parts = [s for s in listed if not _CHANGE.search(_after_heading(s.label))]
        if any(("支出" if side == "revenue" else "收入") in s.label for s in stmts if st.position < s.position < opening.start()):
            return False  # the other side's figure came first: the list is of that
        if parts and all(prose_words.is_part(side, _clean(s.label)) for s in parts):
            # in whole 万元 (1,361万元 of a table's 1361.6271) parts rounded apart may add up to a rounded whole by chance
            return int(st.amount.as_tuple().exponent) < 0 and sum((s.amount for s in parts), Decimal(0)) == st.amount
    return False


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

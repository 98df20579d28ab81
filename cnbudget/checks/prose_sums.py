"""Sums the prose states against the parts it lists: a class against its items, 政府采购 against 货物 + 工程 + 服务,
公务接待 against each reception, a 年初预算 against its “其中” parts.

The prose may list only some of the parts of a total (the larger ones, with “等”): a sum that
falls short of its total by more than the rounding of its parts is then not a contradiction, and
the check is not applicable. Parts that add up to more than their total always contradict it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from cnbudget.amounts import format_amount, printed_wan
from cnbudget.checks.amounts import NUM, same_at_printed_precision
from cnbudget.checks.base import (
    Check,
    Checker,
    Row,
    at,
    page_at,
    phase_of,
    phase_zh,
    phased,
    side,
    stated,
)
from cnbudget.checks.rounding import ROUNDING, WHOLE_WAN_ROUNDING, whole_wan_rounding
from cnbudget.official.classification import function_entries, normalize_name


def _line(row: Row) -> int:
    """Where a statement is in the prose (its ``line``; statements without one come first)."""
    return int(row.get("line") or 0)


def check_prose_class_items(c: Checker) -> None:
    """A function class the prose states (一般公共服务支出 753.59 万元) against the items (项) it states under that class.

    Items the prose lists that add up to more than the class, or fall short of it by no more than
    0.01 万元 for each item (their rounding), contradict it; a larger shortfall may be items the prose
    leaves out (not applicable). Each item is compared with the class as stated last before it.
    Subject: the class code (``208``; ``208/executed`` for another phase; ``212/226000`` where the prose
    states the class in several sections, each with its items).
    """
    fy, own = c.d.meta.get("fiscal_year"), phase_of(c.d)
    by_phase: dict[str, list[Row]] = defaultdict(list)
    for row in stated(c.d, "expenditure_by_function"):
        if str(row["subject"]).isdigit() and row.get("fiscal_year") in (None, fy):
            by_phase[row.get("phase") or own].append(row)
    for phase, rows in sorted(by_phase.items()):
        rows = sorted(rows, key=_line)
        for code in sorted({str(r["subject"]) for r in rows if len(str(r["subject"])) == 3}):
            for row, children in _sections(rows, code):
                _compare_class(c, code, phase, row, children, len(_sections(rows, code)) > 1)


def _sections(rows: list[Row], code: str) -> list[tuple[Row, list[Row]]]:
    """Each statement of class ``code`` followed by the items (项, else 款) the prose lists under it before it states the class again.

    The prose may state a class for all funds, then for the 一般公共预算, then for a fund, each time
    followed by that section's items: an item belongs to the class as stated last before it.
    """
    classes = [r for r in rows if r["subject"] == code]
    out: list[tuple[Row, list[Row]]] = []
    for size in (7, 5):
        items = [r for r in rows if len(str(r["subject"])) == size and str(r["subject"]).startswith(code)]
        if not items:
            continue
        groups: dict[int, dict[str, Row]] = {}
        for item in items:
            before = [i for i, k in enumerate(classes) if _line(k) < _line(item)]
            groups.setdefault(before[-1] if before else 0, {}).setdefault(str(item["subject"]), item)
        out = [(classes[i], [r for r in found.values() if _same_fund(classes[i], r)]) for i, found in sorted(groups.items())]
        out = [(k, kids) for k, kids in out if kids]
        break
    return out


# an item the prose names as a government fund's (“国有土地使用权出让收入安排的支出（款）”): not of a class stated without one
_FUND = re.compile(r"收入安排的支出|基金|彩票公益金|专项债")


def _same_fund(cls: Row, item: Row) -> bool:
    """Whether an item may be one of the class statement's parts: a fund's item is not part of a class stated without a fund."""
    return not _FUND.search(str(item.get("text") or "")) or bool(_FUND.search(str(cls.get("text") or "")))


def _compare_class(c: Checker, code: str, phase: str, row: Row, children: list[Row], several: bool) -> None:
    """One class figure against the items listed under it (not applicable when they may be only some of them)."""
    total, parts = row["amount"], sum((r["amount"] for r in children), Decimal(0))
    slack = ROUNDING * len(children)
    ok = parts == total
    reason = "文字说明可能没有列出该类的全部科目" if not ok and parts < total - slack else None
    zh = phase_zh(phase, c.d)
    subject = phased(code, phase, c.d) + (f"/{format_amount(total)}" if several else "")
    c.result(
        "prose-class-adds-up",
        subject,
        ok,
        side(f"文字说明所写的功能分类科目 {code} 类{zh}金额", total, row.get("page")),
        side(f"文字说明所列其下 {len(children)} 个科目的金额之和", parts, (r.get("page") for r in children)),
        f"function class {code} as the prose states it against the {len(children)} items it lists under it",
        terms=len(children),
        reason=reason,
    )


_PROCUREMENT = re.compile(rf"政府采购[^。；;：:，,]{{0,20}}?({NUM})(万元|元)(.{{0,160}}?)(?:[。；;]|$)")
_PART = {key: re.compile(rf"{key}[^0-9。；;]{{0,12}}?({NUM})(万元|元)") for key in ("货物", "工程", "服务")}




def check_procurement_parts(c: Checker) -> None:
    """“政府采购预算 X 万元，其中：货物 A 万元、工程 B 万元、服务 C 万元”: X = A + B + C.

    Only a clause that names all three parts is compared. Subject: the total as printed (``9.30``).
    """
    text = c.d.evidence.prose
    for m in _PROCUREMENT.finditer(text):
        rest = m.group(3)
        found = [_PART[k].search(rest) for k in ("货物", "工程", "服务")]
        if any(f is None for f in found):
            continue
        parts = [printed_wan(f.group(1), f.group(2)) for f in found if f is not None]
        total = printed_wan(m.group(1), m.group(2))
        page = page_at(c.d, m.start())
        c.result(
            "procurement-parts-add-up",
            m.group(1),
            sum(parts, Decimal(0)) == total,
            side("文字说明所写的政府采购总额", total, page),
            side("文字说明所写的货物、工程、服务之和", sum(parts, Decimal(0)), page),
            "government procurement as the prose states it against its goods + works + services",
            terms=3,
        )


_RECEPTION = re.compile(rf"共计支出({NUM})(万元|元)[，,。]?具体(?:内容)?包括[：:](.{{0,2000}}?)(?:。|$)")
_VISIT = re.compile(rf"接待[^；;，,]{{0,40}}?({NUM})元")


def check_receptions(c: Checker) -> None:
    """The receptions the prose lists one by one (“…接待市委国安办 790 元；…”) against the total it states for them.

    A list that ends with “等” may leave some out: then only a sum above the total contradicts it.
    The total is compared at the precision it is printed with. Subject: the total as printed.
    """
    text = c.d.evidence.prose
    for m in _RECEPTION.finditer(text):
        items = [Decimal(v.group(1).replace(",", "")) for v in _VISIT.finditer(m.group(3))]
        if len(items) < 2:
            continue
        total = printed_wan(m.group(1), m.group(2))
        parts = sum(items, Decimal(0)).scaleb(-4)
        partial = m.group(3).rstrip().endswith("等")
        printed = Decimal(m.group(1).replace(",", ""))
        exponent = printed.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        rounded = parts.quantize(Decimal(1).scaleb(-places)) if m.group(2) == "万元" else parts
        ok = same_at_printed_precision(parts, total) or (partial and rounded <= total)
        page = page_at(c.d, m.start())
        c.result(
            "receptions-add-up",
            m.group(1),
            ok,
            side("文字说明所写的公务接待费共计", total, page),
            side(f"文字说明逐笔列出的 {len(items)} 次接待之和", parts, page),
            f"the receptions the prose lists one by one ({len(items)}) against the total it states",
            detail=None
            if ok
            else f"文字说明所写的公务接待费共计{at(page)}为 {format_amount(total)} 万元，逐笔列出的 {len(items)} 次接待合计 {format_amount(parts)} 万元"
            + ("，已超过所写总额" if partial else "")
            + "：两者不符。",
        )


_INITIAL = re.compile(rf"年初预算(?:数)?(?:为|是)?({NUM})(万元|元)[。，,；;]?其中[：:，,]?([^。]{{0,400}})")
_AMOUNT = re.compile(rf"({NUM})(万元|元)(?![\d%])")
_CHANGE = re.compile(r"比|较|增加|减少|增长|下降|上升|降低|持平|同比|其中|占")


def check_initial_budget_parts(c: Checker) -> None:
    """“年初预算为 X 万元，其中：A 万元、B 万元…”: the parts the sentence lists against the total it states above them.

    A part is an amount that opens its clause (“比上年增加 5 万元”, a share, are not parts); a list with
    another “其中” inside it is not compared. Parts short of the total by more than their rounding may be
    only some of them (not applicable). Subject: the total as printed and its offset (``593.39@120``).
    """
    text = c.d.evidence.prose
    for m in _INITIAL.finditer(text):
        _listed_parts(c, "prose-initial-budget-adds-up", m, "年初预算", "the {n} parts the prose lists under an initial budget it states (“年初预算为 {total}，其中…”) against it")


# “机关运行经费预算总额346.66万元,其中:办公费30万元,印刷费5万元,…”: the items a 机关运行经费 lists after its 其中
_OPERATING = re.compile(rf"机关运行经费(?:财政拨款)?(?:预算|支出|决算)?(?:数)?(?:总额|合计|总计)?(?:为|是|共)?({NUM})(万元|元)[。，,；;]?其中[：:，,]?([^。]{{0,400}})")


def check_operating_funds_parts(c: Checker) -> None:
    """“机关运行经费预算总额 X 万元，其中：办公费 A 万元，…”: the items the sentence lists against the total above them.

    The same reading as ``check_initial_budget_parts`` (parts above the total contradict it; short of it they may be
    only some). Subject: the total as printed and its offset (``346.66@120``).
    """
    text = c.d.evidence.prose
    for m in _OPERATING.finditer(text):
        _listed_parts(c, "operating-funds-parts-add-up", m, "机关运行经费", "the {n} items the prose lists under the 机关运行经费 it states (“机关运行经费 {total}，其中…”) against it")


@lru_cache(maxsize=1)
def _class_names() -> frozenset[str]:
    """The names of the function classes (类) of every year's list, normalised (医疗卫生与计划生育支出 as well as 卫生健康支出)."""
    return frozenset(normalize_name(e.name) for e in function_entries() if len(e.code) == 3)


def _a_class(said: str) -> bool:
    """Whether a listed part (its words and amount as printed) is named by a function class."""
    words = re.sub(r"\d[\d,，]*(?:\.\d+)?\s*万?元$", "", said)
    return normalize_name(words) in _class_names()


# “收入预算 X 万元，其中：一般公共预算拨款 A 万元，…上年结转 C 万元”: the sources the prose lists under its revenue budget
# “预算总收入预计X万元(…),比上年增加…。其中：…”: the same list after a remark in brackets and the change on last year
# “收入总预算X万元,同比减少…。其中:1、…。2、…。”: a numbered list whose items are sentences of their own
_REVENUE = re.compile(
    rf"(?:收入预算(?:总额|总计|合计)?(?:数)?|预算总收入|收入总预算)(?:预计)?(?:为|是|共)?({NUM})(万元|元)"
    rf"(?:[（(][^（()）。]{{0,40}}[)）])?(?:[，,](?:同比|(?:比|较)上年)[^。；;其]{{0,40}})?[。，,；;]?其中[：:，,]?([^。]{{0,400}})"
)
_CARRIED = re.compile(r"结转|结余")
# “2018年收入合计3647.38万元,其中:财政拨款收入2150.48万元,事业收入1497.40万元”: the year's revenue (a final account's
# 收入合计, 本年收入合计) and the sources it lists; not a fund's (财政拨款收入合计, 一般公共预算收入合计)
_CURRENT_REVENUE = re.compile(rf"(?<![款算])(?:本年收入合计|本年收入|收入合计)(?:数)?(?:为|是|共)?({NUM})(万元|元)[。，,；;]?其中[：:，,]?([^。]{{0,400}})")


def check_revenue_sources(c: Checker) -> None:
    """“收入预算 X 万元，其中 A 万元，B 万元…” (or “收入合计 X 万元，其中…”): the sources the sentence lists against the revenue it states above them.

    The same reading as ``check_initial_budget_parts`` (a part opens its clause; a list with another 其中
    in it is not compared; parts short of the total may be only some of them). Subject: the total as
    printed and its offset (``3814.61@120``).
    """
    text = c.d.evidence.prose
    for m in _REVENUE.finditer(text):
        listed = _numbered_on(text, m)
        # a list holding the 上年结转 (结余) adds up to the 收入总计, not to the year's revenue
        check_id, name = ("revenue-total-adds-up", "收入总预算") if _CARRIED.search(listed) else ("revenue-lines-add-up", "收入预算")
        _listed_parts(c, check_id, m, name, "the {n} sources the prose lists under a revenue budget it states (“收入预算 {total}，其中…”) against it", listed)
    for m in _CURRENT_REVENUE.finditer(text):
        if not _CARRIED.search(m.group(3)):  # a carry-over is no part of the year's revenue: the words name another total
            _listed_parts(c, "revenue-lines-add-up", m, "本年收入", "the {n} sources the prose lists under the year's revenue it states (“收入合计 {total}，其中…”) against it")


def _numbered_on(text: str, m: re.Match[str]) -> str:
    """The 其中 list of ``m`` (group 3); where it opens with item 1 and the sentences after it open with 2、3…, those
    items too, each cut before a 其中 of its own (a part's own parts are no parts of the total)."""
    listed = m.group(3)
    if not re.match(r"\s*1[、.．](?!\d)", listed):
        return listed
    position, number = m.end(), 2
    while (item := re.compile(rf"。\s*{number}[、.．](?!\d)([^。]{{0,300}})").match(text, position)) is not None:
        listed += "；" + f"{number}、" + re.split(r"[；;，,]?其中", item.group(1))[0]
        position, number = item.end(), number + 1
    return listed


def _listed_parts(c: Checker, check_id: str, m: re.Match[str], name: str, en: str, listed: str | None = None) -> None:
    """One stated total (group 1, its unit group 2) against the amounts opening the clauses after its 其中 (group 3, or
    ``listed``); ``en`` names ``n`` and ``total``."""
    listed = m.group(3) if listed is None else listed
    if "其中" in listed:
        return
    whole = listed
    parts: list[Decimal] = []
    said: list[str] = []  # each part with the words before it, as printed
    # 18,976.76 is one amount, not two clauses: its comma is kept apart from the clauses' while they are split
    listed = re.sub(r"(?<=\d)([,，])(?=\d{3}(?!\d))", lambda k: _THOUSANDS[k.group(1)], listed)
    # amounts in brackets after a part (“财政拨款收入80万元(一般公共预算70万元,政府性基金10万元)”) are its own parts; the
    # bracket parts it from the next part as a comma would (“基本支出71.09万元(…)项目支出525.00万元”)
    listed = re.sub(r"[（(][^（()）]*\d[^（()）]*万?元[^（()）]*[)）]", "，", listed)
    for clause in re.split(r"[；;，,、]", listed):
        bare = clause.replace(_THOUSANDS[","], "").replace(_THOUSANDS["，"], "")
        found = _AMOUNT.search(bare)
        if found is not None and not _CHANGE.search(bare[: found.start()]):
            parts.append(printed_wan(found.group(1), found.group(2)))
            said.append(_as_printed(clause))
    if len(parts) < 2:
        return
    total, summed = printed_wan(m.group(1), m.group(2)), sum(parts, Decimal(0))
    reason = "这句话可能只列出了其中一部分" if summed < total - ROUNDING * len(parts) and not _whole_list(whole, parts, said) else None
    if _cut_off(m):
        reason = "这句话所列各项一直到文本末尾，句子未完，可能还有未列出的部分"
    if reason is None and whole_wan_rounding(total, parts):
        # 30,441 + 5,000 + 5,428 against 40,870: whole 万元, each rounded on its own (30,441.39 + 5,000 + 5,428.21 = 40,869.60)
        reason = WHOLE_WAN_ROUNDING
    page = page_at(c.d, m.start())
    c.result(
        check_id,
        f"{m.group(1)}@{m.start()}",
        # a part printed with more places (其他收入0.011559万元, from 元): the total states the sum at its own places
        summed == total or same_at_printed_precision(summed, total),
        side(f"文字说明所写的{name}（原文“{text_of(m)}”）", total, page),
        side(f"其后“其中”所列 {len(parts)} 项（{'、'.join(f'“{w}”' for w in said)}）之和", summed, page),
        en.format(n=len(parts), total=m.group(1) + m.group(2)),
        terms=len(parts),
        reason=reason,
    )


def _cut_off(m: re.Match[str]) -> bool:
    """Whether a 其中 list (the last group of ``m``) runs to the end of the text and stops inside a clause: the page was cut there.

    “…事业收入0万元,是事业单位开展” ends mid-sentence: more parts may have followed. A list that ends on a figure
    (“…其他收入0万元,占总收入0.00%”), or one a line break or a heading (（二）预算支出情况) ends before the text's end,
    is read as complete, as before.
    """
    if m.end() < len(m.string.rstrip()):
        return False
    listed = m.string[m.start(m.re.groups) : m.end()].rstrip()
    if "\n" in listed or _HEADING.search(listed):
        return False
    tail = re.split(r"\d[\d,，]*(?:\.\d+)?\s*(?:万元|元|%)", listed)[-1]
    return bool(re.search(r"[\u4e00-\u9fff]", tail))


# a heading inside what a 其中 list's words run to: the list ended before it (“…占总收入0.00%（二）预算支出情况”)
_HEADING = re.compile(r"[（(][一二三四五六七八九十]+[)）]|(?<![\d.])[一二三四五六七八九十]+、")


def text_of(m: re.Match[str]) -> str:
    """The stated total as printed: the words of ``m`` up to its amount's unit (group 2)."""
    return m.string[m.start() : m.end(2)]


# a thousands comma of an amount (18,976.76), kept apart from the commas that part the clauses while they are split
_THOUSANDS = {",": "\x00", "，": "\x01"}


def _as_printed(clause: str) -> str:
    """A part's words and amount as printed (its thousands commas back), without its list number and the words after the amount."""
    text = clause.replace(_THOUSANDS[","], ",").replace(_THOUSANDS["，"], "，")
    text = re.sub(r"^\s*(?:[1-9][、.．](?!\d)|[（(][一二三四五六七八九十\d]+[)）])?\s*", "", text)
    amount = re.search(r"\d[\d,，]*(?:\.\d+)?\s*万?元", text)
    return (text[: amount.end()] if amount else text).strip()


# “1、财政拨款…；2、事业收入…”: the parts numbered one after another from 1
_NUMBERED = re.compile(r"(?:^|[\s；;，,。：:])([1-9])[、.．](?!\d)")


def _whole_list(listed: str, parts: list[Decimal], said: list[str]) -> bool:
    """Whether a “其中” list names every part, not only the larger ones: it does not end with 等, and it numbers its
    parts 1、2、3…, lists a part of 0 (a writer naming only the larger parts would not name an empty one), or names
    each part by a function class (类): the classes part the spending whole, and every such list in the development
    sets and the seeds names them all (“支出预算,2019年年初预算数385.8万元,其中:社会保障和就业支出…,卫生健康支出…,住房保障支出…”)."""
    if re.search(r"等(?:[\d.]+万?元)?[^\d]{0,6}$", listed.strip()):
        return False
    numbers = [int(n) for n in _NUMBERED.findall(listed)]
    numbered = len(numbers) >= 2 and numbers == list(range(1, len(numbers) + 1))
    return numbered or any(p == 0 for p in parts) or all(_a_class(w) for w in said)


CHECKS: tuple[Check, ...] = (check_prose_class_items, check_procurement_parts, check_receptions, check_initial_budget_parts, check_revenue_sources, check_operating_funds_parts)

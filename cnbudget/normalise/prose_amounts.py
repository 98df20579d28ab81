"""The prose joined into one string, and every amount in it read with the words before it.

An amount's words run back to the previous comma or full stop; the sentence (or clause) around it
is kept, and a share stated just after it (占 84.40%). The words also say which figure of the year
the amount is (``phase_stated``) and of which year (``year_stated``); what it is a figure of is
``prose_subjects``'s to say.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from cnbudget.amounts import parse_amount
from cnbudget.model import Line, Statement
from cnbudget.normalise import prose_words
from cnbudget.strings import compact

# 万 alone before a stop, a numbered heading (the line ended there) or the end means 万元
# (“经营收入 0.00 万，为……”, “公务用车购置费0万 / 二、…”): 1.2万人次 is no amount
# an amount: thousands grouped by threes (1,145.52), and never the tail of another number (“各是4125.49,4143.91万元”
# is two amounts, not 49,4143.91 nor 4143.91 alone: which is which the list says only by its order)
AMOUNT_RE = re.compile(r"(?<![\d.])(?<!\d[,，])(?P<amt>[-－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<unit>亿元|万元|元|万(?=[,，。；;、)）]|[一二三四五六七八九十]{1,2}、|$)|(?<=为0)(?=[。，,；;]))")
_SHARE_RE = re.compile(r"^[,，、]?占[^，。；%]{0,12}?(?P<pct>\d+(?:\.\d+)?)%")
# the words that say which figure of the year an amount is; the last one before the amount counts. A 预算 not named 年初
# (``bare``) is the budget as adopted unless the document's note says its 预算数 is the 全年预算数 (``declared_budget``)
_PHASE_WORDS = (
    (r"全年预算|调整(?:后)?预算", "adjusted"),
    (r"年初预算|年初(?:数)?(?:为|是)?$", "approved"),  # 2017年度预算收入年初 X 万元: the words end on the budget's 年初
    # a 预算 the amount follows (“三公经费”部门预算451.62万元), not a fund's name (一般公共预算 X 万元 is that fund's money)
    (r"预算数|(?:(?<=支出)|(?<=费))预算(?=为|是)|(?<!公共)(?<!基金)(?<!经营)预算(?:为|是)?$", "bare"),
    (r"决算|执行数|实际支出|实际完成|年末支出", "executed"),
)
_PHASE_RE = re.compile("|".join(f"(?P<{phase}>{pattern})" for pattern, phase in _PHASE_WORDS))
_YEAR = re.compile(r"(20\d{2})年")
# A line ending in a decimal number, and one starting with another: a text layer's wrap never splits one amount so
_TWO_DECIMALS_END = re.compile(r"\d\.\d+$")
_DECIMAL_START = re.compile(r"\d[\d,]*\.\d")
# a numbered heading on a line of its own, naming what the part is about (no amount): 二、“三公”经费预算收支减少情况;
# the 2024 final-account template's （一）收入总计主要构成 above 本年收入X万元 (the sentence names the year's revenue, not the 总计);
# numbered in figures too: 1、综合收支与上年度决算对比情况 above 2017年度收入X万元
_HEADING_LINE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分|\d{1,2}[、．]|[（(]\d{1,2}[)）])(?:(?!万元)[^。；;，,])*(?:情况|说明|概况|概述|构成)[:：]?$")


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
        part = compact(line.text)
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


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or clause, up to a ；) around text[start:end], from the heading number that opens it where one does."""
    before = text[max(0, start - 300) : start]
    ends = list(_CLAUSE_END.finditer(before))
    begin = max(ends[-1].end() if ends else 0, before.rfind("\n") + 1)  # a heading's line is not the sentence's
    headings = list(prose_words.SECTION.finditer(before, begin))
    begin = headings[-1].start() if headings else begin
    after = _CLAUSE_END.search(text, end)
    stop = after.end() if after and after.end() - end < 300 else min(len(text), end + 300)
    return before[begin:] + text[start:stop]


def phase_named(label: str) -> str | None:
    """The phase the words before an amount name last (``bare`` for a 预算 not named 年初 or 全年); None where they name none."""
    found = [m.lastgroup for m in _PHASE_RE.finditer(label)]
    return found[-1] if found else None


def phase_stated(label: str, own: str, bare: str = "approved") -> str:
    """The phase the words before an amount name (the last such word), else the disclosure's own.

    ``bare``: the phase of a 预算 the words do not name 年初 or 全年 (the document's note may say which budget it is).
    """
    last = phase_named(label)
    return own if last is None else bare if last == "bare" else last


def year_stated(label: str, fiscal_year: int | None) -> int | None:
    """The year the words before an amount name (the last one), else the disclosure's year."""
    years = _YEAR.findall(label)
    return int(years[-1]) if years else fiscal_year

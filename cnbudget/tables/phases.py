"""Which figure of the year a column holds (``phase``), from the words of its header.

A budget prints the budget as adopted (预算数); a final account prints the 决算数 and often, beside
it, the 年初预算数 and the 全年预算数 (the budget as adjusted during the year). Each column is named
by its header: 全年预算数 / 调整预算数 → ``adjusted``, 决算数 / 执行数 / 实际数 → ``executed``,
年初预算数 / 预算数 → ``approved``.
"""

from __future__ import annotations

import re

from cnbudget.strings import compact

_ADJUSTED = re.compile(r"全年预算|调整(?:后)?预算|调整数")
_EXECUTED = re.compile(r"决算|执行数|实际(?:数|支出|完成)?")
_APPROVED = re.compile(r"年初预算|预算数|预算安排|批复数")
# the words a header uses for a phase, in the order they are tried (全年预算数 before 预算数)
PHASE_WORDS = re.compile(r"全年预算数?|调整(?:后)?预算数?|年初预算数?|决算数|执行数|实际数|预算数")


def phase_of(label: str) -> str | None:
    """The phase a column's header names, or None when it names none."""
    text = compact(label)
    if _ADJUSTED.search(text):
        return "adjusted"
    if _EXECUTED.search(text):
        return "executed"
    if _APPROVED.search(text):
        return "approved"
    return None


def own_phase(kind: object) -> str:
    """The phase of a disclosure's own figures: ``executed`` for a final account, ``approved`` for a budget."""
    return "executed" if kind == "final_account" else "approved"


def header_phases(header: str) -> list[str]:
    """The phase of each phase word of a header, in the order printed (``预算数 决算数`` → approved, executed)."""
    return [p for p in (phase_of(m.group(0)) for m in PHASE_WORDS.finditer(compact(header))) if p is not None]

"""Which figure of the year a column holds (``phase``), from the words of its header.

A budget prints the budget as adopted (预算数); a final account prints the 决算数 and often, beside
it, the 年初预算数 and the 全年预算数 (the budget as adjusted during the year). Each column is named
by its header: 全年预算数 / 调整预算数 → ``adjusted``, 决算数 / 执行数 / 实际数 → ``executed``,
年初预算数 / 预算数 → ``approved``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cnbudget.strings import compact

_ADJUSTED = re.compile(r"全年预算|调整(?:后)?预算|调整数")
_EXECUTED = re.compile(r"决算|执行数|实际(?:数|支出|完成)?")
_APPROVED = re.compile(r"年初预算|预算数|预算安排|批复数")
_OPENING = re.compile(r"年初预算|批复数")  # the budget as adopted, named so: never the 全年预算数 a note may make a bare 预算数
# the words a header uses for a phase, in the order they are tried (全年预算数 before 预算数)
PHASE_WORDS = re.compile(r"全年预算数?|调整(?:后)?预算数?|年初预算数?|决算数|执行数|实际数|预算数")


def phase_of(label: str, bare: str = "approved") -> str | None:
    """The phase a column's header names, or None when it names none (``bare``: what a 预算数 not named 年初 is, ``declared_budget``)."""
    text = compact(label)
    if _ADJUSTED.search(text):
        return "adjusted"
    if _EXECUTED.search(text):
        return "executed"
    if _APPROVED.search(text):
        return "approved" if _OPENING.search(text) else bare
    return None


def own_phase(kind: object) -> str:
    """The phase of a disclosure's own figures: ``executed`` for a final account, ``approved`` for a budget."""
    return "executed" if kind == "final_account" else "approved"


def header_phases(header: str, bare: str = "approved") -> list[str]:
    """The phase of each phase word of a header, in the order printed (``预算数 决算数`` → approved, executed)."""
    return [p for p in (phase_of(m.group(0), bare) for m in PHASE_WORDS.finditer(compact(header))) if p is not None]


# the note under a final account's “三公” table saying which budget its bare 预算数 is: the national template's
# “其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数”, or “预算数为“三公”经费年初预算数”
_BUDGET_NOTE = re.compile(r"预算数(?:为|是|指)[^。；;，,]{0,12}?(?P<which>全年预算数|调整后?的?预算数|年初预算数)")


def declared_budget(texts: Iterable[str]) -> str | None:
    """The phase a document's notes give its bare 预算数 (全年 → ``adjusted``, 年初 → ``approved``); None where none says, or two disagree."""
    said = {"approved" if m.group("which").startswith("年初") else "adjusted" for text in texts for m in _BUDGET_NOTE.finditer(compact(text))}
    return said.pop() if len(said) == 1 else None

"""The 目录 against the document: an entry with no title, a table it lists that the document neither prints nor explains.

The 目录 is read from the start of the prose, from “目录” to where its first entry is printed again
(the body begins). Its entries are the text after each enumerator (第一部分, 一、, （一）) less page
numbers and leaders. An entry with nothing left names nothing. A listed table (its title ends in 表)
of a kind the build knows (its title patterns) is printed when the document prints a table of that kind or one
with a title like it,
and explained when the document says it is empty (本表无数据). A document that prints no tables at all
(its tables are published in another file) is not held to its 目录's tables.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from cnbudget.checks.base import Check, Checker, at, page_at, side
from cnbudget.tables.registry import KINDS

_ENUMERATOR = re.compile(r"第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]")
_LEADERS = re.compile(r"[\d.…·．\-—\s]+")
REACH = 4000  # characters of prose a 目录 may take
LIKE = 0.75  # how alike a printed title must be to a listed one
MIN_TABLES = 3  # a document printing fewer tables does not print its tables here


def contents(text: str) -> tuple[int, list[tuple[str, str, int]]] | None:
    """The 目录 at the start of the prose: its position and its entries (enumerator, title less page numbers, position); None if none."""
    start = text.find("目录", 0, REACH)
    if start < 0:
        return None
    marks = list(_ENUMERATOR.finditer(text, start, start + REACH))
    if len(marks) < 2:
        return None
    first = text[marks[0].start() : marks[1].start()]
    first = first if _LEADERS.sub("", first[len(marks[0].group(0)) :]) else marks[0].group(0)
    end = text.find(_LEADERS.sub("", first), marks[1].start())  # the body starts where the first entry is printed again
    if end < 0:
        return None
    entries = []
    inside = [m for m in marks if m.start() < end]
    for m, after in zip(inside, [*inside[1:], None], strict=True):
        stop = after.start() if after is not None else end
        title = _LEADERS.sub("", text[m.end() : stop])
        entries.append((m.group(0), title, m.start()))
    return start, entries


def _core(title: str) -> str:
    """A table's title less its year, numbering and punctuation (2026年…预算01表 → …表)."""
    title = re.sub(r"\d{4}年度?|预算\d+表|决算\d+表|公开\d+表|表\d+(?:-\d+)?|[\d\s“”\"（）()、，,：:]", "", title)
    return title


def kind_of(title: str) -> str | None:
    """The table kind a listed title names (the kinds' own title patterns), or None."""
    return next((k.name for k in KINDS if k.pattern.search(title)), None)


def _printed(title: str, printed: list[tuple[str, str]]) -> bool:
    """Whether a table of the listed title's kind is printed, or one with a title like it."""
    core, kind = _core(title), kind_of(title)
    return any(kind == k or core in _core(p) or SequenceMatcher(None, core, _core(p)).ratio() >= LIKE for k, p in printed)


def check_contents(c: Checker) -> None:
    """Each 目录 entry names something; each table it lists is printed or said to be empty.

    Subjects: ``empty/<enumerator>@<position>`` for an entry with no title; the listed title for a
    table not found; ``tables`` for the one result that every listed table is printed or explained.
    """
    text = c.d.evidence.prose
    found = contents(text) if text else None
    if found is None:
        return
    _, entries = found
    for mark, title, position in entries:
        if not title:
            page = page_at(c.d, position)
            c.result(
                "contents-entry-titled",
                f"empty/{mark}@{position}",
                False,
                side("目录条目的标题", None),
                side("目录所印", mark, page),
                f"the table of contents has an entry “{mark}” with no title",
                detail=f"目录{at(page)}中的条目“{mark}”没有标题，不知所指。",
                severity="mismatch",
            )
    tables = [(mark, title, position) for mark, title, position in entries if not mark.startswith("第") and title.endswith("表") and kind_of(title)]
    printed = [(b.kind, b.title) for b in c.d.evidence.blocks]
    if not tables or len(printed) < MIN_TABLES:
        return
    explained = "".join(c.d.evidence.empty_explained)
    missing = [(mark, title, position) for mark, title, position in tables if not _printed(title, printed) and _core(title)[-8:] not in explained]
    for mark, title, position in missing:
        page = page_at(c.d, position)
        c.result(
            "contents-table-printed",
            title,
            False,
            side("目录所列", title, page),
            side("文件所印的表格", None),
            f"the table of contents lists “{title}”, which the document neither prints nor explains",
            detail=f"目录{at(page)}列有“{mark}{title}”，文件中却没有印出这张表，也没有说明它为空表。",
            severity="mismatch",
        )
    if not missing:
        c.result(
            "contents-table-printed",
            "tables",
            True,
            side("目录所列表格", None),
            side("文件所印表格", None),
            f"every one of the {len(tables)} tables the table of contents lists is printed or explained",
            detail=f"目录所列的 {len(tables)} 张表格，文件都已印出或说明为空表。",
        )



CHECKS: tuple[Check, ...] = (check_contents,)

"""Words of the prose a division's short name hides in: 完成县委 prints 成县, 管理县级 理县, 规范县级 范县.

A county whose name is one character and its tier's word (成县, 理县, 范县, 代县) is printed, letter for letter, wherever a word
ending in that character comes before 县 (完成县委交办的任务). Such a name is no mention where its first character closes a word
with the one before it, by the word list of jieba's dictionary (pinned; the one the site's search segments with): 说明温县,
位于寿县 and 2020年寿县 still name 温县 and 寿县.
"""

from __future__ import annotations

import csv
import importlib.util
from functools import lru_cache
from pathlib import Path

DIVISIONS = Path(__file__).resolve().parent.parent / "data" / "divisions.csv"

__all__ = ["inside_word"]


def inside_word(text: str, at: int) -> bool:
    """Whether the character at ``at`` of ``text`` (white space removed) closes a word with the one before it (完成, 管理)."""
    return at > 0 and text[at - 1 : at + 1] in _words_closing_stems()


@lru_cache(maxsize=1)
def _words_closing_stems() -> frozenset[str]:
    """The two-character words of jieba's dictionary (seen at least once) ending with the character a division's
    two-character name opens with (完成 for 成县, 管理 for 理县): read from its word list alone, never its whole model."""
    stems = set()
    for path in (DIVISIONS, DIVISIONS.with_name("former_divisions.csv")):  # the lists official.regions reads its mentions with
        with path.open(encoding="utf-8", newline="") as fh:
            stems |= {row["name"][0] for row in csv.DictReader(fh) if len(row["name"]) == 2}
    words = set()
    with (Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt").open(encoding="utf-8") as fh:  # type: ignore[arg-type,union-attr]
        for line in fh:
            word, freq = line.split(" ", 2)[:2]
            if len(word) == 2 and word[1] in stems and int(freq) > 0:
                words.add(word)
    return frozenset(words)

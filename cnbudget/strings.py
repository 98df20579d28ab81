"""Text helpers every stage shares."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# one Chinese character of the basic CJK Unified Ideographs block (U+4E00–U+9FFF)
HAN = re.compile(r"[\u4e00-\u9fff]")
# the unit's own level after its name: X局（本级）, or bare, X局本级 (2023年X局本级部门决算公开说明)
OWN_LEVEL = re.compile(r"(?:[（(]本级[)）]|本级)$")
# A party's or a people's organisation's name before the division whose committee a body is: 中共江苏省委办公厅,
# 中国民主建国会武汉市委员会 / 民建武汉市委 (the eight democratic parties, full and short), 共青团安徽省委
PARTY_PREFIX = re.compile(
    r"^(?:中共|中国共产党|中国国民党革命委员会|民革|中国民主同盟|民盟|中国民主建国会|民建|中国民主促进会|民进|中国农工民主党|农工党"
    r"|中国致公党|致公党|九三学社|台湾民主自治同盟|台盟|中国共产主义青年团|共青团)"
)


def compact(text: str) -> str:
    """Text with all white space removed."""
    return _SPACE.sub("", text)

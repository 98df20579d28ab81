"""Text helpers every stage shares."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# the unit's own level after its name: X局（本级）, or bare, X局本级 (2023年X局本级部门决算公开说明)
OWN_LEVEL = re.compile(r"(?:[（(]本级[)）]|本级)$")


def compact(text: str) -> str:
    """Text with all white space removed."""
    return _SPACE.sub("", text)

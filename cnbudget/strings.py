"""Text helpers every stage shares."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def compact(text: str) -> str:
    """Text with all white space removed."""
    return _SPACE.sub("", text)

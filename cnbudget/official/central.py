"""The central departments whose names do not say they are central (``data/central_departments.csv``)."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from cnbudget.strings import OWN_LEVEL, compact

DATA = Path(__file__).resolve().parent.parent / "data" / "central_departments.csv"

__all__ = ["central_department"]


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Every listed name, full and short, mapped to the department's full name."""
    out: dict[str, str] = {}
    with DATA.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for name in (row["name"], *filter(None, row["short"].split(";"))):
                out[name] = row["name"]
    return out


def central_department(name: str) -> str:
    """The full name of the listed central department ``name`` is (共青团中央: 中国共产主义青年团中央委员会), or ''
    where it is none of them in full (共青团安徽省委, 县团委 and 贵州省科协 are a province's or county's)."""
    return _names().get(OWN_LEVEL.sub("", compact(name)), "")

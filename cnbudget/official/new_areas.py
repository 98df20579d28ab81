"""The State Council's national new areas (国家级新区, ``data/national_new_areas.csv``): where a body named with one lies."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

from cnbudget.official.regions import Region, chain, resolve_region, short_form_region, to_region
from cnbudget.strings import compact

DATA = Path(__file__).resolve().parent.parent / "data" / "national_new_areas.csv"

__all__ = ["new_area_region"]


@lru_cache(maxsize=1)
def _areas() -> dict[str, str]:
    """Every listed area's name and the code of the division it is placed in."""
    with DATA.open(encoding="utf-8", newline="") as f:
        return {row["name"]: row["code"] for row in csv.DictReader(f)}


def new_area_region(name: str, year: int | None = None) -> Region | None:
    """The region of a body named with a national new area (雄安新区管理委员会: 河北省; 湖南湘江新区…: 长沙市), or None
    where ``name`` names no listed area. A division the rest of the name writes out inside the area's own, or the short
    form the name opens with (眉山天府新区北斗初级中学: 眉山市, the part of 天府新区 in 眉山), places it deeper; one outside it (a 江北新区 of another city, 重庆市江北新区…) leaves the
    body to the divisions its name prints, as does a name that names two areas. The area's own name is read as one
    word: 安新 of 雄安新区 is no mention of 安新县."""
    text = compact(name)
    found = [(area, code) for area, code in _areas().items() if area in text]
    if len(found) != 1:
        return None
    area, code = found[0]
    rest = resolve_region(text.replace(area, "，"), year) or short_form_region(text)
    if rest is None:
        return to_region(code)
    if code in chain(rest.code):
        return rest
    return to_region(code) if rest.code in chain(code) else None  # 湖南湘江新区: 湖南 holds the area's 长沙市

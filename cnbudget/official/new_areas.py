"""Zones that are no division: the State Council's national new areas (国家级新区, ``data/national_new_areas.csv``) and
the high-tech zones named by a landmark (东湖高新区, ``data/named_zones.csv``): where a body named with one lies."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cnbudget.official.regions import Region, chain, find_mentions, resolve_region, short_form_region, to_region
from cnbudget.strings import compact

DATA = Path(__file__).resolve().parent.parent / "data" / "national_new_areas.csv"
ZONES = DATA.with_name("named_zones.csv")

__all__ = ["NamedZone", "named_zone", "new_area_region"]

# the zone's word after its landmark: 东湖高新区, 东湖新技术开发区, 东湖开发区, 张江高新技术产业开发区, 张江科学城, 紫竹高新区
_ZONE_WORD = re.compile(r"(?:国家)?(?:高新区|(?:高新技术|新技术)?(?:产业)?开发区|科学城|高科技园区|自主创新示范区)")


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


@lru_cache(maxsize=1)
def _named_zones() -> dict[str, str]:
    """Every listed landmark a high-tech zone is named by, and the code of the division that runs the zone."""
    with ZONES.open(encoding="utf-8", newline="") as f:
        return {row["word"]: row["code"] for row in csv.DictReader(f)}


@dataclass(frozen=True)
class NamedZone:
    """A body named by a zone's landmark: the zone's word, its region, and the divisions the word is also short for."""

    word: str
    region: Region
    others: tuple[str, ...]


def named_zone(name: str) -> NamedZone | None:
    """The listed zone a body's name opens with, its landmark then a zone's word (东湖高新区管委会: 武汉市's 东湖), with the
    divisions outside the zone's own that the word also names in short form (南昌市东湖区), or None where ``name`` opens
    with no listed zone. A body with such other readings is placed by neither: its word alone does not say which it is."""
    text = compact(name)
    for word, code in _named_zones().items():
        if text.startswith(word) and _ZONE_WORD.match(text, len(word)):
            key = find_mentions(word).get(word)
            others = () if key is None else tuple(sorted(c for c in key.codes if code not in chain(c) and c not in chain(code)))
            return NamedZone(word, to_region(code), others)
    return None

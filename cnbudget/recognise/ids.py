"""The ids of a unit and a disclosure: ASCII slugs of what the document says, the same on every build."""

from __future__ import annotations

import hashlib
import re

from cnbudget.official.regions import Region, region_slug
from cnbudget.strings import compact

GLOSSARY: tuple[tuple[str, str], ...] = (
    ("中国共产党", "cpc-"),
    ("中共", "cpc-"),
    ("人民代表大会常务委员会", "npc-standing-committee-"),
    ("人大常委会", "npc-standing-committee-"),
    ("政治协商会议", "cppcc-"),
    ("政协", "cppcc-"),
    ("高级人民法院", "high-court-"),
    ("中级人民法院", "intermediate-court-"),
    ("人民法院", "court-"),
    ("人民检察院", "procuratorate-"),
    ("人民政府", "government-"),
    ("街道办事处", "subdistrict-office-"),
    ("办事处", "office-"),
    ("委员会", "committee-"),
    ("办公厅", "general-office-"),
    ("办公室", "office-"),
    ("财政局", "finance-bureau-"),
    ("社会福利院", "social-welfare-home-"),
    ("信息公开服务中心", "information-disclosure-centre-"),
    ("中心", "centre-"),
    ("局", "bureau-"),
    ("街道", "subdistrict-"),
    ("委", "committee-"),
    ("省", ""),
    ("市", ""),
    ("区", ""),
    ("县", ""),
    ("本级", ""),
)

_SYNONYMS = (
    ("中国共产党", "中共"),
    ("人民代表大会常务委员会", "人大"),
    ("人大常委会", "人大"),
    ("中国人民政治协商会议", "政协"),
    ("委员会办公室", "委办公室"),
    ("委员会办公厅", "委办公厅"),
    ("（本级）", ""),
    ("(本级)", ""),
    ("本级", ""),
)


def canonical_unit(name: str, region: Region | None = None) -> str:
    """The unit's name in one spelling, so that every file and year of it shares a key.

    中国共产党江苏省委员会办公厅, 中共江苏省委办公厅 and 省委办公厅 are one unit: long
    forms become short ones, the unit's own region is dropped from the name (the key
    carries the region code instead), and so is a 中共 that a 省委/市委/区委 already implies.
    """
    name = compact(name)
    for long, short in _SYNONYMS:
        name = name.replace(long, short)
    if region is not None:
        for part in (region.province, region.city, region.county):
            for form in (part, re.sub(r"(省|市|区|县|自治州|自治区|特别行政区)$", "", part)) if part else ():
                if len(form) >= 2 and form in name:
                    name = name.replace(form, "", 1)
                    break
    name = re.sub(r"^中共(?=(?:省|市|区|县|州|旗)?委)", "", name)
    name = re.sub(r"^(?:省|市|区|县|州|旗)(?=委|人大|政协|人民|政府)", "", name)
    if region is not None and _deepest_tier(region) and name.startswith(_deepest_tier(region)) and len(name) > 3:
        name = name[1:]  # 县招商服务中心 in 南漳县's document: the county's own body, 南漳县招商服务中心
    return (region.code + ":" if region is not None else "") + name


def _deepest_tier(region: Region) -> str:
    """The tier word the region's deepest division ends with (县 for 南漳县, 市 for 襄阳市), '' for others."""
    part = region.county or region.city or region.province
    return part[-1] if part and part[-1] in "省市区县州旗" else ""


def _romanise(text: str) -> str:
    from pypinyin import lazy_pinyin

    out = text
    for zh, en in GLOSSARY:
        out = out.replace(zh, f" {en} ")
    parts: list[str] = []
    for chunk in re.split(r"(\s+)", out):
        if re.search(r"[\u4e00-\u9fff]", chunk):
            parts.append("".join(lazy_pinyin(chunk)))
        else:
            parts.append(chunk)
    slug = re.sub(r"[^a-z0-9]+", "-", "".join(parts).lower()).strip("-")
    return re.sub(r"-{2,}", "-", slug)


def unit_slug(unit_name: str, region: Region | None) -> str:
    """An ASCII slug for the unit: region, the name's words, and a short hash of the name."""
    name = canonical_unit(unit_name, region)
    rest = compact(unit_name)
    if region is not None:
        for part in (region.province, region.city, region.county):
            if part:
                for form in (part, re.sub(r"(省|市|区|县|自治州|自治区|特别行政区)$", "", part)):
                    rest = rest.replace(form, "", 1) if len(form) >= 2 else rest
    words = _romanise(rest)[:48].strip("-") or "unit"
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:6]
    prefix = region_slug(region) if region is not None else "cn"
    return f"{prefix}-{words}-{digest}"


def disclosure_slug(unit_id: str, year: int, kind: str, scope: str) -> str:
    """The disclosure id: the unit, the year, the kind and (for 单位 scope) the scope."""
    kind_part = "budget" if kind == "budget" else "final-account"
    return f"{unit_id}-{year}-{kind_part}" + ("-unit" if scope == "unit" else "")

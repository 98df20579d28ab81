"""What the build report says of a document it refuses to publish (unit-unknown, region-unknown): what was looked
for, and what the page printed instead, so that a reader can tell the page's silence from the build's blindness."""

from __future__ import annotations

import re

from cnbudget.model import Identity, Line
from cnbudget.official.new_areas import NamedZone
from cnbudget.official.regions import Region, chain, find_mentions, load_divisions
from cnbudget.recognise.tier import TierSaid
from cnbudget.strings import compact

__all__ = ["not_a_disclosure", "region_unknown", "shared_unplaced", "township_unplaced", "unit_unknown", "unnamed", "unplaced", "zone_unplaced"]

# the words a page calls its own body by, in place of a name: 本部门, 我局, 本单位
_SELF = re.compile(r"(?:本|我)(?:部门|单位|局|院|校|委|办|中心|所|馆|会|厅|站)")
# a body named by its tier's word alone: 市博物馆, 区政协, 自治区外事办公室
_TIER_WORD = re.compile(r"^(?:中共|中国共产党)?(自治区|省|市|县|区|州|旗)")
# a township named before the year of the accounts: 现将焦石镇2020年度“三公”经费决算情况公布如下 (not 本镇, 全镇, 乡镇)
_TOWN_BEFORE_YEAR = re.compile(r"((?![本我该全各每其此乡])[\u4e00-\u9fff]{2}(?:乡|镇|街道))20\d{2}年")
_TOWNSHIP_NAME = re.compile(r"[\u4e00-\u9fff]{2,}(?:乡|镇|街道|苏木)")
_LOOKED_FOR_UNIT = (
    "looked for a title naming the unit (X2026年部门预算, 2026年X“三公”经费…), a header line (部门：X, 编制单位：X) and a"
    " sentence of the body naming it (X下设…, X主要职责…, 安排X出国团组, a signature over its date, a 发布机构 cell)"
)


def unnamed(lines: list[Line]) -> str:
    """What was looked for on a page that names no unit, the words it calls its body by instead (本部门, 我局), and a
    township it names before a year (现将焦石镇2020年度…), which is no unit's name without its county's."""
    text = "".join(compact(line.text) for line in lines[:200])
    own = list(dict.fromkeys(m.group() for m in _SELF.finditer(text)))[:3]
    towns = list(dict.fromkeys(m.group(1) for m in _TOWN_BEFORE_YEAR.finditer(text)))[:3]
    said = f": the page calls its body only {'、'.join(own)}" if own else ": found none"
    if towns:
        said += f" (it names the township {'、'.join(towns)} before the year, but no county, and a township's body is placed and named by its county)"
    return _LOOKED_FOR_UNIT + said


def unplaced(names: tuple[str, ...], said: TierSaid, opening: str | None) -> str:
    """What was looked for to place the unit of ``names``, none of which gives its region: its names, the document's
    divisions, a short form it opens with (the division ``opening``, if any) and what the page says of whose it is."""
    looked = (f"looked for a province, city or county in its names ({'、'.join(dict.fromkeys(names))}), one the document names"
              " in full, and a county's short form opening its name before a body every county has (杜集经济开发区)")
    found = "; ".join(f"{tier}: {'、'.join(words)}" for tier, words in said.words.items())
    if said.tier == "central":
        return f"{looked}; the page says the body is central ({found}): not placed in a province by its name or the places it prints, and its name is no central body's (国家…, 中共中央…)"
    if opening is None:
        tiers = [m.group(1) for n in names if (m := _TIER_WORD.match(compact(n)))]
        if len(tiers) == len(names):
            return looked + f": found none (its name gives only its tier, {'、'.join(dict.fromkeys(tiers))}, and the page names no such division)"
        if all(compact(n).startswith("中国") for n in names):  # 中国文字博物馆: a national name a province's hall bears too
            return looked + ": found none (its name opens with 中国 as a central body's does, but a hall so named (中国X馆) is as often a province's or city's, and the page says neither whose it is nor where it stands)"
        if all(_TOWNSHIP_NAME.search(n) for n in names):
            return looked + ": found none (a township's body is placed by the county its document names, and it names none)"
        if shared := _shared_opening(names):  # 巴州财政局: 巴州 is 巴音郭楞蒙古自治州's and 巴中市巴州区's
            return looked + f": found none (its name opens with {shared}, and the page says no more of which it is)"
        return looked + ": found none"
    division = load_divisions()[opening]
    if division.level == "county":  # 马关卫生院: a county's short form before no county's own body, or a township's name
        return (f"{looked}; its name opens with {division.short}, short for {division.name}, but what follows is no county's own body"
                f" (经济开发区, 人民政府, a department every county has), or the page prints {division.short} as a township's (…镇, …乡),"
                f" or {division.short} begins a mountain's or a lake's name (长白山…) or is a lake's that zones elsewhere bear too (南湖新区)")
    named = f"{looked}; its name opens with {division.short}, short for {division.name}, as a province's or city's college and a central university (山东大学, 中山大学) are named alike"
    if not said.words:
        return named + ", and the page says neither that the body is the province's or city's (省属, 市属, 省直单位, 隶属于省…厅) nor that it is central (教育部直属, 部属高校)"
    return named + f", and what the page says of whose it is does not decide it ({found})"


def _shared_opening(names: tuple[str, ...]) -> str:
    """The name every one of ``names`` opens with where it names several divisions (巴州: short for 巴音郭楞蒙古自治州 and
    for 巴中市巴州区; 普陀区 of 上海市 and of 舟山市), said as ``巴州, the name of both …``; '' otherwise."""
    openings = set()
    for name in names:
        text = compact(name)
        first = next(iter(find_mentions(text).items()), None)
        if first is None or not text.startswith(first[0]) or len(first[1].codes) < 2:
            return ""
        openings.add((first[0], first[1].codes))
    if len(openings) != 1:
        return ""
    short, codes = openings.pop()
    divisions = load_divisions()
    return f"{short}, the name of both " + " and ".join(sorted("".join(divisions[p].name for p in chain(c)) for c in codes))


def shared_unplaced(names: tuple[str, ...], codes: tuple[str, ...], region: Region) -> str:
    """What was looked for to place a body whose name opens with a division's name several divisions bear (鼓楼区, 普陀区),
    on a page whose divisions hold none of them, or more than one (江苏省: 南京市's and 徐州市's 鼓楼区)."""
    divisions = load_divisions()
    bearers = "、".join("".join(divisions[p].name for p in chain(c)) for c in codes)
    inside = [c for c in codes if region.code in chain(c)]
    found = "holds more than one of them" if inside else "holds none of them"
    return (f"looked for which of the divisions its name opens with it is ({'、'.join(dict.fromkeys(names))}: {bearers}) in the"
            f" division its document names most, {region.province}{region.city}{region.county}, which {found}; not placed"
            " there with a district's or county's body's name")


def zone_unplaced(names: tuple[str, ...], zone: NamedZone) -> str:
    """What was looked for to place a body named by a zone's landmark that is also a division's short form (东湖高新区:
    武汉市's zone, and 东湖 short for 南昌市东湖区), on a page that names neither."""
    divisions = load_divisions()
    others = "、".join("".join(divisions[p].name for p in chain(c)) for c in zone.others)
    return (f"looked for a province, city or county in its names ({'、'.join(dict.fromkeys(names))}) and one the document names"
            f" in full: found none; its name opens with {zone.word} before a zone's word, the landmark of"
            f" {zone.region.province}{zone.region.city}{zone.region.county}'s high-tech zone and also short for {others},"
            " and the page says no more of which it is")


def township_unplaced(names: tuple[str, ...], region: Region, located: Region | None) -> str:
    """What was looked for to place a township's body that its names and page place only in ``region``'s province, or,
    with ``located``, in a county of another province than its own sentence (X镇位于…) puts it in."""
    looked = f"looked for the county of a township's body ({'、'.join(dict.fromkeys(names))}) in its names, its own sentence of where it lies (X镇位于…县) and the divisions its document names"
    if located is not None:
        return (f"{looked}: its sentence puts it in {located.province}{located.city}{located.county}, but the document names"
                f" {region.province}{region.city}{region.county} most; the page contradicts itself on where the body is")
    return (f"{looked}: found only its province, {region.province}, no county or city named more often than any other;"
            " a township's body is placed and named by its county (township names repeat from county to county), so it is not"
            " published with its province alone")


def region_unknown(identity: Identity) -> str:
    """The build report's message for a unit named without its region."""
    return (f"the document names its unit ({identity.unit_name}) and year ({identity.fiscal_year}) but not where the unit is,"
            " and a disclosure is published with its province; " + (identity.looked_for or "its names give no province, city or county")
            + ". Name the region in the title or the unit's full name (e.g. …区 rather than its short form)")


def unit_unknown(identity: Identity) -> str:
    """The build report's message for a page that gives its year but names no unit, and whose figures pair with no other file."""
    return (f"the document gives its year ({identity.fiscal_year}) but not its unit's name; " + (identity.looked_for or _LOOKED_FOR_UNIT)
            + "; and its figures match no other source's tables. Add the file that holds its tables, or a cover page naming the unit")


_LOOKED_FOR_YEAR = (
    "looked for its year in a title (X2026年部门预算), a table's title (2026年…预算表), a year printed on its own line and"
    " a sentence of the year's money (2026年本年收入合计…, 2026年“三公”经费…)"
)


def not_a_disclosure(identity: Identity) -> str:
    """The build report's message for a page that gives no fiscal year: the unit it names, or what was looked for to name one."""
    if identity.unit_name:
        return (f"the document names its unit ({identity.unit_name}) but no fiscal year, and a disclosure is one year's; "
                + _LOOKED_FOR_YEAR + ": found none. If it is a budget or final-accounts disclosure (部门预算/决算), its title page may be an image")
    return ("no unit name and fiscal year found: this does not read as a budget or final-accounts disclosure (部门预算/决算); "
            + _LOOKED_FOR_YEAR + ", and " + (identity.looked_for or _LOOKED_FOR_UNIT) + ". If it is one, its title page may be an image")

"""Where a unit is, from what its document says: its names' divisions, else the ones its document names.

The rules of ``unit_region`` go by kind: a division named in the unit's names; a province's body named by
its place (安徽省徽州师范学校); a body of an autonomous region's own tier (自治区烈士陵园) whose names give
that region in short form; the division a body's document names most; the short form a name opens with
(杜集经济开发区管委会); for a township's body, the county (or city) its document names; a body named by a short form
alone (广东医学院, 广州航海学院) by what its page says of it (省属 against 教育部直属: ``recognise.tier``). Where none of
these places a unit, ``unit_region`` says what it looked for, for the build's report.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cnbudget.model import Line
from cnbudget.official.central import central_department, ministry_body
from cnbudget.official.classification import economic_entries, function_entries
from cnbudget.official.new_areas import named_zone, new_area_region
from cnbudget.official.regions import (
    Region,
    chain,
    find_mentions,
    full_names_end,
    load_divisions,
    most_named_county,
    most_named_region,
    provincial_by_place,
    resolve_region,
    short_form_division,
    short_form_region,
    to_region,
)
from cnbudget.recognise.refusals import shared_unplaced, township_unplaced, unplaced, zone_unplaced
from cnbudget.recognise.tier import TierSaid, tier_said
from cnbudget.strings import OWN_LEVEL, PARTY_PREFIX, compact

__all__ = ["OWN_LEVEL", "TOWNSHIP", "is_central", "level_unsaid", "unit_region"]

# The central government's bodies: 国家统计局, 中华人民共和国财政部, 中共中央宣传部, 水利部, 审计署
# (a bare 组织部/宣传部/统战部/武装部, 人武部 is a party or army department found at every tier, not a ministry, and a project's
# 指挥部 (岳阳新城区建设指挥部), a 俱乐部, a 项目部 or a bank's or party's 支部/分部/营业部 is no ministry either; a hall
# named 中国X馆 is as often a province's or city's as central: 中国文字博物馆 is 河南省's, 中国茶叶博物馆 杭州市's; 中国国家博物馆 is central)
_CENTRAL = re.compile(r"^(?:中华人民共和国|中共中央|中国共产党中央|中央|国务院|全国|国家(?!级)|中国国家|中国(?!共产党)(?![（(])(?![\u4e00-\u9fff（）()]*馆(?:[（(]本级[)）]|本级)?$))|^(?![\u4e00-\u9fff]*(?:组织|宣传|统战|武装|人武|工作|联络|指挥|俱乐|项目|支|分|营业)部$)[\u4e00-\u9fff]{2,9}[部署]$")
# a township's body (乡, 镇, 街道, 内蒙古's 苏木), and a community's or village's committee below it (洞庭社区居民委员会, 清水村村民委员会)
TOWNSHIP = re.compile(r"(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处|党委|委员会|人大|卫生院|$)|(?:社区|村|嘎查)(?:居民委员会|村民委员会|居委会|村委会)$")
# A zone's rank before its name (国家级宁乡经济技术开发区, 省级…) and a pilot free trade zone's 中国 before its province
# in brackets (中国（上海）自由贸易试验区): words of the zone's standing, not of the central government; the place follows
_STANDING = re.compile(r"^(?:国家级|省级)|^中国[（(](?P<place>[\u4e00-\u9fff]{2,8})[)）]")


def _local(name: str) -> str:
    """``name`` less a zone's rank or a pilot free trade zone's 中国（…）: 宁乡经济技术开发区…, 上海自由贸易试验区…."""
    text = compact(name)
    m = _STANDING.match(text)
    return name if m is None else (m.group("place") or "") + text[m.end() :]


# a body of an autonomous region's own tier names it by the tier's word alone: 自治区烈士陵园, 中共自治区委员会…
_REGION_TIER = re.compile(r"^(?:中共|中国共产党)?自治区")


def is_central(name: str) -> bool:
    """Whether ``name`` is a body of the central government: a central department of the official list whose name does
    not say so (共青团中央, 民革中央, 最高人民法院), or a name that opens as a central body's does and names no region."""
    return bool(central_department(name)) or ministry_body(name) or (bool(name) and bool(_CENTRAL.search(compact(name))) and resolve_region(name) is None)


def unit_region(names: tuple[str, ...], lines: list[Line], year: int | None = None) -> tuple[Region | None, str]:
    """The region ``_placed`` finds for the unit of ``names`` and what was looked for; None for a township's body placed
    no deeper than its province (正直镇 where the page names only 重庆市, or three districts as often as each other):
    township names repeat from county to county (城关镇), and its id, built from the province and the name, would be
    another township's too."""
    region, looked_for = _placed(names, lines, year)
    if region is not None and not (region.city or region.county) and names and all(TOWNSHIP.search(OWN_LEVEL.sub("", n)) for n in names):
        return None, township_unplaced(names, region, None)
    return region, looked_for


def level_unsaid(names: tuple[str, ...], lines: list[Line], year: int | None = None) -> bool:
    """Whether the unit's tier is not to be read from the region its page places it in: a university or college (or its
    hospital) whose names give no region (汕头大学医学院, 湖南大学, 东北大学, 中山大学附属第一医院) and whose page says
    nothing of whose it is. The page's places say where it stands (汕头市新陵路22号, 位于湖南省长沙市), not whose it is: 湖南大学 is a
    central university named as the province's colleges are, so its level is left unknown rather than guessed."""
    return (_college(names) and resolve_region(" ".join(names), year) is None
            and not any(provincial_by_place(n) for n in names) and not tier_said(lines, names).words)


def _placed(names: tuple[str, ...], lines: list[Line], year: int | None = None) -> tuple[Region | None, str]:
    """The region the unit's names give; else, for a body that is not central, the one its document names most;
    else, for a body every name of which opens with one division's short form, the province (or city) whose body its
    page says it is (广州航海学院是一所省属…: 广东省); else the one every name of the unit opens with in short form
    (杜集经济开发区管委会), where that is one division; for a township's body placed no deeper than a province or city,
    the county its document names most; a province's body named by its place (安徽省徽州师范学校) lies in the province.
    A body whose page says it is central (教育部直属) is placed by nothing but its names. The divisions are those of
    the document's ``year`` (a 2017 page's 邢台市桥东区, renamed 襄都区 in 2020). Returns the region, or None and a
    sentence saying what was looked for ('' where the names give no unit or a central one). A central department of
    the official list is placed nowhere, whatever place its name holds (中国延安干部学院); a body of a national new area
    (雄安新区管理委员会) where the area's list places it (``official.new_areas``)."""
    if any(central_department(n) or ministry_body(n) for n in names):
        return None, ""
    areas = {r for n in names if (r := new_area_region(n, year)) is not None}
    if len(areas) == 1:  # 雄安新区管理委员会: a national new area is no division, and 安新 inside it no mention of 安新县
        return areas.pop(), ""
    region = resolve_region(" ".join(map(_local, names)), year) or _tier_region(names)
    if region is None and names and all(_CORPS.match(compact(n)) for n in names):
        return _corps_region(names)
    provinces = {provincial_by_place(n) for n in names}
    if names and len(provinces) == 1 and None not in provinces:  # 安徽省徽州师范学校: a provincial body where it stands
        region = provinces.pop()
    if region is not None or not names or any(is_central(n) for n in names):
        return region, ""
    said = tier_said(lines, names)
    if said.tier == "central":  # 中山大学是教育部直属…: the province its page names is where it stands, not whose it is
        return None, unplaced(names, said, _opening_division(names))
    text = "\n".join(line.text for line in lines)
    township = all(TOWNSHIP.search(OWN_LEVEL.sub("", n)) for n in names)
    if township:  # a township's neighbours in its 概况 (东与南川区接壤) are not where it lies
        text = _NEIGHBOURS.sub("", compact(text))
    region = _by_tier(names, said) or most_named_region(text, year)
    zones = {named_zone(n) for n in names}
    zone = zones.pop() if len(zones) == 1 else None
    if region is None and zone is not None:  # 东湖高新区管委会: a landmark's zone, not 南昌市东湖区's
        if zone.others:
            return None, zone_unplaced(names, zone)
        region = zone.region
    shorts = {short_form_region(_local(n), _budget_words()) for n in names if not _township_short_form(n, lines)}
    if region is None and len(shorts) == 1:
        region = shorts.pop()
    if region is not None and (shared := _shared_opening(names, year)):  # 鼓楼区教育局 on a page of 南京市鼓楼区
        inside = [code for code in shared if region.code in chain(code)]
        if len(inside) != 1:
            return None, shared_unplaced(names, shared, region)
        region = to_region(inside[0])
    if region is not None and township:
        return _township_county(names, lines, text, region)
    return region, "" if region is not None else unplaced(names, said, _opening_division(names))


def _shared_opening(names: tuple[str, ...], year: int | None) -> tuple[str, ...]:
    """The divisions of the one full name every one of ``names`` opens with where several divisions bear it (鼓楼区 of
    南京市, 徐州市, 福州市 and 开封市; 普陀区 of 上海市 and 舟山市), or (): the unit is one of them, and the page's own
    region says which (南京市鼓楼区…), never the city alone with a district's body's name."""
    found = set()
    for name in names:
        text = PARTY_PREFIX.sub("", compact(name))
        first = next(iter(find_mentions(text, year).items()), None)
        if first is None or not text.startswith(first[0]) or not first[1].strong or len(first[1].codes) < 2:
            return ()
        found.add(first[1].codes)
    return tuple(sorted(found.pop())) if len(found) == 1 else ()


def _township_county(names: tuple[str, ...], lines: list[Line], text: str, region: Region) -> tuple[Region | None, str]:
    """A township's body is in a county: the one its own sentence puts it in (焦石镇位于涪陵区东部), else, where the
    text placed it no deeper than a city, the county its document names most (南江县财政局批复), else the city it
    names; None, and why, where its own sentence puts it in another province than the one its document names."""
    located = _located_in(names, lines)
    if located is not None and located.province != region.province:
        return None, township_unplaced(names, region, located)
    if located is not None or not region.county:
        region = located or most_named_county(text, region) or _city_named(lines, region) or region
    return region, ""


def _opening_division(names: tuple[str, ...]) -> str | None:
    """The one division every name opens with in short form (广东 of 广东医学院: 440000), or None."""
    codes = {short_form_division(n, _budget_words()) for n in names}
    return codes.pop() if len(codes) == 1 and None not in codes else None


# a university or college: a tier's own (省属, 市属) or the central government's (教育部直属) alike
# (中山大学, 东北大学, 暨南大学, 广东医学院), or a university's hospital (中山大学附属第一医院, 四川大学华西医院)
_COLLEGE = re.compile(r"(?:大学|学院)(?:附属[\u4e00-\u9fff]{0,6}|[\u4e00-\u9fff]{2,4})?医院$|(?:大学|学院)$")


def _college(names: tuple[str, ...]) -> bool:
    """Whether every name of the body is a university's or college's, or such a university's hospital (湖南大学, 广东医学院,
    东北大学, 中山大学附属第一医院): a province's, a city's or the central government's alike, by their names."""
    return bool(names) and all(_COLLEGE.search(OWN_LEVEL.sub("", compact(n))) for n in names)


def _by_tier(names: tuple[str, ...], said: TierSaid) -> Region | None:
    """For a body named by one division's short form alone, the tier its page says it is of: the province of that
    division where the page says 省属 (广州航海学院: 广东省, a provincial college in 广州), the city where it says 市属 and
    the short form is the city's; None where the page says neither, both, or central (山东大学 is 教育部直属)."""
    code = _opening_division(names)
    if code is None or said.tier not in ("province", "city"):
        return None
    region = to_region(code)
    if said.tier == "province":
        return to_region(chain(code)[0])
    return region if load_divisions()[code].level == "city" else None


def _tier_region(names: tuple[str, ...]) -> Region | None:
    """The autonomous region of a body named by its tier's word (自治区烈士陵园(广西革命纪念馆)): the one province-level
    autonomous region its names print, in short form as well (广西; one short form alone places no other body).
    None where a name does not open with 自治区, or the names print no such region, or more than one."""
    if not names or not all(_REGION_TIER.match(compact(n)) for n in names):
        return None
    divisions = load_divisions()
    codes = {
        code for n in names for key in find_mentions(n).values() for code in key.codes
        if divisions[code].level == "province" and divisions[code].name.endswith("自治区")
    }
    return to_region(codes.pop()) if len(codes) == 1 else None


# The 新疆生产建设兵团's bodies name it first (新疆生产建设兵团财政局, 中共新疆生产建设兵团委员会…, 兵团教育局); a division of
# it (第八师) is one body with its city (师市合一: 第八师石河子市) and lies where that city is
_CORPS = re.compile(r"^(?:中共|中国共产党)?(?:新疆生产建设)?兵团")
_CORPS_DIVISION = re.compile(r"第[一二三四五六七八九十]{1,3}师")
XINJIANG = "650000"


def _corps_region(names: tuple[str, ...]) -> tuple[Region | None, str]:
    """The region of a body of the 新疆生产建设兵团 whose names write out no division: the 兵团's own body (兵团财政局) lies
    in 新疆维吾尔自治区; one of its divisions (第八师…) is placed by the city it is one body with, and names none here."""
    division = next((m.group() for n in names if (m := _CORPS_DIVISION.search(n))), None)
    if division is None:
        return to_region(XINJIANG), ""
    return None, (f"looked for a province, city or county in its names ({'、'.join(dict.fromkeys(names))}): found the"
                  f" 新疆生产建设兵团's division {division}, which is one body with a city (师市合一: 第八师石河子市) and is placed"
                  " by that city's name, which the names do not print")


# a township's neighbours in its 概况: 东与南川区接壤, 与武隆区、丰都县相邻, 西邻巴南区, 北接长寿区
_NEIGHBOURS = re.compile(r"(?:与|同)[^，,。；;]{2,40}?(?:接壤|相邻|毗邻|交界|相连|相望)|[东南西北](?:邻|接|靠|连|临)[^，,。；;]{2,30}")
# the township's own sentence of where it lies: 焦石镇位于涪陵区东部, 本乡地处金口河区西南, 我镇隶属于汾阳市
_LIES_IN = r"(?:位于|地处|坐落于|坐落在|隶属于?)"


def _located_in(names: tuple[str, ...], lines: list[Line]) -> Region | None:
    """The one county a township's own sentence puts it in (焦石镇位于涪陵区东部, 本镇地处…), whatever else its page
    names (its neighbours, 与南川区、武隆区相邻); None where no such sentence names one, or two name different ones."""
    prose = "".join(compact(line.text) for line in lines[:200])
    towns = {m.group() for n in names if (m := _TOWN_OF.match(compact(n)))}
    subject = "|".join([*map(re.escape, sorted(towns)), r"(?:本|我|该|全)(?:镇|乡|街道)"])
    found = set()
    for m in re.finditer(r"(?:" + subject + r")" + _LIES_IN, prose):
        end = full_names_end(prose, m.end())
        place = resolve_region(prose[m.end() : end]) if end > m.end() else None
        if place is not None and place.county:
            found.add(place)
    return found.pop() if len(found) == 1 else None


# the township's name in a body's name: 焦石镇 of 焦石镇人民政府, 和平彝族乡 of 和平彝族乡人民政府
_TOWN_OF = re.compile(r"[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道)")


def _city_named(lines: list[Line], province: Region) -> Region | None:
    """For a township's body placed only in its province, the city its document names most inside it
    (刘堡镇卫生院's page citing 天水市's rules), the province's own name left aside; None where no city is."""
    if province.city:
        return None
    text = "\n".join(line.text for line in lines).replace(province.province, "")
    city = most_named_region(text)
    return city if city is not None and city.province == province.province and city.city else None


def _township_short_form(name: str, lines: list[Line]) -> bool:
    """Whether ``name`` opens with a township's name rather than a county's short form: the document prints
    that place as a township (马关卫生院 beside 马关镇中心卫生院: 马关镇, not 马关县), or the name is a bare
    place's health centre (X卫生院 is a township's 乡镇卫生院; a county's is X县医院). Such a place places the unit nowhere."""
    text = compact(name)
    if re.fullmatch(r"[\u4e00-\u9fff]{2,4}卫生院", text):
        return True
    prose = "".join(compact(line.text) for line in lines[:200])
    return any(re.search(re.escape(text[:k]) + r"(?:镇|乡|街道)", prose) for k in (2, 3))


@lru_cache(maxsize=1)
def _budget_words() -> str:
    """The names of the classification lists, one a line: words a short region name must not be (公安, 资源, 港口)."""
    return "\n".join(e.name for e in (*function_entries(), *economic_entries()))

"""Which administrative division a piece of document text names.

The division list is ``data/divisions.csv`` (see ``data/divisions.md``).  A name in the
text is a *mention*; each mention may fit several divisions (普陀区 is in 上海 and in 舟山).
The answer is the division whose chain of parents explains the most mentions; a tie that
cannot be broken is answered only down to the level the tied divisions share.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cnbudget.official.words import inside_word
from cnbudget.strings import PARTY_PREFIX, compact

DATA = Path(__file__).resolve().parent.parent / "data" / "divisions.csv"
# Divisions merged or renamed away, each with the last year it existed (see data/divisions.md, “Former divisions”)
FORMER = DATA.with_name("former_divisions.csv")
# Short names a division's bodies sign with that its name does not give: 科右前旗, 巴州 (see data/divisions.md)
ALIASES = DATA.with_name("division_aliases.csv")

# Real district names that are also everyday words in budget texts (城区 = urban area).
GENERIC_NAMES = frozenset({"城区", "矿区", "郊区", "东区", "西区"})

# Short forms of autonomous prefectures, counties and banners in everyday official use
# (凉山州, 石柱县): the short name plus the last character of the suffix.
AUTONOMOUS_SUFFIXES = ("自治州", "自治县", "自治旗")


@dataclass(frozen=True)
class Region:
    """A division resolved with its parents; city is empty where there is no prefecture."""

    province: str
    city: str
    county: str
    code: str


@dataclass(frozen=True)
class Division:
    """One row of divisions.csv."""

    code: str
    name: str
    level: str
    parent: str
    short: str
    pinyin: str
    until: int | None = None  # a former division: the last year it existed


@dataclass(frozen=True)
class Key:
    """What a name found in text may refer to; strong for a full official name."""

    codes: frozenset[str]
    strong: bool


@dataclass(frozen=True)
class Index:
    """Every name that can be looked up in text, and the length of the longest."""

    keys: dict[str, Key]
    longest: int


@lru_cache(maxsize=1)
def load_divisions() -> dict[str, Division]:
    """Return every division in divisions.csv by its code."""
    with DATA.open(encoding="utf-8", newline="") as fh:
        out = {row["code"]: Division(row["code"], row["name"], row["level"], row["parent"], row["short"], row["pinyin"]) for row in csv.DictReader(fh)}
    with FORMER.open(encoding="utf-8", newline="") as fh:  # keyed apart: a renamed division's code is its successor's
        for row in csv.DictReader(fh):
            out[row["key"]] = Division(row["key"], row["name"], row["level"], row["parent"], row["short"], row["pinyin"], int(row["until"]))
    return out


@lru_cache(maxsize=1)
def _aliases() -> list[tuple[str, str]]:
    """The customary short names of ``data/division_aliases.csv``: (alias, code) pairs (科右前旗, 152221)."""
    with ALIASES.open(encoding="utf-8", newline="") as fh:
        return [(row["alias"], row["code"]) for row in csv.DictReader(fh)]


def _group(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Return the codes of each name in ``pairs`` of (name, code)."""
    out: dict[str, set[str]] = {}
    for name, code in pairs:
        out.setdefault(name, set()).add(code)
    return out


def _autonomous_aliases(divisions: dict[str, Division]) -> list[tuple[str, str]]:
    """Return (alias, code) pairs such as (凉山州, 513400) for autonomous areas."""
    return [
        (d.short + d.name[-1], d.code)
        for d in divisions.values()
        if d.name.endswith(AUTONOMOUS_SUFFIXES) and d.short != d.name
    ]


@lru_cache(maxsize=64)
def load_index(year: int | None = None) -> Index:
    """Return the lookup index over full names, aliases and short names: of today's divisions, and, for a
    document of ``year``, of the former ones that still existed that year (邢台市桥东区 until 2020). A former prefecture
    is what its full name meant that year in its province, not the county-level city that took the name after it."""
    divisions = {c: d for c, d in load_divisions().items() if d.until is None or (year is not None and year <= d.until)}
    full = _group([(d.name, d.code) for d in divisions.values()])
    for d in divisions.values():  # the prefecture 巢湖市 of 2010, not the county-level 巢湖市 its 居巢区 became in 2011
        if d.until is not None and d.level == "city":
            full[d.name] = {c for c in full[d.name] if not (divisions[c].level == "county" and chain(c)[0] == chain(d.code)[0])}
    for alias, codes in _group(_autonomous_aliases(divisions)).items():
        full.setdefault(alias, codes)
    short = _group([(d.short, d.code) for d in divisions.values()])
    keys = {name: Key(frozenset(codes), False) for name, codes in short.items()}
    # A string that is some division's full name means that division, not a short form.
    keys.update(
        {name: Key(frozenset(codes), name not in GENERIC_NAMES) for name, codes in full.items()}
    )
    for alias, code in _aliases():  # 科右前旗 as a full name; 巴州 also 巴州区's short: both, weakly
        keys[alias] = Key(frozenset({code} | short.get(alias, set())), alias not in short)
    return Index(keys, max(map(len, keys)))


def _longest_at(text: str, at: int, *, strong: bool = False, end: int | None = None, year: int | None = None) -> tuple[int, Key | None]:
    """The longest division name (a full name only, with ``strong``) printed in ``text`` from ``at``, ending by
    ``end``: its length and key, or (0, None). The one walk over the index every reading below shares."""
    index = load_index(year)
    for size in range(min(index.longest, (len(text) if end is None else end) - at), 1, -1):
        key = index.keys.get(text[at : at + size])
        if key is not None and (key.strong or not strong):
            return size, key
    return 0, None


def _mentions(text: str, year: int | None = None, prose: bool = False) -> list[tuple[str, Key]]:
    """Every division name in ``text`` in order, read left to right taking the longest name (with the former
    divisions of ``year``); in ``prose``, none of two characters inside a word (完成县委: no 成县, ``official.words``)."""
    text = compact(text)
    found: list[tuple[str, Key]] = []
    i = 0
    while i < len(text):
        # Leftmost-longest, so 海南县级 reads as 海南 + 县级 rather than also 南县.
        size, key = _longest_at(text, i, year=year)
        if key is None or (prose and size == 2 and key.strong and inside_word(text, i)):
            i += 1
            continue
        found.append((text[i : i + size], key))
        i += size
    return found


def find_mentions(text: str, year: int | None = None) -> dict[str, Key]:
    """Return the division names in ``text``, read left to right taking the longest name."""
    return dict(_mentions(text, year))


def starts_with_division(text: str) -> bool:
    """Return whether ``text`` begins with a division's full name (上海市…), perhaps after a party's name (中共江苏省委…, 民建武汉市委)."""
    text = PARTY_PREFIX.sub("", compact(text))
    return _longest_at(text, 0, strong=True)[1] is not None


def division_at(text: str, at: int) -> bool:
    """Whether a division's name, full or short (大理州, 漾濞), is printed in ``text`` from ``at``."""
    return _longest_at(compact(text), at)[1] is not None


def full_names_end(text: str, start: int) -> int:
    """Where the run of divisions' full names printed from ``start`` ends (商洛市, 新乡市牧野区); ``start`` where none begins there."""
    at = start
    while size := _longest_at(text, at, strong=True)[0]:
        at += size
    return at


# A development zone named by its place (本溪观音阁经济开发区, 苏州工业园区): the place's government runs it.
ZONE = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:开发区|经开区|高新区|园区|新区|工业园|产业园|示范区|试验区|保税区)")


def provincial_by_place(name: str) -> Region | None:
    """The province of a provincial body named by its place (安徽省徽州师范学校, 江苏省苏州监狱), else None.

    A province's full name, then at once a short form of a city or county inside it, with no full
    name between: a county's or city's own body writes its division out (安徽省黄山市徽州区…), so the
    place names where the body stands, not the government it belongs to. A development zone named by
    its place (``ZONE``) is that place's, not the province's.
    """
    text = PARTY_PREFIX.sub("", compact(name))
    size, key = _longest_at(text, 0, strong=True)
    if key is None or len(key.codes) != 1 or full_names_end(text, 0) != size:
        return None
    province = next(iter(key.codes))
    if load_divisions()[province].level != "province":
        return None
    place_size, place = _longest_at(text, size, end=len(text) - 1)
    if place is None or place.strong or not all(province in chain(code) for code in place.codes):
        return None
    if ZONE.match(text, size + place_size):  # 辽宁省本溪观音阁经济开发区管委会: a zone its place runs, not the province's body
        return None
    return to_region(province)


def chain(code: str) -> tuple[str, ...]:
    """Return the codes from the province down to ``code``."""
    divisions = load_divisions()
    out = [code]
    while divisions[out[-1]].parent:
        out.append(divisions[out[-1]].parent)
    return tuple(reversed(out))


def _score(code: str, mentions: dict[str, Key]) -> tuple[int, int]:
    """Return how many mentions, and how many full-name ones, ``code`` and its parents explain."""
    ancestry = set(chain(code))
    explained = [key for key in mentions.values() if key.codes & ancestry]
    return len(explained), sum(key.strong for key in explained)


def _common_code(codes: list[str]) -> str | None:
    """Return the most specific division every one of ``codes`` lies in, if any."""
    chains = [chain(code) for code in codes]
    common = None
    for level in zip(*chains, strict=False):
        if len(set(level)) > 1:
            break
        common = level[0]
    return common


def to_region(code: str) -> Region:
    """Return the Region of a division code, with the names of its parents."""
    divisions = load_divisions()
    names = {divisions[c].level: divisions[c].name for c in chain(code)}
    return Region(names["province"], names.get("city", ""), names.get("county", ""), code)


def _without_stations(text: str) -> str:
    """``text`` less the divisions named after 驻 (stationed in): 兴安盟行政公署驻呼和浩特市办事处 is 兴安盟's office, in 呼和浩特市."""
    text = compact(text)
    out, at = [], 0
    while (j := text.find("驻", at)) >= 0:
        end = j + 1
        while size := _longest_at(text, end)[0]:
            end += size
        out.append(text[at : j + 1])
        at = end
    return "".join(out) + text[at:]


def resolve_region(text: str, year: int | None = None) -> Region | None:
    """Return the most specific division ``text`` names, or None if it names none unambiguously.

    A division named after 驻 is where an office stands, not whose it is (``_without_stations``).
    With ``year``, a division merged or renamed away after that year counts too (邢台市桥东区 in 2017)."""
    mentions = find_mentions(_without_stations(text), year)
    candidates = {code for key in mentions.values() for code in key.codes}
    scores = {code: _score(code, mentions) for code in candidates}
    # One short form alone (新华 in 新华书店) is too often an ordinary word to count.
    scores = {code: s for code, s in scores.items() if s[1] >= 1 or s[0] >= 2}
    if not scores:
        return None
    best = max(scores.values())
    tied = sorted(code for code, s in scores.items() if s == best)
    common = _common_code(tied)
    return to_region(common) if common else None


# A body of a township (温泉街道办事处, 李宅乡人民政府): the name before it is the township's own, not a
# county's short form (温泉街道 of 咸宁市咸安区 is no part of 温泉县).
TOWNSHIP_BODY = re.compile(r"街道?|(?:民族|[\u4e00-\u9fff]{0,2}族)?[镇乡]|苏木|社区|[村嘎]")
# What follows a division's short form in the name of one of its own bodies: a zone it runs (杜集经济开发区, 岳阳经开区 (the
# 经济技术开发区's short name), 岳阳城陵矶综合保税区,
# 赣州蓉江新区, 成都高新技术产业开发区 and 武汉东湖新技术开发区 as the State Council names its high-tech zones), its government, congress, courts or party, or a department every county has. 光明日报社,
# 太湖流域管理局, 平安建设促进中心, 红旗渠管理处 open with a county's name too, but are none of these.
ZONE_BODY = r"[\u4e00-\u9fff]{0,4}?(?:高新技术产业|新技术产业|新技术)?(?:开发区|经开区|园区|新区|工业园|产业园|示范区|试验区|(?:综合)?保税区)"
LOCAL_BODY = re.compile(
    ZONE_BODY + r"|人民(?:政府|法院|检察院|代表大会)|人大|政协|[党区县市旗]委|纪委|监委|政府|总工会|妇联|团委|融媒体|机关事务"
    r"|(?:财政|教育|公安|卫生|民政|司法|审计|统计|交通|水利|水务|农业|林业|自然资源|生态环境|住房|住建|城市管理|城管|市场监"
    r"|文化|文旅|体育|医疗保障|医保|退役军人|应急|人力资源|人社|发展和改革|发改|商务|科学技术|科技|工业和信息化|工信|档案"
    r"|政务服务|信访|税务|气象|供销|农机|畜牧|粮食|残疾人|红十字|老干部|党校|委员会)"
)


# A mountain, lake or river whose name opens with a division's short form: 长白 + 山 (长白山保护开发区 is 吉林省's, no body of
# 长白朝鲜族自治县), a landmark's zone, not the division's
LANDMARK = re.compile(r"[山湖江河岭峰]")


# A school named by a city's short form (运城铁路中学, 河源东岸学校) is that city's; a county's short form is too often a
# word of a school's name (东方红小学 is no school of 东方市, 解放路小学 none of 解放区), a university (中山大学) no city's body.
SCHOOL = re.compile(r"(?![路街])[\u4e00-\u9fff]{1,6}(?:中学|小学|学校|幼儿园)$")


def short_form_region(name: str, words: str = "") -> Region | None:
    """The division a unit's name opens with in short form (杜集经济开发区管委会: 杜集 for 杜集区), or None.

    Only for a name that names its region no other way: the longest division name the name opens
    with must be a short form (a full name is read by ``resolve_region``) of at least two characters
    that fits one division in the country (or a city and a county inside it: the city), no word of ``words`` (the budget's own vocabulary:
    公安 is a short form of 公安县 and the first word of every 公安局), and not the name of a
    township's body (温泉街道, X镇, X乡: a township named like a county elsewhere), and followed by what a
    county's own body is called (``LOCAL_BODY``: a zone, its government, a department; or, after a city's, ``SCHOOL``),
    not by a landmark's word that makes the short form a mountain's or a lake's name (长白 + 山), and not a county's or
    district's named after a lake before a zone's word (南湖区: 南湖新区 may be 岳阳's); ambiguity answers None.
    """
    text = compact(name)
    opening = _short_form_opening(text, words)
    if opening is None:
        return None
    place, size = opening
    if LANDMARK.match(text, size):  # 长白山保护开发区: 长白山 (吉林省's), not 长白朝鲜族自治县's zone
        return None
    division = load_divisions()[place]
    if division.short.endswith("湖") and division.level == "county" and re.match(ZONE_BODY, text[size:]):
        # 南湖新区, 滨湖新区, 东湖高新区: a district named after a lake shares its name with the zones named after lakes of
        # that name elsewhere (岳阳's 南湖新区, 合肥's 滨湖新区 beside 无锡's 滨湖区, 武汉's 东湖高新区)
        return None
    school = SCHOOL.match(text, size) is not None and load_divisions()[place].level != "county"
    return to_region(place) if LOCAL_BODY.match(text, size) or school else None


def short_form_division(name: str, words: str = "") -> str | None:
    """The code of the one division a name opens with in short form, whatever follows (广东 of 广东医学院, 广州 of
    广州航海学院, 中山 of 中山大学), on the terms of ``short_form_region`` but the kind of body; None where there is none.
    What follows does not say whose the body is: a caller needs other evidence to place it."""
    opening = _short_form_opening(compact(name), words)
    return None if opening is None else opening[0]


def _short_form_opening(text: str, words: str) -> tuple[str, int] | None:
    """The division ``text`` opens with in short form and the short form's length, or None: not a full name, one
    division (or a city and a county inside it), no word of ``words``, something after it, and no township's body."""
    size, key = _longest_at(text, 0, end=len(text) - 1)  # something must follow the name
    place = None if key is None else _outermost(key.codes)
    if key is None or key.strong or place is None or text[:size] in words or TOWNSHIP_BODY.match(text, size):
        return None
    return place, size


def _outermost(codes: frozenset[str]) -> str | None:
    """The one division of ``codes`` the others all lie in (岳阳 for 岳阳市 and its 岳阳县: 岳阳市), or None:
    a short form of a city and of a county inside it places a body in that city at least."""
    outer = [code for code in codes if all(code in chain(other) for other in codes)]
    return outer[0] if len(outer) == 1 else None


def region_slug(region: Region) -> str:
    """Return an ASCII slug of the region's pinyin, e.g. sichuan-dazhou-dachuan."""
    divisions = load_divisions()
    if region.code not in divisions:
        raise ValueError(f"unknown division code {region.code!r}")
    return "-".join(divisions[code].pinyin for code in chain(region.code))


def most_named_region(text: str, year: int | None = None) -> Region | None:
    """Return the division ``text`` names most often by its full name (上海市 in a 上海市 body's narrative).

    For a unit whose own name gives no region (上海交通职业技术学院, 首都绿化委员会办公室): the
    document it publishes names its government over and over. Short forms are left out (too
    often ordinary words); a tie is answered down to the level the tied divisions share.
    """
    counts = named_counts(text, year)
    if not counts:
        return None
    best = max(counts.values())
    common = _common_code(sorted(code for code, n in counts.items() if n == best))
    return to_region(common) if common else None


def named_counts(text: str, year: int | None = None) -> Counter[str]:
    """How often ``text`` names each division by a full name that is its alone (上海市; not 普陀区, which two cities have)."""
    return Counter(next(iter(key.codes)) for _, key in _mentions(text, year, prose=True) if key.strong and len(key.codes) == 1)


def most_named_county(text: str, within: Region) -> Region | None:
    """The county ``text`` names most often by its full name inside ``within`` (a province or city), if one is.

    For a township's body whose name gives no county (正直镇, 观庄乡卫生院): the document names the
    county over it (南江县财政局批复) as often as or less often than its province, whose name alone
    places no township. A tie between counties answers None.
    """
    divisions = load_divisions()
    counts = {code: n for code, n in named_counts(text).items() if divisions[code].level == "county" and within.code in chain(code)}
    if not counts:
        return None
    best = max(counts.values())
    tied = [code for code, n in counts.items() if n == best]
    return to_region(tied[0]) if len(tied) == 1 else None

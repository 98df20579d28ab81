"""A unit named only by its tier's generic form (县委党校, 市人大, 区政协): completed from the page, or refused.

A county's site often titles its bodies' pages by the generic form every county's body shares (县委党校2017年部门决算,
来源:县委党校). Such a name says the tier but not which county: placed by whatever division the text names most, it
would be published as some city's body. The page's prose mostly prints the full name once (中共开江县委党校是县委的
重要部门): a division's full name whose tier word is the generic form's first character, then the rest of it. That one
full name is the unit's. Where it prints two different ones, the unit is placed nowhere; where it prints none, the unit
is placed as before (the division its text names most) only where that division lies at the tier the name's word says
(区直工委 in 宣州区), and otherwise nowhere, the build saying what was looked for.
"""

from __future__ import annotations

import re

from cnbudget.official.regions import Region, chain, division_at, full_names_end, load_divisions, named_counts, starts_with_division, to_region
from cnbudget.official.words import inside_word
from cnbudget.strings import compact

__all__ = ["complete_generic", "generic_refusal", "is_generic", "tier_division", "tier_fits", "tier_tied"]

# a body named by a tier's word, the party's prefix perhaps before it: 县委党校, 市人大, 中共县委办公室, 盟财政局, 自治区外事办公室
_TIER_FIRST = re.compile(r"^(?P<party>中共|中国共产党)?(?P<core>(?P<tier>自治区|[省市县区州旗盟])[\u4e00-\u9fff（）()]{2,30})$")


def _tier(core: str) -> str:
    """The tier's word a generic form opens with: 自治区 of 自治区外事办公室, 县 of 县委党校."""
    return "自治区" if core.startswith("自治区") else core[0]


def _core(name: str) -> str | None:
    """The generic form of ``name`` from its tier's word on (县委党校 of 中共县委党校), or None where the name
    opens with a division's name (市中区人民医院 opens with 市中区, 县前街道… with no tier word at all)."""
    m = _TIER_FIRST.match(compact(name))
    if m is None or starts_with_division(m.group("core")) or division_at(m.group("core"), 0):
        return None
    return m.group("core")


def is_generic(name: str) -> bool:
    """Whether ``name`` is only a tier's generic form (县委党校, 区政协), naming no division."""
    return _core(name) is not None


def _full_names(core: str, prose: str) -> set[str]:
    """The full names ``prose`` prints that end with the generic ``core``: a division's full name ending in the core's
    tier word (开江县 for 县委党校), the party's prefix kept where printed (中共开江县委党校)."""
    out = set()
    for m in re.finditer(re.escape(core), prose):
        end = m.start() + len(_tier(core))  # the tier's word closes the division's name: 开江[县]委党校, 广西壮族[自治区]外事办公室
        for start in range(max(0, end - 12), end - 1):
            # (构成县工商联 is no 成县's: 成 closes the word 构成, as 完 does 完成)
            if full_names_end(prose, start) == end and not (end - start == 2 and inside_word(prose, start)):
                party = next((p for p in ("中国共产党", "中共") if prose[:start].endswith(p)), "")
                out.add(party + prose[start : m.end()])
                break
    return out


def complete_generic(names: tuple[str, ...], prose: str) -> tuple[tuple[str, ...], str, bool]:
    """``names`` with each generic form replaced by the one full name ``prose`` prints ending with it, '' and False;
    where every name is generic and the page prints no one full name for one of them, ``names`` as they are, a
    sentence saying what was looked for (for the build's report), and whether the page printed several (the unit
    is then placed nowhere). Names not all generic are returned as they are."""
    cores = [_core(n) for n in names]
    if not names or None in cores:
        return names, "", False
    out = []
    for name, core in zip(names, cores, strict=True):
        full = _full_names(core, compact(prose))  # type: ignore[arg-type]
        if len(full) != 1:
            return names, generic_refusal(name, sorted(full)), len(full) > 1
        out.append(full.pop())
    return tuple(dict.fromkeys(out)), "", False


def tier_fits(names: tuple[str, ...], region: Region) -> bool:
    """Whether ``region`` is a division of the tier every generic name's word says: its own name ends with the word
    (开江县 for 县委党校, 宣州区 for 区直工委, 达州市 and the county-level 潜江市 for 市博物馆, 重庆市 for 市人大, an
    autonomous 州 for 州X, 广东省 for 省政协, 锡林郭勒盟 for 盟财政局, 广西壮族自治区 for 自治区外事办公室). 县委党校 placed only in 达州市 does not fit, nor 县博物馆 in the county-level
    汾阳市 (a 市 has no 县's bodies), nor 区政协 in a prefecture's 地区."""
    part = region.county or region.city or region.province
    return not part.endswith("地区") and all(part.endswith(_tier(_core(n))) for n in names)  # type: ignore[arg-type]


def tier_tied(names: tuple[str, ...], text: str, year: int | None = None) -> str:
    """Where ``text`` names two divisions or more in full as often as each other and more often than any other among
    those at the tier every generic name's word says (汨罗市 and 岳阳市 once each for 市博物馆: the body may be either's,
    and the division they share is not its tier's), a sentence naming them; '' otherwise."""
    tiers = {_tier(core) for n in names if (core := _core(n)) is not None}
    if len(tiers) != 1:
        return ""
    tier = tiers.pop()
    divisions = load_divisions()
    counts = {c: n for c, n in named_counts(text, year).items() if divisions[c].name.endswith(tier) and not divisions[c].name.endswith(("地区", "自治区") if tier == "区" else "地区")}
    best = max(counts.values(), default=0)
    tied = sorted(divisions[c].name for c, n in counts.items() if n == best)
    return f"; the page names {'、'.join(tied)} as often as each other, each a {tier}" if len(tied) > 1 else ""


def tier_division(names: tuple[str, ...], text: str, within: Region, year: int | None = None) -> Region | None:
    """The one division at the tier every generic name's word says that ``text`` names in full inside ``within`` (the
    division the page names most, not of that tier): 沙坪坝区 for 区委老干部局 on a page naming 重庆市 twice and
    重庆市沙坪坝区 once. None where it names none there, or two (a body of either), or the names say two tiers."""
    tiers = {_tier(core) for n in names if (core := _core(n)) is not None}
    if len(tiers) != 1:
        return None
    tier = tiers.pop()
    divisions = load_divisions()
    inside = {c for c in named_counts(text, year) if c != within.code and within.code in chain(c) and divisions[c].name.endswith(tier)
              and not divisions[c].name.endswith(("地区", "自治区") if tier == "区" else "地区")}
    return to_region(inside.pop()) if len(inside) == 1 else None


def generic_refusal(name: str, found: list[str]) -> str:
    """What was looked for to place a unit named by a generic form (``found``: the different full names the page printed)."""
    said = f"it prints more than one ({'、'.join(found)})" if found else "it prints none"
    tier = _TIER_FIRST.match(compact(name)).group("tier")  # type: ignore[union-attr]
    return (f"its name gives only its tier, {tier} ({name}, a form every such division's body shares), and is not placed by the"
            f" divisions its text names unless one lies at that tier; looked for one full name the page prints ending with it, a division's name before it"
            f" (中共开江县委党校 for 县委党校): {said}")

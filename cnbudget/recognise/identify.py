"""Who, where, when and what a disclosure is, from what the document says (its ids: ``ids.py``)."""

from __future__ import annotations

import re
from collections import Counter

from cnbudget.model import Identity, Line
from cnbudget.official.regions import Region, resolve_region
from cnbudget.recognise.ids import canonical_unit, disclosure_slug, unit_slug
from cnbudget.strings import compact

__all__ = ["canonical_unit", "choose_unit_name", "disclosure_slug", "header_units", "identify", "merge_identities", "unit_slug"]

_UNIT_SUFFIX = r"(?:办公室|办公厅|委员会|人民政府|人民法院|人民检察院|局|院|中心|厅|处|所|站|馆|会|部|委|队|校|社|办事处|政协|党校|医院|学校|协会|联合会|集团|公司)"
_TITLE_RE = re.compile(
    r"(?:第[一二三四五六七八九十]+部分)?(?P<name>[\u4e00-\u9fff（）()·]{4,48}?)[（(]?(?P<year>20\d{2})年度?[)）]?(?P<scope>部门|单位)?(?P<kind>预算|决算)"
)
_COVER_RE = re.compile(r"^(?P<year>20\d{2})年度?(?P<name>[\u4e00-\u9fff（）()·]{4,48}?)(?P<scope>部门|单位)?(?P<kind>预算|决算)")
# A table title naming its year, as the tables-only file of a disclosure prints it: 2017年政府采购预算表
_SPLIT_YEAR_RE = re.compile(r"(?P<name>[\u4e00-\u9fff（）()·]{4,48}?)年度(?P<scope>部门|单位)?(?P<kind>预算|决算)表?(?P<year>20\d{2})(?!年)")
_TABLE_YEAR_RE = re.compile(r"(?P<year>20\d{2})年度?[\u4e00-\u9fff“”\"、（）()]{0,30}?(?P<kind>预算|决算)(?:明细|情况)?表")
_NOT_A_NAME = re.compile(r"情况|说明|预算|决算|编制|依据|测算|职能|概况|主要|收支|目录")
_HEADER_UNIT = re.compile(r"^\s*(?:部门|单位|预算单位|预算主管部门|主管部门|部门名称|单位名称|编制单位|部门\(单位\)名称|部门（单位）名称)[:：]\s*(?P<name>[\u4e00-\u9fff（）()]{4,48})")
_PUBLISHED = re.compile(r"公开(?:时间|日期)[:：]?\s*(?P<y>20\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")

def _title_matches(lines: list[Line]) -> list[re.Match[str]]:
    found: list[re.Match[str]] = []
    texts = [compact(line.text) for line in lines[:400]]
    for i in range(len(texts)):
        window = "".join(texts[i : i + 3])
        m = _TITLE_RE.search(window) or _COVER_RE.search(window) or _SPLIT_YEAR_RE.search(window)
        if m and m.start() < len(texts[i]):
            found.append(m)
    return found


def _clean_unit(name: str) -> str:
    name = re.sub(r"^.*(?:部分|目录|附件[:：]?)", "", name)
    name = re.sub(r"^(?:关于|纳入|根据|按照|\d+)", "", name)
    name = re.sub(r"^20\d{2}年度?", "", name)
    return name.strip("：:（(）) ")


def header_units(lines: list[Line]) -> list[str]:
    """Unit names printed in table headers (部门：…, 单位名称 …)."""
    names: list[str] = []
    for line in lines:
        cells = list(line.cells)
        # “部门：” in one cell and the name in the next
        cells += [a + b for a, b in zip(line.cells, line.cells[1:]) if re.fullmatch(r"\s*(?:部门|单位|预算单位|预算主管部门|主管部门|编制单位)[:：]\s*", a)]
        for cell in cells:
            m = _HEADER_UNIT.search(cell)
            if m:
                name = re.sub(r"金额单位.*$|单位[:：].*$", "", m.group("name"))
                if re.search(_UNIT_SUFFIX + "$", name):
                    names.append(name)
        if len(line.cells) == 2 and re.fullmatch(r"部门(?:\(单位\)|（单位）)?名称", compact(line.cells[0])):
            names.append(compact(line.cells[1]))
    return names


def identify(lines: list[Line], table_lines: list[Line]) -> Identity:
    """The disclosure's identity from its title lines and table headers."""
    # a title without 部门/单位 (2018年度江苏省高级人民法院预算) counts only when a unit's name leads it
    titles = [m for m in _title_matches(lines) if m.group("scope") or re.search(_UNIT_SUFFIX + "$", _clean_unit(m.group("name")))]
    title_names = [_clean_unit(m.group("name")) for m in titles]
    title_names = [n for n in title_names if len(n) >= 4 and re.search(_UNIT_SUFFIX + "$", n) and not re.search(r"[（）()]", n[:2])]
    headers = header_units(table_lines) + header_units(lines[:60])
    years = Counter(int(m.group("year")) for m in titles)
    kinds = Counter(m.group("kind") for m in titles)
    scopes = Counter(m.group("scope") for m in titles if m.group("scope"))
    if not years:
        for line in lines[:60]:
            for y in re.findall(r"(20\d{2})\s*年度?\s*(?:[省市区县]级)?\s*(?:部门|单位)?\s*(?:预算|决算)", line.text):
                years[int(y)] += 1
    if not years:
        for line in lines:
            m = _TABLE_YEAR_RE.search(compact(line.text))
            if m:
                years[int(m.group("year"))] += 1
                kinds[m.group("kind")] += 1
    names = tuple(n for n in headers + title_names if not _NOT_A_NAME.search(n))
    region = resolve_region(" ".join(names))
    unit_name, aliases = choose_unit_name(names, region)
    text_all = "\n".join(line.text for line in lines[:200])
    kind = None
    if kinds:
        kind = "final_account" if kinds.most_common(1)[0][0] == "决算" else "budget"
    elif "决算" in text_all or "预算" in text_all:
        kind = "final_account" if text_all.count("决算") > text_all.count("预算") else "budget"
    scope = "unit" if scopes and scopes.most_common(1)[0][0] == "单位" else "department"
    published = None
    m = _PUBLISHED.search(compact(text_all))
    if m:
        published = f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}"
    return Identity(unit_name, aliases, None, years.most_common(1)[0][0] if years else None, kind, scope, region, published, names)


def choose_unit_name(names: tuple[str, ...], region: Region | None) -> tuple[str, list[str]]:
    """The unit's full name and its other names.

    The most printed spelling decides which unit it is (table headers count first); of the
    names that spell the same unit, the fullest one (the region written out, then the
    longest) is the official name and the others are aliases.
    """
    if not names:
        return "", []
    votes = Counter(canonical_unit(n, region) for n in names)
    first = {canonical_unit(n, region): i for i, n in reversed(list(enumerate(names)))}
    key = max(votes, key=lambda k: (votes[k], -first[k]))
    same = [n for n in dict.fromkeys(names) if canonical_unit(n, region) == key]
    written_out = [region.province, region.city] if region is not None else []

    def fullness(name: str) -> tuple[int, int]:
        return (sum(1 for part in written_out if part and part in name), len(name))

    unit_name = max(same, key=fullness)
    others = set(names) - {unit_name}
    aliases = sorted(n for n in others if not any(n != o and o.endswith(n) for o in others | {unit_name}))
    return unit_name, aliases


def merge_identities(identities: list[Identity]) -> Identity:
    """One identity for the files of one disclosure (a narrative and its tables file)."""
    first = identities[0]
    if len(identities) == 1:
        return first
    names = tuple(n for i in identities for n in i.names)
    region = next((i.region for i in identities if i.region is not None), None)
    unit_name, aliases = choose_unit_name(names, region)
    published = next((i.published for i in identities if i.published), None)
    return Identity(unit_name or first.unit_name, aliases, first.unit_code, first.fiscal_year, first.kind, first.scope, region, published, names)

"""The site's search index: one entry per unit, disclosure, project, function class and region.

Written at build time to `search/cnbudget.json` and searched in the browser by `templates/search.js`.
Each entry carries the names it answers to exactly (a unit's full name, the names the documents
use for it and its short forms), the words of its text segmented by jieba (so that a query segmented
the same way meets them), and a line to show under its title with amounts formatted (thousands
separators, two decimals, 万元).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cnbudget.render.labels import LABELS, format_wan
from cnbudget.render.listing import Region, Summary, package_to_summary
from cnbudget.render.pages import UnitPage
from cnbudget.render.published import Package

INDEX = "search/cnbudget.json"  # under the site's root
# Kinds of entry, in the order a tie between them is broken (a unit's own page first).
KINDS = ("单位", "公开文件", "地区", "功能分类", "项目")
# Long forms a reader shortens, and the short form they use.
SHORTER = (
    ("中国共产党", "中共"),
    ("委员会办公室", "委办公室"),
    ("委员会办公厅", "委办公厅"),
    ("人民检察院", "检察院"),
    ("人民法院", "法院"),
    ("人民政府", "政府"),
    ("人民代表大会常务委员会", "人大常委会"),
    ("中国人民政治协商会议", "政协"),
)
_REGION_SUFFIX = re.compile(r"(省|市|区|县|自治州|自治区|特别行政区)$")
_SPACE = re.compile(r"\s+")


@dataclass
class Entry:
    kind: str
    title: str
    url: str  # relative to the site's root
    line: str = ""  # shown under the title
    names: list[str] = field(default_factory=list)  # what the entry answers to exactly
    text: list[str] = field(default_factory=list)  # more words it is found by

    def as_json(self, segment: Segmenter) -> dict[str, object]:
        """The entry as the search index stores it: kind, title, url, line, names and its words cut by ``segment``."""
        names = list(dict.fromkeys(n for n in self.names if n))
        words = segment.words([self.title, *names, *self.text])
        return {"k": KINDS.index(self.kind), "t": self.title, "u": self.url, "l": self.line, "n": names, "w": " ".join(words)}


class Segmenter:
    """jieba's search-engine mode: a word and the shorter words inside it, each once, in order."""

    def __init__(self) -> None:
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._cut = jieba.cut_for_search

    def words(self, texts: Iterable[str]) -> list[str]:
        """The words ``texts`` are found by, lower-case, each once in the order first cut; punctuation left out."""
        seen: dict[str, None] = {}
        for text in texts:
            for word in self._cut(_SPACE.sub(" ", text).lower()):
                word = word.strip()
                if word and not re.fullmatch(r"[\W_]+", word):
                    seen[word] = None
        return list(seen)


def short_names(name: str, places: list[str]) -> list[str]:
    """The forms a reader may type for a unit's name: long forms shortened, the regions above its own dropped.

    `places` run from the province down to the unit's own region; that one is kept (中共潼南区委办公室,
    not 中共重庆市委办公室, which is another unit), or cut to its level (区委办公室, 省检察院).
    """
    forms = [name]
    shortened = name
    for long, short in SHORTER:
        shortened = shortened.replace(long, short)
    forms.append(shortened)
    for place in places[:-1]:
        for form in list(forms):
            for part in (place, _REGION_SUFFIX.sub("", place)):
                if len(part) >= 2 and part in form:
                    forms.append(form.replace(part, "", 1))
                    break
    forms += [form[2:] for form in forms if form.startswith("中共") and "委" in form[2:]]
    if places:
        own = places[-1]
        level = _REGION_SUFFIX.search(own)
        for form in list(forms):
            higher = any(len(stem) >= 2 and stem in form for place in places[:-1] for stem in (place, _REGION_SUFFIX.sub("", place)))
            if level and own in form and not higher and len(form) - len(own) >= 2:
                forms.append(re.sub(r"^(中国共产党|中共)", "", form.replace(own, level.group(1), 1)))
    return list(dict.fromkeys(forms))


def _places(disclosure: dict[str, str]) -> list[str]:
    return [disclosure.get(k, "") for k in ("province", "city", "county") if disclosure.get(k, "")]


def _kind_label(disclosure: dict[str, str]) -> str:
    return str(disclosure.get("fiscal_year", "")) + "年" + LABELS["kind"].get(disclosure.get("kind", ""), disclosure.get("kind", ""))


def _unit_entry(unit: UnitPage) -> Entry:
    latest = unit.columns[-1].disclosure
    names: list[str] = []
    for column in unit.columns:
        d = column.disclosure
        for name in [d.get("unit_name", "")] + [a for a in d.get("unit_aliases", "").split(";") if a.strip()]:
            names += short_names(name.strip(), _places(d))
    years = sorted({c.disclosure.get("fiscal_year", "") for c in unit.columns} - {""})
    line = "，".join(
        x
        for x in (
            "".join(_places(latest)),
            f"{len(unit.columns)} 份公开文件",
            f"{years[0]}–{years[-1]} 年度" if len(years) > 1 else (f"{years[0]} 年度" if years else ""),
        )
        if x
    )
    return Entry("单位", (unit.names or [unit.unit_id])[0], f"units/{unit.unit_id}/", line, names, _places(latest))


def _disclosure_entries(package: Package, summary: Summary) -> list[Entry]:
    d = package.disclosure
    page = f"disclosures/{package.name}/"
    unit = d.get("unit_name", "")
    title = f"{unit} {_kind_label(d)}"
    figures = [("支出总计", summary.expenditure), ("“三公”经费", summary.three_public)]
    line = "，".join(f"{label} {format_wan(row.get('amount', ''))}" for label, row in figures if row is not None and row.get("amount", "").strip())
    words = [*_places(d), d.get("title", ""), d.get("unit_aliases", "").replace(";", " "), package.name]
    if package.resource("three_public") or summary.three_public is not None:
        words += ["三公", "三公经费", "“三公”经费"]
    entries = [Entry("公开文件", title, page, "，".join(x for x in ("".join(_places(d)), line) if x), [title, d.get("title", "")], words)]
    for row in package.resource("projects"):
        name = row.get("project_name", "").strip()
        if name:
            money = format_wan(row.get("amount", ""))
            entries.append(Entry("项目", name, page + "#projects", f"{unit} {_kind_label(d)}" + (f"，{money}" if money else ""), [name], [unit]))
    for row in package.resource("expenditure_by_function"):
        if row.get("level") == "class" and row.get("function_name", "").strip():
            name = row["function_name"].strip()
            money = format_wan(row.get("total", ""))
            entries.append(
                Entry(
                    "功能分类",
                    f"{name}（{row.get('function_code', '')}）",
                    page + "#expenditure-by-function",
                    f"{unit} {_kind_label(d)}" + (f"，{money}" if money else ""),
                    [name, row.get("official_name", "")],
                    [unit],
                )
            )
    return entries


def _region_entries(regions: list[Region]) -> list[Entry]:
    entries = []
    for region in regions:
        summaries = region.listing.summaries
        entries.append(
            Entry(
                "地区",
                region.province.name,
                f"regions/{region.province.slug}/",
                f"{len(summaries)} 份公开文件，{region.units} 个单位",
                [region.province.name, _REGION_SUFFIX.sub("", region.province.name)],
            )
        )
        places: dict[tuple[str, str], int] = {}
        for s in summaries:
            city, county = s.disclosure.get("city", ""), s.disclosure.get("county", "")
            for path, place in ((city, city), (city + county, county)):
                if place:
                    places[(path, place)] = places.get((path, place), 0) + 1
        for (path, place), count in sorted(places.items()):
            entries.append(
                Entry(
                    "地区",
                    f"{region.province.name}{path}",
                    f"regions/{region.province.slug}/",
                    f"{count} 份公开文件",
                    [place, _REGION_SUFFIX.sub("", place), path],
                )
            )
    return entries


def search_index(disclosures: list[Package], units: list[UnitPage], regions: list[Region]) -> dict[str, object]:
    """The whole index, ready for `json.dumps`."""
    entries = [_unit_entry(u) for u in units]
    for package in disclosures:
        entries += _disclosure_entries(package, package_to_summary(package))
    entries += _region_entries(regions)
    segment = Segmenter()
    return {"kinds": list(KINDS), "entries": [e.as_json(segment) for e in entries]}


def write_search_index(docs: Path, disclosures: list[Package], units: list[UnitPage], regions: list[Region]) -> None:
    """The index into the docs folder, which mkdocs copies into the site as it is."""
    path = docs / INDEX
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(search_index(disclosures, units, regions), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")

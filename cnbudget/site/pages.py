"""Packages to page contexts: the home table, a disclosure, a unit across years, downloads."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from cnbudget.schema import METRICS, RESOURCES, THREE_PUBLIC_ITEMS, Resource
from cnbudget.site.packages import Package, Row, is_slug

RESOURCE_NAME = re.compile(r"[a-z0-9_]+")  # a name safe to print as a heading and an anchor
ORIGIN_ORDER = ("table", "narrative")
STATUS_ORDER = ("fail", "not_applicable", "pass")
EXPENDITURE_METRICS = ("expenditure_total", "expenditure_current_year")
# Resources the disclosure page lays out itself; any other resource gets a plain table.
LAID_OUT = (
    "disclosure",
    "totals",
    "revenue_by_source",
    "expenditure_by_function",
    "basic_expenditure_by_economic",
    "projects",
    "three_public",
    "performance_indicators",
    "checks",
)
# The official entry of each code the page's tables already name: in the download, not repeated on the page.
NOT_SHOWN = ("function_classification", "economic_classification")


def _rank(value: str, order: tuple[str, ...]) -> int:
    return order.index(value) if value in order else len(order)


def _int(text: str) -> int:
    """The integer in `text`, or a large number so that rows without one sort last."""
    try:
        return int(text)
    except ValueError:
        return 1 << 31


def _preference(row: Row) -> tuple[int, int]:
    """Table before prose, then the earlier page."""
    return (_rank(row.get("origin", ""), ORIGIN_ORDER), _int(row.get("page", "")))


def _preferred(rows: list[Row]) -> Row | None:
    """The row read from a table if there is one, else from the prose; first printed wins."""
    return min(rows, key=_preference, default=None)


def headline(package: Package, metrics: tuple[str, ...]) -> Row | None:
    """The totals row of the first metric given that the package has, table origin preferred."""
    for metric in metrics:
        row = _preferred([r for r in package.resource("totals") if r.get("metric") == metric])
        if row is not None:
            return row
    return None


def three_public_total(package: Package) -> Row | None:
    """The 三公 total of the disclosure's own year: the totals metric, else the three_public row."""
    row = headline(package, ("three_public_total",))
    if row is not None:
        return row
    year = package.disclosure.get("fiscal_year", "")
    return _preferred(
        [r for r in package.resource("three_public") if r.get("item") == "total" and r.get("fiscal_year") == year]
    )


@dataclass(frozen=True)
class Summary:
    """One disclosure as a line of the home table or a column of its unit's page."""

    id: str
    disclosure: Row
    expenditure: Row | None
    basic: Row | None
    project: Row | None
    three_public: Row | None
    failing: int
    checks: int

    @property
    def unit_id(self) -> str:
        """The unit's slug, or empty when it cannot be a path (then there is no unit page)."""
        unit_id = self.disclosure.get("unit_id", "")
        return unit_id if is_slug(unit_id) else ""

    def sort_key(self, unit_name: str = "") -> tuple[Any, ...]:
        """Region, unit (by `unit_name`, so that a renamed unit's years stay together), year, kind."""
        d = self.disclosure
        return (
            d.get("province", ""),
            d.get("city", ""),
            d.get("county", ""),
            unit_name or d.get("unit_name", ""),
            self.unit_id,
            _int(d.get("fiscal_year", "")),
            d.get("kind", ""),
            d.get("scope", ""),
            self.id,
        )


def package_to_summary(package: Package) -> Summary:
    checks = package.resource("checks")
    return Summary(
        id=package.name,
        disclosure=package.disclosure,
        expenditure=headline(package, EXPENDITURE_METRICS),
        basic=headline(package, ("basic_expenditure",)),
        project=headline(package, ("project_expenditure",)),
        three_public=three_public_total(package),
        failing=sum(1 for r in checks if r.get("status") == "fail"),
        checks=len(checks),
    )


def packages_to_index(packages: list[Package]) -> list[Summary]:
    """Every disclosure's summary, sorted by region, unit (its latest name), year."""
    summaries = [package_to_summary(p) for p in packages]
    latest: dict[str, tuple[int, str]] = {}
    for s in summaries:
        year = _int(s.disclosure.get("fiscal_year", ""))
        if s.unit_id and (s.unit_id not in latest or year >= latest[s.unit_id][0]):
            latest[s.unit_id] = (year, s.disclosure.get("unit_name", ""))
    return sorted(summaries, key=lambda s: s.sort_key(latest.get(s.unit_id, (0, ""))[1]))


@dataclass(frozen=True)
class ThreePublicTable:
    years: list[str]
    items: list[str]
    cells: dict[tuple[str, str], Row]  # (item, year) -> the preferred row


def _three_public_table(rows: list[Row]) -> ThreePublicTable:
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for row in rows:
        grouped[(row.get("item", ""), row.get("fiscal_year", ""))].append(row)
    cells = {key: min(group, key=_preference) for key, group in grouped.items()}
    years = sorted({year for _, year in cells}, key=lambda y: (_int(y), y))
    items = sorted({item for item, _ in cells}, key=lambda i: (_rank(i, THREE_PUBLIC_ITEMS), i))
    return ThreePublicTable(years, items, cells)


def _sources(disclosure: Row) -> list[tuple[str, str]]:
    """(file, sha256) pairs from the disclosure row's `;`-separated lists."""
    files = [f.strip() for f in disclosure.get("source_files", "").split(";") if f.strip()]
    hashes = [h.strip() for h in disclosure.get("source_sha256", "").split(";")]
    return [(f, hashes[i] if i < len(hashes) else "") for i, f in enumerate(files)]


@dataclass(frozen=True)
class OtherTable:
    """A resource without its own layout, shown as a plain table under its Chinese title."""

    name: str
    title: str
    columns: list[tuple[str, str]]  # (field name, its title)
    rows: list[Row]


def _descriptor_titles(package: Package, resource: str) -> dict[str, str]:
    """The field titles the package's descriptor gives a resource the schema does not know."""
    described = next((r for r in package.descriptor.get("resources", []) if isinstance(r, dict) and r.get("name") == resource), {})
    schema = described.get("schema")
    fields = schema.get("fields", []) if isinstance(schema, dict) else []
    return {str(f.get("name")): str(f.get("title") or f.get("name")) for f in fields if isinstance(f, dict)}


def _other_table(package: Package, resource: str) -> OtherTable:
    rows = package.rows[resource]
    known = next((r for r in RESOURCES if r.name == resource), None)
    if known:
        heading, names, titles = known.title, known.field_names, {f.name: f.title for f in known.fields}
    else:  # only the schema's titles go into a Markdown heading: a descriptor's could carry Markdown
        heading, names, titles = resource, list(rows[0]) if rows else [], _descriptor_titles(package, resource)
    shown = [n for n in names if n != "disclosure_id" and any(r.get(n) for r in rows)]
    return OtherTable(resource, heading, [(n, titles.get(n) or n) for n in shown], rows)


def _as_tree(rows: list[Row], code: str) -> list[Row]:
    """Table rows before prose, each in code order, which puts every 类 above its 款 and 项."""
    return sorted(rows, key=lambda r: (_rank(r.get("origin", ""), ORIGIN_ORDER), r.get(code, "")))


def package_to_page(package: Package) -> dict[str, Any]:
    """Everything the disclosure page shows, in the order it shows it."""
    totals = sorted(
        package.resource("totals"),
        key=lambda r: (
            _rank(r.get("metric", ""), METRICS),
            r.get("metric", ""),
            _rank(r.get("origin", ""), ORIGIN_ORDER),
            _int(r.get("page", "")),
        ),
    )
    checks = sorted(package.resource("checks"), key=lambda r: (_rank(r.get("status", ""), STATUS_ORDER), r.get("check", "")))
    status_counts = {s: sum(1 for r in checks if r.get("status") == s) for s in STATUS_ORDER}
    others = sorted(
        n for n in package.rows if n not in LAID_OUT + NOT_SHOWN and package.rows[n] and RESOURCE_NAME.fullmatch(n)
    )
    return {
        "summary": package_to_summary(package),
        "totals": totals,
        "revenue": package.resource("revenue_by_source"),
        "functions": _as_tree(package.resource("expenditure_by_function"), "function_code"),
        "economic": _as_tree(package.resource("basic_expenditure_by_economic"), "economic_code"),
        "projects": package.resource("projects"),
        "three_public": _three_public_table(package.resource("three_public")),
        "indicators": package.resource("performance_indicators"),
        "checks": checks,
        "status_counts": status_counts,
        "sources": _sources(package.disclosure),
        "package_sources": [
            Row((str(k), str(v)) for k, v in s.items()) for s in package.descriptor.get("sources", []) if isinstance(s, dict)
        ],
        "created": str(package.descriptor.get("created", "")),
        "files": package.files,
        "others": [_other_table(package, name) for name in others],
    }


@dataclass(frozen=True)
class UnitPage:
    unit_id: str
    columns: list[Summary]  # the unit's disclosures, by year
    rows: list[tuple[str, list[Row | None]]]  # (metric, the figure in each column)

    @property
    def names(self) -> list[str]:
        """The unit's names over the years, latest first, each once."""
        seen: list[str] = []
        for column in reversed(self.columns):
            name = column.disclosure.get("unit_name", "")
            if name and name not in seen:
                seen.append(name)
        return seen


def packages_to_units(packages: list[Package]) -> list[UnitPage]:
    """One page per unit (sorted by unit_id): its disclosures side by side, metric by metric."""
    by_unit: dict[str, list[tuple[Summary, Package]]] = defaultdict(list)
    for package in packages:
        summary = package_to_summary(package)
        if summary.unit_id:
            by_unit[summary.unit_id].append((summary, package))
    units = []
    for unit_id in sorted(by_unit):
        pairs = sorted(by_unit[unit_id], key=lambda pair: pair[0].sort_key()[5:])
        present = {r.get("metric", "") for _, p in pairs for r in p.resource("totals")}
        metrics = [m for m in METRICS if m in present] + sorted(present - set(METRICS))
        rows = [(m, [headline(p, (m,)) for _, p in pairs]) for m in metrics]
        if "three_public_total" not in present:
            rows.append(("three_public_total", [s.three_public for s, _ in pairs]))
        units.append(UnitPage(unit_id, [s for s, _ in pairs], rows))
    return units


def licences(descriptor: dict[str, Any]) -> list[dict[str, str]]:
    """The package's licences as (label, link) dicts; a link only when it is an http(s) URL."""
    out = []
    for item in descriptor.get("licenses", []):
        if not isinstance(item, dict):
            continue
        name = str(item.get("title") or item.get("name") or "")
        path = str(item.get("path") or "")
        out.append({"label": name or path, "href": path if path.startswith(("https://", "http://")) else ""})
    return out


def data_dictionary() -> tuple[Resource, ...]:
    """The resources as the schema defines them, in publication order."""
    return RESOURCES

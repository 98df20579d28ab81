"""Packages to page contexts: a disclosure, a unit across years, downloads."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cnbudget.render.charts import BarChart, BarRow, Series, economic_chart, function_chart, shares, trend_chart
from cnbudget.render.labels import LABELS, coded_value, display_amount
from cnbudget.render.listing import (
    ORIGIN_ORDER,
    PHASE_ORDER,
    Summary,
    amount,
    headline,
    of_phase,
    own_phase,
    package_to_summary,
    preference,
    rank,
    to_int,
)
from cnbudget.render.published import Package, Row
from cnbudget.render.sources import SourceFiles, source_paths
from cnbudget.schema import CLASSIFICATIONS, METRICS, RESOURCES, THREE_PUBLIC_ITEMS

RESOURCE_NAME = re.compile(r"[a-z0-9_]+")  # a name safe to print as a heading and an anchor
STATUS_ORDER = ("fail", "not_applicable", "pass")
SEVERITY_ORDER = ("mismatch", "rounding")  # a real contradiction before a rounding difference
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
NOT_SHOWN = CLASSIFICATIONS
# The figures the disclosure page opens with, in this order, where the package has them.
HEADLINE_METRICS = ("expenditure_total", "expenditure_current_year", "basic_expenditure", "project_expenditure", "operating_funds")


@dataclass(frozen=True)
class ThreePublicTable:
    years: list[str]  # column keys: the year, or year/phase where the package has several phases (预算数, 决算数)
    items: list[str]
    cells: dict[tuple[str, str], Row]  # (item, column) -> the preferred row
    headings: dict[str, str] = field(default_factory=dict)  # column -> its heading (2024年, 2024年决算数)

    def heading(self, column: str) -> str:
        """The heading of ``column``: the one the table names, else the column's year (2024年)."""
        return self.headings.get(column) or f"{column}年"

    def chart(self) -> BarChart | None:
        """Each item's amount in each year, one bar per year; the vehicle items under their sum."""
        if not self.years:
            return None

        def bar(item: str, children: tuple[BarRow, ...] = ()) -> BarRow:
            cells = tuple(self.cells.get((item, y)) for y in self.years)
            amounts = tuple(c.get("amount", "") if c else "" for c in cells)
            printed = "；".join(f"{self.heading(y)} {display_amount(a)}" for y, a in zip(self.years, amounts) if a.strip())
            return BarRow(LABELS["item"].get(item, item), "", amounts, printed, children, 1 if item.startswith("vehicle_") and item != "vehicle_total" else 0)

        vehicle = tuple(bar(i) for i in ("vehicle_purchase", "vehicle_operation") if i in self.items)
        rows: list[BarRow] = []
        for item in self.items:
            if item == "vehicle_total":
                rows.append(bar(item, vehicle))
            elif item not in ("vehicle_purchase", "vehicle_operation") or "vehicle_total" not in self.items:
                rows.append(bar(item))
        return BarChart(tuple(self.heading(y) for y in self.years), tuple(rows), stacked=False, colours=tuple(range(len(self.years)))[::-1])


def _three_public_table(rows: list[Row], phase: str) -> ThreePublicTable:
    """The 三公 figures by item and year; by year and phase where a final account prints its 预算数 beside its 决算数."""
    phases = sorted({r.get("phase", "") for r in rows} - {""}, key=lambda p: rank(p, PHASE_ORDER))
    phased = len(phases) > 1
    grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
    headings: dict[str, str] = {}
    for row in rows:
        year = row.get("fiscal_year", "")
        column = f"{year}/{row.get('phase', '')}" if phased else year
        headings[column] = f"{year}年{LABELS['phase'].get(row.get('phase', ''), '')}" if phased else f"{year}年"
        grouped[(row.get("item", ""), column)].append(row)
    cells = {key: min(group, key=lambda r: preference(r, phase)) for key, group in grouped.items()}
    order = {p: i for i, p in enumerate(phases)}
    years = sorted({column for _, column in cells}, key=lambda c: (to_int(c.split("/")[0]), c.split("/")[0], order.get(c.partition("/")[2], 0)))
    items = sorted({item for item, _ in cells}, key=lambda i: (rank(i, THREE_PUBLIC_ITEMS), i))
    return ThreePublicTable(years, items, cells, headings)


def _sources(package: Package) -> list[tuple[str, str, str, str]]:
    """(file, sha256, its path in the package, the URL it was published at) for each source file."""
    disclosure = package.disclosure
    files = [f.strip() for f in disclosure.get("source_files", "").split(";") if f.strip()]
    hashes = [h.strip() for h in disclosure.get("source_sha256", "").split(";")]
    published = {p.rsplit("/", 1)[-1]: p for p in source_paths(package.descriptor)}
    urls = {str(s.get("path", "")).rsplit("/", 1)[-1]: str(s.get("url", "")) for s in package.descriptor.get("sources", []) if isinstance(s, dict)}
    out = []
    for i, f in enumerate(files):
        name = f.rsplit("/", 1)[-1]
        out.append((f, hashes[i] if i < len(hashes) else "", published.get(name, ""), urls.get(name, "")))
    return out


@dataclass(frozen=True)
class OtherTable:
    """A resource without its own layout, shown as a plain table under its Chinese title."""

    name: str
    title: str
    columns: list[tuple[str, str, str]]  # (field name, its title, its cells' class: num, wide or none)
    rows: list[Row]  # as shown: coded values in Chinese (labels.coded_value)


# Fields that hold a sentence or a reason: their column is given room, the others wrap to their words.
LONG_TEXT = ("text", "reason", "detail")


def _descriptor_titles(package: Package, resource: str) -> dict[str, str]:
    """The field titles the package's descriptor gives a resource the schema does not know."""
    described = next((r for r in package.descriptor.get("resources", []) if isinstance(r, dict) and r.get("name") == resource), {})
    schema = described.get("schema")
    fields = schema.get("fields", []) if isinstance(schema, dict) else []
    return {str(f.get("name")): str(f.get("title") or f.get("name")) for f in fields if isinstance(f, dict)}


def _other_table(package: Package, resource: str) -> OtherTable:
    rows = package.rows[resource]
    known = next((r for r in RESOURCES if r.name == resource), None)
    classes: dict[str, str] = {}
    if known:
        heading, names, titles = known.title, known.field_names, {f.name: f.title for f in known.fields}
        classes = {f.name: "num" if f.type in ("number", "integer") else "wide" if f.name in LONG_TEXT else "" for f in known.fields}
    else:  # only the schema's titles go into a Markdown heading: a descriptor's could carry Markdown
        heading, names, titles = resource, list(rows[0]) if rows else [], _descriptor_titles(package, resource)
    shown = [n for n in names if n != "disclosure_id" and any(r.get(n) for r in rows)]
    said = [Row({n: coded_value(n, r.get(n) or "", r) for n in shown}) for r in rows]
    return OtherTable(resource, heading, [(n, titles.get(n) or n, classes.get(n, "")) for n in shown], said)


def _as_tree(rows: list[Row], code: str, phase: str = "") -> list[Row]:
    """The disclosure's own phase first, table rows before prose, each in code order, which puts every 类 above its 款 and 项."""
    return sorted(rows, key=lambda r: (preference(r, phase)[0], rank(r.get("phase", ""), PHASE_ORDER), rank(r.get("origin", ""), ORIGIN_ORDER), r.get(code, "")))


def _headlines(summary: Summary, package: Package) -> list[Row]:
    """The figures the page opens with: the first expenditure total, 基本, 项目, 机关运行经费, 三公."""
    rows = [summary.expenditure] if summary.expenditure else []
    rows += [r for m in HEADLINE_METRICS[2:] if (r := headline(package, (m,))) is not None]
    if summary.three_public:
        rows.append(summary.three_public)
    return rows


def _uses(summary: Summary) -> list[tuple[str, str]]:
    """基本, 项目 and (where printed) 预留机动经费, as (label, amount) for the split bar."""
    parts = [("基本支出", summary.basic), ("项目支出", summary.project), ("预留机动经费", summary.reserve)]
    return [(label, row.get("amount", "")) for label, row in parts if row is not None]


def package_to_page(package: Package) -> dict[str, Any]:
    """Everything the disclosure page shows, in the order it shows it."""
    summary = package_to_summary(package)
    phase = own_phase(package)
    totals = sorted(
        package.resource("totals"),
        key=lambda r: (
            rank(r.get("metric", ""), METRICS),
            r.get("metric", ""),
            preference(r, phase)[0],
            rank(r.get("phase", ""), PHASE_ORDER),
            rank(r.get("origin", ""), ORIGIN_ORDER),
            to_int(r.get("page", "")),
        ),
    )
    functions = package.resource("expenditure_by_function")
    economic = package.resource("basic_expenditure_by_economic")
    checks = sorted(
        package.resource("checks"),
        key=lambda r: (rank(r.get("status", ""), STATUS_ORDER), rank(r.get("severity", ""), SEVERITY_ORDER), r.get("check_id", ""), r.get("subject", "")),
    )
    status_counts = {s: sum(1 for r in checks if r.get("status") == s) for s in STATUS_ORDER}
    others = sorted(n for n in package.rows if n not in LAID_OUT + NOT_SHOWN and package.rows[n] and RESOURCE_NAME.fullmatch(n))
    three_public = _three_public_table(package.resource("three_public"), phase)
    amounts = [*totals, *functions, *economic, *package.resource("three_public"), *package.resource("revenue_by_source")]
    return {
        "summary": summary,
        "headlines": _headlines(summary, package),
        "uses": shares(_uses(summary)),
        "totals": totals,
        "revenue": package.resource("revenue_by_source"),
        "functions": _as_tree(functions, "function_code", phase),
        "function_chart": function_chart(_as_tree(of_phase(functions, phase), "function_code", phase)),
        "economic": _as_tree(economic, "economic_code", phase),
        "economic_chart": economic_chart(_as_tree(of_phase(economic, phase), "economic_code", phase)),
        # a final account that prints several phases shows which figure each row is
        "phased": len({r.get("phase", "") for r in amounts} - {""}) > 1,
        "projects": package.resource("projects"),
        "three_public": three_public,
        "three_public_chart": three_public.chart(),
        "indicators": package.resource("performance_indicators"),
        "checks": checks,
        "status_counts": status_counts,
        "sources": _sources(package),
        "src": SourceFiles("../../", package.name, tuple(source_paths(package.descriptor))),
        "package_sources": package_sources(package.descriptor),
        "created": str(package.descriptor.get("created", "")),
        "files": package.files,
        "others": [_other_table(package, name) for name in others],
    }


@dataclass(frozen=True)
class Comparison:
    """One year's budget against its final account: each metric's two figures, difference and ratio."""

    year: str
    budget: Summary
    final: Summary
    rows: list[tuple[str, Row | None, Row | None, str, str]]  # (metric, budget, final, final − budget, final ÷ budget)


COMPARED = (
    ("expenditure_total", "expenditure"),
    ("basic_expenditure", "basic"),
    ("project_expenditure", "project"),
    ("operating_funds", "operating_funds"),
    ("three_public_total", "three_public"),
)


def _compare(year: str, budget: Summary, final: Summary) -> Comparison:
    rows = []
    for metric, attribute in COMPARED:
        b, f = getattr(budget, attribute), getattr(final, attribute)
        if b is None and f is None:
            continue
        x, y = amount(b), amount(f)
        difference = display_amount(str(y - x)) if x is not None and y is not None else ""
        ratio = f"{y / x * 100:.1f}%" if x is not None and y is not None and x > 0 else ""
        rows.append((metric, b, f, difference, ratio))
    return Comparison(year, budget, final, rows)


@dataclass(frozen=True)
class UnitPage:
    unit_id: str
    columns: list[Summary]  # the unit's disclosures, by year
    rows: list[tuple[str, list[Row | None]]]  # (metric, the figure in each column)
    trends: list[tuple[str, Any]]  # (caption, inline SVG) for each kind printed in two or more years
    comparisons: list[Comparison]  # years with both a budget and a final account

    @property
    def names(self) -> list[str]:
        """The unit's names over the years, latest first, each once."""
        seen: list[str] = []
        for column in reversed(self.columns):
            name = column.disclosure.get("unit_name", "")
            if name and name not in seen:
                seen.append(name)
        return seen


def _one_per_year(columns: list[Summary], kind: str) -> dict[str, Summary]:
    """The unit's disclosure of `kind` for each year; a 部门 one over a 单位 one of the same year."""
    chosen: dict[str, Summary] = {}
    for s in sorted(columns, key=lambda s: s.disclosure.get("scope", "") != "department", reverse=True):
        if s.disclosure.get("kind") == kind:
            chosen[s.disclosure.get("fiscal_year", "")] = s
    return dict(sorted(chosen.items(), key=lambda item: (to_int(item[0]), item[0])))


def _trends(columns: list[Summary]) -> list[tuple[str, Any]]:
    """A trend chart of spending, and one of 三公, for each kind the unit printed in two or more years."""
    charts = []
    for kind in ("budget", "final_account"):
        by_year = _one_per_year(columns, kind)
        if len(by_year) < 2:
            continue
        years = list(by_year)

        def points(attribute: str, chosen: dict[str, Summary] = by_year) -> tuple[str, ...]:
            return tuple((getattr(s, attribute) or Row()).get("amount", "") for s in chosen.values())

        label = LABELS["kind"][kind]
        spending = [Series(n, points(a)) for n, a in (("支出总计", "expenditure"), ("基本支出", "basic"), ("项目支出", "project"))]
        spending = [s for s in spending if sum(1 for p in s.points if p.strip()) >= 1]
        if spending:
            caption = f"历年{label}支出"
            charts.append((caption, trend_chart(years, spending, caption)))
        three_public = Series("“三公”经费", points("three_public"))
        if sum(1 for p in three_public.points if p.strip()) >= 2:
            caption = f"历年{label}“三公”经费"
            charts.append((caption, trend_chart(years, [three_public], caption)))
    return charts


def _comparisons(columns: list[Summary]) -> list[Comparison]:
    budgets, finals = _one_per_year(columns, "budget"), _one_per_year(columns, "final_account")
    return [_compare(year, budgets[year], finals[year]) for year in budgets if year in finals]


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
        columns = [s for s, _ in pairs]
        units.append(UnitPage(unit_id, columns, rows, _trends(columns), _comparisons(columns)))
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


def package_sources(descriptor: dict[str, Any]) -> list[Row]:
    """The package's `sources` entries, each as a row of strings."""
    return [Row((str(k), str(v)) for k, v in s.items()) for s in descriptor.get("sources", []) if isinstance(s, dict)]


def share_text(value: Decimal | None) -> str:
    """A fraction as a percentage with one decimal, or empty."""
    return f"{value * 100:.1f}%" if value is not None else ""

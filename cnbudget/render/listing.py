"""Each disclosure's headline figures, as the home, region, compare and unit pages list them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from cnbudget.official.regions import load_divisions
from cnbudget.render.published import Package, Row, is_slug
from cnbudget.schema import PHASES
from cnbudget.tables.phases import own_phase as phase_of_kind

ORIGIN_ORDER = ("table", "narrative")
PHASE_ORDER = PHASES
EXPENDITURE_METRICS = ("expenditure_total", "expenditure_current_year")


def rank(value: str, order: tuple[str, ...]) -> int:
    """The place of ``value`` in ``order``; values not in it rank after all those that are."""
    return order.index(value) if value in order else len(order)


def to_int(text: str) -> int:
    """The integer in `text`, or a large number so that rows without one sort last."""
    try:
        return int(text)
    except ValueError:
        return 1 << 31


def to_decimal(text: str) -> Decimal | None:
    """The finite decimal a cell holds, or None."""
    try:
        number = Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None
    return number if number.is_finite() else None


def own_phase(package: Package) -> str:
    """The phase of the disclosure's own figures: the 决算数 of a final account, the 预算数 of a budget."""
    return phase_of_kind(package.disclosure.get("kind"))


def preference(row: Row, phase: str = "") -> tuple[int, int, int]:
    """The disclosure's own phase first (a row that names none counts as it), then table before prose, then the earlier page."""
    return (0 if row.get("phase", "") in ("", phase) else 1, rank(row.get("origin", ""), ORIGIN_ORDER), to_int(row.get("page", "")))


def preferred(rows: list[Row], phase: str = "") -> Row | None:
    """The row of the disclosure's own phase if there is one, read from a table if there is one, else from the prose; first printed wins."""
    return min(rows, key=lambda r: preference(r, phase), default=None)


def of_phase(rows: list[Row], phase: str) -> list[Row]:
    """The rows of ``phase`` (and those that name none); all the rows where none is of it."""
    mine = [r for r in rows if r.get("phase", "") in ("", phase)]
    return mine or rows


# The phase a disclosure's own figures are in: a budget's as approved, a final account's as executed.
PHASE_OF_KIND = {"budget": "approved", "final_account": "executed"}


def in_phase(rows: list[Row], kind: str) -> list[Row]:
    """The rows of the kind's own phase where rows say their phase (and some are in it); else all of them."""
    wanted = PHASE_OF_KIND.get(kind, "")
    phased = [r for r in rows if r.get("phase", "") == wanted]
    return phased if wanted and phased else [r for r in rows if not r.get("phase", "")] or rows


def headline(package: Package, metrics: tuple[str, ...]) -> Row | None:
    """The totals row of the first metric given that the package has, of the disclosure's own phase and from a table preferred."""
    for metric in metrics:
        row = preferred([r for r in package.resource("totals") if r.get("metric") == metric], own_phase(package))
        if row is not None:
            return row
    return None


def three_public_total(package: Package) -> Row | None:
    """The 三公 total of the disclosure's own year: the totals metric, else the three_public row."""
    row = headline(package, ("three_public_total",))
    if row is not None:
        return row
    year = package.disclosure.get("fiscal_year", "")
    found = preferred([r for r in package.resource("three_public") if r.get("item") == "total" and r.get("fiscal_year") == year and r.get("amount", "").strip()], own_phase(package))
    return Row({**found, "metric": "three_public_total"}) if found is not None else None


def amount(row: Row | None) -> Decimal | None:
    """The row's amount as a Decimal; None for no row or a blank amount."""
    return to_decimal(row.get("amount", "")) if row is not None else None


@dataclass(frozen=True)
class Province:
    """A province-level division as the region pages name it: its path slug and name."""

    slug: str
    name: str


def province_of(disclosure: Row) -> Province | None:
    """The disclosure's province, from its region code or its province name; None when neither is known."""
    divisions = load_divisions()
    code = disclosure.get("region_code", "")
    division = divisions.get(code[:2] + "0000") if len(code) == 6 and code.isdigit() else None
    if division is None:
        name = disclosure.get("province", "")
        division = next((d for d in divisions.values() if d.level == "province" and name and d.name == name), None)
    if division is None or not is_slug(division.pinyin):
        return None
    return Province(division.pinyin, division.name)


@dataclass(frozen=True)
class Summary:
    """One disclosure as a line of a listing or a column of its unit's page."""

    id: str
    disclosure: Row
    expenditure: Row | None
    basic: Row | None
    project: Row | None
    reserve: Row | None
    three_public: Row | None
    operating_funds: Row | None
    personnel: Row | None
    public: Row | None
    failing: int
    checks: int
    province: Province | None

    @property
    def unit_id(self) -> str:
        """The unit's slug, or empty when it cannot be a path (then there is no unit page)."""
        unit_id = self.disclosure.get("unit_id", "")
        return unit_id if is_slug(unit_id) else ""

    @property
    def region(self) -> str:
        """The disclosure's province, city and county, those it has, separated by spaces."""
        d = self.disclosure
        return " ".join(x for x in (d.get("province", ""), d.get("city", ""), d.get("county", "")) if x)

    @property
    def project_share(self) -> Decimal | None:
        """项目支出 over 基本 + 项目 (+ 预留机动经费 where printed), as a fraction; None when either is missing."""
        basic, project, reserve = amount(self.basic), amount(self.project), amount(self.reserve)
        if basic is None or project is None:
            return None
        whole = basic + project + (reserve or 0)
        return project / whole if whole > 0 else None

    def sort_key(self, unit_name: str = "") -> tuple[Any, ...]:
        """Region, unit (by `unit_name`, so that a renamed unit's years stay together), year, kind."""
        d = self.disclosure
        return (
            d.get("province", ""),
            d.get("city", ""),
            d.get("county", ""),
            unit_name or d.get("unit_name", ""),
            self.unit_id,
            to_int(d.get("fiscal_year", "")),
            d.get("kind", ""),
            d.get("scope", ""),
            self.id,
        )


def package_to_summary(package: Package) -> Summary:
    """The listing's summary of one published package: its disclosure, headline figures and count of failing checks."""
    checks = package.resource("checks")
    return Summary(
        id=package.name,
        disclosure=package.disclosure,
        expenditure=headline(package, EXPENDITURE_METRICS),
        basic=headline(package, ("basic_expenditure",)),
        project=headline(package, ("project_expenditure",)),
        reserve=headline(package, ("reserve_expenditure",)),
        three_public=three_public_total(package),
        operating_funds=headline(package, ("operating_funds",)),
        personnel=headline(package, ("personnel_expenditure",)),
        public=headline(package, ("public_expenditure",)),
        failing=sum(1 for r in checks if r.get("status") == "fail"),
        checks=len(checks),
        province=province_of(package.disclosure),
    )


def summaries_in_order(summaries: list[Summary]) -> list[Summary]:
    """Sorted by region, unit (its latest name), year."""
    latest: dict[str, tuple[int, str]] = {}
    for s in summaries:
        year = to_int(s.disclosure.get("fiscal_year", ""))
        if s.unit_id and (s.unit_id not in latest or year >= latest[s.unit_id][0]):
            latest[s.unit_id] = (year, s.disclosure.get("unit_name", ""))
    return sorted(summaries, key=lambda s: s.sort_key(latest.get(s.unit_id, (0, ""))[1]))


def packages_to_index(packages: list[Package]) -> list[Summary]:
    """Every disclosure's summary, sorted by region, unit (its latest name), year."""
    return summaries_in_order([package_to_summary(p) for p in packages])


@dataclass(frozen=True)
class Column:
    """A column of figures in a listing: its heading, how to read a summary's figure, where it links."""

    key: str
    heading: str
    anchor: str  # the section of the disclosure page the figure comes from


INDEX_COLUMNS = (
    Column("expenditure", "支出总计", "totals"),
    Column("basic", "基本支出", "totals"),
    Column("project", "项目支出", "totals"),
    Column("three_public", "“三公”经费", "three-public"),
)
COMPARE_COLUMNS = (
    Column("expenditure", "支出总计", "totals"),
    Column("basic", "基本支出", "totals"),
    Column("project", "项目支出", "totals"),
    Column("personnel", "人员经费", "totals"),
    Column("public", "公用经费", "totals"),
    Column("operating_funds", "机关运行经费", "totals"),
    Column("three_public", "“三公”经费", "three-public"),
)


@dataclass(frozen=True)
class Listing:
    """A set of disclosures listed together (the whole site or one province), with column sums."""

    summaries: list[Summary]
    sums: dict[str, tuple[Decimal, int]]  # column key -> (sum of the figures, how many disclosures have one); empty unless comparable

    @property
    def comparable(self) -> bool:
        """All of one year and one kind: only then do its figures add up to a meaningful total."""
        return len({(s.disclosure.get("fiscal_year", ""), s.disclosure.get("kind", "")) for s in self.summaries}) <= 1

    @property
    def provinces(self) -> list[str]:
        """The provinces the summaries name, sorted, each once."""
        return sorted({s.disclosure.get("province", "") for s in self.summaries} - {""})

    @property
    def years(self) -> list[str]:
        """The fiscal years the summaries name, in numeric order, each once."""
        return sorted({s.disclosure.get("fiscal_year", "") for s in self.summaries} - {""}, key=lambda y: (to_int(y), y))


def listing(summaries: list[Summary]) -> Listing:
    """The summaries in order, and each figure column's sum over those that have the figure."""
    ordered = summaries_in_order(summaries)
    sums: dict[str, tuple[Decimal, int]] = {}
    if len({(s.disclosure.get("fiscal_year", ""), s.disclosure.get("kind", "")) for s in ordered}) > 1:
        return Listing(ordered, {})  # budgets and final accounts, or different years, are not added up
    for column in {c.key: c for c in INDEX_COLUMNS + COMPARE_COLUMNS}.values():
        figures = [x for x in (amount(getattr(s, column.key)) for s in ordered) if x is not None]
        sums[column.key] = (sum(figures, Decimal(0)), len(figures))
    return Listing(ordered, sums)


@dataclass(frozen=True)
class Region:
    """A province's page: its disclosures, units and years."""

    province: Province
    listing: Listing

    @property
    def units(self) -> int:
        """How many units the region's disclosures are of (a disclosure with no unit id counts as its own)."""
        return len({s.unit_id or s.id for s in self.listing.summaries})


def summaries_to_regions(summaries: list[Summary]) -> list[Region]:
    """One region per province named, in the order of division codes' names (by slug)."""
    grouped: dict[Province, list[Summary]] = defaultdict(list)
    for s in summaries:
        if s.province is not None:
            grouped[s.province].append(s)
    return [Region(p, listing(grouped[p])) for p in sorted(grouped, key=lambda p: p.slug)]

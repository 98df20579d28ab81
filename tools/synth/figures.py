"""The figures of a disclosure: who, when, how printed, and every amount, with every identity holding."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .reference import ECONOMIC_ITEMS, ECONOMIC_TO_FUNCTION, REVENUE_LINES, UNIT_KINDS, YEARS, counties, official


@dataclass
class Style:
    """How one disclosure is printed."""

    yuan: bool  # amounts in 元 (integers) instead of 万元
    split_codes: bool  # 201 | 31 | 01 in three cells, not 2013101
    numbering: str  # "budget" (预算01表), "plain" (表1) or "none"
    thousands: bool
    total_last: bool  # the 合计 row at the bottom of the coded tables
    zero_printed: bool  # a zero “三公” item printed as 0.00, not blank
    three_public_label: str  # the first column of the “三公” table: “三公”经费合计 or 合计
    negative: bool  # one 商品和服务支出 item is negative


@dataclass
class Disclosure:
    """One generated disclosure: who, when, how printed, and every figure in minor units."""

    number: int
    unit: str
    province: str
    county: str
    year: int
    kind: str  # budget / final_account
    style: Style
    # function rows: code → [total, basic, project]; economic rows: code → [total, personnel, public]
    function: dict[str, list[int | None]] = field(default_factory=dict)
    economic: dict[str, list[int | None]] = field(default_factory=dict)
    three_public: dict[str, int] = field(default_factory=dict)
    revenue: dict[str, int] = field(default_factory=dict)  # label → amount (printed lines only)
    class_spending: dict[str, int] = field(default_factory=dict)  # class code → 收支总表 amount
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def scale(self) -> Decimal:
        """The value of one minor unit in 万元."""
        return Decimal("0.0001") if self.style.yuan else Decimal("0.01")

    @property
    def kind_label(self) -> str:
        return "决算" if self.kind == "final_account" else "预算"

    @property
    def file(self) -> str:
        return f"{self.number:05d}"

    def wan(self, minor: int | None) -> Decimal | None:
        """A minor-unit amount in 万元, exactly."""
        return None if minor is None else Decimal(minor) * self.scale


def style_of(number: int) -> Style:
    """The printing style of disclosure ``number``: cycled so that any six cover every family."""
    return Style(
        yuan=number % 4 == 3,
        split_codes=number % 2 == 0,
        numbering=("budget", "plain", "none")[(number // 2) % 3],
        thousands=number % 5 in (1, 3),
        total_last=number % 7 == 1,
        zero_printed=number % 2 == 1,
        three_public_label=("“三公”经费合计", "合计")[(number // 3) % 2],
        negative=number % 6 == 4,
    )


def pick_units(count: int, seed: int, stream: str = "units") -> list[tuple[str, str, str, str]]:
    """``count`` distinct units: (unit name, province, county, the 款 of its own work), drawn from ``stream``."""
    places = counties()
    total = len(places) * len(UNIT_KINDS)
    if count > total:
        raise SystemExit(f"at most {total} distinct units can be generated")
    rng = random.Random(f"{seed}:{stream}")
    out, seen = [], set()
    for _ in range(count):
        index = rng.randrange(total)
        while index in seen:  # drawn one at a time, so that a shorter run is a prefix of a longer one
            index = rng.randrange(total)
        seen.add(index)
        province, parent, county = places[index // len(UNIT_KINDS)]
        template, section = UNIT_KINDS[index % len(UNIT_KINDS)]
        out.append((template.format(p=parent + county), province, county, section))
    return out


def _amount(rng: random.Random, low: float, high: float, yuan: bool) -> int:
    """A random amount between low and high 万元, in minor units."""
    per = 10_000 if yuan else 100
    return rng.randint(max(1, int(low * per)), int(high * per))


def generate(number: int, seed: int, unit: tuple[str, str, str, str], kind: str | None = None, stream: str = "", style: Style | None = None) -> Disclosure:
    """Disclosure ``number`` of the corpus of ``seed``, with every identity holding.

    ``kind`` defaults to a final account every third disclosure, a budget otherwise; ``stream`` names
    another sequence of random draws (the national final accounts draw from their own); ``style``
    replaces the style of the disclosure's number (the national final accounts draw theirs from the seed).
    """
    rng = random.Random(f"{seed}:{number}{stream}")
    name, province, county, section = unit
    style = style or style_of(number)
    kind = kind or ("final_account" if number % 3 == 2 else "budget")
    d = Disclosure(number, name, province, county, rng.choice(YEARS), kind, style)
    year, yuan = d.year, style.yuan

    # basic expenditure by economic item
    items: dict[str, int] = {}
    for cls, choices in ECONOMIC_ITEMS.items():
        if cls == "310" and rng.random() > 0.25:
            continue
        for code, chance, low, high in choices:
            if rng.random() < chance and official("economic", code, year):
                items[code] = _amount(rng, low, high, yuan)
    public = sorted(c for c in items if c.startswith("302"))
    if style.negative and len(public) > 1:
        # a refund booked against the last item: negative, but less than half the rest of its class
        cap = min(sum(items[c] for c in public[:-1]) // 2, _amount(rng, 0.5, 2, yuan))
        items[public[-1]] = -rng.randint(1, max(1, cap))
    for cls in ECONOMIC_ITEMS:
        kids = sorted(c for c in items if c.startswith(cls))
        if not kids:
            continue
        personnel = cls in ("301", "303")
        total = sum(items[c] for c in kids)
        d.economic[cls] = [total, total if personnel else None, None if personnel else total]
        for c in kids:
            d.economic[c] = [items[c], items[c] if personnel else None, None if personnel else items[c]]
    basic_total = sum(items.values())
    personnel_total = sum(v for c, v in items.items() if c[:3] in ("301", "303"))

    # the same money by function: each item's basic part, then the projects
    running, admin = section + "01", section + "02"
    basic: dict[str, int] = defaultdict(int)
    for code, value in items.items():
        target = ECONOMIC_TO_FUNCTION.get(code, running)
        basic[target if official("function", target, year) else running] += value
    if rng.random() < 0.3 and official("function", section + "50", year):
        share = basic[running] * rng.randint(10, 40) // 100
        basic[running] -= share
        basic[section + "50"] += share
    project: dict[str, int] = {admin: _amount(rng, 5, 300, yuan)}
    if rng.random() < 0.4:
        project[running] = _amount(rng, 2, 50, yuan)
    if rng.random() < 0.3 and official("function", section + "99", year):
        project[section + "99"] = _amount(rng, 1, 50, yuan)
    for code in sorted(set(basic) | set(project)):
        b, p = basic.get(code) or None, project.get(code) or None
        d.function[code] = [(b or 0) + (p or 0), b, p]
    for length in (5, 3):
        for code in sorted({c[:length] for c in list(d.function) if len(c) == 7}):
            leaves = [v for c, v in d.function.items() if len(c) == 7 and c.startswith(code)]
            sums = [sum(leaf[i] or 0 for leaf in leaves) for i in range(3)]
            d.function[code] = [sums[0], sums[1] or None, sums[2] or None]
    d.function = dict(sorted(d.function.items(), key=lambda kv: kv[0]))
    general = sum(v[0] or 0 for c, v in d.function.items() if len(c) == 3)
    project_general = general - basic_total

    # the 收支总表: other revenue and carry-overs are spent as projects of the unit's own class
    other = _amount(rng, 1, 60, yuan) if rng.random() < 0.3 else 0
    carry_in = _amount(rng, 1, 40, yuan) if rng.random() < 0.3 else 0
    carry_out = rng.randint(0, other + carry_in) if kind == "final_account" and rng.random() < 0.5 else 0
    lines = REVENUE_LINES[kind]
    d.revenue[lines[0][0]] = general
    if other:
        d.revenue[rng.choice([label for label, source in lines[1:] if source])] = other
    current = general + other
    spent = current + carry_in - carry_out
    d.class_spending = {c: v[0] or 0 for c, v in d.function.items() if len(c) == 3}
    d.class_spending[section[:3]] += other + carry_in - carry_out
    d.totals = {
        "revenue_current_year": current,
        "expenditure_current_year": spent,
        "revenue_total": current + carry_in,
        "expenditure_total": current + carry_in,
        "basic_expenditure": basic_total,
        "project_expenditure": project_general + other + carry_in - carry_out,
        "personnel_expenditure": personnel_total,
        "public_expenditure": basic_total - personnel_total,
    }
    if carry_in:
        d.totals["carryover_in"] = carry_in
    if carry_out:
        d.totals["carryover_out"] = carry_out

    # “三公”
    outbound = _amount(rng, 1, 15, yuan) if rng.random() < 0.2 else 0
    purchase = _amount(rng, 10, 30, yuan) if rng.random() < 0.15 else 0
    operation = _amount(rng, 0.5, 12, yuan) if rng.random() < 0.8 else 0
    reception = _amount(rng, 0.1, 6, yuan) if rng.random() < 0.8 or not operation else 0
    d.three_public = {
        "total": outbound + purchase + operation + reception,
        "outbound_travel": outbound,
        "vehicle_total": purchase + operation,
        "vehicle_purchase": purchase,
        "vehicle_operation": operation,
        "reception": reception,
    }
    d.totals["three_public_total"] = d.three_public["total"]
    return d

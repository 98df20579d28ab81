"""Charts as inline SVG, drawn here in Python: no script, no request, readable without colour.

A bar chart is a list of labelled rows whose amounts are printed beside their bars, so the
chart is its own text alternative; the trend chart carries an `aria-label` that states every
point, and the page's tables hold every figure as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup, escape

from cnbudget.render.labels import display_amount
from cnbudget.render.listing import ORIGIN_ORDER, rank, to_decimal
from cnbudget.render.published import Row

# Okabe–Ito: told apart with every common colour-vision deficiency; grey for "not split".
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999999")
UNSPLIT = len(PALETTE) - 1
MAX_LINES = 6  # a grouped bar of up to this many series takes its height from a class (templates/extra.css)


def colour(index: int) -> str:
    """The palette's colour for series ``index`` (the palette repeats past its end)."""
    return PALETTE[index % len(PALETTE)]


def colour_class(index: int) -> str:
    """The class that paints a bar's part and its legend's swatch in `colour(index)` (templates/extra.css)."""
    return f"s{index % len(PALETTE)}"


@dataclass(frozen=True)
class BarRow:
    """One labelled row of a bar chart: an amount per series (as printed), and rows below it."""

    label: str
    code: str
    amounts: tuple[str, ...]
    total: str  # the amount printed beside the bar
    children: tuple[BarRow, ...] = ()
    level: int = 0

    def values(self) -> tuple[Decimal, ...]:
        """The row's amounts as Decimals, a blank or negative one as 0 (a bar draws no length below zero)."""
        return tuple(max(to_decimal(a) or Decimal(0), Decimal(0)) for a in self.amounts)


@dataclass(frozen=True)
class BarChart:
    """Rows of bars on one scale; `stacked` bars add up their series, grouped ones sit one above the other."""

    series: tuple[str, ...]
    rows: tuple[BarRow, ...]
    stacked: bool = True
    colours: tuple[int, ...] = field(default=())

    @property
    def scale(self) -> Decimal:
        """The largest length any bar of the chart draws (a stacked bar's sum), which is the full width; 0 for no bars."""
        def sizes(row: BarRow) -> list[Decimal]:
            own = [sum(row.values(), Decimal(0))] if self.stacked else list(row.values())
            return own + [x for child in row.children for x in sizes(child)]

        return max((x for row in self.rows for x in sizes(row)), default=Decimal(0))

    def legend(self) -> list[tuple[str, str]]:
        """(series name, its colour's class) of each series some bar draws."""

        def used(row: BarRow) -> set[int]:  # a series drawn somewhere: a blank or zero amount draws nothing
            return {i for i, v in enumerate(row.values()) if v > 0} | {i for child in row.children for i in used(child)}

        present = {i for row in self.rows for i in used(row)}
        return [(name, self.class_of(i)) for i, name in enumerate(self.series) if i in present]

    def class_of(self, series: int) -> str:
        """The colour class of series ``series``: its own colour where given, else the palette's by its place."""
        return colour_class(self.colours[series] if series < len(self.colours) else series)

    def bar(self, row: BarRow) -> Markup:
        """The row's bar as SVG, as wide as its cell (decorative: the amount is text beside it).

        Sizes are percentages of the bar and colours are classes (templates/extra.css), so that a bar
        is a few dozen bytes: a page draws hundreds of them.
        """
        scale = self.scale or Decimal(1)
        values = row.values()
        rects: list[str] = []
        lines = 1
        if self.stacked:
            x = Decimal(0)
            for i, value in enumerate(values):
                width = value / scale * 100
                if width > 0:
                    start = f' x="{x:.2f}%"' if x else ""
                    rects.append(f'<rect{start} width="{width:.2f}%" height="100%" class="{self.class_of(i)}"/>')
                x += width
        else:  # one line per series, each 4/5 of its share of the height
            lines = max(len(values), 1)
            for i, value in enumerate(values):
                width = value / scale * 100
                if width > 0:
                    rects.append(f'<rect y="{Decimal(100 * i) / lines:.2f}%" width="{width:.2f}%" height="{Decimal(80) / lines:.2f}%" class="{self.class_of(i)}"/>')
        # The text alternative names what the bar draws, series by series, in the legend's words.
        spoken = "，".join(f"{self.series[i] if i < len(self.series) else ''} {display_amount(row.amounts[i])} 万元" for i, v in enumerate(values) if v > 0)
        label = f' role="img" aria-label="{escape(spoken)}"' if spoken else ' aria-hidden="true"'
        height = f' style="height:{lines * 0.6:.1f}rem"' if lines > MAX_LINES else ""
        return Markup(f'<svg class="bar{f" lines{lines}" if 1 < lines <= MAX_LINES else ""}"{height}{label}>{"".join(rects)}</svg>')


def _chart_rows(rows: list[Row]) -> list[Row]:
    """The rows a chart draws: those read from a table if any, else those from the prose."""
    if not rows:
        return []
    best = min(rank(r.get("origin", "table"), ORIGIN_ORDER) for r in rows)
    return [r for r in rows if rank(r.get("origin", "table"), ORIGIN_ORDER) == best]


def _whole(total: str, parts: tuple[str, ...]) -> str:
    """The printed total, or the sum of its printed parts when the total is blank."""
    if total.strip():
        return total
    numbers = [to_decimal(p) for p in parts]
    known = [n for n in numbers if n is not None]
    return str(sum(known, Decimal(0))) if known else ""


def _tree(rows: list[Row], code_field: str, name_field: str, part_fields: tuple[str, ...]) -> tuple[BarRow, ...]:
    """Rows nested under the nearest row whose code begins theirs (类 → 款 → 项); a row without a code stands alone."""
    codes = {r.get(code_field, "") for r in rows} - {""}

    parents = {code: max((c for c in codes if len(c) < len(code) and code.startswith(c)), key=len, default="") for code in codes}

    def parent(code: str) -> str:
        return parents.get(code, "")

    def node(row: Row, level: int) -> BarRow:
        code = row.get(code_field, "")
        parts = tuple(row.get(f, "") for f in part_fields)
        if not any(p.strip() for p in parts):
            parts = tuple("" for _ in part_fields) + (row.get("total", ""),)  # drawn grey: not split in the source
        children = tuple(node(r, level + 1) for r in rows if code and r.get(code_field, "") and parent(r.get(code_field, "")) == code)
        return BarRow(row.get(name_field, ""), code, parts, _whole(row.get("total", ""), parts), children, level)

    return tuple(node(r, 0) for r in rows if not r.get(code_field, "") or not parent(r.get(code_field, "")))


def function_chart(rows: list[Row]) -> BarChart | None:
    """Expenditure by function: 类 bars split into 基本 and 项目, each opening onto its 款 and 项."""
    drawn = _chart_rows(rows)
    if not drawn:
        return None
    tree = _tree(drawn, "function_code", "function_name", ("basic", "project"))
    return BarChart(("基本支出", "项目支出", "未分基本与项目"), tree, colours=(0, 1, UNSPLIT))


def economic_chart(rows: list[Row]) -> BarChart | None:
    """Basic expenditure by economic class, split into 人员经费 and 公用经费, each opening onto its 款."""
    drawn = [r for r in rows if r.get("total", "").strip() or r.get("personnel", "").strip() or r.get("public", "").strip()]
    if not drawn:
        return None
    tree = _tree(drawn, "economic_code", "economic_name", ("personnel", "public"))
    return BarChart(("人员经费", "公用经费", "未分人员与公用"), tree, colours=(3, 4, UNSPLIT))


@dataclass(frozen=True)
class Share:
    label: str
    amount: str
    percent: str
    colour: str  # its colour's class


def shares(parts: list[tuple[str, str]]) -> tuple[Markup, list[Share]] | None:
    """One bar split into its parts (label, amount), and each part's amount and share; None if nothing to split."""
    values = [(label, text, to_decimal(text)) for label, text in parts if to_decimal(text) is not None]
    whole = sum((max(v, Decimal(0)) for _, _, v in values if v is not None), Decimal(0))
    if len(values) < 2 or whole <= 0:
        return None
    chart = BarChart(tuple(label for label, _, _ in values), (BarRow("", "", tuple(text for _, text, _ in values), str(whole)),))
    listed = [
        Share(label, text, f"{(max(v or Decimal(0), Decimal(0)) / whole * 100):.1f}%", chart.class_of(i))
        for i, (label, text, v) in enumerate(values)
    ]
    return chart.bar(chart.rows[0]), listed


@dataclass(frozen=True)
class Series:
    name: str
    points: tuple[str, ...]  # one printed amount per year, '' where the year has none


def _nice_ceiling(value: Decimal) -> Decimal:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ not below `value` (an axis' top)."""
    if value <= 0:
        return Decimal(1)
    exponent = value.adjusted()
    for step in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5), Decimal(10)):
        top = step.scaleb(exponent)
        if top >= value:
            return top
    return Decimal(10).scaleb(exponent)


def trend_chart(years: list[str], series: list[Series], caption: str) -> Markup:
    """A line chart of amounts by year, with a legend and a spoken summary of every point."""
    width, height, left, right, top, bottom = 480, 220, 64, 12, 12, 48
    numbers = [[to_decimal(p) for p in s.points] for s in series]
    ceiling = _nice_ceiling(max((x for ns in numbers for x in ns if x is not None), default=Decimal(0)))
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_at(i: int) -> float:
        return left + (plot_w * (i + 0.5) / len(years) if years else 0)

    def y_at(value: Decimal) -> float:
        return top + plot_h - float(max(value, Decimal(0)) / ceiling) * plot_h  # float-ok: an SVG pixel coordinate, not an amount

    parts = [f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" stroke="#757575"/>']
    for fraction in (Decimal(0), Decimal("0.5"), Decimal(1)):
        y = y_at(ceiling * fraction)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#e0e0e0"/>')
        label = f"{(ceiling * fraction).normalize():,f}"
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#424242">{escape(label)}</text>')
    for i, year in enumerate(years):
        parts.append(f'<text x="{x_at(i):.1f}" y="{top + plot_h + 16}" text-anchor="middle" font-size="11" fill="#424242">{escape(year)}</text>')
    spoken = []
    for k, (s, ns) in enumerate(zip(series, numbers)):
        fill = colour(k)
        dash = ' stroke-dasharray="6 3"' if k % 2 else ""
        points = [(x_at(i), y_at(v)) for i, v in enumerate(ns) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{fill}" stroke-width="2.5"{dash}/>')
        for i, v in enumerate(ns):
            if v is not None:
                title = f"{years[i]}年 {s.name}：{display_amount(s.points[i])} 万元"
                parts.append(
                    f'<circle cx="{x_at(i):.1f}" cy="{y_at(v):.1f}" r="4" fill="{fill}"><title>{escape(title)}</title></circle>'
                )
        spoken.append(f"{s.name}：" + "，".join(f"{y}年 {display_amount(p)}" for y, p in zip(years, s.points) if p.strip()))
        lx = left + (k % 3) * 136
        ly = height - 14 + (k // 3) * 14 - (14 if len(series) > 3 else 0)
        parts.append(f'<rect x="{lx}" y="{ly - 9}" width="14" height="4" fill="{fill}"/>')
        parts.append(f'<text x="{lx + 18}" y="{ly - 4}" font-size="11" fill="#212121">{escape(s.name)}</text>')
    label = f"{caption}（万元）。" + "；".join(spoken)
    return Markup(
        f'<svg class="trend" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">'
        f"<title>{escape(caption)}</title>{''.join(parts)}</svg>"
    )

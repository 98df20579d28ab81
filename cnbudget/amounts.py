"""Amounts as printed → exact Decimals in 万元, and the units tables declare."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

WAN = Decimal(1)
YUAN = Decimal("0.0001")
QIAN = Decimal("0.1")  # 千元
YI = Decimal(10000)  # 亿元
_FACTORS = {"万元": WAN, "元": YUAN, "千元": QIAN, "亿元": YI}
UNIT_NAMES = {factor: unit for unit, factor in _FACTORS.items()}  # a factor to 万元 → the unit it stands for

# Full-width digits, point, comma and minus as some PDFs and web pages print them (１２３．４５).
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")

# A printed amount: 1,504.28  381.00  0  -3.5  －3.5  (1.2) is not used in these tables.
AMOUNT_RE = re.compile(r"^[-－−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_UNIT_RE = re.compile(
    r"(?:金额)?单位\s*[:：]?\s*(?P<u1>[万千亿]?元)|金额\s*[:：]\s*(?P<u2>[万千亿]?元)|[（(](?P<u3>[万千亿]?元)[）)]"
)


def parse_amount(text: str) -> Decimal | None:
    """The Decimal a printed amount cell holds, or None if it is not an amount."""
    t = text.strip().translate(_FULL_WIDTH)
    if not AMOUNT_RE.match(t):
        return None
    t = t.replace(",", "").replace("－", "-").replace("−", "-")
    try:
        return Decimal(t)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid literals
        return None


# A whole cell of one amount grouped by spaces (1 234 567.00), as tables in 元 print it: every group after the first
# of exactly three digits. Only for a cell of its own (tab layers, web pages): in a line printed as one cell,
# ``12 345.00`` may as well be a 行次 beside its amount.
SPACE_GROUPED = re.compile(r"^\d{1,3}(?: \d{3})+(?:\.\d+)?$")


def parse_cell_amount(cell: str) -> Decimal | None:
    """The Decimal a whole table cell holds (space-grouped or not), or None if it is not one amount."""
    text = cell.strip()
    return parse_amount(text.replace(" ", "") if SPACE_GROUPED.match(text) else text)


def is_amount(text: str) -> bool:
    """Whether a token reads as a printed amount."""
    return parse_amount(text) is not None


def declared_unit(text: str) -> tuple[Decimal, str] | None:
    """The factor to 万元 and the label of a unit declaration in the text (单位：元 → 0.0001, 千元 → 0.1, 亿元 → 10000)."""
    m = _UNIT_RE.search(text)
    if not m:
        return None
    unit = m.group("u1") or m.group("u2") or m.group("u3")
    return _FACTORS[unit], unit


_SHIFTS = {YUAN: -4, QIAN: -1, YI: 4}  # the power of ten each unit's factor to 万元 is


def to_wan(value: Decimal | None, factor: Decimal) -> Decimal | None:
    """The value converted exactly to 万元 (scaling by a power of ten, never rounding)."""
    if value is None:
        return None
    if factor == WAN:
        return value
    shift = _SHIFTS.get(factor)
    if shift is not None and value.is_finite():
        # Only the exponent moves: scaleb() would round to the context's 28 digits.
        sign, digits, exponent = value.as_tuple()
        return Decimal((sign, digits, int(exponent) + shift))
    return value * factor


def format_amount(value: Decimal) -> str:
    """A Decimal as a plain decimal string (no exponent), keeping its printed precision."""
    if value.is_zero():
        value = value.copy_abs()  # a printed -0.00 is 0.00: no sign, same precision
    return format(value, "f")


def printed_wan(number: str, unit: str) -> Decimal:
    """An amount as the prose prints it (``1,234.5`` and ``万元`` or ``元``) in 万元: one in 元 divided exactly, 0元 kept 0."""
    value = Decimal(number.replace(",", ""))
    return value if unit == "万元" or not value else value.scaleb(-4)

"""The rounding of figures printed in whole 万元, one rule for every check that sums them.

Prose (and a list after its 其中) often prints whole 万元, each figure rounded on its own: a sum of them
that misses its total by less than half a 万元 a figure is their rounding, and says nothing either way. A change printed
in whole 万元 beside a figure printed with decimals may be rounded too (``rounded_change_reason``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from cnbudget.checks.amounts import UP, half_unit, printed_whole

ROUNDING = Decimal("0.01")
"""What a figure printed to the cent of a 万元 may be off by its rounding: a sum may miss its total by this much a figure summed."""

WHOLE_WAN_ROUNDING = "总额和各项都按整数印出，各自四舍五入，相差不超过舍入的误差，无从判断"


def whole_wan_rounding(total: Decimal, parts: Iterable[Decimal]) -> bool:
    """Whether a total and the parts summed against it, all printed in whole 万元, differ by no more than their rounding.

    Each whole figure may stand for one up to half a 万元 away (279 for 279.4): 279 + 2626 against 2906 may
    all be right; 3 against a part of 4 may not (no two figures that round so are equal). Exactly equal,
    or any figure printed with decimals (or read from 元), is no such case.
    """
    figures = [total, *parts]
    gap = abs(total - sum(figures[1:], Decimal(0)))
    whole = all(isinstance(f.as_tuple().exponent, int) and f.as_tuple().exponent == 0 for f in figures)
    return whole and Decimal(0) < gap < Decimal("0.5") * len(figures)


def rounded_change_reason(change: Decimal, current: Decimal, direction: str, printed: Decimal, unit: str) -> str | None:
    """Why a failing change's percentage proves nothing, where the change is printed as a whole number (减少71万元) beside
    a figure printed with decimals (311.76万元) and some change from 70.5 to 71.5 gives ``printed`` %: the page rounded
    the change, not the figure (71.33 of 383.09 is 18.62%); None where it proves something (a figure printed whole too
    reads as exact, as ``half_unit`` reads every amount). Last year moves with the change (this year's ∓ it), so the
    percentages lie between the lowest change's and the highest's: 减少25万元 of 1.10 gives 95.70% to 95.88%, never 95.0%."""
    if not (printed_whole(change) and not printed_whole(current) and change > 0):
        return None
    half, sign = half_unit(current), -1 if direction in UP else 1
    low_change, high_change = change - Decimal("0.5"), change + Decimal("0.5")
    low_base, high_base = current + half + sign * low_change, current - half + sign * high_change
    if low_base <= 0 or high_base <= 0:
        return None
    exponent = printed.as_tuple().exponent
    place = Decimal(1).scaleb(exponent if isinstance(exponent, int) and exponent < 0 else 0) / 2
    if not (low_change / low_base * 100 < printed + place and high_change / high_base * 100 > printed - place):
        return None
    return f"所写增减额 {change} {unit}只印到整数，而本年数印有小数，增减额可能本身已经舍入；按它算出的幅度定不到 {printed}% 这样的末位"

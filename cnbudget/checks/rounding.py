"""The rounding of figures printed in whole 万元, one rule for every check that sums them.

Prose (and a list after its 其中) often prints whole 万元, each figure rounded on its own: a sum of them
that misses its total by less than half a 万元 a figure is their rounding, and says nothing either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

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

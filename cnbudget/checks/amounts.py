"""Printed figures compared at the precision they are printed with: amounts, percentages, and changes on last year.

A printed amount stands for any figure within half a unit of its last place (``half_unit``); a prose
figure with fewer places than a table's states it rounded (``same_at_printed_precision``); a printed
percentage agrees when figures within those ranges give it (``percent_agrees``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from cnbudget.amounts import format_amount

NUM = r"\d[\d,]*(?:\.\d+)?"
"""A printed amount in prose, thousands commas allowed (1,145.52): every check's pattern for one."""

AMOUNT_IN_YUAN_OR_WAN = re.compile(rf"(?P<n>{NUM})\s*(?P<u>万?元)")
"""An amount with its unit, 万元 or 元, as the prose prints it (231.17万元, 3,000 元): the number ``n``, the unit ``u``."""

UP = ("增加", "增长", "上升")
"""The words that state a change on last year as a rise; any other (减少, 下降, 降低) states a fall."""


_CHANGE_WORDS = "增加|减少|增长|下降|降低|上升"
OPEN = rf"(?P<alt>[（(](?:{_CHANGE_WORDS}|减)[)）]|/(?:{_CHANGE_WORDS}))?"
"""A template's other direction kept after a change's word (增加(减少), 增(减), 增长/下降): the direction is then open."""
RATE_WORD = rf"(?:(?:增长|下降|增幅|降幅|减少|增加|降低|上升)(?:[（(](?:{_CHANGE_WORDS})[)）]|/(?:{_CHANGE_WORDS}))?)"
"""The word before a change's percentage, a template's other direction kept or not (增长, 增长(下降), 增长/下降); one group, so that ``?`` after it makes all of it optional."""


def directions(direction: str, alternative: str | None) -> tuple[str, ...]:
    """The directions a change's words leave possible: its own, and the other too where a template kept both (增加(减少)).

    A rise is named 增加 and a fall 减少 in what this returns (增(减) gives both); an alternative of the same sense
    (增加(增长)) leaves the direction as printed.
    """
    word = "增加" if direction == "增" else direction
    if not alternative:
        return (word,)
    other = "减少" if alternative.strip("（()）/") == "减" else alternative.strip("（()）/")
    return (word,) if (word in UP) == (other in UP) else ("增加", "减少")


AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"  # a list's amounts are parted by commas: a thousands comma has three digits after it
AMOUNT_LIST = rf"(?:{AMOUNT})(?:\s*[，,、和]\s*(?:{AMOUNT}))*"


def listed_amounts(listed: str) -> list[Decimal]:
    """The amounts of a list printed as ``AMOUNT_LIST`` matches it (1,145.52、342), in order."""
    return [Decimal(a.replace(",", "")) for a in re.findall(AMOUNT, listed)]


def same_at_printed_precision(table: Decimal | None, prose: Decimal) -> bool:
    """Whether a prose figure states a table figure at the precision the prose prints.

    A table in 元 converts to 万元 with four decimals (243,120 元 = 24.3120 万元); prose that
    says 24.31 万元 states the same figure rounded half up, which is not a contradiction.
    Prose in whole 万元 beside a table in 元 states it rounded too (54 万元 for 537,792 元).
    Anything else, including a 0.01 difference at the prose's own precision, is one.
    """
    if table is None:
        return False
    if table == prose:
        return True
    prose_exp, table_exp = prose.as_tuple().exponent, table.as_tuple().exponent
    if not isinstance(prose_exp, int) or not isinstance(table_exp, int):
        return False
    places = -prose_exp
    # whole 万元 in the prose of a table in 元 (four places in 万元): “其他收入54万元” for 537,792 元
    whole = places == 0 and table_exp <= -4
    return (0 < places or whole) and places < -table_exp and table.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP) == prose


def half_unit(amount: Decimal) -> Decimal:
    """How far the figure behind a printed amount may lie: half a unit of its last place, at most 0.005 万元.

    Tables print 万元 with two decimals; prose that prints fewer (381 万元, 57.6 万元) drops zeros, it
    does not round further: 381 is 381.00. An amount from 元 (0.0123 万元) is nearly exact.
    """
    exponent = amount.as_tuple().exponent
    return min(Decimal("0.005"), Decimal(5).scaleb(exponent - 1)) if isinstance(exponent, int) else Decimal(0)


def percent_agrees(part: Decimal, whole: Decimal, printed: Decimal, part_spread: Decimal | None = None, whole_spread: Decimal | None = None) -> tuple[bool, Decimal, str]:
    """Whether ``printed`` % states part/whole at the places it is printed with; the share computed there; the severity if not.

    The amounts are themselves rounded: the figures behind them lie within half a unit of their last
    printed place (``half_unit``, unless the spreads are given). The percentage agrees when some share
    of figures in those ranges rounds to it, half up or half even; a part that is not the whole may be
    printed one unit below 100 (99.99% for 99.996%), and a part above 0 one unit above 0. One unit
    off in the last printed place is ``rounding``, anything more ``mismatch``.
    """
    exponent = printed.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    unit = Decimal(1).scaleb(-places)
    hp = half_unit(part) if part_spread is None else part_spread
    hw = half_unit(whole) if whole_spread is None else whole_spread
    exact = part / whole * 100
    computed = exact.quantize(unit, rounding=ROUND_HALF_UP)
    if printed in {computed, exact.quantize(unit, rounding=ROUND_HALF_EVEN)}:
        return True, computed, ""
    if (computed == 100 and 0 < part < whole and printed == 100 - unit) or (computed == 0 and part > 0 and printed == unit):
        return True, computed, ""
    low = max(part - hp, Decimal(0)) / (whole + hw) * 100
    high = (part + hp) / (whole - hw) * 100 if whole > hw else exact
    if printed - unit / 2 < high and printed + unit / 2 > low:
        return True, computed, ""  # the figures behind the printed amounts give it
    return False, computed, "rounding" if abs(computed - printed) <= unit else "mismatch"


def change_on_last_year(current: Decimal, change: Decimal, direction: str, printed: Decimal) -> tuple[Decimal, tuple[bool, Decimal, str]] | None:
    """Last year's figure a change implies (this year's ∓ the change), and whether ``printed`` % is the change over it; None below zero.

    “X 万元，比上年增加 D 万元，增长 P%”: last year is X − D (X + D for a fall), and P agrees when
    ``percent_agrees`` finds it with the change within half its last place and last year within the
    sum of both figures' halves. None when last year would be zero or less (no percentage is of it).
    """
    previous = current - change if direction in UP else current + change
    if previous <= 0:
        return None
    return previous, percent_agrees(change, previous, printed, half_unit(change), half_unit(current) + half_unit(change))


def this_year_base_note(change: Decimal, current: Decimal, printed: Decimal, unit: str = "万元") -> str | None:
    """What a failing change's percentage is where it is the change over this year's figure, not last year's; None where not.

    Called for a percentage more than one unit off (one unit off may be the rounding of either base).

    “1,145.52万元…增加342万元，增长29.86%”: 342 / 803.52 is 42.56%, and 29.86% is 342 / 1,145.52, the base written wrong.
    """
    if current <= 0 or not percent_agrees(change, current, printed, half_unit(change), half_unit(current))[0]:
        return None
    return f"所写的 {printed}% 是增减额 {format_amount(change)} {unit}除以本年数 {format_amount(current)} {unit}所得，以本年数为基数，基数写错"


def printed_whole(amount: Decimal) -> bool:
    """Whether ``amount`` was printed with no decimals (300, not 300.00): a figure that may itself be rounded to the unit."""
    exponent = amount.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= 0


def whole_number_part(amount: Decimal, base: Decimal, share: Decimal) -> bool:
    """Whether a part printed as a whole number (300 万元) gives ``share`` % once read as rounded to the unit (299.5 to 300.5).

    ``half_unit`` reads 381 as 381.00; but a share printed to two places (2.58%) of a whole-number part may be of the
    figure behind it (300 of 11654.33 is 2.574%, 300.2 of it 2.576%): the page does not say which, so it proves
    nothing. A share that no figure within half a unit gives is still wrong.
    """
    return printed_whole(amount) and amount > 0 and percent_agrees(amount, base, share, part_spread=Decimal("0.5"))[0]


def rounded_share_reason(part: Decimal, share: Decimal, severity: str, base: Decimal, run: list[tuple[Decimal, Decimal]]) -> str | None:
    """Why a failing share of a run (each part with its printed share, all of ``base``) proves nothing; None where it does.

    A part printed as a whole number (300 万元) may itself be rounded (``whole_number_part``): its share proves
    nothing where a figure within half a unit of it gives the printed share, unless the run's parts add up to the
    base exactly, which shows they are exact; or unless the run's printed shares add up to exactly 100% where the
    shares computed from the amounts do not (27.67 + 68.64 + 2.57 + 1.11 = 99.99): then the writer took the share of
    the figure behind the whole number to make the run add up, and the page still says nothing either way.
    A part printed with its decimals (411.20 of 508.20 printed 80.92% for 80.913%) is exact: moved a unit so the run
    adds up to 100% it still misstates its own share, and fails (as the hand keys read it: 888.48 of 1291.68 printed
    68.79%, “the three shares were made to add up to 100%”).
    """
    if not whole_number_part(part, base, share):
        return None
    shares = [s for _, s in run]
    computed = [percent_agrees(p, base, s)[1] for p, s in run]
    if severity == "rounding" and len(run) > 1 and sum(shares) == 100 and sum(computed) != 100:
        return f"这一组比例合计正好 100%，而按金额各自舍入的比例合计为 {sum(computed)}%；所写金额 {part} 万元只印到整数，按其舍入前的数可得 {share}%，末位是为凑足 100% 而取的，不能证明有误"
    if sum((p for p, _ in run), Decimal(0)) != base:
        return f"所写金额 {part} 万元只印到整数，可能本身已经舍入；按它算出的比例定不到 {share}% 这样的末位"
    return None

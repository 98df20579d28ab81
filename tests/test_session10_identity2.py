"""Session 10 round 2: identity fields of published pages, by kind (issue 13).

Each example is invented, in the layout of a kind of page the development sets showed; each has a
counter-case the rule must leave alone.
"""

from __future__ import annotations

from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify


def _tier(text: str) -> tuple[str, str, str]:
    i = identify(text_to_lines(text), [])
    return (i.unit_name, i.region.county if i.region else "", i.level)


def test_a_provincial_institute_named_by_its_place_is_the_provinces() -> None:
    # the province's academy's institute stands in a county: the county says where, not whose
    text = "浙江省农业科学院安吉竹子研究所2023年度部门决算\n一、收入决算情况说明\n"
    assert _tier(text) == ("浙江省农业科学院安吉竹子研究所", "安吉县", "province")


def test_a_county_body_written_after_its_province_is_the_countys() -> None:
    # counter-case: the county's name follows the province's at once: the county's own body
    text = "浙江省安吉县林业局2023年度部门决算\n一、收入决算情况说明\n"
    assert _tier(text) == ("浙江省安吉县林业局", "安吉县", "county")


def test_a_prefecture_body_in_short_form_after_its_province_is_the_prefectures() -> None:
    # counter-case: a short form (大理州) after the province is a division too, not a provincial body
    text = "云南省大理州林业和草原局2023年度部门决算\n一、收入决算情况说明\n"
    assert _tier(text) == ("云南省大理州林业和草原局", "", "city")

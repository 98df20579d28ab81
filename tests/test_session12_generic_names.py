"""Session 12 (ident24): a unit named only by its tier's generic form (县委党校, 区政协) is completed from the one full
name its page prints, or refused with what was looked for — never published as the generic form placed by a guess
(issue 13). Each page is invented."""

from __future__ import annotations

from cnbudget.model import Identity
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify
from cnbudget.recognise.refusals import region_unknown

_PAGE = """{title}2017年部门决算及编制说明
来源:{title}
一、基本职能
{body}
二、收入支出情况
2017年收入合计512.30万元,支出合计509.10万元。
"""


def _who(title: str, body: str) -> Identity:
    return identify(text_to_lines(_PAGE.format(title=title, body=body)), [])


def test_a_generic_name_is_completed_by_the_one_full_name_the_page_prints() -> None:
    i = _who("县委党校", "中共开江县委党校是县委的重要部门,在达州市委党校的指导下开展培训。")
    assert i.unit_name == "中共开江县委党校"
    assert i.region is not None and (i.region.city, i.region.county) == ("达州市", "开江县")
    assert i.level == "county"


def test_a_generic_name_the_page_never_prints_in_full_is_refused_and_says_what_was_looked_for() -> None:
    i = _who("县委党校", "县委党校是县委的重要部门,在达州市委党校的指导下开展培训。")
    assert i.unit_name == "县委党校" and i.region is None and i.level == ""  # refused as region-unknown, never placed in 达州市
    assert "only its tier, 县 (县委党校" in region_unknown(i) and "it prints none" in i.looked_for


def test_a_generic_name_printed_in_full_for_two_divisions_is_refused() -> None:
    i = _who("县委党校", "开江县委党校与宣汉县委党校联合开展调研。")
    assert i.region is None
    assert "more than one (宣汉县委党校、开江县委党校)" in i.looked_for


def test_a_generic_name_not_printed_in_full_is_placed_where_the_page_names_a_division_of_its_tier() -> None:
    # 区直工委 expands to 宣州区直属机关工作委员会, which ends otherwise: placed in 宣州区, the district its page names
    i = _who("区直工委", "中共宣城市宣州区直属机关工作委员会贯彻落实宣州区委的部署。宣州区于2016年实行公车改革。")
    assert i.region is not None and i.region.county == "宣州区" and i.level == "county"


def test_a_name_that_opens_with_its_division_is_not_generic_and_stays() -> None:
    i = _who("开江县委党校", "开江县委党校是县委的重要部门。")
    assert i.unit_name == "开江县委党校" and i.level == "county"


def test_a_city_tier_generic_is_not_completed_by_a_countys_name() -> None:
    # 开江县委党校 ends in 县委党校, not 市委党校: only 达州市委党校 completes 市委党校
    i = _who("市委党校", "达州市委党校指导开江县委党校开展培训。")
    assert i.unit_name == "达州市委党校" and i.level == "city"


_HALL = """2013年度{name}部门决算公开
一、{name}概况
{name}于2009年11月16日开馆,为全供事业单位,现有人员编制75人。
二、部门决算情况说明
经费总收入4089.45万元,总支出4826.3万元。
"""


def test_a_hall_named_by_china_whose_page_says_not_whose_it_is_is_not_taken_as_central() -> None:
    i = identify(text_to_lines(_HALL.format(name="中国文字博物馆")), [])
    assert i.level != "central" and i.region is None
    assert "opens with 中国" in i.looked_for


def test_a_body_named_by_china_that_is_no_hall_stays_central() -> None:
    for name in ("中国资产评估协会", "中国国家博物馆"):
        i = identify(text_to_lines(_HALL.format(name=name)), [])
        assert i.level == "central", name


def test_a_hall_named_by_china_is_placed_where_its_page_says_it_stands() -> None:
    page = _HALL.format(name="中国文字博物馆") + "中国文字博物馆位于河南省安阳市,由河南省人民政府管理。\n"
    i = identify(text_to_lines(page), [])
    assert i.region is not None and i.region.province == "河南省"


_SECTIONS = """{title}
一、工作职责
为丧属提供遗体接送服务。
四、2021年收支预算
(一)收入预算
2021年单位预算收入511.97万元,其中:一般公共预算拨款212.97万元。
(二)支出预算
2021年单位预算支出511.97万元。
"""


def test_a_numbered_heading_run_on_into_its_sentence_gives_no_scope() -> None:
    i = identify(text_to_lines(_SECTIONS.format(title="沅江市殡仪馆2021年部门预算说明")), [])
    assert (i.unit_name, i.scope) == ("沅江市殡仪馆", "department")


def test_a_title_that_says_unit_keeps_its_scope() -> None:
    i = identify(text_to_lines(_SECTIONS.format(title="沅江市殡仪馆2021年单位预算说明")), [])
    assert (i.unit_name, i.scope) == ("沅江市殡仪馆", "unit")


def test_a_title_naming_the_tier_of_its_form_after_the_unit_names_the_unit() -> None:
    # 2016年X省级部门决算: 省级部门决算 is the province's form every body fills, 省级 no part of the name
    i = identify(text_to_lines("2016年封开县人民法院省级部门决算基本情况说明\n一、部门基本情况\n我院设办公室。\n"), [])
    assert (i.unit_name, i.level) == ("封开县人民法院", "county")


def test_a_name_ending_in_a_tier_word_of_its_own_is_kept() -> None:
    # 省级 is stripped only where what is left reads as a unit's name: 2016年度省级部门决算 names no unit
    i = identify(text_to_lines("2016年度省级部门决算\n一、部门基本情况\n我院设办公室。\n"), [])
    assert i.unit_name == ""


_NO_FUND = """一、部门基本情况
贯彻执行党的路线方针政策,促进全乡经济社会发展。
二、部门收支总体情况
2023年一般公共预算财政拨款收入1643.29万元,项目支出690.79万元。 {sentence}
"""


def test_a_sentence_saying_the_unit_had_no_such_money_names_the_unit() -> None:
    i = identify(text_to_lines(_NO_FUND.format(sentence="重庆市涪陵区武陵山乡人民政府(本级)2023年无使用政府性基金预算拨款安排的支出。")), [])
    assert i.unit_name == "重庆市涪陵区武陵山乡人民政府" and i.level == "township"
    assert i.region is not None and i.region.county == "涪陵区"


def test_a_sentence_of_the_pages_own_body_having_no_such_money_names_no_unit() -> None:
    i = identify(text_to_lines(_NO_FUND.format(sentence="本单位2023年无使用政府性基金预算拨款安排的支出。")), [])
    assert i.unit_name == ""


def test_a_both_years_three_public_table_title_gives_the_later_years_budget() -> None:
    page = "附:雅安市国土资源局 “三公”经费2011年决算和2012年预算情况表\n项目 | 2011年决算(万元) | 2012年预算(万元) |\n公务接待费 | 43.75 | 44.58 |\n"
    i = identify(text_to_lines(page), [])
    assert (i.unit_name, i.fiscal_year, i.kind) == ("雅安市国土资源局", 2012, "budget")


def test_a_three_public_table_of_one_years_accounts_is_no_both_years_title() -> None:
    page = "附:雅安市国土资源局 “三公”经费2011年决算情况表\n项目 | 2011年决算(万元) |\n公务接待费 | 43.75 |\n"
    i = identify(text_to_lines(page), [])
    assert i.fiscal_year != 2012


def test_a_page_naming_only_its_township_says_the_county_is_missing() -> None:
    page = "现将焦石镇2020年度“三公”经费决算情况公布如下:\n2020年度“三公”经费41万元,主要是我镇严控一般性支出。\n"
    i = identify(text_to_lines(page), [])
    assert i.unit_name == "" and "township 焦石镇" in i.looked_for and "no county" in i.looked_for
    other = identify(text_to_lines("2020年度“三公”经费41万元,主要是本镇严控一般性支出。\n"), [])
    assert "township" not in other.looked_for


def _cells_then(sentence: str, cells: int) -> str:
    return "單位:萬元\n" + "|\n行政经费\n|\n312.23\n" * cells + sentence + "\n"


def test_a_three_public_sentence_after_a_table_laid_one_cell_a_line_gives_the_year() -> None:
    i = identify(text_to_lines(_cells_then("2019年本部门财政拨款安排“三公”经费29万元,比上年增加0.5万元。", 20)), [])
    assert (i.unit_name, i.fiscal_year) == ("", 2019)  # unit-unknown, not not-a-disclosure
    assert "本部门" in i.looked_for


def test_a_three_public_sentence_after_sixty_worded_lines_gives_no_year() -> None:
    page = "".join(f"第{k}行说明文字\n" for k in range(61)) + "2019年本部门财政拨款安排“三公”经费29万元。\n"
    assert identify(text_to_lines(page), []).fiscal_year is None

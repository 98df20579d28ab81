"""Session 14 (lead): what the fresh set holdout16 showed on its first measure, by kind — a democratic party's local
committee names its division after the party's name; a body names itself in its 单位构成 sentence (X由机关本级构成)
and after its short names (X(简称:…)是…); a “三公” page names its body in the sentence of the units its spending
covers; a district's 街道 in short form (江汉区民意街); and a template's blank count (行政人, 共 台) is a remnant.
Each page is invented, a few lines in the style of the pages it stands for; each rule has its counter-case."""

from __future__ import annotations

from cnbudget.checks.remnants import check_placeholders_filled
from cnbudget.model import Evidence, Identity
from cnbudget.official.central import ministry_body
from cnbudget.official.regions import starts_with_division
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify, is_unit_name

from .checks.conftest import run


def _who(text: str) -> Identity:
    return identify(text_to_lines(text), [])


def _place(i: Identity) -> tuple[str, str, str] | None:
    return None if i.region is None else (i.region.province, i.region.city, i.region.county)


_PARTY = """一、基本情况
(一)部门主要职能
{duties}
(二)部门预算单位构成
{scope}
二、收支预算情况
2019年部门预算总收入420.50万元。其中:财政拨款收入410.50万元,其他收入10万元。
"""


def test_a_democratic_partys_local_committee_is_placed_by_the_division_after_the_partys_name() -> None:
    assert starts_with_division("中国民主促进会长沙市委员会") and starts_with_division("民进长沙市委")
    assert not starts_with_division("中国民主促进会章程")  # the party's name alone places nothing
    page = _PARTY.format(duties="中国民主促进会长沙市委员会(简称:民进长沙市委)是市级民进组织。", scope="中国民主促进会长沙市委员会由机关本级构成,其中:行政单位1个。")
    i = _who(page)
    assert i.unit_name == "中国民主促进会长沙市委员会" and _place(i) == ("湖南省", "长沙市", "") and i.level == "city"


def test_a_body_names_itself_in_its_scope_sentence_and_before_its_short_names() -> None:
    # each sentence alone names the unit: the 单位构成 sentence, and the duties sentence after its (简称…)
    i = _who(_PARTY.format(duties="负责全市会员的组织建设。", scope="中国民主促进会长沙市委员会由机关本级构成。"))
    assert i.unit_name == "中国民主促进会长沙市委员会"
    i = _who(_PARTY.format(duties="中国民主促进会长沙市委员会(简称:民进长沙市委、长沙民进)是市级民进组织。", scope="本部门只有本级。"))
    assert i.unit_name == "中国民主促进会长沙市委员会"
    # counter-case: 由于 is no 由…构成
    i = _who(_PARTY.format(duties="负责全市会员的组织建设。", scope="长沙市财政局由于机构改革,本年不再单列。"))
    assert i.unit_name == ""
    # the sentence under the duties heading names the committee in full, never cut at its 委 (中国民主促进会长沙市委 / 员会)
    i = _who(_PARTY.format(duties="中国民主促进会长沙市委员会带领全市会员开展会务活动。", scope="本部门只有本级。"))
    assert i.unit_name == "中国民主促进会长沙市委员会"


_THREE_PUBLIC = """2015年“三公”经费财政拨款预算情况说明
一、“三公”经费的单位范围
{sentence}
二、2015年“三公”经费财政拨款预算情况
2015年部门财政拨款资金安排“三公”经费预算7.99万元。其中:公务接待费3.10万元,公务用车运行维护费4.89万元。
"""


def test_a_three_public_page_names_its_body_in_the_sentence_of_the_units_its_spending_covers() -> None:
    sentence = "江汉区中国共产党武汉市江汉区委员会党校 因公出国(境)费、公务接待费、公务用车购置及运行维护费开支单位包括本级及下属 1 个事业单位。"
    i = _who(_THREE_PUBLIC.format(sentence=sentence))
    # the site's label of its district before the party's full name is no part of the school's name
    assert i.unit_name == "中国共产党武汉市江汉区委员会党校" and _place(i) == ("湖北省", "武汉市", "江汉区") and i.level == "county"
    i = _who(_THREE_PUBLIC.format(sentence="深圳市福田区民政局因公出国(境)费用、公务接待费、公务用车购置和运行维护费开支单位包括本级2家单位。"))
    assert i.unit_name == "深圳市福田区民政局"
    # counter-cases: the sentence of a body the page does not place (本单位), and a division alone before the words
    assert _who(_THREE_PUBLIC.format(sentence="本单位因公出国(境)费、公务接待费开支单位包括本级。")).unit_name == ""
    assert _who(_THREE_PUBLIC.format(sentence="江汉区因公出国(境)费、公务接待费开支单位包括区直各单位。")).unit_name == ""


def test_a_districts_subdistrict_in_short_form_is_a_township_body() -> None:
    assert is_unit_name("江汉区民意街") and is_unit_name("武汉市硚口区汉中街")
    # counter-cases: a street, and a X街 with no district's name before it
    assert not is_unit_name("江汉区解放大街") and not is_unit_name("江汉区步行街") and not is_unit_name("民意街")
    page = "江汉区民意街2015年“三公”经费财政拨款预算情况补充说明\n一、“三公”经费的单位范围\n江汉区民意街因公出国(境)费、公务接待费、公务用车购置及运行维护费开支单位包括街本级1个行政单位。\n"
    i = _who(page)
    assert i.unit_name == "江汉区民意街" and _place(i) == ("湖北省", "武汉市", "江汉区") and i.level == "township"


def test_a_count_the_template_left_blank_is_a_remnant_once_a_sentence() -> None:
    prose = "在职实有人数6人,其中:行政人,事业6人。截至2014年底本单位公务用车辆共 台。包干(差额)编制 人、自筹编制 人。"
    rows = run(check_placeholders_filled, evidence=Evidence(prose=prose))
    assert [r["status"] for r in rows] == ["fail"] * 3 and "行政人" in rows[0]["detail"] and "共 台" in rows[1]["detail"]
    # counter-cases: counts that are printed, and words that end so (行政人员, 公共台账)
    filled = "在职实有人数6人,其中:行政0人,事业6人。公务用车共5台。行政人员6人。公共台账已建立。"
    assert run(check_placeholders_filled, evidence=Evidence(prose=filled)) == []


def test_a_unit_under_a_ministry_named_with_the_ministry_first_is_central_wherever_its_name_places_it() -> None:
    for title in ("水利部长江水利委员会2021年单位预算", "农业农村部南京农业机械化研究所2021年单位预算", "财政部驻江苏省财政监察专员办事处2018年部门预算"):
        i = _who(title + "\n一、单位概况\n2021年收入预算合计512.30万元。\n")
        assert (i.region, i.level) == (None, "central"), title
    # counter-cases: a county whose name holds a ministry's word is that county's, and a sector's 部门 no ministry
    i = _who("南部县财政局2021年部门预算\n一、部门概况\n2021年收入预算合计512.30万元。\n")
    assert _place(i) == ("四川省", "南充市", "南部县") and i.level == "county"
    assert not ministry_body("教育部门管理中心") and not ministry_body("水利部")


_BODY = "\n一、部门概况\n（一）主要职责\n负责全市教育工作。\n二、收支预算总体情况\n收入预算合计512.30万元，支出预算合计512.30万元。\n"


def test_a_titles_year_in_chinese_numerals_or_bracketed_after_the_kind_is_the_titles_year() -> None:
    for title, year, kind in (("岳阳市教育局二〇二一年部门预算", 2021, "budget"), ("岳阳市教育局二○二○年度部门决算", 2020, "final_account"), ("岳阳市教育局部门决算（2020年度）", 2020, "final_account"), ("二〇二一年\n岳阳市教育局部门预算", 2021, "budget")):
        i = _who(title + _BODY)
        assert (i.unit_name, i.fiscal_year, i.kind) == ("岳阳市教育局", year, kind), title
    # counter-case: numerals of no year this century's pages print (一九九八) are not read as one
    assert _who("岳阳市教育局一九九八年部门预算" + _BODY).fiscal_year is None

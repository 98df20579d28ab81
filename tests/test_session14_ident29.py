"""Session 14 (ident29): kinds of first pages a probe of invented pages found refused or misread, in no set — a header
that prints the unit's code before its name (部门：101001 X局) or labels it 填报单位/公开单位; a State Council
administration's office (国家税务总局岳阳市税务局) and a customs house (长沙海关), central wherever they stand; a national
new area's body (雄安新区管理委员会), which no division list holds and whose name hides a county's short form (安新); a
city's high-tech zone under the State Council's long name (武汉东湖新技术开发区); districts, prefectures and 地区 of the
document's year that have since gone (北京市崇文区 in 2009, the prefecture 巢湖市 in 2010, 襄樊市, 毕节地区); a title cut
over three lines around its year; a department's summed tables tagged （汇总）; a 财务决算; the 新疆生产建设兵团's bodies.
Each page is invented, a few lines in the style of the pages it stands for; each rule has its counter-case."""

from __future__ import annotations

from cnbudget.model import Identity
from cnbudget.official.central import ministry_body
from cnbudget.official.new_areas import new_area_region
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify
from cnbudget.recognise.ids import unit_slug

_BODY = "\n一、部门概况\n（一）主要职责\n负责本行业的管理工作。\n二、收支预算总体情况\n收入预算合计512.30万元，支出预算合计512.30万元。\n"


def _who(first: str) -> Identity:
    return identify(text_to_lines(first + _BODY), [])


def _place(i: Identity) -> tuple[str, str, str] | None:
    return None if i.region is None else (i.region.province, i.region.city, i.region.county)


def test_a_header_names_its_unit_after_the_units_code_and_under_the_labels_of_forms() -> None:
    for header in ("部门：101001 岳阳市教育局", "部门名称：101001岳阳市教育局", "单位：[101001]岳阳市教育局", "部门：101-岳阳市教育局",
                   "填报单位：岳阳市教育局", "公开单位：岳阳市教育局", "部门：岳阳市教育局（汇总）"):
        i = _who("2021年部门预算公开\n" + header + "\n单位：万元")
        assert (i.unit_name, _place(i)) == ("岳阳市教育局", ("湖南省", "岳阳市", "")), header
    # the amount unit's line and a year after the label name no unit
    assert _who("2021年部门预算公开\n单位：万元\n部门：2021年度部门预算").unit_name == ""


def test_an_administrations_office_and_a_customs_house_are_central_wherever_they_stand() -> None:
    for name in ("国家税务总局岳阳市税务局", "国家税务总局湖南省税务局", "国家外汇管理局湖南省分局", "长沙海关", "中华人民共和国黄埔海关"):
        i = _who(name + "2021年部门预算")
        assert (i.unit_name, i.region, i.level) == (name, None, "central"), name
    # ids keep the offices apart (the city's and the county's bureau of one place name)
    assert unit_slug("国家税务总局岳阳市税务局", None) != unit_slug("国家税务总局岳阳县税务局", None)
    # the administration's name alone, a 国家级 reserve of a province, a 海关 inside a name, a city's own bureau: none of these
    assert not ministry_body("国家税务总局") and not ministry_body("湖南省国家级自然保护区管理局") and not ministry_body("岳阳市海关路小学")
    i = _who("岳阳市税务局2021年部门预算")
    assert _place(i) == ("湖南省", "岳阳市", "") and i.level == "city"


def test_a_national_new_areas_body_lies_where_the_areas_list_places_it_not_in_a_county_its_name_hides() -> None:
    assert _place(_who("雄安新区管理委员会2021年部门预算")) == ("河北省", "", "")
    assert _place(_who("河北雄安新区管理委员会2021年部门预算")) == ("河北省", "", "")  # not 保定市安新县 (安新 of 雄安新区)
    assert _place(_who("贵安新区管理委员会2021年部门预算")) == ("贵州省", "", "")
    assert _place(_who("湖南湘江新区管理委员会2021年部门预算")) == ("湖南省", "长沙市", "")
    assert _place(_who("河北雄安新区容城县财政局2021年部门预算")) == ("河北省", "保定市", "容城县")  # a county inside it
    # a 江北新区 written with another city than the area's own is no listed area's; a county named alone is that county
    assert new_area_region("重庆市江北新区管委会") is None
    assert _place(_who("安新县财政局2021年部门预算")) == ("河北省", "保定市", "安新县")


def test_a_citys_high_tech_zone_under_its_long_name_is_the_citys() -> None:
    assert _place(_who("武汉东湖新技术开发区管理委员会2021年部门预算")) == ("湖北省", "武汉市", "")
    assert _place(_who("成都高新技术产业开发区管理委员会2021年部门预算")) == ("四川省", "成都市", "")
    # a short form before what is no zone and no county's body places nothing
    assert _who("太湖流域管理局2021年部门预算").region is None


def test_a_division_gone_since_is_the_one_of_the_documents_year() -> None:
    i = _who("北京市崇文区教育委员会2009年部门预算")
    assert _place(i) == ("北京市", "", "崇文区") and i.level == "county"
    assert _place(_who("上海市闸北区财政局2014年部门预算")) == ("上海市", "", "闸北区")
    assert _place(_who("襄樊市财政局2009年部门预算")) == ("湖北省", "襄樊市", "")
    assert _place(_who("毕节地区财政局2010年部门预算")) == ("贵州省", "毕节地区", "")
    # the prefecture 巢湖市 of 2010 is no county of 合肥市 (the county-level 巢湖市 took its name in 2011)
    assert _place(_who("巢湖市财政局2010年部门预算")) == ("安徽省", "巢湖市", "")
    # counter-cases: after the change, today's divisions only
    assert _place(_who("巢湖市财政局2013年部门预算")) == ("安徽省", "合肥市", "巢湖市")
    assert _place(_who("北京市崇文区教育委员会2012年部门预算")) != ("北京市", "", "崇文区")
    assert _who("襄樊市财政局2012年部门预算").region is None


def test_a_title_cut_around_its_year_over_three_lines_names_its_unit() -> None:
    i = _who("岳阳市教育局\n2021\n年部门预算")
    assert (i.unit_name, i.fiscal_year) == ("岳阳市教育局", 2021)
    # a year on its own line under a whole title is left alone
    assert _who("岳阳市教育局2021年部门预算\n2021").unit_name == "岳阳市教育局"


def test_a_departments_summed_tables_tagged_after_its_name_are_the_departments() -> None:
    i = _who("岳阳市教育局（汇总）2021年部门预算")
    assert (i.unit_name, i.scope) == ("岳阳市教育局", "department")
    i = _who("岳阳市教育局（本级）2021年部门预算")  # the unit's own level stays the unit's
    assert (i.unit_name, i.scope) == ("岳阳市教育局（本级）", "unit")


def test_a_financial_final_account_is_a_final_account() -> None:
    i = _who("岳阳市教育局2020年度财务决算")
    assert (i.unit_name, i.kind, i.fiscal_year) == ("岳阳市教育局", "final_account", 2020)
    assert _who("岳阳市教育局2021年部门预算\n上年财务决算数为500万元").kind == "budget"


def test_the_corps_bodies_lie_in_xinjiang_and_a_division_of_it_only_with_its_city() -> None:
    i = _who("新疆生产建设兵团财政局2021年部门预算")
    assert _place(i) == ("新疆维吾尔自治区", "", "") and i.level == "province"
    i = _who("新疆生产建设兵团第八师2021年部门预算")
    assert i.unit_name == "新疆生产建设兵团第八师" and i.region is None and "第八师" in i.looked_for
    assert _place(_who("第八师石河子市财政局2021年部门预算")) == ("新疆维吾尔自治区", "", "石河子市")
    assert _who("岳阳市教育局2021年部门预算\n教师培训费20万元").unit_name == "岳阳市教育局"  # 师 of 教师 is no division


def test_a_new_areas_part_in_one_city_is_that_citys() -> None:
    # 天府新区 spans 成都 and 眉山: the short form before it says whose part the body is in
    assert _place(_who("眉山天府新区北斗小学2023年单位决算")) == ("四川省", "眉山市", "")
    assert _place(_who("四川天府新区管理委员会2021年部门预算")) == ("四川省", "", "")


def test_a_banners_or_prefectures_customary_short_name_places_it_unless_another_division_bears_it() -> None:
    assert _place(_who("科右前旗教育局2021年部门预算")) == ("内蒙古自治区", "兴安盟", "科尔沁右翼前旗")
    assert _place(_who("东乌旗财政局2021年部门预算")) == ("内蒙古自治区", "锡林郭勒盟", "东乌珠穆沁旗")
    assert _place(_who("博州财政局2021年部门预算")) == ("新疆维吾尔自治区", "博尔塔拉蒙古自治州", "")
    # 巴州 is 巴音郭楞蒙古自治州's and 巴中市巴州区's: alone it places nothing, and the refusal says both
    i = _who("巴州财政局2021年部门预算")
    assert i.region is None and "巴音郭楞蒙古自治州" in i.looked_for and "巴州区" in i.looked_for
    assert _place(_who("巴中市巴州区财政局2021年部门预算")) == ("四川省", "巴中市", "巴州区")
    assert _place(_who("巴州库尔勒市财政局2021年部门预算")) == ("新疆维吾尔自治区", "巴音郭楞蒙古自治州", "库尔勒市")


def test_a_three_public_page_titled_with_about_after_its_unit_names_it() -> None:
    i = _who("岳阳市教育局关于2020年度“三公”经费决算公开的说明")
    assert (i.unit_name, i.fiscal_year, i.kind) == ("岳阳市教育局", 2020, "final_account")
    # a sentence that names no unit before 关于 names none
    assert _who("现将关于2020年度“三公”经费决算公开的说明如下").unit_name == ""

"""Identity layouts the sixth held-out set showed (issue 13, session 9), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/holdout6 holds, cut to what each rule
reads, with invented units (names and figures changed where the rule does not depend on them);
expected values are read from those lines by a person. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.model import Line
from cnbudget.recognise.identify import identify, is_unit_name
from tests.conftest import region_of


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. Precision: a township's name is not the county of the same short name


def test_a_place_the_page_names_as_a_township_is_not_the_county_of_that_short_name() -> None:
    # 马关 is a county of 云南 (马关县), and also a town of 甘肃 (马关镇): the page says 马关镇中心卫生院
    text = ("马关卫生院2021年度部门决算公开说明", "(二)机构设置情况", "马关镇中心卫生院现有职工19人。")
    found = identify(lines(*text), [])
    assert found.unit_name == "马关卫生院"
    assert found.region is None  # refused as region-unknown, never published in 云南 马关县
    # a bare place's health centre is a township's, even where the page never prints the town
    assert identify(lines(text[0]), []).region is None


def test_a_county_s_own_body_in_short_form_is_still_placed() -> None:
    # counter-case: 杜集 + 经济开发区 is the short form of 杜集区's zone, and the page names no town 杜集镇
    found = identify(lines("杜集经济开发区管委会2021年部门预算", "一、主要职能"), [])
    assert region_of(found) == ("安徽省", "淮北市", "杜集区")
    found = identify(lines("马关县卫生健康局2021年部门决算", "一、主要职能"), [])
    assert region_of(found) == ("云南省", "文山壮族苗族自治州", "马关县")


# 2. A title whose year stands between the government and its unit


def test_a_title_with_the_year_after_the_government_names_the_unit_with_its_government() -> None:
    # 雷州市2018年龙门镇人民政府部门预算的批复 (invented: 遂溪县, 城月镇)
    found = identify(lines("遂溪县2018年城月镇人民政府部门预算的批复", "一、收入预算712.99万元"), [])
    assert found.unit_name == "遂溪县城月镇人民政府"
    assert region_of(found) == ("广东省", "湛江市", "遂溪县")
    assert found.fiscal_year == 2018
    # a “三公” table's title of the same kind: 岳阳县2015年度移民局“三公”经费决算情况表 (invented: 华容县 档案局)
    found = identify(lines("华容县2015年度档案局“三公”经费决算情况表", "单位:万元"), [])
    assert found.unit_name == "华容县档案局"
    assert (found.fiscal_year, found.kind) == (2015, "final_account")


def test_a_government_s_title_with_its_year_inside_names_no_unit() -> None:
    # counter-cases: the approval's heading names only the government; a tier title stays a tier title
    assert identify(lines("遂溪县2018年部门预算的批复", "一、收入预算712.99万元"), []).unit_name == ""
    assert identify(lines("遂溪县2018年市级单位预算", "一、收入预算712.99万元"), []).unit_name == ""


# 3. 部门综合预算: a title of all the unit's funds


def test_a_title_of_the_unit_s_comprehensive_budget_names_the_unit() -> None:
    found = identify(lines("中共青川县委县人民政府接待办公室2019年部门综合预算编制情况说明", "一、基本情况"), [])
    assert found.unit_name == "中共青川县委县人民政府接待办公室"
    assert region_of(found) == ("四川省", "广元市", "青川县")
    assert (found.fiscal_year, found.kind) == (2019, "budget")


def test_a_comprehensive_budget_sentence_of_a_government_is_no_title() -> None:
    # counter-case: 综合 before the year's kind in a sentence of the government's money names no unit
    found = identify(lines("青川县2019年财政综合预算收入安排如下", "一、基本情况"), [])
    assert found.unit_name == ""


# 4. Short names of units: a township's government, a 学区, an office in short form (接待办)


def test_short_unit_names_the_pages_print_are_units() -> None:
    assert is_unit_name("襄州区双沟镇政府")
    assert is_unit_name("甘谷县大石学区")
    assert is_unit_name("韶关市接待办")
    found = identify(lines("2025年襄州区双沟镇政府预算公开说明", "一、单位主要职责"), [])
    assert found.unit_name == "襄州区双沟镇政府"
    assert region_of(found) == ("湖北省", "襄阳市", "襄州区")
    assert found.level == "township"


def test_a_government_or_a_district_alone_is_no_unit() -> None:
    # counter-cases: a bare 政府 (a government's own budget), a 区 that is no 学区, a bare 办
    assert not is_unit_name("襄州区政府")
    assert not is_unit_name("甘谷县城区")
    assert not is_unit_name("韶关市承办")


# 5. A page with no title: the sentence under its duties heading opens with the unit's name


def test_the_subject_under_the_duties_heading_names_a_page_without_a_title() -> None:
    text = ("第一部分 概况", "一、部门主要职责", "芮城县植树绿化服务中心贯彻落实全民义务植树的组织工作。",
            "第三部分 2019年度部门决算情况说明", "本年收入合计32.36万元")
    found = identify(lines(*text), [])
    assert found.unit_name == "芮城县植树绿化服务中心"
    assert region_of(found) == ("山西省", "运城市", "芮城县")
    # after a label: 1、职能职责 / 主要负责:X是…
    found = identify(lines("一、部门基本概况", "1、职能职责", "主要负责:岳阳市君山区疾病预防控制中心是全额拨款事业单位。", "2018年部门预算收入120.71万元"), [])
    assert found.unit_name == "岳阳市君山区疾病预防控制中心"


def test_a_sentence_under_the_duties_heading_that_opens_with_no_division_names_no_unit() -> None:
    # counter-cases: 本中心 / 我单位 name no unit; a name that runs on (县人民政府办公室) is not cut at 县人民政府
    assert identify(lines("一、部门主要职责", "本中心贯彻落实全民义务植树的组织工作。", "2019年度部门决算"), []).unit_name == ""
    found = identify(lines("一、主要职责", "芮城县人民政府办公室负责县政府日常工作。", "2019年度部门决算"), [])
    assert found.unit_name == "芮城县人民政府办公室"


# 6. The sentence of the budget's units names the unit of a page whose title names none


def test_the_sentence_of_the_budget_s_units_names_the_unit() -> None:
    # 岳阳楼区残疾人联合会2019年资金信息 / 我单位纳入2019年部门预算编制范围的有X机关本级 (invented: 君山区文联)
    text = ("君山区文学艺术界联合会2019年资金信息", "一、部门预算单位构成", "我单位纳入2019年部门预算编制范围的有君山区文联机关本级。")
    found = identify(lines(*text), [])
    assert found.unit_name == "君山区文联"
    assert region_of(found) == ("湖南省", "岳阳市", "君山区")
    # counter-case: 本单位 in its place names no unit
    assert identify(lines(text[0], text[1], "我单位纳入2019年部门预算编制范围的有本单位机关本级。"), []).unit_name == ""


# 7. A short form of a city and of a county inside it places the body in the city


def test_a_short_form_of_a_city_and_its_county_places_the_body_in_the_city() -> None:
    # 岳阳 is the short form of 岳阳市 and of 岳阳县 (in 岳阳市): the zone's body is in 岳阳市 at least
    found = identify(lines("岳阳经济技术开发区党工委宣传部2018年部门预算", "一、主要职能"), [])
    assert region_of(found) == ("湖南省", "岳阳市", "")


def test_a_short_form_of_two_unrelated_divisions_places_nothing() -> None:
    # counter-case: 朝阳 is a district of 北京 and a city of 辽宁, neither inside the other
    found = identify(lines("朝阳经济技术开发区宣传部2018年部门预算", "一、主要职能"), [])
    assert found.region is None


# 8. A township's body placed only in its province: the city its page names inside that province


def test_a_township_s_body_is_placed_in_the_city_its_page_names_inside_its_province() -> None:
    # 刘堡镇卫生院: the page names 甘肃省 twice and cites 天水市's rules once (invented: 龙山镇卫生院)
    text = ("龙山镇卫生院2021年度部门决算公开说明", "根据甘肃省财政厅要求,", "按照天水市财政局的规定,", "依据甘肃省卫生健康委员会文件。")
    found = identify(lines(*text), [])
    assert region_of(found) == ("甘肃省", "天水市", "")
    assert found.level == "township"


def test_a_city_of_another_province_does_not_place_a_township_s_body() -> None:
    # counter-case: the only city the page names lies in another province (a rule it cites from elsewhere); placed in
    # 甘肃省 alone, a township's body is refused since session 13 (ident25: its id would be any same-named township's)
    text = ("龙山镇卫生院2021年度部门决算公开说明", "根据甘肃省财政厅要求,", "参照杭州市的做法,", "依据甘肃省卫生健康委员会文件。")
    found = identify(lines(*text), [])
    assert region_of(found) is None and "found only its province, 甘肃省" in found.looked_for


# 9. A congress the body describes is not the unit where its standing committee is named


def test_the_standing_committee_not_the_congress_is_the_unit() -> None:
    text = ("第一部分:部门概况", "一、主要职能", "兴宁区人民代表大会是兴宁区地方国家权力机关。", "兴宁区人大常委会下设办公室、法制工作委员会。")
    found = identify(lines(*text), [])
    assert found.unit_name == "兴宁区人大常委会"
    assert region_of(found) == ("广西壮族自治区", "南宁市", "兴宁区")


def test_a_congress_named_alone_stays_the_unit() -> None:
    # counter-case: no standing committee is named, the congress the body names is kept
    text = ("第一部分:部门概况", "一、主要职能", "兴宁区人民代表大会是兴宁区地方国家权力机关。", "2017年部门预算收入507.37万元")
    assert identify(lines(*text), []).unit_name == "兴宁区人民代表大会"


def test_the_list_of_the_budget_s_units_names_the_first_level_unit() -> None:
    text = ("一、部门预算单位构成", "1.101 兴宁区人大常委会办公室(一级预算单位)", "2. 101001 兴宁区人大常委会办公室本级(二级预算单位)", "2017年部门预算收入507.37万元")
    found = identify(lines(*text), [])
    assert found.unit_name == "兴宁区人大常委会办公室"
    # counter-case: a second-level unit's line alone names no unit (the department is the first level)
    assert identify(lines(text[0], text[2], text[3]), []).unit_name == ""

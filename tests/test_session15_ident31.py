"""Session 15 (ident31): bodies of every kind of the country, probed with invented first pages
(benchmarks/probe_identity.py) — banners and a prefecture by their customary short names (科右中旗, 阿左旗, 达茂旗, 莫旗,
土右旗, 克州); a high-tech zone named by a landmark that is also a district's short form (东湖高新区: 武汉's, though
南昌 has a 东湖区); a college named by a short form alone whose page prints where it stands but not whose it is (湖南大学
is central, 汕头大学医学院 the province's: placed where it stands, its level left unknown), and the approval of its
budget it cites (《陕西省教育厅关于2016年部门预算批复的通知》: the province's); a body named by 自治区 or 盟 alone whose
page prints its full name (自治区外事办公室: 广西壮族自治区外事办公室). Each page is invented; each rule has its counter-case."""

from __future__ import annotations

from cnbudget.model import Identity
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify, merge_identities

_BODY = "\n一、部门概况\n（一）主要职责\n负责本行业的管理工作。\n二、收支预算总体情况\n收入预算合计512.30万元，支出预算合计512.30万元。\n"


def _who(first: str) -> Identity:
    return identify(text_to_lines(first + _BODY), [])


def _place(i: Identity) -> tuple[str, str, str] | None:
    return None if i.region is None else (i.region.province, i.region.city, i.region.county)


def test_a_banner_or_prefecture_signing_with_its_sourced_short_name_is_placed() -> None:
    assert _place(_who("科右中旗财政局2021年部门预算")) == ("内蒙古自治区", "兴安盟", "科尔沁右翼中旗")
    assert _place(_who("阿左旗教育局2021年部门预算")) == ("内蒙古自治区", "阿拉善盟", "阿拉善左旗")
    assert _place(_who("达茂旗财政局2021年部门预算")) == ("内蒙古自治区", "包头市", "达尔罕茂明安联合旗")
    assert _place(_who("莫旗财政局2021年部门预算")) == ("内蒙古自治区", "呼伦贝尔市", "莫力达瓦达斡尔族自治旗")
    assert _place(_who("土右旗财政局2021年部门预算")) == ("内蒙古自治区", "包头市", "土默特右旗")
    assert _place(_who("克州财政局2021年部门预算")) == ("新疆维吾尔自治区", "克孜勒苏柯尔克孜自治州", "")
    assert _place(_who("锡盟财政局2021年部门预算")) == ("内蒙古自治区", "锡林郭勒盟", "")


def test_a_short_name_no_source_gives_is_refused_and_the_refusal_says_what_was_looked_for() -> None:
    # counter-case: 伊旗 (伊金霍洛旗) and 阿右旗 (阿拉善右旗) are in use, but no source found lists them: never guessed
    for first in ("伊旗财政局2021年部门预算", "阿右旗财政局2021年部门预算", "阿盟财政局2021年部门预算"):
        found = _who(first)
        assert found.region is None
        assert "looked for a province, city or county in its names" in found.looked_for


def test_a_zone_named_by_a_landmark_that_is_also_a_districts_short_form_is_not_placed_in_that_district() -> None:
    # 东湖 is 武汉东湖新技术开发区's lake, and short for 南昌市东湖区: alone, the name says neither
    found = _who("东湖高新区管理委员会2021年部门预算")
    assert found.region is None
    assert "南昌市东湖区" in found.looked_for and "武汉市" in found.looked_for
    # the page naming its city decides (武汉市), as for any body
    found = _who("东湖高新区管理委员会2021年部门预算\n东湖高新区是武汉市人民政府派出机构，位于武汉市。")
    assert _place(found) == ("湖北省", "武汉市", "")
    # a listed landmark that is no division's short form places its zone: 张江 of 上海
    assert _place(_who("张江高新区管理委员会2021年部门预算")) == ("上海市", "", "")


def test_a_zone_named_by_its_own_districts_short_form_is_still_that_districts() -> None:
    # counter-case: 杜集 + 经济开发区 is 淮北市杜集区's zone (no listed landmark), and 南昌市东湖区's own bodies are its own
    assert _place(_who("杜集经济开发区管委会2021年部门预算")) == ("安徽省", "淮北市", "杜集区")
    assert _place(_who("南昌市东湖区财政局2021年部门预算")) == ("江西省", "南昌市", "东湖区")


def test_a_college_named_by_a_short_form_alone_is_placed_where_it_stands_and_its_level_is_left_unknown() -> None:
    # 湖南大学 is a central university, named as the province's colleges are; its page prints only where it stands
    found = _who("湖南大学2021年部门预算\n湖南大学位于湖南省长沙市，办学历史悠久。湖南省长沙市岳麓山下。")
    assert _place(found) == ("湖南省", "", "")
    assert found.level == ""
    # a tables file beside it keeps the level unknown when the two are merged
    tables = identify(text_to_lines("湖南大学2021年部门预算表\n部门：湖南大学\n湖南省长沙市"), [])
    assert merge_identities([found, tables]).level == ""


def test_a_university_or_its_hospital_named_by_no_division_has_its_level_left_unknown_too() -> None:
    # 东北大学 and 中山大学附属第一医院 are central, named by no division (东北) or an ambiguous short form (中山)
    found = _who("东北大学2021年部门预算\n东北大学位于辽宁省沈阳市。沈阳市。")
    assert (_place(found), found.level) == (("辽宁省", "沈阳市", ""), "")
    found = _who("中山大学附属第一医院2021年部门预算\n中山大学附属第一医院位于广东省广州市中山二路。广州市。")
    assert (_place(found), found.level) == (("广东省", "广州市", ""), "")
    # counter-cases: a city's hospital, and a college its page says the city runs (举办), keep their level
    assert _who("岳阳市人民医院2021年部门预算").level == "city"
    found = _who("岳阳职业技术学院2021年部门预算\n岳阳职业技术学院是岳阳市人民政府举办的公办高职院校。岳阳市。")
    assert (_place(found), found.level) == (("湖南省", "岳阳市", ""), "city")


def test_a_college_whose_names_or_page_say_whose_it_is_keeps_its_level() -> None:
    # counter-cases: the names place it (山西 and 临汾: 临汾市), the page says 省属, or it cites the province's approval
    found = _who("山西师范大学临汾学院2021年部门预算")
    assert (_place(found), found.level) == (("山西省", "临汾市", ""), "city")
    found = _who("广州航海学院2021年部门预算\n广州航海学院是一所省属全日制普通高等学校。")
    assert (_place(found), found.level) == (("广东省", "", ""), "province")
    found = _who("西安建筑科技大学2021年部门预算\n根据《陕西省教育厅关于2021年部门预算批复的通知》，西安建筑科技大学2021年部门预算财政拨款100万元。")
    assert (_place(found), found.level) == (("陕西省", "", ""), "province")


def test_a_cited_approval_by_a_ministry_says_the_college_is_central_and_other_cited_titles_say_nothing() -> None:
    found = _who("湖南大学2021年部门预算\n根据《教育部关于2021年部门预算批复的通知》，湖南大学2021年部门预算财政拨款100万元。学校位于湖南省长沙市。")
    assert found.region is None and "central" in found.looked_for
    # a cited rule of the province's (no approval of the budget) says nothing of whose the college is
    found = _who("湖南大学2021年部门预算\n湖南大学按照《湖南省省直机关公务接待管理办法》执行。学校位于湖南省长沙市。")
    assert (_place(found), found.level) == (("湖南省", "", ""), "")


def test_a_body_named_by_zizhiqu_or_meng_alone_takes_the_full_name_its_page_prints() -> None:
    found = _who("自治区外事办公室2021年部门预算\n广西壮族自治区外事办公室是自治区人民政府工作部门。")
    assert (found.unit_name, _place(found)) == ("广西壮族自治区外事办公室", ("广西壮族自治区", "", ""))
    found = _who("盟财政局2021年部门预算\n锡林郭勒盟财政局是盟行政公署工作部门。")
    assert (found.unit_name, _place(found)) == ("锡林郭勒盟财政局", ("内蒙古自治区", "锡林郭勒盟", ""))


def test_a_body_named_by_its_tier_alone_on_a_page_naming_no_such_division_is_refused() -> None:
    # counter-cases: no division at all; a page naming a city for a 县's body; the prose naming the region but no full name
    assert _who("自治区外事办公室2021年部门预算").region is None
    assert _who("盟财政局2021年部门预算").region is None
    assert _who("县财政局2021年部门预算\n岳阳市财政局批复。").region is None
    found = _who("自治区外事办公室2021年部门预算\n本部门是广西壮族自治区人民政府主管外事工作的部门。")
    assert (found.unit_name, _place(found)) == ("自治区外事办公室", ("广西壮族自治区", "", ""))


def test_a_zone_under_its_short_names_is_its_divisions() -> None:
    # 经开区 (经济技术开发区) and 综合保税区 after a city's short form: the city's zone, as 杜集经济开发区 is 杜集区's
    assert _place(_who("岳阳经开区管理委员会2021年部门预算")) == ("湖南省", "岳阳市", "")
    assert _place(_who("岳阳城陵矶综合保税区管理委员会2021年部门预算")) == ("湖南省", "岳阳市", "")
    # counter-case: a landmark no division bears places nothing (城陵矶 is a port of 岳阳, but the name does not say so)
    assert _who("城陵矶经开区管理委员会2021年部门预算").region is None


def test_a_body_named_by_a_district_several_cities_have_is_placed_in_the_one_its_page_names() -> None:
    # 鼓楼区 is 南京's, 徐州's, 福州's and 开封's; the page's 南京市 says which — the district, never the city alone
    found = _who("鼓楼区教育局2021年部门预算\n南京市鼓楼区教育局是区政府工作部门。")
    assert (_place(found), found.level) == (("江苏省", "南京市", "鼓楼区"), "county")
    found = _who("朝阳区教育委员会2021年部门预算\n北京市朝阳区教育委员会是区政府工作部门。")
    assert (_place(found), found.level) == (("北京市", "", "朝阳区"), "county")
    assert _place(_who("普陀区财政局2021年部门预算\n舟山市普陀区财政局是区政府工作部门。")) == ("浙江省", "舟山市", "普陀区")


def test_a_body_named_by_a_shared_district_name_on_a_page_naming_none_or_several_of_them_is_refused() -> None:
    # counter-cases: 江苏省 holds two 鼓楼区 (南京, 徐州); 杭州市 none: never the province or another city with a district's name
    for first in ("鼓楼区教育局2021年部门预算\n江苏省教育厅批复。江苏省财政厅。", "鼓楼区教育局2021年部门预算\n杭州市财政局批复。"):
        found = _who(first)
        assert found.region is None
        assert "江苏省南京市鼓楼区" in found.looked_for
    # a short form opening the name (岳阳: 岳阳市 and its 岳阳县) is no such name: the page's 岳阳市 places it
    assert _place(_who("岳阳新城区建设指挥部2021年部门预算\n岳阳市人民政府。岳阳市财政局。")) == ("湖南省", "岳阳市", "")


def test_a_projects_headquarters_is_no_ministry() -> None:
    # 岳阳新城区建设指挥部 ends in 部 as 教育部 does, and its name resolves to no region: it was taken for a central body
    found = _who("岳阳新城区建设指挥部2021年部门预算")
    assert (found.region, found.level) == (None, "")
    # nor a county's 人武部 (人民武装部) named by its tier's word alone: placed by the county its page names, or refused
    found = _who("县人武部2021年部门预算\n岳阳县人民武装部。")
    assert (_place(found), found.level) == (("湖南省", "岳阳市", "岳阳县"), "county")
    assert (_who("县人武部2021年部门预算").level, _who("县人武部2021年部门预算").region) == ("", None)
    # counter-case: a ministry's own name is still central
    assert _who("人力资源和社会保障部2021年部门预算").level == "central"


def test_a_landmark_or_a_lake_a_zone_is_named_after_is_no_countys_short_form() -> None:
    # 长白山保护开发区 is 吉林省's: 长白 + 山 is the mountain, not 长白朝鲜族自治县's zone
    found = _who("长白山保护开发区管理委员会2021年部门预算")
    assert found.region is None and "mountain" in found.looked_for
    # 南湖新区 may be 岳阳's as well as 嘉兴市南湖区's, 滨湖新区 合肥's as well as 无锡市滨湖区's
    assert _who("南湖新区管理委员会2021年部门预算").region is None
    assert _who("滨湖新区管理委员会2021年部门预算").region is None


def test_a_districts_own_body_and_a_zone_named_by_a_county_or_a_hill_district_are_still_placed() -> None:
    # counter-cases: the district's own government; 衡山 (衡山县) and 萧山 (萧山区) before their zones
    assert _place(_who("南湖区人民政府2021年部门预算")) == ("浙江省", "嘉兴市", "南湖区")
    assert _place(_who("衡山经济开发区管理委员会2021年部门预算")) == ("湖南省", "衡阳市", "衡山县")
    assert _place(_who("萧山经济技术开发区管理委员会2021年部门预算")) == ("浙江省", "杭州市", "萧山区")
    # the page naming the district's city places a lake's zone there (嘉兴市)
    assert _place(_who("南湖新区管理委员会2021年部门预算\n嘉兴市南湖区人民政府派出机构，嘉兴市。")) == ("浙江省", "嘉兴市", "")


def test_a_body_named_by_its_tier_on_a_page_naming_two_divisions_of_that_tier_as_often_is_refused() -> None:
    # 市博物馆 on a page naming 汨罗市 (its own, a county-level city) and 岳阳市 (over it) once each: either's; the
    # division they share (岳阳市) is no answer
    found = _who("市博物馆2021年部门预算\n我馆是汨罗市文化旅游广电体育局所属事业单位，接受岳阳市文物局业务指导。")
    assert found.region is None
    assert "岳阳市、汨罗市 as often as each other" in found.looked_for
    # counter-cases: one of them named more often places it there; one alone (潜江市) too
    found = _who("市博物馆2021年部门预算\n我馆隶属汨罗市文化旅游广电体育局。汨罗市位于岳阳市南部。")
    assert _place(found) == ("湖南省", "岳阳市", "汨罗市")
    assert _place(_who("市博物馆2021年部门预算\n我馆位于潜江市，收藏文物三千余件。")) == ("湖北省", "", "潜江市")


def test_a_sumu_and_a_community_or_village_committee_are_township_level_bodies() -> None:
    # 苏木 is 内蒙古's township; a 社区居民委员会 or 村民委员会 lies below one: never a county's level
    found = _who("巴彦淖尔苏木人民政府2021年部门预算\n巴彦淖尔苏木位于科右中旗西部。")
    assert (_place(found), found.level) == (("内蒙古自治区", "兴安盟", "科尔沁右翼中旗"), "township")
    found = _who("岳阳县新墙镇清水村村民委员会2021年部门预算")
    assert (_place(found), found.level) == (("湖南省", "岳阳市", "岳阳县"), "township")
    # placed as a township's body is: by its county, never by its province alone
    assert _who("洞庭社区居民委员会2021年部门预算\n湖南省民政厅。").region is None
    # counter-case: a community's health centre run by its district keeps the district's level
    assert _who("岳阳楼区洞庭社区卫生服务中心2021年部门预算").level == "county"


def test_a_zones_national_rank_and_a_pilot_free_trade_zones_china_are_no_central_bodys_words() -> None:
    # 国家级 is the zone's standing; 宁乡 (宁乡市) runs it
    found = _who("国家级宁乡经济技术开发区管理委员会2021年部门预算")
    assert (_place(found), found.level) == (("湖南省", "长沙市", "宁乡市"), "county")
    # 中国（上海）自由贸易试验区: the province in brackets, and a 片区 its city
    assert _place(_who("中国（上海）自由贸易试验区管理委员会2021年部门预算")) == ("上海市", "", "")
    assert _place(_who("中国（湖南）自由贸易试验区岳阳片区管理委员会2021年部门预算")) == ("湖南省", "岳阳市", "")


def test_a_central_body_named_with_guo_jia_or_zhong_guo_is_still_central() -> None:
    # counter-cases: 国家统计局's survey team, 中国农业科学院
    assert _who("国家统计局岳阳调查队2021年部门预算").level == "central"
    assert _who("中国农业科学院2021年部门预算").level == "central"

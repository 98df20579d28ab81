"""Session 13 (ident25): where a page says who and where its body is, by kind — a site's banner line is not the
unit's name, a township is placed by its own sentence of where it lies and never by its neighbours or by its province
alone, a generic 市 body in a county-level city; and what a page giving no year is refused with (issue 13).
Each page is invented, a few lines in the style of the pages it stands for."""

from __future__ import annotations

from cnbudget.model import Identity
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify
from cnbudget.recognise.refusals import not_a_disclosure, region_unknown

_TOWN = """焦石镇2020年度部门决算
一、单位概况
{body}
二、收入支出情况
2020年收入合计512.30万元,支出合计509.10万元。
"""


def _who(text: str) -> Identity:
    return identify(text_to_lines(text), [])


def _town(body: str) -> Identity:
    return _who(_TOWN.format(body=body))


def _place(i: Identity) -> tuple[str, str, str] | None:
    return None if i.region is None else (i.region.province, i.region.city, i.region.county)


# --- a site's banner over the title ---


def test_a_sites_banner_line_is_not_run_on_into_the_units_name() -> None:
    i = _who("汾阳市人民政府门户网站\n冀村镇人民政府2021年度部门决算\n一、部门概况\n冀村镇人民政府下设党政办公室。\n")
    assert i.unit_name == "冀村镇人民政府"  # was 汾阳市人民政府门户网站冀村镇人民政府
    assert _place(i) == ("山西省", "吕梁市", "汾阳市") and i.level == "township"  # the county's site places its township


def test_a_title_cut_over_two_lines_still_joins() -> None:
    i = _who("汾阳市冀村镇\n人民政府2021年度部门决算\n一、部门概况\n")
    assert i.unit_name == "汾阳市冀村镇人民政府"


# --- a township's county ---


def test_a_townships_own_sentence_of_where_it_lies_places_it_among_the_districts_it_names() -> None:
    i = _town("焦石镇位于涪陵区东部,与南川区、武隆区相邻。")
    assert _place(i) == ("重庆市", "", "涪陵区") and i.level == "township"


def test_a_townships_own_sentence_beats_the_county_its_page_names_most() -> None:
    i = _town("焦石镇位于涪陵区东部。按照南川区财政局、南川区审计局要求公开。")
    assert _place(i) == ("重庆市", "", "涪陵区")


def test_a_township_is_not_placed_in_its_neighbour() -> None:
    i = _town("焦石镇东与南川区接壤,面积120平方公里。")
    assert i.region is None  # was placed in 南川区, the only district the page prints
    assert "焦石镇" in region_unknown(i)


def test_a_township_placed_no_deeper_than_its_province_is_refused() -> None:
    # two sentences put it in two districts: only 重庆市 is certain, and a township's name repeats across districts
    i = _town("焦石镇位于涪陵区东部。本镇地处南川区北部。")
    assert i.region is None  # was published as 重庆市's 焦石镇, city and county null, an id another 焦石镇 would share
    assert "found only its province, 重庆市" in i.looked_for and "placed and named by its county" in region_unknown(i)


def test_a_townships_sentence_and_its_pages_divisions_in_two_provinces_refuse_it() -> None:
    i = _town("焦石镇位于南陵县东部。按照涪陵区财政局、涪陵区审计局要求公开。")
    assert i.region is None
    assert "its sentence puts it in 安徽省芜湖市南陵县, but the document names 重庆市涪陵区 most" in i.looked_for


def test_a_township_whose_page_names_only_a_tier_stays_refused() -> None:
    i = _town("根据县财政局要求,现将焦石镇2020年度决算公布如下。")
    assert i.region is None


def test_a_township_whose_page_names_one_county_is_placed_there_as_before() -> None:
    i = _town("按照南陵县人民政府要求,现将焦石镇2020年度决算公布如下。")
    assert _place(i) == ("安徽省", "芜湖市", "南陵县")


# --- a generic 市 body in a county-level city ---

_MUSEUM = "市博物馆2026年部门预算\n一、主要职能\n{body}\n2026年收入合计512.30万元。\n"


def test_a_generic_city_body_is_placed_in_the_county_level_city_its_page_names() -> None:
    i = _who(_MUSEUM.format(body="负责潜江市文物的收藏与研究。"))
    assert _place(i) == ("湖北省", "", "潜江市")  # 潜江市 is a 市 whose tier is a county's: 市博物馆 is its own


def test_a_generic_city_body_is_not_placed_in_a_district() -> None:
    i = _who(_MUSEUM.format(body="负责咸安区文物的收藏与研究。"))
    assert i.region is None


def test_a_generic_city_body_named_only_by_a_document_number_stays_refused() -> None:
    i = _who("2026年度部门预算经市财政局批复(潜财预【2026】1号),现将市博物馆2026年部门预算予以公开:\n第一部分 市博物馆概况\n")
    assert i.region is None


def test_a_generic_county_body_is_still_not_placed_in_a_county_level_city() -> None:
    i = _who(_MUSEUM.replace("市博物馆", "县博物馆").format(body="负责汾阳市文物的收藏与研究。"))
    assert i.region is None


# --- a page that gives no year ---


def test_a_page_naming_its_unit_but_no_year_is_refused_saying_so() -> None:
    i = _who("第一部分 开江县民政局概况\n一、主要职能\n开江县民政局下设办公室。\n")
    assert i.unit_name == "开江县民政局" and i.fiscal_year is None
    message = not_a_disclosure(i)
    assert message.startswith("the document names its unit (开江县民政局) but no fiscal year") and "a table's title" in message


def test_a_page_naming_neither_says_what_it_calls_its_body() -> None:
    i = _who("一、主要职能\n我办负责全区政协工作。\n")
    message = not_a_disclosure(i)
    assert message.startswith("no unit name and fiscal year found") and "我办" in message


def test_a_generic_city_body_of_a_municipality_is_placed_in_it() -> None:
    i = _who("市人大常委会2016年部门决算\n一、基本职能\n依法监督重庆市人民政府的工作。\n2016年收入合计512.30万元。\n")
    assert _place(i) == ("重庆市", "", "") and i.level == "province"  # 重庆市 is the 市 of 市人大常委会 (was refused: a 市 wanted a city)


# --- a page naming its unit only in its 人员构成 item ---

_STAFF = """目 录
一、部门概况
1、部门主要职能:负责完成中等职业教育学历教育和州教育局交办的其他工作。
2、部门预算单位构成:我单位为直属州人民政府管理的全额预算拨款管理事业单位。
3、部门人员构成:{staff}
二、部门预算安排情况说明
1、部门预算收支情况:2022年度收入预算总额3518.43万元。
"""


def test_the_unit_named_in_its_staffing_item_is_the_pages_unit() -> None:
    i = _who(_STAFF.format(staff="核定黔东南州工业学校事业编制140名,现在职职工128人。"))
    assert i.unit_name == "黔东南州工业学校" and i.fiscal_year == 2022
    assert _place(i) == ("贵州省", "黔东南苗族侗族自治州", "") and i.level == "city"


def test_a_staffing_sentence_outside_the_item_or_without_a_division_names_no_unit() -> None:
    # a department's posts for its subordinates, not under 人员构成, and a name opening with no division
    assert _who(_STAFF.format(staff="现在职职工128人。核定开江县教育服务中心事业编制5名。")).unit_name == ""
    assert _who(_STAFF.format(staff="核定工业学校事业编制140名。")).unit_name == ""

"""Session 12: bodies named by a short form alone, placed by what their own page says of whose they are (issue 13).

广东医学院 and 广州航海学院 open with a province's and a city's short form, as 山东大学 and 中山大学 (central universities,
教育部直属) do: the name cannot tell them apart, the page can (省属 against 教育部直属). Each example is invented; each
rule has a counter-case (a central university, a page that says nothing, a page that says both) that stays unplaced,
and the build report then says what was looked for.
"""

from __future__ import annotations

from cnbudget.model import Identity
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify
from cnbudget.recognise.refusals import region_unknown, unit_unknown
from cnbudget.recognise.tier import tier_said

# A college's page with no region in its name or its text: its 概况 says whose it is
_COLLEGE = """{name}2016年度决算情况说明
一、学院情况
{name}{says},承担普通高等学历教育、成人学历教育和有关培训任务。
二、2016年度收入支出情况
2016全年总收入35199.50万元,其中:财政拨款22917.10万元;教育事业收入10120.00万元;其他收入1571.96万元。
"""


def _who(text: str) -> Identity:
    return identify(text_to_lines(text), [])


def _placed(name: str, says: str) -> tuple[str, str, str, str]:
    i = _who(_COLLEGE.format(name=name, says=says))
    region = i.region
    return (i.unit_name, region.province if region else "", region.city if region else "", i.level)


def test_a_college_named_by_a_city_short_form_that_says_it_is_provincial_is_the_provinces() -> None:
    assert _placed("广州航海学院", "是一所省属公办普通本科院校") == ("广州航海学院", "广东省", "", "province")


def test_a_college_named_by_a_province_short_form_that_says_it_is_provincial_is_the_provinces() -> None:
    assert _placed("广东医学院", "是一所省属普通高等医学院校") == ("广东医学院", "广东省", "", "province")


def test_a_provincial_department_over_the_body_or_approving_its_budget_says_it_is_provincial() -> None:
    assert _placed("广东医学院", "隶属于广东省卫生和计划生育委员会")[1:] == ("广东省", "", "province")
    assert _placed("广东医学院", "的部门预算经省财政厅批复")[1:] == ("广东省", "", "province")
    assert _placed("湘潭医卫学院", "是省直事业单位")[1:] == ("湖南省", "", "province")


def test_a_college_named_by_a_city_short_form_that_says_it_is_the_citys_is_the_citys() -> None:
    assert _placed("广州航海学院", "是一所市属公办普通本科院校") == ("广州航海学院", "广东省", "广州市", "city")


def test_a_central_university_named_by_a_province_short_form_is_not_placed_in_the_province() -> None:
    # counter-case: 山东大学 opens with 山东 as 广东医学院 opens with 广东, but its page says it is the ministry's
    i = _who(_COLLEGE.format(name="山东大学", says="是教育部直属的重点综合性大学"))
    assert i.region is None and i.level == ""
    assert "the page says the body is central (central: 教育部直属" in i.looked_for


def test_a_central_university_is_not_placed_in_the_province_its_page_prints() -> None:
    # counter-case: the province named in full over and over (its address) is where it stands, not whose it is
    text = _COLLEGE.format(name="中山大学", says="是中央直属高校,地址:广东省广州市新港西路135号") + "广东省广州市\n广东省\n"
    assert _who(text).region is None
    # without the page's word on the ministry, the province it names in full places it as before
    assert _who(text.replace("是中央直属高校,", "")).region is not None


def test_a_page_that_says_nothing_of_whose_its_body_is_stays_refused_and_says_why() -> None:
    # counter-case: 广东医学院's own page says neither 省属 nor 教育部直属: no province, and the report says what was missing
    i = _who(_COLLEGE.format(name="广东医学院", says="是一所普通高等医学院校"))
    assert i.region is None and i.level == ""
    assert "广东, short for 广东省" in i.looked_for and "省属" in i.looked_for and "教育部直属" in i.looked_for
    message = region_unknown(i)
    assert "广东医学院" in message and "广东, short for 广东省" in message and "山东大学" in message


def test_a_page_that_says_both_stays_refused() -> None:
    # counter-case: provincial and central words about the one body contradict each other; the report quotes both
    i = _who(_COLLEGE.format(name="广东医学院", says="是省属高校,也是教育部直属高校"))
    assert i.region is None
    assert "province: 省属" in i.looked_for and "central: 教育部直属" in i.looked_for


def test_a_province_short_form_with_city_words_is_placed_nowhere() -> None:
    # counter-case: 市属 names a city's body, and 广东 is no city: which city is not said
    assert _placed("广东医学院", "是一所市属医学院校")[1] == ""


def test_words_of_a_cited_rule_or_of_every_province_say_nothing_of_the_body() -> None:
    # counter-cases: 《广东省省直机关…办法》 is the title of a rule the page applies; 各省属高校 are every province's
    assert tier_said(text_to_lines("广东医学院按照《广东省省直机关差旅费管理办法》执行。"), ("广东医学院",)).tier is None
    assert tier_said(text_to_lines("广东医学院参照各省属高校的做法。"), ("广东医学院",)).tier is None
    # words in a sentence about some other body say nothing of this one
    assert tier_said(text_to_lines("广东医学院成立于1958年。附属医院是省属医院。"), ("广东医学院",)).tier is None
    assert tier_said(text_to_lines("广东医学院成立于1958年。本院是省属医院。"), ("广东医学院",)).tier == "province"


def test_a_county_under_the_province_is_no_provincial_body() -> None:
    # counter-case: 省直辖 (潜江市 is a county-level city under the province) and 省直管县 say nothing of a body's tier
    assert tier_said(text_to_lines("潜江市博物馆位于省直辖县级市潜江。"), ("潜江市博物馆",)).tier is None
    assert tier_said(text_to_lines("本馆所在县为省直管县。"), ("某博物馆",)).tier is None


def test_a_body_named_by_a_short_form_every_county_shares_is_placed_as_before() -> None:
    # counter-case: a body its short form names as a county's own (杜集经济开发区) needs no word of its tier
    assert _placed("杜集经济开发区管委会", "负责开发区的规划和建设")[1:3] == ("安徽省", "淮北市")


# The report's sentences for pages it refuses
def test_a_page_naming_no_unit_says_what_was_looked_for_and_what_it_calls_its_body() -> None:
    i = _who("2018年“三公”经费决算情况\n2018年本部门“三公”经费支出12.5万元,比2017年减少2.1万元。\n")
    assert i.unit_name == "" and "本部门" in i.looked_for and "title naming the unit" in i.looked_for
    assert "本部门" in unit_unknown(i) and "(2018)" in unit_unknown(i)


def test_a_township_or_a_tier_body_named_without_its_region_says_so() -> None:
    township = _who("冀村镇人民政府2021年度部门决算\n一、本部门职责\n指导村民委员会的工作。\n")
    assert township.region is None and "township's body" in region_unknown(township)
    tier = _who("市博物馆2026年部门预算\n一、主要职能\n负责藏品征集。\n")
    assert tier.region is None and "only its tier, 市" in region_unknown(tier)



def test_either_order_of_a_ministry_and_its_institution_says_central() -> None:
    assert _who(_COLLEGE.format(name="山东大学", says="直属于教育部,是国家重点建设的大学")).region is None
    assert tier_said(text_to_lines("山东大学隶属于教育部。"), ("山东大学",)).tier == "central"
    # counter-case: 教育部门 is every tier's education authority, and 省管高校 a province's
    assert tier_said(text_to_lines("山东医学院隶属于教育部门。"), ("山东医学院",)).tier is None
    assert _placed("山东医学院", "是省管高校")[1:] == ("山东省", "", "province")


def test_a_college_founded_with_the_provinces_approval_is_not_thereby_provincial() -> None:
    # counter-case: every college is founded 经省人民政府批准; a city's college too
    assert _placed("临汾学院", "是经省人民政府批准设立的全日制普通本科学校")[1] == ""


def test_a_county_short_form_before_a_township_body_is_said_so() -> None:
    # a county's short form is no college's: the report says why it did not place the body (马关镇 printed as a township)
    i = _who("马关卫生院2021年度部门决算公开说明\n马关镇中心卫生院现有职工19人。\n")
    assert i.region is None and "short for 马关县, but what follows is no county's own body" in region_unknown(i)

"""Identity layouts the fourth held-out set showed (issue 13, session 9), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/holdout4 holds, cut to what each rule
reads, with invented units (names changed where the rule does not depend on them); expected
values are read from those lines by a person. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.model import Line
from cnbudget.official.regions import provincial_by_place, resolve_region
from cnbudget.recognise.identify import identify
from tests.conftest import region_of


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. A title that tags the scope after the unit's name: X乡人民政府(部门)2021年度部门决算公开说明


def test_a_scope_tagged_after_the_name_is_no_part_of_it() -> None:
    # 黑龙江's PDF titles: the name, (部门), then the year
    found = identify(lines("友谊县某某中心(部门)2021年度部门决算公开说明.pdf", "目 录 第一部分 部门概况"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("友谊县某某中心", 2021, "final_account", "county")
    assert region_of(found) == ("黑龙江省", "双鸭山市", "友谊县")
    township = identify(lines("友谊县某某朝鲜族乡人民政府（单位）2021年度单位决算"), [])
    assert (township.unit_name, township.level, township.scope) == ("友谊县某某朝鲜族乡人民政府", "township", "unit")


def test_the_unit_s_own_level_after_its_name_stays() -> None:
    # counter-case: （本级） is part of how the unit names itself, not a tag of the scope
    found = identify(lines("友谊县某某中心（本级）2021年度部门决算公开说明"), [])
    assert found.unit_name == "友谊县某某中心（本级）"


# 2. 陕西's 部门综合预算: a department's budget of all its money, named so in its title


def test_a_department_s_comprehensive_budget_title_names_unit_year_and_kind() -> None:
    found = identify(lines("咸阳市某某局2019年部门综合预算说明", "一、部门主要职责及机构设置", "根据《咸阳市某某局职能配置规定》,咸阳市某某局主要职责是:"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.scope) == ("咸阳市某某局", 2019, "budget", "department")
    assert region_of(found) == ("陕西省", "咸阳市", "")


def test_a_sentence_of_a_comprehensive_budget_s_allocation_is_no_title() -> None:
    # counter-case: the money the budget allocates, in a sentence, names no title
    found = identify(lines("根据咸阳市某某局2019年部门综合预算安排,本年支出100万元。"), [])
    assert found.unit_name == ""


# 3. The 概况 list's item that labels the unit's name: （三）部门预算单位名称：X，无下属单位。


def test_an_overview_item_labelling_the_unit_s_name_names_it() -> None:
    text = ("一、部门概况", "(二)2018年度部门主要工作任务及目标", "(三)部门预算单位名称:中国人民政治协商会议陕西省某某县委员会,无下属单位。",
            "(一)县政协2018年预算收支总表(附表1)")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year) == ("中国人民政治协商会议陕西省某某县委员会", 2018)
    with_county = identify(lines(*text[:2], "(三)部门预算单位名称:政协陕西省蓝田县委员会,无下属单位。"), [])
    assert (with_county.unit_name, with_county.level) == ("政协陕西省蓝田县委员会", "county")
    assert region_of(with_county) == ("陕西省", "西安市", "蓝田县")


def test_an_item_labelling_a_subordinate_names_no_unit() -> None:
    # counter-case: the label must open the item; 所属单位名称 names a body under the unit, not the unit
    found = identify(lines("一、部门概况", "(三)所属单位名称:陕西省某某县某某中心。", "二、2018年部门预算表"), [])
    assert found.unit_name == ""


# 4. The sentence of the unit's duties run on after its heading: 一、主要职责天津市人民检察院(本级)的主要职责是：


def test_a_duties_sentence_run_on_after_its_heading_names_the_unit() -> None:
    # a PDF's text in one line, no title: the 目录, then the 概况
    text = "第一部分 概 况 一、主要职责 二、机构设置 第二部分 2024年度部门决算表 第一部分 概 况一、主要职责天津市某某研究院(本级)的主要职责是:深入贯彻……"
    found = identify(lines(text), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("天津市某某研究院(本级)", 2024, "final_account", "province")


def test_a_name_run_on_after_another_heading_is_not_taken() -> None:
    # counter-case: only the duties heading opens the duties sentence; after 机构设置 the run-on text may be anything
    text = "第二部分 2024年度部门决算表 二、机构设置天津市某某研究院(本级)的主要职责是:深入贯彻……"
    assert identify(lines(text), []).unit_name == ""
    # and the page's own 本单位 is no name
    assert identify(lines("第二部分 2024年度部门决算表 一、主要职责本单位的主要职责是:深入贯彻……"), []).unit_name == ""


# 5. A development zone named by its city after the province: 辽宁省本溪观音阁经济开发区管委会 is 本溪市's


def test_a_zone_named_by_its_place_after_the_province_lies_in_that_place() -> None:
    assert provincial_by_place("辽宁省本溪某某经济开发区管委会") is None
    found = identify(lines("辽宁省本溪某某经济开发区管委会2023年部门决算"), [])
    assert (region_of(found), found.level) == (("辽宁省", "本溪市", ""), "city")


def test_a_provincial_body_named_by_its_place_stays_the_province_s() -> None:
    # counter-case: a school or a prison named by its place is still the province's body
    assert provincial_by_place("辽宁省本溪某某中学") == resolve_region("辽宁省")
    assert provincial_by_place("江苏省苏州监狱") == resolve_region("江苏省")


# 6. An office stationed elsewhere: 兴安盟行政公署驻呼和浩特市办事处 is 兴安盟's, standing in 呼和浩特市


def test_a_division_after_zhu_is_where_the_office_stands_not_whose_it_is() -> None:
    region = resolve_region("内蒙古自治区兴安盟行政公署驻呼和浩特市办事处")
    assert region is not None and (region.city, region.county) == ("兴安盟", "")
    found = identify(lines("内蒙古自治区兴安盟行政公署驻呼和浩特市办事处2019年度部门决算公开报告"), [])
    assert found.level == "city"


def test_a_division_not_after_zhu_still_counts() -> None:
    # counter-case: a name that merely holds 驻 elsewhere (驻村工作队) and its divisions are read as before
    region = resolve_region("兴安盟科尔沁右翼前旗驻村工作队")
    assert region is not None and region.county == "科尔沁右翼前旗"
    assert resolve_region("驻呼和浩特市办事处") is None


# 7. A page's 所属机构 cell names the unit only where the scope sentence takes that body in


def test_a_filed_under_cell_the_scope_sentence_takes_in_names_the_unit() -> None:
    text = ("索引号 | /2023-00874 | 文号 | 生成日期 | 2023-10-25 10:56:48 | |", "公开方式 | 主动公开 | 所属机构 | 海原县某某服务局 | 责任部门 | 海原县某某服务局 |",
            "目录", "第二部分 2022年度部门决算表", "第一部分 单位概况", "二、机构设置", "按照部门决算编报要求,纳入海原县某某服务局")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("海原县某某服务局", 2022, "final_account", "county")
    assert region_of(found) == ("宁夏回族自治区", "中卫市", "海原县")


def test_a_filed_under_cell_naming_the_body_over_the_unit_names_no_unit() -> None:
    # counter-case: a 卫生院's page filed under the county's 卫生健康局, which its body names as the unit's superior
    text = ("公开方式 主动公开 所属机构 海原县某某健康局 责任部门 海原县某某健康局", "第二部分 2023年度部门决算表", "第一部分 单位概况",
            "本院是海原县某某健康局下属的二级事业单位。")
    assert identify(lines(*text), []).unit_name == ""


# 8. The year of a “三公” paragraph whose subject is the page's own body: ……,我院2014年三公经费开支53.65万元


def test_the_year_of_an_own_body_s_three_public_sentence_is_the_page_s() -> None:
    text = "我单位严格执行《党政机关国内公务接待制度》,严禁公款吃喝,我院2014年三公经费开支3.65万元,其中公务接待费 1.02万元。"
    found = identify(lines(text), [])
    assert (found.unit_name, found.fiscal_year) == ("", 2014)


def test_a_year_compared_with_is_not_the_page_s() -> None:
    # counter-case: 较我院2013年三公经费 is the year compared with, inside a sentence, not its subject
    found = identify(lines("今年三公经费开支3.65万元,较我院2013年三公经费减少1万元。"), [])
    assert found.fiscal_year is None

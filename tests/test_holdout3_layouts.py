"""Identity layouts the third held-out set showed (issue 13, session 8), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/holdout3 holds, cut to what each rule
reads, with invented units (names and figures changed where the rule does not depend on them);
expected values are read from those lines by a person. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.model import Line
from cnbudget.official.regions import resolve_region
from cnbudget.recognise.identify import choose_unit_name, identify, is_unit_name
from tests.conftest import region_of


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. A sentence of the money a year's budget allocates is no title (precision); a signed page's signature names the unit


def test_a_sentence_of_the_year_s_allocation_is_not_taken_for_a_title() -> None:
    # 海南's “三公” page: the finance department's allocation, 2016年省财政厅预算安排, names no unit of the page;
    # the page is signed by its unit over the date
    text = ("现将我厅2016年“三公经费”预算数说明如下:", "一、因公出国(境)经费",
            "2016年省财政厅预算安排,“因公出国(境)费”12万元,主要用于业务培训。", "海南省统计厅", "2016年2月19日")
    found = identify(lines(*text), [])
    assert found.unit_name == "海南省统计厅"
    assert region_of(found) == ("海南省", "", "")
    # without the signature the page names no unit: it is refused, not published under the finance department
    assert identify(lines(*text[:3]), []).unit_name == ""


def test_a_cover_title_still_names_its_unit() -> None:
    # counter-case: 2016年省统计厅部门预算 on a line of its own is a title
    found = identify(lines("2016年海南省统计厅部门预算", "一、部门职责"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("海南省统计厅", 2016, "budget")


def test_a_signature_cut_over_lines_names_the_unit() -> None:
    # 眉山市某局 / 2015 / 年4 / 月1 / 日: the text layer cut the date
    text = ("2015年公务接待费预算10万元。", "四川某市不存在局", "眉山市某某局", "2015", "年4", "月1", "日")
    assert identify(lines(*text), []).unit_name == "眉山市某某局"


def test_a_name_over_a_line_that_is_no_date_is_no_signature() -> None:
    # counter-case: a unit's name over a sentence, or over a date with no day, signs nothing
    assert identify(lines("2015年公务接待费预算10万元。", "眉山市某某局", "2015年公务接待费主要用于检查。"), []).unit_name == ""
    assert identify(lines("2015年公务接待费预算10万元。", "眉山市某某局", "2015年12月"), []).unit_name == ""


# 2. A “三公” page whose year follows its words: X财政拨款“三公”经费预算2014年情况如下


def test_a_three_public_lead_with_the_year_after_its_words_names_unit_year_and_kind() -> None:
    # 四川's 2014–2015 “三公” pages: the year after 经费 and its kind before or after the year
    found = identify(lines("达州市某某服务中心财政拨款“三公”经费预算2014年情况如下:", "一、因公出国(境)经费", "2014年没有安排出国计划。"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("达州市某某服务中心", 2014, "budget")
    assert region_of(found) == ("四川省", "达州市", "")
    # a title over three lines: X / 关于财政拨款“三公”经费2015年决算的 / 情况说明
    found = identify(lines("大英某某协会", "关于财政拨款“三公”经费2015年决算的", "情况说明", "一、公务接待费"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("大英某某协会", 2015, "final_account")


def test_a_three_public_sentence_whose_subject_is_no_unit_names_none() -> None:
    # counter-case: the same words after a sentence's subject that is no body's name
    found = identify(lines("全县各单位财政拨款“三公”经费预算2014年情况如下:", "一、因公出国(境)经费"), [])
    assert found.unit_name == ""


# 3. A title after a part's number and a colon, or a page's 标题:/名称: label; X关于2016年度预算公开


def test_a_title_after_a_colon_or_a_label_names_the_unit() -> None:
    found = identify(lines("目 录", "第二部分:广西某某厅医务所2024年单位预算情况说明", "一、单位收支总体情况表"), [])
    assert (found.unit_name, found.fiscal_year, found.scope) == ("广西某某厅医务所", 2024, "unit")
    found = identify(lines("标题:万宁市某某委员会2024年度部门决算公开报告", "第一部分 基本情况"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("万宁市某某委员会", 2024, "final_account")
    found = identify(lines("名 称:银川市某某局关于2016年度预算公开的补充说明", "“三公”经费预算情况说明"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("银川市某某局", 2016, "budget")


def test_a_label_that_is_no_title_s_names_no_unit() -> None:
    # counter-case: 来源: is a publisher's line, not a title's label; 关于 after a sentence's words is prose
    assert identify(lines("来源:银川市某某局2016年度预算公开的补充说明"), []).unit_name == ""
    assert identify(lines("根据上级通知关于2016年度预算公开的要求"), []).unit_name == ""


# 4. The 概况 heading whose last word stands on a line of its own


def test_an_overview_heading_cut_before_its_last_word_names_the_unit() -> None:
    text = ("第一部分遵义市某某管理局", "概述", "一、部门职责", "(1)贯彻执行有关方针政策。", "第二部分:2024年度部门决算表")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year) == ("遵义市某某管理局", 2024)


def test_a_part_heading_over_another_line_is_no_overview() -> None:
    # counter-case: the part's heading over a heading that is not 概况/概述
    text = ("第一部分遵义市某某管理局", "职责", "第二部分:2024年度部门决算表")
    assert identify(lines(*text), []).unit_name == ""


# 5. 县X in a county's document is that county's X: the title's full name is the unit's


def test_a_name_with_its_county_s_tier_word_alone_is_the_same_unit_as_the_full_name() -> None:
    region = resolve_region("南漳县")
    names = ("南漳县某某服务中心",) + ("县某某服务中心",) * 3
    assert choose_unit_name(names, region)[0] == "南漳县某某服务中心"


def test_a_name_with_another_tier_word_is_another_unit() -> None:
    # counter-case: 市某某服务中心 in a county's document is the city's body, not the county's
    region = resolve_region("南漳县")
    names = ("南漳县某某服务中心",) + ("市某某服务中心",) * 3
    assert choose_unit_name(names, region)[0] == "市某某服务中心"


# 6. A provincial body named by its place: 安徽省 + 徽州 (a short form) + 师范学校


def test_a_province_s_body_named_by_its_place_lies_in_the_province() -> None:
    # 徽州 is also the short form of 黄山市徽州区, but a county's body writes its county out
    found = identify(lines("安徽省徽州艺术学校2022年度部门决算", "一、部门职责"), [])
    assert found.unit_name == "安徽省徽州艺术学校"
    assert (region_of(found), found.level) == (("安徽省", "", ""), "province")


def test_a_body_whose_division_is_written_out_lies_in_it() -> None:
    # counter-case: the city and district in full place the body in the district
    found = identify(lines("安徽省黄山市徽州区某某学校2022年度部门决算", "一、部门职责"), [])
    assert (region_of(found), found.level) == (("安徽省", "黄山市", "徽州区"), "county")


# 7. A 联合会 in its short form: 县文联, 市妇联


def test_a_federation_s_short_name_is_a_unit_s_name() -> None:
    # 岳阳县文联's “三公” table (a mirror in traditional script, read simplified): 某某县文联2017年度“三公”经费预算表
    found = identify(lines("岳阳县侨联2017年度“三公”经费预算表", "单位:万元"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("岳阳县侨联", 2017, "budget")
    assert region_of(found) == ("湖南省", "岳阳市", "岳阳县")


def test_a_word_ending_in_lian_is_no_unit_s_name() -> None:
    # counter-case: 关联/串联 end no body's name
    assert not is_unit_name("岳阳县项目关联") and not is_unit_name("岳阳县电路串联")
    assert is_unit_name("岳阳县妇联") and is_unit_name("岳阳县工商联")

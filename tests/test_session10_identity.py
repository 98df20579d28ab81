"""Session 10: pages that name their unit, once refused for identity, by kind of layout (issue 13).

Each example is invented, in the layout of a kind of page the held-out sets showed; each has a
counter-case the rule must leave alone (a page naming no unit stays refused).
"""

from __future__ import annotations

from cnbudget.official.regions import Region, resolve_region, short_form_region
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify


def _identity(text: str) -> tuple[str, str, str, str, int | None]:
    lines = text_to_lines(text)
    i = identify(lines, [])
    region = i.region
    return (i.unit_name, region.province if region else "", region.city if region else "", region.county if region else "", i.fiscal_year)


def test_an_establishment_office_is_a_unit_though_its_name_says_编制() -> None:
    # 机构编制委员会办公室 is the body that keeps the establishment: 编制 in its name is no 编制说明
    text = "2016年“三公”经费预算\n二、2016年“三公”经费支出预算情况说明\n浙江省机构编制委员会办公室2016年度“三公”经费支出预算为12.3万元。\n"
    assert _identity(text) == ("浙江省机构编制委员会办公室", "浙江省", "", "", 2016)


def test_a_budget_drafting_note_names_no_unit() -> None:
    # counter-case: the 编制 of a note on how the budget was drawn up is not a body's name
    text = "预算编制工作局2016年度“三公”经费支出预算为12.3万元。\n"
    assert _identity(text)[0] == ""


def test_the_attachment_line_of_a_three_public_page_names_its_unit() -> None:
    # prose that names only 政协机关, then the attached table's line with the unit and its year
    text = (
        "2019年政协机关“三公”经费预算数为8.1万元,与上年相比减少0.2万元。\n"
        "1.因公出国(境)费预算0万元,与上年相比持平。\n"
        "附件:长丰县政协办2019年部门“三公”经费支出预算表\n"
    )
    assert _identity(text) == ("长丰县政协办", "安徽省", "合肥市", "长丰县", 2019)
    text = "安排公务接待费4000元。\n附件【丽江市水务局2020年“三公”经费公开表.xls】\n"
    assert _identity(text) == ("丽江市水务局", "云南省", "丽江市", "", 2020)


def test_an_attachment_naming_no_unit_names_none() -> None:
    # counter-case: an attachment's line with a government's name and no body names no unit
    text = "2019年政协机关“三公”经费预算数为8.1万元。\n附件:2019年部门“三公”经费支出预算表\n"
    assert _identity(text)[0] == ""


def test_a_title_after_a_sites_column_tag() -> None:
    text = "政府信息公开\n【财政决算】天水市秦州区图书馆2018年度部门决算\n第一部分 单位概况\n"
    assert _identity(text) == ("天水市秦州区图书馆", "甘肃省", "天水市", "秦州区", 2018)


def test_a_column_tag_alone_names_no_unit() -> None:
    # counter-case: the tag before a title that names no unit
    text = "【财政决算】2018年度部门决算\n第一部分 单位概况\n"
    assert _identity(text)[0] == ""


def test_the_years_money_sentence_names_its_unit() -> None:
    # a page with no title: the year's income sentence opens with the unit's full name
    text = (
        "一、基本职能及主要工作\n我院是一所基层医疗卫生机构。\n二、部门概况\n2018年度,纳入本部门决算汇编范围的独立核算单位共1个。\n"
        "2018年达州市通川区蒲家镇卫生院本年收入合计321.5万元,与2017年相比增加1.2万元。\n"
    )
    assert _identity(text) == ("达州市通川区蒲家镇卫生院", "四川省", "达州市", "通川区", 2018)
    text = "2019年保山市水务局“三公”经费财政拨款预算安排389000元,比上年预算增56400元。\n"
    assert _identity(text) == ("保山市水务局", "云南省", "保山市", "", 2019)


def test_the_years_money_sentence_of_a_body_without_its_division_names_none() -> None:
    # counter-case: 本院/本单位, or a name without its division, places the unit nowhere
    text = "2018年本院本年收入合计321.5万元。\n2018年卫生院本年收入合计321.5万元。\n"
    assert _identity(text)[0] == ""


def test_the_bodies_an_account_takes_in_are_not_the_units_name() -> None:
    text = "锡林郭勒盟档案馆(包括盟档案资料中心)关于2016年部门决算情况\n"
    assert _identity(text)[:2] == ("锡林郭勒盟档案馆", "内蒙古自治区")


def test_a_second_name_in_brackets_stays_with_the_name() -> None:
    # counter-case: a bracket that is part of the name (本级) or a second name is not what the accounts take in
    text = "无锡市教育局（本级）2020年部门预算\n"
    assert _identity(text)[0] == "无锡市教育局（本级）"


def test_a_page_labelled_before_its_title_names_a_former_district() -> None:
    # 文档介绍: is the page's label; 邢台市桥西区 was renamed 信都区 in 2020, so a 2018 page may name it
    text = "文档介绍:邢台市桥西区财政局2018年部门预算信息公开说明\n现将邢台市桥西区财政局2018年部门预算公开如下:\n"
    assert _identity(text) == ("邢台市桥西区财政局", "河北省", "邢台市", "桥西区", 2018)
    assert resolve_region("邢台市桥西区", 2018) == Region("河北省", "邢台市", "桥西区", "130503-2020")


def test_a_former_district_is_not_named_after_it_ended() -> None:
    # counter-case: in 2023 there is no 邢台市桥西区 (桥西区 is 张家口's or 石家庄's), and without a year none is looked up
    assert resolve_region("邢台市桥西区", 2023) != Region("河北省", "邢台市", "桥西区", "130503-2020")
    assert resolve_region("邢台市桥西区") != Region("河北省", "邢台市", "桥西区", "130503-2020")
    text = "文档介绍:邢台市桥西区财政局2023年部门预算信息公开说明\n"
    assert _identity(text)[3] != "桥西区"
    # a short form of a former county is no more a word than a current one's: 南和区 and the former 南和县 share 南和
    assert resolve_region("河北省邢台市南和区", 2018) == resolve_region("河北省邢台市南和区")


def test_a_school_named_by_its_citys_short_form_is_that_citys() -> None:
    # 运城 is 运城市's short form: the school is the city's; the title's 财政预算 is the school's budget;
    # the heading 二、部门机构设置 run on into the next line's sentence is no part of its name
    text = "临汾铁路中学\n2021年财政预算公开情况说明\n二、部门机构设置\n临汾铁路中学2021年部门预算单位有1个。\n"
    assert _identity(text) == ("临汾铁路中学", "山西省", "临汾市", "", 2021)
    assert short_form_region("河源东岸学校") == resolve_region("河源市")


def test_a_university_or_a_townships_school_is_not_placed_by_a_short_form() -> None:
    # counter-cases: 中山大学 is no body of 中山市; 温泉镇中学 is a township's, not 温泉县's
    assert short_form_region("中山大学") is None
    assert short_form_region("温泉镇中学") is None
    # nor is a school whose name opens with a word that is a county's short form (东方市, 解放区), or a street's name
    assert short_form_region("东方红小学") is None
    assert short_form_region("解放路小学") is None
    assert short_form_region("运城路小学") is None
    # and a government's report on its budget's execution is no title of a unit
    text = "临汾市2021年财政预算执行情况的报告\n"
    assert _identity(text)[0] == ""


def test_a_title_after_a_portals_label_or_breadcrumbs() -> None:
    for text in (
        "信息名称:宁波市海曙区财政局2018年部门预算\n",
        "文章标题:宁波市海曙区财政局2018年部门预算\n",
        "您当前的位置:首页>部门预算>宁波市海曙区财政局2018年部门预算\n",
        "首页 > 信息公开 > 宁波市海曙区财政局2018年部门预算公开\n",
        "宁波市海曙区财政局关于公开2018年部门预算的说明\n",
        "宁波市海曙区财政局2018年部门收支预算\n",
    ):
        assert _identity(text) == ("宁波市海曙区财政局", "浙江省", "宁波市", "海曙区", 2018), text


def test_breadcrumbs_name_no_unit_and_do_not_run_on_into_the_title() -> None:
    # counter-cases: the last crumb is a column (通知公告), the title on the next line names the unit on its own
    text = "您的位置: 首页 > 通知公告\n驻杭州办事处 2018年度决算公开报告\n宁波市人民政府驻杭州办事处\n2018年度决算公开报告\n"
    assert "通知公告" not in _identity(text)[0]
    assert _identity("首页>部门预算>2018年部门预算\n")[0] == ""
    # 公开…执行情况 is a report on the execution, not the budget's title
    assert _identity("宁波市海曙区财政局公开2018年部门预算执行情况\n")[0] == ""


def test_a_pages_发文单位_line_names_the_unit_its_text_names_again() -> None:
    text = "索引号:11330200-2019-00012\n发文单位:宁波市海曙区审计局\n一、基本情况\n本局即宁波市海曙区审计局,主管全区审计工作。\n2019年部门预算收入合计100万元。\n"
    assert _identity(text)[:4] == ("宁波市海曙区审计局", "浙江省", "宁波市", "海曙区")


def test_a_发文单位_the_text_never_names_again_is_the_sites_not_the_units() -> None:
    # counter-case: the publisher may be the government over the unit
    text = "发文单位:宁波市海曙区人民政府\n一、基本情况\n本局主管全区审计工作。\n2019年部门预算收入合计100万元。\n"
    assert _identity(text)[0] == ""

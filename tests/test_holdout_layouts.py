"""Layouts the held-out set showed (issue 13, fixed in session 7), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/holdout holds, cut to what each rule
reads (names changed where the rule does not depend on them); expected values are read from
those lines by a person. Every rule has its counter-case: what must still name no unit, no
region, or not the total.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Disclosure, Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.official.regions import short_form_region
from cnbudget.recognise.blocks import recognise_blocks
from cnbudget.recognise.identify import canonical_unit, identify, is_unit_name
from cnbudget.tables.common import Context
from cnbudget.tables.health import block_cells, read_health_summary, revenue_and_expenditure, total_row


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. 本级 where the title patterns did not expect it


def test_a_bare_benji_after_the_name_is_the_unit_s_own_level() -> None:
    found = identify(lines("2023年黔东南州机关事务管理局本级部门决算公开说明", "目录", "第一部分:部门(单位)名称概况"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("黔东南州机关事务管理局本级", 2023, "final_account")
    assert found.region is not None and found.region.city == "黔东南苗族侗族自治州" and found.level == "city"
    # the same unit as without 本级, as with （本级）: one key, one unit id
    assert canonical_unit("黔东南州机关事务管理局本级", found.region) == canonical_unit("黔东南州机关事务管理局", found.region)
    assert is_unit_name("某某县财政局本级") and not is_unit_name("县本级") and not is_unit_name("部门本级")


def test_a_bracketed_benji_between_the_year_and_the_kind() -> None:
    found = identify(lines("标题:儋州市财政局2023年度(本级) 决算公开报告", "儋州市财政局2023年度(本级)", "决算公开报告", "目 录"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("儋州市财政局", 2023, "final_account")
    assert found.region is not None and (found.region.province, found.region.city) == ("海南省", "儋州市")


# 2. No title: the unit named only in the body


def test_a_unit_named_in_the_heading_of_its_overview() -> None:
    found = identify(lines("目录", "第一部分 腾冲市腾越镇概况", "第二部分 2019年度部门决算表", "第一部分 腾冲市腾越镇概况", "一、主要职能"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("腾冲市腾越镇", 2019, "final_account", "township")
    # the template's placeholder is no unit
    assert identify(lines("第一部分:部门(单位)名称概况", "第二部分 2019年度部门决算表"), []).unit_name == ""


def test_a_unit_named_in_the_sentence_of_its_duties() -> None:
    text = (
        "第二部分 2024年度部门决算公开表",
        "一、部门(单位)职责",
        "根据《西藏自治区人民政府驻上海办事处职能配置、内设机构和人员编制规定》(藏委厅〔2024〕76号),西藏自治区人民政府驻上海办事处主要履行以下职责:",
    )
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year, found.level) == ("西藏自治区人民政府驻上海办事处", 2024, "province")
    # a unit that calls itself 本单位 names none
    assert identify(lines(text[0], "本单位主要履行以下职责:"), []).unit_name == ""


def test_a_middle_page_naming_its_unit_once_in_the_trips_abroad_sentence() -> None:
    text = ("2020 年度一般公共预算财政拨款安排的“三公”经费支", "出决算总额为 5.48 万元。", "(一)因公出国(境)费支出 0 万元。全年使用财政拨", "款安排梧州市农产品质量安全综合检测中心出国团组 0 个,")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("梧州市农产品质量安全综合检测中心", 2020, "final_account")
    assert identify(lines(*text[:3], "款安排本单位出国团组 0 个,"), []).unit_name == ""


def test_a_publisher_cell_names_the_unit_only_where_the_text_names_it_again() -> None:
    head = ("索引号 | 0001/2020-01 | 发布机构 | 柳城县人民政府办公室 |", "第二部分 2019年度部门决算表")
    # a site's publisher may be the government over the unit: the cell alone names no unit
    assert identify(lines(*head), []).unit_name == ""
    found = identify(lines(*head, "2019年,柳城县人民政府办公室收入合计100万元。"), [])
    assert found.unit_name == "柳城县人民政府办公室"


def test_a_sentence_about_the_unit_s_subordinates_names_no_unit_ending_in_suo() -> None:
    # “北京市审计局所属单位……”: 所属 (its subordinate units), not a unit 北京市审计局所
    assert identify(lines("第二部分 2026年度部门预算表", "北京市审计局所属事业单位2个。"), []).unit_name == ""
    assert identify(lines("第二部分 2026年度部门预算表", "北京市农业科学研究所属于公益一类事业单位。"), []).unit_name == "北京市农业科学研究所"


def test_a_title_still_wins_over_the_body() -> None:
    found = identify(lines("梧州市统计局2018年度部门决算", "第一部分 梧州市某某中心概况"), [])
    assert found.unit_name == "梧州市统计局"


# 3. A region named in short form inside the unit's name


def test_a_short_region_name_that_fits_one_division_in_the_country() -> None:
    found = identify(lines("杜集经济开发区管委会2020年部门", "“三公”经费预算"), [])
    assert found.region is not None and (found.region.province, found.region.city, found.region.county) == ("安徽省", "淮北市", "杜集区")
    assert found.level == "county"


def test_a_short_region_name_that_is_ambiguous_or_a_budget_word_gives_no_region() -> None:
    assert short_form_region("新华经济开发区管委会") is None  # 新华区 in three cities
    assert short_form_region("公安局交通警察支队", "公共安全支出\n公安") is None  # 公安县, and a word of the classification
    assert identify(lines("公安局交通警察支队2020年部门预算"), []).region is None
    assert short_form_region("杜集") is None  # the name is nothing but the short form
    # a township's body is named by the township, whatever county elsewhere shares the name (温泉县, 新疆;
    # 温泉街道 is in 湖北省咸宁市咸安区)
    assert short_form_region("温泉街道办事处") is None and short_form_region("杜集镇人民政府") is None
    assert short_form_region("杜集经济开发区管委会") is not None


def test_a_short_region_name_opens_only_a_name_a_county_gives_its_own_bodies() -> None:
    # bodies whose names open with a county's name but are not that county's: a newspaper, a river basin's
    # commission, a campaign's office, a canal, a forest farm, a mountain's park
    for name in ("光明日报社", "太湖流域管理局", "平安建设促进中心", "红旗渠管理处", "东方红林场", "九寨沟管理局", "江南大学"):
        assert short_form_region(name) is None, name
    assert identify(lines("光明日报社2023年部门预算"), []).region is None
    # a county's own bodies: a zone it runs, a department every county has
    for name in ("杜集经济开发区管委会", "杜集财政局", "杜集高新技术产业园区管理委员会", "宝安公安分局", "赣州蓉江新区潭口镇人民政府"):
        assert short_form_region(name) is not None, name


# 4. A sector form: year and kind from a table title with 总 between 决算 and 表


def test_a_sector_form_names_its_year_and_kind_in_its_table_title() -> None:
    found = identify(lines("某某市中医院医改信息公开", "2017年医疗卫生计生机构收支决算总表(按功能分类) |", "国卫财01-1表 |", "编制单位:汨罗市中医院[单户表] |", "金额单位:元 |"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.scope) == ("汨罗市中医院", 2017, "final_account", "unit")  # 单户表: one unit's form
    assert found.region is not None and found.region.county == "汨罗市"


# the form's cells one a line, as the stored page prints them (a bare `|` is a blank cell), cut to its first groups of columns
SECTOR_FORM = [
    "2017年医疗卫生计生机构收支决算总表(按功能分类) |",
    *["|"] * 9,
    "国卫财01-1表 |",
    "编制单位:某某市中医院[单户表] |",
    "金额单位:元 |",
    "项目 |",
    "上年结转和结余 |",
    "本年收入 |",
    "本年支出 |",
    "收支结余 |",
    "|",
    "合计 |",
    "基本支出结转 |",
    "合计 |",
    "其中:财政拨款收入 |",
    "栏次 |",
    *[f"{n} |" for n in range(1, 9)],
    "合计 |",
    "|",
    "|",
    "62,011,988.25 |",
    "1,666,424.00 |",
    "70,496,088.25 |",
    "1,666,424.00 |",
    "-8,484,100.00 |",
    "-8,484,100.00 |",
    "201 |",
    "一般公共服务支出 |",
    "|",
]


def test_a_sector_form_s_revenue_and_expenditure_of_the_year_are_read_from_its_total_row() -> None:
    blocks = recognise_blocks(lines(*SECTOR_FORM))
    assert [b.kind for b in blocks] == ["narrative", "health_summary"] and blocks[1].unit_factor == Decimal("0.0001")
    d = Disclosure({"disclosure_id": "x", "fiscal_year": 2017, "kind": "final_account"})
    read_health_summary(blocks[1], Context(d, 2017))
    assert [(r["metric"], r["amount"]) for r in d.rows["totals"]] == [
        ("revenue_current_year", Decimal("6201.198825")),  # 62,011,988.25 元
        ("expenditure_current_year", Decimal("7049.608825")),  # 70,496,088.25 元
    ]
    # the header's 合计 cells and the 栏次 numbers are not the 合计 row
    assert total_row(block_cells(blocks[1]))[:4] == [None, None, Decimal("62011988.25"), Decimal("1666424.00")]


def test_a_sector_form_whose_amounts_do_not_agree_is_not_read() -> None:
    # 收入 − 支出 printed nowhere after them (the 栏次 row numbers are no amounts of it either)
    assert revenue_and_expenditure([Decimal("62011988.25"), Decimal("1666424.00"), Decimal("70496088.25"), None, Decimal(5)]) is None
    broken = [line if line != "-8,484,100.00 |" else "-8,000,000.00 |" for line in SECTOR_FORM]
    d = Disclosure({"disclosure_id": "x", "fiscal_year": 2017, "kind": "final_account"})
    read_health_summary(recognise_blocks(lines(*broken))[1], Context(d, 2017))
    assert d.rows.get("totals", []) == []


# 5. A 收入预算总额 whose parts include last year's carry-over


def test_a_revenue_budget_total_listing_the_carryover_among_its_parts_is_the_revenue_total() -> None:
    text = [
        "(一)收入预算情况",
        "2022年某某镇人民政府收入预算总额为7783.26万元,比上年收入预算总额增加7122.54万元,增长1078%。其中:财政拨款收入751.8万元,",
        "占收入预算总额的9.7%,包括一般公共预算收入751.8万元;其他收入7000万元,占收入预算总额的90.3%;上年结",
    ]
    figures, _ = read_narrative(lines(*text), 2022)
    totals = [(f.row["metric"], f.statement.amount if f.statement else None) for f in figures if f.resource == "totals"]
    assert ("revenue_total", Decimal("7783.26")) in totals and not any(m == "revenue_current_year" for m, _ in totals)
    # parts that name no carry-over: the year's revenue
    figures, _ = read_narrative(lines(text[0], "2022年某某镇人民政府收入预算总额为7783.26万元。其中:财政拨款收入751.8万元;其他收入7000万元。"), 2022)
    assert [f.row["metric"] for f in figures if f.resource == "totals"] == ["revenue_current_year"]


# 6. A page that names no unit: its fiscal year, not the year it compares with


def test_a_middle_page_gives_its_fiscal_year_not_the_year_it_compares_with() -> None:
    found = identify(lines("(一)本单位2021年度总收入581.45万元,其中本年收", "入390.55万元,较2020年度决算数减少175.26万元,下降31%。", "较2020年度决算数减少157.86万元"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("", 2021, "final_account")


def test_a_middle_page_opening_a_line_with_the_year_s_money_gives_its_year() -> None:
    found = identify(lines("四、财政拨款收支预算总体情况说明", "2025 年财政拨款收支总预算 1085203.63 元。收入包括:"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("", 2025, "budget")
    found = identify(lines("2020年本年收入合计3765.66万元,其中:一般公共预算财政拨款收入1008.64万元", "三、支出决算情况说明"), [])
    assert (found.fiscal_year, found.kind) == (2020, "final_account")
    # a year inside a sentence is no year of the page
    assert identify(lines("主要原因是2025年人员减少,压减非一般性支出。"), []).fiscal_year is None

"""Layouts the third development set showed (issue 13, session 7), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/hidden3 holds, cut to what each rule
reads (names changed where the rule does not depend on them); expected values are read from those
lines by a person. Every rule has its counter-case.
"""

from __future__ import annotations

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.official.regions import most_named_county, resolve_region
from cnbudget.recognise.identify import identify, is_unit_name
from tests.tables.conftest import D, block, read
from tests.tables.test_three_public import items


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


# 1. A web page's table kept with its bars


def test_a_final_account_three_public_table_a_cell_a_line_with_bars_reads_both_columns() -> None:
    # 寿县文物保护中心: 预算数 | 决算数, every cell a line ending in a bar, a blank cell a bar alone
    rows = ["单位:万元", "项 目 |", "预 算 数 |", "决 算 数 |", "合 计 |", "3 |", "1.71 |", "因公出国(境)费 |", "|", "|",
            "公务接待费 |", "1 |", "0.53 |", "公务用车购置及运行维护费 |", "2 |", "1.18 |", "其中:公务用车运行维护费 |", "|", "|", "公务用车购置费 |", "|", "|"]
    r = read(block("three_public", "一、2023年度一般公共预算财政拨款“三公”经费支出决算表", rows), fiscal_year=2023, kind="final_account")
    assert items(r, 2023, "approved") == {"total": D("3"), "reception": D("1"), "vehicle_total": D("2")}
    assert items(r, 2023, "executed") == {"total": D("1.71"), "reception": D("0.53"), "vehicle_total": D("1.18")}


def test_cells_a_line_with_bars_that_do_not_fall_one_figure_a_column_are_not_read_by_the_bars() -> None:
    # a figure lost from the copy: 公务接待费 is followed by one cell where the header has two columns
    rows = ["项 目 |", "预 算 数 |", "决 算 数 |", "合 计 |", "3 |", "1.71 |", "公务接待费 |", "0.53 |", "公务用车购置及运行维护费 |", "2 |", "1.18 |"]
    r = read(block("three_public", "一、2023年度一般公共预算财政拨款“三公”经费支出决算表", rows), fiscal_year=2023, kind="final_account")
    assert items(r, 2023, "approved").get("reception") is None


def test_a_three_public_table_a_row_a_line_with_bars_reads_each_year_s_column() -> None:
    # 昌宁县卡斯镇: 2023年预算数 | 2024年预算数 | 比上年增、减情况, the blanks of a row run together (||||)
    rows = [
        "单位:万元 | ||||",
        "项目 | 2023年预算数 | 2024年预算数 | 比上年增、减情况 | |",
        "增、减金额 | 增、减幅度 | |||",
        "合计 | 18.15 | 22.15 | 4 | 22% |",
        "1.因公出国(境)费 | ||||",
        "2.公务接待费 | 3 | 7 | 4 | 133% |",
        "3.公务用车购置及运行费 | 15.15 | 15.15 | ||",
        "其中:(1)公务用车购置费 | ||||",
        "(2)公务用车运行费 | 15.15 | 15.15 | 0 | 0 |",
    ]
    r = read(block("three_public", "2024年某县某镇“三公”经费预算财政拨款情况统计表 | ||||", rows), fiscal_year=2024)
    assert items(r, 2024) == {"total": D("22.15"), "reception": D("7"), "vehicle_total": D("15.15"), "vehicle_operation": D("15.15")}
    assert items(r, 2023) == {"total": D("18.15"), "reception": D("3"), "vehicle_total": D("15.15"), "vehicle_operation": D("15.15")}
    # the change column (4, 22%) is no year's figure
    assert {row["amount"] for row in r.rows("three_public")} <= {D("22.15"), D("7"), D("15.15"), D("18.15"), D("3")}


def test_a_three_public_table_title_with_caizheng_bokuan_after_yusuan_names_its_year() -> None:
    found = identify(lines("2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表 | ||||", "项目 | 2023年预算数 | 2024年预算数 |"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("昌宁县卡斯镇", 2024, "budget", "township")


def test_vehicle_running_and_purchase_named_together_in_prose_are_the_vehicle_total() -> None:
    text = "其中:因公出国(境)费支出预算为0万元,公务接待费支出预算为11.77万元,公务用车运行维护及购置费支出预算为0万元。"
    figures, _ = read_narrative(lines(text), 2021, "budget")
    found = {f.subject: f.row["amount"] for f in figures if f.resource == "three_public"}
    assert found == {"outbound_travel": D("0"), "reception": D("11.77"), "vehicle_total": D("0")}
    # the running costs alone stay the running costs
    figures, _ = read_narrative(lines("公务用车运行维护费支出预算为2.5万元。"), 2021, "budget")
    assert {f.subject for f in figures if f.resource == "three_public"} == {"vehicle_operation"}


# 2. Units and regions


def test_a_body_s_offices_named_jiguan_are_a_unit() -> None:
    found = identify(lines("黔西南州政协机关2024年部门预算 及“三公”经费预算信息", "附件1"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("黔西南州政协机关", 2024, "budget", "city")
    assert found.region is not None and found.region.city == "黔西南布依族苗族自治州"
    assert is_unit_name("中共某县委机关") and not is_unit_name("机关")


def test_a_township_titled_without_its_county_is_placed_in_the_county_its_text_names() -> None:
    text = ("关于正直镇2024年部门预算编制说明", "2024-04-01 10:14 来源: 正直镇", "正直镇2024年部门收支预算已经南江县财政局批复。根据《四川省预决算公开操作规程》等规定,现将2024年部门收支预算公开如下:")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year, found.level) == ("正直镇", 2024, "township")
    assert found.region is not None and (found.region.province, found.region.city, found.region.county) == ("四川省", "巴中市", "南江县")
    # 本镇, 各乡镇 are no township's name
    assert identify(lines("关于本镇2024年部门预算编制说明"), []).unit_name == ""
    assert identify(lines("关于各乡镇2024年部门预算编制说明"), []).unit_name == ""


def test_a_township_whose_text_names_two_counties_as_often_gets_no_county() -> None:
    province = resolve_region("四川省")
    assert province is not None
    assert most_named_county("南江县财政局批复,参照通江县", province) is None
    assert most_named_county("南江县财政局批复,南江县", province) == resolve_region("四川省巴中市南江县")
    # a county outside the province named is not taken
    assert most_named_county("隆德县卫生健康局", province) is None


def test_a_township_body_named_by_its_township_in_the_overview_prose() -> None:
    text = ("索引号 | 640423016/2023-00115 | 发布机构 | 隆德县卫生健康局 | 责任部门 |", "第二部分 2022年度部门决算表", "第一部分 单位概况", "一、部门职责",
            "观庄乡卫生院是一所集医疗、预防、保健为一体的综合性公立医院,肩负着辖区内12个行政村的健康护航任务。")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("观庄乡卫生院", 2022, "final_account", "township")
    assert found.region is not None and found.region.county == "隆德县"
    # 本乡卫生院 names no unit, and the publisher cell alone names none (the bureau over the unit)
    assert identify(lines(*text[:4], "本乡卫生院是一所综合性公立医院。"), []).unit_name == ""


def test_a_township_government_named_only_in_the_budget_unit_sentence_has_no_region_when_no_county_is_named() -> None:
    text = ("第一部分 2025年部门预算说明", "二、部门预算单位构成", "下马渡镇人民政府只有本级,没有其他预算单位,因此本部门预算仅含本级预算。")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("下马渡镇人民政府", 2025, "budget")
    assert found.region is None  # the build says region-unknown rather than guess a county
    assert identify(lines(*text[:2], "本部门只有本级,没有其他预算单位。"), []).unit_name == ""


def test_an_overview_heading_after_a_mirror_s_lost_characters() -> None:
    # 目录 first, no title: a mirror turned the spaces after 第一部分 into ??? (the page is read in simplified script first)
    found = identify(lines("目??? 录", "第一部分??? 辽宁省公安厅技术服务中心概况", "第四部分??? 2021年度部门决算报表"), [])
    assert (found.unit_name, found.fiscal_year, found.level) == ("辽宁省公安厅技术服务中心", 2021, "province")
    # a placeholder heading still names no unit
    assert identify(lines("第一部分??? 部门概况", "第四部分??? 2021年度部门决算报表"), []).unit_name == ""

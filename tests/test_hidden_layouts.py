"""Layouts the hidden-style set showed (issue 13), each on a tiny inline input.

The inputs are lines of the hidden fixtures' kind of layout (tests/fixtures/hidden), cut to what
each rule reads; expected values are read from those lines by a person.
"""

from __future__ import annotations

from decimal import Decimal

from cnbudget.model import Line
from cnbudget.normalise.narrative import join_prose, statements
from cnbudget.recognise.identify import identify
from tests.tables.conftest import D, block, read
from tests.tables.test_three_public import items


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


def test_two_decimal_numbers_on_adjacent_lines_are_not_glued_into_one() -> None:
    # 梧州 2024 单位决算: the text layer printed “2024608.86” on one line and “608.86万元,较2023” on the next
    prose = join_prose(lines("一、2024年度收入支出决算总体情况", "2024608.86", "608.86万元,较2023"))
    assert [s.amount for s in statements(prose.text, prose)] == [Decimal("608.86")]


def test_a_wrapped_number_still_joins() -> None:
    prose = join_prose(lines("本年收入合计1,2", "34.56万元。"))
    assert [s.amount for s in statements(prose.text, prose)] == [Decimal("1234.56")]


def test_wan_alone_before_a_stop_is_wan_yuan_but_not_before_other_words() -> None:
    found = statements("5.经营收入0.00万,为事业单位……收、支总计均为1523.26万")
    assert [(s.amount, s.unit) for s in found] == [(D("0.00"), "万元"), (D("1523.26"), "万元")]
    assert statements("接待1.2万人次，覆盖3万户") == []


def test_a_cover_naming_no_year_takes_the_year_its_contents_name() -> None:
    # 鄂尔多斯市审计局: 部门名称 on the cover, the year only in 三、2023年度部门主要工作完成情况
    found = identify(
        lines("部门名称:内蒙古自治区鄂尔多斯市审计局", "报送日期:2024年9月", "目 录", "三、2023年度部门主要工作完成情况", "第二部分 部门决算情况说明"), []
    )
    assert (found.unit_name, found.fiscal_year, found.kind, found.scope) == ("内蒙古自治区鄂尔多斯市审计局", 2023, "final_account", "department")


def test_a_unit_named_only_as_the_subject_of_its_body() -> None:
    text = ("第二部分2024年度单位决算情况说明", "二、机构设置", "渠县农业综合技术服务中心下设办公室、财务室、种子管理组等。")
    found = identify(lines(*text), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.scope) == ("渠县农业综合技术服务中心", 2024, "final_account", "unit")
    assert found.region is not None and found.region.county == "渠县"


def test_a_body_sentence_without_a_division_names_no_unit() -> None:
    found = identify(lines("第二部分2022年度单位决算情况说明", "二、机构设置", "本单位下设办公室、财务室。", "我局是县政府工作部门。"), [])
    assert found.unit_name == ""


def test_a_title_never_yields_to_the_body() -> None:
    found = identify(lines("北海市城市照明管理处2023年度单位决算", "北海市市政管理局下设城市照明管理处。"), [])
    assert found.unit_name == "北海市城市照明管理处"


def test_a_three_public_table_published_on_its_own_is_a_disclosure() -> None:
    found = identify(lines("2015年桂林市司法局部门“三公”经费情况统计表", "单位:万元", "项 目\t本年预算数\t其中:公共预算财政拨款"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.scope) == ("桂林市司法局", 2015, "budget", "department")


# 桂林市司法局 2015: a 其中 column beside the budget column, and a 公务用车费 row printed 0 over its part 32.65
GUILIN = [
    ("?", "单位:万元", ""),
    ("项 目", "本年预算数", "其中:公共预算财政拨款"),
    ("合 计", "34.35", "34.35"),
    ("1.因公出国(境)费用", "0", "0"),
    ("2.公务接待费", "1.70", "1.70"),
    ("3.公务用车费", "0", "0"),
    ("其中:(1)公务用车运行维护费", "32.65", "32.65"),
    ("(2)公务用车购置", "0", "0"),
]


def test_a_qizhong_column_is_no_figure_of_its_own_and_one_broken_item_alone_is_doubted() -> None:
    r = read(block("three_public", "2015年桂林市司法局部门“三公”经费情况统计表", GUILIN), fiscal_year=2015)
    assert items(r, 2015) == {
        "total": D("34.35"),
        "outbound_travel": D("0"),
        "reception": D("1.70"),
        "vehicle_operation": D("32.65"),
        "vehicle_purchase": D("0"),
    }
    assert list(r.doubts()) == ["2015/vehicle_total/approved/amount"]


def test_two_broken_items_leave_the_whole_column_in_doubt() -> None:
    rows = [*GUILIN[:3], ("1.因公出国(境)费用", "5", "5"), *GUILIN[4:]]
    r = read(block("three_public", "2015年桂林市司法局部门“三公”经费情况统计表", rows), fiscal_year=2015)
    assert items(r, 2015) == {}

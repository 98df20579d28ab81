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


def test_a_qizhong_column_is_no_figure_of_its_own_and_one_broken_item_it_repeats_is_read_as_printed() -> None:
    # the 其中 column prints every figure again, 公务用车费 0 included: the 0 is the document's, the checks report it
    r = read(block("three_public", "2015年桂林市司法局部门“三公”经费情况统计表", GUILIN), fiscal_year=2015)
    assert items(r, 2015) == {
        "total": D("34.35"),
        "outbound_travel": D("0"),
        "reception": D("1.70"),
        "vehicle_total": D("0"),
        "vehicle_operation": D("32.65"),
        "vehicle_purchase": D("0"),
    }
    assert list(r.doubts()) == []


def test_one_broken_item_alone_is_doubted_where_no_column_repeats_it() -> None:
    # a 其中 column left blank, or one that prints the item otherwise: a misread cell and a misprint look alike
    alone = [*GUILIN[:2], *((row[0], row[1], "") for row in GUILIN[2:])]
    otherwise = [*GUILIN[:5], ("3.公务用车费", "0", "32.65"), *GUILIN[6:]]
    for rows in (alone, otherwise):
        r = read(block("three_public", "2015年桂林市司法局部门“三公”经费情况统计表", rows), fiscal_year=2015)
        assert "vehicle_total" not in items(r, 2015) and items(r, 2015)["vehicle_operation"] == D("32.65")
        assert list(r.doubts()) == ["2015/vehicle_total/approved/amount"]


def test_two_broken_items_leave_the_whole_column_in_doubt() -> None:
    rows = [*GUILIN[:3], ("1.因公出国(境)费用", "5", "5"), *GUILIN[4:]]
    r = read(block("three_public", "2015年桂林市司法局部门“三公”经费情况统计表", rows), fiscal_year=2015)
    assert items(r, 2015) == {}


def test_a_mirror_page_in_traditional_script_with_pinyin_is_read_as_simplified() -> None:
    from cnbudget.read.script import simplified

    # 乌鲁木齐市政务服务中心: a mirror converted the page and put pinyin after some characters
    assert simplified("烏魯木齊市政務(wù)服務(wù)中心2023年度部門決算") == "乌鲁木齐市政务服务中心2023年度部门决算"
    # a simplified page is left exactly as printed, even its characters the conversion would change
    assert simplified("乾安县财政局2024年部门预算") == "乾安县财政局2024年部门预算"


def test_a_unit_named_twice_with_its_second_name_in_brackets() -> None:
    found = identify(lines("目 录", "第二部分 荆门市中医医院(石化医院)2020年度部门决算表"), [])
    assert (found.unit_name, found.fiscal_year, found.kind) == ("荆门市中医医院(石化医院)", 2020, "final_account")


def test_three_public_pages_opening_with_unit_and_year_name_their_unit_and_kind() -> None:
    luan = identify(lines("六安市工商业联合会2021年度一般公共预算财政拨款“三公”经费支出决算", "单位:万元"), [])
    assert (luan.unit_name, luan.fiscal_year, luan.kind) == ("六安市工商业联合会", 2021, "final_account")
    pingwu = identify(lines("关于平武县林业和草原局2019年财政拨款“三公”经费预算情况的说明"), [])
    assert (pingwu.unit_name, pingwu.fiscal_year, pingwu.kind) == ("平武县林业和草原局", 2019, "budget")
    zhanjiang = identify(lines("2018年湛江市质量技术监督局“三公”经费预算情况说明"), [])
    assert (zhanjiang.unit_name, zhanjiang.fiscal_year, zhanjiang.kind) == ("湛江市质量技术监督局", 2018, "budget")


def test_items_named_together_as_the_three_public_total_are_the_total() -> None:
    from cnbudget.normalise.narrative import read_narrative

    text = "鹤山市水务局2018年用一般公共预算财政拨款数开支的出国(境)经费、车辆购置及运行费、公务接待费(简称“三公”经费)支出合计24.75万元。其中:公务接待费支出16.55万元。"
    figures, _ = read_narrative(lines(text), 2018, "budget")
    found = {(f.resource, f.subject): f.row["amount"] for f in figures if f.resource == "three_public"}
    assert found == {("three_public", "total"): D("24.75"), ("three_public", "reception"): D("16.55")}


def test_a_spaced_lanci_row_under_the_header_is_column_numbers_not_a_row_number_column() -> None:
    from cnbudget.tables.numbering import without_row_numbers

    # 黔南州中医医院 收入支出决算总表: 项目/行次/决算数 left and right, then 栏 次 | | 1 | 栏 次 | | 2
    rows = [
        ("项 目", "行次", "决算数", "项 目", "行次", "决算数"),
        ("栏 次", "", "1", "栏 次", "", "2"),
        ("一、一般公共预算财政拨款收入", "1", "4,194.89", "一、一般公共服务支出", "31", "0.00"),
        ("五、事业收入", "5", "38,358.13", "五、教育支出", "35", "0.00"),
    ]
    kept = without_row_numbers(block("summary", "表1 收入支出决算总表", rows))
    assert [ln.cells for ln in kept.lines[1:]] == [
        ("项 目", "决算数", "项 目", "决算数"),
        ("一、一般公共预算财政拨款收入", "4,194.89", "一、一般公共服务支出", "0.00"),
        ("五、事业收入", "38,358.13", "五、教育支出", "0.00"),
    ]


def test_a_three_public_table_one_cell_a_line_reads_each_label_with_the_figure_under_it() -> None:
    # 宣州区审计局 2018: every cell its own line; blank cells print no line
    rows = ["项目", "预 算 数(万元)", "合计", "3.1", "因公出国(境)费", "0", "公务接待费", "公务用车购置及运行费", "其中:公务用车运行维护费", "公务用车购置"]
    r = read(block("three_public", "一、2018年“三公”经费支出预算表", rows), fiscal_year=2018)
    assert items(r, 2018) == {"total": D("3.1"), "outbound_travel": D("0")}
    assert list(r.doubts()) == []


def _run(top: float, left: float, text: str) -> str:
    return f'<div class="p" style="top:{top}pt;left:{left}pt;font-size:9.0pt;width:auto;position:absolute;">{text}</div>'


def _rule(left: float, top: float, height: float) -> str:
    return f'<div class="r" style="position:absolute;left:{left}pt;top:{top}pt;width:0.0pt;height:{height}pt;border-right:0.5pt solid #000000;">&nbsp;</div>'


def test_html_drawing_a_pdf_as_positioned_divs_is_read_in_rows_and_ruled_cells(tmp_path: object) -> None:
    from pathlib import Path

    from cnbudget.read.html import read_html
    from cnbudget.read.positioned import MIN_RUNS

    # 烟台 HTML: a page of runs placed by top/left, rules as empty divs; a merged header cell spans two columns
    rows = [(100.0, [(10.0, "项目"), (110.0, "合计")]), (120.0, [(10.0, "教育支出"), (110.0, "39.15"), (160.0, "35.00")]), (140.0, [(10.0, "卫生健康支出"), (160.0, "4.15")])]
    runs = "".join(_run(top, left, text) for top, cells in rows for left, text in cells)
    rules = _rule(5.0, 95.0, 60.0) + _rule(105.0, 95.0, 60.0) + _rule(155.0, 115.0, 40.0) + _rule(205.0, 95.0, 60.0)
    filler = "".join(_run(300.0 + i, 10.0, "") for i in range(MIN_RUNS))  # empty runs: not text
    prose = "".join(_run(400.0, 10.0 + 40 * i, "说明") for i in range(MIN_RUNS))
    page = f'<html><head><title>t</title></head><body><div class="page" style="position:relative;">{runs}{rules}{filler}{prose}</div></body></html>'
    path = Path(str(tmp_path)) / "drawn.html"
    path.write_text(page, encoding="utf-8")
    lines = [ln.cells for ln in read_html(path).lines if ln.page == 1][:3]
    assert lines == [("项目", "合计", ""), ("教育支出", "39.15", "35.00"), ("卫生健康支出", "", "4.15")]

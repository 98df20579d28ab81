"""Session 11: pages refused although they name their unit and region, by kind (issue 13).

Each example is invented, in the layout of a kind of page the development sets showed; each has a
counter-case the rule must leave alone (a page that truly does not say stays refused).
"""

from __future__ import annotations

from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify


def _who(text: str) -> tuple[str, str, str, str, str]:
    i = identify(text_to_lines(text), [])
    region = i.region
    return (i.unit_name, region.province if region else "", region.county if region else "", i.level, i.kind or "")


# A page with no title: its 机构设置 item names the unit as its subject (X仅设…, X现有…)
_SET_UP = """一、部门基本概况
1、单位职能职责:加强教育教学管理,发展教育事业。
2、单位机构设置:{name}仅设1所初级中学
二、部门预算单位构成
纳入2019年部门预算编制范围的只有本级。
三、部门收支总体情况
(一)收入预算,2019年年初预算数1200000元,其中,一般公共预算拨款1200000元。
"""


def test_the_set_up_item_names_the_unit_of_a_page_with_no_title() -> None:
    assert _who(_SET_UP.format(name="岳阳县第三中学"))[:4] == ("岳阳县第三中学", "湖南省", "岳阳县", "county")


def test_a_set_up_item_whose_subject_names_no_division_names_no_unit() -> None:
    # counter-case: 第三中学 places the page nowhere; the page stays unit-unknown
    assert _who(_SET_UP.format(name="第三中学"))[0] == ""


def test_a_set_up_item_listing_offices_names_no_unit() -> None:
    # counter-case: the item lists the unit's offices, no subject before 内设
    text = _SET_UP.replace("{name}仅设1所初级中学", "内设办公室、财务股")
    assert _who(text)[0] == ""


# A body of an autonomous region's own tier, named 自治区X, whose second name gives the region in short form
_TIER = """第一部分:自治区{name}概况
一、主要职能
负责民俗文物的收藏、陈列和研究工作。
第二部分:自治区{name}2025年单位预算情况说明
我单位2025年总收入120.5万元,总支出120.5万元。
"""


def test_a_tier_body_whose_second_name_gives_its_autonomous_region_is_the_regions() -> None:
    assert _who(_TIER.format(name="民俗文物馆(广西民俗博物馆)"))[:4] == ("自治区民俗文物馆(广西民俗博物馆)", "广西壮族自治区", "", "province")


def test_a_tier_body_whose_names_give_no_region_is_placed_nowhere() -> None:
    # counter-case: 自治区 alone names no region (five provinces are autonomous regions): refused, never guessed
    assert _who(_TIER.format(name="民俗文物馆"))[1] == ""


def test_a_short_form_in_a_body_not_of_the_tier_places_it_nowhere() -> None:
    # counter-case: a city's body (市…) whose second name prints 广西: one short form alone is not a region
    text = _TIER.replace("自治区{name}", "市{name}").format(name="民俗文物馆(广西民俗博物馆)")
    assert _who(text)[1] == ""


# A letter-like “三公” page signed by its unit over a date whose 年, 月 and 日 the page lost
_SIGNED = """2019年第一季度“三公经费”管理使用情况
根据县人民政府办公室《关于严禁超预算或无预算安排支出的通知》的要求,我局对“三公经费”使用情况开展自查,现报告如下:
本季度公务接待费为3万元,比去年同期3.2万元减少了6.25%。
岳阳县农业农村局
{date}
"""


def test_a_signature_over_a_date_that_lost_its_characters_names_the_unit() -> None:
    assert _who(_SIGNED.format(date="2019416")) == ("岳阳县农业农村局", "湖南省", "岳阳县", "county", "final_account")


def test_a_name_over_an_amount_is_no_signature() -> None:
    # counter-case: a line of an amount (decimals) under the name is no date
    assert _who(_SIGNED.format(date="2019416.25"))[0] == ""


def test_a_three_public_page_not_titled_by_its_use_keeps_the_kind_its_words_give() -> None:
    # counter-case: 管理情况 (no 使用) says nothing of money spent; the page's 预算 words make it a budget
    text = _SIGNED.replace("管理使用情况", "管理情况").format(date="2019年4月16日")
    assert _who(text) == ("岳阳县农业农村局", "湖南省", "岳阳县", "county", "budget")


# A “三公” table's title naming the unit before 财政拨款: 2016年X财政拨款“三公”经费预算表
_FUNDED_TITLE = """2018年{name}财政拨款“三公”经费预算表
金额单位:万元
项目 2018年预算数
一、“三公”经费合计 12.5
"""


def test_a_three_public_title_names_its_unit_before_the_funds_words() -> None:
    assert _who(_FUNDED_TITLE.format(name="岳阳县民政局"))[:3] == ("岳阳县民政局", "湖南省", "岳阳县")


def test_a_unit_named_in_short_form_is_named_though_placed_nowhere() -> None:
    # the page names its unit (市民政局) but no region: refused as region-unknown, never as unit-unknown
    assert _who(_FUNDED_TITLE.format(name="市民政局"))[:2] == ("市民政局", "")


def test_a_government_wide_three_public_title_names_no_unit() -> None:
    # counter-case: 全县 is the county's whole government, no unit
    assert _who(_FUNDED_TITLE.format(name="全县"))[0] == ""


# The tables area (told to the lead): a headline figure a second table prints at the same amount stays in the evidence,
# so the 支出总表's 合计/基本支出/项目支出 are compared with the 收支总表's (table-figures-agree passes) and the
# table counts as read; the published totals still keep the first printed.
def _totals(*rows: tuple[str, str, str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    from decimal import Decimal

    from cnbudget.model import Disclosure
    from cnbudget.normalise.disclosure import _one_total_per_key

    d = Disclosure({"disclosure_id": "x"}, {"totals": [{"metric": m, "phase": "approved", "amount": Decimal(a), "origin": "table", "source_table": t, "page": 1} for m, a, t in rows]})
    _one_total_per_key(d)
    return [(r["source_table"], str(r["amount"])) for r in d.rows["totals"]], [(r["source_table"], str(r["amount"])) for r in d.evidence.table_totals]


def test_a_headline_figure_a_second_table_prints_alike_is_kept_for_the_comparison() -> None:
    published, evidence = _totals(("basic_expenditure", "13994.31", "收支预算总表"), ("basic_expenditure", "13994.31", "支出预算总表"))
    assert published == [("收支预算总表", "13994.31")]
    assert evidence == [("收支预算总表", "13994.31"), ("支出预算总表", "13994.31")]


def test_a_figure_one_table_prints_twice_is_kept_once() -> None:
    # counter-case: the same table's same figure (a total line read twice) is one figure, nothing to compare
    published, evidence = _totals(("basic_expenditure", "60", "收支预算总表"), ("basic_expenditure", "60", "收支预算总表"))
    assert published == evidence == [("收支预算总表", "60")]


def test_coverage_counts_a_table_whose_headline_figures_are_compared_as_explained() -> None:
    from tests.conftest import load_tool

    cov = load_tool("coverage_tool", "benchmarks/coverage.py")
    compared = [{"check_id": "table-figures-agree", "status": "pass", "subject": "basic_expenditure/公开03表：支出预算总表", "expected": "1", "detail": ""}]
    assert cov.explained_kinds(compared, []) == {"expenditure": "compared"}
    # counter-case: a comparison that decided nothing explains nothing
    assert cov.explained_kinds([{**compared[0], "status": "not_applicable"}], []) == {}


# --- after holdout11's measure (session 11): three refusals of pages that name their unit, by kind -----------------

# A table's own title opening with the year names a vocational school (中专, 职专) before the table's name
_SCHOOL_TABLE = "2016年{name}预算收支表\n单位:元\n收入\t支出\n一、公共财政拨款\t1436500\t一、基本支出\t2038000\n"


def test_a_year_first_table_title_names_a_vocational_school() -> None:
    assert _who(_SCHOOL_TABLE.format(name="平江县职业中专"))[:4] == ("平江县职业中专", "湖南省", "平江县", "county")


def test_a_year_first_table_title_without_a_body_names_no_unit() -> None:
    # counter-case: 全县职业教育 is no body's name (no unit's ending), so the table names no unit
    assert _who(_SCHOOL_TABLE.format(name="全县职业教育"))[0] == ""


# A table of the national final-account software prints its 编制单位 in a web table's cell, tagged [单户表]
_CELL_LABEL = "2017年医疗卫生计生机构收支决算总表\n| 编制单位:{name}[单户表] |\n金额单位:元 |\n| 项目 |\n本年收入 |\n"


def test_the_unit_label_in_a_web_tables_cell_names_the_unit() -> None:
    assert _who(_CELL_LABEL.format(name="平江县第三人民医院"))[:3] == ("平江县第三人民医院", "湖南省", "平江县")


def test_a_cell_label_naming_no_body_names_no_unit() -> None:
    # counter-case: a label with no body's name after it
    assert _who(_CELL_LABEL.format(name="无"))[0] == ""


# A page titled only by what it explains names its unit in the sentences of the year's money, by a name opening with
# a city's short form, again and again (a body's own page does); the province is the one the page names in full
_SENTENCES = """2016年度预算编制说明
(一)预算编制的基本原则
1.2016年{name}年初部门预算收入为6815.05万元,其中:
公共预算拨款:根据《陕西省教育厅关于2016年部门预算批复的通知》文件通知,{name}2016年部门预算财政拨款1877.83万元。
事业收入:2016年{name}事业收入预算3595.91万元。
{tail}"""


def test_a_name_in_short_form_the_page_repeats_names_the_unit() -> None:
    text = _SENTENCES.format(name="宝鸡文理学院", tail="其他收入:2016年宝鸡文理学院其他收入预算1042.31万元。")
    assert _who(text)[:4] == ("宝鸡文理学院", "陕西省", "", "province")


def test_a_name_in_short_form_printed_less_often_names_no_unit() -> None:
    # counter-case: printed twice only (a body the page merely mentions twice is not the page's own unit)
    text = _SENTENCES.format(name="宝鸡文理学院", tail="").replace("{name}2016年部门预算财政拨款", "学校2016年部门预算财政拨款")
    text = text.replace(",宝鸡文理学院2016年部门预算财政拨款", ",学校2016年部门预算财政拨款")
    assert text.count("宝鸡文理学院") == 2
    assert _who(text)[0] == ""

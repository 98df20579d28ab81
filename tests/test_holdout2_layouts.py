"""Layouts the second held-out set showed (issue 13, fixed in session 8), each on a tiny inline input.

The inputs are lines of the kind of layout tests/fixtures/holdout2 holds, cut to what each rule
reads, with names and figures changed (invented units in real divisions); expected values are
read from those lines by a person. Every rule has its counter-case: what must still name no unit,
no region, or no year.
"""

from __future__ import annotations

from cnbudget.model import Line
from cnbudget.read import text_to_lines
from cnbudget.read.script import simplified
from cnbudget.recognise.identify import identify


def lines(*texts: str) -> list[Line]:
    return [Line(1, (text,)) for text in texts]


def region_of(found: object) -> tuple[str, str, str] | None:
    region = getattr(found, "region", None)
    return None if region is None else (region.province, region.city, region.county)


# 5. A “三公” title that explains the changes (增减情况说明), as a mirror prints it in traditional script


def test_a_three_public_title_of_the_changes_names_unit_and_year() -> None:
    page = "2019年韶关市委统战部“三公”經(jīng)費增減情況說(shuō)明\n2019年韶关市委统战部財政預算撥款“三公”經(jīng)費支出合計12萬元,比上年減少1萬元。"
    found = identify(text_to_lines(simplified(page)), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("韶关市委统战部", 2019, "budget", "city")
    assert region_of(found) == ("广东省", "韶关市", "")
    # a sentence about the changes, not a title, names no unit: the title must open its line
    assert identify(lines("2019年本部门“三公”经费增减情况说明如下。"), []).unit_name == ""


# 6. A “三公” page naming no unit still gives its year (so it fails as unit-unknown, not as not-a-disclosure)


def test_a_three_public_sentence_that_opens_with_the_year_gives_the_year() -> None:
    found = identify(lines("一、“三公”经费安排情况", "2022年本部门财政拨款安排“三公”经费30.5万元,比上年减少1.2万元。"), [])
    assert (found.unit_name, found.fiscal_year) == ("", 2022)
    # a year compared with, in the middle of a sentence, is not the page's year
    assert identify(lines("一、“三公”经费安排情况", "本部门“三公”经费比2021年“三公”经费减少1.2万元。"), []).fiscal_year is None


# 1a. No title: the unit named only mid-sentence, by its government's office in short form (X区政府办)


def test_a_government_office_in_short_form_named_in_the_three_public_sentence() -> None:
    page = (
        "一、2021年度一般公共预算财政拨款“三公”经费支出决算表",
        "单位:万元",
        "二、2021年度一般公共预算财政拨款“三公”经费支出情况说明",
        "相山区政府办2021年度一般公共预算财政拨款“三公”经费支出预算为20万元,支出决算为8万元,完成预算的40%。",
        "相山区政府办2021年度一般公共预算财政拨款“三公”经费支出决算中,公务接待费支出决算8万元,占100%。",
    )
    found = identify(lines(*page), [])
    # one sentence reads 预算 first, the other 决算: the tie is broken by the text, a final account's
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("相山区政府办", 2021, "final_account", "county")
    assert region_of(found) == ("安徽省", "淮北市", "相山区")
    # 办 alone ends no unit's name: 举办, 承办 are verbs
    assert identify(lines("相山区举办2021年度“三公”经费支出决算培训。"), []).unit_name == ""


# 4. A township's body named in its title without its county, and in full only in the 发布机构 cell


def test_a_unit_s_own_department_in_the_title_and_its_full_name_in_the_publisher_cell() -> None:
    title = "青松乡人民政府部门2024年部门预算"
    found = identify(lines("发布机构: | 德兴市青松乡人民政府 | 发文日期: | 2024年04月22日 | ||", title, "目 录"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("德兴市青松乡人民政府", 2024, "budget", "township")
    assert region_of(found) == ("江西省", "上饶市", "德兴市")
    # X部门 is the unit X only where X is a unit's name: a sector (宣传部门) names none
    assert identify(lines(title), []).unit_name == "青松乡人民政府"
    assert identify(lines("宣传部门2024年部门预算"), []).unit_name == ""
    # a publisher that is another body (the government over the unit) is not the unit's full name
    other = identify(lines("发布机构: | 德兴市财政局 |", title), [])
    assert other.unit_name == "青松乡人民政府"


# 2. A title naming a sector of a city's departments (市直X部门), the sector's body named with its city only in the body


def test_a_sector_title_names_the_body_the_text_names_with_its_city() -> None:
    head = ("市直水利部门2023年度部门预算 |", "目录 |", "第一部分 2023年部门预算说明 |", "一、部门基本概况 市水利局内设行政科室6个,分别为办公室、规划科。 |")
    found = identify(lines(*head, "二、部门预算单位构成 1、常德市水利局本级 2、常德市水利科学研究所 |"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("常德市水利局", 2023, "budget", "city")
    assert region_of(found) == ("湖南省", "常德市", "")
    # the short 市水利局 alone places the unit nowhere: no unit rather than a guess
    assert identify(lines(*head), []).unit_name == ""
    # a body of another tier is not the sector's: 县直 wants a 县's 水利局
    assert identify(lines("县直水利部门2023年度部门预算 |", "1、常德市水利局本级 |"), []).unit_name == ""


# 3. The unit named in the page's 来源: line, and without its county in the table's title


def test_a_source_line_names_the_unit_the_table_title_names_in_short_form() -> None:
    table = ("茶叶园2017-度部门“三公”经费预算情况表", "单位:元", "项目 2016-执行数 2017-预算数", "一、支出合计   25000")
    found = identify(lines("岳阳县2017年度部门“三公”经费预算情况表", "来源:岳阳县茶叶园   2017-04-27 00:00", *table), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("岳阳县茶叶园", 2017, "budget", "county")
    assert region_of(found) == ("湖南省", "岳阳市", "岳阳县")
    # a 来源 line naming the site's government, which no title names, is not the unit
    assert identify(lines("来源:岳阳县人民政府   2017-04-27 00:00", *table), []).unit_name == ""
    # 来源 inside a sentence or a cell (收入来源:…) is no page's source line
    assert identify(lines("收入来源:岳阳县茶叶园", *table), []).unit_name == ""


# 1b. No title: a township's body named only further down, in a table's note or the sentence of its subordinates


def test_a_township_named_only_in_a_table_s_note() -> None:
    head = ("目录", "第一部分 概况", "第二部分 2021年度部门决算报表", "九、国有资本经营预算财政拨款支出决算表")
    note = "说明:青山镇人民政府没有使用国有资本经营预算安排支出,故本表无数据。"
    found = identify(lines(*head, note, "经汾阳市财政局批复。"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.level) == ("青山镇人民政府", 2021, "final_account", "township")
    assert region_of(found) == ("山西省", "吕梁市", "汾阳市")
    # a page naming no county: the unit, and no region (refused as region-unknown, never a guess)
    alone = identify(lines(*head, note), [])
    assert (alone.unit_name, alone.region) == ("青山镇人民政府", None)
    # the note of a unit calling itself 本单位 names none
    assert identify(lines(*head, "说明:本单位没有使用国有资本经营预算安排支出,故本表无数据。"), []).unit_name == ""


def test_an_ethnic_township_named_in_the_sentence_of_its_subordinates() -> None:
    head = ("第一部分单位概况", "一、主要职责", "二、机构设置")
    found = identify(lines(*head, "金山彝族乡人民政府下属二级预算单位0个,其中行政单位7个。", "第二部分2023年度单位决算情况说明"), [])
    assert (found.unit_name, found.fiscal_year, found.kind, found.scope, found.region) == ("金山彝族乡人民政府", 2023, "final_account", "unit", None)
    # 本乡 is no township's name
    assert identify(lines(*head, "本乡人民政府下属二级预算单位0个。", "第二部分2023年度单位决算情况说明"), []).unit_name == ""

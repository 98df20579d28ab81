"""Session 13 (ident26): three kinds of refusal holdout14 showed (issue 13) — a central department whose name does not
say it is central (共青团中央, read from the official list of central departments), a district's body named by a
协会's short form (澄海区科协), and a unit named only in its page's 目录 (a page laid out on one line). Each page is
invented, a few lines in the style of the pages it stands for; each rule has its counter-case."""

from __future__ import annotations

import pytest

from cnbudget.model import Identity
from cnbudget.official.central import central_department
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify, is_unit_name
from cnbudget.recognise.place import is_central


def _who(text: str) -> Identity:
    return identify(text_to_lines(text), [])


def _place(i: Identity) -> tuple[str, str, str] | None:
    return None if i.region is None else (i.region.province, i.region.city, i.region.county)


# --- a central department of the official list ---


@pytest.mark.parametrize("name", ["共青团中央", "九三学社中央", "民革中央", "全国总工会", "中华全国妇女联合会", "最高人民检察院", "新华社", "团中央（本级）"])
def test_a_listed_central_department_is_central_and_a_unit(name: str) -> None:
    assert central_department(name) and is_central(name) and is_unit_name(name)


@pytest.mark.parametrize("name", ["共青团安徽省委", "共青团重庆市委员会", "县团委", "贵州省科协", "安顺市妇联", "民革重庆市委", "九三学社四川省委"])
def test_a_branch_of_a_central_body_is_not_central(name: str) -> None:
    assert not central_department(name) and not is_central(name)


def test_a_central_departments_title_by_its_short_form_is_read_central() -> None:
    i = _who("第三部分 民盟中央2013年部门预算情况说明\n一、关于民盟中央2013年收支预算情况的总体说明\n民盟中央2013年收支总预算8123.45万元。\n")
    assert (i.unit_name, i.region, i.level, i.fiscal_year, i.kind) == ("民盟中央", None, "central", 2013, "budget")


def test_a_central_department_is_read_from_the_notice_approving_its_budget() -> None:
    i = _who(
        "根据《财政部关于批复中华全国总工会2011年部门预算的通知》(财预[2011]130号),现将全国总工会2011年部门预算批复情况公布如下。\n"
        "一、总体收支预算\n2011年一般预算收入12345.67万元。\n"
    )
    assert i.unit_name in ("中华全国总工会", "全国总工会") and i.level == "central" and i.region is None and i.fiscal_year == 2011


def test_a_college_named_after_a_city_is_central_when_listed() -> None:
    i = _who("中国延安干部学院2016年部门预算\n一、部门职责\n")
    assert i.region is None and i.level == "central"


def test_a_provincial_branchs_title_is_placed_in_its_province() -> None:
    i = _who("共青团安徽省委2021年部门预算\n一、部门职责\n")
    assert _place(i) == ("安徽省", "", "") and i.level == "province"


def test_an_approval_notice_naming_a_body_of_no_division_names_no_unit() -> None:
    i = _who("根据《关于批复市林业局2018年部门预算的通知》,现将本局2018年部门预算公布如下。\n2018年收入预算100万元。\n")
    assert i.unit_name == "" and i.region is None and i.level != "central"


# --- a district's body named by a short form ---


@pytest.mark.parametrize("short", ["科协", "工商联", "文联", "残联", "妇联", "团委", "侨联", "作协"])
def test_a_districts_body_by_its_short_form_is_read_from_its_title(short: str) -> None:
    i = _who(f"2016年度澄海区{short}部门决算公开\n一、部门基本情况\n(一)部门机构设置、职能\n澄海区{short}目前内设办公室。\n")
    assert i.unit_name == f"澄海区{short}" and _place(i) == ("广东省", "汕头市", "澄海区") and i.level == "county"


@pytest.mark.parametrize("word", ["妥协", "协"])
def test_a_bare_xie_ends_no_units_name(word: str) -> None:
    assert not is_unit_name(f"澄海区{word}")


def test_a_districts_short_form_without_its_district_stays_refused() -> None:
    i = _who("2016年度区科协部门决算公开\n一、部门基本情况\n区科协目前内设办公室。\n")
    assert i.unit_name == "" and i.region is None


# --- a unit named only in its 目录 ---


def test_a_unit_named_only_in_a_contents_laid_out_on_one_line_is_read() -> None:
    i = _who(
        "目 录 第一部分 邵阳市畜牧技术推广站部门概况 1、部门职责 2、机构设置 第二部分 部门决算表 1、部门收支决算总表 "
        "第三部分 2018年度部门决算情况说明 1、收入支出决算总体情况说明 一、部门职责 本单位的主要职能是畜牧技术推广。"
        " 本年收入合计311.76万元。\n"
    )
    assert i.unit_name == "邵阳市畜牧技术推广站" and _place(i) == ("湖南省", "邵阳市", "") and i.level == "city" and i.fiscal_year == 2018


def test_a_contents_entry_of_the_units_budget_names_it() -> None:
    i = _who("目录\n第一部分 部门概况\n第二部分 平江县水利局单位概况\n第三部分 平江县水利局2019年部门预算表\n本单位2019年收入预算300万元。\n")
    assert i.unit_name == "平江县水利局" and _place(i) == ("湖南省", "岳阳市", "平江县")


def test_a_contents_naming_two_bodies_names_no_unit() -> None:
    i = _who("目 录 第一部分 邵阳市畜牧技术推广站部门概况 1、部门职责 第二部分 邵阳市畜牧水产局部门概况 第三部分 2018年度部门决算情况说明 本年收入合计311.76万元。\n")
    assert i.unit_name == "" and i.region is None


def test_a_contents_naming_only_a_tier_names_no_unit() -> None:
    i = _who("目 录 第一部分 市本级部门概况 1、部门职责 第二部分 部门决算表 第三部分 2018年度部门决算情况说明 本年收入合计311.76万元。\n")
    assert i.unit_name == "" and i.region is None


def test_a_part_heading_without_a_contents_is_not_read_by_this_rule() -> None:
    i = _who("说明 第一部分 邵阳市畜牧技术推广站部门概况 1、部门职责 本年收入合计311.76万元。\n")
    assert i.unit_name == ""


"""Session 16 (ident41): identity fields the development sets still missed, fixed by kind — a body named by its tier's word
as the subject of its 机构设置 sentence (区委老干部局下设…), placed in the one district of that tier its page names inside the
division it names most; the year of a page that calls its body only 我单位 (我单位2016年收入决算…); and three kinds the
widened probe showed wrong or refused: a one-character county's name read inside a word of the prose (完成县委 is no 成县,
管理县级 no 理县), nor a generic name's completion (构成 / 县工商联 is no 成县工商联); a page naming its unit only in an 编制单位 line
at its end; a minified web page whose <title> runs on into its first heading. Each page is invented; each rule has its
counter-case."""

from __future__ import annotations

from pathlib import Path

from cnbudget.model import Identity
from cnbudget.official.regions import load_divisions, named_counts
from cnbudget.read import read_source, text_to_lines
from cnbudget.recognise.identify import identify

_BODY = "\n一、部门概况\n（一）主要职责\n负责本行业的管理工作。\n二、收支预算总体情况\n收入预算合计512.30万元，支出预算合计512.30万元。\n"
# rows enough to put a closing line past the page's head
_ROWS = "".join(f"{k}、项目{k}支出预算{k}.00万元，主要用于日常工作。\n" for k in range(1, 90))
_SETUP = (
    "一、部门基本情况\n（二）机构设置。区委老干部局下设3个内设机构；下属事业单位{}。\n按照重庆市机构改革方案要求，本部门不涉及机构改革。\n"
    "二、部门决算情况说明\n本部门2018年度收入总计1,244.19万元。"
)


def _who(text: str) -> Identity:
    return identify(text_to_lines(text), [])


def _place(i: Identity) -> tuple[str, str, str] | None:
    return None if i.region is None else (i.region.province, i.region.city, i.region.county)


def _named(text: str) -> dict[str, int]:
    divisions = load_divisions()
    return {divisions[c].name: n for c, n in named_counts(text).items()}


def test_a_body_named_by_its_tier_as_its_set_up_sentences_subject_is_placed_in_the_one_such_division_its_page_names() -> None:
    found = _who(_SETUP.format("1个：重庆市沙坪坝区老干部活动中心"))
    assert found.unit_name == "区委老干部局"
    assert _place(found) == ("重庆市", "", "沙坪坝区")
    assert found.level == "county" and found.fiscal_year == 2018


def test_a_tier_named_body_whose_page_names_two_divisions_of_its_tier_or_none_is_refused() -> None:
    # counter-cases: two districts inside 重庆市 (a subordinate in each), or none: which district's, the page does not say
    for subordinates in ("2个：重庆市沙坪坝区老干部活动中心、重庆市九龙坡区老年大学", "1个：老干部活动中心"):
        assert _who(_SETUP.format(subordinates)).region is None
    # a name opening with its division is placed by its name, as before
    assert _place(_who(_SETUP.format("1个：重庆市九龙坡区老年大学").replace("区委老干部局下设", "重庆市沙坪坝区委老干部局下设"))) == ("重庆市", "", "沙坪坝区")


def test_a_one_character_countys_name_inside_a_word_of_the_prose_is_no_mention_of_it() -> None:
    assert _named("圆满完成县委交办的各项任务") == {}
    assert _named("负责管理县级财政收支") == {}
    assert _named("单位构成\n县工商联内设机构一个") == {}
    found = _who("县委党校2017年部门决算\n县委党校是县委的重要部门，圆满完成县委交办的各项任务。\n本年收入合计60.42万元。")
    assert found.unit_name == "县委党校" and found.region is None  # was placed in 甘肃省陇南市成县
    found = _who("县财政局2021年部门预算\n负责管理县级财政收支。\n收入预算合计512.30万元。")
    assert found.region is None  # was placed in 四川省阿坝藏族羌族自治州理县


def test_a_one_character_countys_name_printed_as_a_name_still_counts() -> None:
    # counter-cases: after a division, a word that is no word with it (说明, 位于, 2020年), at a line's start
    assert _named("甘肃省陇南市成县财政局") == {"甘肃省": 1, "陇南市": 1, "成县": 1}
    assert _named("情况说明温县教育局") == {"温县": 1}
    assert _named("位于寿县城关镇，2020年寿县") == {"寿县": 2}
    found = _who("县委党校2017年部门决算\n中共成县县委党校是县委的重要部门，圆满完成县委交办的各项任务。\n本年收入合计60.42万元。")
    assert _place(found) == ("甘肃省", "陇南市", "成县")
    assert _place(_who("成县城关镇人民政府2021年部门预算" + _BODY)) == ("甘肃省", "陇南市", "成县")


def test_a_generic_name_is_not_completed_by_a_one_character_county_read_inside_a_word() -> None:
    for setup in ("（二）部门预算单位构成\n县工商联内设机构一个。", "（二）部门预算单位构成县工商联内设机构一个。"):
        found = _who("县工商联2016年部门决算\n" + setup + "\n本年收入合计60.42万元。")
        assert found.unit_name == "县工商联" and found.region is None  # was 成县工商联, placed in 成县
    # counter-case: the full name printed on one line completes it, as before
    found = _who("县工商联2016年部门决算\n岳阳县工商联内设机构一个。\n本年收入合计60.42万元。")
    assert found.unit_name == "岳阳县工商联" and _place(found) == ("湖南省", "岳阳市", "岳阳县")


def test_a_page_calling_its_body_only_wo_danwei_takes_its_year_from_its_sentence_of_money() -> None:
    found = _who("一、概况\n（一）主要职责\n负责本行业的工作。\n二、部门决算收支情况\n我单位2016年收入决算60.42万元，比2015年增加了13.53万元。")
    assert found.fiscal_year == 2016 and found.unit_name == ""
    assert _who("一、概况\n（一）本单位2021年度总收入512.30万元。").fiscal_year == 2021


def test_a_year_after_wo_danwei_that_is_no_money_or_after_a_title_is_not_the_years() -> None:
    # counter-cases: a year the body was set up in; a title's year decides first
    assert _who("一、概况\n我单位2016年成立，内设机构一个。\n收入决算60.42万元。").fiscal_year is None
    assert _who("岳阳市教育局2017年部门决算\n本部门2016年度收入总计60.42万元。").fiscal_year == 2017


def test_a_unit_named_only_in_an_editors_line_at_the_pages_end_is_read() -> None:
    found = _who("2021年部门预算公开" + _BODY + _ROWS + "编制单位：岳阳县财政局")
    assert found.unit_name == "岳阳县财政局"
    assert _place(found) == ("湖南省", "岳阳市", "岳阳县")


def test_a_closing_line_naming_no_unit_or_another_than_the_title_decides_nothing() -> None:
    # counter-cases: a contact line names no unit; a title's unit stands whatever its last line says
    assert _who("2021年部门预算公开" + _BODY + _ROWS + "联系电话：0730-1234567").unit_name == ""
    assert _who("岳阳市教育局2021年部门预算" + _BODY + _ROWS + "编制单位：岳阳县财政局").unit_name == "岳阳市教育局"


def _html(tmp_path: Path, title: str, heading: str) -> Identity:
    page = f"<html><head><title>{title}</title></head><body><h1>{heading}</h1><p>一、部门概况</p><p>收入预算合计512.30万元。</p></body></html>"
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    return identify(read_source(path).lines, [])


def test_a_minified_pages_title_is_a_line_of_its_own(tmp_path: Path) -> None:
    found = _html(tmp_path, "岳阳市人民政府门户网站", "岳阳市教育局2021年部门预算")
    assert found.unit_name == "岳阳市教育局"  # was 岳阳市人民政府门户网站岳阳市教育局
    assert _html(tmp_path, "2021年部门预算公开_岳阳市教育局", "岳阳市教育局2021年部门预算").unit_name == "岳阳市教育局"  # was unit-unknown


def test_a_title_naming_the_page_as_its_heading_does_still_reads_so(tmp_path: Path) -> None:
    # counter-case: a <title> that is the page's title reads as before, its heading a generic form of it
    found = _html(tmp_path, "岳阳县财政局2021年部门预算_岳阳县人民政府", "县财政局2021年部门预算")
    assert found.unit_name == "岳阳县财政局" and _place(found) == ("湖南省", "岳阳市", "岳阳县")

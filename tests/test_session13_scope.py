"""Session 13 (scope27): two identity kinds holdout15 showed (issue 13) — a title naming the body's own unit,
(本级) after its name or its year, is that unit's 单位 disclosure beside the body's 部门 one, whatever word the title
uses; and the public bodies whose names end in 宫, 圃 or a road's or waterway's 段 are units. Each page is invented,
a few lines in the style of the pages it stands for."""

from __future__ import annotations

import pytest

from cnbudget.model import Identity
from cnbudget.read import text_to_lines
from cnbudget.recognise.identify import identify, is_unit_name
from cnbudget.recognise.ids import disclosure_slug, unit_slug

_BUDGET = """{title}
一、单位基本情况
(一)职能职责
引领全区青少年坚持党的领导。
二、部门收支总体情况
(一)收入预算:2023年年初预算数513.09万元,其中:一般公共预算拨款收入513.09万元。{sentence}
"""


def _who(text: str) -> Identity:
    return identify(text_to_lines(text), [])


def _ids(i: Identity) -> tuple[str, str]:
    unit_id = unit_slug(i.unit_name, i.region)
    assert i.fiscal_year is not None and i.kind is not None
    return unit_id, disclosure_slug(unit_id, i.fiscal_year, i.kind, i.scope)


# 1. (本级) in a title: the body's own unit, a disclosure of its own beside the body's 部门 one


def test_a_部门预算_title_naming_the_body_s_own_unit_is_that_unit_s_disclosure() -> None:
    own = _who(_BUDGET.format(title="中国共产主义青年团重庆市某某区委员会(本级)2023年部门预算情况说明", sentence=""))
    whole = _who(_BUDGET.format(title="中国共产主义青年团重庆市某某区委员会2023年部门预算情况说明", sentence=""))
    assert (own.unit_name, own.fiscal_year, own.kind, own.scope) == ("中国共产主义青年团重庆市某某区委员会(本级)", 2023, "budget", "unit")
    assert (whole.unit_name, whole.scope) == ("中国共产主义青年团重庆市某某区委员会", "department")
    # one body, so one unit id; two disclosures, so two disclosure ids
    assert _ids(own)[0] == _ids(whole)[0]
    assert _ids(own)[1] != _ids(whole)[1]


def test_full_width_brackets_and_a_final_account_say_the_same() -> None:
    own = _who(_BUDGET.format(title="重庆市万州区某某局（本级）2022年度部门决算公开说明", sentence=""))
    assert (own.kind, own.scope) == ("final_account", "unit")


def test_本级_after_the_title_s_year_names_the_body_s_own_unit_too() -> None:
    own = _who(_BUDGET.format(title="标题:儋州市某某局2023年度(本级) 决算公开报告", sentence=""))
    assert (own.unit_name, own.scope) == ("儋州市某某局", "unit")


def test_本级_in_a_sentence_about_money_leaves_a_部门_page_a_部门_page() -> None:
    # counter-case: (本级) inside a sentence of the prose (X(本级)2023年无使用…) is no title: the page stays 部门
    sentence = "。重庆市长寿区某某委员会(本级)2023年无使用政府性基金预算拨款安排的支出。"
    whole = _who(_BUDGET.format(title="重庆市长寿区某某委员会2023年部门预算情况说明", sentence=sentence))
    assert (whole.unit_name, whole.scope) == ("重庆市长寿区某某委员会", "department")


def test_a_部门_made_of_its_本级_alone_keeps_its_title_s_word() -> None:
    # counter-case: where the page says its 部门 is the 本级 alone, the 部门 disclosure is that unit's; there is no
    # second one beside it, and the title's 部门预算 stands (长春市信访局（本级）/ 2026年度部门预算公开)
    cover = "长春市某某局（本级）\n2026年度部门预算公开\n第一部分 部门概况\n二、机构设置及部门决算单位构成\n长春市某某局内设十个机构。预算单位构成\n为：\n行政单位：\n长春市某某局（本级）\n第二部分 2026年度部门预算表\n"
    assert _who(cover).scope == "department"
    said = _BUDGET.format(title="重庆市某某区某某局(本级)2023年部门预算情况说明", sentence="重庆市某某区某某局只有本级,没有其他二级预算单位。")
    assert _who(said).scope == "department"
    # and a list of units that goes on after the 本级 is no 本级 alone
    more = cover.replace("长春市某某局（本级）\n第二部分", "长春市某某局（本级）、长春市某某中心\n第二部分")
    assert _who(more).scope == "unit"


def test_a_部门_title_without_本级_stays_部门() -> None:
    # counter-case: a 部门 page, its title naming the body alone, is the body's 部门 disclosure
    assert _who(_BUDGET.format(title="重庆市长寿区某某局2023年部门预算情况说明", sentence="")).scope == "department"


# 2. The endings of public bodies' names: 宫, 圃, 航道段/公路段, and those the list already had


@pytest.mark.parametrize(
    "name",
    [
        "重庆市万州区青少年宫",
        "某某市少年宫",
        "某某市工人文化宫",
        "某某县国有苗圃",
        "某某航道段",
        "某某市公路管理段",
        "某某县公路段",
        "某某市科技馆",
        "某某县革命纪念馆",
        "某某市美术馆",
        "某某市体育馆",
        "某某县妇幼保健院",
        "某某市社会福利院",
        "某某镇敬老院",
        "某某市救助管理站",
        "某某县环境监测站",
        "某某县农业技术推广站",
        "某某县水利管理所",
        "某某市重点实验室",
        "某某市农业科学研究院",
        "某某市歌舞团",
        "某某市大剧院",
        "某某县电视台",
        "某某市人民广播电台",
        "某某出版社",
        "某某日报社",
    ],
)
def test_a_public_body_s_name_reads_as_a_unit(name: str) -> None:
    assert is_unit_name(name)


def test_a_youth_palace_s_title_names_its_unit() -> None:
    # 重庆市万州区青少年宫2023年度决算公开说明: a title that says neither 部门 nor 单位 counts where its name ends as a body's
    i = _who("重庆市万州区青少年宫2023年度决算公开说明\n一、部门基本情况\n现有在职职工36名。\n")
    assert (i.unit_name, i.fiscal_year, i.kind) == ("重庆市万州区青少年宫", 2023, "final_account")
    assert i.region is not None and i.region.county == "万州区"


def test_a_sentence_about_a_palace_or_a_hall_is_no_unit_s_name() -> None:
    # counter-case: a palace or a hall in a sentence of the prose, not in a title, names no unit
    text = "一、部门基本情况\n3月,全区团干部在重庆市万州区青少年宫召开2023年度决算布置会。\n组织青少年参观重庆市人民大礼堂和工人文化宫。\n"
    assert _who(text).unit_name == ""
    # and 段 is a body only after a road's or a waterway's word: 阶段, 路段 of a sentence are none
    assert not is_unit_name("第一阶段") and not is_unit_name("城区主干道路段")


# 3. The 机构设置 item's heading run on into the sentence whose subject is the unit


_NO_TITLE = """一、部门基本情况
(一)职能职责。负责处理区内群众的来信来访。
{set_up}
(三)单位构成。从预算单位构成看,本部门下设重庆市涪陵区某某信息中心。
二、部门决算情况说明
1.总体情况。2021年度收入总计1,308.6万元,支出总计1,308.6万元。收支较上年决算数增加492.7万元。
"""


def test_the_机构设置_item_run_on_into_its_sentence_names_the_unit() -> None:
    i = _who(_NO_TITLE.format(set_up="(二)机构设置。重庆市涪陵区某某办公室是区政府工作部门为正处级。机关内设7个科室。"))
    assert (i.unit_name, i.fiscal_year, i.kind) == ("重庆市涪陵区某某办公室", 2021, "final_account")
    assert i.region is not None and i.region.county == "涪陵区"


def test_the_机构设置_item_naming_the_body_only_as_本部门_names_no_unit() -> None:
    # counter-case: the subordinate the 单位构成 names (本部门下设X中心) is not the unit, nor is 本办公室
    i = _who(_NO_TITLE.format(set_up="(二)机构设置。本办公室是区政府工作部门为正处级。"))
    assert i.unit_name == ""

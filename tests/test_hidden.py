"""Hidden-style documents (issue 13): provinces in neither corpus folder are read right, or said unreadable.

The build of tests/fixtures/hidden is scored by benchmarks/hidden.py against figures a person read
from each file (expected.json). The issue asks for at least 95% of hand-read figures published
right, no headline figure a row number and no two documents sharing an id; the floors below are
what is measured (every figure and identity right), and no figure published that the document
prints nowhere.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import load_tool

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "hidden"


@pytest.fixture(scope="module")
def hidden() -> ModuleType:
    return load_tool("hidden_tool", "benchmarks/hidden.py")


def _score(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory, folder: Path) -> tuple[list[Any], dict[str, Any]]:
    """A set built once and scored against its hand-read key: (its lines, its totals)."""
    packages = tmp_path_factory.mktemp(folder.name) / "dp"
    hidden.run_build(folder, packages)
    lines = hidden.measure(folder, packages)
    return lines, hidden.totals(lines, packages)


@pytest.fixture(scope="module")
def scored(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], dict[str, Any]]:
    return _score(hidden, tmp_path_factory, FOLDER)


@pytest.mark.parametrize("folder", ["hidden", "hidden3", "hidden4", "hidden5"])
def test_every_fixture_has_hand_read_expectations(folder: str) -> None:
    import json

    path = ROOT / "tests" / "fixtures" / folder
    expected = json.loads((path / "expected.json").read_text(encoding="utf-8"))["documents"]
    assert sorted(expected) == sorted(p.name for p in path.glob("*.*") if p.suffix in (".txt", ".html"))


def test_hand_read_figures_are_published_right(scored: tuple[list[Any], dict[str, Any]]) -> None:
    lines, total = scored
    right, count = total["figures"]
    wrong = [f"{line.file}: {w}" for line in lines for w in line.figures_wrong]
    # measured 71/71 (benchmarks/RESULTS.md, Hidden-style documents); the floor is 95%
    assert count >= 71 and right == count, wrong


def test_identity_is_read_right(scored: tuple[list[Any], dict[str, Any]]) -> None:
    lines, total = scored
    right, count = total["identity"]
    wrong = [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]
    # measured 265/265: every document's unit, region, level, year, kind and scope
    assert count >= 265 and right == count, wrong


def test_no_headline_is_a_row_number_and_nothing_unprinted_is_published(scored: tuple[list[Any], dict[str, Any]]) -> None:
    lines, _ = scored
    assert [(line.file, line.row_numbers) for line in lines if line.row_numbers] == []
    assert [(line.file, line.not_printed) for line in lines if line.not_printed] == []


def test_no_two_documents_share_an_id(scored: tuple[list[Any], dict[str, Any]]) -> None:
    lines, total = scored
    ids = [line.disclosure_id for line in lines if line.disclosure_id]
    assert total["id_collisions"] == 0
    assert len(ids) == len(set(ids))


def test_a_document_naming_no_unit_says_so(scored: tuple[list[Any], dict[str, Any]]) -> None:
    lines, _ = scored
    unnamed = next(line for line in lines if line.file == "sichuan-unnamed-unit-2022-final-part2.txt")
    assert unnamed.status == "failed:unit-unknown"


# The third development set (tests/fixtures/hidden3, session 7): gathered and keyed by hand before
# any build on it, then fixed against by kind of layout (benchmarks/RESULTS.md, “Third development set”).
FOLDER3 = ROOT / "tests" / "fixtures" / "hidden3"


@pytest.fixture(scope="module")
def scored3(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], dict[str, Any]]:
    return _score(hidden, tmp_path_factory, FOLDER3)


def test_hidden3_figures_identity_and_precision(scored3: tuple[list[Any], dict[str, Any]]) -> None:
    lines, total = scored3
    right, count = total["figures"]
    wrong = [f"{line.file}: {w}" for line in lines for w in line.figures_wrong + line.identity_wrong]
    # measured 22/22 figures (session 8: the 决算数 stated in the table's footnote is read as prose) and 137/137 identity
    assert count >= 22 and right >= 22, wrong
    assert total["identity"] == (137, 137), wrong
    assert [(line.file, line.row_numbers + line.not_printed) for line in lines if line.row_numbers or line.not_printed] == []
    assert total["id_collisions"] == 0


def test_a_township_page_naming_no_county_says_its_region_is_unknown(scored3: tuple[list[Any], dict[str, Any]]) -> None:
    lines, _ = scored3
    unnamed = next(line for line in lines if line.file == "hunan-unnamed-county-xiamadu-2025-budget.txt")
    assert unnamed.status == "failed:region-unknown"


def test_holdout2_figures_of_its_published_documents(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout2, no longer held out since session 8: the figures its published documents print, floored at what is measured."""
    lines, total = _score(hidden, tmp_path_factory, ROOT / "tests" / "fixtures" / "holdout2")
    right, count = total["figures"]
    # measured 62/94 in session 8 (48 before) with figs14's readers alone, 86/94 with ident14's identities too;
    # 90/94 in session 9 (figs16: 台创园's table in 元, its blank cells printed as spaces, now read). The rest:
    # 和平彝族乡's page, refused as region-unknown (2), and 黄石七中's 收入预算 / 支出预算, which its prose does
    # not say are the 收入总计 / 支出总计 (2)
    assert count == 94 and right >= 90, [f"{line.file}: {w}" for line in lines for w in line.figures_wrong]
    assert [(line.file, line.row_numbers + line.not_printed) for line in lines if line.row_numbers or line.not_printed] == []



def _assert_floor(
    hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory, name: str, count_expected: int, floor: int
) -> tuple[list[Any], dict[str, Any]]:
    """A held-out set under tests/fixtures scores ``count_expected`` figures, at least ``floor`` right, none published
    with another amount than the one printed, with no row number, no figure it does not print and no id collision;
    returns its scored lines and totals, for a test's own assertions on them."""
    lines, total = _score(hidden, tmp_path_factory, ROOT / "tests" / "fixtures" / name)
    right, count = total["figures"]
    assert count == count_expected and right >= floor, [f"{line.file}: {w}" for line in lines for w in line.figures_wrong]
    assert [(line.file, line.figures_misread) for line in lines if line.figures_misread] == []
    assert [(line.file, line.row_numbers + line.not_printed) for line in lines if line.row_numbers or line.not_printed] == []
    assert total["id_collisions"] == 0
    return lines, total


def test_holdout3_figures(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout3, gathered in session 8 and measured once (RESULTS.md, “Third held-out set”): its figures floored at what is measured."""
    # measured once 102/160 on dfbea17, before any fix from it; 139/160 after session 8's fixes from it by kind
    # (ident15's identities, figs15's tables and prose); 151/160 after session 9's (figs16); 153/160 after figs23 (session 12)
    _assert_floor(hidden, tmp_path_factory, "holdout3", 160, 153)


def test_holdout5_to_holdout7_figures(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout5 to holdout7, gathered in session 9 and measured once (RESULTS.md): their figures floored at what is measured."""
    # holdout5: 95/121 before figs18, 96/121 after, 97/121 after figs20; holdout6: measured once 61/151, 102/151 before
    # figs18, 113/151 after, 131/151 after figs20; holdout7: measured once 68/125, 82/125 after figs20,
    # 107/125 at 9939b28, 111/125 after figs21; holdout5 101/121 after figs25 (session 13: the 2011 central “三公” table)
    for name, count_expected, floor in (("holdout5", 121, 101), ("holdout6", 151, 131), ("holdout7", 125, 111)):
        _assert_floor(hidden, tmp_path_factory, name, count_expected, floor)


# The fourth development set (tests/fixtures/hidden4, session 8): figure-bearing tables, gathered and
# keyed by hand before any build on it, then fixed against by kind of layout (benchmarks/RESULTS.md,
# “dev14”). Measured before the fixes: 4/12 figures, identity 56/68.
FOLDER4 = ROOT / "tests" / "fixtures" / "hidden4"


@pytest.fixture(scope="module")
def scored4(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], dict[str, Any]]:
    return _score(hidden, tmp_path_factory, FOLDER4)


def test_hidden4_figures_identity_and_precision(scored4: tuple[list[Any], dict[str, Any]]) -> None:
    lines, total = scored4
    right, count = total["figures"]
    wrong = [f"{line.file}: {w}" for line in lines for w in line.figures_wrong + line.identity_wrong]
    # measured 12/12 figures and 64/68 identity: the four pages left name no unit and no year a
    # title gives, and fail with not-a-disclosure where unit-unknown was keyed; 67/68 in session 9
    # (figs16: the year of a 三公 page printed without 年, of a middle page opening with its 拨款 or
    # 基本支出), the page left naming its year only as the year before's (2020 年无此项预算)
    assert count >= 12 and right >= 12, wrong
    assert total["identity"][0] >= 67, wrong
    assert [(line.file, line.row_numbers + line.not_printed) for line in lines if line.row_numbers or line.not_printed] == []
    assert total["id_collisions"] == 0
    unnamed = [line for line in lines if line.file.startswith("unnamed-")]
    assert len(unnamed) == 4 and all(line.status.startswith("failed:") for line in unnamed)


# The fifth development set (tests/fixtures/hidden5, session 9): pages of the bodies the session could
# use (北京 上海 重庆 河南 吉林 山东 浙江 江苏, central departments), keyed by hand before any build. No stored
# opening of those prints a national table a cell a line (README); those tables are tested inline in
# tests/test_cell_a_line_tables.py. Measured before and after the cell-a-line reader: identity 24/32,
# figures 0/4 (市国资委's “三公” page names its unit without its city and fails with unit-unknown).
FOLDER5 = ROOT / "tests" / "fixtures" / "hidden5"


@pytest.fixture(scope="module")
def scored5(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], dict[str, Any]]:
    return _score(hidden, tmp_path_factory, FOLDER5)


def test_hidden5_identity_and_precision(scored5: tuple[list[Any], dict[str, Any]]) -> None:
    lines, total = scored5
    wrong = [f"{line.file}: {w}" for line in lines for w in line.figures_wrong + line.identity_wrong]
    assert total["figures"][1] == 4 and total["figures"][0] >= 0, wrong
    assert total["identity"][0] >= 24, wrong
    assert [(line.file, line.row_numbers + line.not_printed) for line in lines if line.row_numbers or line.not_printed] == []
    assert total["id_collisions"] == 0
    published = [line for line in lines if not line.status.startswith("failed:")]
    assert len(published) >= 3 and not any(line.identity_wrong for line in published), wrong


def test_holdout8_to_holdout10_figures(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout8 to holdout10, gathered in session 10 and measured once on 85f8915 (RESULTS.md: 34, 35 and 10 right), then
    development sets: floored at what session 11's fixes by kind reach (holdout9 59, holdout10 11); holdout9 62 after figs23 (session 12),
    63 after figs28 (session 14).

    Nothing was fixed from them before that measure; they guard against a regression only (never a target to fit).
    """
    for name, count_expected, floor in (("holdout8", 36, 34), ("holdout9", 67, 63), ("holdout10", 11, 11)):
        _assert_floor(hidden, tmp_path_factory, name, count_expected, floor)


def test_holdout11_figures(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout11, gathered in session 11 and measured once on d85fba5 (RESULTS.md): 5 of 36 figures, 5 of 12 published;
    12 of 36 and 8 of 12 after three refusal kinds were fixed from it (13f1f0c); 13 of 36 and 9 of 12 once a college
    named by a short form is placed by its page's 省属 (session 12). A development set from then on: floored at that, to
    guard against a regression only; 23 by session 15, 24 after num41 (a source named after the unit's own name).
    """
    _assert_floor(hidden, tmp_path_factory, "holdout11", 36, 24)


def test_holdout12_and_holdout13_figures(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout12 and holdout13, gathered in session 12 and measured once on 8b856b8 (RESULTS.md): 25 of 38 and 45 of 62
    figures, one of holdout12's published with another amount; 34 of 38 and 53 of 62 after the fixes by kind that
    followed (prec24, ident24, figs24), none wrong. Development sets from then on: floored there, against a regression only;
    session 13: holdout12 +1 by figs25 (a “三公” table titled with both its years), +3 by ident25 (a unit named in its
    人员构成 item, 黔东南州工业学校). Session 17 (probe42): holdout13 53 → 51, 开州区法院's 基本支出 and 项目支出 refused: they are
    the parts of its 一般公共预算财政拨款支出 on a page that does not say that appropriation is all its money, the wording
    whose 基本支出 holdout15's keyer refused for 长寿区科协 (one wording read two ways: ambiguous, so refused).
    """
    for name, count_expected, floor in (("holdout12", 38, 37), ("holdout13", 62, 51)):
        _assert_floor(hidden, tmp_path_factory, name, count_expected, floor)


def test_holdout15_figures(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout15, gathered in session 13 and measured once on faf4190 (RESULTS.md): 44 of 72 figures, 10 of 16 published,
    two pages refused as disclosure-id-collision (a 部门 page and its body's (本级) page). A development set from then on:
    65 of 72 and 14 of 16 after scope27's fixes by kind (a (本级) title is the body's own unit's 单位 disclosure; bodies
    whose names end in 宫; a 机构设置 item's heading run on into its sentence), none wrong; floored there, against a
    regression only; 67 after figs27 (a (含…) bracket between a total's words and its amount names nothing); 72, 15 of 16
    and identity 121 of 121 after ident41 (区委老干部局, named by its tier's word as its 机构设置 sentence's subject, placed in
    the one district its page names, 沙坪坝区).
    """
    lines, total = _assert_floor(hidden, tmp_path_factory, "holdout15", 72, 72)
    assert total["identity"][0] >= 121, [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]


def test_holdout14_figures_and_identity(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout14, gathered in session 13 and measured once on 4954659 (RESULTS.md): 17 of 36 figures, 5 of 10 published,
    identity 40 of 73, one figure published with another amount (临湘市农业局's 本年支出, a member unit's read as the
    department's: prec26's brief). 32 of 36, 9 of 10 and 72 of 73 after ident26 read the three kinds of refusal it showed
    (a central department of the official list, 共青团中央; a district's 科协; a unit named only in its 目录). A development
    set from then on: floored there, against a regression only. 35 of 36, none published with another amount, once
    merged with prec26 (a member unit's sentence is that unit's, and 收支决算总计 is both totals).
    """
    lines, total = _score(hidden, tmp_path_factory, ROOT / "tests" / "fixtures" / "holdout14")
    right, count = total["figures"]
    assert count == 36 and right >= 35, [f"{line.file}: {w}" for line in lines for w in line.figures_wrong]
    assert total["identity"][0] >= 72, [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]
    assert [line.file for line in lines if line.figures_misread] == []
    assert [(line.file, line.row_numbers + line.not_printed) for line in lines if line.row_numbers or line.not_printed] == []
    assert total["id_collisions"] == 0
    central = [line for line in lines if line.file.startswith("central-")]
    assert len(central) == 2 and all(line.status == "ok" for line in central)


def test_holdout16_figures_and_identity(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout16, gathered in session 14 and measured once on ab9572d (RESULTS.md): 5 of 22 figures, 2 of 6 published,
    identity 16 of 48, none published with another amount. 13 of 22, 5 of 6 and 40 of 48 after the lead read the three
    kinds of refusal it showed (a democratic party's local committee; the “三公” 单位范围 sentence; a district's X街).
    A development set from then on: floored there, against a regression only. Its 宁国 page never prints its unit's name
    (refused rightly), and its 大关 page's amounts all follow their rows (not read, rightly).
    """
    lines, total = _assert_floor(hidden, tmp_path_factory, "holdout16", 22, 13)
    assert total["identity"][0] >= 40, [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]
    refused = [line.file for line in lines if line.status.startswith("failed:")]
    assert refused == ["anhui-ningguo-transport-bureau-2013-three-public-final.txt"], refused


def test_holdout17_figures_and_identity(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout17, gathered in session 15 and measured once on 6b1b865 (RESULTS.md): 31 of 34 figures, 5 of 7 published
    (the two refused name no unit: keyed so), identity 42 of 42, none published with another amount. 34 of 34 after the
    lead read its two kinds (a heading （一）收入总计主要构成 above 本年收入 X; 收入、支出总计均为 X). A development set from
    then on: floored there, against a regression only.
    """
    lines, total = _assert_floor(hidden, tmp_path_factory, "holdout17", 34, 34)
    assert total["identity"][0] >= 42, [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]
    refused = sorted(line.file for line in lines if line.status.startswith("failed:"))
    assert refused == ["unnamed-qianlima-mirror-2026-budget.txt", "unnamed-qiaokou-site-2017-final.txt"], refused


def test_holdout18_figures_and_identity(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout18, gathered in session 15 and measured once on the session's merged code (5aec357, RESULTS.md): 23 of 23
    figures, 5 of 5 published, identity 39 of 40 (a portal's 信息名称 label read into a unit's name), none published with
    another amount. 40 of 40 after the label was taken off. A development set from then on: floored there.
    """
    lines, total = _assert_floor(hidden, tmp_path_factory, "holdout18", 23, 23)
    assert total["identity"][0] >= 40, [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]
    assert [line.file for line in lines if line.status.startswith("failed:")] == []


def test_holdout19_to_holdout21_figures_and_identity(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout19–21, gathered in session 16 and measured once on 7fc94b7 (RESULTS.md): 39 of 41, 0 of 2 and 31 of 32
    figures (70 of 75), identity 54/56, 7/8 and 40/40, every page published, none with another amount. 40, 2 and 32 after
    the lead read their kinds (一般公共预算本年收入; a heading numbered 1、; 胡川镇中心小学支出为). Development sets from then
    on: floored there. 昌吉五中's 单位资金结转 is unread; 太谷师范附小's level and 三亚林场's scope are keyed from outside the
    page's own words (their READMEs and RESULTS.md say so).
    """
    for name, count_expected, floor, identity in (("holdout19", 41, 40, 54), ("holdout20", 2, 2, 7), ("holdout21", 32, 32, 40)):
        lines, total = _assert_floor(hidden, tmp_path_factory, name, count_expected, floor)
        assert total["identity"][0] >= identity, [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]
        assert [line.file for line in lines if line.status.startswith("failed:")] == []


def test_holdout22_to_holdout25_figures_and_identity(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout22–25, gathered in session 17 and measured once on f019513 (RESULTS.md): 9 of 9, 1 of 2 (its 政府性基金
    published as 2, a row number, where the page prints 0.00), 54 of 64 and 89 of 109 figures; identity 16/24, 8/8, 96/113,
    152/168. After the lead read their kinds (a barred row cut short; a title run into its contents; 县级部门决算; a scope
    sentence listing the 本级 first): 9, 2, 63 and 89; 64 for holdout24 once a 收支总表 copied a cell and its bar a line and
    its 其中:政府性基金 line were read. Still refused, rightly: pages naming no unit or no region (南纪门街道,
    a 涪陵 town's site); left: 任城区民生热线 (a name ending in 热线), 民进常州市委's three-block table, 嘉定's collapsed cells.
    """
    for name, count_expected, floor, identity, refused in (
        ("holdout22", 9, 9, 24, []),
        ("holdout23", 2, 2, 8, []),
        ("holdout24", 64, 64, 112, ["unnamed-fuling-town-site-2024-three-public-budget.txt"]),
        ("holdout25", 109, 89, 152, ["chongqing-yuzhong-nanjimen-subdistrict-2023-final.txt", "shandong-jining-rencheng-livelihood-hotline-2020-budget.txt"]),
    ):
        lines, total = _assert_floor(hidden, tmp_path_factory, name, count_expected, floor)
        assert total["identity"][0] >= identity, [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]
        assert [line.file for line in lines if line.status.startswith("failed:")] == refused


def test_holdout26_figures_and_identity(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> None:
    """holdout26 (7 pages of 重庆's towns and one bureau), gathered in session 17 after its other sets and measured once on
    ff2c6c6, session 17's landed code: 27 of 41 figures, identity 40/56, two pages refused as unit-unknown. After the lead
    read its kinds (a publishing sentence naming the township with its district, 现将涪陵区新妙镇2021年度“三公”经费决算情况
    公布如下, and its kind word; 购置及运维费): 31. Left: 石溪镇 named bare as a sentence's subject (its district only in
    its subordinate units' names); 肖家镇's 基本支出/项目支出 refused as one fund's parts on a page with other money (the
    reading probe42 chose, which holdout13's and this set's keyers read as the unit's).
    """
    lines, total = _assert_floor(hidden, tmp_path_factory, "holdout26", 41, 31)
    assert total["identity"][0] >= 48, [f"{line.file}: {w}" for line in lines for w in line.identity_wrong]
    assert [line.file for line in lines if line.status.startswith("failed:")] == ["chongqing-nanchuan-shixi-town-2018-budget.txt"]

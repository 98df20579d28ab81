"""Tests for the classification reference data and name matching."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cnbudget.official import classification as cl
from cnbudget.schema import REFERENCE_WINDOW

DATA = Path(cl.__file__).resolve().parent.parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    """Read one of the shipped classification CSVs."""
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _years(text: str) -> set[int]:
    """Expand a ``FROM-TO`` years cell."""
    first, _, last = text.partition("-")
    return set(range(int(first), int(last or first) + 1))


# --- examples from the brief -------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "section", "item", "expected"),
    [
        (
            "社会保障和就业",
            "行政事业单位养老支出",
            "机关事业单位基本养老保险缴费支出",
            "2080505",
        ),
        ("卫生健康", "行政事业单位医疗", "公务员医疗补助", "2101103"),
        (
            "农林水支出",
            "巩固脱贫攻坚成果衔接乡村振兴",
            "其它巩固脱贫攻坚成果衔接乡村振兴支出",
            "2130599",
        ),
        ("一般公共服务", "组织事务", "其他组织事务支出", "2013299"),
        ("一般公共服务", "党委办公厅(室)及相关机构事务", "行政运行", "2013101"),
        ("住房保障", "住房改革支出", "住房公积金", "2210201"),
    ],
)
def test_resolve_function_path(cls: str, section: str, item: str, expected: str) -> None:
    """Printed 类/款/项 names resolve to the 7-digit code."""
    assert cl.resolve_function_path(cls, section, item, year=2024) == expected
    assert cl.resolve_function_path(cls, section, item) == expected


def test_resolve_function_path_partial() -> None:
    """A path without 项 (or without 款) resolves to the 款 (or 类)."""
    assert cl.resolve_function_path("一般公共服务", "组织事务", None) == "20132"
    assert cl.resolve_function_path("卫生健康支出", None, None) == "210"
    assert cl.resolve_function_path("不存在的类", "组织事务", "行政运行") is None
    assert cl.resolve_function_path("一般公共服务", "组织事务", "不存在的项") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）",
            "2080505",
        ),
        ("卫生健康（类）行政事业单位医疗（款）公务员医疗补助（项）", "2101103"),
        (
            ("14. 农林水支出（类）巩固脱贫攻坚成果衔接乡村振兴（款）其它巩固脱贫攻坚成果衔接乡村振兴支出（项）"),
            "2130599",
        ),
        ("5. 一般公共服务（类）组织事务（款）其他组织事务支出（项）", "2013299"),
        (
            ("10. 一般公共服务（类）党委办公厅（室）及相关机构事务（款）其他党委办公厅（室）及相关机构事务支出（项）"),
            "2013199",
        ),
        # old 款 name (行政事业单位离退休) still printed in 2024 disclosures
        (
            "（四）社会保障和就业（类）行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）",
            "2080505",
        ),
        # leading prose and codes inside the markers
        (
            "主要用于：社会保障和就业支出（208类）行政事业单位养老支出（05款）行政单位离退休（01项）",
            "2080501",
        ),
        (
            '1. "一般公共服务支出（类）统计信息事务（款）专项普查活动（项）"科目43.83万元',
            "2010507",
        ),
    ],
)
def test_resolve_function_prose(text: str, expected: str) -> None:
    """Disclosure prose resolves to the code it names."""
    assert cl.resolve_function_prose(text, year=2024) == expected


def test_split_function_path() -> None:
    """Prose splits into the three printed names."""
    assert cl.split_function_path("卫生健康（类）行政事业单位医疗（款）公务员医疗补助（项）") == (
        "卫生健康",
        "行政事业单位医疗",
        "公务员医疗补助",
    )
    assert cl.split_function_path("没有科目") is None


def test_resolve_prose_falls_back_to_marker_codes() -> None:
    """Unreadable names with codes in the markers still resolve."""
    assert cl.resolve_function_prose("某某（208类）某某（05款）某某（05项）") == "2080505"
    assert cl.resolve_function_prose("某某（208类）某某（05款）某某（77项）") is None


# --- names and years -----------------------------------------------------------


def test_function_name_by_year() -> None:
    """Renamed codes return the name valid in the year asked for."""
    assert cl.function_name("210", 2018) == "医疗卫生与计划生育支出"
    assert cl.function_name("210", 2019) == "卫生健康支出"
    assert cl.function_name("210") == "卫生健康支出"
    assert cl.function_name("20805", 2021) == "行政事业单位离退休"
    assert cl.function_name("20805", 2024) == "行政事业单位养老支出"
    assert cl.function_name("2013101") == "行政运行"
    assert cl.function_name("2013102") == "一般行政管理事务"
    assert cl.function_name("2013150") == "事业运行"
    assert cl.function_name("2013199") == "其他党委办公厅（室）及相关机构事务支出"
    assert cl.function_name("20131") == "党委办公厅（室）及相关机构事务"
    assert cl.function_name("20138", 2017) is None  # created in 2019
    assert cl.function_name("9999999") is None


def test_economic_name() -> None:
    """Both economic schemes are looked up by code."""
    assert cl.economic_name("30101") == "基本工资"
    assert cl.economic_name("302") == "商品和服务支出"
    assert cl.economic_name("50101") == "工资奖金津补贴"
    assert cl.economic_name("50905") == "离退休费"
    assert cl.economic_name("50501") == "工资福利支出"
    assert cl.economic_name("30307", 2017) == "医疗费"
    assert cl.economic_name("30307", 2024) == "医疗费补助"
    assert cl.economic_name("00000") is None


# --- years outside the lists ------------------------------------------------------

NEWEST, OLDEST = REFERENCE_WINDOW[1], REFERENCE_WINDOW[0]


def test_list_year_for_a_year_inside_the_lists_is_its_own() -> None:
    """A fiscal year the lists cover reads its own list, unflagged."""
    listed = cl.list_year_for(2024)
    assert (listed.year, listed.beyond_newest, listed.before_oldest, listed.substituted) == (2024, False, False, False)
    assert cl.list_year_for(None) == cl.ListYear(None, None)
    assert not cl.list_year_for(None).substituted


def test_a_later_year_reads_the_newest_list_flagged() -> None:
    """A fiscal year after the newest list reads the newest list, and says so."""
    listed = cl.list_year_for(NEWEST + 1)
    assert (listed.fiscal_year, listed.year) == (NEWEST + 1, NEWEST)
    assert listed.beyond_newest and listed.substituted and not listed.before_oldest


def test_an_earlier_year_reads_the_oldest_list_flagged() -> None:
    """A fiscal year before the oldest list reads the oldest list, and says so."""
    listed = cl.list_year_for(OLDEST - 2)
    assert (listed.fiscal_year, listed.year) == (OLDEST - 2, OLDEST)
    assert listed.before_oldest and listed.substituted and not listed.beyond_newest


def test_codes_of_a_later_year_resolve_against_the_newest_list() -> None:
    """A code in the newest list is known, under its newest name, in a later year; one in no list is not."""
    later = NEWEST + 1
    assert cl.function_name("2010101", later) == "行政运行"
    assert cl.function_name("210", later) == cl.function_name("210", NEWEST) == "卫生健康支出"
    assert cl.economic_name("30307", later) == "医疗费补助"
    assert cl.entry_of("function", "20805", later) == cl.entry_of("function", "20805", NEWEST)
    assert cl.function_name("20115", later) is None  # retired in 2019: not in the newest list
    assert cl.function_name("9999999", later) is None
    assert cl.economic_name("00000", later) is None


def test_codes_of_an_earlier_year_resolve_against_the_oldest_list() -> None:
    """An earlier year reads the oldest list's names."""
    assert cl.function_name("210", OLDEST - 2) == "医疗卫生与计划生育支出"
    assert cl.function_name("20115", OLDEST - 2) == "工商行政管理事务"
    assert cl.function_name("20138", OLDEST - 2) is None  # created in 2019


def test_names_match_in_a_later_year_as_in_the_newest() -> None:
    """Printed-name matching prefers the newest list's codes in a later year."""
    later = NEWEST + 1
    assert cl.resolve_function_path("卫生健康", "行政事业单位医疗", "公务员医疗补助", year=later) == "2101103"
    assert cl.match_function_name("行政事业单位养老支出", parent_code="208", year=later) == "20805"


def test_used_entries_say_which_list_they_come_from() -> None:
    """Each row of a later year's entries names the list read, and is known when that list has the code."""
    rows = cl.used_entries("function", [("2010101", "行政运行"), ("2010198", "某某支出")], NEWEST + 1)
    by_code = {row["code"]: row for row in rows}
    assert {row["classification_year"] for row in rows} == {NEWEST}
    assert by_code["2010101"]["known"] and by_code["2010101"]["official_name"] == "行政运行"
    assert not by_code["2010198"]["known"] and by_code["2010198"]["printed_name"] == "某某支出"
    assert cl.used_entries("function", [("201", None)], 2024)[0]["classification_year"] == 2024


def test_match_economic_name() -> None:
    """Economic names match within a class or scheme, refusing ambiguity."""
    assert cl.match_economic_name("基本工资") == "30101"
    assert cl.match_economic_name("维修(护)费", parent_code="302") == "30213"
    assert cl.match_economic_name("工资奖金津补贴", scheme="government") == "50101"
    assert cl.match_economic_name("其他商品和服务支出") is None  # 30299 and 50299
    assert cl.match_economic_name("其他商品和服务支出", scheme="department") == "30299"


# --- tolerant matching ---------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "parent", "expected"),
    [
        ("机关事业单位基本养老保", "20805", "2080505"),  # truncated
        ("机关事业单位基本养老保险缴费", "20805", "2080505"),  # no 支出
        ("其他行政事业单位医疗支", "21011", "2101199"),  # truncated
        ("党委办公厅(室)及相关机构事", "201", "20131"),  # half-width, truncated
        ("党委办公厅（室）及相关机构事务", "201", "20131"),
        ("其它巩固脱贫攻坚成果衔接乡村振兴支出", "21305", "2130599"),  # 其它
        ("“三西”农业建设专项补助", "21305", "2130508"),
        ("三西农业建设专项补助", "21305", "2130508"),
        ("2013101 行政运行", "20131", "2013101"),  # leading code
        ("行政运行（项）", "20131", "2013101"),  # level marker
    ],
)
def test_match_function_name_tolerant(printed: str, parent: str, expected: str) -> None:
    """Printed names match despite truncation, brackets and variants."""
    assert cl.match_function_name(printed, parent_code=parent) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("社会保障和就业", "208"),
        ("一般公共服务", "201"),
        ("卫生健康", "210"),
        ("医疗卫生与计划生育", "210"),  # old name
        ("医疗卫生与计划生育支出", "210"),
        ("文化体育与传媒支出", "207"),  # old name
        ("住房保障", "221"),
    ],
)
def test_match_class_names(printed: str, expected: str) -> None:
    """Class names match without 支出 and under old names."""
    assert cl.match_function_name(printed, level="class") == expected
    assert cl.match_function_name(printed, level="class", year=2024) == expected


def test_old_names_match() -> None:
    """Names used before a rename still find the code."""
    assert cl.match_function_name("行政事业单位离退休", parent_code="208", year=2024) == "20805"
    assert cl.match_function_name("扶贫", parent_code="213") == "21305"
    assert cl.match_function_name("其他行政事业单位离退休支出", parent_code="20805") == "2080599"


def test_ambiguity_returns_none() -> None:
    """A name that fits several codes is refused, never guessed."""
    assert cl.match_function_name("行政运行") is None
    assert cl.match_function_name("事业运行") is None
    assert cl.match_function_name("信息化建设", parent_code=None) is None
    # the cut-off name fits 2080505 and the 209 款 机关事业单位基本养老保险基金支出
    assert cl.match_function_name("机关事业单位基本养老保") is None
    # a cut-off name shorter than MIN_PREFIX is not accepted
    assert cl.match_function_name("机关事", parent_code="20805") is None
    # prefix fitting several items of one 款
    assert cl.match_function_name("机关事业单位", parent_code="20805") is None
    assert cl.match_function_name("", parent_code="20805") is None


def test_names_agree() -> None:
    """names_agree applies the same tolerance pairwise."""
    official = "机关事业单位基本养老保险缴费支出"
    assert cl.names_agree("机关事业单位基本养老保", official)
    assert cl.names_agree("机关事业单位基本养老保险缴费", official)
    assert cl.names_agree("社会保障和就业", "社会保障和就业支出")
    assert cl.names_agree("党委办公厅(室)及相关机构事务", "党委办公厅（室）及相关机构事务")
    assert cl.names_agree("其它组织事务支出", "其他组织事务支出")
    assert not cl.names_agree("公共服务", "一般公共服务支出")
    assert not cl.names_agree("机关", official)
    assert not cl.names_agree("", official)
    assert not cl.names_agree("行政运行", "一般行政管理事务")


# --- CSV integrity --------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "lengths"),
    [
        ("function_classification.csv", {"class": 3, "section": 5, "item": 7}),
        ("economic_classification.csv", {"class": 3, "item": 5}),
    ],
)
def test_csv_integrity(name: str, lengths: dict[str, int]) -> None:
    """Codes fit their level, parents exist and cover the years, rows do not overlap."""
    rows = _rows(name)
    assert rows
    by_code: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        assert row["code"].isdigit()
        assert len(row["code"]) == lengths[row["level"]], row
        assert row["name"].strip() == row["name"] and row["name"]
        by_code.setdefault(row["code"], []).append(row)
    seen: set[tuple[str, str]] = set()
    for code, mine in by_code.items():
        for row in mine:
            key = (code, row["years"])
            assert key not in seen
            seen.add(key)
        years = [_years(r["years"]) for r in mine]
        assert sum(len(y) for y in years) == len(set().union(*years)), code
    for row in rows:
        if row["level"] == "class":
            assert row["parent"] == ""
            continue
        parent = row["parent"]
        assert row["code"].startswith(parent)
        assert parent in by_code, row
        covered = set().union(*(_years(p["years"]) for p in by_code[parent]))
        assert _years(row["years"]) <= covered, row


def test_function_coverage() -> None:
    """All 类 from 201 to 233 are present and the key administrative 款 have items."""
    codes = {r["code"] for r in _rows("function_classification.csv")}
    for cls in (
        "201",
        "205",
        "207",
        "208",
        "210",
        "211",
        "212",
        "213",
        "214",
        "216",
        "221",
    ):
        assert cls in codes
    for cls in ("224", "227", "229", "230", "231", "232", "233"):
        assert cls in codes
    for code in ("2010101", "2013102", "2013150", "2013299", "2080505", "2101103"):
        assert code in codes


def test_economic_schemes() -> None:
    """Department codes are 30x/31x/399, government codes are 5xx."""
    for row in _rows("economic_classification.csv"):
        expected = "government" if row["code"].startswith("5") else "department"
        assert row["scheme"] == expected, row


def test_loaders_are_cached() -> None:
    """The CSVs are read once."""
    assert cl.function_entries() is cl.function_entries()
    assert cl.economic_entries() is cl.economic_entries()

"""The five founding disclosures, against figures a person read from the seed text.

Every expected value below was read by hand from the files in sources/ (see the
table and line named in each comment), not copied from the program's output.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import own_phase, package_for, read_rows, repeated_keys

D = Decimal

# (unit fragment, function code, total, basic, project) — origin=table rows
FUNCTION = [
    ("达川区委员会办公室", "2013101", "888.56", "888.56", None),  # 000 表1-2 / 表3
    ("达川区委员会办公室", "2013102", "381.00", None, "381.00"),
    ("达川区委员会办公室", "2080505", "105.77", "105.77", None),
    ("达川区委员会办公室", "2210201", "88.60", "88.60", None),
    ("达川区委员会办公室", "201", "1269.56", None, None),  # 000 表1 收支总表 class line
    ("牧野区委办公室", "2013101", "469.47", "426.47", "43.00"),  # 001 预算05表
    ("牧野区委办公室", "2080505", "42.56", "42.56", None),
    ("牧野区委办公室", "2101199", "0.89", "0.89", None),
    ("信息公开服务中心", "2010350", "57.80", "57.80", None),  # 003 表1-2 / 表3
    ("信息公开服务中心", "2010302", "57.60", None, "57.60"),
    ("潼南区委办公室", "201", "1387.32", "965.32", "422.00"),  # 004 一般公共预算财政拨款支出预算表
    ("潼南区委办公室", "2013150", "342.98", "342.98", None),
    ("潼南区委办公室", "2101103", "4.32", "4.32", None),
]


@pytest.mark.parametrize("unit,code,total,basic,project", FUNCTION)
def test_function_rows(seed_packages: Path, unit: str, code: str, total: str, basic: str | None, project: str | None) -> None:
    rows = [r for r in read_rows(package_for(seed_packages, unit), "expenditure_by_function") if r["origin"] == "table" and r["function_code"] == code and r["phase"] == "approved"]
    assert rows, f"no table row {code}"
    row = rows[0]
    assert D(row["total"]) == D(total)
    assert (D(row["basic"]) if row["basic"] else None) == (D(basic) if basic else None)
    assert (D(row["project"]) if row["project"] else None) == (D(project) if project else None)


# 002 has no tables: its figures come from the prose (第二部分 五（三）, “支出决算数为 367.89 万元”): every one is a
# statement, and with no table to give it, it stands in as the function row of the 决算数 (origin narrative)
NARRATIVE_FUNCTION = [("2013101", "367.89"), ("2013102", "197.40"), ("2013105", "119.66"), ("2080506", "17.29"), ("2101103", "1.44"), ("2210201", "30.06"), ("208", "67.49")]


@pytest.mark.parametrize("code,total", NARRATIVE_FUNCTION)
def test_final_account_prose_figures(seed_packages: Path, code: str, total: str) -> None:
    folder = package_for(seed_packages, "金口河区委办公室")
    rows = read_rows(folder, "expenditure_by_function")
    assert [(r["origin"], r["phase"], D(r["total"])) for r in rows if r["function_code"] == code] == [("narrative", "executed", D(total))]
    stated = read_rows(folder, "statements")
    assert any(r["resource"] == "expenditure_by_function" and r["subject"] == code and r["phase"] == "executed" and D(r["amount"]) == D(total) for r in stated)


ECONOMIC = [
    ("达川区委员会办公室", "30101", "268.27", "268.27", None),  # 000 表3-1
    ("达川区委员会办公室", "30231", "13.00", None, "13.00"),
    ("达川区委员会办公室", "303", "2.36", "2.36", None),
    ("信息公开服务中心", "30199", "14.17", "14.17", None),  # 003 表3-1
    ("潼南区委办公室", "30217", "11.00", None, "11.00"),  # 004 基本支出预算表
    ("潼南区委办公室", "30399", "74.48", "74.48", None),
]


@pytest.mark.parametrize("unit,code,total,personnel,public", ECONOMIC)
def test_economic_rows(seed_packages: Path, unit: str, code: str, total: str, personnel: str | None, public: str | None) -> None:
    rows = [r for r in read_rows(package_for(seed_packages, unit), "basic_expenditure_by_economic") if r["economic_code"] == code]
    assert rows
    assert D(rows[0]["total"]) == D(total)
    assert (D(rows[0]["personnel"]) if rows[0]["personnel"] else None) == (D(personnel) if personnel else None)
    assert (D(rows[0]["public"]) if rows[0]["public"] else None) == (D(public) if public else None)


THREE_PUBLIC = [
    ("潼南区委办公室", 2022, "total", "57.00"),  # 004 “三公”经费支出控制表, both years
    ("潼南区委办公室", 2023, "vehicle_operation", "36.00"),
    ("潼南区委办公室", 2023, "reception", "17.00"),
    ("牧野区委办公室", 2024, "vehicle_operation", "1.10"),  # 001 预算08表
    ("达川区委员会办公室", 2024, "total", "15.00"),  # 000 表3-3
]


@pytest.mark.parametrize("unit,year,item,amount", THREE_PUBLIC)
def test_three_public(seed_packages: Path, unit: str, year: int, item: str, amount: str) -> None:
    rows = read_rows(package_for(seed_packages, unit), "three_public")
    assert any(r["origin"] == "table" and r["phase"] == "approved" and int(r["fiscal_year"]) == year and r["item"] == item and D(r["amount"]) == D(amount) for r in rows)


def test_identities(seed_packages: Path) -> None:
    rows = {r["unit_name"]: r for r in read_rows(seed_packages / "all", "disclosure")}
    assert rows["中国共产党达州市达川区委员会办公室"]["city"] == "达州市"
    assert rows["中共重庆市潼南区委办公室"]["province"] == "重庆市"
    assert rows["中共重庆市潼南区委办公室"]["fiscal_year"] == "2023"
    assert rows["中共乐山市金口河区委办公室"]["kind"] == "final_account"
    assert len({r["disclosure_id"] for r in rows.values()}) == 5


# Contradictions the seeds print, each reported as a failing check with both figures.
CONTRADICTIONS = [
    ("潼南区委办公室", "function-prose-agrees", "1387.32", "1387.31"),  # prose 1387.31, table 1387.32
    ("信息公开服务中心", "function-prose-agrees", "2.87", "2.78"),  # 卫生健康 2.78 in the prose
    ("信息公开服务中心", "economic-sum-matches-total", "66.45", "66.44"),  # 人员经费 66.45, its items 66.44
    ("信息公开服务中心", "unit-mislabel", None, None),  # 133.05 元
    ("达川区委员会办公室", "economic-levels-add-up", "214.11", "214.12"),  # 302 class against its items
    ("信息公开服务中心", "function-prose-agrees", "7.81", "8.26"),  # 2080505 in 表1-2 7.81; the prose gives it the class's 8.26
    ("信息公开服务中心", "share-agrees", "4.97%", "4.90%"),  # 住房保障支出 6.52 万元 of 133.05 万元 printed 占 4.97%
    ("牧野区委办公室", "yoy-agrees", "17.91%", "12.21%"),  # 运行经费 38.05 万元, 减少 5.29 万元: 5.29 / 43.34 is 12.21%, printed 下降 17.91%
    # (session 17: 金口河区委办公室's 基本支出 535.68 in 三 against 六's 535.62 = 488.11 + 47.51 is no contradiction: 六 is the
    # 一般公共预算财政拨款基本支出, and the unit's 0.06 万元 of other money (本年支出合计 863.25, the appropriation 863.19) is
    # exactly the difference; the fund's 人员经费 and 公用经费 are no longer read as the unit's)
    ("金口河区委办公室", "prose-class-adds-up", "67.49", "67.48"),  # 社会保障和就业 67.49; items 35.55+17.29+2.8+3.44+8.40
    ("金口河区委办公室", "prose-class-adds-up", "0.52", "0.51"),  # 农林水 0.52; its one item 0.51
    ("金口河区委办公室", "fiscal-year-consistent", "2024", "2022"),  # 机关运行经费 “比2022年度减少2.85万元”
    ("金口河区委办公室", "classification-name-current", "卫生健康支出", "医疗卫生与计划生育（类）"),  # 名词解释 16–18
    ("金口河区委办公室", "template-alternatives-chosen", None, "增加/减少"),  # “比2023年度增加/减少0万元，增长/下降0%”
    ("金口河区委办公室", "template-instructions-removed", None, None),  # “（名词解释部分请根据各单位实际列支情况罗列…）”
    ("潼南区委办公室", "function-previous-year-adds-up", "2775.59", "1409.00"),  # 2022 column: 20131 2,775.59; 631.15 + 422.00 + 307.85 + 48.00
    ("潼南区委办公室", "prose-initial-budget-adds-up", "1708.68", "1708.67"),  # （二）支出预算 1708.68, 其中 1387.31 + 190.14 + 60.43 + 70.79 (+ 0s)
    ("信息公开服务中心", "classification-name-current", "行政事业单位养老支出", "行政事业单位离退休"),  # “社会保障和就业（类）行政事业单位离退休（款）…” in 2024
]


@pytest.mark.parametrize("unit,check,expected,actual", CONTRADICTIONS)
def test_contradictions_reported(seed_packages: Path, unit: str, check: str, expected: str | None, actual: str | None) -> None:
    rows = [r for r in read_rows(package_for(seed_packages, unit), "checks") if r["check_id"] == check and r["status"] == "fail"]
    if check == "economic-personnel-plus-public":
        rows = [r for r in read_rows(package_for(seed_packages, unit), "checks") if r["check_id"] == "economic-levels-add-up" and r["status"] == "fail"]
    assert rows, check
    if expected is not None or actual is not None:
        assert any(r["expected"] == (expected or "") and r["actual"] == actual for r in rows), rows


def test_itemised_receptions_agree_with_their_stated_total(seed_packages: Path) -> None:
    """002 七（二）3: nine receptions, 790 + 1245 + 1585 + 1050 + 599 + 4860 + 937 + 1480 + 1488 = 14,034 元, “共计支出 1.40 万元”."""
    rows = [r for r in read_rows(package_for(seed_packages, "金口河区委办公室"), "checks") if r["check_id"] == "receptions-add-up"]
    assert [(r["status"], r["expected"], r["actual"]) for r in rows] == [("pass", "1.40", "1.4034")]


def test_no_two_checks_share_a_key(seed_packages: Path) -> None:
    """(disclosure_id, check_id, subject) is the primary key of checks: one comparison, one row."""
    rows = read_rows(seed_packages / "all", "checks")
    keys = Counter((r["disclosure_id"], r["check_id"], r["subject"]) for r in rows)
    assert [k for k, n in keys.items() if n > 1] == []
    # a subject clash that the subjects' construction missed would show as a #2 suffix
    assert [r["subject"] for r in rows if "#" in r["subject"]] == []
    doubts = Counter((r["disclosure_id"], r["resource"], r["key"]) for r in read_rows(seed_packages / "all", "doubts"))
    assert [k for k, n in doubts.items() if n > 1] == []


def test_a_figure_the_build_cannot_place_is_doubted_not_failed(seed_packages: Path) -> None:
    """达川 (000) 表3-3: 合计 15.00 13.00 13.00 2.00, the second 13.00 is 购置 or 运行; the prose says 运行 13 万元."""
    package = package_for(seed_packages, "达川区委员会办公室")
    (doubt,) = read_rows(package, "doubts")
    assert (doubt["resource"], doubt["key"], doubt["read_value"]) == ("three_public", "2024/vehicle_purchase|vehicle_operation/approved/amount", "13.00")
    items = {r["item"] for r in read_rows(package, "three_public") if r["origin"] == "table"}
    assert not items & {"vehicle_purchase", "vehicle_operation"}  # null, so not published as a value
    checks = {(r["check_id"], r["subject"]): r for r in read_rows(package, "checks")}
    assert checks[("three-public-vehicle-adds-up", "2024/table")]["status"] == "not_applicable"
    assert checks[("three-public-prose-agrees", "vehicle_operation")]["status"] == "not_applicable"
    assert "存疑" in checks[("three-public-prose-agrees", "vehicle_operation")]["detail"]


def test_every_disclosure_has_passing_checks(seed_packages: Path) -> None:
    rows = read_rows(seed_packages / "all", "checks")
    for d in {r["disclosure_id"] for r in rows}:
        assert any(r["disclosure_id"] == d and r["status"] == "pass" for r in rows), d


# 潼南 (004): the 整体绩效目标表 names its columns 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值 and the
# project tables 一级 | 二级 | 三级指标 | 指标值 | 指标性质 | 度量单位 | 权重: read from the source text.
INDICATORS = [
    (None, "档案数字化数量", "≥", "2000", "件", "5"),
    (None, "干部群众满意度", "≥", "98", "%", "10"),
    ("招商引资专项", "外出考察招商项目次数", ">", "16", "次", "20"),
    ("招商引资专项", "签约落户企业", "≥", "10", "家", "15"),
]


@pytest.mark.parametrize("project,indicator,operator,target,unit,weight", INDICATORS)
def test_performance_indicators_by_header(seed_packages: Path, project: str | None, indicator: str, operator: str, target: str, unit: str, weight: str) -> None:
    rows = read_rows(package_for(seed_packages, "潼南区委办公室"), "performance_indicators")
    row = next(r for r in rows if r["indicator"] == indicator)
    assert (row["project_name"] or None, row["operator"], row["target"], row["unit"], Decimal(row["weight"])) == (project, operator, target, unit, Decimal(weight))


def test_no_primary_key_repeats(seed_packages: Path) -> None:
    """Every resource of every package and of all/: no two rows share a primary key (read from its datapackage.json)."""
    assert (seed_packages / "all" / "datapackage.json").is_file()
    assert repeated_keys(seed_packages) == []


def test_every_package_says_its_contract_version(seed_packages: Path) -> None:
    import json

    for descriptor in seed_packages.glob("*/datapackage.json"):
        assert json.loads(descriptor.read_text(encoding="utf-8"))["contract"] == "2", descriptor


def test_one_row_per_figure_and_phase_the_prose_in_statements(seed_packages: Path) -> None:
    """A figure the tables print and the prose states is one totals row (the table's); the prose's is a statement."""
    folder = package_for(seed_packages, "潼南区委办公室")
    disclosure = read_rows(folder, "disclosure")[0]
    totals = [r for r in read_rows(folder, "totals") if r["metric"] == "project_expenditure"]
    # 004 部门支出总表: 项目支出 422.00; the prose: “项目支出 422 万元”
    assert [(r["phase"], r["origin"], D(r["amount"])) for r in totals] == [(own_phase(disclosure["kind"]), "table", D("422.00"))]
    stated = [r for r in read_rows(folder, "statements") if r["subject"] == "project_expenditure"]
    assert stated and all(D(r["amount"]) == D("422") and r["text"] for r in stated)
    assert [int(r["line"]) for r in read_rows(folder, "statements")] == list(range(1, len(read_rows(folder, "statements")) + 1))


def test_disclosure_level_and_scope(seed_packages: Path) -> None:
    rows = {r["unit_name"]: r for r in read_rows(seed_packages / "all", "disclosure")}
    assert {r["level"] for r in rows.values()} == {"county"}  # five district (区) bodies
    assert {r["scope"] for r in rows.values()} == {"department"}

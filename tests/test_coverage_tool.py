"""benchmarks/coverage.py's pure parts: the README table, the 目录, and one document's line from a tiny package."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_tool

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cov() -> ModuleType:
    return load_tool("coverage_tool", "benchmarks/coverage.py")


README = """# Corpus

Some words.

| file | unit (as printed) | region | level | year | kind | pages | traits |
|---|---|---|---|---|---|---|---|
| a_2026_dept_budget.pdf | 北京市审计局 (named only in 预算13表) | 北京市 | province (municipality) | 2026 | 部门预算 | 10 | tables |
| b_2026_unit_budget.pdf | 苏州市水务局 | 江苏省 苏州市 | city | 2026 | 单位预算 | 41 | wide |

| other | table |
|---|---|
| x | y |
"""


def test_readme_table_gives_expected_fields(cov: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    expected = cov.readme_expectations(tmp_path)
    assert set(expected) == {"a_2026_dept_budget.pdf", "b_2026_unit_budget.pdf"}
    assert expected["b_2026_unit_budget.pdf"] == {"unit": "苏州市水务局", "region": "江苏省 苏州市", "year": "2026", "kind": "budget", "scope": "unit"}
    assert expected["a_2026_dept_budget.pdf"]["scope"] == "department"
    assert cov.agrees("unit", "北京市审计局", expected["a_2026_dept_budget.pdf"]["unit"])
    assert cov.agrees("unit", "中国共产党江苏省委员会办公厅", "中共江苏省委办公厅")
    assert cov.agrees("region", "江苏省苏州市", "江苏省 苏州市") and cov.agrees("region", "江苏省", "江苏省 (provincial)")
    assert not cov.agrees("region", "江苏省", "江苏省 苏州市")


TOC_PAGE_1 = """某某局2026年度部门预算公开
目 录
第一部分 部门概况
一、主要职能 ........ 1
第二部分 2026 年度部门预算表
一、收支预算总表 ........ 3
二、收入预算总表
三、一般公共预算支出预算表
四、一般公共预算“三公”经费、会议费、培训费支
- 1 -"""
TOC_PAGE_2 = """出预算表
五、政府采购支出预算表
第三部分 2026 年度部门预算情况说明
第一部分 部门概况
一、主要职能
本局是主管全市某某工作的政府工作部门，负责拟订政策并组织实施，年度工作任务很重。"""


def test_contents_run_over_a_page_and_name_table_kinds(cov: ModuleType) -> None:
    pages = [TOC_PAGE_1.splitlines(), TOC_PAGE_2.splitlines()]
    entries = cov.toc_entries(pages)
    assert entries is not None
    assert "四、一般公共预算“三公”经费、会议费、培训费支出预算表" in entries  # joined over the page break
    assert entries[-1].startswith("第三部分")  # stops where the narrative names 第一部分 again
    kinds = [k.name for k in cov.listed_kinds(entries)]
    assert kinds == ["summary", "revenue", "function", "three_public", "procurement"]
    assert cov.toc_entries([["收支总表", "合计 1.00"]]) is None
    assert cov.toc_entries([["目", "录", "一、收支总体情况表"]]) == ["一、收支总体情况表"]


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def fake_package(folder: Path) -> Path:
    """A package of one disclosure: a 收支总表 and a 三公 table read, a function table read only from the prose."""
    folder.mkdir()
    value = {"name": "amount", "type": "number", "columnType": "value"}
    descriptor = {
        "resources": [
            {"name": "disclosure", "schema": {"fields": [{"name": "unit_name", "type": "string"}]}},
            {"name": "totals", "schema": {"fields": [value]}},
            {"name": "expenditure_by_function", "schema": {"fields": [{**value, "name": "total"}, {**value, "name": "basic"}]}},
            {"name": "three_public", "schema": {"fields": [value]}},
            {"name": "checks", "schema": {"fields": [{"name": "check", "type": "string"}]}},
        ]
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    disclosure = {"disclosure_id": "x", "unit_name": "苏州市水务局", "unit_aliases": "", "province": "江苏省", "city": "苏州市", "county": "", "fiscal_year": "2026", "kind": "budget", "scope": "department"}
    write_csv(folder / "disclosure.csv", [disclosure])
    write_csv(folder / "totals.csv", [
        {"metric": "revenue_total", "amount": "10.00", "origin": "table", "source_table": "表1 收支总表"},
        {"metric": "expenditure_total", "amount": "", "origin": "table", "source_table": "表1 收支总表"},
        {"metric": "basic_expenditure", "amount": "4.00", "origin": "narrative", "source_table": "narrative"},
    ])
    write_csv(folder / "expenditure_by_function.csv", [{"total": "5.00", "basic": "", "origin": "narrative", "source_table": ""}])
    write_csv(folder / "three_public.csv", [{"item": "total", "amount": "0.00", "origin": "table"}])
    write_csv(folder / "checks.csv", [
        {"check": "revenue-equals-expenditure", "status": "pass", "severity": "", "expected": "", "actual": ""},
        {"check": "basic-plus-project", "status": "fail", "severity": "mismatch", "expected": "", "actual": ""},
        {"check": "function-levels-add-up", "status": "fail", "severity": "rounding", "expected": "1.01", "actual": "1.00"},
        {"check": "required-table-present", "status": "not_applicable", "severity": "", "expected": "一般公共预算基本支出表", "actual": ""},
    ])
    return folder


def test_a_document_line_from_a_published_package(cov: ModuleType, tmp_path: Path) -> None:
    package = cov.read_package(fake_package(tmp_path / "x"))
    assert package.figures == 4 and package.doubts is None
    assert package.read == {"summary", "three_public"}
    assert package.explained == {"basic_economic": "said"}
    listed = cov.listed_kinds(["一、收支总表", "二、一般公共预算支出表", "三、一般公共预算基本支出表", "四、“三公”经费支出表", "五、政府性基金预算支出表"])
    entry = {"path": "corpus-wide/js_suzhou_water_affairs_bureau_2026_unit_budget.pdf", "status": "ok", "disclosure_id": "x", "code": "ok"}
    expected = {"unit": "苏州市水务局", "region": "江苏省 苏州市", "year": "2026", "kind": "budget", "scope": "unit"}
    doc = cov.summarise_document(entry, package, expected, listed, "目录")
    assert doc.family == "Jiangsu city (Suzhou, Wuxi)"
    assert doc.verdicts == {"unit": "ok", "region": "ok", "year": "ok", "kind": "ok", "scope": "wrong"}
    assert doc.read == ["收支总表", "“三公”经费支出表"] and doc.not_read == ["一般公共预算支出表"]
    assert doc.explained == ["基本支出表 (said why)"] and doc.no_resource == ["政府性基金预算支出表"]
    assert (doc.holding, doc.checked, doc.rounding) == (1, 3, 1)  # a failure by the source's rounding is counted apart
    assert "✗ department" in cov.document_row(doc) and "1/3 (+1)" in cov.document_row(doc)

    write_csv(tmp_path / "x" / "doubts.csv", [{"source_table": "一般公共预算支出表", "detail": "item-only rows"}])
    again = cov.read_package(tmp_path / "x")
    assert again.doubts == 1 and "function" in again.explained
    failed = cov.summarise_document({"path": "b.pdf", "status": "failed", "code": "unit-unknown"}, None, {}, listed, "目录")
    total = cov.totals([doc, failed])
    assert total["codes"] == {"unit-unknown": 1} and total["figures"] == 4 and total["not_read"] == 1 + 4
    assert (total["holding"], total["rounding"], total["checked"]) == (1, 1, 3) and "| 1 (66.7%) |" in cov.total_row("t", total)


def test_tables_attached_printed_empty_or_compared_are_explained(cov: ModuleType) -> None:
    """A narrative file naming its tables as an attachment explains every listed table; an empty table and a duplicate compared are explained."""
    attached = [{"check_id": "required-table-present", "status": "not_applicable", "expected": "收支总表", "detail": "本文件没有印任何表格，并说明报表作为附件另行公开（“附件：某局2026年度部门预算报表”）。"}]
    explained = cov.explained_kinds(attached, [])
    listed = cov.listed_kinds(["一、收支总表", "三、支出总表", "十二、项目支出绩效目标表"])
    package = cov.Package({}, set(), explained, 0, {}, 0)
    doc = cov.summarise_document({"path": "bj_city_x.pdf", "status": "ok", "disclosure_id": "x", "code": "ok"}, package, {}, listed, "目录")
    assert doc.not_read == [] and len(doc.explained) == 3 and all(e.endswith("(an attachment)") for e in doc.explained)
    others = [
        {"check_id": "required-table-present", "status": "pass", "expected": "“三公”经费支出表", "detail": "文件印有“三公”经费支出表：《…》（第15页），表中没有任何数字（空表）。"},
        {"check_id": "required-table-present", "status": "pass", "expected": "收支总表", "detail": "文件印有收支总表：《…》（第7页）。"},
        {"check_id": "table-figures-agree", "status": "pass", "subject": "201/fiscal_detail", "expected": "1", "detail": ""},
        {"check_id": "table-figures-agree", "status": "not_applicable", "subject": "201/expenditure", "expected": "1", "detail": ""},
    ]
    assert cov.explained_kinds(others, []) == {"three_public": "empty", "fiscal_detail": "compared"}


def test_coverage_section_is_replaced_and_the_rest_kept(cov: ModuleType) -> None:
    text = "# Results\n\n## Old\n\nold\n\n## Coverage of real disclosures (1)\n\nfirst\n\n## Later\n\nkept\n"
    once = cov.replace_section(text, "## Coverage of real disclosures (2)\n\nsecond\n")
    assert "first" not in once and "second" in once and "## Later\n\nkept" in once and "## Old" in once
    assert cov.replace_section("# Results\n", "## Coverage x\n").endswith("# Results\n\n## Coverage x\n")


def test_help() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "coverage.py"), "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and "--write" in result.stdout and "--json" in result.stdout

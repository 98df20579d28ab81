"""The classification reference packages (reference/) and the foreign keys every disclosure package keeps to them."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from frictionless import validate

from cnbudget.model import Disclosure
from cnbudget.official import classification as cl
from cnbudget.package.write import write_package

from .conftest import read_rows

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "reference"
KINDS = ("function-classification", "economic-classification")


def _make_reference() -> ModuleType:
    """tools/make_reference.py as a module."""
    script = ROOT / "tools" / "make_reference.py"
    spec = importlib.util.spec_from_file_location("make_reference", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def _errors(descriptor: Path) -> list[list[Any]]:
    report = validate(str(descriptor))
    return report.flatten(["rowNumber", "fieldName", "type", "note"])  # type: ignore[no-any-return]


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- the reference packages ----------------------------------------------------------


@pytest.mark.parametrize("name", KINDS)
def test_reference_package_is_valid(name: str) -> None:
    """frictionless validate passes, primary key and the parent → code foreign key included."""
    assert _errors(REFERENCE / name / "datapackage.json") == []


@pytest.mark.parametrize("name", KINDS)
def test_reference_package_metadata(name: str) -> None:
    """Licence, fixed created date, the official editions cited, an honest description, a full Table Schema."""
    descriptor = json.loads((REFERENCE / name / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["licenses"] and descriptor["created"] == _make_reference().CREATED
    titles = [s["title"] for s in descriptor["sources"]]
    for year in range(2017, 2026):
        assert any(f"《{year}年政府收支分类科目》" in t for t in titles), year
    assert all("财政部" in s["publisher"] for s in descriptor["sources"] if "政府收支分类科目》" in s["title"] and "publisher" in s)
    assert "compiled by hand" in descriptor["description"] and "`verified` is false" in descriptor["description"]
    schema = descriptor["resources"][0]["schema"]
    assert schema["primaryKey"] == ["code", "valid_from", "valid_to"]
    for field in schema["fields"]:
        assert field["type"] and field["title"] and field["description"], field
    assert {f["name"]: f["type"] for f in schema["fields"]}["valid_from"] == "integer"


def test_reference_is_reproducible(tmp_path: Path) -> None:
    """Regenerating gives the committed bytes, twice over."""
    module = _make_reference()
    for out in (tmp_path / "a", tmp_path / "b"):
        written = module.write_reference(out)
        assert len(written) == 4
        for path in written:
            rel = path.relative_to(out)
            assert path.read_bytes() == (REFERENCE / rel).read_bytes(), rel


def test_reference_rows_match_the_data() -> None:
    """The reference CSVs hold every row of cnbudget/data, low-confidence rows flagged."""
    rows = _csv(REFERENCE / "function-classification" / "function_classification.csv")
    assert len(rows) == len(cl.function_entries())
    unverified = {r["code"] for r in rows if r["verified"] == "false"}
    assert {"21305", "2130599", "20139"} <= unverified
    assert "2080505" not in unverified
    economic = _csv(REFERENCE / "economic-classification" / "economic_classification.csv")
    assert len(economic) == len(cl.economic_entries())
    assert {r["scheme"] for r in economic} == {"department", "government"}


# Names read from public copies of the official editions: the 2024 edition's 21305 page
# (财预〔2023〕83号, reproduced at xzcs2022.com/kjfgk/19749.html), the 2024 revision notice
# (财预〔2024〕22号, which names 220 自然资源海洋气象等支出), and published disclosures.
OFFICIAL = [
    ("function", "2080505", 2024, "机关事业单位基本养老保险缴费支出"),
    ("function", "21305", 2024, "巩固脱贫攻坚成果衔接乡村振兴"),
    ("function", "2130504", 2024, "农村基础设施建设"),
    ("function", "2130507", 2024, "贷款奖补和贴息"),
    ("function", "2130508", 2024, "“三西”农业建设专项补助"),
    ("function", "2130550", 2024, "事业运行"),
    ("function", "220", 2024, "自然资源海洋气象等支出"),
    ("function", "210", 2024, "卫生健康支出"),
    ("economic", "30108", 2024, "机关事业单位基本养老保险缴费"),
    ("economic", "301", 2024, "工资福利支出"),
]


@pytest.mark.parametrize(("kind", "code", "year", "name"), OFFICIAL)
def test_official_names(kind: str, code: str, year: int, name: str) -> None:
    """An official name appears in the reference package for the year it holds."""
    rows = _csv(REFERENCE / f"{kind}-classification" / f"{kind}_classification.csv")
    assert any(r["code"] == code and r["name"] == name and int(r["valid_from"]) <= year <= int(r["valid_to"]) for r in rows)


# --- foreign keys in the disclosure packages -------------------------------------------


def _packages(seed_packages: Path) -> list[Path]:
    return sorted(p for p in seed_packages.iterdir() if (p / "datapackage.json").exists())


def test_packages_declare_the_foreign_keys(seed_packages: Path) -> None:
    """Both classification resources are in every package, and the code fields point at them."""
    for folder in _packages(seed_packages):
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        resources = {r["name"]: r for r in descriptor["resources"]}
        assert {"function_classification", "economic_classification"} <= set(resources)
        links = {
            (name, tuple(fk["fields"]), fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
            for name, r in resources.items()
            for fk in r["schema"].get("foreignKeys", [])
        }
        # keyed by (classification_year, code), so that a join in all/ does not fan out
        key = ("classification_year", "code")
        assert ("expenditure_by_function", ("classification_year", "function_code"), "function_classification", key) in links
        assert ("projects", ("classification_year", "function_code"), "function_classification", key) in links
        assert ("basic_expenditure_by_economic", ("classification_year", "economic_code"), "economic_classification", key) in links
        for name in ("function_classification", "economic_classification"):
            assert resources[name]["schema"]["primaryKey"] == list(key)


def test_every_code_resolves(seed_packages: Path) -> None:
    """Every function and economic code used has its entry (and its parents'), with the official name beside the printed one."""
    for folder in _packages(seed_packages):
        functions = {(r["classification_year"], r["code"]): r for r in read_rows(folder, "function_classification")}
        economics = {(r["classification_year"], r["code"]): r for r in read_rows(folder, "economic_classification")}
        assert functions, folder.name  # a final account may print no basic-expenditure table
        for table, kind in ((functions, "function"), (economics, "economic")):
            for (year, _code), row in table.items():
                assert row["known"] == "true", row  # the seeds print no code outside the reference
                assert not row["parent"] or (year, row["parent"]) in table, row
                assert row["official_name"] == (cl.function_name if kind == "function" else cl.economic_name)(row["code"], int(year))
        for row in read_rows(folder, "expenditure_by_function"):
            key = (row["classification_year"], row["function_code"])
            assert key in functions, row
            assert row["official_name"] == functions[key]["official_name"]
        for row in read_rows(folder, "projects"):
            assert not row["function_code"] or (row["classification_year"], row["function_code"]) in functions, row
        for row in read_rows(folder, "basic_expenditure_by_economic"):
            key = (row["classification_year"], row["economic_code"])
            assert key in economics, row
            assert row["official_name"] == economics[key]["official_name"]


def test_truncated_printed_name_gets_the_official_one(seed_packages: Path) -> None:
    """A printed name that differs from the official one (cut off, other brackets) keeps the official name beside it."""
    rows = read_rows(seed_packages / "all", "expenditure_by_function")
    official = {(r["function_code"], r["function_name"]): r["official_name"] for r in rows}
    assert official[("2080505", "机关事业单位基本养老保")] == "机关事业单位基本养老保险缴费支出"
    assert official[("2101199", "其他行政事业单位医疗支")] == "其他行政事业单位医疗支出"
    assert official[("20131", "党委办公厅(室)及相关机构事务")] == "党委办公厅（室）及相关机构事务"
    # A misprinted name still gets the official one from its code (sources print 一般公共预算服务支出 for 201).
    assert official[("201", "一般公共预算服务支出")] == "一般公共服务支出"


def test_all_package_has_the_union(seed_packages: Path) -> None:
    """all/ holds every package's classification rows, each (classification_year, code) once, in key order."""
    for resource in ("function_classification", "economic_classification"):
        union = read_rows(seed_packages / "all", resource)
        keys = [(r["classification_year"], r["code"]) for r in union]
        assert keys == sorted(set(keys))
        expected = sorted({(r["classification_year"], r["code"]) for folder in _packages(seed_packages) if folder.name != "all" for r in read_rows(folder, resource)})
        assert keys == expected


def _tamper(folder: Path, resource: str, column: str, value: str) -> None:
    """Set ``column`` of the first row of a package's CSV to ``value``."""
    path = folder / f"{resource}.csv"
    rows = _csv(path)
    rows[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize(
    ("resource", "column", "value", "target"),
    [
        ("expenditure_by_function", "function_code", "2019998", "function_classification"),
        ("basic_expenditure_by_economic", "economic_code", "39998", "economic_classification"),
        ("expenditure_by_function", "classification_year", "2019", "function_classification"),  # the code, but of another year
    ],
)
def test_foreign_key_is_checked(seed_packages: Path, tmp_path: Path, resource: str, column: str, value: str, target: str) -> None:
    """A code absent from the classification resource makes frictionless validation fail."""
    source = next(p for p in _packages(seed_packages) if p.name != "all")
    folder = tmp_path / source.name
    shutil.copytree(source, folder)
    assert _errors(folder / "datapackage.json") == []
    _tamper(folder, resource, column, value)
    errors = _errors(folder / "datapackage.json")
    assert [e[2] for e in errors] == ["foreign-key"], errors
    assert value in errors[0][3] and f'"{target}"' in errors[0][3]


# --- a code that is not official for the year ------------------------------------------


def _disclosure(year: int, functions: list[dict[str, Any]], economics: list[dict[str, Any]]) -> Disclosure:
    meta = {
        "disclosure_id": f"test-unit-{year}-budget",
        "unit_id": "test-unit",
        "unit_name": "测试单位",
        "province": "四川省",
        "fiscal_year": year,
        "kind": "budget",
        "scope": "department",
        "title": f"测试单位{year}年部门预算",
        "source_files": "test.txt",
        "source_sha256": "0" * 64,
    }
    keyed = {"disclosure_id": meta["disclosure_id"], "phase": "approved", "classification_year": year}
    base = keyed | {"origin": "table", "code_printed": True}
    return Disclosure(
        meta=meta,
        rows={
            "expenditure_by_function": [base | r for r in functions],
            "basic_expenditure_by_economic": [keyed | r for r in economics],
        },
    )


def test_unknown_code_gets_known_false(tmp_path: Path) -> None:
    """A printed code not in the reference for the year validates, with known false, its printed name and no official name."""
    disclosure = _disclosure(
        2024,
        [
            {"function_code": "201", "level": "class", "function_name": "一般公共服务支出"},
            {"function_code": "20115", "level": "section", "function_name": "工商行政管理事务"},  # abolished after 2018
            {"function_code": "2011501", "level": "item", "function_name": "行政运行"},
            {"function_code": "2019998", "level": "item", "function_name": "自编科目"},  # never official
        ],
        [{"economic_code": "30198", "level": "item", "economic_name": "自编经济科目"}],
    )
    folder = tmp_path / disclosure.id
    write_package(disclosure, folder, {})
    assert _errors(folder / "datapackage.json") == []
    functions = {r["code"]: r for r in read_rows(folder, "function_classification")}
    assert sorted(functions) == ["201", "20115", "2011501", "20199", "2019998"]
    assert functions["201"]["known"] == "true" and functions["201"]["official_name"] == "一般公共服务支出"
    assert functions["20199"]["known"] == "true" and functions["20199"]["printed_name"] == ""  # an official parent never printed
    for code, printed in (("20115", "工商行政管理事务"), ("2011501", "行政运行"), ("2019998", "自编科目")):
        row = functions[code]
        assert (row["known"], row["official_name"], row["printed_name"], row["valid_from"]) == ("false", "", printed, ""), row
    assert functions["2019998"]["parent"] == "20199" and functions["2019998"]["level"] == "item"
    official = {r["function_code"]: r["official_name"] for r in read_rows(folder, "expenditure_by_function")}
    assert official == {"201": "一般公共服务支出", "20115": "", "2011501": "", "2019998": ""}
    economics = {r["code"]: r for r in read_rows(folder, "economic_classification")}
    assert economics["30198"]["known"] == "false" and economics["30198"]["printed_name"] == "自编经济科目"
    assert economics["301"]["known"] == "true" and economics["30198"]["scheme"] == "department"


def test_same_code_in_an_earlier_year_is_official(tmp_path: Path) -> None:
    """20115 was official in 2018: the same rows for a 2018 disclosure resolve, with the 2018 names."""
    disclosure = _disclosure(
        2018,
        [
            {"function_code": "20115", "level": "section", "function_name": "工商行政管理事务"},
            {"function_code": "210", "level": "class", "function_name": "医疗卫生与计划生育支出"},
        ],
        [],
    )
    folder = tmp_path / disclosure.id
    write_package(disclosure, folder, {})
    assert _errors(folder / "datapackage.json") == []
    functions = {r["code"]: r for r in read_rows(folder, "function_classification")}
    assert functions["20115"]["known"] == "true" and functions["20115"]["valid_to"] == "2018"
    assert functions["210"]["official_name"] == "医疗卫生与计划生育支出"
    assert read_rows(folder, "economic_classification") == []

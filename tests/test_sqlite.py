"""`data/all.sqlite`: every resource of `all/` as a table with its keys, exact amounts, and it opens in Datasette."""

from __future__ import annotations

import asyncio
import csv
import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from cnbudget.render.config import SiteConfig
from cnbudget.render.site import render_site
from cnbudget.render.sqlite import SQLiteExportError, package_to_sqlite

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@pytest.fixture(scope="module")
def seed_site(seed_packages: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("sqlite") / "site"
    render_site(seed_packages, site, TEMPLATES, log=lambda _m: None, config=SiteConfig())
    return site


def _resources(folder: Path) -> list[dict[str, Any]]:
    return list(json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["resources"])


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_resource_of_all_is_a_table_with_every_row(seed_packages: Path, seed_site: Path) -> None:
    db = sqlite3.connect(seed_site / "data" / "all.sqlite")
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    resources = _resources(seed_packages / "all")
    assert tables == {r["name"] for r in resources}
    for resource in resources:
        rows = _csv(seed_packages / "all" / resource["path"])
        assert db.execute(f"SELECT count(*) FROM [{resource['name']}]").fetchone()[0] == len(rows), resource["name"]
        columns = [c[1] for c in db.execute(f"PRAGMA table_info([{resource['name']}])")]
        assert columns == [f["name"] for f in resource["schema"]["fields"]]


def test_tables_have_the_keys_the_schema_declares(seed_packages: Path, seed_site: Path) -> None:
    db = sqlite3.connect(seed_site / "data" / "all.sqlite")
    for resource in _resources(seed_packages / "all"):
        info = list(db.execute(f"PRAGMA table_info([{resource['name']}])"))
        pk = [c[1] for c in sorted((c for c in info if c[5]), key=lambda c: c[5])]
        declared = resource["schema"].get("primaryKey", [])
        assert pk == ([declared] if isinstance(declared, str) else declared), resource["name"]
        sql = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", (resource["name"],)).fetchone()[0]
        assert sql.endswith("WITHOUT ROWID"), resource["name"]  # no automatic index repeating the key
    assert not db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_autoindex_%'").fetchall()
    referring = {row[2] for row in db.execute("PRAGMA foreign_key_list(totals)")}
    assert referring == {"disclosure"}
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_every_table_is_indexed_on_disclosure_id(seed_site: Path) -> None:
    # the classifications are shared by the disclosures, keyed by (classification_year, code): they have no disclosure_id
    db = sqlite3.connect(seed_site / "data" / "all.sqlite")
    names = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()]
    shared = [name for name in names if "disclosure_id" not in {c[1] for c in db.execute(f"PRAGMA table_info([{name}])")}]
    assert sorted(shared) == ["economic_classification", "function_classification"]
    for name in (n for n in names if n not in shared):
        plan = " ".join(str(r[-1]) for r in db.execute(f"EXPLAIN QUERY PLAN SELECT * FROM [{name}] WHERE disclosure_id = 'x'"))
        assert "USING" in plan and ("INDEX" in plan or "PRIMARY KEY" in plan), (name, plan)  # a search, never a scan


def test_amounts_are_the_exact_decimals_of_the_csv(seed_packages: Path, seed_site: Path) -> None:
    db = sqlite3.connect(seed_site / "data" / "all.sqlite")
    # a keyed table is stored in its key's order, not the CSV's: rows are matched by their key
    stored = {tuple(s[:3]): s[3:] for s in db.execute("SELECT disclosure_id, metric, phase, amount, typeof(amount), page, typeof(page) FROM totals")}
    printed = {(r["disclosure_id"], r["metric"], r["phase"]): r for r in _csv(seed_packages / "all" / "totals.csv")}
    assert len(printed) > 20 and set(stored) == set(printed)
    assert {k: s[0] for k, s in stored.items()} == {k: r["amount"] for k, r in printed.items()}
    assert {s[1] for s in stored.values()} == {"text"}
    assert {k: s[2] for k, s in stored.items()} == {k: int(r["page"]) if r["page"] else None for k, r in printed.items()}  # a blank cell is NULL
    years = db.execute("SELECT fiscal_year, typeof(fiscal_year) FROM three_public").fetchall()
    assert sorted(y for y, _ in years) == sorted(int(r["fiscal_year"]) for r in _csv(seed_packages / "all" / "three_public.csv"))
    assert {t for _, t in years} == {"integer"}


def test_it_opens_in_datasette(seed_packages: Path, seed_site: Path) -> None:
    from datasette.app import Datasette

    async def ask() -> tuple[dict[str, Any], dict[str, Any]]:
        datasette = Datasette([str(seed_site / "data" / "all.sqlite")])
        database = await datasette.client.get("/all.json")
        totals = await datasette.client.get("/all/totals.json?_shape=objects&_size=1")
        assert database.status_code == 200 and totals.status_code == 200
        return database.json(), totals.json()

    # in a thread of its own: a browser test's event loop may still be running on this one
    with ThreadPoolExecutor(max_workers=1) as pool:
        database, totals = pool.submit(asyncio.run, ask()).result()
    tables = {t["name"]: t for t in database["tables"]}
    for resource in _resources(seed_packages / "all"):
        table = tables[resource["name"]]
        assert table["count"] == len(_csv(seed_packages / "all" / resource["path"]))
        declared = resource["schema"].get("primaryKey", [])
        assert table["primary_keys"] == ([declared] if isinstance(declared, str) else declared)
    assert any(c["column"] == "disclosure_id" and c["other_table"] == "disclosure" for c, _ in totals["expandable_columns"])


def _package(folder: Path, resources: dict[str, tuple[dict[str, Any], list[list[str]]]]) -> Path:
    """A package of the given resources: name -> (Table Schema, rows with a header first)."""
    folder.mkdir(parents=True)
    for name, (_, rows) in resources.items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
    descriptor = {"name": folder.name, "resources": [{"name": n, "path": f"{n}.csv", "schema": s} for n, (s, _) in resources.items()]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


def _field(name: str, kind: str = "string", required: bool = False) -> dict[str, Any]:
    return {"name": name, "type": kind} | ({"constraints": {"required": True}} if required else {})


CODES = {
    "fields": [_field("disclosure_id"), _field("code"), _field("parent"), _field("known", "boolean", True)],
    "primaryKey": ["disclosure_id", "code"],
    "foreignKeys": [{"fields": ["disclosure_id", "parent"], "reference": {"resource": "", "fields": ["disclosure_id", "code"]}}],
    "missingValues": [""],
}
ROWS = {
    "fields": [_field("disclosure_id"), _field("function_code"), _field("phase"), _field("total", "number")],
    "primaryKey": ["disclosure_id", "function_code", "phase"],
    "foreignKeys": [
        {"fields": ["disclosure_id", "function_code"], "reference": {"resource": "codes", "fields": ["disclosure_id", "code"]}},
        {"fields": "function_code", "reference": {"resource": "codes", "fields": "code"}},  # not unique there: not a key SQLite can hold
    ],
}


def test_compound_keys_and_a_table_referring_to_itself(tmp_path: Path) -> None:
    codes = [["disclosure_id", "code", "parent", "known"], ["a", "201", "", "true"], ["a", "20101", "201", "false"], ["b", "201", "", "true"]]
    rows = [["disclosure_id", "function_code", "phase", "total"], ["a", "20101", "approved", "0.1000"], ["a", "20101", "executed", "12345678901234.5678"]]
    folder = _package(tmp_path / "p", {"rows": (ROWS, rows), "codes": (CODES, codes)})
    assert package_to_sqlite(folder, tmp_path / "p.sqlite") == {"codes": 3, "rows": 2}
    db = sqlite3.connect(tmp_path / "p.sqlite")
    fks = {(r[2], r[3], r[4]) for r in db.execute("PRAGMA foreign_key_list(rows)")}
    assert fks == {("codes", "disclosure_id", "disclosure_id"), ("codes", "function_code", "code")}
    assert {(r[2], r[3], r[4]) for r in db.execute("PRAGMA foreign_key_list(codes)")} == {("codes", "disclosure_id", "disclosure_id"), ("codes", "parent", "code")}
    assert db.execute("SELECT total FROM rows ORDER BY phase").fetchall() == [("0.1000",), ("12345678901234.5678",)]
    assert db.execute("SELECT known FROM codes ORDER BY disclosure_id, code").fetchall() == [(1,), (0,), (1,)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_two_rows_with_one_primary_key_fail_loudly_naming_the_resource(tmp_path: Path) -> None:
    codes = [["disclosure_id", "code", "parent", "known"], ["a", "201", "", "true"], ["a", "201", "", "false"]]
    folder = _package(tmp_path / "p", {"codes": (CODES, codes)})
    with pytest.raises(SQLiteExportError, match=r"codes: .*lines 2 and 3 share \(disclosure_id, code\) = \('a', '201'\)"):
        package_to_sqlite(folder, tmp_path / "p.sqlite")
    assert not (tmp_path / "p.sqlite").exists() and not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(
    ("codes", "message"),
    [
        ([["disclosure_id", "code", "parent", "known"], ["a", "201", "", ""]], r"codes: NOT NULL constraint failed: codes\.known"),
        ([["disclosure_id", "code", "parent", "known"], ["a", "20101", "201", "true"]], r"codes: 1 rows refer to no row of codes"),
        ([["disclosure_id", "code", "parent", "known"], ["a", "201", "", "yes"]], r"codes\.csv line 2: known = 'yes' is not a boolean"),
    ],
)
def test_a_package_that_breaks_its_own_schema_gives_no_database(tmp_path: Path, codes: list[list[str]], message: str) -> None:
    folder = _package(tmp_path / "p", {"codes": (CODES, codes)})
    with pytest.raises(SQLiteExportError, match=message):
        package_to_sqlite(folder, tmp_path / "p.sqlite")
    assert not (tmp_path / "p.sqlite").exists()


def test_the_site_says_why_it_has_no_database(seed_packages: Path, tmp_path: Path) -> None:
    packages = tmp_path / "packages"
    for name in ("all", *(p.parent.name for p in seed_packages.glob("*/datapackage.json") if p.parent.name != "all")):
        (packages / name).mkdir(parents=True)
        for path in (seed_packages / name).glob("*.*"):
            (packages / name / path.name).write_bytes(path.read_bytes())
    disclosure = packages / "all" / "disclosure.csv"
    lines = disclosure.read_text(encoding="utf-8").splitlines(keepends=True)
    disclosure.write_text("".join(lines + [lines[1]]), encoding="utf-8")
    logs: list[str] = []
    render_site(packages, tmp_path / "site", TEMPLATES, log=logs.append, config=SiteConfig())
    assert not (tmp_path / "site" / "data" / "all.sqlite").exists()
    assert any(m.startswith("render: error: data/all.sqlite not written") and "disclosure: " in m and "share (disclosure_id)" in m for m in logs), logs

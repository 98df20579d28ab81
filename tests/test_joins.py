"""A data user's joins: `all/` loaded into DuckDB and SQLite with the schema's types, and no join fans out.

The function and economic rows join their classification on (classification_year, code), the key the
contract gives the reference rows; a left join therefore gives exactly one row per amount row.
"""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.conftest import read_rows

# the Table Schema types the contract uses, as DuckDB and SQLite spell them (amounts exact, never float)
DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DECIMAL(38,10)", "date": "DATE", "boolean": "BOOLEAN"}
SQLITE_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "TEXT", "date": "TEXT", "boolean": "INTEGER"}

JOINS = [
    ("expenditure_by_function", "function_code", "function_classification"),
    ("basic_expenditure_by_economic", "economic_code", "economic_classification"),
    ("projects", "function_code", "function_classification"),
]


def resources(folder: Path) -> list[dict[str, Any]]:
    return list(json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))["resources"])


def into_duckdb(folder: Path) -> duckdb.DuckDBPyConnection:
    db = duckdb.connect()
    for resource in resources(folder):
        fields = resource["schema"]["fields"]
        columns = {f["name"]: DUCKDB_TYPES[f["type"]] for f in fields}
        path = str(folder / resource["path"])
        db.execute(f"CREATE TABLE {resource['name']} AS SELECT * FROM read_csv(?, header = true, columns = {columns!r})", [path])
    return db


def into_sqlite(folder: Path) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    for resource in resources(folder):
        fields = resource["schema"]["fields"]
        key = resource["schema"].get("primaryKey") or []
        columns = ", ".join(f'"{f["name"]}" {SQLITE_TYPES[f["type"]]}' for f in fields)
        db.execute(f'CREATE TABLE "{resource["name"]}" ({columns}, PRIMARY KEY ({", ".join(key)}))')
        rows = read_rows(folder, resource["name"])
        names = [f["name"] for f in fields]
        marks = ", ".join("?" for _ in names)
        db.executemany(f'INSERT INTO "{resource["name"]}" VALUES ({marks})', [[r[n] if r[n] != "" else None for n in names] for r in rows])
    return db


@pytest.mark.parametrize("amounts,code,reference", JOINS)
def test_duckdb_joins_amounts_to_their_classification_without_fan_out(seed_packages: Path, amounts: str, code: str, reference: str) -> None:
    db = into_duckdb(seed_packages / "all")
    (rows,) = db.execute(f"SELECT count(*) FROM {amounts}").fetchone() or (0,)
    (joined,) = db.execute(
        f"SELECT count(*) FROM {amounts} a LEFT JOIN {reference} c ON c.classification_year = a.classification_year AND c.code = a.{code}"
    ).fetchone() or (0,)
    assert rows > 0 or amounts == "projects"
    assert joined == rows


@pytest.mark.parametrize("amounts,code,reference", JOINS)
def test_sqlite_joins_amounts_to_their_classification_without_fan_out(seed_packages: Path, amounts: str, code: str, reference: str) -> None:
    db = into_sqlite(seed_packages / "all")
    (rows,) = db.execute(f"SELECT count(*) FROM {amounts}").fetchone()
    (joined,) = db.execute(
        f"SELECT count(*) FROM {amounts} a LEFT JOIN {reference} c ON c.classification_year = a.classification_year AND c.code = a.{code}"
    ).fetchone()
    assert joined == rows


def test_duckdb_reads_amounts_as_exact_decimals(seed_packages: Path) -> None:
    """Every amount of `totals` comes back from DuckDB as the decimal the CSV prints (no float on the way)."""
    db = into_duckdb(seed_packages / "all")
    got = {(d, m, p): a for d, m, p, a in db.execute("SELECT disclosure_id, metric, phase, amount FROM totals").fetchall()}
    printed = {(r["disclosure_id"], r["metric"], r["phase"]): Decimal(r["amount"]) for r in read_rows(seed_packages / "all", "totals") if r["amount"]}
    assert printed and {k: v for k, v in got.items() if v is not None} == printed
    assert all(isinstance(v, Decimal) for v in got.values() if v is not None)


def test_every_function_row_with_an_official_code_finds_its_class(seed_packages: Path) -> None:
    """An inner join keeps every row whose code the reference lists for its year: the keys match in type, not only in text."""
    db = into_duckdb(seed_packages / "all")
    (listed,) = db.execute("SELECT count(*) FROM expenditure_by_function WHERE official_name IS NOT NULL").fetchone() or (0,)
    (found,) = db.execute(
        "SELECT count(*) FROM expenditure_by_function a JOIN function_classification c"
        " ON c.classification_year = a.classification_year AND c.code = a.function_code WHERE a.official_name IS NOT NULL"
    ).fetchone() or (0,)
    assert listed > 0 and found == listed

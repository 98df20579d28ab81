"""`data/all.sqlite`: every resource of the published `all/` package as a table with its keys.

Read from the package alone (its `datapackage.json` and CSVs), for any resource it declares:

- Column types follow the Table Schema: `integer` → INTEGER, `boolean` → INTEGER (1 or 0), and
  every other type → TEXT. A `number` (every amount) is TEXT holding the decimal exactly as the CSV
  prints it (`1234567.8900`), because SQLite has no exact decimal type: a REAL or NUMERIC column
  would turn it into a binary float. `CAST(amount AS REAL)` sorts and sums where a float is close
  enough; for exact sums read the text as a decimal (Python's `Decimal`). Dates are ISO text.
- An empty cell (the schema's `missingValues`) is NULL; text is as the CSV has it, the formula
  policy's leading `'` included (`cnbudget/package/write.py`).
- Keys: the schema's `primaryKey` is the table's PRIMARY KEY, the table is stored in its order
  (`WITHOUT ROWID`: a rowid table keeps a second copy of the key as an automatic index, a fifth of
  the file), so its key columns are NOT NULL as well as its `required` fields;
  a `foreignKeys` entry becomes a FOREIGN KEY when it points at the primary key of a table in the
  database (SQLite can only refer to a unique key); every table with a `disclosure_id` column has an
  index on it (its primary key serves when it starts with `disclosure_id`), and each foreign key's
  columns are indexed.

A package that breaks its own keys (two rows with one primary key, a NULL where the schema requires
a value, a foreign key that points at no row) gives no database: `SQLiteExportError` says which
resource and which key.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

TYPES: dict[str, type] = {"integer": int, "boolean": int}  # everything else is text (str)
TRUE, FALSE = ("true", "True", "TRUE", "1"), ("false", "False", "FALSE", "0")  # Table Schema's defaults
BATCH = 10_000
PAGE_SIZE = 8192  # 2% smaller than SQLite's 4096 on these tables (long Chinese `detail` texts); 1024 overflows, 65536 wastes


class SQLiteExportError(ValueError):
    """The package cannot become a database as it declares itself (a broken key, a cell not of its type)."""


def _names(value: object) -> tuple[str, ...]:
    """A Table Schema `fields` value (one name or a list of names) as a tuple."""
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


@dataclass
class Table:
    """One resource as the database will hold it."""

    name: str
    path: Path
    fields: list[dict[str, Any]]
    primary_key: tuple[str, ...]
    foreign_keys: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = field(default_factory=list)  # (columns, table, its columns)
    missing: tuple[str, ...] = ("",)

    @property
    def columns(self) -> list[str]:
        """The names of the table's columns, in the order of its fields."""
        return [str(f["name"]) for f in self.fields]


def package_to_tables(folder: Path) -> list[Table]:
    """The package's local CSV resources, each with the keys that can hold in SQLite, referenced tables first."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables: dict[str, Table] = {}
    declared: dict[str, list[dict[str, Any]]] = {}
    for resource in descriptor.get("resources", []):
        if not isinstance(resource, dict) or not isinstance(resource.get("path"), str):
            continue
        path = folder / resource["path"]
        if path.suffix != ".csv" or not path.is_file() or path.resolve().parent != folder.resolve():
            continue
        raw = resource.get("schema")
        schema: dict[str, Any] = raw if isinstance(raw, dict) else {}
        fields = [f for f in schema.get("fields", []) if isinstance(f, dict) and f.get("name")]
        name = str(resource.get("name") or path.stem)
        tables[name] = Table(name, path, fields, _names(schema.get("primaryKey")), missing=tuple(schema.get("missingValues", [""])))
        declared[name] = [fk for fk in schema.get("foreignKeys", []) if isinstance(fk, dict) and isinstance(fk.get("reference"), dict)]
    for name, table in tables.items():
        for fk in declared[name]:
            other = str(fk["reference"].get("resource") or name)  # "" is the resource itself
            columns, other_columns = _names(fk.get("fields")), _names(fk["reference"].get("fields"))
            target = tables.get(other)
            if target and columns and len(columns) == len(other_columns) and set(other_columns) == set(target.primary_key):
                table.foreign_keys.append((columns, other, other_columns))
    return _referenced_first(tables)


def _referenced_first(tables: dict[str, Table]) -> list[Table]:
    """The tables in declaration order, except that a table comes after the tables it refers to."""
    done: dict[str, Table] = {}

    def visit(name: str, seen: frozenset[str]) -> None:
        if name in done or name in seen:
            return
        for _, other, _ in tables[name].foreign_keys:
            visit(other, seen | {name})
        done[name] = tables[name]

    for name in tables:
        visit(name, frozenset())
    return list(done.values())


def _cells(table: Table) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(CSV line number, the row's values as SQLite stores them) for every row of the table's CSV."""
    kinds = [str(f.get("type", "string")) for f in table.fields]
    with table.path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            values: list[object] = []
            for name, kind in zip(table.columns, kinds, strict=True):
                cell = row.get(name)
                values.append(None if cell is None or cell in table.missing else _value(table, reader.line_num, name, kind, cell))
            yield reader.line_num, tuple(values)


def _value(table: Table, line: int, name: str, kind: str, cell: str) -> object:
    if kind == "integer":
        try:
            return int(cell)
        except ValueError:
            raise SQLiteExportError(f"{table.name}.csv line {line}: {name} = {cell!r} is not an integer") from None
    if kind == "boolean":
        if cell in TRUE or cell in FALSE:
            return 1 if cell in TRUE else 0
        raise SQLiteExportError(f"{table.name}.csv line {line}: {name} = {cell!r} is not a boolean")
    return cell


def _duplicate(table: Table) -> str:
    """The first primary key two rows share, described; empty when there is none."""
    positions = [table.columns.index(c) for c in table.primary_key]
    seen: dict[tuple[object, ...], int] = {}
    for line, values in _cells(table):
        key = tuple(values[i] for i in positions)
        if key in seen:
            return f"lines {seen[key]} and {line} share ({', '.join(table.primary_key)}) = {key}"
        seen[key] = line
    return ""


def _create(db: sqlite_utils.Database, table: Table) -> None:
    required = {str(f["name"]) for f in table.fields if isinstance(f.get("constraints"), dict) and f["constraints"].get("required")}
    missing_key = [c for c in table.primary_key if c not in table.columns]
    if missing_key:
        raise SQLiteExportError(f"{table.name}: its primary key names {', '.join(missing_key)}, which it has no field for")
    sql = db.create_table_sql(
        table.name,
        {f["name"]: TYPES.get(str(f.get("type")), str) for f in table.fields},
        pk=(table.primary_key if len(table.primary_key) > 1 else table.primary_key[0]) if table.primary_key else None,
        not_null=required,
        foreign_keys=[(cols if len(cols) > 1 else cols[0], other, other_cols if len(other_cols) > 1 else other_cols[0]) for cols, other, other_cols in table.foreign_keys],
    )
    # Keyed tables are stored in their key's order (no rowid): no second copy of the key as an automatic index.
    db.execute(sql.rstrip().rstrip(";") + (" WITHOUT ROWID" if table.primary_key else ""))
    if "disclosure_id" in table.columns and table.primary_key[:1] != ("disclosure_id",):
        db.table(table.name).create_index(["disclosure_id"])
    for cols, _, _ in table.foreign_keys:
        if table.primary_key[: len(cols)] != cols and list(cols) != ["disclosure_id"]:
            db.table(table.name).create_index(list(cols))


def _load(db: sqlite_utils.Database, table: Table) -> int:
    placeholders = ", ".join("?" for _ in table.columns)
    insert = f"INSERT INTO [{table.name}] ({', '.join(f'[{c}]' for c in table.columns)}) VALUES ({placeholders})"
    count = 0
    batch: list[tuple[object, ...]] = []
    try:
        for _, values in _cells(table):
            batch.append(values)
            if len(batch) == BATCH:
                db.conn.executemany(insert, batch)
                count, batch = count + len(batch), []
        db.conn.executemany(insert, batch)
    except sqlite3.IntegrityError as error:
        found = _duplicate(table) if "UNIQUE" in str(error) and table.primary_key else ""
        raise SQLiteExportError(f"{table.name}: {error}{': ' + found if found else ''}") from None
    return count + len(batch)


def package_to_sqlite(folder: Path, target: Path) -> dict[str, int]:
    """Write the package in `folder` to the SQLite database `target` (replaced whole); rows per table."""
    tables = package_to_tables(folder)
    tmp = target.with_name(target.name + ".tmp")
    tmp.unlink(missing_ok=True)
    counts: dict[str, int] = {}
    try:
        db = sqlite_utils.Database(tmp)
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        with db.conn:
            for table in tables:
                _create(db, table)
                counts[table.name] = _load(db, table)
        broken = db.conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            child, _, parent, _ = broken[0]  # a table without rowid reports no row number
            raise SQLiteExportError(f"{child}: {len(broken)} rows refer to no row of {parent}")
        db.conn.execute("VACUUM")
        db.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(target)
    return counts

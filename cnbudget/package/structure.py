"""The build's own validation of a package: every check frictionless makes on our packages, in a few milliseconds.

Frictionless validated each package the build wrote in about 0.9 s, most of it copying metadata,
not reading rows: at 10,000 disclosures that alone was over two hours. This validator reads the
package's own ``datapackage.json`` (written from ``schema.RESOURCES``, the one definition of the
resources) and checks what frictionless checks there, and nothing looser:

- the descriptor: a JSON object with a ``name`` and ``resources``, each resource with a ``name``, a
  ``path`` inside the package and a ``schema`` whose field types it knows;
- the header is the schema's field names, in order; every row has one cell per field, and no row is blank;
- every cell parses as its field's type (``number`` a plain decimal, ``integer``, ``boolean``, ``date``
  as ``YYYY-MM-DD``, ``string``) and meets its constraints (``required``, ``enum``, ``pattern``), the
  empty cell being the missing value;
- the primary key is unique (and never wholly empty); each foreign key resolves in the package (the
  resource itself when its ``reference.resource`` is empty), a key wholly empty being no reference.

It is stricter than frictionless where the two could differ (a number is ``-?digits[.digits]``, not
``1e5`` or ``NaN``; a pattern must match the whole cell), so it cannot pass what frictionless fails
(``tests/test_structure.py`` feeds the same broken packages to both). The tests still run
frictionless on the built packages, and ``--validate full`` runs it in the build.

A large package (``all/``) is read in chunks, and its keys are kept as hashes (a hash seen twice is
confirmed on the cells in a second pass), so its memory does not grow with its rows' text.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

SHOWN = 3  # cells quoted per error kind and column
CHUNK = 20000  # rows read at a time
_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_INTEGER = re.compile(r"-?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOOLEANS = frozenset({"true", "True", "TRUE", "1", "false", "False", "FALSE", "0"})  # frictionless's defaults
_NAME = re.compile(r"[-a-z0-9._/]+")  # the Data Package profile's name pattern


def _is_date(cell: str) -> bool:
    if not _DATE.fullmatch(cell):
        return False
    try:
        date.fromisoformat(cell)
    except ValueError:
        return False
    return True


def _bad_cells(column: Iterable[str], ok: Callable[[str], object]) -> list[str]:
    """The non-empty cells of ``column`` that ``ok`` refuses."""
    return [cell for cell in column if cell and not ok(cell)]


_TYPES: dict[str, Callable[[str], object]] = {
    "number": _NUMBER.fullmatch,
    "integer": _INTEGER.fullmatch,
    "boolean": _BOOLEANS.__contains__,
    "date": _is_date,
    "string": lambda _cell: True,
}


class Schema:
    """A resource's Table Schema compiled into column checks."""

    def __init__(self, schema: dict[str, Any]) -> None:
        fields = schema.get("fields")
        if not isinstance(fields, list) or not fields or not all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in fields):
            raise ValueError("its schema has no list of named fields")
        self.names: list[str] = [f["name"] for f in fields]
        if schema.get("missingValues", [""]) != [""]:
            raise ValueError(f"missingValues {schema.get('missingValues')!r} (the build writes only [''])")
        self.columns: list[tuple[str, Callable[[str], object], bool, frozenset[str] | None, Callable[[str], object] | None]] = []
        for f in fields:
            kind = f.get("type", "string")
            if kind not in _TYPES:
                raise ValueError(f"field {f['name']} has the type {kind!r}, which this validator does not read")
            if kind == "number" and f.get("bareNumber") is False:
                raise ValueError(f"field {f['name']} is not a bare number")
            if f.get("format", "default") != "default":
                raise ValueError(f"field {f['name']} has the format {f['format']!r}")
            constraints = f.get("constraints", {})
            unknown = set(constraints) - {"required", "enum", "pattern"}
            if unknown:
                raise ValueError(f"field {f['name']} has constraints {sorted(unknown)} this validator does not check")
            enum = constraints.get("enum")
            pattern = constraints.get("pattern")
            self.columns.append(
                (
                    kind,
                    _TYPES[kind],
                    bool(constraints.get("required")),
                    frozenset(str(v) for v in enum) if enum is not None else None,
                    re.compile(pattern).fullmatch if pattern is not None else None,
                )
            )
        key = schema.get("primaryKey", [])
        self.primary_key = [key] if isinstance(key, str) else list(key)
        self.foreign_keys: list[tuple[list[str], str, list[str]]] = []
        for fk in schema.get("foreignKeys", []):
            own, reference = fk["fields"], fk["reference"]
            theirs = reference["fields"]
            self.foreign_keys.append(([own] if isinstance(own, str) else list(own), str(reference["resource"]), [theirs] if isinstance(theirs, str) else list(theirs)))
        for name in [*self.primary_key, *(n for fk in self.foreign_keys for n in fk[0])]:
            if name not in self.names:
                raise ValueError(f"its key names {name!r}, which is not one of its fields")

    def index(self, names: list[str]) -> list[int]:
        """The positions of the fields ``names`` among the schema's fields."""
        return [self.names.index(n) for n in names]


_COMPILED: dict[str, Schema] = {}


def compiled(schema: dict[str, Any]) -> Schema:
    """The schema's column checks, compiled once per process for each distinct schema."""
    key = json.dumps(schema, sort_keys=True, ensure_ascii=False)
    if key not in _COMPILED:
        _COMPILED[key] = Schema(schema)
    return _COMPILED[key]


def _quote(cells: list[str]) -> str:
    return ", ".join(repr(c) for c in cells[:SHOWN]) + (f" and {len(cells) - SHOWN} more" if len(cells) > SHOWN else "")


def _check_rows(name: str, schema: Schema, rows: list[list[str]], first: int) -> list[str]:
    """The errors of a chunk of data rows (``first`` is the row number of its first row, the header being 1)."""
    errors: list[str] = []
    width = len(schema.names)
    for number, row in enumerate(rows, start=first):
        if not any(row):
            errors.append(f"{name}: blank-row: row {number} is blank")
        elif len(row) != width:
            kind = "extra-cell" if len(row) > width else "missing-cell"
            errors.append(f"{name}: {kind}: row {number} has {len(row)} cells, the schema {width} fields")
    if errors:
        return errors
    for column, field, (kind, ok, required, enum, pattern) in zip(zip(*rows), schema.names, schema.columns, strict=False):
        if required and "" in column:
            errors.append(f"{name}: constraint-error: field {field} is required, and row {first + column.index('')} leaves it empty")
        bad = _bad_cells(column, ok)
        if bad:
            errors.append(f"{name}: type-error: field {field} is {kind}, and {_quote(bad)} is not")
            continue
        if enum is not None and not set(column) - {""} <= enum:
            errors.append(f"{name}: constraint-error: field {field} takes one of {sorted(enum)}, not {_quote(sorted(set(column) - enum - {''}))}")
        if pattern is not None:
            bad = _bad_cells(column, pattern)
            if bad:
                errors.append(f"{name}: constraint-error: field {field} does not match its pattern in {_quote(bad)}")
    return errors


def _chunks(rows: Iterator[list[str]]) -> Iterator[list[list[str]]]:
    while chunk := list(itertools.islice(rows, CHUNK)):
        yield chunk


def _key_hashes(rows: Iterable[list[str]], index: list[int]) -> Iterator[tuple[int, tuple[str, ...]]]:
    for row in rows:
        key = tuple(row[i] for i in index)
        yield hash(key), key


class _Table:
    """One resource's rows as the validator reads them: from a text, or from a file in chunks."""

    def __init__(self, text: str | None, path: Path | None) -> None:
        self.text, self.path = text, path

    def rows(self) -> Iterator[list[str]]:
        """The rows, header first (opened afresh on every call)."""
        if self.text is not None:
            yield from csv.reader(io.StringIO(self.text, newline=""))
            return
        assert self.path is not None
        with self.path.open(encoding="utf-8", newline="") as handle:
            yield from csv.reader(handle)


def _validate_resource(name: str, schema: Schema, table: _Table, lookups: dict[tuple[str, tuple[str, ...]], set[tuple[str, ...]]]) -> list[str]:
    """A resource's errors; fills ``lookups`` with the key sets its foreign keys and others' need."""
    rows = table.rows()
    header = next(rows, None)
    if header != schema.names:
        return [f"{name}: incorrect-label: the header is {header!r}, the schema's fields {schema.names!r}"]
    errors: list[str] = []
    key_index = schema.index(schema.primary_key) if schema.primary_key else []
    seen: set[int] = set()
    clashes: set[int] = set()
    wanted = {k: schema.index(list(k[1])) for k in lookups if k[0] == name}
    for start, chunk in zip(itertools.count(), _chunks(rows), strict=False):
        errors.extend(_check_rows(name, schema, chunk, 2 + start * CHUNK))
        if errors:
            return errors
        for (_, fields), index in wanted.items():
            lookups[(name, fields)].update(tuple(r[i] for i in index) for r in chunk)
        if key_index:
            for h, key in _key_hashes(chunk, key_index):
                if not any(key):
                    errors.append(f"{name}: primary-key: a row's key {schema.primary_key} is wholly empty")
                if h in seen:
                    clashes.add(h)
                seen.add(h)
    if clashes:  # a hash seen twice: compare the keys themselves
        keys = [key for h, key in _key_hashes(itertools.islice(table.rows(), 1, None), key_index) if h in clashes]
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            errors.append(f"{name}: primary-key: the key {schema.primary_key} repeats: {_quote([', '.join(k) for k in repeated])}")
    return errors


def _foreign_key_errors(name: str, schema: Schema, table: _Table, lookups: dict[tuple[str, tuple[str, ...]], set[tuple[str, ...]]]) -> list[str]:
    errors: list[str] = []
    for own, resource, theirs in schema.foreign_keys:
        target = lookups[(resource or name, tuple(theirs))]
        index = schema.index(own)
        missing = sorted({key for row in itertools.islice(table.rows(), 1, None) if any(key := tuple(row[i] for i in index)) and key not in target})
        if missing:
            errors.append(f"{name}: foreign-key: ({', '.join(own)}) not found in {resource or name} ({', '.join(theirs)}): {_quote([', '.join(k) for k in missing])}")
    return errors


def _descriptor_errors(descriptor: object) -> tuple[list[str], list[dict[str, Any]]]:
    """What is wrong with the descriptor itself, and its resources."""
    if not isinstance(descriptor, dict):
        return ["package: package-error: datapackage.json is not a JSON object"], []
    errors = []
    if not isinstance(descriptor.get("name"), str) or not _NAME.fullmatch(descriptor["name"]):
        errors.append(f"package: package-error: the name {descriptor.get('name')!r} is not lower-case letters, digits and -._/")
    resources = descriptor.get("resources")
    if not isinstance(resources, list) or not resources:
        return [*errors, "package: package-error: it has no resources"], []
    for resource in resources:
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str) or not _NAME.fullmatch(resource["name"]):
            errors.append(f"package: resource-error: a resource has no valid name: {str(resource)[:80]}")
        elif not isinstance(resource.get("path"), str) or resource["path"].startswith("/") or ".." in resource["path"].split("/"):
            errors.append(f"{resource['name']}: resource-error: its path {resource.get('path')!r} is not a file inside the package")
        elif not isinstance(resource.get("schema"), dict):
            errors.append(f"{resource['name']}: schema-error: it has no Table Schema")
    if len({str(r.get("name")) for r in resources if isinstance(r, dict)}) != len(resources):
        errors.append("package: package-error: two resources share a name")
    return errors, resources if not errors else []


def validate_package(descriptor: object, read: Callable[[str], _Table | None]) -> list[str]:
    """The errors of a package: its descriptor, and each resource as ``read`` gives it by path (None: no such file)."""
    errors, resources = _descriptor_errors(descriptor)
    if errors:
        return errors
    schemas: dict[str, Schema] = {}
    tables: dict[str, _Table] = {}
    for resource in resources:
        name = str(resource["name"])
        try:
            schemas[name] = compiled(resource["schema"])
        except (ValueError, KeyError, TypeError) as exc:
            errors.append(f"{name}: schema-error: {exc}")
            continue
        table = read(resource["path"])
        if table is None:
            errors.append(f"{name}: scheme-error: {resource['path']} is not in the package")
        else:
            tables[name] = table
    if errors:
        return errors
    lookups: dict[tuple[str, tuple[str, ...]], set[tuple[str, ...]]] = {}
    for name, schema in schemas.items():
        for _, other, theirs in schema.foreign_keys:
            target = other or name
            if target not in schemas:
                errors.append(f"{name}: foreign-key: it refers to the resource {other!r}, which the package does not have")
            elif any(t not in schemas[target].names for t in theirs):
                errors.append(f"{name}: foreign-key: it refers to fields {theirs} that {target} does not have")
            else:
                lookups[(target, tuple(theirs))] = set()
    if errors:
        return errors
    for name, schema in schemas.items():
        errors.extend(_validate_resource(name, schema, tables[name], lookups))
    if errors:
        return errors
    for name, schema in schemas.items():
        errors.extend(_foreign_key_errors(name, schema, tables[name], lookups))
    return errors


def text_errors(descriptor: dict[str, Any], texts: dict[str, str]) -> list[str]:
    """The errors of a package not yet written: its descriptor and its CSV texts by path."""
    return validate_package(descriptor, lambda path: _Table(texts[path], None) if path in texts else None)


def folder_errors(folder: Path) -> list[str]:
    """The errors of the package written in ``folder``."""
    try:
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"package: package-error: datapackage.json cannot be read as JSON ({exc})"]

    def read(path: str) -> _Table | None:
        file = folder / path
        return _Table(None, file) if file.is_file() else None

    try:
        return validate_package(descriptor, read)
    except UnicodeDecodeError as exc:
        return [f"package: encoding-error: a CSV is not UTF-8 ({exc})"]
    except csv.Error as exc:
        return [f"package: source-error: a CSV cannot be read ({exc})"]

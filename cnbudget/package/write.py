"""Package stage: a Disclosure's rows → CSVs + datapackage.json, written byte-identically.

CSV formula policy. Spreadsheet programs run a cell that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return as a formula (OWASP's "CSV injection"), and a document's text goes straight
into string cells. So a cell of a ``string`` field (the type ``schema.py`` gives it) that begins
with one of those characters is written with one ``'`` in front, which makes every spreadsheet show
it as text. Two kinds of cell are left as they are, because no spreadsheet can run them: a negative
decimal written the way amounts are written (``-12.50``, which a spreadsheet reads as that same
number) and one of those characters alone (the dash of an empty cell, the operator ``=`` of a
performance indicator). A string cell that itself begins with ``'`` also gets one more, so the rule
is lossless: dropping one leading ``'`` from a string cell (``printed_text``) gives back the text as
printed. Fields of every other type (``number``, ``integer``, ``boolean``, ``date``) are never
touched, so amounts such as ``-12.50`` stay exact numbers.

Source files. Each package carries the files it was read from in ``source/``, so the package, the
site's copy of it and its zip hold the evidence for every figure. Each is a copy (a copy-on-write
clone where the file system can make one): never a hard link to the file in ``sources/``, which a
download rewriting that file in place would change under the published checksum; ``sources`` in ``datapackage.json`` names each
one with its ``path``, ``sha256`` and, when ``sources.csv`` gives it, the ``url`` it was published at.
``all/`` carries no copies: its ``sources`` point into the disclosure packages beside it.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
from collections.abc import Collection
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from cnbudget.amounts import format_amount
from cnbudget.model import Disclosure, SourceFile
from cnbudget.official import classification
from cnbudget.read import sha256_of
from cnbudget.schema import CLASSIFICATIONS, CONTRACT_VERSION, RESOURCES, Resource

LICENSE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
PROFILE = "tabular-data-package"


def cell(value: Any) -> str:
    """A value as its CSV cell: Decimals exact, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format_amount(value)
    return str(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEGATIVE_DECIMAL = re.compile(r"-[0-9]+(?:\.[0-9]+)?")  # as format_amount writes it


def text_cell(text: str) -> str:
    """A string field's cell: with one ``'`` in front where a spreadsheet would run it (module docstring)."""
    if text.startswith("'"):
        return "'" + text
    if text.startswith(FORMULA_STARTS) and len(text) > 1 and not _NEGATIVE_DECIMAL.fullmatch(text):
        return "'" + text
    return text


def printed_text(text: str) -> str:
    """The text as printed, from a string field's cell written by ``text_cell`` (its inverse)."""
    return text.removeprefix("'")


_NEEDS_QUOTES = re.compile(r'[,"\r\n]')


def csv_line(cells: list[str]) -> str:
    """One CSV line ending in LF: a cell holding a comma, a quote, a CR or an LF is quoted, its quotes doubled."""
    # Python's csv writer would leave a lone CR unquoted when lines end in LF, and every reader breaks the row there.
    return ",".join('"' + c.replace('"', '""') + '"' if _NEEDS_QUOTES.search(c) else c for c in cells) + "\n"


def rows_to_csv(fields: list[str], rows: list[dict[str, Any]], string_fields: Collection[str] = ()) -> str:
    """CSV text (UTF-8, LF line ends, header row) of rows in the given field order.

    Cells of ``string_fields`` get the formula policy; leave it empty for rows read back from a CSV
    this module wrote, whose cells already have it (applying it twice would add a second ``'``).
    """
    text = [f in string_fields for f in fields]
    lines = [csv_line(fields)]
    for row in rows:
        cells = [cell(row.get(f)) for f in fields]
        lines.append(csv_line([text_cell(c) if t else c for c, t in zip(cells, text, strict=True)]))
    return "".join(lines)


def resource_csv(resource: Resource, rows: list[dict[str, Any]]) -> str:
    """A resource's CSV text, its ``string`` fields written under the formula policy."""
    strings = {f.name for f in resource.fields if f.type == "string"}
    return rows_to_csv(resource.field_names, rows, strings)


SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` in seconds; None when it is unset, empty or not a whole number (all count as unset)."""
    value = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    return int(value) if value.isdigit() else None


def created_timestamp(published: list[str | None]) -> str | None:
    """The package's ``created``: SOURCE_DATE_EPOCH when set, else the latest date the sources give, else None.

    Never the clock and never a guess: a package whose sources give no date has no ``created``.
    """
    epoch = source_date_epoch()
    if epoch is not None:
        return datetime.fromtimestamp(epoch, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    dates = sorted(d for d in published if d and _DATE.fullmatch(d))
    return f"{dates[-1]}T00:00:00Z" if dates else None


def write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` (atomically), leaving a file that already holds it untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return  # unchanged: keep the file (and its mtime) as it is
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)


def package_descriptor(name: str, title: str, description: str, sources: list[dict[str, Any]], created: str | None) -> dict[str, Any]:
    """The datapackage.json of one package, every resource's schema from ``schema.RESOURCES``; no ``created`` when None."""
    descriptor: dict[str, Any] = {
        "profile": PROFILE,
        "name": name,
        "title": title,
        "description": description,
        "licenses": [LICENSE],
        "contract": CONTRACT_VERSION,
        "sources": sources,
    }
    if created is not None:
        descriptor["created"] = created
    descriptor["resources"] = [r.descriptor() for r in RESOURCES]
    return descriptor


SOURCE_FOLDER = "source"


class SourceChangedError(RuntimeError):
    """A source file is no longer the bytes it was read from, so its checksum cannot be published with it."""


def published_names(disclosure: Disclosure) -> list[tuple[SourceFile, str]]:
    """Each source file with its name in the package's ``source/`` folder: its own name, made unique if two share one."""
    taken: set[str] = set()
    out: list[tuple[SourceFile, str]] = []
    for src in disclosure.sources:
        name = src.path.name
        if name in taken:
            name = f"{src.path.stem}-{src.sha256[:12]}{src.path.suffix}"
        taken.add(name)
        out.append((src, name))
    return out


def source_entries(disclosure: Disclosure, manifest: dict[str, dict[str, str]], prefix: str = "") -> list[dict[str, Any]]:
    """The package's ``sources``: each file's path (under ``prefix``), checksum and where it was published, when known."""
    out: list[dict[str, Any]] = []
    for src, name in published_names(disclosure):
        known = manifest.get(src.path.name, {})
        entry: dict[str, Any] = {"title": known.get("title") or src.path.name, "path": f"{prefix}{SOURCE_FOLDER}/{name}", "sha256": src.sha256}
        if known.get("url"):
            entry["url"] = known["url"]
        if known.get("publisher"):
            entry["publisher"] = known["publisher"]
        if known.get("published"):
            entry["published"] = known["published"]
        out.append(entry)
    return out


FICLONE = 0x40049409  # Linux's ioctl that makes ``target`` share ``source``'s blocks until either is written


def clone_or_copy(source: Path, target: Path) -> None:
    """``target`` with ``source``'s bytes: a copy-on-write clone where the file system makes one (btrfs, XFS), else a copy."""
    try:
        import fcntl

        with source.open("rb") as src, target.open("wb") as dst:
            fcntl.ioctl(dst.fileno(), FICLONE, src.fileno())
        return
    except (ImportError, OSError):
        pass  # no clones here (ext4, tmpfs, another system): copy the bytes
    shutil.copyfile(source, target)


def write_sources(disclosure: Disclosure, folder: Path) -> None:
    """The disclosure's source files in ``folder/source/``, each checked against the checksum it was read with."""
    for src, name in published_names(disclosure):
        target = folder / SOURCE_FOLDER / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not src.path.is_file():
            raise SourceChangedError(f"{src.path} is gone since it was read; build again (with --no-cache if the sources moved)")
        clone_or_copy(src.path, target)
        if sha256_of(target) != src.sha256:
            target.unlink()
            raise SourceChangedError(f"{src.path} changed since it was read (its SHA-256 is no longer {src.sha256}); build again")


# Where each classification's codes are used: (resource, code field, printed-name field).
CODE_USES = {
    "function": (("expenditure_by_function", "function_code", "function_name"), ("projects", "function_code", None)),
    "economic": (
        ("basic_expenditure_by_economic", "economic_code", "economic_name"),
        ("basic_expenditure_by_economic", "government_economic_code", None),
    ),
}
OFFICIAL_NAMES = {"expenditure_by_function": ("function", "function_code"), "basic_expenditure_by_economic": ("economic", "economic_code")}


def _year(disclosure: Disclosure) -> int | None:
    year = disclosure.meta.get("fiscal_year")
    return int(year) if year not in (None, "") else None


def classification_rows(disclosure: Disclosure, kind: str) -> list[dict[str, Any]]:
    """The reference entries, in the classification year (the disclosure's), of the ``kind`` codes its rows use and their parents."""
    used = [
        (row.get(code_field), row.get(name_field) if name_field else None)
        for resource, code_field, name_field in CODE_USES[kind]
        for row in disclosure.rows.get(resource, [])
    ]
    year = _year(disclosure)
    return [{"classification_year": year} | entry for entry in classification.used_entries(kind, used, year)]


# Resources keyed by (classification_year, code), shared by the disclosures: in all/, each key once.
SHARED = CLASSIFICATIONS


def all_rows(disclosures: list[Disclosure], resource: Resource) -> list[dict[str, Any]]:
    """Every disclosure's rows of a resource, for all/: a shared resource's rows once per key, in key order."""
    rows = [row for d in disclosures for row in public_rows(d, resource.name)]
    if resource.name not in SHARED:
        return rows
    first: dict[tuple[Any, ...], dict[str, Any]] = {}
    for row in rows:
        first.setdefault(tuple(row.get(f) for f in resource.primary_key), row)
    return [first[k] for k in sorted(first, key=lambda k: tuple(str(v) for v in k))]


def with_official_names(disclosure: Disclosure, resource: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of the rows with ``official_name``: the code's official name in the disclosure's year."""
    kind, code_field = OFFICIAL_NAMES[resource]
    year = _year(disclosure)
    lookup = classification.function_name if kind == "function" else classification.economic_name
    return [row | {"official_name": lookup(str(row[code_field]), year) if row.get(code_field) else None} for row in rows]


def public_rows(disclosure: Disclosure, resource: str) -> list[dict[str, Any]]:
    """The rows of a resource as published (the disclosure row for ``disclosure``)."""
    if resource == "disclosure":
        return [disclosure.meta]
    if resource == "function_classification":
        return classification_rows(disclosure, "function")
    if resource == "economic_classification":
        return classification_rows(disclosure, "economic")
    rows = disclosure.rows.get(resource, [])
    if resource in OFFICIAL_NAMES:
        return with_official_names(disclosure, resource, rows)
    return rows


def package_texts(disclosure: Disclosure, manifest: dict[str, dict[str, str]]) -> tuple[dict[str, Any], dict[str, str]]:
    """One disclosure's package as it is written: its descriptor and each CSV's text by path (not its source files)."""
    meta = disclosure.meta
    texts = {f"{resource.name}.csv": resource_csv(resource, public_rows(disclosure, resource.name)) for resource in RESOURCES}
    descriptor = package_descriptor(
        meta["disclosure_id"],
        str(meta["title"]),
        f"{meta['unit_name']} {meta['fiscal_year']} 年{'决算' if meta['kind'] == 'final_account' else '预算'}公开数据，金额单位：万元。",
        source_entries(disclosure, manifest),
        created_timestamp([meta.get("published")]),
    )
    return descriptor, texts


def descriptor_text(descriptor: dict[str, Any]) -> str:
    """A datapackage.json's text: compact JSON (no indentation: it was 28% spaces), ending in a line end."""
    return json.dumps(descriptor, ensure_ascii=False, separators=(",", ":")) + "\n"


def write_package(disclosure: Disclosure, folder: Path, manifest: dict[str, dict[str, str]]) -> None:
    """One disclosure's package in ``folder``."""
    descriptor, texts = package_texts(disclosure, manifest)
    for path, text in texts.items():
        write_text(folder / path, text)
    write_sources(disclosure, folder)
    write_text(folder / "datapackage.json", descriptor_text(descriptor))


def all_descriptor(ordered: list[Disclosure], manifest: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The ``all`` package's descriptor: every disclosure's sources under ``../<id>/``."""
    sources = [entry for d in ordered for entry in source_entries(d, manifest, prefix=f"../{d.id}/")]
    return package_descriptor(
        "all",
        "全部公开文件",
        "Every disclosure together: the same resources, every row. Amounts in 万元.",
        sources,
        created_timestamp([d.meta.get("published") for d in ordered]),
    )


def write_all_package(disclosures: list[Disclosure], folder: Path, manifest: dict[str, dict[str, str]]) -> None:
    """The ``all`` package: every disclosure's rows in every resource, ordered by disclosure id."""
    ordered = sorted(disclosures, key=lambda d: d.id)
    for resource in RESOURCES:
        write_text(folder / f"{resource.name}.csv", resource_csv(resource, all_rows(ordered, resource)))
    write_text(folder / "datapackage.json", descriptor_text(all_descriptor(ordered, manifest)))


def _body(path: Path) -> str:
    """A CSV file's text after its header line."""
    text = path.read_text(encoding="utf-8")
    return text[text.index("\n") + 1 :] if "\n" in text else ""


def shared_rows(resource: Resource, paths: list[Path]) -> list[str]:
    """A shared resource's lines in ``all/``: each key's first row in the packages' CSVs at ``paths``, in key order."""
    key = [resource.field_names.index(f) for f in resource.primary_key]
    first: dict[tuple[str, ...], list[str]] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.reader(handle)
            next(rows, None)
            for row in rows:
                first.setdefault(tuple(row[i] for i in key), row)
    return [csv_line(first[k]) for k in sorted(first)]


def write_all_from_packages(disclosures: list[Disclosure], packages: Path, folder: Path, manifest: dict[str, dict[str, str]]) -> None:
    """The same ``all`` package as ``write_all_package``, from the packages written in ``packages``, one file at a time.

    Each resource's CSV is its header and every package's rows in id order, as the packages hold them
    (the cells are the same text: one encoder wrote both); a shared resource (the classifications)
    keeps each key's first row, in key order. Nothing holds more than one package's file at a time.
    """
    ordered = sorted(disclosures, key=lambda d: d.id)
    folder.mkdir(parents=True, exist_ok=True)
    for resource in RESOURCES:
        name = f"{resource.name}.csv"
        target = folder / name
        tmp = target.with_suffix(".csv.tmp")
        with tmp.open("w", encoding="utf-8", newline="") as out:
            out.write(csv_line(resource.field_names))
            if resource.name not in SHARED:
                for d in ordered:
                    out.write(_body(packages / d.id / name))
            else:
                out.writelines(shared_rows(resource, [packages / d.id / name for d in ordered]))
        if target.exists() and target.read_bytes() == tmp.read_bytes():
            tmp.unlink()
        else:
            tmp.replace(target)
    write_text(folder / "datapackage.json", descriptor_text(all_descriptor(ordered, manifest)))

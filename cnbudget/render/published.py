"""Read the published packages back: descriptors and CSV rows, as strings, nothing else."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

ALL = "all"
SLUG = re.compile(r"[a-z0-9-]+")



class Row(dict[str, str]):
    """A CSV row: a field the CSV lacks reads as empty, as a blank cell does."""

    def __missing__(self, key: str) -> str:
        return ""


@dataclass(frozen=True)
class Package:
    """One package as published: its folder name, descriptor, files and rows by resource."""

    name: str
    descriptor: dict[str, Any]
    files: tuple[str, ...]  # downloadable paths inside the folder: each resource, then datapackage.json
    rows: dict[str, list[Row]]

    def resource(self, name: str) -> list[Row]:
        """The package's rows of resource ``name``; none where it has no such resource."""
        return self.rows.get(name, [])

    @property
    def disclosure(self) -> Row:
        """The package's one disclosure row; an empty row where it has none."""
        rows = self.resource("disclosure")
        return rows[0] if rows else Row()


class UnreadablePackageError(Exception):
    """A package whose descriptor is not what the Data Package spec says."""


def is_slug(text: str) -> bool:
    """Whether ``text`` is a slug: lower-case ASCII letters, digits and dashes only."""
    return SLUG.fullmatch(text) is not None


def _is_local_file(path: str) -> bool:
    """True for a plain relative path inside the package folder (no scheme, no `..`)."""
    pure = PurePosixPath(path)
    return (
        bool(path)
        and ":" not in path
        and "\\" not in path
        and not pure.is_absolute()
        and ".." not in pure.parts
    )


def _read_csv(path: Path) -> list[Row]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [Row((k, v or "") for k, v in row.items() if k is not None) for row in csv.DictReader(handle)]


def read_package(folder: Path, log: Callable[[str], None], *, with_rows: bool = True) -> Package:
    """The package in `folder`: its descriptor and (unless not wanted) every local CSV resource's rows."""
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    if not isinstance(descriptor, dict):
        raise UnreadablePackageError("datapackage.json is not a JSON object")
    rows: dict[str, list[Row]] = {}
    files: list[str] = []
    for resource in descriptor.get("resources", []):
        if not isinstance(resource, dict):
            continue
        name, path = str(resource.get("name", "")), resource.get("path")
        if not isinstance(path, str) or not _is_local_file(path):
            log(f"{folder.name}: resource {name!r} has no local path, skipped")
            continue
        if not (folder / path).is_file():
            log(f"{folder.name}: {path} is missing, skipped")
            continue
        files.append(path)
        if with_rows:
            rows.setdefault(name, []).extend(_read_csv(folder / path))
    files.append("datapackage.json")
    return Package(folder.name, descriptor, tuple(files), rows)


def read_packages(datapackages: Path, log: Callable[[str], None]) -> tuple[list[Package], Package | None]:
    """Every disclosure package (sorted by folder name) and the `all` package, if published."""
    disclosures: list[Package] = []
    combined: Package | None = None
    for folder in sorted(p for p in datapackages.iterdir() if (p / "datapackage.json").is_file()):
        if folder.name != ALL and not is_slug(folder.name):
            log(f"{folder.name}: not a disclosure_id slug, no page made")
            continue
        try:
            package = read_package(folder, log, with_rows=folder.name != ALL)
        except (ValueError, csv.Error, UnreadablePackageError) as error:  # bad JSON, UTF-8 or CSV: the package's fault
            log(f"{folder.name}: unreadable package ({error!r}), left out of the pages")
            continue
        if folder.name == ALL:
            combined = package
            continue
        said = package.disclosure.get("disclosure_id", "")
        if said != folder.name:
            log(f"{folder.name}: its disclosure row says disclosure_id {said!r}; the folder name is used")
        disclosures.append(package)
    return disclosures, combined

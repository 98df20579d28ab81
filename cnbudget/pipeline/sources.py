"""The sources of a build: every file under the paths given, their manifest rows, and how the report names them."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from cnbudget.read import SOURCE_SUFFIXES

MANIFEST = "sources.csv"


def find_sources(paths: list[Path]) -> list[Path]:
    """Every source file under the given files and folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
        elif path.is_file():
            found.append(path)
    return sorted(dict.fromkeys(found), key=lambda p: (p.name, str(p)))


def read_manifest(paths: list[Path]) -> dict[str, dict[str, str]]:
    """Publisher, URL, title and date of each source file, from ``sources.csv`` beside it."""
    manifest: dict[str, dict[str, str]] = {}
    folders = {p if p.is_dir() else p.parent for p in paths}
    for folder in sorted(folders):
        path = folder / MANIFEST
        if os.access(path, os.R_OK) and path.is_file():  # an unlistable folder: no manifest, not a traceback
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    if row.get("file"):
                        manifest[row["file"]] = {k: (v or "").strip() for k, v in row.items() if k != "file"}
    return manifest


def display_path(path: Path, roots: list[Path]) -> str:
    """The source's path as the report shows it: relative to the folder given, so it reads the same on every machine."""
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return f"{root.name}/{path.relative_to(root).as_posix()}"
    return path.name

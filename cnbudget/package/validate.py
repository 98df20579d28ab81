"""The build validates what it publishes: every package it wrote is checked before the swap.

A package that fails is a build error, not a surprise for users: it gets a ``failed`` entry with the
code ``invalid-package`` in ``build-report.json`` (its path is the package's ``datapackage.json``
relative to ``datapackages/``, its message the first errors found), which makes the build exit 1.

By default (``--validate structure``) the build's own validator (``structure.py``) checks each
package: a disclosure's package in the worker that built it, as it will be written (a few
milliseconds, in parallel), ``all/`` and any package without a worker's verdict here, from its
files. ``--validate full`` runs frictionless on every package written, in this process, as the
tests do (about 0.9 s a package). A package linked unchanged from the last build (same inputs, same
code, so the same bytes) was validated by the build that wrote it, and is validated again only if
that build reported it invalid.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from frictionless import validate

from cnbudget.model import BuildReport
from cnbudget.package.structure import folder_errors

INVALID = "invalid-package"
MODES = ("structure", "full")
SHOWN = 10  # errors quoted in the report's message; the count says how many there were


def package_errors(folder: Path) -> list[str]:
    """Frictionless's errors for the package in ``folder``, one line each; empty when it is valid."""
    report = validate(str(folder / "datapackage.json"))
    if report.valid:
        return []
    out = [f"package: {error.type}: {error.message}" for error in report.errors]
    for task in report.tasks:
        out.extend(f"{task.name}: {error.type}: {error.message}" for error in task.errors)
    return out or ["frictionless says the package is invalid"]


def reported_invalid(published: Path) -> set[str]:
    """The paths the last build's report gives as invalid packages."""
    try:
        entries = json.loads((published / "build-report.json").read_text(encoding="utf-8")).get("sources", [])
    except (OSError, ValueError, AttributeError):
        return set()
    return {str(e.get("path")) for e in entries if isinstance(e, dict) and e.get("code") == INVALID}


def _unchanged(name: str, out: Path, published: Path) -> bool:
    """True when ``out/name`` is the last build's package linked as it was (the same file, not a new one)."""
    old = published / name / "datapackage.json"
    try:
        return old.is_file() and os.path.samefile(old, out / name / "datapackage.json")
    except OSError:
        return False


def validate_packages(
    report: BuildReport, out: Path, published: Path, log: Callable[[str], None], mode: str = "structure", verdicts: dict[str, list[str]] | None = None
) -> None:
    """Validate every package in ``out`` (written, not yet swapped in for ``published``); report each invalid one.

    ``verdicts`` are packages checked already (``all/`` updated for a few packages: ``all_update.key_errors``).
    """
    invalid_before = reported_invalid(published)
    in_workers = {d.id: d.package_errors for d in report.disclosures if d.package_errors is not None}
    in_workers.update(verdicts or {})
    checked = 0
    for folder in sorted(p for p in out.iterdir() if (p / "datapackage.json").is_file()):
        path = f"{folder.name}/datapackage.json"
        if path not in invalid_before and _unchanged(folder.name, out, published):
            continue
        checked += 1
        if mode == "full":
            errors = package_errors(folder)
        elif folder.name in in_workers and path not in invalid_before:
            errors = in_workers[folder.name]
        else:
            errors = folder_errors(folder)
        if not errors:
            continue
        shown = "; ".join(errors[:SHOWN]) + (f"; … {len(errors) - SHOWN} more" if len(errors) > SHOWN else "")
        how = "Frictionless validation" if mode == "full" else "validation"
        message = f"the package fails {how} ({len(errors)} errors): {shown}; this is a bug in cnbudget, please report it"
        report.entries.append(
            {"path": path, "status": "failed", "disclosure_id": None if folder.name == "all" else folder.name, "code": INVALID, "message": message, "page": None}
        )
        log(f"failed: {path}: {INVALID}: {shown}")
    report.entries.sort(key=lambda e: str(e["path"]))
    log(f"validate: {checked} packages validated" + (" with frictionless" if mode == "full" else ""))

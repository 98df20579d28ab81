"""Held-out documents (issue 13): what must hold on documents the reader was not first fixed on.

tests/fixtures/holdout was gathered and keyed by hand after the reader was fixed on
tests/fixtures/hidden, and is measured with benchmarks/hidden.py (its figures are in
benchmarks/RESULTS.md, “Held-out documents”). Session 7 fixed the reader from its misses, so it is
no longer held out (a fresh set is gathered apart); accuracy is still not floored here. What is
asserted holds whatever the reading quality: a document that names its unit builds, one that
names none is not published (and fails with the code its key gives), no headline figure is a
row number, no published figure is a value the document prints nowhere, no two documents share
an id, and every package the build writes validates.

A case marked xfail (strict) is a reader bug this set found; it passes once the bug is fixed,
and then the mark must go.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import load_tool

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "holdout"
EXPECTED: dict[str, Any] = json.loads((FOLDER / "expected.json").read_text(encoding="utf-8"))["documents"]

# Documents that name their unit but are not published: what the reader misses in each (see RESULTS.md).
# Session 7 fixed the seven this set found (本级 titles, units named only in the body, a short region
# name, a sector form); a new miss goes here as a strict xfail until it is fixed.
NOT_YET_BUILT: dict[str, str] = {}


def _named() -> list[Any]:
    return [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=NOT_YET_BUILT[name])) if name in NOT_YET_BUILT else name
        for name, want in sorted(EXPECTED.items())
        if want.get("published", True)
    ]


@pytest.fixture(scope="module")
def hidden() -> ModuleType:
    return load_tool("hidden_tool", "benchmarks/hidden.py")


@pytest.fixture(scope="module")
def built(hidden: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    packages = tmp_path_factory.mktemp("holdout") / "dp"
    hidden.run_build(FOLDER, packages)
    lines = {line.file: line for line in hidden.measure(FOLDER, packages)}
    return packages, lines, hidden.totals(list(lines.values()), packages)


def test_every_fixture_has_hand_read_expectations() -> None:
    assert sorted(EXPECTED) == sorted(path.name for path in FOLDER.glob("*.*") if path.suffix in (".txt", ".html"))
    hidden = json.loads((ROOT / "tests" / "fixtures" / "hidden" / "expected.json").read_text(encoding="utf-8"))["documents"]
    assert sorted(set(EXPECTED) & set(hidden)) == [], "a held-out file is also in the hidden set"


@pytest.mark.parametrize("name", _named())
def test_a_document_that_names_its_unit_builds(built: tuple[Path, dict[str, Any], dict[str, Any]], name: str) -> None:
    line = built[1][name]
    assert line.status == "ok" and line.disclosure_id, line.status


@pytest.mark.parametrize("name", sorted(name for name, want in EXPECTED.items() if not want.get("published", True)))
def test_a_document_that_names_no_unit_is_not_published(built: tuple[Path, dict[str, Any], dict[str, Any]], name: str) -> None:
    line = built[1][name]
    assert line.status == f"failed:{EXPECTED[name]['code']}" and not line.disclosure_id, line.status


def test_no_headline_is_a_row_number_and_nothing_unprinted_is_published(built: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    lines = built[1].values()
    assert [(line.file, line.row_numbers) for line in lines if line.row_numbers] == []
    assert [(line.file, line.not_printed) for line in lines if line.not_printed] == []


def test_no_two_documents_share_an_id(built: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    _, lines, total = built
    ids = [line.disclosure_id for line in lines.values() if line.disclosure_id]
    assert total["id_collisions"] == 0
    assert len(ids) == len(set(ids))


def test_every_package_the_build_writes_validates(built: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    report = json.loads((built[0] / "build-report.json").read_text(encoding="utf-8"))
    invalid = [(entry["path"], entry["message"]) for entry in report["sources"] if entry.get("code") == "invalid-package"]
    assert invalid == []

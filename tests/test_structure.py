"""The build's own validator rejects every broken package frictionless rejects (it cannot pass what frictionless fails).

Each case breaks one thing in a copy of a committed package, by hand; both validators must reject it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from frictionless import validate

from cnbudget.package.structure import folder_errors, text_errors

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "datapackages" / "chongqing-tongnan-cpc-committee-office-603781-2023-budget"


def _lines(folder: Path, name: str, change: Callable[[list[str]], list[str]]) -> None:
    path = folder / name
    path.write_text("".join(change(path.read_text(encoding="utf-8").splitlines(keepends=True))), encoding="utf-8")


def _cell(folder: Path, name: str, field: str, value: str, row: int = 1) -> None:
    """Set one cell (``row`` counts data rows from 1) of a CSV whose cells hold no commas in the columns up to ``field``."""

    def change(lines: list[str]) -> list[str]:
        index = lines[0].rstrip("\n").split(",").index(field)
        cells = lines[row].rstrip("\n").split(",")
        cells[index] = value
        lines[row] = ",".join(cells) + "\n"
        return lines

    _lines(folder, name, change)


def _descriptor(folder: Path, change: Callable[[dict[str, object]], None]) -> None:
    path = folder / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    change(descriptor)
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def _amounts_as_integers(descriptor: dict[str, object]) -> None:
    for resource in descriptor["resources"]:  # type: ignore[attr-defined]
        for field in resource["schema"]["fields"]:
            if field["type"] == "number":
                field["type"] = "integer"
                field.pop("bareNumber", None)


BREAKS: dict[str, Callable[[Path], None]] = {
    "an amount that is not a number": lambda f: _cell(f, "totals.csv", "amount", "12x5"),
    "an amount with a thousands separator": lambda f: _cell(f, "totals.csv", "amount", '"1,028.10"'),
    "a page that is not an integer": lambda f: _cell(f, "totals.csv", "page", "1.5"),
    "a year that is not an integer": lambda f: _cell(f, "disclosure.csv", "fiscal_year", "二〇二三"),
    "a boolean that is not one": lambda f: _cell(f, "expenditure_by_function.csv", "code_printed", "yes"),
    "a date that does not exist": lambda f: _cell(f, "disclosure.csv", "published", "2023-02-30"),
    "a required cell left empty": lambda f: _cell(f, "totals.csv", "origin", ""),
    "a value outside its enum": lambda f: _cell(f, "totals.csv", "phase", "planned"),
    "a code that breaks its pattern": lambda f: _cell(f, "function_classification.csv", "code", "20a"),
    "an id that breaks its pattern": lambda f: _cell(f, "disclosure.csv", "disclosure_id", "Chongqing"),
    "a repeated primary key": lambda f: _lines(f, "totals.csv", lambda ls: [*ls, ls[1]]),
    "a foreign key to no disclosure": lambda f: _cell(f, "totals.csv", "disclosure_id", "another-disclosure"),
    "a foreign key to no classification entry": lambda f: _cell(f, "expenditure_by_function.csv", "function_code", "2999999"),
    "a header out of order": lambda f: _lines(f, "totals.csv", lambda ls: [ls[0].replace("metric,phase", "phase,metric"), *ls[1:]]),
    "a row with an extra cell": lambda f: _lines(f, "totals.csv", lambda ls: [ls[0], ls[1].rstrip("\n") + ",extra\n", *ls[2:]]),
    "a row with a cell missing": lambda f: _lines(f, "totals.csv", lambda ls: [ls[0], ls[1].rsplit(",", 1)[0] + "\n", *ls[2:]]),
    "a blank row": lambda f: _lines(f, "totals.csv", lambda ls: [ls[0], ",,,,,,,\n", *ls[1:]]),
    "a resource file missing": lambda f: (f / "doubts.csv").unlink(),
    "amounts declared as integers": lambda f: _descriptor(f, _amounts_as_integers),
    "a package name with capitals": lambda f: _descriptor(f, lambda d: d.__setitem__("name", "Chongqing")),
}


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / PACKAGE.name
    shutil.copytree(PACKAGE, folder)
    return folder


def test_both_pass_the_package_as_built(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    assert validate(str(folder / "datapackage.json")).valid
    assert folder_errors(folder) == []


@pytest.mark.parametrize("case", sorted(BREAKS))
def test_both_reject_a_broken_package(case: str, tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    BREAKS[case](folder)
    assert not validate(str(folder / "datapackage.json")).valid, f"frictionless passes {case}: the case breaks nothing"
    assert folder_errors(folder), f"our validator passes {case}, which frictionless fails"


def test_the_texts_of_a_package_are_validated_as_its_files(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    _cell(folder, "totals.csv", "phase", "planned")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    texts = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.csv")}
    assert text_errors(descriptor, texts) == folder_errors(folder)
    assert any("totals: constraint-error: field phase" in e for e in folder_errors(folder))


def test_a_large_package_is_read_in_chunks_and_its_repeated_keys_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cnbudget.package import structure

    monkeypatch.setattr(structure, "CHUNK", 2)  # every resource spans several chunks
    folder = _copy(tmp_path)
    assert folder_errors(folder) == []
    _lines(folder, "totals.csv", lambda ls: [*ls, ls[3]])
    errors = folder_errors(folder)
    assert len(errors) == 1 and errors[0].startswith("totals: primary-key: the key ['disclosure_id', 'metric', 'phase'] repeats")

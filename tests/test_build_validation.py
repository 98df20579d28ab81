"""The build validates what it publishes: a package frictionless finds invalid is a build error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cnbudget import cli
from cnbudget.package import write
from cnbudget.package.validate import INVALID, package_errors
from cnbudget.pipeline.build import build

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
TEMPLATES = ROOT / "templates"
SEED = "003_c3e30e10afc67c71.txt"


def _one_source(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copyfile(SOURCES / SEED, folder / SEED)
    return folder


def test_the_build_validates_what_it_publishes(tmp_path: Path) -> None:
    logs: list[str] = []
    report = build([SOURCES], tmp_path / "out", None, TEMPLATES, jobs=1, log=logs.append)
    assert not report.failed and "validate: 6 packages validated" in logs
    for folder in sorted((tmp_path / "out").glob("*/datapackage.json")):
        assert package_errors(folder.parent) == []


def _break_amounts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the packager declare amounts as integers, which the decimals it writes are not."""
    real = write.package_descriptor

    def wrong(*args: object, **kwargs: object) -> dict[str, object]:
        descriptor = real(*args, **kwargs)  # type: ignore[arg-type]
        for resource in descriptor["resources"]:
            for field in resource["schema"]["fields"]:
                if field["type"] == "number":
                    field["type"] = "integer"
                    field.pop("bareNumber", None)
        return descriptor

    monkeypatch.setattr(write, "package_descriptor", wrong)


def test_an_invalid_package_is_a_build_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break_amounts(monkeypatch)
    src = _one_source(tmp_path / "src")
    out = tmp_path / "out"
    code = cli.main(["--source", str(src), "--datapackages", str(out), "--no-site", "--no-cache", "--jobs", "1", "-q"])
    assert code == 1
    entries = json.loads((out / "build-report.json").read_text(encoding="utf-8"))["sources"]
    invalid = [e for e in entries if e["code"] == INVALID]
    assert sorted(e["path"] for e in invalid) == sorted(f"{p.parent.name}/datapackage.json" for p in out.glob("*/datapackage.json"))
    assert all(e["status"] == "failed" and "type-error" in e["message"] for e in invalid)


def test_an_unchanged_package_is_validated_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _one_source(tmp_path / "src")
    runs = []
    for _ in range(2):
        logs: list[str] = []
        build([src], tmp_path / "out", None, TEMPLATES, jobs=1, log=logs.append, cache=tmp_path / "cache")
        runs.append([m for m in logs if m.startswith("validate:") or m.endswith("is left as it is")])
    # the second build finds every package unchanged: nothing is staged, so nothing is validated again
    assert runs == [["validate: 2 packages validated"], [f"package: all 1 packages unchanged; {tmp_path / 'out'} is left as it is"]]


def test_a_package_reported_invalid_is_validated_again_though_unchanged(tmp_path: Path) -> None:
    src = _one_source(tmp_path / "src")
    out = tmp_path / "out"
    build([src], out, None, TEMPLATES, jobs=1, log=lambda _m: None, cache=tmp_path / "cache")
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    report["sources"].append({"path": "all/datapackage.json", "status": "failed", "disclosure_id": None, "code": INVALID, "message": "", "page": None})
    (out / "build-report.json").write_text(json.dumps(report), encoding="utf-8")
    logs: list[str] = []
    build([src], out, None, TEMPLATES, jobs=1, log=logs.append, cache=tmp_path / "cache")
    assert "validate: 1 packages validated" in logs


def test_validate_full_runs_frictionless_on_every_package_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _break_amounts(monkeypatch)
    src = _one_source(tmp_path / "src")
    logs: list[str] = []
    report = build([src], tmp_path / "out", None, TEMPLATES, jobs=1, log=logs.append, validate="full")
    assert "validate: 2 packages validated with frictionless" in logs
    invalid = [e for e in report.entries if e["code"] == INVALID]
    assert len(invalid) == 2 and all("fails Frictionless validation" in str(e["message"]) and "type-error" in str(e["message"]) for e in invalid)

"""tools/compare_builds.py through its command line: rows added, removed, changed; exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "compare_builds.py"


def _package(root: Path, totals: str, disclosure: str) -> Path:
    folder = root / "p"
    folder.mkdir(parents=True)
    resources = [
        {"name": "disclosure", "path": "disclosure.csv", "schema": {"primaryKey": ["disclosure_id"]}},
        {"name": "totals", "path": "totals.csv", "schema": {}},
    ]
    (folder / "datapackage.json").write_text(json.dumps({"resources": resources}), encoding="utf-8")
    (folder / "disclosure.csv").write_text(disclosure, encoding="utf-8")
    (folder / "totals.csv").write_text(totals, encoding="utf-8")
    return root


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True, check=False)


def test_help() -> None:
    result = _run("--help")
    assert result.returncode == 0 and "rows added" in result.stdout


def test_identical_folders_exit_0(tmp_path: Path) -> None:
    old = _package(tmp_path / "old", "disclosure_id,metric,amount\na,x,1\n", "disclosure_id,title\na,A\n")
    new = _package(tmp_path / "new", "disclosure_id,metric,amount\na,x,1\n", "disclosure_id,title\na,A\n")
    result = _run(old, new)
    assert result.returncode == 0 and result.stdout.strip() == "0 of 3 files differ"


def test_rows_added_removed_changed_and_reordered(tmp_path: Path) -> None:
    old = _package(tmp_path / "old", "disclosure_id,metric,amount\na,x,1\na,y,2\n", "disclosure_id,title\na,A\nb,B\n")
    new = _package(tmp_path / "new", "disclosure_id,metric,amount\na,y,2\na,x,1\na,z,3\n", "disclosure_id,title\na,A2\n")
    result = _run(old, new)
    assert result.returncode == 1
    assert "p/totals.csv: differs: +1 -0 ~0\n  + a,z,3" in result.stdout
    assert "p/disclosure.csv: differs: +0 -1 ~1" in result.stdout and "  - b,B" in result.stdout and "→ a,A2" in result.stdout
    (new / "p" / "totals.csv").write_text("disclosure_id,metric,amount\na,y,2\na,x,1\n", encoding="utf-8")
    assert "(the same rows, reordered)" in _run(old, new).stdout


def test_a_missing_folder_exits_2(tmp_path: Path) -> None:
    assert _run(tmp_path / "nope", tmp_path).returncode == 2

"""The command line through the real command: help, usage errors, a build, determinism, validity."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from frictionless import validate

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "build.py"), *args], capture_output=True, text=True, cwd=ROOT, timeout=600, check=False)


def test_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "--source" in result.stdout and "--no-site" in result.stdout


def test_wrong_usage_exits_2() -> None:
    assert run("--no-such-option").returncode == 2
    assert run("--source", "/no/such/path").returncode == 2


def test_build_is_deterministic_and_valid(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for out in (a, b):
        result = run("--no-site", "--jobs", "1", "--datapackages", str(out))
        assert result.returncode == 0, result.stderr
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b and len(files_a) > 40
    for rel in files_a:
        assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel
    for descriptor in a.glob("*/datapackage.json"):
        report = validate(str(descriptor))
        assert report.valid, (descriptor, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5])


def test_committed_packages_match_a_fresh_build(tmp_path: Path) -> None:
    result = run("--no-site", "--jobs", "1", "--datapackages", str(tmp_path))
    assert result.returncode == 0
    committed = ROOT / "datapackages"
    for path in tmp_path.rglob("*.csv"):
        assert path.read_bytes() == (committed / path.relative_to(tmp_path)).read_bytes(), path

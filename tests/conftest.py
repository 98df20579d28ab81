"""Shared fixtures: one build of the founding sources, reused by the tests that read it."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from cnbudget.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


@pytest.fixture(scope="session")
def seed_packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("packages")
    build([SOURCES], out, None, ROOT / "templates", jobs=1, log=lambda _m: None)
    return out


def read_rows(folder: Path, resource: str) -> list[dict[str, str]]:
    with (folder / f"{resource}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def package_for(packages: Path, unit_fragment: str) -> Path:
    rows = read_rows(packages / "all", "disclosure")
    ids = [r["disclosure_id"] for r in rows if unit_fragment in r["unit_name"]]
    assert len(ids) == 1, (unit_fragment, ids)
    return packages / ids[0]

"""Shared fixtures: one build of the founding sources, reused by the tests that read it."""

from __future__ import annotations

import csv
import importlib.util
import json
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from cnbudget.model import Line
from cnbudget.normalise.narrative import read_narrative
from cnbudget.pipeline.build import build
from tests.browser_support import browser, served  # noqa: F401  (session fixtures of the browser tests)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


def text_lines(*texts: str) -> list[Line]:
    """One line of page 1 for each text."""
    return [Line(1, (text,)) for text in texts]


def figure_set(*texts: str, year: int = 2019, kind: str = "budget") -> set[tuple[str, str, str, Decimal]]:
    """The figures the prose reader takes from these lines, as (resource, subject, phase, amount)."""
    found, _ = read_narrative(text_lines(*texts), year, kind)
    return {(f.resource, f.subject, f.phase, f.row["amount"] if "amount" in f.row else f.row["total"]) for f in found}  # type: ignore[misc]


def narrative_figures(text: str | list[Line], kind: str = "budget", year: int = 2022) -> dict[tuple[str, str, str], object]:
    """The figures the prose reader takes from ``text`` (one line, or lines), by (resource, subject, phase)."""
    found, _ = read_narrative([Line(1, (text,))] if isinstance(text, str) else text, year, kind)
    return {(f.resource, f.subject, f.phase): f.row["total" if f.resource == "expenditure_by_function" else "amount"] for f in found}


def region_of(found: object) -> tuple[str, str, str] | None:
    """The (province, city, county) an identity places its unit in, None where it places it nowhere."""
    region = getattr(found, "region", None)
    return None if region is None else (region.province, region.city, region.county)


def load_tool(name: str, relative: str) -> ModuleType:
    """A script of the repository (``benchmarks/hidden.py`` …) imported as module ``name``."""
    spec = importlib.util.spec_from_file_location(name, ROOT / relative)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


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


def own_phase(kind: str) -> str:
    """The phase of a disclosure's own figures: a golden figure without a phase is of this phase."""
    return "executed" if kind == "final_account" else "approved"


def repeated_keys(packages: Path) -> list[tuple[str, str, tuple[str, ...]]]:
    """(package, resource, key) of every primary key two rows share, each resource's key read from its datapackage.json (all/ too)."""
    found = []
    for descriptor in sorted(packages.glob("*/datapackage.json")):
        for resource in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]:
            key = resource["schema"].get("primaryKey")
            if not key:
                continue
            counts = Counter(tuple(row[f] for f in key) for row in read_rows(descriptor.parent, resource["name"]))
            found += [(descriptor.parent.name, resource["name"], k) for k, n in counts.items() if n > 1]
    return found


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def sample_pdfs(folder: Path, names: tuple[str, ...]) -> list[Path]:
    """Real PDFs from the shared corpus when it is beside the project, else PDFs made by tools/synth.py.

    Tests of the build's machinery (limits, damaged files, workers, cache) need some PDFs, not these
    particular ones; a clone without ../shared/corpus still runs them.
    """
    if all((CORPUS / n).is_file() for n in names):
        return [CORPUS / n for n in names]
    import subprocess
    import sys

    out = folder / "synth-pdfs"
    if not out.exists():
        tool = Path(__file__).resolve().parents[1] / "tools" / "synth.py"
        subprocess.run([sys.executable, str(tool), "--count", str(len(names)), "--out", str(out), "--format", "pdf"], check=True, capture_output=True)
    return sorted((out / "pdf").glob("*.pdf"))[: len(names)]

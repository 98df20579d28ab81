"""Every document of ../shared/corpus-wide/ identified as its README says (read and recognised, no build).

The README's table gives, per file, the unit as printed, its region, year and 部门预算/单位预算, read
from each document's cover or title by a person. Here each file is read, recognised and identified
exactly as the build does (``read_all`` → ``read_one``), and the five fields compared. A unit may
be found in the document's own fuller spelling (中国共产党…委员会 for 中共…委, a （本级） suffix).
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest

from cnbudget.model import SourceResult
from cnbudget.pipeline.per_source import Limits
from cnbudget.pipeline.work import read_all
from cnbudget.recognise.group import complete_each_other
from cnbudget.recognise.identify import canonical_unit, disclosure_slug, unit_slug
from cnbudget.strings import compact

WIDE = Path(__file__).resolve().parents[2] / "shared" / "corpus-wide"
FIELDS = ("unit", "region", "year", "kind", "scope")
KIND_WORDS = {"部门预算": ("budget", "department"), "单位预算": ("budget", "unit"), "部门决算": ("final_account", "department"), "单位决算": ("final_account", "unit")}

pytestmark = pytest.mark.skipif(not (WIDE / "README.md").is_file(), reason=f"the wide corpus is not at {WIDE}")


def readme_rows() -> dict[str, dict[str, str]]:
    """File → unit, region, year, kind, scope, from the README's table."""
    rows: dict[str, dict[str, str]] = {}
    header: list[str] | None = None
    for line in (WIDE / "README.md").read_text(encoding="utf-8").splitlines() if WIDE.is_dir() else []:
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else None
        if cells is None or all(re.fullmatch(r":?-+:?", c) for c in cells):
            continue
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        kind, scope = KIND_WORDS[row["kind"]]
        unit = re.sub(r"\s*\([^)]*\)", "", next(v for k, v in row.items() if k.startswith("unit")))
        rows[row["file"]] = {"unit": unit, "region": compact(row["region"]), "year": row["year"], "kind": kind, "scope": scope}
    return rows


EXPECTED = readme_rows()


@pytest.fixture(scope="module")
def identified() -> dict[str, SourceResult]:
    files = [WIDE / name for name in EXPECTED]
    return {r.path.name: r for r in read_all(files, 2, False, Limits())}


def _same_unit(found: str, expected: str) -> bool:
    def plain(name: str) -> str:
        return re.sub(r"[（(]本级[)）]", "", compact(name))

    found, expected = plain(found), plain(expected)
    return bool(found) and (found == expected or canonical_unit(found) == canonical_unit(expected) or found.endswith(expected))


def found_fields(result: SourceResult) -> dict[str, bool]:
    """Whether each of the five fields agrees with the README."""
    identity, want = result.identity, EXPECTED[result.path.name]
    if identity is None:
        return dict.fromkeys(FIELDS, False)
    region = "".join(p for p in (identity.region.province, identity.region.city, identity.region.county) if p) if identity.region else ""
    return {
        "unit": _same_unit(identity.unit_name, want["unit"]) or any(_same_unit(a, want["unit"]) for a in identity.aliases),
        "region": region == want["region"],
        "year": str(identity.fiscal_year) == want["year"],
        "kind": identity.kind == want["kind"],
        "scope": identity.scope == want["scope"],
    }


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_document_is_identified_as_printed(identified: dict[str, SourceResult], name: str) -> None:
    result = identified[name]
    assert result.error is None, result.error
    assert result.identity is not None
    wrong = [f for f, ok in found_fields(result).items() if not ok]
    assert not wrong, (wrong, result.identity.unit_name, result.identity.region, result.identity.fiscal_year, result.identity.kind, result.identity.scope)


def test_agreement_over_the_folder_and_no_two_documents_share_an_id(identified: dict[str, SourceResult], capsys: pytest.CaptureFixture[str]) -> None:
    agree = {f: sum(found_fields(r)[f] for r in identified.values()) for f in FIELDS}
    with capsys.disabled():
        print(f"\ncorpus-wide identity agreement over {len(identified)} documents: " + " · ".join(f"{f} {n}/{len(identified)}" for f, n in agree.items()))
    assert all(n == len(identified) for n in agree.values()), agree
    by_id: dict[str, list[SourceResult]] = defaultdict(list)
    for r in identified.values():
        assert r.identity is not None
        by_id[disclosure_slug(unit_slug(r.identity.unit_name, r.identity.region), r.identity.fiscal_year or 0, r.identity.kind or "budget", r.identity.scope)].append(r)
    # files that share an id are one disclosure split in two (a narrative and its tables), never two documents
    shared = {i: sorted(m.path.name for m in ms) for i, ms in by_id.items() if len(ms) > 1}
    assert all(complete_each_other(by_id[i]) for i in shared), shared

"""Recall on hidden documents (issue 14): the contradictions a person found by hand in tests/fixtures/hidden.

contradictions.json lists each one with both sides quoted from the file. Those a check can report are
``fail`` rows of that check in the file's package, quoting the printed words; the others say why not,
and the recall below counts them as missed.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "fixtures" / "hidden"
KEY = json.loads((FOLDER / "contradictions.json").read_text(encoding="utf-8"))["contradictions"]


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("hidden-contradictions") / "dp"
    command = [sys.executable, str(ROOT / "build.py"), "--source", str(FOLDER), "--datapackages", str(out), "--no-site", "--no-cache", "--jobs", "1", "-q"]
    subprocess.run(command, cwd=ROOT, check=False, capture_output=True)
    return out


def _fails(packages: Path, file: str) -> list[dict[str, Any]]:
    """The failing checks of the package built from ``file`` (none where the file built no package)."""
    for folder in packages.iterdir():
        if (folder / "source" / file).exists():
            with (folder / "checks.csv").open(encoding="utf-8") as handle:
                return [r for r in csv.DictReader(handle) if r["status"] == "fail"]
    return []


def test_every_hand_found_contradiction_names_a_fixture_and_quotes_it() -> None:
    for item in KEY:
        text = (FOLDER / item["file"]).read_text(encoding="utf-8")
        flat = text.replace("</td><td>", " | ")
        assert all(q in flat for q in item["quotes"]), item["file"]
        assert (item["check"] is None) == (item["reason"] is not None) == (item["words"] is None)
        assert item["words"] is None or item["words"] in text


@pytest.mark.parametrize("item", [i for i in KEY if i["check"]], ids=lambda i: f"{i['file']}:{i['kind']}")
def test_a_contradiction_a_check_can_report_is_reported(packages: Path, item: dict[str, Any]) -> None:
    rows = [r for r in _fails(packages, item["file"]) if r["check_id"] == item["check"]]
    assert any(item["words"] in r["detail"] for r in rows), rows


def test_recall_on_hidden_documents(packages: Path) -> None:
    """Found: a fail of the named check in the file's package. Measured 6 of 11 (2026-12-01, 54.5%), then 10 of 11 (90.9%); it may only rise.

    Found since: a completion rate against the 决算数大于预算数 amount (tianshui, completion-rate-agrees);
    a party body's name with 为 for 委 (zhashui 2019, party-body-name-well-formed); a 三公 row printed 0
    over its parts, read as printed where the 其中 column repeats it (guilin, three-public-vehicle-adds-up);
    a final account's expenditure side, 支出总计 against 本年支出合计 + 结余分配 + 年末结转和结余 (urumqi,
    expenditure-total-adds-up). The one missed, with its reason in contradictions.json: a file naming no
    unit, refused (sichuan part 2).
    """
    found = sum(1 for item in KEY if item["check"] and any(r["check_id"] == item["check"] for r in _fails(packages, item["file"])))
    assert found >= 10
    assert found == sum(1 for item in KEY if item["check"])  # every one a check can report, it does


def test_failing_checks_that_match_no_hand_found_contradiction(packages: Path) -> None:
    """Precision: the fails of the hidden set that match no contradiction in the key, read against the text.

    Measured 2026-12-01: 9 fails, 6 of them hand-found (then 7 fails, all 7 hand-found, once a final account's
    expenditure side is added up); the 3 others were required-table-present on
    guizhou-qiannan-tcm-hospital-2020-final.html, a copy cut after its 收支总表's first rows whose
    contents list says its tables are attached (“…公开报表(见附表)”). A document that says its 报表 are
    attached no longer fails for the tables it does not print (not applicable: the attachment is not in the file).
    Then 10 fails, all hand-found: 桂林's 公务用车费 0 fails its parts' sum and the 三公 total's, one
    misprint keyed once with the second check under ``also``.
    """
    keyed = {(i["file"], check) for i in KEY if i["check"] for check in (i["check"], *i.get("also", ()))}
    fails = [(f.name, r["check_id"]) for f in sorted(FOLDER.iterdir()) if f.suffix in (".txt", ".html") for r in _fails(packages, f.name)]
    unmatched = [f for f in fails if f not in keyed]
    assert unmatched == []

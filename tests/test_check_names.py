"""Every consistency check is named in Chinese on the site, beside its ``check_id``."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from cnbudget.render.labels import LABELS, label

ROOT = Path(__file__).resolve().parent.parent
KEBAB = re.compile(r"[a-z]+(?:-[a-z0-9]+)+")


def emitted_check_ids() -> set[str]:
    """The ids the check families record: every kebab-case string in cnbudget/checks but those compared with (problem codes)."""
    found, compared = set(), set()
    for path in (ROOT / "cnbudget" / "checks").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEBAB.fullmatch(node.value):
                found.add(node.value)
            elif isinstance(node, ast.Compare):
                compared.update(n.value for n in [node.left, *node.comparators] if isinstance(n, ast.Constant) and isinstance(n.value, str))
    return found - compared


def test_the_scan_finds_the_check_families_ids() -> None:
    ids = emitted_check_ids()
    assert {"revenue-equals-expenditure", "share-agrees", "project-period-year"} <= ids and len(ids) >= 40


def test_every_check_a_family_records_has_a_chinese_name() -> None:
    missing = sorted(i for i in emitted_check_ids() if not re.search(r"[\u4e00-\u9fff]", label(i, "check")))
    assert missing == []


def test_no_name_is_left_for_a_check_that_no_longer_exists() -> None:
    assert sorted(set(LABELS["check"]) - emitted_check_ids()) == []


def test_the_committed_packages_checks_are_all_named() -> None:
    ids = {line.split(",")[1] for line in (ROOT / "datapackages" / "all" / "checks.csv").read_text(encoding="utf-8").splitlines()[1:]}
    assert ids and all(i in LABELS["check"] for i in ids)

"""The classification lists in tools/classification/: their shape, their sources, and the CSVs generated from them."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from cnbudget.official.classification import DATA_DIR, LEVELS, Entry
from cnbudget.schema import REFERENCE_WINDOW

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT / "tools" / "classification"
SCRIPT = ROOT / "tools" / "make_classification.py"
HEADER = ["code", "name", "valid_from", "valid_to", "verified"]


def _make_classification() -> ModuleType:
    """tools/make_classification.py as a module."""
    spec = importlib.util.spec_from_file_location("make_classification", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_generator_reproduces_the_shipped_csvs(tmp_path: Path) -> None:
    """Regenerating from the lists gives the committed cnbudget/data CSVs byte for byte."""
    module = _make_classification()
    lists = module.read_lists()
    assert all(not module.validate(rows) for rows in lists.values())
    written = module.write_classifications(lists, tmp_path)
    assert [p.name for p in written] == ["function_classification.csv", "economic_classification.csv"]
    for path in written:
        assert path.read_bytes() == (DATA_DIR / path.name).read_bytes(), path.name


@pytest.mark.parametrize("kind", ["function", "economic"])
def test_list_rows_are_well_formed(kind: str) -> None:
    """Every row has a 3/5/7-digit (function) or 3/5-digit (economic) code, a name, years in the window and a verified flag."""
    path = LISTS / f"{kind}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        assert next(csv.reader(handle)) == HEADER
    rows = _csv(path)
    assert rows
    lengths = set(LEVELS[kind].values())
    first, last = REFERENCE_WINDOW
    for row in rows:
        assert row["code"].isdigit() and len(row["code"]) in lengths, row
        assert row["name"].strip() == row["name"] != "", row
        assert first <= int(row["valid_from"]) <= int(row["valid_to"]) <= last, row
        assert row["verified"] in ("true", "false"), row


def test_every_list_has_its_sources() -> None:
    """sources.csv cites, for each list file, the Ministry of Finance edition of every year it covers; it names no other file."""
    lists = {p.name for p in LISTS.glob("*.csv")} - {"sources.csv"}
    assert lists == {"function.csv", "economic.csv"}
    sources = _csv(LISTS / "sources.csv")
    assert {s["file"] for s in sources} == lists
    assert all(s["title"] for s in sources)
    for name in lists:
        titles = [s["title"] for s in sources if s["file"] == name and "财政部" in s["publisher"]]
        for year in range(REFERENCE_WINDOW[0], REFERENCE_WINDOW[1] + 1):
            assert any(f"《{year}年政府收支分类科目》" in t for t in titles), (name, year)
    economic = [s["title"] for s in sources if s["file"] == "economic.csv"]
    assert any("财预〔2017〕98号" in t for t in economic)  # the 2018 reform that made both economic schemes


def test_check_command() -> None:
    """``--check`` validates the lists, writes nothing and exits 0."""
    result = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("function 1491 ")


def test_bad_code_is_reported_with_its_line(tmp_path: Path) -> None:
    """A code of the wrong length stops the build with the file and line."""
    path = tmp_path / "economic.csv"
    path.write_text(",".join(HEADER) + "\n301,工资福利支出,2017,2025,true\n3011,坏编码,2018,2025,true\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"economic\.csv:3: '3011'"):
        _make_classification().read_list(path, LEVELS["economic"])


def test_validate_finds_gaps() -> None:
    """An orphan, an uncovered span and overlapping names are each reported."""
    module = _make_classification()
    rows = [
        Entry("201", "一般公共服务支出", "class", "", 2019, 2025),
        Entry("20101", "人大事务", "section", "201", 2017, 2025),
        Entry("2019901", "孤儿", "item", "20199", 2019, 2025),
        Entry("202", "外交支出", "class", "", 2017, 2020),
        Entry("202", "外交", "class", "", 2020, 2025),
    ]
    problems = module.validate(rows)
    assert any("20101: years 2017-2025 not covered by parent 201" in p for p in problems)
    assert any("2019901: parent 20199 missing" in p for p in problems)
    assert any("202: rows 2017-2020 and 2020-2025 overlap" in p for p in problems)

"""Scoring a build against the answer key."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path


@dataclass
class Score:
    total: int
    matched: int
    misses: list[str]  # one sentence per figure that does not match

    @property
    def accuracy(self) -> float:
        return self.matched / self.total if self.total else 1.0


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _same(expected: str, found: Iterable[str]) -> bool:
    values = set(found)
    if len(values) != 1:
        return False
    (value,) = values
    if expected == "" or value == "":
        return expected == value
    try:
        return Decimal(expected) == Decimal(value)
    except ArithmeticError:
        return expected == value


def score(answers_csv: Path, packages: Path) -> Score:
    """How many figures of the answer key the ``packages/all`` build holds exactly (Decimal equality)."""
    key = _read(answers_csv)
    ids: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for row in _read(packages / "all" / "disclosure.csv"):
        ids[(row["unit_name"], row["fiscal_year"])].append(row)
    resources: dict[str, dict[str, list[dict[str, str]]]] = {}
    for name in ("totals", "revenue_by_source", "expenditure_by_function", "basic_expenditure_by_economic", "three_public"):
        by_id: dict[str, list[dict[str, str]]] = defaultdict(list)
        for row in _read(packages / "all" / f"{name}.csv"):
            by_id[row["disclosure_id"]].append(row)
        resources[name] = by_id
    columns = {"totals": "metric", "revenue_by_source": "source", "expenditure_by_function": "function_code", "basic_expenditure_by_economic": "economic_code", "three_public": "item"}
    matched, misses = 0, []
    for want in key:
        found = ids.get((want["unit_name"], want["fiscal_year"]), [])
        if len(found) != 1:
            misses.append(f"{want['file']} {want['unit_name']} {want['fiscal_year']}: {len(found)} disclosures found ({want['resource']} {want['key']} {want['field']})")
            continue
        meta = found[0]
        if want["resource"] == "disclosure":
            values = [meta.get(want["field"]) or ""]
        else:
            rows = [
                r
                for r in resources[want["resource"]][meta["disclosure_id"]]
                if r[columns[want["resource"]]] == want["key"]
                and r.get("origin", want["origin"]) == want["origin"]
                and (want["resource"] != "three_public" or r["fiscal_year"] == want["fiscal_year"])
            ]
            values = [r[want["field"]] for r in rows]
        if _same(want["expected"], values):
            matched += 1
        else:
            misses.append(f"{want['file']} {want['resource']}/{want['origin'] or '-'} {want['key']} {want['field']}: expected {want['expected'] or 'blank'}, found {sorted(set(values)) or 'nothing'}")
    return Score(len(key), matched, misses)

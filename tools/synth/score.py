"""Scoring a build against the answer key, figure by figure, and by resource and phase.

A key row with a phase (``approved``, ``adjusted``, ``executed``) matches the package rows of that
phase where the resource has a ``phase`` field (contract v2). Without one, a package publishes a
single figure per row: the ``executed`` figures are compared with it, and the earlier phases count
as missing. A key row without a phase (a budget's) matches rows of phase ``approved`` or none.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path


@dataclass
class Score:
    total: int
    matched: int
    misses: list[str]  # one sentence per figure that does not match
    groups: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (resource, phase) → [matched, total]
    files: dict[str, list[int]] = field(default_factory=dict)  # file → [matched, total]
    line_numbers: list[str] = field(default_factory=list)  # published figures that are a 行次 or 栏次 (see ``line_number_figures``)

    @property
    def accuracy(self) -> float:
        return self.matched / self.total if self.total else 1.0

    def table(self) -> str:
        """The score by resource and phase, one line each."""
        lines = [f"{'resource':<32}{'phase':<10}{'matched':>8}{'total':>7}{'share':>9}"]
        for (resource, phase), (hit, count) in sorted(self.groups.items()):
            lines.append(f"{resource:<32}{phase or '-':<10}{hit:>8}{count:>7}{hit / count:>9.1%}")
        return "\n".join(lines)


PHASE_FIELD = "phase"
EARLIER_PHASES = ("approved", "adjusted")


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _same(expected: str, found: Iterable[str]) -> bool:
    values = set(found)
    if not values:
        return expected == ""  # a blank cell is no figure: the package has no row for it
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
    phased: set[str] = set()
    for name in ("totals", "revenue_by_source", "expenditure_by_function", "basic_expenditure_by_economic", "three_public", "statements"):
        by_id: dict[str, list[dict[str, str]]] = defaultdict(list)
        path = packages / "all" / f"{name}.csv"
        rows = _read(path) if name != "statements" or path.is_file() else []
        for row in rows:
            by_id[row["disclosure_id"]].append(row)
        resources[name] = by_id
        if rows and PHASE_FIELD in rows[0]:
            phased.add(name)
    columns = {"totals": "metric", "revenue_by_source": "source", "expenditure_by_function": "function_code", "basic_expenditure_by_economic": "economic_code", "three_public": "item"}
    result = Score(len(key), 0, [])
    for want in key:
        phase = want.get(PHASE_FIELD) or ""
        group = result.groups.setdefault((want["resource"], phase), [0, 0])
        group[1] += 1
        per_file = result.files.setdefault(want["file"], [0, 0])
        per_file[1] += 1
        where = f"{want['file']} {want['resource']}/{want['origin'] or '-'} {want['key']} {want['field']}{'/' + phase if phase else ''}"
        found = ids.get((want["unit_name"], want["fiscal_year"]), [])
        if len(found) != 1:
            result.misses.append(f"{where}: {len(found)} disclosures found for {want['unit_name']} {want['fiscal_year']}")
            continue
        meta = found[0]
        if want["resource"] == "disclosure":
            values = [meta.get(want["field"]) or ""]
        elif want["resource"] not in phased and phase in EARLIER_PHASES:
            result.misses.append(f"{where}: expected {want['expected'] or 'blank'}, not published (the resource has no phase field)")
            continue
        elif want["origin"] == "narrative" and resources["statements"]:  # what the prose states is in statements (contract version 2)
            accepted = {"", "approved"} if not phase else {phase}
            rows = [
                r
                for r in resources["statements"][meta["disclosure_id"]]
                if r["resource"] == want["resource"]
                and r["subject"] == want["key"]
                and r.get(PHASE_FIELD, "") in accepted
                and (want["resource"] != "three_public" or r["fiscal_year"] == want["fiscal_year"])
            ]
            values = [r["amount"] for r in rows]
        else:
            accepted = {"", "approved"} if not phase else {phase}
            rows = [
                r
                for r in resources[want["resource"]][meta["disclosure_id"]]
                if r[columns[want["resource"]]] == want["key"]
                and r.get("origin", want["origin"]) == want["origin"]
                and (want["resource"] != "three_public" or r["fiscal_year"] == want["fiscal_year"])
                and (want["resource"] not in phased or r.get(PHASE_FIELD, "") in accepted)
            ]
            values = [r[want["field"]] for r in rows]
        if _same(want["expected"], values):
            result.matched += 1
            group[0] += 1
            per_file[0] += 1
        else:
            result.misses.append(f"{where}: expected {want['expected'] or 'blank'}, found {sorted(set(values)) or 'nothing'}")
    result.line_numbers = line_number_figures(packages)
    return result


AMOUNT_FIELDS = {
    "totals": ("metric", ("amount",)),
    "revenue_by_source": ("source", ("amount",)),
    "expenditure_by_function": ("function_code", ("total", "basic", "project")),
    "basic_expenditure_by_economic": ("economic_code", ("total", "personnel", "public")),
    "three_public": ("item", ("amount",)),
}
LINE_NUMBER_VALUES = {Decimal(n) for n in range(1, 100)} | {Decimal(n) / 10000 for n in range(1, 100)}


def line_number_figures(packages: Path) -> list[str]:
    """Every published figure (in 万元) that is a 行次 or 栏次 number 1–99 as printed in 万元 or in 元.

    The synthetic final accounts never print such an amount (``national.degenerate``), so each one
    found is a line or column number published as a figure.
    """
    out = []
    for resource, (key, names) in AMOUNT_FIELDS.items():
        path = packages / "all" / f"{resource}.csv"
        for row in _read(path) if path.is_file() else []:
            for name in names:
                text = row.get(name) or ""
                try:
                    value = abs(Decimal(text)) if text else None
                except ArithmeticError:
                    continue
                if value in LINE_NUMBER_VALUES:
                    out.append(f"{row['disclosure_id']} {resource} {row[key]} {name}{'/' + row['phase'] if row.get('phase') else ''}: {text}")
    return out

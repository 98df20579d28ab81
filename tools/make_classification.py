"""Build ``cnbudget/data/*_classification.csv`` from the lists in ``tools/classification/``.

The lists are data, one CSV per classification (``function.csv``: 支出功能分类科目;
``economic.csv``: the 部门预算 and 政府预算支出经济分类科目), one row per code and name
with the fiscal years the name holds; ``sources.csv`` names the editions and copies
each list comes from.  ``tools/classification/README.md`` describes the files and
``cnbudget/data/classification.md`` the provenance, licence and known gaps.

This script adds what follows from a code (its level, its parent, the economic
scheme), checks the rows hang together and writes them sorted by code and year.

Usage::

    python tools/make_classification.py               # write both CSVs and reference/ (tools/make_reference.py)
    python tools/make_classification.py --check       # validate, write nothing
    python tools/make_classification.py --unverified  # list low-confidence rows
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cnbudget.official.classification import LEVELS, Entry
from cnbudget.schema import REFERENCE_WINDOW

LISTS = ROOT / "tools" / "classification"
DATA = ROOT / "cnbudget" / "data"
KINDS = ("function", "economic")


def code_to_level_parent(code: str, levels: dict[str, int]) -> tuple[str, str]:
    """Return the level of ``code`` and its parent's code (empty for a 类), from its length."""
    lengths = sorted(levels.values())
    by_length = {length: level for level, length in levels.items()}
    if len(code) not in by_length or not code.isdigit():
        raise ValueError(f"{code!r} is not a code of {lengths} digits")
    index = lengths.index(len(code))
    return by_length[len(code)], code[: lengths[index - 1]] if index else ""


def read_list(path: Path, levels: dict[str, int]) -> list[Entry]:
    """Read one list file (code, name, valid_from, valid_to, verified) into rows."""
    with path.open(encoding="utf-8", newline="") as fh:
        records = list(csv.DictReader(fh))
    rows = []
    for line, record in enumerate(records, start=2):
        if record["verified"] not in ("true", "false"):
            raise ValueError(f"{path.name}:{line}: verified is {record['verified']!r}, not true or false")
        try:
            level, parent = code_to_level_parent(record["code"], levels)
        except ValueError as error:
            raise ValueError(f"{path.name}:{line}: {error}") from None
        start, end = int(record["valid_from"]), int(record["valid_to"])
        scheme = scheme_of(record["code"]) if path.stem == "economic" else ""
        rows.append(Entry(record["code"], record["name"], level, parent, start, end, scheme, record["verified"] == "true"))
    return rows


def read_lists(folder: Path = LISTS) -> dict[str, list[Entry]]:
    """Return the rows of each classification, by kind."""
    return {kind: read_list(folder / f"{kind}.csv", LEVELS[kind]) for kind in KINDS}


def scheme_of(code: str) -> str:
    """Return ``department`` for 30x/31x/399 codes and ``government`` for 5xx."""
    return "government" if code.startswith("5") else "department"


def validate(rows: list[Entry]) -> list[str]:
    """Return a list of integrity problems (empty when the rows are sound)."""
    problems: list[str] = []
    by_code: dict[str, list[Entry]] = {}
    for r in rows:
        by_code.setdefault(r.code, []).append(r)
        if not REFERENCE_WINDOW[0] <= r.start <= r.end <= REFERENCE_WINDOW[1]:
            problems.append(f"{r.code}: years {r.years} outside {REFERENCE_WINDOW}")
        if not r.name.strip():
            problems.append(f"{r.code}: empty name")
    for code, mine in by_code.items():
        mine.sort(key=lambda r: r.start)
        for a, b in itertools.pairwise(mine):
            if b.start <= a.end:
                problems.append(f"{code}: rows {a.years} and {b.years} overlap")
    for r in rows:
        if not r.parent:
            continue
        parents = by_code.get(r.parent)
        if not parents:
            problems.append(f"{r.code}: parent {r.parent} missing")
            continue
        covered = {y for p in parents for y in range(p.start, p.end + 1)}
        if not set(range(r.start, r.end + 1)) <= covered:
            problems.append(f"{r.code}: years {r.years} not covered by parent {r.parent}")
    return problems


def write_csv(path: Path, rows: list[Entry], economic: bool) -> None:
    """Write rows sorted by code and first year."""
    header = ["code", "name", "level", "parent"] + (["scheme"] if economic else []) + ["years", "verified"]
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        for r in sorted(rows, key=lambda r: (r.code, r.start)):
            extra = [r.scheme] if economic else []
            writer.writerow([r.code, r.name, r.level, r.parent, *extra, r.years, "true" if r.verified else "false"])


def write_classifications(lists: dict[str, list[Entry]], out: Path = DATA) -> list[Path]:
    """Write ``<kind>_classification.csv`` for each list under ``out``; return the files written."""
    written = []
    for kind, rows in lists.items():
        path = out / f"{kind}_classification.csv"
        write_csv(path, rows, economic=kind == "economic")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Read, validate and write the classification CSVs, then the reference packages."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="validate only")
    parser.add_argument("--unverified", action="store_true", help="list low-confidence rows")
    args = parser.parse_args(argv)
    lists = read_lists()
    problems = [problem for rows in lists.values() for problem in validate(rows)]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    if args.unverified:
        for r in sorted(itertools.chain(*lists.values()), key=lambda r: (r.code, r.start)):
            if not r.verified:
                print(f"{r.code}\t{r.name}\t{r.years}")
        return 0
    if not args.check:
        write_classifications(lists)
        # The published reference packages are read from the CSVs just written.
        from make_reference import write_reference

        write_reference(ROOT / "reference")
    for kind, rows in lists.items():
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.level] = counts.get(r.level, 0) + 1
        print(kind, len(rows), counts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

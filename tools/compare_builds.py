"""Compare two ``datapackages/`` folders: per package and resource, the rows added, removed and changed.

A resource with a primary key is compared row by row on that key (a row whose other fields
differ is *changed*); one without is compared as a multiset of whole lines, so a row that only
moved is reported as *reordered*, not as added and removed. Any other file that differs
(``datapackage.json``, ``build-report.json``) is shown as a unified diff.

Usage::

    python tools/compare_builds.py /tmp/reg-base/seeds /tmp/reg-new/seeds
    python tools/compare_builds.py OLD NEW --rows 0     # counts only

Exit status: 0 when the folders are byte-identical, 1 when anything differs, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import sys
from collections import Counter
from pathlib import Path


def resources_of(package: Path) -> dict[str, tuple[str, ...]]:
    """CSV path → primary key fields (empty when none) of the package's resources."""
    descriptor = package / "datapackage.json"
    if not descriptor.is_file():
        return {}
    found: dict[str, tuple[str, ...]] = {}
    for resource in json.loads(descriptor.read_text(encoding="utf-8")).get("resources", []):
        key = resource.get("schema", {}).get("primaryKey") or ()
        found[resource["path"]] = (key,) if isinstance(key, str) else tuple(key)
    return found


def csv_rows(path: Path) -> tuple[list[str], list[list[str]]]:
    """The header and rows of a CSV file (empty when the file is missing)."""
    if not path.is_file():
        return [], []
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    return (rows[0], rows[1:]) if rows else ([], [])


def line(row: list[str]) -> str:
    """A row as one CSV line, the way the file prints it."""
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(row)
    return out.getvalue()


def compare_csv(old: Path, new: Path, key: tuple[str, ...]) -> list[str]:
    """Lines describing how the rows of ``new`` differ from those of ``old`` (empty when they do not)."""
    old_header, old_rows = csv_rows(old)
    new_header, new_rows = csv_rows(new)
    out: list[str] = []
    if old_header != new_header:
        out.append(f"  header: {line(old_header)} → {line(new_header)}")
    if key and old_header == new_header and all(k in new_header for k in key):
        at = [new_header.index(k) for k in key]
        before = {tuple(r[i] for i in at): r for r in old_rows}
        after = {tuple(r[i] for i in at): r for r in new_rows}
        out += [f"  + {line(after[k])}" for k in after if k not in before]
        out += [f"  - {line(before[k])}" for k in before if k not in after]
        out += [f"  ~ {line(before[k])}\n    → {line(after[k])}" for k in after if k in before and after[k] != before[k]]
        return out
    before_lines, after_lines = Counter(map(line, old_rows)), Counter(map(line, new_rows))
    out += [f"  + {text}" for text, n in (after_lines - before_lines).items() for _ in range(n)]
    out += [f"  - {text}" for text, n in (before_lines - after_lines).items() for _ in range(n)]
    if not out and old_rows != new_rows:
        out.append("  (the same rows, reordered)")
    return out


def compare_text(old: Path, new: Path) -> list[str]:
    """A unified diff of two text files, indented."""
    a = old.read_text(encoding="utf-8").splitlines() if old.is_file() else []
    b = new.read_text(encoding="utf-8").splitlines() if new.is_file() else []
    return [f"  {d}" for d in difflib.unified_diff(a, b, str(old), str(new), n=0, lineterm="")]


def compare(old_root: Path, new_root: Path, limit: int) -> tuple[list[str], int]:
    """The report, and how many files differ."""
    old_files = {p.relative_to(old_root) for p in old_root.rglob("*") if p.is_file()}
    new_files = {p.relative_to(new_root) for p in new_root.rglob("*") if p.is_file()}
    report: list[str] = []
    differing = 0
    keys: dict[Path, tuple[str, ...]] = {}
    for root in (old_root, new_root):
        for descriptor in root.rglob("datapackage.json"):
            package = descriptor.parent.relative_to(root)
            for path, key in resources_of(descriptor.parent).items():
                keys.setdefault(package / path, key)
    for rel in sorted(old_files | new_files):
        old, new = old_root / rel, new_root / rel
        if old.is_file() and new.is_file() and old.read_bytes() == new.read_bytes():
            continue
        differing += 1
        where = "only in new" if not old.is_file() else "only in old" if not new.is_file() else "differs"
        if rel.suffix == ".csv":
            lines = compare_csv(old, new, keys.get(rel, ()))
            counts = Counter(text.lstrip()[0] for text in lines)
            report.append(f"{rel}: {where}: +{counts['+']} -{counts['-']} ~{counts['~']}")
        else:
            lines = compare_text(old, new)
            report.append(f"{rel}: {where}: {sum(1 for t in lines if t[2:3] in '+-' and t[2:5] not in ('---', '+++'))} lines")
        report += lines[:limit] + ([f"  … {len(lines) - limit} more"] if limit and len(lines) > limit else [])
    report.append(f"{differing} of {len(old_files | new_files)} files differ")
    return report, differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare two datapackages/ folders resource by resource: rows added (+), removed (-) and changed (~).")
    parser.add_argument("old", type=Path, help="the datapackages/ folder built before")
    parser.add_argument("new", type=Path, help="the datapackages/ folder built after")
    parser.add_argument("--rows", type=int, default=20, metavar="N", help="show at most N differing rows or diff lines per file (default: 20; 0: counts only)")
    args = parser.parse_args(argv)
    for folder in (args.old, args.new):
        if not folder.is_dir():
            parser.error(f"{folder} is not a folder")
    report, differing = compare(args.old, args.new, max(args.rows, 0))
    print("\n".join(report))
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())

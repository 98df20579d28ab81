"""Contradictions found by hand against the build's failing checks: recall and precision (issue 14).

    python benchmarks/contradictions.py FOLDER [--out DIR] [--no-build]

FOLDER holds disclosures and `contradictions.json`, the contradictions a person found by reading
each file (format: tests/fixtures/hidden/contradictions.json). The folder is built as a user would,
and only the packages' `checks.csv` are read. A keyed contradiction is found when its file's package
has a `fail` of the check the key names (or one it lists under ``also``) whose detail quotes the key's words; "check only" when the
check fails there but quotes other figures. Contradictions no check can report (check null) count
as missed. Every `fail` is matched against the keys of its file (the key's check, or one under
``also``); a fail that matches none is listed with its detail, to be read against its page: it is
either a contradiction the person missed or a misreading of ours.

Prints one line per keyed contradiction, the unmatched fails, and the totals: recall over all keys
and over those a check can report, and the share of fails that match a key. Then the same with the
lead's reading of the fails (benchmarks/adjudicated.json, kept apart from the keys): a key another
check reports, quoting its words, is found; a fail read on its page as a real contradiction the key
missed matches. Both lines are printed; the first is the keys' alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the benchmarks' shared module
from published import run_build

ADJUDICATED = Path(__file__).resolve().parent / "adjudicated.json"


def _flat(text: str) -> str:
    """Text without its spaces and its thousands separators: a detail quotes the prose without spaces (占 % as 占%), and
    an amount as the build writes it (1,734.99 as 1734.99)."""
    return re.sub(r"(?<=\d)[,，](?=\d{3})", "", "".join(text.split()))


def adjudicated(folder: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The lead's reading for one set: keys reported by another check, and real contradictions no key names."""
    data = json.loads(ADJUDICATED.read_text(encoding="utf-8"))
    return [e for e in data["reported_by"] if e["set"] == folder], [e for e in data["real_unkeyed"] if e["set"] == folder]


def reread(
    keys: list[dict[str, Any]], fails: dict[str, list[dict[str, str]]], folder: str, counts: dict[str, int]
) -> tuple[int, int, list[str]]:
    """Found keys and matched fails with the lead's reading, and the fails that still match nothing."""
    reported, real = adjudicated(folder)
    found = counts["found"]
    claimed: set[tuple[str, str, str]] = set()  # (file, check, detail) of fails an entry accounts for
    for entry in reported:
        item = next(i for i in keys if i["file"] == entry["file"] and i["quotes"][0] == entry["key_quote"])
        rows = [r for r in fails.get(entry["file"], []) if r["check_id"] == entry["check"] and _flat(entry["words"]) in _flat(r["detail"])]
        named = item["check"] and any(
            r["check_id"] in (item["check"], *item.get("also", ())) and _flat(item["words"]) in _flat(r["detail"]) for r in fails.get(item["file"], [])
        )
        found += bool(rows) and not named
        claimed |= {(entry["file"], r["check_id"], r["detail"]) for r in rows}
    for entry in real:
        claimed |= {
            (entry["file"], r["check_id"], r["detail"])
            for r in fails.get(entry["file"], [])
            if r["check_id"] == entry["check"] and _flat(entry["words"]) in _flat(r["detail"])
        }
    unmatched, matched = [], 0
    for file, rows in sorted(fails.items()):
        keyed = {check for i in keys if i["file"] == file and i["check"] for check in (i["check"], *i.get("also", ()))}
        for r in rows:
            if r["check_id"] in keyed or (file, r["check_id"], r["detail"]) in claimed:
                matched += 1
            else:
                unmatched.append(f"| {file} | {r['check_id']} | {r.get('severity', '')} | {r['detail']} |")
    return found, matched, unmatched


def fails_by_file(packages: Path) -> dict[str, list[dict[str, str]]]:
    """Each source file's failing checks, by the file's name (a file that built no package has none)."""
    found: dict[str, list[dict[str, str]]] = {}
    for package in sorted(p for p in packages.iterdir() if (p / "checks.csv").exists()):
        with (package / "checks.csv").open(encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["status"] == "fail"]
        for source in sorted((package / "source").iterdir()) if (package / "source").is_dir() else ():
            found.setdefault(source.name, []).extend(rows)
    return found


def measure(keys: list[dict[str, Any]], fails: dict[str, list[dict[str, str]]]) -> tuple[list[str], list[str], dict[str, int]]:
    """Lines for the keys and for the unmatched fails, and the counts."""
    lines, unmatched = [], []
    counts = {"keyed": len(keys), "reportable": 0, "found": 0, "check_only": 0, "fails": 0, "matched": 0}
    for item in keys:
        # the check the key names, or one it lists under ``also`` (a change's percentage is yoy-agrees or change-percent-agrees)
        rows = [r for r in fails.get(item["file"], []) if item["check"] and r["check_id"] in (item["check"], *item.get("also", ()))]
        if not item["check"]:
            status = f"no check: {item['reason']}"
        elif any(_flat(item["words"]) in _flat(r["detail"]) for r in rows):  # the detail quotes prose without spaces
            status, counts["found"] = "found", counts["found"] + 1
        elif rows:
            status, counts["check_only"] = "check fails, other figures", counts["check_only"] + 1
        else:
            status = "missed"
        counts["reportable"] += bool(item["check"])
        lines.append(f"| {item['file']} | {item['kind']} | {item['check'] or '—'} | {status} |")
    for file, rows in sorted(fails.items()):
        keyed = {check for i in keys if i["file"] == file and i["check"] for check in (i["check"], *i.get("also", ()))}
        for r in rows:
            counts["fails"] += 1
            if r["check_id"] in keyed:
                counts["matched"] += 1
            else:
                unmatched.append(f"| {file} | {r['check_id']} | {r.get('severity', '')} | {r['detail']} |")
    return lines, unmatched, counts


def share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else f"{part}/0"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--out", type=Path, help="where to build (default: a temporary folder)")
    parser.add_argument("--no-build", action="store_true", help="read packages already built in --out")
    args = parser.parse_args(argv)
    keys = json.loads((args.folder / "contradictions.json").read_text(encoding="utf-8"))["contradictions"]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp) / "dp"
        if not args.no_build:
            run_build(args.folder, out)
        fails = fails_by_file(out)
        lines, unmatched, n = measure(keys, fails)
        found, matched, still = reread(keys, fails, args.folder.name, n)
    print("| file | kind | check | found |\n|---|---|---|---|")
    print("\n".join(lines))
    print("\nFails that match no hand-found contradiction (read each against its page):\n")
    print("| file | check | severity | detail |\n|---|---|---|---|")
    print("\n".join(unmatched) or "| — | | | |")
    print(
        f"\nrecall {share(n['found'], n['keyed'])} of all hand-found, {share(n['found'], n['reportable'])} of those a check can report"
        f" ({n['check_only']} more where the check fails on other figures); fails matching a hand-found contradiction"
        f" {share(n['matched'], n['fails'])}"
    )
    print("\nFails that match nothing with the lead's reading (benchmarks/adjudicated.json):\n")
    print("| file | check | severity | detail |\n|---|---|---|---|")
    print("\n".join(still) or "| — | | | |")
    print(
        f"\nwith the lead's reading: recall {share(found, n['keyed'])} of all hand-found; fails matching a hand-found or"
        f" read-as-real contradiction {share(matched, n['fails'])}, matching nothing {share(n['fails'] - matched, n['fails'])}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

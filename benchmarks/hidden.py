"""Hidden-style documents: does the build read a province it has never seen right, or say it could not?

    python benchmarks/hidden.py [FOLDER] [--write] [--out DIR] [--no-build]

FOLDER (default tests/fixtures/hidden) holds disclosures from provinces that neither
../shared/corpus nor ../shared/corpus-wide holds, and `expected.json`, which a person read from
each file. The folder is built as a user would (`python build.py --source FOLDER ...`), and only
what the build published is read: `build-report.json` and the CSVs of `all/`. Per document:

- identity: unit (any spelling the document prints), province, city, county, level, year, kind
  and scope, each right or wrong; a document that names no unit is right when it fails with the
  expected code instead of being published;
- figures: each hand-read figure is right when the package publishes it under the same key and
  phase with exactly the same Decimal value; one published under its key with another amount (not
  merely absent or null) is also counted apart, as “published with another amount”: the worst miss;
- row numbers: headline totals that are small whole numbers in a document that prints 行次/栏次/序号
  columns (a row number read as an amount);
- not printed: published figures whose value the document prints nowhere (in 万元, or in 元 for a
  document whose tables are in 元): a misreading, whatever the key;
- id collisions: two sources published under one disclosure_id, or failed with
  `disclosure-id-collision`.

One line per document and a total; `--write` puts them into benchmarks/RESULTS.md (section
“Hidden-style documents”, replaced on each run).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the benchmarks' shared module
import published
from published import read_csv, run_build

DEFAULT_FOLDER = ROOT / "tests" / "fixtures" / "hidden"
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SECTION = "## Hidden-style documents"
IDENTITY = ("unit", "province", "city", "county", "level", "fiscal_year", "kind", "scope")
HEADLINES = {"revenue_total", "expenditure_total", "revenue_current_year", "expenditure_current_year"}
ROW_NUMBER_HEADER = re.compile(r"行次|栏次|序号")
NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d.,])\d+(?:\.\d+)?")
# Amount fields of each resource whose rows the check “not printed” reads
AMOUNTS = {
    "totals": ("amount",),
    "revenue_by_source": ("amount",),
    "three_public": ("amount",),
    "expenditure_by_function": ("total", "basic", "project"),
    "basic_expenditure_by_economic": ("total", "personnel", "public"),
    "projects": ("amount",),
}


@dataclass
class Line:
    """What the benchmark found for one document."""

    file: str
    status: str
    province: str = ""
    disclosure_id: str = ""
    identity_right: int = 0
    identity_total: int = 0
    identity_wrong: list[str] = field(default_factory=list)
    figures_right: int = 0
    figures_total: int = 0
    figures_wrong: list[str] = field(default_factory=list)
    # published with another amount than the one printed (a subset of figures_wrong, which also holds the absent)
    figures_misread: list[str] = field(default_factory=list)
    row_numbers: list[str] = field(default_factory=list)
    not_printed: list[str] = field(default_factory=list)






def decimal(text: str | None) -> Decimal | None:
    try:
        return Decimal(text) if text not in (None, "") else None
    except InvalidOperation:
        return None


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text or "").replace("（", "(").replace("）", ")")


def printed_numbers(text: str) -> set[Decimal]:
    """Every number the document prints, thousands separators dropped."""
    return {Decimal(match.replace(",", "")) for match in NUMBER.findall(text)}


def identity_values(row: dict[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {name: (row.get(name) or None) for name in IDENTITY if name != "unit"}
    found["fiscal_year"] = int(row["fiscal_year"]) if row.get("fiscal_year") else None
    return found


def score_identity(line: Line, expected: dict[str, Any], row: dict[str, str]) -> None:
    found = identity_values(row)
    names = {compact(name) for name in expected["unit_names"]}
    checks: dict[str, bool] = {"unit": compact(row.get("unit_name", "")) in names}
    for name in IDENTITY[1:]:
        want = expected.get(name)
        got = found.get(name)
        if name == "province" and want is None:
            checks[name] = got in (None, "中央")  # a central unit has no province; 中央 is how it is shown
        else:
            checks[name] = got in want if isinstance(want, list) else got == want
    for name, right in checks.items():
        line.identity_total += 1
        if right:
            line.identity_right += 1
        else:
            shown = row.get("unit_name") if name == "unit" else found.get(name)
            line.identity_wrong.append(f"{name}={shown}")


def figure_key(resource: str, row: dict[str, str]) -> tuple[str, ...]:
    if resource == "totals":
        return (row["metric"], row["phase"])
    if resource == "three_public":
        return (row["item"], row["phase"], row["fiscal_year"])
    return (row.get("source", ""), row["phase"])


def score_figures(line: Line, expected: dict[str, Any], rows: dict[str, list[dict[str, str]]]) -> None:
    for figure in expected.get("figures", []):
        resource = figure["resource"]
        key: tuple[str, ...] = (figure["key"], figure["phase"])
        if resource == "three_public":
            key += (str(figure["fiscal_year"]),)
        published = {figure_key(resource, row): row for row in rows.get(resource, []) if row["disclosure_id"] == line.disclosure_id}
        line.figures_total += 1
        row = published.get(key)
        got = decimal(row.get("amount")) if row else None
        if got is not None and got == Decimal(figure["amount"]):
            line.figures_right += 1
        else:
            line.figures_wrong.append(f"{resource}:{'/'.join(key)}={got if row else 'absent'} (printed {figure['amount']})")
            if got is not None:
                line.figures_misread.append(line.figures_wrong[-1])


def score_printed(line: Line, text: str, factor: Decimal, rows: dict[str, list[dict[str, str]]]) -> None:
    """Headline row numbers, and published figures the document prints nowhere (in 万元, or times ``factor`` in 元)."""
    numbers = printed_numbers(text)
    has_row_numbers = bool(ROW_NUMBER_HEADER.search(text))
    for resource, fields in AMOUNTS.items():
        for row in rows.get(resource, []):
            if row["disclosure_id"] != line.disclosure_id:
                continue
            for name in fields:
                amount = decimal(row.get(name))
                if amount is None:
                    continue
                label = f"{resource}:{row.get('metric') or row.get('item') or row.get('function_code') or row.get('economic_code') or row.get('source') or ''}/{name}={amount}"
                if resource == "totals" and row["metric"] in HEADLINES and has_row_numbers and amount == amount.to_integral_value() and 0 < amount <= 200:
                    line.row_numbers.append(label)
                if amount not in numbers and amount * factor not in numbers:
                    line.not_printed.append(label)


def measure(folder: Path, packages: Path) -> list[Line]:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["documents"]
    report = json.loads((packages / "build-report.json").read_text(encoding="utf-8"))
    entries = report if isinstance(report, list) else report.get("sources", [])
    by_file = {Path(entry["path"]).name: entry for entry in entries}
    all_dir = packages / "all"
    disclosures = {row["disclosure_id"]: row for row in read_csv(all_dir / "disclosure.csv")}
    rows = {resource: read_csv(all_dir / f"{resource}.csv") for resource in AMOUNTS}
    lines = []
    for file, want in sorted(expected.items()):
        entry = by_file.get(file, {})
        line = Line(file, entry.get("status", "absent") if entry.get("status") != "failed" else f"failed:{entry.get('code')}")
        line.province = want.get("province") or ("中央" if want.get("level") == "central" else "—")
        line.disclosure_id = entry.get("disclosure_id") or ""
        if want.get("published", True) is False:
            line.identity_total = 1
            if entry.get("status") == "failed" and entry.get("code") == want.get("code"):
                line.identity_right = 1
            else:
                line.identity_wrong.append(f"published as {line.disclosure_id or entry.get('code')}")
        elif line.disclosure_id in disclosures:
            row = disclosures[line.disclosure_id]
            score_identity(line, want, row)
            score_figures(line, want, rows)
            score_printed(line, (folder / file).read_text(encoding="utf-8"), Decimal(10000), rows)
        else:
            line.identity_total = len(IDENTITY)
            line.identity_wrong.append("not published")
            line.figures_total = len(want.get("figures", []))
            line.figures_wrong.extend(f"{f['resource']}:{f['key']} absent" for f in want.get("figures", []))
        lines.append(line)
    return lines


def collisions(packages: Path) -> int:
    report = json.loads((packages / "build-report.json").read_text(encoding="utf-8"))
    entries = report if isinstance(report, list) else report.get("sources", [])
    ids = Counter(entry["disclosure_id"] for entry in entries if entry.get("status") == "ok" and entry.get("disclosure_id"))
    failed = sum(1 for entry in entries if entry.get("code") == "disclosure-id-collision")
    return sum(count - 1 for count in ids.values() if count > 1) + failed


def totals(lines: list[Line], packages: Path) -> dict[str, Any]:
    identity = (sum(line.identity_right for line in lines), sum(line.identity_total for line in lines))
    figures = (sum(line.figures_right for line in lines), sum(line.figures_total for line in lines))
    return {
        "documents": len(lines),
        "published": sum(1 for line in lines if line.status == "ok"),
        "identity": identity,
        "figures": figures,
        "row_numbers": sum(len(line.row_numbers) for line in lines),
        "not_printed": sum(len(line.not_printed) for line in lines),
        "misread": sum(len(line.figures_misread) for line in lines),
        "id_collisions": collisions(packages),
    }


def percent(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total} ({100 * right / total:.1f}%)" if total else "0/0"


def render(lines: list[Line], total: dict[str, Any], command: str) -> str:
    out = [
        f"{SECTION} ({date.today().isoformat()})",
        "",
        f"`{command}`: the text of {total['documents']} public disclosures from provinces in neither corpus folder (see tests/fixtures/hidden/README.md), scored against figures a person read from them.",
        "",
    ]
    out.append("| document | status | identity | figures | row-number headlines | published figures not printed | wrong |")
    out.append("|---|---|---|---|---|---|---|")
    for line in lines:
        wrong = "; ".join(line.identity_wrong + line.figures_wrong + line.row_numbers + line.not_printed) or ""
        out.append(
            f"| {line.file} | {line.status} | {line.identity_right}/{line.identity_total} | {line.figures_right}/{line.figures_total} | {len(line.row_numbers)} | {len(line.not_printed)} | {wrong} |"
        )
    out.append(
        f"| **total** | {total['published']}/{total['documents']} published | {percent(total['identity'])} | {percent(total['figures'])} | {total['row_numbers']} | {total['not_printed']} | published with another amount: {total['misread']}; id collisions: {total['id_collisions']} |"
    )
    out += ["", "Per province (of the document's unit; — where the document names none):", ""]
    out += ["| province | documents | published | identity | figures |", "|---|---|---|---|---|"]
    for province in sorted({line.province for line in lines}):
        mine = [line for line in lines if line.province == province]
        identity = (sum(x.identity_right for x in mine), sum(x.identity_total for x in mine))
        figures = (sum(x.figures_right for x in mine), sum(x.figures_total for x in mine))
        published = sum(1 for x in mine if x.status == "ok")
        out.append(f"| {province} | {len(mine)} | {published} | {percent(identity)} | {percent(figures)} |")
    return "\n".join(out) + "\n"


def replace_section(text: str, section: str) -> str:
    return published.replace_section(text, section, SECTION)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--write", action="store_true", help=f"write the section into {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--out", type=Path, metavar="DIR", help="keep the build in DIR (default: a temporary folder)")
    parser.add_argument("--no-build", action="store_true", help="measure the build already in --out")
    args = parser.parse_args(argv)
    folder = args.folder.resolve()
    with tempfile.TemporaryDirectory() as scratch:
        packages = (args.out or Path(scratch) / "dp").resolve()
        if not args.no_build:
            run_build(folder, packages)
        lines = measure(folder, packages)
        total = totals(lines, packages)
    shown = folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder
    section = render(lines, total, "python benchmarks/hidden.py" + ("" if folder == DEFAULT_FOLDER else f" {shown}"))
    print(section)
    if args.write:
        RESULTS.write_text(replace_section(RESULTS.read_text(encoding="utf-8"), section), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

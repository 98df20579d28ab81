"""Coverage of real disclosures: per document, what a build found, read, checked and doubted.

    python benchmarks/coverage.py [FOLDER ...] [--write] [--json PATH] [--out DIR] [--no-build]

For each folder (default: ../shared/corpus and ../shared/corpus-wide) it runs the build as a user
would (`python build.py --source FOLDER --datapackages TMP --no-site --no-cache --jobs 2 -q`), then
reads only what the build published: `build-report.json` and each package's CSVs. Per source
document it reports whether it built (or its failure code); whether unit, region, year, kind and
scope were found and agree with the folder's README table; which standard tables the document
lists in its 目录 (or, without one, titles at the top of its pages) and which of them were read;
how many figures were published; how many identities were checked and how many hold; and doubts.

A table counts as read when the package publishes a figure taken from it: a row whose
`source_table` names that kind of table (totals, expenditure_by_function,
basic_expenditure_by_economic, origin `table`), a `revenue_by_source` row of origin `table`
(收支总表), a `three_public` row of origin `table`, any `projects` row (项目支出表) or any
`performance_indicators` row (绩效目标表). Kinds that no resource
publishes (收入总表, 财政拨款收支总表, 政府性基金 …) are counted apart as “no resource”.

The layout family of a document (Beijing, Yantai …) comes from its file name's prefix and is used
only to group this report, never by the library.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this tree's cnbudget, not an installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the benchmarks' shared module
import published
from published import read_csv, run_build


class TableKind(NamedTuple):
    name: str
    label: str


@cache
def title_kind(text: str) -> TableKind | None:
    """The standard table kind a title names, by cnbudget's own recogniser (the one import of the library)."""
    from cnbudget.model import Line
    from cnbudget.recognise.blocks import title_kind as recognise_title

    kind = recognise_title(Line(None, (text,)))
    return TableKind(kind.name, kind.label) if kind else None


DEFAULT_FOLDERS = (ROOT.parent / "shared" / "corpus", ROOT.parent / "shared" / "corpus-wide")
RESULTS = ROOT / "benchmarks" / "RESULTS.md"
SECTION = "## Coverage"
FIELDS = ("unit", "region", "year", "kind", "scope")
# Kinds whose figures some resource publishes; the rest are listed but have nowhere to go.
PUBLISHED_KINDS = frozenset({"summary", "expenditure", "function", "fiscal_detail", "basic_economic", "three_public", "operating_funds", "projects", "performance"})
SOURCE_TABLE_RESOURCES = ("totals", "expenditure_by_function", "basic_expenditure_by_economic")
FAMILIES = {
    "bj_city": "Beijing 市级",
    "sh_city": "Shanghai 市级单位预算",
    "cq_city": "Chongqing 市级",
    "js_suzhou": "Jiangsu city (Suzhou, Wuxi)",
    "js_wuxi": "Jiangsu city (Suzhou, Wuxi)",
    "zj_hangzhou": "Hangzhou",
    "zj_huzhou": "Huzhou",
    "sd_yantai": "Yantai",
    "jl_changchun": "Changchun",
    "ha_zhengzhou": "Zhengzhou",
    "js_prov": "Jiangsu provincial",
    "sh_putuo": "Shanghai Putuo district",
}
KIND_WORDS = {"部门预算": ("budget", "department"), "单位预算": ("budget", "unit"), "部门决算": ("final_account", "department"), "单位决算": ("final_account", "unit")}
TOC_PAGES = 4  # the 目录 is looked for on the first pages only
TOP_LINES = 6  # a table's title is among the first lines of its page


# ---------------------------------------------------------------- the build




# ---------------------------------------------------------------- the README's expectations


def markdown_table(text: str) -> list[dict[str, str]]:
    """The rows of the first markdown table in ``text`` that has a `file` column, keyed by header."""
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            if header and rows:
                break
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = cells if "file" in cells else None
        elif not all(re.fullmatch(r":?-+:?", c) for c in cells):
            rows.append(dict(zip(header, cells)))
    return rows


def expected_fields(row: dict[str, str]) -> dict[str, str]:
    """Unit, region, year, kind and scope as a README row states them ('' where it does not)."""
    unit = next((row[k] for k in row if k.startswith("unit")), "")
    kind, scope = KIND_WORDS.get(row.get("kind", "").strip(), ("", ""))
    return {"unit": unit, "region": row.get("region", ""), "year": row.get("year", ""), "kind": kind, "scope": scope}


def readme_expectations(folder: Path) -> dict[str, dict[str, str]]:
    """File name → expected fields, from the folder's README.md table; empty without one."""
    readme = folder / "README.md"
    if not readme.exists():
        return {}
    return {r["file"]: expected_fields(r) for r in markdown_table(readme.read_text(encoding="utf-8")) if r.get("file")}


# ---------------------------------------------------------------- the document's 目录


class _HtmlLines(HTMLParser):
    BLOCKS = frozenset({"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "title"})

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = [""]
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in self.BLOCKS:
            self.lines.append("")
        elif tag in ("td", "th"):
            self.lines[-1] += "\t"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in self.BLOCKS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.lines[-1] += data


def html_to_lines(text: str) -> list[str]:
    """The non-blank lines of an HTML page: block elements end lines."""
    parser = _HtmlLines()
    parser.feed(text)
    return [line.strip() for line in parser.lines if line.strip()]


def document_pages(path: Path, pages: int | None = None) -> list[list[str]]:
    """The document's text as pages of lines (an HTML or text file is one page); the first ``pages`` of a PDF."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        raw = path.read_bytes()
        text = raw.decode("utf-8", errors="replace") if b"\xef\xbf\xbd" not in raw else raw.decode("gb18030", errors="replace")
        return [html_to_lines(text)]
    if suffix == ".txt":
        return [page.splitlines() for page in path.read_text(encoding="utf-8", errors="replace").split("\f")]
    import pdfplumber

    out: list[list[str]] = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:pages]:
            out.append((page.extract_text() or "").splitlines())
            page.close()
    return out


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


_LEADERS = re.compile(r"(?:\.{2,}|…+|·{2,}|-{3,}|_{3,})")
_PAGE_NUMBER = re.compile(r"^[-—－\s]*\d+[-—－\s]*$")
_ENTRY_START = re.compile(r"^(?:第[一二三四五六七八九十]+部分|[（(]?[一二三四五六七八九十]+[)）、.．]|\d+\s*[、.．]|表\s*\d|附表|预算\s*\d|[-•·])")


def toc_start(lines: list[str]) -> int | None:
    """The index of the line after a 目录 heading (printed `目录`, `目 录`, or `目` and `录` on two lines)."""
    for i, line in enumerate(lines):
        text = compact(line)
        if text in ("目录", "目錄"):
            return i + 1
        if text == "目" and i + 1 < len(lines) and compact(lines[i + 1]) == "录":
            return i + 2
    return None


def continues_toc(page: list[str]) -> bool:
    """Whether a page goes on with the 目录 of the page before: it opens with a later entry or a wrapped one."""
    first = next((compact(line) for line in page if compact(line) and not _PAGE_NUMBER.match(line)), "")
    if not first or re.match(r"^(?:第一部分|一[、.．]|[（(]一[)）]|1\s*[、.．])", first):
        return False
    return bool(_ENTRY_START.match(first)) or len(first) <= 8


def toc_entries(pages: list[list[str]]) -> list[str] | None:
    """The entries of the first 目录 in ``pages`` (leaders and page numbers dropped, wrapped entries joined); None without one."""
    for n, page in enumerate(pages):
        start = toc_start(page)
        if start is None:
            continue
        lines = page[start:] + (pages[n + 1] if n + 1 < len(pages) and continues_toc(pages[n + 1]) else [])
        return entries_until_end(lines)
    return None


def entries_until_end(lines: list[str]) -> list[str]:
    """Contents entries from the top of ``lines`` to where the contents end (a part named again, or prose)."""
    entries: list[str] = []
    parts: set[str] = set()
    for line in lines[:80]:
        text = re.sub(r"\s+\d{1,3}$", "", _LEADERS.split(line)[0].strip())  # a page number after the title
        size = len(compact(text))
        part = re.match(r"^第([一二三四五六七八九十]+)部分", compact(text))
        if (part and part.group(1) in parts) or size > 45 or ("。" in text and size > 25):
            break
        parts.update([part.group(1)] if part else [])
        if not size or _PAGE_NUMBER.match(text):
            continue
        if entries and not _ENTRY_START.match(text) and size <= 8:
            entries[-1] += compact(text)  # a wrapped entry (…支出预 / 算表), or a year pulled out of its line
        else:
            entries.append(text)
    return entries


def listed_kinds(entries: list[str]) -> list[TableKind]:
    """The standard tables a list of titles names, each kind once, in order."""
    kinds: dict[str, TableKind] = {}
    for entry in entries:
        kind = title_kind(entry)
        if kind is not None and kind.name not in kinds:
            kinds[kind.name] = kind
    return list(kinds.values())


def page_title_kinds(pages: list[list[str]]) -> list[TableKind]:
    """The standard tables whose titles head the document's pages (its first lines of each)."""
    return listed_kinds([line for page in pages for line in page[:TOP_LINES]])


def printed_tables(path: Path) -> tuple[list[TableKind], str]:
    """The standard tables a document prints, and where that was read: `目录`, `page titles` or ''."""
    first = document_pages(path, TOC_PAGES)
    listed = listed_kinds(toc_entries(first) or [])
    if listed:
        return listed, "目录"
    pages = first if path.suffix.lower() in (".html", ".htm", ".txt") else document_pages(path)
    found = page_title_kinds(pages)
    return found, "page titles" if found else ""


# ---------------------------------------------------------------- the published package




def amount_fields(package: Path) -> dict[str, list[str]]:
    """Resource → its amount fields (columnType `value`), from the package's datapackage.json."""
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    for resource in descriptor["resources"]:
        names = [f["name"] for f in resource["schema"]["fields"] if f.get("columnType") == "value"]
        if names:
            out[resource["name"]] = names
    return out


def count_figures(package: Path) -> int:
    """Non-empty amount cells over the package's amount resources."""
    return sum(1 for name, fields in amount_fields(package).items() for row in read_csv(package / f"{name}.csv") for f in fields if row.get(f, "").strip())


def source_table_kinds(source_table: str) -> set[str]:
    """The kinds a `source_table` names: one title, or two (`A；基本/项目支出据B` when B completed A's rows)."""
    parts = re.split(r"[；;]\s*(?:基本/项目支出据)?", source_table)
    return {kind.name for kind in map(title_kind, parts) if kind is not None}


def read_kinds(package: Path) -> set[str]:
    """The table kinds the package publishes figures from (see the module docstring)."""
    kinds: set[str] = set()
    for name in SOURCE_TABLE_RESOURCES:
        for row in read_csv(package / f"{name}.csv"):
            if row.get("origin", "table") == "table":
                kinds.update(source_table_kinds(row.get("source_table", "")))
    if any(r.get("origin") == "table" for r in read_csv(package / "revenue_by_source.csv")):
        kinds.add("summary")  # revenue lines are read from the 收支总表 only
    if any(r.get("origin") == "table" for r in read_csv(package / "three_public.csv")):
        kinds.add("three_public")
    if read_csv(package / "projects.csv"):
        kinds.add("projects")
    if read_csv(package / "performance_indicators.csv"):
        kinds.add("performance")
    return kinds


ATTACHED = "*"  # explained_kinds' key for “every table the 目录 lists”: the document prints none and names them as an attachment
REASONS = {"attached": "an attachment", "said": "said why", "empty": "printed empty", "compared": "compared, a duplicate", "doubted": "in doubts"}


def explained_kinds(checks: list[dict[str, str]], doubts: list[dict[str, str]]) -> dict[str, str]:
    """Kinds the package says why it did not read, with the reason (a key of ``REASONS``).

    A not-applicable required-table-present check (its detail naming an attachment (附件): every listed
    table); one that passes on a table printed empty (空表); a table whose figures table-figures-agree
    compares with the table they duplicate (subject ``201/fiscal_detail``); a doubt naming the table.
    """
    kinds: dict[str, str] = {}
    for row in checks:
        check, status = _check_id(row), row.get("status")
        if check == "required-table-present" and status == "not_applicable":
            kind = title_kind(row.get("expected", ""))
            if "附件" in row.get("detail", ""):
                kinds[ATTACHED] = "attached"
            kinds.update({kind.name: "attached" if "附件" in row.get("detail", "") else "said"} if kind else {})
        elif check == "required-table-present" and status == "pass" and "空表" in row.get("detail", ""):
            kind = title_kind(row.get("expected", ""))
            kinds.update({kind.name: "empty"} if kind else {})
        elif check == "table-figures-agree" and status in ("pass", "fail"):
            # the second table's kind (201/fiscal_detail), or its title after a headline figure (basic_expenditure/支出预算总表)
            named = row.get("subject", "").rpartition("/")[2]
            if named not in PUBLISHED_KINDS and "/" in row.get("subject", ""):
                titled = title_kind(row["subject"].split("/")[1])
                named = titled.name if titled else ""
            if named in PUBLISHED_KINDS:
                kinds.setdefault(named, "compared")
    for row in doubts:
        named = row.get("kind") or ""
        kind = title_kind(row.get("source_table") or row.get("table") or "")
        kinds.update({k: "doubted" for k in (named if named in PUBLISHED_KINDS else "", kind.name if kind else "") if k})
    return kinds


def check_counts(checks: list[dict[str, str]]) -> dict[str, tuple[int, int]]:
    """Check id → (rows that pass, rows that pass or fail); not-applicable rows decide nothing."""
    decided = [r for r in checks if r.get("status") in ("pass", "fail")]
    ids = sorted({_check_id(r) for r in decided})
    return {c: (sum(_check_id(r) == c and r["status"] == "pass" for r in decided), sum(_check_id(r) == c for r in decided)) for c in ids}


def _check_id(row: dict[str, str]) -> str:
    """A checks row's id: ``check_id`` since the contract v2 packages, ``check`` before."""
    return row.get("check_id") or row.get("check") or ""


@dataclass
class Package:
    """What one published package says, as far as coverage goes."""

    disclosure: dict[str, str]
    read: set[str]
    explained: dict[str, str]  # kind → why it is not read (a key of REASONS)
    figures: int
    checks: dict[str, tuple[int, int]]  # check id → (holding, checked), over checks that passed or failed
    doubts: int | None  # None: the package has no doubts resource
    rounding: int = 0  # failing checks of severity rounding: the source's own rounded parts, not a misreading


def read_package(folder: Path) -> Package:
    """The coverage facts of the package in ``folder``."""
    checks = read_csv(folder / "checks.csv")
    doubts_path = folder / "doubts.csv"
    doubts = read_csv(doubts_path)
    return Package(
        disclosure=(read_csv(folder / "disclosure.csv") or [{}])[0],
        read=read_kinds(folder),
        explained=explained_kinds(checks, doubts),
        figures=count_figures(folder),
        checks=check_counts(checks),
        doubts=len(doubts) if doubts_path.exists() else None,
        rounding=sum(r.get("status") == "fail" and r.get("severity") == "rounding" for r in checks),
    )


# ---------------------------------------------------------------- one line per document


def normal_unit(name: str) -> str:
    """A unit name with notes, 本级 and the long forms of 中共 / 委 dropped, for comparing spellings."""
    name = re.sub(r"\s*\([^)]*\)", "", name)  # the README's notes: “(named only in 预算13表)”
    name = compact(name).replace("中国共产党", "中共").replace("委员会", "委")
    return re.sub(r"[（(]本级[)）]", "", name)


def found_fields(disclosure: dict[str, str]) -> dict[str, str]:
    """Unit, region, year, kind and scope as the package gives them ('' where not found)."""
    region = "".join(disclosure.get(k, "") for k in ("province", "city", "county"))
    return {
        "unit": disclosure.get("unit_name", ""),
        "region": region,
        "year": disclosure.get("fiscal_year", ""),
        "kind": disclosure.get("kind", ""),
        "scope": disclosure.get("scope", ""),
    }


def agrees(name: str, found: str, expected: str, aliases: str = "") -> bool:
    """Whether a found field is the expected one (a unit under any of its spellings)."""
    if name == "unit":
        return normal_unit(expected) in {normal_unit(found)} | {normal_unit(a) for a in aliases.split(";") if a}
    if name == "region":
        return compact(re.sub(r"\([^)]*\)", "", expected)) == compact(found)
    return expected.strip() == found.strip()


def verdict(name: str, found: str, expected: str, aliases: str = "") -> str:
    """`ok`, `wrong` or `missing` (no expectation: `found` or `missing`)."""
    if not found:
        return "missing"
    if not expected:
        return "found"
    return "ok" if agrees(name, found, expected, aliases) else "wrong"


@dataclass
class Document:
    """The coverage line of one source document."""

    file: str
    family: str
    status: str
    code: str
    disclosure_id: str = ""
    shared_with: list[str] = field(default_factory=list)
    found: dict[str, str] = field(default_factory=dict)
    expected: dict[str, str] = field(default_factory=dict)
    verdicts: dict[str, str] = field(default_factory=dict)
    listed: list[str] = field(default_factory=list)
    listed_from: str = ""
    read: list[str] = field(default_factory=list)
    explained: list[str] = field(default_factory=list)
    not_read: list[str] = field(default_factory=list)
    no_resource: list[str] = field(default_factory=list)
    figures: int = 0
    checks: dict[str, tuple[int, int]] = field(default_factory=dict)
    doubts: int | None = None
    rounding: int = 0

    @property
    def holding(self) -> int:
        return sum(h for h, _ in self.checks.values())

    @property
    def checked(self) -> int:
        return sum(n for _, n in self.checks.values())


def family_of(file: str) -> str:
    """The report's layout family of a file, from its name's first two parts (never used by the library)."""
    prefix = "_".join(file.split("_")[:2])
    return FAMILIES.get(prefix, prefix)


def summarise_document(entry: dict[str, Any], package: Package | None, expected: dict[str, str], listed: list[TableKind], listed_from: str) -> Document:
    """One document's coverage line from its build-report entry, its package and its printed tables."""
    file = Path(entry["path"]).name
    doc = Document(file, family_of(file), entry["status"], entry.get("code") or "", entry.get("disclosure_id") or "", expected=expected)
    doc.listed, doc.listed_from = [k.label for k in listed], listed_from
    found = found_fields(package.disclosure) if package else dict.fromkeys(FIELDS, "")
    aliases = package.disclosure.get("unit_aliases", "") if package else ""
    doc.found = found
    doc.verdicts = {name: verdict(name, found[name], expected.get(name, ""), aliases) for name in FIELDS}
    read = package.read if package else set()
    explained = package.explained if package else {}
    for kind in listed:
        why = explained.get(kind.name) or explained.get(ATTACHED)
        if kind.name not in PUBLISHED_KINDS:
            doc.no_resource.append(kind.label)
        elif kind.name in read:
            doc.read.append(kind.label)
        elif why:
            doc.explained.append(f"{kind.label} ({REASONS[why]})")
        else:
            doc.not_read.append(kind.label)
    if package:
        doc.figures, doc.checks, doc.doubts, doc.rounding = package.figures, package.checks, package.doubts, package.rounding
    return doc


def mark_shared(docs: list[Document]) -> None:
    """Note on each document the other files built into the same disclosure."""
    by_id: dict[str, list[str]] = {}
    for doc in docs:
        if doc.disclosure_id and doc.status == "ok":
            by_id.setdefault(doc.disclosure_id, []).append(doc.file)
    for doc in docs:
        doc.shared_with = [f for f in by_id.get(doc.disclosure_id, []) if f != doc.file] if doc.status == "ok" else []


def cover_folder(folder: Path, built: Path) -> list[Document]:
    """Coverage lines of every source the build reported on, in report order."""
    report = json.loads((built / "build-report.json").read_text(encoding="utf-8"))
    expectations = readme_expectations(folder)
    packages: dict[str, Package] = {}
    docs: list[Document] = []
    for entry in report["sources"]:
        source = folder / Path(entry["path"]).name
        pid = entry.get("disclosure_id") or ""
        if entry["status"] == "ok" and pid and pid not in packages and (built / pid).is_dir():
            packages[pid] = read_package(built / pid)
        listed, listed_from = printed_tables(source) if source.exists() else ([], "")
        package = packages.get(pid) if entry["status"] == "ok" else None
        docs.append(summarise_document(entry, package, expectations.get(source.name, {}), listed, listed_from))
    mark_shared(docs)
    return docs


# ---------------------------------------------------------------- totals


def totals(docs: list[Document]) -> dict[str, Any]:
    """Sums over documents; figures, identities and doubts count each disclosure once."""
    out: dict[str, Any] = {"documents": len(docs), "built": sum(d.status == "ok" for d in docs), "codes": dict(Counter(d.code for d in docs if d.status != "ok"))}
    for name in FIELDS:
        out[f"{name}_found"] = sum(d.verdicts.get(name) in ("ok", "wrong", "found") for d in docs)
        out[f"{name}_right"] = sum(d.verdicts.get(name) == "ok" for d in docs)
    out["wrong_fields"] = dict(Counter(n for d in docs for n in FIELDS if d.verdicts.get(n) == "wrong"))
    for key in ("listed", "read", "explained", "not_read", "no_resource"):
        out[key] = sum(len(getattr(d, key)) for d in docs)
    out["not_read_kinds"] = dict(Counter(k for d in docs for k in d.not_read).most_common())
    out["explained_kinds"] = dict(Counter(k for d in docs for k in d.explained).most_common())
    out.update(disclosure_totals({d.disclosure_id: d for d in docs if d.status == "ok"}.values()))
    return out


def disclosure_totals(docs: Iterable[Document]) -> dict[str, Any]:
    """Figures, checks and doubts summed over documents that are each a different disclosure."""
    docs = list(docs)
    checks: dict[str, list[int]] = {}
    for d in docs:
        for check, (holding, checked) in d.checks.items():
            pair = checks.setdefault(check, [0, 0])
            pair[0], pair[1] = pair[0] + holding, pair[1] + checked
    known = [d.doubts for d in docs if d.doubts is not None]
    other = [pair for check, pair in checks.items() if not check.startswith("classification-")]
    return {
        "disclosures": len(docs),
        "figures": sum(d.figures for d in docs),
        "holding": sum(h for h, _ in checks.values()),
        "checked": sum(n for _, n in checks.values()),
        "rounding": sum(d.rounding for d in docs),
        "holding_without_classification": sum(h for h, _ in other),
        "checked_without_classification": sum(n for _, n in other),
        "failing": dict(sorted(((c, n - h) for c, (h, n) in checks.items() if n > h), key=lambda x: -x[1])),
        "doubts": sum(known) if known else None,
    }


def by_family(docs: list[Document]) -> dict[str, dict[str, Any]]:
    """Totals per layout family, in order of first appearance."""
    families: dict[str, list[Document]] = {}
    for doc in docs:
        families.setdefault(doc.family, []).append(doc)
    return {name: totals(members) for name, members in families.items()}


# ---------------------------------------------------------------- markdown


MARK = {"ok": "✓", "missing": "—", "found": "found"}


def share(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "n/a"


def field_cell(doc: Document, name: str) -> str:
    v = doc.verdicts.get(name, "missing")
    return MARK.get(v, f"✗ {doc.found.get(name, '')}")


def document_row(doc: Document) -> str:
    build = "ok" if doc.status == "ok" and doc.code == "ok" else (f"ok ({doc.code})" if doc.status == "ok" else f"**{doc.code}**")
    if doc.shared_with:
        build += f" +{len(doc.shared_with)} file"
    listed = f"{len(doc.listed)} ({doc.listed_from})" if doc.listed else "none found"
    not_read = ", ".join(doc.not_read) or ""
    explained = ", ".join(doc.explained) or ""
    doubts = "n/a" if doc.doubts is None else str(doc.doubts)
    cells = [doc.file, build, *(field_cell(doc, n) for n in FIELDS), listed, str(len(doc.read)), explained, not_read, str(len(doc.no_resource)), str(doc.figures), f"{doc.holding}/{doc.checked}" + (f" (+{doc.rounding})" if doc.rounding else ""), doubts]
    return "| " + " | ".join(cells) + " |"


DOC_HEADER = (
    "| file | build | unit | region | year | kind | scope | tables printed | read | listed, explained | listed, not read | no resource | figures | identities hold/checked | doubts |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def total_row(label: str, t: dict[str, Any]) -> str:
    doubts = "n/a" if t["doubts"] is None else f"{t['doubts']} ({share(t['doubts'], t['figures'])} of figures)"
    fields = " · ".join(f"{n} {t[f'{n}_right']}/{t['documents']}" for n in FIELDS)
    return (
        f"| {label} | {t['documents']} | {t['built']} | {fields} | {t['listed']} | {t['read']} | {t['explained']} | {t['not_read']} | {t['no_resource']} "
        f"| {t['figures']:,} | {t['holding']:,}/{t['checked']:,} ({share(t['holding'], t['checked'])}) "
        f"| {t['rounding']:,} ({share(t['holding'] + t['rounding'], t['checked'])}) | {doubts} |"
    )


TOTAL_HEADER = (
    "| | documents | built | fields right (unit · region · year · kind · scope) | tables printed | read | explained | not read | no resource | figures | identities hold/checked "
    "| fail by rounding only (hold or rounding) | doubts |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def counted(items: dict[str, int], limit: int = 8) -> str:
    return ", ".join(f"{name} ×{n}" for name, n in sorted(items.items(), key=lambda x: -x[1])[:limit]) or "none"


def failures_line(t: dict[str, Any]) -> str:
    """What fails in a group: builds, fields, tables not read, checks."""
    without = share(t["holding_without_classification"], t["checked_without_classification"])
    return (
        f"failed builds: {counted(t['codes'])}; fields wrong: {counted(t['wrong_fields'])}; tables not read: {counted(t['not_read_kinds'])}; explained: {counted(t['explained_kinds'])}; "
        f"failing checks: {counted(t['failing'])}, of which {t['rounding']} by the source's rounding only (without classification-* checks {without} hold)"
    )


def folder_markdown(folder: Path, docs: list[Document], seconds: float | None) -> list[str]:
    t = totals(docs)
    took = f" (build {seconds:.0f} s)" if seconds is not None else ""
    lines = [f"### `{folder.name}`{took}", "", DOC_HEADER, *(document_row(d) for d in docs), "", TOTAL_HEADER, total_row("**total**", t)]
    lines += [total_row(name, ft) for name, ft in by_family(docs).items()]
    lines += ["", f"Total: {failures_line(t)}.", ""]
    lines += [f"- {name}: {failures_line(ft)}" for name, ft in by_family(docs).items()]
    return lines + [""]


def report_markdown(results: list[tuple[Path, list[Document], float | None]], command: str) -> str:
    """The Coverage section: what was run, what the columns mean, and one table per folder."""
    head = [
        f"{SECTION} of real disclosures ({date.today().isoformat()})",
        "",
        f"`{command}`: builds each folder with `python build.py --source FOLDER --datapackages TMP --no-site --no-cache --jobs 2 -q`, "
        + "then reads only the published `build-report.json` and package CSVs (2 cores shared with other work).",
        "",
        "- unit … scope: ✓ agrees with the folder's README table, ✗ found but different (the value found), — not found.",
        "- tables printed: the standard tables the document lists in its 目录, or (without a 目录 that lists tables) whose titles head its pages.",
        "- read: of those, tables the package publishes figures from (`source_table` of totals, expenditure_by_function, "
        + "basic_expenditure_by_economic with origin `table`; revenue_by_source rows of origin `table` for the 收支总表; three_public rows of origin `table`; any projects or performance_indicators row). "
        + "A table no resource holds (收入总表, 财政拨款收支总表, 政府性基金, 国有资本经营, 政府采购 …) counts as “no resource”.",
        "- explained: listed tables not read for a reason the package gives: the document prints no table and names its tables as an attachment "
        + "(附件：…报表; `required-table-present` not applicable), it says why a table is missing, the table is printed empty (header only: 空表), "
        + "its figures are read only to be compared with the table they duplicate (`table-figures-agree`, e.g. a 财政拨款支出表 against the 一般公共预算支出表), "
        + "or its figures are in doubts.",
        "- figures: non-empty amount cells (columnType `value`) across the package; identities: checks with status pass/fail, and those that pass. "
        + "Figures, identities and doubts of a disclosure built from two files count once in the totals. "
        + "(+n) and “fail by rounding only”: failing checks of severity `rounding` (at most 0.01 万元 per figure summed: the source rounded its parts and its total "
        + "separately, which no reading can change); “hold or rounding” is the share of identities that hold or fail by the source's rounding only, "
        + "the measure of the build's own misreadings.",
        "- doubts: rows of `doubts.csv`, n/a while packages have none.",
        "",
    ]
    body = [line for folder, docs, seconds in results for line in folder_markdown(folder, docs, seconds)]
    return "\n".join(head + body).rstrip() + "\n"


def replace_section(text: str, section: str) -> str:
    """``text`` with its Coverage section (up to the next `## ` heading) replaced by ``section``, or it appended."""
    return published.replace_section(text, section, SECTION)


# ---------------------------------------------------------------- command line


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], epilog="Defaults: both ../shared/corpus and ../shared/corpus-wide.")
    parser.add_argument("folders", nargs="*", type=Path, default=list(DEFAULT_FOLDERS), help="folders of source documents to build and measure")
    parser.add_argument("--write", action="store_true", help=f"write the Coverage section into {RESULTS.relative_to(ROOT)} (replacing an earlier one)")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the per-document lines and totals as JSON")
    parser.add_argument("--out", type=Path, metavar="DIR", help="keep the builds in DIR/<folder name> (default: a temporary folder, removed)")
    parser.add_argument("--no-build", action="store_true", help="measure the builds already in --out instead of building again")
    args = parser.parse_args(argv)
    if args.no_build and not args.out:
        parser.error("--no-build needs --out")
    return args


def command_line(args: argparse.Namespace) -> str:
    words = ["python benchmarks/coverage.py", *(str(f) for f in args.folders if f not in DEFAULT_FOLDERS or len(args.folders) != 2)]
    return " ".join(words + (["--write"] if args.write else []))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    work = args.out or Path(tempfile.mkdtemp(prefix="cnbudget-coverage-"))
    results: list[tuple[Path, list[Document], float | None]] = []
    try:
        for folder in args.folders:
            built = work / folder.name
            seconds = None if args.no_build else run_build(folder.resolve(), built)
            results.append((folder, cover_folder(folder, built), seconds))
    finally:
        if not args.out:
            shutil.rmtree(work, ignore_errors=True)
    section = report_markdown(results, command_line(args))
    print(section)
    if args.write:
        RESULTS.write_text(replace_section(RESULTS.read_text(encoding="utf-8"), section), encoding="utf-8")
    if args.json:
        data = {str(f): {"documents": [asdict(d) for d in docs], "total": totals(docs), "families": by_family(docs)} for f, docs, _ in results}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

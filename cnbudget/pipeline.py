"""The build: read → recognise → normalise → check → package → render.

Each source is read and recognised on its own (in worker processes with --jobs);
documents that say they are the same disclosure (unit, year, kind, scope) are then
put together, normalised, checked and packaged. A failure in one source is caught at
that boundary, reported, and the rest of the build goes on.
"""

from __future__ import annotations

import csv
import re
import shutil
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .checks import check_disclosure
from .identify import Identity, canonical_unit, identify, merge_identities
from .model import Block, Disclosure, Document, Line
from .narrative import prose_text, statements
from .normalise import normalise_disclosure
from .package import write_all_package, write_package
from .read import SOURCE_SUFFIXES, UnreadableSource, read_source
from .recognise import recognise_blocks

Log = Callable[[str], None]
MANIFEST = "sources.csv"


@dataclass
class SourceResult:
    path: Path
    document: Document | None = None
    blocks: list[Block] = field(default_factory=list)
    identity: Identity | None = None
    error: tuple[str, str, int | None] | None = None  # code, message, page


@dataclass
class BuildReport:
    entries: list[dict[str, object]] = field(default_factory=list)
    disclosures: list[Disclosure] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return any(e["status"] == "failed" for e in self.entries)


def find_sources(paths: list[Path]) -> list[Path]:
    """Every source file under the given files and folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
        elif path.is_file():
            found.append(path)
    return sorted(dict.fromkeys(found), key=lambda p: (p.name, str(p)))


def read_manifest(paths: list[Path]) -> dict[str, dict[str, str]]:
    """Publisher, URL, title and date of each source file, from ``sources.csv`` beside it."""
    manifest: dict[str, dict[str, str]] = {}
    folders = {p if p.is_dir() else p.parent for p in paths}
    for folder in sorted(folders):
        path = folder / MANIFEST
        if path.is_file():
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    if row.get("file"):
                        manifest[row["file"]] = {k: (v or "").strip() for k, v in row.items() if k != "file"}
    return manifest


def read_one(path: Path, debug: bool = False) -> SourceResult:
    """A source read and recognised, or the reason it could not be."""
    result = SourceResult(path)
    try:
        document = read_source(path)
        blocks = recognise_blocks(document.lines)
        tables = [line for b in blocks if b.kind != "narrative" for line in b.lines]
        result.document, result.blocks = document, blocks
        result.identity = identify(document.lines, tables)
    except UnreadableSource as exc:
        result.error = (exc.code, str(exc), exc.page)
    except Exception as exc:  # the per-source boundary: report, keep building
        if debug:
            raise
        result.error = ("internal-error", f"{type(exc).__name__}: {exc} (run with --debug for the traceback)", None)
    return result


_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)|(?<![\d.,])\d{2,}\.\d{2}(?!\d)")


def _figures(result: SourceResult) -> set[str]:
    """The distinct amounts (with two decimals) a source prints, commas removed."""
    assert result.document is not None
    return {m.replace(",", "") for line in result.document.lines for m in _AMOUNT.findall(line.text)}


def pair_by_figures(orphan: SourceResult, groups: dict[Key, list[SourceResult]]) -> Key | None:
    """The disclosure a file that names no unit belongs to: same year and kind, the most shared figures.

    A narrative file whose cover is an image still states its totals; the tables file of the
    same disclosure prints the same amounts. At least three shared figures, and a clear winner.
    """
    assert orphan.identity is not None
    mine = _figures(orphan)
    scores = []
    for key, members in groups.items():
        if key[1] == orphan.identity.fiscal_year and key[2] == orphan.identity.kind:
            theirs = set().union(*(_figures(m) for m in members))
            scores.append((len(mine & theirs), key))
    scores.sort(key=lambda s: -s[0])
    if not scores or scores[0][0] < 3 or (len(scores) > 1 and scores[1][0] * 2 > scores[0][0]):
        return None
    return scores[0][1]


Key = tuple[str, int | None, str | None, str]


def _key(identity: Identity) -> tuple[str, int | None, str | None, str]:
    return (canonical_unit(identity.unit_name, identity.region), identity.fiscal_year, identity.kind, identity.scope)


def build_disclosure(results: list[SourceResult], manifest: dict[str, dict[str, str]]) -> Disclosure:
    """One disclosure from the sources that make it up: normalised and checked."""
    documents = [r.document for r in results if r.document is not None]
    blocks: list[Block] = []
    lines: list[Line] = []
    for r in results:
        blocks.extend(r.blocks)
        if r.document is not None:
            lines.extend(r.document.lines)
    narrative = [b for b in blocks if b.kind == "narrative"]
    merged = [Block("narrative", "", [line for b in narrative for line in b.lines], None)] + [b for b in blocks if b.kind != "narrative"]
    identity = merge_identities([r.identity for r in results if r.identity is not None])
    disclosure = normalise_disclosure(documents, merged, identity, manifest)
    prose = prose_text(merged[0].lines)
    disclosure.rows["_prose"] = [prose]  # type: ignore[list-item]
    disclosure.rows["_all_statements"] = [s.__dict__ for s in statements(prose_text(lines))]
    disclosure.rows["_empty_explained"] = [line.text for line in lines if "空表" in line.text or "本表无数据" in line.text or "无数据" in line.text]  # type: ignore[misc]
    check_disclosure(disclosure)
    return disclosure


def build(
    sources: list[Path],
    datapackages: Path,
    site: Path | None,
    templates: Path,
    *,
    jobs: int = 1,
    log: Log = print,
    debug: bool = False,
) -> BuildReport:
    """Build every package (and the site) from the sources; return what happened to each."""
    report = BuildReport()
    files = find_sources(sources)
    manifest = read_manifest(sources)
    log(f"read: {len(files)} source files")
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(read_one, files, [debug] * len(files)))
    else:
        results = [read_one(f, debug) for f in files]
    groups: dict[Key, list[SourceResult]] = {}
    orphans: list[SourceResult] = []
    for result in results:
        if result.error is not None:
            code, message, page = result.error
            report.entries.append({"path": str(result.path), "status": "failed", "code": code, "message": message, "page": page})
            log(f"failed: {result.path}: {message}")
            continue
        assert result.identity is not None
        if result.identity.fiscal_year and not result.identity.unit_name:
            orphans.append(result)
            continue
        if not result.identity.unit_name or not result.identity.fiscal_year:
            report.entries.append({"path": str(result.path), "status": "failed", "code": "not-a-disclosure", "message": "no unit name and fiscal year found: this does not read as a budget or final-accounts disclosure", "page": None})
            log(f"failed: {result.path}: not a disclosure")
            continue
        groups.setdefault(_key(result.identity), []).append(result)
    for orphan in orphans:
        key = pair_by_figures(orphan, groups)
        if key is None:
            report.entries.append({"path": str(orphan.path), "status": "failed", "code": "unit-unknown", "message": f"the document gives its year ({orphan.identity.fiscal_year}) but not its unit's name, and its figures match no other source's tables; add the file that holds its tables, or a cover page naming the unit", "page": None})  # type: ignore[union-attr]
            log(f"failed: {orphan.path}: unit unknown")
            continue
        log(f"pair: {orphan.path.name} names no unit; its figures match {groups[key][0].path.name}")
        groups[key].append(orphan)
    log(f"recognise: {len(groups)} disclosures")
    for key in sorted(groups, key=lambda k: (k[0], k[1] or 0, k[2] or "", k[3])):
        members = groups[key]
        try:
            disclosure = build_disclosure(members, manifest)
        except Exception as exc:  # the per-disclosure boundary
            if debug:
                raise
            for m in members:
                report.entries.append({"path": str(m.path), "status": "failed", "code": "internal-error", "message": f"{type(exc).__name__}: {exc}", "page": None, "trace": traceback.format_exc(limit=3)})
            continue
        report.disclosures.append(disclosure)
        for m in members:
            problems = [p for p in disclosure.problems]
            report.entries.append(
                {
                    "path": str(m.path),
                    "status": "ok",
                    "disclosure_id": disclosure.id,
                    "code": problems[0].code if problems else "ok",
                    "message": "; ".join(f"{p.code}: {p.message}" for p in problems[:5]) or "built",
                    "page": None,
                }
            )
    seen: dict[str, Disclosure] = {}
    for d in report.disclosures:
        if d.id in seen:
            log(f"warning: two disclosures share the id {d.id}")
        seen[d.id] = d
    log(f"package: {len(report.disclosures)} packages into {datapackages}")
    datapackages.mkdir(parents=True, exist_ok=True)
    for disclosure in report.disclosures:
        write_package(disclosure, datapackages / disclosure.id, manifest)
    write_all_package(report.disclosures, datapackages / "all", manifest)
    current = {d.id for d in report.disclosures} | {"all"}
    for folder in sorted(datapackages.iterdir()):
        if folder.is_dir() and (folder / "datapackage.json").exists() and folder.name not in current:
            log(f"package: removing {folder.name}, which no source gives any more")
            shutil.rmtree(folder)
    if site is not None:
        from .render import render_site

        log(f"render: site into {site}")
        if site.exists():
            shutil.rmtree(site)
        render_site(datapackages, site, templates, log=log)
    return report

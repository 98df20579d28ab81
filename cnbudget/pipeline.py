"""The build: read → recognise → normalise → check → package → render.

Each source is read and recognised on its own (in worker processes with --jobs);
documents that say they are the same disclosure (unit, year, kind, scope) are then
put together, normalised, checked and packaged. A failure in one source is caught at
that boundary, reported, and the rest of the build goes on.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import signal
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .cache import Cache, code_digest
from .checks import check_disclosure
from .identify import Identity, canonical_unit, identify, merge_identities
from .inputs import accept_inputs, nothing_read  # safety: every path given gets a report entry; a build that reads nothing removes nothing
from .model import Block, Disclosure, Document, Line
from .narrative import prose_text, statements
from .normalise import normalise_disclosure
from .publication import owned_outputs, pending  # safety: owned folders, one build at a time, published together
from .publish import publish_packages, staged
from .read import SOURCE_SUFFIXES, UnreadableSource, read_source
from .recognise import recognise_blocks
from .workers import Stopped, build_in_worker, read_in_workers  # safety: bounded work per source

Log = Callable[[str], None]
MANIFEST = "sources.csv"


@dataclass
class SourceResult:
    path: Path
    document: Document | None = None
    blocks: list[Block] = field(default_factory=list)
    identity: Identity | None = None
    error: tuple[str, str, int | None] | None = None  # code, message, page
    seconds: float = 0.0  # what reading it took: counted against the time limit of building its disclosure


@dataclass
class BuildReport:
    entries: list[dict[str, object]] = field(default_factory=list)
    disclosures: list[Disclosure] = field(default_factory=list)
    inputs: dict[str, str] = field(default_factory=dict)  # disclosure id → digest of what it was built from

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
        if os.access(path, os.R_OK) and path.is_file():  # an unlistable folder: no manifest, not a traceback
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    if row.get("file"):
                        manifest[row["file"]] = {k: (v or "").strip() for k, v in row.items() if k != "file"}
    return manifest


@dataclass(frozen=True)
class Limits:
    """What one source may cost before it is stopped and reported."""

    seconds: float = 300.0
    pages: int = 1000
    memory: int = 1024  # MB a worker may take beyond what it starts with (workers.py); 0: no limit


class _TimeLimit(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _TimeLimit


def read_one(path: Path, debug: bool = False, limits: Limits = Limits()) -> SourceResult:
    """A source read and recognised, or the reason it could not be."""
    result = SourceResult(path)
    # A hostile or broken PDF can make pdfminer loop for hours: an interval timer interrupts
    # the reading (the worker's main thread, or the main thread with --jobs 1).
    timed = limits.seconds > 0 and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limits.seconds)
    try:
        document = read_source(path, limits.pages)
        blocks = recognise_blocks(document.lines)
        tables = [line for b in blocks if b.kind != "narrative" for line in b.lines]
        result.document, result.blocks = document, blocks
        result.identity = identify(document.lines, tables)
    except UnreadableSource as exc:
        result.error = (exc.code, str(exc), exc.page)
    except _TimeLimit:
        result.error = ("time-limit", f"reading took longer than the limit of {limits.seconds:g} s and was stopped; the file may be damaged or built to stall readers (raise --time-limit if it is a genuine, very large disclosure)", None)
    except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        result.error = ("unreadable-file", f"the file cannot be opened ({exc.strerror or type(exc).__name__}); check that it exists and is readable", None)
    except RecursionError:
        result.error = ("damaged-pdf", "the file's structure nests too deeply to read (a damaged or hostile PDF)", None)
    except MemoryError:  # the worker's memory limit; workers.py names it in the message
        result.error = ("memory-limit", "reading it needed more memory than a worker may take", None)
    except Exception as exc:  # the per-source boundary: report, keep building
        if debug:
            raise
        result.error = ("internal-error", f"{type(exc).__name__}: {exc} (a bug in cnbudget; run with --debug for the traceback and report it)", None)
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return result


def read_all(
    files: list[Path],
    jobs: int,
    debug: bool,
    limits: Limits,
    progress: Callable[[int, int], None] | None = None,
    cache: Cache | None = None,
    scheduler: str | None = None,
) -> list[SourceResult]:
    """Every source read, in the order of ``files`` whatever the number of workers.

    A source whose bytes and reader are unchanged since it was last read comes from the cache;
    the others are read in worker processes (``jobs``) or on a Dask cluster (``scheduler``).
    """
    found: dict[Path, SourceResult] = {}
    if cache is not None:
        for f in files:
            hit = cache.get(f)
            if hit is not None:
                found[f] = hit
    todo = [f for f in files if f not in found]
    done = len(found)

    def tick() -> None:
        if progress:
            progress(done, len(files))

    tick()
    if scheduler is not None and todo:
        from .cluster import read_on_cluster

        fresh: Iterable[SourceResult] = read_on_cluster(scheduler, todo, debug, limits)
    else:  # safety: each source in a worker process bounded in time and memory (was a ProcessPoolExecutor)
        fresh = read_in_workers(read_one, todo, jobs, debug, limits)
    for f, result in zip(todo, fresh):
        found[f] = result
        if cache is not None:
            cache.put(f, result)
        done += 1
        tick()
    return [found[f] for f in files]


def display_path(path: Path, roots: list[Path]) -> str:
    """The source's path as the report shows it: relative to the folder given, so it reads the same on every machine."""
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return f"{root.name}/{path.relative_to(root).as_posix()}"
    return path.name


def _contents(result: SourceResult) -> set[str]:
    kinds = {b.kind for b in result.blocks if b.kind != "narrative"}
    return kinds or {"narrative"}


def _same_content(a: SourceResult, b: SourceResult) -> bool:
    """Whether two files print mostly the same figures: two copies of one document, not a narrative and its tables."""
    fa, fb = _figures(a), _figures(b)
    if not fa or not fb:
        return False
    return len(fa & fb) / len(fa | fb) >= 0.7


def drop_duplicates(members: list[SourceResult], names: dict[Path, str]) -> tuple[list[SourceResult], list[tuple[SourceResult, str, str]]]:
    """The sources that make up one disclosure, and those that repeat it (with a code and why).

    A narrative file and a tables file complement each other and share only a few figures; two
    files that print mostly the same figures are two copies of the disclosure. The same bytes twice: the first by name
    is kept. Different files: the one with more recognised tables, then the first by name.
    """
    kept: list[SourceResult] = []
    dropped: list[tuple[SourceResult, str, str]] = []
    ranked = sorted(members, key=lambda r: (-len(_contents(r) - {"narrative"}), names[r.path]))
    for result in ranked:
        assert result.document is not None
        same = next((k for k in kept if k.document is not None and k.document.source.sha256 == result.document.source.sha256), None)
        if same is not None:
            dropped.append((result, "duplicate-source", f"the same bytes as {names[same.path]}, which is used"))
            continue
        clash = next((k for k in kept if _same_content(k, result)), None)
        if clash is not None:
            why = "it has more recognised tables" if len(_contents(clash)) > len(_contents(result)) else "it comes first by name"
            dropped.append((result, "duplicate-disclosure", f"gives the same disclosure as {names[clash.path]}, which is used because {why}; remove one of the two, or check that they are the same document"))
            continue
        kept.append(result)
    kept.sort(key=lambda r: names[r.path])
    return kept, dropped


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


def inputs_digest(members: list[SourceResult], names: dict[Path, str], manifest: dict[str, dict[str, str]]) -> str:
    """What a disclosure is built from: its sources' bytes and names, their manifest rows, the code, SOURCE_DATE_EPOCH."""
    digest = hashlib.sha256(code_digest().encode())
    for m in sorted(members, key=lambda r: names[r.path]):
        assert m.document is not None
        digest.update(f"{names[m.path]}\0{m.document.source.sha256}\0".encode())
        digest.update(json.dumps(manifest.get(m.path.name, {}), sort_keys=True, ensure_ascii=False).encode())
    digest.update(os.environ.get("SOURCE_DATE_EPOCH", "").encode())
    return digest.hexdigest()


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


@owned_outputs  # safety: refuses output folders not its own, locks them, publishes packages and site together
def build(
    sources: list[Path],
    datapackages: Path,
    site: Path | None,
    templates: Path,
    *,
    jobs: int = 1,
    log: Log = print,
    debug: bool = False,
    limits: Limits = Limits(),
    progress: Callable[[int, int], None] | None = None,
    cache: Path | None = None,
    scheduler: str | None = None,
) -> BuildReport:
    """Build every package (and the site) from the sources; return what happened to each."""
    report = BuildReport()
    files = accept_inputs(sources, report.entries, log)  # safety: was find_sources(sources)
    names = {f: display_path(f, sources) for f in files}
    manifest = read_manifest(sources)
    log(f"read: {len(files)} source files")
    store = Cache(cache) if cache is not None else None
    results = read_all(files, jobs, debug, limits, progress, store, scheduler)
    if store is not None and (store.hits or store.misses):
        log(f"cache: {store.hits} sources unchanged, {store.misses} read")

    def fail(result: SourceResult, code: str, message: str, page: int | None = None) -> None:
        report.entries.append({"path": names[result.path], "status": "failed", "code": code, "message": message, "page": page})
        log(f"failed: {names[result.path]}: {message}" + (f" (page {page})" if page else ""))

    groups: dict[Key, list[SourceResult]] = {}
    orphans: list[SourceResult] = []
    for result in results:
        if result.error is not None:
            fail(result, *result.error)
            continue
        assert result.identity is not None
        if result.identity.fiscal_year and not result.identity.unit_name:
            orphans.append(result)
        elif not result.identity.unit_name or not result.identity.fiscal_year:
            fail(result, "not-a-disclosure", "no unit name and fiscal year found: this does not read as a budget or final-accounts disclosure (部门预算/决算); if it is one, its title page may be an image")
        else:
            groups.setdefault(_key(result.identity), []).append(result)
    for orphan in orphans:
        key = pair_by_figures(orphan, groups)
        if key is None:
            fail(orphan, "unit-unknown", f"the document gives its year ({orphan.identity.fiscal_year}) but not its unit's name, and its figures match no other source's tables; add the file that holds its tables, or a cover page naming the unit")  # type: ignore[union-attr]
            continue
        log(f"pair: {names[orphan.path]} names no unit; its figures match {names[groups[key][0].path]}")
        groups[key].append(orphan)
    log(f"recognise: {len(groups)} disclosures")
    for key in sorted(groups, key=lambda k: (k[0], k[1] or 0, k[2] or "", k[3])):
        members, dropped = drop_duplicates(groups[key], names)
        inputs = inputs_digest(members, names, manifest)
        try:
            cached = store.get_disclosure(inputs) if store is not None else None
            disclosure = cached if cached is not None else build_in_worker(build_disclosure, members, manifest, limits)  # safety
            if store is not None and cached is None:
                store.put_disclosure(inputs, disclosure)
            report.inputs[disclosure.id] = inputs
        except Stopped as exc:  # safety: its worker's time or memory limit
            for m in members:
                fail(m, exc.code, str(exc))
            continue
        except Exception as exc:  # the per-disclosure boundary
            if debug:
                raise
            for m in members:
                fail(m, "internal-error", f"{type(exc).__name__}: {exc} (a bug in cnbudget; run with --debug for the traceback and report it)")
            continue
        report.disclosures.append(disclosure)
        for m in members:
            problems = disclosure.problems
            report.entries.append(
                {
                    "path": names[m.path],
                    "status": "ok",
                    "disclosure_id": disclosure.id,
                    "code": problems[0].code if problems else "ok",
                    "message": "; ".join(f"{p.code}: {p.message}" for p in problems[:5]) or "built",
                    "page": None,
                }
            )
        for m, code, why in dropped:
            report.entries.append({"path": names[m.path], "status": "skipped", "disclosure_id": disclosure.id, "code": code, "message": why, "page": None})
            log(f"skipped: {names[m.path]}: {why}")
    report.entries.sort(key=lambda e: str(e["path"]))
    if nothing_read(results, datapackages, log):  # safety: a build that read nothing removes nothing
        return report
    log(f"package: {len(report.disclosures)} packages into {datapackages}")
    publish_packages(report, datapackages, manifest, log, store)
    if site is not None:
        from .render import render_site

        digest = site_digest(pending(datapackages), templates)  # safety: the packages staged, not yet published
        if (site / SITE_DIGEST).is_file() and (site / SITE_DIGEST).read_text(encoding="utf-8") == digest:
            log(f"render: {site} is up to date (same packages, templates and code)")
            return report
        log(f"render: site into {site}")
        with staged(site) as staging:
            render_site(pending(datapackages), staging, templates, log=log)  # safety: was datapackages
            (staging / SITE_DIGEST).write_text(digest, encoding="utf-8")
    return report


SITE_DIGEST = ".cnbudget-digest"


def site_digest(datapackages: Path, templates: Path) -> str:
    """What the site is made from: the packages, the templates and the library's code."""
    digest = hashlib.sha256(code_digest().encode())
    for root in (datapackages, templates):
        for path in sorted(root.rglob("*")):
            if path.is_file():
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()

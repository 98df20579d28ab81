"""The build: read → recognise → normalise → check → package → render.

Each source is read and recognised on its own (in worker processes with --jobs);
documents that say they are the same disclosure (unit, year, kind, scope) are then
put together, normalised, checked and packaged. A failure in one source is caught at
that boundary, reported, and the rest of the build goes on.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from cnbudget.checks import check_disclosure
from cnbudget.model import Block, BuildReport, Disclosure, Line, PackedRows, SourceResult
from cnbudget.normalise.disclosure import normalise_disclosure
from cnbudget.normalise.evidence import document_evidence
from cnbudget.package.partial import refresh_view
from cnbudget.package.publication import after_publish, keep_views_in, owned_outputs, pending, staged
from cnbudget.package.publish import publish_packages
from cnbudget.package.structure import text_errors
from cnbudget.package.write import package_texts
from cnbudget.pipeline.cache import Cache, FileHashes, code_digest, entry_digests, files_under
from cnbudget.pipeline.inputs import accept_inputs, nothing_read
from cnbudget.pipeline.per_source import Limits, warm
from cnbudget.pipeline.shard_render import render_shards
from cnbudget.pipeline.sources import display_path, read_manifest
from cnbudget.pipeline.work import read_all, unpack
from cnbudget.pipeline.workers import Failed, Stopped, build_in_workers
from cnbudget.recognise.group import Key, collisions, disclosure_key, drop_duplicates, pair_by_figures
from cnbudget.recognise.identify import merge_identities
from cnbudget.recognise.refusals import not_a_disclosure, region_unknown, unit_unknown
from cnbudget.render.config import load_config
from cnbudget.render.shards import SHARD_LIMIT, Shard, plan_shards

Log = Callable[[str], None]


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
    for r in results:
        unpack(r)
    documents = [r.document for r in results if r.document is not None]
    blocks: list[Block] = []
    lines: list[Line] = []
    for r in results:
        for block in r.blocks:
            block.file = r.path.name  # pages count in their own file
        blocks.extend(r.blocks)
        if r.document is not None:
            lines.extend(r.document.lines)
    identity = merge_identities([r.identity for r in results if r.identity is not None])
    disclosure = normalise_disclosure(documents, blocks, identity, manifest)
    document_evidence(disclosure, lines)
    check_disclosure(disclosure)
    # validated here, in its worker, as it will be written (the main process only writes it)
    disclosure.package_errors = text_errors(*package_texts(disclosure, manifest))
    disclosure.rows = PackedRows.of(disclosure.rows)  # the build holds every disclosure until it publishes them
    return disclosure


@owned_outputs  # refuses output folders not its own, locks them, publishes packages and site together
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
    shards: str = "auto",
    shard_limit: int = SHARD_LIMIT,
    validate: str = "structure",
) -> BuildReport:
    """Build every package (and the site) from the sources; return what happened to each."""
    report = BuildReport()
    files = accept_inputs(sources, report.entries, log)  # every path given gets a report entry
    names = {f: display_path(f, sources) for f in files}
    manifest = read_manifest(sources)
    log(f"read: {len(files)} source files")
    store = Cache(cache) if cache is not None else None
    if cache is not None:
        keep_views_in(cache / "views")  # a rebuild updates the links that show its staged packages, not one per package
    clock = Clock(log)
    warm()  # what every worker needs, loaded once here: the workers are forked from this process
    results = read_all(files, jobs, debug, limits, progress, store, scheduler, packed=True)
    if store is not None and (store.hits or store.misses):
        log(f"cache: {store.hits} sources unchanged, {store.misses} read")
    clock.lap("read")

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
            fail(result, "not-a-disclosure", not_a_disclosure(result.identity))
        elif result.identity.region is None and result.identity.level != "central":
            fail(result, "region-unknown", region_unknown(result.identity))
        else:
            groups.setdefault(disclosure_key(result.identity), []).append(result)
    if orphans:  # pairing compares every source's figures
        for result in results:
            unpack(result)
    for orphan in orphans:
        key = pair_by_figures(orphan, groups)
        if key is None:
            fail(orphan, "unit-unknown", unit_unknown(orphan.identity))  # type: ignore[arg-type]
            continue
        log(f"pair: {names[orphan.path]} names no unit; its figures match {names[groups[key][0].path]}")
        groups[key].append(orphan)
    log(f"recognise: {len(groups)} disclosures")
    todo: list[tuple[list[SourceResult], list[tuple[SourceResult, str, str]], str, Disclosure | None]] = []
    for key in sorted(groups, key=lambda k: (k[0], k[1] or 0, k[2] or "", k[3])):
        if len(groups[key]) > 1:  # telling copies from complements compares their figures and tables
            for result in groups[key]:
                unpack(result)
        members, dropped = drop_duplicates(groups[key], names)
        clashes = collisions(members, dropped, names)
        for m, why in clashes:
            fail(m, "disclosure-id-collision", why)
        if not clashes:
            inputs = inputs_digest(members, names, manifest)
            todo.append((members, dropped, inputs, store.get_disclosure(inputs) if store is not None else None))
    # the disclosures not in the cache are built in parallel workers, each within its limits; results in order
    built = iter(build_in_workers(build_disclosure, [t[0] for t in todo if t[3] is None], manifest, limits, jobs))
    for members, dropped, inputs, cached in todo:
        outcome = cached if cached is not None else next(built)
        for m in members + [d[0] for d in dropped]:  # its documents are not needed again: memory for the next
            m.document, m.blocks, m.packed = None, [], None
        if isinstance(outcome, Stopped):  # its worker's time or memory limit
            for m in members:
                fail(m, outcome.code, str(outcome))
            continue
        if isinstance(outcome, Failed):  # the per-disclosure boundary
            if debug:
                raise RuntimeError(outcome.traceback)
            for m in members:
                fail(m, "internal-error", f"{outcome.name}: {outcome.message} (a bug in cnbudget; run with --debug for the traceback and report it)")
            continue
        disclosure = outcome
        if store is not None and cached is None:
            store.put_disclosure(inputs, disclosure)
        report.inputs[disclosure.id] = inputs
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
                    "page": problems[0].page if problems and m.path.name in problems[0].file.split(";") else None,
                }
            )
        for m, code, why in dropped:
            report.entries.append({"path": names[m.path], "status": "skipped", "disclosure_id": disclosure.id, "code": code, "message": why, "page": None})
            log(f"skipped: {names[m.path]}: {why}")
    if hasattr(built, "close"):  # the workers stop now, not when the collector finds them (during a render, or in a later build)
        built.close()
    report.entries.sort(key=lambda e: str(e["path"]))
    clock.lap("normalise and check")
    if nothing_read(results, datapackages, log):  # a build that read nothing removes nothing
        return report
    log(f"package: {len(report.disclosures)} packages into {datapackages}")
    before = store.published(datapackages) if store is not None else None
    if store is not None:  # no record while the swap is pending, so a crash never vouches for unpublished packages
        store.record_published(datapackages, {})
        after_publish(lambda: store.record_published(datapackages, report.inputs))
        if cache is not None:  # the links that show the packages as published, ready for the next build's few changes
            after_publish(functools.partial(refresh_view, datapackages, cache / "views"))
    publish_packages(report, datapackages, manifest, log, before, validate)
    clock.lap("package")
    if site is not None:
        from cnbudget.render.site import render_site

        packages = pending(datapackages)  # the packages staged, not yet published
        plan = plan_shards(packages, shards, shard_limit)
        hashes = FileHashes(cache / "file-hashes.json" if cache is not None else None)  # unchanged files are not read again
        entries = entry_digests(packages, hashes)
        digest = site_digest(packages, templates, plan, hashes, entries)
        if (site / SITE_DIGEST).is_file() and (site / SITE_DIGEST).read_text(encoding="utf-8") == digest:
            log(f"render: {site} is up to date (same packages, templates and code)")
            hashes.save()
            return report
        log(f"render: site into {site}")
        with staged(site, partial=bool(plan) and (site / "shards.json").is_file()) as staging:  # a sharded site: only the shards that change
            if plan:
                render_shards(packages, plan, staging, site, templates, jobs=jobs, scheduler=scheduler, log=log, hashes=hashes, entries=entries)
            else:
                render_site(packages, staging, templates, log=log)
            (staging / SITE_DIGEST).write_text(digest, encoding="utf-8")
        hashes.save()
        clock.lap("render")
    return report


class Clock:
    """The seconds each stage of the build took, logged as ``time: STAGE N s`` (benchmarks/scale.py reads them)."""

    def __init__(self, log: Log) -> None:
        self.log, self.start = log, time.monotonic()

    def lap(self, stage: str) -> None:
        """Returns nothing: logs the seconds since the last lap as ``stage``'s and starts the next."""
        now = time.monotonic()
        self.log(f"time: {stage} {now - self.start:.1f} s")  # float-ok: wall seconds, not an amount
        self.start = now


SITE_DIGEST = ".cnbudget-digest"


def site_digest(datapackages: Path, templates: Path, plan: list[Shard] | None = None, hashes: FileHashes | None = None, entries: dict[str, str] | None = None) -> str:
    """What the site is made from: the packages (``entries``: each one's digest), the templates, the library's code, the site's settings and its shards."""
    hashes = hashes if hashes is not None else FileHashes(None)
    entries = entries if entries is not None else entry_digests(datapackages, hashes)
    digest = hashlib.sha256(code_digest().encode())
    digest.update(repr(load_config()).encode())  # [tool.cnbudget] and CNBUDGET_SITE_URL
    if plan:
        digest.update(json.dumps([(s.slug, s.name, s.packages) for s in plan], ensure_ascii=False).encode())
    for name, entry in entries.items():
        digest.update(f"{name}\0{entry}\0".encode())
    for relative, path in files_under(templates):
        digest.update(relative.encode() + b"\0")
        digest.update(hashes.of(path).encode())
    return digest.hexdigest()

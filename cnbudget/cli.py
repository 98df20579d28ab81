"""The command line: ``python build.py [options]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from cnbudget.package.outputs import clean_exits
from cnbudget.package.validate import MODES as VALIDATION
from cnbudget.pipeline.build import build
from cnbudget.pipeline.per_source import Limits
from cnbudget.render.shards import MODES, SHARD_LIMIT

ROOT = Path(__file__).resolve().parent.parent


def parser() -> argparse.ArgumentParser:
    """The argument parser of build.py."""
    p = argparse.ArgumentParser(
        prog="build.py",
        description="Turn budget and final-accounts disclosures (PDF, text or HTML) into Frictionless data packages and a static site.",
    )
    p.add_argument("--source", action="append", type=Path, metavar="PATH", help="a source file or folder (repeatable; default: sources/)")
    p.add_argument("--datapackages", type=Path, default=ROOT / "datapackages", metavar="DIR", help="where the data packages go (default: datapackages/)")
    p.add_argument("--site", type=Path, default=ROOT / "site", metavar="DIR", help="where the static site goes (default: site/)")
    p.add_argument("--templates", type=Path, default=ROOT / "templates", metavar="DIR", help=argparse.SUPPRESS)
    p.add_argument("--no-site", action="store_true", help="stop after the data packages")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N", help="worker processes for reading sources (default: all cores)")
    p.add_argument("--cache", type=Path, default=ROOT / ".cache" / "cnbudget", metavar="DIR", help="where read sources are kept so unchanged ones are not read again (default: .cache/cnbudget)")
    p.add_argument("--no-cache", action="store_true", help="read every source again")
    p.add_argument("--scheduler", metavar="ADDRESS", help="read the sources on a Dask distributed cluster (e.g. tcp://10.0.0.5:8786)")
    p.add_argument("--shards", choices=MODES, default="auto", help="split the site by region: auto (one site up to --shard-limit disclosures, else by province), one, province (default: auto)")
    p.add_argument("--shard-limit", type=int, default=SHARD_LIMIT, metavar="N", help=f"disclosures in one shard before a province is split by city, and a city by county (default: {SHARD_LIMIT})")
    p.add_argument("--time-limit", type=float, default=300.0, metavar="SECONDS", help="stop reading a source after this long and report it (default: 300; 0: no limit)")
    p.add_argument("--max-pages", type=int, default=1000, metavar="N", help="refuse a PDF with more pages than this (default: 1000)")
    p.add_argument("--memory-limit", type=int, default=1024, metavar="MB", help="stop a source whose reading and checking needs more memory than this (default: 1024; 0: no limit)")
    p.add_argument("--validate", choices=VALIDATION, default="structure", help="check every package written with the build's own validator (structure, in the workers; the default) or with frictionless as well (full, slow)")
    p.add_argument("--strict", action="store_true", help="exit 1 when any problem is found, not only when a source fails")
    p.add_argument("-q", "--quiet", action="store_true", help="print only the sources that failed or were skipped, at the end")
    p.add_argument("-v", "--verbose", action="store_true", help="print every problem found")
    p.add_argument("--debug", action="store_true", help="show tracebacks instead of reporting failures")
    return p


@clean_exits  # safety: refused output folders exit 2, Ctrl-C 130, a full disk 1, each with a message
def main(argv: list[str] | None = None) -> int:
    """Run the build; 0 when every source built, 1 when any failed, 2 for wrong usage or refused output folders."""
    args = parser().parse_args(argv)
    if args.jobs < 1:
        parser().error("--jobs must be at least 1")
    sources = args.source or [ROOT / "sources"]
    missing = [s for s in sources if not s.exists()]
    if missing:
        parser().error(f"no such source: {', '.join(map(str, missing))}")

    def log(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr)

    if args.shard_limit < 1:
        parser().error("--shard-limit must be at least 1")
    if args.max_pages < 1 or args.time_limit < 0 or args.memory_limit < 0:
        parser().error("--max-pages must be at least 1, --time-limit and --memory-limit at least 0")
    bar = sys.stderr.isatty() and not args.quiet

    def progress(done: int, total: int) -> None:
        # a bar on a terminal; in a log, the stage lines are enough
        width = 30
        filled = width * done // max(total, 1)
        end = "\n" if done == total else ""
        print(f"\rreading [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end, file=sys.stderr, flush=True)

    report = build(
        sources,
        args.datapackages,
        None if args.no_site else args.site,
        args.templates,
        jobs=args.jobs,
        log=log,
        debug=args.debug,
        limits=Limits(seconds=args.time_limit, pages=args.max_pages, memory=args.memory_limit),
        progress=progress if bar else None,
        cache=None if args.no_cache else args.cache,
        scheduler=args.scheduler,
        shards=args.shards,
        shard_limit=args.shard_limit,
        validate=args.validate,
    )
    failing = sum(1 for d in report.disclosures for c in d.rows.get("checks", []) if c["status"] == "fail")
    problems = sum(len(d.problems) for d in report.disclosures)
    if args.verbose:
        for d in report.disclosures:
            for p in d.problems:
                print(f"{d.id}: {p.code}: {p.message}", file=sys.stderr)
    ok = sum(1 for e in report.entries if e["status"] == "ok")
    failed = sum(1 for e in report.entries if e["status"] == "failed")
    skipped = sum(1 for e in report.entries if e["status"] == "skipped")
    for e in report.entries:
        if e["status"] != "ok":
            where = f" (page {e['page']})" if e.get("page") else ""
            stale = f"; kept from the last good build: {e['disclosure_id']}" if e.get("stale") else ""
            print(f"{e['status']}: {e['path']}{where}: {e['code']}: {e['message']}{stale}", file=sys.stderr)
    log(f"done: {ok} sources built, {failed} failed, {skipped} skipped, {len(report.disclosures)} disclosures, {failing} failing checks, {problems} problems; report in {args.datapackages / 'build-report.json'}")
    if report.failed:
        return 1
    if args.strict and (failing or problems):
        return 1
    return 0

"""Publishing: packages and site are written aside and swapped in; nothing published is lost.

- Outputs are built in a staging folder beside the target (only what changed, once there is a
  published folder) and swapped in only when complete, so a build killed half-way leaves the
  previous ``datapackages/`` and ``site/`` as they were.
- A source that fails keeps the package of its last good build (found through the previous
  ``build-report.json``), marked ``stale`` in the report and on the site; ``all/`` keeps its rows.
- ``build-report.json`` lists every source with its status, code and message; it holds no time
  or absolute path, so the same sources give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cnbudget.model import BuildReport
from cnbudget.package.all_update import key_errors, update_all
from cnbudget.package.partial import is_partial, merged_view, remove_on_publish
from cnbudget.package.publication import carry_over, staged, view_home  # safety: staged() moved there, published with the site
from cnbudget.package.validate import reported_invalid, validate_packages
from cnbudget.package.write import SHARED, all_descriptor, descriptor_text, write_all_from_packages, write_package, write_text
from cnbudget.schema import RESOURCES

REPORT = "build-report.json"


def previous_report(datapackages: Path) -> dict[str, dict[str, Any]]:
    """The entries of the last build's report, by source path (empty when there is none or it is unreadable)."""
    path = datapackages / REPORT
    try:
        entries = json.loads(path.read_text(encoding="utf-8")).get("sources", [])
    except (OSError, ValueError, AttributeError):
        return {}
    return {str(e.get("path")): e for e in entries if isinstance(e, dict)}


def _keep_stale(report: BuildReport, datapackages: Path, out: Path, log: Callable[[str], None], copy: bool = True) -> list[str]:
    """Keep the last good package of every failed source (linked into ``out`` when ``copy``); the ids kept."""
    previous = previous_report(datapackages)
    built = {d.id for d in report.disclosures}
    kept: list[str] = []
    for entry in report.entries:
        if entry["status"] != "failed":
            continue
        old_id = str(previous.get(str(entry["path"]), {}).get("disclosure_id") or "")
        old = datapackages / old_id
        if not old_id or old_id in built or not (old / "datapackage.json").is_file() or "/" in old_id or old_id.startswith("."):
            continue
        if old_id not in kept:
            if copy:
                link_tree(old, out / old_id)
            kept.append(old_id)
        entry["disclosure_id"] = old_id
        entry["stale"] = True
        entry["message"] = f"{entry['message']} — the package from its last good build is kept, marked stale"
        log(f"stale: {old_id} is kept from the last good build of {entry['path']}")
    return sorted(kept)


def _add_stale_to_all(all_folder: Path, stale: list[Path]) -> None:
    """Rows and sources of packages kept from earlier builds, merged into ``all/`` in id order."""
    for resource in RESOURCES:
        rows: list[dict[str, str]] = []
        for folder in [all_folder, *stale]:
            path = folder / f"{resource.name}.csv"
            if path.is_file():
                with path.open(encoding="utf-8", newline="") as handle:
                    rows.extend(csv.DictReader(handle))
        rows.sort(key=lambda r: r.get("disclosure_id", ""))  # stable: each package's own order is kept
        if resource.name in SHARED:  # shared by the disclosures: each (classification_year, code) once
            first = {tuple(r.get(f, "") for f in resource.primary_key): r for r in reversed(rows)}
            rows = [first[k] for k in sorted(first)]
        # the cells are copied as published (already in their CSV form), never re-encoded
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(resource.field_names)
        writer.writerows([row.get(f, "") for f in resource.field_names] for row in rows)
        write_text(all_folder / f"{resource.name}.csv", out.getvalue())
    descriptor = json.loads((all_folder / "datapackage.json").read_text(encoding="utf-8"))
    for folder in stale:
        kept = json.loads((folder / "datapackage.json").read_text(encoding="utf-8")).get("sources", [])
        # a package's source paths are inside it; from all/ they are under ../<id>/
        moved = [{**entry, "path": f"../{folder.name}/{entry['path']}"} if entry.get("path") and not str(entry["path"]).startswith("../") else entry for entry in kept]
        descriptor["sources"] = descriptor.get("sources", []) + moved
    write_text(all_folder / "datapackage.json", descriptor_text(descriptor))


def write_report(report: BuildReport, folder: Path) -> None:
    """``build-report.json``: one entry per source, and the totals."""
    write_text(folder / REPORT, report_text(report))


def report_text(report: BuildReport) -> str:
    """The text of ``build-report.json``."""
    counts = {status: sum(1 for e in report.entries if e["status"] == status) for status in ("ok", "failed", "skipped")}
    fields = ("path", "status", "disclosure_id", "stale", "code", "message", "page")
    entries = [{k: e.get(k) for k in fields if k in e or k in ("disclosure_id", "page")} for e in report.entries]
    body = {"sources": entries, "counts": counts, "disclosures": sorted(d.id for d in report.disclosures)}
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _all_unchanged(report: BuildReport, datapackages: Path, before: dict[str, str]) -> bool:
    """Whether publishing would give ``datapackages`` as it is: every package and ``all/`` linked unchanged, nothing
    stale, removed or to validate again, the same report. Then nothing is staged (a no-op rebuild touches no package)."""
    if not (datapackages / "all" / "datapackage.json").is_file() or not (datapackages / REPORT).is_file():
        return False
    if any(before.get(d.id) != report.inputs.get(d.id) or not (datapackages / d.id / "datapackage.json").is_file() for d in report.disclosures):
        return False
    published = {p.name for p in datapackages.iterdir() if (p / "datapackage.json").is_file()} - {"all"}
    if published != set(report.inputs) or reported_invalid(datapackages):
        return False
    return (datapackages / REPORT).read_text(encoding="utf-8") == report_text(report)


def link_tree(source: Path, target: Path) -> None:
    """``source`` copied to ``target`` as hard links (the old folder is removed after the swap)."""

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


def _published(datapackages: Path) -> set[str]:
    """The packages now in ``datapackages`` (not ``all/``)."""
    return {p.name for p in datapackages.iterdir() if (p / "datapackage.json").is_file()} - {"all"} if datapackages.is_dir() else set()


def publish_packages(
    report: BuildReport,
    datapackages: Path,
    manifest: dict[str, dict[str, str]],
    log: Callable[[str], None],
    before: dict[str, str] | None = None,
    validate: str = "structure",
) -> None:
    """Every package, ``all/`` and the build report, published together.

    A package whose inputs (sources, manifest, code) are those it was last written from (``before``,
    by disclosure id) stays as it is. Over a published folder only what changed is staged (the
    packages written anew, ``all/``, the report; ``publication.py`` renames them in one by one);
    the first build stages the whole folder.
    """
    before = before or {}
    if _all_unchanged(report, datapackages, before):
        log(f"package: all {len(report.disclosures)} packages unchanged; {datapackages} is left as it is")
        return
    published = _published(datapackages)
    with staged(datapackages, partial=(datapackages / "all" / "datapackage.json").is_file()) as out:
        partial = is_partial(out)
        written: list[str] = []
        for disclosure in report.disclosures:
            old = datapackages / disclosure.id
            if before.get(disclosure.id) == report.inputs.get(disclosure.id) and (old / "datapackage.json").is_file():
                if not partial:
                    link_tree(old, out / disclosure.id)
            else:
                write_package(disclosure, out / disclosure.id, manifest)
                written.append(disclosure.id)
        stale = _keep_stale(report, datapackages, out, log, copy=not partial)
        produced = set(report.inputs) | set(stale)
        for name in sorted(published - produced):
            log(f"package: removing {name}, which no source gives any more")
        if partial:
            remove_on_publish(out, sorted(published - produced))
        if len(written) < len(report.disclosures):
            log(f"package: {len(report.disclosures) - len(written)} of {len(report.disclosures)} packages unchanged")
        home = view_home()
        view = merged_view(datapackages, out, home) if partial else out
        try:
            verdicts = _write_all(report, datapackages, view, out, manifest, stale, written, published)
            if partial and (out / "all").is_dir():  # the view showed the published all/ until now
                (view / "all").unlink()
                (view / "all").symlink_to(out.resolve() / "all", target_is_directory=True)
            if not partial:
                carry_over(datapackages, out)  # safety: what a user keeps beside the packages stays (was: plain files only)
            validate_packages(report, view, datapackages, log, validate, verdicts)
        finally:
            if partial and home is None:
                shutil.rmtree(view, ignore_errors=True)
        write_report(report, out)


def _write_all(
    report: BuildReport, datapackages: Path, view: Path, out: Path, manifest: dict[str, dict[str, str]], stale: list[str], written: list[str], published: set[str]
) -> dict[str, list[str]]:
    """``all/`` into ``out``: linked when unchanged, updated for the changed packages when it can be, else written whole; its verdict when known."""
    after = sorted(set(report.inputs) | set(stale))
    had_stale = any(e.get("stale") for e in previous_report(datapackages).values())
    unchanged = not written and published == set(after) and not stale and not had_stale
    if unchanged and (datapackages / "all" / "datapackage.json").is_file():
        if view == out:  # a whole staging folder (staged in part, the published all/ stays as it is)
            link_tree(datapackages / "all", out / "all")  # all/ is reused only when made from exactly these packages (none stale then or now)
        return {}
    ordered = sorted(report.disclosures, key=lambda d: d.id)
    if (datapackages / "all" / "datapackage.json").is_file() and not stale and not had_stale and "all" not in reported_invalid(datapackages):
        descriptor = descriptor_text(all_descriptor(ordered, manifest))
        if update_all(datapackages, view, out / "all", sorted(published), after, set(written), descriptor):
            return {"all": key_errors(out / "all", after, [view / w for w in written])}
        shutil.rmtree(out / "all", ignore_errors=True)
    write_all_from_packages(report.disclosures, view, out / "all", manifest)
    if stale:
        _add_stale_to_all(out / "all", [view / s for s in stale])
    return {}

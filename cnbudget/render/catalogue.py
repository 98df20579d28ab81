"""What portals and crawlers read: a DCAT-style `data.json`, `sitemap.xml`, a zip per package, the build report."""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from cnbudget.render.published import ALL, Package, Row

DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
MEDIA_TYPES = {".csv": ("text/csv", "CSV"), ".json": ("application/json", "JSON"), ".zip": ("application/zip", "ZIP")}


def write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def package_to_zip(folder: Path, target: Path, created: str) -> None:
    """The package folder as one zip, byte-identical for the same files: sorted entries, dated `created`."""
    match = DATE.match(created)
    stamp = (int(match[1]), int(match[2]), int(match[3]), 0, 0, 0) if match and int(match[1]) >= 1980 else EPOCH
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())


def _resource_titles(package: Package) -> dict[str, str]:
    """Each resource's path -> its title, as the descriptor gives them."""
    out = {}
    for resource in package.descriptor.get("resources", []):
        if isinstance(resource, dict) and isinstance(resource.get("path"), str):
            out[resource["path"]] = str(resource.get("title") or resource.get("name") or resource["path"])
    return out


def _distribution(url: str, title: str, described_by: str = "") -> dict[str, str]:
    media_type, format_name = MEDIA_TYPES.get(Path(url).suffix, ("application/octet-stream", ""))
    out = {"@type": "dcat:Distribution", "title": title, "downloadURL": url, "mediaType": media_type, "format": format_name}
    if described_by:
        out |= {"describedBy": described_by, "describedByType": "application/json"}
    return out


def _temporal(disclosure: Row) -> str:
    year = disclosure.get("fiscal_year", "")
    return f"{year}-01-01/{year}-12-31" if year.isdigit() and len(year) == 4 else ""


def package_to_dataset(package: Package, base: str) -> dict[str, Any]:
    """One package as a DCAT dataset: what it is, where its page is, and a distribution per file."""
    d = package.disclosure
    folder = f"{base}data/{package.name}/"
    titles = _resource_titles(package)
    descriptor_url = folder + "datapackage.json"
    distributions = [_distribution(folder + f, titles.get(f, f), descriptor_url) for f in package.files if f != "datapackage.json"]
    distributions += [
        _distribution(descriptor_url, "datapackage.json（Frictionless 数据包描述）"),
        _distribution(f"{base}data/{package.name}.zip", "整个数据包（zip）"),
    ]
    licences = [str(x.get("path") or x.get("name") or "") for x in package.descriptor.get("licenses", []) if isinstance(x, dict)]
    dataset: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "identifier": package.name,
        "title": str(package.descriptor.get("title") or package.name),
        "description": str(package.descriptor.get("description") or package.descriptor.get("title") or package.name),
        "keyword": [k for k in ("预算公开", d.get("unit_name", ""), d.get("province", ""), d.get("fiscal_year", "")) if k],
        "modified": str(package.descriptor.get("created", "")),
        "accessLevel": "public",
        "language": ["zh"],
        "license": licences[0] if licences else "",
        "distribution": distributions,
    }
    if package.name != ALL:
        dataset["landingPage"] = f"{base}disclosures/{package.name}/"
    if d.get("unit_name"):
        dataset["publisher"] = {"@type": "org:Organization", "name": d["unit_name"]}
    region = " ".join(x for x in (d.get("province", ""), d.get("city", ""), d.get("county", "")) if x)
    if region:
        dataset["spatial"] = region
    if _temporal(d):
        dataset["temporal"] = _temporal(d)
    sources = [str(s.get("path") or "") for s in package.descriptor.get("sources", []) if isinstance(s, dict)]
    if any(s.startswith(("https://", "http://")) for s in sources):
        dataset["references"] = [s for s in sources if s.startswith(("https://", "http://"))]
    return {k: v for k, v in dataset.items() if v != ""}


def packages_to_catalogue(packages: list[Package], site_url: str, title: str) -> dict[str, Any]:
    """The DCAT-US (Project Open Data 1.1) shaped catalogue; links relative to the site's root unless `site_url`."""
    return {
        "@context": "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",
        "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",
        "title": title,
        "dataset": [package_to_dataset(p, site_url) for p in packages],
    }


def packages_to_sitemap(site: Path, disclosures: list[Package], site_url: str) -> str:
    """Every page of the built site, absolute; a disclosure's page dated by its package's `created`."""
    dated = {f"disclosures/{p.name}/": str(p.descriptor.get("created", ""))[:10] for p in disclosures}
    pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if p.relative_to(site).parts[0] not in ("data", "assets"))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in pages:
        path = "" if page == "." else page + "/"
        lastmod = dated.get(path, "")
        stamp = f"<lastmod>{xml_escape(lastmod)}</lastmod>" if DATE.fullmatch(lastmod) else ""
        lines.append(f"  <url><loc>{xml_escape(site_url + path)}</loc>{stamp}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Report:
    """The build report as the data page shows it: counts by status and the entries that need a look."""

    total: int
    counts: list[tuple[str, int]]
    entries: list[dict[str, str]]  # failed, skipped, stale, or built with a problem noted
    truncated: bool


def build_report(datapackages: Path, limit: int) -> Report:
    """`build-report.json` beside the packages (empty when there is none), at most `limit` entries shown."""
    try:
        data = json.loads((datapackages / "build-report.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    entries = data.get("sources", []) if isinstance(data, dict) else []
    fields = ("path", "status", "disclosure_id", "code", "message", "page")
    rows = [{f: "" if e.get(f) is None else str(e.get(f)) for f in fields} for e in entries if isinstance(e, dict)]
    counts = Counter(r["status"] for r in rows)
    noted = [r for r in rows if r["status"] != "ok" or r["code"] not in ("", "ok")]
    return Report(len(rows), sorted(counts.items()), noted[:limit], len(noted) > limit)

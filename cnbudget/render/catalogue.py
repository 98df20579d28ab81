"""What portals and crawlers read: a DCAT-US 1.1 `data.json`, `sitemap.xml`, the combined package as a zip, the build report.

`data.json` is checked against the DCAT-US 1.1 schema (`cnbudget/render/dcat.py`): it validates when the
site's URL and publisher are configured (`cnbudget/render/config.py`); without a URL its links are
relative to the site's root, and without a publisher no dataset has the `publisher` and
`contactPoint` the schema requires. A package without `created` has no `modified`.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from cnbudget.render.config import SiteConfig
from cnbudget.render.published import ALL, Package, Row

DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
MEDIA_TYPES = {
    ".csv": ("text/csv", "CSV"),
    ".json": ("application/json", "JSON"),
    ".zip": ("application/zip", "ZIP"),
    ".sqlite": ("application/vnd.sqlite3", "SQLite"),
    ".pdf": ("application/pdf", "PDF"),
    ".txt": ("text/plain", "TXT"),
    ".html": ("text/html", "HTML"),
    ".htm": ("text/html", "HTML"),
}
SQLITE = "all.sqlite"
DCAT_US = "https://project-open-data.cio.gov/v1.1/schema"


def write_json(path: Path, data: object) -> None:
    """Returns nothing: writes ``data`` to ``path`` as compact UTF-8 JSON and a final line break."""
    # compact: a catalogue holds about 30 distributions a disclosure, and indentation was a third of its bytes
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")


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
    media_type, format_name = MEDIA_TYPES.get(Path(url).suffix.lower(), ("application/octet-stream", ""))
    out = {"@type": "dcat:Distribution", "title": title, "downloadURL": url, "mediaType": media_type}
    if format_name:
        out["format"] = format_name
    if described_by:
        out |= {"describedBy": described_by, "describedByType": "application/json"}
    return out


def _temporal(disclosure: Row) -> str:
    year = disclosure.get("fiscal_year", "")
    return f"{year}-01-01/{year}-12-31" if year.isdigit() and len(year) == 4 else ""


def _published_sources(package: Package, folder: Path | None) -> list[tuple[str, str]]:
    """(path inside the package, title) of each source file the package carries in `source/` and the site has."""
    if folder is None:
        return []
    out = []
    for source in package.descriptor.get("sources", []):
        path = str(source.get("path") or "") if isinstance(source, dict) else ""
        parts = path.split("/")
        if len(parts) == 2 and parts[0] == "source" and parts[1] not in ("", ".", "..") and (folder / path).is_file():
            out.append((path, f"源文件 {parts[1]}"))
    return out


def _web_links(package: Package) -> list[str]:
    """Where the package's sources were published (their `url`), each once."""
    links = [str(s.get("url") or "") for s in package.descriptor.get("sources", []) if isinstance(s, dict)]
    return list(dict.fromkeys(u for u in links if u.startswith(("https://", "http://"))))


def package_to_dataset(package: Package, config: SiteConfig, folder: Path | None = None) -> dict[str, Any]:
    """One package as a DCAT-US dataset: what it is, who publishes it, where its page is, a distribution per file.

    `folder` is the package's copy on the site: its source files (and, for `all`, the SQLite
    database beside it) are listed only when they are there.
    """
    base = config.site_url
    d = package.disclosure
    here = f"{base}data/{package.name}/"
    titles = _resource_titles(package)
    descriptor_url = here + "datapackage.json"
    distributions = [_distribution(here + f, titles.get(f, f), descriptor_url) for f in package.files if f != "datapackage.json"]
    distributions.append(_distribution(descriptor_url, "datapackage.json（Frictionless 数据包描述）"))
    if package.name == ALL:  # only the combined package is zipped (cnbudget/render/site.py, write_catalogue)
        distributions.append(_distribution(f"{base}data/{package.name}.zip", "整个数据包（zip）"))
    distributions += [_distribution(here + path, title) for path, title in _published_sources(package, folder)]
    if package.name == ALL and folder is not None and (folder.parent / SQLITE).is_file():
        distributions.append(_distribution(f"{base}data/{SQLITE}", "全部数据的 SQLite 数据库（可用 Datasette 打开）"))
    licences = [str(x.get("path") or x.get("name") or "") for x in package.descriptor.get("licenses", []) if isinstance(x, dict)]
    created = str(package.descriptor.get("created") or "")
    dataset: dict[str, Any] = {
        "@type": "dcat:Dataset",
        "identifier": package.name,
        "title": str(package.descriptor.get("title") or package.name),
        "description": str(package.descriptor.get("description") or package.descriptor.get("title") or package.name),
        "keyword": [k for k in ("预算公开", d.get("unit_name", ""), d.get("province", ""), d.get("fiscal_year", "")) if k],
        "modified": created if DATE.match(created) else "",
        "accessLevel": "public",
        "language": ["zh"],
        "license": licences[0] if licences else "",
        "distribution": distributions,
    }
    if config.publisher:
        dataset["publisher"] = {"@type": "org:Organization", "name": config.publisher}
    if config.contact:
        dataset["contactPoint"] = {"@type": "vcard:Contact", "fn": config.contact}
        if config.contact_email:
            dataset["contactPoint"]["hasEmail"] = f"mailto:{config.contact_email}"
    if package.name != ALL:
        dataset["landingPage"] = f"{base}disclosures/{package.name}/"
    region = " ".join(x for x in (d.get("province", ""), d.get("city", ""), d.get("county", "")) if x)
    if region:
        dataset["spatial"] = region
    if _temporal(d):
        dataset["temporal"] = _temporal(d)
    if _web_links(package):
        dataset["references"] = _web_links(package)
    return {k: v for k, v in dataset.items() if v != ""}


def packages_to_catalogue(packages: list[Package], config: SiteConfig, title: str, data: Path | None = None) -> dict[str, Any]:
    """The DCAT-US 1.1 catalogue; links relative to the site's root unless a site URL is configured.

    `data` is the site's `data/` folder, where the packages' source files are looked for.
    """
    catalogue: dict[str, Any] = {
        "@context": f"{DCAT_US}/catalog.jsonld",
        "@type": "dcat:Catalog",
        "conformsTo": DCAT_US,
        "describedBy": f"{DCAT_US}/catalog.json",
        "title": title,
        "dataset": [package_to_dataset(p, config, data / p.name if data is not None else None) for p in packages],
    }
    if config.site_url:
        catalogue = {"@id": f"{config.site_url}data.json", **catalogue}
    return catalogue


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

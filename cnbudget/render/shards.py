"""Sharded publishing: the site split by region into complete static sites, and a national index.

A national collection (hundreds of thousands of disclosures) makes one site far larger than a
static host takes (GitHub Pages: 1 GB) and one mkdocs build that holds every page in memory.
So the site can be split into shards by region: one per province, one per city of a province
that holds more disclosures than the shard limit, and one per county of such a city (or of a
municipality, which has no cities). Each shard is a complete site of its own,
rendered by `render_site` from a view of the packages folder that holds its disclosures alone
(each package folder linked, `all/` with the shard's rows, the build report's entries of the
shard), so every path of the contract holds inside it and it has its own search. The national
index (`index.html`, `shards.json` at the root) links every shard at `<shard>/`.

A shard's slug is the region's pinyin (`sichuan`, `sichuan-dazhou` for a city shard,
`sichuan-dazhou-dachuan` or `shanghai-putuo` for a county's), so a disclosure's address stays the
same as long as its region is not split; a disclosure whose
province cannot be told goes to the shard `qita` (其他).
"""

from __future__ import annotations

import csv
import html
import json
import os
import shutil
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from cnbudget.official.regions import load_divisions
from cnbudget.render.published import ALL, is_slug

REPORT = "build-report.json"
OTHER = "qita"
OTHER_NAME = "其他"
# A shard is to stay under about 450 MB (GitHub Pages allows a site 1 GB; issue 16 asks for 500 MB
# at most). A disclosure costs the site at most about 450 KB (benchmarks/RESULTS.md: 447.5 KB at
# 1,000 disclosures, 422.8 KB at 10,000), so a shard holds at most 1,024 disclosures before its
# province is split by city (2,000 were about 840 MB).
SHARD_BYTES = 450 * 2**20
DISCLOSURE_BYTES = 450 * 2**10
SHARD_LIMIT = SHARD_BYTES // DISCLOSURE_BYTES
MODES = ("auto", "one", "province")


@dataclass
class Shard:
    """One shard: its slug (its folder in the site), its Chinese name and its packages' folder names."""

    slug: str
    name: str
    packages: list[str] = field(default_factory=list)


def _region(folder: Path) -> list[tuple[str, str]]:
    """The package's regions as (slug, name), from its province down to its city and county where known.

    From its disclosure row's region code, else its province's name; a slug is the pinyin of the
    regions joined (`sichuan`, `sichuan-dazhou`, `sichuan-dazhou-dachuan`; `shanghai-putuo` for a
    district of a municipality, which has no city between). A province that cannot be told is `qita`.
    """
    path = folder / "disclosure.csv"
    row: dict[str, str] = {}
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as handle:
            row = next(csv.DictReader(handle), {}) or {}
    divisions = load_divisions()
    code = row.get("region_code") or ""
    coded = len(code) == 6 and code.isdigit()
    province = divisions.get(code[:2] + "0000") if coded else None
    if province is None:
        name = row.get("province") or ""
        province = next((d for d in divisions.values() if d.level == "province" and name and d.name == name), None)
    if province is None or not is_slug(province.pinyin):
        return [(OTHER, OTHER_NAME)]
    chain = [(province.pinyin, province.name)]
    if not coded or code[:2] != province.code[:2]:
        return chain
    below = [divisions.get(code[:4] + "00"), divisions.get(code)]
    for level, division in zip(("city", "county"), below, strict=True):
        if division is not None and division.level == level and is_slug(division.pinyin):
            chain.append((f"{chain[-1][0]}-{division.pinyin}", chain[-1][1] + division.name))
    return chain


def package_names(datapackages: Path) -> list[str]:
    """The disclosure packages' folder names, sorted (not `all/`)."""
    return sorted(p.name for p in datapackages.iterdir() if p.name != ALL and is_slug(p.name) and (p / "datapackage.json").is_file())


def plan_shards(datapackages: Path, mode: str = "auto", limit: int = SHARD_LIMIT) -> list[Shard]:
    """The shards of the site: none (one site, as ever) when `mode` is `one`, or `auto` with at most `limit` disclosures.

    Otherwise one shard per province; a province over `limit` is split into a shard per city, and a
    city over `limit` into a shard per county (a municipality's districts directly: it has no
    cities). The disclosures of a region split this way that name no region below it (the
    province's or the city's own) stay in the region's shard.
    """
    names = package_names(datapackages)
    if mode not in MODES:
        raise ValueError(f"unknown shard mode {mode!r}")
    if mode == "one" or (mode == "auto" and len(names) <= limit):
        return []
    chains = [(name, _region(datapackages / name)) for name in names]
    provinces: dict[tuple[str, str], list[tuple[str, list[tuple[str, str]]]]] = defaultdict(list)
    for name, chain in chains:
        provinces[chain[0]].append((name, chain))
    return [shard for region in sorted(provinces) for shard in _split(region, provinces[region], 0, limit)]


def _split(region: tuple[str, str], members: list[tuple[str, list[tuple[str, str]]]], depth: int, limit: int) -> list[Shard]:
    """The shards of one region (slug, name) at `depth` of its members' chains: itself, or split by the next level down."""
    below: dict[tuple[str, str], list[tuple[str, list[tuple[str, str]]]]] = defaultdict(list)
    own = []
    for name, chain in members:
        if len(chain) > depth + 1:
            below[chain[depth + 1]].append((name, chain))
        else:
            own.append(name)
    if len(members) <= limit or not below or (len(below) == 1 and not own):  # a split into one shard would only rename it
        return [Shard(region[0], region[1], [name for name, _ in members])]
    shards = [Shard(region[0], region[1], own)] if own else []
    return shards + [shard for child in sorted(below) for shard in _split(child, below[child], depth + 1, limit)]


def _body(path: Path) -> bytes:
    """A CSV file's bytes after its header line."""
    data = path.read_bytes()
    return data[data.index(b"\n") + 1 :] if b"\n" in data else b""


def _header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.readline()


def is_shared(path: Path) -> bool:
    """Whether a CSV of `all/` is shared by every shard whole (the classifications), not split by disclosure; False when it is not there."""
    return path.is_file() and not _header(path).startswith(b"disclosure_id,")


def shard_descriptor(descriptor: dict[str, object], shard: Shard) -> str:
    """The text of a shard's `all/datapackage.json`: the published one with the sources of the shard's packages only."""
    mine = set(shard.packages)
    sources = descriptor.get("sources", [])
    own = dict(descriptor, sources=[s for s in sources if _package_of(s) in mine] if isinstance(sources, list) else sources)
    return json.dumps(own, ensure_ascii=False, separators=(",", ":")) + "\n"


def shard_report(data: object, shard: Shard) -> str:
    """The text of a shard's `build-report.json`: the published one with the entries of the shard's packages only."""
    mine = set(shard.packages)
    own = data
    if isinstance(data, dict) and isinstance(data.get("sources"), list):
        own = dict(data, sources=[e for e in data["sources"] if isinstance(e, dict) and e.get("disclosure_id") in mine])
    return json.dumps(own, ensure_ascii=False, indent=2) + "\n"


def published_parts(datapackages: Path) -> tuple[dict[str, object] | None, object]:
    """`all/datapackage.json` and `build-report.json` of the packages folder (None where there is none)."""
    combined = datapackages / ALL / "datapackage.json"
    report = datapackages / REPORT
    descriptor = json.loads(combined.read_text(encoding="utf-8")) if combined.is_file() else None
    return descriptor, json.loads(report.read_text(encoding="utf-8")) if report.is_file() else None


def all_files(descriptor: dict[str, object] | None) -> list[str]:
    """The CSV files of `all/` its descriptor names."""
    resources = descriptor.get("resources", []) if descriptor else []
    return [r["path"] for r in resources if isinstance(r, dict) and isinstance(r.get("path"), str) and "/" not in r["path"]] if isinstance(resources, list) else []


def write_views(datapackages: Path, shards: list[Shard], root: Path) -> dict[str, Path]:
    """A packages folder per shard under `root`: its packages linked, `all/` with their rows, the report's entries of the shard.

    A shard's `all/` is made from its own packages (a resource keyed by disclosure: the header and
    each package's rows in id order, as `all/` holds them; any other, the classifications, whole),
    so it costs the shard's packages, not the whole of `all/`.
    """
    descriptor, report = published_parts(datapackages)
    combined = datapackages / ALL
    views = {s.slug: root / s.slug for s in shards}
    for shard in shards:
        view = views[shard.slug]
        view.mkdir(parents=True)
        for name in shard.packages:
            os.symlink((datapackages / name).resolve(), view / name, target_is_directory=True)
        if descriptor is not None:
            (view / ALL).mkdir()
            for path in all_files(descriptor):
                if not (combined / path).is_file():
                    continue
                if is_shared(combined / path):
                    shutil.copyfile(combined / path, view / ALL / path)
                    continue
                with (view / ALL / path).open("wb") as out:
                    out.write(_header(combined / path))
                    for name in sorted(shard.packages):
                        out.write(_body(datapackages / name / path))
            (view / ALL / "datapackage.json").write_text(shard_descriptor(descriptor, shard), encoding="utf-8")
        if report is not None:
            (view / REPORT).write_text(shard_report(report, shard), encoding="utf-8")
    return views


def _package_of(source: object) -> str:
    """The package a source entry of `all/` points into (`../<id>/source/<file>`), or empty."""
    parts = str(source.get("path", "") if isinstance(source, dict) else "").split("/")
    return parts[1] if len(parts) > 2 and parts[0] == ".." else ""


INDEX = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}：各地区</title>
<style>
body {{ font-family: sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; line-height: 1.6; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; }}
td.n {{ text-align: right; }}
</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>全国共 {total} 份公开文件，按地区分为 {count} 个子站。每个子站是一个完整的网站，有自己的搜索、数据下载和数据字典。</p>
<table>
<thead><tr><th scope="col">地区</th><th scope="col">公开文件数</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
<p>各子站目录：<a href="shards.json" translate="no">shards.json</a></p>
</main>
</body>
</html>
"""


def write_index(site: Path, shards: list[Shard], title: str) -> None:
    """The national index: `index.html` linking every shard, and `shards.json` (each shard's slug, name, disclosures)."""
    rows = "\n".join(
        f'<tr><td><a href="{html.escape(s.slug)}/">{html.escape(s.name)}</a></td><td class="n">{len(s.packages):,}</td></tr>' for s in shards
    )
    total = sum(len(s.packages) for s in shards)
    (site / "index.html").write_text(INDEX.format(title=html.escape(title), total=f"{total:,}", count=len(shards), rows=rows), encoding="utf-8")
    catalogue = {"shards": [{"slug": s.slug, "name": s.name, "path": f"{s.slug}/", "disclosures": s.packages} for s in shards]}
    (site / "shards.json").write_text(json.dumps(catalogue, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# mkdocs-material ships every language's search support and the source maps of its scripts; a shard
# searches in Chinese only (`lang: zh` in templates/mkdocs.yml.j2), so its search worker loads
# lunr.stemmer.support and lunr.zh alone. Leaving out the rest saves about 2.2 MB in every shard.
SEARCH_SCRIPTS = {"lunr.stemmer.support.min.js", "lunr.zh.min.js", "lunr.multi.min.js"}


def prune_assets(site: Path) -> None:
    """A shard's copy of the theme without source maps and other languages' search scripts."""
    scripts = site / "assets" / "javascripts"
    for path in sorted((site / "assets").rglob("*.map")):
        path.unlink()
    for name in ("wordcut.js", "tinyseg.js"):
        (scripts / "lunr" / name).unlink(missing_ok=True)
    for path in sorted((scripts / "lunr" / "min").glob("lunr.*.js")):
        if path.name not in SEARCH_SCRIPTS:
            path.unlink()

"""render: published packages -> static site.

Reads only `datapackages/`, so the site can be rebuilt from published data alone:
gather every package, write Markdown pages from the Jinja2 templates into a
temporary docs folder, build them with mkdocs-material, then copy the packages
under `site/data/` byte for byte and write the catalogue beside them.

Every string from a document reaches a page through Jinja2's autoescape, in a block of
HTML that never goes through Markdown (`cnbudget/site/fragments.py`).

The settings (the site's address, its publisher and contact) are `[tool.cnbudget]` in
`pyproject.toml`, the address overridable by `CNBUDGET_SITE_URL` (`cnbudget/render/config.py`).
With an address the catalogue's links are absolute, pages name their canonical address and
`sitemap.xml` is written; without one the catalogue's links are relative and there is no
sitemap (the sitemap protocol takes absolute addresses only).

Beside the packages the site gets `data/all.sqlite` (`cnbudget/render/sqlite.py`) and the
DCAT-US 1.1 catalogue `data.json` (`cnbudget/render/catalogue.py`), checked against its schema.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config as mkdocs_config

from cnbudget.render.catalogue import SQLITE, Report, build_report, package_to_zip, packages_to_catalogue, packages_to_sitemap, write_json
from cnbudget.render.config import SITE_URL_VARIABLE, SiteConfig, load_config
from cnbudget.render.dcat import catalogue_errors
from cnbudget.render.dictionary import TYPES, chinese_part, data_dictionary, field_note, resource_note
from cnbudget.render.fragments import FOLDER as FRAGMENTS
from cnbudget.render.fragments import Fragments
from cnbudget.render.labels import LABELS, amount_html, code_spans, file_title, front_matter_string, label, licence
from cnbudget.render.listing import COMPARE_COLUMNS, INDEX_COLUMNS, Listing, listing, package_to_summary, summaries_to_regions
from cnbudget.render.pages import licences, package_sources, package_to_page, packages_to_units, share_text
from cnbudget.render.published import ALL, Package, Row, read_packages
from cnbudget.render.search import write_search_index
from cnbudget.render.sources import SourceFiles, source_paths
from cnbudget.render.sqlite import SQLiteExportError, package_to_sqlite

Log = Callable[[str], None]
SITE_NAME = "中国政府预算公开数据"
# Above this many disclosures the home and compare pages list provinces, each with its own
# page of disclosures, so that no page grows with the whole collection.
LISTING_LIMIT = 1000
# Files the site ships beside the pages (copied from the templates folder).
ASSETS = {"extra.css": "stylesheets/extra.css", "cnbudget.js": "javascripts/cnbudget.js", "search.js": "javascripts/search.js"}


def _web_link(url: object) -> str:
    """The URL if it is an http(s) link to follow, else empty (no `javascript:` and the like)."""
    text = str(url or "")
    return text if text.startswith(("https://", "http://")) else ""


def _environment(templates: Path, site_url: str) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        amount=amount_html,
        label=label,
        code_spans=code_spans,
        file_title=file_title,
        front_matter=front_matter_string,
        web_link=_web_link,
        path=lambda p: quote(str(p)),
        share=share_text,
        licence=licence,
        field_note=field_note,
        chinese_part=chinese_part,
        resource_note=resource_note,
    )
    env.globals.update(types=TYPES, labels=LABELS, site_url=site_url, site_name=SITE_NAME, index_columns=INDEX_COLUMNS, compare_columns=COMPARE_COLUMNS)
    return env


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


class _Pages:
    """Renders templates into the docs folder; `root` is the way back to the site's root from a page.

    A template's `{% filter html %}` blocks go to the fragments folder, not into the Markdown.
    """

    def __init__(self, env: jinja2.Environment, docs: Path) -> None:
        self.env, self.docs = env, docs
        self.fragments = Fragments()
        env.filters["html"] = lambda text: self.fragments.stash(text)

    def write(self, template: str, page: str, **context: Any) -> None:
        """`page` is the page's path in the built site ('' for the home, 'units/x/' for a unit)."""
        root = "../" * page.count("/")
        source = page.rstrip("/") + ".md" if page else "index.md"
        self.fragments = Fragments()
        _write(self.docs / source, self.env.get_template(template).render(root=root, page=page, **context))
        self.fragments.write(self.docs.parent / FRAGMENTS, source)


def _described(packages: list[Package]) -> list[tuple[Package, list[dict[str, str]], list[Row]]]:
    """Each package with its licences and sources, as the data pages list them."""
    return [(p, licences(p.descriptor), package_sources(p.descriptor)) for p in packages]


def write_docs(disclosures: list[Package], combined: Package | None, templates: Path, docs: Path, log: Log, *, site_url: str = "", report: Report | None = None) -> None:
    """Every Markdown page of the site, its stylesheet and its script, into `docs`."""
    pages = _Pages(_environment(templates, site_url), docs)
    summaries = [package_to_summary(p) for p in disclosures]
    everything: Listing = listing(summaries)
    regions = summaries_to_regions(summaries)
    whole = everything if len(summaries) <= LISTING_LIMIT else None
    # A site of one province (a shard) lists it whole on its home, compare and downloads pages: the
    # province's own pages keep their addresses but point there instead of listing every disclosure again.
    same = whole is not None and len(regions) == 1
    pages.write("index.md.j2", "", listing=whole, count=len(summaries), regions=regions)
    pages.write("compare.md.j2", "compare/", listing=whole, count=len(summaries), regions=regions, region=None)
    for region in regions:
        pages.write("region.md.j2", f"regions/{region.province.slug}/", region=region, same_as_home=same)
        pages.write("compare.md.j2", f"compare/{region.province.slug}/", listing=None if same else region.listing, count=len(region.listing.summaries), regions=[], region=region)
    pages.write("quality.md.j2", "quality/", ranked=packages_to_quality(disclosures))
    for package in disclosures:
        pages.write("disclosure.md.j2", f"disclosures/{package.name}/", id=package.name, **package_to_page(package))
    units = packages_to_units(disclosures)
    for unit in units:
        pages.write("unit.md.j2", f"units/{unit.unit_id}/", unit=unit)
    write_search_index(docs, disclosures, units, regions)
    by_name = {p.name: p for p in disclosures}
    head = [combined] if combined else []
    pages.write(
        "data.md.j2",
        "downloads/",
        packages=_described(head + disclosures) if whole else [],
        combined=_described(head),
        count=len(disclosures),
        regions=regions,
        all_name=ALL,
        resources=data_dictionary(),
        report=report or Report(0, [], [], False),
        published=set(by_name),
    )
    for region in regions:
        listed = [] if same else [by_name[s.id] for s in region.listing.summaries]
        pages.write("packages.md.j2", f"downloads/{region.province.slug}/", region=region, packages=_described(listed), all_name=ALL, count=len(region.listing.summaries))
    for name, target in ASSETS.items():
        (docs / target).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(templates / name, docs / target)
    log(f"render: {len(disclosures)} disclosure pages, {len(units)} unit pages, {len(regions)} region pages")


def packages_to_quality(disclosures: list[Package]) -> list[dict[str, object]]:
    """Disclosures ranked by the contradictions their checks found (most real mismatches first)."""
    ranked = []
    for package in disclosures:
        checks = package.resource("checks")
        # real contradictions first, then differences of rounding (the page lists them in this order)
        failing = sorted((c for c in checks if c.get("status") == "fail"), key=lambda c: (c.get("severity") == "rounding", c.get("check_id", ""), c.get("subject", "")))
        d = package.disclosure
        ranked.append(
            {
                "id": package.name,
                "unit_name": d.get("unit_name", ""),
                "disclosure": d,
                "failing": failing,
                "mismatch": sum(1 for c in failing if c.get("severity") != "rounding"),
                "rounding": sum(1 for c in failing if c.get("severity") == "rounding"),
                "passing": sum(1 for c in checks if c.get("status") == "pass"),
                "src": SourceFiles("../", package.name, tuple(source_paths(package.descriptor))),  # the page is quality/
            }
        )
    ranked.sort(key=lambda q: (-int(q["mismatch"]), -int(q["rounding"]), str(q["id"])))  # type: ignore[call-overload]
    return ranked


class _Forward(logging.Handler):
    def __init__(self, log: Log) -> None:
        super().__init__(logging.WARNING)
        self._log = log

    def emit(self, record: logging.LogRecord) -> None:
        self._log(f"mkdocs: {record.getMessage()}")


@contextmanager
def _mkdocs_warnings_to(log: Log) -> Iterator[None]:
    """While mkdocs builds, its warnings go to `log` (it has no handler of its own outside its CLI)."""
    logger = logging.getLogger("mkdocs")
    handler = _Forward(log)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


@contextmanager
def _usable_source_date_epoch() -> Iterator[None]:
    """While mkdocs builds, a SOURCE_DATE_EPOCH that is not a number of seconds (an empty one) is unset.

    mkdocs reads it with `int()`, which an empty value crashes; for the packages an empty one counts
    as unset too (`cnbudget/package/write.py`).
    """
    value = os.environ.get("SOURCE_DATE_EPOCH")
    hide = value is not None and not value.strip().isdigit()
    if hide:
        del os.environ["SOURCE_DATE_EPOCH"]
    try:
        yield
    finally:
        if hide and value is not None:
            os.environ["SOURCE_DATE_EPOCH"] = value


@contextmanager
def _jieba_quiet() -> Iterator[None]:
    """jieba (which the search plugin imports, resetting its level) chats on stderr: hush it."""
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def build_site(docs: Path, site: Path, templates: Path, log: Log, *, site_url: str = "") -> None:
    """mkdocs-material's build of `docs` into `site` (which it empties first)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), undefined=jinja2.StrictUndefined, autoescape=False)
    config_file = docs.parent / "mkdocs.yml"
    hook = Path(__file__).resolve().parent / "fragments.py"
    config_file.write_text(env.get_template("mkdocs.yml.j2").render(site_name=SITE_NAME, assets=ASSETS, hook=hook.as_posix(), overrides=(templates / "overrides").resolve().as_posix()), encoding="utf-8")
    settings: dict[str, Any] = {"docs_dir": str(docs), "site_dir": str(site)}
    if site_url:
        settings["site_url"] = site_url
    with _mkdocs_warnings_to(log), _usable_source_date_epoch():
        config = mkdocs_config(str(config_file), **settings)
        with _jieba_quiet():
            build(config)
    # mkdocs' 404 page links from the host's root, which breaks under a sub-path.
    shutil.copyfile(templates / "404.html", site / "404.html")
    # mkdocs' sitemap is empty without a site URL and dated by the clock with one: ours replaces it.
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        (site / name).unlink(missing_ok=True)


def copy_packages(datapackages: Path, site: Path) -> None:
    """Every package folder, as published (its source files too), to `site/data/<name>/`, and the build report beside them."""
    for folder in sorted(p for p in datapackages.iterdir() if (p / "datapackage.json").is_file()):
        shutil.copytree(folder, site / "data" / folder.name, dirs_exist_ok=False)
    report = datapackages / "build-report.json"
    if report.is_file():
        (site / "data").mkdir(exist_ok=True)
        shutil.copyfile(report, site / "data" / report.name)


def write_database(combined: Path, site: Path, log: Log) -> None:
    """`data/all.sqlite` from the published `all/` package; a package that breaks its own keys gets none, and the log says why."""
    if not (combined / "datapackage.json").is_file():
        return
    try:
        counts = package_to_sqlite(combined, site / "data" / SQLITE)
    except SQLiteExportError as error:
        log(f"render: error: data/{SQLITE} not written, {ALL}/ breaks its own keys: {error}")
        return
    log(f"render: data/{SQLITE} holds {len(counts)} tables, {sum(counts.values())} rows")


def write_catalogue(disclosures: list[Package], combined: Package | None, site: Path, config: SiteConfig, log: Log) -> None:
    """`data/all.zip` (the combined package in one file), `data.json` (DCAT-US 1.1) and, with a site URL, `sitemap.xml`.

    A disclosure's package gets no zip: its `datapackage.json` is one address that frictionless and
    pandas read whole, and a zip per disclosure cost 30 KB a disclosure for a copy of what lies beside it.
    """
    listed = ([combined] if combined else []) + disclosures
    if combined is not None:
        package_to_zip(site / "data" / combined.name, site / "data" / f"{combined.name}.zip", str(combined.descriptor.get("created", "")))
    catalogue = packages_to_catalogue(listed, config, SITE_NAME, site / "data")
    write_json(site / "data.json", catalogue)
    if config.site_url and config.publisher:
        errors = catalogue_errors(catalogue)
        for error in errors[:20]:
            log(f"render: error: data.json is not valid DCAT-US 1.1: {error}")
    else:
        missing = " and ".join(k for k, v in (("site_url", config.site_url), ("publisher", config.publisher)) if not v)
        log(f"render: data.json is not a valid DCAT-US 1.1 catalogue without {missing} ([tool.cnbudget] in pyproject.toml)")
    if config.site_url:
        (site / "sitemap.xml").write_text(packages_to_sitemap(site, disclosures, config.site_url), encoding="utf-8")
    else:
        log(f"render: no sitemap.xml ({SITE_URL_VARIABLE} is not set, and a sitemap needs absolute addresses)")


def render_site(datapackages: Path, site: Path, templates: Path, *, log: Log = print, config: SiteConfig | None = None) -> None:
    """Build the static site in `site` from the packages in `datapackages` alone."""
    if config is None:
        config = load_config()
    site_url = config.site_url
    disclosures, combined = read_packages(datapackages, log)
    if combined is None:
        log(f"render: {datapackages / ALL} is missing; the site will offer no combined download")
    with tempfile.TemporaryDirectory(prefix="cnbudget-docs-") as tmp:
        docs = Path(tmp) / "docs"
        write_docs(disclosures, combined, templates, docs, log, site_url=site_url, report=build_report(datapackages, LISTING_LIMIT))
        build_site(docs, site, templates, log, site_url=site_url)
    copy_packages(datapackages, site)
    write_database(datapackages / ALL, site, log)
    write_catalogue(disclosures, combined, site, config, log)
    log(f"render: site written to {site}")

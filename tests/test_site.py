"""The site as a whole: nothing a document says can run in a reader's browser; the catalogue,
sitemap and zips; page sizes that do not grow with the collection; listings split by province
when the collection is large."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from cnbudget.render import site as render
from cnbudget.render.published import read_packages
from cnbudget.render.site import render_site
from cnbudget.schema import RESOURCES
from tests.test_render import TEMPLATES, UNIT, Y2024, write_fixture, write_package

HOSTILE_ID = "hostile-2024-budget"
HOSTILE_UNIT = "hostile-unit"
# What a document could print in any name: markup, script, and Markdown that mkdocs would turn into markup.
ATTACKS = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "**bold**",
    "a | b",
    "<svg onload=alert(1)>",
    '"><b onmouseover=alert(1)>q</b>',
    "{ #evil onclick=alert(1) }",
)
HOSTILE = " ".join(ATTACKS)
# Fields that keep real values, so that the pages and charts have figures to draw.
SANE = {
    "disclosure_id": HOSTILE_ID,
    "unit_id": HOSTILE_UNIT,
    "fiscal_year": "2024",
    "kind": "budget",
    "total": "100.5",
    "basic": "60.5",
    "project": "40",
    "amount": "12.34",
    "personnel": "30",
    "public": "30.5",
}


def _hostile_rows() -> dict[str, list[dict[str, Any]]]:
    """One row per resource with every text field hostile (and a second, coded, row for the trees)."""
    rows: dict[str, list[dict[str, Any]]] = {}
    for resource in RESOURCES:
        row = {f.name: SANE.get(f.name, f"{f.name}: {HOSTILE}") for f in resource.fields}
        rows[resource.name] = [row]
    rows["expenditure_by_function"].append(
        {"disclosure_id": HOSTILE_ID, "function_code": "201", "level": "class", "function_name": HOSTILE, "total": "100.5", "basic": "60.5", "project": "40", "origin": "table"}
    )
    rows["expenditure_by_function"].append(
        {"disclosure_id": HOSTILE_ID, "function_code": "20101", "level": "section", "function_name": "款 " + HOSTILE, "total": "100.5", "basic": "60.5", "project": "40", "origin": "table"}
    )
    rows["totals"] = [
        {"disclosure_id": HOSTILE_ID, "metric": m, "amount": a, "origin": "table", "page": "3", "source_table": HOSTILE}
        for m, a in (("expenditure_total", "100.5"), ("basic_expenditure", "60.5"), ("project_expenditure", "40"), ("three_public_total", "1.5"))
    ] + rows["totals"]
    rows["three_public"] += [{"disclosure_id": HOSTILE_ID, "fiscal_year": "2024", "item": "total", "amount": "1.5", "origin": "table", "page": "4"}]
    rows["checks"][0]["status"] = "fail"
    return rows


def _hostile_descriptor() -> dict[str, Any]:
    return {
        "name": HOSTILE_ID,
        "title": HOSTILE,
        "description": HOSTILE,
        "licenses": [{"name": HOSTILE, "path": "javascript:alert(1)", "title": HOSTILE}],
        "sources": [{"title": HOSTILE, "path": "javascript:alert(1)"}],
        "created": HOSTILE,
        "resources": [r.descriptor() for r in RESOURCES] + [{"name": "extra", "path": "extra.csv", "title": HOSTILE}],
    }


def write_hostile(packages: Path) -> None:
    folder = packages / HOSTILE_ID
    write_package(folder, HOSTILE_ID, _hostile_rows(), _hostile_descriptor())
    with (folder / "extra.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["disclosure_id", HOSTILE])
        writer.writerow([HOSTILE_ID, HOSTILE])


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    packages = write_fixture(root)
    write_hostile(packages)
    report = {
        "sources": [
            {"path": "sources/good.txt", "status": "ok", "disclosure_id": Y2024, "code": "ok", "message": "built", "page": None},
            {"path": f"sources/{HOSTILE}.pdf", "status": "failed", "disclosure_id": None, "code": "no-text-layer", "message": HOSTILE, "page": 2},
        ]
    }
    (packages / "build-report.json").write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    render_site(packages, root / "site", TEMPLATES, log=lambda _: None)
    return root / "site"


class _Page(HTMLParser):
    """Every element with its attributes, the text of scripts, and the text a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
        self._in_script = tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def _parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def _pages(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_no_document_text_becomes_markup(hostile_site: Path) -> None:
    pages = _pages(hostile_site)
    assert f"disclosures/{HOSTILE_ID}/index.html" in pages and f"units/{HOSTILE_UNIT}/index.html" in pages
    for name, html in pages.items():
        page = _parse(html)
        for tag, attrs in page.elements:
            for attribute, value in attrs:
                assert not attribute.startswith("on"), (name, tag, attribute)
                if attribute in ("href", "src", "action", "formaction", "xlink:href", "style"):
                    assert "javascript:" not in (value or "").lower() and "alert" not in (value or ""), (name, tag, attribute, value)
                if attribute == "id":
                    assert "evil" not in (value or ""), (name, tag)
            assert tag not in ("img", "b", "iframe", "object", "embed"), (name, tag, attrs)
            if tag == "svg":
                assert "onload" not in dict(attrs), name
        assert not any("alert" in script for script in page.scripts), name
        assert "<strong>bold</strong>" not in html and "<em>evil" not in html, name
        # Markdown link syntax never becomes a link: every <a> points at a page, a file, an anchor or http(s).
        for tag, attrs in page.elements:
            href = dict(attrs).get("href") if tag == "a" else None
            if href is not None:
                assert not re.match(r"(?i)\s*(javascript|data|vbscript):", href), (name, href)


def test_no_document_text_reaches_markdown(tmp_path: Path) -> None:
    """Pages are Markdown only in their headings: document text goes to HTML blocks kept out of Markdown."""
    packages = write_fixture(tmp_path)
    write_hostile(packages)
    disclosures, combined = read_packages(packages, lambda _: None)
    docs = tmp_path / "docs"
    render.write_docs(disclosures, combined, TEMPLATES, docs, lambda _: None)
    pages = sorted(docs.rglob("*.md"))
    assert len(pages) > 5
    for path in pages:
        text = path.read_text(encoding="utf-8")
        body = re.sub(r"\A\s*---\n.*?\n---\n", "", text, count=1, flags=re.DOTALL)  # the front matter holds the escaped title
        assert body != text, path
        assert "alert" not in body and "&lt;" not in body, path
    fragments = json.loads((tmp_path / "fragments" / f"disclosures/{HOSTILE_ID}.md.json").read_text(encoding="utf-8"))
    assert any("&lt;script&gt;alert(1)&lt;/script&gt;" in block for block in fragments)


def test_document_text_reads_as_the_literal_text_it_is(hostile_site: Path) -> None:
    pages = _pages(hostile_site)
    for path in (f"disclosures/{HOSTILE_ID}/index.html", f"units/{HOSTILE_UNIT}/index.html", "index.html", "compare/index.html"):
        text = "".join(_parse(pages[path]).text)
        for attack in ATTACKS:
            assert attack in text, (path, attack)
    disclosure = "".join(_parse(pages[f"disclosures/{HOSTILE_ID}/index.html"]).text)
    for field in ("project_name", "indicator", "level1", "function_name", "economic_name", "detail", "source_name", "category", "target"):
        assert f"{field}: {HOSTILE}" in disclosure, field
    title = re.search(r"<title>(.*?)</title>", pages[f"disclosures/{HOSTILE_ID}/index.html"], re.DOTALL)
    assert title and "&lt;script&gt;alert(1)&lt;/script&gt;" in title.group(1)


def test_data_page_shows_the_build_reports_problems(hostile_site: Path) -> None:
    html = (hostile_site / "downloads" / "index.html").read_text(encoding="utf-8")
    report = html[html.index('id="build-report"') :]
    report = report[: report.index("</table>")]
    assert "no-text-layer" in report and "（第 2 页）" in report
    assert "PDF 没有文字层（扫描件），需先做文字识别（OCR）。（第 2 页）" in report  # the English message, said in Chinese
    assert "sources/good.txt" not in report  # built without a problem: counted, not listed
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in report
    assert (hostile_site / "data" / "build-report.json").is_file()


def test_a_pipe_in_a_name_does_not_split_its_cell(hostile_site: Path) -> None:
    html = (hostile_site / "disclosures" / HOSTILE_ID / "index.html").read_text(encoding="utf-8")
    projects = html[html.index('id="projects"') :]
    projects = projects[: projects.index("</table>")]
    rows = re.findall(r"<tr>(.*?)</tr>", projects, re.DOTALL)
    assert len(rows) == 2  # the heading and the one project
    assert rows[0].count("<th") == rows[1].count("<td") == 6


def test_only_the_sites_own_search_index_is_published(hostile_site: Path) -> None:
    """Material's search never starts (overrides/partials/search.html): its index is not built."""
    assert not (hostile_site / "search" / "search_index.json").exists()
    index = json.loads((hostile_site / "search" / "cnbudget.json").read_text(encoding="utf-8"))
    assert HOSTILE_ID in json.dumps(index, ensure_ascii=False)


def test_catalogue_lists_every_package_and_its_files(hostile_site: Path) -> None:
    catalogue = json.loads((hostile_site / "data.json").read_text(encoding="utf-8"))
    assert catalogue["@type"] == "dcat:Catalog"
    by_id = {d["identifier"]: d for d in catalogue["dataset"]}
    assert set(by_id) == {"all", Y2024, f"{UNIT}-2025-budget", f"{UNIT}-2024-final-account", HOSTILE_ID}
    dataset = by_id[Y2024]
    assert dataset["landingPage"] == f"disclosures/{Y2024}/"
    assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert dataset["temporal"] == "2024-01-01/2024-12-31"
    urls = {d["downloadURL"]: d for d in dataset["distribution"]}
    for resource in RESOURCES:
        csv_url = f"data/{Y2024}/{resource.name}.csv"
        assert urls[csv_url]["mediaType"] == "text/csv" and urls[csv_url]["title"] == resource.title
        assert (hostile_site / csv_url).is_file()
    assert f"data/{Y2024}/datapackage.json" in urls
    assert f"data/{Y2024}.zip" not in urls and not (hostile_site / "data" / f"{Y2024}.zip").exists()  # no zip per disclosure
    assert "data/all.zip" in {d["downloadURL"] for d in by_id["all"]["distribution"]}
    for d in catalogue["dataset"]:
        for distribution in d["distribution"]:
            assert (hostile_site / distribution["downloadURL"]).is_file(), distribution
    assert not (hostile_site / "sitemap.xml").exists()  # no site URL: no sitemap (it needs absolute addresses)
    assert not (hostile_site / "sitemap.xml.gz").exists()


def test_zip_holds_the_package_as_published(hostile_site: Path) -> None:
    with zipfile.ZipFile(hostile_site / "data" / "all.zip") as archive:
        names = sorted(archive.namelist())
        assert names == sorted(f"all/{p.name}" for p in (hostile_site / "data" / "all").iterdir())
        for name in names:
            assert archive.read(name) == (hostile_site / "data" / name).read_bytes()
            assert archive.getinfo(name).date_time == (2026, 1, 1, 0, 0, 0)  # the package's `created`


def test_site_url_makes_the_catalogue_absolute_and_writes_a_sitemap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(render.SITE_URL_VARIABLE, "https://example.org/cnbudget")
    packages = write_fixture(tmp_path)
    site = tmp_path / "site"
    render_site(packages, site, TEMPLATES, log=lambda _: None)
    catalogue = json.loads((site / "data.json").read_text(encoding="utf-8"))
    dataset = next(d for d in catalogue["dataset"] if d["identifier"] == Y2024)
    assert dataset["landingPage"] == f"https://example.org/cnbudget/disclosures/{Y2024}/"
    assert all(d["downloadURL"].startswith("https://example.org/cnbudget/data/") for d in dataset["distribution"])
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert "https://example.org/cnbudget/" in locs
    assert f"https://example.org/cnbudget/disclosures/{Y2024}/" in locs
    assert f"https://example.org/cnbudget/units/{UNIT}/" in locs
    assert not any("/data/" in loc or "/assets/" in loc for loc in locs)
    assert f"<loc>https://example.org/cnbudget/disclosures/{Y2024}/</loc><lastmod>2026-01-01</lastmod>" in sitemap
    page = (site / "disclosures" / Y2024 / "index.html").read_text(encoding="utf-8")
    assert f"https://example.org/cnbudget/disclosures/{Y2024}/" in page  # the citation's address
    assert not re.search(r"""(?:href|src)=["']?/""", page)  # links stay relative


def test_a_bad_site_url_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(render.SITE_URL_VARIABLE, "javascript:alert(1)")
    with pytest.raises(ValueError, match=render.SITE_URL_VARIABLE):
        render_site(write_fixture(tmp_path), tmp_path / "site", TEMPLATES, log=lambda _: None)


def _copies(packages: Path, count: int) -> None:
    """`count` more disclosures, each a copy of the 2024 package under another unit and id."""
    for i in range(count):
        name = f"copy-{i:03d}-2024-budget"
        shutil.copytree(packages / Y2024, packages / name)
        for path in (packages / name).glob("*.csv"):
            text = path.read_text(encoding="utf-8").replace(Y2024, name).replace(UNIT, f"copy-{i:03d}")
            path.write_text(text, encoding="utf-8")


def test_a_disclosure_page_does_not_grow_with_the_collection(tmp_path: Path) -> None:
    sizes = []
    for count in (0, 40):
        root = tmp_path / str(count)
        packages = write_fixture(root)
        _copies(packages, count)
        render_site(packages, root / "site", TEMPLATES, log=lambda _: None)
        sizes.append((root / "site" / "disclosures" / Y2024 / "index.html").read_bytes())
    assert sizes[0] == sizes[1]


def test_a_large_collection_is_listed_by_province(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "LISTING_LIMIT", 2)
    packages = write_fixture(tmp_path)
    _copies(packages, 2)
    site = tmp_path / "site"
    render_site(packages, site, TEMPLATES, log=lambda _: None)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "disclosures/" not in home and 'href="regions/sichuan/"' in home
    compare = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert "disclosures/" not in compare and 'href="../compare/sichuan/"' in compare
    region = (site / "regions" / "sichuan" / "index.html").read_text(encoding="utf-8")
    assert region.count('<tr data-province="四川省"') == 5
    assert (site / "compare" / "sichuan" / "index.html").read_text(encoding="utf-8").count('<tr data-province="四川省"') == 5
    downloads = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "disclosures/" not in downloads.split('id="dictionary"')[0] and 'href="../downloads/sichuan/"' in downloads
    assert 'href="../data/all.zip"' in downloads  # the combined package stays on the data page
    listed = (site / "downloads" / "sichuan" / "index.html").read_text(encoding="utf-8")
    assert listed.count("知识共享署名 4.0 国际许可协议（CC BY 4.0）") == 5 and ".zip\"" not in listed  # a disclosure's package is not zipped


def test_zips_and_catalogue_are_the_same_on_every_build(tmp_path: Path) -> None:
    packages = write_fixture(tmp_path)
    built = []
    for name in ("a", "b"):
        render_site(packages, tmp_path / name, TEMPLATES, log=lambda _: None)
        built.append({p: (tmp_path / name / p).read_bytes() for p in ("data.json", "data/all.zip")})
    assert built[0] == built[1]
    assert zipfile.is_zipfile(io.BytesIO(built[0]["data/all.zip"]))


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for attribute in ("href", "src"):
            if values.get(attribute) and tag != "use":
                self.links.append(str(values[attribute]))
        if values.get("id"):
            self.ids.add(str(values["id"]))


def broken_links(site: Path) -> list[str]:
    """Every link of every page that is root-absolute, or relative and leads to no file (or no such anchor)."""
    parsed: dict[Path, _Links] = {}

    def links_of(path: Path) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed(path.read_text(encoding="utf-8"))
            parsed[path] = parser
        return parsed[path]

    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in links_of(page).links:
            if re.match(r"(?i)(https?:|mailto:|data:)", link):
                continue
            if link.startswith("/"):
                broken.append(f"{page.relative_to(site)}: root-absolute {link}")
                continue
            target, _, anchor = link.partition("#")
            target = target.split("?")[0]
            resolved = (page.parent / target).resolve() if target else page.resolve()
            if resolved.is_dir():
                resolved = resolved / "index.html"
            if not resolved.is_file() or site.resolve() not in resolved.parents:
                broken.append(f"{page.relative_to(site)}: {link}")
            elif anchor and resolved.suffix == ".html" and anchor not in links_of(resolved).ids:
                broken.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    return broken


def test_every_internal_link_resolves(hostile_site: Path) -> None:
    assert broken_links(hostile_site) == []

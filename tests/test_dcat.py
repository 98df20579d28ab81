"""`data.json` is a DCAT-US 1.1 catalogue that validates against its schema when the site's URL and
publisher are configured; the settings come from `[tool.cnbudget]` in `pyproject.toml`."""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator

from cnbudget.render.config import SITE_URL_VARIABLE, SiteConfig, load_config
from cnbudget.render.dcat import SCHEMAS, catalogue_errors
from cnbudget.render.site import render_site
from tests.test_render import Y2024, write_fixture

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
CONFIG = SiteConfig("https://example.org/cnbudget/", "中国政府预算公开数据项目", "数据维护组", "data@example.org")


def _schema_errors(catalogue: object, variant: str = "non-federal") -> list[str]:
    """The catalogue against the vendored schema, draft 4, `$ref`s resolved from a local store (no network)."""
    folder = SCHEMAS / variant
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    store: dict[str, Any] = {s["id"].rstrip("#"): s for s in schemas}
    for schema in schemas:  # distribution, organization and vcard live under `definitions`, each with its own id
        store |= {d["id"].rstrip("#"): d for d in schema.get("definitions", {}).values() if "id" in d}
    catalog = store["https://project-open-data.cio.gov/v1.1/schema/catalog.json"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # RefResolver: the FACTS' recipe, kept independent of the code under test
        from jsonschema import RefResolver

        resolver = RefResolver.from_schema(catalog, store=store)
        validator = Draft4Validator(catalog, resolver=resolver)
        return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(catalogue)]


@pytest.fixture(scope="module")
def configured(seed_packages: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    site = tmp_path_factory.mktemp("dcat") / "site"
    logs: list[str] = []
    render_site(seed_packages, site, TEMPLATES, log=logs.append, config=CONFIG)
    return site, logs


def test_data_json_validates_against_dcat_us_1_1(configured: tuple[Path, list[str]]) -> None:
    site, logs = configured
    catalogue = json.loads((site / "data.json").read_text(encoding="utf-8"))
    assert _schema_errors(catalogue) == []
    assert not any("data.json" in m for m in logs)  # the build's own check found nothing either
    assert catalogue["@id"] == "https://example.org/cnbudget/data.json"
    for dataset in catalogue["dataset"]:
        assert dataset["publisher"] == {"@type": "org:Organization", "name": CONFIG.publisher}
        assert dataset["contactPoint"] == {"@type": "vcard:Contact", "fn": "数据维护组", "hasEmail": "mailto:data@example.org"}


def test_every_link_is_absolute_and_every_file_is_there(configured: tuple[Path, list[str]], seed_packages: Path) -> None:
    site, _ = configured
    catalogue = json.loads((site / "data.json").read_text(encoding="utf-8"))
    for dataset in catalogue["dataset"]:
        for distribution in dataset["distribution"]:
            url = distribution["downloadURL"]
            assert url.startswith(CONFIG.site_url) and (site / url.removeprefix(CONFIG.site_url)).is_file(), url
    by_id = {d["identifier"]: d for d in catalogue["dataset"]}
    assert f"{CONFIG.site_url}data/all.sqlite" in {d["downloadURL"] for d in by_id["all"]["distribution"]}
    for folder in (p.parent for p in seed_packages.glob("*/datapackage.json") if p.parent.name != "all"):
        urls = {d["downloadURL"] for d in by_id[folder.name]["distribution"]}
        for source in (folder / "source").iterdir():
            assert f"{CONFIG.site_url}data/{folder.name}/source/{source.name}" in urls


def test_only_the_us_federal_codes_are_missing_for_the_federal_variant(configured: tuple[Path, list[str]]) -> None:
    site, _ = configured
    catalogue = json.loads((site / "data.json").read_text(encoding="utf-8"))
    undated = {i for i, d in enumerate(catalogue["dataset"]) if "modified" not in d}
    for error in _schema_errors(catalogue, "federal"):
        where, what = error.split(": ", 1)
        if "'modified' is a required property" in what:
            assert int(where.strip("[]").split(", ")[1]) in undated  # a package without `created` has no date to give
        else:
            assert what in ("'bureauCode' is a required property", "'programCode' is a required property"), error


def test_no_date_is_invented_for_the_catalogue_or_the_sitemap(configured: tuple[Path, list[str]], seed_packages: Path) -> None:
    site, _ = configured
    created = {p.parent.name: json.loads(p.read_text(encoding="utf-8")).get("created") for p in seed_packages.glob("*/datapackage.json")}
    assert None in created.values()  # the seeds have disclosures whose sources give no date
    catalogue = json.loads((site / "data.json").read_text(encoding="utf-8"))
    assert {d["identifier"]: d.get("modified") for d in catalogue["dataset"]} == created
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for name, stamp in created.items():
        if name == "all":
            continue
        entry = re.search(rf"<url><loc>{re.escape(CONFIG.site_url)}disclosures/{name}/</loc>(.*?)</url>", sitemap)
        assert entry is not None
        assert entry[1] == (f"<lastmod>{stamp[:10]}</lastmod>" if stamp else "")


def test_without_a_site_url_data_json_is_still_written_and_the_log_says_why_it_is_not_valid(tmp_path: Path) -> None:
    logs: list[str] = []
    render_site(write_fixture(tmp_path), tmp_path / "site", TEMPLATES, log=logs.append, config=SiteConfig(publisher="p"))
    catalogue = json.loads((tmp_path / "site" / "data.json").read_text(encoding="utf-8"))
    assert {d["identifier"] for d in catalogue["dataset"]} >= {"all", Y2024}
    assert any("data.json is not a valid DCAT-US 1.1 catalogue without site_url" in m for m in logs)
    assert _schema_errors(catalogue) == []  # without format checks; with them, its relative links are not URIs:
    assert any(e.startswith("dataset/1/landingPage: 'disclosures/") for e in catalogue_errors(catalogue))


def test_an_empty_source_date_epoch_is_unset_for_mkdocs_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    render_site(write_fixture(tmp_path), tmp_path / "site", TEMPLATES, log=lambda _m: None, config=SiteConfig())
    assert (tmp_path / "site" / "index.html").is_file()
    import os

    assert os.environ["SOURCE_DATE_EPOCH"] == ""  # given back as it was


def _pyproject(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "pyproject.toml"
    path.write_text(f'[project]\nname = "x"\n\n[tool.cnbudget]\n{body}\n', encoding="utf-8")
    return path


def test_the_settings_come_from_pyproject_and_the_url_from_the_environment_first(tmp_path: Path) -> None:
    path = _pyproject(tmp_path, 'site_url = "https://a.example/x"\npublisher = " 某机构 "\ncontact_email = "a@b.org"')
    assert load_config(path, {}) == SiteConfig("https://a.example/x/", "某机构", "", "a@b.org")
    assert load_config(path, {SITE_URL_VARIABLE: "https://b.example/"}).site_url == "https://b.example/"
    assert load_config(path, {SITE_URL_VARIABLE: ""}).site_url == "https://a.example/x/"
    assert load_config(path, {}).contact == "某机构"  # no contact named: the publisher is the contact
    assert load_config(tmp_path / "missing.toml", {}) == SiteConfig()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('site_url = "javascript:alert(1)"', "site_url='javascript:alert(1)' is not an http"),
        ('contact_email = "nobody"', "contact_email='nobody' is not an email address"),
        ('publisher_name = "x"', "no setting publisher_name"),
    ],
)
def test_a_bad_setting_is_refused_naming_it(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        load_config(_pyproject(tmp_path, body), {})


def test_the_project_configures_a_publisher() -> None:
    assert load_config(environ={}).publisher  # with CNBUDGET_SITE_URL (the Pages workflow) data.json validates


def test_the_vendored_schema_is_the_one_its_readme_names() -> None:
    readme = (SCHEMAS / "README.md").read_text(encoding="utf-8")
    listed = dict(re.findall(r"\| `([^`]+)` \| `[^`]+` \| `([0-9a-f]{64})` \|", readme))
    files = {p.relative_to(SCHEMAS).as_posix() for p in SCHEMAS.rglob("*") if p.is_file() and p.name != "README.md"}
    assert set(listed) == files
    for name, digest in listed.items():
        assert hashlib.sha256((SCHEMAS / name).read_bytes()).hexdigest() == digest, name


def test_changing_the_settings_renders_the_site_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cnbudget.pipeline.build import site_digest

    packages = write_fixture(tmp_path)
    monkeypatch.delenv(SITE_URL_VARIABLE, raising=False)
    before = site_digest(packages, TEMPLATES)
    monkeypatch.setenv(SITE_URL_VARIABLE, "https://example.org/elsewhere/")
    assert site_digest(packages, TEMPLATES) != before

"""render: published packages -> static site.

Reads only `datapackages/`, so the site can be rebuilt from published data alone:
gather every package, write Markdown pages from the Jinja2 templates into a
temporary docs folder, build them with mkdocs-material, then copy the packages
under `site/data/` byte for byte.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from mkdocs.commands.build import build
from mkdocs.config import load_config

from cnbudget.site.packages import ALL, Package, read_packages
from cnbudget.site.pages import (
    data_dictionary,
    licences,
    package_to_page,
    packages_to_index,
    packages_to_units,
)
from cnbudget.site.text import (
    LABELS,
    code_spans,
    format_amount,
    front_matter_string,
    label,
)

Log = Callable[[str], None]


def _web_link(url: object) -> str:
    """The URL if it is an http(s) link to follow, else empty (no `javascript:` and the like)."""
    text = str(url or "")
    return text if text.startswith(("https://", "http://")) else ""


def _environment(templates: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        amount=format_amount,
        label=label,
        code_spans=code_spans,
        front_matter=front_matter_string,
        web_link=_web_link,
        path=lambda p: quote(str(p)),
    )
    env.globals.update(labels=LABELS)
    return env


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_docs(disclosures: list[Package], combined: Package | None, templates: Path, docs: Path, log: Log) -> None:
    """Every Markdown page of the site, and its stylesheet, into `docs`."""
    env = _environment(templates)
    index = packages_to_index(disclosures)
    units = packages_to_units(disclosures)
    _write(docs / "index.md", env.get_template("index.md.j2").render(root="", summaries=index))
    for package in disclosures:
        page = package_to_page(package)
        text = env.get_template("disclosure.md.j2").render(root="../../", id=package.name, **page)
        _write(docs / "disclosures" / f"{package.name}.md", text)
    for unit in units:
        _write(docs / "units" / f"{unit.unit_id}.md", env.get_template("unit.md.j2").render(root="../../", unit=unit))
    listed = ([combined] if combined else []) + disclosures
    text = env.get_template("data.md.j2").render(
        root="../",
        packages=[(p, licences(p.descriptor)) for p in listed],
        all_name=ALL,
        resources=data_dictionary(),
    )
    _write(docs / "downloads.md", text)
    (docs / "stylesheets").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(templates / "extra.css", docs / "stylesheets" / "extra.css")
    log(f"render: {len(disclosures)} disclosure pages, {len(units)} unit pages")


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
def _jieba_quiet() -> Iterator[None]:
    """jieba (which the search plugin imports, resetting its level) chats on stderr: hush it."""
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def build_site(docs: Path, site: Path, templates: Path, log: Log) -> None:
    """mkdocs-material's build of `docs` into `site` (which it empties first)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), undefined=jinja2.StrictUndefined)
    config_file = docs.parent / "mkdocs.yml"
    config_file.write_text(env.get_template("mkdocs.yml.j2").render(), encoding="utf-8")
    settings: dict[str, Any] = {"docs_dir": str(docs), "site_dir": str(site)}
    with _mkdocs_warnings_to(log):
        config = load_config(str(config_file), **settings)
        with _jieba_quiet():
            build(config)
    # mkdocs' 404 page links from the host's root, which breaks under a sub-path.
    shutil.copyfile(templates / "404.html", site / "404.html")


def copy_packages(datapackages: Path, site: Path) -> None:
    """Every package folder, as published, to `site/data/<name>/`."""
    for folder in sorted(p for p in datapackages.iterdir() if (p / "datapackage.json").is_file()):
        shutil.copytree(folder, site / "data" / folder.name, dirs_exist_ok=False)


def render_site(datapackages: Path, site: Path, templates: Path, *, log: Log = print) -> None:
    """Build the static site in `site` from the packages in `datapackages` alone."""
    disclosures, combined = read_packages(datapackages, log)
    if combined is None:
        log(f"render: {datapackages / ALL} is missing; the site will offer no combined download")
    with tempfile.TemporaryDirectory(prefix="cnbudget-docs-") as tmp:
        docs = Path(tmp) / "docs"
        write_docs(disclosures, combined, templates, docs, log)
        build_site(docs, site, templates, log)
    copy_packages(datapackages, site)
    log(f"render: site written to {site}")

"""The browser tests' shared pieces: the built site served from a sub-path, Chromium driven by Playwright.

Needs Debian's `chromium` (and `fonts-noto-cjk` for Chinese glyphs) and the `playwright` package;
Playwright's own browser download is never used. Without them the tests skip, or fail under CI.
The site and the browser are built once per session (tests/conftest.py) for every browser test.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import pytest

from cnbudget.render.site import render_site
from tests.test_render import write_package
from tests.test_site import write_hostile

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("CNBUDGET_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "screenshots"
SOURCES = ROOT / "sources"
SUB_PATH = "/project/cnbudget/"  # as on a GitHub Pages project site: nothing may assume the host's root
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _missing(reason: str) -> None:
    """Under CI a missing browser is a broken environment; elsewhere the tests skip."""
    message = f"{reason}; install Debian's chromium, chromium-driver and fonts-noto-cjk, and `pip install playwright` (never `playwright install`)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


AXE_VERSION = "4.14.1"  # as .ci/run installs it
AXE = Path(os.environ.get("AXE_CORE_JS", ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"))


def axe_source() -> str:
    """axe-core's script, installed from the npm registry by `.ci/run` (or named by $AXE_CORE_JS)."""
    if not AXE.is_file():
        _missing(f"no axe-core at {AXE}: run `npm install --prefix .cache/npm --no-save axe-core@{AXE_VERSION}`")
    return AXE.read_text(encoding="utf-8")


def _chromium() -> str:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser"):
        path = shutil.which(name) if name else None
        if path:
            return path
    _missing("no chromium executable on PATH")
    raise AssertionError("unreachable")


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Served:
    site: Path  # the built site on disk
    packages: Path  # the packages it was rendered from
    url: str  # the site's root URL, at SUB_PATH
    host: str  # scheme://host:port


PAGED_ID = "paged-2024-budget"  # a package whose source is a PDF, so that its figures have pages to open
PAGED_UNIT = "页码测试单位"


def _two_page_pdf(path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    for page in (1, 2):
        pdf.setFont("STSong-Light", 14)
        pdf.drawString(72, 760, f"第{page}页 支出总计 {'100.50' if page == 1 else '60.50'}")
        pdf.showPage()
    pdf.save()


def write_paged(packages: Path) -> None:
    """A small budget read from a two-page PDF, published with its source under `source/`."""
    folder = packages / PAGED_ID
    disclosure = {"unit_id": "paged-unit", "unit_name": PAGED_UNIT, "fiscal_year": "2024", "kind": "budget", "title": "页码测试", "source_files": "paged.pdf"}
    rows = {
        "disclosure": [disclosure],
        "totals": [
            {"metric": "expenditure_total", "amount": "100.50", "origin": "table", "page": "1"},
            {"metric": "basic_expenditure", "amount": "60.50", "origin": "table", "page": "2"},
        ],
    }
    write_package(folder, PAGED_ID, rows)
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["title"] = "页码测试单位 2024年预算 数据包"
    descriptor["sources"] = [{"title": "页码测试", "path": "source/paged.pdf", "url": "https://example.org/paged.pdf"}]
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    (folder / "source").mkdir()
    _two_page_pdf(folder / "source" / "paged.pdf")


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory, seed_packages: Path) -> Iterator[Served]:
    """The site rendered from the founding sources' packages and the hostile one, at SUB_PATH."""
    root = tmp_path_factory.mktemp("browser")
    www = root / "www"
    site = www / SUB_PATH.strip("/")
    packages = root / "datapackages"
    shutil.copytree(seed_packages, packages)
    write_hostile(packages)
    write_paged(packages)
    render_site(packages, site, ROOT / "templates", log=lambda _m: None)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield Served(site, packages, host + SUB_PATH, host)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class Browser:
    context: Any
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions, with the page's URL
    dialogs: list[str] = field(default_factory=list)  # alert(), confirm() … that anything opened

    def page(self, viewport: dict[str, int] = DESKTOP) -> Any:
        page = self.context.new_page()
        page.set_viewport_size(viewport)
        page.on("console", lambda m: self.errors.append(f"{page.url}: console {m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(f"{page.url}: {e}"))
        page.on("dialog", lambda d: self._dialog(page, d))
        return page

    def _dialog(self, page: Any, dialog: Any) -> None:
        self.dialogs.append(f"{page.url}: {dialog.type} {dialog.message}")
        dialog.dismiss()


@pytest.fixture(scope="session")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=executable, headless=True, args=CHROMIUM_ARGS, accept_downloads=True
        )
        context.set_default_timeout(15_000)
        state = Browser(context)
        context.on("request", lambda r: state.requests.append(r.url))
        try:
            yield state
        finally:
            context.close()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def _links(page: Any) -> list[str]:
    return sorted(set(page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")))


def _assert_local_links_resolve(page: Any, served: Served) -> None:
    """Every link on the page to this host is under the site's sub-path and answers 200."""
    for link in _links(page):
        url = urldefrag(link)[0]
        if urlsplit(url).hostname != "127.0.0.1":
            continue
        assert url.startswith(served.url), f"{page.url} links outside the site: {link}"
        assert _status(url) == 200, f"{page.url} links to {link}, which does not resolve"


def _open(page: Any, url: str, wait: str = "load") -> None:
    response = page.goto(url, wait_until=wait)
    assert response is not None and response.status == 200, url


def _follow(page: Any, link: Any, url: str) -> None:
    """Click the link and wait until the page it leads to (a glob) has loaded."""
    link.click()
    page.wait_for_url(url, wait_until="load")


def _search(page: Any, term: str) -> list[str]:
    """The addresses the site's search lists for `term` (typed into the box on the open page), best first."""
    box = page.locator("input.md-search__input")
    if page.evaluate("() => matchMedia('(max-width: 59.984375em)').matches && !document.getElementById('__search').checked"):
        page.locator('label.md-header__button[for="__search"]').click()  # narrow: the box opens from the header's button
    box.click()
    box.fill("")
    box.press_sequentially(term)
    return _results(page, term)


def _results(page: Any, term: str) -> list[str]:
    """The addresses listed once the results for `term` are shown."""
    page.wait_for_function("t => document.querySelector('.md-search-result').dataset.query === t", arg=term)
    links = page.locator(".md-search-result__item a")
    return [urldefrag(h)[0] for h in links.evaluate_all("els => els.map(e => e.href)")]


def _screenshot(page: Any, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)

"""The site as a Chinese reader meets it, in Chromium over a sub-path: Chinese words, a link from every
figure to its page in the source file, phones at 360 px, search, and axe-core's accessibility rules.

Screenshots of the index, a unit page, a disclosure page and the quality page at 360, 768 and 1366 px
are written to `test-artifacts/screenshots/` (or `$CNBUDGET_TEST_ARTIFACTS`) for a person to look at.
"""

from __future__ import annotations

import re
import urllib.request
from urllib.parse import urlsplit

from tests.browser_support import PAGED_ID, Browser, Served, _open, _screenshot

# Latin words a Chinese reader meets as they are: names of formats and standards, and licence codes.
ALLOWED_WORDS = {"CSV", "JSON", "ZIP", "PDF", "SHA", "UTF", "GB", "CNY", "CC", "BY", "DCAT", "Frictionless", "SQLite", "Datasette"}
# Text in these is a code, a file name or an address (marked translate="no"), not a word to read.
LATIN_WORDS_JS = """() => {
  const words = [];
  const skip = el => el.closest("code, kbd, samp, script, style, noscript, [translate=no]") !== null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.parentElement && !skip(n.parentElement))
      (n.textContent.match(/[A-Za-z]{2,}/g) || []).forEach(w => words.push([w, n.textContent.trim().slice(0, 60)]));
  }
  document.querySelectorAll("[aria-label], [title], [placeholder], [alt]").forEach(el => {
    if (el.closest("[translate=no]")) return;
    ["aria-label", "title", "placeholder", "alt"].forEach(a =>
      ((el.getAttribute(a) || "").match(/[A-Za-z]{2,}/g) || []).forEach(w => words.push([w, a + "=" + el.getAttribute(a)])));
  });
  return words;
}"""
NARROW = {"width": 360, "height": 740}
WIDTHS = {"360": NARROW, "768": {"width": 768, "height": 1024}, "1366": {"width": 1366, "height": 900}}


def _pages(served: Served) -> list[str]:
    """Every built page of the site but the hostile package's, whose names are English markup on purpose."""
    pages = []
    for html in sorted(served.site.rglob("*.html")):
        relative = html.relative_to(served.site).as_posix()
        if relative.startswith(("data/", "assets/")) or "hostile" in relative:
            continue
        pages.append(served.url + relative.removesuffix("index.html"))
    return pages


def test_no_english_word_in_any_page(served: Served, browser: Browser) -> None:
    page = browser.page()
    found = {}
    for url in _pages(served):
        _open(page, url)
        # the hostile package's names (all markup) are listed on the index too: they are its data, not the site's words
        words = [(w, where) for w, where in page.evaluate(LATIN_WORDS_JS) if w not in ALLOWED_WORDS and "alert(1)" not in where]
        if words:
            found[url.removeprefix(served.url)] = words[:5]
    page.close()
    assert not found, found


def test_every_page_link_opens_the_source_file_at_that_page(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url + f"disclosures/{PAGED_ID}/")
    links = page.locator("a.page-link").all()
    assert len(links) >= 4  # the two figures of the headline and of the totals table
    for link in links:
        href = link.evaluate("a => a.href")
        assert re.fullmatch(re.escape(served.url + f"data/{PAGED_ID}/source/paged.pdf") + r"#page=[12]", href), href
        assert href.rsplit("=", 1)[1] in link.inner_text()
        with urllib.request.urlopen(href.split("#")[0], timeout=10) as response:
            assert response.status == 200 and response.read(5) == b"%PDF-"
    sources = page.locator("#sources ~ .scroll table").first
    assert sources.locator(f'a[href$="data/{PAGED_ID}/source/paged.pdf"]').count() == 1
    assert sources.locator('a[href="https://example.org/paged.pdf"]').count() == 1
    page.close()


def test_at_360_px_no_page_scrolls_sideways_and_every_amount_can_be_seen(served: Served, browser: Browser) -> None:
    """The page never scrolls sideways; a table wider than the screen scrolls in its own box, its first column pinned."""
    page = browser.page(NARROW)
    for url in _pages(served):
        _open(page, url)
        width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{url} is {width[0]}px wide in a {width[1]}px window"
        unseen = page.evaluate(
            """() => Array.from(document.querySelectorAll('article table')).filter(t => {
                 const box = t.closest('.scroll');
                 return t.getBoundingClientRect().right > window.innerWidth + 1 && !(box && getComputedStyle(box).overflowX === 'auto');
               }).length"""
        )
        assert unseen == 0, f"{url}: {unseen} tables run off the screen with no way to scroll to their amounts"
    page.close()


def _reader_pages(served: Served) -> dict[str, str]:
    unit = next(p.name for p in (served.site / "units").iterdir() if p.name.startswith("chongqing-tongnan"))
    disclosure = next(p.name for p in (served.site / "disclosures").iterdir() if p.name.startswith("chongqing-tongnan"))
    return {"index": "", "unit": f"units/{unit}/", "disclosure": f"disclosures/{disclosure}/", "quality": "quality/"}


def test_screenshots_at_three_widths(served: Served, browser: Browser) -> None:
    for width, viewport in WIDTHS.items():
        page = browser.page(viewport)
        for name, path in _reader_pages(served).items():
            _open(page, served.url + path)
            _screenshot(page, f"{name}-{width}")
        page.close()


def test_nothing_is_fetched_from_another_host_and_nothing_errs(served: Served, browser: Browser) -> None:
    """Runs last of the browser tests: it judges every request and console message the tests before it made."""
    page = browser.page()
    for path in ("", "compare/", "regions/sichuan/", "downloads/", "404.html"):
        _open(page, served.url + path, wait="networkidle")  # the search index and worker load after the page
    page.close()
    assert browser.requests
    host = urlsplit(served.host).netloc
    off_host = sorted({r for r in browser.requests if urlsplit(r).netloc != host})
    assert not off_host, off_host
    assert not browser.errors, browser.errors

"""The site as a Chinese reader meets it, in Chromium over a sub-path: Chinese words, a link from every
figure to its page in the source file, phones at 360 px, search, and axe-core's accessibility rules.

Screenshots of the index, a unit page, a disclosure page and the quality page at 360, 768 and 1366 px
are written to `test-artifacts/screenshots/` (or `$CNBUDGET_TEST_ARTIFACTS`) for a person to look at.
"""

from __future__ import annotations

import re
import urllib.request
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from tests.browser_support import PAGED_ID, Browser, Served, _open, _results, _screenshot, _search, axe_source

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
    links = page.locator('a[href*="#page="]').all()
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


def test_a_tap_on_a_figure_shows_its_source_and_page(served: Served, browser: Browser) -> None:
    """A phone has no hover: a tap (a click without a mouse over it) writes the figure's title under it."""
    page = browser.page(NARROW)
    _open(page, served.url + _reader_pages(served)["disclosure"])
    cell = page.locator("#three-public ~ .scroll table tbody tr", has_text="合计").first.locator("td.num[title]").last
    title = cell.get_attribute("title") or ""
    assert "表格" in title, title
    cell.scroll_into_view_if_needed()
    cell.click(position={"x": 2, "y": 2})  # not on a page link in it, which a tap follows
    note = cell.locator(".provenance")
    assert note.is_visible() and note.inner_text() == title
    cell.click(position={"x": 2, "y": 2})
    assert note.count() == 0
    page.close()


def test_chart_legends_name_what_the_bars_draw_and_bars_say_it_in_words(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url + _reader_pages(served)["disclosure"])
    charts = page.locator("figure.chart").all()
    assert len(charts) >= 3
    for chart in charts:
        drawn = set(chart.locator("svg.bar rect").evaluate_all("rs => rs.map(r => getComputedStyle(r).fill)"))
        legend = set(chart.locator(".legend .swatch").evaluate_all("ss => ss.map(s => getComputedStyle(s).backgroundColor)"))
        assert drawn and legend == drawn and not drawn & {"none", "rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"}, (chart.get_attribute("aria-label"), legend, drawn)
        for bar in chart.locator("svg.bar:has(rect)").all():
            label = bar.get_attribute("aria-label") or ""
            assert bar.get_attribute("role") == "img" and "万元" in label, label
    page.close()


def test_no_count_of_zero_failures_is_red_and_no_unit_name_is_cut(served: Served, browser: Browser) -> None:
    page = browser.page(NARROW)
    _open(page, served.url + f"disclosures/{PAGED_ID}/")  # a package with no checks: 0 项未通过
    link = page.locator("table.meta a", has_text="0 项未通过")
    colours = link.evaluate("a => [getComputedStyle(a).color, getComputedStyle(a.closest('td')).color]")
    assert colours[0] == colours[1], colours
    _open(page, served.url + next(u for u in _pages(served) if "information-disclosure-centre" in u and "/disclosures/" in u).removeprefix(served.url))
    cut = page.evaluate("() => Array.from(document.querySelectorAll('.md-header__topic .md-ellipsis')).filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent.trim())")
    assert not cut, cut
    page.close()


def test_every_page_is_reachable_from_the_index_and_the_404_page_links_home(served: Served, browser: Browser) -> None:
    pages = {p.relative_to(served.site).as_posix() for p in served.site.rglob("*.html")} - {"404.html"}
    pages = {p for p in pages if not p.startswith(("data/", "assets/"))}
    seen: set[str] = set()
    todo = ["index.html"]
    while todo:
        here = todo.pop()
        if here in seen:
            continue
        seen.add(here)
        for href in re.findall(r'href="([^"#?]*)', (served.site / here).read_text(encoding="utf-8")):
            if href and ":" not in href:
                target = unquote(urlsplit(urljoin("http://site/" + here, href)).path).lstrip("/")
                target += "index.html" if target.endswith("/") or not target else ""
                if target in pages:
                    todo.append(target)
    assert pages - seen == set()
    page = browser.page()
    _open(page, served.url + "404.html")
    home = page.locator("a#home")
    home.wait_for()
    assert home.evaluate("a => a.href") == served.url and "首页" in home.inner_text()
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


# axe-core's findings at these levels fail a page; "moderate" and "minor" ones are left to a person.
AXE_FAILING = ("serious", "critical")
AXE_RUN_JS = """async levels => (await axe.run(document, {resultTypes: ["violations"]})).violations
  .filter(v => levels.includes(v.impact)).map(v => [v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target.join(" "))])"""


def _axe(page: Any, source: str) -> list[Any]:
    # colours are judged once every transition has ended (the search overlay fades in: mid-fade its text
    # has too little contrast, which is no property of the page)
    page.evaluate(
        "() => Promise.race([Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))), new Promise(r => setTimeout(r, 3000))])"
    )
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=source)
    return list(page.evaluate(AXE_RUN_JS, list(AXE_FAILING)))


def test_axe_core_finds_no_serious_or_critical_violation(served: Served, browser: Browser) -> None:
    """The index, a unit, a disclosure and the quality page, wide and narrow, and the index with search results open."""
    source = axe_source()
    page = browser.page()
    found = {}
    for width in ("1366", "360"):
        page.set_viewport_size(WIDTHS[width])
        for name, path in _reader_pages(served).items():
            _open(page, served.url + path)
            violations = _axe(page, source)
            if violations:
                found[f"{name}-{width}"] = violations
    _open(page, served.url)
    _search(page, "三公")
    found["search"] = _axe(page, source)
    # The harness can fail: an image with no text alternative is a critical violation.
    page.evaluate("() => document.querySelector('article').appendChild(document.createElement('img')).src = 'data:,'")
    assert any(v[0] == "image-alt" for v in _axe(page, source))
    page.close()
    assert not any(found.values()), found


# Read by hand from the sources: 003_c3e30e10afc67c71.txt names its unit 达州市达川区人民政府信息公开服务中心 on its
# cover and 区信息公开服务中心 in its headings (lines 10, 16, 18); 004_15acfc837217044d.txt is of
# 中共重庆市潼南区委办公室, which a reader calls 潼南区委办公室.
UNIT_NAMES = {
    "达州市达川区人民政府信息公开服务中心": "government-information-disclosure-centre",
    "区信息公开服务中心": "government-information-disclosure-centre",
    "中共重庆市潼南区委办公室": "chongqing-tongnan",
    "潼南区委办公室": "chongqing-tongnan",
}
# Projects: 004 line 27 "2023 区委深化改革专项"; 000 line 801 "2024年深化改革项目 18.00" (达川区委办公室).
PROJECT = "深化改革"
PROJECT_DISCLOSURES = ("chongqing-tongnan", "sichuan-dazhou-dachuan-cpc-committee-office")
# Each of the five sources prints a 三公经费 table (the index's 三公 column: 53.00, 47.90, 15.00, 1.10, 0).
THREE_PUBLIC_DISCLOSURES = 5
# 004, 财政拨款收支总表 (line 124): 支出总计 1708.68 (万元), as a search result shows it.
TONGNAN_LINE = "支出总计 1,708.68 万元"


def test_search_gives_a_units_own_page_first_for_its_full_and_short_names(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url)
    for name, slug in UNIT_NAMES.items():
        hrefs = _search(page, name)
        assert hrefs and hrefs[0].startswith(served.url + "units/") and slug in hrefs[0], (name, hrefs[:3])
    page.close()


def test_search_finds_disclosures_by_project_and_by_three_public(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url)
    hrefs = _search(page, PROJECT)
    for slug in PROJECT_DISCLOSURES:
        assert any(h.startswith(served.url + "disclosures/" + slug) for h in hrefs), (slug, hrefs)
    hrefs = _search(page, "三公")
    disclosures = [h for h in hrefs if h.startswith(served.url + "disclosures/") and "hostile" not in h and PAGED_ID not in h]
    assert len(set(disclosures)) == THREE_PUBLIC_DISCLOSURES, hrefs
    texts = page.locator(".md-search-result__item").all_inner_texts()
    assert any(TONGNAN_LINE in t for t in texts), texts
    assert not [t for t in texts if re.search(r"\d\.\d+\.\d", t)], texts  # no amounts run together
    page.close()


PASTE_JS = """t => { const box = document.querySelector("input.md-search__input"); box.focus(); box.value = t;
  box.dispatchEvent(new InputEvent("input", {bubbles: true, inputType: "insertFromPaste", data: t})); }"""
# An input method: composition events around the value, the input events during it marked as composing.
IME_JS = """t => { const box = document.querySelector("input.md-search__input"); box.focus();
  box.dispatchEvent(new CompositionEvent("compositionstart", {bubbles: true, data: ""}));
  box.value = t;
  box.dispatchEvent(new InputEvent("input", {bubbles: true, isComposing: true, inputType: "insertCompositionText", data: t}));
  box.dispatchEvent(new CompositionEvent("compositionend", {bubbles: true, data: t})); }"""


def test_search_answers_pasted_and_composed_text(served: Served, browser: Browser) -> None:
    """No keystroke: the value is set as a paste or an input method sets it."""
    page = browser.page()
    for script in (PASTE_JS, IME_JS):
        for name, slug in UNIT_NAMES.items():
            _open(page, served.url)
            page.evaluate(script, name)
            hrefs = _results(page, name)
            assert hrefs and slug in hrefs[0] and "/units/" in hrefs[0], (name, hrefs[:3])
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

"""End to end: build the site from the sources, serve it from a sub-path, and use it in Chromium.

Beside the five founding disclosures the site holds one package whose every name is hostile
markup and Markdown (tests/test_site.py), so that the pages are also tried with text that must
not run. Screenshots of each page type at desktop and phone widths go to `test-artifacts/`
(or `$CNBUDGET_TEST_ARTIFACTS`).

Needs Debian's `chromium` (and `fonts-noto-cjk` for Chinese glyphs) and the `playwright` package;
Playwright's own browser download is never used. Without them the tests skip, or fail under CI.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from tests.browser_support import (
    PHONE,
    SOURCES,
    Browser,
    Served,
    _assert_local_links_resolve,
    _follow,
    _links,
    _open,
    _screenshot,
    _search,
)
from tests.test_site import HOSTILE_ID, HOSTILE_UNIT, broken_links

# Read by hand from sources/004_15acfc837217044d.txt, 财政拨款收支总表 (line 124) and 部门收支总表
# (line 263): "收入总计 1708.68 支出总计 1708.68" (万元).
TONGNAN = "中共重庆市潼南区委办公室"
TONGNAN_EXPENDITURE_TOTAL = "1,708.68"
SEARCH_TERM = "信息公开"  # part of 达州市达川区人民政府信息公开服务中心
SEARCH_UNIT_SLUG = "government-information-disclosure-centre"
# sources/004_15acfc837217044d.txt line 213, 三公经费支出控制表 合计 (2023): 53.00, the largest of the five
# (the prose, line 61, says 53 万元); the others print 47.90, 15.00, 1.10 and 0.
LARGEST_THREE_PUBLIC = "53.00"
# sources/004_15acfc837217044d.txt line 27, a project of 潼南: "2023 区委深化改革专项".
SEARCH_PROJECT = "深化改革"
SICHUAN_DISCLOSURES = 3  # 000, 002 and 003 are 四川 units



def _open_tongnan(page: Any, served: Served) -> None:
    """From the home page, the 潼南 disclosure's page."""
    _open(page, served.url)
    _follow(page, page.get_by_role("link", name=TONGNAN, exact=True), served.url + "disclosures/**")


def _disclosure_links(page: Any) -> list[Any]:
    return page.locator("table.listing tbody tr:not([hidden]) td:first-child a").all()


def _listing_rows(page: Any) -> Any:
    return page.locator("table.listing tbody tr:not([hidden])")


def _source_count() -> int:
    return sum(1 for p in SOURCES.iterdir() if p.suffix in {".txt", ".html", ".htm", ".pdf"})


def test_index_lists_every_disclosure_and_each_link_opens(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url)
    assert "中国政府预算公开数据" in page.title()
    links = _disclosure_links(page)
    assert len(links) == _source_count() + 2 == 7  # the five sources, the hostile package and the paged one
    names = [link.inner_text().strip() for link in links]
    assert TONGNAN in names
    hrefs = [link.get_attribute("href") for link in links]
    assert all(h and h.startswith("disclosures/") for h in hrefs), hrefs
    _assert_local_links_resolve(page, served)
    for name, href in zip(names, hrefs):
        _open(page, served.url)
        _follow(page, page.locator(f'table.listing a[href="{href}"]').first, served.url + href)
        assert name in page.locator("h1").inner_text()
    page.close()


def test_index_filters_sort_and_sum(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url)
    assert _listing_rows(page).count() == 7
    page.select_option(".listing-controls select[name=province]", "四川省")
    assert _listing_rows(page).count() == SICHUAN_DISCLOSURES
    assert all(p == "四川省" for p in _listing_rows(page).evaluate_all("rows => rows.map(r => r.dataset.province)"))
    page.select_option(".listing-controls select[name=kind]", "final_account")
    assert _listing_rows(page).count() == 1
    # The sums row adds the rows shown: here the one 决算, 中共乐山市金口河区委办公室's.
    shown = _listing_rows(page).first.locator("td.num").all_inner_texts()
    sums = page.locator("table.listing tfoot td[data-sum]").all_inner_texts()
    assert sums == shown[1:5], (sums, shown)
    page.select_option(".listing-controls select[name=province]", "")
    page.select_option(".listing-controls select[name=kind]", "")
    page.fill(".listing-controls input[name=text]", "潼南")
    assert _disclosure_links(page)[0].inner_text() == TONGNAN and _listing_rows(page).count() == 1
    page.fill(".listing-controls input[name=text]", "")
    assert _listing_rows(page).count() == 7
    page.locator("table.listing thead th", has_text="年度").locator("button").click()
    years = _listing_rows(page).evaluate_all("rows => rows.map(r => r.dataset.year)")
    assert years == sorted(years, reverse=True), years  # a number column sorts largest first
    _screenshot(page, "home-desktop")
    page.close()


def test_from_the_home_page_to_the_largest_three_public_figure_and_its_csv(served: Served, browser: Browser) -> None:
    """The issue's errand: the unit with the largest 三公 total, where that figure was printed, its CSV."""
    page = browser.page()
    _open(page, served.url)
    page.locator("table.listing thead th", has_text="三公").locator("button").click()
    first = _listing_rows(page).first
    assert first.locator("td").nth(7).inner_text() == LARGEST_THREE_PUBLIC
    _follow(page, first.locator("td:first-child a"), served.url + "disclosures/**")
    assert TONGNAN in page.locator("h1").inner_text()
    cell = page.locator("#three-public ~ .scroll table tbody tr", has_text="合计").first.locator("td").last
    assert cell.inner_text() == LARGEST_THREE_PUBLIC and "表格" in (cell.get_attribute("title") or "")
    assert "004_15acfc837217044d.txt" in page.locator("#sources ~ .scroll table").first.inner_text()
    disclosure_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    with page.expect_download() as download_info:
        page.locator("#downloads ~ ul a", has_text="three_public.csv").click()
    assert LARGEST_THREE_PUBLIC in Path(download_info.value.path()).read_text(encoding="utf-8")
    assert download_info.value.url == f"{served.url}data/{disclosure_id}/three_public.csv"
    page.close()


def test_compare_page_sorts_and_its_links_resolve(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url + "compare/")
    page.locator("table.listing thead th", has_text="项目支出占比").locator("button").click()
    headings = page.locator("table.listing thead th").all_inner_texts()
    column = next(i for i, text in enumerate(headings) if "项目支出占比" in text)
    shares = _listing_rows(page).evaluate_all(f"rows => rows.map(r => r.cells[{column}].dataset.value).filter(v => v)")
    assert len(shares) >= 3 and [float(x) for x in shares] == sorted((float(x) for x in shares), reverse=True)
    links = _links(page)
    assert any(f"{served.url}disclosures/" in link and link.endswith("#three-public") for link in links)
    _assert_local_links_resolve(page, served)
    _follow(page, _listing_rows(page).first.locator("td.num a").first, served.url + "disclosures/**")
    assert page.locator("h1").inner_text()
    _screenshot(page, "disclosure-desktop")
    page.close()


def test_charts_drill_down_from_class_to_item(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open_tongnan(page, served)
    chart = page.locator("#expenditure-by-function ~ figure.chart").first
    first = chart.locator("details.bar-row").first
    assert not first.locator("details.bar-row").first.is_visible()  # 款 hidden until its 类 opens
    first.locator("summary").first.click()
    section = first.locator("details.bar-row").first
    assert section.is_visible() and section.inner_text().startswith("20131")
    section.locator("summary").first.click()
    assert section.locator(".bar-row", has_text="2013101").first.is_visible()
    assert page.locator("figure.chart svg.bar").count() > 5
    page.close()


def test_disclosure_page_shows_the_total_the_source_prints(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open_tongnan(page, served)
    row = page.locator("#totals ~ .scroll table tbody tr", has_text="支出总计").first
    cells = row.locator("td").all_inner_texts()
    assert cells[:3] == ["支出总计", TONGNAN_EXPENDITURE_TOTAL, "表格"], cells
    _assert_local_links_resolve(page, served)
    page.close()


def test_unit_page_opens_from_its_disclosure(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open_tongnan(page, served)
    disclosure_url = page.url
    _follow(page, page.get_by_role("link", name="历年公开文件"), served.url + "units/**")
    assert TONGNAN in page.locator("h1").inner_text()
    # The unit page links back to the disclosure it was reached from.
    assert disclosure_url in _links(page)
    _assert_local_links_resolve(page, served)
    page.close()


def test_csv_link_downloads_the_published_file(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open_tongnan(page, served)
    disclosure_id = page.url.rstrip("/").rsplit("/", 1)[-1]
    with page.expect_download() as download_info:
        page.locator("#downloads ~ ul a", has_text="totals.csv").click()
    download = download_info.value
    assert download.url == f"{served.url}data/{disclosure_id}/totals.csv"
    published = served.packages / disclosure_id / "totals.csv"
    assert Path(download.path()).read_bytes() == published.read_bytes()
    with published.open(encoding="utf-8", newline="") as handle:
        assert any(r["metric"] == "expenditure_total" for r in csv.DictReader(handle))
    page.close()


def test_downloads_page_links_resolve(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url + "downloads/")
    links = _links(page)
    assert served.url + "data/all/datapackage.json" in links
    _assert_local_links_resolve(page, served)
    page.close()


def test_search_finds_a_unit_a_region_and_a_project(served: Served, browser: Browser) -> None:
    page = browser.page()
    _open(page, served.url)
    hrefs = _search(page, SEARCH_TERM)
    units = [h for h in hrefs if h.startswith(served.url + "units/") and SEARCH_UNIT_SLUG in h]
    assert units, hrefs
    _open(page, units[0])
    assert SEARCH_TERM in page.locator("h1").inner_text()
    _open(page, served.url)  # a fresh page: else the last search's results may still be listed
    assert served.url + "regions/sichuan/" in _search(page, "四川省")
    _open(page, served.url)
    hrefs = _search(page, SEARCH_PROJECT)
    assert any(h.startswith(served.url + "disclosures/chongqing-tongnan") for h in hrefs), hrefs
    page.close()


def test_hostile_names_stay_text(served: Served, browser: Browser) -> None:
    """Markup and Markdown in a document's names open no dialog, on its pages or in search results."""
    page = browser.page()
    for path in (f"disclosures/{HOSTILE_ID}/", f"units/{HOSTILE_UNIT}/", "", "compare/", "downloads/"):
        _open(page, served.url + path)
        assert page.locator("img[src=x], img[onerror]").count() == 0
    _open(page, served.url + f"disclosures/{HOSTILE_ID}/")
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    page.locator("details.bar-row summary").first.click()
    assert any(HOSTILE_ID in h for h in _search(page, "hostile"))  # its id, in the page's particulars
    page.wait_for_timeout(300)
    assert page.locator(".md-search-result img, .md-search-result b").count() == 0
    page.close()
    assert not browser.dialogs, browser.dialogs


def test_every_internal_link_of_the_site_resolves(served: Served) -> None:
    assert broken_links(served.site) == []


def test_no_page_is_wider_than_a_phone(served: Served, browser: Browser) -> None:
    """Wide tables scroll inside the page; the page itself never scrolls sideways."""
    page = browser.page(PHONE)
    urls = [served.url + p for p in ("", "compare/", "downloads/", "404.html")]
    for folder in ("disclosures", "units", "regions", "compare"):
        urls += [served.url + p.relative_to(served.site).as_posix() + "/" for p in sorted((served.site / folder).iterdir()) if p.is_dir()]
    shots = {"": "home", "compare/": "compare", "downloads/": "downloads", "regions/sichuan/": "region"}
    shots |= {f"{folder}/{p.name}/": folder[:-1] for folder in ("disclosures", "units") for p in (served.site / folder).glob("chongqing-tongnan*")}
    for url in urls:
        _open(page, url)
        width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{url} is {width[0]}px wide in a {width[1]}px window"
        if url.removeprefix(served.url) in shots:
            _screenshot(page, f"{shots[url.removeprefix(served.url)]}-phone")
    page.close()

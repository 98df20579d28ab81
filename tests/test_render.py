"""The render stage: two hand-made packages of one unit -> a static site that keeps the contract."""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cnbudget.render.listing import listing, package_to_summary
from cnbudget.render.published import read_packages
from cnbudget.render.site import render_site
from cnbudget.schema import RESOURCES

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
UNIT = "sichuan-dazhou-dachuan-cpc-office"
Y2024 = f"{UNIT}-2024-budget"
Y2025 = f"{UNIT}-2025-budget"
F2024 = f"{UNIT}-2024-final-account"
HOSTILE = "<script>alert(1)</script>"
HOSTILE_LINK = "[点我](javascript:alert(1))"


def _disclosure(disclosure_id: str, year: int, name: str, kind: str = "budget") -> dict[str, Any]:
    return {
        "disclosure_id": disclosure_id,
        "unit_id": UNIT,
        "unit_name": name,
        "province": "四川省",
        "city": "达州市",
        "county": "达川区",
        "fiscal_year": year,
        "kind": kind,
        "scope": "department",
        "title": f"{name}{year}年部门{'预算' if kind == 'budget' else '决算'}",
        "source_files": f"{year}.pdf;{year}-tables.pdf",
        "source_sha256": f"{'a' * 64};{'b' * 64}",
        "page_count": 12,
    }


def _rows_2024() -> dict[str, list[dict[str, Any]]]:
    name = "中共达州市达川区委办公室"
    return {
        "disclosure": [_disclosure(Y2024, 2024, name)],
        "totals": [
            {"metric": "expenditure_total", "amount": "1234567.89", "origin": "narrative", "page": 2},
            {"metric": "expenditure_total", "amount": "1234567.89", "origin": "table", "page": 5},
            {"metric": "basic_expenditure", "amount": "1000000.00", "origin": "table", "page": 5},
            {"metric": "project_expenditure", "amount": "234567.89", "origin": "table", "page": 5},
            {"metric": "three_public_total", "amount": "12.3400", "origin": "table", "page": 9},
        ],
        "revenue_by_source": [
            {"source": "general_public_budget", "source_name": "一般公共预算拨款收入", "amount": "1234567.89", "origin": "table", "page": 4},
        ],
        "expenditure_by_function": [
            {"function_code": "201", "level": "class", "function_name": "一般公共服务支出", "total": "1234567.89", "basic": "1000000.00", "project": "234567.89", "origin": "table", "page": 6},
            {"function_code": "20131", "level": "section", "function_name": "党委办公厅（室）及相关机构事务", "total": "1234567.89", "basic": "1000000.00", "project": "234567.89", "origin": "table", "page": 6},
            {"function_code": "2013101", "level": "item", "function_name": "行政运行", "total": "1000000.00", "basic": "1000000.00", "project": "", "origin": "table", "page": 6},
        ],
        "basic_expenditure_by_economic": [
            {"economic_code": "301", "level": "class", "economic_name": "工资福利支出", "total": "800000.00", "personnel": "800000.00", "public": "", "page": 7},
            {"economic_code": "30101", "level": "item", "economic_name": "基本工资", "total": "300000.50", "personnel": "300000.50", "public": "", "page": 7},
        ],
        "projects": [
            {"project_name": HOSTILE_LINK, "amount": "0.0100", "function_code": "2013102", "page": 8},
        ],
        "three_public": [
            {"fiscal_year": 2024, "item": "total", "amount": "12.3400", "origin": "table", "page": 9},
            {"fiscal_year": 2023, "item": "total", "amount": "10.00", "origin": "table", "page": 9},
            {"fiscal_year": 2024, "item": "reception", "amount": "2.3400", "origin": "table", "page": 9},
        ],
        "performance_indicators": [
            {"project_name": "", "level1": "产出指标", "level2": "数量指标", "indicator": "文件处理数量", "operator": "≥", "target": "500", "unit": "件"},
        ],
        "statements": [
            {"line": 1, "subject": "reception", "resource": "three_public", "phase": "approved", "fiscal_year": 2024, "amount": "2.34", "text": "公务接待费2.34万元。", "page": 9},
        ],
        "doubts": [
            {"resource": "three_public", "key": "2024/vehicle_purchase|vehicle_operation/approved/amount", "read_value": "1.00", "reason": "无法确定属于哪一项。", "page": 9},
        ],
        "checks": [
            {"check_id": "function-rows-sum", "subject": "201", "status": "pass", "detail": "功能分类各项之和等于合计。"},
            {"check_id": "fiscal-year-consistent", "subject": "all", "status": "pass", "expected": "2024", "actual": "2024", "detail": "正文年度与文件一致。"},
            {
                "check_id": "total-mismatch",
                "subject": "expenditure_total",
                "status": "fail",
                "expected": "100.00",
                "actual": "99.99",
                "expected_amount": "100.00",
                "actual_amount": "99.99",
                "detail": "支出总表合计与各行之和不符（第6页）。",
                "severity": "mismatch",
                "pages": "6;6",
            },
        ],
    }


def _rows_2025() -> dict[str, list[dict[str, Any]]]:
    name = f"中共达州市达川区委{HOSTILE}办公室"
    return {
        "disclosure": [_disclosure(Y2025, 2025, name)],
        "totals": [{"metric": "expenditure_current_year", "amount": "2345.6", "origin": "narrative", "page": 1}],
        "checks": [{"check_id": "missing-table", "subject": "summary", "status": "not_applicable", "detail": "文件未附表格。"}],
    }


def _rows_2024_final() -> dict[str, list[dict[str, Any]]]:
    name = "中共达州市达川区委办公室"
    return {
        "disclosure": [_disclosure(F2024, 2024, name, "final_account")],
        "totals": [
            {"metric": "expenditure_total", "amount": "1300000.00", "origin": "table", "page": 3},
            {"metric": "basic_expenditure", "amount": "1050000.00", "origin": "table", "page": 3},
            {"metric": "project_expenditure", "amount": "250000.00", "origin": "table", "page": 3},
            {"metric": "three_public_total", "amount": "11.00", "origin": "table", "page": 8},
        ],
        "checks": [{"check_id": "function-rows-sum", "subject": "201", "status": "pass", "detail": "功能分类各项之和等于合计。"}],
    }


def write_package(folder: Path, name: str, rows: dict[str, list[dict[str, Any]]], descriptor: dict[str, Any] | None = None) -> None:
    """A package in the contract's layout: one CSV per resource (schema's fields) and its descriptor."""
    folder.mkdir(parents=True)
    for resource in RESOURCES:
        with (folder / f"{resource.name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=resource.field_names, lineterminator="\n")
            writer.writeheader()
            for row in rows.get(resource.name, []):
                keyed = {"disclosure_id": row.get("disclosure_id", name)} if "disclosure_id" in resource.field_names else {}
                writer.writerow({**keyed, **row})
    descriptor = descriptor or {
        "name": name,
        "title": f"{name} 数据包",
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
        "sources": [{"title": "达川区人民政府网站", "path": "javascript:alert(1)"}],
        "created": "2026-01-01T00:00:00Z",
        "resources": [r.descriptor() for r in RESOURCES],
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_fixture(root: Path) -> Path:
    """Two disclosures of one unit and the combined `all` package, under `root/datapackages`."""
    packages = root / "datapackages"
    by_id = {Y2024: _rows_2024(), Y2025: _rows_2025(), F2024: _rows_2024_final()}
    for disclosure_id, rows in by_id.items():
        write_package(packages / disclosure_id, disclosure_id, rows)
    combined: dict[str, list[dict[str, Any]]] = {}
    for disclosure_id, rows in by_id.items():
        for resource, resource_rows in rows.items():
            combined.setdefault(resource, []).extend({"disclosure_id": disclosure_id, **r} for r in resource_rows)
    write_package(packages / "all", "all", combined)
    return packages


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[str]]:
    root = tmp_path_factory.mktemp("render")
    packages = write_fixture(root)
    messages: list[str] = []
    render_site(packages, root / "site", TEMPLATES, log=messages.append)
    return packages, root / "site", messages


def _html(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))}


def test_contract_paths_exist(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    for path in (
        "index.html",
        f"disclosures/{Y2024}/index.html",
        f"disclosures/{Y2025}/index.html",
        f"units/{UNIT}/index.html",
        "downloads/index.html",
        f"data/{Y2024}/datapackage.json",
        f"data/{Y2025}/datapackage.json",
        "data/all/datapackage.json",
    ):
        assert (site / path).is_file(), path


def test_packages_are_copied_byte_for_byte(built: tuple[Path, Path, list[str]]) -> None:
    packages, site, _ = built
    published = sorted(p.relative_to(packages) for p in packages.rglob("*") if p.is_file())
    assert published
    for path in published:
        assert (site / "data" / path).read_bytes() == (packages / path).read_bytes(), path


def test_amounts_appear_exactly(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    index = (site / "index.html").read_text(encoding="utf-8")
    # An amount with more than two decimals in 万元 (12.3400) shows to the fen, its exact value in 元 under it.
    for amount in ("1,234,567.89", "1,000,000.00", "234,567.89", '12.34<span class="exact">精确值 123,400 元</span>', "2,345.6"):
        assert amount in index, amount
    page = (site / "disclosures" / Y2024 / "index.html").read_text(encoding="utf-8")
    for amount in ("1,234,567.89", "300,000.50", '0.01<span class="exact">精确值 100 元</span>', '2.34<span class="exact">精确值 23,400 元</span>', "10.00", "99.99"):
        assert amount in page, amount
    assert ">0.0100<" not in page and ">2.3400<" not in page  # no four-decimal figure shown beside two-decimal ones


def test_links_are_relative_and_nothing_is_fetched_from_another_host(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    pages = _html(site)
    assert len(pages) >= 5
    resource_tag = re.compile(r"<(?:link|script|img|iframe|source)\b[^>]*>", re.IGNORECASE)
    for name, html in pages.items():
        assert not re.search(r"""(?:href|src)=["']?/""", html), name
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, name
        for tag in resource_tag.findall(html):
            assert not re.search(r"""(?:href|src)=["']?(?:https?:)?//""", tag, re.IGNORECASE), (name, tag)
        assert not re.search(r"""(?:href|src)=["']?javascript:""", html, re.IGNORECASE), name


def test_data_strings_are_escaped(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    pages = _html(site)
    for name, html in pages.items():
        assert HOSTILE not in html, name
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["index.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages[f"disclosures/{Y2025}/index.html"]
    assert HOSTILE_LINK in pages[f"disclosures/{Y2024}/index.html"]
    for name, html in pages.items():
        assert "&amp;lt;" not in html, name  # escaped once, not twice
    title = re.search(r"<title>(.*?)</title>", pages[f"disclosures/{Y2025}/index.html"])
    assert title and "&lt;script&gt;" in title.group(1)


def test_pages_link_to_each_other_and_to_downloads(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    pages = _html(site)
    unit = pages[f"units/{UNIT}/index.html"]
    assert f'href="../../disclosures/{Y2024}/"' in unit
    assert f'href="../../disclosures/{Y2025}/"' in unit
    assert f'href="disclosures/{Y2024}/"' in pages["index.html"]
    assert f'href="units/{UNIT}/"' in pages["index.html"]
    disclosure = pages[f"disclosures/{Y2024}/index.html"]
    assert f'href="../../units/{UNIT}/"' in disclosure
    for file in ("datapackage.json", "totals.csv", "checks.csv"):
        assert f'href="../../data/{Y2024}/{file}"' in disclosure
        assert (site / "data" / Y2024 / file).is_file()
    assert 'href="../data/all/datapackage.json"' in pages["downloads/index.html"]


def test_a_site_of_one_province_lists_its_disclosures_once_per_kind_of_page(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    pages = _html(site)
    for listed in ("index.html", "compare/index.html"):
        assert f'href="disclosures/{Y2024}/"' in pages[listed] or f'href="../disclosures/{Y2024}/"' in pages[listed], listed
    assert f'href="../disclosures/{Y2024}/"' in pages["downloads/index.html"]
    # the province's own pages keep their addresses, and point to the pages that list it whole
    for page, target in (("regions/sichuan/index.html", 'href="../../#all"'), ("compare/sichuan/index.html", 'href="../../compare/"'), ("downloads/sichuan/index.html", 'href="../../downloads/#packages"')):
        assert "disclosures/" not in pages[page].split('<article')[1] and target in pages[page], page
        assert "本站只收四川省" in pages[page], page


def test_home_keeps_a_renamed_units_years_together_in_order(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    index = (site / "index.html").read_text(encoding="utf-8")
    assert index.index(f"disclosures/{Y2024}/") < index.index(f"disclosures/{Y2025}/")


def test_failing_checks_come_first_and_are_counted(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    page = (site / "disclosures" / Y2024 / "index.html").read_text(encoding="utf-8")
    assert page.index("total-mismatch") < page.index("function-rows-sum")
    # the check by its id (no Chinese name for this made-up one); its subject, a data key, is left to checks.csv; the pages of both sides
    assert '<span class="check-name" data-check="total-mismatch"><code>total-mismatch</code></span>' in page and '<td class="num">6；6</td>' in page
    assert "expenditure_total" not in page.split('id="checks"')[1].split("</table>")[0]
    quality = (site / "quality" / "index.html").read_text(encoding="utf-8")
    quality = quality[quality.index(f'id="{Y2024}"') :]
    assert "支出总表合计与各行之和不符（第6页）。</td><td class=\"num\">6；6</td>" in quality  # the quality page gives both pages too
    index = (site / "index.html").read_text(encoding="utf-8")
    assert f'href="disclosures/{Y2024}/#checks">1</a>' in index


def _between(page: str, start: str, end: str) -> str:
    """The part of a page from `start` to the first `end` after it."""
    part = page[page.index(start) :]
    return part[: part.index(end)]


def test_passing_checks_are_counted_by_check_and_left_to_the_csv(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    page = (site / "disclosures" / Y2024 / "index.html").read_text(encoding="utf-8")
    folded = _between(page, '<details class="passed"', "</details>")
    assert '<li><span class="check-name" data-check="function-rows-sum"><code>function-rows-sum</code></span> 1 项</li>' in folded
    assert '<li><span class="check-name" data-check="fiscal-year-consistent">文字说明年度与文件年度一致 <code>fiscal-year-consistent</code></span> 1 项</li>' in folded
    assert "total-mismatch" not in folded and "<table" not in folded  # a passing check's rows are in checks.csv, not on the page
    assert f'href="../../data/{Y2024}/checks.csv"' in folded


def test_tables_without_a_layout_of_their_own_say_their_codes_in_chinese(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    page = (site / "disclosures" / Y2024 / "index.html").read_text(encoding="utf-8")
    statements = _between(page, 'id="statements"', "</table>")
    assert '<td class="num">1</td><td>公务接待费</td><td>“三公”经费</td><td>预算数</td><td class="num">2024</td><td class="num">2.34</td>' in statements
    assert '<td class="wide">公务接待费2.34万元。</td>' in statements  # the sentence's column is given room
    doubts = _between(page, 'id="doubts"', "</table>")
    assert "<td>“三公”经费</td><td>2024/公务用车购置费|公务用车运行费/预算数/金额</td>" in doubts
    for section in (statements, doubts):
        assert not re.search(r"reception|approved|three_public|vehicle_", section)
    downloads = page[page.index('id="downloads"') :]
    assert 'totals.csv</a>　主要数字</li>' in downloads and "datapackage.json</a>　数据包描述" in downloads


def test_wide_tables_scroll_inside_the_page(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    for name, html in _html(site).items():
        tables = html.count('<table class="figures"')
        # tabindex: a box that scrolls can be scrolled from the keyboard (axe-core's scrollable-region-focusable)
        assert html.count('<div class="scroll" tabindex="0">\n<table class="figures"') == tables, name


def test_404_page_asks_nothing_of_the_host(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    page = (site / "404.html").read_text(encoding="utf-8")
    assert '<link rel="icon" href="data:,">' in page  # else the browser fetches /favicon.ico from the host's root
    assert not re.search(r"""(?:href|src)=(?!["']?data:)""", page)


def test_data_dictionary_comes_from_the_schema(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    page = (site / "downloads" / "index.html").read_text(encoding="utf-8")
    for resource in RESOURCES:
        assert f"<code>{resource.name}</code>" in page
        for field in resource.fields:
            assert f"<td><code>{field.name}</code></td>" in page
            assert f"<td>{field.title}</td>" in page


def test_navigation_lists_no_disclosure(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"') : home.index('<div class="md-sidebar md-sidebar--secondary"')]
    assert "disclosures/" not in nav and "units/" not in nav
    assert "下载与数据字典" in nav


def test_same_packages_give_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    packages = write_fixture(tmp_path)
    sites = [tmp_path / "a", tmp_path / "b"]
    for site in sites:
        render_site(packages, site, TEMPLATES, log=lambda _: None)
    files = [sorted(p.relative_to(s) for p in s.rglob("*") if p.is_file()) for s in sites]
    assert files[0] == files[1]
    for path in files[0]:
        assert (sites[0] / path).read_bytes() == (sites[1] / path).read_bytes(), path


def test_an_unreadable_package_is_reported_and_still_published(tmp_path: Path) -> None:
    packages = write_fixture(tmp_path)
    broken = packages / "broken-2024-budget"
    broken.mkdir()
    (broken / "datapackage.json").write_text("{not json", encoding="utf-8")
    messages: list[str] = []
    render_site(packages, tmp_path / "site", TEMPLATES, log=messages.append)
    assert any(m.startswith("broken-2024-budget: unreadable package") for m in messages)
    assert (tmp_path / "site" / "data" / "broken-2024-budget" / "datapackage.json").read_text(encoding="utf-8") == "{not json"
    assert (tmp_path / "site" / "disclosures" / Y2024 / "index.html").is_file()


def test_home_adds_up_only_comparable_disclosures(built: tuple[Path, Path, list[str]]) -> None:
    """A 2024 budget, a 2024 final account and a 2025 budget: no column total adds them (the issue's
    "budgets and final accounts of different years in one total"); the script sums one year and kind."""
    _, site, _ = built
    index = (site / "index.html").read_text(encoding="utf-8")
    footer = index[index.index("<tfoot>") : index.index("</tfoot>")]
    assert "不相加" in footer and not re.search(r"data-sum>[^<]", footer)
    disclosures, _ = read_packages(built[0], lambda _m: None)
    summaries = [package_to_summary(p) for p in disclosures]
    one_year = listing([s for s in summaries if s.disclosure.get("fiscal_year") == "2024" and s.disclosure.get("kind") == "budget"])
    assert one_year.comparable and one_year.sums["expenditure"] == (Decimal("1234567.89"), 1)
    assert '<tr data-province="四川省" data-year="2024" data-kind="final_account">' in index
    assert 'src="javascripts/cnbudget.js"' in index


def test_compare_page_links_each_value_to_its_disclosure(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    page = (site / "compare" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="../disclosures/{Y2024}/#totals">1,234,567.89</a>' in page
    assert f'<a href="../disclosures/{Y2024}/#three-public">12.34<span class="exact">精确值 123,400 元</span></a>' in page
    assert f'<a href="../disclosures/{Y2024}/#uses">19.0%</a>' in page  # 234567.89 / (1000000.00 + 234567.89)
    assert (site / "compare" / "sichuan" / "index.html").is_file() and (site / "regions" / "sichuan" / "index.html").is_file()


def test_unit_page_draws_the_trend_and_sets_budget_against_final_account(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    page = (site / "units" / UNIT / "index.html").read_text(encoding="utf-8")
    trend = page[page.index('<svg class="trend"') :]
    trend = trend[: trend.index("</svg>")]
    assert 'role="img"' in trend and "支出总计：2024年 1,234,567.89，2025年 2,345.6" in trend
    comparison = page[page.index('id="budget-final"') :]
    assert f'<a href="../../disclosures/{F2024}/">决算</a>' in comparison
    row = next(r for r in comparison.split("<tr>") if r.startswith("<td>支出总计</td>"))
    assert "65,432.11" in row and "105.3%" in row  # 1300000.00 − 1234567.89; 1300000.00 ÷ 1234567.89


def test_disclosure_page_has_charts_a_drill_down_and_a_citation(built: tuple[Path, Path, list[str]]) -> None:
    _, site, _ = built
    page = (site / "disclosures" / Y2024 / "index.html").read_text(encoding="utf-8")
    chart = page[page.index('<figure class="chart" aria-label="按功能分类') :]
    chart = chart[: chart.index("</figure>")]
    # 类 201 opens onto 款 20131, which opens onto 项 2013101.
    assert chart.index("<code>201</code>") < chart.index("<code>20131</code>") < chart.index("<code>2013101</code>")
    assert chart.count("<details") == 2 and chart.count("<svg") == 3
    assert "基本支出 1,000,000.00 万元（81.0%）" in page and "项目支出 234,567.89 万元（19.0%）" in page
    assert 'aria-label="“三公”经费各项，按年度"' in page
    citation = page[page.index('<p class="citation">') :]
    citation = citation[: citation.index("</p>")]
    for part in ("中共达州市达川区委办公室", "《中共达州市达川区委办公室2024年部门预算》", f"disclosures/{Y2024}/", "数据包生成于 2026-01-01"):
        assert part in citation, part
    assert ".zip" not in page and "<code>frictionless.Package(网址)</code>" in page  # the package is read whole from its datapackage.json


def test_a_final_accounts_own_figure_is_its_executed_one() -> None:
    """A final account that prints its 预算数 beside its 决算数: the listings show the 决算数, even from the prose."""
    from cnbudget.render.listing import package_to_summary
    from cnbudget.render.pages import package_to_page
    from cnbudget.render.published import Package, Row

    rows = {
        "disclosure": [Row(disclosure_id=F2024, kind="final_account", fiscal_year="2024")],
        "totals": [
            Row(metric="three_public_total", phase="approved", amount="0.95", origin="table", page="18"),
            Row(metric="three_public_total", phase="executed", amount="0.00", origin="narrative", page="23"),
        ],
        "three_public": [
            Row(fiscal_year="2024", item="total", phase="approved", amount="0.95", origin="table", page="18"),
            Row(fiscal_year="2024", item="total", phase="executed", amount="", origin="table", page="18"),
        ],
    }
    package = Package(F2024, {}, (), rows)
    assert package_to_summary(package).three_public == rows["totals"][1]
    table = package_to_page(package)["three_public"]
    assert [table.heading(c) for c in table.years] == ["2024年预算数", "2024年决算数"]
    assert package_to_page(package)["phased"]


def test_template_whitespace_is_folded_but_not_inside_pre_textarea_or_script() -> None:
    from cnbudget.render.fragments import fold_whitespace

    html = '<ul>\n    <li>甲</li>  \n\n   <li>乙 丙</li>\n</ul>\n<pre>  a\n\n  b</pre>\n  <textarea>\n x</textarea><script>if (a)\n    b()</script>\n'
    assert fold_whitespace(html) == '<ul>\n<li>甲</li>\n<li>乙 丙</li>\n</ul>\n<pre>  a\n\n  b</pre>\n<textarea>\n x</textarea><script>if (a)\n    b()</script>\n'


def test_every_chart_colour_has_its_class_in_the_stylesheet() -> None:
    from cnbudget.render.charts import PALETTE, colour_class

    css = (Path(__file__).resolve().parents[1] / "templates" / "extra.css").read_text(encoding="utf-8")
    for i, colour in enumerate(PALETTE):
        assert f".md-typeset .{colour_class(i)} {{ fill: {colour}; background: {colour}; }}" in css


def test_a_checks_pages_link_to_the_source_file_when_there_is_one() -> None:
    from cnbudget.render.sources import SourceFiles

    one = SourceFiles("../../", "x-2024-budget", ("source/a.pdf",))
    assert str(one.pages("3,4;6")) == (
        '<a href="../../data/x-2024-budget/source/a.pdf#page=3">3</a>、<a href="../../data/x-2024-budget/source/a.pdf#page=4">4</a>'
        '；<a href="../../data/x-2024-budget/source/a.pdf#page=6">6</a>'
    )
    assert str(one.pages(";6")) == '；<a href="../../data/x-2024-budget/source/a.pdf#page=6">6</a>'  # the expected side printed on no page
    two = SourceFiles("../../", "x-2024-budget", ("source/a.pdf", "source/b.pdf"))
    assert str(two.pages("3;6")) == "3；6"  # a check names no file: with two, the page alone
    assert str(one.pages("")) == ""

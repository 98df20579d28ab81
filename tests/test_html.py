"""A disclosure published as a web page goes through the same recognisers as text and PDF."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from cnbudget.pipeline.build import build

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"

# A real county: a package must name its province (a required field), and the build validates every
# package it publishes, so a unit of no known place would fail as invalid-package.
PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>预算公开</title>
<script>document.write("<b>not data</b>")</script><style>td{border:1px}</style></head>
<body>
<h1>中共眉山市青神县委办公室2024年部门预算</h1>
<p>2024年收入总计120.50万元，支出总计120.50万元。其中基本支出100.00万元，项目支出20.50万元。</p>
<h2>部门收支总表</h2>
<p>部门：中共眉山市青神县委办公室 金额单位：万元</p>
<table border="1">
<tr><td>收入</td><td></td><td>支出</td><td></td></tr>
<tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>
<tr><td>一、一般公共预算拨款收入</td><td>120.50</td><td>一、一般公共服务支出</td><td>110.00</td></tr>
<tr><td>二、政府性基金预算拨款收入</td><td></td><td>二、住房保障支出</td><td>10.50</td></tr>
<tr><td>本年收入合计</td><td>120.50</td><td>本年支出合计</td><td>120.50</td></tr>
<tr><td>收入总计</td><td>120.50</td><td>支出总计</td><td>120.50</td></tr>
</table>
<h2>一般公共预算支出表</h2>
<p>部门：中共眉山市青神县委办公室 金额单位：万元</p>
<table border="1">
<tr><td>科目编码</td><td>科目名称</td><td>合计</td><td>基本支出</td><td>项目支出</td></tr>
<tr><td></td><td>合计</td><td>120.50</td><td>100.00</td><td>20.50</td></tr>
<tr><td>201</td><td>一般公共服务支出</td><td>110.00</td><td>89.50</td><td>20.50</td></tr>
<tr><td>20131</td><td>党委办公厅（室）及相关机构事务</td><td>110.00</td><td>89.50</td><td>20.50</td></tr>
<tr><td>2013101</td><td>行政运行</td><td>89.50</td><td>89.50</td><td></td></tr>
<tr><td>2013102</td><td>一般行政管理事务</td><td>20.50</td><td></td><td>20.50</td></tr>
<tr><td>221</td><td>住房保障支出</td><td>10.50</td><td>10.50</td><td></td></tr>
<tr><td>22102</td><td>住房改革支出</td><td>10.50</td><td>10.50</td><td></td></tr>
<tr><td>2210201</td><td>住房公积金</td><td>10.50</td><td>10.50</td><td></td></tr>
</table>
</body></html>
"""


def _rows(folder: Path, resource: str) -> list[dict[str, str]]:
    with (folder / "all" / f"{resource}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_an_html_page_becomes_a_package(tmp_path: Path) -> None:
    source = tmp_path / "src" / "page.html"
    source.parent.mkdir()
    source.write_text(PAGE, encoding="utf-8")
    report = build([source.parent], tmp_path / "out", None, TEMPLATES)
    assert [e["status"] for e in report.entries] == ["ok"]
    (disclosure,) = _rows(tmp_path / "out", "disclosure")
    assert (disclosure["unit_name"], disclosure["fiscal_year"], disclosure["kind"]) == ("中共眉山市青神县委办公室", "2024", "budget")
    functions = {r["function_code"]: r for r in _rows(tmp_path / "out", "expenditure_by_function") if r["origin"] == "table"}
    assert Decimal(functions["2013101"]["total"]) == Decimal("89.50")
    assert Decimal(functions["2013102"]["project"]) == Decimal("20.50")
    assert functions["2013102"]["basic"] == ""  # printed blank, published empty
    assert Decimal(functions["2210201"]["total"]) == Decimal("10.50")
    totals = {(r["metric"], r["origin"]): Decimal(r["amount"]) for r in _rows(tmp_path / "out", "totals")}
    assert totals[("revenue_total", "table")] == Decimal("120.50")
    assert totals[("expenditure_current_year", "table")] == Decimal("120.50")
    assert totals[("basic_expenditure", "narrative")] == Decimal("100.00")
    text = "".join(r["source_name"] for r in _rows(tmp_path / "out", "revenue_by_source"))
    assert "not data" not in text


def test_a_link_to_a_file_keeps_the_name_of_the_file(tmp_path: Path) -> None:
    # cq_city_cpc_publicity_dept_2026_dept_budget.html: after the 名词解释, the tables are eight linked PDFs, one per unit
    from cnbudget.read.html import read_html

    page = tmp_path / "page.html"
    page.write_text(
        '<p>1．中共重庆市委宣传部<a href="http://images.wenming.cn/web_cq/gggs/202603/W020260302537384806293.pdf" OLDSRC="x.pdf">1．中共重庆市委宣传部</a></p>'
        '<p><a href="/about.html">关于我们</a></p><p><a href="/web.etc/page.htm">其他</a></p>',
        encoding="utf-8",
    )
    texts = [line.text for line in read_html(page).lines]
    assert "1．中共重庆市委宣传部1．中共重庆市委宣传部〔链接文件：W020260302537384806293.pdf〕" in texts
    assert "关于我们" in texts and "其他" in texts  # a link to a page is its text only

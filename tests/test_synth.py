"""The synthetic corpus (tools/synth.py): the same disclosures read as text and as PDF, scored
against the figures the generator wrote down.

Six disclosures cover every layout family the generator cycles through: codes in one cell and in
three, amounts in 万元 and in 元, budgets and final accounts, 预算01表 / 表1 / unnumbered titles,
thousands separators, the 合计 row on top and at the bottom, a negative amount, tables running
over two pages with their header repeated.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from cnbudget.model import BuildReport
from cnbudget.pipeline.build import build

from .conftest import read_rows

ROOT = Path(__file__).resolve().parent.parent
COUNT = 6
SEED = 2026
COMPARED = ("expenditure_by_function", "basic_expenditure_by_economic", "three_public", "totals")
# Fields that depend on the file read, not on what it says.
FILE_FIELDS = {"page", "source_file"}


def load_synth() -> ModuleType:
    """tools/synth.py as a module (tools/ is not a package)."""
    if "synth" not in sys.modules:
        spec = importlib.util.spec_from_file_location("synth", ROOT / "tools" / "synth.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["synth"] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules["synth"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list, dict[str, BuildReport]]:
    """The corpus generated once, and a build of its text files and of its PDFs."""
    synth = load_synth()
    out = tmp_path_factory.mktemp("synth")
    disclosures = synth.generate_corpus(COUNT, out, ("text", "pdf"), SEED)
    reports = {}
    for fmt in ("text", "pdf"):
        reports[fmt] = build([out / fmt], out / f"packages-{fmt}", None, ROOT / "templates", jobs=1, log=lambda _m: None)
    return out, disclosures, reports


def comparable(packages: Path, resource: str) -> list[tuple[tuple[str, str], ...]]:
    """The resource's rows read from tables, without the fields that depend on the file, sorted."""
    rows = [r for r in read_rows(packages / "all", resource) if r.get("origin", "table") == "table"]
    return sorted(tuple(sorted((k, v) for k, v in r.items() if k not in FILE_FIELDS)) for r in rows)


def test_generation_is_deterministic_and_adds_up(tmp_path: Path) -> None:
    synth = load_synth()
    first = synth.generate_corpus(3, tmp_path / "a", ("text",), SEED)
    synth.generate_corpus(2, tmp_path / "b", ("text",), SEED)
    assert (tmp_path / "a" / "text" / "00001.txt").read_bytes() == (tmp_path / "b" / "text" / "00001.txt").read_bytes()
    assert len({d.unit for d in first}) == 3
    for d in first:
        for code, (total, basic, project) in d.function.items():
            assert total == (basic or 0) + (project or 0), code
            kids = [v for c, v in d.function.items() if len(c) == len(code) + 2 and c.startswith(code)]
            if kids:
                assert [sum(k[i] or 0 for k in kids) for i in range(3)] == [v or 0 for v in (total, basic, project)], code
        top = [v for c, v in d.function.items() if len(c) == 3]
        assert sum(v[0] for v in top) == d.revenue[next(iter(d.revenue))]
        assert sum(v[1] or 0 for v in top) == d.totals["basic_expenditure"] == sum(v[0] for c, v in d.economic.items() if len(c) == 3)
        assert d.totals["personnel_expenditure"] + d.totals["public_expenditure"] == d.totals["basic_expenditure"]
        tp = d.three_public
        assert tp["total"] == tp["outbound_travel"] + tp["vehicle_total"] + tp["reception"]
        assert tp["vehicle_total"] == tp["vehicle_purchase"] + tp["vehicle_operation"]
        assert sum(d.class_spending.values()) == d.totals["expenditure_current_year"]


def test_pdfs_are_readable_and_long_tables_repeat_their_header(corpus: tuple[Path, list, dict[str, BuildReport]]) -> None:
    from cnbudget.read import read_source

    out, disclosures, _ = corpus
    doc = read_source(out / "pdf" / f"{disclosures[0].file}.pdf")
    assert doc.source.pages and doc.source.pages > 4
    headers = [line for line in doc.lines if line.cells[:2] == ("收入", "")]
    assert len({line.page for line in headers}) == 2, "the 收支总表 runs over two pages, its header on each"
    assert any("－" in cell for d in disclosures if d.style.negative for line in read_source(out / "pdf" / f"{d.file}.pdf").lines for cell in line.cells)


def test_one_disclosure_per_generated_one(corpus: tuple[Path, list, dict[str, BuildReport]]) -> None:
    out, disclosures, reports = corpus
    expected = sorted((d.unit, str(d.year)) for d in disclosures)
    for fmt, report in reports.items():
        assert not report.failed, [e for e in report.entries if e["status"] != "ok"]
        found = sorted((r["unit_name"], r["fiscal_year"]) for r in read_rows(out / f"packages-{fmt}" / "all", "disclosure"))
        assert found == expected, fmt


@pytest.mark.parametrize("resource", COMPARED)
def test_text_and_pdf_give_the_same_rows(corpus: tuple[Path, list, dict[str, BuildReport]], resource: str) -> None:
    out, _, _ = corpus
    text, pdf = comparable(out / "packages-text", resource), comparable(out / "packages-pdf", resource)
    assert text, resource
    only_text = [dict(r) for r in text if r not in pdf]
    only_pdf = [dict(r) for r in pdf if r not in text]
    assert text == pdf, f"{resource}: only in the text build {only_text[:5]}; only in the PDF build {only_pdf[:5]}"


@pytest.mark.parametrize("fmt", ["text", "pdf"])
def test_answer_key_matches(corpus: tuple[Path, list, dict[str, BuildReport]], fmt: str) -> None:
    out, _, _ = corpus
    result = load_synth().score(out / "answers.csv", out / f"packages-{fmt}")
    assert result.total > 100 * COUNT
    assert result.accuracy >= 0.99, f"{fmt}: {result.matched}/{result.total} figures match; misses:\n" + "\n".join(result.misses)


@pytest.mark.parametrize("fmt", ["text", "pdf"])
def test_final_account_three_public_total_headed_plain_total(corpus: tuple[Path, list, dict[str, BuildReport]], fmt: str) -> None:
    out, disclosures, _ = corpus
    d = next(d for d in disclosures if d.kind == "final_account" and d.style.three_public_label == "合计")
    ids = {r["unit_name"]: r["disclosure_id"] for r in read_rows(out / f"packages-{fmt}" / "all", "disclosure")}
    rows = [r for r in read_rows(out / f"packages-{fmt}" / "all", "three_public") if r["disclosure_id"] == ids[d.unit] and r["origin"] == "table" and r["item"] == "total"]
    assert [Decimal(r["amount"]) for r in rows if r["phase"] == "executed"] == [d.wan(d.three_public["total"])]
    # the 预算数 printed beside it (tools/synth.py: operation and reception a tenth more) is the approved figure, a row of its own
    tp = d.three_public
    budget = tp["outbound_travel"] + tp["vehicle_purchase"] + sum(tp[k] + tp[k] // 10 for k in ("vehicle_operation", "reception"))
    assert [(r["phase"], Decimal(r["amount"])) for r in rows] == [("approved", d.wan(budget)), ("executed", d.wan(tp["total"]))]


def test_answer_key_lists_every_printed_figure(corpus: tuple[Path, list, dict[str, BuildReport]]) -> None:
    out, disclosures, _ = corpus
    with (out / "answers.csv").open(encoding="utf-8", newline="") as handle:
        key = list(csv.DictReader(handle))
    d = disclosures[0]
    mine = [r for r in key if r["file"] == d.file]
    assert {r["key"] for r in mine if r["resource"] == "expenditure_by_function"} == set(d.function)
    assert {r["key"] for r in mine if r["resource"] == "basic_expenditure_by_economic"} == set(d.economic)
    assert all(r["expected"] == "" or Decimal(r["expected"]) == Decimal(r["expected"]).quantize(Decimal("0.0001")) for r in mine if r["resource"] != "disclosure")

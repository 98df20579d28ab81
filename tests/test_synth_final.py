"""Final accounts in the national layout from the synthetic corpus (tools/synth.py --kind final).

Three disclosures, as text and as PDF: the PDFs print 行次 beside the labels, 栏次 rows and the three
phases side by side; the answer key's identities hold in each phase; a build of the PDFs is scored
against the key by resource and phase. The reader does not handle this layout yet, so the score is
printed and its target expected to fail.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from .test_synth import load_synth

ROOT = Path(__file__).resolve().parent.parent
COUNT = 3
SEED = 2026
PHASES = ("approved", "adjusted", "executed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    out = tmp_path_factory.mktemp("synth-final")
    disclosures = load_synth().generate_corpus(COUNT, out, ("text", "pdf"), SEED, kind="final")
    return out, disclosures


@pytest.fixture(scope="module")
def key(corpus: tuple[Path, list]) -> dict[str, list[dict[str, str]]]:
    """The answer key's rows by file."""
    out, _ = corpus
    with (out / "answers.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_file: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_file[row["file"]].append(row)
    return by_file


def figure(rows: list[dict[str, str]], resource: str, key: str, field: str, phase: str, origin: str = "table") -> Decimal:
    """One figure of the key (a blank or unlisted one is 0)."""
    found = [r["expected"] for r in rows if (r["resource"], r["origin"], r["key"], r["field"], r["phase"]) == (resource, origin, key, field, phase)]
    assert len(found) <= 1, (resource, key, field, phase)
    return Decimal(found[0]) if found and found[0] else Decimal(0)


def pdf_tables(path: Path) -> list[list[list[str | None]]]:
    with pdfplumber.open(path) as pdf:
        out = []
        for page in pdf.pages:
            out += page.extract_tables()
            page.close()
        return out


def test_pdfs_print_line_numbers_column_numbers_and_three_phases(corpus: tuple[Path, list]) -> None:
    out, disclosures = corpus
    for d in disclosures:
        v = d.variant
        with pdfplumber.open(out / "pdf" / f"{d.file}.pdf") as pdf:
            text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        assert re.search(r"编制单位：\S+ 单位：", text), "the unit lines stand apart, however narrow the table"
        for word in ("收入支出决算总表", "财政拨款收入支出决算总表", "年初预算数", "全年预算数", "决算数", "人员经费合计", "公用经费合计"):
            assert word in text, (d.file, word)
        assert ("行次" in text) == v.line_numbers and ("栏次" in text) == v.column_numbers, (d.file, v)
        head = ["项目", "行次", d.layout.amount_heading] if v.line_numbers else ["项目", d.layout.amount_heading]
        at = 0 if v.summary == "stacked" else 1
        summary = next(t for t in pdf_tables(out / "pdf" / f"{d.file}.pdf") if len(t) > at and t[at][: len(head)] == head)
        body = summary[at + 1 :]
        if v.column_numbers:
            assert body[0][: len(head)] == ["栏次", *([""] if v.line_numbers else []), "1"], body[0]
            body = body[1:]
        if v.line_numbers:
            numbers = [row[1] for row in body if row[1]]
            assert numbers == [str(i) for i in range(1, len(numbers) + 1)] and len(numbers) > 10, "the 行次 run 1, 2, 3 …"
        first = body[1] if v.summary == "stacked" else body[0]
        assert first[0] == "一、一般公共预算财政拨款收入" and first[len(head) - 1], first
        text_layer = (out / "text" / f"{d.file}.txt").read_text(encoding="utf-8")
        assert ("项目\t行次\t" in text_layer) == v.line_numbers


def test_variants_are_drawn_from_the_seed_and_cover_every_value() -> None:
    synth = load_synth()
    corpus = synth.disclosures_of(24, SEED, "final")
    again = synth.disclosures_of(24, SEED, "final")
    assert [d.variant for d in corpus] == [d.variant for d in again]
    assert [d.variant for d in corpus] != [d.variant for d in synth.disclosures_of(24, SEED + 1, "final")]
    for name in synth.VARIANT_FIELDS:
        values = {getattr(d.variant, name) for d in corpus}
        assert len(values) >= 2, (name, values)
    assert all(d.style.yuan == d.variant.yuan and d.style.split_codes == (d.variant.codes == "split") for d in corpus)


def test_national_final_accounts_are_deterministic_and_apart_from_the_mixed_corpus(tmp_path: Path) -> None:
    synth = load_synth()
    three = synth.generate_corpus(3, tmp_path / "a", ("text",), SEED, kind="final")
    synth.generate_corpus(2, tmp_path / "b", ("text",), SEED, kind="final")
    assert (tmp_path / "a" / "text" / "00001.txt").read_bytes() == (tmp_path / "b" / "text" / "00001.txt").read_bytes()
    mixed = synth.disclosures_of(3, SEED)
    assert {d.unit for d in three}.isdisjoint(d.unit for d in mixed), "other units than the mixed corpus of the same seed"
    assert all(d.kind == "final_account" for d in three)


def test_command_line_offers_the_kind(tmp_path: Path) -> None:
    tool = [sys.executable, str(ROOT / "tools" / "synth.py")]
    assert "--kind" in subprocess.run([*tool, "--help"], capture_output=True, text=True, check=True).stdout
    done = subprocess.run([*tool, "--count", "1", "--out", str(tmp_path), "--kind", "final"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "财决05表" in (tmp_path / "text" / "00000.txt").read_text(encoding="utf-8")
    assert subprocess.run([*tool, "--count", "1", "--out", str(tmp_path), "--kind", "nope"], capture_output=True, check=False).returncode == 2


def test_no_amount_reads_as_a_line_number(corpus: tuple[Path, list]) -> None:
    _, disclosures = corpus
    synth = load_synth()
    for d in disclosures:
        for minor in synth.printed_amounts(d):
            value = abs(Decimal(minor) * (1 if d.style.yuan else Decimal("0.01")))
            assert not (value == value.to_integral_value() and 1 <= value <= 99), (d.file, minor)


def test_key_identities_hold_in_every_phase(corpus: tuple[Path, list], key: dict[str, list[dict[str, str]]]) -> None:
    out, disclosures = corpus
    for d in disclosures:
        rows = key[d.file]
        function = [r for r in rows if r["resource"] == "expenditure_by_function" and r["field"] == "total"]
        codes = sorted({r["key"] for r in function})
        five = [c for c in codes if len(c) == 5]
        sums = {}
        for phase in PHASES:
            classes = sum(figure(rows, "expenditure_by_function", c, "total", phase) for c in codes if len(c) == 3)
            items = sum(figure(rows, "expenditure_by_function", c, "total", phase) for c in codes if len(c) == 7)
            assert classes == items, (d.file, phase)
            for section in five:
                kids = sum(figure(rows, "expenditure_by_function", c, "total", phase) for c in codes if len(c) == 7 and c.startswith(section))
                assert figure(rows, "expenditure_by_function", section, "total", phase) == kids, (d.file, phase, section)
            sums[phase] = classes
        assert len(set(sums.values())) == 3, f"{d.file}: the three phases print the same 合计 {sums}"

        # the 合计 row of 财决05 prints the sum of the classes, phase by phase
        scale = Decimal("0.0001") if d.style.yuan else 1
        totals = [
            [Decimal(c.replace(",", "")) * scale for c in row[row.index("合计") + 1 :][:3]]
            for t in pdf_tables(out / "pdf" / f"{d.file}.pdf")
            for row in t
            if "合计" in row and len(row) > row.index("合计") + 3 and all(c and re.fullmatch(r"[0-9,.]+", c) for c in row[row.index("合计") + 1 :][:3])
        ]
        assert [sums[p] for p in PHASES] in totals, (d.file, totals, sums)
        if d.layout.function_split:
            for code in codes:
                parts = figure(rows, "expenditure_by_function", code, "basic", "executed") + figure(rows, "expenditure_by_function", code, "project", "executed")
                assert parts == figure(rows, "expenditure_by_function", code, "total", "executed"), (d.file, code)

        personnel = figure(rows, "totals", "personnel_expenditure", "amount", "executed")
        public = figure(rows, "totals", "public_expenditure", "amount", "executed")
        classes_ = sum(figure(rows, "basic_expenditure_by_economic", c, "total", "executed") for c in ("301", "302", "303", "310"))
        assert personnel + public == classes_ == d.wan(d.totals["basic_expenditure"]), d.file
        assert personnel == sum(figure(rows, "basic_expenditure_by_economic", c, "total", "executed") for c in ("301", "303")), d.file

        for phase in PHASES:
            tp = {item: figure(rows, "three_public", item, "amount", phase) for item in ("total", "outbound_travel", "vehicle_total", "vehicle_purchase", "vehicle_operation", "reception")}
            assert tp["total"] == tp["outbound_travel"] + tp["vehicle_total"] + tp["reception"], (d.file, phase, tp)
            assert tp["vehicle_total"] == tp["vehicle_purchase"] + tp["vehicle_operation"], (d.file, phase, tp)


def test_budgets_keep_an_empty_phase(tmp_path: Path) -> None:
    load_synth().generate_corpus(3, tmp_path, ("text",), SEED)
    with (tmp_path / "answers.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["file", "unit_name", "fiscal_year", "resource", "origin", "key", "field", "expected", "phase"]
    assert {r["phase"] for r in rows if r["file"] != "00002" and r["resource"] != "disclosure"} == {""}
    assert {r["phase"] for r in rows if r["file"] == "00002" and r["resource"] != "disclosure"} == {"executed"}, "00002 is a (simplified) final account"


def write_package(folder: Path, resource: str, rows: list[dict[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / f"{resource}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, list(rows[0]) if rows else ["disclosure_id"])
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("phased", [True, False])
def test_score_compares_by_phase(tmp_path: Path, phased: bool) -> None:
    """With a phase field every phase is compared; without one the 决算数 meet the single figure and the rest is missing."""
    key = tmp_path / "answers.csv"
    with key.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "unit_name", "fiscal_year", "resource", "origin", "key", "field", "expected", "phase"])
        for phase, value in (("approved", "10.50"), ("adjusted", "12.25"), ("executed", "11.75")):
            writer.writerow(["00000", "某局", "2024", "expenditure_by_function", "table", "201", "total", value, phase])
    packages = tmp_path / "dp" / "all"
    write_package(packages, "disclosure", [{"disclosure_id": "x", "unit_name": "某局", "fiscal_year": "2024"}])
    rows = [{"disclosure_id": "x", "function_code": "201", "total": v, "origin": "table"} for v in ("10.5", "12.25", "11.75")]
    if phased:
        for row, phase in zip(rows, PHASES):
            row["phase"] = phase
    else:
        rows = rows[2:]
    write_package(packages, "expenditure_by_function", rows)
    for name in ("totals", "revenue_by_source", "basic_expenditure_by_economic", "three_public"):
        write_package(packages, name, [])
    result = load_synth().score(key, tmp_path / "dp")
    assert (result.matched, result.total) == ((3, 3) if phased else (1, 3)), result.misses
    assert result.groups[("expenditure_by_function", "executed")] == [1, 1]
    if not phased:
        assert all("no phase field" in m for m in result.misses)


@pytest.fixture(scope="module")
def build(corpus: tuple[Path, list]) -> Path:
    """The PDFs built through the real command line."""
    out, _ = corpus
    packages = out / "dp"
    done = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--source", str(out / "pdf"), "--datapackages", str(packages), "--no-site", "--no-cache", "-q"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return packages


def test_build_of_national_final_accounts_is_scored(corpus: tuple[Path, list], build: Path) -> None:
    out, _ = corpus
    result = load_synth().score(out / "answers.csv", build)
    print(f"\n{result.table()}\n{result.matched}/{result.total} figures match ({result.accuracy:.2%})")
    assert result.total > 150 * COUNT
    assert result.groups[("disclosure", "")][0] == 6 * COUNT, "every disclosure found with its unit, year, kind and scope"


def test_build_of_national_final_accounts_matches_the_key(corpus: tuple[Path, list], build: Path) -> None:
    out, _ = corpus
    result = load_synth().score(out / "answers.csv", build)
    assert result.accuracy >= 0.99, f"{result.matched}/{result.total} figures match\n{result.table()}\nmisses:\n" + "\n".join(result.misses[:40])


# Three final accounts in chosen layout variants, between them every value that is not the plain
# rendering (stacked 总表, names without codes, codes in one cell, no 行次, no 栏次, a table continued
# without its header, portrait pages, 元, separators, zeros printed as 0.00 and zeros left blank).
VARIANTS = (
    {
        "summary": "stacked",
        "codes": "none",
        "line_numbers": True,
        "column_numbers": True,
        "continued": "bare",
        "pages": "portrait",
        "yuan": True,
        "thousands": True,
        "zeros": "printed",
    },
    {
        "summary": "sides",
        "codes": "joined",
        "line_numbers": False,
        "column_numbers": False,
        "continued": "repeat",
        "pages": "landscape",
        "yuan": False,
        "thousands": False,
        "zeros": "blank",
    },
    {
        "summary": "stacked",
        "codes": "split",
        "line_numbers": False,
        "column_numbers": True,
        "continued": "bare",
        "pages": "landscape",
        "yuan": False,
        "thousands": True,
        "zeros": "printed",
    },
)


@pytest.fixture(scope="module")
def variant_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list]:
    synth = load_synth()
    out = tmp_path_factory.mktemp("synth-variants")
    (out / "pdf").mkdir()
    units = synth.pick_units(len(VARIANTS), SEED, "variant-units")
    disclosures = [synth.generate_national(i, SEED, unit, synth.Variant(**v)) for i, (unit, v) in enumerate(zip(units, VARIANTS))]
    for d in disclosures:
        synth.to_pdf(synth.printed_any(d), out / "pdf" / f"{d.file}.pdf")
    synth.write_answers(out / "answers.csv", disclosures)
    packages = out / "dp"
    command = [sys.executable, str(ROOT / "build.py"), "--source", str(out / "pdf"), "--datapackages", str(packages), "--no-site", "--no-cache", "-q"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, check=False, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return out, packages, disclosures


def test_variants_print_what_they_say(variant_build: tuple[Path, Path, list]) -> None:
    out, _, disclosures = variant_build
    for d in disclosures:
        v = d.variant
        with pdfplumber.open(out / "pdf" / f"{d.file}.pdf") as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
            portrait = [page.height > page.width for page in pdf.pages[1:]]
        tables = "\n".join(pages[1:])
        assert ("行次" in tables) == v.line_numbers and ("栏次" in tables) == v.column_numbers, d.file
        assert ("单位：元" in tables) == v.yuan, d.file
        zero = re.search(r"政府性基金预算财政拨款收入(?: \d+)? 0(?:\.00)?\s", tables)
        assert (zero is not None) == (v.zeros == "printed"), (d.file, "a zero printed, or left blank")
        assert all(portrait[:-1]) if v.pages == "portrait" else not any(portrait), d.file
        assert (re.search(r"(?<![\d,.])2\d{6}(?![\d,.])", tables) is not None) == (v.codes == "joined"), d.file
        assert (re.search(r"(?<![\d,.])30[123] \d{2}(?![\d,.])", tables) is not None) == (v.codes == "split"), d.file
        assert (re.search(r"(?<![\d,.])30[123](?![\d,.])", tables) is None) == (v.codes == "none"), d.file
        first = next(i for i, p in enumerate(pages) if "一般公共预算财政拨款支出决算表" in p)
        following = pages[first + 1]
        assert "基本支出决算表" not in following, "the 支出决算表 runs over two pages"
        assert ("年初预算数" in following) == (v.continued == "repeat"), (d.file, "its header repeated, or not")


def test_variants_are_read_right(variant_build: tuple[Path, Path, list]) -> None:
    """A floor on the variants, with the figures a reader of a new layout most often gets wrong named apart."""
    out, packages, _ = variant_build
    result = load_synth().score(out / "answers.csv", packages)
    assert result.line_numbers == [], "a 行次 or 栏次 published as a figure"
    lost = [m for m in result.misses if "expenditure_total" in m or "basic_expenditure_by_economic" in m or "revenue_by_source" in m]
    assert lost == [], lost
    assert result.accuracy >= 0.99, f"{result.matched}/{result.total} figures match\n{result.table()}\nmisses:\n" + "\n".join(result.misses[:40])

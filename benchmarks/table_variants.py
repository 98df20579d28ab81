"""Probe table reading with invented tables printed the ways real disclosures print them (issue 13).

``python benchmarks/table_variants.py [--out DIR] [--count N] [--only NAME ...] [--pdf]``

Synthetic disclosures (``tools/synth.py``, budgets and national-layout final accounts, text layers;
web pages; with ``--pdf``, PDFs) are rewritten one way at a time — full-width digits, thousands
separators, another unit, blanks printed as 「-」, other column wordings, extra columns, a 行次 column,
a code in one column, a table over pages without its header … — built, and scored
against the same answer key. A variant is OK when no figure is published with another amount (a
figure refused is allowed: better refused than wrong), when no check fails that fails on none of the
plain corpus (the figures are the same, so such a fail is the reading's), and, where the variant says
the reading must not lose figures, when as many match as without it. ``benchmarks/table_layouts.py``
adds layouts the national templates allow (codes not printed, a landscape page's text column by
column, 合计 last, the unit in the header cells) and the final account's own layouts forced on every
disclosure (the 收支总表's blocks side by side or stacked, with 行次 or without; codes in three
cells, one or none; a table over pages without its header), each as tabs and as cells by spaces.
One line per variant: OK/BAD, what was expected, matched/total, figures with another amount and new
fails (the first few shown).
"""

from __future__ import annotations

import argparse
import csv
import html
import importlib.util
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("synth", ROOT / "tools" / "synth.py")
assert _spec and _spec.loader
synth = importlib.util.module_from_spec(_spec)
sys.modules["synth"] = synth
_spec.loader.exec_module(synth)

_spec = importlib.util.spec_from_file_location("table_layouts", ROOT / "benchmarks" / "table_layouts.py")
assert _spec and _spec.loader
layouts = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(layouts)

AMOUNT = re.compile(r"^\d+\.\d{2}$")
FULL = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _cells(text: str, fn: Callable[[str], str]) -> str:
    """The text with every amount cell of every table line (tab-separated) rewritten by ``fn``."""
    out = []
    for line in text.split("\n"):
        if "\t" in line:
            line = "\t".join(fn(c) if AMOUNT.match(c) else c for c in line.split("\t"))
        out.append(line)
    return "\n".join(out)


def _grouped(c: str, sep: str) -> str:
    whole, _, frac = c.partition(".")
    parts: list[str] = []
    while len(whole) > 3:
        parts.insert(0, whole[-3:])
        whole = whole[:-3]
    return sep.join([whole, *parts]) + ("." + frac if frac else ".00")


def _scaled(c: str, power: int) -> str:
    """An amount in 万元 written in a unit 10**power times smaller (元: 4, 千元: 1, 亿元: -4), exactly."""
    return format(Decimal(c).scaleb(power).normalize() if power < 0 else Decimal(c).scaleb(power), "f")


def _unit(text: str, unit: str, power: int, sep: str = ",") -> str:
    text = text.replace("单位：万元", f"单位：{unit}")
    return _cells(text, lambda c: _grouped(_scaled(c, power), sep) if power >= 0 else _scaled(c, power))


def _blanks(mark: str) -> Callable[[str], str]:
    """Empty amount cells of table rows printed as ``mark`` (only cells between two amounts or after one)."""

    def apply(text: str) -> str:
        out = []
        for line in text.split("\n"):
            if "\t" in line:
                cells = line.split("\t")
                if any(AMOUNT.match(c) for c in cells):
                    first = next(i for i, c in enumerate(cells) if AMOUNT.match(c))
                    cells = [mark if (i > first and c == "") else c for i, c in enumerate(cells)]
                line = "\t".join(cells)
            out.append(line)
        return "\n".join(out)

    return apply


def _rename(old: str, new: str) -> Callable[[str], str]:
    """A header cell renamed (whole cells only, on table lines)."""

    def apply(text: str) -> str:
        def renamed(line: str) -> str:
            cells = line.split("\t")
            return "\t".join(new if c == old else c for c in cells) if len(cells) > 1 and not any(AMOUNT.match(c) for c in cells) else line

        return "\n".join(renamed(line) for line in text.split("\n"))

    return apply


def _run_in(text: str) -> str:
    """A label cell run into the first amount after it, as Excel exports print (行政运行385.06)."""
    out = []
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) > 2 and re.search(r"[\u4e00-\u9fff]$", cells[-4] if len(cells) >= 4 else "") and AMOUNT.match(cells[-3]):
            cells = [*cells[:-4], cells[-4] + cells[-3], *cells[-2:]]
        out.append("\t".join(cells))
    return "\n".join(out)


def _one_code_column(text: str) -> str:
    """类/款/项 codes printed in one cell (2010201): the 类 款 项 header cells collapse into one (the line is dropped if nothing else is on it)."""
    out = []
    lines = text.split("\n")
    width = 0  # how many code cells the current table prints (3: 类 款 项, 2: 类 款)
    for n, line in enumerate(lines):
        cells = line.split("\t")
        ahead = lines[n + 1 : n + 3]
        if any(a.startswith("类\t款\t项") for a in ahead) and cells[0] in ("科目编码", "部门预算支出经济分类科目"):
            width = 3
        elif any(a.startswith("类\t款") for a in ahead) and cells[0] in ("科目编码", "部门预算支出经济分类科目"):
            width = 2
        elif not line.strip():
            width = 0
        if width and len(cells) > width:
            head = cells[:width]
            if head[0] in ("类",):
                cells = ["", *cells[width:]]
                if not any(cells):
                    continue
            elif head[0] in ("科目编码", "部门预算支出经济分类科目"):
                cells = [head[0], *cells[width:]]
            elif re.fullmatch(r"\d{3}", head[0]) or not any(head):
                cells = ["".join(head), *cells[width:]]
        out.append("\t".join(cells))
    return "\n".join(out)


def _no_repeat(text: str) -> str:
    """A continued page without its repeated header: the second header of a table is dropped."""
    out: list[str] = []
    for block in text.split("\n\n"):
        lines = block.split("\n")
        kept = []
        heads: set[str] = set()
        for i, line in enumerate(lines):
            if "\t" in line and not any(AMOUNT.match(c) for c in line.split("\t")) and i > 3 and line in heads:
                continue
            if "\t" in line and i <= 6:
                heads.add(line)
            kept.append(line)
        out.append("\n".join(kept))
    return "\n\n".join(out)


def _empty_three_public(text: str) -> str:
    """The “三公” table printed empty with a note (本部门无…)."""
    out = []
    skip = False
    for line in text.split("\n"):
        if "“三公”经费" in line and "表" in line and "\t" not in line:
            skip = True
            out.append(line)
            continue
        if skip:
            if not line.strip():
                out.append("说明：本部门2023年无一般公共预算“三公”经费支出，故本表为空表。")
                skip = False
            elif line.startswith(("部门：", "编制单位：")):
                out.append(line)
            continue
        out.append(line)
    return "\n".join(out)


def _line_numbers(text: str) -> str:
    """A 行次 column after the 科目名称 of the function table of a budget (numbers 1…n, 栏次 not printed)."""
    out = []
    n = 0
    inside = False
    for line in text.split("\n"):
        cells = line.split("\t")
        if "一般公共预算支出表" in line and "\t" not in line:
            inside, n = True, 0
        elif not line.strip():
            inside = False
        if inside and len(cells) == 7:
            if cells[3] == "科目名称":
                cells = [*cells[:4], "行次", *cells[4:]]
            elif cells[:3] == ["类", "款", "项"]:
                cells = [*cells[:4], "", *cells[4:]]
            else:
                n += 1
                cells = [*cells[:4], str(n), *cells[4:]]
        out.append("\t".join(cells))
    return "\n".join(out)


def _negative(open_: str, close: str) -> Callable[[str], str]:
    """The last amount of every table row printed as a negative in brackets (（12.30）) or with a sign (−12.30)."""

    def apply(text: str) -> str:
        out = []
        for line in text.split("\n"):
            cells = line.split("\t")
            last = max((i for i, c in enumerate(cells) if AMOUNT.match(c) and c.strip("0.")), default=None)
            if len(cells) > 1 and last is not None:
                cells[last] = f"{open_}{cells[last]}{close}"
            out.append("\t".join(cells))
        return "\n".join(out)

    return apply


def _spaces(text: str) -> str:
    """Cells separated by spaces, blank cells lost (a PDF's text layer copied without its columns)."""
    return "\n".join(" ".join(c for c in line.split("\t") if c.strip()) if "\t" in line else line for line in text.split("\n"))


def _extra_columns(text: str) -> str:
    """The budget's 一般公共预算支出表 with 上年执行数 and 比上年增减 after its 合计 基本支出 项目支出 (never published as them)."""
    out = []
    inside = False
    for line in text.split("\n"):
        cells = line.split("\t")
        if "一般公共预算支出表" in line and "\t" not in line:
            inside = True
        elif not line.strip():
            inside = False
        if inside and len(cells) == 7:
            if cells[4] == "合计" and not any(AMOUNT.match(c) for c in cells):
                cells += ["上年执行数", "比上年增减"]
            elif AMOUNT.match(cells[4]):
                last = (Decimal(cells[4]) * Decimal("0.9")).quantize(Decimal("0.01"))
                cells += [str(last), str(Decimal(cells[4]) - last)]
            else:
                cells += ["", ""]
        out.append("\t".join(cells))
    return "\n".join(out)


def _html(text: str) -> str:
    """The disclosure as a web page: prose in paragraphs, each run of table lines a <table> (blank cells kept, with colspan none)."""
    parts = ["<html><head><meta charset='utf-8'></head><body>"]
    in_table = False
    for line in text.split("\n"):
        if "\t" in line:
            if not in_table:
                parts.append("<table border='1'>")
                in_table = True
            parts.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.split("\t")) + "</tr>")
            continue
        if in_table:
            parts.append("</table>")
            in_table = False
        if line.strip():
            parts.append(f"<p>{html.escape(line)}</p>")
    parts.append("</table></body></html>" if in_table else "</body></html>")
    return "\n".join(parts)


@dataclass(frozen=True)
class Variant:
    name: str
    expected: str  # what the reading must do, in words
    rewrite: Callable[[str], str]
    keep_all: bool = True  # every figure the plain corpus matches must still match (else: refusals allowed)
    suffix: str = ".txt"  # the source's file type
    same_figures: bool = True  # the rewrite prints the same figures: a fail the plain corpus has not is a misreading


VARIANTS = [
    Variant("plain", "as generated", lambda t: t),
    Variant("full-width", "１２３．４５ read as 123.45", lambda t: _cells(t, lambda c: c.translate(FULL))),
    Variant("yuan-comma", "金额单位：元, 1,234,567.00 read in 万元", lambda t: _unit(t, "元", 4)),
    Variant("yuan-space", "金额单位：元, 1 234 567.00 read in 万元 or refused", lambda t: _unit(t, "元", 4, " "), keep_all=False),
    Variant("yuan-fullcomma", "金额单位：元, 1，234，567.00 read in 万元", lambda t: _unit(t, "元", 4, "，")),
    Variant("qianyuan", "金额单位：千元 read ×0.1 or refused", lambda t: _unit(t, "千元", 1), keep_all=False),
    Variant("yiyuan", "金额单位：亿元 read ×10000 or refused", lambda t: _unit(t, "亿元", -4), keep_all=False),
    Variant("blank-dash", "blank printed as -", _blanks("-")),
    Variant("blank-emdash", "blank printed as —", _blanks("—")),
    Variant("blank-slash", "blank printed as /", _blanks("/")),
    Variant("blank-zero", "blank printed as 0.00 (read as 0 or blank)", _blanks("0.00"), keep_all=False),
    Variant("head-本年预算数", "预算数 → 本年预算数", _rename("预算数", "本年预算数")),
    Variant("head-2023年预算数", "预算数 → 2023年预算数", _rename("预算数", "2023年预算数")),
    Variant("head-小计", "合计 → 小计", _rename("合计", "小计")),
    Variant("head-金额→决算数", "金额 → 决算数", _rename("金额", "决算数")),
    Variant("one-code-column", "类款项 codes in one cell (2010201)", _one_code_column),
    Variant("no-repeated-header", "continued page without its header", _no_repeat),
    Variant("line-number-column", "a 行次 column in the function table, never an amount", _line_numbers),
    Variant("extra-columns", "上年执行数 and 比上年增减 after 合计 基本 项目: never read as them", _extra_columns),
    Variant("run-in-labels", "label run into its first amount: read right or refused", _run_in, keep_all=False),
    Variant("negative-brackets", "last figure of a row as （12.30）: read as −12.30 or refused", _negative("（", "）"), keep_all=False, same_figures=False),
    Variant("negative-minus", "last figure of a row as −12.30: read as −12.30 or refused", _negative("−", ""), keep_all=False, same_figures=False),
    Variant("cells-by-spaces", "cells separated by spaces, blanks lost: read or refused", _spaces, keep_all=False),
    Variant("yuan-space-by-spaces", "1 234 567.00 in cells separated by spaces: read or refused", lambda t: _spaces(_unit(t, "元", 4, " ")), keep_all=False),
    Variant("html", "the tables as a web page's <table>", _html, suffix=".html"),
    Variant("html-full-width-dash", "a web page, full-width figures, blanks as -", lambda t: _html(_blanks("-")(_cells(t, lambda c: c.translate(FULL)))), suffix=".html"),
    Variant("empty-three-public", "“三公” table printed empty with a note: no figure", _empty_three_public, keep_all=False),
    # session 15: more layouts the national templates allow
    Variant("names-only", "类款项 codes not printed, names indented: read by name or refused", layouts.names_only, keep_all=False),
    Variant("names-only-by-spaces", "names only, cells separated by spaces: read or refused", lambda t: _spaces(layouts.names_only(t)), keep_all=False),
    Variant("column-by-column", "a landscape page's text column by column: read or refused", layouts.column_by_column, keep_all=False),
    Variant("total-moved", "合计 row printed last instead of first (or first instead of last)", layouts.total_moved),
    Variant("total-moved-by-spaces", "合计 moved, cells separated by spaces: read or refused", lambda t: _spaces(layouts.total_moved(t)), keep_all=False),
    Variant("unit-in-header", "（万元） in the amount header cells, no unit line: read in 万元", layouts.unit_in_header),
    Variant("unit-in-header-yuan", "（元） in the header cells, amounts in 元 with commas: read in 万元 or refused",
            lambda t: layouts.unit_in_header(_unit(t, "元", 4)), keep_all=False),
    Variant("comma-by-spaces", "1,234.56 in cells separated by spaces: read or refused", lambda t: _spaces(_cells(t, lambda c: _grouped(c, ","))), keep_all=False),
    Variant("yuan-comma-by-spaces", "金额单位：元, 1,234,567.00 in cells separated by spaces: read or refused", lambda t: _spaces(_unit(t, "元", 4)), keep_all=False),
]


@dataclass(frozen=True)
class PdfVariant:
    """A way of printing the tables of a PDF: each body cell rewritten, the unit line and the table's page settings."""

    name: str
    expected: str
    cell: Callable[[str], str] = lambda c: c
    unit: tuple[str, int] | None = None  # (unit, power of ten from 万元) the amounts are printed in
    table: dict[str, Any] = field(default_factory=dict)  # Table fields set (portrait, repeat_header, break_after)
    keep_all: bool = True
    sep: str = ","  # the thousands separator of amounts printed in another unit


def _mark_blanks(mark: str) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
    def apply(row: tuple[str, ...]) -> tuple[str, ...]:
        first = next((i for i, c in enumerate(row) if AMOUNT.match(c)), None)
        return row if first is None else tuple(mark if i > first and c == "" else c for i, c in enumerate(row))

    return apply


PDF_VARIANTS = [
    PdfVariant("pdf-plain", "as generated"),
    PdfVariant("pdf-full-width", "１２３．４５ read as 123.45", cell=lambda c: c.translate(FULL) if AMOUNT.match(c) else c),
    PdfVariant("pdf-yuan-comma", "金额单位：元, 1,234,567.00", unit=("元", 4)),
    PdfVariant("pdf-yuan-space", "金额单位：元, 1 234 567.00: read or refused", unit=("元", 4), sep=" ", keep_all=False),
    PdfVariant("pdf-qianyuan", "金额单位：千元 read ×0.1 or refused", unit=("千元", 1), keep_all=False),
    PdfVariant("pdf-blank-dash", "blank printed as -", table={"row": _mark_blanks("-")}),
    PdfVariant("pdf-blank-emdash", "blank printed as —", table={"row": _mark_blanks("—")}),
    PdfVariant("pdf-portrait", "tables on portrait pages", table={"portrait": True, "fit": True}),
    PdfVariant("pdf-no-repeated-header", "a table over pages, header on the first only", table={"repeat_header": False, "break_after": 12}),
    PdfVariant("pdf-continued", "a table over pages, header repeated", table={"repeat_header": True, "break_after": 12}),
]


def _pdf_corpus(variant: PdfVariant, kind: str, count: int, out: Path) -> Path:
    """The corpus of ``kind`` printed as PDFs the variant's way, with its answer key."""
    folder = out / f"{variant.name}-base-{kind}"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "pdf").mkdir(parents=True)
    disclosures = synth.disclosures_of(count, 0, kind)
    for d in disclosures:
        doc = synth.printed_any(d)
        for table in doc.tables:
            fix = variant.table.get("row")
            for name, value in variant.table.items():
                if name != "row":
                    setattr(table, name, value)
            if variant.unit is not None:
                unit, power = variant.unit
                table.right = table.right.replace("万元", unit)
                table.body = [tuple(_grouped(_scaled(c, power), variant.sep) if AMOUNT.match(c) else c for c in row) for row in table.body]
            table.body = [tuple(variant.cell(c) for c in row) for row in table.body]
            if fix is not None:
                table.body = [fix(row) for row in table.body]
        synth.to_pdf(doc, folder / "pdf" / f"{d.file}.pdf")
    synth.write_answers(folder / "answers.csv", disclosures)
    return folder


def _built(folder: Path, sources: str) -> tuple[int, int, list[str]]:
    subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--source", str(folder / sources), "--datapackages", str(folder / "pk"), "--no-site", "--no-cache", "-q"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    result = synth.score(folder / "answers.csv", folder / "pk")
    return result.matched, result.total, _wrong(result.misses) + [f"line number published: {x}" for x in result.line_numbers]


def _fails(folder: Path) -> set[tuple[str, str, str]]:
    """The failing checks of a built corpus, by unit (the file), check and subject: the figures are the same in
    every variant, so a fail the plain corpus has not is the reading's, never the document's."""
    files = {}
    with (folder / "pk" / "build-report.json").open(encoding="utf-8") as handle:
        for source in json.load(handle)["sources"]:
            files[source.get("disclosure_id")] = Path(source["path"]).stem
    path = folder / "pk" / "all" / "checks.csv"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8", newline="") as handle:
        return {(files.get(r["disclosure_id"], r["disclosure_id"]), r["check_id"], r["subject"]) for r in csv.DictReader(handle) if r["status"] == "fail"}


def _corpus(out: Path, count: int) -> list[Path]:
    """Budget and final-account corpora (text), each a folder with text/ and answers.csv."""
    made = []
    for kind in ("mixed", "final"):
        folder = out / f"base-{kind}"
        if not (folder / "answers.csv").is_file():
            command = [sys.executable, str(ROOT / "tools" / "synth.py"), "--count", str(count), "--out", str(folder), "--kind", kind]
            subprocess.run(command, check=True, capture_output=True)
        made.append(folder)
    return made


def _wrong(misses: list[str]) -> list[str]:
    """Misses where a figure was published with another amount (not merely refused; a blank read as a printed 0 is no error)."""
    zero = re.compile(r"expected blank, found \['0(?:\.0+)?'\]")
    negated = re.compile(r"expected ([\d.]+), found \['-\1'\]")  # a figure printed negative on purpose, read as printed
    return [m for m in misses if "found [" in m and "found []" not in m and "found ['']" not in m and not zero.search(m) and not negated.search(m)]


def probe(variant: Variant, base: Path, out: Path) -> tuple[int, int, list[str]]:
    """(matched, total, wrong figures) of the corpus in ``base`` rewritten by the variant and built."""
    folder = out / f"{variant.name}-{base.name}"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "text").mkdir(parents=True)
    for src in sorted((base / "text").glob("*.txt")):
        (folder / "text" / src.with_suffix(variant.suffix).name).write_text(variant.rewrite(src.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copy(base / "answers.csv", folder / "answers.csv")
    return _built(folder, "text")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/table-variants"))
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--pdf", action="store_true", help="the PDF variants (slower) instead of the text ones")
    args = parser.parse_args(argv)
    plain: dict[str, int] = {}
    bad = 0
    if args.pdf:
        for pdf in PDF_VARIANTS:
            if args.only and pdf.name not in args.only and pdf.name != "pdf-plain":
                continue
            for kind in ("mixed", "final"):
                matched, total, wrong = _built(_pdf_corpus(pdf, kind, args.count, args.out), "pdf")
                plain.setdefault(kind, matched)
                ok = not wrong and not (pdf.keep_all and matched < plain[kind])
                bad += not ok
                print(f"{'OK ' if ok else 'BAD'} {pdf.name:<22} {kind:<12} {matched}/{total} wrong {len(wrong)}  expected: {pdf.expected}")
                for w in wrong[:3]:
                    print(f"      {w}")
        return 1 if bad else 0
    bases = _corpus(args.out, args.count)
    plain_fails: dict[str, set[tuple[str, str, str]]] = {}
    for variant in VARIANTS:
        if args.only and variant.name not in args.only and variant.name != "plain":
            continue
        for base in bases:
            matched, total, wrong = probe(variant, base, args.out)
            fails = _fails(args.out / f"{variant.name}-{base.name}")
            if variant.name == "plain":
                plain[base.name] = matched
                plain_fails[base.name] = fails
            new = sorted(fails - plain_fails.get(base.name, fails)) if variant.same_figures else []
            lost = matched < plain.get(base.name, matched)
            ok = not wrong and not new and not (variant.keep_all and lost)
            bad += not ok
            print(f"{'OK ' if ok else 'BAD'} {variant.name:<22} {base.name:<12} {matched}/{total} wrong {len(wrong)} new fails {len(new)}  expected: {variant.expected}")
            for w in [*wrong[:3], *(f"new fail: {' '.join(f)}" for f in new[:3])]:
                print(f"      {w}")
    for name in layouts.FORCED:
        for suffix, rewrite in (("", lambda t: t), ("-by-spaces", _spaces)):
            if args.only and name + suffix not in args.only:
                continue
            folder = layouts.forced_corpus(synth, name + suffix, args.count, args.out, rewrite)
            matched, total, wrong = _built(folder, "text")
            # the same units and figures as the plain final corpus: a fail it has not is a misreading
            new = sorted(_fails(folder) - plain_fails.get("base-final", set()))
            ok = not wrong and not new
            bad += not ok
            print(f"{'OK ' if ok else 'BAD'} {name + suffix:<22} {'forced':<12} {matched}/{total} wrong {len(wrong)} new fails {len(new)}  expected: national layout forced, read or refused")
            for w in [*wrong[:3], *(f"new fail: {' '.join(f)}" for f in new[:3])]:
                print(f"      {w}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

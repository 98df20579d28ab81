"""Writing a corpus, and the command line."""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from .answers import write_answers
from .figures import Disclosure, generate, pick_units
from .national import National, generate_national
from .national_tables import printed_national
from .pages import to_pdf, to_text
from .score import Score, score
from .tables import Printed, printed
from .variants import VARIANT_FIELDS

KINDS = ("mixed", "final")


def printed_any(d: Disclosure) -> Printed:
    """What the disclosure prints, in its layout."""
    return printed_national(d) if isinstance(d, National) else printed(d)


def disclosures_of(count: int, seed: int = 0, kind: str = "mixed") -> list[Disclosure]:
    """The corpus: ``mixed`` budgets and simplified final accounts, or national-layout ``final`` accounts (other units)."""
    if kind == "final":
        return [generate_national(i, seed, unit) for i, unit in enumerate(pick_units(count, seed, "national-units"))]
    return [generate(i, seed, unit) for i, unit in enumerate(pick_units(count, seed))]


def generate_corpus(
    count: int, out: Path, formats: Sequence[str] = ("text",), seed: int = 0, spaces: bool = False, kind: str = "mixed", one_a_line: bool = False
) -> list[Disclosure]:
    """Write ``count`` disclosures under ``out`` (text/, pdf/) and ``out/answers.csv``; return them."""
    disclosures = disclosures_of(count, seed, kind)
    for fmt_name in formats:
        (out / fmt_name).mkdir(parents=True, exist_ok=True)
    for d in disclosures:
        if "text" in formats:
            (out / "text" / f"{d.file}.txt").write_text(to_text(printed_any(d), spaces, one_a_line), encoding="utf-8")
        if "pdf" in formats:
            to_pdf(printed_any(d), out / "pdf" / f"{d.file}.pdf")
    write_answers(out / "answers.csv", disclosures)
    if kind == "final":
        with (out / "variants.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, ("file", *VARIANT_FIELDS))
            writer.writeheader()
            writer.writerows({"file": d.file, **d.variant.values()} for d in disclosures if isinstance(d, National))
    return disclosures


def by_variant(result: Score, variants_csv: Path) -> str:
    """The score of each value of each layout variant (the files that print it), one line each."""
    with variants_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    lines = [f"{'variant':<16}{'value':<11}{'docs':>5}{'matched':>9}{'total':>7}{'share':>9}"]
    for name in VARIANT_FIELDS:
        for value in sorted({r[name] for r in rows}):
            files = [r["file"] for r in rows if r[name] == value]
            hit = sum(result.files.get(f, [0, 0])[0] for f in files)
            count = sum(result.files.get(f, [0, 0])[1] for f in files)
            lines.append(f"{name:<16}{value:<11}{len(files):>5}{hit:>9}{count:>7}{(hit / count if count else 1):>9.2%}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic corpus of budget disclosures with an answer key, or score a build against one.")
    parser.add_argument("--count", type=int, help="how many disclosures to generate")
    parser.add_argument("--out", type=Path, required=True, help="folder for text/, pdf/ and answers.csv")
    parser.add_argument("--format", choices=("text", "pdf", "both"), default="text", help="text layers, PDFs or both (default: text)")
    parser.add_argument("--seed", type=int, default=0, help="the corpus seed (default 0): same seed, same files")
    parser.add_argument(
        "--kind",
        choices=KINDS,
        default="mixed",
        help="mixed: budgets and, every third, a simplified final account (default); final: final accounts in the national layout (财决 tables, 行次, three phases)",
    )
    parser.add_argument(
        "--text-cells",
        choices=("tabs", "spaces", "lines"),
        default="tabs",
        help="separate a text layer's cells by tabs (default) or by spaces, blank cells dropped; lines: a cell a line, blank cells dropped (a web page copied as text)",
    )
    parser.add_argument("--score", type=Path, metavar="DATAPACKAGES", help="instead of generating, score the build in DATAPACKAGES against OUT/answers.csv")
    args = parser.parse_args(argv)
    if args.score is not None:
        result = score(args.out / "answers.csv", args.score)
        for miss in result.misses:
            print(miss)
        print(result.table())
        if (args.out / "variants.csv").is_file():
            print(by_variant(result, args.out / "variants.csv"))
        for figure in result.line_numbers:
            print(f"a line number published as a figure: {figure}")
        print(f"{result.matched}/{result.total} figures match ({result.accuracy:.2%}); {len(result.line_numbers)} published figures are line numbers")
        return 0
    if not args.count or args.count < 1:
        parser.error("--count N (N ≥ 1) is required to generate")
    formats = ("text", "pdf") if args.format == "both" else (args.format,)
    start = time.perf_counter()
    generate_corpus(args.count, args.out, formats, args.seed, args.text_cells == "spaces", args.kind, args.text_cells == "lines")
    print(f"{args.count} disclosures ({args.kind}; {', '.join(formats)}) in {args.out} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

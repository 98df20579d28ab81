"""Pages per second of the PDF stage against pdfplumber's own word and table-finding pass.

    python benchmarks/pdf_stage.py [PDF or folder ...]     (default: ../shared/corpus)

One core, each file timed with both readers in turn, three rounds; the best round of each is
kept, so a busy machine disturbs the ratio less than the absolute figures. Results are printed
and appended to benchmarks/RESULTS.md by hand.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

import pdfplumber

from cnbudget.read.pdf import read_pdf


def plumber_pass(path: Path) -> int:
    """pdfplumber's own pass: extract_words() and find_tables() on every page; returns pages."""
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_words()
            page.find_tables()
            page.close()
        return len(pdf.pages)


def ours(path: Path) -> int:
    document = read_pdf(path)
    return document.source.pages or 0


def main(argv: list[str]) -> None:
    roots = [Path(a) for a in argv] or [Path(__file__).resolve().parents[2] / "shared" / "corpus"]
    files = sorted(p for r in roots for p in ([r] if r.is_file() else r.glob("*.pdf")))
    best = {"pdfplumber words+tables": math.inf, "cnbudget read_pdf": math.inf}
    pages = 0
    for _ in range(3):
        spent = dict.fromkeys(best, 0.0)
        pages = 0
        for path in files:
            for name, fn in (("pdfplumber words+tables", plumber_pass), ("cnbudget read_pdf", ours)):
                start = time.perf_counter()
                n = fn(path)
                spent[name] += time.perf_counter() - start
            pages += n
        best = {name: min(seconds, spent[name]) for name, seconds in best.items()}
    print(f"{len(files)} files, {pages} pages, one core, best of 3 rounds")
    for name, seconds in best.items():
        print(f"  {name:26s} {seconds:7.1f} s  {pages / seconds:6.1f} pages/s")
    print(f"  ratio (ours / pdfplumber's pass): {best['cnbudget read_pdf'] / best['pdfplumber words+tables']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])

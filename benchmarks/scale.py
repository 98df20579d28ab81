"""Build time, peak memory, no-op rebuild time and site bytes per disclosure at N disclosures.

    python benchmarks/scale.py [N ...]        (default: 100 1000)

For each N: generate N synthetic text disclosures (tools/synth.py, seed 0), then measure from
outside the project, as a user would run it:
- a full build (packages and site) with an empty cache: wall time and the peak resident memory of
  the whole process tree (the largest of the main process and its workers, from getrusage);
- a rebuild with nothing changed (same command again);
- the site's bytes per disclosure (every file under site/, data downloads included) and those of a
  disclosure page and of the search index.
Figures are printed as a Markdown table to paste into benchmarks/RESULTS.md.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of the largest process of ``cmd``'s tree."""
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, max(before, after)


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure(n: int, work: Path) -> dict[str, float]:
    corpus = work / f"synth-{n}"
    subprocess.run([sys.executable, "tools/synth.py", "--count", str(n), "--out", str(corpus)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    out, site, cache = work / f"dp-{n}", work / f"site-{n}", work / f"cache-{n}"
    build = [sys.executable, "build.py", "--source", str(corpus / "text"), "--datapackages", str(out), "--site", str(site), "--cache", str(cache), "--jobs", str(os.cpu_count() or 1), "-q"]
    full, rss = run(build)
    noop, _ = run(build)
    pages = sorted((site / "disclosures").glob("*/index.html"))
    search = site / "search" / "search_index.json"
    return {
        "n": n,
        "full_s": full,
        "peak_mb": rss / 1024,
        "noop_s": noop,
        "site_kb_per_disclosure": tree_bytes(site) / n / 1024,
        "page_kb": (sum(p.stat().st_size for p in pages) / len(pages) / 1024) if pages else 0.0,
        "search_kb_per_disclosure": (search.stat().st_size / n / 1024) if search.exists() else 0.0,
    }


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [100, 1000]
    work = Path(tempfile.mkdtemp(prefix="cnbudget-bench-"))
    try:
        rows = [measure(n, work) for n in sizes]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print("| disclosures | full build | peak memory | no-op rebuild | site bytes per disclosure | disclosure page | search index per disclosure |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['n']:,} | {r['full_s']:.1f} s | {r['peak_mb']:.0f} MB | {r['noop_s']:.1f} s | {r['site_kb_per_disclosure']:.1f} KB | {r['page_kb']:.1f} KB | {r['search_kb_per_disclosure']:.2f} KB |")
    if len(rows) >= 2:
        first, last = rows[0], rows[-1]
        print(f"site bytes per disclosure, {last['n']:,} against {first['n']:,}: {last['site_kb_per_disclosure'] / first['site_kb_per_disclosure']:.2f}×")


if __name__ == "__main__":
    main(sys.argv[1:])

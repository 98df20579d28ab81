"""Build time, peak memory, rebuild times and site bytes per disclosure at N disclosures.

    python benchmarks/scale.py [--shards auto|one|province] [--jobs N] [N ...]     (default: 100 1000)

For each N: generate N synthetic text disclosures (tools/synth.py, seed 0), then measure from
outside the project, as a user would run it (each command under /usr/bin/time, whose peak resident
memory is that of the largest process of the build's tree):
- a full build (packages and site) with an empty cache: wall time and peak memory;
- a rebuild with nothing changed (same command again);
- a rebuild after one source changed (a line added to one file);
- the site's bytes per disclosure (every file under site/, data downloads included), the largest
  shard, and where the bytes go (pages, search, assets, each kind of download).
Figures are printed as Markdown to paste into benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str], stages: dict[str, float] | None = None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of the largest process of ``cmd``'s tree; the build's ``time:`` lines into ``stages``."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        done = subprocess.run(["/usr/bin/time", "-o", out.name, "-f", "%e %M", *cmd], cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        seconds, kb = out.read().split()[-2:]
    for line in done.stderr.splitlines():
        if stages is not None and line.startswith("time: ") and line.endswith(" s"):
            stage, _, value = line.removeprefix("time: ").removesuffix(" s").rpartition(" ")
            stages[stage] = float(value)  # float-ok: wall seconds
    return float(seconds), int(kb) / 1024  # float-ok: wall seconds and megabytes, not amounts


def kind_of(path: Path) -> str:
    """Which part of the site a file is, for the breakdown."""
    parts = path.parts
    if "data" in parts:
        rest = parts[parts.index("data") + 1 :]
        if len(rest) == 1:
            return {".zip": "data zips", ".sqlite": "data/all.sqlite"}.get(path.suffix, "data other")
        if rest[0] == "all":
            return "data/all/"
        if "source" in rest:
            return "data source files"
        return "data datapackage.json" if path.name == "datapackage.json" else "data CSVs"
    for name in ("disclosures", "units", "search", "assets"):
        if name in parts:
            return f"{name}/"
    return "other pages"


def site_bytes(site: Path) -> tuple[int, Counter[str], dict[str, int]]:
    """Every file's bytes, by kind, and by shard (top-level folder holding an index.html of its own)."""
    kinds: Counter[str] = Counter()
    shards: dict[str, int] = {}
    total = 0
    for p in site.rglob("*"):
        if not p.is_file():
            continue
        size = p.stat().st_size
        total += size
        kinds[kind_of(p.relative_to(site))] += size
        top = p.relative_to(site).parts[0]
        if (site / top / "index.html").is_file():
            shards[top] = shards.get(top, 0) + size
    return total, kinds, shards


def measure(n: int, work: Path, shards: str, jobs: int) -> dict[str, object]:
    corpus = work / f"synth-{n}"
    subprocess.run([sys.executable, "tools/synth.py", "--count", str(n), "--out", str(corpus)], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    out, site, cache = work / f"dp-{n}", work / f"site-{n}", work / f"cache-{n}"
    build = [sys.executable, "build.py", "--source", str(corpus / "text"), "--datapackages", str(out), "--site", str(site), "--cache", str(cache), "--jobs", str(jobs), "--shards", shards]
    stages: dict[str, float] = {}
    full, rss = run(build, stages)
    noop, noop_rss = run(build)
    one = min((corpus / "text").iterdir())
    one.write_bytes(one.read_bytes() + b"\n")
    changed, changed_rss = run(build)
    total, kinds, by_shard = site_bytes(site)
    pages = sorted(site.glob("**/disclosures/*/index.html"))
    return {
        "n": n,
        "full_s": full,
        "peak_mb": rss,
        "noop_s": noop,
        "changed_s": changed,
        "changed_mb": max(noop_rss, changed_rss),
        "site_kb_per_disclosure": total / n / 1024,
        "page_kb": (sum(p.stat().st_size for p in pages) / len(pages) / 1024) if pages else 0.0,
        "shards": len(by_shard),
        "largest_shard_mb": max(by_shard.values(), default=total) / 2**20,
        "kinds": {k: v / n / 1024 for k, v in kinds.most_common()},
        "stages": stages,
    }


def main(argv: list[str]) -> None:
    args = argparse.ArgumentParser()
    args.add_argument("--shards", default="auto")
    args.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args.add_argument("sizes", nargs="*", type=int)
    ns = args.parse_args(argv)
    sizes = ns.sizes or [100, 1000]
    work = Path(tempfile.mkdtemp(prefix="cnbudget-bench-"))
    before = os.getloadavg()[0]
    try:
        rows = [measure(n, work, ns.shards, ns.jobs) for n in sizes]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, --jobs {ns.jobs}, --shards {ns.shards}, load average before: {before:.1f}, after: {os.getloadavg()[0]:.1f}")
    print("| disclosures | full build | peak memory | no-op rebuild | one source changed | its peak memory | site bytes per disclosure | shards | largest shard | disclosure page |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['n']:,} | {r['full_s']:.1f} s | {r['peak_mb']:.0f} MB | {r['noop_s']:.1f} s | {r['changed_s']:.1f} s | {r['changed_mb']:.0f} MB "
            f"| {r['site_kb_per_disclosure']:.1f} KB | {r['shards']} | {r['largest_shard_mb']:.1f} MB | {r['page_kb']:.1f} KB |"
        )
    for r in rows:
        kinds = r["kinds"]
        assert isinstance(kinds, dict)
        print(f"\nwhere a disclosure's {r['site_kb_per_disclosure']:.1f} KB go at {r['n']:,}: " + ", ".join(f"{k} {v:.1f} KB" for k, v in kinds.items()))
        stages = r["stages"]
        assert isinstance(stages, dict)
        print(f"\nthe full build's stages at {r['n']:,}: " + ", ".join(f"{k} {v:.1f} s ({v / r['n'] * 1000:.0f} ms a disclosure)" for k, v in stages.items()))  # type: ignore[operator]


if __name__ == "__main__":
    main(sys.argv[1:])

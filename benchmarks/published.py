"""What the benchmarks share: build a folder as a user would, read what it published, write a RESULTS section.

`coverage.py` and `hidden.py` both measure a build only through what it published
(`build-report.json` and the package CSVs), and each keeps one section of RESULTS.md.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_build(folder: Path, out: Path) -> float:
    """Build ``folder`` into ``out`` as a user would; the wall seconds it took."""
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "build.py", "--source", str(folder), "--datapackages", str(out), "--no-site", "--no-cache", "--jobs", "2", "-q"]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):  # 1: some source failed, which is part of what is measured
        raise SystemExit(f"build of {folder} exited {done.returncode}:\n{done.stderr[-4000:]}")
    return time.perf_counter() - start


def read_csv(path: Path) -> list[dict[str, str]]:
    """The rows of a published CSV (none where the resource was not written)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def replace_section(text: str, section: str, heading: str) -> str:
    """``text`` with the section starting ``heading`` (up to the next `## ` heading) replaced by ``section``, or it appended."""
    lines = text.splitlines(keepends=True)
    start = next((i for i, line in enumerate(lines) if line.startswith(heading)), None)
    if start is None:
        return text.rstrip() + "\n\n" + section
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    tail = "".join(lines[end:])
    return "".join(lines[:start]) + section + ("\n" + tail if tail else "")

"""An incremental rebuild publishes the same bytes as a clean full build, and touches only what changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cnbudget.pipeline.build import build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "sources"
TEMPLATES = ROOT / "templates"
HENAN = "001_2144913dcf78a833.txt"  # 中共新乡市牧野区委办公室, the only disclosure of 河南省
GONE = "002_bf967062ffb9ca21.txt"  # 中共乐山市金口河区委办公室 (四川省); 重庆市's one source stays unchanged


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _differences(one: Path, other: Path) -> list[str]:
    """The files that differ between two folders (or are in one only)."""
    a, b = _snapshot(one), _snapshot(other)
    return sorted(n for n in a.keys() | b.keys() if a.get(n) != b.get(n))


def _changed(sources: Path, to: Path) -> Path:
    """The seeds with one source's prose changed (its statements' rows change) and another appended to."""
    shutil.copytree(sources, to)
    henan = to / HENAN
    text = henan.read_text(encoding="utf-8")
    assert text.count("主要职能") >= 1
    henan.write_text(text.replace("主要职能", "主要工作职能"), encoding="utf-8")
    other = to / "000_9cab79ae1fbeaa47.txt"
    other.write_bytes(other.read_bytes() + b"\n")
    return to


@pytest.mark.parametrize("shards", ["province", "one"])
def test_an_incremental_rebuild_gives_the_bytes_of_a_clean_build(shards: str, tmp_path: Path) -> None:
    sources = tmp_path / "src"
    shutil.copytree(SEEDS, sources)
    dp, site, cache = tmp_path / "dp", tmp_path / "site", tmp_path / "cache"
    build([sources], dp, site, TEMPLATES, jobs=2, cache=cache, shards=shards, log=lambda _m: None)
    kept = {p.name: p.stat().st_ino for p in dp.iterdir() if (p / "datapackage.json").is_file()}
    changed = _changed(sources, tmp_path / "v2" / "src")
    lines: list[str] = []
    build([changed], dp, site, TEMPLATES, jobs=2, cache=cache, shards=shards, log=lines.append)
    clean = tmp_path / "clean"
    build([changed], clean / "dp", clean / "site", TEMPLATES, jobs=2, shards=shards, log=lambda _m: None)
    assert _differences(dp, clean / "dp") == []
    assert _differences(site, clean / "site") == []
    # the unchanged packages were left where they were (the same folders), not copied or linked into a new tree
    after = {p.name: p.stat().st_ino for p in dp.iterdir() if (p / "datapackage.json").is_file()}
    assert sorted(n for n in after if kept.get(n) == after[n]) == sorted(set(after) - {"all", *(n for n in after if n.startswith(("henan-", "sichuan-dazhou-dachuan-cpc")))})
    assert "validate: 3 packages validated" in lines  # the two rebuilt packages and all/ (its keys only: all_update.key_errors)
    if shards == "province":
        assert "render: 3 shards, 2 to render, 1 unchanged" in lines  # henan and sichuan change; chongqing stays
    # a source removed, then added again: a package gone, then a package added
    for step, (gone, back) in enumerate([(True, False), (False, True)]):
        if gone:
            (changed / GONE).unlink()
        if back:
            shutil.copyfile(SEEDS / GONE, changed / GONE)
        build([changed], dp, site, TEMPLATES, jobs=2, cache=cache, shards=shards, log=lambda _m: None)
        build([changed], clean / f"dp{step}", clean / f"site{step}", TEMPLATES, jobs=2, shards=shards, log=lambda _m: None)
        assert _differences(dp, clean / f"dp{step}") == []
        assert _differences(site, clean / f"site{step}") == []

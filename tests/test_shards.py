"""Sharded publishing: a site per region, each complete, a national index, the same bytes on Dask, one shard per changed source."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cnbudget.pipeline.build import build
from cnbudget.render.shards import SHARD_LIMIT, plan_shards

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "sources"
TEMPLATES = ROOT / "templates"
# The five seeds are disclosures of units in 重庆市潼南区, 河南省新乡市牧野区, 四川省达州市达川区 (two) and 四川省乐山市金口河区.
PROVINCES = ["chongqing", "henan", "sichuan"]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("shards") / "src"
    src.mkdir()
    for seed in SEEDS.glob("*"):
        shutil.copy(seed, src / seed.name)
    return src


@pytest.fixture(scope="module")
def sharded(sources: Path) -> Path:
    """A build split by province, rendered in two local processes."""
    root = sources.parent
    build([sources], root / "dp", root / "site", TEMPLATES, jobs=2, cache=root / "cache", shards="province")
    return root / "site"


def test_small_builds_are_one_site_and_big_provinces_split_by_city() -> None:
    assert plan_shards(ROOT / "datapackages") == []  # auto: five disclosures are one site, as ever
    assert [s.slug for s in plan_shards(ROOT / "datapackages", "province")] == PROVINCES
    split = plan_shards(ROOT / "datapackages", "province", limit=1)
    assert [s.slug for s in split] == ["chongqing", "henan", "sichuan-dazhou", "sichuan-leshan"]
    assert [len(s.packages) for s in split] == [1, 1, 2, 1]
    assert [s.name for s in split] == ["重庆市", "河南省", "四川省达州市", "四川省乐山市"]


def test_every_shard_is_a_complete_site_of_its_own_disclosures(sharded: Path) -> None:
    catalogue = json.loads((sharded / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert [s["slug"] for s in catalogue] == PROVINCES
    index = (sharded / "index.html").read_text(encoding="utf-8")
    for shard in catalogue:
        assert f'href="{shard["slug"]}/"' in index
        folder = sharded / shard["slug"]
        assert (folder / "index.html").is_file() and (folder / "search" / "cnbudget.json").is_file()
        for name in shard["disclosures"]:
            assert (folder / "disclosures" / name / "index.html").is_file()
            assert (folder / "data" / name / "datapackage.json").is_file()
        rows = (folder / "data" / "all" / "disclosure.csv").read_text(encoding="utf-8").splitlines()[1:]
        assert sorted(r.split(",")[0] for r in rows) == sorted(shard["disclosures"])
        assert (folder / "data" / "all.sqlite").is_file()
    assert sum(len(s["disclosures"]) for s in catalogue) == 5


def test_a_dask_cluster_renders_the_same_bytes(sources: Path, sharded: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build([sources], tmp_path / "dp", tmp_path / "site", TEMPLATES, scheduler=cluster.scheduler_address, shards="province")
    assert _snapshot(tmp_path / "site") == _snapshot(sharded)


def test_a_changed_source_renders_its_shard_only(sources: Path, sharded: Path, tmp_path: Path) -> None:
    root = sources.parent
    before = _snapshot(sharded)
    packages_before = _snapshot(root / "dp")
    folder = (root / "dp").stat().st_ino
    lines: list[str] = []
    build([sources], root / "dp", sharded, TEMPLATES, jobs=2, cache=root / "cache", shards="province", log=lines.append)
    assert any("is up to date" in line for line in lines)
    assert any("packages unchanged;" in line and "is left as it is" in line for line in lines)
    assert (root / "dp").stat().st_ino == folder  # nothing changed: the packages folder was not staged and swapped again
    assert _snapshot(root / "dp") == packages_before
    changed = tmp_path / "src"
    shutil.copytree(sources, changed)
    henan = changed / "001_2144913dcf78a833.txt"  # 中共新乡市牧野区委办公室
    henan.write_bytes(henan.read_bytes() + b"\n")
    lines.clear()
    build([changed], root / "dp", sharded, TEMPLATES, jobs=2, cache=root / "cache", shards="province", log=lines.append)
    assert "render: 3 shards, 1 to render, 2 unchanged" in lines
    assert not any("is left as it is" in line for line in lines)
    packages_after = _snapshot(root / "dp")
    changed_package = {n.split("/")[0] for n, b in packages_before.items() if packages_after.get(n) != b}
    assert changed_package == {"all", "henan-xinxiang-muye-cpc-committee-office-d45dcb-2024-budget"}  # 中共新乡市牧野区委办公室's
    after = _snapshot(sharded)
    for name in before:
        if name.startswith(("chongqing/", "sichuan/")):
            assert after[name] == before[name], name
    assert any(after.get(n) != b for n, b in before.items() if n.startswith("henan/"))


def _fake_packages(folder: Path, region_codes: list[str]) -> Path:
    """Package folders holding only what planning reads: a descriptor and a disclosure row with a region code."""
    for n, code in enumerate(region_codes):
        package = folder / f"d{n:05d}"
        package.mkdir(parents=True)
        (package / "datapackage.json").write_text("{}", encoding="utf-8")
        (package / "disclosure.csv").write_text(f"disclosure_id,region_code\nd{n:05d},{code}\n", encoding="utf-8")
    return folder


def test_the_default_shard_limit_keeps_a_shard_under_450_mb(tmp_path: Path) -> None:
    # 447.5 KB: the most a disclosure cost a site in benchmarks/RESULTS.md (1,000 synthetic disclosures)
    assert SHARD_LIMIT * 4475 * 2**10 <= 4500 * 2**20  # in tenths of a KB and of a MB
    assert SHARD_LIMIT * 4475 * 2**10 > 4000 * 2**20  # and shards are not made needlessly small
    # 四川省: 成都市 (5101) and 达州市 (5117); one disclosure over the limit splits the province by city
    at_limit = _fake_packages(tmp_path / "a", ["510104"] * (SHARD_LIMIT - 10) + ["511703"] * 10)
    assert [(s.slug, len(s.packages)) for s in plan_shards(at_limit, "province")] == [("sichuan", SHARD_LIMIT)]
    over = _fake_packages(tmp_path / "b", ["510104"] * (SHARD_LIMIT - 10) + ["511703"] * 11)
    assert [(s.slug, len(s.packages)) for s in plan_shards(over, "province")] == [("sichuan-chengdu", SHARD_LIMIT - 10), ("sichuan-dazhou", 11)]


def test_a_city_or_municipality_over_the_limit_is_split_by_county(tmp_path: Path) -> None:
    # 成都市: 锦江区 (510104), 青羊区 (510105) and the city's own bodies (510100); 达州市 under the limit stays whole
    city = _fake_packages(tmp_path / "c", ["510104"] * 6 + ["510105"] * 3 + ["510100"] * 2 + ["511703"] * 4)
    assert [(s.slug, s.name, len(s.packages)) for s in plan_shards(city, "province", limit=5)] == [
        ("sichuan-chengdu", "四川省成都市", 2),
        ("sichuan-chengdu-jinjiang", "四川省成都市锦江区", 6),  # over the limit, but there is no level below a county
        ("sichuan-chengdu-qingyang", "四川省成都市青羊区", 3),
        ("sichuan-dazhou", "四川省达州市", 4),
    ]
    # 上海市 has no cities: its districts are the level below it; 普陀区 (310107), 徐汇区 (310104), the city's own (310000)
    municipality = _fake_packages(tmp_path / "m", ["310107"] * 3 + ["310104"] * 2 + ["310000"])
    assert [(s.slug, len(s.packages)) for s in plan_shards(municipality, "province", limit=5)] == [("shanghai", 1), ("shanghai-putuo", 3), ("shanghai-xuhui", 2)]
    # a split that would leave one shard only renames it: not done
    one = _fake_packages(tmp_path / "o", ["310107"] * 7)
    assert [(s.slug, len(s.packages)) for s in plan_shards(one, "province", limit=5)] == [("shanghai", 7)]

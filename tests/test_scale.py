"""Parallel, cached and distributed builds give the same packages as a plain one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cnbudget.pipeline.build import build

from .conftest import sample_pdfs

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "sources"
TEMPLATES = ROOT / "templates"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("scale") / "src"
    src.mkdir()
    for seed in SEEDS.glob("*.txt"):
        shutil.copy(seed, src / seed.name)
    names = ("sh_putuo_wanli_subdistrict_2024_dept_budget.pdf", "js_prov_cppcc_office_2019_dept_budget.pdf", "js_prov_cppcc_office_2019_dept_budget_tables.pdf")
    for pdf in sample_pdfs(src.parent, names):
        shutil.copy(pdf, src / pdf.name)
    return src


@pytest.fixture(scope="module")
def plain(sources: Path) -> dict[str, bytes]:
    out = sources.parent / "plain"
    build([sources], out, None, TEMPLATES, jobs=1)
    return _snapshot(out)


def test_workers_give_the_same_bytes(sources: Path, plain: dict[str, bytes], tmp_path: Path) -> None:
    build([sources], tmp_path / "out", None, TEMPLATES, jobs=2)
    assert _snapshot(tmp_path / "out") == plain


def test_an_unchanged_source_is_not_read_again(sources: Path, plain: dict[str, bytes], tmp_path: Path) -> None:
    lines: list[str] = []
    build([sources], tmp_path / "out", None, TEMPLATES, cache=tmp_path / "cache", log=lines.append)
    assert "cache: 0 sources unchanged, 8 read" in lines
    lines.clear()
    build([sources], tmp_path / "out", None, TEMPLATES, cache=tmp_path / "cache", log=lines.append)
    assert "cache: 8 sources unchanged, 0 read" in lines
    assert _snapshot(tmp_path / "out") == plain
    # one source changes: only it is read again
    changed = tmp_path / "src"
    shutil.copytree(sources, changed)
    seed = changed / "001_2144913dcf78a833.txt"
    seed.write_bytes(seed.read_bytes() + b"\n")
    lines.clear()
    build([changed], tmp_path / "out2", None, TEMPLATES, cache=tmp_path / "cache", log=lines.append)
    assert "cache: 7 sources unchanged, 1 read" in lines


def test_a_dask_cluster_gives_the_same_bytes(sources: Path, plain: dict[str, bytes], tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        build([sources], tmp_path / "out", None, TEMPLATES, scheduler=cluster.scheduler_address)
    assert _snapshot(tmp_path / "out") == plain


def test_all_is_not_reused_when_it_held_a_stale_package(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, src / seed.name)
    out, cache = tmp_path / "out", tmp_path / "cache"
    build([src], out, None, TEMPLATES, cache=cache)
    second = sorted(src.iterdir())[1]
    second.write_bytes(b"\x00 broken")  # fails: its package is kept, stale, and its rows stay in all/
    build([src], out, None, TEMPLATES, cache=cache)
    second.unlink()  # now the source is gone: all/ must drop its rows, though the other package is unchanged
    build([src], out, None, TEMPLATES, cache=cache)
    ids = {line.split(",")[0] for line in (out / "all" / "disclosure.csv").read_text(encoding="utf-8").splitlines()[1:]}
    assert len(ids) == 1
    assert ids == {p.name for p in out.iterdir() if (p / "datapackage.json").is_file()} - {"all"}

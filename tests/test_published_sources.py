"""What a package carries besides its tables: the source files themselves and an honest `created`
(contract v2, "Data people can join and trust")."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from cnbudget.package import write
from cnbudget.pipeline.build import build

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "sources"
TEMPLATES = ROOT / "templates"
SEED = "003_c3e30e10afc67c71.txt"  # sources.csv gives it a date (2024-03-20) and no URL
UNDATED = "000_9cab79ae1fbeaa47.txt"  # no date in sources.csv, none printed


def _descriptors(packages: Path) -> dict[str, dict[str, object]]:
    return {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(packages.glob("*/datapackage.json"))}


def _sources(folder: Path, *names: str, manifest: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copyfile(SOURCES / name, folder / name)
    if manifest is not None:
        (folder / "sources.csv").write_text(manifest, encoding="utf-8")
    return folder


def test_every_package_carries_its_source_files_with_their_checksums(seed_packages: Path) -> None:
    for name, descriptor in _descriptors(seed_packages).items():
        if name == "all":
            continue
        sources = descriptor["sources"]
        assert isinstance(sources, list) and sources
        for entry in sources:
            path = seed_packages / name / entry["path"]
            assert entry["path"] == f"source/{path.name}" and path.is_file()
            assert path.read_bytes() == (SOURCES / path.name).read_bytes()
            assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
        files = sorted(p.name for p in (seed_packages / name / "source").iterdir())
        assert files == sorted(Path(e["path"]).name for e in sources)


def test_all_points_at_the_disclosures_sources_instead_of_copying_them(seed_packages: Path) -> None:
    descriptor = _descriptors(seed_packages)["all"]
    assert not (seed_packages / "all" / "source").exists()
    paths = [e["path"] for e in descriptor["sources"]]  # type: ignore[union-attr]
    assert len(paths) == len(list(SOURCES.glob("*.txt")))
    for path in paths:
        assert path.startswith("../") and "/source/" in path
        assert (seed_packages / "all" / path).resolve().is_file()


def test_the_url_a_source_was_published_at_is_kept(tmp_path: Path) -> None:
    url = "https://www.dczx.gov.cn/zwgk/2024/budget.html"
    src = _sources(tmp_path / "src", SEED, manifest=f"file,title,publisher,url,published\n{SEED},标题,发布单位,{url},2024-03-20\n")
    build([src], tmp_path / "out", None, TEMPLATES, jobs=1, log=lambda _m: None)
    [descriptor] = [d for n, d in _descriptors(tmp_path / "out").items() if n != "all"]
    [entry] = descriptor["sources"]  # type: ignore[misc]
    assert entry == {"title": "标题", "path": f"source/{SEED}", "sha256": hashlib.sha256((src / SEED).read_bytes()).hexdigest(), "url": url, "publisher": "发布单位", "published": "2024-03-20"}


def test_a_published_source_is_a_copy_that_rewriting_the_original_leaves_alone(tmp_path: Path) -> None:
    src = _sources(tmp_path / "src", SEED)
    build([src], tmp_path / "out", None, TEMPLATES, jobs=1, log=lambda _m: None)
    [published] = list((tmp_path / "out").glob(f"*/source/{SEED}"))
    original = published.read_bytes()
    assert not published.samefile(src / SEED)
    (src / SEED).write_bytes(b"rewritten in place by a failed download")
    assert published.read_bytes() == original


def test_clone_or_copy_gives_the_same_bytes_without_clones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    def refuse(*_args: object) -> None:
        raise OSError("this file system makes no clones")

    out = []
    for name in ("as-the-system-does", "copied"):
        if name == "copied":
            monkeypatch.setattr(fcntl, "ioctl", refuse)
        build([SOURCES], tmp_path / name, None, TEMPLATES, jobs=1, log=lambda _m: None)
        out.append({str(p.relative_to(tmp_path / name)): p.read_bytes() for p in sorted((tmp_path / name).rglob("*")) if p.is_file()})
    assert out[0] == out[1]
    assert any("/source/" in p for p in out[0])


def test_a_source_changed_since_it_was_read_is_not_published_with_a_wrong_checksum(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _sources(tmp_path / "src", SEED)
    real = write.write_sources

    def edit_then_write(disclosure: write.Disclosure, folder: Path) -> None:
        (src / SEED).write_bytes((src / SEED).read_bytes() + b"\n")
        real(disclosure, folder)

    monkeypatch.setattr(write, "write_sources", edit_then_write)
    with pytest.raises(write.SourceChangedError, match="changed since it was read"):
        build([src], tmp_path / "out", None, TEMPLATES, jobs=1, log=lambda _m: None)
    assert not (tmp_path / "out").exists()  # nothing half-published


def test_created_is_never_invented(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert write.created_timestamp([None]) is None
    assert write.created_timestamp([None, "2024-03-20", "2023-12-31"]) == "2024-03-20T00:00:00Z"
    assert write.created_timestamp(["not a date"]) is None
    for empty in ("", "  "):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", empty)  # empty counts as unset
        assert write.created_timestamp([None]) is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert write.created_timestamp([None, "2024-03-20"]) == "2026-01-01T00:00:00Z"


def test_a_package_whose_sources_give_no_date_has_no_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    src = _sources(tmp_path / "src", SEED, UNDATED)
    (src / "sources.csv").write_text((SOURCES / "sources.csv").read_text(encoding="utf-8"), encoding="utf-8")
    build([src], tmp_path / "out", None, TEMPLATES, jobs=1, log=lambda _m: None)
    created = {name: d.get("created") for name, d in _descriptors(tmp_path / "out").items()}
    dated = [n for n in created if "information-disclosure-centre" in n]
    assert [created[n] for n in dated] == ["2024-03-20T00:00:00Z"]
    assert [v for n, v in created.items() if n not in dated and n != "all"] == [None]
    assert created["all"] == "2024-03-20T00:00:00Z"  # the latest date any of its sources gives

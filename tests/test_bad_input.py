"""Bad input gets a clear answer per source, the good sources still build, and nothing published is lost."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from cnbudget.model import BuildReport
from cnbudget.package import publish
from cnbudget.pipeline import per_source as work
from cnbudget.pipeline.build import build
from cnbudget.pipeline.per_source import Limits

from .conftest import sample_pdfs
from .test_pdf import _reportlab_pdf

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "sources"
TEMPLATES = ROOT / "templates"
PDF_NAME = "js_prov_procuratorate_2019_dept_budget.pdf"


@pytest.fixture(scope="module")
def a_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_pdfs(tmp_path_factory.mktemp("pdfs"), (PDF_NAME,))[0]


def _report(folder: Path) -> dict[str, dict]:
    return {e["path"]: e for e in json.loads((folder / "build-report.json").read_text(encoding="utf-8"))["sources"]}


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory, a_pdf: Path) -> tuple[Path, BuildReport]:
    src = tmp_path_factory.mktemp("messy") / "src"
    src.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, src / seed.name)
    (src / "empty.pdf").write_bytes(b"")
    (src / "cut-off.pdf").write_bytes(a_pdf.read_bytes()[: a_pdf.stat().st_size // 2])
    (src / "error-page.pdf").write_text("<html><body>404 Not Found</body></html>", encoding="utf-8")
    _reportlab_pdf(src / "scan.pdf", [None])  # a page with a picture and no text, like a scan
    _reportlab_pdf(src / "locked.pdf", ["预算"], password="secret")
    (src / "minutes.txt").write_text("会议纪要\n今天天气很好，大家讨论了工作安排。\n", encoding="utf-8")
    # a unit and year named, but no region this build knows: never published without its province
    (src / "zone.txt").write_text("星火经济开发区管理委员会2024年部门预算\n一、收支预算总体情况\n2024年收入预算总计120.50万元，支出预算总计120.50万元。\n", encoding="utf-8")
    # the same disclosure again, saved in GB18030: valid, and a duplicate of 003
    text = (SEEDS / "003_c3e30e10afc67c71.txt").read_text(encoding="utf-8")
    (src / "zz_copy_gb18030.txt").write_bytes(text.encode("gb18030"))
    # the same bytes twice
    shutil.copy(SEEDS / "001_2144913dcf78a833.txt", src / "zz_same_bytes.txt")
    out = src.parent / "out"
    report = build([src], out, None, TEMPLATES, jobs=2)
    return out, report


def test_every_bad_source_is_named_with_a_code(messy: tuple[Path, BuildReport]) -> None:
    out, report = messy
    entries = _report(out)
    expected = {
        "src/empty.pdf": "empty-file",
        "src/cut-off.pdf": "damaged-pdf",
        "src/error-page.pdf": "damaged-pdf",
        "src/scan.pdf": "no-text-layer",
        "src/locked.pdf": "encrypted-pdf",
        "src/minutes.txt": "not-a-disclosure",
        "src/zone.txt": "region-unknown",
    }
    for path, code in expected.items():
        assert entries[path]["status"] == "failed", path
        assert entries[path]["code"] == code, (path, entries[path])
        assert len(entries[path]["message"]) > 30  # a sentence, not a bare code
    assert "OCR" in entries["src/scan.pdf"]["message"]
    assert report.failed  # the command line exits 1


def test_the_good_sources_still_build(messy: tuple[Path, BuildReport]) -> None:
    out, _ = messy
    entries = _report(out)
    for seed in sorted(SEEDS.glob("*.txt")):
        assert entries[f"src/{seed.name}"]["status"] == "ok"
    assert len([p for p in out.iterdir() if (p / "datapackage.json").is_file()]) == 6  # five and all/


def test_a_second_copy_of_a_disclosure_is_skipped_and_says_which_wins(messy: tuple[Path, BuildReport]) -> None:
    out, _ = messy
    entries = _report(out)
    same = entries["src/zz_same_bytes.txt"]
    assert (same["status"], same["code"]) == ("skipped", "duplicate-source")
    assert "src/001_2144913dcf78a833.txt" in same["message"]
    copy = entries["src/zz_copy_gb18030.txt"]
    assert (copy["status"], copy["code"]) == ("skipped", "duplicate-disclosure")
    assert "src/003_c3e30e10afc67c71.txt" in copy["message"]
    assert copy["disclosure_id"] == entries["src/003_c3e30e10afc67c71.txt"]["disclosure_id"]


def test_a_source_that_breaks_keeps_its_last_good_package(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, src / seed.name)
    out = tmp_path / "out"
    build([src], out, None, TEMPLATES)
    victim = "004_15acfc837217044d.txt"
    good_id = _report(out)[f"src/{victim}"]["disclosure_id"]
    before = _snapshot(out / good_id)
    (src / victim).write_bytes(b"\x00\x01\x02 not text")  # a failed download replaced it
    report = build([src], out, None, TEMPLATES)
    entry = _report(out)[f"src/{victim}"]
    assert report.failed
    assert (entry["status"], entry["stale"], entry["disclosure_id"]) == ("failed", True, good_id)
    assert _snapshot(out / good_id) == before
    all_ids = {line.split(",")[0] for line in (out / "all" / "totals.csv").read_text(encoding="utf-8").splitlines()[1:]}
    assert good_id in all_ids
    # the stale package's sources, listed in all/, point into its own folder
    listed = json.loads((out / "all" / "datapackage.json").read_text(encoding="utf-8"))["sources"]
    kept = [s for s in listed if good_id in str(s.get("path", ""))]
    assert kept and all((out / "all" / str(s["path"])).resolve().is_file() for s in kept)


def test_a_build_killed_half_way_leaves_the_previous_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    build([SEEDS], out, None, TEMPLATES)
    before = _snapshot(out)

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the user pressed Ctrl-C while packages were being written

    monkeypatch.setattr(publish, "write_all_from_packages", crash)
    monkeypatch.setattr(publish, "update_all", crash)  # all/ updated for the packages written anew (the folder is published already)
    with pytest.raises(KeyboardInterrupt):
        build([SEEDS], out, None, TEMPLATES)
    assert _snapshot(out) == before
    assert not list(tmp_path.glob(".*"))  # no staging folder left behind


def test_a_source_that_stalls_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = work.read_source

    def slow(path: Path, max_pages: int | None = None) -> object:
        time.sleep(5)
        return real(path, max_pages)

    monkeypatch.setattr(work, "read_source", slow)
    result = work.read_one(SEEDS / "001_2144913dcf78a833.txt", limits=Limits(seconds=0.3))
    assert result.error is not None and result.error[0] == "time-limit"


def test_a_pdf_over_the_page_limit_is_refused(a_pdf: Path) -> None:
    result = work.read_one(a_pdf, limits=Limits(pages=3))
    assert result.error is not None and result.error[0] == "too-many-pages"
    assert "--max-pages" in result.error[1]


def test_sources_are_never_modified(messy: tuple[Path, BuildReport]) -> None:
    out, _ = messy
    src = out.parent / "src"
    for seed in sorted(SEEDS.glob("*.txt")):
        assert (src / seed.name).read_bytes() == seed.read_bytes()

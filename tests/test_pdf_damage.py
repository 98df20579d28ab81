"""A PDF page whose content stream is damaged is read past, and said: the build report names the file and the page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pdfplumber
import pytest
from pdfminer.pdftypes import PDFObjRef

from cnbudget.pipeline.build import build
from cnbudget.read import pdf as pdf_module
from cnbudget.read.pdf import read_pdf

from .test_pdf import _reportlab_pdf

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


def _three_pages(path: Path, ascii85: bool) -> None:
    """Three pages of text, their content streams Flate-compressed, and ASCII85-encoded too when `ascii85`."""
    rl_config = pytest.importorskip("reportlab.rl_config")
    before = rl_config.useA85
    rl_config.useA85 = int(ascii85)
    try:
        _reportlab_pdf(path, ["第一页 收入总计 100.00", "第二页 支出总计 100.00", "第三页 基本支出 60.00"])
    finally:
        rl_config.useA85 = before


def _damage_page(path: Path, number: int) -> None:
    """Overwrite the middle of page `number`'s compressed content stream, as a bad download or disk might."""
    with pdfplumber.open(path) as pdf:
        ref = pdf.pages[number - 1].page_obj.attrs["Contents"]
        objid = ref.objid if isinstance(ref, PDFObjRef) else ref[0].objid
    data = bytearray(path.read_bytes())
    start = re.search(rb"\b%d 0 obj.*?stream\r?\n" % objid, data, re.DOTALL)
    assert start is not None
    at = start.end() + 4
    data[at : at + 24] = b"\xff" * 24
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("ascii85", "says"),
    [
        (False, "page 2's content stream is damaged"),  # pdfminer decompresses what it can, quietly: found beforehand
        (True, "page 2 cannot be read (ValueError"),  # pdfminer raises on the page: the page is skipped, not the file
    ],
)
def test_a_page_whose_content_is_damaged_is_a_problem_naming_its_page(tmp_path: Path, ascii85: bool, says: str) -> None:
    path = tmp_path / "damaged.pdf"
    _three_pages(path, ascii85)
    _damage_page(path, 2)
    document = read_pdf(path)
    assert [(p.code, p.file, p.page) for p in document.problems] == [("damaged-page", "damaged.pdf", 2)]
    assert says in document.problems[0].message
    texts = {line.page: line.text for line in document.lines}
    assert "第一页" in texts[1] and "第三页" in texts[3]  # the other pages are read as before


@pytest.mark.parametrize("ascii85", [False, True])
def test_a_whole_pdf_has_no_problem(tmp_path: Path, ascii85: bool) -> None:
    path = tmp_path / "whole.pdf"
    _three_pages(path, ascii85)
    assert read_pdf(path).problems == []


def test_the_build_report_names_the_damaged_page_and_the_disclosure_is_built(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    path = src / "budget.pdf"
    rl_config = pytest.importorskip("reportlab.rl_config")
    before, rl_config.useA85 = rl_config.useA85, 0
    try:
        _reportlab_pdf(path, ["江苏省财政厅2019年部门预算", "一、收支预算总体情况", "收入总计 100.00 万元"])
    finally:
        rl_config.useA85 = before
    _damage_page(path, 3)
    report = build([src], tmp_path / "out", None, TEMPLATES)
    entry = json.loads((tmp_path / "out" / "build-report.json").read_text(encoding="utf-8"))["sources"][0]
    assert (entry["status"], entry["code"], entry["page"]) == ("ok", "damaged-page", 3)
    assert entry["disclosure_id"] == report.disclosures[0].id


def test_a_value_error_of_the_builds_own_is_a_bug_not_a_damaged_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "whole.pdf"
    _three_pages(path, ascii85=False)

    def broken(page: object) -> object:
        raise ValueError("a bug in the cell code")

    monkeypatch.setattr(pdf_module, "page_to_lines", broken)
    with pytest.raises(ValueError, match="a bug in the cell code"):
        read_pdf(path)

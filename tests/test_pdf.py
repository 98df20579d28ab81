"""The PDF reader on the real disclosures in ../shared/corpus (expected cells read off the printed pages)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import pdfplumber
import pytest

from cnbudget.model import Document, Line
from cnbudget.read import UnreadableSource, read_source
from cnbudget.read.pdf import is_page_number, read_pdf
from cnbudget.read.pdf_cells import join_pieces

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
CORPUS_FILES = sorted(p.name for p in CORPUS.glob("*.pdf"))

pytestmark = pytest.mark.skipif(not CORPUS_FILES, reason="the shared corpus is not here")


@cache
def read(name: str) -> Document:
    return read_pdf(CORPUS / name)


def lines_on(doc: Document, page: int) -> list[tuple[str, ...]]:
    return [line.cells for line in doc.lines if line.page == page]


@pytest.mark.parametrize("name", CORPUS_FILES)
def test_every_corpus_file_reads(name: str) -> None:
    doc = read(name)
    assert doc.source.pages and doc.source.pages > 0
    assert doc.lines
    assert all(isinstance(line, Line) and line.page is not None and 1 <= line.page <= doc.source.pages for line in doc.lines)
    assert all(line.cells and any(line.cells) for line in doc.lines)
    assert [line.page for line in doc.lines] == sorted(line.page for line in doc.lines if line.page is not None)
    assert doc.source.sha256 == hashlib.sha256((CORPUS / name).read_bytes()).hexdigest()


def test_ruled_table_row_keeps_codes_and_amounts_in_their_cells() -> None:
    # Shanghai template in 元, page 11: 类 款 项 | name | 合计 | 财政拨款收入 | 事业收入 | 事业单位经营收入 | 其他收入
    doc = read("sh_putuo_wanli_subdistrict_2023_dept_budget.pdf")
    page = lines_on(doc, 11)
    assert ("201", "05", "06", "统计管理", "26,300", "26,300", "", "", "") in page
    assert ("2023年部门收入预算总表",) in page
    assert ("编制部门：上海市普陀区人民政府万里街道办事处", "单位：元") in page


def test_header_cell_over_several_lines_is_one_cell() -> None:
    doc = read("sh_putuo_wanli_subdistrict_2023_dept_budget.pdf")
    header = next(cells for cells in lines_on(doc, 11) if "功能分类科目名称" in cells)
    assert header == ("功能分类科目编码", "", "", "功能分类科目名称", "合计", "财政拨款收入", "事业收入", "事业单位经营收入", "其他收入")


def test_final_accounts_row_and_wrapped_name() -> None:
    # 财决 收入决算表, page 8: the name wraps over two lines inside its cell.
    doc = read("sh_putuo_finance_bureau_2024_dept_final.pdf")
    page = lines_on(doc, 8)
    assert ("208", "05", "05", "机关事业单位基本养老保险缴费支出", "160.75", "160.75", "", "", "", "", "") in page
    assert any("附属单位上缴收入" in cells for cells in page)


def test_rotated_landscape_page_reads_upright() -> None:
    # /Rotate 90 page (Jiangsu 2018 tables file, page 7, 财政拨款支出预算表).
    doc = read("js_prov_cpc_cttee_office_2018_dept_budget_tables.pdf")
    page = lines_on(doc, 7)
    assert page[0] == ("财政拨款支出预算表",)
    assert ("部门：中共江苏省委办公厅", "单位：万元") in page
    assert ("2013101", "行政运行", "8,072.29") in page
    grid = next(rows for number, rows in doc.grids if number == 7)
    assert ["2013101", "行政运行", "8,072.29"] in grid


def test_word_table_with_padding_boxes_has_no_phantom_columns() -> None:
    # Word pads cells with white boxes; page 13 of the high court's 2017 budget, 财政拨款支出预算表.
    doc = read("js_prov_high_court_2017_dept_budget.pdf")
    page = lines_on(doc, 13)
    assert ("功能科目代码", "功能科目名称", "金额") in page
    assert ("2040501", "行政运行", "11,786.92") in page
    assert ("", "合计", "28,849.38") in page


def test_page_numbers_are_dropped() -> None:
    # Printed at the foot of every page as "- 3 -" (CPPCC 2018) and "— 3 —" (CPC 2017).
    for name in ("js_prov_cppcc_office_2018_dept_budget.pdf", "js_prov_cpc_cttee_office_2017_dept_budget.pdf"):
        doc = read(name)
        assert not [line for line in doc.lines if is_page_number(line.cells)], name


def test_text_beyond_the_page_edge_is_not_read() -> None:
    # The WPS export of the NPC office's 2017 budget keeps the next table's text below page 11's edge.
    doc = read("js_prov_npc_cttee_office_2017_dept_budget.pdf")
    page = lines_on(doc, 11)
    assert page[-1] == ("2210202", "提租补贴", "1,018.01")
    assert not any("政府性基金" in "".join(cells) for cells in page)


def test_pages_without_text_are_kept_going() -> None:
    # Page 14 of the final accounts is an empty ruled frame with no text at all.
    doc = read("sh_putuo_finance_bureau_2024_dept_final.pdf")
    assert doc.source.pages == 25
    assert not lines_on(doc, 14)
    assert lines_on(doc, 15)


def test_each_page_is_closed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[int] = []
    original = pdfplumber.page.Page.close

    def close(page: pdfplumber.page.Page) -> None:
        closed.append(page.page_number)
        original(page)

    monkeypatch.setattr(pdfplumber.page.Page, "close", close)
    doc = read_pdf(CORPUS / "js_prov_npc_cttee_office_2019_dept_budget_tables.pdf")
    assert doc.source.pages is not None
    # each page once after it is read (then once more when the PDF itself closes)
    assert closed[: doc.source.pages] == list(range(1, doc.source.pages + 1))


def test_read_source_dispatches_pdf() -> None:
    doc = read_source(CORPUS / "js_prov_cppcc_office_2017_dept_budget_tables.pdf")
    assert ("2010201", "行政运行", "3,233.03") in lines_on(doc, 5)


# --- unreadable files ---------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(UnreadableSource) as err:
        read_pdf(path)
    assert err.value.code == "empty-file"


@pytest.mark.parametrize("share", [0.3, 0.9])
def test_truncated_pdf(tmp_path: Path, share: float) -> None:
    data = (CORPUS / "sh_putuo_wanli_subdistrict_2025_dept_budget.pdf").read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: int(len(data) * share)])
    with pytest.raises(UnreadableSource) as err:
        read_pdf(path)
    assert err.value.code == "damaged-pdf"
    assert "download it again" in str(err.value)


def test_corrupt_pdf_structure(tmp_path: Path) -> None:
    # A header and an end marker but nothing a parser can find in between.
    path = tmp_path / "corrupt.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"garbage " * 200 + b"\n%%EOF\n")
    with pytest.raises(UnreadableSource) as err:
        read_pdf(path)
    assert err.value.code == "damaged-pdf"


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "page.pdf"
    path.write_bytes(b"<html><body>404 Not Found</body></html>")
    with pytest.raises(UnreadableSource) as err:
        read_pdf(path)
    assert err.value.code == "damaged-pdf"


def _reportlab_pdf(path: Path, pages: list[str | None], password: str | None = None) -> None:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    encrypt = pdfencrypt.StandardEncryption(password) if password else None
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for text in pages:
        c.rect(72, 72, 200, 100)
        if text is not None:
            c.setFont("STSong-Light", 12)
            c.drawString(72, 720, text)
        c.showPage()
    c.save()


def test_scan_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    _reportlab_pdf(path, [None, None])
    with pytest.raises(UnreadableSource) as err:
        read_pdf(path)
    assert err.value.code == "no-text-layer"
    assert "OCR" in str(err.value)


def test_one_page_without_text_is_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "mixed.pdf"
    _reportlab_pdf(path, [None, "单位：万元"])
    doc = read_pdf(path)
    assert [(line.page, line.cells) for line in doc.lines] == [(2, ("单位：万元",))]


def test_password_protected(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    _reportlab_pdf(path, ["合计"], password="secret")
    with pytest.raises(UnreadableSource) as err:
        read_pdf(path)
    assert err.value.code == "encrypted-pdf"
    assert "password" in str(err.value)


# --- small pieces -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["3", "- 3 -", "— 12 —", "第 3 页", "第3页 共25页", "3/25", "3 / 25"])
def test_page_number_shapes(text: str) -> None:
    assert is_page_number((text,))


@pytest.mark.parametrize("text", ["2024", "合计", "1,234.56", "201 31 01", "3.5"])
def test_not_page_numbers(text: str) -> None:
    assert not is_page_number((text,))


def test_join_pieces() -> None:
    assert join_pieces(["功能分类科目", "名称"]) == "功能分类科目名称"
    assert join_pieces(["项目支出", "(万元)"]) == "项目支出 (万元)"
    assert join_pieces(["2017", "年度"]) == "2017 年度"
    assert join_pieces(["财政拨款", "“三公”", "经费"]) == "财政拨款“三公”经费"
    assert join_pieces(["⼀般公共预算"]) == "一般公共预算"  # a Kangxi radical folded to the ideograph

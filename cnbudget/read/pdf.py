"""Read stage for PDFs: a PDF → Document (printed lines of cells, with page numbers).

Each page is read once: pdfplumber's words (with positions) and its ruled tables.
A ruled table row becomes one Line whose cells are the table's cells; the words
outside the tables are clustered into lines by vertical position and split into
cells at wide gaps. Both kinds of line are then interleaved top to bottom, so the
recognisers see the same lines of cells a tab-separated text layer gives them.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from cnbudget.model import Document, Line, Problem, SourceFile
from cnbudget.read.pdf_cells import CellMap, Grid, Placed, Word, line_to_cells, place_word, ruled_tables, table_to_rows, words_to_lines
from cnbudget.read.source import UnreadableSource

# A gap between words wider than this many font sizes starts a new cell.
# Words whose vertical extents overlap by this share of the smaller height are on one line.
# Page numbers are looked for in this share of the page height at the top and the bottom.
MARGIN = 0.12

_PAGE_NUMBER = re.compile(
    r"^(?:[-－—–~·•\s]*\d{1,3}[-－—–~·•\s]*"
    r"|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|共\s*\d{1,3}\s*页\s*[,，]?\s*第\s*\d{1,3}\s*页"
    r"|\d{1,3}\s*/\s*\d{1,3}"
    r"|(?:page|p\.)\s*\d{1,3}(?:\s*of\s*\d{1,3})?)$",
    re.IGNORECASE,
)

# A glyph whose font maps it to no character comes out as (cid:123).
_UNMAPPED = re.compile(r"^(?:\(cid:\d+\))+$")

# Kangxi radicals and compatibility ideographs some PDF makers map common characters to (⼀ for 一).


MAX_PAGES = 1000  # a budget disclosure runs to tens of pages; thousands mean a wrong or hostile file


def read_pdf(path: Path, max_pages: int = MAX_PAGES) -> Document:
    """A Document from a PDF with a text layer; raises UnreadableSource when it cannot be read."""
    data = path.read_bytes()
    _check_bytes(data)
    lines: list[Line] = []
    grids: list[tuple[int, Grid]] = []
    with _open_pdf(data) as pdf:
        pages = _pages_of(pdf)
        if len(pages) > max_pages:
            raise UnreadableSource(
                "too-many-pages",
                f"the PDF has {len(pages)} pages, more than the limit of {max_pages} for one disclosure; "
                "if it really is one disclosure, build it with a higher --max-pages",
            )
        pages_with_text = 0
        problems: list[Problem] = []
        for page in pages:
            try:
                if (damage := damaged_content(page)) is not None:
                    problems.append(Problem("damaged-page", damage, path.name, page.page_number))
                text = page_to_lines(page)
            except (PdfminerException, MalformedPDFException, PSException, ValueError) as exc:
                if isinstance(exc, ValueError) and not _raised_by_the_pdf_library(exc):
                    raise  # a ValueError of ours is a bug (internal-error), never the PDF's damage
                problem = _unreadable(exc, page.page_number)
                if problem.code != "damaged-pdf":
                    raise problem from exc
                problems.append(Problem("damaged-page", f"{problem} (the other pages are read)", path.name, page.page_number))
                continue
            finally:
                page.close()
            pages_with_text += text.has_text
            lines.extend(text.lines)
            grids.extend((page.page_number, grid) for grid in text.grids)
        if not pages_with_text and problems:
            raise UnreadableSource("damaged-pdf", f"no page can be read: {problems[0].message}", problems[0].page)
        if not pages_with_text:
            raise UnreadableSource(
                "no-text-layer",
                f"no page has a text layer ({len(pages)} pages checked): the PDF is a scan (pictures of pages), or its fonts "
                "map to no characters; it needs OCR: run it through e.g. `ocrmypdf -l chi_sim in.pdf out.pdf` and build from the result",
            )
        source = SourceFile(path, hashlib.sha256(data).hexdigest(), len(pages))
    return Document(source, lines, grids, problems)


def _raised_by_the_pdf_library(exc: BaseException) -> bool:
    """Whether pdfminer or pdfplumber raised `exc` (a ValueError of ours is a bug, never a damaged page)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and any(name in tb.tb_frame.f_code.co_filename for name in ("pdfminer", "pdfplumber"))


def damaged_content(page: Page) -> str | None:
    """Why a page's text may be lost, or None: a compressed content stream that does not decompress.

    pdfminer reads past such a stream quietly (it keeps what decompressed before the damage, often nothing), so the
    page reads as blank or cut short.
    """
    for ref in page.page_obj.contents:
        stream = resolve1(ref)
        if not isinstance(stream, PDFStream) or stream.rawdata is None or stream.decipher is not None:
            continue  # already decoded, or encrypted (deciphered only as it is decoded)
        filters = stream.get_filters()
        if not filters or filters[0][0] not in LITERALS_FLATE_DECODE:
            continue
        if (why := _deflate_damage(stream.rawdata)) is not None:
            return (
                f"page {page.page_number}'s content stream is damaged ({why}): its text is lost or cut short, "
                "so figures printed on it may be missing; download the PDF again, or repair it (e.g. `qpdf in.pdf out.pdf`)"
            )
    return None


def _deflate_damage(data: bytes) -> str | None:
    """Why zlib data does not inflate to its end, or None. Read as raw deflate after the two-byte header, so that a
    missing or wrong checksum after whole data (which pdfminer reads past with nothing lost) is not damage."""
    if len(data) < 2 or data[0] & 0x0F != 8:
        return "not zlib data"
    inflater = zlib.decompressobj(-15)
    try:
        inflater.decompress(data[2:])
    except zlib.error as exc:
        return str(exc)
    if not inflater.eof:
        return "the compressed data stops before its end"
    if len(inflater.unused_data.rstrip(b"\r\n \x00")) > 4:  # more than the checksum: the end came too early
        return f"the compressed data ends {len(inflater.unused_data)} bytes before the stream does"
    return None


def _check_bytes(data: bytes) -> None:
    """Raise UnreadableSource for a file that is empty, not a PDF, or cut off."""
    if not data.strip():
        raise UnreadableSource("empty-file", "the file is empty (it holds no data); download it again")
    if b"%PDF-" not in data[:1024]:
        raise UnreadableSource(
            "damaged-pdf",
            "the file does not start like a PDF (no %PDF- header): it may be a web page or an error message saved "
            "with a .pdf name; open it to see what it is and download the PDF again",
        )
    if b"%%EOF" not in data.rstrip(b"\x00 \t\r\n")[-1024:]:
        raise UnreadableSource(
            "damaged-pdf",
            "the PDF ends early (no %%EOF marker at its end): it was probably cut off while downloading; download it again",
        )


def _open_pdf(data: bytes) -> PDF:
    try:
        return pdfplumber.open(BytesIO(data))
    except (PdfminerException, MalformedPDFException, PSException) as exc:
        raise _unreadable(exc) from exc


def _pages_of(pdf: PDF) -> list[Page]:
    try:
        pages: list[Page] = pdf.pages
    except (PdfminerException, MalformedPDFException, PSException) as exc:
        raise _unreadable(exc) from exc
    if not pages:
        raise UnreadableSource("damaged-pdf", "the PDF has no pages that can be found: it is damaged; download it again")
    return pages


def _unreadable(exc: Exception, page: int | None = None) -> UnreadableSource:
    """The UnreadableSource a pdfminer/pdfplumber exception stands for."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, MemoryError):  # pdfplumber wraps the worker's memory limit; workers.py names it
        return UnreadableSource("memory-limit", "reading it needed more memory than a worker may take", page)
    if isinstance(cause, PDFPasswordIncorrect):
        return UnreadableSource(
            "encrypted-pdf",
            "the PDF is protected by a password; ask the publisher for an unprotected copy, or open it with the "
            "password and save it without protection, then build again",
            page,
        )
    if isinstance(cause, PDFEncryptionError):
        return UnreadableSource(
            "encrypted-pdf",
            f"the PDF is encrypted in a way the reader does not support ({cause}); save an unencrypted copy "
            "(e.g. `qpdf --decrypt in.pdf out.pdf`) and build from it",
            page,
        )
    where = f"page {page} " if page is not None else "the file "
    return UnreadableSource(
        "damaged-pdf",
        f"{where}cannot be read ({type(cause).__name__}: {cause}): the PDF is damaged or truncated; download it again, "
        "or repair it (e.g. `qpdf in.pdf out.pdf`) and build from the repaired copy",
        page,
    )


@dataclass
class PageText:
    """What one page gives: its lines in reading order, its ruled tables, and whether it has text."""

    lines: list[Line]
    grids: list[Grid]
    has_text: bool


def page_to_lines(page: Page) -> PageText:
    """The lines of one page: ruled table rows and free text lines interleaved top to bottom."""
    x0, top, x1, bottom = page.bbox
    # Some makers (WPS) leave text beyond the page's edges, where no viewer shows it.
    words = [w for w in page.extract_words(return_chars=True) if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    if not words:
        return PageText([], [], False)
    tables = [CellMap(t) for t in ruled_tables(page)]
    has_text = any(not _UNMAPPED.match(w["text"]) for w in words)
    free: list[Word] = []
    in_cells: list[dict[tuple[int, int], list[Word]]] = [{} for _ in tables]
    for word in words:
        place_word(word, tables, in_cells, free)
    placed: list[Placed] = []
    grids: list[Grid] = []
    for table, cells in zip(tables, in_cells):
        grid, rows = table_to_rows(table, cells, free)
        grids.append(grid)
        placed.extend(rows)
    for line in words_to_lines(free):
        box = (line[0]["x0"], min(w["top"] for w in line), line[-1]["x1"], max(w["bottom"] for w in line))
        placed.append(Placed(line_to_cells(line), box, True))
    placed.sort(key=lambda p: p.box[1])
    kept = drop_page_numbers(placed, page.bbox)
    return PageText([Line(page.page_number, p.cells) for p in kept], grids, has_text)


def drop_page_numbers(placed: list[Placed], bbox: tuple[float, float, float, float]) -> list[Placed]:
    """The lines without the page number: a free line that is only a number, in the top or
    bottom margin, or first or last on the page and centred."""
    x0, top, x1, bottom = bbox
    width, height = x1 - x0, bottom - top
    out: list[Placed] = []
    for i, p in enumerate(placed):
        if p.free and is_page_number(p.cells):
            in_margin = p.box[3] < top + height * MARGIN or p.box[1] > bottom - height * MARGIN
            centred = abs((p.box[0] + p.box[2]) / 2 - (x0 + x1) / 2) < width * 0.1
            if in_margin or (centred and i in (0, len(placed) - 1)):
                continue
        out.append(p)
    return out


def is_page_number(cells: Sequence[str]) -> bool:
    """Whether a line's text is only a page number (3, - 3 -, 第3页, 3/25 …)."""
    return bool(_PAGE_NUMBER.match(" ".join(cells).strip()))


# --- ruled tables -------------------------------------------------------------------------


# --- free text ----------------------------------------------------------------------------



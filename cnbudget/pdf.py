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
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO
from itertools import pairwise
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from .model import Document, Line, SourceFile
from .read import UnreadableSource

Word = dict[str, Any]
Grid = list[list[str | None]]

# A gap between words wider than this many font sizes starts a new cell.
CELL_GAP = 1.0
# Words whose vertical extents overlap by this share of the smaller height are on one line.
LINE_OVERLAP = 0.5
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
_CJK_FOLD = {
    code: unicodedata.normalize("NFKC", chr(code))
    for code in [*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00)]
    if unicodedata.normalize("NFKC", chr(code)) != chr(code)
}


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
        for page in pages:
            try:
                text = page_to_lines(page)
            except (PdfminerException, MalformedPDFException, PSException) as exc:
                raise _unreadable(exc, page.page_number) from exc
            finally:
                page.close()
            pages_with_text += text.has_text
            lines.extend(text.lines)
            grids.extend((page.page_number, grid) for grid in text.grids)
        if not pages_with_text:
            raise UnreadableSource(
                "no-text-layer",
                f"no page has a text layer ({len(pages)} pages checked): the PDF is a scan (pictures of pages), or its fonts "
                "map to no characters; it needs OCR: run it through e.g. `ocrmypdf -l chi_sim in.pdf out.pdf` and build from the result",
            )
        source = SourceFile(path, hashlib.sha256(data).hexdigest(), len(pages))
    return Document(source, lines, grids)


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


def _open_pdf(data: bytes) -> pdfplumber.PDF:
    try:
        return pdfplumber.open(BytesIO(data))
    except (PdfminerException, MalformedPDFException, PSException) as exc:
        raise _unreadable(exc) from exc


def _pages_of(pdf: pdfplumber.PDF) -> list[Page]:
    try:
        pages = pdf.pages
    except (PdfminerException, MalformedPDFException, PSException) as exc:
        raise _unreadable(exc) from exc
    if not pages:
        raise UnreadableSource("damaged-pdf", "the PDF has no pages that can be found: it is damaged; download it again")
    return pages


def _unreadable(exc: Exception, page: int | None = None) -> UnreadableSource:
    """The UnreadableSource a pdfminer/pdfplumber exception stands for."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, MemoryError):  # safety: pdfplumber wraps the worker's memory limit; workers.py names it
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


@dataclass
class _Placed:
    """A line of cells with its box on the page (for interleaving tables and free text)."""

    cells: tuple[str, ...]
    box: tuple[float, float, float, float]  # x0, top, x1, bottom
    free: bool  # free text, not a ruled table row


def page_to_lines(page: Page) -> PageText:
    """The lines of one page: ruled table rows and free text lines interleaved top to bottom."""
    x0, top, x1, bottom = page.bbox
    # Some makers (WPS) leave text beyond the page's edges, where no viewer shows it.
    words = [w for w in page.extract_words(return_chars=True) if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]
    if not words:
        return PageText([], [], False)
    tables = [_CellMap(t) for t in ruled_tables(page)]
    has_text = any(not _UNMAPPED.match(w["text"]) for w in words)
    free: list[Word] = []
    in_cells: list[dict[tuple[int, int], list[Word]]] = [{} for _ in tables]
    for word in words:
        _place_word(word, tables, in_cells, free)
    placed: list[_Placed] = []
    grids: list[Grid] = []
    for table, cells in zip(tables, in_cells):
        grid, rows = table_to_rows(table, cells, free)
        grids.append(grid)
        placed.extend(rows)
    for line in words_to_lines(free):
        box = (line[0]["x0"], min(w["top"] for w in line), line[-1]["x1"], max(w["bottom"] for w in line))
        placed.append(_Placed(line_to_cells(line), box, True))
    placed.sort(key=lambda p: p.box[1])
    kept = drop_page_numbers(placed, page.bbox)
    return PageText([Line(page.page_number, p.cells) for p in kept], grids, has_text)


def drop_page_numbers(placed: list[_Placed], bbox: tuple[float, float, float, float]) -> list[_Placed]:
    """The lines without the page number: a free line that is only a number, in the top or
    bottom margin, or first or last on the page and centred."""
    x0, top, x1, bottom = bbox
    width, height = x1 - x0, bottom - top
    out: list[_Placed] = []
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


def ruled_tables(page: Page) -> list[Table]:
    """The ruled tables pdfplumber finds, ignoring invisible white boxes and single boxes."""
    visible = page.filter(_draws_a_line)
    return [t for t in visible.find_tables() if _is_grid(t)]


def _draws_a_line(obj: dict[str, Any]) -> bool:
    # Word pads every table cell with a white filled box; its edges are not rules.
    if obj["object_type"] != "rect" or obj.get("stroke") or not obj.get("fill"):
        return True
    return not _is_white(obj.get("non_stroking_color"))


def _is_white(color: object) -> bool:
    if isinstance(color, (int, float)):
        color = (color,)
    if not isinstance(color, (tuple, list)) or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) in (1, 3):
        return all(v >= 0.99 for v in color)
    return len(color) == 4 and all(v <= 0.01 for v in color)


def _is_grid(table: Table) -> bool:
    # A frame around a cover or a text box is a column of boxes, not a table; one row of a
    # table continued from the page before (its total row) is.
    return any(sum(cell is not None for cell in row.cells) >= 2 for row in table.rows)


class _CellMap:
    """Finds the cell of a ruled table that holds a point, by bisecting its rules."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.bbox = table.bbox
        self.rows = table.rows
        self.xs = sorted({c[0] for c in table.cells} | {c[2] for c in table.cells})
        self.ys = sorted({c[1] for c in table.cells} | {c[3] for c in table.cells})
        xpos = {x: i for i, x in enumerate(self.xs)}
        ypos = {y: i for i, y in enumerate(self.ys)}
        self.owner: dict[tuple[int, int], tuple[int, int]] = {}
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row.cells):
                if cell is None:
                    continue
                for yi in range(ypos[cell[1]], ypos[cell[3]]):
                    for xi in range(xpos[cell[0]], xpos[cell[2]]):
                        self.owner[(yi, xi)] = (r, c)

    def locate(self, x: float, y: float) -> tuple[int, int] | None:
        """(row, column) of the cell holding the point, or None outside every cell."""
        xi = bisect_right(self.xs, x) - 1
        yi = bisect_right(self.ys, y) - 1
        if xi < 0 or yi < 0 or xi >= len(self.xs) - 1 or yi >= len(self.ys) - 1:
            return None
        return self.owner.get((yi, xi))

    def cell_bbox(self, where: tuple[int, int]) -> tuple[float, float, float, float]:
        cell = self.rows[where[0]].cells[where[1]]
        assert cell is not None
        return cell


def _place_word(word: Word, tables: Sequence[_CellMap], in_cells: list[dict[tuple[int, int], list[Word]]], free: list[Word]) -> None:
    """Put a word into the table cell holding its centre, or among the free words."""
    cy = (word["top"] + word["bottom"]) / 2
    cx = (word["x0"] + word["x1"]) / 2
    for table, cells in zip(tables, in_cells):
        where = table.locate(cx, cy)
        if where is None:
            continue
        x0, _, x1, _ = table.cell_bbox(where)
        if word["x0"] < x0 - 1 or word["x1"] > x1 + 1:
            # The word runs over a rule: the characters on each side belong to different cells.
            for piece in _split_at_rules(word, table):
                _place_word(piece, tables, in_cells, free)
            return
        cells.setdefault(where, []).append(word)
        return
    free.append(word)


def _split_at_rules(word: Word, table: _CellMap) -> list[Word]:
    """The word cut into pieces whose characters lie in the same cell (or outside the table)."""
    pieces: list[list[dict[str, Any]]] = []
    last: object = object()
    for char in word["chars"]:
        where = table.locate((char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2)
        if not pieces or where != last:
            pieces.append([])
            last = where
        pieces[-1].append(char)
    if len(pieces) == 1:  # every character in one cell: the word only overhangs it
        return [_shrink(word)]
    return [_word_of(chars) for chars in pieces]


def _shrink(word: Word) -> Word:
    """A word whose box is narrowed to its centre (so it fits the cell that holds it)."""
    cx = (word["x0"] + word["x1"]) / 2
    return {**word, "x0": cx, "x1": cx, "chars": []}


def _word_of(chars: list[dict[str, Any]]) -> Word:
    return {
        "text": "".join(c["text"] for c in chars),
        "x0": min(c["x0"] for c in chars),
        "x1": max(c["x1"] for c in chars),
        "top": min(c["top"] for c in chars),
        "bottom": max(c["bottom"] for c in chars),
        "chars": chars,
    }


def table_to_rows(table: _CellMap, cells: dict[tuple[int, int], list[Word]], free: list[Word]) -> tuple[Grid, list[_Placed]]:
    """The table as a grid of cell texts, and its rows as lines (a full-width title row becomes free text)."""
    grid: Grid = []
    placed: list[_Placed] = []
    x0, _, x1, _ = table.bbox
    for r, row in enumerate(table.rows):
        texts: list[str | None] = []
        for c, cell in enumerate(row.cells):
            texts.append(None if cell is None else cell_text(cells.get((r, c), [])))
        grid.append(texts)
        present = [(c, cell) for c, cell in enumerate(row.cells) if cell is not None]
        if len(present) == 1 and len(row.cells) > 1 and present[0][1][2] - present[0][1][0] >= 0.9 * (x1 - x0):
            # A title or unit line printed inside the table's frame: its words are read as free text.
            free.extend(cells.get((r, present[0][0]), []))
            continue
        if any(texts):
            placed.append(_Placed(tuple(t or "" for t in texts), row.bbox, False))
    return grid, placed


def cell_text(words: list[Word]) -> str:
    """The text of a table cell: its lines joined, with no space between CJK characters."""
    if not words:
        return ""
    return join_pieces(join_pieces(w["text"] for w in line) for line in words_to_lines(words))


# --- free text ----------------------------------------------------------------------------


def words_to_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped into printed lines (by vertical overlap), each line left to right."""
    lines: list[list[Word]] = []
    top = bottom = 0.0
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        height = word["bottom"] - word["top"]
        if lines:
            overlap = min(bottom, word["bottom"]) - max(top, word["top"])
            if overlap >= LINE_OVERLAP * min(height, bottom - top):
                lines[-1].append(word)
                top, bottom = min(top, word["top"]), max(bottom, word["bottom"])
                continue
        lines.append([word])
        top, bottom = word["top"], word["bottom"]
    for line in lines:
        line.sort(key=lambda w: w["x0"])
    return lines


def line_to_cells(line: list[Word]) -> tuple[str, ...]:
    """A line's words as cells, split where the gap is wider than about one character."""
    cells: list[list[str]] = [[line[0]["text"]]]
    for prev, word in pairwise(line):
        size = max(prev["bottom"] - prev["top"], word["bottom"] - word["top"])
        if word["x0"] - prev["x1"] > CELL_GAP * size:
            cells.append([])
        cells[-1].append(word["text"])
    return tuple(join_pieces(cell) for cell in cells)


def join_pieces(pieces: Iterable[str]) -> str:
    """Text pieces joined by a space, except between two CJK (wide) characters."""
    out = ""
    for piece in pieces:
        piece = piece.translate(_CJK_FOLD).strip()
        if not piece:
            continue
        if out and not (_is_wide(out[-1]) and _is_wide(piece[0])):
            out += " "
        out += piece
    return out


def _is_wide(ch: str) -> bool:
    # Curly quotes and the ellipsis are ambiguous in width; in this Chinese print they are full width.
    return unicodedata.east_asian_width(ch) in ("W", "F") or ch in "“”‘’…—"

"""Pages shared by text and PDF: tables cut into landscape pages, a text layer, and ruled PDFs drawn with reportlab."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .tables import Printed, Table, header_grid

PORTRAIT = (595.28, 841.89)
LANDSCAPE = (841.89, 595.28)
MARGIN = 40.0
ROW = 18.0
TITLE = 26.0
LINE = 18.0


@dataclass
class Chunk:
    """The rows of one table printed on one page (the header is repeated on every page)."""

    table: Table
    rows: list[tuple[str, ...]]
    first: bool
    last: bool


def page_size(table: Table) -> tuple[float, float]:
    return PORTRAIT if table.portrait else LANDSCAPE


def shows_header(chunk: Chunk) -> bool:
    return chunk.first or chunk.table.repeat_header


def paginate(table: Table) -> list[Chunk]:
    """The table cut into pages of A4 (landscape unless ``portrait``): title and unit lines on the first, header on each (or on the first only)."""
    height = page_size(table)[1] - 2 * MARGIN
    head = len(table.header) * ROW
    chunks: list[Chunk] = []
    rows = list(table.body)
    first = True
    while True:
        room = height - (head if first or table.repeat_header else 0) - ((LINE if table.number else 0) + TITLE + LINE if first else 0)
        fits = max(1, int(room // ROW))
        if first and table.break_after:
            fits = min(fits, table.break_after)
        chunk, rows = rows[:fits], rows[fits:]
        last = not rows
        if last and table.notes and (len(chunk) * ROW + len(table.notes) * LINE > room) and len(chunk) > 1:
            rows = chunk[-1:]  # keep a row for the notes' page, so that notes never stand alone
            chunk = chunk[:-1]
            last = False
        chunks.append(Chunk(table, chunk, first, last))
        first = False
        if last:
            return chunks


# ------------------------------------------------------------------ text


def header_rows(table: Table) -> list[tuple[str, ...]]:
    """The header as lines of cells: a spanning cell's text in its first position, blanks elsewhere."""
    out = []
    for r, row in enumerate(header_grid(table.header, table.width)):
        out.append(tuple(pos[0].text if pos is not None and pos[1] == r else "" for pos in row))
    return out


def to_text(doc: Printed, spaces: bool = False, one_a_line: bool = False) -> str:
    """The disclosure as a text layer: one line per printed line, cells separated by tabs.

    With ``spaces`` the cells are separated by one space and blank cells vanish, as in a text
    layer extracted without column positions (the founding source 000 is one). With ``one_a_line``
    every cell is a line of its own and blank cells vanish, each table printed whole (no page
    breaks), as a web page's table copied as text prints it.
    """
    lines = [doc.cover, "", "一、收入支出总体情况", *doc.paragraphs, ""]
    if one_a_line:
        for table in doc.tables:
            lines += [table.number] if table.number else []
            lines += [table.title, table.left, table.right]
            lines += [cell for row in [*header_rows(table), *table.body] for cell in row if cell.strip()]
            lines += [*table.notes, ""]
        return "\n".join(lines) + "\n"
    for table in doc.tables:
        for chunk in paginate(table):
            if chunk.first:
                lines += [table.number] if table.number else []
                lines += [table.title, f"{table.left}\t{table.right}"]
            lines += ["\t".join(row) for row in header_rows(table)] if shows_header(chunk) else []
            lines += ["\t".join(row) for row in chunk.rows]
            if chunk.last:
                lines += table.notes
        lines.append("")
    if spaces:
        lines = [" ".join(cell for cell in line.split("\t") if cell) for line in lines]
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ PDF

FONT = "STSong-Light"


@cache
def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, _font(), size))  # float-ok: a width in points on the page, not an amount


def _pdf_text(text: str) -> str:
    # STSong-Light has no glyph for U+2212, nor does a hyphen look like a minus in print
    return "－" + text[1:] if text.startswith("-") and text[1:2].isdigit() else text


def wrap(text: str, size: float, width: float) -> list[str]:
    """The text cut into lines no wider than ``width`` (character by character: Chinese has no spaces)."""
    lines, current = [], ""
    for ch in text:
        if current and _width(current + ch, size) > width:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current] if current else lines


def column_widths(table: Table, size: float) -> list[float]:
    """Each column's width: its widest cell, and wide enough together for every spanning header."""
    pad = 8.0
    widths = [24.0] * table.width
    for cells in table.body:
        for j, cell in enumerate(cells):
            widths[j] = max(widths[j], _width(_pdf_text(cell), size) + pad)
    for row in header_grid(table.header, table.width):
        for pos in row:
            if pos is None:
                continue
            span, _, c = pos
            need = _width(span.text, size) + pad
            have = sum(widths[c : c + span.cols])
            if need > have:
                for k in range(c, c + span.cols):
                    widths[k] += (need - have) / span.cols
    return widths


class PdfWriter:
    """Draws pages with reportlab: free text lines and ruled tables."""

    def __init__(self, path: Path) -> None:
        from reportlab.pdfgen.canvas import Canvas

        _font()
        self.canvas = Canvas(str(path), pagesize=PORTRAIT, invariant=1)
        self.canvas.setTitle(path.stem)
        self.page = 0

    def new_page(self, size: tuple[float, float]) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        self.canvas.setPageSize(size)
        self.size = size
        self.canvas.setFont(FONT, 9)
        self.canvas.drawCentredString(size[0] / 2, 22, f"- {self.page} -")

    def text(self, y: float, text: str, size: float, align: str = "l", x0: float = MARGIN, x1: float | None = None) -> None:
        """One line of text whose top is ``y`` points below the top of the page."""
        c = self.canvas
        x1 = self.size[0] - MARGIN if x1 is None else x1
        baseline = self.size[1] - y - size * 0.88
        c.setFont(FONT, size)
        if align == "c":
            c.drawCentredString((x0 + x1) / 2, baseline, text)
        elif align == "r":
            c.drawRightString(x1, baseline, text)
        else:
            c.drawString(x0, baseline, text)

    def cover(self, title: str, paragraphs: list[str]) -> None:
        self.new_page(PORTRAIT)
        y = 200.0
        for line in wrap(title, 20, PORTRAIT[0] - 2 * MARGIN):
            self.text(y, line, 20, "c")
            y += 30
        y += 40
        self.text(y, "一、收入支出总体情况", 12)
        y += 24
        for paragraph in paragraphs:
            for line in wrap(paragraph, 11, PORTRAIT[0] - 2 * MARGIN):
                self.text(y, line, 11)
                y += 18
            y += 6

    def chunk(self, chunk: Chunk) -> None:
        table = chunk.table
        self.new_page(page_size(table))
        avail = self.size[0] - 2 * MARGIN
        size = 9.0
        widths = column_widths(table, size)
        if sum(widths) > avail:
            size = max(5.0, size * avail / sum(widths))
            widths = column_widths(table, size)
        while table.fit and sum(widths) > avail and size > 5.0:  # the cells' padding does not shrink with the type
            size = max(5.0, size - 0.25)
            widths = column_widths(table, size)
        unit_lines = _width(table.left, 9) + _width(table.right, 9) + 24
        if table.fit and sum(widths) < unit_lines:  # a narrow table: widen it, or its two unit lines run into each other
            widths = [w * unit_lines / sum(widths) for w in widths]
        x0 = MARGIN + max(0.0, (avail - sum(widths)) / 2)
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        y = MARGIN
        if chunk.first:
            if table.number:
                self.text(y, table.number, 9, "r", x1=xs[-1])
                y += LINE
            self.text(y, table.title, 15, "c")
            y += TITLE
            self.text(y + 3, table.left, 9, "l", x0=xs[0])
            self.text(y + 3, table.right, 9, "r", x1=xs[-1])
            y += LINE
        segments: set[tuple[float, float, float, float]] = set()
        grid = header_grid(table.header, table.width) if shows_header(chunk) else []
        for r, row in enumerate(grid):
            for pos in row:
                if pos is None or pos[1] != r:
                    continue
                span, _, c = pos
                box = (xs[c], y + r * ROW, xs[c + span.cols], y + (r + span.rows) * ROW)
                self._cell(box, span.text, "c", size, segments)
        y += len(grid) * ROW
        for cells in chunk.rows:
            for j, cell in enumerate(cells):
                self._cell((xs[j], y, xs[j + 1], y + ROW), _pdf_text(cell), table.align[j], size, segments)
            y += ROW
        height = self.size[1]
        self.canvas.setLineWidth(0.6)
        for x_a, y_a, x_b, y_b in sorted(segments):
            self.canvas.line(x_a, height - y_a, x_b, height - y_b)
        if chunk.last:
            for note in table.notes:
                self.text(y + 6, note, 9, "l", x0=xs[0])
                y += LINE

    def _cell(self, box: tuple[float, float, float, float], text: str, align: str, size: float, segments: set[tuple[float, float, float, float]]) -> None:
        x0, top, x1, bottom = box
        segments.update({(x0, top, x1, top), (x0, bottom, x1, bottom), (x0, top, x0, bottom), (x1, top, x1, bottom)})
        if text:
            y = (top + bottom) / 2 - size * 0.5
            if align == "r":
                self.text(y, text, size, "r", x1=x1 - 4)
            elif align == "c":
                self.text(y, text, size, "c", x0=x0, x1=x1)
            else:
                self.text(y, text, size, "l", x0=x0 + 4)

    def save(self) -> None:
        self.canvas.save()


def to_pdf(doc: Printed, path: Path) -> None:
    """The disclosure as a PDF: the prose on a portrait page, each table on landscape pages."""
    writer = PdfWriter(path)
    writer.cover(doc.cover, doc.paragraphs)
    for table in doc.tables:
        for chunk in paginate(table):
            writer.chunk(chunk)
    writer.save()

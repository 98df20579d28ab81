"""PDF words and ruled tables → cells: the geometry under the PDF reader.

A ruled table's words are placed into its cells (a word that crosses a rule is split there);
the words outside tables are clustered into lines by vertical position and split into cells
at wide gaps.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from pdfplumber.page import Page
from pdfplumber.table import Table

Word = dict[str, Any]


Grid = list[list[str | None]]


CELL_GAP = 1.0


LINE_OVERLAP = 0.5


_CJK_FOLD = {
    code: unicodedata.normalize("NFKC", chr(code))
    for code in [*range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00)]
    if unicodedata.normalize("NFKC", chr(code)) != chr(code)
}


@dataclass
class Placed:
    """A line of cells with its box on the page (for interleaving tables and free text)."""

    cells: tuple[str, ...]
    box: tuple[float, float, float, float]  # x0, top, x1, bottom
    free: bool  # free text, not a ruled table row


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


class CellMap:
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
        """The bounding box (x0, top, x1, bottom) of the cell at (row, column) ``where``."""
        cell = self.rows[where[0]].cells[where[1]]
        assert cell is not None
        return cell


def place_word(word: Word, tables: Sequence[CellMap], in_cells: list[dict[tuple[int, int], list[Word]]], free: list[Word]) -> None:
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
                place_word(piece, tables, in_cells, free)
            return
        cells.setdefault(where, []).append(word)
        return
    free.append(word)


def _split_at_rules(word: Word, table: CellMap) -> list[Word]:
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


def table_to_rows(table: CellMap, cells: dict[tuple[int, int], list[Word]], free: list[Word]) -> tuple[Grid, list[Placed]]:
    """The table as a grid of cell texts, and its rows as lines (a full-width title row becomes free text)."""
    grid: Grid = []
    placed: list[Placed] = []
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
            placed.append(Placed(tuple(t or "" for t in texts), row.bbox, False))
    return grid, placed


def cell_text(words: list[Word]) -> str:
    """The text of a table cell: its lines joined, with no space between CJK characters."""
    if not words:
        return ""
    return join_pieces(join_pieces(w["text"] for w in line) for line in words_to_lines(words))


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

"""HTML whose text is absolutely positioned: a PDF drawn as ``<div>``s, read back into rows by coordinates.

Some sites render a PDF into the page as one ``<div class="page">`` per page, every text run an
absolutely positioned ``<div style="top:…pt;left:…pt;font-size:…pt">`` (and the table rules as
empty ones). Read in document order, each run would be a line of its own and no table would have
rows. Such a page is read as the PDF reader reads a page: the runs are words, placed by their
``top`` and ``left`` and grouped into lines by vertical overlap; a line crossed by the vertical rules
of a ruled table is cut into cells at those rules (a cell with no word stays blank, as in a ruled
PDF table), any other line at wide gaps. Each ``page`` div is a page.
"""

from __future__ import annotations

import html
import itertools
import re
import unicodedata

from cnbudget.model import Line
from cnbudget.read.pdf_cells import Word, join_pieces, line_to_cells, words_to_lines

_PAGE_START = re.compile(r"""<div\b[^>]*\bclass\s*=\s*["']?page\b[^>]*>""", re.IGNORECASE)
_RUN = re.compile(r"""<div\b[^>]*\bstyle\s*=\s*["']([^"']*\bposition\s*:\s*absolute[^"']*)["'][^>]*>(.*?)</div>""", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
# a page counts as drawn so when this many of its text runs are positioned
MIN_RUNS = 200


def _length(style: str, name: str) -> float | None:
    m = re.search(rf"(?<![-\w]){name}\s*:\s*(-?[\d.]+)(?:pt|px)?", style)
    return float(m.group(1)) if m else None  # float-ok: a CSS coordinate, not an amount


def _width(text: str, size: float) -> float:
    """The run's printed width, estimated: a wide (CJK) character one em, any other half an em."""
    return sum(size if unicodedata.east_asian_width(ch) in ("W", "F") else size / 2 for ch in text)


Rule = tuple[float, float, float]  # x, top, bottom of a vertical rule


def _words(chunk: str) -> tuple[list[Word], list[Rule]]:
    """The page's text runs as words, and its vertical rules (empty runs with a height and no width)."""
    words: list[Word] = []
    rules: list[Rule] = []
    for m in _RUN.finditer(chunk):
        style = m.group(1)
        text = html.unescape(_TAG.sub("", m.group(2))).replace("\xa0", " ").replace("\u3000", " ").strip()
        top, left = _length(style, "top"), _length(style, "left")
        if top is None or left is None:
            continue
        if not text:
            height, width = _length(style, "height"), _length(style, "width")
            if height and height > 0 and not width and re.search(r"border-(?:right|left)", style):
                rules.append((left, top, top + height))
            continue
        size = _length(style, "font-size") or 12.0
        words.append({"text": text, "top": top, "bottom": top + size, "x0": left, "x1": left + _width(text, size)})
    return words, rules


def _dedupe(xs: list[float]) -> list[float]:
    out: list[float] = []
    for x in sorted(xs):
        if not out or x - out[-1] > 1.0:
            out.append(x)
    return out


def _tables(rules: list[Rule]) -> list[tuple[float, float, list[float]]]:
    """The page's ruled tables: runs of vertical rules that touch, each with its top, bottom and every column edge."""
    tables: list[tuple[float, float, list[float]]] = []
    for x, top, bottom in sorted(rules, key=lambda r: r[1]):
        if tables and top <= tables[-1][1] + 1.0:
            first, last, xs = tables[-1]
            tables[-1] = (first, max(last, bottom), [*xs, x])
        else:
            tables.append((top, bottom, [x]))
    return [(top, bottom, _dedupe(xs)) for top, bottom, xs in tables]


def _ruled_cells(line: list[Word], rules: list[Rule], tables: list[tuple[float, float, list[float]]]) -> tuple[str, ...]:
    """The line cut into cells at the vertical rules that cross it, on its table's full grid of columns.

    A cell that spans several columns (a merged header cell) keeps its text in the first of them,
    the others blank, as a ruled PDF table's merged cell reads; a line crossed by fewer than two
    rules is cut at wide gaps.
    """
    middle = sum((w["top"] + w["bottom"]) / 2 for w in line) / len(line)
    own = _dedupe([x for x, top, bottom in rules if top <= middle <= bottom])
    grid = next((xs for top, bottom, xs in tables if top <= middle <= bottom), own)
    if len(own) < 3:
        return line_to_cells(line)
    before = [w for w in line if w["x0"] < own[0] - 1.0]
    after = [w for w in line if w["x0"] >= own[-1] - 1.0]
    cells = list(line_to_cells(before)) if before else []
    for a, b in itertools.pairwise(own):
        columns = max(1, sum(1 for x in grid if a - 1.0 <= x < b - 1.0))
        cells.append(join_pieces(w["text"] for w in line if a - 1.0 <= w["x0"] < b - 1.0))
        cells.extend([""] * (columns - 1))
    cells.extend(line_to_cells(after) if after else ())
    return tuple(cells)


def positioned_lines(page_html: str) -> tuple[str, list[Line]] | None:
    """The page's text before its first drawn page, and the drawn pages' lines; None where the page is not drawn so."""
    starts = [m.start() for m in _PAGE_START.finditer(page_html)]
    if not starts:
        return None
    chunks = [page_html[a:b] for a, b in zip(starts, [*starts[1:], len(page_html)], strict=True)]
    pages = [_words(chunk) for chunk in chunks]
    if sum(len(words) for words, _ in pages) < MIN_RUNS:
        return None
    lines: list[Line] = []
    for number, (words, rules) in enumerate(pages, start=1):
        tables = _tables(rules)
        for printed in words_to_lines(words):
            lines.append(Line(number, _ruled_cells(printed, rules, tables)))
    return page_html[: starts[0]], lines

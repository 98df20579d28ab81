"""Read stage: a source file → Document (lines of cells with page numbers).

Every reader (``text``, ``html``, ``pdf``) returns the same Document, so the recognisers
never know what the source format was.
"""

from __future__ import annotations

from pathlib import Path

from cnbudget.model import Document
from cnbudget.read.html import read_html
from cnbudget.read.source import HTML_SUFFIXES, PDF_SUFFIXES, SOURCE_SUFFIXES, TEXT_SUFFIXES, UnreadableSource, decode_text, sha256_of
from cnbudget.read.text import read_text, text_to_lines

__all__ = ["HTML_SUFFIXES", "PDF_SUFFIXES", "SOURCE_SUFFIXES", "TEXT_SUFFIXES", "UnreadableSource", "decode_text", "read_source", "read_text", "sha256_of", "text_to_lines"]


def read_source(path: Path, max_pages: int | None = None) -> Document:
    """A Document from any supported source file, chosen by its content and suffix."""
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF") or suffix in PDF_SUFFIXES:
        from cnbudget.read.pdf import read_pdf

        return read_pdf(path) if max_pages is None else read_pdf(path, max_pages)
    if suffix in HTML_SUFFIXES:
        return read_html(path)
    return read_text(path)

"""Read stage: a source file → Document (lines of cells with page numbers).

Text layers and HTML are read here; PDFs in ``pdf.py``. Every reader returns the
same Document, so the recognisers never know what the source format was.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from .model import Document, Line, SourceFile

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
SOURCE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES

_TAG_RE = re.compile(r"<[^>\n]{0,200}>")


class UnreadableSource(Exception):
    """A source that cannot be read at all; carries a kebab-case code."""

    def __init__(self, code: str, message: str, page: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.page = page


def sha256_of(path: Path) -> str:
    """The hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def decode_text(data: bytes) -> str:
    """The text of a file in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise UnreadableSource(
            "unknown-encoding",
            "the file is neither UTF-8, UTF-16 nor GB18030 text; save it as UTF-8 and build again",
        ) from exc


def strip_markup(text: str) -> str:
    """Text with stray HTML tags removed and entities decoded (cells keep their tabs)."""
    return html.unescape(_TAG_RE.sub(" ", text))


def text_to_lines(text: str, page: int | None = None) -> list[Line]:
    """Lines of cells from a text layer: tabs separate cells, blank lines are dropped."""
    lines: list[Line] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        raw = strip_markup(raw).replace("\u3000", " ").replace("\xa0", " ")
        if not raw.strip():
            continue
        cells = tuple(c.strip() for c in raw.split("\t")) if "\t" in raw else (raw.strip(),)
        lines.append(Line(page, cells))
    return lines


def read_text(path: Path) -> Document:
    """A Document from a text layer (UTF-8/UTF-16/GB18030); pages are unknown."""
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableSource("empty-file", "the file is empty")
    text = decode_text(data)
    if "\x00" in text:
        raise UnreadableSource("not-text", "the file holds binary data, not text")
    source = SourceFile(path, hashlib.sha256(data).hexdigest(), None)
    return Document(source, text_to_lines(text))


def read_html(path: Path) -> Document:
    """A Document from an HTML page: block elements end lines, table cells become cells."""
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableSource("empty-file", "the file is empty")
    text = decode_text(data)
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = re.sub(r"(?i)</t[dh]>\s*", "\t", text)
    text = re.sub(r"(?i)<br\s*/?>|</(p|div|tr|li|h[1-6]|table|caption)>", "\n", text)
    text = re.sub(r"\t[ \t]*\n", "\n", text)
    source = SourceFile(path, hashlib.sha256(data).hexdigest(), None)
    return Document(source, text_to_lines(text))


def read_source(path: Path, max_pages: int | None = None) -> Document:
    """A Document from any supported source file, chosen by its content and suffix."""
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF") or suffix in PDF_SUFFIXES:
        from .pdf import read_pdf

        return read_pdf(path) if max_pages is None else read_pdf(path, max_pages)
    if suffix in HTML_SUFFIXES:
        return read_html(path)
    return read_text(path)

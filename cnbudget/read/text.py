"""Text layers (``.txt``): lines of cells, tabs separating cells, pages unknown."""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from cnbudget.model import Document, Line, SourceFile
from cnbudget.read.script import simplified
from cnbudget.read.source import UnreadableSource, decode_text

_TAG_RE = re.compile(r"<[^>\n]{0,200}>")


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
    return Document(source, text_to_lines(simplified(text)))

"""HTML pages: block elements end lines, table cells become cells, then read as text."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from cnbudget.model import Document, Line, SourceFile
from cnbudget.read.positioned import positioned_lines
from cnbudget.read.script import simplified
from cnbudget.read.source import UnreadableSource, decode_text
from cnbudget.read.text import text_to_lines

# a link to a file (a PDF or spreadsheet of the tables): its text is kept, and the file it links is named after it
_LINKED_FILE = re.compile(r"""(?is)<a\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+?\.(?:pdf|xlsx?|docx?|wps|et))(?=[?#"'\s>])(?:[?#][^"'\s>]*)?["']?[^>]*>(.*?)</a>""")


def _name_linked_file(m: re.Match[str]) -> str:
    """The link's text followed by 〔链接文件：name〕, the name of the file it links."""
    return f"{m.group(2)}〔链接文件：{m.group(1).rsplit('/', 1)[-1]}〕"


def read_html(path: Path) -> Document:
    """A Document from an HTML page: block elements end lines, table cells become cells."""
    data = path.read_bytes()
    if not data.strip():
        raise UnreadableSource("empty-file", "the file is empty")
    text = simplified(decode_text(data))
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    source = SourceFile(path, hashlib.sha256(data).hexdigest(), None)
    drawn = positioned_lines(text)  # a PDF drawn as positioned <div>s: its rows rebuilt from coordinates
    if drawn is not None:
        before, pages = drawn
        return Document(source, _page_lines(before) + pages)
    return Document(source, _page_lines(text))


def _page_lines(text: str) -> list[Line]:
    """The lines of a page's markup: block elements end lines, table cells become cells."""
    text = _LINKED_FILE.sub(_name_linked_file, text)
    text = re.sub(r"(?i)</t[dh]>\s*", "\t", text)
    # a page's <title> is a line of its own: a minified page prints it and the first heading with no break between
    # (岳阳市人民政府门户网站</title>…<h1>岳阳市教育局2021年部门预算), and run on they read as one name
    text = re.sub(r"(?i)<br\s*/?>|</(p|div|tr|li|h[1-6]|table|caption|title)>", "\n", text)
    text = re.sub(r"\t[ \t]*\n", "\n", text)
    return text_to_lines(text)

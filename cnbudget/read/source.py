"""What every reader shares: the suffixes read, the error a reader raises, hashing and decoding."""

from __future__ import annotations

import hashlib
from pathlib import Path

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
PDF_SUFFIXES = {".pdf"}
SOURCE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES


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


# Byte-order marks, longest first: a UTF-32 little-endian mark begins with the UTF-16 one.
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"),
    (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_SAVE_AS = "save it as UTF-8 and build again"


def decode_text(data: bytes) -> str:
    """The text of a file in UTF-8, UTF-16 or UTF-32 (each with a byte-order mark), UTF-8, GB18030 or Big5 without one,
    or UTF-16 without one (a text with many NUL bytes: the high halves of its ASCII characters); anything else fails
    `unknown-encoding` (or `not-text`, for binary data) naming the byte."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decoded(data[len(bom) :], codec, f"the file begins with a {name} byte-order mark, but", len(bom))
    if data.count(0) * 20 >= len(data) > 0:  # one byte in twenty NUL: UTF-16 without its mark, or not text at all
        return _unmarked_utf16(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        big5 = data.decode("big5")
    except UnicodeDecodeError:
        big5 = ""
    mainland = _decoded(data, "gb18030", "the file is neither UTF-8, GB18030 nor Big5 text (nor marked as UTF-16):", 0)
    # GB18030 decodes almost any bytes, Big5 text too, into other characters: the reading that speaks of budgets wins
    return big5 if _budget_words(big5) > _budget_words(mainland) else mainland


# Characters every budget or final account prints many times, in simplified and traditional script.
_BUDGET_CHARACTERS = frozenset("年元万萬收支出入预預算决決部门門单單位财財政拨撥款基本项項目经經费費合计計总總")


def _budget_words(text: str) -> int:
    return sum(ch in _BUDGET_CHARACTERS for ch in text)


def _decoded(data: bytes, codec: str, what: str, offset: int) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnreadableSource("unknown-encoding", f"{what} byte {offset + exc.start} cannot be read that way; {_SAVE_AS}") from exc


def _unmarked_utf16(data: bytes) -> str:
    """UTF-16 without a byte-order mark: its NUL bytes are the high halves of ASCII characters, all at odd offsets
    (little-endian) or all at even ones (big-endian); the text it gives has no control characters."""
    at_even, at_odd = data[0::2].count(0), data[1::2].count(0)
    codec = "utf-16-le" if not at_even else "utf-16-be" if not at_odd else None
    if codec is not None:
        try:
            text: str | None = data.decode(codec)
        except UnicodeDecodeError:
            text = None
        if text is not None and not any(ord(ch) < 32 and ch not in "\t\n\r\f" for ch in text):
            return text
    first = data.index(b"\x00")
    raise UnreadableSource(
        "not-text",
        f"the file holds binary data, not text (a NUL byte at byte {first}, and it does not read as UTF-16 either): "
        "it may be another format saved with a text suffix; give the disclosure's PDF or its text as UTF-8",
    )

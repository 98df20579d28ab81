"""Text sources in every encoding a filer's tools save, and a clear `unknown-encoding` for the rest."""

from __future__ import annotations

import pytest

from cnbudget.read.source import UnreadableSource, decode_text

TEXT = "某某局2024年部门预算\n收入预算总计 120.50 万元。\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # with its byte-order mark
        TEXT.encode("utf-16-be"),  # no mark: big-endian, the NULs at even offsets
        TEXT.encode("utf-16-le"),  # no mark: little-endian, the NULs at odd offsets
        TEXT.encode("utf-32"),  # its mark begins with UTF-16's little-endian one
        TEXT.encode("gb18030"),
    ],
)
def test_a_text_in_any_common_encoding_reads_the_same(data: bytes) -> None:
    assert decode_text(data) == TEXT


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"\xff\xfe\x00\x00garbage", "UTF-32 byte-order mark, but byte 4"),
        (b"\xff\xfe" + "预算".encode("utf-16-le") + b"\x00\xd8", "UTF-16 byte-order mark, but byte 6"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "NUL byte (at byte 8)"),
    ],
)
def test_a_damaged_or_binary_text_is_unknown_encoding_naming_the_byte(data: bytes, says: str) -> None:
    with pytest.raises(UnreadableSource) as caught:
        decode_text(data)
    assert caught.value.code == "unknown-encoding"
    assert says in str(caught.value)
    assert "save it as UTF-8" in str(caught.value)


def test_a_stray_nul_in_utf8_text_is_still_utf8() -> None:
    assert decode_text(TEXT.encode("utf-8") + b"\x00") == TEXT + "\x00"

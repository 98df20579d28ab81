"""Text sources in every encoding a filer's tools save, and a clear `unknown-encoding` for the rest."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cnbudget.pipeline.inputs import MESSAGES
from cnbudget.read.source import UnreadableSource, decode_text
from cnbudget.render.labels import LABELS

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
    ],
)
def test_a_damaged_text_is_unknown_encoding_naming_the_byte(data: bytes, says: str) -> None:
    with pytest.raises(UnreadableSource) as caught:
        decode_text(data)
    assert caught.value.code == "unknown-encoding"
    assert says in str(caught.value)
    assert "save it as UTF-8" in str(caught.value)


def test_binary_data_with_a_text_suffix_is_not_text_naming_the_byte() -> None:
    with pytest.raises(UnreadableSource) as caught:
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
    assert caught.value.code == "not-text"
    assert "NUL byte at byte 8" in str(caught.value)


TRADITIONAL = "某某局2021年部門預算\n收入預算總計 120.50 萬元，其中財政撥款收入 100.00 萬元。\n"


def test_big5_text_is_read_as_big5_not_as_gb18030_garbage() -> None:
    """GB18030 decodes Big5 bytes without an error, into other characters (../shared/FACTS.md): the budget's words decide."""
    data = TRADITIONAL.encode("big5")
    assert data.decode("gb18030") != TRADITIONAL  # the trap: no error, wrong text
    assert decode_text(data) == TRADITIONAL


def test_gb18030_text_in_traditional_script_stays_gb18030() -> None:
    assert decode_text(TRADITIONAL.encode("gb18030")) == TRADITIONAL
    assert decode_text(TEXT.encode("gbk")) == TEXT


def test_a_stray_nul_in_utf8_text_is_still_utf8() -> None:
    assert decode_text(TEXT.encode("utf-8") + b"\x00") == TEXT + "\x00"


def test_every_code_a_build_report_can_give_is_said_in_chinese_on_the_site() -> None:
    """The data page explains each entry by its code (the message is English): every code raised has its sentence."""
    root = Path(__file__).resolve().parents[1] / "cnbudget"
    said = re.compile(
        r'(?:UnreadableSource\(\s*|Problem\(\s*|problem\(\s*|fail\(\w+, |INVALID = |Stopped\(|error = \(|append\(\(result, )"([a-z]+(?:-[a-z0-9]+)+)"'
    )
    codes = {code for path in root.rglob("*.py") for code in said.findall(path.read_text(encoding="utf-8"))}
    codes |= set(MESSAGES)
    assert {"damaged-pdf", "unknown-encoding", "format-not-read", "table-not-read", "disclosure-id-collision"} <= codes
    assert sorted(codes - set(LABELS["build_code"])) == []
    assert all(re.search(r"[\u4e00-\u9fff]", sentence) for sentence in LABELS["build_code"].values())

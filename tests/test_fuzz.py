"""Fuzzing with a fixed budget: amount, unit and code parsing, the text table reader, damaged PDFs.

Every property runs ``FUZZ``: the same 200 examples on every run (derandomized, no example
database), so CI is deterministic and the whole file stays well under half a minute. A bug found
here in a module this file may not change is kept as a strict xfail with its exact reproduction.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from decimal import Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnbudget.amounts import WAN, YUAN, declared_unit, format_amount, is_amount, parse_amount, to_wan
from cnbudget.model import Document, Line
from cnbudget.pipeline.per_source import read_one
from cnbudget.read import text_to_lines
from cnbudget.recognise.blocks import recognise_blocks
from cnbudget.tables.economic import split_economic_code
from cnbudget.tables.function import split_function_code
from cnbudget.tables.rows import split_row

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


# --- amounts ----------------------------------------------------------------------------


def decimals(max_digits: int = 16) -> st.SearchStrategy[Decimal]:
    """Finite Decimals as tables print them: up to ``max_digits`` digits, 0 to 4 decimals, any sign."""
    return st.builds(
        lambda sign, digits, places: Decimal((sign, tuple(int(d) for d in str(digits)), -places)),
        st.sampled_from((0, 1)),
        st.integers(min_value=0, max_value=10**max_digits - 1),
        st.integers(min_value=0, max_value=4),
    )


@FUZZ
@given(st.text())
def test_parse_amount_never_raises(text: str) -> None:
    value = parse_amount(text)
    assert value is None or value.is_finite()
    assert is_amount(text) == (value is not None)


@FUZZ
@given(decimals(), st.booleans(), st.sampled_from(("-", "－", "−")), st.sampled_from((",", "，")), st.booleans(), st.sampled_from(("", " ", "\u3000", "\t")))
def test_parse_amount_reads_every_printed_form(value: Decimal, grouped: bool, minus: str, comma: str, wide_digits: bool, pad: str) -> None:
    """Thousands separators (ASCII or full-width), three minus signs, full-width digits, padding: the same exact Decimal."""
    text = format(value, ",f" if grouped else "f").replace(",", comma).replace("-", minus)
    if wide_digits:
        text = text.translate(FULL_WIDTH_DIGITS)
    parsed = parse_amount(pad + text + pad)
    assert parsed == value
    assert parsed is not None and parsed.as_tuple().exponent == value.as_tuple().exponent  # printed precision kept


@FUZZ
@given(decimals())
def test_format_amount_round_trips(value: Decimal) -> None:
    """The published string reads back as the same amount with the same decimals; zero has no sign."""
    text = format_amount(value)
    assert "E" not in text and not (value.is_zero() and text.startswith("-"))
    assert parse_amount(text) == value
    assert parse_amount(text).as_tuple().exponent == value.as_tuple().exponent  # type: ignore[union-attr]


@pytest.mark.parametrize("printed, published", [("-0.00", "0.00"), ("-0.0", "0.0"), ("-0", "0"), ("0", "0"), ("0.00", "0.00")])
def test_negative_zero_is_published_as_zero_with_its_decimals(printed: str, published: str) -> None:
    """Found by fuzzing: -0.00 was published as 0 (its decimals lost) and -0.0 kept its sign."""
    assert format_amount(Decimal(printed)) == published


@FUZZ
@given(decimals(), st.sampled_from(("(", "（")), st.booleans())
def test_parenthesised_amount_is_not_an_amount(value: Decimal, opening: str, grouped: bool) -> None:
    """(1.2) is not used in these tables: it must never be misread as a positive amount."""
    closing = ")" if opening == "(" else "）"
    assert parse_amount(f"{opening}{format(abs(value), ',f' if grouped else 'f')}{closing}") is None


@FUZZ
@given(st.text(alphabet="0123456789,.-+ ", min_size=1))
def test_parse_amount_is_strict_about_shape(text: str) -> None:
    """Whatever it accepts is a well-formed printed number: grouping by threes, one decimal point."""
    value = parse_amount(text)
    if value is not None:
        plain = text.strip()
        assert re.fullmatch(r"-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", plain), plain
        assert value == Decimal(plain.replace(",", ""))


_UNIT_NOISE = st.text(alphabet="部门预算表公开情况收支总体说明 \t:：0123456789年月日-－/", max_size=20)
_DECLARATIONS = [
    ("单位：万元", WAN),
    ("单位:元", YUAN),
    ("金额单位：元", YUAN),
    ("金额单位： 万元", WAN),
    ("单位 万元", WAN),
    ("金额：万元", WAN),
    ("（万元）", WAN),
    ("(元)", YUAN),
]


@FUZZ
@given(st.text())
def test_declared_unit_never_raises(text: str) -> None:
    assert declared_unit(text) in (None, (WAN, "万元"), (YUAN, "元"))


@FUZZ
@given(_UNIT_NOISE, st.sampled_from(_DECLARATIONS), _UNIT_NOISE)
def test_declared_unit_reads_the_declaration_among_noise(before: str, declaration: tuple[str, Decimal], after: str) -> None:
    text, factor = declaration
    assert declared_unit(before + text + after) == (factor, "万元" if factor == WAN else "元")


@FUZZ
@given(_UNIT_NOISE)
def test_no_declaration_no_unit(text: str) -> None:
    assert declared_unit(text) is None


@FUZZ
@given(decimals(max_digits=40))
def test_to_wan_is_exact(value: Decimal) -> None:
    """元 → 万元 moves the decimal point four places, never rounding, however many digits (found by fuzzing: past 28 digits it rounded)."""
    wan = to_wan(value, YUAN)
    assert wan is not None and wan.as_tuple().digits == value.as_tuple().digits
    with localcontext() as ctx:
        ctx.prec = 100
        assert wan * 10000 == value
    assert to_wan(value, WAN) is value
    assert to_wan(None, YUAN) is None


# --- function and economic codes ----------------------------------------------------------

# Leading tokens as split_row gives them: digit groups (up to 8 digits) before a row's name.
_CODE_TOKENS = st.lists(
    st.one_of(
        st.sampled_from(("2", "20", "201", "31", "01", "99", "2013101", "20131", "3", "30", "301", "302", "1", "30101", "50101")),
        st.from_regex(r"[0-9]{1,8}", fullmatch=True),
    ),
    max_size=5,
)


@FUZZ
@given(_CODE_TOKENS)
def test_function_code_is_3_5_or_7_digits(lead: list[str]) -> None:
    code, rest = split_function_code(lead)
    assert code is None or (re.fullmatch(r"2[0-9]*", code) and len(code) in (3, 5, 7)), code
    assert rest == lead[len(lead) - len(rest) :]  # the rest is what follows the code's tokens


@FUZZ
@given(_CODE_TOKENS)
def test_economic_code_is_3_or_5_digits(lead: list[str]) -> None:
    code = split_economic_code(lead)
    assert code is None or (re.fullmatch(r"[35][0-9]*", code) and len(code) in (3, 5)), code


@FUZZ
@given(st.lists(st.text(max_size=9), max_size=5))
def test_code_splitting_never_raises(lead: list[str]) -> None:
    split_function_code(lead)
    split_economic_code(lead)


# split_row puts amount tokens in a row's lead when they come before its name (an amount or a
# numbered 序号 left of the name): a code token is ASCII digits only, so none of these is a code.
_AMOUNT_LEADS = [
    pytest.param(split, lead, misread, id=f"{split.__name__}-{'-'.join(lead)}")
    for split, module, lead, misread, result in (
        (split_function_code, "function", ["21.00"], "21.00", ("21.00", [])),
        (split_function_code, "function", ["2,345"], "2,345", ("2,345", [])),
        (split_function_code, "function", ["2.5", "01"], "2.501", ("2.501", [])),
        (split_economic_code, "economic", ["301.5"], "301.5", "301.5"),
        (split_economic_code, "economic", ["30.00"], "30.00", "30.00"),
    )
]


def test_split_row_puts_an_amount_before_the_name_in_the_lead() -> None:
    """How an amount reaches the splitters: it is the row's lead, as a code would be."""
    assert split_row(Line(1, ("21.00", "一般公共服务支出", "5.00"))).lead == ["21.00"]


@pytest.mark.parametrize("split, lead, misread", _AMOUNT_LEADS)
def test_an_amount_in_the_lead_is_not_a_code(split: Callable[[list[str]], object], lead: list[str], misread: str) -> None:
    result = split(lead)
    code = result[0] if isinstance(result, tuple) else result
    assert code != misread and (code is None or (isinstance(code, str) and code.isascii() and code.isdigit()))


# --- the text table reader ------------------------------------------------------------------

_FRAGMENTS = st.sampled_from(
    (
        "\t", "\t", "\n", "\n", "\r\n", "\r", " ", "\u3000", "\xa0",
        "部门收支总表", "收入总表", "支出总表", "一般公共预算支出表", "基本支出表", "项目支出表", "三公经费支出表",
        "政府性基金预算支出表", "绩效目标表", "表1", "预算01表", "财决01表", "第一部分", "（表2）", "……3",
        "单位：万元", "金额单位：元", "单位：万", "元", "科目编码", "科目名称", "功能分类科目", "经济分类科目",
        "项目", "合计", "总计", "基本支出", "项目支出", "人员经费", "公用经费", "本年收入合计",
        "201", "31", "01", "2013101", "301", "30101", "行政运行", "一般公共服务支出",
        "1,504.28", "381.00", "0", "-3.5", "－3.5", "0.00", "12345678", "(1.2)", "，", "。",
        "<b>", "</td>", "&amp;", "&#x27;", "<script>",
    )
)
_TEXT = st.lists(st.one_of(_FRAGMENTS, st.text(alphabet="0123456789.,-\t \n表支出收入合计万元单位：（）", max_size=8)), max_size=80).map("".join)


@FUZZ
@given(_TEXT, st.one_of(st.none(), st.integers(min_value=1, max_value=500)))
def test_text_reader_never_raises(text: str, page: int | None) -> None:
    """Arbitrary text with tabs, CJK titles and digits: lines, blocks and rows come out, nothing raises."""
    lines = text_to_lines(text, page)
    assert all(line.cells and line.page == page for line in lines)
    blocks = recognise_blocks(lines)
    assert sum(len(b.lines) for b in blocks) <= len(lines)
    for block in blocks:
        for line in block.lines:
            row = split_row(line)
            assert all(v is None or v.is_finite() for v in row.slots)


@FUZZ
@given(st.text())
def test_text_reader_never_raises_on_any_text(text: str) -> None:
    for line in text_to_lines(text):
        split_row(line)
    recognise_blocks(text_to_lines(text))


# --- damaged PDFs -------------------------------------------------------------------------

DAMAGED_FROM = (
    "js_prov_npc_cttee_office_2019_dept_budget_tables.pdf",  # Jiangsu tables, ruled grids
    "sh_putuo_social_welfare_home_2024_unit_budget.pdf",  # Shanghai, narrative and tables in one file
    "js_prov_cpc_cttee_office_2017_dept_budget.pdf",  # Jiangsu narrative
)


def damaged_copies(folder: Path) -> list[Path]:
    """Per PDF: a copy cut off at a seeded-random point, one cut with its end marker put back (so the
    parser, not the end check, meets the damage), one with bytes flipped anywhere, one in its xref and trailer."""
    rng = random.Random(20240607)
    out: list[Path] = []
    for name in DAMAGED_FROM:
        data = (CORPUS / name).read_bytes()
        stem = Path(name).stem
        for label, tail in (("cut", b""), ("cuteof", b"\n%%EOF\n")):
            cut = rng.randrange(len(data) // 20, len(data) * 19 // 20)
            out.append(folder / f"{stem}-{label}-{cut}.pdf")
            out[-1].write_bytes(data[:cut] + tail)
        for label, start in (("flip", 0), ("fliptail", max(0, len(data) - 2048))):
            damaged = bytearray(data)
            spots = sorted(rng.randrange(start, len(data)) for _ in range(8))
            for spot in spots:
                damaged[spot] ^= rng.randrange(1, 256)
            out.append(folder / f"{stem}-{label}-{'-'.join(map(str, spots[:3]))}.pdf")
            out[-1].write_bytes(bytes(damaged))
    return out


@pytest.mark.skipif(not all((CORPUS / n).is_file() for n in DAMAGED_FROM), reason="the corpus (../shared/corpus) is not here")
def test_damaged_pdfs_never_crash_the_reader(tmp_path: Path) -> None:
    """A truncated or bit-flipped PDF reads as a document or fails with a kebab-case code and a message; never a traceback."""
    outcomes: list[tuple[str, str, object]] = []
    for path in damaged_copies(tmp_path):
        result = read_one(path)
        if result.error is None:
            assert isinstance(result.document, Document), path.name
            outcomes.append((path.name, "document", len(result.document.lines)))
            continue
        code, message, _page = result.error
        assert KEBAB.fullmatch(code), (path.name, code)
        assert code != "internal-error", (path.name, message)  # a bug caught at the boundary is still a bug
        assert re.search(r"PDF|file|page", message) and "Traceback" not in message, (path.name, message)
        outcomes.append((path.name, code, message))
    assert len(outcomes) == 12

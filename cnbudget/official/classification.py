"""Government expenditure classifications: look-ups and printed-name matching.

The reference data lives in ``data/function_classification.csv`` (支出功能分类科目,
类/款/项) and ``data/economic_classification.csv`` (部门预算 and 政府预算支出经济分类科目).
Each row carries the fiscal years its name is valid for, so a code whose name
changed (210 医疗卫生与计划生育支出 → 卫生健康支出) has one row per name.

Printed names in disclosures are matched tolerantly: full-width and half-width
brackets are the same, quotes and the level markers （类）/（款）/（项） are ignored,
其它 reads as 其他, a missing trailing 支出 is accepted and so is a name cut off
after at least four characters.  A match that fits more than one code is
refused (``None``), never guessed.

The lists cover the editions from the oldest row's first year to the newest row's last
year.  A fiscal year outside them is looked up in the nearest edition, and says so
(``list_year_for``): the codes of a year after the newest edition resolve against the
newest list, never "unknown" only because that year's edition is not in the data yet.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cnbudget.strings import compact

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
FUNCTION_CSV = DATA_DIR / "function_classification.csv"
ECONOMIC_CSV = DATA_DIR / "economic_classification.csv"

FUNCTION_LEVELS = {"class": 3, "section": 5, "item": 7}
ECONOMIC_LEVELS = {"class": 3, "item": 5}
LEVELS = {"function": FUNCTION_LEVELS, "economic": ECONOMIC_LEVELS}

# Shortest printed fragment accepted as a cut-off official name.
MIN_PREFIX = 4

_LEVEL_MARK = re.compile(r"\(\s*\d*\s*[类款项]\s*\)")
_LEADING_CODE = re.compile(r"^\d{3,7}")
_ENUMERATOR = re.compile(r"^\s*(?:[(（]\s*[一二三四五六七八九十\d]+\s*[)）]|\d+\s*[.、．]|[一二三四五六七八九十]+\s*、)\s*")
_DROP = str.maketrans("", "", "“”\"'‘’「」『』:;,.。，；：、")
_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")"})
_TEXT = r"(?:(?!\(\s*\d*\s*[类款项]\s*\)).)+?"
_PROSE = re.compile(
    rf"(?P<cls>{_TEXT})\(\s*(?P<cc>\d*)\s*类\s*\)"
    rf"(?:(?P<sec>{_TEXT})\(\s*(?P<sc>\d*)\s*款\s*\))?"
    rf"(?:(?P<item>{_TEXT})\(\s*(?P<ic>\d*)\s*项\s*\))?"
)


@dataclass(frozen=True)
class Entry:
    """One code and the name it has for a span of fiscal years."""

    code: str
    name: str
    level: str
    parent: str
    start: int
    end: int
    scheme: str = ""
    verified: bool = True  # False where the hand compilation could not check the row

    def valid_in(self, year: int) -> bool:
        """Return whether this name is the official one in ``year``."""
        return self.start <= year <= self.end

    @property
    def years(self) -> str:
        """The ``FROM-TO`` text of the span, as the classification CSVs print it."""
        return f"{self.start}-{self.end}"


def _parse_years(text: str) -> tuple[int, int]:
    """Parse ``2017-2025`` or ``2019`` into an inclusive year span."""
    first, _, last = text.strip().partition("-")
    return int(first), int(last or first)


def _load(path: Path) -> tuple[Entry, ...]:
    """Read a classification CSV into entries."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(
        Entry(
            code=row["code"],
            name=row["name"],
            level=row["level"],
            parent=row["parent"],
            start=_parse_years(row["years"])[0],
            end=_parse_years(row["years"])[1],
            scheme=row.get("scheme", "") or "",
            verified=(row.get("verified") or "true") == "true",
        )
        for row in rows
    )


@lru_cache(maxsize=1)
def function_entries() -> tuple[Entry, ...]:
    """Return all rows of the functional classification (支出功能分类科目)."""
    return _load(FUNCTION_CSV)


@lru_cache(maxsize=1)
def economic_entries() -> tuple[Entry, ...]:
    """Return all rows of both economic classifications (支出经济分类科目)."""
    return _load(ECONOMIC_CSV)


@lru_cache(maxsize=1)
def _span() -> tuple[int, int]:
    """Return the first and last fiscal year the lists cover (both kinds together)."""
    entries = function_entries() + economic_entries()
    return min(e.start for e in entries), max(e.end for e in entries)


@dataclass(frozen=True)
class ListYear:
    """The edition a fiscal year's codes are looked up in: its own, or the nearest one the lists cover."""

    fiscal_year: int | None
    year: int | None

    @property
    def beyond_newest(self) -> bool:
        """Return whether the fiscal year is later than the newest list (its edition is not in the data)."""
        return self.fiscal_year is not None and self.year is not None and self.fiscal_year > self.year

    @property
    def before_oldest(self) -> bool:
        """Return whether the fiscal year is earlier than the oldest list."""
        return self.fiscal_year is not None and self.year is not None and self.fiscal_year < self.year

    @property
    def substituted(self) -> bool:
        """Return whether another year's list stands in for the fiscal year's own."""
        return self.beyond_newest or self.before_oldest


def list_year_for(fiscal_year: int | None) -> ListYear:
    """Return the list used for ``fiscal_year``: its own, else the newest (later years) or oldest (earlier)."""
    return ListYear(fiscal_year, None if fiscal_year is None else _list_year(fiscal_year))


def _list_year(year: int) -> int:
    """Return the year of the list a lookup for ``year`` reads: the nearest year the lists cover."""
    first, last = _span()
    return min(max(year, first), last)


@lru_cache(maxsize=2)
def _index(kind: str) -> dict[str, tuple[Entry, ...]]:
    """Group the entries of ``kind`` (function/economic) by code."""
    entries = function_entries() if kind == "function" else economic_entries()
    grouped: dict[str, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.code, []).append(entry)
    return {code: tuple(rows) for code, rows in grouped.items()}


def entry_of(kind: str, code: str, year: int | None) -> Entry | None:
    """Return the entry of ``code`` (``function``/``economic``) in the list for ``year`` (the latest when no year).

    A year outside the lists reads the nearest list (``list_year_for`` says which).
    """
    rows = _index(kind).get(str(code).strip())
    if not rows:
        return None
    if year is None:
        return max(rows, key=lambda e: e.end)
    listed = _list_year(year)
    return next((e for e in rows if e.valid_in(listed)), None)


def _name_of(kind: str, code: str, year: int | None) -> str | None:
    """Return the name of ``code`` in ``year`` (latest name when no year)."""
    entry = entry_of(kind, code, year)
    return entry.name if entry else None


def function_name(code: str, year: int | None = None) -> str | None:
    """Return the official functional-classification name of ``code``."""
    return _name_of("function", code, year)


def economic_name(code: str, year: int | None = None) -> str | None:
    """Return the official economic-classification name of ``code``."""
    return _name_of("economic", code, year)


def normalize_name(text: str) -> str:
    """Reduce a name to the form used for comparison."""
    s = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    s = compact(s)
    s = _LEVEL_MARK.sub("", s)
    return s.translate(_DROP).replace("其它", "其他")


def _clean_printed(text: str) -> str:
    """Normalise a printed name and drop a leading enumerator or code."""
    s = _ENUMERATOR.sub("", unicodedata.normalize("NFKC", text))
    return _LEADING_CODE.sub("", normalize_name(s))


def _core(name: str) -> str:
    """Drop a trailing 支出 from a normalised name."""
    return name.removesuffix("支出")


def _exact(printed: str, official: str) -> bool:
    """Return whether the normalised names are identical."""
    return printed == official


def _without_suffix(printed: str, official: str) -> bool:
    """Return whether the names agree once a trailing 支出 is dropped."""
    return bool(printed) and _core(printed) == _core(official)


def _truncated(printed: str, official: str) -> bool:
    """Return whether ``printed`` is the official name cut off."""
    return len(printed) >= MIN_PREFIX and official.startswith(printed)


_TIERS: tuple[Callable[[str, str], bool], ...] = (_exact, _without_suffix, _truncated)


def names_agree(printed: str, official: str) -> bool:
    """Return whether a printed name can stand for an official one."""
    p, o = _clean_printed(printed), normalize_name(official)
    return bool(p) and any(tier(p, o) for tier in _TIERS)


def _best_code(name: str, candidates: Iterable[Entry], year: int | None) -> str | None:
    """Return the single code whose name matches best, or None if none or several."""
    printed = _clean_printed(name)
    if not printed:
        return None
    pool = [(e, normalize_name(e.name)) for e in candidates]
    for tier in _TIERS:
        hits = [e for e, official in pool if tier(printed, official)]
        if not hits:
            continue
        codes = {e.code for e in hits}
        if year is not None and len(codes) > 1:
            current = {e.code for e in hits if e.valid_in(_list_year(year))}
            codes = current or codes
        return next(iter(codes)) if len(codes) == 1 else None
    return None


def match_function_name(
    name: str,
    parent_code: str | None = None,
    year: int | None = None,
    level: str | None = None,
) -> str | None:
    """Return the functional code whose official name matches a printed name."""
    candidates = [e for e in function_entries() if (parent_code is None or e.parent == parent_code) and (level is None or e.level == level)]
    return _best_code(name, candidates, year)


def match_economic_name(
    name: str,
    parent_code: str | None = None,
    year: int | None = None,
    scheme: str | None = None,
) -> str | None:
    """Return the economic code whose official name matches a printed name."""
    candidates = [e for e in economic_entries() if (parent_code is None or e.parent == parent_code) and (scheme is None or e.scheme == scheme)]
    return _best_code(name, candidates, year)


def resolve_function_path(
    class_name: str,
    section_name: str | None,
    item_name: str | None,
    year: int | None = None,
) -> str | None:
    """Return the code named by a 类/款/项 path of printed names."""
    code = match_function_name(class_name, level="class", year=year)
    for name in (section_name, item_name):
        if code is None or not name:
            return code
        code = match_function_name(name, parent_code=code, year=year)
    return code


def split_function_path(text: str) -> tuple[str, str | None, str | None] | None:
    """Split prose like ``X（类）Y（款）Z（项）`` into its three printed names."""
    found = _search_prose(text)
    if found is None:
        return None
    return found.group("cls"), found.group("sec"), found.group("item")


def _search_prose(text: str) -> re.Match[str] | None:
    """Find the 类/款/项 path in normalised prose."""
    s = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    s = _ENUMERATOR.sub("", compact(s)).translate(_DROP)
    return _PROSE.search(s)


def _class_in(text: str, year: int | None) -> str | None:
    """Return the printed class name at the end of ``text`` (drops leading prose)."""
    for start in range(max(len(text) - 1, 1)):
        if match_function_name(text[start:], level="class", year=year):
            return text[start:]
    return None


def _code_from_markers(found: re.Match[str]) -> str | None:
    """Build a code from markers such as （208类）（05款）（01项）, if it exists."""
    built = found.group("cc") or ""
    if len(built) != 3:
        return None
    for named, digits in (("sec", "sc"), ("item", "ic")):
        if not found.group(named):
            break
        if len(found.group(digits) or "") != 2:
            return None
        built += found.group(digits)
    return built if built in _index("function") else None


def resolve_function_prose(text: str, year: int | None = None) -> str | None:
    """Return the code named by prose such as ``社会保障和就业（类）…（款）…（项）``."""
    found = _search_prose(text)
    if found is None:
        return None
    class_name = _class_in(found.group("cls"), year)
    if class_name is not None:
        code = resolve_function_path(class_name, found.group("sec"), found.group("item"), year)
        if code is not None:
            return code
    return _code_from_markers(found)


def _level_by_length(kind: str, code: str) -> str | None:
    """Return the level a code's length gives in ``kind`` (None for a length no level has)."""
    return next((level for level, n in LEVELS[kind].items() if n == len(code)), None)


def _scheme_of(code: str) -> str:
    """Return the economic scheme a code's first digit gives: 5xx government, else department."""
    return "government" if code.startswith("5") else "department"


def _with_parents(codes: Iterable[str]) -> list[str]:
    """Return the codes and every parent (the code less two digits, down to the 3-digit 类), sorted."""
    out: set[str] = set()
    for code in codes:
        while len(code) >= 3:
            out.add(code)
            code = code[:-2]
    return sorted(out)


def used_entries(kind: str, used: Iterable[tuple[str | None, str | None]], year: int | None) -> list[dict[str, Any]]:
    """Return the rows of ``kind`` for the (code, printed name) pairs used and their parents, in code order.

    Each row is the entry in the list for ``year`` (``classification_year``: the nearest list when
    ``year`` is outside them). A code with no entry there still gets a row: ``known`` false, no
    official name and the first name the document prints for it.
    """
    printed: dict[str, str | None] = {}
    for code, name in used:
        code = (code or "").strip()
        if code and not printed.get(code):
            printed[code] = (name or "").strip() or None
    listed = list_year_for(year).year
    rows: list[dict[str, Any]] = []
    for code in _with_parents(printed):
        entry = entry_of(kind, code, year)
        row: dict[str, Any] = {
            "classification_year": listed,
            "code": code,
            "level": entry.level if entry else _level_by_length(kind, code),
            "parent": (entry.parent if entry else code[:-2] if len(code) > 3 else "") or None,
            "official_name": entry.name if entry else None,
            "printed_name": None if entry else printed.get(code),
            "known": entry is not None,
            "valid_from": entry.start if entry else None,
            "valid_to": entry.end if entry else None,
            "verified": entry.verified if entry else None,
        }
        if kind == "economic":
            row["scheme"] = entry.scheme if entry else _scheme_of(code)
        rows.append(row)
    return rows

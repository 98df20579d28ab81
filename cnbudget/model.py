"""The one data model that passes between the stages.

read      -> Document (lines with cells and page numbers, per source file)
recognise -> list[Block] (a standard table found in the document, or the prose)
normalise -> Disclosure (metadata and typed rows of every resource)
package   -> datapackages/<id>/
check     -> Disclosure.rows["checks"]
render    -> site/
"""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from cnbudget.official.regions import Region
from cnbudget.schema import BY_NAME as RESOURCES_BY_NAME


@dataclass(frozen=True)
class Line:
    """One printed line: its cells (split on tabs, or on wide gaps in a PDF) and its page."""

    page: int | None
    cells: tuple[str, ...]

    @property
    def text(self) -> str:
        """The line's non-empty cells joined by single spaces."""
        return " ".join(c for c in self.cells if c)


@dataclass(frozen=True)
class SourceFile:
    path: Path
    sha256: str
    pages: int | None  # None for a text layer without page breaks


@dataclass
class Problem:
    """Something wrong with a document, as data: a kebab-case code, where, and a sentence."""

    code: str
    message: str
    file: str = ""
    page: int | None = None


@dataclass
class Document:
    """What a reader returns: the lines of one source file in reading order."""

    source: SourceFile
    lines: list[Line]
    # Ruled tables a PDF reader found: (page, rows of cells); empty for text.
    grids: list[tuple[int, list[list[str | None]]]] = field(default_factory=list)
    # What the reader found wrong but read past (a page whose content is damaged): carried into the disclosure's problems.
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Block:
    """A standard table recognised in a document (or the prose, kind ``narrative``)."""

    kind: str
    title: str
    lines: list[Line]
    unit_factor: Decimal | None  # multiply printed amounts by this to get 万元; None if undeclared
    unit_label: str = ""
    file: str = ""  # the name of the source file it was printed in (its pages count in that file)

    @property
    def page(self) -> int | None:
        """The page of the block's first line that has one; None where none has."""
        for line in self.lines:
            if line.page is not None:
                return line.page
        return None


Row = dict[str, Any]


class UnknownField(KeyError):
    """A row names a field its resource's schema does not have: a bug, never a document's fault."""


@dataclass(frozen=True)
class Statement:
    """A figure the prose states: what it is called, the amount in 万元, the unit printed, a share."""

    label: str
    amount: Decimal  # in 万元
    unit: str  # as printed
    share: Decimal | None
    position: int
    sentence: str = ""  # the sentence up to the amount
    text: str = ""  # the whole sentence
    page: int | None = None
    file: str = ""


@dataclass(frozen=True)
class CrossFigure:
    """One figure printed in two tables (a 科目 in the 财政拨款 and the 一般公共预算 tables …)."""

    what: str
    first: tuple[str, Decimal]  # (table title, amount)
    second: tuple[str, Decimal]
    page: int | None
    scope: str  # the kind of the second table
    code: str = ""  # the function code both tables print the figure under
    name: str = ""  # its name as the first table prints it
    first_page: int | None = None


@dataclass(frozen=True)
class BlockSummary:
    """A table the document prints, as the checks and the report need it."""

    kind: str
    title: str
    label: str
    page: int | None
    rows: int
    unit: str
    empty: bool = False  # printed with its header only: not one figure below it


@dataclass(frozen=True)
class UnitNote:
    """A table that declares no amount unit, and the unit it was read in."""

    table: str
    page: int | None
    assumed: str


@dataclass
class Evidence:
    """What the checks compare that is not published as rows: the prose, its statements, the tables seen."""

    prose: str = ""
    prose_starts: tuple[int, ...] = ()  # where each printed line of the prose starts in it
    prose_pages: tuple[int | None, ...] = ()  # and the page it is printed on
    statements: list[Statement] = field(default_factory=list)  # in the narrative part
    all_statements: list[Statement] = field(default_factory=list)  # anywhere in the documents
    empty_explained: list[str] = field(default_factory=list)  # lines saying a table is empty on purpose
    attachments: list[str] = field(default_factory=list)  # lines naming tables published as an attachment (附件：…报表)
    cut_tables: list[tuple[str, str]] = field(default_factory=list)  # (kind, title) of a table a file's text ends inside, before its total row
    blocks: list[BlockSummary] = field(default_factory=list)
    cross: list[CrossFigure] = field(default_factory=list)
    basic_table_totals: list[Row] = field(default_factory=list)  # a one-fund 基本支出表's own totals
    table_totals: list[Row] = field(default_factory=list)  # every headline figure a table prints, before one per (metric, phase) is kept
    blank_totals: list[Row] = field(default_factory=list)  # a 收支总表's total line printed with its amount cell blank (metric, page, source_table, phase)
    procurement_parts: list[Row] = field(default_factory=list)  # a 政府采购预算表's 货物/工程/服务 rows (part, amount, page, source_table, phase)
    unit_notes: list[UnitNote] = field(default_factory=list)


@dataclass
class Disclosure:
    """Everything known about one disclosure, as the packager will publish it."""

    meta: dict[str, Any]
    rows: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sources: list[SourceFile] = field(default_factory=list)
    evidence: Evidence = field(default_factory=Evidence)
    package_errors: list[str] | None = None  # its package's validation errors, where its worker validated it (package/structure.py)

    @property
    def id(self) -> str:
        """The disclosure's id (``meta['disclosure_id']``) as a string."""
        return str(self.meta["disclosure_id"])

    def add(self, resource: str, row: Row) -> None:
        """Add a row to a resource; a field the resource's schema does not declare is refused."""
        unknown = set(row) - _fields_of(resource)
        if unknown:
            raise UnknownField(f"{resource} has no field {', '.join(sorted(unknown))}")
        self.rows.setdefault(resource, []).append(row)


@cache
def _fields_of(resource: str) -> frozenset[str]:
    """The field names a resource's schema declares (the schema is said once; rows are checked against it)."""
    return frozenset(RESOURCES_BY_NAME[resource].field_names)


@dataclass
class Identity:
    unit_name: str
    aliases: list[str]
    unit_code: str | None
    fiscal_year: int | None
    kind: str | None  # budget / final_account
    scope: str
    region: Region | None
    published: str | None
    # every name the document gives the unit, header names first: merged when files pair up
    names: tuple[str, ...] = ()
    level: str = ""  # central / province / city / county / township; '' when the region is unknown
    # where the unit or its region is unknown, what was looked for and found (recognise.refusals), for the build report
    looked_for: str = ""


@dataclass
class SourceResult:
    path: Path
    document: Document | None = None
    blocks: list[Block] = field(default_factory=list)
    identity: Identity | None = None
    error: tuple[str, str, int | None] | None = None  # code, message, page
    seconds: float = 0.0  # what reading it took: counted against the time limit of building its disclosure
    packed: bytes | None = None  # its document's lines and grids and its blocks, pickled while the build waits to use them (pipeline/work.py)


@dataclass
class BuildReport:
    entries: list[dict[str, object]] = field(default_factory=list)
    disclosures: list[Disclosure] = field(default_factory=list)
    inputs: dict[str, str] = field(default_factory=dict)  # disclosure id → digest of what it was built from

    @property
    def failed(self) -> bool:
        """True when any source failed to build."""
        return any(e["status"] == "failed" for e in self.entries)


class PackedRows(dict[str, list[Row]]):
    """A disclosure's rows kept as one compressed pickle once it is built (its rows take about 50 times that as objects).

    Read like the dict it stands for: each read unpickles it (the last one read is kept, so a package
    written resource after resource unpickles it once). Anything that changes it turns it back into
    a plain dict's contents for good.
    """

    _last: tuple[PackedRows, dict[str, list[Row]]] | None = None  # the last one read, and its rows

    def __init__(self, packed: bytes) -> None:
        super().__init__()
        self.packed: bytes | None = packed

    @classmethod
    def of(cls, rows: dict[str, list[Row]]) -> PackedRows:
        """Rows by resource packed (pickled and compressed) into a new PackedRows."""
        return cls(zlib.compress(pickle.dumps(dict(rows), protocol=pickle.HIGHEST_PROTOCOL), 1))

    def _rows(self) -> dict[str, list[Row]]:
        if self.packed is None:
            return dict(super().items())
        last = PackedRows._last
        if last is not None and last[0] is self:
            return last[1]
        rows: dict[str, list[Row]] = pickle.loads(zlib.decompress(self.packed))
        PackedRows._last = (self, rows)
        return rows

    def _materialise(self) -> None:
        if self.packed is not None:
            rows = self._rows()
            self.packed = None
            PackedRows._last = None
            super().update(rows)

    def __reduce__(self) -> tuple[Any, ...]:
        return (_unpack_rows, (self.packed,) if self.packed is not None else (zlib.compress(pickle.dumps(dict(super().items())), 1),))

    def __getitem__(self, key: str) -> list[Row]:
        return self._rows()[key]

    def get(self, key: str, default: Any = None) -> Any:
        """The rows of resource ``key``, or ``default`` where it has none."""
        return self._rows().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._rows()

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows())

    def __len__(self) -> int:
        return len(self._rows())

    def __eq__(self, other: object) -> bool:
        return self._rows() == (other._rows() if isinstance(other, PackedRows) else other)

    __hash__ = None

    def __repr__(self) -> str:
        return f"PackedRows({self._rows()!r})"

    def keys(self) -> Any:
        """The resource names, unpacking the rows if they are packed."""
        return self._rows().keys()

    def values(self) -> Any:
        """The lists of rows, unpacking them if they are packed."""
        return self._rows().values()

    def items(self) -> Any:
        """(resource name, rows) pairs, unpacking the rows if they are packed."""
        return self._rows().items()

    def copy(self) -> dict[str, list[Row]]:
        """A plain dict of the rows by resource (unpacked)."""
        return dict(self._rows())

    def __setitem__(self, key: str, value: list[Row]) -> None:
        self._materialise()
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self._materialise()
        super().__delitem__(key)

    def setdefault(self, key: str, default: Any = None) -> Any:
        """The rows of ``key``, set to ``default`` first where it has none (the rows are unpacked for good)."""
        self._materialise()
        return super().setdefault(key, default)

    def pop(self, key: str, *default: Any) -> Any:
        """The rows of ``key``, removed (or ``default``); the rows are unpacked for good."""
        self._materialise()
        return super().pop(key, *default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Returns nothing: sets rows as ``dict.update`` does, once the rows are unpacked for good."""
        self._materialise()
        super().update(*args, **kwargs)

    def clear(self) -> None:
        """Returns nothing: removes every resource's rows (packed or not)."""
        self._materialise()
        super().clear()


def _unpack_rows(packed: bytes) -> PackedRows:
    return PackedRows(packed)

"""The one data model that passes between the stages.

read      -> Document (lines with cells and page numbers, per source file)
recognise -> list[Block] (a standard table found in the document, or the prose)
normalise -> Disclosure (metadata and typed rows of every resource)
package   -> datapackages/<id>/
check     -> Disclosure.rows["checks"]
render    -> site/
"""

from __future__ import annotations

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
        return " ".join(c for c in self.cells if c)


@dataclass(frozen=True)
class SourceFile:
    path: Path
    sha256: str
    pages: int | None  # None for a text layer without page breaks


@dataclass
class Document:
    """What a reader returns: the lines of one source file in reading order."""

    source: SourceFile
    lines: list[Line]
    # Ruled tables a PDF reader found: (page, rows of cells); empty for text.
    grids: list[tuple[int, list[list[str | None]]]] = field(default_factory=list)


@dataclass
class Problem:
    """Something wrong with a document, as data: a kebab-case code, where, and a sentence."""

    code: str
    message: str
    file: str = ""
    page: int | None = None


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
    statements: list[Statement] = field(default_factory=list)  # in the narrative part
    all_statements: list[Statement] = field(default_factory=list)  # anywhere in the documents
    empty_explained: list[str] = field(default_factory=list)  # lines saying a table is empty on purpose
    attachments: list[str] = field(default_factory=list)  # lines naming tables published as an attachment (附件：…报表)
    blocks: list[BlockSummary] = field(default_factory=list)
    cross: list[CrossFigure] = field(default_factory=list)
    basic_table_totals: list[Row] = field(default_factory=list)  # a one-fund 基本支出表's own totals
    table_totals: list[Row] = field(default_factory=list)  # every headline figure a table prints, before one per (metric, phase) is kept
    unit_notes: list[UnitNote] = field(default_factory=list)


@dataclass
class Disclosure:
    """Everything known about one disclosure, as the packager will publish it."""

    meta: dict[str, Any]
    rows: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sources: list[SourceFile] = field(default_factory=list)
    evidence: Evidence = field(default_factory=Evidence)

    @property
    def id(self) -> str:
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


@dataclass
class SourceResult:
    path: Path
    document: Document | None = None
    blocks: list[Block] = field(default_factory=list)
    identity: Identity | None = None
    error: tuple[str, str, int | None] | None = None  # code, message, page
    seconds: float = 0.0  # what reading it took: counted against the time limit of building its disclosure


@dataclass
class BuildReport:
    entries: list[dict[str, object]] = field(default_factory=list)
    disclosures: list[Disclosure] = field(default_factory=list)
    inputs: dict[str, str] = field(default_factory=dict)  # disclosure id → digest of what it was built from

    @property
    def failed(self) -> bool:
        return any(e["status"] == "failed" for e in self.entries)

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
from pathlib import Path
from typing import Any

from cnbudget.official.regions import Region


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

    @property
    def page(self) -> int | None:
        for line in self.lines:
            if line.page is not None:
                return line.page
        return None


Row = dict[str, Any]


@dataclass
class Disclosure:
    """Everything known about one disclosure, as the packager will publish it."""

    meta: dict[str, Any]
    rows: dict[str, list[Row]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    sources: list[SourceFile] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.meta["disclosure_id"])

    def add(self, resource: str, row: Row) -> None:
        self.rows.setdefault(resource, []).append(row)


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


@dataclass
class SourceResult:
    path: Path
    document: Document | None = None
    blocks: list[Block] = field(default_factory=list)
    identity: Identity | None = None
    error: tuple[str, str, int | None] | None = None  # code, message, page


@dataclass
class BuildReport:
    entries: list[dict[str, object]] = field(default_factory=list)
    disclosures: list[Disclosure] = field(default_factory=list)
    inputs: dict[str, str] = field(default_factory=dict)  # disclosure id → digest of what it was built from

    @property
    def failed(self) -> bool:
        return any(e["status"] == "failed" for e in self.entries)

"""Table readers on tiny inline tables: a ``Block`` from rows of cells, read through the registry.

A row is a string (tab-separated cells, as a PDF text layer with tabs prints them; a string
without a tab is one cell, as a space-separated layer prints it) or a tuple of cells (a ruled
table). The reader is the one the registry declares for the kind, and the kinds' finish steps
run after it, as ``normalise_disclosure`` runs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from cnbudget.amounts import WAN
from cnbudget.model import Block, Disclosure, Line
from cnbudget.tables.common import Context
from cnbudget.tables.registry import BY_NAME, finish_steps

D = Decimal
YUAN = Decimal("0.0001")
PAGE = 7

Cells = str | Sequence[str]


def line(cells: Cells, page: int = PAGE) -> Line:
    """A printed line: a string is split on its tabs, a tuple is taken cell by cell."""
    return Line(page, tuple(cells.split("\t")) if isinstance(cells, str) else tuple(cells))


def block(kind: str, title: str, rows: Sequence[Cells], factor: Decimal | None = WAN, page: int = PAGE) -> Block:
    """A block of the kind: its title line, then the rows."""
    unit = "" if factor is None else ("万元" if factor == WAN else "元")
    return Block(kind, title, [line(title, page), *(line(r, page) for r in rows)], factor, unit)


@dataclass
class Read:
    """What reading some blocks put into a fresh disclosure."""

    disclosure: Disclosure

    def rows(self, resource: str) -> list[dict[str, Any]]:
        return self.disclosure.rows.get(resource, [])

    def by(self, resource: str, *key: str) -> dict[Any, dict[str, Any]]:
        """The resource's rows by the value of one key field (or a tuple of several); a key seen twice fails."""
        out: dict[Any, dict[str, Any]] = {}
        for row in self.rows(resource):
            k = row[key[0]] if len(key) == 1 else tuple(row[f] for f in key)
            assert k not in out, f"{resource}: two rows for {k}"
            out[k] = row
        return out

    def pick(self, resource: str, key: str, *fields: str) -> dict[Any, tuple[Any, ...]]:
        """Only the named fields of each row, by key (incidental fields are not compared)."""
        return {k: tuple(row[f] for f in fields) for k, row in self.by(resource, key).items()}

    def totals(self) -> dict[str, Decimal | None]:
        """``totals`` by metric; a metric read twice with two amounts fails."""
        out: dict[str, Decimal | None] = {}
        for row in self.rows("totals"):
            assert out.get(row["metric"], row["amount"]) == row["amount"], row
            out[row["metric"]] = row["amount"]
        return out

    def doubts(self) -> dict[str, tuple[str, str]]:
        """``doubts`` by key: (resource, read value)."""
        return {d["key"]: (d["resource"], d["read_value"]) for d in self.rows("doubts")}

    @property
    def problems(self) -> list[str]:
        return [p.code for p in self.disclosure.problems]


def read(*blocks: Block, fiscal_year: int | None = 2024, kind: str = "budget", default_factor: Decimal | None = None, unit_names: Sequence[str] = ()) -> Read:
    """The rows the registry's readers give on these blocks, after the kinds' finish steps."""
    disclosure = Disclosure({"disclosure_id": "x", "fiscal_year": fiscal_year, "kind": kind})
    ctx = Context(disclosure, fiscal_year, "unit.pdf", default_factor, blocks=list(blocks), unit_names=set(unit_names))
    for b in blocks:
        reader = BY_NAME[b.kind].reader
        assert reader is not None, b.kind
        reader(b, ctx)
    for finish in finish_steps():
        finish(ctx)
    return Read(disclosure)

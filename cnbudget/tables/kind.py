"""What a table kind is, said once: its title, what the site calls it, what it fills, how it is read.

Each module under ``tables/`` declares its kinds with ``TableKind``; ``tables/registry.py``
lists them, and recognise (titles), normalise (readers, finish steps) and the build report
(kinds recognised but not read) loop over that list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from cnbudget.model import Block
from cnbudget.schema import BY_NAME as RESOURCES
from cnbudget.tables.common import Context

Reader = Callable[[Block, Context], None]
Finisher = Callable[[Context], None]


@dataclass(frozen=True)
class TableKind:
    """One standard table kind. ``reader`` is None for a kind recognised but not read (``not_read`` says why)."""

    name: str
    title: str  # a regular expression searched in the title, once its numbering is stripped
    label: str  # what the site and the build report call it
    resources: tuple[str, ...] = ()  # what its reader fills
    reader: Reader | None = None
    not_read: str = ""
    # run once after every block of the disclosure is read, for what needs all of a kind's tables
    finish: tuple[Finisher, ...] = ()
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "pattern", re.compile(self.title))
        if (self.reader is None) == (not self.not_read):
            raise ValueError(f"table kind {self.name}: give a reader, or say in not_read why there is none")
        unknown = [r for r in self.resources if r not in RESOURCES]
        if unknown or (self.reader is not None and not self.resources):
            raise ValueError(f"table kind {self.name}: a reader must name the resources it fills (unknown: {unknown})")

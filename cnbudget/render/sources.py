"""Where a figure was printed, as a link into the source file the site publishes (`#page=N`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

from cnbudget.render.published import Row


def source_paths(descriptor: dict[str, Any]) -> list[str]:
    """The package's published source files (`source/<file>`), in the order their pages are counted."""
    paths = []
    for entry in descriptor.get("sources", []):
        path = str(entry.get("path", "")) if isinstance(entry, dict) else ""
        parts = path.split("/")
        if len(parts) == 2 and parts[0] == "source" and parts[1] not in ("", ".", ".."):
            paths.append(path)
    return paths


@dataclass(frozen=True)
class SourceFiles:
    """A disclosure's published source files, seen from a page `root` away from the site's root."""

    root: str
    package: str
    paths: tuple[str, ...]

    def file_href(self, path: str) -> str:
        """The link to the published source file ``path`` of the package, from the page."""
        return f"{self.root}data/{quote(self.package)}/{quote(path)}"

    def path_of(self, row: Row) -> str:
        """The file a row's page is in: the one the row names, else the only one there is."""
        named = row.get("source_file", "").strip()
        if named:
            return next((p for p in self.paths if p.rsplit("/", 1)[-1] == named.rsplit("/", 1)[-1]), "")
        return self.paths[0] if len(self.paths) == 1 else ""

    def href(self, row: Row) -> str:
        """The address of the row's page in its source file, or empty when the page or file is unknown."""
        page = row.get("page", "").strip()
        path = self.path_of(row)
        return f"{self.file_href(path)}#page={page}" if page.isdigit() and path else ""

    def pages(self, pages: str) -> Markup:
        """A check's `pages` (the expected side's, `;`, the actual side's, each `,`-separated), each page linked where the file is known."""
        path = self.paths[0] if len(self.paths) == 1 else ""  # a check names no file: only a single one is certain
        sides = []
        for listed in pages.split(";"):
            numbers = [p.strip() for p in listed.split(",") if p.strip()]
            if path:
                sides.append(Markup("、").join(Markup('<a href="{}#page={}">{}</a>').format(self.file_href(path), n, n) if n.isdigit() else escape(n) for n in numbers))
            else:
                sides.append(escape("、".join(numbers)))
        return Markup("；").join(sides)

    def link(self, row: Row | None, text: str = "") -> Markup:
        """`text` (default: the page number) linked to the row's page in its source file."""
        if row is None:
            return Markup("")
        shown = text or row.get("page", "")
        href = self.href(row)
        if not href:
            return escape(shown)
        # no class or title: a page shows hundreds of these, and the column's heading (页码) or the cell's title says what they are
        return Markup('<a href="{}">{}</a>').format(href, shown)

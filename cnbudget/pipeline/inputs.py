"""Every path given or found under a source folder: a file to read, or a report entry saying why not.

A build in which no source could be read publishes nothing, so it never removes a published package.

A source folder is walked without following links out of it: a link to a file inside is read, a
link that leads outside (``link-outside-source``) or nowhere (``broken-link``) is not, nor a device,
pipe or socket with a source's name (``not-a-file``), a file that cannot be opened
(``unreadable-file``), a folder that cannot be listed (``unreadable-folder``) or a name that is not
UTF-8 (``file-name-not-utf8``: it could not be written into the report). A folder with no source at
all gets ``no-sources``. Files with other suffixes (``sources.csv``, a README) are not sources and
are passed over, as before.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cnbudget.read import SOURCE_SUFFIXES

if TYPE_CHECKING:
    from cnbudget.model import SourceResult

Entry = dict[str, object]

# Formats disclosures are also published in (office documents, China's OFD, images, archives): a source folder's file
# in one of them is listed as skipped, so that a user sees why its figures are missing; other files (a README,
# sources.csv) are not sources and get no entry.
UNREAD_FORMATS = {".doc", ".docx", ".wps", ".xls", ".xlsx", ".et", ".ofd", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".zip", ".rar", ".7z"}

MESSAGES = {
    "not-found": "there is no such file or folder",
    "not-a-file": "this is not a regular file (a device, a named pipe or a socket); give the disclosure's file itself",
    "unreadable-file": "the file cannot be opened ({why}); check that it exists and is readable",
    "unreadable-folder": "the folder cannot be listed ({why}), so none of its files were read; check that it is readable",
    "link-outside-source": "a link to {why}, outside the source folder; links are followed only inside it: copy the file in instead",
    "broken-link": "a link to {why}, which does not exist",
    "link-to-folder": "a link to the folder {why}, inside the source folder, whose files are read where they lie",
    "file-name-not-utf8": "the file's name is not UTF-8 (shown here with \\x escapes), so it cannot be written into the report; rename it",
    "format-not-read": "a {why} file: a disclosure this build cannot read (it reads .pdf, .txt, .text, .html and .htm); "
    "save it as PDF, or export its text as UTF-8, beside it",
    "no-sources": "no source files (.pdf, .txt, .text, .html, .htm) were found here",
}


def _escaped(text: str) -> str:
    """``text`` with the bytes of a file name that are not UTF-8 as \\x escapes."""
    return os.fsencode(text).decode("utf-8", "backslashreplace")


def _relative(path: Path, roots: list[Path]) -> str:
    """The path relative to the folder given that holds it (its name for a file given itself)."""
    for root in roots:
        if root.is_dir() and path == root:
            return f"{root.name}/"
        if root.is_dir() and path.is_relative_to(root):
            return f"{root.name}/{path.relative_to(root).as_posix()}"
    return path.name


def shown(path: Path, roots: list[Path]) -> str:
    """The path as the report shows it: as ``pipeline.display_path`` does, with bytes that are not UTF-8 escaped."""
    return _escaped(_relative(path, roots))


def _open_problem(path: Path) -> tuple[str, str] | None:
    """Why a file cannot be read as a source (a code and its detail); None when it can."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # non-blocking: opening a named pipe must not wait for a writer
    except OSError as exc:
        return "unreadable-file", exc.strerror or type(exc).__name__
    try:
        regular = stat.S_ISREG(os.fstat(fd).st_mode)
    finally:
        os.close(fd)
    return None if regular else ("not-a-file", "")


class _Walk:
    """The sources found under the paths given, and an entry for each path that is not one."""

    def __init__(self, roots: list[Path], log: Callable[[str], None]) -> None:
        self.roots = roots
        self.log = log
        self.found: list[Path] = []
        self.entries: list[Entry] = []

    def refuse(self, path: Path, code: str, why: str = "", status: str = "failed") -> None:
        message = MESSAGES[code].format(why=_escaped(why))
        self.entries.append({"path": shown(path, self.roots), "status": status, "code": code, "message": message, "page": None})
        self.log(f"{status}: {shown(path, self.roots)}: {message}")

    def file(self, path: Path) -> None:
        if shown(path, self.roots) != _relative(path, self.roots):
            self.refuse(path, "file-name-not-utf8")
        elif (problem := _open_problem(path)) is not None:
            self.refuse(path, *problem)
        else:
            self.found.append(path)

    def given(self, path: Path) -> None:
        if not path.exists():
            self.refuse(path, "not-found")
        elif path.is_dir():
            before = len(self.found) + len(self.entries)
            self.folder(path, path.resolve())
            if len(self.found) + len(self.entries) == before:
                self.refuse(path, "no-sources")
        else:
            self.file(path)

    def folder(self, folder: Path, inside: Path) -> None:
        try:
            with os.scandir(folder) as listing:
                children = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            self.refuse(folder, "unreadable-folder", exc.strerror or type(exc).__name__)
            return
        for child in children:
            path = Path(child.path)
            source = path.suffix.lower() in SOURCE_SUFFIXES
            if child.is_symlink():
                self.link(path, inside, source)
            elif child.is_dir(follow_symlinks=False):
                self.folder(path, inside)
            elif source:
                self.file(path)
            elif path.suffix.lower() in UNREAD_FORMATS:
                self.refuse(path, "format-not-read", path.suffix.lower(), status="skipped")

    def link(self, path: Path, inside: Path, source: bool) -> None:
        target = path.resolve()
        if not target.exists():
            if source:
                self.refuse(path, "broken-link", str(os.readlink(path)))
        elif not target.is_relative_to(inside):
            if source or target.is_dir():
                self.refuse(path, "link-outside-source", str(target))
        elif target.is_dir():
            self.refuse(path, "link-to-folder", shown(target, self.roots), status="skipped")
        elif source:
            self.file(path)


def accept_inputs(paths: list[Path], entries: list[Entry], log: Callable[[str], None]) -> list[Path]:
    """The source files to read under ``paths``, in a stable order; an entry added to ``entries`` for every path that is not read."""
    walk = _Walk(paths, log)
    for path in paths:
        walk.given(path)
    entries.extend(walk.entries)
    return sorted(dict.fromkeys(walk.found), key=lambda p: (p.name, str(p)))


def nothing_read(results: list[SourceResult], datapackages: Path, log: Callable[[str], None]) -> bool:
    """Whether no source could be read; then nothing is published and what is published stays (said in the log)."""
    if any(r.error is None for r in results):
        return False
    log(f"publish: no source could be read, so nothing is published; {datapackages} is left as it was")
    return True

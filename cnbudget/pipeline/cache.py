"""The read cache: a source whose bytes and whose reader are unchanged is not read again.

An entry is the pickled result of reading and recognising one source, keyed by the SHA-256 of
the file's bytes and a digest of the library's own code and data (so any change to the reader
invalidates every entry; no version number to forget to bump). Entries are written atomically;
an unreadable entry is treated as a miss. Time-limit failures are not cached: the next build
tries again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from cnbudget.read import sha256_of

if TYPE_CHECKING:
    from cnbudget.model import Disclosure, SourceResult

PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_digest() -> str:
    """A digest of every module and data file of the library: the reader's version."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".csv") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class Cache:
    """Read results on disk under ``folder``, one file per (source bytes, code) pair."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0
        self._digests: dict[Path, str] = {}  # a miss is looked up, then stored: hash the file once

    def _entry(self, source: Path) -> Path:
        if source not in self._digests:
            self._digests[source] = sha256_of(source)
        return self.folder / code_digest() / f"{self._digests[source]}.pickle"

    def get(self, source: Path) -> SourceResult | None:
        """The cached result of reading ``source``, moved to its current path; None on a miss."""
        try:
            entry = self._entry(source)  # safety: inside the try, so a file that cannot be hashed is a miss
            with entry.open("rb") as handle:
                result: SourceResult = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        result.path = source
        if result.document is not None:
            result.document.source = dataclasses.replace(result.document.source, path=source)
        return result

    def put(self, source: Path, result: SourceResult) -> None:
        """Keep ``result`` for the next build (not when reading was stopped by the time limit)."""
        if result.error is not None and result.error[0] in ("time-limit", "internal-error", "memory-limit", "worker-crashed"):
            return
        try:  # safety: a file that cannot be hashed, or a full cache disk, only means no entry
            entry = self._entry(source)
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(f".{os.getpid()}.{id(result)}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(entry)
        except OSError:
            return

    def get_disclosure(self, inputs: str) -> Disclosure | None:
        """A disclosure built before from exactly the same inputs (``pipeline.inputs_digest``)."""
        try:
            with (self.folder / "disclosures" / f"{inputs}.pickle").open("rb") as handle:
                found: Disclosure = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        return found

    def put_disclosure(self, inputs: str, disclosure: Disclosure) -> None:
        """Returns nothing: stores ``disclosure`` under its inputs digest, written whole or not at all."""
        entry = self.folder / "disclosures" / f"{inputs}.pickle"
        entry.parent.mkdir(parents=True, exist_ok=True)
        tmp = entry.with_suffix(f".{id(disclosure)}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(disclosure, handle, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(entry)

    def published(self, datapackages: Path) -> dict[str, str]:
        """Disclosure id → inputs digest of the packages this machine last wrote into ``datapackages``."""
        try:
            found = json.loads(self._published_path(datapackages).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return found if isinstance(found, dict) else {}

    def record_published(self, datapackages: Path, inputs: dict[str, str]) -> None:
        """Returns nothing: records the inputs digest of each disclosure this build wrote into ``datapackages``."""
        path = self._published_path(datapackages)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(inputs, sort_keys=True), encoding="utf-8")

    def _published_path(self, datapackages: Path) -> Path:
        key = hashlib.sha256(str(datapackages.resolve()).encode()).hexdigest()[:16]
        return self.folder / "published" / f"{key}.json"


class FileHashes:
    """SHA-256 of files, remembered across builds by (device, inode, size, mtime_ns) in ``path`` (a JSON file).

    Published files are hard-linked from build to build, so an unchanged file keeps its inode, size
    and mtime; the build writes a changed file anew (a new inode, ``write_text``). A file changed
    within two seconds of being hashed might keep its mtime (coarse clocks), so such a file's hash
    is not remembered. Without ``path`` every file is read.
    """

    RACY_NS = 2_000_000_000

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.known: dict[str, str] = {}
        self.used: dict[str, str] = {}
        if path is not None:
            try:
                found = json.loads(path.read_text(encoding="utf-8"))
                self.known = found if isinstance(found, dict) else {}
            except (OSError, ValueError):
                self.known = {}

    def of(self, path: Path) -> str:
        """The hex SHA-256 of ``path``'s bytes (links followed)."""
        if self.path is None:
            return sha256_of(path)
        st = path.stat()
        key = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}"
        found = self.known.get(key)
        if found is None:
            found = sha256_of(path)
            if st.st_mtime_ns < time.time_ns() - self.RACY_NS:
                self.known[key] = found
        if key in self.known:
            self.used[key] = found
        return found

    def save(self) -> None:
        """Remember the hashes used by this build (the others are dropped)."""
        if self.path is None:
            return
        try:  # safety: a full cache disk only means the next build reads the files again
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(self.used, sort_keys=True), encoding="utf-8")
            tmp.replace(self.path)
        except OSError:
            return


def files_under(folder: Path) -> list[tuple[str, Path]]:
    """Every file under ``folder`` (links to folders followed), with its path relative to ``folder``, in path order."""
    found: list[tuple[str, Path]] = []
    for top, dirs, files in os.walk(folder, followlinks=True):
        dirs.sort()
        base = Path(top)
        for name in files:
            path = base / name
            if path.is_file():
                found.append((path.relative_to(folder).as_posix(), path))
    return sorted(found, key=lambda item: item[0])


def entry_digests(root: Path, hashes: FileHashes) -> dict[str, str]:
    """Each entry of ``root`` (a package's folder, a file) → the SHA-256 of its files' relative paths and digests."""
    out: dict[str, str] = {}
    for name in sorted(os.listdir(root)):
        path = root / name
        digest = hashlib.sha256()
        if path.is_dir():
            for relative, file in files_under(path):
                digest.update(relative.encode() + b"\0" + hashes.of(file).encode() + b"\0")
        elif path.is_file():
            digest.update(hashes.of(path).encode())
        else:
            continue
        out[name] = digest.hexdigest()
    return out

"""The hashes a build remembers of unchanged files (so a no-op rebuild does not read every package): never a stale one."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cnbudget.pipeline.cache import FileHashes


def _age(path: Path, seconds: int = 60) -> None:
    """Set ``path``'s mtime ``seconds`` in the past (as a file published by an earlier build)."""
    then = path.stat().st_mtime_ns - seconds * 1_000_000_000
    os.utime(path, ns=(then, then))


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_is(tmp_path: Path) -> None:
    store = tmp_path / "hashes.json"
    data = tmp_path / "a.csv"
    data.write_bytes(b"one\n")
    _age(data)
    first = FileHashes(store)
    assert first.of(data) == hashlib.sha256(b"one\n").hexdigest()
    first.save()
    linked = tmp_path / "b.csv"
    os.link(data, linked)  # a package linked into the next build's tree: the same file
    second = FileHashes(store)
    second.known = {k: "remembered" for k in second.known}  # so a hash that was not recomputed shows
    assert second.of(linked) == "remembered"
    # the build writes a changed file anew (write_text: a new inode), of the same size
    tmp = tmp_path / "a.csv.tmp"
    tmp.write_bytes(b"two\n")
    tmp.replace(data)
    assert second.of(data) == hashlib.sha256(b"two\n").hexdigest()
    # a file changed in place, even keeping its size, has a new mtime
    with linked.open("r+b") as handle:
        handle.write(b"six\n")
    assert second.of(linked) == hashlib.sha256(b"six\n").hexdigest()


def test_a_file_hashed_just_after_it_was_written_is_not_remembered(tmp_path: Path) -> None:
    """Its mtime might not move if it changed again in the same clock tick."""
    store = tmp_path / "hashes.json"
    data = tmp_path / "a.csv"
    data.write_bytes(b"one\n")
    hashes = FileHashes(store)
    hashes.of(data)
    hashes.save()
    assert FileHashes(store).known == {}
    assert FileHashes(None).of(data) == hashlib.sha256(b"one\n").hexdigest()

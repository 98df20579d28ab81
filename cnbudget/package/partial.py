"""A partial staging folder: only the entries of a published folder that change, and the names of those to remove.

``publication.py`` renames such a folder's entries into the published folder one by one under its
journal; until then the build reads the folder as it will be through ``merged_view``.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

PARTIAL = ".cnbudget-partial"  # in a staging folder: it holds only what changes; the JSON list of entries to remove


def remove_on_publish(staging: Path, names: list[str]) -> None:
    """The entries of the target that a partial staging folder removes when it is published."""
    (staging / PARTIAL).write_text(json.dumps(sorted(names), ensure_ascii=False), encoding="utf-8")


def is_partial(staging: Path) -> bool:
    """Whether ``staging`` holds only what changes in its target (staged with ``partial=True`` over a published folder)."""
    return (staging / PARTIAL).is_file()


def merged_view(target: Path, new: Path | None, home: Path | None = None) -> Path:
    """A folder of links: ``target``'s entries, with ``new``'s over them and those it removes left out.

    Without ``home`` it is a fresh temporary folder named by the target (the caller removes it). With ``home`` (in the
    build's cache) it is the same folder from build to build, ``home/<key of target>``, and only the
    links that differ are made again: one changed package costs a few links, not one per package
    (making and removing thousands of links cost seconds on a busy disk). Without ``new`` it shows
    ``target`` as published (the build refreshes it so, after it publishes).
    """
    removed = set(json.loads((new / PARTIAL).read_text(encoding="utf-8"))) if new is not None else set()
    root = target.resolve()
    want = {name: str(root / name) for name in os.listdir(target) if name not in removed}
    if new is not None:
        want.update({name: str(new.resolve() / name) for name in os.listdir(new) if name != PARTIAL})
    key = hashlib.sha256(str(root).encode()).hexdigest()[:16]
    if home is None:  # named by the target, so what a killed build left is replaced by the next one
        view = Path(tempfile.gettempdir()) / f"cnbudget-pending-{key}"
        if view.exists() or view.is_symlink():
            _remove(view)
        view.mkdir()
    else:
        view = home / key
        view.mkdir(parents=True, exist_ok=True)
    have = set(os.listdir(view))
    for name in sorted(have - set(want)):
        _remove(view / name)
    for name, points in want.items():
        link = view / name
        if name in have:
            try:
                if os.readlink(link) == points:
                    continue
            except OSError:
                pass  # not a link: made again below
            _remove(link)
        os.symlink(points, link)
    return view


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def refresh_view(target: Path, home: Path) -> None:
    """The kept folder of links of ``target`` made to show it as published (a failure only leaves it to the next build)."""
    try:
        if target.is_dir():
            merged_view(target, None, home)
    except OSError:
        return

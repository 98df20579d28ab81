"""A partial staging folder: only the entries of a published folder that change, and the names of those to remove.

``publication.py`` renames such a folder's entries into the published folder one by one under its
journal; until then the build reads the folder as it will be through ``merged_view``.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

PARTIAL = ".cnbudget-partial"  # in a staging folder: it holds only what changes; the JSON list of entries to remove


def remove_on_publish(staging: Path, names: list[str]) -> None:
    """The entries of the target that a partial staging folder removes when it is published."""
    (staging / PARTIAL).write_text(json.dumps(sorted(names), ensure_ascii=False), encoding="utf-8")


def is_partial(staging: Path) -> bool:
    """Whether ``staging`` holds only what changes in its target (staged with ``partial=True`` over a published folder)."""
    return (staging / PARTIAL).is_file()


def merged_view(target: Path, new: Path) -> Path:
    """A temporary folder of links: ``target``'s entries, with ``new``'s over them and those it removes left out."""
    removed = set(json.loads((new / PARTIAL).read_text(encoding="utf-8")))
    view = Path(tempfile.mkdtemp(prefix="cnbudget-pending-"))
    for folder in (target, new):
        for name in os.listdir(folder):
            if (folder is target and name in removed) or name == PARTIAL:
                continue
            link = view / name
            if link.is_symlink():
                link.unlink()
            os.symlink(folder.resolve() / name, link)
    return view

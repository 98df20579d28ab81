"""Output folders: which ones the build may write into, and one build at a time in each.

- A build writes only into a folder it created, an empty one, or one holding its marker
  (``.cnbudget-output``, written into every folder it publishes, naming what the folder holds);
  folders made by cnbudget before the marker existed are recognised by their ``build-report.json``
  or ``.cnbudget-digest``. Anything else is refused (``OutputRefused``) before anything is written.
- The output folders may not be, contain or lie inside a folder the build reads (a source folder,
  the templates, the cache), or each other. Relative paths are resolved against the current directory.
- A lock file beside each output folder (``.NAME.cnbudget-lock``, holding the holder's pid, locked
  with ``flock``) lets one build at a time write there. The lock goes with the process that holds it,
  so a lock file left by a killed build is taken over, and the build says so.
"""

from __future__ import annotations

import errno
import fcntl
import functools
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ParamSpec

MARKER = ".cnbudget-output"
REPORT = "build-report.json"
LEGACY_SIGNS = {"datapackages": REPORT, "site": ".cnbudget-digest"}
P = ParamSpec("P")


class OutputRefused(Exception):
    """An output folder the build will not write into, or may not write into now; the message says why."""


def marker_text(role: str) -> str:
    """The marker's fixed content for an output folder holding ``role`` (the same bytes on every build)."""
    return f"cnbudget {role}\nThis folder is written by cnbudget (build.py), which replaces what it holds on every build.\n"


def write_marker(folder: Path, role: str) -> None:
    """Mark ``folder`` as an output folder of the build holding ``role``."""
    (folder / MARKER).write_text(marker_text(role), encoding="utf-8")


def marker_role(folder: Path) -> str | None:
    """What the output folder holds by its marker (``datapackages`` or ``site``); None without one."""
    try:
        first = (folder / MARKER).read_text(encoding="utf-8").split("\n", 1)[0]
    except (OSError, UnicodeDecodeError):
        return None
    return first.removeprefix("cnbudget ") if first.startswith("cnbudget ") else None


def _made_before_markers(folder: Path, role: str) -> bool:
    """Whether ``folder`` is an output of a cnbudget from before the marker: its report or its site digest."""
    sign = folder / LEGACY_SIGNS[role]
    if role == "site":
        return sign.is_file()
    try:
        report = json.loads(sign.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(report, dict) and {"sources", "counts"} <= report.keys()


def is_ours(folder: Path, role: str) -> bool:
    """Whether the build may replace ``folder``: its marker says ``role``, an earlier cnbudget made it, or it is empty."""
    try:
        empty = not any(folder.iterdir())
    except OSError:
        return False
    return empty or marker_role(folder) == role or (marker_role(folder) is None and _made_before_markers(folder, role))


def ownership_problem(role: str, folder: Path) -> str | None:
    """Why the build may not write ``folder`` as its ``role`` output; None when it may."""
    if folder.parent == folder:
        return f"--{role} {folder} is the root of the file system; choose a folder of its own"
    if not folder.exists() and not folder.is_symlink():
        return None
    if not folder.is_dir():
        return f"--{role} {folder} is not a folder; choose a new or empty folder"
    other = marker_role(folder)
    if other is not None and other != role:
        return f"--{role} {folder} holds cnbudget's {other} (its {MARKER} says so), not its {role}; choose another folder"
    if not is_ours(folder, role):
        return (
            f"--{role} {folder} is not empty and was not made by cnbudget (it holds no {MARKER}); the build replaces "
            "everything in its output folders, so it will not write there: choose a new or empty folder"
        )
    return None


def _relation(output: Path, other: Path) -> str | None:
    """How ``output`` lies relative to ``other``: 'is', 'contains', 'lies inside', or None when apart."""
    if output == other:
        return "is"
    if output in other.parents:
        return "contains"
    if other in output.parents:
        return "lies inside"
    return None


def overlap_problem(outputs: dict[str, Path], read: Iterable[tuple[str, Path]]) -> str | None:
    """Why the output folders clash with each other or with what the build reads; None when they do not."""
    roles = list(outputs.items())
    for i, (role, folder) in enumerate(roles):
        for other_role, other in roles[i + 1 :]:
            if (how := _relation(folder, other)) is not None:
                return f"--{role} {folder} {how} --{other_role} {other}; the two outputs need folders of their own, side by side"
        for what, path in read:
            if (how := _relation(folder, path)) is not None:
                return f"--{role} {folder} {how} the {what} {path}; the build reads from there, and replaces everything in its output folders"
    return None


def claim_outputs(datapackages: Path, site: Path | None, read: Iterable[tuple[str, Path]]) -> dict[str, Path]:
    """The output folders by role, made absolute; raises OutputRefused when one is not the build's to write."""
    outputs = {"datapackages": datapackages.resolve()}
    if site is not None:
        outputs["site"] = site.resolve()
    problem = overlap_problem(outputs, [(what, path.resolve()) for what, path in read])
    for role, folder in outputs.items():
        problem = problem or ownership_problem(role, folder)
    if problem is not None:
        raise OutputRefused(problem)
    return outputs


# Lock file descriptors this process holds: a forked worker closes its copies, so that the lock
# goes with the build itself and never outlives it in a worker.
_HELD: set[int] = set()


def _close_held_in_child() -> None:
    for fd in _HELD:
        os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_close_held_in_child)


def _read_pid(fd: int) -> int | None:
    """The pid written in an open lock file; None when it holds none."""
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return int(text) if text.isdigit() else None


class Lock:
    """The lock of one output folder: ``.NAME.cnbudget-lock`` beside it, with the holder's pid."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder.parent / f".{folder.name}.cnbudget-lock"
        self.fd: int | None = None

    def acquire(self, log: Callable[[str], None]) -> None:
        """Hold the lock, or raise OutputRefused naming the build that holds it."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = _read_pid(fd)
                os.close(fd)
                who = f"process {holder}" if holder else "a process that is starting"
                raise OutputRefused(f"another build ({who}) is writing into {self.folder}; wait for it to finish, or stop it, and build again") from None
            if self._still_the_file(fd):
                break
            os.close(fd)  # its holder removed it between our open and our lock: lock the new one
        left_by = _read_pid(fd)
        if left_by is not None and left_by != os.getpid():
            log(f"lock: {self.path} was left by process {left_by}, which stopped without releasing it; taken over")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        self.fd = fd
        _HELD.add(fd)

    def _still_the_file(self, fd: int) -> bool:
        try:
            return os.stat(self.path).st_ino == os.fstat(fd).st_ino
        except FileNotFoundError:
            return False

    def release(self) -> None:
        """Remove the lock file and let the lock go (removed first, so no one locks a file about to vanish)."""
        if self.fd is None:
            return
        self.path.unlink(missing_ok=True)
        _HELD.discard(self.fd)
        os.close(self.fd)
        self.fd = None


_NO_SPACE = {errno.ENOSPC, errno.EDQUOT}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}
KEPT = "nothing half-written was published: the output folders hold the last complete build"


def _message(exc: OSError) -> str | None:
    """What a user is told about an error of the file system; None for one that is a bug."""
    where = f" (writing {exc.filename})" if exc.filename else ""
    if exc.errno in _NO_SPACE:
        return f"the disk is full{where}; {KEPT}. Free some space and build again"
    if exc.errno in _NOT_ALLOWED:
        return f"{exc.strerror}{where}; {KEPT}. Check the folders' permissions"
    return None


def clean_exits(main: Callable[P, int]) -> Callable[P, int]:
    """``main`` whose refusals, Ctrl-C and full disk give a message and an exit status instead of a traceback."""

    @functools.wraps(main)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> int:
        try:
            return main(*args, **kwargs)
        except OutputRefused as exc:
            print(f"build.py: {exc}", file=sys.stderr)
            return 2
        except KeyboardInterrupt:
            print(f"build.py: interrupted; {KEPT}", file=sys.stderr)
            return 130
        except OSError as exc:
            message = _message(exc)
            if message is None:
                raise
            print(f"build.py: {message}", file=sys.stderr)
            return 1

    return guarded

"""Publishing: the output folders of a build are staged aside and swapped in together, under a journal.

Each output folder (``datapackages/``, ``site/``) is written into a staging folder beside it (``.NAME.cnbudget-new``). When all are
complete, the build writes a journal naming them, moves each target aside (``.NAME.cnbudget-old``) and its staging folder into place,
removes the journal, then the old folders. A build stopped before the journal leaves the previous folders as they were (the next build
removes its staging folders); one stopped after it is finished by the next build, which reads the journal first. So the packages and the
site always come from one build, and the last complete build is never lost. Ctrl-C is held off while the folders are swapped.

A published folder can be staged **in part** (``staged(folder, partial=True)``, ``partial.py``): only
the entries that change (a package, ``all/``, a shard, the report), each renamed into place under the
same journal after its old one is moved aside, so one changed source never copies or removes the
whole tree; ``pending(folder)`` is then a folder of links showing it as it will be.

``build`` runs inside ``owned_outputs``, which claims the folders (``outputs.py``), locks and repairs
them; ``publish.py`` and the renderer write into ``staged(folder)`` and read ``pending(folder)``.

Test hooks (for tests/test_safety.py): ``CNBUDGET_TEST_KILL_AT=<point>`` makes the build kill itself
at a named checkpoint, ``CNBUDGET_TEST_HOLD_AT=<point>:<file>`` makes it wait there until ``file`` exists.
"""

from __future__ import annotations

import contextvars
import functools
import inspect
import json
import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ParamSpec, TypeVar

from cnbudget.package.outputs import MARKER, REPORT, Lock, OutputRefused, claim_outputs, is_ours, ownership_problem, write_marker
from cnbudget.package.partial import PARTIAL, merged_view, remove_on_publish

Log = Callable[[str], None]
P = ParamSpec("P")
R = TypeVar("R")
KILL_AT = "CNBUDGET_TEST_KILL_AT"
HOLD_AT = "CNBUDGET_TEST_HOLD_AT"


def checkpoint(point: str) -> None:
    """Return at once, unless a test asked the build to die or to wait at ``point``."""
    if os.environ.get(KILL_AT) == point:
        os.kill(os.getpid(), signal.SIGKILL)
    name, _, release = os.environ.get(HOLD_AT, "").partition(":")
    if name == point:
        deadline = time.monotonic() + 60
        while not Path(release).exists() and time.monotonic() < deadline:
            time.sleep(0.02)


def new_of(target: Path) -> Path:
    """The staging folder of ``target``."""
    return target.parent / f".{target.name}.cnbudget-new"


def old_of(target: Path) -> Path:
    """Where ``target`` waits while its new contents are moved in."""
    return target.parent / f".{target.name}.cnbudget-old"


def journal_of(datapackages: Path) -> Path:
    """The journal of a publication, beside the packages folder."""
    return datapackages.parent / f".{datapackages.name}.cnbudget-journal"


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_journal(journal: Path, swaps: dict[Path, str]) -> None:
    tmp = journal.with_name(f"{journal.name}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump({"swaps": [{"role": role, "target": str(target)} for target, role in swaps.items()]}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    tmp.replace(journal)  # the journal exists complete or not at all
    _sync_folder(journal.parent)


def _read_journal(journal: Path) -> dict[Path, str]:
    """The swaps a journal names: target folder → role."""
    try:
        body = json.loads(journal.read_text(encoding="utf-8"))
        return {Path(s["target"]): str(s["role"]) for s in body["swaps"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise OutputRefused(f"the journal {journal} of an interrupted build cannot be read ({exc}); remove it and build again") from exc


def _aside(entry: Path, to: Path, role: str) -> None:
    """``entry`` moved to ``to`` (whatever an earlier attempt left there removed first), if it exists."""
    if not entry.exists() and not entry.is_symlink():
        return
    if to.is_dir() and not to.is_symlink():
        shutil.rmtree(to)
    elif to.exists() or to.is_symlink():
        to.unlink()
    entry.rename(to)
    checkpoint(f"moved-out-{role}")


def _merge_in(target: Path, new: Path, old: Path, role: str) -> None:
    """A partial staging folder's entries renamed into ``target`` one by one, the entries they replace or remove moved to ``old``."""
    removals = json.loads((new / PARTIAL).read_text(encoding="utf-8"))
    if not old.exists():
        old.mkdir()
        write_marker(old, role)
    if (new / MARKER).is_file():  # a folder adopted from an older cnbudget gets its marker (copied: the staging folder keeps its own)
        shutil.copyfile(new / MARKER, target / f"{MARKER}.tmp")
        os.replace(target / f"{MARKER}.tmp", target / MARKER)
    staged = sorted(set(os.listdir(new)) - {MARKER, PARTIAL})
    for name in staged:
        _aside(target / name, old / name, role)
        (new / name).rename(target / name)
        checkpoint(f"moved-in-{role}")
    for name in removals:
        if name not in (MARKER, PARTIAL, *staged) and "/" not in name:
            _aside(target / name, old / name, role)
    _sync_folder(target)
    new.rename(old / ".cnbudget-staged")  # one atomic step: a staging folder left half-removed would read as a whole one
    _sync_folder(target.parent)


def _swap_in(swaps: dict[Path, str]) -> None:
    """Each staged folder moved into place, its target moved aside first; redone after a crash, it picks up where it stopped."""
    for target, role in swaps.items():
        new, old = new_of(target), old_of(target)
        if not new.exists():
            continue  # moved in before the crash
        if (new / PARTIAL).is_file() and target.is_dir():
            _merge_in(target, new, old, role)
            continue
        if target.exists():
            if old.exists():
                shutil.rmtree(old)
            target.rename(old)
            checkpoint(f"moved-out-{role}")
        new.rename(target)
        checkpoint(f"moved-in-{role}")
        _sync_folder(target.parent)


def _finish(journal: Path, swaps: dict[Path, str]) -> None:
    journal.unlink()
    _sync_folder(journal.parent)
    checkpoint("journal-removed")
    for target in swaps:
        if old_of(target).exists():
            shutil.rmtree(old_of(target))


def _remove_ours(folder: Path, role: str) -> None:
    """``folder`` removed, if cnbudget made it; otherwise OutputRefused (it is in the way)."""
    if not is_ours(folder, role):
        raise OutputRefused(f"{folder} is in the way of the build's {role} and was not made by cnbudget; move it elsewhere and build again")
    shutil.rmtree(folder)


def repair(outputs: dict[str, Path], log: Log) -> None:
    """Finish the publication a crash interrupted, and clear what a stopped build left beside the output folders."""
    journal = journal_of(outputs["datapackages"])
    journal.with_name(f"{journal.name}.tmp").unlink(missing_ok=True)
    if journal.exists():
        swaps = _read_journal(journal)
        for target, role in swaps.items():
            if new_of(target).exists() and not is_ours(new_of(target), role):
                raise OutputRefused(f"{new_of(target)}, named by the journal {journal}, was not made by cnbudget; remove the journal and build again")
        _swap_in(swaps)
        _finish(journal, swaps)
        log(f"repair: finished publishing {', '.join(map(str, swaps))}, which a stopped build had begun to swap in")
    for role, target in outputs.items():
        new, old, legacy = new_of(target), old_of(target), target.parent / f".{target.name}.old"
        if new.exists():
            _remove_ours(new, role)
            log(f"repair: removed {new}, left half-written by a build that was stopped")
        if old.exists() and target.exists():
            _remove_ours(old, role)
            log(f"repair: removed {old}, the previous {role}, which a stopped build had not yet removed")
        elif old.exists() or (legacy.is_dir() and not target.exists() and is_ours(legacy, role)):
            source = old if old.exists() else legacy
            if not is_ours(source, role):
                raise OutputRefused(f"{source} is in the way of the build's {role} and was not made by cnbudget; move it elsewhere and build again")
            source.rename(target)
            log(f"repair: {target} was missing (a build was stopped while swapping it); restored the last complete one from {source}")


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C (and SIGTERM) held off until the block ends, so a build stops before or after the swap, never in it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Publication:
    """The output folders of one build: each staged aside, then all swapped in together."""

    def __init__(self, outputs: dict[str, Path]) -> None:
        self.roles = {target: role for role, target in outputs.items()}
        self.journal = journal_of(outputs["datapackages"])
        self.ready: dict[Path, str] = {}
        self.after: list[Callable[[], None]] = []
        self.swapping = False
        self.views: dict[Path, Path] = {}  # a partly staged target → the folder of links that shows it as it will be
        self.view_home: Path | None = None  # where those folders are kept from build to build (else they are temporary)

    @contextmanager
    def stage(self, target: Path, partial: bool = False) -> Iterator[Path]:
        """A fresh staging folder for ``target``, marked (and, ``partial``, holding only what changes); removed if the block fails."""
        role = self.roles[target]
        new = new_of(target)
        if new.exists():
            _remove_ours(new, role)
        new.mkdir()
        write_marker(new, role)
        if partial and target.is_dir():
            remove_on_publish(new, [])
        checkpoint(f"staging-{role}")
        try:
            yield new
        except BaseException:
            shutil.rmtree(new, ignore_errors=True)
            raise
        if (new / PARTIAL).is_file():  # what is staged is replaced, not removed (so a swap redone after a crash keeps it)
            remove_on_publish(new, sorted(set(json.loads((new / PARTIAL).read_text(encoding="utf-8"))) - set(os.listdir(new))))
        self.ready[target] = role
        checkpoint(f"staged-{role}")

    def pending(self, target: Path) -> Path:
        """Where ``target``'s contents of this build are now: its staging folder once staged (a view of links, once staged in part)."""
        if target not in self.ready:
            return target
        new = new_of(target)
        if not (new / PARTIAL).is_file():
            return new
        if target not in self.views:
            self.views[target] = merged_view(target, new, self.view_home)
        return self.views[target]

    def drop_views(self) -> None:
        """Returns nothing: forgets the merged views of staged folders, removing them unless they live in ``view_home``."""
        if self.view_home is None:
            for view in self.views.values():
                shutil.rmtree(view, ignore_errors=True)
        self.views = {}

    def commit(self) -> None:
        """Every staged folder swapped in, then the callbacks waiting for it run."""
        self.drop_views()
        if self.ready:
            with _interrupts_held():
                _write_journal(self.journal, self.ready)
                self.swapping = True  # from here on a failure is finished by the next build, never undone
                checkpoint("journal-written")
                _swap_in(self.ready)
                _finish(self.journal, self.ready)
                self.ready, self.swapping = {}, False
            checkpoint("published")
        for callback in self.after:
            callback()

    def discard(self) -> None:
        """Staging folders that were not published removed (not once the swap has begun)."""
        self.drop_views()
        if not self.swapping:
            for target in self.ready:
                shutil.rmtree(new_of(target), ignore_errors=True)
            self.ready = {}


_ACTIVE: contextvars.ContextVar[Publication | None] = contextvars.ContextVar("cnbudget_publication", default=None)


@contextmanager
def publishing(outputs: dict[str, Path], log: Log) -> Iterator[Publication]:
    """The publication of a build: its output folders locked and repaired; what it staged and did not publish removed."""
    locks = [Lock(folder) for folder in sorted(outputs.values())]
    publication = Publication(outputs)
    token = _ACTIVE.set(publication)
    try:
        for lock in locks:
            lock.acquire(log)
        repair(outputs, log)
        for role, folder in outputs.items():
            if (problem := ownership_problem(role, folder)) is not None:
                raise OutputRefused(problem)
        checkpoint("locked")
        yield publication
    finally:
        publication.discard()
        _ACTIVE.reset(token)
        for lock in reversed(locks):
            lock.release()


def owned_outputs(build: Callable[P, R]) -> Callable[P, R]:
    """``build`` writing only into output folders of its own, one build at a time, its outputs published together."""
    signature = inspect.signature(build)

    @functools.wraps(build)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
        bound = signature.bind(*args, **kwargs)
        bound.apply_defaults()
        given = bound.arguments
        read = [("source", Path(s)) for s in given["sources"]] + [("templates folder", Path(given["templates"]))]
        if given.get("cache") is not None:
            read.append(("cache folder", Path(given["cache"])))
        outputs = claim_outputs(Path(given["datapackages"]), given["site"] and Path(given["site"]), read)
        given["datapackages"], given["site"] = outputs["datapackages"], outputs.get("site")
        run: Callable[..., R] = build
        with publishing(outputs, given["log"]) as publication:
            result = run(*bound.args, **bound.kwargs)
            publication.commit()
        return result

    return guarded


@contextmanager
def staged(target: Path, partial: bool = False) -> Iterator[Path]:
    """A fresh folder to write ``target``'s new contents into, published with the build's other outputs.

    With ``partial`` (and ``target`` already there), the folder takes only the entries that change
    and ``remove_on_publish`` the ones to remove; the rest of ``target`` stays as it is.
    Outside ``build`` (a library caller publishing packages alone), the folder is claimed, locked
    and published on its own, as a packages folder.
    """
    active = _ACTIVE.get()
    if active is not None and target.resolve() in active.roles:
        with active.stage(target.resolve(), partial) as folder:
            yield folder
        return
    with publishing(claim_outputs(target, None, []), print) as alone:
        with alone.stage(target.resolve(), partial) as folder:
            yield folder
        alone.commit()


def pending(folder: Path) -> Path:
    """Where ``folder``'s contents of this build are until they are published."""
    active = _ACTIVE.get()
    return active.pending(folder.resolve()) if active is not None else folder


def keep_views_in(home: Path) -> None:
    """Keep the folders of links that show a partly staged output (``pending``) in ``home`` from build to build."""
    active = _ACTIVE.get()
    if active is not None:
        active.view_home = home


def view_home() -> Path | None:
    """Where the build keeps its folders of links (None: they are temporary)."""
    active = _ACTIVE.get()
    return active.view_home if active is not None else None


def after_publish(callback: Callable[[], None]) -> None:
    """Run ``callback`` once the build's outputs are published (at once outside a build)."""
    active = _ACTIVE.get()
    if active is None:
        callback()
    else:
        active.after.append(callback)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def carry_over(datapackages: Path, out: Path) -> None:
    """What else a user keeps in the packages folder (files, folders, dot-files), linked into ``out``; packages are not."""
    if not datapackages.is_dir():
        return
    for item in sorted(datapackages.iterdir()):
        if item.name in (REPORT, MARKER) or (out / item.name).exists() or (item / "datapackage.json").is_file():
            continue
        if item.is_dir() and not item.is_symlink():
            shutil.copytree(item, out / item.name, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(item, out / item.name)

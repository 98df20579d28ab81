"""Per-source work in worker processes, bounded in time and in memory.

Each source is read and recognised in a worker process, and each disclosure is normalised and
checked in one; a worker takes one piece of work after another, each under its own limits. The
build kills a worker that outlives its time (and starts a fresh one), and a worker's address space
is capped (``RLIMIT_AS``) before each piece of work, so a file made to stall or swell a reader (a compression
bomb, a huge text) is stopped and reported with a code of its own (``time-limit``, ``memory-limit``,
``worker-crashed``) while the build goes on. One time limit covers the whole work on a source: the
time its reading took counts against the building of its disclosure.

The deadline is kept by the build, not by a timer inside the worker: pdfminer catches the
exceptions raised inside it, so a timer's exception came back as a damaged PDF. Workers are forked
(they start at once with the library loaded) and die with the build.
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import gc
import math
import multiprocessing
import os
import pickle
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from cnbudget.model import Disclosure, SourceResult
    from cnbudget.pipeline.per_source import Limits

T = TypeVar("T")
MB = 2**20
MEMORY_EXIT = 75  # a worker's exit status when it ran out of memory and could not even say so through its pipe


class Stopped(Exception):
    """Work that its worker's limits stopped, or whose worker died; carries a kebab-case code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class WorkerError(Exception):
    """An exception of a worker that cannot travel to the build as it was; its text and traceback do."""


@dataclass(frozen=True)
class Bounds:
    """What one piece of work may cost: ``seconds`` and ``memory`` (MB beyond what its worker starts with); 0 is no limit."""

    seconds: float
    memory: int
    limit: float  # the time limit as the user gave it, for the message


def time_message(limit: float) -> str:
    """What a user is told about a source stopped by the time limit."""
    return (
        f"reading and checking it took longer than the limit of {limit:g} s and was stopped; the file may be damaged or "
        "built to stall readers (raise --time-limit if it is a genuine, very large disclosure)"
    )


def memory_message(memory: int) -> str:
    """What a user is told about a source stopped by the memory limit."""
    limit = f"the limit of {memory} MB" if memory > 0 else "what the machine could give"
    return (
        f"reading and checking it needed more memory than {limit} and was stopped; the file may be a compression bomb "
        "or built to exhaust readers (raise --memory-limit if it is a genuine, very large disclosure)"
    )


def _crash_message(exitcode: int | None) -> str:
    """What a user is told about a worker that died without an answer."""
    how = f"killed by {signal.Signals(-exitcode).name}" if exitcode is not None and exitcode < 0 else f"exit status {exitcode}"
    return (
        f"the worker process reading it died ({how}); the machine may have run out of memory (lower --jobs or "
        "--memory-limit), or this is a bug in cnbudget (run with --debug and report it)"
    )


def _address_space() -> int:
    """The bytes of address space this process has now (0 where /proc cannot tell)."""
    try:
        return int(Path("/proc/self/statm").read_text(encoding="ascii").split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _cap(limit: int, value: int) -> None:
    """Set a soft resource limit, never above its hard limit."""
    _, hard = resource.getrlimit(limit)
    resource.setrlimit(limit, (value if hard == resource.RLIM_INFINITY else min(value, hard), hard))


def _enter_worker(parent: int) -> None:
    """The worker process set up: Ctrl-C left to the build, killed with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build handles Ctrl-C and stops its workers
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: a killed build takes its workers along
    if os.getppid() != parent:
        os._exit(1)


def _limit(bounds: Bounds) -> None:
    """Cap the worker for its next piece of work: memory beyond what it holds now, CPU time beyond what it has used."""
    if bounds.memory > 0:
        _cap(resource.RLIMIT_AS, _address_space() + bounds.memory * MB)
    if bounds.seconds > 0:
        # a backstop only: the build kills the worker at its deadline
        used = resource.getrusage(resource.RUSAGE_SELF)
        _cap(resource.RLIMIT_CPU, math.ceil(used.ru_utime + used.ru_stime + bounds.seconds) + 30)


def _portable(exc: Exception) -> Exception:
    """``exc`` with the worker's traceback as a note, in a form that survives the trip to the build."""
    exc.add_note("in a worker process:\n" + "".join(traceback.format_exception(exc)))
    try:
        pickle.loads(pickle.dumps(exc))
    except (pickle.PickleError, TypeError, AttributeError, ValueError):  # it cannot make the trip: send its text instead
        portable = WorkerError(f"{type(exc).__name__}: {exc}")
        portable.add_note("".join(traceback.format_exception(exc)))
        return portable
    return exc


def _work(orders: Connection, answers: Connection, calls: Sequence[Callable[[], object]], bounds: Sequence[Bounds], parent: int) -> None:
    """A worker's life: for each index the build sends, that call's value, its MemoryError or its exception sent back.

    The worker was forked after ``calls`` existed, so a call never travels (it may be a closure), only
    its index and its value. After a MemoryError the worker ends: the build starts a fresh one.
    """
    _enter_worker(parent)
    while True:
        try:
            index = orders.recv()
        except (EOFError, OSError):
            return
        if index is None:
            return
        try:
            if not _answer(answers, calls[index], bounds[index]):
                return
        except MemoryError:
            # even the word “memory” could not be sent (or the exception's own report ran out): the exit
            # status says it, so the build reports the memory limit, not a crash
            os._exit(MEMORY_EXIT)


def _answer(answers: Connection, call: Callable[[], object], bounds: Bounds) -> bool:
    """Send ``call``'s value, its MemoryError or its exception to the build; whether the worker may take more work."""
    _limit(bounds)
    message: tuple[str, object]
    try:
        message = ("value", call())
    except MemoryError:
        message = ("memory", None)
    except Exception as exc:  # noqa: BLE001 - the worker's boundary: the build raises it again, as if the call were its own
        message = ("error", _portable(exc))
    try:
        answers.send(message)
    except MemoryError:
        del message  # what could not be sent is let go before the short answer is tried
        answers.send(("memory", None))
        return False
    return message[0] != "memory"


@dataclass
class _Worker:
    process: BaseProcess
    orders: Connection
    answers: Connection
    index: int = -1  # the call it is working on; -1: none
    deadline: float = math.inf
    bounds: Bounds = Bounds(0.0, 0, 0.0)


def _start(context: BaseContext, calls: Sequence[Callable[[], object]], bounds: Sequence[Bounds]) -> _Worker:
    orders_out, orders_in = context.Pipe(duplex=False)
    answers_in, answers_out = context.Pipe(duplex=False)
    process = context.Process(target=_work, args=(orders_out, answers_out, calls, bounds, os.getpid()), daemon=True)  # type: ignore[attr-defined]
    gc.freeze()  # the worker's collector leaves the build's objects alone, so it does not copy every page they lie on
    try:
        process.start()
    finally:
        gc.unfreeze()
    orders_out.close()
    answers_out.close()  # the build keeps only its own ends, so a worker that dies reads as the end of the pipe
    return _Worker(process, orders_in, answers_in)


def _give(worker: _Worker, index: int, bounds: Bounds) -> None:
    worker.index, worker.bounds = index, bounds
    worker.deadline = time.monotonic() + bounds.seconds if bounds.seconds > 0 else math.inf
    worker.orders.send(index)


def _stop(worker: _Worker) -> None:
    worker.process.kill()
    worker.process.join()
    worker.orders.close()
    worker.answers.close()


def _outcome(worker: _Worker) -> tuple[Any, bool]:
    """What the worker sent for its call (its value, or Stopped; raises what the call raised), and whether the worker goes on."""
    try:
        kind, value = worker.answers.recv()
    except (EOFError, OSError):
        kind, value = "died", None
    if kind == "value":
        return value, True
    if kind == "error":
        raise value
    _stop(worker)
    if kind == "memory" or worker.process.exitcode == MEMORY_EXIT:
        return Stopped("memory-limit", memory_message(worker.bounds.memory)), False
    if worker.process.exitcode == -signal.SIGXCPU:
        return Stopped("time-limit", time_message(worker.bounds.limit)), False
    return Stopped("worker-crashed", _crash_message(worker.process.exitcode)), False


def run_bounded(calls: Sequence[Callable[[], T]], jobs: int, bounds: Bounds | Sequence[Bounds]) -> Iterator[T | Stopped]:
    """Each call's value, or Stopped, in the order of ``calls``, in at most ``jobs`` workers (bounds for all, or one per call).

    A worker takes one call after another (forking one per call cost more than most calls: the
    build's process grows with the collection, and a fork copies its page tables); a worker that a
    limit stopped, or that died, is replaced by a fresh one.
    """
    context = multiprocessing.get_context("fork")
    each = [bounds] * len(calls) if isinstance(bounds, Bounds) else list(bounds)
    idle: list[_Worker] = []
    busy: list[_Worker] = []
    done: dict[int, T | Stopped] = {}
    given = 0
    try:
        for index in range(len(calls)):
            while index not in done:
                while given < len(calls) and len(busy) < max(jobs, 1):
                    worker = idle.pop() if idle else _start(context, calls, each)
                    _give(worker, given, each[given])
                    busy.append(worker)
                    given += 1
                _gather(busy, idle, done)
            yield done.pop(index)
    finally:
        for worker in busy + idle:
            _stop(worker)


def _gather(busy: list[_Worker], idle: list[_Worker], done: dict[int, Any]) -> None:
    """Wait until a worker answers or runs out of time; record what is over, and put the workers that go on in ``idle``."""
    soonest = min(w.deadline for w in busy)
    ready = wait([w.answers for w in busy], None if soonest == math.inf else max(soonest - time.monotonic(), 0.0))
    now = time.monotonic()
    for worker in list(busy):
        if worker.answers in ready:
            busy.remove(worker)
            try:
                done[worker.index], goes_on = _outcome(worker)
            except BaseException:
                _stop(worker)
                raise
            if goes_on:
                idle.append(worker)
        elif now >= worker.deadline:
            busy.remove(worker)
            _stop(worker)
            done[worker.index] = Stopped("time-limit", time_message(worker.bounds.limit))


def _read_timed(read_one: Callable[[Path, bool, Limits], SourceResult], path: Path, debug: bool, limits: Limits) -> SourceResult:
    """``read_one``'s result, with the seconds it took and the memory limit named in its message."""
    start = time.monotonic()
    result = read_one(path, debug, dataclasses.replace(limits, seconds=0.0))
    result.seconds = time.monotonic() - start
    if result.error is not None and result.error[0] == "memory-limit":
        result.error = ("memory-limit", memory_message(limits.memory), result.error[2])
    return result


def read_in_workers(
    read_one: Callable[[Path, bool, Limits], SourceResult], files: list[Path], jobs: int, debug: bool, limits: Limits
) -> Iterator[SourceResult]:
    """Every file read by ``read_one`` in a worker of its own, in order; one its limits stopped comes back failed."""
    from cnbudget.model import SourceResult

    calls = [functools.partial(_read_timed, read_one, f, debug, limits) for f in files]
    for path, outcome in zip(files, run_bounded(calls, jobs, Bounds(limits.seconds, limits.memory, limits.seconds))):
        if isinstance(outcome, Stopped):
            yield SourceResult(path, error=(outcome.code, str(outcome), None), seconds=limits.seconds)
        else:
            yield outcome


def _left(members: list[SourceResult], limits: Limits) -> Bounds:
    """What is left of the slowest member's time limit, and the memory limit."""
    left = max(limits.seconds - max((m.seconds for m in members), default=0.0), 0.01) if limits.seconds > 0 else 0.0
    return Bounds(left, limits.memory, limits.seconds)


class Failed:
    """An exception of a disclosure's build, carried back from its worker as text (it may not pickle)."""

    def __init__(self, error: BaseException) -> None:
        self.name, self.message = type(error).__name__, str(error)
        self.traceback = "".join(traceback.format_exception(error))


def _guarded(build_disclosure: Callable[[list[SourceResult], dict[str, dict[str, str]]], Disclosure], members: list[SourceResult], manifest: dict[str, dict[str, str]]) -> Disclosure | Failed:
    try:
        return build_disclosure(members, manifest)
    except MemoryError:  # the worker reports it as its memory limit
        raise
    except Exception as error:  # noqa: BLE001  # the per-disclosure boundary, inside the worker
        return Failed(error)


def build_in_workers(
    build_disclosure: Callable[[list[SourceResult], dict[str, dict[str, str]]], Disclosure],
    groups: list[list[SourceResult]],
    manifest: dict[str, dict[str, str]],
    limits: Limits,
    jobs: int,
) -> Iterator[Disclosure | Failed | Stopped]:
    """Each group's disclosure (or why it has none), in order, built in up to ``jobs`` workers at a time, each within its limits."""
    calls = [functools.partial(_guarded, build_disclosure, members, manifest) for members in groups]
    yield from run_bounded(calls, jobs, [_left(members, limits) for members in groups])

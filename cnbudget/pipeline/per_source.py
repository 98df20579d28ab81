"""One source read and recognised within its limits: the boundary where a bad source becomes a report entry."""

from __future__ import annotations

import signal
import threading
from dataclasses import dataclass
from pathlib import Path

from cnbudget.model import SourceResult
from cnbudget.read import UnreadableSource, read_source
from cnbudget.recognise.blocks import recognise_blocks
from cnbudget.recognise.identify import identify


@dataclass(frozen=True)
class Limits:
    """What one source may cost before it is stopped and reported."""

    seconds: float = 300.0
    pages: int = 1000
    memory: int = 1024  # MB a worker may take beyond what it starts with (workers.py); 0: no limit


def warm() -> None:
    """Load, once in the build's process, the data every worker needs: forked workers inherit it.

    Each worker used to load it for itself, the first time it needed it: the pinyin dictionaries
    (about 0.5 s, for a unit's id), the divisions and the classifications, in every worker, so
    for every disclosure, which made its build 20 times what its work costs.
    """
    from pypinyin import lazy_pinyin

    from cnbudget.official import classification, regions

    lazy_pinyin("预算")
    regions.load_divisions()
    regions.load_index()
    classification.function_name("201", 2024)
    classification.economic_name("301", 2024)


class _TimeLimit(Exception):
    pass


def _on_alarm(signum: int, frame: object) -> None:
    raise _TimeLimit


def read_one(path: Path, debug: bool = False, limits: Limits = Limits()) -> SourceResult:
    """A source read and recognised, or the reason it could not be."""
    result = SourceResult(path)
    # A hostile or broken PDF can make pdfminer loop for hours: an interval timer interrupts
    # the reading (the worker's main thread, or the main thread with --jobs 1).
    timed = limits.seconds > 0 and threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limits.seconds)
    try:
        document = read_source(path, limits.pages)
        blocks = recognise_blocks(document.lines)
        tables = [line for b in blocks if b.kind != "narrative" for line in b.lines]
        result.document, result.blocks = document, blocks
        result.identity = identify(document.lines, tables)
    except UnreadableSource as exc:
        result.error = (exc.code, str(exc), exc.page)
    except _TimeLimit:
        result.error = ("time-limit", f"reading took longer than the limit of {limits.seconds:g} s and was stopped; the file may be damaged or built to stall readers (raise --time-limit if it is a genuine, very large disclosure)", None)
    except (FileNotFoundError, PermissionError, IsADirectoryError) as exc:
        result.error = ("unreadable-file", f"the file cannot be opened ({exc.strerror or type(exc).__name__}); check that it exists and is readable", None)
    except MemoryError:  # the worker's memory limit; workers.py names it in the message
        result.error = ("memory-limit", "reading it needed more memory than a worker may take", None)
    except RecursionError:
        result.error = ("damaged-pdf", "the file's structure nests too deeply to read (a damaged or hostile PDF)", None)
    except Exception as exc:  # the per-source boundary: report, keep building
        if debug:
            raise
        result.error = ("internal-error", f"{type(exc).__name__}: {exc} (a bug in cnbudget; run with --debug for the traceback and report it)", None)
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return result

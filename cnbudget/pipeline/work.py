"""Per-source work: read and recognise one source within its limits, in worker processes or on a cluster."""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from cnbudget.model import SourceResult
from cnbudget.pipeline.cache import Cache
from cnbudget.pipeline.cluster import read_on_cluster
from cnbudget.pipeline.per_source import Limits, read_one
from cnbudget.pipeline.workers import read_in_workers


def read_all(
    files: list[Path],
    jobs: int,
    debug: bool,
    limits: Limits,
    progress: Callable[[int, int], None] | None = None,
    cache: Cache | None = None,
    scheduler: str | None = None,
    packed: bool = False,
) -> list[SourceResult]:
    """Every source read, in the order of ``files`` whatever the number of workers.

    A source whose bytes and reader are unchanged since it was last read comes from the cache;
    the others are read in worker processes (``jobs``) or on a Dask cluster (``scheduler``).
    With ``packed``, each result's bulk is kept as a pickle as soon as it comes (``pack``).
    """
    found: dict[Path, SourceResult] = {}
    if cache is not None:
        for f in files:
            hit = cache.get(f)  # kept packed in the cache: a hit's bulk stays one bytes object until it is used
            if hit is not None:
                found[f] = hit if packed else unpack(hit)
    todo = [f for f in files if f not in found]
    done = len(found)

    def tick() -> None:
        if progress:
            progress(done, len(files))

    tick()
    if scheduler is not None and todo:
        fresh: Iterable[SourceResult] = read_on_cluster(scheduler, todo, debug, limits)
    else:  # each source in a worker process bounded in time and memory
        fresh = read_in_workers(read_one, todo, jobs, debug, limits)
    for f, result in zip(todo, fresh):
        found[f] = result
        if packed or cache is not None:
            pack(result)  # the cache keeps it packed
        if cache is not None:
            cache.put(f, result)
        if not packed:
            unpack(result)
        done += 1
        tick()
    if packed:
        for result in found.values():
            pack(result)
    return [found[f] for f in files]


def pack(result: SourceResult) -> None:
    """Keep the bulk of a read source (its lines, grids and blocks) as one compressed pickle until it is used.

    A read source takes about 25 times its pickle's size as objects (230 KB against 9 KB for a
    synthetic disclosure), and the build holds every source between reading and building, so at
    10,000 sources the objects alone were gigabytes. ``unpack`` gives them back.
    """
    if result.packed is not None or result.document is None:
        return
    result.packed = zlib.compress(pickle.dumps((result.document.lines, result.document.grids, result.blocks), protocol=pickle.HIGHEST_PROTOCOL), 1)
    result.document.lines, result.document.grids, result.blocks = [], [], []


def unpack(result: SourceResult) -> SourceResult:
    """The source as it was read (``pack`` undone); the same object."""
    if result.packed is not None and result.document is not None:
        result.document.lines, result.document.grids, result.blocks = pickle.loads(zlib.decompress(result.packed))
        result.packed = None
    return result
